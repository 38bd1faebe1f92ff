/*
 * input.c — the buffered line reader.
 */
#include "input.h"

#include <errno.h>

#define TD_INPUT_CHUNK (1u << 20)

bool td_input_open(td_input *in, const char *path) {
  memset(in, 0, sizeof(*in));
  in->line = 1;
  if (strcmp(path, "-") == 0) {
    in->fp = stdin;
  } else {
    in->fp = fopen(path, "rb");
    if (!in->fp)
      return false;
    in->close_fp = true;
  }
  in->cap = TD_INPUT_CHUNK;
  in->buf = td_malloc(in->cap);
  return true;
}

void td_input_mem(td_input *in, const char *data, size_t len) {
  memset(in, 0, sizeof(*in));
  in->line = 1;
  in->buf = (char *)data;
  in->end = in->cap = len;
  in->eof = true;
}

void td_input_close(td_input *in) {
  if (in->fp) {
    if (in->close_fp)
      fclose(in->fp);
    td_free(in->buf);
  }
  memset(in, 0, sizeof(*in));
}

/* Reads more bytes into the buffer, keeping buf[beg..end). */
static bool td_input_more(td_input *in, size_t want) {
  if (!in->fp || in->eof)
    return false;
  if (in->beg > 0) {
    memmove(in->buf, in->buf + in->beg, in->end - in->beg);
    in->end -= in->beg;
    in->beg = 0;
  }
  if (in->end + want > in->cap) {
    size_t cap = in->cap;
    while (cap < in->end + want)
      cap *= 2;
    in->buf = td_realloc(in->buf, cap);
    in->cap = cap;
  }
  size_t n = fread(in->buf + in->end, 1, in->cap - in->end, in->fp);
  in->end += n;
  if (n == 0) {
    if (ferror(in->fp))
      in->err = errno ? errno : EIO;
    in->eof = true;
    return false;
  }
  return true;
}

size_t td_input_peek(td_input *in, size_t n, const char **p) {
  while (in->end - in->beg < n && td_input_more(in, n))
    ;
  *p = in->buf + in->beg;
  return TD_MIN(n, in->end - in->beg);
}

int td_input_line(td_input *in, size_t max, const char **line, size_t *len,
                  long long *off, long *lineno) {
  size_t scanned = 0;
  *off = in->off;
  *lineno = in->line;
  for (;;) {
    char *nl = memchr(in->buf + in->beg + scanned, '\n',
                      in->end - in->beg - scanned);
    if (nl) {
      size_t n = (size_t)(nl - (in->buf + in->beg)) + 1;
      if (n > max)
        break; /* too long: skip it below */
      *line = in->buf + in->beg;
      *len = n;
      in->beg += n;
      in->off += (long long)n;
      in->line++;
      return TD_LINE_OK;
    }
    scanned = in->end - in->beg;
    if (scanned > max)
      break;
    if (!td_input_more(in, TD_INPUT_CHUNK)) {
      if (in->err)
        return TD_LINE_ERR;
      if (in->end == in->beg)
        return TD_LINE_EOF;
      size_t n = in->end - in->beg; /* a last line without '\n' */
      *line = in->buf + in->beg;
      *len = n;
      in->beg = in->end;
      in->off += (long long)n;
      return TD_LINE_OK;
    }
  }
  /* Skip the over-long line without holding it. */
  size_t total = 0;
  for (;;) {
    char *nl = memchr(in->buf + in->beg, '\n', in->end - in->beg);
    if (nl) {
      size_t n = (size_t)(nl - (in->buf + in->beg)) + 1;
      total += n;
      in->beg += n;
      in->off += (long long)n;
      in->line++;
      break;
    }
    total += in->end - in->beg;
    in->off += (long long)(in->end - in->beg);
    in->beg = in->end;
    if (!td_input_more(in, TD_INPUT_CHUNK))
      break;
  }
  *line = NULL;
  *len = total;
  return in->err ? TD_LINE_ERR : TD_LINE_LONG;
}
