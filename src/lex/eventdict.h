/*
 * eventdict.h — the event dictionary: the CAMEO code table (data/cameo.txt),
 * and the predicates (verbs and nouns that report events), their blocks,
 * patterns and synonym sets, from our data/events.txt and from users'
 * TABARI/PETRARCH verb files. Both formats are loaded through the same
 * builder functions (td_ed_*), so the matcher (extract/events.c) sees one
 * model. Words are lexicon form ids; every inflection of a dictionary word
 * maps to its lemma (the form id of its base form).
 */
#ifndef TD_EVENTDICT_H
#define TD_EVENTDICT_H

#include "actordict.h"
#include "lexicon.h"
#include "wordnet.h"

/* ---- CAMEO codes -------------------------------------------------------- */

typedef struct td_cameo_code {
  char code[6];      /* "0874"                                      */
  uint8_t quad;      /* 1 verbal coop ... 4 material conflict      */
  float goldstein;
  const char *plover; /* PLOVER type, or NULL                      */
  const char *mode;   /* its mode, or NULL                         */
  const char *name;
} td_cameo_code;

typedef struct td_cameo {
  td_arena arena;
  TD_VEC(td_cameo_code) v;
  td_strmap *index; /* code -> index */
} td_cameo;

/* Loads data/cameo.txt (dir first, then the built-in copy). */
bool td_cameo_load(td_cameo *c, const char *dir, td_diag *err);
void td_cameo_free(td_cameo *c);
/* The entry of `code` (2 to 4 digits), or NULL. */
const td_cameo_code *td_cameo_find(const td_cameo *c, const char *code,
                                   size_t n);

/* ---- The dictionary model ------------------------------------------------ */

/* A code: CAMEO digits, "" for none ("---"), and the code of the reverse
 * event (target to source) or "". */
typedef struct td_ecode {
  char code[6], code2[6];
} td_ecode;

/* Pattern elements. */
enum {
  TD_PE_PRED = 1, /* '*': the predicate                         */
  TD_PE_SOURCE,   /* '$': the source actor                       */
  TD_PE_TARGET,   /* '+': the target actor                       */
  TD_PE_BOTH,     /* '%': a compound actor, source and target    */
  TD_PE_WORD,     /* a word: value = its lemma (form id)          */
  TD_PE_SET,      /* a synonym set: value = set index             */
  TD_PE_ANY       /* '^': any one word                            */
};
enum {
  TD_PE_ADJ = 1,  /* must stand directly after the previous element ('_') */
  TD_PE_EXACT = 2 /* a word matched only as written, not its inflections */
};

typedef struct td_pelem {
  uint8_t kind, flags;
  uint32_t value;
} td_pelem;

typedef struct td_epattern {
  uint32_t block;
  uint32_t elem, nelem; /* into td_eventdict.elems                     */
  uint32_t pred;        /* position of the '*' element in the pattern  */
  td_ecode code;
  uint32_t line;
  uint32_t file;        /* index into td_eventdict.files               */
  uint8_t gap;          /* words that may stand between two elements   */
  const char *where;    /* "FILE:LINE", for the events it codes         */
  uint64_t sig[4];      /* its words, hashed into 256 bits (finish): a
                           sentence without all of them is skipped     */
} td_epattern;

/* The bit of word id w in a 256-bit signature. */
static inline void td_sig_add(uint64_t sig[4], uint32_t w) {
  uint32_t h = (w * 2654435761u) >> 24;
  sig[h >> 6] |= 1ull << (h & 63);
}

typedef struct td_eblock {
  const char *name;
  td_ecode code; /* default of its predicates */
  TD_VEC(uint32_t) pats; /* its patterns, most specific first (after finish) */
  TD_VEC(uint32_t) free; /* positions in pats of the patterns with no word
                            and no set (a big block's index, below)      */
  bool indexed;          /* more than TD_ED_INDEX_MIN patterns: found
                            through td_eventdict.pindex                  */
} td_eblock;

enum { TD_EP_VERB = 1, TD_EP_NOUN = 2 };
#define TD_EP_REST 4
#define TD_ED_INDEX_MIN 48

typedef struct td_epred {
  uint32_t block;
  uint8_t pos;        /* TD_EP_VERB, TD_EP_NOUN                      */
  uint8_t nrest;
  bool has_code;      /* its own default code, else the block's      */
  uint32_t lemma;     /* the head word's lemma (form id)             */
  uint32_t rest[TD_EP_REST]; /* form ids of the words that follow it directly */
  td_ecode code;
  uint32_t line, file;
} td_epred;

/* A link of the per-form list of predicates whose head has that form. */
typedef struct td_epnode {
  uint32_t pred;
  int32_t next; /* next node, -1 */
} td_epnode;

/* What a form is, per form id (td_eventdict.fkind). */
enum {
  TD_FK_BASE = 1 << 0,  /* the base form of a verb            */
  TD_FK_S = 1 << 1,     /* third person singular              */
  TD_FK_PAST = 1 << 2,  /* past tense or past participle      */
  TD_FK_ING = 1 << 3,   /* -ing form                          */
  TD_FK_NOUN = 1 << 4,  /* a noun predicate's form            */
  TD_FK_PLURAL = 1 << 5 /* its plural                         */
};

typedef struct td_eventdict {
  td_lexicon *lx;
  const td_wordnet *wn;
  const td_cameo *cameo;
  td_arena arena;
  TD_VEC(td_eblock) blocks;
  TD_VEC(td_epred) preds;
  TD_VEC(td_epattern) pats;
  TD_VEC(td_pelem) elems;
  /* Synonym sets. Phrase j's words (lemmas) are words[phrase_first[j] ..
   * phrase_first[j + 1]) and it belongs to set phrase_set[j]; finish lists
   * set i's phrases in set_phr[set_first[i] .. set_first[i + 1]) (the
   * phrases of the sets it includes too). */
  TD_VEC(const char *) set_names;
  TD_VEC(uint32_t) words, phrase_first, phrase_set;
  TD_VEC(uint32_t) includes; /* pairs: outer set, inner set */
  uint32_t *set_first, *set_phr;
  td_strmap *sets; /* name (without '&') -> index */
  /* Light verbs: lemma, and the words after it (0-terminated groups). */
  TD_VEC(uint32_t) light;
  TD_VEC(const char *) files; /* the file each pattern came from */
  uint8_t gap; /* the gap of the patterns added next: 3 (events.txt);
                  td_tabari_load_verbs uses 8 while it loads, as TABARI
                  matches words anywhere later in the clause */
  td_strmap *seen;            /* predicate words already given   */
  /* WordNet's exceptions by base: first index + 1, then the next ones */
  td_strmap *vexc, *nexc;
  uint32_t *vexc_next, *nexc_next;
  /* Per form id, built by td_eventdict_finish: */
  size_t nforms;
  uint32_t *lemma;  /* its lemma, or 0                        */
  uint32_t *lemma2; /* a second lemma ("troops": troops itself and
                       troop), or 0                           */
  int32_t *pred;    /* first node (td_epnode) of the predicates
                       whose head has this form, -1           */
  TD_VEC(td_epnode) nodes;
  uint8_t *fkind;   /* TD_FK_*                                */
  uint8_t *islight; /* a light verb's head form               */
  /* The index of big blocks' patterns by their first word (or, with no
   * word, their first set: key bit 31): key (block << 32 | word) -> index
   * + 1 into pkeys/ppos, where the positions (in the block's pats) of the
   * patterns with that key follow one another. */
  td_intmap *pindex;
  TD_VEC(uint64_t) pkeys;
  TD_VEC(uint32_t) ppos;
  /* The sets whose phrases start with a word: sw_at[word + 1] (for word
   * + 1 < sw_atn) is the index + 1 into sw_word/sw_set (pairs sorted by
   * word) of the word's first pair, or 0. An array, not a hash table:
   * each word of each sentence asks. */
  uint32_t *sw_at;
  size_t sw_atn;
  TD_VEC(uint32_t) sw_word, sw_set;
  /* pending (form, lemma, kind) triples until finish */
  TD_VEC(uint32_t) pend_form, pend_lemma;
  TD_VEC(uint8_t) pend_kind;
  TD_VEC(uint32_t) pend_pred_form;
  TD_VEC(int32_t) pend_pred;
} td_eventdict;

td_eventdict *td_eventdict_new(td_lexicon *lx, const td_wordnet *wn,
                               const td_cameo *cameo);
void td_eventdict_free(td_eventdict *d);

/* Loads data/events.txt (dir first, then the built-in copy). A bad line is
 * an error (false, err): it is our own file. */
bool td_eventdict_load_own(td_eventdict *d, const char *dir, td_diag *err);
/* Checks a user's copy of events.txt: every problem to rep, counted. */
long td_eventdict_check(td_eventdict *d, const char *path, td_report_fn fn,
                        void *ud, td_diag *err);

/* Loads a TABARI/PETRARCH verb dictionary (PETRARCH 1 and 2 syntax):
 * synonym sets, verb blocks, irregular forms, patterns, codes. A bad line is
 * reported to rep and skipped; false (err) only when the file cannot be
 * read. (lex/tabari_verbs.c) */
bool td_tabari_load_verbs(td_eventdict *d, const char *path,
                          td_dict_report *rep, td_diag *err);

/* Builds the per-form tables and orders each block's patterns, most
 * specific first. Call after every load and after all other users of the
 * lexicon have interned their words; may be called again after more
 * loads. */
void td_eventdict_finish(td_eventdict *d);

/* ---- Builder functions, for the loaders ---------------------------------- */

/* Parses a code: "0874", "---", "042:043", ":173" (reverse only); a code
 * is 1 to 5 letters or digits (TABARI files hold WEIS codes too). false,
 * *why set, when it is not a code. */
bool td_ed_code(const char *s, size_t n, td_ecode *out, const char **why);
/* true when every code of c is in the CAMEO table (else *why names it). */
bool td_ed_code_known(const td_eventdict *d, const td_ecode *c,
                      const char **why);
/* Starts a block; returns its index. */
uint32_t td_ed_block(td_eventdict *d, const char *name, size_t n,
                     const td_ecode *code);
/* Adds a predicate to block b: words[0] is the head in its base form (ASCII
 * lower case), words[1..] follow it directly. Its regular forms are made
 * (verb forms or the plural), irregular ones from WordNet, and `extra`
 * forms (TABARI's {WENT GONE}) added. false, *why set, if a word is
 * unusable or the predicate is already given. */
bool td_ed_pred(td_eventdict *d, uint32_t b, int pos, const char *const *words,
                size_t nwords, const char *const *extra, size_t nextra,
                const td_ecode *code, uint32_t file, uint32_t line,
                const char **why);
/* The lemma id of a pattern word (lower case); its inflections are made
 * unless exact. 0 if the word makes no form. */
uint32_t td_ed_word(td_eventdict *d, const char *word, bool exact);
/* The index of set `name` (without '&'), made if new. */
uint32_t td_ed_set(td_eventdict *d, const char *name, size_t n);
/* Adds a phrase (lemmas) to set s. */
void td_ed_set_add(td_eventdict *d, uint32_t s, const uint32_t *lemmas,
                   size_t n);
/* Makes every phrase of set `inner` a phrase of set `outer` (TABARI's
 * synsets inside synsets); resolved by td_eventdict_finish. */
void td_ed_set_include(td_eventdict *d, uint32_t outer, uint32_t inner);
/* Adds a pattern to block b: elems has exactly one TD_PE_PRED. false, *why
 * set, if not. */
bool td_ed_pattern(td_eventdict *d, uint32_t b, const td_pelem *elems,
                   size_t n, const td_ecode *code, uint32_t file,
                   uint32_t line, const char **why);
/* Adds a light verb (base forms; the words after the head follow it). */
void td_ed_light(td_eventdict *d, const char *const *words, size_t n);
/* Registers a file name for td_epattern.file; returns its index. */
uint32_t td_ed_file(td_eventdict *d, const char *name);

/* ---- Discards (PETRARCH) ------------------------------------------------ */

/* Loads a PETRARCH discard file: each phrase is added to the lexicon as a
 * TD_LX_DISCARD entry, value 1 for a story-level discard ('+' prefix), 0
 * for a sentence-level one. Call before td_lexicon_build. Bad lines are
 * reported to rep and skipped. (lex/tabari_verbs.c) */
bool td_tabari_load_discards(td_lexicon *lx, const char *path,
                             td_dict_report *rep, td_diag *err);

#endif
