/*
 * lib.c — td_benchlib: times the library's stages in-process, without the
 * command line's output, so that each stage's own speed can be seen.
 *
 *   td_benchlib [--stage read|text|time|annotate] [--jobs N] [--repeat K]
 *               [--actors F]... [--agents F]... [--verbs F]... FILE...
 *
 * Stages: `read` reads and checks documents (format, UTF-8) and frees
 * them; `text` also builds the text model (tokens, paragraphs, headline,
 * dateline, boilerplate, agency, sentences); `time` adds the temporal
 * expressions; `annotate` runs every annotation stage (time, places,
 * actors), with the TABARI/PETRARCH dictionaries given. The speed of one
 * stage alone is found from two runs: 1/speed(stage) = 1/speed(with) -
 * 1/speed(without); places and actors are annotate against time.
 * Time is measured from the first document to the last, after the data
 * files are loaded. Prints one line like td_benchrun's, best of K runs.
 */
#include "tidings.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static int td_stage; /* 0 read, 1 text, 2 annotate, 3 time */
static const td_ctx *td_bctx;

static void td_bench_doc(td_doc *doc, td_buf *out, td_buf *msg, void *ud) {
  (void)out;
  (void)msg;
  (void)ud;
  if (td_stage == 1)
    td_doc_analyze(doc, td_bctx);
  else if (td_stage >= 2)
    td_doc_annotate(doc, td_bctx); /* time: the context has no dictionaries */
}

static double td_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  int jobs = 1, repeat = 3, first = 1;
  const char *actors[16], *agents[16], *verbs[16];
  size_t nactors = 0, nagents = 0, nverbs = 0;
  for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
    if (!strcmp(argv[first], "--stage") && first + 1 < argc) {
      const char *s = argv[++first];
      td_stage = !strcmp(s, "read")       ? 0
                 : !strcmp(s, "text")     ? 1
                 : !strcmp(s, "annotate") ? 2
                 : !strcmp(s, "time")     ? 3
                                          : -1;
      if (td_stage < 0) {
        fprintf(stderr, "td_benchlib: unknown stage %s\n", s);
        return 2;
      }
    } else if (!strcmp(argv[first], "--jobs") && first + 1 < argc) {
      jobs = atoi(argv[++first]);
    } else if (!strcmp(argv[first], "--repeat") && first + 1 < argc) {
      repeat = atoi(argv[++first]);
    } else if (!strcmp(argv[first], "--actors") && first + 1 < argc &&
               nactors < 16) {
      actors[nactors++] = argv[++first];
    } else if (!strcmp(argv[first], "--agents") && first + 1 < argc &&
               nagents < 16) {
      agents[nagents++] = argv[++first];
    } else if (!strcmp(argv[first], "--verbs") && first + 1 < argc &&
               nverbs < 16) {
      verbs[nverbs++] = argv[++first];
    } else {
      fprintf(stderr, "usage: td_benchlib [--stage read|text|time|annotate] "
                      "[--jobs N] [--repeat K] [--actors F] [--agents F] "
                      "[--verbs F] FILE...\n");
      return 2;
    }
  }
  /* As the tidings command does (cli/main.c). */
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  if (first >= argc || jobs < 1 || repeat < 1) {
    fprintf(stderr, "td_benchlib: give at least one file\n");
    return 2;
  }
  td_diag err;
  td_ctx_opts o;
  memset(&o, 0, sizeof(o));
  o.text_only = td_stage != 2;
  o.actor_files = actors;
  o.nactor_files = nactors;
  o.agent_files = agents;
  o.nagent_files = nagents;
  o.verb_files = verbs;
  o.nverb_files = nverbs;
  td_ctx *ctx = td_ctx_open(&o, &err);
  if (!ctx) {
    td_diag_print(&err, stderr);
    return 1;
  }
  td_bctx = ctx;
  double best = 1e30;
  td_run_stats st = {0};
  FILE *devnull = fopen("/dev/null", "w");
  for (int k = 0; k < repeat; k++) {
    td_reader *r = td_reader_new(ctx, NULL);
    for (int i = first; i < argc; i++)
      td_reader_add_path(r, argv[i]);
    double t0 = td_now();
    td_run(r, jobs, td_bench_doc, NULL, devnull, stderr, &st);
    double t = td_now() - t0;
    if (t < best)
      best = t;
    td_reader_free(r);
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  int cores = jobs < 2 ? 1 : 2;
  printf("stage=%s  jobs=%d  size=%.1fMB  docs=%llu  time=%.3fs  MB/s=%.1f  "
         "MB/s/core=%.1f  docs/s=%.0f  sentences/s=%.0f  peakRSS=%.1fMB\n",
         td_stage == 3   ? "time"
         : td_stage == 2 ? (nactors + nagents + nverbs ? "annotate+user" : "annotate")
         : td_stage      ? "text"
                         : "read",
         jobs,
         (double)st.bytes / 1e6,
         (unsigned long long)st.docs, best, (double)st.bytes / 1e6 / best,
         (double)st.bytes / 1e6 / best / cores, (double)st.docs / best,
         (double)st.sentences / best, (double)ru.ru_maxrss / 1024.0);
  fclose(devnull);
  td_ctx_free(ctx);
  return 0;
}
