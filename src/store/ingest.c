/*
 * ingest.c — storing documents (td_store_ingest) and linking every stored
 * document again (td_store_relink). Workers annotate each document and
 * encode what the store keeps of it (a record: the document's fields, its
 * JSON, its event rows); the calling thread receives the records of a batch
 * in input order and stores the batch in one transaction.
 */
#include "store.h"
#include "../doc/doc.h"
#include "../read/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <xxhash.h>

/* ---- Records: what a worker hands to the writer ------------------------- */

#define TD_NO_STR UINT32_MAX

static void td_put_u64(td_buf *b, uint64_t v) { td_buf_add(b, &v, 8); }

static void td_put_str(td_buf *b, const char *s, size_t n) {
  uint32_t len = s ? (uint32_t)n : TD_NO_STR;
  td_buf_add(b, &len, 4);
  if (s)
    td_buf_add(b, s, n);
}

static void td_put_cstr(td_buf *b, const char *s) {
  td_put_str(b, s, s ? strlen(s) : 0);
}

typedef struct td_cursor {
  const char *p, *end;
} td_cursor;

static uint64_t td_get_u64(td_cursor *c) {
  uint64_t v = 0;
  if (c->end - c->p >= 8) {
    memcpy(&v, c->p, 8);
    c->p += 8;
  }
  return v;
}

typedef struct td_str {
  const char *p;
  int n; /* -1: NULL */
} td_str;

static td_str td_get_str(td_cursor *c) {
  td_str s = {NULL, -1};
  uint32_t len;
  if (c->end - c->p < 4)
    return s;
  memcpy(&len, c->p, 4);
  c->p += 4;
  if (len == TD_NO_STR || (size_t)(c->end - c->p) < len)
    return s;
  s.p = c->p;
  s.n = (int)len;
  c->p += len;
  return s;
}

static void td_bind(sqlite3_stmt *st, int i, td_str s) {
  if (s.n < 0)
    sqlite3_bind_null(st, i);
  else
    sqlite3_bind_text(st, i, s.p ? s.p : "", s.n, SQLITE_STATIC);
}

/* Actor codes of an event, separated by spaces. */
static void td_put_actors(td_buf *b, const td_event_actor *a, size_t n) {
  td_buf tmp = {0};
  for (size_t i = 0; i < n; i++)
    if (a[i].code) {
      if (tmp.len)
        td_buf_addc(&tmp, ' ');
      td_buf_adds(&tmp, a[i].code);
    }
  td_put_str(b, tmp.ptr ? tmp.ptr : "", tmp.len);
  td_buf_free(&tmp);
}

typedef struct td_ingest_cfg {
  const td_ctx *ctx;
} td_ingest_cfg;

/* On a worker: annotate the document and encode its record. */
static void td_ingest_one(td_doc *doc, td_buf *out, td_buf *msg, void *ud) {
  (void)msg;
  td_ingest_cfg *cfg = ud;
  /* what reading gave, before annotation fills in what the text says */
  const char *in_source = doc->source, *opt_source = doc->source_fallback;
  const char *in_title = doc->title;
  uint32_t lead_end = doc->lead_line.end;
  td_doc_annotate(doc, cfg->ctx);

  size_t len;
  const char *text = td_doc_text(doc, &len);
  size_t start = out->len;
  td_put_u64(out, 0); /* record length, filled below */
  td_put_u64(out, XXH3_64bits(text, len));
  td_put_u64(out, len);
  td_put_cstr(out, td_doc_id(doc));
  td_put_cstr(out, td_doc_path(doc));
  td_put_cstr(out, td_doc_source(doc));
  td_put_cstr(out, td_doc_title(doc));
  td_put_str(out, text, len);
  td_put_cstr(out, td_format_name(td_doc_format(doc)));
  char date[16];
  td_date d = td_doc_date(doc);
  td_date_format(d, date);
  td_put_cstr(out, d.year ? date : NULL);
  td_put_cstr(out, in_source);
  td_put_cstr(out, opt_source);
  td_put_cstr(out, in_title);
  td_put_u64(out, lead_end);
  td_buf json = {0};
  td_doc_write_json(doc, &json, TD_JSON_NO_TEXT);
  td_put_str(out, json.ptr ? json.ptr : "", json.len);

  size_t nev = td_doc_nevents(doc);
  td_put_u64(out, nev);
  td_event_info e;
  for (size_t i = 0; i < nev && td_doc_event(doc, i, &e); i++) {
    char id[300];
    snprintf(id, sizeof(id), "%s-v%zu", td_doc_id(doc), i + 1);
    td_put_cstr(out, id);
    td_put_cstr(out, e.code);
    td_put_cstr(out, e.root);
    td_put_u64(out, (uint64_t)(int64_t)e.quad);
    uint64_t g;
    memcpy(&g, &e.goldstein, 8);
    td_put_u64(out, g);
    td_put_cstr(out, e.plover);
    td_put_cstr(out, e.mode);
    td_put_actors(out, e.sources, e.nsources);
    td_put_actors(out, e.targets, e.ntargets);
    td_put_cstr(out, e.date);
    td_put_cstr(out, e.date ? e.granularity : NULL);
    td_put_cstr(out, e.date ? td_date_from_name(e.date_from) : NULL);
    int y, m, dd;
    char day[16];
    bool has_day = e.date && td_first_day(e.date, &y, &m, &dd);
    if (has_day)
      td_date_format((td_date){(int16_t)y, (int8_t)m, (int8_t)dd}, day);
    td_put_cstr(out, has_day ? day : NULL);
    td_place_info pl;
    bool has_place = e.place >= 0 && td_doc_place(doc, (size_t)e.place, &pl);
    td_put_cstr(out, has_place ? pl.name : NULL);
    td_put_cstr(out, has_place ? pl.country : NULL);
    json.len = 0;
    for (unsigned bit = 1; bit <= TD_MOD_REPORTED; bit <<= 1)
      if ((e.modality & bit) && td_modality_name(bit)) {
        if (json.len)
          td_buf_addc(&json, ' ');
        td_buf_adds(&json, td_modality_name(bit));
      }
    td_put_str(out, json.ptr ? json.ptr : "", json.len);
    td_put_u64(out, e.span.start);
    td_put_u64(out, e.span.end);
    td_put_str(out, text + e.span.start, e.span.end - e.span.start);
    json.len = 0;
    td_doc_write_event(doc, i, &json, TD_EVENTS_PLOVER, 0);
    td_put_str(out, json.ptr ? json.ptr : "", json.len);
    json.len = 0;
    td_doc_write_event(doc, i, &json, TD_EVENTS_GDELT, 0);
    td_put_str(out, json.ptr ? json.ptr : "", json.len);
  }
  td_buf_free(&json);
  uint64_t rlen = out->len - start - 8;
  memcpy(out->ptr + start, &rlen, 8);
}

/* ---- The writer: one transaction per batch ------------------------------ */

enum { TD_Q_HAS, TD_Q_DOC, TD_Q_FTS, TD_Q_ANN, TD_Q_EVENT, TD_NQ };

typedef struct td_writer {
  td_store *s;
  sqlite3_stmt *q[TD_NQ];
  td_ingest_stats *st;
  const td_ingest_opts *opts;
  td_diag *err;
  bool failed;
} td_writer;

static const char *const td_writer_sql[TD_NQ] = {
    "SELECT 1 FROM documents WHERE hash = ?1",
    "INSERT INTO documents(doc_id, hash, bytes, path, source, title, text, "
    "format, date, input_source, option_source, input_title, lead_end, "
    "nevents, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
    "?11, ?12, ?13, ?14, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
    "INSERT INTO documents_fts(rowid, title, text) VALUES (?1, ?2, ?3)",
    "INSERT INTO annotations(doc, json) VALUES (?1, ?2)",
    "INSERT INTO events(doc, event_id, code, root, quad, goldstein, plover, "
    "mode, sources, targets, date, granularity, date_from, day, place, "
    "country, modality, span_start, span_end, text, plover_json, gdelt) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
    "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)"};

static bool td_step_done(sqlite3_stmt *st) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  return rc == SQLITE_DONE;
}

/* Stores one record; false on a database error. */
static bool td_store_record(td_writer *w, td_cursor *c, bool *dup) {
  sqlite3_stmt **q = w->q;
  int64_t hash = (int64_t)td_get_u64(c);
  int64_t bytes = (int64_t)td_get_u64(c);
  sqlite3_bind_int64(q[TD_Q_HAS], 1, hash);
  int rc = sqlite3_step(q[TD_Q_HAS]);
  sqlite3_reset(q[TD_Q_HAS]);
  if (rc == SQLITE_ROW) {
    *dup = true;
    return true;
  }
  if (rc != SQLITE_DONE)
    return false;
  *dup = false;
  sqlite3_stmt *d = q[TD_Q_DOC];
  td_str id = td_get_str(c), path = td_get_str(c), source = td_get_str(c);
  td_str title = td_get_str(c), text = td_get_str(c), fmt = td_get_str(c);
  td_str date = td_get_str(c), in_source = td_get_str(c);
  td_str opt_source = td_get_str(c), in_title = td_get_str(c);
  int64_t lead_end = (int64_t)td_get_u64(c);
  td_str json = td_get_str(c);
  uint64_t nev = td_get_u64(c);
  td_bind(d, 1, id);
  sqlite3_bind_int64(d, 2, hash);
  sqlite3_bind_int64(d, 3, bytes);
  td_bind(d, 4, path);
  td_bind(d, 5, source);
  td_bind(d, 6, title);
  td_bind(d, 7, text);
  td_bind(d, 8, fmt);
  td_bind(d, 9, date);
  td_bind(d, 10, in_source);
  td_bind(d, 11, opt_source);
  td_bind(d, 12, in_title);
  sqlite3_bind_int64(d, 13, lead_end);
  sqlite3_bind_int64(d, 14, (int64_t)nev);
  if (!td_step_done(d))
    return false;
  int64_t row = sqlite3_last_insert_rowid(w->s->db);
  sqlite3_bind_int64(q[TD_Q_FTS], 1, row);
  td_bind(q[TD_Q_FTS], 2, title);
  td_bind(q[TD_Q_FTS], 3, text);
  if (!td_step_done(q[TD_Q_FTS]))
    return false;
  sqlite3_bind_int64(q[TD_Q_ANN], 1, row);
  td_bind(q[TD_Q_ANN], 2, json);
  if (!td_step_done(q[TD_Q_ANN]))
    return false;
  sqlite3_stmt *e = q[TD_Q_EVENT];
  for (uint64_t i = 0; i < nev; i++) {
    sqlite3_bind_int64(e, 1, row);
    td_bind(e, 2, td_get_str(c)); /* event id */
    td_bind(e, 3, td_get_str(c)); /* code */
    td_bind(e, 4, td_get_str(c)); /* root */
    sqlite3_bind_int64(e, 5, (int64_t)td_get_u64(c));
    uint64_t g = td_get_u64(c);
    double gd;
    memcpy(&gd, &g, 8);
    sqlite3_bind_double(e, 6, gd);
    for (int k = 7; k <= 17; k++) /* plover ... modality */
      td_bind(e, k, td_get_str(c));
    sqlite3_bind_int64(e, 18, (int64_t)td_get_u64(c));
    sqlite3_bind_int64(e, 19, (int64_t)td_get_u64(c));
    for (int k = 20; k <= 22; k++) /* text, plover_json, gdelt */
      td_bind(e, k, td_get_str(c));
    if (!td_step_done(e))
      return false;
    w->st->events++;
  }
  return true;
}

static int td_write_batch(void *ud, const char *p, size_t n) {
  td_writer *w = ud;
  if (n == 0)
    return 0;
  if (!td_store_exec(w->s, "BEGIN IMMEDIATE", w->err)) {
    w->failed = true;
    return -1;
  }
  td_ingest_stats before = *w->st;
  const char *end = p + n;
  while (p < end) {
    uint64_t rlen;
    memcpy(&rlen, p, 8);
    td_cursor c = {p + 8, p + 8 + rlen};
    bool dup = false;
    if (!td_store_record(w, &c, &dup)) {
      td_store_error(w->s, w->err, "cannot store a document");
      td_diag tmp;
      td_store_exec(w->s, "ROLLBACK", &tmp);
      *w->st = before;
      w->failed = true;
      return -1;
    }
    w->st->docs++;
    if (dup)
      w->st->duplicates++;
    else
      w->st->stored++;
    p = c.end;
  }
  if (!td_store_exec(w->s, "COMMIT", w->err)) {
    td_diag tmp;
    td_store_exec(w->s, "ROLLBACK", &tmp);
    *w->st = before;
    w->failed = true;
    return -1;
  }
  w->st->batches++;
  if (w->opts && w->opts->progress)
    w->opts->progress(w->opts->progress_ud, w->st);
  return 0;
}

int td_store_ingest(td_store *s, const td_ctx *ctx, td_reader *r,
                    const td_ingest_opts *opts, FILE *msg,
                    td_ingest_stats *st, td_diag *err) {
  td_ingest_stats local;
  if (!st)
    st = &local;
  memset(st, 0, sizeof(*st));
  td_writer w = {0};
  w.s = s;
  w.st = st;
  w.opts = opts;
  w.err = err;
  for (int i = 0; i < TD_NQ; i++)
    if (!(w.q[i] = td_store_prepare(s, td_writer_sql[i], err))) {
      for (int k = 0; k < i; k++)
        sqlite3_finalize(w.q[k]);
      return -1;
    }
  td_ingest_cfg cfg = {ctx};
  td_run_stats rs;
  td_run_batches(r, opts ? opts->threads : 0, td_ingest_one, &cfg,
                 td_write_batch, &w, msg, &rs);
  st->refused = rs.refused;
  st->bytes = rs.bytes;
  for (int i = 0; i < TD_NQ; i++)
    sqlite3_finalize(w.q[i]);
  return w.failed ? -1 : 0;
}

/* ---- Linking again --------------------------------------------------------- */

typedef struct td_relink {
  sqlite3_stmt *q;
  TD_VEC(int64_t) rows;
  TD_VEC(td_date) dates;
  bool failed, done;
} td_relink;

static const char *td_text_col(sqlite3_stmt *st, int i, size_t *n) {
  const char *s = (const char *)sqlite3_column_text(st, i);
  *n = (size_t)sqlite3_column_bytes(st, i);
  return s;
}

static const char *td_doc_col(td_doc *doc, sqlite3_stmt *st, int i) {
  size_t n;
  const char *s = td_text_col(st, i, &n);
  return s ? td_doc_strdup(doc, s, n) : NULL;
}

/* The next stored document, made as the reader made it. */
static int td_relink_next(void *ud, td_doc **out, td_diag *diag) {
  td_relink *rl = ud;
  (void)diag;
  if (rl->done) /* stepping again would start the statement over */
    return TD_END;
  int rc = sqlite3_step(rl->q);
  if (rc != SQLITE_ROW) {
    if (rc != SQLITE_DONE)
      rl->failed = true;
    rl->done = true;
    return TD_END;
  }
  const char *fmt = (const char *)sqlite3_column_text(rl->q, 1);
  int f = fmt ? td_format_parse(fmt) : -1;
  td_doc *doc = td_doc_new(f > 0 ? (td_format)f : TD_FORMAT_TEXT);
  doc->id = td_doc_col(doc, rl->q, 2);
  doc->path = td_doc_col(doc, rl->q, 3);
  doc->input = doc->path ? doc->path : "<store>";
  const char *date = (const char *)sqlite3_column_text(rl->q, 4);
  if (date)
    td_date_parse(date, strlen(date), &doc->date);
  size_t n;
  const char *text = td_text_col(rl->q, 5, &n);
  td_buf b = {0};
  td_buf_add(&b, text ? text : "", n);
  td_doc_take_text(doc, &b);
  doc->source = td_doc_col(doc, rl->q, 6);
  doc->source_fallback = td_doc_col(doc, rl->q, 7);
  doc->title = td_doc_col(doc, rl->q, 8);
  int64_t lead = sqlite3_column_int64(rl->q, 9);
  if (lead > 0 && (uint64_t)lead <= doc->len)
    doc->lead_line.end = (uint32_t)lead;
  doc->text_offset = 0;
  doc->text_line = 1;
  if (doc->source)
    doc->source_from = TD_SRC_INPUT;
  td_vec_push(&rl->rows, sqlite3_column_int64(rl->q, 0));
  td_vec_push(&rl->dates, doc->date);
  *out = doc;
  return TD_DOC;
}

int td_store_relink(td_store *s, const td_ctx *ctx, const td_link_opts *lo,
                    int threads, size_t *nstories, td_diag *err) {
  td_collection *col = td_collection_new(ctx, lo, err);
  if (!col)
    return -1;
  td_relink rl = {0};
  rl.q = td_store_prepare(s,
                          "SELECT id, format, doc_id, path, date, text, "
                          "input_source, option_source, input_title, "
                          "lead_end FROM documents ORDER BY id",
                          err);
  int ret = -1;
  td_buf json = {0};
  sqlite3_stmt *ins_story = NULL, *ins_doc = NULL, *ins_json = NULL;
  if (!rl.q)
    goto out;
  /* Read the documents in one read transaction: a consistent snapshot. */
  if (!td_store_exec(s, "BEGIN", err))
    goto out;
  td_reader *r = td_reader_new_fn(ctx, td_relink_next, &rl);
  FILE *devnull = fopen("/dev/null", "w");
  td_collection_read(col, r, threads, devnull ? devnull : stderr, NULL);
  if (devnull)
    fclose(devnull);
  td_reader_free(r);
  sqlite3_finalize(rl.q);
  rl.q = NULL;
  td_diag tmp;
  td_store_exec(s, "COMMIT", &tmp);
  if (rl.failed) {
    td_store_error(s, err, "cannot read the documents back");
    goto out;
  }
  td_collection_link(col);
  td_collection_write(col, &json, TD_VIEW_COMPARE, TD_LINK_JSON);

  size_t ndocs = td_collection_ndocs(col), nst = td_collection_nstories(col);
  /* first and last date of each story */
  td_date *first = td_calloc(nst + 1, sizeof(td_date));
  td_date *last = td_calloc(nst + 1, sizeof(td_date));
  size_t *count = td_calloc(nst + 1, sizeof(size_t));
  for (size_t i = 0; i < ndocs && i < rl.dates.n; i++) {
    size_t k = td_collection_story_of(col, i);
    if (k >= nst)
      continue;
    td_date d = rl.dates.v[i];
    count[k]++;
    if (!d.year)
      continue;
    long v = td_days_from_civil(d.year, d.month, d.day);
    if (!first[k].year ||
        v < td_days_from_civil(first[k].year, first[k].month, first[k].day))
      first[k] = d;
    if (!last[k].year ||
        v > td_days_from_civil(last[k].year, last[k].month, last[k].day))
      last[k] = d;
  }
  bool ok = td_store_exec(s, "BEGIN IMMEDIATE", err);
  if (ok)
    ok = td_store_exec(s, "DELETE FROM story_docs; DELETE FROM stories;",
                       err) &&
         (ins_story = td_store_prepare(
              s, "INSERT INTO stories(id, first_date, last_date, ndocs) "
                 "VALUES (?1, ?2, ?3, ?4)",
              err)) &&
         (ins_doc = td_store_prepare(
              s, "INSERT INTO story_docs(story, doc) VALUES (?1, ?2)",
              err)) &&
         (ins_json = td_store_prepare(
              s, "INSERT OR REPLACE INTO link_json(id, ndocs, linked_at, "
                 "json) VALUES (1, ?1, strftime('%Y-%m-%dT%H:%M:%SZ', "
                 "'now'), ?2)",
              err));
  for (size_t k = 0; ok && k < nst; k++) {
    char a[16], b[16];
    td_date_format(first[k], a);
    td_date_format(last[k], b);
    sqlite3_bind_int64(ins_story, 1, (int64_t)k + 1);
    if (first[k].year)
      sqlite3_bind_text(ins_story, 2, a, -1, SQLITE_TRANSIENT);
    if (last[k].year)
      sqlite3_bind_text(ins_story, 3, b, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(ins_story, 4, (int64_t)count[k]);
    ok = td_step_done(ins_story);
  }
  for (size_t i = 0; ok && i < ndocs && i < rl.rows.n; i++) {
    size_t k = td_collection_story_of(col, i);
    if (k >= nst)
      continue;
    sqlite3_bind_int64(ins_doc, 1, (int64_t)k + 1);
    sqlite3_bind_int64(ins_doc, 2, rl.rows.v[i]);
    ok = td_step_done(ins_doc);
  }
  if (ok) {
    sqlite3_bind_int64(ins_json, 1, (int64_t)ndocs);
    sqlite3_bind_text(ins_json, 2, json.ptr ? json.ptr : "", (int)json.len,
                      SQLITE_STATIC);
    ok = td_step_done(ins_json);
  }
  if (ok)
    ok = td_store_exec(s, "COMMIT", err);
  else
    td_store_error(s, err, "cannot store the stories");
  if (!ok)
    td_store_exec(s, "ROLLBACK", &tmp);
  td_free(first);
  td_free(last);
  td_free(count);
  if (ok) {
    if (nstories)
      *nstories = nst;
    ret = 0;
  }
out:
  sqlite3_finalize(rl.q);
  sqlite3_finalize(ins_story);
  sqlite3_finalize(ins_doc);
  sqlite3_finalize(ins_json);
  td_buf_free(&json);
  td_vec_free(&rl.rows);
  td_vec_free(&rl.dates);
  td_collection_free(col);
  return ret;
}
