/*
 * fuzz_quotes.c — libFuzzer target: the quote scanner. Bytes 1-15 of the
 * input stand for the pieces quotations are made of (straight, curly,
 * guillemet and low-9 marks, '' and single marks, "said", ", he said, ",
 * "according to", a colon, a paragraph break), so that the fuzzer builds
 * unbalanced, nested and split quotes quickly; other bytes are kept. Every
 * quote must lie in the text with its parts in order, its speaker and cue
 * too, and the JSON must stay valid (fuzz_check_doc).
 */
#include "fuzz_common.h"

static const char *const pieces[] = {
    "\"",         "\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xAB", "\xC2\xBB",
    "\xE2\x80\x9E", "''",         "'",            "\xE2\x80\x98",
    "\xE2\x80\x99", " said ",     "\n\n",         ", he said, ",
    " according to ", ": "};

static void fuzz_check_quotes(const td_doc *doc) {
  size_t len;
  td_doc_text(doc, &len);
  td_quote_info q;
  for (size_t i = 0; td_doc_quote(doc, i, &q); i++) {
    FUZZ_ASSERT(q.nparts >= 1 && q.parts);
    FUZZ_ASSERT(q.content.start < q.content.end && q.content.end <= len);
    for (size_t k = 0; k < q.nparts; k++) {
      FUZZ_ASSERT(q.parts[k].start < q.parts[k].end);
      FUZZ_ASSERT(k == 0 || q.parts[k].start >= q.parts[k - 1].end);
    }
    FUZZ_ASSERT(q.content.start == q.parts[0].start &&
                q.content.end == q.parts[q.nparts - 1].end);
    if (q.has_speaker)
      FUZZ_ASSERT(q.speaker.start < q.speaker.end && q.speaker.end <= len);
    if (q.has_cue)
      FUZZ_ASSERT(q.cue.start < q.cue.end && q.cue.end <= len);
    FUZZ_ASSERT(q.ref < (long)td_doc_nentities(doc));
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size > 8192)
    return 0;
  td_buf b = {0};
  for (size_t i = 0; i < size; i++) {
    if (data[i] >= 1 && data[i] <= 15)
      td_buf_adds(&b, pieces[data[i] - 1]);
    else
      td_buf_add(&b, (const char *)data + i, 1);
  }
  td_read_opts o = {TD_FORMAT_TEXT, "2024-05-15", NULL, 1 << 20};
  td_reader *r = td_reader_new(fuzz_ctx(), &o);
  td_reader_add_mem(r, "fuzz", b.ptr ? b.ptr : "", b.len);
  td_doc *doc;
  td_diag diag;
  int rc;
  while ((rc = td_reader_next(r, &doc, &diag)) != TD_END) {
    if (rc != TD_DOC)
      continue;
    td_doc_annotate(doc, fuzz_ctx());
    fuzz_check_doc(doc);
    fuzz_check_quotes(doc);
    td_doc_free(doc);
  }
  td_reader_free(r);
  td_buf_free(&b);
  return 0;
}
