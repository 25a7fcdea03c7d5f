/* show.c — wiring the ways of showing the model into the VM: the one loop
 * event hook that feeds the narrator (trace.c), the recorder (timeline.c)
 * and the debug-mode checks; --sched; and the reports drawn at exit. */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "../vm/clock.h"
#include "../vm/debug.h"
#include "../vm/source.h"
#include "cli.h"
#include "timeline.h"
#include "trace.h"

/* ------------------------------------------------------------ debug mode
 *
 * Debug mode is on for a loop when --debug / ASY_DEBUG=1 made every loop a
 * debug loop, or asyncio.run(..., debug=True) / loop.set_debug(True) asked
 * for it. Then:
 * - every call made by user code during a task step is timed (through the
 *   per-instruction hook), so when a step blocks the loop for more than
 *   0.1 s the warning can name the call where the time went;
 * - asyncio.run() cancelling leftover tasks is explained, with the line
 *   where each was created;
 * - tasks still pending when the program ends are reported, as CPython
 *   reports a pending task that is destroyed. */

enum { CALL_MARKS = 256, SITE = 256 };

typedef struct {
  Frame *frame;
  uint32_t depth;
  const uint8_t *ip;
  double t;
} CallMark;

/* A source position copied out of the VM: "file.py", 12. */
typedef struct {
  char file[SITE];
  int line;
} Site;

static struct {
  bool probing, in_step, trace_ops;
  CallMark calls[CALL_MARKS];
  int ncalls;
  double best_dur; /* the deepest slow call of this step */
  uint32_t best_depth;
  bool best_in_coroutine; /* the slow call was made by an async def itself */
  char best_func[64];     /* the function that made it */
  Site best, begin, end;
  ObjTask **pending; /* tasks of debug loops not yet done (kept alive) */
  uint32_t npending, cappending;
  Site *created; /* by task id: where each task of a debug loop was created */
  uint32_t ncreated;
} dbg;

static void site_set(Site *s, const ObjCode *code, int line) {
  snprintf(s->file, sizeof s->file, "%s", code ? code->filename->chars : "");
  s->line = code ? line : 0;
}

static bool is_call(uint8_t op) {
  return op == BC_CALL || op == BC_CALL_KW || op == BC_CALL_METHOD || op == BC_CALL_METHOD_KW ||
         op == BC_CALL_EX;
}

/* A call made from frame m returned after dur seconds: keep it if it is the
 * deepest slow one so far (time.sleep inside helper() beats helper()). */
static void call_returned(const CallMark *m, double dur) {
  if (dur < 0.05) return;
  if (dbg.best.line &&
      (m->depth < dbg.best_depth || (m->depth == dbg.best_depth && dur <= dbg.best_dur)))
    return;
  const LineEntry *le = code_line_at(m->frame->code, (uint32_t)(m->ip - m->frame->code->code));
  site_set(&dbg.best, m->frame->code, le ? le->line : 0);
  dbg.best_in_coroutine = (m->frame->code->flags & CODE_COROUTINE) != 0;
  snprintf(dbg.best_func, sizeof dbg.best_func, "%s", m->frame->code->name->chars);
  dbg.best_dur = dur;
  dbg.best_depth = m->depth;
}

/* Called before each instruction while a step runs: time user-code calls. */
static void probe_call(Frame *f, const uint8_t *ip) {
  while (dbg.ncalls > 0 && dbg.calls[dbg.ncalls - 1].depth > f->depth) dbg.ncalls--; /* unwound */
  if (dbg.ncalls > 0) {
    CallMark *m = &dbg.calls[dbg.ncalls - 1];
    if (m->frame == f && m->depth == f->depth && m->ip != ip) {
      call_returned(m, clock_now() - m->t);
      dbg.ncalls--;
    }
  }
  if (is_call(*ip) && dbg.ncalls < CALL_MARKS && !trace_is_library(f->code))
    dbg.calls[dbg.ncalls++] = (CallMark){f, f->depth, ip, clock_now()};
}

static void show_op_hook(Frame *f, uint8_t *ip) {
  /* --trace=ops: the user's instructions; asyncio's own would drown them. */
  if (dbg.trace_ops && !trace_is_library(f->code)) debug_trace_op(f, ip);
  if (dbg.in_step) probe_call(f, ip);
}

/* Route every instruction through show_op_hook (from the next task step on). */
static void probe_enable(void) {
  if (dbg.probing) return;
  dbg.probing = true;
  vm.trace_ops = true;
  vm.op_hook = show_op_hook;
}

/* Where a task is now: its suspension line, or its first line if fresh. */
static void task_site(ObjTask *t, Site *s) {
  ObjCode *code = NULL;
  int line = task_suspended_line(t, &code);
  if (!code && IS_GEN(task_coro(t)) && AS_GEN(task_coro(t))->frame) {
    code = AS_GEN(task_coro(t))->frame->code;
    line = code->firstline;
  }
  site_set(s, code, line);
}

static void step_begin(const LoopEvent *ev) {
  if (!ev->loop->debug) return;
  probe_enable();
  dbg.in_step = true;
  dbg.ncalls = 0;
  dbg.best_dur = 0;
  dbg.best_depth = 0;
  dbg.best.line = 0;
  task_site(ev->task, &dbg.begin);
}

static void step_end(const LoopEvent *ev) {
  dbg.in_step = false;
  if (ev->loop->debug) task_site(ev->task, &dbg.end);
}

/* The source text of a line, trimmed, or "". */
static const char *source_text(const Site *s, int *len) {
  size_t n = 0;
  const char *t = s->line ? source_line(s->file, s->line, &n) : NULL;
  if (!t) {
    *len = 0;
    return "";
  }
  while (n && (*t == ' ' || *t == '\t')) t++, n--;
  *len = (int)source_code_len(t, n); /* the code, not a comment after it */
  return t;
}

/* The fix for a blocking line: in a coroutine, asyncio.sleep for a
 * time.sleep; in a plain function, a thread (or making it async). */
static void blocked_fix(const char *text, int len) {
  char line[SITE];
  snprintf(line, sizeof line, "%.*s", len, text);
  const char *p = strstr(line, "sleep(");
  bool time_sleep = p && !strstr(line, "asyncio.sleep");
  if (time_sleep && dbg.best_in_coroutine) {
    const char *close = strchr(p, ')');
    int n = close ? (int)(close - p) + 1 : 6;
    fprintf(
        stderr,
        "     time.sleep() stops the whole event loop; in async def write `await asyncio.%.*s`.\n",
        n, p);
  } else if (!dbg.best_in_coroutine) {
    fprintf(
        stderr,
        "     %s() is a plain function that blocks the whole event loop: run it in a thread with "
        "`await asyncio.to_thread(%s, ...)`%s.\n",
        dbg.best_func, dbg.best_func,
        time_sleep ? ", or make it async and `await asyncio.sleep(...)`" : "");
  } else {
    fputs("     a blocking call stops the whole event loop; run it in a thread with "
          "`await asyncio.to_thread(...)`.\n",
          stderr);
  }
}

static void report_blocked(const LoopEvent *ev) {
  Value saved = vm.exc;
  ObjString *r = vm_repr(OBJ_VAL(ev->task));
  vm.exc = saved;
  fflush(stdout);
  fprintf(stderr, "Executing %s took %.3f seconds\n", r ? r->chars : "<Task>", ev->when);
  fprintf(stderr, "asy: for %.3f s no other task could run: the step of %s began at %s:%d",
          ev->when, task_name(ev->task)->chars, dbg.begin.file, dbg.begin.line);
  if (!dbg.best.line) {
    if (ev->task->fut.state != FUT_PENDING)
      fprintf(stderr, " and ran to the end of %s() without an await that suspends.\n",
              trace_coro_name(ev->task));
    else
      fprintf(stderr, " and computed until %s:%d without an await that suspends.\n", dbg.end.file,
              dbg.end.line);
    fputs("     In a long loop, `await asyncio.sleep(0)` lets the other tasks run.\n", stderr);
    return;
  }
  int len;
  const char *text = source_text(&dbg.best, &len);
  fprintf(stderr, ";\n     the time went in %s:%d: %.*s (%.3f s).\n", dbg.best.file, dbg.best.line,
          len, text, dbg.best_dur);
  blocked_fix(text, len);
}

static void mark_pending(void *ctx) {
  (void)ctx;
  for (uint32_t i = 0; i < dbg.npending; i++) gc_mark_obj((Obj *)dbg.pending[i]);
}

/* A task of a debug loop is born: remember where, and keep it in sight
 * until it is done. */
static void debug_created(ObjTask *t) {
  if (!t->fut.loop || !t->fut.loop->debug || trace_task_is_internal(t)) return;
  if (t->id >= dbg.ncreated) {
    uint32_t n = dbg.ncreated ? dbg.ncreated * 2 : 64;
    while (n <= t->id) n *= 2;
    Site *p = realloc(dbg.created, n * sizeof *p);
    if (!p) return;
    memset(p + dbg.ncreated, 0, (n - dbg.ncreated) * sizeof *p);
    dbg.created = p;
    dbg.ncreated = n;
  }
  Frame *uf = trace_user_frame(vm.frame);
  site_set(&dbg.created[t->id], uf ? uf->code : NULL, trace_frame_line(uf));
  if (dbg.npending == dbg.cappending) {
    uint32_t n = dbg.cappending ? dbg.cappending * 2 : 16;
    ObjTask **p = realloc(dbg.pending, n * sizeof *p);
    if (!p) return;
    if (!dbg.cappending) gc_add_marker(mark_pending, NULL);
    dbg.pending = p;
    dbg.cappending = n;
  }
  dbg.pending[dbg.npending++] = t;
}

static void debug_done(ObjTask *t) {
  for (uint32_t i = 0; i < dbg.npending; i++) {
    if (dbg.pending[i] == t) {
      dbg.pending[i] = dbg.pending[--dbg.npending];
      return;
    }
  }
}

static const Site *created_site(ObjTask *t) {
  return t->id < dbg.ncreated && dbg.created[t->id].line ? &dbg.created[t->id] : NULL;
}

/* asyncio.run() cancels a task main() left behind (teaching point 9). */
static void debug_cancel(const LoopEvent *ev) {
  if (!ev->loop->debug || !vm.frame || !trace_is_library(vm.frame->code) ||
      strcmp(vm.frame->code->qualname->chars, "_cancel_all_tasks") != 0)
    return;
  ObjTask *t = ev->task;
  const Site *c = created_site(t);
  Site at;
  task_site(t, &at);
  fflush(stdout);
  fprintf(stderr, "asy: debug: %s %s()", task_name(t)->chars, trace_coro_name(t));
  if (c) fprintf(stderr, " (created at %s:%d)", c->file, c->line);
  fprintf(stderr, " was still pending when main() returned; asyncio.run() cancels it");
  if (at.line) fprintf(stderr, " at %s:%d", at.file, at.line);
  fputs(".\n     Keep a reference and await it (or use a TaskGroup) if its work matters.\n",
        stderr);
}

/* At exit: the tasks of debug loops that never finished. */
static void report_pending(void) {
  for (uint32_t i = 0; i < dbg.npending; i++) {
    ObjTask *t = dbg.pending[i];
    if (t->fut.state != FUT_PENDING) continue;
    Value saved = vm.exc;
    ObjString *r = vm_repr(OBJ_VAL(t));
    vm.exc = saved;
    fflush(stdout);
    fprintf(stderr, "Task was destroyed but it is pending!\ntask: %s\n", r ? r->chars : "<Task>");
    const Site *c = created_site(t);
    if (c)
      fprintf(stderr, "asy: %s was created at %s:%d and never finished: its loop stopped first.\n",
              task_name(t)->chars, c->file, c->line);
  }
  free(dbg.pending);
  free(dbg.created);
  if (dbg.cappending) gc_remove_marker(mark_pending, NULL);
  dbg.pending = NULL;
  dbg.created = NULL;
  dbg.npending = dbg.cappending = dbg.ncreated = 0;
}

static void debug_on_event(const LoopEvent *ev) {
  switch (ev->kind) {
  case LOOP_EV_TASK_CREATED: debug_created(ev->task); break;
  case LOOP_EV_TASK_DONE: debug_done(ev->task); break;
  case LOOP_EV_STEP_BEGIN: step_begin(ev); break;
  case LOOP_EV_STEP_END: step_end(ev); break;
  case LOOP_EV_BLOCKED: report_blocked(ev); break;
  case LOOP_EV_CANCEL: debug_cancel(ev); break;
  default: break;
  }
}

/* ------------------------------------------------------------ the hook */

static void show_on_event(const LoopEvent *ev) {
  trace_on_event(ev);
  timeline_on_event(ev);
  debug_on_event(ev);
}

/* Every loop event while narrating or recording; otherwise only those of
 * debug loops (through loop_debug_hook), so that a plain run pays nothing. */
static void refresh_hook(void) {
  loop_event_hook = trace_is_enabled() || timeline_is_recording() ? show_on_event : NULL;
}

/* ------------------------------------------------------------ --sched */

static void sched_usage_error(const char *arg, const char *why) {
  fprintf(stderr,
          "usage: asy [options] [FILE | -c CODE | -] [args...]\n"
          "asy: error: --sched must be fifo, eager or shuffle:SEED, not '%s'%s\n"
          "Try 'asy --help' for more information.\n",
          arg, why);
  exit(2);
}

/* Parse --sched=MODE and hand it to the loop; exits with status 2 on a
 * malformed mode. */
static void apply_sched(const char *mode) {
  if (!mode || strcmp(mode, "fifo") == 0) {
    loop_set_sched(SCHED_FIFO, 0);
  } else if (strcmp(mode, "eager") == 0) {
    loop_set_sched(SCHED_EAGER, 0);
  } else if (strncmp(mode, "shuffle", 7) == 0) {
    const char *seed = mode + 7;
    if (*seed != ':' || !seed[1])
      sched_usage_error(mode, " (shuffle needs a seed, e.g. shuffle:42)");
    char *end;
    errno = 0;
    unsigned long long v = strtoull(seed + 1, &end, 10);
    if (*end || errno || seed[1] == '-')
      sched_usage_error(mode, " (the seed is a non-negative integer)");
    loop_set_sched(SCHED_SHUFFLE, (uint64_t)v);
  } else {
    sched_usage_error(mode, "");
  }
}

/* ------------------------------------------------------------ wiring */

static bool want_color(const CliOptions *o) {
  return !o->no_color && isatty(STDERR_FILENO);
}

void cli_apply_options(const CliOptions *o) {
  apply_sched(o->sched);
  double t0 = clock_now();
  trace_set_epoch(t0);
  trace_state_changed = refresh_hook;
  loop_debug_hook = show_on_event;
  trace_enable(o->trace, want_color(o));
  if (o->timeline) timeline_start(t0);
  if (o->trace_ops) {
    dbg.trace_ops = true;
    vm.trace_ops = true;
    vm.op_hook = show_op_hook;
  }
  if (o->debug) probe_enable();
}

int cli_finish(const CliOptions *o, int status) {
  loop_report_unretrieved_at_exit();
  report_pending();
  if (o->timeline) {
    if (!timeline_finish(o->timeline_file, want_color(o), clock_now()) && status == 0) status = 1;
  }
  return status;
}
