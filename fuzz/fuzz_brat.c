/*
 * fuzz_brat.c — libFuzzer target: the brat standoff reader
 * (src/read/brat.c) and the attribution matcher (src/eval/attrib.c). The
 * input is a story's text, a NUL byte, then the .ann file (no NUL: the
 * whole input is the .ann file of an empty text). Every problem must be
 * reported with the file and a line inside it; every span read must be
 * non-empty and inside the text; and the gold scored against itself must
 * match every source, cue and content exactly.
 */
#include "fuzz_common.h"

#include "eval/attrib.h"
#include "read/brat.h"

static void fuzz_brat_report(void *ud, const td_diag *d) {
  fuzz_lines *L = ud;
  FUZZ_ASSERT(d->msg[0] != 0);
  FUZZ_ASSERT(!strcmp(d->path, "fuzz.ann"));
  FUZZ_ASSERT(d->line >= 1 && d->line <= L->lines);
  L->reported++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const uint8_t *nul = memchr(data, 0, size);
  const char *text = (const char *)data, *ann = (const char *)data;
  size_t len = 0, n = size;
  if (nul) {
    len = (size_t)(nul - data);
    ann = (const char *)nul + 1;
    n = size - len - 1;
  }
  fuzz_lines L = fuzz_line_count((const uint8_t *)ann, n);
  td_brat b;
  td_brat_read(&b, "fuzz.ann", ann, n, text, len, fuzz_brat_report, &L);
  FUZZ_ASSERT(b.problems == L.reported);
  FUZZ_ASSERT(b.lines == L.lines);
  for (size_t i = 0; i < b.pieces.n; i++) {
    td_span p = b.pieces.v[i];
    FUZZ_ASSERT(p.start < p.end && p.end <= len);
  }
  /* the gold against itself, kind by kind */
  size_t na = b.attrs.n;
  if (na <= 2000) {
    td_attr_set *g = calloc(na + 1, sizeof(td_attr_set));
    for (int k = 0; k < 3; k++) {
      size_t ng = 0;
      for (size_t i = 0; i < na; i++) {
        const td_brat_attr *a = &b.attrs.v[i];
        td_brat_set s = k == 0 ? a->source : k == 1 ? a->cue : a->content;
        FUZZ_ASSERT(a->line >= 1 && a->line <= L.lines);
        FUZZ_ASSERT(s.first + s.n <= b.pieces.n);
        if (s.n)
          g[ng++] = (td_attr_set){b.pieces.v + s.first, s.n};
      }
      td_attr_counts c = {0, 0, 0, 0};
      td_attr_match(text, len, g, ng, g, ng, &c, NULL, NULL);
      FUZZ_ASSERT(c.gold == (long)ng && c.system == (long)ng);
      FUZZ_ASSERT(c.exact == (long)ng && c.overlap == (long)ng);
    }
    free(g);
  }
  td_brat_free(&b);
  return 0;
}
