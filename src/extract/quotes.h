/*
 * quotes.h — the `quotes` layer: quotations and reported statements, each
 * with its speaker (resolved through the entities layer's references to a
 * person or organisation), its cue and its content.
 */
#ifndef TD_QUOTES_H
#define TD_QUOTES_H

#include "../doc/doc.h"
#include "../lex/lexicon.h"
#include "../lex/wordnet.h"

typedef struct td_quote_rules td_quote_rules;

/* Loads data/cues.txt (from dir first, then the built-in copy); verb
 * forms are generated, irregular ones from WordNet's verb.exc. Interns its
 * words in the lexicon: call after td_lexicon_build. */
td_quote_rules *td_quote_rules_load(const char *dir, td_lexicon *lx,
                                    const td_wordnet *wn, td_diag *err);
void td_quote_rules_free(td_quote_rules *q);

/* Needs the text model and the `lexicon` and `entities` layers. Adds
 * `quotes`. */
void td_quotes_run(td_doc *doc, const td_quote_rules *q);

#endif
