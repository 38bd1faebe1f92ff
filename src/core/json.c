/*
 * json.c — the JSON writer used for every output. Escapes strings per RFC
 * 8259 (control characters, quote, backslash; U+2028/2029 as \u escapes so
 * the output is also valid JavaScript), tracks commas, and indents when
 * asked to.
 */
#include "core.h"

#include <math.h>
#include <stdio.h>

static const char td_hex[] = "0123456789abcdef";

/* Bytes that need a look: control characters, quote, backslash, and 0xE2
 * (the first byte of U+2028 and U+2029). */
static const uint8_t td_json_special[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x00 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x10 */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x20: '"' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x30 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x40 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* 0x50: '\\' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x60 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x70 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x80 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x90 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0xA0 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0xB0 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0xC0 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0xD0 */
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0xE0: 0xE2 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0xF0 */
};

void td_json_escape(td_buf *b, const char *s, size_t n) {
  td_buf_reserve(b, n + 2);
  b->ptr[b->len++] = '"';
  size_t run = 0; /* start of the pending run of plain bytes */
  for (size_t i = 0; i < n; i++) {
    while (i < n && !td_json_special[(unsigned char)s[i]])
      i++;
    if (i == n)
      break;
    unsigned char c = (unsigned char)s[i];
    const char *esc = NULL;
    char tmp[8];
    if (c >= 0x20 && c != '"' && c != '\\') {
      /* U+2028 and U+2029 are E2 80 A8 / E2 80 A9. */
      if (c != 0xE2 || i + 2 >= n || (unsigned char)s[i + 1] != 0x80 ||
          ((unsigned char)s[i + 2] & 0xFE) != 0xA8)
        continue;
      esc = (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
    } else if (c == '"') {
      esc = "\\\"";
    } else if (c == '\\') {
      esc = "\\\\";
    } else if (c == '\n') {
      esc = "\\n";
    } else if (c == '\r') {
      esc = "\\r";
    } else if (c == '\t') {
      esc = "\\t";
    } else {
      tmp[0] = '\\', tmp[1] = 'u', tmp[2] = '0', tmp[3] = '0';
      tmp[4] = td_hex[c >> 4], tmp[5] = td_hex[c & 15], tmp[6] = 0;
      esc = tmp;
    }
    td_buf_add(b, s + run, i - run);
    td_buf_adds(b, esc);
    if (c == 0xE2)
      i += 2;
    run = i + 1;
  }
  td_buf_add(b, s + run, n - run);
  td_buf_addc(b, '"');
}

void td_jw_init(td_jw *w, td_buf *b, bool pretty) {
  memset(w, 0, sizeof(*w));
  w->b = b;
  w->pretty = pretty;
  w->first[0] = true;
}

static void td_jw_newline(td_jw *w) {
  if (!w->pretty)
    return;
  td_buf_addc(w->b, '\n');
  for (int i = 0; i < w->depth; i++)
    td_buf_add(w->b, "  ", 2);
}

/* Before any value: a comma and indentation, unless a key was just written. */
static void td_jw_sep(td_jw *w) {
  if (w->after_key) {
    w->after_key = false;
    return;
  }
  if (w->depth > 0) {
    if (!w->first[w->depth])
      td_buf_addc(w->b, ',');
    td_jw_newline(w);
  }
  w->first[w->depth] = false;
}

static void td_jw_open(td_jw *w, char c) {
  td_jw_sep(w);
  td_buf_addc(w->b, c);
  if (w->depth < (int)TD_COUNT(w->first) - 1)
    w->depth++;
  w->first[w->depth] = true;
}

static void td_jw_close(td_jw *w, char c) {
  bool empty = w->first[w->depth];
  if (w->depth > 0)
    w->depth--;
  if (!empty)
    td_jw_newline(w);
  td_buf_addc(w->b, c);
}

void td_jw_obj(td_jw *w) { td_jw_open(w, '{'); }
void td_jw_obj_end(td_jw *w) { td_jw_close(w, '}'); }
void td_jw_arr(td_jw *w) { td_jw_open(w, '['); }
void td_jw_arr_end(td_jw *w) { td_jw_close(w, ']'); }

void td_jw_key(td_jw *w, const char *key) {
  td_jw_sep(w);
  td_json_escape(w->b, key, strlen(key));
  td_buf_add(w->b, w->pretty ? ": " : ":", w->pretty ? 2 : 1);
  w->after_key = true;
}

void td_jw_str(td_jw *w, const char *s, size_t n) {
  td_jw_sep(w);
  td_json_escape(w->b, s, n);
}

void td_jw_cstr(td_jw *w, const char *s) {
  if (s)
    td_jw_str(w, s, strlen(s));
  else
    td_jw_null(w);
}

void td_jw_int(td_jw *w, long long v) {
  td_jw_sep(w);
  char tmp[24], *e = tmp + sizeof(tmp), *p = e;
  unsigned long long u = v < 0 ? 0ull - (unsigned long long)v
                               : (unsigned long long)v;
  do
    *--p = (char)('0' + u % 10);
  while ((u /= 10) != 0);
  if (v < 0)
    *--p = '-';
  td_buf_add(w->b, p, (size_t)(e - p));
}

void td_jw_double(td_jw *w, double v) {
  td_jw_sep(w);
  if (isfinite(v))
    td_buf_printf(w->b, "%.15g", v);
  else
    td_buf_adds(w->b, "null");
}

void td_jw_bool(td_jw *w, bool v) {
  td_jw_sep(w);
  td_buf_adds(w->b, v ? "true" : "false");
}

void td_jw_null(td_jw *w) {
  td_jw_sep(w);
  td_buf_adds(w->b, "null");
}

void td_jw_raw(td_jw *w, const char *json, size_t n) {
  td_jw_sep(w);
  td_buf_add(w->b, json, n);
}

void td_jw_span(td_jw *w, td_span s) {
  td_jw_obj(w);
  td_jw_key(w, "start");
  td_jw_int(w, s.start);
  td_jw_key(w, "end");
  td_jw_int(w, s.end);
  td_jw_obj_end(w);
}
