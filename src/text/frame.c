/*
 * frame.c — what wraps the news in a wire story: the dateline ("BAKU, May
 * 15. /TASS/."), the agency that filed it (from the dateline, a phrase such
 * as ", Trend reports." or its boilerplate) and the agency's boilerplate
 * ("Stay up-to-date with ..."). The patterns are data: datelines.txt,
 * agencies.txt, boilerplate.txt.
 */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>

/* Runs re on s[0..n) into md; true on a match. The text was validated as
 * UTF-8 when it was read, and s..s+n is cut at character boundaries, so
 * PCRE2 need not check it again. A pattern the JIT compiled runs without
 * pcre2_match's checks (these run for every paragraph and pattern);
 * another one, by the interpreter, as pcre2_match does. */
static bool td_re_match(pcre2_code *re, const char *s, size_t n,
                        pcre2_match_data *md) {
  int rc =
      pcre2_jit_match(re, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, md, NULL);
  if (rc == PCRE2_ERROR_JIT_BADOPTION)
    rc = pcre2_match(re, (PCRE2_SPTR)s, n, 0, PCRE2_NO_UTF_CHECK, md, NULL);
  return rc >= 0;
}

/* The span of named group `name` (offset by base), or an empty span. */
static td_span td_re_group(pcre2_code *re, pcre2_match_data *md,
                           const char *name, uint32_t base) {
  td_span sp = {0, 0};
  int g = pcre2_substring_number_from_name(re, (PCRE2_SPTR)name);
  PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
  if (g > 0 && (uint32_t)g < pcre2_get_ovector_count(md) &&
      ov[2 * g] != PCRE2_UNSET) {
    sp.start = base + (uint32_t)ov[2 * g];
    sp.end = base + (uint32_t)ov[2 * g + 1];
  }
  return sp;
}

/* Canonical agency name for the text of span sp; the text as written when
 * it is not a known alias. */
static const char *td_agency_name(td_doc *doc, const td_text_rules *r,
                                  td_span sp) {
  const char *s = doc->text + sp.start;
  size_t n = sp.end - sp.start;
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '.'))
    n--;
  const char *known = td_agency_lookup(r, s, n);
  return known ? known : td_doc_strdup(doc, s, n);
}

/* Resolves "May 15", "15 May", "Sept. 27, 2020" against the story date: a
 * date without a year takes the year that puts it nearest before (or at
 * most two months after) the story date. */
static td_date td_resolve_day_month(const char *s, size_t n, td_date story) {
  td_date d = {0, 0, 0};
  int month = 0, day = 0, year = 0;
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && s[j] != ' ' && s[j] != ',')
      j++;
    if (j > i) {
      if (s[i] >= '0' && s[i] <= '9') {
        int v = atoi(s + i);
        if (j - i == 4)
          year = v;
        else
          day = v;
      } else {
        month = td_month_number(s + i, j - i);
      }
    }
    i = j + 1;
  }
  if (!month || !day)
    return d;
  if (!year && story.year > 0) {
    year = story.year;
    int delta = (month - story.month) * 31 + (day - story.day);
    if (delta > 62)
      year--;
    else if (delta < -300)
      year++;
  }
  if (year && !td_date_valid(year, month, day))
    return d;
  d.year = (int16_t)year;
  d.month = (int8_t)month;
  d.day = (int8_t)day;
  return d;
}

bool td_find_dateline(td_doc *doc, const td_text_rules *r, td_span para,
                      pcre2_match_data *md) {
  const char *s = doc->text + para.start;
  size_t n = TD_MIN(para.end - para.start, 300u);
  while (n > 0 && n < para.end - para.start &&
         ((unsigned char)s[n] & 0xC0) == 0x80)
    n--; /* cut at a character boundary */
  for (size_t k = 0; k < r->datelines.n; k++) {
    pcre2_code *re = r->datelines.v[k].re;
    if (!td_re_match(re, s, n, md))
      continue;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    td_dateline *dl = &doc->dateline;
    memset(dl, 0, sizeof(*dl));
    dl->found = true;
    uint32_t end = (uint32_t)ov[1];
    while (end > 0 && (unsigned char)s[end - 1] <= ' ')
      end--;
    dl->span.start = para.start;
    dl->span.end = para.start + end;
    dl->place = td_re_group(re, md, "place", para.start);
    dl->region = td_re_group(re, md, "region", para.start);
    dl->date_span = td_re_group(re, md, "date", para.start);
    dl->agency_span = td_re_group(re, md, "agency", para.start);
    if (dl->date_span.end > dl->date_span.start)
      dl->date = td_resolve_day_month(doc->text + dl->date_span.start,
                                      dl->date_span.end - dl->date_span.start,
                                      doc->date);
    if (dl->agency_span.end > dl->agency_span.start)
      dl->agency = td_agency_name(doc, r, dl->agency_span);
    const td_country *c =
        r->countries && dl->region.end > dl->region.start
            ? td_country_find(r->countries, doc->text + dl->region.start,
                              dl->region.end - dl->region.start)
            : NULL;
    if (c) {
      dl->country = c->name;
      dl->country_code = c->alpha3;
    }
    return true;
  }
  return false;
}

/* Does any boilerplate pattern (of the allowed kinds) match paragraph p? */
static bool td_boilerplate_match(const td_doc *doc, const td_text_rules *r,
                                 td_span p, bool at_end,
                                 pcre2_match_data *md) {
  for (size_t k = 0; k < r->boilerplate.n; k++) {
    if (r->boilerplate.v[k].at_end && !at_end)
      continue;
    if (td_re_match(r->boilerplate.v[k].re, doc->text + p.start,
                    p.end - p.start, md))
      return true;
  }
  return false;
}

void td_find_boilerplate(td_doc *doc, const td_text_rules *r,
                         pcre2_match_data *md) {
  size_t np = doc->paragraphs.n;
  if (np < 2)
    return;
  bool *bp = td_calloc(np, sizeof(bool));
  /* The closing run, then stray paragraphs anywhere; never the first. */
  for (size_t i = np - 1; i >= 1; i--) {
    if (!td_boilerplate_match(doc, r, doc->paragraphs.v[i], true, md))
      break;
    bp[i] = true;
  }
  for (size_t i = 1; i < np; i++)
    if (!bp[i] && td_boilerplate_match(doc, r, doc->paragraphs.v[i], false, md))
      bp[i] = true;
  size_t w = 0;
  for (size_t i = 0; i < np; i++) {
    if (bp[i]) {
      td_vec_push(&doc->boilerplate, doc->paragraphs.v[i]);
    } else {
      doc->paragraphs.v[w] = doc->paragraphs.v[i];
      doc->para_role.v[w] = doc->para_role.v[i];
      w++;
    }
  }
  doc->paragraphs.n = doc->para_role.n = w;
  td_free(bp);
}

static bool td_word_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

/* The first known agency alias found as a whole word in span p. */
static const char *td_alias_in(const td_doc *doc, const td_text_rules *r,
                               td_span p) {
  const char *s = doc->text + p.start;
  size_t n = p.end - p.start;
  for (size_t k = 0; k < r->aliases.n; k++) {
    const td_alias *a = &r->aliases.v[k];
    for (const char *q = s; (size_t)(q - s) + a->len <= n; q++) {
      q = memchr(q, a->text[0], n - (size_t)(q - s));
      if (!q || (size_t)(q - s) + a->len > n)
        break;
      if (memcmp(q, a->text, a->len) == 0 &&
          (q == s || !td_word_char((unsigned char)q[-1])) &&
          ((size_t)(q - s) + a->len == n ||
           !td_word_char((unsigned char)q[a->len])))
        return r->agencies.v[a->agency].name;
    }
  }
  return NULL;
}

void td_find_agency(td_doc *doc, const td_text_rules *r,
                    pcre2_match_data *md) {
  if (doc->source)
    return;
  if (doc->dateline.agency) {
    doc->source = doc->dateline.agency;
    doc->source_from = TD_SRC_DATELINE;
    return;
  }
  /* Phrases in the first two news paragraphs. */
  size_t first = doc->paragraphs.n > 0 && doc->para_role.v[0] == TD_PARA_HEADLINE;
  for (size_t p = first; p < doc->paragraphs.n && p < first + 2; p++) {
    td_span ps = doc->paragraphs.v[p];
    for (size_t k = 0; k < r->agency_phrases.n; k++) {
      pcre2_code *re = r->agency_phrases.v[k].re;
      if (!td_re_match(re, doc->text + ps.start, ps.end - ps.start, md))
        continue;
      td_span a = td_re_group(re, md, "agency", ps.start);
      if (a.end > a.start) {
        doc->source = td_agency_name(doc, r, a);
        doc->source_from = TD_SRC_TEXT;
        return;
      }
    }
  }
  for (size_t i = 0; i < doc->boilerplate.n; i++) {
    const char *name = td_alias_in(doc, r, doc->boilerplate.v[i]);
    if (name) {
      doc->source = name;
      doc->source_from = TD_SRC_BOILERPLATE;
      return;
    }
  }
  if (doc->source_fallback) {
    doc->source = doc->source_fallback;
    doc->source_from = TD_SRC_OPTION;
  }
}
