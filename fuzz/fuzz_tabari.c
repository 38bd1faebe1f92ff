/*
 * fuzz_tabari.c — libFuzzer target: the TABARI/PETRARCH dictionary loader
 * (src/lex/tabari.c). The first byte picks the kind (bit 0: actors or
 * agents), whether our own actors are kept (bit 1 set: no_own_actors, the
 * user's file alone codes the actors) and the way in (bit 2); the rest is
 * the file's content, written to a private file.
 *
 * Bit 2 clear: as users reach it, td_ctx_open with the file; the context
 * must load (a bad line is reported, with a message and its line, and
 * skipped) or fail cleanly with a message, and a context that loads must
 * annotate two stories, one on each side of the dated codes of the seed
 * dictionaries. A context loads the whole gazetteer (about a second under
 * the sanitizers), so these inputs run at about one a second.
 * Bit 2 set: the same loader through td_dict_check (`tidings dict check`)
 * on one shared context, about a hundred inputs a second: every problem
 * reported, and the count returned the count reported. Seeds of the
 * first kind are few: each costs a second whenever libFuzzer picks it.
 */
#include "fuzz_common.h"

#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static char dir[64];
  if (!dir[0]) {
    strcpy(dir, "/tmp/td_fuzz_tabari_XXXXXX");
    if (!mkdtemp(dir))
      abort();
  }
  if (size < 1)
    return 0;
  bool agents = data[0] & 1;
  char path[128];
  snprintf(path, sizeof(path), "%s/fuzz.%s", dir, agents ? "agents" : "actors");
  FILE *f = fopen(path, "wb");
  if (!f)
    return 0;
  fwrite(data + 1, 1, size - 1, f);
  fclose(f);
  if (data[0] & 4) {
    fuzz_dict_check(path, agents ? "agents" : "actors", data + 1, size - 1);
    unlink(path);
    return 0;
  }
  fuzz_lines L = fuzz_line_count(data + 1, size - 1);
  td_diag err;
  memset(&err, 0, sizeof(err));

  const char *files[] = {path};
  td_ctx_opts o;
  memset(&o, 0, sizeof(o));
  if (agents) {
    o.agent_files = files;
    o.nagent_files = 1;
  } else {
    o.actor_files = files;
    o.nactor_files = 1;
  }
  o.no_own_actors = (data[0] >> 1) & 1;
  o.report = fuzz_report;
  o.report_ud = &L;
  td_ctx *ctx = td_ctx_open(&o, &err);
  if (ctx) {
    /* The loaded dictionary must work on stories: the first after the
     * dated codes' boundary of the seeds (2003-10-31), the second before. */
    static const char story1[] =
        " date 2024-05-15 Peacekeepers leave Karabakh\n\nBAKU, May 15. "
        "/TASS/. Russian peacekeepers left their posts in Khojaly, "
        "Karabakh, presidential aide Hikmet Hajiyev said. President Ilham "
        "Aliyev thanked the Ministry of Defence and the soldiers of the "
        "Joint Monitoring Centre.\n\nThe OSCE Minsk Group, the United "
        "Nations and an international organization welcomed the move. "
        "Prime Minister Nikol Pashinyan said aid agencies, armed men and "
        "the police would stay, Sevan News reported.\n";
    static const char story2[] =
        " date 2002-03-01 Talks\n\nBAKU, March 1. /TASS/. Heydar Aliyev "
        "met the defence ministers of Ardenia and the Azeri border service "
        "on Friday; Ilham Aliyev and General Karim Valiyev said troops "
        "would withdraw.\n";
    fuzz_annotate(ctx, story1, sizeof(story1) - 1);
    fuzz_annotate(ctx, story2, sizeof(story2) - 1);
    td_ctx_free(ctx);
  } else {
    FUZZ_ASSERT(err.msg[0] != 0);
  }
  unlink(path);
  return 0;
}
