/*
 * lexicon.h — the phrase matcher every dictionary shares: phrases of
 * folded words (fold.h) in one trie, found in a document in one pass over
 * its tokens. Each phrase carries entries (a kind and a value the
 * dictionary that added it understands). The `lexicon` layer of a
 * document lists every phrase found, with its entries.
 */
#ifndef TD_LEXICON_H
#define TD_LEXICON_H

#include "../doc/doc.h"
#include "../text/text.h"
#include "fold.h"
#include "wordnet.h"

/* What an entry is: which dictionary added it, and what its value indexes. */
enum {
  TD_LX_COUNTRY = 1, /* a country's name: value = country index        */
  TD_LX_ADJECTIVE,   /* a country's adjective or people: country index */
  TD_LX_ACTOR,       /* actors.txt: index into td_actors.actors        */
  TD_LX_AGENT,       /* agents.txt: td_actors.agents                   */
  TD_LX_ROLE,        /* roles.txt roles: td_actors.roles               */
  TD_LX_HONORIFIC,   /* roles.txt honorifics: 0                        */
  TD_LX_PRONOUN,     /* roles.txt pronouns: 0                          */
  TD_LX_PLACE,       /* a place: td_gazetteer.places                   */
  TD_LX_XACTOR,      /* a TABARI/PETRARCH actor: td_actors.xactors     */
  TD_LX_XAGENT,      /* a TABARI/PETRARCH agent: td_actors.agents      */
  TD_LX_DISCARD,     /* a PETRARCH discard: 1 story-level, 0 sentence  */
  TD_LX_NKINDS
};

/* How a phrase's words compare with the text's. */
enum {
  TD_PH_INFLECT = 1, /* the last word matches its plurals                */
  TD_PH_ICASE = 2,   /* every word in any case                           */
  TD_PH_PROPER = 4   /* written in capitals (TABARI): words other than
                        function words need a capital in the text, and a
                        one-word phrase of three letters or fewer needs
                        capitals (US, UN)                                */
};

typedef struct td_lx_entry {
  uint16_t kind;
  uint32_t value;
  uint32_t next; /* index + 1 of the next entry of the same phrase, or 0 */
} td_lx_entry;

typedef struct td_lexicon td_lexicon;

td_lexicon *td_lexicon_new(const td_letters *letters,
                           const td_text_rules *rules);
void td_lexicon_free(td_lexicon *lx);

/* Words that stay in lower case inside proper names (of, al, de): they
 * match in any case in TD_PH_PROPER phrases. Call before adding phrases. */
void td_lexicon_set_particles(td_lexicon *lx, const char *const *words,
                              size_t n);

/* Adds a phrase (words separated by spaces; tokenised as text is). Returns
 * false, with *why set, when the phrase has no word. The phrase is in the
 * trie after td_lexicon_build. */
bool td_lexicon_add(td_lexicon *lx, const char *phrase, size_t n,
                    unsigned flags, int kind, uint32_t value,
                    const char **why);
/* Inserts the phrases added so far and the inflected forms of their words
 * (regular plurals and wordnet's irregular ones); may be called again after
 * more td_lexicon_add calls. */
void td_lexicon_build(td_lexicon *lx, const td_wordnet *wn);
size_t td_lexicon_nphrases(const td_lexicon *lx);
/* The form id of a word (folded), made if new; so that a stage can tell
 * words apart by number (the `forms` of the lexicon layer). Call before
 * documents are processed. */
uint32_t td_lexicon_intern(td_lexicon *lx, const char *word);
size_t td_lexicon_nforms(const td_lexicon *lx);

/* A phrase found in a document: tokens [first, end), its entries. */
typedef struct td_lx_match {
  uint32_t first, end;
  uint32_t entry;    /* index + 1 of the first entry                 */
  uint32_t inflected; /* words matched by an inflected form (men: man) */
} td_lx_match;

typedef struct td_lx_matches {
  TD_VEC(td_lx_match) v; /* by first token, longest first, then the one
                            with fewer inflected words */
  uint32_t *forms;       /* per token: its word form id, 0 if unknown */
} td_lx_matches;

/* Finds every phrase in the document (its text model must be built) and
 * adds the `lexicon` layer (internal: not written to JSON). */
const td_lx_matches *td_lexicon_run(td_doc *doc, const td_lexicon *lx);
const td_lx_entry *td_lexicon_entry(const td_lexicon *lx, uint32_t index1);

/* The longest match starting at token i that has an entry of a kind in
 * `kinds` (a bit mask of 1 << TD_LX_*), searching from match index *at
 * (advanced past matches starting before i); NULL if none. */
const td_lx_match *td_lx_longest_at(const td_lexicon *lx,
                                    const td_lx_matches *m, size_t at,
                                    uint32_t i, uint32_t kinds);
/* (Inline: most tokens start no match, and a stage asks at every token.) */
static inline const td_lx_match *td_lx_longest(const td_lexicon *lx,
                                               const td_lx_matches *m,
                                               size_t *at, uint32_t i,
                                               uint32_t kinds) {
  while (*at < m->v.n && m->v.v[*at].first < i)
    (*at)++;
  if (*at >= m->v.n || m->v.v[*at].first != i)
    return NULL;
  return td_lx_longest_at(lx, m, *at, i, kinds);
}
/* The first entry of match `m` of a kind in `kinds`, or NULL. */
const td_lx_entry *td_lx_first(const td_lexicon *lx, const td_lx_match *m,
                               uint32_t kinds);

#endif
