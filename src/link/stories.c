/*
 * stories.c — groups documents into stories, one document at a time in
 * input order: a document joins the story it is most similar to (half its
 * closest document's similarity, half the mean over the story's candidate
 * documents), or starts a story. Candidates come from locality-sensitive
 * hashing of the documents' MinHash signatures (near-identical wording) and
 * from an index of the rare names, numbers and dates they share (the same
 * happening in other words); each candidate within the time window is
 * scored by an idf-weighted overlap of features, and the text similarity
 * the signatures estimate.
 */
#include "link.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>

/* Weight of each feature class: a shared name or date says more about the
 * story than a shared word. */
static const double td_class_w[4] = {1.0, 5.0, 1.5, 3.0};

/* Below this many documents every earlier document is a candidate. */
#define TD_LK_BRUTE 400
/* Postings kept per indexed feature and per LSH bucket (the latest). */
#define TD_LK_POSTINGS 32
/* Features of a document put into the index: its rarest ones. */
#define TD_LK_INDEXED 24
/* Candidates scored per document: those sharing the most. */
#define TD_LK_SCORED 64

static double td_idf(const td_intmap *df, size_t ndocs, uint64_t f) {
  uint32_t n = 1;
  td_intmap_get(df, f | ((uint64_t)1 << 63), &n);
  return log((double)(ndocs + 1) / (double)(n + 0.5));
}

/* idf, plus 2/N: in a collection of a few documents every shared feature
 * still counts; in a large one what all documents share counts little. */
static double td_weight(const td_intmap *df, size_t ndocs, uint64_t f) {
  double w = td_idf(df, ndocs, f);
  return ((w > 0 ? w : 0) + 2.0 / (double)(ndocs ? ndocs : 1)) *
         td_class_w[f & 3];
}

/* Estimated Jaccard similarity of the documents' word pairs. */
static double td_minhash_sim(const td_digest *a, const td_digest *b) {
  if (!a->has_minhash || !b->has_minhash)
    return 0;
  int same = 0;
  for (int k = 0; k < TD_LK_MINHASH; k++)
    same += a->minhash[k] == b->minhash[k];
  return (double)same / TD_LK_MINHASH;
}

static double td_overlap(const td_digest *a, const td_digest *b,
                         const td_intmap *df, size_t ndocs, double wa,
                         double wb) {
  double common = 0;
  size_t i = 0, j = 0;
  while (i < a->nfeat && j < b->nfeat) {
    if (a->feat[i] < b->feat[j])
      i++;
    else if (a->feat[i] > b->feat[j])
      j++;
    else {
      common += td_weight(df, ndocs, a->feat[i]);
      i++;
      j++;
    }
  }
  return wa + wb > 0 ? 2 * common / (wa + wb) : 0;
}

static double td_total_weight(const td_digest *d, const td_intmap *df,
                              size_t ndocs) {
  double w = 0;
  for (size_t i = 0; i < d->nfeat; i++)
    w += td_weight(df, ndocs, d->feat[i]);
  return w;
}

static double td_combine(double overlap, double text) {
  /* near-identical wording is the same story whatever the features say */
  double t = text * 1.5;
  return t > overlap ? (t > 1 ? 1 : t) : overlap;
}

double td_lk_similarity(const td_digest *a, const td_digest *b,
                        const td_intmap *df, size_t ndocs) {
  return td_combine(td_overlap(a, b, df, ndocs, td_total_weight(a, df, ndocs),
                               td_total_weight(b, df, ndocs)),
                    td_minhash_sim(a, b));
}

/* Postings: a chain of (doc, next) in one array, newest first. */
typedef struct td_post {
  uint32_t doc, next; /* next: index + 1, 0 = end */
} td_post;

typedef struct td_index {
  td_intmap *head; /* key -> index + 1 of the newest posting */
  TD_VEC(td_post) posts;
} td_index;

static void td_index_add(td_index *x, uint64_t key, uint32_t doc) {
  if (!key)
    key = 1;
  uint32_t h = 0;
  td_intmap_get(x->head, key, &h);
  td_post p = {doc, h};
  td_vec_push(&x->posts, p);
  td_intmap_put(x->head, key, (uint32_t)x->posts.n);
}

typedef struct td_cands {
  uint32_t *stamp; /* per document: the last doc it was a candidate for + 1 */
  uint32_t *hits;  /* per document: buckets and features shared          */
  TD_VEC(uint32_t) v;
} td_cands;

static void td_index_collect(const td_index *x, uint64_t key, uint32_t self,
                             td_cands *c) {
  if (!key)
    key = 1;
  uint32_t h = 0;
  if (!td_intmap_get(x->head, key, &h))
    return;
  for (int k = 0; h && k < TD_LK_POSTINGS; k++) {
    const td_post *p = &x->posts.v[h - 1];
    if (c->stamp[p->doc] != self + 1) {
      c->stamp[p->doc] = self + 1;
      c->hits[p->doc] = 0;
      td_vec_push(&c->v, p->doc);
    }
    c->hits[p->doc]++;
    h = p->next;
  }
}

static const td_cands *td_sort_cands;
static int td_cand_cmp(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  uint32_t hx = td_sort_cands->hits[x], hy = td_sort_cands->hits[y];
  if (hx != hy)
    return hx > hy ? -1 : 1;
  return x > y ? -1 : x < y; /* then the most recent */
}

/* Keeps the candidates that share the most buckets and rare features. */
static void td_cands_keep_best(td_cands *c) {
  if (c->v.n <= TD_LK_SCORED)
    return;
  td_sort_cands = c;
  qsort(c->v.v, c->v.n, sizeof(uint32_t), td_cand_cmp);
  c->v.n = TD_LK_SCORED;
}

static uint64_t td_band_key(const td_digest *d, int band) {
  uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)band;
  int rows = TD_LK_MINHASH / TD_LK_BANDS;
  for (int r = 0; r < rows; r++) {
    h ^= d->minhash[band * rows + r];
    h *= 0x100000001b3ull;
  }
  return h;
}

typedef struct td_story_score {
  uint32_t story, count;
  double sum, max;
} td_story_score;

typedef struct td_ranked {
  double w;
  uint64_t f;
} td_ranked;

static int td_ranked_cmp(const void *a, const void *b) {
  double x = ((const td_ranked *)a)->w, y = ((const td_ranked *)b)->w;
  return x < y ? 1 : x > y ? -1 : 0;
}

/* Average-link grouping of a small collection: every document starts alone;
 * the two stories with the highest mean similarity between their documents
 * merge while that mean reaches the threshold (documents outside each
 * other's time window count as 0). Stories are numbered in the order of
 * their first document. */
static size_t td_group_upgma(td_digest *const *d, size_t n,
                             const td_link_params *p, const td_intmap *df,
                             const double *tw, uint32_t *story_of) {
  double *sim = td_calloc(n * n, sizeof(double));
  for (size_t i = 0; i < n; i++)
    for (size_t j = i + 1; j < n; j++) {
      const td_digest *a = d[i], *b = d[j];
      double s = 0;
      if (!(a->day != LONG_MIN && b->day != LONG_MIN &&
            labs(a->day - b->day) > p->window_days))
        s = td_combine(td_overlap(a, b, df, n, tw[i], tw[j]),
                       td_minhash_sim(a, b));
      sim[i * n + j] = sim[j * n + i] = s;
    }
  /* cluster sums: sum[x][y] = total similarity between clusters x and y */
  uint32_t *size = td_calloc(n, sizeof(uint32_t));
  uint32_t *of = td_calloc(n, sizeof(uint32_t));
  for (size_t i = 0; i < n; i++) {
    size[i] = 1;
    of[i] = (uint32_t)i;
  }
  for (;;) {
    double best = -1;
    size_t bx = 0, by = 0;
    for (size_t x = 0; x < n; x++) {
      if (!size[x])
        continue;
      for (size_t y = x + 1; y < n; y++) {
        if (!size[y])
          continue;
        double avg = sim[x * n + y] / ((double)size[x] * size[y]);
        if (avg > best) {
          best = avg;
          bx = x;
          by = y;
        }
      }
    }
    if (best < p->threshold)
      break;
    /* merge by into bx */
    for (size_t z = 0; z < n; z++) {
      if (!size[z] || z == bx || z == by)
        continue;
      sim[bx * n + z] += sim[by * n + z];
      sim[z * n + bx] = sim[bx * n + z];
    }
    size[bx] += size[by];
    size[by] = 0;
    for (size_t i = 0; i < n; i++)
      if (of[i] == by)
        of[i] = (uint32_t)bx;
  }
  /* number the stories by their first document */
  uint32_t *num = td_calloc(n, sizeof(uint32_t));
  size_t ns = 0;
  for (size_t i = 0; i < n; i++) {
    if (!num[of[i]])
      num[of[i]] = (uint32_t)++ns;
    story_of[i] = num[of[i]] - 1;
  }
  td_free(num);
  td_free(of);
  td_free(size);
  td_free(sim);
  return ns;
}

void td_lk_group(td_digest *const *d, size_t n, const td_link_params *p,
                 uint32_t *story_of, size_t *nstories) {
  /* document frequencies (the high bit keeps a key from being 0) */
  td_intmap *df = td_intmap_new();
  for (size_t i = 0; i < n; i++)
    for (size_t k = 0; k < d[i]->nfeat; k++) {
      uint64_t key = d[i]->feat[k] | ((uint64_t)1 << 63);
      uint32_t c = 0;
      td_intmap_get(df, key, &c);
      td_intmap_put(df, key, c + 1);
    }
  double *tw = td_calloc(n ? n : 1, sizeof(double));
  for (size_t i = 0; i < n; i++)
    tw[i] = td_total_weight(d[i], df, n);
  if (n <= TD_LK_BRUTE) {
    *nstories = td_group_upgma(d, n, p, df, tw, story_of);
    td_free(tw);
    td_intmap_free(df);
    return;
  }
  td_index lsh = {td_intmap_new(), {0}}, names = {td_intmap_new(), {0}};
  td_cands c = {td_calloc(n ? n : 1, sizeof(uint32_t)),
                td_calloc(n ? n : 1, sizeof(uint32_t)), {0}};
  TD_VEC(td_ranked) rk = {0};
  TD_VEC(td_story_score) sc = {0};
  size_t ns = 0;
  for (size_t i = 0; i < n; i++) {
    const td_digest *a = d[i];
    c.v.n = 0;
    if (n <= TD_LK_BRUTE) {
      for (size_t j = 0; j < i; j++)
        td_vec_push(&c.v, (uint32_t)j);
    } else {
      if (a->has_minhash)
        for (int b = 0; b < TD_LK_BANDS; b++)
          td_index_collect(&lsh, td_band_key(a, b), (uint32_t)i, &c);
    }
    /* the rarest names, numbers and dates (and words) of the document */
    rk.n = 0;
    for (size_t k = 0; k < a->nfeat; k++) {
      uint32_t dfk = 1;
      td_intmap_get(df, a->feat[k] | ((uint64_t)1 << 63), &dfk);
      if (dfk < 2)
        continue; /* no other document has it */
      td_ranked r = {td_weight(df, n, a->feat[k]), a->feat[k]};
      td_vec_push(&rk, r);
    }
    if (rk.n)
      qsort(rk.v, rk.n, sizeof(*rk.v), td_ranked_cmp);
    size_t nidx = TD_MIN(rk.n, (size_t)TD_LK_INDEXED);
    if (n > TD_LK_BRUTE) {
      for (size_t k = 0; k < nidx; k++)
        td_index_collect(&names, rk.v[k].f, (uint32_t)i, &c);
      td_cands_keep_best(&c);
    }
    /* the best story of the earlier documents within the window: half
     * the best document's similarity, half the mean over the story's
     * candidate documents (so one close document does not chain stories
     * together) */
    sc.n = 0;
    for (size_t k = 0; k < c.v.n; k++) {
      uint32_t j = c.v.v[k];
      const td_digest *b = d[j];
      if (a->day != LONG_MIN && b->day != LONG_MIN &&
          labs(a->day - b->day) > p->window_days)
        continue;
      double s = td_combine(td_overlap(a, b, df, n, tw[i], tw[j]),
                            td_minhash_sim(a, b));
      uint32_t st = story_of[j];
      size_t q;
      for (q = 0; q < sc.n && sc.v[q].story != st; q++)
        ;
      if (q == sc.n) {
        td_story_score z = {st, 0, 0, 0};
        td_vec_push(&sc, z);
      }
      sc.v[q].sum += s;
      sc.v[q].count++;
      if (s > sc.v[q].max)
        sc.v[q].max = s;
    }
    double best = 0;
    long beststory = -1;
    for (size_t q = 0; q < sc.n; q++) {
      double s = 0.5 * sc.v[q].max + 0.5 * sc.v[q].sum / sc.v[q].count;
      if (s > best) {
        best = s;
        beststory = sc.v[q].story;
      }
    }
    if (beststory >= 0 && best >= p->threshold)
      story_of[i] = (uint32_t)beststory;
    else
      story_of[i] = (uint32_t)ns++;
    if (n > TD_LK_BRUTE) {
      if (a->has_minhash)
        for (int b = 0; b < TD_LK_BANDS; b++)
          td_index_add(&lsh, td_band_key(a, b), (uint32_t)i);
      for (size_t k = 0; k < nidx; k++)
        td_index_add(&names, rk.v[k].f, (uint32_t)i);
    }
  }
  *nstories = ns;
  td_vec_free(&rk);
  td_vec_free(&sc);
  td_vec_free(&c.v);
  td_free(c.stamp);
  td_free(c.hits);
  td_intmap_free(lsh.head);
  td_vec_free(&lsh.posts);
  td_intmap_free(names.head);
  td_vec_free(&names.posts);
  td_free(tw);
  td_intmap_free(df);
}
