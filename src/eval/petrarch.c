/*
 * petrarch.c — `tidings eval petrarch`: PETRARCH's validation records
 * (PETR.UnitTest.records.xml, read by read/petrxml.c) run through tidings
 * with the dictionaries the records name, and the events compared.
 *
 * What is compared. Each record's expected EventCodings and each event
 * tidings finds in the record's text become (source, target, event)
 * triples; an event with several sources or targets gives one triple for
 * each source and target (a compound actor "Fornost and Gondor" gives two
 * events as PETRARCH writes them), except a mention paired with itself (a
 * compound acting among its members, "Gondor and Osgiliath delayed their
 * meeting", is GON OSG and OSG GON). A triple matches an expected one when
 * the three strings are equal:
 *   - an actor with a code is its code as written (ARNGOV, ---GOV: an
 *     actor whose country is unknown begins with "---" in both);
 *   - a missing source or target (the event has none) is "---", and so is
 *     an actor tidings found without a code, except that while the
 *     records' <Config option="new_actor_length"> is N > 0, an uncoded
 *     actor of at most N words is its text in capitals in double quotes,
 *     as PETRARCH writes it ("INJURY TOLL"); such texts are compared with
 *     possessive 's and punctuation left out;
 *   - the event code is compared as written, digits for digits: 0874 does
 *     not match 087, nor 087 0874.
 * Sets, not lists: a triple found twice counts once, on either side.
 * PETRARCH writes no event without a source (none of the records expects
 * one): a triple whose source is "---" is not produced; nor, while
 * <Config option="require_dyad"> is true (PETRARCH's default), one whose
 * target is "---".
 *
 * A record is exact when its produced set equals its expected set. A
 * record with noevents="True", with no EventCoding, or with error="X"
 * for an error PETRARCH detects in the text (dateline, storydiscard,
 * sentencediscard) expects no event. error="bad_input_parse" records test
 * PETRARCH's reading of a broken parse tree, which tidings does not read:
 * they are skipped, and counted as such.
 */
#include "../ctx.h"
#include "../read/petrxml.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Triples --------------------------------------------------------------- */

/* "SRC\tTGT\tCODE" strings */
typedef TD_VEC(char *) td_triples;

static void td_triples_free(td_triples *t) {
  for (size_t i = 0; i < t->n; i++)
    td_free(t->v[i]);
  td_vec_free(t);
}

static int td_str_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts and removes duplicates. */
static void td_triples_unique(td_triples *t) {
  if (t->n > 1)
    qsort(t->v, t->n, sizeof(char *), td_str_cmp);
  size_t k = 0;
  for (size_t i = 0; i < t->n; i++) {
    if (k && !strcmp(t->v[k - 1], t->v[i])) {
      td_free(t->v[i]);
      continue;
    }
    t->v[k++] = t->v[i];
  }
  t->n = k;
}

/* An actor's text as PETRARCH writes a new actor: words in capitals, a
 * possessive 's and punctuation left out, one space between words. */
static void td_norm_text(const char *s, size_t n, td_buf *out, size_t *words) {
  out->len = 0;
  *words = 0;
  bool space = false;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    /* 's and ’s at the end of a word */
    if ((c == '\'' && i + 1 < n && (s[i + 1] == 's' || s[i + 1] == 'S') &&
         (i + 2 == n || !isalnum((unsigned char)s[i + 2]))) ||
        (c == 0xE2 && i + 3 < n && (unsigned char)s[i + 1] == 0x80 &&
         (unsigned char)s[i + 2] == 0x99 && (s[i + 3] == 's' || s[i + 3] == 'S') &&
         (i + 4 == n || !isalnum((unsigned char)s[i + 4])))) {
      i += c == '\'' ? 1 : 3;
      continue;
    }
    bool keep = isalnum(c) || c >= 0x80 ||
                ((c == '-' || c == '\'') && out->len && i + 1 < n &&
                 isalnum((unsigned char)s[i + 1]));
    if (!keep) {
      space = out->len > 0;
      continue;
    }
    if (space || !out->len)
      (*words)++;
    if (space)
      td_buf_addc(out, ' ');
    space = false;
    td_buf_addc(out, (char)toupper(c));
  }
  td_buf_cstr(out);
}

/* An expected code: as written, or a quoted text normalised. */
static char *td_expected_code(const char *code) {
  size_t n = strlen(code);
  if (n >= 2 && code[0] == '"' && code[n - 1] == '"') {
    td_buf b = {0}, q = {0};
    size_t w;
    td_norm_text(code + 1, n - 2, &b, &w);
    td_buf_addc(&q, '"');
    td_buf_add(&q, b.ptr ? b.ptr : "", b.len);
    td_buf_addc(&q, '"');
    td_buf_free(&b);
    return (char *)td_buf_cstr(&q);
  }
  while (n && isspace((unsigned char)code[n - 1]))
    n--;
  while (n && isspace((unsigned char)*code))
    code++, n--;
  return td_strndup(code, n);
}

static char *td_triple_make(const char *s, const char *t, const char *e) {
  td_buf b = {0};
  td_buf_printf(&b, "%s\t%s\t%s", s, t, e);
  return (char *)td_buf_cstr(&b);
}

/* The code of one actor of an event, as PETRARCH would write it. */
static char *td_actor_code(const td_doc *doc, const td_event_actor *a,
                           int new_actor_length) {
  if (a->code && *a->code)
    return td_strdup(a->code);
  if (new_actor_length > 0) {
    size_t len;
    const char *text = td_doc_text(doc, &len);
    if (a->span.start < a->span.end && a->span.end <= len) {
      td_buf b = {0}, q = {0};
      size_t w;
      td_norm_text(text + a->span.start, a->span.end - a->span.start, &b, &w);
      if (w > 0 && w <= (size_t)new_actor_length) {
        td_buf_printf(&q, "\"%s\"", b.ptr);
        td_buf_free(&b);
        return (char *)td_buf_cstr(&q);
      }
      td_buf_free(&b);
    }
  }
  return td_strdup("---");
}

/* ---- One record ------------------------------------------------------------- */

typedef struct td_cat {
  const char *name;
  td_petr_scores s;
} td_cat;

/* Prints a triple list: "SRC TGT CODE, ..." or the reason for none. */
static void td_print_set(FILE *f, const td_triples *t, const char *none) {
  if (!t->n) {
    fputs(none, f);
    return;
  }
  for (size_t i = 0; i < t->n; i++) {
    if (i)
      fputs(", ", f);
    for (const char *p = t->v[i]; *p; p++)
      fputc(*p == '\t' ? ' ' : *p, f);
  }
}

/* The events of the record's text, as triples; false (a warning on
 * stderr) if the reader refuses the text. */
static bool td_produce(const td_ctx *ctx, const char *xml,
                       const td_petr_record *r, td_triples *out) {
  td_read_opts o = {TD_FORMAT_TEXT, r->date, NULL, 0};
  td_reader *rd = td_reader_new(ctx, &o);
  td_reader_add_mem(rd, r->id, r->text, r->text_len);
  td_doc *doc = NULL;
  td_diag d;
  int rc = td_reader_next(rd, &doc, &d);
  td_reader_free(rd);
  if (rc != TD_DOC) {
    fprintf(stderr, "tidings: %s:%ld: warning: record %s: the text is "
                    "refused: %s\n",
            xml, r->line, r->id, rc == TD_REFUSED ? d.msg : "no document");
    return false;
  }
  td_doc_annotate(doc, ctx);
  td_event_info ev;
  for (size_t i = 0; td_doc_event(doc, i, &ev); i++) {
    /* PETRARCH codes no event without an actor */
    if (!ev.code || !*ev.code || (!ev.nsources && !ev.ntargets))
      continue;
    size_t ns = ev.nsources ? ev.nsources : 1;
    size_t nt = ev.ntargets ? ev.ntargets : 1;
    for (size_t a = 0; a < ns; a++) {
      char *src = ev.nsources
                      ? td_actor_code(doc, &ev.sources[a], r->new_actor_length)
                      : td_strdup("---");
      for (size_t b = 0; b < nt; b++) {
        char *tgt = ev.ntargets ? td_actor_code(doc, &ev.targets[b],
                                                r->new_actor_length)
                                : td_strdup("---");
        /* an actor is never its own target (a compound acting among
         * its members lists every member both ways) */
        bool self = ev.nsources && ev.ntargets &&
                    ev.sources[a].span.start == ev.targets[b].span.start;
        if (!self && strcmp(src, "---") &&
            !(r->require_dyad && !strcmp(tgt, "---")))
          td_vec_push(out, td_triple_make(src, tgt, ev.code));
        td_free(tgt);
      }
      td_free(src);
    }
  }
  td_doc_free(doc);
  return true;
}

/* ---- The evaluation ----------------------------------------------------------- */

typedef struct td_problems {
  long n;
  td_buf lines;
} td_problems;

static void td_collect(void *ud, const td_diag *d) {
  td_problems *p = ud;
  p->n++;
  td_diag_format(d, &p->lines);
}

static void td_xml_warn(void *ud, const td_diag *d) {
  (void)ud;
  td_diag_print(d, stderr);
}

/* dir/name, or name when it is absolute. */
static char *td_rel(const char *xml, const char *name) {
  if (name[0] == '/')
    return td_strdup(name);
  const char *slash = strrchr(xml, '/');
  td_buf b = {0};
  if (slash)
    td_buf_add(&b, xml, (size_t)(slash - xml + 1));
  td_buf_adds(&b, name);
  return (char *)td_buf_cstr(&b);
}

static void td_scores_add(td_petr_scores *a, const td_petr_scores *b) {
  a->records += b->records;
  a->exact += b->exact;
  a->expected += b->expected;
  a->produced += b->produced;
  a->matched += b->matched;
  a->skipped += b->skipped;
}

void td_petr_report(FILE *f, const td_petr_scores *s) {
  fprintf(f,
          "records=%ld exact=%ld (%.1f%%) expected=%ld produced=%ld "
          "matched=%ld missing=%ld extra=%ld skipped=%ld refused=%ld\n",
          s->records, s->exact,
          s->records ? 100.0 * (double)s->exact / (double)s->records : 0.0,
          s->expected, s->produced, s->matched, s->expected - s->matched,
          s->produced - s->matched, s->skipped, s->refused);
}

int td_eval_petrarch(const char *records_xml, const char *data_dir,
                     unsigned flags, FILE *report, td_petr_scores *out) {
  memset(out, 0, sizeof(*out));
  td_petr_file pf;
  memset(&pf, 0, sizeof(pf));
  td_diag err;
  if (!td_petr_read(&pf, records_xml, td_xml_warn, NULL, &err)) {
    td_diag_print(&err, stderr);
    return -1;
  }
  out->refused = pf.refused;
  int rc = pf.refused ? -1 : 0;
  if (!pf.records.n) {
    /* not a records file (or an empty one): say so, fail */
    fprintf(stderr, "tidings: %s: error: no <Sentence> record found\n",
            records_xml);
    rc = -1;
  }

  /* the context: the records' dictionaries alone */
  td_petr_names *lists[4] = {&pf.actor_files, &pf.agent_files, &pf.verb_files,
                             &pf.discard_files};
  char **paths[4];
  for (int k = 0; k < 4; k++) {
    paths[k] = td_calloc(lists[k]->n + 1, sizeof(char *));
    for (size_t i = 0; i < lists[k]->n; i++)
      paths[k][i] = td_rel(records_xml, lists[k]->v[i]);
  }
  if (!pf.verb_files.n)
    fprintf(stderr, "tidings: %s: warning: <Environment> names no Verbfile: "
                    "no event will be coded\n",
            records_xml);
  td_problems probs = {0, {0}};
  td_ctx_opts o;
  memset(&o, 0, sizeof(o));
  o.data_dir = data_dir;
  o.actor_files = (const char *const *)paths[0];
  o.nactor_files = pf.actor_files.n;
  o.agent_files = (const char *const *)paths[1];
  o.nagent_files = pf.agent_files.n;
  o.verb_files = (const char *const *)paths[2];
  o.nverb_files = pf.verb_files.n;
  o.discard_files = (const char *const *)paths[3];
  o.ndiscard_files = pf.discard_files.n;
  o.no_own_actors = true;
  o.no_own_events = true;
  o.report = td_collect;
  o.report_ud = &probs;
  td_ctx *ctx = td_ctx_open(&o, &err);
  for (int k = 0; k < 4; k++) {
    for (size_t i = 0; i < lists[k]->n; i++)
      td_free(paths[k][i]);
    td_free(paths[k]);
  }
  if (!ctx) {
    td_diag_print(&err, stderr);
    td_buf_free(&probs.lines);
    td_petr_free(&pf);
    return -1;
  }
  if (probs.n) {
    if (flags & TD_EVAL_ERRORS)
      fwrite(probs.lines.ptr, 1, probs.lines.len, stderr);
    else
      fprintf(stderr, "tidings: %s: %ld lines of the validation dictionaries "
                      "were skipped (--errors lists them)\n",
              records_xml, probs.n);
  }
  td_buf_free(&probs.lines);

  TD_VEC(td_cat) cats = {0};
  if (flags & TD_EVAL_ERRORS)
    fprintf(report, "# record\tcategory\texpected\tproduced\ttext\n");
  for (size_t i = 0; i < pf.records.n; i++) {
    const td_petr_record *r = &pf.records.v[i];
    size_t c = 0;
    while (c < cats.n && strcmp(cats.v[c].name, r->category))
      c++;
    if (c == cats.n) {
      td_cat nc;
      memset(&nc, 0, sizeof(nc));
      nc.name = r->category;
      td_vec_push(&cats, nc);
    }
    td_petr_scores *cs = &cats.v[c].s;
    if (r->error && !strcmp(r->error, "bad_input_parse")) {
      cs->skipped++;
      continue;
    }
    td_triples exp = {0}, got = {0};
    for (size_t j = 0; j < r->ncodings; j++) {
      char *s = td_expected_code(r->codings[j].source);
      char *t = td_expected_code(r->codings[j].target);
      char *e = td_expected_code(r->codings[j].event);
      td_vec_push(&exp, td_triple_make(s, t, e));
      td_free(s);
      td_free(t);
      td_free(e);
    }
    td_produce(ctx, records_xml, r, &got);
    td_triples_unique(&exp);
    td_triples_unique(&got);
    long matched = 0;
    for (size_t a = 0, b = 0; a < exp.n && b < got.n;) {
      int k = strcmp(exp.v[a], got.v[b]);
      if (!k)
        matched++, a++, b++;
      else if (k < 0)
        a++;
      else
        b++;
    }
    bool exact = matched == (long)exp.n && matched == (long)got.n;
    cs->records++;
    cs->exact += exact;
    cs->expected += (long)exp.n;
    cs->produced += (long)got.n;
    cs->matched += matched;
    if (!exact && (flags & TD_EVAL_ERRORS)) {
      char none[96];
      if (r->error)
        snprintf(none, sizeof(none), "(none: error=%.60s)", r->error);
      else
        snprintf(none, sizeof(none), "(none)");
      fprintf(report, "%s\t%s\t", r->id, r->category);
      td_print_set(report, &exp, none);
      fputc('\t', report);
      td_print_set(report, &got, "(none)");
      fprintf(report, "\t%s\n", r->text);
    }
    td_triples_free(&exp);
    td_triples_free(&got);
  }
  if (flags & TD_EVAL_PER_FILE) {
    fprintf(report, "# category\trecords\texact\tshare\texpected\tproduced\t"
                    "matched\n");
    for (size_t c = 0; c < cats.n; c++) {
      const td_petr_scores *s = &cats.v[c].s;
      if (!s->records)
        continue;
      fprintf(report, "%s\t%ld\t%ld\t%.1f%%\t%ld\t%ld\t%ld\n",
              cats.v[c].name[0] ? cats.v[c].name : "-", s->records, s->exact,
              100.0 * (double)s->exact / (double)s->records, s->expected,
              s->produced, s->matched);
    }
  }
  for (size_t c = 0; c < cats.n; c++)
    td_scores_add(out, &cats.v[c].s);
  td_petr_report(report, out);
  td_vec_free(&cats);
  td_ctx_free(ctx);
  td_petr_free(&pf);
  return rc;
}
