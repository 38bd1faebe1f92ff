/*
 * digest.c — what linking keeps of a document: its identity and story date,
 * the features that tell which story it belongs to (folded words, names,
 * numbers and dates, a MinHash signature of its word pairs), its event
 * mentions and the facts it gives (counts, durations, dates, places, names,
 * quotes), each with its evidence span and the words around it. A digest
 * copies every string it keeps, so the document can be freed; it is built
 * on the worker thread that annotated the document.
 */
#include "link.h"

#include "../core/data.h"
#include "../ctx.h"
#include "../lex/fold.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>

/* ---- Word lists (data/link.txt) ----------------------------------------- */

struct td_link_words {
  td_strmap *cls; /* folded word -> class: 1 stop, 2 end, 16+ unit index */
  TD_VEC(char *) units;
};

enum { TD_LW_STOP = 1, TD_LW_END = 2, TD_LW_FRAME = 3, TD_LW_UNIT = 16 };

static bool td_lw_record(void *ud, const td_record *rec, td_diag *err) {
  td_link_words *w = ud;
  if (rec->n != 2 || !rec->f[0].n || memchr(rec->f[0].s, ' ', rec->f[0].n))
    return td_record_error(rec, err, "expected WORD<TAB>CLASS");
  uint32_t cls;
  if (td_field_eq(rec->f[1], "stop"))
    cls = TD_LW_STOP;
  else if (td_field_eq(rec->f[1], "end"))
    cls = TD_LW_END;
  else if (td_field_eq(rec->f[1], "frame"))
    cls = TD_LW_FRAME;
  else if (rec->f[1].n > 5 && !memcmp(rec->f[1].s, "unit:", 5)) {
    size_t i;
    for (i = 0; i < w->units.n; i++)
      if (strlen(w->units.v[i]) == rec->f[1].n - 5 &&
          !memcmp(w->units.v[i], rec->f[1].s + 5, rec->f[1].n - 5))
        break;
    if (i == w->units.n)
      td_vec_push(&w->units, td_strndup(rec->f[1].s + 5, rec->f[1].n - 5));
    cls = TD_LW_UNIT + (uint32_t)i;
  } else
    return td_record_error(rec, err, "unknown class '%.*s' (stop, end, frame "
                           "or unit:NAME)", (int)rec->f[1].n, rec->f[1].s);
  td_strmap_put(w->cls, rec->f[0].s, rec->f[0].n, cls);
  return true;
}

td_link_words *td_link_words_load(const char *data_dir, td_diag *err) {
  td_link_words *w = td_calloc(1, sizeof(*w));
  w->cls = td_strmap_new();
  if (!td_data_each_n(data_dir, "link.txt", 2, td_lw_record, w, err)) {
    td_link_words_free(w);
    return NULL;
  }
  return w;
}

void td_link_words_free(td_link_words *w) {
  if (!w)
    return;
  td_strmap_free(w->cls);
  for (size_t i = 0; i < w->units.n; i++)
    td_free(w->units.v[i]);
  td_vec_free(&w->units);
  td_free(w);
}

static uint32_t td_lw_class(const td_link_words *w, const char *s, size_t n) {
  uint32_t v = 0;
  if (w && td_strmap_get(w->cls, s, n, &v))
    return v;
  return 0;
}

/* The class of a counted noun, trying its singular forms too. */
static const char *td_lw_unit(const td_link_words *w, const char *s,
                              size_t n) {
  uint32_t c = td_lw_class(w, s, n);
  if (c < TD_LW_UNIT && n > 3 && s[n - 1] == 's') {
    c = td_lw_class(w, s, n - 1);
    if (c < TD_LW_UNIT && n > 4 && s[n - 2] == 'e')
      c = td_lw_class(w, s, n - 2);
    if (c < TD_LW_UNIT && n > 4 && s[n - 2] == 'e' && s[n - 3] == 'i') {
      char b[TD_FORM_MAX];
      memcpy(b, s, n - 3);
      b[n - 3] = 'y';
      c = td_lw_class(w, b, n - 2);
    }
  }
  if (c < TD_LW_UNIT && n > 3 && !memcmp(s + n - 3, "men", 3)) {
    char b[TD_FORM_MAX];
    memcpy(b, s, n);
    b[n - 2] = 'a';
    c = td_lw_class(w, b, n);
  }
  return c >= TD_LW_UNIT ? w->units.v[c - TD_LW_UNIT] : NULL;
}

/* ---- Dates as intervals ------------------------------------------------- */

static int td_lk_num(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool td_lk_when_parse(const char *v, td_lk_when *out) {
  memset(out, 0, sizeof(*out));
  if (!v)
    return false;
  size_t n = strlen(v);
  if (n >= 10 && v[4] == '-' && v[7] == '-') {
    int y = td_lk_num(v, 4), m = td_lk_num(v + 5, 2), d = td_lk_num(v + 8, 2);
    if (y < 0 || !td_date_valid(y, m, d))
      return false;
    out->lo = out->hi = td_days_from_civil(y, m, d);
    out->gran = TD_GRAN_DAY;
    return true;
  }
  int y = n >= 4 ? td_lk_num(v, 4) : -1;
  if (n == 3 && td_lk_num(v, 3) >= 0) {
    int d = td_lk_num(v, 3) * 10;
    out->lo = td_days_from_civil(d, 1, 1);
    out->hi = td_days_from_civil(d + 9, 12, 31);
    out->gran = TD_GRAN_DECADE;
    return true;
  }
  if (y < 0)
    return false;
  if (n == 4) {
    out->lo = td_days_from_civil(y, 1, 1);
    out->hi = td_days_from_civil(y, 12, 31);
    out->gran = TD_GRAN_YEAR;
    return true;
  }
  if (n == 7 && v[4] == '-') {
    int m = td_lk_num(v + 5, 2);
    if (m >= 1 && m <= 12) {
      out->lo = td_days_from_civil(y, m, 1);
      out->hi = td_days_from_civil(y, m, td_days_in_month(y, m));
      out->gran = TD_GRAN_MONTH;
      return true;
    }
    if (v[5] == 'Q' && v[6] >= '1' && v[6] <= '4') {
      int q = v[6] - '1';
      out->lo = td_days_from_civil(y, q * 3 + 1, 1);
      out->hi = td_days_from_civil(y, q * 3 + 3,
                                   td_days_in_month(y, q * 3 + 3));
      out->gran = TD_GRAN_QUARTER;
      return true;
    }
    if (v[5] == 'H' && (v[6] == '1' || v[6] == '2')) {
      int h = v[6] - '1';
      out->lo = td_days_from_civil(y, h * 6 + 1, 1);
      out->hi = td_days_from_civil(y, h * 6 + 6, h ? 31 : 30);
      out->gran = TD_GRAN_HALF;
      return true;
    }
  }
  if (n == 8 && v[4] == '-' && v[5] == 'W') {
    int w = td_lk_num(v + 6, 2);
    if (w < 1 || w > 53)
      return false;
    /* ISO week: the week with the year's first Thursday is week 1. */
    long jan4 = td_days_from_civil(y, 1, 4);
    long wd = ((jan4 + 3) % 7 + 7) % 7; /* 0 = Monday (1970-01-01 Thu) */
    out->lo = jan4 - wd + (w - 1) * 7L;
    out->hi = out->lo + 6;
    out->gran = TD_GRAN_WEEK;
    return true;
  }
  return false;
}

const char *td_lk_gran_name(uint8_t g) {
  static const char *names[] = {NULL,      "decade", "year", "half",
                                "quarter", "month",  "week", "day"};
  return g < TD_COUNT(names) ? names[g] : NULL;
}

td_lk_status td_lk_when_cmp(const td_lk_when *a, const td_lk_when *b) {
  if (a->lo == b->lo && a->hi == b->hi)
    return TD_LK_AGREE;
  if ((a->lo <= b->lo && b->hi <= a->hi) || (b->lo <= a->lo && a->hi <= b->hi))
    return TD_LK_COMPATIBLE;
  return TD_LK_CONFLICT;
}

long td_lk_when_gap(const td_lk_when *a, const td_lk_when *b) {
  if (a->hi < b->lo)
    return b->lo - a->hi;
  if (b->hi < a->lo)
    return a->lo - b->hi;
  return 0;
}

const char *td_lk_status_name(td_lk_status s) {
  static const char *names[] = {"agree", "compatible", "conflict", "single"};
  return (unsigned)s < TD_COUNT(names) ? names[s] : "?";
}

const char *td_lk_kind_name(td_lk_kind k) {
  static const char *names[] = {NULL,    "count", "duration", "date",
                                "place", "name",  "quote"};
  return (unsigned)k < TD_COUNT(names) ? names[k] : "?";
}

/* ---- Building a digest -------------------------------------------------- */

uint64_t td_lk_word_hash(const char *s, size_t n) {
  return td_hash(s, n) & ~(uint64_t)3;
}

typedef struct td_dg {
  td_digest *d;
  const td_doc *doc;
  const td_ctx *ctx;
  const td_link_words *w;
  const char *text;
  size_t len;
  const td_token *tok;
  size_t ntok;
  const td_sentence *sent;
  size_t nsent;
  uint32_t *tok_sent; /* sentence of each token */
  uint64_t *whash;    /* folded word hash of each token, 0 = not a word */
  uint8_t *wcls;      /* link.txt class (stop ...) of each token's word */
  TD_VEC(uint64_t) feat;
  TD_VEC(td_lk_fact) facts;
} td_dg;

static const char *td_dg_str(td_dg *g, const char *s, size_t n) {
  return td_arena_strndup(&g->d->arena, s, n);
}

static const char *td_dg_span(td_dg *g, td_span s) {
  if (s.end > g->len || s.start > s.end)
    return "";
  return td_dg_str(g, g->text + s.start, s.end - s.start);
}

/* Folds s[0..n) as td_fold_word does, or lower-cases ASCII when the
 * context has no letter table. */
static size_t td_dg_fold_str(td_dg *g, const char *s, size_t n,
                             char out[TD_FORM_MAX]) {
  if (g->ctx && g->ctx->dicts)
    return td_fold_word(&g->ctx->letters, s, n, out);
  if (n >= TD_FORM_MAX)
    return 0;
  for (size_t k = 0; k < n; k++)
    out[k] = (char)tolower((unsigned char)s[k]);
  out[n] = 0;
  return n;
}

/* Folds token i (lower case, no accents, ASCII lower-cased when the
 * context has no letter table); returns its length, 0 if none. */
static size_t td_dg_fold(td_dg *g, size_t i, char out[TD_FORM_MAX]) {
  const td_token *t = &g->tok[i];
  return td_dg_fold_str(g, g->text + t->start, t->end - t->start, out);
}

/* Sorts v[0..n) (hashes: uniformly spread) and drops repeats. A radix-free
 * quicksort with insertion sort for short runs: qsort's comparison calls
 * were two thirds of building a digest. */
static void td_u64_sort(uint64_t *v, size_t n) {
  while (n > 16) {
    uint64_t pivot = v[n / 2];
    size_t i = 0, j = n - 1;
    for (;;) {
      while (v[i] < pivot)
        i++;
      while (v[j] > pivot)
        j--;
      if (i >= j)
        break;
      uint64_t t = v[i];
      v[i] = v[j];
      v[j] = t;
      i++;
      j--;
    }
    /* recurse into the smaller part, loop on the larger */
    size_t left = j + 1;
    if (left < n - left) {
      td_u64_sort(v, left);
      v += left;
      n -= left;
    } else {
      td_u64_sort(v + left, n - left);
      n = left;
    }
  }
  for (size_t i = 1; i < n; i++) {
    uint64_t x = v[i];
    size_t j = i;
    while (j > 0 && v[j - 1] > x) {
      v[j] = v[j - 1];
      j--;
    }
    v[j] = x;
  }
}

static size_t td_u64_uniq(uint64_t *v, size_t n) {
  if (!n)
    return 0;
  td_u64_sort(v, n);
  size_t k = 1;
  for (size_t i = 1; i < n; i++)
    if (v[i] != v[k - 1])
      v[k++] = v[i];
  return k;
}

/* Words, names and numbers as features; word pairs into the MinHash. */
static void td_dg_words(td_dg *g) {
  td_digest *d = g->d;
  char f[TD_FORM_MAX];
  uint64_t prev = 0;
  uint32_t mh[TD_LK_MINHASH];
  for (size_t k = 0; k < TD_LK_MINHASH; k++)
    mh[k] = UINT32_MAX;
  size_t nsh = 0;
  for (size_t s = 0; s < g->nsent; s++) {
    prev = 0;
    for (uint32_t i = g->sent[s].tok_first; i < g->sent[s].tok_end; i++) {
      g->tok_sent[i] = (uint32_t)s;
      const td_token *t = &g->tok[i];
      if (t->kind == TD_TOK_NUM) {
        char digits[32];
        size_t m = 0;
        for (uint32_t b = t->start; b < t->end && m < sizeof(digits); b++)
          if (g->text[b] != ',')
            digits[m++] = g->text[b];
        td_vec_push(&g->feat, td_lk_word_hash(digits, m) | TD_LK_FNUM);
        continue;
      }
      if (t->kind != TD_TOK_WORD)
        continue;
      size_t n = td_dg_fold(g, i, f);
      if (!n)
        continue;
      /* a plural's -s off, so "talks" and "talk" meet */
      if (n > 4 && f[n - 1] == 's' && f[n - 2] != 's')
        n--;
      uint64_t h = td_lk_word_hash(f, n);
      g->whash[i] = h;
      uint32_t cls = td_lw_class(g->w, f, n);
      g->wcls[i] = (uint8_t)(cls < TD_LW_UNIT ? cls : 0);
      if (cls == TD_LW_STOP || n < 3)
        continue;
      bool name = (t->flags & TD_TF_CAP) && i > g->sent[s].tok_first;
      td_vec_push(&g->feat, h | (name ? TD_LK_FNAME : TD_LK_FWORD));
      if (prev) {
        /* one-permutation MinHash: the pair's hash picks a bin and
         * competes for its minimum */
        uint64_t sh = (prev * 0x9E3779B97F4A7C15ull) ^ h;
        sh ^= sh >> 29;
        sh *= 0xBF58476D1CE4E5B9ull;
        sh ^= sh >> 32;
        uint32_t bin = (uint32_t)(sh % TD_LK_MINHASH);
        uint32_t v = (uint32_t)(sh >> 32);
        if (v < mh[bin])
          mh[bin] = v;
        nsh++;
      }
      prev = h;
    }
  }
  if (nsh) {
    /* densify: an empty bin takes the next filled bin's value, rotated */
    for (size_t k = 0; k < TD_LK_MINHASH; k++) {
      if (mh[k] != UINT32_MAX)
        continue;
      for (size_t s = 1; s < TD_LK_MINHASH; s++) {
        uint32_t v = mh[(k + s) % TD_LK_MINHASH];
        if (v != UINT32_MAX) {
          mh[k] = v + (uint32_t)s * 0x9E3779B9u;
          break;
        }
      }
    }
    memcpy(d->minhash, mh, sizeof(mh));
    d->has_minhash = true;
  }
}

/* Words of the context of a fact: the nearest of its sentence. */
#define TD_LK_CTX 8

/* The sorted words of sentence s outside [skip_start, skip_end), the
 * TD_LK_CTX nearest to it. */
static void td_dg_context(td_dg *g, td_lk_fact *f, uint32_t s,
                          uint32_t skip_start, uint32_t skip_end) {
  uint64_t buf[256];
  size_t n = 0;
  if (s >= g->nsent)
    return;
  /* the words nearest the fact first, out to TD_LK_CTX of them */
  uint32_t lo = g->sent[s].tok_first, hi = g->sent[s].tok_end;
  uint32_t at = lo;
  while (at < hi && g->tok[at].end <= skip_start)
    at++;
  uint32_t left = at, right = at;
  while (n < TD_LK_CTX && (left > lo || right < hi)) {
    for (int side = 0; side < 2 && n < TD_LK_CTX; side++) {
      uint32_t i;
      if (side == 0) {
        if (left <= lo)
          continue;
        i = --left;
      } else {
        if (right >= hi)
          continue;
        i = right++;
      }
      if (!g->whash[i] || g->wcls[i] == TD_LW_STOP)
        continue;
      if (g->tok[i].start >= skip_start && g->tok[i].end <= skip_end)
        continue;
      buf[n++] = g->whash[i];
    }
  }
  n = td_u64_uniq(buf, n);
  f->ctx = td_arena_alloc(&g->d->arena, (n ? n : 1) * sizeof(uint64_t));
  memcpy(f->ctx, buf, n * sizeof(uint64_t));
  f->nctx = (uint16_t)n;
}

/* The sentence holding byte offset b. */
static uint32_t td_dg_sentence_at(td_dg *g, uint32_t b) {
  size_t lo = 0, hi = g->nsent;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (g->sent[mid].span.end <= b)
      lo = mid + 1;
    else
      hi = mid;
  }
  return (uint32_t)(lo < g->nsent ? lo : g->nsent ? g->nsent - 1 : 0);
}

static td_lk_fact *td_dg_fact(td_dg *g, td_lk_kind kind, td_span span) {
  td_lk_fact f;
  memset(&f, 0, sizeof(f));
  f.kind = (uint8_t)kind;
  f.start = span.start;
  f.end = span.end;
  f.sentence = td_dg_sentence_at(g, span.start);
  f.text = td_dg_span(g, span);
  f.event = -1;
  f.anchor = -1;
  td_dg_context(g, &f, f.sentence, span.start, span.end);
  td_vec_push(&g->facts, f);
  return &g->facts.v[g->facts.n - 1];
}

static uint8_t td_dg_bound(const char *approx) {
  if (!approx)
    return TD_LK_EXACT;
  if (!strcmp(approx, "about"))
    return TD_LK_ABOUT;
  if (!strcmp(approx, "more_than") || !strcmp(approx, "at_least"))
    return TD_LK_MORE;
  if (!strcmp(approx, "less_than") || !strcmp(approx, "up_to"))
    return TD_LK_LESS;
  return TD_LK_VAGUE;
}

/* The country an entity overlapping [a, b) names (first three letters of
 * its code), or NULL. */
static const char *td_dg_country_in(td_dg *g, uint32_t a, uint32_t b) {
  size_t ne = td_doc_nentities(g->doc);
  for (size_t i = 0; i < ne; i++) {
    td_entity_info e;
    if (!td_doc_entity(g->doc, i, &e) || !e.code || strlen(e.code) < 3)
      continue;
    if (e.span.end <= a || e.span.start >= b)
      continue;
    if (e.code[0] == '-' || (e.code[0] == 'I' && e.code[1] == 'G' &&
                             e.code[2] == 'O'))
      continue;
    return td_dg_str(g, e.code, 3);
  }
  return NULL;
}

static void td_dg_counts(td_dg *g) {
  size_t nq = td_doc_nquantities(g->doc);
  char f[TD_FORM_MAX];
  for (size_t i = 0; i < nq; i++) {
    td_quantity_info q;
    if (!td_doc_quantity(g->doc, i, &q))
      continue;
    uint8_t bound = td_dg_bound(q.approx);
    if (bound == TD_LK_VAGUE)
      continue; /* "several", "dozens": nothing to compare */
    /* the unit's class: its last word (the head), else the words
     * themselves; money and percent are their own class */
    char key[160];
    const char *cls = NULL;
    if (q.unit && q.unit_span.end > q.unit_span.start) {
      uint32_t head_end = q.unit_span.end;
      /* "citizens of Tajikistan": the head is before "of" */
      for (uint32_t b = q.unit_span.start; b + 4 <= q.unit_span.end; b++)
        if (!memcmp(g->text + b, " of ", 4)) {
          head_end = b;
          break;
        }
      uint32_t hs = head_end;
      while (hs > q.unit_span.start && g->text[hs - 1] != ' ')
        hs--;
      size_t n = head_end - hs < TD_FORM_MAX
                     ? td_dg_fold_str(g, g->text + hs, head_end - hs, f)
                     : 0;
      if (n)
        cls = td_lw_unit(g->w, f, n);
      if (!cls && n)
        cls = td_dg_str(g, f, n > 4 && f[n - 1] == 's' ? n - 1 : n);
    } else if (q.unit)
      cls = q.unit;
    if (!cls)
      cls = "";
    uint32_t cs = q.unit_span.end > q.unit_span.start ? q.unit_span.start
                                                      : q.span.start;
    const char *cc = td_dg_country_in(g, cs, q.span.end + 24 < g->len
                                                 ? q.span.end + 24
                                                 : (uint32_t)g->len);
    snprintf(key, sizeof(key), "%s/%s", cls, cc ? cc : "");
    td_lk_fact *fa = td_dg_fact(g, TD_LK_COUNT, q.span);
    fa->value = q.value;
    fa->bound = bound;
    fa->key = td_dg_str(g, key, strlen(key));
    fa->label = q.unit ? td_dg_str(g, q.unit, strlen(q.unit)) : NULL;
  }
}

/* The first token that ends after byte b. */
static size_t td_dg_token_at(td_dg *g, uint32_t b) {
  size_t lo = 0, hi = g->ntok;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (g->tok[mid].end <= b)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Seconds in a TimeML duration ("P44D", "PT2H", "P5Y"); 0 if none. */
static double td_dg_seconds(const char *v) {
  if (!v || v[0] != 'P')
    return 0;
  double total = 0, num = 0;
  bool time = false, digits = false;
  for (const char *p = v + 1; *p; p++) {
    if (*p == 'T') {
      time = true;
      continue;
    }
    if ((*p >= '0' && *p <= '9') || *p == '.') {
      num = strtod(p, (char **)&p);
      p--;
      digits = true;
      continue;
    }
    if (!digits)
      return 0; /* "PXY": a duration of unknown length */
    double u = 0;
    switch (*p) {
    case 'Y': u = 365.25 * 86400; break;
    case 'M': u = time ? 60 : 30.44 * 86400; break;
    case 'W': u = 7 * 86400; break;
    case 'D': u = 86400; break;
    case 'H': u = 3600; break;
    case 'S': u = 1; break;
    case 'E': u = 3652.5 * 86400; break; /* decade (DE) */
    default: return 0;
    }
    total += num * u;
    digits = false;
  }
  return total;
}

static void td_dg_times(td_dg *g) {
  size_t nt = td_doc_ntimes(g->doc);
  const td_dateline *dl = td_doc_dateline(g->doc);
  for (size_t i = 0; i < nt; i++) {
    td_time t;
    if (!td_doc_time(g->doc, i, &t) || !t.value)
      continue;
    if (dl && t.span.start >= dl->span.start && t.span.end <= dl->span.end)
      continue; /* the dateline's date is the story's */
    if (!strcmp(t.type, "DURATION")) {
      double s = td_dg_seconds(t.value);
      if (s <= 0)
        continue;
      td_lk_fact *f = td_dg_fact(g, TD_LK_DURATION, t.span);
      f->value = s;
      size_t ti = td_dg_token_at(g, t.span.start);
      if (ti > 0 && ti <= g->ntok) {
        char w[TD_FORM_MAX];
        size_t n = td_dg_fold(g, ti - 1, w);
        f->renewal = (n == 7 && !memcmp(w, "another", 7)) ||
                     (n == 7 && !memcmp(w, "further", 7)) ||
                     (n == 10 && !memcmp(w, "additional", 10));
      }
      f->key = "";
      f->bound = t.mod && (!strcmp(t.mod, "APPROX") || !strcmp(t.mod, "MID"))
                     ? TD_LK_ABOUT
                 : t.mod && (!strcmp(t.mod, "MORE_THAN") ||
                             !strcmp(t.mod, "EQUAL_OR_MORE"))
                     ? TD_LK_MORE
                 : t.mod && (!strcmp(t.mod, "LESS_THAN") ||
                             !strcmp(t.mod, "EQUAL_OR_LESS"))
                     ? TD_LK_LESS
                     : TD_LK_EXACT;
      f->label = td_dg_str(g, t.value, strlen(t.value));
    } else if (!strcmp(t.type, "DATE")) {
      td_lk_when w;
      if (!td_lk_when_parse(t.value, &w))
        continue;
      /* the year a date falls in tells one happening from another of its
       * kind ("rehab" in 2008 and in 2013) */
      td_vec_push(&g->feat, td_lk_word_hash(t.value, 4) | TD_LK_FDATE);
      if (w.gran < TD_GRAN_MONTH)
        continue;
      td_vec_push(&g->feat, td_lk_word_hash(t.value, strlen(t.value)) |
                                TD_LK_FDATE);
      td_lk_fact *f = td_dg_fact(g, TD_LK_DATE, t.span);
      f->when = w;
      f->key = "";
      f->label = td_dg_str(g, t.value, strlen(t.value));
    }
  }
}

static void td_dg_places(td_dg *g) {
  size_t np = td_doc_nplaces(g->doc);
  char f[TD_FORM_MAX];
  for (size_t i = 0; i < np; i++) {
    td_place_info p;
    if (!td_doc_place(g->doc, i, &p) || p.dateline || !p.name)
      continue;
    size_t n = strlen(p.name);
    if (n >= TD_FORM_MAX)
      continue;
    n = td_dg_fold_str(g, p.name, n, f);
    if (!n)
      continue;
    if (p.feature && (!strcmp(p.feature, "country") ||
                      !strcmp(p.feature, "PCLI")))
      continue; /* a country is an actor more than a place of the story */
    td_vec_push(&g->feat, td_lk_word_hash(f, n) | TD_LK_FNAME);
    bool seen = false; /* one fact per place and document */
    for (size_t k = 0; k < g->facts.n && !seen; k++)
      seen = g->facts.v[k].kind == TD_LK_PLACE && !strcmp(g->facts.v[k].key, f);
    if (seen)
      continue;
    td_lk_fact *fa = td_dg_fact(g, TD_LK_PLACE, p.span);
    fa->key = td_dg_str(g, f, n);
    fa->label = td_dg_str(g, p.name, strlen(p.name));
    fa->extra = p.country ? td_dg_str(g, p.country, strlen(p.country)) : NULL;
  }
}

/* Folds a name word by word into out ("dragan djurovic"), with the
 * romanisations that write one letter two ways made one (Serbian đ as
 * "dj" or "d"). Returns the length. */
static size_t td_dg_fold_name(td_dg *g, const char *name, char *out,
                              size_t cap) {
  size_t o = 0;
  const char *p = name;
  while (*p && o + 1 < cap) {
    while (*p == ' ')
      p++;
    const char *e = p;
    while (*e && *e != ' ')
      e++;
    if (e == p)
      break;
    char f[TD_FORM_MAX];
    size_t n = (size_t)(e - p) < TD_FORM_MAX
                   ? td_dg_fold_str(g, p, (size_t)(e - p), f)
                   : 0;
    for (size_t k = 0; k < n && o + 2 < cap; k++) {
      out[o++] = f[k];
      if (f[k] == 'd' && f[k + 1] == 'j')
        k++; /* dj = đ, folded to d */
    }
    if (o + 1 < cap)
      out[o++] = ' ';
    p = e;
  }
  while (o && out[o - 1] == ' ')
    o--;
  out[o] = 0;
  return o;
}

static void td_dg_names(td_dg *g) {
  size_t ne = td_doc_nentities(g->doc);
  for (size_t i = 0; i < ne; i++) {
    td_entity_info e;
    if (!td_doc_entity(g->doc, i, &e) || strcmp(e.kind, "person") ||
        !e.name || e.ref >= 0)
      continue;
    char key[192];
    if (!td_dg_fold_name(g, e.name, key, sizeof(key)))
      continue;
    /* one fact per person and document */
    bool seen = false;
    for (size_t k = 0; k < g->facts.n && !seen; k++)
      seen = g->facts.v[k].kind == TD_LK_NAME &&
             !strcmp(g->facts.v[k].key, key);
    if (seen)
      continue;
    td_lk_fact *f = td_dg_fact(g, TD_LK_NAME, e.span);
    f->key = td_dg_str(g, key, strlen(key));
    f->label = td_dg_str(g, e.name, strlen(e.name));
    const char *role = e.title ? e.title : e.role;
    f->extra = role ? td_dg_str(g, role, strlen(role)) : NULL;
    if (e.code)
      f->value = 0;
    /* the words of the name are names of the document */
    const char *p = key;
    while (*p) {
      const char *q = strchr(p, ' ');
      size_t n = q ? (size_t)(q - p) : strlen(p);
      td_vec_push(&g->feat, td_lk_word_hash(p, n) | TD_LK_FNAME);
      p += n;
      while (*p == ' ')
        p++;
    }
  }
}

/* A modifier that belongs to a phrase naming an event: "anti-terrorist",
 * "counterterrorism", "military", "unprovoked". */
static bool td_dg_modifier(td_dg *g, size_t i) {
  const td_token *t = &g->tok[i];
  if (t->kind != TD_TOK_WORD || (t->flags & TD_TF_CAP) ||
      g->wcls[i] == TD_LW_STOP)
    return false;
  if (t->flags & TD_TF_HYPHEN)
    return true;
  static const char *suf[] = {"ist", "ic",  "al",  "ary", "ive", "ous",
                              "ism", "ian", "ful", "ile", "ed",  "less",
                              "ing", "ory", "ern"};
  size_t n = t->end - t->start;
  const char *s = g->text + t->start;
  for (size_t k = 0; k < TD_COUNT(suf); k++) {
    size_t m = strlen(suf[k]);
    if (n > m + 2 && !memcmp(s + n - m, suf[k], m))
      return true;
  }
  return false;
}

/* A word ending in -ed after the phrase is its verb ("the regime ceased"),
 * not part of it. */
static bool td_dg_past(td_dg *g, size_t i) {
  const td_token *t = &g->tok[i];
  size_t n = t->end - t->start;
  return n > 3 && !memcmp(g->text + t->end - 2, "ed", 2);
}

/* Phrases with a loaded word: the word, the modifiers before it and the
 * noun phrase it opens or ends ("armed aggression by Tajikistan" as
 * "armed aggression"), one fact per phrase, keyed by the loaded word. */
static void td_dg_frames(td_dg *g) {
  char f[TD_FORM_MAX];
  for (size_t s = 0; s < g->nsent; s++) {
    uint32_t lo = g->sent[s].tok_first, hi = g->sent[s].tok_end;
    for (uint32_t i = lo; i < hi; i++) {
      if (g->wcls[i] != TD_LW_FRAME || (g->tok[i].flags & TD_TF_CAP &&
                                        i > lo))
        continue;
      uint32_t a = i, b = i;
      /* modifiers before: adjectives ("armed", "large-scale") */
      while (a > lo && i - a < 2 && td_dg_modifier(g, a - 1) &&
             !(g->tok[a - 1].flags & TD_TF_CLITIC))
        a--;
      /* the head after an adjective: up to two lower-case words */
      while (b + 1 < hi && b - i < 2 && g->tok[b + 1].kind == TD_TOK_WORD &&
             !(g->tok[b + 1].flags & (TD_TF_CAP | TD_TF_CLITIC)) &&
             g->whash[b + 1] && g->wcls[b + 1] != TD_LW_STOP &&
             !td_dg_past(g, b + 1))
        b++;
      td_span sp = {g->tok[a].start, g->tok[b].end};
      size_t n = td_dg_fold(g, i, f);
      td_lk_fact *fa = td_dg_fact(g, TD_LK_FRAME, sp);
      fa->key = td_dg_str(g, f, n);
      fa->label = fa->text;
      i = b;
    }
  }
}

static void td_dg_quotes(td_dg *g) {
  size_t nq = td_doc_nquotes(g->doc);
  for (size_t i = 0; i < nq; i++) {
    td_quote_info q;
    if (!td_doc_quote(g->doc, i, &q) || !q.direct)
      continue;
    const char *who = NULL;
    char key[192] = "";
    if (q.ref >= 0) {
      td_entity_info e;
      if (td_doc_entity(g->doc, (size_t)q.ref, &e)) {
        who = e.name;
        if (!who && e.code)
          who = e.code;
      }
    }
    td_lk_fact *f = td_dg_fact(g, TD_LK_QUOTE, q.content);
    if (who)
      td_dg_fold_name(g, who, key, sizeof(key));
    else if (q.has_speaker) {
      const char *sp = td_dg_span(g, q.speaker);
      td_dg_fold_name(g, sp, key, sizeof(key));
      who = sp;
    }
    f->key = td_dg_str(g, key, strlen(key));
    f->label = who ? td_dg_str(g, who, strlen(who)) : NULL;
    /* a quote is compared by its own words */
    uint64_t buf[512];
    size_t n = 0;
    for (size_t t = 0; t < g->ntok && n < 512; t++)
      if (g->tok[t].start >= q.content.start &&
          g->tok[t].end <= q.content.end && g->whash[t] &&
          g->wcls[t] != TD_LW_STOP)
        buf[n++] = g->whash[t];
    n = td_u64_uniq(buf, n);
    f->ctx = td_arena_alloc(&g->d->arena, (n ? n : 1) * sizeof(uint64_t));
    memcpy(f->ctx, buf, n * sizeof(uint64_t));
    f->nctx = (uint16_t)n;
  }
}


static td_lk_actor *td_dg_actors(td_dg *g, const td_event_actor *a, size_t n,
                                 uint16_t *out_n) {
  td_lk_actor *v = td_arena_alloc(&g->d->arena, (n ? n : 1) * sizeof(*v));
  size_t k = 0;
  for (size_t i = 0; i < n && k < UINT16_MAX; i++) {
    v[k].code = a[i].code ? td_dg_str(g, a[i].code, strlen(a[i].code)) : NULL;
    v[k].text = td_dg_span(g, a[i].span);
    k++;
  }
  *out_n = (uint16_t)k;
  return v;
}

static const char *td_dg_cstr(td_dg *g, const char *s) {
  return s ? td_dg_str(g, s, strlen(s)) : NULL;
}

static void td_dg_events(td_dg *g) {
  size_t ne = td_doc_nevents(g->doc);
  td_digest *d = g->d;
  d->events = td_arena_alloc(&d->arena, (ne ? ne : 1) * sizeof(td_lk_event));
  for (size_t i = 0; i < ne; i++) {
    td_event_info e;
    if (!td_doc_event(g->doc, i, &e) || !e.code)
      continue;
    td_lk_event *x = &d->events[d->nevents];
    memset(x, 0, sizeof(*x));
    x->start = e.span.start;
    x->end = e.span.end;
    x->sentence = e.sentence;
    x->text = td_dg_span(g, e.span);
    /* the phrase: the trigger and the modifiers just before it */
    size_t t = td_dg_token_at(g, e.trigger.start);
    size_t first = t;
    size_t tn = e.trigger.end - e.trigger.start;
    bool verb = tn > 2 && !memcmp(g->text + e.trigger.end - 2, "ed", 2);
    while (!verb && first > 0 && t - first < 2 && first - 1 < g->ntok &&
           g->tok_sent[first - 1] == g->tok_sent[t] &&
           td_dg_modifier(g, first - 1))
      first--;
    td_span ph = {first < g->ntok ? g->tok[first].start : e.trigger.start,
                  e.trigger.end};
    x->phrase = td_dg_span(g, ph);
    for (size_t k = t; k < g->ntok && g->tok[k].start < e.trigger.end; k++)
      x->ends |= g->wcls[k] == TD_LW_END;
    x->code = td_dg_cstr(g, e.code);
    x->root = td_dg_cstr(g, e.root);
    x->plover = td_dg_cstr(g, e.plover);
    x->mode = td_dg_cstr(g, e.mode);
    x->quad = e.quad;
    x->goldstein = e.goldstein;
    x->src = td_dg_actors(g, e.sources, e.nsources, &x->nsrc);
    x->tgt = td_dg_actors(g, e.targets, e.ntargets, &x->ntgt);
    x->date = td_dg_cstr(g, e.date);
    td_lk_when_parse(e.date, &x->when);
    x->date_from = (uint8_t)e.date_from;
    if (e.timex >= 0) {
      td_time tm;
      if (td_doc_time(g->doc, (size_t)e.timex, &tm)) {
        x->date_span = tm.span;
        x->date_text = td_dg_span(g, tm.span);
      }
    }
    if (e.place >= 0) {
      td_place_info p;
      if (td_doc_place(g->doc, (size_t)e.place, &p)) {
        x->place = td_dg_cstr(g, p.name);
        x->place_cc = td_dg_cstr(g, p.country);
        x->place_span = p.span;
        x->place_dateline = e.place_dateline;
        x->place_text = td_dg_span(g, p.span);
        x->place_area = p.feature && (strstr(p.feature, "region") ||
                                      strstr(p.feature, "province") ||
                                      strstr(p.feature, "district") ||
                                      strstr(p.feature, "country") ||
                                      strstr(p.feature, "state") ||
                                      !strncmp(p.feature, "ADM", 3) ||
                                      !strncmp(p.feature, "PCL", 3));
      }
    }
    x->modality = e.modality;
    if (e.quote >= 0) {
      td_quote_info q;
      if (td_doc_quote(g->doc, (size_t)e.quote, &q) && q.has_speaker)
        x->claimed_by = td_dg_span(g, q.speaker);
    }
    /* actors as features: who is in the story */
    for (size_t k = 0; k < x->nsrc + x->ntgt; k++) {
      const td_lk_actor *a = k < x->nsrc ? &x->src[k] : &x->tgt[k - x->nsrc];
      if (a->code)
        td_vec_push(&g->feat, td_lk_word_hash(a->code, strlen(a->code)) |
                                  TD_LK_FNAME);
    }
    d->nevents++;
  }
}

/* Ties each fact to the event of its sentence nearest to it. */
static void td_dg_attach(td_dg *g) {
  td_digest *d = g->d;
  for (size_t i = 0; i < g->facts.n; i++) {
    td_lk_fact *f = &g->facts.v[i];
    long best = -1, bestd = LONG_MAX;
    for (size_t k = 0; k < d->nevents; k++) {
      const td_lk_event *e = &d->events[k];
      if (e->sentence != f->sentence)
        continue;
      long dist = e->start > f->end ? (long)e->start - f->end
                  : f->start > e->end ? (long)f->start - e->end
                                      : 0;
      if (dist < bestd) {
        bestd = dist;
        best = (long)k;
      }
    }
    f->event = (int32_t)best;
    /* the anchor of a term */
    f->anchor = -1;
    if (f->kind != TD_LK_DURATION || f->sentence >= g->nsent)
      continue;
    uint32_t para = g->sent[f->sentence].para;
    uint32_t best_start = 0;
    for (size_t k = 0; k < d->nevents; k++) {
      const td_lk_event *e = &d->events[k];
      if (!e->when.gran || e->date_from != TD_DATE_TIMEX ||
          e->sentence > f->sentence || e->sentence >= g->nsent ||
          g->sent[e->sentence].para != para)
        continue;
      bool same = e->sentence == f->sentence;
      if (f->anchor < 0 || same || e->start > best_start) {
        if (f->anchor >= 0 && !same &&
            d->events[f->anchor].sentence == f->sentence)
          continue;
        f->anchor = (int32_t)k;
        best_start = e->start;
      }
    }
  }
}

td_digest *td_digest_new(const td_doc *doc, const td_ctx *ctx,
                         const td_link_words *words) {
  td_digest *d = td_calloc(1, sizeof(*d));
  /* a digest is kept for the life of the collection: blocks that leave
   * little unused (the default 16 KiB would waste most of one per
   * document) */
  d->arena.block = 4096;
  td_dg g;
  memset(&g, 0, sizeof(g));
  g.d = d;
  g.doc = doc;
  g.ctx = ctx;
  g.w = words;
  g.text = td_doc_text(doc, &g.len);
  g.tok = td_doc_tokens(doc);
  g.ntok = td_doc_ntokens(doc);
  g.sent = td_doc_sentences(doc);
  g.nsent = td_doc_nsentences(doc);
  g.tok_sent = td_calloc(g.ntok + 1, sizeof(uint32_t));
  g.whash = td_calloc(g.ntok + 1, sizeof(uint64_t));
  g.wcls = td_calloc(g.ntok + 1, 1);
  d->id = td_dg_cstr(&g, td_doc_id(doc));
  d->path = td_dg_cstr(&g, td_doc_path(doc));
  d->source = td_dg_cstr(&g, td_doc_source(doc));
  d->title = td_dg_cstr(&g, td_doc_title(doc));
  d->date = td_doc_date(doc);
  d->day = d->date.year && d->date.month && d->date.day
               ? td_days_from_civil(d->date.year, d->date.month, d->date.day)
               : LONG_MIN;
  d->bytes = g.len;
  d->nsentences = g.nsent;
  td_dg_words(&g);
  td_dg_events(&g);
  td_dg_counts(&g);
  td_dg_times(&g);
  td_dg_places(&g);
  td_dg_names(&g);
  td_dg_quotes(&g);
  td_dg_frames(&g);
  td_dg_attach(&g);
  d->nfeat = td_u64_uniq(g.feat.v, g.feat.n);
  d->feat = td_arena_alloc(&d->arena, (d->nfeat ? d->nfeat : 1) * 8);
  if (d->nfeat)
    memcpy(d->feat, g.feat.v, d->nfeat * sizeof(uint64_t));
  d->nfacts = g.facts.n;
  d->facts = td_arena_alloc(&d->arena,
                            (g.facts.n ? g.facts.n : 1) * sizeof(td_lk_fact));
  if (g.facts.n)
    memcpy(d->facts, g.facts.v, g.facts.n * sizeof(td_lk_fact));
  td_vec_free(&g.feat);
  td_vec_free(&g.facts);
  td_free(g.tok_sent);
  td_free(g.whash);
  td_free(g.wcls);
  return d;
}

void td_digest_free(td_digest *d) {
  if (!d)
    return;
  td_arena_free(&d->arena);
  td_free(d);
}
