/*
 * store.h — the store's shared state (store.c: the database, its schema and
 * queries; ingest.c: storing documents and linking them again).
 */
#ifndef TD_STORE_H
#define TD_STORE_H

#include "../core/core.h"

#include <sqlite3.h>

#define TD_STORE_SCHEMA_VERSION "1"

struct td_store {
  sqlite3 *db;
  char *path;
};

/* Runs sql (no parameters); false and err filled on failure. */
bool td_store_exec(td_store *s, const char *sql, td_diag *err);
/* Prepares sql; NULL and err filled on failure. */
sqlite3_stmt *td_store_prepare(td_store *s, const char *sql, td_diag *err);
/* Fills err with the database's last error, after `what`. */
void td_store_error(td_store *s, td_diag *err, const char *what);

#endif
