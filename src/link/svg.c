/*
 * svg.c — the timeline as a picture: one row per dated event of each story
 * on a shared time axis (years, or months when the span is short). A day is
 * a dot, a coarser date a bar over the days it covers; each row names the
 * event, its date and its sources. A date conflict is drawn in red with
 * every source's date marked. All text is XML-escaped.
 */
#include "link.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#define TD_SVG_LEFT 24.0
#define TD_SVG_AXIS 560.0 /* width of the time axis */
#define TD_SVG_ROW 22.0
#define TD_SVG_WIDTH 1180

static void td_svg_text(td_buf *b, const char *s) {
  for (; s && *s; s++) {
    switch (*s) {
    case '<': td_buf_adds(b, "&lt;"); break;
    case '>': td_buf_adds(b, "&gt;"); break;
    case '&': td_buf_adds(b, "&amp;"); break;
    case '"': td_buf_adds(b, "&quot;"); break;
    case '\'': td_buf_adds(b, "&#39;"); break;
    default:
      if ((unsigned char)*s >= 0x20 || *s == '\t')
        td_buf_addc(b, *s);
    }
  }
}

typedef struct td_axis {
  long lo, hi; /* days */
} td_axis;

static double td_x(const td_axis *a, long day) {
  double span = (double)(a->hi - a->lo);
  if (span <= 0)
    span = 1;
  return TD_SVG_LEFT + TD_SVG_AXIS * (double)(day - a->lo) / span;
}

static int td_svg_cmp(const void *a, const void *b) {
  const td_lk_canon *x = *(const td_lk_canon *const *)a;
  const td_lk_canon *y = *(const td_lk_canon *const *)b;
  if (x->story != y->story)
    return x->story < y->story ? -1 : 1;
  if (x->when.lo != y->when.lo)
    return x->when.lo < y->when.lo ? -1 : 1;
  return x->when.hi < y->when.hi ? -1 : x->when.hi > y->when.hi;
}

void td_lk_write_svg(const td_collection *c, td_buf *out) {
  /* the dated events, by story and date */
  const td_lk_canon **rows = td_calloc(c->canons.n + 1, sizeof(*rows));
  size_t n = 0;
  td_axis ax = {LONG_MAX, LONG_MIN};
  for (size_t i = 0; i < c->canons.n; i++) {
    const td_lk_canon *k = &c->canons.v[i];
    if (!k->when.gran)
      continue;
    rows[n++] = k;
    ax.lo = TD_MIN(ax.lo, k->when.lo);
    ax.hi = TD_MAX(ax.hi, k->when.hi);
    for (size_t m = 0; m < k->m.n; m++) {
      const td_lk_event *e = td_lk_event_of(c, k->m.v[m]);
      if (e->when.gran) {
        ax.lo = TD_MIN(ax.lo, e->when.lo);
        ax.hi = TD_MAX(ax.hi, e->when.hi);
      }
    }
  }
  qsort(rows, n, sizeof(*rows), td_svg_cmp);
  if (!n) {
    ax.lo = 0;
    ax.hi = 365;
  }
  /* whole years (or months) around the span */
  int y0, m0, d0, y1, m1, d1;
  td_civil_from_days(ax.lo, &y0, &m0, &d0);
  td_civil_from_days(ax.hi, &y1, &m1, &d1);
  bool months = y1 - y0 < 2;
  if (months) {
    ax.lo = td_days_from_civil(y0, m0, 1);
    ax.hi = td_days_from_civil(m1 == 12 ? y1 + 1 : y1, m1 == 12 ? 1 : m1 + 1,
                               1);
  } else {
    ax.lo = td_days_from_civil(y0, 1, 1);
    ax.hi = td_days_from_civil(y1 + 1, 1, 1);
  }
  size_t nstory_rows = 0;
  for (size_t i = 0; i < n; i++)
    nstory_rows += i == 0 || rows[i]->story != rows[i - 1]->story;
  double height = 70 + TD_SVG_ROW * (double)(n + nstory_rows) + 20;
  td_buf_printf(out,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                "height=\"%.0f\" viewBox=\"0 0 %d %.0f\" "
                "font-family=\"sans-serif\" font-size=\"12\">\n"
                "<title>tidings timeline</title>\n"
                "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n",
                TD_SVG_WIDTH, height, TD_SVG_WIDTH, height);
  /* axis and ticks */
  double axis_y = 40;
  td_buf_printf(out,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                "stroke=\"#444\"/>\n",
                TD_SVG_LEFT, axis_y, TD_SVG_LEFT + TD_SVG_AXIS, axis_y);
  int y = y0, m = months ? m0 : 1;
  for (;;) {
    long day = td_days_from_civil(y, m, 1);
    if (day > ax.hi)
      break;
    double x = td_x(&ax, day);
    td_buf_printf(out,
                  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.0f\" "
                  "stroke=\"#ddd\"/>\n<text x=\"%.1f\" y=\"%.1f\" "
                  "text-anchor=\"middle\" fill=\"#444\">",
                  x, axis_y, x, height - 10, x, axis_y - 8);
    if (months)
      td_buf_printf(out, "%04d-%02d", y, m);
    else
      td_buf_printf(out, "%04d", y);
    td_buf_adds(out, "</text>\n");
    if (months) {
      if (++m > 12) {
        m = 1;
        y++;
      }
    } else
      y++;
  }
  double row_y = axis_y + 24;
  for (size_t i = 0; i < n; i++) {
    const td_lk_canon *k = rows[i];
    if (i == 0 || k->story != rows[i - 1]->story) {
      td_buf_printf(out,
                    "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\">"
                    "Story %u</text>\n",
                    TD_SVG_LEFT, row_y, k->story + 1);
      row_y += TD_SVG_ROW;
    }
    bool conflict = k->date_status == TD_LK_CONFLICT;
    const char *color = conflict ? "#c0392b" : k->dated ? "#2c6fbb" : "#999";
    td_buf_printf(out, "<g class=\"event%s\">\n", conflict ? " conflict" : "");
    /* every source's date: conflicts show each */
    for (size_t mi = 0; mi < k->m.n; mi++) {
      const td_lk_event *e = td_lk_event_of(c, k->m.v[mi]);
      if (!e->when.gran || (!conflict && mi))
        continue;
      const td_lk_when *w = conflict ? &e->when : &k->when;
      double x0 = td_x(&ax, w->lo), x1 = td_x(&ax, w->hi + 1);
      if (w->gran == TD_GRAN_DAY || x1 - x0 < 6)
        td_buf_printf(out,
                      "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\" "
                      "fill-opacity=\"0.8\"/>\n",
                      (x0 + x1) / 2, row_y - 4, color);
      else
        td_buf_printf(out,
                      "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                      "height=\"8\" rx=\"3\" fill=\"%s\" "
                      "fill-opacity=\"0.5\"/>\n",
                      x0, row_y - 8, x1 - x0, color);
    }
    /* the label: date, code, what, sources */
    td_buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">",
                  TD_SVG_LEFT + TD_SVG_AXIS + 16, row_y, color);
    td_svg_text(out, k->date);
    td_buf_adds(out, "  ");
    td_svg_text(out, k->code);
    td_buf_adds(out, " ");
    td_svg_text(out, k->plover ? k->plover : "");
    td_buf_adds(out, "  ");
    const td_lk_event *rep = td_lk_event_of(c, k->m.v[0]);
    td_svg_text(out, rep->phrase);
    td_buf_adds(out, "  [");
    for (size_t mi = 0, shown = 0; mi < k->m.n; mi++) {
      const char *ag = td_lk_agency(c->docs.v[k->m.v[mi].doc]);
      bool seen = false;
      for (size_t j = 0; j < mi && !seen; j++)
        seen = !strcmp(td_lk_agency(c->docs.v[k->m.v[j].doc]), ag);
      if (seen)
        continue;
      if (shown++)
        td_buf_adds(out, ", ");
      td_svg_text(out, ag);
      if (conflict) {
        const td_lk_event *e = td_lk_event_of(c, k->m.v[mi]);
        if (e->date) {
          td_buf_adds(out, ": ");
          td_svg_text(out, e->date);
        }
      }
    }
    td_buf_printf(out, "]%s</text>\n</g>\n",
                  conflict ? "  date conflict" : "");
    row_y += TD_SVG_ROW;
  }
  td_buf_adds(out, "</svg>\n");
  td_free(rows);
}
