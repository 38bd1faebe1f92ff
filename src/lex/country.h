/*
 * country.h — the countries of ISO 3166-1, read from the Debian iso-codes
 * data (names, common names, official names, alpha-2 and alpha-3 codes),
 * and the English names news uses for them (data/countries.txt).
 */
#ifndef TD_COUNTRY_H
#define TD_COUNTRY_H

#include "../core/core.h"

typedef struct td_country {
  char alpha2[3], alpha3[4];
  char *name; /* the common name when iso-codes has one */
} td_country;

typedef struct td_countries {
  TD_VEC(td_country) v;
  td_strmap *by_name; /* case-folded name -> index */
} td_countries;

/* Where iso-codes' JSON files are: $TIDINGS_ISO_CODES or the Debian path. */
const char *td_iso_codes_dir(void);
bool td_countries_load(td_countries *c, const char *data_dir, td_diag *err);
void td_countries_free(td_countries *c);
/* The country called s (any case; "the" before it ignored), or NULL. */
const td_country *td_country_find(const td_countries *c, const char *s,
                                  size_t n);

#endif
