/*
 * report.c — the linked collection as text for a person and as JSON
 * (docs/format.md, "Across sources"): the stories, the comparison of
 * sources (conflicts first, then compatible and agreeing facts, canonical
 * events with their sources, single-source facts, framing, derived checks)
 * and the timeline. The SVG timeline is svg.c's.
 */
#include "link.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- Shared pieces ------------------------------------------------------ */

void td_lk_day_str(long day, char out[16]) {
  int y, m, d;
  td_civil_from_days(day, &y, &m, &d);
  td_date d8 = {(int16_t)y, (int8_t)m, (int8_t)d};
  td_date_format(d8, out);
}

/* A canonical event's date as written: its value, or "undated". */
static const char *td_canon_date(const td_lk_canon *k) {
  return k->date ? k->date : "undated";
}

/* Events in time order (undated last), as indexes into c->canons. */
typedef struct td_order {
  const td_collection *c;
} td_order;

static const td_collection *td_sort_c;
static int td_canon_cmp(const void *a, const void *b) {
  const td_lk_canon *x = &td_sort_c->canons.v[*(const uint32_t *)a];
  const td_lk_canon *y = &td_sort_c->canons.v[*(const uint32_t *)b];
  if (!!x->when.gran != !!y->when.gran)
    return x->when.gran ? -1 : 1;
  if (x->when.lo != y->when.lo)
    return x->when.lo < y->when.lo ? -1 : 1;
  if (x->when.hi != y->when.hi)
    return x->when.hi < y->when.hi ? -1 : 1;
  return *(const uint32_t *)a < *(const uint32_t *)b ? -1 : 1;
}

/* The canonical events of story s in time order; the caller frees. */
static uint32_t *td_story_events(const td_collection *c, size_t s,
                                 size_t *n) {
  const td_lk_story *st = &c->stories.v[s];
  uint32_t *v = td_calloc(st->canon_end - st->canon_first + 1,
                          sizeof(uint32_t));
  size_t k = 0;
  for (uint32_t i = st->canon_first; i < st->canon_end; i++)
    v[k++] = i;
  td_sort_c = c;
  qsort(v, k, sizeof(*v), td_canon_cmp);
  *n = k;
  return v;
}

/* The sources of a canonical event, comma-separated. */
static void td_canon_sources(const td_collection *c, const td_lk_canon *k,
                             td_buf *b) {
  size_t start = b->len;
  for (size_t i = 0; i < k->m.n; i++) {
    const char *ag = td_lk_agency(c->docs.v[k->m.v[i].doc]);
    bool seen = false;
    for (size_t j = 0; j < i && !seen; j++)
      seen = !strcmp(td_lk_agency(c->docs.v[k->m.v[j].doc]), ag);
    if (seen)
      continue;
    if (b->len > start)
      td_buf_adds(b, ", ");
    td_buf_adds(b, ag);
  }
}

/* Actor codes of one side of a canonical event, distinct, space-separated. */
static void td_canon_actors(const td_collection *c, const td_lk_canon *k,
                            bool target, td_buf *b) {
  const char *seen[32];
  size_t nseen = 0;
  for (size_t i = 0; i < k->m.n; i++) {
    const td_lk_event *e = td_lk_event_of(c, k->m.v[i]);
    size_t n = target ? e->ntgt : e->nsrc;
    const td_lk_actor *a = target ? e->tgt : e->src;
    for (size_t j = 0; j < n && nseen < TD_COUNT(seen); j++) {
      bool dup = !a[j].code;
      for (size_t s = 0; s < nseen && !dup; s++)
        dup = !strcmp(seen[s], a[j].code);
      if (dup)
        continue;
      if (nseen)
        td_buf_addc(b, ' ');
      td_buf_adds(b, a[j].code);
      seen[nseen++] = a[j].code;
    }
  }
}

/* The mention that best names a canonical event: the shortest phrase. */
static const td_lk_event *td_canon_rep(const td_collection *c,
                                       const td_lk_canon *k) {
  const td_lk_event *best = td_lk_event_of(c, k->m.v[0]);
  for (size_t i = 1; i < k->m.n; i++) {
    const td_lk_event *e = td_lk_event_of(c, k->m.v[i]);
    if (!strcmp(e->code, k->code) && strcmp(best->code, k->code))
      best = e;
  }
  return best;
}

/* Story-relative event id: "s1e3". */
static void td_canon_id(const td_collection *c, int32_t k, char out[32]) {
  if (k < 0) {
    out[0] = 0;
    return;
  }
  /* a story's canonical events are contiguous (merge.c) */
  size_t story = c->canons.v[k].story;
  size_t nth = (size_t)k - c->stories.v[story].canon_first;
  snprintf(out, 32, "s%zue%zu", story + 1, nth + 1);
}

/* The value of a compared fact, as text. */
static void td_value_str(const td_collection *c, const td_lk_value *v,
                         char *out, size_t cap) {
  const td_digest *d = c->docs.v[v->doc];
  if (v->what != TD_LK_V_FACT) {
    const td_lk_event *e = &d->events[v->fact];
    const char *s = v->what == TD_LK_V_DATE ? e->date : e->place;
    snprintf(out, cap, "%s", s ? s : "");
    return;
  }
  const td_lk_fact *f = &d->facts[v->fact];
  switch ((td_lk_kind)f->kind) {
  case TD_LK_COUNT:
    snprintf(out, cap, "%s%.15g%s%s",
             f->bound == TD_LK_ABOUT  ? "~"
             : f->bound == TD_LK_MORE ? ">"
             : f->bound == TD_LK_LESS ? "<"
                                      : "",
             f->value, f->label ? " " : "", f->label ? f->label : "");
    break;
  case TD_LK_DURATION:
  case TD_LK_DATE:
    snprintf(out, cap, "%s%s",
             f->bound == TD_LK_ABOUT  ? "~"
             : f->bound == TD_LK_MORE ? ">"
             : f->bound == TD_LK_LESS ? "<"
                                      : "",
             f->label ? f->label : "");
    break;
  case TD_LK_PLACE:
  case TD_LK_NAME:
    snprintf(out, cap, "%s", f->label ? f->label : f->key);
    break;
  case TD_LK_QUOTE:
    snprintf(out, cap, "%s", f->label ? f->label : "(unknown speaker)");
    break;
  default:
    out[0] = 0;
  }
}

/* The evidence of a compared value: span and text. */
static void td_value_evidence(const td_collection *c, const td_lk_value *v,
                              td_span *span, const char **text) {
  const td_digest *d = c->docs.v[v->doc];
  if (v->what == TD_LK_V_PLACE) {
    const td_lk_event *e = &d->events[v->fact];
    *span = e->place_span;
    *text = e->place_text ? e->place_text : e->place;
    return;
  }
  if (v->what == TD_LK_V_DATE) {
    const td_lk_event *e = &d->events[v->fact];
    if (e->date_text) {
      *span = e->date_span;
      *text = e->date_text;
    } else {
      span->start = e->start;
      span->end = e->end;
      *text = e->text;
    }
    return;
  }
  const td_lk_fact *f = &d->facts[v->fact];
  span->start = f->start;
  span->end = f->end;
  *text = f->text;
}

/* Comparisons of story s with a given status, kinds in order. */
static size_t td_count_status(const td_collection *c, size_t s, int status) {
  size_t n = 0;
  for (size_t i = c->stories.v[s].cmp_first; i < c->stories.v[s].cmp_end; i++)
    n += c->cmps.v[i].status == status;
  return n;
}

static size_t td_story_sources(const td_collection *c, const td_lk_story *st,
                               td_buf *b) {
  size_t n = 0, start = b->len;
  for (size_t i = 0; i < st->docs.n; i++) {
    const char *ag = td_lk_agency(c->docs.v[st->docs.v[i]]);
    bool seen = false;
    for (size_t j = 0; j < i && !seen; j++)
      seen = !strcmp(td_lk_agency(c->docs.v[st->docs.v[j]]), ag);
    if (seen)
      continue;
    if (b->len > start)
      td_buf_adds(b, ", ");
    td_buf_adds(b, ag);
    n++;
  }
  return n;
}

static const char *td_doc_label(const td_digest *d) {
  return d->path ? d->path : d->id ? d->id : "";
}

/* ---- Text --------------------------------------------------------------- */

/* Evidence for a line of text: newlines as spaces, long text cut short
 * (at a character boundary) with "...". */
static void td_text_quote(td_buf *b, const char *s) {
  size_t n = strlen(s), cut = n;
  if (n > 100) {
    cut = 90;
    while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
      cut--;
  }
  td_buf_addc(b, '"');
  for (size_t i = 0; i < cut; i++)
    td_buf_addc(b, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i]);
  if (cut < n)
    td_buf_adds(b, "...");
  td_buf_addc(b, '"');
}

static void td_text_story_head(const td_collection *c, size_t s, td_buf *b) {
  const td_lk_story *st = &c->stories.v[s];
  td_buf src = {0};
  size_t nsrc = td_story_sources(c, st, &src);
  td_buf_printf(b, "Story %zu: %zu document%s, %zu source%s (%s)", s + 1,
                st->docs.n, st->docs.n == 1 ? "" : "s", nsrc,
                nsrc == 1 ? "" : "s", td_buf_cstr(&src));
  if (st->first_day != LONG_MAX) {
    char a[16], z[16];
    td_lk_day_str(st->first_day, a);
    td_lk_day_str(st->last_day, z);
    if (st->first_day == st->last_day)
      td_buf_printf(b, ", %s", a);
    else
      td_buf_printf(b, ", %s to %s", a, z);
  }
  td_buf_adds(b, "\n");
  for (size_t i = 0; i < st->docs.n; i++) {
    const td_digest *d = c->docs.v[st->docs.v[i]];
    char day[16] = "";
    if (d->day != LONG_MIN)
      td_lk_day_str(d->day, day);
    td_buf_printf(b, "  [%u] %s  %s  %s%s%s\n", st->docs.v[i] + 1,
                  td_lk_agency(d), day, td_doc_label(d),
                  d->title ? "  " : "", d->title ? d->title : "");
  }
  td_buf_free(&src);
}

static void td_text_cmp(const td_collection *c, const td_lk_cmp *cm,
                        td_buf *b) {
  char id[32], val[256];
  td_canon_id(c, cm->canon, id);
  td_buf_printf(b, "    %s", td_lk_kind_name((td_lk_kind)cm->kind));
  if (cm->canon >= 0) {
    const td_lk_canon *k = &c->canons.v[cm->canon];
    td_buf_printf(b, " of event %s (%s %s)", id, k->code,
                  k->plover ? k->plover : "");
  }
  if (cm->note[0])
    td_buf_printf(b, ": %s", cm->note);
  td_buf_adds(b, "\n");
  for (size_t i = 0; i < cm->v.n; i++) {
    const td_lk_value *v = &cm->v.v[i];
    const td_digest *d = c->docs.v[v->doc];
    td_span sp;
    const char *text;
    td_value_str(c, v, val, sizeof(val));
    td_value_evidence(c, v, &sp, &text);
    td_buf_printf(b, "      %-12s %-24s ", td_lk_agency(d), val);
    td_text_quote(b, text);
    td_buf_printf(b, "  [%u] %u-%u\n", v->doc + 1, sp.start, sp.end);
  }
}

static void td_text_compare(const td_collection *c, td_buf *b) {
  static const char *heads[] = {
      "Agree", "Compatible (one is more precise or approximate)", "Conflicts",
      "Only one source"};
  static const int order[] = {TD_LK_CONFLICT, TD_LK_COMPATIBLE, TD_LK_AGREE};
  for (size_t s = 0; s < c->stories.n; s++) {
    if (s)
      td_buf_adds(b, "\n");
    td_text_story_head(c, s, b);
    for (size_t o = 0; o < TD_COUNT(order); o++) {
      if (!td_count_status(c, s, order[o]))
        continue;
      td_buf_printf(b, "  %s\n", heads[order[o]]);
      for (size_t i = c->stories.v[s].cmp_first;
           i < c->stories.v[s].cmp_end; i++)
        if (c->cmps.v[i].status == order[o])
          td_text_cmp(c, &c->cmps.v[i], b);
    }
    size_t ne;
    uint32_t *ev = td_story_events(c, s, &ne);
    if (ne) {
      td_buf_printf(b, "  Events\n");
      for (size_t i = 0; i < ne; i++) {
        const td_lk_canon *k = &c->canons.v[ev[i]];
        char id[32];
        td_canon_id(c, (int32_t)ev[i], id);
        td_buf src = {0}, sa = {0}, ta = {0};
        td_canon_sources(c, k, &src);
        td_canon_actors(c, k, false, &sa);
        td_canon_actors(c, k, true, &ta);
        const td_lk_event *rep = td_canon_rep(c, k);
        td_buf_printf(b, "    %-6s %-10s %-7s %-4s %-10s %s -> %s  \"%s\"  "
                      "%u source%s (%s), %u article%s, %zu mention%s%s%s\n",
                      id, td_canon_date(k),
                      k->when.gran ? td_lk_gran_name(k->when.gran) : "",
                      k->code, k->plover ? k->plover : "-",
                      sa.len ? td_buf_cstr(&sa) : "-",
                      ta.len ? td_buf_cstr(&ta) : "-", rep->phrase,
                      k->nsources, k->nsources == 1 ? "" : "s",
                      td_buf_cstr(&src), k->narticles,
                      k->narticles == 1 ? "" : "s", k->m.n,
                      k->m.n == 1 ? "" : "s",
                      k->date_status == TD_LK_CONFLICT ? ", DATE CONFLICT"
                                                       : "",
                      k->dated ? "" : k->date ? " (story date)" : "");
        td_buf_free(&src);
        td_buf_free(&sa);
        td_buf_free(&ta);
      }
    }
    td_free(ev);
    if (td_count_status(c, s, TD_LK_SINGLE)) {
      td_buf_printf(b, "  %s\n", heads[TD_LK_SINGLE]);
      for (size_t i = c->stories.v[s].cmp_first;
           i < c->stories.v[s].cmp_end; i++) {
        const td_lk_cmp *cm = &c->cmps.v[i];
        if (cm->status != TD_LK_SINGLE)
          continue;
        char val[256];
        td_span sp;
        const char *text;
        td_value_str(c, &cm->v.v[0], val, sizeof(val));
        td_value_evidence(c, &cm->v.v[0], &sp, &text);
        td_buf_printf(b, "    %-12s %-8s %-24s ",
                      td_lk_agency(c->docs.v[cm->v.v[0].doc]),
                      td_lk_kind_name((td_lk_kind)cm->kind), val);
        td_text_quote(b, text);
        td_buf_printf(b, "  [%u] %u-%u\n", cm->v.v[0].doc + 1, sp.start,
                      sp.end);
      }
    }
    bool any = false;
    for (size_t i = c->stories.v[s].frame_first;
         i < c->stories.v[s].frame_end; i++) {
      const td_lk_frame *f = &c->frames.v[i];
      if (!any)
        td_buf_adds(b, "  Framing (words one source alone uses)\n");
      any = true;
      char id[32];
      td_canon_id(c, f->canon, id);
      td_buf_printf(b, "    %-12s \"%s\"  event %s  [%u] %u-%u\n",
                    td_lk_agency(c->docs.v[f->doc]), f->text, id, f->doc + 1,
                    f->span.start, f->span.end);
    }
    any = false;
    for (size_t i = c->stories.v[s].derived_first;
         i < c->stories.v[s].derived_end; i++) {
      const td_lk_derived *dv = &c->derived.v[i];
      if (!any)
        td_buf_adds(b, "  Derived checks\n");
      any = true;
      const td_lk_fact *f = &c->docs.v[dv->doc]->facts[dv->fact];
      const td_lk_canon *from = &c->canons.v[dv->from_canon];
      char a[16], z[16], id[32];
      td_lk_day_str(dv->end.lo, a);
      td_lk_day_str(dv->end.hi, z);
      td_canon_id(c, dv->from_canon, id);
      td_buf_printf(b, "    \"%s\" from %s (event %s) ends %.7s", f->text,
                    td_canon_date(from), id, a);
      if (dv->to_canon >= 0) {
        char id2[32];
        td_canon_id(c, dv->to_canon, id2);
        td_buf_printf(b, ": %s with event %s (%s, \"%s\")",
                      dv->status == TD_LK_CONFLICT ? "CONFLICTS"
                                                   : "consistent",
                      id2, td_canon_date(&c->canons.v[dv->to_canon]),
                      td_canon_rep(c, &c->canons.v[dv->to_canon])->phrase);
      }
      (void)z;
      td_buf_adds(b, "\n");
    }
  }
}

static void td_text_stories(const td_collection *c, td_buf *b) {
  for (size_t s = 0; s < c->stories.n; s++)
    td_text_story_head(c, s, b);
}

static void td_text_timeline(const td_collection *c, td_buf *b) {
  for (size_t s = 0; s < c->stories.n; s++) {
    size_t ne;
    uint32_t *ev = td_story_events(c, s, &ne);
    td_buf_printf(b, "%sStory %zu\n", s ? "\n" : "", s + 1);
    for (size_t i = 0; i < ne; i++) {
      const td_lk_canon *k = &c->canons.v[ev[i]];
      if (!k->when.gran)
        continue;
      char id[32];
      td_canon_id(c, (int32_t)ev[i], id);
      td_buf src = {0};
      td_canon_sources(c, k, &src);
      td_buf_printf(b, "  %-10s %-7s %-6s %-4s %-10s \"%s\"  [%s]%s",
                    td_canon_date(k), td_lk_gran_name(k->when.gran), id,
                    k->code, k->plover ? k->plover : "-",
                    td_canon_rep(c, k)->phrase, td_buf_cstr(&src),
                    k->dated ? "" : "  (story date)");
      td_buf_free(&src);
      if (k->date_status == TD_LK_CONFLICT) {
        /* each source's own date */
        td_buf_adds(b, "  DATE CONFLICT:");
        for (size_t m = c->stories.v[s].cmp_first;
             m < c->stories.v[s].cmp_end; m++) {
          const td_lk_cmp *cm = &c->cmps.v[m];
          if (cm->canon != (int32_t)ev[i] || cm->kind != TD_LK_DATE)
            continue;
          for (size_t v = 0; v < cm->v.n; v++) {
            char val[64];
            td_value_str(c, &cm->v.v[v], val, sizeof(val));
            td_buf_printf(b, "%s %s %s", v ? "," : "",
                          td_lk_agency(c->docs.v[cm->v.v[v].doc]), val);
          }
        }
      }
      td_buf_adds(b, "\n");
    }
    td_free(ev);
  }
}

/* ---- JSON --------------------------------------------------------------- */

static void td_json_day(td_jw *w, const char *key, long day) {
  td_jw_key(w, key);
  if (day == LONG_MIN || day == LONG_MAX) {
    td_jw_null(w);
    return;
  }
  char s[16];
  td_lk_day_str(day, s);
  td_jw_cstr(w, s);
}

static void td_json_documents(const td_collection *c, td_jw *w) {
  td_jw_key(w, "documents");
  td_jw_arr(w);
  for (size_t i = 0; i < c->docs.n; i++) {
    const td_digest *d = c->docs.v[i];
    td_jw_obj(w);
    td_jw_key(w, "doc");
    td_jw_int(w, (long long)i + 1);
    td_jw_key(w, "id");
    td_jw_cstr(w, d->id);
    td_jw_key(w, "path");
    td_jw_cstr(w, d->path);
    td_jw_key(w, "source");
    td_jw_cstr(w, d->source);
    td_json_day(w, "date", d->day);
    td_jw_key(w, "title");
    td_jw_cstr(w, d->title);
    td_jw_key(w, "story");
    td_jw_int(w, c->linked ? (long long)c->story_of[i] + 1 : 0);
    td_jw_obj_end(w);
  }
  td_jw_arr_end(w);
}

static void td_json_strlist(td_jw *w, const char *key, const char *list,
                            const char *sep) {
  td_jw_key(w, key);
  td_jw_arr(w);
  const char *p = list;
  size_t ns = strlen(sep);
  while (p && *p) {
    const char *e = strstr(p, sep);
    size_t n = e ? (size_t)(e - p) : strlen(p);
    td_jw_str(w, p, n);
    p = e ? e + ns : NULL;
  }
  td_jw_arr_end(w);
}

static void td_json_modality(td_jw *w, unsigned m) {
  td_jw_key(w, "modality");
  td_jw_arr(w);
  for (unsigned bit = 1; bit <= TD_MOD_REPORTED; bit <<= 1)
    if (m & bit)
      td_jw_cstr(w, td_modality_name(bit));
  td_jw_arr_end(w);
}

static void td_json_canon(const td_collection *c, uint32_t k, td_jw *w,
                          bool mentions) {
  const td_lk_canon *ca = &c->canons.v[k];
  char id[32];
  td_canon_id(c, (int32_t)k, id);
  td_jw_obj(w);
  td_jw_key(w, "id");
  td_jw_cstr(w, id);
  td_jw_key(w, "code");
  td_jw_cstr(w, ca->code);
  td_jw_key(w, "root");
  td_jw_cstr(w, ca->root);
  td_jw_key(w, "quad");
  td_jw_int(w, ca->quad);
  td_jw_key(w, "goldstein");
  td_jw_double(w, round(ca->goldstein * 10) / 10); /* the scale's tenths */
  td_jw_key(w, "plover");
  td_jw_obj(w);
  td_jw_key(w, "type");
  td_jw_cstr(w, ca->plover);
  td_jw_key(w, "mode");
  td_jw_cstr(w, ca->mode);
  td_jw_obj_end(w);
  td_jw_key(w, "text");
  td_jw_cstr(w, td_canon_rep(c, ca)->phrase);
  td_jw_key(w, "date");
  td_jw_cstr(w, ca->date);
  td_jw_key(w, "granularity");
  td_jw_cstr(w, ca->when.gran ? td_lk_gran_name(ca->when.gran) : NULL);
  td_jw_key(w, "date_from");
  td_jw_cstr(w, !ca->date ? NULL : ca->dated ? "text" : "story");
  td_jw_key(w, "date_status");
  td_jw_cstr(w, td_lk_status_name((td_lk_status)ca->date_status));
  td_buf tmp = {0};
  td_canon_actors(c, ca, false, &tmp);
  td_json_strlist(w, "source_actors", td_buf_cstr(&tmp), " ");
  tmp.len = 0;
  td_canon_actors(c, ca, true, &tmp);
  td_json_strlist(w, "target_actors", td_buf_cstr(&tmp), " ");
  tmp.len = 0;
  td_canon_sources(c, ca, &tmp);
  td_json_strlist(w, "sources", td_buf_cstr(&tmp), ", ");
  td_buf_free(&tmp);
  td_jw_key(w, "num_sources");
  td_jw_int(w, ca->nsources);
  td_jw_key(w, "num_articles");
  td_jw_int(w, ca->narticles);
  td_jw_key(w, "num_mentions");
  td_jw_int(w, (long long)ca->m.n);
  if (mentions) {
    td_jw_key(w, "mentions");
    td_jw_arr(w);
    for (size_t i = 0; i < ca->m.n; i++) {
      const td_digest *d = c->docs.v[ca->m.v[i].doc];
      const td_lk_event *e = &d->events[ca->m.v[i].event];
      td_jw_obj(w);
      td_jw_key(w, "doc");
      td_jw_int(w, ca->m.v[i].doc + 1);
      td_jw_key(w, "source");
      td_jw_cstr(w, td_lk_agency(d));
      td_jw_key(w, "sentence");
      td_jw_int(w, e->sentence);
      td_jw_key(w, "start");
      td_jw_int(w, e->start);
      td_jw_key(w, "end");
      td_jw_int(w, e->end);
      td_jw_key(w, "text");
      td_jw_cstr(w, e->text);
      td_jw_key(w, "code");
      td_jw_cstr(w, e->code);
      td_jw_key(w, "date");
      td_jw_cstr(w, e->date);
      td_jw_key(w, "date_from");
      td_jw_cstr(w, e->date_from ? td_date_from_name(
                                       (td_date_from)e->date_from)
                                 : NULL);
      td_json_modality(w, e->modality);
      td_jw_key(w, "claimed_by");
      td_jw_cstr(w, e->claimed_by);
      td_jw_obj_end(w);
    }
    td_jw_arr_end(w);
  }
  td_jw_obj_end(w);
}

static void td_json_cmp(const td_collection *c, const td_lk_cmp *cm,
                        td_jw *w) {
  char id[32], val[256];
  td_canon_id(c, cm->canon, id);
  td_jw_obj(w);
  td_jw_key(w, "kind");
  td_jw_cstr(w, td_lk_kind_name((td_lk_kind)cm->kind));
  td_jw_key(w, "status");
  td_jw_cstr(w, td_lk_status_name((td_lk_status)cm->status));
  td_jw_key(w, "event");
  td_jw_cstr(w, cm->canon >= 0 ? id : NULL);
  td_jw_key(w, "note");
  td_jw_cstr(w, cm->note[0] ? cm->note : NULL);
  td_jw_key(w, "values");
  td_jw_arr(w);
  for (size_t i = 0; i < cm->v.n; i++) {
    const td_lk_value *v = &cm->v.v[i];
    const td_digest *d = c->docs.v[v->doc];
    td_span sp;
    const char *text;
    td_value_str(c, v, val, sizeof(val));
    td_value_evidence(c, v, &sp, &text);
    td_jw_obj(w);
    td_jw_key(w, "doc");
    td_jw_int(w, v->doc + 1);
    td_jw_key(w, "source");
    td_jw_cstr(w, td_lk_agency(d));
    td_jw_key(w, "value");
    td_jw_cstr(w, val);
    td_jw_key(w, "start");
    td_jw_int(w, sp.start);
    td_jw_key(w, "end");
    td_jw_int(w, sp.end);
    td_jw_key(w, "text");
    td_jw_cstr(w, text);
    if (v->what == TD_LK_V_FACT) {
      const td_lk_fact *f = &d->facts[v->fact];
      if (f->kind == TD_LK_COUNT || f->kind == TD_LK_DURATION) {
        td_jw_key(w, f->kind == TD_LK_COUNT ? "count" : "seconds");
        td_jw_double(w, f->value);
        td_jw_key(w, "approx");
        td_jw_cstr(w, f->bound == TD_LK_ABOUT  ? "about"
                      : f->bound == TD_LK_MORE ? "more_than"
                      : f->bound == TD_LK_LESS ? "less_than"
                                               : NULL);
      }
      if (f->kind == TD_LK_NAME || f->kind == TD_LK_PLACE) {
        td_jw_key(w, f->kind == TD_LK_NAME ? "role" : "country");
        td_jw_cstr(w, f->extra);
      }
    }
    td_jw_obj_end(w);
  }
  td_jw_arr_end(w);
  td_jw_obj_end(w);
}

static void td_json_story_head(const td_collection *c, size_t s, td_jw *w) {
  const td_lk_story *st = &c->stories.v[s];
  td_jw_key(w, "id");
  td_jw_int(w, (long long)s + 1);
  td_jw_key(w, "documents");
  td_jw_arr(w);
  for (size_t i = 0; i < st->docs.n; i++)
    td_jw_int(w, st->docs.v[i] + 1);
  td_jw_arr_end(w);
  td_buf src = {0};
  td_story_sources(c, st, &src);
  td_json_strlist(w, "sources", td_buf_cstr(&src), ", ");
  td_buf_free(&src);
  td_json_day(w, "first", st->first_day);
  td_json_day(w, "last", st->last_day);
}

static void td_json_compare(const td_collection *c, td_jw *w, bool facts) {
  static const int order[] = {TD_LK_CONFLICT, TD_LK_COMPATIBLE, TD_LK_AGREE,
                              TD_LK_SINGLE};
  td_jw_obj(w);
  td_json_documents(c, w);
  td_jw_key(w, "stories");
  td_jw_arr(w);
  for (size_t s = 0; s < c->stories.n; s++) {
    td_jw_obj(w);
    td_json_story_head(c, s, w);
    if (facts) {
      size_t ne;
      uint32_t *ev = td_story_events(c, s, &ne);
      td_jw_key(w, "events");
      td_jw_arr(w);
      for (size_t i = 0; i < ne; i++)
        td_json_canon(c, ev[i], w, true);
      td_jw_arr_end(w);
      td_free(ev);
      td_jw_key(w, "facts");
      td_jw_arr(w);
      for (size_t o = 0; o < TD_COUNT(order); o++)
        for (size_t i = c->stories.v[s].cmp_first;
             i < c->stories.v[s].cmp_end; i++)
          if (c->cmps.v[i].status == order[o])
            td_json_cmp(c, &c->cmps.v[i], w);
      td_jw_arr_end(w);
      td_jw_key(w, "framing");
      td_jw_arr(w);
      for (size_t i = c->stories.v[s].frame_first;
           i < c->stories.v[s].frame_end; i++) {
        const td_lk_frame *f = &c->frames.v[i];
        char id[32];
        td_canon_id(c, f->canon, id);
        td_jw_obj(w);
        td_jw_key(w, "doc");
        td_jw_int(w, f->doc + 1);
        td_jw_key(w, "source");
        td_jw_cstr(w, td_lk_agency(c->docs.v[f->doc]));
        td_jw_key(w, "event");
        td_jw_cstr(w, id);
        td_jw_key(w, "start");
        td_jw_int(w, f->span.start);
        td_jw_key(w, "end");
        td_jw_int(w, f->span.end);
        td_jw_key(w, "text");
        td_jw_cstr(w, f->text);
        td_jw_obj_end(w);
      }
      td_jw_arr_end(w);
      td_jw_key(w, "derived");
      td_jw_arr(w);
      for (size_t i = c->stories.v[s].derived_first;
           i < c->stories.v[s].derived_end; i++) {
        const td_lk_derived *dv = &c->derived.v[i];
        const td_lk_fact *f = &c->docs.v[dv->doc]->facts[dv->fact];
        char id[32], id2[32], a[16];
        td_canon_id(c, dv->from_canon, id);
        td_canon_id(c, dv->to_canon, id2);
        td_lk_day_str(dv->end.lo, a);
        a[7] = 0;
        td_jw_obj(w);
        td_jw_key(w, "doc");
        td_jw_int(w, dv->doc + 1);
        td_jw_key(w, "term");
        td_jw_cstr(w, f->text);
        td_jw_key(w, "start");
        td_jw_int(w, f->start);
        td_jw_key(w, "end");
        td_jw_int(w, f->end);
        td_jw_key(w, "from_event");
        td_jw_cstr(w, id);
        td_jw_key(w, "ends");
        td_jw_cstr(w, a);
        td_jw_key(w, "checked_event");
        td_jw_cstr(w, dv->to_canon >= 0 ? id2 : NULL);
        td_jw_key(w, "status");
        td_jw_cstr(w, td_lk_status_name((td_lk_status)dv->status));
        td_jw_obj_end(w);
      }
      td_jw_arr_end(w);
    }
    td_jw_obj_end(w);
  }
  td_jw_arr_end(w);
  td_jw_obj_end(w);
}

static void td_json_timeline(const td_collection *c, td_jw *w) {
  td_jw_obj(w);
  td_jw_key(w, "stories");
  td_jw_arr(w);
  for (size_t s = 0; s < c->stories.n; s++) {
    td_jw_obj(w);
    td_json_story_head(c, s, w);
    size_t ne;
    uint32_t *ev = td_story_events(c, s, &ne);
    td_jw_key(w, "events");
    td_jw_arr(w);
    for (size_t i = 0; i < ne; i++)
      if (c->canons.v[ev[i]].when.gran)
        td_json_canon(c, ev[i], w, false);
    td_jw_arr_end(w);
    td_free(ev);
    td_jw_obj_end(w);
  }
  td_jw_arr_end(w);
  td_jw_obj_end(w);
}

void td_collection_write(const td_collection *c, td_buf *out,
                         td_link_view view, td_link_format fmt) {
  if (fmt == TD_LINK_SVG) {
    td_lk_write_svg(c, out);
    return;
  }
  if (fmt == TD_LINK_JSON) {
    td_jw w;
    td_jw_init(&w, out, false);
    if (view == TD_VIEW_TIMELINE)
      td_json_timeline(c, &w);
    else
      td_json_compare(c, &w, view == TD_VIEW_COMPARE);
    td_buf_addc(out, '\n');
    return;
  }
  if (view == TD_VIEW_STORIES)
    td_text_stories(c, out);
  else if (view == TD_VIEW_TIMELINE)
    td_text_timeline(c, out);
  else
    td_text_compare(c, out);
}
