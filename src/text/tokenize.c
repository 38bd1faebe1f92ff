/*
 * tokenize.c — splits a document's text into tokens, each a byte span of
 * the original text: words (hyphenated compounds, inner apostrophes as in
 * O'Brien, dotted forms such as U.S. and Trend.az), numbers (44, 1,960, 1.5,
 * 10:30, 2020-11-10, 5th), clitics split off as separate tokens ('s ’s n't
 * 're 've 'll 'd 'm), abbreviations and initials with their period, quotes
 * with their direction, dashes, ellipses, URLs and e-mail addresses, and
 * punctuation and symbols one character at a time.
 *
 * ASCII takes a fast path; other code points are classified with utf8proc.
 * A token whose NFC form differs from its bytes keeps that form in the
 * document's norm pool (offsets still point into the original text).
 */
#include "text.h"

#include <stdlib.h>
#include <strings.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ASCII classes: letter, digit, upper case. */
enum { TD_C_ALPHA = 1, TD_C_DIGIT = 2, TD_C_UPPER = 4 };
#define TD_C_AU (TD_C_ALPHA | TD_C_UPPER)
static const uint8_t td_ascii_class[256] = {
    /* 0x00 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0x10 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0x20 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 0x30 */ 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
    /* 0x40 */ 0, TD_C_AU, TD_C_AU, TD_C_AU, TD_C_AU, TD_C_AU, TD_C_AU,
    TD_C_AU, TD_C_AU, TD_C_AU, TD_C_AU, TD_C_AU, TD_C_AU, TD_C_AU, TD_C_AU,
    TD_C_AU,
    /* 0x50 */ TD_C_AU, TD_C_AU, TD_C_AU, TD_C_AU, TD_C_AU, TD_C_AU, TD_C_AU,
    TD_C_AU, TD_C_AU, TD_C_AU, TD_C_AU, 0, 0, 0, 0, 0,
    /* 0x60 */ 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    /* 0x70 */ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    /* 0x80 to 0xFF: not ASCII */
};

static inline bool td_is_alpha(unsigned char c) {
  return (unsigned)((c | 32) - 'a') < 26;
}
static inline bool td_is_digit(unsigned char c) {
  return (unsigned)(c - '0') < 10;
}
static inline bool td_is_upper(unsigned char c) {
  return (unsigned)(c - 'A') < 26;
}

/* Classes of non-ASCII code points, from their Unicode category. */
enum {
  TD_U_LETTER,
  TD_U_DIGIT,
  TD_U_MARK,   /* combining marks: part of the word they follow        */
  TD_U_FORMAT, /* soft hyphen, joiners, BOM: part of a word or skipped */
  TD_U_SPACE,
  TD_U_QUOTE_OPEN,
  TD_U_QUOTE_CLOSE,
  TD_U_DASH,
  TD_U_ELLIPSIS,
  TD_U_OPEN,
  TD_U_CLOSE,
  TD_U_PUNCT,
  TD_U_SYM
};

static int td_uclass(int32_t cp, const utf8proc_property_t *p) {
  switch (cp) {
  case 0x2018: case 0x201A: case 0x201B: case 0x201C: case 0x201E:
  case 0x201F: case 0x00AB: case 0x2039: case 0x300C: case 0x300E:
  case 0xFF02:
    return TD_U_QUOTE_OPEN;
  case 0x2019: case 0x201D: case 0x00BB: case 0x203A: case 0x300D:
  case 0x300F:
    return TD_U_QUOTE_CLOSE;
  case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
  case 0x2015: case 0x2E3A: case 0x2E3B: case 0x2212: case 0xFE58:
  case 0xFE63: case 0xFF0D:
    return TD_U_DASH;
  case 0x2026:
    return TD_U_ELLIPSIS;
  case 0x0085: case 0x2028: case 0x2029:
    return TD_U_SPACE;
  default:
    break;
  }
  switch (p->category) {
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
  case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_NL:
  case UTF8PROC_CATEGORY_NO:
    return TD_U_LETTER;
  case UTF8PROC_CATEGORY_ND:
    return TD_U_DIGIT;
  case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
  case UTF8PROC_CATEGORY_ME:
    return TD_U_MARK;
  case UTF8PROC_CATEGORY_CF:
    return TD_U_FORMAT;
  case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_CC:
    return TD_U_SPACE;
  case UTF8PROC_CATEGORY_PS:
    return TD_U_OPEN;
  case UTF8PROC_CATEGORY_PE:
    return TD_U_CLOSE;
  case UTF8PROC_CATEGORY_PI:
    return TD_U_QUOTE_OPEN;
  case UTF8PROC_CATEGORY_PF:
    return TD_U_QUOTE_CLOSE;
  case UTF8PROC_CATEGORY_PD:
    return TD_U_DASH;
  case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PO:
    return TD_U_PUNCT;
  default:
    return TD_U_SYM;
  }
}

/* The code points that may change a token under NFC (cmake/gen_nfc.c
 * computes the table with utf8proc at build time). A token without any of
 * them is already NFC; the others are normalised with utf8proc. */
extern const uint32_t td_nfc_limit;
extern const uint8_t td_nfc_suspect_bits[];

static inline bool td_nfc_suspect(int32_t cp) {
  return (uint32_t)cp >= td_nfc_limit ||
         (td_nfc_suspect_bits[cp >> 3] >> (cp & 7)) & 1;
}

typedef struct td_lexer {
  td_doc *doc;
  const td_text_rules *r;
  const char *s;
  size_t n;
  uint32_t *counts;
} td_lexer;

static inline void td_emit(td_lexer *lx, size_t start, size_t end, int kind,
                           unsigned flags) {
  td_doc *doc = lx->doc;
  if (doc->tokens.n == doc->tokens.cap)
    td_grow((void **)&doc->tokens.v, &doc->tokens.cap, doc->tokens.n + 1,
            sizeof(td_token));
  td_token *t = &doc->tokens.v[doc->tokens.n++];
  t->start = (uint32_t)start;
  t->end = (uint32_t)end;
  t->norm = 0;
  t->flags = (uint16_t)flags;
  t->kind = (uint8_t)kind;
  t->reserved = 0;
}

/* Emits a word token, computing its NFC form when it may differ. */
static void td_emit_word(td_lexer *lx, size_t start, size_t end, int kind,
                         unsigned flags, bool suspect) {
  td_token t = {(uint32_t)start, (uint32_t)end, 0, (uint16_t)flags,
                (uint8_t)kind, 0};
  if (suspect) {
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)lx->s + start,
                                      (utf8proc_ssize_t)(end - start), &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (k >= 0 && ((size_t)k != end - start ||
                   memcmp(nfc, lx->s + start, (size_t)k) != 0)) {
      if (lx->doc->norm.len == 0)
        td_buf_addc(&lx->doc->norm, 0); /* offset 0 means "no NFC form" */
      t.norm = (uint32_t)lx->doc->norm.len;
      td_buf_add(&lx->doc->norm, nfc, (size_t)k + 1);
      t.flags |= TD_TF_NFC;
    }
    free(nfc); /* allocated by utf8proc */
  }
  td_vec_push(&lx->doc->tokens, t);
}

/* Decodes the code point at i; returns its length (1 for a bad byte). */
static int td_cp_at(const td_lexer *lx, size_t i, int32_t *cp,
                    const utf8proc_property_t **prop) {
  int k = td_utf8_decode(lx->s + i, lx->n - i, cp);
  if (k < 0)
    k = 1;
  *prop = utf8proc_get_property(*cp);
  return k;
}

/* True when a letter or digit (of a spaced script) starts at i. */
static bool td_alnum_at(const td_lexer *lx, size_t i) {
  if (i >= lx->n)
    return false;
  unsigned char c = (unsigned char)lx->s[i];
  if (c < 0x80)
    return td_is_alpha(c) || td_is_digit(c);
  int32_t cp;
  const utf8proc_property_t *p;
  td_cp_at(lx, i, &cp, &p);
  int cl = td_uclass(cp, p);
  return (cl == TD_U_LETTER && !td_script_unspaced(td_script_of(cp))) ||
         cl == TD_U_DIGIT;
}

/* Length of the apostrophe at i (' or ’), or 0. */
static size_t td_apostrophe_at(const td_lexer *lx, size_t i) {
  if (i < lx->n && lx->s[i] == '\'')
    return 1;
  if (i + 2 < lx->n && (unsigned char)lx->s[i] == 0xE2 &&
      (unsigned char)lx->s[i + 1] == 0x80 &&
      (unsigned char)lx->s[i + 2] == 0x99)
    return 3;
  return 0;
}

/* Length of the inner hyphen at i (- U+2010 U+2011), or 0. */
static size_t td_hyphen_at(const td_lexer *lx, size_t i) {
  if (i < lx->n && lx->s[i] == '-')
    return 1;
  if (i + 2 < lx->n && (unsigned char)lx->s[i] == 0xE2 &&
      (unsigned char)lx->s[i + 1] == 0x80 &&
      ((unsigned char)lx->s[i + 2] == 0x90 ||
       (unsigned char)lx->s[i + 2] == 0x91))
    return 3;
  return 0;
}

/* True when s is a single code point. */
static bool td_one_letter(const char *s, size_t len) {
  int32_t cp;
  return td_utf8_decode(s, len, &cp) == (int)len;
}

/* "U.S", "e.g", "a.m", "Ph.D": segments of one to three letters joined by
 * periods. */
static bool td_dotted_abbrev(const char *s, size_t n) {
  size_t seg = 0, dots = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '.') {
      if (seg == 0)
        return false;
      seg = 0;
      dots++;
    } else if (td_is_alpha((unsigned char)s[i]) && ++seg <= 3) {
      continue;
    } else {
      return false;
    }
  }
  return dots > 0 && seg > 0;
}

static size_t td_scan_url(td_lexer *lx, size_t i) {
  const char *s = lx->s;
  size_t j = i;
  int paren = 0;
  while (j < lx->n) {
    unsigned char c = (unsigned char)s[j];
    if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '`')
      break;
    if (c >= 0x80) {
      int32_t cp;
      const utf8proc_property_t *p;
      int k = td_cp_at(lx, j, &cp, &p);
      int cl = td_uclass(cp, p);
      if (cl == TD_U_SPACE || cl == TD_U_QUOTE_OPEN || cl == TD_U_QUOTE_CLOSE ||
          cl == TD_U_ELLIPSIS)
        break;
      j += (size_t)k;
      continue;
    }
    if (c == '(')
      paren++;
    if (c == ')' && --paren < 0)
      break;
    j++;
  }
  /* Punctuation that closes a sentence is not part of the address. */
  while (j > i && strchr(".,;:!?'", s[j - 1]))
    j--;
  td_emit(lx, i, j, TD_TOK_URL, TD_TF_ASCII);
  return j;
}

static bool td_url_start(const td_lexer *lx, size_t i) {
  static const char *prefixes[] = {"http://", "https://", "ftp://", "www."};
  const char *s = lx->s + i;
  size_t rest = lx->n - i;
  /* Most words fail on the first two letters. */
  if (rest < 5 || !(((s[0] | 32) == 'h' && (s[1] | 32) == 't') ||
                    ((s[0] | 32) == 'w' && (s[1] | 32) == 'w') ||
                    ((s[0] | 32) == 'f' && (s[1] | 32) == 't')))
    return false;
  for (size_t k = 0; k < TD_COUNT(prefixes); k++) {
    size_t n = strlen(prefixes[k]);
    if (i + n < lx->n && strncasecmp(lx->s + i, prefixes[k], n) == 0 &&
        td_alnum_at(lx, i + n))
      return true;
  }
  return false;
}

/* The number of ASCII letters and digits at p. The text is followed by
 * TD_TEXT_PAD zero bytes, so reading 16 bytes at a time past a NUL is
 * safe; with SSE2 a word's end is found without a branch per letter (the
 * mispredicted loop exit at every word end was the tokenizer's largest
 * cost). */
static inline size_t td_alnum_run(const unsigned char *p) {
#if defined(__SSE2__)
  const __m128i a1 = _mm_set1_epi8('a' - 1), z1 = _mm_set1_epi8('z' + 1);
  const __m128i d1 = _mm_set1_epi8('0' - 1), d2 = _mm_set1_epi8('9' + 1);
  const __m128i case_bit = _mm_set1_epi8(0x20);
  size_t n = 0;
  for (;;) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + n));
    __m128i low = _mm_or_si128(v, case_bit);
    /* Signed compares: bytes of 0x80 and above are negative, so never
     * letters or digits. */
    __m128i alpha = _mm_and_si128(_mm_cmpgt_epi8(low, a1), _mm_cmplt_epi8(low, z1));
    __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, d1), _mm_cmplt_epi8(v, d2));
    unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(alpha, digit));
    if (mask != 0xFFFF)
      return n + (size_t)__builtin_ctz(~mask);
    n += 16;
  }
#else
  const unsigned char *q = p;
  while (td_ascii_class[*q])
    q++;
  return (size_t)(q - p);
#endif
}

/* Characters after which an ASCII word certainly ends (no connector such as
 * - . ' @ & : / can follow, no period to claim). */
static const uint8_t td_word_end[256] = {
    ['\0'] = 1, [' '] = 1, ['\n'] = 1, ['\t'] = 1, ['\r'] = 1, [';'] = 1,
    [')'] = 1,  [']'] = 1, ['"'] = 1,  ['?'] = 1,  ['!'] = 1,  [','] = 2};

static inline bool td_plain_end(const td_lexer *lx, size_t j, bool num) {
  /* The text ends with NUL bytes, so s[j] and s[j + 1] can be read. */
  uint8_t e = td_word_end[(unsigned char)lx->s[j]];
  return e == 1 || (e == 2 && !(num && td_is_digit((unsigned char)lx->s[j + 1])));
}

/* The common case, in one tight loop: an ASCII word or number followed by
 * a space or plain punctuation. Returns 0 when the slow path must decide. */
static size_t td_scan_ascii_word(td_lexer *lx, size_t i) {
  const char *s = lx->s;
  size_t j = i + td_alnum_run((const unsigned char *)s + i);
  bool num = td_is_digit((unsigned char)s[i]);
  if (!td_plain_end(lx, j, num))
    return 0;
  unsigned flags = TD_TF_ASCII;
  if (!num)
    lx->counts[TD_SCRIPT_LATIN] += (uint32_t)(j - i);
  if (!num && td_is_upper((unsigned char)s[i])) {
    flags |= TD_TF_CAP;
    bool lower = false;
    unsigned up = 0;
    for (size_t q = i; q < j; q++) {
      uint8_t c = td_ascii_class[(unsigned char)s[q]];
      lower |= c == TD_C_ALPHA;
      up += (c & TD_C_AU) == TD_C_AU;
    }
    if (!lower && up >= 2)
      flags |= TD_TF_UPPER;
  }
  td_emit(lx, i, j, num ? TD_TOK_NUM : TD_TOK_WORD, flags);
  return j;
}

/* Scans a word or number starting at i; emits it (and a split-off clitic);
 * returns the offset after it. */
static size_t td_scan_word(td_lexer *lx, size_t i) {
  const char *s = lx->s;
  const size_t n = lx->n;
  size_t j = i;
  unsigned nup = 0, nlo = 0, nlatin = 0;
  bool first_letter = true, cap = false, ascii = true, suspect = false;
  bool hyphen = false, dotted = false, email = false, has_alpha = false;
  bool num = td_is_digit((unsigned char)s[i]);
  size_t clitic_start = 0, clitic_end = 0;
  size_t seg_start = i; /* start of the current run between connectors */

  if (!num && (unsigned char)s[i] >= 0x80) {
    int32_t cp;
    const utf8proc_property_t *p;
    td_cp_at(lx, i, &cp, &p);
    num = td_uclass(cp, p) == TD_U_DIGIT;
  }

  for (;;) {
    /* A run of letters, digits and marks: ASCII in a tight loop, case
     * counted afterwards (below) only for words that start upper case. */
    while (j < n) {
      unsigned char c = (unsigned char)s[j];
      if (td_ascii_class[c]) {
        size_t a = j;
        uint8_t acc = 0;
        while (j < n && td_ascii_class[(unsigned char)s[j]])
          acc |= td_ascii_class[(unsigned char)s[j++]];
        if (acc & TD_C_ALPHA) {
          has_alpha = true;
          nlatin += (unsigned)(j - a);
          if (first_letter) {
            size_t f = a;
            while (!(td_ascii_class[(unsigned char)s[f]] & TD_C_ALPHA))
              f++;
            cap = td_is_upper((unsigned char)s[f]);
            first_letter = false;
          }
        }
        continue;
      }
      if (c < 0x80)
        break;
      int32_t cp;
      const utf8proc_property_t *p;
      int k = td_cp_at(lx, j, &cp, &p);
      int cl = td_uclass(cp, p);
      if (cl == TD_U_LETTER) {
        int script = td_script_of(cp);
        if (td_script_unspaced(script))
          break;
        lx->counts[script]++;
        bool up = p->category == UTF8PROC_CATEGORY_LU ||
                  p->category == UTF8PROC_CATEGORY_LT;
        bool low = p->category == UTF8PROC_CATEGORY_LL;
        nup += up;
        nlo += low;
        has_alpha = true;
        if (first_letter && (up || low))
          cap = up, first_letter = false;
      } else if (cl != TD_U_DIGIT && cl != TD_U_MARK && cl != TD_U_FORMAT) {
        break;
      }
      ascii = false;
      suspect = suspect || td_nfc_suspect(cp);
      j += (size_t)k;
    }
    if (j >= n)
      break;

    /* Connectors that keep the token going. */
    unsigned char c = (unsigned char)s[j];
    size_t h = td_hyphen_at(lx, j);
    if (h && td_alnum_at(lx, j + h)) {
      hyphen = true;
      j += h;
      seg_start = j;
      continue;
    }
    if (c == '.' && td_alnum_at(lx, j + 1)) {
      /* "end.The": a missing space after a sentence, not a dotted word. */
      size_t seg = j - seg_start;
      bool lower_before = j > 0 && (unsigned char)s[j - 1] >= 'a' &&
                          (unsigned char)s[j - 1] <= 'z';
      if (!(seg >= 3 && lower_before && td_is_upper((unsigned char)s[j + 1]))) {
        dotted = true;
        j++;
        seg_start = j;
        continue;
      }
      break;
    }
    if (num && j > i && td_is_digit((unsigned char)s[j - 1]) &&
        (c == ',' || c == ':' || c == '/') && j + 1 < n &&
        td_is_digit((unsigned char)s[j + 1])) {
      j++;
      continue;
    }
    size_t a = td_apostrophe_at(lx, j);
    if (a && has_alpha && j + a < n && td_is_alpha((unsigned char)s[j + a])) {
      size_t r = j + a, re = r;
      while (re < n && re - r < 4 && td_is_alpha((unsigned char)s[re]))
        re++;
      bool ends = !td_alnum_at(lx, re);
      size_t rl = re - r;
      char low[4] = {0};
      for (size_t k = 0; k < rl && k < 3; k++)
        low[k] = (char)(s[r + k] | 32);
      if (ends && rl <= 2 &&
          (!strcmp(low, "s") || !strcmp(low, "re") || !strcmp(low, "ve") ||
           !strcmp(low, "ll") || !strcmp(low, "d") || !strcmp(low, "m"))) {
        clitic_start = j, clitic_end = re;
        break;
      }
      if (ends && rl == 1 && low[0] == 't' && j - i >= 2 &&
          (s[j - 1] | 32) == 'n') {
        clitic_start = j - 1, clitic_end = re;
        j--; /* "do" + "n't" */
        break;
      }
      j += a; /* O'Brien, Ma'aleh */
      seg_start = j;
      continue;
    }
    if (c == '@' && !num && td_alnum_at(lx, j + 1)) {
      /* An e-mail address: the domain follows. */
      j++;
      while (j < n && (td_is_alpha((unsigned char)s[j]) ||
                       td_is_digit((unsigned char)s[j]) || s[j] == '-' ||
                       (s[j] == '.' && td_alnum_at(lx, j + 1))))
        j++;
      email = true;
      break;
    }
    if (c == '&' && j > i && td_is_upper((unsigned char)s[j - 1]) &&
        j + 1 < n && td_is_upper((unsigned char)s[j + 1])) {
      j++; /* AT&T, S&P */
      continue;
    }
    break;
  }

  unsigned flags = 0;
  /* A final period that belongs to the word. */
  if (!email && j < n && s[j] == '.' && !(j + 1 < n && s[j + 1] == '.') &&
      !clitic_end) {
    size_t len = j - i;
    if (dotted && ascii && td_dotted_abbrev(s + i, len)) {
      flags |= TD_TF_ABBREV;
    } else if (!dotted && !hyphen && cap && td_one_letter(s + i, len)) {
      flags |= TD_TF_INITIAL;
    } else if (!num && len <= lx->r->abbrev_max &&
               (lx->r->abbrev_lens[(unsigned char)s[i]] >> TD_MIN(len, 15)) & 1 &&
               td_strmap_get(lx->r->abbrev, s + i, len, NULL)) {
      flags |= TD_TF_ABBREV;
    }
    if (flags)
      j++;
  }
  lx->counts[TD_SCRIPT_LATIN] += nlatin;
  if (cap) {
    /* ASCII case counts (non-ASCII letters were counted as they came). */
    for (size_t k = i; k < j; k++) {
      uint8_t cl = td_ascii_class[(unsigned char)s[k]];
      nup += (cl & TD_C_AU) == TD_C_AU;
      nlo += cl == TD_C_ALPHA;
    }
    flags |= TD_TF_CAP;
  }
  if (nup >= 2 && nlo == 0)
    flags |= TD_TF_UPPER;
  if (hyphen)
    flags |= TD_TF_HYPHEN;
  if (ascii)
    flags |= TD_TF_ASCII;
  int kind = email ? TD_TOK_URL : num ? TD_TOK_NUM : TD_TOK_WORD;
  td_emit_word(lx, i, j, kind, flags, suspect);
  if (clitic_end) {
    bool cascii = s[clitic_start] == '\'' || s[clitic_start + 1] == '\'';
    td_emit(lx, clitic_start, clitic_end, TD_TOK_WORD,
            TD_TF_CLITIC | (cascii ? TD_TF_ASCII : 0));
    return clitic_end;
  }
  return j;
}

/* Direction of a straight quote at i from its neighbours. */
static unsigned td_quote_dir(const td_lexer *lx, size_t i, size_t len) {
  unsigned char prev = i > 0 ? (unsigned char)lx->s[i - 1] : ' ';
  unsigned char next = i + len < lx->n ? (unsigned char)lx->s[i + len] : ' ';
  bool prev_open = prev <= ' ' || strchr("([{-/", prev) != NULL;
  bool next_space = next <= ' ' || strchr(".,;:!?)]}", next) != NULL;
  if (prev_open && !next_space)
    return TD_TF_OPEN;
  if (!prev_open && next_space)
    return TD_TF_CLOSE;
  return prev_open ? TD_TF_OPEN : TD_TF_CLOSE;
}

/* An ASCII punctuation or symbol character at i. */
static size_t td_scan_ascii_punct(td_lexer *lx, size_t i) {
  const char *s = lx->s;
  unsigned char c = (unsigned char)s[i];
  size_t j = i + 1;
  switch (c) {
  case '"':
    td_emit(lx, i, j, TD_TOK_QUOTE, TD_TF_ASCII | td_quote_dir(lx, i, 1));
    return j;
  case '\'':
    if (j < lx->n && s[j] == '\'') {
      /* '' is a double quote in some styles: ''like this,'' he said */
      td_emit(lx, i, j + 1, TD_TOK_QUOTE, TD_TF_ASCII | td_quote_dir(lx, i, 2));
      return j + 1;
    }
    td_emit(lx, i, j, TD_TOK_QUOTE, TD_TF_ASCII | td_quote_dir(lx, i, 1));
    return j;
  case '`':
    if (j < lx->n && s[j] == '`')
      j++;
    td_emit(lx, i, j, TD_TOK_QUOTE, TD_TF_ASCII | TD_TF_OPEN);
    return j;
  case '.':
    while (j < lx->n && s[j] == '.')
      j++;
    if (j - i < 3)
      j = i + 1; /* "." alone; ".." is two of them */
    td_emit(lx, i, j, j - i >= 3 ? TD_TOK_ELLIPSIS : TD_TOK_PUNCT,
            TD_TF_ASCII | TD_TF_STOP);
    return j;
  case '-':
    while (j < lx->n && s[j] == '-')
      j++;
    td_emit(lx, i, j, TD_TOK_DASH, TD_TF_ASCII);
    return j;
  case '(': case '[': case '{':
    td_emit(lx, i, j, TD_TOK_PUNCT, TD_TF_ASCII | TD_TF_OPEN);
    return j;
  case ')': case ']': case '}':
    td_emit(lx, i, j, TD_TOK_PUNCT, TD_TF_ASCII | TD_TF_CLOSE);
    return j;
  case '!': case '?':
    td_emit(lx, i, j, TD_TOK_PUNCT, TD_TF_ASCII | TD_TF_STOP);
    return j;
  case ',': case ';': case ':': case '/': case '_':
    td_emit(lx, i, j, TD_TOK_PUNCT, TD_TF_ASCII);
    return j;
  default:
    td_emit(lx, i, j, TD_TOK_SYM, TD_TF_ASCII);
    return j;
  }
}

void td_tokenize(td_doc *doc, const td_text_rules *r,
                 uint32_t counts[TD_NSCRIPTS]) {
  td_lexer lx = {doc, r, doc->text, doc->len, counts};
  doc->tokens.n = 0;
  td_grow((void **)&doc->tokens.v, &doc->tokens.cap, doc->len / 5 + 16,
          sizeof(td_token));
  size_t i = 0;
  while (i < lx.n) {
    unsigned char c = (unsigned char)lx.s[i];
    if (c < 0x80) {
      if (c <= ' ' || c == 0x7F) {
        i++;
      } else if (td_is_alpha(c) || td_is_digit(c)) {
        /* Plain words separated by single spaces, one after the other. */
        size_t e;
        while ((e = td_scan_ascii_word(&lx, i)) != 0) {
          i = e;
          if (lx.s[i] != ' ' || !td_ascii_class[(unsigned char)lx.s[i + 1]])
            break;
          i++;
        }
        if (!e)
          i = td_url_start(&lx, i) ? td_scan_url(&lx, i) : td_scan_word(&lx, i);
      } else {
        i = td_scan_ascii_punct(&lx, i);
      }
      continue;
    }
    int32_t cp;
    const utf8proc_property_t *p;
    int k = td_cp_at(&lx, i, &cp, &p);
    int cl = td_uclass(cp, p);
    switch (cl) {
    case TD_U_LETTER:
    case TD_U_DIGIT:
    case TD_U_MARK: {
      int script = td_script_of(cp);
      if (cl == TD_U_LETTER && td_script_unspaced(script)) {
        counts[script]++;
        td_emit(&lx, i, i + (size_t)k, TD_TOK_WORD, 0);
        i += (size_t)k;
      } else {
        i = td_scan_word(&lx, i);
      }
      break;
    }
    case TD_U_SPACE:
    case TD_U_FORMAT:
      i += (size_t)k;
      break;
    case TD_U_QUOTE_OPEN:
      td_emit(&lx, i, i + (size_t)k, TD_TOK_QUOTE, TD_TF_OPEN);
      i += (size_t)k;
      break;
    case TD_U_QUOTE_CLOSE:
      td_emit(&lx, i, i + (size_t)k, TD_TOK_QUOTE, TD_TF_CLOSE);
      i += (size_t)k;
      break;
    case TD_U_DASH:
      td_emit(&lx, i, i + (size_t)k, TD_TOK_DASH, 0);
      i += (size_t)k;
      break;
    case TD_U_ELLIPSIS:
      td_emit(&lx, i, i + (size_t)k, TD_TOK_ELLIPSIS, TD_TF_STOP);
      i += (size_t)k;
      break;
    case TD_U_OPEN:
      td_emit(&lx, i, i + (size_t)k, TD_TOK_PUNCT, TD_TF_OPEN);
      i += (size_t)k;
      break;
    case TD_U_CLOSE:
      td_emit(&lx, i, i + (size_t)k, TD_TOK_PUNCT, TD_TF_CLOSE);
      i += (size_t)k;
      break;
    case TD_U_PUNCT: {
      /* Full stops of other scripts: 。 ！ ？ ؟ । */
      bool stop = cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F ||
                  cp == 0x061F || cp == 0x0964;
      td_emit(&lx, i, i + (size_t)k, TD_TOK_PUNCT, stop ? TD_TF_STOP : 0);
      i += (size_t)k;
      break;
    }
    default:
      td_emit(&lx, i, i + (size_t)k, TD_TOK_SYM, 0);
      i += (size_t)k;
      break;
    }
  }
}
