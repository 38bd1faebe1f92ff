/*
 * brat.c — the brat standoff reader for attribution files (PolNeAR): T
 * lines (ID, kind, character spans, text), E lines (an attribution's
 * trigger and roles), the conversion of character offsets (Unicode code
 * points, as brat counts them) to byte offsets into the UTF-8 text, and
 * the checks that report a bad line with its file and line and go on.
 */
#include "brat.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* More pieces than this in one annotation is not an attribution (PolNeAR
 * has at most a handful); it is reported and skipped. */
#define TD_BRAT_MAX_PIECES 256

enum {
  TD_BK_OTHER = 0,
  TD_BK_SOURCE,
  TD_BK_CUE,
  TD_BK_CONTENT,
  TD_BK_DISCUSS,
  TD_BK_DISCARD
};

/* A T line: its spans (characters until converted) in a shared pool. */
typedef struct td_brat_t {
  long line;
  int kind;
  bool ok;           /* spans valid and converted to bytes */
  uint32_t first, n; /* in the pool */
  const char *text;  /* the text field, in the file; NULL if none */
  size_t text_len;
  size_t mark;       /* the E line and role that last took it, + 1 */
} td_brat_t;

/* An E line, resolved once every T line is known. */
typedef struct td_brat_e {
  long line;
  const char *args;
  size_t len;
} td_brat_e;

typedef struct td_brat_reader {
  td_brat *out;
  const char *path;
  td_diag_fn report;
  void *ud;
  TD_VEC(td_brat_t) ts;
  TD_VEC(td_brat_e) es;
  TD_VEC(td_span) pool; /* T spans */
  TD_VEC(td_diag) diags; /* reported in the order of their lines */
  td_strmap *tids, *eids;
} td_brat_reader;

static void td_brat_warn(td_brat_reader *R, long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void td_brat_warn(td_brat_reader *R, long line, const char *fmt, ...) {
  R->out->problems++;
  if (!R->report)
    return;
  td_diag d;
  memset(&d, 0, sizeof(d));
  d.severity = TD_WARNING;
  snprintf(d.path, sizeof(d.path), "%s", R->path ? R->path : "<brat>");
  d.line = line;
  d.byte = -1;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(d.msg, sizeof(d.msg), fmt, ap);
  va_end(ap);
  td_vec_push(&R->diags, d);
}

static int td_diag_line_cmp(const void *a, const void *b) {
  const td_diag *x = a, *y = b;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->byte < y->byte ? -1 : x->byte > y->byte;
}

/* At most max bytes of s for a message, cut at a character boundary, with
 * control characters as spaces and "..." when cut. */
static const char *td_excerpt(const char *s, size_t n, char *buf, size_t cap) {
  size_t max = cap - 4, k = n < max ? n : max;
  if (k < n)
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
      k--;
  for (size_t i = 0; i < k; i++)
    buf[i] = (unsigned char)s[i] < 0x20 ? ' ' : s[i];
  if (k < n)
    memcpy(buf + k, "...", 4);
  else
    buf[k] = 0;
  return buf;
}

static int td_kind_of(const char *s, size_t n) {
  static const struct {
    const char *name;
    int kind;
  } kinds[] = {{"Source", TD_BK_SOURCE},   {"Cue", TD_BK_CUE},
               {"Content", TD_BK_CONTENT}, {"Discuss", TD_BK_DISCUSS},
               {"Discard", TD_BK_DISCARD}};
  for (size_t i = 0; i < TD_COUNT(kinds); i++)
    if (strlen(kinds[i].name) == n && memcmp(kinds[i].name, s, n) == 0)
      return kinds[i].kind;
  return TD_BK_OTHER;
}

/* A decimal number of at most 10 digits; false if s is not one. */
static bool td_parse_uint(const char *s, size_t n, uint64_t *out) {
  if (n == 0 || n > 10)
    return false;
  uint64_t v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return false;
    v = v * 10 + (uint64_t)(s[i] - '0');
  }
  *out = v;
  return true;
}

/* "START END;START END..." into the pool (characters); false after
 * reporting what is wrong. */
static bool td_parse_spans(td_brat_reader *R, long line, const char *s,
                           size_t n, td_brat_t *t) {
  t->first = (uint32_t)R->pool.n;
  const char *p = s, *end = s + n;
  char ex[64];
  for (;;) {
    const char *semi = memchr(p, ';', (size_t)(end - p));
    const char *pe = semi ? semi : end;
    const char *sp = memchr(p, ' ', (size_t)(pe - p));
    uint64_t a, b;
    if (!sp || !td_parse_uint(p, (size_t)(sp - p), &a) ||
        !td_parse_uint(sp + 1, (size_t)(pe - sp - 1), &b)) {
      td_brat_warn(R, line, "bad span \"%s\" (expected START END, several "
                            "joined by ';'); annotation skipped",
                   td_excerpt(p, (size_t)(pe - p), ex, sizeof(ex)));
      return false;
    }
    if (a > UINT32_MAX || b > UINT32_MAX) {
      td_brat_warn(R, line, "span %llu %llu: offset too large; annotation "
                            "skipped", (unsigned long long)a,
                   (unsigned long long)b);
      return false;
    }
    if (a >= b) {
      td_brat_warn(R, line, "span %llu %llu is %s; annotation skipped",
                   (unsigned long long)a, (unsigned long long)b,
                   a == b ? "empty" : "backwards (ends before it starts)");
      return false;
    }
    if (t->n == TD_BRAT_MAX_PIECES) {
      td_brat_warn(R, line, "more than %d spans; annotation skipped",
                   TD_BRAT_MAX_PIECES);
      return false;
    }
    td_span sp2 = {(uint32_t)a, (uint32_t)b};
    td_vec_push(&R->pool, sp2);
    t->n++;
    if (!semi)
      return true;
    p = semi + 1;
  }
}

static void td_parse_t(td_brat_reader *R, long line, const char *id,
                       size_t idn, const char *rest, size_t n) {
  td_brat_t t;
  memset(&t, 0, sizeof(t));
  t.line = line;
  uint32_t dup;
  if (td_strmap_get(R->tids, id, idn, &dup)) {
    td_brat_warn(R, line, "duplicate ID %.*s (first on line %ld); skipped",
                 (int)TD_MIN(idn, 32), id, R->ts.v[dup].line);
    return;
  }
  const char *tab = memchr(rest, '\t', n);
  size_t mid = tab ? (size_t)(tab - rest) : n;
  if (tab) {
    t.text = tab + 1;
    t.text_len = n - mid - 1;
  }
  const char *sp = memchr(rest, ' ', mid);
  if (!sp || sp == rest) {
    char ex[64];
    td_brat_warn(R, line, "no %s (expected ID<TAB>KIND START END<TAB>TEXT): "
                          "\"%s\"; skipped", sp ? "kind" : "span",
                 td_excerpt(rest, mid, ex, sizeof(ex)));
    return;
  }
  t.kind = td_kind_of(rest, (size_t)(sp - rest));
  if (t.kind == TD_BK_DISCUSS)
    R->out->discuss++;
  else if (t.kind == TD_BK_DISCARD)
    R->out->discard++;
  t.ok = td_parse_spans(R, line, sp + 1, mid - (size_t)(sp + 1 - rest), &t);
  if (!t.ok) {
    R->pool.n = t.first;
    t.n = 0;
  }
  td_strmap_put(R->tids, id, idn, (uint32_t)R->ts.n);
  td_vec_push(&R->ts, t);
}

static void td_parse_line(td_brat_reader *R, long line, const char *s,
                          size_t n) {
  if (n && s[n - 1] == '\r')
    n--;
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\t'))
    i++;
  if (i == n || s[0] == '#')
    return; /* blank, or an annotator's note */
  char ex[64];
  const char *tab = memchr(s, '\t', n);
  if (!tab || tab == s || memchr(s, ' ', (size_t)(tab - s))) {
    td_brat_warn(R, line, "not an annotation (expected ID<TAB>...; the rest "
                          "of an annotation's text that held a line "
                          "break?): \"%s\"; skipped",
                 td_excerpt(s, n, ex, sizeof(ex)));
    return;
  }
  size_t idn = (size_t)(tab - s);
  const char *rest = tab + 1;
  size_t rn = n - idn - 1;
  switch (s[0]) {
  case 'T':
    td_parse_t(R, line, s, idn, rest, rn);
    return;
  case 'E': {
    uint32_t dup;
    if (td_strmap_get(R->eids, s, idn, &dup)) {
      td_brat_warn(R, line, "duplicate ID %.*s (first on line %ld); skipped",
                   (int)TD_MIN(idn, 32), s, R->es.v[dup].line);
      return;
    }
    td_strmap_put(R->eids, s, idn, (uint32_t)R->es.n);
    td_brat_e e = {line, rest, rn};
    td_vec_push(&R->es, e);
    return;
  }
  case 'R': case 'A': case 'N': case 'M': case '*':
    return; /* relations, attributes, normalisations: not used */
  default:
    td_brat_warn(R, line, "unknown annotation type \"%s\"; skipped",
                 td_excerpt(s, idn, ex, sizeof(ex)));
  }
}

/* Byte offsets of every 64th character, to convert character offsets. */
typedef struct td_char_index {
  uint32_t *every;
  size_t nchars;
} td_char_index;

/* A character starts at every byte that is not a UTF-8 continuation byte
 * (so an invalid byte counts as one character). */
static void td_char_index_build(td_char_index *ix, const char *s, size_t n) {
  size_t cap = n / 64 + 2, k = 0;
  ix->every = td_malloc(cap * sizeof(uint32_t));
  ix->nchars = 0;
  for (size_t i = 0; i < n; i++) {
    if (((unsigned char)s[i] & 0xC0) == 0x80)
      continue;
    if (ix->nchars % 64 == 0)
      ix->every[k++] = (uint32_t)i;
    ix->nchars++;
  }
}

static uint32_t td_char_to_byte(const td_char_index *ix, const char *s,
                                size_t n, size_t c) {
  if (c >= ix->nchars)
    return (uint32_t)n;
  size_t i = ix->every[c / 64], left = c % 64;
  while (left) {
    i++;
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
      i++;
    left--;
  }
  return (uint32_t)i;
}

/* Compares a text field with the text it should be, a byte at a time,
 * keeping the start of the latter for a message. */
typedef struct td_text_cmp {
  const char *f;
  size_t fn, pos;
  char *out;
  size_t o, cap;
  bool same;
} td_text_cmp;

/* False when there is no need to go on. */
static bool td_text_put(td_text_cmp *c, char ch) {
  if (c->same && (c->pos >= c->fn || c->f[c->pos] != ch))
    c->same = false;
  c->pos++;
  if (c->o + 1 < c->cap)
    c->out[c->o++] = ch;
  else if (!c->same)
    return false;
  return true;
}

/* The text at T's pieces as brat writes it (joined by a space), up to the
 * first line break (the rest of the field spills onto the next lines of
 * the file): whether the text field is that, and the start of it in
 * out (at most cap - 1 bytes, NUL-terminated). */
static bool td_text_at(const td_brat_reader *R, const td_brat_t *t,
                       const char *text, char *out, size_t cap) {
  td_text_cmp c = {t->text, t->text_len, 0, out, 0, cap, true};
  bool more = true;
  for (uint32_t k = 0; k < t->n && more; k++) {
    const td_span *p = &R->pool.v[t->first + k];
    if (k)
      more = td_text_put(&c, ' ');
    for (size_t i = p->start; i < p->end && more; i++) {
      if (text[i] == '\n' ||
          (text[i] == '\r' && i + 1 < p->end && text[i + 1] == '\n'))
        goto done;
      more = td_text_put(&c, text[i]);
    }
  }
done:
  out[c.o] = 0;
  return c.same && c.pos == c.fn;
}

/* Converts T's character spans to bytes; checks they lie in the text and
 * that its text field is the text at them. */
static void td_convert_t(td_brat_reader *R, td_brat_t *t,
                         const td_char_index *ix, const char *text,
                         size_t len) {
  for (uint32_t k = 0; k < t->n; k++) {
    td_span *p = &R->pool.v[t->first + k];
    if (p->end > ix->nchars) {
      td_brat_warn(R, t->line, "span %u %u is past the end of the text (%zu "
                               "characters); annotation skipped",
                   p->start, p->end, ix->nchars);
      t->ok = false;
      return;
    }
  }
  for (uint32_t k = 0; k < t->n; k++) {
    td_span *p = &R->pool.v[t->first + k];
    p->start = td_char_to_byte(ix, text, len, p->start);
    p->end = td_char_to_byte(ix, text, len, p->end);
  }
  char want[96];
  if (t->text && !td_text_at(R, t, text, want, sizeof(want))) {
    char a[64], b[64];
    td_brat_warn(R, t->line, "the annotation's text \"%s\" is not the "
                             "text at its span \"%s\" (kept)",
                 td_excerpt(t->text, t->text_len, a, sizeof(a)),
                 td_excerpt(want, strlen(want), b, sizeof(b)));
  }
}

/* Appends T's byte spans to role set *set (whose pieces must be the last
 * of the output's pool). */
static void td_add_pieces(td_brat_reader *R, td_brat_set *set,
                          const td_brat_t *t) {
  if (set->n == 0)
    set->first = (uint32_t)R->out->pieces.n;
  for (uint32_t k = 0; k < t->n; k++)
    td_vec_push(&R->out->pieces, R->pool.v[t->first + k]);
  set->n += t->n;
}

static const char *td_kind_name(int kind) {
  return kind == TD_BK_DISCUSS ? "Discuss" : "Discard";
}

/* The role named by s (digits at the end, as in Content2, name a further
 * argument of the same role): 0 source, 1 cue, 2 content, -1 unknown. */
static int td_role_of(const char *s, size_t n) {
  while (n > 0 && s[n - 1] >= '0' && s[n - 1] <= '9')
    n--;
  int k = td_kind_of(s, n);
  return k == TD_BK_SOURCE ? 0 : k == TD_BK_CUE ? 1 : k == TD_BK_CONTENT ? 2
                                                                         : -1;
}

/* One attribution from an E line. Its roles are gathered one at a time so
 * that each role's pieces stay together in the output's pool. */
static void td_resolve_e(td_brat_reader *R, size_t ei, const td_brat_e *e) {
  char ex[64], ex2[64];
  td_brat_attr a;
  memset(&a, 0, sizeof(a));
  a.line = e->line;
  const char *end = e->args + e->len;
  bool any = false;
  for (int pass = -1; pass < 3; pass++) {
    td_brat_set *set = pass == 0 ? &a.source : pass == 1 ? &a.cue
                                                         : &a.content;
    bool first = true;
    size_t mark = ei * 3 + (size_t)pass + 1;
    for (const char *p = e->args; p < end;) {
      while (p < end && (*p == ' ' || *p == '\t'))
        p++;
      if (p == end)
        break;
      const char *q = p;
      while (q < end && *q != ' ' && *q != '\t')
        q++;
      size_t an = (size_t)(q - p);
      const char *colon = memchr(p, ':', an);
      bool trigger = first;
      first = false;
      if (!colon || colon == p || colon + 1 == q) {
        if (pass == -1)
          td_brat_warn(R, e->line, "bad argument \"%s\" (expected ROLE:ID); "
                                   "skipped",
                       td_excerpt(p, an, ex, sizeof(ex)));
        p = q;
        continue;
      }
      any = true;
      size_t rn = (size_t)(colon - p), idn = (size_t)(q - colon - 1);
      int role = trigger ? -2 : td_role_of(p, rn);
      uint32_t ti;
      bool known = td_strmap_get(R->tids, colon + 1, idn, &ti);
      const td_brat_t *t = known ? &R->ts.v[ti] : NULL;
      if (pass == -1) { /* checks, once */
        if (role == -1)
          td_brat_warn(R, e->line, "unknown role \"%s\" (expected Source, "
                                   "Cue or Content); skipped",
                       td_excerpt(p, rn, ex, sizeof(ex)));
        else if (!known)
          td_brat_warn(R, e->line, "%s refers to %s, which is not a text "
                                   "annotation of this file; skipped",
                       td_excerpt(p, rn, ex, sizeof(ex)),
                       td_excerpt(colon + 1, idn, ex2, sizeof(ex2)));
        else if (t->kind == TD_BK_DISCUSS || t->kind == TD_BK_DISCARD) {
          if (trigger) {
            td_brat_warn(R, e->line, "the trigger %s is a %s annotation, "
                                     "not an attribution; skipped",
                         td_excerpt(colon + 1, idn, ex2, sizeof(ex2)),
                         td_kind_name(t->kind));
            return;
          }
          td_brat_warn(R, e->line, "%s %s is a %s annotation; left out",
                       td_excerpt(p, rn, ex, sizeof(ex)),
                       td_excerpt(colon + 1, idn, ex2, sizeof(ex2)),
                       td_kind_name(t->kind));
        }
      } else if (role == pass && t && t->ok && t->kind != TD_BK_DISCUSS &&
                 t->kind != TD_BK_DISCARD && t->mark != mark) {
        R->ts.v[ti].mark = mark; /* a T counts once in a role */
        td_add_pieces(R, set, t);
      }
      p = q;
    }
  }
  if (!any) {
    td_brat_warn(R, e->line, "no ROLE:ID argument; skipped");
    return;
  }
  td_vec_push(&R->out->attrs, a);
}

void td_brat_read(td_brat *out, const char *path, const char *ann, size_t n,
                  const char *text, size_t len, td_diag_fn report, void *ud) {
  memset(out, 0, sizeof(*out));
  td_brat_reader R;
  memset(&R, 0, sizeof(R));
  R.out = out;
  R.path = path;
  R.report = report;
  R.ud = ud;
  R.tids = td_strmap_new();
  R.eids = td_strmap_new();
  out->lines = 1;
  for (size_t i = 0; i < n;) {
    const char *nl = memchr(ann + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - ann) : n;
    td_parse_line(&R, out->lines, ann + i, e - i);
    if (!nl)
      break;
    out->lines++;
    i = e + 1;
  }
  td_char_index ix;
  td_char_index_build(&ix, text ? text : "", text ? len : 0);
  for (size_t i = 0; i < R.ts.n; i++)
    if (R.ts.v[i].ok)
      td_convert_t(&R, &R.ts.v[i], &ix, text ? text : "", text ? len : 0);
  td_free(ix.every);
  for (size_t i = 0; i < R.es.n; i++)
    td_resolve_e(&R, i, &R.es.v[i]);
  /* qsort is not stable: the messages of one line keep their order by
   * sorting on (line, index) through the byte field, unused here */
  for (size_t i = 0; i < R.diags.n; i++)
    R.diags.v[i].byte = (long long)i;
  if (R.diags.n > 1)
    qsort(R.diags.v, R.diags.n, sizeof(td_diag), td_diag_line_cmp);
  for (size_t i = 0; i < R.diags.n; i++) {
    R.diags.v[i].byte = -1;
    report(ud, &R.diags.v[i]);
  }
  td_vec_free(&R.diags);
  td_vec_free(&R.ts);
  td_vec_free(&R.es);
  td_vec_free(&R.pool);
  td_strmap_free(R.tids);
  td_strmap_free(R.eids);
}

void td_brat_free(td_brat *b) {
  td_vec_free(&b->pieces);
  td_vec_free(&b->attrs);
}
