/*
 * wire.c — the wire format: each story starts with a line " date
 * YYYY-MM-DD " followed by the headline, or (when there is none) by the
 * first line of the body with its dateline; paragraphs follow, separated by
 * blank lines. A file may hold many stories: every header line starts a new
 * one. The document text is everything after the header's date and space,
 * verbatim, so offsets map to the file by adding text_offset.
 */
#include "reader.h"

static bool td_digit(char c) { return c >= '0' && c <= '9'; }

size_t td_wire_header(const char *s, size_t n) {
  size_t i = 0;
  if (i < n && s[i] == ' ')
    i++;
  if (n < i + 15 || memcmp(s + i, "date ", 5) != 0)
    return 0;
  const char *d = s + i + 5;
  for (int k = 0; k < 10; k++)
    if (k == 4 || k == 7 ? d[k] != '-' : !td_digit(d[k]))
      return 0;
  size_t end = i + 15;
  if (end < n && s[end] != ' ' && s[end] != '\t' && s[end] != '\r' &&
      s[end] != '\n')
    return 0;
  if (end < n && (s[end] == ' ' || s[end] == '\t'))
    end++;
  return end;
}

/* Keeps a header line read ahead: it starts the next story. */
static void td_wire_keep(td_reader *r, const char *s, size_t n, long long off,
                         long line) {
  r->pending.len = 0;
  td_buf_add(&r->pending, s, n);
  r->has_pending = true;
  r->pending_off = off;
  r->pending_line = line;
}

/* Skips stories up to the next header (kept pending). */
static void td_wire_skip(td_reader *r) {
  const char *s;
  size_t n;
  long long off;
  long line;
  int rc;
  while ((rc = td_input_line(&r->in, r->max_doc, &s, &n, &off, &line)) != 0) {
    if (rc == TD_LINE_OK && td_wire_header(s, n)) {
      td_wire_keep(r, s, n, off, line);
      return;
    }
    if (rc == TD_LINE_ERR)
      return;
  }
}

int td_wire_next(td_reader *r, td_doc **out, td_diag *diag) {
  const char *s;
  size_t n;
  long long off;
  long line;
  int rc;
  if (!r->has_pending) {
    if (r->finished)
      return TD_END;
    rc = td_input_line(&r->in, r->max_doc, &s, &n, &off, &line);
    if (rc == TD_LINE_EOF)
      return TD_END;
    if (rc != TD_LINE_OK || !td_wire_header(s, n)) {
      td_diag_set(diag, TD_ERROR, r->name, line, off,
                  rc == TD_LINE_LONG ? "line too long for a story header"
                  : rc == TD_LINE_ERR
                      ? "cannot read"
                      : "expected a story header \" date YYYY-MM-DD\"");
      td_wire_skip(r);
      if (!r->has_pending)
        r->finished = true;
      return TD_REFUSED;
    }
    td_wire_keep(r, s, n, off, line);
  }
  r->has_pending = false;

  /* The header. */
  long long hoff = r->pending_off;
  long hline = r->pending_line;
  size_t hlen = td_wire_header(r->pending.ptr, r->pending.len);
  size_t dpos = r->pending.ptr[0] == ' ' ? 6 : 5;
  td_date date;
  int drc = td_date_parse(r->pending.ptr + dpos, 10, &date);
  char dstr[11];
  memcpy(dstr, r->pending.ptr + dpos, 10);
  dstr[10] = 0;
  td_buf text = {0};
  td_buf_reserve(&text, 4096);
  td_buf_add(&text, r->pending.ptr + hlen, r->pending.len - hlen);

  /* The body, up to the next header. */
  bool too_big = false, failed = false;
  long long bad_off = 0;
  long bad_line = 0;
  for (;;) {
    size_t room = r->max_doc > text.len ? r->max_doc - text.len : 0;
    rc = td_input_line(&r->in, room, &s, &n, &off, &line);
    if (rc == TD_LINE_EOF) {
      r->finished = true;
      break;
    }
    if (rc == TD_LINE_ERR) {
      failed = true;
      bad_off = off, bad_line = line;
      r->finished = true;
      break;
    }
    if (rc == TD_LINE_LONG) {
      if (!too_big)
        bad_off = off, bad_line = line;
      too_big = true;
      continue;
    }
    if (td_wire_header(s, n)) {
      td_wire_keep(r, s, n, off, line);
      break;
    }
    if (!too_big)
      td_buf_add(&text, s, n);
  }

  int result = TD_REFUSED;
  if (failed) {
    td_diag_set(diag, TD_ERROR, r->name, bad_line, bad_off, "cannot read: %s",
                strerror(r->in.err));
  } else if (too_big) {
    td_diag_set(diag, TD_ERROR, r->name, bad_line, bad_off,
                "the story starting at line %ld is larger than the limit of "
                "%zu bytes (--max-doc-size); skipped",
                hline, r->max_doc);
  } else if (drc != 1) {
    td_diag_set(diag, TD_ERROR, r->name, hline, hoff + (long long)dpos,
                "impossible story date %s; story skipped", dstr);
  } else if (td_reader_check_text(r, text.ptr, text.len,
                                  hoff + (long long)hlen, hline, diag)) {
    td_doc *doc = td_reader_new_doc(r, TD_FORMAT_WIRE);
    doc->date = date;
    doc->text_offset = hoff + (long long)hlen;
    doc->text_line = hline;
    td_doc_take_text(doc, &text);
    const char *nl = memchr(doc->text, '\n', doc->len);
    doc->lead_line.start = 0;
    doc->lead_line.end = nl ? (uint32_t)(nl - doc->text) : doc->len;
    td_reader_finish_doc(r, doc);
    *out = doc;
    result = TD_DOC;
  }
  td_buf_free(&text);
  return result;
}
