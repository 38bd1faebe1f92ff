/*
 * strmap.c — an open-addressing hash table from byte strings to 32-bit
 * values, hashed with xxHash. Used for every word list and dictionary index.
 * Probing reads a compact array of 32-bit tags (part of each key's hash),
 * and a slot only when its tag matches; a slot holds the bytes of a key of
 * up to 16 bytes, so that a word is compared without reading its string.
 */
#include "core.h"

/* xxHash's own header, its functions inlined: the keys are short words, for
 * which a call into the shared library cost more than the hash. */
#define XXH_INLINE_ALL
#include <xxhash.h>

typedef struct td_slot {
  uint64_t hash;
  uint64_t k[2]; /* td_key_words of the key */
  char *key;     /* NULL = empty */
  uint32_t len, val;
} td_slot;

struct td_strmap {
  td_slot *slots;
  uint32_t *tags;    /* per slot: td_tag of its key's hash, 0 = empty */
  size_t cap, count; /* cap is a power of two; at most half full */
};

static inline uint32_t td_tag(uint64_t h) { return (uint32_t)(h >> 32) | 1u; }

uint64_t td_hash(const void *p, size_t n) { return XXH3_64bits(p, n); }

td_strmap *td_strmap_new(void) {
  td_strmap *m = td_calloc(1, sizeof(*m));
  m->cap = 64;
  m->slots = td_calloc(m->cap, sizeof(td_slot));
  m->tags = td_calloc(m->cap, sizeof(uint32_t));
  return m;
}

void td_strmap_free(td_strmap *m) {
  if (!m)
    return;
  for (size_t i = 0; i < m->cap; i++)
    td_free(m->slots[i].key);
  td_free(m->slots);
  td_free(m->tags);
  td_free(m);
}

/* Two words that tell apart keys of the same length n up to 16 bytes (and
 * are a first test for longer ones): the first and the last 8 bytes (4
 * bytes below 8), with loads that stay inside the n bytes. */
static inline void td_key_words(const char *s, size_t n, uint64_t k[2]) {
  if (n >= 8) {
    memcpy(&k[0], s, 8);
    memcpy(&k[1], s + n - 8, 8);
  } else if (n >= 4) {
    uint32_t a, b;
    memcpy(&a, s, 4);
    memcpy(&b, s + n - 4, 4);
    k[0] = a | (uint64_t)b << 32;
    k[1] = 0;
  } else {
    k[0] = k[1] = 0;
    for (size_t i = 0; i < n; i++)
      k[0] |= (uint64_t)(unsigned char)s[i] << (8 * i);
  }
}

/* The index of key's slot, or of the empty slot where it would go. */
static inline size_t td_strmap_find(const td_strmap *m, uint64_t h,
                                    const char *key, size_t len) {
  size_t mask = m->cap - 1;
  uint32_t tag = td_tag(h);
  uint64_t k[2];
  td_key_words(key, len, k);
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    uint32_t t = m->tags[i];
    if (!t)
      return i;
    if (t == tag) {
      const td_slot *s = &m->slots[i];
      if (s->len == len && s->k[0] == k[0] && s->k[1] == k[1] &&
          (len <= 16 || memcmp(s->key, key, len) == 0))
        return i;
    }
  }
}

static void td_strmap_rehash(td_strmap *m) {
  td_slot *old = m->slots;
  uint32_t *oldtags = m->tags;
  size_t oldcap = m->cap;
  m->cap *= 2;
  m->slots = td_calloc(m->cap, sizeof(td_slot));
  m->tags = td_calloc(m->cap, sizeof(uint32_t));
  for (size_t i = 0; i < oldcap; i++)
    if (oldtags[i]) {
      size_t k = td_strmap_find(m, old[i].hash, old[i].key, old[i].len);
      m->slots[k] = old[i];
      m->tags[k] = oldtags[i];
    }
  td_free(old);
  td_free(oldtags);
}

void td_strmap_put(td_strmap *m, const char *key, size_t len, uint32_t val) {
  if ((m->count + 1) * 2 > m->cap)
    td_strmap_rehash(m);
  uint64_t h = td_hash(key, len);
  size_t k = td_strmap_find(m, h, key, len);
  td_slot *s = &m->slots[k];
  if (!m->tags[k]) {
    s->key = td_strndup(key, len);
    s->len = (uint32_t)len;
    s->hash = h;
    td_key_words(key, len, s->k);
    m->tags[k] = td_tag(h);
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
  size_t k = td_strmap_find(m, hash, key, len);
  if (!m->tags[k])
    return false;
  if (val)
    *val = m->slots[k].val;
  return true;
}

size_t td_strmap_count(const td_strmap *m) { return m->count; }
