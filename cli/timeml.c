/*
 * timeml.c — `tidings timeml`: writes documents as TimeML with our TIMEX3
 * tags (one file per document with -o, else to standard output).
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

typedef struct td_timeml_cfg {
  const td_ctx *ctx;
  const char *out_dir;
} td_timeml_cfg;

/* The output file's name: the input's base name, else the id + .tml. */
static void td_out_name(const td_doc *doc, const char *dir, char *out,
                        size_t n) {
  const char *path = td_doc_path(doc);
  const char *base = path ? strrchr(path, '/') : NULL;
  base = base ? base + 1 : path;
  if (base && td_doc_format(doc) == TD_FORMAT_TIMEML)
    snprintf(out, n, "%s/%s", dir, base);
  else
    snprintf(out, n, "%s/%s.tml", dir, td_doc_id(doc));
}

static void td_timeml_one(td_doc *doc, td_buf *out, td_buf *msg, void *ud) {
  const td_timeml_cfg *cfg = ud;
  td_doc_annotate(doc, cfg->ctx);
  if (!cfg->out_dir) {
    td_doc_write_timeml(doc, out);
    return;
  }
  td_buf b = {0};
  td_doc_write_timeml(doc, &b);
  char path[4096];
  td_out_name(doc, cfg->out_dir, path, sizeof(path));
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(b.ptr, 1, b.len, f) != b.len)
    td_buf_printf(msg, "tidings: %s: cannot write: %s\n", path,
                  strerror(errno));
  if (f)
    fclose(f);
  td_buf_free(&b);
}

int td_cmd_timeml(int argc, char **argv) {
  static const struct option opts[] = {
      {"output", required_argument, 0, 'o'},
      {"format", required_argument, 0, 0},
      {"date", required_argument, 0, 0},
      {"source", required_argument, 0, 0},
      {"max-doc-size", required_argument, 0, 0},
      {"data", required_argument, 0, 0},
      {"jobs", required_argument, 0, 'j'},
      {"stats", no_argument, 0, 0},
      {"help", no_argument, 0, 'h'},
      {0, 0, 0, 0}};
  td_cli_inputs in = {0};
  td_timeml_cfg cfg = {NULL, NULL};
  int c, idx;
  optind = 1;
  while ((c = getopt_long(argc, argv, "o:j:h", opts, &idx)) != -1) {
    switch (c) {
    case 'o': cfg.out_dir = optarg; break;
    case 'j':
      if (td_cli_input_opt(&in, "jobs", optarg) < 0)
        return TD_EXIT_USAGE;
      break;
    case 'h':
      printf("usage: tidings timeml [-o DIR] [options] [FILE|DIR|-]...\n"
             "Writes each document as TimeML with tidings' TIMEX3 tags in\n"
             "its TEXT; TimeML inputs keep every other character.\n"
             "  -o, --output DIR  one file per document in DIR (TimeML "
             "inputs keep\n"
             "                    their file names) instead of standard "
             "output\n%s",
             td_cli_input_help);
      return TD_EXIT_OK;
    case 0:
      if (td_cli_input_opt(&in, opts[idx].name, optarg) < 0)
        return TD_EXIT_USAGE;
      break;
    default: return TD_EXIT_USAGE;
    }
  }
  if (cfg.out_dir && mkdir(cfg.out_dir, 0777) != 0 && errno != EEXIST) {
    fprintf(stderr, "tidings: %s: cannot create: %s\n", cfg.out_dir,
            strerror(errno));
    return TD_EXIT_USAGE;
  }
  in.paths = argv + optind;
  in.npaths = argc - optind;
  in.text_only = true;
  return td_cli_run(&in, "tagged", td_timeml_one, &cfg, &cfg.ctx);
}
