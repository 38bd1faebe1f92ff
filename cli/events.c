/*
 * events.c — `tidings events`: the events of each document as data
 * (td_doc_write_events): PLOVER JSON Lines, the default, or the GDELT 2.0
 * event table (--format gdelt).
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


typedef struct td_ev_cfg {
  const td_ctx *ctx;
  td_events_format format;
  bool all;
} td_ev_cfg;

static void td_events_one(td_doc *doc, td_buf *out, td_buf *msg, void *ud) {
  (void)msg;
  td_ev_cfg *cfg = ud;
  td_doc_annotate(doc, cfg->ctx);
  td_doc_write_events(doc, out, cfg->format, cfg->all ? TD_EVENTS_ALL : 0);
}

static void td_events_usage(FILE *f) {
  fprintf(f,
          "usage: tidings events [options] [FILE|DIR|-]...\n"
          "Reads news stories and prints their events as data: one PLOVER "
          "record per\nline (JSON Lines), or the GDELT 2.0 event table.\n"
          "  --format F        plover (default) or gdelt (61 TAB-separated "
          "columns,\n"
          "                    one row per source-target pair)\n"
          "  --all             also events without an actor, a date or a "
          "PLOVER type\n"
          "%s%s",
          td_cli_input_help, td_cli_dict_help);
}

int td_cmd_events(int argc, char **argv) {
  static const struct option opts[] = {
      {"format", required_argument, 0, 'f'},
      {"all", no_argument, 0, 'a'},
      {"input-format", required_argument, 0, 'I'},
      TD_CLI_INPUT_OPTIONS,
      TD_CLI_DICT_OPTIONS,
      {"help", no_argument, 0, 'h'},
      {0, 0, 0, 0}};
  td_cli_inputs in = {0};
  td_ev_cfg cfg = {NULL, TD_EVENTS_PLOVER, false};
  int c, idx;
  optind = 1;
  while ((c = getopt_long(argc, argv, "j:h", opts, &idx)) != -1) {
    switch (c) {
    case 'f':
      if (!strcmp(optarg, "plover"))
        cfg.format = TD_EVENTS_PLOVER;
      else if (!strcmp(optarg, "gdelt"))
        cfg.format = TD_EVENTS_GDELT;
      else {
        fprintf(stderr, "tidings: --format %s: expected plover or gdelt "
                        "(--input-format for the input)\n", optarg);
        return TD_EXIT_USAGE;
      }
      break;
    case 'I':
      if (td_cli_input_opt(&in, "format", optarg) < 0)
        return TD_EXIT_USAGE;
      break;
    case 'a': cfg.all = true; break;
    case 'j':
      if (td_cli_input_opt(&in, "jobs", optarg) < 0)
        return TD_EXIT_USAGE;
      break;
    case 'h': td_events_usage(stdout); return TD_EXIT_OK;
    case 0: {
      int r = td_cli_input_opt(&in, opts[idx].name, optarg);
      if (r == 0)
        r = td_cli_dict_opt(&in, opts[idx].name, optarg);
      if (r <= 0)
        return TD_EXIT_USAGE;
      break;
    }
    default: td_events_usage(stderr); return TD_EXIT_USAGE;
    }
  }
  in.paths = argv + optind;
  in.npaths = argc - optind;
  return td_cli_run(&in, "coded", td_events_one, &cfg, &cfg.ctx);
}
