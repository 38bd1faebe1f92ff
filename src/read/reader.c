/*
 * reader.c — the reader: a queue of inputs (files, directories read
 * recursively, standard input, memory), the format of each detected from
 * its first bytes unless forced, and the checks every format shares.
 */
#include "reader.h"

#include "../text/text.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#define TD_DEFAULT_MAX_DOC ((size_t)64 << 20)
#define TD_MAX_DEPTH 64

const char *td_format_name(td_format f) {
  static const char *names[] = {"auto", "wire", "jsonl", "text", "timeml"};
  return (unsigned)f < TD_COUNT(names) ? names[f] : "auto";
}

int td_format_parse(const char *name) {
  for (int f = TD_FORMAT_AUTO; f <= TD_FORMAT_TIMEML; f++)
    if (strcmp(name, td_format_name((td_format)f)) == 0)
      return f;
  return -1;
}

td_reader *td_reader_new(const td_ctx *ctx, const td_read_opts *opts) {
  td_reader *r = td_calloc(1, sizeof(*r));
  r->ctx = ctx;
  r->format = opts ? opts->format : TD_FORMAT_AUTO;
  r->max_doc = opts && opts->max_doc_bytes ? opts->max_doc_bytes
                                           : TD_DEFAULT_MAX_DOC;
  if (opts && opts->date) {
    int ok = td_date_parse(opts->date, strlen(opts->date), &r->date);
    if (ok == 1 && strlen(opts->date) == 10)
      r->has_date = true;
    else
      r->date_error = td_strdup(opts->date);
  }
  if (opts && opts->source && *opts->source)
    r->source = td_strdup(opts->source);
  return r;
}

td_reader *td_reader_new_fn(const td_ctx *ctx, td_reader_gen_fn fn, void *ud) {
  td_reader *r = td_reader_new(ctx, NULL);
  r->gen = fn;
  r->gen_ud = ud;
  return r;
}

static void td_reader_push(td_reader *r, size_t at, td_source_item it) {
  td_vec_push(&r->queue, it);
  memmove(r->queue.v + at + 1, r->queue.v + at,
          (r->queue.n - 1 - at) * sizeof(it));
  r->queue.v[at] = it;
}

void td_reader_add_path(td_reader *r, const char *path) {
  td_source_item it = {td_strdup(path),
                       td_strdup(strcmp(path, "-") ? path : "<stdin>"), NULL,
                       0, 0};
  td_reader_push(r, r->queue.n, it);
}

void td_reader_add_mem(td_reader *r, const char *name, const void *data,
                       size_t len) {
  td_source_item it = {NULL, td_strdup(name ? name : "<memory>"), data, len,
                       0};
  td_reader_push(r, r->queue.n, it);
}

static void td_reader_close_input(td_reader *r) {
  if (r->open)
    td_input_close(&r->in);
  r->open = false;
  r->finished = false;
  r->has_pending = false;
  r->pending.len = 0;
}

void td_reader_free(td_reader *r) {
  if (!r)
    return;
  td_reader_close_input(r);
  for (size_t i = 0; i < r->queue.n; i++) {
    td_free(r->queue.v[i].path);
    td_free(r->queue.v[i].name);
  }
  td_vec_free(&r->queue);
  td_buf_free(&r->pending);
  td_free(r->date_error);
  td_free(r->source);
  td_free(r);
}

static int td_name_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replaces directory item `at` by its entries, in name order. */
static bool td_expand_dir(td_reader *r, size_t at, td_diag *diag) {
  td_source_item dir = r->queue.v[at];
  DIR *d = opendir(dir.path);
  if (!d) {
    td_diag_set(diag, TD_ERROR, dir.name, 0, -1, "cannot read directory: %s",
                strerror(errno));
    return false;
  }
  TD_VEC(char *) names = {0};
  struct dirent *e;
  while ((e = readdir(d)) != NULL)
    if (e->d_name[0] != '.')
      td_vec_push(&names, td_strdup(e->d_name));
  closedir(d);
  qsort(names.v, names.n, sizeof(char *), td_name_cmp);
  size_t pos = at + 1;
  for (size_t i = 0; i < names.n; i++) {
    td_buf p = {0};
    td_buf_printf(&p, "%s%s%s", dir.path,
                  dir.path[strlen(dir.path) - 1] == '/' ? "" : "/",
                  names.v[i]);
    struct stat st;
    /* Symbolic links to directories are not followed (no cycles). */
    if (lstat(td_buf_cstr(&p), &st) == 0 && S_ISLNK(st.st_mode) &&
        stat(p.ptr, &st) == 0 && S_ISDIR(st.st_mode)) {
      td_buf_free(&p);
      td_free(names.v[i]);
      continue;
    }
    td_source_item it = {td_strdup(p.ptr), td_strdup(p.ptr), NULL, 0,
                         dir.depth + 1};
    td_reader_push(r, pos++, it);
    td_buf_free(&p);
    td_free(names.v[i]);
  }
  td_vec_free(&names);
  return true;
}

/* Detects the format from the first bytes (after a byte order mark). */
static td_format td_detect(const char *p, size_t n) {
  if (td_wire_header(p, n))
    return TD_FORMAT_WIRE;
  size_t i = 0;
  while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
    i++;
  if (i < n && p[i] == '{')
    return TD_FORMAT_JSONL;
  if (i < n && p[i] == '<') {
    const char *end = p + n;
    for (const char *q = p + i; q + 7 <= end; q++) {
      q = memchr(q, '<', (size_t)(end - q));
      if (!q || q + 7 > end)
        break;
      if (memcmp(q, "<TimeML", 7) == 0)
        return TD_FORMAT_TIMEML;
    }
  }
  return TD_FORMAT_TEXT;
}

/* Opens the next queued input; TD_REFUSED when it cannot be read. */
static int td_reader_open_next(td_reader *r, td_diag *diag) {
  for (;;) {
    if (r->next >= r->queue.n)
      return TD_END;
    size_t at = r->next++;
    td_source_item *it = &r->queue.v[at];
    r->name = it->name;
    r->path = it->path;
    if (!it->path) {
      td_input_mem(&r->in, it->data, it->len);
    } else {
      struct stat st;
      if (strcmp(it->path, "-") != 0) {
        if (stat(it->path, &st) != 0) {
          td_diag_set(diag, TD_ERROR, it->name, 0, -1, "cannot open: %s",
                      strerror(errno));
          return TD_REFUSED;
        }
        if (S_ISDIR(st.st_mode)) {
          if (it->depth >= TD_MAX_DEPTH) {
            td_diag_set(diag, TD_ERROR, it->name, 0, -1,
                        "directories nested too deeply");
            return TD_REFUSED;
          }
          if (!td_expand_dir(r, at, diag))
            return TD_REFUSED;
          continue;
        }
        if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) &&
            !S_ISCHR(st.st_mode)) {
          td_diag_set(diag, TD_ERROR, it->name, 0, -1,
                      "not a regular file or directory");
          return TD_REFUSED;
        }
      }
      if (!td_input_open(&r->in, it->path)) {
        td_diag_set(diag, TD_ERROR, it->name, 0, -1, "cannot open: %s",
                    strerror(errno));
        return TD_REFUSED;
      }
    }
    r->open = true;
    r->finished = false;

    const char *p;
    size_t n = td_input_peek(&r->in, 4096, &p);
    if (r->in.err) {
      td_diag_set(diag, TD_ERROR, r->name, 0, -1, "cannot read: %s",
                  strerror(r->in.err));
      td_reader_close_input(r);
      return TD_REFUSED;
    }
    /* A UTF-8 byte order mark is skipped. */
    if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
      r->in.beg += 3;
      r->in.off += 3;
      p += 3;
      n -= 3;
    }
    size_t i = 0;
    while (i < n && (unsigned char)p[i] <= ' ' && p[i] != 0)
      i++;
    if (i == n && r->in.eof) {
      td_diag_set(diag, TD_ERROR, r->name, 0, -1, "empty input: no text");
      td_reader_close_input(r);
      return TD_REFUSED;
    }
    const char *nul = memchr(p, 0, n);
    if (nul) {
      td_diag_set(diag, TD_ERROR, r->name, 0, (long long)(nul - p),
                  "binary data (a NUL byte), not text");
      td_reader_close_input(r);
      return TD_REFUSED;
    }
    r->fmt = r->format != TD_FORMAT_AUTO ? r->format : td_detect(p, n);
    return TD_DOC;
  }
}

int td_reader_next(td_reader *r, td_doc **doc, td_diag *diag) {
  static const td_format_next_fn next[] = {
      NULL, td_wire_next, td_jsonl_next, td_plain_next, td_timeml_next};
  *doc = NULL;
  if (r->gen)
    return r->gen(r->gen_ud, doc, diag);
  if (r->date_error) {
    td_diag_set(diag, TD_ERROR, NULL, 0, -1,
                "--date %s: expected a valid date YYYY-MM-DD", r->date_error);
    td_free(r->date_error);
    r->date_error = NULL;
    r->next = r->queue.n; /* nothing can be read correctly */
    return TD_REFUSED;
  }
  for (;;) {
    if (!r->open) {
      int rc = td_reader_open_next(r, diag);
      if (rc != TD_DOC)
        return rc;
    }
    int rc = next[r->fmt](r, doc, diag);
    if (rc != TD_END)
      return rc;
    td_reader_close_input(r);
  }
}

bool td_reader_check_text(const td_reader *r, const char *s, size_t n,
                          long long off, long line, td_diag *diag) {
  size_t bad;
  int rc = td_utf8_check(s, n, &bad);
  if (rc == 0)
    return true;
  long l = line;
  size_t col = 1;
  for (size_t i = 0; i < bad; i++) {
    if (s[i] == '\n')
      l++, col = 1;
    else
      col++;
  }
  if (rc == 2)
    td_diag_set(diag, TD_ERROR, r->name, l, off + (long long)bad,
                "binary data (a NUL byte at column %zu), not text", col);
  else
    td_diag_set(diag, TD_ERROR, r->name, l, off + (long long)bad,
                "invalid UTF-8 (byte 0x%02X at column %zu)",
                (unsigned char)s[bad], col);
  return false;
}

/* Reads the rest of the input into b; false (diag filled) when it is too
 * large or unreadable. */
static bool td_reader_read_all(td_reader *r, td_buf *b, long long *off,
                               long *line, td_diag *diag) {
  *off = r->in.off;
  *line = r->in.line;
  const char *s;
  size_t n;
  long long loff;
  long lline;
  int rc;
  while ((rc = td_input_line(&r->in, r->max_doc - b->len + 1, &s, &n, &loff,
                             &lline)) == TD_LINE_OK) {
    if (b->len + n > r->max_doc) {
      rc = TD_LINE_LONG;
      break;
    }
    td_buf_add(b, s, n);
  }
  if (rc == TD_LINE_ERR) {
    td_diag_set(diag, TD_ERROR, r->name, lline, loff, "cannot read: %s",
                strerror(r->in.err));
    return false;
  }
  if (rc == TD_LINE_LONG) {
    td_diag_set(diag, TD_ERROR, r->name, lline, loff,
                "the document is larger than the limit of %zu bytes "
                "(--max-doc-size); skipped",
                r->max_doc);
    /* Drain the rest so that the input ends here. */
    while (td_input_line(&r->in, r->max_doc, &s, &n, &loff, &lline) != 0 &&
           !r->in.err)
      ;
    return false;
  }
  return true;
}

int td_reader_slurp(td_reader *r, td_buf *b, long long *off, long *line,
                    td_diag *diag) {
  if (r->finished)
    return TD_END;
  r->finished = true;
  if (!td_reader_read_all(r, b, off, line, diag) ||
      !td_reader_check_text(r, b->ptr, b->len, *off, *line, diag)) {
    td_buf_free(b);
    return TD_REFUSED;
  }
  return TD_DOC;
}

td_doc *td_reader_new_doc(td_reader *r, td_format fmt) {
  td_doc *doc = td_doc_new(fmt);
  if (r->path && strcmp(r->path, "-") != 0)
    doc->path = td_doc_strdup(doc, r->path, strlen(r->path));
  doc->input = td_doc_strdup(doc, r->name, strlen(r->name));
  return doc;
}

void td_reader_finish_doc(td_reader *r, td_doc *doc) {
  if (doc->date.year == 0 && r->has_date)
    doc->date = r->date;
  if (!doc->source && r->source)
    doc->source_fallback = td_doc_strdup(doc, r->source, strlen(r->source));
  if (doc->date.year == 0)
    td_doc_warn(doc, doc->text_line, doc->text_offset,
                "no story date (give one with --date); relative dates "
                "cannot be resolved");
  if (doc->source)
    doc->source_from = TD_SRC_INPUT;
  td_doc_set_default_id(doc);
}
