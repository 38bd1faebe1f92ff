/*
 * actors.h — the `entities` layer: who acts in the story, coded with CAMEO
 * actor codes. Countries, organisations, groups named by their sector
 * ("Russian peacekeepers"), people with their titles and roles, and the
 * later mentions that refer back to them ("Valiyev", "he", "the chief of
 * the General Staff").
 */
#ifndef TD_ACTORS_H
#define TD_ACTORS_H

#include "../lex/actordict.h"
#include "places.h"

enum {
  TD_EK_COUNTRY = 1, /* a country acting as a whole                      */
  TD_EK_ORG,         /* a named organisation (actors.txt)                 */
  TD_EK_GROUP,       /* people or bodies named by their sector            */
  TD_EK_PERSON,      /* a person, or a mention of one                     */
  TD_EK_ACTOR        /* an actor of a user's TABARI/PETRARCH dictionary    */
};

/* Where an entity's country came from. */
enum { TD_CF_NONE = 0, TD_CF_TEXT, TD_CF_STORY, TD_CF_REF };

typedef struct td_entity {
  td_span span;
  uint32_t tok_first, tok_end;
  uint8_t kind;
  uint8_t country_from;
  uint8_t gender;    /* a person's: 'm', 'f' or 0 (not known)        */
  char code[32];
  const char *name;  /* in the document's arena, or NULL            */
  int32_t ref;       /* the entity this one refers to, or -1        */
  int32_t role;      /* index into td_actordict.roles, or -1        */
  const char *role_text, *title, *attrs, *org_kind;
  const char *also;  /* further codes of a compound code ("BIL/SAM")  */
  td_span role_span; /* the role phrase in the text, if any         */
  uint32_t sentence;
  char cc[4];             /* the country part of the code, or ""       */
  char suffix[24];        /* the sectors after it (MIL, GOV ...)       */
  uint32_t unit_first, unit_end; /* its units in the sentence (internal) */
} td_entity;

typedef struct td_entities {
  TD_VEC(td_entity) v;
} td_entities;

typedef struct td_actor_ctx {
  const td_lexicon *lx;
  const td_actordict *d;
  const td_countries *c;
  const td_strmap *starters;  /* capitalised sentence openers          */
  const td_strmap *reporting; /* verbs of speech: said, told ...       */
  bool own;                   /* our dictionaries code actors too      */
  const td_text_rules *rules; /* agencies: their names are no people's */
  uint16_t *wclass;           /* per lexicon form id: TD_W_* bits       */
  size_t nforms;
} td_actor_ctx;

/* What a word is to the actor recogniser (td_actor_ctx.wclass). */
enum {
  TD_W_OF = 1 << 0,
  TD_W_FOR = 1 << 1,
  TD_W_TO = 1 << 2,
  TD_W_THE = 1 << 3,
  TD_W_IN = 1 << 4,    /* in, from: before the country of a sector       */
  TD_W_AND = 1 << 5,   /* and, &                                         */
  TD_W_COMMA = 1 << 6,
  TD_W_POSS = 1 << 7,  /* 's                                             */
  TD_W_BRACKET = 1 << 8,
  TD_W_HYPHEN = 1 << 9,
  TD_W_MOD = 1 << 10,  /* names.txt modifiers: first, former ...        */
  TD_W_SPEECH = 1 << 11, /* reporting-verbs.txt                         */
  TD_W_AUX = 1 << 12,  /* has, had, also: between a name and its verb   */
  TD_W_ARTICLE = 1 << 13 /* a, an, the                                 */
};

/* Fills ax->wclass from the lexicon (interning the words it needs) and
 * the dictionaries; call after td_lexicon_build. */
bool td_actor_ctx_init(td_actor_ctx *ax, td_lexicon *lx,
                       const char *data_dir, td_diag *err);
void td_actor_ctx_free(td_actor_ctx *ax);

/* Needs the `lexicon` and `places` layers. Adds the `entities` layer. */
const td_entities *td_actors_run(td_doc *doc, const td_actor_ctx *ax);

#endif
