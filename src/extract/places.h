/*
 * places.h — the `places` layer: countries, subdivisions, cities, regions
 * and towns the text names, each placed in a country with coordinates when
 * the gazetteer has them. Ambiguous names are resolved by the countries
 * the story is about.
 */
#ifndef TD_PLACES_H
#define TD_PLACES_H

#include "../lex/gazetteer.h"

/* Why a place was taken to be meant. */
enum {
  TD_PW_COUNTRY = 1, /* a country's name                            */
  TD_PW_CURATED,     /* a name of data/places.txt                   */
  TD_PW_DATELINE,    /* the dateline's place                        */
  TD_PW_CONTEXT,     /* followed by its subdivision or country      */
  TD_PW_STORY,       /* in a country the story names                */
  TD_PW_LOCATIVE,    /* after "in", "near" ... and a large city     */
  TD_PW_LARGE,       /* a city of a million people or more          */
  TD_PW_NAME         /* a subdivision's name of several words        */
};

typedef struct td_placeref {
  td_span span;
  uint32_t tok_first, tok_end;
  int32_t place;   /* index into the gazetteer, -1 for a country alone */
  int32_t country; /* index into the countries, -1 if unknown          */
  uint8_t why;     /* TD_PW_*                                          */
  bool dateline;   /* the dateline's place                             */
} td_placeref;

typedef struct td_places {
  TD_VEC(td_placeref) v;
  TD_VEC(uint8_t) story; /* per country: 1 if the story names it */
} td_places;

typedef struct td_geo {
  const td_lexicon *lx;
  const td_gazetteer *g;
  const td_countries *c;
} td_geo;

/* Needs the `lexicon` layer (td_lexicon_run). Adds the `places` layer. */
const td_places *td_places_run(td_doc *doc, const td_geo *geo);

#endif
