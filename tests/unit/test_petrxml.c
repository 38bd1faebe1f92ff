/*
 * test_petrxml.c — the reader of PETRARCH validation records
 * (src/read/petrxml.c) on XML written here: the <Environment> files,
 * <Config> options applying to the records after them, EventCodings
 * (with single-quoted actor texts, "---" targets, noevents and error
 * markers, and none at all), <Text> with its whitespace collapsed and
 * entities decoded, <Parse> skipped, comments anywhere; malformed records
 * reported with their line and byte while the others are still read; and
 * the shared records file when ../shared is there.
 */
#include "read/petrxml.h"
#include "util.h"

static char reports[8192];
static long nreports;

static void collect(void *ud, const td_diag *d) {
  (void)ud;
  size_t n = strlen(reports);
  snprintf(reports + n, sizeof(reports) - n, "%ld@%lld:%s\n", d->line,
           d->byte, d->msg);
  nreports++;
}

static const char *const good_xml =
    "<Validation>\n"                                                   /* 1 */
    "<!-- a comment with <tags> inside\n"
    "     over lines -->\n"
    "<Environment>\n"
    "  <Verbfile>V.verbs.txt</Verbfile>\n"                             /* 5 */
    "  <Actorfile>A.actors.txt</Actorfile>\n"
    "  <Actorfile>B.actors.txt</Actorfile>\n"
    "  <Agentfile>G.agents.txt</Agentfile>\n"
    "  <Discardfile>D.discards.txt</Discardfile>\n"
    "  <Errorfile>E.txt</Errorfile>\n"                                 /* 10 */
    "  <Config option=\"stop_on_error\" value=\"True\"></Config>\n"
    "</Environment>\n"
    "<Sentences>\n"
    "<Sentence date=\"19950101\" id=\"DEMO-00\" category=\"DEMO\" "
    "sentence=\"true\">\n"                                             /* 14 */
    "<!-- Simple coding -->\n"
    "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" "
    "eventcode=\"064\"></EventCoding>\n"
    "<EventCoding sourcecode=\"GON\" targetcode=\"ARN\" eventcode=\"064\"/>\n"
    "<Text>\n"
    "Arnor is about to restore full &amp; diplomatic ties with Gondor \n"
    "almost  five years &#x41;fter crowds trashed its embassy.\n"      /* 20 */
    "</Text>\n"
    "<Parse>\n"
    "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) <notatag>)))\n"
    "</Parse>\n"
    "</Sentence>\n"                                                    /* 25 */
    "<Config option=\"new_actor_length\" value=\"4\"></Config>\n"
    "<Config option=\"require_dyad\" value=\"false\"></Config>\n"
    "<Sentence date = \"20080801\" id =\"ACTOR-01\"  category=\"ACTOR\" "
    "sentence=\"false\">\n"                                            /* 28 */
    "<EventCoding sourcecode='\"INJURY TOLL\"' targetcode=\"---\" "
    "eventcode=\"223\"></EventCoding>\n"
    "<Text>Toll rose.</Text>\n"                                        /* 30 */
    "</Sentence>\n"
    "<Config option=\"require_dyad\" value=\"TRUE\"></Config>\n"
    "<Sentence date=\"19950101\" id=\"NONE-01\" category=\"DEMO\">\n"  /* 33 */
    "<EventCoding noevents = \"True\"> </EventCoding>\n"
    "<Text>Nothing happens.</Text>\n"                                  /* 35 */
    "</Sentence>\n"
    "<Sentence date=\"19950101\" id=\"DISCARD-01\" category=\"ERROR\">\n"
    "<EventCoding error=\"storydiscard\"></EventCoding>\n"
    "<Text>A typhoon.</Text>\n"
    "</Sentence>\n"                                                    /* 40 */
    "<Sentence date=\"19950101\" id=\"PATTERN-06\" category=\"PATTERN\">\n"
    "<!-- no EventCoding: none expected -->\n"
    "<Text>Gollum was in an accord.</Text>\n"
    "</Sentence>\n"
    "</Sentences>\n"                                                   /* 45 */
    "</Validation>\n";

static void test_good(void) {
  td_petr_file f;
  memset(&f, 0, sizeof(f));
  reports[0] = 0;
  nreports = 0;
  td_petr_parse(&f, "good.xml", good_xml, strlen(good_xml), collect, NULL);
  CHECK_INT(nreports, 0);
  CHECK_INT(f.refused, 0);
  CHECK_INT(f.verb_files.n, 1);
  CHECK_INT(f.actor_files.n, 2);
  CHECK_INT(f.agent_files.n, 1);
  CHECK_INT(f.discard_files.n, 1);
  if (f.verb_files.n && f.actor_files.n == 2 && f.discard_files.n) {
    CHECK_STR(f.verb_files.v[0], "V.verbs.txt");
    CHECK_STR(f.actor_files.v[1], "B.actors.txt");
    CHECK_STR(f.discard_files.v[0], "D.discards.txt");
  }
  CHECK_INT(f.records.n, 5);
  if (f.records.n != 5) {
    td_petr_free(&f);
    return;
  }
  const td_petr_record *r = &f.records.v[0];
  CHECK_STR(r->id, "DEMO-00");
  CHECK_STR(r->category, "DEMO");
  CHECK_STR(r->date, "1995-01-01");
  CHECK(r->sentence);
  CHECK_INT(r->line, 14);
  CHECK_STR(r->text, "Arnor is about to restore full & diplomatic ties with "
                     "Gondor almost five years After crowds trashed its "
                     "embassy.");
  CHECK_INT(r->text_len, strlen(r->text));
  CHECK_INT(r->ncodings, 2);
  CHECK_STR(r->codings[0].source, "ARN");
  CHECK_STR(r->codings[0].target, "GON");
  CHECK_STR(r->codings[0].event, "064");
  CHECK_STR(r->codings[1].source, "GON");
  CHECK(!r->noevents && !r->error);
  CHECK(r->require_dyad);
  CHECK_INT(r->new_actor_length, 0);

  r = &f.records.v[1];
  CHECK_STR(r->id, "ACTOR-01");
  CHECK_STR(r->date, "2008-08-01");
  CHECK(!r->sentence);
  CHECK_INT(r->ncodings, 1);
  CHECK_STR(r->codings[0].source, "\"INJURY TOLL\"");
  CHECK_STR(r->codings[0].target, "---");
  CHECK(!r->require_dyad);
  CHECK_INT(r->new_actor_length, 4);

  r = &f.records.v[2];
  CHECK_STR(r->id, "NONE-01");
  CHECK(r->noevents);
  CHECK_INT(r->ncodings, 0);
  CHECK(r->require_dyad);
  CHECK_INT(r->new_actor_length, 4);
  CHECK_STR(r->category, "DEMO");

  r = &f.records.v[3];
  CHECK_STR(r->error, "storydiscard");
  CHECK(!r->noevents);
  r = &f.records.v[4];
  CHECK_STR(r->id, "PATTERN-06");
  CHECK_INT(r->ncodings, 0);
  CHECK(!r->noevents && !r->error);
  td_petr_free(&f);
}

/* Each record below is malformed in one way; GOOD-n records must still be
 * read. */
static const char *const bad_xml =
    "<Validation><Sentences>\n"                                        /* 1 */
    "<Sentence date=\"19950101\" category=\"X\">\n"                    /* 2 no id */
    "<EventCoding noevents=\"True\"></EventCoding><Text>A.</Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"19951301\" id=\"BAD-DATE\">\n"                   /* 5 */
    "<EventCoding noevents=\"True\"></EventCoding><Text>A.</Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"19950101\" id=\"GOOD-1\">\n"                     /* 8 */
    "<EventCoding noevents=\"True\"></EventCoding><Text>B.</Text>\n"
    "</Sentence>\n"                                                    /* 10 */
    "<Sentence date=\"19950101\" id=\"NO-EVENT\">\n"
    "<EventCoding sourcecode=\"A\" targetcode=\"B\"></EventCoding>\n"  /* 12 */
    "<Text>C.</Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"19950101\" id=\"NO-TEXT\">\n"                    /* 15 */
    "<EventCoding noevents=\"True\"></EventCoding>\n"
    "</Sentence>\n"
    "<Sentence date=\"19950101\" id=\"OPEN-TEXT\">\n"                  /* 18 */
    "<EventCoding noevents=\"True\"></EventCoding>\n"
    "<Text>never closed\n"                                             /* 20 */
    "</Sentence>\n"
    "<Sentence date=\"19950101\" id=\"UNCLOSED\">\n"                   /* 22 */
    "<EventCoding noevents=\"True\"></EventCoding><Text>D.</Text>\n"
    "<Sentence date=\"19950101\" id=\"GOOD-2\">\n"                     /* 24 */
    "<EventCoding sourcecode=\"ARN\" targetcode=\"---\" "
    "eventcode=\"023\"></EventCoding>\n"
    "<Text>E.</Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"19950101\" id=BAD-ATTR>\n"                       /* 28 */
    "<EventCoding noevents=\"True\"></EventCoding><Text>F.</Text>\n"
    "</Sentence>\n"                                                    /* 30 */
    "<Sentence date=\"19950101\" id=\"BOTH\">\n"
    "<EventCoding noevents=\"True\"></EventCoding>\n"
    "<EventCoding sourcecode=\"A\" targetcode=\"B\" eventcode=\"01\"/>\n"
    "<Text>G.</Text>\n"
    "</Sentence>\n"                                                    /* 35 */
    "<Sentence date=\"19950101\" id=\"GOOD-3\">\n"
    "<EventCoding sourcecode=\"A\" targetcode=\"B\" eventcode=\"01\"/>\n"
    "<Text>H &lt; I.</Text>\n"
    "</Sentence>\n"
    "<Config option=\"require_dyad\" value=\"maybe\"></Config>\n"      /* 40 */
    "<Sentence date=\"19950101\" id=\"PARSE\">\n"
    "<EventCoding noevents=\"True\"></EventCoding><Text>J.</Text>\n"
    "<Parse> (ROOT never closed\n"                                     /* 43 */
    "</Sentence>\n"
    "</Sentences></Validation>\n";

static void test_bad(void) {
  td_petr_file f;
  memset(&f, 0, sizeof(f));
  reports[0] = 0;
  nreports = 0;
  td_petr_parse(&f, "bad.xml", bad_xml, strlen(bad_xml), collect, NULL);
  CHECK_INT(f.records.n, 3);
  if (f.records.n == 3) {
    CHECK_STR(f.records.v[0].id, "GOOD-1");
    CHECK_STR(f.records.v[1].id, "GOOD-2");
    CHECK_STR(f.records.v[1].codings[0].target, "---");
    CHECK_STR(f.records.v[2].id, "GOOD-3");
    CHECK_STR(f.records.v[2].text, "H < I.");
  }
  CHECK_INT(f.refused, 9);
  CHECK_INT(nreports, 10); /* the records and the bad Config */
  static const char *const want[] = {
      "2@",  "record at line 2: a record needs an id",
      "5@",  "record BAD-DATE: the date is not a valid YYYYMMDD date",
      "12@", "record NO-EVENT: an EventCoding has sourcecode, targetcode and "
             "eventcode",
      "15@", "record NO-TEXT: a record needs a non-empty <Text>",
      "21@", "record OPEN-TEXT: a tag inside the element",
      "24@", "record UNCLOSED: a new record starts before </Sentence>",
      "28@", "record at line 28: an attribute's value must be quoted",
      "31@", "record BOTH: a record has EventCodings and a noevents or error "
             "marker",
      "40@", "require_dyad is true or false; ignored",
      "43@", "record PARSE: <Parse> is not closed"};
  for (size_t i = 0; i < TD_COUNT(want); i += 2) {
    char key[256];
    snprintf(key, sizeof(key), "\n%s", want[i]);
    char buf[sizeof(reports) + 2];
    snprintf(buf, sizeof(buf), "\n%s", reports);
    const char *at = strstr(buf, key);
    td_checks++;
    if (!at || !strstr(at, want[i + 1]) ||
        strchr(at + 1, '\n') < strstr(at, want[i + 1])) {
      fprintf(stderr, "%s:%d: want %s%s\n  got:\n%s", __FILE__, __LINE__,
              want[i], want[i + 1], reports);
      td_failures++;
    }
  }
  /* bytes point into the file: the no-id record starts at byte 24 */
  CHECK(strstr(reports, "2@24:") != NULL);
  td_petr_free(&f);

  /* not XML at all, and an unclosed comment */
  memset(&f, 0, sizeof(f));
  reports[0] = 0;
  nreports = 0;
  td_petr_parse(&f, "text.xml", "just text\n", 10, collect, NULL);
  CHECK_INT(f.records.n, 0);
  CHECK(strstr(reports, "no PETRARCH records here") != NULL);
  td_petr_free(&f);
  memset(&f, 0, sizeof(f));
  reports[0] = 0;
  static const char unclosed[] =
      "<Sentences><Sentence date=\"19950101\" id=\"X\"><Text>A.</Text>"
      "<!-- open\n\n</Sentence>";
  td_petr_parse(&f, "c.xml", unclosed, sizeof(unclosed) - 1, collect, NULL);
  CHECK_INT(f.records.n, 0);
  CHECK_INT(f.refused, 1);
  CHECK(strstr(reports, "1@59:record X: a comment <!-- is not closed") != NULL);
  td_petr_free(&f);
  /* a file that cannot be read */
  td_diag err;
  memset(&f, 0, sizeof(f));
  CHECK(!td_petr_read(&f, "/nonexistent/records.xml", collect, NULL, &err));
  CHECK(strstr(err.msg, "cannot open") != NULL);
  td_petr_free(&f);
}

/* The records file of ../shared, when it is there. */
static void test_shared(void) {
  const char *base = getenv("TD_SHARED"), *ci = getenv("CI");
  char path[4096];
  snprintf(path, sizeof(path),
           "%s/corpora/petrarch-validation/PETR.UnitTest.records.xml",
           base && *base ? base : "../shared");
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    if (ci && !strcmp(ci, "true")) {
      fprintf(stderr, "missing %s (needed under CI)\n", path);
      td_failures++;
    } else {
      fprintf(stderr, "skipped the shared records: %s is missing\n", path);
    }
    return;
  }
  fclose(fp);
  td_petr_file f;
  memset(&f, 0, sizeof(f));
  td_diag err;
  reports[0] = 0;
  nreports = 0;
  CHECK(td_petr_read(&f, path, collect, NULL, &err));
  CHECK_INT(nreports, 0);
  CHECK_INT(f.records.n, 284);
  CHECK_INT(f.verb_files.n, 1);
  size_t codings = 0, noev = 0, errors = 0, dyad_off = 0;
  for (size_t i = 0; i < f.records.n; i++) {
    codings += f.records.v[i].ncodings;
    noev += f.records.v[i].noevents;
    errors += f.records.v[i].error != NULL;
    dyad_off += !f.records.v[i].require_dyad;
  }
  CHECK_INT(codings, 359); /* of 385 EventCodings: 19 noevents, 7 errors */
  CHECK_INT(noev, 19);
  CHECK_INT(errors, 7);
  CHECK(dyad_off > 0);
  td_petr_free(&f);
}

int main(void) {
  test_good();
  test_bad();
  test_shared();
  return td_check_done("test_petrxml");
}
