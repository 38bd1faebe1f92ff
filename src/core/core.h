/*
 * core.h — the small pieces every stage uses: allocation (one place, aborts
 * on exhaustion), growable arrays and buffers, a per-document arena, a
 * string hash table, a JSON writer and diagnostics.
 */
#ifndef TD_CORE_H
#define TD_CORE_H

#include "tidings.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TD_UNUSED(x) ((void)(x))
#define TD_MIN(a, b) ((a) < (b) ? (a) : (b))
#define TD_MAX(a, b) ((a) > (b) ? (a) : (b))
#define TD_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- Allocation: every allocation goes through here -------------------- */

void *td_malloc(size_t n);
void *td_calloc(size_t n, size_t size);
void *td_realloc(void *p, size_t n);
void td_free(void *p);
char *td_strdup(const char *s);
char *td_strndup(const char *s, size_t n);

/* Grows *p (an array of `size`-byte elements with capacity *cap) so that it
 * holds at least `need` elements. */
void td_grow(void **p, size_t *cap, size_t need, size_t size);

/* A typed growable array: TD_VEC(td_span) v = {0}; td_vec_push(&v, x); */
#define TD_VEC(T)                                                              \
  struct {                                                                     \
    T *v;                                                                      \
    size_t n, cap;                                                             \
  }
#define td_vec_push(vec, x)                                                    \
  do {                                                                         \
    if ((vec)->n == (vec)->cap)                                                \
      td_grow((void **)&(vec)->v, &(vec)->cap, (vec)->n + 1,                   \
              sizeof(*(vec)->v));                                              \
    (vec)->v[(vec)->n++] = (x);                                                \
  } while (0)
#define td_vec_free(vec)                                                       \
  do {                                                                         \
    td_free((vec)->v);                                                         \
    (vec)->v = NULL;                                                           \
    (vec)->n = (vec)->cap = 0;                                                 \
  } while (0)

/* ---- Buffers ------------------------------------------------------------ */

/* td_buf_add, td_buf_adds and td_buf_printf are public (tidings.h). */
void td_buf_reserve(td_buf *b, size_t extra);
void td_buf_addc(td_buf *b, char c);
void td_buf_vprintf(td_buf *b, const char *fmt, va_list ap);
/* Makes ptr a NUL-terminated string (the NUL is not counted in len). */
const char *td_buf_cstr(td_buf *b);

/* ---- Arena: many small allocations freed together ----------------------- */

typedef struct td_arena_block td_arena_block;
typedef struct td_arena {
  td_arena_block *head;
  size_t block; /* block size; 0 = the default (16 KiB, the first 1 KiB) */
} td_arena;

void *td_arena_alloc(td_arena *a, size_t n);
char *td_arena_strndup(td_arena *a, const char *s, size_t n);
void td_arena_free(td_arena *a);

/* ---- Hash table from byte strings to small values ----------------------- */

typedef struct td_strmap td_strmap;
td_strmap *td_strmap_new(void);
void td_strmap_free(td_strmap *m);
/* Inserts (copying the key) or overwrites. */
void td_strmap_put(td_strmap *m, const char *key, size_t len, uint32_t val);
/* Returns true and sets *val when present. */
bool td_strmap_get(const td_strmap *m, const char *key, size_t len,
                   uint32_t *val);
/* The same with the key's td_hash already computed. */
bool td_strmap_get_hashed(const td_strmap *m, uint64_t hash, const char *key,
                          size_t len, uint32_t *val);
size_t td_strmap_count(const td_strmap *m);

uint64_t td_hash(const void *p, size_t n);

/* ---- Hash table from 64-bit keys (not 0) to small values ----------------- */

typedef struct td_intmap td_intmap;
td_intmap *td_intmap_new(void);
void td_intmap_free(td_intmap *m);
void td_intmap_put(td_intmap *m, uint64_t key, uint32_t val);
bool td_intmap_get(const td_intmap *m, uint64_t key, uint32_t *val);
size_t td_intmap_count(const td_intmap *m);

/* ---- JSON writer -------------------------------------------------------- */

typedef struct td_jw {
  td_buf *b;
  int depth;
  bool pretty;
  bool first[64]; /* per depth: no member written yet */
  bool after_key;
} td_jw;

void td_jw_init(td_jw *w, td_buf *b, bool pretty);
void td_jw_obj(td_jw *w);
void td_jw_obj_end(td_jw *w);
void td_jw_arr(td_jw *w);
void td_jw_arr_end(td_jw *w);
void td_jw_key(td_jw *w, const char *key);
void td_jw_str(td_jw *w, const char *s, size_t n);
void td_jw_cstr(td_jw *w, const char *s); /* NULL writes null */
void td_jw_int(td_jw *w, long long v);
void td_jw_double(td_jw *w, double v);
void td_jw_bool(td_jw *w, bool v);
void td_jw_null(td_jw *w);
void td_jw_raw(td_jw *w, const char *json, size_t n); /* a valid JSON value */
void td_jw_span(td_jw *w, td_span s);                 /* {"start":..,"end":..} */
/* Appends s as a JSON string literal (quotes included) to b. */
void td_json_escape(td_buf *b, const char *s, size_t n);

/* ---- Diagnostics -------------------------------------------------------- */

void td_diag_set(td_diag *d, td_severity sev, const char *path, long line,
                 long long byte, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Appends the printed form of d (one line) to b. */
void td_diag_format(const td_diag *d, td_buf *b);

/* ---- Running many documents (run.c) ----------------------------------- */

/* Receives the output of one batch of documents (at most 64 documents or
 * 1 MiB of text), batches in input order; returns 0, or -1 to stop
 * receiving (td_run_batches then returns -1). */
typedef int (*td_run_write_fn)(void *ud, const char *p, size_t n);
/* td_run with the output of each batch handed to `write` on the calling
 * thread instead of written to a file. */
int td_run_batches(td_reader *rd, int threads, td_doc_fn fn, void *ud,
                   td_run_write_fn write, void *write_ud, FILE *msg,
                   td_run_stats *stats);

/* ---- Time --------------------------------------------------------------- */

/* Seconds on a monotonic clock, for timing stages. */
double td_seconds(void);

/* ---- Dates -------------------------------------------------------------- */

bool td_date_valid(int y, int m, int d);
int td_days_in_month(int y, int m);
/* Days since 1970-01-01 of a proleptic Gregorian date, and back. */
long td_days_from_civil(int y, int m, int d);
void td_civil_from_days(long days, int *y, int *m, int *d);
/* Parses "YYYY-MM-DD" (optionally followed by 'T' or ' ' and a time).
 * Returns 1 for a valid date, 0 if s is not in that shape, -1 if it is in
 * that shape but impossible (2024-13-45). */
int td_date_parse(const char *s, size_t n, td_date *out);
/* Writes YYYY, YYYY-MM or YYYY-MM-DD into out (at least 16 bytes). */
void td_date_format(td_date d, char *out);

#endif
