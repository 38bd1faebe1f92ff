/*
 * gazetteer.c — loads the places: ISO 3166-2 subdivisions (iso-codes JSON,
 * read with jansson), the cities of libgeonames (its own compiled-in
 * table, read through its API) and data/places.txt; puts every name, and
 * the countries' names and adjectives, into the lexicon.
 */
#include "gazetteer.h"

#include "../core/data.h"

#include <geonames.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const td_features[TD_PF_NFEATURES] = {
    NULL,       "subdivision", "city",  "region",   "town",
    "village",  "district",    "river", "lake",     "sea",
    "mountain", "island",      "crossing", "site"};

const char *td_feature_name(int feature) {
  return feature > 0 && feature < TD_PF_NFEATURES ? td_features[feature]
                                                  : "country";
}

static uint32_t td_place_add(td_gazetteer *g, td_lexicon *lx, td_place p,
                             const char *phrase, size_t n) {
  uint32_t idx = (uint32_t)g->places.n;
  td_vec_push(&g->places, p);
  const char *why;
  td_lexicon_add(lx, phrase, n, 0, TD_LX_PLACE, idx, &why);
  return idx;
}

/* ---- ISO 3166-2 ------------------------------------------------------------ */

static bool td_load_subdivisions(td_gazetteer *g, const td_countries *c,
                                 td_lexicon *lx, td_diag *err) {
  char path[1024];
  json_t *arr;
  json_t *root = td_iso_codes_load("3166-2", "subdivision", path,
                                   sizeof(path), &arr, err);
  if (!root)
    return false;
  size_t i;
  json_t *e;
  json_array_foreach(arr, i, e) {
    const char *code = json_string_value(json_object_get(e, "code"));
    const char *name = json_string_value(json_object_get(e, "name"));
    const char *parent = json_string_value(json_object_get(e, "parent"));
    if (!code || !name || strlen(code) < 4 || code[2] != '-')
      continue;
    char a2[3] = {code[0], code[1], 0};
    int ci = td_country_by_code(c, a2);
    if (ci < 0)
      continue;
    td_place p;
    memset(&p, 0, sizeof(p));
    p.name = td_arena_strndup(&g->arena, name, strlen(name));
    p.admin1 = parent ? NULL : p.name;
    p.lat = p.lon = NAN;
    p.country = (uint16_t)ci;
    p.feature = TD_PF_SUBDIVISION;
    p.source = TD_PS_ISO;
    uint32_t idx = (uint32_t)g->places.n;
    td_vec_push(&g->places, p);
    /* Names with a comment in parentheses or two languages joined by a
     * slash ("Bruxelles-Capitale/Brussel-Hoofdstad"): each part is a
     * name of the one place. */
    const char *s = name;
    while (*s) {
      const char *end = s + strcspn(s, "/(");
      size_t n = (size_t)(end - s);
      while (n && s[n - 1] == ' ')
        n--;
      const char *why;
      if (n)
        td_lexicon_add(lx, s, n, 0, TD_LX_PLACE, idx, &why);
      if (*end == '(') {
        const char *close = strchr(end, ')');
        end = close ? close : end + strlen(end) - 1;
      }
      s = *end ? end + 1 : end;
      while (*s == ' ')
        s++;
    }
  }
  json_decref(root);
  return true;
}

/* ---- libgeonames ----------------------------------------------------------- */

static void td_load_cities(td_gazetteer *g, const td_countries *c,
                           td_lexicon *lx) {
  int n = geonames_get_n_cities();
  for (int i = 0; i < n; i++) {
    GeonamesCity *city = geonames_get_city(i);
    if (!city)
      continue;
    const char *name = geonames_city_get_name(city);
    const char *cc = geonames_city_get_country_code(city);
    int ci = cc ? td_country_by_code(c, cc) : -1;
    if (name && *name && ci >= 0) {
      td_place p;
      memset(&p, 0, sizeof(p));
      p.name = td_arena_strndup(&g->arena, name, strlen(name));
      const char *st = geonames_city_get_state(city);
      p.admin1 = st && *st ? td_arena_strndup(&g->arena, st, strlen(st)) : NULL;
      p.lat = geonames_city_get_latitude(city);
      p.lon = geonames_city_get_longitude(city);
      p.population = geonames_city_get_population(city);
      p.country = (uint16_t)ci;
      p.feature = TD_PF_CITY;
      p.source = TD_PS_GEONAMES;
      td_place_add(g, lx, p, name, strlen(name));
    }
    geonames_city_free(city);
  }
}

/* ---- places.txt ------------------------------------------------------------ */

typedef struct td_pload {
  td_gazetteer *g;
  const td_countries *c;
  td_lexicon *lx;
  size_t ncities; /* the cities are places[first_city, first_city + n) */
  size_t first_city;
} td_pload;

static bool td_add_aliases(td_pload *L, const td_record *rec, td_field f,
                           uint32_t idx, td_diag *err) {
  if (td_field_eq(f, "-"))
    return true;
  const char *s = f.s, *e = f.s + f.n;
  while (s < e) {
    const char *bar = memchr(s, '|', (size_t)(e - s));
    const char *pe = bar ? bar : e;
    const char *why;
    if (!td_lexicon_add(L->lx, s, (size_t)(pe - s), 0, TD_LX_PLACE, idx, &why))
      return td_record_error(rec, err, "\"%.*s\": %s", (int)(pe - s), s, why);
    s = pe + 1;
  }
  return true;
}

static bool td_parse_coord(td_field f, double lo, double hi, double *out) {
  char buf[32];
  if (f.n == 0 || f.n >= sizeof(buf))
    return false;
  memcpy(buf, f.s, f.n);
  buf[f.n] = 0;
  char *end;
  double v = strtod(buf, &end);
  if (*end || !(v >= lo && v <= hi))
    return false;
  *out = v;
  return true;
}

static bool td_place_record(void *ud, const td_record *rec, td_diag *err) {
  td_pload *L = ud;
  if (rec->n == 8 && td_field_eq(rec->f[0], "place")) {
    td_place p;
    memset(&p, 0, sizeof(p));
    char a3[4] = {0};
    if (rec->f[2].n != 3)
      return td_record_error(rec, err, "ALPHA3 must be three letters");
    memcpy(a3, rec->f[2].s, 3);
    int ci = td_country_by_code(L->c, a3);
    if (ci < 0)
      return td_record_error(rec, err, "unknown country %s", a3);
    if (!td_parse_coord(rec->f[4], -90, 90, &p.lat) ||
        !td_parse_coord(rec->f[5], -180, 180, &p.lon))
      return td_record_error(rec, err, "LAT and LON must be decimal degrees");
    int feat = 0;
    for (int k = TD_PF_CITY; k < TD_PF_NFEATURES; k++)
      if (td_field_eq(rec->f[6], td_features[k]))
        feat = k;
    if (!feat)
      return td_record_error(rec, err, "unknown FEATURE \"%.*s\"",
                             (int)rec->f[6].n, rec->f[6].s);
    if (rec->f[1].n == 0)
      return td_record_error(rec, err, "empty NAME");
    p.name = td_arena_strndup(&L->g->arena, rec->f[1].s, rec->f[1].n);
    p.admin1 = td_field_eq(rec->f[3], "-") || rec->f[3].n == 0
                   ? NULL
                   : td_arena_strndup(&L->g->arena, rec->f[3].s, rec->f[3].n);
    p.country = (uint16_t)ci;
    p.feature = (uint8_t)feat;
    p.source = TD_PS_OURS;
    uint32_t idx = td_place_add(L->g, L->lx, p, rec->f[1].s, rec->f[1].n);
    return td_add_aliases(L, rec, rec->f[7], idx, err);
  }
  if (rec->n == 4 && td_field_eq(rec->f[0], "alias")) {
    if (rec->f[2].n != 2)
      return td_record_error(rec, err, "ALPHA2 must be two letters");
    char a2[3] = {rec->f[2].s[0], rec->f[2].s[1], 0};
    int ci = td_country_by_code(L->c, a2);
    if (ci < 0)
      return td_record_error(rec, err, "unknown country %s", a2);
    long found = -1;
    for (size_t i = L->first_city; i < L->first_city + L->ncities; i++) {
      const td_place *p = &L->g->places.v[i];
      if (p->country == ci && p->source == TD_PS_GEONAMES &&
          td_field_eq(rec->f[1], p->name) &&
          (found < 0 || p->population > L->g->places.v[found].population))
        found = (long)i;
    }
    if (found < 0)
      return td_record_error(rec, err,
                             "libgeonames has no city \"%.*s\" in %s",
                             (int)rec->f[1].n, rec->f[1].s, a2);
    return td_add_aliases(L, rec, rec->f[3], (uint32_t)found, err);
  }
  if (rec->n == 2 && td_field_eq(rec->f[0], "locative")) {
    const char *s = rec->f[1].s, *e = s + rec->f[1].n;
    while (s < e) {
      const char *bar = memchr(s, '|', (size_t)(e - s));
      const char *pe = bar ? bar : e;
      if (pe > s)
        td_strmap_put(L->g->locatives, s, (size_t)(pe - s), 1);
      s = pe + 1;
    }
    return true;
  }
  return td_record_error(rec, err,
                         "expected place<TAB>NAME<TAB>ALPHA3<TAB>ADMIN1<TAB>LAT"
                         "<TAB>LON<TAB>FEATURE<TAB>ALIASES, "
                         "alias<TAB>NAME<TAB>ALPHA2<TAB>ALIASES or "
                         "locative<TAB>WORD|WORD...");
}

/* ---- All together ---------------------------------------------------------- */

static void td_countries_to_lexicon(const td_countries *c, td_lexicon *lx) {
  const char *why;
  for (size_t i = 0; i < c->names.n; i++)
    td_lexicon_add(lx, c->names.v[i].text, strlen(c->names.v[i].text), 0,
                   TD_LX_COUNTRY, c->names.v[i].country, &why);
  for (size_t i = 0; i < c->adjectives.n; i++)
    td_lexicon_add(lx, c->adjectives.v[i].text,
                   strlen(c->adjectives.v[i].text), TD_PH_INFLECT,
                   TD_LX_ADJECTIVE, c->adjectives.v[i].country, &why);
}

bool td_gazetteer_load(td_gazetteer *g, const td_countries *c, td_lexicon *lx,
                       const char *data_dir, td_diag *err) {
  memset(g, 0, sizeof(*g));
  g->locatives = td_strmap_new();
  td_countries_to_lexicon(c, lx);
  if (!td_load_subdivisions(g, c, lx, err))
    return false;
  td_pload L = {g, c, lx, 0, g->places.n};
  td_load_cities(g, c, lx);
  L.ncities = g->places.n - L.first_city;
  return td_data_each_n(data_dir, "places.txt", 8, td_place_record, &L, err);
}

void td_gazetteer_free(td_gazetteer *g) {
  td_vec_free(&g->places);
  td_strmap_free(g->locatives);
  td_arena_free(&g->arena);
  memset(g, 0, sizeof(*g));
}

long td_gazetteer_check(const char *path, const td_countries *c,
                        td_lexicon *lx, td_report_fn fn, void *ud,
                        td_diag *err) {
  td_gazetteer g;
  memset(&g, 0, sizeof(g));
  g.locatives = td_strmap_new();
  td_pload L = {&g, c, lx, 0, 0};
  td_load_cities(&g, c, lx);
  L.ncities = g.places.n;
  long n = td_data_check(path, 8, td_place_record, &L, fn, ud, err);
  td_gazetteer_free(&g);
  return n;
}
