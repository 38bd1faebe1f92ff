/*
 * test_brat.c — the brat standoff reader (src/read/brat.c): T and E lines,
 * discontinuous spans, attributions without a source, character offsets
 * turned into byte offsets over multibyte characters, and every bad line
 * reported with its line and skipped; and the attribution scorer
 * (src/eval/attrib.c): same extent, overlap, one-to-one matching.
 */
#include "check.h"

#include "eval/attrib.h"
#include "read/brat.h"

typedef struct reports {
  td_diag d[32];
  int n;
} reports;

static void collect(void *ud, const td_diag *d) {
  reports *r = ud;
  if (r->n < 32)
    r->d[r->n++] = *d;
}

/* The warning reported for line `line` whose message contains `what`. */
static bool reported(const reports *r, long line, const char *what) {
  for (int i = 0; i < r->n; i++)
    if (r->d[i].line == line && strstr(r->d[i].msg, what) &&
        r->d[i].severity == TD_WARNING && !strcmp(r->d[i].path, "x.ann"))
      return true;
  return false;
}

static bool has_span(const td_brat *b, td_brat_set s, size_t k, uint32_t start,
                     uint32_t end) {
  return k < s.n && b->pieces.v[s.first + k].start == start &&
         b->pieces.v[s.first + k].end == end;
}

/* Character offsets (as brat counts: code points) of this text and their
 * bytes: “ and ” are 3 bytes, é and ü 2, the emoji 4. */
static const char text[] =
    "\xE2\x80\x9CWe will win,\xE2\x80\x9D the senator said, \xE2\x80\x9C"
    "and we will govern.\xE2\x80\x9D\n"
    "Caf\xC3\xA9 owners in Z\xC3\xBCrich disagreed: prices rose "
    "\xF0\x9F\x98\x80 again.\n";

static void test_reader(void) {
  CHECK_INT(strlen(text), 122);
  const char ann[] =
      "T1\tSource 15 26\tthe senator\n" /* 1 */
      "T2\tCue 27 31\tsaid\n" /* 2 */
      "T3\tContent 33 54;0 14\t\xE2\x80\x9C" "and we will govern."
      "\xE2\x80\x9D \xE2\x80\x9CWe will win,\xE2\x80\x9D\n" /* 3 */
      "T4\tAttribution 27 31\tsaid\n" /* 4 */
      "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n" /* 5 */
      "T5\tCue 77 86\tdisagreed\n" /* 6 */
      "T6\tContent 88 107\tprices rose \xF0\x9F\x98\x80 again\n" /* 7 */
      "T7\tAttribution-no-source 77 86\tdisagreed\n" /* 8 */
      "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n" /* 9 */
      "\n" /* 10 */
      "#1\tAnnotatorNotes T1\ta note\n" /* 11 */
      "T8\tSource 55 76\tCaf\xC3\xA9 owners in Z\xC3\xBCrich\n" /* 12 */
      "E3\tAttribution:T7 Source:T8 Cue:T5 Content:T9 Content2:T10\n" /* 13 */
      "T9\tContent 88 94\tprices\n" /* 14 */
      "T10\tContent 102 107\tagain\r\n" /* 15 */
      "T11\tSource 100 110\tbeyond\n" /* 16 */
      "T12\tCue\tno span\n" /* 17 */
      "T13\tCue 10 5\tbackwards\n" /* 18 */
      "the rest of a text with a line break\n" /* 19 */
      "E4\tAttribution:T4 Cue:T99\n" /* 20 */
      "T14\tDiscuss 88 94\tprices\n" /* 21 */
      "E5\tAttribution:T4 Cue:T14 Content:T6\n" /* 22 */
      "E6\tAttribution:T14\n" /* 23 */
      "T15\tSource 15 26\tthe senatorX\n" /* 24 */
      "T1\tCue 0 1\tx\n" /* 25 */
      "E7\tAttribution:T4 Speaker:T1\n" /* 26 */
      "T16\tCue 1 x2\tbad\n" /* 27 */
      "E8\tAttribution:T4 Source:T11\n" /* 28 */
      "T17\tDiscard 1 3\tWe\n" /* 29 */
      "E9\n"; /* 30 */
  reports r = {0};
  td_brat b;
  td_brat_read(&b, "x.ann", ann, strlen(ann), text, strlen(text), collect,
               &r);
  CHECK_INT(b.lines, 31);
  /* the good attributions: E1, E2, E3, and E4, E5, E7, E8 (with what is
   * left of them); E6 (a Discuss trigger) is dropped */
  CHECK_INT(b.attrs.n, 7);
  CHECK_INT(b.discuss, 1);
  CHECK_INT(b.discard, 1);
  if (b.attrs.n == 7) {
    const td_brat_attr *a = &b.attrs.v[0];
    CHECK_INT(a->line, 5);
    CHECK_INT(a->source.n, 1);
    CHECK(has_span(&b, a->source, 0, 19, 30)); /* the senator */
    CHECK(has_span(&b, a->cue, 0, 31, 35));
    /* discontinuous, in the order of the file */
    CHECK_INT(a->content.n, 2);
    CHECK(has_span(&b, a->content, 0, 37, 62));
    CHECK(has_span(&b, a->content, 1, 0, 18));
    a = &b.attrs.v[1]; /* no source */
    CHECK_INT(a->line, 9);
    CHECK_INT(a->source.n, 0);
    CHECK(has_span(&b, a->cue, 0, 87, 96));      /* after char 64 */
    CHECK(has_span(&b, a->content, 0, 98, 120)); /* over the emoji */
    a = &b.attrs.v[2]; /* Content and Content2, a T after its E */
    CHECK(has_span(&b, a->source, 0, 63, 86));
    CHECK_INT(a->content.n, 2);
    CHECK(has_span(&b, a->content, 0, 98, 104));
    CHECK(has_span(&b, a->content, 1, 115, 120));
    a = &b.attrs.v[3]; /* E4: its cue does not exist */
    CHECK_INT(a->line, 20);
    CHECK_INT(a->cue.n + a->source.n + a->content.n, 0);
    a = &b.attrs.v[4]; /* E5: the Discuss cue left out */
    CHECK_INT(a->cue.n, 0);
    CHECK_INT(a->content.n, 1);
    a = &b.attrs.v[6]; /* E8: its source was past the end */
    CHECK_INT(a->line, 28);
    CHECK_INT(a->source.n, 0);
  }
  CHECK(reported(&r, 16, "past the end of the text (109 characters)"));
  CHECK(reported(&r, 17, "no span"));
  CHECK(reported(&r, 18, "backwards"));
  CHECK(reported(&r, 19, "not an annotation"));
  CHECK(reported(&r, 20, "T99"));
  CHECK(reported(&r, 22, "Discuss"));
  CHECK(reported(&r, 23, "not an attribution"));
  CHECK(reported(&r, 24, "is not the text at its span"));
  CHECK(reported(&r, 25, "duplicate ID T1 (first on line 1)"));
  CHECK(reported(&r, 26, "unknown role \"Speaker\""));
  CHECK(reported(&r, 27, "bad span \"1 x2\""));
  CHECK(reported(&r, 30, "not an annotation"));
  CHECK_INT(r.n, 12);
  for (int i = 1; i < r.n; i++) /* in the order of the lines */
    CHECK(r.d[i].line >= r.d[i - 1].line);
  CHECK_INT(b.problems, 12);
  td_brat_free(&b);

  /* a text that spans lines: the annotation's text stops at the line
   * break, the rest is reported once; no mismatch is reported */
  const char t2[] = "He said: one\n\ntwo.\n";
  const char a2[] = "T1\tContent 9 18\tone\n\ntwo.\n"
                    "T2\tCue 3 7\tsaid\n"
                    "E1\tAttribution:T2 Cue:T2 Content:T1\n";
  r.n = 0;
  td_brat_read(&b, "x.ann", a2, strlen(a2), t2, strlen(t2), collect, &r);
  CHECK_INT(r.n, 1);
  CHECK(reported(&r, 3, "not an annotation"));
  CHECK_INT(b.attrs.n, 1);
  if (b.attrs.n)
    CHECK(has_span(&b, b.attrs.v[0].content, 0, 9, 18));
  td_brat_free(&b);

  /* many multibyte characters: offsets far from the start */
  char big[1200];
  size_t n = 0;
  for (int i = 0; i < 500; i++) {
    big[n++] = (char)0xC3;
    big[n++] = (char)0xA9;
  }
  memcpy(big + n, "said it", 8);
  const char a3[] = "T1\tCue 500 504\tsaid\nT2\tContent 505 507\tit\n"
                    "E1\tAttribution:T1 Cue:T1 Content:T2\n";
  r.n = 0;
  td_brat_read(&b, "x.ann", a3, strlen(a3), big, strlen(big), collect, &r);
  CHECK_INT(r.n, 0);
  CHECK_INT(b.attrs.n, 1);
  if (b.attrs.n) {
    CHECK(has_span(&b, b.attrs.v[0].cue, 0, 1000, 1004));
    CHECK(has_span(&b, b.attrs.v[0].content, 0, 1005, 1007));
  }
  td_brat_free(&b);

  /* nothing at all, and no report function */
  td_brat_read(&b, NULL, "", 0, NULL, 0, NULL, NULL);
  CHECK_INT(b.attrs.n, 0);
  CHECK_INT(b.problems, 0);
  td_brat_free(&b);
}

#define SET(name, ...)                                                         \
  static const td_span name##_p[] = {__VA_ARGS__};                             \
  td_attr_set name = {name##_p, TD_COUNT(name##_p)}

static void test_same(void) {
  /* bytes: the first quotation is 0-18, "We will win" 3-14, "the senator
   * said" 19-35, the second quotation 37-62 ("and ... govern" 40-58) */
  size_t len = strlen(text);
  SET(quoted, {0, 18}, {37, 62});
  SET(reversed, {37, 62}, {0, 18});
  SET(bare, {3, 14}, {40, 58});
  SET(whole, {0, 62});
  SET(inner, {3, 14});
  SET(first, {0, 18});
  CHECK(td_attr_same(text, len, &quoted, &reversed));
  CHECK(td_attr_same(text, len, &quoted, &bare)); /* quotes, comma, period */
  CHECK(!td_attr_same(text, len, &quoted, &whole)); /* "the senator said" */
  CHECK(td_attr_same(text, len, &inner, &first));
  CHECK(!td_attr_same(text, len, &inner, &quoted));
  /* a gap of punctuation and spaces between pieces does not matter */
  const char *t = "Yes, sir.";
  SET(two, {0, 3}, {5, 8});
  SET(one, {0, 9});
  CHECK(td_attr_same(t, strlen(t), &two, &one));
  /* punctuation alone: the same bytes, or not */
  SET(comma, {3, 4});
  SET(comma2, {3, 5});
  CHECK(td_attr_same(t, strlen(t), &comma, &comma));
  CHECK(!td_attr_same(t, strlen(t), &comma, &comma2));
  CHECK_INT(td_attr_overlap(&quoted, &whole), 43);
  CHECK_INT(td_attr_overlap(&inner, &bare), 11);
}

static void test_match(void) {
  const char *t = "Smith said that taxes will rise. Jones said nothing, "
                  "officials said.";
  size_t len = strlen(t);
  /* gold Smith, Jones; system Smith (exact), "Jones said" (overlap) and
   * "officials" (extra) */
  {
    SET(g0, {0, 5});
    SET(g1, {33, 38});
    SET(s0, {0, 5});
    SET(s1, {33, 43});
    SET(s2, {53, 62});
    td_attr_set g[] = {g0, g1}, s[] = {s0, s1, s2};
    td_attr_counts c = {0, 0, 0, 0};
    long gm[2], sm[3];
    td_attr_match(t, len, g, 2, s, 3, &c, gm, sm);
    CHECK_INT(c.gold, 2);
    CHECK_INT(c.system, 3);
    CHECK_INT(c.exact, 1);
    CHECK_INT(c.overlap, 2);
    CHECK_INT(gm[0], 0);
    CHECK_INT(gm[1], 1);
    CHECK_INT(sm[2], -1);
  }
  /* one system span over two gold ones matches one of them (ties: the
   * first gold); the counts add up */
  {
    SET(g0, {0, 10});
    SET(g1, {10, 20});
    SET(s0, {5, 15});
    td_attr_set g[] = {g0, g1}, s[] = {s0};
    td_attr_counts c = {1, 1, 1, 1};
    long gm[2], sm[1];
    td_attr_match(t, len, g, 2, s, 1, &c, gm, sm);
    CHECK_INT(c.gold, 3);
    CHECK_INT(c.system, 2);
    CHECK_INT(c.overlap, 2);
    CHECK_INT(c.exact, 1);
    CHECK_INT(gm[0], 0);
    CHECK_INT(gm[1], -1);
    CHECK_INT(sm[0], 0);
  }
  /* the largest overlap first: s0 overlaps g0 by 2 bytes and g1 by 18,
   * s1 overlaps g0 by 6: both gold spans are matched (in gold order, g0
   * and s0 would have been taken first and g1 left unmatched) */
  {
    SET(g0, {0, 10});
    SET(g1, {12, 30});
    SET(s0, {8, 30});
    SET(s1, {0, 6});
    td_attr_set g[] = {g0, g1}, s[] = {s0, s1};
    td_attr_counts c = {0, 0, 0, 0};
    long gm[2], sm[2];
    td_attr_match(t, len, g, 2, s, 2, &c, gm, sm);
    CHECK_INT(c.overlap, 2);
    CHECK_INT(c.exact, 0); /* "at taxes will ris" is not "id that taxes
                              will ris", nor "Smith said" "Smith" */
    CHECK_INT(gm[0], 1);
    CHECK_INT(gm[1], 0);
  }
  /* the same extent before a larger overlap */
  {
    size_t n = strlen(text);
    SET(g0, {0, 18});
    SET(s0, {0, 35}); /* overlaps 18 bytes */
    SET(s1, {3, 14}); /* overlaps 11, the same extent */
    td_attr_set g[] = {g0}, s[] = {s0, s1};
    td_attr_counts c = {0, 0, 0, 0};
    long gm[1], sm[2];
    td_attr_match(text, n, g, 1, s, 2, &c, gm, sm);
    CHECK_INT(c.exact, 1);
    CHECK_INT(c.overlap, 1);
    CHECK_INT(gm[0], 1);
    CHECK_INT(sm[0], -1);
  }
  /* nothing on one side; empty spans never match */
  {
    SET(g0, {0, 5});
    SET(e0, {3, 3});
    td_attr_set g[] = {g0}, s[] = {e0};
    td_attr_counts c = {0, 0, 0, 0};
    td_attr_match(t, len, g, 1, s, 1, &c, NULL, NULL);
    CHECK_INT(c.overlap, 0);
    td_attr_match(t, len, NULL, 0, g, 1, &c, NULL, NULL);
    td_attr_match(t, len, g, 1, NULL, 0, &c, NULL, NULL);
    CHECK_INT(c.gold, 2);
    CHECK_INT(c.system, 2);
    CHECK_INT(c.overlap, 0);
  }
}

static void test_report(void) {
  td_attr_scores s;
  memset(&s, 0, sizeof(s));
  s.docs = 2;
  s.attributions = 4;
  s.quotes = 3;
  s.source = (td_attr_counts){4, 3, 1, 2};
  s.cue = (td_attr_counts){4, 0, 0, 0};
  s.content = (td_attr_counts){4, 4, 4, 4};
  char buf[2048];
  FILE *f = fmemopen(buf, sizeof(buf), "w");
  td_attr_report(f, &s);
  fclose(f);
  CHECK(strstr(buf, "docs=2 attributions=4 quotes=3\n") != NULL);
  CHECK(strstr(buf, "source   gold=4 system=3 exact=1 overlap=2\n") != NULL);
  /* P = 2/3, R = 2/4, F1 = 2PR/(P+R) = 4/7 */
  CHECK(strstr(buf, "source   overlap P=0.6667 R=0.5000 F1=0.5714\n") != NULL);
  CHECK(strstr(buf, "source   exact   P=0.3333 R=0.2500 F1=0.2857\n") != NULL);
  CHECK(strstr(buf, "cue      exact   P=0.0000 R=0.0000 F1=0.0000\n") != NULL);
  CHECK(strstr(buf, "content  overlap P=1.0000 R=1.0000 F1=1.0000\n") != NULL);
}

int main(void) {
  test_reader();
  test_same();
  test_match();
  test_report();
  return td_check_done("test_brat");
}
