/*
 * test_tabari_verbs.c — TABARI/PETRARCH verb dictionaries and discard
 * lists (src/lex/tabari_verbs.c), loaded into an event dictionary made
 * here (td_eventdict_new on a fresh lexicon): synonym sets, sets inside
 * sets, the plural of set words and "_" that forbids it; blocks with and
 * without codes; verbs with irregular forms and their own codes;
 * multi-word verbs (+SHAKE_HANDS, CLEAR_UP); patterns with every element
 * ('*', '$', '+', '%', '^', &SET, words matched as written, '_'
 * connectors), a verb that is not the first word of its phrase (RE_+GREET),
 * codes "042", "040:040", ":041" and "---"; PETRARCH 2's (PREP ...) and
 * {NOUN PHRASE} flattened; a block named twice; and bad lines reported with
 * their line numbers while the rest of the file still loads. Discard lists:
 * story ('+') and sentence discards found in a text by the lexicon.
 */
#include "ctx.h"
#include "lex/eventdict.h"
#include "util.h"

#include <unistd.h>

/* PETRARCH 1 syntax. The comment after each line gives its number when
 * the line is reported. */
static const char *const p1_src =
    "<!-- Invented verbs for the tests -->\n"       /* 1 */
    "- * EARLY [041]\n"                             /* 2: pattern before a block */
    "ROAM\n"                                        /* 3: verb before a block */
    "&NEGS_  # no plurals\n"                        /* 4 */
    "+DID N'T\n"
    "+WILL_NOT\n"
    "&THINGS\n"                                     /* 7 */
    "+TREATY\n"
    "+PEACE_ACCORD\n"
    "&MORE\n"                                       /* 10 */
    "+&THINGS\n"
    "+PROTOCOL_\n"
    "+&NOWHERE\n"                                   /* 13: undefined set */
    "&EMPTY\n"                                      /* 14: no phrase */
    "\n"
    "--- GREET  [041]  ---\n"                       /* 16 */
    "GREET    # pas 1 Jan 2000\n"
    "HAIL {HAILED HAILING} [042]\n"                 /* 18 */
    "+SHAKE_HANDS {+SHOOK_HANDS +SHAKEN_HANDS}\n"   /* 19 */
    "- * WARMLY_ +  [043]  # a comment\n"           /* 20 */
    "- $ &NEGS * [---]\n"                           /* 21 */
    "- % * [040:040]\n"                             /* 22 */
    "- + WAS * BY $ [:041]\n"                       /* 23 */
    "- * ^ &MORE [045]\n"                           /* 24 */
    "- SO IN_AND_*_OUT [046]\n"                     /* 25 */
    "- * &NOSUCH [048]\n"                           /* 26: undefined set */
    "- * ACCORD [04x!]\n"                           /* 27: bad code */
    "- ACCORD WARMLY [049]\n"                       /* 28: no '*' */
    "- * TWICE * [050]\n"                           /* 29: two '*' */
    "- * (UNCLOSED [051]\n"                         /* 30: unbalanced */
    "- * {A | B} [052]\n"                           /* 31: alternatives */
    "- * NO CODE\n"                                 /* 32: no code */
    "RE_+GREET\n"                                   /* 33: re greet ... */
    "<!-- a comment\n"
    "over lines -->\n"
    "--- SNUB ---\n"                                /* 36: no code */
    "SNUB\n"
    "CLEAR_UP [111]\n"                              /* 38 */
    "GREET\n"                                       /* 39: in another block */
    "- * BADLY [+++]\n"                             /* 40: bad code */
    "--- GREET [099] ---\n"                         /* 41: named again */
    "GREET\n"                                       /* 42: same block: silent */
    "- * TWICE [044]\n"                             /* 43 */
    "--- BROKEN [1234567] ---\n"                    /* 44: bad block code */
    "BREAK\n"
    "~ a (a b ATTACK) SAY = a b 015\n"              /* 46: transformation */
    "--- GREET [041] ---\n"                         /* 47: again, same code */
    "HAIL {HAILS} [042]\n";                         /* 48: given again */

/* PETRARCH 2 syntax (CAMEO.2.0.txt). */
static const char *const p2_src =
    "####### SYNONYM SETS #######\n"                /* 1 */
    "&WEAPON\n"
    "+MISSILE\n"
    "+ROCKET_LAUNCHER\n"
    "####### VERB PATTERNS #######\n"               /* 5 */
    "---  EXPORT   [---]  ---\n"
    "EXPORT\n"
    "DISPATCH [070]\n"                              /* 8 */
    "+BRING_OUT {+BRINGS_OUT +BRINGING_OUT +BROUGHT_OUT }\n"
    "- * {PASSENGER CARS} (TO +)                [061]    # EXPORT\n" /* 10 */
    "- * BATTALION (OF &WEAPON)                 [074]\n"
    "- * (IN ^) (WITH)                          [057:057]\n"
    "- *SCEPTICAL [012]\n"                          /* 13 */
    "- * (WITH VISIT) VISIT)[042:043]\n"            /* 14: unbalanced */
    "---  OFFEND   [:110]  ---\n"                   /* 15 */
    "OFFEND\n"
    "STUN {STUNS STUNNING STUNNED }  # OY 18 Mar 2006\n"
    "SCRAP {SCRAPPING SCRAPS SCRAPPED };shan   8/30/93\n"
    "+CRACK_DOWN {+CRACKED_DOWN , +CRACKS_DOWN , +CRACKING_DOWN}\n"
    "---  DISGRACE   [110]---  ---\n"               /* 20 */
    "DISGRACE\n"
    "~ a (b . ATTACK) SAY = a b 112\n";             /* 22 */

static const char *const discards_src =
    "# Story-level discards are marked with '+'.\n"
    "MONTHS LATER\n"
    "+World Golf Championships   # pas 26-Feb-2014\n"
    "BASEBALL\n"
    "+TYPHOON_  # whole word\n"
    "+\n";                                          /* 6: empty */

static char p1_path[64], p2_path[64], disc_path[64];

static void write_temp(char *path, const char *text) {
  strcpy(path, "/tmp/td_tverbs_XXXXXX");
  int fd = mkstemp(path);
  if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
    perror(path);
    exit(1);
  }
  close(fd);
}

static char reports[8192];

static void collect(void *ud, const td_diag *d) {
  (void)ud;
  size_t n = strlen(reports);
  snprintf(reports + n, sizeof(reports) - n, "%ld:%s\n", d->line, d->msg);
}

/* "LINE:" starts a report line */
static bool reported(long line) {
  char key[32];
  snprintf(key, sizeof(key), "\n%ld:", line);
  char buf[sizeof(reports) + 2];
  snprintf(buf, sizeof(buf), "\n%s", reports);
  return strstr(buf, key) != NULL;
}

#define REPORTED(line)                                                         \
  do {                                                                         \
    td_checks++;                                                               \
    if (!reported(line)) {                                                     \
      fprintf(stderr, "%s:%d: line %d not reported; reports:\n%s", __FILE__,  \
              __LINE__, line, reports);                                        \
      td_failures++;                                                           \
    }                                                                          \
  } while (0)
#define NOT_REPORTED(line)                                                     \
  do {                                                                         \
    td_checks++;                                                               \
    if (reported(line)) {                                                      \
      fprintf(stderr, "%s:%d: line %d reported; reports:\n%s", __FILE__,      \
              __LINE__, line, reports);                                        \
      td_failures++;                                                           \
    }                                                                          \
  } while (0)

static td_ctx *ctx; /* text model only */
static td_letters letters;
static td_wordnet wn;
static const td_wordnet *wnp; /* NULL when WordNet is not installed */
static td_lexicon *lx;
static td_cameo cameo;

/* The words the tests name, to print form ids back. */
static const char *const known[] = {
    "greet", "greets", "greeted", "re", "hail", "hailed", "hailing", "shake", "shook", "shaken", "hands",
    "warmly", "was", "by", "so", "in", "and", "out", "did", "n't", "will",
    "not", "treaty", "treaties", "peace", "accord", "accords", "protocol",
    "protocols", "snub", "clear", "up", "twice", "break", "export",
    "dispatch", "bring", "brings", "brought", "passenger", "cars", "to",
    "battalion", "of", "missile", "missiles", "rocket", "launcher",
    "launchers", "with", "sceptical", "offend", "stun", "stunned", "scrap",
    "scrapped", "crack", "cracked", "down", "disgrace", "early", "roam"};

static const char *wname(uint32_t id) {
  for (size_t i = 0; i < TD_COUNT(known); i++)
    if (td_lexicon_intern(lx, known[i]) == id)
      return known[i];
  return "?";
}

static uint32_t fid(const char *w) { return td_lexicon_intern(lx, w); }

/* A pattern of dictionary d from line `line`, as "ELEM ELEM ... [CODE]":
 * "_" before an element that must follow directly, "!" after a word
 * matched as written. */
static const char *pattern_at(const td_eventdict *d, uint32_t line) {
  static char out[512];
  out[0] = 0;
  for (size_t p = 0; p < d->pats.n; p++) {
    const td_epattern *pt = &d->pats.v[p];
    if (pt->line != line)
      continue;
    size_t n = 0;
    for (uint32_t i = 0; i < pt->nelem; i++) {
      const td_pelem *e = &d->elems.v[pt->elem + i];
      const char *k = e->kind == TD_PE_PRED     ? "*"
                      : e->kind == TD_PE_SOURCE ? "$"
                      : e->kind == TD_PE_TARGET ? "+"
                      : e->kind == TD_PE_BOTH   ? "%"
                      : e->kind == TD_PE_ANY    ? "^"
                                                : NULL;
      n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s%s%s%s",
                            i ? " " : "", e->flags & TD_PE_ADJ ? "_" : "",
                            e->kind == TD_PE_SET ? "&" : "",
                            k                        ? k
                            : e->kind == TD_PE_SET ? d->set_names.v[e->value]
                                                   : wname(e->value),
                            e->flags & TD_PE_EXACT ? "!" : "");
    }
    snprintf(out + n, sizeof(out) - n, " [%s:%s] %s", pt->code.code,
             pt->code.code2, d->blocks.v[pt->block].name);
    return out;
  }
  return "(none)";
}

/* The predicate whose head has form w ("" if none): "BLOCK rest... [CODE]"
 * of the first one. */
static const char *pred_of(const td_eventdict *d, const char *w) {
  static char out[256];
  uint32_t f = fid(w);
  if (f >= d->nforms || d->pred[f] < 0)
    return "";
  const td_epred *p = &d->preds.v[d->nodes.v[d->pred[f]].pred];
  size_t n = (size_t)snprintf(out, sizeof(out), "%s %s",
                              d->blocks.v[p->block].name, wname(p->lemma));
  for (uint8_t i = 0; i < p->nrest; i++)
    n += (size_t)snprintf(out + n, sizeof(out) - n, " %s", wname(p->rest[i]));
  snprintf(out + n, sizeof(out) - n, " [%s]",
           p->has_code ? p->code.code : "block");
  return out;
}

/* Every predicate whose head has form w: "head rest...|..." */
static const char *pred_all(const td_eventdict *d, const char *w) {
  static char out[1024];
  uint32_t f = fid(w);
  size_t n = 0;
  out[0] = 0;
  if (f >= d->nforms)
    return out;
  for (int32_t k = d->pred[f]; k >= 0; k = d->nodes.v[k].next) {
    const td_epred *p = &d->preds.v[d->nodes.v[k].pred];
    n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s", n ? "|" : "",
                          wname(p->lemma));
    for (uint8_t i = 0; i < p->nrest; i++)
      n += (size_t)snprintf(out + n, sizeof(out) - n, " %s",
                            wname(p->rest[i]));
  }
  return out;
}

/* The phrases of set `name`, "a b|c" in dictionary order. */
static const char *set_phrases(const td_eventdict *d, const char *name) {
  static char out[512];
  uint32_t s;
  out[0] = 0;
  if (!td_strmap_get(d->sets, name, strlen(name), &s))
    return "(no set)";
  char items[16][64];
  size_t ni = 0;
  for (uint32_t k = d->set_first[s]; k < d->set_first[s + 1] && ni < 16; k++) {
    uint32_t j = d->set_phr[k];
    uint32_t a = d->phrase_first.v[j];
    uint32_t b = j + 1 < d->phrase_first.n ? d->phrase_first.v[j + 1]
                                           : (uint32_t)d->words.n;
    size_t n = 0;
    items[ni][0] = 0;
    for (uint32_t w = a; w < b; w++)
      n += (size_t)snprintf(items[ni] + n, sizeof(items[ni]) - n, "%s%s",
                            w > a ? " " : "", wname(d->words.v[w]));
    ni++;
  }
  /* sort for a stable comparison */
  for (size_t i = 1; i < ni; i++)
    for (size_t j = i; j > 0 && strcmp(items[j - 1], items[j]) > 0; j--) {
      char t[64];
      memcpy(t, items[j], 64);
      memcpy(items[j], items[j - 1], 64);
      memcpy(items[j - 1], t, 64);
    }
  size_t n = 0;
  for (size_t i = 0; i < ni; i++)
    n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s", i ? "|" : "",
                          items[i]);
  return out;
}

static td_eventdict *load(const char *path, long *problems) {
  td_eventdict *d = td_eventdict_new(lx, wnp, &cameo);
  td_dict_report rep = {collect, NULL, 0};
  td_diag err;
  reports[0] = 0;
  CHECK(td_tabari_load_verbs(d, path, &rep, &err));
  td_eventdict_finish(d);
  *problems = rep.problems;
  return d;
}

static void test_p1(void) {
  long problems;
  td_eventdict *d = load(p1_path, &problems);
  /* the bad lines, with their numbers */
  static const int bad[] = {2, 3, 13, 14, 26, 27, 28, 29, 30, 31, 32,
                            39, 40, 41, 44, 46, 48};
  for (size_t i = 0; i < TD_COUNT(bad); i++)
    REPORTED(bad[i]);
  CHECK_INT(problems, (long)TD_COUNT(bad));
  static const int good[] = {4, 16, 18, 19, 20, 21, 22, 23, 24, 25, 33, 36,
                             38, 42, 43, 47};
  for (size_t i = 0; i < TD_COUNT(good); i++)
    NOT_REPORTED(good[i]);
  CHECK(strstr(reports, "26:synonym set &NOSUCH is not defined") != NULL);
  CHECK(strstr(reports, "41:block GREET is given again (line 16)") != NULL);
  CHECK(strstr(reports, "48:hail is already a verb of this block") != NULL);

  /* blocks and verbs: codes, irregular forms, multi-word verbs */
  CHECK_STR(pred_of(d, "greet"), "GREET greet [block]");
  CHECK_STR(pred_of(d, "greeted"), "GREET greet [block]");
  CHECK_STR(pred_of(d, "hail"), "GREET hail [042]");
  CHECK_STR(pred_of(d, "hailed"), "GREET hail [042]");
  CHECK_STR(pred_of(d, "shook"), "GREET shake hands [block]");
  CHECK_STR(pred_of(d, "shaken"), "GREET shake hands [block]");
  /* the verb is not the first word: each of its forms after "re" */
  CHECK_STR(pred_of(d, "re"), "GREET re greet [block]");
  CHECK(strstr(pred_all(d, "re"), "re greeted") != NULL);
  CHECK(strstr(pred_all(d, "re"), "re greets") != NULL);
  CHECK_STR(pred_of(d, "snub"), "SNUB snub [block]");
  CHECK_STR(pred_of(d, "clear"), "SNUB clear up [111]");
  CHECK_STR(pred_of(d, "break"), "BROKEN break [block]");
  CHECK_STR(pred_of(d, "roam"), "");
  uint32_t b;
  for (b = 0; b < d->blocks.n && strcmp(d->blocks.v[b].name, "GREET"); b++)
    ;
  CHECK(b < d->blocks.n);
  if (b < d->blocks.n)
    CHECK_STR(d->blocks.v[b].code.code, "041");
  for (b = 0; b < d->blocks.n && strcmp(d->blocks.v[b].name, "SNUB"); b++)
    ;
  if (b < d->blocks.n)
    CHECK_STR(d->blocks.v[b].code.code, "");
  for (b = 0; b < d->blocks.n && strcmp(d->blocks.v[b].name, "BROKEN"); b++)
    ;
  if (b < d->blocks.n)
    CHECK_STR(d->blocks.v[b].code.code, "");

  /* patterns: every element kind, connectors and codes */
  CHECK_STR(pattern_at(d, 20), "* warmly! + [043:] GREET");
  CHECK_STR(pattern_at(d, 21), "$ &NEGS * [:] GREET");
  CHECK_STR(pattern_at(d, 22), "% * [040:040] GREET");
  CHECK_STR(pattern_at(d, 23), "+ was! * by! $ [:041] GREET");
  CHECK_STR(pattern_at(d, 24), "* ^ &MORE [045:] GREET");
  CHECK_STR(pattern_at(d, 25), "so! in! _and! _* _out! [046:] GREET");
  /* a block named again: its patterns join the first */
  CHECK_STR(pattern_at(d, 43), "* twice! [044:] GREET");
  for (int l = 26; l <= 33; l++)
    CHECK_STR(pattern_at(d, (uint32_t)l), "(none)");

  /* synonym sets: words as written, the plural of the last word unless
   * '_' forbids it; a set inside a set */
  CHECK_STR(set_phrases(d, "NEGS"), "did n't|will not");
  CHECK_STR(set_phrases(d, "THINGS"), "peace accord|treaty");
  CHECK_STR(set_phrases(d, "MORE"), "peace accord|protocol|treaty");
  CHECK(fid("treaties") < d->nforms && d->lemma[fid("treaties")] == fid("treaty"));
  CHECK(fid("accords") < d->nforms && d->lemma[fid("accords")] == fid("accord"));
  CHECK(fid("protocols") >= d->nforms || d->lemma[fid("protocols")] == 0);
  td_eventdict_free(d);
}

static void test_p2(void) {
  long problems;
  td_eventdict *d = load(p2_path, &problems);
  REPORTED(14);
  REPORTED(22);
  CHECK_INT(problems, 2);
  CHECK_STR(pred_of(d, "dispatch"), "EXPORT dispatch [070]");
  CHECK_STR(pred_of(d, "brought"), "EXPORT bring out [block]");
  CHECK_STR(pred_of(d, "stunned"), "OFFEND stun [block]");
  CHECK_STR(pred_of(d, "scrapped"), "OFFEND scrap [block]");
  CHECK_STR(pred_of(d, "cracked"), "OFFEND crack down [block]");
  CHECK_STR(pred_of(d, "disgrace"), "DISGRACE disgrace [block]");
  uint32_t b;
  for (b = 0; b < d->blocks.n && strcmp(d->blocks.v[b].name, "OFFEND"); b++)
    ;
  CHECK(b < d->blocks.n);
  if (b < d->blocks.n) {
    CHECK_STR(d->blocks.v[b].code.code, "");
    CHECK_STR(d->blocks.v[b].code.code2, "110");
  }
  for (b = 0; b < d->blocks.n && strcmp(d->blocks.v[b].name, "DISGRACE"); b++)
    ;
  if (b < d->blocks.n)
    CHECK_STR(d->blocks.v[b].code.code, "110");
  /* (PREP ...) and {NOUN PHRASE} flattened into their words */
  CHECK_STR(pattern_at(d, 10), "* passenger! cars! to! + [061:] EXPORT");
  CHECK_STR(pattern_at(d, 11), "* battalion! of! &WEAPON [074:] EXPORT");
  CHECK_STR(pattern_at(d, 12), "* in! ^ with! [057:057] EXPORT");
  CHECK_STR(pattern_at(d, 13), "* sceptical! [012:] EXPORT");
  CHECK_STR(set_phrases(d, "WEAPON"), "missile|rocket launcher");
  CHECK(fid("launchers") < d->nforms &&
        d->lemma[fid("launchers")] == fid("launcher"));
  td_eventdict_free(d);
}

/* Discards: phrases in the lexicon, story (1) or sentence (0) level. */
static void test_discards(void) {
  td_lexicon *dl = td_lexicon_new(&letters, &ctx->text);
  td_dict_report rep = {collect, NULL, 0};
  td_diag err;
  reports[0] = 0;
  CHECK(td_tabari_load_discards(dl, disc_path, &rep, &err));
  CHECK_INT(rep.problems, 1);
  REPORTED(6);
  td_lexicon_build(dl, wnp);
  td_doc *doc = doc_from(ctx, TD_FORMAT_TEXT,
                         "Months later the world golf championships and two "
                         "baseballs were hit by typhoons, not a typhoon.",
                         "2024-01-01", NULL);
  CHECK(doc != NULL);
  if (!doc)
    return;
  const td_lx_matches *m = td_lexicon_run(doc, dl);
  char got[512];
  size_t n = 0;
  got[0] = 0;
  for (size_t i = 0; i < m->v.n; i++) {
    const td_lx_entry *e = td_lx_first(dl, &m->v.v[i], 1u << TD_LX_DISCARD);
    if (!e)
      continue;
    td_span s = {td_doc_tokens(doc)[m->v.v[i].first].start,
                 td_doc_tokens(doc)[m->v.v[i].end - 1].end};
    n += (size_t)snprintf(got + n, sizeof(got) - n, "%s%s=%u", n ? "|" : "",
                          span_text(doc, s), e->value);
  }
  CHECK_STR(got, "Months later=0|world golf championships=1|baseballs=0|"
                 "typhoon=1");
  td_doc_free(doc);
  td_lexicon_free(dl);
  /* a file that is not there */
  CHECK(!td_tabari_load_discards(lx, "/nonexistent/discards", &rep, &err));
  CHECK(strstr(err.msg, "cannot open") != NULL);
}

static void test_missing(void) {
  td_eventdict *d = td_eventdict_new(lx, wnp, &cameo);
  td_dict_report rep = {NULL, NULL, 0};
  td_diag err;
  CHECK(!td_tabari_load_verbs(d, "/nonexistent/verbs.txt", &rep, &err));
  CHECK(strstr(err.msg, "cannot open") != NULL);
  td_eventdict_free(d);
}

int main(void) {
  write_temp(p1_path, p1_src);
  write_temp(p2_path, p2_src);
  write_temp(disc_path, discards_src);
  td_diag err;
  td_ctx_opts o;
  memset(&o, 0, sizeof(o));
  o.text_only = true;
  ctx = td_ctx_open(&o, &err);
  if (!ctx || !td_letters_load(&letters, NULL, &err) ||
      !td_cameo_load(&cameo, NULL, &err)) {
    td_diag_print(&err, stderr);
    return 1;
  }
  if (td_wordnet_load(&wn, &err))
    wnp = &wn;
  else
    td_wordnet_free(&wn);
  lx = td_lexicon_new(&letters, &ctx->text);
  test_p1();
  test_p2();
  test_discards();
  test_missing();
  td_lexicon_free(lx);
  td_cameo_free(&cameo);
  if (wnp)
    td_wordnet_free(&wn);
  td_letters_free(&letters);
  td_ctx_free(ctx);
  unlink(p1_path);
  unlink(p2_path);
  unlink(disc_path);
  return td_check_done("test_tabari_verbs");
}
