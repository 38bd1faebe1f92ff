/*
 * events_out.c — a document's events as data (tidings events): one PLOVER
 * record per event as a line of JSON, or one row of the GDELT 2.0 event
 * table (61 TAB-separated columns) per source-target pair. docs/format.md
 * describes both.
 */
#include "doc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The first day of an event date of any granularity ("2023-09" ->
 * 2023-09-01, "2025-W20" -> the Monday of ISO week 20); false if it has no
 * year. */
bool td_first_day(const char *v, int *y, int *m, int *d) {
  if (!v || strlen(v) < 4 || v[0] < '0' || v[0] > '9')
    return false;
  *y = atoi(v);
  *m = 1;
  *d = 1;
  if (strlen(v) >= 7 && v[4] == '-' && v[5] == 'W') {
    int w = atoi(v + 6);
    long jan4 = td_days_from_civil(*y, 1, 4);
    long wd = ((jan4 % 7) + 7 + 3) % 7; /* 0 = Monday (1970-01-01: Thu) */
    if (w >= 1 && w <= 53)
      td_civil_from_days(jan4 - wd + 7L * (w - 1), y, m, d);
    return true;
  }
  if (strlen(v) >= 7 && v[4] == '-' && v[5] >= '0' && v[5] <= '1')
    *m = atoi(v + 5);
  else if (strlen(v) >= 7 && v[5] == 'Q')
    *m = (v[6] - '1') * 3 + 1;
  if (strlen(v) >= 10 && v[7] == '-')
    *d = atoi(v + 8);
  if (*m < 1 || *m > 12)
    *m = 1;
  if (*d < 1 || *d > 31)
    *d = 1;
  return *y > 0 && strlen(v) >= 4 && v[3] >= '0' && v[3] <= '9';
}


static void td_json_cstr(td_buf *b, const char *s) {
  if (s)
    td_json_escape(b, s, strlen(s));
  else
    td_buf_adds(b, "null");
}

static void td_plover_actors(td_buf *b, const char *text,
                             const td_event_actor *a, size_t n) {
  td_buf_add(b, "[", 1);
  for (size_t i = 0; i < n; i++) {
    if (i)
      td_buf_add(b, ",", 1);
    const char *code = a[i].code;
    size_t cn = code ? strlen(code) : 0;
    td_buf_adds(b, "{\"code\":");
    if (cn >= 3)
      td_json_escape(b, code, 3);
    else
      td_buf_adds(b, "null");
    td_buf_adds(b, ",\"sector\":");
    if (cn > 3)
      td_json_escape(b, code + 3, cn - 3);
    else
      td_buf_adds(b, "null");
    td_buf_adds(b, ",\"actor_text\":");
    td_json_escape(b, text + a[i].span.start, a[i].span.end - a[i].span.start);
    td_buf_printf(b, ",\"cameo\":");
    td_json_cstr(b, code);
    td_buf_printf(b, ",\"start\":%u,\"end\":%u}", a[i].span.start,
                  a[i].span.end);
  }
  td_buf_add(b, "]", 1);
}

static void td_plover(const td_doc *doc, size_t i, const td_event_info *e,
                      td_buf *out) {
  size_t len;
  const char *text = td_doc_text(doc, &len);
  int y, m, d;
  td_buf_adds(out, "{\"id\":");
  char id[300];
  snprintf(id, sizeof(id), "%s-v%zu", td_doc_id(doc), i + 1);
  td_json_cstr(out, id);
  td_buf_adds(out, ",\"date\":");
  if (td_first_day(e->date, &y, &m, &d))
    td_buf_printf(out, "\"%04d-%02d-%02d\"", y, m, d);
  else
    td_buf_adds(out, "null");
  td_buf_adds(out, ",\"source\":");
  td_plover_actors(out, text, e->sources, e->nsources);
  td_buf_adds(out, ",\"recipient\":");
  td_plover_actors(out, text, e->targets, e->ntargets);
  td_buf_adds(out, ",\"event\":[");
  if (e->plover)
    td_json_cstr(out, e->plover);
  td_buf_adds(out, "],\"mode\":[");
  if (e->mode)
    td_json_cstr(out, e->mode);
  td_buf_adds(out, "],\"event_loc\":");
  td_place_info p;
  if (e->place >= 0 && td_doc_place(doc, (size_t)e->place, &p)) {
    td_buf_adds(out, "{\"name\":");
    td_json_cstr(out, p.name);
    td_buf_adds(out, ",\"cc3\":");
    td_json_cstr(out, p.country);
    if (!isnan(p.lat))
      td_buf_printf(out, ",\"latitude\":%.5f,\"longitude\":%.5f", p.lat,
                    p.lon);
    td_buf_printf(out, ",\"start\":%u,\"end\":%u}", p.span.start, p.span.end);
  } else {
    td_buf_adds(out, "null");
  }
  td_buf_adds(out, ",\"event_text\":[");
  td_json_escape(out, text + e->span.start, e->span.end - e->span.start);
  td_buf_adds(out, "],\"quad_code\":");
  if (e->quad)
    td_buf_printf(out, "%d", e->quad);
  else
    td_buf_adds(out, "null");
  td_buf_adds(out, ",\"event_scale\":");
  if (!isnan(e->goldstein))
    td_buf_printf(out, "%.1f", e->goldstein);
  else
    td_buf_adds(out, "null");
  const td_sentence *s = td_doc_sentences(doc);
  td_span ss = s[e->sentence].span;
  td_buf_adds(out, ",\"text\":");
  td_json_escape(out, text + ss.start, ss.end - ss.start);
  td_buf_printf(out, ",\"text_info\":{\"sequence\":%u,\"start\":%u,\"end\":%u}",
                e->sentence, e->span.start, e->span.end);
  td_buf_printf(out, ",\"coder\":\"tidings %s\"", TIDINGS_VERSION);
  /* tidings' own fields */
  td_buf_adds(out, ",\"tidings\":{\"doc\":");
  td_json_cstr(out, td_doc_id(doc));
  td_buf_adds(out, ",\"agency\":");
  td_json_cstr(out, td_doc_source(doc));
  td_date sd = td_doc_date(doc);
  if (sd.year)
    td_buf_printf(out, ",\"story_date\":\"%04d-%02d-%02d\"", sd.year, sd.month,
                  sd.day);
  td_buf_adds(out, ",\"cameo\":");
  td_json_cstr(out, e->code);
  td_buf_adds(out, ",\"root\":");
  td_json_cstr(out, e->root);
  td_buf_adds(out, ",\"date_value\":");
  td_json_cstr(out, e->date);
  td_buf_adds(out, ",\"granularity\":");
  td_json_cstr(out, e->granularity);
  td_buf_adds(out, ",\"date_from\":");
  td_json_cstr(out, e->date ? td_date_from_name(e->date_from) : NULL);
  td_buf_adds(out, ",\"modality\":[");
  bool any = false;
  for (unsigned b = 1; b <= TD_MOD_REPORTED; b <<= 1)
    if (e->modality & b) {
      if (any)
        td_buf_add(out, ",", 1);
      td_json_cstr(out, td_modality_name(b));
      any = true;
    }
  td_buf_adds(out, "],\"claimed_by\":");
  td_quote_info q;
  if (e->quote >= 0 && td_doc_quote(doc, (size_t)e->quote, &q) &&
      q.has_speaker)
    td_json_escape(out, text + q.speaker.start, q.speaker.end - q.speaker.start);
  else
    td_buf_adds(out, "null");
  td_buf_adds(out, ",\"pattern\":");
  td_json_cstr(out, e->pattern);
  td_buf_adds(out, "}}\n");
}

/* GDELT: the actor columns (10) for one actor, or empty. */
static void td_gdelt_actor(td_buf *out, const char *text,
                           const td_event_actor *a) {
  if (!a) {
    td_buf_adds(out, "\t\t\t\t\t\t\t\t\t\t");
    return;
  }
  const char *c = a->code ? a->code : "";
  size_t cn = strlen(c);
  td_buf_printf(out, "\t%s\t", c);
  for (uint32_t i = a->span.start; i < a->span.end; i++) {
    char ch = text[i];
    if (ch == '\t' || ch == '\n' || ch == '\r')
      ch = ' ';
    td_buf_add(out, &ch, 1);
  }
  /* country, known group, ethnic, religion 1 and 2, types 1 to 3 */
  td_buf_printf(out, "\t%.*s\t\t\t\t", cn >= 3 ? 3 : 0, c);
  for (int k = 0; k < 3; k++) {
    const char *t = cn >= 3 + 3 * (size_t)(k + 1) ? c + 3 + 3 * k : "";
    td_buf_printf(out, "\t%.*s", *t ? 3 : 0, t);
  }
}

static bool td_gdelt(const td_doc *doc, size_t i, const td_event_info *e,
                     const td_event_actor *a1, const td_event_actor *a2,
                     size_t pair, td_buf *out) {
  size_t len;
  const char *text = td_doc_text(doc, &len);
  int y, m, d;
  if (!td_first_day(e->date, &y, &m, &d))
    return false;
  char key[300];
  snprintf(key, sizeof(key), "%s-v%zu-%zu", td_doc_id(doc), i + 1, pair);
  unsigned long long h = 0;
  for (const char *p = key; *p; p++)
    h = (h ^ (unsigned char)*p) * 1099511628211ull;
  h &= (1ull << 53) - 1;
  td_buf_printf(out, "%llu\t%04d%02d%02d\t%04d%02d\t%04d\t%.4f", h, y, m, d,
                y, m, y, y + (m * 30 + d) / 365.0);
  td_gdelt_actor(out, text, a1);
  td_gdelt_actor(out, text, a2);
  const td_sentence *s = td_doc_sentences(doc);
  bool lead = e->sentence < td_doc_nsentences(doc) &&
              s[e->sentence].para <= 1;
  char base[4] = {0};
  snprintf(base, sizeof(base), "%.3s", e->code);
  td_buf_printf(out, "\t%d\t%s\t%s\t%s\t", lead ? 1 : 0, e->code, base,
                e->root ? e->root : "");
  if (e->quad)
    td_buf_printf(out, "%d\t%.1f", e->quad, e->goldstein);
  else
    td_buf_adds(out, "\t");
  td_buf_adds(out, "\t1\t1\t1\t");
  /* actor geography: not known; action geography: the event's place */
  td_buf_adds(out, "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t");
  td_place_info p;
  if (e->place >= 0 && td_doc_place(doc, (size_t)e->place, &p)) {
    int type = p.feature && !strcmp(p.feature, "country") ? 1
               : p.feature && !strncmp(p.feature, "ADM1", 4) ? 5
                                                             : 4;
    td_buf_printf(out, "\t%d\t%s\t%s\t%s\t", type, p.name ? p.name : "",
                  p.country ? p.country : "", p.admin1 ? p.admin1 : "");
    if (!isnan(p.lat))
      td_buf_printf(out, "\t%.4f\t%.4f\t", p.lat, p.lon);
    else
      td_buf_adds(out, "\t\t\t");
  } else {
    td_buf_adds(out, "\t\t\t\t\t\t\t\t");
  }
  td_date sd = td_doc_date(doc);
  td_buf_printf(out, "\t%04d%02d%02d000000\t", sd.year, sd.month, sd.day);
  const char *src = td_doc_path(doc) ? td_doc_path(doc) : td_doc_id(doc);
  td_buf_adds(out, src ? src : "");
  td_buf_adds(out, "\n");
  return true;
}

size_t td_doc_write_event(const td_doc *doc, size_t i, td_buf *out,
                          td_events_format fmt, unsigned flags) {
  bool all = flags & TD_EVENTS_ALL;
  size_t written = 0;
  td_event_info e;
  if (!td_doc_event(doc, i, &e))
    return 0;
  bool actors = e.nsources || e.ntargets;
  if (!all && (!actors || !e.date))
    return 0;
  if (fmt == TD_EVENTS_PLOVER) {
    if (!all && !e.plover)
      return 0;
    td_plover(doc, i, &e, out);
    return 1;
  }
  /* GDELT: one row per source-target pair (an actor never toward itself) */
  size_t ns = e.nsources ? e.nsources : 1, nt = e.ntargets ? e.ntargets : 1;
  size_t pair = 0;
  for (size_t a = 0; a < ns; a++)
    for (size_t b = 0; b < nt; b++) {
      const td_event_actor *s = e.nsources ? &e.sources[a] : NULL;
      const td_event_actor *t = e.ntargets ? &e.targets[b] : NULL;
      if (s && t && s->span.start == t->span.start)
        continue;
      if (td_gdelt(doc, i, &e, s, t, pair++, out))
        written++;
    }
  return written;
}

size_t td_doc_write_events(const td_doc *doc, td_buf *out,
                           td_events_format fmt, unsigned flags) {
  size_t written = 0, n = td_doc_nevents(doc);
  for (size_t i = 0; i < n; i++)
    written += td_doc_write_event(doc, i, out, fmt, flags);
  return written;
}
