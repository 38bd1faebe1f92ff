/*
 * fuzz_data.c — libFuzzer target: the data-file loaders. The first byte
 * picks the file (any data file the context loads); the rest is its content, written to a private directory
 * that overrides the built-in copy. Loading must succeed or fail cleanly.
 */
#include "fuzz_common.h"

#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *names[] = {
      "abbreviations.txt", "sentence-starters.txt", "agencies.txt",
      "datelines.txt",     "boilerplate.txt",       "reporting-verbs.txt",
      "countries.txt",     "timex-words.txt",       "timex-rules.txt"};
  static char dir[64];
  if (!dir[0]) {
    strcpy(dir, "/tmp/td_fuzz_data_XXXXXX");
    if (!mkdtemp(dir))
      abort();
  }
  if (size < 1)
    return 0;
  const char *name = names[data[0] % (sizeof(names) / sizeof(names[0]))];
  char path[128];
  snprintf(path, sizeof(path), "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f)
    return 0;
  fwrite(data + 1, 1, size - 1, f);
  fclose(f);
  td_diag err;
  td_ctx *ctx = td_ctx_new(dir, &err);
  if (ctx) {
    /* The loaded rules must work on a story. */
    static const char story[] =
        " date 2024-05-15 Headline here\n\nBAKU, May 15. /TASS/. One on "
        "Monday, five years ago, the next day. Col. Two said in September "
        "2020, Trend reports.\n\nFollow TASS on Telegram.\n";
    td_reader *r = td_reader_new(ctx, NULL);
    td_reader_add_mem(r, "story", story, sizeof(story) - 1);
    td_doc *doc;
    td_diag d;
    if (td_reader_next(r, &doc, &d) == TD_DOC) {
      td_doc_annotate(doc, ctx);
      fuzz_check_doc(doc);
      td_doc_free(doc);
    }
    td_reader_free(r);
    td_ctx_free(ctx);
  } else {
    FUZZ_ASSERT(err.msg[0] != 0);
  }
  unlink(path);
  return 0;
}
