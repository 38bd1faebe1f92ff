/*
 * diag.c — diagnostics: what went wrong and where (path, line, byte).
 */
#include "core.h"

#include <stdio.h>

void td_diag_set(td_diag *d, td_severity sev, const char *path, long line,
                 long long byte, const char *fmt, ...) {
  if (!d)
    return;
  d->severity = sev;
  snprintf(d->path, sizeof(d->path), "%s", path ? path : "");
  d->line = line;
  d->byte = byte;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
  va_end(ap);
}

void td_diag_format(const td_diag *d, td_buf *b) {
  td_buf_adds(b, "tidings: ");
  if (d->path[0]) {
    td_buf_adds(b, d->path);
    if (d->line > 0)
      td_buf_printf(b, ":%ld", d->line);
    td_buf_adds(b, ": ");
  }
  if (d->byte >= 0 && (d->path[0] || d->line > 0))
    td_buf_printf(b, "byte %lld: ", d->byte);
  td_buf_adds(b, d->severity == TD_ERROR ? "error: " : "warning: ");
  td_buf_adds(b, d->msg);
  td_buf_addc(b, '\n');
}

void td_diag_print(const td_diag *d, FILE *out) {
  td_buf b = {0};
  td_diag_format(d, &b);
  fwrite(b.ptr, 1, b.len, out);
  td_buf_free(&b);
}
