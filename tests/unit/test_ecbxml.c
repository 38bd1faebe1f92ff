/*
 * test_ecbxml.c — the ECB+ reader (src/read/ecbxml.c) on documents
 * written here: the text joined from the tokens (entities decoded,
 * punctuation and clitics against their neighbours, one line per
 * sentence), the anchored mentions in text order with their clusters
 * (cross-document note, intra-document target, singleton), problems
 * reported with their line and byte while the rest is read, unusable
 * inputs refused; and every file of ../shared/corpora/ecbplus read with
 * no problem and the counts printed.
 */
#include "read/ecbxml.h"
#include "check.h"
#include "shared.h"

#include <dirent.h>

static char reports[8192];
static long nreports;

static void collect(void *ud, const td_diag *d) {
  (void)ud;
  size_t n = strlen(reports);
  snprintf(reports + n, sizeof(reports) - n, "%ld@%lld:%s\n", d->line,
           d->byte, d->msg);
  nreports++;
}

static void reset(void) {
  reports[0] = 0;
  nreports = 0;
}

/* True when a report at `line` says `what` (its byte in *byte). */
static bool reported(long line, const char *what, long long *byte) {
  char head[32];
  int k = snprintf(head, sizeof(head), "%ld@", line);
  for (const char *r = reports; *r;) {
    const char *nl = strchr(r, '\n');
    size_t n = nl ? (size_t)(nl - r) : strlen(r);
    char one[1024];
    snprintf(one, sizeof(one), "%.*s", (int)n, r);
    if (!strncmp(one, head, (size_t)k) && strstr(one, what)) {
      if (byte)
        *byte = atoll(one + k);
      return true;
    }
    r += n + (nl ? 1 : 0);
  }
  return false;
}

static int parse(td_ecb_doc *d, const char *path, const char *xml) {
  reset();
  return td_ecb_parse(d, path, xml, strlen(xml), collect, NULL);
}

/* The text of token i, of mention i. */
static const char *tok(const td_ecb_doc *d, size_t i) {
  static char b[256];
  snprintf(b, sizeof(b), "%.*s", (int)(d->toks[i].end - d->toks[i].start),
           d->text + d->toks[i].start);
  return b;
}

static const char *ment(const td_ecb_doc *d, size_t i) {
  static char b[256];
  snprintf(b, sizeof(b), "%.*s", (int)(d->ments[i].end - d->ments[i].start),
           d->text + d->ments[i].start);
  return b;
}

static const char *const good =
    "<Document doc_name=\"3_7ecbplus.xml\" doc_id=\"DOC1\">\n" /* 1 */
    "<token t_id=\"1\" sentence=\"0\" number=\"0\">Smith</token>\n"
    "<token t_id=\"2\" sentence=\"0\" number=\"1\">'s</token>\n"
    "<token t_id=\"3\" sentence=\"0\" number=\"2\">AT&amp;T</token>\n"
    "<token t_id=\"4\" sentence=\"0\" number=\"3\">did</token>\n" /* 5 */
    "<token t_id=\"5\" sentence=\"0\" number=\"4\">n't</token>\n"
    "<token t_id=\"6\" sentence=\"0\" number=\"5\">fire</token>\n"
    "<token t_id=\"7\" sentence=\"0\" number=\"6\">(</token>\n"
    "<token t_id=\"8\" sentence=\"0\" number=\"7\">&#233;lan</token>\n"
    "<token t_id=\"9\" sentence=\"0\" number=\"8\">)</token>\n" /* 10 */
    "<token t_id=\"10\" sentence=\"0\" number=\"9\">,</token>\n"
    "<token t_id=\"11\" sentence=\"0\" number=\"10\">&quot;</token>\n"
    "<token t_id=\"12\" sentence=\"0\" number=\"11\">x &lt;\n y&gt;</token>\n"
    "<token t_id=\"13\" sentence=\"0\" number=\"12\">&quot;</token>\n"
    "<token t_id=\"14\" sentence=\"0\" number=\"13\">.</token>\n" /* 16 */
    "<token t_id=\"15\" sentence=\"1\" number=\"0\">``</token>\n"
    "<token t_id=\"16\" sentence=\"1\" number=\"1\">He</token>\n"
    "<token t_id=\"17\" sentence=\"1\" number=\"2\">\t</token>\n"
    "<token t_id=\"18\" sentence=\"1\" number=\"3\">paid</token>\n"
    "<token t_id=\"19\" sentence=\"1\" number=\"4\">$</token>\n" /* 21 */
    "<token t_id=\"20\" sentence=\"1\" number=\"5\">5&#x2019;s</token>\n"
    "<token t_id=\"21\" sentence=\"1\" number=\"6\">''</token>\n"
    "<!-- a comment -->\n"
    "<Markables>\n" /* 25 */
    "<ACTION_OCCURRENCE m_id=\"30\"  >\n"
    "  <token_anchor t_id=\"18\"/>\n"
    "</ACTION_OCCURRENCE>\n"
    "<NEG_ACTION_OCCURRENCE m_id=\"31\">\n"
    "  <token_anchor t_id=\"6\"/>\n"
    "  <token_anchor t_id=\"4\"/>\n"
    "  <token_anchor t_id=\"5\"/>\n" /* 32 */
    "</NEG_ACTION_OCCURRENCE>\n"
    "<HUMAN_PART_PER m_id=\"32\"><token_anchor t_id=\"1\"/></HUMAN_PART_PER>\n"
    "<HUMAN_PART_PER m_id=\"33\"><token_anchor t_id=\"16\"/></HUMAN_PART_PER>\n"
    "<NON_HUMAN_PART m_id=\"34\"><token_anchor t_id=\"3\"/></NON_HUMAN_PART>\n"
    "<HUMAN_PART_PER m_id=\"40\" RELATED_TO=\"\" TAG_DESCRIPTOR=\"t3_smith\" "
    "instance_id=\"HUM1\" />\n"
    "<UNKNOWN_INSTANCE_TAG m_id=\"41\" RELATED_TO=\"\" TAG_DESCRIPTOR=\"\" />\n"
    "</Markables>\n"
    "<Relations>\n"
    "<CROSS_DOC_COREF r_id=\"1\" note=\"HUM1\" >\n" /* 41 */
    "  <source m_id=\"32\" />\n"
    "  <target m_id=\"40\" />\n"
    "</CROSS_DOC_COREF>\n"
    "<INTRA_DOC_COREF r_id=\"2\" >\n"
    "<source m_id=\"33\" />\n"
    "<source m_id=\"30\" />\n"
    "<target m_id=\"41\" />\n"
    "</INTRA_DOC_COREF>\n"
    "<CROSS_DOC_COREF r_id=\"3\" note=\"ACT9\" >\n"
    "  <source m_id=\"30\" />\n"
    "  <target m_id=\"99\" />\n" /* 52 */
    "</CROSS_DOC_COREF>\n"
    "<PLOT_LINK r_id=\"4\"><source m_id=\"30\"/><target m_id=\"31\"/>"
    "</PLOT_LINK>\n"
    "</Relations>\n"
    "</Document>\n";

static void test_good(void) {
  td_ecb_doc d;
  CHECK_INT(parse(&d, "dir/3_7ecbplus.xml", good), 0);
  /* one problem: the target m_id 99 of the second CROSS_DOC_COREF */
  CHECK_INT(nreports, 1);
  CHECK(reported(52, "no markable has m_id 99", NULL));
  fprintf(stderr, "%s", reports);
  CHECK(strstr(reports, "no markable has m_id 99") != NULL);
  CHECK_INT(d.problems, 1);
  CHECK_STR(d.name, "3_7ecbplus.xml");
  CHECK_STR(d.doc_id, "DOC1");
  CHECK_INT(d.topic, 3);
  CHECK(d.plus);
  CHECK_STR(d.text, "Smith's AT&T didn't fire (\xC3\xA9lan), \"x < y>\".\n"
                    "``He paid $5\xE2\x80\x99s''");
  CHECK_INT(d.len, strlen(d.text));
  CHECK_INT(d.ntoks, 21);
  CHECK_STR(tok(&d, 2), "AT&T");
  CHECK_STR(tok(&d, 11), "x < y>");
  CHECK_STR(tok(&d, 16), ""); /* the tab */
  CHECK_INT(d.toks[16].start, d.toks[17].start - 1);
  CHECK_STR(tok(&d, 19), "5\xE2\x80\x99s");
  CHECK_INT(d.tok_sentence[13], 0);
  CHECK_INT(d.tok_sentence[14], 1);
  CHECK_INT(d.nments, 5);
  if (d.nments == 5) {
    /* text order */
    CHECK_STR(d.ments[0].kind, "HUMAN_PART_PER");
    CHECK_STR(ment(&d, 0), "Smith");
    CHECK_STR(d.ments[0].cluster, "HUM1");
    CHECK_STR(d.ments[1].kind, "NON_HUMAN_PART");
    CHECK_STR(d.ments[1].cluster, "3_7ecbplus.xml#34");
    CHECK_STR(d.ments[2].kind, "NEG_ACTION_OCCURRENCE");
    CHECK_INT(d.ments[2].first, 3);
    CHECK_INT(d.ments[2].last, 5);
    CHECK_STR(ment(&d, 2), "didn't fire");
    CHECK_STR(d.ments[2].m_id, "31");
    CHECK_STR(d.ments[3].kind, "HUMAN_PART_PER");
    CHECK_STR(d.ments[3].cluster, "3_7ecbplus.xml#41");
    CHECK_STR(d.ments[4].kind, "ACTION_OCCURRENCE");
    CHECK_STR(ment(&d, 4), "paid");
    /* CROSS_DOC_COREF before INTRA_DOC_COREF, whatever the order */
    CHECK_STR(d.ments[4].cluster, "ACT9");
    CHECK(td_ecb_is_action(d.ments[2].kind));
    CHECK(td_ecb_is_action(d.ments[4].kind));
    CHECK(!td_ecb_is_action(d.ments[3].kind));
  }
  td_ecb_doc_free(&d);
  CHECK(d.text == NULL && d.nments == 0);
}

/* Problems: each reported at its place, the piece left out, the rest
 * read. */
static void test_problems(void) {
  static const char *const xml =
      "<Document doc_name=\"5_1ecb.xml\">\n"                             /* 1 */
      "<token t_id=\"1\" sentence=\"0\">A</token>\n"
      "<token t_id=\"1\" sentence=\"0\">B</token>\n"                     /* dup */
      "<token t_id=\"2\" sentence=\"zero\">C</token>\n"                  /* bad */
      "<token sentence=\"0\">D</token>\n"                                /* 5 */
      "<token t_id=\"3\" sentence=\"1\">E &bogus; F</token>\n"
      "<token t_id=\"4\" sentence=\"1\" <bad</token>\n"
      "<Markables>\n"
      "<ACTION_OCCURRENCE m_id=\"1\"><token_anchor t_id=\"9\"/>"
      "<token_anchor t_id=\"2\"/></ACTION_OCCURRENCE>\n"                 /* 9 */
      "<ACTION_OCCURRENCE m_id=\"1\"><token_anchor t_id=\"1\"/>"
      "</ACTION_OCCURRENCE>\n"                                           /* 10 */
      "<LOC_GEO m_id=\"2\"><token_anchor t_id=\"8\"/></LOC_GEO>\n"
      "<TIME_DATE><token_anchor t_id=\"1\"/></TIME_DATE>\n"
      "<HUMAN_PART_PER m_id=\"3\"><token_anchor t_id=\"3\"/>\n"
      "</Markables>\n"                                                   /* 14 */
      "<Relations>\n"
      "<CROSS_DOC_COREF r_id=\"1\"><source m_id=\"1\"/></CROSS_DOC_COREF>\n"
      "<INTRA_DOC_COREF r_id=\"2\"/>\n"
      "<CROSS_DOC_COREF r_id=\"3\" note=\"I\"><target m_id=\"1\"/>"
      "</CROSS_DOC_COREF>\n"
      "</Relations>\n"
      "</Document>\n";
  td_ecb_doc d;
  CHECK_INT(parse(&d, "p/5_1ecb.xml", xml), 0);
  fprintf(stderr, "%s", reports);
  CHECK_INT(nreports, (long)d.problems);
  CHECK(reported(3, "second token with t_id 1", NULL));
  long long byte = -1;
  CHECK(reported(3, "second token", &byte));
  CHECK_INT(byte, strstr(xml, "<token t_id=\"1\" sentence=\"0\">B") - xml);
  CHECK(reported(4, "taken as 0", NULL));
  CHECK(reported(5, "needs a non-empty t_id", NULL));
  CHECK(reported(6, "no known entity", NULL));
  CHECK(reported(7, "not closed with >", NULL));
  CHECK(reported(9, "no token has t_id 9", NULL));
  CHECK(reported(10, "second markable with m_id 1", NULL));
  CHECK(reported(11, "no anchor left", NULL));
  CHECK(reported(12, "needs a non-empty m_id", NULL));
  CHECK(reported(13, "<HUMAN_PART_PER> is not closed before line 14", NULL));
  CHECK(reported(16, "note", NULL));
  CHECK(reported(17, "has no <source> and no <target>", NULL));
  CHECK_INT(d.ntoks, 3);
  CHECK_STR(d.text, "A C\nE &bogus; F");
  CHECK_INT(d.nments, 1);
  if (d.nments == 1) {
    CHECK_STR(ment(&d, 0), "C");
    CHECK_STR(d.ments[0].cluster, "5_1ecb.xml#1");
  }
  td_ecb_doc_free(&d);

  /* a name that is not T_Necb.xml: read, no topic */
  CHECK_INT(parse(&d, "x.xml",
                  "<Document><token t_id='1' sentence='0'>a</token>"
                  "<Markables><X m_id='1'><token_anchor t_id='1'/></X>"
                  "</Markables></Document>"),
            0);
  CHECK_INT(nreports, 2); /* no doc_name; not T_Necb.xml */
  CHECK_STR(d.name, "x.xml");
  CHECK_INT(d.topic, 0);
  CHECK_INT(d.nments, 1);
  if (d.nments)
    CHECK_STR(d.ments[0].cluster, "x.xml#1");
  td_ecb_doc_free(&d);
}

static void test_refused(void) {
  td_ecb_doc d;
  CHECK_INT(parse(&d, "a", "hello <b>world</b>"), -1);
  CHECK(strstr(reports, "no <Document>") != NULL);
  CHECK(d.text == NULL && d.ntoks == 0);
  CHECK_INT(parse(&d, "a", "<Document doc_name=\"1_1ecb.xml\"></Document>"), -1);
  CHECK(strstr(reports, "no token") != NULL);
  CHECK_INT(parse(&d, "a", ""), -1);
  CHECK_INT(td_ecb_parse(&d, "a", NULL, 0, NULL, NULL), -1);
  CHECK_INT(td_ecb_read(&d, "/nonexistent/1_1ecb.xml", collect, NULL), -1);
}

/* ---- The shared corpus ------------------------------------------------------ */

typedef struct corpus_stats {
  long docs, refused, problems, plus, toks, ments, actions;
  td_strmap *clusters, *action_clusters;
  int topics[64];
} corpus_stats;

static void corpus_report(void *ud, const td_diag *d) {
  corpus_stats *S = ud;
  if (S->problems++ < 20)
    td_diag_print(d, stderr);
}

static void corpus_doc(corpus_stats *S, const char *path) {
  td_ecb_doc d;
  long before = S->problems;
  if (td_ecb_read(&d, path, corpus_report, S) != 0) {
    S->refused++;
    return;
  }
  S->docs++;
  CHECK_INT(S->problems, before);
  CHECK_INT(d.problems, 0);
  const char *base = strrchr(path, '/');
  CHECK_STR(d.name, base ? base + 1 : path);
  CHECK(d.topic > 0 && d.topic < 64);
  if (d.topic > 0 && d.topic < 64)
    S->topics[d.topic]++;
  S->plus += d.plus;
  CHECK(d.ntoks > 0 && d.nments > 0);
  CHECK(strlen(d.text) == d.len);
  for (size_t i = 0; i < d.ntoks; i++) {
    td_span t = d.toks[i];
    CHECK(t.start <= t.end && t.end <= d.len);
    if (t.end > t.start)
      CHECK(d.text[t.start] != ' ' && d.text[t.end - 1] != ' ' &&
            !memchr(d.text + t.start, '\n', t.end - t.start));
    if (i)
      CHECK(t.start >= d.toks[i - 1].end &&
            d.tok_sentence[i] >= d.tok_sentence[i - 1]);
  }
  for (size_t i = 0; i < d.nments; i++) {
    const td_ecb_mention *m = &d.ments[i];
    CHECK(m->first <= m->last && m->last < d.ntoks);
    CHECK(m->start == d.toks[m->first].start && m->end == d.toks[m->last].end);
    CHECK(m->cluster && m->cluster[0]);
    CHECK(i == 0 || m->first >= d.ments[i - 1].first);
    td_strmap_put(S->clusters, m->cluster, strlen(m->cluster), 1);
    if (td_ecb_is_action(m->kind)) {
      S->actions++;
      td_strmap_put(S->action_clusters, m->cluster, strlen(m->cluster), 1);
    }
  }
  S->toks += (long)d.ntoks;
  S->ments += (long)d.nments;
  td_ecb_doc_free(&d);
}

static void test_corpus(void) {
  const char *root = shared_path("corpora/ecbplus");
  char dir[4096];
  snprintf(dir, sizeof(dir), "%s", root);
  corpus_stats S;
  memset(&S, 0, sizeof(S));
  S.clusters = td_strmap_new();
  S.action_clusters = td_strmap_new();
  DIR *top = opendir(dir);
  CHECK(top != NULL);
  struct dirent *e;
  while (top && (e = readdir(top)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    char sub[4096 + 256];
    snprintf(sub, sizeof(sub), "%s/%s", dir, e->d_name);
    DIR *t = opendir(sub);
    if (!t)
      continue;
    struct dirent *f;
    while ((f = readdir(t)) != NULL) {
      size_t n = strlen(f->d_name);
      if (n < 4 || strcmp(f->d_name + n - 4, ".xml"))
        continue;
      char path[8192 + 512];
      snprintf(path, sizeof(path), "%s/%s", sub, f->d_name);
      corpus_doc(&S, path);
    }
    closedir(t);
  }
  if (top)
    closedir(top);
  int ntopics = 0;
  for (int i = 0; i < 64; i++)
    ntopics += S.topics[i] > 0;
  fprintf(stderr,
          "ecb+ corpus: %ld documents (%ld ecbplus) in %d topics, %ld refused, "
          "%ld problems; %ld tokens, %ld mentions, %ld action mentions, %zu "
          "clusters (%zu of actions)\n",
          S.docs, S.plus, ntopics, S.refused, S.problems, S.toks, S.ments,
          S.actions, td_strmap_count(S.clusters),
          td_strmap_count(S.action_clusters));
  CHECK_INT(S.docs, 496);
  CHECK_INT(S.refused, 0);
  CHECK_INT(S.problems, 0);
  CHECK_INT(ntopics, 21);
  /* the counts of an independent reading (Python's ElementTree) */
  CHECK_INT(S.toks, 198983);
  CHECK_INT(S.ments, 17306);
  CHECK_INT(S.actions, 8038);
  CHECK_INT(td_strmap_count(S.clusters), 8835);
  CHECK_INT(td_strmap_count(S.action_clusters), 4817);
  td_strmap_free(S.clusters);
  td_strmap_free(S.action_clusters);
}

int main(void) {
  test_good();
  test_problems();
  test_refused();
  int rc = td_check_done("test_ecbxml (written)");
  if (rc)
    return rc;
  test_corpus();
  return td_check_done("test_ecbxml");
}
