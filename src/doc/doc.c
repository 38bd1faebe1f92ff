/*
 * doc.c — creating, freeing and querying documents.
 */
#include "doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <xxhash.h>

td_doc *td_doc_new(td_format format) {
  td_doc *doc = td_calloc(1, sizeof(*doc));
  doc->format = format;
  doc->text_offset = -1;
  return doc;
}

void td_doc_free(td_doc *doc) {
  if (!doc)
    return;
  for (size_t i = 0; i < doc->layers.n; i++)
    if (doc->layers.v[i].free)
      doc->layers.v[i].free(doc->layers.v[i].data);
  td_vec_free(&doc->layers);
  td_vec_free(&doc->offmap);
  td_vec_free(&doc->xtags);
  td_vec_free(&doc->paragraphs);
  td_vec_free(&doc->para_role);
  td_vec_free(&doc->boilerplate);
  td_vec_free(&doc->tokens);
  td_vec_free(&doc->sentences);
  td_vec_free(&doc->warnings);
  td_buf_free(&doc->norm);
  td_free(doc->tkeys);
  td_free(doc->text);
  td_arena_free(&doc->arena);
  td_free(doc);
}

const td_tkey *td_doc_token_keys(td_doc *doc) {
  size_t n = doc->tokens.n;
  if (doc->tkeys && doc->tkeys_n == n)
    return doc->tkeys;
  td_free(doc->tkeys);
  doc->tkeys = td_malloc((n ? n : 1) * sizeof(td_tkey));
  doc->tkeys_n = n;
  for (size_t i = 0; i < n; i++) {
    const td_token *t = &doc->tokens.v[i];
    size_t len = t->end - t->start;
    td_tkey *k = &doc->tkeys[i];
    k->key.k[0] = 0;
    k->hash = 0;
    if (len == 0 || len > TD_SHORT_FORM)
      continue;
    /* the text is padded (TD_TEXT_PAD): 16 bytes can be read */
    td_fkey f = td_fkey_bytes(doc->text + t->start, len);
    if (!td_fkey_is_ascii(&f))
      continue;
    f.k[0] = td_lower8(f.k[0]);
    f.k[1] = td_lower8(f.k[1]);
    k->key = f;
    k->hash = td_fkey_hash(&f);
  }
  return doc->tkeys;
}

void td_doc_take_text(td_doc *doc, td_buf *b) {
  td_buf_reserve(b, TD_TEXT_PAD);
  memset(b->ptr + b->len, 0, TD_TEXT_PAD);
  td_free(doc->text);
  doc->text = b->ptr;
  doc->len = (uint32_t)b->len;
  b->ptr = NULL;
  b->len = b->cap = 0;
}

char *td_doc_strdup(td_doc *doc, const char *s, size_t n) {
  return td_arena_strndup(&doc->arena, s, n);
}

void td_doc_warn(td_doc *doc, long line, long long byte, const char *fmt, ...) {
  td_diag d = {0};
  d.severity = TD_WARNING;
  snprintf(d.path, sizeof(d.path), "%s",
           doc->input ? doc->input : doc->path ? doc->path : "");
  d.line = line;
  d.byte = byte;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(d.msg, sizeof(d.msg), fmt, ap);
  va_end(ap);
  td_vec_push(&doc->warnings, d);
}

void td_doc_set_default_id(td_doc *doc) {
  if (doc->id)
    return;
  /* XXH3-64 of date, NUL, title, NUL, text. */
  char date[16];
  td_date_format(doc->date, date);
  XXH3_state_t *st = XXH3_createState();
  if (!st)
    abort();
  XXH3_64bits_reset(st);
  XXH3_64bits_update(st, date, strlen(date) + 1);
  if (doc->title)
    XXH3_64bits_update(st, doc->title, strlen(doc->title));
  XXH3_64bits_update(st, "", 1);
  XXH3_64bits_update(st, doc->text, doc->len);
  uint64_t h = XXH3_64bits_digest(st);
  XXH3_freeState(st);
  char hex[16];
  for (int i = 15; i >= 0; i--, h >>= 4)
    hex[i] = "0123456789abcdef"[h & 15];
  doc->id = td_doc_strdup(doc, hex, 16);
}

void td_doc_add_layer(td_doc *doc, const char *name, void *data,
                      td_layer_write_fn write, void (*free_fn)(void *)) {
  td_layer l = {name, data, write, free_fn};
  td_vec_push(&doc->layers, l);
}

/* Layers are asked for by the literal they were added with (mostly the
 * same pointer) some hundred times a story: the pointer or the first byte
 * settles most comparisons without a call. */
const void *td_doc_layer(const td_doc *doc, const char *name) {
  for (size_t i = 0; i < doc->layers.n; i++) {
    const char *ln = doc->layers.v[i].name;
    if (ln == name || (ln[0] == name[0] && strcmp(ln, name) == 0))
      return doc->layers.v[i].data;
  }
  return NULL;
}

bool td_xtag_attr(const td_xtag *t, const char *name, char *out, size_t n) {
  size_t k = strlen(name);
  for (const char *p = t->attrs; p && *p; p++) {
    if (strncmp(p, name, k) == 0 && p[k] == '=' && p[k + 1] == '"' &&
        (p == t->attrs || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n')) {
      const char *v = p + k + 2, *e = strchr(v, '"');
      if (!e)
        return false;
      snprintf(out, n, "%.*s", (int)(e - v), v);
      return true;
    }
  }
  return false;
}

const char *td_source_from_name(td_source_from f) {
  static const char *names[] = {NULL,    "input",       "dateline",
                                "text",  "boilerplate", "option"};
  return (unsigned)f < TD_COUNT(names) ? names[f] : NULL;
}

long td_doc_line_of(const td_doc *doc, uint32_t off) {
  long line = doc->text_line > 0 ? doc->text_line : 1;
  const char *p = doc->text, *end = doc->text + TD_MIN(off, doc->len);
  while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
    line++;
    p++;
  }
  return line;
}

/* ---- Public accessors ---------------------------------------------------- */

const char *td_doc_text(const td_doc *doc, size_t *len) {
  if (len)
    *len = doc->len;
  return doc->text;
}
const char *td_doc_id(const td_doc *doc) { return doc->id; }
const char *td_doc_path(const td_doc *doc) { return doc->path; }
const char *td_doc_source(const td_doc *doc) { return doc->source; }
const char *td_doc_title(const td_doc *doc) { return doc->title; }
td_date td_doc_date(const td_doc *doc) { return doc->date; }
td_format td_doc_format(const td_doc *doc) { return doc->format; }
const char *td_doc_source_from(const td_doc *doc) {
  return td_source_from_name(doc->source_from);
}
size_t td_doc_nwarnings(const td_doc *doc) { return doc->warnings.n; }
const td_dateline *td_doc_dateline(const td_doc *doc) {
  return doc->dateline.found ? &doc->dateline : NULL;
}
const td_diag *td_doc_warning(const td_doc *doc, size_t i) {
  return i < doc->warnings.n ? &doc->warnings.v[i] : NULL;
}
size_t td_doc_ntokens(const td_doc *doc) { return doc->tokens.n; }
const td_token *td_doc_tokens(const td_doc *doc) { return doc->tokens.v; }
const char *td_doc_token_form(const td_doc *doc, size_t i, size_t *len) {
  const td_token *t = &doc->tokens.v[i];
  if (t->flags & TD_TF_NFC) {
    const char *s = doc->norm.ptr + t->norm;
    if (len)
      *len = strlen(s);
    return s;
  }
  if (len)
    *len = t->end - t->start;
  return doc->text + t->start;
}
size_t td_doc_nsentences(const td_doc *doc) { return doc->sentences.n; }
const td_sentence *td_doc_sentences(const td_doc *doc) {
  return doc->sentences.v;
}
size_t td_doc_nparagraphs(const td_doc *doc) { return doc->paragraphs.n; }
const td_span *td_doc_paragraphs(const td_doc *doc) {
  return doc->paragraphs.v;
}
