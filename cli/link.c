/*
 * link.c — `tidings stories`, `tidings compare` and `tidings timeline`: read
 * and annotate every input, link the documents across sources
 * (td_collection) and print one view of the result.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *td_view_name(td_link_view v) {
  return v == TD_VIEW_STORIES   ? "stories"
         : v == TD_VIEW_COMPARE ? "compare"
                                : "timeline";
}

static void td_link_usage(FILE *f, td_link_view v) {
  static const char *what[] = {
      "Groups news stories that report the same happening and lists them.\n",
      "Reads news stories, groups those that report the same happening and "
      "compares\nwhat their sources say: events merged across sources, "
      "conflicts first,\nthen compatible and agreeing facts, facts only one "
      "source gives, framing\nand derived checks.\n",
      "Reads news stories and lays their events out in time: every dated "
      "event\nof each story with its granularity, sources and any date "
      "conflict.\n"};
  fprintf(f, "usage: tidings %s [options] [FILE|DIR|-]...\n%s",
          td_view_name(v), what[v]);
  fprintf(f, "  --json            the same as data (docs/format.md)\n");
  if (v == TD_VIEW_TIMELINE)
    fprintf(f, "  --svg             the timeline as an SVG picture\n");
  fprintf(f,
          "  --threshold X     similarity for a document to join a story "
          "(0.08)\n"
          "  --window DAYS     story dates further apart never join (14)\n"
          "%s%s",
          td_cli_input_help, td_cli_dict_help);
}

static int td_cli_link(int argc, char **argv, td_link_view view) {
  static const struct option opts[] = {
      {"json", no_argument, 0, 'J'},
      {"svg", no_argument, 0, 'S'},
      {"threshold", required_argument, 0, 'T'},
      {"window", required_argument, 0, 'W'},
      {"format", required_argument, 0, 'I'},
      TD_CLI_INPUT_OPTIONS,
      TD_CLI_DICT_OPTIONS,
      {"help", no_argument, 0, 'h'},
      {0, 0, 0, 0}};
  td_cli_inputs in = {0};
  td_link_opts lo = {0};
  td_link_format fmt = TD_LINK_TEXT;
  int c, idx;
  optind = 1;
  while ((c = getopt_long(argc, argv, "j:h", opts, &idx)) != -1) {
    char *end;
    switch (c) {
    case 'J': fmt = TD_LINK_JSON; break;
    case 'S':
      if (view != TD_VIEW_TIMELINE) {
        fprintf(stderr, "tidings: --svg is for tidings timeline\n");
        return TD_EXIT_USAGE;
      }
      fmt = TD_LINK_SVG;
      break;
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
    case 'h': td_link_usage(stdout, view); return TD_EXIT_OK;
    case 0: {
      int r = td_cli_input_opt(&in, opts[idx].name, optarg);
      if (r == 0)
        r = td_cli_dict_opt(&in, opts[idx].name, optarg);
      if (r <= 0)
        return TD_EXIT_USAGE;
      break;
    }
    default: td_link_usage(stderr, view); return TD_EXIT_USAGE;
    }
  }
  in.paths = argv + optind;
  in.npaths = argc - optind;
  td_ctx *ctx;
  td_reader *reader;
  int rc = td_cli_open(&in, &ctx, &reader);
  if (rc != TD_EXIT_OK)
    return rc;
  lo.data_dir = in.data_dir;
  td_diag err;
  td_collection *col = td_collection_new(ctx, &lo, &err);
  if (!col) {
    td_diag_print(&err, stderr);
    td_reader_free(reader);
    td_ctx_free(ctx);
    return TD_EXIT_USAGE;
  }
  td_run_stats st;
  double t0 = td_cli_now();
  td_collection_read(col, reader, in.jobs, stderr, &st);
  double t1 = td_cli_now();
  td_collection_link(col);
  if (in.stats) {
    double sec[3];
    td_collection_seconds(col, sec);
    td_cli_print_stats("annotated", &st, t1 - t0);
    fprintf(stderr,
            "tidings: linked %zu documents into %zu stories in %.3f s "
            "(grouping %.3f s, merging %.3f s, comparing %.3f s)\n",
            td_collection_ndocs(col), td_collection_nstories(col),
            sec[0] + sec[1] + sec[2], sec[0], sec[1], sec[2]);
  }
  td_buf out = {0};
  td_collection_write(col, &out, view, fmt);
  bool ok = fwrite(out.ptr, 1, out.len, stdout) == out.len &&
            fflush(stdout) == 0;
  td_buf_free(&out);
  td_collection_free(col);
  td_reader_free(reader);
  td_ctx_free(ctx);
  if (!ok) {
    fprintf(stderr, "tidings: cannot write the output\n");
    return TD_EXIT_REFUSED;
  }
  return st.refused ? TD_EXIT_REFUSED : TD_EXIT_OK;
}

int td_cmd_stories(int argc, char **argv) {
  return td_cli_link(argc, argv, TD_VIEW_STORIES);
}

int td_cmd_compare(int argc, char **argv) {
  return td_cli_link(argc, argv, TD_VIEW_COMPARE);
}

int td_cmd_timeline(int argc, char **argv) {
  return td_cli_link(argc, argv, TD_VIEW_TIMELINE);
}
