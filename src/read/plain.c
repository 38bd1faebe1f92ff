/*
 * plain.c — plain text: the whole input is one document; its date and
 * source come from --date and --source (or from a dateline in the text).
 */
#include "reader.h"

int td_plain_next(td_reader *r, td_doc **out, td_diag *diag) {
  td_buf b = {0};
  long long off;
  long line;
  int rc = td_reader_slurp(r, &b, &off, &line, diag);
  if (rc != TD_DOC)
    return rc;
  td_doc *doc = td_reader_new_doc(r, TD_FORMAT_TEXT);
  doc->text_offset = off;
  doc->text_line = line;
  td_doc_take_text(doc, &b);
  td_reader_finish_doc(r, doc);
  *out = doc;
  return TD_DOC;
}
