/*
 * petrxml.c — PETRARCH validation records (petrxml.h). A small XML pull
 * reader (tags, attributes, text, comments; no DTD, no namespaces) and the
 * record structure over it:
 *
 *   <Validation>
 *     <Environment> <Verbfile>F</Verbfile> <Actorfile>F</Actorfile>
 *       <Agentfile>F</Agentfile> <Discardfile>F</Discardfile> ...
 *     </Environment>
 *     <Sentences>
 *       <Config option="require_dyad" value="false"></Config>
 *       <Sentence date="19950101" id="DEMO-00" category="DEMO"
 *                 sentence="true">
 *         <EventCoding sourcecode="ARN" targetcode="GON"
 *                      eventcode="064"></EventCoding>
 *         <EventCoding noevents="True"></EventCoding>      (none expected,
 *                                           as with no EventCoding at all)
 *         <EventCoding error="storydiscard"></EventCoding> (PETRARCH
 *                                                 refuses the sentence)
 *         <Text> ... </Text>
 *         <Parse> ... </Parse>                               (skipped)
 *       </Sentence>
 *     </Sentences>
 *   </Validation>
 *
 * Elements the records do not need (Errorfile, Include, Pause, ...) are
 * passed over. <Config> elements apply to the records after them, as in
 * PETRARCH; only require_dyad and new_actor_length are kept (the comma_*
 * options tune PETRARCH's clause elimination, which has no counterpart
 * here).
 */
#include "petrxml.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

/* ---- The pull reader ------------------------------------------------------ */

enum { PX_END, PX_OPEN, PX_CLOSE, PX_EMPTY, PX_TEXT, PX_ERROR };

typedef struct td_px_tok {
  int kind;
  const char *name; /* tag name */
  size_t nlen;
  const char *attrs; /* the text between the name and '>' or '/>' */
  size_t alen;
  size_t start, end; /* the token's bytes */
  const char *why;   /* PX_ERROR */
} td_px_tok;

typedef struct td_px {
  td_petr_file *f;
  const char *name;
  const char *s;
  size_t n, pos;
  size_t line_at; /* byte up to which lines are counted ... */
  long line;      /* ... and the line of that byte            */
  td_report_fn fn;
  void *ud;
  /* the <Config> options in force */
  bool require_dyad;
  int new_actor_length;
} td_px;

/* The line (from 1) of byte `at`. */
static long td_px_line(td_px *P, size_t at) {
  if (at < P->line_at) {
    P->line_at = 0;
    P->line = 1;
  }
  for (size_t i = P->line_at; i < at && i < P->n; i++)
    if (P->s[i] == '\n')
      P->line++;
  P->line_at = at;
  return P->line;
}

static void td_px_report(td_px *P, size_t at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void td_px_report(td_px *P, size_t at, const char *fmt, ...) {
  P->f->problems++;
  if (!P->fn)
    return;
  td_diag d;
  memset(&d, 0, sizeof(d));
  d.severity = TD_WARNING;
  snprintf(d.path, sizeof(d.path), "%s", P->name);
  d.line = td_px_line(P, at);
  d.byte = (long long)at;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(d.msg, sizeof(d.msg), fmt, ap);
  va_end(ap);
  P->fn(P->ud, &d);
}

static bool td_px_namech(char c) {
  return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '.' ||
         c == ':' || (unsigned char)c >= 0x80;
}

/* Finds `pat` from byte i; the offset or n. */
static size_t td_px_find(const td_px *P, size_t i, const char *pat) {
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
 * passed over. */
static void td_px_next(td_px *P, td_px_tok *t) {
  memset(t, 0, sizeof(*t));
  for (;;) {
    t->start = P->pos;
    if (P->pos >= P->n) {
      t->kind = PX_END;
      return;
    }
    const char *s = P->s;
    size_t i = P->pos;
    if (s[i] != '<') {
      const char *lt = memchr(s + i, '<', P->n - i);
      P->pos = lt ? (size_t)(lt - s) : P->n;
      t->kind = PX_TEXT;
      t->end = P->pos;
      return;
    }
    if (P->n - i >= 4 && !memcmp(s + i, "<!--", 4)) {
      size_t e = td_px_find(P, i + 4, "-->");
      if (e == P->n) {
        t->kind = PX_ERROR;
        t->why = "a comment <!-- is not closed with -->";
        P->pos = P->n;
        return;
      }
      P->pos = e + 3;
      continue;
    }
    if (P->n - i >= 2 && (s[i + 1] == '?' || s[i + 1] == '!')) {
      size_t e = td_px_find(P, i + 2, s[i + 1] == '?' ? "?>" : ">");
      if (e == P->n) {
        t->kind = PX_ERROR;
        t->why = "a declaration <? or <! is not closed";
        P->pos = P->n;
        return;
      }
      P->pos = e + (s[i + 1] == '?' ? 2 : 1);
      continue;
    }
    bool close = i + 1 < P->n && s[i + 1] == '/';
    size_t a = i + 1 + (close ? 1 : 0), b = a;
    while (b < P->n && td_px_namech(s[b]))
      b++;
    if (b == a) {
      t->kind = PX_ERROR;
      t->why = "a '<' that starts no tag (write &lt; in text)";
      P->pos = i + 1;
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
      t->kind = PX_ERROR;
      t->why = q ? "an attribute value's quote is not closed"
                 : "a tag is not closed with >";
      P->pos = e < P->n ? e : P->n;
      return;
    }
    t->name = s + a;
    t->nlen = b - a;
    t->attrs = s + b;
    t->alen = e - b;
    t->end = e + 1;
    P->pos = e + 1;
    if (close) {
      t->kind = PX_CLOSE;
    } else if (t->alen && t->attrs[t->alen - 1] == '/') {
      t->kind = PX_EMPTY;
      t->alen--;
    } else {
      t->kind = PX_OPEN;
    }
    return;
  }
}

static bool td_px_is(const td_px_tok *t, const char *name) {
  return t->name && strlen(name) == t->nlen && !memcmp(t->name, name, t->nlen);
}

/* Appends s[0..n) with entities decoded to b; an unknown entity is kept as
 * written. */
static void td_px_decode(td_buf *b, const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] != '&') {
      td_buf_addc(b, s[i]);
      continue;
    }
    const char *semi = memchr(s + i, ';', TD_MIN(n - i, 12));
    if (!semi) {
      td_buf_addc(b, '&');
      continue;
    }
    size_t k = (size_t)(semi - (s + i)) - 1; /* name length */
    const char *e = s + i + 1;
    static const struct {
      const char *name;
      char c;
    } named[] = {{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'},
                 {"apos", '\''}};
    bool done = false;
    for (size_t j = 0; j < TD_COUNT(named) && !done; j++)
      if (strlen(named[j].name) == k && !memcmp(e, named[j].name, k)) {
        td_buf_addc(b, named[j].c);
        done = true;
      }
    if (!done && k >= 2 && e[0] == '#') {
      char num[12];
      memcpy(num, e + 1, k - 1);
      num[k - 1] = 0;
      char *end;
      errno = 0;
      unsigned long cp = num[0] == 'x' || num[0] == 'X'
                             ? strtoul(num + 1, &end, 16)
                             : strtoul(num, &end, 10);
      if (!errno && !*end && end != num && cp > 0 && cp <= 0x10FFFF &&
          !(cp >= 0xD800 && cp <= 0xDFFF)) {
        unsigned char u[4];
        size_t un;
        if (cp < 0x80) {
          u[0] = (unsigned char)cp, un = 1;
        } else if (cp < 0x800) {
          u[0] = (unsigned char)(0xC0 | (cp >> 6));
          u[1] = (unsigned char)(0x80 | (cp & 0x3F)), un = 2;
        } else if (cp < 0x10000) {
          u[0] = (unsigned char)(0xE0 | (cp >> 12));
          u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
          u[2] = (unsigned char)(0x80 | (cp & 0x3F)), un = 3;
        } else {
          u[0] = (unsigned char)(0xF0 | (cp >> 18));
          u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
          u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
          u[3] = (unsigned char)(0x80 | (cp & 0x3F)), un = 4;
        }
        td_buf_add(b, u, un);
        done = true;
      }
    }
    if (!done) {
      td_buf_addc(b, '&');
      continue;
    }
    i += k + 1;
  }
}

/* ---- Attributes ------------------------------------------------------------ */

#define TD_PX_MAX_ATTRS 16

typedef struct td_px_attr {
  const char *name;
  size_t nlen;
  char *value; /* decoded, arena */
} td_px_attr;

/* Parses the attributes of tag t; false (*why, *at) if malformed. */
static bool td_px_attrs(td_px *P, const td_px_tok *t, td_px_attr *out,
                        size_t *nout, const char **why, size_t *at) {
  const char *s = t->attrs, *e = t->attrs + t->alen;
  *nout = 0;
  td_buf v = {0};
  while (s < e) {
    while (s < e && isspace((unsigned char)*s))
      s++;
    if (s == e)
      break;
    const char *a = s;
    while (s < e && td_px_namech(*s))
      s++;
    if (s == a) {
      *why = "an attribute name was expected";
      *at = (size_t)(a - P->s);
      td_buf_free(&v);
      return false;
    }
    size_t nl = (size_t)(s - a);
    while (s < e && isspace((unsigned char)*s))
      s++;
    if (s == e || *s != '=') {
      *why = "an attribute is NAME=\"VALUE\"";
      *at = (size_t)(a - P->s);
      td_buf_free(&v);
      return false;
    }
    s++;
    while (s < e && isspace((unsigned char)*s))
      s++;
    if (s == e || (*s != '"' && *s != '\'')) {
      *why = "an attribute's value must be quoted";
      *at = (size_t)(a - P->s);
      td_buf_free(&v);
      return false;
    }
    char q = *s++;
    const char *vs = s;
    while (s < e && *s != q)
      s++;
    if (s == e) {
      *why = "an attribute value's quote is not closed";
      *at = (size_t)(a - P->s);
      td_buf_free(&v);
      return false;
    }
    if (*nout == TD_PX_MAX_ATTRS) {
      *why = "too many attributes";
      *at = (size_t)(a - P->s);
      td_buf_free(&v);
      return false;
    }
    v.len = 0;
    td_px_decode(&v, vs, (size_t)(s - vs));
    out[*nout].name = a;
    out[*nout].nlen = nl;
    out[*nout].value = td_arena_strndup(&P->f->arena, v.ptr ? v.ptr : "",
                                        v.len);
    (*nout)++;
    s++;
  }
  td_buf_free(&v);
  return true;
}

static const char *td_px_get(const td_px_attr *a, size_t n, const char *name) {
  size_t k = strlen(name);
  for (size_t i = 0; i < n; i++)
    if (a[i].nlen == k && !strncasecmp(a[i].name, name, k))
      return a[i].value;
  return NULL;
}

/* ---- Records ---------------------------------------------------------------- */

/* Text of the current element up to its end tag `name`, decoded, with
 * whitespace collapsed; false (*why, *at) if a tag comes first. */
static bool td_px_text(td_px *P, const char *name, td_buf *out,
                       const char **why, size_t *at) {
  td_buf raw = {0};
  td_px_tok t;
  for (;;) {
    size_t before = P->pos;
    td_px_next(P, &t);
    if (t.kind == PX_TEXT) {
      td_px_decode(&raw, P->s + t.start, t.end - t.start);
      continue;
    }
    if (t.kind == PX_CLOSE && td_px_is(&t, name))
      break;
    *why = t.kind == PX_ERROR ? t.why
           : t.kind == PX_END ? "the element is not closed"
                              : "a tag inside the element (is its end tag "
                                "missing?)";
    *at = t.start;
    if (t.kind == PX_OPEN || t.kind == PX_EMPTY)
      P->pos = before; /* let the caller see it */
    td_buf_free(&raw);
    return false;
  }
  out->len = 0;
  bool space = false;
  for (size_t i = 0; i < raw.len; i++) {
    unsigned char c = (unsigned char)raw.ptr[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = out->len > 0;
      continue;
    }
    if (space)
      td_buf_addc(out, ' ');
    space = false;
    td_buf_addc(out, (char)c);
  }
  td_buf_cstr(out);
  td_buf_free(&raw);
  return true;
}

/* Skips to just after the next </Sentence>, or to the next <Sentence if
 * one comes first (the record was not closed). */
static void td_px_skip_record(td_px *P) {
  size_t c = td_px_find(P, P->pos, "</Sentence>");
  size_t o = td_px_find(P, P->pos, "<Sentence");
  /* "<Sentences" is not a record */
  while (o < P->n && o + 9 < P->n && td_px_namech(P->s[o + 9]))
    o = td_px_find(P, o + 1, "<Sentence");
  if (o < c)
    P->pos = o;
  else
    P->pos = c < P->n ? c + 11 : P->n;
}

typedef TD_VEC(td_petr_coding) td_codings;

/* <EventCoding ...>: a coding, a noevents marker or an error marker. */
static bool td_px_coding(td_px *P, const td_px_tok *t, td_petr_record *r,
                         td_codings *cv, const char **why, size_t *at) {
  td_px_attr a[TD_PX_MAX_ATTRS];
  size_t na;
  if (!td_px_attrs(P, t, a, &na, why, at))
    return false;
  const char *ne = td_px_get(a, na, "noevents");
  const char *er = td_px_get(a, na, "error");
  const char *sc = td_px_get(a, na, "sourcecode");
  const char *tc = td_px_get(a, na, "targetcode");
  const char *ec = td_px_get(a, na, "eventcode");
  *at = t->start;
  if (ne) {
    if (strcasecmp(ne, "true")) {
      *why = "noevents is \"True\"";
      return false;
    }
    r->noevents = true;
  } else if (er) {
    if (!*er) {
      *why = "an error marker names the error (error=\"storydiscard\")";
      return false;
    }
    r->error = er;
  } else {
    if (!sc || !tc || !ec) {
      *why = "an EventCoding has sourcecode, targetcode and eventcode (or "
             "noevents=\"True\", or error=\"...\")";
      return false;
    }
    if (!*sc || !*tc || !*ec) {
      *why = "an EventCoding's codes are not empty (a missing actor is "
             "\"---\")";
      return false;
    }
    td_petr_coding c = {sc, tc, ec};
    td_vec_push(cv, c);
  }
  if (t->kind == PX_EMPTY)
    return true;
  /* whitespace, then </EventCoding> */
  for (;;) {
    td_px_tok u;
    td_px_next(P, &u);
    if (u.kind == PX_TEXT) {
      for (size_t i = u.start; i < u.end; i++)
        if (!isspace((unsigned char)P->s[i])) {
          *why = "text inside an EventCoding";
          *at = i;
          return false;
        }
      continue;
    }
    if (u.kind == PX_CLOSE && td_px_is(&u, "EventCoding"))
      return true;
    *why = u.kind == PX_ERROR ? u.why : "an EventCoding is not closed";
    *at = u.start;
    if (u.kind == PX_OPEN || u.kind == PX_EMPTY)
      P->pos = u.start;
    return false;
  }
}

/* A <Sentence> record from its start tag t. */
static void td_px_record(td_px *P, const td_px_tok *t) {
  td_petr_record r;
  memset(&r, 0, sizeof(r));
  r.byte = (long long)t->start;
  r.line = td_px_line(P, t->start);
  r.require_dyad = P->require_dyad;
  r.new_actor_length = P->new_actor_length;
  td_codings cv = {0};
  td_buf text = {0};
  const char *why = NULL;
  size_t at = t->start;
  bool has_text = false;
  td_px_attr a[TD_PX_MAX_ATTRS];
  size_t na;
  if (!td_px_attrs(P, t, a, &na, &why, &at))
    goto bad;
  const char *id = td_px_get(a, na, "id");
  const char *date = td_px_get(a, na, "date");
  const char *cat = td_px_get(a, na, "category");
  const char *sent = td_px_get(a, na, "sentence");
  r.id = id;
  if (!id || !*id) {
    why = "a record needs an id";
    goto bad;
  }
  if (!date) {
    why = "a record needs a date (date=\"YYYYMMDD\")";
    goto bad;
  }
  {
    size_t dl = strlen(date);
    bool digits = dl == 8;
    for (size_t i = 0; digits && i < 8; i++)
      digits = isdigit((unsigned char)date[i]) != 0;
    int y = 0, m = 0, d = 0;
    if (digits) {
      y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 +
          (date[2] - '0') * 10 + (date[3] - '0');
      m = (date[4] - '0') * 10 + (date[5] - '0');
      d = (date[6] - '0') * 10 + (date[7] - '0');
    }
    if (!digits || !td_date_valid(y, m, d)) {
      why = "the date is not a valid YYYYMMDD date";
      goto bad;
    }
    memcpy(r.date, date, 4);
    r.date[4] = '-';
    memcpy(r.date + 5, date + 4, 2);
    r.date[7] = '-';
    memcpy(r.date + 8, date + 6, 2);
    r.date[10] = 0;
  }
  r.category = cat ? cat : "";
  r.sentence = sent && !strcasecmp(sent, "true");
  if (t->kind == PX_EMPTY) {
    why = "a record has its EventCodings and Text inside it";
    goto bad;
  }
  for (;;) {
    td_px_tok u;
    size_t before = P->pos;
    td_px_next(P, &u);
    if (u.kind == PX_TEXT)
      continue; /* whitespace and stray text between the elements */
    if (u.kind == PX_CLOSE && td_px_is(&u, "Sentence"))
      break;
    if (u.kind == PX_END) {
      why = "the record is not closed with </Sentence>";
      at = u.start;
      goto bad_here;
    }
    if (u.kind == PX_ERROR) {
      why = u.why;
      at = u.start;
      goto bad;
    }
    if ((u.kind == PX_OPEN || u.kind == PX_EMPTY) &&
        td_px_is(&u, "Sentence")) {
      why = "a new record starts before </Sentence>";
      at = u.start;
      P->pos = before;
      goto bad_here;
    }
    if ((u.kind == PX_OPEN || u.kind == PX_EMPTY) &&
        td_px_is(&u, "EventCoding")) {
      if (!td_px_coding(P, &u, &r, &cv, &why, &at))
        goto bad;
      continue;
    }
    if (u.kind == PX_OPEN && td_px_is(&u, "Text")) {
      if (has_text) {
        why = "a record has one Text";
        at = u.start;
        goto bad;
      }
      if (!td_px_text(P, "Text", &text, &why, &at))
        goto bad;
      has_text = true;
      continue;
    }
    if (u.kind == PX_OPEN && td_px_is(&u, "Parse")) {
      size_t e = td_px_find(P, P->pos, "</Parse>");
      if (e == P->n) {
        why = "<Parse> is not closed";
        at = u.start;
        goto bad;
      }
      P->pos = e + 8;
      continue;
    }
    if (u.kind == PX_CLOSE) {
      why = "an end tag that closes nothing in the record";
      at = u.start;
      goto bad;
    }
    /* any other element: passed over with its content */
    if (u.kind == PX_OPEN) {
      char end[80];
      snprintf(end, sizeof(end), "</%.*s>", (int)TD_MIN(u.nlen, 64), u.name);
      size_t e = td_px_find(P, P->pos, end);
      if (e == P->n) {
        why = "an element is not closed";
        at = u.start;
        goto bad;
      }
      P->pos = e + strlen(end);
    }
  }
  if (!has_text || !text.len) {
    why = "a record needs a non-empty <Text>";
    at = t->start;
    goto bad_here;
  }
  /* no EventCoding at all: no event expected, as PETRARCH reads it */
  if (cv.n && (r.noevents || r.error)) {
    why = "a record has EventCodings and a noevents or error marker";
    at = t->start;
    goto bad_here;
  }
  r.text = td_arena_strndup(&P->f->arena, text.ptr, text.len);
  r.text_len = text.len;
  if (cv.n) {
    td_petr_coding *c = td_arena_alloc(&P->f->arena, cv.n * sizeof(*c));
    memcpy(c, cv.v, cv.n * sizeof(*c));
    r.codings = c;
    r.ncodings = cv.n;
  }
  td_vec_push(&P->f->records, r);
  td_vec_free(&cv);
  td_buf_free(&text);
  return;
bad:
  td_px_skip_record(P);
bad_here:
  P->f->refused++;
  if (r.id)
    td_px_report(P, at, "record %s: %s; the record is left out", r.id, why);
  else
    td_px_report(P, at, "record at line %ld: %s; the record is left out",
                 r.line, why);
  td_vec_free(&cv);
  td_buf_free(&text);
}

/* <Config option="..." value="...">: changes the options of the records
 * after it. */
static void td_px_config(td_px *P, const td_px_tok *t) {
  td_px_attr a[TD_PX_MAX_ATTRS];
  size_t na;
  const char *why;
  size_t at;
  if (!td_px_attrs(P, t, a, &na, &why, &at)) {
    td_px_report(P, at, "Config: %s; ignored", why);
    return;
  }
  const char *opt = td_px_get(a, na, "option"), *val = td_px_get(a, na, "value");
  if (!opt || !val) {
    td_px_report(P, t->start, "a Config has option=\"...\" value=\"...\"; "
                              "ignored");
    return;
  }
  if (!strcasecmp(opt, "require_dyad")) {
    if (!strcasecmp(val, "true"))
      P->require_dyad = true;
    else if (!strcasecmp(val, "false"))
      P->require_dyad = false;
    else
      td_px_report(P, t->start, "require_dyad is true or false; ignored");
  } else if (!strcasecmp(opt, "new_actor_length")) {
    char *end;
    long v = strtol(val, &end, 10);
    if (!*val || *end || v < 0 || v > 1000)
      td_px_report(P, t->start, "new_actor_length is a number of words; "
                                "ignored");
    else
      P->new_actor_length = (int)v;
  }
}

/* <Environment>: the dictionaries. */
static void td_px_environment(td_px *P) {
  td_buf v = {0};
  for (;;) {
    td_px_tok u;
    td_px_next(P, &u);
    if (u.kind == PX_TEXT)
      continue;
    if (u.kind == PX_EMPTY) {
      if (td_px_is(&u, "Config"))
        td_px_config(P, &u);
      continue;
    }
    if (u.kind == PX_CLOSE && td_px_is(&u, "Environment"))
      break;
    if (u.kind == PX_END || u.kind == PX_ERROR || u.kind == PX_CLOSE) {
      td_px_report(P, u.start, "%s",
                   u.kind == PX_ERROR ? u.why
                                      : "<Environment> is not closed");
      break;
    }
    /* an element: its text */
    size_t start = u.start;
    const char *why;
    size_t at;
    if (td_px_is(&u, "Config")) {
      td_px_config(P, &u);
      if (!td_px_text(P, "Config", &v, &why, &at))
        td_px_report(P, at, "Config: %s", why);
      continue;
    }
    char name[64];
    snprintf(name, sizeof(name), "%.*s", (int)TD_MIN(u.nlen, 63), u.name);
    if (!td_px_text(P, name, &v, &why, &at)) {
      td_px_report(P, at, "<%s>: %s", name, why);
      continue;
    }
    td_petr_names *list = NULL;
    if (!strcmp(name, "Verbfile"))
      list = &P->f->verb_files;
    else if (!strcmp(name, "Actorfile"))
      list = &P->f->actor_files;
    else if (!strcmp(name, "Agentfile"))
      list = &P->f->agent_files;
    else if (!strcmp(name, "Discardfile"))
      list = &P->f->discard_files;
    if (!list)
      continue;
    if (!v.len || memchr(v.ptr, 0, v.len)) {
      td_px_report(P, start, "<%s> names no file%s", name,
                   v.len ? " (a NUL byte in it)" : "");
      continue;
    }
    const char *file = td_arena_strndup(&P->f->arena, v.ptr, v.len);
    td_vec_push(list, file);
  }
  td_buf_free(&v);
}

void td_petr_parse(td_petr_file *f, const char *name, const char *data,
                   size_t len, td_report_fn fn, void *ud) {
  td_px P;
  memset(&P, 0, sizeof(P));
  P.f = f;
  P.name = name;
  P.s = data;
  P.n = len;
  P.line = 1;
  P.fn = fn;
  P.ud = ud;
  P.require_dyad = true;
  /* a byte order mark */
  if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
    P.pos = 3;
  bool any = false;
  for (;;) {
    td_px_tok t;
    td_px_next(&P, &t);
    if (t.kind == PX_END)
      break;
    if (t.kind == PX_ERROR) {
      td_px_report(&P, t.start, "%s", t.why);
      if (P.pos <= t.start)
        P.pos = t.start + 1;
      continue;
    }
    if (t.kind != PX_OPEN && t.kind != PX_EMPTY)
      continue;
    any = true;
    if (td_px_is(&t, "Sentence")) {
      td_px_record(&P, &t);
    } else if (td_px_is(&t, "Environment") && t.kind == PX_OPEN) {
      td_px_environment(&P);
    } else if (td_px_is(&t, "Config")) {
      td_px_config(&P, &t);
    } else if (td_px_is(&t, "EventCoding") || td_px_is(&t, "Text")) {
      td_px_report(&P, t.start, "<%.*s> outside a record (<Sentence>)",
                   (int)t.nlen, t.name);
    } else if (td_px_is(&t, "Parse") && t.kind == PX_OPEN) {
      size_t e = td_px_find(&P, P.pos, "</Parse>");
      P.pos = e < P.n ? e + 8 : P.n;
    }
  }
  if (!any)
    td_px_report(&P, 0, "no PETRARCH records here (no XML element)");
}

bool td_petr_read(td_petr_file *f, const char *path, td_report_fn fn,
                  void *ud, td_diag *err) {
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    td_diag_set(err, TD_ERROR, path, 0, -1, "cannot open: %s",
                strerror(errno));
    return false;
  }
  td_buf b = {0};
  if (!td_file_read_all(fp, path, &b, err))
    return false;
  td_petr_parse(f, path, b.ptr ? b.ptr : "", b.len, fn, ud);
  td_buf_free(&b);
  return true;
}

void td_petr_free(td_petr_file *f) {
  td_vec_free(&f->verb_files);
  td_vec_free(&f->actor_files);
  td_vec_free(&f->agent_files);
  td_vec_free(&f->discard_files);
  td_vec_free(&f->records);
  td_arena_free(&f->arena);
  memset(f, 0, sizeof(*f));
}
