/*
 * link.c — td_benchlink: times cross-document linking (td_collection) on a
 * corpus: annotation and digests on worker threads, then grouping into
 * stories, merging events and comparing facts, each timed apart.
 *
 *   td_benchlink [--jobs N] [--docs N] FILE
 *
 * --docs keeps the first N documents (to see how the cost grows). Prints one
 * line: documents, stories, annotate seconds and MB/s, link seconds per
 * stage, documents linked per second and peak RSS.
 */
#include "tidings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  int jobs = 0;
  long max_docs = 0;
  int a = 1;
  for (; a + 1 < argc && argv[a][0] == '-'; a += 2) {
    if (!strcmp(argv[a], "--jobs"))
      jobs = atoi(argv[a + 1]);
    else if (!strcmp(argv[a], "--docs"))
      max_docs = atol(argv[a + 1]);
    else
      break;
  }
  if (a != argc - 1) {
    fprintf(stderr, "usage: td_benchlink [--jobs N] [--docs N] FILE\n");
    return 2;
  }
  td_diag err;
  td_ctx *ctx = td_ctx_new(NULL, &err);
  if (!ctx) {
    td_diag_print(&err, stderr);
    return 1;
  }
  td_collection *c = td_collection_new(ctx, NULL, &err);
  if (!c) {
    td_diag_print(&err, stderr);
    return 1;
  }
  td_read_opts ro = {0};
  td_reader *r = td_reader_new(ctx, &ro);
  td_buf whole = {0};
  if (max_docs > 0) {
    /* the first N stories of a wire corpus: cut before story N+1 */
    FILE *f = fopen(argv[a], "rb");
    if (!f) {
      perror(argv[a]);
      return 1;
    }
    char line[65536];
    long n = 0;
    while (fgets(line, sizeof(line), f)) {
      if (!strncmp(line, " date ", 6) && ++n > max_docs)
        break;
      td_buf_adds(&whole, line);
    }
    fclose(f);
    td_reader_add_mem(r, "bench", whole.ptr, whole.len);
  } else
    td_reader_add_path(r, argv[a]);
  td_run_stats st;
  double t0 = now();
  td_collection_read(c, r, jobs, stderr, &st);
  double t1 = now();
  td_collection_link(c);
  double t2 = now();
  double sec[3];
  td_collection_seconds(c, sec);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("docs=%zu  stories=%zu  MB=%.1f  annotate=%.2fs (%.1f MB/s)  "
         "link=%.2fs (group %.2f, merge %.2f, compare %.2f)  "
         "link docs/s=%.0f  peakRSS=%.0fMB\n",
         td_collection_ndocs(c), td_collection_nstories(c),
         (double)st.bytes / 1e6, t1 - t0, (double)st.bytes / 1e6 / (t1 - t0),
         t2 - t1, sec[0], sec[1], sec[2],
         (double)td_collection_ndocs(c) / (t2 - t1),
         (double)ru.ru_maxrss / 1024.0);
  td_reader_free(r);
  td_buf_free(&whole);
  td_collection_free(c);
  td_ctx_free(ctx);
  return 0;
}
