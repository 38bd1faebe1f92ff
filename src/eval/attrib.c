/*
 * attrib.c — scoring tidings' quotes against brat attribution files
 * (PolNeAR): the matching of span sets (td_attr_match), the walk over a
 * split's documents on worker threads (td_eval_quotes), and the report.
 *
 * Gold: for each text/NAME.txt, the alphabetically first of its
 * attributions/NAME_ANNOTATOR.ann files (a story several annotators
 * annotated counts once); each E line is an attribution with a source
 * (absent for Attribution-no-source), a cue and a content, each a set of
 * pieces (src/read/brat.h; Discuss and Discard are not attributions).
 * System: each quote of the `quotes` layer gives its speaker, its cue and
 * its content (in parts when split). Each kind is matched on its own
 * (td_attr_match): one to one, the same extent first, then the largest
 * overlap. Problems in the gold files are printed on standard error as
 * warnings (FILE:LINE) and what is wrong is left out; a file that cannot
 * be read, a story refused or a story without an attributions file is an
 * error (the story is not scored; td_eval_quotes returns -1).
 */
#include "attrib.h"

#include "../ctx.h"
#include "../read/brat.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <utf8proc.h>

/* ---- Matching ------------------------------------------------------------ */

typedef TD_VEC(td_span) td_span_vec;

static int td_span_cmp(const void *a, const void *b) {
  const td_span *x = a, *y = b;
  return x->start != y->start ? (x->start < y->start ? -1 : 1)
                              : (x->end < y->end ? -1 : x->end > y->end);
}

/* Whitespace, control and format characters and punctuation. */
static bool td_insignificant(int32_t cp) {
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP: case UTF8PROC_CATEGORY_CC:
  case UTF8PROC_CATEGORY_CF: case UTF8PROC_CATEGORY_PC:
  case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
  case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI:
  case UTF8PROC_CATEGORY_PF: case UTF8PROC_CATEGORY_PO:
    return true;
  default:
    return false;
  }
}

/* The code point at s[i] (n bytes in all): its length, 1 for an invalid
 * byte (which counts as significant). */
static size_t td_cp_at(const char *s, size_t n, size_t i, bool *insig) {
  utf8proc_int32_t cp;
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                        (utf8proc_ssize_t)TD_MIN(n - i, 4),
                                        &cp);
  if (k <= 0) {
    *insig = false;
    return 1;
  }
  *insig = td_insignificant(cp);
  return (size_t)k;
}

/* The non-empty pieces of a, inside the text, sorted, overlapping and
 * touching ones merged. */
static void td_raw_pieces(const td_attr_set *a, size_t len, td_span_vec *out) {
  out->n = 0;
  for (size_t i = 0; i < a->n; i++) {
    td_span p = a->pieces[i];
    if (p.end > len)
      p.end = (uint32_t)len;
    if (p.start < p.end)
      td_vec_push(out, p);
  }
  if (out->n > 1)
    qsort(out->v, out->n, sizeof(td_span), td_span_cmp);
  size_t k = 0;
  for (size_t i = 0; i < out->n; i++) {
    if (k && out->v[i].start <= out->v[k - 1].end)
      out->v[k - 1].end = TD_MAX(out->v[k - 1].end, out->v[i].end);
    else
      out->v[k++] = out->v[i];
  }
  out->n = k;
}

/* The canonical form of a (from td_raw_pieces): each piece trimmed to its
 * first and last significant character, empty ones dropped, pieces with
 * nothing significant between them merged. */
static void td_norm_pieces(const char *text, size_t len, const td_span_vec *raw,
                           td_span_vec *out) {
  out->n = 0;
  for (size_t i = 0; i < raw->n; i++) {
    size_t s = raw->v[i].start, e = raw->v[i].end, last = s;
    bool insig, found = false;
    /* first and last significant character */
    for (size_t j = s; j < e;) {
      size_t k = td_cp_at(text, len, j, &insig);
      if (!insig) {
        if (!found)
          s = j;
        found = true;
        last = j + k;
      }
      j += k;
    }
    if (!found)
      continue;
    td_span p = {(uint32_t)s, (uint32_t)TD_MIN(last, e)};
    if (out->n) {
      /* merge when the gap holds nothing significant */
      td_span *q = &out->v[out->n - 1];
      bool sig = false;
      for (size_t j = q->end; j < p.start && !sig;) {
        j += td_cp_at(text, len, j, &insig);
        sig = !insig;
      }
      if (!sig) {
        q->end = TD_MAX(q->end, p.end);
        continue;
      }
    }
    td_vec_push(out, p);
  }
}

static bool td_same_list(const td_span_vec *a, const td_span_vec *b) {
  return a->n == b->n &&
         (a->n == 0 || memcmp(a->v, b->v, a->n * sizeof(td_span)) == 0);
}

/* A set's forms, computed once for the matching. */
typedef struct td_attr_form {
  td_span_vec raw, norm;
} td_attr_form;

static void td_form(const char *text, size_t len, const td_attr_set *a,
                    td_attr_form *f) {
  memset(f, 0, sizeof(*f));
  td_raw_pieces(a, len, &f->raw);
  td_norm_pieces(text, len, &f->raw, &f->norm);
}

static void td_form_free(td_attr_form *f) {
  td_vec_free(&f->raw);
  td_vec_free(&f->norm);
}

static bool td_form_same(const td_attr_form *a, const td_attr_form *b) {
  if (a->norm.n == 0 && b->norm.n == 0)
    return td_same_list(&a->raw, &b->raw);
  return td_same_list(&a->norm, &b->norm);
}

bool td_attr_same(const char *text, size_t len, const td_attr_set *a,
                  const td_attr_set *b) {
  td_attr_form fa, fb;
  td_form(text, len, a, &fa);
  td_form(text, len, b, &fb);
  bool same = fa.raw.n && fb.raw.n && td_form_same(&fa, &fb);
  td_form_free(&fa);
  td_form_free(&fb);
  return same;
}

/* Bytes two sorted lists of disjoint spans have in common. */
static uint64_t td_sorted_overlap(const td_span_vec *a, const td_span_vec *b) {
  uint64_t n = 0;
  for (size_t i = 0, j = 0; i < a->n && j < b->n;) {
    uint32_t s = TD_MAX(a->v[i].start, b->v[j].start);
    uint32_t e = TD_MIN(a->v[i].end, b->v[j].end);
    if (s < e)
      n += e - s;
    if (a->v[i].end < b->v[j].end)
      i++;
    else
      j++;
  }
  return n;
}

uint64_t td_attr_overlap(const td_attr_set *a, const td_attr_set *b) {
  td_span_vec x = {0}, y = {0};
  td_raw_pieces(a, UINT32_MAX, &x);
  td_raw_pieces(b, UINT32_MAX, &y);
  uint64_t n = td_sorted_overlap(&x, &y);
  td_vec_free(&x);
  td_vec_free(&y);
  return n;
}

typedef struct td_attr_pair {
  uint64_t overlap;
  uint32_t g, s;
  bool exact;
} td_attr_pair;

static int td_pair_cmp(const void *a, const void *b) {
  const td_attr_pair *x = a, *y = b;
  if (x->exact != y->exact)
    return x->exact ? -1 : 1;
  if (x->overlap != y->overlap)
    return x->overlap > y->overlap ? -1 : 1;
  if (x->g != y->g)
    return x->g < y->g ? -1 : 1;
  return x->s < y->s ? -1 : x->s > y->s;
}

void td_attr_match(const char *text, size_t len, const td_attr_set *gold,
                   size_t ng, const td_attr_set *sys, size_t ns,
                   td_attr_counts *c, long *gmatch, long *smatch) {
  c->gold += (long)ng;
  c->system += (long)ns;
  long *gm = gmatch ? gmatch : td_malloc((ng ? ng : 1) * sizeof(long));
  long *sm = smatch ? smatch : td_malloc((ns ? ns : 1) * sizeof(long));
  for (size_t i = 0; i < ng; i++)
    gm[i] = -1;
  for (size_t j = 0; j < ns; j++)
    sm[j] = -1;
  td_attr_form *gf = td_calloc(ng ? ng : 1, sizeof(td_attr_form));
  td_attr_form *sf = td_calloc(ns ? ns : 1, sizeof(td_attr_form));
  for (size_t i = 0; i < ng; i++)
    td_form(text, len, &gold[i], &gf[i]);
  for (size_t j = 0; j < ns; j++)
    td_form(text, len, &sys[j], &sf[j]);
  TD_VEC(td_attr_pair) pairs = {0};
  for (size_t i = 0; i < ng; i++)
    for (size_t j = 0; j < ns; j++) {
      uint64_t ov = td_sorted_overlap(&gf[i].raw, &sf[j].raw);
      if (ov == 0)
        continue;
      td_attr_pair p = {ov, (uint32_t)i, (uint32_t)j,
                        td_form_same(&gf[i], &sf[j])};
      td_vec_push(&pairs, p);
    }
  if (pairs.n > 1)
    qsort(pairs.v, pairs.n, sizeof(td_attr_pair), td_pair_cmp);
  for (size_t k = 0; k < pairs.n; k++) {
    td_attr_pair *p = &pairs.v[k];
    if (gm[p->g] >= 0 || sm[p->s] >= 0)
      continue;
    gm[p->g] = p->s;
    sm[p->s] = p->g;
    c->overlap++;
    c->exact += p->exact;
  }
  td_vec_free(&pairs);
  for (size_t i = 0; i < ng; i++)
    td_form_free(&gf[i]);
  for (size_t j = 0; j < ns; j++)
    td_form_free(&sf[j]);
  td_free(gf);
  td_free(sf);
  if (!gmatch)
    td_free(gm);
  if (!smatch)
    td_free(sm);
}

/* ---- The report ---------------------------------------------------------- */

static void td_prf(FILE *f, const char *kind, const char *what, long match,
                   long sys, long gold) {
  double p = sys ? (double)match / sys : 0, r = gold ? (double)match / gold : 0;
  double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  fprintf(f, "%-8s %-7s P=%.4f R=%.4f F1=%.4f\n", kind, what, p, r, f1);
}

static const char *const td_kinds[3] = {"source", "cue", "content"};

static const td_attr_counts *td_kind_counts(const td_attr_scores *s, int k) {
  return k == 0 ? &s->source : k == 1 ? &s->cue : &s->content;
}

void td_attr_report(FILE *f, const td_attr_scores *s) {
  fprintf(f, "docs=%ld attributions=%ld quotes=%ld\n", s->docs,
          s->attributions, s->quotes);
  for (int k = 0; k < 3; k++) {
    const td_attr_counts *c = td_kind_counts(s, k);
    fprintf(f, "%-8s gold=%ld system=%ld exact=%ld overlap=%ld\n",
            td_kinds[k], c->gold, c->system, c->exact, c->overlap);
  }
  for (int k = 0; k < 3; k++) {
    const td_attr_counts *c = td_kind_counts(s, k);
    td_prf(f, td_kinds[k], "exact", c->exact, c->system, c->gold);
    td_prf(f, td_kinds[k], "overlap", c->overlap, c->system, c->gold);
  }
}

static void td_counts_add(td_attr_counts *a, const td_attr_counts *b) {
  a->gold += b->gold;
  a->system += b->system;
  a->exact += b->exact;
  a->overlap += b->overlap;
}

static void td_scores_add(td_attr_scores *a, const td_attr_scores *b) {
  a->docs += b->docs;
  a->attributions += b->attributions;
  a->quotes += b->quotes;
  td_counts_add(&a->source, &b->source);
  td_counts_add(&a->cue, &b->cue);
  td_counts_add(&a->content, &b->content);
}

/* ---- One document -------------------------------------------------------- */

/* A story of the split: what to read, and what scoring it gave. */
typedef struct td_qdoc {
  char *name;    /* NAME, of text/NAME.txt */
  char *ann;     /* the attributions file used, or NULL */
  char *annotator;
  int nann;      /* attributions files of this story */
  const char *date; /* story date from metadata.tsv, or NULL */
  td_attr_scores s;
  td_buf out; /* the per-file line and error lines */
  td_buf msg; /* diagnostics */
  bool failed;
} td_qdoc;

static void td_msg_diag(void *ud, const td_diag *d) {
  td_diag_format(d, (td_buf *)ud);
}

static bool td_slurp(const char *path, td_buf *b, td_buf *msg) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    td_buf_printf(msg, "tidings: %s: error: cannot open: %s\n", path,
                  strerror(errno));
    return false;
  }
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
    td_buf_add(b, chunk, n);
  bool ok = !ferror(f);
  if (!ok)
    td_buf_printf(msg, "tidings: %s: error: cannot read: %s\n", path,
                  strerror(errno));
  fclose(f);
  return ok;
}

/* One side of an error line: the pieces as START-END[,START-END...] and
 * their text (joined by " ... ", at most about 200 bytes), or -. */
static void td_err_side(td_buf *o, const char *text, size_t len,
                        const td_attr_set *a) {
  if (!a) {
    td_buf_adds(o, "\t-");
    return;
  }
  td_buf_addc(o, '\t');
  for (size_t i = 0; i < a->n; i++)
    td_buf_printf(o, "%s%u-%u", i ? "," : "", a->pieces[i].start,
                  a->pieces[i].end);
  td_buf_adds(o, " \"");
  size_t budget = 200;
  for (size_t i = 0; i < a->n && budget; i++) {
    if (i)
      td_buf_adds(o, " ... ");
    size_t s = TD_MIN(a->pieces[i].start, len);
    size_t e = TD_MIN(a->pieces[i].end, len);
    size_t k = e - s;
    bool cut = k > budget;
    if (cut) {
      k = budget;
      while (k > 0 && ((unsigned char)text[s + k] & 0xC0) == 0x80)
        k--;
    }
    for (size_t j = s; j < s + k; j++) {
      char ch = text[j];
      td_buf_addc(o, ch == '\n' || ch == '\t' || ch == '\r' ? ' ' : ch);
    }
    budget -= TD_MIN(budget, k);
    if (cut)
      td_buf_adds(o, "...");
  }
  td_buf_addc(o, '"');
}

typedef struct td_err_row {
  uint32_t start;
  long g, s; /* indexes, or -1 */
} td_err_row;

static int td_err_row_cmp(const void *a, const void *b) {
  const td_err_row *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->g != y->g)
    return x->g < y->g ? -1 : 1;
  return x->s < y->s ? -1 : x->s > y->s;
}

static uint32_t td_set_start(const td_attr_set *a) {
  uint32_t s = UINT32_MAX;
  for (size_t i = 0; i < a->n; i++)
    s = TD_MIN(s, a->pieces[i].start);
  return s;
}

/* With errors wanted: one line per gold set no system set overlaps (miss),
 * system set over no gold one (extra) and overlap match that is not the
 * same extent (partial), in text order. */
static void td_err_lines(td_buf *o, const char *file, const char *kind,
                         const char *text, size_t len, const td_attr_set *g,
                         size_t ng, const long *gm, const td_attr_set *s,
                         size_t ns, const long *sm) {
  TD_VEC(td_err_row) rows = {0};
  for (size_t i = 0; i < ng; i++)
    if (gm[i] < 0 || !td_attr_same(text, len, &g[i], &s[gm[i]])) {
      td_err_row r = {td_set_start(&g[i]), (long)i, gm[i]};
      td_vec_push(&rows, r);
    }
  for (size_t j = 0; j < ns; j++)
    if (sm[j] < 0) {
      td_err_row r = {td_set_start(&s[j]), -1, (long)j};
      td_vec_push(&rows, r);
    }
  if (rows.n > 1)
    qsort(rows.v, rows.n, sizeof(td_err_row), td_err_row_cmp);
  for (size_t k = 0; k < rows.n; k++) {
    const td_err_row *r = &rows.v[k];
    td_buf_printf(o, "%s\t%s\t%s", file, kind,
                  r->g < 0 ? "extra" : r->s < 0 ? "miss" : "partial");
    td_err_side(o, text, len, r->g >= 0 ? &g[r->g] : NULL);
    td_err_side(o, text, len, r->s >= 0 ? &s[r->s] : NULL);
    td_buf_addc(o, '\n');
  }
  td_vec_free(&rows);
}

typedef struct td_qjob {
  const td_ctx *ctx;
  const char *dir;
  unsigned flags;
  td_qdoc *docs;
  size_t ndocs, next;
  pthread_mutex_t mu;
} td_qjob;

/* The document of text (raw, the file's bytes) as plain text. */
static td_doc *td_story(const td_ctx *ctx, const char *path, const char *date,
                        const td_buf *raw, td_buf *msg) {
  td_read_opts o = {TD_FORMAT_TEXT, date, NULL, 0};
  td_reader *r = td_reader_new(ctx, &o);
  td_reader_add_mem(r, path, raw->ptr ? raw->ptr : "", raw->len);
  td_doc *doc = NULL;
  td_diag d;
  int rc = td_reader_next(r, &doc, &d);
  td_reader_free(r);
  if (rc != TD_DOC) {
    if (rc == TD_REFUSED)
      td_diag_format(&d, msg);
    else
      td_buf_printf(msg, "tidings: %s: error: no document\n", path);
    return NULL;
  }
  return doc;
}

static void td_score_story(const td_qjob *J, td_qdoc *q) {
  char tpath[4096], apath[4096];
  snprintf(tpath, sizeof(tpath), "%s/text/%s.txt", J->dir, q->name);
  if (!q->ann) {
    td_buf_printf(&q->msg, "tidings: %s: error: no attributions/%s_"
                           "ANNOTATOR.ann for it; not scored\n",
                  tpath, q->name);
    q->failed = true;
    return;
  }
  snprintf(apath, sizeof(apath), "%s/attributions/%s", J->dir, q->ann);
  td_buf raw = {0}, ann = {0};
  td_doc *doc = NULL;
  if (!td_slurp(tpath, &raw, &q->msg) || !td_slurp(apath, &ann, &q->msg) ||
      !(doc = td_story(J->ctx, tpath, q->date, &raw, &q->msg))) {
    q->failed = true;
    td_buf_free(&raw);
    td_buf_free(&ann);
    return;
  }
  size_t len;
  const char *text = td_doc_text(doc, &len);
  /* gold: offsets into the file; the document's text starts after a
   * byte order mark, if the file has one */
  td_brat gold;
  td_brat_read(&gold, apath, ann.ptr ? ann.ptr : "", ann.len, raw.ptr,
               raw.len, td_msg_diag, &q->msg);
  uint32_t skip = doc->text_offset > 0 ? (uint32_t)doc->text_offset : 0;
  for (size_t i = 0; i < gold.pieces.n; i++) {
    td_span *p = &gold.pieces.v[i];
    p->start = p->start > skip ? p->start - skip : 0;
    p->end = p->end > skip ? p->end - skip : 0;
  }
  td_doc_annotate(doc, J->ctx);

  /* the sets of each kind, gold then system */
  TD_VEC(td_attr_set) gs[3] = {{0}}, ss[3] = {{0}};
  for (size_t i = 0; i < gold.attrs.n; i++) {
    const td_brat_attr *a = &gold.attrs.v[i];
    const td_brat_set *sets[3] = {&a->source, &a->cue, &a->content};
    for (int k = 0; k < 3; k++)
      if (sets[k]->n) {
        td_attr_set x = {gold.pieces.v + sets[k]->first, sets[k]->n};
        td_vec_push(&gs[k], x);
      }
  }
  size_t nq = td_doc_nquotes(doc);
  td_quote_info *qs = td_calloc(nq ? nq : 1, sizeof(td_quote_info));
  size_t nquotes = 0;
  for (size_t i = 0; i < nq && td_doc_quote(doc, i, &qs[nquotes]); i++) {
    const td_quote_info *x = &qs[nquotes++];
    if (x->has_speaker && x->speaker.start < x->speaker.end) {
      td_attr_set a = {&x->speaker, 1};
      td_vec_push(&ss[0], a);
    }
    if (x->has_cue && x->cue.start < x->cue.end) {
      td_attr_set a = {&x->cue, 1};
      td_vec_push(&ss[1], a);
    }
    td_attr_set c = {&x->content, 1};
    if (x->nparts > 0 && x->parts) {
      c.pieces = x->parts;
      c.n = x->nparts;
    }
    if (td_attr_overlap(&c, &c) > 0)
      td_vec_push(&ss[2], c);
  }

  q->s.docs = 1;
  q->s.attributions = (long)gold.attrs.n;
  q->s.quotes = (long)nquotes;
  td_attr_counts *cs[3] = {&q->s.source, &q->s.cue, &q->s.content};
  char file[512];
  snprintf(file, sizeof(file), "%s.txt", q->name);
  td_buf errs = {0};
  for (int k = 0; k < 3; k++) {
    long *gm = td_malloc((gs[k].n + 1) * sizeof(long));
    long *sm = td_malloc((ss[k].n + 1) * sizeof(long));
    td_attr_match(text, len, gs[k].v, gs[k].n, ss[k].v, ss[k].n, cs[k], gm,
                  sm);
    if (J->flags & TD_EVAL_ERRORS)
      td_err_lines(&errs, file, td_kinds[k], text, len, gs[k].v, gs[k].n, gm,
                   ss[k].v, ss[k].n, sm);
    td_free(gm);
    td_free(sm);
    td_vec_free(&gs[k]);
    td_vec_free(&ss[k]);
  }
  if (J->flags & TD_EVAL_PER_FILE) {
    td_buf_printf(&q->out, "%s\t%s", file, q->annotator);
    if (q->nann > 1)
      td_buf_printf(&q->out, " (1 of %d)", q->nann);
    td_buf_printf(&q->out, "\t%ld\t%ld", q->s.attributions, q->s.quotes);
    for (int k = 0; k < 3; k++)
      td_buf_printf(&q->out, "\t%ld/%ld/%ld/%ld", cs[k]->gold, cs[k]->system,
                    cs[k]->exact, cs[k]->overlap);
    td_buf_addc(&q->out, '\n');
  }
  td_buf_add(&q->out, errs.ptr, errs.len);
  td_buf_free(&errs);
  td_free(qs);
  td_brat_free(&gold);
  td_doc_free(doc);
  td_buf_free(&raw);
  td_buf_free(&ann);
}

static void *td_qworker(void *arg) {
  td_qjob *J = arg;
  for (;;) {
    pthread_mutex_lock(&J->mu);
    size_t i = J->next++;
    pthread_mutex_unlock(&J->mu);
    if (i >= J->ndocs)
      return NULL;
    td_score_story(J, &J->docs[i]);
  }
}

/* ---- The split ----------------------------------------------------------- */

typedef TD_VEC(char *) td_names;

static int td_name_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void td_names_free(td_names *v) {
  for (size_t i = 0; i < v->n; i++)
    td_free(v->v[i]);
  td_vec_free(v);
}

/* The names of the regular files of dir ending in ext, sorted. */
static bool td_list(const char *dir, const char *ext, td_names *out,
                    FILE *report) {
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(report, "tidings: %s: error: cannot read directory: %s\n", dir,
            strerror(errno));
    return false;
  }
  size_t el = strlen(ext);
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t n = strlen(e->d_name);
    if (e->d_name[0] == '.' || n <= el || strcmp(e->d_name + n - el, ext))
      continue;
    char full[8192];
    snprintf(full, sizeof(full), "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(full, &st) == 0 && S_ISREG(st.st_mode))
      td_vec_push(out, td_strdup(e->d_name));
  }
  closedir(d);
  if (out->n > 1)
    qsort(out->v, out->n, sizeof(char *), td_name_cmp);
  return true;
}

/* Story dates from the corpus' metadata.tsv (columns filename and
 * publication_date), next to the split: names and dates, sorted by name. */
typedef struct td_meta {
  td_names names;
  TD_VEC(char *) dates;
} td_meta;

static void td_meta_load(td_meta *m, const char *dir) {
  char path[4096];
  snprintf(path, sizeof(path), "%s/../metadata.tsv", dir);
  td_buf b = {0}, msg = {0};
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "tidings: %s: warning: not found; the stories have no "
                    "date\n", path);
    return;
  }
  fclose(f);
  if (!td_slurp(path, &b, &msg)) {
    fputs(msg.ptr, stderr);
    td_buf_free(&msg);
    return;
  }
  td_buf_cstr(&b);
  int cname = -1, cdate = -1;
  char *save = NULL;
  TD_VEC(char *) pairs = {0};
  bool header = true;
  for (char *line = strtok_r(b.ptr, "\n", &save); line;
       line = strtok_r(NULL, "\n", &save)) {
    size_t ln = strlen(line);
    if (ln && line[ln - 1] == '\r')
      line[ln - 1] = 0;
    char *name = NULL, *date = NULL;
    int col = 0;
    for (char *p = line;; col++) {
      char *tab = strchr(p, '\t');
      if (tab)
        *tab = 0;
      if (header) {
        if (!strcmp(p, "filename"))
          cname = col;
        else if (!strcmp(p, "publication_date"))
          cdate = col;
      } else if (col == cname) {
        name = p;
      } else if (col == cdate) {
        date = p;
      }
      if (!tab)
        break;
      p = tab + 1;
    }
    if (header) {
      header = false;
      if (cname < 0 || cdate < 0) {
        fprintf(stderr, "tidings: %s:1: warning: no filename and "
                        "publication_date columns; the stories have no "
                        "date\n", path);
        break;
      }
      continue;
    }
    td_date d;
    if (name && date && td_date_from_string(date, &d) == 1) {
      td_buf e = {0};
      td_buf_printf(&e, "%s%c%s", name, 0, date);
      td_vec_push(&pairs, td_strndup(e.ptr, e.len)); /* NAME\0DATE */
      td_buf_free(&e);
    }
  }
  if (pairs.n > 1)
    qsort(pairs.v, pairs.n, sizeof(char *), td_name_cmp);
  for (size_t i = 0; i < pairs.n; i++) {
    td_vec_push(&m->names, pairs.v[i]);
    td_vec_push(&m->dates, pairs.v[i] + strlen(pairs.v[i]) + 1);
  }
  td_vec_free(&pairs);
  td_buf_free(&b);
}

static const char *td_meta_date(const td_meta *m, const char *name) {
  char **hit = m->names.n ? bsearch(&name, m->names.v, m->names.n,
                                    sizeof(char *), td_name_cmp)
                          : NULL;
  return hit ? m->dates.v[hit - m->names.v] : NULL;
}

/* The story NAME of an attributions file NAME_ANNOTATOR.ann (into out),
 * and where its annotator starts; false if it is not named so. */
static bool td_ann_story(const char *ann, char *out, size_t cap,
                         const char **annotator) {
  const char *us = strrchr(ann, '_');
  size_t n = strlen(ann);
  if (!us || us == ann || n - (size_t)(us - ann) <= 5 ||
      (size_t)(us - ann) >= cap)
    return false;
  memcpy(out, ann, (size_t)(us - ann));
  out[us - ann] = 0;
  *annotator = us + 1;
  return true;
}

int td_eval_quotes(const td_ctx *ctx, const char *dir, unsigned flags,
                   FILE *report, td_attr_scores *total) {
  memset(total, 0, sizeof(*total));
  if (!ctx->dicts) {
    fprintf(report, "tidings: eval quotes needs a context with the "
                    "dictionaries (not text_only)\n");
    return -1;
  }
  char tdir[4096], adir[4096];
  snprintf(tdir, sizeof(tdir), "%s/text", dir);
  snprintf(adir, sizeof(adir), "%s/attributions", dir);
  td_names texts = {0}, anns = {0};
  if (!td_list(tdir, ".txt", &texts, stderr) ||
      !td_list(adir, ".ann", &anns, stderr)) {
    td_names_free(&texts);
    td_names_free(&anns);
    return -1;
  }
  td_meta meta = {0};
  td_meta_load(&meta, dir);
  int rc = 0;

  if (texts.n == 0) {
    fprintf(stderr, "tidings: %s: error: no .txt files\n", tdir);
    rc = -1;
  }
  /* the stories, in the order of their names */
  for (size_t i = 0; i < texts.n; i++)
    texts.v[i][strlen(texts.v[i]) - 4] = 0;
  if (texts.n > 1)
    qsort(texts.v, texts.n, sizeof(char *), td_name_cmp);
  td_qdoc *docs = td_calloc(texts.n ? texts.n : 1, sizeof(td_qdoc));
  for (size_t i = 0; i < texts.n; i++) {
    docs[i].name = td_strdup(texts.v[i]);
    docs[i].date = td_meta_date(&meta, docs[i].name);
  }
  /* each story's attributions files: the alphabetically first is used */
  for (size_t j = 0; j < anns.n; j++) {
    char story[4096];
    const char *annotator;
    if (!td_ann_story(anns.v[j], story, sizeof(story), &annotator)) {
      fprintf(stderr, "tidings: %s/%s: warning: not named "
                      "NAME_ANNOTATOR.ann; not used\n", adir, anns.v[j]);
      continue;
    }
    char *key = story;
    size_t k = texts.n;
    for (size_t lo = 0, hi = texts.n; lo < hi;) { /* docs are sorted */
      size_t mid = (lo + hi) / 2;
      int c = strcmp(docs[mid].name, key);
      if (c == 0) {
        k = mid;
        break;
      }
      if (c < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
    if (k == texts.n) {
      fprintf(stderr, "tidings: %s/%s: warning: no text/%s.txt for it; not "
                      "used\n", adir, anns.v[j], story);
      continue;
    }
    td_qdoc *q = &docs[k];
    q->nann++;
    if (!q->ann || strcmp(anns.v[j], q->ann) < 0) {
      td_free(q->ann);
      td_free(q->annotator);
      q->ann = td_strdup(anns.v[j]);
      q->annotator = td_strndup(annotator, strlen(annotator) - 4);
    }
  }

  td_qjob J;
  memset(&J, 0, sizeof(J));
  J.ctx = ctx;
  J.dir = dir;
  J.flags = flags;
  J.docs = docs;
  J.ndocs = texts.n;
  pthread_mutex_init(&J.mu, NULL);
  int threads = TD_MIN(td_ncpu(), 8);
  if ((size_t)threads > texts.n)
    threads = texts.n ? (int)texts.n : 1;
  pthread_t tids[8];
  int started = 0;
  for (int t = 1; t < threads; t++)
    if (pthread_create(&tids[started], NULL, td_qworker, &J) == 0)
      started++;
  td_qworker(&J);
  for (int t = 0; t < started; t++)
    pthread_join(tids[t], NULL);
  pthread_mutex_destroy(&J.mu);

  if (flags & TD_EVAL_PER_FILE)
    fprintf(report, "# file\tannotator\tattributions\tquotes\tsource\tcue\t"
                    "content (each gold/system/exact/overlap)\n");
  for (size_t i = 0; i < texts.n; i++) {
    td_qdoc *q = &docs[i];
    if (q->msg.len) {
      fflush(report);
      fwrite(q->msg.ptr, 1, q->msg.len, stderr);
    }
    if (q->out.len)
      fwrite(q->out.ptr, 1, q->out.len, report);
    if (q->failed)
      rc = -1;
    else
      td_scores_add(total, &q->s);
    td_buf_free(&q->out);
    td_buf_free(&q->msg);
    td_free(q->name);
    td_free(q->ann);
    td_free(q->annotator);
  }
  td_free(docs);
  td_names_free(&texts);
  td_names_free(&anns);
  td_names_free(&meta.names);
  td_vec_free(&meta.dates);
  td_attr_report(report, total);
  return rc;
}
