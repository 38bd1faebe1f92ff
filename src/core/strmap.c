/*
 * strmap.c — an open-addressing hash table from byte strings to 32-bit
 * values, hashed with xxHash. Used for every word list and dictionary index.
 */
#include "core.h"

#include <xxhash.h>

typedef struct td_slot {
  uint64_t hash;
  char *key; /* NULL = empty */
  uint32_t len, val;
} td_slot;

struct td_strmap {
  td_slot *slots;
  size_t cap, count; /* cap is a power of two */
};

uint64_t td_hash(const void *p, size_t n) { return XXH3_64bits(p, n); }

td_strmap *td_strmap_new(void) {
  td_strmap *m = td_calloc(1, sizeof(*m));
  m->cap = 64;
  m->slots = td_calloc(m->cap, sizeof(td_slot));
  return m;
}

void td_strmap_free(td_strmap *m) {
  if (!m)
    return;
  for (size_t i = 0; i < m->cap; i++)
    td_free(m->slots[i].key);
  td_free(m->slots);
  td_free(m);
}

static td_slot *td_strmap_find(const td_strmap *m, uint64_t h, const char *key,
                               size_t len) {
  size_t mask = m->cap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    td_slot *s = &m->slots[i];
    if (!s->key)
      return s;
    if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)
      return s;
  }
}

static void td_strmap_rehash(td_strmap *m) {
  td_slot *old = m->slots;
  size_t oldcap = m->cap;
  m->cap *= 2;
  m->slots = td_calloc(m->cap, sizeof(td_slot));
  for (size_t i = 0; i < oldcap; i++)
    if (old[i].key)
      *td_strmap_find(m, old[i].hash, old[i].key, old[i].len) = old[i];
  td_free(old);
}

void td_strmap_put(td_strmap *m, const char *key, size_t len, uint32_t val) {
  if ((m->count + 1) * 4 > m->cap * 3)
    td_strmap_rehash(m);
  uint64_t h = td_hash(key, len);
  td_slot *s = td_strmap_find(m, h, key, len);
  if (!s->key) {
    s->key = td_strndup(key, len);
    s->len = (uint32_t)len;
    s->hash = h;
    m->count++;
  }
  s->val = val;
}

bool td_strmap_get(const td_strmap *m, const char *key, size_t len,
                   uint32_t *val) {
  return td_strmap_get_hashed(m, td_hash(key, len), key, len, val);
}

bool td_strmap_get_hashed(const td_strmap *m, uint64_t hash, const char *key,
                          size_t len, uint32_t *val) {
  const td_slot *s = td_strmap_find(m, hash, key, len);
  if (!s->key)
    return false;
  if (val)
    *val = s->val;
  return true;
}

size_t td_strmap_count(const td_strmap *m) { return m->count; }
