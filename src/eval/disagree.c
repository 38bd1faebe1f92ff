/*
 * disagree.c — `tidings eval compare`: scores the comparison of sources
 * against a gold list of disagreements (examples/disagreements.tsv: event,
 * attribute, kind, story_a, value_a, story_b, value_b, note). A gold row is
 * found when a compared fact of the same attribute has a value in story_a
 * whose evidence overlaps value_a (and one in story_b overlapping value_b)
 * with the gold kind: conflict, compatible, same (agree) or only_a
 * (single). Framing rows are found in the framing lists. Every conflict
 * tidings reports that matches no gold conflict is counted as a false
 * conflict.
 */
#define _GNU_SOURCE /* memmem */
#include "../core/data.h"
#include "../link/link.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct td_gold_row {
  long line;
  char *attr, *kind, *story[2], *value[2], *note;
} td_gold_row;

typedef struct td_named {
  char *name; /* file name or JSON Lines id */
  char *text;
  size_t len;
} td_named;

typedef struct td_dis {
  TD_VEC(td_gold_row) rows;
  TD_VEC(td_named) docs; /* parallel to the collection's digests */
} td_dis;

static bool td_dis_record(void *ud, const td_record *rec, td_diag *err) {
  td_dis *D = ud;
  if (rec->n < 7)
    return td_record_error(rec, err, "expected 8 TAB-separated columns");
  if (td_field_eq(rec->f[0], "event"))
    return true; /* the header */
  td_gold_row r;
  memset(&r, 0, sizeof(r));
  r.line = rec->line;
  r.attr = td_field_dup(rec->f[1]);
  r.kind = td_field_dup(rec->f[2]);
  r.story[0] = td_field_dup(rec->f[3]);
  r.value[0] = td_field_dup(rec->f[4]);
  r.story[1] = td_field_dup(rec->f[5]);
  /* the last field keeps any further TABs: value_b<TAB>note */
  td_field last = rec->f[6];
  const char *tab = memchr(last.s, '\t', last.n);
  td_field vb = {last.s, tab ? (size_t)(tab - last.s) : last.n};
  r.value[1] = td_field_dup(vb);
  r.note = tab ? td_strndup(tab + 1, last.n - (size_t)(tab + 1 - last.s))
               : td_strdup("");
  td_vec_push(&D->rows, r);
  return true;
}

static const char *td_basename(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

/* The document named `name`, or -1. */
static long td_dis_doc(const td_dis *D, const char *name) {
  for (size_t i = 0; i < D->docs.n; i++)
    if (!strcmp(D->docs.v[i].name, name))
      return (long)i;
  return -1;
}

/* Does [start, end) of document doc overlap an occurrence of value? */
static bool td_dis_overlaps(const td_dis *D, long doc, const char *value,
                            uint32_t start, uint32_t end) {
  if (doc < 0 || !*value)
    return false;
  const td_named *d = &D->docs.v[doc];
  size_t n = strlen(value);
  for (const char *p = d->text; p && (size_t)(p - d->text) + n <= d->len;) {
    const char *q = memmem(p, d->len - (size_t)(p - d->text), value, n);
    if (!q)
      break;
    uint32_t s = (uint32_t)(q - d->text), e = s + (uint32_t)n;
    if (s < end && start < e)
      return true;
    p = q + 1;
  }
  return false;
}

static int td_dis_kind(const char *attr) {
  static const char *names[] = {"count", "duration", "date",
                                "place", "name",     "quote"};
  for (int i = 0; i < 6; i++)
    if (!strcmp(attr, names[i]))
      return TD_LK_COUNT + i;
  return -1;
}

static int td_dis_status(const char *kind) {
  if (!strcmp(kind, "conflict"))
    return TD_LK_CONFLICT;
  if (!strcmp(kind, "compatible"))
    return TD_LK_COMPATIBLE;
  if (!strcmp(kind, "same"))
    return TD_LK_AGREE;
  if (!strcmp(kind, "only_a"))
    return TD_LK_SINGLE;
  return -1;
}

static void td_value_span(const td_collection *c, const td_lk_value *v,
                          uint32_t *s, uint32_t *e) {
  const td_digest *d = c->docs.v[v->doc];
  if (v->what == TD_LK_V_PLACE) {
    const td_lk_event *ev = &d->events[v->fact];
    *s = ev->place_span.start;
    *e = ev->place_span.end;
  } else if (v->what == TD_LK_V_DATE) {
    const td_lk_event *ev = &d->events[v->fact];
    *s = ev->date_span.end > ev->date_span.start ? ev->date_span.start
                                                  : ev->start;
    *e = ev->date_span.end > ev->date_span.start ? ev->date_span.end
                                                  : ev->end;
  } else {
    *s = d->facts[v->fact].start;
    *e = d->facts[v->fact].end;
  }
}

/* Which side of gold row r the value v stands for: 0, 1, or -1. */
static int td_dis_side(const td_dis *D, const td_collection *c,
                       const td_gold_row *r, const td_lk_value *v) {
  uint32_t s, e;
  td_value_span(c, v, &s, &e);
  for (int k = 0; k < 2; k++) {
    long doc = td_dis_doc(D, r->story[k]);
    if (doc == (long)v->doc && td_dis_overlaps(D, doc, r->value[k], s, e))
      return k;
  }
  return -1;
}

/* 2 found with the gold kind, 1 found with another status, 0 missed. */
static int td_dis_find(const td_dis *D, const td_collection *c,
                       const td_gold_row *r, int want_kind, int want_status,
                       const td_lk_cmp **hit) {
  int best = 0;
  bool pair = want_status != TD_LK_SINGLE;
  for (size_t i = 0; i < c->cmps.n; i++) {
    const td_lk_cmp *cm = &c->cmps.v[i];
    if (cm->kind != want_kind)
      continue;
    long at[2] = {-1, -1};
    for (size_t k = 0; k < cm->v.n; k++) {
      int s = td_dis_side(D, c, r, &cm->v.v[k]);
      if (s >= 0 && at[s] < 0)
        at[s] = (long)k;
    }
    if (at[0] < 0 || (pair && at[1] < 0))
      continue;
    /* a pair is judged by how its two values compare, a group of more
     * sources by the worst of its pairs */
    int status = pair ? (int)td_lk_pair_status(c, cm, (size_t)at[0],
                                                (size_t)at[1])
                      : cm->status;
    int got = status == want_status ? 2 : 1;
    if (got > best) {
      best = got;
      *hit = cm;
    }
  }
  return best;
}

static bool td_dis_frame(const td_dis *D, const td_collection *c,
                         const char *story, const char *value) {
  long doc = td_dis_doc(D, story);
  for (size_t i = 0; i < c->frames.n; i++) {
    const td_lk_frame *f = &c->frames.v[i];
    if ((long)f->doc == doc &&
        td_dis_overlaps(D, doc, value, f->span.start, f->span.end))
      return true;
  }
  return false;
}

static void td_dis_print(void *ud, const td_diag *d) {
  (void)ud;
  td_diag_print(d, stderr);
}

int td_eval_compare(const td_ctx *ctx, const char *tsv,
                    const char *const *paths, size_t npaths, unsigned flags,
                    FILE *report, td_cmp_scores *out) {
  td_dis D;
  memset(&D, 0, sizeof(D));
  memset(out, 0, sizeof(*out));
  td_diag err;
  FILE *fp = fopen(tsv, "rb");
  if (!fp) {
    fprintf(stderr, "tidings: %s: cannot open\n", tsv);
    return -1;
  }
  fclose(fp);
  /* the gold file is a user's file: read it as a data file of that path */
  long bad = td_data_check(tsv, 7, td_dis_record, &D, td_dis_print, NULL,
                           &err);
  if (bad != 0) {
    if (bad < 0)
      td_diag_print(&err, stderr);
    return -1;
  }
  td_collection *c = td_collection_new(ctx, NULL, &err);
  if (!c) {
    td_diag_print(&err, stderr);
    return -1;
  }
  td_read_opts ro = {0};
  td_reader *rd = td_reader_new(ctx, &ro);
  for (size_t i = 0; i < npaths; i++)
    td_reader_add_path(rd, paths[i]);
  td_doc *doc;
  td_diag dg;
  int rc;
  while ((rc = td_reader_next(rd, &doc, &dg)) != TD_END) {
    if (rc == TD_REFUSED) {
      td_diag_print(&dg, stderr);
      continue;
    }
    td_doc_annotate(doc, ctx);
    td_collection_add(c, doc);
    td_named nd;
    const char *p = td_doc_path(doc);
    nd.name = td_strdup(td_doc_format(doc) == TD_FORMAT_JSONL || !p
                            ? td_doc_id(doc)
                            : td_basename(p));
    const char *t = td_doc_text(doc, &nd.len);
    nd.text = td_strndup(t, nd.len);
    td_vec_push(&D.docs, nd);
    td_doc_free(doc);
  }
  td_reader_free(rd);
  td_collection_link(c);
  /* every gold row */
  bool *gold_conflict = td_calloc(c->cmps.n + 1, sizeof(bool));
  for (size_t i = 0; i < D.rows.n; i++) {
    const td_gold_row *r = &D.rows.v[i];
    int status = td_dis_status(r->kind);
    int kind = td_dis_kind(r->attr);
    bool framing = !strcmp(r->attr, "framing");
    int got = 0;
    const td_lk_cmp *hit = NULL;
    if (framing)
      got = td_dis_frame(&D, c, r->story[0], r->value[0]) &&
                    (status == TD_LK_SINGLE ||
                     td_dis_frame(&D, c, r->story[1], r->value[1]))
                ? 2
                : 0;
    else if (kind > 0 && status >= 0)
      got = td_dis_find(&D, c, r, kind, status, &hit);
    if (hit && status == TD_LK_CONFLICT && got == 2)
      gold_conflict[hit - c->cmps.v] = true;
    if (td_dis_doc(&D, r->story[0]) < 0 ||
        (status != TD_LK_SINGLE && td_dis_doc(&D, r->story[1]) < 0))
      fprintf(stderr, "tidings: %s:%ld: a story that is not among the "
                      "inputs\n", tsv, r->line);
    int a = framing ? TD_LK_FRAME : kind > 0 ? kind : 0;
    out->gold[a]++;
    out->found[a] += got == 2;
    out->wrong_status[a] += got == 1;
    out->total_gold++;
    out->total_found += got == 2;
    if (flags & TD_EVAL_ERRORS && got != 2)
      fprintf(report, "%s\t%s\t%s\t%s \"%s\"\t%s \"%s\"%s%s\n",
              got == 1 ? "status" : "missed", r->attr, r->kind, r->story[0],
              r->value[0], r->story[1], r->value[1],
              got == 1 ? "\tgot " : "",
              got == 1 ? td_lk_status_name((td_lk_status)hit->status) : "");
  }
  /* conflicts no gold row stands for */
  for (size_t i = 0; i < c->cmps.n; i++) {
    const td_lk_cmp *cm = &c->cmps.v[i];
    if (cm->status != TD_LK_CONFLICT || gold_conflict[i])
      continue;
    out->false_conflicts++;
    if (flags & TD_EVAL_ERRORS) {
      fprintf(report, "false conflict\t%s", td_lk_kind_name((td_lk_kind)cm->kind));
      for (size_t k = 0; k < cm->v.n; k++) {
        uint32_t s, e;
        td_value_span(c, &cm->v.v[k], &s, &e);
        const td_named *nd = &D.docs.v[cm->v.v[k].doc];
        fprintf(report, "\t%s \"%.*s\"", nd->name, (int)(e - s),
                nd->text + s);
      }
      fprintf(report, "\n");
    }
  }
  td_free(gold_conflict);
  td_collection_free(c);
  for (size_t i = 0; i < D.rows.n; i++) {
    td_gold_row *r = &D.rows.v[i];
    td_free(r->attr);
    td_free(r->kind);
    td_free(r->story[0]);
    td_free(r->story[1]);
    td_free(r->value[0]);
    td_free(r->value[1]);
    td_free(r->note);
  }
  td_vec_free(&D.rows);
  for (size_t i = 0; i < D.docs.n; i++) {
    td_free(D.docs.v[i].name);
    td_free(D.docs.v[i].text);
  }
  td_vec_free(&D.docs);
  return 0;
}

void td_cmp_report(FILE *f, const td_cmp_scores *s) {
  static const char *names[] = {"other", "count", "duration", "date",
                                "place", "name",  "quote",    "framing"};
  for (int k = 0; k < TD_LK_NKINDS; k++)
    if (s->gold[k])
      fprintf(f, "%-9s found %ld of %ld (%ld with another status)\n",
              names[k], s->found[k], s->gold[k], s->wrong_status[k]);
  fprintf(f, "total: found %ld of %ld gold rows (%.1f%%); false conflicts "
             "%ld\n",
          s->total_found, s->total_gold,
          s->total_gold ? 100.0 * (double)s->total_found / (double)s->total_gold
                        : 0.0,
          s->false_conflicts);
}
