/*
 * timeml.c — TimeML 1.2 documents (TempEval-3): the id from <DOCID>, the
 * story date from the TIMEX3 inside <DCT>, the title from <TITLE>, and the
 * text from <TEXT> with its tags removed and its entities decoded. The raw
 * file and a map from text offsets to file offsets are kept so that tags can
 * be written back into the file without changing any other byte.
 */
#include "reader.h"

#include <stdlib.h>

/* Finds "<name" followed by '>' or a space, from s; NULL if absent. */
static const char *td_find_tag(const char *s, const char *end,
                               const char *name) {
  size_t n = strlen(name);
  for (const char *p = s; p + n + 1 < end; p++) {
    p = memchr(p, '<', (size_t)(end - p));
    if (!p || p + n + 1 >= end)
      return NULL;
    if (memcmp(p + 1, name, n) == 0 &&
        (p[n + 1] == '>' || p[n + 1] == ' ' || p[n + 1] == '\n' ||
         p[n + 1] == '\t' || p[n + 1] == '\r'))
      return p;
  }
  return NULL;
}

/* The content between <name ...> and </name>; false if absent. */
static bool td_element(const char *s, const char *end, const char *name,
                       const char **cs, const char **ce) {
  const char *open = td_find_tag(s, end, name);
  if (!open)
    return false;
  const char *gt = memchr(open, '>', (size_t)(end - open));
  if (!gt)
    return false;
  char close[64];
  snprintf(close, sizeof(close), "</%s>", name);
  size_t cn = strlen(close);
  for (const char *p = gt + 1; p + cn <= end; p++) {
    p = memchr(p, '<', (size_t)(end - p));
    if (!p || p + cn > end)
      break;
    if (memcmp(p, close, cn) == 0) {
      *cs = gt + 1;
      *ce = p;
      return true;
    }
  }
  return false;
}

/* Decodes the entity at s (after '&'); returns its length (with '&' and
 * ';') and writes its UTF-8 bytes, or 0 if it is not one we know. */
static size_t td_entity(const char *s, const char *end, char *out,
                        size_t *outn) {
  static const struct {
    const char *name;
    char c;
  } named[] = {{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'},
               {"apos;", '\''}};
  for (size_t k = 0; k < TD_COUNT(named); k++) {
    size_t n = strlen(named[k].name);
    if (s + 1 + n <= end && memcmp(s + 1, named[k].name, n) == 0) {
      out[0] = named[k].c;
      *outn = 1;
      return n + 1;
    }
  }
  if (s + 3 < end && s[1] == '#') {
    char *e;
    long cp = s[2] == 'x' || s[2] == 'X' ? strtol(s + 3, &e, 16)
                                         : strtol(s + 2, &e, 10);
    if (e < end && *e == ';' && cp > 0 && cp <= 0x10FFFF &&
        !(cp >= 0xD800 && cp <= 0xDFFF)) {
      size_t n = 0;
      if (cp < 0x80) {
        out[n++] = (char)cp;
      } else if (cp < 0x800) {
        out[n++] = (char)(0xC0 | (cp >> 6));
        out[n++] = (char)(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out[n++] = (char)(0xE0 | (cp >> 12));
        out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[n++] = (char)(0x80 | (cp & 0x3F));
      } else {
        out[n++] = (char)(0xF0 | (cp >> 18));
        out[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[n++] = (char)(0x80 | (cp & 0x3F));
      }
      *outn = n;
      return (size_t)(e - s) + 1;
    }
  }
  return 0;
}

/* Records the tag raw[i..e) (e after '>') found at text offset pos. */
static void td_record_tag(td_doc *doc, const char *raw, size_t i, size_t e,
                          uint32_t pos) {
  bool closing = raw[i + 1] == '/';
  size_t ns = i + 1 + closing, ne = ns;
  while (ne < e - 1 && raw[ne] != ' ' && raw[ne] != '\t' && raw[ne] != '\n' &&
         raw[ne] != '/' && raw[ne] != '>')
    ne++;
  size_t nlen = TD_MIN(ne - ns, sizeof(((td_xtag *)0)->name) - 1);
  if (closing) {
    /* the latest open tag of that name */
    for (size_t k = doc->xtags.n; k-- > 0;) {
      td_xtag *t = &doc->xtags.v[k];
      if (t->close == 0 && strlen(t->name) == nlen &&
          memcmp(t->name, raw + ns, nlen) == 0) {
        t->close = (uint32_t)i;
        t->close_end = (uint32_t)e;
        t->span.end = pos;
        return;
      }
    }
    return;
  }
  td_xtag t;
  memset(&t, 0, sizeof(t));
  memcpy(t.name, raw + ns, nlen);
  bool self = raw[e - 2] == '/';
  size_t ae = e - 1 - self;
  t.attrs = td_doc_strdup(doc, raw + ne, ae > ne ? ae - ne : 0);
  t.span.start = t.span.end = pos;
  t.open = (uint32_t)i;
  t.open_end = (uint32_t)e;
  if (self) {
    t.close = t.open;
    t.close_end = t.open_end;
  }
  td_vec_push(&doc->xtags, t);
}

/* Strips tags and decodes entities of raw[a..b) into out; when `doc` is
 * given, records the map from text to raw offsets and the tags. Returns
 * the raw offset of an unterminated tag, or -1. */
static long long td_strip(const char *raw, size_t a, size_t b, td_buf *out,
                          td_doc *map) {
  size_t i = a;
  bool jumped = true;
  while (i < b) {
    if (raw[i] == '<') {
      const char *gt = memchr(raw + i, '>', b - i);
      if (!gt)
        return (long long)i;
      size_t e = (size_t)(gt - raw) + 1;
      if (map && e - i >= 3)
        td_record_tag(map, raw, i, e, (uint32_t)out->len);
      i = e;
      jumped = true;
      continue;
    }
    if (jumped && map) {
      td_offmap m = {(uint32_t)out->len, (uint32_t)i};
      td_vec_push(&map->offmap, m);
    }
    jumped = false;
    if (raw[i] == '&') {
      char tmp[4];
      size_t tn;
      size_t k = td_entity(raw + i, raw + b, tmp, &tn);
      if (k) {
        td_buf_add(out, tmp, tn);
        i += k;
        jumped = true;
        continue;
      }
    }
    td_buf_addc(out, raw[i++]);
  }
  return -1;
}

/* The text of element `name` (tags removed, entities decoded, trimmed), in
 * the document's arena; NULL if absent or empty. */
static const char *td_element_text(td_doc *doc, const char *s, const char *end,
                                   const char *name) {
  const char *cs, *ce;
  if (!td_element(s, end, name, &cs, &ce))
    return NULL;
  td_buf t = {0};
  td_strip(s, (size_t)(cs - s), (size_t)(ce - s), &t, NULL);
  size_t a = 0, b = t.len;
  while (a < b && (unsigned char)t.ptr[a] <= ' ')
    a++;
  while (b > a && (unsigned char)t.ptr[b - 1] <= ' ')
    b--;
  const char *out = b > a ? td_doc_strdup(doc, t.ptr + a, b - a) : NULL;
  td_buf_free(&t);
  return out;
}

static long td_line_at(const char *s, size_t off, long first) {
  long line = first;
  for (size_t i = 0; i < off; i++)
    line += s[i] == '\n';
  return line;
}

int td_timeml_next(td_reader *r, td_doc **out, td_diag *diag) {
  td_buf raw = {0};
  long long off;
  long line;
  int rc = td_reader_slurp(r, &raw, &off, &line, diag);
  if (rc != TD_DOC)
    return rc;
  const char *s = td_buf_cstr(&raw), *end = s + raw.len;
  const char *ts, *te;
  if (!td_element(s, end, "TEXT", &ts, &te)) {
    td_diag_set(diag, TD_ERROR, r->name, 0, -1,
                "no <TEXT> ... </TEXT> element: not a TimeML document");
    td_buf_free(&raw);
    return TD_REFUSED;
  }
  td_doc *doc = td_reader_new_doc(r, TD_FORMAT_TIMEML);
  td_buf text = {0};
  long long bad = td_strip(s, (size_t)(ts - s), (size_t)(te - s), &text, doc);
  if (bad >= 0) {
    td_diag_set(diag, TD_ERROR, r->name, td_line_at(s, (size_t)bad, line),
                off + bad, "unterminated tag in <TEXT>");
    td_buf_free(&text);
    td_buf_free(&raw);
    td_doc_free(doc);
    return TD_REFUSED;
  }
  doc->text_line = td_line_at(s, (size_t)(ts - s), line);
  td_doc_take_text(doc, &text);

  doc->id = td_element_text(doc, s, end, "DOCID");
  doc->title = td_element_text(doc, s, end, "TITLE");
  const char *cs, *ce;
  if (td_element(s, end, "DCT", &cs, &ce)) {
    const char *v = NULL;
    for (const char *p = cs; p + 7 < ce; p++)
      if (memcmp(p, "value=\"", 7) == 0) {
        v = p + 7;
        break;
      }
    const char *q = v ? memchr(v, '"', (size_t)(ce - v)) : NULL;
    int drc = q ? td_date_parse(v, (size_t)(q - v), &doc->date) : 0;
    if (drc != 1)
      td_doc_warn(doc, td_line_at(s, (size_t)(cs - s), line),
                  off + (cs - s), "the DCT has no valid date value");
  }
  doc->raw = td_doc_strdup(doc, s, raw.len);
  doc->raw_len = (uint32_t)raw.len;
  td_buf_free(&raw);
  td_reader_finish_doc(r, doc);
  *out = doc;
  return TD_DOC;
}
