/*
 * quantities.c — the `quantities` layer: loads data/quantities.txt and
 * finds, in one pass over each sentence's tokens, the numbers of the text
 * with what they count:
 *
 *   - a number is digits ("1,960", "1.5", "3bn", "100km") or number words
 *     ("twenty-five", "two hundred and fifty", "a dozen"), times the
 *     multipliers after it ("1.5 million"), or a vague amount ("dozens
 *     of", "several hundred": the lower bound, approx "vague");
 *   - before it: a currency symbol ("$", "US$", "EUR") and a qualifier
 *     ("about", "more than", "up to"); after it a percent word, a currency
 *     symbol or word ("5 million dollars"), "or more", and else the noun
 *     phrase it counts ("90 armored personnel carriers", "380 units of
 *     equipment"): up to four words before a stop word, cut before a verb
 *     in -ed or -ing after a plural and after its first plural, with "of"
 *     and a noun once;
 *   - not quantities: numbers inside a temporal expression (the time
 *     layer's), ordinals, clock times, dates and ranges written with
 *     hyphens or slashes, numbers after a label ("No. 5", "flight 370") or
 *     a capitalised word ("Resolution 2254", "Boeing 737"), runs of
 *     numbers (telephone numbers), "one" as a pronoun ("one of the", "no
 *     one"), numbers that count time ("25 years old").
 *
 * Cheap by construction: a sieve on a hash of each token's first three
 * bytes and length, then the first three letters of the number words,
 * let only digits and number words start any work; around them each
 * token's word is looked up once (a hash table of our own, cached per
 * token) for every list.
 */
#include "quantities.h"

#include "../core/data.h"
#include "timex.h"

#include <math.h>
#include <stdio.h>
#include <strings.h>

#define TD_Q_MAXW 4      /* words in a phrase of the data file       */
#define TD_Q_KEY 160     /* bytes of a lookup key                    */
#define TD_Q_UNITW 4     /* words of a counted noun phrase           */
#define TD_Q_OFW 3       /* words after its "of"                     */
#define TD_Q_WEIGHT 0x80000000u /* currency flag: also a weight      */
#define TD_Q_MONEYONLY 0x80000000u /* scale flag: only in money      */
#define TD_Q_DET 0x80000000u /* vague flag: before its noun ("several") */

/* The word lists and phrase maps of the data file. */
enum {
  TD_QM_NUM, TD_QM_SCALE, TD_QM_VAGUE, TD_QM_APPROX, TD_QM_AFTER,
  TD_QM_PERCENT, TD_QM_CURRENCY, TD_QM_STOP, TD_QM_HEAD, TD_QM_TIMEUNIT,
  TD_QM_LABEL, TD_QM_ONE_BEFORE, TD_QM_ONE_AFTER, TD_QM_N
};

/* A word of the data file: the lists it is a one-word phrase of (with its
 * value in each), and the lists with longer phrases that begin or end
 * with it. One lookup per token answers every list. */
typedef struct td_qword {
  uint64_t k[2];                /* the word, lower case, NUL-padded:
                                   words of up to 16 bytes compare as two
                                   64-bit words                        */
  uint16_t single, first, last; /* bits 1 << TD_QM_* */
  uint16_t len;                 /* of the word, at key in the pool     */
  uint32_t key, hash;
  uint32_t val[TD_QM_N];
} td_qword;

struct td_quant_rules {
  TD_VEC(td_qword) wordv;       /* the words, in a hash table of their
                                   own (cheaper than a td_strmap: the
                                   key is folded and hashed at once)    */
  uint32_t *slots;              /* wordv index + 1, 0 empty            */
  uint32_t mask;                /* slots - 1 (a power of two)          */
  td_buf pool;                  /* the words, lower case               */
  td_strmap *phrases[TD_QM_N];  /* phrases of two words or more        */
  int maxw[TD_QM_N];            /* the most words of a phrase          */
  td_strmap *symbol;            /* exact symbol -> code index          */
  TD_VEC(double) vals;          /* number, scale and vague values      */
  TD_VEC(uint32_t) codes;       /* three ASCII letters packed          */
  uint8_t trigger[26 * 26 * 26 / 8 + 1];
  uint8_t sieve[65536 / 8];     /* the first sieve of td_q_starts, by
                                   td_q_sieve_key                      */
  size_t maxlen;                /* bytes of the longest word            */
  uint8_t symfirst[256 / 8];    /* the first bytes of the symbols      */
};

/* Folds ASCII capitals of s (n bytes, n < TD_Q_KEY) into out and returns
 * the FNV-1a hash of the result: words longer than 16 bytes. */
static inline uint32_t td_q_fold(const char *s, size_t n, char *out) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    c = c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
    out[i] = (char)c;
    h = (h ^ c) * 16777619u;
  }
  return h;
}

/* Words of up to 16 bytes, eight bytes at a time: the bytes past the word
 * masked off, capitals folded, a multiplicative hash. s must be readable
 * for 16 bytes (document texts are padded, see TD_TEXT_PAD). */
static const unsigned char td_q_ones[32] = {
    255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255};

static inline uint64_t td_q_lower8(uint64_t x) {
  const uint64_t b = 0x0101010101010101ull;
  uint64_t low = x & (0x7f * b);
  uint64_t upper = (low + (0x80 - 'A') * b) & ~(low + (0x80 - 'Z' - 1) * b) &
                   ~x & (0x80 * b);
  return x | upper >> 2;
}

static inline uint32_t td_q_fold16(const char *s, size_t n, uint64_t k[2]) {
  uint64_t m0, m1;
  memcpy(&k[0], s, 8);
  memcpy(&k[1], s + 8, 8);
  memcpy(&m0, td_q_ones + 16 - n, 8);
  memcpy(&m1, td_q_ones + 24 - n, 8);
  k[0] = td_q_lower8(k[0] & m0);
  k[1] = td_q_lower8(k[1] & m1);
  uint64_t h = (k[0] * 0x9E3779B97F4A7C15ull) ^ (k[1] * 0xC2B2AE3D27D4EB4Full) ^
               n;
  h ^= h >> 29;
  return (uint32_t)(h ^ h >> 32);
}

/* The index + 1 of word s (any case; n bytes) in wordv, 0 if absent.
 * `padded`: s is readable for 16 bytes. */
static uint32_t td_q_find(const td_quant_rules *q, const char *s, size_t n,
                          bool padded) {
  if (!q->slots || !n || n >= TD_Q_KEY)
    return 0;
  if (n <= 16) {
    char buf[16];
    if (!padded) {
      memset(buf, 0, sizeof(buf));
      memcpy(buf, s, n);
      s = buf;
    }
    uint64_t k[2];
    uint32_t h = td_q_fold16(s, n, k);
    for (uint32_t i = h & q->mask;; i = (i + 1) & q->mask) {
      uint32_t e = q->slots[i];
      if (!e)
        return 0;
      const td_qword *w = &q->wordv.v[e - 1];
      if (w->k[0] == k[0] && w->k[1] == k[1] && w->len == n)
        return e;
    }
  }
  char key[TD_Q_KEY];
  uint32_t h = td_q_fold(s, n, key);
  for (uint32_t i = h & q->mask;; i = (i + 1) & q->mask) {
    uint32_t e = q->slots[i];
    if (!e)
      return 0;
    const td_qword *w = &q->wordv.v[e - 1];
    if (w->hash == h && w->len == n && !memcmp(q->pool.ptr + w->key, key, n))
      return e;
  }
}

/* ---- Loading ------------------------------------------------------------ */

static const char *const td_qa_names[] = {NULL,       "about",    "more_than",
                                          "less_than", "at_least", "up_to",
                                          "vague",     NULL};

const char *td_quantity_approx_name(int approx) {
  return approx > 0 && approx < TD_QA_EXACT ? td_qa_names[approx] : NULL;
}

static int td_q_trigger_index(const char *s, size_t n) {
  if (n < 3)
    return -1;
  int k = 0;
  for (int i = 0; i < 3; i++) {
    unsigned c = (unsigned char)s[i] | 0x20u;
    if (c < 'a' || c > 'z')
      return -1;
    k = k * 26 + (int)(c - 'a');
  }
  return k;
}

/* The key of the first sieve of td_q_starts: a hash of the first three
 * bytes (the low five bits of each, so a letter in either case) and the
 * length (0 for a hyphenated word, 15 for any longer): 16 bits. */
static inline unsigned td_q_sieve_key(const unsigned char *s, unsigned len) {
  unsigned x = (s[0] & 31u) | (s[1] & 31u) << 5 | (s[2] & 31u) << 10 |
               len << 15;
  return (x * 0x9E3779B1u) >> 16;
}

static void td_q_set_trigger(td_quant_rules *q, const char *s, size_t n) {
  int k = td_q_trigger_index(s, n);
  if (k <= 0) /* 0 ("aaa") stands for "no trigger" in td_q_starts */
    return;
  q->trigger[k >> 3] |= (uint8_t)(1u << (k & 7));
  /* the word itself, and the first part of a hyphenated word
   * ("twenty-five") */
  unsigned a = td_q_sieve_key((const unsigned char *)s,
                              n > 15 ? 15 : (unsigned)n);
  unsigned b = td_q_sieve_key((const unsigned char *)s, 0);
  q->sieve[a >> 3] |= (uint8_t)(1u << (a & 7));
  q->sieve[b >> 3] |= (uint8_t)(1u << (b & 7));
}

/* A number of the data file: digits, one period, an exponent ("1e6"). */
static bool td_q_parse_value(td_field f, double *out) {
  double v = 0, scale = 0;
  size_t i = 0;
  bool digits = false;
  for (; i < f.n && f.s[i] >= '0' && f.s[i] <= '9'; i++, digits = true)
    v = v * 10 + (f.s[i] - '0');
  if (i < f.n && f.s[i] == '.') {
    scale = 1;
    for (i++; i < f.n && f.s[i] >= '0' && f.s[i] <= '9'; i++, digits = true)
      v += (f.s[i] - '0') * (scale /= 10);
  }
  if (!digits)
    return false;
  if (i < f.n && (f.s[i] == 'e' || f.s[i] == 'E')) {
    int e = 0;
    bool ed = false;
    for (i++; i < f.n && f.s[i] >= '0' && f.s[i] <= '9' && e < 100; i++)
      e = e * 10 + (f.s[i] - '0'), ed = true;
    if (!ed)
      return false;
    v *= pow(10, e);
  }
  *out = v;
  return i == f.n && v > 0 && v < 1e18;
}

/* The entry of word w (lower case, n < TD_Q_KEY bytes), added if new. */
static td_qword *td_q_entry(td_quant_rules *q, const char *w, size_t n) {
  uint32_t found = td_q_find(q, w, n, false);
  if (found)
    return &q->wordv.v[found - 1];
  if ((q->wordv.n + 1) * 2 > (size_t)q->mask + 1 || !q->slots) {
    uint32_t cap = q->slots ? (q->mask + 1) * 2 : 256;
    td_free(q->slots);
    q->slots = td_calloc(cap, sizeof(uint32_t));
    q->mask = cap - 1;
    for (size_t i = 0; i < q->wordv.n; i++) {
      uint32_t k = q->wordv.v[i].hash & q->mask;
      while (q->slots[k])
        k = (k + 1) & q->mask;
      q->slots[k] = (uint32_t)i + 1;
    }
  }
  char key[TD_Q_KEY];
  td_qword e;
  memset(&e, 0, sizeof(e));
  e.hash = td_q_fold(w, n, key);
  if (n <= 16) {
    char buf[16] = {0};
    memcpy(buf, w, n);
    e.hash = td_q_fold16(buf, n, e.k);
  }
  e.len = (uint16_t)n;
  e.key = (uint32_t)q->pool.len;
  td_buf_add(&q->pool, key, n);
  td_vec_push(&q->wordv, e);
  uint32_t k = e.hash & q->mask;
  while (q->slots[k])
    k = (k + 1) & q->mask;
  q->slots[k] = (uint32_t)q->wordv.n;
  if (n > q->maxlen)
    q->maxlen = n;
  return &q->wordv.v[q->wordv.n - 1];
}

/* Adds each phrase of field f (PHRASE|PHRASE|...) to map m with value
 * val, lower-cased; sets the trigger bit of its first word (after "a" or
 * "an") when `trigger`. */
static bool td_q_add_phrases(td_quant_rules *q, int m, td_field f,
                             uint32_t val, bool trigger, const td_record *rec,
                             td_diag *err) {
  if (!f.n)
    return td_record_error(rec, err, "no words");
  const char *p = f.s, *end = f.s + f.n;
  while (p <= end) {
    const char *bar = memchr(p, '|', (size_t)(end - p));
    const char *e = bar ? bar : end;
    size_t n = (size_t)(e - p);
    if (!n)
      return td_record_error(rec, err, "an empty phrase");
    if (n >= TD_Q_KEY)
      return td_record_error(rec, err, "a phrase longer than %d bytes",
                             TD_Q_KEY - 1);
    char key[TD_Q_KEY];
    int words = 1;
    for (size_t i = 0; i < n; i++) {
      char c = p[i];
      if (c == '\t')
        return td_record_error(rec, err, "a TAB inside a phrase");
      if (c == ' ' && (i == 0 || i + 1 == n || p[i + 1] == ' '))
        return td_record_error(rec, err,
                               "phrase \"%.*s\": words are separated by "
                               "one space",
                               (int)n, p);
      words += c == ' ';
      key[i] = c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
    }
    if (words > TD_Q_MAXW)
      return td_record_error(rec, err,
                             "phrase \"%.*s\" has more than %d words", (int)n,
                             p, TD_Q_MAXW);
    uint16_t bit = (uint16_t)(1u << m);
    if (words == 1) {
      td_qword *we = td_q_entry(q, key, n);
      we->single |= bit;
      we->val[m] = val;
    } else {
      if (!q->phrases[m])
        q->phrases[m] = td_strmap_new();
      td_strmap_put(q->phrases[m], key, n, val);
      const char *sp1 = memchr(key, ' ', n), *sp2 = key + n;
      while (sp2[-1] != ' ')
        sp2--;
      td_q_entry(q, key, (size_t)(sp1 - key))->first |= bit;
      td_q_entry(q, sp2, (size_t)(key + n - sp2))->last |= bit;
    }
    if (words > q->maxw[m])
      q->maxw[m] = words;
    if (trigger) {
      const char *w = key;
      size_t wn = n;
      if ((wn > 2 && !memcmp(w, "a ", 2)) || (wn > 3 && !memcmp(w, "an ", 3))) {
        size_t skip = w[1] == ' ' ? 2 : 3;
        w += skip;
        wn -= skip;
      }
      const char *sp = memchr(w, ' ', wn);
      td_q_set_trigger(q, w, sp ? (size_t)(sp - w) : wn);
    }
    if (!bar)
      break;
    p = bar + 1;
  }
  return true;
}

static uint32_t td_q_value(td_quant_rules *q, double v) {
  td_vec_push(&q->vals, v);
  return (uint32_t)(q->vals.n - 1);
}

static bool td_q_code(td_quant_rules *q, const td_record *rec, td_field f,
                      uint32_t *idx, td_diag *err) {
  if (f.n != 3)
    return td_record_error(rec, err,
                           "\"%.*s\" is not an ISO 4217 code (three capital "
                           "letters)",
                           (int)f.n, f.s);
  uint32_t packed = 0;
  for (int i = 0; i < 3; i++) {
    if (f.s[i] < 'A' || f.s[i] > 'Z')
      return td_record_error(rec, err,
                             "\"%.*s\" is not an ISO 4217 code (three "
                             "capital letters)",
                             (int)f.n, f.s);
    packed = packed << 8 | (uint8_t)f.s[i];
  }
  for (size_t i = 0; i < q->codes.n; i++)
    if (q->codes.v[i] == packed) {
      *idx = (uint32_t)i;
      return true;
    }
  td_vec_push(&q->codes, packed);
  *idx = (uint32_t)(q->codes.n - 1);
  return true;
}

static int td_q_approx_kind(td_field f) {
  static const char *const names[] = {"about",    "more_than", "less_than",
                                      "at_least", "up_to",     "exact"};
  static const int kinds[] = {TD_QA_ABOUT,    TD_QA_MORE_THAN, TD_QA_LESS_THAN,
                              TD_QA_AT_LEAST, TD_QA_UP_TO,     TD_QA_EXACT};
  for (size_t i = 0; i < TD_COUNT(names); i++)
    if (td_field_eq(f, names[i]))
      return kinds[i];
  return 0;
}

static bool td_q_record(void *ud, const td_record *rec, td_diag *err) {
  td_quant_rules *q = ud;
  td_field k = rec->f[0];
  size_t nf = rec->n;
  /* records with a value or kind in field 2 and phrases in field 3 */
  bool valued = td_field_eq(k, "number") || td_field_eq(k, "scale") ||
                td_field_eq(k, "money-scale") || td_field_eq(k, "vague") ||
                td_field_eq(k, "vague-det");
  if (valued || td_field_eq(k, "approx") || td_field_eq(k, "after") ||
      td_field_eq(k, "symbol") || td_field_eq(k, "pronoun")) {
    if (nf != 3)
      return td_record_error(rec, err, "%.*s: want 3 fields, not %zu",
                             (int)k.n, k.s, nf);
  } else if (td_field_eq(k, "currency")) {
    if (nf != 3 && nf != 4)
      return td_record_error(rec, err, "currency: want 3 or 4 fields, not %zu",
                             nf);
  } else if (td_field_eq(k, "percent") || td_field_eq(k, "stop") ||
             td_field_eq(k, "head") || td_field_eq(k, "timeunit") ||
             td_field_eq(k, "label")) {
    if (nf != 2)
      return td_record_error(rec, err, "%.*s: want 2 fields, not %zu",
                             (int)k.n, k.s, nf);
  } else {
    return td_record_error(rec, err,
                           "unknown record kind \"%.*s\" (number, scale, "
                           "money-scale, vague, vague-det, approx, after, "
                           "percent, "
                           "symbol, currency, stop, head, timeunit, label, "
                           "pronoun)",
                           (int)k.n, k.s);
  }
  if (valued) {
    double v;
    if (!td_q_parse_value(rec->f[1], &v))
      return td_record_error(rec, err, "bad value \"%.*s\"", (int)rec->f[1].n,
                             rec->f[1].s);
    uint32_t idx = td_q_value(q, v);
    if (td_field_eq(k, "number"))
      return td_q_add_phrases(q, TD_QM_NUM, rec->f[2], idx, true, rec, err);
    if (td_field_eq(k, "scale"))
      return td_q_add_phrases(q, TD_QM_SCALE, rec->f[2], idx, true, rec, err);
    if (td_field_eq(k, "money-scale"))
      return td_q_add_phrases(q, TD_QM_SCALE, rec->f[2], idx | TD_Q_MONEYONLY,
                              false, rec, err);
    if (td_field_eq(k, "vague-det"))
      idx |= TD_Q_DET;
    return td_q_add_phrases(q, TD_QM_VAGUE, rec->f[2], idx, true, rec, err);
  }
  if (td_field_eq(k, "approx") || td_field_eq(k, "after")) {
    int kind = td_q_approx_kind(rec->f[1]);
    if (!kind)
      return td_record_error(rec, err,
                             "unknown qualifier \"%.*s\" (about, more_than, "
                             "less_than, at_least, up_to, exact)",
                             (int)rec->f[1].n, rec->f[1].s);
    return td_q_add_phrases(q, td_field_eq(k, "approx") ? TD_QM_APPROX
                                                         : TD_QM_AFTER,
                            rec->f[2], (uint32_t)kind, false, rec, err);
  }
  if (td_field_eq(k, "pronoun")) {
    bool before = td_field_eq(rec->f[1], "before");
    if (!before && !td_field_eq(rec->f[1], "after"))
      return td_record_error(rec, err,
                             "pronoun: \"%.*s\" is not before or after",
                             (int)rec->f[1].n, rec->f[1].s);
    return td_q_add_phrases(q, before ? TD_QM_ONE_BEFORE : TD_QM_ONE_AFTER,
                            rec->f[2], 1, false, rec, err);
  }
  if (td_field_eq(k, "symbol")) {
    uint32_t idx;
    if (!td_q_code(q, rec, rec->f[1], &idx, err))
      return false;
    td_field f = rec->f[2];
    const char *p = f.s, *end = f.s + f.n;
    if (!f.n)
      return td_record_error(rec, err, "no symbols");
    while (p <= end) {
      const char *bar = memchr(p, '|', (size_t)(end - p));
      const char *e = bar ? bar : end;
      size_t n = (size_t)(e - p);
      if (!n || n > 16 || memchr(p, ' ', n) || memchr(p, '\t', n))
        return td_record_error(rec, err,
                               "bad symbol \"%.*s\" (1 to 16 bytes, no "
                               "spaces)",
                               (int)n, p);
      if (!q->symbol)
        q->symbol = td_strmap_new();
      td_strmap_put(q->symbol, p, n, idx);
      q->symfirst[(unsigned char)p[0] >> 3] |=
          (uint8_t)(1u << ((unsigned char)p[0] & 7));
      if (!bar)
        break;
      p = bar + 1;
    }
    return true;
  }
  if (td_field_eq(k, "currency")) {
    uint32_t idx;
    if (!td_q_code(q, rec, rec->f[1], &idx, err))
      return false;
    if (nf == 4) {
      if (!td_field_eq(rec->f[3], "weight"))
        return td_record_error(rec, err,
                               "currency: unknown flag \"%.*s\" (weight)",
                               (int)rec->f[3].n, rec->f[3].s);
      idx |= TD_Q_WEIGHT;
    }
    return td_q_add_phrases(q, TD_QM_CURRENCY, rec->f[2], idx, false, rec, err);
  }
  int m = td_field_eq(k, "percent")    ? TD_QM_PERCENT
          : td_field_eq(k, "stop")     ? TD_QM_STOP
          : td_field_eq(k, "head")     ? TD_QM_HEAD
          : td_field_eq(k, "timeunit") ? TD_QM_TIMEUNIT
                                       : TD_QM_LABEL;
  return td_q_add_phrases(q, m, rec->f[1], 1, false, rec, err);
}

td_quant_rules *td_quant_rules_load(const char *dir, td_diag *err) {
  td_quant_rules *q = td_calloc(1, sizeof(*q));
  if (!td_data_each_n(dir, "quantities.txt", 4, td_q_record, q, err)) {
    td_quant_rules_free(q);
    return NULL;
  }
  return q;
}

void td_quant_rules_free(td_quant_rules *q) {
  if (!q)
    return;
  for (int i = 0; i < TD_QM_N; i++)
    td_strmap_free(q->phrases[i]);
  td_free(q->slots);
  td_buf_free(&q->pool);
  td_vec_free(&q->wordv);
  td_strmap_free(q->symbol);
  td_vec_free(&q->vals);
  td_vec_free(&q->codes);
  td_free(q);
}

/* ---- Matching ----------------------------------------------------------- */

/* What one run over a sentence needs. */
typedef struct td_qrun {
  td_doc *doc;
  const td_quant_rules *q;
  const td_token *t;
  const td_timexes *tx;
  uint32_t lo, hi;   /* tokens the current quantity may use          */
  int title;         /* the sentence is a title-case headline: -1 unknown */
  uint32_t sent;
  /* the first temporal expression after the token tried (NULL if none):
   * the tokens after it are in the time layer from its start on */
  const td_timex *tx_next;
  /* the words of recent tokens: token + 1 (0 empty), wordv index + 1 (0
   * none) */
  uint32_t ctok[32], cword[32];
} td_qrun;

/* Is token i the word s (lower case; n bytes) in any case? */
static inline bool td_q_is_n(const td_qrun *r, uint32_t i, const char *s,
                             size_t n) {
  const td_token *t = &r->t[i];
  if (t->end - t->start != n)
    return false;
  const char *p = r->doc->text + t->start;
  for (size_t k = 0; k < n; k++)
    if ((p[k] >= 'A' && p[k] <= 'Z' ? p[k] | 0x20 : p[k]) != s[k])
      return false;
  return true;
}
#define td_q_is(r, i, s) td_q_is_n(r, i, s "", sizeof(s) - 1)

/* Appends the lower-cased form of token i to key (at *n); false if it
 * does not fit. */
static bool td_q_key_add(const td_qrun *r, uint32_t i, char *key,
                         size_t *n) {
  const td_token *t = &r->t[i];
  size_t len = t->end - t->start;
  const char *s = r->doc->text + t->start;
  if (t->flags & TD_TF_NFC)
    s = td_doc_token_form(r->doc, i, &len);
  if (*n + len + 1 >= TD_Q_KEY)
    return false;
  if (*n)
    key[(*n)++] = ' ';
  for (size_t k = 0; k < len; k++)
    key[(*n)++] = s[k] >= 'A' && s[k] <= 'Z' ? (char)(s[k] | 0x20) : s[k];
  return true;
}

/* The data file's word that token i is, or NULL. */
static const td_qword *td_q_cls(td_qrun *r, uint32_t i) {
  uint32_t slot = i & 31;
  if (r->ctok[slot] != i + 1) {
    const td_token *t = &r->t[i];
    size_t n = t->end - t->start;
    const char *s = r->doc->text + t->start;
    r->ctok[slot] = i + 1;
    r->cword[slot] = 0;
    if (t->kind != TD_TOK_WORD && t->kind != TD_TOK_SYM)
      return NULL; /* the lists have words and symbols only */
    if (t->flags & TD_TF_NFC)
      s = td_doc_token_form(r->doc, i, &n);
    else if (n > r->q->maxlen) /* longer than any word of the file */
      return NULL;
    r->cword[slot] = td_q_find(r->q, s, n, !(t->flags & TD_TF_NFC));
  }
  return r->cword[slot] ? &r->q->wordv.v[r->cword[slot] - 1] : NULL;
}

/* The value of token i as a one-word phrase of list m. */
static bool td_q_word(td_qrun *r, int m, uint32_t i, uint32_t *val) {
  const td_qword *w = td_q_cls(r, i);
  if (!w || !(w->single >> m & 1))
    return false;
  *val = w->val[m];
  return true;
}

/* The value of a word (lower case) as a one-word phrase of list m. */
static bool td_q_word_str(const td_quant_rules *q, int m, const char *s,
                          size_t n, uint32_t *val) {
  uint32_t e = td_q_find(q, s, n, false);
  if (!e || !(q->wordv.v[e - 1].single >> m & 1))
    return false;
  *val = q->wordv.v[e - 1].val[m];
  return true;
}

/* The longest phrase of list m that starts at token i (and ends by
 * r->hi): its value, and *end the token after it. */
static bool td_q_fwd(td_qrun *r, int m, uint32_t i, uint32_t *val,
                     uint32_t *end) {
  if (i >= r->hi)
    return false;
  const td_qword *w = td_q_cls(r, i);
  if (!w)
    return false;
  if (w->first >> m & 1) {
    char key[TD_Q_KEY];
    size_t lens[TD_Q_MAXW + 1];
    size_t n = 0;
    int k = 0;
    for (; k < r->q->maxw[m] && i + (uint32_t)k < r->hi; k++) {
      if (!td_q_key_add(r, i + (uint32_t)k, key, &n))
        break;
      lens[k] = n;
    }
    for (; k > 1; k--)
      if (td_strmap_get(r->q->phrases[m], key, lens[k - 1], val)) {
        *end = i + (uint32_t)k;
        return true;
      }
  }
  if (w->single >> m & 1) {
    *val = w->val[m];
    *end = i + 1;
    return true;
  }
  return false;
}

/* The longest phrase of list m that ends just before token i (and starts
 * at r->lo or after): its value, and *start its first token. */
static bool td_q_back(td_qrun *r, int m, uint32_t i, uint32_t *val,
                      uint32_t *start) {
  if (i <= r->lo)
    return false;
  const td_qword *w = td_q_cls(r, i - 1);
  if (!w)
    return false;
  if (w->last >> m & 1)
    for (int k = r->q->maxw[m]; k > 1; k--) {
      if (i < r->lo + (uint32_t)k)
        continue;
      char key[TD_Q_KEY];
      size_t n = 0;
      bool ok = true;
      for (uint32_t x = i - (uint32_t)k; x < i && ok; x++)
        ok = td_q_key_add(r, x, key, &n);
      if (ok && td_strmap_get(r->q->phrases[m], key, n, val)) {
        *start = i - (uint32_t)k;
        return true;
      }
    }
  if (w->single >> m & 1) {
    *val = w->val[m];
    *start = i - 1;
    return true;
  }
  return false;
}

/* Is token i inside (or overlapping) a temporal expression? */
static bool td_q_in_timex(td_qrun *r, uint32_t i) {
  if (!r->tx || !r->tx->v.n)
    return false;
  const td_timex *v = r->tx->v.v;
  size_t lo = 0, hi = r->tx->v.n;
  uint32_t s = r->t[i].start, e = r->t[i].end;
  while (lo < hi) { /* the first expression that ends after s */
    size_t mid = (lo + hi) / 2;
    if (v[mid].span.end <= s)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < r->tx->v.n && v[lo].span.start < e;
}

/* Does a duration (or set) of the time layer begin at token i (after the
 * token tried)? */
static bool td_q_duration_at(const td_qrun *r, uint32_t i) {
  const td_timex *x = r->tx_next;
  return i < r->hi && x && x->span.start < r->t[i].end &&
         (x->type == TD_TX_DURATION || x->type == TD_TX_SET);
}

static bool td_q_word_tok(td_qrun *r, uint32_t i) {
  return r->t[i].kind == TD_TOK_WORD && !(r->t[i].flags & TD_TF_CLITIC);
}

/* A word that looks like the head of a counted noun phrase: 2 for a
 * plural in -s (not -ss, -us, -is) or -men, 1 for one of the `head` words
 * (which may stand before the head: "personnel carriers", "police
 * officers"), 0 for neither. */
static int td_q_plural(td_qrun *r, uint32_t i) {
  uint32_t v;
  if (td_q_word(r, TD_QM_HEAD, i, &v))
    return 1;
  const td_token *t = &r->t[i];
  size_t n = t->end - t->start;
  const char *s = r->doc->text + t->start;
  if (n < 3 || !(t->flags & TD_TF_ASCII))
    return false;
  char a = (char)(s[n - 2] | 0x20), b = (char)(s[n - 1] | 0x20);
  if (b == 's')
    return a != 's' && a != 'u' && a != 'i' && a != '\'' ? 2 : 0;
  return n >= 5 && b == 'n' && a == 'e' && (s[n - 3] | 0x20) == 'm' ? 2 : 0;
}

/* A word in -ed or -ing: a verb after a plural ("people died"). */
static bool td_q_verbish(td_qrun *r, uint32_t i) {
  const td_token *t = &r->t[i];
  size_t n = t->end - t->start;
  const char *s = r->doc->text + t->start;
  if (n < 4 || (t->flags & TD_TF_CAP))
    return false;
  return (s[n - 2] == 'e' && s[n - 1] == 'd') ||
         (n >= 5 && s[n - 3] == 'i' && s[n - 2] == 'n' && s[n - 1] == 'g');
}

/* Can token i be a word of a counted noun phrase? */
static bool td_q_np_word(td_qrun *r, uint32_t i) {
  uint32_t v;
  if (!td_q_word_tok(r, i))
    return false;
  unsigned char c = (unsigned char)r->doc->text[r->t[i].start];
  if (c >= '0' && c <= '9')
    return false;
  if (r->tx_next && r->t[i].end > r->tx_next->span.start)
    return false; /* the time layer's (i is after the token tried) */
  return !td_q_word(r, TD_QM_STOP, i, &v) &&
         !td_q_word(r, TD_QM_NUM, i, &v) &&
         !td_q_word(r, TD_QM_SCALE, i, &v);
}

/* The counted noun phrase from token i: its end token (i if none). */
static uint32_t td_q_noun_phrase(td_qrun *r, uint32_t i, bool *timeunit) {
  uint32_t k = 0;
  while (k < TD_Q_UNITW && i + k < r->hi && td_q_np_word(r, i + k))
    k++;
  /* a capitalised word before 's owns what follows: "3,027,330 Rally's
   * shares" */
  while (k && i + k < r->hi && (r->t[i + k].flags & TD_TF_CLITIC) &&
         (r->t[i + k - 1].flags & TD_TF_CAP))
    k--;
  if (!k)
    return i;
  /* a verb after a plural ends it: "people died", "houses destroyed" */
  for (uint32_t w = 1; w < k; w++)
    if (td_q_verbish(r, i + w) && td_q_plural(r, i + w - 1)) {
      k = w;
      break;
    }
  /* it ends at its first plural ("presidents laid wreaths"), or at the
   * last `head` word ("300 personnel") */
  uint32_t head = UINT32_MAX;
  for (uint32_t w = 0; w < k; w++) {
    int pl = td_q_plural(r, i + w);
    if (pl)
      head = w;
    if (pl == 2)
      break;
  }
  if (head != UINT32_MAX) {
    k = head + 1;
  } else {
    for (uint32_t w = 1; w < k; w++)
      if (td_q_verbish(r, i + w)) { /* "one soldier died" */
        k = w;
        break;
      }
  }
  uint32_t v;
  if (td_q_word(r, TD_QM_TIMEUNIT, i + k - 1, &v)) {
    *timeunit = true;
    return i;
  }
  uint32_t end = i + k;
  /* "units of equipment", "tons of grain": "of" and a lower-case noun */
  if (end + 1 < r->hi && td_q_is(r, end, "of") && td_q_np_word(r, end + 1) &&
      !(r->t[end + 1].flags & TD_TF_CAP)) {
    uint32_t f = end + 1, n = 0;
    while (n < TD_Q_OFW && f + n < r->hi && td_q_np_word(r, f + n) &&
           !(n && td_q_verbish(r, f + n)))
      n++;
    uint32_t h = UINT32_MAX;
    for (uint32_t w = 0; w < n; w++) {
      int pl = td_q_plural(r, f + w);
      if (pl)
        h = w;
      if (pl == 2)
        break;
    }
    if (h != UINT32_MAX)
      n = h + 1;
    end = f + n;
  }
  return end;
}

/* Digits: "1,960", "1.5", "90", "3bn" (*suffix set to the letters'
 * offset in the token when there are any). False for what is not a
 * cardinal number: ordinals, clock times, dates, codes with leading
 * zeros, long digit strings, "1990s". */
static bool td_q_digits(const char *s, size_t n, double *v, size_t *suffix) {
  size_t i = 0, nd = 0;
  double x = 0;
  bool comma = false;
  while (i < n && s[i] >= '0' && s[i] <= '9' && nd < 15)
    x = x * 10 + (s[i++] - '0'), nd++;
  if (!nd || (i < n && s[i] >= '0' && s[i] <= '9'))
    return false;
  if (i < n && s[i] == ',' && nd > 3)
    return false;
  while (i < n && s[i] == ',') { /* groups of three: 1,960 */
    if (i + 4 > n)
      return false;
    for (size_t k = 1; k <= 3; k++)
      if (s[i + k] < '0' || s[i + k] > '9')
        return false;
    x = x * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 +
        (s[i + 3] - '0');
    i += 4;
    nd += 3;
    comma = true;
    if (nd > 15 || (i < n && s[i] >= '0' && s[i] <= '9'))
      return false;
  }
  if (!comma && nd > 1 && s[0] == '0' && !(i < n && s[i] == '.'))
    return false; /* 007, 05 */
  if (!comma && nd > 6)
    return false; /* 1234567: an id, a phone number */
  if (i < n && s[i] == '.') {
    if (i + 1 >= n || s[i + 1] < '0' || s[i + 1] > '9')
      return false;
    double scale = 1;
    for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
      x += (s[i] - '0') * (scale /= 10);
  }
  *suffix = i;
  for (size_t k = i; k < n; k++)
    if (!((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z'))
      return false; /* 10:30, 1/2, 5-year, 1.2.3 */
  *v = x;
  return true;
}

/* Number words from token i: "twenty-five", "two hundred and fifty
 * thousand", "a dozen" (i may be "a"). Returns the token after them (i if
 * none) and the value. */
static uint32_t td_q_number_words(td_qrun *r, uint32_t i, double *out) {
  const td_quant_rules *q = r->q;
  double total = 0, cur = 0, last_scale = 0;
  enum { N_NONE, N_UNIT, N_TEEN, N_TENS, N_HUNDRED, N_SCALE, N_ART } last =
      N_NONE;
  uint32_t t = i, v;
  if (td_q_is(r, i, "a") || td_q_is(r, i, "an")) {
    cur = 1;
    last = N_ART;
    t++;
  }
  for (; t < r->hi && t < i + 12; t++) {
    if (!td_q_word_tok(r, t))
      break;
    if (td_q_word(r, TD_QM_NUM, t, &v)) {
      double x = q->vals.v[v];
      if (x < 1) { /* "half a million": only before "a" and a multiplier */
        if (t != i || t + 2 >= r->hi ||
            !(td_q_is(r, t + 1, "a") || td_q_is(r, t + 1, "an")))
          break;
        cur = x;
        last = N_ART;
        t++;
        continue;
      }
      if (x < 10) {
        if (last == N_TENS && fmod(cur, 10) != 0)
          break;
        if (last != N_NONE && last != N_TENS && last != N_HUNDRED &&
            last != N_SCALE)
          break;
        last = N_UNIT;
      } else {
        if (last != N_NONE && last != N_HUNDRED && last != N_SCALE)
          break;
        last = x < 20 ? N_TEEN : N_TENS;
      }
      cur += x;
      continue;
    }
    if (r->t[t].flags & TD_TF_HYPHEN) { /* twenty-five */
      size_t len;
      const char *s = td_doc_token_form(r->doc, t, &len);
      const char *h = memchr(s, '-', len);
      uint32_t a, b;
      if (h && !memchr(h + 1, '-', len - (size_t)(h + 1 - s)) &&
          (last == N_NONE || last == N_HUNDRED || last == N_SCALE)) {
        char key[TD_Q_KEY];
        size_t n1 = (size_t)(h - s), n2 = len - n1 - 1;
        if (n1 < sizeof(key) && n2 < sizeof(key)) {
          for (size_t k = 0; k < n1; k++)
            key[k] = (char)(s[k] >= 'A' && s[k] <= 'Z' ? s[k] | 0x20 : s[k]);
          bool ok = td_q_word_str(q, TD_QM_NUM, key, n1, &a);
          for (size_t k = 0; k < n2; k++)
            key[k] = (char)(h[1 + k] >= 'A' && h[1 + k] <= 'Z' ? h[1 + k] | 0x20
                                                               : h[1 + k]);
          ok = ok && td_q_word_str(q, TD_QM_NUM, key, n2, &b);
          double x = ok ? q->vals.v[a] : 0, y = ok ? q->vals.v[b] : 0;
          if (ok && x >= 20 && fmod(x, 10) == 0 && y >= 1 && y < 10) {
            cur += x + y;
            last = N_UNIT;
            continue;
          }
        }
      }
      break;
    }
    if (td_q_word(r, TD_QM_SCALE, t, &v) && !(v & TD_Q_MONEYONLY)) {
      double x = q->vals.v[v];
      if (x < 1000) { /* hundred, dozen */
        if (last == N_NONE || last == N_HUNDRED || last == N_SCALE ||
            cur <= 0 || cur >= 100)
          break;
        cur *= x;
        last = N_HUNDRED;
      } else {
        if (last == N_NONE || last == N_SCALE || cur <= 0)
          break;
        if (last_scale && x > last_scale)
          total = (total + cur) * x;
        else
          total += cur * x;
        cur = 0;
        last_scale = x;
        last = N_SCALE;
      }
      continue;
    }
    if (td_q_is(r, t, "and") && (last == N_HUNDRED || last == N_SCALE) &&
        t + 1 < r->hi && td_q_word(r, TD_QM_NUM, t + 1, &v))
      continue;
    break;
  }
  if (last == N_NONE || last == N_ART)
    return i;
  *out = total + cur;
  return t;
}

/* The multipliers after a number: "million", "hundred thousand". */
static uint32_t td_q_scales(td_qrun *r, uint32_t t, double *v) {
  uint32_t s;
  for (int n = 0; n < 2 && t < r->hi && td_q_word_tok(r, t) &&
                  td_q_word(r, TD_QM_SCALE, t, &s) &&
                  !(s & TD_Q_MONEYONLY);
       n++, t++)
    *v *= r->q->vals.v[s];
  return t;
}

/* A currency symbol ending just before token i ("$", "US$" as "US" "$",
 * "USD"): its code index; *start its first token. */
static inline bool td_q_symbol_first(const td_quant_rules *q, char c) {
  return q->symfirst[(unsigned char)c >> 3] >> ((unsigned char)c & 7) & 1;
}

static bool td_q_symbol_before(td_qrun *r, uint32_t i, uint32_t *code,
                               uint32_t *start) {
  if (!r->q->symbol || i <= r->lo)
    return false;
  const td_token *p = &r->t[i - 1];
  const char *text = r->doc->text;
  if (i - 1 > r->lo && r->t[i - 2].end == p->start &&
      p->end - r->t[i - 2].start <= 16 &&
      td_q_symbol_first(r->q, text[r->t[i - 2].start]) &&
      td_strmap_get(r->q->symbol, text + r->t[i - 2].start,
                    p->end - r->t[i - 2].start, code)) {
    *start = i - 2;
    return true;
  }
  if (p->end - p->start <= 16 && td_q_symbol_first(r->q, text[p->start]) &&
      td_strmap_get(r->q->symbol, text + p->start, p->end - p->start, code)) {
    *start = i - 1;
    return true;
  }
  return false;
}

/* A currency symbol at token i ("300₽", "5 EUR"). */
static bool td_q_symbol_at(td_qrun *r, uint32_t i, uint32_t *code) {
  if (!r->q->symbol || i >= r->hi)
    return false;
  const td_token *p = &r->t[i];
  return p->end - p->start <= 16 &&
         td_q_symbol_first(r->q, r->doc->text[p->start]) &&
         td_strmap_get(r->q->symbol, r->doc->text + p->start,
                       p->end - p->start, code);
}

/* Is the sentence a headline written in title case (most words
 * capitalised)? Then a capital says nothing of names. */
static bool td_q_title_case(td_qrun *r) {
  if (r->title >= 0)
    return r->title;
  r->title = 0;
  const td_sentence *s = &r->doc->sentences.v[r->sent];
  if (s->para >= r->doc->para_role.n ||
      r->doc->para_role.v[s->para] != TD_PARA_HEADLINE)
    return false;
  int words = 0, caps = 0;
  for (uint32_t i = s->tok_first; i < s->tok_end; i++)
    if (r->t[i].kind == TD_TOK_WORD && r->t[i].end - r->t[i].start >= 4) {
      words++;
      caps += (r->t[i].flags & TD_TF_CAP) != 0;
    }
  r->title = words >= 2 && caps * 10 >= words * 7;
  return r->title;
}

/* Tries a quantity at token i; fills *out and returns true, with
 * out->tok_end where the search goes on. */
/* "handed over 14 detainees": "over" after a verb is its particle, not a
 * qualifier of the number (a past participle, or a verb that takes
 * "over": hand, turn, take, pass, give). */
static bool td_q_particle(const td_qrun *r, uint32_t qs, uint32_t start) {
  const td_token *t = r->t;
  const char *text = r->doc->text;
  if (start != qs + 1 || qs == 0 || qs <= r->lo ||
      t[qs].end - t[qs].start != 4 ||
      strncasecmp(text + t[qs].start, "over", 4))
    return false;
  const td_token *p = &t[qs - 1];
  size_t n = p->end - p->start;
  const char *w = text + p->start;
  if (p->kind != TD_TOK_WORD)
    return false;
  if (n > 3 && !strncasecmp(w + n - 2, "ed", 2))
    return true;
  static const char *verbs[] = {"hand", "hands", "handing", "turn",
                                "turns", "turning", "take", "takes",
                                "taking", "took", "taken", "pass",
                                "passes", "passing", "give", "gives",
                                "giving", "gave", "given"};
  for (size_t k = 0; k < TD_COUNT(verbs); k++)
    if (strlen(verbs[k]) == n && !strncasecmp(w, verbs[k], n))
      return true;
  return false;
}

static bool td_q_try(td_qrun *r, uint32_t i, td_quantity *out) {
  const td_quant_rules *q = r->q;
  const td_token *t = r->t;
  double value = 0, pending = 0; /* pending: a money-only multiplier */
  uint32_t first = i, j = i, v;
  uint32_t suffix_start = 0, suffix_end = 0; /* "100km": the unit */
  bool digits = false, vague = false, det = false, one = false;
  if (t[i].kind == TD_TOK_NUM) {
    size_t n = t[i].end - t[i].start, suf;
    const char *s = r->doc->text + t[i].start;
    if ((t[i].flags & TD_TF_HYPHEN) || !td_q_digits(s, n, &value, &suf))
      return false;
    digits = true;
    if (suf < n) {
      char key[TD_Q_KEY];
      size_t kn = n - suf;
      if (kn >= sizeof(key))
        return false;
      for (size_t k = 0; k < kn; k++)
        key[k] = (char)(s[suf + k] >= 'A' && s[suf + k] <= 'Z'
                            ? s[suf + k] | 0x20
                            : s[suf + k]);
      bool head = td_q_word_str(q, TD_QM_HEAD, key, kn, &v);
      if (td_q_word_str(q, TD_QM_SCALE, key, kn, &v)) {
        if (v & TD_Q_MONEYONLY)
          pending = q->vals.v[v & ~TD_Q_MONEYONLY];
        else
          value *= q->vals.v[v];
      } else if (!head) {
        return false; /* 5th, 1990s, 5G */
      }
      if (head) {
        suffix_start = t[i].start + (uint32_t)suf;
        suffix_end = t[i].end;
      }
    }
    j = i + 1;
    if (!suffix_end && !pending)
      j = td_q_scales(r, j, &value);
    /* runs of numbers: telephone numbers, "1 000 000" */
    uint32_t a = i, b = i + 1;
    while (a > r->lo && (td_q_is(r, a - 1, "(") || td_q_is(r, a - 1, ")")))
      a--;
    while (b < r->hi && (td_q_is(r, b, "(") || td_q_is(r, b, ")")))
      b++;
    if ((a > r->lo && ((t[a - 1].kind == TD_TOK_NUM &&
                        !td_q_in_timex(r, a - 1)) ||
                       td_q_is(r, a - 1, "+") || td_q_is(r, a - 1, "#"))) ||
        (b < r->hi && t[b].kind == TD_TOK_NUM && !td_q_in_timex(r, b)))
      return false;
  } else {
    bool art = i > r->lo && (td_q_is(r, i - 1, "a") || td_q_is(r, i - 1, "an"));
    uint32_t ve;
    if ((art && td_q_fwd(r, TD_QM_VAGUE, i - 1, &v, &ve) && (first = i - 1, 1)) ||
        (td_q_fwd(r, TD_QM_VAGUE, i, &v, &ve) && (first = i, 1))) {
      value = q->vals.v[v & ~TD_Q_DET];
      vague = true;
      /* "several people", "scores of people"; "dozens" only with "of" */
      det = (v & TD_Q_DET) || td_q_is(r, ve - 1, "of");
      j = td_q_scales(r, ve, &value); /* several hundred */
    } else {
      first = art && td_q_word(r, TD_QM_SCALE, i, &v) ? i - 1 : i;
      j = td_q_number_words(r, first, &value);
      if (j == first)
        return false;
      one = j == i + 1 && value == 1 && first == i;
    }
  }
  uint32_t start = first, code = 0;
  int kind = TD_QK_COUNT, approx = vague ? TD_QA_VAGUE : TD_QA_NONE;
  bool money = td_q_symbol_before(r, first, &code, &start);
  if (money)
    kind = TD_QK_MONEY;
  td_span unit = {0, 0};
  if (money)
    unit = (td_span){t[start].start, t[first - 1].end};
  uint32_t qs;
  bool qualified = false;
  if (td_q_back(r, TD_QM_APPROX, start, &v, &qs) &&
      !td_q_particle(r, qs, start)) {
    if (v != TD_QA_EXACT)
      approx = (int)v;
    start = qs;
    qualified = true;
  }
  /* Names and codes: "Resolution 2254", "No. 5", "Formula One". */
  if (!money && !qualified && start > r->lo) {
    uint32_t p = start - 1, ls;
    if (td_q_back(r, TD_QM_LABEL, start, &v, &ls))
      return false;
    if (one && td_q_back(r, TD_QM_ONE_BEFORE, start, &v, &ls))
      return false;
    if (t[p].kind == TD_TOK_WORD && (t[p].flags & TD_TF_CAP) &&
        !td_q_word(r, TD_QM_STOP, p, &v) && !td_q_word(r, TD_QM_APPROX, p, &v) &&
        !td_q_in_timex(r, p)) {
      size_t n = t[i].end - t[i].start;
      bool grouped = digits && (memchr(r->doc->text + t[i].start, ',', n) ||
                                memchr(r->doc->text + t[i].start, '.', n));
      bool name;
      if (digits)
        name = !grouped && !td_q_title_case(r);
      else
        name = !(j < r->hi && td_q_np_word(r, j) && td_q_plural(r, j));
      if (name)
        return false;
    }
  }
  /* After the number. */
  if (pending) {
    /* "$5m", "5m dollars" take the multiplier; "5m" alone is five metres */
    uint32_t ce, cv;
    if (money || td_q_symbol_at(r, j, &cv) ||
        (td_q_fwd(r, TD_QM_CURRENCY, j, &cv, &ce) && !(cv & TD_Q_WEIGHT))) {
      value *= pending;
      suffix_end = 0;
    } else if (!suffix_end) {
      return false;
    }
  }
  /* "dozens of": the "of" is ours only when something follows it */
  uint32_t end = j;
  bool noun = !vague || det;
  if (vague && !det && j < r->hi && td_q_is(r, j, "of")) {
    j++;
    noun = true;
  }
  if (!money && td_q_duration_at(r, j))
    return false; /* "hundreds of years", "dozens of hours": time */
  uint32_t e;
  if (!suffix_end && td_q_fwd(r, TD_QM_PERCENT, j, &v, &e) && !money) {
    kind = TD_QK_PERCENT;
    unit = (td_span){t[j].start, t[e - 1].end};
    end = j = e;
  } else if (!suffix_end && !money && td_q_symbol_at(r, j, &code)) {
    kind = TD_QK_MONEY;
    unit = (td_span){t[j].start, t[j].end};
    end = j = j + 1;
  } else if (!suffix_end && !money && td_q_fwd(r, TD_QM_CURRENCY, j, &v, &e) &&
             !((v & TD_Q_WEIGHT) && e < r->hi && td_q_is(r, e, "of"))) {
    kind = TD_QK_MONEY;
    code = v & ~TD_Q_WEIGHT;
    unit = (td_span){t[j].start, t[e - 1].end};
    end = j = e;
  }
  if (td_q_fwd(r, TD_QM_AFTER, j, &v, &e)) {
    if (approx == TD_QA_NONE || approx == TD_QA_VAGUE)
      approx = (int)v;
    end = j = e;
  }
  const char *phrase = NULL;
  if (suffix_end) {
    unit = (td_span){suffix_start, suffix_end};
    phrase = td_arena_strndup(&r->doc->arena, r->doc->text + suffix_start,
                              suffix_end - suffix_start);
  } else if (kind == TD_QK_COUNT && noun) {
    bool timeunit = false;
    uint32_t ne = td_q_noun_phrase(r, j, &timeunit);
    if (timeunit)
      return false; /* "25 years old" */
    if (ne > j) {
      unit = (td_span){t[j].start, t[ne - 1].end};
      /* the words' NFC forms, one space where the text has any */
      size_t n = 0, len;
      for (uint32_t k = j; k < ne; k++) {
        td_doc_token_form(r->doc, k, &len);
        n += len + (k > j && t[k].start > t[k - 1].end);
      }
      char *p = td_arena_alloc(&r->doc->arena, n + 1);
      n = 0;
      for (uint32_t k = j; k < ne; k++) {
        const char *s = td_doc_token_form(r->doc, k, &len);
        if (k > j && t[k].start > t[k - 1].end)
          p[n++] = ' ';
        memcpy(p + n, s, len);
        n += len;
      }
      p[n] = 0;
      phrase = p;
      end = ne;
    }
  }
  if (one) {
    /* "one" is a number only with what it counts, and never in "one of",
     * "one another" */
    uint32_t ae;
    if ((!phrase && kind == TD_QK_COUNT && approx == TD_QA_NONE) ||
        td_q_fwd(r, TD_QM_ONE_AFTER, i + 1, &v, &ae))
      return false;
  }
  memset(out, 0, sizeof(*out));
  out->span = (td_span){t[start].start, t[end - 1].end};
  out->tok_first = start;
  out->tok_end = end;
  out->value = value;
  out->kind = (uint8_t)kind;
  out->approx = (uint8_t)approx;
  out->unit_span = unit;
  out->phrase = phrase;
  if (kind == TD_QK_MONEY) {
    uint32_t c = q->codes.v[code];
    out->code[0] = (char)(c >> 16);
    out->code[1] = (char)(c >> 8);
    out->code[2] = (char)c;
  }
  return isfinite(value);
}

/* Can token i start a quantity? Digits, or a word whose first three
 * letters begin a number word (td_q_try looks it up). First a sieve on
 * a hash of the first three bytes and the length, which lets through
 * digits and about one other token in fifty, so that its branch is well
 * predicted (what costs most here is mispredicted branches, more than
 * instructions); then the exact test. The text is padded with NUL bytes
 * (TD_TEXT_PAD), so reading three bytes is safe. */
static inline bool td_q_starts(const td_quant_rules *q, const char *text,
                               const td_token *t) {
  const unsigned char *s = (const unsigned char *)text + t->start;
  unsigned len = t->end - t->start;
  len = (len > 15 ? 15 : len) & -(unsigned)!(t->flags & TD_TF_HYPHEN);
  unsigned x = td_q_sieve_key(s, len);
  if (__builtin_expect(
          !((q->sieve[x >> 3] >> (x & 7) & 1) | (t->kind == TD_TOK_NUM)), 1))
    return false;
  if (t->kind == TD_TOK_NUM)
    return true;
  unsigned u0 = (s[0] | 0x20u) - 'a', u1 = (s[1] | 0x20u) - 'a',
           u2 = (s[2] | 0x20u) - 'a';
  bool ok = (t->kind == TD_TOK_WORD) & (t->end - t->start >= 3) & (u0 < 26) &
            (u1 < 26) & (u2 < 26);
  /* 0 ("aaa") when not a candidate: no trigger has that bit */
  unsigned k = (u0 * 676 + u1 * 26 + u2) & -(unsigned)ok;
  return q->trigger[k >> 3] >> (k & 7) & 1;
}

/* ---- The layer ---------------------------------------------------------- */

const char *td_quantity_unit(const td_quantity *q) {
  if (q->kind == TD_QK_MONEY)
    return q->code;
  if (q->kind == TD_QK_PERCENT)
    return "percent";
  return q->phrase;
}

static void td_quantities_write(const td_doc *doc, const void *data,
                                td_jw *w) {
  const td_quantities *L = data;
  td_jw_arr(w);
  for (size_t i = 0; i < L->v.n; i++) {
    const td_quantity *x = &L->v.v[i];
    char id[32];
    snprintf(id, sizeof(id), "q%zu", i + 1);
    td_jw_obj(w);
    td_jw_key(w, "id");
    td_jw_cstr(w, id);
    td_jw_key(w, "start");
    td_jw_int(w, x->span.start);
    td_jw_key(w, "end");
    td_jw_int(w, x->span.end);
    td_jw_key(w, "text");
    td_jw_str(w, doc->text + x->span.start, x->span.end - x->span.start);
    td_jw_key(w, "value");
    td_jw_double(w, x->value);
    td_jw_key(w, "unit");
    td_jw_cstr(w, td_quantity_unit(x));
    bool has_unit = x->unit_span.end > x->unit_span.start;
    td_jw_key(w, "unit_start");
    if (has_unit)
      td_jw_int(w, x->unit_span.start);
    else
      td_jw_null(w);
    td_jw_key(w, "unit_end");
    if (has_unit)
      td_jw_int(w, x->unit_span.end);
    else
      td_jw_null(w);
    td_jw_key(w, "approx");
    td_jw_cstr(w, td_quantity_approx_name(x->approx));
    td_jw_obj_end(w);
  }
  td_jw_arr_end(w);
}

static void td_quantities_free(void *data) {
  td_quantities *L = data;
  td_vec_free(&L->v);
  td_free(L);
}

void td_quantities_run(td_doc *doc, const td_quant_rules *q) {
  if (td_doc_layer(doc, "quantities"))
    return;
  td_quantities *L = td_calloc(1, sizeof(*L));
  td_qrun r;
  memset(&r, 0, sizeof(r));
  r.doc = doc;
  r.q = q;
  r.t = doc->tokens.v;
  r.tx = td_doc_layer(doc, "timexes");
  size_t tx = 0; /* the first expression that ends after the token */
  const td_timex *tv = r.tx ? r.tx->v.v : NULL;
  size_t ntx = r.tx ? r.tx->v.n : 0;
  for (uint32_t s = 0; s < doc->sentences.n; s++) {
    const td_sentence *S = &doc->sentences.v[s];
    r.sent = s;
    r.title = -1;
    r.lo = S->tok_first;
    r.hi = S->tok_end;
    const td_token *tok = doc->tokens.v;
    const char *text = doc->text;
    for (uint32_t i = S->tok_first, end = S->tok_end; i < end; i++) {
      if (__builtin_expect(!td_q_starts(q, text, &tok[i]), 1))
        continue;
      while (tx < ntx && tv[tx].span.end <= r.t[i].start)
        tx++;
      if (tx < ntx && tv[tx].span.start < r.t[i].end)
        continue; /* the time layer's */
      r.tx_next = tx < ntx ? &tv[tx] : NULL;
      td_quantity x;
      if (!td_q_try(&r, i, &x))
        continue;
      td_vec_push(&L->v, x);
      i = x.tok_end - 1;
      r.lo = x.tok_end;
    }
  }
  td_doc_add_layer(doc, "quantities", L, td_quantities_write,
                   td_quantities_free);
}

size_t td_doc_nquantities(const td_doc *doc) {
  const td_quantities *L = td_doc_layer(doc, "quantities");
  return L ? L->v.n : 0;
}

bool td_doc_quantity(const td_doc *doc, size_t i, td_quantity_info *out) {
  const td_quantities *L = td_doc_layer(doc, "quantities");
  if (!L || i >= L->v.n)
    return false;
  const td_quantity *x = &L->v.v[i];
  memset(out, 0, sizeof(*out));
  out->span = x->span;
  out->value = x->value;
  out->unit = td_quantity_unit(x);
  out->unit_span = x->unit_span;
  out->approx = td_quantity_approx_name(x->approx);
  return true;
}
