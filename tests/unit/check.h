/*
 * check.h — the unit tests' assertions. Each failed check prints where and
 * what; a test program exits 1 if any check failed, 77 (CTest "skipped")
 * when it needs data that is not there.
 */
#ifndef TD_CHECK_H
#define TD_CHECK_H

#include "tidings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int td_checks, td_failures;

#define CHECK(cond)                                                            \
  do {                                                                         \
    td_checks++;                                                               \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond); \
      td_failures++;                                                           \
    }                                                                          \
  } while (0)

#define CHECK_STR(got, want)                                                   \
  do {                                                                         \
    const char *g_ = (got), *w_ = (want);                                      \
    td_checks++;                                                               \
    if ((g_ == NULL) != (w_ == NULL) || (g_ && strcmp(g_, w_) != 0)) {         \
      fprintf(stderr, "%s:%d: %s\n  got:  %s\n  want: %s\n", __FILE__,         \
              __LINE__, #got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");         \
      td_failures++;                                                           \
    }                                                                          \
  } while (0)

#define CHECK_INT(got, want)                                                   \
  do {                                                                         \
    long long g_ = (long long)(got), w_ = (long long)(want);                   \
    td_checks++;                                                               \
    if (g_ != w_) {                                                            \
      fprintf(stderr, "%s:%d: %s = %lld, want %lld\n", __FILE__, __LINE__,     \
              #got, g_, w_);                                                   \
      td_failures++;                                                           \
    }                                                                          \
  } while (0)

static inline int td_check_done(const char *name) {
  fprintf(stderr, "%s: %d checks, %d failed\n", name, td_checks, td_failures);
  return td_failures ? 1 : td_checks ? 0 : 1;
}

#endif
