/*
 * timex_grammar.h — the loaded temporal words and grammar (internal to the
 * time stage: timex_grammar.c, timex_value.c, timex.c).
 */
#ifndef TD_TIMEX_GRAMMAR_H
#define TD_TIMEX_GRAMMAR_H

#include "timex.h"

#include "../core/wkey.h"

#include <strings.h>

/* A word's meaning in one class (timex-words.txt). */
typedef struct td_lexent {
  uint16_t cls;
  uint8_t cased; /* matches only words that start upper case */
  double num;    /* NAN if the value is not a number          */
  char sval[16];
} td_lexent;

typedef struct td_wordlex {
  uint32_t first, n;
} td_wordlex;

/* Pattern elements. */
enum {
  TD_PE_WORDS = 1, TD_PE_CLASS, TD_PE_GROUP,
  TD_PE_NUM, TD_PE_YEAR, TD_PE_DAY, TD_PE_DECADE, TD_PE_CLOCK,
  TD_PE_NKINDS
};

typedef struct td_pel {
  uint8_t kind, opt;
  uint8_t number;     /* <UNIT:sg> 1, <UNIT:pl> 2: singular or plural */
  uint16_t cls;       /* TD_PE_CLASS                          */
  uint32_t wfirst;    /* TD_PE_WORDS: alternatives in alts    */
  uint16_t wn;
  uint32_t group_end; /* TD_PE_GROUP: index after its elements */
} td_pel;

/* What a token must be to start some elements: a word, a class of the
 * lexicon or a built-in kind. */
typedef struct td_key {
  uint8_t type; /* 1 word, 2 class, 3 built-in kind */
  uint32_t v;
} td_key;

#define TD_MAX_NEXT 12
/* Rules that can start at one token, at most (checked when loading). */
#define TD_MAX_CAND 1024

typedef struct td_rule {
  uint8_t type;
  td_action act;
  uint32_t pfirst, pn;
  int guard; /* -1: none */
  uint16_t line;
  /* For a rule that starts with words (the, last, a ...): what the token
   * after them must be; nnext 0 when anything may follow. */
  td_key next[TD_MAX_NEXT];
  uint8_t nnext;
  uint64_t next_sig; /* td_key_sig of each next key, or'ed: a quick no */
  /* For a rule whose first element is not a group and whose rest cannot
   * match nothing (rest_filter 1): the td_key_sig bits of every key that
   * can start the rest. The token after the first element's match (or,
   * when it is optional, the first token) must share one, or the rule
   * fails. */
  uint64_t rest_sig;
  uint8_t rest_filter;
  /* The same for the rule without its optional first element, when the
   * second is one element (not optional) and more must follow it. */
  uint64_t rest2_sig;
  uint8_t rest2_filter;
  /* Elements every match has (not optional, not in a group) after the
   * first: the td_key_sig bits of what can start each. Some token from
   * the start to the end of the segment must have one of each (td_ttok
   * suf), or the rule fails. */
  uint64_t need[4];
  uint8_t nneed;
} td_rule;

typedef TD_VEC(uint32_t) td_u32vec;

/* A rule in a list of candidates (by_word, by_class, by_kind), with what
 * rules it out cheaply at a token: gate shares no bit with the signature
 * of the next token (td_key_sig), or the flags' checks fail. */
enum {
  TD_CF_FITS = 1,    /* takes the word: some next key must fit         */
  TD_CF_NEXT_OK = 2, /* starts with optional words: td_next_ok        */
  TD_CF_NUMBER = 8,  /* a class with singular or plural: check it      */
  TD_CF_OPTREST = 16 /* optional first element: rest_sig here or after */
};
typedef struct td_cand {
  uint64_t gate;
  uint32_t rule;
  uint32_t flags;
} td_cand;
/* Candidates in blocks of TD_CBLOCK, each with its gates or'ed (bgate):
 * a block none of whose gates opens is passed over whole ("the" starts
 * some sixty rules, and a word after it opens the gates of few). */
#define TD_CBLOCK 8
typedef struct td_candvec {
  td_cand *v;
  size_t n, cap;
  uint64_t *bgate;
} td_candvec;

typedef struct td_guard {
  char name[32];
  td_u32vec before, after;
} td_guard;

typedef struct td_mod {
  bool before;
  uint32_t words[6];
  uint32_t n;
  char mod[16];
} td_mod;

/* An entry of the word table: a folded word, its hash and its id. */
typedef struct td_wslot {
  uint32_t hash, id; /* id 0: empty */
  uint32_t off;      /* the folded word in wchars */
  uint32_t len;
} td_wslot;

/* An entry of the table of short words: key zero is an empty slot. */
typedef struct td_wfast {
  td_fkey key;
  uint32_t id;
} td_wfast;

struct td_timex_grammar {
  td_strmap *words; /* folded word -> id (1-based) */
  /* The same words in an open-addressing table hashed while folding, so
   * a token costs one pass over its bytes and (mostly) one probe. */
  td_wslot *wslots;
  size_t wmask; /* slots - 1 */
  /* The words of up to 16 bytes once more, by their key (wkey.h): an
   * ASCII token is folded and found without a pass over its bytes. */
  td_wfast *wfast;
  size_t fmask; /* slots - 1 */
  TD_VEC(char) wchars;
  TD_VEC(td_lexent) lex;
  td_wordlex *word_lex; /* by word id */
  size_t nwords;
  uint64_t *word_sig; /* td_key_sig of each word, by word id */
  TD_VEC(td_pel) pels;
  TD_VEC(uint32_t) alts;
  TD_VEC(td_rule) rules;
  TD_VEC(td_guard) guards;
  TD_VEC(td_mod) mods;
  /* bit (word % 64) of the last word of each mod before, the first of
   * each mod after: most expressions have no mod word next to them */
  uint64_t mod_last_before, mod_first_after;
  td_u32vec veto_before, veto_after;
  /* rules by what can start them */
  td_u32vec *by_word;
  size_t by_word_n;
  td_u32vec by_class[TD_CL_NLEX];
  td_u32vec by_kind[TD_PE_NKINDS];
  /* the same lists with their gates */
  td_candvec *cand_word; /* by_word_n of them */
  td_candvec cand_class[TD_CL_NLEX];
  td_candvec cand_kind[TD_PE_NKINDS];
  /* words the code needs */
  uint32_t w_hyphen, w_apos, w_end, w_and, w_a, w_an, w_of, w_in, w_oclock;
  uint32_t w_clause[11]; /* words that end a clause, for the tense */
  uint64_t clause_bits;  /* bit (word % 64) of each: most words are none */
  uint32_t w_nonpast[22]; /* before a past form, it is not the past  */
  uint32_t w_been, w_had, w_since, w_ahead, w_apos_s, w_to, w_ended, w_ending;
  uint32_t w_aux[4];   /* was were had did: a future word after them is one */
  uint32_t w_modal[4]; /* will would shall 'll: a future word after a past */
  uint32_t w_det[12]; /* the, a, its ...: a future word after them is a noun */
};

typedef struct td_ttoks {
  td_ttok *v;
  size_t n, cap;
} td_ttoks;

uint32_t td_tg_intern(td_timex_grammar *g, const char *s, size_t n);
uint32_t td_tg_word(const td_timex_grammar *g, const char *s, size_t n);
/* keys: td_doc_token_keys */
void td_timex_tokens(const td_timex_grammar *g, const td_doc *doc,
                     const td_tkey *keys, td_ttoks *out);
/* Can any rule start at token t? Most tokens start nothing: no rule word,
 * no lexicon entry, no number (numbers in words have lexicon entries). */
static inline bool td_timex_may_start(const td_timex_grammar *g,
                                      const td_ttok *t) {
  return t->lex_n || t->digits || t->ord || t->decade || t->clock ||
         t->frac || (t->word && t->word < g->by_word_n &&
                     g->by_word[t->word].n);
}
/* The longest match of any rule starting at token pos. */
bool td_timex_match_at(const td_timex_grammar *g, const td_ttoks *toks,
                       uint32_t pos, td_match_result *best);
const char *td_timex_mod(const td_timex_grammar *g, const td_ttoks *toks,
                         uint32_t *first, uint32_t *end);
const td_rule *td_timex_rule(const td_timex_grammar *g, int i);

#endif
