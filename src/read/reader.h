/*
 * reader.h — the reader's state, shared by the format readers (wire.c,
 * jsonl.c, plain.c, timeml.c). Each format reader turns the current input
 * into documents, one call at a time.
 */
#ifndef TD_READER_H
#define TD_READER_H

#include "../doc/doc.h"
#include "input.h"

/* Makes the next document of a td_reader_new_fn reader: TD_DOC, TD_END or
 * TD_REFUSED as td_reader_next. */
typedef int (*td_reader_gen_fn)(void *ud, td_doc **doc, td_diag *diag);
/* A reader whose documents are made by fn (called under the reader's
 * turn-taking, one call at a time), for documents that are not read from
 * an input: the store's documents read back for linking. */
td_reader *td_reader_new_fn(const td_ctx *ctx, td_reader_gen_fn fn, void *ud);

typedef struct td_source_item {
  char *path;       /* NULL for memory inputs */
  char *name;       /* what diagnostics call it */
  const char *data; /* memory inputs */
  size_t len;
  int depth;        /* directory nesting */
} td_source_item;

struct td_reader {
  const td_ctx *ctx;
  td_format format;
  size_t max_doc;
  td_date date;        /* --date */
  bool has_date;
  char *date_error;    /* --date was given but is not a valid date */
  char *source;        /* --source */

  TD_VEC(td_source_item) queue;
  size_t next;

  /* the input being read */
  bool open;
  td_input in;
  td_format fmt;
  const char *name;
  const char *path;
  bool finished; /* one-document formats: the document was returned */
  /* wire: a story header read ahead while finishing the previous story */
  td_buf pending;
  bool has_pending;
  long long pending_off;
  long pending_line;

  /* a reader whose documents come from a function (td_reader_new_fn) */
  td_reader_gen_fn gen;
  void *gen_ud;
};

typedef int (*td_format_next_fn)(td_reader *r, td_doc **doc, td_diag *diag);
int td_wire_next(td_reader *r, td_doc **doc, td_diag *diag);
int td_jsonl_next(td_reader *r, td_doc **doc, td_diag *diag);
int td_plain_next(td_reader *r, td_doc **doc, td_diag *diag);
int td_timeml_next(td_reader *r, td_doc **doc, td_diag *diag);

/* Checks that bytes are UTF-8 text without NUL; fills diag (naming the line
 * and byte, counted from off/line) and returns false otherwise. */
bool td_reader_check_text(const td_reader *r, const char *s, size_t n,
                          long long off, long line, td_diag *diag);
/* For formats with one document per input: reads the whole input (at most
 * max_doc bytes) into b and checks it is UTF-8 text. Returns TD_DOC, or
 * TD_REFUSED (diag filled, b freed), or TD_END when the input's document
 * was already returned. */
int td_reader_slurp(td_reader *r, td_buf *b, long long *off, long *line,
                    td_diag *diag);
/* A new document with the reader's path and the --date / --source
 * fallbacks applied where the input carries none. */
td_doc *td_reader_new_doc(td_reader *r, td_format fmt);
void td_reader_finish_doc(td_reader *r, td_doc *doc);

/* " date YYYY-MM-DD" at the start of a line: the length of the prefix up to
 * and including the space after the date (or the date's end), else 0. */
size_t td_wire_header(const char *s, size_t n);

#endif
