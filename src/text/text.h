/*
 * text.h — the text stage: from a document's bytes to its text model
 * (script, headline, dateline, boilerplate, paragraphs, tokens, sentences).
 * The rules it follows are data files loaded into td_text_rules.
 */
#ifndef TD_TEXT_H
#define TD_TEXT_H

#include "../core/core.h"
#include "../core/data.h"
#include "../doc/doc.h"
#include "../lex/country.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Abbreviation kinds (abbreviations.txt). */
enum { TD_ABBR_PREFIX = 1, TD_ABBR_OTHER = 2 };

typedef struct td_agency {
  char *name;
} td_agency;

typedef struct td_alias {
  char *text;
  uint32_t len, agency;
} td_alias;

typedef struct td_pattern {
  pcre2_code *re;
  bool at_end; /* boilerplate: only in the closing run of paragraphs */
} td_pattern;

typedef struct td_text_rules {
  td_strmap *abbrev;   /* word (no period) -> TD_ABBR_*                   */
  size_t abbrev_max;   /* length of the longest abbreviation              */
  uint16_t abbrev_lens[256]; /* by first byte: bit k set if an abbreviation
                                of length k (1-15) starts with it         */
  td_strmap *starters; /* capitalised sentence openers                    */
  td_strmap *reporting; /* verbs of speech: said, asked, ...             */
  TD_VEC(td_agency) agencies;
  TD_VEC(td_alias) aliases; /* every alias, longest first               */
  td_strmap *alias_map;     /* alias -> agency index                      */
  uint32_t alias_lens[256]; /* by first byte: bit k set if an alias of
                               length k (31: 31 or more) starts with it  */
  TD_VEC(td_pattern) agency_phrases;
  TD_VEC(td_pattern) datelines;
  TD_VEC(td_pattern) boilerplate;
  const td_countries *countries; /* owned by the context */
} td_text_rules;

bool td_text_rules_load(td_text_rules *r, const char *data_dir, td_diag *err);
void td_text_rules_free(td_text_rules *r);
/* Compiles a data-file pattern; on error fills err with the file, line and
 * the position in the pattern. */
pcre2_code *td_pattern_compile(const char *re, size_t n, uint32_t options,
                               const char *path, long line, td_diag *err);

/* Canonical agency for an alias, or NULL. */
const char *td_agency_lookup(const td_text_rules *r, const char *s, size_t n);

/* ---- UTF-8 -------------------------------------------------------------- */

/* Returns 0 if s is valid UTF-8 without NUL bytes, 1 for invalid UTF-8 and
 * 2 for a NUL byte; *bad is the offset of the first offending byte. */
int td_utf8_check(const char *s, size_t n, size_t *bad);
/* Decodes the code point at s (n bytes available); returns its length, or
 * -1 (and *cp = 0xFFFD) for an invalid sequence. */
int td_utf8_decode(const char *s, size_t n, int32_t *cp);

/* ---- Scripts ------------------------------------------------------------ */

enum {
  TD_SCRIPT_OTHER = 0,
  TD_SCRIPT_LATIN,
  TD_SCRIPT_GREEK,
  TD_SCRIPT_CYRILLIC,
  TD_SCRIPT_ARMENIAN,
  TD_SCRIPT_GEORGIAN,
  TD_SCRIPT_HEBREW,
  TD_SCRIPT_ARABIC,
  TD_SCRIPT_DEVANAGARI,
  TD_SCRIPT_BENGALI,
  TD_SCRIPT_THAI,
  TD_SCRIPT_HANGUL,
  TD_SCRIPT_KANA,
  TD_SCRIPT_HAN,
  TD_NSCRIPTS
};
int td_script_of(int32_t cp);
const char *td_script_name(int script);
/* True for scripts written without spaces between words that we do not
 * segment (Han, Kana): each of their characters is a token. */
bool td_script_unspaced(int script);

/* ---- Stages ------------------------------------------------------------- */

/* Tokenises the whole text; counts letters per script into counts. */
void td_tokenize(td_doc *doc, const td_text_rules *r,
                 uint32_t counts[TD_NSCRIPTS]);
/* Splits the text into paragraphs at blank lines (or at every line break in
 * texts that have no blank line and long lines). */
void td_split_paragraphs(const char *text, uint32_t len, td_doc *doc);
/* Inserts a paragraph at index `at`. */
void td_insert_paragraph(td_doc *doc, size_t at, td_span span, uint8_t role);
/* The frame functions below match PCRE2 patterns into `md`, match data of
 * TD_MATCH_PAIRS pairs that the caller owns (one per thread). */
#define TD_MATCH_PAIRS 64
/* Finds the dateline at the start of paragraph `para`. */
bool td_find_dateline(td_doc *doc, const td_text_rules *r, td_span para,
                      pcre2_match_data *md);
/* Marks boilerplate paragraphs and removes them from doc->paragraphs. */
void td_find_boilerplate(td_doc *doc, const td_text_rules *r,
                         pcre2_match_data *md);
/* Sets the document's source from the dateline, a phrase or boilerplate
 * when the input gave none. */
void td_find_agency(td_doc *doc, const td_text_rules *r,
                    pcre2_match_data *md);
/* Splits every paragraph into sentences. */
void td_split_sentences(td_doc *doc, const td_text_rules *r);

/* Month number (1-12) of an English month name or abbreviation ("Sept.",
 * "September", "sep"), or 0. */
int td_month_number(const char *s, size_t n);

#endif
