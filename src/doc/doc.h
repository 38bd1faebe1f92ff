/*
 * doc.h — the document: its metadata, its original text and every layer the
 * stages add to it. Readers create documents; the text stage fills the text
 * model; later stages attach their own layers with td_doc_add_layer and read
 * the others' through td_doc_layer, never through each other's internals.
 */
#ifndef TD_DOC_H
#define TD_DOC_H

#include "../core/core.h"
#include "../core/wkey.h"

/* Where the document's source (agency) came from. */
typedef enum td_source_from {
  TD_SRC_NONE = 0,
  TD_SRC_INPUT,       /* a field of the input (JSON Lines "source")   */
  TD_SRC_DATELINE,    /* "/TASS/" or "(Reuters)" in the dateline      */
  TD_SRC_TEXT,        /* a phrase such as ", Trend reports."          */
  TD_SRC_BOILERPLATE, /* the agency's name in its closing boilerplate */
  TD_SRC_OPTION       /* --source                                     */
} td_source_from;


/* TimeML inputs keep the raw file and a map from text offsets to raw
 * offsets, so that tags can be written back into the file. */
typedef struct td_offmap {
  uint32_t text, raw; /* from text offset `text` on, raw = text - t + r */
} td_offmap;

/* A tag of a TimeML <TEXT> (EVENT, TIMEX3, SIGNAL ...): what it encloses
 * in the text, and where its opening and closing tags stand in the raw
 * file (a self-closing tag has close == open). */
typedef struct td_xtag {
  char name[16];
  const char *attrs; /* the raw attributes, in the document's arena */
  td_span span;
  uint32_t open, open_end, close, close_end;
} td_xtag;

/* The value of attribute `name` of a tag (raw, entities not decoded) into
 * out; false if absent. */
bool td_xtag_attr(const td_xtag *t, const char *name, char *out, size_t n);

typedef void (*td_layer_write_fn)(const td_doc *doc, const void *data,
                                  td_jw *w);
typedef struct td_layer {
  const char *name;
  void *data;
  td_layer_write_fn write;
  void (*free)(void *data);
} td_layer;

/* The role of a paragraph. */
enum { TD_PARA_BODY = 0, TD_PARA_HEADLINE = 1 };

struct td_doc {
  td_arena arena; /* strings and small allocations of this document */
  td_format format;
  const char *id, *path, *source, *title, *url;
  const char *input; /* what diagnostics call the input ("<stdin>") */
  const char *extra_json; /* unknown JSON Lines fields, as a JSON object */
  const char *source_fallback;
  td_source_from source_from;
  td_date date;
  long long text_offset; /* byte of text[0] in the input; -1 if decoded */
  long text_line;        /* line of text[0] in the input                */

  char *text; /* followed by TD_TEXT_PAD NUL bytes (see td_doc_take_text) */
  uint32_t len;
  td_span lead_line; /* wire: the first line (headline or dateline-led) */

  /* TimeML */
  const char *raw;
  uint32_t raw_len;
  TD_VEC(td_offmap) offmap;
  TD_VEC(td_xtag) xtags; /* in the order their opening tags appear */

  /* text model (src/text) */
  bool analyzed;
  const char *script;
  bool has_title_span;
  td_span title_span;
  td_dateline dateline;
  TD_VEC(td_span) paragraphs;  /* news paragraphs, headline first if any */
  TD_VEC(uint8_t) para_role;   /* TD_PARA_* for each paragraph           */
  TD_VEC(td_span) boilerplate; /* agency boilerplate, not news           */
  TD_VEC(td_token) tokens;
  TD_VEC(td_sentence) sentences;
  td_buf norm; /* NFC forms: NUL-terminated strings; offset 0 unused */

  TD_VEC(td_diag) warnings;
  TD_VEC(td_layer) layers;

  /* td_doc_token_keys, made when first asked for */
  struct td_tkey *tkeys;
  size_t tkeys_n;
};

/* The key (wkey.h) of a token of up to TD_SHORT_FORM ASCII bytes, its
 * capitals lowered, and its td_fkey_hash; key.k[0] is 0 for any other
 * token. The stages that look tokens up by their folded text share it. */
typedef struct td_tkey {
  td_fkey key;
  uint64_t hash;
} td_tkey;

/* The keys of the document's tokens, made once. */
const td_tkey *td_doc_token_keys(td_doc *doc);

/* Zero bytes after every document text: the tokenizer reads 16 bytes at a
 * time and stops at a NUL without checking the length. */
#define TD_TEXT_PAD 32

td_doc *td_doc_new(td_format format);
/* Makes b's bytes the document's text (b is emptied). */
void td_doc_take_text(td_doc *doc, td_buf *b);
char *td_doc_strdup(td_doc *doc, const char *s, size_t n);
void td_doc_warn(td_doc *doc, long line, long long byte, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Sets id to the hash of date, title and text unless an id is set. */
void td_doc_set_default_id(td_doc *doc);

void td_doc_add_layer(td_doc *doc, const char *name, void *data,
                      td_layer_write_fn write, void (*free_fn)(void *));
const void *td_doc_layer(const td_doc *doc, const char *name);

const char *td_source_from_name(td_source_from f);

/* The first day of an event date of any granularity ("2023-09" ->
 * 2023-09-01, "2025-W20" -> the Monday of ISO week 20); false if it has no
 * year (events_out.c). */
bool td_first_day(const char *v, int *y, int *m, int *d);

/* Line (1-based, relative to the input) of text offset `off`. */
long td_doc_line_of(const td_doc *doc, uint32_t off);

#endif
