/*
 * quantities.h — the `quantities` layer: numbers with what they count
 * ("1,960 servicemen", "90 armored personnel carriers"), money, percentages
 * and vague amounts ("dozens of"), with their qualifiers ("about", "more
 * than", "up to"). Numbers that are part of a temporal expression are the
 * time layer's, not quantities.
 */
#ifndef TD_QUANTITIES_H
#define TD_QUANTITIES_H

#include "../doc/doc.h"

typedef struct td_quant_rules td_quant_rules;

/* Loads data/quantities.txt (from dir first, then the built-in copy). */
td_quant_rules *td_quant_rules_load(const char *dir, td_diag *err);
void td_quant_rules_free(td_quant_rules *q);

/* Needs the text model and the `timexes` layer. Adds `quantities`. */
void td_quantities_run(td_doc *doc, const td_quant_rules *q);

#endif
