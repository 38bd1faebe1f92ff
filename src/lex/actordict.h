/*
 * actordict.h — what the actor recogniser looks up: our actors, agents,
 * roles, honorifics, pronouns and name particles (data/actors.txt,
 * agents.txt, roles.txt, names.txt) and TABARI/PETRARCH .actors and
 * .agents dictionaries a user brings (tabari.c). Their phrases go into the
 * shared lexicon; the tables here say what each phrase means.
 */
#ifndef TD_ACTORDICT_H
#define TD_ACTORDICT_H

#include "../core/data.h"
#include "lexicon.h"

#define TD_CODE_MAX 16

/* actors.txt: a named actor. */
typedef struct td_actor {
  char code[TD_CODE_MAX];
  char kind[12];
  const char *name;
} td_actor;

/* An agent or role code: a sector put after the country code (~MIL) or
 * before it (NGO~); empty for roles that give none. */
typedef struct td_agentcode {
  char code[TD_CODE_MAX];
  bool prefix;
} td_agentcode;

typedef struct td_agent {
  td_agentcode code;
  const char *attrs; /* comma-separated, or NULL */
  const char *text;  /* the phrase as written, for messages */
} td_agent;

typedef struct td_role {
  td_agentcode code;
  const char *text; /* the first phrase of the record: the role's name */
} td_role;

/* A TABARI/PETRARCH actor: its default code and its dated codes. */
typedef struct td_xcode {
  char code[TD_CODE_MAX];
  long from, to; /* days since 1970-01-01, inclusive */
} td_xcode;

typedef struct td_xactor {
  const char *name;          /* the primary phrase, as written */
  char code[TD_CODE_MAX];    /* default code, or "" for none    */
  uint32_t dated, ndated;    /* td_actordict.xcodes[dated..]     */
} td_xactor;

typedef struct td_actordict {
  td_arena arena;
  TD_VEC(td_actor) actors;
  TD_VEC(td_agent) agents;
  TD_VEC(td_role) roles;
  TD_VEC(td_xactor) xactors;
  TD_VEC(td_xcode) xcodes;
  TD_VEC(const char *) particles; /* names.txt: in people's names        */
  td_strmap *particle_set;        /* the same, to look words up          */
  uint32_t particle_lens; /* bit n: a particle has n bytes (31: 31 or more) */
  TD_VEC(const char *) lowercase; /* names.txt: in organisations' names */
  td_strmap *anaphors;            /* names.txt: "the official" -> last person */
  TD_VEC(const char *) modifiers; /* names.txt: first, former, senior ...  */
  TD_VEC(uint8_t) pronoun_gender; /* 'm', 'f' or 'n' per pronoun entry */
  td_strmap *gender_words; /* names.txt gender: lower-case word -> 'm'/'f' */
} td_actordict;

/* Loads our files into d and their phrases into lx (particles first: the
 * lexicon needs them before any phrase). own = false loads only names.txt
 * (particles and pronouns), for users who bring their own dictionaries
 * alone. */
bool td_actordict_load(td_actordict *d, td_lexicon *lx, const char *data_dir,
                       bool own, td_diag *err);
void td_actordict_free(td_actordict *d);

/* Checks a user's copy of one of our files (name: names.txt, actors.txt,
 * agents.txt or roles.txt), reporting each bad record; the phrases go into
 * lx (a scratch lexicon). Returns the number of bad records or -1. */
long td_actordict_check(const char *path, const char *name, td_lexicon *lx,
                        td_report_fn fn, void *ud, td_diag *err);

/* Parses "~MIL", "MIL", "NGO~" or "-" (none). */
bool td_agentcode_parse(const char *s, size_t n, td_agentcode *out);

/* ---- TABARI / PETRARCH dictionaries (tabari.c) ---------------------------- */

/* What a dictionary check or load reports, line by line. */
typedef struct td_dict_report {
  td_report_fn fn; /* NULL: problems are not reported, only counted */
  void *ud;
  long problems;
} td_dict_report;

/* Loads a .actors file: every record whose phrases and codes are well
 * formed is added; each bad line is reported and skipped. Returns false
 * (err) only when the file cannot be read. */
bool td_tabari_load_actors(td_actordict *d, td_lexicon *lx, const char *path,
                           td_dict_report *rep, td_diag *err);
/* Loads a PETRARCH .agents file (substitution sets !X! = A, B; plurals in
 * {...}; codes [~XXX] or [XXX~]). */
bool td_tabari_load_agents(td_actordict *d, td_lexicon *lx, const char *path,
                           td_dict_report *rep, td_diag *err);

/* The code of TABARI actor x on day `day` (days since 1970-01-01; 0 for an
 * unknown date: the default code), or "" when it has none then. */
const char *td_xactor_code(const td_actordict *d, const td_xactor *x, long day);

#endif
