/*
 * compare.c — the facts of a story compared across its sources. Facts of
 * one kind from documents of different agencies are aligned when they say
 * something about the same thing: a count of the same class of things
 * (and country) in similar words, a duration or a date in similar words, a
 * place named where the other source names one in similar words, a person
 * whose names match or differ only in spelling, a quotation of the same
 * speaker in similar words. Each aligned group gets a status (agree,
 * compatible, conflict); a fact no other source gives is single. The dates
 * of canonical events reported by several sources are compared too, and
 * framing (the words one source alone uses for an event others report) and
 * derived checks (a term from a start date ends when the story says
 * something ends) are listed.
 */
#include "link.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* Context similarity: the Dice coefficient of the words around two facts. */
static double td_ctx_sim(const td_lk_fact *a, const td_lk_fact *b) {
  size_t i = 0, j = 0, common = 0;
  while (i < a->nctx && j < b->nctx) {
    if (a->ctx[i] < b->ctx[j])
      i++;
    else if (a->ctx[i] > b->ctx[j])
      j++;
    else {
      common++;
      i++;
      j++;
    }
  }
  size_t m = (size_t)a->nctx + b->nctx;
  return m ? 2.0 * (double)common / (double)m : 0;
}

/* Relative difference two values may have when one is approximate. */
#define TD_LK_APPROX 0.10

/* How two counts or durations compare, with bounds ("more than 2 years"). */
static td_lk_status td_value_cmp(const td_lk_fact *a, const td_lk_fact *b) {
  double x = a->value, y = b->value;
  if (a->bound == TD_LK_EXACT && b->bound == TD_LK_EXACT)
    return fabs(x - y) <= 1e-9 * fmax(1, fabs(x)) ? TD_LK_AGREE
                                                  : TD_LK_CONFLICT;
  if (a->bound == b->bound && fabs(x - y) <= 1e-9 * fmax(1, fabs(x)))
    return TD_LK_AGREE;
  /* a bound holds the other value, or an approximation is near it */
  const td_lk_fact *f[2] = {a, b};
  for (int k = 0; k < 2; k++) {
    const td_lk_fact *p = f[k], *q = f[1 - k];
    if (p->bound == TD_LK_MORE && q->bound != TD_LK_LESS && q->value > p->value)
      return TD_LK_COMPATIBLE;
    if (p->bound == TD_LK_LESS && q->bound != TD_LK_MORE && q->value < p->value)
      return TD_LK_COMPATIBLE;
  }
  double tol = TD_LK_APPROX * fmax(fabs(x), fabs(y));
  if ((a->bound == TD_LK_ABOUT || b->bound == TD_LK_ABOUT) &&
      fabs(x - y) <= tol)
    return TD_LK_COMPATIBLE;
  return TD_LK_CONFLICT;
}

/* Edit distance of two short strings (names), capped. */
static size_t td_edit(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  if (na > 63 || nb > 63)
    return 99;
  size_t row[64];
  for (size_t j = 0; j <= nb; j++)
    row[j] = j;
  for (size_t i = 1; i <= na; i++) {
    size_t prev = row[0];
    row[0] = i;
    for (size_t j = 1; j <= nb; j++) {
      size_t cur = row[j];
      size_t sub = prev + (a[i - 1] != b[j - 1]);
      size_t del = row[j] + 1, ins = row[j - 1] + 1;
      row[j] = TD_MIN(sub, TD_MIN(del, ins));
      prev = cur;
    }
  }
  return row[nb];
}

/* The last word of a folded name. */
static const char *td_surname(const char *key) {
  const char *s = strrchr(key, ' ');
  return s ? s + 1 : key;
}

/* Names: 1 the same person, same spelling (or a surname alone); 2 the same
 * person spelt differently; 0 not the same person. */
static int td_name_match(const char *a, const char *b) {
  if (!strcmp(a, b))
    return 1;
  const char *sa = td_surname(a), *sb = td_surname(b);
  bool one_word = !strchr(a, ' ') || !strchr(b, ' ');
  if (!strcmp(sa, sb))
    return 1; /* "Osmonaliev" and "Talant Osmonaliev"; first names differ
                 rarely within a story */
  size_t la = strlen(sa), lb = strlen(sb);
  size_t d = td_edit(sa, sb);
  size_t lim = TD_MAX(la, lb) >= 8 ? 2 : 1;
  if (d > lim || TD_MIN(la, lb) < 4)
    return 0;
  if (one_word)
    return 2;
  /* full names: the first names must match closely too */
  char fa[64], fb[64];
  snprintf(fa, sizeof(fa), "%.*s", (int)(sa - a), a);
  snprintf(fb, sizeof(fb), "%.*s", (int)(sb - b), b);
  return td_edit(fa, fb) <= 2 ? 2 : 0;
}

typedef struct td_ref {
  uint32_t doc, fact;
  uint32_t pos; /* the document's place in its story */
} td_ref;

/* Is fact k the only one of its kind and key in its document? */
static bool td_unique(const td_collection *c, uint32_t doc, uint32_t k) {
  const td_digest *d = c->docs.v[doc];
  for (size_t o = 0; o < d->nfacts; o++)
    if (o != k && d->facts[o].kind == d->facts[k].kind &&
        !strcmp(d->facts[o].key, d->facts[k].key))
      return false;
  return true;
}

/* Documents of a story before and after one that its facts are compared
 * with. */
#define TD_LK_NEIGHBOURS 12

typedef struct td_pair {
  double score;
  uint32_t a, b; /* indexes into the story's facts of one kind */
} td_pair;

static int td_pair_cmp(const void *x, const void *y) {
  double a = ((const td_pair *)x)->score, b = ((const td_pair *)y)->score;
  return a < b ? 1 : a > b ? -1 : 0;
}

static bool td_has_digit(const char *s) {
  for (; s && *s; s++)
    if (*s >= '0' && *s <= '9')
      return true;
  return false;
}

/* How well facts a and b align (0: they do not); unique: each is the only
 * one of its key in its document. */
static double td_align(const td_lk_fact *a, const td_lk_fact *b,
                       bool unique) {
  double cs = td_ctx_sim(a, b);
  switch ((td_lk_kind)a->kind) {
  case TD_LK_COUNT:
    if (!a->key || !b->key || strcmp(a->key, b->key))
      return 0;
    if (!strncmp(a->key, "/", 1))
      return cs >= 0.5 ? cs : 0; /* counting nothing named: words decide */
    /* the only count of, say, Tajik citizens in each story is one count */
    if (unique && a->key[strlen(a->key) - 1] != '/')
      return 0.5 + cs;
    return cs >= 0.3 ? 0.5 + cs : 0;
  case TD_LK_DURATION:
    /* durations of other orders of magnitude ("two hours", "30 days")
     * measure other things */
    if (a->value > 10 * b->value || b->value > 10 * a->value)
      return 0;
    return cs >= 0.3 ? cs : 0;
  case TD_LK_DATE:
    /* the same words around, or fewer words and dates that agree or are a
     * few days apart (two reports of one day, "Sept. 26" and "September
     * 27", written out: "Monday" and "Tuesday" are the days of a story);
     * far-apart dates in loosely similar words are other things */
    if (cs >= 0.35)
      return cs;
    return cs >= 0.15 && td_has_digit(a->text) && td_has_digit(b->text) &&
                   td_lk_when_gap(&a->when, &b->when) <= 3
               ? cs
               : 0;
  case TD_LK_PLACE:
    if (!strcmp(a->key, b->key))
      return 1 + cs;
    if (a->extra && b->extra && strcmp(a->extra, b->extra))
      return 0; /* other countries: other places, not a disagreement */
    return cs >= 0.5 ? cs : 0;
  case TD_LK_NAME: {
    size_t la = strlen(td_surname(a->key)), lb = strlen(td_surname(b->key));
    if (la > lb + 2 || lb > la + 2)
      return 0; /* surnames that differ in length by more than two letters */
    int m = td_name_match(a->key, b->key);
    return m == 1 ? 2 : m == 2 ? 1 : 0;
  }
  case TD_LK_QUOTE:
    if (a->key[0] && b->key[0] && td_name_match(a->key, b->key) == 0)
      return 0;
    return cs >= 0.4 ? cs : 0;
  default:
    return 0;
  }
}

static td_lk_status td_group_status(const td_lk_fact *a, const td_lk_fact *b) {
  switch ((td_lk_kind)a->kind) {
  case TD_LK_COUNT:
  case TD_LK_DURATION:
    return td_value_cmp(a, b);
  case TD_LK_DATE:
    return td_lk_when_cmp(&a->when, &b->when);
  case TD_LK_PLACE:
    return !strcmp(a->key, b->key) ? TD_LK_AGREE : TD_LK_CONFLICT;
  case TD_LK_NAME:
    return td_name_match(a->key, b->key) == 1 ? TD_LK_AGREE : TD_LK_CONFLICT;
  case TD_LK_QUOTE:
    return td_ctx_sim(a, b) >= 0.9 ? TD_LK_AGREE : TD_LK_COMPATIBLE;
  default:
    return TD_LK_SINGLE;
  }
}

static const td_lk_fact *td_fact(const td_collection *c, td_ref r) {
  return &c->docs.v[r.doc]->facts[r.fact];
}

/* Is fact f the date of an event that several sources report? Then it is
 * compared as that canonical event's date, not a second time. */
static bool td_fact_is_event_date(const td_collection *c, td_ref r) {
  const td_digest *d = c->docs.v[r.doc];
  const td_lk_fact *f = &d->facts[r.fact];
  if (f->kind != TD_LK_DATE)
    return false;
  for (size_t i = 0; i < d->nevents; i++) {
    uint32_t k;
    if (d->events[i].date_span.start == f->start &&
        d->events[i].date_span.end == f->end && f->end > f->start &&
        td_intmap_get(c->canon_of, ((uint64_t)r.doc << 32 | i) + 1, &k) &&
        c->canons.v[k].nsources > 1)
      return true;
  }
  return false;
}

static void td_compare_kind(td_collection *c, uint32_t story, td_lk_kind kind) {
  const td_lk_story *st = &c->stories.v[story];
  TD_VEC(td_ref) facts = {0};
  for (size_t i = 0; i < st->docs.n; i++) {
    const td_digest *d = c->docs.v[st->docs.v[i]];
    for (size_t k = 0; k < d->nfacts; k++)
      if (d->facts[k].kind == kind) {
        td_ref r = {st->docs.v[i], (uint32_t)k, (uint32_t)i};
        if (!td_fact_is_event_date(c, r))
          td_vec_push(&facts, r);
      }
  }
  size_t n = facts.n;
  TD_VEC(td_pair) pairs = {0};
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      /* in a long story each document is compared with its neighbours in
       * input order, so the work stays linear in the story's length */
      if (facts.v[j].pos - facts.v[i].pos > TD_LK_NEIGHBOURS)
        break;
      const td_digest *da = c->docs.v[facts.v[i].doc],
                      *db = c->docs.v[facts.v[j].doc];
      if (da->agency == db->agency)
        continue;
      const td_lk_fact *fi = td_fact(c, facts.v[i]),
                       *fj = td_fact(c, facts.v[j]);
      double s = td_align(fi, fj,
                          kind == TD_LK_COUNT &&
                              td_unique(c, facts.v[i].doc, facts.v[i].fact) &&
                              td_unique(c, facts.v[j].doc, facts.v[j].fact));
      if (s > 0) {
        td_pair p = {s, (uint32_t)i, (uint32_t)j};
        td_vec_push(&pairs, p);
      }
    }
  if (pairs.n)
    qsort(pairs.v, pairs.n, sizeof(*pairs.v), td_pair_cmp);
  /* groups: the best pairs first, one fact per agency in a group */
  int32_t *group = td_calloc(n ? n : 1, sizeof(int32_t));
  for (size_t i = 0; i < n; i++)
    group[i] = -1;
  TD_VEC(td_lk_cmp *) made = {0};
  size_t first_cmp = c->cmps.n;
  for (size_t p = 0; p < pairs.n; p++) {
    uint32_t a = pairs.v[p].a, b = pairs.v[p].b;
    if (group[a] >= 0 && group[b] >= 0)
      continue;
    if (group[a] < 0 && group[b] < 0) {
      td_lk_cmp cm;
      memset(&cm, 0, sizeof(cm));
      cm.kind = (uint8_t)kind;
      cm.story = story;
      cm.canon = -1;
      td_lk_value va = {facts.v[a].doc, facts.v[a].fact, TD_LK_V_FACT};
      td_lk_value vb = {facts.v[b].doc, facts.v[b].fact, TD_LK_V_FACT};
      td_vec_push(&cm.v, va);
      td_vec_push(&cm.v, vb);
      td_vec_push(&c->cmps, cm);
      group[a] = group[b] = (int32_t)(c->cmps.n - 1);
      continue;
    }
    uint32_t in = group[a] >= 0 ? a : b, out = group[a] >= 0 ? b : a;
    td_lk_cmp *cm = &c->cmps.v[group[in]];
    /* one value per agency, and aligned with every member */
    uint32_t ag = c->docs.v[facts.v[out].doc]->agency;
    bool ok = true;
    for (size_t k = 0; k < cm->v.n && ok; k++) {
      const td_digest *dk = c->docs.v[cm->v.v[k].doc];
      td_ref rk = {cm->v.v[k].doc, cm->v.v[k].fact, 0};
      ok = dk->agency != ag &&
           td_align(td_fact(c, rk), td_fact(c, facts.v[out]),
                    kind == TD_LK_COUNT && td_unique(c, rk.doc, rk.fact) &&
                        td_unique(c, facts.v[out].doc, facts.v[out].fact)) >
               0;
    }
    if (!ok)
      continue;
    td_lk_value v = {facts.v[out].doc, facts.v[out].fact, TD_LK_V_FACT};
    td_vec_push(&cm->v, v);
    group[out] = group[in];
  }
  (void)made;
  /* the status of each group: the worst of its pairs */
  for (size_t g = first_cmp; g < c->cmps.n; g++) {
    td_lk_cmp *cm = &c->cmps.v[g];
    uint8_t worst = TD_LK_AGREE;
    for (size_t i = 0; i < cm->v.n; i++)
      for (size_t j = i + 1; j < cm->v.n; j++) {
        td_ref ri = {cm->v.v[i].doc, cm->v.v[i].fact, 0};
        td_ref rj = {cm->v.v[j].doc, cm->v.v[j].fact, 0};
        td_lk_status s = td_group_status(td_fact(c, ri), td_fact(c, rj));
        if (s > worst)
          worst = (uint8_t)s;
      }
    cm->status = worst;
    td_ref r0 = {cm->v.v[0].doc, cm->v.v[0].fact, 0};
    const td_lk_fact *f0 = td_fact(c, r0);
    uint32_t k;
    if (f0->event >= 0 &&
        td_intmap_get(c->canon_of,
                      ((uint64_t)r0.doc << 32 | (uint32_t)f0->event) + 1, &k))
      cm->canon = (int32_t)k;
  }
  /* single-source facts */
  for (size_t i = 0; i < n; i++) {
    if (group[i] >= 0)
      continue;
    td_lk_cmp cm;
    memset(&cm, 0, sizeof(cm));
    cm.kind = (uint8_t)kind;
    cm.status = TD_LK_SINGLE;
    cm.story = story;
    cm.canon = -1;
    td_lk_value v = {facts.v[i].doc, facts.v[i].fact, TD_LK_V_FACT};
    td_vec_push(&cm.v, v);
    td_vec_push(&c->cmps, cm);
  }
  td_vec_free(&made);
  td_free(group);
  td_vec_free(&pairs);
  td_vec_free(&facts);
}

/* The dates of canonical events, one value per source that dates it from
 * the text; an event only one source dates is a single-source fact. */
static void td_compare_event_dates(td_collection *c) {
  td_intmap *listed = td_intmap_new(); /* (doc, timex span) of a single */
  for (size_t k = 0; k < c->canons.n; k++) {
    const td_lk_canon *ca = &c->canons.v[k];
    if (!ca->dated || ca->nsources < 2)
      continue; /* one source's event date is compared as a date fact */
    td_lk_cmp cm;
    memset(&cm, 0, sizeof(cm));
    cm.kind = TD_LK_DATE;
    cm.canon = (int32_t)k;
    cm.story = ca->story;
    for (size_t i = 0; i < ca->m.n; i++) {
      const td_digest *d = c->docs.v[ca->m.v[i].doc];
      const td_lk_event *e = &d->events[ca->m.v[i].event];
      if (!e->when.gran || e->date_from == TD_DATE_STORY)
        continue;
      /* one value per agency: its most precise date */
      bool replaced = false, seen = false;
      for (size_t j = 0; j < cm.v.n; j++) {
        const td_digest *o = c->docs.v[cm.v.v[j].doc];
        if (o->agency != d->agency)
          continue;
        seen = true;
        const td_lk_event *x = &o->events[cm.v.v[j].fact];
        if (e->when.gran > x->when.gran) {
          cm.v.v[j].doc = ca->m.v[i].doc;
          cm.v.v[j].fact = ca->m.v[i].event;
          replaced = true;
        }
      }
      if (!seen && !replaced) {
        td_lk_value v = {ca->m.v[i].doc, ca->m.v[i].event, TD_LK_V_DATE};
        td_vec_push(&cm.v, v);
      }
    }
    /* one source's date for an event others report without a date of
     * their own contradicts nothing; and a span already listed once (two
     * events dated by one timex) is not listed again */
    bool dup = false;
    if (cm.v.n == 1) {
      const td_lk_event *e = &c->docs.v[cm.v.v[0].doc]->events[cm.v.v[0].fact];
      uint64_t key = td_hash(&(uint32_t[3]){cm.v.v[0].doc, e->date_span.start,
                                            e->date_span.end},
                             12) | 1;
      uint32_t ignored;
      dup = td_intmap_get(listed, key, &ignored);
      td_intmap_put(listed, key, 1);
    }
    if (!cm.v.n || dup || (cm.v.n == 1 && ca->nsources > 1)) {
      td_vec_free(&cm.v);
      continue;
    }
    uint8_t worst = cm.v.n < 2 ? TD_LK_SINGLE : TD_LK_AGREE;
    for (size_t i = 0; i < cm.v.n; i++)
      for (size_t j = i + 1; j < cm.v.n; j++) {
        const td_lk_event *a =
            &c->docs.v[cm.v.v[i].doc]->events[cm.v.v[i].fact];
        const td_lk_event *b =
            &c->docs.v[cm.v.v[j].doc]->events[cm.v.v[j].fact];
        td_lk_status s = td_lk_when_cmp(&a->when, &b->when);
        if (s > worst)
          worst = (uint8_t)s;
        if (s == TD_LK_CONFLICT)
          snprintf(cm.note, sizeof(cm.note), "%ld day%s apart",
                   td_lk_when_gap(&a->when, &b->when),
                   td_lk_when_gap(&a->when, &b->when) == 1 ? "" : "s");
      }
    cm.status = worst;
    td_vec_push(&c->cmps, cm);
  }
  td_intmap_free(listed);
}

/* Two sources' places of one event: the same, a town and a region it may
 * lie in, or two towns. */
static td_lk_status td_place_status(const td_lk_event *a,
                                    const td_lk_event *b) {
  if (!strcmp(a->place, b->place))
    return TD_LK_AGREE;
  return a->place_area || b->place_area ? TD_LK_COMPATIBLE : TD_LK_CONFLICT;
}

/* The places of canonical events several sources report, one per source
 * that names one in the event's sentence (not the dateline): the same place
 * agrees; two towns of one country conflict, a town and a region are
 * compatible; places in different
 * countries are not compared. */
static void td_compare_event_places(td_collection *c) {
  for (size_t k = 0; k < c->canons.n; k++) {
    const td_lk_canon *ca = &c->canons.v[k];
    if (ca->nsources < 2)
      continue;
    td_lk_cmp cm;
    memset(&cm, 0, sizeof(cm));
    cm.kind = TD_LK_PLACE;
    cm.canon = (int32_t)k;
    cm.story = ca->story;
    for (size_t i = 0; i < ca->m.n; i++) {
      const td_digest *d = c->docs.v[ca->m.v[i].doc];
      const td_lk_event *e = &d->events[ca->m.v[i].event];
      if (!e->place || e->place_dateline)
        continue;
      bool seen = false;
      for (size_t j = 0; j < cm.v.n && !seen; j++)
        seen = !strcmp(td_lk_agency(c->docs.v[cm.v.v[j].doc]),
                       td_lk_agency(d));
      if (!seen) {
        td_lk_value v = {ca->m.v[i].doc, ca->m.v[i].event, TD_LK_V_PLACE};
        td_vec_push(&cm.v, v);
      }
    }
    if (cm.v.n < 2) {
      td_vec_free(&cm.v);
      continue;
    }
    /* places in different countries are where the sides were (fire from
     * one side of a border at the other), not a disagreement */
    uint8_t worst = TD_LK_AGREE;
    size_t compared = 0;
    for (size_t i = 0; i < cm.v.n; i++)
      for (size_t j = i + 1; j < cm.v.n; j++) {
        const td_lk_event *a =
            &c->docs.v[cm.v.v[i].doc]->events[cm.v.v[i].fact];
        const td_lk_event *b =
            &c->docs.v[cm.v.v[j].doc]->events[cm.v.v[j].fact];
        if (!a->place_cc || !b->place_cc || strcmp(a->place_cc, b->place_cc))
          continue;
        compared++;
        /* a town and the region it may lie in can both be right */
        uint8_t s = (uint8_t)td_place_status(a, b);
        if (s > worst)
          worst = s;
      }
    if (!compared) {
      td_vec_free(&cm.v);
      continue;
    }
    cm.status = worst;
    td_vec_push(&c->cmps, cm);
  }
}

/* Loaded words one agency of a story alone uses (data/link.txt, class
 * frame): each phrase with such a word no other agency of the story
 * writes, listed once per document and word. */
static void td_framing_words(td_collection *c) {
  for (size_t s = 0; s < c->stories.n; s++) {
    const td_lk_story *st = &c->stories.v[s];
    size_t nag = 0;
    for (size_t i = 0; i < st->docs.n; i++) {
      bool seen = false;
      for (size_t j = 0; j < i && !seen; j++)
        seen = !strcmp(td_lk_agency(c->docs.v[st->docs.v[i]]),
                       td_lk_agency(c->docs.v[st->docs.v[j]]));
      nag += !seen;
    }
    if (nag < 2)
      continue; /* one source: nothing to compare its words with */
    size_t first = c->frames.n;
    for (size_t i = 0; i < st->docs.n && i < TD_LK_NEIGHBOURS * 4; i++) {
      const td_digest *d = c->docs.v[st->docs.v[i]];
      for (size_t k = 0; k < d->nfacts; k++) {
        const td_lk_fact *f = &d->facts[k];
        if (f->kind != TD_LK_FRAME)
          continue;
        bool shared = false;
        for (size_t j = 0; j < st->docs.n && j < TD_LK_NEIGHBOURS * 4 &&
                           !shared; j++) {
          const td_digest *o = c->docs.v[st->docs.v[j]];
          if (o->agency == d->agency)
            continue;
          for (size_t m = 0; m < o->nfacts && !shared; m++)
            shared = o->facts[m].kind == TD_LK_FRAME &&
                     !strcmp(o->facts[m].key, f->key);
        }
        bool dup = false;
        for (size_t q = first; q < c->frames.n && !dup; q++)
          dup = c->frames.v[q].doc == st->docs.v[i] &&
                ((c->frames.v[q].span.start < f->end &&
                  f->start < c->frames.v[q].span.end) ||
                 !strcmp(c->frames.v[q].text, f->text));
        if (shared || dup)
          continue;
        td_lk_frame fr;
        fr.story = (uint32_t)s;
        fr.doc = st->docs.v[i];
        fr.canon = -1;
        uint32_t ck;
        if (f->event >= 0 &&
            td_intmap_get(c->canon_of,
                          ((uint64_t)fr.doc << 32 | (uint32_t)f->event) + 1,
                          &ck))
          fr.canon = (int32_t)ck; /* the event of its sentence */
        fr.span.start = f->start;
        fr.span.end = f->end;
        fr.text = f->text;
        td_vec_push(&c->frames, fr);
      }
    }
  }
}

/* A term ("for five years") said of a dated event gives an end date;
 * compared with an event of the story that ends something. */
static void td_derived(td_collection *c) {
  for (size_t k = 0; k < c->canons.n; k++) {
    const td_lk_canon *ca = &c->canons.v[k];
    if (!ca->dated)
      continue;
    for (size_t i = 0; i < ca->m.n; i++) {
      const td_digest *d = c->docs.v[ca->m.v[i].doc];
      for (size_t f = 0; f < d->nfacts; f++) {
        const td_lk_fact *fa = &d->facts[f];
        if (fa->kind != TD_LK_DURATION ||
            fa->anchor != (int32_t)ca->m.v[i].event)
          continue;
        if (fa->value < 300 * 86400.0 || fa->renewal ||
            fa->bound != TD_LK_EXACT)
          continue; /* set terms of years ("more than two years" is none),
                       from the event itself */
        int years = (int)lround(fa->value / (365.25 * 86400));
        int y, m, dd;
        td_civil_from_days(ca->when.lo, &y, &m, &dd);
        td_lk_when end;
        long lo = td_days_from_civil(y + years, m, 1);
        int ey, em, ed;
        td_civil_from_days(ca->when.hi, &ey, &em, &ed);
        long hi = td_days_from_civil(ey + years, em,
                                     td_days_in_month(ey + years, em));
        end.lo = lo;
        end.hi = hi;
        end.gran = ca->when.gran >= TD_GRAN_MONTH ? TD_GRAN_MONTH
                                                  : ca->when.gran;
        td_lk_derived dv;
        dv.story = ca->story;
        dv.doc = ca->m.v[i].doc;
        dv.fact = (uint32_t)f;
        dv.from_canon = (int32_t)k;
        dv.to_canon = -1;
        dv.end = end;
        dv.status = TD_LK_SINGLE;
        /* an event of the story, dated from the text, that ends a term */
        const td_lk_story *st = &c->stories.v[ca->story];
        for (size_t o = st->canon_first; o < st->canon_end; o++) {
          const td_lk_canon *x = &c->canons.v[o];
          if (o == k || !x->dated)
            continue;
          bool ends = false;
          for (size_t mm = 0; mm < x->m.n && !ends; mm++) {
            const td_lk_event *e =
                &c->docs.v[x->m.v[mm].doc]->events[x->m.v[mm].event];
            ends = e->ends;
          }
          if (!ends)
            continue;
          td_lk_status s = td_lk_when_cmp(&x->when, &end);
          if (dv.to_canon < 0 || s < dv.status) {
            dv.to_canon = (int32_t)o;
            dv.status = (uint8_t)s;
          }
        }
        td_vec_push(&c->derived, dv);
      }
    }
  }
}

td_lk_status td_lk_pair_status(const td_collection *c, const td_lk_cmp *cm,
                               size_t i, size_t j) {
  const td_lk_value *a = &cm->v.v[i], *b = &cm->v.v[j];
  const td_digest *da = c->docs.v[a->doc], *db = c->docs.v[b->doc];
  if (a->what == TD_LK_V_DATE)
    return td_lk_when_cmp(&da->events[a->fact].when,
                          &db->events[b->fact].when);
  if (a->what == TD_LK_V_PLACE)
    return td_place_status(&da->events[a->fact], &db->events[b->fact]);
  return td_group_status(&da->facts[a->fact], &db->facts[b->fact]);
}

/* Orders n items of `size` bytes by their story (a stable counting sort)
 * and records each story's range through first/end offsets (in bytes) of
 * td_lk_story. */
static void td_by_story(td_collection *c, void *items, size_t n, size_t size,
                        size_t story_off, size_t first_off, size_t end_off) {
  size_t ns = c->stories.n;
  uint32_t *start = td_calloc(ns + 1, sizeof(uint32_t));
  char *v = items;
  for (size_t i = 0; i < n; i++) {
    uint32_t s;
    memcpy(&s, v + i * size + story_off, sizeof(s));
    start[s + 1]++;
  }
  for (size_t s = 0; s < ns; s++)
    start[s + 1] += start[s];
  char *sorted = td_malloc(n ? n * size : 1);
  uint32_t *at = td_malloc((ns ? ns : 1) * sizeof(uint32_t));
  memcpy(at, start, ns * sizeof(uint32_t));
  for (size_t i = 0; i < n; i++) {
    uint32_t s;
    memcpy(&s, v + i * size + story_off, sizeof(s));
    memcpy(sorted + (size_t)at[s]++ * size, v + i * size, size);
  }
  if (n)
    memcpy(v, sorted, n * size);
  for (size_t s = 0; s < ns; s++) {
    char *st = (char *)&c->stories.v[s];
    memcpy(st + first_off, &start[s], sizeof(uint32_t));
    memcpy(st + end_off, &start[s + 1], sizeof(uint32_t));
  }
  td_free(at);
  td_free(sorted);
  td_free(start);
}

void td_lk_compare(td_collection *c) {
  td_compare_event_dates(c);
  td_compare_event_places(c);
  for (size_t s = 0; s < c->stories.n; s++)
    for (int k = TD_LK_COUNT; k <= TD_LK_QUOTE; k++)
      td_compare_kind(c, (uint32_t)s, (td_lk_kind)k);
  td_framing_words(c);
  td_derived(c);
  td_by_story(c, c->cmps.v, c->cmps.n, sizeof(td_lk_cmp),
              offsetof(td_lk_cmp, story), offsetof(td_lk_story, cmp_first),
              offsetof(td_lk_story, cmp_end));
  td_by_story(c, c->frames.v, c->frames.n, sizeof(td_lk_frame),
              offsetof(td_lk_frame, story), offsetof(td_lk_story, frame_first),
              offsetof(td_lk_story, frame_end));
  td_by_story(c, c->derived.v, c->derived.n, sizeof(td_lk_derived),
              offsetof(td_lk_derived, story),
              offsetof(td_lk_story, derived_first),
              offsetof(td_lk_story, derived_end));
}
