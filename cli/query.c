/*
 * query.c — `tidings query --db PATH`: the stored events that match every
 * filter given (td_store_find), as an aligned table, JSON Lines, CSV, PLOVER
 * records or GDELT rows.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef enum td_qfmt { TD_Q_TABLE, TD_Q_JSONL, TD_Q_CSV, TD_Q_PLOVER, TD_Q_GDELT } td_qfmt;

/* The columns of the table, JSON Lines and CSV. */
typedef struct td_qcol {
  const char *name;
  bool number; /* JSON: written unquoted */
  bool table;  /* a column of the table */
} td_qcol;

static const td_qcol td_qcols[] = {
    {"event_id", false, true},    {"doc_id", false, false},
    {"agency", false, true},      {"day", false, true},
    {"date", false, false},       {"granularity", false, false},
    {"date_from", false, false},  {"code", false, true},
    {"root", false, false},       {"quad", true, false},
    {"goldstein", true, false},   {"plover", false, true},
    {"mode", false, false},       {"sources", false, true},
    {"targets", false, true},     {"place", false, true},
    {"country", false, false},    {"modality", false, false},
    {"span_start", true, false},  {"span_end", true, false},
    {"text", false, true},        {"path", false, false},
    {"title", false, false}};
#define TD_NQCOLS (sizeof(td_qcols) / sizeof(td_qcols[0]))

typedef struct td_qout {
  td_qfmt fmt;
  td_buf out;      /* what is written to standard output     */
  td_buf cells;    /* table: every cell, NUL-terminated       */
  td_buf offsets;  /* table: size_t offsets of the cells      */
  size_t rows;
} td_qout;

/* The values of event e in td_qcols order (numbers printed into num). */
static void td_qvalues(const td_store_event *e, const char *v[TD_NQCOLS],
                       char num[4][32]) {
  snprintf(num[0], 32, "%d", e->quad);
  snprintf(num[1], 32, "%.1f", e->goldstein);
  snprintf(num[2], 32, "%ld", e->span_start);
  snprintf(num[3], 32, "%ld", e->span_end);
  const char *vals[TD_NQCOLS] = {
      e->event_id, e->doc_id,  e->agency,   e->day,       e->date,
      e->granularity, e->date_from, e->code, e->root,     num[0],
      num[1],      e->plover,  e->mode,     e->sources,   e->targets,
      e->place,    e->country, e->modality, num[2],       num[3],
      e->text,     e->path,    e->title};
  memcpy(v, vals, sizeof(vals));
}

static void td_json_str(td_buf *b, const char *s) {
  if (!s) {
    td_buf_adds(b, "null");
    return;
  }
  td_buf_add(b, "\"", 1);
  for (; *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '"' || ch == '\\') {
      td_buf_add(b, "\\", 1);
      td_buf_add(b, s, 1);
    } else if (ch == '\n') {
      td_buf_adds(b, "\\n");
    } else if (ch == '\t') {
      td_buf_adds(b, "\\t");
    } else if (ch == '\r') {
      td_buf_adds(b, "\\r");
    } else if (ch < 0x20) {
      td_buf_printf(b, "\\u%04x", ch);
    } else {
      td_buf_add(b, s, 1);
    }
  }
  td_buf_add(b, "\"", 1);
}

/* RFC 4180: a field with a comma, a quote or a line break is quoted, its
 * quotes doubled. */
static void td_csv_field(td_buf *b, const char *s) {
  if (!s)
    return;
  if (!strpbrk(s, ",\"\r\n")) {
    td_buf_adds(b, s);
    return;
  }
  td_buf_add(b, "\"", 1);
  for (; *s; s++) {
    if (*s == '"')
      td_buf_add(b, "\"", 1);
    td_buf_add(b, s, 1);
  }
  td_buf_add(b, "\"", 1);
}

/* Table cells are one line: line breaks and tabs become spaces. */
static void td_cell(td_qout *q, const char *s) {
  size_t off = q->cells.len;
  td_buf_add(&q->offsets, &off, sizeof(off));
  for (; s && *s; s++)
    td_buf_add(&q->cells, *s == '\n' || *s == '\t' || *s == '\r' ? " " : s, 1);
  td_buf_add(&q->cells, "", 1);
}

static int td_query_row(void *ud, const td_store_event *e) {
  td_qout *q = ud;
  const char *v[TD_NQCOLS];
  char num[4][32];
  td_qvalues(e, v, num);
  switch (q->fmt) {
  case TD_Q_PLOVER:
    if (e->plover_json && *e->plover_json)
      td_buf_adds(&q->out, e->plover_json);
    break;
  case TD_Q_GDELT:
    if (e->gdelt)
      td_buf_adds(&q->out, e->gdelt);
    break;
  case TD_Q_JSONL:
    td_buf_add(&q->out, "{", 1);
    for (size_t i = 0; i < TD_NQCOLS; i++) {
      td_buf_printf(&q->out, "%s\"%s\":", i ? "," : "", td_qcols[i].name);
      if (td_qcols[i].number)
        td_buf_adds(&q->out, v[i]);
      else
        td_json_str(&q->out, v[i]);
    }
    td_buf_adds(&q->out, "}\n");
    break;
  case TD_Q_CSV:
    for (size_t i = 0; i < TD_NQCOLS; i++) {
      if (i)
        td_buf_add(&q->out, ",", 1);
      td_csv_field(&q->out, v[i]);
    }
    td_buf_adds(&q->out, "\r\n");
    break;
  case TD_Q_TABLE:
    for (size_t i = 0; i < TD_NQCOLS; i++)
      if (td_qcols[i].table)
        td_cell(q, v[i]);
    break;
  }
  q->rows++;
  return 0;
}

/* Display width: UTF-8 code points. */
static size_t td_width(const char *s) {
  size_t w = 0;
  for (; *s; s++)
    w += ((unsigned char)*s & 0xC0) != 0x80;
  return w;
}

static void td_table(td_qout *q) {
  size_t ncols = 0, w[TD_NQCOLS];
  const char *head[TD_NQCOLS];
  for (size_t i = 0; i < TD_NQCOLS; i++)
    if (td_qcols[i].table) {
      head[ncols] = td_qcols[i].name;
      w[ncols] = strlen(head[ncols]);
      ncols++;
    }
  const size_t *off = (const size_t *)(void *)q->offsets.ptr;
  for (size_t r = 0; r < q->rows; r++)
    for (size_t k = 0; k < ncols; k++) {
      size_t cw = td_width(q->cells.ptr + off[r * ncols + k]);
      if (cw > w[k])
        w[k] = cw;
    }
  for (size_t r = 0; r <= q->rows; r++) {
    for (size_t k = 0; k < ncols; k++) {
      const char *s = r ? q->cells.ptr + off[(r - 1) * ncols + k] : head[k];
      if (k + 1 == ncols) {
        td_buf_adds(&q->out, s);
        break;
      }
      td_buf_printf(&q->out, "%s%*s", s, (int)(w[k] - td_width(s) + 2), "");
    }
    td_buf_add(&q->out, "\n", 1);
  }
}

static void td_query_usage(FILE *f) {
  fprintf(f,
          "usage: tidings query --db PATH [filters] [--format F]\n"
          "Prints the stored events that match every filter given.\n"
          "  --db PATH          the database (tidings ingest)\n"
          "  --actor CODE       a source or target actor code begins with "
          "CODE (SRB)\n"
          "  --code PREFIX      the CAMEO event code begins with PREFIX (12, "
          "0874)\n"
          "  --plover TYPE      the PLOVER type (PROTEST, AGREE ...)\n"
          "  --from YYYY-MM-DD  the event's (first) day is on or after\n"
          "  --to YYYY-MM-DD    the event's (first) day is on or before\n"
          "  --place NAME       the event's place or its country (name or "
          "ISO alpha-3)\n"
          "  --source AGENCY    the document's source\n"
          "  --search QUERY     the document matches an SQLite FTS5 query "
          "over its\n"
          "                     title and text\n"
          "  --format F         table (default), jsonl, csv, plover or "
          "gdelt\n");
}

int td_cmd_query(int argc, char **argv) {
  static const struct option opts[] = {
      {"db", required_argument, 0, 'D'},
      {"actor", required_argument, 0, 'a'},
      {"code", required_argument, 0, 'c'},
      {"plover", required_argument, 0, 'p'},
      {"from", required_argument, 0, 'F'},
      {"to", required_argument, 0, 'T'},
      {"place", required_argument, 0, 'P'},
      {"source", required_argument, 0, 's'},
      {"search", required_argument, 0, 'S'},
      {"format", required_argument, 0, 'f'},
      {"help", no_argument, 0, 'h'},
      {0, 0, 0, 0}};
  td_store_query sq;
  memset(&sq, 0, sizeof(sq));
  const char *db = NULL;
  td_qout q;
  memset(&q, 0, sizeof(q));
  int c, idx;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", opts, &idx)) != -1) {
    switch (c) {
    case 'D': db = optarg; break;
    case 'a': sq.actor = optarg; break;
    case 'c': sq.code = optarg; break;
    case 'p': sq.plover = optarg; break;
    case 'F': sq.from = optarg; break;
    case 'T': sq.to = optarg; break;
    case 'P': sq.place = optarg; break;
    case 's': sq.source = optarg; break;
    case 'S': sq.search = optarg; break;
    case 'f':
      if (!strcmp(optarg, "table")) q.fmt = TD_Q_TABLE;
      else if (!strcmp(optarg, "jsonl")) q.fmt = TD_Q_JSONL;
      else if (!strcmp(optarg, "csv")) q.fmt = TD_Q_CSV;
      else if (!strcmp(optarg, "plover")) q.fmt = TD_Q_PLOVER;
      else if (!strcmp(optarg, "gdelt")) q.fmt = TD_Q_GDELT;
      else {
        fprintf(stderr, "tidings: --format %s: expected table, jsonl, csv, "
                        "plover or gdelt\n", optarg);
        return TD_EXIT_USAGE;
      }
      break;
    case 'h': td_query_usage(stdout); return TD_EXIT_OK;
    default: td_query_usage(stderr); return TD_EXIT_USAGE;
    }
  }
  if (!db) {
    fprintf(stderr, "tidings: query needs --db PATH\n");
    return TD_EXIT_USAGE;
  }
  if (optind < argc) {
    fprintf(stderr, "tidings: query takes no inputs ('%s')\n", argv[optind]);
    return TD_EXIT_USAGE;
  }
  const char *dates[2] = {sq.from, sq.to};
  for (int i = 0; i < 2; i++) {
    td_date d;
    if (dates[i] && (strlen(dates[i]) != 10 ||
                     td_date_from_string(dates[i], &d) != 1)) {
      fprintf(stderr, "tidings: --%s %s: expected a date YYYY-MM-DD\n",
              i ? "to" : "from", dates[i]);
      return TD_EXIT_USAGE;
    }
  }
  if (access(db, F_OK) != 0) {
    fprintf(stderr, "tidings: %s: no such database\n", db);
    return TD_EXIT_REFUSED;
  }
  td_diag err;
  td_store *store = td_store_open(db, &err);
  if (!store) {
    td_diag_print(&err, stderr);
    return TD_EXIT_REFUSED;
  }
  if (q.fmt == TD_Q_CSV) {
    for (size_t i = 0; i < TD_NQCOLS; i++)
      td_buf_printf(&q.out, "%s%s", i ? "," : "", td_qcols[i].name);
    td_buf_adds(&q.out, "\r\n");
  }
  int rc = td_store_find(store, &sq, td_query_row, &q, &err);
  td_store_close(store);
  int exit_code = TD_EXIT_OK;
  if (rc != 0) {
    td_diag_print(&err, stderr);
    exit_code = rc == TD_STORE_BAD_QUERY ? TD_EXIT_USAGE : TD_EXIT_REFUSED;
  } else {
    if (q.fmt == TD_Q_TABLE)
      td_table(&q);
    if (fwrite(q.out.ptr ? q.out.ptr : "", 1, q.out.len, stdout) !=
            q.out.len ||
        fflush(stdout) != 0) {
      fprintf(stderr, "tidings: cannot write the output\n");
      exit_code = TD_EXIT_REFUSED;
    }
  }
  td_buf_free(&q.out);
  td_buf_free(&q.cells);
  td_buf_free(&q.offsets);
  return exit_code;
}
