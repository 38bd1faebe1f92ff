/*
 * data.h — access to the data files (data/NAME.txt): the copies built into the
 * library, or a user's directory that overrides them; and the line format
 * every data file shares (UTF-8, one record per line, TAB-separated fields,
 * '#' comment lines, blank lines ignored).
 */
#ifndef TD_DATA_H
#define TD_DATA_H

#include "core.h"

#include <stdio.h>

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

/* Reads the rest of the open file fp into out and closes it; on a read
 * error sets err (naming path) and frees out. */
bool td_file_read_all(FILE *fp, const char *path, td_buf *out, td_diag *err);
char *td_field_dup(td_field f);

/* One record of a data file, for the loaders. */
#define TD_MAX_FIELDS 8
typedef struct td_record {
  const char *path; /* the file, for messages */
  long line;
  td_field f[TD_MAX_FIELDS]; /* the last one keeps any further TABs */
  size_t n;
} td_record;

/* Handles one record; returns false (after td_record_error) to stop. */
typedef bool (*td_record_fn)(void *ud, const td_record *rec, td_diag *err);

/* Loads data file NAME — from data_dir when it is there, else the built-in
 * copy — and calls fn on each of its records in order, split into at most
 * four fields. Returns false, with err filled, when the file cannot be
 * loaded or fn stops. */
bool td_data_each(const char *data_dir, const char *name, td_record_fn fn,
                  void *ud, td_diag *err);
/* The same, split into at most max_fields fields (up to TD_MAX_FIELDS). */
bool td_data_each_n(const char *data_dir, const char *name, size_t max_fields,
                    td_record_fn fn, void *ud, td_diag *err);

/* Receives each record a checked file refuses. */
typedef void (*td_report_fn)(void *ud, const td_diag *d);
/* Checks the data file at `path` (a user's copy): calls fn on each record
 * (at most max_fields fields); a record fn refuses is passed to report and
 * the rest of the file is still read. Returns the number of refused
 * records, or -1 (err filled) when the file cannot be read. */
long td_data_check(const char *path, size_t max_fields, td_record_fn fn,
                   void *ud, td_report_fn report, void *report_ud,
                   td_diag *err);
/* Fills err with the record's file and line and the message; returns
 * false. */
bool td_record_error(const td_record *rec, td_diag *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Splits s[0..n) at spaces into at most `max` words, each copied
 * NUL-terminated into buf (63 bytes at most); returns the number of
 * words, or max + 1 when there are more or one is too long. */
size_t td_split_words(const char *s, size_t n, char buf[][64], size_t max);
/* Field i with everything after it, TABs included. */
td_field td_record_rest(const td_record *rec, size_t i);

#endif
