/*
 * wordnet.h — the irregular inflections of English from the WordNet
 * exception lists of the Debian wordnet-base package (noun.exc: men → man,
 * crises → crisis; verb.exc: fought → fight).
 */
#ifndef TD_WORDNET_H
#define TD_WORDNET_H

#include "../core/core.h"

typedef struct td_exc {
  const char *form, *base;
} td_exc;

typedef TD_VEC(td_exc) td_exc_list;

typedef struct td_wordnet {
  td_arena arena;
  td_exc_list noun, verb;
} td_wordnet;

/* Where the WordNet files are: $TIDINGS_WORDNET or the Debian path. */
const char *td_wordnet_dir(void);
bool td_wordnet_load(td_wordnet *wn, td_diag *err);
void td_wordnet_free(td_wordnet *wn);

#endif
