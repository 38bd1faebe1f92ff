/*
 * petrxml.h — a reader for PETRARCH's validation records
 * (PETR.UnitTest.records.xml): the dictionaries named in <Environment>,
 * the <Config> options in force at each record, and each <Sentence>
 * record with its expected <EventCoding>s and its <Text>. <Parse> (the
 * parse tree) is skipped: tidings does not use one.
 *
 * A record that is malformed (no id, no valid date, no text, an
 * EventCoding without its codes, a tag left open ...) is reported with
 * the file, line and byte where the problem is, and left out; the other
 * records are still read. The reader is lenient where PETRARCH's files
 * are: comments anywhere, spaces around '=', single-quoted attribute
 * values (sourcecode='"INJURY TOLL"').
 */
#ifndef TD_PETRXML_H
#define TD_PETRXML_H

#include "../core/data.h"

/* An expected event: codes as written (a quoted actor text, "\"INJURY
 * TOLL\"", keeps its quotes; a missing actor is "---"). */
typedef struct td_petr_coding {
  const char *source, *target, *event;
} td_petr_coding;

typedef struct td_petr_record {
  const char *id;
  const char *category;  /* "" when the record has none          */
  char date[11];         /* the date attribute as YYYY-MM-DD      */
  bool sentence;         /* sentence="true"                        */
  const char *text;      /* <Text>, entities decoded, every run of
                            whitespace one space, trimmed          */
  size_t text_len;
  const td_petr_coding *codings;
  size_t ncodings;
  bool noevents;         /* <EventCoding noevents="True"> (a record
                            with no EventCoding expects none too)  */
  const char *error;     /* <EventCoding error="...">, or NULL     */
  /* the <Config> options in force (PETRARCH's defaults: true, 0) */
  bool require_dyad;
  int new_actor_length;
  long line;             /* where <Sentence starts                 */
  long long byte;
} td_petr_record;

typedef TD_VEC(const char *) td_petr_names;

typedef struct td_petr_file {
  td_arena arena;
  /* <Environment>: file names as written (relative to the XML file) */
  td_petr_names verb_files, actor_files, agent_files, discard_files;
  TD_VEC(td_petr_record) records;
  long refused; /* malformed records left out */
  long problems; /* every problem reported (refused records included) */
} td_petr_file;

/* Reads the records of data[0..len) (`name` for messages) into f, which
 * must be zeroed first. Each problem goes to fn (a warning with the path,
 * line and byte) when fn is not NULL. */
void td_petr_parse(td_petr_file *f, const char *name, const char *data,
                   size_t len, td_report_fn fn, void *ud);
/* The same from a file; false (err) when it cannot be read. */
bool td_petr_read(td_petr_file *f, const char *path, td_report_fn fn,
                  void *ud, td_diag *err);
void td_petr_free(td_petr_file *f);

#endif
