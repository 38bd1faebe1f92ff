/*
 * annotate.c — `tidings annotate`: the text model and every annotation
 * layer of each document (docs.c).
 */
#include "cli.h"

int td_cmd_annotate(int argc, char **argv) {
  return td_cli_docs(argc, argv, true);
}
