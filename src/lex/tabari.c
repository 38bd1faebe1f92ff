/*
 * tabari.c — reads the actor and agent dictionaries of TABARI and PETRARCH
 * (the Phoenix dictionaries users bring): comments (#, ;, <!-- -->),
 * primary phrases with '+' synonyms and tab-indented dated codes for
 * actors, substitution sets and plurals for agents. A bad line is reported
 * with its line number and skipped; the rest of the file still loads.
 */
#include "actordict.h"
#include "tabari_file.h"

#include "../text/text.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>

/* "YYMMDD" or "YYYYMMDD" as days since 1970; false if malformed. */
static bool td_tabari_date(const char *s, size_t n, long *days) {
  int y, m, d;
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i]))
      return false;
  if (n == 6) {
    y = (s[0] - '0') * 10 + (s[1] - '0');
    y += y <= 30 ? 2000 : 1900; /* as KEDS, TABARI and PETRARCH read it */
    s += 2;
  } else if (n == 8) {
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
        (s[3] - '0');
    s += 4;
  } else {
    return false;
  }
  m = (s[0] - '0') * 10 + (s[1] - '0');
  d = (s[2] - '0') * 10 + (s[3] - '0');
  if (!td_date_valid(y, m, d))
    return false;
  *days = td_days_from_civil(y, m, d);
  return true;
}

/* Parses the inside of [...]: CODE, CODE <D, CODE >D, CODE D-D. */
static bool td_tabari_code(const char *s, size_t n, td_xcode *c,
                           bool *dated, const char **why) {
  memset(c, 0, sizeof(*c));
  size_t i = 0, k = 0;
  while (i < n && isspace((unsigned char)s[i]))
    i++;
  while (i < n && !isspace((unsigned char)s[i]) && s[i] != '<' &&
         s[i] != '>') {
    char ch = (char)toupper((unsigned char)s[i]);
    if (!(isalnum((unsigned char)ch) || ch == '-' || ch == '+' || ch == '/' ||
          ch == '~' || ch == '_')) {
      *why = "a code has letters, digits and - + / only";
      return false;
    }
    if (k + 1 >= TD_CODE_MAX) {
      *why = "the code is too long";
      return false;
    }
    c->code[k++] = ch;
    i++;
  }
  while (i < n && isspace((unsigned char)s[i]))
    i++;
  *dated = i < n;
  c->from = -2000000000L;
  c->to = 2000000000L;
  if (!*dated)
    return k > 0 || (*why = "empty code", false);
  char op = 0;
  if (s[i] == '<' || s[i] == '>')
    op = s[i++];
  while (i < n && isspace((unsigned char)s[i]))
    i++;
  size_t a = i;
  while (i < n && isdigit((unsigned char)s[i]))
    i++;
  long d1, d2;
  if (!td_tabari_date(s + a, i - a, &d1)) {
    *why = "a date must be YYMMDD or YYYYMMDD";
    return false;
  }
  while (i < n && isspace((unsigned char)s[i]))
    i++;
  if (op == '<') {
    c->to = d1;
  } else if (op == '>') {
    c->from = d1;
  } else {
    if (i >= n || s[i] != '-') {
      *why = "a date range is DATE-DATE";
      return false;
    }
    i++;
    while (i < n && isspace((unsigned char)s[i]))
      i++;
    a = i;
    while (i < n && isdigit((unsigned char)s[i]))
      i++;
    if (!td_tabari_date(s + a, i - a, &d2)) {
      *why = "a date must be YYMMDD or YYYYMMDD";
      return false;
    }
    c->from = d1;
    c->to = d2;
  }
  while (i < n && isspace((unsigned char)s[i]))
    i++;
  if (i < n) {
    *why = "unexpected text after the date";
    return false;
  }
  return true;
}

/* Copies a TABARI phrase with '_' turned into spaces and no final '_'. */
static size_t td_tabari_phrase(const char *s, size_t n, char *out, size_t cap) {
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '_'))
    n--;
  while (n && (s[0] == ' ' || s[0] == '\t'))
    s++, n--;
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < cap; i++)
    out[k++] = s[i] == '_' || s[i] == '\t' ? ' ' : s[i];
  out[k] = 0;
  return k;
}

/* Splits "PHRASE [CODE]" at the bracket; code_s is NULL if none. */
static bool td_split_code(const char *s, size_t n, size_t *pn,
                          const char **code_s, size_t *code_n,
                          const char **why) {
  const char *open = memchr(s, '[', n);
  *code_s = NULL;
  *pn = n;
  if (!open)
    return true;
  *pn = (size_t)(open - s);
  const char *close = NULL;
  for (const char *p = open + 1; p < s + n; p++)
    if (*p == ']' || *p == '}') {
      close = p;
      break;
    }
  if (!close) {
    *why = "a code opened with [ is not closed";
    return false;
  }
  for (const char *p = close + 1; p < s + n; p++)
    if (!isspace((unsigned char)*p)) {
      *why = "unexpected text after the code";
      return false;
    }
  *code_s = open + 1;
  *code_n = (size_t)(close - open - 1);
  return true;
}

/* Adds the codes of the bracket groups in s[0..n) ("[AZE]", "[AZEGOV
 * 031031-]", several in a row as old TABARI files write them) to actor
 * x. Returns false if none could be read. */
static bool td_actor_codes(td_actordict *d, long x, const char *s, size_t n,
                           td_dict_report *rep, const char *path, long line) {
  const char *p = s, *e = s + n;
  bool any = false;
  while (p < e) {
    while (p < e && isspace((unsigned char)*p))
      p++;
    if (p == e)
      break;
    if (*p != '[') {
      td_tabari_report(rep, path, line, "text after the codes is ignored: %.*s",
                (int)(e - p), p);
      break;
    }
    const char *close = NULL;
    for (const char *q = p + 1; q < e; q++)
      if (*q == ']' || *q == '}') {
        close = q;
        break;
      }
    if (!close) {
      td_tabari_report(rep, path, line, "a code opened with [ is not closed: %.*s",
                (int)(e - p), p);
      break;
    }
    td_xcode c;
    bool dated;
    const char *why;
    if (!td_tabari_code(p + 1, (size_t)(close - p - 1), &c, &dated, &why)) {
      td_tabari_report(rep, path, line, "%s: %.*s", why, (int)(close - p + 1), p);
      p = close + 1;
      continue;
    }
    td_xactor *xa = &d->xactors.v[x];
    if (!dated) {
      if (!xa->code[0])
        memcpy(xa->code, c.code, sizeof(xa->code));
    } else {
      if (xa->ndated == 0)
        xa->dated = (uint32_t)d->xcodes.n;
      if (xa->dated + xa->ndated != d->xcodes.n) {
        td_tabari_report(rep, path, line, "dated codes must follow their actor");
        p = close + 1;
        continue;
      }
      td_vec_push(&d->xcodes, c);
      xa->ndated++;
    }
    any = true;
    p = close + 1;
  }
  return any;
}

bool td_tabari_load_actors(td_actordict *d, td_lexicon *lx, const char *path,
                           td_dict_report *rep, td_diag *err) {
  td_tfile f;
  if (!td_tfile_open(&f, path, err))
    return false;
  char ph[2048];
  char *line_s;
  size_t line_n;
  long cur = -1; /* the record lines attach to */
  while (td_tfile_next(&f, &line_s, &line_n, rep)) {
    const char *s = line_s;
    size_t n = line_n;
    long lineno = f.line;
    while (n && (*s == ' ' || *s == '\t'))
      s++, n--;
    if (*s == '[') {
      /* dated (or default) codes of the current record */
      if (cur < 0)
        td_tabari_report(rep, path, lineno, "a code line before any actor");
      else
        td_actor_codes(d, cur, s, n, rep, path, lineno);
      continue;
    }
    bool synonym = *s == '+';
    if (synonym) {
      s++, n--;
      if (cur < 0) {
        td_tabari_report(rep, path, lineno, "a synonym (+) before any actor");
        continue;
      }
    }
    const char *open = memchr(s, '[', n);
    size_t pn = open ? (size_t)(open - s) : n;
    size_t k = td_tabari_phrase(s, pn, ph, sizeof(ph));
    if (!synonym) {
      td_xactor x;
      memset(&x, 0, sizeof(x));
      x.name = td_arena_strndup(&d->arena, ph, k);
      cur = (long)d->xactors.n;
      td_vec_push(&d->xactors, x);
      if (open)
        td_actor_codes(d, cur, open, n - pn, rep, path, lineno);
    } else if (open) {
      td_tabari_report(rep, path, lineno,
                "a synonym's code is ignored (codes belong to the primary "
                "phrase)");
    }
    const char *why;
    if (!td_lexicon_add(lx, ph, k, TD_PH_PROPER, TD_LX_XACTOR, (uint32_t)cur,
                        &why))
      td_tabari_report(rep, path, lineno, "%s: %.*s", why, (int)n, s);
  }
  td_tfile_close(&f);
  return true;
}

/* ---- Agents ---------------------------------------------------------------- */

typedef struct td_subst {
  char name[64]; /* with the ! marks */
  TD_VEC(char *) items;
} td_subst;

typedef TD_VEC(td_subst) td_subst_list;

static void td_subst_free(td_subst_list *sl) {
  for (size_t i = 0; i < sl->n; i++) {
    for (size_t j = 0; j < sl->v[i].items.n; j++)
      td_free(sl->v[i].items.v[j]);
    td_vec_free(&sl->v[i].items);
  }
  td_vec_free(sl);
}

/* Phrases one agent line may expand to: sets of sets multiply. */
#define TD_AGENT_EXPANSION 4096

/* Adds phrase p (TABARI syntax), expanding the first !SET! in it; *left
 * counts down the phrases the line may still make. */
static void td_agent_phrase(td_lexicon *lx, const td_subst_list *sl,
                            const char *p, size_t n, unsigned flags,
                            uint32_t value, td_dict_report *rep,
                            const char *path, long line, int depth,
                            long *left) {
  if (*left <= 0)
    return;
  const char *a = memchr(p, '!', n);
  const char *b = a ? memchr(a + 1, '!', (size_t)(p + n - a - 1)) : NULL;
  if (a && b && depth < 4) {
    size_t mn = (size_t)(b - a + 1);
    for (size_t i = 0; i < sl->n; i++) {
      if (strlen(sl->v[i].name) != mn || memcmp(sl->v[i].name, a, mn))
        continue;
      for (size_t j = 0; j < sl->v[i].items.n; j++) {
        td_buf e = {0};
        td_buf_add(&e, p, (size_t)(a - p));
        td_buf_adds(&e, sl->v[i].items.v[j]);
        td_buf_add(&e, b + 1, (size_t)(p + n - b - 1));
        /* the items are used as they are: no plural of them */
        td_agent_phrase(lx, sl, e.ptr, e.len,
                        (b + 1 == p + n) ? flags & ~(unsigned)TD_PH_INFLECT
                                         : flags,
                        value, rep, path, line, depth + 1, left);
        if (*left <= 0) {
          td_buf_free(&e);
          if (depth == 0)
            td_tabari_report(rep, path, line,
                      "the substitution sets expand to more than %d phrases",
                      TD_AGENT_EXPANSION);
          return;
        }
        td_buf_free(&e);
      }
      return;
    }
    td_tabari_report(rep, path, line, "unknown substitution set %.*s", (int)mn, a);
    return;
  }
  char ph[2048];
  size_t k = td_tabari_phrase(p, n, ph, sizeof(ph));
  const char *why;
  (*left)--;
  if (!td_lexicon_add(lx, ph, k, flags, TD_LX_XAGENT, value, &why))
    td_tabari_report(rep, path, line, "%s: %.*s", why, (int)n, p);
}

bool td_tabari_load_agents(td_actordict *d, td_lexicon *lx, const char *path,
                           td_dict_report *rep, td_diag *err) {
  td_tfile f;
  if (!td_tfile_open(&f, path, err))
    return false;
  td_subst_list sl = {0};
  char *line_s;
  size_t line_n;
  while (td_tfile_next(&f, &line_s, &line_n, rep)) {
    const char *s = line_s;
    size_t n = line_n;
    long lineno = f.line;
    while (n && (*s == ' ' || *s == '\t'))
      s++, n--;
    const char *eq = memchr(s, '=', n);
    if (*s == '!' && eq) {
      /* !NAME! = A, B, C */
      td_subst st;
      memset(&st, 0, sizeof(st));
      size_t nn = (size_t)(eq - s);
      while (nn && isspace((unsigned char)s[nn - 1]))
        nn--;
      if (nn < 3 || s[nn - 1] != '!' || nn >= sizeof(st.name)) {
        td_tabari_report(rep, path, lineno, "a substitution set is !NAME! = A, B");
        continue;
      }
      memcpy(st.name, s, nn);
      const char *p = eq + 1, *e = s + n;
      while (p < e) {
        const char *c = memchr(p, ',', (size_t)(e - p));
        const char *ie = c ? c : e;
        const char *q = p;
        while (q < ie && isspace((unsigned char)*q))
          q++;
        const char *qe = ie;
        while (qe > q && isspace((unsigned char)qe[-1]))
          qe--;
        if (qe > q)
          td_vec_push(&st.items, td_strndup(q, (size_t)(qe - q)));
        p = ie + 1;
      }
      if (!st.items.n) {
        td_tabari_report(rep, path, lineno, "a substitution set has no items");
        continue;
      }
      td_vec_push(&sl, st);
      continue;
    }
    /* PHRASE {PLURAL} [CODE] */
    const char *why = NULL;
    size_t pn, cn;
    const char *cs;
    if (!td_split_code(s, n, &pn, &cs, &cn, &why) || !cs) {
      td_tabari_report(rep, path, lineno, "%s: %.*s",
                why ? why : "an agent needs a code [~XXX] or [XXX~]", (int)n,
                s);
      continue;
    }
    td_agent a;
    memset(&a, 0, sizeof(a));
    while (cn && isspace((unsigned char)*cs))
      cs++, cn--;
    while (cn && isspace((unsigned char)cs[cn - 1]))
      cn--;
    if (!td_agentcode_parse(cs, cn, &a.code) || !a.code.code[0] ||
        (cs[0] != '~' && cs[cn - 1] != '~')) {
      td_tabari_report(rep, path, lineno, "an agent code is [~XXX] or [XXX~]: %.*s",
                (int)n, s);
      continue;
    }
    const char *brace = memchr(s, '{', pn);
    const char *bend = brace ? memchr(brace, '}', pn - (size_t)(brace - s))
                             : NULL;
    if (brace && !bend) {
      td_tabari_report(rep, path, lineno, "a plural opened with { is not closed");
      continue;
    }
    size_t phn = brace ? (size_t)(brace - s) : pn;
    char text[256];
    td_tabari_phrase(s, phn, text, sizeof(text));
    a.text = td_arena_strndup(&d->arena, text, strlen(text));
    uint32_t idx = (uint32_t)d->agents.n;
    td_vec_push(&d->agents, a);
    unsigned flags = TD_PH_ICASE | (brace ? 0u : (unsigned)TD_PH_INFLECT);
    long left = TD_AGENT_EXPANSION;
    td_agent_phrase(lx, &sl, s, phn, flags, idx, rep, path, lineno, 0, &left);
    if (brace && bend > brace + 1)
      td_agent_phrase(lx, &sl, brace + 1, (size_t)(bend - brace - 1),
                      TD_PH_ICASE, idx, rep, path, lineno, 0, &left);
  }
  td_subst_free(&sl);
  td_tfile_close(&f);
  return true;
}
