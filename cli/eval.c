/*
 * eval.c — `tidings eval`: scores tidings against gold annotations.
 *   tidings eval timeml GOLD_DIR SYSTEM_DIR   TempEval-3 task A scores of
 *   tidings eval timeml --run GOLD_DIR [-o DIR] the system's TIMEX3 tags
 *                                              (or tidings' own, with --run)
 *   tidings eval quotes [--split NAME] DIR     tidings' quotes against
 *                                              PolNeAR's attributions
 *   tidings eval petrarch RECORDS.xml          PETRARCH's validation
 *                                              records: events, exact
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void td_eval_quotes_usage(FILE *f) {
  fprintf(f,
          "usage: tidings eval quotes [--split NAME] [--quiet] [--errors] "
          "[--data DIR]\n"
          "                           [--actors F]... [--agents F]... "
          "[--no-own-actors] DIR\n"
          "Scores tidings' quotes (speaker, cue, content) against PolNeAR's\n"
          "attributions (brat standoff): exact and overlap P/R/F1 of source,\n"
          "cue and content. DIR is a split (text/NAME.txt and\n"
          "attributions/NAME_ANNOTATOR.ann) or the corpus root, whose split\n"
          "NAME is scored. Story dates come from metadata.tsv next to the\n"
          "split. A story with several annotators' files is scored once,\n"
          "against the alphabetically first file. Gold and system spans are\n"
          "matched one to one: the same extent first, then the largest\n"
          "overlap; exact = the same characters once whitespace and\n"
          "punctuation are left out, overlap = a byte in common.\n"
          "Problems in the gold files are warnings on standard error.\n"
          "  --split NAME   the split of a corpus root DIR (default: dev)\n"
          "  --quiet        totals only, not one line per file\n"
          "  --errors       one line per error: FILE, source|cue|content,\n"
          "                 miss|extra|partial, then gold and system as\n"
          "                 START-END[,START-END] \"text\" (or -), byte\n"
          "                 offsets in the text\n"
          "  --data DIR     read data files from DIR first\n"
          "  --actors F, --agents F, --no-own-actors   as for annotate\n");
}

static void td_eval_timeml_usage(FILE *f) {
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

static void td_eval_petrarch_usage(FILE *f) {
  fprintf(f,
          "usage: tidings eval petrarch [--quiet] [--errors] [--data DIR] "
          "RECORDS.xml\n"
          "Runs PETRARCH's validation records (PETR.UnitTest.records.xml)\n"
          "with the dictionaries their <Environment> names (next to the\n"
          "file) and none of tidings' own, and compares each record's events\n"
          "with the expected ones as (source, target, event code) triples,\n"
          "one per source and target of an event. A record is exact when\n"
          "the two sets are equal; \"---\" is a missing actor. Prints one\n"
          "line per category and the totals: records, exact (and share),\n"
          "expected, produced, matched, missing and extra triples.\n"
          "Records that test PETRARCH's parse-tree input are skipped.\n"
          "  --quiet        totals only, not one line per category\n"
          "  --errors       one line per record that is not exact: id,\n"
          "                 category, expected and produced triples (SRC TGT\n"
          "                 CODE, ...), text; and every dictionary line\n"
          "                 skipped, on standard error\n"
          "  --data DIR     read data files from DIR first\n");
}

static void td_eval_compare_usage(FILE *f) {
  fprintf(f,
          "usage: tidings eval compare [--errors] [--data DIR] GOLD.tsv "
          "FILE|DIR...\n"
          "Compares the sources of the stories in FILE|DIR (tidings compare) "
          "and\nscores the result against the gold disagreements of "
          "GOLD.tsv\n(examples/disagreements.tsv; examples/README.md has "
          "the columns): how\nmany gold rows are found with their kind "
          "(conflict, compatible, same,\nonly_a), per attribute, and how "
          "many conflicts are reported that no\ngold row stands for.\n"
          "  --errors       one line per row not found and per false "
          "conflict\n"
          "  --data DIR     read data files from DIR first\n");
}

static void td_eval_ecb_usage(FILE *f) {
  fprintf(f,
          "usage: tidings eval ecb [--quiet] [--data DIR] ECBPLUS_DIR\n"
          "Groups the documents of each ECB+ topic into stories (as tidings\n"
          "stories does) and scores them against the topic's two seminal "
          "events\n(the ecb and ecbplus files): B-cubed and adjusted Rand "
          "index; then\nclusters the annotated action mentions across "
          "documents (same story,\nsame lemma) and reports B-cubed, MUC, "
          "CEAF-e and CoNLL F1.\n"
          "  --quiet        totals only, not one line per topic\n"
          "  --threshold X  as for tidings stories (default 0.08)\n"
          "  --data DIR     read data files from DIR first\n");
}

static void td_eval_usage(FILE *f) {
  td_eval_timeml_usage(f);
  fputc('\n', f);
  td_eval_quotes_usage(f);
  fputc('\n', f);
  td_eval_petrarch_usage(f);
  fprintf(f, "\n");
  td_eval_compare_usage(f);
  fprintf(f, "\n");
  td_eval_ecb_usage(f);
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
    case 'h': td_eval_timeml_usage(stdout); return TD_EXIT_OK;
    default: td_eval_timeml_usage(stderr); return TD_EXIT_USAGE;
    }
  }
  int nargs = argc - optind;
  if ((run && nargs != 1) || (!run && nargs != 2) || (out_dir && !run)) {
    td_eval_timeml_usage(stderr);
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

static bool td_is_dir(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* DIR is a split when it has text/ and attributions/. */
static bool td_is_split(const char *dir) {
  char p[4096];
  snprintf(p, sizeof(p), "%s/text", dir);
  if (!td_is_dir(p))
    return false;
  snprintf(p, sizeof(p), "%s/attributions", dir);
  return td_is_dir(p);
}

static int td_eval_quotes_cmd(int argc, char **argv) {
  static const struct option opts[] = {
      {"split", required_argument, 0, 's'},
      {"quiet", no_argument, 0, 'q'},
      {"errors", no_argument, 0, 'e'},
      {"data", required_argument, 0, 'd'},
      {"actors", required_argument, 0, 'A'},
      {"agents", required_argument, 0, 'G'},
      {"no-own-actors", no_argument, 0, 'N'},
      {"help", no_argument, 0, 'h'},
      {0, 0, 0, 0}};
  bool quiet = false, errors = false;
  const char *split = NULL;
  td_cli_inputs in;
  memset(&in, 0, sizeof(in));
  int c, idx;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
    switch (c) {
    case 's': split = optarg; break;
    case 'q': quiet = true; break;
    case 'e': errors = true; break;
    case 'd': in.data_dir = optarg; break;
    case 'A': case 'G': case 'N':
      if (td_cli_dict_opt(&in, opts[idx].name, optarg) < 0)
        return TD_EXIT_USAGE;
      break;
    case 'h': td_eval_quotes_usage(stdout); return TD_EXIT_OK;
    default: td_eval_quotes_usage(stderr); return TD_EXIT_USAGE;
    }
  }
  if (argc - optind != 1) {
    td_eval_quotes_usage(stderr);
    return TD_EXIT_USAGE;
  }
  const char *root = argv[optind];
  if (split && (!*split || strchr(split, '/'))) {
    fprintf(stderr, "tidings: --split %s: expected the name of a split "
                    "(dev, train, test)\n", split);
    return TD_EXIT_USAGE;
  }
  char dir[4096];
  if (td_is_split(root)) {
    /* --split NAME with the split NAME itself is allowed */
    size_t rl = strlen(root), sl = split ? strlen(split) : 0;
    while (rl > 1 && root[rl - 1] == '/')
      rl--;
    bool same = split && rl >= sl && !strncmp(root + rl - sl, split, sl) &&
                (rl == sl || root[rl - sl - 1] == '/');
    if (split && !same) {
      fprintf(stderr, "tidings: %s is a split itself (it has text/ and "
                      "attributions/); --split %s does not apply\n",
              root, split);
      return TD_EXIT_USAGE;
    }
    snprintf(dir, sizeof(dir), "%s", root);
  } else {
    snprintf(dir, sizeof(dir), "%s/%s", root, split ? split : "dev");
  }
  td_ctx *ctx = td_cli_context(&in);
  if (!ctx)
    return TD_EXIT_USAGE;
  td_attr_scores total;
  int rc = td_eval_quotes(ctx, dir,
                          (quiet ? 0u : TD_EVAL_PER_FILE) |
                              (errors ? TD_EVAL_ERRORS : 0u),
                          stdout, &total);
  td_ctx_free(ctx);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "tidings: cannot write the output\n");
    return TD_EXIT_REFUSED;
  }
  return rc ? TD_EXIT_REFUSED : TD_EXIT_OK;
}

static int td_eval_compare_cmd(int argc, char **argv) {
  static const struct option opts[] = {{"errors", no_argument, 0, 'e'},
                                       {"data", required_argument, 0, 'd'},
                                       {"help", no_argument, 0, 'h'},
                                       {0, 0, 0, 0}};
  bool errors = false;
  td_cli_inputs in;
  memset(&in, 0, sizeof(in));
  int c, idx;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
    switch (c) {
    case 'e': errors = true; break;
    case 'd': in.data_dir = optarg; break;
    case 'h': td_eval_compare_usage(stdout); return TD_EXIT_OK;
    default: td_eval_compare_usage(stderr); return TD_EXIT_USAGE;
    }
  }
  if (argc - optind < 2) {
    td_eval_compare_usage(stderr);
    return TD_EXIT_USAGE;
  }
  td_ctx *ctx = td_cli_context(&in);
  if (!ctx)
    return TD_EXIT_USAGE;
  td_cmp_scores sc;
  int rc = td_eval_compare(ctx, argv[optind],
                           (const char *const *)argv + optind + 1,
                           (size_t)(argc - optind - 1),
                           errors ? TD_EVAL_ERRORS : 0u, stdout, &sc);
  if (rc == 0)
    td_cmp_report(stdout, &sc);
  td_ctx_free(ctx);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "tidings: cannot write the output\n");
    return TD_EXIT_REFUSED;
  }
  return rc ? TD_EXIT_REFUSED : TD_EXIT_OK;
}

static int td_eval_ecb_cmd(int argc, char **argv) {
  static const struct option opts[] = {{"quiet", no_argument, 0, 'q'},
                                       {"data", required_argument, 0, 'd'},
                                       {"threshold", required_argument, 0, 'T'},
                                       {"help", no_argument, 0, 'h'},
                                       {0, 0, 0, 0}};
  bool quiet = false;
  td_link_opts lo = {0};
  char *end;
  td_cli_inputs in;
  memset(&in, 0, sizeof(in));
  int c, idx;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
    switch (c) {
    case 'q': quiet = true; break;
    case 'd': in.data_dir = optarg; break;
    case 'T':
      lo.threshold = strtod(optarg, &end);
      if (*end || !(lo.threshold > 0 && lo.threshold <= 1)) {
        fprintf(stderr, "tidings: --threshold %s: expected a number in "
                        "(0, 1]\n", optarg);
        return TD_EXIT_USAGE;
      }
      break;
    case 'h': td_eval_ecb_usage(stdout); return TD_EXIT_OK;
    default: td_eval_ecb_usage(stderr); return TD_EXIT_USAGE;
    }
  }
  if (argc - optind != 1) {
    td_eval_ecb_usage(stderr);
    return TD_EXIT_USAGE;
  }
  td_ctx *ctx = td_cli_context(&in);
  if (!ctx)
    return TD_EXIT_USAGE;
  td_ecb_scores sc;
  lo.data_dir = in.data_dir;
  int rc = td_eval_ecb(ctx, argv[optind], &lo,
                       quiet ? 0u : TD_EVAL_PER_FILE, stdout, &sc);
  td_ctx_free(ctx);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "tidings: cannot write the output\n");
    return TD_EXIT_REFUSED;
  }
  return rc ? TD_EXIT_REFUSED : TD_EXIT_OK;
}

static int td_eval_petrarch_cmd(int argc, char **argv) {
  static const struct option opts[] = {{"quiet", no_argument, 0, 'q'},
                                       {"errors", no_argument, 0, 'e'},
                                       {"data", required_argument, 0, 'd'},
                                       {"help", no_argument, 0, 'h'},
                                       {0, 0, 0, 0}};
  bool quiet = false, errors = false;
  const char *data_dir = NULL;
  int c, idx;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
    switch (c) {
    case 'q': quiet = true; break;
    case 'e': errors = true; break;
    case 'd': data_dir = optarg; break;
    case 'h': td_eval_petrarch_usage(stdout); return TD_EXIT_OK;
    default: td_eval_petrarch_usage(stderr); return TD_EXIT_USAGE;
    }
  }
  if (argc - optind != 1) {
    td_eval_petrarch_usage(stderr);
    return TD_EXIT_USAGE;
  }
  td_petr_scores total;
  int rc = td_eval_petrarch(argv[optind], data_dir,
                            (quiet ? 0u : TD_EVAL_PER_FILE) |
                                (errors ? TD_EVAL_ERRORS : 0u),
                            stdout, &total);
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "tidings: cannot write the output\n");
    return TD_EXIT_REFUSED;
  }
  return rc ? TD_EXIT_REFUSED : TD_EXIT_OK;
}

int td_cmd_eval(int argc, char **argv) {
  if (argc < 2) {
    td_eval_usage(stderr);
    return TD_EXIT_USAGE;
  }
  if (!strcmp(argv[1], "timeml"))
    return td_eval_timeml_cmd(argc - 1, argv + 1);
  if (!strcmp(argv[1], "quotes"))
    return td_eval_quotes_cmd(argc - 1, argv + 1);
  if (!strcmp(argv[1], "ecb"))
    return td_eval_ecb_cmd(argc - 1, argv + 1);
  if (!strcmp(argv[1], "compare"))
    return td_eval_compare_cmd(argc - 1, argv + 1);
  if (!strcmp(argv[1], "petrarch"))
    return td_eval_petrarch_cmd(argc - 1, argv + 1);
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    td_eval_usage(stdout);
    return TD_EXIT_OK;
  }
  fprintf(stderr,
          "tidings: eval: unknown evaluation '%s' (timeml, quotes, petrarch)\n",
          argv[1]);
  return TD_EXIT_USAGE;
}
