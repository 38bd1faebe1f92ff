/*
 * util.h — helpers for the unit tests: documents from strings, and their
 * tokens and sentences as strings that are easy to compare.
 */
#ifndef TD_TEST_UTIL_H
#define TD_TEST_UTIL_H

#include "check.h"
#include "shared.h"

#include <sys/stat.h>

/* The first document read from `text` in format fmt, analysed; NULL (and
 * the diagnostic in *diag when given) if refused. */
static inline td_doc *doc_from(const td_ctx *ctx, td_format fmt,
                               const char *text, const char *date,
                               td_diag *diag) {
  td_read_opts o = {fmt, date, NULL, 0};
  td_reader *r = td_reader_new(ctx, &o);
  td_reader_add_mem(r, "test", text, strlen(text));
  td_doc *doc = NULL;
  td_diag d;
  int rc = td_reader_next(r, &doc, &d);
  td_reader_free(r);
  if (rc != TD_DOC) {
    if (diag)
      *diag = d;
    return NULL;
  }
  td_doc_analyze(doc, ctx);
  return doc;
}

/* A plain-text story dated `date`, annotated with every layer; exits the
 * test if it is refused. */
static inline td_doc *annotated(const td_ctx *ctx, const char *text,
                                const char *date) {
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT, text, date, NULL);
  if (!d) {
    fprintf(stderr, "refused: %s\n", text);
    exit(1);
  }
  td_doc_annotate(d, ctx);
  return d;
}

/* Token texts joined by '|' (into a static buffer). */
static inline const char *tokens_of(const td_doc *doc) {
  static char out[8192];
  size_t n = 0, len;
  const char *text = td_doc_text(doc, &len);
  const td_token *t = td_doc_tokens(doc);
  out[0] = 0;
  for (size_t i = 0; i < td_doc_ntokens(doc); i++) {
    size_t k = t[i].end - t[i].start;
    if (n + k + 2 >= sizeof(out))
      break;
    if (i)
      out[n++] = '|';
    memcpy(out + n, text + t[i].start, k);
    n += k;
    out[n] = 0;
  }
  return out;
}

/* Sentence texts joined by " || ". */
static inline const char *sentences_of(const td_doc *doc) {
  static char out[16384];
  size_t n = 0, len;
  const char *text = td_doc_text(doc, &len);
  const td_sentence *s = td_doc_sentences(doc);
  out[0] = 0;
  for (size_t i = 0; i < td_doc_nsentences(doc); i++) {
    size_t k = s[i].span.end - s[i].span.start;
    if (n + k + 5 >= sizeof(out))
      break;
    if (i) {
      memcpy(out + n, " || ", 4);
      n += 4;
    }
    memcpy(out + n, text + s[i].span.start, k);
    n += k;
    out[n] = 0;
  }
  return out;
}

/* The text of span s (into one of two rotating static buffers). */
static inline const char *span_text(const td_doc *doc, td_span s) {
  static char bufs[2][1024];
  static int k;
  char *out = bufs[k++ & 1];
  size_t len, n = s.end > s.start ? s.end - s.start : 0;
  const char *text = td_doc_text(doc, &len);
  if (n >= sizeof(bufs[0]))
    n = sizeof(bufs[0]) - 1;
  memcpy(out, text + s.start, n);
  out[n] = 0;
  return out;
}

/* The kind of the token whose text is `word` (the first one), or 0. */
static inline int kind_of(const td_doc *doc, const char *word, unsigned *flags) {
  size_t len, wn = strlen(word);
  const char *text = td_doc_text(doc, &len);
  const td_token *t = td_doc_tokens(doc);
  for (size_t i = 0; i < td_doc_ntokens(doc); i++)
    if (t[i].end - t[i].start == wn && !memcmp(text + t[i].start, word, wn)) {
      if (flags)
        *flags = t[i].flags;
      return t[i].kind;
    }
  return 0;
}

static inline td_ctx *test_ctx(void) {
  td_diag err;
  td_ctx *ctx = td_ctx_new(NULL, &err);
  if (!ctx) {
    td_diag_print(&err, stderr);
    exit(1);
  }
  return ctx;
}

/* A reader of the seed stories (../shared/seeds), or NULL, with a message,
 * when they are missing outside CI; under CI=true a missing directory
 * fails the test (shared_path). */
static inline td_reader *seeds_reader(const td_ctx *ctx) {
  const char *base = getenv("TD_SHARED"), *ci = getenv("CI");
  char dir[4096];
  struct stat st;
  snprintf(dir, sizeof(dir), "%s/seeds", base && *base ? base : "../shared");
  if (stat(dir, &st) != 0 && !(ci && !strcmp(ci, "true"))) {
    fprintf(stderr, "skipped the seeds: %s is missing\n", dir);
    return NULL;
  }
  td_reader *r = td_reader_new(ctx, NULL);
  td_reader_add_path(r, shared_path("seeds"));
  return r;
}

#endif
