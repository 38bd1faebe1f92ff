/*
 * fuzz_petrxml.c — libFuzzer target: the reader of PETRARCH validation
 * records (src/read/petrxml.c) on arbitrary bytes. Every problem is
 * reported with a message, a line inside the input and a byte inside it;
 * the records read are well formed (an id, a YYYY-MM-DD date, a non-empty
 * text with no run of whitespace, codings with their three codes, no
 * record both expecting events and none); the counts agree.
 */
#include "fuzz_common.h"
#include "read/petrxml.h"

static bool fuzz_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

typedef struct fuzz_xml {
  long lines, reported;
  size_t len;
} fuzz_xml;

static void fuzz_xml_report(void *ud, const td_diag *d) {
  fuzz_xml *X = ud;
  FUZZ_ASSERT(d->msg[0] != 0);
  FUZZ_ASSERT(d->path[0] != 0);
  FUZZ_ASSERT(d->line >= 1 && d->line <= X->lines);
  FUZZ_ASSERT(d->byte >= 0 && (size_t)d->byte <= X->len);
  X->reported++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_xml X = {1, 0, size};
  for (size_t i = 0; i < size; i++)
    X.lines += data[i] == '\n';
  td_petr_file f;
  memset(&f, 0, sizeof(f));
  td_petr_parse(&f, "fuzz.xml", (const char *)data, size, fuzz_xml_report,
                &X);
  FUZZ_ASSERT(f.problems == X.reported);
  FUZZ_ASSERT(f.refused <= f.problems);
  td_petr_names *lists[4] = {&f.verb_files, &f.actor_files, &f.agent_files,
                             &f.discard_files};
  for (int k = 0; k < 4; k++)
    for (size_t i = 0; i < lists[k]->n; i++)
      FUZZ_ASSERT(lists[k]->v[i][0] != 0);
  for (size_t i = 0; i < f.records.n; i++) {
    const td_petr_record *r = &f.records.v[i];
    FUZZ_ASSERT(r->id && r->id[0]);
    FUZZ_ASSERT(r->category != NULL);
    FUZZ_ASSERT(strlen(r->date) == 10 && r->date[4] == '-' &&
                r->date[7] == '-');
    td_date dt;
    FUZZ_ASSERT(td_date_from_string(r->date, &dt) == 1);
    FUZZ_ASSERT(r->text && r->text_len > 0);
    FUZZ_ASSERT(!fuzz_ws(r->text[0]) && !fuzz_ws(r->text[r->text_len - 1]));
    for (size_t k = 1; k < r->text_len; k++)
      FUZZ_ASSERT(!(r->text[k] == ' ' && r->text[k - 1] == ' '));
    FUZZ_ASSERT(!(r->ncodings && (r->noevents || r->error)));
    for (size_t k = 0; k < r->ncodings; k++)
      FUZZ_ASSERT(r->codings[k].source[0] && r->codings[k].target[0] &&
                  r->codings[k].event[0]);
    FUZZ_ASSERT(r->line >= 1 && r->line <= X.lines);
    FUZZ_ASSERT(r->byte >= 0 && (size_t)r->byte < size);
    FUZZ_ASSERT(r->new_actor_length >= 0);
  }
  td_petr_free(&f);
  return 0;
}
