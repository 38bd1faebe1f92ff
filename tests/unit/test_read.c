/*
 * test_read.c — the readers: wire, JSON Lines, plain text, TimeML; format
 * detection; every bad input refused with its line and byte, and the other
 * documents still read.
 */
#include "util.h"

#include <sys/stat.h>
#include <unistd.h>

static td_ctx *ctx;

/* Reads every document of `text`; returns the number read and fills the
 * results: docs (caller frees) and the diagnostics of refusals. */
typedef struct result {
  td_doc *docs[16];
  td_diag diags[16];
  int ndocs, nrefused;
} result;

static void read_all(result *res, td_format fmt, const char *text, size_t len,
                     size_t max) {
  memset(res, 0, sizeof(*res));
  td_read_opts o = {fmt, NULL, NULL, max};
  td_reader *r = td_reader_new(ctx, &o);
  td_reader_add_mem(r, "mem", text, len);
  for (;;) {
    td_doc *d;
    td_diag dg;
    int rc = td_reader_next(r, &d, &dg);
    if (rc == TD_END)
      break;
    if (rc == TD_DOC && res->ndocs < 16) {
      td_doc_analyze(d, ctx);
      res->docs[res->ndocs++] = d;
    } else if (rc == TD_REFUSED && res->nrefused < 16) {
      res->diags[res->nrefused++] = dg;
    } else {
      td_doc_free(d);
    }
  }
  td_reader_free(r);
}

static void free_all(result *res) {
  for (int i = 0; i < res->ndocs; i++)
    td_doc_free(res->docs[i]);
}

static void test_wire(void) {
  const char *text =
      " date 2024-05-15 First headline\n\nBAKU, May 15. /TASS/. One. Two.\n\n"
      " date 2024-05-16 KHOJALY, Azerbaijan, May 16. Three.\n";
  result res;
  read_all(&res, TD_FORMAT_AUTO, text, strlen(text), 0);
  CHECK_INT(res.ndocs, 2);
  CHECK_INT(res.nrefused, 0);
  if (res.ndocs == 2) {
    td_doc *a = res.docs[0], *b = res.docs[1];
    CHECK_INT(td_doc_format(a), TD_FORMAT_WIRE);
    CHECK_INT(td_doc_date(a).day, 15);
    CHECK_INT(td_doc_date(b).day, 16);
    size_t n;
    const char *t = td_doc_text(a, &n);
    /* The text starts right after the header's date and space. */
    CHECK(n > 14 && memcmp(t, "First headline", 14) == 0);
    CHECK_STR(td_doc_title(a), "First headline");
    CHECK_STR(td_doc_source(a), "TASS");
    CHECK_STR(sentences_of(b), "Three.");
    CHECK(td_doc_id(a) != NULL && strlen(td_doc_id(a)) == 16);
    CHECK(strcmp(td_doc_id(a), td_doc_id(b)) != 0);
  }
  free_all(&res);

  /* The id is stable: the same story gives the same id. */
  result again;
  read_all(&again, TD_FORMAT_AUTO, text, strlen(text), 0);
  read_all(&res, TD_FORMAT_AUTO, text, strlen(text), 0);
  CHECK_STR(td_doc_id(again.docs[0]), td_doc_id(res.docs[0]));
  free_all(&again);
  free_all(&res);

  /* A byte order mark and CRLF line ends. */
  const char *bom = "\xEF\xBB\xBF date 2024-05-15 Head\r\n\r\nBody here.\r\n";
  read_all(&res, TD_FORMAT_AUTO, bom, strlen(bom), 0);
  CHECK_INT(res.ndocs, 1);
  if (res.ndocs) {
    CHECK_STR(td_doc_title(res.docs[0]), "Head");
    CHECK_STR(sentences_of(res.docs[0]), "Head || Body here.");
  }
  free_all(&res);
}

static void test_wire_errors(void) {
  /* An impossible date: that story is refused, the next one is read. */
  const char *text = " date 2024-13-45 Bad\n\nBody.\n\n"
                     " date 2024-05-15 Good\n\nBody.\n";
  result res;
  read_all(&res, TD_FORMAT_AUTO, text, strlen(text), 0);
  CHECK_INT(res.ndocs, 1);
  CHECK_INT(res.nrefused, 1);
  CHECK(strstr(res.diags[0].msg, "impossible story date 2024-13-45") != NULL);
  CHECK_INT(res.diags[0].line, 1);
  CHECK_INT(res.diags[0].byte, 6);
  free_all(&res);

  /* Invalid UTF-8: its line and byte are named. */
  const char *bad = " date 2024-05-15 Head\n\nCaf\xE9 au lait.\n";
  read_all(&res, TD_FORMAT_AUTO, bad, strlen(bad), 0);
  CHECK_INT(res.ndocs, 0);
  CHECK_INT(res.nrefused, 1);
  CHECK_INT(res.diags[0].line, 3);
  CHECK_INT(res.diags[0].byte, 26);
  CHECK(strstr(res.diags[0].msg, "invalid UTF-8") != NULL);

  /* A story over the size limit is refused; the next is read. */
  char big[4096];
  snprintf(big, sizeof(big), " date 2024-05-15 Big\n\n%0600d\n\n"
                             " date 2024-05-15 Small\n\nFine.\n", 0);
  read_all(&res, TD_FORMAT_AUTO, big, strlen(big), 256);
  CHECK_INT(res.ndocs, 1);
  CHECK_INT(res.nrefused, 1);
  CHECK(strstr(res.diags[0].msg, "larger than the limit") != NULL);
  if (res.ndocs)
    CHECK_STR(td_doc_title(res.docs[0]), "Small");
  free_all(&res);

  /* Forced wire format on a file without a header. */
  const char *plain = "No header here.\n";
  read_all(&res, TD_FORMAT_WIRE, plain, strlen(plain), 0);
  CHECK_INT(res.nrefused, 1);
  CHECK(strstr(res.diags[0].msg, "story header") != NULL);
}

static void test_jsonl(void) {
  const char *text =
      "{\"id\":\"a1\",\"source\":\"Trend\",\"date\":\"2024-05-15\",\"title\":"
      "\"T\",\"text\":\"One.\\n\\nTwo \\u00e9.\",\"url\":\"https://x.org\","
      "\"section\":\"world\",\"tags\":[1,2]}\n"
      "\n"
      "{not json}\n"
      "{\"text\":\"Dated.\",\"date\":\"2024-05-15T08:30:00Z\"}\n"
      "{\"text\":\"Bad date.\",\"date\":\"2024-02-30\"}\n"
      "[1,2]\n"
      "{\"title\":\"no text\"}\n"
      "{\"text\":\"No date.\",\"id\":42}\n";
  result res;
  read_all(&res, TD_FORMAT_AUTO, text, strlen(text), 0);
  CHECK_INT(res.ndocs, 3);
  CHECK_INT(res.nrefused, 4);
  if (res.ndocs == 3) {
    td_doc *a = res.docs[0];
    CHECK_INT(td_doc_format(a), TD_FORMAT_JSONL);
    CHECK_STR(td_doc_id(a), "a1");
    CHECK_STR(td_doc_source(a), "Trend");
    CHECK_STR(td_doc_source_from(a), "input");
    CHECK_STR(td_doc_title(a), "T");
    CHECK_STR(sentences_of(a), "One. || Two \xC3\xA9.");
    td_buf b = {0};
    td_doc_write_json(a, &b, 0);
    td_buf_add(&b, "", 1);
    CHECK(strstr(b.ptr, "\"extra\":{\"section\":\"world\",\"tags\":[1,2]}") != NULL);
    CHECK(strstr(b.ptr, "\"url\":\"https://x.org\"") != NULL);
    td_buf_free(&b);
    CHECK_INT(td_doc_date(res.docs[1]).day, 15);
    CHECK_STR(td_doc_id(res.docs[2]), "42");
    CHECK_INT(td_doc_date(res.docs[2]).year, 0);
    CHECK(td_doc_nwarnings(res.docs[2]) == 1 &&
          strstr(td_doc_warning(res.docs[2], 0)->msg, "no story date"));
  }
  CHECK_INT(res.diags[0].line, 3);
  CHECK(strstr(res.diags[0].msg, "invalid JSON") != NULL);
  CHECK_INT(res.diags[1].line, 5);
  CHECK(strstr(res.diags[1].msg, "impossible date") != NULL);
  CHECK(strstr(res.diags[2].msg, "JSON object") != NULL);
  CHECK(strstr(res.diags[3].msg, "missing \"text\"") != NULL);
  free_all(&res);

  /* A line over the limit is refused without being held; the next is read. */
  size_t n = 300000;
  char *big = malloc(n + 64);
  memcpy(big, "{\"text\":\"", 9);
  memset(big + 9, 'a', n);
  strcpy(big + 9 + n, "\"}\n{\"text\":\"next\"}\n");
  read_all(&res, TD_FORMAT_AUTO, big, strlen(big), 100000);
  CHECK_INT(res.ndocs, 1);
  CHECK_INT(res.nrefused, 1);
  CHECK(strstr(res.diags[0].msg, "larger than the limit") != NULL);
  free_all(&res);
  /* Under the default limit the same line is a document. */
  read_all(&res, TD_FORMAT_AUTO, big, strlen(big), 0);
  CHECK_INT(res.ndocs, 2);
  free_all(&res);
  free(big);

  /* A NUL inside a string is refused by the JSON parser. */
  const char *nul = "{\"text\":\"a\\u0000b\"}\n";
  read_all(&res, TD_FORMAT_AUTO, nul, strlen(nul), 0);
  CHECK_INT(res.nrefused, 1);
}

static void test_text_and_timeml(void) {
  td_read_opts o = {TD_FORMAT_AUTO, "2024-05-15", "Desk", 0};
  td_reader *r = td_reader_new(ctx, &o);
  const char *plain = "Plain story. Second sentence.";
  td_reader_add_mem(r, "p", plain, strlen(plain));
  td_doc *d;
  td_diag dg;
  CHECK_INT(td_reader_next(r, &d, &dg), TD_DOC);
  td_doc_analyze(d, ctx);
  CHECK_INT(td_doc_format(d), TD_FORMAT_TEXT);
  CHECK_INT(td_doc_date(d).year, 2024);
  CHECK_STR(td_doc_source(d), "Desk");
  td_doc_free(d);
  td_reader_free(r);

  const char *tml =
      "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>APW1</DOCID>\n"
      "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\" "
      "functionInDocument=\"CREATION_TIME\">08/07/1998</TIMEX3></DCT>\n"
      "<TITLE>Blasts &amp; more</TITLE>\n"
      "<TEXT>\nNAIROBI, Kenya (AP) _ Bombs <EVENT eid=\"e1\">exploded</EVENT> "
      "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-07\">Friday</TIMEX3>"
      " at AT&amp;T&#39;s site.\n</TEXT>\n</TimeML>\n";
  result res;
  read_all(&res, TD_FORMAT_AUTO, tml, strlen(tml), 0);
  CHECK_INT(res.ndocs, 1);
  if (res.ndocs) {
    d = res.docs[0];
    CHECK_INT(td_doc_format(d), TD_FORMAT_TIMEML);
    CHECK_STR(td_doc_id(d), "APW1");
    CHECK_STR(td_doc_title(d), "Blasts & more");
    CHECK_INT(td_doc_date(d).year, 1998);
    CHECK_STR(sentences_of(d), "Bombs exploded Friday at AT&T's site.");
    CHECK_STR(td_doc_source(d), "Associated Press");
  }
  free_all(&res);

  const char *broken = "<TimeML><TEXT>a <EVENT b</TEXT></TimeML>";
  read_all(&res, TD_FORMAT_AUTO, broken, strlen(broken), 0);
  CHECK_INT(res.nrefused, 1);
  const char *notext = "<TimeML><DCT></DCT></TimeML>";
  read_all(&res, TD_FORMAT_AUTO, notext, strlen(notext), 0);
  CHECK_INT(res.nrefused, 1);
  CHECK(strstr(res.diags[0].msg, "<TEXT>") != NULL);
}

static void test_inputs(void) {
  result res;
  read_all(&res, TD_FORMAT_AUTO, "", 0, 0);
  CHECK_INT(res.nrefused, 1);
  CHECK(strstr(res.diags[0].msg, "empty") != NULL);
  read_all(&res, TD_FORMAT_AUTO, " \n\n \t\n", 6, 0);
  CHECK_INT(res.nrefused, 1);
  const char bin[] = {'\x7f', 'E', 'L', 'F', 0, 1, 2, 3};
  read_all(&res, TD_FORMAT_AUTO, bin, sizeof(bin), 0);
  CHECK_INT(res.nrefused, 1);
  CHECK(strstr(res.diags[0].msg, "binary") != NULL);
  CHECK_INT(res.diags[0].byte, 4);

  /* Files and directories: recursive, in name order, hidden files skipped;
   * a missing path is refused and the rest still read. */
  char dir[] = "/tmp/td_test_XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  char p[512];
  snprintf(p, sizeof(p), "%s/sub", dir);
  mkdir(p, 0700);
  const char *files[][2] = {{"b.txt", " date 2024-05-15 B\n\nBody.\n"},
                            {"sub/a.jsonl", "{\"text\":\"A.\"}\n"},
                            {".hidden", "{\"text\":\"hidden\"}\n"},
                            {"a.txt", "Plain A."}};
  for (size_t i = 0; i < 4; i++) {
    snprintf(p, sizeof(p), "%s/%s", dir, files[i][0]);
    FILE *f = fopen(p, "w");
    fputs(files[i][1], f);
    fclose(f);
  }
  td_reader *r = td_reader_new(ctx, NULL);
  td_reader_add_path(r, dir);
  td_reader_add_path(r, "/nonexistent/td/path");
  const char *want[] = {"a.txt", "b.txt", "sub/a.jsonl"};
  for (size_t i = 0; i < 3; i++) {
    td_doc *d;
    td_diag dg;
    CHECK_INT(td_reader_next(r, &d, &dg), TD_DOC);
    snprintf(p, sizeof(p), "%s/%s", dir, want[i]);
    CHECK_STR(td_doc_path(d), p);
    td_doc_free(d);
  }
  td_doc *d;
  td_diag dg;
  CHECK_INT(td_reader_next(r, &d, &dg), TD_REFUSED);
  CHECK(strstr(dg.msg, "cannot open") != NULL);
  CHECK_INT(td_reader_next(r, &d, &dg), TD_END);
  td_reader_free(r);
  for (size_t i = 0; i < 4; i++) {
    snprintf(p, sizeof(p), "%s/%s", dir, files[i][0]);
    unlink(p);
  }
  snprintf(p, sizeof(p), "%s/sub", dir);
  rmdir(p);
  rmdir(dir);
}

int main(void) {
  ctx = test_ctx();
  test_wire();
  test_wire_errors();
  test_jsonl();
  test_text_and_timeml();
  test_inputs();
  td_ctx_free(ctx);
  return td_check_done("test_read");
}
