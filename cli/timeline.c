/* timeline.c — `--timeline[=FILE]`: record each task's state from the loop
 * events, then draw it as a text chart, an SVG picture or a Chrome trace
 * (see timeline.h for the states and docs/timeline.md for the pictures). */
#include "timeline.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../vm/clock.h"
#include "trace.h"

/* ------------------------------------------------------------ recording */

typedef enum { ST_NONE, ST_READY, ST_RUNNING, ST_WAITING, ST_DONE } TlState;
typedef enum { OUT_PENDING, OUT_OK, OUT_FAILED, OUT_CANCELLED } TlOutcome;

typedef struct {
  double start, end;
  uint8_t state; /* TlState */
  uint8_t wait;  /* WaitKind, for ST_WAITING */
  char *detail;  /* what it waited on, or NULL */
  double limit;  /* sleeping: the sleep's length, which a blocked loop can overrun; else 0 */
} Span;

typedef struct {
  uint32_t id;
  char *name, *call;  /* "Task-2", "say_after(1, 'hello')" */
  char *outcome_text; /* "returned None" */
  uint8_t outcome;    /* TlOutcome */
  double created, ended;
  Span *spans;
  uint32_t nspans, cap;
  Span open; /* the current state, end unset */
} TlTask;

typedef enum {
  ARROW_DONE,   /* a task finished (alone or as a child of gather) and woke a waiter */
  ARROW_SIGNAL, /* a running task released a lock, set an event, put in a queue... */
  ARROW_CANCEL, /* a task called cancel() on another */
} ArrowKind;

typedef struct {
  double from_at, to_at;
  uint32_t from, to; /* task indexes */
  uint8_t kind;      /* ArrowKind */
} Arrow;

static struct {
  bool on;
  double t0;
  TlTask *tasks;
  uint32_t ntasks, captasks;
  int32_t *by_id; /* task id → index in tasks, -1 if not recorded */
  uint32_t nby_id;
  Arrow *arrows;
  uint32_t narrows, caparrows;
} tl;

static void *grow(void *p, uint32_t *cap, uint32_t need, size_t size) {
  if (need <= *cap) return p;
  uint32_t n = *cap ? *cap : 16;
  while (n < need) n *= 2;
  void *q = realloc(p, n * size);
  if (!q) {
    fputs("asy: out of memory recording the timeline\n", stderr);
    exit(1);
  }
  *cap = n;
  return q;
}

static char *dup_str(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (!d) {
    fputs("asy: out of memory recording the timeline\n", stderr);
    exit(1);
  }
  return memcpy(d, s, n);
}

void timeline_start(double t0) {
  tl.on = true;
  tl.t0 = t0;
  if (trace_state_changed) trace_state_changed();
}

bool timeline_is_recording(void) {
  return tl.on;
}

static TlTask *task_of(ObjTask *t) {
  if (t->id >= tl.nby_id || tl.by_id[t->id] < 0) return NULL;
  return &tl.tasks[tl.by_id[t->id]];
}

static void map_id(uint32_t id, int32_t index) {
  uint32_t old = tl.nby_id;
  tl.by_id = grow(tl.by_id, &tl.nby_id, id + 1, sizeof *tl.by_id);
  for (uint32_t i = old; i < tl.nby_id; i++) tl.by_id[i] = -1;
  tl.by_id[id] = index;
}

/* Close the open span at `now` and open one in `state`. */
static void set_state(TlTask *k, TlState state, WaitKind wait, char *detail, double now) {
  if (state == ST_READY && k->open.state == ST_READY && !detail)
    return; /* queued twice: one span */
  if (k->open.state != ST_NONE && k->open.state != ST_DONE) {
    k->spans = grow(k->spans, &k->cap, k->nspans + 1, sizeof *k->spans);
    k->open.end = now;
    k->spans[k->nspans++] = k->open;
  } else {
    free(k->open.detail);
  }
  k->open = (Span){now, now, (uint8_t)state, (uint8_t)wait, detail};
}

static void on_created(const LoopEvent *ev, double now) {
  ObjTask *t = ev->task;
  if (trace_task_is_internal(t)) return;
  tl.tasks = grow(tl.tasks, &tl.captasks, tl.ntasks + 1, sizeof *tl.tasks);
  TlTask *k = &tl.tasks[tl.ntasks];
  memset(k, 0, sizeof *k);
  k->id = t->id;
  k->name = dup_str(task_name(t)->chars);
  TraceBuf call = {0};
  trace_coro_call(t, &call);
  k->call = dup_str(call.s ? call.s : "?");
  trace_buf_free(&call);
  k->created = now;
  map_id(t->id, (int32_t)tl.ntasks++);
  set_state(k, ST_READY, WAIT_NONE, NULL, now);
}

static void on_step_end(const LoopEvent *ev, TlTask *k, double now) {
  ObjTask *t = ev->task;
  if (k->open.state == ST_DONE) return;
  if (t->fut.step_scheduled && !ev->obj) {
    set_state(k, ST_READY, WAIT_NONE, dup_str("yielded: back of the ready queue"), now);
    return;
  }
  TraceBuf w = {0};
  WaitKind kind = trace_describe_wait(t, ev->obj, &w);
  set_state(k, ST_WAITING, kind, dup_str(w.s ? w.s : "?"), now);
  trace_buf_free(&w);
  if (ev->obj && ev->obj->aux == FUTK_SLEEP) k->open.limit = ((ObjSleep *)ev->obj)->delay;
}

static void on_done(ObjTask *t, TlTask *k, double now) {
  /* The name may have changed with set_name() since creation. */
  free(k->name);
  k->name = dup_str(task_name(t)->chars);
  k->outcome = t->fut.state == FUT_CANCELLED ? OUT_CANCELLED : t->fut.has_exc ? OUT_FAILED : OUT_OK;
  TraceBuf out = {0};
  trace_describe_outcome(t, &out);
  k->outcome_text = dup_str(out.s ? out.s : "");
  trace_buf_free(&out);
  k->ended = now;
  set_state(k, ST_DONE, WAIT_NONE, NULL, now);
}

static void add_arrow(TlTask *from, double from_at, TlTask *to, double to_at, ArrowKind kind) {
  if (from == to) return;
  tl.arrows = grow(tl.arrows, &tl.caparrows, tl.narrows + 1, sizeof *tl.arrows);
  tl.arrows[tl.narrows++] = (Arrow){from_at, to_at, (uint32_t)(from - tl.tasks),
                                    (uint32_t)(to - tl.tasks), (uint8_t)kind};
}

static TlTask *recorded(Value v) {
  return IS_OBJ_TYPE(v, OBJ_FUTURE) && AS_OBJ(v)->aux == FUTK_TASK ? task_of((ObjTask *)AS_OBJ(v))
                                                                   : NULL;
}

/* The children of a gather's future (a list, or gather's argument tuple
 * when every argument was a future) and their count in *n, or NULL. */
static const Value *gather_children(ObjFuture *f, uint32_t *n) {
  Value children;
  if (f->obj.aux == FUTK_FUTURE && f->dict && f->cls &&
      strcmp(f->cls->name->chars, "_GatheringFuture") == 0 &&
      dict_get_str(f->dict, str_intern_cstr("_children"), &children)) {
    if (IS_LIST(children)) {
      *n = AS_LIST(children)->len;
      return AS_LIST(children)->items;
    }
    if (IS_TUPLE(children)) {
      *n = AS_TUPLE(children)->len;
      return AS_TUPLE(children)->items;
    }
  }
  return NULL;
}

/* Arrows to k from the task(s) whose end `done` stands for: the task
 * itself, or each finished child of a gather. False if `done` is neither. */
static bool arrows_from_finished(Obj *done, TlTask *k, double now) {
  TlTask *from = recorded(OBJ_VAL(done));
  if (from) {
    add_arrow(from, from->open.state == ST_DONE ? from->ended : now, k, now, ARROW_DONE);
    return true;
  }
  uint32_t n;
  const Value *children = gather_children((ObjFuture *)done, &n);
  if (!children) return false;
  for (uint32_t i = 0; i < n; i++) {
    TlTask *c = recorded(children[i]);
    if (c && c->open.state == ST_DONE) add_arrow(c, c->ended, k, now, ARROW_DONE);
  }
  return true;
}

/* Who woke task k: the task that finished, the children of a gather, the
 * task whose end ran the done-callback that released k's waiter (wait,
 * wait_for, as_completed, TaskGroup), or the task whose step released
 * what k waited on. */
static void on_wake(const LoopEvent *ev, TlTask *k, double now) {
  if (!ev->obj) return;
  if (arrows_from_finished(ev->obj, k, now)) return;
  ObjFuture *f = (ObjFuture *)ev->obj;
  /* A cancelled wait is drawn by the cancel arrow already. */
  if (f->obj.aux == FUTK_SLEEP || f->state == FUT_CANCELLED) return;
  if (ev->cause && arrows_from_finished(ev->cause, k, now)) return;
  TlTask *runner = recorded(vm.current_task);
  if (runner) add_arrow(runner, now, k, now, ARROW_SIGNAL);
}

void timeline_on_event(const LoopEvent *ev) {
  if (!tl.on) return;
  double now = ev->now - tl.t0;
  if (ev->kind == LOOP_EV_TASK_CREATED) {
    on_created(ev, now);
    return;
  }
  TlTask *k = ev->task ? task_of(ev->task) : NULL;
  if (!k) return;
  switch (ev->kind) {
  case LOOP_EV_TASK_READY:
    /* Queued during its own step (sleep(0)): STEP_END decides. */
    if (k->open.state != ST_RUNNING && k->open.state != ST_DONE)
      set_state(k, ST_READY, WAIT_NONE, NULL, now);
    break;
  case LOOP_EV_STEP_BEGIN: set_state(k, ST_RUNNING, WAIT_NONE, NULL, now); break;
  case LOOP_EV_STEP_END: on_step_end(ev, k, now); break;
  case LOOP_EV_TASK_DONE: on_done(ev->task, k, now); break;
  case LOOP_EV_WAKE: on_wake(ev, k, now); break;
  case LOOP_EV_CANCEL:
    if (ev->obj) {
      TlTask *from = recorded(OBJ_VAL(ev->obj));
      if (from) add_arrow(from, now, k, now, ARROW_CANCEL);
    }
    break;
  default: break;
  }
}

/* Close every open span at `end` (tasks still pending at exit). */
static void close_all(double end) {
  for (uint32_t i = 0; i < tl.ntasks; i++) {
    TlTask *k = &tl.tasks[i];
    if (k->open.state != ST_DONE && k->open.state != ST_NONE) {
      set_state(k, ST_NONE, WAIT_NONE, NULL, end);
      k->ended = end;
    }
  }
}

/* ------------------------------------------------------------ numbers */

typedef struct {
  double running, ready, waiting, lifetime;
  double own; /* what achieved concurrency counts (see own_time) */
} Totals;

/* The part of a span that would take as long if every task's steps and
 * waits ran one after another: a step, a sleep (no longer than asked: a
 * blocked loop stretches it, and that is the blocker's time, already
 * counted), any other future (a thread, a timer). Not time spent ready,
 * which is waiting for the loop to finish other steps, nor waits for other
 * tasks: awaiting them (task, gather, TaskGroup, wait, wait_for) or a
 * lock/event/queue/semaphore, which waits for another task to release,
 * set or fill it — done alone, that wait would not exist. */
static double own_time(const Span *p) {
  double d = p->end - p->start;
  if (p->state == ST_RUNNING) return d;
  if (p->state != ST_WAITING || p->wait == WAIT_TASK || p->wait == WAIT_SYNC) return 0;
  return p->limit > 0 && d > p->limit ? p->limit : d;
}

static Totals totals_of(const TlTask *k) {
  Totals s = {0};
  for (uint32_t i = 0; i < k->nspans; i++) {
    const Span *p = &k->spans[i];
    double d = p->end - p->start;
    if (p->state == ST_RUNNING)
      s.running += d;
    else if (p->state == ST_READY)
      s.ready += d;
    else if (p->state == ST_WAITING)
      s.waiting += d;
    s.own += own_time(p);
  }
  s.lifetime = k->ended - k->created;
  return s;
}

/* First creation and last end: the wall time the pictures span. */
static void wall_range(double *from, double *to) {
  *from = tl.ntasks ? tl.tasks[0].created : 0;
  *to = *from;
  for (uint32_t i = 0; i < tl.ntasks; i++) {
    if (tl.tasks[i].created < *from) *from = tl.tasks[i].created;
    if (tl.tasks[i].ended > *to) *to = tl.tasks[i].ended;
  }
}

/* Σ own time / wall time: how many times faster than doing the same steps
 * and waits one after another (own_time says what counts). */
static double concurrency(double *busy, double *wall) {
  double from, to;
  wall_range(&from, &to);
  *wall = to - from;
  *busy = 0;
  for (uint32_t i = 0; i < tl.ntasks; i++) {
    Totals s = totals_of(&tl.tasks[i]);
    *busy += s.own;
  }
  return *wall > 0 ? *busy / *wall : 0;
}

/* Columns a UTF-8 string takes: one per code point (names and calls are
 * mostly ASCII; wide CJK characters would take two and are not measured). */
static int text_cols(const char *s) {
  int n = 0;
  for (; *s; s++)
    if (((unsigned char)*s & 0xC0) != 0x80) n++;
  return n;
}

/* Append s, cut to at most max columns: when it does not fit, max - 1
 * columns of it and "…", so a cut always shows. Never splits a UTF-8
 * sequence. Returns the columns appended. */
static int put_cut(TraceBuf *b, const char *s, int max) {
  int cols = text_cols(s);
  if (cols <= max) {
    trace_buf_printf(b, "%s", s);
    return cols;
  }
  if (max < 1) return 0;
  const char *end = s;
  for (int keep = max - 1; *end; end++)
    if (((unsigned char)*end & 0xC0) != 0x80 && keep-- == 0) break;
  trace_buf_printf(b, "%.*s…", (int)(end - s), s);
  return max;
}

/* s in exactly `width` columns: cut with "…" or padded with spaces. */
static void put_padded(FILE *out, const char *s, int width) {
  TraceBuf b = {0};
  int n = put_cut(&b, s, width);
  fputs(b.s ? b.s : "", out);
  fprintf(out, "%*s", width - n, "");
  trace_buf_free(&b);
}

/* A duration for people: "2.000 s", "12.5 ms", "40 µs", "0". */
static void put_dur(TraceBuf *b, double d) {
  if (d <= 0)
    trace_buf_printf(b, "0");
  else if (d >= 0.99995) /* not "1000.0 ms" */
    trace_buf_printf(b, "%.3f s", d);
  else if (d >= 0.9995e-3)
    trace_buf_printf(b, "%.1f ms", d * 1e3);
  else
    trace_buf_printf(b, "%.0f µs", d * 1e6);
}

/* A tick step of 1, 2 or 5 × 10^k giving at most `max` ticks over span. */
static double tick_step(double span, int max) {
  if (!(span > 0) || max < 1) return 1;
  double raw = span / max, mag = pow(10, floor(log10(raw)));
  double steps[] = {1, 2, 5, 10};
  for (int i = 0; i < 4; i++)
    if (steps[i] * mag >= raw) return steps[i] * mag;
  return 10 * mag;
}

/* "0", "0.5s", "1s", "250ms". */
static void put_tick(TraceBuf *b, double t, double step) {
  if (step < 1e-3)
    trace_buf_printf(b, "%gµs", round(t * 1e6 * 1000) / 1000);
  else if (step < 0.1)
    trace_buf_printf(b, "%gms", round(t * 1e3 * 1000) / 1000);
  else
    trace_buf_printf(b, "%gs", round(t * 1000) / 1000);
}

static const char *outcome_word(const TlTask *k) {
  switch ((TlOutcome)k->outcome) {
  case OUT_OK: return "done";
  case OUT_FAILED: return "failed";
  case OUT_CANCELLED: return "cancelled";
  case OUT_PENDING: break;
  }
  return "still pending at exit";
}

/* ------------------------------------------------------------ text */

typedef struct {
  const char *glyph, *ansi;
} Cell;

static Cell cell_for(uint8_t state, uint8_t wait) {
  switch (state) {
  case ST_RUNNING: return (Cell){"█", "\033[32m"};
  case ST_READY: return (Cell){"░", "\033[33m"};
  case ST_WAITING:
    switch ((WaitKind)wait) {
    case WAIT_SLEEP: return (Cell){"─", "\033[36m"};
    case WAIT_TASK: return (Cell){"═", "\033[35m"};
    case WAIT_SYNC: return (Cell){"≈", "\033[34m"};
    default: return (Cell){"┄", "\033[2m"};
    }
  default: return (Cell){" ", ""};
  }
}

/* The state drawn in the cell covering [a, b): a step anywhere in it wins,
 * then ready, then the longest wait. */
static Span cell_state(const TlTask *k, double a, double b, bool last) {
  Span best = {0};
  double best_len = -1;
  for (uint32_t i = 0; i < k->nspans; i++) {
    const Span *p = &k->spans[i];
    bool touches = p->start < b && (p->end > a || (p->end == a && p->start == a));
    if (last && p->end >= a) touches = true; /* the last cell takes everything up to the end */
    if (!touches) continue;
    if (p->state == ST_RUNNING) return *p;
    double len = fmin(p->end, b) - fmax(p->start, a);
    if (p->state == ST_READY) len += 1e9; /* ready outranks waiting */
    if (len > best_len) {
      best_len = len;
      best = *p;
    }
  }
  return best;
}

static const char *end_mark(const TlTask *k) {
  switch ((TlOutcome)k->outcome) {
  case OUT_OK: return "✔";
  case OUT_FAILED: return "✘";
  case OUT_CANCELLED: return "⊘";
  case OUT_PENDING: break;
  }
  return "…";
}

static void text_row(FILE *out, const TlTask *k, int label_w, int cols, double from, double cell,
                     bool color) {
  TraceBuf label = {0};
  trace_buf_printf(&label, "%s %s", k->name, k->call);
  put_padded(out, label.s, label_w);
  fputs("  ", out);
  trace_buf_free(&label);
  int last_col = (int)floor((k->ended - from) / cell);
  if (last_col >= cols) last_col = cols - 1;
  for (int c = 0; c < cols; c++) {
    double a = from + c * cell, b = a + cell;
    /* The task's last cell also takes a span ending right at its start (a
     * blocking step that ended the task there): no blank before the mark. */
    bool last = c == cols - 1 || c == last_col;
    Span s = c <= last_col && k->created < b ? cell_state(k, a, b, last) : (Span){0};
    Cell g = cell_for(s.state, s.wait);
    if (color && g.ansi[0])
      fprintf(out, "%s%s\033[0m", g.ansi, g.glyph);
    else
      fputs(g.glyph, out);
    if (c == last_col) {
      fputs(end_mark(k), out);
      for (int r = c + 2; r <= cols; r++) fputc(' ', out);
      break;
    }
  }
  fputc('\n', out);
}

/* The time axis under the rows: position p in [0, cols] is time p·cell;
 * each tick gets a mark and, where it fits, a label starting at it. */
static void text_axis(FILE *out, int label_w, int cols, double span) {
  double cell = span / cols, step = tick_step(span, cols / 10 > 0 ? cols / 10 : 1);
  TraceBuf marks = {0};
  char *labels = malloc((size_t)cols + 40);
  if (!labels) return;
  memset(labels, ' ', (size_t)cols + 39);
  labels[cols + 39] = 0;
  int next_free = 0;
  for (int p = 0; p <= cols; p++) {
    double tick = round(p * cell / step) * step;
    bool is_tick = (int)lround(tick / cell) == p && tick <= span * (1 + 1e-9);
    trace_buf_printf(&marks, "%s", p == 0 ? "├" : p == cols ? "┤" : is_tick ? "┼" : "─");
    if (!is_tick || p < next_free) continue;
    TraceBuf t = {0};
    put_tick(&t, tick, step);
    size_t n = strlen(t.s);
    if (p + (int)n <= cols + 39) memcpy(labels + p, t.s, n);
    next_free = p + (int)n + 1;
    trace_buf_free(&t);
  }
  int end = cols + 39;
  while (end > 0 && labels[end - 1] == ' ') end--;
  labels[end] = 0;
  fprintf(out, "%*s  %s\n%*s  %s\n", label_w, "", marks.s, label_w, "", labels);
  trace_buf_free(&marks);
  free(labels);
}

static void text_legend(FILE *out, int width) {
  static const char *const items[] = {
      "█ running",          "░ ready",        "─ sleeping", "═ waiting for other tasks",
      "≈ lock/event/queue", "┄ other future", "✔ done",     "✘ failed",
      "⊘ cancelled"};
  int col = 0;
  for (size_t i = 0; i < ASY_ARRAY_LEN(items); i++) {
    int w = (int)strlen(items[i]) - 2; /* each glyph is 3 bytes, 1 column */
    if (col && col + 2 + w > width) {
      fputc('\n', out);
      col = 0;
    }
    fprintf(out, "%s%s", col ? "  " : "", items[i]);
    col += (col ? 2 : 0) + w;
  }
  fputc('\n', out);
}

static int label_width(void) {
  int w = 8;
  for (uint32_t i = 0; i < tl.ntasks; i++) {
    int n = text_cols(tl.tasks[i].name) + 1 + text_cols(tl.tasks[i].call);
    if (n > w) w = n;
  }
  return w > 28 ? 28 : w;
}

static void text_summary(FILE *out, double now) {
  (void)now;
  fprintf(out, "\n%-28s %10s %10s %10s %10s  %s\n", "task", "running", "ready", "waiting",
          "lifetime", "outcome");
  for (uint32_t i = 0; i < tl.ntasks; i++) {
    const TlTask *k = &tl.tasks[i];
    Totals s = totals_of(k);
    TraceBuf b = {0};
    trace_buf_printf(&b, "%s %s", k->name, k->call);
    put_padded(out, b.s, 28);
    trace_buf_free(&b);
    double v[4] = {s.running, s.ready, s.waiting, s.lifetime};
    for (int j = 0; j < 4; j++) {
      put_dur(&b, v[j]);
      fprintf(out, " %10s", b.s);
      trace_buf_free(&b);
    }
    bool say = k->outcome_text && k->outcome != OUT_CANCELLED;
    fprintf(out, "  %s%s%s\n", outcome_word(k), say ? ": " : "", say ? k->outcome_text : "");
  }
  double busy, wall, c = concurrency(&busy, &wall);
  if (!(wall > 0)) {
    fputs("\nachieved concurrency: none to measure, no time passed\n", out);
    return;
  }
  TraceBuf b = {0}, w = {0};
  put_dur(&b, busy);
  put_dur(&w, wall);
  fprintf(out,
          "\nachieved concurrency: %.2f× — %s of the tasks' own time in %s of wall time\n"
          "(own time: running, sleeping, other futures; not counted: time ready in the queue, or "
          "waiting\nfor other tasks to finish, release a lock or semaphore, set an event or fill a "
          "queue)\n",
          c, b.s, w.s);
  trace_buf_free(&b);
  trace_buf_free(&w);
}

void timeline_write_text(FILE *out, int width, bool color, double now) {
  close_all(now - tl.t0);
  if (tl.ntasks == 0) {
    fputs("timeline: no task ran\n", out);
    return;
  }
  double from, to;
  wall_range(&from, &to);
  double span = to - from;
  int label_w = label_width();
  int cols = width - label_w - 4;
  if (cols < 20) cols = 20;
  double cell = span > 0 ? span / cols : 1;
  fprintf(out, "timeline (%s clock) — %u task%s over %.3f s\n",
          clock_is_virtual() ? "virtual" : "real", tl.ntasks, tl.ntasks == 1 ? "" : "s", span);
  for (uint32_t i = 0; i < tl.ntasks; i++)
    text_row(out, &tl.tasks[i], label_w, cols, from, cell, color);
  if (span > 0)
    text_axis(out, label_w, cols, span);
  else
    fputs("(no time passed: every step ran at t=0; --trace shows their order)\n", out);
  text_legend(out, width);
  text_summary(out, now);
}

/* ------------------------------------------------------------ JSON */

static void json_str(FILE *out, const char *s) {
  fputc('"', out);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\')
      fprintf(out, "\\%c", c);
    else if (c < 0x20)
      fprintf(out, "\\u%04x", c);
    else
      fputc(c, out);
  }
  fputc('"', out);
}

static const char *state_name(uint8_t state) {
  switch (state) {
  case ST_READY: return "ready";
  case ST_RUNNING: return "running";
  case ST_WAITING: return "waiting";
  default: return "done";
  }
}

static const char *wait_name(uint8_t wait) {
  switch ((WaitKind)wait) {
  case WAIT_SLEEP: return "sleeping";
  case WAIT_TASK: return "waiting for tasks";
  case WAIT_SYNC: return "waiting (lock/event/queue)";
  case WAIT_FUTURE: return "waiting (future)";
  case WAIT_NONE: break;
  }
  return "waiting";
}

static void json_span(FILE *out, const TlTask *k, const Span *p) {
  fprintf(out, ",\n{\"ph\":\"X\",\"pid\":1,\"tid\":%u,\"ts\":%.3f,\"dur\":%.3f,\"name\":", k->id,
          p->start * 1e6, (p->end - p->start) * 1e6);
  json_str(out, p->state == ST_WAITING ? wait_name(p->wait) : state_name(p->state));
  fprintf(out, ",\"cat\":\"%s\",\"args\":{\"task\":", state_name(p->state));
  json_str(out, k->name);
  if (p->detail) {
    fputs(",\"detail\":", out);
    json_str(out, p->detail);
  }
  fputs("}}", out);
}

static void json_task(FILE *out, const TlTask *k) {
  TraceBuf label = {0};
  trace_buf_printf(&label, "%s %s", k->name, k->call);
  fprintf(out, ",\n{\"ph\":\"M\",\"pid\":1,\"tid\":%u,\"name\":\"thread_name\",\"args\":{\"name\":",
          k->id);
  json_str(out, label.s);
  fprintf(out,
          "}},\n{\"ph\":\"M\",\"pid\":1,\"tid\":%u,\"name\":\"thread_sort_index\",\"args\":{\"sort_"
          "index\":%u}}",
          k->id, k->id);
  trace_buf_free(&label);
  for (uint32_t i = 0; i < k->nspans; i++) json_span(out, k, &k->spans[i]);
}

static const char *arrow_name(const Arrow *a) {
  return a->kind == ARROW_CANCEL ? "cancel" : a->kind == ARROW_SIGNAL ? "signal" : "wake";
}

static void json_arrows(FILE *out) {
  for (uint32_t i = 0; i < tl.narrows; i++) {
    const Arrow *a = &tl.arrows[i];
    const char *name = arrow_name(a);
    fprintf(out,
            ",\n{\"ph\":\"s\",\"pid\":1,\"tid\":%u,\"ts\":%.3f,\"id\":%u,\"name\":\"%s\",\"cat\":"
            "\"%s\"}",
            tl.tasks[a->from].id, a->from_at * 1e6, i + 1, name, name);
    fprintf(out,
            ",\n{\"ph\":\"f\",\"bp\":\"e\",\"pid\":1,\"tid\":%u,\"ts\":%.3f,\"id\":%u,\"name\":\"%"
            "s\",\"cat\":\"%s\"}",
            tl.tasks[a->to].id, a->to_at * 1e6, i + 1, name, name);
  }
}

static const char *program_name(void) {
  const char *p = "<program>";
  if (IS_LIST(vm.argv) && AS_LIST(vm.argv)->len > 0 && IS_STR(AS_LIST(vm.argv)->items[0]) &&
      AS_STR(AS_LIST(vm.argv)->items[0])->len > 0)
    p = AS_CSTR(AS_LIST(vm.argv)->items[0]);
  const char *slash = strrchr(p, '/');
  return slash ? slash + 1 : p;
}

bool timeline_write_json(FILE *out, double now) {
  close_all(now - tl.t0);
  fputs("{\"displayTimeUnit\":\"ms\",\"otherData\":{\"program\":", out);
  json_str(out, program_name());
  fprintf(out, ",\"clock\":\"%s\"},\n\"traceEvents\":[\n", clock_is_virtual() ? "virtual" : "real");
  fputs("{\"ph\":\"M\",\"pid\":1,\"tid\":0,\"name\":\"process_name\",\"args\":{\"name\":", out);
  TraceBuf p = {0};
  trace_buf_printf(&p, "asy %s", program_name());
  json_str(out, p.s);
  trace_buf_free(&p);
  fputs("}}", out);
  for (uint32_t i = 0; i < tl.ntasks; i++) json_task(out, &tl.tasks[i]);
  json_arrows(out);
  fputs("\n]}\n", out);
  return !ferror(out);
}

/* ------------------------------------------------------------ SVG */

enum { SVG_W = 1200, MARGIN = 24, LABEL_W = 250, ROW_H = 44, BAR_H = 22, TOP = 92 };
#define CHART_X0 (MARGIN + LABEL_W)
#define CHART_X1 (SVG_W - 56)

typedef struct {
  double from, span;
} Scale;

static double sx(const Scale *s, double t) {
  return CHART_X0 + (t - s->from) / s->span * (CHART_X1 - CHART_X0);
}
static double row_y(uint32_t i) {
  return TOP + i * ROW_H;
}

static void xml_text(FILE *out, const char *s) {
  for (; *s; s++) {
    switch (*s) {
    case '<': fputs("&lt;", out); break;
    case '>': fputs("&gt;", out); break;
    case '&': fputs("&amp;", out); break;
    case '"': fputs("&quot;", out); break;
    default: fputc(*s, out);
    }
  }
}

static const char *span_fill(const Span *p) {
  switch (p->state) {
  case ST_RUNNING: return "#2e7d32";
  case ST_READY: return "#ffb300";
  case ST_WAITING:
    switch ((WaitKind)p->wait) {
    case WAIT_SLEEP: return "#90caf9";
    case WAIT_TASK: return "#d1c4e9";
    case WAIT_SYNC: return "#ffcc80";
    default: return "#cfd8dc";
    }
  default: return "none";
  }
}

static void svg_defs(FILE *out) {
  fputs("<defs>\n"
        "<marker id=\"wake\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
        "markerHeight=\"7\" "
        "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#5e35b1\"/></marker>\n"
        "<marker id=\"cancel\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
        "markerHeight=\"7\" "
        "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#c62828\"/></marker>\n"
        "</defs>\n",
        out);
}

static void svg_header(FILE *out, uint32_t height, double wall, double conc) {
  fprintf(
      out,
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%u\" viewBox=\"0 0 %d %u\" "
      "font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">\n",
      SVG_W, height, SVG_W, height);
  svg_defs(out);
  fprintf(out, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%u\" fill=\"#ffffff\"/>\n", SVG_W,
          height);
  fputs("<text x=\"24\" y=\"40\" font-size=\"24\" font-weight=\"bold\" fill=\"#212121\">", out);
  xml_text(out, program_name());
  fputs(" — tasks over time</text>\n", out);
  TraceBuf w = {0};
  put_dur(&w, wall);
  fprintf(out,
          "<text x=\"24\" y=\"66\" font-size=\"15\" fill=\"#616161\">%s clock · %u task%s · %s of "
          "wall time · "
          "achieved concurrency %.2f×</text>\n",
          clock_is_virtual() ? "virtual" : "real", tl.ntasks, tl.ntasks == 1 ? "" : "s", w.s, conc);
  trace_buf_free(&w);
}

static void svg_axis(FILE *out, const Scale *s, double bottom) {
  double step = tick_step(s->span, 10);
  fprintf(out, "<g class=\"axis\" font-size=\"13\" fill=\"#424242\">\n");
  for (double t = 0; t <= s->span + step * 1e-6; t += step) {
    double x = sx(s, s->from + t);
    fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>\n", x,
            TOP - 6, x, bottom);
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#616161\"/>\n", x,
            bottom, x, bottom + 6);
    TraceBuf lab = {0};
    put_tick(&lab, t, step);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", x, bottom + 22,
            lab.s);
    trace_buf_free(&lab);
  }
  fprintf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#616161\"/>\n", CHART_X0,
          bottom, CHART_X1, bottom);
  fprintf(out,
          "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" font-size=\"13\">time →</text>\n</g>\n",
          CHART_X0 - 30, bottom + 22);
}

static void svg_span(FILE *out, const TlTask *k, const Span *p, const Scale *s, double y) {
  double x0 = sx(s, p->start), x1 = sx(s, p->end), w = x1 - x0;
  double h = BAR_H;
  if (p->state == ST_RUNNING && w < 3) {
    x0 -= (3 - w) / 2;
    w = 3;
  }
  if (p->state == ST_READY && w < 1) return; /* an instant in the queue: nothing to see */
  if (p->state == ST_WAITING) h = BAR_H - 6;
  fprintf(out,
          "<rect class=\"span\" data-task=\"%u\" data-state=\"%s\" data-start=\"%.6f\" "
          "data-end=\"%.6f\" "
          "x=\"%.2f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" rx=\"2\" fill=\"%s\"><title>",
          k->id, state_name(p->state), p->start, p->end, x0, y + (ROW_H - h) / 2, w, h,
          span_fill(p));
  xml_text(out, k->name);
  fprintf(out, " · %s", p->state == ST_WAITING ? wait_name(p->wait) : state_name(p->state));
  if (p->detail) {
    fputs(": ", out);
    xml_text(out, p->detail);
  }
  TraceBuf d = {0};
  put_dur(&d, p->end - p->start);
  fprintf(out, " · %.3f → %.3f s (%s)</title></rect>\n", p->start, p->end, d.s);
  trace_buf_free(&d);
}

static void svg_row(FILE *out, const TlTask *k, uint32_t i, const Scale *s) {
  double y = row_y(i);
  fprintf(out, "<g class=\"row\" data-task=\"%u\" data-name=\"", k->id);
  xml_text(out, k->name);
  fputs("\">\n", out);
  if (i % 2 == 0)
    fprintf(out, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%d\" fill=\"#f5f6f8\"/>\n",
            MARGIN, y, SVG_W - 2 * MARGIN, ROW_H);
  /* The label column is LABEL_W px: about 24 bold characters of name,
   * 35 of call; what is cut shows whole on hover. */
  fprintf(out, "<text x=\"%d\" y=\"%.1f\" font-size=\"15\" font-weight=\"bold\" fill=\"#212121\">",
          MARGIN + 8, y + 19);
  TraceBuf n = {0};
  put_cut(&n, k->name, 24);
  xml_text(out, n.s);
  trace_buf_free(&n);
  if (text_cols(k->name) > 24 || text_cols(k->call) > 35) {
    fputs("<title>", out);
    xml_text(out, k->name);
    fputs(" ", out);
    xml_text(out, k->call);
    fputs("</title>", out);
  }
  fprintf(out, "</text>\n<text x=\"%d\" y=\"%.1f\" font-size=\"12\" fill=\"#616161\">", MARGIN + 8,
          y + 35);
  TraceBuf c = {0};
  put_cut(&c, k->call, 35);
  xml_text(out, c.s);
  trace_buf_free(&c);
  fputs("</text>\n", out);
  for (int pass = 0; pass < 2; pass++) /* waits first, steps on top */
    for (uint32_t j = 0; j < k->nspans; j++)
      if ((k->spans[j].state == ST_RUNNING) == (pass == 1)) svg_span(out, k, &k->spans[j], s, y);
  static const char *const marks[] = {"…", "✔", "✘", "⊘"};
  static const char *const colors[] = {"#757575", "#2e7d32", "#c62828", "#8e24aa"};
  fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"16\" fill=\"%s\"><title>",
          sx(s, k->ended) + 5, y + 28, colors[k->outcome]);
  xml_text(out, k->name);
  fprintf(out, " %s", outcome_word(k));
  if (k->outcome_text) {
    fputs(": ", out);
    xml_text(out, k->outcome_text);
  }
  fprintf(out, "</title>%s</text>\n</g>\n", marks[k->outcome]);
}

static void svg_arrow(FILE *out, const Arrow *a, const Scale *s) {
  const TlTask *from = &tl.tasks[a->from], *to = &tl.tasks[a->to];
  double x1 = sx(s, a->from_at), x2 = sx(s, a->to_at);
  double y1 = row_y(a->from) + ROW_H / 2.0, y2 = row_y(a->to) + ROW_H / 2.0;
  y2 += y2 > y1 ? -BAR_H / 2.0 : BAR_H / 2.0;
  double bend = x2 - x1 < 30 ? 22 : 0; /* a vertical hop needs a curve to be seen */
  bool cancel = a->kind == ARROW_CANCEL;
  const char *stroke = cancel ? "#c62828" : "#5e35b1";
  fprintf(out,
          "<path class=\"arrow\" data-kind=\"%s\" data-from=\"%u\" data-to=\"%u\" "
          "d=\"M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"%s\" "
          "stroke-width=\"1.8\"%s "
          "marker-end=\"url(#%s)\"><title>",
          arrow_name(a), from->id, to->id, x1, y1, x1 + bend, y1 + (y2 - y1) / 3, x2 + bend,
          y2 - (y2 - y1) / 3, x2, y2, stroke,
          cancel                    ? " stroke-dasharray=\"5,3\""
          : a->kind == ARROW_SIGNAL ? " stroke-dasharray=\"2,2\""
                                    : "",
          cancel ? "cancel" : "wake");
  xml_text(out, from->name);
  fputs(cancel                    ? " cancels "
        : a->kind == ARROW_SIGNAL ? " lets go on: "
                                  : " finished, which wakes ",
        out);
  xml_text(out, to->name);
  fprintf(out, " at %.3f s</title></path>\n", a->to_at);
}

static void svg_legend(FILE *out, double y) {
  static const struct {
    const char *fill, *text;
  } items[] = {
      {"#2e7d32", "running (a step)"},
      {"#ffb300", "ready (queued)"},
      {"#90caf9", "sleeping"},
      {"#d1c4e9", "waiting for tasks"},
      {"#ffcc80", "lock / event / queue"},
      {"#cfd8dc", "other future"},
  };
  double x = MARGIN + 8;
  fprintf(out, "<g class=\"legend\" font-size=\"13\" fill=\"#424242\">\n");
  for (size_t i = 0; i < ASY_ARRAY_LEN(items); i++) {
    fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"16\" height=\"12\" rx=\"2\" fill=\"%s\"/>", x,
            y - 11, items[i].fill);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n", x + 22, y, items[i].text);
    x += 32 + 7.0 * strlen(items[i].text);
  }
  fprintf(out,
          "<path d=\"M%.1f,%.1f L%.1f,%.1f\" stroke=\"#5e35b1\" stroke-width=\"1.8\" "
          "marker-end=\"url(#wake)\"/>"
          "<text x=\"%.1f\" y=\"%.1f\">wakes</text>\n",
          x, y - 5, x + 26, y - 5, x + 32, y);
  x += 90;
  fprintf(out,
          "<path d=\"M%.1f,%.1f L%.1f,%.1f\" stroke=\"#5e35b1\" stroke-width=\"1.8\" "
          "stroke-dasharray=\"2,2\" "
          "marker-end=\"url(#wake)\"/><text x=\"%.1f\" y=\"%.1f\">lets go on</text>\n",
          x, y - 5, x + 26, y - 5, x + 32, y);
  x += 110;
  fprintf(out,
          "<path d=\"M%.1f,%.1f L%.1f,%.1f\" stroke=\"#c62828\" stroke-width=\"1.8\" "
          "stroke-dasharray=\"5,3\" "
          "marker-end=\"url(#cancel)\"/><text x=\"%.1f\" y=\"%.1f\">cancels</text>\n</g>\n",
          x, y - 5, x + 26, y - 5, x + 32, y);
}

/* "failed: raised ValueError: …" cut to fit the picture; the whole text
 * shows on hover. */
static void svg_outcome(FILE *out, const TlTask *k, int x, double y) {
  fprintf(out, "<text x=\"%d\" y=\"%.1f\"><title>", x, y);
  xml_text(out, k->name);
  fprintf(out, " %s%s", outcome_word(k), k->outcome_text ? ": " : "");
  if (k->outcome_text) xml_text(out, k->outcome_text);
  fprintf(out, "</title>%s", outcome_word(k));
  if (k->outcome_text && k->outcome != OUT_CANCELLED) {
    TraceBuf o = {0};
    size_t n = strlen(k->outcome_text), max = 32;
    while (max < n && ((unsigned char)k->outcome_text[max] & 0xC0) == 0x80) max--;
    trace_buf_printf(&o, ": %.*s%s", (int)(n > max ? max : n), k->outcome_text, n > max ? "…" : "");
    xml_text(out, o.s);
    trace_buf_free(&o);
  }
  fputs("</text>\n", out);
}

static void svg_summary(FILE *out, double y, double busy, double wall, double conc) {
  static const int cols[] = {MARGIN + 8, 420, 530, 640, 750, 860};
  static const char *const heads[] = {"task", "running", "ready", "waiting", "lifetime", "outcome"};
  fprintf(out, "<g class=\"summary\" font-size=\"13\" fill=\"#212121\">\n");
  for (int j = 0; j < 6; j++)
    fprintf(out, "<text x=\"%d\" y=\"%.1f\" font-weight=\"bold\"%s>%s</text>\n",
            cols[j] + (j && j < 5 ? 80 : 0), y, j && j < 5 ? " text-anchor=\"end\"" : "", heads[j]);
  for (uint32_t i = 0; i < tl.ntasks; i++) {
    const TlTask *k = &tl.tasks[i];
    Totals s = totals_of(k);
    double v[4] = {s.running, s.ready, s.waiting, s.lifetime};
    double ly = y + 20 * (i + 1);
    fprintf(out, "<text x=\"%d\" y=\"%.1f\">", cols[0], ly);
    TraceBuf lab = {0};
    TraceBuf full = {0};
    trace_buf_printf(&full, "%s %s", k->name, k->call);
    put_cut(&lab, full.s, 44); /* the width of the column */
    trace_buf_free(&full);
    xml_text(out, lab.s);
    trace_buf_free(&lab);
    fputs("</text>\n", out);
    for (int j = 0; j < 4; j++) {
      TraceBuf d = {0};
      put_dur(&d, v[j]);
      fprintf(out, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", cols[j + 1] + 80,
              ly, d.s);
      trace_buf_free(&d);
    }
    svg_outcome(out, k, cols[5], ly);
  }
  TraceBuf b = {0}, w = {0};
  put_dur(&b, busy);
  put_dur(&w, wall);
  double ly = y + 20 * (tl.ntasks + 1) + 12;
  fprintf(out,
          "<text x=\"%d\" y=\"%.1f\" font-size=\"15\">achieved concurrency <tspan "
          "font-weight=\"bold\">%.2f×</tspan>: %s of the tasks' own time (running, sleeping, "
          "other futures) in %s of wall time</text>\n",
          cols[0], ly, conc, b.s, w.s);
  fprintf(out,
          "<text x=\"%d\" y=\"%.1f\" fill=\"#616161\">not counted: time ready in the queue, or "
          "waiting for other tasks to finish, release a lock or semaphore, set an event or "
          "fill a queue</text>\n</g>\n",
          cols[0], ly + 20);
  trace_buf_free(&b);
  trace_buf_free(&w);
}

bool timeline_write_svg(FILE *out, double now) {
  close_all(now - tl.t0);
  double from, to, busy, wall;
  wall_range(&from, &to);
  double conc = concurrency(&busy, &wall);
  Scale s = {from, to - from > 0 ? to - from : 1};
  double bottom = row_y(tl.ntasks) + 8;
  double legend_y = bottom + 56, summary_y = legend_y + 40;
  uint32_t height = (uint32_t)(summary_y + 20 * (tl.ntasks + 3) + 24);
  svg_header(out, height, wall, conc);
  svg_axis(out, &s, bottom);
  for (uint32_t i = 0; i < tl.ntasks; i++) svg_row(out, &tl.tasks[i], i, &s);
  fputs("<g class=\"arrows\">\n", out);
  for (uint32_t i = 0; i < tl.narrows; i++) svg_arrow(out, &tl.arrows[i], &s);
  fputs("</g>\n", out);
  svg_legend(out, legend_y);
  svg_summary(out, summary_y, busy, wall, conc);
  fputs("</svg>\n", out);
  return !ferror(out);
}

/* ------------------------------------------------------------ finishing */

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool write_file(const char *path, bool (*writer)(FILE *, double), double now) {
  FILE *f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "asy: cannot write the timeline to '%s': %s\n", path, strerror(errno));
    return false;
  }
  bool ok = writer(f, now);
  if (fclose(f) != 0) ok = false;
  if (!ok) fprintf(stderr, "asy: error writing the timeline to '%s'\n", path);
  return ok;
}

static int terminal_width(void) {
  const char *c = getenv("COLUMNS");
  int w = c ? atoi(c) : 0;
  return w >= 40 ? w : 80;
}

static void free_all(void) {
  for (uint32_t i = 0; i < tl.ntasks; i++) {
    TlTask *k = &tl.tasks[i];
    for (uint32_t j = 0; j < k->nspans; j++) free(k->spans[j].detail);
    free(k->spans);
    free(k->open.detail);
    free(k->name);
    free(k->call);
    free(k->outcome_text);
  }
  free(tl.tasks);
  free(tl.by_id);
  free(tl.arrows);
  memset(&tl, 0, sizeof tl);
  if (trace_state_changed) trace_state_changed();
}

bool timeline_finish(const char *file, bool color, double now) {
  if (!tl.on) return true;
  bool ok = true;
  if (!file || !*file) {
    fflush(stdout);
    timeline_write_text(stderr, terminal_width(), color, now);
  } else if (ends_with(file, ".svg")) {
    ok = write_file(file, timeline_write_svg, now);
  } else if (ends_with(file, ".json")) {
    ok = write_file(file, timeline_write_json, now);
  } else {
    TraceBuf p = {0};
    trace_buf_printf(&p, "%s.svg", file);
    ok = write_file(p.s, timeline_write_svg, now);
    trace_buf_free(&p);
    trace_buf_printf(&p, "%s.json", file);
    ok = write_file(p.s, timeline_write_json, now) && ok;
    trace_buf_free(&p);
  }
  free_all();
  return ok;
}
