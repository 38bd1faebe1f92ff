/*
 * test_lexicon.c — the phrase matcher every dictionary shares: word
 * folding (src/lex/fold.h: case, diacritics, letters.txt, the final period
 * of abbreviations), the WordNet exception lists (src/lex/wordnet.h; that
 * part is skipped when the Debian wordnet-base files are absent), and a
 * small lexicon built with td_lexicon_add / td_lexicon_build and run over
 * documents (src/lex/lexicon.h): longest match, the case rules (lower case
 * matches any case, Capitalised needs a capital, ALLCAPS needs capitals),
 * TABARI-style proper phrases and particles, regular and irregular plurals,
 * "_" forbidding inflection, several entries on one phrase, and the
 * phrases the loader refuses.
 */
#include "ctx.h"
#include "lex/lexicon.h"
#include "util.h"

static td_ctx *ctx; /* text_only: reading and the text model */
static td_letters letters;
static td_wordnet wn;
static bool have_wn;

static const char *fold(const char *s) {
  static char out[TD_FORM_MAX];
  size_t n = td_fold_word(&letters, s, strlen(s), out);
  return n ? out : "(none)";
}

static void test_fold(void) {
  CHECK_STR(fold("Višegrad"), "visegrad");
  CHECK_STR(fold("ÇAĞRI"), "cagri");
  CHECK_STR(fold("Xocalı"), "xocali");    /* dotless i: letters.txt */
  CHECK_STR(fold("Əliyev"), "eliyev");    /* schwa: letters.txt, upper case */
  CHECK_STR(fold("İstanbul"), "istanbul"); /* dotted capital I */
  CHECK_STR(fold("Türkiye"), "turkiye");
  CHECK_STR(fold("Straße"), "strasse");
  CHECK_STR(fold("Łódź"), "lodz");
  CHECK_STR(fold("Ørsted"), "orsted");
  CHECK_STR(fold("NATO"), "nato");
  /* The period of an abbreviation is not part of the word. */
  CHECK_STR(fold("U.S."), "u.s");
  CHECK_STR(fold("U.S"), fold("U.S."));
  CHECK_STR(fold("Col."), "col");
  CHECK_STR(fold("’s"), "'s"); /* curly apostrophe = straight */
  /* Decomposed input (e + combining acute) folds as the composed one. */
  CHECK_STR(fold("Re\xCC\x81union"), "reunion");
  CHECK_STR(fold("\xC3"), "(none)"); /* invalid UTF-8 */
  char longw[200];
  memset(longw, 'a', sizeof(longw) - 1);
  longw[sizeof(longw) - 1] = 0;
  CHECK_STR(fold(longw), "(none)"); /* longer than TD_FORM_MAX */
}

static const char *exc_base(const td_exc_list *l, const char *form) {
  for (size_t i = 0; i < l->n; i++)
    if (!strcmp(l->v[i].form, form))
      return l->v[i].base;
  return NULL;
}

static void test_wordnet(void) {
  if (!have_wn) {
    fprintf(stderr, "skipped: WordNet exception lists not in %s\n",
            td_wordnet_dir());
    return;
  }
  CHECK(wn.noun.n > 1000 && wn.verb.n > 1000);
  CHECK_STR(exc_base(&wn.noun, "men"), "man");
  CHECK_STR(exc_base(&wn.noun, "crises"), "crisis");
  CHECK_STR(exc_base(&wn.noun, "children"), "child");
  CHECK_STR(exc_base(&wn.verb, "fought"), "fight");
  CHECK_STR(exc_base(&wn.verb, "went"), "go");
  CHECK_STR(exc_base(&wn.noun, "soldiers"), NULL); /* regular: not listed */
  /* Multi-word forms have spaces for WordNet's underscores. */
  CHECK_STR(exc_base(&wn.noun, "amici curiae"), "amicus curiae");
}

/* The phrases of the test lexicon; the value of each is its index. */
enum {
  P_STAFF, P_CHIEF, P_TURKEY, P_NATO, P_PEACEKEEPER, P_MAN, P_CRISIS,
  P_MILITIA, P_CHURCH, P_POLICE, P_US, P_XOCALI, P_GEORGIA_C, P_GEORGIA_P,
  P_CHAIRMAN, P_NK, P_PROSECUTOR, P_BANK, P_UNO, P_FOREIGN_OFFICE, P_N
};

static td_lexicon *make_lexicon(void) {
  static const struct {
    const char *phrase;
    unsigned flags;
    int kind, value;
  } ph[] = {
      {"general staff", TD_PH_INFLECT, TD_LX_AGENT, P_STAFF},
      {"chief of the general staff", TD_PH_INFLECT, TD_LX_ROLE, P_CHIEF},
      {"Turkey", 0, TD_LX_COUNTRY, P_TURKEY},
      {"NATO", 0, TD_LX_ACTOR, P_NATO},
      {"peacekeeper", TD_PH_INFLECT, TD_LX_AGENT, P_PEACEKEEPER},
      {"man", TD_PH_INFLECT, TD_LX_AGENT, P_MAN},
      {"crisis", TD_PH_INFLECT, TD_LX_AGENT, P_CRISIS},
      {"militia", TD_PH_INFLECT, TD_LX_AGENT, P_MILITIA},
      {"church", TD_PH_INFLECT, TD_LX_AGENT, P_CHURCH},
      {"police_", TD_PH_INFLECT, TD_LX_AGENT, P_POLICE},
      {"U.S.", 0, TD_LX_COUNTRY, P_US},
      {"Xocalı", 0, TD_LX_PLACE, P_XOCALI},
      {"Georgia", 0, TD_LX_COUNTRY, P_GEORGIA_C},
      {"Georgia", 0, TD_LX_PLACE, P_GEORGIA_P},
      {"chairman", TD_PH_INFLECT, TD_LX_ROLE, P_CHAIRMAN},
      {"Nagorno-Karabakh", 0, TD_LX_PLACE, P_NK},
      {"prosecutor's office", 0, TD_LX_AGENT, P_PROSECUTOR},
      {"BANK OF FREEDONIA", TD_PH_PROPER, TD_LX_XACTOR, P_BANK},
      {"UNO", TD_PH_PROPER, TD_LX_XACTOR, P_UNO},
      {"Foreign Office", TD_PH_ICASE, TD_LX_AGENT, P_FOREIGN_OFFICE},
  };
  td_lexicon *lx = td_lexicon_new(&letters, &ctx->text);
  static const char *const particles[] = {"of"};
  td_lexicon_set_particles(lx, particles, 1);
  for (size_t i = 0; i < sizeof(ph) / sizeof(ph[0]); i++) {
    const char *why = NULL;
    CHECK(td_lexicon_add(lx, ph[i].phrase, strlen(ph[i].phrase), ph[i].flags,
                         ph[i].kind, (uint32_t)ph[i].value, &why));
  }
  td_lexicon_build(lx, have_wn ? &wn : NULL);
  return lx;
}

/* The document's phrases, longest first from left to right, as
 * "text=value[,value...]" (entries in value order), joined by " | ";
 * a "~" after the text marks a match through an inflected form. */
static const char *phrases(const td_lexicon *lx, const char *text) {
  static char out[4096];
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT, text, "2024-05-15", NULL);
  size_t n = 0;
  out[0] = 0;
  if (!d)
    return "(refused)";
  const td_lx_matches *M = td_lexicon_run(d, lx);
  const td_token *tok = td_doc_tokens(d);
  size_t len;
  const char *t = td_doc_text(d, &len);
  size_t at = 0;
  for (uint32_t i = 0; i < td_doc_ntokens(d);) {
    const td_lx_match *m = td_lx_longest(lx, M, &at, i, ~0u);
    if (!m) {
      i++;
      continue;
    }
    uint32_t s = tok[m->first].start, e = tok[m->end - 1].end;
    n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%.*s%s=", n ? " | " : "",
                          (int)(e - s), t + s, m->inflected ? "~" : "");
    /* entries, smallest value first */
    uint32_t vals[8], nv = 0;
    for (uint32_t x = m->entry; x && nv < 8; x = td_lexicon_entry(lx, x)->next)
      vals[nv++] = td_lexicon_entry(lx, x)->value;
    for (uint32_t a = 0; a < nv; a++)
      for (uint32_t b = a + 1; b < nv; b++)
        if (vals[b] < vals[a]) {
          uint32_t tmp = vals[a];
          vals[a] = vals[b];
          vals[b] = tmp;
        }
    for (uint32_t a = 0; a < nv; a++)
      n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%u", a ? "," : "",
                            vals[a]);
    i = m->end;
  }
  td_doc_free(d);
  return out;
}

#define PH(lx, text, want) CHECK_STR(phrases(lx, text), want)

static void test_lexicon(void) {
  td_lexicon *lx = make_lexicon();
  /* Every phrase added counts, the two of "Georgia" too. */
  CHECK_INT(td_lexicon_nphrases(lx), P_N);
  char w[64];
  /* Longest match: the role, not the agent inside it. */
  snprintf(w, sizeof(w), "Chief of the General Staff=%d", P_CHIEF);
  PH(lx, "The Chief of the General Staff spoke.", w);
  snprintf(w, sizeof(w), "general staff=%d", P_STAFF);
  PH(lx, "The chief said the general staff met.", w);
  /* Lower case matches in any case. */
  snprintf(w, sizeof(w), "GENERAL STAFF=%d", P_STAFF);
  PH(lx, "THE GENERAL STAFF MET.", w);
  /* Capitalised: only with a capital (the country, not the bird). */
  snprintf(w, sizeof(w), "Turkey=%d", P_TURKEY);
  PH(lx, "They ate turkey in Turkey.", w);
  PH(lx, "They ate turkey.", "");
  snprintf(w, sizeof(w), "TURKEY=%d", P_TURKEY);
  PH(lx, "FLOODS IN TURKEY", w);
  /* ALLCAPS: only in capitals. */
  snprintf(w, sizeof(w), "NATO=%d", P_NATO);
  PH(lx, "Nato and NATO differ.", w);
  /* Regular plurals: -s, -ies after a consonant, -es after ch. */
  snprintf(w, sizeof(w), "peacekeepers~=%d", P_PEACEKEEPER);
  PH(lx, "The peacekeepers left.", w);
  snprintf(w, sizeof(w), "militias~=%d", P_MILITIA);
  PH(lx, "Two militias fought.", w);
  snprintf(w, sizeof(w), "churches~=%d", P_CHURCH);
  PH(lx, "Two churches burned.", w);
  snprintf(w, sizeof(w), "chairmen~=%d", P_CHAIRMAN);
  PH(lx, "The chairmen met.", w);
  /* The singular is no inflected match. */
  snprintf(w, sizeof(w), "peacekeeper=%d", P_PEACEKEEPER);
  PH(lx, "A peacekeeper left.", w);
  /* A final "_" takes no inflection. */
  PH(lx, "The polices were merged.", "");
  snprintf(w, sizeof(w), "police=%d", P_POLICE);
  PH(lx, "The police came.", w);
  /* Only the last word of a phrase is inflected. */
  snprintf(w, sizeof(w), "general staffs~=%d", P_STAFF);
  PH(lx, "Both general staffs met.", w);
  PH(lx, "Both generals staff met.", "");
  /* Irregular plurals from WordNet. */
  if (have_wn) {
    snprintf(w, sizeof(w), "men~=%d", P_MAN);
    PH(lx, "Armed men came.", w);
    snprintf(w, sizeof(w), "crises~=%d", P_CRISIS);
    PH(lx, "Two crises loomed.", w);
  }
  /* An abbreviation with or without its period; not the plain word. */
  snprintf(w, sizeof(w), "U.S.=%d", P_US);
  PH(lx, "The U.S. said so.", w);
  PH(lx, "They told us so.", "");
  /* Diacritics are ignored both ways. */
  snprintf(w, sizeof(w), "Xocali=%d", P_XOCALI);
  PH(lx, "They reached Xocali.", w);
  snprintf(w, sizeof(w), "Xocalı=%d", P_XOCALI);
  PH(lx, "They reached Xocalı.", w);
  /* Several entries on one phrase. */
  snprintf(w, sizeof(w), "Georgia=%d,%d", P_GEORGIA_C, P_GEORGIA_P);
  PH(lx, "Georgia voted.", w);
  /* A hyphenated compound is one word; "'s" and "’s" are the same. */
  snprintf(w, sizeof(w), "Nagorno-Karabakh=%d", P_NK);
  PH(lx, "In Nagorno-Karabakh, they met.", w);
  PH(lx, "In Nagorno Karabakh, they met.", "");
  snprintf(w, sizeof(w), "prosecutor’s office=%d", P_PROSECUTOR);
  PH(lx, "The prosecutor’s office said.", w);
  /* Proper (TABARI) phrases: capitals needed except on particles; a
   * short one-word name needs capitals. */
  snprintf(w, sizeof(w), "Bank of Freedonia=%d", P_BANK);
  PH(lx, "The Bank of Freedonia cut rates.", w);
  PH(lx, "The bank of freedonia cut rates.", "");
  snprintf(w, sizeof(w), "UNO=%d", P_UNO);
  PH(lx, "Uno and UNO.", w);
  /* Any case, as asked. */
  snprintf(w, sizeof(w), "foreign office=%d", P_FOREIGN_OFFICE);
  PH(lx, "The foreign office said.", w);
  /* Longest-first order: all matches at a token are listed. */
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT, "Chief of the General Staff.",
                       NULL, NULL);
  const td_lx_matches *M = td_lexicon_run(d, lx);
  CHECK_INT(M->v.n, 2); /* the role at 0, the agent at 3 */
  if (M->v.n == 2) {
    CHECK_INT(M->v.v[0].first, 0);
    CHECK_INT(M->v.v[0].end, 5);
    CHECK_INT(M->v.v[1].first, 3);
    CHECK(td_lx_first(lx, &M->v.v[0], 1u << TD_LX_AGENT) == NULL);
    CHECK(td_lx_first(lx, &M->v.v[0], 1u << TD_LX_ROLE) != NULL);
  }
  /* td_lx_longest with a kind mask skips the longer phrase of another
   * kind. */
  size_t at = 0;
  CHECK(td_lx_longest(lx, M, &at, 0, 1u << TD_LX_AGENT) == NULL);
  at = 0;
  const td_lx_match *m = td_lx_longest(lx, M, &at, 3, 1u << TD_LX_AGENT);
  CHECK(m && m->end == 5);
  td_doc_free(d);
  td_lexicon_free(lx);
}

static void test_refused(void) {
  td_lexicon *lx = td_lexicon_new(&letters, &ctx->text);
  const char *why = NULL;
  CHECK(!td_lexicon_add(lx, "  ", 2, 0, TD_LX_AGENT, 0, &why) && why);
  why = NULL;
  CHECK(!td_lexicon_add(lx, "-- ,", 4, 0, TD_LX_AGENT, 0, &why) && why);
  why = NULL;
  CHECK(!td_lexicon_add(lx, "a\nb", 3, 0, TD_LX_AGENT, 0, &why) && why);
  CHECK(td_lexicon_add(lx, "  army  ", 8, 0, TD_LX_AGENT, 7, &why));
  td_lexicon_build(lx, NULL);
  CHECK_INT(td_lexicon_nphrases(lx), 1);
  CHECK_STR(phrases(lx, "The army left."), "army=7");
  /* More phrases after a build are found after the next build. */
  CHECK(td_lexicon_add(lx, "navy", 4, 0, TD_LX_AGENT, 8, &why));
  td_lexicon_build(lx, NULL);
  CHECK_STR(phrases(lx, "The army and the navy."), "army=7 | navy=8");
  td_lexicon_free(lx);
}

int main(void) {
  td_diag err;
  td_ctx_opts o;
  memset(&o, 0, sizeof(o));
  o.text_only = true;
  ctx = td_ctx_open(&o, &err);
  if (!ctx || !td_letters_load(&letters, NULL, &err)) {
    td_diag_print(&err, stderr);
    return 1;
  }
  have_wn = td_wordnet_load(&wn, &err);
  if (!have_wn)
    td_wordnet_free(&wn);
  test_fold();
  test_wordnet();
  test_lexicon();
  test_refused();
  if (have_wn)
    td_wordnet_free(&wn);
  td_letters_free(&letters);
  td_ctx_free(ctx);
  return td_check_done("test_lexicon");
}
