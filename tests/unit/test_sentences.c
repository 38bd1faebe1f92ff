/*
 * test_sentences.c — paragraphs, sentences, headlines, datelines, agencies
 * and boilerplate.
 */
#include "util.h"

static td_ctx *ctx;

static const char *sent(const char *text) {
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT, text, "2024-05-15", NULL);
  static char copy[16384];
  snprintf(copy, sizeof(copy), "%s", d ? sentences_of(d) : "(refused)");
  td_doc_free(d);
  return copy;
}

static void test_sentence_rules(void) {
  CHECK_STR(sent("One. Two! Three? Four"), "One. || Two! || Three? || Four");
  CHECK_STR(sent("The U.S. Army and Col. Smith met Gen. Jones. They talked."),
            "The U.S. Army and Col. Smith met Gen. Jones. || They talked.");
  /* An abbreviation of kind "other" ends a sentence before an opener. */
  CHECK_STR(sent("It is based in the U.S. The firm grew."),
            "It is based in the U.S. || The firm grew.");
  CHECK_STR(sent("He met George W. Bush on Sept. 27, 2020, at 3 p.m. in D.C."),
            "He met George W. Bush on Sept. 27, 2020, at 3 p.m. in D.C.");
  /* Quotes that close after the full stop belong to the sentence. */
  CHECK_STR(sent("“We are ready.” He left. \"Go!\" she said. She went."),
            "“We are ready.” || He left. || \"Go!\" she said. || She went.");
  CHECK_STR(sent("They said (in a note.) Then left."),
            "They said (in a note.) || Then left.");
  /* Lower case after a period: no break. */
  CHECK_STR(sent("Prices rose 5 pct. in May and fell."),
            "Prices rose 5 pct. in May and fell.");
  CHECK_STR(sent("It cost 1.5 million. 2020 was hard."),
            "It cost 1.5 million. || 2020 was hard.");
  CHECK_STR(sent("Wait... Then it came. And so … on."),
            "Wait... || Then it came. || And so … on.");
  CHECK_STR(sent("``It was a bomb,'' he said. ``Run.'' They ran."),
            "``It was a bomb,'' he said. || ``Run.'' || They ran.");
  /* An attribution after a quote ending in ? or ! stays with it. */
  CHECK_STR(sent("\"Why did nobody warn us?\" Wijaya asked. \"Go!\" Col. "
                 "Smith shouted. \"Really?\" The crowd left."),
            "\"Why did nobody warn us?\" Wijaya asked. || \"Go!\" Col. Smith "
            "shouted. || \"Really?\" || The crowd left.");
  CHECK_STR(sent("It is in the U.S. \"We will go,\" he said."),
            "It is in the U.S. || \"We will go,\" he said.");
  CHECK_STR(sent("the U.S. \"maximum pressure\" policy"),
            "the U.S. \"maximum pressure\" policy");
}

static void test_paragraphs(void) {
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT,
                       "First para, line one\nline two.\n\n  \nSecond. Still.\n",
                       NULL, NULL);
  CHECK_INT(td_doc_nparagraphs(d), 2);
  CHECK_STR(span_text(d, td_doc_paragraphs(d)[0]),
            "First para, line one\nline two.");
  CHECK_STR(sentences_of(d), "First para, line one\nline two. || Second. || Still.");
  CHECK_INT(td_doc_sentences(d)[2].para, 1);
  td_doc_free(d);

  /* Sentences never cross paragraphs, even without a full stop. */
  d = doc_from(ctx, TD_FORMAT_TEXT, "No stop here\n\nnext one", NULL, NULL);
  CHECK_STR(sentences_of(d), "No stop here || next one");
  td_doc_free(d);

  /* Long lines and no blank line: one paragraph per line. */
  char buf[1024];
  snprintf(buf, sizeof(buf),
           "%s\n%s\n",
           "The first paragraph is a single long line of text that goes on "
           "and on for well over one hundred and twenty bytes in all.",
           "The second paragraph is another long line of text, also longer "
           "than one hundred and twenty bytes, with no blank line between.");
  d = doc_from(ctx, TD_FORMAT_TEXT, buf, NULL, NULL);
  CHECK_INT(td_doc_nparagraphs(d), 2);
  td_doc_free(d);

  /* CRLF line ends. */
  d = doc_from(ctx, TD_FORMAT_TEXT, "One.\r\n\r\nTwo.\r\n", NULL, NULL);
  CHECK_INT(td_doc_nparagraphs(d), 2);
  CHECK_STR(sentences_of(d), "One. || Two.");
  td_doc_free(d);
}

static const td_dateline *dl_of(td_doc **d, const char *text) {
  *d = doc_from(ctx, TD_FORMAT_TEXT, text, "2024-05-15", NULL);
  return *d ? td_doc_dateline(*d) : NULL;
}

static void test_datelines(void) {
  td_doc *d;
  const td_dateline *dl = dl_of(&d, "BAKU, May 15. /TASS/. Russian troops left.");
  CHECK(dl != NULL);
  if (dl) {
    CHECK_STR(span_text(d, dl->span), "BAKU, May 15. /TASS/.");
    CHECK_STR(span_text(d, dl->place), "BAKU");
    CHECK_STR(dl->agency, "TASS");
    CHECK_INT(dl->date.year, 2024);
    CHECK_INT(dl->date.month, 5);
    CHECK_INT(dl->date.day, 15);
  }
  CHECK_STR(sentences_of(d), "Russian troops left.");
  CHECK_STR(td_doc_source(d), "TASS");
  CHECK_STR(td_doc_source_from(d), "dateline");
  td_doc_free(d);

  dl = dl_of(&d, "KHOJALY, Azerbaijan, May 15. The need disappeared.");
  CHECK(dl && !strcmp(span_text(d, dl->place), "KHOJALY"));
  CHECK(dl && dl->country && !strcmp(dl->country, "Azerbaijan"));
  CHECK(dl && dl->country_code && !strcmp(dl->country_code, "AZE"));
  CHECK(dl && dl->agency == NULL);
  td_doc_free(d);

  dl = dl_of(&d, "NAIROBI, Kenya (AP) _ Bombs exploded.");
  CHECK(dl && !strcmp(dl->agency, "Associated Press"));
  CHECK(dl && dl->date.year == 0);
  CHECK_STR(sentences_of(d), "Bombs exploded.");
  td_doc_free(d);

  dl = dl_of(&d, "NEWARK, N.J. _ A task force began work.");
  CHECK(dl && !strcmp(span_text(d, dl->region), "N.J.") && dl->country == NULL);
  td_doc_free(d);

  dl = dl_of(&d, "MOSCOW, 14 May (Reuters) - Talks began.");
  CHECK(dl && !strcmp(dl->agency, "Reuters") && dl->date.day == 14);
  td_doc_free(d);

  dl = dl_of(&d, "ST. PETERSBURG, Dec. 30 (Reuters) - Talks began.");
  CHECK(dl && !strcmp(span_text(d, dl->place), "ST. PETERSBURG"));
  /* Dec. 30 before a May story date: last year. */
  CHECK(dl && dl->date.year == 2023 && dl->date.month == 12);
  td_doc_free(d);

  dl = dl_of(&d, "Tbilisi, March 4 (Caspian Wire): Talks began.");
  CHECK(dl && !strcmp(span_text(d, dl->place), "Tbilisi"));
  CHECK(dl && !strcmp(dl->agency, "Caspian Wire"));
  td_doc_free(d);

  dl = dl_of(&d, "VIŠEGRAD, Bosnia and Herzegovina, May 21. Water rose.");
  CHECK(dl && dl->country_code && !strcmp(dl->country_code, "BIH"));
  td_doc_free(d);

  /* Names news uses beyond iso-codes (data/countries.txt). */
  dl = dl_of(&d, "ANKARA, Turkey (Reuters) - Talks began.");
  CHECK(dl && dl->country_code && !strcmp(dl->country_code, "TUR"));
  td_doc_free(d);
  dl = dl_of(&d, "KAZAN, Russia, May 14 (Reuters) - Talks began.");
  CHECK(dl && dl->country_code && !strcmp(dl->country_code, "RUS"));
  td_doc_free(d);

  /* Not datelines. */
  CHECK(dl_of(&d, "U.S. officials said on Monday that talks began.") == NULL);
  td_doc_free(d);
  CHECK(dl_of(&d, "Russian peacekeepers, May 15, left.") == NULL);
  td_doc_free(d);
  CHECK(dl_of(&d, "NATO said it would meet.") == NULL);
  td_doc_free(d);
}

static void test_agency_and_boilerplate(void) {
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT,
                       "KHOJALY, Azerbaijan, May 15. The mission ended, "
                       "Colonel Anar Eyvazov said, Trend reports.\n\n"
                       "He spoke at an event.\n\n"
                       "Stay up-to-date with more news at Trend News Agency's "
                       "WhatsApp channel",
                       "2024-05-15", NULL);
  CHECK_STR(td_doc_source(d), "Trend");
  CHECK_STR(td_doc_source_from(d), "text");
  CHECK_INT(td_doc_nparagraphs(d), 2);
  CHECK_STR(sentences_of(d), "The mission ended, Colonel Anar Eyvazov said, "
                             "Trend reports. || He spoke at an event.");
  td_doc_free(d);

  d = doc_from(ctx, TD_FORMAT_TEXT,
               "Talks began, a Steppe Courier correspondent reported.", NULL,
               NULL);
  CHECK_STR(td_doc_source(d), "Steppe Courier");
  td_doc_free(d);

  /* Agency named only in the boilerplate. */
  d = doc_from(ctx, TD_FORMAT_TEXT,
               "Talks ended on Monday.\n\nBoth sides spoke.\n\n"
               "Follow TASS on Telegram for the latest news.\n\n"
               "(Reporting by A. Writer; Editing by B. Editor)",
               "2024-05-15", NULL);
  CHECK_STR(td_doc_source(d), "TASS");
  CHECK_STR(td_doc_source_from(d), "boilerplate");
  CHECK_INT(td_doc_nparagraphs(d), 2);
  CHECK_INT(td_doc_nsentences(d), 2);
  td_doc_free(d);

  /* Boilerplate in the middle only when it may stand anywhere. */
  d = doc_from(ctx, TD_FORMAT_TEXT,
               "One.\n\nAdvertisement\n\nFollow us on Twitter for more.\n\n"
               "Two.",
               NULL, NULL);
  CHECK_INT(td_doc_nparagraphs(d), 3);
  CHECK_STR(sentences_of(d), "One. || Follow us on Twitter for more. || Two.");
  td_doc_free(d);

  /* --source is a fallback. */
  td_read_opts o = {TD_FORMAT_TEXT, "2024-05-15", "Own Desk", 0};
  td_reader *r = td_reader_new(ctx, &o);
  const char *t1 = "BAKU, May 15. /TASS/. Text.";
  const char *t2 = "Text without an agency.";
  td_reader_add_mem(r, "a", t1, strlen(t1));
  td_reader_add_mem(r, "b", t2, strlen(t2));
  td_doc *a = NULL, *b = NULL;
  td_diag dg;
  CHECK_INT(td_reader_next(r, &a, &dg), TD_DOC);
  CHECK_INT(td_reader_next(r, &b, &dg), TD_DOC);
  td_doc_analyze(a, ctx);
  td_doc_analyze(b, ctx);
  CHECK_STR(td_doc_source(a), "TASS");
  CHECK_STR(td_doc_source(b), "Own Desk");
  CHECK_STR(td_doc_source_from(b), "option");
  td_doc_free(a);
  td_doc_free(b);
  td_reader_free(r);
}

static void test_headline(void) {
  td_doc *d = doc_from(ctx, TD_FORMAT_WIRE,
                       " date 2024-05-15 Chief thanks peacekeepers\n\n"
                       "BAKU, May 15. /TASS/. Troops left. They went home.\n",
                       NULL, NULL);
  CHECK_STR(td_doc_title(d), "Chief thanks peacekeepers");
  CHECK_STR(sentences_of(d),
            "Chief thanks peacekeepers || Troops left. || They went home.");
  CHECK_INT(td_doc_nparagraphs(d), 2);
  td_doc_free(d);

  /* No headline: the first line opens with a dateline. */
  d = doc_from(ctx, TD_FORMAT_WIRE,
               " date 2024-05-15 KHOJALY, Azerbaijan, May 15. The need "
               "disappeared.\n\nHe spoke.\n",
               NULL, NULL);
  CHECK(td_doc_title(d) == NULL);
  CHECK_STR(sentences_of(d), "The need disappeared. || He spoke.");
  td_doc_free(d);

  /* No headline: the first line reads as a sentence. */
  d = doc_from(ctx, TD_FORMAT_WIRE,
               " date 2024-05-15 Russia said on Monday it would leave.\n\nMore.\n",
               NULL, NULL);
  CHECK(td_doc_title(d) == NULL);
  td_doc_free(d);

  /* A headline directly followed by the body, without a blank line. */
  d = doc_from(ctx, TD_FORMAT_WIRE,
               " date 2024-05-15 Troops leave\nBAKU, May 15. /TASS/. They left.\n",
               NULL, NULL);
  CHECK_STR(td_doc_title(d), "Troops leave");
  CHECK_STR(sentences_of(d), "Troops leave || They left.");
  td_doc_free(d);
}

static void test_scripts(void) {
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT,
                       "Российские миротворцы покинули Карабах. Об этом "
                       "сообщило министерство обороны.",
                       "2024-05-15", NULL);
  CHECK_INT(td_doc_nsentences(d), 2);
  CHECK(td_doc_nwarnings(d) == 1 &&
        strstr(td_doc_warning(d, 0)->msg, "Cyrillic") != NULL);
  td_doc_free(d);
  d = doc_from(ctx, TD_FORMAT_TEXT, "中国外交部发言人表示。会谈将继续。", NULL,
               NULL);
  CHECK_INT(td_doc_nsentences(d), 2);
  td_doc_free(d);
}

int main(void) {
  ctx = test_ctx();
  test_sentence_rules();
  test_paragraphs();
  test_datelines();
  test_agency_and_boilerplate();
  test_headline();
  test_scripts();
  td_ctx_free(ctx);
  return td_check_done("test_sentences");
}
