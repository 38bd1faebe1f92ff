/*
 * test_link.c — cross-document linking on the seeds: one story from the two
 * agencies, the withdrawal merged across both, the trilateral statement's
 * date conflict with both spans, the facts only one source gives, the
 * September 2023 operation dated alike, the derived end of the five-year
 * term; and the date intervals the comparison rests on.
 */
#include "check.h"
#include "link/link.h"
#include "shared.h"

static const td_lk_cmp *find_cmp(const td_collection *c, int kind,
                                 int status, const char *text) {
  for (size_t i = 0; i < c->cmps.n; i++) {
    const td_lk_cmp *cm = &c->cmps.v[i];
    if (cm->kind != kind || cm->status != status)
      continue;
    for (size_t k = 0; k < cm->v.n; k++) {
      const td_digest *d = c->docs.v[cm->v.v[k].doc];
      const char *t = cm->v.v[k].what == TD_LK_V_DATE
                          ? d->events[cm->v.v[k].fact].date_text
                          : d->facts[cm->v.v[k].fact].text;
      if (t && strstr(t, text))
        return cm;
    }
  }
  return NULL;
}

static void test_when(void) {
  td_lk_when a, b, m;
  CHECK(td_lk_when_parse("2023-09", &m) && m.gran == TD_GRAN_MONTH);
  CHECK(td_lk_when_parse("2023-09-19", &a) && a.gran == TD_GRAN_DAY);
  CHECK_INT(td_lk_when_cmp(&m, &a), TD_LK_COMPATIBLE);
  CHECK(td_lk_when_parse("2020-11-09", &a) && td_lk_when_parse("2020-11-10", &b));
  CHECK_INT(td_lk_when_cmp(&a, &b), TD_LK_CONFLICT);
  CHECK_INT(td_lk_when_gap(&a, &b), 1);
  CHECK(td_lk_when_parse("2025", &a) && a.gran == TD_GRAN_YEAR);
  CHECK(td_lk_when_parse("2025-W20", &b) && b.hi - b.lo == 6);
  CHECK_INT(td_lk_when_cmp(&a, &b), TD_LK_COMPATIBLE);
  CHECK(!td_lk_when_parse("PRESENT_REF", &a));
}

static void test_seeds(void) {
  const char *dir = shared_path("seeds");
  td_diag err;
  td_ctx *ctx = td_ctx_new(NULL, &err);
  CHECK(ctx != NULL);
  td_collection *c = td_collection_new(ctx, NULL, &err);
  CHECK(c != NULL);
  td_read_opts ro = {0};
  td_reader *r = td_reader_new(ctx, &ro);
  td_reader_add_path(r, dir);
  FILE *devnull = fopen("/dev/null", "w");
  td_collection_read(c, r, 2, devnull, NULL);
  fclose(devnull);
  td_reader_free(r);
  td_collection_link(c);
  CHECK_INT(td_collection_ndocs(c), 2);
  CHECK_INT(td_collection_nstories(c), 1);
  /* the withdrawal: one event, two sources, the same day */
  bool withdrawal = false, statement = false;
  for (size_t k = 0; k < c->canons.n; k++) {
    const td_lk_canon *ca = &c->canons.v[k];
    if (!strcmp(ca->code, "1661") && ca->nsources == 2 && ca->date &&
        !strcmp(ca->date, "2024-05-15"))
      withdrawal = true;
    if (!strcmp(ca->code, "057") && ca->nsources == 2 &&
        ca->date_status == TD_LK_CONFLICT)
      statement = true;
  }
  CHECK(withdrawal);
  CHECK(statement);
  /* the conflict shows both spans */
  const td_lk_cmp *cf = find_cmp(c, TD_LK_DATE, TD_LK_CONFLICT, "November 9, 2020");
  CHECK(cf != NULL);
  CHECK(cf && find_cmp(c, TD_LK_DATE, TD_LK_CONFLICT, "November 10, 2020") == cf);
  CHECK(cf && strstr(cf->note, "1 day"));
  /* only TASS counts the contingent; only Trend gives the 44 days */
  CHECK(find_cmp(c, TD_LK_COUNT, TD_LK_SINGLE, "1,960 servicemen"));
  CHECK(find_cmp(c, TD_LK_COUNT, TD_LK_SINGLE, "90 armored personnel carriers"));
  CHECK(find_cmp(c, TD_LK_COUNT, TD_LK_SINGLE, "380 units of equipment"));
  CHECK(find_cmp(c, TD_LK_DURATION, TD_LK_SINGLE, "44 days"));
  CHECK(find_cmp(c, TD_LK_DATE, TD_LK_SINGLE, "September 27, 2020"));
  /* September 2023: both agencies, the same month */
  CHECK(find_cmp(c, TD_LK_DATE, TD_LK_AGREE, "September 2023"));
  /* five years from November 2020 end in November 2025, consistent with
   * the termination scheduled in 2025 */
  bool derived = false;
  for (size_t i = 0; i < c->derived.n; i++)
    derived |= c->derived.v[i].status == TD_LK_COMPATIBLE;
  CHECK(derived);
  /* the views */
  td_buf out = {0};
  td_collection_write(c, &out, TD_VIEW_TIMELINE, TD_LINK_TEXT);
  CHECK(strstr(td_buf_cstr(&out), "2020-09-27"));
  CHECK(strstr(td_buf_cstr(&out), "DATE CONFLICT: TASS 2020-11-09, Trend 2020-11-10"));
  out.len = 0;
  td_collection_write(c, &out, TD_VIEW_TIMELINE, TD_LINK_SVG);
  CHECK(strstr(td_buf_cstr(&out), "<svg") && strstr(td_buf_cstr(&out), "conflict"));
  out.len = 0;
  td_collection_write(c, &out, TD_VIEW_COMPARE, TD_LINK_JSON);
  CHECK(strstr(td_buf_cstr(&out), "\"status\":\"conflict\""));
  td_buf_free(&out);
  td_collection_free(c);
  td_ctx_free(ctx);
}

int main(void) {
  test_when();
  test_seeds();
  return td_check_done("test_link");
}
