/*
 * coref.c — coreference and clustering scores (coref.h): the contingency
 * table of the two partitions, B-cubed, MUC and the pair counts of the
 * ARI from it, and CEAF-e by the Kuhn–Munkres algorithm on each connected
 * part of the table (clusters that share no item are never aligned with
 * profit, so the table splits into independent, usually small, problems).
 */
#include "coref.h"

#include "../core/core.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

/* ---- Kuhn–Munkres --------------------------------------------------------- */

/* Minimum-cost assignment of n rows to m >= n columns, cost(i, j) given
 * by the callback's matrix; col_of_row[i] receives the column of row i.
 * The shortest-augmenting-path form with potentials, O(n^2 m). */
static void td_km_min(const double *cost, size_t n, size_t m, bool transposed,
                      size_t stride, long *col_of_row) {
  /* 1-based, as in the usual statement: row 0 and column 0 are free */
  double *u = td_calloc(n + 1, sizeof(double));
  double *v = td_calloc(m + 1, sizeof(double));
  double *minv = td_malloc((m + 1) * sizeof(double));
  size_t *p = td_calloc(m + 1, sizeof(size_t)); /* row of column j */
  size_t *way = td_calloc(m + 1, sizeof(size_t));
  bool *used = td_malloc((m + 1) * sizeof(bool));
#define TD_KM_COST(i, j)                                                       \
  (transposed ? cost[((j) - 1) * stride + ((i) - 1)]                           \
              : cost[((i) - 1) * stride + ((j) - 1)])
  for (size_t i = 1; i <= n; i++) {
    p[0] = i;
    size_t j0 = 0;
    for (size_t j = 0; j <= m; j++) {
      minv[j] = DBL_MAX;
      used[j] = false;
    }
    do {
      used[j0] = true;
      size_t i0 = p[j0], j1 = 0;
      double delta = DBL_MAX;
      for (size_t j = 1; j <= m; j++) {
        if (used[j])
          continue;
        double cur = TD_KM_COST(i0, j) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (size_t j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
#undef TD_KM_COST
  for (size_t i = 0; i < n; i++)
    col_of_row[i] = -1;
  for (size_t j = 1; j <= m; j++)
    if (p[j])
      col_of_row[p[j] - 1] = (long)(j - 1);
  td_free(u);
  td_free(v);
  td_free(minv);
  td_free(p);
  td_free(way);
  td_free(used);
}

double td_assign_max(const double *w, size_t rows, size_t cols,
                     long *row_to_col) {
  if (row_to_col)
    for (size_t i = 0; i < rows; i++)
      row_to_col[i] = -1;
  if (!rows || !cols)
    return 0;
  /* maximise w = minimise -w; the smaller side is the rows of the
   * algorithm */
  bool tr = rows > cols;
  size_t n = tr ? cols : rows, m = tr ? rows : cols;
  double *neg = td_malloc(rows * cols * sizeof(double));
  for (size_t k = 0; k < rows * cols; k++)
    neg[k] = -w[k];
  long *col_of = td_malloc(n * sizeof(long));
  td_km_min(neg, n, m, tr, cols, col_of);
  double total = 0;
  for (size_t i = 0; i < n; i++) {
    if (col_of[i] < 0)
      continue;
    size_t r = tr ? (size_t)col_of[i] : i, c = tr ? i : (size_t)col_of[i];
    total += w[r * cols + c];
    if (row_to_col)
      row_to_col[r] = (long)c;
  }
  td_free(col_of);
  td_free(neg);
  return total;
}

/* ---- The contingency table ------------------------------------------------- */

typedef struct td_cr_pair {
  uint32_t a, b;
} td_cr_pair;

static int td_cr_cmp_pair(const void *pa, const void *pb) {
  const td_cr_pair *x = pa, *y = pb;
  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : x->b > y->b;
}

/* Dense ids 0..k-1 for labels[0..n) into ids; returns k. */
static size_t td_cr_dense(const uint32_t *labels, size_t n, uint32_t *ids) {
  td_cr_pair *v = td_malloc((n + 1) * sizeof(*v));
  for (size_t i = 0; i < n; i++) {
    v[i].a = labels[i];
    v[i].b = (uint32_t)i;
  }
  qsort(v, n, sizeof(*v), td_cr_cmp_pair);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (i && v[i].a != v[i - 1].a)
      k++;
    ids[v[i].b] = (uint32_t)k;
  }
  td_free(v);
  return n ? k + 1 : 0;
}

static size_t td_cr_find(size_t *up, size_t x) {
  while (up[x] != x) {
    up[x] = up[up[x]];
    x = up[x];
  }
  return x;
}

static double td_cr_pairs(double k) { return k * (k - 1) / 2; }

/* CEAF-e's aligned similarity: the table's cells (gold, pred, count)
 * split into connected parts, each aligned optimally. */
static double td_cr_ceafe(const td_cr_pair *cell, const uint32_t *count,
                          size_t ncells, const uint32_t *gsize, size_t G,
                          const uint32_t *psize, size_t Pn) {
  size_t N = G + Pn;
  size_t *up = td_malloc((N + 1) * sizeof(size_t));
  for (size_t i = 0; i < N; i++)
    up[i] = i;
  for (size_t c = 0; c < ncells; c++) {
    size_t x = td_cr_find(up, cell[c].a), y = td_cr_find(up, G + cell[c].b);
    if (x != y)
      up[x] = y;
  }
  /* each node's part and its place in the part, each part's sizes */
  size_t *part = td_malloc((N + 1) * sizeof(size_t));
  size_t *local = td_malloc((N + 1) * sizeof(size_t));
  size_t *root_part = td_malloc((N + 1) * sizeof(size_t));
  for (size_t i = 0; i < N; i++)
    root_part[i] = SIZE_MAX;
  size_t nparts = 0;
  for (size_t i = 0; i < N; i++) {
    size_t r = td_cr_find(up, i);
    if (root_part[r] == SIZE_MAX)
      root_part[r] = nparts++;
    part[i] = root_part[r];
  }
  size_t *ng = td_calloc(nparts + 1, sizeof(size_t));
  size_t *np = td_calloc(nparts + 1, sizeof(size_t));
  for (size_t i = 0; i < N; i++)
    local[i] = i < G ? ng[part[i]]++ : np[part[i]]++;
  /* the cells of each part (counting sort) */
  size_t *first = td_calloc(nparts + 2, sizeof(size_t));
  for (size_t c = 0; c < ncells; c++)
    first[part[cell[c].a] + 1]++;
  for (size_t k = 0; k < nparts; k++)
    first[k + 1] += first[k];
  size_t *fill = td_malloc((nparts + 1) * sizeof(size_t));
  memcpy(fill, first, nparts * sizeof(size_t));
  size_t *order = td_malloc((ncells + 1) * sizeof(size_t));
  for (size_t c = 0; c < ncells; c++)
    order[fill[part[cell[c].a]]++] = c;
  double total = 0;
  double *w = NULL;
  size_t wcap = 0;
  for (size_t k = 0; k < nparts; k++) {
    size_t kg = ng[k], kp = np[k];
    if (!kg || !kp)
      continue; /* a cluster alone in its part aligns with nothing */
    double best = 0;
    if (kg == 1 && kp == 1) {
      size_t c = order[first[k]];
      best = 2.0 * count[c] / (gsize[cell[c].a] + psize[cell[c].b]);
    } else {
      if (kg * kp > wcap) {
        wcap = kg * kp;
        td_free(w);
        w = td_malloc(wcap * sizeof(double));
      }
      memset(w, 0, kg * kp * sizeof(double));
      for (size_t q = first[k]; q < first[k + 1]; q++) {
        size_t c = order[q];
        size_t i = local[cell[c].a], j = local[G + cell[c].b];
        w[i * kp + j] =
            2.0 * count[c] / (gsize[cell[c].a] + psize[cell[c].b]);
      }
      best = td_assign_max(w, kg, kp, NULL);
    }
    total += best;
  }
  td_free(w);
  td_free(order);
  td_free(fill);
  td_free(first);
  td_free(ng);
  td_free(np);
  td_free(root_part);
  td_free(local);
  td_free(part);
  td_free(up);
  return total;
}

void td_coref_add(td_coref_acc *acc, const uint32_t *gold,
                  const uint32_t *pred, size_t n) {
  if (!n)
    return;
  uint32_t *g = td_malloc(n * sizeof(uint32_t));
  uint32_t *p = td_malloc(n * sizeof(uint32_t));
  size_t G = td_cr_dense(gold, n, g), Pn = td_cr_dense(pred, n, p);
  uint32_t *gsize = td_calloc(G, sizeof(uint32_t));
  uint32_t *psize = td_calloc(Pn, sizeof(uint32_t));
  uint32_t *gparts = td_calloc(G, sizeof(uint32_t));
  uint32_t *pparts = td_calloc(Pn, sizeof(uint32_t));
  td_cr_pair *cell = td_malloc(n * sizeof(*cell));
  for (size_t i = 0; i < n; i++) {
    gsize[g[i]]++;
    psize[p[i]]++;
    cell[i].a = g[i];
    cell[i].b = p[i];
  }
  qsort(cell, n, sizeof(*cell), td_cr_cmp_pair);
  /* the cells: (gold, pred) with their counts, in place */
  uint32_t *count = td_malloc(n * sizeof(uint32_t));
  size_t nc = 0;
  for (size_t i = 0; i < n; i++) {
    if (nc && cell[nc - 1].a == cell[i].a && cell[nc - 1].b == cell[i].b) {
      count[nc - 1]++;
      continue;
    }
    cell[nc] = cell[i];
    count[nc++] = 1;
  }
  for (size_t c = 0; c < nc; c++) {
    double k = count[c];
    acc->b3_p += k * k / psize[cell[c].b];
    acc->b3_r += k * k / gsize[cell[c].a];
    acc->pairs_both += td_cr_pairs(k);
    gparts[cell[c].a]++;
    pparts[cell[c].b]++;
  }
  for (size_t k = 0; k < G; k++) {
    acc->muc_r_num += gsize[k] - gparts[k];
    acc->muc_r_den += gsize[k] - 1;
    acc->pairs_gold += td_cr_pairs(gsize[k]);
  }
  for (size_t k = 0; k < Pn; k++) {
    acc->muc_p_num += psize[k] - pparts[k];
    acc->muc_p_den += psize[k] - 1;
    acc->pairs_pred += td_cr_pairs(psize[k]);
  }
  acc->ceafe += td_cr_ceafe(cell, count, nc, gsize, G, psize, Pn);
  acc->n += n;
  acc->gold_clusters += G;
  acc->pred_clusters += Pn;
  td_free(count);
  td_free(cell);
  td_free(gparts);
  td_free(pparts);
  td_free(gsize);
  td_free(psize);
  td_free(g);
  td_free(p);
}

static double td_cr_ratio(double num, double den) {
  return den > 0 ? num / den : 0;
}

static td_prf td_cr_prf(double p, double r) {
  td_prf x = {p, r, p + r > 0 ? 2 * p * r / (p + r) : 0};
  return x;
}

void td_coref_finish(const td_coref_acc *acc, td_coref_scores *out) {
  memset(out, 0, sizeof(*out));
  out->n = acc->n;
  out->gold_clusters = acc->gold_clusters;
  out->pred_clusters = acc->pred_clusters;
  out->bcubed = td_cr_prf(td_cr_ratio(acc->b3_p, (double)acc->n),
                          td_cr_ratio(acc->b3_r, (double)acc->n));
  out->muc = td_cr_prf(td_cr_ratio((double)acc->muc_p_num,
                                   (double)acc->muc_p_den),
                       td_cr_ratio((double)acc->muc_r_num,
                                   (double)acc->muc_r_den));
  out->ceafe =
      td_cr_prf(td_cr_ratio(acc->ceafe, (double)acc->pred_clusters),
                td_cr_ratio(acc->ceafe, (double)acc->gold_clusters));
  out->conll = (out->bcubed.f + out->muc.f + out->ceafe.f) / 3;
  /* ARI */
  double all = td_cr_pairs((double)acc->n);
  double a = acc->pairs_gold, b = acc->pairs_pred;
  if (!acc->n) {
    out->ari = 0;
  } else if (acc->n < 2 || (a == b && (a == 0 || a == all))) {
    out->ari = 1;
  } else {
    double expected = a * (b / all);
    double den = (a + b) / 2 - expected;
    out->ari = den > 0 ? (acc->pairs_both - expected) / den : 1;
  }
}

void td_coref_score(const uint32_t *gold, const uint32_t *pred, size_t n,
                    td_coref_scores *out) {
  td_coref_acc acc;
  memset(&acc, 0, sizeof(acc));
  td_coref_add(&acc, gold, pred, n);
  td_coref_finish(&acc, out);
}
