/*
 * json.c — a document as one JSON object: the schema of docs/format.md.
 * The text model comes first; every layer a later stage attached follows,
 * under its own name.
 */
#include "doc.h"

#include <stdio.h>

static void td_write_date(td_jw *w, td_date d) {
  char buf[16];
  if (d.year > 0) {
    td_date_format(d, buf);
    td_jw_cstr(w, buf);
  } else if (d.month > 0 && d.day > 0) {
    snprintf(buf, sizeof(buf), "XXXX-%02d-%02d", d.month, d.day);
    td_jw_cstr(w, buf);
  } else {
    td_jw_null(w);
  }
}

static void td_write_span_text(td_jw *w, const td_doc *doc, td_span s) {
  if (s.end > s.start)
    td_jw_str(w, doc->text + s.start, s.end - s.start);
  else
    td_jw_null(w);
}

static void td_write_spans(td_jw *w, const td_span *v, size_t n) {
  td_jw_arr(w);
  for (size_t i = 0; i < n; i++)
    td_jw_span(w, v[i]);
  td_jw_arr_end(w);
}

static const char *td_kind_name(int kind) {
  static const char *names[] = {"?",    "word",     "num", "punct", "quote",
                                "dash", "ellipsis", "url", "sym"};
  return kind > 0 && kind < (int)TD_COUNT(names) ? names[kind] : "?";
}

static void td_write_tokens(td_jw *w, const td_doc *doc) {
  static const char *flag_names[] = {"cap",    "upper",  "abbrev", "initial",
                                     "hyphen", "clitic", "open",   "close"};
  td_jw_arr(w);
  for (size_t i = 0; i < doc->tokens.n; i++) {
    const td_token *t = &doc->tokens.v[i];
    td_jw_obj(w);
    td_jw_key(w, "start");
    td_jw_int(w, t->start);
    td_jw_key(w, "end");
    td_jw_int(w, t->end);
    td_jw_key(w, "kind");
    td_jw_cstr(w, td_kind_name(t->kind));
    if (t->flags & 0xFF) {
      td_jw_key(w, "flags");
      td_jw_arr(w);
      for (unsigned k = 0; k < TD_COUNT(flag_names); k++)
        if (t->flags & (1u << k))
          td_jw_cstr(w, flag_names[k]);
      td_jw_arr_end(w);
    }
    if (t->flags & TD_TF_NFC) {
      td_jw_key(w, "nfc");
      td_jw_cstr(w, doc->norm.ptr + t->norm);
    }
    td_jw_obj_end(w);
  }
  td_jw_arr_end(w);
}

static void td_write_dateline(td_jw *w, const td_doc *doc) {
  const td_dateline *dl = &doc->dateline;
  if (!dl->found) {
    td_jw_null(w);
    return;
  }
  td_jw_obj(w);
  td_jw_key(w, "start");
  td_jw_int(w, dl->span.start);
  td_jw_key(w, "end");
  td_jw_int(w, dl->span.end);
  td_jw_key(w, "text");
  td_write_span_text(w, doc, dl->span);
  td_jw_key(w, "place");
  td_write_span_text(w, doc, dl->place);
  td_jw_key(w, "region");
  td_write_span_text(w, doc, dl->region);
  td_jw_key(w, "country");
  td_jw_cstr(w, dl->country);
  td_jw_key(w, "country_code");
  td_jw_cstr(w, dl->country_code);
  td_jw_key(w, "date");
  td_write_date(w, dl->date);
  td_jw_key(w, "date_text");
  td_write_span_text(w, doc, dl->date_span);
  td_jw_key(w, "agency");
  td_jw_cstr(w, dl->agency);
  td_jw_obj_end(w);
}

void td_doc_write_json(const td_doc *doc, td_buf *out, unsigned flags) {
  td_jw w;
  td_jw_init(&w, out, flags & TD_JSON_PRETTY);
  td_jw_obj(&w);
  td_jw_key(&w, "id");
  td_jw_cstr(&w, doc->id);
  td_jw_key(&w, "path");
  td_jw_cstr(&w, doc->path);
  td_jw_key(&w, "format");
  td_jw_cstr(&w, td_format_name(doc->format));
  td_jw_key(&w, "source");
  td_jw_cstr(&w, doc->source);
  td_jw_key(&w, "source_from");
  td_jw_cstr(&w, td_source_from_name(doc->source_from));
  td_jw_key(&w, "date");
  td_write_date(&w, doc->date);
  td_jw_key(&w, "title");
  td_jw_cstr(&w, doc->title);
  if (doc->has_title_span) {
    td_jw_key(&w, "title_span");
    td_jw_span(&w, doc->title_span);
  }
  if (doc->url) {
    td_jw_key(&w, "url");
    td_jw_cstr(&w, doc->url);
  }
  if (doc->analyzed) {
    td_jw_key(&w, "dateline");
    td_write_dateline(&w, doc);
    td_jw_key(&w, "boilerplate");
    td_write_spans(&w, doc->boilerplate.v, doc->boilerplate.n);
    td_jw_key(&w, "script");
    td_jw_cstr(&w, doc->script);
  }
  td_jw_key(&w, "text_offset");
  if (doc->text_offset >= 0)
    td_jw_int(&w, doc->text_offset);
  else
    td_jw_null(&w);
  td_jw_key(&w, "text_line");
  td_jw_int(&w, doc->text_line);
  if (!(flags & TD_JSON_NO_TEXT)) {
    td_jw_key(&w, "text");
    td_jw_str(&w, doc->text, doc->len);
  }
  if (doc->analyzed) {
    td_jw_key(&w, "paragraphs");
    td_write_spans(&w, doc->paragraphs.v, doc->paragraphs.n);
    td_jw_key(&w, "sentences");
    td_jw_arr(&w);
    for (size_t i = 0; i < doc->sentences.n; i++) {
      const td_sentence *s = &doc->sentences.v[i];
      td_jw_obj(&w);
      td_jw_key(&w, "start");
      td_jw_int(&w, s->span.start);
      td_jw_key(&w, "end");
      td_jw_int(&w, s->span.end);
      td_jw_key(&w, "para");
      td_jw_int(&w, s->para);
      td_jw_obj_end(&w);
    }
    td_jw_arr_end(&w);
    if (flags & TD_JSON_TOKENS) {
      td_jw_key(&w, "tokens");
      td_write_tokens(&w, doc);
    }
  }
  for (size_t i = 0; i < doc->layers.n; i++) {
    const td_layer *l = &doc->layers.v[i];
    if (!l->write)
      continue;
    td_jw_key(&w, l->name);
    l->write(doc, l->data, &w);
  }
  if (doc->extra_json) {
    td_jw_key(&w, "extra");
    td_jw_raw(&w, doc->extra_json, strlen(doc->extra_json));
  }
  td_jw_key(&w, "warnings");
  td_jw_arr(&w);
  for (size_t i = 0; i < doc->warnings.n; i++)
    td_jw_cstr(&w, doc->warnings.v[i].msg);
  td_jw_arr_end(&w);
  td_jw_obj_end(&w);
  td_buf_addc(out, '\n');
}
