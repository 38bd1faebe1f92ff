/*
 * fuzz_ecbxml.c — libFuzzer target: the ECB+ reader (src/read/ecbxml.c)
 * on arbitrary bytes. Every problem is reported with a message, a path,
 * a line inside the input and a byte inside it, and counted; a refused
 * input leaves nothing; a document read has tokens whose spans are in
 * order inside its NUL-terminated text, sentences that never share a line
 * with another, and mentions whose token range and span agree, of a kind
 * and a non-empty cluster, in text order.
 */
#include "fuzz_common.h"
#include "read/ecbxml.h"

typedef struct fuzz_ecb {
  long lines, reported, errors;
  size_t len;
} fuzz_ecb;

static void fuzz_ecb_report(void *ud, const td_diag *d) {
  fuzz_ecb *X = ud;
  FUZZ_ASSERT(d->msg[0] != 0);
  FUZZ_ASSERT(d->path[0] != 0);
  FUZZ_ASSERT(d->line >= 1 && d->line <= X->lines);
  FUZZ_ASSERT(d->byte >= 0 && (size_t)d->byte <= X->len);
  X->reported++;
  X->errors += d->severity == TD_ERROR;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_ecb X = {1, 0, 0, size};
  for (size_t i = 0; i < size; i++)
    X.lines += data[i] == '\n';
  td_ecb_doc d;
  int rc = td_ecb_parse(&d, "fuzz/1_1ecb.xml", (const char *)data, size,
                        fuzz_ecb_report, &X);
  if (rc != 0) {
    FUZZ_ASSERT(rc == -1);
    FUZZ_ASSERT(X.errors == 1);
    FUZZ_ASSERT(d.text == NULL && d.ntoks == 0 && d.nments == 0);
    FUZZ_ASSERT(d.arena.head == NULL);
    return 0;
  }
  FUZZ_ASSERT(X.errors == 0);
  FUZZ_ASSERT((long)d.problems == X.reported);
  FUZZ_ASSERT(d.name && d.name[0] && d.doc_id);
  FUZZ_ASSERT(d.topic >= 0);
  FUZZ_ASSERT(d.text && strlen(d.text) == d.len);
  FUZZ_ASSERT(d.ntoks > 0);
  /* between two tokens with text: a newline when the sentence changed
   * (at any token between them), else none */
  bool any = false, changed = false;
  uint32_t prev_end = 0;
  for (size_t i = 0; i < d.ntoks; i++) {
    td_span t = d.toks[i];
    FUZZ_ASSERT(t.start <= t.end && t.end <= d.len);
    FUZZ_ASSERT(i == 0 || t.start >= d.toks[i - 1].end);
    changed = changed || (i && d.tok_sentence[i] != d.tok_sentence[i - 1]);
    if (t.end == t.start)
      continue;
    /* a token is one line with no space at either end */
    FUZZ_ASSERT(!memchr(d.text + t.start, '\n', t.end - t.start));
    FUZZ_ASSERT(d.text[t.start] != ' ' && d.text[t.end - 1] != ' ');
    if (any) {
      bool nl = memchr(d.text + prev_end, '\n', t.start - prev_end) != NULL;
      FUZZ_ASSERT(nl == changed);
      FUZZ_ASSERT(t.start - prev_end <= 1);
    }
    any = true;
    changed = false;
    prev_end = t.end;
  }
  for (size_t i = 0; i < d.nments; i++) {
    const td_ecb_mention *m = &d.ments[i];
    FUZZ_ASSERT(m->first <= m->last && m->last < d.ntoks);
    FUZZ_ASSERT(m->start == d.toks[m->first].start &&
                m->end == d.toks[m->last].end);
    FUZZ_ASSERT(m->start <= m->end && m->end <= d.len);
    FUZZ_ASSERT(m->kind && m->kind[0] && m->m_id && m->m_id[0]);
    FUZZ_ASSERT(m->cluster && m->cluster[0]);
    FUZZ_ASSERT(i == 0 || m->first > d.ments[i - 1].first ||
                (m->first == d.ments[i - 1].first &&
                 m->last >= d.ments[i - 1].last));
  }
  td_ecb_doc_free(&d);
  return 0;
}
