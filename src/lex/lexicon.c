/*
 * lexicon.c — the phrase matcher: a trie whose edges are (node, word form)
 * pairs in one integer hash table, so that a token that starts no phrase
 * costs one fold and one look-up. Phrases are queued, then tokenised all at
 * once by the text stage's tokenizer (so "U.S.", "Nagorno-Karabakh" and
 * "'s" are words exactly as in the text) and inserted by td_lexicon_build.
 */
#include "lexicon.h"
#include "../core/wkey.h"
#include <stdatomic.h>
#include <stdlib.h>

/* Case a phrase word needs of the text's word. */
enum { TD_CQ_ANY = 0, TD_CQ_CAP = 1, TD_CQ_UPPER = 2 };
/* Case a text word has. */
enum { TD_TC_CAP = 1, TD_TC_UPPER = 2 };

#define TD_PHRASE_MAX 24 /* words */
#define TD_BLOOM_BITS (1u << 19) /* 64 KB: ~1% false hits at 30k forms */

static inline uint64_t td_bloom_bits(uint64_t h) {
  return (h & (TD_BLOOM_BITS - 1)) | ((h >> 32) & (TD_BLOOM_BITS - 1)) << 32;
}

static inline bool td_bloom_has(const uint64_t *bloom, uint64_t h) {
  uint64_t b = td_bloom_bits(h);
  uint32_t a = (uint32_t)b, c = (uint32_t)(b >> 32);
  return (bloom[a >> 6] >> (a & 63) & 1) && (bloom[c >> 6] >> (c & 63) & 1);
}

/* Forms of up to 16 bytes (TD_SHORT_FORM) are also kept by their key
 * (wkey.h): an ASCII token is then folded and looked up without a copy, a
 * call or a string compare. */

/* A short form in the table of td_fast_find, with what matching needs of
 * it, so that a token costs one cache line. */
typedef struct td_fent {
  td_fkey key;         /* zero: an empty slot */
  uint32_t id;         /* form id */
  uint32_t base;       /* the form it inflects, or 0 */
  uint32_t rootf;      /* the root's edge by this form + 1, or 0 */
  uint32_t rootb;      /* the root's edge by its base + 1, or 0 */
} td_fent;

typedef struct td_edge {
  uint32_t child;
  uint32_t next; /* index + 1 of another edge for the same (node, form) */
  uint8_t caseq;
  uint8_t inflect; /* also taken by the word's inflected forms */
} td_edge;

typedef struct td_node {
  uint32_t term; /* first entry index + 1, or 0 */
  uint32_t kids; /* 1 if an edge leaves it: most phrases are one word, and
                    their nodes need no look-up of the next token */
} td_node;

typedef struct td_pending {
  uint32_t start, end; /* in lx->pend */
  uint16_t flags, kind;
  uint32_t value;
} td_pending;

struct td_lexicon {
  const td_letters *letters;
  const td_text_rules *rules;
  td_strmap *forms;              /* folded word -> form id (from 1)       */
  td_fent *fast;                 /* forms of up to 16 bytes, by key      */
  uint32_t fmask;                /* fast's size - 1 (a power of two)     */
  size_t fcount;
  uint64_t *bloom;               /* two bits per form, by its hash: most
                                    words of a text are in no phrase and
                                    are turned away here, in cache        */
  TD_VEC(uint32_t) base;         /* form id -> form it inflects, or 0     */
  TD_VEC(uint8_t) want;          /* form id -> 1: make its inflections, 2: done */
  TD_VEC(const char *) text;     /* form id -> folded word                */
  td_intmap *edges;              /* node << 32 | form -> edge index + 1   */
  TD_VEC(uint32_t) root;         /* form -> its edge from the root + 1, or
                                    0 (the first look-up of every token)  */
  TD_VEC(td_edge) edge;
  uint32_t nnodes;
  TD_VEC(td_node) node;          /* by node id                           */
  TD_VEC(td_lx_entry) entries;
  td_buf pend;
  TD_VEC(td_pending) pending;
  td_strmap *particles;          /* lower-case words of proper names      */
  size_t nphrases;
  td_arena arena;
  uint64_t serial; /* new at every change: what td_lexicon_run's cache of
                      look-ups was filled from (never 0) */
};

/* The serials of td_lexicon.serial: no two lexicons, and no two states of
 * one, share one. */
static atomic_uint_fast64_t td_lx_serials = 1;

static void td_lexicon_changed(td_lexicon *lx) {
  lx->serial = (uint64_t)atomic_fetch_add(&td_lx_serials, 1);
}

td_lexicon *td_lexicon_new(const td_letters *letters,
                           const td_text_rules *rules) {
  td_lexicon *lx = td_calloc(1, sizeof(*lx));
  lx->letters = letters;
  lx->rules = rules;
  lx->forms = td_strmap_new();
  td_lexicon_changed(lx);
  lx->bloom = td_calloc(TD_BLOOM_BITS / 64, sizeof(uint64_t));
  lx->edges = td_intmap_new();
  lx->nnodes = 1; /* the root */
  td_node root = {0, 0};
  td_vec_push(&lx->node, root);
  lx->fmask = 1023;
  lx->fast = td_calloc(lx->fmask + 1, sizeof(td_fent));
  td_vec_push(&lx->base, 0); /* form ids start at 1 */
  td_vec_push(&lx->want, 0);
  td_vec_push(&lx->text, "");
  return lx;
}

void td_lexicon_free(td_lexicon *lx) {
  if (!lx)
    return;
  td_strmap_free(lx->forms);
  td_free(lx->bloom);
  td_vec_free(&lx->base);
  td_vec_free(&lx->want);
  td_vec_free(&lx->text);
  td_intmap_free(lx->edges);
  td_vec_free(&lx->root);
  td_vec_free(&lx->edge);
  td_vec_free(&lx->node);
  td_free(lx->fast);
  td_vec_free(&lx->entries);
  td_buf_free(&lx->pend);
  td_vec_free(&lx->pending);
  td_strmap_free(lx->particles);
  td_arena_free(&lx->arena);
  td_free(lx);
}

void td_lexicon_set_particles(td_lexicon *lx, const char *const *words,
                              size_t n) {
  td_lexicon_changed(lx);
  if (!lx->particles)
    lx->particles = td_strmap_new();
  for (size_t i = 0; i < n; i++)
    td_strmap_put(lx->particles, words[i], strlen(words[i]), 1);
}

size_t td_lexicon_nphrases(const td_lexicon *lx) { return lx->nphrases; }
size_t td_lexicon_nforms(const td_lexicon *lx) { return lx->text.n - 1; }

static uint32_t td_form_intern(td_lexicon *lx, const char *s, size_t n);

uint32_t td_lexicon_intern(td_lexicon *lx, const char *word) {
  char f[TD_FORM_MAX];
  size_t fn = td_fold_word(lx->letters, word, strlen(word), f);
  td_lexicon_changed(lx);
  return fn ? td_form_intern(lx, f, fn) : 0;
}

static bool td_has_letter(const char *s, size_t n, size_t *letters);

bool td_lexicon_add(td_lexicon *lx, const char *phrase, size_t n,
                    unsigned flags, int kind, uint32_t value,
                    const char **why) {
  td_lexicon_changed(lx);
  while (n && (phrase[0] == ' ' || phrase[0] == '\t'))
    phrase++, n--;
  while (n && (phrase[n - 1] == ' ' || phrase[n - 1] == '\t'))
    n--;
  /* A final '_' forbids inflection (police_). */
  if (n && phrase[n - 1] == '_') {
    n--;
    flags &= ~(unsigned)TD_PH_INFLECT;
  }
  bool word = false;
  for (size_t i = 0; i < n && !word; i++)
    word = (unsigned char)phrase[i] >= 0x80 ||
           (phrase[i] >= '0' && phrase[i] <= '9') ||
           ((phrase[i] | 32) >= 'a' && (phrase[i] | 32) <= 'z');
  if (!word) {
    *why = "the phrase has no word";
    return false;
  }
  if (flags & TD_PH_PROPER) {
    size_t letters;
    if (!td_has_letter(phrase, n, &letters)) {
      *why = "a name must have a letter";
      return false;
    }
  }
  if (memchr(phrase, '\n', n) || memchr(phrase, '\r', n)) {
    *why = "the phrase has a line break";
    return false;
  }
  td_pending p = {(uint32_t)lx->pend.len, 0, (uint16_t)flags, (uint16_t)kind,
                  value};
  td_buf_add(&lx->pend, phrase, n);
  p.end = (uint32_t)lx->pend.len;
  td_buf_add(&lx->pend, "\n", 1);
  td_vec_push(&lx->pending, p);
  return true;
}

static void td_fast_put(td_lexicon *lx, const td_fent *e) {
  uint32_t i = (uint32_t)td_fkey_hash(&e->key) & lx->fmask;
  while (lx->fast[i].key.k[0])
    i = (i + 1) & lx->fmask;
  lx->fast[i] = *e;
}

static uint32_t td_form_intern(td_lexicon *lx, const char *s, size_t n) {
  uint32_t id;
  if (td_strmap_get(lx->forms, s, n, &id))
    return id;
  id = (uint32_t)lx->text.n;
  td_strmap_put(lx->forms, s, n, id);
  uint64_t h;
  if (n <= TD_SHORT_FORM) {
    td_fent e = {td_fkey_of(s, n), id, 0, 0, 0};
    h = td_fkey_hash(&e.key);
    if ((lx->fcount + 1) * 2 > (size_t)lx->fmask + 1) {
      td_fent *old = lx->fast;
      uint32_t oldn = lx->fmask + 1;
      lx->fmask = oldn * 2 - 1;
      lx->fast = td_calloc(oldn * 2, sizeof(td_fent));
      for (uint32_t i = 0; i < oldn; i++)
        if (old[i].key.k[0])
          td_fast_put(lx, &old[i]);
      td_free(old);
    }
    td_fast_put(lx, &e);
    lx->fcount++;
  } else {
    h = td_hash(s, n);
  }
  uint64_t b = td_bloom_bits(h);
  uint32_t a = (uint32_t)b, c = (uint32_t)(b >> 32);
  lx->bloom[a >> 6] |= 1ull << (a & 63);
  lx->bloom[c >> 6] |= 1ull << (c & 63);
  td_vec_push(&lx->base, 0);
  td_vec_push(&lx->want, 0);
  td_vec_push(&lx->text, td_arena_strndup(&lx->arena, s, n));
  return id;
}

/* The entry of short key f (of td_fkey_hash h), NULL if none. */
static inline const td_fent *td_fast_find_hashed(const td_lexicon *lx,
                                                 const td_fkey *f, uint64_t h) {
  if (!td_bloom_has(lx->bloom, h))
    return NULL;
  for (uint32_t i = (uint32_t)h & lx->fmask;; i = (i + 1) & lx->fmask) {
    const td_fent *e = &lx->fast[i];
    if (!e->key.k[0])
      return NULL;
    if (e->key.k[0] == f->k[0] && e->key.k[1] == f->k[1])
      return e;
  }
}

/* The entry of short key f, NULL if none. */
static inline const td_fent *td_fast_find(const td_lexicon *lx,
                                          const td_fkey *f) {
  return td_fast_find_hashed(lx, f, td_fkey_hash(f));
}

static uint32_t td_form_find(const td_lexicon *lx, const char *s, size_t n) {
  uint32_t id;
  if (n <= TD_SHORT_FORM) {
    td_fkey f = td_fkey_of(s, n);
    const td_fent *e = td_fast_find(lx, &f);
    return e ? e->id : 0;
  }
  uint64_t h = td_hash(s, n);
  if (!td_bloom_has(lx->bloom, h))
    return 0;
  return td_strmap_get_hashed(lx->forms, h, s, n, &id) ? id : 0;
}

static inline uint64_t td_edge_key(uint32_t node, uint32_t form) {
  return (uint64_t)node << 32 | form;
}

/* The edge from node by form with case requirement caseq, made if new. */
static uint32_t td_edge_add(td_lexicon *lx, uint32_t node, uint32_t form,
                            uint8_t caseq, bool inflect) {
  uint32_t head = 0, e;
  uint64_t key = td_edge_key(node, form);
  if (td_intmap_get(lx->edges, key, &head))
    for (e = head; e; e = lx->edge.v[e - 1].next)
      if (lx->edge.v[e - 1].caseq == caseq) {
        lx->edge.v[e - 1].inflect |= inflect;
        return lx->edge.v[e - 1].child;
      }
  td_edge ed = {lx->nnodes++, head, caseq, inflect};
  td_node nd = {0, 0};
  td_vec_push(&lx->node, nd);
  lx->node.v[node].kids = 1;
  td_vec_push(&lx->edge, ed);
  td_intmap_put(lx->edges, key, (uint32_t)lx->edge.n);
  return ed.child;
}

static void td_entry_add(td_lexicon *lx, uint32_t node, uint16_t kind,
                         uint32_t value) {
  for (uint32_t e = lx->node.v[node].term; e; e = lx->entries.v[e - 1].next)
    if (lx->entries.v[e - 1].kind == kind && lx->entries.v[e - 1].value == value)
      return;
  td_lx_entry en = {kind, value, lx->node.v[node].term};
  td_vec_push(&lx->entries, en);
  lx->node.v[node].term = (uint32_t)lx->entries.n;
}

static bool td_has_letter(const char *s, size_t n, size_t *letters) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] >= 0x80 || ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z'))
      k++;
  *letters = k;
  return k > 0;
}

static uint8_t td_caseq(const td_lexicon *lx, const td_token *t,
                        const char *form, size_t fn, unsigned flags,
                        size_t nwords) {
  if (flags & TD_PH_ICASE)
    return TD_CQ_ANY;
  size_t letters;
  if (!td_has_letter(form, fn, &letters))
    return TD_CQ_ANY;
  if (flags & TD_PH_PROPER) {
    if (lx->particles && td_strmap_get(lx->particles, form, fn, NULL))
      return TD_CQ_ANY;
    return nwords == 1 && letters <= 3 ? TD_CQ_UPPER : TD_CQ_CAP;
  }
  if (t->flags & TD_TF_UPPER)
    return TD_CQ_UPPER;
  return t->flags & TD_TF_CAP ? TD_CQ_CAP : TD_CQ_ANY;
}

/* Tokenises the queued phrases in one document and inserts them. */
static void td_insert_pending(td_lexicon *lx) {
  if (!lx->pending.n)
    return;
  td_doc *doc = td_doc_new(TD_FORMAT_TEXT);
  td_buf b = {0};
  td_buf_add(&b, lx->pend.ptr, lx->pend.len);
  td_doc_take_text(doc, &b);
  uint32_t counts[TD_NSCRIPTS] = {0};
  td_tokenize(doc, lx->rules, counts);
  size_t t = 0;
  for (size_t i = 0; i < lx->pending.n; i++) {
    const td_pending *p = &lx->pending.v[i];
    while (t < doc->tokens.n && doc->tokens.v[t].start < p->start)
      t++;
    size_t first = t;
    while (t < doc->tokens.n && doc->tokens.v[t].end <= p->end)
      t++;
    size_t nw = t - first;
    if (nw == 0 || nw > TD_PHRASE_MAX)
      continue;
    uint32_t node = 0;
    for (size_t k = first; k < t; k++) {
      const td_token *tok = &doc->tokens.v[k];
      size_t len;
      const char *s = td_doc_token_form(doc, k, &len);
      char f[TD_FORM_MAX];
      size_t fn = td_fold_word(lx->letters, s, len, f);
      if (!fn) {
        node = UINT32_MAX;
        break;
      }
      uint32_t form = td_form_intern(lx, f, fn);
      bool last = k + 1 == t;
      bool inflect = last && (p->flags & TD_PH_INFLECT);
      if (inflect && !lx->want.v[form])
        lx->want.v[form] = 1;
      node = td_edge_add(lx, node, form,
                         td_caseq(lx, tok, f, fn, p->flags, nw), inflect);
    }
    if (node == UINT32_MAX)
      continue;
    td_entry_add(lx, node, p->kind, p->value);
    lx->nphrases++;
  }
  td_doc_free(doc);
  lx->pending.n = 0;
  lx->pend.len = 0;
}

/* Records that folded word s is an inflected form of form `base`. */
static void td_variant(td_lexicon *lx, const char *s, size_t n, uint32_t base) {
  if (n == 0 || n >= TD_FORM_MAX)
    return;
  uint32_t id = td_form_intern(lx, s, n);
  if (id != base && !lx->base.v[id])
    lx->base.v[id] = base;
}

static bool td_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* The regular plurals of a folded noun. */
static void td_plurals(td_lexicon *lx, uint32_t form) {
  const char *w = lx->text.v[form];
  size_t n = strlen(w);
  size_t letters;
  if (n < 2 || n + 3 >= TD_FORM_MAX || !td_has_letter(w, n, &letters))
    return;
  char c = w[n - 1];
  if (!((c | 32) >= 'a' && (c | 32) <= 'z'))
    return;
  char buf[TD_FORM_MAX];
  memcpy(buf, w, n);
  if (c == 'y' && !td_vowel(w[n - 2])) {
    memcpy(buf + n - 1, "ies", 3);
    td_variant(lx, buf, n + 2, form);
  } else if (c == 's' || c == 'x' || c == 'z' ||
             (n > 2 && (w[n - 2] == 'c' || w[n - 2] == 's') && c == 'h')) {
    memcpy(buf + n, "es", 2);
    td_variant(lx, buf, n + 2, form);
  } else {
    buf[n] = 's';
    td_variant(lx, buf, n + 1, form);
  }
  /* chairman -> chairmen, Frenchwoman -> Frenchwomen */
  if (n > 3 && !strcmp(w + n - 3, "man")) {
    memcpy(buf, w, n);
    buf[n - 2] = 'e';
    td_variant(lx, buf, n, form);
  }
}

void td_lexicon_build(td_lexicon *lx, const td_wordnet *wn) {
  td_lexicon_changed(lx);
  td_insert_pending(lx);
  size_t nforms = lx->text.n;
  for (uint32_t f = 1; f < nforms; f++)
    if (lx->want.v[f] == 1)
      td_plurals(lx, f);
  /* Irregular plurals: WordNet's noun exceptions whose base we want. */
  if (wn)
    for (size_t i = 0; i < wn->noun.n; i++) {
      const td_exc *e = &wn->noun.v[i];
      uint32_t b = td_form_find(lx, e->base, strlen(e->base));
      if (b && b < nforms && lx->want.v[b] == 1)
        td_variant(lx, e->form, strlen(e->form), b);
    }
  for (uint32_t f = 1; f < nforms; f++)
    if (lx->want.v[f] == 1)
      lx->want.v[f] = 2;
  /* the root's edges, by form */
  lx->root.n = 0;
  for (size_t f = 0; f < lx->text.n; f++) {
    uint32_t head = 0;
    if (f)
      td_intmap_get(lx->edges, td_edge_key(0, (uint32_t)f), &head);
    td_vec_push(&lx->root, head);
  }
  /* what matching reads of each short form, beside its key */
  for (uint32_t i = 0; i <= lx->fmask; i++) {
    td_fent *e = &lx->fast[i];
    if (!e->key.k[0])
      continue;
    e->base = lx->base.v[e->id];
    e->rootf = e->id < lx->root.n ? lx->root.v[e->id] : 0;
    e->rootb = e->base && e->base < lx->root.n ? lx->root.v[e->base] : 0;
  }
}

const td_lx_entry *td_lexicon_entry(const td_lexicon *lx, uint32_t index1) {
  return index1 ? &lx->entries.v[index1 - 1] : NULL;
}

/* ---- Matching ------------------------------------------------------------ */

typedef struct td_tform {
  uint32_t form, base;
  uint32_t rootf, rootb; /* the root's edges by form and by base + 1, or 0 */
  uint8_t caps;
} td_tform;

static inline bool td_case_ok(uint8_t caseq, uint8_t caps) {
  return caseq == TD_CQ_ANY || (caseq == TD_CQ_CAP && (caps & TD_TC_CAP)) ||
         (caseq == TD_CQ_UPPER && (caps & TD_TC_UPPER));
}

static void td_lx_layer_free(void *data) {
  td_lx_matches *m = data;
  td_vec_free(&m->v);
  td_free(m->forms);
  td_free(m);
}

static int td_match_cmp(const void *a, const void *b) {
  const td_lx_match *x = a, *y = b;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->inflected < y->inflected ? -1 : x->inflected > y->inflected;
}

enum { TD_WCACHE = 512 };
static _Thread_local struct {
  uint64_t serial; /* td_lexicon.serial of the lexicon it holds; 0: none */
  td_fent v[TD_WCACHE];
} td_wcache;

const td_lx_matches *td_lexicon_run(td_doc *doc, const td_lexicon *lx) {
  const td_lx_matches *have = td_doc_layer(doc, "lexicon");
  if (have)
    return have;
  td_lx_matches *M = td_calloc(1, sizeof(*M));
  size_t n = doc->tokens.n;
  td_tform *tf = td_malloc((n ? n : 1) * sizeof(td_tform));
  /* Words repeat ("the", "of", "said"), in a story and from one to the
   * next: a small direct-mapped cache of short keys, kept by each thread
   * while the lexicon is the one it was filled from, spares most look-ups
   * in the large table. */
  td_fent *cache = td_wcache.v;
  if (td_wcache.serial != lx->serial) {
    memset(td_wcache.v, 0, sizeof(td_wcache.v));
    td_wcache.serial = lx->serial;
  }
  char fw[TD_FORM_MAX];
  const td_tkey *tkeys = td_doc_token_keys(doc);
  for (size_t i = 0; i < n; i++) {
    const td_token *t = &doc->tokens.v[i];
    td_fent none = {{{0, 0}}, 0, 0, 0, 0};
    const td_fent *fe = &none;
    td_fkey key;
    uint64_t hash = 0;
    bool short_key = false;
    size_t tl = t->end - t->start;
    if ((t->flags & (TD_TF_ASCII | TD_TF_NFC)) == TD_TF_ASCII &&
        tl <= TD_SHORT_FORM + 1) {
      /* td_fold_word of an ASCII word: capitals lowered, a final period
       * dropped (the token's key, unless it ends with a period) */
      size_t fn = tl > 1 && doc->text[t->end - 1] == '.' ? tl - 1 : tl;
      if (fn == tl && tkeys[i].key.k[0]) {
        key = tkeys[i].key;
        hash = tkeys[i].hash;
        short_key = true;
      } else if (fn <= TD_SHORT_FORM) {
        key = td_fkey_ascii(doc->text + t->start, fn);
        hash = td_fkey_hash(&key);
        short_key = true;
      }
    }
    if (!short_key) {
      size_t len;
      const char *s = td_doc_token_form(doc, i, &len);
      size_t fn = len < TD_FORM_MAX ? td_fold_word(lx->letters, s, len, fw)
                                    : 0;
      if (fn && fn <= TD_SHORT_FORM) {
        key = td_fkey_of(fw, fn);
        hash = td_fkey_hash(&key);
        short_key = true;
      } else if (fn) {
        /* a long form: its id, base and roots from the vectors */
        uint32_t id = td_form_find(lx, fw, fn);
        if (id) {
          none.id = id;
          none.base = lx->base.v[id];
          none.rootf = id < lx->root.n ? lx->root.v[id] : 0;
          none.rootb = none.base && none.base < lx->root.n
                           ? lx->root.v[none.base]
                           : 0;
        }
      }
    }
    if (short_key) {
      size_t slot = (size_t)(hash >> 55) & (TD_WCACHE - 1);
      td_fent *c = &cache[slot];
      if (c->key.k[0] != key.k[0] || c->key.k[1] != key.k[1]) {
        const td_fent *e = td_fast_find_hashed(lx, &key, hash);
        if (e) {
          *c = *e;
        } else {
          *c = none;
          c->key = key;
        }
      }
      fe = c;
    }
    tf[i].form = fe->id;
    tf[i].base = fe->base;
    tf[i].rootf = fe->rootf;
    tf[i].rootb = fe->rootb;
    tf[i].caps = (uint8_t)(((t->flags & TD_TF_CAP) ? TD_TC_CAP : 0) |
                           ((t->flags & TD_TF_UPPER) ? TD_TC_UPPER : 0));
  }
  /* Depth-first from each token; several edges can apply to one token
   * (a case variant, an inflected form), rarely more than one. */
  struct {
    uint32_t node, pos, inflected;
  } stack[64];
  for (uint32_t i = 0; i < n; i++) {
    if (!tf[i].form || (!tf[i].rootf && !tf[i].rootb))
      continue;
    size_t before = M->v.n;
    int sp = 0;
    stack[sp].node = 0, stack[sp].pos = i, stack[sp].inflected = 0, sp++;
    while (sp > 0) {
      sp--;
      uint32_t node = stack[sp].node, p = stack[sp].pos;
      uint32_t infl = stack[sp].inflected;
      if (node) {
        const td_node *nd = &lx->node.v[node];
        if (nd->term) {
          td_lx_match m = {i, p, nd->term, infl};
          td_vec_push(&M->v, m);
        }
        if (!nd->kids)
          continue;
      }
      if (p >= n || !tf[p].form)
        continue;
      uint32_t head = 0;
      bool found = node == 0
                       ? (head = tf[p].rootf) != 0
                       : td_intmap_get(lx->edges,
                                       td_edge_key(node, tf[p].form), &head);
      if (found)
        for (uint32_t e = head; e && sp < 64; e = lx->edge.v[e - 1].next)
          if (td_case_ok(lx->edge.v[e - 1].caseq, tf[p].caps)) {
            stack[sp].node = lx->edge.v[e - 1].child;
            stack[sp].pos = p + 1;
            stack[sp].inflected = infl;
            sp++;
          }
      found = tf[p].base &&
              (node == 0 ? (head = tf[p].rootb) != 0
                         : td_intmap_get(lx->edges,
                                         td_edge_key(node, tf[p].base), &head));
      if (found)
        for (uint32_t e = head; e && sp < 64; e = lx->edge.v[e - 1].next)
          if (lx->edge.v[e - 1].inflect &&
              td_case_ok(lx->edge.v[e - 1].caseq, tf[p].caps)) {
            stack[sp].node = lx->edge.v[e - 1].child;
            stack[sp].pos = p + 1;
            stack[sp].inflected = infl + 1;
            sp++;
          }
    }
    if (M->v.n - before > 1)
      qsort(M->v.v + before, M->v.n - before, sizeof(td_lx_match),
            td_match_cmp);
  }
  M->forms = td_malloc((n ? n : 1) * sizeof(uint32_t));
  for (size_t i = 0; i < n; i++)
    M->forms[i] = tf[i].form;
  td_free(tf);
  td_doc_add_layer(doc, "lexicon", M, NULL, td_lx_layer_free);
  return M;
}

const td_lx_entry *td_lx_first(const td_lexicon *lx, const td_lx_match *m,
                               uint32_t kinds) {
  for (uint32_t e = m->entry; e; e = lx->entries.v[e - 1].next)
    if (kinds & (1u << lx->entries.v[e - 1].kind))
      return &lx->entries.v[e - 1];
  return NULL;
}

/* The matches at token i start at index at (td_lx_longest). */
const td_lx_match *td_lx_longest_at(const td_lexicon *lx,
                                    const td_lx_matches *m, size_t at,
                                    uint32_t i, uint32_t kinds) {
  for (size_t k = at; k < m->v.n && m->v.v[k].first == i; k++)
    if (td_lx_first(lx, &m->v.v[k], kinds))
      return &m->v.v[k];
  return NULL;
}
