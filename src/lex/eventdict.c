/*
 * eventdict.c — the event dictionary (see eventdict.h): the CAMEO code
 * table, the builder functions every event dictionary loader calls, our own
 * data/events.txt loader, and the per-form tables the matcher reads.
 */
#include "eventdict.h"

#include "../core/data.h"
#include "inflect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- CAMEO codes ---------------------------------------------------------- */

static bool td_cameo_record(void *ud, const td_record *rec, td_diag *err) {
  td_cameo *c = ud;
  if (rec->n != 5)
    return td_record_error(rec, err, "expected CODE<TAB>QUAD<TAB>GOLDSTEIN"
                                     "<TAB>PLOVER<TAB>NAME, found %zu "
                                     "field(s)", rec->n);
  td_field f = rec->f[0];
  if (f.n < 2 || f.n > 4)
    return td_record_error(rec, err, "code '%.*s': 2 to 4 digits", (int)f.n,
                           f.s);
  for (size_t i = 0; i < f.n; i++)
    if (f.s[i] < '0' || f.s[i] > '9')
      return td_record_error(rec, err, "code '%.*s': 2 to 4 digits",
                             (int)f.n, f.s);
  if (td_strmap_get(c->index, f.s, f.n, NULL))
    return td_record_error(rec, err, "code %.*s is listed twice", (int)f.n,
                           f.s);
  td_cameo_code e;
  memset(&e, 0, sizeof(e));
  memcpy(e.code, f.s, f.n);
  if (rec->f[1].n != 1 || rec->f[1].s[0] < '1' || rec->f[1].s[0] > '4')
    return td_record_error(rec, err, "quad class '%.*s': 1 to 4",
                           (int)rec->f[1].n, rec->f[1].s);
  e.quad = (uint8_t)(rec->f[1].s[0] - '0');
  char num[32];
  snprintf(num, sizeof(num), "%.*s", (int)rec->f[2].n, rec->f[2].s);
  char *endp;
  double g = strtod(num, &endp);
  if (endp == num || *endp || g < -10 || g > 10)
    return td_record_error(rec, err, "Goldstein value '%s': a number from "
                                     "-10 to 10", num);
  e.goldstein = (float)g;
  td_field p = rec->f[3];
  if (!(p.n == 1 && p.s[0] == '-')) {
    const char *slash = memchr(p.s, '/', p.n);
    size_t tn = slash ? (size_t)(slash - p.s) : p.n;
    if (!tn)
      return td_record_error(rec, err, "PLOVER '%.*s': TYPE or TYPE/mode",
                             (int)p.n, p.s);
    e.plover = td_arena_strndup(&c->arena, p.s, tn);
    if (slash && p.n > tn + 1)
      e.mode = td_arena_strndup(&c->arena, slash + 1, p.n - tn - 1);
  }
  e.name = td_arena_strndup(&c->arena, rec->f[4].s, rec->f[4].n);
  td_strmap_put(c->index, f.s, f.n, (uint32_t)c->v.n);
  td_vec_push(&c->v, e);
  return true;
}

bool td_cameo_load(td_cameo *c, const char *dir, td_diag *err) {
  memset(c, 0, sizeof(*c));
  c->index = td_strmap_new();
  if (!td_data_each_n(dir, "cameo.txt", 5, td_cameo_record, c, err))
    return false;
  /* every code's parent must be listed */
  for (size_t i = 0; i < c->v.n; i++) {
    size_t n = strlen(c->v.v[i].code);
    if (n > 2 && !td_cameo_find(c, c->v.v[i].code, n - 1) &&
        !(n == 4 && td_cameo_find(c, c->v.v[i].code, 2))) {
      td_diag_set(err, TD_ERROR, "cameo.txt", 0, -1,
                  "code %s has no parent code listed", c->v.v[i].code);
      return false;
    }
  }
  return true;
}

void td_cameo_free(td_cameo *c) {
  td_vec_free(&c->v);
  td_strmap_free(c->index);
  td_arena_free(&c->arena);
  memset(c, 0, sizeof(*c));
}

const td_cameo_code *td_cameo_find(const td_cameo *c, const char *code,
                                   size_t n) {
  uint32_t i;
  if (!c || !c->index || !td_strmap_get(c->index, code, n, &i))
    return NULL;
  return &c->v.v[i];
}

/* ---- The dictionary ------------------------------------------------------- */

td_eventdict *td_eventdict_new(td_lexicon *lx, const td_wordnet *wn,
                               const td_cameo *cameo) {
  td_eventdict *d = td_calloc(1, sizeof(*d));
  d->lx = lx;
  d->wn = wn;
  d->cameo = cameo;
  d->sets = td_strmap_new();
  d->seen = td_strmap_new();
  d->gap = 3;
  /* the exception lists indexed by base form, so that making the forms of
   * thousands of words does not read them whole each time */
  d->vexc = td_strmap_new();
  d->nexc = td_strmap_new();
  if (wn) {
    d->vexc_next = td_calloc(wn->verb.n + 1, sizeof(uint32_t));
    d->nexc_next = td_calloc(wn->noun.n + 1, sizeof(uint32_t));
    for (size_t i = wn->verb.n; i-- > 0;) {
      const char *b = wn->verb.v[i].base;
      uint32_t first = 0;
      td_strmap_get(d->vexc, b, strlen(b), &first);
      d->vexc_next[i] = first;
      td_strmap_put(d->vexc, b, strlen(b), (uint32_t)i + 1);
    }
    for (size_t i = wn->noun.n; i-- > 0;) {
      const char *b = wn->noun.v[i].base;
      uint32_t first = 0;
      td_strmap_get(d->nexc, b, strlen(b), &first);
      d->nexc_next[i] = first;
      td_strmap_put(d->nexc, b, strlen(b), (uint32_t)i + 1);
    }
  }
  return d;
}

void td_eventdict_free(td_eventdict *d) {
  if (!d)
    return;
  for (size_t i = 0; i < d->blocks.n; i++) {
    td_vec_free(&d->blocks.v[i].pats);
    td_vec_free(&d->blocks.v[i].free);
  }
  td_intmap_free(d->pindex);
  td_free(d->sw_at);
  td_vec_free(&d->pkeys);
  td_vec_free(&d->ppos);
  td_vec_free(&d->sw_word);
  td_vec_free(&d->sw_set);
  td_vec_free(&d->blocks);
  td_vec_free(&d->preds);
  td_vec_free(&d->pats);
  td_vec_free(&d->elems);
  td_vec_free(&d->set_names);
  td_vec_free(&d->phrase_first);
  td_vec_free(&d->phrase_set);
  td_vec_free(&d->includes);
  td_vec_free(&d->words);
  td_free(d->set_first);
  td_free(d->set_phr);
  td_vec_free(&d->light);
  td_vec_free(&d->files);
  td_vec_free(&d->nodes);
  td_vec_free(&d->pend_form);
  td_vec_free(&d->pend_lemma);
  td_vec_free(&d->pend_kind);
  td_vec_free(&d->pend_pred_form);
  td_vec_free(&d->pend_pred);
  td_strmap_free(d->sets);
  td_strmap_free(d->seen);
  td_strmap_free(d->vexc);
  td_strmap_free(d->nexc);
  td_free(d->vexc_next);
  td_free(d->nexc_next);
  td_free(d->lemma);
  td_free(d->lemma2);
  td_free(d->pred);
  td_free(d->fkind);
  td_free(d->islight);
  td_arena_free(&d->arena);
  td_free(d);
}

static bool td_code_part(const char *s, size_t n, char out[6]) {
  out[0] = 0;
  if (!n || (n == 3 && !memcmp(s, "---", 3)))
    return true;
  if (n > 5)
    return false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
          (c >= 'a' && c <= 'z')))
      return false;
  }
  memcpy(out, s, n);
  out[n] = 0;
  return true;
}

bool td_ed_code(const char *s, size_t n, td_ecode *out, const char **why) {
  memset(out, 0, sizeof(*out));
  while (n && (*s == ' ' || *s == '['))
    s++, n--;
  while (n && (s[n - 1] == ' ' || s[n - 1] == ']'))
    n--;
  if (!n) {
    *why = "empty code";
    return false;
  }
  const char *colon = memchr(s, ':', n);
  size_t a = colon ? (size_t)(colon - s) : n;
  if (!td_code_part(s, a, out->code) ||
      (colon && !td_code_part(colon + 1, n - a - 1, out->code2))) {
    *why = "a code is 1 to 5 letters or digits, '---', or CODE:CODE";
    return false;
  }
  return true;
}

bool td_ed_code_known(const td_eventdict *d, const td_ecode *c,
                      const char **why) {
  static char msg[64];
  const char *parts[2] = {c->code, c->code2};
  for (int i = 0; i < 2; i++)
    if (parts[i][0] && !td_cameo_find(d->cameo, parts[i], strlen(parts[i]))) {
      snprintf(msg, sizeof(msg), "%s is not a CAMEO code (cameo.txt)",
               parts[i]);
      *why = msg;
      return false;
    }
  return true;
}

uint32_t td_ed_file(td_eventdict *d, const char *name) {
  td_vec_push(&d->files, td_arena_strndup(&d->arena, name, strlen(name)));
  return (uint32_t)(d->files.n - 1);
}

uint32_t td_ed_block(td_eventdict *d, const char *name, size_t n,
                     const td_ecode *code) {
  td_eblock b;
  memset(&b, 0, sizeof(b));
  b.name = td_arena_strndup(&d->arena, name, n);
  if (code)
    b.code = *code;
  td_vec_push(&d->blocks, b);
  return (uint32_t)(d->blocks.n - 1);
}

static void td_pend(td_eventdict *d, uint32_t form, uint32_t lemma,
                    uint8_t kind) {
  if (!form)
    return;
  td_vec_push(&d->pend_form, form);
  td_vec_push(&d->pend_lemma, lemma);
  td_vec_push(&d->pend_kind, kind);
}

static bool td_plain_word(const char *w) {
  if (!*w)
    return false;
  for (const char *c = w; *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
          *c == '\'' || *c == '-' || *c == '.'))
      return false;
  return true;
}

/* Lower-cases w into out (ASCII); false if too long. */
static bool td_lower(const char *w, char out[64]) {
  size_t n = strlen(w);
  if (!n || n >= 64)
    return false;
  for (size_t i = 0; i <= n; i++)
    out[i] = (w[i] >= 'A' && w[i] <= 'Z') ? (char)(w[i] | 32) : w[i];
  return true;
}

/* The forms of `base` as a verb (kind bits per form) or a noun. */
static void td_forms(td_eventdict *d, const char *base, uint32_t lemma,
                     int pos, void (*fn)(td_eventdict *, uint32_t, uint32_t,
                                         uint8_t, void *),
                     void *ud) {
  if (pos == TD_EP_VERB) {
    char f[4][64];
    td_verb_forms(base, f);
    static const uint8_t k[4] = {TD_FK_BASE, TD_FK_S, TD_FK_PAST, TD_FK_ING};
    for (int i = 0; i < 4; i++)
      fn(d, td_lexicon_intern(d->lx, f[i]), lemma, k[i], ud);
    uint32_t i1 = 0;
    if (d->wn)
      td_strmap_get(d->vexc, base, strlen(base), &i1);
    for (; i1; i1 = d->vexc_next[i1 - 1]) {
      const char *x = d->wn->verb.v[i1 - 1].form;
      size_t n = strlen(x);
      uint8_t kind = n > 4 && !strcmp(x + n - 3, "ing") ? TD_FK_ING
                     : n > 2 && x[n - 1] == 's' && x[n - 2] != 's'
                         ? TD_FK_S
                         : TD_FK_PAST;
      fn(d, td_lexicon_intern(d->lx, x), lemma, kind, ud);
    }
  } else {
    char pl[64];
    td_noun_plural(base, pl);
    fn(d, td_lexicon_intern(d->lx, base), lemma, TD_FK_NOUN, ud);
    fn(d, td_lexicon_intern(d->lx, pl), lemma, TD_FK_NOUN | TD_FK_PLURAL, ud);
    uint32_t i1 = 0;
    if (d->wn)
      td_strmap_get(d->nexc, base, strlen(base), &i1);
    for (; i1; i1 = d->nexc_next[i1 - 1])
      fn(d, td_lexicon_intern(d->lx, d->wn->noun.v[i1 - 1].form), lemma,
         TD_FK_NOUN | TD_FK_PLURAL, ud);
  }
}

typedef struct td_predform {
  int32_t pred;
} td_predform;

static void td_add_pred_form(td_eventdict *d, uint32_t form, uint32_t lemma,
                             uint8_t kind, void *ud) {
  if (!form)
    return;
  td_pend(d, form, lemma, kind);
  td_vec_push(&d->pend_pred_form, form);
  td_vec_push(&d->pend_pred, ((td_predform *)ud)->pred);
}

bool td_ed_pred(td_eventdict *d, uint32_t b, int pos, const char *const *words,
                size_t nwords, const char *const *extra, size_t nextra,
                const td_ecode *code, uint32_t file, uint32_t line,
                const char **why) {
  if (!nwords || nwords > TD_EP_REST + 1) {
    *why = "a predicate is one to five words";
    return false;
  }
  char w[TD_EP_REST + 1][64];
  char key[400];
  size_t kn = (size_t)snprintf(key, sizeof(key), "%c", pos == TD_EP_VERB ? 'v' : 'n');
  for (size_t i = 0; i < nwords; i++) {
    if (!td_lower(words[i], w[i]) || !td_plain_word(w[i])) {
      *why = "a predicate's words are letters, digits, ' and -";
      return false;
    }
    if (kn < sizeof(key))
      kn += (size_t)snprintf(key + kn, sizeof(key) - kn, " %s", w[i]);
  }
  if (kn >= sizeof(key))
    kn = sizeof(key) - 1;
  uint32_t prev;
  if (td_strmap_get(d->seen, key, kn, &prev)) {
    static char msg[96];
    snprintf(msg, sizeof(msg), "the %s '%.40s' is already given (line %u)",
             pos == TD_EP_VERB ? "verb" : "noun", key + 2, prev);
    *why = msg;
    return false;
  }
  uint32_t lemma = td_lexicon_intern(d->lx, w[0]);
  if (!lemma) {
    *why = "the predicate's head makes no word";
    return false;
  }
  td_strmap_put(d->seen, key, kn, line);
  td_epred p;
  memset(&p, 0, sizeof(p));
  p.block = b;
  p.pos = (uint8_t)pos;
  p.lemma = lemma;
  p.line = line;
  p.file = file;
  if (code) {
    p.code = *code;
    p.has_code = true;
  }
  for (size_t i = 1; i < nwords; i++)
    p.rest[p.nrest++] = td_lexicon_intern(d->lx, w[i]);
  td_vec_push(&d->preds, p);
  td_predform pf = {(int32_t)(d->preds.n - 1)};
  td_forms(d, w[0], lemma, pos, td_add_pred_form, &pf);
  for (size_t i = 0; i < nextra; i++) {
    char x[64];
    if (td_lower(extra[i], x))
      td_add_pred_form(d, td_lexicon_intern(d->lx, x), lemma,
                       pos == TD_EP_VERB ? TD_FK_PAST : TD_FK_NOUN | TD_FK_PLURAL,
                       &pf);
  }
  return true;
}

static void td_add_word_form(td_eventdict *d, uint32_t form, uint32_t lemma,
                             uint8_t kind, void *ud) {
  (void)ud;
  (void)kind;
  td_pend(d, form, lemma, 0);
}

uint32_t td_ed_word(td_eventdict *d, const char *word, bool exact) {
  char w[64];
  if (!td_lower(word, w))
    return 0;
  uint32_t lemma = td_lexicon_intern(d->lx, w);
  if (!lemma || exact)
    return lemma;
  char key[80];
  size_t kn = (size_t)snprintf(key, sizeof(key), "w %s", w);
  if (kn < sizeof(key) && !td_strmap_get(d->seen, key, kn, NULL)) {
    td_strmap_put(d->seen, key, kn, 0);
    if (td_plain_word(w)) {
      td_forms(d, w, lemma, TD_EP_NOUN, td_add_word_form, NULL);
      td_forms(d, w, lemma, TD_EP_VERB, td_add_word_form, NULL);
    }
  }
  return lemma;
}

uint32_t td_ed_set(td_eventdict *d, const char *name, size_t n) {
  uint32_t i;
  if (td_strmap_get(d->sets, name, n, &i))
    return i;
  i = (uint32_t)d->set_names.n;
  td_vec_push(&d->set_names, td_arena_strndup(&d->arena, name, n));
  td_strmap_put(d->sets, name, n, i);
  return i;
}

void td_ed_set_add(td_eventdict *d, uint32_t s, const uint32_t *lemmas,
                   size_t n) {
  if (!n)
    return;
  td_vec_push(&d->phrase_first, (uint32_t)d->words.n);
  td_vec_push(&d->phrase_set, s);
  for (size_t i = 0; i < n; i++)
    td_vec_push(&d->words, lemmas[i]);
}

void td_ed_set_include(td_eventdict *d, uint32_t outer, uint32_t inner) {
  td_vec_push(&d->includes, outer);
  td_vec_push(&d->includes, inner);
}

bool td_ed_pattern(td_eventdict *d, uint32_t b, const td_pelem *elems,
                   size_t n, const td_ecode *code, uint32_t file,
                   uint32_t line, const char **why) {
  size_t npred = 0, at = 0;
  for (size_t i = 0; i < n; i++)
    if (elems[i].kind == TD_PE_PRED)
      npred++, at = i;
  if (npred != 1) {
    *why = "a pattern needs exactly one '*'";
    return false;
  }
  if (b >= d->blocks.n) {
    *why = "a pattern outside a block";
    return false;
  }
  td_epattern p;
  memset(&p, 0, sizeof(p));
  p.block = b;
  p.elem = (uint32_t)d->elems.n;
  p.nelem = (uint32_t)n;
  p.pred = (uint32_t)at;
  p.code = *code;
  p.line = line;
  p.file = file;
  p.gap = d->gap;
  char where[600];
  int wn = snprintf(where, sizeof(where), "%s:%u",
                    file < d->files.n ? d->files.v[file] : "?", line);
  p.where = td_arena_strndup(&d->arena, where,
                             wn < 0 ? 0 : (size_t)wn < sizeof(where)
                                              ? (size_t)wn
                                              : sizeof(where) - 1);
  for (size_t i = 0; i < n; i++)
    td_vec_push(&d->elems, elems[i]);
  td_vec_push(&d->pats, p);
  td_vec_push(&d->blocks.v[b].pats, (uint32_t)(d->pats.n - 1));
  return true;
}

void td_ed_light(td_eventdict *d, const char *const *words, size_t n) {
  if (!n)
    return;
  char w[64];
  if (!td_lower(words[0], w))
    return;
  uint32_t lemma = td_lexicon_intern(d->lx, w);
  if (!lemma)
    return;
  td_vec_push(&d->light, lemma);
  for (size_t i = 1; i < n; i++) {
    char x[64];
    if (td_lower(words[i], x))
      td_vec_push(&d->light, td_lexicon_intern(d->lx, x));
  }
  td_vec_push(&d->light, 0);
  td_forms(d, w, lemma, TD_EP_VERB, td_add_word_form, NULL);
}

/* ---- Finishing: the per-form tables --------------------------------------- */

static const td_eventdict *td_sort_d;

static size_t td_specificity(const td_eventdict *d, uint32_t p) {
  const td_epattern *pt = &d->pats.v[p];
  size_t n = 0;
  for (uint32_t i = 0; i < pt->nelem; i++) {
    uint8_t k = d->elems.v[pt->elem + i].kind;
    n += k == TD_PE_PRED ? 0 : k == TD_PE_ANY ? 1 : 2;
  }
  return n;
}

static int td_pat_cmp(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  size_t sa = td_specificity(td_sort_d, a), sb = td_specificity(td_sort_d, b);
  if (sa != sb)
    return sa > sb ? -1 : 1;
  return a < b ? -1 : a > b;
}

static void td_finish_sets(td_eventdict *d) {
  size_t ns = d->set_names.n, np = d->phrase_set.n;
  td_free(d->set_first);
  td_free(d->set_phr);
  /* membership: phrase j in set s, directly or through includes (to a
   * depth of 8) */
  TD_VEC(uint32_t) pairs = {0}; /* set, phrase */
  for (size_t j = 0; j < np; j++) {
    td_vec_push(&pairs, d->phrase_set.v[j]);
    td_vec_push(&pairs, (uint32_t)j);
  }
  for (int depth = 0; depth < 8; depth++) {
    size_t before = pairs.n;
    for (size_t k = 0; k + 1 < d->includes.n; k += 2)
      for (size_t m = 0; m + 1 < before; m += 2)
        if (pairs.v[m] == d->includes.v[k + 1]) {
          bool have = false;
          for (size_t q = 0; q + 1 < pairs.n && !have; q += 2)
            have = pairs.v[q] == d->includes.v[k] &&
                   pairs.v[q + 1] == pairs.v[m + 1];
          if (!have) {
            td_vec_push(&pairs, d->includes.v[k]);
            td_vec_push(&pairs, pairs.v[m + 1]);
          }
        }
    if (pairs.n == before)
      break;
  }
  d->set_first = td_calloc(ns + 1, sizeof(uint32_t));
  d->set_phr = td_calloc(pairs.n / 2 + 1, sizeof(uint32_t));
  for (size_t m = 0; m + 1 < pairs.n; m += 2)
    d->set_first[pairs.v[m] + 1]++;
  for (size_t s = 0; s < ns; s++)
    d->set_first[s + 1] += d->set_first[s];
  uint32_t *fill = td_calloc(ns + 1, sizeof(uint32_t));
  for (size_t m = 0; m + 1 < pairs.n; m += 2) {
    uint32_t s = pairs.v[m];
    d->set_phr[d->set_first[s] + fill[s]++] = pairs.v[m + 1];
  }
  td_free(fill);
  td_vec_free(&pairs);
}

typedef struct td_kp {
  uint64_t key;
  uint32_t pos;
} td_kp;

static int td_kp_cmp(const void *x, const void *y) {
  const td_kp *a = x, *b = y;
  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  return a->pos < b->pos ? -1 : a->pos > b->pos;
}

/* The index of the big blocks' patterns and the sets by first word. */
static void td_finish_index(td_eventdict *d) {
  td_intmap_free(d->pindex);
  td_free(d->sw_at);
  d->sw_at = NULL;
  d->sw_atn = 0;
  d->pindex = td_intmap_new();
  d->pkeys.n = d->ppos.n = d->sw_word.n = d->sw_set.n = 0;
  TD_VEC(td_kp) kp = {0};
  for (size_t b = 0; b < d->blocks.n; b++) {
    td_eblock *blk = &d->blocks.v[b];
    blk->free.n = 0;
    blk->indexed = blk->pats.n > TD_ED_INDEX_MIN;
    if (!blk->indexed)
      continue;
    for (uint32_t k = 0; k < blk->pats.n; k++) {
      const td_epattern *pt = &d->pats.v[blk->pats.v[k]];
      uint64_t key = 0;
      for (uint32_t i = 0; i < pt->nelem && !key; i++)
        if (d->elems.v[pt->elem + i].kind == TD_PE_WORD)
          key = (uint64_t)b << 32 | d->elems.v[pt->elem + i].value;
      for (uint32_t i = 0; i < pt->nelem && !key; i++)
        if (d->elems.v[pt->elem + i].kind == TD_PE_SET)
          key = (uint64_t)b << 32 | 0x80000000u | d->elems.v[pt->elem + i].value;
      if (!key) {
        td_vec_push(&blk->free, k);
        continue;
      }
      td_kp x = {key + 1, k}; /* + 1: the intmap takes no key 0 */
      td_vec_push(&kp, x);
    }
  }
  if (kp.n)
    qsort(kp.v, kp.n, sizeof(td_kp), td_kp_cmp);
  for (size_t i = 0; i < kp.n; i++) {
    if (!i || kp.v[i].key != kp.v[i - 1].key)
      td_intmap_put(d->pindex, kp.v[i].key, (uint32_t)i + 1);
    td_vec_push(&d->pkeys, kp.v[i].key);
    td_vec_push(&d->ppos, kp.v[i].pos);
  }
  /* sets by the first word of each phrase */
  kp.n = 0;
  for (size_t s = 0; s + 1 <= d->set_names.n; s++)
    for (uint32_t k = d->set_first[s]; k < d->set_first[s + 1]; k++) {
      td_kp x = {(uint64_t)d->words.v[d->phrase_first.v[d->set_phr[k]]] + 1,
                 (uint32_t)s};
      td_vec_push(&kp, x);
    }
  if (kp.n)
    qsort(kp.v, kp.n, sizeof(td_kp), td_kp_cmp);
  /* the keys are sorted: the last is the largest */
  d->sw_atn = kp.n ? (size_t)kp.v[kp.n - 1].key + 1 : 0;
  d->sw_at = td_calloc(d->sw_atn ? d->sw_atn : 1, sizeof(uint32_t));
  for (size_t i = 0; i < kp.n; i++) {
    if (i && kp.v[i].key == kp.v[i - 1].key && kp.v[i].pos == kp.v[i - 1].pos)
      continue;
    if (!d->sw_word.n || d->sw_word.v[d->sw_word.n - 1] != kp.v[i].key)
      d->sw_at[kp.v[i].key] = (uint32_t)d->sw_word.n + 1;
    td_vec_push(&d->sw_word, (uint32_t)kp.v[i].key);
    td_vec_push(&d->sw_set, kp.v[i].pos);
  }
  td_vec_free(&kp);
}

void td_eventdict_finish(td_eventdict *d) {
  size_t nf = td_lexicon_nforms(d->lx) + 1;
  td_free(d->lemma);
  td_free(d->lemma2);
  td_free(d->pred);
  td_free(d->fkind);
  td_free(d->islight);
  d->nforms = nf;
  d->lemma = td_calloc(nf, sizeof(uint32_t));
  d->lemma2 = td_calloc(nf, sizeof(uint32_t));
  d->pred = td_malloc(nf * sizeof(int32_t));
  d->fkind = td_calloc(nf, 1);
  d->islight = td_calloc(nf, 1);
  for (size_t f = 0; f < nf; f++)
    d->pred[f] = -1;
  for (size_t i = 0; i < d->pend_form.n; i++) {
    uint32_t f = d->pend_form.v[i];
    if (f < nf && d->pend_lemma.v[i] == f)
      d->lemma[f] = f;
  }
  for (size_t i = 0; i < d->pend_form.n; i++) {
    uint32_t f = d->pend_form.v[i];
    if (f >= nf)
      continue;
    if (!d->lemma[f])
      d->lemma[f] = d->pend_lemma.v[i];
    else if (d->lemma[f] != d->pend_lemma.v[i] && !d->lemma2[f])
      d->lemma2[f] = d->pend_lemma.v[i];
    d->fkind[f] |= d->pend_kind.v[i];
  }
  d->nodes.n = 0;
  for (size_t i = d->pend_pred.n; i-- > 0;) {
    uint32_t f = d->pend_pred_form.v[i];
    if (f >= nf)
      continue;
    td_epnode nd = {(uint32_t)d->pend_pred.v[i], d->pred[f]};
    /* a form listed twice for one predicate (base and extra) links once */
    if (nd.next >= 0 && d->nodes.v[nd.next].pred == nd.pred)
      continue;
    td_vec_push(&d->nodes, nd);
    d->pred[f] = (int32_t)(d->nodes.n - 1);
  }
  uint8_t *head = td_calloc(nf, 1);
  for (size_t i = 0; i < d->light.n; i++) {
    if (d->light.v[i] && d->light.v[i] < nf)
      head[d->light.v[i]] = 1;
    while (i < d->light.n && d->light.v[i])
      i++;
  }
  for (size_t f = 1; f < nf; f++)
    if (d->lemma[f] && head[d->lemma[f]])
      d->islight[f] = 1;
  td_free(head);
  for (size_t p = 0; p < d->pats.n; p++) {
    td_epattern *pt = &d->pats.v[p];
    memset(pt->sig, 0, sizeof(pt->sig));
    for (uint32_t i = 0; i < pt->nelem; i++)
      if (d->elems.v[pt->elem + i].kind == TD_PE_WORD)
        td_sig_add(pt->sig, d->elems.v[pt->elem + i].value);
  }
  td_sort_d = d;
  for (size_t b = 0; b < d->blocks.n; b++)
    if (d->blocks.v[b].pats.n > 1)
      qsort(d->blocks.v[b].pats.v, d->blocks.v[b].pats.n, sizeof(uint32_t),
            td_pat_cmp);
  td_finish_sets(d);
  td_finish_index(d);
}

/* ---- data/events.txt -------------------------------------------------------- */

typedef struct td_eload {
  td_eventdict *d;
  uint32_t file;
  int64_t block; /* current block, -1 before the first */
} td_eload;

/* Splits f at `sep` into trimmed pieces; calls fn on each. */
static bool td_each_item(td_field f, char sep, const td_record *rec,
                         td_diag *err,
                         bool (*fn)(td_eload *, const char *, size_t,
                                    const td_record *, td_diag *),
                         td_eload *L) {
  const char *p = f.s, *end = f.s + f.n;
  while (p < end) {
    const char *q = memchr(p, sep, (size_t)(end - p));
    if (!q)
      q = end;
    const char *a = p, *b = q;
    while (a < b && (*a == ' ' || *a == '\t'))
      a++;
    while (b > a && (b[-1] == ' ' || b[-1] == '\t'))
      b--;
    if (b > a && !fn(L, a, (size_t)(b - a), rec, err))
      return false;
    p = q + 1;
  }
  return true;
}

static td_ecode td_eload_code;
static int td_eload_pos;

static bool td_eload_pred(td_eload *L, const char *s, size_t n,
                          const td_record *rec, td_diag *err) {
  char w[TD_EP_REST + 2][64];
  size_t k = td_split_words(s, n, w, TD_EP_REST + 1);
  if (!k || k > TD_EP_REST + 1)
    return td_record_error(rec, err, "'%.*s': a predicate is one to %d words",
                           (int)n, s, TD_EP_REST + 1);
  const char *words[TD_EP_REST + 1];
  for (size_t i = 0; i < k; i++)
    words[i] = w[i];
  const char *why;
  bool has = rec->n > 2;
  if (!td_ed_pred(L->d, (uint32_t)L->block, td_eload_pos, words, k, NULL, 0,
                  has ? &td_eload_code : NULL, L->file, (uint32_t)rec->line,
                  &why))
    return td_record_error(rec, err, "'%.*s': %s", (int)n, s, why);
  return true;
}

static bool td_eload_light(td_eload *L, const char *s, size_t n,
                           const td_record *rec, td_diag *err) {
  char w[TD_EP_REST + 2][64];
  size_t k = td_split_words(s, n, w, TD_EP_REST + 1);
  if (!k || k > TD_EP_REST + 1)
    return td_record_error(rec, err, "'%.*s': one to %d words", (int)n, s,
                           TD_EP_REST + 1);
  const char *words[TD_EP_REST + 1];
  for (size_t i = 0; i < k; i++)
    words[i] = w[i];
  td_ed_light(L->d, words, k);
  return true;
}

static uint32_t td_eload_set;

static bool td_eload_setword(td_eload *L, const char *s, size_t n,
                             const td_record *rec, td_diag *err) {
  char w[9][64];
  size_t k = td_split_words(s, n, w, 8);
  if (!k || k > 8)
    return td_record_error(rec, err, "'%.*s': a set's phrase is one to 8 "
                                     "words", (int)n, s);
  uint32_t lem[8];
  for (size_t i = 0; i < k; i++) {
    if (w[i][0] == '&') {
      uint32_t inner;
      if (k != 1 ||
          !td_strmap_get(L->d->sets, w[i] + 1, strlen(w[i] + 1), &inner))
        return td_record_error(rec, err, "'%s': a set named in a set stands "
                                         "alone and is defined above", w[i]);
      td_ed_set_include(L->d, td_eload_set, inner);
      return true;
    }
    if (!(lem[i] = td_ed_word(L->d, w[i], false)))
      return td_record_error(rec, err, "'%s' makes no word", w[i]);
  }
  td_ed_set_add(L->d, td_eload_set, lem, k);
  return true;
}

/* Parses pattern text into elements. */
static bool td_parse_pattern(td_eventdict *d, const char *s, size_t n,
                             td_pelem *out, size_t *nout, size_t max,
                             const char **why) {
  static char msg[96];
  size_t k = 0;
  const char *p = s, *end = s + n;
  while (p < end) {
    while (p < end && *p == ' ')
      p++;
    const char *tok = p;
    while (p < end && *p != ' ')
      p++;
    if (p == tok)
      break;
    /* pieces joined by '_' */
    const char *q = tok;
    bool first = true;
    while (q < p) {
      const char *e = memchr(q, '_', (size_t)(p - q));
      if (!e)
        e = p;
      size_t len = (size_t)(e - q);
      if (!len) {
        *why = "an empty word around '_'";
        return false;
      }
      if (k == max) {
        *why = "too many elements";
        return false;
      }
      td_pelem el = {0, first ? 0 : TD_PE_ADJ, 0};
      if (len == 1 && strchr("*$+%^", *q))
        el.kind = *q == '*'   ? TD_PE_PRED
                  : *q == '$' ? TD_PE_SOURCE
                  : *q == '+' ? TD_PE_TARGET
                  : *q == '%' ? TD_PE_BOTH
                              : TD_PE_ANY;
      else if (*q == '&') {
        if (!td_strmap_get(d->sets, q + 1, len - 1, &el.value)) {
          snprintf(msg, sizeof(msg), "set '%.*s' is not defined above",
                   (int)len, q);
          *why = msg;
          return false;
        }
        el.kind = TD_PE_SET;
      } else {
        char w[64];
        if (len >= 64) {
          *why = "a word too long";
          return false;
        }
        memcpy(w, q, len);
        w[len] = 0;
        if (!(el.value = td_ed_word(d, w, false))) {
          snprintf(msg, sizeof(msg), "'%s' makes no word", w);
          *why = msg;
          return false;
        }
        el.kind = TD_PE_WORD;
      }
      out[k++] = el;
      first = false;
      q = e + 1;
    }
  }
  *nout = k;
  return true;
}

static bool td_eload_record(void *ud, const td_record *rec, td_diag *err) {
  td_eload *L = ud;
  td_eventdict *d = L->d;
  td_field kind = rec->f[0];
  const char *why;
  if (rec->n < 2)
    return td_record_error(rec, err, "expected KIND<TAB>TEXT[<TAB>CODE]");
  td_ecode code;
  memset(&code, 0, sizeof(code));
  if (rec->n > 2 && !td_field_eq(kind, "set") && !td_field_eq(kind, "light")) {
    if (!td_ed_code(rec->f[2].s, rec->f[2].n, &code, &why) ||
        !td_ed_code_known(d, &code, &why))
      return td_record_error(rec, err, "code '%.*s': %s", (int)rec->f[2].n,
                             rec->f[2].s, why);
  }
  if (td_field_eq(kind, "==")) {
    L->block = td_ed_block(d, rec->f[1].s, rec->f[1].n, &code);
    return true;
  }
  if (td_field_eq(kind, "set")) {
    td_field f = rec->f[1];
    const char *eq = memchr(f.s, '=', f.n);
    if (!eq || f.n < 2 || f.s[0] != '&')
      return td_record_error(rec, err, "a set is '&NAME = word, word ...'");
    const char *ne = eq;
    while (ne > f.s + 1 && ne[-1] == ' ')
      ne--;
    if (ne == f.s + 1)
      return td_record_error(rec, err, "a set needs a name");
    td_eload_set = td_ed_set(d, f.s + 1, (size_t)(ne - f.s - 1));
    td_field rest = {eq + 1, (size_t)(f.s + f.n - eq - 1)};
    return td_each_item(rest, ',', rec, err, td_eload_setword, L);
  }
  if (td_field_eq(kind, "light"))
    return td_each_item(rec->f[1], ',', rec, err, td_eload_light, L);
  if (L->block < 0)
    return td_record_error(rec, err, "'%.*s' before the first '==' block",
                           (int)kind.n, kind.s);
  if (td_field_eq(kind, "verb") || td_field_eq(kind, "noun")) {
    td_eload_pos = td_field_eq(kind, "verb") ? TD_EP_VERB : TD_EP_NOUN;
    td_eload_code = code;
    return td_each_item(rec->f[1], ',', rec, err, td_eload_pred, L);
  }
  if (td_field_eq(kind, "-")) {
    if (rec->n < 3)
      return td_record_error(rec, err, "a pattern needs its code");
    td_pelem el[32];
    size_t n;
    if (!td_parse_pattern(d, rec->f[1].s, rec->f[1].n, el, &n, 32, &why) ||
        !td_ed_pattern(d, (uint32_t)L->block, el, n, &code, L->file,
                       (uint32_t)rec->line, &why))
      return td_record_error(rec, err, "pattern '%.*s': %s",
                             (int)rec->f[1].n, rec->f[1].s, why);
    return true;
  }
  return td_record_error(rec, err, "unknown kind '%.*s' (==, verb, noun, -, "
                                   "set, light)", (int)kind.n, kind.s);
}

bool td_eventdict_load_own(td_eventdict *d, const char *dir, td_diag *err) {
  td_eload L = {d, td_ed_file(d, "events.txt"), -1};
  return td_data_each_n(dir, "events.txt", 3, td_eload_record, &L, err);
}

long td_eventdict_check(td_eventdict *d, const char *path, td_report_fn fn,
                        void *ud, td_diag *err) {
  td_eload L = {d, td_ed_file(d, path), -1};
  return td_data_check(path, 3, td_eload_record, &L, fn, ud, err);
}
