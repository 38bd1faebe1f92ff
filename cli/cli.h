/*
 * cli.h — what the subcommands share: the options that choose and read
 * inputs, and the exit codes.
 */
#ifndef TD_CLI_H
#define TD_CLI_H

#include "tidings.h"

#include <stdbool.h>

/* Exit codes (docs/cli.md). */
enum {
  TD_EXIT_OK = 0,      /* every input was read                        */
  TD_EXIT_REFUSED = 1, /* some input was refused, or output failed    */
  TD_EXIT_USAGE = 2    /* bad command line; nothing was done          */
};

#define TD_CLI_MAX_DICTS 32

typedef struct td_cli_inputs {
  td_read_opts ro;
  const char *data_dir;
  int jobs;
  bool stats;
  char **paths;
  int npaths;
  /* dictionaries (annotate) */
  bool text_only;
  const char *actor_files[TD_CLI_MAX_DICTS];
  size_t nactor_files;
  const char *agent_files[TD_CLI_MAX_DICTS];
  size_t nagent_files;
  bool no_own_actors;
  const char *verb_files[TD_CLI_MAX_DICTS];
  size_t nverb_files;
  const char *discard_files[TD_CLI_MAX_DICTS];
  size_t ndiscard_files;
  bool no_own_events;
} td_cli_inputs;

/* The getopt_long entries of the input options other than --format
 * (td_cli_input_opt; --jobs/-j comes back as 'j') and of the dictionary
 * options (td_cli_dict_opt), for the subcommands' option tables. */
#define TD_CLI_INPUT_OPTIONS                                                   \
  {"date", required_argument, 0, 0}, {"source", required_argument, 0, 0},     \
      {"max-doc-size", required_argument, 0, 0},                               \
      {"data", required_argument, 0, 0}, {"jobs", required_argument, 0, 'j'},  \
      {"stats", no_argument, 0, 0}
#define TD_CLI_DICT_OPTIONS                                                    \
  {"actors", required_argument, 0, 0}, {"agents", required_argument, 0, 0},   \
      {"no-own-actors", no_argument, 0, 0},                                    \
      {"verbs", required_argument, 0, 0},                                      \
      {"discards", required_argument, 0, 0},                                   \
      {"no-own-events", no_argument, 0, 0}

/* Usage text for the dictionary options of annotate. */
extern const char td_cli_dict_help[];
/* Handles a dictionary option (actors, agents, no-own-actors, verbs,
 * discards, no-own-events) like td_cli_input_opt. */
int td_cli_dict_opt(td_cli_inputs *in, const char *name, const char *arg);
/* Loads the context the inputs ask for; prints problems in the user's
 * dictionaries (at most a few, then a count) to standard error. */
td_ctx *td_cli_context(const td_cli_inputs *in);
/* Prints a diagnostic to standard error (a td_diag_fn). */
void td_cli_print_diag(void *ud, const td_diag *d);

/* Usage text for the input options. */
extern const char td_cli_input_help[];

/* Handles an input option (long name `name`, argument `arg`); returns 1 if
 * it was one, 0 if not, -1 (after printing why) if its argument is bad. */
int td_cli_input_opt(td_cli_inputs *in, const char *name, const char *arg);
/* Loads the context, reads the inputs ("-" when none and stdin is not a
 * terminal) and runs fn on every document with td_run; *ctx_out holds the
 * context while it runs (for fn). Prints the --stats summary as "tidings:
 * VERB N documents ...". Returns the exit code. */
int td_cli_run(td_cli_inputs *in, const char *verb, td_doc_fn fn, void *ud,
               const td_ctx **ctx_out);
/* Checks the inputs, loads the context and queues the inputs on a new
 * reader ("-" when none and stdin is not a terminal). Returns the exit
 * code: TD_EXIT_OK, or TD_EXIT_USAGE after printing why. */
int td_cli_open(td_cli_inputs *in, td_ctx **ctx, td_reader **reader);
/* Prints the --stats summary. */
void td_cli_print_stats(const char *what, const td_run_stats *st,
                        double seconds);
double td_cli_now(void);

/* read and annotate: documents as JSON, a table or sentences (docs.c). */
int td_cli_docs(int argc, char **argv, bool annotate);
int td_cmd_read(int argc, char **argv);
int td_cmd_annotate(int argc, char **argv);
int td_cmd_timeml(int argc, char **argv);
int td_cmd_eval(int argc, char **argv);
int td_cmd_dict(int argc, char **argv);
int td_cmd_events(int argc, char **argv);
/* stories, compare, timeline: documents linked across sources (link.c). */
int td_cmd_stories(int argc, char **argv);
int td_cmd_compare(int argc, char **argv);
int td_cmd_timeline(int argc, char **argv);
/* ingest and query: keeping a collection in a store (ingest.c, query.c). */
int td_cmd_ingest(int argc, char **argv);
int td_cmd_query(int argc, char **argv);

#endif
