/*
 * actordict.c — loads our actor-side dictionaries: data/names.txt (name
 * particles and pronouns), actors.txt, agents.txt and roles.txt.
 */
#include "actordict.h"

#include <ctype.h>

typedef struct td_load {
  td_actordict *d;
  td_lexicon *lx;
} td_load;

bool td_agentcode_parse(const char *s, size_t n, td_agentcode *out) {
  memset(out, 0, sizeof(*out));
  if (n == 1 && s[0] == '-')
    return true;
  if (n && s[0] == '~')
    s++, n--;
  else if (n && s[n - 1] == '~')
    n--, out->prefix = true;
  if (n == 0 || n >= TD_CODE_MAX)
    return false;
  for (size_t i = 0; i < n; i++) {
    char c = (char)toupper((unsigned char)s[i]);
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return false;
    out->code[i] = c;
  }
  return true;
}

/* Adds each '|'-separated phrase of f with kind and value. */
static bool td_add_phrases(td_load *L, const td_record *rec, td_field f,
                           unsigned flags, int kind, uint32_t value,
                           td_diag *err) {
  const char *s = f.s, *e = f.s + f.n;
  for (size_t k = 1;; k++) {
    const char *bar = memchr(s, '|', (size_t)(e - s));
    const char *pe = bar ? bar : e;
    const char *why;
    if (!td_lexicon_add(L->lx, s, (size_t)(pe - s), flags, kind, value, &why))
      return td_record_error(rec, err, "phrase %zu \"%.*s\": %s", k,
                             (int)(pe - s), s, why);
    if (!bar)
      return true;
    s = pe + 1;
  }
}

/* The first phrase of a '|' list, copied. */
static const char *td_first_phrase(td_actordict *d, td_field f) {
  const char *bar = memchr(f.s, '|', f.n);
  size_t n = bar ? (size_t)(bar - f.s) : f.n;
  while (n && f.s[n - 1] == '_')
    n--;
  return td_arena_strndup(&d->arena, f.s, n);
}

typedef void (*td_word_fn)(td_load *L, const char *w, size_t n, uint32_t v);

static void td_put_anaphor(td_load *L, const char *w, size_t n, uint32_t v) {
  td_strmap_put(L->d->anaphors, w, n, v);
}

static void td_put_modifier(td_load *L, const char *w, size_t n, uint32_t v) {
  (void)v;
  td_vec_push(&L->d->modifiers, td_arena_strndup(&L->d->arena, w, n));
}

static void td_put_gender(td_load *L, const char *w, size_t n, uint32_t v) {
  td_strmap_put(L->d->gender_words, w, n, v);
}

/* Gives fn each word of WORD|WORD... in f, lower-cased; false (and err)
 * on an empty or overlong word. */
static bool td_each_lower(td_load *L, const td_record *rec, td_field f,
                          td_word_fn fn, uint32_t v, td_diag *err) {
  const char *s = f.s, *e = s + f.n;
  while (s < e) {
    const char *bar = memchr(s, '|', (size_t)(e - s));
    const char *pe = bar ? bar : e;
    char w[64];
    size_t n = (size_t)(pe - s);
    if (n == 0 || n >= sizeof(w))
      return td_record_error(rec, err, "empty or overlong word");
    for (size_t i = 0; i < n; i++)
      w[i] = (char)tolower((unsigned char)s[i]);
    fn(L, w, n, v);
    s = pe + 1;
  }
  return true;
}

/* names.txt: particle<TAB>WORDS, pronoun<TAB>m|f|n<TAB>WORDS */
static bool td_names_record(void *ud, const td_record *rec, td_diag *err) {
  td_load *L = ud;
  bool lower = rec->n == 2 && td_field_eq(rec->f[0], "lowercase");
  if (rec->n == 2 && (lower || td_field_eq(rec->f[0], "particle"))) {
    const char *s = rec->f[1].s, *e = s + rec->f[1].n;
    while (s < e) {
      const char *bar = memchr(s, '|', (size_t)(e - s));
      const char *pe = bar ? bar : e;
      if (pe > s) {
        char *w = td_arena_strndup(&L->d->arena, s, (size_t)(pe - s));
        for (char *p = w; *p; p++)
          *p = (char)tolower((unsigned char)*p);
        if (lower)
          td_vec_push(&L->d->lowercase, w);
        else {
          size_t n = strlen(w);
          td_vec_push(&L->d->particles, w);
          if (!L->d->particle_set)
            L->d->particle_set = td_strmap_new();
          td_strmap_put(L->d->particle_set, w, n, 1);
          L->d->particle_lens |= 1u << (n < 31 ? n : 31);
        }
      }
      s = pe + 1;
    }
    return true;
  }
  bool mod = rec->n == 2 && td_field_eq(rec->f[0], "modifier");
  if (rec->n == 2 && (mod || td_field_eq(rec->f[0], "anaphor"))) {
    if (!L->d->anaphors)
      L->d->anaphors = td_strmap_new();
    return td_each_lower(L, rec, rec->f[1],
                         mod ? td_put_modifier : td_put_anaphor, 1, err);
  }
  if (rec->n == 3 && td_field_eq(rec->f[0], "gender")) {
    if (rec->f[1].n != 1 || !strchr("mf", rec->f[1].s[0]))
      return td_record_error(rec, err, "GENDER must be m or f");
    if (!L->d->gender_words)
      L->d->gender_words = td_strmap_new();
    return td_each_lower(L, rec, rec->f[2], td_put_gender,
                         (uint32_t)rec->f[1].s[0], err);
  }
  if (rec->n == 3 && td_field_eq(rec->f[0], "pronoun")) {
    if (rec->f[1].n != 1 || !strchr("mfn", rec->f[1].s[0]))
      return td_record_error(rec, err, "GENDER must be m, f or n");
    uint32_t idx = (uint32_t)L->d->pronoun_gender.n;
    td_vec_push(&L->d->pronoun_gender, (uint8_t)rec->f[1].s[0]);
    return td_add_phrases(L, rec, rec->f[2], TD_PH_ICASE, TD_LX_PRONOUN, idx,
                          err);
  }
  return td_record_error(rec, err, "expected particle<TAB>WORDS, "
                                   "lowercase<TAB>WORDS, "
                                   "anaphor<TAB>WORDS, "
                                   "modifier<TAB>WORDS, "
                                   "pronoun<TAB>m|f|n<TAB>WORDS or "
                                   "gender<TAB>m|f<TAB>WORDS");
}

/* actors.txt: actor<TAB>CODE<TAB>KIND<TAB>NAMES */
static bool td_actors_record(void *ud, const td_record *rec, td_diag *err) {
  td_load *L = ud;
  static const char *kinds[] = {"igo",      "ngo",   "group", "party",
                                "media",    "business", "religious", "other"};
  if (rec->n != 4 || !td_field_eq(rec->f[0], "actor"))
    return td_record_error(rec, err,
                           "expected actor<TAB>CODE<TAB>KIND<TAB>NAME|...");
  td_actor a;
  memset(&a, 0, sizeof(a));
  td_field code = rec->f[1];
  if (code.n == 0 || code.n >= TD_CODE_MAX)
    return td_record_error(rec, err, "CODE must be 1 to %d characters",
                           TD_CODE_MAX - 1);
  for (size_t i = 0; i < code.n; i++) {
    char c = code.s[i];
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return td_record_error(rec, err, "CODE must be capitals and digits");
    a.code[i] = c;
  }
  bool known = false;
  for (size_t k = 0; k < TD_COUNT(kinds); k++)
    if (td_field_eq(rec->f[2], kinds[k])) {
      snprintf(a.kind, sizeof(a.kind), "%s", kinds[k]);
      known = true;
    }
  if (!known)
    return td_record_error(rec, err,
                           "KIND must be igo, ngo, group, party, media, "
                           "business, religious or other");
  a.name = td_first_phrase(L->d, rec->f[3]);
  uint32_t idx = (uint32_t)L->d->actors.n;
  td_vec_push(&L->d->actors, a);
  return td_add_phrases(L, rec, rec->f[3], 0, TD_LX_ACTOR, idx, err);
}

/* agents.txt: agent<TAB>CODE<TAB>PHRASES[<TAB>ATTRS] */
static bool td_agents_record(void *ud, const td_record *rec, td_diag *err) {
  td_load *L = ud;
  if ((rec->n != 3 && rec->n != 4) || !td_field_eq(rec->f[0], "agent"))
    return td_record_error(rec, err, "expected agent<TAB>CODE<TAB>PHRASE|..."
                                     "[<TAB>ATTRS]");
  td_agent a;
  memset(&a, 0, sizeof(a));
  if (!td_agentcode_parse(rec->f[1].s, rec->f[1].n, &a.code) ||
      !a.code.code[0])
    return td_record_error(rec, err,
                           "CODE must be ~XXX, XXX or XXX~ (capitals)");
  if (rec->n == 4 && rec->f[3].n)
    a.attrs = td_arena_strndup(&L->d->arena, rec->f[3].s, rec->f[3].n);
  a.text = td_first_phrase(L->d, rec->f[2]);
  uint32_t idx = (uint32_t)L->d->agents.n;
  td_vec_push(&L->d->agents, a);
  return td_add_phrases(L, rec, rec->f[2], TD_PH_INFLECT, TD_LX_AGENT, idx,
                        err);
}

/* roles.txt: role<TAB>CODE<TAB>PHRASES, honorific<TAB>PHRASES */
static bool td_roles_record(void *ud, const td_record *rec, td_diag *err) {
  td_load *L = ud;
  if (rec->n == 2 && td_field_eq(rec->f[0], "honorific"))
    return td_add_phrases(L, rec, rec->f[1], 0, TD_LX_HONORIFIC, 0, err);
  if (rec->n != 3 || !td_field_eq(rec->f[0], "role"))
    return td_record_error(rec, err, "expected role<TAB>CODE<TAB>PHRASE|... "
                                     "or honorific<TAB>PHRASE|...");
  td_role r;
  memset(&r, 0, sizeof(r));
  if (!td_agentcode_parse(rec->f[1].s, rec->f[1].n, &r.code))
    return td_record_error(rec, err, "CODE must be ~XXX, XXX~ or -");
  r.text = td_first_phrase(L->d, rec->f[2]);
  uint32_t idx = (uint32_t)L->d->roles.n;
  td_vec_push(&L->d->roles, r);
  return td_add_phrases(L, rec, rec->f[2], TD_PH_INFLECT, TD_LX_ROLE, idx,
                        err);
}

bool td_actordict_load(td_actordict *d, td_lexicon *lx, const char *data_dir,
                       bool own, td_diag *err) {
  memset(d, 0, sizeof(*d));
  td_load L = {d, lx};
  if (!td_data_each(data_dir, "names.txt", td_names_record, &L, err))
    return false;
  td_lexicon_set_particles(lx, d->particles.v, d->particles.n);
  td_lexicon_set_particles(lx, d->lowercase.v, d->lowercase.n);
  if (!own)
    return true;
  return td_data_each(data_dir, "actors.txt", td_actors_record, &L, err) &&
         td_data_each(data_dir, "agents.txt", td_agents_record, &L, err) &&
         td_data_each(data_dir, "roles.txt", td_roles_record, &L, err);
}

void td_actordict_free(td_actordict *d) {
  td_vec_free(&d->actors);
  td_vec_free(&d->agents);
  td_vec_free(&d->roles);
  td_vec_free(&d->xactors);
  td_vec_free(&d->xcodes);
  td_vec_free(&d->particles);
  td_strmap_free(d->particle_set);
  td_vec_free(&d->lowercase);
  td_strmap_free(d->anaphors);
  td_strmap_free(d->gender_words);
  td_vec_free(&d->modifiers);
  td_vec_free(&d->pronoun_gender);
  td_arena_free(&d->arena);
  memset(d, 0, sizeof(*d));
}

const char *td_xactor_code(const td_actordict *d, const td_xactor *x,
                           long day) {
  if (day)
    for (uint32_t i = 0; i < x->ndated; i++) {
      const td_xcode *c = &d->xcodes.v[x->dated + i];
      if (day >= c->from && day <= c->to)
        return c->code;
    }
  return x->code;
}

long td_actordict_check(const char *path, const char *name, td_lexicon *lx,
                        td_report_fn fn, void *ud, td_diag *err) {
  td_actordict d;
  memset(&d, 0, sizeof(d));
  td_load L = {&d, lx};
  td_record_fn rf = !strcmp(name, "names.txt")    ? td_names_record
                    : !strcmp(name, "actors.txt") ? td_actors_record
                    : !strcmp(name, "agents.txt") ? td_agents_record
                    : !strcmp(name, "roles.txt")  ? td_roles_record
                                                  : NULL;
  if (!rf) {
    td_diag_set(err, TD_ERROR, path, 0, -1, "unknown dictionary kind %s", name);
    return -1;
  }
  long n = td_data_check(path, 4, rf, &L, fn, ud, err);
  td_actordict_free(&d);
  return n;
}
