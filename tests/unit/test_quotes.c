/*
 * test_quotes.c — the `quotes` layer (td_doc_nquotes / td_doc_quote):
 * straight, curly and « » quotes; "X said" and "said X" after a quote,
 * "X said:" and "X told reporters," before one, "according to X"; a quote
 * split by ", he said,"; a quote over several paragraphs (each opening
 * with a mark, or opened once and closed once); a paragraph that goes on
 * quoting the speaker before; reported speech ("X said that ...", "He
 * noted that ...", "..., the spokesman said."); speakers resolved through
 * the entities layer (pronouns, surnames, "the official"); scare quotes
 * left alone; unbalanced marks; the constructions of test_constructions
 * (opening adjuncts, appositions, shares of a poll, ", saying", a
 * parenthetical cue, a colon in a headline); and the seed stories' quotes.
 */
#include "shared.h"
#include "util.h"

static td_ctx *ctx;

/* "speaker>ref|cue|content" of each quote (ref: the name the speaker
 * resolves to, or "-"; content "D:" when direct, parts joined by " + "),
 * joined by " || ". */
static const char *quotes(const char *text) {
  static char out[8192];
  td_doc *d = annotated(ctx, text, "2024-03-03");
  size_t n = 0;
  td_quote_info q;
  out[0] = 0;
  for (size_t i = 0; td_doc_quote(d, i, &q); i++) {
    const char *ref = "-";
    td_entity_info e;
    if (q.ref >= 0 && td_doc_entity(d, (size_t)q.ref, &e) && e.name)
      ref = e.name;
    char sp[256] = "-", cue[128] = "-";
    if (q.has_speaker)
      snprintf(sp, sizeof(sp), "%s", span_text(d, q.speaker));
    if (q.has_cue)
      snprintf(cue, sizeof(cue), "%s", span_text(d, q.cue));
    n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s>%s|%s|%s",
                          i ? " || " : "", sp, ref, cue, q.direct ? "D:" : "");
    for (size_t k = 0; k < q.nparts && n < sizeof(out); k++)
      n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s", k ? " + " : "",
                            span_text(d, q.parts[k]));
  }
  td_doc_free(d);
  return out;
}

#define Q(text, want) CHECK_STR(quotes(text), want)

static void test_direct(void) {
  /* after the quote: "X said", "he said", "said X" */
  Q("“We will not retreat,” Defence Minister Yaroslav Petrenko said.",
    "Defence Minister Yaroslav Petrenko>Yaroslav Petrenko|said|D:“We will "
    "not retreat,”");
  Q("\"The talks failed,\" said John Smith, a spokesman.",
    "John Smith>John Smith|said|D:\"The talks failed,\"");
  Q("«Мы готовы», said Maria Zakharova.",
    "Maria Zakharova>Maria Zakharova|said|D:«Мы готовы»");
  /* before the quote */
  Q("Prime Minister Anna Berg told reporters: \"The border stays open for "
    "everyone who has a permit.\"",
    "Prime Minister Anna Berg>Anna Berg|told|D:\"The border stays open for "
    "everyone who has a permit.\"");
  Q("According to Jan Novak, \"the vote was rigged in every district of the "
    "capital.\"",
    "Jan Novak>-|According to|D:\"the vote was rigged in every "
    "district of the capital.\"");
  /* split by ", he said," */
  Q("General Omar Haddad met the envoy. \"We are ready,\" he said, \"but "
    "we will not wait forever.\"",
    "he>Omar Haddad|said|D:\"We are ready,\" + \"but we will not wait "
    "forever.\"");
  /* scare quotes are not quotations */
  Q("The so-called \"peace plan\" was rejected on Monday.", "");
}

static void test_paragraphs(void) {
  /* each paragraph opens with a mark; the next paragraph goes on */
  Q("\"We have done our job,\" Colonel Ivan Petrov said.\n\n"
    "\"The mission is over and the troops are going home to their "
    "families.\"",
    "Colonel Ivan Petrov>Ivan Petrov|said|D:\"We have done our job,\" || "
    "Colonel Ivan Petrov>Ivan Petrov|-|D:\"The mission is over and the "
    "troops are going home to their families.\"");
  /* opened once, closed once, three paragraphs later */
  Q("The minister spoke in Baku.\n\n\"The operation was completed in 44 "
    "days.\n\nThe mission was no longer needed.\n\nThe troops left in "
    "May,\" Eyvazov added.",
    "Eyvazov>Eyvazov|added|D:\"The operation was completed in 44 days.\n\nThe "
    "mission was no longer needed.\n\nThe troops left in May,\"");
  /* an unbalanced mark ends with its paragraph */
  Q("\"This quote never closes and runs to the end of its paragraph\n\n"
    "A new paragraph.",
    "->-|-|D:\"This quote never closes and runs to the end of its "
    "paragraph");
}

static void test_reported(void) {
  Q("President Ilham Aliyev said that the talks would resume in May.",
    "President Ilham Aliyev>Ilham Aliyev|said|that the talks would resume "
    "in May");
  Q("Foreign Minister Anna Berg arrived on Monday. She noted that the "
    "border was open.",
    "She>Anna Berg|noted|that the border was open");
  Q("The ceasefire held overnight, the spokesman said.",
    "the spokesman>-|said|The ceasefire held overnight");
  Q("The ceasefire held overnight, according to the army.",
    "the army>-|according to|The ceasefire held overnight");
  Q("Colonel Anar Eyvazov spoke in Baku. The official pointed out that "
    "the mission had ended.",
    "The official>Anar Eyvazov|pointed out|that the mission had ended");
  Q("Officials were quoted as saying the army had withdrawn.",
    "Officials>-|quoted as saying|the army had withdrawn");
}

static void test_malformed(void) {
  /* unbalanced and nested marks: no crash, content inside the text */
  static const char *bad[] = {"\"", "\"\"\"\"", "“ ” “", "« « « »",
                              "He said \"", "\"a\" \"b\" \"c", "”said he“",
                              "„Ja“, sagte er."};
  for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    td_doc *d = annotated(ctx, bad[i], "2024-03-03");
    size_t len;
    td_doc_text(d, &len);
    td_quote_info q;
    for (size_t k = 0; td_doc_quote(d, k, &q); k++) {
      CHECK(q.content.start < q.content.end && q.content.end <= len);
      CHECK(!q.has_speaker || q.speaker.end <= len);
    }
    td_doc_free(d);
  }
}

/* The constructions of reported speech added for PolNeAR (invented
 * sentences). */
static void test_constructions(void) {
  /* an opening adjunct is not content: the clause after the cue is */
  Q("Hours later, the ministry said the parade was cancelled.",
    "the ministry>-|said|the parade was cancelled");
  Q("In a statement, the mayor said the bridge would reopen in June.",
    "the mayor>-|said|the bridge would reopen in June");
  /* content before the cue may open with a preposition */
  Q("In 2019, about 40 percent of the wells ran dry, according to the "
    "water board.",
    "the water board>-|according to|In 2019, about 40 percent of the wells "
    "ran dry");
  /* "..., he told reporters on Friday." still ends the content */
  Q("The harbour stayed closed all week, the spokesman told reporters on "
    "Friday.",
    "the spokesman>-|told|The harbour stayed closed all week");
  /* two cues of one speaker: the content ends before the second */
  Q("She said the reform had failed and said that the minister should "
    "resign.",
    "She>-|said|the reform had failed || She>-|said|that the minister "
    "should resign");
  /* a source with appositions back to the sentence's start */
  Q("Tomas Varga, 52, a retired teacher, said the school had been closed "
    "for years.",
    "Tomas Varga, 52, a retired teacher>-|said|the school had been closed "
    "for years");
  Q("Senator Lena Ortiz, D-Ore., speaking after the vote, said the budget "
    "was a mistake.",
    "Senator Lena Ortiz, D-Ore.>Lena Ortiz|said|the budget was a mistake");
  /* "..., said X, an apposition." */
  Q("The dam will hold through the winter, said Piotr Nowak, an engineer at "
    "the regional authority.",
    "Piotr Nowak, an engineer at the regional authority>Piotr Nowak|said|"
    "The dam will hold through the winter");
  /* shares of a poll */
  Q("Asked about the tax, 61% said it was too high.",
    "->-|Asked|about the tax || 61%>-|said|it was too high");
  Q("Nearly three in 10 said they would not vote.",
    "Nearly three in 10>-|said|they would not vote");
  /* ", saying ...": the subject of the sentence */
  Q("Governor Ruth Adler on Monday vetoed the bill, saying it would raise "
    "rents.",
    "Governor Ruth Adler>Ruth Adler|saying|it would raise rents");
  /* a parenthetical cue: content on both sides */
  Q("The deal was, she said, the best the union could get.",
    "she>-|said|The deal was + the best the union could get");
  /* evidence after the content */
  Q("The factory paid no tax in 2020, records show.",
    "records>-|show|The factory paid no tax in 2020");
  /* a name and a colon opening a headline */
  Q("Insiders: the coalition will collapse before summer.",
    "Insiders>-|:|the coalition will collapse before summer");
  /* "adding, “...”" after a quote: the same speaker */
  Q("\"The vote was fair,\" Mayor Ines Kolar said, adding, \"We will accept "
    "the result.\"",
    "Mayor Ines Kolar>Ines Kolar|said|D:\"The vote was fair,\" || "
    "Mayor Ines Kolar>Ines Kolar|adding|D:\"We will accept the result.\"");
  /* a long apposition after a quote */
  Q("\"We will rebuild the school,\" Marta Lindqvist, the head of the "
    "regional education board, said on Tuesday.",
    "Marta Lindqvist, the head of the regional education board>Marta "
    "Lindqvist|said|D:\"We will rebuild the school,\"");
}

/* ---- The seed stories ----------------------------------------------------- */

/* The quote whose content starts with `start`: its speaker's resolved
 * name, or NULL. */
static const char *speaker_of(const td_doc *d, const char *start,
                              bool *direct) {
  static char name[256];
  size_t len;
  const char *text = td_doc_text(d, &len);
  td_quote_info q;
  for (size_t i = 0; td_doc_quote(d, i, &q); i++) {
    if (strncmp(text + q.content.start, start, strlen(start)))
      continue;
    td_entity_info e;
    *direct = q.direct;
    if (q.ref >= 0 && td_doc_entity(d, (size_t)q.ref, &e) && e.name) {
      snprintf(name, sizeof(name), "%s", e.name);
      return name;
    }
    return "(unresolved)";
  }
  return NULL;
}

/* The constructions added in the second round (invented sentences). */
static void test_more(void) {
  /* a thought inside what someone said is part of it */
  Q("Senator Paul Gray says he believes the bill will pass.",
    "Senator Paul Gray>Paul Gray|says|he believes the bill will pass");
  /* a quotation without a speaker inside a reported statement */
  Q("Mayor Lena Holt said that after years of delay and three failed "
    "votes in the council the city would now \"build a new bridge over the "
    "river before the next winter comes\".",
    "Mayor Lena Holt>Lena Holt|said|that after years of delay and three "
    "failed votes in the council the city would now \"build a new bridge "
    "over the river before the next winter comes\"");
  /* a quoted thought inside a reported statement is part of it */
  Q("Farmer Ruth Dale says she really thinks the mayor can win if he keeps "
    "\"doing what he is doing\".",
    "Farmer Ruth Dale>Ruth Dale|says|she really thinks the mayor can win if "
    "he keeps \"doing what he is doing\"");
  /* a paragraph ending with a colon, the quote in the next */
  Q("Senator Ann Cole continued:\n\n\"We will keep fighting for the "
    "families of this state.\"",
    "Senator Ann Cole>Ann Cole|continued|D:\"We will keep fighting for the "
    "families of this state.\"");
  Q("Continued Cole:\n\n\"We will keep fighting for the families of this "
    "state.\"",
    "Cole>-|Continued|D:\"We will keep fighting for the families of this "
    "state.\"");
  /* a split quote with the attribution's object and adjuncts */
  Q("\"The tension is real,\" he told Chris Cole of CNN after the debate, "
    "\"and it is getting worse every day.\"",
    "he>-|told|D:\"The tension is real,\" + \"and it is getting worse "
    "every day.\"");
  /* the passive: no source, or the agent after "by"; the subject is
   * part of the content */
  Q("Senator Ann Cole is expected to endorse the governor on Friday.",
    "->-|expected|Senator Ann Cole + to endorse the governor on Friday");
  Q("The plan was criticized by Mayor Lena Holt as a waste of money.",
    "Mayor Lena Holt>Lena Holt|criticized|The plan");
  /* "seem", "appear": the subject is what is said */
  Q("The governor seemed to waver on the tax plan.",
    "->-|seemed|The governor + to waver on the tax plan");
  /* an opening "Asked ...": the question, asker not named */
  Q("Asked whether she would run again, Mayor Lena Holt said she had not "
    "decided.",
    "->-|Asked|whether she would run again || Mayor Lena Holt>Lena Holt|said|"
    "she had not decided");
  /* "said that “...”" far from the cue: the quote is all that was said
   * and keeps the speaker and the cue */
  Q("Minister Yerlan Bek declined to say how many people remained in "
    "detention on either side, but said that \"the number is now in the "
    "dozens, not in the hundreds.\"",
    "Minister Yerlan Bek>Yerlan Bek|declined|to say how many people "
    "remained in detention on either side || Minister Yerlan Bek>Yerlan "
    "Bek|said|D:\"the number is now in the dozens, not in the hundreds.\"");
}

static void test_unknown_verbs(void) {
  /* after a quote that ends with a comma: "NAME VERB-ed" and "VERB-ed
   * NAME" with a verb the cue list does not know */
  Q("\"They are all here for the free stuff,\" Bennett shot back with a "
    "laugh.",
    "Bennett>-|shot|D:\"They are all here for the free stuff,\"");
  Q("\"Imagine the mayor on the same stage as the governor,\" mused "
    "Harriet Blaze.",
    "Harriet Blaze>-|mused|D:\"Imagine the mayor on the same "
    "stage as the governor,\"");
  Q("\"The market has not failed the workers,\" he mocks.",
    "he>-|mocks|D:\"The market has not failed the workers,\"");
  /* not a title in the middle of a sentence, nor "which VERB-s" */
  Q("The mayor watched \"Hail, Caesar,\" which debuted in May.", "");
  /* before a quote: the subject, an unknown verb and a colon (or the verb
   * right before a comma) */
  Q("Governor Ann Cole issued the following statement: \"Our prayers are "
    "with all those affected by the storm.\"",
    "Governor Ann Cole>Ann Cole|issued the following statement|D:\"Our "
    "prayers are with all those affected by the storm.\"");
  Q("Senator Ann Cole went on: \"It is like a leaking house and a plumber "
    "nobody calls.\"",
    "Senator Ann Cole>Ann Cole|went on|D:\"It is like a leaking house and "
    "a plumber nobody calls.\"");
  Q("Prager continues, \"In fact, the argument is so weak that nobody "
    "believes it.\"",
    "Prager>-|continues|D:\"In fact, the argument is so weak that nobody "
    "believes it.\"");
}

static void test_sources(void) {
  /* words before a mention back to its determiner */
  Q("The plan is good, a former official said.",
    "a former official>-|said|The plan is good");
  /* an apposition with "in" (the first word of "in the words of") */
  Q("The plan is good, said Steven Taylor, a chairman in Alabama.",
    "Steven Taylor, a chairman in Alabama>Steven Taylor|said|The plan is "
    "good");
  /* a full stop before the closing bracket */
  Q("Trade Talks Resume.\n\nBernie Sanders (I-Vt.) said he will go.",
    "Bernie Sanders (I-Vt.)>-|said|he will go");
  /* an adjunct between the cue and a clause */
  Q("Trade Talks Resume.\n\nSheldon Adelson said on Friday he met the "
    "mayor.",
    "Sheldon Adelson>Sheldon Adelson|said|he met the mayor");
  /* the rest of the sentence is another attribution, not content */
  Q("Trade Talks Resume.\n\nTen detainees returned home on Tuesday, the "
    "press centre of the border troops said, Dushanbe Courier reports.",
    "the press centre of the border troops>-|said|Ten detainees returned "
    "home on Tuesday");
  /* a share in words */
  Q("Trade Talks Resume.\n\nTwenty-four percent said they were more likely "
    "to vote for him.",
    "Twenty-four percent>-|said|they were more likely to vote for him");
  /* a comma joins names only in a list with "and" */
  Q("Trade Talks Resume.\n\nAfter reading a passage from the Book of "
    "Ruth, Marlow said the harvest would be late.",
    "Marlow>Marlow|said|the harvest would be late");
  Q("Trade Talks Resume.\n\nBritain, France and Germany said the talks "
    "would go on.",
    "Britain, France and Germany>-|said|the talks would go on");
  /* "is" in a relative clause after the subject does not make the cue
   * passive */
  Q("Trade Talks Resume.\n\nMarta Lind, who is the town's treasurer, said "
    "the budget was short.",
    "Marta Lind>-|said|the budget was short");
  /* a speaker separated from the cue by an apposition in dashes */
  Q("Trade Talks Resume.\n\nMarta Lind \u2014 the town's treasurer \u2014 "
    "said the budget was short.",
    "Marta Lind \u2014 the town's treasurer>-|said|the budget was "
    "short");
  Q("Trade Talks Resume.\n\nA former mayor -- Tom Weir, who lost in 2010 "
    "-- said the budget was short.",
    "A former mayor -- Tom Weir, who lost in 2010>-|said|the budget "
    "was short");
  /* a relative clause's content ends before the main clause's cue */
  Q("Trade Talks Resume.\n\nMarta Lind, who estimated that half the funds "
    "were lost, said the budget was short.",
    "who>-|estimated|that half the funds were lost || Marta "
    "Lind>-|said|the budget was short");
  /* the person told is not what was said */
  Q("Trade Talks Resume.\n\nMarta Lind told reporters the budget was "
    "short.",
    "Marta Lind>Marta Lind|told|the budget was short");
  /* a cue word after a determiner in an adjunct is a noun */
  Q("Trade Talks Resume.\n\nMarta Lind wrote in an email that the budget "
    "was short.",
    "Marta Lind>Marta Lind|wrote|that the budget was short");
  /* a cue word in its bare form after a phrase of one thing is a noun */
  Q("Trade Talks Resume.\n\nThe mayor used a private email to plan the "
    "visit.",
    "");
  Q("Trade Talks Resume.\n\nShe appeared on a late night show that the "
    "mayor had criticized.",
    "");
}

static void test_nouns(void) {
  /* a possessor, a noun cue and what follows it */
  Q("Trade Talks Resume.\n\nHis support for a bill that protected the "
    "border drew fire.",
    "His>-|support for|a bill that protected the border drew fire");
  Q("Trade Talks Resume.\n\nMayor Lena Holt's decision to run surprised "
    "the council.",
    "Mayor Lena Holt's>Lena Holt|decision|to run surprised the council");
  Q("Trade Talks Resume.\n\nThe mayor's criticism of the plan, made on "
    "Friday, stands.",
    "The mayor's>-|criticism of|the plan");
  /* the object of a verb: what that verb's subject reports */
  Q("Trade Talks Resume.\n\nThe senator defended his support for the "
    "bill.",
    "The senator>-|defended|his support for the bill");
  /* no noun cue without a possessor */
  Q("Trade Talks Resume.\n\nThe decision to run surprised the council.",
    "");
}

static void test_subjects(void) {
  /* a quantifier as a source */
  Q("Trade Talks Resume.\n\nNearly half said they prefer someone with "
    "experience.",
    "Nearly half>-|said|they prefer someone with experience");
  /* "... and said" without an earlier cue: the sentence's subject */
  Q("Trade Talks Resume.\n\nClinton celebrated in Florida with supporters "
    "and said it was another step closer to winning.",
    "Clinton>-|said|it was another step closer to winning");
}

static void test_seeds(void) {
  td_reader *r = seeds_reader(ctx);
  if (!r)
    return;
  td_doc *d;
  td_diag dg;
  int rc, found = 0;
  while ((rc = td_reader_next(r, &d, &dg)) != TD_END) {
    if (rc != TD_DOC)
      continue;
    td_doc_annotate(d, ctx);
    bool direct = false;
    const char *who;
    if (td_doc_source(d) && !strcmp(td_doc_source(d), "TASS")) {
      who = speaker_of(d, "“The Russian peacekeeping contingent", &direct);
      CHECK_STR(who ? who : "(none)", "Karim Valiyev");
      CHECK(direct);
      who = speaker_of(d, "“In September 2023", &direct);
      CHECK_STR(who ? who : "(none)", "Karim Valiyev");
      CHECK(direct);
      who = speaker_of(d, "that the defense ministries", &direct);
      CHECK_STR(who ? who : "(none)", "Hikmet Hajiyev");
      CHECK(!direct);
      found++;
    } else {
      who = speaker_of(d, "\"The large-scale counterterrorism", &direct);
      CHECK_STR(who ? who : "(none)", "Anar Eyvazov");
      CHECK(direct);
      /* the long quote runs over four paragraphs to “... Eyvazov added.” */
      size_t len;
      const char *text = td_doc_text(d, &len);
      td_quote_info q;
      for (size_t i = 0; td_doc_quote(d, i, &q); i++) {
        if (!q.direct)
          continue;
        const char *end = "of Azerbaijan,\u201d";
        size_t m = strlen(end);
        CHECK(q.content.end >= m &&
              !memcmp(text + q.content.end - m, end, m));
        const char *in = strstr(text + q.content.start, "This activity");
        CHECK(in && in < text + q.content.end);
      }
      found++;
    }
    td_doc_free(d);
  }
  td_reader_free(r);
  CHECK_INT(found, 2);
}

int main(void) {
  ctx = test_ctx();
  test_direct();
  test_paragraphs();
  test_reported();
  test_malformed();
  test_constructions();
  test_more();
  test_unknown_verbs();
  test_sources();
  test_nouns();
  test_subjects();
  test_seeds();
  td_ctx_free(ctx);
  return td_check_done("test_quotes");
}
