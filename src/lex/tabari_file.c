/*
 * tabari_file.c — reading the lines of TABARI/PETRARCH dictionary files
 * (see tabari_file.h).
 */
#include "tabari_file.h"

#include "../core/data.h"
#include "../text/text.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

bool td_tfile_open(td_tfile *f, const char *path, td_diag *err) {
  memset(f, 0, sizeof(*f));
  f->path = path;
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    td_diag_set(err, TD_ERROR, path, 0, -1, "cannot open: %s",
                strerror(errno));
    return false;
  }
  td_buf b = {0};
  if (!td_file_read_all(fp, path, &b, err))
    return false;
  f->len = b.len;
  f->text = (char *)td_buf_cstr(&b);
  return true;
}

void td_tfile_close(td_tfile *f) {
  td_free(f->text);
  td_buf_free(&f->cur);
  f->text = NULL;
}

void td_tabari_report(td_dict_report *rep, const char *path, long line,
                      const char *fmt, ...) {
  if (!rep)
    return;
  rep->problems++;
  if (!rep->fn)
    return;
  td_diag d;
  memset(&d, 0, sizeof(d));
  d.severity = TD_WARNING;
  snprintf(d.path, sizeof(d.path), "%s", path);
  d.line = line;
  d.byte = -1;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(d.msg, sizeof(d.msg), fmt, ap);
  va_end(ap);
  rep->fn(rep->ud, &d);
}

bool td_tfile_next(td_tfile *f, char **s, size_t *n, td_dict_report *rep) {
  while (f->pos < f->len) {
    const char *p = f->text + f->pos;
    const char *nl = memchr(p, '\n', f->len - f->pos);
    size_t ln = nl ? (size_t)(nl - p) : f->len - f->pos;
    f->pos += ln + (nl ? 1 : 0);
    f->line++;
    size_t bad;
    int u = td_utf8_check(p, ln, &bad);
    if (u) {
      td_tabari_report(rep, f->path, f->line, "%s at byte %zu of the line",
                       u == 2 ? "a NUL byte" : "invalid UTF-8", bad);
      continue;
    }
    f->cur.len = 0;
    for (size_t i = 0; i < ln;) {
      if (f->in_xml) {
        size_t j = i;
        while (j + 3 <= ln && memcmp(p + j, "-->", 3))
          j++;
        if (j + 3 > ln)
          break;
        i = j + 3;
        f->in_xml = false;
        continue;
      }
      if (i + 4 <= ln && !memcmp(p + i, "<!--", 4)) {
        f->in_xml = true;
        i += 4;
        continue;
      }
      if (p[i] == '#' || p[i] == ';')
        break;
      td_buf_addc(&f->cur, p[i]);
      i++;
    }
    td_buf_cstr(&f->cur);
    size_t k = f->cur.len;
    char *b = f->cur.ptr;
    while (k && (b[k - 1] == ' ' || b[k - 1] == '\t' || b[k - 1] == '\r'))
      k--;
    size_t lead = 0;
    while (lead < k && (b[lead] == ' ' || b[lead] == '\t' || b[lead] == '\r'))
      lead++;
    if (lead == k)
      continue;
    b[k] = 0;
    *s = b;
    *n = k;
    return true;
  }
  return false;
}
