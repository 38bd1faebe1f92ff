/*
 * ingest.c — `tidings ingest --db PATH`: annotate the inputs and keep them
 * in a store (td_store_ingest: batches committed whole, duplicates
 * skipped), then link the whole store again (td_store_relink).
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct td_progress {
  double t0;
} td_progress;

static void td_ingest_progress(void *ud, const td_ingest_stats *st) {
  td_progress *p = ud;
  fprintf(stderr, "\rtidings: %llu documents stored, %llu duplicates, "
                  "%llu events (%.1f s) ",
          (unsigned long long)st->stored, (unsigned long long)st->duplicates,
          (unsigned long long)st->events, td_cli_now() - p->t0);
  fflush(stderr);
}

static void td_ingest_usage(FILE *f) {
  fprintf(f,
          "usage: tidings ingest --db PATH [options] [FILE|DIR|-]...\n"
          "Reads and annotates news stories and keeps them, with their "
          "annotations,\nevents and stories, in a SQLite database (created "
          "if missing). A story\nwhose text is stored already is skipped as "
          "a duplicate; then every stored\nstory is linked again.\n"
          "  --db PATH         the database\n"
          "  --threshold X     similarity for a document to join a story "
          "(0.08)\n"
          "  --window DAYS     story dates further apart never join (14)\n"
          "%s%s",
          td_cli_input_help, td_cli_dict_help);
}

int td_cmd_ingest(int argc, char **argv) {
  static const struct option opts[] = {
      {"db", required_argument, 0, 'D'},
      {"threshold", required_argument, 0, 'T'},
      {"window", required_argument, 0, 'W'},
      {"format", required_argument, 0, 'I'},
      TD_CLI_INPUT_OPTIONS,
      TD_CLI_DICT_OPTIONS,
      {"help", no_argument, 0, 'h'},
      {0, 0, 0, 0}};
  td_cli_inputs in = {0};
  td_link_opts lo = {0};
  const char *db = NULL;
  int c, idx;
  optind = 1;
  while ((c = getopt_long(argc, argv, "j:h", opts, &idx)) != -1) {
    char *end;
    switch (c) {
    case 'D': db = optarg; break;
    case 'T':
      lo.threshold = strtod(optarg, &end);
      if (*end || !(lo.threshold > 0 && lo.threshold <= 1)) {
        fprintf(stderr, "tidings: --threshold %s: expected a number in "
                        "(0, 1]\n", optarg);
        return TD_EXIT_USAGE;
      }
      break;
    case 'W':
      lo.window_days = strtol(optarg, &end, 10);
      if (*end || lo.window_days < 1) {
        fprintf(stderr, "tidings: --window %s: expected a number of days\n",
                optarg);
        return TD_EXIT_USAGE;
      }
      break;
    case 'I':
      if (td_cli_input_opt(&in, "format", optarg) < 0)
        return TD_EXIT_USAGE;
      break;
    case 'j':
      if (td_cli_input_opt(&in, "jobs", optarg) < 0)
        return TD_EXIT_USAGE;
      break;
    case 'h': td_ingest_usage(stdout); return TD_EXIT_OK;
    case 0: {
      int r = td_cli_input_opt(&in, opts[idx].name, optarg);
      if (r == 0)
        r = td_cli_dict_opt(&in, opts[idx].name, optarg);
      if (r <= 0)
        return TD_EXIT_USAGE;
      break;
    }
    default: td_ingest_usage(stderr); return TD_EXIT_USAGE;
    }
  }
  if (!db) {
    fprintf(stderr, "tidings: ingest needs --db PATH\n");
    return TD_EXIT_USAGE;
  }
  in.paths = argv + optind;
  in.npaths = argc - optind;
  td_ctx *ctx;
  td_reader *reader;
  int rc = td_cli_open(&in, &ctx, &reader);
  if (rc != TD_EXIT_OK)
    return rc;
  td_diag err;
  td_store *store = td_store_open(db, &err);
  if (!store) {
    td_diag_print(&err, stderr);
    td_reader_free(reader);
    td_ctx_free(ctx);
    return TD_EXIT_REFUSED;
  }
  lo.data_dir = in.data_dir;
  td_progress prog = {td_cli_now()};
  td_ingest_opts io = {in.jobs, NULL, NULL};
  bool tty = isatty(2);
  if (tty) {
    io.progress = td_ingest_progress;
    io.progress_ud = &prog;
  }
  td_ingest_stats st;
  double t0 = td_cli_now();
  int irc = td_store_ingest(store, ctx, reader, &io, stderr, &st, &err);
  double t1 = td_cli_now();
  if (tty && st.batches)
    fputc('\n', stderr);
  bool failed = irc != 0;
  if (failed)
    td_diag_print(&err, stderr);
  size_t nstories = 0;
  double t2 = t1;
  if (!failed) {
    if (td_store_relink(store, ctx, &lo, in.jobs, &nstories, &err) != 0) {
      td_diag_print(&err, stderr);
      failed = true;
    }
    t2 = td_cli_now();
  }
  if (in.stats) {
    double s = t1 - t0 > 1e-9 ? t1 - t0 : 1e-9;
    double all = t2 - t0 > 1e-9 ? t2 - t0 : 1e-9;
    fprintf(stderr,
            "tidings: ingested %llu documents: %llu stored, %llu duplicates, "
            "%llu refused; %llu events; %llu bytes in %.3f s: %.1f MB/s\n",
            (unsigned long long)st.docs, (unsigned long long)st.stored,
            (unsigned long long)st.duplicates, (unsigned long long)st.refused,
            (unsigned long long)st.events, (unsigned long long)st.bytes, s,
            (double)st.bytes / 1e6 / s);
    td_store_counts cn;
    if (!failed && td_store_counts_get(store, &cn, &err) == 0)
      fprintf(stderr,
              "tidings: linked %llu stored documents into %zu stories in "
              "%.3f s; ingest and linking %.1f MB/s\n",
              (unsigned long long)cn.documents, nstories, t2 - t1,
              (double)st.bytes / 1e6 / all);
  }
  td_store_close(store);
  td_reader_free(reader);
  td_ctx_free(ctx);
  return failed || st.refused ? TD_EXIT_REFUSED : TD_EXIT_OK;
}
