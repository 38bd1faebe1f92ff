/*
 * attrib.h — matching attribution spans (sources, cues or contents) of a
 * system against gold ones, for td_eval_quotes; exposed for the unit
 * tests.
 */
#ifndef TD_ATTRIB_H
#define TD_ATTRIB_H

#include "../core/core.h"

/* A span set: one source, cue or content, in pieces (a discontinuous
 * content has several). Empty pieces are ignored. */
typedef struct td_attr_set {
  const td_span *pieces;
  size_t n;
} td_attr_set;

/* True when a and b are the same extent: they cover the same characters
 * of text once whitespace and punctuation are left out (so quotation
 * marks, a final period, the order of the pieces and a gap of spaces or
 * punctuation between them do not matter). Sets of whitespace and
 * punctuation alone are the same when they cover the same bytes. */
bool td_attr_same(const char *text, size_t len, const td_attr_set *a,
                  const td_attr_set *b);

/* Bytes a and b have in common (a byte in several pieces of one counts
 * once). */
uint64_t td_attr_overlap(const td_attr_set *a, const td_attr_set *b);

/*
 * Matches the system sets to the gold ones one to one: among the pairs
 * that share at least one byte, those that are the same extent first,
 * then by the most bytes in common (ties: gold order, then system order),
 * each pair is taken when neither side is taken yet. Adds to c: gold (ng),
 * system (ns), overlap (pairs taken) and exact (pairs taken that are the
 * same extent). gmatch[i] (ng entries) and smatch[j] (ns entries), when
 * not NULL, receive the index of the other side of the match, or -1.
 */
void td_attr_match(const char *text, size_t len, const td_attr_set *gold,
                   size_t ng, const td_attr_set *sys, size_t ns,
                   td_attr_counts *c, long *gmatch, long *smatch);

#endif
