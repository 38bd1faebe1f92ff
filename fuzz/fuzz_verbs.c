/*
 * fuzz_verbs.c — libFuzzer target: the TABARI/PETRARCH verb dictionary
 * and discard list loaders (src/lex/tabari_verbs.c). The first byte picks
 * the loader (bit 0: a discard list, else a verb dictionary) and the way
 * in (its top four bits all set: the slow way, so that mutations seldom
 * take it); the rest is the file's content, written to a private file.
 *
 * The fast way (hundreds of inputs a second): the file is loaded
 * into a fresh lexicon and event dictionary; every problem is reported
 * with a message and a line inside the file, as many as the loader counts;
 * and the model is sound: each pattern has exactly one '*' where it says,
 * elements and predicates point to blocks, sets and forms that exist, and
 * the sets' phrase lists stay inside their tables. A discard list's
 * phrases are then looked up in a short text.
 * The slow way (a whole context, about a second each): td_ctx_open with
 * the file as a verb dictionary or discard list (bit 2: without our own
 * event dictionary) must load or fail with a message, and a context that
 * loads must annotate a story with every layer.
 */
#include "ctx.h"
#include "fuzz_common.h"
#include "lex/eventdict.h"

#include <string.h>
#include <unistd.h>

static td_ctx *text_ctx; /* the text model only */
static td_letters letters;
static td_wordnet wn;
static const td_wordnet *wnp;
static td_cameo cameo;

static void fuzz_verbs_init(void) {
  if (text_ctx)
    return;
  td_diag err;
  td_ctx_opts o;
  memset(&o, 0, sizeof(o));
  o.text_only = true;
  text_ctx = td_ctx_open(&o, &err);
  if (!text_ctx || !td_letters_load(&letters, NULL, &err) ||
      !td_cameo_load(&cameo, NULL, &err)) {
    td_diag_print(&err, stderr);
    abort();
  }
  if (td_wordnet_load(&wn, &err))
    wnp = &wn;
}

static void fuzz_check_model(const td_eventdict *d) {
  for (size_t p = 0; p < d->pats.n; p++) {
    const td_epattern *pt = &d->pats.v[p];
    FUZZ_ASSERT(pt->block < d->blocks.n);
    FUZZ_ASSERT(pt->elem + pt->nelem <= d->elems.n);
    FUZZ_ASSERT(pt->pred < pt->nelem);
    FUZZ_ASSERT(pt->file < d->files.n);
    size_t npred = 0;
    for (uint32_t i = 0; i < pt->nelem; i++) {
      const td_pelem *e = &d->elems.v[pt->elem + i];
      FUZZ_ASSERT(e->kind >= TD_PE_PRED && e->kind <= TD_PE_ANY);
      npred += e->kind == TD_PE_PRED;
      if (e->kind == TD_PE_SET)
        FUZZ_ASSERT(e->value < d->set_names.n);
      if (e->kind == TD_PE_WORD)
        FUZZ_ASSERT(e->value > 0 && e->value < d->nforms);
    }
    FUZZ_ASSERT(npred == 1);
    FUZZ_ASSERT(d->elems.v[pt->elem + pt->pred].kind == TD_PE_PRED);
    (void)strlen(pt->code.code);
    (void)strlen(pt->code.code2);
  }
  for (size_t b = 0; b < d->blocks.n; b++) {
    (void)strlen(d->blocks.v[b].name);
    for (size_t k = 0; k < d->blocks.v[b].pats.n; k++)
      FUZZ_ASSERT(d->pats.v[d->blocks.v[b].pats.v[k]].block == b);
  }
  for (size_t i = 0; i < d->preds.n; i++) {
    const td_epred *p = &d->preds.v[i];
    FUZZ_ASSERT(p->block < d->blocks.n);
    FUZZ_ASSERT(p->lemma > 0 && p->lemma < d->nforms);
    FUZZ_ASSERT(p->nrest <= TD_EP_REST);
  }
  size_t ns = d->set_names.n;
  FUZZ_ASSERT(d->set_first != NULL);
  for (size_t s = 0; s < ns; s++) {
    FUZZ_ASSERT(d->set_first[s] <= d->set_first[s + 1]);
    for (uint32_t k = d->set_first[s]; k < d->set_first[s + 1]; k++)
      FUZZ_ASSERT(d->set_phr[k] < d->phrase_set.n);
  }
  FUZZ_ASSERT(d->phrase_first.n == d->phrase_set.n);
  for (size_t j = 0; j < d->phrase_first.n; j++)
    FUZZ_ASSERT(d->phrase_first.v[j] <= d->words.n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static char dir[64];
  if (!dir[0]) {
    strcpy(dir, "/tmp/td_fuzz_verbs_XXXXXX");
    if (!mkdtemp(dir))
      abort();
  }
  if (size < 1)
    return 0;
  bool discards = data[0] & 1;
  char path[128];
  snprintf(path, sizeof(path), "%s/fuzz.%s", dir,
           discards ? "discards" : "verbs");
  FILE *f = fopen(path, "wb");
  if (!f)
    return 0;
  fwrite(data + 1, 1, size - 1, f);
  fclose(f);
  fuzz_lines L = fuzz_line_count(data + 1, size - 1);
  td_diag err;
  memset(&err, 0, sizeof(err));

  if ((data[0] & 0xF0) == 0xF0) {
    const char *files[] = {path};
    td_ctx_opts o;
    memset(&o, 0, sizeof(o));
    if (discards) {
      o.discard_files = files;
      o.ndiscard_files = 1;
    } else {
      o.verb_files = files;
      o.nverb_files = 1;
    }
    o.no_own_events = (data[0] >> 2) & 1;
    o.report = fuzz_report;
    o.report_ud = &L;
    td_ctx *ctx = td_ctx_open(&o, &err);
    if (ctx) {
      static const char story[] =
          " date 2024-05-15 Peacekeepers leave Karabakh\n\nBAKU, May 15. "
          "/TASS/. Russian peacekeepers withdrew from Karabakh on Wednesday, "
          "presidential aide Hikmet Hajiyev said. Azerbaijan did not attack "
          "Armenia and will not wire tap its lines; Armenia and Azerbaijan "
          "signed a peace accord with Russia, broke down talks and welcomed "
          "economic ties.\n";
      fuzz_annotate(ctx, story, sizeof(story) - 1);
      td_ctx_free(ctx);
    } else {
      FUZZ_ASSERT(err.msg[0] != 0);
    }
    unlink(path);
    return 0;
  }

  fuzz_verbs_init();
  td_lexicon *lx = td_lexicon_new(&letters, &text_ctx->text);
  td_dict_report rep = {fuzz_report, &L, 0};
  if (discards) {
    FUZZ_ASSERT(td_tabari_load_discards(lx, path, &rep, &err));
    FUZZ_ASSERT(rep.problems == L.reported);
    td_lexicon_build(lx, wnp);
    static const char text[] =
        "Months later the World Golf Championships and a typhoon hit "
        "Baseball fans in Manchester.";
    td_read_opts ro = {TD_FORMAT_TEXT, "2024-01-01", NULL, 0};
    td_reader *r = td_reader_new(text_ctx, &ro);
    td_reader_add_mem(r, "text", text, sizeof(text) - 1);
    td_doc *doc = NULL;
    td_diag d;
    if (td_reader_next(r, &doc, &d) == TD_DOC) {
      td_doc_analyze(doc, text_ctx);
      const td_lx_matches *m = td_lexicon_run(doc, lx);
      for (size_t i = 0; i < m->v.n; i++) {
        FUZZ_ASSERT(m->v.v[i].first < m->v.v[i].end);
        FUZZ_ASSERT(m->v.v[i].end <= td_doc_ntokens(doc));
        const td_lx_entry *e =
            td_lx_first(lx, &m->v.v[i], 1u << TD_LX_DISCARD);
        if (e)
          FUZZ_ASSERT(e->value <= 1);
      }
      td_doc_free(doc);
    }
    td_reader_free(r);
  } else {
    td_eventdict *ed = td_eventdict_new(lx, wnp, &cameo);
    FUZZ_ASSERT(td_tabari_load_verbs(ed, path, &rep, &err));
    FUZZ_ASSERT(rep.problems == L.reported);
    td_eventdict_finish(ed);
    fuzz_check_model(ed);
    td_eventdict_free(ed);
  }
  td_lexicon_free(lx);
  unlink(path);
  return 0;
}
