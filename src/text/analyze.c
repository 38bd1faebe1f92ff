/*
 * analyze.c — builds a document's text model, in order: tokens and script,
 * paragraphs, the headline (wire stories), the dateline, boilerplate, the
 * agency, sentences.
 */
#include "../ctx.h"
#include "text.h"

/* A wire story's first line is a headline unless it opens with a dateline
 * or reads as a sentence (ends with a period). */
static void td_find_headline(td_doc *doc, const td_text_rules *r,
                             pcre2_match_data *md) {
  td_span lead = doc->lead_line;
  while (lead.end > lead.start && (unsigned char)doc->text[lead.end - 1] <= ' ')
    lead.end--;
  while (lead.start < lead.end && (unsigned char)doc->text[lead.start] <= ' ')
    lead.start++;
  if (lead.end <= lead.start || doc->paragraphs.n == 0)
    return;
  if (td_find_dateline(doc, r, lead, md)) {
    memset(&doc->dateline, 0, sizeof(doc->dateline));
    return;
  }
  /* The last character, ignoring closing quotes and brackets. */
  uint32_t e = lead.end;
  while (e > lead.start && strchr("\"')]", doc->text[e - 1]))
    e--;
  if (e > lead.start + 3 && (unsigned char)doc->text[e - 3] == 0xE2 &&
      (unsigned char)doc->text[e - 2] == 0x80 &&
      ((unsigned char)doc->text[e - 1] == 0x9D ||
       (unsigned char)doc->text[e - 1] == 0x99))
    e -= 3;
  if (e > lead.start && doc->text[e - 1] == '.')
    return;
  doc->title = td_doc_strdup(doc, doc->text + lead.start, lead.end - lead.start);
  doc->has_title_span = true;
  doc->title_span = lead;
  /* The headline is a paragraph of its own, even without a blank line. */
  td_span p0 = doc->paragraphs.v[0];
  if (p0.start == lead.start && p0.end > lead.end) {
    td_span rest = {lead.end, p0.end};
    while (rest.start < rest.end && (unsigned char)doc->text[rest.start] <= ' ')
      rest.start++;
    doc->paragraphs.v[0].end = lead.end;
    td_insert_paragraph(doc, 1, rest, TD_PARA_BODY);
  }
  if (doc->paragraphs.v[0].start == lead.start &&
      doc->paragraphs.v[0].end == lead.end)
    doc->para_role.v[0] = TD_PARA_HEADLINE;
}

void td_doc_analyze(td_doc *doc, const td_ctx *ctx) {
  if (doc->analyzed)
    return;
  const td_text_rules *r = &ctx->text;
  uint32_t counts[TD_NSCRIPTS] = {0};
  td_tokenize(doc, r, counts);

  int best = TD_SCRIPT_LATIN;
  uint32_t letters = 0;
  for (int s = 0; s < TD_NSCRIPTS; s++) {
    letters += counts[s];
    if (counts[s] > counts[best])
      best = s;
  }
  doc->script = letters ? td_script_name(best) : NULL;
  if (letters >= 20 && best != TD_SCRIPT_LATIN)
    td_doc_warn(doc, doc->text_line, doc->text_offset,
                "the text is mostly in %s script; tidings' rules are for "
                "English, so later stages will find little",
                td_script_name(best));

  td_split_paragraphs(doc->text, doc->len, doc);
  pcre2_match_data *md = pcre2_match_data_create(TD_MATCH_PAIRS, NULL);
  if (doc->format == TD_FORMAT_WIRE)
    td_find_headline(doc, r, md);
  size_t body = doc->paragraphs.n > 0 &&
                doc->para_role.v[0] == TD_PARA_HEADLINE;
  if (body < doc->paragraphs.n)
    td_find_dateline(doc, r, doc->paragraphs.v[body], md);
  td_find_boilerplate(doc, r, md);
  td_find_agency(doc, r, md);
  pcre2_match_data_free(md);
  td_split_sentences(doc, r);
  doc->analyzed = true;
}
