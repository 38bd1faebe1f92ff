/*
 * run.c — td_benchrun: times `tidings read` (or annotate) on one input.
 *
 *   td_benchrun --bin PATH/tidings [--cmd CMD] [--jobs LIST] [--label TEXT]
 *               [--repeat K] FILE [-- EXTRA ARGS...]
 *
 * For each job count J in LIST (default "1,2") it runs
 *
 *   tidings CMD --stats --jobs J [EXTRA...] FILE      (CMD: read by default)
 *
 * K times (default 3) with standard output sent to /dev/null, and prints one
 * line with the best wall time (CLOCK_MONOTONIC, from fork to reaping) and
 * the largest peak resident set size of the runs (wait4's ru_maxrss). The
 * counts of documents, bytes and sentences come from the --stats line that
 * tidings prints on standard error. A plain POSIX program: it runs the
 * tidings binary and does not link the library.
 */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1 /* wait4 */
#endif
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define TAIL_MAX (1u << 20) /* how much of tidings' stderr is kept */

typedef struct run_result {
  double wall;          /* seconds */
  long maxrss_kib;      /* peak RSS */
  unsigned long long docs, refused, warnings, bytes, sentences, tokens;
} run_result;

static void usage(FILE *f) {
  fputs("usage: td_benchrun --bin PATH/tidings [--cmd CMD] [--jobs LIST]\n"
        "                   [--label TEXT] [--repeat K] FILE [-- EXTRA ARGS...]\n"
        "Runs `tidings CMD --stats --jobs J [EXTRA...] FILE` K times for each\n"
        "J in LIST and prints the best wall time, throughput and peak RSS.\n"
        "  --bin PATH     the tidings binary (required)\n"
        "  --cmd CMD      the subcommand: read (default) or annotate\n"
        "  --jobs LIST    comma-separated job counts (default 1,2)\n"
        "  --label TEXT   first column of the result lines (default: FILE)\n"
        "  --repeat K     runs per job count; the fastest is reported "
        "(default 3)\n",
        f);
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Keeps the last TAIL_MAX bytes written to it. */
typedef struct tail {
  char *p;
  size_t n;
} tail;

static void tail_add(tail *t, const char *s, size_t n) {
  if (n >= TAIL_MAX) {
    s += n - TAIL_MAX;
    n = TAIL_MAX;
  }
  if (t->n + n > TAIL_MAX) {
    size_t drop = t->n + n - TAIL_MAX;
    memmove(t->p, t->p + drop, t->n - drop);
    t->n -= drop;
  }
  memcpy(t->p + t->n, s, n);
  t->n += n;
  t->p[t->n] = 0;
}

/* The --stats line: "tidings: VERB N documents (R refused, W warnings), B
 * bytes, S sentences, T tokens in X s: ..." (VERB: read, annotated).
 * Returns 1 if found. */
static int parse_stats(const tail *t, run_result *r) {
  static const char key[] = "tidings: ";
  int found = 0;
  const char *p = t->p;
  while (p && *p) {
    if (!strncmp(p, key, sizeof(key) - 1)) {
      double secs;
      char verb[16];
      if (sscanf(p,
                 "tidings: %15s %llu documents (%llu refused, %llu warnings), "
                 "%llu bytes, %llu sentences, %llu tokens in %lf s",
                 verb, &r->docs, &r->refused, &r->warnings, &r->bytes,
                 &r->sentences, &r->tokens, &secs) == 8)
        found = 1; /* the last such line wins */
    }
    p = strchr(p, '\n');
    if (p)
      p++;
  }
  return found;
}

/* Prints the last few lines of what tidings wrote on stderr. */
static void print_tail(const tail *t) {
  if (t->n == 0) {
    fputs("  (nothing on standard error)\n", stderr);
    return;
  }
  size_t start = t->n, lines = 0;
  while (start > 0 && lines < 12) {
    start--;
    if (t->p[start] == '\n' && start + 1 < t->n)
      lines++;
  }
  if (t->p[start] == '\n')
    start++;
  fputs("  tidings said:\n", stderr);
  const char *s = t->p + start;
  while (*s) {
    const char *e = strchr(s, '\n');
    size_t n = e ? (size_t)(e - s) : strlen(s);
    fprintf(stderr, "  | %.*s\n", (int)n, s);
    s += n + (e != NULL);
  }
}

static void describe_cmd(char *const *argv) {
  fputs("  command:", stderr);
  for (int i = 0; argv[i]; i++)
    fprintf(stderr, " %s", argv[i]);
  fputc('\n', stderr);
}

/* Runs argv once; fills r. Returns 0, or -1 after printing why it failed. */
static int run_once(char *const *argv, run_result *r, tail *err) {
  int pfd[2];
  if (pipe(pfd) != 0) {
    fprintf(stderr, "td_benchrun: pipe: %s\n", strerror(errno));
    return -1;
  }
  err->n = 0;
  err->p[0] = 0;
  double t0 = now();
  pid_t pid = fork();
  if (pid < 0) {
    fprintf(stderr, "td_benchrun: fork: %s\n", strerror(errno));
    close(pfd[0]);
    close(pfd[1]);
    return -1;
  }
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 ||
        dup2(pfd[1], 2) < 0)
      _exit(127);
    close(null);
    close(pfd[0]);
    close(pfd[1]);
    execvp(argv[0], argv);
    dprintf(2, "td_benchrun: cannot run %s: %s\n", argv[0], strerror(errno));
    _exit(127);
  }
  close(pfd[1]);
  char chunk[65536];
  for (;;) {
    ssize_t k = read(pfd[0], chunk, sizeof(chunk));
    if (k > 0)
      tail_add(err, chunk, (size_t)k);
    else if (k == 0 || errno != EINTR)
      break;
  }
  close(pfd[0]);
  int status;
  struct rusage ru;
  pid_t w;
  do
    w = wait4(pid, &status, 0, &ru);
  while (w < 0 && errno == EINTR);
  double t1 = now();
  if (w < 0) {
    fprintf(stderr, "td_benchrun: wait4: %s\n", strerror(errno));
    return -1;
  }
  r->wall = t1 - t0;
  r->maxrss_kib = ru.ru_maxrss;
  if (WIFSIGNALED(status)) {
    fprintf(stderr, "td_benchrun: tidings was killed by signal %d (%s)\n",
            WTERMSIG(status), strsignal(WTERMSIG(status)));
    describe_cmd(argv);
    print_tail(err);
    return -1;
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fprintf(stderr, "td_benchrun: tidings failed with exit status %d\n",
            WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    describe_cmd(argv);
    print_tail(err);
    return -1;
  }
  if (!parse_stats(err, r)) {
    fprintf(stderr, "td_benchrun: tidings printed no --stats line "
                    "(\"tidings: read N documents ...\")\n");
    describe_cmd(argv);
    print_tail(err);
    return -1;
  }
  return 0;
}

static int parse_int(const char *s, long lo, long hi, long *out) {
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || end == s || *end || v < lo || v > hi)
    return -1;
  *out = v;
  return 0;
}

/* "1,2,4" -> jobs[], the count; -1 if malformed. */
static int parse_jobs(const char *s, long *jobs, int max) {
  int n = 0;
  char buf[256];
  if (strlen(s) >= sizeof(buf))
    return -1;
  strcpy(buf, s);
  for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
    if (n == max || parse_int(tok, 1, 256, &jobs[n]) != 0)
      return -1;
    n++;
  }
  return n > 0 ? n : -1;
}

/* --name VALUE or --name=VALUE: the value, advancing *i; NULL if argv[*i]
 * is not that option. Exits if the value is missing. */
static const char *opt_value(int argc, char **argv, int *i, const char *name) {
  size_t n = strlen(name);
  const char *a = argv[*i];
  if (strncmp(a, name, n) != 0)
    return NULL;
  if (a[n] == '=')
    return a + n + 1;
  if (a[n] != 0)
    return NULL;
  if (*i + 1 >= argc) {
    fprintf(stderr, "td_benchrun: %s needs a value\n", name);
    exit(2);
  }
  return argv[++*i];
}

int main(int argc, char **argv) {
  const char *bin = NULL, *label = NULL, *file = NULL, *sub = "read";
  const char *jobs_arg = "1,2";
  long repeat = 3;
  int extra_at = argc; /* first EXTRA argument */
  for (int i = 1; i < argc; i++) {
    const char *v;
    if (!strcmp(argv[i], "--")) {
      extra_at = i + 1;
      break;
    } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      usage(stdout);
      return 0;
    } else if ((v = opt_value(argc, argv, &i, "--bin"))) {
      bin = v;
    } else if ((v = opt_value(argc, argv, &i, "--cmd"))) {
      sub = v;
    } else if ((v = opt_value(argc, argv, &i, "--jobs"))) {
      jobs_arg = v;
    } else if ((v = opt_value(argc, argv, &i, "--label"))) {
      label = v;
    } else if ((v = opt_value(argc, argv, &i, "--repeat"))) {
      if (parse_int(v, 1, 1000, &repeat) != 0) {
        fprintf(stderr, "td_benchrun: --repeat %s: expected 1 to 1000\n", v);
        return 2;
      }
    } else if (argv[i][0] == '-' && argv[i][1] != 0) {
      fprintf(stderr, "td_benchrun: unknown option %s\n", argv[i]);
      usage(stderr);
      return 2;
    } else if (!file) {
      file = argv[i];
    } else {
      fprintf(stderr, "td_benchrun: one input file only (%s, %s); give "
                      "tidings options after --\n", file, argv[i]);
      return 2;
    }
  }
  if (!bin || !file) {
    fprintf(stderr, "td_benchrun: %s\n",
            !bin ? "--bin PATH/tidings is required" : "no input FILE");
    usage(stderr);
    return 2;
  }
  if (strchr(bin, '/') && access(bin, X_OK) != 0) {
    fprintf(stderr, "td_benchrun: %s: %s (build tidings first)\n", bin,
            strerror(errno));
    return 2;
  }
  if (access(file, R_OK) != 0) {
    fprintf(stderr, "td_benchrun: %s: %s\n", file, strerror(errno));
    return 2;
  }
  long jobs[64];
  int njobs = parse_jobs(jobs_arg, jobs, 64);
  if (njobs < 0) {
    fprintf(stderr, "td_benchrun: --jobs %s: expected a list such as 1,2,4 "
                    "(each 1 to 256)\n", jobs_arg);
    return 2;
  }
  if (!label)
    label = file;
  long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
  if (ncpu < 1)
    ncpu = 1;

  /* argv: bin CMD --stats --jobs J EXTRA... FILE */
  int nextra = argc - extra_at;
  char **cmd = calloc((size_t)nextra + 7, sizeof(char *));
  tail err = {malloc(TAIL_MAX + 1), 0};
  if (!cmd || !err.p) {
    fputs("td_benchrun: out of memory\n", stderr);
    return 1;
  }
  char jbuf[16];
  cmd[0] = (char *)bin;
  cmd[1] = (char *)sub;
  cmd[2] = "--stats";
  cmd[3] = "--jobs";
  cmd[4] = jbuf;
  for (int k = 0; k < nextra; k++)
    cmd[5 + k] = argv[extra_at + k];
  cmd[5 + nextra] = (char *)file;
  cmd[6 + nextra] = NULL;

  for (int j = 0; j < njobs; j++) {
    snprintf(jbuf, sizeof(jbuf), "%ld", jobs[j]);
    run_result best = {0}, r;
    long maxrss = 0;
    for (long k = 0; k < repeat; k++) {
      memset(&r, 0, sizeof(r));
      if (run_once(cmd, &r, &err) != 0) {
        fprintf(stderr, "td_benchrun: %s: giving up\n", label);
        free(cmd);
        free(err.p);
        return 1;
      }
      if (k > 0 && (r.docs != best.docs || r.bytes != best.bytes))
        fprintf(stderr, "td_benchrun: warning: run %ld read %llu documents "
                        "(%llu bytes), run 1 read %llu (%llu bytes)\n",
                k + 1, r.docs, r.bytes, best.docs, best.bytes);
      if (r.maxrss_kib > maxrss)
        maxrss = r.maxrss_kib;
      if (k == 0 || r.wall < best.wall)
        best = r;
    }
    double wall = best.wall > 1e-6 ? best.wall : 1e-6;
    double mb = (double)best.bytes / 1e6;
    double mbs = mb / wall;
    long cores = jobs[j] < ncpu ? jobs[j] : ncpu;
    printf("%s  jobs=%ld  size=%.1fMB  docs=%llu  wall=%.2fs  MB/s=%.1f  "
           "MB/s/core=%.1f  docs/s=%.0f  sentences/s=%.0f  peakRSS=%.1fMB\n",
           label, jobs[j], mb, best.docs, best.wall, mbs,
           mbs / (double)cores, (double)best.docs / wall,
           (double)best.sentences / wall, (double)maxrss * 1024.0 / 1e6);
    fflush(stdout);
  }
  free(cmd);
  free(err.p);
  return 0;
}
