/*
 * rules.c — loads the text stage's data files: abbreviations,
 * sentence-starters, agencies, datelines and boilerplate.
 */
#include "text.h"

#include <stdio.h>

pcre2_code *td_pattern_compile(const char *re, size_t n, uint32_t options,
                               const char *path, long line, td_diag *err) {
  int code;
  PCRE2_SIZE off;
  pcre2_code *c = pcre2_compile((PCRE2_SPTR)re, n,
                                options | PCRE2_UTF | PCRE2_UCP, &code, &off,
                                NULL);
  if (!c) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(code, msg, sizeof(msg));
    td_diag_set(err, TD_ERROR, path, line, -1,
                "bad pattern at character %zu: %s", (size_t)off,
                (const char *)msg);
    return NULL;
  }
  pcre2_jit_compile(c, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
  return c;
}

/* ---- Word lists: abbreviations, sentence-starters, reporting verbs ------ */

typedef struct td_wordlist {
  td_strmap *map;
  bool with_kind;     /* abbreviations.txt: WORD<TAB>prefix|other */
  size_t *maxlen;     /* longest word, when wanted                */
  uint16_t *lens;     /* lengths by first byte, when wanted       */
} td_wordlist;

static bool td_word_record(void *ud, const td_record *rec, td_diag *err) {
  td_wordlist *wl = ud;
  td_field w = rec->f[0];
  uint32_t kind = 1;
  if (wl->with_kind) {
    if (rec->n != 2 || !(td_field_eq(rec->f[1], "prefix") ||
                         td_field_eq(rec->f[1], "other")))
      return td_record_error(rec, err,
                             "expected WORD<TAB>prefix or WORD<TAB>other");
    kind = td_field_eq(rec->f[1], "prefix") ? TD_ABBR_PREFIX : TD_ABBR_OTHER;
  } else if (rec->n != 1) {
    return td_record_error(rec, err, "expected one word per line");
  }
  td_strmap_put(wl->map, w.s, w.n, kind);
  if (wl->maxlen && w.n > *wl->maxlen)
    *wl->maxlen = w.n;
  if (wl->lens && w.n > 0)
    wl->lens[(unsigned char)w.s[0]] |= (uint16_t)(1u << TD_MIN(w.n, 15));
  return true;
}

static bool td_load_words(td_wordlist wl, const char *data_dir,
                          const char *name, td_diag *err) {
  return td_data_each(data_dir, name, td_word_record, &wl, err);
}

/* ---- agencies.txt ------------------------------------------------------- */

static int td_alias_cmp(const void *a, const void *b) {
  const td_alias *x = a, *y = b;
  return (int)y->len - (int)x->len;
}

/* Adds every alias of ALIAS|ALIAS|... for agency idx. */
static void td_add_aliases(td_text_rules *r, td_field f, uint32_t idx) {
  const char *s = f.s, *e = s + f.n;
  while (s < e) {
    const char *bar = memchr(s, '|', (size_t)(e - s));
    const char *ae = bar ? bar : e;
    if (ae > s && !td_strmap_get(r->alias_map, s, (size_t)(ae - s), NULL)) {
      td_alias al = {td_strndup(s, (size_t)(ae - s)), (uint32_t)(ae - s), idx};
      td_vec_push(&r->aliases, al);
      td_strmap_put(r->alias_map, s, (size_t)(ae - s), idx);
      r->alias_lens[(unsigned char)s[0]] |= 1u << TD_MIN(ae - s, 31);
    }
    s = bar ? bar + 1 : e;
  }
}

static bool td_agency_record(void *ud, const td_record *rec, td_diag *err) {
  td_text_rules *r = ud;
  if (td_field_eq(rec->f[0], "agency") && rec->n == 3 && rec->f[1].n > 0) {
    td_agency a = {td_field_dup(rec->f[1])};
    uint32_t idx = (uint32_t)r->agencies.n;
    td_vec_push(&r->agencies, a);
    td_add_aliases(r, rec->f[1], idx); /* the name is an alias of itself */
    td_add_aliases(r, rec->f[2], idx);
    return true;
  }
  if (td_field_eq(rec->f[0], "phrase") && rec->n >= 2) {
    td_field re = td_record_rest(rec, 1);
    td_pattern p = {td_pattern_compile(re.s, re.n, PCRE2_MULTILINE, rec->path,
                                       rec->line, err),
                    false};
    if (!p.re)
      return false;
    td_vec_push(&r->agency_phrases, p);
    return true;
  }
  return td_record_error(
      rec, err, "expected agency<TAB>NAME<TAB>ALIASES or phrase<TAB>REGEX");
}

/* ---- datelines.txt ------------------------------------------------------ */

typedef struct td_defs {
  td_text_rules *r;
  TD_VEC(char *) names;
  TD_VEC(char *) values;
} td_defs;

/* Expands {NAME} references to definitions made earlier in the file. */
static bool td_expand(td_buf *out, td_field f, const td_defs *defs,
                      const td_record *rec, td_diag *err) {
  const char *s = f.s;
  size_t n = f.n;
  for (size_t i = 0; i < n; i++) {
    bool property = i >= 2 && s[i - 2] == '\\' &&
                    (s[i - 1] == 'p' || s[i - 1] == 'P'); /* \p{Lu} */
    if (s[i] == '{' && !property && i + 1 < n &&
        ((s[i + 1] >= 'A' && s[i + 1] <= 'Z') || s[i + 1] == '_')) {
      const char *close = memchr(s + i, '}', n - i);
      size_t len = close ? (size_t)(close - s - i - 1) : 0;
      size_t k = 0;
      for (; close && k < defs->names.n; k++)
        if (strlen(defs->names.v[k]) == len &&
            memcmp(defs->names.v[k], s + i + 1, len) == 0)
          break;
      if (close && k < defs->names.n) {
        td_buf_adds(out, defs->values.v[k]);
        i += len + 1;
        continue;
      }
      bool name_like = close != NULL;
      for (size_t j = i + 1; name_like && s + j < close; j++)
        if (!((s[j] >= 'A' && s[j] <= 'Z') || s[j] == '_' ||
              (s[j] >= '0' && s[j] <= '9')))
          name_like = false;
      if (name_like)
        return td_record_error(rec, err, "undefined {%.*s}", (int)len,
                               s + i + 1);
    }
    td_buf_addc(out, s[i]);
  }
  return true;
}

static bool td_dateline_record(void *ud, const td_record *rec, td_diag *err) {
  td_defs *defs = ud;
  td_buf b = {0};
  bool ok;
  if (td_field_eq(rec->f[0], "define") && rec->n >= 3) {
    ok = td_expand(&b, td_record_rest(rec, 2), defs, rec, err);
    td_vec_push(&defs->names, td_field_dup(rec->f[1]));
    td_vec_push(&defs->values, td_strdup(td_buf_cstr(&b)));
  } else if (td_field_eq(rec->f[0], "dateline") && rec->n >= 2) {
    ok = td_expand(&b, td_record_rest(rec, 1), defs, rec, err);
    td_pattern p = {NULL, false};
    if (ok)
      p.re = td_pattern_compile(b.ptr, b.len, PCRE2_EXTENDED | PCRE2_ANCHORED,
                                rec->path, rec->line, err);
    ok = p.re != NULL;
    if (ok)
      td_vec_push(&defs->r->datelines, p);
  } else {
    ok = td_record_error(
        rec, err, "expected define<TAB>NAME<TAB>REGEX or dateline<TAB>REGEX");
  }
  td_buf_free(&b);
  return ok;
}

static bool td_load_datelines(td_text_rules *r, const char *data_dir,
                              td_diag *err) {
  td_defs defs = {r, {0}, {0}};
  bool ok = td_data_each(data_dir, "datelines.txt", td_dateline_record, &defs,
                         err);
  for (size_t i = 0; i < defs.names.n; i++) {
    td_free(defs.names.v[i]);
    td_free(defs.values.v[i]);
  }
  td_vec_free(&defs.names);
  td_vec_free(&defs.values);
  return ok;
}

/* ---- boilerplate.txt ---------------------------------------------------- */

static bool td_boilerplate_record(void *ud, const td_record *rec,
                                  td_diag *err) {
  td_text_rules *r = ud;
  bool end = td_field_eq(rec->f[0], "end");
  if (rec->n < 2 || (!end && !td_field_eq(rec->f[0], "any")))
    return td_record_error(rec, err, "expected end<TAB>REGEX or any<TAB>REGEX");
  td_field re = td_record_rest(rec, 1);
  td_pattern p = {td_pattern_compile(re.s, re.n, PCRE2_CASELESS, rec->path,
                                     rec->line, err),
                  end};
  if (!p.re)
    return false;
  td_vec_push(&r->boilerplate, p);
  return true;
}

bool td_text_rules_load(td_text_rules *r, const char *data_dir, td_diag *err) {
  memset(r, 0, sizeof(*r));
  r->abbrev = td_strmap_new();
  r->starters = td_strmap_new();
  r->reporting = td_strmap_new();
  r->alias_map = td_strmap_new();
  td_wordlist abbrev = {r->abbrev, true, &r->abbrev_max, r->abbrev_lens};
  td_wordlist starters = {r->starters, false, NULL, NULL};
  td_wordlist reporting = {r->reporting, false, NULL, NULL};
  bool ok =
      td_load_words(abbrev, data_dir, "abbreviations.txt", err) &&
      td_load_words(starters, data_dir, "sentence-starters.txt", err) &&
      td_load_words(reporting, data_dir, "reporting-verbs.txt", err) &&
      td_data_each(data_dir, "agencies.txt", td_agency_record, r, err) &&
      td_load_datelines(r, data_dir, err) &&
      td_data_each(data_dir, "boilerplate.txt", td_boilerplate_record, r,
                   err);
  if (r->aliases.n)
    qsort(r->aliases.v, r->aliases.n, sizeof(td_alias), td_alias_cmp);
  return ok;
}

static void td_patterns_free(td_pattern *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    pcre2_code_free(p[i].re);
}

void td_text_rules_free(td_text_rules *r) {
  td_strmap_free(r->abbrev);
  td_strmap_free(r->starters);
  td_strmap_free(r->reporting);
  td_strmap_free(r->alias_map);
  for (size_t i = 0; i < r->agencies.n; i++)
    td_free(r->agencies.v[i].name);
  for (size_t i = 0; i < r->aliases.n; i++)
    td_free(r->aliases.v[i].text);
  td_vec_free(&r->agencies);
  td_vec_free(&r->aliases);
  td_patterns_free(r->agency_phrases.v, r->agency_phrases.n);
  td_patterns_free(r->datelines.v, r->datelines.n);
  td_patterns_free(r->boilerplate.v, r->boilerplate.n);
  td_vec_free(&r->agency_phrases);
  td_vec_free(&r->datelines);
  td_vec_free(&r->boilerplate);
  memset(r, 0, sizeof(*r));
}

const char *td_agency_lookup(const td_text_rules *r, const char *s, size_t n) {
  uint32_t idx;
  if (!n || !(r->alias_lens[(unsigned char)s[0]] >> TD_MIN(n, 31) & 1) ||
      !td_strmap_get(r->alias_map, s, n, &idx))
    return NULL;
  return r->agencies.v[idx].name;
}
