/*
 * coref.h — coreference and clustering scores of a predicted partition
 * against a gold one over the same items: B-cubed (Bagga & Baldwin 1998),
 * MUC (Vilain et al. 1995), CEAF-e (Luo 2005, entity-based, phi4 with an
 * optimal one-to-one alignment found by the Kuhn–Munkres algorithm),
 * their mean F1 (the CoNLL score) and the adjusted Rand index (Hubert &
 * Arabie 1985).
 *
 * Conventions:
 *  - Both partitions cover the same n items (gold and pred mentions are
 *    the same, as when clustering gold mentions); a label is any uint32
 *    value, and items with equal labels are in one cluster.
 *  - Singletons count: a singleton is a cluster like any other in
 *    B-cubed, CEAF-e and the ARI (the usual ECB+ evaluation keeping
 *    singletons). In MUC a singleton has no link, so it adds nothing to
 *    either side.
 *  - A ratio with a zero denominator is 0, as in the CoNLL reference
 *    scorer: MUC recall is 0 when no gold cluster has two items, MUC
 *    precision is 0 when no predicted cluster has two items (so two
 *    all-singleton partitions have MUC 0 although they are the same);
 *    every score of an empty set (n = 0) is 0. F1 = 2PR/(P+R), 0 when
 *    P + R = 0.
 *  - ARI = (index - expected) / (max - expected) with index = sum over
 *    cells of C(n_ij, 2), expected = sum_i C(a_i, 2) sum_j C(b_j, 2) /
 *    C(n, 2), max = (sum_i C(a_i, 2) + sum_j C(b_j, 2)) / 2. When the
 *    denominator is 0 (both partitions all singletons, or both one
 *    cluster, or n = 1) the partitions are the same and ARI = 1 (but 0
 *    for n = 0, as above).
 */
#ifndef TD_COREF_H
#define TD_COREF_H

#include <stddef.h>
#include <stdint.h>

typedef struct td_prf {
  double p, r, f;
} td_prf;

typedef struct td_coref_scores {
  td_prf bcubed, muc, ceafe;
  double conll; /* (bcubed.f + muc.f + ceafe.f) / 3 */
  double ari;
  size_t n, gold_clusters, pred_clusters;
} td_coref_scores;

/* gold[i], pred[i]: the cluster labels of item i, for n items. */
void td_coref_score(const uint32_t *gold, const uint32_t *pred, size_t n,
                    td_coref_scores *out);

/* Micro-averaging over independent sets (topics, documents): each set is
 * added, then the sums give the scores. The clusters of different sets
 * are different clusters (labels are only compared within a set). For
 * every metric the numerators and the denominators are summed: B-cubed
 * over all items, MUC over all links, CEAF-e over all aligned
 * similarities divided by all clusters; the ARI is that of the union of
 * the sets (its pair counts summed, C(n, 2) of the total n). Adding one
 * set and finishing gives td_coref_score's numbers.
 *
 *   td_coref_acc acc = {0};
 *   for each topic: td_coref_add(&acc, gold, pred, n);
 *   td_coref_finish(&acc, &scores);
 */
typedef struct td_coref_acc {
  size_t n, gold_clusters, pred_clusters;
  double b3_p, b3_r;          /* sums over items                  */
  uint64_t muc_p_num, muc_p_den, muc_r_num, muc_r_den;
  double ceafe;               /* sum of aligned phi4              */
  double pairs_both, pairs_gold, pairs_pred; /* sum C(n_ij,2), ... */
} td_coref_acc;

void td_coref_add(td_coref_acc *acc, const uint32_t *gold,
                  const uint32_t *pred, size_t n);
void td_coref_finish(const td_coref_acc *acc, td_coref_scores *out);

/* The Kuhn–Munkres (Hungarian) algorithm: for a rows x cols matrix of
 * weights w (row-major, rows <= cols or not), the one-to-one assignment
 * of rows to columns with the largest total weight. Returns that total;
 * fills row_to_col[rows] (the column of each row, or -1 when rows > cols
 * leaves it out) when it is not NULL. O(k^3) time for k = max(rows,
 * cols), O(k^2) memory. */
double td_assign_max(const double *w, size_t rows, size_t cols,
                     long *row_to_col);

#endif
