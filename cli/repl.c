/* repl.c — the REPL session: one event loop for the whole session, each
 * input compiled in single mode and run (as a task when it awaits at top
 * level), background tasks kept running while the prompt waits, Ctrl-C and
 * leaving. The terminal side is repl_term.c, the commands repl_cmd.c. */
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../grammar/compile.h"
#include "../vm/clock.h"
#include "../vm/loop.h"
#include "cli.h"
#include "repl.h"

/* Set by the SIGINT handler's reading of where the session is. */
static volatile sig_atomic_t at_prompt; /* the reader is (or is about to be) editing */
static volatile sig_atomic_t in_step;   /* a background iteration runs at the prompt */
static ReplSession *session;            /* for the loop's watch callback */

/* loop.c moves a timer to ready this close to its deadline. */
#define REPL_CLOCK_RESOLUTION 1e-9

extern void loop_report_deadlock(ObjLoop *l, ObjFuture *main); /* lib/mod_asyncio.c */

/* ------------------------------------------------------------ signals */

/* Ctrl-C at the prompt clears the line being typed (and stops a background
 * step only if one is running right then); anywhere else it raises
 * KeyboardInterrupt in the running code. */
static void repl_on_sigint(int sig) {
  (void)sig;
  if (at_prompt) {
    repl_term_cancel();
    if (in_step) vm.interrupted = 1;
  } else {
    vm.interrupted = 1;
  }
}

static void repl_install_sigint(struct sigaction *old) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = repl_on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0; /* no SA_RESTART: poll and sleeps return on Ctrl-C */
  sigaction(SIGINT, &sa, old);
}

/* ------------------------------------------------------------ GC */

static void repl_mark(void *ctx) {
  ReplSession *s = ctx;
  gc_mark_obj((Obj *)s->loop);
  gc_mark_obj((Obj *)s->globals);
  gc_mark_value(s->watch_cb);
  gc_mark_obj((Obj *)s->input_task);
}

/* ------------------------------------------------------------ reporting */

/* Print an exception that ended an input; returns the exit status when it
 * was SystemExit (the session ends), else -1. */
static int repl_report(Value exc) {
  gc_push_root(exc);
  bool is_exit = vm_isinstance(exc, vm.e_SystemExit);
  int status = cli_report_exception(exc);
  if (vm_isinstance(exc, vm.e_RuntimeError)) {
    ObjString *line = vm_exception_line(exc);
    if (!line) vm.exc = UNDEF_VAL;
    if (line && strstr(line->chars, "cannot be called from a running event loop"))
      fputs("hint: the REPL's event loop is already running: write `await main()` instead of "
            "`asyncio.run(main())`\n",
            stderr);
  }
  gc_pop_roots(1);
  fflush(stderr);
  return is_exit ? status : -1;
}

/* ------------------------------------------------------------ the prompt */

Value repl_on_input(int argc, Value *argv, ObjTuple *kw) {
  (void)argc, (void)argv, (void)kw;
  for (;;) {
    ReplMsg m = repl_term_take();
    if (m.kind == REPL_MSG_NONE) break;
    if (m.kind == REPL_MSG_COMPLETE) {
      repl_complete(session, m.text);
      free(m.text);
      continue;
    }
    free(session->pending.text);
    session->pending = m;
    session->have_pending = true;
  }
  return NONE_VAL;
}

bool repl_loop_due(ObjLoop *l) {
  if (!loop_has_work(l)) return false; /* also drops cancelled timers */
  if (l->rcount > 0) return true;
  return l->ntimers > 0 && l->timers[0].when < clock_now() + REPL_CLOCK_RESOLUTION;
}

/* One loop iteration while the prompt waits. Exceptions that escape it
 * (a background task interrupted, or exiting) are reported here; returns
 * the exit status when a task raised SystemExit, else -1. */
static int repl_background_turn(ReplSession *s) {
  in_step = 1;
  bool ok = loop_run_once(s->loop);
  in_step = 0;
  vm.interrupted = 0; /* a Ctrl-C at the prompt is for the prompt */
  if (ok) return -1;
  Value e = vm_take_exc();
  /* KeyboardInterrupt raised between steps (no traceback): the prompt
   * already says so. */
  if (vm_isinstance(e, vm.e_KeyboardInterrupt) && AS_EXCEPTION(e)->ntb == 0) return -1;
  return repl_report(e);
}

/* Wait (in poll) until a watched fd is ready or the next timer is due;
 * false when a signal cut the wait short with nothing to do. Under the
 * virtual clock, time stands still while the prompt waits: only typing (or
 * another fd) wakes the loop. */
static bool repl_idle_wait(ReplSession *s) {
  ObjLoop *l = s->loop;
  struct pollfd fds[64];
  nfds_t n = 0;
  for (uint32_t i = 0; i < l->nwatches && n < 64; i++, n++) {
    fds[n].fd = l->watches[i].fd;
    fds[n].events = l->watches[i].write ? POLLOUT : POLLIN;
    fds[n].revents = 0;
  }
  int ms = -1;
  if (!clock_is_virtual() && l->ntimers > 0) {
    double wait = l->timers[0].when - clock_now();
    ms = wait <= 0 ? 0 : wait > 60.0 ? 60000 : (int)(wait * 1000.0) + 1;
  }
  int r = poll(fds, n, ms);
  if (r > 0) return true;
  return r == 0 && repl_loop_due(l);
}

/* :pause: nothing runs while the prompt waits; only the reader is heard. */
static void repl_paused_wait(void) {
  struct pollfd p = {repl_term_fd(), POLLIN, 0};
  if (poll(&p, 1, -1) > 0) repl_on_input(0, NULL, NULL);
}

/* A failed task or future nobody refers to any more is reported when the
 * collector finds it dead, as CPython reports it when it is freed; at the
 * prompt that is made to happen at once (after a failure, or after an input
 * that may have dropped the last reference, e.g. by rebinding `_`). */
static bool holds_unretrieved(void) {
  for (Obj *o = vm.objects; o; o = o->next) {
    if (o->type == OBJ_FUTURE && ((ObjFuture *)o)->log_tb) return true;
  }
  return false;
}

static void repl_report_failed(bool after_input) {
  static uint32_t seen;
  if (vm.nfailed == 0 || (vm.nfailed == seen && !after_input)) return;
  seen = vm.nfailed;
  if (!holds_unretrieved()) return;
  gc_collect();
  loop_report_unretrieved();
}

/* Show the prompt and keep the loop running until the reader answers. */
static ReplMsg repl_read(ReplSession *s, const char *prompt, int *exit_status) {
  s->have_pending = false;
  bool paused = s->paused;
  if (!paused) loop_add_watch(s->loop, repl_term_fd(), false, s->watch_cb);
  repl_report_failed(true);
  at_prompt = 1;
  repl_term_ask(prompt);
  repl_term_capture_begin();
  while (!s->have_pending && *exit_status < 0) {
    if (paused)
      repl_paused_wait();
    else if (repl_loop_due(s->loop) || repl_idle_wait(s))
      *exit_status = repl_background_turn(s);
    repl_report_failed(false);
    repl_term_capture_flush();
  }
  repl_term_capture_end();
  at_prompt = 0;
  if (!paused) loop_remove_watch(s->loop, repl_term_fd(), false);
  ReplMsg m = s->pending;
  s->pending = (ReplMsg){REPL_MSG_NONE, NULL};
  if (!s->have_pending) m.kind = REPL_MSG_EOF;
  return m;
}

/* ------------------------------------------------------------ running */

static bool not_wakeup_of(Value fn, bool wakeup, void *task) {
  return !(wakeup && IS_OBJ(fn) && AS_OBJ(fn) == (Obj *)task);
}

/* Stop the task from waiting: its wake-up must not come later. */
static void repl_detach_waiter(ObjTask *t) {
  ObjFuture *f = (ObjFuture *)t->waiter;
  t->waiter = NULL;
  if (!f) return;
  if (f->obj.aux == FUTK_SLEEP) {
    ObjSleep *sl = (ObjSleep *)f;
    sl->task = NULL; /* its timer is dead now */
    sl->fut.state = FUT_CANCELLED;
    return;
  }
  future_filter_callbacks(f, not_wakeup_of, t);
}

/* Ctrl-C while the input's task waits: raise KeyboardInterrupt at its
 * await, as it would be raised in synchronous code, so the traceback shows
 * the line and `try`/`finally` in the input run. What it awaited is
 * cancelled as Task.cancel() would (a gather cancels its children), so
 * `python -m asyncio` users find the same tasks left afterwards. */
static void repl_interrupt_task(ObjTask *t) {
  if (t->fut.state != FUT_PENDING) return;
  if (t->fut.step_scheduled || !t->waiter) {
    future_cancel(TASK_FUTURE(t), NONE_VAL); /* about to run anyway: cancel it */
    return;
  }
  ObjFuture *w = (ObjFuture *)t->waiter;
  gc_push_root(OBJ_VAL(w));
  repl_detach_waiter(t);
  if (w->obj.aux != FUTK_SLEEP) future_cancel(w, NONE_VAL);
  gc_pop_roots(1);
  Value ki = vm_new_exception(vm.e_KeyboardInterrupt, 0, NULL);
  gc_push_root(ki);
  if (!task_step(t, ki)) vm.exc = UNDEF_VAL; /* kept as the task's exception */
  gc_pop_roots(1);
}

/* Nothing can ever wake the input: explain, cancel it, go on. */
static void repl_deadlock(ReplSession *s, ObjTask *t) {
  loop_report_deadlock(s->loop, TASK_FUTURE(t));
  vm.exc = UNDEF_VAL; /* its SystemExit ends scripts, not the session */
  fputs("(the input was cancelled; the session goes on)\n", stderr);
  fflush(stderr);
  future_cancel(TASK_FUTURE(t), NONE_VAL);
  for (int i = 0; i < 100 && t->fut.state == FUT_PENDING && loop_has_work(s->loop); i++)
    if (!loop_run_once(s->loop)) vm.exc = UNDEF_VAL;
}

/* How the input's task ended, reported; returns an exit status or -1. */
static int repl_task_outcome(ObjTask *t, Value already_printed, bool quiet_cancel) {
  t->fut.log_tb = false;
  if (t->fut.state == FUT_PENDING) return -1; /* left running (deadlock gave up) */
  if (t->fut.state == FUT_CANCELLED) {
    if (quiet_cancel) return -1;
    Value e = t->fut.result;
    if (IS_EXCEPTION(e)) return repl_report(e);
    return repl_report(future_cancelled_error(TASK_FUTURE(t)));
  }
  if (!t->fut.has_exc) return -1;
  Value e = t->fut.result;
  if (IS_OBJ(already_printed) && IS_OBJ(e) && AS_OBJ(e) == AS_OBJ(already_printed)) return -1;
  /* One Ctrl-C, one traceback: the task that was running says where. */
  if (!IS_UNDEF(already_printed) && vm_isinstance(already_printed, vm.e_KeyboardInterrupt) &&
      vm_isinstance(e, vm.e_KeyboardInterrupt))
    return -1;
  return repl_report(e);
}

/* Run the loop until the input's task is done. */
static int repl_drive(ReplSession *s, ObjTask *t) {
  Value printed = UNDEF_VAL; /* an exception already reported (kept alive) */
  gc_push_range(&printed, 1);
  bool quiet_cancel = false;
  int status = -1;
  while (t->fut.state == FUT_PENDING) {
    if (vm.interrupted) {
      vm.interrupted = 0;
      repl_interrupt_task(t);
      continue;
    }
    if (!loop_has_work(s->loop)) {
      repl_deadlock(s, t);
      quiet_cancel = true;
      break;
    }
    if (loop_run_once(s->loop)) continue;
    Value e = vm_take_exc();
    if (vm_isinstance(e, vm.e_SystemExit)) {
      status = repl_report(e);
      break;
    }
    bool own = t->fut.state != FUT_PENDING && t->fut.has_exc && IS_OBJ(e) &&
               IS_OBJ(t->fut.result) && AS_OBJ(t->fut.result) == AS_OBJ(e);
    if (own) break;
    /* Another task was interrupted (or Ctrl-C came between steps): say so,
     * then interrupt the input too. */
    if (!(vm_isinstance(e, vm.e_KeyboardInterrupt) && AS_EXCEPTION(e)->ntb == 0)) {
      printed = e;
      repl_report(e);
    }
    repl_interrupt_task(t);
  }
  if (status < 0) status = repl_task_outcome(t, printed, quiet_cancel);
  gc_pop_range();
  return status;
}

/* Top-level await: the input runs as a task of the session loop. */
static int repl_run_async(ReplSession *s, ObjCode *code) {
  Value coro = vm_module_coroutine(code, s->globals);
  if (IS_UNDEF(coro)) return repl_report(vm_take_exc());
  gc_push_root(coro);
  ObjTask *t = task_new(s->loop, coro, NONE_VAL);
  gc_pop_roots(1);
  s->input_task = t;
  int status = repl_drive(s, t);
  s->input_task = NULL;
  return status;
}

/* Synchronous input: run it directly (the loop counts as running, so
 * create_task and get_running_loop work as in `python -m asyncio`). */
static int repl_run_sync(ReplSession *s, ObjCode *code) {
  Frame *f = vm_make_module_frame(code, s->globals);
  if (!f) return repl_report(vm_take_exc());
  Value out;
  if (vm_run_frame(f, &out) == RUN_ERROR) return repl_report(vm_take_exc());
  return -1;
}

/* Compile and run one complete input; returns an exit status or -1. */
static int repl_run_source(ReplSession *s, const char *src, size_t len) {
  vm.interrupted = 0; /* a Ctrl-C typed before this input is not for it */
  ObjCode *code = compile_source(src, len, "<stdin>", COMPILE_SINGLE);
  if (!code) return repl_report(vm_take_exc());
  gc_push_root(OBJ_VAL(code));
  int status = (code->flags & CODE_COROUTINE) ? repl_run_async(s, code) : repl_run_sync(s, code);
  gc_pop_roots(1);
  fflush(stdout);
  fflush(stderr);
  return status;
}

/* ------------------------------------------------------------ input buffer */

typedef struct {
  char *text;
  size_t len, cap;
  int lines;
} ReplBuffer;

static bool buffer_add_line(ReplBuffer *b, const char *line) {
  size_t n = strlen(line);
  size_t need = b->len + n + 2;
  if (need > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 256;
    while (cap < need) cap *= 2;
    char *t = realloc(b->text, cap);
    if (!t) return false;
    b->text = t;
    b->cap = cap;
  }
  /* Lines joined by '\n', as codeop wants them: no final newline. */
  if (b->lines > 0) b->text[b->len++] = '\n';
  memcpy(b->text + b->len, line, n);
  b->len += n;
  b->text[b->len] = '\0';
  b->lines++;
  return true;
}

static void buffer_clear(ReplBuffer *b) {
  b->len = 0;
  b->lines = 0;
  if (b->text) b->text[0] = '\0';
}

/* One line typed: run it, or wait for more. Returns an exit status or -1. */
static int repl_take_line(ReplSession *s, ReplBuffer *b, const char *line) {
  if (b->lines == 0) {
    const char *p = line;
    while (*p == ' ' || *p == '\t') p++;
    if (*p == ':') {
      repl_command(s, p);
      fflush(stdout);
      return -1;
    }
    if (*p == '\0') return -1;
  }
  if (!buffer_add_line(b, line)) {
    fputs("asy: out of memory\n", stderr);
    buffer_clear(b);
    return -1;
  }
  if (repl_classify(b->text, b->len) == REPL_INPUT_INCOMPLETE) return -1;
  int status = repl_run_source(s, b->text, b->len);
  buffer_clear(b);
  return status;
}

/* Ctrl-D in the middle of a statement ends it as an empty line would. */
static int repl_finish_pending(ReplSession *s, ReplBuffer *b) {
  if (b->lines == 0) return -1;
  buffer_add_line(b, "");
  int status = repl_run_source(s, b->text, b->len);
  buffer_clear(b);
  return status;
}

static int repl_loop(ReplSession *s) {
  ReplBuffer b = {0};
  int status = -1;
  while (status < 0) {
    ReplMsg m = repl_read(s, b.lines ? "... " : ">>> ", &status);
    if (status >= 0) {
      free(m.text);
      break;
    }
    if (m.kind == REPL_MSG_LINE) {
      status = repl_take_line(s, &b, m.text);
    } else if (m.kind == REPL_MSG_INTERRUPT) {
      fputs("KeyboardInterrupt\n", stderr);
      buffer_clear(&b);
    } else if (b.lines > 0) {
      status = repl_finish_pending(s, &b);
    } else {
      status = 0;
    }
    free(m.text);
  }
  free(b.text);
  return status;
}

/* ------------------------------------------------------------ session */

static Value repl_asyncio_call(Value mod, const char *name, int argc, Value *argv) {
  Value fn = vm_getattr(mod, str_intern_cstr(name));
  if (IS_UNDEF(fn)) return UNDEF_VAL;
  return vm_call(fn, argc, argv);
}

/* asyncio in the globals, and a new loop set as current and marked running
 * for the whole session. */
static bool repl_open_loop(ReplSession *s) {
  Value mod = vm_import(str_intern_cstr("asyncio"));
  if (IS_UNDEF(mod)) return false;
  gc_push_root(mod);
  Value have;
  if (!dict_get_str(s->globals, str_intern_cstr("asyncio"), &have))
    dict_set_str(s->globals, str_intern_cstr("asyncio"), mod);
  Value loop = repl_asyncio_call(mod, "new_event_loop", 0, NULL);
  bool ok = IS_OBJ_TYPE(loop, OBJ_LOOP);
  if (ok) {
    gc_push_root(loop);
    ok = !IS_UNDEF(repl_asyncio_call(mod, "set_event_loop", 1, &loop));
    gc_pop_roots(1);
  }
  gc_pop_roots(1);
  if (!ok) return false;
  s->loop = (ObjLoop *)AS_OBJ(loop);
  s->loop->running = true;
  vm.running_loop = loop;
  return true;
}

static char *repl_history_path(void) {
  const char *home = getenv("HOME");
  if (!home || !*home) {
    struct passwd *pw = getpwuid(getuid());
    home = pw ? pw->pw_dir : NULL;
  }
  if (!home) return NULL;
  size_t n = strlen(home) + sizeof "/.asy_history";
  char *path = malloc(n);
  if (path) snprintf(path, n, "%s/.asy_history", home);
  return path;
}

static double repl_wall_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Cancel what is still pending, say how many, and stop the loop. The
 * cancelled tasks get up to two seconds (of real time, whatever the loop's
 * clock) to run their `finally` blocks; Ctrl-C stops waiting for them. */
static void repl_close_loop(ReplSession *s) {
  ObjLoop *l = s->loop;
  uint32_t n = l->ntasks;
  for (uint32_t i = 0; i < n && i < l->ntasks; i++)
    future_cancel(TASK_FUTURE(l->tasks[i]), NONE_VAL);
  double give_up = repl_wall_seconds() + 2.0;
  vm.interrupted = 0;
  while (l->ntasks > 0 && loop_has_work(l) && repl_wall_seconds() < give_up) {
    if (loop_run_once(l) && !vm.interrupted) continue;
    Value e = vm_take_exc();
    if (vm.interrupted || vm_isinstance(e, vm.e_KeyboardInterrupt)) break;
  }
  vm.interrupted = 0;
  if (n > 0) fprintf(stderr, "cancelled %u pending task%s\n", n, n == 1 ? "" : "s");
  if (l->ntasks > 0)
    fprintf(stderr, "(%u of them did not finish: they caught the cancellation or kept waiting)\n",
            l->ntasks);
  l->running = false;
  l->closed = true;
  vm.running_loop = NONE_VAL;
}

/* On stderr, as python3 prints its banner: `asy > log` logs results only. */
static void repl_banner(void) {
  fprintf(stderr,
          "asy %s REPL (a subset of Python 3.11 with asyncio)\n"
          "asyncio is imported and one event loop runs the whole session: `await` works here.\n"
          "Type :help for the commands that show the loop, Ctrl-D to leave.\n",
          ASY_VERSION);
  fflush(stderr);
}

int cli_repl(const CliOptions *o) {
  ReplSession s;
  memset(&s, 0, sizeof s);
  s.globals = vm.main_module->dict;
  s.watch_cb = NONE_VAL;
  s.color = !o->no_color && isatty(STDOUT_FILENO);
  gc_add_marker(repl_mark, &s);
  session = &s;
  if (!repl_open_loop(&s)) {
    cli_report_exception(vm_take_exc());
    gc_remove_marker(repl_mark, &s);
    return 1;
  }
  s.watch_cb = OBJ_VAL(native_new("repl_line_typed", repl_on_input));
  vm.repl = true;
  char *history = repl_history_path();
  bool term_ok = repl_term_start(history);
  free(history);
  struct sigaction old_sigint;
  repl_install_sigint(&old_sigint);
  int status = 1;
  if (term_ok) {
    repl_banner();
    status = repl_loop(&s);
  } else {
    fputs("asy: cannot start the REPL on this terminal\n", stderr);
  }
  repl_term_stop();
  repl_close_loop(&s);
  sigaction(SIGINT, &old_sigint, NULL);
  free(s.pending.text);
  vm.repl = false;
  session = NULL;
  gc_remove_marker(repl_mark, &s);
  fflush(stdout);
  return status;
}
