/*
 * ecbxml.c — ECB+ 1.0 documents (ecbxml.h). A small XML pull reader
 * (tags, attributes, text, comments; no DTD, no namespaces) collects the
 * tokens, markables and relations as written; a second pass resolves the
 * t_id and m_id references (so the order of the sections does not
 * matter), joins the tokens into the text and gives each anchored
 * mention its coreference cluster.
 */
#include "ecbxml.h"

#include "../core/data.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

/* ---- The pull reader ------------------------------------------------------ */

enum { EX_END, EX_OPEN, EX_CLOSE, EX_EMPTY, EX_TEXT, EX_ERROR };

typedef struct td_ex_tok {
  int kind;
  const char *name; /* tag name */
  size_t nlen;
  const char *attrs; /* the text between the name and '>' or '/>' */
  size_t alen;
  size_t start, end; /* the token's bytes */
  const char *why;   /* EX_ERROR */
} td_ex_tok;

/* What the first pass collects, as written. */
typedef struct td_ex_rawtok {
  size_t off, n;  /* decoded text in P->tokbuf */
  const char *id; /* t_id */
  uint32_t sent;
  size_t at;
} td_ex_rawtok;

typedef struct td_ex_ref { /* a token_anchor, source or target */
  const char *id;
  size_t at;
  bool target;
} td_ex_ref;

typedef TD_VEC(td_ex_ref) td_ex_refs;

typedef struct td_ex_mark {
  const char *kind, *id, *instance; /* instance_id or NULL */
  size_t at, r0, nr;                /* anchors in P->anchors */
  bool anchored;                    /* has token_anchor children */
} td_ex_mark;

enum { EX_REL_OTHER, EX_REL_CROSS, EX_REL_INTRA };

typedef struct td_ex_rel {
  int type;
  const char *kind, *note; /* note: NULL when missing */
  size_t at, r0, nr;       /* sources and targets in P->refs */
} td_ex_rel;

enum { EX_NONE, EX_MARKABLES, EX_RELATIONS };

typedef struct td_ex {
  td_ecb_doc *d;
  const char *path;
  const char *s;
  size_t n, pos;
  td_diag_fn fn;
  void *ud;
  TD_VEC(size_t) nl; /* offsets of the newlines, made at the first report */
  bool nl_made;
  td_buf tokbuf, scratch;
  TD_VEC(td_ex_rawtok) toks;
  TD_VEC(td_ex_mark) marks;
  td_ex_refs anchors;
  TD_VEC(td_ex_rel) rels;
  td_ex_refs refs;
  const char *doc_name, *doc_id;
  bool have_doc, in_doc, doc_closed;
  int mode;
  size_t mode_at;
} td_ex;

/* The line (from 1) of byte `at`. */
static long td_ex_line(td_ex *P, size_t at) {
  if (!P->nl_made) {
    for (const char *p = P->s; (p = memchr(p, '\n', (size_t)(P->s + P->n - p)));
         p++)
      td_vec_push(&P->nl, (size_t)(p - P->s));
    P->nl_made = true;
  }
  size_t lo = 0, hi = P->nl.n; /* newlines before `at` */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (P->nl.v[mid] < at)
      lo = mid + 1;
    else
      hi = mid;
  }
  return (long)lo + 1;
}

static void td_ex_report_sev(td_ex *P, td_severity sev, size_t at,
                             const char *fmt, va_list ap) {
  P->d->problems++;
  if (!P->fn)
    return;
  if (at > P->n)
    at = P->n;
  td_diag d;
  memset(&d, 0, sizeof(d));
  d.severity = sev;
  snprintf(d.path, sizeof(d.path), "%s", P->path);
  d.line = td_ex_line(P, at);
  d.byte = (long long)at;
  vsnprintf(d.msg, sizeof(d.msg), fmt, ap);
  P->fn(P->ud, &d);
}

static void td_ex_report(td_ex *P, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void td_ex_report(td_ex *P, size_t at, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  td_ex_report_sev(P, TD_WARNING, at, fmt, ap);
  va_end(ap);
}

static void td_ex_fatal(td_ex *P, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void td_ex_fatal(td_ex *P, size_t at, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  td_ex_report_sev(P, TD_ERROR, at, fmt, ap);
  va_end(ap);
}

static bool td_ex_namech(char c) {
  return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '.' ||
         c == ':' || (unsigned char)c >= 0x80;
}

static bool td_ex_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Finds `pat` from byte i; the offset or n. */
static size_t td_ex_find(const td_ex *P, size_t i, const char *pat) {
  size_t k = strlen(pat);
  while (i + k <= P->n) {
    const char *p = memchr(P->s + i, pat[0], P->n - i);
    if (!p)
      break;
    i = (size_t)(p - P->s);
    if (i + k <= P->n && !memcmp(p, pat, k))
      return i;
    i++;
  }
  return P->n;
}

/* The next token; comments, processing instructions and declarations are
 * passed over. Always moves forward unless at the end. */
static void td_ex_next(td_ex *P, td_ex_tok *t) {
  memset(t, 0, sizeof(*t));
  for (;;) {
    t->start = P->pos;
    if (P->pos >= P->n) {
      t->kind = EX_END;
      return;
    }
    const char *s = P->s;
    size_t i = P->pos;
    if (s[i] != '<') {
      const char *lt = memchr(s + i, '<', P->n - i);
      P->pos = lt ? (size_t)(lt - s) : P->n;
      t->kind = EX_TEXT;
      t->end = P->pos;
      return;
    }
    if (P->n - i >= 4 && !memcmp(s + i, "<!--", 4)) {
      size_t e = td_ex_find(P, i + 4, "-->");
      if (e == P->n) {
        t->kind = EX_ERROR;
        t->why = "a comment <!-- is not closed with -->";
        P->pos = P->n;
        return;
      }
      P->pos = e + 3;
      continue;
    }
    if (P->n - i >= 2 && (s[i + 1] == '?' || s[i + 1] == '!')) {
      size_t e = td_ex_find(P, i + 2, s[i + 1] == '?' ? "?>" : ">");
      if (e == P->n) {
        t->kind = EX_ERROR;
        t->why = "a declaration <? or <! is not closed";
        P->pos = P->n;
        return;
      }
      P->pos = e + (s[i + 1] == '?' ? 2 : 1);
      continue;
    }
    bool close = i + 1 < P->n && s[i + 1] == '/';
    size_t a = i + 1 + (close ? 1 : 0), b = a;
    while (b < P->n && td_ex_namech(s[b]))
      b++;
    if (b == a) {
      t->kind = EX_ERROR;
      t->why = "a '<' that starts no tag (write &lt; in text)";
      P->pos = i + 1;
      t->end = P->pos;
      return;
    }
    /* the end of the tag, quotes respected */
    size_t e = b;
    char q = 0;
    while (e < P->n) {
      char c = s[e];
      if (q) {
        if (c == q)
          q = 0;
      } else if (c == '"' || c == '\'') {
        q = c;
      } else if (c == '>' || c == '<') {
        break;
      }
      e++;
    }
    if (e >= P->n || s[e] != '>') {
      t->kind = EX_ERROR;
      t->why = q ? "an attribute value's quote is not closed"
                 : "a tag is not closed with >";
      /* go on after the tag's name: what follows may be well formed */
      P->pos = q ? e : (e < P->n ? e : P->n);
      if (P->pos <= i)
        P->pos = i + 1;
      t->end = P->pos;
      return;
    }
    t->name = s + a;
    t->nlen = b - a;
    t->attrs = s + b;
    t->alen = e - b;
    t->end = e + 1;
    P->pos = e + 1;
    if (close) {
      t->kind = EX_CLOSE;
    } else if (t->alen && t->attrs[t->alen - 1] == '/') {
      t->kind = EX_EMPTY;
      t->alen--;
    } else {
      t->kind = EX_OPEN;
    }
    return;
  }
}

static bool td_ex_is(const td_ex_tok *t, const char *name) {
  return t->name && strlen(name) == t->nlen && !memcmp(t->name, name, t->nlen);
}

static bool td_ex_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!td_ex_ws(s[i]))
      return false;
  return true;
}

/* Appends UTF-8 for code point cp. */
static void td_ex_utf8(td_buf *b, unsigned long cp) {
  char u[4];
  size_t un;
  if (cp < 0x80) {
    u[0] = (char)cp, un = 1;
  } else if (cp < 0x800) {
    u[0] = (char)(0xC0 | (cp >> 6));
    u[1] = (char)(0x80 | (cp & 0x3F)), un = 2;
  } else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | (cp >> 12));
    u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F)), un = 3;
  } else {
    u[0] = (char)(0xF0 | (cp >> 18));
    u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (char)(0x80 | (cp & 0x3F)), un = 4;
  }
  td_buf_add(b, u, un);
}

/* The character of reference s[0..n) (the text between '&' and ';'), or
 * -1 when it is no entity this reader knows. */
static long td_ex_entity(const char *s, size_t n) {
  static const struct {
    const char *name;
    char c;
  } named[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'},
               {"apos", '\''}};
  for (size_t j = 0; j < TD_COUNT(named); j++)
    if (strlen(named[j].name) == n && !memcmp(s, named[j].name, n))
      return named[j].c;
  if (n < 2 || s[0] != '#')
    return -1;
  bool hex = s[1] == 'x' || s[1] == 'X';
  size_t i = hex ? 2 : 1;
  if (i == n)
    return -1;
  unsigned long cp = 0;
  for (; i < n; i++) {
    int v;
    char c = s[i];
    if (c >= '0' && c <= '9')
      v = c - '0';
    else if (hex && c >= 'a' && c <= 'f')
      v = c - 'a' + 10;
    else if (hex && c >= 'A' && c <= 'F')
      v = c - 'A' + 10;
    else
      return -1;
    cp = cp * (hex ? 16 : 10) + (unsigned long)v;
    if (cp > 0x10FFFF)
      return -1;
  }
  if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
    return -1;
  return (long)cp;
}

/* Appends s[0..n) (bytes of the input) to b with references decoded. An
 * '&' that starts no known reference is reported and kept as written; a
 * NUL byte is reported and left out, so what is appended has none. */
static void td_ex_decode(td_ex *P, td_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] == 0) {
      td_ex_report(P, (size_t)(s + i - P->s), "a NUL byte (left out)");
      continue;
    }
    if (s[i] != '&') {
      td_buf_addc(b, s[i]);
      continue;
    }
    const char *semi = memchr(s + i, ';', TD_MIN(n - i, 12));
    long c = semi ? td_ex_entity(s + i + 1, (size_t)(semi - (s + i)) - 1) : -1;
    if (c < 0) {
      td_ex_report(P, (size_t)(s + i - P->s),
                   "an '&' that starts no known entity (write &amp;); kept "
                   "as written");
      td_buf_addc(b, '&');
      continue;
    }
    td_ex_utf8(b, (unsigned long)c);
    i = (size_t)(semi - s);
  }
}

/* ---- Attributes ------------------------------------------------------------ */

#define TD_EX_MAX_ATTRS 16

typedef struct td_ex_attr {
  const char *name, *value; /* value: raw bytes of the input */
  size_t nlen, vlen;
} td_ex_attr;

/* Splits the attributes of tag t; false (reported) if malformed. */
static bool td_ex_attrs(td_ex *P, const td_ex_tok *t, td_ex_attr *out,
                        size_t *nout) {
  const char *s = t->attrs, *e = t->attrs + t->alen;
  const char *why = NULL;
  const char *a = s;
  *nout = 0;
  while (s < e) {
    while (s < e && td_ex_ws(*s))
      s++;
    if (s == e)
      break;
    a = s;
    while (s < e && td_ex_namech(*s))
      s++;
    if (s == a) {
      why = "an attribute name was expected";
      goto bad;
    }
    size_t nl = (size_t)(s - a);
    while (s < e && td_ex_ws(*s))
      s++;
    if (s == e || *s != '=') {
      why = "an attribute is NAME=\"VALUE\"";
      goto bad;
    }
    s++;
    while (s < e && td_ex_ws(*s))
      s++;
    if (s == e || (*s != '"' && *s != '\'')) {
      why = "an attribute's value must be quoted";
      goto bad;
    }
    char q = *s++;
    const char *vs = s;
    while (s < e && *s != q)
      s++;
    if (s == e) {
      why = "an attribute value's quote is not closed";
      goto bad;
    }
    if (*nout == TD_EX_MAX_ATTRS) {
      why = "too many attributes";
      goto bad;
    }
    for (size_t k = 0; k < *nout; k++)
      if (out[k].nlen == nl && !memcmp(out[k].name, a, nl)) {
        why = "an attribute given twice";
        goto bad;
      }
    out[*nout].name = a;
    out[*nout].nlen = nl;
    out[*nout].value = vs;
    out[*nout].vlen = (size_t)(s - vs);
    (*nout)++;
    s++;
  }
  return true;
bad:
  td_ex_report(P, (size_t)(a - P->s), "<%.*s>: %s; the element is left out",
               (int)TD_MIN(t->nlen, 64), t->name, why);
  return false;
}

/* The decoded value of attribute `name` (in the arena), or NULL. */
static const char *td_ex_get(td_ex *P, const td_ex_attr *a, size_t n,
                             const char *name) {
  size_t k = strlen(name);
  for (size_t i = 0; i < n; i++)
    if (a[i].nlen == k && !memcmp(a[i].name, name, k)) {
      P->scratch.len = 0;
      td_ex_decode(P, &P->scratch, a[i].value, a[i].vlen);
      return td_arena_strndup(&P->d->arena,
                              P->scratch.ptr ? P->scratch.ptr : "",
                              P->scratch.len);
    }
  return NULL;
}

/* A required identifier attribute (t_id, m_id): non-empty; NULL
 * (reported) otherwise. */
static const char *td_ex_id(td_ex *P, const td_ex_tok *t, const td_ex_attr *a,
                            size_t n, const char *name) {
  const char *v = td_ex_get(P, a, n, name);
  if (!v || !*v) {
    td_ex_report(P, t->start, "<%.*s> needs a non-empty %s; left out",
                 (int)TD_MIN(t->nlen, 64), t->name, name);
    return NULL;
  }
  return v;
}

/* ---- First pass: the elements as written ------------------------------------ */

/* <token ...>text</token>, from its start tag t. */
static void td_ex_token(td_ex *P, const td_ex_tok *t) {
  td_ex_attr a[TD_EX_MAX_ATTRS];
  size_t na;
  td_ex_rawtok r = {0, 0, NULL, 0, t->start};
  bool ok = td_ex_attrs(P, t, a, &na);
  size_t kept = P->scratch.len = 0; /* non-space bytes kept */
  td_buf *b = &P->scratch;
  if (t->kind == EX_OPEN) {
    td_buf text = {0};
    for (;;) {
      td_ex_tok u;
      size_t before = P->pos;
      td_ex_next(P, &u);
      if (u.kind == EX_TEXT) {
        td_ex_decode(P, &text, P->s + u.start, u.end - u.start);
        continue;
      }
      if (u.kind == EX_CLOSE && td_ex_is(&u, "token"))
        break;
      td_ex_report(P, u.start, "%s; the token is left out",
                   u.kind == EX_ERROR ? u.why
                   : u.kind == EX_END ? "a <token> is not closed"
                                      : "a tag inside a <token> (is its "
                                        "</token> missing?)");
      if (u.kind == EX_OPEN || u.kind == EX_EMPTY || u.kind == EX_CLOSE)
        P->pos = before; /* let the caller see it */
      td_buf_free(&text);
      return;
    }
    /* whitespace runs made one space, trimmed */
    bool space = false;
    for (size_t i = 0; i < text.len; i++) {
      if (td_ex_ws(text.ptr[i])) {
        space = kept > 0;
        continue;
      }
      if (space)
        td_buf_addc(b, ' ');
      space = false;
      td_buf_addc(b, text.ptr[i]);
      kept++;
    }
    td_buf_free(&text);
  }
  if (!ok)
    return;
  /* td_ex_get uses the scratch buffer: keep the text first */
  r.off = P->tokbuf.len;
  r.n = b->len;
  if (b->len)
    td_buf_add(&P->tokbuf, b->ptr, b->len);
  r.id = td_ex_id(P, t, a, na, "t_id");
  if (!r.id) {
    P->tokbuf.len = r.off;
    return;
  }
  const char *sent = td_ex_get(P, a, na, "sentence");
  char *end = NULL;
  unsigned long long v = 0;
  if (sent && isdigit((unsigned char)sent[0])) {
    errno = 0;
    v = strtoull(sent, &end, 10);
  }
  if (!end || *end || errno || v > UINT32_MAX) {
    uint32_t prev = P->toks.n ? P->toks.v[P->toks.n - 1].sent : 0;
    td_ex_report(P, t->start,
                 "token %s: sentence=\"N\" (a number) is %s; taken as %u",
                 r.id, sent ? "not a number" : "missing", (unsigned)prev);
    v = prev;
  }
  r.sent = (uint32_t)v;
  td_vec_push(&P->toks, r);
}

/* The children of element t (a markable or relation), whose reference
 * tags are `ref1` (and `ref2`, marked target) with attribute `attr`,
 * into v. False when the element is not closed (it is left out). */
static bool td_ex_children(td_ex *P, const td_ex_tok *t, const char *ref1,
                           const char *ref2, const char *attr,
                           td_ex_refs *v) {
  if (t->kind == EX_EMPTY)
    return true;
  bool text_said = false;
  for (;;) {
    td_ex_tok u;
    size_t before = P->pos;
    td_ex_next(P, &u);
    if (u.kind == EX_TEXT) {
      if (!text_said && !td_ex_blank(P->s + u.start, u.end - u.start)) {
        td_ex_report(P, u.start, "text inside <%.*s> (ignored)",
                     (int)TD_MIN(t->nlen, 64), t->name);
        text_said = true;
      }
      continue;
    }
    if (u.kind == EX_CLOSE && u.nlen == t->nlen &&
        !memcmp(u.name, t->name, t->nlen))
      return true;
    if (u.kind == EX_ERROR) {
      td_ex_report(P, u.start, "%s", u.why);
      continue;
    }
    bool r1 = td_ex_is(&u, ref1), r2 = ref2 && td_ex_is(&u, ref2);
    if ((u.kind == EX_OPEN || u.kind == EX_EMPTY) && (r1 || r2)) {
      td_ex_attr a[TD_EX_MAX_ATTRS];
      size_t na;
      bool ok = td_ex_attrs(P, &u, a, &na);
      if (u.kind == EX_OPEN) {
        /* whitespace, then its end tag */
        td_ex_tok w;
        size_t at = P->pos;
        do {
          at = P->pos;
          td_ex_next(P, &w);
        } while (w.kind == EX_TEXT && td_ex_blank(P->s + w.start,
                                                  w.end - w.start));
        if (!(w.kind == EX_CLOSE && w.nlen == u.nlen &&
              !memcmp(w.name, u.name, u.nlen))) {
          td_ex_report(P, u.start, "<%.*s> is not closed; left out",
                       (int)u.nlen, u.name);
          P->pos = at;
          continue;
        }
      }
      if (!ok)
        continue;
      const char *id = td_ex_id(P, &u, a, na, attr);
      if (id) {
        td_ex_ref r = {id, u.start, r2};
        td_vec_push(v, r);
      }
      continue;
    }
    /* anything else: the element was not closed */
    char where[48];
    if (u.kind == EX_END)
      snprintf(where, sizeof(where), "the end of the file");
    else
      snprintf(where, sizeof(where), "line %ld", td_ex_line(P, u.start));
    td_ex_report(P, t->start, "<%.*s> is not closed before %s; left out",
                 (int)TD_MIN(t->nlen, 64), t->name, where);
    if (u.kind != EX_END)
      P->pos = before;
    return false;
  }
}

/* A markable (any element inside <Markables>) from its start tag t. */
static void td_ex_markable(td_ex *P, const td_ex_tok *t) {
  td_ex_attr a[TD_EX_MAX_ATTRS];
  size_t na;
  bool ok = td_ex_attrs(P, t, a, &na);
  td_ex_mark m;
  memset(&m, 0, sizeof(m));
  m.at = t->start;
  m.r0 = P->anchors.n;
  if (!td_ex_children(P, t, "token_anchor", NULL, "t_id", &P->anchors) ||
      !ok) {
    P->anchors.n = m.r0;
    return;
  }
  m.nr = P->anchors.n - m.r0;
  m.anchored = m.nr > 0;
  m.id = td_ex_id(P, t, a, na, "m_id");
  if (!m.id) {
    P->anchors.n = m.r0;
    return;
  }
  m.kind = td_arena_strndup(&P->d->arena, t->name, t->nlen);
  m.instance = td_ex_get(P, a, na, "instance_id");
  td_vec_push(&P->marks, m);
}

/* A relation (any element inside <Relations>) from its start tag t. */
static void td_ex_relation(td_ex *P, const td_ex_tok *t) {
  td_ex_attr a[TD_EX_MAX_ATTRS];
  size_t na;
  bool ok = td_ex_attrs(P, t, a, &na);
  td_ex_rel r;
  memset(&r, 0, sizeof(r));
  r.at = t->start;
  r.r0 = P->refs.n;
  if (!td_ex_children(P, t, "source", "target", "m_id", &P->refs) || !ok) {
    P->refs.n = r.r0;
    return;
  }
  r.nr = P->refs.n - r.r0;
  r.kind = td_arena_strndup(&P->d->arena, t->name, t->nlen);
  r.type = !strcmp(r.kind, "CROSS_DOC_COREF")   ? EX_REL_CROSS
           : !strcmp(r.kind, "INTRA_DOC_COREF") ? EX_REL_INTRA
                                                : EX_REL_OTHER;
  r.note = td_ex_get(P, a, na, "note");
  td_vec_push(&P->rels, r);
}

/* <Document doc_name=.. doc_id=..>. */
static void td_ex_document(td_ex *P, const td_ex_tok *t) {
  td_ex_attr a[TD_EX_MAX_ATTRS];
  size_t na;
  P->have_doc = true;
  P->in_doc = t->kind == EX_OPEN;
  if (!td_ex_attrs(P, t, a, &na))
    return;
  P->doc_name = td_ex_get(P, a, na, "doc_name");
  P->doc_id = td_ex_get(P, a, na, "doc_id");
}

static void td_ex_scan(td_ex *P) {
  for (;;) {
    td_ex_tok t;
    td_ex_next(P, &t);
    if (t.kind == EX_END)
      break;
    if (t.kind == EX_ERROR) {
      td_ex_report(P, t.start, "%s", t.why);
      continue;
    }
    if (t.kind == EX_TEXT) {
      if (!td_ex_blank(P->s + t.start, t.end - t.start))
        td_ex_report(P, t.start, "text outside a <token> (ignored)");
      continue;
    }
    int nl = (int)TD_MIN(t.nlen, 64);
    if (td_ex_is(&t, "Document")) {
      if (t.kind == EX_CLOSE) {
        if (P->in_doc)
          P->in_doc = false, P->doc_closed = true;
        else
          td_ex_report(P, t.start, "</Document> closes nothing");
      } else if (P->have_doc) {
        td_ex_report(P, t.start, "a second <Document> (ignored)");
      } else {
        td_ex_document(P, &t);
      }
      continue;
    }
    if (!P->in_doc) {
      td_ex_report(P, t.start, "<%s%.*s> outside <Document> (ignored)",
                   t.kind == EX_CLOSE ? "/" : "", nl, t.name);
      continue;
    }
    bool markables = td_ex_is(&t, "Markables");
    if (markables || td_ex_is(&t, "Relations")) {
      int mode = markables ? EX_MARKABLES : EX_RELATIONS;
      if (t.kind == EX_CLOSE) {
        if (P->mode == mode)
          P->mode = EX_NONE;
        else
          td_ex_report(P, t.start, "</%.*s> closes nothing", nl, t.name);
        continue;
      }
      if (P->mode != EX_NONE)
        td_ex_report(P, P->mode_at, "<%s> is not closed",
                     P->mode == EX_MARKABLES ? "Markables" : "Relations");
      P->mode = t.kind == EX_OPEN ? mode : EX_NONE;
      P->mode_at = t.start;
      continue;
    }
    if (t.kind == EX_CLOSE) {
      td_ex_report(P, t.start, "</%.*s> closes nothing", nl, t.name);
      continue;
    }
    if (td_ex_is(&t, "token")) {
      if (P->mode != EX_NONE)
        td_ex_report(P, t.start, "a <token> inside <%s> (read all the same)",
                     P->mode == EX_MARKABLES ? "Markables" : "Relations");
      td_ex_token(P, &t);
    } else if (td_ex_is(&t, "token_anchor") || td_ex_is(&t, "source") ||
               td_ex_is(&t, "target")) {
      td_ex_report(P, t.start, "<%.*s> outside a %s (ignored)", nl, t.name,
                   td_ex_is(&t, "token_anchor") ? "markable" : "relation");
    } else if (P->mode == EX_MARKABLES) {
      td_ex_markable(P, &t);
    } else if (P->mode == EX_RELATIONS) {
      td_ex_relation(P, &t);
    } else {
      td_ex_report(P, t.start,
                   "<%.*s> outside <Markables> and <Relations> (ignored)", nl,
                   t.name);
    }
  }
  if (P->mode != EX_NONE)
    td_ex_report(P, P->mode_at, "<%s> is not closed",
                 P->mode == EX_MARKABLES ? "Markables" : "Relations");
  if (P->in_doc)
    td_ex_report(P, P->n, "the <Document> is not closed");
}

/* ---- Second pass: the text, the mentions and their clusters ------------------ */

static bool td_ex_tokeq(const char *s, size_t n, const char *w) {
  return strlen(w) == n && !memcmp(s, w, n);
}

/* ' or ’ at s; its length or 0. */
static size_t td_ex_apos(const char *s, size_t n) {
  if (n >= 1 && s[0] == '\'')
    return 1;
  if (n >= 3 && !memcmp(s, "\xE2\x80\x99", 3))
    return 3;
  return 0;
}

/* A token written against the one before it. */
static bool td_ex_glue_left(const char *s, size_t n) {
  static const char *const w[] = {",", ".", ";", ":", "!", "?", ")", "]",
                                  "}", "%", "''", "\xE2\x80\x9D",
                                  "\xE2\x80\x99", "'"};
  for (size_t i = 0; i < TD_COUNT(w); i++)
    if (td_ex_tokeq(s, n, w[i]))
      return true;
  size_t k = td_ex_apos(s, n);
  if (k) { /* 's 're 've 'm 'll 'd */
    static const char *const c[] = {"s", "re", "ve", "m", "ll", "d"};
    for (size_t i = 0; i < TD_COUNT(c); i++)
      if (strlen(c[i]) == n - k && !strncasecmp(s + k, c[i], n - k))
        return true;
  }
  if (n >= 3 && (s[0] == 'n' || s[0] == 'N')) { /* n't */
    size_t a = td_ex_apos(s + 1, n - 1);
    if (a && n == 2 + a && (s[1 + a] == 't' || s[1 + a] == 'T'))
      return true;
  }
  return false;
}

/* A token the next one is written against. */
static bool td_ex_glue_right(const char *s, size_t n) {
  static const char *const w[] = {"(", "[", "{", "``", "\xE2\x80\x9C",
                                  "\xE2\x80\x98", "$"};
  for (size_t i = 0; i < TD_COUNT(w); i++)
    if (td_ex_tokeq(s, n, w[i]))
      return true;
  return false;
}

typedef struct td_ex_sortm {
  td_ecb_mention m;
  size_t ord;
} td_ex_sortm;

static int td_ex_cmp_ment(const void *pa, const void *pb) {
  const td_ex_sortm *a = pa, *b = pb;
  if (a->m.first != b->m.first)
    return a->m.first < b->m.first ? -1 : 1;
  if (a->m.last != b->m.last)
    return a->m.last < b->m.last ? -1 : 1;
  return a->ord < b->ord ? -1 : a->ord > b->ord;
}

static int td_ex_cmp_u32(const void *pa, const void *pb) {
  uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
  return a < b ? -1 : a > b;
}

/* The tokens kept (unique t_id): the text and the spans. */
static void td_ex_text(td_ex *P, td_strmap *tids) {
  td_ecb_doc *d = P->d;
  size_t cap = P->tokbuf.len + P->toks.n + 1;
  d->text = td_arena_alloc(&d->arena, cap);
  d->toks = td_arena_alloc(&d->arena, (P->toks.n + 1) * sizeof(td_span));
  d->tok_sentence =
      td_arena_alloc(&d->arena, (P->toks.n + 1) * sizeof(uint32_t));
  uint32_t *raw_of = td_malloc((P->toks.n + 1) * sizeof(uint32_t));
  size_t len = 0, nt = 0;
  const char *prev = NULL; /* the last non-empty token of the sentence */
  size_t prevn = 0;
  bool quote_open = false, opened = false, newline = false;
  for (size_t i = 0; i < P->toks.n; i++) {
    const td_ex_rawtok *r = &P->toks.v[i];
    uint32_t first;
    if (td_strmap_get(tids, r->id, strlen(r->id), &first)) {
      const td_ex_rawtok *f = &P->toks.v[raw_of[first]];
      td_ex_report(P, r->at,
                   "a second token with t_id %s (the first is at line %ld); "
                   "left out",
                   r->id, td_ex_line(P, f->at));
      continue;
    }
    td_strmap_put(tids, r->id, strlen(r->id), (uint32_t)nt);
    raw_of[nt] = (uint32_t)i;
    const char *s = P->tokbuf.ptr ? P->tokbuf.ptr + r->off : "";
    if (nt && r->sent != d->tok_sentence[nt - 1]) {
      newline = true;
      prev = NULL;
      quote_open = opened = false;
    }
    d->tok_sentence[nt] = r->sent;
    if (!r->n) {
      d->toks[nt].start = d->toks[nt].end = (uint32_t)len;
      nt++;
      continue;
    }
    bool dq = td_ex_tokeq(s, r->n, "\"");
    if (len) {
      if (newline) {
        d->text[len++] = '\n';
      } else if (prev) {
        bool glue = td_ex_glue_left(s, r->n) || td_ex_glue_right(prev, prevn) ||
                    (dq && quote_open) || opened;
        if (!glue)
          d->text[len++] = ' ';
      } else {
        d->text[len++] = ' ';
      }
    }
    newline = false;
    d->toks[nt].start = (uint32_t)len;
    memcpy(d->text + len, s, r->n);
    len += r->n;
    d->toks[nt].end = (uint32_t)len;
    opened = dq && !quote_open;
    if (dq)
      quote_open = !quote_open;
    prev = s;
    prevn = r->n;
    nt++;
  }
  td_free(raw_of);
  d->text[len] = 0;
  d->len = len;
  d->ntoks = nt;
}

/* The mentions and their clusters. */
static void td_ex_mentions(td_ex *P, td_strmap *tids) {
  td_ecb_doc *d = P->d;
  size_t nm = P->marks.n;
  td_strmap *mids = td_strmap_new();
  /* per markable: its mention (or -1), its clusters from the relations */
  long *ment = td_malloc((nm + 1) * sizeof(long));
  const char **cross = td_calloc(nm + 1, sizeof(char *));
  const char **intra = td_calloc(nm + 1, sizeof(char *));
  bool *dropped = td_calloc(nm + 1, sizeof(bool));
  td_ex_sortm *sm = td_malloc((nm + 1) * sizeof(td_ex_sortm));
  TD_VEC(uint32_t) idx = {0};
  size_t nments = 0;
  for (size_t k = 0; k < nm; k++) {
    const td_ex_mark *m = &P->marks.v[k];
    ment[k] = -1;
    uint32_t other;
    if (td_strmap_get(mids, m->id, strlen(m->id), &other)) {
      td_ex_report(P, m->at,
                   "a second markable with m_id %s (the first is at line "
                   "%ld); left out",
                   m->id, td_ex_line(P, P->marks.v[other].at));
      dropped[k] = true;
      continue;
    }
    td_strmap_put(mids, m->id, strlen(m->id), (uint32_t)k);
    if (!m->anchored)
      continue;
    idx.n = 0;
    for (size_t j = 0; j < m->nr; j++) {
      const td_ex_ref *a = &P->anchors.v[m->r0 + j];
      uint32_t t;
      if (!td_strmap_get(tids, a->id, strlen(a->id), &t)) {
        td_ex_report(P, a->at, "markable %s: no token has t_id %s; the "
                               "anchor is left out",
                     m->id, a->id);
        continue;
      }
      td_vec_push(&idx, t);
    }
    if (!idx.n) {
      td_ex_report(P, m->at, "markable %s has no anchor left; left out",
                   m->id);
      dropped[k] = true;
      continue;
    }
    qsort(idx.v, idx.n, sizeof(uint32_t), td_ex_cmp_u32);
    td_ecb_mention *e = &sm[nments].m;
    e->kind = m->kind;
    e->m_id = m->id;
    e->first = idx.v[0];
    e->last = idx.v[idx.n - 1];
    e->start = d->toks[e->first].start;
    e->end = d->toks[e->last].end;
    e->cluster = NULL;
    sm[nments].ord = k; /* the markable, until sorted */
    ment[k] = (long)nments++;
  }
  td_vec_free(&idx);

  /* the relations */
  for (size_t i = 0; i < P->rels.n; i++) {
    const td_ex_rel *r = &P->rels.v[i];
    size_t nsrc = 0, ntgt = 0;
    long tgt = -1; /* the first target's markable */
    bool tgt_known = false;
    for (size_t j = 0; j < r->nr; j++) {
      const td_ex_ref *f = &P->refs.v[r->r0 + j];
      uint32_t k;
      bool known = td_strmap_get(mids, f->id, strlen(f->id), &k);
      if (!known)
        td_ex_report(P, f->at, "%s: no markable has m_id %s", r->kind, f->id);
      if (f->target) {
        if (!ntgt++) {
          tgt_known = known;
          tgt = known ? (long)k : -1;
        }
      } else {
        nsrc++;
      }
    }
    if (!nsrc) { /* an instance no mention of this document refers to */
      if (!ntgt)
        td_ex_report(P, r->at, "%s has no <source> and no <target>; ignored",
                     r->kind);
      continue;
    }
    if (r->type == EX_REL_OTHER)
      continue;
    const char *key = NULL;
    if (r->type == EX_REL_CROSS) {
      if (!r->note || !*r->note) {
        td_ex_report(P, r->at, "CROSS_DOC_COREF needs its instance id in "
                               "note=\"...\"; ignored");
        continue;
      }
      if (tgt >= 0 && P->marks.v[tgt].instance &&
          strcmp(P->marks.v[tgt].instance, r->note))
        td_ex_report(P, r->at,
                     "CROSS_DOC_COREF note=\"%s\" but its target %s has "
                     "instance_id=\"%s\"",
                     r->note, P->marks.v[tgt].id, P->marks.v[tgt].instance);
      if (!ntgt)
        td_ex_report(P, r->at, "CROSS_DOC_COREF has no <target> (its note "
                               "is used all the same)");
      key = r->note;
    } else {
      if (ntgt != 1) {
        td_ex_report(P, r->at, "INTRA_DOC_COREF has %s <target>%s",
                     ntgt ? "more than one" : "no",
                     ntgt ? " (the first is used)" : "; ignored");
        if (!ntgt)
          continue;
      }
      if (!tgt_known)
        continue; /* reported */
      size_t kl = strlen(P->doc_name) + strlen(P->marks.v[tgt].id) + 2;
      char *s = td_arena_alloc(&d->arena, kl);
      snprintf(s, kl, "%s#%s", P->doc_name, P->marks.v[tgt].id);
      key = s;
    }
    const char **slot = r->type == EX_REL_CROSS ? cross : intra;
    for (size_t j = 0; j < r->nr; j++) {
      const td_ex_ref *f = &P->refs.v[r->r0 + j];
      uint32_t k;
      if (f->target || !td_strmap_get(mids, f->id, strlen(f->id), &k) ||
          dropped[k])
        continue;
      if (ment[k] < 0) {
        td_ex_report(P, f->at, "%s: source %s is not a mention (it has no "
                               "token anchors); ignored",
                     r->kind, f->id);
        continue;
      }
      if (slot[k] && strcmp(slot[k], key)) {
        td_ex_report(P, f->at, "%s: markable %s is already in %s; ignored",
                     r->kind, f->id, slot[k]);
        continue;
      }
      slot[k] = key;
    }
  }

  /* clusters, then text order */
  for (size_t k = 0; k < nm; k++) {
    if (ment[k] < 0)
      continue;
    td_ecb_mention *e = &sm[ment[k]].m;
    if (cross[k]) {
      e->cluster = cross[k];
    } else if (intra[k]) {
      e->cluster = intra[k];
    } else {
      size_t kl = strlen(P->doc_name) + strlen(P->marks.v[k].id) + 2;
      char *s = td_arena_alloc(&d->arena, kl);
      snprintf(s, kl, "%s#%s", P->doc_name, P->marks.v[k].id);
      e->cluster = s;
    }
  }
  qsort(sm, nments, sizeof(*sm), td_ex_cmp_ment);
  d->ments = td_arena_alloc(&d->arena, (nments + 1) * sizeof(td_ecb_mention));
  for (size_t i = 0; i < nments; i++)
    d->ments[i] = sm[i].m;
  d->nments = nments;
  td_free(sm);
  td_free(ment);
  td_free(cross);
  td_free(intra);
  td_free(dropped);
  td_strmap_free(mids);
}

/* Topic and kind from a name T_Necb.xml or T_Necbplus.xml; false if the
 * name is not one. */
static bool td_ex_name(const char *name, int *topic, bool *plus) {
  const char *s = name;
  long t = 0;
  if (!isdigit((unsigned char)*s))
    return false;
  while (isdigit((unsigned char)*s) && t < 1000000)
    t = t * 10 + (*s++ - '0');
  if (*s++ != '_' || !isdigit((unsigned char)*s))
    return false;
  while (isdigit((unsigned char)*s))
    s++;
  if (!strcmp(s, "ecb.xml"))
    *plus = false;
  else if (!strcmp(s, "ecbplus.xml"))
    *plus = true;
  else
    return false;
  if (t < 1 || t > 1000000)
    return false;
  *topic = (int)t;
  return true;
}

static void td_ex_free(td_ex *P) {
  td_vec_free(&P->nl);
  td_buf_free(&P->tokbuf);
  td_buf_free(&P->scratch);
  td_vec_free(&P->toks);
  td_vec_free(&P->marks);
  td_vec_free(&P->anchors);
  td_vec_free(&P->rels);
  td_vec_free(&P->refs);
}

int td_ecb_parse(td_ecb_doc *out, const char *path, const char *xml,
                 size_t len, td_diag_fn report, void *ud) {
  memset(out, 0, sizeof(*out));
  td_ex P;
  memset(&P, 0, sizeof(P));
  P.d = out;
  P.path = path && *path ? path : "(ecb+)";
  P.s = xml ? xml : "";
  P.n = xml ? len : 0;
  P.fn = report;
  P.ud = ud;
  if (P.n >= UINT32_MAX / 4) {
    td_ex_fatal(&P, 0, "too large for an ECB+ document");
    goto fail;
  }
  if (P.n >= 3 && !memcmp(P.s, "\xEF\xBB\xBF", 3))
    P.pos = 3;
  td_ex_scan(&P);
  if (!P.have_doc) {
    td_ex_fatal(&P, 0, "no <Document> element: not an ECB+ document");
    goto fail;
  }
  if (!P.toks.n) {
    td_ex_fatal(&P, 0, "the <Document> has no token");
    goto fail;
  }
  /* the name: doc_name, else the file's base name */
  if (!P.doc_name || !*P.doc_name) {
    const char *base = strrchr(P.path, '/');
    base = base ? base + 1 : P.path;
    td_ex_report(&P, 0, "the <Document> has no doc_name; \"%s\" is used",
                 base);
    P.doc_name = td_arena_strndup(&out->arena, base, strlen(base));
  }
  out->name = P.doc_name;
  out->doc_id = P.doc_id ? P.doc_id : "";
  if (!td_ex_name(out->name, &out->topic, &out->plus))
    td_ex_report(&P, 0,
                 "the document's name \"%s\" is not T_Necb.xml or "
                 "T_Necbplus.xml: no topic",
                 out->name);
  td_strmap *tids = td_strmap_new();
  td_ex_text(&P, tids);
  td_ex_mentions(&P, tids);
  td_strmap_free(tids);
  td_ex_free(&P);
  return 0;
fail:
  td_ex_free(&P);
  td_arena_free(&out->arena);
  memset(out, 0, sizeof(*out));
  return -1;
}

int td_ecb_read(td_ecb_doc *out, const char *path, td_diag_fn report,
                void *ud) {
  memset(out, 0, sizeof(*out));
  td_diag err;
  memset(&err, 0, sizeof(err));
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    td_diag_set(&err, TD_ERROR, path, 0, -1, "cannot open: %s",
                strerror(errno));
    if (report)
      report(ud, &err);
    return -1;
  }
  td_buf b = {0};
  if (!td_file_read_all(fp, path, &b, &err)) {
    if (report)
      report(ud, &err);
    return -1;
  }
  int rc = td_ecb_parse(out, path, b.ptr ? b.ptr : "", b.len, report, ud);
  td_buf_free(&b);
  return rc;
}

void td_ecb_doc_free(td_ecb_doc *d) {
  if (!d)
    return;
  td_arena_free(&d->arena);
  memset(d, 0, sizeof(*d));
}

bool td_ecb_is_action(const char *kind) {
  return kind && (!strncmp(kind, "ACTION_", 7) ||
                  !strncmp(kind, "NEG_ACTION_", 11));
}
