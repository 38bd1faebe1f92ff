/*
 * run.c — runs a function over every document of a reader on worker
 * threads and writes the results in input order. Workers take turns to
 * read a batch of documents and process it; the calling thread writes the
 * batches in order. A ring of slots bounds the batches in flight, so memory
 * does not grow with the input; batching keeps the threads from meeting at
 * a lock for every small document.
 */
#include "../doc/doc.h"

#include <pthread.h>
#include <time.h>
#include <unistd.h>

#define TD_BATCH_DOCS 64
#define TD_BATCH_BYTES (1u << 20)

typedef struct td_item {
  td_doc *doc; /* NULL: a refusal, described by diag */
  td_diag diag;
} td_item;

typedef struct td_slot {
  td_item items[TD_BATCH_DOCS];
  size_t n;
  bool done;
  td_buf out, msg;
  td_run_stats st;
} td_slot;

typedef struct td_runner {
  pthread_mutex_t mu;      /* the counters below                        */
  pthread_mutex_t read_mu; /* one reader at a time, in input order       */
  pthread_cond_t cv_done, cv_space;
  td_reader *rd;
  td_slot *ring;
  size_t cap;
  uint64_t next_read, next_write;
  bool eof;
  td_doc_fn fn;
  void *ud;
  FILE *out, *msg;
  td_run_write_fn write; /* instead of out, when set */
  void *write_ud;
  bool write_failed;
  td_run_stats *stats;
} td_runner;

double td_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int td_ncpu(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int)n : 1;
}

/* Reads up to a batch of documents into s; false at the end of input. */
static bool td_slot_fill(td_reader *rd, td_slot *s) {
  size_t bytes = 0;
  s->n = 0;
  while (s->n < TD_BATCH_DOCS && bytes < TD_BATCH_BYTES) {
    td_item *it = &s->items[s->n];
    int rc = td_reader_next(rd, &it->doc, &it->diag);
    if (rc == TD_END)
      break;
    if (rc == TD_REFUSED)
      it->doc = NULL;
    else
      bytes += it->doc->len;
    s->n++;
  }
  return s->n > 0;
}

static void td_slot_process(td_runner *r, td_slot *s) {
  memset(&s->st, 0, sizeof(s->st));
  for (size_t i = 0; i < s->n; i++) {
    td_item *it = &s->items[i];
    if (!it->doc) {
      td_diag_format(&it->diag, &s->msg);
      s->st.refused++;
      continue;
    }
    td_doc *doc = it->doc;
    r->fn(doc, &s->out, &s->msg, r->ud);
    for (size_t k = 0; k < doc->warnings.n; k++)
      td_diag_format(&doc->warnings.v[k], &s->msg);
    s->st.docs++;
    s->st.bytes += doc->len;
    s->st.sentences += doc->sentences.n;
    s->st.tokens += doc->tokens.n;
    s->st.warnings += doc->warnings.n;
    td_doc_free(doc);
    it->doc = NULL;
  }
}

static void td_slot_write(td_runner *r, td_slot *s) {
  if (s->msg.len) {
    fwrite(s->msg.ptr, 1, s->msg.len, r->msg);
    fflush(r->msg);
  }
  if (r->write) {
    if (!r->write_failed && r->write(r->write_ud, s->out.ptr, s->out.len) != 0)
      r->write_failed = true;
  } else if (s->out.len && !r->write_failed &&
             fwrite(s->out.ptr, 1, s->out.len, r->out) != s->out.len)
    r->write_failed = true;
  td_run_stats *st = r->stats;
  st->docs += s->st.docs;
  st->refused += s->st.refused;
  st->warnings += s->st.warnings;
  st->bytes += s->st.bytes;
  st->sentences += s->st.sentences;
  st->tokens += s->st.tokens;
  s->out.len = s->msg.len = 0;
}

/* A worker reads the next batch (readers take turns, so batches keep input
 * order), then processes it. Each document is allocated and freed by the
 * same thread, which keeps malloc's per-thread arenas from contending. */
static void *td_worker(void *arg) {
  td_runner *r = arg;
  for (;;) {
    pthread_mutex_lock(&r->read_mu);
    pthread_mutex_lock(&r->mu);
    while (r->next_read - r->next_write >= r->cap)
      pthread_cond_wait(&r->cv_space, &r->mu);
    uint64_t seq = r->next_read;
    bool eof = r->eof;
    pthread_mutex_unlock(&r->mu);
    if (eof) {
      pthread_mutex_unlock(&r->read_mu);
      break;
    }
    td_slot *s = &r->ring[seq % r->cap];
    bool more = td_slot_fill(r->rd, s);
    pthread_mutex_lock(&r->mu);
    if (more)
      r->next_read++;
    else
      r->eof = true;
    pthread_cond_signal(&r->cv_done);
    pthread_mutex_unlock(&r->mu);
    pthread_mutex_unlock(&r->read_mu);
    if (!more)
      break;
    td_slot_process(r, s);
    pthread_mutex_lock(&r->mu);
    s->done = true;
    pthread_cond_signal(&r->cv_done);
    pthread_mutex_unlock(&r->mu);
  }
  return NULL;
}

/* The calling thread writes the batches in order. */
static void td_run_threads(td_runner *r, int threads) {
  r->cap = (size_t)threads * 2 + 2;
  r->ring = td_calloc(r->cap, sizeof(td_slot));
  pthread_mutex_init(&r->mu, NULL);
  pthread_mutex_init(&r->read_mu, NULL);
  pthread_cond_init(&r->cv_done, NULL);
  pthread_cond_init(&r->cv_space, NULL);
  pthread_t *workers = td_calloc((size_t)threads, sizeof(pthread_t));
  for (int i = 0; i < threads; i++)
    pthread_create(&workers[i], NULL, td_worker, r);
  pthread_mutex_lock(&r->mu);
  for (;;) {
    td_slot *s = &r->ring[r->next_write % r->cap];
    while (!(r->next_write < r->next_read && s->done) &&
           !(r->eof && r->next_write == r->next_read))
      pthread_cond_wait(&r->cv_done, &r->mu);
    if (r->next_write == r->next_read)
      break;
    pthread_mutex_unlock(&r->mu);
    td_slot_write(r, s);
    pthread_mutex_lock(&r->mu);
    s->done = false;
    r->next_write++;
    pthread_cond_broadcast(&r->cv_space);
  }
  pthread_mutex_unlock(&r->mu);
  for (int i = 0; i < threads; i++)
    pthread_join(workers[i], NULL);
  for (size_t i = 0; i < r->cap; i++) {
    td_buf_free(&r->ring[i].out);
    td_buf_free(&r->ring[i].msg);
  }
  td_free(r->ring);
  td_free(workers);
  pthread_mutex_destroy(&r->mu);
  pthread_mutex_destroy(&r->read_mu);
  pthread_cond_destroy(&r->cv_done);
  pthread_cond_destroy(&r->cv_space);
}

static int td_run_any(td_reader *rd, int threads, td_doc_fn fn, void *ud,
                      FILE *out, td_run_write_fn wfn, void *wud, FILE *msg,
                      td_run_stats *stats) {
  td_run_stats local = {0};
  td_runner r = {0};
  r.fn = fn;
  r.ud = ud;
  r.out = out;
  r.write = wfn;
  r.write_ud = wud;
  r.msg = msg;
  r.stats = stats ? stats : &local;
  memset(r.stats, 0, sizeof(*r.stats));
  if (threads <= 0)
    threads = td_ncpu();
  if (threads == 1) {
    td_slot *s = td_calloc(1, sizeof(td_slot));
    while (td_slot_fill(rd, s)) {
      td_slot_process(&r, s);
      td_slot_write(&r, s);
    }
    td_buf_free(&s->out);
    td_buf_free(&s->msg);
    td_free(s);
  } else {
    r.rd = rd;
    td_run_threads(&r, threads);
  }
  if (!out)
    return r.write_failed ? -1 : 0;
  fflush(out);
  return r.write_failed || ferror(out) ? -1 : 0;
}

int td_run(td_reader *rd, int threads, td_doc_fn fn, void *ud, FILE *out,
           FILE *msg, td_run_stats *stats) {
  return td_run_any(rd, threads, fn, ud, out, NULL, NULL, msg, stats);
}

int td_run_batches(td_reader *rd, int threads, td_doc_fn fn, void *ud,
                   td_run_write_fn write, void *write_ud, FILE *msg,
                   td_run_stats *stats) {
  return td_run_any(rd, threads, fn, ud, NULL, write, write_ud, msg, stats);
}
