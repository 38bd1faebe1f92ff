/*
 * data.h — access to the data files (data/NAME.txt): the copies built into the
 * library, or a user's directory that overrides them; and the line format
 * every data file shares (UTF-8, one record per line, TAB-separated fields,
 * '#' comment lines, blank lines ignored).
 */
#ifndef TD_DATA_H
#define TD_DATA_H

#include "core.h"

typedef struct td_embedded {
  const char *name;
  const char *data;
  size_t len;
} td_embedded;

extern const td_embedded td_embedded_files[];

typedef struct td_field {
  const char *s;
  size_t n;
} td_field;

bool td_field_eq(td_field f, const char *s);
char *td_field_dup(td_field f);

/* One record of a data file, for the loaders. */
#define TD_MAX_FIELDS 4
typedef struct td_record {
  const char *path; /* the file, for messages */
  long line;
  td_field f[TD_MAX_FIELDS]; /* the last one keeps any further TABs */
  size_t n;
} td_record;

/* Handles one record; returns false (after td_record_error) to stop. */
typedef bool (*td_record_fn)(void *ud, const td_record *rec, td_diag *err);

/* Loads data file NAME — from data_dir when it is there, else the built-in
 * copy — and calls fn on each of its records in order. Returns false, with err filled, when the file cannot be
 * loaded or fn stops. */
bool td_data_each(const char *data_dir, const char *name, td_record_fn fn,
                  void *ud, td_diag *err);
/* Fills err with the record's file and line and the message; returns
 * false. */
bool td_record_error(const td_record *rec, td_diag *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Field i with everything after it, TABs included. */
td_field td_record_rest(const td_record *rec, size_t i);

#endif
