/*
 * test_timex.c — the temporal tagger, one rule family at a time: what is
 * found (extent), its type, value and mod, how relative expressions are
 * anchored, what is not a temporal expression, and the TimeML writer.
 */
#include "util.h"

static td_ctx *ctx;

/* "text=TYPE:VALUE[:MOD]" for each expression, joined by " | ". */
static const char *times(const char *text, const char *dct) {
  static char out[8192];
  td_read_opts o = {TD_FORMAT_TEXT, dct, NULL, 0};
  td_reader *r = td_reader_new(ctx, &o);
  td_reader_add_mem(r, "t", text, strlen(text));
  td_doc *d;
  td_diag dg;
  out[0] = 0;
  if (td_reader_next(r, &d, &dg) != TD_DOC) {
    td_reader_free(r);
    return "(refused)";
  }
  td_doc_annotate(d, ctx);
  size_t n = 0, len;
  const char *t = td_doc_text(d, &len);
  td_time tm;
  for (size_t i = 0; td_doc_time(d, i, &tm); i++)
    n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%.*s=%s:%s%s%s",
                          i ? " | " : "", (int)(tm.span.end - tm.span.start),
                          t + tm.span.start, tm.type, tm.value,
                          tm.mod ? ":" : "", tm.mod ? tm.mod : "");
  td_doc_free(d);
  td_reader_free(r);
  return out;
}

/* One expression expected in the text. */
#define HAS(text, dct, want)                                                   \
  do {                                                                         \
    const char *got_ = times(text, dct);                                       \
    td_checks++;                                                               \
    if (!strstr(got_, want)) {                                                 \
      fprintf(stderr, "%s:%d: %s\n  want: %s\n  got:  %s\n", __FILE__,         \
              __LINE__, text, want, got_);                                     \
      td_failures++;                                                           \
    }                                                                          \
  } while (0)

#define DCT "2024-05-15" /* a Wednesday */

static void test_calendar(void) {
  HAS("It began on September 27, 2020.", DCT, "September 27, 2020=DATE:2020-09-27");
  HAS("It began on 27 September 2020.", DCT, "27 September 2020=DATE:2020-09-27");
  HAS("It began on Sept. 27, 2020.", DCT, "Sept. 27, 2020=DATE:2020-09-27");
  HAS("Signed on Sunday, Nov. 10, 2020.", DCT, "Sunday, Nov. 10, 2020=DATE:2020-11-10");
  HAS("Filed on 2020-11-10.", DCT, "2020-11-10=DATE:2020-11-10");
  HAS("Signed in November 2020.", DCT, "November 2020=DATE:2020-11");
  HAS("Due in 2025.", DCT, "2025=DATE:2025");
  HAS("After the 2020 war.", DCT, "2020=DATE:2020");
  HAS("In the 1990s and the '80s.", DCT, "the 1990s=DATE:199");
  HAS("In the 1990s and the '80s.", DCT, "the '80s=DATE:198");
  HAS("In the 20th century.", DCT, "the 20th century=DATE:19");
  HAS("In spring 2023.", DCT, "spring 2023=DATE:2023-SP");
  HAS("In the third quarter of 2024.", DCT, "the third quarter of 2024=DATE:2024-Q3");
  /* A quarter still to come, in the past tense: last year's. */
  HAS("Third-quarter profit rose.", DCT, "Third-quarter=DATE:2023-Q3");
  HAS("First-quarter profit rose.", DCT, "First-quarter=DATE:2024-Q1");
  HAS("In the first half of 2024.", DCT, "the first half of 2024=DATE:2024-H1");
  HAS("Losses go on through the first two quarters of 2025.", DCT,
      "the first two quarters of 2025=DATE:2025-H1");
  HAS("A hearing was set for the week of March 6, 2023.", DCT,
      "the week of March 6, 2023=DATE:2023-W10");
  HAS("He was shot last Oct. 23.", DCT, "last Oct. 23=DATE:2023-10-23");
  HAS("It is this coming Sunday, March eighth.", "1998-03-05",
      "this coming Sunday, March eighth=DATE:1998-03-08");
  HAS("He was arrested after the October attack.", DCT, "October=DATE:2023-10");
  HAS("On Christmas Day.", DCT, "Christmas Day=DATE:2023-12-25");
}

/* Holidays whose day moves: the n-th weekday of a month, Easter. */
static void test_holidays(void) {
  HAS("He returned on Easter Sunday.", DCT, "Easter Sunday=DATE:2024-03-31");
  HAS("Shops closed on Good Friday.", DCT, "Good Friday=DATE:2024-03-29");
  HAS("Easter Monday was quiet.", "1999-04-10", "Easter Monday=DATE:1999-04-05");
  HAS("Protests grew as Easter week began.", "2000-04-17",
      "Easter week=DATE:2000-W16");
  HAS("They met on Thanksgiving.", DCT, "Thanksgiving=DATE:2023-11-23");
}

static void test_story_relative(void) {
  HAS("Talks ended today.", DCT, "today=DATE:2024-05-15");
  HAS("Talks ended yesterday.", DCT, "yesterday=DATE:2024-05-14");
  HAS("Talks resume tomorrow.", DCT, "tomorrow=DATE:2024-05-16");
  HAS("He left last week.", DCT, "last week=DATE:2024-W19");
  HAS("He leaves next month.", DCT, "next month=DATE:2024-06");
  HAS("Sales fell last year.", DCT, "last year=DATE:2023");
  HAS("It ended two years ago.", DCT, "two years ago=DATE:2022");
  HAS("In September last year.", DCT, "September last year=DATE:2023-09");
  HAS("Earlier this month, they met.", DCT, "Earlier this month=DATE:2024-05:START");
  HAS("BAKU, May 15. /TASS/. They met.", DCT, "May 15=DATE:2024-05-15");
  HAS("On April 17, the aide said so.", DCT, "April 17=DATE:2024-04-17");
  HAS("The deal was signed on Friday.", DCT, "Friday=DATE:2024-05-10");
  HAS("They will meet on Friday.", DCT, "Friday=DATE:2024-05-17");
  HAS("He spoke on Wednesday.", DCT, "Wednesday=DATE:2024-05-15");
  HAS("The talks are due on December 2.", DCT, "December 2=DATE:2024-12-02");
  HAS("The storm came in December.", DCT, "December=DATE:2023-12");
  HAS("He spoke tonight.", DCT, "tonight=TIME:2024-05-15TNI");
  HAS("He spoke this morning.", DCT, "this morning=TIME:2024-05-15TMO");
  HAS("It happened Friday night.", DCT, "Friday night=TIME:2024-05-10TNI");
  HAS("Prices rose last summer.", DCT, "last summer=DATE:2023-SU");
  HAS("It opens this summer.", DCT, "this summer=DATE:2024-SU");
  HAS("They met at 10:30 a.m. Tuesday.", DCT, "10:30 a.m. Tuesday=TIME:2024-05-14T10:30");
  HAS("The offer ends at 5 p.m. EST Nov. 9.", DCT, "5 p.m. EST Nov. 9=TIME:2023-11-09T17:00");
  HAS("Now the army left.", DCT, "Now=DATE:PRESENT_REF");
  HAS("He recently left.", DCT, "recently=DATE:PAST_REF");
  HAS("In the future, maybe.", DCT, "the future=DATE:FUTURE_REF");
  HAS("It happened several years ago.", DCT,
      "several years ago=DATE:PAST_REF");
  HAS("Islam will one day be the second religion.", DCT,
      "one day=DATE:FUTURE_REF");
  HAS("Prosecutors may soon seek an indictment.", DCT, "soon=DATE:FUTURE_REF");
  /* The clause has no tense word; the sentence says it is to come. */
  HAS("She will be named commander of the crew for a mission in December.",
      "1998-03-04", "December=DATE:1998-12");
  /* A plan in the past ("had been due"): the last Friday. */
  HAS("The offer had been due to expire Friday evening.", DCT,
      "Friday evening=TIME:2024-05-10TEV");
  HAS("The offer is due to expire Friday evening.", DCT,
      "Friday evening=TIME:2024-05-17TEV");
  /* A unit named in the rule ("the month", "the week"). */
  HAS("Troops arrive by the end of the month.", DCT,
      "the end of the month=DATE:2024-05:END");
  HAS("Shares rose during the week.", DCT, "the week=DATE:2024-W20");
}

/* Which words tell the tense of the clause around an expression. */
static void test_tense(void) {
  /* "unspecified" is an adjective, not a verb in the past */
  HAS("The split will be paid on a still unspecified date in January.", DCT,
      "January=DATE:2025-01");
  /* a reporting verb does not tell the tense of the rest of the sentence */
  HAS("They would be ready to leave as soon as Tuesday, Castro said.", DCT,
      "Tuesday=DATE:2024-05-21");
  /* "plans" after a verb in the past is a noun */
  HAS("In September, it announced plans to acquire a rival.", "2024-10-30",
      "September=DATE:2024-09");
  /* "set to", "is to": the future */
  HAS("The talks are set to resume Monday.", DCT, "Monday=DATE:2024-05-20");
  HAS("Trading is to resume in Paris Tuesday.", DCT, "Tuesday=DATE:2024-05-21");
  /* the present: the nearest date, not the reporting verb's past */
  HAS("Conseco said it is calling for the redemption on Dec. 7.",
      "2024-10-30", "Dec. 7=DATE:2024-12-07");
  /* a possessive belongs to its noun, not to the verb of the clause */
  HAS("They would look for ways to get around Wednesday's ruling.",
      "2024-05-17", "Wednesday=DATE:2024-05-15");
  /* "ahead of": what is awaited is to come */
  HAS("Traders squared positions ahead of the weekend.", "2024-05-13",
      "the weekend=DATE:2024-W20-WE");
  /* "since": what has lasted since is past */
  HAS("The index has risen since year-end.", "2024-10-30",
      "year-end=DATE:2023-12-31");
  /* in a future clause, "in five years" is when, not how long */
  HAS("The stock will be redeemed in five years.", DCT,
      "five years=DATE:2029");
  HAS("The dam was built in five years.", DCT, "five years=DURATION:P5Y");
}

/* The time the text is at: clock times, parts of the day, weekdays and
 * "that same day" after a date the text has named. */
static void test_text_time(void) {
  HAS("Fighting broke out late on Sunday. The shooting began at 23:40.", DCT,
      "23:40=TIME:2024-05-12T23:40");
  HAS("The accord was signed on March 3, 2021. He left the next morning.",
      DCT, "the next morning=TIME:2021-03-04TMO");
  HAS("Prices fell on Friday. Buyers came back in the morning.", DCT,
      "the morning=TIME:2024-05-10TMO");
  HAS("By mid afternoon, the fighting was over.", DCT,
      "mid afternoon=TIME:2024-05-15TAF");
  HAS("The market fell on Friday. It had risen the previous Friday.", DCT,
      "the previous Friday=DATE:2024-05-03");
  HAS("The accord was signed on March 3, 2021. Fighting stopped that same "
      "day.", DCT, "that same day=DATE:2021-03-03");
  /* the text is at a month: a day of it */
  HAS("The attack came in October 2023. The site closed that same day.", DCT,
      "that same day=DATE:2023-10-XX");
}

static void test_anaphora(void) {
  const char *t = "The accord was signed on March 3, 2021. The next day, "
                  "fighting stopped. The following week talks began. "
                  "That year the border opened.";
  HAS(t, DCT, "The next day=DATE:2021-03-04");
  HAS(t, DCT, "The following week=DATE:2021-W10");
  HAS(t, DCT, "That year=DATE:2021");
  /* "a year earlier" is a year before the story, or before the quarter the
   * text is reporting. */
  HAS("Profit rose from a year earlier.", DCT, "a year earlier=DATE:2023");
  HAS("In the third quarter, profit rose from a year earlier.", DCT,
      "a year earlier=DATE:2023-Q3");
  HAS("In the year-ago quarter, it lost money.", DCT,
      "the year-ago quarter=DATE:2023-Q1");
  /* a quarter still to come is not the one results are compared with */
  HAS("Losses go on through the third quarter of 2025. Profit fell from a "
      "year ago.", DCT, "a year ago=DATE:2023");
  /* "ended Sept. 30" tells which quarter; the text is still at it */
  HAS("Profit rose in the fiscal first quarter ended Sept. 30. A year ago, "
      "it lost money.", "2024-10-26", "A year ago=DATE:2023-Q1");
  HAS("Sales in the current quarter will rise.", DCT,
      "the current quarter=DATE:2024-Q2");
  HAS("Sales in the latest fiscal year rose.", DCT,
      "the latest fiscal year=DATE:2023");
  HAS("Sales for last year's quarter were $3 million.", DCT,
      "last year's quarter=DATE:2023-Q1");
  HAS("Net for the year-earlier nine months rose.", DCT,
      "the year-earlier nine months=DURATION:P9M");
  HAS("The sale should close by year end.", DCT, "year end=DATE:2024:END");
}

static void test_durations(void) {
  HAS("The term is five years.", DCT, "five years=DURATION:P5Y");
  HAS("For another five-year period.", DCT, "five-year period=DURATION:P5Y");
  HAS("It lasted 44 days.", DCT, "44 days=DURATION:P44D");
  HAS("It lasted forty-four days.", DCT, "forty-four days=DURATION:P44D");
  HAS("It lasted twenty four hours.", DCT, "twenty four hours=DURATION:PT24H");
  HAS("Six months before expiry.", DCT, "Six months=DURATION:P6M");
  HAS("A cease-fire of 72 hours.", DCT, "72 hours=DURATION:PT72H");
  HAS("It took a year and a half.", DCT, "a year and a half=DURATION:P1.5Y");
  HAS("It took a minute and a half.", DCT, "a minute and a half=DURATION:PT1M30S");
  HAS("It took 2 1/2 years.", DCT, "2 1/2 years=DURATION:P2.5Y");
  HAS("It took several years.", DCT, "several years=DURATION:PXY");
  HAS("They fought for years.", DCT, "years=DURATION:PXY");
  HAS("It lasted two decades.", DCT, "two decades=DURATION:P20Y");
  HAS("It takes a couple of weeks.", DCT, "a couple of weeks=DURATION:P2W");
  HAS("Sales will grow over the next couple of years.", DCT,
      "the next couple of years=DURATION:P2Y");
  HAS("After a day-long meeting.", DCT, "day-long=DURATION:P1D");
  HAS("A decades-long battle.", DCT, "decades-long=DURATION:PXY");
  HAS("After a several-year tenure.", DCT, "several-year=DURATION:PXY");
  HAS("Kidnappings rose in recent years.", DCT, "recent years=DURATION:PXY");
  HAS("Rates will fall in the coming weeks.", DCT,
      "the coming weeks=DURATION:PXW");
}

static void test_sets_and_mods(void) {
  HAS("Elections are held every four years.", DCT, "every four years=SET:P4Y");
  HAS("They meet every week.", DCT, "every week=SET:P1W");
  HAS("Rallies were held daily.", DCT, "daily=SET:P1D");
  HAS("Orangemen march each July.", DCT, "each July=SET:XXXX-07");
  HAS("Flights leave on Tuesday nights.", DCT,
      "Tuesday nights=SET:XXXX-WXX-2TNI");
  HAS("Prices fell in early 2020.", DCT, "early 2020=DATE:2020:START");
  HAS("Due by the end of November.", DCT, "the end of November=DATE:2024-11:END");
  HAS("It lasted about five years.", DCT, "about five years=DURATION:P5Y:APPROX");
  HAS("It lasted more than two years.", DCT, "more than two years=DURATION:P2Y:MORE_THAN");
  HAS("Rates peaked in the mid-1990s.", DCT, "mid-1990s=DATE:199:MID");
  /* A date moved by a duration with a duration's modifier takes the
   * point's: before, after. */
  HAS("It happened more than two years ago.", DCT,
      "more than two years ago=DATE:2022:BEFORE");
  HAS("It happened less than three days ago.", DCT,
      "less than three days ago=DATE:2024-05-12:AFTER");
  HAS("It ends at least two weeks from now.", DCT,
      "at least two weeks from now=DATE:2024-W22:ON_OR_AFTER");
  /* A year told by its end is a length of time. */
  HAS("Revenue was $76 million for the year ended March 31.", DCT,
      "the year=DURATION:P1Y");
  HAS("Profit in the fiscal year ending June 30 fell.", DCT,
      "the fiscal year=DURATION:P1Y");
}

static void test_not_timexes(void) {
  const char *none[] = {
      "The contingent left ahead of schedule.",
      "The term of its stay was set.",
      "Considering the current situation, they agreed.",
      "It sold 1,2020 units.",
      "Under Resolution 2020, troops left.",
      "It had 1960 servicemen.",
      "Call +1 202 555 0100 or 202-555-0100.",
      "Azerbaijan won 2-1.",
      "A 6-year-old boy and a man 52 years old survived.",
      "It paid a quarterly dividend.",
      "A quarter of the votes were cast.",
      "He was in his 30s.",
      "A second betrayal followed.",
      "He was released soon after the talks.",
      "For the alliance, high noon has come.",
      "It changed from a fiscal year to a calendar year.",
  };
  for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
    const char *got = times(none[i], DCT);
    td_checks++;
    if (got[0]) {
      fprintf(stderr, "%s:%d: not a time: %s\n  got: %s\n", __FILE__,
              __LINE__, none[i], got);
      td_failures++;
    }
  }
}

static void test_without_story_date(void) {
  HAS("They met on Friday.", NULL, "Friday=DATE:XXXX-WXX-5");
  HAS("They met on May 15.", NULL, "May 15=DATE:XXXX-05-15");
  HAS("They met on May 15, 2024.", NULL, "May 15, 2024=DATE:2024-05-15");
}

static void test_timeml_writer(void) {
  const char *tml =
      "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>T1</DOCID>\n"
      "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\" "
      "functionInDocument=\"CREATION_TIME\">1998-08-07</TIMEX3></DCT>\n"
      "<TEXT>\nAT&amp;T <EVENT eid=\"e1\">said</EVENT> "
      "<TIMEX3 tid=\"t9\" type=\"DATE\" value=\"X\">Friday</TIMEX3> that "
      "profit rose in the third quarter.\n</TEXT>\n</TimeML>\n";
  td_read_opts o = {TD_FORMAT_AUTO, NULL, NULL, 0};
  td_reader *r = td_reader_new(ctx, &o);
  td_reader_add_mem(r, "t", tml, strlen(tml));
  td_doc *d;
  td_diag dg;
  CHECK_INT(td_reader_next(r, &d, &dg), TD_DOC);
  td_doc_annotate(d, ctx);
  td_buf b = {0};
  td_doc_write_timeml(d, &b);
  td_buf_add(&b, "", 1);
  CHECK_STR(b.ptr,
            "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>T1</DOCID>\n"
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\" "
            "functionInDocument=\"CREATION_TIME\">1998-08-07</TIMEX3></DCT>\n"
            "<TEXT>\nAT&amp;T <EVENT eid=\"e1\">said</EVENT> "
            "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-07\">Friday"
            "</TIMEX3> that profit rose in <TIMEX3 tid=\"t2\" type=\"DATE\" "
            "value=\"1998-Q3\">the third quarter</TIMEX3>.\n</TEXT>\n"
            "</TimeML>\n");
  td_buf_free(&b);
  td_doc_free(d);
  td_reader_free(r);
}

int main(void) {
  ctx = test_ctx();
  test_calendar();
  test_holidays();
  test_story_relative();
  test_tense();
  test_text_time();
  test_anaphora();
  test_durations();
  test_sets_and_mods();
  test_not_timexes();
  test_without_story_date();
  test_timeml_writer();
  td_ctx_free(ctx);
  return td_check_done("test_timex");
}
