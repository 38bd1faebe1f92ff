/*
 * inflect.c — regular English inflections (see inflect.h).
 */
#include "inflect.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static bool td_consonant(char c) { return c && !strchr("aeiou", c); }

void td_verb_forms(const char *v, char out[4][64]) {
  size_t n = strlen(v);
  char last = n ? v[n - 1] : 0, prev = n > 1 ? v[n - 2] : 0;
  snprintf(out[0], 64, "%s", v);
  if (strchr("sxz", last) || (last == 'h' && (prev == 'c' || prev == 's')))
    snprintf(out[1], 64, "%ses", v);
  else if (last == 'y' && td_consonant(prev))
    snprintf(out[1], 64, "%.*sies", (int)(n - 1), v);
  else
    snprintf(out[1], 64, "%ss", v);
  if (last == 'e')
    snprintf(out[2], 64, "%sd", v);
  else if (last == 'y' && td_consonant(prev))
    snprintf(out[2], 64, "%.*sied", (int)(n - 1), v);
  else
    snprintf(out[2], 64, "%sed", v);
  if (last == 'e' && prev == 'i')
    snprintf(out[3], 64, "%.*sying", (int)(n - 2), v);
  else if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o' && n > 2)
    snprintf(out[3], 64, "%.*sing", (int)(n - 1), v);
  else
    snprintf(out[3], 64, "%sing", v);
}

void td_noun_plural(const char *w, char out[64]) {
  size_t n = strlen(w);
  char last = n ? w[n - 1] : 0, prev = n > 1 ? w[n - 2] : 0;
  if (strchr("sxz", last) || (last == 'h' && (prev == 'c' || prev == 's')))
    snprintf(out, 64, "%ses", w);
  else if (last == 'y' && td_consonant(prev))
    snprintf(out, 64, "%.*sies", (int)(n - 1), w);
  else
    snprintf(out, 64, "%ss", w);
}
