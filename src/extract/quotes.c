/*
 * quotes.c — STUB, to be replaced: the `quotes` layer.
 */
#include "quotes.h"

struct td_quote_rules {
  int unused;
};

td_quote_rules *td_quote_rules_load(const char *dir, const td_wordnet *wn,
                                    td_diag *err) {
  return td_calloc(1, sizeof(td_quote_rules));
}
void td_quote_rules_free(td_quote_rules *q) { td_free(q); }
void td_quotes_run(td_doc *doc, const td_quote_rules *q) {}
size_t td_doc_nquotes(const td_doc *doc) { return 0; }
bool td_doc_quote(const td_doc *doc, size_t i, td_quote_info *out) {
  return false;
}
