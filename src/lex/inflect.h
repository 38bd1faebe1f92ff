/*
 * inflect.h — the regular inflections of English words, for dictionaries
 * that list base forms (cue verbs, event verbs and nouns). Irregular forms
 * come from WordNet's exception lists (wordnet.h).
 */
#ifndef TD_INFLECT_H
#define TD_INFLECT_H

#include <stddef.h>

/* The regular forms of verb `v` (ASCII, lower case): out[0] the base,
 * out[1] third person (-s, -es, -ies), out[2] past and past participle
 * (-ed, -d, -ied), out[3] the -ing form. */
void td_verb_forms(const char *v, char out[4][64]);

/* The regular plural of noun `n` (ASCII, lower case) into out. */
void td_noun_plural(const char *n, char out[64]);

#endif
