/*
 * mem.c — allocation, buffers and the per-document arena. All memory of the
 * library is obtained here; exhaustion ends the process with a message, so
 * callers never check for NULL.
 */
#include "core.h"

#include <stdio.h>
#include <stdlib.h>

static void td_oom(size_t n) {
  fprintf(stderr, "tidings: out of memory (requested %zu bytes)\n", n);
  abort();
}

void *td_malloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p)
    td_oom(n);
  return p;
}

void *td_calloc(size_t n, size_t size) {
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (!p)
    td_oom(n * size);
  return p;
}

void *td_realloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q)
    td_oom(n);
  return q;
}

void td_free(void *p) { free(p); }

char *td_strndup(const char *s, size_t n) {
  char *p = td_malloc(n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *td_strdup(const char *s) { return td_strndup(s, strlen(s)); }

void td_grow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap)
    return;
  size_t c = *cap ? *cap : 16;
  while (c < need)
    c *= 2;
  if (c > SIZE_MAX / size)
    td_oom(SIZE_MAX);
  *p = td_realloc(*p, c * size);
  *cap = c;
}

/* ---- td_buf ------------------------------------------------------------- */

void td_buf_reserve(td_buf *b, size_t extra) {
  if (b->len + extra + 1 > b->cap)
    td_grow((void **)&b->ptr, &b->cap, b->len + extra + 1, 1);
}

void td_buf_add(td_buf *b, const void *p, size_t n) {
  td_buf_reserve(b, n);
  if (n)
    memcpy(b->ptr + b->len, p, n);
  b->len += n;
}

void td_buf_addc(td_buf *b, char c) {
  td_buf_reserve(b, 1);
  b->ptr[b->len++] = c;
}

void td_buf_adds(td_buf *b, const char *s) { td_buf_add(b, s, strlen(s)); }

void td_buf_vprintf(td_buf *b, const char *fmt, va_list ap) {
  va_list ap2;
  va_copy(ap2, ap);
  td_buf_reserve(b, 64);
  int n = vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, ap);
  if (n >= 0 && (size_t)n >= b->cap - b->len) {
    td_buf_reserve(b, (size_t)n);
    n = vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, ap2);
  }
  va_end(ap2);
  if (n > 0)
    b->len += (size_t)n;
}

void td_buf_printf(td_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  td_buf_vprintf(b, fmt, ap);
  va_end(ap);
}

const char *td_buf_cstr(td_buf *b) {
  td_buf_reserve(b, 0);
  b->ptr[b->len] = 0;
  return b->ptr;
}

void td_buf_free(td_buf *b) {
  td_free(b->ptr);
  b->ptr = NULL;
  b->len = b->cap = 0;
}

/* ---- td_arena ----------------------------------------------------------- */

struct td_arena_block {
  td_arena_block *next;
  size_t used, size;
  max_align_t data[];
};

#define TD_ARENA_BLOCK 16384

void *td_arena_alloc(td_arena *a, size_t n) {
  n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
  td_arena_block *b = a->head;
  if (!b || b->size - b->used < n) {
    /* The first block is small: most documents need a few strings. */
    size_t full = a->block ? a->block : TD_ARENA_BLOCK;
    size_t block = b ? full : full / 16;
    size_t size = n > block / 2 ? n : block;
    b = td_malloc(sizeof(*b) + size);
    b->used = 0;
    b->size = size;
    /* A big allocation gets its own block behind the head, so the head's
     * free space is not wasted. */
    if (n > block / 2 && a->head) {
      b->next = a->head->next;
      a->head->next = b;
    } else {
      b->next = a->head;
      a->head = b;
    }
  }
  void *p = (char *)b->data + b->used;
  b->used += n;
  return p;
}

char *td_arena_strndup(td_arena *a, const char *s, size_t n) {
  char *p = td_arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

void td_arena_free(td_arena *a) {
  td_arena_block *b = a->head;
  while (b) {
    td_arena_block *next = b->next;
    td_free(b);
    b = next;
  }
  a->head = NULL;
}
