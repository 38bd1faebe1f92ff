/*
 * test_quantities.c — the `quantities` layer (td_doc_nquantities /
 * td_doc_quantity): numbers in digits and in words with what they count,
 * multipliers, percentages, money with ISO 4217 codes, vague amounts and
 * their lower bounds, each qualifier; the numbers that are not
 * quantities (temporal expressions, ordinals, clock times, names and
 * codes, telephone numbers, "one" as a pronoun, ages); the spans and the
 * JSON; errors in data/quantities.txt named with their line; and the
 * three quantities of the TASS seed story (skipped when ../shared/seeds
 * is missing, a failure under CI=true).
 */
#include "shared.h"
#include "util.h"

#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

static td_ctx *ctx;

/* "text=value unit ~approx" of each quantity, joined by " | " (unit "-"
 * when none, "~approx" left out when exact). */
static const char *quantities(const char *text) {
  static char out[4096];
  td_doc *d = annotated(ctx, text, "2024-05-15");
  size_t n = 0;
  td_quantity_info q;
  out[0] = 0;
  for (size_t i = 0; td_doc_quantity(d, i, &q); i++)
    n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s=%.15g %s%s%s",
                          i ? " | " : "", span_text(d, q.span), q.value,
                          q.unit ? q.unit : "-", q.approx ? " ~" : "",
                          q.approx ? q.approx : "");
  td_doc_free(d);
  return out;
}

#define Q(text, want) CHECK_STR(quantities(text), want)

static void test_counts(void) {
  Q("It had 1,960 servicemen with small arms.", "1,960 servicemen=1960 servicemen");
  Q("It had 90 armored personnel carriers, 380 units of equipment.",
    "90 armored personnel carriers=90 armored personnel carriers | "
    "380 units of equipment=380 units of equipment");
  Q("They shipped 2,500 tonnes of grain and 40 tons of flour arrived.",
    "2,500 tonnes of grain=2500 tonnes of grain | "
    "40 tons of flour=40 tons of flour");
  /* the phrase ends at a stop word, a verb after a plural, its first
   * plural; `head` words may come before the head */
  Q("Police detained 45 people, including 5 journalists.",
    "45 people=45 people | 5 journalists=5 journalists");
  Q("Twelve people died and 3 presidents laid wreaths.",
    "Twelve people=12 people | 3 presidents=3 presidents");
  Q("The army lost 20 tanks, 15 aircraft and 300 police officers.",
    "20 tanks=20 tanks | 15 aircraft=15 aircraft | "
    "300 police officers=300 police officers");
  Q("One soldier was killed.", "One soldier=1 soldier");
  Q("The road is 100km long.", "100km=100 km");
  /* a bare number is a quantity with no unit */
  Q("The vote was 120 to 5.", "120=120 - | 5=5 -");
}

static void test_number_words(void) {
  Q("Twenty-five soldiers and two hundred and fifty civilians left.",
    "Twenty-five soldiers=25 soldiers | "
    "two hundred and fifty civilians=250 civilians");
  Q("A dozen people, two dozen cars and a hundred houses.",
    "A dozen people=12 people | two dozen cars=24 cars | "
    "a hundred houses=100 houses");
  Q("They counted forty three tanks.", "forty three tanks=43 tanks");
  Q("Three thousand five hundred troops moved.",
    "Three thousand five hundred troops=3500 troops");
  Q("It cost half a million.", "half a million=500000 -");
}

static void test_multipliers(void) {
  Q("About 1.5 million people fled.",
    "About 1.5 million people=1500000 people ~about");
  Q("He sold 3 thousand shares and two billion more.",
    "3 thousand shares=3000 shares | two billion=2000000000 -");
  Q("Exports reached 4.2bn tonnes.", "4.2bn tonnes=4200000000 tonnes");
}

static void test_percent(void) {
  Q("Prices rose 12% and 12.5 per cent, or 3 percent, 4 pct.",
    "12%=12 percent | 12.5 per cent=12.5 percent | 3 percent=3 percent | "
    "4 pct=4 percent");
  Q("Turnout was less than 5 percent.",
    "less than 5 percent=5 percent ~less_than");
}

static void test_money(void) {
  Q("He paid $5m and $2bn for US$3 million in aid.",
    "$5m=5000000 USD | $2bn=2000000000 USD | US$3 million=3000000 USD");
  Q("It was worth €5 and £1.2bn, or 1.5bn rubles.",
    "€5=5 EUR | £1.2bn=1200000000 GBP | 1.5bn rubles=1500000000 RUB");
  Q("Baku received 5 million dollars and 300 manats.",
    "5 million dollars=5000000 USD | 300 manats=300 AZN");
  Q("They paid USD 5 million and 300₽.", "USD 5 million=5000000 USD | 300₽=300 RUB");
  /* "pounds of" is a weight; "5m" without money is five metres */
  Q("Police seized 200 pounds of cocaine and 5 million pounds in cash.",
    "200 pounds of cocaine=200 pounds of cocaine | "
    "5 million pounds=5000000 GBP");
  Q("The wall is 5m high.", "5m=5 m");
  td_doc *d = annotated(ctx, "The bank lent about $5 million to farmers.",
                        "2024-05-15");
  td_quantity_info q;
  CHECK_INT(td_doc_nquantities(d), 1);
  CHECK(td_doc_quantity(d, 0, &q));
  CHECK_STR(span_text(d, q.span), "about $5 million");
  CHECK_STR(span_text(d, q.unit_span), "$");
  CHECK_STR(q.unit, "USD");
  CHECK_STR(q.approx, "about");
  CHECK(q.value == 5e6);
  td_doc_free(d);
}

static void test_vague(void) {
  Q("Dozens of protesters gathered and hundreds of police watched.",
    "Dozens of protesters=24 protesters ~vague | "
    "hundreds of police=200 police ~vague");
  Q("Thousands of people and tens of thousands of refugees fled.",
    "Thousands of people=2000 people ~vague | "
    "tens of thousands of refugees=20000 refugees ~vague");
  Q("Millions of dollars and hundreds of millions of euros were lost.",
    "Millions of dollars=2000000 USD ~vague | "
    "hundreds of millions of euros=200000000 EUR ~vague");
  Q("Several people died, a few soldiers were hurt, several hundred houses "
    "burned.",
    "Several people=3 people ~vague | a few soldiers=2 soldiers ~vague | "
    "several hundred houses=300 houses ~vague");
  /* a noun alone counts nothing; "of them" is not what it counts */
  Q("Hundreds were hurt.", "Hundreds=200 - ~vague");
  Q("Dozens of them left.", "Dozens=24 - ~vague");
  /* a qualifier wins over "vague" */
  Q("More than a dozen rockets fell.",
    "More than a dozen rockets=12 rockets ~more_than");
}

static void test_qualifiers(void) {
  Q("Up to 500 troops, at least 12 people, as many as 40 tanks.",
    "Up to 500 troops=500 troops ~up_to | at least 12 people=12 people "
    "~at_least | as many as 40 tanks=40 tanks ~up_to");
  Q("Nearly 90 villages, some 300 fighters, around 20 cars, roughly 7 "
    "boats.",
    "Nearly 90 villages=90 villages ~about | some 300 fighters=300 "
    "fighters ~about | around 20 cars=20 cars ~about | roughly 7 "
    "boats=7 boats ~about");
  Q("More than 3,000 were detained and over 60 homes burned.",
    "More than 3,000=3000 - ~more_than | over 60 homes=60 homes "
    "~more_than");
  Q("Fewer than 10 shops and under 40 cars were left.",
    "Fewer than 10 shops=10 shops ~less_than | under 40 cars=40 cars "
    "~less_than");
  Q("An estimated 10,000 people and close to 100 cars.",
    "An estimated 10,000 people=10000 people ~about | close to 100 "
    "cars=100 cars ~about");
  Q("At most 3 boats and 5,000 or more troops.",
    "At most 3 boats=3 boats ~up_to | 5,000 or more troops=5000 troops "
    "~at_least");
  Q("Exactly 12 soldiers.", "Exactly 12 soldiers=12 soldiers");
}

static void test_not_quantities(void) {
  /* the time layer's: years, dates, durations, clock times, ages */
  Q("He came in 2020, on May 5, after 44 days and five years.", "");
  Q("He left at 10:30 and returned at 7 p.m.", "");
  Q("He is 25 years old; a 5-year-old boy.", "");
  Q("They lived there for hundreds of years.", "");
  /* ordinals */
  Q("The 5th battalion, the second round, the first time.", "");
  /* names and codes */
  Q("Resolution 2254, Boeing 737, Article 5, COVID-19 and F-16 jets.", "");
  Q("He took flight 370 and read No. 5 and page 12.", "");
  Q("Air Force One landed. Formula One is a sport.", "");
  /* telephone numbers, number runs */
  Q("Call +7 (495) 123-45-67 now.", "");
  /* "one" as a pronoun */
  Q("No one came. One of the soldiers left. They met one another.", "");
  Q("The only one left was 3 soldiers.", "3 soldiers=3 soldiers");
  /* hyphenated numbers (ranges, scores) and the 1990s */
  Q("Between 40-50 people; the match ended 3-1 in the 1990s.", "");
  /* after a word in the time layer, a capital does not make a name */
  Q("On Monday two soldiers died.", "two soldiers=2 soldiers");
}

static void test_spans(void) {
  td_doc *d = annotated(ctx, "Officials said more than 1.5 million people "
                             "fled.",
                        "2024-05-15");
  td_quantity_info q;
  CHECK_INT(td_doc_nquantities(d), 1);
  CHECK(td_doc_quantity(d, 0, &q));
  CHECK_STR(span_text(d, q.span), "more than 1.5 million people");
  CHECK_STR(span_text(d, q.unit_span), "people");
  CHECK_STR(q.unit, "people");
  CHECK_STR(q.approx, "more_than");
  CHECK(q.value == 1.5e6);
  CHECK(!td_doc_quantity(d, 1, &q));
  td_doc_free(d);
  /* no unit: an empty unit span */
  d = annotated(ctx, "The score was 120.", "2024-05-15");
  CHECK(td_doc_quantity(d, 0, &q));
  CHECK(q.unit == NULL && q.unit_span.start == q.unit_span.end);
  CHECK(q.approx == NULL);
  td_doc_free(d);
  /* the JSON */
  d = annotated(ctx, "It had 1,960 servicemen.", "2024-05-15");
  td_buf b = {0};
  td_doc_write_json(d, &b, TD_JSON_NO_TEXT);
  td_buf_add(&b, "", 1);
  CHECK(strstr(b.ptr, "\"quantities\":[{\"id\":\"q1\",\"start\":7,\"end\":23,"
                      "\"text\":\"1,960 servicemen\",\"value\":1960,\"unit\":"
                      "\"servicemen\",\"unit_start\":13,\"unit_end\":23,"
                      "\"approx\":null}]") != NULL);
  td_buf_free(&b);
  td_doc_free(d);
}

/* A quantities.txt of one good record and then `bad` does not load: the
 * error names the file and line 3. */
static void bad_data(const char *bad, const char *msg, int line) {
  char dir[] = "/tmp/td_test_quantities_XXXXXX";
  if (!mkdtemp(dir)) {
    td_failures++;
    return;
  }
  char path[128];
  snprintf(path, sizeof(path), "%s/quantities.txt", dir);
  FILE *f = fopen(path, "w");
  fprintf(f, "# a comment\nnumber\t2\ttwo\n%s\n", bad);
  fclose(f);
  td_ctx_opts o;
  memset(&o, 0, sizeof(o));
  o.data_dir = dir;
  o.text_only = true;
  td_diag err;
  memset(&err, 0, sizeof(err));
  td_ctx *c = td_ctx_open(&o, &err);
  td_checks++;
  if (c || err.line != 3 || !strstr(err.path, "quantities.txt") ||
      !strstr(err.msg, msg)) {
    fprintf(stderr, "%s:%d: %s: loaded or wrong error: %s:%ld: %s\n",
            __FILE__, line, bad, err.path, err.line, err.msg);
    td_failures++;
  }
  td_ctx_free(c);
  unlink(path);
  rmdir(dir);
}
#define BAD(rec, msg) bad_data(rec, msg, __LINE__)

static void test_data_file(void) {
  BAD("numbre\t3\tthree", "unknown record kind");
  BAD("number\tthree\tthree", "bad value");
  BAD("number\t3", "want 3 fields");
  BAD("scale\t-1\tthousand", "bad value");
  BAD("approx\tnear\tnear", "unknown qualifier");
  BAD("symbol\tusd\t$", "ISO 4217");
  BAD("currency\tUSD\tdollars\tgold", "unknown flag");
  BAD("vague\t2\ta b c d e", "more than 4 words");
  BAD("stop\tof||with", "empty phrase");
  BAD("stop\tof  the", "one space");
  BAD("pronoun\taround\tof", "before or after");
  /* and a good file of our own loads */
  char dir[] = "/tmp/td_test_quantities_XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char path[128];
  snprintf(path, sizeof(path), "%s/quantities.txt", dir);
  FILE *f = fopen(path, "w");
  fprintf(f, "number\t7\tseven\nscale\t1e3\tgrand\n"
             "currency\tUSD\tbucks\tweight\nstop\tof\n");
  fclose(f);
  td_ctx_opts o;
  memset(&o, 0, sizeof(o));
  o.data_dir = dir;
  o.text_only = true;
  td_diag err;
  td_ctx *c = td_ctx_open(&o, &err);
  CHECK(c != NULL);
  if (c) {
    td_doc *d = annotated(c, "They paid seven grand bucks.", "2024-05-15");
    td_quantity_info q;
    CHECK(td_doc_quantity(d, 0, &q));
    CHECK(q.value == 7000);
    CHECK_STR(q.unit, "USD");
    td_doc_free(d);
    td_ctx_free(c);
  }
  unlink(path);
  rmdir(dir);
}

/* ---- The seed stories ----------------------------------------------------- */

static void test_seeds(void) {
  td_reader *r = seeds_reader(ctx);
  if (!r)
    return;
  td_doc *d;
  td_diag dg;
  int rc, ndocs = 0;
  static const struct {
    const char *text, *unit, *unit_text;
    double value;
  } want[] = {
      {"1,960 servicemen", "servicemen", "servicemen", 1960},
      {"90 armored personnel carriers", "armored personnel carriers",
       "armored personnel carriers", 90},
      {"380 units of equipment", "units of equipment", "units of equipment",
       380}};
  int found[3] = {0};
  while ((rc = td_reader_next(r, &d, &dg)) != TD_END) {
    if (rc != TD_DOC)
      continue;
    ndocs++;
    td_doc_annotate(d, ctx);
    td_quantity_info q;
    for (size_t i = 0; td_doc_quantity(d, i, &q); i++) {
      /* no quantity inside a temporal expression */
      td_time t;
      for (size_t k = 0; td_doc_time(d, k, &t); k++)
        CHECK(q.span.end <= t.span.start || q.span.start >= t.span.end);
      for (int k = 0; k < 3; k++)
        if (!strcmp(span_text(d, q.span), want[k].text)) {
          found[k]++;
          CHECK(q.value == want[k].value);
          CHECK_STR(q.unit, want[k].unit);
          CHECK_STR(span_text(d, q.unit_span), want[k].unit_text);
          CHECK(q.approx == NULL);
        }
    }
    td_doc_free(d);
  }
  td_reader_free(r);
  CHECK_INT(ndocs, 2);
  for (int k = 0; k < 3; k++)
    CHECK_INT(found[k], 1);
}

int main(void) {
  ctx = test_ctx();
  test_counts();
  test_number_words();
  test_multipliers();
  test_percent();
  test_money();
  test_vague();
  test_qualifiers();
  test_not_quantities();
  test_spans();
  test_data_file();
  test_seeds();
  td_ctx_free(ctx);
  return td_check_done("test_quantities");
}
