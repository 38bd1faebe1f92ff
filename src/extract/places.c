/*
 * places.c — the `places` layer. From the lexicon's matches it takes
 * country names and place names, longest first, and decides for each
 * ambiguous or doubtful name whether and which place is meant:
 *
 *   - countries and our own places (data/places.txt) are taken as they are;
 *   - the dateline's place is a place: in the dateline's country if it
 *     names one, else the largest of that name;
 *   - a name followed by ", SUBDIVISION" or ", COUNTRY" of one candidate is
 *     that candidate;
 *   - otherwise a candidate in a country the story names (a country name
 *     or adjective, the dateline, one of our places) wins, the largest
 *     first;
 *   - otherwise a city of a million people, or of 100,000 after a locative
 *     word (in, near, from ...), or a subdivision whose name has several
 *     words ("New Jersey": not the island of Jersey);
 *   - anything else is left out: "Police said" is not the Polish town,
 *     and the story's own agency ("Sevan News") is no place;
 *   - a name inside a person's name ("Hillary Clinton", "Mrs. Clinton",
 *     "Foreign Minister Ararat Mirzoyan") is no place, nor is that word
 *     elsewhere in the story.
 */
#include "places.h"

#include <math.h>
#include <stdio.h>

static const char *const td_why_names[] = {
    NULL,      "country", "curated", "dateline", "context",
    "story",   "locative", "large",   "name"};

/* The layer's data: td_places first (what td_doc_layer gives readers),
 * then what the writer needs to name the places. */
typedef struct td_places_out {
  td_places p;
  td_geo geo;
} td_places_out;

static void td_places_write(const td_doc *doc, const void *data, td_jw *w) {
  const td_places_out *O = data;
  const td_places *P = &O->p;
  const td_gazetteer *g = O->geo.g;
  const td_countries *c = O->geo.c;
  td_jw_arr(w);
  for (size_t i = 0; i < P->v.n; i++) {
    const td_placeref *r = &P->v.v[i];
    const td_place *pl = r->place >= 0 ? &g->places.v[r->place] : NULL;
    const td_country *ct = r->country >= 0 ? &c->v.v[r->country] : NULL;
    char id[24];
    snprintf(id, sizeof(id), "p%zu", i + 1);
    td_jw_obj(w);
    td_jw_key(w, "id");
    td_jw_cstr(w, id);
    td_jw_key(w, "start");
    td_jw_int(w, r->span.start);
    td_jw_key(w, "end");
    td_jw_int(w, r->span.end);
    td_jw_key(w, "text");
    td_jw_str(w, doc->text + r->span.start, r->span.end - r->span.start);
    td_jw_key(w, "name");
    td_jw_cstr(w, pl ? pl->name : ct ? ct->name : NULL);
    td_jw_key(w, "country");
    td_jw_cstr(w, ct ? ct->alpha3 : NULL);
    td_jw_key(w, "admin1");
    td_jw_cstr(w, pl ? pl->admin1 : NULL);
    td_jw_key(w, "lat");
    td_jw_double(w, pl ? pl->lat : NAN);
    td_jw_key(w, "lon");
    td_jw_double(w, pl ? pl->lon : NAN);
    td_jw_key(w, "feature");
    td_jw_cstr(w, pl ? td_feature_name(pl->feature)
                     : r->place == -1 && r->why == TD_PW_DATELINE ? "unknown"
                                                                  : "country");
    if (pl && pl->population) {
      td_jw_key(w, "population");
      td_jw_int(w, pl->population);
    }
    td_jw_key(w, "why");
    td_jw_cstr(w, td_why_names[r->why]);
    if (r->dateline) {
      td_jw_key(w, "dateline");
      td_jw_bool(w, true);
    }
    td_jw_obj_end(w);
  }
  td_jw_arr_end(w);
}

static void td_places_out_free(void *data) {
  td_places_out *O = data;
  td_vec_free(&O->p.v);
  td_vec_free(&O->p.story);
  td_free(O);
}

/* Marks the countries the story names. */
static void td_story_countries(const td_doc *doc, const td_geo *geo,
                               const td_lx_matches *M, td_places *P) {
  const td_lexicon *lx = geo->lx;
  for (size_t i = 0; i < geo->c->v.n; i++)
    td_vec_push(&P->story, 0);
  if (doc->dateline.found && doc->dateline.country_code) {
    int ci = td_country_by_code(geo->c, doc->dateline.country_code);
    if (ci >= 0)
      P->story.v[ci] = 1;
  }
  for (size_t k = 0; k < M->v.n; k++)
    for (uint32_t e = M->v.v[k].entry; e; e = td_lexicon_entry(lx, e)->next) {
      const td_lx_entry *en = td_lexicon_entry(lx, e);
      if (en->kind == TD_LX_COUNTRY || en->kind == TD_LX_ADJECTIVE)
        P->story.v[en->value] = 1;
      else if (en->kind == TD_LX_PLACE &&
               geo->g->places.v[en->value].source == TD_PS_OURS)
        P->story.v[geo->g->places.v[en->value].country] = 1;
    }
}

static bool td_word_is(const td_doc *doc, uint32_t t, const char *w) {
  const td_token *tok = &doc->tokens.v[t];
  size_t n = strlen(w);
  if (tok->end - tok->start != n)
    return false;
  for (size_t i = 0; i < n; i++) {
    char c = doc->text[tok->start + i];
    if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != w[i])
      return false;
  }
  return true;
}

static bool td_after_locative(const td_doc *doc, const td_geo *geo,
                              uint32_t first) {
  if (first == 0)
    return false;
  uint32_t t = first - 1;
  if (td_word_is(doc, t, "the") && t > 0)
    t--;
  const td_token *tok = &doc->tokens.v[t];
  char f[32];
  size_t n = tok->end - tok->start;
  if (n >= sizeof(f))
    return false;
  for (size_t i = 0; i < n; i++) {
    char c = doc->text[tok->start + i];
    f[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return td_strmap_get(geo->g->locatives, f, n, NULL);
}

/* Does ", NAME" after the match name candidate p's subdivision or
 * country? */
static bool td_context_fits(const td_doc *doc, const td_geo *geo,
                            const td_lx_matches *M, size_t at, uint32_t end,
                            const td_place *p) {
  if (end + 1 >= doc->tokens.n || !td_word_is(doc, end, ","))
    return false;
  size_t k = at;
  const td_lx_match *m = td_lx_longest(geo->lx, M, &k, end + 1,
                                       1u << TD_LX_COUNTRY | 1u << TD_LX_PLACE);
  if (!m)
    return false;
  for (uint32_t e = m->entry; e; e = td_lexicon_entry(geo->lx, e)->next) {
    const td_lx_entry *en = td_lexicon_entry(geo->lx, e);
    if (en->kind == TD_LX_COUNTRY && en->value == p->country)
      return true;
    if (en->kind == TD_LX_PLACE) {
      const td_place *q = &geo->g->places.v[en->value];
      if (q->feature == TD_PF_SUBDIVISION && q->country == p->country &&
          p->admin1 && q->admin1 && !strcmp(p->admin1, q->admin1))
        return true;
    }
  }
  return false;
}

/* The lexicon match ending right before token t of one of kinds, if
 * any (at: the index of the first match at or after t). */
static bool td_match_before(const td_geo *geo, const td_lx_matches *M,
                            size_t at, uint32_t t, uint32_t kinds) {
  for (size_t k = at; k-- > 0 && M->v.v[k].first + 8 > t;)
    if (M->v.v[k].end == t && (!kinds || td_lx_first(geo->lx, &M->v.v[k],
                                                     kinds)))
      return true;
  return false;
}

/* The sentence holding token t, or NULL. */
static const td_sentence *td_sentence_at(const td_doc *doc, uint32_t t) {
  size_t lo = 0, hi = doc->sentences.n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (doc->sentences.v[mid].tok_end <= t)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < doc->sentences.n && doc->sentences.v[lo].tok_first <= t
             ? &doc->sentences.v[lo]
             : NULL;
}

/* Are most words of the sentence around token t capitalised (a headline
 * in title case, where capitals say nothing)? */
static bool td_title_case(const td_doc *doc, uint32_t t) {
  const td_sentence *s = td_sentence_at(doc, t);
  if (!s)
    return false;
  unsigned words = 0, caps = 0;
  for (uint32_t k = s->tok_first; k < s->tok_end; k++)
    if (doc->tokens.v[k].kind == TD_TOK_WORD) {
      words++;
      caps += (doc->tokens.v[k].flags & TD_TF_CAP) != 0;
    }
  return caps * 10 > words * 6;
}

/* Is the place name at tokens [t, end) part of a person's name?
 *   - a role or honorific before it and a capitalised word after it
 *     ("Foreign Minister Ararat Mirzoyan": not the mountain);
 *   - an honorific right before it ("Mrs. Clinton");
 *   - a capitalised word no dictionary knows right before it, inside a
 *     sentence that is not in title case ("Hillary Clinton"). */
static bool td_in_person_name(const td_doc *doc, const td_geo *geo,
                              const td_lx_matches *M, size_t at, uint32_t t,
                              uint32_t end) {
  if (t == 0)
    return false;
  if (td_match_before(geo, M, at, t, 1u << TD_LX_HONORIFIC))
    return true;
  if (end < doc->tokens.n && (doc->tokens.v[end].flags & TD_TF_CAP) &&
      doc->tokens.v[end].kind == TD_TOK_WORD &&
      td_match_before(geo, M, at, t, 1u << TD_LX_ROLE))
    return true;
  const td_token *p = &doc->tokens.v[t - 1];
  if (p->kind != TD_TOK_WORD || !(p->flags & TD_TF_CAP) ||
      (p->flags & (TD_TF_UPPER | TD_TF_STOP)) || p->end == p->start + 1)
    return false;
  const td_sentence *st = td_sentence_at(doc, t - 1);
  if (!st || st->tok_first == t - 1)
    return false; /* the sentence's first word: "Visit Baku" */
  if (td_match_before(geo, M, at, t, 0))
    return false;
  /* a word of a longer dictionary phrase starting before ("New") */
  for (size_t k = at; k-- > 0 && M->v.v[k].first + 8 > t;)
    if (M->v.v[k].first < t && M->v.v[k].end > t)
      return false;
  return !td_title_case(doc, t);
}

/* The subdivision of country c among the entries of match m, or -1. */
static int32_t td_subdivision_of(const td_geo *geo, const td_lx_match *m,
                                 int c) {
  for (uint32_t e = m->entry; e; e = td_lexicon_entry(geo->lx, e)->next) {
    const td_lx_entry *en = td_lexicon_entry(geo->lx, e);
    if (en->kind == TD_LX_PLACE &&
        geo->g->places.v[en->value].feature == TD_PF_SUBDIVISION &&
        geo->g->places.v[en->value].country == c)
      return (int32_t)en->value;
  }
  return -1;
}

/* The best candidate of match m, or -1 (and why). */
static int32_t td_choose(const td_doc *doc, const td_geo *geo,
                         const td_lx_matches *M, size_t at,
                         const td_lx_match *m, const td_places *P,
                         bool in_dateline, int dl_country, uint8_t *why) {
  const td_lexicon *lx = geo->lx;
  const td_gazetteer *g = geo->g;
  int32_t best = -1;
  int best_rank = 0;
  bool loc = td_after_locative(doc, geo, m->first);
  for (uint32_t e = m->entry; e; e = td_lexicon_entry(lx, e)->next) {
    const td_lx_entry *en = td_lexicon_entry(lx, e);
    if (en->kind != TD_LX_PLACE)
      continue;
    const td_place *p = &g->places.v[en->value];
    int rank = 0; /* higher wins; then population */
    uint8_t w = 0;
    if (in_dateline && (dl_country < 0 || p->country == dl_country))
      rank = 60, w = TD_PW_DATELINE;
    else if (td_context_fits(doc, geo, M, at, m->end, p))
      rank = 50, w = TD_PW_CONTEXT;
    else if (p->source == TD_PS_OURS)
      rank = 45, w = TD_PW_CURATED;
    else if (P->story.v[p->country])
      rank = 40, w = TD_PW_STORY;
    else if (p->source == TD_PS_GEONAMES && p->population >= 1000000)
      rank = 20, w = TD_PW_LARGE;
    else if (p->source == TD_PS_GEONAMES && loc && p->population >= 100000)
      rank = 10, w = TD_PW_LOCATIVE;
    else if (p->feature == TD_PF_SUBDIVISION && p->source == TD_PS_ISO &&
             m->end - m->first >= 2)
      rank = 8, w = TD_PW_NAME;
    else if (in_dateline)
      rank = 5, w = TD_PW_DATELINE;
    if (!rank)
      continue;
    if (best < 0 || rank > best_rank ||
        (rank == best_rank && p->population > g->places.v[best].population)) {
      best = (int32_t)en->value;
      best_rank = rank;
      *why = w;
    }
  }
  return best;
}

const td_places *td_places_run(td_doc *doc, const td_geo *geo) {
  const td_places_out *have = td_doc_layer(doc, "places");
  if (have)
    return &have->p;
  const td_lx_matches *M = td_doc_layer(doc, "lexicon");
  td_places_out *O = td_calloc(1, sizeof(*O));
  O->geo = *geo;
  td_places *P = &O->p;
  if (!M) {
    td_doc_add_layer(doc, "places", O, td_places_write, td_places_out_free);
    return P;
  }
  td_story_countries(doc, geo, M, P);
  const td_lexicon *lx = geo->lx;
  const uint32_t place_kinds = 1u << TD_LX_COUNTRY | 1u << TD_LX_PLACE;
  int dl_country = doc->dateline.found && doc->dateline.country_code
                       ? td_country_by_code(geo->c, doc->dateline.country_code)
                       : -1;
  bool dl_done = !doc->dateline.found;
  size_t at = 0;
  /* after "Atlanta, " placed by its context: the token of the context and
   * the country it placed it in ("Georgia" is then the state) */
  uint32_t ctx_tok = UINT32_MAX;
  int ctx_country = -1;
  /* words found as surnames: not places elsewhere in the story either */
  TD_VEC(uint32_t) surnames = {0};
  for (uint32_t i = 0; i < doc->tokens.n;) {
    size_t k = at;
    const td_lx_match *m = td_lx_longest(lx, M, &k, i, place_kinds);
    at = k;
    if (!m) {
      i++;
      continue;
    }
    /* A longer name of something else ("New York Times") is not a place. */
    const td_lx_match *any = td_lx_longest(lx, M, &k, i, ~0u);
    if (any && any->end > m->end && !td_lx_first(lx, any, place_kinds)) {
      i = any->end;
      continue;
    }
    /* The story's own agency is not a place ("(Sevan News)"). */
    size_t at_byte = doc->tokens.v[m->first].start;
    size_t srcn = doc->source ? strlen(doc->source) : 0;
    if (srcn > doc->tokens.v[m->end - 1].end - at_byte &&
        at_byte + srcn <= doc->len &&
        !memcmp(doc->text + at_byte, doc->source, srcn)) {
      while (i < doc->tokens.n && doc->tokens.v[i].start < at_byte + srcn)
        i++;
      continue;
    }
    td_placeref r;
    memset(&r, 0, sizeof(r));
    r.tok_first = m->first;
    r.tok_end = m->end;
    r.span.start = doc->tokens.v[m->first].start;
    r.span.end = doc->tokens.v[m->end - 1].end;
    r.place = -1;
    r.country = -1;
    bool in_dl = doc->dateline.found &&
                 r.span.start >= doc->dateline.place.start &&
                 r.span.end <= doc->dateline.place.end;
    r.dateline = in_dl;
    const td_lx_entry *ce = td_lx_first(lx, m, 1u << TD_LX_COUNTRY);
    uint8_t why = 0;
    int32_t pick = td_choose(doc, geo, M, at, m, P, in_dl, dl_country, &why);
    int32_t sub = m->first == ctx_tok
                      ? td_subdivision_of(geo, m, ctx_country)
                      : -1;
    if (sub >= 0) {
      pick = sub;
      why = TD_PW_CONTEXT;
      ce = NULL;
    } else if (!ce && !in_dl && why != TD_PW_CURATED &&
               why != TD_PW_CONTEXT) {
      bool name = td_in_person_name(doc, geo, M, at, m->first, m->end);
      uint32_t form = M->forms[m->end - 1];
      for (size_t q = 0; q < surnames.n && !name; q++)
        name = surnames.v[q] == form;
      if (name) {
        if (form && surnames.n < 64)
          td_vec_push(&surnames, form);
        i = m->end;
        continue;
      }
    }
    if (pick >= 0 && why == TD_PW_CONTEXT && sub < 0) {
      ctx_tok = m->end + 1;
      ctx_country = geo->g->places.v[pick].country;
    }
    if (ce && !(pick >= 0 && (why == TD_PW_DATELINE || why == TD_PW_CONTEXT) &&
                !in_dl)) {
      /* A country's name is the country ("Georgia", unless the story is
       * about the American state and says so). */
      r.country = (int32_t)ce->value;
      r.why = TD_PW_COUNTRY;
    } else if (pick >= 0) {
      r.place = pick;
      r.country = geo->g->places.v[pick].country;
      r.why = why;
    } else {
      i = m->end;
      continue;
    }
    if (in_dl)
      dl_done = true;
    td_vec_push(&P->v, r);
    i = m->end;
  }
  /* A dateline place the gazetteer does not know still places the story. */
  if (!dl_done && doc->dateline.place.end > doc->dateline.place.start) {
    td_placeref r;
    memset(&r, 0, sizeof(r));
    r.span = doc->dateline.place;
    r.place = -1;
    r.country = dl_country;
    r.why = TD_PW_DATELINE;
    r.dateline = true;
    for (uint32_t t = 0; t < doc->tokens.n; t++)
      if (doc->tokens.v[t].start >= r.span.start && !r.tok_end) {
        r.tok_first = t;
        r.tok_end = t + 1;
      } else if (r.tok_end && doc->tokens.v[t].end <= r.span.end) {
        r.tok_end = t + 1;
      }
    /* keep the layer in text order */
    size_t pos = 0;
    while (pos < P->v.n && P->v.v[pos].span.start < r.span.start)
      pos++;
    td_vec_push(&P->v, r);
    memmove(P->v.v + pos + 1, P->v.v + pos,
            (P->v.n - 1 - pos) * sizeof(td_placeref));
    P->v.v[pos] = r;
  }
  td_vec_free(&surnames);
  td_doc_add_layer(doc, "places", O, td_places_write, td_places_out_free);
  return P;
}

size_t td_doc_nplaces(const td_doc *doc) {
  const td_places_out *O = td_doc_layer(doc, "places");
  return O ? O->p.v.n : 0;
}

bool td_doc_place(const td_doc *doc, size_t i, td_place_info *out) {
  const td_places_out *O = td_doc_layer(doc, "places");
  if (!O || i >= O->p.v.n)
    return false;
  const td_placeref *r = &O->p.v.v[i];
  const td_place *pl = r->place >= 0 ? &O->geo.g->places.v[r->place] : NULL;
  const td_country *ct = r->country >= 0 ? &O->geo.c->v.v[r->country] : NULL;
  memset(out, 0, sizeof(*out));
  out->span = r->span;
  out->name = pl ? pl->name : ct ? ct->name : NULL;
  out->country = ct ? ct->alpha3 : NULL;
  out->admin1 = pl ? pl->admin1 : NULL;
  out->feature = pl ? td_feature_name(pl->feature) : "country";
  out->why = td_why_names[r->why];
  out->lat = pl ? pl->lat : NAN;
  out->lon = pl ? pl->lon : NAN;
  out->dateline = r->dateline;
  return true;
}
