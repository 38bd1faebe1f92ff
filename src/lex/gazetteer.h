/*
 * gazetteer.h — the places tidings knows: ISO 3166-2 subdivisions
 * (iso-codes), the cities of libgeonames, and our regions, towns and
 * other names (data/places.txt). Countries are in country.h; their names
 * are in the lexicon as TD_LX_COUNTRY. Every place name is a TD_LX_PLACE
 * phrase of the shared lexicon.
 */
#ifndef TD_GAZETTEER_H
#define TD_GAZETTEER_H

#include "country.h"
#include "lexicon.h"

enum {
  TD_PF_SUBDIVISION = 1, /* ISO 3166-2                         */
  TD_PF_CITY,            /* libgeonames, or places.txt         */
  TD_PF_REGION,
  TD_PF_TOWN,
  TD_PF_VILLAGE,
  TD_PF_DISTRICT,
  TD_PF_RIVER,
  TD_PF_LAKE,
  TD_PF_SEA,
  TD_PF_MOUNTAIN,
  TD_PF_ISLAND,
  TD_PF_CROSSING,
  TD_PF_SITE,
  TD_PF_NFEATURES
};

typedef struct td_place {
  const char *name;
  const char *admin1; /* NULL when unknown or none */
  double lat, lon;    /* NaN when unknown          */
  uint32_t population;
  uint16_t country;   /* index into td_countries.v */
  uint8_t feature;    /* TD_PF_*                   */
  uint8_t source;     /* TD_PS_*                   */
} td_place;

/* Where a place comes from. */
enum { TD_PS_ISO = 1, TD_PS_GEONAMES, TD_PS_OURS };

typedef struct td_gazetteer {
  td_arena arena;
  TD_VEC(td_place) places;
  td_strmap *locatives; /* folded words that put a place after them: in, near */
} td_gazetteer;

const char *td_feature_name(int feature);

/* Loads the subdivisions, the cities and data/places.txt into g, and their
 * names into lx. */
bool td_gazetteer_load(td_gazetteer *g, const td_countries *c, td_lexicon *lx,
                       const char *data_dir, td_diag *err);
void td_gazetteer_free(td_gazetteer *g);
/* Checks a user's copy of places.txt, reporting each bad record. */
long td_gazetteer_check(const char *path, const td_countries *c,
                        td_lexicon *lx, td_report_fn fn, void *ud,
                        td_diag *err);

#endif
