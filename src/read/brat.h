/*
 * brat.h — brat standoff attribution files (PolNeAR): their T lines (a
 * kind and character spans, possibly discontinuous) and E lines (one
 * attribution: its trigger and its Source, Cue and Content by role name),
 * read into attributions whose spans are byte offsets into the document's
 * UTF-8 text.
 */
#ifndef TD_BRAT_H
#define TD_BRAT_H

#include "../core/core.h"

/* Some pieces of td_brat.pieces: [first, first + n). n == 0: none. */
typedef struct td_brat_set {
  uint32_t first, n;
} td_brat_set;

/* One attribution (an E line). */
typedef struct td_brat_attr {
  long line; /* of its E line */
  td_brat_set source, cue, content;
} td_brat_attr;

typedef struct td_brat {
  TD_VEC(td_span) pieces;     /* byte spans into the text, non-empty */
  TD_VEC(td_brat_attr) attrs; /* in the order of their E lines       */
  long lines;                 /* lines in the file                    */
  long problems;              /* problems reported                    */
  long discuss, discard;      /* T lines of these kinds (not scored)  */
} td_brat;

/*
 * Reads the brat file `ann` (n bytes; `path` names it in diagnostics)
 * whose offsets are characters (Unicode code points) of `text` (len bytes
 * of UTF-8; an invalid byte counts as one character), into *out (zeroed
 * first; free with td_brat_free).
 *
 * Each E line is an attribution; its first argument is the trigger
 * (Attribution, Attribution-no-source), the others are taken by role name:
 * Source, Cue, Content (Content2 and the like add pieces to the same
 * role; a T given twice in one role counts once). An attribution without
 * a Source has no source (n == 0).
 *
 * Each problem goes to report (may be NULL) as a warning with the file's
 * path and line, in line order, and what is wrong is skipped, the rest
 * kept: a line that is not an annotation (no ID and TAB: the rest of an
 * annotation's text that held a line break), a T line without a kind and
 * spans, with a bad, empty or backwards span, with more than 256 pieces,
 * or with a span past the end of the text; a T whose text is not the text
 * at its spans (compared up to the first line break; the T is kept); an E
 * line without a ROLE:ID argument, a bad argument, a reference to a T that
 * does not exist, an unknown role; duplicate IDs. Blank lines, comments
 * (#) and the other brat annotations (R, A, N, M, *) are skipped silently.
 *
 * Discuss and Discard annotations are not attributions: they are counted
 * and left out; an E line whose trigger is one is dropped, and a role that
 * names one loses it, with a warning. T lines no E line uses are left out.
 */
void td_brat_read(td_brat *out, const char *path, const char *ann, size_t n,
                  const char *text, size_t len, td_diag_fn report, void *ud);
void td_brat_free(td_brat *b);

#endif
