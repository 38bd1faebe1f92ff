/*
 * test_core.c — the core pieces: dates, the hash table, JSON escaping, the
 * line reader's limits, and td_run keeping input order on many threads.
 */
#include "util.h"

#include "core/core.h"
#include "read/input.h"

#include <jansson.h>

static void test_dates(void) {
  td_date d;
  CHECK_INT(td_date_from_string("2024-05-15", &d), 1);
  CHECK(d.year == 2024 && d.month == 5 && d.day == 15);
  CHECK_INT(td_date_from_string("2024-02-29", &d), 1);
  CHECK_INT(td_date_from_string("2023-02-29", &d), -1);
  CHECK_INT(td_date_from_string("2024-13-45", &d), -1);
  CHECK_INT(td_date_from_string("2024-00-10", &d), -1);
  CHECK_INT(td_date_from_string("May 15", &d), 0);
  CHECK_INT(td_date_from_string("2024-5-15", &d), 0);
  char buf[16];
  td_date_format((td_date){2020, 11, 0}, buf);
  CHECK_STR(buf, "2020-11");
  td_date_format((td_date){2025, 0, 0}, buf);
  CHECK_STR(buf, "2025");
}

static void test_strmap(void) {
  td_strmap *m = td_strmap_new();
  char key[32];
  for (int i = 0; i < 5000; i++) {
    snprintf(key, sizeof(key), "k%d", i);
    td_strmap_put(m, key, strlen(key), (uint32_t)i);
  }
  CHECK_INT(td_strmap_count(m), 5000);
  uint32_t v = 0;
  CHECK(td_strmap_get(m, "k4321", 5, &v) && v == 4321);
  CHECK(!td_strmap_get(m, "k5000", 5, &v));
  td_strmap_put(m, "k1", 2, 99);
  CHECK(td_strmap_get(m, "k1", 2, &v) && v == 99);
  CHECK_INT(td_strmap_count(m), 5000);
  td_strmap_free(m);
}

static void test_json(void) {
  td_buf b = {0};
  const char s[] = "a\"b\\c\n\t\x01\xE2\x80\xA8z\xC3\xA9";
  td_json_escape(&b, s, sizeof(s) - 1);
  td_buf_add(&b, "", 1);
  CHECK_STR(b.ptr, "\"a\\\"b\\\\c\\n\\t\\u0001\\u2028z\xC3\xA9\"");
  /* What we write, jansson reads back to the same bytes. */
  json_error_t err;
  json_t *v = json_loads(b.ptr, JSON_DECODE_ANY, &err);
  CHECK(v && json_string_length(v) == sizeof(s) - 1 &&
        memcmp(json_string_value(v), s, sizeof(s) - 1) == 0);
  json_decref(v);
  td_buf_free(&b);

  td_jw w;
  td_jw_init(&w, &b, true);
  td_jw_obj(&w);
  td_jw_key(&w, "a");
  td_jw_arr(&w);
  td_jw_int(&w, 1);
  td_jw_cstr(&w, NULL);
  td_jw_arr_end(&w);
  td_jw_key(&w, "e");
  td_jw_arr(&w);
  td_jw_arr_end(&w);
  td_jw_obj_end(&w);
  td_buf_add(&b, "", 1);
  CHECK_STR(b.ptr, "{\n  \"a\": [\n    1,\n    null\n  ],\n  \"e\": []\n}");
  td_buf_free(&b);
}

static void test_input_lines(void) {
  const char text[] = "one\ntwo that is long\nthree";
  td_input in;
  td_input_mem(&in, text, sizeof(text) - 1);
  const char *line;
  size_t len;
  long long off;
  long no;
  CHECK_INT(td_input_line(&in, 8, &line, &len, &off, &no), TD_LINE_OK);
  CHECK(len == 4 && off == 0 && no == 1);
  CHECK_INT(td_input_line(&in, 8, &line, &len, &off, &no), TD_LINE_LONG);
  CHECK(len == 17 && off == 4 && no == 2);
  CHECK_INT(td_input_line(&in, 8, &line, &len, &off, &no), TD_LINE_OK);
  CHECK(len == 5 && off == 21 && no == 3 && memcmp(line, "three", 5) == 0);
  CHECK_INT(td_input_line(&in, 8, &line, &len, &off, &no), TD_LINE_EOF);
  td_input_close(&in);
}

/* td_run: output in input order whatever the threads do. */
static void number_doc(td_doc *doc, td_buf *out, td_buf *msg, void *ud) {
  (void)msg;
  (void)ud;
  size_t n;
  const char *t = td_doc_text(doc, &n);
  td_buf_add(out, t, n);
}

static void test_run_order(void) {
  td_ctx *ctx = test_ctx();
  td_buf all = {0}, want = {0};
  for (int i = 0; i < 3000; i++) {
    td_buf_printf(&all, "{\"text\":\"%d\\n\"}\n", i);
    if (i % 500 == 7)
      td_buf_adds(&all, "{broken\n");
    td_buf_printf(&want, "%d\n", i);
  }
  for (int threads = 1; threads <= 4; threads++) {
    td_reader *r = td_reader_new(ctx, NULL);
    td_reader_add_mem(r, "m", all.ptr, all.len);
    char *out = NULL, *msg = NULL;
    size_t outn = 0, msgn = 0;
    FILE *fo = open_memstream(&out, &outn), *fm = open_memstream(&msg, &msgn);
    td_run_stats st;
    CHECK_INT(td_run(r, threads, number_doc, NULL, fo, fm, &st), 0);
    fclose(fo);
    fclose(fm);
    CHECK_INT(st.docs, 3000);
    CHECK_INT(st.refused, 6);
    CHECK(outn == want.len && memcmp(out, want.ptr, outn) == 0);
    /* Refusals come in order: the first names line 9 (after 8 docs). */
    CHECK(msg && strstr(msg, "mem:9:") == NULL && strstr(msg, "m:9:") != NULL);
    free(out);
    free(msg);
    td_reader_free(r);
  }
  td_buf_free(&all);
  td_buf_free(&want);
  td_ctx_free(ctx);
}

int main(void) {
  test_dates();
  test_strmap();
  test_json();
  test_input_lines();
  test_run_order();
  return td_check_done("test_core");
}
