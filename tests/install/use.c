/* use.c — a program outside the tree that uses the installed library
 * through pkg-config (tests/install/run.sh builds and runs it). */
#include <stdio.h>
#include <string.h>
#include <tidings.h>

int main(void) {
  td_diag err;
  td_ctx *ctx = td_ctx_new(NULL, &err);
  if (!ctx) {
    td_diag_print(&err, stderr);
    return 1;
  }
  const char *story = " date 2024-05-15 Head\n\nBAKU, May 15. /TASS/. One. Two.\n";
  td_reader *r = td_reader_new(ctx, NULL);
  td_reader_add_mem(r, "story", story, strlen(story));
  td_doc *doc;
  int rc = td_reader_next(r, &doc, &err);
  if (rc != TD_DOC)
    return 1;
  td_doc_analyze(doc, ctx);
  printf("%zu %s\n", td_doc_nsentences(doc), td_doc_source(doc));
  td_doc_free(doc);
  td_reader_free(r);
  td_ctx_free(ctx);
  return 0;
}
