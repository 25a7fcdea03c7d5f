/* trace.c — `--trace`: the event loop narrated on stderr, one line per
 * event, plus the words (task labels, wait descriptions, outcomes) that the
 * timeline and the debug warnings share. See trace.h and docs/trace.md. */
#include "trace.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../vm/source.h"

/* ------------------------------------------------------------ buffers */

void trace_buf_printf(TraceBuf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  va_list ap2;
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0) {
    va_end(ap2);
    return;
  }
  size_t need = b->len + (size_t)n + 1;
  if (need > b->cap) {
    size_t cap = b->cap ? b->cap : 128;
    while (cap < need) cap *= 2;
    char *s = realloc(b->s, cap);
    if (!s) {
      va_end(ap2);
      return; /* out of memory: the line is shortened, nothing worse */
    }
    b->s = s;
    b->cap = cap;
  }
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  b->len += (size_t)n;
}

void trace_buf_free(TraceBuf *b) {
  free(b->s);
  b->s = NULL;
  b->len = b->cap = 0;
}

static const char *buf_str(const TraceBuf *b) {
  return b->s ? b->s : "";
}

/* ------------------------------------------------------------ state */

/* What the narrator remembers about one task between events. */
typedef struct {
  bool known;            /* TASK_CREATED was seen */
  bool internal;         /* asyncio.run()'s shutdown helpers: not narrated */
  bool cancel_pending;   /* cancel() called; CancelledError not thrown in yet */
  bool cancel_delivered; /* CancelledError thrown in; the task is not done */
  bool swallowed;        /* went on after a CancelledError it did not re-raise */
  char canceller[64];    /* who asked for the cancellation */
  char wait[200];        /* what it waits on (for the wake-up line) */
  char coro[64];         /* the coroutine's name, kept for after it is gone */
  char woken[120];       /* a better phrase than "<wait> is done", if any */
  bool cancel_in_lib;    /* the CancelledError landed in asyncio's own code */
  WaitKind wait_kind;
} TaskNote;

static struct {
  bool on, color;
  double t0;
  TaskNote *notes; /* by task id */
  uint32_t nnotes;
  TraceBuf deferred; /* wake-up lines held until the waker's "done" line */
  uint32_t running;  /* id of the task whose step runs, 0 if none */
  uint32_t run_task; /* id of the task asyncio.run() wrapped main() in, 0 if none */
  bool run_done;     /* that task is done */
  bool deadlocked;   /* a deadlock stopped the loop: what asyncio.run() does next is cleanup */
} tr;

void (*trace_state_changed)(void);

void trace_enable(bool on, bool color) {
  tr.on = on;
  tr.color = color;
  if (trace_state_changed) trace_state_changed();
}

bool trace_is_enabled(void) {
  return tr.on;
}

void trace_set_epoch(double t0) {
  tr.t0 = t0;
}

static TaskNote *note_of(ObjTask *t) {
  if (t->id >= tr.nnotes) {
    uint32_t n = tr.nnotes ? tr.nnotes : 64;
    while (n <= t->id) n *= 2;
    TaskNote *p = realloc(tr.notes, n * sizeof *p);
    if (!p) return NULL;
    memset(p + tr.nnotes, 0, (n - tr.nnotes) * sizeof *p);
    tr.notes = p;
    tr.nnotes = n;
  }
  return &tr.notes[t->id];
}

/* ------------------------------------------------------------ colours */

typedef enum {
  C_OFF,
  C_DIM,
  C_TASK,
  C_RUN,
  C_WAIT,
  C_DONE,
  C_FAIL,
  C_CANCEL,
  C_LOOP,
  C_TIMER
} Role;

static void color(TraceBuf *b, Role r) {
  static const char *const codes[] = {
      [C_OFF] = "\033[0m",     [C_DIM] = "\033[2m",     [C_TASK] = "\033[1m",
      [C_RUN] = "\033[1;32m",  [C_WAIT] = "\033[33m",   [C_DONE] = "\033[32m",
      [C_FAIL] = "\033[1;31m", [C_CANCEL] = "\033[35m", [C_LOOP] = "\033[34m",
      [C_TIMER] = "\033[36m",
  };
  if (tr.color) trace_buf_printf(b, "%s", codes[r]);
}

/* Start a narration line: the clock, then the indentation. */
static void line_start(TraceBuf *b, double now) {
  double t = now - tr.t0;
  if (t < 0 && t > -0.0005) t = 0;
  color(b, C_DIM);
  trace_buf_printf(b, "[%7.3f] ", t);
  color(b, C_OFF);
}

static void line_emit(TraceBuf *b) {
  fflush(stdout); /* the program's prints and the narration, in true order */
  color(b, C_OFF);
  fprintf(stderr, "%s\n", buf_str(b));
  trace_buf_free(b);
}

/* A task's name, in the task colour. */
static void put_task(TraceBuf *b, ObjTask *t) {
  color(b, C_TASK);
  trace_buf_printf(b, "%s", task_name(t)->chars);
  color(b, C_OFF);
}

/* ------------------------------------------------------------ naming */

bool trace_is_library(const ObjCode *code) {
  return code && strncmp(code->filename->chars, "asyncio/", 8) == 0;
}

int trace_frame_line(const Frame *f) {
  if (!f || !f->code || !f->ip) return 0;
  uint32_t off = (uint32_t)(f->ip - f->code->code);
  const LineEntry *le = code_line_at(f->code, off ? off - 1 : 0);
  return le ? le->line : 0;
}

Frame *trace_user_frame(Frame *f) {
  for (Frame *k = f; k; k = k->parent) {
    if (k->code && !trace_is_library(k->code)) return k;
    /* Past asyncio.run() lies the module that started the loop, not the
     * code that made this event: a callback run by the loop has no user
     * line of its own. */
    if (k != f && k->code && strcmp(k->code->filename->chars, "asyncio/runners.asy") == 0)
      return NULL;
  }
  return NULL;
}

/* The asyncio function the user called, when the running code is inside
 * the library: the outermost library frame below the first user frame. */
static Frame *api_frame(Frame *f) {
  Frame *api = NULL;
  for (Frame *k = f; k && k->code && trace_is_library(k->code); k = k->parent) api = k;
  return api;
}

/* The sleep a task made by ensure_future(asyncio.sleep(...)) runs: asy
 * wraps it in the library coroutine _wrap_awaitable. */
static ObjSleep *wrapped_sleep(ObjGen *g) {
  if (!g->frame || !trace_is_library(g->frame->code) ||
      strcmp(GEN_QUALNAME(g)->chars, "_wrap_awaitable") != 0)
    return NULL;
  Value a = g->frame->slots[0];
  return IS_OBJ_TYPE(a, OBJ_FUTURE) && AS_OBJ(a)->aux == FUTK_SLEEP ? (ObjSleep *)AS_OBJ(a) : NULL;
}

const char *trace_coro_name(ObjTask *t) {
  if (!IS_GEN(task_coro(t))) return "?";
  ObjGen *g = AS_GEN(task_coro(t));
  return wrapped_sleep(g) ? "sleep" : GEN_QUALNAME(g)->chars;
}

bool trace_task_is_internal(ObjTask *t) {
  if (!IS_GEN(task_coro(t))) return false;
  ObjGen *g = AS_GEN(task_coro(t));
  return g->frame && trace_is_library(g->frame->code) &&
         strncmp(GEN_QUALNAME(g)->chars, "_shutdown", 9) == 0;
}

/* Append at most max bytes of s, cutting at a UTF-8 boundary with "…". */
static void put_cut(TraceBuf *out, const char *s, size_t max) {
  size_t n = strlen(s);
  if (n <= max) {
    trace_buf_printf(out, "%s", s);
    return;
  }
  while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80) max--;
  trace_buf_printf(out, "%.*s…", (int)max, s);
}

void trace_short_repr(Value v, TraceBuf *out) {
  if (IS_NONE(v) || IS_BOOL(v) || IS_INT(v) || IS_FLOAT(v) || IS_STR(v)) {
    Value saved = vm.exc;
    ObjString *r = vm_repr(v); /* builtin scalars: no asy code runs */
    vm.exc = saved;
    put_cut(out, r ? r->chars : "?", 40);
  } else if (IS_OBJ_TYPE(v, OBJ_FUTURE) && AS_OBJ(v)->aux == FUTK_TASK) {
    trace_buf_printf(out, "<Task %s>", task_name((ObjTask *)AS_OBJ(v))->chars);
  } else if (IS_LIST(v) || IS_TUPLE(v)) {
    uint32_t n = IS_LIST(v) ? AS_LIST(v)->len : AS_TUPLE(v)->len;
    Value *items = IS_LIST(v) ? AS_LIST(v)->items : AS_TUPLE(v)->items;
    trace_buf_printf(out, "%s", IS_LIST(v) ? "[" : "(");
    for (uint32_t i = 0; i < n && i < 4; i++) {
      if (i) trace_buf_printf(out, ", ");
      if (IS_LIST(items[i]) || IS_TUPLE(items[i]))
        trace_buf_printf(out, "…");
      else
        trace_short_repr(items[i], out);
    }
    if (n > 4) trace_buf_printf(out, ", …");
    trace_buf_printf(out, "%s", IS_LIST(v) ? "]" : (n == 1 ? ",)" : ")"));
  } else {
    trace_buf_printf(out, "<%s>", vm_class_name(v));
  }
}

void trace_coro_call(ObjTask *t, TraceBuf *out) {
  if (!IS_GEN(task_coro(t))) {
    trace_buf_printf(out, "%s", vm_class_name(task_coro(t)));
    return;
  }
  ObjGen *g = AS_GEN(task_coro(t));
  ObjSleep *s = wrapped_sleep(g);
  if (s) {
    trace_buf_printf(out, "sleep(%g)", s->delay);
    return;
  }
  size_t start = out->len;
  trace_buf_printf(out, "%s(", GEN_QUALNAME(g)->chars);
  Frame *f = g->frame;
  if (f && g->state == GEN_CREATED) {
    ObjCode *c = f->code;
    uint32_t npos = c->argcount, nkw = c->kwonlycount;
    /* A method's self says nothing a student needs here. */
    uint32_t first = npos > 0 && strcmp(c->varnames[0]->chars, "self") == 0 ? 1 : 0;
    for (uint32_t i = first; i < npos + nkw && i < c->nlocals; i++) {
      if (i > first) trace_buf_printf(out, ", ");
      if (i >= npos) trace_buf_printf(out, "%s=", c->varnames[i]->chars);
      if (out->len - start > 60) {
        trace_buf_printf(out, "…");
        break;
      }
      trace_short_repr(f->slots[i], out);
    }
  }
  trace_buf_printf(out, ")");
}

/* "ValueError: boom" from the class name and the first argument, without
 * calling a user-defined __str__. */
static void put_exception(TraceBuf *out, Value exc) {
  if (!IS_EXCEPTION(exc)) {
    trace_short_repr(exc, out);
    return;
  }
  ObjException *e = AS_EXCEPTION(exc);
  trace_buf_printf(out, "%s", vm_class_of(exc)->name->chars);
  if (e->args && e->args->len == 1 && IS_STR(e->args->items[0]) && AS_STR(e->args->items[0])->len) {
    trace_buf_printf(out, ": ");
    put_cut(out, AS_CSTR(e->args->items[0]), 60);
  } else if (e->args && e->args->len == 1 && !IS_STR(e->args->items[0])) {
    trace_buf_printf(out, ": ");
    trace_short_repr(e->args->items[0], out);
  }
}

/* Where an exception was raised: its innermost traceback entry. */
static void put_raise_site(TraceBuf *out, Value exc) {
  if (!IS_EXCEPTION(exc)) return;
  ObjException *e = AS_EXCEPTION(exc);
  for (uint32_t k = e->ntb; k-- > 0;) {
    ObjCode *c = e->tb[k].code;
    if (!c || trace_is_library(c)) continue;
    const LineEntry *le = code_line_at(c, e->tb[k].offset);
    trace_buf_printf(out, " at %s:%d", c->filename->chars, le ? le->line : 0);
    return;
  }
}

void trace_describe_outcome(ObjTask *t, TraceBuf *out) {
  ObjFuture *f = TASK_FUTURE(t);
  if (f->state == FUT_CANCELLED) {
    trace_buf_printf(out, "was cancelled");
  } else if (f->state == FUT_PENDING) {
    trace_buf_printf(out, "is still pending");
  } else if (f->has_exc) {
    trace_buf_printf(out, "raised ");
    put_exception(out, f->result);
    put_raise_site(out, f->result);
  } else {
    trace_buf_printf(out, "returned ");
    trace_short_repr(f->result, out);
  }
}

/* ------------------------------------------------------------ waits */

/* The user's line a suspended task waits at, as " at FILE:LINE: source". */
static void put_user_site(TraceBuf *out, ObjTask *t, bool with_source) {
  ObjCode *code = NULL;
  int line = task_suspended_line(t, &code);
  if (!code || trace_is_library(code)) return;
  trace_buf_printf(out, " at %s:%d", code->filename->chars, line);
  size_t len;
  const char *text = with_source ? source_line(code->filename->chars, line, &len) : NULL;
  if (!text) return;
  while (len && (*text == ' ' || *text == '\t')) text++, len--;
  len = source_code_len(text, len); /* the code, not a comment after it */
  bool cut = len > 50;
  if (cut) len = 50;
  while (cut && len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80) len--;
  trace_buf_printf(out, ": %.*s%s", (int)len, text, cut ? "…" : "");
}

/* The outermost library frame of a suspended task's await chain (the
 * asyncio API the user called), or NULL when the user's own frame is the
 * innermost one. */
static Frame *library_entry(ObjTask *t, Frame **inner) {
  if (!IS_GEN(task_coro(t))) return NULL;
  ObjGen *g = AS_GEN(task_coro(t));
  Frame *f = g->innermost ? g->innermost : g->frame;
  Frame *entry = NULL, *below = NULL;
  for (Frame *k = f; k && k->code && trace_is_library(k->code);
       k = k->entry == ENTRY_DELEGATE ? k->parent : NULL) {
    below = entry;
    entry = k;
  }
  *inner = below;
  return entry;
}

typedef struct {
  const char *qualname; /* suffix after the class (".get"), or the whole name */
  const char *words;    /* what the task waits for; NULL: the method's name */
  const char *woken;    /* why it is ready again; NULL: "... can go on" */
  WaitKind kind;
} WaitWords;

static const WaitWords wait_words[] = {
    {"TaskGroup.__aexit__", "the tasks of its TaskGroup",
     "all the tasks of its TaskGroup have finished", WAIT_TASK},
    {"_wait", "asyncio.wait()", "asyncio.wait() has what it waited for", WAIT_TASK},
    {"wait", "asyncio.wait()", "asyncio.wait() has what it waited for", WAIT_TASK},
    {"wait_for", "wait_for()", "wait_for(): the awaitable finished or the time is up", WAIT_TASK},
    {"_cancel_and_wait", "wait_for() to stop what it cancelled",
     "what wait_for() cancelled has stopped", WAIT_TASK},
    {"as_completed.<locals>._wait_for_one", "as_completed()", "as_completed() has the next result",
     WAIT_TASK},
    {"to_thread", "to_thread() (a worker thread)", "the worker thread has finished", WAIT_FUTURE},
    {".acquire", NULL, NULL, WAIT_SYNC},
    {".wait", NULL, NULL, WAIT_SYNC},
    {".get", NULL, NULL, WAIT_SYNC},
    {".put", NULL, NULL, WAIT_SYNC},
    {".join", NULL, NULL, WAIT_SYNC},
};

/* "Lock.acquire()" with the class of the receiver when the frame has one
 * (a BoundedSemaphore runs Semaphore.acquire). */
static void put_method(TraceBuf *out, Frame *f) {
  const char *q = f->code->qualname->chars;
  const char *dot = strrchr(q, '.');
  if (dot && f->code->argcount > 0 && IS_INSTANCE(f->slots[0]))
    trace_buf_printf(out, "%s%s()", AS_INSTANCE(f->slots[0])->cls->name->chars, dot);
  else
    trace_buf_printf(out, "%s()", q);
}

static WaitKind describe_library_wait(Frame *entry, Frame *inner, TraceBuf *out, TraceBuf *woken) {
  /* async with lock: __aenter__ only forwards to acquire(). */
  if (strstr(entry->code->qualname->chars, "__aenter__") && inner) entry = inner;
  const char *q = entry->code->qualname->chars;
  size_t qn = strlen(q);
  for (size_t i = 0; i < ASY_ARRAY_LEN(wait_words); i++) {
    const WaitWords *w = &wait_words[i];
    size_t wn = strlen(w->qualname);
    bool suffix = w->qualname[0] == '.';
    if (suffix ? (qn > wn && strcmp(q + qn - wn, w->qualname) == 0) : strcmp(q, w->qualname) == 0) {
      if (w->words)
        trace_buf_printf(out, "%s", w->words);
      else
        put_method(out, entry);
      if (w->woken) trace_buf_printf(woken, "%s", w->woken);
      return w->kind;
    }
  }
  put_method(out, entry);
  return WAIT_FUTURE;
}

/* gather(Task-2, Task-3): the children of a _GatheringFuture. */
static bool describe_gather(ObjFuture *f, TraceBuf *out) {
  if (!f->cls || strcmp(f->cls->name->chars, "_GatheringFuture") != 0 || !f->dict) return false;
  Value children;
  /* A list, or gather's argument tuple when every argument was a future. */
  if (!dict_get_str(f->dict, str_intern_cstr("_children"), &children) ||
      !(IS_LIST(children) || IS_TUPLE(children)))
    return false;
  const Value *items = IS_LIST(children) ? AS_LIST(children)->items : AS_TUPLE(children)->items;
  uint32_t n = IS_LIST(children) ? AS_LIST(children)->len : AS_TUPLE(children)->len;
  trace_buf_printf(out, "gather(");
  for (uint32_t i = 0; i < n; i++) {
    if (i == 4) {
      trace_buf_printf(out, ", … %u in all", n);
      break;
    }
    Value c = items[i];
    if (i) trace_buf_printf(out, ", ");
    if (IS_OBJ_TYPE(c, OBJ_FUTURE) && AS_OBJ(c)->aux == FUTK_TASK)
      trace_buf_printf(out, "%s", task_name((ObjTask *)AS_OBJ(c))->chars);
    else
      trace_buf_printf(out, "a Future");
  }
  trace_buf_printf(out, ")");
  return true;
}

static void describe_future(ObjFuture *f, TraceBuf *out) {
  if (describe_gather(f, out)) return;
  trace_buf_printf(out, "a %s",
                   f->cls && f->cls != loop_class_future ? f->cls->name->chars : "Future");
  if (f->obj.aux == FUTK_FUTURE && f->origin_code && !trace_is_library(f->origin_code))
    trace_buf_printf(out, " (made at %s:%d)", f->origin_code->filename->chars, f->origin_line);
}

static void put_seconds(TraceBuf *out, double s) {
  trace_buf_printf(out, "%.3f", s);
}

/* As trace_describe_wait; woken (if not NULL) receives a phrase for the
 * moment the wait ends, when the plain "... is done" would read badly. */
static WaitKind describe_wait(ObjTask *t, Obj *obj, TraceBuf *out, TraceBuf *woken);

WaitKind trace_describe_wait(ObjTask *t, Obj *obj, TraceBuf *out) {
  TraceBuf ignored = {0};
  WaitKind k = describe_wait(t, obj, out, &ignored);
  trace_buf_free(&ignored);
  return k;
}

static WaitKind describe_wait(ObjTask *t, Obj *obj, TraceBuf *out, TraceBuf *woken) {
  if (!obj) {
    trace_buf_printf(out, "nothing");
    return WAIT_NONE;
  }
  ObjFuture *f = (ObjFuture *)obj;
  if (obj->aux == FUTK_SLEEP) {
    ObjSleep *s = (ObjSleep *)obj;
    trace_buf_printf(out, "sleep(%g)", s->delay);
    return WAIT_SLEEP;
  }
  if (obj->aux == FUTK_TASK) {
    ObjTask *other = (ObjTask *)obj;
    trace_buf_printf(out, "%s %s()", task_name(other)->chars, trace_coro_name(other));
    return WAIT_TASK;
  }
  Frame *inner = NULL, *entry = library_entry(t, &inner);
  if (entry) return describe_library_wait(entry, inner, out, woken);
  bool gather = f->cls && strcmp(f->cls->name->chars, "_GatheringFuture") == 0;
  describe_future(f, out);
  return gather ? WAIT_TASK : WAIT_FUTURE;
}

/* ------------------------------------------------------------ events */

static const char *label_kind(const ReadyItem *r, TraceBuf *out);

static void put_callable(TraceBuf *out, Value fn) {
  if (IS_OBJ_TYPE(fn, OBJ_BOUND)) {
    Value self = AS_BOUND(fn)->self;
    fn = AS_BOUND(fn)->func;
    if (IS_NATIVE(fn)) {
      trace_buf_printf(out, "%s.%s()", vm_class_of(self)->name->chars, AS_NATIVE(fn)->name);
      return;
    }
  }
  if (IS_FUNCTION(fn))
    trace_buf_printf(out, "%s()", AS_FUNCTION(fn)->qualname->chars);
  else if (IS_NATIVE(fn))
    trace_buf_printf(out, "%s()", AS_NATIVE(fn)->name);
  else if (IS_CLASS(fn))
    trace_buf_printf(out, "%s()", AS_CLASS(fn)->name->chars);
  else
    trace_buf_printf(out, "<%s>", vm_class_name(fn));
}

/* A private helper of the asyncio library (gather's _done_callback,
 * Timeout._on_timeout...), as opposed to a library method the user
 * scheduled (q.put_nowait). */
static bool callable_is_internal(Value fn) {
  if (IS_OBJ_TYPE(fn, OBJ_BOUND)) fn = AS_BOUND(fn)->func;
  if (IS_NATIVE(fn)) return AS_NATIVE(fn)->name[0] == '_'; /* the executor's hand-offs */
  if (!IS_FUNCTION(fn) || !trace_is_library(AS_FUNCTION(fn)->code)) return false;
  const char *q = AS_FUNCTION(fn)->qualname->chars;
  return q[0] == '_' || strstr(q, "._") || strstr(q, "<locals>");
}

/* One entry of the ready queue, as the ITERATION line lists it; NULL when
 * the entry belongs to a task that is not narrated. */
static const char *label_kind(const ReadyItem *r, TraceBuf *out) {
  switch (ready_kind(r)) {
  case READY_STEP: {
    ObjTask *t = (ObjTask *)AS_OBJ(ready_a(r));
    if (trace_task_is_internal(t)) return NULL;
    trace_buf_printf(out, "%s", task_name(t)->chars);
    if (!IS_UNDEF(ready_b(r))) {
      trace_buf_printf(out, " (to raise ");
      put_exception(out, ready_b(r));
      trace_buf_printf(out, ")");
    }
    return "step";
  }
  case READY_HANDLE: {
    ObjHandle *h = (ObjHandle *)AS_OBJ(ready_a(r));
    put_callable(out, h->callback);
    if (h->cancelled) trace_buf_printf(out, " (cancelled)");
    return "handle";
  }
  case READY_CALLBACK: put_callable(out, ready_a(r)); return "callback";
  case READY_SLEEP_DONE: {
    ObjTask *t = (ObjTask *)AS_OBJ(ready_b(r));
    trace_buf_printf(out, "wake %s", task_name(t)->chars);
    return "wake";
  }
  }
  return NULL;
}

static void on_iteration(const LoopEvent *ev) {
  ObjLoop *l = ev->loop;
  uint32_t n = (uint32_t)ev->when;
  if (n == 0) return;
  TraceBuf items = {0};
  uint32_t shown = 0;
  for (uint32_t i = 0; i < n && i < l->rcount; i++) {
    const ReadyItem *r = &l->ready[(l->rhead + i) % l->rcap];
    if (shown == 8) {
      trace_buf_printf(&items, ", … (%u in all)", n);
      break;
    }
    size_t mark = items.len;
    if (shown) trace_buf_printf(&items, ", ");
    if (!label_kind(r, &items)) {
      items.len = mark; /* not narrated: drop the separator too */
      if (items.s) items.s[mark] = 0;
      continue;
    }
    shown++;
  }
  if (shown) {
    TraceBuf b = {0};
    line_start(&b, ev->now);
    color(&b, C_LOOP);
    trace_buf_printf(&b, "── loop iteration %llu · ready: %s", (unsigned long long)l->iteration,
                     buf_str(&items));
    line_emit(&b);
  }
  trace_buf_free(&items);
}

static void on_idle(const LoopEvent *ev) {
  TraceBuf b = {0};
  line_start(&b, ev->now);
  color(&b, C_LOOP);
  ObjLoop *l = ev->loop;
  if (ev->when < 0) {
    trace_buf_printf(
        &b, "── loop idle: nothing ready, no timer; waiting for I/O on %u file descriptor%s",
        l->nwatches, l->nwatches == 1 ? "" : "s");
  } else {
    trace_buf_printf(&b, "── loop idle: nothing ready; the next timer is due in ");
    put_seconds(&b, ev->when);
    trace_buf_printf(&b, " s (t=");
    put_seconds(&b, ev->now + ev->when - tr.t0);
    trace_buf_printf(&b, ")%s", l->nwatches ? ", or sooner if I/O arrives" : "");
  }
  line_emit(&b);
}

/* " through gather() at FILE:LINE" or " at FILE:LINE": where the running
 * code (an event raised inside a step or callback) came from. */
static void put_origin(TraceBuf *b) {
  Frame *api = api_frame(vm.frame);
  Frame *uf = trace_user_frame(vm.frame);
  if (api) trace_buf_printf(b, " through %s()", api->code->qualname->chars);
  if (uf) trace_buf_printf(b, " at %s:%d", uf->code->filename->chars, trace_frame_line(uf));
}

static ObjTask *running_task(void) {
  return IS_OBJ_TYPE(vm.current_task, OBJ_FUTURE) ? (ObjTask *)AS_OBJ(vm.current_task) : NULL;
}

static void on_created(const LoopEvent *ev) {
  ObjTask *t = ev->task;
  TaskNote *n = note_of(t);
  if (!n) return;
  memset(n, 0, sizeof *n);
  n->known = true;
  n->internal = trace_task_is_internal(t);
  if (n->internal) return;
  snprintf(n->coro, sizeof n->coro, "%s", trace_coro_name(t));
  TraceBuf b = {0};
  line_start(&b, ev->now);
  ObjTask *by = running_task();
  Frame *api = api_frame(vm.frame);
  bool by_run = !by && api && strstr(api->code->qualname->chars, "run");
  if (by_run) {
    tr.run_task = t->id;
    tr.run_done = tr.deadlocked = false;
    trace_buf_printf(&b, "asyncio.run() wraps ");
    trace_coro_call(t, &b);
    trace_buf_printf(&b, " in a task, ");
    put_task(&b, t);
    Frame *uf = trace_user_frame(api->parent);
    if (uf) trace_buf_printf(&b, ", at %s:%d", uf->code->filename->chars, trace_frame_line(uf));
  } else {
    trace_buf_printf(&b, "  ");
    if (by) put_task(&b, by);
    trace_buf_printf(&b, "%s", by ? " creates " : "new task ");
    put_task(&b, t);
    trace_buf_printf(&b, " ");
    trace_coro_call(t, &b);
    put_origin(&b);
  }
  if (loop_get_sched() == SCHED_EAGER && ev->loop->running)
    trace_buf_printf(&b, " — eager start: it runs now, inside create_task()");
  else if (by)
    trace_buf_printf(&b, " — queued: it starts when %s gives up control", task_name(by)->chars);
  else
    trace_buf_printf(&b, " — queued to run");
  line_emit(&b);
}

/* Whether any frame of a suspended task is inside an except or finally
 * block handling a CancelledError. */
static bool handling_cancel(ObjTask *t) {
  if (!IS_GEN(task_coro(t))) return false;
  ObjGen *g = AS_GEN(task_coro(t));
  for (Frame *k = g->innermost ? g->innermost : g->frame; k;
       k = k->entry == ENTRY_DELEGATE ? k->parent : NULL)
    if (IS_EXCEPTION(frame_handled(k)) && vm_isinstance(frame_handled(k), vm.e_CancelledError))
      return true;
  return false;
}

static void on_step_begin(const LoopEvent *ev) {
  ObjTask *t = ev->task;
  TaskNote *n = note_of(t);
  tr.running = t->id;
  if (!n || n->internal) return;
  TraceBuf b = {0};
  line_start(&b, ev->now);
  color(&b, C_RUN);
  trace_buf_printf(&b, "▶ ");
  put_task(&b, t);
  color(&b, C_RUN);
  ObjGen *g = IS_GEN(task_coro(t)) ? AS_GEN(task_coro(t)) : NULL;
  bool fresh = g && g->state == GEN_CREATED;
  if (fresh) {
    trace_buf_printf(&b, " starts ");
    trace_coro_call(t, &b);
  } else {
    trace_buf_printf(&b, " resumes");
    color(&b, C_OFF);
    put_user_site(&b, t, false);
  }
  if (n->cancel_pending) {
    Frame *inner;
    n->cancel_pending = false;
    n->cancel_delivered = true;
    n->cancel_in_lib = library_entry(t, &inner) != NULL;
    color(&b, C_CANCEL);
    trace_buf_printf(&b, " — CancelledError is raised %s (%s)",
                     fresh ? "before its first line" : "at that await", n->canceller);
  }
  line_emit(&b);
}

static void flush_deferred(void) {
  if (!tr.deferred.len) return;
  fflush(stdout);
  fputs(tr.deferred.s, stderr);
  trace_buf_free(&tr.deferred);
}

/* After a step that began with a CancelledError thrown in: is the task
 * still cleaning up, did asyncio absorb it (timeout), or did the task
 * swallow it? */
static void put_cancel_aftermath(TraceBuf *b, ObjTask *t, TaskNote *n) {
  if (!n->cancel_delivered) return;
  color(b, C_CANCEL);
  if (handling_cancel(t)) {
    trace_buf_printf(b, " — still handling its CancelledError (in an except or finally block)");
    return;
  }
  n->cancel_delivered = false;
  /* asyncio's own code (TaskGroup, timeout, wait_for) catches cancellations
   * on purpose; only a user's except clause can swallow one. */
  if (t->num_cancels_requested > 0 && !n->cancel_in_lib) {
    n->swallowed = true;
    trace_buf_printf(b, " — it caught the CancelledError and goes on: swallowing a cancellation is "
                        "a bug, re-raise it");
  }
}

static void on_step_end(const LoopEvent *ev) {
  ObjTask *t = ev->task;
  TaskNote *n = note_of(t);
  tr.running = 0;
  if (!n || n->internal || t->fut.state != FUT_PENDING) {
    flush_deferred(); /* done: the "done" line said it all */
    return;
  }
  TraceBuf b = {0};
  line_start(&b, ev->now);
  color(&b, C_WAIT);
  trace_buf_printf(&b, "⏸ ");
  put_task(&b, t);
  color(&b, C_WAIT);
  if (t->fut.step_scheduled && !ev->obj) {
    trace_buf_printf(&b, " yields");
    color(&b, C_OFF);
    put_user_site(&b, t, true);
    trace_buf_printf(&b, " — back of the ready queue");
    snprintf(n->wait, sizeof n->wait, "its turn");
    n->woken[0] = 0;
    n->wait_kind = WAIT_NONE;
  } else {
    TraceBuf w = {0}, wk = {0};
    n->wait_kind = describe_wait(t, ev->obj, &w, &wk);
    snprintf(n->woken, sizeof n->woken, "%s", buf_str(&wk));
    trace_buf_free(&wk);
    if (ev->obj && ev->obj->aux == FUTK_SLEEP) {
      ObjSleep *s = (ObjSleep *)ev->obj;
      trace_buf_printf(&b, " sleeps %g s, until t=", s->delay);
      put_seconds(&b, ev->now + s->delay - tr.t0);
    } else {
      trace_buf_printf(&b, " waits for %s", buf_str(&w));
    }
    snprintf(n->wait, sizeof n->wait, "%s", buf_str(&w));
    trace_buf_free(&w);
    color(&b, C_OFF);
    put_user_site(&b, t, true);
  }
  put_cancel_aftermath(&b, t, n);
  if (ev->when >= 0.1) {
    color(&b, C_FAIL);
    trace_buf_printf(&b, " — that step kept the loop busy for %.3f s", ev->when);
  }
  line_emit(&b);
  flush_deferred();
}

static void on_done(const LoopEvent *ev) {
  ObjTask *t = ev->task;
  TaskNote *n = note_of(t);
  if (!n || n->internal) return;
  TraceBuf b = {0};
  line_start(&b, ev->now);
  ObjFuture *f = TASK_FUTURE(t);
  Role r = f->state == FUT_CANCELLED ? C_CANCEL : f->has_exc ? C_FAIL : C_DONE;
  color(&b, r);
  trace_buf_printf(&b, "%s ", r == C_DONE ? "✔" : "✘");
  put_task(&b, t);
  color(&b, r);
  if (r == C_CANCEL) {
    if (n->cancel_delivered)
      trace_buf_printf(&b, " cancelled: the CancelledError propagated out of %s()", n->coro);
    else
      trace_buf_printf(&b, " cancelled before it ran a line of %s()", n->coro);
  } else {
    trace_buf_printf(&b, " %s: %s() ", r == C_DONE ? "done" : "failed", n->coro);
    trace_describe_outcome(t, &b);
  }
  if (r != C_CANCEL && (n->swallowed || (n->cancel_delivered && !n->cancel_in_lib)) &&
      t->num_cancels_requested > 0)
    trace_buf_printf(&b, " — although it was cancelled: it swallowed the CancelledError");
  n->cancel_delivered = n->cancel_pending = false;
  if (t->id == tr.run_task) tr.run_done = true;
  line_emit(&b);
  flush_deferred();
}

static void on_wake(const LoopEvent *ev) {
  ObjTask *t = ev->task;
  TaskNote *n = note_of(t);
  if (!n || n->internal || !ev->obj) return;
  TraceBuf b = {0};
  line_start(&b, ev->now);
  trace_buf_printf(&b, "  ");
  put_task(&b, t);
  trace_buf_printf(&b, " is ready again: ");
  ObjFuture *f = (ObjFuture *)ev->obj;
  const char *what = n->wait[0] ? n->wait : "what it waited for";
  if (ev->obj->aux == FUTK_SLEEP)
    trace_buf_printf(&b, "its %s is over", what);
  else if (f->state == FUT_CANCELLED)
    trace_buf_printf(&b,
                     n->woken[0]                 ? "its wait for %s was cancelled"
                     : n->wait_kind == WAIT_SYNC ? "its %s was cancelled"
                                                 : "%s was cancelled",
                     what);
  else if (n->woken[0])
    trace_buf_printf(&b, "%s", n->woken);
  else if (n->wait_kind == WAIT_SYNC)
    trace_buf_printf(&b, "%s can go on", what);
  else
    trace_buf_printf(&b, "%s is done", what);
  /* A task finishing wakes its waiters before its own "done" line: hold
   * the wake-up line until that line is out. */
  if (ev->obj->aux == FUTK_TASK && ((ObjTask *)ev->obj)->id == tr.running) {
    color(&b, C_OFF);
    trace_buf_printf(&tr.deferred, "%s\n", buf_str(&b));
    trace_buf_free(&b);
    return;
  }
  line_emit(&b);
}

static void on_timer_added(const LoopEvent *ev) {
  if (!ev->obj || ev->obj->type != OBJ_HANDLE) return; /* sleeps: told by the "sleeps" line */
  ObjHandle *h = (ObjHandle *)ev->obj;
  TraceBuf b = {0};
  line_start(&b, ev->now);
  color(&b, C_TIMER);
  trace_buf_printf(&b, "  ⏲ timer set: ");
  put_callable(&b, h->callback);
  trace_buf_printf(&b, " will run at t=");
  put_seconds(&b, ev->when - tr.t0);
  trace_buf_printf(&b, " (in ");
  put_seconds(&b, ev->when - ev->now);
  trace_buf_printf(&b, " s)");
  if (callable_is_internal(h->callback))
    trace_buf_printf(&b, " [asyncio internals]");
  else
    put_origin(&b);
  line_emit(&b);
}

static void on_timer_fired(const LoopEvent *ev) {
  TraceBuf b = {0};
  line_start(&b, ev->now);
  color(&b, C_TIMER);
  if (ev->obj->type == OBJ_HANDLE) {
    trace_buf_printf(&b, "⏲ timer due: ");
    put_callable(&b, ((ObjHandle *)ev->obj)->callback);
    trace_buf_printf(&b, " moves to the ready queue");
  } else {
    ObjSleep *s = (ObjSleep *)ev->obj;
    if (!s->task || note_of(s->task)->internal) {
      trace_buf_free(&b);
      return;
    }
    trace_buf_printf(&b, "⏲ timer due: the sleep(%g) of ", s->delay);
    put_task(&b, s->task);
    color(&b, C_TIMER);
    trace_buf_printf(&b, " is over; waking it up takes one more turn of the loop");
  }
  line_emit(&b);
}

static void on_callback(const LoopEvent *ev) {
  if (!ev->obj) return;
  Value fn = OBJ_VAL(ev->obj);
  TraceBuf b = {0};
  line_start(&b, ev->now);
  trace_buf_printf(&b, "• callback ");
  put_callable(&b, fn);
  if (callable_is_internal(fn)) trace_buf_printf(&b, " [asyncio internals]");
  line_emit(&b);
}

/* asyncio.run() cancelling what is left on its way out: after main()
 * finished, or because the loop stopped first (a deadlock, an exception
 * such as KeyboardInterrupt) — then main()'s own task is among them, and
 * "main() has finished" would be false. */
static void describe_run_cleanup(ObjTask *t, TraceBuf *out, TaskNote *n) {
  const char *who = task_name(t)->chars;
  const char *main_coro = tr.run_task && tr.run_task < tr.nnotes && tr.notes[tr.run_task].coro[0]
                              ? tr.notes[tr.run_task].coro
                              : "main";
  if (tr.deadlocked) {
    trace_buf_printf(out, "asyncio.run() cleans up after the deadlock: it cancels %s", who);
    snprintf(n->canceller, sizeof n->canceller, "asyncio.run() is cleaning up after the deadlock");
  } else if (tr.run_done || !tr.run_task) {
    trace_buf_printf(out, "asyncio.run() cancels the leftover %s (%s() has finished)", who,
                     main_coro);
    snprintf(n->canceller, sizeof n->canceller, "asyncio.run() is shutting down");
  } else {
    trace_buf_printf(out,
                     "asyncio.run() cancels %s on its way out (the loop stopped before %s() "
                     "finished)",
                     who, main_coro);
    snprintf(n->canceller, sizeof n->canceller, "asyncio.run() is shutting down");
  }
}

/* The line before asy's deadlock report, which names each task, what it
 * waits for and at which line. */
static void on_deadlock(const LoopEvent *ev) {
  tr.deadlocked = true;
  TraceBuf b = {0};
  line_start(&b, ev->now);
  color(&b, C_FAIL);
  trace_buf_printf(&b, "── deadlock: every task waits, and nothing is left that could wake one; "
                       "asy stops the loop here:");
  line_emit(&b);
}

/* Who cancels, in words: a task, asyncio.run() at shutdown, a timeout, a
 * TaskGroup... Also fills the note's short "cancelled by" text. */
static void describe_canceller(const LoopEvent *ev, TraceBuf *out, TaskNote *n) {
  Frame *api = api_frame(vm.frame);
  const char *q = api ? api->code->qualname->chars : "";
  const char *lib =
      vm.frame && trace_is_library(vm.frame->code) ? vm.frame->code->qualname->chars : "";
  ObjTask *by = ev->obj ? (ObjTask *)ev->obj : NULL;
  snprintf(n->canceller, sizeof n->canceller, "cancelled by %s",
           by ? task_name(by)->chars : "asyncio");
  if (strcmp(lib, "_cancel_all_tasks") == 0) {
    describe_run_cleanup(ev->task, out, n);
    return;
  }
  if (strcmp(lib, "Timeout._on_timeout") == 0) {
    trace_buf_printf(out, "the asyncio.timeout() deadline has passed: it cancels %s",
                     task_name(ev->task)->chars);
    snprintf(n->canceller, sizeof n->canceller, "the asyncio.timeout() deadline");
    return;
  }
  if (strstr(lib, "TaskGroup")) {
    trace_buf_printf(out, "the TaskGroup cancels %s: one of its tasks failed",
                     task_name(ev->task)->chars);
    snprintf(n->canceller, sizeof n->canceller, "cancelled by its TaskGroup");
    return;
  }
  if (by)
    trace_buf_printf(out, "%s cancels %s", task_name(by)->chars, task_name(ev->task)->chars);
  else
    trace_buf_printf(out, "a callback cancels %s", task_name(ev->task)->chars);
  if (by == ev->task) trace_buf_printf(out, " (itself)");
  if (!by && !api) snprintf(n->canceller, sizeof n->canceller, "cancelled by a callback");
  const char *how = strstr(lib, "_GatheringFuture") ? "the cancelled gather()" : q[0] ? q : NULL;
  if (how) trace_buf_printf(out, " through %s", how);
  Frame *uf = trace_user_frame(vm.frame);
  if (uf) trace_buf_printf(out, " at %s:%d", uf->code->filename->chars, trace_frame_line(uf));
}

static void on_cancel(const LoopEvent *ev) {
  ObjTask *t = ev->task;
  TaskNote *n = note_of(t);
  if (!n || n->internal) return;
  if (n->cancel_pending) return; /* a second cancel() adds nothing to tell */
  TraceBuf b = {0};
  line_start(&b, ev->now);
  color(&b, C_CANCEL);
  trace_buf_printf(&b, "  ✂ ");
  describe_canceller(ev, &b, n);
  if (t->waiter) {
    TraceBuf w = {0};
    trace_describe_wait(t, t->waiter, &w);
    trace_buf_printf(&b, " — it waits for %s", buf_str(&w));
    trace_buf_free(&w);
    put_user_site(&b, t, false);
    trace_buf_printf(&b, ": CancelledError will be raised there");
  } else if (IS_GEN(task_coro(t)) && AS_GEN(task_coro(t))->state == GEN_CREATED) {
    trace_buf_printf(&b, " — it has not started: CancelledError is raised before its first line");
  } else if (t->id != tr.running) {
    trace_buf_printf(&b, " — CancelledError will be raised when it next runs");
  } else {
    trace_buf_printf(&b, " — CancelledError will be raised at its next await");
  }
  n->cancel_pending = true;
  line_emit(&b);
}

void trace_on_event(const LoopEvent *ev) {
  if (!tr.on) return;
  switch (ev->kind) {
  case LOOP_EV_TASK_CREATED: on_created(ev); break;
  case LOOP_EV_STEP_BEGIN: on_step_begin(ev); break;
  case LOOP_EV_STEP_END: on_step_end(ev); break;
  case LOOP_EV_TASK_DONE: on_done(ev); break;
  case LOOP_EV_TIMER_ADDED: on_timer_added(ev); break;
  case LOOP_EV_TIMER_FIRED: on_timer_fired(ev); break;
  case LOOP_EV_CALLBACK: on_callback(ev); break;
  case LOOP_EV_ITERATION: on_iteration(ev); break;
  case LOOP_EV_IDLE: on_idle(ev); break;
  case LOOP_EV_CANCEL: on_cancel(ev); break;
  case LOOP_EV_WAKE: on_wake(ev); break;
  case LOOP_EV_DEADLOCK: on_deadlock(ev); break;
  case LOOP_EV_BLOCKED:
  case LOOP_EV_TASK_READY:
    break; /* BLOCKED: show.c's debug mode; READY: told by WAKE and ITERATION */
  }
}
