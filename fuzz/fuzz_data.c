/*
 * fuzz_data.c — libFuzzer target: the data-file loaders. The first byte
 * picks the file (any data file the context loads: index modulo the number
 * of names, so new files are appended to keep the corpus's indices); the
 * rest is its content, written to a private directory that overrides the
 * built-in copy. Loading must succeed or fail cleanly with a message; a
 * context that loads must annotate a story (times, quantities, actors,
 * places).
 *
 * A full context loads the whole gazetteer (about a second under the
 * sanitizers), so a first byte whose quotient by the number of names is
 * odd (15-29, 45-59, ...) takes a faster way in where there is one: the
 * dictionaries tidings can check (countries, actors, agents, roles, names,
 * places) through td_dict_check on one shared context, every problem
 * reported with a message and a line and the count returned the count
 * reported; the files of the text model and of times through a text-only
 * context. letters.txt has no faster way. link.txt (linking's word lists)
 * is loaded alone, as td_collection_new loads it.
 */
#include "fuzz_common.h"
#include "link/link.h"

#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *names[] = {
      "abbreviations.txt", "sentence-starters.txt", "agencies.txt",
      "datelines.txt",     "boilerplate.txt",       "reporting-verbs.txt",
      "countries.txt",     "timex-words.txt",       "timex-rules.txt",
      "actors.txt",        "agents.txt",            "roles.txt",
      "names.txt",         "letters.txt",           "places.txt",
      "quantities.txt",    "cues.txt",              "events.txt",
      "cameo.txt",         "event-words.txt",       "link.txt"};
  static char dir[64];
  if (!dir[0]) {
    strcpy(dir, "/tmp/td_fuzz_data_XXXXXX");
    if (!mkdtemp(dir))
      abort();
  }
  if (size < 1)
    return 0;
  const size_t nnames = sizeof(names) / sizeof(names[0]);
  const char *name = names[data[0] % nnames];
  bool fast = (data[0] / nnames) & 1;
  char path[128];
  snprintf(path, sizeof(path), "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f)
    return 0;
  fwrite(data + 1, 1, size - 1, f);
  fclose(f);
  td_diag err;
  memset(&err, 0, sizeof(err));
  if (!strcmp(name, "link.txt")) {
    /* linking's word lists load alone (td_collection_new) */
    td_link_words *w = td_link_words_load(dir, &err);
    if (w)
      td_link_words_free(w);
    else
      FUZZ_ASSERT(err.msg[0] != 0 && err.line >= 1);
    unlink(path);
    return 0;
  }
  td_ctx_opts o;
  memset(&o, 0, sizeof(o));
  o.data_dir = dir;
  if (fast) {
    static const char *checked[] = {"countries.txt", "actors.txt",
                                    "agents.txt",    "roles.txt",
                                    "names.txt",     "places.txt"};
    for (size_t i = 0; i < sizeof(checked) / sizeof(checked[0]); i++) {
      if (strcmp(name, checked[i]))
        continue;
      fuzz_dict_check(path, name, data + 1, size - 1);
      unlink(path);
      return 0;
    }
    o.text_only = strcmp(name, "letters.txt") != 0;
  }
  td_ctx *ctx = td_ctx_open(&o, &err);
  if (ctx) {
    /* The loaded rules must work on a story. */
    static const char story[] =
        " date 2024-05-15 Headline here\n\nBAKU, May 15. /TASS/. One on "
        "Monday, five years ago, the next day. Col. Two said in September "
        "2020, Trend reports.\n\nRussian peacekeepers left their posts in "
        "Khojaly, Karabakh, presidential aide Hikmet Hajiyev said. The "
        "U.N. Security Council and Mr. Charles de Gaulle welcomed it; he "
        "said the Azerbaijani army entered Xocal\xc4\xb1 on Tuesday. It had "
        "1,960 servicemen, about $5m, 12% and dozens of tanks. Russia "
        "withdrew its troops from Syria and attacked Ukraine.\n\n"
        "Follow TASS on Telegram.\n";
    fuzz_annotate(ctx, story, sizeof(story) - 1);
    td_ctx_free(ctx);
  } else {
    FUZZ_ASSERT(err.msg[0] != 0);
  }
  unlink(path);
  return 0;
}
