/*
 * utf8.c — UTF-8 validation and decoding (utf8proc does the checking of
 * multi-byte sequences: overlong forms, surrogates, code points beyond
 * U+10FFFF), and the writing systems of code points.
 */
#include "text.h"

#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

int td_utf8_decode(const char *s, size_t n, int32_t *cp) {
  utf8proc_int32_t c;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                        (utf8proc_ssize_t)TD_MIN(n, 4), &c);
  if (k <= 0) {
    *cp = 0xFFFD;
    return -1;
  }
  *cp = c;
  return (int)k;
}

int td_utf8_check(const char *s, size_t n, size_t *bad) {
  size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    /* Sixteen ASCII bytes at a time: no high bit, no zero byte. */
    const __m128i nul = _mm_setzero_si128();
    while (i + 16 <= n) {
      __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
      if (_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, nul))))
        break;
      i += 16;
    }
#endif
    /* Eight ASCII bytes at a time. */
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      /* High bit set, or a zero byte. */
      uint64_t zero = (w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL;
      if ((w & 0x8080808080808080ULL) || zero)
        break;
      i += 8;
    }
    if (i >= n)
      break;
    unsigned char c = (unsigned char)s[i];
    if (c == 0) {
      *bad = i;
      return 2;
    }
    if (c < 0x80) {
      i++;
      continue;
    }
    int32_t cp;
    int k = td_utf8_decode(s + i, n - i, &cp);
    if (k < 0) {
      *bad = i;
      return 1;
    }
    i += (size_t)k;
  }
  return 0;
}

/* Code point ranges of the scripts we name; the rest is "other". */
static const struct {
  int32_t lo, hi;
  uint8_t script;
} td_script_ranges[] = {
    {0x0041, 0x024F, TD_SCRIPT_LATIN},     {0x0370, 0x03FF, TD_SCRIPT_GREEK},
    {0x0400, 0x052F, TD_SCRIPT_CYRILLIC},  {0x0530, 0x058F, TD_SCRIPT_ARMENIAN},
    {0x0590, 0x05FF, TD_SCRIPT_HEBREW},    {0x0600, 0x06FF, TD_SCRIPT_ARABIC},
    {0x0750, 0x077F, TD_SCRIPT_ARABIC},    {0x08A0, 0x08FF, TD_SCRIPT_ARABIC},
    {0x0900, 0x097F, TD_SCRIPT_DEVANAGARI}, {0x0980, 0x09FF, TD_SCRIPT_BENGALI},
    {0x0E00, 0x0E7F, TD_SCRIPT_THAI},      {0x10A0, 0x10FF, TD_SCRIPT_GEORGIAN},
    {0x1100, 0x11FF, TD_SCRIPT_HANGUL},    {0x1C80, 0x1C8F, TD_SCRIPT_CYRILLIC},
    {0x1C90, 0x1CBF, TD_SCRIPT_GEORGIAN},  {0x1E00, 0x1EFF, TD_SCRIPT_LATIN},
    {0x1F00, 0x1FFF, TD_SCRIPT_GREEK},     {0x2C60, 0x2C7F, TD_SCRIPT_LATIN},
    {0x2D00, 0x2D2F, TD_SCRIPT_GEORGIAN},  {0x2DE0, 0x2DFF, TD_SCRIPT_CYRILLIC},
    {0x3040, 0x30FF, TD_SCRIPT_KANA},      {0x3130, 0x318F, TD_SCRIPT_HANGUL},
    {0x31F0, 0x31FF, TD_SCRIPT_KANA},      {0x3400, 0x4DBF, TD_SCRIPT_HAN},
    {0x4E00, 0x9FFF, TD_SCRIPT_HAN},       {0xA640, 0xA69F, TD_SCRIPT_CYRILLIC},
    {0xA720, 0xA7FF, TD_SCRIPT_LATIN},     {0xA960, 0xA97F, TD_SCRIPT_HANGUL},
    {0xAB30, 0xAB6F, TD_SCRIPT_LATIN},     {0xAC00, 0xD7FF, TD_SCRIPT_HANGUL},
    {0xF900, 0xFAFF, TD_SCRIPT_HAN},       {0xFB00, 0xFB06, TD_SCRIPT_LATIN},
    {0xFB1D, 0xFB4F, TD_SCRIPT_HEBREW},    {0xFB50, 0xFDFF, TD_SCRIPT_ARABIC},
    {0xFE70, 0xFEFF, TD_SCRIPT_ARABIC},    {0xFF21, 0xFF5A, TD_SCRIPT_LATIN},
    {0xFF66, 0xFF9F, TD_SCRIPT_KANA},      {0x20000, 0x3134F, TD_SCRIPT_HAN},
};

int td_script_of(int32_t cp) {
  size_t lo = 0, hi = TD_COUNT(td_script_ranges);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < td_script_ranges[mid].lo)
      hi = mid;
    else if (cp > td_script_ranges[mid].hi)
      lo = mid + 1;
    else
      return td_script_ranges[mid].script;
  }
  return TD_SCRIPT_OTHER;
}

const char *td_script_name(int script) {
  static const char *names[TD_NSCRIPTS] = {
      "Other",  "Latin",  "Greek",      "Cyrillic", "Armenian",
      "Georgian", "Hebrew", "Arabic", "Devanagari", "Bengali",
      "Thai",   "Hangul", "Kana",       "Han"};
  return script >= 0 && script < TD_NSCRIPTS ? names[script] : "Other";
}

bool td_script_unspaced(int script) {
  return script == TD_SCRIPT_HAN || script == TD_SCRIPT_KANA;
}

int td_month_number(const char *s, size_t n) {
  static const char *names[] = {"january", "february", "march",
                                "april",   "may",      "june",
                                "july",    "august",   "september",
                                "october", "november", "december"};
  if (n > 0 && s[n - 1] == '.')
    n--;
  if (n < 3 || n > 9)
    return 0;
  char low[10];
  for (size_t i = 0; i < n; i++)
    low[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
  for (int m = 0; m < 12; m++) {
    size_t full = strlen(names[m]);
    if (n > full || memcmp(low, names[m], n) != 0)
      continue;
    /* The full name, or an abbreviation of 3 letters (Sept: 4). */
    if (n == full || n == 3 || (m == 8 && n == 4))
      return m + 1;
  }
  return 0;
}
