/*
 * country.c — loads ISO 3166-1 from iso-codes with jansson.
 */
#include "country.h"

#include "../core/data.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

const char *td_iso_codes_dir(void) {
  const char *d = getenv("TIDINGS_ISO_CODES");
  return d && *d ? d : "/usr/share/iso-codes/json";
}

/* ASCII case folding into out (at most cap-1 bytes); returns the length. */
static size_t td_fold(const char *s, size_t n, char *out, size_t cap) {
  size_t k = 0;
  if (n > 4 && strncasecmp(s, "the ", 4) == 0)
    s += 4, n -= 4;
  for (size_t i = 0; i < n && k + 1 < cap; i++)
    out[k++] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
  return k;
}

static void td_country_name(td_countries *c, const char *s, uint32_t idx) {
  if (!s)
    return;
  char buf[256];
  size_t k = td_fold(s, strlen(s), buf, sizeof(buf));
  if (!td_strmap_get(c->by_name, buf, k, NULL))
    td_strmap_put(c->by_name, buf, k, idx);
  /* "Korea, Republic of" is how lists write it, not news. */
  if (!strchr(s, ',') && !strchr(s, '(')) {
    if (strncasecmp(s, "the ", 4) == 0)
      s += 4;
    td_cname cn = {td_strdup(s), idx};
    td_vec_push(&c->names, cn);
  }
}

static int td_country_index(const td_countries *c, const char *a3) {
  for (size_t i = 0; i < c->v.n; i++)
    if (memcmp(c->v.v[i].alpha3, a3, 3) == 0)
      return (int)i;
  return -1;
}

int td_country_by_code(const td_countries *c, const char *code) {
  size_t n = strlen(code);
  uint32_t idx;
  if ((n == 2 || n == 3) && c->by_code &&
      td_strmap_get(c->by_code, code, n, &idx))
    return (int)idx;
  return -1;
}

/* Appends a country and indexes its codes (the first of a code wins). */
static uint32_t td_country_push(td_countries *c, const td_country *ct) {
  uint32_t idx = (uint32_t)c->v.n;
  td_vec_push(&c->v, *ct);
  if (!td_strmap_get(c->by_code, ct->alpha3, 3, NULL))
    td_strmap_put(c->by_code, ct->alpha3, 3, idx);
  if (!td_strmap_get(c->by_code, ct->alpha2, 2, NULL))
    td_strmap_put(c->by_code, ct->alpha2, 2, idx);
  return idx;
}

/* data/countries.txt: adjective<TAB>ALPHA3<TAB>FORM|FORM... */
static bool td_adjective_record(td_countries *c, const td_record *rec,
                                td_diag *err) {
  char a3[4] = {0};
  memcpy(a3, rec->f[1].s, 3);
  int idx = td_country_index(c, a3);
  if (idx < 0)
    return td_record_error(rec, err, "unknown country code %.3s (give it a "
                                     "country record first)", a3);
  const char *s = rec->f[2].s, *e = s + rec->f[2].n;
  while (s < e) {
    const char *bar = memchr(s, '|', (size_t)(e - s));
    const char *ne = bar ? bar : e;
    if (ne == s)
      return td_record_error(rec, err, "empty form");
    td_cname cn = {td_strndup(s, (size_t)(ne - s)), (uint32_t)idx};
    td_vec_push(&c->adjectives, cn);
    s = bar ? bar + 1 : e;
  }
  return true;
}

/* data/countries.txt: country<TAB>ALPHA3<TAB>NAME|NAME... */
static bool td_country_record(void *ud, const td_record *rec, td_diag *err) {
  td_countries *c = ud;
  if (rec->n == 3 && td_field_eq(rec->f[0], "adjective") && rec->f[1].n == 3)
    return td_adjective_record(c, rec, err);
  if (rec->n != 3 || !td_field_eq(rec->f[0], "country") || rec->f[1].n != 3)
    return td_record_error(rec, err,
                           "expected country<TAB>ALPHA3<TAB>NAME|NAME... or "
                           "adjective<TAB>ALPHA3<TAB>FORM|FORM...");
  td_field code = rec->f[1], names = rec->f[2];
  /* The code must be one iso-codes knows, or user-assigned (X..). */
  size_t idx = 0;
  while (idx < c->v.n && memcmp(c->v.v[idx].alpha3, code.s, 3) != 0)
    idx++;
  if (idx == c->v.n) {
    if (code.s[0] != 'X')
      return td_record_error(rec, err, "unknown ISO 3166-1 code %.3s", code.s);
    td_country ct = {{0}, {0}, NULL};
    memcpy(ct.alpha3, code.s, 3);
    memcpy(ct.alpha2, code.s, 2);
    const char *bar = memchr(names.s, '|', names.n);
    ct.name = td_strndup(names.s, bar ? (size_t)(bar - names.s) : names.n);
    td_country_push(c, &ct);
  }
  const char *s = names.s, *e = s + names.n;
  while (s < e) {
    const char *bar = memchr(s, '|', (size_t)(e - s));
    const char *ne = bar ? bar : e;
    if (ne > s) {
      char *name = td_strndup(s, (size_t)(ne - s));
      td_country_name(c, name, (uint32_t)idx);
      td_free(name);
    }
    s = bar ? bar + 1 : e;
  }
  return true;
}

json_t *td_iso_codes_load(const char *standard, const char *what,
                          char *path, size_t cap, json_t **arr,
                          td_diag *err) {
  snprintf(path, cap, "%s/iso_%s.json", td_iso_codes_dir(), standard);
  json_error_t je;
  json_t *root = json_load_file(path, 0, &je);
  if (!root) {
    td_diag_set(err, TD_ERROR, path, je.line, -1,
                "cannot load the iso-codes %s list (%s); install the "
                "Debian package iso-codes or set TIDINGS_ISO_CODES",
                what, je.text);
    return NULL;
  }
  *arr = json_object_get(root, standard);
  return root;
}

bool td_countries_load(td_countries *c, const char *data_dir, td_diag *err) {
  memset(c, 0, sizeof(*c));
  c->by_name = td_strmap_new();
  c->by_code = td_strmap_new();
  char path[1024];
  json_t *arr;
  json_t *root = td_iso_codes_load("3166-1", "country", path, sizeof(path),
                                   &arr, err);
  if (!root)
    return false;
  size_t i;
  json_t *e;
  json_array_foreach(arr, i, e) {
    const char *a2 = json_string_value(json_object_get(e, "alpha_2"));
    const char *a3 = json_string_value(json_object_get(e, "alpha_3"));
    const char *name = json_string_value(json_object_get(e, "name"));
    const char *common = json_string_value(json_object_get(e, "common_name"));
    const char *official =
        json_string_value(json_object_get(e, "official_name"));
    if (!a2 || !a3 || !name || strlen(a2) != 2 || strlen(a3) != 3)
      continue;
    td_country ct;
    memcpy(ct.alpha2, a2, 3);
    memcpy(ct.alpha3, a3, 4);
    ct.name = td_strdup(common ? common : name);
    uint32_t idx = td_country_push(c, &ct);
    td_country_name(c, common, idx);
    td_country_name(c, name, idx);
    td_country_name(c, official, idx);
  }
  json_decref(root);
  if (c->v.n == 0) {
    td_diag_set(err, TD_ERROR, path, 0, -1, "no countries in the file");
    return false;
  }
  return td_data_each(data_dir, "countries.txt", td_country_record, c, err);
}

void td_countries_free(td_countries *c) {
  for (size_t i = 0; i < c->v.n; i++)
    td_free(c->v.v[i].name);
  for (size_t i = 0; i < c->names.n; i++)
    td_free(c->names.v[i].text);
  for (size_t i = 0; i < c->adjectives.n; i++)
    td_free(c->adjectives.v[i].text);
  td_vec_free(&c->names);
  td_vec_free(&c->adjectives);
  td_vec_free(&c->v);
  td_strmap_free(c->by_name);
  td_strmap_free(c->by_code);
  memset(c, 0, sizeof(*c));
}

const td_country *td_country_find(const td_countries *c, const char *s,
                                  size_t n) {
  char buf[256];
  size_t k = td_fold(s, n, buf, sizeof(buf));
  uint32_t idx;
  if (!c->by_name || !td_strmap_get(c->by_name, buf, k, &idx))
    return NULL;
  return &c->v.v[idx];
}

long td_countries_check(const char *path, td_report_fn fn, void *ud,
                        td_diag *err) {
  td_countries c;
  /* iso-codes first: the records name its codes */
  if (!td_countries_load(&c, NULL, err)) {
    td_countries_free(&c);
    return -1;
  }
  long n = td_data_check(path, 4, td_country_record, &c, fn, ud, err);
  td_countries_free(&c);
  return n;
}
