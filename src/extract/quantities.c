/*
 * quantities.c — STUB, to be replaced: the `quantities` layer.
 */
#include "quantities.h"

struct td_quant_rules {
  int unused;
};

td_quant_rules *td_quant_rules_load(const char *dir, td_diag *err) {
  return td_calloc(1, sizeof(td_quant_rules));
}
void td_quant_rules_free(td_quant_rules *q) { td_free(q); }
void td_quantities_run(td_doc *doc, const td_quant_rules *q) {}
size_t td_doc_nquantities(const td_doc *doc) { return 0; }
bool td_doc_quantity(const td_doc *doc, size_t i, td_quantity_info *out) {
  return false;
}
