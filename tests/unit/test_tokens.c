/*
 * test_tokens.c — the tokenizer: numbers, abbreviations, initials,
 * hyphens, clitics, quotes, dashes, ellipses, URLs, Unicode, offsets.
 */
#include "util.h"

static td_ctx *ctx;

static const char *tok(const char *text) {
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT, text, "2024-05-15", NULL);
  static char copy[8192];
  snprintf(copy, sizeof(copy), "%s", d ? tokens_of(d) : "(refused)");
  td_doc_free(d);
  return copy;
}

static void test_numbers(void) {
  CHECK_STR(tok("It had 1,960 servicemen, 90 carriers and 380 units."),
            "It|had|1,960|servicemen|,|90|carriers|and|380|units|.");
  CHECK_STR(tok("within 44 days, 1.5 million, 12% and $4.5 billion"),
            "within|44|days|,|1.5|million|,|12|%|and|$|4.5|billion");
  CHECK_STR(tok("at 10:30 on 15/05/2024, the 5th time since 1990s"),
            "at|10:30|on|15/05/2024|,|the|5th|time|since|1990s");
  CHECK_STR(tok("In 2020, 44 people"), "In|2020|,|44|people");
  CHECK_STR(tok("1,2020 units"), "1,2020|units");
  CHECK_STR(tok("on 2020-11-10 and 2019-2020"), "on|2020-11-10|and|2019-2020");
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT, "1,960 servicemen", NULL, NULL);
  CHECK_INT(kind_of(d, "1,960", NULL), TD_TOK_NUM);
  CHECK_INT(kind_of(d, "servicemen", NULL), TD_TOK_WORD);
  td_doc_free(d);
}

static void test_abbreviations(void) {
  CHECK_STR(tok("The U.S. and U.N. met Col. Smith and Gen. Jones in Sept. 2020."),
            "The|U.S.|and|U.N.|met|Col.|Smith|and|Gen.|Jones|in|Sept.|2020|.");
  CHECK_STR(tok("George W. Bush, e.g. this, at 3 p.m. today"),
            "George|W.|Bush|,|e.g.|this|,|at|3|p.m.|today");
  CHECK_STR(tok("He left the company Inc. Mr. Brown stayed."),
            "He|left|the|company|Inc.|Mr.|Brown|stayed|.");
  /* A word that is not an abbreviation keeps its period apart. */
  CHECK_STR(tok("in Karabakh. Then"), "in|Karabakh|.|Then");
  unsigned f = 0;
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT, "J. Smith and Col. Anar", NULL, NULL);
  CHECK_INT(kind_of(d, "J.", &f), TD_TOK_WORD);
  CHECK(f & TD_TF_INITIAL);
  kind_of(d, "Col.", &f);
  CHECK(f & TD_TF_ABBREV);
  td_doc_free(d);
}

static void test_words(void) {
  CHECK_STR(tok("a five-year period, the Commander-in-Chief, O'Brien"),
            "a|five-year|period|,|the|Commander-in-Chief|,|O'Brien");
  CHECK_STR(tok("the contingent’s stay and Russia's army"),
            "the|contingent|’s|stay|and|Russia|'s|army");
  CHECK_STR(tok("They don't, we're, I'll, she'd, I'm, can't"),
            "They|do|n't|,|we|'re|,|I|'ll|,|she|'d|,|I|'m|,|ca|n't");
  CHECK_STR(tok("leaders' summit"), "leaders|'|summit");
  CHECK_STR(tok("AT&T and S&P rose"), "AT&T|and|S&P|rose");
  CHECK_STR(tok("reports Trend.az and report.az"),
            "reports|Trend.az|and|report.az");
  /* A missing space after a sentence is not a dotted word. */
  CHECK_STR(tok("the end.The next"), "the|end|.|The|next");
  unsigned f = 0;
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT, "NATO and Karabakh's five-year", NULL, NULL);
  kind_of(d, "NATO", &f);
  CHECK((f & TD_TF_UPPER) && (f & TD_TF_CAP));
  kind_of(d, "'s", &f);
  CHECK(f & TD_TF_CLITIC);
  kind_of(d, "five-year", &f);
  CHECK(f & TD_TF_HYPHEN);
  td_doc_free(d);
}

static void test_punctuation(void) {
  CHECK_STR(tok("“Yes,” he said. \"No\" — «Да» – ok -- fine - good"),
            "“|Yes|,|”|he|said|.|\"|No|\"|—|«|Да|»|–|ok|--|fine|-|good");
  CHECK_STR(tok("wait... and … then ``quoted'' `x'"),
            "wait|...|and|…|then|``|quoted|''|`|x|'");
  CHECK_STR(tok("(see [1]) {a}"), "(|see|[|1|]|)|{|a|}");
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT, "“Yes” and \"no\" or 'maybe'", NULL, NULL);
  const td_token *t = td_doc_tokens(d);
  CHECK(t[0].kind == TD_TOK_QUOTE && (t[0].flags & TD_TF_OPEN));
  CHECK(t[2].kind == TD_TOK_QUOTE && (t[2].flags & TD_TF_CLOSE));
  CHECK(t[4].kind == TD_TOK_QUOTE && (t[4].flags & TD_TF_OPEN));
  CHECK(t[6].kind == TD_TOK_QUOTE && (t[6].flags & TD_TF_CLOSE));
  CHECK(t[8].kind == TD_TOK_QUOTE && (t[8].flags & TD_TF_OPEN));
  CHECK(t[10].kind == TD_TOK_QUOTE && (t[10].flags & TD_TF_CLOSE));
  td_doc_free(d);
}

static void test_urls(void) {
  CHECK_STR(tok("See https://example.org/a_b?x=1&y=(2). Or www.trend.az, "
                "mail press@mod.gov.az."),
            "See|https://example.org/a_b?x=1&y=(2)|.|Or|www.trend.az|,|mail|"
            "press@mod.gov.az|.");
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT, "at http://x.org now", NULL, NULL);
  CHECK_INT(kind_of(d, "http://x.org", NULL), TD_TOK_URL);
  td_doc_free(d);
}

static void test_unicode(void) {
  /* Decomposed "é" (e + U+0301): one token, its NFC form precomposed, its
   * span the original bytes. */
  const char *text = "Cafe\xCC\x81 and S\xCC\x8C" "ari\xC5\xAB";
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT, text, NULL, NULL);
  CHECK_STR(tokens_of(d), "Cafe\xCC\x81|and|S\xCC\x8C" "ari\xC5\xAB");
  const td_token *t = td_doc_tokens(d);
  CHECK_INT(t[0].start, 0);
  CHECK_INT(t[0].end, 6);
  CHECK(t[0].flags & TD_TF_NFC);
  size_t n;
  const char *form = td_doc_token_form(d, 0, &n);
  CHECK_INT(n, 5);
  CHECK(memcmp(form, "Caf\xC3\xA9", 5) == 0);
  form = td_doc_token_form(d, 2, &n);
  CHECK(n == 7 && memcmp(form, "\xC5\xA0" "ari\xC5\xAB", n) == 0);
  CHECK(!(t[1].flags & TD_TF_NFC));
  td_doc_free(d);

  /* Precomposed text needs no NFC form. */
  d = doc_from(ctx, TD_FORMAT_TEXT, "Kənan Məmmədli and Đorđe Ilić", NULL, NULL);
  CHECK_STR(tokens_of(d), "Kənan|Məmmədli|and|Đorđe|Ilić");
  for (size_t i = 0; i < td_doc_ntokens(d); i++)
    CHECK(!(td_doc_tokens(d)[i].flags & TD_TF_NFC));
  td_doc_free(d);

  /* Han characters are tokens one by one; Cyrillic words are words. */
  CHECK_STR(tok("北京市 said Москва заявила"), "北|京|市|said|Москва|заявила");
  /* A non-breaking space separates; a soft hyphen does not. */
  CHECK_STR(tok("five\xC2\xA0years peace\xC2\xADkeepers"),
            "five|years|peace\xC2\xADkeepers");
}

static void test_offsets(void) {
  const char *text = "  “Hello,” said Col. O’Neil — at 10:30…\n\nNext.";
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT, text, NULL, NULL);
  size_t len;
  const char *t = td_doc_text(d, &len);
  CHECK(t != NULL && len == strlen(text) && memcmp(t, text, len) == 0);
  const td_token *k = td_doc_tokens(d);
  for (size_t i = 0; i < td_doc_ntokens(d); i++) {
    CHECK(k[i].start < k[i].end && k[i].end <= len);
    if (i)
      CHECK(k[i].start >= k[i - 1].end);
  }
  CHECK_STR(tokens_of(d), "“|Hello|,|”|said|Col.|O’Neil|—|at|10:30|…|Next|.");
  td_doc_free(d);
}

int main(void) {
  ctx = test_ctx();
  test_numbers();
  test_abbreviations();
  test_words();
  test_punctuation();
  test_urls();
  test_unicode();
  test_offsets();
  td_ctx_free(ctx);
  return td_check_done("test_tokens");
}
