/*
 * date.c — calendar dates: validity, day numbers, parsing of ISO dates,
 * formatting at the date's own granularity.
 */
#include "core.h"

#include <stdio.h>

static bool td_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int td_days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12)
    return 0;
  return m == 2 && td_leap(y) ? 29 : days[m - 1];
}

bool td_date_valid(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
         d <= td_days_in_month(y, m);
}

/* Howard Hinnant's civil-calendar algorithms (public domain). */
long td_days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void td_civil_from_days(long z, int *y, int *m, int *d) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int td_digits(const char *s, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

int td_date_parse(const char *s, size_t n, td_date *out) {
  if (n < 10 || s[4] != '-' || s[7] != '-')
    return 0;
  int y = td_digits(s, 4), m = td_digits(s + 5, 2), d = td_digits(s + 8, 2);
  if (y < 0 || m < 0 || d < 0)
    return 0;
  if (n > 10 && s[10] != 'T' && s[10] != ' ')
    return 0;
  if (!td_date_valid(y, m, d))
    return -1;
  out->year = (int16_t)y;
  out->month = (int8_t)m;
  out->day = (int8_t)d;
  return 1;
}

int td_date_from_string(const char *s, td_date *out) {
  size_t n = strlen(s);
  return n == 10 ? td_date_parse(s, n, out) : 0;
}

/* Writes v (0 <= v < 10^w) in w digits at p. */
static char *td_put_digits(char *p, int v, int w) {
  for (int i = w - 1; i >= 0; i--, v /= 10)
    p[i] = (char)('0' + v % 10);
  return p + w;
}

void td_date_format(td_date d, char *out) {
  /* the usual dates without snprintf (each story formats a few) */
  if (d.year > 0 && d.year <= 9999 && d.month <= 99 && d.day <= 99) {
    char *p = td_put_digits(out, d.year, 4);
    if (d.month > 0) {
      *p++ = '-';
      p = td_put_digits(p, d.month, 2);
      if (d.day > 0) {
        *p++ = '-';
        p = td_put_digits(p, d.day, 2);
      }
    }
    *p = 0;
    return;
  }
  if (d.year <= 0)
    out[0] = 0;
  /* positive here: as unsigned 16- and 8-bit values the widest is
   * "32767-127-127", which fits (and gcc can tell) */
  else if (d.month <= 0)
    snprintf(out, 16, "%04u", (unsigned)(uint16_t)d.year);
  else if (d.day <= 0)
    snprintf(out, 16, "%04u-%02u", (unsigned)(uint16_t)d.year,
             (unsigned)(uint8_t)d.month);
  else
    snprintf(out, 16, "%04u-%02u-%02u", (unsigned)(uint16_t)d.year,
             (unsigned)(uint8_t)d.month, (unsigned)(uint8_t)d.day);
}
