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

/* What a quantity counts. */
enum {
  TD_QK_COUNT = 0, /* a number, with the noun phrase it counts or none */
  TD_QK_MONEY,     /* an amount of money: unit is the ISO 4217 code    */
  TD_QK_PERCENT    /* a percentage                                     */
};

/* Qualifiers (td_quantity.approx). */
enum {
  TD_QA_NONE = 0, TD_QA_ABOUT, TD_QA_MORE_THAN, TD_QA_LESS_THAN,
  TD_QA_AT_LEAST, TD_QA_UP_TO, TD_QA_VAGUE, TD_QA_EXACT
};

/* One quantity of the layer. */
typedef struct td_quantity {
  td_span span;         /* qualifier, currency, number, unit           */
  td_span unit_span;    /* {0, 0} when there is no unit                */
  uint32_t tok_first, tok_end;
  double value;
  const char *phrase;   /* the counted noun phrase (document arena)    */
  char code[4];         /* TD_QK_MONEY: the ISO 4217 code              */
  uint8_t kind;         /* TD_QK_*                                     */
  uint8_t approx;       /* TD_QA_* (never TD_QA_EXACT)                 */
} td_quantity;

/* The `quantities` layer, in text order. */
typedef struct td_quantities {
  TD_VEC(td_quantity) v;
} td_quantities;

/* Loads data/quantities.txt (from dir first, then the built-in copy). */
td_quant_rules *td_quant_rules_load(const char *dir, td_diag *err);
void td_quant_rules_free(td_quant_rules *q);

/* Needs the text model and the `timexes` layer. Adds `quantities`. */
void td_quantities_run(td_doc *doc, const td_quant_rules *q);

/* A quantity's unit as td_quantity_info gives it, and its qualifier's
 * name (NULL when exact). */
const char *td_quantity_unit(const td_quantity *q);
const char *td_quantity_approx_name(int approx);

#endif
