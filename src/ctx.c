/*
 * ctx.c — loads and frees the context, and runs the annotation stages in
 * their order.
 */
#include "ctx.h"

td_ctx *td_ctx_new(const char *data_dir, td_diag *err) {
  td_ctx *ctx = td_calloc(1, sizeof(*ctx));
  ctx->data_dir = data_dir ? td_strdup(data_dir) : NULL;
  if (!td_countries_load(&ctx->countries, data_dir, err) ||
      !td_text_rules_load(&ctx->text, data_dir, err) ||
      !(ctx->timex = td_timex_grammar_load(data_dir, err))) {
    td_ctx_free(ctx);
    return NULL;
  }
  ctx->text.countries = &ctx->countries;
  return ctx;
}

void td_ctx_free(td_ctx *ctx) {
  if (!ctx)
    return;
  td_text_rules_free(&ctx->text);
  td_countries_free(&ctx->countries);
  td_timex_grammar_free(ctx->timex);
  td_free(ctx->data_dir);
  td_free(ctx);
}

void td_doc_annotate(td_doc *doc, const td_ctx *ctx) {
  td_doc_analyze(doc, ctx);
  td_timex_run(doc, ctx->timex);
}
