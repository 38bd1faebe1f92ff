/*
 * data.c — loading data files and splitting them into records.
 */
#include "data.h"

#include <utf8proc.h>

#include <errno.h>
#include <stdio.h>

/* A loaded data file. `text` stays valid while the td_datafile lives. */
typedef struct td_datafile {
  char path[512]; /* "data/NAME" for built-in copies */
  const char *text;
  size_t len;
  char *owned;
} td_datafile;

typedef struct td_lines {
  const char *p, *end;
  long line;
} td_lines;

bool td_file_read_all(FILE *fp, const char *path, td_buf *out,
                      td_diag *err) {
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
    td_buf_add(out, chunk, n);
  bool bad = ferror(fp);
  fclose(fp);
  if (bad) {
    td_diag_set(err, TD_ERROR, path, 0, -1, "cannot read: %s",
                strerror(errno));
    td_buf_free(out);
    return false;
  }
  return true;
}

static bool td_datafile_load(td_datafile *f, const char *data_dir, const char *name,
                      td_diag *err) {
  memset(f, 0, sizeof(*f));
  if (data_dir && *data_dir) {
    snprintf(f->path, sizeof(f->path), "%s/%s", data_dir, name);
    FILE *fp = fopen(f->path, "rb");
    if (fp) {
      td_buf b = {0};
      if (!td_file_read_all(fp, f->path, &b, err))
        return false;
      f->owned = (char *)td_buf_cstr(&b);
      f->text = f->owned;
      f->len = b.len;
      return true;
    }
    if (errno != ENOENT) {
      td_diag_set(err, TD_ERROR, f->path, 0, -1, "cannot open: %s",
                  strerror(errno));
      return false;
    }
  }
  for (const td_embedded *e = td_embedded_files; e->name; e++) {
    if (strcmp(e->name, name) == 0) {
      snprintf(f->path, sizeof(f->path), "data/%s", name);
      f->text = e->data;
      f->len = e->len;
      return true;
    }
  }
  td_diag_set(err, TD_ERROR, name, 0, -1, "data file not found");
  return false;
}

static void td_datafile_free(td_datafile *f) {
  td_free(f->owned);
  memset(f, 0, sizeof(*f));
}

static void td_lines_init(td_lines *it, const td_datafile *f) {
  it->p = f->text;
  it->end = f->text + f->len;
  it->line = 0;
}

/* Returns the number of TAB-separated fields of the next record (at most
 * max; the last field keeps any further TABs), or 0 at the end. Comment and
 * blank lines are skipped; a trailing CR is dropped. */
static size_t td_lines_next(td_lines *it, td_field *fields, size_t max) {
  while (it->p < it->end) {
    const char *s = it->p;
    const char *nl = memchr(s, '\n', (size_t)(it->end - s));
    const char *e = nl ? nl : it->end;
    it->p = nl ? nl + 1 : it->end;
    it->line++;
    if (e > s && e[-1] == '\r')
      e--;
    const char *q = s;
    while (q < e && (*q == ' ' || *q == '\t'))
      q++;
    if (q == e || *q == '#')
      continue;
    size_t n = 0;
    while (n < max) {
      const char *tab = n + 1 < max ? memchr(s, '\t', (size_t)(e - s)) : NULL;
      const char *fe = tab ? tab : e;
      fields[n].s = s;
      fields[n].n = (size_t)(fe - s);
      n++;
      if (!tab)
        break;
      s = tab + 1;
    }
    return n;
  }
  return 0;
}

bool td_field_eq(td_field f, const char *s) {
  return strlen(s) == f.n && memcmp(f.s, s, f.n) == 0;
}

char *td_field_dup(td_field f) { return td_strndup(f.s, f.n); }

/* Every field of a record is UTF-8 without NUL bytes; else an error
 * naming the line. */
static bool td_record_utf8(const td_record *rec, td_diag *err) {
  for (size_t i = 0; i < rec->n; i++) {
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)rec->f[i].s;
    utf8proc_ssize_t left = (utf8proc_ssize_t)rec->f[i].n;
    while (left > 0) {
      utf8proc_int32_t cp;
      utf8proc_ssize_t k = utf8proc_iterate(p, left, &cp);
      if (k <= 0 || cp == 0)
        return td_record_error(rec, err, "%s in field %zu",
                               k <= 0 ? "invalid UTF-8" : "a NUL byte",
                               i + 1);
      p += k;
      left -= k;
    }
  }
  return true;
}

bool td_data_each_n(const char *data_dir, const char *name, size_t max_fields,
                    td_record_fn fn, void *ud, td_diag *err) {
  td_datafile f;
  if (!td_datafile_load(&f, data_dir, name, err))
    return false;
  td_lines it;
  td_lines_init(&it, &f);
  td_record rec;
  rec.path = f.path;
  bool ok = true;
  max_fields = TD_MIN(max_fields, TD_MAX_FIELDS);
  while (ok && (rec.n = td_lines_next(&it, rec.f, max_fields)) > 0) {
    rec.line = it.line;
    ok = td_record_utf8(&rec, err) && fn(ud, &rec, err);
  }
  td_datafile_free(&f);
  return ok;
}

bool td_data_each(const char *data_dir, const char *name, td_record_fn fn,
                  void *ud, td_diag *err) {
  return td_data_each_n(data_dir, name, 4, fn, ud, err);
}

long td_data_check(const char *path, size_t max_fields, td_record_fn fn,
                   void *ud, td_report_fn report, void *report_ud,
                   td_diag *err) {
  /* A path with a directory part loads as DIR/NAME; a bare name as ./NAME
   * (never a built-in copy). */
  char dir[512];
  const char *slash = strrchr(path, '/');
  const char *name = slash ? slash + 1 : path;
  if (slash)
    snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
  else
    snprintf(dir, sizeof(dir), ".");
  if (!*dir)
    snprintf(dir, sizeof(dir), "/");
  FILE *probe = fopen(path, "rb");
  if (!probe) {
    td_diag_set(err, TD_ERROR, path, 0, -1, "cannot open: %s",
                strerror(errno));
    return -1;
  }
  fclose(probe);
  td_datafile f;
  if (!td_datafile_load(&f, dir, name, err))
    return -1;
  td_lines it;
  td_lines_init(&it, &f);
  td_record rec;
  rec.path = f.path;
  long refused = 0;
  max_fields = TD_MIN(max_fields, TD_MAX_FIELDS);
  while ((rec.n = td_lines_next(&it, rec.f, max_fields)) > 0) {
    rec.line = it.line;
    td_diag d;
    memset(&d, 0, sizeof(d));
    if (!td_record_utf8(&rec, &d) || !fn(ud, &rec, &d)) {
      refused++;
      report(report_ud, &d);
    }
  }
  td_datafile_free(&f);
  return refused;
}

bool td_record_error(const td_record *rec, td_diag *err, const char *fmt,
                     ...) {
  if (!err)
    return false;
  err->severity = TD_ERROR;
  snprintf(err->path, sizeof(err->path), "%s", rec->path);
  err->line = rec->line;
  err->byte = -1;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
  va_end(ap);
  return false;
}

td_field td_record_rest(const td_record *rec, size_t i) {
  const td_field *last = &rec->f[rec->n - 1];
  td_field r = {rec->f[i].s, (size_t)(last->s + last->n - rec->f[i].s)};
  return r;
}

size_t td_split_words(const char *s, size_t n, char buf[][64], size_t max) {
  size_t k = 0;
  const char *p = s, *end = s + n;
  while (p < end) {
    while (p < end && *p == ' ')
      p++;
    const char *w = p;
    while (p < end && *p != ' ')
      p++;
    if (p == w)
      break;
    if (k == max || (size_t)(p - w) >= 64)
      return max + 1;
    memcpy(buf[k], w, (size_t)(p - w));
    buf[k][p - w] = 0;
    k++;
  }
  return k;
}
