/*
 * tabari_file.h — the lines of a TABARI/PETRARCH dictionary file (actors,
 * agents, verbs, discards): read whole, comments removed (#, ; and <!-- -->
 * over several lines), lines that are not UTF-8 reported and skipped; and
 * the report of a bad line, with its file and line.
 */
#ifndef TD_TABARI_FILE_H
#define TD_TABARI_FILE_H

#include "actordict.h"

typedef struct td_tfile {
  const char *path;
  char *text;
  size_t len, pos;
  long line;   /* of the line last returned */
  bool in_xml; /* inside a <!-- comment that spans lines */
  td_buf cur;  /* the current line, comments removed */
} td_tfile;

/* Reads the file; false (err) if it cannot be read. */
bool td_tfile_open(td_tfile *f, const char *path, td_diag *err);
void td_tfile_close(td_tfile *f);
/* The next line that has something besides blanks once comments are
 * removed: its text, right end trimmed (tabs inside kept), NUL-terminated
 * in f->cur (which the caller may change); false at the end. */
bool td_tfile_next(td_tfile *f, char **s, size_t *n, td_dict_report *rep);

/* Counts a problem in rep (NULL: nothing) and passes it, as a warning at
 * path:line, to rep's function. */
void td_tabari_report(td_dict_report *rep, const char *path, long line,
                      const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
