/*
 * ecb.c — `tidings eval ecb`: cross-document linking scored on ECB+. For
 * each topic directory, the documents are annotated and grouped into
 * stories exactly as `tidings stories` groups them (no story dates: ECB+
 * has none); the stories are scored against the two seminal events of the
 * topic (the ecb and the ecbplus files) with B-cubed and the adjusted Rand
 * index. The annotated action mentions are then clustered across the
 * topic's documents: two mentions corefer when their documents share a
 * story and their heads have the same lemma (WordNet's irregular forms,
 * then regular suffixes); scored with B-cubed, MUC, CEAF-e and CoNLL F1,
 * beside the same-lemma baseline over the whole topic. Scores are
 * micro-averaged over topics.
 */
#include "../ctx.h"
#include "../link/link.h"
#include "../read/ecbxml.h"
#include "coref.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static int td_name_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names in dir that satisfy keep(). */
static size_t td_list(const char *dir, bool want_dirs, char ***out) {
  DIR *d = opendir(dir);
  *out = NULL;
  if (!d)
    return 0;
  TD_VEC(char *) v = {0};
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.')
      continue;
    char p[4096];
    snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(p, &st) != 0)
      continue;
    size_t n = strlen(e->d_name);
    if (want_dirs ? S_ISDIR(st.st_mode)
                  : S_ISREG(st.st_mode) && n > 4 &&
                        !strcmp(e->d_name + n - 4, ".xml"))
      td_vec_push(&v, td_strdup(e->d_name));
  }
  closedir(d);
  if (v.n)
    qsort(v.v, v.n, sizeof(char *), td_name_cmp);
  *out = v.v;
  return v.n;
}

static void td_free_list(char **v, size_t n) {
  for (size_t i = 0; i < n; i++)
    td_free(v[i]);
  td_free(v);
}

/* form -> index + 1 into the exception lists (verbs first). */
static td_strmap *td_exc_map(const td_ctx *ctx) {
  td_strmap *m = td_strmap_new();
  if (!ctx->dicts)
    return m;
  const td_exc_list *lists[2] = {&ctx->wordnet.verb, &ctx->wordnet.noun};
  uint32_t base = 0;
  for (int l = 0; l < 2; l++) {
    for (size_t i = 0; i < lists[l]->n; i++) {
      const char *f = lists[l]->v[i].form;
      uint32_t have;
      if (!td_strmap_get(m, f, strlen(f), &have))
        td_strmap_put(m, f, strlen(f), base + (uint32_t)i + 1);
    }
    base += (uint32_t)lists[l]->n;
  }
  return m;
}

/* The lemma of a head word (lower case) into out (64 bytes). */
static void td_lemma(const td_ctx *ctx, const td_strmap *exc, const char *w,
                     size_t n, char out[64]) {
  size_t k = 0;
  for (size_t i = 0; i < n && k < 63; i++)
    out[k++] = (char)tolower((unsigned char)w[i]);
  out[k] = 0;
  uint32_t idx;
  if (td_strmap_get(exc, out, k, &idx)) {
    size_t nv = ctx->wordnet.verb.n;
    const char *b = idx - 1 < nv ? ctx->wordnet.verb.v[idx - 1].base
                                 : ctx->wordnet.noun.v[idx - 1 - nv].base;
    snprintf(out, 64, "%s", b);
    return;
  }
  /* regular endings */
  if (k > 5 && !strcmp(out + k - 3, "ing"))
    out[k - 3] = 0;
  else if (k > 4 && !strcmp(out + k - 3, "ied"))
    strcpy(out + k - 3, "y");
  else if (k > 4 && !strcmp(out + k - 2, "ed"))
    out[k - 2] = 0;
  else if (k > 4 && !strcmp(out + k - 3, "ies"))
    strcpy(out + k - 3, "y");
  else if (k > 3 && out[k - 1] == 's' && out[k - 2] != 's')
    out[k - 1] = 0;
  /* "arrested" and "arrest", "shooting" and "shoot" meet; a doubled final
   * consonant left by -ed/-ing ("stopped") is made single */
  k = strlen(out);
  if (k > 3 && out[k - 1] == out[k - 2] && !strchr("aeiousl", out[k - 1]))
    out[k - 1] = 0;
  /* a final silent e ("shooting" vs "shoot" is fine; "shake"/"shaking") */
  k = strlen(out);
  if (k > 3 && out[k - 1] == 'e')
    out[k - 1] = 0;
}

/* Interns key strings as small labels. */
static uint32_t td_label(td_strmap *m, const char *key) {
  uint32_t v;
  if (td_strmap_get(m, key, strlen(key), &v))
    return v;
  v = (uint32_t)td_strmap_count(m);
  td_strmap_put(m, key, strlen(key), v);
  return v;
}

static void td_ecb_print(void *ud, const td_diag *d) {
  (void)ud;
  td_diag_print(d, stderr);
}

static void td_ecb_prf(FILE *f, const char *name, td_prf p) {
  fprintf(f, "  %-8s P %.4f  R %.4f  F1 %.4f\n", name, p.p, p.r, p.f);
}

int td_eval_ecb(const td_ctx *ctx, const char *dir, const td_link_opts *lo,
                unsigned flags, FILE *report, td_ecb_scores *out) {
  memset(out, 0, sizeof(*out));
  char **topics;
  size_t ntopics = td_list(dir, true, &topics);
  if (!ntopics) {
    fprintf(stderr, "tidings: %s: no topic directories\n", dir);
    return -1;
  }
  td_strmap *exc = td_exc_map(ctx);
  td_coref_acc docs_acc = {0}, ev_acc = {0}, base_acc = {0};
  int rc = 0;
  for (size_t t = 0; t < ntopics; t++) {
    char tdir[4096];
    snprintf(tdir, sizeof(tdir), "%s/%s", dir, topics[t]);
    char **files;
    size_t nfiles = td_list(tdir, false, &files);
    if (!nfiles)
      continue;
    td_ecb_doc *docs = td_calloc(nfiles, sizeof(td_ecb_doc));
    td_diag err;
    td_collection *c = td_collection_new(ctx, lo, &err);
    if (!c) {
      td_diag_print(&err, stderr);
      rc = -1;
      break;
    }
    size_t nd = 0;
    TD_VEC(uint32_t) gold_doc = {0};
    for (size_t f = 0; f < nfiles; f++) {
      char path[8192];
      snprintf(path, sizeof(path), "%s/%s", tdir, files[f]);
      if (td_ecb_read(&docs[nd], path, td_ecb_print, NULL) != 0) {
        rc = -1;
        continue;
      }
      td_read_opts ro = {0};
      ro.format = TD_FORMAT_TEXT;
      td_reader *r = td_reader_new(ctx, &ro);
      td_reader_add_mem(r, docs[nd].name, docs[nd].text, docs[nd].len);
      td_doc *doc;
      td_diag dg;
      int got = td_reader_next(r, &doc, &dg);
      if (got == TD_DOC) {
        td_doc_annotate(doc, ctx);
        td_collection_add(c, doc);
        td_doc_free(doc);
        td_vec_push(&gold_doc, docs[nd].plus ? 1u : 0u);
        nd++;
      } else {
        if (got == TD_REFUSED)
          td_diag_print(&dg, stderr);
        td_ecb_doc_free(&docs[nd]);
        rc = -1;
      }
      td_reader_free(r);
    }
    td_collection_link(c);
    /* documents into seminal events */
    uint32_t *pred_doc = td_calloc(nd + 1, sizeof(uint32_t));
    for (size_t i = 0; i < nd; i++)
      pred_doc[i] = (uint32_t)td_collection_story_of(c, i);
    td_coref_add(&docs_acc, gold_doc.v, pred_doc, nd);
    /* action mentions across the topic */
    td_strmap *gl = td_strmap_new(), *pl = td_strmap_new(),
              *bl = td_strmap_new();
    TD_VEC(uint32_t) g = {0}, p = {0}, b = {0};
    for (size_t i = 0; i < nd; i++)
      for (size_t m = 0; m < docs[i].nments; m++) {
        const td_ecb_mention *mn = &docs[i].ments[m];
        if (!td_ecb_is_action(mn->kind))
          continue;
        const td_span *hd = &docs[i].toks[mn->first];
        char lemma[64], key[96];
        td_lemma(ctx, exc, docs[i].text + hd->start, hd->end - hd->start,
                 lemma);
        td_vec_push(&g, td_label(gl, mn->cluster));
        snprintf(key, sizeof(key), "%u/%s", pred_doc[i], lemma);
        td_vec_push(&p, td_label(pl, key));
        td_vec_push(&b, td_label(bl, lemma));
      }
    td_coref_add(&ev_acc, g.v, p.v, g.n);
    td_coref_add(&base_acc, g.v, b.v, g.n);
    if (flags & TD_EVAL_PER_FILE) {
      td_coref_scores s1, s2;
      td_coref_score(gold_doc.v, pred_doc, nd, &s1);
      td_coref_score(g.v, p.v, g.n, &s2);
      fprintf(report,
              "topic %-4s %3zu documents -> %2zu stories  B3 F1 %.3f  ARI "
              "%.3f  | %4zu actions  CoNLL F1 %.3f\n",
              topics[t], nd, td_collection_nstories(c), s1.bcubed.f, s1.ari,
              g.n, s2.conll);
    }
    out->topics++;
    out->docs += (long)nd;
    out->actions += (long)g.n;
    td_strmap_free(gl);
    td_strmap_free(pl);
    td_strmap_free(bl);
    td_vec_free(&g);
    td_vec_free(&p);
    td_vec_free(&b);
    td_free(pred_doc);
    td_vec_free(&gold_doc);
    td_collection_free(c);
    for (size_t i = 0; i < nd; i++)
      td_ecb_doc_free(&docs[i]);
    td_free(docs);
    td_free_list(files, nfiles);
  }
  td_coref_scores ds, es, bs;
  td_coref_finish(&docs_acc, &ds);
  td_coref_finish(&ev_acc, &es);
  td_coref_finish(&base_acc, &bs);
  out->doc_b3_p = ds.bcubed.p;
  out->doc_b3_r = ds.bcubed.r;
  out->doc_b3_f = ds.bcubed.f;
  out->doc_ari = ds.ari;
  out->ev_b3_f = es.bcubed.f;
  out->ev_muc_f = es.muc.f;
  out->ev_ceafe_f = es.ceafe.f;
  out->ev_conll = es.conll;
  out->base_conll = bs.conll;
  fprintf(report, "ECB+ %s: %ld topics, %ld documents, %ld action mentions\n",
          dir, out->topics, out->docs, out->actions);
  fprintf(report, "documents into seminal events (stories):\n");
  td_ecb_prf(report, "B-cubed", ds.bcubed);
  fprintf(report, "  ARI      %.4f\n", ds.ari);
  fprintf(report, "cross-document event coreference (gold action mentions; "
                  "same story and lemma):\n");
  td_ecb_prf(report, "B-cubed", es.bcubed);
  td_ecb_prf(report, "MUC", es.muc);
  td_ecb_prf(report, "CEAF-e", es.ceafe);
  fprintf(report, "  CoNLL F1 %.4f  (same-lemma baseline over the topic: "
                  "%.4f)\n",
          es.conll, bs.conll);
  td_strmap_free(exc);
  td_free_list(topics, ntopics);
  return rc;
}
