/*
 * timeml_out.c — a document as TimeML with our TIMEX3 tags in its TEXT.
 * For a TimeML input every byte outside the tags is written back as it was
 * read (entities included); the input's TIMEX3 tags in TEXT are replaced
 * by ours, and its other tags (EVENT, SIGNAL) are kept unless they overlap
 * one of ours. Other inputs become a small TimeML document.
 */
#include "../extract/timex.h"

#include <stdio.h>
#include <stdlib.h>

static void td_xml_escape(td_buf *b, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    const char *e = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;"
                                          : s[i] == '>' ? "&gt;"
                                          : s[i] == '"' ? "&quot;" : NULL;
    if (!e)
      continue;
    td_buf_add(b, s + run, i - run);
    td_buf_adds(b, e);
    run = i + 1;
  }
  td_buf_add(b, s + run, n - run);
}

static void td_open_tag(td_buf *b, const td_timex *t, size_t i) {
  td_buf_printf(b, "<TIMEX3 tid=\"t%zu\" type=\"%s\" value=\"", i + 1,
                td_timex_type_name(t->type));
  td_xml_escape(b, t->value, strlen(t->value));
  td_buf_addc(b, '"');
  if (t->mod)
    td_buf_printf(b, " mod=\"%s\"", t->mod);
  if (t->quant[0])
    td_buf_printf(b, " quant=\"%s\"", t->quant);
  td_buf_addc(b, '>');
}

/* The raw offset of text offset `off` (a byte of the text). */
static uint32_t td_raw_of(const td_doc *doc, uint32_t off) {
  size_t lo = 0, hi = doc->offmap.n;
  while (lo + 1 < hi) {
    size_t mid = (lo + hi) / 2;
    if (doc->offmap.v[mid].text <= off)
      lo = mid;
    else
      hi = mid;
  }
  const td_offmap *m = &doc->offmap.v[lo];
  /* Inside a decoded entity: its start. */
  if (lo + 1 < doc->offmap.n && doc->raw[m->raw] == '&' && off > m->text &&
      off < doc->offmap.v[lo + 1].text)
    return m->raw;
  return m->raw + (off - m->text);
}

/* The raw offset just after the text byte before `end`. */
static uint32_t td_raw_end(const td_doc *doc, uint32_t end) {
  uint32_t r = td_raw_of(doc, end - 1);
  if (doc->raw[r] == '&') {
    const char *semi = memchr(doc->raw + r, ';', doc->raw_len - r);
    return semi ? (uint32_t)(semi - doc->raw) + 1 : r + 1;
  }
  return r + 1;
}

static bool td_overlaps(td_span a, td_span b) {
  return a.start < b.end && b.start < a.end;
}

/* Does a kept tag cross one of ours? */
static bool td_drop_tag(const td_xtag *x, const td_timexes *L) {
  if (!strcmp(x->name, "TIMEX3"))
    return true;
  for (size_t i = 0; i < L->v.n; i++) {
    td_span s = L->v.v[i].span;
    if (td_overlaps(x->span, s) ||
        (x->span.start == x->span.end && x->span.start > s.start &&
         x->span.start < s.end))
      return true;
  }
  return false;
}

typedef struct td_edit {
  uint32_t at;    /* raw offset */
  uint32_t skip;  /* bytes to drop there (a tag)        */
  int timex;      /* >= 0: insert this timex's tag       */
  bool close;
} td_edit;

static int td_edit_cmp(const void *a, const void *b) {
  const td_edit *x = a, *y = b;
  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  /* at one place: closing tags, then drops, then opening tags */
  int rx = x->timex >= 0 ? (x->close ? 0 : 2) : 1;
  int ry = y->timex >= 0 ? (y->close ? 0 : 2) : 1;
  return rx - ry;
}

static void td_write_timeml_input(const td_doc *doc, const td_timexes *L,
                                  td_buf *out) {
  TD_VEC(td_edit) ed = {0};
  for (size_t i = 0; i < doc->xtags.n; i++) {
    const td_xtag *x = &doc->xtags.v[i];
    if (!td_drop_tag(x, L))
      continue;
    td_edit o = {x->open, x->open_end - x->open, -1, false};
    td_vec_push(&ed, o);
    if (x->close != x->open && x->close_end > x->close) {
      td_edit c = {x->close, x->close_end - x->close, -1, false};
      td_vec_push(&ed, c);
    }
  }
  for (size_t i = 0; i < L->v.n; i++) {
    const td_timex *t = &L->v.v[i];
    td_edit o = {td_raw_of(doc, t->span.start), 0, (int)i, false};
    td_edit c = {td_raw_end(doc, t->span.end), 0, (int)i, true};
    td_vec_push(&ed, o);
    td_vec_push(&ed, c);
  }
  if (ed.n)
    qsort(ed.v, ed.n, sizeof(td_edit), td_edit_cmp);
  uint32_t pos = 0;
  for (size_t k = 0; k < ed.n; k++) {
    const td_edit *e = &ed.v[k];
    if (e->at > pos) {
      td_buf_add(out, doc->raw + pos, e->at - pos);
      pos = e->at;
    }
    if (e->timex >= 0) {
      if (e->close)
        td_buf_adds(out, "</TIMEX3>");
      else
        td_open_tag(out, &L->v.v[e->timex], (size_t)e->timex);
    } else if (e->at >= pos) {
      pos = e->at + e->skip;
    }
  }
  td_buf_add(out, doc->raw + pos, doc->raw_len - pos);
  td_vec_free(&ed);
}

void td_doc_write_timeml(const td_doc *doc, td_buf *out) {
  const td_timexes *L = td_doc_layer(doc, "timexes");
  td_timexes none = {{0}};
  if (!L)
    L = &none;
  if (doc->format == TD_FORMAT_TIMEML && doc->raw && doc->offmap.n) {
    td_write_timeml_input(doc, L, out);
    return;
  }
  char date[16] = "";
  td_date_format(doc->date, date);
  td_buf_adds(out, "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>");
  td_xml_escape(out, doc->id ? doc->id : "", doc->id ? strlen(doc->id) : 0);
  td_buf_adds(out, "</DOCID>\n");
  if (date[0])
    td_buf_printf(out,
                  "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"%s\" "
                  "temporalFunction=\"false\" "
                  "functionInDocument=\"CREATION_TIME\">%s</TIMEX3></DCT>\n",
                  date, date);
  td_buf_adds(out, "<TEXT>");
  uint32_t pos = 0;
  for (size_t i = 0; i < L->v.n; i++) {
    const td_timex *t = &L->v.v[i];
    td_xml_escape(out, doc->text + pos, t->span.start - pos);
    td_open_tag(out, t, i);
    td_xml_escape(out, doc->text + t->span.start, t->span.end - t->span.start);
    td_buf_adds(out, "</TIMEX3>");
    pos = t->span.end;
  }
  td_xml_escape(out, doc->text + pos, doc->len - pos);
  td_buf_adds(out, "</TEXT>\n</TimeML>\n");
}
