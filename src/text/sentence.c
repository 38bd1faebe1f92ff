/*
 * sentence.c — splits paragraphs into sentences. A sentence ends at . ! ?
 * or an ellipsis (and the closing quotes and brackets that follow them
 * without a space) when the next token opens a sentence: a capitalised
 * word, a number, an opening quote or bracket. Abbreviations whose period
 * belongs to the word end a sentence only when they may (kind "other" in
 * abbreviations.txt, dotted forms, initials) and the next word is a common
 * sentence opener. A headline is one sentence; a dateline is not part of
 * any sentence; paragraphs never share a sentence.
 */
#include "text.h"

static inline bool td_is_terminal(const td_token *t) {
  return (t->flags & TD_TF_STOP) != 0;
}

/* Does token t open a sentence? */
static bool td_opens(const td_doc *doc, const td_token *t) {
  switch (t->kind) {
  case TD_TOK_NUM:
  case TD_TOK_DASH:
    return true;
  case TD_TOK_QUOTE:
  case TD_TOK_PUNCT:
    return (t->flags & TD_TF_OPEN) != 0;
  case TD_TOK_WORD: {
    if (t->flags & TD_TF_CAP)
      return true;
    /* A letter of a script without case opens a sentence; a lower-case
     * letter does not. */
    unsigned char c = (unsigned char)doc->text[t->start];
    if (c < 0x80)
      return false;
    int32_t cp;
    td_utf8_decode(doc->text + t->start, t->end - t->start, &cp);
    return !(t->flags & TD_TF_CLITIC) && td_script_of(cp) != TD_SCRIPT_LATIN &&
           td_script_of(cp) != TD_SCRIPT_CYRILLIC &&
           td_script_of(cp) != TD_SCRIPT_GREEK &&
           td_script_of(cp) != TD_SCRIPT_ARMENIAN;
  }
  default:
    return false;
  }
}

static bool td_is_starter(const td_doc *doc, const td_text_rules *r,
                          const td_token *t) {
  return t->kind == TD_TOK_WORD && (t->flags & TD_TF_CAP) &&
         td_strmap_get(r->starters, doc->text + t->start, t->end - t->start,
                       NULL);
}

/* May the period of abbreviation token t end a sentence? */
static bool td_abbrev_may_end(const td_doc *doc, const td_text_rules *r,
                              const td_token *t) {
  if (t->flags & TD_TF_INITIAL)
    return true;
  uint32_t kind = TD_ABBR_OTHER; /* dotted forms such as U.S. */
  td_strmap_get(r->abbrev, doc->text + t->start, t->end - t->start - 1, &kind);
  return kind == TD_ABBR_OTHER;
}

/* After a quote that ends in ? or !: do one to four capitalised words (or
 * abbreviations and initials) and a verb of speech follow ("Why?" Wijaya
 * asked.)? Then the attribution belongs to the quote's sentence. */
static bool td_attribution_follows(const td_doc *doc, const td_text_rules *r,
                                   uint32_t k, uint32_t end) {
  const td_token *tok = doc->tokens.v;
  uint32_t names = 0;
  while (k < end && names < 4 && tok[k].kind == TD_TOK_WORD &&
         (tok[k].flags & TD_TF_CAP) && !td_is_starter(doc, r, &tok[k])) {
    names++;
    k++;
  }
  return names > 0 && k < end && tok[k].kind == TD_TOK_WORD &&
         td_strmap_get(r->reporting, doc->text + tok[k].start,
                       tok[k].end - tok[k].start, NULL);
}

static void td_add_sentence(td_doc *doc, uint32_t first, uint32_t end,
                            uint32_t para) {
  if (first >= end)
    return;
  td_sentence s = {{doc->tokens.v[first].start, doc->tokens.v[end - 1].end},
                   first, end, para};
  td_vec_push(&doc->sentences, s);
}

void td_split_sentences(td_doc *doc, const td_text_rules *r) {
  doc->sentences.n = 0;
  const td_token *tok = doc->tokens.v;
  uint32_t ntok = (uint32_t)doc->tokens.n, cursor = 0;
  for (uint32_t p = 0; p < doc->paragraphs.n; p++) {
    td_span ps = doc->paragraphs.v[p];
    if (doc->dateline.found && doc->dateline.span.start >= ps.start &&
        doc->dateline.span.end <= ps.end)
      ps.start = doc->dateline.span.end;
    /* Paragraphs are in text order: one walk over the tokens finds the
     * token range of each. */
    while (cursor < ntok && tok[cursor].start < ps.start)
      cursor++;
    uint32_t first = cursor;
    while (cursor < ntok && tok[cursor].start < ps.end)
      cursor++;
    uint32_t end = cursor;
    if (doc->para_role.v[p] == TD_PARA_HEADLINE) {
      td_add_sentence(doc, first, end, p);
      continue;
    }
    for (uint32_t i = first; i < end; i++) {
      const td_token *t = &tok[i];
      if (!(t->flags & (TD_TF_STOP | TD_TF_ABBREV | TD_TF_INITIAL)))
        continue;
      bool abbrev = t->flags & (TD_TF_ABBREV | TD_TF_INITIAL);
      /* Closing quotes and brackets right after the terminal, and more
       * terminals ("?!"), belong to this sentence. */
      uint32_t k = i + 1;
      while (k < end && tok[k].start == tok[k - 1].end &&
             (((tok[k].flags & TD_TF_CLOSE) &&
               (tok[k].kind == TD_TOK_QUOTE || tok[k].kind == TD_TOK_PUNCT)) ||
              td_is_terminal(&tok[k])))
        k++;
      if (k >= end)
        break;
      const td_token *next = &tok[k];
      bool split;
      if (abbrev)
        /* "... in the U.S. The firm", "... in the U.S. “We ..." */
        split = td_abbrev_may_end(doc, r, t) &&
                (td_is_starter(doc, r, next) ||
                 (next->kind == TD_TOK_QUOTE && (next->flags & TD_TF_OPEN) &&
                  k + 1 < end && td_is_starter(doc, r, &tok[k + 1])));
      else if (k > i + 1 && (tok[k - 1].flags & TD_TF_CLOSE) &&
               tok[k - 1].kind == TD_TOK_QUOTE &&
               doc->text[t->start] != '.' &&
               td_attribution_follows(doc, r, k, end))
        split = false;
      else if (t->kind == TD_TOK_ELLIPSIS)
        split = next->start > tok[k - 1].end && td_opens(doc, next) &&
                next->kind == TD_TOK_WORD;
      else
        split = td_opens(doc, next);
      if (split) {
        td_add_sentence(doc, first, k, p);
        first = k;
      }
      i = k - 1;
    }
    td_add_sentence(doc, first, end, p);
  }
}
