/*
 * country.h — the countries of ISO 3166-1, read from the Debian iso-codes
 * data (names, common names, official names, alpha-2 and alpha-3 codes),
 * and the English names and adjectives news uses for them
 * (data/countries.txt).
 */
#ifndef TD_COUNTRY_H
#define TD_COUNTRY_H

#include "../core/core.h"
#include "../core/data.h"

#include <jansson.h>

typedef struct td_country {
  char alpha2[3], alpha3[4];
  char *name; /* the common name when iso-codes has one */
} td_country;

/* A name or adjective of a country, as written in the data. */
typedef struct td_cname {
  char *text;
  uint32_t country; /* index into td_countries.v */
} td_cname;

typedef struct td_countries {
  TD_VEC(td_country) v;
  td_strmap *by_name; /* case-folded name -> index */
  td_strmap *by_code; /* alpha-3 and alpha-2 code -> index */
  TD_VEC(td_cname) names;      /* every name, for the lexicon           */
  TD_VEC(td_cname) adjectives; /* countries.txt `adjective` forms       */
} td_countries;

/* Where iso-codes' JSON files are: $TIDINGS_ISO_CODES or the Debian path. */
const char *td_iso_codes_dir(void);
/* Loads iso-codes' iso_STANDARD.json ("3166-1"): its root, to be freed with
 * json_decref, with *arr set to the list under STANDARD; NULL (err set,
 * naming `what`) if it cannot be read. path receives the file's path. */
json_t *td_iso_codes_load(const char *standard, const char *what,
                          char *path, size_t cap, json_t **arr,
                          td_diag *err);
bool td_countries_load(td_countries *c, const char *data_dir, td_diag *err);
void td_countries_free(td_countries *c);
/* Checks a user's copy of countries.txt, reporting each bad record. */
long td_countries_check(const char *path, td_report_fn fn, void *ud,
                        td_diag *err);
/* The country called s (any case; "the" before it ignored), or NULL. */
const td_country *td_country_find(const td_countries *c, const char *s,
                                  size_t n);
/* The country with this alpha-2 or alpha-3 code, or -1. */
int td_country_by_code(const td_countries *c, const char *code);

#endif
