/*
 * store.c — the SQLite store: opening a database (WAL, synchronous=NORMAL,
 * foreign keys), its schema (docs/format.md, "Store") and the event query.
 * Every statement takes its values as bound parameters.
 */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>

static const char td_schema[] =
    "CREATE TABLE IF NOT EXISTS meta(\n"
    "  key TEXT PRIMARY KEY,\n"
    "  value TEXT NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS documents(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  doc_id TEXT NOT NULL,\n"
    "  hash INTEGER NOT NULL UNIQUE,\n"
    "  path TEXT,\n"
    "  source TEXT,\n"
    "  date TEXT,\n"
    "  title TEXT,\n"
    "  text TEXT NOT NULL,\n"
    "  format TEXT NOT NULL,\n"
    "  bytes INTEGER NOT NULL,\n"
    "  nevents INTEGER NOT NULL,\n"
    "  input_source TEXT,\n"
    "  option_source TEXT,\n"
    "  input_title TEXT,\n"
    "  lead_end INTEGER NOT NULL DEFAULT 0,\n"
    "  ingested_at TEXT NOT NULL);\n"
    "CREATE INDEX IF NOT EXISTS documents_source ON documents(source);\n"
    "CREATE TABLE IF NOT EXISTS annotations(\n"
    "  doc INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  json TEXT NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS events(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  event_id TEXT NOT NULL,\n"
    "  code TEXT, root TEXT, quad INTEGER, goldstein REAL,\n"
    "  plover TEXT, mode TEXT,\n"
    "  sources TEXT NOT NULL, targets TEXT NOT NULL,\n"
    "  date TEXT, granularity TEXT, date_from TEXT, day TEXT,\n"
    "  place TEXT, country TEXT,\n"
    "  modality TEXT NOT NULL,\n"
    "  span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,\n"
    "  text TEXT NOT NULL,\n"
    "  plover_json TEXT NOT NULL,\n"
    "  gdelt TEXT NOT NULL);\n"
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc);\n"
    "CREATE INDEX IF NOT EXISTS events_code ON events(code);\n"
    "CREATE INDEX IF NOT EXISTS events_day ON events(day);\n"
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(\n"
    "  title, text, content='documents', content_rowid='id');\n"
    "CREATE TABLE IF NOT EXISTS stories(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  first_date TEXT,\n"
    "  last_date TEXT,\n"
    "  ndocs INTEGER NOT NULL);\n"
    "CREATE TABLE IF NOT EXISTS story_docs(\n"
    "  story INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,\n"
    "  doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,\n"
    "  PRIMARY KEY(story, doc)) WITHOUT ROWID;\n"
    "CREATE INDEX IF NOT EXISTS story_docs_doc ON story_docs(doc);\n"
    "CREATE TABLE IF NOT EXISTS link_json(\n"
    "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
    "  ndocs INTEGER NOT NULL,\n"
    "  linked_at TEXT NOT NULL,\n"
    "  json TEXT NOT NULL);\n"
    "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', "
    "'" TD_STORE_SCHEMA_VERSION "');\n";

void td_store_error(td_store *s, td_diag *err, const char *what) {
  td_diag_set(err, TD_ERROR, s->path, 0, -1, "%s: %s", what,
              sqlite3_errmsg(s->db));
}

bool td_store_exec(td_store *s, const char *sql, td_diag *err) {
  char *msg = NULL;
  if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) == SQLITE_OK)
    return true;
  td_diag_set(err, TD_ERROR, s->path, 0, -1, "%s",
              msg ? msg : sqlite3_errmsg(s->db));
  sqlite3_free(msg);
  return false;
}

sqlite3_stmt *td_store_prepare(td_store *s, const char *sql, td_diag *err) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
    td_store_error(s, err, "cannot prepare a statement");
    sqlite3_finalize(st);
    return NULL;
  }
  return st;
}

td_store *td_store_open(const char *path, td_diag *err) {
  td_store *s = td_calloc(1, sizeof(*s));
  s->path = td_strdup(path);
  if (sqlite3_open_v2(path, &s->db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
      SQLITE_OK) {
    td_diag_set(err, TD_ERROR, path, 0, -1, "cannot open the database: %s",
                s->db ? sqlite3_errmsg(s->db) : "out of memory");
    td_store_close(s);
    return NULL;
  }
  sqlite3_busy_timeout(s->db, 10000);
  if (!td_store_exec(s,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                     "PRAGMA foreign_keys=ON;",
                     err) ||
      !td_store_exec(s, "BEGIN IMMEDIATE", err)) {
    td_store_close(s);
    return NULL;
  }
  if (!td_store_exec(s, td_schema, err)) {
    td_store_exec(s, "ROLLBACK", err);
    td_store_close(s);
    return NULL;
  }
  sqlite3_stmt *st = td_store_prepare(
      s, "SELECT value FROM meta WHERE key = 'schema_version'", err);
  bool ok = st && sqlite3_step(st) == SQLITE_ROW;
  if (ok) {
    const char *v = (const char *)sqlite3_column_text(st, 0);
    if (!v || strcmp(v, TD_STORE_SCHEMA_VERSION)) {
      td_diag_set(err, TD_ERROR, path, 0, -1,
                  "the database has schema version %s; this tidings "
                  "reads version %s",
                  v ? v : "(none)", TD_STORE_SCHEMA_VERSION);
      ok = false;
    }
  }
  sqlite3_finalize(st);
  if (!ok || !td_store_exec(s, "COMMIT", err)) {
    td_diag tmp;
    td_store_exec(s, "ROLLBACK", &tmp);
    td_store_close(s);
    return NULL;
  }
  return s;
}

void td_store_close(td_store *s) {
  if (!s)
    return;
  sqlite3_close(s->db);
  td_free(s->path);
  td_free(s);
}

static uint64_t td_count(td_store *s, const char *sql, bool *ok) {
  sqlite3_stmt *st = NULL;
  uint64_t n = 0;
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    n = (uint64_t)sqlite3_column_int64(st, 0);
  else
    *ok = false;
  sqlite3_finalize(st);
  return n;
}

int td_store_counts_get(td_store *s, td_store_counts *out, td_diag *err) {
  bool ok = true;
  out->documents = td_count(s, "SELECT count(*) FROM documents", &ok);
  out->events = td_count(s, "SELECT count(*) FROM events", &ok);
  out->stories = td_count(s, "SELECT count(*) FROM stories", &ok);
  if (!ok) {
    td_store_error(s, err, "cannot count");
    return -1;
  }
  return 0;
}

/* ---- Query --------------------------------------------------------------- */

static const char *td_col(sqlite3_stmt *st, int i) {
  return (const char *)sqlite3_column_text(st, i);
}

static bool td_valid_day(const char *s) {
  td_date d;
  return strlen(s) == 10 && td_date_from_string(s, &d) == 1;
}

int td_store_find(td_store *s, const td_store_query *q, td_store_event_fn fn,
                  void *ud, td_diag *err) {
  if ((q->from && !td_valid_day(q->from)) || (q->to && !td_valid_day(q->to))) {
    const char *bad = q->from && !td_valid_day(q->from) ? q->from : q->to;
    td_diag_set(err, TD_ERROR, NULL, 0, -1, "%s: expected a date YYYY-MM-DD",
                bad);
    return TD_STORE_BAD_QUERY;
  }
  td_buf sql = {0};
  td_buf_adds(&sql,
              "SELECT e.event_id, d.doc_id, d.path, d.source, d.title, "
              "e.code, e.root, e.quad, e.goldstein, e.plover, e.mode, "
              "e.sources, e.targets, e.date, e.granularity, e.date_from, "
              "e.day, e.place, e.country, e.modality, e.span_start, "
              "e.span_end, e.text, e.plover_json, e.gdelt "
              "FROM events e JOIN documents d ON d.id = e.doc WHERE 1");
  /* ?1 actor, ?2 code, ?3 plover, ?4 from, ?5 to, ?6 place, ?7 source,
   * ?8 search */
  if (q->actor)
    td_buf_adds(&sql, " AND (instr(' ' || e.sources, ' ' || ?1) > 0"
                      " OR instr(' ' || e.targets, ' ' || ?1) > 0)");
  if (q->code)
    td_buf_adds(&sql, " AND substr(e.code, 1, length(?2)) = ?2");
  if (q->plover)
    td_buf_adds(&sql, " AND e.plover = ?3 COLLATE NOCASE");
  if (q->from)
    td_buf_adds(&sql, " AND e.day >= ?4");
  if (q->to)
    td_buf_adds(&sql, " AND e.day <= ?5");
  if (q->place)
    td_buf_adds(&sql, " AND (e.place = ?6 COLLATE NOCASE"
                      " OR e.country = ?6 COLLATE NOCASE)");
  if (q->source)
    td_buf_adds(&sql, " AND d.source = ?7 COLLATE NOCASE");
  if (q->search)
    td_buf_adds(&sql, " AND e.doc IN (SELECT rowid FROM documents_fts"
                      " WHERE documents_fts MATCH ?8)");
  td_buf_adds(&sql, " ORDER BY e.id");
  sqlite3_stmt *st = td_store_prepare(s, td_buf_cstr(&sql), err);
  td_buf_free(&sql);
  if (!st)
    return -1;
  const char *vals[8] = {q->actor, q->code,  q->plover, q->from,
                         q->to,    q->place, q->source, q->search};
  for (int i = 0; i < 8; i++)
    if (vals[i])
      sqlite3_bind_text(st, i + 1, vals[i], -1, SQLITE_STATIC);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    td_store_event e;
    memset(&e, 0, sizeof(e));
    e.event_id = td_col(st, 0);
    e.doc_id = td_col(st, 1);
    e.path = td_col(st, 2);
    e.agency = td_col(st, 3);
    e.title = td_col(st, 4);
    e.code = td_col(st, 5);
    e.root = td_col(st, 6);
    e.quad = sqlite3_column_int(st, 7);
    e.goldstein = sqlite3_column_double(st, 8);
    e.plover = td_col(st, 9);
    e.mode = td_col(st, 10);
    e.sources = td_col(st, 11);
    e.targets = td_col(st, 12);
    e.date = td_col(st, 13);
    e.granularity = td_col(st, 14);
    e.date_from = td_col(st, 15);
    e.day = td_col(st, 16);
    e.place = td_col(st, 17);
    e.country = td_col(st, 18);
    e.modality = td_col(st, 19);
    e.span_start = (long)sqlite3_column_int64(st, 20);
    e.span_end = (long)sqlite3_column_int64(st, 21);
    e.text = td_col(st, 22);
    e.plover_json = td_col(st, 23);
    e.gdelt = td_col(st, 24);
    if (fn(ud, &e)) {
      rc = SQLITE_DONE;
      break;
    }
  }
  int ret = 0;
  if (rc != SQLITE_DONE) {
    /* An error while stepping with an FTS5 query is the query's (syntax,
     * an unknown column). */
    bool bad = q->search && rc == SQLITE_ERROR;
    td_diag_set(err, TD_ERROR, bad ? NULL : s->path, 0, -1, "%s%s",
                bad ? "--search: " : "cannot read the events: ",
                sqlite3_errmsg(s->db));
    ret = bad ? TD_STORE_BAD_QUERY : -1;
  }
  sqlite3_finalize(st);
  return ret;
}
