/*
 * paragraph.c — splits a text into paragraphs. Paragraphs are separated by
 * blank lines; a text without any blank line whose lines are long (one
 * paragraph per line, common in JSON feeds) breaks at every line instead.
 * Each paragraph span is trimmed of surrounding white space.
 */
#include "text.h"

static bool td_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f' &&
        s[i] != '\v')
      return false;
  return true;
}

void td_insert_paragraph(td_doc *doc, size_t at, td_span span, uint8_t role) {
  td_vec_push(&doc->paragraphs, span);
  td_vec_push(&doc->para_role, role);
  size_t n = doc->paragraphs.n;
  memmove(doc->paragraphs.v + at + 1, doc->paragraphs.v + at,
          (n - 1 - at) * sizeof(td_span));
  memmove(doc->para_role.v + at + 1, doc->para_role.v + at, n - 1 - at);
  doc->paragraphs.v[at] = span;
  doc->para_role.v[at] = role;
}

static void td_add_para(td_doc *doc, const char *text, size_t a, size_t b) {
  while (a < b && (unsigned char)text[a] <= ' ')
    a++;
  while (b > a && (unsigned char)text[b - 1] <= ' ')
    b--;
  if (a < b) {
    td_span sp = {(uint32_t)a, (uint32_t)b};
    td_vec_push(&doc->paragraphs, sp);
    td_vec_push(&doc->para_role, (uint8_t)TD_PARA_BODY);
  }
}

void td_split_paragraphs(const char *text, uint32_t len, td_doc *doc) {
  doc->paragraphs.n = doc->para_role.n = 0;
  size_t lines = 0, blanks = 0, start = 0;
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(text + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - text) : len;
    lines++;
    if (td_blank(text + i, e - i)) {
      blanks += e < len;
      td_add_para(doc, text, start, i);
      start = e + 1;
    }
    i = e + 1;
  }
  if (start < len)
    td_add_para(doc, text, start, len);
  /* No blank line at all, and long lines: one paragraph per line. */
  if (blanks == 0 && lines > 1 && len / lines > 120) {
    doc->paragraphs.n = doc->para_role.n = 0;
    for (size_t i = 0; i < len;) {
      const char *nl = memchr(text + i, '\n', len - i);
      size_t e = nl ? (size_t)(nl - text) : len;
      td_add_para(doc, text, i, e);
      i = e + 1;
    }
  }
}
