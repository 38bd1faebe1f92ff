/*
 * dict.c — `tidings dict check [--kind K] FILE...`: reads dictionaries the
 * way annotate would and reports every problem with its line; `tidings
 * dict stats`: what the loaded dictionaries hold and how long they took.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static void td_dict_usage(FILE *f) {
  fprintf(f,
          "usage: tidings dict check [--kind K] [--data DIR] FILE...\n"
          "       tidings dict stats [--actors F] [--agents F] "
          "[--no-own-actors]\n"
          "                          [--verbs F] [--discards F] "
          "[--no-own-events] [--data DIR]\n"
          "check: reads each dictionary as tidings annotate would and prints\n"
          "one line per problem (file:line: what is wrong); exit 0 when there\n"
          "is none, 1 when there are problems, 2 when a file cannot be read.\n"
          "  --kind K   actors, agents or verbs (TABARI/PETRARCH), or one of\n"
          "             our files: actors.txt agents.txt roles.txt names.txt\n"
          "             places.txt countries.txt events.txt. Default: from\n"
          "             the file's name (ours by exact name; else *actor*,\n"
          "             *agent*, *verb* or CAMEO*).\n"
          "stats: loads the dictionaries and prints their sizes and the load\n"
          "time.\n");
}

/* The kind of a dictionary from its file name, or NULL. */
static const char *td_dict_kind(const char *path) {
  static const char *ours[] = {"actors.txt", "agents.txt",    "roles.txt",
                               "names.txt",  "places.txt",    "countries.txt",
                               "events.txt"};
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  for (size_t i = 0; i < sizeof(ours) / sizeof(ours[0]); i++)
    if (!strcmp(base, ours[i]))
      return ours[i];
  if (strstr(base, "ctor") || strstr(base, "CTOR"))
    return "actors";
  if (strstr(base, "gent") || strstr(base, "GENT"))
    return "agents";
  if (strstr(base, "erb") || strstr(base, "ERB") || strstr(base, "CAMEO"))
    return "verbs";
  return NULL;
}

static int td_dict_check_cmd(int argc, char **argv) {
  static const struct option opts[] = {{"kind", required_argument, 0, 'k'},
                                       {"data", required_argument, 0, 'd'},
                                       {"help", no_argument, 0, 'h'},
                                       {0, 0, 0, 0}};
  const char *kind = NULL, *data_dir = NULL;
  int c, idx;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
    switch (c) {
    case 'k': kind = optarg; break;
    case 'd': data_dir = optarg; break;
    case 'h': td_dict_usage(stdout); return TD_EXIT_OK;
    default: td_dict_usage(stderr); return TD_EXIT_USAGE;
    }
  }
  if (optind >= argc) {
    td_dict_usage(stderr);
    return TD_EXIT_USAGE;
  }
  td_cli_inputs in;
  memset(&in, 0, sizeof(in));
  in.data_dir = data_dir;
  td_ctx *ctx = td_cli_context(&in);
  if (!ctx)
    return TD_EXIT_USAGE;
  int rc = TD_EXIT_OK;
  for (int i = optind; i < argc; i++) {
    const char *k = kind ? kind : td_dict_kind(argv[i]);
    if (!k) {
      fprintf(stderr, "tidings: %s: cannot tell the kind of dictionary from "
                      "its name; give --kind\n", argv[i]);
      rc = TD_EXIT_USAGE;
      continue;
    }
    td_diag err;
    long n = td_dict_check(ctx, argv[i], k, td_cli_print_diag, NULL, &err);
    if (n < 0) {
      td_diag_print(&err, stderr);
      rc = TD_EXIT_USAGE;
    } else {
      printf("%s: %s: %ld problem%s\n", argv[i], k, n, n == 1 ? "" : "s");
      if (n > 0 && rc == TD_EXIT_OK)
        rc = TD_EXIT_REFUSED;
    }
  }
  td_ctx_free(ctx);
  return rc;
}

static int td_dict_stats_cmd(int argc, char **argv) {
  static const struct option opts[] = {
      TD_CLI_DICT_OPTIONS,
      {"data", required_argument, 0, 'd'},
      {"help", no_argument, 0, 'h'},
      {0, 0, 0, 0}};
  td_cli_inputs in;
  memset(&in, 0, sizeof(in));
  int c, idx;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
    switch (c) {
    case 0:
      if (td_cli_dict_opt(&in, opts[idx].name, optarg) < 0)
        return TD_EXIT_USAGE;
      break;
    case 'd': in.data_dir = optarg; break;
    case 'h': td_dict_usage(stdout); return TD_EXIT_OK;
    default: td_dict_usage(stderr); return TD_EXIT_USAGE;
    }
  }
  td_ctx *ctx = td_cli_context(&in);
  if (!ctx)
    return TD_EXIT_USAGE;
  td_ctx_stats st;
  td_ctx_get_stats(ctx, &st);
  printf("phrases %zu\nword forms %zu\nplaces %zu\nactors %zu\nagents %zu\n"
         "roles %zu\nTABARI actors %zu\nevent predicates %zu\n"
         "event patterns %zu\nload seconds %.3f\n",
         st.phrases, st.forms, st.places, st.actors, st.agents, st.roles,
         st.xactors, st.predicates, st.patterns, st.load_seconds);
  td_ctx_free(ctx);
  return TD_EXIT_OK;
}

int td_cmd_dict(int argc, char **argv) {
  if (argc >= 2 && !strcmp(argv[1], "check"))
    return td_dict_check_cmd(argc - 1, argv + 1);
  if (argc >= 2 && !strcmp(argv[1], "stats"))
    return td_dict_stats_cmd(argc - 1, argv + 1);
  if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
    td_dict_usage(stdout);
    return TD_EXIT_OK;
  }
  td_dict_usage(stderr);
  return TD_EXIT_USAGE;
}
