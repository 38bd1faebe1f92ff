/*
 * ctx.c — loads and frees the context, and runs the annotation stages in
 * their order: text model, time, quantities, lexicon, places, actors,
 * quotes, events.
 */
#include "ctx.h"

static bool td_load_dicts(td_ctx *ctx, const td_ctx_opts *o, td_diag *err) {
  const char *dir = o->data_dir;
  if (!td_letters_load(&ctx->letters, dir, err) ||
      !td_wordnet_load(&ctx->wordnet, err))
    return false;
  ctx->lexicon = td_lexicon_new(&ctx->letters, &ctx->text);
  if (!td_actordict_load(&ctx->actors, ctx->lexicon, dir, !o->no_own_actors,
                         err) ||
      !td_gazetteer_load(&ctx->gazetteer, &ctx->countries, ctx->lexicon, dir,
                         err))
    return false;
  td_dict_report rep = {o->report, o->report_ud, 0};
  for (size_t i = 0; i < o->ndiscard_files; i++)
    if (!td_tabari_load_discards(ctx->lexicon, o->discard_files[i], &rep,
                                 err))
      return false;
  for (size_t i = 0; i < o->nactor_files; i++)
    if (!td_tabari_load_actors(&ctx->actors, ctx->lexicon, o->actor_files[i],
                               &rep, err))
      return false;
  for (size_t i = 0; i < o->nagent_files; i++)
    if (!td_tabari_load_agents(&ctx->actors, ctx->lexicon, o->agent_files[i],
                               &rep, err))
      return false;
  td_lexicon_build(ctx->lexicon, &ctx->wordnet);
  ctx->actor_ctx.d = &ctx->actors;
  if (!td_actor_ctx_init(&ctx->actor_ctx, ctx->lexicon, dir, err))
    return false;
  ctx->geo.lx = ctx->lexicon;
  ctx->geo.g = &ctx->gazetteer;
  ctx->geo.c = &ctx->countries;
  ctx->actor_ctx.lx = ctx->lexicon;
  ctx->actor_ctx.d = &ctx->actors;
  ctx->actor_ctx.c = &ctx->countries;
  ctx->actor_ctx.starters = ctx->text.starters;
  ctx->actor_ctx.reporting = ctx->text.reporting;
  ctx->actor_ctx.own = !o->no_own_actors;
  ctx->actor_ctx.rules = &ctx->text;
  if (!(ctx->quotes = td_quote_rules_load(dir, ctx->lexicon, &ctx->wordnet, err)))
    return false;
  /* events: the CAMEO table, our dictionary and the user's verb files,
   * then the word classes; every word is interned before the tables are
   * sized */
  if (!td_cameo_load(&ctx->cameo, dir, err))
    return false;
  ctx->events = td_eventdict_new(ctx->lexicon, &ctx->wordnet, &ctx->cameo);
  if (!o->no_own_events && !td_eventdict_load_own(ctx->events, dir, err))
    return false;
  for (size_t i = 0; i < o->nverb_files; i++)
    if (!td_tabari_load_verbs(ctx->events, o->verb_files[i], &rep, err))
      return false;
  if (!(ctx->event_rules =
            td_event_rules_load(dir, ctx->lexicon, ctx->events, err)))
    return false;
  td_eventdict_finish(ctx->events);
  td_event_rules_finish(ctx->event_rules);
  td_event_rules_set_reporting(ctx->event_rules, ctx->text.reporting);
  ctx->dicts = true;
  return true;
}

td_ctx *td_ctx_open(const td_ctx_opts *o, td_diag *err) {
  double t0 = td_seconds();
  td_ctx *ctx = td_calloc(1, sizeof(*ctx));
  ctx->data_dir = o->data_dir ? td_strdup(o->data_dir) : NULL;
  if (!td_countries_load(&ctx->countries, o->data_dir, err) ||
      !td_text_rules_load(&ctx->text, o->data_dir, err) ||
      !(ctx->timex = td_timex_grammar_load(o->data_dir, err)) ||
      !(ctx->quant = td_quant_rules_load(o->data_dir, err))) {
    td_ctx_free(ctx);
    return NULL;
  }
  ctx->text.countries = &ctx->countries;
  if (!o->text_only && !td_load_dicts(ctx, o, err)) {
    td_ctx_free(ctx);
    return NULL;
  }
  ctx->load_seconds = td_seconds() - t0;
  return ctx;
}

td_ctx *td_ctx_new(const char *data_dir, td_diag *err) {
  td_ctx_opts o;
  memset(&o, 0, sizeof(o));
  o.data_dir = data_dir;
  return td_ctx_open(&o, err);
}

void td_ctx_free(td_ctx *ctx) {
  if (!ctx)
    return;
  td_quote_rules_free(ctx->quotes);
  td_event_rules_free(ctx->event_rules);
  td_eventdict_free(ctx->events);
  td_cameo_free(&ctx->cameo);
  td_actor_ctx_free(&ctx->actor_ctx);
  td_lexicon_free(ctx->lexicon);
  td_actordict_free(&ctx->actors);
  td_gazetteer_free(&ctx->gazetteer);
  td_wordnet_free(&ctx->wordnet);
  td_letters_free(&ctx->letters);
  td_text_rules_free(&ctx->text);
  td_countries_free(&ctx->countries);
  td_timex_grammar_free(ctx->timex);
  td_quant_rules_free(ctx->quant);
  td_free(ctx->data_dir);
  td_free(ctx);
}

void td_ctx_get_stats(const td_ctx *ctx, td_ctx_stats *out) {
  memset(out, 0, sizeof(*out));
  out->load_seconds = ctx->load_seconds;
  if (!ctx->dicts)
    return;
  out->phrases = td_lexicon_nphrases(ctx->lexicon);
  out->forms = td_lexicon_nforms(ctx->lexicon);
  out->places = ctx->gazetteer.places.n;
  out->actors = ctx->actors.actors.n;
  out->agents = ctx->actors.agents.n;
  out->roles = ctx->actors.roles.n;
  out->xactors = ctx->actors.xactors.n;
  out->predicates = ctx->events ? ctx->events->preds.n : 0;
  out->patterns = ctx->events ? ctx->events->pats.n : 0;
}

void td_doc_annotate(td_doc *doc, const td_ctx *ctx) {
  td_doc_analyze(doc, ctx);
  td_timex_run(doc, ctx->timex);
  td_quantities_run(doc, ctx->quant);
  if (!ctx->dicts)
    return;
  td_lexicon_run(doc, ctx->lexicon);
  td_places_run(doc, &ctx->geo);
  td_actors_run(doc, &ctx->actor_ctx);
  td_quotes_run(doc, ctx->quotes);
  td_events_run(doc, ctx->event_rules);
}

typedef struct td_relay {
  td_diag_fn fn;
  void *ud;
  long n;
} td_relay;

static void td_relay_report(void *ud, const td_diag *d) {
  td_relay *r = ud;
  r->n++;
  if (r->fn)
    r->fn(r->ud, d);
}

long td_dict_check(const td_ctx *ctx, const char *path, const char *kind,
                   td_diag_fn fn, void *ud, td_diag *err) {
  if (!ctx->dicts) {
    td_diag_set(err, TD_ERROR, path, 0, -1,
                "the context has no dictionaries (text_only)");
    return -1;
  }
  td_lexicon *lx = td_lexicon_new(&ctx->letters, &ctx->text);
  td_relay r = {fn, ud, 0};
  long n = -1;
  if (!strcmp(kind, "actors") || !strcmp(kind, "agents")) {
    td_actordict d;
    memset(&d, 0, sizeof(d));
    td_dict_report rep = {td_relay_report, &r, 0};
    bool ok = !strcmp(kind, "actors")
                  ? td_tabari_load_actors(&d, lx, path, &rep, err)
                  : td_tabari_load_agents(&d, lx, path, &rep, err);
    n = ok ? rep.problems : -1;
    td_actordict_free(&d);
  } else if (!strcmp(kind, "verbs")) {
    td_eventdict *d = td_eventdict_new(lx, &ctx->wordnet, &ctx->cameo);
    td_dict_report rep = {td_relay_report, &r, 0};
    n = td_tabari_load_verbs(d, path, &rep, err) ? rep.problems : -1;
    td_eventdict_free(d);
  } else if (!strcmp(kind, "events.txt")) {
    td_eventdict *d = td_eventdict_new(lx, &ctx->wordnet, &ctx->cameo);
    n = td_eventdict_check(d, path, td_relay_report, &r, err);
    td_eventdict_free(d);
  } else if (!strcmp(kind, "places.txt")) {
    n = td_gazetteer_check(path, &ctx->countries, lx, td_relay_report, &r,
                           err);
  } else if (!strcmp(kind, "countries.txt")) {
    n = td_countries_check(path, td_relay_report, &r, err);
  } else if (!strcmp(kind, "actors.txt") || !strcmp(kind, "agents.txt") ||
             !strcmp(kind, "roles.txt") || !strcmp(kind, "names.txt")) {
    n = td_actordict_check(path, kind, lx, td_relay_report, &r, err);
  } else {
    td_diag_set(err, TD_ERROR, path, 0, -1,
                "unknown dictionary kind \"%s\" (actors, agents, verbs, "
                "actors.txt, agents.txt, roles.txt, names.txt, places.txt, "
                "countries.txt, events.txt)",
                kind);
  }
  /* The phrases themselves: each must make words (reported by the loaders
   * above through td_lexicon_add); build to exercise the insertion. */
  td_lexicon_build(lx, &ctx->wordnet);
  td_lexicon_free(lx);
  return n;
}
