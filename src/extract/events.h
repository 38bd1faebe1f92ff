/*
 * events.h — the `events` layer: who did what to whom, when and where. Each
 * sentence's predicates (the verbs and nouns of the event dictionary) are
 * found, coded by the most specific pattern that matches, given a source
 * and a target from the actors around them (subject, object, passive
 * agent, possessor, prepositional phrases, compound actors), a date (the
 * governing temporal expression, else the time the text is at, else the
 * story date), a place, a modality and, inside quotations, the speaker who
 * claims them.
 */
#ifndef TD_EVENTS_H
#define TD_EVENTS_H

#include "../doc/doc.h"
#include "../lex/eventdict.h"

typedef struct td_event_rules td_event_rules;

/* Loads data/event-words.txt and keeps the dictionary d (not owned; it
 * must be finished). Interns its words in the lexicon: call after
 * td_lexicon_build and before td_eventdict_finish. */
td_event_rules *td_event_rules_load(const char *dir, td_lexicon *lx,
                                    const td_eventdict *d, td_diag *err);
/* Builds the per-form tables; call after td_eventdict_finish. */
void td_event_rules_finish(td_event_rules *r);
void td_event_rules_free(td_event_rules *r);
/* The verbs of saying (data/reporting-verbs.txt): an indirect quote counts
 * as a claim when its cue is one of them or "according to". */
void td_event_rules_set_reporting(td_event_rules *r, const td_strmap *m);

/* Needs the text model and the `lexicon`, `timexes`, `places`, `entities`
 * and `quotes` layers. Adds `events`. */
void td_events_run(td_doc *doc, const td_event_rules *r);

#endif
