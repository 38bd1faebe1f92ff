/*
 * events.c — the `events` layer (see events.h). Owns the shallow analysis
 * of a sentence around each predicate: the actors as units and compounds
 * ("Azerbaijan, Armenia and Russia"), the subject across auxiliaries,
 * infinitives and relative pronouns, the object, the passive and its
 * agent, the roles of an event noun (possessor, "by", "of", the subject of
 * the light verb it is the object of), the patterns of the event
 * dictionary, the modality, the governing date and the place; and the
 * layer's JSON and public accessors.
 *
 * Everything works on tokens and their lexicon form ids; the word classes
 * come from data/event-words.txt.
 */
#include "events.h"

#include "../core/data.h"
#include "actors.h"
#include "places.h"
#include "timex.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Word classes (data/event-words.txt). */
enum {
  EW_BE = 1 << 0,
  EW_HAVE = 1 << 1,
  EW_AUX = 1 << 2,
  EW_WILL = 1 << 3,
  EW_MODAL = 1 << 4,
  EW_NEG = 1 << 5,
  EW_COND = 1 << 6,
  EW_PLAN = 1 << 7,
  EW_REFUSE = 1 << 8,
  EW_HYPO = 1 << 9,
  EW_DET = 1 << 10,
  EW_POSS = 1 << 11,
  EW_SUBJPRON = 1 << 12,
  EW_REL = 1 << 13,
  EW_SUB = 1 << 14,
  EW_NOUNTGT = 1 << 15,
  EW_PREP = 1 << 16
};
static const char *const td_ew_names[] = {
    "be",  "have",   "aux",  "will", "modal", "neg",      "cond",
    "plan", "refuse", "hypo", "det", "poss",  "subjpron", "rel",
    "sub", "nountarget", "prep", NULL};

struct td_event_rules {
  td_lexicon *lx;
  const td_eventdict *d;
  TD_VEC(uint32_t) pend_form;
  TD_VEC(uint32_t) pend_bits;
  uint32_t *wc; /* per form: EW_* */
  size_t nforms;
  uint32_t f_by, f_of, f_to, f_and, f_as, f_well, f_poss_s, f_from, f_i,
      f_we, f_no, f_or, f_nor, f_but, f_after, f_before, f_since, f_until,
      f_that;
  const td_strmap *reporting; /* verbs of saying (reporting-verbs.txt) */
};

void td_event_rules_set_reporting(td_event_rules *r, const td_strmap *m) {
  r->reporting = m;
}

static bool td_ew_record(void *ud, const td_record *rec, td_diag *err) {
  td_event_rules *r = ud;
  if (rec->n != 2)
    return td_record_error(rec, err, "expected WORD<TAB>CLASS");
  int bit = -1;
  for (int i = 0; td_ew_names[i]; i++)
    if (td_field_eq(rec->f[1], td_ew_names[i]))
      bit = i;
  if (bit < 0)
    return td_record_error(rec, err, "unknown class '%.*s'", (int)rec->f[1].n,
                           rec->f[1].s);
  char w[64];
  if (!rec->f[0].n || rec->f[0].n >= sizeof(w) ||
      memchr(rec->f[0].s, ' ', rec->f[0].n))
    return td_record_error(rec, err, "a word: one word of fewer than 64 "
                                     "bytes");
  memcpy(w, rec->f[0].s, rec->f[0].n);
  w[rec->f[0].n] = 0;
  uint32_t f = td_lexicon_intern(r->lx, w);
  if (!f)
    return td_record_error(rec, err, "'%s' makes no word", w);
  td_vec_push(&r->pend_form, f);
  td_vec_push(&r->pend_bits, 1u << bit);
  return true;
}

td_event_rules *td_event_rules_load(const char *dir, td_lexicon *lx,
                                    const td_eventdict *d, td_diag *err) {
  td_event_rules *r = td_calloc(1, sizeof(*r));
  r->lx = lx;
  r->d = d;
  if (!td_data_each_n(dir, "event-words.txt", 2, td_ew_record, r, err)) {
    td_event_rules_free(r);
    return NULL;
  }
  r->f_by = td_lexicon_intern(lx, "by");
  r->f_of = td_lexicon_intern(lx, "of");
  r->f_to = td_lexicon_intern(lx, "to");
  r->f_and = td_lexicon_intern(lx, "and");
  r->f_as = td_lexicon_intern(lx, "as");
  r->f_well = td_lexicon_intern(lx, "well");
  r->f_poss_s = td_lexicon_intern(lx, "'s");
  r->f_from = td_lexicon_intern(lx, "from");
  r->f_i = td_lexicon_intern(lx, "i");
  r->f_we = td_lexicon_intern(lx, "we");
  r->f_no = td_lexicon_intern(lx, "no");
  r->f_or = td_lexicon_intern(lx, "or");
  r->f_nor = td_lexicon_intern(lx, "nor");
  r->f_but = td_lexicon_intern(lx, "but");
  r->f_after = td_lexicon_intern(lx, "after");
  r->f_before = td_lexicon_intern(lx, "before");
  r->f_since = td_lexicon_intern(lx, "since");
  r->f_until = td_lexicon_intern(lx, "until");
  r->f_that = td_lexicon_intern(lx, "that");
  return r;
}

void td_event_rules_finish(td_event_rules *r) {
  td_free(r->wc);
  r->nforms = td_lexicon_nforms(r->lx) + 1;
  r->wc = td_calloc(r->nforms, sizeof(uint32_t));
  for (size_t i = 0; i < r->pend_form.n; i++)
    if (r->pend_form.v[i] < r->nforms)
      r->wc[r->pend_form.v[i]] |= r->pend_bits.v[i];
}

void td_event_rules_free(td_event_rules *r) {
  if (!r)
    return;
  td_vec_free(&r->pend_form);
  td_vec_free(&r->pend_bits);
  td_free(r->wc);
  td_free(r);
}

/* ---- The layer ------------------------------------------------------------ */

typedef struct td_ev {
  td_span span, trigger;
  uint32_t sentence, tok;
  char code[6];
  const td_cameo_code *cc;
  uint32_t src, nsrc, tgt, ntgt; /* into td_evs.actors */
  char date[40];
  const char *gran;
  uint8_t from;
  int32_t timex, place;
  bool place_dateline;
  uint16_t modality;
  int32_t quote;
  long claim_ent, claim_ref;
  td_span claim;
  const char *pattern;
  char duration[24];
  uint64_t np_noun, np_mod; /* the noun phrase it is about, for dating */
} td_ev;

typedef struct td_evs {
  TD_VEC(td_ev) v;
  TD_VEC(td_event_actor) actors;
} td_evs;

static void td_evs_free(void *data) {
  td_evs *E = data;
  td_vec_free(&E->v);
  td_vec_free(&E->actors);
  td_free(E);
}

/* An actor unit: an entity mention, or a place standing for its country. */
typedef struct td_unit {
  uint32_t tf, te;
  int32_t ent, place;
  const char *code;
  long ref;
  uint32_t group; /* index of the first unit of its compound */
} td_unit;

/* What one run needs. */
typedef struct td_erun {
  td_doc *doc;
  const td_event_rules *R;
  const td_eventdict *d;
  const td_token *tok;
  size_t ntok;
  const uint32_t *forms;
  const td_entities *ents;
  const td_places *places;
  const td_timexes *tx;
  TD_VEC(td_unit) units;
  int32_t *unit_at;  /* per token: unit index, -1 */
  int32_t *sub_at;   /* per token: a country inside a unit ("troops from
                        Syria": Syria), as a unit of its own, -1 */
  int32_t *timex_at; /* per token: timex index (dates only), -1 */
  int32_t *quote_at; /* per token: quote index, -1 */
  uint8_t *used;     /* per token: coded by a pattern already */
  int32_t *pred_at;  /* per token: predicate node chosen, -1 */
  uint8_t *usage;    /* per token: TD_EP_VERB / TD_EP_NOUN */
  td_evs *out;
  uint32_t s_first, s_end; /* the sentence */
  uint32_t *present;        /* the sentence's forms and lemmas: an open
                               addressing set of `pmask + 1` slots     */
  uint32_t pmask, pcap;
  uint64_t psig[4];         /* ... and their signature                 */
  TD_VEC(uint32_t) plist;   /* the same words, once each               */
  TD_VEC(uint32_t) slist;   /* the sets a phrase of which may be there */
  bool slist_done;          /* slist made for this sentence            */
  TD_VEC(uint32_t) cand;    /* candidate patterns of a big block       */
  uint32_t *sl_stamp;       /* per set: `stamp` when one of its phrases
                               starts with a word of the sentence (it
                               is then in slist)                       */
  uint32_t stamp;
  int32_t last_src;        /* the source unit of the sentence's last verb
                              event, -1 */
} td_erun;

static inline uint32_t td_form(const td_erun *E, uint32_t i) {
  return E->forms ? E->forms[i] : 0;
}
static inline uint32_t td_wcls(const td_erun *E, uint32_t i) {
  uint32_t f = td_form(E, i);
  return f && f < E->R->nforms ? E->R->wc[f] : 0;
}
static inline uint32_t td_lem(const td_erun *E, uint32_t i) {
  uint32_t f = td_form(E, i);
  return f && f < E->d->nforms && E->d->lemma[f] ? E->d->lemma[f] : f;
}
static inline uint32_t td_lem2(const td_erun *E, uint32_t i) {
  uint32_t f = td_form(E, i);
  return f && f < E->d->nforms ? E->d->lemma2[f] : 0;
}
static inline bool td_is_word(const td_erun *E, uint32_t i) {
  return E->tok[i].kind == TD_TOK_WORD || E->tok[i].kind == TD_TOK_NUM;
}
static inline bool td_punct(const td_erun *E, uint32_t i, char c) {
  const td_token *t = &E->tok[i];
  return (t->kind == TD_TOK_PUNCT || t->kind == TD_TOK_DASH) &&
         t->end - t->start == 1 && E->doc->text[t->start] == c;
}
static inline bool td_quote_tok(const td_erun *E, uint32_t i) {
  return E->tok[i].kind == TD_TOK_QUOTE;
}

/* A clause boundary when reading a subject leftwards or a date. */
static bool td_barrier(const td_erun *E, uint32_t i) {
  /* a dash between spaces, not a hyphen left hanging ("anti- Gondor") */
  bool dash = E->tok[i].kind == TD_TOK_DASH &&
              !(i > 0 && E->tok[i - 1].end == E->tok[i].start);
  return td_punct(E, i, ';') || td_punct(E, i, ':') || td_quote_tok(E, i) ||
         dash ||
         (td_wcls(E, i) & (EW_SUB | EW_COND));
}

static uint32_t td_tok_from(const td_erun *E, uint32_t off);

/* ---- Units and compounds -------------------------------------------------- */

static void td_add_unit(td_erun *E, uint32_t tf, uint32_t te, int32_t ent,
                        int32_t place, const char *code, long ref) {
  if (te <= tf || te > E->ntok)
    return;
  for (uint32_t i = tf; i < te; i++)
    if (E->unit_at[i] >= 0)
      return;
  td_unit u = {tf, te, ent, place, code, ref, (uint32_t)E->units.n};
  for (uint32_t i = tf; i < te; i++)
    E->unit_at[i] = (int32_t)E->units.n;
  td_vec_push(&E->units, u);
}

/* The entity's code, following its references when it has none; a
 * sector with no country is "---" and the sector ("a senior official":
 * ---GOV), as TABARI writes it. */
static const char *td_ent_code(td_doc *doc, const td_entities *es, int32_t i,
                               long *ref) {
  *ref = -1;
  const td_entity *first = i >= 0 ? &es->v.v[i] : NULL;
  for (int guard = 0; i >= 0 && guard < 16; guard++) {
    const td_entity *e = &es->v.v[i];
    if (e->ref >= 0)
      *ref = e->ref;
    if (e->code[0] && strcmp(e->code, "-"))
      return e->code;
    i = e->ref;
  }
  if (first && first->suffix[0] && doc) {
    char buf[32]; /* "---" and the suffix, cut as snprintf would cut */
    size_t k = strnlen(first->suffix, sizeof(buf) - 4);
    memcpy(buf, "---", 3);
    memcpy(buf + 3, first->suffix, k);
    return td_doc_strdup(doc, buf, 3 + k);
  }
  return NULL;
}

enum {
  EW_FUNC = EW_BE | EW_HAVE | EW_WILL | EW_MODAL | EW_NEG | EW_COND | EW_REL |
            EW_SUB | EW_PREP | EW_POSS
};

static bool td_pred_form(const td_erun *E, uint32_t i) {
  uint32_t f = td_form(E, i);
  return f && f < E->d->nforms && E->d->pred[f] >= 0;
}

static bool td_lower_word0(const td_erun *E, uint32_t i) {
  return E->tok[i].kind == TD_TOK_WORD && !(E->tok[i].flags & TD_TF_CAP);
}

/* Joins units separated by ",", "and", "&", "as well as" (and "the") into
 * compounds; a comma-only chain counts when it ends with "and". A unit
 * that refers to the one before it is an apposition, not a second actor. */
static void td_compounds(td_erun *E) {
  size_t n = E->units.n;
  for (size_t a = 0; a < n;) {
    size_t b = a;
    bool has_and = false;
    while (b + 1 < n) {
      uint32_t j = E->units.v[b].te, k = E->units.v[b + 1].tf;
      bool comma = false, and = false;
      int adj = 0;
      while (j < k) {
        if (td_punct(E, j, ','))
          comma = true;
        else if (td_form(E, j) == E->R->f_and || td_form(E, j) == E->R->f_or ||
                 td_form(E, j) == E->R->f_nor ||
                 (E->tok[j].kind == TD_TOK_SYM &&
                  E->doc->text[E->tok[j].start] == '&'))
          and = true;
        else if (td_form(E, j) == E->R->f_as || td_form(E, j) == E->R->f_well)
          and = and || td_form(E, j) == E->R->f_well;
        else if (td_wcls(E, j) & EW_DET)
          ;
        else if ((comma || and) && adj < 2 && td_lower_word0(E, j) &&
                 !(td_wcls(E, j) & EW_FUNC) && !td_pred_form(E, j))
          adj++; /* "and the evil awful Gondor" */
        else
          break;
        j++;
      }
      if (j < k || (!comma && !and))
        break;
      /* an apposition: "Karim Valiyev, Chief of the General Staff" */
      const td_unit *u = &E->units.v[b], *v = &E->units.v[b + 1];
      if (!and && u->ent >= 0 && v->ent >= 0 &&
          (E->ents->v.v[v->ent].ref == u->ent ||
           E->ents->v.v[u->ent].ref == v->ent))
        break;
      has_and = has_and || and;
      b++;
    }
    if (b > a && !has_and)
      b = a;
    for (size_t i = a; i <= b; i++)
      E->units.v[i].group = (uint32_t)a;
    a = b + 1;
  }
}

static void td_make_units(td_erun *E) {
  E->units.n = 0;
  if (E->ents)
    for (size_t i = 0; i < E->ents->v.n; i++) {
      /* the code and reference are read when the unit becomes an
       * event's actor (td_push_role) */
      const td_entity *e = &E->ents->v.v[i];
      td_add_unit(E, e->tok_first, e->tok_end, (int32_t)i, -1, NULL, -1);
    }
  if (E->places)
    for (size_t i = 0; i < E->places->v.n; i++) {
      const td_placeref *p = &E->places->v.v[i];
      td_place_info pi;
      if (p->dateline || !td_doc_place(E->doc, i, &pi) || !pi.country)
        continue;
      td_add_unit(E, p->tok_first, p->tok_end, -1, (int32_t)i, pi.country,
                  -1);
    }
  /* units in text order */
  for (size_t i = 1; i < E->units.n; i++)
    for (size_t j = i; j > 0 && E->units.v[j - 1].tf > E->units.v[j].tf; j--) {
      td_unit t = E->units.v[j];
      E->units.v[j] = E->units.v[j - 1];
      E->units.v[j - 1] = t;
    }
  /* (a token of no unit is -1 already: units are disjoint, and each
   * token of one is set again here) */
  for (size_t u = 0; u < E->units.n; u++)
    for (uint32_t i = E->units.v[u].tf; i < E->units.v[u].te; i++)
      E->unit_at[i] = (int32_t)u;
  td_compounds(E);
  /* the country named inside a sector's mention: "troops from Syria" is
   * Syria's troops to the actors layer, but "withdraw troops from +"
   * wants Syria */
  size_t nu = E->units.n;
  for (size_t u = 0; u < nu; u++) {
    const td_unit un = E->units.v[u];
    if (un.ent < 0 || !E->ents->v.v[un.ent].cc[0])
      continue;
    for (uint32_t k = un.tf + 1; k + 1 < un.te; k++)
      if ((td_wcls(E, k) & EW_PREP) && (E->tok[k + 1].flags & TD_TF_CAP)) {
        td_unit sub = {k + 1, un.te, -1, -1, E->ents->v.v[un.ent].cc, -1,
                       (uint32_t)E->units.n};
        E->sub_at[k + 1] = (int32_t)E->units.n;
        td_vec_push(&E->units, sub);
        break;
      }
  }
}

/* The units of the compound that unit u belongs to: [*a, *b]. */
static void td_group(const td_erun *E, int32_t u, size_t *a, size_t *b) {
  *a = E->units.v[u].group;
  *b = *a;
  while (*b + 1 < E->units.n && E->units.v[*b + 1].group == *a)
    (*b)++;
}

/* ---- Roles ----------------------------------------------------------------- */

typedef struct td_erole {
  int32_t unit; /* a unit of the compound (all its units act), -1 none */
  int32_t quote_speaker; /* "I"/"we" in a quote: that quote, else -1 */
} td_erole;

static const td_erole td_no_erole = {-1, -1};

static bool td_is_adverb(const td_erun *E, uint32_t i) {
  const td_token *t = &E->tok[i];
  if (t->kind != TD_TOK_WORD || (t->flags & TD_TF_CAP) || t->end - t->start < 5)
    return false;
  return !memcmp(E->doc->text + t->end - 2, "ly", 2);
}

/* Skips auxiliaries, negations and adverbs leftwards from i (exclusive);
 * returns the first token that is none of them (or lo - 1 as lo). ORs the
 * classes met into *cls. */
static uint32_t td_skip_aux_left(const td_erun *E, uint32_t i, uint32_t lo,
                                 uint32_t *cls) {
  while (i > lo) {
    uint32_t c = td_wcls(E, i - 1);
    if ((c & (EW_BE | EW_HAVE | EW_AUX | EW_WILL | EW_MODAL | EW_NEG)) ||
        td_is_adverb(E, i - 1)) {
      *cls |= c;
      i--;
      continue;
    }
    break;
  }
  return i;
}

/* The subject of a verb whose aux chain starts at i: the nearest unit to
 * the left in the clause that is not the object of a preposition. Reads
 * through "to" (the subject of the governing verb, whose class is ORed into
 * *gov) and relative pronouns (their antecedent). */
static td_erole td_subject(const td_erun *E, uint32_t i, uint32_t *gov,
                          int depth) {
  td_erole r = td_no_erole;
  uint32_t lo = E->s_first;
  uint32_t j = i;
  int words = 0;
  while (j > lo && words < 12) {
    uint32_t k = j - 1;
    if (td_barrier(E, k))
      break;
    int32_t u = E->unit_at[k];
    if (u >= 0) {
      /* not when a preposition stands right before it (the compound's
       * first unit) */
      size_t a, b;
      td_group(E, u, &a, &b);
      uint32_t first = E->units.v[a].tf;
      /* "after X attacked": a preposition that opens a clause, when the
       * actor (and perhaps a noun after it) stands right before the verb */
      uint32_t pf = first > lo ? td_form(E, first - 1) : 0;
      bool conj = (pf == E->R->f_after || pf == E->R->f_before ||
                   pf == E->R->f_since || pf == E->R->f_until) &&
                  E->units.v[b].te + 1 >= i;
      if (first > lo && (td_wcls(E, first - 1) & EW_PREP) && !conj &&
          !(td_wcls(E, first - 1) & EW_REL)) {
        j = first;
        words++;
        continue;
      }
      r.unit = u;
      return r;
    }
    uint32_t c = td_wcls(E, k);
    if (E->quote_at[k] >= 0 &&
        (td_form(E, k) == E->R->f_i || td_form(E, k) == E->R->f_we)) {
      r.quote_speaker = E->quote_at[k];
      return r;
    }
    if (td_form(E, k) == E->R->f_to && depth < 2) {
      /* "decided to withdraw": the governing verb and its subject */
      uint32_t g = k;
      if (g > lo && td_is_word(E, g - 1)) {
        *gov |= td_wcls(E, g - 1);
        uint32_t c2 = 0;
        uint32_t a = td_skip_aux_left(E, g - 1, lo, &c2);
        *gov |= c2 & (EW_NEG | EW_MODAL | EW_WILL);
        /* "is to": be + to */
        if (td_wcls(E, g - 1) & EW_BE)
          *gov |= EW_WILL;
        return td_subject(E, a, gov, depth + 1);
      }
      break;
    }
    if (c & EW_REL) {
      /* "the peacekeepers, who withdrew": the antecedent, when the
       * relative word is the verb's subject; in "accusations from
       * Belgrade that it failed" the clause has its own subject */
      uint32_t a = k;
      if (a > lo && td_punct(E, a - 1, ','))
        a--;
      if (!words && a > lo && E->unit_at[a - 1] >= 0) {
        r.unit = E->unit_at[a - 1];
        return r;
      }
      break;
    }
    if (td_punct(E, k, ',')) {
      /* a relative clause or apposition between commas: jump over it */
      uint32_t m = k;
      while (m > lo && !td_punct(E, m - 1, ',') && !td_barrier(E, m - 1))
        m--;
      if (m > lo && td_punct(E, m - 1, ',') && (td_wcls(E, m) & EW_REL)) {
        j = m - 1;
        words++;
        continue;
      }
    }
    if (td_is_word(E, k))
      words++;
    j = k;
  }
  return r;
}

/* The first unit after token i within `max` words, before a clause
 * boundary; *prep gets the form of the preposition right before it. */
static int32_t td_unit_after(const td_erun *E, uint32_t i, int max,
                             uint32_t *prep, bool stop_comma) {
  int words = 0;
  *prep = 0;
  for (uint32_t j = i; j < E->s_end && words <= max; j++) {
    if (E->unit_at[j] >= 0)
      return E->unit_at[j];
    if (td_barrier(E, j) || (td_wcls(E, j) & EW_REL) ||
        (stop_comma && td_punct(E, j, ',')))
      return -1;
    /* another verb ends the object, not a participle ("the roads leading
     * into X") */
    if (E->pred_at[j] >= 0 && E->usage[j] == TD_EP_VERB &&
        !(E->d->fkind[td_form(E, j)] & TD_FK_ING))
      return -1;
    if (td_wcls(E, j) & EW_PREP)
      *prep = td_form(E, j);
    else if (!(td_wcls(E, j) & (EW_DET | EW_POSS)))
      *prep = td_form(E, j) == E->R->f_poss_s ? *prep : 0;
    if (td_is_word(E, j))
      words++;
  }
  return -1;
}

/* ---- Patterns ---------------------------------------------------------------- */

typedef struct td_bind {
  int32_t src, tgt; /* units */
  bool both;
  uint32_t lo, hi;  /* tokens the pattern's words covered */
} td_bind;

/* Does set s have a phrase at token j (rightwards)? Its end in *end. */
static bool td_set_at(const td_erun *E, uint32_t s, uint32_t j,
                      uint32_t *end) {
  const td_eventdict *d = E->d;
  /* The first word of a phrase is at the same token for every phrase:
   * its form and lemmas are found once. */
  uint32_t t0 = j;
  while (t0 < E->s_end && !td_is_word(E, t0) && !td_punct(E, t0, ','))
    t0++;
  uint32_t f0 = 0, l0 = 0, m0 = 0;
  if (t0 < E->s_end) {
    f0 = td_form(E, t0);
    l0 = td_lem(E, t0);
    m0 = td_lem2(E, t0);
  }
  for (uint32_t k = d->set_first[s]; k < d->set_first[s + 1]; k++) {
    uint32_t ph = d->set_phr[k];
    uint32_t a = d->phrase_first.v[ph];
    uint32_t b = ph + 1 < d->phrase_first.n ? d->phrase_first.v[ph + 1]
                                            : (uint32_t)d->words.n;
    uint32_t t = j;
    if (a < b) {
      uint32_t w0 = d->words.v[a];
      if (t0 >= E->s_end || (f0 != w0 && l0 != w0 && m0 != w0))
        continue;
      a++;
      t = t0 + 1;
    }
    bool ok = true;
    for (uint32_t w = a; w < b && ok; w++, t++) {
      while (t < E->s_end && !td_is_word(E, t) && !td_punct(E, t, ','))
        t++;
      ok = t < E->s_end &&
           (td_form(E, t) == d->words.v[w] || td_lem(E, t) == d->words.v[w] ||
            td_lem2(E, t) == d->words.v[w]);
    }
    if (ok) {
      *end = t;
      return true;
    }
  }
  return false;
}

static bool td_elem_at(const td_erun *E, const td_pelem *el, uint32_t j,
                       uint32_t *end, int32_t *unit) {
  *unit = -1;
  switch (el->kind) {
  case TD_PE_WORD:
    if (td_form(E, j) == el->value ||
        (!(el->flags & TD_PE_EXACT) &&
         (td_lem(E, j) == el->value || td_lem2(E, j) == el->value))) {
      *end = j + 1;
      return true;
    }
    return false;
  case TD_PE_SET:
    return td_set_at(E, el->value, j, end);
  case TD_PE_ANY:
    *end = j + 1;
    return td_is_word(E, j);
  default: /* actors */
    if (E->sub_at[j] >= 0) {
      *unit = E->sub_at[j];
      *end = E->units.v[*unit].te;
      return true;
    }
    if (E->unit_at[j] >= 0 && (j == E->units.v[E->unit_at[j]].tf)) {
      size_t a, b;
      td_group(E, E->unit_at[j], &a, &b);
      *unit = E->unit_at[j];
      *end = E->units.v[b].te;
      return true;
    }
    return false;
  }
}

/* Matches the elements after the predicate rightwards from token `from`. */
static bool td_match_right(const td_erun *E, const td_pelem *el, size_t n,
                           uint32_t from, td_bind *b, int wide) {
  uint32_t j = from;
  for (size_t i = 0; i < n; i++) {
    int gap = (el[i].flags & TD_PE_ADJ) ? 0 : wide;
    /* an actor may stand after a few words ("from the territory of X") */
    if (el[i].kind == TD_PE_TARGET || el[i].kind == TD_PE_SOURCE ||
        el[i].kind == TD_PE_BOTH)
      gap = (el[i].flags & TD_PE_ADJ) ? 1 : 5;
    bool found = false;
    int words = 0;
    for (uint32_t k = j; k < E->s_end && words <= gap; k++) {
      if (td_punct(E, k, ';') || td_punct(E, k, ':') || td_quote_tok(E, k))
        break;
      uint32_t end;
      int32_t unit;
      if (td_elem_at(E, &el[i], k, &end, &unit)) {
        if (el[i].kind == TD_PE_TARGET)
          b->tgt = unit;
        else if (el[i].kind == TD_PE_SOURCE)
          b->src = unit;
        else if (el[i].kind == TD_PE_BOTH)
          b->tgt = unit; /* after the predicate: the target */
        else if (end > b->hi)
          b->hi = end;
        j = end;
        found = true;
        break;
      }
      /* an actor counts as one word; the words inside it may still match
       * ("withdrew Russian peacekeepers": &PEACEKEEPERS) */
      if (td_is_word(E, k) &&
          (E->unit_at[k] < 0 || k == E->units.v[E->unit_at[k]].tf))
        words++;
    }
    if (!found)
      return false;
  }
  return true;
}

/* Matches the elements before the predicate leftwards from token `from`
 * (exclusive), last element first. */
static bool td_match_left(const td_erun *E, const td_pelem *el, size_t n,
                          uint32_t from, td_bind *b, uint8_t pred_flags,
                          int wide) {
  uint32_t j = from;
  for (size_t i = n; i-- > 0;) {
    /* '_' joins an element to the one on its right (the predicate's flag
     * for the last one) */
    uint8_t right = i + 1 < n ? el[i + 1].flags : pred_flags;
    int gap = (right & TD_PE_ADJ) ? 0 : wide;
    if (el[i].kind == TD_PE_TARGET || el[i].kind == TD_PE_SOURCE ||
        el[i].kind == TD_PE_BOTH)
      gap = 8;
    bool found = false;
    int words = 0;
    for (uint32_t k = j; k > E->s_first && words <= gap; k--) {
      uint32_t t = k - 1;
      if (td_punct(E, t, ';') || td_punct(E, t, ':') || td_quote_tok(E, t))
        break;
      uint32_t start = t;
      int32_t unit = -1;
      bool ok = false;
      if (el[i].kind == TD_PE_TARGET || el[i].kind == TD_PE_SOURCE ||
          el[i].kind == TD_PE_BOTH) {
        if (E->unit_at[t] >= 0) {
          size_t a, bb;
          td_group(E, E->unit_at[t], &a, &bb);
          unit = (int32_t)a;
          start = E->units.v[a].tf;
          ok = true;
        }
      } else {
        uint32_t end;
        ok = td_elem_at(E, &el[i], t, &end, &unit);
      }
      if (ok) {
        if (el[i].kind == TD_PE_TARGET)
          b->tgt = unit;
        else if (el[i].kind == TD_PE_SOURCE)
          b->src = unit;
        else if (el[i].kind == TD_PE_BOTH)
          b->src = b->tgt = unit, b->both = true;
        else if (start < b->lo)
          b->lo = start;
        j = start;
        found = true;
        break;
      }
      if (td_is_word(E, t))
        words++;
    }
    if (!found)
      return false;
  }
  return true;
}

/* Copies the string src into dst (n bytes), cut as snprintf "%s" cuts:
 * this runs for every event, snprintf costs hundreds of instructions. */
static void td_copy_cut(char *dst, size_t n, const char *src) {
  size_t k = strnlen(src, n - 1);
  memcpy(dst, src, k);
  dst[k] = 0;
}

/* Adds w to the sentence's words (plist has room: td_sentence_words). */
static inline void td_present_add(td_erun *E, uint32_t w) {
  uint32_t h = (w * 2654435761u) & E->pmask;
  for (uint32_t x; (x = E->present[h]) != 0; h = (h + 1) & E->pmask)
    if (x == w)
      return; /* there already, with its signature */
  E->present[h] = w;
  E->plist.v[E->plist.n++] = w;
  td_sig_add(E->psig, w);
}

/* The sentence's words (forms, lemmas), for td_possible. */
static void td_sentence_words(td_erun *E) {
  uint32_t need = 16;
  while (need < 4 * 3 * (E->s_end - E->s_first))
    need <<= 1;
  if (need > E->pcap) {
    td_free(E->present);
    E->present = td_malloc(need * sizeof(uint32_t));
    E->pcap = need;
  }
  E->pmask = need - 1;
  memset(E->present, 0, need * sizeof(uint32_t));
  memset(E->psig, 0, sizeof(E->psig));
  E->plist.n = 0;
  E->slist.n = 0;
  /* a form and two lemmas a token at most */
  td_grow((void **)&E->plist.v, &E->plist.cap,
          3 * (size_t)(E->s_end - E->s_first) + 1, sizeof(uint32_t));
  for (uint32_t t = E->s_first; t < E->s_end; t++) {
    uint32_t f = td_form(E, t);
    if (!f)
      continue;
    td_present_add(E, f);
    uint32_t l = td_lem(E, t), l2 = td_lem2(E, t);
    if (l && l != f)
      td_present_add(E, l);
    if (l2)
      td_present_add(E, l2);
  }
  E->stamp++;
  E->slist_done = false;
}

/* The sets one of whose phrases starts with a word of the sentence (for
 * td_possible and the index of big blocks; made when first needed in a
 * sentence). */
static void td_sentence_sets(td_erun *E) {
  const td_eventdict *d = E->d;
  E->slist_done = true;
  for (size_t i = 0; i < E->plist.n; i++) {
    uint32_t w = E->plist.v[i];
    uint32_t at = (size_t)w + 1 < d->sw_atn ? d->sw_at[w + 1] : 0;
    if (!at)
      continue;
    for (uint32_t k = at - 1; k < d->sw_word.n && d->sw_word.v[k] == w + 1;
         k++) {
      uint32_t set = d->sw_set.v[k];
      if (E->sl_stamp[set] == E->stamp)
        continue;
      E->sl_stamp[set] = E->stamp;
      td_vec_push(&E->slist, set);
    }
  }
}

/* The positions in block b's patterns of those that may match in the
 * sentence (a big block): its free ones, and those filed under a word or
 * a set of the sentence; in order. */
static void td_candidates(td_erun *E, uint32_t b) {
  const td_eventdict *d = E->d;
  const td_eblock *blk = &d->blocks.v[b];
  if (!E->slist_done)
    td_sentence_sets(E);
  E->cand.n = 0;
  for (size_t i = 0; i < blk->free.n; i++)
    td_vec_push(&E->cand, blk->free.v[i]);
  for (int pass = 0; pass < 2; pass++) {
    size_t n = pass ? E->slist.n : E->plist.n;
    for (size_t i = 0; i < n; i++) {
      uint64_t key = (uint64_t)b << 32 |
                     (pass ? 0x80000000u | E->slist.v[i] : E->plist.v[i]);
      uint32_t at;
      if (!td_intmap_get(d->pindex, key + 1, &at))
        continue;
      for (uint32_t k = at - 1; k < d->pkeys.n && d->pkeys.v[k] == key + 1; k++)
        td_vec_push(&E->cand, d->ppos.v[k]);
    }
  }
  /* in the block's order (insertion sort: short lists) */
  for (size_t i = 1; i < E->cand.n; i++)
    for (size_t j = i; j > 0 && E->cand.v[j - 1] > E->cand.v[j]; j--) {
      uint32_t x = E->cand.v[j];
      E->cand.v[j] = E->cand.v[j - 1];
      E->cand.v[j - 1] = x;
    }
}

static bool td_here(const td_erun *E, uint32_t w) {
  uint32_t h = (w * 2654435761u) & E->pmask;
  while (E->present[h]) {
    if (E->present[h] == w)
      return true;
    h = (h + 1) & E->pmask;
  }
  return false;
}

/* Can the pattern match in this sentence at all: are its words, and a
 * first word of each of its sets, in it? */
static bool td_possible(td_erun *E, const td_epattern *pt) {
  const td_eventdict *d = E->d;
  if ((pt->sig[0] & ~E->psig[0]) | (pt->sig[1] & ~E->psig[1]) |
      (pt->sig[2] & ~E->psig[2]) | (pt->sig[3] & ~E->psig[3]))
    return false;
  for (uint32_t i = 0; i < pt->nelem; i++) {
    const td_pelem *el = &d->elems.v[pt->elem + i];
    if (el->kind == TD_PE_WORD && !td_here(E, el->value))
      return false;
    if (el->kind == TD_PE_SET) {
      if (!E->slist_done)
        td_sentence_sets(E);
      if (E->sl_stamp[el->value] != E->stamp)
        return false;
    }
  }
  return true;
}

/* Tries the block's patterns; returns the pattern index or -1. */
static int64_t td_patterns(td_erun *E, const td_epred *p, uint32_t t,
                           uint32_t t_end, td_bind *b) {
  const td_eventdict *d = E->d;
  const td_eblock *blk = &d->blocks.v[p->block];
  size_t n = blk->pats.n;
  if (blk->indexed) {
    td_candidates(E, p->block);
    n = E->cand.n;
  }
  for (size_t c = 0; c < n; c++) {
    size_t k = blk->indexed ? E->cand.v[c] : c;
    if (c && blk->indexed && E->cand.v[c] == E->cand.v[c - 1])
      continue;
    const td_epattern *pt = &d->pats.v[blk->pats.v[k]];
    if (!td_possible(E, pt))
      continue;
    const td_pelem *el = &d->elems.v[pt->elem];
    td_bind bb = {-1, -1, false, t, t_end};
    if (td_match_right(E, el + pt->pred + 1, pt->nelem - pt->pred - 1, t_end,
                       &bb, pt->gap) &&
        td_match_left(E, el, pt->pred, t, &bb, el[pt->pred].flags, pt->gap)) {
      *b = bb;
      return blk->pats.v[k];
    }
  }
  return -1;
}

/* ---- Predicates ----------------------------------------------------------- */

/* The predicate at token t: the longest one whose words match; *end the
 * token after it. */
static int32_t td_pred_at(const td_erun *E, uint32_t t, uint32_t *end) {
  uint32_t f = td_form(E, t);
  const td_eventdict *d = E->d;
  if (!f || f >= d->nforms || d->pred[f] < 0)
    return -1;
  int32_t best = -1;
  uint32_t best_end = 0;
  for (int32_t nd = d->pred[f]; nd >= 0; nd = d->nodes.v[nd].next) {
    const td_epred *p = &d->preds.v[d->nodes.v[nd].pred];
    uint32_t j = t + 1;
    bool ok = true;
    for (uint32_t r = 0; r < p->nrest && ok; r++, j++)
      ok = j < E->s_end && td_form(E, j) == p->rest[r];
    /* the longest; of equal ones, an entry written as this very form
     * (TABARI's LEFT) before one whose form it is (LEAVE: left) */
    if (ok && (best < 0 || j > best_end ||
               (j == best_end && p->lemma == f &&
                d->preds.v[best].lemma != f))) {
      best = (int32_t)d->nodes.v[nd].pred;
      best_end = j;
    }
  }
  *end = best_end;
  return best;
}

/* Is the token at t used as a noun (after a determiner, a possessive, an
 * adjective-like word, or before "of")? */
static bool td_noun_use(const td_erun *E, uint32_t t) {
  if (t > E->s_first) {
    uint32_t c = td_wcls(E, t - 1);
    if (td_form(E, t - 1) == E->R->f_to)
      return false; /* "to withdraw" */
    if (c & (EW_DET | EW_POSS | EW_PREP))
      return true;
    /* "a brief private visit": a lower-case word that is no auxiliary,
     * adverb or function word before a base or -s form */
    if (!(E->d->fkind[td_form(E, t)] & (TD_FK_PAST | TD_FK_ING)) &&
        td_lower_word0(E, t - 1) && E->unit_at[t - 1] < 0 &&
        !(c & (EW_FUNC | EW_AUX | EW_DET)) && !td_is_adverb(E, t - 1) &&
        !td_pred_form(E, t - 1))
      return true;
    if (td_form(E, t - 1) == E->R->f_poss_s)
      return true;
    if (E->unit_at[t - 1] >= 0) {
      /* "Russian attacks on Ukraine" (an actor adjective before a noun)
       * or "Russia attacks Ukraine" (a subject before a verb): what
       * follows tells */
      /* "an anti- Gondor parade": a modifier inside a noun phrase */
      uint32_t uf = E->units.v[E->unit_at[t - 1]].tf;
      if (uf > E->s_first &&
          ((td_wcls(E, uf - 1) & (EW_DET | EW_POSS)) ||
           E->tok[uf - 1].kind == TD_TOK_DASH ||
           (E->tok[uf - 1].flags & TD_TF_HYPHEN)) &&
          !(E->d->fkind[td_form(E, t)] & (TD_FK_PAST | TD_FK_ING)))
        return true;
      if (!(E->d->fkind[td_form(E, t)] & TD_FK_NOUN))
        return false;
      if (t + 1 < E->s_end &&
          (E->unit_at[t + 1] >= 0 || (td_wcls(E, t + 1) & (EW_DET | EW_POSS))))
        return false;
      return true;
    }
  }
  return false;
}

/* ---- Dates ------------------------------------------------------------------ */

/* Copies a TimeML value into an event's date (40 bytes, as td_timex's). */
static void td_copy_value(char out[40], const char *v) {
  size_t n = strnlen(v, 39);
  memcpy(out, v, n);
  out[n] = 0;
}

static const char *td_granularity(const char *v) {
  size_t n = strlen(v);
  if (!(v[0] >= '0' && v[0] <= '9'))
    return NULL;
  if (strchr(v, 'T') && n > 10)
    return "time";
  if (n == 10)
    return "day";
  if (n == 7 && v[4] == '-' && v[5] == 'W')
    return NULL;
  if (n >= 7 && v[5] == 'W')
    return "week";
  if (n == 7 && v[5] == 'Q')
    return "quarter";
  if (n == 7 && (v[5] == 'S' || v[5] == 'F' || v[5] == 'W'))
    return "season";
  if (n == 7 && v[5] == 'H')
    return "half";
  if (n == 7)
    return "month";
  if (n == 4)
    return "year";
  if (n == 3)
    return "decade";
  if (n == 2)
    return "century";
  return NULL;
}

/* The sentence-opening timex ("On April 17, ..."), or -1. */
static int32_t td_fronted(const td_erun *E, uint32_t sf, uint32_t se) {
  for (uint32_t j = sf; j < se && j < sf + 3; j++)
    if (E->timex_at[j] >= 0) {
      int32_t x = E->timex_at[j];
      uint32_t k = j;
      while (k < se && E->timex_at[k] == x)
        k++;
      if (k < se && td_punct(E, k, ','))
        return x;
      return -1;
    }
  return -1;
}

/* The timex governing the predicate [t, te): in its clause, to the right
 * first (up to the next predicate verb), then to the left. */
static int32_t td_gov_timex(const td_erun *E, uint32_t t, uint32_t te) {
  int words = 0;
  for (uint32_t j = te; j < E->s_end && words < 20; j++) {
    if (E->timex_at[j] >= 0)
      return E->timex_at[j];
    if (td_punct(E, j, ';') || td_punct(E, j, ':') ||
        (td_wcls(E, j) & (EW_REL | EW_SUB | EW_COND)))
      break;
    if (E->pred_at[j] >= 0 && E->usage[j] == TD_EP_VERB)
      break;
    if (td_quote_tok(E, j))
      break;
    if (td_is_word(E, j))
      words++;
  }
  words = 0;
  for (uint32_t j = t; j > E->s_first && words < 15; j--) {
    uint32_t k = j - 1;
    if (E->timex_at[k] >= 0)
      return E->timex_at[k];
    if (td_punct(E, k, ';') || td_punct(E, k, ':') || td_punct(E, k, ',') ||
        (td_wcls(E, k) & (EW_REL | EW_SUB | EW_COND)) || td_quote_tok(E, k))
      break;
    if (E->pred_at[k] >= 0 && E->usage[k] == TD_EP_VERB)
      break;
    if (td_is_word(E, k))
      words++;
  }
  return -1;
}

/* A noun phrase dated where it is named: "the trilateral statement of
 * November 10, 2020". */
typedef struct td_dated {
  uint64_t noun, mod; /* td_word_key; mod 0 when none */
  int32_t timex;
} td_dated;
typedef TD_VEC(td_dated) td_dated_vec;

/* A key for the word at i: its lemma when the dictionaries know it, else
 * a hash of its lower-cased text. */
static uint64_t td_word_key(const td_erun *E, uint32_t i) {
  uint32_t l = td_lem(E, i);
  if (l)
    return l;
  char buf[64];
  uint32_t n = E->tok[i].end - E->tok[i].start;
  if (n > sizeof(buf))
    n = sizeof(buf);
  for (uint32_t k = 0; k < n; k++) {
    char c = E->doc->text[E->tok[i].start + k];
    buf[k] = c >= 'A' && c <= 'Z' ? (char)(c | 32) : c;
  }
  return td_hash(buf, n) | (1ull << 63);
}

/* A lower-case word outside any actor. */
static bool td_lower_word(const td_erun *E, uint32_t i) {
  return td_lower_word0(E, i) && E->unit_at[i] < 0;
}

/* A word that may modify the noun after it ("trilateral statement"). */
static bool td_modifier(const td_erun *E, uint32_t i) {
  return td_lower_word(E, i) && !(td_wcls(E, i) & (EW_DET | EW_PREP | EW_POSS));
}

/* The head noun (and the word before it) of the noun phrase that starts
 * at token i: the last lower-case word before a preposition, punctuation
 * or the phrase's fourth word. */
static bool td_np_head(const td_erun *E, uint32_t i, uint64_t *noun,
                       uint64_t *mod) {
  uint32_t j = i, last = UINT32_MAX, prev = UINT32_MAX;
  while (j < E->s_end && (td_wcls(E, j) & (EW_DET | EW_POSS)))
    j++;
  for (int n = 0; j < E->s_end && n < 4; j++, n++) {
    if (!td_lower_word(E, j) || (td_wcls(E, j) & (EW_PREP | EW_REL)))
      break;
    prev = last;
    last = j;
  }
  if (last == UINT32_MAX)
    return false;
  *noun = td_word_key(E, last);
  *mod = prev != UINT32_MAX ? td_word_key(E, prev) : 0;
  return true;
}

static void td_dated_nouns(td_erun *E, td_dated_vec *out) {
  if (!E->tx)
    return;
  for (size_t x = 0; x < E->tx->v.n; x++) {
    const td_timex *tx = &E->tx->v.v[x];
    const char *g = td_granularity(tx->value);
    if (!g || (strcmp(g, "day") && strcmp(g, "month")))
      continue;
    uint32_t j = td_tok_from(E, tx->span.start);
    if (j < 2 || j >= E->ntok)
      continue;
    uint32_t f = td_form(E, j - 1);
    if (f != E->R->f_of || !td_lower_word(E, j - 2))
      continue;
    td_dated d = {td_word_key(E, j - 2), 0, (int32_t)x};
    if (j >= 3 && td_modifier(E, j - 3))
      d.mod = td_word_key(E, j - 3);
    td_vec_push(out, d);
  }
}

/* ---- One predicate ------------------------------------------------------------ */

static void td_push_role(td_erun *E, td_erole r, uint32_t *first,
                         uint32_t *n) {
  *first = (uint32_t)E->out->actors.n;
  *n = 0;
  if (r.quote_speaker >= 0) {
    td_quote_info q;
    if (td_doc_quote(E->doc, (size_t)r.quote_speaker, &q) && q.has_speaker) {
      td_event_actor a = {q.speaker, NULL, q.speaker_entity, q.ref};
      long ref;
      long e = q.ref >= 0 ? q.ref : q.speaker_entity;
      if (e >= 0 && E->ents)
        a.code = td_ent_code(E->doc, E->ents, (int32_t)e, &ref);
      td_vec_push(&E->out->actors, a);
      (*n)++;
    }
    return;
  }
  if (r.unit < 0)
    return;
  size_t a, b;
  td_group(E, r.unit, &a, &b);
  for (size_t u = a; u <= b; u++) {
    const td_unit *un = &E->units.v[u];
    td_event_actor ac;
    ac.span.start = E->tok[un->tf].start;
    ac.span.end = E->tok[un->te - 1].end;
    long ref = un->ref;
    ac.code = un->ent >= 0 ? td_ent_code(E->doc, E->ents, un->ent, &ref)
                           : un->code;
    ac.entity = un->ent;
    ac.ref = ref >= 0 ? ref : un->ent;
    if (un->place >= 0)
      ac.entity = -1, ac.ref = -1;
    td_vec_push(&E->out->actors, ac);
    (*n)++;
  }
}

/* The light verb or verb of saying whose object the noun at t is: its
 * token, or -1. Also a light participle after the noun ("measures carried
 * out by X"). */
static int64_t td_light_before(const td_erun *E, uint32_t t) {
  int words = 0;
  for (uint32_t j = t; j > E->s_first && words < 4; j--) {
    uint32_t k = j - 1;
    uint32_t f = td_form(E, k);
    if (f && f < E->d->nforms && E->d->islight[f])
      return k;
    if (td_barrier(E, k) || td_punct(E, k, ',') || E->unit_at[k] >= 0)
      return -1;
    if (td_is_word(E, k))
      words++;
  }
  return -1;
}

static void td_code_pred(td_erun *E, uint32_t t, uint32_t te, int32_t pi,
                         uint32_t sent) {
  const td_eventdict *d = E->d;
  const td_epred *p = &d->preds.v[pi];
  bool noun = E->usage[t] == TD_EP_NOUN;
  td_bind b = {-1, -1, false, t, te};
  int64_t pat = td_patterns(E, p, t, te, &b);
  const td_ecode *code = NULL;
  if (pat >= 0)
    code = &d->pats.v[pat].code;
  else if (p->has_code)
    code = &p->code;
  else
    code = &d->blocks.v[p->block].code;
  for (uint32_t k = b.lo; k < b.hi && k < E->ntok; k++)
    E->used[k] = 1;
  if (!code->code[0] && !code->code2[0])
    return;

  td_erole src = td_no_erole, tgt = td_no_erole;
  uint32_t gov = 0, aux = 0;
  bool passive = false;
  if (!noun) {
    uint32_t a = td_skip_aux_left(E, t, E->s_first, &aux);
    uint8_t fk = d->fkind[td_form(E, t)];
    uint32_t prep;
    uint32_t by = te;
    while (by < E->s_end && by < te + 2 &&
           (td_is_adverb(E, by) || (td_wcls(E, by) & EW_AUX)))
      by++;
    bool by_after = by < E->s_end && td_form(E, by) == E->R->f_by;
    passive = (fk & TD_FK_PAST) && ((aux & EW_BE) || by_after);
    if (passive) {
      if (by_after) {
        int32_t u = td_unit_after(E, by + 1, 2, &prep, false);
        if (u >= 0)
          src.unit = u;
      }
      if (aux & EW_BE)
        tgt = td_subject(E, a, &gov, 0);
      else if (t > E->s_first && E->unit_at[t - 1] >= 0)
        tgt.unit = E->unit_at[t - 1];
    } else {
      /* "X condemned the attack and promised aid": the subject of the
       * verb before "and" */
      uint32_t f = a > E->s_first ? td_form(E, a - 1) : 0;
      if ((f == E->R->f_and || f == E->R->f_but) && E->last_src >= 0 &&
          (a < 2 || E->unit_at[a - 2] < 0))
        src.unit = E->last_src;
      else
        src = td_subject(E, a, &gov, 0);
      /* after what the pattern read: "withdrew the Russian peacekeeping
       * contingent from Karabakh" (the contingent is what withdrew) */
      uint32_t from = te;
      if (b.hi > te) {
        from = b.hi;
        if (from < E->s_end && E->unit_at[from - 1] >= 0 &&
            E->unit_at[from] == E->unit_at[from - 1])
          from = E->units.v[E->unit_at[from - 1]].te;
      }
      /* "allowed that Mordor ...": the subject of a that-clause right
       * after the verb */
      if (from == te && from + 1 < E->s_end &&
          td_form(E, from) == E->R->f_that && E->unit_at[from + 1] >= 0)
        from++;
      int32_t u = td_unit_after(E, from, 10, &prep, true);
      /* none after the pattern's words: an actor among them ("allowed
       * that Mordor isn't a really pleasant place") */
      if (u < 0 && from > te) {
        from = te;
        if (from + 1 < E->s_end && td_form(E, from) == E->R->f_that &&
            E->unit_at[from + 1] >= 0)
          from++;
        u = td_unit_after(E, from, 10, &prep, true);
      }
      if (u >= 0)
        tgt.unit = u;
    }
  } else {
    uint32_t prep;
    /* possessor or actor adjective right before: "Russia's withdrawal" */
    if (t > E->s_first && td_form(E, t - 1) == E->R->f_poss_s && t - 1 > 0 &&
        E->unit_at[t - 2] >= 0)
      src.unit = E->unit_at[t - 2];
    else if (t > E->s_first && E->unit_at[t - 1] >= 0)
      src.unit = E->unit_at[t - 1];
    /* "by X" in the noun phrase */
    if (src.unit < 0) {
      int words = 0;
      for (uint32_t j = te; j < E->s_end && words < 10; j++) {
        if (td_barrier(E, j) || (td_wcls(E, j) & EW_REL))
          break;
        if (E->pred_at[j] >= 0 && E->usage[j] == TD_EP_VERB)
          break;
        if (E->unit_at[j] >= 0) {
          size_t ga, gb;
          td_group(E, E->unit_at[j], &ga, &gb);
          j = E->units.v[gb].te - 1;
          continue;
        }
        if (td_form(E, j) == E->R->f_by && j + 1 < E->s_end) {
          int32_t u = td_unit_after(E, j + 1, 2, &prep, false);
          if (u >= 0)
            src.unit = u;
          break;
        }
        if (td_is_word(E, j))
          words++;
      }
    }
    /* "the withdrawal of Russian peacekeepers" */
    if (src.unit < 0 && te < E->s_end && td_form(E, te) == E->R->f_of &&
        !(b.tgt >= 0 && E->units.v[b.tgt].tf <= te + 3)) {
      int32_t u = td_unit_after(E, te + 1, 2, &prep, true);
      if (u >= 0 && prep == 0)
        src.unit = u;
    }
    /* the subject of the light verb ("X carried out measures") or the
     * agent of a light participle after it ("measures carried out by X") */
    if (src.unit < 0) {
      int64_t lv = td_light_before(E, t);
      if (lv >= 0) {
        uint32_t c2 = 0;
        uint32_t a = td_skip_aux_left(E, (uint32_t)lv, E->s_first, &c2);
        if (c2 & EW_BE) {
          uint32_t lend = (uint32_t)lv + 1;
          if (lend < E->s_end && td_is_word(E, lend) &&
              td_form(E, lend) != E->R->f_by)
            lend++;
          if (lend < E->s_end && td_form(E, lend) == E->R->f_by) {
            int32_t u = td_unit_after(E, lend + 1, 2, &prep, false);
            if (u >= 0)
              src.unit = u;
          }
        } else {
          src = td_subject(E, a, &gov, 0);
        }
        aux |= c2;
      } else if (te < E->s_end) {
        uint32_t f = td_form(E, te);
        if (f && f < d->nforms && d->islight[f]) {
          uint32_t j = te + 1;
          while (j < E->s_end && j < te + 3 && td_form(E, j) != E->R->f_by)
            j++;
          if (j < E->s_end && td_form(E, j) == E->R->f_by) {
            int32_t u = td_unit_after(E, j + 1, 2, &prep, false);
            if (u >= 0)
              src.unit = u;
          }
        }
      }
    }
    /* the target after a preposition: "attack on X", "talks with X" */
    {
      int words = 0;
      for (uint32_t j = te; j < E->s_end && words < 6; j++) {
        if (td_barrier(E, j) || (td_wcls(E, j) & EW_REL) ||
            td_punct(E, j, ','))
          break;
        if (E->unit_at[j] >= 0) {
          size_t ga, gb;
          td_group(E, E->unit_at[j], &ga, &gb);
          j = E->units.v[gb].te - 1;
          continue;
        }
        if ((td_wcls(E, j) & EW_NOUNTGT) && j + 1 < E->s_end) {
          int32_t u = td_unit_after(E, j + 1, 3, &prep, true);
          if (u >= 0 && (src.unit < 0 || E->units.v[u].group !=
                                             E->units.v[src.unit].group))
            tgt.unit = u;
          break;
        }
        if (td_is_word(E, j))
          words++;
      }
    }
  }
  if (b.src >= 0)
    src.unit = b.src, src.quote_speaker = -1;
  if (b.tgt >= 0)
    tgt.unit = b.tgt, tgt.quote_speaker = -1;
  /* a compound source with no target: each member toward the others */
  if (tgt.unit < 0 && tgt.quote_speaker < 0 && src.unit >= 0) {
    size_t ga, gb;
    td_group(E, src.unit, &ga, &gb);
    if (gb > ga)
      tgt = src, b.both = true;
  }
  if (src.unit >= 0 && tgt.unit >= 0 &&
      E->units.v[src.unit].group == E->units.v[tgt.unit].group && !b.both)
    tgt = td_no_erole;

  if (!noun && !passive && src.unit >= 0)
    E->last_src = src.unit;
  td_ev ev;
  memset(&ev, 0, sizeof(ev));
  ev.sentence = sent;
  ev.tok = t;
  ev.trigger.start = E->tok[t].start;
  ev.trigger.end = E->tok[te - 1].end;
  uint32_t lo = b.lo < t ? b.lo : t, hi = b.hi > te ? b.hi : te;
  ev.span.start = E->tok[lo].start;
  ev.span.end = E->tok[hi - 1].end;
  /* [CODE:CODE2]: CODE source to target, CODE2 target to source; [:CODE2]
   * the reverse alone */
  bool reverse_only = !code->code[0];
  const char *c = reverse_only ? code->code2 : code->code;
  td_copy_cut(ev.code, sizeof(ev.code), c);
  ev.cc = td_cameo_find(d->cameo, ev.code, strlen(ev.code));
  ev.timex = -1;
  ev.place = -1;
  ev.quote = -1;
  ev.claim_ent = ev.claim_ref = -1;
  if (!noun) {
    /* "the statement signed by": the noun before a participle; else the
     * object */
    if (passive && !(aux & EW_BE) && t > E->s_first && td_lower_word(E, t - 1)) {
      ev.np_noun = td_word_key(E, t - 1);
      if (t - 1 > E->s_first && td_modifier(E, t - 2))
        ev.np_mod = td_word_key(E, t - 2);
    } else if (!passive) {
      td_np_head(E, te, &ev.np_noun, &ev.np_mod);
    }
  }
  if (pat >= 0) {
    ev.pattern = d->pats.v[pat].where;
  }
  if (reverse_only) {
    td_erole x = src;
    src = tgt;
    tgt = x;
  }
  td_push_role(E, src, &ev.src, &ev.nsrc);
  td_push_role(E, tgt, &ev.tgt, &ev.ntgt);

  /* modality */
  uint32_t m = aux | gov;
  if (m & (EW_NEG | EW_REFUSE))
    ev.modality |= TD_MOD_NEGATED;
  if (m & (EW_MODAL | EW_HYPO))
    ev.modality |= TD_MOD_HYPOTHETICAL;
  if (m & (EW_WILL | EW_PLAN))
    ev.modality |= TD_MOD_PLANNED;
  if (noun && te < E->s_end) {
    /* "an offensive may follow", "talks will resume" */
    uint32_t c2 = td_wcls(E, te);
    if (c2 & EW_MODAL)
      ev.modality |= TD_MOD_HYPOTHETICAL;
    if (c2 & EW_WILL)
      ev.modality |= TD_MOD_PLANNED;
  }
  if (noun) {
    int words = 0;
    for (uint32_t j = t; j > E->s_first && words < 3; j--) {
      uint32_t k = j - 1;
      uint32_t ck = td_wcls(E, k);
      if (ck & EW_PLAN)
        ev.modality |= TD_MOD_PLANNED;
      if (td_form(E, k) == E->R->f_no)
        ev.modality |= TD_MOD_NEGATED;
      if (td_barrier(E, k) || td_punct(E, k, ','))
        break;
      if (td_is_word(E, k))
        words++;
    }
  }
  for (uint32_t j = t; j > E->s_first; j--) {
    uint32_t k = j - 1;
    if (td_punct(E, k, ',') || td_punct(E, k, ';') || td_quote_tok(E, k))
      break;
    if (td_wcls(E, k) & EW_COND) {
      ev.modality |= TD_MOD_CONDITIONAL;
      break;
    }
  }
  if (E->quote_at[t] >= 0) {
    td_quote_info q;
    ev.quote = E->quote_at[t];
    ev.modality |= TD_MOD_REPORTED;
    if (td_doc_quote(E->doc, (size_t)ev.quote, &q) && q.has_speaker) {
      ev.claim = q.speaker;
      ev.claim_ent = q.speaker_entity;
      ev.claim_ref = q.ref;
    }
  }

  /* the date */
  int32_t x = td_gov_timex(E, t, te);
  if (x < 0 && noun) {
    int64_t lv = td_light_before(E, t);
    if (lv >= 0)
      x = td_gov_timex(E, (uint32_t)lv, (uint32_t)lv + 1);
  }
  if (x >= 0) {
    ev.timex = x;
    ev.from = TD_DATE_TIMEX;
  } else if ((x = td_fronted(E, E->s_first, E->s_end)) >= 0) {
    ev.timex = x;
    ev.from = TD_DATE_TIMEX;
  }
  if (ev.timex >= 0) {
    const td_timex *tx = &E->tx->v.v[ev.timex];
    td_copy_value(ev.date, tx->value);
    ev.gran = td_granularity(ev.date);
  }
  /* a duration after it, before the next predicate verb: "lasting 44
   * days", "was completed within 44 days" */
  if (E->tx) {
    uint32_t lim = te;
    while (lim < E->s_end && !td_punct(E, lim, ';') &&
           !(E->pred_at[lim] >= 0 && E->usage[lim] == TD_EP_VERB))
      lim++;
    for (size_t i = 0; lim > te && i < E->tx->v.n; i++) {
      const td_timex *d2 = &E->tx->v.v[i];
      if (d2->type != TD_TX_DURATION || d2->span.start < E->tok[te - 1].end ||
          d2->span.end > E->tok[lim - 1].end)
        continue;
      td_copy_cut(ev.duration, sizeof(ev.duration), d2->value);
      break;
    }
  }
  td_vec_push(&E->out->v, ev);
  if (!reverse_only && code->code2[0] && ev.nsrc && ev.ntgt && !b.both) {
    td_ev rev = ev;
    td_copy_cut(rev.code, sizeof(rev.code), code->code2);
    rev.cc = td_cameo_find(d->cameo, rev.code, strlen(rev.code));
    rev.src = ev.tgt;
    rev.nsrc = ev.ntgt;
    rev.tgt = ev.src;
    rev.ntgt = ev.nsrc;
    td_vec_push(&E->out->v, rev);
  }
}

/* ---- The run ------------------------------------------------------------------- */

static uint32_t td_tok_from(const td_erun *E, uint32_t off) {
  size_t lo = 0, hi = E->ntok;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (E->tok[mid].end <= off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return (uint32_t)lo;
}

static void td_mark(td_erun *E, int32_t *at, td_span s, int32_t v) {
  for (uint32_t i = td_tok_from(E, s.start);
       i < E->ntok && E->tok[i].start < s.end; i++)
    if (at[i] < 0)
      at[i] = v;
}

/* Dates the events that have no timex of their own: the opening timex of
 * an earlier sentence of the paragraph (the time the text is at), else the
 * story date. */
static void td_date_context(td_erun *E) {
  const td_sentence *S = td_doc_sentences(E->doc);
  size_t ns = td_doc_nsentences(E->doc);
  td_date sd = td_doc_date(E->doc);
  char story[16] = "";
  if (sd.year)
    td_date_format(sd, story);
  td_dated_vec dated = {0};
  td_dated_nouns(E, &dated);
  for (size_t i = 0; i < E->out->v.n; i++) {
    td_ev *ev = &E->out->v.v[i];
    if (ev->timex >= 0 && ev->gran)
      continue;
    ev->timex = -1;
    ev->from = 0;
    ev->date[0] = 0;
    ev->gran = NULL;
    /* the noun phrase it is about is dated elsewhere in the story */
    for (size_t k = 0; ev->np_noun && k < dated.n; k++) {
      const td_dated *dn = &dated.v[k];
      if (dn->noun != ev->np_noun ||
          (dn->mod && ev->np_mod && dn->mod != ev->np_mod))
        continue;
      ev->timex = dn->timex;
      ev->from = TD_DATE_TIMEX;
      td_copy_value(ev->date, E->tx->v.v[dn->timex].value);
      ev->gran = td_granularity(ev->date);
      break;
    }
    if (ev->from)
      continue;
    for (size_t s = ev->sentence; s-- > 0;) {
      if (s >= ns || S[s].para != S[ev->sentence].para)
        break;
      int32_t x = td_fronted(E, S[s].tok_first, S[s].tok_end);
      if (x >= 0) {
        const char *g = td_granularity(E->tx->v.v[x].value);
        if (g) {
          ev->timex = x;
          ev->from = TD_DATE_CONTEXT;
          td_copy_value(ev->date, E->tx->v.v[x].value);
          ev->gran = g;
        }
        break;
      }
    }
    if (!ev->from && story[0]) {
      ev->from = TD_DATE_STORY;
      td_copy_value(ev->date, story);
      ev->gran = "day";
    }
  }
  td_vec_free(&dated);
}

/* The place: a place of the sentence after "in", "at", "near" or in the
 * clause, else the dateline's. */
static void td_places_of(td_erun *E) {
  if (!E->places)
    return;
  const td_sentence *S = td_doc_sentences(E->doc);
  int32_t dl = -1;
  for (size_t i = 0; i < E->places->v.n; i++)
    if (E->places->v.v[i].dateline)
      dl = (int32_t)i;
  for (size_t i = 0; i < E->out->v.n; i++) {
    td_ev *ev = &E->out->v.v[i];
    const td_sentence *s = &S[ev->sentence];
    int32_t best = -1;
    uint32_t bestd = UINT32_MAX;
    for (size_t p = 0; p < E->places->v.n; p++) {
      const td_placeref *pr = &E->places->v.v[p];
      if (pr->dateline || pr->tok_first < s->tok_first ||
          pr->tok_end > s->tok_end || pr->place < 0)
        continue;
      uint32_t dist = pr->tok_first > ev->tok ? pr->tok_first - ev->tok
                                              : ev->tok - pr->tok_first;
      if (dist < bestd)
        bestd = dist, best = (int32_t)p;
    }
    if (best >= 0)
      ev->place = best;
    else if (dl >= 0)
      ev->place = dl, ev->place_dateline = true;
  }
}

static void td_events_write(const td_doc *doc, const void *data, td_jw *w);

void td_events_run(td_doc *doc, const td_event_rules *R) {
  if (td_doc_layer(doc, "events"))
    return;
  td_evs *out = td_calloc(1, sizeof(*out));
  td_erun E;
  memset(&E, 0, sizeof(E));
  E.doc = doc;
  E.R = R;
  E.d = R->d;
  E.tok = td_doc_tokens(doc);
  E.ntok = td_doc_ntokens(doc);
  E.out = out;
  const td_lx_matches *lm = td_doc_layer(doc, "lexicon");
  E.forms = lm ? lm->forms : NULL;
  E.ents = td_doc_layer(doc, "entities");
  E.places = td_doc_layer(doc, "places");
  E.tx = td_doc_layer(doc, "timexes");
  if (!E.ntok || !E.forms || !E.d || !E.d->nforms) {
    td_doc_add_layer(doc, "events", out, td_events_write, td_evs_free);
    return;
  }
  size_t n = E.ntok;
  int32_t *ints = td_malloc(n * 6 * sizeof(int32_t));
  E.unit_at = ints;
  E.timex_at = ints + n;
  E.quote_at = ints + 2 * n;
  E.pred_at = ints + 3 * n;
  int32_t *pred_end = ints + 4 * n;
  E.sub_at = ints + 5 * n;
  for (size_t i = 0; i < 6 * n; i++)
    ints[i] = -1;
  uint8_t *bytes = td_calloc(n * 2, 1);
  E.used = bytes;
  E.usage = bytes + n;
  E.sl_stamp = td_calloc(E.d->set_names.n + 1, sizeof(uint32_t));
  td_make_units(&E);
  if (E.tx)
    for (size_t i = 0; i < E.tx->v.n; i++) {
      const td_timex *x = &E.tx->v.v[i];
      if (td_granularity(x->value))
        td_mark(&E, E.timex_at, x->span, (int32_t)i);
    }
  size_t nq = td_doc_nquotes(doc);
  for (size_t i = 0; i < nq; i++) {
    td_quote_info q;
    if (!td_doc_quote(doc, i, &q))
      continue;
    /* a claim: a quotation, or what a verb of saying or "according to"
     * reports (not what someone decided, condemned or believes) */
    if (!q.direct && q.has_cue && R->reporting) {
      char w[32];
      size_t k = 0;
      for (uint32_t c = q.cue.start; c < q.cue.end && k < sizeof(w) - 1; c++) {
        char ch = doc->text[c];
        if (ch == ' ')
          break;
        w[k++] = ch >= 'A' && ch <= 'Z' ? (char)(ch | 32) : ch;
      }
      if (!td_strmap_get(R->reporting, w, k, NULL) &&
          !(k == 9 && !memcmp(w, "according", 9)) && !(k == 1 && w[0] == ':'))
        continue;
    }
    for (size_t k = 0; k < q.nparts; k++)
      td_mark(&E, E.quote_at, q.parts[k], (int32_t)i);
  }
  const td_sentence *S = td_doc_sentences(doc);
  size_t ns = td_doc_nsentences(doc);
  /* PETRARCH discards: a story-level phrase codes nothing in the story, a
   * sentence-level one nothing in its sentence */
  uint8_t *discard = td_calloc(ns + 1, 1);
  bool story_discard = false;
  for (size_t i = 0; lm && i < lm->v.n; i++) {
    const td_lx_entry *en =
        td_lx_first(E.d->lx, &lm->v.v[i], 1u << TD_LX_DISCARD);
    if (!en)
      continue;
    if (en->value)
      story_discard = true;
    for (size_t s = 0; s < ns; s++)
      if (lm->v.v[i].first >= S[s].tok_first && lm->v.v[i].first < S[s].tok_end)
        discard[s] = 1;
  }
  for (size_t s = 0; s < ns && !story_discard; s++) {
    if (discard[s])
      continue;
    E.s_first = S[s].tok_first;
    E.s_end = S[s].tok_end;
    E.last_src = -1;
    bool headline = S[s].para < doc->para_role.n &&
                    doc->para_role.v[S[s].para] == TD_PARA_HEADLINE;
    /* find the predicates and their use */
    for (uint32_t t = E.s_first; t < E.s_end; t++) {
      if (!td_is_word(&E, t) || E.unit_at[t] >= 0)
        continue;
      if ((E.tok[t].flags & TD_TF_CAP) && t > E.s_first && !headline &&
          !td_quote_tok(&E, t - 1))
        continue;
      uint32_t end;
      int32_t p = td_pred_at(&E, t, &end);
      if (p < 0)
        continue;
      const td_epred *pr = &E.d->preds.v[p];
      uint8_t fk = E.d->fkind[td_form(&E, t)];
      uint8_t use = pr->pos;
      if (pr->pos == TD_EP_VERB && (fk & TD_FK_NOUN) && td_noun_use(&E, t))
        use = TD_EP_NOUN;
      else if (pr->pos == TD_EP_VERB && !(fk & (TD_FK_PAST | TD_FK_ING)) &&
               td_noun_use(&E, t))
        use = TD_EP_NOUN; /* "the attack", "an appeal" */
      else if (pr->pos == TD_EP_VERB && (fk & TD_FK_ING) && t > E.s_first &&
               (td_wcls(&E, t - 1) & (EW_DET | EW_POSS)))
        use = TD_EP_NOUN; /* "the reopening", "their meeting" */
      /* a noun and a verb of the same spelling: prefer what fits */
      for (int32_t nd = E.d->pred[td_form(&E, t)]; nd >= 0;
           nd = E.d->nodes.v[nd].next) {
        const td_epred *q = &E.d->preds.v[E.d->nodes.v[nd].pred];
        if (q->nrest == pr->nrest && q->pos != pr->pos &&
            ((q->pos == TD_EP_NOUN) == (use == TD_EP_NOUN))) {
          p = (int32_t)E.d->nodes.v[nd].pred;
          pr = q;
          break;
        }
      }
      /* a verb used as a noun codes nothing unless the dictionary lists
       * the noun ("during a brief visit") */
      if (use == TD_EP_NOUN && pr->pos == TD_EP_VERB)
        continue;
      E.pred_at[t] = p;
      E.usage[t] = use;
      pred_end[t] = (int32_t)end;
    }
    bool any = false;
    for (uint32_t t = E.s_first; t < E.s_end && !any; t++)
      any = E.pred_at[t] >= 0;
    if (!any)
      continue;
    td_sentence_words(&E);
    /* code them: verbs first (their patterns may take a noun) */
    for (int pass = 0; pass < 2; pass++)
      for (uint32_t t = E.s_first; t < E.s_end; t++) {
        if (E.pred_at[t] < 0 || E.used[t])
          continue;
        if ((E.usage[t] == TD_EP_VERB) != (pass == 0))
          continue;
        td_code_pred(&E, t, (uint32_t)pred_end[t], E.pred_at[t], (uint32_t)s);
      }
  }
  td_free(discard);
  td_date_context(&E);
  td_places_of(&E);
  td_free(ints);
  td_free(bytes);
  td_free(E.sl_stamp);
  td_free(E.present);
  td_vec_free(&E.plist);
  td_vec_free(&E.slist);
  td_vec_free(&E.cand);
  td_vec_free(&E.units);
  td_doc_add_layer(doc, "events", out, td_events_write, td_evs_free);
}

/* ---- Output ------------------------------------------------------------------- */

const char *td_date_from_name(td_date_from f) {
  switch (f) {
  case TD_DATE_TIMEX:
    return "timex";
  case TD_DATE_CONTEXT:
    return "context";
  case TD_DATE_STORY:
    return "story";
  }
  return NULL;
}

static const char *const td_mod_names[] = {"negated", "hypothetical",
                                           "conditional", "planned",
                                           "reported"};

const char *td_modality_name(unsigned bit) {
  for (unsigned i = 0; i < 5; i++)
    if (bit == 1u << i)
      return td_mod_names[i];
  return NULL;
}

static void td_write_actors(const td_doc *doc, const td_evs *E, uint32_t a,
                            uint32_t n, td_jw *w) {
  td_jw_arr(w);
  for (uint32_t i = a; i < a + n; i++) {
    const td_event_actor *ac = &E->actors.v[i];
    td_jw_obj(w);
    td_jw_key(w, "code");
    td_jw_cstr(w, ac->code);
    td_jw_key(w, "text");
    td_jw_str(w, doc->text + ac->span.start, ac->span.end - ac->span.start);
    td_jw_key(w, "start");
    td_jw_int(w, ac->span.start);
    td_jw_key(w, "end");
    td_jw_int(w, ac->span.end);
    td_jw_key(w, "ref");
    if (ac->ref >= 0) {
      char id[24];
      snprintf(id, sizeof(id), "e%ld", ac->ref + 1);
      td_jw_cstr(w, id);
    } else {
      td_jw_null(w);
    }
    td_jw_obj_end(w);
  }
  td_jw_arr_end(w);
}

static void td_events_write(const td_doc *doc, const void *data, td_jw *w) {
  const td_evs *E = data;
  td_jw_arr(w);
  for (size_t i = 0; i < E->v.n; i++) {
    const td_ev *ev = &E->v.v[i];
    char id[24];
    td_jw_obj(w);
    snprintf(id, sizeof(id), "v%zu", i + 1);
    td_jw_key(w, "id");
    td_jw_cstr(w, id);
    td_jw_key(w, "start");
    td_jw_int(w, ev->span.start);
    td_jw_key(w, "end");
    td_jw_int(w, ev->span.end);
    td_jw_key(w, "text");
    td_jw_str(w, doc->text + ev->span.start, ev->span.end - ev->span.start);
    td_jw_key(w, "trigger");
    td_jw_span(w, ev->trigger);
    td_jw_key(w, "sentence");
    td_jw_int(w, ev->sentence);
    td_jw_key(w, "code");
    td_jw_cstr(w, ev->code);
    char root[3] = {ev->code[0], ev->code[1], 0};
    td_jw_key(w, "root");
    td_jw_cstr(w, ev->cc ? root : NULL);
    td_jw_key(w, "quad");
    if (ev->cc)
      td_jw_int(w, ev->cc->quad);
    else
      td_jw_null(w);
    td_jw_key(w, "goldstein");
    if (ev->cc)
      td_jw_double(w, ev->cc->goldstein);
    else
      td_jw_null(w);
    td_jw_key(w, "plover");
    if (ev->cc && ev->cc->plover) {
      td_jw_obj(w);
      td_jw_key(w, "type");
      td_jw_cstr(w, ev->cc->plover);
      td_jw_key(w, "mode");
      td_jw_cstr(w, ev->cc->mode);
      td_jw_obj_end(w);
    } else {
      td_jw_null(w);
    }
    td_jw_key(w, "source");
    td_write_actors(doc, E, ev->src, ev->nsrc, w);
    td_jw_key(w, "target");
    td_write_actors(doc, E, ev->tgt, ev->ntgt, w);
    td_jw_key(w, "date");
    if (ev->from) {
      td_jw_obj(w);
      td_jw_key(w, "value");
      td_jw_cstr(w, ev->date);
      td_jw_key(w, "granularity");
      td_jw_cstr(w, ev->gran);
      td_jw_key(w, "from");
      td_jw_cstr(w, td_date_from_name((td_date_from)ev->from));
      if (ev->timex >= 0) {
        snprintf(id, sizeof(id), "t%d", ev->timex + 1);
        td_jw_key(w, "timex");
        td_jw_cstr(w, id);
      }
      td_jw_obj_end(w);
    } else {
      td_jw_null(w);
    }
    td_jw_key(w, "duration");
    td_jw_cstr(w, ev->duration[0] ? ev->duration : NULL);
    td_jw_key(w, "place");
    td_place_info pi;
    if (ev->place >= 0 && td_doc_place(doc, (size_t)ev->place, &pi)) {
      td_jw_obj(w);
      snprintf(id, sizeof(id), "p%d", ev->place + 1);
      td_jw_key(w, "id");
      td_jw_cstr(w, id);
      td_jw_key(w, "name");
      td_jw_cstr(w, pi.name);
      td_jw_key(w, "country");
      td_jw_cstr(w, pi.country);
      td_jw_key(w, "from");
      td_jw_cstr(w, ev->place_dateline ? "dateline" : "sentence");
      td_jw_obj_end(w);
    } else {
      td_jw_null(w);
    }
    td_jw_key(w, "modality");
    td_jw_arr(w);
    for (unsigned b = 0; b < 5; b++)
      if (ev->modality & (1u << b))
        td_jw_cstr(w, td_mod_names[b]);
    td_jw_arr_end(w);
    td_jw_key(w, "claimed_by");
    if (ev->quote >= 0 && ev->claim.end > ev->claim.start) {
      td_jw_obj(w);
      td_jw_key(w, "text");
      td_jw_str(w, doc->text + ev->claim.start,
                ev->claim.end - ev->claim.start);
      td_jw_key(w, "ref");
      long r = ev->claim_ref >= 0 ? ev->claim_ref : ev->claim_ent;
      if (r >= 0) {
        snprintf(id, sizeof(id), "e%ld", r + 1);
        td_jw_cstr(w, id);
      } else {
        td_jw_null(w);
      }
      snprintf(id, sizeof(id), "a%d", ev->quote + 1);
      td_jw_key(w, "quote");
      td_jw_cstr(w, id);
      td_jw_obj_end(w);
    } else {
      td_jw_null(w);
    }
    td_jw_key(w, "pattern");
    td_jw_cstr(w, ev->pattern);
    td_jw_obj_end(w);
  }
  td_jw_arr_end(w);
}

size_t td_doc_nevents(const td_doc *doc) {
  const td_evs *E = td_doc_layer(doc, "events");
  return E ? E->v.n : 0;
}

bool td_doc_event(const td_doc *doc, size_t i, td_event_info *out) {
  const td_evs *E = td_doc_layer(doc, "events");
  if (!E || i >= E->v.n)
    return false;
  const td_ev *ev = &E->v.v[i];
  memset(out, 0, sizeof(*out));
  out->span = ev->span;
  out->trigger = ev->trigger;
  out->sentence = ev->sentence;
  out->code = ev->code;
  if (ev->cc) {
    static const char *const roots[] = {"01", "02", "03", "04", "05", "06",
                                        "07", "08", "09", "10", "11", "12",
                                        "13", "14", "15", "16", "17", "18",
                                        "19", "20"};
    int r = (ev->code[0] - '0') * 10 + (ev->code[1] - '0');
    out->root = r >= 1 && r <= 20 ? roots[r - 1] : NULL;
    out->quad = ev->cc->quad;
    out->goldstein = ev->cc->goldstein;
    out->plover = ev->cc->plover;
    out->mode = ev->cc->mode;
  } else {
    out->goldstein = NAN;
  }
  out->nsources = ev->nsrc;
  out->sources = ev->nsrc ? E->actors.v + ev->src : NULL;
  out->ntargets = ev->ntgt;
  out->targets = ev->ntgt ? E->actors.v + ev->tgt : NULL;
  out->date = ev->from ? ev->date : NULL;
  out->granularity = ev->gran;
  out->date_from = (td_date_from)ev->from;
  out->timex = ev->timex;
  out->place = ev->place;
  out->place_dateline = ev->place_dateline;
  out->modality = ev->modality;
  out->quote = ev->quote;
  out->pattern = ev->pattern;
  return true;
}
