/*
 * shared.h — finding ../shared/ (the corpora and seeds read in place).
 * Tests that need it skip (exit 77) when it is missing, and fail under CI.
 */
#ifndef TD_TEST_SHARED_H
#define TD_TEST_SHARED_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Returns the path of ../shared/REL, or exits 77 (skip) / 1 (under CI). */
static inline const char *shared_path(const char *rel) {
  static char path[4096];
  const char *base = getenv("TD_SHARED");
  snprintf(path, sizeof(path), "%s/%s", base && *base ? base : "../shared",
           rel);
  struct stat st;
  if (stat(path, &st) == 0)
    return path;
  const char *ci = getenv("CI");
  if (ci && !strcmp(ci, "true")) {
    fprintf(stderr, "missing %s (needed under CI)\n", path);
    exit(1);
  }
  fprintf(stderr, "skipped: %s is missing\n", path);
  exit(77);
}

#endif
