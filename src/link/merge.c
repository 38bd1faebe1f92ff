/*
 * merge.c — canonical events: the event mentions of a story, in one
 * document or across documents, that report one real-world event become
 * one record. Two mentions merge when their types agree (the same CAMEO
 * root), their actors do not contradict each other, and their dates are
 * compatible (granularity-aware) or a few days apart (then the record
 * carries a date conflict). Negated and hypothetical mentions report no
 * event and are left out; a planned event (decided, scheduled) stays apart
 * from the event that happened. Each record counts its sources (agencies) and
 * articles (documents), as GDELT's NumSources and NumArticles.
 */
#include "link.h"

#include <stdlib.h>

/* Canonical events of the same root a mention is compared with (among at
 * most eight times as many of any root, the most recent). */
#define TD_LK_LOOKBACK 48
/* Mentions of a canonical event a new mention is compared with: the first
 * and the last ones. */
#define TD_LK_MENTIONS 8

/* Dates further apart than this are different events, not a conflict. */
#define TD_LK_CONFLICT_DAYS 3

const char *td_lk_agency(const td_digest *d) {
  return d->source && *d->source ? d->source : d->id ? d->id : "";
}

/* Two actor codes name the same actor: the same country (or group) part,
 * and the same sector when both have one. */
static bool td_code_match(const char *a, const char *b) {
  if (!a || !b)
    return false;
  size_t na = strlen(a), nb = strlen(b);
  if (na < 3 || nb < 3 || memcmp(a, b, 3))
    return false;
  if (!strncmp(a, "---", 3))
    return na == nb && !strcmp(a, b);
  return na == 3 || nb == 3 || !strcmp(a + 3, b + 3) ||
         !strncmp(a + 3, b + 3, 3);
}

/* 1 when the sides share an actor, 0 when one side names none, -1 when
 * both name actors and none is shared. */
static int td_side_match(const td_lk_actor *a, size_t na, const td_lk_actor *b,
                         size_t nb) {
  size_t ca = 0, cb = 0;
  for (size_t i = 0; i < na; i++)
    ca += a[i].code != NULL;
  for (size_t j = 0; j < nb; j++)
    cb += b[j].code != NULL;
  if (!ca || !cb)
    return 0;
  for (size_t i = 0; i < na; i++)
    for (size_t j = 0; j < nb; j++)
      if (td_code_match(a[i].code, b[j].code))
        return 1;
  return -1;
}

static bool td_dated(const td_lk_event *e) {
  return e->when.gran && e->date_from != TD_DATE_STORY;
}

/* CAMEO roots that report one kind of happening in other words: intent to
 * cooperate and formal agreement (03, 05); unconventional and conventional
 * violence (18, 19). */
static bool td_roots_akin(const char *a, const char *b) {
  static const char *pairs[][2] = {{"03", "05"}, {"18", "19"}};
  if (!a || !b)
    return false;
  for (size_t i = 0; i < TD_COUNT(pairs); i++)
    if ((!strcmp(a, pairs[i][0]) && !strcmp(b, pairs[i][1])) ||
        (!strcmp(a, pairs[i][1]) && !strcmp(b, pairs[i][0])))
      return true;
  return false;
}

/* The score of mention e joining canonical event k, or -1 if it may not. */
static int td_join_score(const td_collection *c, const td_lk_canon *k,
                         const td_lk_event *e) {
  int best = -1;
  for (size_t i = 0; i < k->m.n; i++) {
    if (i == TD_LK_MENTIONS / 2 && k->m.n > TD_LK_MENTIONS)
      i = k->m.n - TD_LK_MENTIONS / 2;
    const td_lk_event *x = td_lk_event_of(c, k->m.v[i]);
    bool same_root = x->root && e->root && !strcmp(x->root, e->root);
    if (!same_root) {
      /* roots one happening is often reported under ("agreed" and
       * "signed"; "attacked" and "shelled"), when both sources date it
       * from the text within a few days */
      if (!td_roots_akin(x->root, e->root) || !td_dated(e) || !td_dated(x) ||
          td_lk_when_gap(&e->when, &x->when) > TD_LK_CONFLICT_DAYS)
        return -1;
    }
    /* what was decided or scheduled is not what happened */
    if ((x->modality ^ e->modality) & TD_MOD_PLANNED)
      return -1;
    int s1 = td_side_match(e->src, e->nsrc, x->src, x->nsrc);
    int s2 = td_side_match(e->tgt, e->ntgt, x->tgt, x->ntgt);
    /* the reverse event: "A met B" and "B met A" */
    int r1 = td_side_match(e->src, e->nsrc, x->tgt, x->ntgt);
    int r2 = td_side_match(e->tgt, e->ntgt, x->src, x->nsrc);
    if ((s1 < 0 || s2 < 0) && !(r1 > 0 && r2 >= 0))
      return -1;
    bool actors = s1 > 0 || s2 > 0 || r1 > 0;
    int score = (s1 > 0) + (s2 > 0) + 2 * !strcmp(x->code, e->code);
    if (td_dated(e) && td_dated(x)) {
      td_lk_status st = td_lk_when_cmp(&e->when, &x->when);
      long gap = td_lk_when_gap(&e->when, &x->when);
      if (st == TD_LK_CONFLICT && gap > TD_LK_CONFLICT_DAYS)
        return -1;
      score += st == TD_LK_AGREE ? 2 : st == TD_LK_COMPATIBLE ? 1 : 0;
    } else if (e->when.gran && x->when.gran) {
      /* a date from the story alone: the same day, or the same actors */
      if (td_lk_when_gap(&e->when, &x->when) > TD_LK_CONFLICT_DAYS &&
          !(s1 > 0 && s2 > 0))
        return -1;
    }
    if (!actors && strcmp(x->code, e->code) &&
        !(td_dated(e) && td_dated(x) &&
          td_lk_when_gap(&e->when, &x->when) <= TD_LK_CONFLICT_DAYS))
      return -1; /* no actor in common: the very same code, or dates the
                    text gives that agree or are days apart */
    if (score > best)
      best = score;
  }
  return best;
}

/* The record's fields from its mentions: the code most mentions give, the
 * date most sources give, the date status over the sources. */
/* A code of a canonical event's mentions and how many give it. */
typedef struct td_code_count {
  const char *code;
  size_t n;
  const td_lk_event *e;
} td_code_count;

/* What a canonical event's sources say, one entry per agency. */
typedef struct td_agency_rep {
  const char *agency;
  const td_lk_event *dated; /* its most precise date from the text, or NULL */
} td_agency_rep;

static void td_canon_finish(td_collection *c, td_lk_canon *k) {
  /* the code most mentions give (codes are few: a short list) */
  TD_VEC(td_code_count) codes = {0};
  TD_VEC(td_agency_rep) ags = {0};
  k->narticles = 0;
  const td_lk_event *dated = NULL;
  for (size_t i = 0; i < k->m.n; i++) {
    const td_lk_event *e = td_lk_event_of(c, k->m.v[i]);
    size_t q;
    for (q = 0; q < codes.n && strcmp(codes.v[q].code, e->code); q++)
      ;
    if (q == codes.n) {
      td_code_count cc = {e->code, 0, e};
      td_vec_push(&codes, cc);
    }
    codes.v[q].n++;
    /* mentions come in story order: a document's are together */
    k->narticles += i == 0 || k->m.v[i].doc != k->m.v[i - 1].doc;
    const char *ag = td_lk_agency(c->docs.v[k->m.v[i].doc]);
    for (q = 0; q < ags.n && strcmp(ags.v[q].agency, ag); q++)
      ;
    if (q == ags.n) {
      td_agency_rep r = {ag, NULL};
      td_vec_push(&ags, r);
    }
    if (td_dated(e) &&
        (!ags.v[q].dated || e->when.gran > ags.v[q].dated->when.gran))
      ags.v[q].dated = e;
    /* the record's date: the most precise, preferring one from the text */
    if (e->when.gran &&
        (!dated || (td_dated(e) && !td_dated(dated)) ||
         (td_dated(e) == td_dated(dated) && e->when.gran > dated->when.gran)))
      dated = e;
  }
  const td_lk_event *rep = codes.v[0].e;
  size_t best = codes.v[0].n;
  for (size_t q = 1; q < codes.n; q++)
    if (codes.v[q].n > best) {
      best = codes.v[q].n;
      rep = codes.v[q].e;
    }
  k->code = rep->code;
  k->root = rep->root;
  k->plover = rep->plover;
  k->mode = rep->mode;
  k->quad = rep->quad;
  k->goldstein = rep->goldstein;
  k->nsources = (uint32_t)ags.n;
  k->date = dated ? dated->date : NULL;
  if (dated)
    k->when = dated->when;
  k->dated = dated && td_dated(dated);
  /* status over the sources that date it from the text */
  k->date_status = TD_LK_SINGLE;
  for (size_t a = 0; a < ags.n; a++)
    for (size_t b = a + 1; b < ags.n; b++) {
      if (!ags.v[a].dated || !ags.v[b].dated)
        continue;
      td_lk_status st =
          td_lk_when_cmp(&ags.v[a].dated->when, &ags.v[b].dated->when);
      if (k->date_status == TD_LK_SINGLE || st > k->date_status)
        k->date_status = (uint8_t)st;
    }
  td_vec_free(&codes);
  td_vec_free(&ags);
}

void td_lk_merge(td_collection *c) {
  for (size_t s = 0; s < c->stories.n; s++) {
    const td_lk_story *st = &c->stories.v[s];
    size_t first = c->canons.n;
    for (size_t di = 0; di < st->docs.n; di++) {
      uint32_t doc = st->docs.v[di];
      const td_digest *d = c->docs.v[doc];
      for (size_t ei = 0; ei < d->nevents; ei++) {
        const td_lk_event *e = &d->events[ei];
        if (e->modality & (TD_MOD_NEGATED | TD_MOD_HYPOTHETICAL))
          continue;
        long best = -1;
        int bests = -1;
        /* the most recent canonical events of the story with its root:
         * a bounded look-back keeps long stories linear */
        size_t seen = 0, scanned = 0;
        for (size_t k = c->canons.n;
             k > first && seen < TD_LK_LOOKBACK &&
             scanned++ < 8 * TD_LK_LOOKBACK;
             k--) {
          const td_lk_canon *ca = &c->canons.v[k - 1];
          const td_lk_event *x0 = td_lk_event_of(c, ca->m.v[0]);
          if (!x0->root || !e->root ||
              (strcmp(x0->root, e->root) && !td_roots_akin(x0->root, e->root)))
            continue;
          seen++;
          int sc = td_join_score(c, ca, e);
          if (sc > bests) {
            bests = sc;
            best = (long)(k - 1);
          }
        }
        td_lk_mention m = {doc, (uint32_t)ei};
        if (best < 0) {
          td_lk_canon k;
          memset(&k, 0, sizeof(k));
          k.story = (uint32_t)s;
          td_vec_push(&c->canons, k);
          best = (long)c->canons.n - 1;
        }
        td_vec_push(&c->canons.v[best].m, m);
        td_intmap_put(c->canon_of, ((uint64_t)doc << 32 | ei) + 1,
                      (uint32_t)best);
      }
    }
    for (size_t k = first; k < c->canons.n; k++)
      td_canon_finish(c, &c->canons.v[k]);
    c->stories.v[s].canon_first = (uint32_t)first;
    c->stories.v[s].canon_end = (uint32_t)c->canons.n;
  }
}
