/*
 * te3.c — TempEval-3 task A scoring of temporal expressions: strict match
 * (same extent) and relaxed match (any overlap), precision, recall and F1,
 * and the accuracy of value and type over relaxed matches. The matching
 * follows the TempEval-3 toolkit (and ../shared/tools/te3score.py): each
 * gold expression takes the first unused overlapping system expression,
 * or the last one with the same extent.
 */
#include "../ctx.h"
#include "../extract/timex.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

typedef struct td_te3_timex {
  uint32_t start, end;
  char type[16], value[48];
} td_te3_timex;

typedef TD_VEC(td_te3_timex) td_te3_list;

/* With errors set, one line per error: the file, what is wrong (miss: a
 * gold expression with no system one over it; extra: a system expression
 * over no gold one; value, type: a relaxed match that differs), then the
 * gold and the system expression as START-END "text" TYPE VALUE (or -). */
typedef struct td_te3_errs {
  FILE *f;
  const char *file, *text;
  size_t len;
} td_te3_errs;

static void td_err_side(const td_te3_errs *e, const td_te3_timex *t) {
  if (!t) {
    fputs("\t-", e->f);
    return;
  }
  fprintf(e->f, "\t%u-%u \"", t->start, t->end);
  for (uint32_t i = t->start; i < t->end && i < e->len; i++) {
    char c = e->text[i];
    fputc(c == '\n' || c == '\t' || c == '\r' ? ' ' : c, e->f);
  }
  fprintf(e->f, "\" %s %s", t->type, t->value);
}

static void td_err_line(const td_te3_errs *e, const char *what,
                        const td_te3_timex *g, const td_te3_timex *s) {
  if (!e)
    return;
  fprintf(e->f, "%s\t%s", e->file, what);
  td_err_side(e, g);
  td_err_side(e, s);
  fputc('\n', e->f);
}

static void td_te3_score(const td_te3_timex *g, size_t ng, const td_te3_timex *s,
                         size_t ns, td_te3_counts *c, const td_te3_errs *e) {
  c->gold += (long)ng;
  c->system += (long)ns;
  bool *used = td_calloc(ns ? ns : 1, sizeof(bool));
  for (size_t i = 0; i < ng; i++) {
    long best = -1;
    for (size_t j = 0; j < ns; j++) {
      if (used[j] || s[j].end <= g[i].start || s[j].start >= g[i].end)
        continue;
      if (best < 0 || (s[j].start == g[i].start && s[j].end == g[i].end))
        best = (long)j;
    }
    if (best < 0) {
      td_err_line(e, "miss", &g[i], NULL);
      continue;
    }
    const td_te3_timex *m = &s[best];
    used[best] = true;
    c->relaxed++;
    c->strict += m->start == g[i].start && m->end == g[i].end;
    bool value = strcmp(m->value, g[i].value) == 0;
    bool type = strcmp(m->type, g[i].type) == 0;
    c->value += value;
    c->type += type;
    if (!value || !type)
      td_err_line(e, !value ? "value" : "type", &g[i], m);
  }
  for (size_t j = 0; e && j < ns; j++)
    if (!used[j])
      td_err_line(e, "extra", NULL, &s[j]);
  td_free(used);
}

/* The TIMEX3 tags of a TimeML document's TEXT. */
static void td_gold_timexes(const td_doc *doc, td_te3_list *out) {
  for (size_t i = 0; i < doc->xtags.n; i++) {
    const td_xtag *x = &doc->xtags.v[i];
    if (strcmp(x->name, "TIMEX3") != 0 || x->close == x->open)
      continue;
    td_te3_timex t;
    memset(&t, 0, sizeof(t));
    t.start = x->span.start;
    t.end = x->span.end;
    td_xtag_attr(x, "type", t.type, sizeof(t.type));
    td_xtag_attr(x, "value", t.value, sizeof(t.value));
    td_vec_push(out, t);
  }
}

static void td_our_timexes(const td_timexes *L, td_te3_list *out) {
  for (size_t i = 0; i < L->v.n; i++) {
    td_te3_timex t;
    memset(&t, 0, sizeof(t));
    t.start = L->v.v[i].span.start;
    t.end = L->v.v[i].span.end;
    snprintf(t.type, sizeof(t.type), "%s", td_timex_type_name(L->v.v[i].type));
    snprintf(t.value, sizeof(t.value), "%s", L->v.v[i].value);
    td_vec_push(out, t);
  }
}

static td_doc *td_read_one_timeml(const td_ctx *ctx, const char *path,
                                  FILE *report) {
  td_read_opts o = {TD_FORMAT_TIMEML, NULL, NULL, 0};
  td_reader *r = td_reader_new(ctx, &o);
  td_reader_add_path(r, path);
  td_doc *doc = NULL;
  td_diag d;
  int rc = td_reader_next(r, &doc, &d);
  td_reader_free(r);
  if (rc != TD_DOC) {
    if (rc == TD_REFUSED)
      td_diag_print(&d, report);
    return NULL;
  }
  return doc;
}

static int td_name_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void td_print_prf(FILE *f, const char *what, long match, long sys,
                         long gold) {
  double p = sys ? (double)match / sys : 0, r = gold ? (double)match / gold : 0;
  double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  fprintf(f, "%-8s P=%.4f R=%.4f F1=%.4f\n", what, p, r, f1);
}

void td_te3_report(FILE *f, const td_te3_counts *c) {
  double rp = c->system ? (double)c->relaxed / c->system : 0;
  double rr = c->gold ? (double)c->relaxed / c->gold : 0;
  double rf = rp + rr > 0 ? 2 * rp * rr / (rp + rr) : 0;
  double va = c->relaxed ? (double)c->value / c->relaxed : 0;
  double ta = c->relaxed ? (double)c->type / c->relaxed : 0;
  fprintf(f, "gold=%ld system=%ld strict=%ld relaxed=%ld value=%ld type=%ld\n",
          c->gold, c->system, c->strict, c->relaxed, c->value, c->type);
  td_print_prf(f, "strict", c->strict, c->system, c->gold);
  td_print_prf(f, "relaxed", c->relaxed, c->system, c->gold);
  fprintf(f, "value    accuracy=%.4f F1=%.4f\n", va, va * rf);
  fprintf(f, "type     accuracy=%.4f F1=%.4f\n", ta, ta * rf);
}

typedef TD_VEC(char *) td_names;

/* The .tml files under dir (recursively), as paths relative to it. */
static bool td_list_tml(const char *root, const char *rel, td_names *out,
                        FILE *report, int depth) {
  char dir[4096];
  snprintf(dir, sizeof(dir), "%s%s%s", root, *rel ? "/" : "", rel);
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(report, "tidings: %s: cannot read directory: %s\n", dir,
            strerror(errno));
    return false;
  }
  struct dirent *e;
  bool ok = true;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    char sub[4096], full[8192];
    snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "", e->d_name);
    snprintf(full, sizeof(full), "%s/%s", root, sub);
    struct stat st;
    if (stat(full, &st) != 0)
      continue;
    size_t n = strlen(e->d_name);
    if (S_ISDIR(st.st_mode) && depth < 16)
      ok = td_list_tml(root, sub, out, report, depth + 1) && ok;
    else if (S_ISREG(st.st_mode) && n > 4 && !strcmp(e->d_name + n - 4, ".tml"))
      td_vec_push(out, td_strdup(sub));
  }
  closedir(d);
  return ok;
}

/* Makes the directories of path (for -o with subdirectories). */
static void td_mkdirs_for(const char *path) {
  char buf[4096];
  snprintf(buf, sizeof(buf), "%s", path);
  for (char *p = buf + 1; *p; p++)
    if (*p == '/') {
      *p = 0;
      mkdir(buf, 0777);
      *p = '/';
    }
}

int td_eval_timeml(const td_ctx *ctx, const char *gold_dir,
                   const char *sys_dir, const char *out_dir, unsigned flags,
                   FILE *report, td_te3_counts *total) {
  bool per_file = flags & TD_EVAL_PER_FILE;
  memset(total, 0, sizeof(*total));
  td_names names = {0};
  if (!td_list_tml(gold_dir, "", &names, report, 0)) {
    for (size_t i = 0; i < names.n; i++)
      td_free(names.v[i]);
    td_vec_free(&names);
    return -1;
  }
  if (names.n)
    qsort(names.v, names.n, sizeof(char *), td_name_cmp);
  int rc = 0;
  if (per_file)
    fprintf(report, "%-40s %5s %5s %6s %7s %5s %4s\n", "file", "gold",
            "sys", "strict", "relaxed", "value", "type");
  for (size_t i = 0; i < names.n; i++) {
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", gold_dir, names.v[i]);
    td_doc *gold = td_read_one_timeml(ctx, path, report);
    if (!gold) {
      rc = -1;
      continue;
    }
    td_te3_list g = {0}, s = {0};
    td_gold_timexes(gold, &g);
    if (sys_dir) {
      snprintf(path, sizeof(path), "%s/%s", sys_dir, names.v[i]);
      td_doc *sys = td_read_one_timeml(ctx, path, report);
      if (sys) {
        td_gold_timexes(sys, &s);
        td_doc_free(sys);
      } else {
        rc = -1;
      }
    } else {
      td_doc_annotate(gold, ctx);
      td_our_timexes(td_doc_layer(gold, "timexes"), &s);
      if (out_dir) {
        td_buf b = {0};
        td_doc_write_timeml(gold, &b);
        snprintf(path, sizeof(path), "%s/%s", out_dir, names.v[i]);
        td_mkdirs_for(path);
        FILE *f = fopen(path, "wb");
        if (!f || fwrite(b.ptr, 1, b.len, f) != b.len) {
          fprintf(report, "tidings: %s: cannot write: %s\n", path,
                  strerror(errno));
          rc = -1;
        }
        if (f)
          fclose(f);
        td_buf_free(&b);
      }
    }
    td_te3_counts c = {0};
    size_t len;
    const char *text = td_doc_text(gold, &len);
    td_te3_errs errs = {report, names.v[i], text, len};
    td_te3_score(g.v, g.n, s.v, s.n, &c,
                 flags & TD_EVAL_ERRORS ? &errs : NULL);
    if (per_file)
      fprintf(report, "%-40s %5ld %5ld %6ld %7ld %5ld %4ld\n", names.v[i],
              c.gold, c.system, c.strict, c.relaxed, c.value, c.type);
    total->gold += c.gold;
    total->system += c.system;
    total->strict += c.strict;
    total->relaxed += c.relaxed;
    total->value += c.value;
    total->type += c.type;
    td_vec_free(&g);
    td_vec_free(&s);
    td_doc_free(gold);
    td_free(names.v[i]);
  }
  td_vec_free(&names);
  td_te3_report(report, total);
  return rc;
}
