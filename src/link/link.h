/*
 * link.h — cross-document linking, the stage after the extractors: what a
 * document leaves for linking (its digest), stories (documents that report
 * the same happening), canonical events (mentions of one real-world event
 * merged across documents), the facts each source gives compared, and the
 * timeline. The collection (collection.c) owns all of it; the public face
 * is td_collection in tidings.h.
 */
#ifndef TD_LINK_H
#define TD_LINK_H

#include "../core/core.h"

/* ---- Dates as intervals ------------------------------------------------ */

/* Granularities, coarse to fine. */
enum {
  TD_GRAN_NONE = 0,
  TD_GRAN_DECADE,
  TD_GRAN_YEAR,
  TD_GRAN_HALF,
  TD_GRAN_QUARTER,
  TD_GRAN_MONTH,
  TD_GRAN_WEEK,
  TD_GRAN_DAY
};

/* A TimeML date value as the days it covers: [lo, hi] in days since
 * 1970-01-01. gran TD_GRAN_NONE when the value is not a calendar date. */
typedef struct td_lk_when {
  long lo, hi;
  uint8_t gran;
} td_lk_when;

bool td_lk_when_parse(const char *value, td_lk_when *out);
const char *td_lk_gran_name(uint8_t gran);

/* How two values of one attribute compare. */
typedef enum td_lk_status {
  TD_LK_AGREE = 0,  /* the same value                                  */
  TD_LK_COMPATIBLE, /* different, but both can be true (one is more precise
                       or approximate)                                  */
  TD_LK_CONFLICT,   /* they cannot both be true                          */
  TD_LK_SINGLE      /* only one source gives it                         */
} td_lk_status;
const char *td_lk_status_name(td_lk_status s);

/* Same, compatible (one interval holds the other) or conflict. */
td_lk_status td_lk_when_cmp(const td_lk_when *a, const td_lk_when *b);
/* Days between two intervals, 0 when they overlap. */
long td_lk_when_gap(const td_lk_when *a, const td_lk_when *b);

/* ---- Digests: what linking keeps of a document -------------------------- */

typedef struct td_lk_actor {
  const char *code; /* CAMEO actor code; NULL when not coded */
  const char *text;
} td_lk_actor;

/* An event mention of a document. */
typedef struct td_lk_event {
  uint32_t start, end, sentence;
  const char *text;   /* the event's span                         */
  const char *phrase; /* how the source names it: the trigger with its
                         modifiers ("anti-terrorist measures")      */
  const char *code, *root, *plover, *mode;
  int quad;
  double goldstein;
  td_lk_actor *src, *tgt;
  uint16_t nsrc, ntgt;
  const char *date; /* TimeML value or NULL                       */
  td_lk_when when;
  uint8_t date_from;    /* td_date_from                             */
  td_span date_span;    /* the timex that dated it; empty otherwise  */
  const char *date_text;
  const char *place, *place_cc;
  td_span place_span;
  const char *place_text; /* the place as the text writes it              */
  bool place_area;     /* a region, province or country, not a settlement */
  bool place_dateline; /* the place is the dateline's, not the sentence's */
  unsigned modality;
  const char *claimed_by;
  bool ends; /* its trigger ends something ("termination"), link.txt */
} td_lk_event;

/* Kinds of facts compared across sources. */
typedef enum td_lk_kind {
  TD_LK_COUNT = 1, /* a quantity with what it counts                  */
  TD_LK_DURATION,  /* how long something lasted ("44 days")            */
  TD_LK_DATE,      /* a date the text gives ("Sept. 26")               */
  TD_LK_PLACE,     /* a place named in the story                       */
  TD_LK_NAME,      /* a person's name                                   */
  TD_LK_QUOTE,     /* a quotation with its speaker                      */
  TD_LK_FRAME,     /* a phrase with a loaded word (link.txt `frame`)     */
  TD_LK_NKINDS
} td_lk_kind;
const char *td_lk_kind_name(td_lk_kind k);

/* Bounds of an approximate value. */
enum { TD_LK_EXACT = 0, TD_LK_ABOUT, TD_LK_MORE, TD_LK_LESS, TD_LK_VAGUE };

typedef struct td_lk_fact {
  uint8_t kind;  /* td_lk_kind                                     */
  uint8_t bound; /* TD_LK_EXACT ...                                */
  bool renewal;  /* a term after "another", "further", "additional":
                    it follows a first term, it does not start with the
                    event it is said of                            */
  uint32_t start, end, sentence;
  const char *text;  /* the evidence                               */
  double value;      /* a count, or a duration in seconds           */
  td_lk_when when;   /* a date                                      */
  const char *key;   /* what must match to compare: the count's unit
                        class, a name's folded form, a quote's speaker */
  const char *label; /* shown: the unit, the name, the speaker        */
  const char *extra; /* a person's title or role; a quote's speaker ref */
  uint64_t *ctx;     /* sorted hashes of the words around it         */
  uint16_t nctx;
  int32_t event;     /* the doc event of its sentence, or -1         */
  int32_t anchor;    /* the event a term counts from: one dated from the
                        text in its sentence, else the last one before it
                        in its paragraph; -1                          */
} td_lk_fact;

/* A feature for story grouping: a hash whose low 2 bits are its class. */
enum { TD_LK_FWORD = 0, TD_LK_FNAME = 1, TD_LK_FNUM = 2, TD_LK_FDATE = 3 };

#define TD_LK_MINHASH 64 /* signature length */
#define TD_LK_BANDS 16   /* LSH bands of TD_LK_MINHASH / TD_LK_BANDS rows */

typedef struct td_digest {
  td_arena arena;
  const char *id, *path, *source, *title;
  td_date date;
  long day; /* story date in days, or LONG_MIN when unknown */
  uint32_t agency; /* its agency (td_lk_agency) numbered by the collection */
  size_t bytes, nsentences;
  uint64_t *feat; /* sorted, unique */
  size_t nfeat;
  uint32_t minhash[TD_LK_MINHASH]; /* over word 2-shingles */
  bool has_minhash;
  td_lk_event *events;
  size_t nevents;
  td_lk_fact *facts;
  size_t nfacts;
} td_digest;

typedef struct td_link_words td_link_words;
/* The word lists of data/link.txt (stop words, unit classes). */
td_link_words *td_link_words_load(const char *data_dir, td_diag *err);
void td_link_words_free(td_link_words *w);

/* Builds the digest of an annotated document (ctx: the one it was annotated
 * with, for folding). Thread-safe. */
td_digest *td_digest_new(const td_doc *doc, const td_ctx *ctx,
                         const td_link_words *words);
void td_digest_free(td_digest *d);

/* Hash of a folded word (class bits cleared). */
uint64_t td_lk_word_hash(const char *s, size_t n);

/* ---- Stories ------------------------------------------------------------ */

typedef struct td_lk_story {
  TD_VEC(uint32_t) docs; /* digests, in input order */
  long first_day, last_day;
  uint32_t canon_first, canon_end; /* its canonical events */
  /* its comparisons, framing and derived checks (compare.c keeps each
   * story's together, in the order they were found) */
  uint32_t cmp_first, cmp_end, frame_first, frame_end, derived_first,
      derived_end;
} td_lk_story;

typedef struct td_link_params {
  double threshold; /* similarity for a document to join a story */
  long window_days; /* story dates further apart never join        */
} td_link_params;

/* Groups digests[0..n) into stories, in input order: each document joins
 * the story it is most similar to (half its closest document, half the mean
 * over the story's candidate documents) when that is at least the
 * threshold (documents outside the time window are not compared), else it
 * starts a story. story_of[i] receives document i's story. */
void td_lk_group(td_digest *const *digests, size_t n,
                 const td_link_params *p, uint32_t *story_of,
                 size_t *nstories);

/* The similarity the grouping uses, for two documents of a collection with
 * document frequencies df (hash -> count) over ndocs. */
double td_lk_similarity(const td_digest *a, const td_digest *b,
                        const td_intmap *df, size_t ndocs);

/* ---- Canonical events and facts ----------------------------------------- */

typedef struct td_lk_mention {
  uint32_t doc, event; /* digest and its event */
} td_lk_mention;

typedef struct td_lk_canon {
  TD_VEC(td_lk_mention) m;
  const char *code, *root, *plover, *mode;
  double goldstein;
  int quad;
  td_lk_when when;   /* the most precise date all mentions allow */
  const char *date;  /* its value, NULL when undated             */
  uint8_t date_status; /* td_lk_status over the sources' dates   */
  bool dated;          /* some source dates it from the text     */
  uint32_t nsources, narticles;
  uint32_t story;
} td_lk_canon;

/* A compared fact: one value per source, or a pair in conflict. */
enum { TD_LK_V_FACT = 0, TD_LK_V_DATE, TD_LK_V_PLACE };

typedef struct td_lk_value {
  uint32_t doc, fact;  /* the digest and its fact (or its event)        */
  uint8_t what;        /* TD_LK_V_FACT, or an event's date or place     */
} td_lk_value;

typedef struct td_lk_cmp {
  uint8_t kind;        /* td_lk_kind                                   */
  uint8_t status;      /* td_lk_status                                 */
  int32_t canon;       /* the canonical event it belongs to, or -1     */
  uint32_t story;
  TD_VEC(td_lk_value) v;
  char note[96];       /* why: "one day apart", "±10% of about 1,200" */
} td_lk_cmp;

/* Framing: a phrase one source alone uses for a referent others report. */
typedef struct td_lk_frame {
  uint32_t story, doc;
  int32_t canon;
  td_span span;
  const char *text;
} td_lk_frame;

/* A derived check: a term from a start date gives an end date, compared
 * with an event of the story dated then. */
typedef struct td_lk_derived {
  uint32_t story, doc;
  uint32_t fact;      /* the term (a duration fact)          */
  int32_t from_canon; /* the event it starts from            */
  int32_t to_canon;   /* the event it should end at, or -1   */
  td_lk_when end;
  uint8_t status;     /* agree/compatible/conflict, single: no event to check */
} td_lk_derived;

/* The collection: digests in input order and what linking found. */
struct td_collection {
  const td_ctx *ctx;
  td_link_words *words;
  td_link_params params;
  TD_VEC(td_digest *) docs;
  td_strmap *agencies; /* agency name -> number */
  bool linked;
  uint32_t *story_of;
  TD_VEC(td_lk_story) stories;
  TD_VEC(td_lk_canon) canons;
  td_intmap *canon_of; /* (doc << 32 | event) + 1 -> canonical event */
  TD_VEC(td_lk_cmp) cmps;
  TD_VEC(td_lk_frame) frames;
  TD_VEC(td_lk_derived) derived;
  double seconds[3]; /* grouping, merging, comparing */
};

/* The event a mention stands for. */
static inline const td_lk_event *td_lk_event_of(const td_collection *c,
                                                td_lk_mention m) {
  return &c->docs.v[m.doc]->events[m.event];
}

/* Writes the day `day` (days since 1970-01-01) as YYYY-MM-DD. */
void td_lk_day_str(long day, char out[16]);

/* The timeline as SVG (svg.c). */
void td_lk_write_svg(const td_collection *c, td_buf *out);

/* The agency of a document: its source, else its id. */
const char *td_lk_agency(const td_digest *d);

/* How values i and j of a comparison compare with each other (a group's
 * status is the worst of its pairs). */
td_lk_status td_lk_pair_status(const td_collection *c, const td_lk_cmp *cm,
                               size_t i, size_t j);

/* Merges the event mentions of each story into canonical events. */
void td_lk_merge(td_collection *c);
/* Compares the facts of each story across sources. */
void td_lk_compare(td_collection *c);

#endif
