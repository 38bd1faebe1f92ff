/*
 * test_seeds.c — the two seed stories (../shared/seeds): story dates,
 * headlines, datelines, agencies, boilerplate, paragraphs, and every
 * sentence boundary (checked by reading; kept here as byte spans so that
 * no text of the stories is copied into the repository).
 */
#include "shared.h"
#include "util.h"

static td_doc *read_seed(const td_ctx *ctx, const char *name) {
  char rel[256];
  snprintf(rel, sizeof(rel), "seeds/%s", name);
  td_reader *r = td_reader_new(ctx, NULL);
  td_reader_add_path(r, shared_path(rel));
  td_doc *doc = NULL;
  td_diag dg;
  int rc = td_reader_next(r, &doc, &dg);
  CHECK_INT(rc, TD_DOC);
  td_reader_free(r);
  if (doc)
    td_doc_analyze(doc, ctx);
  return doc;
}

/* Each expected expression (text and value) is found, in this order. */
static void check_times(const td_doc *doc, const char *const (*want)[2],
                        size_t n) {
  size_t len, at = 0;
  const char *text = td_doc_text(doc, &len);
  td_time tm;
  for (size_t i = 0; i < n; i++) {
    bool found = false;
    for (size_t k = at; td_doc_time(doc, k, &tm); k++) {
      size_t tl = tm.span.end - tm.span.start;
      if (tl == strlen(want[i][0]) &&
          !memcmp(text + tm.span.start, want[i][0], tl)) {
        td_checks++;
        if (strcmp(tm.value, want[i][1]) != 0) {
          fprintf(stderr, "%s: %s = %s, want %s\n", td_doc_id(doc),
                  want[i][0], tm.value, want[i][1]);
          td_failures++;
        }
        found = true;
        at = k + 1;
        break;
      }
    }
    if (!found) {
      td_checks++;
      td_failures++;
      fprintf(stderr, "%s: %s not found\n", td_doc_id(doc), want[i][0]);
    }
  }
}

static void check_spans(const td_doc *doc, const uint32_t (*want)[2],
                        size_t n) {
  CHECK_INT(td_doc_nsentences(doc), n);
  const td_sentence *s = td_doc_sentences(doc);
  for (size_t i = 0; i < n && i < td_doc_nsentences(doc); i++) {
    CHECK_INT(s[i].span.start, want[i][0]);
    CHECK_INT(s[i].span.end, want[i][1]);
  }
}

int main(void) {
  td_ctx *ctx = test_ctx();

  /* TASS: headline, "BAKU, May 15. /TASS/." */
  td_doc *d = read_seed(ctx, "000_f0fa0033887af49d.txt");
  if (d) {
    CHECK_INT(td_doc_date(d).year, 2024);
    CHECK_INT(td_doc_date(d).month, 5);
    CHECK_INT(td_doc_date(d).day, 15);
    CHECK(td_doc_title(d) != NULL);
    CHECK_STR(td_doc_source(d), "TASS");
    CHECK_STR(td_doc_source_from(d), "dateline");
    const td_dateline *dl = td_doc_dateline(d);
    CHECK(dl != NULL);
    if (dl) {
      CHECK_STR(span_text(d, dl->place), "BAKU");
      CHECK_STR(dl->agency, "TASS");
      CHECK(dl->date.year == 2024 && dl->date.month == 5 && dl->date.day == 15);
      CHECK(dl->country == NULL);
    }
    CHECK_INT(td_doc_nparagraphs(d), 7);
    static const uint32_t want[][2] = {
        {0, 89},      {113, 293},   {295, 430},   {431, 476},  {477, 687},
        {689, 905},   {907, 1151},  {1152, 1316}, {1318, 1511},
        {1512, 1626}, {1628, 1792}, {1793, 1888}, {1889, 2137}};
    check_spans(d, want, sizeof(want) / sizeof(want[0]));
    CHECK_INT(td_doc_nwarnings(d), 0);
    /* The temporal expressions of issue 3, in text order. */
    td_doc_annotate(d, ctx);
    static const char *const times[][2] = {
        {"May 15", "2024-05-15"},         {"November 2020", "2020-11"},
        {"September 2023", "2023-09"},    {"April 17", "2024-04-17"},
        {"November 9, 2020", "2020-11-09"}, {"five years", "P5Y"},
        {"five-year period", "P5Y"},      {"six months", "P6M"}};
    check_times(d, times, sizeof(times) / sizeof(times[0]));
    td_doc_free(d);
  }

  /* Trend: no headline, "KHOJALY, Azerbaijan, May 15.", "Trend reports",
   * closing boilerplate. */
  d = read_seed(ctx, "002_1d77de649caed996.txt");
  if (d) {
    CHECK_INT(td_doc_date(d).day, 15);
    CHECK(td_doc_title(d) == NULL);
    CHECK_STR(td_doc_source(d), "Trend");
    CHECK_STR(td_doc_source_from(d), "text");
    const td_dateline *dl = td_doc_dateline(d);
    CHECK(dl != NULL);
    if (dl) {
      CHECK_STR(span_text(d, dl->place), "KHOJALY");
      CHECK_STR(dl->country, "Azerbaijan");
      CHECK(dl->agency == NULL);
      CHECK(dl->date.year == 2024 && dl->date.month == 5 && dl->date.day == 15);
    }
    CHECK_INT(td_doc_nparagraphs(d), 8);
    static const uint32_t want[][2] = {
        {29, 286},    {288, 442},   {444, 634},   {636, 880},  {882, 1152},
        {1154, 1207}, {1208, 1370}, {1372, 1590}, {1591, 1949},
        {1951, 2099}};
    check_spans(d, want, sizeof(want) / sizeof(want[0]));
    td_doc_annotate(d, ctx);
    static const char *const times[][2] = {
        {"May 15", "2024-05-15"},
        {"September last year", "2023-09"},
        {"May 15", "2024-05-15"},
        {"September 27, 2020", "2020-09-27"},
        {"44 days", "P44D"},
        {"2020", "2020"},
        {"September 2023", "2023-09"},
        {"September 2023", "2023-09"},
        {"November 10, 2020", "2020-11-10"},
        {"2025", "2025"}};
    check_times(d, times, sizeof(times) / sizeof(times[0]));
    td_doc_free(d);
  }
  td_ctx_free(ctx);
  return td_check_done("test_seeds");
}
