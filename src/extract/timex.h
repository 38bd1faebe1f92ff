/*
 * timex.h — the temporal tagger: finds temporal expressions (TimeML
 * TIMEX3) and normalises them against the story date and the time the
 * text is at. The words and the grammar are data (timex-words.txt,
 * timex-rules.txt); timex_grammar.c loads and matches them,
 * timex_value.c computes values, timex.c runs both over a document and
 * owns the `timexes` layer.
 */
#ifndef TD_TIMEX_H
#define TD_TIMEX_H

#include "../core/core.h"
#include "../core/data.h"
#include "../doc/doc.h"

/* ---- The layer ----------------------------------------------------------- */

enum { TD_TX_DATE = 1, TD_TX_TIME, TD_TX_DURATION, TD_TX_SET, TD_TX_NONE };

/* Where a value was resolved from. */
enum {
  TD_ANCHOR_NONE = 0, /* absolute: "September 27, 2020"                 */
  TD_ANCHOR_STORY,    /* the story date: "yesterday", "May 15"          */
  TD_ANCHOR_TIMEX,    /* an earlier expression: "the next day"          */
  TD_ANCHOR_UNKNOWN   /* needed one, had none: XXXX-09-27               */
};

typedef struct td_timex {
  td_span span;
  uint8_t type;            /* TD_TX_*                                      */
  uint8_t anchor;          /* TD_ANCHOR_*                                  */
  int8_t tense;            /* -1 past, 0 present, +1 future (when used)    */
  const char *mod;         /* TimeML mod or NULL                           */
  char value[40];
  char quant[8];           /* SET: EVERY, EACH                             */
  int anchor_timex;        /* TD_ANCHOR_TIMEX: index of that expression    */
  uint16_t rule;           /* line of the rule in timex-rules.txt          */
} td_timex;

typedef struct td_timexes {
  TD_VEC(td_timex) v;
} td_timexes;

typedef struct td_timex_grammar td_timex_grammar;

td_timex_grammar *td_timex_grammar_load(const char *data_dir, td_diag *err);
void td_timex_grammar_free(td_timex_grammar *g);

/* Finds and normalises the document's temporal expressions and adds the
 * `timexes` layer (the text model must be built). Returns the layer. */
const td_timexes *td_timex_run(td_doc *doc, const td_timex_grammar *g);
const char *td_timex_type_name(int type);

/* ---- Between the grammar and the values (internal) ---------------------- */

/* A token as the grammar sees it: hyphenated words are split into their
 * parts and hyphens; text folded to lower case. */
typedef struct td_ttok {
  uint32_t start, end; /* span in the text                             */
  uint32_t seg;        /* sentence (or dateline, headline) it belongs to */
  uint32_t word;       /* interned folded text, 0 if none               */
  uint32_t lex_first;  /* lexicon entries of the token                  */
  uint8_t lex_n;
  uint8_t cap;         /* starts with an upper-case letter              */
  uint8_t digits;      /* all digits (commas, one period allowed)       */
  uint8_t ndig;        /* number of digits, when digits                 */
  uint8_t ord;         /* 15th: digits with an ordinal ending           */
  uint8_t decade;      /* 1990s, 90s                                    */
  uint8_t clock;       /* 10:30                                         */
  uint8_t ampm;        /* 10am, 10pm: 1 am, 2 pm                         */
  uint8_t plural;      /* a word ending in s                             */
  uint8_t frac;        /* 1/2 ½ 1/4 ¼ 3/4 ¾: the fraction in quarters      */
  double num;          /* numeric value when digits, ord, decade, clock  */
  /* td_key_sig bits of every key the token could fit (its word, its
   * classes, the built-in kinds it could start), and those of the tokens
   * from it to the end of its segment or'ed (what a rule starting here
   * can find further on). */
  uint64_t sig, suf;
} td_ttok;

/* What an element of a matched rule captured. */
typedef struct td_capture {
  uint16_t cls;        /* the lexicon class, or a built-in element kind */
  double num;          /* numeric value                                 */
  const char *sval;    /* string value (SU, MO, Y, PRESENT_REF, ...)    */
  uint32_t tok;        /* first token                                   */
} td_capture;

#define TD_MAX_CAPTURES 16

typedef struct td_match_result {
  uint32_t first, end; /* token range                                    */
  int rule;            /* index of the rule                              */
  td_capture caps[TD_MAX_CAPTURES];
  int ncaps;
} td_match_result;

/* Built-in element kinds, as capture classes (after the lexicon classes). */
enum {
  TD_CL_MONTH = 1, TD_CL_WEEKDAY, TD_CL_SEASON, TD_CL_PART, TD_CL_UNIT,
  TD_CL_NUMW, TD_CL_ORD, TD_CL_REL, TD_CL_DEICTIC, TD_CL_FREQ, TD_CL_AMPM,
  TD_CL_DIR, TD_CL_HOLIDAY, TD_CL_TENSE, TD_CL_DECADEWORD, TD_CL_FREQADJ,
  TD_CL_NLEX, /* number of lexicon classes + 1 */
  TD_CL_NUM = 32, TD_CL_YEAR, TD_CL_DAY, TD_CL_DECADE, TD_CL_CLOCK
};

/* The action of a rule and its arguments. */
typedef struct td_action {
  uint8_t kind; /* TD_ACT_* (timex_value.c) */
  char arg1[16], arg2[16];
} td_action;

enum {
  TD_ACT_DATE = 1, TD_ACT_MONTH, TD_ACT_YEAR, TD_ACT_ISO, TD_ACT_WEEKDAY,
  TD_ACT_DEICTIC, TD_ACT_DAY, TD_ACT_REL, TD_ACT_RELMONTH, TD_ACT_RELSEASON,
  TD_ACT_MONTHREL, TD_ACT_SHIFT, TD_ACT_ANAPHOR, TD_ACT_QUARTER, TD_ACT_HALF,
  TD_ACT_SEASON, TD_ACT_DECADE, TD_ACT_CENTURY, TD_ACT_HOLIDAY, TD_ACT_CLOCK,
  TD_ACT_DURATION, TD_ACT_VAGUE, TD_ACT_SET, TD_ACT_VALUE, TD_ACT_NONE,
  TD_ACT_YEARAGO, TD_ACT_WEEKOF
};

/* The state the values are computed in. */
typedef struct td_tctx {
  td_date dct;          /* the story date; year 0 if unknown            */
  int tense;            /* of the clause: -1, 0, +1                     */
  int sentence_tense;   /* of the sentence, when the clause tells none  */
  const td_timex *ref;  /* the time the text is at: the last date       */
  int ref_index;
} td_tctx;

/* Computes type and value of match m into t (t->type holds the rule's
 * type and may become TD_TX_TIME). */
void td_timex_value(const td_timex_grammar *g, const td_match_result *m,
                    const td_action *a, const td_ttok *toks,
                    const td_tctx *cx, td_timex *t);

#endif
