/*
 * test_tabari.c — TABARI/PETRARCH dictionaries a user brings (src/lex/
 * tabari.c), loaded through td_ctx_open (td_ctx_opts.actor_files and
 * agent_files, written to temporary files) and directly: primary phrases
 * with "+" synonyms, "_" joined words, default and date-bounded codes
 * ([FRDGOV >031031], [SYLGOV 990101-021231]) resolved by the story date,
 * agents composed after ([~MIL]) or before ([IGO~], [NGO~]) the country,
 * substitution sets and {plurals}, "#", ";" and "<!-- -->" comments, and
 * malformed lines reported with their line numbers through the report
 * callback while the rest of the file still loads. Also td_dict_check on
 * TABARI files and on our own files (actors.txt, agents.txt, roles.txt,
 * places.txt), each problem reported by line.
 */
#include "ctx.h"
#include "util.h"

#include <unistd.h>

/* Invented dictionaries; the line numbers of the bad lines are checked. */
static const char *const actors_src =
    "+ORPHAN_SYNONYM\n"                      /* 1: synonym before any actor */
    "\t[XXX]\n"                              /* 2: code before any actor    */
    "# Invented actors for the tests.\n"
    "FREEDONIA_  [FRD]   ; the country\n"
    "+FREEDONIAN_\n"
    "+REPUBLIC_OF_FREEDONIA\n"
    "RUFUS_T_FIREFLY_  [FRDELI]\n"
    "\t[FRDGOV >031031]\n"
    "+FIREFLY_\n"
    "SYLVANIA_ [SYL]  # the neighbour\n"     /* 10 */
    "+SYLVANIAN_\n"
    "<!-- a comment\n"
    "GHOSTLAND_ [GHO]\n"
    "-->\n"
    "BAD_ACTOR_ [FRD\n"                      /* 15: not closed              */
    "TRENTINO_ [SYLGOV 990101-021231]\n"
    "BADDATE_ [FRD >0310]\n"                 /* 17: bad date                */
    "MARX_BROTHERS_ [FRDMED]\n"
    "CHICOLINI_ [FRDCRM]\n"
    "\t[FRDGOV 20040101-20041231]\n";        /* 20 */

static const char *const agents_src =
    "# Invented agents.\n"
    "!TROOP! = TROOPER, TROOPERS, LANCER, LANCERS\n"
    "!TROOP! [~MIL]\n"
    "BRIGADE [~MIL]\n"
    "WIDGET_MINISTRY [~GOV]\n"
    "ARBITER {ARBITRATORS} [IGO~]\n"
    "RELIEF_SOCIETY [NGO~]\n"
    "BROKEN_AGENT ~MIL]\n"                   /* 8: no code                  */
    "!NOSUCH! [~MIL]\n";                     /* 9: unknown set              */

static char actors_path[64], agents_path[64];

static void write_temp(char *path, const char *text) {
  strcpy(path, "/tmp/td_tabari_XXXXXX");
  int fd = mkstemp(path);
  if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
    perror(path);
    exit(1);
  }
  close(fd);
}

/* The report callback: "LINE:MSG" lines, and the path of the last one. */
static char reports[4096];
static size_t nreports;

static void collect(void *ud, const td_diag *d) {
  size_t n = strlen(reports);
  snprintf(reports + n, sizeof(reports) - n, "%ld:%s\n", d->line, d->msg);
  if (ud)
    snprintf(ud, 512, "%s", d->path);
  nreports++;
}

/* "text=CODE" of each entity ("-" when it has none), joined by " | ". */
static const char *ents(const td_ctx *ctx, const char *text,
                        const char *date) {
  static char out[4096];
  td_doc *d = doc_from(ctx, TD_FORMAT_TEXT, text, date, NULL);
  size_t n = 0;
  out[0] = 0;
  if (!d)
    return "(refused)";
  td_doc_annotate(d, ctx);
  td_entity_info e;
  for (size_t i = 0; td_doc_entity(d, i, &e); i++)
    n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s=%s", i ? " | " : "",
                          span_text(d, e.span), e.code ? e.code : "-");
  td_doc_free(d);
  return out;
}

#define HAS(got, want)                                                         \
  do {                                                                         \
    const char *g_ = (got);                                                    \
    td_checks++;                                                               \
    if (!strstr(g_, want)) {                                                   \
      fprintf(stderr, "%s:%d: want %s\n  got: %s\n", __FILE__, __LINE__,      \
              want, g_);                                                       \
      td_failures++;                                                           \
    }                                                                          \
  } while (0)
#define HASNT(got, bad)                                                        \
  do {                                                                         \
    const char *g_ = (got);                                                    \
    td_checks++;                                                               \
    if (strstr(g_, bad)) {                                                     \
      fprintf(stderr, "%s:%d: unwanted %s\n  got: %s\n", __FILE__, __LINE__,  \
              bad, g_);                                                        \
      td_failures++;                                                           \
    }                                                                          \
  } while (0)

static td_ctx *open_ctx(bool no_own) {
  const char *af[] = {actors_path}, *gf[] = {agents_path};
  td_ctx_opts o;
  memset(&o, 0, sizeof(o));
  o.actor_files = af;
  o.nactor_files = 1;
  o.agent_files = gf;
  o.nagent_files = 1;
  o.no_own_actors = no_own;
  o.report = collect;
  td_diag err;
  td_ctx *ctx = td_ctx_open(&o, &err);
  if (!ctx) {
    td_diag_print(&err, stderr);
    exit(1);
  }
  return ctx;
}

static const char *const story =
    "Freedonia and the Republic of Freedonia met. Rufus T. Firefly spoke. "
    "Firefly left. Freedonian lancers and a Freedonian brigade moved. The "
    "Freedonian arbitrators and a Sylvanian arbiter met. A Sylvanian relief "
    "society helped. Trentino spoke. Ghostland was quiet. Chicolini fled. "
    "The Marx Brothers laughed. The UN watched.";

static void test_load(void) {
  reports[0] = 0;
  nreports = 0;
  td_ctx *ctx = open_ctx(false);
  /* Each bad line, by number; nothing else. */
  CHECK_STR(reports,
            "1:a synonym (+) before any actor\n"
            "2:a code line before any actor\n"
            "15:a code opened with [ is not closed: [FRD\n"
            "17:a date must be YYMMDD or YYYYMMDD: [FRD >0310]\n"
            "8:an agent needs a code [~XXX] or [XXX~]: BROKEN_AGENT ~MIL]\n"
            "9:unknown substitution set !NOSUCH!\n");
  td_ctx_stats st;
  td_ctx_get_stats(ctx, &st);
  /* FREEDONIA RUFUS SYLVANIA BAD_ACTOR TRENTINO BADDATE MARX CHICOLINI */
  CHECK_INT(st.xactors, 8);

  /* Synonyms and the primary phrase; "+" alternates of a person. */
  const char *before = ents(ctx, story, "2002-06-01");
  HAS(before, "Freedonia=FRD | Republic of Freedonia=FRD");
  HAS(before, "Rufus T. Firefly=FRDELI | Firefly=FRDELI");
  /* Agents: after the country, from a substitution set, before it, a
   * plural in braces, a synonym's adjective. */
  HAS(before, "Freedonian lancers=FRDMIL");
  HAS(before, "Freedonian brigade=FRDMIL");
  HAS(before, "Freedonian arbitrators=IGOFRD");
  HAS(before, "Sylvanian arbiter=IGOSYL");
  HAS(before, "Sylvanian relief society=NGOSYL");
  /* A range, inside. */
  HAS(before, "Trentino=SYLGOV");
  /* Commented out. */
  HASNT(before, "Ghostland");
  HAS(before, "Marx Brothers=FRDMED");
  HAS(before, "Chicolini=FRDCRM");
  /* Our own dictionaries code too. */
  HAS(before, "UN=IGOUNO");

  /* The same story a year later: the dated codes change. */
  const char *after = ents(ctx, story, "2004-06-01");
  HAS(after, "Rufus T. Firefly=FRDGOV | Firefly=FRDGOV");
  HAS(after, "Chicolini=FRDGOV");
  HASNT(after, "Trentino=SYLGOV"); /* the range is over */
  HAS(after, "Freedonia=FRD");
  /* No story date: the default code. */
  HAS(ents(ctx, "Rufus T. Firefly spoke.", NULL), "Rufus T. Firefly=FRDELI");
  /* Names need capitals (TABARI phrases are proper names). */
  HASNT(ents(ctx, "the marx brothers laughed.", "2004-06-01"), "FRDMED");
  td_ctx_free(ctx);

  /* The user's dictionaries alone: not our UN. */
  ctx = open_ctx(true);
  const char *alone = ents(ctx, story, "2004-06-01");
  HAS(alone, "Freedonian brigade=FRDMIL");
  HASNT(alone, "IGOUNO");
  td_ctx_free(ctx);

  /* A dictionary that cannot be read is an error. */
  const char *missing[] = {"/nonexistent/dir/x.actors"};
  td_ctx_opts o;
  memset(&o, 0, sizeof(o));
  o.actor_files = missing;
  o.nactor_files = 1;
  td_diag err;
  memset(&err, 0, sizeof(err));
  CHECK(td_ctx_open(&o, &err) == NULL);
  CHECK(strstr(err.path, "x.actors") != NULL);
}

static void test_direct(void) {
  td_ctx *ctx = test_ctx();
  td_lexicon *lx = td_lexicon_new(&ctx->letters, &ctx->text);
  td_actordict d;
  memset(&d, 0, sizeof(d));
  td_dict_report rep = {NULL, NULL, 0};
  td_diag err;
  CHECK(td_tabari_load_actors(&d, lx, actors_path, &rep, &err));
  CHECK_INT(rep.problems, 4);
  CHECK_INT(d.xactors.n, 8);
  const td_xactor *rufus = NULL, *trentino = NULL, *chico = NULL;
  for (size_t i = 0; i < d.xactors.n; i++) {
    const td_xactor *x = &d.xactors.v[i];
    if (!strcmp(x->name, "RUFUS T FIREFLY"))
      rufus = x;
    else if (!strcmp(x->name, "TRENTINO"))
      trentino = x;
    else if (!strcmp(x->name, "CHICOLINI"))
      chico = x;
  }
  CHECK(rufus && trentino && chico);
  if (rufus && trentino && chico) {
#define DAY(y, m, dd) td_days_from_civil(y, m, dd)
    CHECK_STR(td_xactor_code(&d, rufus, 0), "FRDELI");
    CHECK_STR(td_xactor_code(&d, rufus, DAY(2003, 10, 1)), "FRDELI");
    CHECK_STR(td_xactor_code(&d, rufus, DAY(2003, 12, 1)), "FRDGOV");
    /* six-digit years: 99 is 1999, 02 is 2002; ranges are inclusive */
    CHECK_STR(td_xactor_code(&d, trentino, DAY(1998, 12, 31)), "");
    CHECK_STR(td_xactor_code(&d, trentino, DAY(1999, 1, 1)), "SYLGOV");
    CHECK_STR(td_xactor_code(&d, trentino, DAY(2002, 12, 31)), "SYLGOV");
    CHECK_STR(td_xactor_code(&d, trentino, DAY(2003, 1, 1)), "");
    /* eight-digit dates */
    CHECK_STR(td_xactor_code(&d, chico, DAY(2003, 12, 31)), "FRDCRM");
    CHECK_STR(td_xactor_code(&d, chico, DAY(2004, 7, 1)), "FRDGOV");
    CHECK_STR(td_xactor_code(&d, chico, DAY(2005, 1, 1)), "FRDCRM");
  }
  td_actordict_free(&d);
  td_lexicon_free(lx);
  td_ctx_free(ctx);
}

/* td_dict_check on a file of `kind`: the problem count and lines. */
static long check_file(const td_ctx *ctx, const char *text, const char *kind,
                       const char *name) {
  char dir[] = "/tmp/td_tabari_dXXXXXX", path[128];
  if (!mkdtemp(dir)) {
    perror(dir);
    exit(1);
  }
  snprintf(path, sizeof(path), "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
  reports[0] = 0;
  char where[512] = "";
  td_diag err;
  long n = td_dict_check(ctx, path, kind, collect, where, &err);
  if (n > 0)
    CHECK_STR(where, path);
  unlink(path);
  rmdir(dir);
  return n;
}

static void test_dict_check(void) {
  td_ctx *ctx = test_ctx();
  td_diag err;
  /* TABARI files, as loaded. */
  reports[0] = 0;
  CHECK_INT(td_dict_check(ctx, actors_path, "actors", collect, NULL, &err), 4);
  CHECK(strstr(reports, "15:a code opened with [ is not closed") != NULL);
  reports[0] = 0;
  CHECK_INT(td_dict_check(ctx, agents_path, "agents", collect, NULL, &err), 2);
  CHECK(!strncmp(reports, "8:", 2));

  /* Our own files. */
  CHECK_INT(check_file(ctx,
                       "actor\tIGOFOO\tigo\tFoo Organisation|FOO\n"
                       "# comment\n"
                       "actor\tIGOBAR\tigo\n"
                       "\n"
                       "actor\tNGOBAZ\tnonsense\tBaz Group\n"
                       "actor\tIGOQUX\tigo\tQux League\n",
                       "actors.txt", "actors.txt"),
            2);
  CHECK(!strncmp(reports, "3:", 2) && strstr(reports, "\n5:KIND must be"));
  CHECK_INT(check_file(ctx,
                       "agent\t~MIL\tarmy|troops_\n"
                       "agent\tMIL~~\twidget corps\n",
                       "agents.txt", "agents.txt"),
            1);
  CHECK(!strncmp(reports, "2:", 2));
  CHECK_INT(check_file(ctx,
                       "role\t~GOV\tpresidential aide|aide\n"
                       "role\t~X!\tfoo\n"
                       "honorific\tMr.|Dr.\n"
                       "bogus\tx\n",
                       "roles.txt", "roles.txt"),
            2);
  CHECK(!strncmp(reports, "2:", 2) && strstr(reports, "\n4:"));
  CHECK_INT(check_file(ctx,
                       "place\tFooville\tAZE\t-\t40.1\t47.2\ttown\t-\n"
                       "place\tBarville\tQQQ\t-\t40.1\t47.2\ttown\t-\n"
                       "place\tBazville\tAZE\t-\t140.1\t47.2\ttown\t-\n"
                       "place\tQuxville\tAZE\t-\t40.1\t47.2\tcastle\t-\n"
                       "alias\tBaku\tAZ\tBakoo\n",
                       "places.txt", "places.txt"),
            3);
  CHECK(!strncmp(reports, "2:", 2) && strstr(reports, "\n3:") &&
        strstr(reports, "\n4:"));
  /* A clean file has no problems. */
  CHECK_INT(check_file(ctx, "actor\tIGOFOO\tigo\tFoo Organisation\n",
                       "actors.txt", "actors.txt"),
            0);
  /* An unknown kind, a missing file. */
  CHECK_INT(td_dict_check(ctx, actors_path, "sounds", collect, NULL, &err), -1);
  CHECK_INT(td_dict_check(ctx, "/nonexistent/a.actors", "actors", collect,
                          NULL, &err),
            -1);
  td_ctx_free(ctx);
}

int main(void) {
  write_temp(actors_path, actors_src);
  write_temp(agents_path, agents_src);
  test_load();
  test_direct();
  test_dict_check();
  unlink(actors_path);
  unlink(agents_path);
  return td_check_done("test_tabari");
}
