/*
 * wkey.h — the key of a short word: its folded bytes (at most 16), NUL
 * padded, as two 64-bit words. A word has no NUL byte, so the words alone
 * tell words apart; an ASCII token is keyed in place, capitals lowered,
 * without a copy, a call or a string compare. Shared by the tables that
 * look tokens up by their folded text (the lexicon, the timex words).
 */
#ifndef TD_WKEY_H
#define TD_WKEY_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define TD_SHORT_FORM 16

typedef struct td_fkey {
  uint64_t k[2];
} td_fkey;

static inline uint64_t td_fkey_hash(const td_fkey *f) {
  uint64_t h = (f->k[0] ^ (f->k[1] * 0xC2B2AE3D27D4EB4Full)) *
               0x9E3779B97F4A7C15ull;
  h ^= h >> 32;
  h *= 0xD6E8FEB86659FD93ull;
  return h ^ (h >> 32);
}

/* The key of folded word s (n <= TD_SHORT_FORM bytes). */
static inline td_fkey td_fkey_of(const char *s, size_t n) {
  char b[TD_SHORT_FORM] = {0};
  memcpy(b, s, n);
  td_fkey f;
  memcpy(f.k, b, sizeof(b));
  return f;
}

/* ASCII capitals of the eight bytes in x to lower case (other bytes kept). */
static inline uint64_t td_lower8(uint64_t x) {
  const uint64_t b = 0x0101010101010101ull;
  uint64_t low = x & (0x7f * b);
  uint64_t upper = (low + (0x80 - 'A') * b) & ~(low + (0x80 - 'Z' - 1) * b) &
                   ~x & (0x80 * b);
  return x | upper >> 2;
}

/* 16 bytes of 255, then 16 of 0: the masks of td_fkey_bytes. */
static const unsigned char td_fkey_ones[32] = {
    255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255};

/* The first n bytes at s (n <= TD_SHORT_FORM) as a key, as they are; s
 * must be readable for 16 bytes (a document's text is padded,
 * TD_TEXT_PAD). */
static inline td_fkey td_fkey_bytes(const char *s, size_t n) {
  uint64_t m0, m1;
  td_fkey f;
  memcpy(f.k, s, 16);
  memcpy(&m0, td_fkey_ones + 16 - n, 8);
  memcpy(&m1, td_fkey_ones + 24 - n, 8);
  f.k[0] &= m0;
  f.k[1] &= m1;
  return f;
}

/* Is every byte of the key ASCII? */
static inline int td_fkey_is_ascii(const td_fkey *f) {
  return !((f->k[0] | f->k[1]) & 0x8080808080808080ull);
}

/* The key of the ASCII word at s with its capitals lowered (td_fkey_bytes
 * for what s must be). */
static inline td_fkey td_fkey_ascii(const char *s, size_t n) {
  td_fkey f = td_fkey_bytes(s, n);
  f.k[0] = td_lower8(f.k[0]);
  f.k[1] = td_lower8(f.k[1]);
  return f;
}

#endif
