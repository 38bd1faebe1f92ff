/*
 * date.c — calendar dates: validity, parsing of ISO dates, formatting at
 * the date's own granularity.
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

void td_date_format(td_date d, char *out) {
  if (d.year <= 0)
    out[0] = 0;
  else if (d.month <= 0)
    snprintf(out, 16, "%04d", d.year);
  else if (d.day <= 0)
    snprintf(out, 16, "%04d-%02d", d.year, d.month);
  else
    snprintf(out, 16, "%04d-%02d-%02d", d.year, d.month, d.day);
}
