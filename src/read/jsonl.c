/*
 * jsonl.c — JSON Lines: one object per line with "text" (required) and
 * "id", "source", "date", "title", "url" (optional); other fields are kept
 * and written back under "extra". Parsed with jansson. Offsets of such a
 * document point into the decoded "text" string.
 */
#include "reader.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

/* A string field, or NULL; a value of another type is reported. */
static const char *td_json_field(td_doc *doc, json_t *obj, const char *key,
                                 long line, long long off) {
  json_t *v = json_object_get(obj, key);
  if (!v || json_is_null(v))
    return NULL;
  if (json_is_string(v))
    return td_doc_strdup(doc, json_string_value(v), json_string_length(v));
  if (json_is_integer(v)) {
    char tmp[32];
    snprintf(tmp, sizeof(tmp), "%lld", (long long)json_integer_value(v));
    return td_doc_strdup(doc, tmp, strlen(tmp));
  }
  td_doc_warn(doc, line, off, "field \"%s\" is not a string; ignored", key);
  return NULL;
}

int td_jsonl_next(td_reader *r, td_doc **out, td_diag *diag) {
  static const char *known[] = {"id", "source", "date", "title", "text", "url"};
  const char *s;
  size_t n;
  long long off;
  long line;
  for (;;) {
    int rc = td_input_line(&r->in, r->max_doc, &s, &n, &off, &line);
    if (rc == TD_LINE_EOF)
      return TD_END;
    if (rc == TD_LINE_ERR) {
      td_diag_set(diag, TD_ERROR, r->name, line, off, "cannot read: %s",
                  strerror(r->in.err));
      return TD_REFUSED;
    }
    if (rc == TD_LINE_LONG) {
      td_diag_set(diag, TD_ERROR, r->name, line, off,
                  "a line of %zu bytes is larger than the limit of %zu bytes "
                  "(--max-doc-size); skipped",
                  n, r->max_doc);
      return TD_REFUSED;
    }
    size_t i = 0;
    while (i < n && (unsigned char)s[i] <= ' ')
      i++;
    if (i == n)
      continue; /* blank line */

    json_error_t err;
    json_t *obj = json_loadb(s, n, JSON_REJECT_DUPLICATES, &err);
    if (!obj) {
      td_diag_set(diag, TD_ERROR, r->name, line, off + err.position,
                  "invalid JSON at column %d: %s", err.column, err.text);
      return TD_REFUSED;
    }
    if (!json_is_object(obj)) {
      td_diag_set(diag, TD_ERROR, r->name, line, off,
                  "expected a JSON object with a \"text\" field");
      json_decref(obj);
      return TD_REFUSED;
    }
    json_t *text = json_object_get(obj, "text");
    if (!json_is_string(text)) {
      td_diag_set(diag, TD_ERROR, r->name, line, off,
                  "missing \"text\" field (a string)");
      json_decref(obj);
      return TD_REFUSED;
    }
    td_date date = {0, 0, 0};
    json_t *dv = json_object_get(obj, "date");
    if (json_is_string(dv)) {
      const char *ds = json_string_value(dv);
      int drc = td_date_parse(ds, strlen(ds), &date);
      if (drc != 1) {
        td_diag_set(diag, TD_ERROR, r->name, line, off,
                    drc < 0 ? "impossible date \"%s\""
                            : "date \"%s\" is not YYYY-MM-DD",
                    ds);
        json_decref(obj);
        return TD_REFUSED;
      }
    } else if (dv && !json_is_null(dv)) {
      td_diag_set(diag, TD_ERROR, r->name, line, off,
                  "field \"date\" must be a string YYYY-MM-DD");
      json_decref(obj);
      return TD_REFUSED;
    }

    td_doc *doc = td_reader_new_doc(r, TD_FORMAT_JSONL);
    doc->text_line = line;
    doc->date = date;
    doc->id = td_json_field(doc, obj, "id", line, off);
    doc->source = td_json_field(doc, obj, "source", line, off);
    doc->title = td_json_field(doc, obj, "title", line, off);
    doc->url = td_json_field(doc, obj, "url", line, off);
    size_t len = json_string_length(text);
    if (len > UINT32_MAX - 1)
      len = 0;
    td_buf tb = {0};
    td_buf_add(&tb, json_string_value(text), len);
    td_doc_take_text(doc, &tb);

    /* Unknown fields are kept. */
    json_t *extra = json_object();
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
      size_t k = 0;
      while (k < TD_COUNT(known) && strcmp(key, known[k]) != 0)
        k++;
      if (k == TD_COUNT(known))
        json_object_set(extra, key, v);
    }
    if (json_object_size(extra) > 0) {
      char *dump = json_dumps(extra, JSON_COMPACT | JSON_PRESERVE_ORDER);
      if (dump) {
        doc->extra_json = td_doc_strdup(doc, dump, strlen(dump));
        free(dump);
      }
    }
    json_decref(extra);
    json_decref(obj);
    td_reader_finish_doc(r, doc);
    *out = doc;
    return TD_DOC;
  }
}
