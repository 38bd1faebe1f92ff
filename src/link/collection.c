/*
 * collection.c — the public face of linking (td_collection in tidings.h):
 * documents come in (annotated here on worker threads, or by the caller),
 * their digests are kept in input order, and td_collection_link runs the
 * stages: stories, canonical events, facts compared.
 */
#include "link.h"

#include <stdio.h>
#include <stdlib.h>
#include <limits.h>

#define TD_LINK_THRESHOLD 0.08
#define TD_LINK_WINDOW 14

td_collection *td_collection_new(const td_ctx *ctx, const td_link_opts *opts,
                                 td_diag *err) {
  td_link_words *w =
      td_link_words_load(opts ? opts->data_dir : NULL, err);
  if (!w)
    return NULL;
  td_collection *c = td_calloc(1, sizeof(*c));
  c->ctx = ctx;
  c->words = w;
  c->agencies = td_strmap_new();
  c->params.threshold =
      opts && opts->threshold > 0 ? opts->threshold : TD_LINK_THRESHOLD;
  c->params.window_days =
      opts && opts->window_days > 0 ? opts->window_days : TD_LINK_WINDOW;
  return c;
}

static void td_collection_clear_links(td_collection *c) {
  for (size_t i = 0; i < c->stories.n; i++)
    td_vec_free(&c->stories.v[i].docs);
  c->stories.n = 0;
  for (size_t i = 0; i < c->canons.n; i++)
    td_vec_free(&c->canons.v[i].m);
  c->canons.n = 0;
  td_intmap_free(c->canon_of);
  c->canon_of = td_intmap_new();
  for (size_t i = 0; i < c->cmps.n; i++)
    td_vec_free(&c->cmps.v[i].v);
  c->cmps.n = 0;
  c->frames.n = 0;
  c->derived.n = 0;
  c->linked = false;
}

void td_collection_free(td_collection *c) {
  if (!c)
    return;
  td_collection_clear_links(c);
  td_vec_free(&c->stories);
  td_vec_free(&c->canons);
  td_vec_free(&c->cmps);
  td_vec_free(&c->frames);
  td_vec_free(&c->derived);
  for (size_t i = 0; i < c->docs.n; i++)
    td_digest_free(c->docs.v[i]);
  td_vec_free(&c->docs);
  td_intmap_free(c->canon_of);
  td_free(c->story_of);
  td_link_words_free(c->words);
  td_strmap_free(c->agencies);
  td_free(c);
}

/* Keeps a digest, its agency numbered (sources are compared by number). */
static void td_collection_keep(td_collection *c, td_digest *d) {
  const char *ag = td_lk_agency(d);
  uint32_t id;
  if (!td_strmap_get(c->agencies, ag, strlen(ag), &id)) {
    id = (uint32_t)td_strmap_count(c->agencies);
    td_strmap_put(c->agencies, ag, strlen(ag), id);
  }
  d->agency = id;
  td_vec_push(&c->docs, d);
}

void td_collection_add(td_collection *c, const td_doc *doc) {
  td_collection_keep(c, td_digest_new(doc, c->ctx, c->words));
}

/* Workers annotate and digest; each digest's address travels through the
 * run's ordered output (a memory stream) so the digests arrive in input
 * order without a copy. */
static void td_collection_one(td_doc *doc, td_buf *out, td_buf *msg,
                              void *ud) {
  (void)msg;
  td_collection *c = ud;
  td_doc_annotate(doc, c->ctx);
  td_digest *d = td_digest_new(doc, c->ctx, c->words);
  td_buf_add(out, &d, sizeof(d));
}

int td_collection_read(td_collection *c, td_reader *r, int threads,
                       FILE *msg, td_run_stats *stats) {
  char *mem = NULL;
  size_t len = 0;
  FILE *ptrs = open_memstream(&mem, &len);
  if (!ptrs)
    return -1;
  int rc = td_run(r, threads, td_collection_one, c, ptrs, msg, stats);
  fclose(ptrs);
  for (size_t off = 0; off + sizeof(td_digest *) <= len;
       off += sizeof(td_digest *)) {
    td_digest *d;
    memcpy(&d, mem + off, sizeof(d));
    td_collection_keep(c, d);
  }
  free(mem); /* allocated by open_memstream, not through td_malloc */
  return rc;
}

void td_collection_link(td_collection *c) {
  td_collection_clear_links(c);
  size_t n = c->docs.n;
  td_free(c->story_of);
  c->story_of = td_calloc(n ? n : 1, sizeof(uint32_t));
  double t0 = td_seconds();
  size_t ns = 0;
  td_lk_group(c->docs.v, n, &c->params, c->story_of, &ns);
  for (size_t s = 0; s < ns; s++) {
    td_lk_story st;
    memset(&st, 0, sizeof(st));
    st.first_day = LONG_MAX;
    st.last_day = LONG_MIN;
    td_vec_push(&c->stories, st);
  }
  for (size_t i = 0; i < n; i++) {
    td_lk_story *st = &c->stories.v[c->story_of[i]];
    td_vec_push(&st->docs, (uint32_t)i);
    long day = c->docs.v[i]->day;
    if (day != LONG_MIN) {
      st->first_day = TD_MIN(st->first_day, day);
      st->last_day = TD_MAX(st->last_day, day);
    }
  }
  double t1 = td_seconds();
  td_lk_merge(c);
  double t2 = td_seconds();
  td_lk_compare(c);
  double t3 = td_seconds();
  c->seconds[0] = t1 - t0;
  c->seconds[1] = t2 - t1;
  c->seconds[2] = t3 - t2;
  c->linked = true;
}

size_t td_collection_ndocs(const td_collection *c) { return c->docs.n; }

size_t td_collection_nstories(const td_collection *c) {
  return c->stories.n;
}

size_t td_collection_story_of(const td_collection *c, size_t i) {
  return c->linked && i < c->docs.n ? c->story_of[i] : 0;
}

void td_collection_seconds(const td_collection *c, double out[3]) {
  memcpy(out, c->seconds, sizeof(c->seconds));
}
