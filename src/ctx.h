/*
 * ctx.h — the context: every stage's rules and dictionaries, loaded once and
 * read-only afterwards, shared by all threads.
 */
#ifndef TD_CTX_H
#define TD_CTX_H

#include "extract/timex.h"
#include "text/text.h"

struct td_ctx {
  char *data_dir;
  td_countries countries;
  td_text_rules text;
  td_timex_grammar *timex;
};

#endif
