/*
 * eval.c — `tidings eval`: scores tidings against gold annotations.
 *   tidings eval timeml GOLD_DIR SYSTEM_DIR   TempEval-3 task A scores of
 *   tidings eval timeml --run GOLD_DIR [-o DIR] the system's TIMEX3 tags
 *                                              (or tidings' own, with --run)
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static void td_eval_usage(FILE *f) {
  fprintf(f,
          "usage: tidings eval timeml [--run] [-o DIR] [--quiet] [--errors] "
          "GOLD_DIR [SYSTEM_DIR]\n"
          "Scores temporal expressions with the TempEval-3 definitions:\n"
          "strict (same extent) and relaxed (overlap) P/R/F1, value and type\n"
          "accuracy over relaxed matches, and value and type F1.\n"
          "  --run          tag the gold texts with tidings and score that\n"
          "  -o, --output D with --run: also write tidings' TimeML files to D\n"
          "  --quiet        totals only, not one line per file\n"
          "  --errors       one line per error: FILE, miss|extra|value|type,\n"
          "                 then gold and system as START-END \"text\" TYPE VALUE\n"
          "                 (or -), START-END byte offsets in the text\n"
          "  --data DIR     read data files from DIR first\n");
}

static int td_eval_timeml_cmd(int argc, char **argv) {
  static const struct option opts[] = {{"run", no_argument, 0, 'r'},
                                       {"output", required_argument, 0, 'o'},
                                       {"quiet", no_argument, 0, 'q'},
                                       {"errors", no_argument, 0, 'e'},
                                       {"data", required_argument, 0, 'd'},
                                       {"help", no_argument, 0, 'h'},
                                       {0, 0, 0, 0}};
  bool run = false, quiet = false, errors = false;
  const char *out_dir = NULL, *data_dir = NULL;
  int c, idx;
  optind = 1;
  while ((c = getopt_long(argc, argv, "o:h", opts, &idx)) != -1) {
    switch (c) {
    case 'r': run = true; break;
    case 'o': out_dir = optarg; break;
    case 'q': quiet = true; break;
    case 'e': errors = true; break;
    case 'd': data_dir = optarg; break;
    case 'h': td_eval_usage(stdout); return TD_EXIT_OK;
    default: td_eval_usage(stderr); return TD_EXIT_USAGE;
    }
  }
  int nargs = argc - optind;
  if ((run && nargs != 1) || (!run && nargs != 2) || (out_dir && !run)) {
    td_eval_usage(stderr);
    return TD_EXIT_USAGE;
  }
  td_diag err;
  td_ctx_opts o; /* time expressions need no dictionaries */
  memset(&o, 0, sizeof(o));
  o.data_dir = data_dir;
  o.text_only = true;
  td_ctx *ctx = td_ctx_open(&o, &err);
  if (!ctx) {
    td_diag_print(&err, stderr);
    return TD_EXIT_USAGE;
  }
  td_te3_counts total;
  int rc = td_eval_timeml(ctx, argv[optind], run ? NULL : argv[optind + 1],
                          out_dir,
                          (quiet ? 0u : TD_EVAL_PER_FILE) |
                              (errors ? TD_EVAL_ERRORS : 0u),
                          stdout, &total);
  td_ctx_free(ctx);
  return rc ? TD_EXIT_REFUSED : TD_EXIT_OK;
}

int td_cmd_eval(int argc, char **argv) {
  if (argc < 2) {
    td_eval_usage(stderr);
    return TD_EXIT_USAGE;
  }
  if (!strcmp(argv[1], "timeml"))
    return td_eval_timeml_cmd(argc - 1, argv + 1);
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    td_eval_usage(stdout);
    return TD_EXIT_OK;
  }
  fprintf(stderr, "tidings: eval: unknown evaluation '%s' (timeml)\n", argv[1]);
  return TD_EXIT_USAGE;
}
