/*
 * timex_value.c — the values of temporal expressions (TimeML TIMEX3
 * `value`): calendar arithmetic, and resolving what the text leaves out
 * (the year of "May 15", the date of "Friday", "the next day") from the
 * story date, the tense of the sentence and the time the text is at.
 */
#include "timex_grammar.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- Calendar ------------------------------------------------------------ */

/* 1 = Monday ... 7 = Sunday */
static int td_weekday(long days) { return (int)(((days % 7) + 7 + 3) % 7) + 1; }

/* ISO 8601 week and week-year of a day. */
static void td_iso_week(long days, int *wy, int *wk) {
  long thursday = days - td_weekday(days) + 4;
  int y, m, d;
  td_civil_from_days(thursday, &y, &m, &d);
  *wy = y;
  *wk = (int)((thursday - td_days_from_civil(y, 1, 1)) / 7) + 1;
}

/* The Monday of ISO week wk of wy. */
static long td_week_monday(int wy, int wk) {
  long jan4 = td_days_from_civil(wy, 1, 4);
  return jan4 - (td_weekday(jan4) - 1) + (long)(wk - 1) * 7;
}

/* ---- Values ----------------------------------------------------------------- */

enum {
  TD_G_NONE = 0, TD_G_CENTURY, TD_G_DECADE, TD_G_YEAR, TD_G_HALF,
  TD_G_QUARTER, TD_G_SEASON, TD_G_MONTH, TD_G_WEEK, TD_G_WEEKEND, TD_G_DAY,
  TD_G_PART, TD_G_CLOCK
};

/* A point or period of the calendar at some granularity. */
typedef struct td_tv {
  int g;
  int y, m, d;   /* y 0: unknown year; m month; d day            */
  int sub;       /* half, quarter, season (1-4: SP SU FA WI), week */
  int hh, mi;    /* clock                                         */
  char part[3];  /* MO AF EV NI DT                                */
} td_tv;

static const char *const td_season_code[] = {"", "SP", "SU", "FA", "WI"};

static int td_season_index(const char *s) {
  for (int i = 1; i <= 4; i++)
    if (s && strcmp(s, td_season_code[i]) == 0)
      return i;
  return 0;
}

/* printf's "%0*d" of v at p; returns the end. */
static char *td_put_int(char *p, int v, int width) {
  char d[16];
  int k = 0;
  unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
  do {
    d[k++] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0) {
    *p++ = '-';
    width--;
  }
  for (int i = k; i < width; i++)
    *p++ = '0';
  while (k)
    *p++ = d[--k];
  return p;
}

static char *td_put_str(char *p, const char *s) {
  while (*s)
    *p++ = *s++;
  return p;
}

/* The value of v in out (n bytes, cut as snprintf cuts), without
 * snprintf: this runs for most expressions. */
static void td_tv_format(const td_tv *v, char *out, size_t n) {
  char b[96], *p = b;
  if (v->g == TD_G_CENTURY) {
    p = v->y > 0 ? td_put_int(p, v->y / 100, 2) : td_put_str(p, "XX");
  } else if (v->g == TD_G_DECADE) {
    p = v->y > 0 ? td_put_int(p, v->y / 10, 3) : td_put_str(p, "XXX");
  } else if (v->g >= TD_G_YEAR && v->g <= TD_G_CLOCK) {
    p = v->y > 0 ? td_put_int(p, v->y, 4) : td_put_str(p, "XXXX");
    switch (v->g) {
    case TD_G_HALF:
      p = td_put_int(td_put_str(p, "-H"), v->sub, 1);
      break;
    case TD_G_QUARTER:
      p = td_put_int(td_put_str(p, "-Q"), v->sub, 1);
      break;
    case TD_G_SEASON:
      p = td_put_str(td_put_str(p, "-"), td_season_code[v->sub]);
      break;
    case TD_G_MONTH:
      p = td_put_int(td_put_str(p, "-"), v->m, 2);
      break;
    case TD_G_WEEK:
    case TD_G_WEEKEND:
      p = td_put_int(td_put_str(p, "-W"), v->sub, 2);
      if (v->g == TD_G_WEEKEND)
        p = td_put_str(p, "-WE");
      break;
    case TD_G_DAY:
    case TD_G_PART:
    case TD_G_CLOCK:
      p = td_put_int(td_put_str(p, "-"), v->m, 2);
      p = td_put_int(td_put_str(p, "-"), v->d, 2);
      if (v->g == TD_G_PART) {
        *p++ = 'T';
        /* part is NUL-terminated within its 3 bytes */
        for (size_t i = 0; i < sizeof(v->part) && v->part[i]; i++)
          *p++ = v->part[i];
      } else if (v->g == TD_G_CLOCK) {
        p = td_put_int(td_put_str(p, "T"), v->hh, 2);
        p = td_put_int(td_put_str(p, ":"), v->mi, 2);
      }
      break;
    default:
      break;
    }
  } else {
    p = td_put_str(p, "XXXX");
  }
  size_t len = (size_t)(p - b);
  if (n == 0)
    return;
  if (len >= n)
    len = n - 1;
  memcpy(out, b, len);
  out[len] = 0;
}

/* Parses a value we wrote back into a td_tv (for anchoring on it). */
static bool td_tv_parse(const char *s, td_tv *v) {
  memset(v, 0, sizeof(*v));
  int y, m, d, k;
  char part[3];
  if (sscanf(s, "%4d-%2d-%2dT%2d:%2d", &y, &m, &d, &v->hh, &v->mi) == 5) {
    v->g = TD_G_CLOCK;
  } else if (sscanf(s, "%4d-%2d-%2dT%2[A-Z]", &y, &m, &d, part) == 4) {
    v->g = TD_G_PART;
    memcpy(v->part, part, 3);
  } else if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3) {
    v->g = TD_G_DAY;
  } else if (sscanf(s, "%4d-W%2d", &y, &k) == 2) {
    v->g = strstr(s, "-WE") ? TD_G_WEEKEND : TD_G_WEEK;
    v->sub = k;
    m = d = 0;
  } else if (sscanf(s, "%4d-Q%1d", &y, &k) == 2) {
    v->g = TD_G_QUARTER;
    v->sub = k;
    m = d = 0;
  } else if (sscanf(s, "%4d-H%1d", &y, &k) == 2) {
    v->g = TD_G_HALF;
    v->sub = k;
    m = d = 0;
  } else if (sscanf(s, "%4d-%2d", &y, &m) == 2) {
    v->g = TD_G_MONTH;
    d = 0;
  } else if (strlen(s) == 4 && sscanf(s, "%4d", &y) == 1) {
    v->g = TD_G_YEAR;
    m = d = 0;
  } else {
    return false;
  }
  v->y = y;
  v->m = m;
  v->d = d;
  return v->y > 0;
}

static td_tv td_tv_day(long days) {
  td_tv v;
  memset(&v, 0, sizeof(v));
  v.g = TD_G_DAY;
  td_civil_from_days(days, &v.y, &v.m, &v.d);
  return v;
}

static bool td_has_dct(const td_tctx *cx) { return cx->dct.year > 0; }

static long td_dct_days(const td_tctx *cx) {
  return td_days_from_civil(cx->dct.year, cx->dct.month, cx->dct.day);
}

/* ---- Captures ------------------------------------------------------------- */

static const td_capture *td_cap(const td_match_result *m, int cls, int nth) {
  for (int i = 0; i < m->ncaps; i++)
    if (m->caps[i].cls == cls && nth-- == 0)
      return &m->caps[i];
  return NULL;
}

static int td_cap_int(const td_match_result *m, int cls, int dflt) {
  const td_capture *c = td_cap(m, cls, 0);
  return c && !isnan(c->num) ? (int)c->num : dflt;
}

static const char *td_cap_str(const td_match_result *m, int cls) {
  const td_capture *c = td_cap(m, cls, 0);
  return c ? c->sval : NULL;
}

/* The token of the first capture of a class. */
static const td_ttok *td_cap_tok(const td_match_result *m, const td_ttok *toks,
                                 int cls) {
  const td_capture *c = td_cap(m, cls, 0);
  return c ? &toks[c->tok] : NULL;
}

/* The unit of a UNIT capture (Y M W D H MIN S DE CE Q HALF WE FN). */
static const char *td_unit(const td_match_result *m) {
  const char *u = td_cap_str(m, TD_CL_UNIT);
  return u ? u : "";
}

/* Does the match contain this literal word (folded)? */
static bool td_match_has_word(const td_match_result *m, const td_ttok *toks,
                              const td_timex_grammar *g, const char *w) {
  uint32_t id = td_tg_word(g, w, strlen(w));
  for (uint32_t i = m->first; id && i < m->end; i++)
    if (toks[i].word == id)
      return true;
  return false;
}

/* ---- Resolving the year --------------------------------------------------- */

/* The year for month m (day d, 0 if unknown) relative to the story date:
 * past tense takes the latest such date not after the story, future the
 * earliest not before it, otherwise the nearest. */
static int td_resolve_year(const td_tctx *cx, int m, int d, int tense) {
  if (!td_has_dct(cx))
    return 0;
  /* Days from the story date to the date in the year before, the same
   * year and the year after (a month alone: its middle). */
  long dct = td_dct_days(cx);
  int best = 0;
  double best_cost = 1e18;
  for (int k = -1; k <= 1; k++) {
    int y = cx->dct.year + k;
    int dd = d ? TD_MIN(d, td_days_in_month(y, m)) : 15;
    long delta = td_days_from_civil(y, m, dd) - dct;
    double cost;
    if (tense < 0) /* the latest not after the story (a month's grace) */
      cost = delta > 31 ? 1e9 + (double)delta : (double)-delta;
    else if (tense > 0) /* the earliest not before it */
      cost = delta < -31 ? 1e9 - (double)delta : (double)delta;
    else /* the nearest, the past preferred: news tells what happened */
      cost = delta > 0 ? 2.0 * (double)delta : (double)-delta;
    if (cost < best_cost)
      best_cost = cost, best = y;
  }
  return best;
}

/* ---- Shifting -------------------------------------------------------------- */

static td_tv td_shift(td_tv v, const char *unit, double n) {
  int k = (int)lround(n);
  if (!strcmp(unit, "Y") || !strcmp(unit, "DE") || !strcmp(unit, "CE")) {
    int mult = !strcmp(unit, "DE") ? 10 : !strcmp(unit, "CE") ? 100 : 1;
    if (n != floor(n) && mult == 1) {
      /* 1.5 years: months */
      return td_shift(v, "M", n * 12);
    }
    v.y += k * mult;
    if (v.g > TD_G_DAY || v.g == TD_G_WEEK || v.g == TD_G_WEEKEND)
      v.g = TD_G_YEAR;
    if (v.g == TD_G_DAY && v.d > td_days_in_month(v.y, v.m))
      v.d = td_days_in_month(v.y, v.m);
    return v;
  }
  if (!strcmp(unit, "Q")) {
    int q = (v.g == TD_G_QUARTER ? v.sub : (v.m ? (v.m - 1) / 3 + 1 : 1)) - 1;
    q += k;
    v.y += (int)floor(q / 4.0);
    v.sub = ((q % 4) + 4) % 4 + 1;
    v.g = TD_G_QUARTER;
    return v;
  }
  if (!strcmp(unit, "M") || !strcmp(unit, "HALF")) {
    int mult = !strcmp(unit, "HALF") ? 6 : 1;
    int mm = (v.m ? v.m : 1) - 1 + k * mult;
    v.y += (int)floor(mm / 12.0);
    v.m = ((mm % 12) + 12) % 12 + 1;
    if (v.g == TD_G_DAY && v.d > td_days_in_month(v.y, v.m))
      v.d = td_days_in_month(v.y, v.m);
    if (v.g < TD_G_MONTH || v.g > TD_G_DAY)
      v.g = TD_G_MONTH;
    return v;
  }
  if (!strcmp(unit, "W") || !strcmp(unit, "FN") || !strcmp(unit, "WE")) {
    int mult = !strcmp(unit, "FN") ? 2 : 1;
    long days = td_days_from_civil(v.y, v.m ? v.m : 1, v.d ? v.d : 1) + 7L * k * mult;
    if (v.g == TD_G_WEEK || v.g == TD_G_WEEKEND)
      days = td_week_monday(v.y, v.sub) + 7L * k * mult;
    int wy, wk;
    td_iso_week(days, &wy, &wk);
    td_tv w = v;
    w.y = wy;
    w.sub = wk;
    w.g = !strcmp(unit, "WE") ? TD_G_WEEKEND : TD_G_WEEK;
    return w;
  }
  if (!strcmp(unit, "D")) {
    long days = td_days_from_civil(v.y, v.m ? v.m : 1, v.d ? v.d : 1) + k;
    td_tv r = td_tv_day(days);
    if (v.g == TD_G_PART) {
      r.g = TD_G_PART;
      memcpy(r.part, v.part, 3);
    }
    return r;
  }
  return v;
}

/* The story date as a value at day granularity. */
static td_tv td_dct_tv(const td_tctx *cx) {
  td_tv v;
  memset(&v, 0, sizeof(v));
  v.g = TD_G_DAY;
  v.y = cx->dct.year;
  v.m = cx->dct.month;
  v.d = cx->dct.day;
  return v;
}

/* A duration's modifier on a point moved by one ("more than two years
 * ago" is a date before two years ago): TimeML keeps MORE_THAN and
 * LESS_THAN for durations and BEFORE, AFTER for points. dir < 0 moves
 * into the past. */
static const char *td_point_mod(const char *mod, int dir) {
  if (!mod)
    return NULL;
  bool more = !strcmp(mod, "MORE_THAN"), less = !strcmp(mod, "LESS_THAN");
  bool more_eq = !strcmp(mod, "EQUAL_OR_MORE");
  bool less_eq = !strcmp(mod, "EQUAL_OR_LESS");
  if (!more && !less && !more_eq && !less_eq)
    return mod;
  bool earlier = (more || more_eq) == (dir < 0);
  if (more || less)
    return earlier ? "BEFORE" : "AFTER";
  return earlier ? "ON_OR_BEFORE" : "ON_OR_AFTER";
}

/* The value of the story date at a unit's granularity. */
static td_tv td_dct_at(const td_tctx *cx, const char *unit) {
  td_tv v = td_dct_tv(cx);
  if (!strcmp(unit, "Y")) {
    v.g = TD_G_YEAR;
  } else if (!strcmp(unit, "M")) {
    v.g = TD_G_MONTH;
  } else if (!strcmp(unit, "Q")) {
    v.g = TD_G_QUARTER;
    v.sub = (v.m - 1) / 3 + 1;
  } else if (!strcmp(unit, "HALF")) {
    v.g = TD_G_HALF;
    v.sub = v.m <= 6 ? 1 : 2;
  } else if (!strcmp(unit, "W") || !strcmp(unit, "WE") || !strcmp(unit, "FN")) {
    int wy, wk;
    td_iso_week(td_dct_days(cx), &wy, &wk);
    v.y = wy;
    v.sub = wk;
    v.g = !strcmp(unit, "WE") ? TD_G_WEEKEND : TD_G_WEEK;
  } else if (!strcmp(unit, "DE")) {
    v.g = TD_G_DECADE;
  } else if (!strcmp(unit, "CE")) {
    v.g = TD_G_CENTURY;
  }
  return v;
}

/* ---- The actions ----------------------------------------------------------- */

static void td_set_tv(td_timex *t, const td_tv *v) {
  td_tv_format(v, t->value, sizeof(t->value));
}

static void td_number(char *out, size_t n, double v) {
  /* a whole number below 10^15 (not -0) as "%.0f" writes it, without
   * snprintf: most durations */
  if (v == floor(v) && fabs(v) < 1e15 && !(v == 0 && signbit(v))) {
    char b[24], *p = b + sizeof(b);
    long long x = (long long)v;
    unsigned long long u = x < 0 ? (unsigned long long)-x : (unsigned long long)x;
    do
      *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (x < 0)
      *--p = '-';
    size_t k = TD_MIN((size_t)(b + sizeof(b) - p), n - 1);
    memcpy(out, p, k);
    out[k] = 0;
  } else if (v == floor(v)) {
    snprintf(out, n, "%.0f", v);
  } else {
    snprintf(out, n, "%g", v);
  }
}

/* Appends the string s at *p, short of end (cut as snprintf cuts). */
static void td_put_cut(char **p, const char *end, const char *s) {
  while (*s && *p < end)
    *(*p)++ = *s++;
}

static void td_duration(td_timex *t, double n, const char *unit, bool vague) {
  /* A fraction of an hour or a minute is written in the next unit:
   * a minute and a half = PT1M30S. */
  if (!vague && n != floor(n) && (!strcmp(unit, "H") || !strcmp(unit, "MIN"))) {
    int whole = (int)floor(n), rest = (int)lround((n - whole) * 60);
    bool h = !strcmp(unit, "H");
    snprintf(t->value, sizeof(t->value), "PT%d%s%d%s", whole, h ? "H" : "M",
             rest, h ? "M" : "S");
    return;
  }
  char num[16];
  if (vague)
    memcpy(num, "X", 2);
  else
    td_number(num, sizeof(num), n);
  const char *u = unit;
  bool timeunit = false;
  if (!strcmp(unit, "H")) {
    u = "H", timeunit = true;
  } else if (!strcmp(unit, "MIN")) {
    u = "M", timeunit = true;
  } else if (!strcmp(unit, "S")) {
    u = "S", timeunit = true;
  } else if (!strcmp(unit, "DE") && !vague) {
    td_number(num, sizeof(num), n * 10);
    u = "Y";
  } else if (!strcmp(unit, "CE") && !vague) {
    td_number(num, sizeof(num), n * 100);
    u = "Y";
  } else if (!strcmp(unit, "DE") || !strcmp(unit, "CE")) {
    u = "Y";
  } else if (!strcmp(unit, "HALF")) {
    td_number(num, sizeof(num), n * 6);
    u = "M";
  } else if (!strcmp(unit, "WE")) {
    td_number(num, sizeof(num), n * 2);
    u = "D";
  } else if (!strcmp(unit, "FN")) {
    td_number(num, sizeof(num), n * 2);
    u = "W";
  }
  /* "P%s%s%s" without snprintf */
  char *p = t->value, *end = t->value + sizeof(t->value) - 1;
  td_put_cut(&p, end, timeunit ? "PT" : "P");
  td_put_cut(&p, end, num);
  td_put_cut(&p, end, u);
  *p = 0;
}

/* The time of day of a match (clock or part of day), applied to v. */
static bool td_time_of_day(const td_match_result *m, const td_ttok *toks,
                           const td_timex_grammar *g, td_tv *v) {
  const td_capture *clock = td_cap(m, TD_CL_CLOCK, 0);
  const char *part = td_cap_str(m, TD_CL_PART);
  if (clock) {
    double c = clock->num;
    int hh = (int)floor(c), mi = (int)lround((c - hh) * 100);
    const char *ampm = td_cap_str(m, TD_CL_AMPM);
    if (!ampm)
      ampm = clock->sval;
    if (!ampm && part)
      ampm = !strcmp(part, "MO") ? "am" : "pm";
    if (ampm && ampm[0] == 'p' && hh < 12)
      hh += 12;
    if (ampm && ampm[0] == 'a' && hh == 12)
      hh = 0;
    v->hh = hh;
    v->mi = mi;
    v->g = TD_G_CLOCK;
    return true;
  }
  if (td_match_has_word(m, toks, g, "noon") ||
      td_match_has_word(m, toks, g, "midday")) {
    v->hh = 12, v->mi = 0, v->g = TD_G_CLOCK;
    return true;
  }
  if (td_match_has_word(m, toks, g, "midnight")) {
    v->hh = 24, v->mi = 0, v->g = TD_G_CLOCK;
    return true;
  }
  if (part) {
    snprintf(v->part, sizeof(v->part), "%.2s", part);
    v->g = TD_G_PART;
    return true;
  }
  return false;
}

/* ---- Holidays ---------------------------------------------------------- */

/* A holiday's date rule (timex-words.txt, HOLIDAY): MM-DD, a fixed day;
 * MM-WDn, the n-th weekday WD (MO TU WE TH FR SA SU) of month MM, n 1-5;
 * MM-DD+WD, the first weekday WD on or after MM-DD; EASTER, Easter
 * Sunday, EASTER-2, EASTER+1 days from it. m and d are a day near the
 * holiday, to find its year by. */
typedef struct td_holiday {
  int m, d;
  int wd;     /* 1-7 when the day is a weekday of the month       */
  int nth;    /* n-th such weekday; 0: the first on or after m-d  */
  int easter; /* 1: counted from Easter, offset in d_off            */
  int d_off;
} td_holiday;

static int td_weekday_code(const char *s) {
  static const char *codes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
  for (int i = 0; i < 7; i++)
    if (!strncmp(s, codes[i], 2))
      return i + 1;
  return 0;
}

static bool td_holiday_parse(const char *s, td_holiday *h) {
  memset(h, 0, sizeof(*h));
  int mo, d, n;
  char wd[3];
  if (!strncmp(s, "EASTER", 6)) {
    h->easter = 1;
    h->d_off = atoi(s + 6);
    h->m = 4, h->d = 10; /* Easter is in late March or April */
    return true;
  }
  if (sscanf(s, "%2d-%2d+%2[A-Z]", &mo, &d, wd) == 3) {
    h->wd = td_weekday_code(wd);
    h->m = mo, h->d = d;
  } else if (sscanf(s, "%2d-%2[A-Z]%1d", &mo, wd, &n) == 3) {
    h->wd = td_weekday_code(wd);
    h->nth = n;
    h->m = mo, h->d = 1 + 7 * (n - 1) + 3;
  } else if (sscanf(s, "%2d-%2d", &mo, &d) == 2) {
    h->m = mo, h->d = d;
    return mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
  } else {
    return false;
  }
  return h->wd && h->m >= 1 && h->m <= 12;
}

/* Easter Sunday of year y (Gregorian; the anonymous algorithm). */
static void td_easter(int y, int *mo, int *d) {
  int a = y % 19, b = y / 100, c = y % 100, e = b % 4;
  int f = (b + 8) / 25, gg = (b - f + 1) / 3;
  int h = (19 * a + b - b / 4 - gg + 15) % 30;
  int l = (32 + 2 * e + 2 * (c / 4) - h - c % 4) % 7;
  int mm = (a + 11 * h + 22 * l) / 451;
  *mo = (h + l - 7 * mm + 114) / 31;
  *d = (h + l - 7 * mm + 114) % 31 + 1;
}

/* The holiday's day in year y. */
static void td_holiday_day(const td_holiday *h, int y, int *mo, int *d) {
  long day;
  if (h->easter) {
    td_easter(y, mo, d);
    day = td_days_from_civil(y, *mo, *d) + h->d_off;
  } else {
    long from = td_days_from_civil(y, h->m, h->nth ? 1 : h->d);
    day = from + (h->wd - td_weekday(from) + 7) % 7 +
          7L * (h->nth ? h->nth - 1 : 0);
  }
  int yy;
  td_civil_from_days(day, &yy, mo, d);
}

/* The weekday w (1-7) relative to the story date: by rel (-1 last, +1 next,
 * 0 this week), else by tense (past: the latest not after the story). */
static td_tv td_weekday_of(const td_tctx *cx, int w, int rel, bool has_rel,
                           int tense) {
  long dct = td_dct_days(cx);
  int dw = td_weekday(dct);
  long day;
  if (has_rel && rel == 0) {
    day = dct - (dw - 1) + (w - 1);
  } else if (!has_rel && tense == 0) {
    /* No tense: the past (news tells what happened), but tomorrow is
     * tomorrow. */
    int back = (dw - w + 7) % 7, fwd = (w - dw + 7) % 7;
    day = fwd == 1 ? dct + 1 : dct - back;
  } else if ((has_rel && rel < 0) || (!has_rel && tense < 0)) {
    int back = (dw - w + 7) % 7;
    if (has_rel && back == 0)
      back = 7;
    day = dct - back;
  } else {
    int fwd = (w - dw + 7) % 7;
    if (has_rel && fwd == 0)
      fwd = 7;
    day = dct + fwd;
  }
  return td_tv_day(day);
}

/* The time the text is at, when it is at least as fine as `want`. */
static bool td_ref_tv(const td_tctx *cx, td_tv *v) {
  return cx->ref && td_tv_parse(cx->ref->value, v);
}

/* Is v a quarter the text can report results of: not after the story's
 * quarter ("a year ago" next to a forecast for the third quarter of 1990
 * is not the third quarter of 1989)? */
static bool td_reported_quarter(const td_tctx *cx, const td_tv *v) {
  if (v->g != TD_G_QUARTER)
    return false;
  if (!td_has_dct(cx))
    return true;
  return v->y * 4 + v->sub <= cx->dct.year * 4 + (cx->dct.month - 1) / 3 + 1;
}

static void td_anchor_story(const td_tctx *cx, td_timex *t, int tense) {
  t->anchor = td_has_dct(cx) ? TD_ANCHOR_STORY : TD_ANCHOR_UNKNOWN;
  t->tense = (int8_t)tense;
}

void td_timex_value(const td_timex_grammar *g, const td_match_result *m,
                    const td_action *a, const td_ttok *toks,
                    const td_tctx *cx, td_timex *t) {
  td_tv v;
  memset(&v, 0, sizeof(v));
  int tense = cx->tense ? cx->tense : cx->sentence_tense > 0 ? 1 : 0;
  t->anchor = TD_ANCHOR_NONE;
  t->tense = 0;
  snprintf(t->value, sizeof(t->value), "XXXX");

  switch (a->kind) {
  case TD_ACT_DATE:
  case TD_ACT_WEEKOF:
  case TD_ACT_HOLIDAY: {
    int y = td_cap_int(m, TD_CL_YEAR, 0);
    int mo = td_cap_int(m, TD_CL_MONTH, 0), d = td_cap_int(m, TD_CL_DAY, 0);
    td_holiday hd;
    memset(&hd, 0, sizeof(hd));
    if (a->kind == TD_ACT_HOLIDAY) {
      const char *hol = a->arg1[0] ? a->arg1 : td_cap_str(m, TD_CL_HOLIDAY);
      if (!hol || !td_holiday_parse(hol, &hd))
        break;
      mo = hd.m, d = hd.d;
    }
    if (!mo || !d)
      break;
    const td_capture *hrel = td_cap(m, TD_CL_REL, 0);
    if (!y && hrel && td_has_dct(cx)) {
      y = td_resolve_year(cx, mo, d, (int)hrel->num);
      td_anchor_story(cx, t, (int)hrel->num);
    } else if (!y) {
      y = td_resolve_year(cx, mo, d, tense);
      td_anchor_story(cx, t, tense);
    }
    if (y && (hd.wd || hd.easter))
      td_holiday_day(&hd, y, &mo, &d);
    if (y && !td_date_valid(y, mo, d))
      break;
    v.g = TD_G_DAY, v.y = y, v.m = mo, v.d = d;
    bool week = a->kind == TD_ACT_WEEKOF || !strcmp(a->arg2, "W");
    if (week && y) { /* "the week of March 6", "Easter week" */
      td_iso_week(td_days_from_civil(y, mo, d), &v.y, &v.sub);
      v.g = TD_G_WEEK;
    } else if (td_time_of_day(m, toks, g, &v)) {
      t->type = TD_TX_TIME;
    }
    td_set_tv(t, &v);
    break;
  }
  case TD_ACT_MONTH: {
    int y = td_cap_int(m, TD_CL_YEAR, 0), mo = td_cap_int(m, TD_CL_MONTH, 0);
    const td_ttok *mt = td_cap_tok(m, toks, TD_CL_MONTH);
    if (!mo || !mt)
      break;
    /* A month alone is written out: "in September", not "in Sept". */
    if (!y && m->end - m->first == 1 && mt->end - mt->start <= 4 && mo != 5 &&
        mo != 6 && mo != 7)
      break;
    if (!y) {
      y = td_resolve_year(cx, mo, 0, tense);
      td_anchor_story(cx, t, tense);
    }
    v.g = TD_G_MONTH, v.y = y, v.m = mo;
    td_set_tv(t, &v);
    break;
  }
  case TD_ACT_YEAR: {
    /* "2019-2020": the first year (the span is one expression). */
    v.g = TD_G_YEAR;
    v.y = td_cap_int(m, TD_CL_YEAR, 0);
    td_set_tv(t, &v);
    break;
  }
  case TD_ACT_ISO: {
    const td_capture *mo = td_cap(m, TD_CL_NUM, 0), *d = td_cap(m, TD_CL_NUM, 1);
    int y = td_cap_int(m, TD_CL_YEAR, 0);
    if (!mo || !d || !td_date_valid(y, (int)mo->num, (int)d->num))
      break;
    v.g = TD_G_DAY, v.y = y, v.m = (int)mo->num, v.d = (int)d->num;
    td_set_tv(t, &v);
    break;
  }
  case TD_ACT_WEEKDAY: {
    int w = td_cap_int(m, TD_CL_WEEKDAY, 0);
    const td_capture *rel = td_cap(m, TD_CL_REL, 0);
    if (!w)
      break;
    if (!td_has_dct(cx)) {
      snprintf(t->value, sizeof(t->value), "XXXX-WXX-%d", w);
      t->anchor = TD_ANCHOR_UNKNOWN;
      break;
    }
    int wt = tense ? tense : cx->sentence_tense;
    td_tv ref;
    /* "the coming Friday" counts from the story date like "next Friday" */
    bool coming = td_match_has_word(m, toks, g, "coming") ||
                  td_match_has_word(m, toks, g, "upcoming");
    if (!strcmp(a->arg1, "ref") && rel && rel->num != 0 && !coming &&
        td_ref_tv(cx, &ref) && ref.g >= TD_G_DAY) {
      /* "the previous Friday", "the following Monday": the weekday before
       * or after the day the text is at */
      long day = td_days_from_civil(ref.y, ref.m, ref.d);
      int dw = td_weekday(day);
      day += rel->num < 0 ? -((dw - w + 6) % 7 + 1) : (w - dw + 6) % 7 + 1;
      v = td_tv_day(day);
      t->anchor = TD_ANCHOR_TIMEX;
      t->anchor_timex = cx->ref_index;
    } else {
      v = td_weekday_of(cx, w, rel ? (int)rel->num : 0, rel != NULL, wt);
      td_anchor_story(cx, t, rel ? 0 : wt);
    }
    if (td_time_of_day(m, toks, g, &v))
      t->type = TD_TX_TIME;
    td_set_tv(t, &v);
    break;
  }
  case TD_ACT_DEICTIC:
  case TD_ACT_DAY: {
    const char *s = a->kind == TD_ACT_DAY ? a->arg1 : td_cap_str(m, TD_CL_DEICTIC);
    if (!s)
      break;
    if (!strcmp(s, "PRESENT_REF") || !strcmp(s, "PAST_REF") ||
        !strcmp(s, "FUTURE_REF")) {
      snprintf(t->value, sizeof(t->value), "%s", s);
      break;
    }
    if (!td_has_dct(cx)) {
      t->anchor = TD_ANCHOR_UNKNOWN;
      break;
    }
    v = td_tv_day(td_dct_days(cx) + atoi(s));
    td_anchor_story(cx, t, tense);
    t->tense = 0;
    if (a->kind == TD_ACT_DAY && strcmp(a->arg2, "PART") != 0) {
      snprintf(v.part, sizeof(v.part), "%.2s", a->arg2);
      v.g = TD_G_PART;
      t->type = TD_TX_TIME;
    } else if (td_time_of_day(m, toks, g, &v)) {
      t->type = TD_TX_TIME;
    }
    td_set_tv(t, &v);
    break;
  }
  case TD_ACT_REL: {
    const td_capture *rel = td_cap(m, TD_CL_REL, 0);
    const char *unit = td_unit(m);
    /* Rules that name the unit as a word: "the weekend", "the month". */
    static const char *const named[][2] = {
        {"weekend", "WE"}, {"week", "W"}, {"month", "M"}};
    for (size_t k = 0; !*unit && k < TD_COUNT(named); k++)
      if (td_match_has_word(m, toks, g, named[k][0]))
        unit = named[k][1];
    if (!*unit || !td_has_dct(cx)) {
      t->anchor = TD_ANCHOR_UNKNOWN;
      break;
    }
    int r = rel ? (int)rel->num : 0;
    /* "the weekend" not told in the future: the last one. */
    if (!rel && !strcmp(unit, "WE") && tense <= 0 &&
        td_weekday(td_dct_days(cx)) < 6)
      r = -1;
    v = td_shift(td_dct_at(cx, unit), unit, r);
    if (!strcmp(unit, "D"))
      v = td_tv_day(td_dct_days(cx) + r);
    td_anchor_story(cx, t, 0);
    td_set_tv(t, &v);
    break;
  }
  case TD_ACT_RELMONTH:
  case TD_ACT_RELSEASON: {
    const td_capture *rel = td_cap(m, TD_CL_REL, 0);
    int r = rel ? (int)rel->num : 0;
    if (!td_has_dct(cx)) {
      t->anchor = TD_ANCHOR_UNKNOWN;
      break;
    }
    td_anchor_story(cx, t, 0);
    int y = cx->dct.year;
    if (a->kind == TD_ACT_RELMONTH) {
      int mo = td_cap_int(m, TD_CL_MONTH, 0);
      if (!mo)
        break;
      if (r < 0)
        y = mo >= cx->dct.month ? y - 1 : y;
      else if (r > 0)
        y = mo <= cx->dct.month ? y + 1 : y;
      v.g = TD_G_MONTH, v.y = y, v.m = mo;
    } else {
      int s = td_season_index(td_cap_str(m, TD_CL_SEASON));
      if (!s)
        break;
      /* The season the story is in, as (year, season); January and
       * February are in the winter of the year before. */
      int mo = cx->dct.month;
      int cur = mo >= 3 && mo <= 5 ? 1 : mo >= 6 && mo <= 8 ? 2
                : mo >= 9 && mo <= 11 ? 3 : 4;
      int cy = mo <= 2 ? y - 1 : y;
      int here = cy * 4 + cur - 1, there = cy * 4 + s - 1;
      if (r < 0 && there >= here)
        there -= 4;
      else if (r > 0 && there <= here)
        there += 4;
      v.g = TD_G_SEASON, v.y = there / 4, v.sub = there % 4 + 1;
    }
    td_set_tv(t, &v);
    break;
  }
  case TD_ACT_MONTHREL: {
    const td_capture *rel = td_cap(m, TD_CL_REL, 0);
    int mo = td_cap_int(m, TD_CL_MONTH, 0);
    if (!mo || !td_has_dct(cx)) {
      t->anchor = TD_ANCHOR_UNKNOWN;
      break;
    }
    v.g = TD_G_MONTH, v.m = mo, v.y = cx->dct.year + (rel ? (int)rel->num : 0);
    td_anchor_story(cx, t, 0);
    td_set_tv(t, &v);
    break;
  }
  case TD_ACT_SHIFT:
  case TD_ACT_ANAPHOR: {
    const char *unit;
    double n;
    int dir = 1;
    if (a->kind == TD_ACT_SHIFT) {
      unit = td_unit(m);
      const td_capture *num = td_cap(m, TD_CL_NUM, 0);
      const td_capture *d = td_cap(m, TD_CL_DIR, 0);
      n = num ? num->num : 1;
      dir = d ? (int)d->num : (td_match_has_word(m, toks, g, "now") ? 1 : -1);
    } else {
      unit = a->arg2;
      n = atof(a->arg1);
    }
    if (!*unit)
      break;
    bool from_ref = a->kind == TD_ACT_ANAPHOR || !strcmp(a->arg1, "ref");
    td_tv base;
    /* Reports of results: "a year ago" next to a quarter is that quarter
     * a year before. */
    if (!from_ref && !strcmp(unit, "Y") && td_ref_tv(cx, &base) &&
        td_reported_quarter(cx, &base))
      from_ref = true;
    if (from_ref && td_ref_tv(cx, &base)) {
      t->anchor = TD_ANCHOR_TIMEX;
      t->anchor_timex = cx->ref_index;
      /* A day moved by days or weeks stays a day; a year moved by years
       * stays what it was (a quarter a year earlier is a quarter). */
      if (!strcmp(unit, "D") && base.g < TD_G_DAY &&
          a->kind == TD_ACT_ANAPHOR &&
          (base.g == TD_G_MONTH || base.g == TD_G_YEAR)) {
        /* "that same day" when the text is at a month: a day of it */
        if (base.g == TD_G_MONTH)
          snprintf(t->value, sizeof(t->value), "%04d-%02d-XX", base.y,
                   base.m);
        else
          snprintf(t->value, sizeof(t->value), "%04d-XX-XX", base.y);
        break;
      }
      if (!strcmp(unit, "D") && base.g < TD_G_DAY) {
        if (!td_has_dct(cx))
          break;
        base = td_dct_tv(cx);
        t->anchor = TD_ANCHOR_STORY;
      }
    } else if (td_has_dct(cx)) {
      base = td_dct_at(cx, unit);
      if (!strcmp(unit, "D"))
        base = td_dct_tv(cx);
      t->anchor = TD_ANCHOR_STORY;
    } else {
      t->anchor = TD_ANCHOR_UNKNOWN;
      break;
    }
    if (base.g == TD_G_CLOCK || base.g == TD_G_PART)
      base.g = TD_G_DAY;
    v = td_shift(base, unit, dir * n);
    /* The result is as fine as the unit ("later that year" is a year),
     * except that a quarter moved by years stays a quarter. */
    bool years = !strcmp(unit, "Y") || !strcmp(unit, "DE") ||
                 !strcmp(unit, "CE");
    if (years && v.g != TD_G_QUARTER)
      v.g = TD_G_YEAR;
    if (!strcmp(unit, "M") && v.g > TD_G_MONTH && v.g <= TD_G_DAY)
      v.g = TD_G_MONTH;
    /* "the next morning", "in the afternoon": a part of that day */
    if (!strcmp(unit, "D") && v.g == TD_G_DAY && td_time_of_day(m, toks, g, &v))
      t->type = TD_TX_TIME;
    td_set_tv(t, &v);
    t->mod = td_point_mod(t->mod, dir);
    break;
  }
  case TD_ACT_YEARAGO: {
    td_tv base;
    int ord = td_cap_int(m, TD_CL_ORD, 0);
    if (ord >= 1 && ord <= 4 && td_has_dct(cx)) {
      /* the year-ago third quarter */
      memset(&base, 0, sizeof(base));
      base.g = TD_G_QUARTER, base.y = cx->dct.year, base.sub = ord;
      td_anchor_story(cx, t, 0);
    } else if (td_ref_tv(cx, &base) && td_reported_quarter(cx, &base)) {
      t->anchor = TD_ANCHOR_TIMEX;
      t->anchor_timex = cx->ref_index;
    } else if (td_has_dct(cx)) {
      bool q = td_match_has_word(m, toks, g, "quarter") ||
               td_match_has_word(m, toks, g, "period");
      base = td_dct_at(cx, q ? "Q" : "Y");
      if (q) /* the last quarter that ended */
        base = td_shift(base, "Q", -1);
      td_anchor_story(cx, t, 0);
    } else {
      t->anchor = TD_ANCHOR_UNKNOWN;
      break;
    }
    v = td_shift(base, "Y", -1);
    td_set_tv(t, &v);
    break;
  }
  case TD_ACT_QUARTER:
  case TD_ACT_HALF: {
    bool half = a->kind == TD_ACT_HALF;
    int k = a->arg1[0] ? atoi(a->arg1) : td_cap_int(m, TD_CL_ORD, 0);
    /* "the 1988 quarter": the quarter the text is at, in that year */
    if (!k && !half) {
      td_tv rq;
      if (td_ref_tv(cx, &rq) && rq.g == TD_G_QUARTER)
        k = rq.sub;
      else if (td_has_dct(cx))
        k = td_shift(td_dct_at(cx, "Q"), "Q", -1).sub;
    }
    if (k < 1 || k > (half ? 2 : 4))
      break;
    int y = td_cap_int(m, TD_CL_YEAR, 0);
    const td_capture *rel = td_cap(m, TD_CL_REL, 0);
    if (!y && td_has_dct(cx)) {
      int cur = half ? (cx->dct.month <= 6 ? 1 : 2)
                     : (cx->dct.month - 1) / 3 + 1;
      y = cx->dct.year + (rel ? (int)rel->num : 0);
      if (!rel && k > cur && tense < 0)
        y--;
      td_anchor_story(cx, t, rel ? 0 : tense);
    }
    v.g = half ? TD_G_HALF : TD_G_QUARTER, v.y = y, v.sub = k;
    td_set_tv(t, &v);
    break;
  }
  case TD_ACT_SEASON: {
    int s = td_season_index(td_cap_str(m, TD_CL_SEASON));
    int y = td_cap_int(m, TD_CL_YEAR, 0);
    if (!s)
      break;
    if (!y && td_has_dct(cx)) {
      y = td_resolve_year(cx, s * 3, 15, tense);
      td_anchor_story(cx, t, tense);
    }
    v.g = TD_G_SEASON, v.y = y, v.sub = s;
    td_set_tv(t, &v);
    break;
  }
  case TD_ACT_DECADE: {
    const td_capture *c = td_cap(m, TD_CL_DECADE, 0);
    if (!c)
      c = td_cap(m, TD_CL_DECADEWORD, 0);
    if (!c)
      c = td_cap(m, TD_CL_NUM, 0);
    if (!c)
      break;
    int y = (int)c->num;
    if (y < 100) {
      /* '90s: the latest such decade not after the story (or now). */
      int base = td_has_dct(cx) ? cx->dct.year : 2000;
      int cent = base / 100 * 100;
      y = cent + y > base ? cent - 100 + y : cent + y;
    }
    v.g = TD_G_DECADE, v.y = y;
    td_set_tv(t, &v);
    break;
  }
  case TD_ACT_CENTURY: {
    int k = td_cap_int(m, TD_CL_ORD, 0);
    if (k < 1)
      break;
    v.g = TD_G_CENTURY, v.y = (k - 1) * 100;
    snprintf(t->value, sizeof(t->value), "%02d", k - 1);
    break;
  }
  case TD_ACT_CLOCK: {
    if (td_has_dct(cx)) {
      v = td_dct_tv(cx);
      td_anchor_story(cx, t, 0);
    } else {
      t->anchor = TD_ANCHOR_UNKNOWN;
    }
    int w = td_cap_int(m, TD_CL_WEEKDAY, 0);
    const char *dei = td_cap_str(m, TD_CL_DEICTIC);
    int mo = td_cap_int(m, TD_CL_MONTH, 0), d = td_cap_int(m, TD_CL_DAY, 0);
    if (w && td_has_dct(cx))
      v = td_weekday_of(cx, w, 0, false, tense);
    else if (dei && td_has_dct(cx) && (dei[0] == '-' || isdigit((unsigned char)dei[0])))
      v = td_tv_day(td_dct_days(cx) + atoi(dei));
    else if (mo && d) {
      v.y = td_resolve_year(cx, mo, d, tense), v.m = mo, v.d = d;
    } else {
      /* "at 10 p.m." told in the past: on the day the text is at */
      td_tv ref;
      if (tense < 0 && td_ref_tv(cx, &ref) && ref.g >= TD_G_DAY) {
        v = ref;
        v.g = TD_G_DAY;
        t->anchor = TD_ANCHOR_TIMEX;
        t->anchor_timex = cx->ref_index;
      }
    }
    td_time_of_day(m, toks, g, &v);
    t->type = TD_TX_TIME;
    td_set_tv(t, &v);
    break;
  }
  case TD_ACT_DURATION: {
    const td_capture *num = td_cap(m, TD_CL_NUM, 0);
    double n = num ? num->num : 1;
    if (!strcmp(a->arg1, "half"))
      n += 0.5;
    const td_ttok *ut = td_cap_tok(m, toks, TD_CL_UNIT);
    if (!*td_unit(m) || !ut)
      break;
    /* After a hyphen the unit is singular: five-year, not three-quarters. */
    if (ut->plural && ut > toks && ut[-1].word == g->w_hyphen &&
        m->first < (uint32_t)(ut - toks))
      break;
    const char *u = td_unit(m);
    bool calendar = !strcmp(u, "Y") || !strcmp(u, "M") || !strcmp(u, "W") ||
                    !strcmp(u, "D") || !strcmp(u, "DE");
    if (cx->tense > 0 && calendar && n == floor(n) && td_has_dct(cx) &&
        m->first > 0 && toks[m->first - 1].word == g->w_in &&
        toks[m->first - 1].seg == toks[m->first].seg) {
      /* "will be redeemed in five years": when, not how long */
      v = td_shift(td_dct_at(cx, u), u, n);
      if (!strcmp(u, "D"))
        v = td_tv_day(td_dct_days(cx) + (long)n);
      if (!strcmp(u, "DE"))
        v.g = TD_G_YEAR;
      t->type = TD_TX_DATE;
      td_anchor_story(cx, t, 1);
      td_set_tv(t, &v);
      break;
    }
    td_duration(t, n, u, false);
    break;
  }
  case TD_ACT_VAGUE: {
    const td_ttok *ut = td_cap_tok(m, toks, TD_CL_UNIT);
    /* the unit is plural, or singular after a hyphen: several-year */
    bool hyphen = ut && ut > toks && ut[-1].word == g->w_hyphen &&
                  m->first < (uint32_t)(ut - toks);
    if (!*td_unit(m) || !ut || (!ut->plural && !hyphen))
      break;
    td_duration(t, 0, td_unit(m), true);
    break;
  }
  case TD_ACT_SET: {
    const char *freq = td_cap_str(m, TD_CL_FREQ);
    if (!freq)
      freq = td_cap_str(m, TD_CL_FREQADJ);
    int w = td_cap_int(m, TD_CL_WEEKDAY, 0);
    if (td_match_has_word(m, toks, g, "every"))
      snprintf(t->quant, sizeof(t->quant), "EVERY");
    else if (td_match_has_word(m, toks, g, "each"))
      snprintf(t->quant, sizeof(t->quant), "EACH");
    int mo = td_cap_int(m, TD_CL_MONTH, 0);
    if (freq) {
      snprintf(t->value, sizeof(t->value), "%s", freq);
    } else if (mo) {
      snprintf(t->value, sizeof(t->value), "XXXX-%02d", mo);
    } else if (w) { /* every Monday, Tuesday nights */
      const char *part = td_cap_str(m, TD_CL_PART);
      snprintf(t->value, sizeof(t->value), "XXXX-WXX-%d%s%.2s", w,
               part ? "T" : "", part ? part : "");
    } else if (*td_unit(m)) {
      const td_capture *num = td_cap(m, TD_CL_NUM, 0);
      bool times = td_match_has_word(m, toks, g, "times");
      double n = num && !times ? num->num : 1;
      if (td_match_has_word(m, toks, g, "other"))
        n = 2;
      td_duration(t, n, td_unit(m), false);
    }
    break;
  }
  case TD_ACT_VALUE:
    if (a->arg2[0] && !t->mod) /* "year end": the year, END */
      t->mod = a->arg2;
    if (!strcmp(a->arg1, "quarter") || !strcmp(a->arg1, "year")) {
      if (!td_has_dct(cx)) {
        t->anchor = TD_ANCHOR_UNKNOWN;
        break;
      }
      bool q = !strcmp(a->arg1, "quarter");
      v = td_dct_at(cx, q ? "Q" : "Y");
      /* "The quarter" of a report is the last one that ended. */
      if (q && tense <= 0)
        v = td_shift(v, "Q", -1);
      td_anchor_story(cx, t, q ? tense : 0);
      td_set_tv(t, &v);
    } else {
      snprintf(t->value, sizeof(t->value), "%s", a->arg1);
    }
    break;
  default:
    break;
  }
}
