/*
 * docs.c — what `tidings read` and `tidings annotate` share: one JSON
 * object per document per line (docs/format.md); or, for people, a table
 * of documents, their sentences one per line, or one annotation layer's
 * items one per line (time expressions, quantities, actors, places,
 * events).
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

enum {
  TD_OUT_JSON,
  TD_OUT_TABLE,
  TD_OUT_SENTENCES,
  TD_OUT_TIMEXES,
  TD_OUT_ENTITIES,
  TD_OUT_PLACES,
  TD_OUT_QUANTITIES,
  TD_OUT_EVENTS
};

typedef struct td_read_cfg {
  const td_ctx *ctx;
  unsigned flags;
  int mode;
  bool annotate;
} td_read_cfg;

static void td_put_span(td_buf *out, const char *text, td_span s) {
  for (uint32_t i = s.start; i < s.end; i++) {
    char c = text[i];
    td_buf_add(out, c == '\n' || c == '\r' || c == '\t' ? " " : &c, 1);
  }
}

static void td_put_str(td_buf *out, const char *s, const char *none) {
  const char *v = s ? s : none;
  td_buf_add(out, v, strlen(v));
}

static void td_put_date(td_buf *out, td_date d) {
  char tmp[32];
  if (d.year > 0)
    snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", d.year, d.month, d.day);
  else
    snprintf(tmp, sizeof(tmp), "----------");
  td_buf_add(out, tmp, strlen(tmp));
}

/* One line: id, date, source, dateline, paragraphs, sentences, title. */
static void td_write_row(const td_doc *doc, td_buf *out) {
  size_t len;
  const char *text = td_doc_text(doc, &len);
  char tmp[64];
  td_put_str(out, td_doc_id(doc), "-");
  td_buf_add(out, "  ", 2);
  td_put_date(out, td_doc_date(doc));
  td_buf_add(out, "  ", 2);
  td_put_str(out, td_doc_source(doc), "?");
  const char *from = td_doc_source_from(doc);
  if (from) {
    snprintf(tmp, sizeof(tmp), " (%s)", from);
    td_buf_add(out, tmp, strlen(tmp));
  }
  td_buf_add(out, "  ", 2);
  const td_dateline *dl = td_doc_dateline(doc);
  if (dl) {
    td_buf_add(out, "[", 1);
    td_put_span(out, text, dl->place);
    if (dl->country) {
      td_buf_add(out, ", ", 2);
      td_put_str(out, dl->country, "");
    }
    td_buf_add(out, "]", 1);
  } else {
    td_buf_add(out, "[no dateline]", 13);
  }
  snprintf(tmp, sizeof(tmp), "  %zu para, %zu sent  ", td_doc_nparagraphs(doc),
           td_doc_nsentences(doc));
  td_buf_add(out, tmp, strlen(tmp));
  td_put_str(out, td_doc_title(doc), "(no headline)");
  td_buf_add(out, "\n", 1);
}

/* The document's sentences, one per line, with their byte spans. */
static void td_write_sentences(const td_doc *doc, td_buf *out) {
  size_t len;
  const char *text = td_doc_text(doc, &len);
  td_buf_add(out, "# ", 2);
  td_write_row(doc, out);
  const td_sentence *s = td_doc_sentences(doc);
  for (size_t i = 0; i < td_doc_nsentences(doc); i++) {
    char tmp[64];
    snprintf(tmp, sizeof(tmp), "%u-%u\t", s[i].span.start, s[i].span.end);
    td_buf_add(out, tmp, strlen(tmp));
    td_put_span(out, text, s[i].span);
    td_buf_add(out, "\n", 1);
  }
  td_buf_add(out, "\n", 1);
}

/* The document's temporal expressions, one per line: byte span, type,
 * value (with its modifier), what it was resolved against, the text. */
static void td_write_timexes(const td_doc *doc, td_buf *out) {
  size_t len;
  const char *text = td_doc_text(doc, &len);
  td_buf_add(out, "# ", 2);
  td_write_row(doc, out);
  td_time t;
  for (size_t i = 0; td_doc_time(doc, i, &t); i++) {
    char tmp[160];
    snprintf(tmp, sizeof(tmp), "%u-%u\t%s\t%s%s%s\t%s\t", t.span.start,
             t.span.end, t.type, t.value, t.mod ? " " : "",
             t.mod ? t.mod : "", t.anchor);
    td_buf_add(out, tmp, strlen(tmp));
    td_put_span(out, text, t.span);
    td_buf_add(out, "\n", 1);
  }
  td_buf_add(out, "\n", 1);
}

static void td_put_actors(td_buf *out, const td_event_actor *a, size_t n) {
  if (!n)
    td_buf_add(out, "-", 1);
  for (size_t i = 0; i < n; i++) {
    if (i)
      td_buf_add(out, "+", 1);
    td_put_str(out, a[i].code, "?");
  }
}

/* The document's events, one per line: id, span, code, PLOVER type,
 * source -> target codes, date (from), modality, text. */
static void td_write_events(const td_doc *doc, td_buf *out) {
  size_t len;
  const char *text = td_doc_text(doc, &len);
  td_buf_add(out, "# ", 2);
  td_write_row(doc, out);
  td_event_info e;
  for (size_t i = 0; td_doc_event(doc, i, &e); i++) {
    td_buf_printf(out, "v%zu\t%u-%u\t%s\t%s\t", i + 1, e.span.start,
                  e.span.end, e.code, e.plover ? e.plover : "-");
    td_put_actors(out, e.sources, e.nsources);
    td_buf_add(out, " -> ", 4);
    td_put_actors(out, e.targets, e.ntargets);
    td_buf_printf(out, "\t%s (%s)\t", e.date ? e.date : "-",
                  e.date ? td_date_from_name(e.date_from) : "-");
    bool any = false;
    for (unsigned b = 1; b <= TD_MOD_REPORTED; b <<= 1)
      if (e.modality & b) {
        td_buf_printf(out, "%s%s", any ? "," : "", td_modality_name(b));
        any = true;
      }
    td_buf_add(out, any ? "\t" : "-\t", any ? 1 : 2);
    td_put_span(out, text, e.span);
    td_buf_add(out, "\n", 1);
  }
  td_buf_add(out, "\n", 1);
}

/* The document's quantities, one per line: id, byte span, value, unit,
 * qualifier, text. */
static void td_write_quantities(const td_doc *doc, td_buf *out) {
  size_t len;
  const char *text = td_doc_text(doc, &len);
  td_buf_add(out, "# ", 2);
  td_write_row(doc, out);
  td_quantity_info q;
  for (size_t i = 0; td_doc_quantity(doc, i, &q); i++) {
    td_buf_printf(out, "q%zu\t%u-%u\t%.15g\t%s\t%s\t", i + 1, q.span.start,
                  q.span.end, q.value, q.unit ? q.unit : "-",
                  q.approx ? q.approx : "-");
    td_put_span(out, text, q.span);
    td_buf_add(out, "\n", 1);
  }
  td_buf_add(out, "\n", 1);
}

/* The document's actors, one per line. */
static void td_write_entities(const td_doc *doc, td_buf *out) {
  size_t len;
  const char *text = td_doc_text(doc, &len);
  td_buf_add(out, "# ", 2);
  td_write_row(doc, out);
  td_entity_info e;
  for (size_t i = 0; td_doc_entity(doc, i, &e); i++) {
    char ref[24] = "-";
    if (e.ref >= 0)
      snprintf(ref, sizeof(ref), "e%ld", e.ref + 1);
    td_buf_printf(out, "e%zu\t%u-%u\t%s\t%s\t%s\t", i + 1, e.span.start,
                  e.span.end, e.kind, e.code ? e.code : "-", ref);
    td_put_span(out, text, e.span);
    td_buf_printf(out, "\t%s\t%s%s%s\n", e.name ? e.name : "-",
                  e.title ? e.title : "", e.title && e.role ? "; " : "",
                  e.role ? e.role : (e.title ? "" : "-"));
  }
  td_buf_add(out, "\n", 1);
}

/* The document's places, one per line. */
static void td_write_places(const td_doc *doc, td_buf *out) {
  size_t len;
  const char *text = td_doc_text(doc, &len);
  td_buf_add(out, "# ", 2);
  td_write_row(doc, out);
  td_place_info p;
  for (size_t i = 0; td_doc_place(doc, i, &p); i++) {
    char ll[64] = "-\t-";
    if (p.lat == p.lat)
      snprintf(ll, sizeof(ll), "%.4f\t%.4f", p.lat, p.lon);
    td_buf_printf(out, "%u-%u\t%s\t%s\t%s\t%s%s\t", p.span.start,
                  p.span.end, p.country ? p.country : "-", p.feature, ll,
                  p.why,
                  p.dateline && strcmp(p.why, "dateline") ? ",dateline" : "");
    td_put_span(out, text, p.span);
    td_buf_printf(out, "\t%s%s%s\n", p.name ? p.name : "-",
                  p.admin1 ? ", " : "", p.admin1 ? p.admin1 : "");
  }
  td_buf_add(out, "\n", 1);
}

static void td_read_one(td_doc *doc, td_buf *out, td_buf *msg, void *ud) {
  (void)msg;
  const td_read_cfg *cfg = ud;
  if (cfg->annotate)
    td_doc_annotate(doc, cfg->ctx);
  else
    td_doc_analyze(doc, cfg->ctx);
  if (cfg->mode == TD_OUT_TABLE)
    td_write_row(doc, out);
  else if (cfg->mode == TD_OUT_SENTENCES)
    td_write_sentences(doc, out);
  else if (cfg->mode == TD_OUT_TIMEXES)
    td_write_timexes(doc, out);
  else if (cfg->mode == TD_OUT_ENTITIES)
    td_write_entities(doc, out);
  else if (cfg->mode == TD_OUT_PLACES)
    td_write_places(doc, out);
  else if (cfg->mode == TD_OUT_QUANTITIES)
    td_write_quantities(doc, out);
  else if (cfg->mode == TD_OUT_EVENTS)
    td_write_events(doc, out);
  else
    td_doc_write_json(doc, out, cfg->flags);
}

static void td_read_usage(FILE *f, bool annotate) {
  fprintf(f, "usage: tidings %s [options] [FILE|DIR|-]...\n"
             "%s\n"
             "  --pretty          indent the JSON for people\n"
             "  --tokens          include the tokens\n"
             "  --no-text         leave the text out\n"
             "  --table           one line per document instead of JSON\n"
             "  --sentences       each document's sentences, one per line\n"
             "%s"
             "%s"
             "%s",
          annotate ? "annotate" : "read",
          annotate ? "Reads news stories and prints each as one JSON object "
                     "with its layers\n(temporal expressions, quantities, "
                     "places, actors, quotes, events)."
                   : "Reads news stories and prints one JSON object per "
                     "document.",
          annotate ? "  --timexes         each document's time expressions, one "
                     "per line:\n"
                     "                    span, type, value [mod], anchor, text\n"
                     "  --quantities      each document's quantities, one per "
                     "line:\n"
                     "                    id, span, value, unit, approx, text\n"
                     "  --entities        each document's actors, one per line:\n"
                     "                    id, span, kind, code, ref, text, name, "
                     "role\n"
                     "  --places          each document's places, one per line:\n"
                     "                    span, country, feature, lat, lon, why, "
                     "text, name\n"
                   : "",
          td_cli_input_help, annotate ? td_cli_dict_help : "");
}

int td_cli_docs(int argc, char **argv, bool annotate) {
  static const struct option opts[] = {
      {"pretty", no_argument, 0, 'p'},
      {"tokens", no_argument, 0, 't'},
      {"no-text", no_argument, 0, 'n'},
      {"table", no_argument, 0, 'T'},
      {"sentences", no_argument, 0, 'S'},
      {"timexes", no_argument, 0, 'X'},
      {"format", required_argument, 0, 0},
      TD_CLI_INPUT_OPTIONS,
      TD_CLI_DICT_OPTIONS,
      {"events", no_argument, 0, 'V'},
      {"entities", no_argument, 0, 'E'},
      {"places", no_argument, 0, 'P'},
      {"quantities", no_argument, 0, 'Q'},
      {"help", no_argument, 0, 'h'},
      {0, 0, 0, 0}};
  td_cli_inputs in = {0};
  td_read_cfg cfg = {NULL, 0, TD_OUT_JSON, annotate};
  int c, idx;
  optind = 1;
  while ((c = getopt_long(argc, argv, "j:h", opts, &idx)) != -1) {
    switch (c) {
    case 'p': cfg.flags |= TD_JSON_PRETTY; break;
    case 't': cfg.flags |= TD_JSON_TOKENS; break;
    case 'n': cfg.flags |= TD_JSON_NO_TEXT; break;
    case 'T': cfg.mode = TD_OUT_TABLE; break;
    case 'S': cfg.mode = TD_OUT_SENTENCES; break;
    case 'X':
      if (!annotate) {
        fprintf(stderr, "tidings: --timexes is an option of tidings "
                        "annotate\n");
        return TD_EXIT_USAGE;
      }
      cfg.mode = TD_OUT_TIMEXES;
      break;
    case 'j':
      if (td_cli_input_opt(&in, "jobs", optarg) < 0)
        return TD_EXIT_USAGE;
      break;
    case 'h': td_read_usage(stdout, annotate); return TD_EXIT_OK;
    case 'E':
    case 'P':
    case 'Q':
    case 'V':
      if (!annotate) {
        fprintf(stderr, "tidings: --%s is an option of tidings annotate\n",
                c == 'E'   ? "entities"
                : c == 'P' ? "places"
                : c == 'Q' ? "quantities"
                           : "events");
        return TD_EXIT_USAGE;
      }
      cfg.mode = c == 'E'   ? TD_OUT_ENTITIES
                 : c == 'P' ? TD_OUT_PLACES
                 : c == 'Q' ? TD_OUT_QUANTITIES
                            : TD_OUT_EVENTS;
      break;
    case 0: {
      int r = td_cli_input_opt(&in, opts[idx].name, optarg);
      if (r == 0 && annotate)
        r = td_cli_dict_opt(&in, opts[idx].name, optarg);
      if (r == 0) {
        fprintf(stderr, "tidings: --%s is an option of tidings annotate\n",
                opts[idx].name);
        return TD_EXIT_USAGE;
      }
      if (r < 0)
        return TD_EXIT_USAGE;
      break;
    }
    default: td_read_usage(stderr, annotate); return TD_EXIT_USAGE;
    }
  }
  in.paths = argv + optind;
  in.npaths = argc - optind;
  in.text_only = !annotate;
  return td_cli_run(&in, annotate ? "annotated" : "read", td_read_one, &cfg,
                    &cfg.ctx);
}
