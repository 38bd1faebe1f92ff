/*
 * ecbxml.h — a reader for ECB+ 1.0 documents (T_Necb.xml, T_Necbplus.xml):
 * the tokens, joined into the text tidings annotates, and the anchored
 * mentions (markables with <token_anchor>s) with the coreference cluster
 * each belongs to.
 *
 *   <Document doc_name="1_10ecb.xml" doc_id="...">
 *     <token t_id="1" sentence="0" number="0">Perennial</token> ...
 *     <Markables>
 *       <ACTION_OCCURRENCE m_id="32"> <token_anchor t_id="6"/> ...
 *       </ACTION_OCCURRENCE> ...                          (a mention)
 *       <ACTION_OCCURRENCE m_id="48" TAG_DESCRIPTOR="..."
 *                          instance_id="ACT1623..."/>     (an instance)
 *     </Markables>
 *     <Relations>
 *       <CROSS_DOC_COREF r_id=".." note="ACT1623...">
 *         <source m_id="32"/> ... <target m_id="48"/> </CROSS_DOC_COREF>
 *       <INTRA_DOC_COREF r_id=".."> <source m_id=".."/> ...
 *         <target m_id=".."/> </INTRA_DOC_COREF>
 *       (other relations are checked and passed over)
 *     </Relations>
 *   </Document>
 *
 * Problems (a malformed tag, an unknown t_id or m_id, a duplicate t_id or
 * m_id, a relation with neither source nor target, an '&' that starts no
 * known entity ...) are reported as warnings with the path, line and byte
 * where they are, and the offending piece is left out; the rest of the
 * document is still read. A relation with targets but no source (an
 * instance no mention of this document refers to) is no problem.
 */
#ifndef TD_ECBXML_H
#define TD_ECBXML_H

#include "../core/core.h"

/* A mention: a markable with token anchors. Strings live in the doc's
 * arena. */
typedef struct td_ecb_mention {
  const char *kind;     /* the element name: "ACTION_OCCURRENCE",
                           "NEG_ACTION_STATE", "HUMAN_PART_PER", ...   */
  const char *m_id;     /* as written                                  */
  uint32_t first, last; /* token range (0-based into toks): the first
                           and last anchor in document order; anchors
                           in between may be missing (discontinuous
                           mentions such as "checked ... into")        */
  uint32_t start, end;  /* byte span in text: toks[first].start to
                           toks[last].end                              */
  const char *cluster;  /* the coreference cluster key, never empty:
                           the note (instance id) of the
                           CROSS_DOC_COREF the mention is a source of;
                           else "<doc_name>#<target m_id>" of its
                           INTRA_DOC_COREF; else a singleton
                           "<doc_name>#<m_id>"                         */
} td_ecb_mention;

typedef struct td_ecb_doc {
  td_arena arena;   /* everything below is allocated here             */
  const char *name; /* doc_name ("1_10ecb.xml"); the file's base name
                       when the attribute is missing                  */
  const char *doc_id; /* "" when missing                              */
  int topic;        /* 1 for "1_10ecb.xml"; 0 when the name is not
                       T_Necb.xml or T_Necbplus.xml                   */
  bool plus;        /* a T_Necbplus.xml file                          */
  /* The tokens joined, NUL-terminated: one space between tokens of a
   * sentence and one '\n' between sentences, except no space before
   * , . ; : ! ? ) ] } % '' ” ’ ' and clitics ('s 're 've 'm 'll 'd n't,
   * with ' or ’), none after ( [ { `` “ ‘ $, and none inside a pair of
   * straight double quotes ("...", paired within a sentence). Hyphens
   * and slashes, tokens of their own in ECB+, keep their spaces. A
   * token's entities are decoded and its runs of whitespace made one
   * space (trimmed); a token of whitespace alone has an empty span.  */
  char *text;
  size_t len;
  td_span *toks;          /* each token's bytes in text               */
  uint32_t *tok_sentence; /* each token's sentence attribute          */
  size_t ntoks;
  td_ecb_mention *ments;  /* the anchored mentions, in text order
                             (first, then last, then file order)      */
  size_t nments;
  size_t problems;        /* problems reported                        */
} td_ecb_doc;

/* Parses one file's bytes xml[0..len) into *out (its previous contents
 * are not looked at). path names the file in reports. Each problem is
 * passed to report(ud, diag) (when report is not NULL) with the path,
 * the line (from 1) and the byte offset, and the piece is skipped.
 * Returns 0 when the document is usable (it has a <Document> with at
 * least one token); -1 when it is not (a final TD_ERROR report says why;
 * *out is then empty and need not be freed). */
int td_ecb_parse(td_ecb_doc *out, const char *path, const char *xml,
                 size_t len, td_diag_fn report, void *ud);

/* The same from a file; -1 (one TD_ERROR report) when it cannot be read. */
int td_ecb_read(td_ecb_doc *out, const char *path, td_diag_fn report,
                void *ud);

void td_ecb_doc_free(td_ecb_doc *d);

/* True when kind is an action (ACTION_* or NEG_ACTION_*). */
bool td_ecb_is_action(const char *kind);

#endif
