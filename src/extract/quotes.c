/*
 * quotes.c — the `quotes` layer: who said what. Owns the cue dictionary
 * (data/cues.txt, with the verb forms made from it), the pairing of
 * quotation marks into direct quotes (over several paragraphs, split by
 * ", he said,"), the attribution of each quote to a speaker and a cue, the
 * reported statements outside quotation marks ("X said that ...",
 * "according to X", "..., X said.", "..., said X, an apposition.", "It
 * was, he said, ...", "Insiders: ...", "..., saying ...", "and said"),
 * where their sources (with appositions) and contents begin and end, and
 * the resolution of each speaker through the entities layer's references.
 *
 * Everything works on tokens and their lexicon form ids: a cue is a form
 * (and the words after it) of data/cues.txt; a speaker is a mention of the
 * entities layer, a pronoun, or a short noun phrase read from the cue.
 */
#include "quotes.h"

#include "../core/data.h"
#include "../lex/inflect.h"
#include "../lex/lexicon.h"
#include "actors.h"
#include "timex.h"

#include <stdio.h>
#include <strings.h>

/* Cue classes. */
enum { QC_SPEECH = 1, QC_THOUGHT, QC_EVIDENCE, QC_STANCE, QC_PREP };
static const char *const td_qc_names[] = {"",         "speech", "thought",
                                          "evidence", "stance", "prep"};

/* Word classes (per form). */
enum {
  QW_AUX = 1 << 0,
  QW_PRON = 1 << 1,
  QW_DET = 1 << 2,
  QW_BOUND = 1 << 3,
  QW_ING = 1 << 4,     /* a cue form ending in -ing: "saying", "adding" */
  QW_NEEDTHAT = 1 << 5, /* a present form of a `past` cue: a cue only
                           before "that" ("claims that")               */
  QW_ADJUNCT = 1 << 6,  /* opens an adjunct, not what was said ("spoke
                           in Baku"): td_emit_indirect's list below    */
  QW_VERB = 1 << 7,     /* a finite auxiliary ("was", "would"): a clause
                           has begun; td_verb_words below               */
  QW_PAST = 1 << 8      /* an irregular past form of WordNet's verb.exc
                           ("shot", "spoke"): td_past below             */
};

/* Words the finder reads by themselves; their form ids are in
 * td_quote_rules.word (interned when the rules are loaded). */
enum {
  QF_WHOSE, QF_AND, QF_OF, QF_BY, QF_FROM, QF_AT, QF_TO, QF_PERCENT, QF_IN,
  QF_OUT, QF_BUT,
  /* forms of "be" */
  QF_IS, QF_ARE, QF_WAS, QF_WERE, QF_BE, QF_BEEN, QF_BEING, QF_AM,
  /* adjectives of feeling that look like participles */
  QF_WORRIED, QF_CONCERNED, QF_CONVINCED, QF_DETERMINED,
  /* prepositions after a noun cue ("support for", "questions about") */
  QF_FOR, QF_ABOUT, QF_ON, QF_AGAINST, QF_OVER, QF_WITH,
  /* possessive determiners */
  QF_HIS, QF_HER, QF_THEIR, QF_ITS, QF_OUR, QF_MY, QF_YOUR,
  /* determiners of one ("a personal email", "each state") */
  QF_A, QF_AN, QF_ANOTHER, QF_EACH, QF_EVERY, QF_WHO, QF_N
};
static const char *const td_qf_words[QF_N] = {
    "whose", "and", "of", "by", "from", "at", "to", "percent", "in", "out",
    "but", "is", "are", "was", "were", "be", "been", "being", "am",
    "worried", "concerned", "convinced", "determined", "for", "about", "on",
    "against", "over", "with", "his", "her", "their", "its", "our", "my",
    "your", "a", "an", "another", "each", "every", "who"};

/* After a cue: words that open an adjunct, not what was said. */
static const char *const td_adjunct_words[] = {
    "in",     "on",    "at",     "by",      "with",   "without",
    "from",   "into",  "over",   "under",   "against", "during",
    "after",  "before", "since", "until",   "as",     "so",
    "than",   "or",    "nor",    "yet",     "but",    "because"};

/* Finite auxiliaries and copulas: where they stand, a clause has begun. */
static const char *const td_verb_words[] = {
    "is",    "was",   "are",   "were", "will", "would", "has",  "have",
    "had",   "could", "should", "can", "may",  "might", "must", "did",
    "does",  "do",    "'s",    "'re",  "'ll",  "'d",    "'ve",  "am",
    "wo",    "ca",    "shall"};

#define TD_CUE_REST 4

typedef struct td_cue {
  uint8_t cls, nrest;
  bool nosource; /* "X seems to ...": X is what is said, not who says it */
  uint32_t rest[TD_CUE_REST]; /* form ids of the words after the first */
  int32_t next;               /* next cue with the same first form, -1  */
} td_cue;

struct td_quote_rules {
  td_lexicon *lx;
  const td_wordnet *wn;
  uint16_t *wc; /* per form: QW_*                       */
  int32_t *cue; /* per form: first cue, -1              */
  int32_t *ncue; /* per form: first noun cue ("decision"), -1 */
  uint64_t *cuebit; /* per form: 1 if cue[form] >= 0: a bit set that
                       stays in cache, asked for every token      */
  size_t nforms;
  TD_VEC(td_cue) cues;
  td_strmap *seen; /* phrase+class -> line, while loading */
  uint32_t f_that;
  uint32_t word[QF_N]; /* form ids of td_qf_words */
};

/* ---- Loading ------------------------------------------------------------ */

typedef struct td_qload {
  td_quote_rules *q;
  TD_VEC(uint32_t) form;  /* pending: form id ... */
  TD_VEC(uint32_t) cuei;  /* ... and its cue      */
  TD_VEC(uint32_t) nform; /* pending noun cues: form id ... */
  TD_VEC(uint32_t) ncuei; /* ... and its cue                */
  TD_VEC(uint32_t) wform; /* pending word classes */
  TD_VEC(uint16_t) wbits;
} td_qload;

static int td_qclass(td_field f) {
  for (int c = QC_SPEECH; c <= QC_PREP; c++)
    if (td_field_eq(f, td_qc_names[c]))
      return c;
  if (td_field_eq(f, "aux"))
    return -QW_AUX;
  if (td_field_eq(f, "pronoun"))
    return -QW_PRON;
  if (td_field_eq(f, "det"))
    return -QW_DET;
  if (td_field_eq(f, "boundary"))
    return -QW_BOUND;
  return 0;
}

static void td_qadd_form(td_qload *L, const char *form, uint32_t cue) {
  uint32_t id = td_lexicon_intern(L->q->lx, form);
  if (!id)
    return;
  td_vec_push(&L->form, id);
  td_vec_push(&L->cuei, cue);
  size_t n = strlen(form);
  if (n > 4 && !strcmp(form + n - 3, "ing")) {
    td_vec_push(&L->wform, id);
    td_vec_push(&L->wbits, (uint16_t)QW_ING);
  }
}

static bool td_qrecord(void *ud, const td_record *rec, td_diag *err) {
  td_qload *L = ud;
  td_quote_rules *q = L->q;
  if (rec->n != 2 && rec->n != 3)
    return td_record_error(rec, err, "expected PHRASE<TAB>CLASS[<TAB>past|"
                                     "nosource], found %zu field(s)", rec->n);
  bool past = rec->n == 3 && td_field_eq(rec->f[2], "past");
  bool nosource = rec->n == 3 && td_field_eq(rec->f[2], "nosource");
  bool noun = rec->n == 3 && td_field_eq(rec->f[2], "noun");
  if (rec->n == 3 && !past && !nosource && !noun)
    return td_record_error(rec, err, "unknown option '%.*s' (past, nosource, "
                                     "noun)",
                           (int)rec->f[2].n, rec->f[2].s);
  int cls = td_qclass(rec->f[1]);
  if (!cls)
    return td_record_error(rec, err,
                           "unknown class '%.*s' (speech, thought, evidence, "
                           "stance, prep, aux, pronoun, det, boundary)",
                           (int)rec->f[1].n, rec->f[1].s);
  /* the phrase: ASCII lower-case words separated by single spaces */
  char words[TD_CUE_REST + 1][64];
  size_t nw = td_split_words(rec->f[0].s, rec->f[0].n, words, TD_CUE_REST + 1);
  if (nw > TD_CUE_REST + 1)
    return td_record_error(rec, err, "phrase too long (at most %d words "
                                     "of 63 bytes)", TD_CUE_REST + 1);
  for (size_t i = 0; i < nw; i++)
    for (const char *c = words[i]; *c; c++)
      if ((*c < 'a' || *c > 'z') && *c != '\'' && *c != '-')
        return td_record_error(rec, err, "phrase '%.*s': write words in "
                                         "lower-case ASCII letters",
                               (int)rec->f[0].n, rec->f[0].s);
  if (!nw)
    return td_record_error(rec, err, "empty phrase");
  if (cls < 0 && nw != 1)
    return td_record_error(rec, err, "a %.*s entry is one word",
                           (int)rec->f[1].n, rec->f[1].s);
  char key[400];
  snprintf(key, sizeof(key), "%.*s\t%d", (int)rec->f[0].n, rec->f[0].s,
           cls < 0 ? cls : noun ? 2 : 1);
  uint32_t line;
  if (td_strmap_get(q->seen, key, strlen(key), &line))
    return td_record_error(rec, err, "'%.*s' is already listed at line %u",
                           (int)rec->f[0].n, rec->f[0].s, line);
  td_strmap_put(q->seen, key, strlen(key), (uint32_t)rec->line);
  if (cls < 0) {
    uint32_t id = td_lexicon_intern(q->lx, words[0]);
    if (id) {
      td_vec_push(&L->wform, id);
      td_vec_push(&L->wbits, (uint16_t)-cls);
    }
    return true;
  }
  td_cue cue;
  memset(&cue, 0, sizeof(cue));
  cue.cls = (uint8_t)cls;
  cue.nosource = nosource;
  cue.next = -1;
  for (size_t i = 1; i < nw; i++)
    cue.rest[cue.nrest++] = td_lexicon_intern(q->lx, words[i]);
  uint32_t ci = (uint32_t)q->cues.n;
  td_vec_push(&q->cues, cue);
  if (cls == QC_PREP) {
    td_qadd_form(L, words[0], ci);
    return true;
  }
  if (noun) {
    /* the noun and its plural ("claim", "claims"; "speech", "speeches") */
    char pl[72];
    size_t n = strlen(words[0]);
    bool es = n > 1 && (words[0][n - 1] == 's' || words[0][n - 1] == 'x' ||
                        (words[0][n - 1] == 'h' &&
                         (words[0][n - 2] == 's' || words[0][n - 2] == 'c')));
    snprintf(pl, sizeof(pl), "%s%s", words[0], es ? "es" : "s");
    const char *nf[2] = {words[0], pl};
    for (int k = 0; k < 2; k++) {
      uint32_t id = td_lexicon_intern(q->lx, nf[k]);
      if (id) {
        td_vec_push(&L->nform, id);
        td_vec_push(&L->ncuei, ci);
      }
    }
    return true;
  }
  char forms[4][64];
  td_verb_forms(words[0], forms);
  for (int i = 0; i < 4; i++) {
    if (past && i == 3)
      continue;
    td_qadd_form(L, forms[i], ci);
    if (past && i < 2) {
      uint32_t id = td_lexicon_intern(q->lx, forms[i]);
      if (id) {
        td_vec_push(&L->wform, id);
        td_vec_push(&L->wbits, (uint16_t)QW_NEEDTHAT);
      }
    }
  }
  for (size_t i = 0; L->q->wn && i < L->q->wn->verb.n; i++) {
    const td_exc *x = &L->q->wn->verb.v[i];
    size_t n = strlen(x->form);
    if (!strcmp(x->base, words[0]) &&
        !(past && n > 3 && !strcmp(x->form + n - 3, "ing")))
      td_qadd_form(L, x->form, ci);
  }
  return true;
}

td_quote_rules *td_quote_rules_load(const char *dir, td_lexicon *lx,
                                    const td_wordnet *wn, td_diag *err) {
  td_quote_rules *q = td_calloc(1, sizeof(*q));
  q->lx = lx;
  q->wn = wn;
  q->seen = td_strmap_new();
  td_qload L;
  memset(&L, 0, sizeof(L));
  L.q = q;
  bool ok = td_data_each_n(dir, "cues.txt", 3, td_qrecord, &L, err);
  q->f_that = td_lexicon_intern(lx, "that");
  for (int i = 0; i < QF_N; i++)
    q->word[i] = td_lexicon_intern(lx, td_qf_words[i]);
  uint32_t adjunct[TD_COUNT(td_adjunct_words)];
  for (size_t i = 0; i < TD_COUNT(td_adjunct_words); i++)
    adjunct[i] = td_lexicon_intern(lx, td_adjunct_words[i]);
  uint32_t verbs[TD_COUNT(td_verb_words)];
  for (size_t i = 0; i < TD_COUNT(td_verb_words); i++)
    verbs[i] = td_lexicon_intern(lx, td_verb_words[i]);
  /* the irregular past forms of verb.exc ("shot", "spoke", "went") */
  for (size_t i = 0; wn && i < wn->verb.n; i++) {
    const char *f = wn->verb.v[i].form;
    size_t n = strlen(f);
    if (n < 3 || strpbrk(f, "_-'") || f[n - 1] == 's' ||
        !strcmp(f + n - 2, "ed") || (n > 4 && !strcmp(f + n - 3, "ing")))
      continue;
    uint32_t id = td_lexicon_intern(lx, f);
    if (id) {
      td_vec_push(&L.wform, id);
      td_vec_push(&L.wbits, (uint16_t)QW_PAST);
    }
  }
  q->nforms = td_lexicon_nforms(lx) + 1;
  q->wc = td_calloc(q->nforms, sizeof(uint16_t));
  q->cue = td_malloc(q->nforms * sizeof(int32_t));
  q->ncue = td_malloc(q->nforms * sizeof(int32_t));
  for (size_t i = 0; i < q->nforms; i++)
    q->cue[i] = q->ncue[i] = -1;
  for (size_t i = L.nform.n; i-- > 0;) {
    uint32_t f = L.nform.v[i], c = L.ncuei.v[i];
    int32_t *at = &q->ncue[f];
    while (*at >= 0 && q->cues.v[*at].nrest >= q->cues.v[c].nrest)
      at = &q->cues.v[*at].next;
    q->cues.v[c].next = *at;
    *at = (int32_t)c;
  }
  /* chain cues by first form; the longer phrases first, so that "call
   * for" is tried before "call" */
  for (size_t i = L.form.n; i-- > 0;) {
    uint32_t f = L.form.v[i], c = L.cuei.v[i];
    bool dup = false;
    for (int32_t k = q->cue[f]; k >= 0; k = q->cues.v[k].next)
      dup |= (uint32_t)k == c;
    if (dup)
      continue;
    int32_t *at = &q->cue[f];
    while (*at >= 0 && q->cues.v[*at].nrest >= q->cues.v[c].nrest)
      at = &q->cues.v[*at].next;
    q->cues.v[c].next = *at;
    *at = (int32_t)c;
  }
  for (size_t i = 0; i < L.wform.n; i++)
    q->wc[L.wform.v[i]] |= L.wbits.v[i];
  for (size_t i = 0; i < TD_COUNT(td_adjunct_words); i++)
    if (adjunct[i])
      q->wc[adjunct[i]] |= QW_ADJUNCT;
  for (size_t i = 0; i < TD_COUNT(td_verb_words); i++)
    if (verbs[i])
      q->wc[verbs[i]] |= QW_VERB;
  q->cuebit = td_calloc((q->nforms + 63) / 64, sizeof(uint64_t));
  for (size_t i = 0; i < q->nforms; i++)
    if (q->cue[i] >= 0)
      q->cuebit[i >> 6] |= 1ull << (i & 63);
  td_vec_free(&L.form);
  td_vec_free(&L.cuei);
  td_vec_free(&L.nform);
  td_vec_free(&L.ncuei);
  td_vec_free(&L.wform);
  td_vec_free(&L.wbits);
  td_strmap_free(q->seen);
  q->seen = NULL;
  if (!ok) {
    td_quote_rules_free(q);
    return NULL;
  }
  return q;
}

void td_quote_rules_free(td_quote_rules *q) {
  if (!q)
    return;
  td_free(q->wc);
  td_free(q->cue);
  td_free(q->ncue);
  td_free(q->cuebit);
  td_vec_free(&q->cues);
  td_strmap_free(q->seen);
  td_free(q);
}

/* ---- The layer ------------------------------------------------------------ */

#define TD_QPARTS 4

typedef struct td_quote {
  bool has_speaker, has_cue, direct, inherited;
  bool noun; /* a noun cue: "his support for ..." */
  uint8_t cls, nparts;
  td_span speaker, cue;
  int32_t speaker_entity, ref;
  td_span parts[TD_QPARTS];
} td_quote;

typedef struct td_quotes {
  TD_VEC(td_quote) v;
} td_quotes;

/* What one run reads and keeps. */
typedef struct td_qrun {
  const td_doc *doc;
  const td_quote_rules *q;
  const td_token *t;
  uint32_t n;
  const uint32_t *forms;
  const td_entities *E;
  int32_t *ent_end;   /* per token: the entity whose mention ends here   */
  int32_t *ent_first; /* per token: the entity whose mention starts here */
  uint8_t *inq;       /* per token: inside a direct quote (1) or its cue
                         or speaker (2)                                  */
  uint32_t *sent;     /* per token: its sentence                         */
  uint8_t *tx;        /* per token: in a temporal expression             */
  td_quotes *out;
} td_qrun;

static inline bool td_tok_is(const td_qrun *R, uint32_t i, char c) {
  return i < R->n && R->t[i].kind == TD_TOK_PUNCT &&
         R->t[i].end == R->t[i].start + 1 &&
         R->doc->text[R->t[i].start] == c;
}

static inline uint16_t td_wc(const td_qrun *R, uint32_t i) {
  uint32_t f = R->forms ? R->forms[i] : 0;
  return f && f < R->q->nforms ? R->q->wc[f] : 0;
}

/* Is token i a double quotation mark (not ' ‘ ’ ‹ ›)? */
static inline bool td_double_quote(const td_qrun *R, uint32_t i) {
  const td_token *t = &R->t[i];
  if (t->kind != TD_TOK_QUOTE)
    return false;
  const unsigned char *s = (const unsigned char *)R->doc->text + t->start;
  size_t n = t->end - t->start;
  if (n == 1)
    return s[0] == '"';
  if (n == 2)
    return (s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB)) || s[0] == '`' ||
           s[0] == '\'';
  return n == 3 && s[0] == 0xE2 && s[1] == 0x80 &&
         (s[2] == 0x9C || s[2] == 0x9D || s[2] == 0x9E);
}

static uint32_t td_sent_first(const td_qrun *R, uint32_t i) {
  return R->doc->sentences.v[R->sent[i]].tok_first;
}

/* Is token i in the headline? */
static bool td_headline(const td_qrun *R, uint32_t i) {
  uint32_t p = R->doc->sentences.v[R->sent[i]].para;
  return p < R->doc->para_role.n && R->doc->para_role.v[p] == TD_PARA_HEADLINE;
}

/* Is token i's sentence written in title case (most words capitalised)? */
static bool td_title_case(const td_qrun *R, uint32_t i) {
  const td_sentence *st = &R->doc->sentences.v[R->sent[i]];
  uint32_t words = 0, caps = 0;
  for (uint32_t k = st->tok_first; k < st->tok_end && k < R->n; k++)
    if (R->t[k].kind == TD_TOK_WORD) {
      words++;
      caps += (R->t[k].flags & TD_TF_CAP) != 0;
    }
  return words >= 3 && caps * 4 >= words * 3;
}

/* Is token i, in any case, exactly the ASCII word of form id `form` (not
 * written otherwise, as "of." is, which has the same form)? */
static inline bool td_form_word(const td_qrun *R, uint32_t i, uint32_t form) {
  return i < R->n && form && R->forms[i] == form &&
         R->t[i].kind == TD_TOK_WORD && (R->t[i].flags & TD_TF_ASCII) &&
         R->doc->text[R->t[i].end - 1] != '.';
}

/* Is token i the word td_qf_words[w], in any case? */
static inline bool td_word_is(const td_qrun *R, uint32_t i, int w) {
  return td_form_word(R, i, R->q->word[w]);
}

/* Can a cue start at token i? The test of td_cue_at that turns away
 * almost every token, inline. */
static inline bool td_cue_maybe(const td_qrun *R, uint32_t i) {
  if (i >= R->n || R->t[i].kind != TD_TOK_WORD || !R->forms)
    return false;
  uint32_t f = R->forms[i];
  return f && f < R->q->nforms && (R->q->cuebit[f >> 6] >> (f & 63) & 1);
}

/* The cue starting at token i (its index, and *end the token after it),
 * or -1. */
static int32_t td_cue_at(const td_qrun *R, uint32_t i, uint32_t *end) {
  if (!td_cue_maybe(R, i))
    return -1;
  uint32_t f = R->forms[i];
  /* "the United States", "Fox News Sunday": a capitalised word inside a
   * sentence is a name, except in a headline */
  if ((R->t[i].flags & TD_TF_CAP) && i != td_sent_first(R, i) &&
      !td_headline(R, i) && !td_title_case(R, i))
    return -1;
  if ((R->q->wc[f] & QW_NEEDTHAT) &&
      !(i + 1 < R->n && R->forms[i + 1] == R->q->f_that))
    return -1;
  for (int32_t c = R->q->cue[f]; c >= 0; c = R->q->cues.v[c].next) {
    const td_cue *cu = &R->q->cues.v[c];
    uint32_t k = i + 1;
    bool ok = true;
    for (uint32_t r = 0; r < cu->nrest && ok; r++, k++)
      ok = k < R->n && R->sent[k] == R->sent[i] && R->forms[k] == cu->rest[r];
    if (ok) {
      *end = k;
      return c;
    }
  }
  return -1;
}

/* Is token i one of the words td_qf_words[from..to]? */
static bool td_word_in(const td_qrun *R, uint32_t i, int from, int to) {
  for (int w = from; w <= to; w++)
    if (td_word_is(R, i, w))
      return true;
  return false;
}

static uint8_t td_cue_class(const td_qrun *R, int32_t c) {
  return c >= 0 ? R->q->cues.v[c].cls : 0;
}

/* A word that can be part of a noun phrase read leftwards. */
static bool td_np_word(const td_qrun *R, uint32_t i) {
  const td_token *t = &R->t[i];
  if (t->kind == TD_TOK_NUM)
    return true;
  if (t->kind == TD_TOK_DASH)
    return false;
  if (t->kind != TD_TOK_WORD)
    return false;
  return !(td_wc(R, i) & (QW_BOUND | QW_AUX));
}

/* An auxiliary or an adverb ("has", "also", "strongly"): may stand
 * between a source and its cue. */
static bool td_adverb(const td_qrun *R, uint32_t j) {
  const td_token *t = &R->t[j];
  if (R->tx[j] && t->kind != TD_TOK_PUNCT)
    return true; /* "Wells Fargo this month announced" */
  if (t->kind != TD_TOK_WORD)
    return false;
  if (td_wc(R, j) & QW_AUX)
    return true;
  const char *w = R->doc->text + t->start;
  size_t n = t->end - t->start;
  return n > 4 && w[n - 1] == 'y' && w[n - 2] == 'l' && w[0] >= 'a' &&
         w[0] <= 'z';
}

/* Is token i the symbol c ("%")? */
static inline bool td_tok_sym(const td_qrun *R, uint32_t i, char c) {
  return i < R->n && R->t[i].kind == TD_TOK_SYM &&
         R->t[i].end == R->t[i].start + 1 && R->doc->text[R->t[i].start] == c;
}

/* A word that may open a share ("about", "nearly", "almost", "roughly",
 * "some", "just", "only"), in any case. */
static bool td_adverb_word(const td_qrun *R, uint32_t j) {
  static const char *const w[] = {"about", "nearly", "almost", "roughly",
                                   "some",  "just",   "only",   "over",
                                   "around", "fully"};
  const td_token *t = &R->t[j];
  size_t n = t->end - t->start;
  if (t->kind != TD_TOK_WORD)
    return false;
  for (size_t i = 0; i < TD_COUNT(w); i++)
    if (strlen(w[i]) == n && !strncasecmp(R->doc->text + t->start, w[i], n))
      return true;
  return false;
}

/* A word that can stand for a group of people by itself: "many",
 * "half", "others", "everyone". */
static bool td_quantifier(const td_qrun *R, uint32_t j) {
  static const char *const w[] = {
      "many",   "most",    "some",     "several",  "few",    "all",
      "both",   "half",    "majority", "minority", "others", "everyone",
      "someone", "anyone", "nobody",   "everybody", "somebody", "plurality"};
  const td_token *t = &R->t[j];
  size_t n = t->end - t->start;
  if (t->kind != TD_TOK_WORD)
    return false;
  for (size_t i = 0; i < TD_COUNT(w); i++)
    if (strlen(w[i]) == n && !strncasecmp(R->doc->text + t->start, w[i], n))
      return true;
  return false;
}

/* A lower-case word ending in "-ing" ("appearing", "citing"). */
static bool td_ing(const td_qrun *R, uint32_t j) {
  const td_token *t = &R->t[j];
  const char *w = R->doc->text + t->start;
  size_t n = t->end - t->start;
  return t->kind == TD_TOK_WORD && n > 4 && w[0] >= 'a' && w[0] <= 'z' &&
         !strncmp(w + n - 3, "ing", 3);
}

/* A one-word opening adverb: "However", "Meanwhile", "Still",
 * "Separately". */
static bool td_sentence_adverb(const td_qrun *R, uint32_t j) {
  const td_token *t = &R->t[j];
  if (t->kind != TD_TOK_WORD || R->ent_first[j] >= 0)
    return false;
  if (td_wc(R, j) & QW_AUX)
    return true;
  const char *w = R->doc->text + t->start;
  size_t n = t->end - t->start;
  return (n > 4 && !strncmp(w + n - 2, "ly", 2)) ||
         (n > 5 && !strncmp(w + n - 4, "ever", 4)) ||
         (n > 5 && !strncmp(w + n - 5, "while", 5));
}

/* The noun phrase that ends at token j (a mention, a pronoun, or a few
 * words), not before token lo: its first token into *a. */
static bool td_src_head(const td_qrun *R, uint32_t j, uint32_t lo,
                        uint32_t *a) {
  const td_token *t = &R->t[j];
  if (td_wc(R, j) & QW_PRON) {
    *a = j;
    return true;
  }
  /* "42% say", "59 percent said", "four in 10 said", "nine out of 10
   * say": shares of a poll */
  if (j > lo &&
      (R->t[j - 1].kind == TD_TOK_NUM ||
       (td_word_is(R, j, QF_PERCENT) && R->t[j - 1].kind == TD_TOK_WORD &&
        !(td_wc(R, j - 1) & (QW_DET | QW_BOUND | QW_AUX | QW_PRON)))) &&
      (td_tok_sym(R, j, '%') || td_word_is(R, j, QF_PERCENT))) {
    *a = j - 1;
    if (*a > lo && td_adverb_word(R, *a - 1))
      (*a)--;
    return true;
  }
  if (t->kind == TD_TOK_NUM && j >= lo + 2 &&
      (td_word_is(R, j - 1, QF_IN) || td_word_is(R, j - 1, QF_OF))) {
    uint32_t s = j - 2;
    if (td_word_is(R, s, QF_OUT) && s > lo)
      s--;
    if (R->t[s].kind == TD_TOK_NUM ||
        (R->t[s].kind == TD_TOK_WORD && !(td_wc(R, s) & (QW_BOUND | QW_AUX)) &&
         !(R->t[s].flags & TD_TF_CAP && s != td_sent_first(R, s)))) {
      if (s > lo && td_adverb_word(R, s - 1))
        s--;
      *a = s;
      return true;
    }
  }
  /* "Many said", "Nearly half say", "most of them said": a quantifier
   * (after an adverb) */
  if (td_quantifier(R, j) && !R->tx[j] &&
      !(j > lo && (td_wc(R, j - 1) & QW_DET))) {
    *a = j;
    if (*a > lo && td_adverb_word(R, *a - 1))
      (*a)--;
    return true;
  }
  /* "his claims", "this week said" */
  if ((td_wc(R, j) & QW_DET) || R->tx[j] || td_word_is(R, j, QF_WHOSE))
    return false;
  int32_t e = R->ent_end[j];
  if (e >= 0) {
    uint32_t s = R->E->v.v[e].tok_first < lo ? lo : R->E->v.v[e].tok_first;
    /* "the leaders of Azerbaijan and Russia", "Britain, France and
     * Germany": a comma only before an "and" (not "After reading the
     * Bible, Beck said") */
    bool and_seen = false;
    while (s >= lo + 2 && (td_word_is(R, s - 1, QF_AND) ||
                           (and_seen && td_tok_is(R, s - 1, ','))) &&
           R->ent_end[s - 2] >= 0 && R->E->v.v[R->ent_end[s - 2]].tok_first >= lo) {
      and_seen |= td_word_is(R, s - 1, QF_AND);
      s = R->E->v.v[R->ent_end[s - 2]].tok_first;
    }
    while (s > lo && (td_wc(R, s - 1) & QW_DET) && R->sent[s - 1] == R->sent[j])
      s--;
    /* "a former official", "the top Republican official": words before
     * the mention back to a determiner */
    uint32_t m = s;
    while (m > lo + 1 && s - m < 3 && R->sent[m - 1] == R->sent[j] &&
           R->t[m - 1].kind == TD_TOK_WORD && R->ent_end[m - 1] < 0 &&
           !R->tx[m - 1] && !(R->t[m - 1].flags & TD_TF_CLITIC) &&
           !(td_wc(R, m - 1) & (QW_DET | QW_PRON | QW_VERB | QW_AUX |
                                QW_BOUND | QW_ADJUNCT)) &&
           !td_cue_maybe(R, m - 1))
      m--;
    if (m < s && (td_wc(R, m - 1) & QW_DET) && R->sent[m - 1] == R->sent[j])
      s = m - 1;
    *a = s;
    return true;
  }
  if (!td_np_word(R, j) || (td_wc(R, j) & QW_DET) ||
      (t->flags & TD_TF_CLITIC) || td_word_is(R, j, QF_AND) ||
      td_word_is(R, j, QF_OF))
    return false;
  uint32_t s = j;
  while (s > lo && j - s < 7) {
    uint32_t k = s - 1;
    if (R->sent[k] != R->sent[j])
      break;
    const td_token *u = &R->t[k];
    if (td_np_word(R, k) || (u->flags & TD_TF_CLITIC) ||
        (td_wc(R, k) & QW_DET)) {
      s = k;
      if (td_wc(R, k) & QW_DET)
        break;
      continue;
    }
    break;
  }
  /* a noun phrase does not open with "of" or "and" */
  while (s < j && (td_word_is(R, s, QF_OF) || td_word_is(R, s, QF_AND)))
    s++;
  /* a phrase of common words is a source when it opens with a determiner
   * ("the report") or is plural ("officials", "many experts"); otherwise
   * the word before the cue is more likely an adjective or a verb ("a
   * strong signal", "bring back") */
  bool cap = false;
  for (uint32_t k = s; k <= j; k++)
    cap |= (R->t[k].flags & TD_TF_CAP) && k != td_sent_first(R, k);
  const char *w = R->doc->text + t->start;
  size_t n = t->end - t->start;
  bool plural = n > 3 && w[n - 1] == 's' && w[n - 2] != 's';
  bool det = (td_wc(R, s) & QW_DET) ||
             (s > lo && (td_wc(R, s - 1) & QW_DET));
  if (!cap && !plural && !det && !(t->flags & TD_TF_CAP))
    return false;
  *a = s;
  return true;
}

/* The source read leftwards from the cue at token c, not before token lo:
 * [*a, *b). "Valiyev said", "he has also said", "Scott Pruitt, the
 * attorney general of Oklahoma, said", "Rep. Gwen Moore (D-Wis.) said". */
static bool td_src_left(const td_qrun *R, uint32_t c, uint32_t lo,
                        uint32_t *a, uint32_t *b) {
  if (c == 0 || c <= lo)
    return false;
  uint32_t j = c - 1;
  /* auxiliaries and adverbs between the source and the cue ("on
   * Friday") */
  while (j > lo && (td_adverb(R, j) ||
                    ((td_wc(R, j) & QW_ADJUNCT) && R->tx[j + 1] &&
                     j + 1 < c)))
    j--;
  if (td_adverb(R, j))
    return false;
  if (td_tok_is(R, j, ',')) {
    /* "Ramil Carr, 31, a photographer, said", "Sen. Marco Rubio, R-Fla.,
     * appearing on Fox News, said": the comma-separated pieces back to
     * the sentence's start (or to an opening adjunct, "In a statement,");
     * the first is the head, the appositions follow it, a piece that
     * opens with "-ing" or "who" is not part of the source */
    uint32_t cut[6], ncut = 0, k = j;
    cut[ncut++] = j;
    while (k > lo && j - k < 40) {
      k--;
      const td_token *u = &R->t[k];
      if (u->kind == TD_TOK_QUOTE || td_tok_is(R, k, ';') ||
          td_tok_is(R, k, ':') || R->sent[k] != R->sent[j] ||
          u->kind == TD_TOK_DASH)
        return false;
      if (td_tok_is(R, k, ',')) {
        if (ncut == 6)
          return false;
        cut[ncut++] = k;
      }
    }
    uint32_t start = k; /* the sentence's start (or lo) */
    if (j - k >= 40 || ncut < 2 || start != td_sent_first(R, j))
      goto one;
    /* pieces [start, cut[ncut-1]), [cut[ncut-1]+1, cut[ncut-2]), ... */
    int p = (int)ncut; /* the piece that ends at cut[p-1] */
    uint32_t ps = start;
    /* opening adjuncts and times ("In a statement,", "On Tuesday,") */
    while (p > 1) {
      uint32_t pe = cut[p - 1];
      bool adj = R->tx[ps] ||
                 (td_wc(R, ps) & (QW_ADJUNCT | QW_BOUND)) ||
                 (pe == ps + 1 && td_sentence_adverb(R, ps));
      if (!adj)
        break;
      ps = pe + 1;
      p--;
    }
    uint32_t he = cut[p - 1], hl = he - 1;
    /* "Sen. Roy Blunt (R-Mo.)" */
    if (he > ps + 2 && td_tok_is(R, hl, ')')) {
      uint32_t m = hl;
      while (m > ps + 1 && hl - m < 8 && !td_tok_is(R, m, '('))
        m--;
      if (td_tok_is(R, m, '('))
        hl = m - 1;
    }
    if (he <= ps || he - ps > 12 || !td_src_head(R, hl, ps, a))
      goto one;
    /* "The group's president": the whole piece */
    for (uint32_t m = ps; m < *a; m++)
      if (!(td_np_word(R, m) || (R->t[m].flags & TD_TF_CLITIC)) ||
          ((td_wc(R, m) & QW_VERB) && !(R->t[m].flags & TD_TF_CLITIC)) ||
          td_cue_maybe(R, m))
        goto one;
    *a = ps;
    uint32_t end = he;
    for (int q = p - 1; q >= 1; q--) {
      uint32_t qs = cut[q] + 1, qe = cut[q - 1];
      if (qe <= qs || (td_wc(R, qs) & (QW_PRON | QW_BOUND)) || td_ing(R, qs) ||
          td_word_is(R, qs, QF_WHOSE) || td_cue_maybe(R, qs))
        break;
      end = qe;
    }
    *b = end;
    return true;
  one:
    k = j;
    while (k > lo && j - k < 40) {
      k--;
      const td_token *u = &R->t[k];
      if (u->kind == TD_TOK_QUOTE || (u->flags & TD_TF_STOP &&
                                      !(u->flags & TD_TF_ABBREV)) ||
          td_tok_is(R, k, ';') || td_tok_is(R, k, ':') ||
          R->sent[k] != R->sent[j])
        return false;
      if (td_tok_is(R, k, ','))
        break;
    }
    if (k <= lo || k == j || !td_tok_is(R, k, ','))
      return false;
    if (!td_src_head(R, k - 1, lo, a))
      return false;
    *b = j;
    return true;
  }
  /* "A former candidate -- John McCain, who lost in 2008 -- said": the
   * noun phrase before the first dash and what the dashes enclose */
  if (R->t[j].kind == TD_TOK_DASH) {
    uint32_t k = j;
    while (k > lo && j - k < 40) {
      k--;
      const td_token *u = &R->t[k];
      if (u->kind == TD_TOK_QUOTE || td_tok_is(R, k, ';') ||
          td_tok_is(R, k, ':') || R->sent[k] != R->sent[j])
        return false;
      if (u->kind == TD_TOK_DASH)
        break;
    }
    if (k <= lo || k + 1 == j || R->t[k].kind != TD_TOK_DASH ||
        !td_src_head(R, k - 1, lo, a))
      return false;
    *b = j;
    return true;
  }
  if (td_tok_is(R, j, ')')) {
    uint32_t k = j;
    while (k > lo && j - k < 40) {
      k--;
      const td_token *u = &R->t[k];
      /* "(I-Vt.)": a full stop before the bracket */
      if (u->kind == TD_TOK_QUOTE || (u->flags & TD_TF_STOP &&
                                      !(u->flags & TD_TF_ABBREV) &&
                                      k + 1 != j) ||
          td_tok_is(R, k, ';') || td_tok_is(R, k, ':') ||
          R->sent[k] != R->sent[j])
        return false;
      if (td_tok_is(R, k, '('))
        break;
    }
    if (k <= lo || k == j || !td_tok_is(R, k, '('))
      return false;
    if (!td_src_head(R, k - 1, lo, a))
      return false;
    *b = j + 1;
    return true;
  }
  if (!td_src_head(R, j, lo, a))
    return false;
  *b = j + 1;
  return true;
}

static bool td_past(const td_qrun *R, uint32_t i, bool present);

/* A phrase [sa, sb) of one thing ("a private", "his personal", "each
 * state") right before a cue word in its bare form ("email", "show",
 * "want"): the cue is a noun or the phrase is not its subject ("a private
 * email", "a talk show"), as a verb it would be "emails", "shows". */
static bool td_disagrees(const td_qrun *R, uint32_t sa, uint32_t sb,
                         uint32_t i) {
  if (sb != i || sb - sa < 2 || (R->t[sb - 1].flags & TD_TF_CLITIC) ||
      R->t[i].kind != TD_TOK_WORD)
    return false;
  if (!td_word_in(R, sa, QF_HIS, QF_EVERY) || td_word_is(R, sa, QF_THEIR) ||
      td_word_is(R, sa, QF_OUR) || td_word_is(R, sa, QF_MY) ||
      td_word_is(R, sa, QF_YOUR))
    return false;
  const td_token *h = &R->t[sb - 1], *t = &R->t[i];
  const char *w = R->doc->text + h->start;
  size_t n = h->end - h->start;
  if (n > 2 && w[n - 1] == 's' && w[n - 2] != 's')
    return false; /* "a few reports", "his aides" */
  w = R->doc->text + t->start;
  n = t->end - t->start;
  if (n < 3 || w[0] < 'a' || w[0] > 'z' || w[n - 1] == 's' ||
      (w[n - 2] == 'e' && w[n - 1] == 'd') || (td_wc(R, i) & (QW_PAST | QW_ING)) ||
      (n > 4 && !strncmp(w + n - 3, "ing", 3)))
    return false;
  return true;
}

/* The subject that opens the sentence [a, ...), before token lim: after
 * an opening adjunct ("On Saturday, "), a pronoun or a noun phrase that
 * ends with a mention ("Democratic presidential candidate Sen. Bernie
 * Sanders (I-Vt.)"): [*sa, *sb). */
static bool td_subject(const td_qrun *R, uint32_t a, uint32_t lim,
                       uint32_t *sa, uint32_t *sb) {
  uint32_t s = a;
  if (R->tx[s] || (td_wc(R, s) & QW_ADJUNCT) || td_sentence_adverb(R, s)) {
    uint32_t k = s;
    while (k < lim && k - s < 8 && !td_tok_is(R, k, ','))
      k++;
    if (k >= lim || !td_tok_is(R, k, ','))
      return false;
    s = k + 1;
  }
  if (s >= lim)
    return false;
  if (td_wc(R, s) & QW_PRON) {
    *sa = s;
    *sb = s + 1;
    return true;
  }
  uint32_t end = 0, capend = s;
  bool caps = true;
  for (uint32_t k = s; k < lim && k - s < 12; k++) {
    const td_token *t = &R->t[k];
    if (R->ent_end[k] >= 0 && R->E->v.v[R->ent_end[k]].tok_first >= s)
      end = k + 1;
    /* a name the entities layer does not know: capitalised words */
    caps = caps && t->kind == TD_TOK_WORD && (t->flags & TD_TF_CAP) &&
           !(td_wc(R, k) & (QW_DET | QW_PRON | QW_BOUND | QW_AUX));
    if (caps && k - s < 4)
      capend = k + 1;
    if (td_tok_is(R, k, '(') && end == k) {
      uint32_t m = k + 1;
      while (m < lim && m - k < 8 && !td_tok_is(R, m, ')'))
        m++;
      if (m < lim && td_tok_is(R, m, ')')) {
        end = m + 1;
        k = m;
        continue;
      }
    }
    if (!(t->kind == TD_TOK_WORD || t->kind == TD_TOK_NUM) ||
        (td_wc(R, k) & (QW_BOUND | QW_AUX | QW_VERB | QW_PRON)) ||
        (k > s && (td_wc(R, k) & QW_DET)) || td_cue_maybe(R, k))
      break;
  }
  if (!end && capend > s && capend < lim &&
      (td_cue_maybe(R, capend) || td_adverb(R, capend) ||
       td_past(R, capend, false)))
    end = capend;
  if (!end)
    return false;
  *sa = s;
  *sb = end;
  return true;
}

/* The source read rightwards from token i (after "said", "according to"),
 * not at or after token hi. */
static bool td_src_right(const td_qrun *R, uint32_t i, uint32_t hi,
                         uint32_t *a, uint32_t *b) {
  if (i >= hi)
    return false;
  if (td_wc(R, i) & QW_PRON) {
    *a = i;
    *b = i + 1;
    return true;
  }
  uint32_t s = i;
  while (s < hi && (td_wc(R, s) & QW_DET))
    s++;
  if (s < hi && R->ent_first[s] >= 0) {
    const td_entity *en = &R->E->v.v[R->ent_first[s]];
    *a = i;
    *b = en->tok_end < hi ? en->tok_end : hi;
    return true;
  }
  uint32_t k = s;
  while (k < hi && k - s < 8 &&
         (td_np_word(R, k) || (R->t[k].flags & TD_TF_CLITIC) ||
          (k > s && td_word_is(R, k, QF_OF)) ||
          (k > s && k + 1 < hi && (R->t[k + 1].flags & TD_TF_CAP) &&
           (td_word_is(R, k, QF_BY) || td_word_is(R, k, QF_FROM) ||
            td_word_is(R, k, QF_AT)))))
    k++;
  while (k > s && R->t[k - 1].kind == TD_TOK_WORD &&
         R->t[k - 1].end - R->t[k - 1].start == 2 &&
         !strncmp(R->doc->text + R->t[k - 1].start, "of", 2))
    k--;
  if (k == s)
    return false;
  *a = i;
  *b = k;
  return true;
}

static td_span td_tspan(const td_qrun *R, uint32_t a, uint32_t b) {
  td_span s = {R->t[a].start, R->t[b - 1].end};
  return s;
}

/* The entity a speaker mention [a, b) is, and the one it resolves to. */
static void td_resolve(const td_qrun *R, td_quote *qt, uint32_t a,
                       uint32_t b) {
  qt->speaker_entity = qt->ref = -1;
  int32_t e = R->ent_end[b - 1];
  if (e < 0 || R->E->v.v[e].tok_first < a)
    e = -1;
  if (e < 0)
    for (uint32_t k = a; k < b && e < 0; k++)
      e = R->ent_first[k];
  /* "..., who said": the mention before the comma */
  if (e < 0 && b == a + 1 && a >= 2 && td_tok_is(R, a - 1, ',') &&
      td_wc(R, a) & QW_PRON) {
    const char *w = R->doc->text + R->t[a].start;
    if (!strncmp(w, "who", 3) || !strncmp(w, "which", 5))
      qt->ref = R->ent_end[a - 2];
  }
  if (e >= 0) {
    qt->speaker_entity = e;
    qt->ref = e;
  }
  for (int guard = 0; qt->ref >= 0 && R->E->v.v[qt->ref].ref >= 0 &&
                      guard < 64;
       guard++)
    qt->ref = R->E->v.v[qt->ref].ref;
}

static void td_set_speaker(const td_qrun *R, td_quote *qt, uint32_t a,
                           uint32_t b) {
  qt->has_speaker = true;
  qt->speaker = td_tspan(R, a, b);
  td_resolve(R, qt, a, b);
  for (uint32_t k = a; k < b; k++)
    if (!R->inq[k])
      R->inq[k] = 2;
}

static void td_set_cue(const td_qrun *R, td_quote *qt, int32_t c,
                       uint32_t a, uint32_t b) {
  qt->has_cue = true;
  qt->cls = td_cue_class(R, c);
  qt->cue = td_tspan(R, a, b);
  for (uint32_t k = a; k < b; k++)
    if (!R->inq[k])
      R->inq[k] = 2;
}

/* A lower-case verb in the past tense that the cue list may not know:
 * "-ed" ("mused", "cracked") or an irregular form of verb.exc ("shot");
 * with `present`, also "-s" ("continues", "quips"). */
static bool td_past(const td_qrun *R, uint32_t i, bool present) {
  const td_token *t = &R->t[i];
  if (i >= R->n || t->kind != TD_TOK_WORD || (t->flags & TD_TF_CLITIC) ||
      R->inq[i] == 1)
    return false;
  const char *w = R->doc->text + t->start;
  size_t n = t->end - t->start;
  if (w[0] < 'a' || w[0] > 'z')
    return false;
  uint16_t c = td_wc(R, i);
  if (c & (QW_AUX | QW_VERB | QW_DET | QW_PRON | QW_BOUND | QW_ADJUNCT))
    return false;
  if (c & QW_PAST)
    return true;
  if (n > 3 && w[n - 2] == 'e' && w[n - 1] == 'd')
    return !(n <= 5 && w[n - 3] == 'e') && strncmp(w, "indeed", n) &&
           strncmp(w, "hundred", n);
  return present && n > 3 && w[n - 1] == 's' && w[n - 2] != 's' &&
         w[n - 2] != 'u' && w[n - 2] != 'i';
}

/* A short speaker that starts at token k, not at or after hi: a pronoun,
 * a mention (after a determiner), one to four capitalised words the
 * entities layer does not know ("Bennett"), or a determiner and one to
 * three words ("the spokesman"): [*a, *b). */
static bool td_src_short(const td_qrun *R, uint32_t k, uint32_t hi,
                         uint32_t *a, uint32_t *b) {
  if (k >= hi || R->t[k].kind != TD_TOK_WORD || R->inq[k] == 1)
    return false;
  if (td_wc(R, k) & QW_PRON) {
    /* not "which", "who", "that" */
    const char *w = R->doc->text + R->t[k].start;
    if ((w[0] | 0x20) == 'w' || (w[0] | 0x20) == 't')
      return false;
    *a = k;
    *b = k + 1;
    return true;
  }
  uint32_t s = k;
  while (s < hi && s - k < 2 && (td_wc(R, s) & QW_DET))
    s++;
  if (s >= hi || R->tx[s])
    return false;
  if (R->ent_first[s] >= 0) {
    uint32_t e = R->E->v.v[R->ent_first[s]].tok_end;
    *a = k;
    *b = e < hi ? e : hi;
    return true;
  }
  uint32_t m = s;
  if (R->t[s].flags & TD_TF_CAP) {
    while (m < hi && m - s < 4 && R->t[m].kind == TD_TOK_WORD &&
           (R->t[m].flags & TD_TF_CAP) &&
           !(td_wc(R, m) & (QW_DET | QW_PRON | QW_BOUND | QW_AUX | QW_VERB)))
      m++;
  } else if (s > k) {
    while (m < hi && m - s < 3 && R->t[m].kind == TD_TOK_WORD &&
           !(R->t[m].flags & TD_TF_CAP) && !td_past(R, m, false) &&
           !(td_wc(R, m) & (QW_DET | QW_PRON | QW_BOUND | QW_AUX | QW_VERB |
                            QW_ADJUNCT)) &&
           !td_cue_maybe(R, m))
      m++;
  }
  if (m == s)
    return false;
  *a = k;
  *b = m;
  return true;
}

/* After an attribution that ends before token k: nothing more than a few
 * words of adjunct ("with a laugh") up to the sentence's end, a comma or
 * the next quote. */
static bool td_attr_tail(const td_qrun *R, uint32_t k, uint32_t pe) {
  for (uint32_t m = k; m < pe && m - k <= 10; m++) {
    if (R->sent[m] != R->sent[k - 1] || td_tok_is(R, m, ',') ||
        td_tok_is(R, m, '.') || td_tok_is(R, m, ';') ||
        (R->t[m].kind == TD_TOK_QUOTE && (R->t[m].flags & TD_TF_OPEN)))
      return true;
    if (R->t[m].kind == TD_TOK_QUOTE || td_tok_is(R, m, ':') ||
        (td_wc(R, m) & (QW_VERB | QW_PRON)) ||
        (R->forms[m] && R->forms[m] == R->q->f_that) || td_past(R, m, false))
      return false;
  }
  return pe <= k + 11;
}

/* ---- Direct quotes ------------------------------------------------------- */

typedef struct td_dq {
  uint32_t open, close; /* tokens of the marks; close may be the last
                           token of a paragraph when the quote is not
                           closed */
  bool closed;
} td_dq;

typedef TD_VEC(td_dq) td_dq_vec;

/* Pairs the double quotation marks of the document. A quote left open at
 * the end of a paragraph goes on when the next paragraph opens with a
 * quotation mark (the usual style), or when the next mark in the
 * following paragraphs closes a quote (some agencies open once and close
 * once); otherwise it ends with its paragraph. */
static void td_pair_quotes(const td_qrun *R, td_dq_vec *out) {
  const td_doc *doc = R->doc;
  bool open = false;
  td_dq cur = {0, 0, false};
  for (size_t p = 0; p < doc->paragraphs.n; p++) {
    td_span ps = doc->paragraphs.v[p];
    uint32_t i = 0;
    /* first token of the paragraph (binary search over tokens) */
    uint32_t lo = 0, hi = R->n;
    while (lo < hi) {
      uint32_t mid = lo + (hi - lo) / 2;
      if (R->t[mid].start < ps.start)
        lo = mid + 1;
      else
        hi = mid;
    }
    i = lo;
    uint32_t first = i, last = i;
    for (; i < R->n && R->t[i].start < ps.end; i++) {
      last = i;
      if (!td_double_quote(R, i))
        continue;
      bool opening = (R->t[i].flags & TD_TF_OPEN) != 0;
      if (!open) {
        if (opening) {
          open = true;
          cur.open = i;
        }
      } else if (i == first && opening) {
        /* the paragraph continues the open quote */
      } else if (opening && R->doc->text[R->t[i].start] != '"' &&
                 R->doc->text[R->t[i].start] != '\'') {
        /* a second opening mark: the first was never closed */
        cur.open = i;
      } else if (!opening || i > cur.open + 1) {
        cur.close = i;
        cur.closed = true;
        td_vec_push(out, cur);
        open = false;
      }
    }
    if (!open || i == first)
      continue;
    /* open at the end of the paragraph */
    bool goes_on = false;
    if (i < R->n && td_double_quote(R, i) && (R->t[i].flags & TD_TF_OPEN))
      goes_on = true;
    else {
      uint32_t lim = R->n < i + 2000 ? R->n : i + 2000;
      for (uint32_t k = i; k < lim; k++)
        if (td_double_quote(R, k)) {
          goes_on = !(R->t[k].flags & TD_TF_OPEN);
          break;
        }
    }
    if (!goes_on) {
      cur.close = last;
      cur.closed = false;
      td_vec_push(out, cur);
      open = false;
    }
  }
  if (open && R->n) {
    cur.close = R->n - 1;
    cur.closed = false;
    td_vec_push(out, cur);
  }
}

/* The paragraph end (exclusive token) of token i: the first token from i
 * on that starts at or after the paragraph's end (binary search). */
static uint32_t td_para_end(const td_qrun *R, uint32_t i) {
  uint32_t p = R->doc->sentences.v[R->sent[i]].para;
  uint32_t pe = R->doc->paragraphs.v[p].end;
  uint32_t lo = i, hi = R->n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (R->t[mid].start < pe)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* "Valiyev said", "he added", "said Valiyev" right after the quote that
 * ends at token qc. */
static bool td_attr_after(td_qrun *R, td_quote *qt, uint32_t qo, uint32_t qc,
                          uint32_t *after) {
  uint32_t k = qc + 1, pe = td_para_end(R, qc);
  if (k < pe && td_tok_is(R, k, ','))
    k++;
  if (k >= pe)
    return false;
  uint32_t ce;
  int32_t c = td_cue_at(R, k, &ce);
  uint8_t cls = td_cue_class(R, c);
  if (c >= 0 && (cls == QC_SPEECH || cls == QC_THOUGHT)) {
    uint32_t a, b;
    if (!td_src_right(R, ce, pe, &a, &b))
      return false;
    td_set_cue(R, qt, c, k, ce);
    td_set_speaker(R, qt, a, b);
    *after = b;
    return true;
  }
  for (uint32_t m = k; m < pe && m - k <= 20; m++) {
    const td_token *t = &R->t[m];
    if (t->kind == TD_TOK_QUOTE || t->kind == TD_TOK_DASH ||
        (t->kind == TD_TOK_PUNCT && !td_tok_is(R, m, ',') &&
         !(t->flags & TD_TF_ABBREV) && !td_tok_is(R, m, '[') &&
         !td_tok_is(R, m, ']') && !td_tok_is(R, m, '(') &&
         !td_tok_is(R, m, ')') && !td_tok_is(R, m, '.')))
      break;
    if (R->sent[m] != R->sent[k] || (td_tok_is(R, m, '.') && m - k > 12))
      break;
    c = td_cue_at(R, m, &ce);
    cls = td_cue_class(R, c);
    if (c < 0)
      continue;
    if (cls != QC_SPEECH && cls != QC_THOUGHT)
      break;
    uint32_t a, b;
    if (!td_src_left(R, m, k, &a, &b))
      break;
    td_set_cue(R, qt, c, m, ce);
    td_set_speaker(R, qt, a, b);
    *after = ce;
    return true;
  }
  /* a verb the cue list does not know, after a quote that ends with a
   * comma (or ? !): "“...,” Bennett shot back with a laugh.", "“...,”
   * mused Smith." */
  uint32_t last = qc > 0 ? qc - 1 : qc;
  if (qo != td_sent_first(R, qo) || !(td_tok_is(R, last, ',') || td_tok_is(R, last, '?') ||
        td_tok_is(R, last, '!')) || td_tok_is(R, qc + 1, ','))
    return false;
  uint32_t a, b, v;
  if (td_past(R, k, true) && td_src_short(R, k + 1, pe, &a, &b) &&
      (R->t[k + 1].flags & TD_TF_CAP || (td_wc(R, k + 1) & QW_DET)) &&
      td_attr_tail(R, b, pe)) {
    qt->has_cue = true;
    qt->cls = QC_SPEECH;
    qt->cue = td_tspan(R, k, k + 1);
    td_set_speaker(R, qt, a, b);
    *after = b;
    return true;
  }
  if (td_src_short(R, k, pe, &a, &b)) {
    v = b;
    while (v < pe && v < b + 2 && td_adverb(R, v) && !R->tx[v])
      v++;
    /* "-s" ("he mocks."): nothing after it, "Republican leaders" is no
     * attribution */
    if (v < pe && td_past(R, v, true) && td_attr_tail(R, v + 1, pe) &&
        (td_past(R, v, false) || td_tok_is(R, v + 1, '.') ||
         td_tok_is(R, v + 1, ','))) {
      qt->has_cue = true;
      qt->cls = QC_SPEECH;
      qt->cue = td_tspan(R, v, v + 1);
      td_set_speaker(R, qt, a, b);
      *after = v + 1;
      return true;
    }
  }
  return false;
}

/* "Valiyev said: “...", "he told reporters, “...", "according to him, “..."
 * before the quote that opens at token qo. */
static bool td_attr_before(td_qrun *R, td_quote *qt, uint32_t qo) {
  uint32_t sf = td_sent_first(R, qo);
  if (qo == 0)
    return false;
  /* "Cruz continued:" closing the sentence (or paragraph) before */
  if (qo <= sf) {
    if (!td_tok_is(R, qo - 1, ':') || R->sent[qo - 1] == R->sent[qo])
      return false;
    sf = td_sent_first(R, qo - 1);
  }
  uint32_t k = qo - 1;
  bool colon = td_tok_is(R, k, ':');
  if (colon || td_tok_is(R, k, ','))
    k--;
  if (k + 1 <= sf)
    return false;
  for (uint32_t m = k + 1; m-- > sf && k - m <= 12;) {
    const td_token *t = &R->t[m];
    if (t->kind == TD_TOK_QUOTE || R->inq[m] == 1)
      break;
    uint32_t ce;
    int32_t c = td_cue_at(R, m, &ce);
    uint8_t cls = td_cue_class(R, c);
    if (c < 0 || R->inq[m])
      continue;
    uint32_t a, b;
    if (cls == QC_PREP) {
      if (!td_src_right(R, ce, qo, &a, &b))
        return false;
    } else if (m == sf && (cls == QC_SPEECH || cls == QC_THOUGHT) &&
               ce < k + 1 && td_src_right(R, ce, k + 1, &a, &b) &&
               b == k + 1) {
      /* "Continued Stone: “...”" */
    } else if (!td_src_left(R, m, sf, &a, &b)) {
      /* "she said, adding, “...”", "X posted a comment, saying, “...”":
       * the speaker of the cue before, or the sentence's subject */
      if (!td_ing(R, m) || m == sf || !td_tok_is(R, m - 1, ',') || m != k)
        return false;
      const td_quote *last = NULL;
      for (size_t i = R->out->v.n; i-- > 0 && R->out->v.n - i <= 4;) {
        const td_quote *o = &R->out->v.v[i];
        if (o->has_speaker && o->has_cue && o->cue.end <= R->t[m].start &&
            o->cue.start >= R->t[sf].start) {
          last = o;
          break;
        }
      }
      if (last) {
        td_set_cue(R, qt, c, m, ce);
        qt->has_speaker = true;
        qt->speaker = last->speaker;
        qt->speaker_entity = last->speaker_entity;
        qt->ref = last->ref;
        return true;
      }
      if (!td_subject(R, sf, m, &a, &b))
        return false;
    }
    td_set_cue(R, qt, c, m, ce);
    td_set_speaker(R, qt, a, b);
    return true;
  }
  /* "Trump: “...": a name and a colon opening the sentence */
  if (colon && k >= sf && k - sf < 6) {
    uint32_t a, b;
    if (td_src_left(R, k + 1, sf, &a, &b) && a == sf) {
      qt->has_cue = true;
      qt->cue = td_tspan(R, k + 1, k + 2);
      qt->cls = QC_SPEECH;
      td_set_speaker(R, qt, a, b);
      return true;
    }
  }
  /* a verb the cue list does not know between the sentence's subject and
   * the quote: "Trump issued the following statement: “...”", "She went
   * on: “...”", "Prager continues, “...”" (with a comma, the verb right
   * before it) */
  uint32_t sa, sb;
  if (k >= sf && k - sf <= 30 && (colon || td_tok_is(R, k + 1, ',')) &&
      td_subject(R, sf, k + 1, &sa, &sb)) {
    uint32_t v = sb;
    while (v <= k && td_adverb(R, v) && !R->tx[v])
      v++;
    if (v > k || !td_past(R, v, v == k) || (!colon && v != k))
      return false;
    for (uint32_t m = v + 1; m <= k; m++)
      if (R->t[m].kind == TD_TOK_QUOTE || R->inq[m] ||
          (td_wc(R, m) & QW_VERB) ||
          (R->forms[m] && R->forms[m] == R->q->f_that))
        return false;
    const char *w = R->doc->text + R->t[sa].start;
    if ((td_wc(R, sa) & QW_PRON) && ((w[0] | 0x20) == 'w'))
      return false;
    qt->has_cue = true;
    qt->cue = td_tspan(R, v, k + 1);
    qt->cls = QC_SPEECH;
    td_set_speaker(R, qt, sa, sb);
    return true;
  }
  return false;
}

static void td_add_part(td_quote *qt, td_span s) {
  if (qt->nparts < TD_QPARTS)
    qt->parts[qt->nparts++] = s;
  else
    qt->parts[TD_QPARTS - 1].end = s.end;
}

static void td_direct_quotes(td_qrun *R) {
  td_dq_vec dq = {0};
  td_pair_quotes(R, &dq);
  for (size_t i = 0; i < dq.n; i++)
    for (uint32_t k = dq.v[i].open; k <= dq.v[i].close && k < R->n; k++)
      R->inq[k] = 1;
  int32_t prev = -1; /* the last quote with a speaker */
  uint32_t prev_para = UINT32_MAX;
  for (size_t i = 0; i < dq.n; i++) {
    td_dq d = dq.v[i];
    td_quote qt;
    memset(&qt, 0, sizeof(qt));
    qt.direct = true;
    qt.speaker_entity = qt.ref = -1;
    td_add_part(&qt, td_tspan(R, d.open, d.close + 1));
    uint32_t after = d.close + 1;
    bool found = d.closed && td_attr_after(R, &qt, d.open, d.close, &after);
    if (found) {
      /* split: “A,” he said, “B.” */
      bool tail = true;
      while (i + 1 < dq.n && after < R->n) {
        uint32_t k = after;
        /* “A,” he told Chris Cuomo of CNN after the debate, “B.”: the
         * attribution's object and adjuncts, no clause */
        if (tail && !td_tok_is(R, k, ',') && !td_tok_is(R, k, ':') &&
            !td_tok_is(R, k, '.')) {
          uint32_t m = k;
          while (m < dq.v[i + 1].open && m - k < 12 &&
                 R->sent[m] == R->sent[after - 1] &&
                 (R->t[m].kind == TD_TOK_WORD || R->t[m].kind == TD_TOK_NUM ||
                  (R->t[m].flags & TD_TF_ABBREV) || td_tok_is(R, m, '(') ||
                  td_tok_is(R, m, ')')) &&
                 !(td_wc(R, m) & (QW_VERB | QW_PRON)) &&
                 R->forms[m] != R->q->f_that && !td_cue_maybe(R, m))
            m++;
          if (m + 1 == dq.v[i + 1].open && td_tok_is(R, m, ','))
            k = m;
        }
        tail = false;
        bool stop = k < R->n && td_tok_is(R, k, '.');
        if (k < R->n && (td_tok_is(R, k, ',') || td_tok_is(R, k, ':') ||
                         stop))
          k++;
        /* “A,” he said, “B.” and “A,” he said. “B.” in one paragraph */
        if (k != dq.v[i + 1].open ||
            (!stop && R->sent[k] != R->sent[after - 1]) ||
            R->doc->sentences.v[R->sent[k]].para !=
                R->doc->sentences.v[R->sent[after - 1]].para)
          break;
        i++;
        td_add_part(&qt, td_tspan(R, dq.v[i].open, dq.v[i].close + 1));
        after = dq.v[i].close + 1;
      }
    } else {
      found = td_attr_before(R, &qt, d.open);
    }
    uint32_t para = R->doc->sentences.v[R->sent[d.open]].para;
    uint32_t words = 0;
    for (uint32_t k = d.open; k <= d.close && k < R->n; k++)
      words += R->t[k].kind == TD_TOK_WORD;
    if (!found && prev >= 0 && words >= 4 &&
        d.open == td_sent_first(R, d.open) &&
        (para == prev_para || para == prev_para + 1)) {
      /* a quote that goes on from the speaker of the one before */
      const td_quote *p = &R->out->v.v[prev];
      qt.has_speaker = true;
      qt.inherited = true;
      qt.speaker = p->speaker;
      qt.speaker_entity = p->speaker_entity;
      qt.ref = p->ref;
      found = true;
    }
    if (!found && words < 8)
      continue;
    if (!qt.has_speaker && words < 8)
      continue;
    td_vec_push(&R->out->v, qt);
    if (qt.has_speaker) {
      prev = (int32_t)R->out->v.n - 1;
      prev_para = R->doc->sentences.v[R->sent[d.close]].para;
    }
  }
  td_vec_free(&dq);
}

/* ---- Reported statements -------------------------------------------------- */

/* The last token of the content [a, e): without final punctuation. */
static uint32_t td_trim_end(const td_qrun *R, uint32_t a, uint32_t e) {
  while (e > a && R->t[e - 1].kind == TD_TOK_PUNCT &&
         !(R->t[e - 1].flags & TD_TF_CLOSE))
    e--;
  return e;
}

static bool td_emit_indirect(td_qrun *R, int32_t c, uint32_t ca, uint32_t cb,
                             uint32_t sa, uint32_t sb, uint32_t xa,
                             uint32_t xb) {
  xb = td_trim_end(R, xa, xb);
  while (xa < xb && (td_tok_is(R, xa, ',') || td_tok_is(R, xa, ':')))
    xa++;
  if (xa >= xb)
    return false;
  if (R->inq[xa] == 1 && R->t[xa].kind == TD_TOK_QUOTE)
    return false; /* a direct quote's content, attributed already */
  /* "spoke in Baku": an adjunct, not what was said (before the cue, "In
   * 2014, ..., according to the FBI", it opens the content) */
  if (xa >= cb &&
      (td_wc(R, xa) & (QW_BOUND | QW_ADJUNCT)) == (QW_BOUND | QW_ADJUNCT) &&
      td_form_word(R, xa, R->forms[xa]))
    return false;
  td_quote qt;
  memset(&qt, 0, sizeof(qt));
  qt.speaker_entity = qt.ref = -1;
  td_set_cue(R, &qt, c, ca, cb);
  td_set_speaker(R, &qt, sa, sb);
  td_span x = td_tspan(R, xa, xb);
  for (size_t k = R->out->v.n; k-- > 0 && k + 8 >= R->out->v.n;)
    if (R->out->v.v[k].parts[0].start == x.start &&
        R->out->v.v[k].parts[0].end == x.end)
      return false; /* "who pledged": said once */
  td_add_part(&qt, x);
  td_vec_push(&R->out->v, qt);
  return true;
}

/* After a source read rightwards that ends at *sb, in a sentence ending
 * at b: true when nothing follows, or an apposition up to the end or to
 * a relative clause ("said Dante Scala, a professor at the University of
 * New Hampshire.", "said Howard Rubel, a senior analyst at Jefferies, who
 * notes ..."), which then joins the source. */
static bool td_src_apposition(const td_qrun *R, uint32_t *sb, uint32_t b) {
  uint32_t e = td_trim_end(R, *sb, b);
  if (e == *sb)
    return true;
  if (!td_tok_is(R, *sb, ','))
    return false;
  uint32_t k = *sb + 1;
  while (k < e && k - *sb <= 25 && !td_tok_is(R, k, ',')) {
    uint32_t ce;
    if (R->t[k].kind == TD_TOK_QUOTE || (td_wc(R, k) & QW_VERB) ||
        (td_cue_maybe(R, k) && !(R->t[k].flags & TD_TF_CAP) &&
         td_cue_class(R, td_cue_at(R, k, &ce)) > 0 &&
         td_cue_class(R, td_cue_at(R, k, &ce)) != QC_PREP))
      return false;
    k++;
  }
  if (k == *sb + 1 || k - *sb > 25)
    return false;
  if (k < e && !(k + 1 < e && ((td_wc(R, k + 1) & QW_PRON) ||
                               td_word_is(R, k + 1, QF_WHOSE))))
    return false;
  *sb = k;
  return true;
}

/* Where the content after a cue ending at token ce begins, in a sentence
 * ending at b: "X said (to reporters on Tuesday) that ...", "X believes
 * ...". */
/* "told", "tells": a cue whose object is the person told. */
static bool td_told(const td_qrun *R, uint32_t i) {
  static const char *const w[] = {"told", "tell", "tells", "telling"};
  const td_token *t = &R->t[i];
  size_t n = t->end - t->start;
  for (size_t k = 0; k < TD_COUNT(w); k++)
    if (strlen(w[k]) == n && !strncmp(R->doc->text + t->start, w[k], n))
      return true;
  return false;
}

static uint32_t td_content_start(const td_qrun *R, uint32_t ce, uint32_t b,
                                 uint8_t cls) {
  uint32_t xa = ce;
  while (xa < b && R->tx[xa])
    xa++;
  /* "said on Friday he ...", "said in an interview they ...": an
   * adjunct, then a clause that opens with a pronoun (or, after a time,
   * with a determiner or a name) */
  if (xa < b && (td_wc(R, xa) & QW_ADJUNCT) && td_form_word(R, xa, R->forms[xa])) {
    uint32_t m = xa + 1;
    while (m < b && m - xa <= 6 && !R->tx[m] &&
           (R->t[m].kind == TD_TOK_WORD || R->t[m].kind == TD_TOK_NUM) &&
           !(td_wc(R, m) & (QW_PRON | QW_VERB | QW_AUX | QW_BOUND)) &&
           R->forms[m] != R->q->f_that)
      m++;
    bool time = m < b && R->tx[m];
    while (m < b && R->tx[m])
      m++;
    if (m + 1 < b && m > xa + 1 &&
        (((td_wc(R, m) & QW_PRON) && td_form_word(R, m, R->forms[m])) ||
         (time && ((td_wc(R, m) & QW_DET) || R->ent_first[m] >= 0))))
      xa = m;
  }
  /* "told reporters the plan ...", "tells CNN he ...": the person told,
   * then a clause */
  if (xa < b && ce > 0 && td_told(R, ce - 1)) {
    uint32_t m = xa;
    if (R->ent_first[m] >= 0 && R->E->v.v[R->ent_first[m]].tok_end <= b)
      m = R->E->v.v[R->ent_first[m]].tok_end;
    else {
      if (td_wc(R, m) & QW_DET)
        m++;
      while (m < b && m - xa < 3 && R->t[m].kind == TD_TOK_WORD &&
             !(R->t[m].flags & TD_TF_CAP) &&
             !(td_wc(R, m) & (QW_DET | QW_PRON | QW_VERB | QW_AUX |
                              QW_BOUND | QW_ADJUNCT)) &&
             R->forms[m] != R->q->f_that)
        m++;
    }
    if (m > xa && m + 2 < b &&
        ((td_wc(R, m) & (QW_PRON | QW_DET)) || R->ent_first[m] >= 0) &&
        R->inq[m] != 1)
      xa = m;
  }
  bool object = false;
  for (uint32_t k = xa; k < b && k - ce <= 14; k++) {
    /* "defended his support for a bill that ...": after a stance's
     * object, "that" opens a relative clause */
    if (R->forms[k] && R->forms[k] == R->q->f_that)
      return object ? xa : k;
    object |= cls == QC_STANCE &&
              ((td_wc(R, k) & QW_DET) || (R->t[k].flags & TD_TF_CLITIC));
    /* a subject, a verb or another cue: the content began at xa ("said
     * his attacks had worked and said that ...") */
    if (R->t[k].kind != TD_TOK_WORD && R->t[k].kind != TD_TOK_NUM &&
        !(R->t[k].flags & TD_TF_CLITIC) && !td_tok_is(R, k, ','))
      break;
    uint32_t e;
    /* ("said in an email that ...": after a determiner, a noun) */
    if ((td_wc(R, k) & (QW_PRON | QW_VERB)) ||
        (k > xa && td_cue_maybe(R, k) && !(td_wc(R, k - 1) & QW_DET) &&
         td_cue_class(R, td_cue_at(R, k, &e)) > 0 &&
         td_cue_class(R, td_cue_at(R, k, &e)) != QC_PREP))
      break;
  }
  return xa;
}

/* Where the content that begins at token xa ends (exclusive), in a
 * sentence ending at b: before a second cue of the same speaker ("and
 * said ...", ", adding that ...", ", according to ..."). */
/* Does the content that begins at token xa belong to a relative clause
 * after a comma (", who said that ...", ", who told reporters ...")? */
static bool td_relative(const td_qrun *R, uint32_t xa) {
  for (uint32_t k = xa; k > 0 && xa - k < 6; k--) {
    uint32_t j = k - 1;
    if (R->t[j].kind != TD_TOK_WORD)
      return false;
    if (td_word_is(R, j, QF_WHO))
      return j > 0 && td_tok_is(R, j - 1, ',');
  }
  return false;
}

static uint32_t td_content_end(const td_qrun *R, uint32_t xa, uint32_t b) {
  for (uint32_t k = xa + 1; k + 1 < b; k++) {
    if (R->inq[k] == 1)
      continue;
    bool comma = td_tok_is(R, k, ',');
    if (!comma && !td_word_is(R, k, QF_AND) && !td_word_is(R, k, QF_BUT))
      continue;
    uint32_t m = k + 1;
    if (comma && (td_word_is(R, m, QF_AND) || td_word_is(R, m, QF_BUT)))
      m++;
    if (!td_cue_maybe(R, m))
      continue;
    uint32_t ce;
    int32_t c = td_cue_at(R, m, &ce);
    uint8_t cls = td_cue_class(R, c);
    if (c < 0 || cls == QC_STANCE || cls == QC_EVIDENCE)
      continue;
    /* "X, who estimated that ..., said ...": the relative clause ends */
    if (cls == QC_SPEECH && comma && m == k + 1 && xa > 1 &&
        td_relative(R, xa))
      return k;
    if (cls == QC_PREP ? comma
                       : ((R->q->wc[R->forms[m]] & QW_ING) && comma) ||
                             td_word_is(R, m - 1, QF_AND) ||
                             td_word_is(R, m - 1, QF_BUT))
      return k;
  }
  return b;
}

/* The noun cue at token i ("decision", "claims", "support for"): one of
 * cues.txt's `noun` entries, or a verb cue read as a noun (not an "-ed"
 * form); its index and *end, or -1. */
static int32_t td_noun_cue_at(const td_qrun *R, uint32_t i, uint32_t *end) {
  if (i >= R->n || R->t[i].kind != TD_TOK_WORD || !R->forms ||
      ((R->t[i].flags & TD_TF_CAP) && i != td_sent_first(R, i)))
    return -1;
  uint32_t f = R->forms[i];
  if (!f || f >= R->q->nforms)
    return -1;
  const char *w = R->doc->text + R->t[i].start;
  size_t n = R->t[i].end - R->t[i].start;
  bool ed = n > 2 && w[n - 2] == 'e' && w[n - 1] == 'd';
  for (int pass = 0; pass < 2; pass++) {
    if (pass && ed)
      break;
    for (int32_t c = pass ? R->q->cue[f] : R->q->ncue[f]; c >= 0;
         c = R->q->cues.v[c].next) {
      const td_cue *cu = &R->q->cues.v[c];
      if (cu->cls == QC_PREP || cu->nosource)
        continue;
      uint32_t k = i + 1;
      bool ok = true;
      for (uint32_t r = 0; r < cu->nrest && ok; r++, k++)
        ok = k < R->n && R->sent[k] == R->sent[i] && R->forms[k] == cu->rest[r];
      if (ok) {
        *end = k;
        return c;
      }
    }
  }
  return -1;
}

/* "his support for a bill", "Trump's claim that ...", "her decision to
 * run": a possessor (a possessive determiner, or a source and "'s"), a
 * noun cue, and what follows it ("that ...", "to ...", a preposition and
 * its object) up to a comma or the sentence's end. The token after the
 * quote into *next. */
static bool td_noun_attr(td_qrun *R, uint32_t i, uint32_t a, uint32_t b,
                         uint32_t *next) {
  uint32_t p = i - 1, sa;
  if (td_word_in(R, p, QF_HIS, QF_YOUR)) {
    /* "his support for ..." as the object of a verb is most often what
     * that verb's subject reports: only as a subject or after a
     * preposition */
    if (p > a && R->t[p - 1].kind == TD_TOK_WORD &&
        !(td_wc(R, p - 1) & (QW_ADJUNCT | QW_BOUND)) && !td_word_is(R, p - 1, QF_OF) &&
        !td_word_in(R, p - 1, QF_FOR, QF_WITH))
      return false;
    sa = p;
  } else if ((R->t[p].flags & TD_TF_CLITIC) && R->t[p].end - R->t[p].start >= 2 &&
             (R->doc->text[R->t[p].end - 1] | 0x20) == 's' && p > a &&
             !R->inq[p - 1] && td_src_head(R, p - 1, a, &sa)) {
  } else {
    return false;
  }
  uint32_t ce;
  int32_t c = td_noun_cue_at(R, i, &ce);
  if (c < 0 || ce >= b)
    return false;
  uint32_t cb = ce, xa = ce;
  bool clause = false;
  if (R->forms[xa] && R->forms[xa] == R->q->f_that) {
    clause = true;
  } else if (td_word_is(R, xa, QF_TO)) {
    /* "opposition to the war"; "decision to run" */
    if (xa + 1 < b && ((td_wc(R, xa + 1) & QW_DET) ||
                       (R->t[xa + 1].flags & TD_TF_CAP) ||
                       R->t[xa + 1].kind == TD_TOK_NUM))
      cb = xa = xa + 1;
    else
      clause = true;
  } else if (cb > i + 1 && td_word_in(R, cb - 1, QF_FOR, QF_WITH)) {
    /* the preposition is part of the cue ("support for") */
  } else if (td_word_in(R, xa, QF_FOR, QF_WITH) || td_word_is(R, xa, QF_OF)) {
    cb = xa = xa + 1;
  } else if (td_word_in(R, xa, QF_IS, QF_WAS) && xa + 1 < b &&
             R->forms[xa + 1] == R->q->f_that) {
    cb = xa + 1;
    xa = xa + 1;
    clause = true;
  } else {
    return false;
  }
  uint32_t xe = xa;
  while (xe < b && xe - xa < 30 && !td_tok_is(R, xe, ',') &&
         !td_tok_is(R, xe, ';') && !td_tok_is(R, xe, ':') &&
         !td_tok_is(R, xe, '(') && R->t[xe].kind != TD_TOK_DASH &&
         R->inq[xe] != 1 && !(xe > xa && !clause && (td_wc(R, xe) & QW_VERB)))
    xe++;
  xe = td_trim_end(R, xa, xe);
  if (xe <= xa || (xe == xa + 1 && R->t[xa].kind != TD_TOK_WORD))
    return false;
  td_quote qt;
  memset(&qt, 0, sizeof(qt));
  qt.speaker_entity = qt.ref = -1;
  td_set_cue(R, &qt, c, i, cb);
  td_set_speaker(R, &qt, sa, i);
  td_add_part(&qt, td_tspan(R, xa, xe));
  qt.noun = true;
  td_vec_push(&R->out->v, qt);
  *next = xe;
  return true;
}

/* "Carly Fiorina: Bill Clinton's fair game", "Insiders: Trump will
 * rebound": a name (or a plural noun) and a colon opening a sentence in
 * place of a cue, content after it. */
static void td_colon_cue(td_qrun *R, uint32_t a, uint32_t b) {
  uint32_t k = a;
  while (k < b && k - a < 5 && !td_tok_is(R, k, ':'))
    k++;
  if (k == a || k + 3 >= b || !td_tok_is(R, k, ':') || R->inq[k] ||
      R->inq[k + 1] == 1)
    return;
  /* not a label ("Breaking:", "Revealed:", "Q:", "UPDATE:") */
  for (uint32_t m = a; m < k; m++) {
    const char *w = R->doc->text + R->t[m].start;
    size_t n = R->t[m].end - R->t[m].start;
    if (R->t[m].kind != TD_TOK_WORD || !(R->t[m].flags & TD_TF_CAP) ||
        R->tx[m] || (R->t[m].flags & TD_TF_UPPER) || n < 2 ||
        (n > 4 && (!strncmp(w + n - 2, "ed", 2) ||
                   !strncmp(w + n - 3, "ing", 3))))
      return;
  }
  int32_t e = R->ent_end[k - 1];
  if (!(e >= 0 && R->E->v.v[e].tok_first == a) && k - a > 3)
    return;
  uint32_t words = 0;
  for (uint32_t m = k + 1; m < b; m++)
    words += R->t[m].kind == TD_TOK_WORD;
  uint32_t xb = td_trim_end(R, k + 1, b);
  if (words < 3 || xb <= k + 1)
    return;
  td_quote qt;
  memset(&qt, 0, sizeof(qt));
  qt.has_cue = true;
  qt.cls = QC_SPEECH;
  qt.cue = td_tspan(R, k, k + 1);
  td_set_speaker(R, &qt, a, k);
  td_add_part(&qt, td_tspan(R, k + 1, xb));
  td_vec_push(&R->out->v, qt);
}

static void td_reported(td_qrun *R) {
  const td_doc *doc = R->doc;
  for (size_t s = 0; s < doc->sentences.n; s++) {
    uint32_t a = doc->sentences.v[s].tok_first, b = doc->sentences.v[s].tok_end;
    td_colon_cue(R, a, b);
    for (uint32_t i = a; i < b; i++) {
      uint32_t nx;
      if (i > a && !R->inq[i] &&
          ((td_wc(R, i - 1) & QW_DET) || (R->t[i - 1].flags & TD_TF_CLITIC)) &&
          td_noun_attr(R, i, a, b, &nx)) {
        i = nx - 1;
        continue;
      }
      if (R->inq[i] || !td_cue_maybe(R, i))
        continue;
      uint32_t ce;
      int32_t c = td_cue_at(R, i, &ce);
      if (c < 0)
        continue;
      uint8_t cls = td_cue_class(R, c);
      /* two cue words in a row: the first is a noun ("a report shows") */
      uint32_t ce2;
      if (ce < b && td_cue_at(R, ce, &ce2) >= 0 && cls != QC_PREP &&
          td_cue_class(R, td_cue_at(R, ce, &ce2)) != QC_PREP)
        continue;
      uint32_t sa, sb;
      if (cls == QC_PREP) {
        if (!td_src_right(R, ce, b, &sa, &sb))
          continue;
        if (i == a || (i == a + 1 && R->t[a].kind == TD_TOK_QUOTE)) {
          uint32_t k = sb;
          while (k < b && !td_tok_is(R, k, ','))
            k++;
          td_emit_indirect(R, c, i, ce, sa, sb, k < b ? k + 1 : sb, b);
        }
        else
          td_emit_indirect(R, c, i, ce, sa, sb, a, i);
        i = sb - 1;
        continue;
      }
      /* "..., said Valiyev." */
      if (cls == QC_SPEECH && i > a + 3 && td_tok_is(R, i - 1, ',') &&
          !(R->q->wc[R->forms[i]] & QW_ING) &&
          !(td_src_left(R, i, a, &sa, &sb) &&
            (sa == a || td_tok_is(R, sa - 1, ','))) &&
          td_src_right(R, ce, b, &sa, &sb) &&
          td_src_apposition(R, &sb, b)) {
        td_emit_indirect(R, c, i, ce, sa, sb, a, i - 1);
        i = sb - 1;
        continue;
      }
      /* "Asked whether he would run, Smith said ...": the question,
       * up to the comma, asked by someone not named */
      if (i == a && cls == QC_SPEECH && ce + 1 < b &&
          R->t[i].end - R->t[i].start > 3 &&
          !strncmp(R->doc->text + R->t[i].end - 2, "ed", 2)) {
        uint32_t k = ce;
        while (k < b && k - ce < 40 &&
               !(td_tok_is(R, k, ',') && R->inq[k] != 1))
          k++;
        if (k < b && td_tok_is(R, k, ',') && k > ce + 1) {
          td_quote qt;
          memset(&qt, 0, sizeof(qt));
          qt.speaker_entity = qt.ref = -1;
          td_set_cue(R, &qt, c, i, ce);
          td_add_part(&qt, td_tspan(R, ce, k));
          td_vec_push(&R->out->v, qt);
          i = k;
          continue;
        }
      }
      if (td_src_left(R, i, a, &sa, &sb) && td_disagrees(R, sa, sb, i))
        continue;
      if (!td_src_left(R, i, a, &sa, &sb)) {
        /* "..., saying that ...": the subject of the sentence */
        /* "... and said ...": the speaker of the cue before */
        uint32_t f = R->forms[i];
        bool and_ = i > a + 1 && (td_word_is(R, i - 1, QF_AND) ||
                                  td_word_is(R, i - 1, QF_BUT));
        if (!and_ &&
            (!(R->q->wc[f] & QW_ING) || i == a || !td_tok_is(R, i - 1, ',')))
          continue;
        const td_quote *last = NULL;
        for (size_t k = 0; k < R->out->v.n; k++) {
          const td_quote *o = &R->out->v.v[k];
          if (o->has_speaker && o->has_cue && o->cue.end <= R->t[i].start &&
              o->cue.start >= R->t[a].start &&
              (!last || o->cue.start > last->cue.start))
            last = o;
        }
        /* "Clinton celebrated in Florida and said ...": the subject of
         * the sentence */
        if (!last && and_) {
          if (!td_subject(R, a, i, &sa, &sb))
            continue;
          goto subject;
        }
        if (last) {
          /* "X said in June, citing ...": the speaker of that cue */
          td_quote qt;
          memset(&qt, 0, sizeof(qt));
          qt = *last;
          qt.direct = false;
          qt.inherited = false;
          qt.nparts = 0;
          td_set_cue(R, &qt, c, i, ce);
          uint32_t xa = td_content_start(R, ce, b, cls);
          uint32_t xb = td_trim_end(R, xa, td_content_end(R, xa, b));
          while (xa < xb && td_tok_is(R, xa, ','))
            xa++;
          if (xa < xb && R->inq[xa] != 1) {
            td_add_part(&qt, td_tspan(R, xa, xb));
            td_vec_push(&R->out->v, qt);
          }
          i = ce - 1;
          continue;
        }
        if (!td_subject(R, a, i, &sa, &sb))
          continue;
      }
    subject:;
      /* "The need ... disappeared, the spokesman said." */
      uint32_t tail = td_trim_end(R, ce, b);
      bool final = sa > a + 2 && td_tok_is(R, sa - 1, ',');
      /* "In a statement, the group said ...": an opening adjunct, not
       * what was said */
      if (final && sa - a <= 7 &&
          (R->tx[a] || (td_wc(R, a) & QW_ADJUNCT) ||
           (sa == a + 2 && td_sentence_adverb(R, a))))
        final = false;
      if (final) {
        /* after the cue: nothing, times, a short object ("told
         * reporters") or an adjunct ("on Friday", "in a statement"), up
         * to the end or a comma; not a clause ("Hours later, Intel said
         * the event was canceled") */
        uint32_t k = ce, words = 0, obj = 0;
        bool adj = false;
        while (k < tail && !td_tok_is(R, k, ',')) {
          if (R->t[k].kind == TD_TOK_QUOTE || td_tok_is(R, k, ':') ||
              (R->forms[k] && R->forms[k] == R->q->f_that) ||
              (!R->tx[k] && ++words > 6)) {
            final = false;
            break;
          }
          if (!R->tx[k] && !adj) {
            if ((td_wc(R, k) & QW_ADJUNCT) || td_word_is(R, k, QF_OF) ||
                td_word_is(R, k, QF_TO)) {
              adj = true;
            } else if (++obj > 3 || (td_wc(R, k) & QW_AUX) ||
                       (obj == 1 && (td_wc(R, k) & QW_PRON))) {
              final = false;
              break;
            }
          }
          k++;
        }
        if (final && k < tail)
          tail = k;
      }
      if (final && cls != QC_STANCE) {
        bool ok = td_emit_indirect(R, c, i, ce, sa, sb, a, sa - 1);
        /* "It was, he said, one of the bitterest failures": the rest of
         * the sentence is content too */
        if (ok && tail == ce && ce + 1 < b && td_tok_is(R, ce, ',') &&
            !td_cue_maybe(R, ce + 1) && !td_ing(R, ce + 1) &&
            R->inq[ce + 1] != 1) {
          uint32_t xb = td_trim_end(R, ce + 1, td_content_end(R, ce + 1, b));
          /* not ", Dushanbe Courier reports": another attribution */
          if (xb > ce + 1 && !td_cue_maybe(R, xb - 1))
            td_add_part(&R->out->v.v[R->out->v.n - 1],
                        td_tspan(R, ce + 1, xb));
          i = xb - 1;
          continue;
        }
        i = tail - 1;
        continue;
      }
      uint32_t xa = td_content_start(R, ce, b, cls);
      if (xa < b && R->t[xa].kind == TD_TOK_QUOTE && R->inq[xa] == 1)
        continue; /* a direct quote follows: done already */
      /* "Trump is expected to win", "She was asked about ...": the
       * passive; by whom is not said (or follows "by"), and what is said
       * is about the subject */
      bool passive = false;
      /* a form of "be" in the verb group before the cue ("is widely
       * expected"), not in a clause about the subject ("X, who is a
       * lawyer, said") */
      for (uint32_t k = i; k > sb && !passive && td_adverb(R, k - 1); k--)
        passive = td_word_in(R, k - 1, QF_IS, QF_AM);
      if (passive && ((td_wc(R, i) & QW_ING) || (td_wc(R, ce - 1) & QW_ING) ||
                      td_word_in(R, i, QF_WORRIED, QF_DETERMINED)))
        passive = false;
      passive |= R->q->cues.v[c].nosource;
      if (passive) {
        uint32_t aa, ab;
        bool agent = td_word_is(R, ce, QF_BY) &&
                     td_src_right(R, ce + 1, b, &aa, &ab);
        uint32_t xe = td_content_end(R, xa, b);
        if (agent) {
          /* "The plan was criticized by the mayor (as ...)": the subject
           * is what the agent spoke of */
          td_quote qt;
          memset(&qt, 0, sizeof(qt));
          qt.speaker_entity = qt.ref = -1;
          td_set_cue(R, &qt, c, i, ce);
          td_set_speaker(R, &qt, aa, ab);
          td_add_part(&qt, td_tspan(R, sa, sb));
          td_vec_push(&R->out->v, qt);
          i = ab - 1;
          continue;
        }
        size_t before = R->out->v.n;
        if (td_emit_indirect(R, c, i, ce, sa, sb, xa, xe) &&
            R->out->v.n > before) {
          td_quote *qt = &R->out->v.v[R->out->v.n - 1];
          qt->has_speaker = false;
          qt->speaker_entity = qt->ref = -1;
          td_span p0 = td_tspan(R, sa, sb), p1 = qt->parts[0];
          qt->parts[0] = p0;
          qt->nparts = 1;
          td_add_part(qt, p1);
          i = ce - 1;
        }
        continue;
      }
      if (td_emit_indirect(R, c, i, ce, sa, sb, xa, td_content_end(R, xa, b)))
        i = ce - 1;
    }
  }
}

/* ---- Writing ------------------------------------------------------------ */

static void td_quotes_write(const td_doc *doc, const void *data, td_jw *w) {
  const td_quotes *Q = data;
  const td_entities *E = td_doc_layer(doc, "entities");
  td_jw_arr(w);
  for (size_t i = 0; i < Q->v.n; i++) {
    const td_quote *q = &Q->v.v[i];
    char id[24];
    td_jw_obj(w);
    snprintf(id, sizeof(id), "a%zu", i + 1);
    td_jw_key(w, "id");
    td_jw_cstr(w, id);
    td_jw_key(w, "direct");
    td_jw_bool(w, q->direct);
    td_jw_key(w, "speaker");
    if (q->has_speaker) {
      td_jw_obj(w);
      td_jw_key(w, "start");
      td_jw_int(w, q->speaker.start);
      td_jw_key(w, "end");
      td_jw_int(w, q->speaker.end);
      td_jw_key(w, "text");
      td_jw_str(w, doc->text + q->speaker.start,
                q->speaker.end - q->speaker.start);
      td_jw_key(w, "entity");
      if (q->speaker_entity >= 0) {
        snprintf(id, sizeof(id), "e%d", q->speaker_entity + 1);
        td_jw_cstr(w, id);
      } else {
        td_jw_null(w);
      }
      td_jw_key(w, "ref");
      const td_entity *r = q->ref >= 0 && E && (size_t)q->ref < E->v.n
                               ? &E->v.v[q->ref]
                               : NULL;
      if (r) {
        snprintf(id, sizeof(id), "e%d", q->ref + 1);
        td_jw_cstr(w, id);
      } else {
        td_jw_null(w);
      }
      td_jw_key(w, "name");
      td_jw_cstr(w, r ? r->name : NULL);
      td_jw_key(w, "code");
      td_jw_cstr(w, r && r->code[0] ? r->code : NULL);
      if (q->inherited) {
        td_jw_key(w, "inherited");
        td_jw_bool(w, true);
      }
      td_jw_obj_end(w);
    } else {
      td_jw_null(w);
    }
    td_jw_key(w, "cue");
    if (q->has_cue) {
      td_jw_obj(w);
      td_jw_key(w, "start");
      td_jw_int(w, q->cue.start);
      td_jw_key(w, "end");
      td_jw_int(w, q->cue.end);
      td_jw_key(w, "text");
      td_jw_str(w, doc->text + q->cue.start, q->cue.end - q->cue.start);
      td_jw_key(w, "class");
      td_jw_cstr(w, td_qc_names[q->cls]);
      td_jw_obj_end(w);
    } else {
      td_jw_null(w);
    }
    td_jw_key(w, "content");
    td_span c = {q->parts[0].start, q->parts[q->nparts - 1].end};
    td_jw_obj(w);
    td_jw_key(w, "start");
    td_jw_int(w, c.start);
    td_jw_key(w, "end");
    td_jw_int(w, c.end);
    td_jw_key(w, "text");
    td_jw_str(w, doc->text + c.start, c.end - c.start);
    if (q->nparts > 1) {
      td_jw_key(w, "parts");
      td_jw_arr(w);
      for (size_t k = 0; k < q->nparts; k++)
        td_jw_span(w, q->parts[k]);
      td_jw_arr_end(w);
    }
    td_jw_obj_end(w);
    td_jw_obj_end(w);
  }
  td_jw_arr_end(w);
}

static void td_quotes_free(void *data) {
  td_quotes *Q = data;
  td_vec_free(&Q->v);
  td_free(Q);
}

static int td_quote_cmp(const void *x, const void *y) {
  const td_quote *a = x, *b = y;
  if (a->parts[0].start != b->parts[0].start)
    return a->parts[0].start < b->parts[0].start ? -1 : 1;
  return 0;
}

/* "Rubio says he opposes gun violence", "He said he believes ...": a
 * reported statement of thought, stance or evidence whose cue stands
 * inside the content of another quote is part of what that one reports,
 * not an attribution of its own. Q is sorted by start; a content that
 * holds a cue starts shortly before it, so a window of neighbours is
 * searched. */
static void td_drop_nested(td_quotes *Q) {
  size_t n = Q->v.n, w = 0;
  uint8_t *drop = td_calloc(n ? n : 1, 1);
  for (size_t i = 0; i < n; i++) {
    td_quote *q = &Q->v.v[i];
    /* "... told them that together they'd “build ladders ...”": a quote
     * without a speaker inside a reported statement is part of it */
    bool orphan = q->direct && !q->has_speaker;
    /* "X says she really thinks Cruz can win if he keeps “doing what
     * he's doing.”": a quoted thought inside a reported statement */
    bool dnest = q->direct && q->has_cue && !q->inherited &&
                 q->cls != QC_SPEECH;
    if (!orphan && !dnest && !q->noun && (q->direct || !q->has_cue ||
                    !(q->cls == QC_THOUGHT || q->cls == QC_STANCE ||
                      q->cls == QC_EVIDENCE)))
      continue;
    uint32_t cs = orphan ? q->parts[0].start : q->cue.start;
    uint32_t c2 = dnest ? q->parts[0].start : cs;
    size_t lo = i > 24 ? i - 24 : 0, hi = i + 8 < n ? i + 8 : n;
    for (size_t k = lo; k < hi && !drop[i]; k++) {
      const td_quote *o = &Q->v.v[k];
      if (k == i || drop[k] || o->direct)
        continue;
      for (size_t p = 0; p < o->nparts; p++) {
        td_span x = o->parts[p];
        if (!(x.start <= cs && cs < x.end && x.start <= c2 && c2 < x.end))
          continue;
        /* "said that “the number is now in the dozens.”": the quote is
         * all that was said, and keeps its speaker and cue */
        if (orphan && o->has_speaker && q->nparts == 1 && o->nparts == 1 &&
            q->parts[0].start - x.start <= 8 && q->parts[0].end <= x.end &&
            x.end - q->parts[0].end <= 3) {
          q->has_speaker = true;
          q->speaker = o->speaker;
          q->speaker_entity = o->speaker_entity;
          q->ref = o->ref;
          q->has_cue = o->has_cue;
          q->cue = o->cue;
          q->cls = o->cls;
          drop[k] = 1;
          orphan = false;
          k = hi;
        } else {
          drop[i] = 1;
        }
        break;
      }
    }
  }
  for (size_t i = 0; i < n; i++)
    if (!drop[i])
      Q->v.v[w++] = Q->v.v[i];
  Q->v.n = w;
  td_free(drop);
}

void td_quotes_run(td_doc *doc, const td_quote_rules *q) {
  if (td_doc_layer(doc, "quotes"))
    return;
  td_quotes *Q = td_calloc(1, sizeof(*Q));
  const td_lx_matches *M = td_doc_layer(doc, "lexicon");
  const td_entities *E = td_doc_layer(doc, "entities");
  uint32_t n = (uint32_t)doc->tokens.n;
  if (!q || !M || !E || !n || !doc->sentences.n) {
    td_doc_add_layer(doc, "quotes", Q, td_quotes_write, td_quotes_free);
    return;
  }
  td_qrun R;
  memset(&R, 0, sizeof(R));
  R.doc = doc;
  R.q = q;
  R.t = doc->tokens.v;
  R.n = n;
  R.forms = M->forms;
  R.E = E;
  R.out = Q;
  /* the per-token arrays in one block: 4-byte ones first */
  char *scratch = td_malloc((size_t)n * (3 * sizeof(int32_t) + 2));
  R.ent_end = (int32_t *)(void *)scratch;
  R.ent_first = R.ent_end + n;
  R.sent = (uint32_t *)(void *)(R.ent_first + n);
  R.inq = (uint8_t *)(R.sent + n);
  R.tx = R.inq + n;
  memset(R.sent, 0, (size_t)n * sizeof(uint32_t));
  memset(R.inq, 0, 2 * (size_t)n);
  const td_timexes *X = td_doc_layer(doc, "timexes");
  for (size_t i = 0, k = 0; X && i < X->v.n; i++) {
    while (k < n && R.t[k].end <= X->v.v[i].span.start)
      k++;
    for (uint32_t m = (uint32_t)k; m < n && R.t[m].start < X->v.v[i].span.end;
         m++)
      R.tx[m] = 1;
  }
  for (uint32_t i = 0; i < n; i++)
    R.ent_end[i] = R.ent_first[i] = -1;
  for (size_t i = 0; i < E->v.n; i++) {
    const td_entity *e = &E->v.v[i];
    if (e->tok_end <= e->tok_first || e->tok_end > n)
      continue;
    int32_t *pe = &R.ent_end[e->tok_end - 1];
    if (*pe < 0 || E->v.v[*pe].tok_first > e->tok_first)
      *pe = (int32_t)i;
    int32_t *pf = &R.ent_first[e->tok_first];
    if (*pf < 0 || E->v.v[*pf].tok_end < e->tok_end)
      *pf = (int32_t)i;
  }
  for (size_t s = 0; s < doc->sentences.n; s++)
    for (uint32_t k = doc->sentences.v[s].tok_first;
         k < doc->sentences.v[s].tok_end && k < n; k++)
      R.sent[k] = (uint32_t)s;
  td_direct_quotes(&R);
  td_reported(&R);
  /* by start, stably (as glibc's qsort, a merge sort, ordered them): an
   * insertion sort, the lists being short and nearly in order */
  for (size_t i = 1; i < Q->v.n; i++) {
    td_quote x = Q->v.v[i];
    size_t k = i;
    for (; k > 0 && td_quote_cmp(&Q->v.v[k - 1], &x) > 0; k--)
      Q->v.v[k] = Q->v.v[k - 1];
    Q->v.v[k] = x;
  }
  td_drop_nested(Q);
  td_free(scratch);
  td_doc_add_layer(doc, "quotes", Q, td_quotes_write, td_quotes_free);
}

size_t td_doc_nquotes(const td_doc *doc) {
  const td_quotes *Q = td_doc_layer(doc, "quotes");
  return Q ? Q->v.n : 0;
}

bool td_doc_quote(const td_doc *doc, size_t i, td_quote_info *out) {
  const td_quotes *Q = td_doc_layer(doc, "quotes");
  if (!Q || i >= Q->v.n)
    return false;
  const td_quote *q = &Q->v.v[i];
  memset(out, 0, sizeof(*out));
  out->has_speaker = q->has_speaker;
  out->has_cue = q->has_cue;
  out->speaker = q->speaker;
  out->speaker_entity = q->speaker_entity;
  out->ref = q->ref;
  out->cue = q->cue;
  out->content.start = q->parts[0].start;
  out->content.end = q->parts[q->nparts - 1].end;
  out->nparts = q->nparts;
  out->parts = q->parts;
  out->direct = q->direct;
  return true;
}
