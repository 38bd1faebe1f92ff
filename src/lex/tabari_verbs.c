/*
 * tabari_verbs.c — reads the verb dictionaries of TABARI and PETRARCH (the
 * validation suite's PETR.Validate.verbs.txt in PETRARCH 1 syntax, the
 * Phoenix CAMEO.2.0.txt in PETRARCH 2 syntax) and PETRARCH discard lists,
 * into the event dictionary through its builder functions (eventdict.h).
 *
 * What a verb file holds, line by line (comments: '#' or ';' to the end of
 * the line, and <!-- ... --> over any number of lines):
 *
 *   &NAME            a synonym set; the '+' lines that follow are its
 *   +WORD WORD       phrases (words joined by spaces or '_'), and a phrase
 *   +&OTHER          may name another set, whose phrases are copied in
 *                    (the set must be defined before). A final '_' on the
 *                    set's name or on a phrase: no plural of its last word.
 *   --- NAME [CODE] ---
 *                    starts a block; CODE is the default of its verbs
 *                    ("---" or no code: none).
 *   VERB {FORMS} [CODE]
 *                    a verb of the block, in its base form, with its
 *                    irregular forms and its own code (both optional).
 *   +VERB_WORD {+VERBS_WORD ...}, VERB_WORD, VERB WORD, WORD_+VERB
 *                    a multi-word verb: the word marked '+' (else the
 *                    first) is the verb; the words are consecutive.
 *   - PATTERN [CODE] a pattern of the block: '*' the verb, '$' the source,
 *                    '+' the target, '%' a compound actor that is both,
 *                    '^' any one word, &NAME any phrase of a set, other
 *                    words as written (no inflection, as PETRARCH matches
 *                    them); elements are separated by spaces
 *                    (other words may stand between them) or by '_' (the
 *                    next element must follow directly). CODE is "042",
 *                    "042:043" (and the reverse event, target to source),
 *                    ":043" (the reverse alone) or "---" (no event).
 *   ~ ...            PETRARCH 2's verb transformations: not supported,
 *                    reported and skipped.
 *
 * PETRARCH 2 writes patterns over its parse tree: "(PREP WORDS)" is a
 * prepositional phrase the verb governs and "{WORDS HEAD}" a noun phrase
 * (modifiers, then its head). Our matcher is shallow: both are flattened
 * into their words, in the order written, with other words allowed between
 * them. What is lost: that the words belong to one phrase attached to the
 * verb (PETRARCH 2 finds "(IN ^)" anywhere among the verb's prepositional
 * phrases, in any order, and the head of "{NEW RELATIONSHIP}" as the head
 * of the object, not merely a later word), so a flattened pattern can match
 * words of another clause, and miss the same phrases written in another
 * order.
 *
 * Other differences from PETRARCH, all reported or documented:
 * - Words: the verb's regular forms are always made, WordNet's irregular
 *   ones and the {FORMS} added (PETRARCH makes no regular form when
 *   {FORMS} is given). A final '_' on a pattern word (TABARI's mark of a
 *   whole word) changes nothing: every pattern word is whole.
 * - A multi-word verb whose verb is not its first word (WIRE_+TAP,
 *   RE_+ARREST): a predicate has words after its head only, so the phrase
 *   is given once for each form of its verb, led by its first word ("wire
 *   tap", "wire taps", "wire tapped", "wire tapping"): the matcher sees
 *   "wire" as the head.
 * - A block named like an earlier one (the validation file has two SHOT
 *   blocks): PETRARCH keys patterns by the block's name (PETRARCH 2) or its
 *   first verb (PETRARCH 1, where they agree), so the later block's verbs
 *   and patterns join the earlier block; so do we, and say so when its
 *   code differs (the first block's code stays; PETRARCH takes the last).
 * - A verb given in two blocks: the first counts (PETRARCH takes the
 *   last); the second is reported.
 * - TABARI's alternatives in a pattern ("{A | B}") are not read (PETRARCH
 *   skips them too): reported and skipped.
 *
 * Discard lists: one phrase a line; '+' first makes it a story discard
 * (the whole story is not coded), else a sentence discard. A final '_'
 * means the phrase must end there; without it PETRARCH matches any word
 * that starts with the last word (a stem): we match its plurals only.
 * Matching is case-insensitive.
 *
 * A bad line is reported (file, line, what is wrong) and skipped; the rest
 * of the file still loads.
 */
#include "eventdict.h"
#include "tabari_file.h"

#include "../text/text.h"
#include "inflect.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>

/* Limits that keep a hostile file from blowing up. */
#define TD_V_MAX_ELEMS 64     /* elements of one pattern                */
#define TD_V_MAX_WORDS 16     /* words of one verb or one set phrase    */
#define TD_V_MAX_FORMS 32     /* irregular forms of one verb            */
#define TD_V_MAX_EXPAND 1024  /* phrases one set line may expand to     */
#define TD_V_MAX_PHRASE 4096  /* phrases one set may hold (for copies)  */

/* ---- Reading lines ------------------------------------------------------- */

/* The next line with something on it once comments are removed, trimmed
 * both sides, tabs and CRs as spaces; false at the end of the file. */
static bool td_vfile_next(td_tfile *f, const char **s, size_t *n,
                          td_dict_report *rep) {
  char *b;
  size_t k;
  if (!td_tfile_next(f, &b, &k, rep))
    return false;
  for (size_t i = 0; i < k; i++)
    if (b[i] == '\t' || b[i] == '\r')
      b[i] = ' ';
  size_t a = 0;
  while (a < k && b[a] == ' ')
    a++;
  *s = b + a;
  *n = k - a;
  return true;
}

/* ---- Words --------------------------------------------------------------- */

/* A word of the file in lower case (ASCII letters; other bytes as they are)
 * into out (cap bytes); false if it does not fit or is empty. */
static bool td_vword(const char *s, size_t n, char *out, size_t cap) {
  if (n == 0 || n >= cap)
    return false;
  for (size_t i = 0; i < n; i++)
    out[i] = (char)tolower((unsigned char)s[i]);
  out[n] = 0;
  return true;
}

/* Where a word is cut as the tokenizer cuts the text: "don't" is "do" and
 * "n't", "Libya's" "libya" and "'s". Returns the length of the first part
 * (n when the word is not cut). */
static size_t td_vclitic(const char *s, size_t n) {
  if (n > 3 && !strncmp(s + n - 3, "n't", 3))
    return n - 3;
  if (n > 2 && (!strncmp(s + n - 2, "'s", 2)))
    return n - 2;
  return n;
}

/* ---- The loader's state -------------------------------------------------- */

/* A phrase of a set, as lemmas, kept so that a later set can copy it. */
typedef struct td_vphrase {
  uint32_t *w;
  size_t n;
} td_vphrase;

typedef struct td_vset {
  char *name;
  uint32_t index; /* td_eventdict set index */
  TD_VEC(td_vphrase) phrases;
} td_vset;

typedef struct td_vblockinfo {
  uint32_t block;
  long line;
  td_ecode code;
} td_vblockinfo;

typedef struct td_vload {
  td_eventdict *d;
  td_dict_report *rep;
  const char *path;
  uint32_t file;
  long line;
  long block;      /* current block, -1 before the first  */
  long set;        /* the set being defined (index into sets), or -1 */
  long set_line;   /* where its definition started */
  bool set_noplural;
  TD_VEC(td_vset) sets;
  td_strmap *set_index; /* name -> index into sets        */
  td_strmap *blocks;    /* block name (upper case) -> index into binfo */
  TD_VEC(td_vblockinfo) binfo;
  td_strmap *verbs;     /* verbs given in this file -> their block */
} td_vload;

static void td_vload_free(td_vload *L) {
  for (size_t i = 0; i < L->sets.n; i++) {
    td_vset *s = &L->sets.v[i];
    for (size_t j = 0; j < s->phrases.n; j++)
      td_free(s->phrases.v[j].w);
    td_vec_free(&s->phrases);
    td_free(s->name);
  }
  td_vec_free(&L->sets);
  td_vec_free(&L->binfo);
  if (L->set_index)
    td_strmap_free(L->set_index);
  if (L->blocks)
    td_strmap_free(L->blocks);
  if (L->verbs)
    td_strmap_free(L->verbs);
}

#define REPORT(L, ...) td_tabari_report((L)->rep, (L)->path, (L)->line, __VA_ARGS__)

/* Splits "TEXT [CODE]" at its last bracket group, which must end the line.
 * *code_s is NULL when there is none. */
static bool td_vsplit_code(const char *s, size_t n, size_t *tn,
                           const char **code_s, size_t *code_n,
                           const char **why) {
  *code_s = NULL;
  *tn = n;
  if (!n || s[n - 1] != ']') {
    for (size_t i = 0; i < n; i++)
      if (s[i] == '[' || s[i] == ']') {
        *why = s[i] == '[' ? "a code opened with [ is not closed at the end "
                             "of the line"
                           : "unexpected ]";
        return false;
      }
    return true;
  }
  size_t open = n - 1;
  while (open > 0 && s[open - 1] != '[' && s[open - 1] != ']')
    open--;
  if (open == 0 || s[open - 1] != '[') {
    *why = "a code closed with ] is not opened";
    return false;
  }
  open--;
  *code_s = s + open + 1;
  *code_n = n - 1 - open - 1;
  *tn = open;
  while (*tn && s[*tn - 1] == ' ')
    (*tn)--;
  return true;
}

/* Parses a code (trimmed). */
static bool td_vcode(td_vload *L, const char *s, size_t n, td_ecode *out,
                     const char **why) {
  while (n && s[0] == ' ')
    s++, n--;
  while (n && s[n - 1] == ' ')
    n--;
  if (!n) {
    *why = "empty code";
    return false;
  }
  return td_ed_code(s, n, out, why);
}

/* ---- Synonym sets -------------------------------------------------------- */

static long td_vset_find(td_vload *L, const char *name, size_t n) {
  uint32_t v;
  if (L->set_index && td_strmap_get(L->set_index, name, n, &v))
    return (long)v;
  return -1;
}

/* "&NAME" or "&NAME_": starts the definition of a set. */
static void td_vset_start(td_vload *L, const char *s, size_t n) {
  L->set = -1;
  s++, n--; /* '&' */
  size_t k = 0;
  while (k < n && s[k] != ' ')
    k++;
  if (k < n) {
    REPORT(L, "a synonym set's line holds only its name (&NAME): %.*s",
           (int)n + 1, s - 1);
    return;
  }
  bool noplural = k && s[k - 1] == '_';
  if (noplural)
    k--;
  if (!k) {
    REPORT(L, "a synonym set needs a name (&NAME)");
    return;
  }
  char name[256];
  if (k >= sizeof(name)) {
    REPORT(L, "the name of a synonym set is too long");
    return;
  }
  for (size_t i = 0; i < k; i++)
    name[i] = (char)toupper((unsigned char)s[i]);
  name[k] = 0;
  long i = td_vset_find(L, name, k);
  if (i >= 0) {
    REPORT(L, "synonym set &%s is defined again: its phrases are added to "
              "the first definition",
           name);
  } else {
    td_vset vs;
    memset(&vs, 0, sizeof(vs));
    vs.name = td_strndup(name, k);
    vs.index = td_ed_set(L->d, name, k);
    if (!L->set_index)
      L->set_index = td_strmap_new();
    i = (long)L->sets.n;
    td_strmap_put(L->set_index, name, k, (uint32_t)i);
    td_vec_push(&L->sets, vs);
  }
  L->set = i;
  L->set_line = L->line;
  L->set_noplural = noplural;
}

/* The lemma of a word of a set phrase or a pattern; 0 (reported) if the
 * word makes no form. */
static uint32_t td_vlemma(td_vload *L, const char *w, size_t n, bool exact) {
  char word[128];
  if (!td_vword(w, n, word, sizeof(word))) {
    REPORT(L, "a word is too long: %.*s", (int)TD_MIN(n, 64), w);
    return 0;
  }
  uint32_t id = td_ed_word(L->d, word, exact);
  if (!id)
    REPORT(L, "not a word the text can have: %s", word);
  return id;
}

/* Adds phrase (lemmas) to set s, and to our copy. */
static void td_vset_add(td_vload *L, td_vset *s, const uint32_t *w, size_t n) {
  if (s->phrases.n >= TD_V_MAX_PHRASE)
    return;
  td_ed_set_add(L->d, s->index, w, n);
  td_vphrase p;
  p.w = td_malloc(n * sizeof(uint32_t));
  memcpy(p.w, w, n * sizeof(uint32_t));
  p.n = n;
  td_vec_push(&s->phrases, p);
}

/* One item of a set phrase: a word (its lemma) or another set. */
typedef struct td_vitem {
  uint32_t lemma;
  long set;     /* index into L->sets, or -1 */
  bool is_set;  /* a set (maybe of an earlier file: set -1) */
  uint32_t ed;  /* its td_eventdict index */
} td_vitem;

/* Adds every phrase the items expand to (sets multiply). */
static void td_vset_expand(td_vload *L, td_vset *dst, const td_vitem *it,
                           size_t n, size_t i, uint32_t *acc, size_t na,
                           long *left) {
  if (*left <= 0)
    return;
  if (i == n) {
    if (na) {
      td_vset_add(L, dst, acc, na);
      (*left)--;
    }
    return;
  }
  if (!it[i].is_set) {
    if (na >= TD_V_MAX_WORDS * 2)
      return;
    acc[na] = it[i].lemma;
    td_vset_expand(L, dst, it, n, i + 1, acc, na + 1, left);
    return;
  }
  /* the source set is not dst (refused before), so adding to dst does not
   * move its phrases */
  size_t np = L->sets.v[it[i].set].phrases.n;
  for (size_t j = 0; j < np && *left > 0; j++) {
    const td_vphrase *p = &L->sets.v[it[i].set].phrases.v[j];
    if (na + p->n > TD_V_MAX_WORDS * 2)
      continue;
    memcpy(acc + na, p->w, p->n * sizeof(uint32_t));
    td_vset_expand(L, dst, it, n, i + 1, acc, na + p->n, left);
  }
}

/* Parses "&NAME" (k bytes at s) into an item; false (reported) if the set
 * is not defined before. */
static bool td_vset_ref(td_vload *L, const char *s, size_t k, td_vitem *it) {
  char name[256];
  if (k && s[k - 1] == '_')
    k--;
  if (k < 2 || k - 1 >= sizeof(name)) {
    REPORT(L, "a synonym set needs a name: %.*s", (int)k, s);
    return false;
  }
  for (size_t j = 0; j + 1 < k; j++)
    name[j] = (char)toupper((unsigned char)s[1 + j]);
  name[k - 1] = 0;
  memset(it, 0, sizeof(*it));
  it->is_set = true;
  it->set = td_vset_find(L, name, k - 1);
  uint32_t v;
  if (it->set < 0 && !td_strmap_get(L->d->sets, name, k - 1, &v)) {
    REPORT(L, "synonym set &%s is not defined before it is used", name);
    return false;
  }
  it->ed = td_ed_set(L->d, name, k - 1);
  return true;
}

/* "+WORD WORD_WORD" or "+&OTHER" inside a set definition. */
static void td_vset_phrase(td_vload *L, const char *s, size_t n) {
  td_vset *dst = &L->sets.v[L->set];
  s++, n--; /* '+' */
  while (n && s[0] == ' ')
    s++, n--;
  bool noplural = L->set_noplural;
  if (n && s[n - 1] == '_') {
    noplural = true;
    while (n && (s[n - 1] == '_' || s[n - 1] == ' '))
      n--;
  }
  if (!n) {
    REPORT(L, "an empty phrase in synonym set &%s", dst->name);
    return;
  }
  td_vitem it[TD_V_MAX_WORDS];
  size_t ni = 0;
  for (size_t i = 0; i < n;) {
    while (i < n && (s[i] == ' ' || s[i] == '_'))
      i++;
    size_t a = i;
    while (i < n && s[i] != ' ' && s[i] != '_')
      i++;
    if (a == i)
      continue;
    if (ni + 2 > TD_V_MAX_WORDS) {
      REPORT(L, "a phrase of synonym set &%s has more than %d words",
             dst->name, TD_V_MAX_WORDS - 2);
      return;
    }
    if (s[a] == '&') {
      if (!td_vset_ref(L, s + a, i - a, &it[ni]))
        return;
      if (it[ni].ed == dst->index) {
        REPORT(L, "synonym set &%s contains itself", dst->name);
        return;
      }
      ni++;
      continue;
    }
    /* the words are matched as written; only the last may be plural */
    size_t cut = td_vclitic(s + a, i - a);
    memset(&it[ni], 0, sizeof(it[ni]));
    if (!(it[ni++].lemma = td_vlemma(L, s + a, cut, true)))
      return;
    if (cut < i - a) {
      memset(&it[ni], 0, sizeof(it[ni]));
      if (!(it[ni++].lemma = td_vlemma(L, s + a + cut, i - a - cut, true)))
        return;
    } else if (i == n && !noplural) {
      /* the last word with its inflections (the plural) */
      if (!(it[ni - 1].lemma = td_vlemma(L, s + a, cut, false)))
        return;
    }
  }
  if (ni == 1 && it[0].is_set) {
    /* a set inside a set: every phrase of it, resolved when the dictionary
     * is finished (so an earlier file's set works too) */
    td_ed_set_include(L->d, dst->index, it[0].ed);
    if (it[0].set >= 0) {
      const td_vset *src = &L->sets.v[it[0].set];
      for (size_t j = 0; j < src->phrases.n; j++) {
        if (dst->phrases.n >= TD_V_MAX_PHRASE)
          break;
        td_vphrase p;
        p.n = src->phrases.v[j].n;
        p.w = td_malloc(p.n * sizeof(uint32_t));
        memcpy(p.w, src->phrases.v[j].w, p.n * sizeof(uint32_t));
        td_vec_push(&dst->phrases, p);
      }
    }
    return;
  }
  for (size_t i = 0; i < ni; i++)
    if (it[i].is_set && it[i].set < 0) {
      REPORT(L, "a synonym set inside a phrase of words must be defined in "
                "the same file");
      return;
    }
  uint32_t acc[TD_V_MAX_WORDS * 2];
  long left = TD_V_MAX_EXPAND;
  td_vset_expand(L, dst, it, ni, 0, acc, 0, &left);
  if (left <= 0)
    REPORT(L, "the phrase expands to more than %d phrases: the rest are "
              "left out",
           TD_V_MAX_EXPAND);
}

/* ---- Blocks and verbs ---------------------------------------------------- */

/* "--- NAME [CODE] ---" */
static void td_vblock(td_vload *L, const char *s, size_t n) {
  size_t i = 0;
  while (i < n && s[i] == '-')
    i++;
  /* the closing dashes ("---", "]---  ---") */
  size_t e = n;
  while (e > i && (s[e - 1] == '-' || s[e - 1] == ' '))
    e--;
  const char *open = memchr(s + i, '[', e - i);
  size_t ne = open ? (size_t)(open - s) : e;
  while (i < ne && s[i] == ' ')
    i++;
  size_t nn = ne;
  while (nn > i && s[nn - 1] == ' ')
    nn--;
  td_ecode code;
  memset(&code, 0, sizeof(code));
  if (open) {
    const char *close = memchr(open, ']', (size_t)(s + e - open));
    if (!close) {
      REPORT(L, "a code opened with [ is not closed: %.*s", (int)n, s);
    } else {
      const char *why = NULL;
      if (!td_vcode(L, open + 1, (size_t)(close - open - 1), &code, &why)) {
        REPORT(L, "%s: [%.*s]; the block has no default code", why,
               (int)(close - open - 1), open + 1);
        memset(&code, 0, sizeof(code));
      }
      const char *more = close + 1;
      while (more < s + e && *more == ' ')
        more++;
      if (more < s + e)
        REPORT(L, "only the first code of a block is used: %.*s is ignored",
               (int)(s + e - more), more);
    }
  }
  if (nn == i) {
    REPORT(L, "a block needs a name (--- NAME [CODE] ---)");
    /* still a block: its verbs must not join the previous one */
    L->block = (long)td_ed_block(L->d, s + i, 0, &code);
    return;
  }
  /* PETRARCH keys a block's patterns by its name (PETRARCH 2) or its first
   * verb (PETRARCH 1, where the two agree): a block named again adds its
   * verbs and patterns to the first one */
  char key[256];
  size_t kn = TD_MIN(nn - i, sizeof(key));
  for (size_t k = 0; k < kn; k++)
    key[k] = (char)toupper((unsigned char)s[i + k]);
  uint32_t prev;
  if (L->blocks && td_strmap_get(L->blocks, key, kn, &prev)) {
    const td_vblockinfo *bi = &L->binfo.v[prev];
    if (strcmp(bi->code.code, code.code) || strcmp(bi->code.code2, code.code2))
      REPORT(L, "block %.*s is given again (line %ld): its verbs and "
                "patterns join that block, whose code stays",
             (int)(nn - i), s + i, bi->line);
    L->block = (long)bi->block;
    return;
  }
  L->block = (long)td_ed_block(L->d, s + i, nn - i, &code);
  td_vblockinfo bi = {(uint32_t)L->block, L->line, code};
  if (!L->blocks)
    L->blocks = td_strmap_new();
  td_strmap_put(L->blocks, key, kn, (uint32_t)L->binfo.n);
  td_vec_push(&L->binfo, bi);
}

/* Splits a verb phrase ("+BREAK_DOWN", "CLEAR_UP", "LASH OUT", "ABANDON")
 * into lower-case words; *head is the index of the verb. */
static bool td_vverb_words(const char *s, size_t n, char words[][64],
                           size_t *nw, size_t *head, const char **why) {
  *nw = 0;
  *head = 0;
  bool marked = false;
  for (size_t i = 0; i < n;) {
    while (i < n && (s[i] == ' ' || s[i] == '_'))
      i++;
    if (i == n)
      break;
    bool plus = s[i] == '+';
    if (plus) {
      if (marked) {
        *why = "a multi-word verb marks one word with +";
        return false;
      }
      marked = true;
      *head = *nw;
      i++;
    }
    size_t a = i;
    while (i < n && s[i] != ' ' && s[i] != '_')
      i++;
    if (a == i) {
      *why = "+ must mark a word";
      return false;
    }
    if (*nw == TD_V_MAX_WORDS) {
      *why = "a verb has too many words";
      return false;
    }
    if (!td_vword(s + a, i - a, words[*nw], 64)) {
      *why = "a word is too long";
      return false;
    }
    for (size_t k = 0; words[*nw][k]; k++) {
      unsigned char c = (unsigned char)words[*nw][k];
      if (c == '+' || c == '&' || c == '*' || c == '$' || c == '%' ||
          c == '^' || c == '{' || c == '}' || c == '(' || c == ')') {
        *why = "a verb is made of words (no + & * $ % ^ or brackets inside)";
        return false;
      }
    }
    (*nw)++;
  }
  if (!*nw) {
    *why = "no verb";
    return false;
  }
  return true;
}

/* Adds a predicate (words[0] its head) to the current block; false
 * (reported) if it is refused. The same verb given again in its block (a
 * block named twice, or a second line for the verb) is passed over; if
 * that line gives forms or a code, it is reported. */
static bool td_vadd(td_vload *L, char words[][64], size_t nw,
                    const char *const *extra, size_t nextra,
                    const td_ecode *code, const char *s, size_t n) {
  const char *wp[TD_V_MAX_WORDS];
  char key[TD_V_MAX_WORDS * 65];
  size_t kn = 0;
  for (size_t k = 0; k < nw; k++) {
    wp[k] = words[k];
    size_t wl = strlen(words[k]);
    if (k)
      key[kn++] = ' ';
    memcpy(key + kn, words[k], wl);
    kn += wl;
  }
  uint32_t prev;
  if (L->verbs && td_strmap_get(L->verbs, key, kn, &prev) &&
      prev == (uint32_t)L->block) {
    if (nextra || code)
      REPORT(L, "%.*s is already a verb of this block: the forms and code "
                "of this line are not used",
             (int)kn, key);
    return true;
  }
  const char *why = NULL;
  if (td_ed_pred(L->d, (uint32_t)L->block, TD_EP_VERB, wp, nw, extra, nextra,
                 code, L->file, (uint32_t)L->line, &why)) {
    if (!L->verbs)
      L->verbs = td_strmap_new();
    td_strmap_put(L->verbs, key, kn, (uint32_t)L->block);
    return true;
  }
  REPORT(L, "%s: %.*s", why ? why : "the verb is refused", (int)n, s);
  return false;
}

/* A verb line of the current block. */
static void td_vverb(td_vload *L, const char *s, size_t n) {
  if (L->block < 0) {
    REPORT(L, "a verb before any block (--- NAME [CODE] ---): %.*s", (int)n,
           s);
    return;
  }
  const char *why = NULL, *cs;
  size_t tn, cn;
  if (!td_vsplit_code(s, n, &tn, &cs, &cn, &why)) {
    REPORT(L, "%s: %.*s", why, (int)n, s);
    return;
  }
  td_ecode code;
  if (cs && !td_vcode(L, cs, cn, &code, &why)) {
    REPORT(L, "%s: [%.*s]", why, (int)cn, cs);
    return;
  }
  /* VERB {FORMS} */
  const char *brace = memchr(s, '{', tn);
  const char *bend = brace ? memchr(brace, '}', tn - (size_t)(brace - s))
                           : NULL;
  if ((brace && !bend) || (!brace && memchr(s, '}', tn))) {
    REPORT(L, "irregular forms are written {FORM FORM}: %.*s", (int)n, s);
    return;
  }
  if (bend) {
    for (const char *p = bend + 1; p < s + tn; p++)
      if (*p != ' ') {
        REPORT(L, "unexpected text after the irregular forms: %.*s",
               (int)(s + tn - p), p);
        return;
      }
  }
  size_t pn = brace ? (size_t)(brace - s) : tn;
  while (pn && s[pn - 1] == ' ')
    pn--;
  char words[TD_V_MAX_WORDS][64];
  size_t nw, head;
  if (!td_vverb_words(s, pn, words, &nw, &head, &why)) {
    REPORT(L, "%s: %.*s", why, (int)n, s);
    return;
  }
  /* the irregular forms: of the verb, or of the whole phrase with the
   * same other words */
  char forms[TD_V_MAX_FORMS][64];
  const char *extra[TD_V_MAX_FORMS];
  size_t nextra = 0;
  if (brace) {
    const char *p = brace + 1;
    while (p < bend) {
      while (p < bend && (*p == ' ' || *p == ','))
        p++;
      const char *a = p;
      while (p < bend && *p != ' ' && *p != ',')
        p++;
      if (a == p)
        break;
      char fw[TD_V_MAX_WORDS][64];
      size_t fn, fh;
      if (!td_vverb_words(a, (size_t)(p - a), fw, &fn, &fh, &why)) {
        REPORT(L, "%s: the form %.*s is ignored", why, (int)(p - a), a);
        continue;
      }
      bool same = fn == nw && fh == head;
      for (size_t k = 0; same && k < nw; k++)
        if (k != head && strcmp(fw[k], words[k]))
          same = false;
      if (!same) {
        REPORT(L, "the form %.*s does not have the words of %.*s: ignored",
               (int)(p - a), a, (int)pn, s);
        continue;
      }
      if (nextra == TD_V_MAX_FORMS) {
        REPORT(L, "more than %d irregular forms: the rest are ignored",
               TD_V_MAX_FORMS);
        break;
      }
      memcpy(forms[nextra], fw[fh], 64);
      extra[nextra] = forms[nextra];
      nextra++;
    }
  }
  if (head == 0) {
    td_vadd(L, words, nw, extra, nextra, cs ? &code : NULL, s, n);
    return;
  }
  /* The verb is not the first word (WIRE_+TAP): a predicate has words
   * after its head only, so the phrase is given once for each form of its
   * verb, led by its first word ("wire tap", "wire tapped", ...). */
  char vf[4 + TD_V_MAX_FORMS + 64][64];
  size_t nvf = 0;
  td_verb_forms(words[head], vf);
  nvf = 4;
  for (size_t k = 0; k < nextra; k++)
    memcpy(vf[nvf++], extra[k], 64);
  for (size_t k = 0; L->d->wn && k < L->d->wn->verb.n && nvf < TD_COUNT(vf);
       k++)
    if (!strcmp(L->d->wn->verb.v[k].base, words[head]) &&
        strlen(L->d->wn->verb.v[k].form) < 64)
      strcpy(vf[nvf++], L->d->wn->verb.v[k].form);
  for (size_t k = 0; k < nvf; k++) {
    bool dup = false;
    for (size_t j = 0; j < k && !dup; j++)
      dup = !strcmp(vf[j], vf[k]);
    if (dup)
      continue;
    memcpy(words[head], vf[k], 64);
    if (!td_vadd(L, words, nw, NULL, 0, cs ? &code : NULL, s, n))
      break;
  }
}

/* ---- Patterns ------------------------------------------------------------ */

/* "- ELEMENTS [CODE]" */
static void td_vpattern(td_vload *L, const char *s, size_t n) {
  if (L->block < 0) {
    REPORT(L, "a pattern before any block (--- NAME [CODE] ---)");
    return;
  }
  s++, n--; /* '-' */
  const char *why = NULL, *cs;
  size_t tn, cn;
  if (!td_vsplit_code(s, n, &tn, &cs, &cn, &why)) {
    REPORT(L, "%s: -%.*s", why, (int)n, s);
    return;
  }
  if (!cs) {
    REPORT(L, "a pattern needs a code ([CODE] at the end): -%.*s", (int)n, s);
    return;
  }
  td_ecode code;
  if (!td_vcode(L, cs, cn, &code, &why)) {
    REPORT(L, "%s: [%.*s]", why, (int)cn, cs);
    return;
  }
  if (memchr(s, '|', tn)) {
    REPORT(L, "TABARI's alternatives {A | B} in a pattern are not supported "
              "(use a synonym set): -%.*s",
           (int)n, s);
    return;
  }
  /* flatten PETRARCH 2's (PREP ...) and {NOUN PHRASE}: the brackets must
   * pair up; the words stay in their order */
  char stack[32];
  size_t depth = 0;
  for (size_t i = 0; i < tn; i++) {
    char c = s[i];
    if (c == '(' || c == '{') {
      if (depth == sizeof(stack)) {
        REPORT(L, "brackets nested too deep: -%.*s", (int)n, s);
        return;
      }
      stack[depth++] = c == '(' ? ')' : '}';
    } else if (c == ')' || c == '}') {
      if (!depth || stack[depth - 1] != c) {
        REPORT(L, "unbalanced %c in the pattern: -%.*s", c, (int)n, s);
        return;
      }
      depth--;
    }
  }
  if (depth) {
    REPORT(L, "%c is not closed in the pattern: -%.*s", stack[depth - 1] == ')'
                                                           ? '('
                                                           : '{',
           (int)n, s);
    return;
  }
  td_pelem el[TD_V_MAX_ELEMS];
  size_t ne = 0;
  bool adj = false; /* the next element must follow directly */
  for (size_t i = 0; i < tn;) {
    char c = s[i];
    if (c == ' ' || c == '(' || c == ')' || c == '{' || c == '}') {
      /* "WORD_ " is an open match, as PETRARCH reads it */
      adj = false;
      i++;
      continue;
    }
    if (c == '_') {
      adj = ne > 0;
      i++;
      continue;
    }
    size_t a = i;
    if (c == '*') /* the verb stands alone even when written "*WORD" */
      i++;
    else
      while (i < tn && s[i] != ' ' && s[i] != '_' && s[i] != '(' &&
             s[i] != ')' && s[i] != '{' && s[i] != '}' && s[i] != '*')
        i++;
    if (ne + 2 > TD_V_MAX_ELEMS) {
      REPORT(L, "a pattern has more than %d elements", TD_V_MAX_ELEMS - 2);
      return;
    }
    td_pelem e;
    memset(&e, 0, sizeof(e));
    e.flags = adj ? TD_PE_ADJ : 0;
    size_t k = i - a;
    if (k == 1 && strchr("*$+%^", s[a])) {
      e.kind = s[a] == '*'   ? TD_PE_PRED
               : s[a] == '$' ? TD_PE_SOURCE
               : s[a] == '+' ? TD_PE_TARGET
               : s[a] == '%' ? TD_PE_BOTH
                             : TD_PE_ANY;
    } else if (s[a] == '&') {
      td_vitem ref;
      if (!td_vset_ref(L, s + a, k, &ref))
        return;
      e.kind = TD_PE_SET;
      e.value = ref.ed;
    } else {
      for (size_t j = a; j < i; j++)
        if (strchr("$%^&+", s[j])) {
          REPORT(L, "%.*s: a pattern's elements are separated by spaces or "
                    "_ (* $ + %% ^ & stand alone)",
                 (int)k, s + a);
          return;
        }
      /* matched as written, as PETRARCH matches pattern words */
      size_t cut = td_vclitic(s + a, k);
      uint32_t l = td_vlemma(L, s + a, cut, true);
      if (!l)
        return;
      e.kind = TD_PE_WORD;
      e.value = l;
      e.flags |= TD_PE_EXACT;
      if (cut < k) {
        el[ne++] = e;
        memset(&e, 0, sizeof(e));
        l = td_vlemma(L, s + a + cut, k - cut, true);
        if (!l)
          return;
        e.kind = TD_PE_WORD;
        e.value = l;
        e.flags = TD_PE_ADJ | TD_PE_EXACT;
      }
    }
    el[ne++] = e;
    adj = false;
  }
  if (!td_ed_pattern(L->d, (uint32_t)L->block, el, ne, &code, L->file,
                     (uint32_t)L->line, &why))
    REPORT(L, "%s: -%.*s", why ? why : "the pattern is refused", (int)n, s);
}

/* ---- The file ------------------------------------------------------------ */

bool td_tabari_load_verbs(td_eventdict *d, const char *path,
                          td_dict_report *rep, td_diag *err) {
  td_tfile f;
  if (!td_tfile_open(&f, path, err))
    return false;
  td_vload L;
  memset(&L, 0, sizeof(L));
  L.d = d;
  L.rep = rep;
  L.path = path;
  L.file = td_ed_file(d, path);
  L.block = -1;
  L.set = -1;
  /* TABARI matches a pattern's words anywhere later in the clause: its
   * patterns get a wider gap than ours */
  uint8_t gap = d->gap;
  d->gap = 8;
  const char *s;
  size_t n;
  while (td_vfile_next(&f, &s, &n, rep)) {
    L.line = f.line;
    char c = s[0];
    if (c == '+' && L.set >= 0) {
      td_vset_phrase(&L, s, n);
      continue;
    }
    if (L.set >= 0 && !L.sets.v[L.set].phrases.n)
      td_tabari_report(rep, path, L.set_line, "synonym set &%s has no phrase",
                 L.sets.v[L.set].name);
    L.set = -1;
    if (n >= 3 && !memcmp(s, "---", 3))
      td_vblock(&L, s, n);
    else if (c == '-')
      td_vpattern(&L, s, n);
    else if (c == '&')
      td_vset_start(&L, s, n);
    else if (c == '~')
      REPORT(&L, "PETRARCH 2's verb transformations (~) are not supported: "
                 "skipped");
    else if (c == '<' || c == '>')
      REPORT(&L, "unexpected markup: %.*s", (int)TD_MIN(n, 80), s);
    else
      td_vverb(&L, s, n);
  }
  if (L.set >= 0 && !L.sets.v[L.set].phrases.n)
    td_tabari_report(rep, path, L.set_line, "synonym set &%s has no phrase",
               L.sets.v[L.set].name);
  if (f.in_xml)
    td_tabari_report(rep, path, f.line, "a comment opened with <!-- is not closed");
  td_vload_free(&L);
  d->gap = gap;
  td_tfile_close(&f);
  return true;
}

/* ---- Discards ------------------------------------------------------------ */

bool td_tabari_load_discards(td_lexicon *lx, const char *path,
                             td_dict_report *rep, td_diag *err) {
  td_tfile f;
  if (!td_tfile_open(&f, path, err))
    return false;
  const char *s;
  size_t n;
  td_buf ph = {0};
  while (td_vfile_next(&f, &s, &n, rep)) {
    uint32_t story = 0;
    if (s[0] == '+') {
      story = 1;
      s++, n--;
      while (n && s[0] == ' ')
        s++, n--;
    }
    unsigned flags = TD_PH_ICASE | TD_PH_INFLECT;
    if (n && s[n - 1] == '_') {
      flags &= ~(unsigned)TD_PH_INFLECT;
      while (n && (s[n - 1] == '_' || s[n - 1] == ' '))
        n--;
    }
    if (!n) {
      td_tabari_report(rep, path, f.line, "an empty discard phrase");
      continue;
    }
    ph.len = 0;
    for (size_t i = 0; i < n; i++)
      td_buf_addc(&ph, s[i] == '_' ? ' ' : s[i]);
    const char *why;
    if (!td_lexicon_add(lx, td_buf_cstr(&ph), ph.len, flags, TD_LX_DISCARD,
                        story, &why))
      td_tabari_report(rep, path, f.line, "%s: %.*s", why, (int)n, s);
  }
  if (f.in_xml)
    td_tabari_report(rep, path, f.line, "a comment opened with <!-- is not closed");
  td_buf_free(&ph);
  td_tfile_close(&f);
  return true;
}
