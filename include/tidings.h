/*
 * tidings.h — the public API of libtidings.
 *
 * tidings turns news wire stories into event data. The library is organised
 * as a one-way pipeline:
 *
 *   reader (td_reader)  ->  document (td_doc)  ->  text model (td_doc_analyze)
 *   -> later stages add their own layers  ->  document JSON (td_doc_write_json)
 *
 * Every handle is opaque. Every span is a pair of byte offsets into the
 * document's original UTF-8 text (td_doc_text): start inclusive, end
 * exclusive. Dictionaries and rules are loaded once into a td_ctx, which is
 * read-only afterwards and may be shared by any number of threads; a td_doc
 * belongs to one thread at a time.
 */
#ifndef TIDINGS_H
#define TIDINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TIDINGS_VERSION "0.1.0"

/* ---- Basic types -------------------------------------------------------- */

typedef struct td_ctx td_ctx;       /* loaded data: rules and dictionaries */
typedef struct td_doc td_doc;       /* one document and its layers          */
typedef struct td_reader td_reader; /* documents from files, dirs, memory   */

/* A growable byte buffer; the library appends output to it. */
typedef struct td_buf {
  char *ptr;
  size_t len, cap;
} td_buf;

void td_buf_free(td_buf *b);
void td_buf_add(td_buf *b, const void *p, size_t n);
void td_buf_adds(td_buf *b, const char *s);
void td_buf_printf(td_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

typedef struct td_span {
  uint32_t start, end;
} td_span;

/* A calendar date; 0 fields mean "not known" (a year alone has month 0). */
typedef struct td_date {
  int16_t year;
  int8_t month, day;
} td_date;

/* Parses "YYYY-MM-DD": 1 for a valid date, 0 if s is not in that shape,
 * -1 if it is but the date is impossible (2024-13-45). */
int td_date_from_string(const char *s, td_date *out);

/* A diagnostic: what went wrong, and where. `line` is 0 and `byte` -1 when
 * not known; `line` counts from 1 and `byte` from 0 at the start of the file
 * (or stream). */
typedef enum td_severity { TD_WARNING = 1, TD_ERROR = 2 } td_severity;

typedef struct td_diag {
  td_severity severity;
  char path[512];
  long line;
  long long byte;
  char msg[512];
} td_diag;

/* Writes "path:line: byte N: error: msg" (the parts that are known). */
void td_diag_print(const td_diag *d, FILE *out);

/* ---- Context ------------------------------------------------------------ */

/* Loads the rules and dictionaries. `data_dir` NULL uses the copies built
 * into the library; otherwise files found in data_dir replace the built-in
 * ones of the same name. Returns NULL and fills `err` on failure. */
td_ctx *td_ctx_new(const char *data_dir, td_diag *err);
void td_ctx_free(td_ctx *ctx);

/* Receives each problem a dictionary check or load finds (a line of a
 * user's dictionary that is skipped). */
typedef void (*td_diag_fn)(void *ud, const td_diag *d);

typedef struct td_ctx_opts {
  const char *data_dir;     /* as for td_ctx_new                         */
  bool text_only;           /* only what reading and the text model need:
                               no dictionaries (faster to load)          */
  const char *const *actor_files; /* TABARI/PETRARCH .actors files       */
  size_t nactor_files;
  const char *const *agent_files; /* PETRARCH .agents files              */
  size_t nagent_files;
  bool no_own_actors;       /* code actors with the user's files alone   */
  const char *const *verb_files;   /* TABARI/PETRARCH verb dictionaries  */
  size_t nverb_files;
  const char *const *discard_files; /* PETRARCH discard lists            */
  size_t ndiscard_files;
  bool no_own_events;       /* code events with the user's files alone   */
  td_diag_fn report;        /* problems in the user's files, or NULL     */
  void *report_ud;
} td_ctx_opts;

/* td_ctx_new with options. A user's dictionary that cannot be read is an
 * error (NULL, err); a bad line in it is reported and skipped. */
td_ctx *td_ctx_open(const td_ctx_opts *opts, td_diag *err);

/* Sizes of what was loaded, for `tidings dict` and the benchmarks. */
typedef struct td_ctx_stats {
  size_t phrases, forms, places, actors, agents, roles, xactors;
  size_t predicates, patterns;
  double load_seconds;
} td_ctx_stats;
void td_ctx_get_stats(const td_ctx *ctx, td_ctx_stats *out);

/* Checks a dictionary file and reports each problem to fn; kind is
 * "actors", "agents", "verbs" (TABARI/PETRARCH), or the name of one of our
 * data files ("actors.txt", "agents.txt", "roles.txt", "places.txt",
 * "countries.txt", "names.txt", "events.txt"). Returns the number of problems, or -1
 * (err) if the file cannot be read or the kind is unknown. */
long td_dict_check(const td_ctx *ctx, const char *path, const char *kind,
                   td_diag_fn fn, void *ud, td_diag *err);

/* ---- Reading ------------------------------------------------------------ */

typedef enum td_format {
  TD_FORMAT_AUTO = 0, /* detected from the first bytes of each input */
  TD_FORMAT_WIRE,     /* " date YYYY-MM-DD headline" + paragraphs      */
  TD_FORMAT_JSONL,    /* one JSON object per line                      */
  TD_FORMAT_TEXT,     /* plain text, one document per input           */
  TD_FORMAT_TIMEML    /* TimeML 1.2 (<DCT>, <TEXT>)                    */
} td_format;

const char *td_format_name(td_format f);
/* Parses "wire", "jsonl", "text", "timeml" or "auto"; -1 if unknown. */
int td_format_parse(const char *name);

typedef struct td_read_opts {
  td_format format;     /* TD_FORMAT_AUTO to detect                   */
  const char *date;     /* story date for inputs that carry none      */
  const char *source;   /* source (agency) for inputs that carry none */
  size_t max_doc_bytes; /* 0 = default (64 MiB); larger docs refused  */
} td_read_opts;

td_reader *td_reader_new(const td_ctx *ctx, const td_read_opts *opts);
/* Queues a file, a directory (read recursively, in name order, hidden files
 * skipped) or "-" for standard input. Problems opening it are reported by
 * td_reader_next, in order. */
void td_reader_add_path(td_reader *r, const char *path);
/* Queues a buffer that stays alive until the reader is freed. */
void td_reader_add_mem(td_reader *r, const char *name, const void *data,
                       size_t len);

enum {
  TD_END = 0,    /* no more documents                                  */
  TD_DOC = 1,    /* *doc is a new document; the caller frees it        */
  TD_REFUSED = 2 /* an input or document was refused; *diag says why   */
};
/* Returns the next document. Reading goes on after TD_REFUSED: the other
 * documents of the input are still returned. */
int td_reader_next(td_reader *r, td_doc **doc, td_diag *diag);
void td_reader_free(td_reader *r);

/* ---- Documents ---------------------------------------------------------- */

void td_doc_free(td_doc *doc);

const char *td_doc_text(const td_doc *doc, size_t *len);
const char *td_doc_id(const td_doc *doc);
const char *td_doc_path(const td_doc *doc);    /* NULL for memory inputs */
const char *td_doc_source(const td_doc *doc);  /* agency; NULL if unknown */
const char *td_doc_title(const td_doc *doc);   /* NULL if none */
td_date td_doc_date(const td_doc *doc);        /* story date */
td_format td_doc_format(const td_doc *doc);
/* Where the source came from: "input", "dateline", "text", "boilerplate",
 * "option", or NULL. */
const char *td_doc_source_from(const td_doc *doc);
size_t td_doc_nwarnings(const td_doc *doc);
const td_diag *td_doc_warning(const td_doc *doc, size_t i);

/* Builds the text model: script, headline, dateline, boilerplate,
 * paragraphs, tokens and sentences. Idempotent. */
void td_doc_analyze(td_doc *doc, const td_ctx *ctx);

/* The dateline ("BAKU, May 15. /TASS/."), after td_doc_analyze. */
typedef struct td_dateline {
  int found;
  td_span span;             /* the whole dateline, terminator included */
  td_span place;            /* "BAKU"                                   */
  td_span region;           /* "Azerbaijan", "N.J.", or empty           */
  td_span date_span;        /* "May 15", or empty                       */
  td_date date;             /* resolved against the story date          */
  td_span agency_span;      /* "TASS", or empty                         */
  const char *agency;       /* canonical agency name, or NULL           */
  const char *country;      /* the region when it is a country          */
  const char *country_code; /* its ISO 3166-1 alpha-3 code              */
} td_dateline;

/* NULL when the document has no dateline. */
const td_dateline *td_doc_dateline(const td_doc *doc);

/* Builds the text model and runs every annotation stage: temporal
 * expressions (the `timexes` layer), quantities (`quantities`), places
 * (`places`), actors (`entities`), quotations (`quotes`) and events
 * (`events`). Idempotent.
 * The context must not be text_only. */
void td_doc_annotate(td_doc *doc, const td_ctx *ctx);

/* A temporal expression (the `timexes` layer, after td_doc_annotate). */
typedef struct td_time {
  td_span span;
  const char *type;  /* DATE, TIME, DURATION, SET                      */
  const char *value; /* TimeML value: 2024-05-15, P5Y, PRESENT_REF ... */
  const char *mod;   /* START, END, APPROX ... or NULL                 */
  const char *anchor; /* none, story, timex, unknown                   */
} td_time;

size_t td_doc_ntimes(const td_doc *doc);
/* Fills *out with expression i; false if there is none. */
bool td_doc_time(const td_doc *doc, size_t i, td_time *out);

/* A place the text names (the `places` layer). */
typedef struct td_place_info {
  td_span span;
  const char *name, *country; /* country: ISO 3166-1 alpha-3, or NULL */
  const char *admin1, *feature, *why;
  double lat, lon;            /* NaN when not known                   */
  bool dateline;
} td_place_info;

size_t td_doc_nplaces(const td_doc *doc);
bool td_doc_place(const td_doc *doc, size_t i, td_place_info *out);

/* An actor the text names (the `entities` layer). */
typedef struct td_entity_info {
  td_span span;
  const char *kind; /* country, organization, group, person, actor */
  const char *code; /* CAMEO actor code, or NULL                   */
  const char *name; /* a person's name, or NULL                    */
  const char *role, *title;
  long ref;         /* index of the entity it refers to, or -1     */
} td_entity_info;

size_t td_doc_nentities(const td_doc *doc);
bool td_doc_entity(const td_doc *doc, size_t i, td_entity_info *out);

/* A quotation or reported statement (the `quotes` layer): who said it
 * (the mention in the text, and the entity it resolves to), the cue that
 * marks it as said ("said", "according to", a colon) and what was said.
 * A quote split by ", he said," has one content in several parts. */
typedef struct td_quote_info {
  bool has_speaker, has_cue;
  td_span speaker;     /* "he", "Valiyev", "the official"             */
  long speaker_entity; /* the entities-layer index of that mention, -1 */
  long ref;            /* the person or organisation it resolves to:
                          an entities-layer index, or -1              */
  td_span cue;
  td_span content;     /* from the first part's start to the last's end */
  size_t nparts;       /* 1, or more for a split quote               */
  const td_span *parts;
  bool direct;         /* in quotation marks                          */
} td_quote_info;

size_t td_doc_nquotes(const td_doc *doc);
bool td_doc_quote(const td_doc *doc, size_t i, td_quote_info *out);

/* A quantity (the `quantities` layer): "1,960 servicemen", "about 1.5
 * million dollars", "dozens of protesters", "12%". */
typedef struct td_quantity_info {
  td_span span;       /* qualifier, number and unit                    */
  double value;       /* 1960, 1.5e6; a vague quantity's lower bound   */
  const char *unit;   /* the counted noun phrase ("servicemen"), an ISO
                         4217 code for money ("USD"), "percent", or NULL */
  td_span unit_span;  /* where the unit stands; empty if none         */
  const char *approx; /* NULL when exact; else "about", "more_than",
                         "less_than", "at_least", "up_to", "vague"     */
} td_quantity_info;

size_t td_doc_nquantities(const td_doc *doc);
bool td_doc_quantity(const td_doc *doc, size_t i, td_quantity_info *out);

/* An actor of an event: the mention in the text, its CAMEO code, and the
 * entity it is (an entities-layer index) or resolves to. */
typedef struct td_event_actor {
  td_span span;
  const char *code; /* CAMEO actor code, or NULL when not coded       */
  long entity;      /* the entities-layer index of the mention, or -1 */
  long ref;         /* the entity it resolves to, or -1               */
} td_event_actor;

/* Where an event's date came from. */
typedef enum td_date_from {
  TD_DATE_TIMEX = 1, /* a temporal expression that governs the event   */
  TD_DATE_CONTEXT,   /* the reference time the text is in              */
  TD_DATE_STORY      /* the story date                                 */
} td_date_from;
const char *td_date_from_name(td_date_from f);

/* Modality bits of an event. */
enum {
  TD_MOD_NEGATED = 1 << 0,     /* "did not attack", "refused to sign"   */
  TD_MOD_HYPOTHETICAL = 1 << 1, /* "could attack", "may withdraw"        */
  TD_MOD_CONDITIONAL = 1 << 2, /* "unless either side declares", "if"  */
  TD_MOD_PLANNED = 1 << 3,     /* "will withdraw", "scheduled to"      */
  TD_MOD_REPORTED = 1 << 4     /* inside a quote or indirect speech    */
};
/* The name of modality bit `bit` ("negated" ...), or NULL. */
const char *td_modality_name(unsigned bit);

/* An event (the `events` layer): who did what to whom, when and where. */
typedef struct td_event_info {
  td_span span;          /* the predicate and the words that coded it  */
  td_span trigger;       /* the predicate itself ("withdrew")          */
  uint32_t sentence;     /* index into td_doc_sentences                */
  const char *code;      /* CAMEO event code ("0874")                  */
  const char *root;      /* its root ("08")                            */
  int quad;              /* quad class 1..4                            */
  double goldstein;
  const char *plover;    /* PLOVER type, or NULL                       */
  const char *mode;      /* PLOVER mode, or NULL                       */
  size_t nsources, ntargets;
  const td_event_actor *sources, *targets;
  const char *date;      /* TimeML value ("2024-05-15", "2023-09")     */
  const char *granularity; /* day, month, year, ...                   */
  td_date_from date_from;
  long timex;            /* the timexes-layer index that dated it, -1  */
  long place;            /* the places-layer index, -1                 */
  bool place_dateline;   /* the place is the dateline's                */
  unsigned modality;     /* TD_MOD_* bits                              */
  long quote;            /* the quotes-layer index it was said in, -1  */
  const char *pattern;   /* the dictionary line that coded it
                            ("events.txt:120"), or NULL for a default  */
} td_event_info;

size_t td_doc_nevents(const td_doc *doc);
bool td_doc_event(const td_doc *doc, size_t i, td_event_info *out);

/* The events as data (docs/format.md, `tidings events`). */
typedef enum td_events_format {
  TD_EVENTS_PLOVER = 0, /* one PLOVER record per event, a line of JSON     */
  TD_EVENTS_GDELT       /* GDELT 2.0 event rows: 61 TAB-separated columns,
                           one per source-target pair                      */
} td_events_format;
enum {
  TD_EVENTS_ALL = 1 /* also events without an actor or a date, and (PLOVER)
                       those whose CAMEO code has no PLOVER type          */
};
/* Appends the document's events (after td_doc_annotate) to out; returns
 * the number of records or rows written. */
size_t td_doc_write_events(const td_doc *doc, td_buf *out,
                           td_events_format fmt, unsigned flags);
/* The same for event i (td_doc_event) alone: what td_doc_write_events
 * writes for it, perhaps nothing. */
size_t td_doc_write_event(const td_doc *doc, size_t i, td_buf *out,
                          td_events_format fmt, unsigned flags);

/* Token kinds and flags (td_token). */
typedef enum td_tok_kind {
  TD_TOK_WORD = 1, /* letters, digits, marks; hyphenated compounds      */
  TD_TOK_NUM,      /* begins with a digit: 44, 1,960, 1.5, 10:30, 5th  */
  TD_TOK_PUNCT,    /* . , ; : ! ? ( ) [ ] ...                           */
  TD_TOK_QUOTE,    /* " ' “ ” ‘ ’ « » „ ‹ › `` ''                        */
  TD_TOK_DASH,     /* – — -- and a free-standing -                      */
  TD_TOK_ELLIPSIS, /* ... …                                             */
  TD_TOK_URL,      /* http(s)://..., www...., e-mail addresses          */
  TD_TOK_SYM       /* $ % & + = and other symbols                        */
} td_tok_kind;

enum {
  TD_TF_CAP = 1 << 0,     /* first letter upper or title case            */
  TD_TF_UPPER = 1 << 1,   /* every letter upper case (two or more)       */
  TD_TF_ABBREV = 1 << 2,  /* ends in a period that belongs to the word   */
  TD_TF_INITIAL = 1 << 3, /* one capital letter and a period             */
  TD_TF_HYPHEN = 1 << 4,  /* contains an inner hyphen                    */
  TD_TF_CLITIC = 1 << 5,  /* 's ’s n't 're 've 'll 'd 'm split off a word */
  TD_TF_OPEN = 1 << 6,    /* opening quote or bracket                    */
  TD_TF_CLOSE = 1 << 7,   /* closing quote or bracket                    */
  TD_TF_ASCII = 1 << 8,   /* every byte is ASCII                         */
  TD_TF_NFC = 1 << 9,     /* the NFC form differs from the text          */
  TD_TF_STOP = 1 << 10    /* . ! ? … or a CJK full stop: may end a sentence */
};

typedef struct td_token {
  uint32_t start, end; /* span in the text                                */
  uint32_t norm;       /* offset of the NFC form in the norm pool, or 0   */
  uint16_t flags;      /* TD_TF_*                                         */
  uint8_t kind;        /* td_tok_kind                                     */
  uint8_t reserved;
} td_token;

size_t td_doc_ntokens(const td_doc *doc);
const td_token *td_doc_tokens(const td_doc *doc);
/* The NFC form of token i (equal to its text unless TD_TF_NFC is set). */
const char *td_doc_token_form(const td_doc *doc, size_t i, size_t *len);

typedef struct td_sentence {
  td_span span;
  uint32_t tok_first, tok_end; /* token range [first, end)        */
  uint32_t para;               /* index of the paragraph          */
} td_sentence;

size_t td_doc_nsentences(const td_doc *doc);
const td_sentence *td_doc_sentences(const td_doc *doc);
size_t td_doc_nparagraphs(const td_doc *doc);
const td_span *td_doc_paragraphs(const td_doc *doc);

/* ---- Output ------------------------------------------------------------- */

enum {
  TD_JSON_PRETTY = 1 << 0, /* indented, for people              */
  TD_JSON_TOKENS = 1 << 1, /* include the token list             */
  TD_JSON_NO_TEXT = 1 << 2 /* omit the text field                */
};
/* Appends the document as one JSON object (one line unless pretty). */
void td_doc_write_json(const td_doc *doc, td_buf *out, unsigned flags);

/* Appends the document as TimeML with our TIMEX3 tags in its TEXT (a
 * TimeML input keeps every other byte; other inputs get a small TimeML
 * document with the story date as DCT). Call after td_doc_annotate. */
void td_doc_write_timeml(const td_doc *doc, td_buf *out);

/* ---- Evaluation ---------------------------------------------------------- */

/* TempEval-3 task A counts for temporal expressions. */
typedef struct td_te3_counts {
  long gold, system, strict, relaxed, value, type;
} td_te3_counts;

/* td_eval_timeml flags */
enum {
  TD_EVAL_PER_FILE = 1, /* one line of counts per file                  */
  TD_EVAL_ERRORS = 2    /* one line per miss, extra, wrong value or type */
};

/* Scores the TIMEX3 tags of the .tml files of gold_dir against the files
 * of the same names in sys_dir or, when sys_dir is NULL, against tidings'
 * own tags of the gold texts (then also written to out_dir, if given).
 * Prints what the flags ask for, then the totals, to report. Returns 0, or
 * -1 if some file could not be read or written. */
int td_eval_timeml(const td_ctx *ctx, const char *gold_dir,
                   const char *sys_dir, const char *out_dir, unsigned flags,
                   FILE *report, td_te3_counts *total);
/* Prints strict and relaxed P/R/F1 and value and type accuracy and F1. */
void td_te3_report(FILE *f, const td_te3_counts *c);

/* Attribution counts for one kind of span (source, cue or content):
 * exact (same extent) and overlap matches, each gold and each system span
 * matched at most once. */
typedef struct td_attr_counts {
  long gold, system, exact, overlap;
} td_attr_counts;

typedef struct td_attr_scores {
  long docs, attributions, quotes;
  td_attr_counts source, cue, content;
} td_attr_scores;

/* Scores tidings' quotes against the PolNeAR-style brat attributions of
 * `dir` (a split: text/NAME.txt and attributions/NAME_ANNOTATOR.ann).
 * Prints what the flags ask for (TD_EVAL_PER_FILE, TD_EVAL_ERRORS) and the
 * totals to report. Returns 0, or -1 if some file could not be read. */
int td_eval_quotes(const td_ctx *ctx, const char *dir, unsigned flags,
                   FILE *report, td_attr_scores *total);
/* Prints exact and overlap P/R/F1 for source, cue and content. */
void td_attr_report(FILE *f, const td_attr_scores *s);

/* PETRARCH validation counts (td_eval_petrarch). Events are compared as
 * distinct (source code, target code, event code) triples per record. */
typedef struct td_petr_scores {
  long records;  /* records scored                                      */
  long exact;    /* records whose produced triples equal the expected   */
  long expected, produced, matched; /* triples over the scored records  */
  long skipped;  /* records not scored: they test PETRARCH's parse-tree
                    input (error="bad_input_parse"), which tidings has not */
  long refused;  /* malformed records, reported and left out            */
} td_petr_scores;

/* Runs PETRARCH's validation records (PETR.UnitTest.records.xml): loads a
 * context with the dictionaries its <Environment> names (paths relative to
 * the XML file) alone (no_own_actors, no_own_events; data_dir as for
 * td_ctx_new), annotates each record's text as a story of the record's
 * date and compares its events, expanded over sources x targets, with the
 * expected EventCodings (docs/cli.md, "tidings eval petrarch", says what
 * matches). Prints, to report, one line per record that is not exact
 * (TD_EVAL_ERRORS), one line per category (TD_EVAL_PER_FILE), then the
 * totals; problems in the XML and dictionary lines skipped go to standard
 * error. Returns 0, or -1 if the file or a dictionary cannot be read or a
 * record is malformed. */
int td_eval_petrarch(const char *records_xml, const char *data_dir,
                     unsigned flags, FILE *report, td_petr_scores *out);
/* Prints the totals line of td_eval_petrarch. */
void td_petr_report(FILE *f, const td_petr_scores *s);

/* Scores of `tidings eval compare` (td_eval_compare): gold disagreement
 * rows found per attribute (index: 1 count, 2 duration, 3 date, 4 place,
 * 5 name, 6 quote, 7 framing, 0 any other), found with another status,
 * and conflicts reported that no gold row stands for. */
typedef struct td_cmp_scores {
  long gold[8], found[8], wrong_status[8];
  long total_gold, total_found, false_conflicts;
} td_cmp_scores;

/* Reads the gold disagreements of `tsv` (examples/README.md describes the
 * columns), annotates and links the documents of paths, and scores the
 * comparison. With TD_EVAL_ERRORS prints each row not found and each
 * false conflict to report. Returns 0, or -1 if the gold file cannot be
 * read or is malformed. */
int td_eval_compare(const td_ctx *ctx, const char *tsv,
                    const char *const *paths, size_t npaths, unsigned flags,
                    FILE *report, td_cmp_scores *out);
void td_cmp_report(FILE *f, const td_cmp_scores *s);

/* ---- Running many documents -------------------------------------------- */

/* Work done on one document on a worker thread: append output for the
 * document to `out` and messages to `msg`. The document is freed after. */
typedef void (*td_doc_fn)(td_doc *doc, td_buf *out, td_buf *msg, void *ud);

typedef struct td_run_stats {
  uint64_t docs, refused, warnings, bytes, sentences, tokens;
} td_run_stats;

/* Reads every document of `r` and runs `fn` on `threads` worker threads
 * (0 = the number of cores). Output and messages, refusals included, are
 * written to `out` and `msg` in input order. Memory stays bounded: at most
 * a few documents per thread are in flight. Returns 0, or -1 if writing
 * `out` failed. */
int td_run(td_reader *r, int threads, td_doc_fn fn, void *ud, FILE *out,
           FILE *msg, td_run_stats *stats);

/* The number of online processors (at least 1). */
int td_ncpu(void);

/* ---- Across documents: stories, merged events, facts, timeline --------- */

/* A collection of documents linked across sources (docs/format.md,
 * "Across sources"): stories (documents that report the same happening),
 * canonical events (one record per real-world event, with every mention
 * and source behind it), the facts each source gives compared (agree,
 * compatible, conflict, single), framing and the timeline. */
typedef struct td_collection td_collection;

typedef struct td_link_opts {
  double threshold; /* similarity for a document to join a story; 0 = the
                       default (0.08)                                    */
  long window_days; /* documents further apart never share a story;
                       0 = the default (14)                              */
  const char *data_dir; /* data files (link.txt) as for td_ctx_new      */
} td_link_opts;

/* NULL (err filled) if data/link.txt cannot be loaded. ctx is the context
 * documents are annotated with; it must outlive the collection. */
td_collection *td_collection_new(const td_ctx *ctx, const td_link_opts *opts,
                                 td_diag *err);
void td_collection_free(td_collection *c);
/* Adds an annotated document (td_doc_annotate): the collection copies what
 * linking needs; the caller still owns and frees doc. */
void td_collection_add(td_collection *c, const td_doc *doc);
/* Annotates every document of r on `threads` worker threads (0 = one per
 * core) and adds them in input order; refusals and warnings go to msg as
 * td_run writes them. Returns 0, or -1 if writing msg failed. */
int td_collection_read(td_collection *c, td_reader *r, int threads,
                       FILE *msg, td_run_stats *stats);
/* Groups the documents into stories, merges events and compares facts.
 * Documents added later are linked by calling it again. */
void td_collection_link(td_collection *c);

size_t td_collection_ndocs(const td_collection *c);
size_t td_collection_nstories(const td_collection *c);
/* The story of document i (input order), after td_collection_link. */
size_t td_collection_story_of(const td_collection *c, size_t i);
/* Seconds the last td_collection_link spent grouping, merging and
 * comparing (out[0..2]). */
void td_collection_seconds(const td_collection *c, double out[3]);

typedef enum td_link_view {
  TD_VIEW_STORIES = 0, /* the stories and their documents             */
  TD_VIEW_COMPARE,     /* stories, events with sources, conflicts first,
                          single-source facts, framing, derived checks */
  TD_VIEW_TIMELINE     /* dated events in time order                  */
} td_link_view;

typedef enum td_link_format {
  TD_LINK_TEXT = 0, /* for a person at a terminal                   */
  TD_LINK_JSON,     /* the same as data (docs/format.md)            */
  TD_LINK_SVG       /* the timeline as a picture (TD_VIEW_TIMELINE)  */
} td_link_format;

/* Appends a view of the linked collection to out. */
void td_collection_write(const td_collection *c, td_buf *out,
                         td_link_view view, td_link_format fmt);

/* ---- Keeping a collection: the store (SQLite) --------------------------- */

/* A database of documents, their annotations, events and stories
 * (docs/format.md, "Store"): one SQLite file, written by one process at a
 * time, read by any number. */
typedef struct td_store td_store;

/* Opens or creates the database at path. NULL (err filled) if it cannot be
 * opened or is not a tidings store of this schema version. */
td_store *td_store_open(const char *path, td_diag *err);
void td_store_close(td_store *s);

typedef struct td_ingest_stats {
  uint64_t docs;       /* documents read and annotated                 */
  uint64_t stored;     /* new documents stored                         */
  uint64_t duplicates; /* documents whose text was already stored       */
  uint64_t refused;    /* inputs or documents refused (reported)        */
  uint64_t bytes;      /* text bytes of the documents read              */
  uint64_t events;     /* event rows stored                             */
  uint64_t batches;    /* transactions committed                        */
} td_ingest_stats;

/* Called after each batch is committed (st: the counts so far). */
typedef void (*td_ingest_progress_fn)(void *ud, const td_ingest_stats *st);

typedef struct td_ingest_opts {
  int threads;                    /* worker threads; 0 = one per core   */
  td_ingest_progress_fn progress; /* or NULL                            */
  void *progress_ud;
} td_ingest_opts;

/* Annotates every document of r on worker threads and stores each new one
 * with its annotations and events, in batches (at most 64 documents or
 * 1 MiB of text) committed whole: a batch is stored entirely or, if the
 * process dies, not at all. A document whose text (XXH3-64 hash) is stored
 * already is counted as a duplicate and skipped. Refusals go to msg as
 * td_run writes them. Returns 0, or -1 (err filled) if the database could
 * not be written; batches committed before stay. */
int td_store_ingest(td_store *s, const td_ctx *ctx, td_reader *r,
                    const td_ingest_opts *opts, FILE *msg,
                    td_ingest_stats *st, td_diag *err);

/* Links every stored document again (reads each text back, annotates it on
 * `threads` threads, td_collection_link) and rewrites the stories,
 * story_docs and link_json tables in one transaction. O(all documents).
 * Returns 0, or -1 (err filled). *nstories (or NULL) gets the stories. */
int td_store_relink(td_store *s, const td_ctx *ctx, const td_link_opts *lo,
                    int threads, size_t *nstories, td_diag *err);

/* Counts of what is stored. */
typedef struct td_store_counts {
  uint64_t documents, events, stories;
} td_store_counts;
int td_store_counts_get(td_store *s, td_store_counts *out, td_diag *err);

/* Event filters; NULL fields do not filter. Every given filter must hold. */
typedef struct td_store_query {
  const char *actor;  /* prefix of a source or target actor code ("SRB")  */
  const char *code;   /* prefix of the CAMEO event code ("12", "0874")    */
  const char *plover; /* PLOVER type (case-insensitive)                   */
  const char *from, *to; /* YYYY-MM-DD: the event's first day in [from, to] */
  const char *place;  /* place name or ISO 3166-1 alpha-3 country        */
  const char *source; /* the document's source (agency), case-insensitive */
  const char *search; /* an FTS5 query over the documents' title and text */
} td_store_query;

/* One event of td_store_find. Strings are NULL when not known. */
typedef struct td_store_event {
  const char *event_id; /* "DOCID-vN", as in PLOVER records             */
  const char *doc_id, *path, *agency, *title;
  const char *code, *root;
  int quad;
  double goldstein;
  const char *plover, *mode;
  const char *sources, *targets; /* actor codes separated by spaces       */
  const char *date, *granularity, *date_from, *day;
  const char *place, *country;
  const char *modality;          /* names separated by spaces, or ""     */
  long span_start, span_end;
  const char *text;              /* the words that coded the event       */
  const char *plover_json;       /* its PLOVER record (tidings events), or
                                    "" when it would not be written      */
  const char *gdelt;             /* its GDELT rows, each ending in '\n', or "" */
} td_store_event;

/* Returns nonzero to stop. The strings live until the callback returns. */
typedef int (*td_store_event_fn)(void *ud, const td_store_event *e);

enum { TD_STORE_BAD_QUERY = -2 };
/* Calls fn on every stored event matching q, in storing order. Returns 0;
 * TD_STORE_BAD_QUERY (err filled) if a filter value is malformed (a date,
 * an FTS5 query); -1 (err filled) if the database cannot be read. */
int td_store_find(td_store *s, const td_store_query *q, td_store_event_fn fn,
                  void *ud, td_diag *err);

/* Scores of `tidings eval ecb` (td_eval_ecb), micro-averaged over topics:
 * documents grouped into stories against each topic's two seminal events
 * (B-cubed, adjusted Rand index), and the gold action mentions clustered
 * across documents (B-cubed, MUC, CEAF-e F1, CoNLL F1; and the same-lemma
 * baseline's CoNLL F1). */
typedef struct td_ecb_scores {
  long topics, docs, actions;
  double doc_b3_p, doc_b3_r, doc_b3_f, doc_ari;
  double ev_b3_f, ev_muc_f, ev_ceafe_f, ev_conll, base_conll;
} td_ecb_scores;

/* Runs ECB+ (`dir` holds one directory per topic of T_Necb.xml and
 * T_Necbplus.xml files): prints a line per topic (TD_EVAL_PER_FILE) and the
 * totals to report; lo (or NULL) as for td_collection_new. Returns 0, or
 * -1 if a file could not be read (the others are still scored). */
int td_eval_ecb(const td_ctx *ctx, const char *dir, const td_link_opts *lo,
                unsigned flags, FILE *report, td_ecb_scores *out);

#ifdef __cplusplus
}
#endif
#endif
