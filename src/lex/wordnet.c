/*
 * wordnet.c — reads the WordNet exception lists (FORM BASE [BASE...] per
 * line, words joined by '_').
 */
#include "wordnet.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

const char *td_wordnet_dir(void) {
  const char *d = getenv("TIDINGS_WORDNET");
  return d && *d ? d : "/usr/share/wordnet";
}

static bool td_exc_load(td_wordnet *wn, const char *name, td_exc_list *v,
                        td_diag *err) {
  char path[512];
  snprintf(path, sizeof(path), "%s/%s", td_wordnet_dir(), name);
  FILE *f = fopen(path, "rb");
  if (!f) {
    td_diag_set(err, TD_ERROR, path, 0, -1,
                "cannot open: %s (the Debian package wordnet-base; "
                "scripts/setup-deps installs it)",
                strerror(errno));
    return false;
  }
  char line[512];
  long ln = 0;
  while (fgets(line, sizeof(line), f)) {
    ln++;
    char *sp = strchr(line, ' ');
    if (!sp)
      continue;
    char *base = sp + 1;
    char *end = base + strcspn(base, " \r\n");
    if (end == base)
      continue;
    for (char *p = line; p < sp; p++)
      if (*p == '_')
        *p = ' ';
    for (char *p = base; p < end; p++)
      if (*p == '_')
        *p = ' ';
    td_exc e = {td_arena_strndup(&wn->arena, line, (size_t)(sp - line)),
                td_arena_strndup(&wn->arena, base, (size_t)(end - base))};
    td_vec_push(v, e);
  }
  bool bad = ferror(f);
  fclose(f);
  if (bad) {
    td_diag_set(err, TD_ERROR, path, ln, -1, "cannot read");
    return false;
  }
  return true;
}

bool td_wordnet_load(td_wordnet *wn, td_diag *err) {
  memset(wn, 0, sizeof(*wn));
  return td_exc_load(wn, "noun.exc", &wn->noun, err) &&
         td_exc_load(wn, "verb.exc", &wn->verb, err);
}

void td_wordnet_free(td_wordnet *wn) {
  td_vec_free(&wn->noun);
  td_vec_free(&wn->verb);
  td_arena_free(&wn->arena);
  memset(wn, 0, sizeof(*wn));
}
