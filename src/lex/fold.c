/*
 * fold.c — folding words for comparison: ASCII by table, other letters by
 * utf8proc's case folding and decomposition with marks stripped, then the
 * replacements of data/letters.txt.
 */
#include "fold.h"

#include "../core/data.h"

#include <utf8proc.h>

static bool td_letter_record(void *ud, const td_record *rec, td_diag *err) {
  td_letters *L = ud;
  if (rec->n != 3 || !td_field_eq(rec->f[0], "fold"))
    return td_record_error(rec, err,
                           "expected fold<TAB>LETTER<TAB>REPLACEMENT");
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)rec->f[1].s,
                                        (utf8proc_ssize_t)rec->f[1].n, &cp);
  if (k <= 0 || (size_t)k != rec->f[1].n)
    return td_record_error(rec, err, "LETTER must be one character");
  if (rec->f[2].n == 0 || rec->f[2].n > 8)
    return td_record_error(rec, err, "REPLACEMENT must be 1 to 8 bytes");
  for (size_t i = 0; i < rec->f[2].n; i++)
    if ((unsigned char)rec->f[2].s[i] >= 0x80 ||
        (rec->f[2].s[i] >= 'A' && rec->f[2].s[i] <= 'Z'))
      return td_record_error(rec, err, "REPLACEMENT must be lower-case ASCII");
  td_vec_push(&L->to, td_field_dup(rec->f[2]));
  td_intmap_put(L->map, (uint64_t)cp + 1, (uint32_t)L->to.n);
  return true;
}

bool td_letters_load(td_letters *L, const char *data_dir, td_diag *err) {
  memset(L, 0, sizeof(*L));
  L->map = td_intmap_new();
  return td_data_each(data_dir, "letters.txt", td_letter_record, L, err);
}

void td_letters_free(td_letters *L) {
  for (size_t i = 0; i < L->to.n; i++)
    td_free(L->to.v[i]);
  td_vec_free(&L->to);
  td_intmap_free(L->map);
  memset(L, 0, sizeof(*L));
}

/* Appends the folded code point cp to out at *k; false if it is full. */
static bool td_fold_cp(const td_letters *L, utf8proc_int32_t cp, char *out,
                       size_t *k) {
  uint32_t idx;
  if (td_intmap_get(L->map, (uint64_t)cp + 1, &idx)) {
    const char *r = L->to.v[idx - 1];
    size_t rn = strlen(r);
    if (*k + rn >= TD_FORM_MAX)
      return false;
    memcpy(out + *k, r, rn);
    *k += rn;
    return true;
  }
  utf8proc_int32_t dec[8];
  int last;
  utf8proc_ssize_t nd = utf8proc_decompose_char(
      cp, dec, 8,
      UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD |
          UTF8PROC_COMPAT,
      &last);
  if (nd < 0 || nd > 8)
    return false;
  for (utf8proc_ssize_t j = 0; j < nd; j++) {
    /* A letter the case folding produced may itself be in letters.txt
     * (İ folds to i + a dot, which is stripped; I-dotless stays). */
    if (td_intmap_get(L->map, (uint64_t)dec[j] + 1, &idx)) {
      const char *r = L->to.v[idx - 1];
      size_t rn = strlen(r);
      if (*k + rn >= TD_FORM_MAX)
        return false;
      memcpy(out + *k, r, rn);
      *k += rn;
      continue;
    }
    if (*k + 4 >= TD_FORM_MAX)
      return false;
    *k += (size_t)utf8proc_encode_char(dec[j], (utf8proc_uint8_t *)out + *k);
  }
  return true;
}

size_t td_fold_word(const td_letters *L, const char *s, size_t n, char *out) {
  size_t k = 0;
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      if (k + 1 >= TD_FORM_MAX)
        return 0;
      out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      i++;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                            (utf8proc_ssize_t)(n - i), &cp);
    if (len <= 0 || !td_fold_cp(L, cp, out, &k))
      return 0;
    i += (size_t)len;
  }
  /* The period of an abbreviation is not part of the word (U.S. = U.S). */
  if (k > 1 && out[k - 1] == '.')
    k--;
  out[k] = 0;
  return k;
}
