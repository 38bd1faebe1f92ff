/*
 * timex.c — the `timexes` layer: runs the temporal grammar over a
 * document, attaches mods, finds the tense around each expression, keeps
 * the time the text is at (the last date it named) for the expressions
 * that refer to it, and writes the layer as JSON.
 */
#include "timex_grammar.h"

#include <math.h>

const char *td_timex_type_name(int type) {
  static const char *names[] = {NULL, "DATE", "TIME", "DURATION", "SET"};
  return type > 0 && type < 5 ? names[type] : NULL;
}

/* TENSE -2 in timex-words.txt: a reporting verb (said, told), past in its
 * clause but not the tense of the rest of the sentence. TENSE 2: the
 * future only before "to" ("is set to resume", not "set aside"). */
#define TD_TENSE_REPORT (-2)
#define TD_TENSE_PLAN 2
/* TENSE 3: the present (is, has): the nearest verb tells no tense, but
 * "is to resume" is the future. */
#define TD_TENSE_PRESENT 3

/* Is token t a verb in -ed ("announced")? A rough sign of the past. */
static bool td_ed_verb(const td_doc *doc, const td_ttok *t) {
  size_t n = t->end - t->start;
  const char *s = doc->text + t->start;
  if (n < 5 || s[n - 2] != 'e' || s[n - 1] != 'd' || t->cap)
    return false;
  for (size_t i = 0; i < n; i++)
    if (s[i] < 'a' || s[i] > 'z')
      return false;
  /* hundred, need, speed, succeed: not verbs in the past; unexpected,
   * unspecified, untouched: adjectives (the few verbs in un-, unveiled,
   * are TENSE words of timex-words.txt) */
  if (s[0] == 'u' && s[1] == 'n' && memcmp(s, "under", 5) != 0)
    return false;
  return !(n >= 6 && !memcmp(s + n - 6, "undred", 6)) &&
         memcmp(s + n - 3, "eed", 3) != 0;
}

/* The tense a word tells by itself: a TENSE word, or a verb in -ed. */
static int td_word_tense(const td_timex_grammar *g, const td_doc *doc,
                         const td_ttok *t) {
  int tense = td_ed_verb(doc, t) ? -1 : 0;
  for (uint32_t i = 0; i < t->lex_n; i++) {
    const td_lexent *e = &g->lex.v[t->lex_first + i];
    if (e->cls == TD_CL_TENSE)
      tense = (int)e->num;
  }
  return tense;
}

/* The tense token k of the segment tells: -1 past, 1 future, 0 none. A
 * past form after "is", "will be", "the" is a participle or an adjective
 * (0); a future word other than a modal after "the", "its" or after a verb
 * in the past other than an auxiliary ("announced plans to") is a noun or
 * an adjective (0);
 * a future word after "had been" ("had been due to expire Friday") is a
 * plan in the past (-1). */
static int td_token_tense(const td_timex_grammar *g, const td_doc *doc,
                          const td_ttoks *tt, uint32_t k) {
  const td_ttok *t = &tt->v[k];
  const td_ttok *prev = k > 0 && tt->v[k - 1].seg == t->seg ? &tt->v[k - 1]
                                                            : NULL;
  int tense = td_word_tense(g, doc, t);
  if (!tense)
    return 0;
  bool to = k + 1 < tt->n && tt->v[k + 1].seg == t->seg &&
            tt->v[k + 1].word == g->w_to;
  if (tense == TD_TENSE_PLAN) /* "is set to resume" */
    tense = to ? 1 : 0;
  else if (tense == TD_TENSE_PRESENT && to) /* "is to resume" */
    tense = 1;
  if (!tense)
    return 0;
  if (tense > 0 && prev && td_word_tense(g, doc, prev) < 0) {
    bool verb = false; /* "was expected", "the split will": not nouns */
    for (size_t i = 0; i < TD_COUNT(g->w_aux); i++)
      verb = verb || prev->word == g->w_aux[i];
    for (size_t i = 0; i < TD_COUNT(g->w_modal); i++)
      verb = verb || t->word == g->w_modal[i];
    if (!verb)
      return 0;
  }
  if (tense < 0 && prev && prev->word)
    for (size_t i = 0; i < TD_COUNT(g->w_nonpast); i++)
      if (prev->word == g->w_nonpast[i])
        return 0;
  if (tense > 0 && prev && prev->word)
    for (size_t i = 0; i < TD_COUNT(g->w_det); i++)
      if (prev->word == g->w_det[i])
        return 0; /* "the plan", "its planned sale" */
  if (tense > 0 && prev && prev->word == g->w_been && k > 1 &&
      tt->v[k - 2].seg == t->seg && tt->v[k - 2].word == g->w_had)
    return -1;
  return tense;
}

/* Does token t end a clause (, ; : and but that which who when while)? */
static bool td_clause_break(const td_timex_grammar *g, const td_ttok *t) {
  if (!(g->clause_bits >> (t->word % 64) & 1))
    return false;
  for (size_t k = 0; k < TD_COUNT(g->w_clause); k++)
    if (t->word && t->word == g->w_clause[k])
      return true;
  return false;
}

/* The tense around tokens [first, end): the nearest word that tells it
 * (the left one on a tie), 0 if none. With `within` > 0, only in the same
 * clause and at most that many words away: the reporting verb of a
 * sentence ("..., the ministry said") then does not decide when "Dec. 15"
 * is. With 0, anywhere in the sentence, but not from a reporting verb
 * (TENSE -2: said, told): "In January, ..., a bombing killed" is past,
 * "officials said ... in January" is not told. */
static int td_tense_around(const td_timex_grammar *g, const td_doc *doc,
                           const td_ttoks *tt, uint32_t first, uint32_t end,
                           uint32_t within) {
  uint32_t seg = tt->v[first].seg;
  bool left = true, right = true, clause = within > 0;
  uint32_t limit = within ? within : 200;
  for (uint32_t d = 1; d <= limit && (left || right); d++) {
    if (left && first >= d && tt->v[first - d].seg == seg &&
        !(clause && td_clause_break(g, &tt->v[first - d]))) {
      uint32_t k = first - d;
      int t = td_token_tense(g, doc, tt, k);
      if (t == TD_TENSE_PRESENT)
        return 0;
      if (t && (clause || t != TD_TENSE_REPORT))
        return t == TD_TENSE_REPORT ? -1 : t;
    } else {
      left = false;
    }
    uint32_t r = end - 1 + d;
    if (right && r < tt->n && tt->v[r].seg == seg &&
        !(clause && td_clause_break(g, &tt->v[r]))) {
      int t = td_token_tense(g, doc, tt, r);
      if (t == TD_TENSE_PRESENT)
        return 0;
      if (t && (clause || t != TD_TENSE_REPORT))
        return t == TD_TENSE_REPORT ? -1 : t;
    } else {
      right = false;
    }
  }
  return 0;
}

static void td_timexes_write(const td_doc *doc, const void *data, td_jw *w) {
  const td_timexes *L = data;
  static const char *anchors[] = {"none", "story", "timex", "unknown"};
  td_jw_arr(w);
  for (size_t i = 0; i < L->v.n; i++) {
    const td_timex *t = &L->v.v[i];
    char id[32];
    snprintf(id, sizeof(id), "t%zu", i + 1);
    td_jw_obj(w);
    td_jw_key(w, "id");
    td_jw_cstr(w, id);
    td_jw_key(w, "start");
    td_jw_int(w, t->span.start);
    td_jw_key(w, "end");
    td_jw_int(w, t->span.end);
    td_jw_key(w, "text");
    td_jw_str(w, doc->text + t->span.start, t->span.end - t->span.start);
    td_jw_key(w, "type");
    td_jw_cstr(w, td_timex_type_name(t->type));
    td_jw_key(w, "value");
    td_jw_cstr(w, t->value);
    td_jw_key(w, "mod");
    td_jw_cstr(w, t->mod);
    if (t->quant[0]) {
      td_jw_key(w, "quant");
      td_jw_cstr(w, t->quant);
    }
    td_jw_key(w, "anchor");
    td_jw_obj(w);
    td_jw_key(w, "from");
    td_jw_cstr(w, anchors[t->anchor]);
    if (t->anchor == TD_ANCHOR_STORY) {
      char d[16];
      td_date_format(doc->date, d);
      td_jw_key(w, "date");
      td_jw_cstr(w, d);
      if (t->tense) {
        td_jw_key(w, "tense");
        td_jw_cstr(w, t->tense < 0 ? "past" : "future");
      }
    } else if (t->anchor == TD_ANCHOR_TIMEX) {
      snprintf(id, sizeof(id), "t%d", t->anchor_timex + 1);
      td_jw_key(w, "timex");
      td_jw_cstr(w, id);
      td_jw_key(w, "value");
      td_jw_cstr(w, L->v.v[t->anchor_timex].value);
    }
    td_jw_obj_end(w);
    td_jw_key(w, "rule");
    td_jw_int(w, t->rule);
    td_jw_obj_end(w);
  }
  td_jw_arr_end(w);
}

static void td_timexes_free(void *data) {
  td_timexes *L = data;
  td_vec_free(&L->v);
  td_free(L);
}

/* Can this expression be the time later ones refer to? A date the text
 * names or places from the story date; not one found from another
 * expression ("a year earlier" does not move the text's time). */
static bool td_is_reference(const td_timex *t, const td_rule *r) {
  return (t->type == TD_TX_DATE || t->type == TD_TX_TIME) &&
         t->value[0] >= '0' && t->value[0] <= '9' && strlen(t->value) >= 4 &&
         !strchr(t->value, 'X') && t->anchor != TD_ANCHOR_TIMEX &&
         r->act.kind != TD_ACT_YEARAGO && r->act.kind != TD_ACT_SHIFT &&
         r->type != TD_TX_DURATION; /* "in five years" */
}

const td_timexes *td_timex_run(td_doc *doc, const td_timex_grammar *g) {
  const td_timexes *have = td_doc_layer(doc, "timexes");
  if (have)
    return have;
  td_timexes *L = td_calloc(1, sizeof(*L));
  td_ttoks tt = {0};
  td_timex_tokens(g, doc, td_doc_token_keys(doc), &tt);
  td_tctx cx = {doc->date, 0, 0, NULL, -1};
  uint32_t last_end = 0;
  for (uint32_t i = 0; i < tt.n;) {
    td_match_result m;
    if (!td_timex_may_start(g, &tt.v[i]) ||
        !td_timex_match_at(g, (const td_ttoks *)&tt, i, &m)) {
      i++;
      continue;
    }
    const td_rule *r = td_timex_rule(g, m.rule);
    if (r->type == TD_TX_NONE) { /* words that look like a time, but no */
      i = m.end;
      continue;
    }
    uint32_t first = m.first, end = m.end;
    const char *mod = td_timex_mod(g, (const td_ttoks *)&tt, &first, &end);
    if (first < last_end) { /* a mod cannot reach into the last expression */
      first = m.first;
      end = m.end;
      mod = NULL;
    }
    td_timex t;
    memset(&t, 0, sizeof(t));
    t.type = r->type;
    t.span.start = tt.v[first].start;
    t.span.end = tt.v[end - 1].end;
    t.mod = mod;
    t.rule = r->line;
    t.anchor_timex = -1;
    cx.tense = td_tense_around(g, doc, (const td_ttoks *)&tt, m.first, m.end,
                               8);
    cx.sentence_tense =
        cx.tense ? cx.tense
                 : td_tense_around(g, doc, (const td_ttoks *)&tt, m.first,
                                   m.end, 0);
    /* "Wednesday's ruling": the expression belongs to a noun, not to the
     * verb of the clause ("would get around Wednesday's ruling") */
    if (m.end < tt.n && tt.v[m.end].word == g->w_apos_s &&
        tt.v[m.end].seg == tt.v[m.first].seg)
      cx.tense = cx.sentence_tense = 0;
    /* "since Dec. 31": what something has lasted since is past; "ahead of
     * the weekend", "ahead of Sunday's vote": what is awaited is to come */
    if (m.first > 0 && tt.v[m.first - 1].word == g->w_since &&
        tt.v[m.first - 1].seg == tt.v[m.first].seg)
      cx.tense = -1;
    if (m.first > 1 && tt.v[m.first - 1].word == g->w_of &&
        tt.v[m.first - 2].word == g->w_ahead &&
        tt.v[m.first - 2].seg == tt.v[m.first].seg)
      cx.tense = 1;
    td_timex_value(g, &m, &r->act, tt.v, &cx, &t);
    i = end;
    if (!strcmp(t.value, "XXXX") && t.anchor != TD_ANCHOR_UNKNOWN)
      continue; /* the words matched but make no time (February 30) */
    last_end = end;
    /* "the quarter ended Sept. 30": the end date tells which quarter; the
     * text is still at the quarter (read before the push, which may move
     * the vector cx.ref points into) */
    bool ends = first > 0 && tt.v[first - 1].seg == tt.v[first].seg &&
                (tt.v[first - 1].word == g->w_ended ||
                 tt.v[first - 1].word == g->w_ending) &&
                cx.ref && strchr(cx.ref->value, 'Q');
    td_vec_push(&L->v, t);
    if (td_is_reference(&t, r) && !ends) {
      cx.ref = NULL; /* the vector may have moved */
      cx.ref_index = (int)L->v.n - 1;
    }
    cx.ref = cx.ref_index >= 0 ? &L->v.v[cx.ref_index] : NULL;
  }
  td_vec_free(&tt);
  td_doc_add_layer(doc, "timexes", L, td_timexes_write, td_timexes_free);
  return L;
}

size_t td_doc_ntimes(const td_doc *doc) {
  const td_timexes *L = td_doc_layer(doc, "timexes");
  return L ? L->v.n : 0;
}

bool td_doc_time(const td_doc *doc, size_t i, td_time *out) {
  static const char *anchors[] = {"none", "story", "timex", "unknown"};
  const td_timexes *L = td_doc_layer(doc, "timexes");
  if (!L || i >= L->v.n)
    return false;
  const td_timex *t = &L->v.v[i];
  out->span = t->span;
  out->type = td_timex_type_name(t->type);
  out->value = t->value;
  out->mod = t->mod;
  out->anchor = anchors[t->anchor];
  return true;
}
