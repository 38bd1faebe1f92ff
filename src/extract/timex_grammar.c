/*
 * timex_grammar.c — loads the temporal words (timex-words.txt) and grammar
 * (timex-rules.txt), turns a document's tokens into the tokens the grammar
 * sees, and finds the longest rule match at each place. Rules are indexed
 * by what can start them, so a word that starts no rule costs one lookup.
 */
#include "timex_grammar.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>

/* ---- Loading ------------------------------------------------------------ */

static const char *const td_class_names[] = {
    NULL,    "MONTH", "WEEKDAY", "SEASON", "PART", "UNIT", "NUMWORD",
    "ORD",   "REL",   "DEICTIC", "FREQ",   "AMPM", "DIR",  "HOLIDAY",
    "TENSE", "DECADEWORD", "FREQADJ"};

static int td_class_by_name(const char *s, size_t n) {
  for (int c = 1; c < TD_CL_NLEX; c++)
    if (strlen(td_class_names[c]) == n && memcmp(td_class_names[c], s, n) == 0)
      return c;
  return 0;
}

/* The folded (ASCII lower case, ’ as ') form of s, in out (cap bytes);
 * returns its length, or 0 if it does not fit. */
static size_t td_fold(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
      c = '\'';
      i += 2;
    }
    if (k + 1 >= cap)
      return 0;
    out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  out[k] = 0;
  return k;
}

#define TD_WHASH_INIT 2166136261u
#define TD_WHASH_STEP(h, c) (((h) ^ (unsigned char)(c)) * 16777619u)

static void td_wtable_put(td_timex_grammar *g, const char *f, size_t k,
                          uint32_t h, uint32_t id);

static void td_wtable_grow(td_timex_grammar *g) {
  size_t old = g->wslots ? g->wmask + 1 : 0;
  td_wslot *ov = g->wslots;
  size_t n = old ? old * 2 : 1024;
  g->wslots = td_calloc(n, sizeof(*g->wslots));
  g->wmask = n - 1;
  for (size_t i = 0; i < old; i++)
    if (ov[i].id) {
      size_t j = ov[i].hash & g->wmask;
      while (g->wslots[j].id)
        j = (j + 1) & g->wmask;
      g->wslots[j] = ov[i];
    }
  td_free(ov);
}

static void td_wfast_put(td_wfast *v, size_t mask, td_wfast e) {
  size_t j = (size_t)td_fkey_hash(&e.key) & mask;
  while (v[j].id)
    j = (j + 1) & mask;
  v[j] = e;
}

static void td_wtable_put(td_timex_grammar *g, const char *f, size_t k,
                          uint32_t h, uint32_t id) {
  if (k <= TD_SHORT_FORM) {
    size_t count = td_strmap_count(g->words) + 1;
    if (!g->wfast || count * 2 > g->fmask + 1) {
      size_t old = g->wfast ? g->fmask + 1 : 0, n = old ? old * 2 : 1024;
      td_wfast *ov = g->wfast;
      g->wfast = td_calloc(n, sizeof(*g->wfast));
      g->fmask = n - 1;
      for (size_t i = 0; i < old; i++)
        if (ov[i].id)
          td_wfast_put(g->wfast, g->fmask, ov[i]);
      td_free(ov);
    }
    td_wfast_put(g->wfast, g->fmask, (td_wfast){td_fkey_of(f, k), id});
  }
  if (!g->wslots || (td_strmap_count(g->words) + 1) * 2 > g->wmask + 1)
    td_wtable_grow(g);
  size_t j = h & g->wmask;
  while (g->wslots[j].id)
    j = (j + 1) & g->wmask;
  td_wslot sl = {h, id, (uint32_t)g->wchars.n, (uint32_t)k};
  for (size_t i = 0; i < k; i++)
    td_vec_push(&g->wchars, f[i]);
  g->wslots[j] = sl;
}

static uint32_t td_whash(const char *f, size_t k) {
  uint32_t h = TD_WHASH_INIT;
  for (size_t i = 0; i < k; i++)
    h = TD_WHASH_STEP(h, f[i]);
  return h;
}

uint32_t td_tg_intern(td_timex_grammar *g, const char *s, size_t n) {
  char buf[64];
  size_t k = td_fold(s, n, buf, sizeof(buf));
  if (!k)
    return 0;
  uint32_t id;
  if (td_strmap_get(g->words, buf, k, &id))
    return id;
  id = (uint32_t)td_strmap_count(g->words) + 1;
  td_strmap_put(g->words, buf, k, id);
  td_wtable_put(g, buf, k, td_whash(buf, k), id);
  return id;
}

/* ASCII upper case to lower case; other bytes as they are. */
static const unsigned char td_lower[256] = {
#define TD_L4(i) TD_L1(i), TD_L1(i + 1), TD_L1(i + 2), TD_L1(i + 3)
#define TD_L1(i) (unsigned char)((i) >= 'A' && (i) <= 'Z' ? (i) + 32 : (i))
#define TD_L16(i) TD_L4(i), TD_L4(i + 4), TD_L4(i + 8), TD_L4(i + 12)
#define TD_L64(i) TD_L16(i), TD_L16(i + 16), TD_L16(i + 32), TD_L16(i + 48)
    TD_L64(0), TD_L64(64), TD_L64(128), TD_L64(192)
#undef TD_L64
#undef TD_L16
#undef TD_L4
#undef TD_L1
};

/* td_fold and the word-table lookup in one pass (any word). */
static uint32_t td_tg_word_slow(const td_timex_grammar *g, const char *s,
                                size_t n) {
  char buf[64];
  if (n >= sizeof(buf) + 8 || !g->wslots)
    return 0;
  size_t k = 0;
  uint32_t h = TD_WHASH_INIT;
  const unsigned char *u = (const unsigned char *)s;
  /* a word of 63 bytes or more (folded) is none of ours (td_fold): only
   * a word of as many bytes needs the check */
  bool check = n >= sizeof(buf) - 1;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = td_lower[u[i]];
    if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x80 &&
        (u[i + 2] == 0x99 || u[i + 2] == 0x98)) {
      c = '\'';
      i += 2;
    }
    if (check && k + 1 >= sizeof(buf))
      return 0;
    buf[k++] = (char)c;
    h = TD_WHASH_STEP(h, c);
  }
  if (!k)
    return 0;
  for (size_t j = h & g->wmask;; j = (j + 1) & g->wmask) {
    const td_wslot *sl = &g->wslots[j];
    if (!sl->id)
      return 0;
    if (sl->hash == h && sl->len == k &&
        !memcmp(g->wchars.v + sl->off, buf, k))
      return sl->id;
  }
}

/* The word id of the text s[0..n): an ASCII word of up to 16 bytes folds
 * to its bytes with capitals lowered and is found by its key (s must be
 * readable for 16 bytes: a document's text is padded); others take the
 * byte-by-byte fold. */
static inline uint32_t td_tg_word_in(const td_timex_grammar *g, const char *s,
                                     size_t n) {
  if (n && n <= TD_SHORT_FORM && g->wfast) {
    td_fkey key = td_fkey_bytes(s, n);
    if (td_fkey_is_ascii(&key)) {
      key.k[0] = td_lower8(key.k[0]);
      key.k[1] = td_lower8(key.k[1]);
      for (size_t j = (size_t)td_fkey_hash(&key) & g->fmask;;
           j = (j + 1) & g->fmask) {
        const td_wfast *e = &g->wfast[j];
        if (!e->id)
          return 0;
        if (e->key.k[0] == key.k[0] && e->key.k[1] == key.k[1])
          return e->id;
      }
    }
  }
  return td_tg_word_slow(g, s, n);
}

/* The word id of a token by its key (td_doc_token_keys); s[0..n) when it
 * has none. */
static inline uint32_t td_tg_word_tkey(const td_timex_grammar *g,
                                       const td_tkey *k, const char *s,
                                       size_t n) {
  if (!k->key.k[0] || !g->wfast)
    return td_tg_word_in(g, s, n);
  for (size_t j = (size_t)k->hash & g->fmask;; j = (j + 1) & g->fmask) {
    const td_wfast *e = &g->wfast[j];
    if (!e->id)
      return 0;
    if (e->key.k[0] == k->key.k[0] && e->key.k[1] == k->key.k[1])
      return e->id;
  }
}

/* Any string (not only a padded text): a short one is copied first. */
uint32_t td_tg_word(const td_timex_grammar *g, const char *s, size_t n) {
  if (n > TD_SHORT_FORM)
    return td_tg_word_slow(g, s, n);
  char b[TD_SHORT_FORM] = {0};
  memcpy(b, s, n);
  return td_tg_word_in(g, b, n);
}

typedef struct td_lexpair {
  uint32_t word, ent;
} td_lexpair;

typedef struct td_wload {
  td_timex_grammar *g;
  TD_VEC(td_lexpair) pairs;
} td_wload;

static bool td_word_record(void *ud, const td_record *rec, td_diag *err) {
  td_wload *wl = ud;
  td_timex_grammar *g = wl->g;
  int cls = rec->n == 3 ? td_class_by_name(rec->f[0].s, rec->f[0].n) : 0;
  if (!cls)
    return td_record_error(rec, err, "expected CLASS<TAB>VALUE<TAB>WORDS "
                                     "with a known CLASS");
  if (rec->f[1].n == 0 || rec->f[1].n >= sizeof(((td_lexent *)0)->sval))
    return td_record_error(rec, err, "bad value");
  td_lexent e;
  memset(&e, 0, sizeof(e));
  e.cls = (uint16_t)cls;
  memcpy(e.sval, rec->f[1].s, rec->f[1].n);
  char *end;
  e.num = strtod(e.sval, &end);
  if (*end)
    e.num = NAN;
  const char *s = rec->f[2].s, *se = s + rec->f[2].n;
  while (s < se) {
    const char *bar = memchr(s, '|', (size_t)(se - s));
    const char *we = bar ? bar : se;
    if (we > s) {
      td_lexent w = e;
      for (const char *q = s; q < we; q++)
        if (*q >= 'A' && *q <= 'Z')
          w.cased = 1;
      uint32_t id = td_tg_intern(g, s, (size_t)(we - s));
      if (!id)
        return td_record_error(rec, err, "word too long");
      td_lexpair p = {id, (uint32_t)g->lex.n};
      td_vec_push(&g->lex, w);
      td_vec_push(&wl->pairs, p);
    }
    s = bar ? bar + 1 : se;
  }
  return true;
}

static int td_pair_cmp(const void *a, const void *b) {
  const td_lexpair *x = a, *y = b;
  if (x->word != y->word)
    return x->word < y->word ? -1 : 1;
  return x->ent < y->ent ? -1 : x->ent > y->ent;
}

/* Words separated by | into the word-alternatives table. */
static void td_add_words(td_timex_grammar *g, const char *s, size_t n,
                         uint32_t *first, uint16_t *count) {
  *first = (uint32_t)g->alts.n;
  *count = 0;
  const char *e = s + n;
  while (s < e) {
    const char *bar = memchr(s, '|', (size_t)(e - s));
    const char *we = bar ? bar : e;
    if (we > s) {
      uint32_t id = td_tg_intern(g, s, (size_t)(we - s));
      td_vec_push(&g->alts, id);
      (*count)++;
    }
    s = bar ? bar + 1 : e;
  }
}

static int td_builtin(const char *s, size_t n) {
  static const struct {
    const char *name;
    int kind;
  } b[] = {{"NUM", TD_PE_NUM},       {"YEAR", TD_PE_YEAR},
           {"DAY", TD_PE_DAY},       {"DECADE", TD_PE_DECADE},
           {"CLOCK", TD_PE_CLOCK}};
  for (size_t i = 0; i < TD_COUNT(b); i++)
    if (strlen(b[i].name) == n && memcmp(b[i].name, s, n) == 0)
      return b[i].kind;
  return 0;
}

/* Parses a pattern into elements; false with a message in *why. */
static bool td_parse_pattern(td_timex_grammar *g, td_field f, uint32_t *first,
                             uint32_t *count, const char **why) {
  *first = (uint32_t)g->pels.n;
  uint32_t stack[8];
  int depth = 0;
  const char *s = f.s, *e = f.s + f.n;
  while (s < e) {
    while (s < e && *s == ' ')
      s++;
    if (s >= e)
      break;
    const char *t = s;
    while (t < e && *t != ' ')
      t++;
    size_t n = (size_t)(t - s);
    bool opt = n > 1 && s[n - 1] == '?';
    if (opt)
      n--;
    td_pel el;
    memset(&el, 0, sizeof(el));
    el.opt = opt;
    if (n == 1 && *s == '(') {
      if (depth == (int)TD_COUNT(stack)) {
        *why = "groups nested too deeply";
        return false;
      }
      el.kind = TD_PE_GROUP;
      stack[depth++] = (uint32_t)g->pels.n;
      td_vec_push(&g->pels, el);
    } else if (n == 1 && *s == ')') {
      if (depth == 0) {
        *why = "unbalanced )";
        return false;
      }
      td_pel *grp = &g->pels.v[stack[--depth]];
      grp->group_end = (uint32_t)g->pels.n;
      grp->opt = opt;
    } else if (n > 2 && *s == '<' && s[n - 1] == '>') {
      size_t cn = n - 2;
      if (cn > 3 && (!memcmp(s + 1 + cn - 3, ":sg", 3) ||
                     !memcmp(s + 1 + cn - 3, ":pl", 3))) {
        el.number = s[1 + cn - 2] == 's' ? 1 : 2;
        cn -= 3;
      }
      int cls = td_class_by_name(s + 1, cn);
      int kind = cls ? TD_PE_CLASS : td_builtin(s + 1, cn);
      if (!kind) {
        *why = "unknown <CLASS>";
        return false;
      }
      el.kind = (uint8_t)kind;
      el.cls = (uint16_t)cls;
      td_vec_push(&g->pels, el);
    } else {
      el.kind = TD_PE_WORDS;
      td_add_words(g, s, n, &el.wfirst, &el.wn);
      td_vec_push(&g->pels, el);
    }
    s = t;
  }
  if (depth) {
    *why = "unbalanced (";
    return false;
  }
  *count = (uint32_t)g->pels.n - *first;
  if (*count == 0) {
    *why = "empty pattern";
    return false;
  }
  return true;
}

static const struct {
  const char *name;
  int kind, nargs;
} td_actions[] = {
    {"date", TD_ACT_DATE, 0},         {"month", TD_ACT_MONTH, 0},
    {"year", TD_ACT_YEAR, 0},         {"iso", TD_ACT_ISO, 0},
    {"weekday", TD_ACT_WEEKDAY, -1},  {"deictic", TD_ACT_DEICTIC, 0},
    {"day", TD_ACT_DAY, 2},           {"rel", TD_ACT_REL, 0},
    {"relmonth", TD_ACT_RELMONTH, 0}, {"relseason", TD_ACT_RELSEASON, 0},
    {"monthrel", TD_ACT_MONTHREL, 0}, {"shift", TD_ACT_SHIFT, 1},
    {"anaphor", TD_ACT_ANAPHOR, 2},   {"quarter", TD_ACT_QUARTER, -1},
    {"half", TD_ACT_HALF, -1},        {"season", TD_ACT_SEASON, 0},
    {"decade", TD_ACT_DECADE, 0},     {"century", TD_ACT_CENTURY, 0},
    {"holiday", TD_ACT_HOLIDAY, -3},  {"clock", TD_ACT_CLOCK, 0},
    {"duration", TD_ACT_DURATION, -1}, {"vague", TD_ACT_VAGUE, 0},
    {"set", TD_ACT_SET, 0},           {"value", TD_ACT_VALUE, -2},
    {"none", TD_ACT_NONE, 0},         {"yearago", TD_ACT_YEARAGO, 0},
    {"weekof", TD_ACT_WEEKOF, 0}};

static int td_guard_index(td_timex_grammar *g, td_field name, bool create) {
  for (size_t i = 0; i < g->guards.n; i++)
    if (td_field_eq(name, g->guards.v[i].name))
      return (int)i;
  if (!create || name.n >= sizeof(g->guards.v[0].name))
    return -1;
  td_guard gd;
  memset(&gd, 0, sizeof(gd));
  memcpy(gd.name, name.s, name.n);
  td_vec_push(&g->guards, gd);
  return (int)g->guards.n - 1;
}

static bool td_parse_action(td_timex_grammar *g, td_field f, td_rule *r,
                            const char **why) {
  char buf[128];
  if (f.n >= sizeof(buf)) {
    *why = "action too long";
    return false;
  }
  memcpy(buf, f.s, f.n);
  buf[f.n] = 0;
  char *words[6];
  int nw = 0;
  for (char *tok = strtok(buf, " \t"); tok && nw < 6; tok = strtok(NULL, " \t"))
    words[nw++] = tok;
  if (nw == 0) {
    *why = "missing action";
    return false;
  }
  /* "if GUARD" at the end. */
  r->guard = -1;
  if (nw >= 2 && strcmp(words[nw - 2], "if") == 0) {
    td_field name = {words[nw - 1], strlen(words[nw - 1])};
    r->guard = td_guard_index(g, name, true);
    nw -= 2;
  }
  size_t k = 0;
  while (k < TD_COUNT(td_actions) && strcmp(td_actions[k].name, words[0]) != 0)
    k++;
  if (k == TD_COUNT(td_actions)) {
    *why = "unknown action";
    return false;
  }
  /* nargs: N exactly, -1 none or one, -2 one or two, -3 none to two */
  int need = td_actions[k].nargs;
  if ((need >= 0 && nw - 1 != need) || (need == -1 && nw > 2) ||
      (need == -2 && nw < 2) || nw > 3) {
    *why = "wrong number of action arguments";
    return false;
  }
  r->act.kind = (uint8_t)td_actions[k].kind;
  if (nw > 1)
    snprintf(r->act.arg1, sizeof(r->act.arg1), "%s", words[1]);
  if (nw > 2)
    snprintf(r->act.arg2, sizeof(r->act.arg2), "%s", words[2]);
  return true;
}

static int td_type_by_name(td_field f) {
  static const char *names[] = {NULL, "DATE", "TIME", "DURATION", "SET",
                                "NONE"};
  for (int t = 1; t < 6; t++)
    if (td_field_eq(f, names[t]))
      return t;
  return 0;
}

static void td_word_list(td_timex_grammar *g, td_field f, td_u32vec *out) {
  const char *s = f.s, *e = f.s + f.n;
  while (s < e) {
    const char *bar = memchr(s, '|', (size_t)(e - s));
    const char *we = bar ? bar : e;
    if (we > s)
      td_vec_push(out, td_tg_intern(g, s, (size_t)(we - s)));
    s = bar ? bar + 1 : e;
  }
}

static bool td_rule_record(void *ud, const td_record *rec, td_diag *err) {
  td_timex_grammar *g = ud;
  const char *why = NULL;
  if (td_field_eq(rec->f[0], "rule") && rec->n == 4) {
    td_rule r;
    memset(&r, 0, sizeof(r));
    r.type = (uint8_t)td_type_by_name(rec->f[1]);
    r.line = (uint16_t)TD_MIN(rec->line, 65535);
    if (!r.type)
      return td_record_error(rec, err,
                             "unknown type (DATE TIME DURATION SET NONE)");
    if (!td_parse_pattern(g, rec->f[2], &r.pfirst, &r.pn, &why) ||
        !td_parse_action(g, rec->f[3], &r, &why))
      return td_record_error(rec, err, "%s", why);
    td_vec_push(&g->rules, r);
    return true;
  }
  if (td_field_eq(rec->f[0], "guard") && rec->n == 4) {
    int gi = td_guard_index(g, rec->f[1], true);
    bool before = td_field_eq(rec->f[2], "before");
    if (gi < 0 || (!before && !td_field_eq(rec->f[2], "after")))
      return td_record_error(rec, err, "expected guard<TAB>NAME<TAB>"
                                       "before|after<TAB>WORDS");
    td_guard *gd = &g->guards.v[gi];
    td_word_list(g, rec->f[3], before ? &gd->before : &gd->after);
    return true;
  }
  if (td_field_eq(rec->f[0], "mod") && rec->n == 4) {
    td_mod m;
    memset(&m, 0, sizeof(m));
    m.before = td_field_eq(rec->f[1], "before");
    if (!m.before && !td_field_eq(rec->f[1], "after"))
      return td_record_error(rec, err, "expected mod<TAB>before|after<TAB>"
                                       "WORDS<TAB>MOD");
    const char *s = rec->f[2].s, *e = s + rec->f[2].n;
    while (s < e) {
      while (s < e && *s == ' ')
        s++;
      const char *t = s;
      while (t < e && *t != ' ')
        t++;
      if (t > s) {
        if (m.n == TD_COUNT(m.words))
          return td_record_error(rec, err, "too many words");
        m.words[m.n++] = td_tg_intern(g, s, (size_t)(t - s));
      }
      s = t;
    }
    if (m.n == 0 || rec->f[3].n == 0 || rec->f[3].n >= sizeof(m.mod))
      return td_record_error(rec, err, "bad mod");
    memcpy(m.mod, rec->f[3].s, rec->f[3].n);
    td_vec_push(&g->mods, m);
    return true;
  }
  if (td_field_eq(rec->f[0], "veto") && rec->n == 3) {
    bool before = td_field_eq(rec->f[1], "before");
    if (!before && !td_field_eq(rec->f[1], "after"))
      return td_record_error(rec, err, "expected veto<TAB>before|after<TAB>"
                                       "WORDS");
    td_word_list(g, rec->f[2], before ? &g->veto_before : &g->veto_after);
    return true;
  }
  return td_record_error(rec, err, "expected a rule, guard, mod or veto "
                                   "record");
}

/* ---- The index of first elements ---------------------------------------- */


/* Calls visit on the key of every element that can start elements
 * [e, end); returns true when they can also match nothing at all. */
typedef void (*td_key_fn)(td_timex_grammar *g, td_key k, void *ud);

static bool td_first_set(td_timex_grammar *g, uint32_t e, uint32_t end,
                         td_key_fn visit, void *ud) {
  while (e < end) {
    const td_pel *el = &g->pels.v[e];
    if (el->kind == TD_PE_GROUP) {
      bool empty = td_first_set(g, e + 1, el->group_end, visit, ud);
      if (!el->opt && !empty)
        return false;
      e = el->group_end;
      continue;
    }
    if (el->kind == TD_PE_WORDS) {
      for (uint32_t k = 0; k < el->wn; k++) {
        td_key key = {1, g->alts.v[el->wfirst + k]};
        visit(g, key, ud);
      }
    } else {
      td_key key = {(uint8_t)(el->kind == TD_PE_CLASS ? 2 : 3),
                    el->kind == TD_PE_CLASS ? el->cls : el->kind};
      visit(g, key, ud);
    }
    if (!el->opt)
      return false;
    e++;
  }
  return true;
}

typedef struct td_index_ud {
  uint32_t rule;
} td_index_ud;

static void td_index_key(td_timex_grammar *g, td_key key, void *ud) {
  uint32_t ri = ((td_index_ud *)ud)->rule;
  if (key.type == 1) {
    uint32_t w = key.v;
    if (w >= g->by_word_n) {
      size_t old = g->by_word_n;
      size_t want = TD_MAX(w + 1, old * 2);
      g->by_word = td_realloc(g->by_word, want * sizeof(*g->by_word));
      memset(g->by_word + old, 0, (want - old) * sizeof(*g->by_word));
      g->by_word_n = want;
    }
    td_vec_push(&g->by_word[w], ri);
  } else if (key.type == 2) {
    td_vec_push(&g->by_class[key.v], ri);
  } else {
    td_vec_push(&g->by_kind[key.v], ri);
  }
}

typedef struct td_next_ud {
  td_rule *r;
  bool overflow;
} td_next_ud;

/* A key's bit in a 64-bit signature: words in bits 0-46 (47 is no key's:
 * TD_SIG_ANY), lexicon classes
 * in 48-55, built-in kinds in 56-63. A token's signature has the bits of
 * every key it could fit (more, never fewer), so a rule whose next keys
 * share no bit with the next token's signature cannot go on. */
#define TD_SIG_ANY (1ull << 47)
static uint64_t td_key_sig(td_key k) {
  if (k.type == 1)
    return 1ull << ((k.v * 2654435761u) >> 16) % 47;
  if (k.type == 2)
    return 1ull << (48 + k.v % 8);
  return 1ull << (56 + k.v % 8);
}

static void td_next_key(td_timex_grammar *g, td_key key, void *ud) {
  (void)g;
  td_next_ud *n = ud;
  if (n->r->nnext == TD_MAX_NEXT) {
    n->overflow = true;
  } else {
    n->r->next[n->r->nnext++] = key;
    n->r->next_sig |= td_key_sig(key);
  }
}

static void td_rest_key(td_timex_grammar *g, td_key key, void *ud) {
  (void)g;
  *(uint64_t *)ud |= td_key_sig(key);
}

static void td_build_index(td_timex_grammar *g) {
  for (uint32_t r = 0; r < g->rules.n; r++) {
    td_rule *rule = &g->rules.v[r];
    uint32_t first = rule->pfirst, end = rule->pfirst + rule->pn;
    td_index_ud iu = {r};
    td_first_set(g, first, end, td_index_key, &iu);
    /* The filter on the token after a first class or kind. */
    const td_pel *fe = &g->pels.v[first];
    rule->rest_sig = 0;
    rule->rest_filter = 0;
    if (fe->kind != TD_PE_GROUP && first + 1 < end) {
      uint64_t sig = 0;
      bool empty = td_first_set(g, first + 1, end, td_rest_key, &sig);
      rule->rest_sig = sig;
      rule->rest_filter = !empty;
    }
    rule->rest2_sig = 0;
    rule->rest2_filter = 0;
    const td_pel *se = first + 1 < end ? &g->pels.v[first + 1] : NULL;
    if (fe->kind != TD_PE_GROUP && fe->opt && se &&
        se->kind != TD_PE_GROUP && !se->opt && first + 2 < end) {
      uint64_t sig = 0;
      bool empty = td_first_set(g, first + 2, end, td_rest_key, &sig);
      rule->rest2_sig = sig;
      rule->rest2_filter = !empty;
    }
    /* What every match has after its first element. */
    rule->nneed = 0;
    for (uint32_t e = fe->kind == TD_PE_GROUP ? fe->group_end : first + 1;
         e < end;) {
      const td_pel *el = &g->pels.v[e];
      if (el->kind == TD_PE_GROUP) {
        e = el->group_end;
        continue;
      }
      if (!el->opt && rule->nneed < TD_COUNT(rule->need)) {
        uint64_t m = 0;
        if (el->kind == TD_PE_WORDS)
          for (uint32_t k = 0; k < el->wn; k++)
            m |= td_key_sig((td_key){1, g->alts.v[el->wfirst + k]});
        else if (el->kind == TD_PE_CLASS)
          m = td_key_sig((td_key){2, el->cls});
        else
          m = td_key_sig((td_key){3, el->kind});
        rule->need[rule->nneed++] = m;
      }
      e++;
    }
    /* The filter on the next token, for rules that start with words. */
    rule->nnext = 0;
    rule->next_sig = 0;
    if (g->pels.v[first].kind == TD_PE_WORDS && first + 1 < end) {
      td_next_ud nu = {rule, false};
      bool empty = td_first_set(g, first + 1, end, td_next_key, &nu);
      if (empty || nu.overflow)
        rule->nnext = 0;
    }
  }
}

/* The gated lists of candidates (td_cand), for td_timex_match_at. */
static td_cand td_make_cand(const td_timex_grammar *g, uint32_t ri,
                            uint32_t word) {
  const td_rule *r = &g->rules.v[ri];
  const td_pel *fe = &g->pels.v[r->pfirst];
  td_cand c = {~0ull, ri, 0};
  if (r->nnext && fe->kind == TD_PE_WORDS) {
    bool takes = false;
    for (uint32_t k = 0; k < fe->wn && !takes; k++)
      takes = word && g->alts.v[fe->wfirst + k] == word;
    if (word && takes) {
      c.gate = r->next_sig;
      c.flags |= TD_CF_FITS;
    } else if (!word) {
      c.flags |= TD_CF_NEXT_OK;
    }
  }
  if (r->rest_filter && fe->opt) {
    c.flags |= TD_CF_OPTREST;
  } else if (r->rest_filter && fe->kind != TD_PE_WORDS) {
    if (fe->kind == TD_PE_CLASS) {
      c.gate = r->rest_sig; /* a class uses one token */
      if (fe->number)
        c.flags |= TD_CF_NUMBER;
    } else {
      c.gate = r->rest_sig; /* after what the kind used (td_timex_match_at) */
    }
  }
  return c;
}

static int td_cand_cmp(const void *a, const void *b) {
  const td_cand *x = a, *y = b;
  if (x->gate != y->gate)
    return x->gate < y->gate ? -1 : 1;
  return x->rule < y->rule ? -1 : x->rule > y->rule;
}

/* Orders a list by gate, so that rules opened by the same next tokens
 * share blocks, and makes the blocks' gates. (The order of candidates
 * does not matter: td_timex_match_at keeps the longest match, then the
 * rule written first.) */
static void td_cands_blocks(td_candvec *c) {
  if (c->n > 1)
    qsort(c->v, c->n, sizeof(td_cand), td_cand_cmp);
  size_t nb = (c->n + TD_CBLOCK - 1) / TD_CBLOCK;
  c->bgate = td_calloc(nb ? nb : 1, sizeof(uint64_t));
  for (size_t i = 0; i < c->n; i++)
    c->bgate[i / TD_CBLOCK] |= c->v[i].gate;
}

static void td_build_cands(td_timex_grammar *g) {
  g->cand_word = td_calloc(g->by_word_n ? g->by_word_n : 1,
                           sizeof(*g->cand_word));
  for (size_t w = 0; w < g->by_word_n; w++)
    for (size_t i = 0; i < g->by_word[w].n; i++)
      td_vec_push(&g->cand_word[w],
                  td_make_cand(g, g->by_word[w].v[i], (uint32_t)w));
  for (size_t c = 0; c < TD_CL_NLEX; c++)
    for (size_t i = 0; i < g->by_class[c].n; i++)
      td_vec_push(&g->cand_class[c], td_make_cand(g, g->by_class[c].v[i], 0));
  for (size_t k = 0; k < TD_PE_NKINDS; k++)
    for (size_t i = 0; i < g->by_kind[k].n; i++)
      td_vec_push(&g->cand_kind[k], td_make_cand(g, g->by_kind[k].v[i], 0));
  for (size_t w = 0; w < g->by_word_n; w++)
    td_cands_blocks(&g->cand_word[w]);
  for (size_t c = 0; c < TD_CL_NLEX; c++)
    td_cands_blocks(&g->cand_class[c]);
  for (size_t k = 0; k < TD_PE_NKINDS; k++)
    td_cands_blocks(&g->cand_kind[k]);
}

td_timex_grammar *td_timex_grammar_load(const char *data_dir, td_diag *err) {
  td_timex_grammar *g = td_calloc(1, sizeof(*g));
  g->words = td_strmap_new();
  td_wload wl = {g, {0}};
  bool ok = td_data_each(data_dir, "timex-words.txt", td_word_record, &wl,
                         err) &&
            td_data_each(data_dir, "timex-rules.txt", td_rule_record, g, err);
  if (ok) {
    /* Lexicon entries grouped by word. */
    if (wl.pairs.n)
      qsort(wl.pairs.v, wl.pairs.n, sizeof(td_lexpair), td_pair_cmp);
    size_t nwords = td_strmap_count(g->words) + 1;
    g->word_lex = td_calloc(nwords, sizeof(*g->word_lex));
    g->nwords = nwords;
    TD_VEC(td_lexent) sorted = {0};
    for (size_t i = 0; i < wl.pairs.n; i++) {
      td_wordlex *wx = &g->word_lex[wl.pairs.v[i].word];
      if (wx->n == 0)
        wx->first = (uint32_t)sorted.n;
      wx->n++;
      td_vec_push(&sorted, g->lex.v[wl.pairs.v[i].ent]);
    }
    td_vec_free(&g->lex);
    g->lex.v = sorted.v;
    g->lex.n = sorted.n;
    g->lex.cap = sorted.cap;
    for (size_t i = 0; i < g->guards.n; i++)
      if (g->guards.v[i].before.n == 0 && g->guards.v[i].after.n == 0) {
        td_diag_set(err, TD_ERROR, "timex-rules.txt", 0, -1,
                    "guard %s is used but never defined", g->guards.v[i].name);
        ok = false;
      }
    g->w_hyphen = td_tg_intern(g, "-", 1);
    g->w_apos = td_tg_intern(g, "'", 1);
    g->w_end = td_tg_intern(g, ".", 1);
    g->w_and = td_tg_intern(g, "and", 3);
    g->w_a = td_tg_intern(g, "a", 1);
    g->w_an = td_tg_intern(g, "an", 2);
    g->w_of = td_tg_intern(g, "of", 2);
    g->w_in = td_tg_intern(g, "in", 2);
    g->w_oclock = td_tg_intern(g, "o'clock", 7);
    static const char *det[] = {"the", "a",   "an",    "its",
                                "his", "her", "their", "this",
                                "that", "our", "new",  "'s"};
    for (size_t k = 0; k < TD_COUNT(det); k++)
      g->w_det[k] = td_tg_intern(g, det[k], strlen(det[k]));
    g->w_been = td_tg_intern(g, "been", 4);
    g->w_had = td_tg_intern(g, "had", 3);
    g->w_since = td_tg_intern(g, "since", 5);
    g->w_ahead = td_tg_intern(g, "ahead", 5);
    g->w_apos_s = td_tg_intern(g, "'s", 2);
    g->w_to = td_tg_intern(g, "to", 2);
    g->w_ended = td_tg_intern(g, "ended", 5);
    g->w_ending = td_tg_intern(g, "ending", 6);
    static const char *aux[] = {"was", "were", "had", "did"};
    for (size_t k = 0; k < TD_COUNT(aux); k++)
      g->w_aux[k] = td_tg_intern(g, aux[k], strlen(aux[k]));
    static const char *modal[] = {"will", "would", "shall", "'ll"};
    for (size_t k = 0; k < TD_COUNT(modal); k++)
      g->w_modal[k] = td_tg_intern(g, modal[k], strlen(modal[k]));
    static const char *clause[] = {",",    ";",     ":",    "and",
                                   "but",  "that",  "which", "who",
                                   "when", "while", "\""};
    for (size_t k = 0; k < TD_COUNT(clause); k++)
      g->w_clause[k] = td_tg_intern(g, clause[k], strlen(clause[k]));
    for (size_t k = 0; k < TD_COUNT(clause); k++)
      g->clause_bits |= 1ull << (g->w_clause[k] % 64);
    /* "is paid", "will be completed", "the reduced dividend": a past form
     * after these is a participle or an adjective. */
    static const char *nonpast[] = {
        "is",  "are", "be",  "been", "being", "will",  "would", "to",
        "'s",  "am",  "the", "a",    "an",    "its",   "his",   "her",
        "their", "this", "that", "these", "those", "our"};
    for (size_t k = 0; k < TD_COUNT(nonpast); k++)
      g->w_nonpast[k] = td_tg_intern(g, nonpast[k], strlen(nonpast[k]));
    /* Words interned after the lexicon table was sized have no entries. */
    if (td_strmap_count(g->words) + 1 > g->nwords) {
      size_t n = td_strmap_count(g->words) + 1;
      g->word_lex = td_realloc(g->word_lex, n * sizeof(*g->word_lex));
      memset(g->word_lex + g->nwords, 0,
             (n - g->nwords) * sizeof(*g->word_lex));
      g->nwords = n;
    }
    g->word_sig = td_calloc(g->nwords, sizeof(uint64_t));
    for (size_t w = 0; w < g->nwords; w++)
      g->word_sig[w] = td_key_sig((td_key){1, (uint32_t)w});
    td_build_index(g);
    td_build_cands(g);
    for (size_t i = 0; i < g->mods.n; i++) {
      const td_mod *md = &g->mods.v[i];
      if (md->n == 0)
        continue;
      if (md->before)
        g->mod_last_before |= 1ull << (md->words[md->n - 1] % 64);
      else
        g->mod_first_after |= 1ull << (md->words[0] % 64);
    }
    /* The candidates at one token are those of its word, of classes and
     * of number kinds: their sum bounds what td_timex_match_at holds. */
    size_t most = 0, shared = 0;
    for (size_t i = 0; i < g->by_word_n; i++)
      most = TD_MAX(most, g->by_word[i].n);
    for (size_t i = 0; i < TD_COUNT(g->by_class); i++)
      shared += g->by_class[i].n;
    for (size_t i = 0; i < TD_PE_NKINDS; i++)
      shared += g->by_kind[i].n;
    if (ok && most + shared > TD_MAX_CAND) {
      td_diag_set(err, TD_ERROR, "timex-rules.txt", 0, -1,
                  "too many rules can start at one word (%zu, at most %d)",
                  most + shared, TD_MAX_CAND);
      ok = false;
    }
  }
  td_vec_free(&wl.pairs);
  if (!ok) {
    td_timex_grammar_free(g);
    return NULL;
  }
  return g;
}

void td_timex_grammar_free(td_timex_grammar *g) {
  if (!g)
    return;
  td_strmap_free(g->words);
  td_free(g->wslots);
  td_free(g->wfast);
  td_vec_free(&g->wchars);
  td_vec_free(&g->lex);
  td_free(g->word_lex);
  td_free(g->word_sig);
  td_vec_free(&g->pels);
  td_vec_free(&g->alts);
  td_vec_free(&g->rules);
  for (size_t i = 0; i < g->guards.n; i++) {
    td_vec_free(&g->guards.v[i].before);
    td_vec_free(&g->guards.v[i].after);
  }
  td_vec_free(&g->guards);
  td_vec_free(&g->mods);
  td_vec_free(&g->veto_before);
  td_vec_free(&g->veto_after);
  for (size_t i = 0; i < g->by_word_n; i++) {
    td_vec_free(&g->by_word[i]);
    if (g->cand_word) {
      td_vec_free(&g->cand_word[i]);
      td_free(g->cand_word[i].bgate);
    }
  }
  td_free(g->by_word);
  td_free(g->cand_word);
  for (size_t i = 0; i < TD_CL_NLEX; i++) {
    td_vec_free(&g->by_class[i]);
    td_vec_free(&g->cand_class[i]);
    td_free(g->cand_class[i].bgate);
  }
  for (size_t i = 0; i < TD_PE_NKINDS; i++) {
    td_vec_free(&g->by_kind[i]);
    td_vec_free(&g->cand_kind[i]);
    td_free(g->cand_kind[i].bgate);
  }
  td_free(g);
}

/* ---- Tokens as the grammar sees them ------------------------------------ */

/* Fills the numeric fields of t from the bytes s[0..n). */
static void td_ttok_number(td_ttok *t, const char *s, size_t n) {
  size_t i = 0, digits = 0;
  double v = 0, frac = 0, scale = 1;
  bool dot = false, bad = false;
  while (i < n) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (dot) {
        scale /= 10;
        frac += (c - '0') * scale;
      } else {
        v = v * 10 + (c - '0');
      }
      digits++;
    } else if (c == ',' && !dot && i + 3 < n + 1 && digits > 0) {
      /* thousands separator: exactly three digits must follow */
      size_t k = i + 1;
      while (k < n && s[k] >= '0' && s[k] <= '9')
        k++;
      if (k - i - 1 != 3)
        bad = true;
    } else if (c == '.' && !dot && i + 1 < n) {
      dot = true;
    } else {
      break;
    }
    i++;
  }
  if (digits == 0 || bad)
    return;
  if (i == n) {
    t->digits = 1;
    t->ndig = (uint8_t)TD_MIN(digits, 255);
    t->num = v + frac;
    return;
  }
  /* A suffix: 15th, 1990s, 10am, 10:30 */
  const char *sfx = s + i;
  size_t sn = n - i;
  if (dot)
    return;
  if ((sn == 2 && (!strncasecmp(sfx, "st", 2) || !strncasecmp(sfx, "nd", 2) ||
                   !strncasecmp(sfx, "rd", 2) || !strncasecmp(sfx, "th", 2)))) {
    t->ord = 1;
    t->num = v;
  } else if (sn == 1 && (sfx[0] == 's' || sfx[0] == 'S') &&
             (digits == 4 || digits == 2) && fmod(v, 10) == 0) {
    t->decade = 1;
    t->num = v;
  } else if (sn == 2 && (!strncasecmp(sfx, "am", 2) || !strncasecmp(sfx, "pm", 2)) &&
             v >= 1 && v <= 12) {
    t->clock = 1;
    t->ampm = (sfx[0] | 32) == 'a' ? 1 : 2;
    t->num = v;
  } else if (sfx[0] == ':' && sn == 3 && isdigit((unsigned char)sfx[1]) &&
             isdigit((unsigned char)sfx[2]) && v <= 24) {
    int mm = (sfx[1] - '0') * 10 + (sfx[2] - '0');
    if (mm < 60) {
      t->clock = 1;
      t->num = v + mm / 100.0;
    }
  }
}

/* The fields of a token that starts with a digit or with 0xC2 (the first
 * byte of the fraction signs): its fraction and its number. */
static void td_ttok_numeric(td_ttok *t, const char *s, size_t n) {
  static const struct {
    const char *s;
    uint8_t n, q;
  } fracs[] = {{"1/2", 3, 2}, {"\xC2\xBD", 2, 2}, {"1/4", 3, 1},
               {"\xC2\xBC", 2, 1}, {"3/4", 3, 3}, {"\xC2\xBE", 2, 3}};
  if (n <= 3 && (s[0] == '1' || s[0] == '3' || (unsigned char)s[0] == 0xC2))
    for (size_t k = 0; k < TD_COUNT(fracs); k++)
      if (fracs[k].n == n && !memcmp(s, fracs[k].s, n))
        t->frac = fracs[k].q;
  if (s[0] >= '0' && s[0] <= '9')
    td_ttok_number(t, s, n);
}

/* The td_key_sig bits of every key token t could fit: its word (sig), its
 * lexicon classes and the built-in kinds it could start (td_match_el_raw:
 * numbers and years are digits or number words, days digits or ordinals,
 * clocks digits or times). */
__attribute__((noinline)) static uint64_t
td_ttok_sig(const td_timex_grammar *g, const td_ttok *t,
                            uint64_t sig) {
  bool numw = false, ordw = false;
  for (uint32_t k = 0; k < t->lex_n; k++) {
    int cls = g->lex.v[t->lex_first + k].cls;
    sig |= td_key_sig((td_key){2, (uint32_t)cls});
    numw = numw || cls == TD_CL_NUMW;
    ordw = ordw || cls == TD_CL_ORD;
  }
  if (t->digits || numw)
    sig |= td_key_sig((td_key){3, TD_PE_NUM});
  if ((t->digits && t->ndig == 4) || numw)
    sig |= td_key_sig((td_key){3, TD_PE_YEAR});
  if (t->digits || t->ord || ordw)
    sig |= td_key_sig((td_key){3, TD_PE_DAY});
  if (t->decade)
    sig |= td_key_sig((td_key){3, TD_PE_DECADE});
  if (t->clock || t->digits)
    sig |= td_key_sig((td_key){3, TD_PE_CLOCK});
  return sig;
}

/* Appends the token text[start..end) to out, which has room for it
 * (td_timex_tokens reserves). Most tokens are words: their word, case and
 * lexicon entries are all they need; numbers take td_ttok_numeric. */
__attribute__((always_inline)) static inline void
td_ttok_add(const td_timex_grammar *g, const td_doc *doc, td_ttoks *out,
            uint32_t start, uint32_t end, uint32_t seg, const td_tkey *key) {
  td_ttok *t = &out->v[out->n++];
  const char *s = doc->text + start;
  size_t n = end - start;
  uint32_t word = key ? td_tg_word_tkey(g, key, s, n) : td_tg_word_in(g, s, n);
  /* (every word id is below nwords: the tables grow with the words) */
  *t = (td_ttok){.start = start, .end = end, .seg = seg, .word = word,
                 .sig = g->word_sig[word]};
  t->cap = s[0] >= 'A' && s[0] <= 'Z';
  t->plural = n > 2 && (s[n - 1] == 's' || s[n - 1] == 'S');
  bool more = false;
  if ((unsigned char)(s[0] - '0') < 10 || (unsigned char)s[0] == 0xC2) {
    td_ttok_numeric(t, s, n);
    more = true;
  }
  if (word) {
    t->lex_first = g->word_lex[word].first;
    t->lex_n = (uint8_t)g->word_lex[word].n;
    more = more || t->lex_n;
  }
  if (more)
    t->sig = td_ttok_sig(g, t, t->sig);
}

void td_timex_tokens(const td_timex_grammar *g, const td_doc *doc,
                     const td_tkey *keys, td_ttoks *out) {
  out->n = 0;
  td_grow((void **)&out->v, &out->cap, doc->tokens.n + doc->tokens.n / 4 + 8,
          sizeof(td_ttok));
  const td_token *tok = doc->tokens.v;
  const td_sentence *S = doc->sentences.v;
  size_t ns = doc->sentences.n;
  /* Segments: each sentence; tokens outside sentences (a dateline) form
   * segments of their own, split where a sentence starts. The segment
   * can change only where a sentence starts or ends (next). */
  size_t si = 0, next = 0;
  uint32_t seg = 0, outside = UINT32_MAX / 2;
  for (size_t i = 0; i < doc->tokens.n; i++) {
    if (i == next) {
      while (si < ns && S[si].tok_end <= i)
        si++;
      bool in = si < ns && S[si].tok_first <= i;
      if (in)
        seg = (uint32_t)si;
      else if (i == 0 || seg != outside)
        seg = ++outside;
      next = in ? S[si].tok_end : si < ns ? S[si].tok_first : doc->tokens.n;
    }
    const td_token *t = &tok[i];
    /* There is room for one token for each token left (reserved above,
     * kept below). */
    if (!(t->flags & TD_TF_HYPHEN) || t->kind == TD_TOK_PUNCT ||
        t->kind == TD_TOK_QUOTE || t->kind == TD_TOK_DASH ||
        t->kind == TD_TOK_SYM || t->kind == TD_TOK_ELLIPSIS) {
      td_ttok_add(g, doc, out, t->start, t->end, seg, &keys[i]);
      continue;
    }
    /* room for the parts of a hyphenated word and their hyphens (at most
     * a token a byte and one more), and one for each token after it */
    size_t room = out->n + (t->end - t->start) + 1 + (doc->tokens.n - i - 1);
    if (room > out->cap)
      td_grow((void **)&out->v, &out->cap, room, sizeof(td_ttok));
    /* A hyphenated word: its parts and the hyphens between them. */
    uint32_t a = t->start;
    for (uint32_t k = t->start; k <= t->end; k++) {
      bool at_end = k == t->end;
      size_t hl = 0;
      if (!at_end && doc->text[k] == '-')
        hl = 1;
      else if (!at_end && k + 2 < t->end &&
               (unsigned char)doc->text[k] == 0xE2 &&
               (unsigned char)doc->text[k + 1] == 0x80 &&
               ((unsigned char)doc->text[k + 2] == 0x90 ||
                (unsigned char)doc->text[k + 2] == 0x91))
        hl = 3;
      if (!at_end && !hl)
        continue;
      if (k > a)
        td_ttok_add(g, doc, out, a, k, seg, NULL);
      if (hl) {
        td_ttok h;
        memset(&h, 0, sizeof(h));
        h.start = k;
        h.end = k + (uint32_t)hl;
        h.seg = seg;
        h.word = g->w_hyphen;
        h.sig = g->word_sig[g->w_hyphen];
        out->v[out->n++] = h;
        k += (uint32_t)hl - 1;
        a = k + 1;
      }
    }
  }
  td_ttok *v = out->v;
  uint64_t suf = 0;
  for (size_t i = out->n; i-- > 0;) {
    if (i + 1 == out->n || v[i + 1].seg != v[i].seg)
      suf = 0;
    suf |= v[i].sig;
    v[i].suf = suf;
  }
}

/* ---- Matching ------------------------------------------------------------ */

/* Built-in elements (numbers, years, days) at the first few places after
 * the start are parsed once per start, not once per rule. */
#define TD_MEMO_SPAN 8
typedef struct td_memo {
  uint8_t used;
  td_capture cap;
} td_memo;

typedef struct td_mstate {
  const td_timex_grammar *g;
  const td_ttok *t;
  uint32_t n, seg, start;
  td_match_result *m;
  uint8_t memo_done[TD_PE_NKINDS][TD_MEMO_SPAN];
  td_memo memo[TD_PE_NKINDS][TD_MEMO_SPAN];
} td_mstate;

static bool td_has_class(const td_timex_grammar *g, const td_ttok *t, int cls,
                         const td_lexent **out) {
  for (uint32_t k = 0; k < t->lex_n; k++) {
    const td_lexent *e = &g->lex.v[t->lex_first + k];
    if (e->cls == cls && (!e->cased || t->cap)) {
      if (out)
        *out = e;
      return true;
    }
  }
  return false;
}

/* A number of number words from pos: twenty four, forty - four, a hundred,
 * two thousand. Returns the tokens used (0 if none). */
static uint32_t td_number_words(const td_mstate *ms, uint32_t pos, double *v) {
  const td_timex_grammar *g = ms->g;
  double total = 0, cur = 0;
  uint32_t i = pos, used = 0;
  bool any = false, last_tens = false;
  while (i < ms->n && ms->t[i].seg == ms->seg) {
    const td_lexent *e;
    if (!td_has_class(g, &ms->t[i], TD_CL_NUMW, &e) || isnan(e->num))
      break;
    double w = e->num;
    bool article = ms->t[i].word == g->w_a || ms->t[i].word == g->w_an;
    if (article && any)
      break;
    if (w == 100) {
      cur = (cur ? cur : 1) * 100;
    } else if (w == 1000) {
      total += (cur ? cur : 1) * 1000;
      cur = 0;
    } else if (any && !(last_tens && w < 10) && w < 100 && cur != 0 &&
               !(fmod(cur, 100) == 0)) {
      break; /* "two three": two numbers */
    } else {
      cur += w;
    }
    last_tens = w >= 20 && w < 100 && fmod(w, 10) == 0;
    any = true;
    i++;
    used = i - pos;
    /* forty - four */
    if (last_tens && i + 1 < ms->n && ms->t[i].word == g->w_hyphen &&
        ms->t[i + 1].seg == ms->seg) {
      const td_lexent *u;
      if (td_has_class(g, &ms->t[i + 1], TD_CL_NUMW, &u) && u->num < 10) {
        cur += u->num;
        i += 2;
        used = i - pos;
        last_tens = false;
      }
    }
  }
  if (!any)
    return 0;
  *v = total + cur;
  return used;
}

static uint32_t td_match_el_raw(td_mstate *ms, const td_pel *el, uint32_t pos,
                                td_capture *cap);

/* Matches one element at pos; returns the tokens it uses (0 = no match). */
static uint32_t td_match_el(td_mstate *ms, const td_pel *el, uint32_t pos,
                            td_capture *cap) {
  if (el->kind >= TD_PE_NUM && pos >= ms->start &&
      pos - ms->start < TD_MEMO_SPAN) {
    td_memo *mm = &ms->memo[el->kind][pos - ms->start];
    uint8_t *done = &ms->memo_done[el->kind][pos - ms->start];
    if (!*done) {
      mm->used = (uint8_t)td_match_el_raw(ms, el, pos, &mm->cap);
      *done = 1;
    }
    *cap = mm->cap;
    return mm->used;
  }
  return td_match_el_raw(ms, el, pos, cap);
}

static uint32_t td_match_el_raw(td_mstate *ms, const td_pel *el, uint32_t pos,
                                td_capture *cap) {
  const td_timex_grammar *g = ms->g;
  if (pos >= ms->n || ms->t[pos].seg != ms->seg)
    return 0;
  const td_ttok *t = &ms->t[pos];
  memset(cap, 0, sizeof(*cap));
  cap->tok = pos;
  switch (el->kind) {
  case TD_PE_WORDS:
    for (uint32_t k = 0; k < el->wn; k++)
      if (t->word && g->alts.v[el->wfirst + k] == t->word)
        return 1;
    return 0;
  case TD_PE_CLASS: {
    const td_lexent *e;
    if (!td_has_class(g, t, el->cls, &e) ||
        (el->number && (el->number == 2) != (t->plural != 0)))
      return 0;
    cap->cls = el->cls;
    cap->num = e->num;
    cap->sval = e->sval;
    return 1;
  }
  case TD_PE_NUM: {
    cap->cls = TD_CL_NUM;
    if (t->digits) {
      cap->num = t->num;
      /* 2 1/2 */
      if (pos + 1 < ms->n && ms->t[pos + 1].frac && ms->t[pos + 1].seg == ms->seg &&
          t->num == floor(t->num)) {
        cap->num += ms->t[pos + 1].frac / 4.0;
        return 2;
      }
      return 1;
    }
    return td_number_words(ms, pos, &cap->num);
  }
  case TD_PE_YEAR: {
    cap->cls = TD_CL_YEAR;
    if (t->digits && t->ndig == 4 && t->num >= 1000 && t->num <= 2999 &&
        t->num == floor(t->num) && t->end - t->start == 4) {
      cap->num = t->num;
      return 1;
    }
    /* two thousand (and one) */
    double words;
    uint32_t wn = td_number_words(ms, pos, &words);
    if (wn >= 2 && words >= 2000 && words <= 2099) {
      cap->num = words;
      return wn;
    }
    /* nineteen ninety - six */
    const td_lexent *e;
    if (td_has_class(g, t, TD_CL_NUMW, &e) && e->num >= 11 && e->num <= 29 &&
        pos + 1 < ms->n) {
      double rest;
      uint32_t used = td_number_words(ms, pos + 1, &rest);
      if (used && rest >= 10 && rest < 100) {
        cap->num = e->num * 100 + rest;
        return used + 1;
      }
    }
    return 0;
  }
  case TD_PE_DAY: {
    cap->cls = TD_CL_DAY;
    double v = -1;
    if ((t->digits && t->ndig <= 2 && t->end - t->start <= 2) || t->ord)
      v = t->num;
    else {
      const td_lexent *e;
      if (td_has_class(g, t, TD_CL_ORD, &e))
        v = e->num;
    }
    if (v >= 1 && v <= 31 && v == floor(v)) {
      cap->num = v;
      return 1;
    }
    return 0;
  }
  case TD_PE_DECADE:
    cap->cls = TD_CL_DECADE;
    if (t->decade) {
      cap->num = t->num;
      return 1;
    }
    return 0;
  case TD_PE_CLOCK: {
    cap->cls = TD_CL_CLOCK;
    /* A bare hour only before a.m./p.m., "o'clock" or "in the morning". */
    const td_ttok *nx = pos + 1 < ms->n && ms->t[pos + 1].seg == ms->seg
                            ? &ms->t[pos + 1]
                            : NULL;
    bool hour_ok = nx && (td_has_class(g, nx, TD_CL_AMPM, NULL) ||
                          nx->word == g->w_in || nx->word == g->w_oclock);
    if (t->clock || (hour_ok && t->digits && t->ndig <= 2 && t->num >= 1 &&
                     t->num <= 12 && t->num == floor(t->num))) {
      cap->num = t->num;
      cap->sval = t->ampm == 1 ? "am" : t->ampm == 2 ? "pm" : NULL;
      return 1;
    }
    return 0;
  }
  default:
    return 0;
  }
}

/* Matches elements [e, end) from pos; on success *out is where it ends. */
static bool td_match_seq(td_mstate *ms, uint32_t e, uint32_t end, uint32_t pos,
                         uint32_t *out);

static bool td_match_group(td_mstate *ms, uint32_t e, uint32_t end,
                           uint32_t pos, uint32_t *out) {
  const td_pel *el = &ms->g->pels.v[e];
  int saved = ms->m->ncaps;
  uint32_t mid;
  if (td_match_seq(ms, e + 1, el->group_end, pos, &mid) && mid > pos &&
      td_match_seq(ms, el->group_end, end, mid, out))
    return true;
  ms->m->ncaps = saved;
  return el->opt && td_match_seq(ms, el->group_end, end, pos, out);
}

static bool td_match_seq(td_mstate *ms, uint32_t e, uint32_t end, uint32_t pos,
                         uint32_t *out) {
  if (e == end) {
    *out = pos;
    return true;
  }
  const td_pel *el = &ms->g->pels.v[e];
  if (el->kind == TD_PE_GROUP)
    return td_match_group(ms, e, end, pos, out);
  td_capture cap;
  uint32_t used = td_match_el(ms, el, pos, &cap);
  if (used) {
    int saved = ms->m->ncaps;
    if (cap.cls && ms->m->ncaps < TD_MAX_CAPTURES)
      ms->m->caps[ms->m->ncaps++] = cap;
    if (td_match_seq(ms, e + 1, end, pos + used, out))
      return true;
    ms->m->ncaps = saved;
  }
  return el->opt && td_match_seq(ms, e + 1, end, pos, out);
}

static bool td_word_in(const uint32_t *v, size_t n, uint32_t w) {
  for (size_t i = 0; i < n; i++)
    if (v[i] == w)
      return true;
  return false;
}

/* The word before/after a match, or the sentence end marker. */
static uint32_t td_word_before(const td_mstate *ms, uint32_t first) {
  if (first == 0 || ms->t[first - 1].seg != ms->seg)
    return 0;
  return ms->t[first - 1].word;
}

static uint32_t td_word_after(const td_mstate *ms, uint32_t end) {
  if (end >= ms->n || ms->t[end].seg != ms->seg)
    return ms->g->w_end;
  return ms->t[end].word;
}

static bool td_guard_ok(const td_mstate *ms, const td_rule *r, uint32_t first,
                        uint32_t end) {
  const td_timex_grammar *g = ms->g;
  if (r->guard < 0)
    return true;
  const td_guard *gd = &g->guards.v[r->guard];
  uint32_t b = td_word_before(ms, first), a = td_word_after(ms, end);
  return (b && td_word_in(gd->before.v, gd->before.n, b)) ||
         (a && td_word_in(gd->after.v, gd->after.n, a));
}

/* A bare number next to a veto word is not a year. */
static bool td_vetoed(const td_mstate *ms, const td_rule *r, uint32_t first,
                      uint32_t end) {
  const td_timex_grammar *g = ms->g;
  if (r->pn != 1 || g->pels.v[r->pfirst].kind != TD_PE_YEAR ||
      end != first + 1)
    return false;
  uint32_t b = td_word_before(ms, first), a = td_word_after(ms, end);
  return (b && td_word_in(g->veto_before.v, g->veto_before.n, b)) ||
         (a && td_word_in(g->veto_after.v, g->veto_after.n, a));
}

/* What td_kind_possible asks of every kind: false when t is "a" or "an"
 * that starts no number; *numw: t is a number or ordinal word. */
static bool td_kind_base(const td_timex_grammar *g, const td_ttoks *toks,
                         uint32_t pos, bool *numw_out) {
  const td_ttok *t = &toks->v[pos];
  bool numw = false;
  for (uint32_t k = 0; k < t->lex_n; k++)
    if (g->lex.v[t->lex_first + k].cls == TD_CL_NUMW ||
        g->lex.v[t->lex_first + k].cls == TD_CL_ORD)
      numw = true;
  /* "a" and "an" start a number only before a unit or a number word
   * (a year, a hundred, a couple), not before a compound ("a day-long
   * meeting", "a decades-old feud"). */
  if (numw && (t->word == g->w_a || t->word == g->w_an)) {
    bool ok = false;
    const td_ttok *nx = pos + 1 < toks->n ? &toks->v[pos + 1] : NULL;
    for (uint32_t k = 0; nx && k < nx->lex_n && nx->seg == t->seg; k++) {
      int c = g->lex.v[nx->lex_first + k].cls;
      ok = ok || c == TD_CL_UNIT || c == TD_CL_NUMW;
    }
    if (ok && pos + 2 < toks->n && toks->v[pos + 2].word == g->w_hyphen &&
        toks->v[pos + 2].seg == t->seg &&
        !td_has_class(g, nx, TD_CL_NUMW, NULL))
      ok = false;
    if (!ok)
      return false;
  }
  *numw_out = numw;
  return true;
}

static inline bool td_kind_of(const td_ttok *t, bool numw, int kind) {
  switch (kind) {
  case TD_PE_DECADE:
    return t->decade;
  case TD_PE_CLOCK:
    return t->clock || t->digits;
  default:
    return t->digits || t->ord || numw;
  }
}

/* Could token t start an element of this built-in kind? */
static bool td_kind_possible(const td_timex_grammar *g, const td_ttoks *toks,
                             uint32_t pos, int kind) {
  bool numw;
  return td_kind_base(g, toks, pos, &numw) &&
         td_kind_of(&toks->v[pos], numw, kind);
}

/* Can the token at pos start an element with this key? */
static bool td_fits(const td_timex_grammar *g, const td_ttoks *toks,
                    uint32_t pos, uint32_t seg, td_key k) {
  if (pos >= toks->n || toks->v[pos].seg != seg)
    return false;
  const td_ttok *t = &toks->v[pos];
  if (k.type == 1)
    return t->word == k.v;
  if (k.type == 2)
    return td_has_class(g, t, (int)k.v, NULL);
  return td_kind_possible(g, toks, pos, (int)k.v);
}

/* For a rule that starts with words: does its first element take the
 * token at pos, and can the next token go on? (Most "the ..." rules stop
 * here at most "the"s.) */
static bool td_next_ok(const td_timex_grammar *g, const td_rule *r,
                       const td_ttoks *toks, uint32_t pos, uint64_t nsig) {
  if (r->nnext == 0)
    return true;
  const td_pel *el = &g->pels.v[r->pfirst];
  const td_ttok *t = &toks->v[pos];
  bool takes = false;
  for (uint32_t k = 0; k < el->wn && !takes; k++)
    takes = g->alts.v[el->wfirst + k] == t->word;
  if (!takes)
    return true; /* the rule starts later in its pattern */
  if (!(r->next_sig & nsig))
    return false;
  for (uint8_t k = 0; k < r->nnext; k++)
    if (td_fits(g, toks, pos + 1, t->seg, r->next[k]))
      return true;
  return false;
}

/* The signature of the token at pos (td_key_sig): 0 when it is not in
 * the segment. */
static uint64_t td_token_sig(const td_timex_grammar *g, const td_ttoks *toks,
                             uint32_t pos, uint32_t seg) {
  (void)g;
  if (pos >= toks->n || toks->v[pos].seg != seg)
    return 0;
  return toks->v[pos].sig;
}

/* The tokens element el uses at pos (td_match_el), without its capture. */
static inline uint32_t td_el_used(td_mstate *ms, const td_pel *el,
                                  uint32_t pos) {
  if (pos >= ms->n || ms->t[pos].seg != ms->seg)
    return 0;
  const td_ttok *t = &ms->t[pos];
  if (el->kind == TD_PE_WORDS) {
    for (uint32_t k = 0; k < el->wn; k++)
      if (t->word && ms->g->alts.v[el->wfirst + k] == t->word)
        return 1;
    return 0;
  }
  if (el->kind == TD_PE_CLASS)
    return td_has_class(ms->g, t, el->cls, NULL) &&
           !(el->number && (el->number == 2) != (t->plural != 0));
  if (el->kind >= TD_PE_NUM && pos >= ms->start &&
      pos - ms->start < TD_MEMO_SPAN &&
      ms->memo_done[el->kind][pos - ms->start])
    return ms->memo[el->kind][pos - ms->start].used;
  td_capture cap;
  return td_match_el(ms, el, pos, &cap);
}

/* td_token_sig of the token off places after the start, cached in
 * sig/done for the first few. */
static uint64_t td_sig_at(const td_mstate *ms, uint64_t *sig, uint8_t *done,
                          uint32_t off) {
  td_ttoks toks = {(td_ttok *)ms->t, ms->n, ms->n};
  if (off >= TD_MEMO_SPAN)
    return td_token_sig(ms->g, &toks, ms->start + off, ms->seg);
  if (!done[off]) {
    sig[off] = td_token_sig(ms->g, &toks, ms->start + off, ms->seg);
    done[off] = 1;
  }
  return sig[off];
}

bool td_timex_match_at(const td_timex_grammar *g, const td_ttoks *toks,
                       uint32_t pos, td_match_result *best) {
  const td_ttok *t = &toks->v[pos];
  if (!td_timex_may_start(g, t))
    return false;
  bool numeric = t->digits || t->ord || t->decade || t->clock || t->frac;
  /* The candidates: lists of rules by what starts them, tried in place
   * (at most TD_MAX_CAND of them, as the load checked). */
  const td_candvec *lists[2 + 255 + TD_PE_NKINDS];
  int list_kind[2 + 255 + TD_PE_NKINDS];
  int nl = 0, left = TD_MAX_CAND;
  if (t->word && t->word < g->by_word_n && g->cand_word[t->word].n) {
    list_kind[nl] = 0;
    lists[nl++] = &g->cand_word[t->word];
  }
  for (uint32_t k = 0; k < t->lex_n; k++) {
    const td_lexent *e = &g->lex.v[t->lex_first + k];
    if ((!e->cased || t->cap) && g->cand_class[e->cls].n) {
      list_kind[nl] = 0;
      lists[nl++] = &g->cand_class[e->cls];
    }
  }
  bool numw = false;
  bool kinds = (numeric || t->lex_n) && td_kind_base(g, toks, pos, &numw);
  for (int kind = TD_PE_NUM; kind < TD_PE_NKINDS && kinds; kind++)
    if (g->cand_kind[kind].n && td_kind_of(t, numw, kind)) {
      list_kind[nl] = kind;
      lists[nl++] = &g->cand_kind[kind];
    }
  if (nl == 0)
    return false;

  /* The longest match wins, then the rule written first; a rule listed
   * twice is tried twice, which changes nothing. */
  bool found = false;
  td_match_result m;
  td_mstate ms;
  ms.g = g;
  ms.t = toks->v;
  ms.n = (uint32_t)toks->n;
  ms.seg = t->seg;
  ms.start = pos;
  ms.m = &m;
  memset(ms.memo_done, 0, sizeof(ms.memo_done));
  uint64_t nsig = td_token_sig(g, toks, pos + 1, t->seg);
  /* td_token_sig after the first element, by the tokens it used */
  uint64_t after_sig[TD_MEMO_SPAN];
  uint8_t after_done[TD_MEMO_SPAN] = {0};
  for (int l = 0; l < nl && left > 0; l++) {
    const td_cand *cv = lists[l]->v;
    size_t cn = TD_MIN(lists[l]->n, (size_t)left);
    left -= (int)cn;
    /* A gate is tested on the next token; in the list of a kind, on the
     * token after what the kind uses (each gated rule starts with it). */
    uint64_t lsig = nsig | TD_SIG_ANY;
    if (list_kind[l]) {
      td_pel kel;
      memset(&kel, 0, sizeof(kel));
      kel.kind = (uint8_t)list_kind[l];
      uint32_t used = td_el_used(&ms, &kel, pos);
      /* Its kind does not start here: a rule of the list that matches
       * starts with another of its first keys, in a list of its own. */
      if (!used)
        continue;
      lsig = td_sig_at(&ms, after_sig, after_done, used) | TD_SIG_ANY;
    }
    const uint64_t *bgate = lists[l]->bgate;
    for (size_t c = 0; c < cn; c++) {
      if (c % TD_CBLOCK == 0 && !(bgate[c / TD_CBLOCK] & lsig)) {
        c += TD_CBLOCK - 1;
        continue;
      }
      const td_cand *cd = &cv[c];
      if (!(cd->gate & lsig))
        continue;
      uint32_t ri = cd->rule;
      const td_rule *r = &g->rules.v[ri];
      bool has = true;
      for (uint8_t k = 0; k < r->nneed && has; k++)
        has = (t->suf & r->need[k]) != 0;
      if (!has)
        continue;
      if (cd->flags) {
        if ((cd->flags & TD_CF_NEXT_OK) && !td_next_ok(g, r, toks, pos, nsig))
          continue;
        if (cd->flags & TD_CF_FITS) {
          bool fits = false;
          for (uint8_t k = 0; k < r->nnext && !fits; k++)
            fits = td_fits(g, toks, pos + 1, t->seg, r->next[k]);
          if (!fits)
            continue;
        }
        if (cd->flags & TD_CF_NUMBER) {
          const td_pel *fe = &g->pels.v[r->pfirst];
          if ((fe->number == 2) != (t->plural != 0))
            continue;
        }
      }
      if (cd->flags & TD_CF_OPTREST) {
        const td_pel *fe = &g->pels.v[r->pfirst];
        /* An optional first element may match nothing: then the rest
         * starts here. */
        bool ok = false;
        if (r->rest2_filter) {
          uint32_t used = td_el_used(&ms, fe + 1, pos);
          ok = used && (td_sig_at(&ms, after_sig, after_done, used) &
                        r->rest2_sig);
        } else {
          ok = td_sig_at(&ms, after_sig, after_done, 0) & r->rest_sig;
        }
        if (!ok) {
          uint32_t used = td_el_used(&ms, fe, pos);
          ok = used && (td_sig_at(&ms, after_sig, after_done, used) &
                        r->rest_sig);
        }
        if (!ok)
          continue;
      }
      m.ncaps = 0;
      uint32_t end;
      if (!td_match_seq(&ms, r->pfirst, r->pfirst + r->pn, pos, &end) ||
          end <= pos)
        continue;
      if (!td_guard_ok(&ms, r, pos, end) || td_vetoed(&ms, r, pos, end))
        continue;
      if (!found || end > best->end ||
          (end == best->end && (int)ri < best->rule)) {
        m.first = pos;
        m.end = end;
        m.rule = (int)ri;
        *best = m;
        found = true;
      }
    }
  }
  return found;
}

/* Mods: the longest sequence of mod words right before first (or after
 * end). Returns the mod and moves *first (or *end) over its words. */
const char *td_timex_mod(const td_timex_grammar *g, const td_ttoks *toks,
                         uint32_t *first, uint32_t *end) {
  const td_ttok *t = toks->v;
  uint32_t seg = t[*first].seg;
  const td_mod *best_before = NULL, *best_after = NULL;
  /* A mod before ends with the word before first; one after starts with
   * the word at end. */
  bool try_before = *first > 0 &&
                    (g->mod_last_before >> (t[*first - 1].word % 64) & 1);
  bool try_after = *end < toks->n &&
                   (g->mod_first_after >> (t[*end].word % 64) & 1);
  for (size_t i = 0; i < g->mods.n && (try_before || try_after); i++) {
    const td_mod *m = &g->mods.v[i];
    uint32_t n = m->n;
    bool ok = true;
    if (m->before ? !try_before : !try_after)
      continue;
    if (m->before) {
      if (*first < n)
        continue;
      for (uint32_t k = 0; k < n && ok; k++) {
        const td_ttok *x = &t[*first - n + k];
        ok = x->seg == seg && x->word == m->words[k];
      }
      if (ok && (!best_before || n > best_before->n))
        best_before = m;
    } else {
      if (*end + n > toks->n)
        continue;
      for (uint32_t k = 0; k < n && ok; k++) {
        const td_ttok *x = &t[*end + k];
        ok = x->seg == seg && x->word == m->words[k];
      }
      if (ok && (!best_after || n > best_after->n))
        best_after = m;
    }
  }
  const char *mod = NULL;
  if (best_before) {
    *first -= best_before->n;
    mod = best_before->mod;
  }
  if (best_after) {
    *end += best_after->n;
    mod = best_after->mod;
  }
  return mod;
}

const td_rule *td_timex_rule(const td_timex_grammar *g, int i) {
  return &g->rules.v[i];
}
