/*
 * fold.h — the form in which dictionaries and text are compared: lower
 * case, without marks (utf8proc), with the letters of data/letters.txt
 * replaced, and without the final period of an abbreviation.
 */
#ifndef TD_FOLD_H
#define TD_FOLD_H

#include "../core/core.h"

typedef struct td_letters {
  td_intmap *map;     /* code point -> index into `to` + 1 */
  TD_VEC(char *) to;  /* replacements                       */
} td_letters;

bool td_letters_load(td_letters *L, const char *data_dir, td_diag *err);
void td_letters_free(td_letters *L);

/* The longest folded form kept; longer words are not dictionary words. */
#define TD_FORM_MAX 96

/* Folds the word s[0..n) into out (TD_FORM_MAX bytes, NUL-terminated);
 * returns its length, 0 when it does not fit or is not valid UTF-8. */
size_t td_fold_word(const td_letters *L, const char *s, size_t n, char *out);

#endif
