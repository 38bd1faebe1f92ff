/*
 * intmap.c — an open-addressing hash table from 64-bit keys to 32-bit
 * values: the edges of the phrase matcher's trie and other integer indexes.
 * Key 0 is reserved (it marks empty slots).
 */
#include "core.h"

typedef struct td_islot {
  uint64_t key;
  uint32_t val;
} td_islot;

struct td_intmap {
  td_islot *slots;
  size_t cap, count; /* cap is a power of two */
};

static inline size_t td_imix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  return (size_t)k;
}

td_intmap *td_intmap_new(void) {
  td_intmap *m = td_calloc(1, sizeof(*m));
  m->cap = 64;
  m->slots = td_calloc(m->cap, sizeof(td_islot));
  return m;
}

void td_intmap_free(td_intmap *m) {
  if (!m)
    return;
  td_free(m->slots);
  td_free(m);
}

static td_islot *td_intmap_slot(const td_intmap *m, uint64_t key) {
  size_t mask = m->cap - 1;
  for (size_t i = td_imix(key) & mask;; i = (i + 1) & mask) {
    td_islot *s = &m->slots[i];
    if (s->key == key || s->key == 0)
      return s;
  }
}

void td_intmap_put(td_intmap *m, uint64_t key, uint32_t val) {
  if ((m->count + 1) * 2 > m->cap) {
    td_islot *old = m->slots;
    size_t oldcap = m->cap;
    m->cap *= 2;
    m->slots = td_calloc(m->cap, sizeof(td_islot));
    for (size_t i = 0; i < oldcap; i++)
      if (old[i].key)
        *td_intmap_slot(m, old[i].key) = old[i];
    td_free(old);
  }
  td_islot *s = td_intmap_slot(m, key);
  if (!s->key) {
    s->key = key;
    m->count++;
  }
  s->val = val;
}

bool td_intmap_get(const td_intmap *m, uint64_t key, uint32_t *val) {
  const td_islot *s = td_intmap_slot(m, key);
  if (!s->key)
    return false;
  *val = s->val;
  return true;
}

size_t td_intmap_count(const td_intmap *m) { return m->count; }
