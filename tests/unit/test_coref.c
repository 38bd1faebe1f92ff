/*
 * test_coref.c — the coreference and clustering scores (src/eval/coref.c)
 * on cases computed by hand: a perfect partition; all in one cluster
 * against all singletons, both ways; Bagga & Baldwin's (1998) example of
 * two responses that MUC cannot tell apart and B-cubed can; MUC's 0/0
 * cases; the ARI of identical, independent and known partitions (the
 * examples of scikit-learn's documentation, recomputed) and its mean over
 * random partitions (about 0); the micro-averaging accumulator against
 * one set made of the parts; the Kuhn–Munkres assignment against brute
 * force, and CEAF-e against it on random partitions.
 */
#include "eval/coref.h"
#include "check.h"

#include <math.h>

#define NEAR(got, want) (fabs((got) - (want)) < 1e-9)
#define CHECK_NEAR(got, want)                                                  \
  do {                                                                         \
    double g__ = (got), w__ = (want);                                          \
    td_checks++;                                                               \
    if (!NEAR(g__, w__)) {                                                     \
      fprintf(stderr, "%s:%d: %s = %.12g, want %.12g\n", __FILE__, __LINE__,   \
              #got, g__, w__);                                                 \
      td_failures++;                                                           \
    }                                                                          \
  } while (0)

static void check_prf(td_prf x, double p, double r) {
  CHECK_NEAR(x.p, p);
  CHECK_NEAR(x.r, r);
  CHECK_NEAR(x.f, p + r > 0 ? 2 * p * r / (p + r) : 0);
}

static void test_perfect(void) {
  const uint32_t gold[] = {0, 0, 1, 1, 1, 2, 3, 3};
  const uint32_t pred[] = {7, 7, 3, 3, 3, 9, 100, 100}; /* other labels */
  td_coref_scores s;
  td_coref_score(gold, pred, 8, &s);
  check_prf(s.bcubed, 1, 1);
  check_prf(s.muc, 1, 1);
  check_prf(s.ceafe, 1, 1);
  CHECK_NEAR(s.conll, 1);
  CHECK_NEAR(s.ari, 1);
  CHECK_INT(s.n, 8);
  CHECK_INT(s.gold_clusters, 4);
  CHECK_INT(s.pred_clusters, 4);
}

/* Four items: all singletons (gold) against one cluster (pred), and back.
 * B-cubed: each item's precision 1/4, recall 1. MUC: no gold link, so
 * recall is 0/0 = 0; precision (4 - 4) / 3 = 0. CEAF-e: phi4 of a
 * singleton and the cluster of four is 2/5, one pair aligns: P = 0.4/1,
 * R = 0.4/4. ARI: 0 (no pair together in both; the expected index is 0). */
static void test_one_vs_singletons(void) {
  const uint32_t single[] = {0, 1, 2, 3}, one[] = {5, 5, 5, 5};
  td_coref_scores s;
  td_coref_score(single, one, 4, &s);
  check_prf(s.bcubed, 0.25, 1);
  check_prf(s.muc, 0, 0);
  check_prf(s.ceafe, 0.4, 0.1);
  CHECK_NEAR(s.ceafe.f, 0.16);
  CHECK_NEAR(s.conll, (0.4 + 0 + 0.16) / 3);
  CHECK_NEAR(s.ari, 0);
  CHECK_INT(s.gold_clusters, 4);
  CHECK_INT(s.pred_clusters, 1);
  td_coref_score(one, single, 4, &s);
  check_prf(s.bcubed, 1, 0.25);
  check_prf(s.muc, 0, 0); /* recall (4 - 4) / 3; precision 0/0 */
  check_prf(s.ceafe, 0.1, 0.4);
  CHECK_NEAR(s.ari, 0);
  /* both all singletons, both one cluster: the same partitions; MUC 0/0 */
  td_coref_score(single, single, 4, &s);
  check_prf(s.bcubed, 1, 1);
  check_prf(s.muc, 0, 0);
  check_prf(s.ceafe, 1, 1);
  CHECK_NEAR(s.ari, 1);
  td_coref_score(one, one, 4, &s);
  check_prf(s.bcubed, 1, 1);
  check_prf(s.muc, 1, 1);
  check_prf(s.ceafe, 1, 1);
  CHECK_NEAR(s.ari, 1);
  /* nothing to score */
  td_coref_score(NULL, NULL, 0, &s);
  check_prf(s.bcubed, 0, 0);
  CHECK_NEAR(s.conll, 0);
  CHECK_NEAR(s.ari, 0);
  /* one item */
  td_coref_score(one, single, 1, &s);
  check_prf(s.bcubed, 1, 1);
  check_prf(s.ceafe, 1, 1);
  CHECK_NEAR(s.ari, 1);
}

/* Bagga & Baldwin (1998), figure 2: truth {1-5} {6,7} {8-12}; response A
 * joins {6,7} with {8-12}, response B joins {1-5} with {8-12}. MUC gives
 * both P 9/10 (links: response 4 + 6 = 10 (A) or 9 + 1 (B), of which 9
 * are right), R 1; B-cubed tells them apart: P(A) = (5 + 2 * 2/7 + 5 *
 * 5/7) / 12 = 16/21 (their 76%), P(B) = (10 * 5/10 + 2) / 12 = 7/12 (their
 * 58%). CEAF-e: A aligns {1-5}-{1-5} (1) and {8-12}-{6-12} (2*5/12), so
 * Phi = 11/6, P = 11/12, R = 11/18; B aligns {6,7}-{6,7} (1) and one of
 * {1-5}, {8-12} with {1-5,8-12} (2*5/15), Phi = 5/3, P = 5/6, R = 5/9.
 * ARI(A): index 10 + 1 + 10 = 21, gold pairs 21, response pairs 10 + 21 =
 * 31, C(12,2) = 66: (21 - 21*31/66) / (26 - 21*31/66) = 735/1065 = 49/71. */
static void test_bagga_baldwin(void) {
  const uint32_t truth[12] = {1, 1, 1, 1, 1, 2, 2, 3, 3, 3, 3, 3};
  const uint32_t a[12] = {1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2};
  const uint32_t b[12] = {1, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1};
  td_coref_scores s;
  td_coref_score(truth, a, 12, &s);
  check_prf(s.muc, 0.9, 1);
  check_prf(s.bcubed, 16.0 / 21, 1);
  check_prf(s.ceafe, 11.0 / 12, 11.0 / 18);
  CHECK_NEAR(s.ceafe.f, 11.0 / 15);
  CHECK_NEAR(s.conll, (s.muc.f + s.bcubed.f + s.ceafe.f) / 3);
  CHECK_NEAR(s.ari, 49.0 / 71);
  td_coref_score(truth, b, 12, &s);
  check_prf(s.muc, 0.9, 1);
  check_prf(s.bcubed, 7.0 / 12, 1);
  check_prf(s.ceafe, 5.0 / 6, 5.0 / 9);
}

/* MUC with singletons: a gold pair split (recall 0/1) while the response
 * has no link (precision 0/0 = 0); the pair kept and a singleton joined
 * (recall 1/1, precision 1/2). */
static void test_muc_singletons(void) {
  const uint32_t gold[] = {0, 0, 1};
  const uint32_t split[] = {0, 1, 2}, joined[] = {4, 4, 4};
  td_coref_scores s;
  td_coref_score(gold, split, 3, &s);
  check_prf(s.muc, 0, 0);
  /* B-cubed: precision 1 everywhere; recall 1/2, 1/2, 1 */
  check_prf(s.bcubed, 1, 2.0 / 3);
  td_coref_score(gold, joined, 3, &s);
  check_prf(s.muc, 0.5, 1);
  /* B-cubed: precision 2/3, 2/3, 1/3; recall 1 */
  check_prf(s.bcubed, 5.0 / 9, 1);
}

static uint64_t rng = 88172645463325252ULL;
static uint32_t rnd(uint32_t k) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)(rng % k);
}

/* The ARI of known cases (scikit-learn's documentation examples,
 * recomputed by hand: [0,0,1,1] vs [0,0,1,2]: index 1, gold pairs 2,
 * pred pairs 1, expected 1/3, max 3/2: (2/3) / (7/6) = 4/7; vs [0,1,0,1]:
 * index 0, expected 2/3, max 2: -1/2) and over random partitions, whose
 * mean is about 0. */
static void test_ari(void) {
  const uint32_t g[] = {0, 0, 1, 1}, p1[] = {0, 0, 1, 2}, p2[] = {0, 1, 0, 1};
  td_coref_scores s;
  td_coref_score(g, p1, 4, &s);
  CHECK_NEAR(s.ari, 4.0 / 7);
  td_coref_score(p1, g, 4, &s);
  CHECK_NEAR(s.ari, 4.0 / 7);
  td_coref_score(g, p2, 4, &s);
  CHECK_NEAR(s.ari, -0.5);
  double sum = 0;
  int trials = 2000;
  uint32_t a[60], b[60];
  for (int t = 0; t < trials; t++) {
    for (int i = 0; i < 60; i++) {
      a[i] = rnd(6);
      b[i] = rnd(6);
    }
    td_coref_score(a, b, 60, &s);
    CHECK(s.ari >= -1 && s.ari <= 1);
    sum += s.ari;
  }
  double mean = sum / trials;
  fprintf(stderr, "mean ARI of %d random pairs of partitions: %.5f\n", trials,
          mean);
  CHECK(fabs(mean) < 0.005);
}

/* Two sets added to an accumulator score as one set made of both with
 * disjoint labels. */
static void test_micro(void) {
  uint32_t g1[30], p1[30], g2[20], p2[20], g[50], p[50];
  for (int rep = 0; rep < 50; rep++) {
    for (int i = 0; i < 30; i++) {
      g1[i] = g[i] = rnd(8);
      p1[i] = p[i] = rnd(5);
    }
    for (int i = 0; i < 20; i++) {
      g2[i] = rnd(4);
      p2[i] = rnd(9);
      g[30 + i] = g2[i] + 1000;
      p[30 + i] = p2[i] + 1000;
    }
    td_coref_acc acc;
    memset(&acc, 0, sizeof(acc));
    td_coref_add(&acc, g1, p1, 30);
    td_coref_add(&acc, g2, p2, 20);
    td_coref_scores m, one;
    td_coref_finish(&acc, &m);
    td_coref_score(g, p, 50, &one);
    CHECK_NEAR(m.bcubed.f, one.bcubed.f);
    CHECK_NEAR(m.muc.p, one.muc.p);
    CHECK_NEAR(m.muc.r, one.muc.r);
    CHECK_NEAR(m.ceafe.p, one.ceafe.p);
    CHECK_NEAR(m.ceafe.r, one.ceafe.r);
    CHECK_NEAR(m.conll, one.conll);
    CHECK_NEAR(m.ari, one.ari);
    CHECK_INT(m.n, 50);
    CHECK_INT(m.gold_clusters, one.gold_clusters);
    CHECK_INT(m.pred_clusters, one.pred_clusters);
  }
}

/* The best assignment by trying every permutation of the columns (rows
 * <= cols <= 7). */
static double brute(const double *w, size_t rows, size_t cols, size_t row,
                    unsigned used) {
  if (row == rows)
    return 0;
  double best = -1e300;
  for (size_t j = 0; j < cols; j++) {
    if (used & (1u << j))
      continue;
    double v = w[row * cols + j] + brute(w, rows, cols, row + 1, used | 1u << j);
    if (v > best)
      best = v;
  }
  return best;
}

static void test_assign(void) {
  const double w[9] = {4, 1, 3, 2, 0, 5, 3, 2, 2};
  long rc[3];
  CHECK_NEAR(td_assign_max(w, 3, 3, rc), 11);
  CHECK_INT(rc[0], 0);
  CHECK_INT(rc[1], 2);
  CHECK_INT(rc[2], 1);
  /* rectangular, both ways: rows 2 x cols 3 and its transpose */
  const double r[6] = {1, 5, 2, 4, 6, 1};
  long r2[2];
  CHECK_NEAR(td_assign_max(r, 2, 3, r2), 9); /* 5 + 4 */
  CHECK_INT(r2[0], 1);
  CHECK_INT(r2[1], 0);
  const double t[6] = {1, 4, 5, 6, 2, 1};
  long t3[3];
  CHECK_NEAR(td_assign_max(t, 3, 2, t3), 9); /* rows 1 and 0 */
  CHECK_INT(t3[0], 1);
  CHECK_INT(t3[1], 0);
  CHECK_INT(t3[2], -1);
  CHECK_NEAR(td_assign_max(w, 0, 3, NULL), 0);
  /* random matrices against brute force */
  double m[49], mt[49];
  for (int rep = 0; rep < 300; rep++) {
    size_t rows = 1 + rnd(7), cols = 1 + rnd(7);
    for (size_t k = 0; k < rows * cols; k++)
      m[k] = rnd(4) ? rnd(1000) / 997.0 : 0;
    for (size_t i = 0; i < rows; i++)
      for (size_t j = 0; j < cols; j++)
        mt[j * rows + i] = m[i * cols + j];
    double want = rows <= cols ? brute(m, rows, cols, 0, 0)
                               : brute(mt, cols, rows, 0, 0);
    long map[7];
    double got = td_assign_max(m, rows, cols, map);
    CHECK_NEAR(got, want);
    /* the assignment is one-to-one and sums to the total */
    double sum = 0;
    unsigned seen = 0;
    for (size_t i = 0; i < rows; i++) {
      if (map[i] < 0)
        continue;
      CHECK(!(seen & (1u << map[i])));
      seen |= 1u << map[i];
      sum += m[i * cols + (size_t)map[i]];
    }
    CHECK_NEAR(sum, got);
  }
}

/* CEAF-e against the brute-force best alignment of the phi4 table. */
static void test_ceafe_random(void) {
  for (int rep = 0; rep < 300; rep++) {
    uint32_t g[12], p[12];
    size_t n = 1 + rnd(12);
    uint32_t kg = 1 + rnd(6), kp = 1 + rnd(6);
    for (size_t i = 0; i < n; i++) {
      g[i] = rnd(kg);
      p[i] = rnd(kp);
    }
    /* the table, over the labels used */
    double gs[6] = {0}, ps[6] = {0}, c[36] = {0}, phi[36];
    for (size_t i = 0; i < n; i++) {
      gs[g[i]]++;
      ps[p[i]]++;
      c[g[i] * 6 + p[i]]++;
    }
    uint32_t gi[6], pj[6], ng = 0, np = 0;
    for (uint32_t k = 0; k < 6; k++) {
      if (gs[k])
        gi[ng++] = k;
      if (ps[k])
        pj[np++] = k;
    }
    for (uint32_t i = 0; i < ng; i++)
      for (uint32_t j = 0; j < np; j++)
        phi[i * np + j] =
            2 * c[gi[i] * 6 + pj[j]] / (gs[gi[i]] + ps[pj[j]]);
    double best;
    if (ng <= np) {
      best = brute(phi, ng, np, 0, 0);
    } else {
      double t[36];
      for (uint32_t i = 0; i < ng; i++)
        for (uint32_t j = 0; j < np; j++)
          t[j * ng + i] = phi[i * np + j];
      best = brute(t, np, ng, 0, 0);
    }
    td_coref_scores s;
    td_coref_score(g, p, n, &s);
    CHECK_INT(s.gold_clusters, ng);
    CHECK_INT(s.pred_clusters, np);
    CHECK_NEAR(s.ceafe.p, best / np);
    CHECK_NEAR(s.ceafe.r, best / ng);
    CHECK(s.bcubed.p > 0 && s.bcubed.p <= 1 + 1e-12);
    CHECK(s.muc.r >= 0 && s.muc.r <= 1);
  }
}

/* A corpus-sized case: 4000 items in about 1500 gold clusters, the response a
 * noisy copy; quick, and the scores in range. */
static void test_size(void) {
  static uint32_t g[4000], p[4000];
  for (size_t i = 0; i < 4000; i++) {
    g[i] = rnd(1500);
    p[i] = rnd(10) ? g[i] : rnd(1500);
  }
  td_coref_scores s;
  td_coref_score(g, p, 4000, &s);
  CHECK(s.conll > 0.8 && s.conll < 1);
  CHECK(s.ari > 0.5 && s.ari < 1);
  fprintf(stderr, "4000 items: B3 %.3f MUC %.3f CEAF-e %.3f CoNLL %.3f "
                  "ARI %.3f\n",
          s.bcubed.f, s.muc.f, s.ceafe.f, s.conll, s.ari);
}

int main(void) {
  test_perfect();
  test_one_vs_singletons();
  test_bagga_baldwin();
  test_muc_singletons();
  test_ari();
  test_micro();
  test_assign();
  test_ceafe_random();
  test_size();
  return td_check_done("test_coref");
}
