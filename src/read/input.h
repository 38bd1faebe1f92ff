/*
 * input.h — a buffered byte stream over a file, standard input or memory,
 * read line by line with the byte offset and line number of each line.
 * Memory stays bounded: a line longer than the caller's limit is skipped
 * without being held.
 */
#ifndef TD_INPUT_H
#define TD_INPUT_H

#include "../core/core.h"

#include <stdio.h>

typedef struct td_input {
  FILE *fp; /* NULL for memory inputs */
  bool close_fp;
  char *buf; /* memory inputs: the caller's buffer */
  size_t cap, beg, end;
  long long off; /* stream offset of buf[beg] */
  long line;     /* line number of buf[beg]  */
  bool eof;
  int err; /* errno of a failed read */
} td_input;

enum { TD_LINE_EOF = 0, TD_LINE_OK = 1, TD_LINE_LONG = -1, TD_LINE_ERR = -2 };

/* Opens a file, or standard input for "-"; false with errno set on failure. */
bool td_input_open(td_input *in, const char *path);
void td_input_mem(td_input *in, const char *data, size_t len);
void td_input_close(td_input *in);

/* Buffers at least n bytes if the input has them; returns what is buffered
 * (at most n) and points *p at it. Does not consume. */
size_t td_input_peek(td_input *in, size_t n, const char **p);

/* Reads the next line with its '\n' (if any). The line, its offset and
 * number are returned through the pointers; *line stays valid until the
 * next call. A line longer than max is consumed and skipped: TD_LINE_LONG,
 * with *len its length. */
int td_input_line(td_input *in, size_t max, const char **line, size_t *len,
                  long long *off, long *lineno);

#endif
