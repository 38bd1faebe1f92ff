/*
 * test_events.c — the `events` layer (td_doc_nevents / td_doc_event).
 * The matcher is tested with a small event dictionary of its own (written
 * to a temporary data directory, so that these checks do not move when
 * data/events.txt grows): subject and object, passive and its agent,
 * reduced relatives, infinitives ("decided to withdraw"), relative
 * pronouns, compound actors and appositions, event nouns (possessor, "of",
 * "by", light verbs), patterns with targets after prepositions, modality
 * (negated, hypothetical, conditional, planned, reported with the
 * speaker), dates (governing expression, opening expression, context,
 * story, a noun phrase dated elsewhere) and durations. Then the seed
 * stories with the built-in dictionaries.
 */
#include "shared.h"
#include "util.h"

#include <unistd.h>

static td_ctx *ctx;

static const char *const td_test_dict =
    "set\t&forces = troops, forces, peacekeepers, soldiers, contingent\n"
    "light\tcarry out, conduct, launch\n"
    "==\tpraise\t051\n"
    "verb\tthank, praise\n"
    "==\twithdraw\t0874\n"
    "verb\twithdraw, pull out\n"
    "noun\twithdrawal\n"
    "-\t* &forces from +\t0874\n"
    "-\t* from +\t0874\n"
    "-\t* ambassador\t161\n"
    "==\tsign\t057\n"
    "verb\tsign\n"
    "noun\tsigning\n"
    "==\tattack\t190\n"
    "verb\tattack, shell\n"
    "noun\tattack\n"
    "-\t* on +\t190\n"
    "==\toperation\t190\n"
    "noun\toperation\n"
    "==\tmeet\t040\n"
    "verb\tmeet\n"
    "-\t* with +\t040\n"
    "==\tcriticize\t111\n"
    "verb\tcriticize, condemn\n"
    "==\tsay\t---\n"
    "verb\tannounce\n";

/* One line per event: "CODE SRC>TGT DATE(from) [mod,...]" with the actors'
 * codes joined by '+', joined by " || ". */
static const char *events_of(td_doc *d) {
  static char out[8192];
  size_t n = 0;
  td_event_info e;
  out[0] = 0;
  for (size_t i = 0; td_doc_event(d, i, &e) && n < sizeof(out) - 200; i++) {
    n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s ", i ? " || " : "",
                          e.code);
    for (size_t k = 0; k < e.nsources; k++)
      n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s", k ? "+" : "",
                            e.sources[k].code ? e.sources[k].code : "?");
    n += (size_t)snprintf(out + n, sizeof(out) - n, ">");
    for (size_t k = 0; k < e.ntargets; k++)
      n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s", k ? "+" : "",
                            e.targets[k].code ? e.targets[k].code : "?");
    n += (size_t)snprintf(out + n, sizeof(out) - n, " %s(%s)",
                          e.date ? e.date : "-",
                          e.date ? td_date_from_name(e.date_from) : "-");
    for (unsigned b = 1; b <= TD_MOD_REPORTED; b <<= 1)
      if (e.modality & b)
        n += (size_t)snprintf(out + n, sizeof(out) - n, " %s",
                              td_modality_name(b));
  }
  return out;
}

static const char *ev(const char *text) {
  td_doc *d = annotated(ctx, text, "2024-05-15");
  const char *s = events_of(d);
  td_doc_free(d);
  return s;
}

#define EV(text, want) CHECK_STR(ev(text), want)

static void test_roles(void) {
  EV("Russia attacked Ukraine.", "190 RUS>UKR 2024-05-15(story)");
  EV("Ukraine was attacked by Russia.", "190 RUS>UKR 2024-05-15(story)");
  EV("Russian troops shelled Ukrainian positions.",
     "190 RUSMIL>UKR 2024-05-15(story)");
  /* infinitive: the subject of the governing verb, planned */
  EV("The leaders of Azerbaijan and Russia decided to withdraw the Russian "
     "peacekeepers from Azerbaijan.",
     "0874 AZE+RUS>AZE 2024-05-15(story) planned");
  /* a that-clause with its own subject is not a relative clause: the
   * actor before "that" is not the subject ("it" is) */
  EV("Bosnia rejected accusations from Serbia that it attacked Croatia.",
     "190 >HRV 2024-05-15(story)");
  /* relative pronoun and apposition */
  EV("France, which condemned Russia, met with Germany.",
     "111 FRA>RUS 2024-05-15(story) || 040 FRA>DEU 2024-05-15(story)");
  /* a compound with no target: among its members */
  EV("Armenia, Azerbaijan and Russia signed the statement.",
     "057 ARM+AZE+RUS>ARM+AZE+RUS 2024-05-15(story)");
  /* the pattern's target after a preposition */
  EV("Russia will pull out of Syria.", "0874 RUS>SYR 2024-05-15(story) planned");
  EV("Russia will withdraw its troops from Syria.",
     "0874 RUS>SYR 2024-05-15(story) planned");
}

static void test_nouns(void) {
  EV("The withdrawal of Russian peacekeepers from Azerbaijan began.",
     "0874 RUSMIL>AZE 2024-05-15(story)");
  /* "was condemned" has no agent: a target alone */
  EV("Israel's attack on Lebanon was condemned.",
     "111 >ISR 2024-05-15(story) || 190 ISR>LBN 2024-05-15(story)");
  EV("Azerbaijani forces carried out an operation in Karabakh in "
     "September 2023.",
     "190 AZEMIL> 2023-09(timex)");
  EV("The operation was conducted by Azerbaijani forces in September "
     "2023.",
     "190 AZEMIL> 2023-09(timex)");
}

static void test_modality(void) {
  EV("Russia did not attack Ukraine.", "190 RUS>UKR 2024-05-15(story) negated");
  EV("Russia could attack Ukraine.",
     "190 RUS>UKR 2024-05-15(story) hypothetical");
  EV("Russia refused to withdraw from Syria.",
     "0874 RUS>SYR 2024-05-15(story) negated");
  EV("The deal ends unless Russia attacks Ukraine.",
     "190 RUS>UKR 2024-05-15(story) conditional");
  EV("Russia will meet with Ukraine.",
     "040 RUS>UKR 2024-05-15(story) planned");
  EV("\"We will attack Ukraine,\" Russian President Vladimir Putin said.",
     "190 RUSGOV>UKR 2024-05-15(story) planned reported");
}

static void test_dates(void) {
  EV("Russia attacked Ukraine on April 17.", "190 RUS>UKR 2024-04-17(timex)");
  EV("On April 17, France said that Russia attacked Ukraine.",
     "190 RUS>UKR 2024-04-17(timex) reported");
  EV("In March 2023, France criticized Russia. Russia attacked Ukraine.",
     "111 FRA>RUS 2023-03(timex) || 190 RUS>UKR 2023-03(context)");
  /* a noun phrase dated elsewhere in the story */
  EV("Troops came under the trilateral statement signed by Armenia, "
     "Azerbaijan and Russia. The trilateral statement of November 10, 2020, "
     "ended the war.",
     "057 ARM+AZE+RUS>ARM+AZE+RUS 2020-11-10(timex)");
  td_doc *d = annotated(ctx,
                        "The operation, launched on September 27, 2020, by "
                        "Azerbaijan, was completed within 44 days.",
                        "2024-05-15");
  td_event_info e;
  CHECK(td_doc_event(d, 0, &e));
  CHECK_STR(e.date, "2020-09-27");
  td_doc_free(d);
}

/* The seeds with the built-in dictionaries. */
static bool has_event(td_doc *d, const char *root, const char *src,
                      const char *tgt, const char *date, unsigned mod) {
  td_event_info e;
  for (size_t i = 0; td_doc_event(d, i, &e); i++) {
    if (strncmp(e.code, root, strlen(root)))
      continue;
    if (date && (!e.date || strcmp(e.date, date)))
      continue;
    if (mod && !(e.modality & mod))
      continue;
    bool s = !src, t = !tgt;
    for (size_t k = 0; k < e.nsources && !s; k++)
      s = e.sources[k].code && !strcmp(e.sources[k].code, src);
    for (size_t k = 0; k < e.ntargets && !t; k++)
      t = e.targets[k].code && !strcmp(e.targets[k].code, tgt);
    if (s && t)
      return true;
  }
  fprintf(stderr, "no %s %s>%s %s event in: %s\n", root, src ? src : "*",
          tgt ? tgt : "*", date ? date : "*", events_of(d));
  return false;
}

static bool withdrawal(td_doc *d) {
  return has_event(d, "1661", "RUSMIL", "AZE", "2024-05-15", 0) ||
         has_event(d, "087", "RUSMIL", "AZE", "2024-05-15", 0);
}

static void test_seeds(void) {
  td_ctx *own = td_ctx_new(NULL, NULL);
  CHECK(own != NULL);
  if (!own)
    return;
  td_reader *r = seeds_reader(own);
  if (!r) {
    td_ctx_free(own);
    return;
  }
  td_doc *doc;
  td_diag diag;
  int n = 0;
  while (td_reader_next(r, &doc, &diag) == TD_DOC) {
    td_doc_annotate(doc, own);
    const char *src = td_doc_source(doc);
    if (src && !strcmp(src, "TASS")) {
      CHECK(has_event(doc, "05", "AZEMIL", "RUSMIL", NULL, 0));
      /* the withdrawal of peacekeepers: CAMEO 1661 (withdraw
       * peacekeepers) in our dictionary, 0874 would do too */
      CHECK(withdrawal(doc));
      CHECK(has_event(doc, "057", "ARM", NULL, "2020-11-09", 0));
      CHECK(has_event(doc, "057", "RUS", NULL, "2020-11-09", 0));
      CHECK(has_event(doc, "", NULL, NULL, "2024-04-17", 0));
      CHECK(has_event(doc, "", NULL, NULL, NULL, TD_MOD_CONDITIONAL));
    } else {
      CHECK(withdrawal(doc));
      CHECK(has_event(doc, "057", "RUSGOV", NULL, "2020-11-10", 0));
      CHECK(has_event(doc, "19", "AZEMIL", NULL, "2023-09", 0));
      CHECK(has_event(doc, "19", NULL, NULL, "2020-09-27", 0));
    }
    n++;
    td_doc_free(doc);
  }
  CHECK_INT(n, 2);
  td_reader_free(r);
  td_ctx_free(own);
}

int main(void) {
  char dir[] = "/tmp/td_test_events_XXXXXX";
  if (!mkdtemp(dir))
    return 1;
  char path[256];
  snprintf(path, sizeof(path), "%s/events.txt", dir);
  FILE *f = fopen(path, "w");
  if (!f)
    return 1;
  fputs(td_test_dict, f);
  fclose(f);
  td_diag err;
  ctx = td_ctx_new(dir, &err);
  unlink(path);
  rmdir(dir);
  if (!ctx) {
    td_diag_print(&err, stderr);
    return 1;
  }
  test_roles();
  test_nouns();
  test_modality();
  test_dates();
  td_ctx_free(ctx);
  test_seeds();
  return td_check_done("test_events");
}
