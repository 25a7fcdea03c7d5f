/* main.c — the `asy` command: options, reading the program, running it,
 * and turning its outcome into an exit status as CPython does. */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "../grammar/compile.h"
#include "../lib/lib.h"
#include "../vm/clock.h"
#include "../vm/debug.h"
#include "../vm/source.h"
#include "cli.h"

static const char usage_line[] = "usage: asy [options] [FILE | -c CODE | -] [args...]\n";

static const char help_text[] =
    "asy " ASY_VERSION " — a teaching interpreter for async Python (a subset of Python 3.11)\n"
    "\n"
    "usage: asy [options] [FILE | -c CODE | -] [args...]\n"
    "\n"
    "  FILE            run the program in FILE (args go to sys.argv)\n"
    "  -c CODE         run CODE\n"
    "  -               run the program read from standard input\n"
    "  (nothing)       start the interactive REPL when stdin is a terminal\n"
    "\n"
    "options:\n"
    "  -i              enter the REPL after running the program\n"
    "  --check         compile only: report syntax errors, run nothing\n"
    "  --dis           print the bytecode of every function (await points marked)\n"
    "  --clock=MODE    real (default) or virtual: instant, reproducible time\n"
    "  --trace[=ops]   narrate the event loop on stderr (=ops: every instruction)\n"
    "  --timeline[=F]  record task states; draw a chart on stderr, or F.svg/F.json\n"
    "  --sched=MODE    fifo (default), eager, or shuffle:SEED\n"
    "  --debug         asyncio debug mode: warnings with source lines\n"
    "  --no-color      plain output even on a terminal (also: NO_COLOR=1)\n"
    "  -V, --version   print the version and exit\n"
    "  -h, --help      print this help and exit\n"
    "\n"
    "environment: ASY_CLOCK=virtual, ASY_DEBUG=1, NO_COLOR\n"
    "exit status: 0 ok, 1 uncaught exception or syntax error, 2 usage error, 130 Ctrl-C\n";

static void on_sigint(int sig) {
  (void)sig;
  vm.interrupted = 1;
}

static void install_sigint(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; /* no SA_RESTART: blocking reads and sleeps return */
  sigaction(SIGINT, &sa, NULL);
}

static int usage_error(const char *fmt, const char *arg) {
  fputs(usage_line, stderr);
  fputs("asy: error: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\nTry 'asy --help' for more information.\n", stderr);
  return 2;
}

/* Parse the command line; returns -1 to go on, or an exit status. */
/* The value of `--opt=VALUE` or `--opt VALUE` (consuming the next argument),
 * as students type both; NULL when the value is missing. */
static const char *option_value(int argc, char **argv, int *i, const char *opt) {
  const char *a = argv[*i];
  size_t n = strlen(opt);
  if (a[n] == '=') return a + n + 1;
  if (*i + 1 >= argc) return NULL;
  return argv[++*i];
}

static int parse_options(int argc, char **argv, CliOptions *o) {
  int i = 1;
  for (; i < argc; i++) {
    const char *a = argv[i];
    if (a[0] != '-' || strcmp(a, "-") == 0) break;
    if (strcmp(a, "--") == 0) {
      i++;
      break;
    }
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      fputs(help_text, stdout);
      return 0;
    }
    if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
      printf("asy %s (Python 3.11 subset)\n", ASY_VERSION);
      return 0;
    }
    if (strcmp(a, "-c") == 0) {
      if (i + 1 >= argc) return usage_error("%s", "argument -c: expected one argument");
      o->code = argv[++i];
      i++;
      break;
    }
    if (strcmp(a, "-i") == 0)
      o->interactive = true;
    else if (strcmp(a, "--check") == 0)
      o->check = true;
    else if (strcmp(a, "--dis") == 0)
      o->dis = true;
    else if (strcmp(a, "--debug") == 0)
      o->debug = true;
    else if (strcmp(a, "--no-color") == 0)
      o->no_color = true;
    else if (strcmp(a, "--trace") == 0)
      o->trace = true;
    else if (strcmp(a, "--trace=ops") == 0)
      o->trace = o->trace_ops = true;
    else if (strncmp(a, "--clock=", 8) == 0 || strcmp(a, "--clock") == 0) {
      const char *mode = option_value(argc, argv, &i, "--clock");
      if (!mode) return usage_error("%s", "--clock expects 'real' or 'virtual'");
      if (strcmp(mode, "virtual") == 0)
        o->virtual_clock = true;
      else if (strcmp(mode, "real") == 0)
        o->virtual_clock = false;
      else
        return usage_error("--clock must be 'real' or 'virtual', not '%s'", mode);
    } else if (strcmp(a, "--timeline") == 0) {
      o->timeline = true;
    } else if (strncmp(a, "--timeline=", 11) == 0) {
      o->timeline = true;
      o->timeline_file = a + 11;
    } else if (strncmp(a, "--sched=", 8) == 0 || strcmp(a, "--sched") == 0) {
      o->sched = option_value(argc, argv, &i, "--sched");
      if (!o->sched) return usage_error("%s", "--sched expects fifo, eager or shuffle:SEED");
    } else {
      return usage_error("unrecognized option '%s'", a);
    }
  }
  o->first_arg = i;
  return -1;
}

static char *read_all(FILE *f, size_t *len) {
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  if (!buf) return NULL;
  for (;;) {
    if (n == cap) {
      cap *= 2;
      char *nb = realloc(buf, cap);
      if (!nb) {
        free(buf);
        return NULL;
      }
      buf = nb;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) break;
  }
  *len = n;
  return buf;
}

static int report(Value exc) {
  fflush(stdout);
  if (vm_isinstance(exc, vm.e_SystemExit)) {
    ObjTuple *args = AS_EXCEPTION(exc)->args;
    Value code = args->len == 0 ? NONE_VAL : args->items[0];
    if (IS_NONE(code)) return 0;
    if (IS_INTLIKE(code)) return (int)(AS_INTLIKE(code) & 0xFF);
    ObjString *s = vm_str(code);
    if (s) fprintf(stderr, "%s\n", s->chars);
    return 1;
  }
  if (vm_isinstance(exc, vm.e_SyntaxError) && AS_EXCEPTION(exc)->ntb == 0) {
    compile_print_syntax_error(exc);
    return 1;
  }
  /* The REPL is `python -m asyncio`'s, which prints errors with the
   * traceback module: no "Did you mean" there in 3.11. */
  if (vm.repl)
    vm_print_exception(exc);
  else
    vm_print_uncaught(exc);
  return vm_isinstance(exc, vm.e_KeyboardInterrupt) ? 130 : 1;
}

/* Report an exception that ended the program; returns the exit status. */
int cli_report_exception(Value exc) {
  gc_push_root(exc);
  int status = report(exc);
  gc_pop_roots(1);
  return status;
}

static int run_program(const char *src, size_t len, const char *filename, const CliOptions *o) {
  source_set_main(filename);
  if (o->check || o->dis) {
    source_register(filename, src, len);
    ObjCode *code = compile_source(src, len, filename, COMPILE_FILE);
    if (!code) return cli_report_exception(vm_take_exc());
    if (o->dis) debug_disassemble(code, stdout, !o->no_color && isatty(STDOUT_FILENO));
    return 0;
  }
  if (!vm_run_source(src, len, filename, NULL)) return cli_report_exception(vm_take_exc());
  return 0;
}

int main(int argc, char **argv) {
  CliOptions o;
  memset(&o, 0, sizeof o);
  int st = parse_options(argc, argv, &o);
  if (st >= 0) return st;
  const char *env_clock = getenv("ASY_CLOCK");
  if (env_clock && strcmp(env_clock, "virtual") == 0) o.virtual_clock = true;
  const char *env_debug = getenv("ASY_DEBUG");
  if (env_debug && env_debug[0] && strcmp(env_debug, "0") != 0) o.debug = true;
  if (getenv("NO_COLOR") && getenv("NO_COLOR")[0]) o.no_color = true;
  clock_set_virtual(o.virtual_clock);

  const char *file = NULL;
  int nargs = argc - o.first_arg;
  char **args = argv + o.first_arg;
  char *dash_c[1] = {"-c"};
  if (!o.code && nargs > 0) file = args[0];
  /* sys.argv as CPython builds it: the script (or -c, or '') then args. */
  int sys_argc;
  char **sys_argv;
  char *empty[1] = {""};
  if (o.code) {
    sys_argc = nargs + 1;
    sys_argv = malloc(sizeof(char *) * (size_t)sys_argc);
    if (!sys_argv) return 1;
    sys_argv[0] = dash_c[0];
    for (int i = 0; i < nargs; i++) sys_argv[i + 1] = args[i];
  } else if (file) {
    sys_argc = nargs;
    sys_argv = args;
  } else {
    sys_argc = 1;
    sys_argv = empty;
  }
  vm_init(sys_argc, sys_argv);
  if (o.code) free(sys_argv);
  vm.debug = o.debug;
  cli_apply_options(&o);
  install_sigint();

  int status = 0;
  if (o.code) {
    status = run_program(o.code, strlen(o.code), "<string>", &o);
  } else if (file && strcmp(file, "-") != 0) {
    FILE *f = fopen(file, "rb");
    if (!f) {
      fprintf(stderr, "asy: can't open file '%s': [Errno %d] %s\n", file, errno, strerror(errno));
      vm_free();
      return 2;
    }
    size_t len;
    char *src = read_all(f, &len);
    fclose(f);
    if (!src) {
      fprintf(stderr, "asy: out of memory reading '%s'\n", file);
      return 1;
    }
    status = run_program(src, len, file, &o);
    free(src);
  } else if (!file && isatty(STDIN_FILENO) && !o.check && !o.dis) {
    status = cli_repl(&o);
  } else {
    size_t len;
    char *src = read_all(stdin, &len);
    if (!src) return 1;
    status = run_program(src, len, "<stdin>", &o);
    free(src);
  }
  if (o.interactive && status != 2 && isatty(STDIN_FILENO) && (o.code || file))
    status = cli_repl(&o);
  status = cli_finish(&o, status);
  fflush(stdout);
  vm_free();
  return status;
}
