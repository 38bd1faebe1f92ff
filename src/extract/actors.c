/*
 * actors.c — the `entities` layer. Each sentence is cut into units: a
 * dictionary phrase (country, adjective, actor, agent, role, honorific,
 * pronoun, or a user's TABARI actor or agent), a NAME (capitalised words
 * no dictionary knows), a connector (of, of the, for, to, 's, -) or
 * anything else. Units joined by connectors make one mention, whose code
 * is composed as PETRARCH composes it: prefix agents, then the actor or
 * country code, then suffix agents ("Chief of the General Staff of the
 * Azerbaijani Armed Forces" → AZE + MIL). A mention with a name is a
 * person when something says so: a role or honorific before the name, a
 * role in apposition after it, a verb of speech next to it, or an earlier
 * mention of the same name. Later mentions point to the first (`ref`): the
 * surname, a pronoun (the most recent person), a definite role ("the chief
 * of the General Staff": the person with that role).
 */
#include "actors.h"

#include <ctype.h>
#include <stdio.h>
#include <strings.h>

enum { TD_U_ITEM = 1, TD_U_NAME, TD_U_CONN, TD_U_COMMA, TD_U_OTHER };

typedef struct td_unit {
  uint8_t type;
  uint16_t kind; /* TD_LX_* of an item */
  uint32_t value;
  uint32_t first, end; /* tokens */
} td_unit;

typedef TD_VEC(td_unit) td_units;

#define TD_ACTOR_KINDS                                                         \
  (1u << TD_LX_COUNTRY | 1u << TD_LX_ADJECTIVE | 1u << TD_LX_ACTOR |           \
   1u << TD_LX_AGENT | 1u << TD_LX_ROLE | 1u << TD_LX_HONORIFIC |              \
   1u << TD_LX_PRONOUN | 1u << TD_LX_XACTOR | 1u << TD_LX_XAGENT)

/* Which entry of a phrase an actor mention uses, best first: a user's
 * dictionary before ours, names before sectors. */
static const uint16_t td_kind_order[] = {
    TD_LX_XACTOR, TD_LX_ACTOR,  TD_LX_COUNTRY,   TD_LX_ADJECTIVE, TD_LX_ROLE,
    TD_LX_XAGENT, TD_LX_AGENT, TD_LX_HONORIFIC, TD_LX_PRONOUN};

typedef struct td_arun {
  td_doc *doc;
  const td_actor_ctx *ax;
  const td_lx_matches *M;
  td_entities *E;
  int story_country;
  long day; /* story date as days since 1970, 0 if unknown */
  uint32_t kinds; /* the lexicon entries that name actors */
  uint8_t *in_place; /* per token: 1 inside a place of the places layer */
  td_intmap *lone;   /* hashes of words standing alone as names, or NULL */
} td_arun;

/* ---- Tokens ------------------------------------------------------------- */

static bool td_tok_is(const td_doc *doc, uint32_t t, const char *w) {
  const td_token *tok = &doc->tokens.v[t];
  size_t n = strlen(w);
  if (tok->end - tok->start != n)
    return false;
  for (size_t i = 0; i < n; i++)
    if (tolower((unsigned char)doc->text[tok->start + i]) != w[i])
      return false;
  return true;
}

/* The TD_W_* classes of token t (from its lexicon form). */
static inline uint16_t td_wc(const td_arun *R, uint32_t t) {
  uint32_t f = R->M->forms[t];
  return f && f < R->ax->nforms ? R->ax->wclass[f] : 0;
}

/* Is token t, exactly as written, in m? */
static bool td_tok_exact(const td_doc *doc, uint32_t t, const td_strmap *m) {
  const td_token *tok = &doc->tokens.v[t];
  return m && td_strmap_get(m, doc->text + tok->start, tok->end - tok->start,
                            NULL);
}

static bool td_is_particle(const td_arun *R, const char *s, size_t n) {
  /* most words have no particle's length */
  const td_actordict *d = R->ax->d;
  if (!(d->particle_lens >> (n < 31 ? n : 31) & 1))
    return false;
  if (n < 31) { /* the particles are in lower case */
    char w[32];
    for (size_t i = 0; i < n; i++)
      w[i] = (char)tolower((unsigned char)s[i]);
    return td_strmap_get(d->particle_set, w, n, NULL);
  }
  for (size_t i = 0; i < d->particles.n; i++)
    if (strlen(d->particles.v[i]) == n &&
        !strncasecmp(d->particles.v[i], s, n))
      return true;
  return false;
}

/* Can token t be part of a name? A capitalised word, an initial, or a
 * particle joined by a hyphen to a capitalised word (al-Assad). */
/* (td_name_token's rare case: a hyphenated lower-case word) */
__attribute__((noinline)) static bool td_name_particle(const td_arun *R,
                                                       const td_token *tok) {
  const td_doc *doc = R->doc;
  const char *s = doc->text + tok->start;
  const char *h = memchr(s, '-', tok->end - tok->start);
  return h && td_is_particle(R, s, (size_t)(h - s)) &&
         h + 1 < doc->text + tok->end && isupper((unsigned char)h[1]);
}

static inline bool td_name_token(const td_arun *R, uint32_t t, bool first) {
  const td_token *tok = &R->doc->tokens.v[t];
  if (tok->kind != TD_TOK_WORD)
    return false;
  if (tok->flags & TD_TF_INITIAL)
    return !first;
  if (tok->flags & TD_TF_CAP)
    return true;
  if (!(tok->flags & TD_TF_HYPHEN)) /* a word has '-' only as a hyphen */
    return false;
  return td_name_particle(R, tok);
}

/* ---- Units ------------------------------------------------------------- */

static const td_lx_entry *td_pick_entry(const td_lexicon *lx,
                                        const td_lx_match *m) {
  for (size_t k = 0; k < TD_COUNT(td_kind_order); k++) {
    const td_lx_entry *e = td_lx_first(lx, m, 1u << td_kind_order[k]);
    if (e)
      return e;
  }
  return NULL;
}

/* Connector words between the parts of one mention. Returns the number of
 * tokens of the connector at t (0 if none). */
static uint32_t td_connector_at(const td_arun *R, uint32_t t, uint32_t end);

/* The same, with the test that turns away most tokens inline. */
static inline uint32_t td_connector(const td_arun *R, uint32_t t,
                                    uint32_t end) {
  if (t >= end || !(td_wc(R, t) & (TD_W_BRACKET | TD_W_POSS | TD_W_HYPHEN |
                                   TD_W_MOD | TD_W_OF | TD_W_FOR | TD_W_TO)))
    return 0;
  return td_connector_at(R, t, end);
}

static uint32_t td_connector_at(const td_arun *R, uint32_t t, uint32_t end) {
  if (t >= end)
    return 0;
  uint16_t w = td_wc(R, t);
  /* an editor's insertion: "the minister of defense [of Azerbaijan ...]" */
  if ((w & TD_W_BRACKET) && t + 1 < end) {
    uint32_t c = td_connector(R, t + 1, end);
    return c ? c + 1 : 0;
  }
  if (w & TD_W_POSS)
    return 1;
  if ((w & TD_W_HYPHEN) && R->doc->tokens.v[t].kind == TD_TOK_DASH)
    return 1;
  if ((w & TD_W_MOD) && t + 1 < end)
    return 1 + ((td_wc(R, t + 1) & TD_W_HYPHEN) ? 1 : 0);
  if (w & (TD_W_OF | TD_W_FOR | TD_W_TO)) {
    if (t + 1 < end && (td_wc(R, t + 1) & TD_W_THE))
      return 2;
    return 1;
  }
  return 0;
}

static void td_sentence_units(td_arun *R, const td_sentence *s, size_t *at,
                              td_units *U) {
  const td_doc *doc = R->doc;
  const td_lexicon *lx = R->ax->lx;
  U->n = 0;
  for (uint32_t t = s->tok_first; t < s->tok_end;) {
    size_t k = *at;
    const td_lx_match *m = td_lx_longest(lx, R->M, &k, t, R->kinds);
    *at = k;
    const td_lx_entry *pe = m && m->end <= s->tok_end ? td_pick_entry(lx, m)
                                                       : NULL;
    /* a country's name the places layer took for a state ("Atlanta,
     * Georgia") is no country here */
    if (pe && pe->kind == TD_LX_COUNTRY && R->in_place && R->in_place[t] == 2)
      pe = NULL;
    if (pe) {
      td_unit u = {TD_U_ITEM, pe->kind, pe->value, t, m->end};
      td_vec_push(U, u);
      t = m->end;
      continue;
    }
    if (R->in_place && R->in_place[t]) {
      /* a place, a time ("on Tuesday") or a news agency is not a person's
       * name ("in Karabakh, Colonel General ...") */
      td_unit u = {TD_U_OTHER, 0, 0, t, t + 1};
      td_vec_push(U, u);
      t++;
      continue;
    }
    if (td_name_token(R, t, true) && !td_tok_exact(doc, t, R->ax->starters)) {
      uint32_t e = t + 1;
      while (e < s->tok_end && e - t < 6) {
        if (td_name_token(R, e, false)) {
          size_t k2 = *at;
          if (td_lx_longest(lx, R->M, &k2, e, R->kinds) ||
              (R->in_place && R->in_place[e]))
            break;
          e++;
          continue;
        }
        /* a particle inside a name: Charles de Gaulle, Abu Bakr al Baghdadi */
        const td_token *pt = &doc->tokens.v[e];
        if (e + 1 < s->tok_end && pt->kind == TD_TOK_WORD &&
            td_is_particle(R, doc->text + pt->start, pt->end - pt->start) &&
            (doc->tokens.v[e + 1].flags & TD_TF_CAP)) {
          e += 2;
          continue;
        }
        break;
      }
      td_unit u = {TD_U_NAME, 0, 0, t, e};
      td_vec_push(U, u);
      t = e;
      continue;
    }
    uint32_t c = td_connector(R, t, s->tok_end);
    if (c) {
      td_unit u = {TD_U_CONN, 0, 0, t, t + c};
      td_vec_push(U, u);
      t += c;
      continue;
    }
    td_unit u = {(td_wc(R, t) & TD_W_COMMA) ? TD_U_COMMA : TD_U_OTHER, 0, 0, t,
                 t + 1};
    td_vec_push(U, u);
    t++;
  }
}

/* ---- Composing codes --------------------------------------------------- */

typedef struct td_comp {
  int country;  /* ISO country index, or -1                             */
  char cc[4];   /* the country part of the code: ISO alpha-3, or a user's
                   three-letter actor code (TABARI "OSG")               */
  uint8_t country_from;
  char base[TD_CODE_MAX];
  char pre[32], suf[32];
  const char *attrs;
  int32_t role;
  uint32_t role_first, role_end; /* tokens of the last role */
  bool has_role, has_name, has_actor, has_xactor, has_sector, state_sector;
  bool has_pronoun;
  const char *also; /* further codes of a compound TABARI code */
  bool proper; /* a sector written with capitals: an institution's name */
  uint32_t pronoun;
  const char *org_kind;
  uint32_t name_first, name_end;
  uint32_t title_first, title_end; /* role or honorific right before a name */
  uint32_t body_tok;  /* last token + 1 of a lower-case body word ("the
                         ministry"), 0 if none                            */
  char body_code[8];  /* the sector that word gave                       */
  int32_t body_ref;   /* the named body it was taken to be, or -1        */
} td_comp;

static bool td_state_sector(const char *code) {
  if (!code[0] || !code[1] || !code[2])
    return false;
#define TD_C3(a, b, c) ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16)
  uint32_t k = TD_C3((unsigned char)code[0], (unsigned char)code[1],
                     (unsigned char)code[2]);
  return k == TD_C3('G', 'O', 'V') || k == TD_C3('M', 'I', 'L') ||
         k == TD_C3('C', 'O', 'P') || k == TD_C3('J', 'U', 'D') ||
         k == TD_C3('L', 'E', 'G') || k == TD_C3('S', 'P', 'Y');
#undef TD_C3
}

static void td_add_agentcode(td_comp *c, const td_agentcode *a) {
  if (!a->code[0])
    return;
  char *dst = a->prefix ? c->pre : c->suf;
  size_t n = strlen(a->code);
  /* a sector already in the code is not repeated (AZE MIL + MIL) */
  for (const char *p = strstr(dst, a->code); p; p = strstr(p + 1, a->code))
    if ((size_t)(p - dst) % 3 == 0)
      return;
  size_t bn = strlen(c->base);
  if (!a->prefix && bn >= n && !strcmp(c->base + bn - n, a->code))
    return;
  if (strlen(dst) + n < sizeof(c->pre)) {
    strcat(dst, a->code);
    if (!c->has_sector)
      c->state_sector = td_state_sector(a->code);
    c->has_sector = true;
  }
}

static void td_comp_add(const td_arun *R, td_comp *c, const td_unit *u) {
  const td_actordict *d = R->ax->d;
  switch (u->kind) {
  case TD_LX_COUNTRY:
  case TD_LX_ADJECTIVE:
    if (c->country < 0 && !c->cc[0]) {
      c->country = (int)u->value;
      memcpy(c->cc, R->ax->c->v.v[u->value].alpha3, 4);
      c->country_from = TD_CF_TEXT;
    }
    break;
  case TD_LX_ACTOR: {
    const td_actor *a = &d->actors.v[u->value];
    if (!c->base[0])
      memcpy(c->base, a->code, sizeof(c->base));
    c->org_kind = a->kind;
    c->has_actor = true;
    break;
  }
  case TD_LX_XACTOR: {
    const char *code = td_xactor_code(d, &d->xactors.v[u->value], R->day);
    /* "FRO/BIL/SAM": several actors under one name; the first codes the
     * mention, the others are kept in `also` */
    const char *slash = strchr(code, '/');
    char one[TD_CODE_MAX];
    if (slash) {
      snprintf(one, sizeof(one), "%.*s", (int)(slash - code), code);
      if (!c->also)
        c->also = td_doc_strdup(R->doc, slash + 1, strlen(slash + 1));
      code = one;
    }
    /* a three-letter code is a country's, known to ISO or not */
    if (strlen(code) == 3 && !c->cc[0]) {
      c->country = td_country_by_code(R->ax->c, code);
      memcpy(c->cc, code, 4);
      c->country_from = TD_CF_TEXT;
    } else if (strlen(code) != 3 && code[0] && !c->base[0]) {
      snprintf(c->base, sizeof(c->base), "%s", code);
    }
    c->has_xactor = true;
    break;
  }
  case TD_LX_AGENT:
  case TD_LX_XAGENT: {
    const td_agent *a = &d->agents.v[u->value];
    td_add_agentcode(c, &a->code);
    if (R->doc->tokens.v[u->first].flags & TD_TF_CAP &&
        !(u->first > 0 && R->doc->tokens.v[u->first - 1].flags & TD_TF_STOP))
      c->proper = true;
    else if (!c->body_tok && !a->code.prefix &&
             td_state_sector(a->code.code) &&
             strlen(a->code.code) < sizeof(c->body_code)) {
      c->body_tok = u->end;
      memcpy(c->body_code, a->code.code, strlen(a->code.code) + 1);
    }
    if (a->attrs && !c->attrs)
      c->attrs = a->attrs;
    break;
  }
  case TD_LX_ROLE: {
    const td_role *r = &d->roles.v[u->value];
    /* An organisation's officer keeps the organisation's code. */
    if (!(c->has_actor || c->base[0]) || !r->code.code[0])
      td_add_agentcode(c, &r->code);
    c->role = (int32_t)u->value;
    c->role_first = u->first;
    c->role_end = u->end;
    c->has_role = true;
    break;
  }
  case TD_LX_PRONOUN:
    c->has_pronoun = true;
    c->pronoun = u->value;
    break;
  default:
    break;
  }
}

static void td_comp_init(td_comp *c) {
  memset(c, 0, sizeof(*c));
  c->country = -1;
  c->role = -1;
  c->body_ref = -1;
}

/* The composed code; falls back to the story's country for a state
 * institution named without one ("the Defense Ministry's spokesman"). */
/* A state body named by its common noun alone ("the ministry", "ministry
 * spokesperson") is the last body of the document whose name ends in that
 * noun ("Armenia's Defence Ministry"): it takes that body's country, and
 * its sectors when the noun gave the only one. */
static void td_body_ref(const td_arun *R, td_comp *c) {
  if (!c->body_tok || c->cc[0] || c->base[0] || c->has_actor)
    return;
  uint32_t form = R->M->forms[c->body_tok - 1];
  if (!form)
    return;
  for (size_t i = R->E->v.n; i-- > 0;) {
    const td_entity *e = &R->E->v.v[i];
    if (!e->cc[0] || e->kind == TD_EK_PERSON || e->kind == TD_EK_COUNTRY ||
        e->tok_end == 0 || R->M->forms[e->tok_end - 1] != form)
      continue;
    c->country = td_country_by_code(R->ax->c, e->cc);
    memcpy(c->cc, e->cc, sizeof(c->cc));
    c->country_from = TD_CF_REF;
    if (!strcmp(c->suf, c->body_code) && e->suffix[0])
      snprintf(c->suf, sizeof(c->suf), "%s", e->suffix);
    c->body_ref = (int32_t)i;
    return;
  }
}

static void td_comp_code(const td_arun *R, td_comp *c, char *out, size_t cap) {
  td_body_ref(R, c);
  const char *mid = c->base[0] ? c->base : "";
  if (!mid[0] && !c->cc[0] && c->has_sector && c->state_sector &&
      (c->has_name || c->proper) && R->story_country >= 0) {
    c->country = R->story_country;
    memcpy(c->cc, R->ax->c->v.v[c->country].alpha3, 4);
    c->country_from = TD_CF_STORY;
  }
  if (!mid[0] && c->cc[0])
    mid = c->cc;
  if (!mid[0] && !c->pre[0]) {
    /* a sector alone is no code: the CAMEO code needs its actor */
    out[0] = 0;
    return;
  }
  /* A sector the actor's own code has already is not added again
   * (a user's [AZEGOV] actor, "presidential": AZEGOV, not AZEGOVGOV). */
  if (c->base[0] && c->suf[0]) {
    size_t bn = strlen(c->base), k = 0;
    char kept[sizeof(c->suf)];
    for (size_t i = 0; i + 3 <= strlen(c->suf); i += 3) {
      bool have = false;
      for (size_t j = 3; j + 3 <= bn && !have; j += 3)
        have = !memcmp(c->base + j, c->suf + i, 3);
      if (!have) {
        memcpy(kept + k, c->suf + i, 3);
        k += 3;
      }
    }
    kept[k] = 0;
    memcpy(c->suf, kept, k + 1);
  }
  /* A ministry's colonel is MIL, not GOVMIL: GOV gives way to a more
   * specific state sector. */
  if (!strncmp(c->suf, "GOV", 3) && strlen(c->suf) >= 6 &&
      td_state_sector(c->suf + 3))
    memmove(c->suf, c->suf + 3, strlen(c->suf + 3) + 1);
  const char *parts[3] = {c->pre, mid, mid[0] ? c->suf : ""};
  size_t k = 0;
  for (int i = 0; i < 3; i++) {
    size_t n = strlen(parts[i]);
    if (k + n >= cap)
      n = cap - 1 - k;
    memcpy(out + k, parts[i], n);
    k += n;
  }
  out[k] = 0;
}

/* ---- Entities ------------------------------------------------------------ */

static td_span td_tok_span(const td_doc *doc, uint32_t first, uint32_t end) {
  td_span s = {doc->tokens.v[first].start, doc->tokens.v[end - 1].end};
  return s;
}

static const char *td_text_dup(td_doc *doc, uint32_t first, uint32_t end) {
  td_span s = td_tok_span(doc, first, end);
  return td_doc_strdup(doc, doc->text + s.start, s.end - s.start);
}

static int32_t td_push(td_arun *R, td_entity *e) {
  td_vec_push(&R->E->v, *e);
  return (int32_t)R->E->v.n - 1;
}

/* The entity a reference leads to in the end. */
static int32_t td_root(const td_arun *R, int32_t i) {
  while (i >= 0 && R->E->v.v[i].ref >= 0)
    i = R->E->v.v[i].ref;
  return i;
}

/* The person an earlier mention named `first..end` (full name or
 * surname), or -1. */
static int32_t td_known_person(const td_arun *R, uint32_t first, uint32_t end) {
  const td_doc *doc = R->doc;
  td_span s = td_tok_span(doc, first, end);
  size_t n = s.end - s.start;
  const char *t = doc->text + s.start;
  for (size_t i = 0; i < R->E->v.n; i++) {
    const td_entity *e = &R->E->v.v[i];
    if (e->kind != TD_EK_PERSON || e->ref >= 0 || !e->name)
      continue;
    size_t nn = strlen(e->name);
    if (nn == n && !strncmp(e->name, t, n))
      return (int32_t)i;
    /* the surname: the name's last word */
    const char *sp = strrchr(e->name, ' ');
    if (sp && end - first == 1 && strlen(sp + 1) == n &&
        !strncmp(sp + 1, t, n))
      return (int32_t)i;
  }
  return -1;
}

static uint64_t td_word_key(const td_doc *doc, uint32_t t) {
  const td_token *k = &doc->tokens.v[t];
  return td_hash(doc->text + k->start, k->end - k->start) | 1;
}

/* Is the last word of the name [first, end) of several words used alone
 * as a name elsewhere in the story ("Donald Trump" ... "Trump")? Then it
 * is a person's surname. */
static bool td_surname_used(const td_arun *R, uint32_t first, uint32_t end) {
  uint32_t one;
  return R->lone && end - first >= 2 &&
         td_intmap_get(R->lone, td_word_key(R->doc, end - 1), &one);
}

static bool td_speech_next_to(const td_arun *R, uint32_t first, uint32_t end,
                              const td_sentence *s) {
  if (end < s->tok_end && (td_wc(R, end) & TD_W_SPEECH))
    return true;
  /* "Valiyev has said", "Hajiyev also told reporters" */
  if (end + 1 < s->tok_end && (td_wc(R, end) & TD_W_AUX) &&
      (td_wc(R, end + 1) & TD_W_SPEECH))
    return true;
  return first > s->tok_first && (td_wc(R, first - 1) & TD_W_SPEECH);
}

static void td_fill(td_arun *R, td_entity *e, td_comp *c, uint32_t first,
                    uint32_t end, uint32_t sentence) {
  td_doc *doc = R->doc;
  memset(e, 0, sizeof(*e));
  e->span = td_tok_span(doc, first, end);
  e->tok_first = first;
  e->tok_end = end;
  e->ref = -1;
  e->role = c->role;
  e->sentence = sentence;
  td_comp_code(R, c, e->code, sizeof(e->code));
  e->country_from = e->code[0] ? c->country_from : TD_CF_NONE;
  if (!c->base[0])
    memcpy(e->cc, c->cc, sizeof(e->cc));
  size_t sl = strlen(c->suf);
  if (sl >= sizeof(e->suffix))
    sl = sizeof(e->suffix) - 1;
  memcpy(e->suffix, c->suf, sl);
  e->also = c->also;
  e->attrs = c->attrs;
  e->org_kind = c->org_kind;
  if (c->has_role) {
    e->role_text = td_text_dup(doc, c->role_first, c->role_end);
    e->role_span = td_tok_span(doc, c->role_first, c->role_end);
  }
}

/* The most recent person before token t within the last three sentences,
 * as a root; -1 if none. */
static int32_t td_recent_person(const td_arun *R, uint32_t sentence,
                                int32_t want_role, uint8_t gender) {
  /* With a gender: first a person known to have it, then one whose
   * gender is not known; never one of the other ("she" is not a man's). */
  for (int pass = gender ? 0 : 1; pass < 2; pass++)
    for (size_t i = R->E->v.n; i-- > 0;) {
      const td_entity *e = &R->E->v.v[i];
      if (want_role < 0 && e->sentence + 3 < sentence)
        break;
      if (e->kind != TD_EK_PERSON)
        continue;
      int32_t r = td_root(R, (int32_t)i);
      if (r < 0)
        continue;
      const td_entity *root = &R->E->v.v[r];
      if (!root->name)
        continue;
      if (want_role >= 0 && root->role != want_role && e->role != want_role)
        continue;
      if (gender && root->gender != (pass == 0 ? gender : 0))
        continue;
      return r;
    }
  return -1;
}

/* Is the head word of the phrase [first, end) plural ("leaders", "heads
 * of state", "prime ministers", "servicemen")? The head is the word
 * before "of", or the last word. */
static bool td_plural_head(const td_doc *doc, uint32_t first, uint32_t end) {
  uint32_t h = end - 1;
  for (uint32_t t = first + 1; t < end; t++)
    if (td_tok_is(doc, t, "of")) {
      h = t - 1;
      break;
    }
  const td_token *tok = &doc->tokens.v[h];
  const char *w = doc->text + tok->start;
  size_t n = tok->end - tok->start;
  if (n < 4 || (tok->flags & TD_TF_UPPER))
    return false;
  if (!strncmp(w + n - 3, "men", 3))
    return true;
  char a = w[n - 2], b = w[n - 1];
  return b == 's' && a != 's' && a != 'u' && a != 'i';
}

/* Are tokens [first, end) an anaphor word of names.txt? */
static bool td_is_anaphor(const td_arun *R, uint32_t first, uint32_t end) {
  const td_strmap *m = R->ax->d->anaphors;
  if (!m || end <= first)
    return false;
  td_span sp = td_tok_span(R->doc, first, end);
  char w[64];
  size_t n = sp.end - sp.start;
  if (n >= sizeof(w))
    return false;
  for (size_t i = 0; i < n; i++)
    w[i] = (char)tolower((unsigned char)R->doc->text[sp.start + i]);
  return td_strmap_get(m, w, n, NULL);
}

/* The gender the words [first, end) give a person ("Mrs.",
 * "spokeswoman": names.txt gender), or 0. */
static uint8_t td_gender_of(const td_arun *R, uint32_t first, uint32_t end) {
  const td_strmap *m = R->ax->d->gender_words;
  if (!m)
    return 0;
  for (uint32_t t = first; t < end; t++) {
    const td_token *k = &R->doc->tokens.v[t];
    char w[32];
    size_t n = k->end - k->start;
    if (k->kind != TD_TOK_WORD || n >= sizeof(w))
      continue;
    for (size_t i = 0; i < n; i++)
      w[i] = (char)tolower((unsigned char)R->doc->text[k->start + i]);
    uint32_t g;
    if (td_strmap_get(m, w, n, &g))
      return (uint8_t)g;
  }
  return 0;
}

/* Copies what a mention inherits from the entity it refers to. */
static void td_inherit(td_arun *R, td_entity *e, int32_t ref) {
  const td_entity *r = &R->E->v.v[ref];
  e->ref = ref;
  e->kind = r->kind;
  e->name = r->name;
  if (!e->code[0] || e->country_from == TD_CF_STORY) {
    memcpy(e->code, r->code, sizeof(e->code));
    e->country_from = TD_CF_REF;
  }
}

/* Handles the mention made of units [a, b) of sentence s; returns the
 * index of the unit after what it used (an apposition is used too). */
static size_t td_mention(td_arun *R, const td_units *U, size_t a, size_t b,
                         const td_sentence *s, uint32_t si) {
  td_doc *doc = R->doc;
  td_comp c;
  td_comp_init(&c);
  size_t name_unit = SIZE_MAX;
  for (size_t k = a; k < b; k++) {
    const td_unit *u = &U->v[k];
    if (u->type == TD_U_ITEM)
      td_comp_add(R, &c, u);
    else if (u->type == TD_U_NAME) {
      /* Of several names, the one after a title, else the last ("Plant
       * director Mladen Ostojic": not "Plant"). */
      bool titled = k > a && U->v[k - 1].type == TD_U_ITEM &&
                    (U->v[k - 1].kind == TD_LX_ROLE ||
                     U->v[k - 1].kind == TD_LX_HONORIFIC ||
                     U->v[k - 1].kind == TD_LX_XAGENT);
      if (name_unit != SIZE_MAX && c.title_end > c.title_first && !titled)
        continue;
      name_unit = k;
      c.has_name = true;
      c.name_first = u->first;
      c.name_end = u->end;
      c.title_first = c.title_end = 0;
      if (titled) {
        c.title_first = U->v[k - 1].first;
        c.title_end = U->v[k - 1].end;
      }
    }
  }
  uint32_t first = U->v[a].first, end = U->v[b - 1].end;
  bool definite = first > s->tok_first && (td_wc(R, first - 1) & TD_W_THE);
  size_t next = b;

  /* An apposition: ", [the|a] ROLE ..." after a name. */
  size_t app_a = 0, app_b = 0;
  if (c.has_name && b + 1 < U->n && U->v[b].type == TD_U_COMMA) {
    size_t k = b + 1;
    /* "the", "a", "first deputy", "former": up to two lower-case words */
    for (int skip = 0; skip < 2 && k + 1 < U->n && U->v[k].type == TD_U_OTHER;
         skip++) {
      const td_token *w = &doc->tokens.v[U->v[k].first];
      if (w->kind != TD_TOK_WORD || (w->flags & TD_TF_CAP))
        break;
      k++;
    }
    if (k < U->n && U->v[k].type == TD_U_ITEM && U->v[k].kind == TD_LX_ROLE) {
      size_t e = k + 1;
      while (e < U->n && (U->v[e].type == TD_U_ITEM ||
                          (U->v[e].type == TD_U_CONN && e + 1 < U->n &&
                           U->v[e + 1].type == TD_U_ITEM)))
        e++;
      app_a = k;
      app_b = e;
    }
  }

  td_entity ent;
  if (c.has_name) {
    int32_t known = td_known_person(R, c.name_first, c.name_end);
    bool titled = c.title_end > c.title_first;
    bool person = known >= 0 || titled || app_b > app_a ||
                  td_speech_next_to(R, first, end, s) ||
                  td_surname_used(R, c.name_first, c.name_end);
    if (!person) {
      /* A name we cannot place ("Evil Mordor"): left out, but the items
       * before and after it are mentions of their own. */
      size_t lo = a;
      for (size_t k = a; k <= b; k++) {
        if (k == b || U->v[k].type == TD_U_NAME) {
          size_t x = lo, y = k;
          while (x < y && U->v[x].type != TD_U_ITEM)
            x++;
          while (y > x && U->v[y - 1].type != TD_U_ITEM)
            y--;
          if (x < y)
            td_mention(R, U, x, y, s, si);
          lo = k + 1;
        }
      }
      return next;
    }
    td_comp whole = c;
    if (app_b > app_a)
      for (size_t k = app_a; k < app_b; k++)
        if (U->v[k].type == TD_U_ITEM)
          td_comp_add(R, &whole, &U->v[k]);
    /* A role before the name that is not its title ("the minister of
     * defense of Azerbaijan Zakir Hasanov, Colonel General") stays the
     * role; the apposition is then the title. */
    bool own_role = c.has_role && !(c.role_first == c.title_first &&
                                    c.title_end > c.title_first);
    uint32_t app_first = 0, app_end = 0;
    if (own_role && app_b > app_a) {
      app_first = whole.role_first;
      app_end = whole.role_end;
      whole.role = c.role;
      whole.role_first = c.role_first;
      whole.role_end = c.role_end;
    }
    td_fill(R, &ent, &whole, first, end, si);
    ent.kind = TD_EK_PERSON;
    ent.gender = td_gender_of(R, first, c.name_first);
    if (!ent.gender && app_b > app_a)
      ent.gender = td_gender_of(R, U->v[app_a].first, U->v[app_b - 1].end);
    ent.name = td_text_dup(doc, c.name_first, c.name_end);
    if (app_end > app_first && !titled)
      ent.title = td_text_dup(doc, app_first, app_end);
    if (titled) {
      ent.title = td_text_dup(doc, c.title_first, c.title_end);
      if (ent.role_text && !strcmp(ent.role_text, ent.title) &&
          app_b <= app_a)
        ent.title = NULL;
    }
    if (known >= 0) {
      if (!ent.role_text && !ent.code[0]) {
        td_inherit(R, &ent, known);
      } else {
        ent.ref = known;
        if (!ent.code[0] || ent.country_from == TD_CF_STORY)
          td_inherit(R, &ent, known);
      }
    }
    int32_t me = td_push(R, &ent);
    /* "Mrs. Clinton" tells the gender of the Hillary Clinton named before */
    int32_t root = td_root(R, me);
    if (ent.gender && root >= 0 && !R->E->v.v[root].gender)
      R->E->v.v[root].gender = ent.gender;
    if (app_b > app_a) {
      td_comp ac;
      td_comp_init(&ac);
      for (size_t k = app_a; k < app_b; k++)
        if (U->v[k].type == TD_U_ITEM)
          td_comp_add(R, &ac, &U->v[k]);
      td_entity app;
      td_fill(R, &app, &ac, U->v[app_a].first, U->v[app_b - 1].end, si);
      app.kind = TD_EK_PERSON;
      td_inherit(R, &app, me);
      app.role = R->E->v.v[me].role;
      td_push(R, &app);
      next = app_b;
    }
    return next;
  }

  /* decided before td_fill, which may give the story's country */
  bool bare_role = c.has_role && definite && !c.cc[0] && !c.base[0] &&
                   !c.has_actor;
  td_fill(R, &ent, &c, first, end, si);
  if (c.has_pronoun && b - a == 1) {
    uint8_t g = c.pronoun < R->ax->d->pronoun_gender.n
                    ? R->ax->d->pronoun_gender.v[c.pronoun]
                    : 0;
    if (g != 'm' && g != 'f')
      g = 0;
    int32_t r = td_recent_person(R, si, -1, g);
    if (r < 0)
      return next;
    /* the person is now known to be a man or a woman */
    if (g && !R->E->v.v[r].gender)
      R->E->v.v[r].gender = g;
    ent.kind = TD_EK_PERSON;
    td_inherit(R, &ent, r);
    td_push(R, &ent);
    return next;
  }
  /* "the chief of the General Staff", "the official": the person with
   * that role, or, for a role that names no sector, the last person. */
  if (bare_role) {
    int32_t r = td_recent_person(R, si, c.role, 0);
    if (r < 0 && td_is_anaphor(R, c.role_first, c.role_end))
      r = td_recent_person(R, si, -1, 0);
    if (r >= 0) {
      ent.kind = TD_EK_PERSON;
      td_inherit(R, &ent, r);
      td_push(R, &ent);
      return next;
    }
  }
  if (c.has_role && !td_plural_head(doc, c.role_first, c.role_end))
    ent.kind = TD_EK_PERSON;
  else if (c.has_role || c.has_sector)
    ent.kind = TD_EK_GROUP;
  else if (c.has_actor)
    ent.kind = TD_EK_ORG;
  else if (c.has_xactor && c.base[0])
    ent.kind = TD_EK_ACTOR;
  else if (c.cc[0])
    ent.kind = TD_EK_COUNTRY;
  else
    return next; /* an honorific alone, a pronoun with no one before */
  if (c.body_ref >= 0 && ent.kind == TD_EK_GROUP && !c.has_role)
    ent.ref = c.body_ref;
  td_push(R, &ent);
  return next;
}

/* The end (unit index) of the mention that starts at unit k: a maximal
 * run of items and names joined directly or by connectors. */
static bool td_country_item(const td_arun *R, const td_unit *u) {
  if (u->type != TD_U_ITEM)
    return false;
  if (u->kind == TD_LX_COUNTRY || u->kind == TD_LX_ADJECTIVE)
    return true;
  if (u->kind == TD_LX_XACTOR) {
    const char *code =
        td_xactor_code(R->ax->d, &R->ax->d->xactors.v[u->value], R->day);
    return code[0] && !strchr(code, '/') && strlen(code) == 3;
  }
  return false;
}

static bool td_sector_item(const td_unit *u) {
  return u->type == TD_U_ITEM &&
         (u->kind == TD_LX_AGENT || u->kind == TD_LX_ROLE ||
          u->kind == TD_LX_XAGENT);
}

static size_t td_mention_end(const td_arun *R, const td_units *U, size_t k) {
  size_t b = k + 1;
  while (b < U->n) {
    /* "Soldiers from Gondor", "lawmakers in Fornost": a sector named
     * without a country takes the country after in or from */
    if (U->v[b].type == TD_U_OTHER && b + 1 < U->n &&
        td_sector_item(&U->v[b - 1]) && td_country_item(R, &U->v[b + 1]) &&
        (td_wc(R, U->v[b].first) & TD_W_IN)) {
      bool has_country = false;
      for (size_t j = k; j < b; j++)
        has_country |= td_country_item(R, &U->v[j]);
      if (!has_country) {
        b += 2;
        continue;
      }
    }
    if (U->v[b].type == TD_U_ITEM ||
        (U->v[b].type == TD_U_NAME && U->v[b - 1].type != TD_U_NAME)) {
      /* a pronoun stands alone; two names in a row are two mentions */
      if (U->v[b].type == TD_U_ITEM && U->v[b].kind == TD_LX_PRONOUN)
        break;
      if (U->v[b - 1].type == TD_U_ITEM && U->v[b - 1].kind == TD_LX_PRONOUN)
        break;
      b++;
      continue;
    }
    if (U->v[b].type == TD_U_CONN && b + 1 < U->n &&
        (U->v[b + 1].type == TD_U_ITEM || U->v[b + 1].type == TD_U_NAME) &&
        !(U->v[b + 1].type == TD_U_ITEM && U->v[b + 1].kind == TD_LX_PRONOUN) &&
        !(U->v[b - 1].type == TD_U_ITEM && U->v[b - 1].kind == TD_LX_PRONOUN)) {
      b += 2;
      continue;
    }
    break;
  }
  /* a possessive or connector at the end belongs to what follows */
  while (b > k + 1 && U->v[b - 1].type == TD_U_CONN)
    b--;
  return b;
}

static bool td_has_name(const td_units *U, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if (U->v[k].type == TD_U_NAME)
      return true;
  return false;
}

/* Only commas and "and" between units a and b? (and at least one) */
static bool td_coordinated(const td_arun *R, const td_units *U, size_t a,
                           size_t b) {
  if (b <= a)
    return false;
  for (size_t k = a; k < b; k++) {
    const td_unit *u = &U->v[k];
    if (u->type == TD_U_COMMA)
      continue;
    if (u->type == TD_U_OTHER && (td_wc(R, u->first) & TD_W_AND))
      continue;
    return false;
  }
  return true;
}

/* Gives a bare country the sectors of a coordinated mention: "Armenian
 * and Azerbaijani forces" (the sectors after the list), "the ambassadors
 * of Arnor, Osgiliath and Gondor" (before it). */
static void td_share_sectors(td_arun *R, td_entity *to, const td_entity *from) {
  (void)R;
  if (to->kind != TD_EK_COUNTRY || !to->cc[0] || !from->suffix[0] ||
      !from->cc[0])
    return;
  snprintf(to->code, sizeof(to->code), "%.3s%s", to->cc, from->suffix);
  memcpy(to->suffix, from->suffix, sizeof(to->suffix));
  to->kind = from->kind == TD_EK_PERSON ? TD_EK_GROUP : from->kind;
}

static void td_coordinate(td_arun *R, const td_units *U, size_t e0) {
  td_entity *E = R->E->v.v;
  size_t n = R->E->v.n;
  size_t i = e0;
  while (i < n) {
    /* a run of mentions joined by commas and "and" */
    size_t j = i + 1;
    while (j < n && E[j].unit_first >= E[j - 1].unit_end &&
           td_coordinated(R, U, E[j - 1].unit_end, E[j].unit_first))
      j++;
    if (j - i > 1) {
      td_entity *first = &E[i], *last = &E[j - 1];
      bool head_before = first->suffix[0] &&
                         td_country_item(R, &U->v[first->unit_end - 1]);
      bool head_after = last->suffix[0] &&
                        td_country_item(R, &U->v[last->unit_first]);
      for (size_t k = i; k < j; k++) {
        if (head_after && k < j - 1)
          td_share_sectors(R, &E[k], last);
        else if (head_before && k > i)
          td_share_sectors(R, &E[k], first);
      }
    }
    i = j;
  }
}

static void td_sentence_mentions(td_arun *R, const td_units *U,
                                 const td_sentence *s, uint32_t si) {
  size_t e0 = R->E->v.n;
  size_t k = 0;
  while (k < U->n) {
    const td_unit *u = &U->v[k];
    if (u->type != TD_U_ITEM && u->type != TD_U_NAME) {
      k++;
      continue;
    }
    size_t b = td_mention_end(R, U, k);
    /* "Azerbaijani Defense Ministry's spokesman, Colonel Anar Eyvazov":
     * the person first, then the role that names them. */
    if (!td_has_name(U, k, b) && b + 1 < U->n && U->v[b].type == TD_U_COMMA &&
        (U->v[b + 1].type == TD_U_ITEM || U->v[b + 1].type == TD_U_NAME)) {
      size_t b2 = td_mention_end(R, U, b + 1);
      bool role = false;
      for (size_t j = k; j < b; j++)
        role |= U->v[j].type == TD_U_ITEM && U->v[j].kind == TD_LX_ROLE;
      if (role && td_has_name(U, b + 1, b2)) {
        size_t before = R->E->v.n;
        td_mention(R, U, b + 1, b2, s, si);
        int32_t person = -1;
        for (size_t j = before; j < R->E->v.n; j++)
          if (R->E->v.v[j].kind == TD_EK_PERSON && R->E->v.v[j].name &&
              R->E->v.v[j].tok_first >= U->v[b + 1].first) {
            person = (int32_t)j;
            break;
          }
        size_t after = R->E->v.n;
        td_mention(R, U, k, b, s, si);
        if (person >= 0 && R->E->v.n > after) {
          td_entity *rm = &R->E->v.v[after];
          td_entity *pe = &R->E->v.v[person];
          /* the role's code is the person's when the text gives it */
          if (rm->code[0] && rm->country_from == TD_CF_TEXT &&
              (!pe->code[0] || pe->country_from != TD_CF_TEXT)) {
            memcpy(pe->code, rm->code, sizeof(pe->code));
            pe->country_from = TD_CF_TEXT;
          }
          if (!pe->role_text && rm->role_text) {
            pe->role_text = rm->role_text;
            pe->role_span = rm->role_span;
            pe->role = rm->role;
          }
          rm->kind = TD_EK_PERSON;
          rm->ref = td_root(R, person);
          rm->name = pe->name;
          if (!rm->code[0] || rm->country_from == TD_CF_STORY) {
            memcpy(rm->code, pe->code, sizeof(rm->code));
            rm->country_from = TD_CF_REF;
          }
        }
        k = b2;
        continue;
      }
    }
    size_t before = R->E->v.n;
    k = td_mention(R, U, k, b, s, si);
    if (k < b)
      k = b;
    /* remember the units of a mention made of exactly [start, b) */
    for (size_t j = before; j < R->E->v.n; j++) {
      R->E->v.v[j].unit_first = (uint32_t)(b - 1);
      R->E->v.v[j].unit_end = (uint32_t)b;
      for (size_t x = 0; x < U->n; x++)
        if (U->v[x].first == R->E->v.v[j].tok_first) {
          R->E->v.v[j].unit_first = (uint32_t)x;
          break;
        }
      for (size_t x = R->E->v.v[j].unit_first; x < U->n; x++)
        if (U->v[x].end == R->E->v.v[j].tok_end) {
          R->E->v.v[j].unit_end = (uint32_t)x + 1;
          break;
        }
    }
  }
  td_coordinate(R, U, e0);
}

/* ---- The layer ------------------------------------------------------------ */

static const char *const td_kind_names[] = {NULL,    "country", "organization",
                                            "group", "person",  "actor"};
static const char *const td_cf_names[] = {NULL, "text", "story", "ref"};

static void td_entities_write(const td_doc *doc, const void *data, td_jw *w) {
  const td_entities *E = data;
  td_jw_arr(w);
  for (size_t i = 0; i < E->v.n; i++) {
    const td_entity *e = &E->v.v[i];
    char id[24];
    td_jw_obj(w);
    snprintf(id, sizeof(id), "e%zu", i + 1);
    td_jw_key(w, "id");
    td_jw_cstr(w, id);
    td_jw_key(w, "start");
    td_jw_int(w, e->span.start);
    td_jw_key(w, "end");
    td_jw_int(w, e->span.end);
    td_jw_key(w, "text");
    td_jw_str(w, doc->text + e->span.start, e->span.end - e->span.start);
    td_jw_key(w, "kind");
    td_jw_cstr(w, td_kind_names[e->kind]);
    td_jw_key(w, "code");
    td_jw_cstr(w, e->code[0] ? e->code : NULL);
    td_jw_key(w, "name");
    td_jw_cstr(w, e->name);
    td_jw_key(w, "ref");
    if (e->ref >= 0) {
      snprintf(id, sizeof(id), "e%d", e->ref + 1);
      td_jw_cstr(w, id);
    } else {
      td_jw_null(w);
    }
    td_jw_key(w, "attrs");
    td_jw_obj(w);
    if (e->title) {
      td_jw_key(w, "title");
      td_jw_cstr(w, e->title);
    }
    if (e->role_text) {
      td_jw_key(w, "role");
      td_jw_cstr(w, e->role_text);
    }
    if (e->org_kind) {
      td_jw_key(w, "type");
      td_jw_cstr(w, e->org_kind);
    }
    if (e->also) {
      td_jw_key(w, "also");
      td_jw_arr(w);
      for (const char *p = e->also; *p;) {
        size_t n = strcspn(p, "/");
        td_jw_str(w, p, n);
        p += n;
        if (*p == '/')
          p++;
      }
      td_jw_arr_end(w);
    }
    if (e->country_from) {
      td_jw_key(w, "country_from");
      td_jw_cstr(w, td_cf_names[e->country_from]);
    }
    if (e->attrs) {
      /* agent attributes: "peacekeeping" -> "peacekeeping": true */
      const char *p = e->attrs;
      while (*p) {
        size_t n = strcspn(p, ",");
        char key[48];
        if (n && n < sizeof(key)) {
          memcpy(key, p, n);
          key[n] = 0;
          td_jw_key(w, key);
          td_jw_bool(w, true);
        }
        p += n;
        if (*p == ',')
          p++;
      }
    }
    td_jw_obj_end(w);
    td_jw_obj_end(w);
  }
  td_jw_arr_end(w);
}

static void td_entities_free(void *data) {
  td_entities *E = data;
  td_vec_free(&E->v);
  td_free(E);
}

/* Tokens that cannot be part of a person's name: places (but not a
 * country's name, which may begin an actor's), time expressions and the
 * names of news agencies; 2 marks a gazetteer place (which is then no
 * country either), 1 the rest. */
static uint8_t *td_not_names(const td_doc *doc, const td_actor_ctx *ax) {
  uint8_t *v = td_calloc(doc->tokens.n ? doc->tokens.n : 1, 1);
  const td_places *P = td_doc_layer(doc, "places");
  for (size_t i = 0; P && i < P->v.n; i++)
    if (P->v.v[i].country < 0 || P->v.v[i].place >= 0)
      for (uint32_t t = P->v.v[i].tok_first; t < P->v.v[i].tok_end; t++)
        v[t] = P->v.v[i].place >= 0 ? 2 : 1;
  td_time tm;
  uint32_t t = 0;
  for (size_t i = 0; td_doc_time(doc, i, &tm); i++) {
    while (t < doc->tokens.n && doc->tokens.v[t].end <= tm.span.start)
      t++;
    for (uint32_t u = t;
         u < doc->tokens.n && doc->tokens.v[u].start < tm.span.end; u++)
      v[u] = 1;
  }
  size_t srcn = doc->source ? strcspn(doc->source, " ") : 0;
  for (uint32_t k = 0; k < doc->tokens.n; k++) {
    const td_token *tok = &doc->tokens.v[k];
    if (!(tok->flags & TD_TF_CAP))
      continue;
    const char *w = doc->text + tok->start;
    size_t n = tok->end - tok->start;
    /* the story's own agency ("told Meridian") or any other we know */
    if ((srcn && n == srcn && !strncmp(w, doc->source, n)) ||
        (ax->rules && td_agency_lookup(ax->rules, w, n)))
      v[k] = 1;
  }
  return v;
}

static int td_entity_cmp(const void *a, const void *b) {
  const td_entity *x = *(const td_entity *const *)a;
  const td_entity *y = *(const td_entity *const *)b;
  if (x->span.start != y->span.start)
    return x->span.start < y->span.start ? -1 : 1;
  return x->span.end < y->span.end ? -1 : x->span.end > y->span.end;
}

/* Puts the entities in text order (a role in apposition before a name is
 * made after it) and renumbers the references. */
static void td_entities_sort(td_entities *E) {
  size_t n = E->v.n;
  bool sorted = true;
  for (size_t i = 1; i < n && sorted; i++)
    sorted = td_entity_cmp(&(const td_entity *){&E->v.v[i - 1]},
                           &(const td_entity *){&E->v.v[i]}) <= 0;
  if (sorted)
    return;
  const td_entity **order = td_malloc(n * sizeof(*order));
  for (size_t i = 0; i < n; i++)
    order[i] = &E->v.v[i];
  qsort(order, n, sizeof(*order), td_entity_cmp);
  int32_t *newpos = td_malloc(n * sizeof(int32_t));
  for (size_t i = 0; i < n; i++)
    newpos[order[i] - E->v.v] = (int32_t)i;
  td_entity *v = td_malloc(n * sizeof(td_entity));
  for (size_t i = 0; i < n; i++) {
    v[i] = *order[i];
    if (v[i].ref >= 0)
      v[i].ref = newpos[v[i].ref];
  }
  td_free(E->v.v);
  E->v.v = v;
  E->v.cap = n;
  td_free(order);
  td_free(newpos);
}

static int td_story_country(const td_doc *doc, const td_actor_ctx *ax,
                            const td_lx_matches *M) {
  if (doc->dateline.found && doc->dateline.country_code) {
    int ci = td_country_by_code(ax->c, doc->dateline.country_code);
    if (ci >= 0)
      return ci;
  }
  /* the dateline's place, placed by the places layer */
  const td_places *P = td_doc_layer(doc, "places");
  if (P)
    for (size_t i = 0; i < P->v.n; i++)
      if (P->v.v[i].dateline && P->v.v[i].country >= 0)
        return P->v.v[i].country;
  /* else the country the text names most, by its name or adjective or
   * by a place in it ("Iowa", "Des Moines") */
  size_t nc = ax->c->v.n;
  uint32_t *count = td_calloc(nc ? nc : 1, sizeof(uint32_t));
  for (size_t k = 0; k < M->v.n; k++) {
    const td_lx_entry *e =
        td_lx_first(ax->lx, &M->v.v[k],
                    1u << TD_LX_COUNTRY | 1u << TD_LX_ADJECTIVE);
    if (!e || e->value >= nc)
      continue;
    bool inside = false; /* "Jersey" of "New Jersey" */
    for (size_t i = 0; P && i < P->v.n && !inside; i++)
      inside = P->v.v[i].place >= 0 && P->v.v[i].tok_first <= M->v.v[k].first &&
               M->v.v[k].first < P->v.v[i].tok_end;
    if (!inside)
      count[e->value]++;
  }
  for (size_t i = 0; P && i < P->v.n; i++)
    if (P->v.v[i].place >= 0 && P->v.v[i].country >= 0 &&
        (size_t)P->v.v[i].country < nc)
      count[P->v.v[i].country]++;
  int best = -1;
  for (size_t i = 0; i < nc; i++)
    if (count[i] && (best < 0 || count[i] > count[best]))
      best = (int)i;
  td_free(count);
  return best;
}

const td_entities *td_actors_run(td_doc *doc, const td_actor_ctx *ax) {
  const td_entities *have = td_doc_layer(doc, "entities");
  if (have)
    return have;
  td_entities *E = td_calloc(1, sizeof(*E));
  const td_lx_matches *M = td_doc_layer(doc, "lexicon");
  if (M) {
    td_arun R = {doc, ax, M, E, td_story_country(doc, ax, M), 0,
                 TD_ACTOR_KINDS, NULL, NULL};
    if (!ax->own) /* a user's dictionaries alone */
      R.kinds = 1u << TD_LX_XACTOR | 1u << TD_LX_XAGENT | 1u << TD_LX_PRONOUN;
    if (doc->date.year > 0)
      R.day = td_days_from_civil(doc->date.year, doc->date.month,
                                 doc->date.day);
    R.in_place = td_not_names(doc, ax);
    /* Every sentence's units first, and the words that stand alone as
     * names (td_surname_used); then the mentions. */
    td_units U = {0}, all = {0};
    TD_VEC(size_t) off = {0};
    /* a unit has a token at least: room for all of them at once */
    td_grow((void **)&all.v, &all.cap, doc->tokens.n + 1, sizeof(td_unit));
    td_grow((void **)&off.v, &off.cap, doc->sentences.n + 1, sizeof(size_t));
    size_t at = 0;
    for (uint32_t si = 0; si < doc->sentences.n; si++) {
      td_sentence_units(&R, &doc->sentences.v[si], &at, &U);
      td_vec_push(&off, all.n);
      for (size_t k = 0; k < U.n; k++) {
        td_vec_push(&all, U.v[k]);
        if (U.v[k].type == TD_U_NAME && U.v[k].end - U.v[k].first == 1) {
          if (!R.lone)
            R.lone = td_intmap_new();
          td_intmap_put(R.lone, td_word_key(doc, U.v[k].first), 1);
        }
      }
    }
    td_vec_push(&off, all.n);
    for (uint32_t si = 0; si < doc->sentences.n; si++) {
      td_units view = {all.n ? all.v + off.v[si] : NULL,
                       off.v[si + 1] - off.v[si], 0};
      td_sentence_mentions(&R, &view, &doc->sentences.v[si], si);
    }
    td_vec_free(&U);
    td_vec_free(&all);
    td_vec_free(&off);
    td_free(R.in_place);
    td_intmap_free(R.lone);
    td_entities_sort(E);
  }
  td_doc_add_layer(doc, "entities", E, td_entities_write, td_entities_free);
  return E;
}

size_t td_doc_nentities(const td_doc *doc) {
  const td_entities *E = td_doc_layer(doc, "entities");
  return E ? E->v.n : 0;
}

bool td_doc_entity(const td_doc *doc, size_t i, td_entity_info *out) {
  const td_entities *E = td_doc_layer(doc, "entities");
  if (!E || i >= E->v.n)
    return false;
  const td_entity *e = &E->v.v[i];
  memset(out, 0, sizeof(*out));
  out->span = e->span;
  out->kind = td_kind_names[e->kind];
  out->code = e->code[0] ? e->code : NULL;
  out->name = e->name;
  out->role = e->role_text;
  out->title = e->title;
  out->ref = e->ref;
  return true;
}

/* ---- The context --------------------------------------------------------- */

typedef struct td_wload {
  td_actor_ctx *ax;
  td_lexicon *lx;
  TD_VEC(uint32_t) speech;
} td_wload;

static bool td_speech_word(void *ud, const td_record *rec, td_diag *err) {
  (void)err;
  td_wload *W = ud;
  char w[64];
  if (rec->f[0].n >= sizeof(w))
    return true;
  memcpy(w, rec->f[0].s, rec->f[0].n);
  w[rec->f[0].n] = 0;
  uint32_t f = td_lexicon_intern(W->lx, w);
  if (f)
    td_vec_push(&W->speech, f);
  return true;
}

bool td_actor_ctx_init(td_actor_ctx *ax, td_lexicon *lx, const char *data_dir,
                       td_diag *err) {
  static const struct {
    const char *w;
    uint16_t c;
  } words[] = {{"of", TD_W_OF},          {"for", TD_W_FOR},
               {"to", TD_W_TO},          {"the", TD_W_THE | TD_W_ARTICLE},
               {"a", TD_W_ARTICLE},      {"an", TD_W_ARTICLE},
               {"in", TD_W_IN},          {"from", TD_W_IN},
               {"and", TD_W_AND},        {"&", TD_W_AND},
               {",", TD_W_COMMA},        {"'s", TD_W_POSS},
               {"[", TD_W_BRACKET},      {"]", TD_W_BRACKET},
               {"-", TD_W_HYPHEN},       {"has", TD_W_AUX},
               {"had", TD_W_AUX},        {"also", TD_W_AUX}};
  uint32_t ids[TD_COUNT(words)];
  for (size_t i = 0; i < TD_COUNT(words); i++)
    ids[i] = td_lexicon_intern(lx, words[i].w);
  const td_actordict *d = ax->d;
  uint32_t *mods = td_malloc((d->modifiers.n + 1) * sizeof(uint32_t));
  for (size_t i = 0; i < d->modifiers.n; i++)
    mods[i] = td_lexicon_intern(lx, d->modifiers.v[i]);
  td_wload W = {ax, lx, {0}};
  bool ok = td_data_each(data_dir, "reporting-verbs.txt", td_speech_word, &W,
                         err);
  ax->nforms = td_lexicon_nforms(lx) + 1;
  ax->wclass = td_calloc(ax->nforms, sizeof(uint16_t));
  for (size_t i = 0; i < TD_COUNT(words); i++)
    if (ids[i])
      ax->wclass[ids[i]] |= words[i].c;
  for (size_t i = 0; i < d->modifiers.n; i++)
    if (mods[i])
      ax->wclass[mods[i]] |= TD_W_MOD;
  for (size_t i = 0; i < W.speech.n; i++)
    ax->wclass[W.speech.v[i]] |= TD_W_SPEECH;
  td_free(mods);
  td_vec_free(&W.speech);
  return ok;
}

void td_actor_ctx_free(td_actor_ctx *ax) {
  td_free(ax->wclass);
  ax->wclass = NULL;
  ax->nforms = 0;
}
