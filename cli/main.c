/*
 * main.c — the tidings command: dispatches to one subcommand per file.
 */
#include "cli.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>

static void td_usage(FILE *f) {
  fprintf(f,
          "usage: tidings COMMAND [options] [FILE|DIR|-]...\n"
          "tidings turns news wire stories into event data.\n\n"
          "commands:\n"
          "  read       read stories: metadata, dateline, paragraphs, "
          "sentences\n"
          "  annotate   read and annotate: time expressions, places, actors,\n"
          "             quotes, events\n"
          "  events     the events as data: PLOVER JSON Lines or GDELT rows\n"
          "  stories    group stories that report the same happening\n"
          "  compare    compare what the sources of each story say: merged\n"
          "             events, conflicts, single-source facts, framing\n"
          "  timeline   the events of each story in time order (text, JSON, "
          "SVG)\n"
          "  ingest     keep stories, annotations, events and stories in a "
          "database\n"
          "  query      the stored events that match filters (table, JSONL, "
          "CSV ...)\n"
          "  timeml     write documents as TimeML with tidings' TIMEX3 tags\n"
          "  eval       score against gold annotations (eval timeml, eval quotes)\n"
          "  dict       check dictionaries, show what is loaded\n"
          "  version    print the version\n\n"
          "'tidings COMMAND --help' describes a command. Exit codes: 0 every\n"
          "input read, 1 some input refused (see the messages), 2 usage.\n");
}

int main(int argc, char **argv) {
  /* Documents are allocated and freed by the thousand; without this glibc
   * gives the top of the heap back to the kernel after nearly every batch
   * and takes it again (brk and page faults were 8% of `read`'s time). */
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  if (argc < 2) {
    td_usage(stderr);
    return TD_EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "read"))
    return td_cmd_read(argc - 1, argv + 1);
  if (!strcmp(cmd, "annotate"))
    return td_cmd_annotate(argc - 1, argv + 1);
  if (!strcmp(cmd, "timeml"))
    return td_cmd_timeml(argc - 1, argv + 1);
  if (!strcmp(cmd, "events"))
    return td_cmd_events(argc - 1, argv + 1);
  if (!strcmp(cmd, "stories"))
    return td_cmd_stories(argc - 1, argv + 1);
  if (!strcmp(cmd, "compare"))
    return td_cmd_compare(argc - 1, argv + 1);
  if (!strcmp(cmd, "timeline"))
    return td_cmd_timeline(argc - 1, argv + 1);
  if (!strcmp(cmd, "ingest"))
    return td_cmd_ingest(argc - 1, argv + 1);
  if (!strcmp(cmd, "query"))
    return td_cmd_query(argc - 1, argv + 1);
  if (!strcmp(cmd, "eval"))
    return td_cmd_eval(argc - 1, argv + 1);
  if (!strcmp(cmd, "dict"))
    return td_cmd_dict(argc - 1, argv + 1);
  if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
    printf("tidings %s\n", TIDINGS_VERSION);
    return TD_EXIT_OK;
  }
  if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
    td_usage(stdout);
    return TD_EXIT_OK;
  }
  fprintf(stderr, "tidings: unknown command '%s'\n", cmd);
  td_usage(stderr);
  return TD_EXIT_USAGE;
}
