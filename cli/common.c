/*
 * common.c — input options shared by the subcommands.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

const char td_cli_input_help[] =
    "Inputs are files, directories (read recursively) or - for standard\n"
    "input; with none, standard input is read unless it is a terminal.\n"
    "  --format F        wire, jsonl, text or timeml (default: detected)\n"
    "  --date YYYY-MM-DD story date for inputs that carry none\n"
    "  --source NAME     source for inputs that name none\n"
    "  --max-doc-size N  refuse documents over N bytes (K, M, G; 64M)\n"
    "  --data DIR        read data files from DIR before the built-in ones\n"
    "  -j, --jobs N      worker threads (default: one per core)\n"
    "  --stats           print counts and speed to standard error\n";

static bool td_parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s)
    return false;
  switch (*end) {
  case 'k': case 'K': v <<= 10; end++; break;
  case 'm': case 'M': v <<= 20; end++; break;
  case 'g': case 'G': v <<= 30; end++; break;
  default: break;
  }
  if (*end || v == 0 || v > 0xFFFFFFF0ull)
    return false;
  *out = (size_t)v;
  return true;
}

int td_cli_input_opt(td_cli_inputs *in, const char *name, const char *arg) {
  if (!strcmp(name, "format")) {
    int f = td_format_parse(arg);
    if (f < 0) {
      fprintf(stderr, "tidings: --format %s: expected wire, jsonl, text, "
                      "timeml or auto\n", arg);
      return -1;
    }
    in->ro.format = (td_format)f;
  } else if (!strcmp(name, "date")) {
    in->ro.date = arg;
  } else if (!strcmp(name, "source")) {
    in->ro.source = arg;
  } else if (!strcmp(name, "max-doc-size")) {
    if (!td_parse_size(arg, &in->ro.max_doc_bytes)) {
      fprintf(stderr, "tidings: --max-doc-size %s: expected a size such as "
                      "512K or 64M (at most 4G)\n", arg);
      return -1;
    }
  } else if (!strcmp(name, "data")) {
    in->data_dir = arg;
  } else if (!strcmp(name, "jobs")) {
    char *end;
    long j = strtol(arg, &end, 10);
    if (*end || j < 1 || j > 256) {
      fprintf(stderr, "tidings: --jobs %s: expected 1 to 256\n", arg);
      return -1;
    }
    in->jobs = (int)j;
  } else if (!strcmp(name, "stats")) {
    in->stats = true;
  } else {
    return 0;
  }
  return 1;
}

const char td_cli_dict_help[] =
    "Actors are coded with tidings' dictionaries (data/actors.txt, agents.txt,\n"
    "roles.txt, countries.txt) and any TABARI/PETRARCH dictionaries given:\n"
    "  --actors FILE     a .actors dictionary (repeatable)\n"
    "  --agents FILE     a .agents dictionary (repeatable)\n"
    "  --no-own-actors   code actors with the given dictionaries alone\n"
    "Events are coded with data/events.txt and any TABARI/PETRARCH verb\n"
    "dictionaries given:\n"
    "  --verbs FILE      a verb dictionary (CAMEO.2.0.txt; repeatable)\n"
    "  --discards FILE   a PETRARCH discard list (repeatable)\n"
    "  --no-own-events   code events with the given verb files alone\n";

int td_cli_dict_opt(td_cli_inputs *in, const char *name, const char *arg) {
  if (!strcmp(name, "actors") || !strcmp(name, "agents")) {
    bool actors = name[1] == 'c';
    size_t *n = actors ? &in->nactor_files : &in->nagent_files;
    if (*n == TD_CLI_MAX_DICTS) {
      fprintf(stderr, "tidings: at most %d --%s files\n", TD_CLI_MAX_DICTS,
              name);
      return -1;
    }
    (actors ? in->actor_files : in->agent_files)[(*n)++] = arg;
  } else if (!strcmp(name, "no-own-actors")) {
    in->no_own_actors = true;
  } else if (!strcmp(name, "verbs") || !strcmp(name, "discards")) {
    bool verbs = name[0] == 'v';
    size_t *n = verbs ? &in->nverb_files : &in->ndiscard_files;
    if (*n == TD_CLI_MAX_DICTS) {
      fprintf(stderr, "tidings: at most %d --%s files\n", TD_CLI_MAX_DICTS,
              name);
      return -1;
    }
    (verbs ? in->verb_files : in->discard_files)[(*n)++] = arg;
  } else if (!strcmp(name, "no-own-events")) {
    in->no_own_events = true;
  } else {
    return 0;
  }
  return 1;
}

void td_cli_print_diag(void *ud, const td_diag *d) {
  long *count = ud;
  if (!count || (*count)++ < 20)
    td_diag_print(d, stderr);
}

td_ctx *td_cli_context(const td_cli_inputs *in) {
  td_ctx_opts o;
  memset(&o, 0, sizeof(o));
  o.data_dir = in->data_dir;
  o.text_only = in->text_only;
  o.actor_files = in->actor_files;
  o.nactor_files = in->nactor_files;
  o.agent_files = in->agent_files;
  o.nagent_files = in->nagent_files;
  o.no_own_actors = in->no_own_actors;
  o.verb_files = in->verb_files;
  o.nverb_files = in->nverb_files;
  o.discard_files = in->discard_files;
  o.ndiscard_files = in->ndiscard_files;
  o.no_own_events = in->no_own_events;
  long problems = 0;
  o.report = td_cli_print_diag;
  o.report_ud = &problems;
  td_diag err;
  td_ctx *ctx = td_ctx_open(&o, &err);
  if (!ctx) {
    td_diag_print(&err, stderr);
    return NULL;
  }
  if (problems > 20)
    fprintf(stderr, "tidings: ... %ld problems in the dictionaries in all; "
                    "`tidings dict check FILE` lists them\n", problems);
  if (in->no_own_actors && !in->nactor_files)
    fprintf(stderr, "tidings: warning: --no-own-actors without --actors: no "
                    "actor will be coded\n");
  if (in->no_own_events && !in->nverb_files)
    fprintf(stderr, "tidings: warning: --no-own-events without --verbs: no "
                    "event will be coded\n");
  return ctx;
}

int td_cli_open(td_cli_inputs *in, td_ctx **ctx, td_reader **reader) {
  td_date date;
  int drc = in->ro.date ? td_date_from_string(in->ro.date, &date) : 1;
  if (drc != 1) {
    fprintf(stderr, "tidings: --date %s: %s\n", in->ro.date,
            drc < 0 ? "no such date" : "expected YYYY-MM-DD");
    return TD_EXIT_USAGE;
  }
  if (in->npaths == 0 && isatty(0)) {
    fprintf(stderr, "tidings: no input (give files, directories or -)\n");
    return TD_EXIT_USAGE;
  }
  *ctx = td_cli_context(in);
  if (!*ctx)
    return TD_EXIT_USAGE;
  *reader = td_reader_new(*ctx, &in->ro);
  if (in->npaths == 0)
    td_reader_add_path(*reader, "-");
  for (int i = 0; i < in->npaths; i++)
    td_reader_add_path(*reader, in->paths[i]);
  return TD_EXIT_OK;
}

int td_cli_run(td_cli_inputs *in, const char *verb, td_doc_fn fn, void *ud,
               const td_ctx **ctx_out) {
  td_ctx *ctx;
  td_reader *reader;
  int rc = td_cli_open(in, &ctx, &reader);
  if (rc != TD_EXIT_OK)
    return rc;
  *ctx_out = ctx;
  td_run_stats st;
  double t0 = td_cli_now();
  int wrc = td_run(reader, in->jobs, fn, ud, stdout, stderr, &st);
  if (in->stats)
    td_cli_print_stats(verb, &st, td_cli_now() - t0);
  td_reader_free(reader);
  td_ctx_free(ctx);
  *ctx_out = NULL;
  if (wrc != 0) {
    fprintf(stderr, "tidings: cannot write the output\n");
    return TD_EXIT_REFUSED;
  }
  return st.refused ? TD_EXIT_REFUSED : TD_EXIT_OK;
}

double td_cli_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void td_cli_print_stats(const char *what, const td_run_stats *st,
                        double seconds) {
  double s = seconds > 1e-9 ? seconds : 1e-9;
  fprintf(stderr,
          "tidings: %s %llu documents (%llu refused, %llu warnings), %llu "
          "bytes, %llu sentences, %llu tokens in %.3f s: %.1f MB/s, %.0f "
          "docs/s, %.0f sentences/s\n",
          what, (unsigned long long)st->docs, (unsigned long long)st->refused,
          (unsigned long long)st->warnings, (unsigned long long)st->bytes,
          (unsigned long long)st->sentences, (unsigned long long)st->tokens,
          seconds, (double)st->bytes / 1e6 / s, (double)st->docs / s,
          (double)st->sentences / s);
}
