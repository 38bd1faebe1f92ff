/*
 * ctx.h — the context: every stage's rules and dictionaries, loaded once and
 * read-only afterwards, shared by all threads.
 */
#ifndef TD_CTX_H
#define TD_CTX_H

#include "extract/actors.h"
#include "extract/events.h"
#include "extract/places.h"
#include "extract/quantities.h"
#include "extract/quotes.h"
#include "extract/timex.h"
#include "lex/actordict.h"
#include "lex/eventdict.h"
#include "lex/gazetteer.h"
#include "lex/lexicon.h"
#include "lex/wordnet.h"
#include "text/text.h"

struct td_ctx {
  char *data_dir;
  td_countries countries;
  td_text_rules text;
  td_timex_grammar *timex;
  td_quant_rules *quant;
  /* dictionaries (not loaded for text_only contexts) */
  bool dicts;
  td_letters letters;
  td_wordnet wordnet;
  td_lexicon *lexicon;
  td_actordict actors;
  td_gazetteer gazetteer;
  td_geo geo;
  td_actor_ctx actor_ctx;
  td_quote_rules *quotes;
  td_cameo cameo;
  td_eventdict *events;
  td_event_rules *event_rules;
  double load_seconds;
};

#endif
