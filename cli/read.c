/*
 * read.c — `tidings read`: the text model of each document (docs.c).
 */
#include "cli.h"

int td_cmd_read(int argc, char **argv) { return td_cli_docs(argc, argv, false); }
