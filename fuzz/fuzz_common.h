/*
 * fuzz_common.h — what every reader's fuzz target does with its input:
 * read every document in the given format, annotate it (text model and
 * every annotation stage), write its JSON and TimeML, and check the
 * invariants (spans inside the text and in order, the JSON
 * valid, quantities outside temporal expressions). A broken invariant aborts, so the fuzzer reports it.
 */
#ifndef TD_FUZZ_COMMON_H
#define TD_FUZZ_COMMON_H

#include "tidings.h"

#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_ASSERT(c)                                                         \
  do {                                                                         \
    if (!(c)) {                                                                \
      fprintf(stderr, "invariant failed: %s (%s:%d)\n", #c, __FILE__,          \
              __LINE__);                                                       \
      abort();                                                                 \
    }                                                                          \
  } while (0)

static inline td_ctx *fuzz_ctx(void) {
  static td_ctx *ctx;
  if (!ctx) {
    td_diag err;
    ctx = td_ctx_new(NULL, &err);
    if (!ctx) {
      td_diag_print(&err, stderr);
      abort();
    }
  }
  return ctx;
}

/* The actor and place layers: spans inside the text, entities in text
 * order, references to entities that exist, strings readable. */
static inline void fuzz_check_entities(const td_doc *doc) {
  size_t len;
  td_doc_text(doc, &len);
  size_t n = td_doc_nentities(doc);
  td_entity_info e;
  size_t prev = 0;
  for (size_t i = 0; td_doc_entity(doc, i, &e); i++) {
    FUZZ_ASSERT(i < n);
    FUZZ_ASSERT(e.span.start <= e.span.end && e.span.end <= len);
    FUZZ_ASSERT(e.span.start >= prev);
    prev = e.span.start;
    FUZZ_ASSERT(e.kind != NULL);
    FUZZ_ASSERT(e.ref >= -1 && e.ref < (long)n);
    FUZZ_ASSERT(!e.code || strlen(e.code) < 64);
    if (e.name)
      (void)strlen(e.name);
    if (e.role)
      (void)strlen(e.role);
    if (e.title)
      (void)strlen(e.title);
  }
  td_place_info p;
  for (size_t i = 0; td_doc_place(doc, i, &p); i++) {
    FUZZ_ASSERT(p.span.start < p.span.end && p.span.end <= len);
    FUZZ_ASSERT(p.feature != NULL);
    FUZZ_ASSERT(isnan(p.lat) || (p.lat >= -90 && p.lat <= 90));
    FUZZ_ASSERT(isnan(p.lon) || (p.lon >= -180 && p.lon <= 180));
    if (p.name)
      (void)strlen(p.name);
  }
}

/* The quantities layer: spans inside the text, in text order and apart,
 * none inside a temporal expression; the unit's span inside the
 * quantity's when there is one; values finite and not negative; the
 * qualifier one of the documented names. */
static inline void fuzz_check_quantities(const td_doc *doc) {
  size_t len;
  td_doc_text(doc, &len);
  size_t n = td_doc_nquantities(doc);
  td_quantity_info q;
  uint32_t prev_end = 0;
  for (size_t i = 0; td_doc_quantity(doc, i, &q); i++) {
    FUZZ_ASSERT(i < n);
    FUZZ_ASSERT(q.span.start < q.span.end && q.span.end <= len);
    FUZZ_ASSERT(q.span.start >= prev_end);
    prev_end = q.span.end;
    FUZZ_ASSERT(isfinite(q.value) && q.value >= 0);
    if (q.unit_span.end > q.unit_span.start) {
      FUZZ_ASSERT(q.unit_span.start >= q.span.start &&
                  q.unit_span.end <= q.span.end);
      FUZZ_ASSERT(q.unit != NULL && q.unit[0]);
    }
    if (q.unit)
      (void)strlen(q.unit);
    if (q.approx) {
      static const char *const names[] = {"about", "more_than", "less_than",
                                          "at_least", "up_to", "vague"};
      bool known = false;
      for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
        known = known || !strcmp(q.approx, names[k]);
      FUZZ_ASSERT(known);
    }
    td_time t;
    for (size_t k = 0; td_doc_time(doc, k, &t); k++)
      FUZZ_ASSERT(q.span.end <= t.span.start || q.span.start >= t.span.end);
  }
  FUZZ_ASSERT(!td_doc_quantity(doc, n, &q));
}

typedef struct fuzz_lines {
  long lines;    /* lines in the file */
  long reported; /* problems reported */
} fuzz_lines;

/* For the dictionary loaders: every problem reported names the file, the
 * line (within the file) and what is wrong. */
static inline void fuzz_report(void *ud, const td_diag *d) {
  fuzz_lines *L = ud;
  FUZZ_ASSERT(d->msg[0] != 0);
  FUZZ_ASSERT(d->path[0] != 0);
  FUZZ_ASSERT(d->line >= 1 && d->line <= L->lines);
  L->reported++;
}

/* The events layer: spans inside the text, the trigger inside the
 * event's span, a sentence of the document, actors inside the text, a
 * date with its granularity and origin, known modality bits. */
static inline void fuzz_check_events(const td_doc *doc) {
  size_t len;
  td_doc_text(doc, &len);
  size_t n = td_doc_nevents(doc);
  td_event_info e;
  for (size_t i = 0; td_doc_event(doc, i, &e); i++) {
    FUZZ_ASSERT(e.span.start < e.span.end && e.span.end <= len);
    FUZZ_ASSERT(e.trigger.start >= e.span.start &&
                e.trigger.end <= e.span.end);
    FUZZ_ASSERT(e.sentence < td_doc_nsentences(doc));
    FUZZ_ASSERT(e.code && *e.code);
    FUZZ_ASSERT(e.quad >= 0 && e.quad <= 4);
    for (size_t k = 0; k < e.nsources; k++)
      FUZZ_ASSERT(e.sources[k].span.start < e.sources[k].span.end &&
                  e.sources[k].span.end <= len);
    for (size_t k = 0; k < e.ntargets; k++)
      FUZZ_ASSERT(e.targets[k].span.start < e.targets[k].span.end &&
                  e.targets[k].span.end <= len);
    FUZZ_ASSERT(!e.date || (e.granularity && td_date_from_name(e.date_from)));
    FUZZ_ASSERT(e.modality < (TD_MOD_REPORTED << 1));
    FUZZ_ASSERT(e.place < (long)td_doc_nplaces(doc));
    FUZZ_ASSERT(e.quote < (long)td_doc_nquotes(doc));
  }
  FUZZ_ASSERT(!td_doc_event(doc, n, &e));
}

static inline void fuzz_check_doc(const td_doc *doc) {
  size_t len;
  td_doc_text(doc, &len);
  const td_token *t = td_doc_tokens(doc);
  for (size_t i = 0; i < td_doc_ntokens(doc); i++) {
    FUZZ_ASSERT(t[i].start < t[i].end && t[i].end <= len);
    FUZZ_ASSERT(i == 0 || t[i].start >= t[i - 1].end);
  }
  const td_sentence *s = td_doc_sentences(doc);
  for (size_t i = 0; i < td_doc_nsentences(doc); i++) {
    FUZZ_ASSERT(s[i].span.start < s[i].span.end && s[i].span.end <= len);
    FUZZ_ASSERT(s[i].tok_first < s[i].tok_end &&
                s[i].tok_end <= td_doc_ntokens(doc));
    FUZZ_ASSERT(i == 0 || s[i].span.start >= s[i - 1].span.end);
  }
  const td_span *p = td_doc_paragraphs(doc);
  for (size_t i = 0; i < td_doc_nparagraphs(doc); i++)
    FUZZ_ASSERT(p[i].start < p[i].end && p[i].end <= len);
  td_time tm, prev = {{0, 0}, 0, 0, 0, 0};
  for (size_t i = 0; td_doc_time(doc, i, &tm); i++) {
    FUZZ_ASSERT(tm.span.start < tm.span.end && tm.span.end <= len);
    FUZZ_ASSERT(i == 0 || tm.span.start >= prev.span.end);
    FUZZ_ASSERT(tm.type && tm.value && tm.value[0]);
    prev = tm;
  }
  const td_dateline *dl = td_doc_dateline(doc);
  if (dl)
    FUZZ_ASSERT(dl->span.start <= dl->span.end && dl->span.end <= len);

  td_buf b = {0};
  td_doc_write_timeml(doc, &b);
  b.len = 0;
  td_doc_write_json(doc, &b, TD_JSON_TOKENS);
  json_error_t err;
  json_t *v = json_loadb(b.ptr, b.len, 0, &err);
  if (!v)
    fprintf(stderr, "invalid JSON output: %s at %d\n", err.text, err.position);
  FUZZ_ASSERT(v != NULL);
  json_decref(v);
  td_buf_free(&b);
  fuzz_check_entities(doc);
  fuzz_check_quantities(doc);
  fuzz_check_events(doc);
}

/* The line count of a dictionary file's text, as its loader counts: one
 * more per newline. */
static inline fuzz_lines fuzz_line_count(const uint8_t *text, size_t len) {
  fuzz_lines L = {1, 0};
  for (size_t i = 0; i < len; i++)
    L.lines += text[i] == '\n';
  return L;
}

/* `tidings dict check` on the file at path (kind: td_dict_check's), whose
 * text is text: it fails with a message, or returns as many problems as
 * it reported, each with a line inside the file. */
static inline void fuzz_dict_check(const char *path, const char *kind,
                                   const uint8_t *text, size_t len) {
  fuzz_lines L = fuzz_line_count(text, len);
  td_diag err;
  memset(&err, 0, sizeof(err));
  long n = td_dict_check(fuzz_ctx(), path, kind, fuzz_report, &L, &err);
  if (n < 0)
    FUZZ_ASSERT(err.msg[0] != 0);
  else
    FUZZ_ASSERT(n == L.reported);
}

/* Reads the wire stories in `text` with ctx, annotates each and checks
 * it: the rules a fuzzed data file loaded must work on a story. */
static inline void fuzz_annotate(const td_ctx *ctx, const char *text,
                                 size_t len) {
  td_reader *r = td_reader_new(ctx, NULL);
  td_reader_add_mem(r, "story", text, len);
  td_doc *doc;
  td_diag d;
  int rc;
  while ((rc = td_reader_next(r, &doc, &d)) != TD_END) {
    if (rc != TD_DOC)
      continue;
    td_doc_annotate(doc, ctx);
    fuzz_check_doc(doc);
    td_doc_free(doc);
  }
  td_reader_free(r);
}

static inline int fuzz_read(const uint8_t *data, size_t size, td_format fmt) {
  td_read_opts o = {fmt, "2024-05-15", NULL, 1 << 20};
  td_reader *r = td_reader_new(fuzz_ctx(), &o);
  td_reader_add_mem(r, "fuzz", data, size);
  for (int n = 0; n < 1000; n++) {
    td_doc *doc;
    td_diag diag;
    int rc = td_reader_next(r, &doc, &diag);
    if (rc == TD_END)
      break;
    if (rc == TD_DOC) {
      td_doc_annotate(doc, fuzz_ctx());
      fuzz_check_doc(doc);
      td_doc_free(doc);
    }
  }
  td_reader_free(r);
  return 0;
}

#endif
