/* loop.c — the event loop: ready queue, timer heap, selector; futures,
 * tasks and sleeps. The module functions live in lib/mod_asyncio.c. */
#include "loop.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <unistd.h>

#include "clock.h"
#include "source.h"

ObjClass *loop_class_future, *loop_class_task, *loop_class_loop, *loop_class_handle,
    *loop_class_timer_handle, *loop_class_sleep;
void (*loop_event_hook)(const LoopEvent *ev);
void (*loop_debug_hook)(const LoopEvent *ev);

static SchedMode sched_mode = SCHED_FIFO;
static uint64_t sched_rng = 0x9E3779B97F4A7C15ull;
static uint32_t task_id_counter; /* Task-N, counted across loops as CPython does */

#define CLOCK_RESOLUTION 1e-9

void loop_set_sched(SchedMode mode, uint64_t seed) {
  sched_mode = mode;
  sched_rng = seed * 0x9E3779B97F4A7C15ull + 1;
}

SchedMode loop_get_sched(void) {
  return sched_mode;
}

/* The future whose done-callback is running, for LoopEvent.cause. */
static Obj *running_callback_future;

static void emit_event(LoopEventKind kind, ObjLoop *loop, ObjTask *task, Obj *obj, double when) {
  /* Debug loops report to loop_debug_hook even when nobody traces. */
  void (*hook)(const LoopEvent *) = loop_event_hook       ? loop_event_hook
                                    : loop && loop->debug ? loop_debug_hook
                                                          : NULL;
  if (!hook) return;
  LoopEvent ev = {kind, loop, task, obj, when, clock_now(), running_callback_future};
  hook(&ev);
}

/* ------------------------------------------------------------ GC glue */

static ObjFuture *as_future(Obj *o) {
  return (ObjFuture *)o;
}

static void mark_future(ObjFuture *f) {
  gc_mark_value(f->result);
  if (f->obj.aux == FUTK_SLEEP) {
    ObjSleep *s = (ObjSleep *)f;
    gc_mark_obj((Obj *)s->origin_code);
    gc_mark_obj((Obj *)s->task);
    return;
  }
  gc_mark_obj((Obj *)f->cls);
  gc_mark_obj((Obj *)f->loop);
  gc_mark_obj((Obj *)f->dict);
  if (f->obj.aux == FUTK_FUTURE) gc_mark_obj((Obj *)f->origin_code);
  for (uint32_t i = 0; i < f->ncb; i++) gc_mark_value(*future_cb_fn(f, i));
}

/* Capacity of `more` while it holds k callbacks: 0, or a power of two. */
static uint32_t more_cap(uint32_t k) {
  uint32_t cap = k ? 1 : 0;
  while (cap < k) cap *= 2;
  return cap;
}

static void free_more(ObjFuture *f) {
  if (f->ncb > 1) gc_realloc(f->more, more_cap(f->ncb - 1) * sizeof(FutCallback), 0);
  f->more = NULL;
}

void future_filter_callbacks(ObjFuture *f, bool (*keep)(Value fn, bool wakeup, void *data),
                             void *data) {
  uint32_t n = f->ncb, kept = 0;
  uint32_t old_cap = n > 1 ? more_cap(n - 1) : 0;
  for (uint32_t i = 0; i < n; i++) {
    Value fn = *future_cb_fn(f, i);
    bool wake = future_cb_wakeup(f, i);
    if (!keep(fn, wake, data)) continue;
    if (kept == 0) {
      f->cb0 = fn;
      f->cb0_wakeup = wake;
    } else {
      f->more[kept - 1] = (FutCallback){fn, wake};
    }
    kept++;
  }
  /* Shrink `more` to the capacity its new count implies. */
  uint32_t new_cap = kept > 1 ? more_cap(kept - 1) : 0;
  if (new_cap != old_cap) {
    f->more = gc_realloc(f->more, old_cap * sizeof(FutCallback), new_cap * sizeof(FutCallback));
    if (new_cap && !f->more) asy_fatal("out of memory");
  }
  f->ncb = kept;
}

static void mark_loop(ObjLoop *l) {
  for (uint32_t i = 0; i < l->rcount; i++) {
    ReadyItem *r = &l->ready[(l->rhead + i) % l->rcap];
    gc_mark_value(ready_a(r));
    gc_mark_obj(r->b);
  }
  for (uint32_t i = 0; i < l->ntimers; i++) gc_mark_obj(l->timers[i].obj);
  for (uint32_t i = 0; i < l->nwatches; i++) gc_mark_value(l->watches[i].callback);
  for (uint32_t i = 0; i < l->ntasks; i++) gc_mark_obj((Obj *)l->tasks[i]);
  gc_mark_value(l->exception_handler);
  gc_mark_obj((Obj *)l->dict);
  gc_mark_obj((Obj *)l->asyncgens);
}

void loop_mark_object(Obj *o);
void loop_mark_object(Obj *o) {
  switch (o->type) {
  case OBJ_FUTURE: {
    ObjFuture *f = as_future(o);
    mark_future(f);
    if (o->aux == FUTK_TASK) {
      ObjTask *t = (ObjTask *)o;
      gc_mark_obj(t->coro);
      gc_mark_obj(t->waiter);
      gc_mark_obj((Obj *)t->name);
    }
    break;
  }
  case OBJ_LOOP: mark_loop((ObjLoop *)o); break;
  case OBJ_HANDLE: {
    ObjHandle *h = (ObjHandle *)o;
    gc_mark_value(h->callback);
    gc_mark_obj((Obj *)h->args);
    gc_mark_obj((Obj *)h->loop);
    break;
  }
  default: break;
  }
}

static size_t future_size(Obj *o) {
  return o->aux == FUTK_TASK    ? sizeof(ObjTask)
         : o->aux == FUTK_SLEEP ? sizeof(ObjSleep)
                                : sizeof(ObjFuture);
}

extern void warn_never_awaited_name(const char *name, ObjCode *code, int line); /* exc.c */

void loop_free_object(Obj *o);
void loop_free_object(Obj *o) {
  switch (o->type) {
  case OBJ_FUTURE: {
    ObjFuture *f = as_future(o);
    if (o->aux == FUTK_SLEEP) {
      ObjSleep *s = (ObjSleep *)o;
      if (!s->fut.started) warn_never_awaited_name("sleep", s->origin_code, s->fut.origin_line);
    } else {
      free_more(f);
    }
    gc_realloc(o, future_size(o), 0);
    break;
  }
  case OBJ_LOOP: {
    ObjLoop *l = (ObjLoop *)o;
    gc_realloc(l->ready, l->rcap * sizeof(ReadyItem), 0);
    gc_realloc(l->timers, l->captimers * sizeof(TimerItem), 0);
    gc_realloc(l->watches, l->capwatches * sizeof(Watch), 0);
    gc_realloc(l->tasks, l->captasks * sizeof(ObjTask *), 0);
    if (l->wake_fds[0] >= 0) {
      close(l->wake_fds[0]);
      close(l->wake_fds[1]);
    }
    gc_realloc(o, sizeof(ObjLoop), 0);
    break;
  }
  case OBJ_HANDLE: gc_realloc(o, sizeof(ObjHandle), 0); break;
  default: break;
  }
}

ObjClass *loop_future_class(Obj *o);
ObjClass *loop_future_class(Obj *o) {
  if (o->aux == FUTK_SLEEP) return loop_class_sleep ? loop_class_sleep : vm.t_object;
  ObjFuture *f = as_future(o);
  return f->cls ? f->cls : vm.t_object;
}

/* ------------------------------------------------------------ ready */

static void ready_push(ObjLoop *l, ReadyKind kind, Value a, Value b) {
  if (!IS_OBJ(a)) {
    /* A done-callback that is not an object (add_done_callback(5)): a
     * Handle calls it the same way, with the same arguments. */
    gc_push_root(a);
    gc_push_root(b);
    ObjTuple *args = IS_UNDEF(b) ? vm.empty_tuple : tuple_new(1, &b);
    gc_pop_roots(2);
    loop_call_soon(l, a, args);
    return;
  }
  if (l->rcount == l->rcap) {
    uint32_t cap = l->rcap ? l->rcap * 2 : 64;
    gc_push_root(a);
    gc_push_root(b);
    ReadyItem *r = gc_xrealloc(NULL, 0, cap * sizeof(ReadyItem));
    gc_pop_roots(2);
    for (uint32_t i = 0; i < l->rcount; i++) r[i] = l->ready[(l->rhead + i) % l->rcap];
    gc_realloc(l->ready, l->rcap * sizeof(ReadyItem), 0);
    l->ready = r;
    l->rcap = cap;
    l->rhead = 0;
  }
  l->ready[(l->rhead + l->rcount) % l->rcap] =
      (ReadyItem){(uintptr_t)AS_OBJ(a) | (uintptr_t)kind, IS_OBJ(b) ? AS_OBJ(b) : NULL};
  l->rcount++;
}

/* Queue a task's next step (the only way task steps enter `ready`). */
static void queue_step(ObjLoop *l, ObjTask *t, Value exc) {
  ready_push(l, READY_STEP, OBJ_VAL(t), exc);
  t->fut.step_scheduled = true;
  emit_event(LOOP_EV_TASK_READY, l, t, NULL, 0);
}

static ReadyItem ready_pop(ObjLoop *l) {
  ReadyItem r = l->ready[l->rhead];
  l->rhead = (l->rhead + 1) % l->rcap;
  l->rcount--;
  return r;
}

/* ------------------------------------------------------------ timers */

static bool timer_less(const TimerItem *a, const TimerItem *b) {
  return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void timer_push(ObjLoop *l, double when, Obj *obj) {
  if (l->ntimers == l->captimers) {
    uint32_t cap = l->captimers ? l->captimers * 2 : 64;
    gc_push_root(OBJ_VAL(obj));
    l->timers = gc_xrealloc(l->timers, l->captimers * sizeof(TimerItem), cap * sizeof(TimerItem));
    gc_pop_roots(1);
    l->captimers = cap;
  }
  uint32_t i = l->ntimers++;
  TimerItem item = {when, l->timer_seq++, obj};
  while (i > 0) {
    uint32_t parent = (i - 1) / 2;
    if (!timer_less(&item, &l->timers[parent])) break;
    l->timers[i] = l->timers[parent];
    i = parent;
  }
  l->timers[i] = item;
}

static TimerItem timer_pop(ObjLoop *l) {
  TimerItem top = l->timers[0];
  TimerItem last = l->timers[--l->ntimers];
  uint32_t i = 0, n = l->ntimers;
  for (;;) {
    uint32_t c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && timer_less(&l->timers[c + 1], &l->timers[c])) c++;
    if (!timer_less(&l->timers[c], &last)) break;
    l->timers[i] = l->timers[c];
    i = c;
  }
  if (n > 0) l->timers[i] = last;
  return top;
}

/* A timer whose owner no longer wants it (cancelled handle, woken sleep). */
static bool timer_dead(const TimerItem *t) {
  if (t->obj->type == OBJ_HANDLE) return ((ObjHandle *)t->obj)->cancelled;
  ObjSleep *s = (ObjSleep *)t->obj;
  return s->fut.state != FUT_PENDING || !s->task;
}

/* ------------------------------------------------------------ loop */

ObjLoop *loop_new(void) {
  ObjLoop *l = (ObjLoop *)gc_alloc_obj(sizeof(ObjLoop), OBJ_LOOP);
  l->exception_handler = NONE_VAL;
  l->wake_fds[0] = l->wake_fds[1] = -1;
  l->debug = vm.debug;
  return l;
}

double loop_time(ObjLoop *loop) {
  (void)loop;
  return clock_now();
}

static ObjHandle *handle_new(ObjLoop *loop, Value callback, ObjTuple *args, bool timer) {
  gc_push_root(callback);
  gc_push_root(args ? OBJ_VAL(args) : NONE_VAL);
  ObjHandle *h = (ObjHandle *)gc_alloc_obj(sizeof(ObjHandle), OBJ_HANDLE);
  gc_pop_roots(2);
  h->obj.flags = timer ? 1 : 0;
  h->callback = callback;
  h->args = args ? args : vm.empty_tuple;
  h->loop = loop;
  return h;
}

ObjHandle *loop_call_soon(ObjLoop *loop, Value callback, ObjTuple *args) {
  ObjHandle *h = handle_new(loop, callback, args, false);
  gc_push_root(OBJ_VAL(h));
  ready_push(loop, READY_HANDLE, OBJ_VAL(h), NONE_VAL);
  gc_pop_roots(1);
  return h;
}

ObjHandle *loop_call_at(ObjLoop *loop, double when, Value callback, ObjTuple *args) {
  ObjHandle *h = handle_new(loop, callback, args, true);
  h->when = when;
  h->scheduled = true;
  gc_push_root(OBJ_VAL(h));
  timer_push(loop, when, (Obj *)h);
  gc_pop_roots(1);
  emit_event(LOOP_EV_TIMER_ADDED, loop, NULL, (Obj *)h, when);
  return h;
}

void loop_handle_cancel(ObjHandle *h) {
  if (h->cancelled) return;
  h->cancelled = true;
  if (h->obj.flags && h->scheduled && h->loop) h->loop->ncancelled_timers++;
}

void loop_add_watch(ObjLoop *l, int fd, bool write, Value callback) {
  for (uint32_t i = 0; i < l->nwatches; i++) {
    if (l->watches[i].fd == fd && l->watches[i].write == write) {
      l->watches[i].callback = callback;
      return;
    }
  }
  if (l->nwatches == l->capwatches) {
    uint32_t cap = l->capwatches ? l->capwatches * 2 : 8;
    gc_push_root(callback);
    l->watches = gc_xrealloc(l->watches, l->capwatches * sizeof(Watch), cap * sizeof(Watch));
    gc_pop_roots(1);
    l->capwatches = cap;
  }
  l->watches[l->nwatches++] = (Watch){fd, write, callback};
}

bool loop_remove_watch(ObjLoop *l, int fd, bool write) {
  for (uint32_t i = 0; i < l->nwatches; i++) {
    if (l->watches[i].fd == fd && l->watches[i].write == write) {
      l->watches[i] = l->watches[--l->nwatches];
      return true;
    }
  }
  return false;
}

/* Drop dead timers from the top of the heap, as _run_once does. */
static void purge_dead_timers(ObjLoop *l) {
  while (l->ntimers > 0 && timer_dead(&l->timers[0])) {
    TimerItem t = timer_pop(l);
    if (t.obj->type == OBJ_HANDLE) {
      ((ObjHandle *)t.obj)->scheduled = false;
      if (l->ncancelled_timers) l->ncancelled_timers--;
    }
  }
}

bool loop_has_work(ObjLoop *l) {
  purge_dead_timers(l);
  return l->rcount > 0 || l->ntimers > 0 || l->nwatches > 0;
}

void loop_register_asyncgen(ObjGen *g) {
  if (!IS_OBJ_TYPE(vm.running_loop, OBJ_LOOP)) return;
  ObjLoop *l = (ObjLoop *)AS_OBJ(vm.running_loop);
  if (!l->asyncgens) l->asyncgens = list_new(0, NULL);
  list_append(l->asyncgens, OBJ_VAL(g));
}

ObjList *loop_asyncgens(ObjLoop *l) {
  ObjList *out = list_new(0, NULL);
  if (!l->asyncgens) return out;
  gc_push_root(OBJ_VAL(out));
  for (uint32_t i = 0; i < l->asyncgens->len; i++) {
    Value g = l->asyncgens->items[i];
    if (AS_GEN(g)->state != GEN_CLOSED) list_append(out, g);
  }
  gc_pop_roots(1);
  return out;
}

/* ------------------------------------------------------------ futures */

/* The running frame's code and line: where a future is being made. */
static ObjCode *caller_site(int32_t *line) {
  Frame *caller = vm.frame;
  if (!caller || !caller->code) return NULL;
  uint32_t off = (uint32_t)(caller->ip - caller->code->code);
  const LineEntry *le = code_line_at(caller->code, off ? off - 1 : 0);
  *line = le ? le->line : 0;
  return caller->code;
}

static ObjFuture *alloc_future(size_t size, int kind, ObjLoop *loop, ObjClass *cls) {
  ObjFuture *f = (ObjFuture *)gc_alloc_obj(size, OBJ_FUTURE);
  f->obj.aux = (uint32_t)kind;
  f->cls = cls;
  f->loop = loop;
  f->result = NONE_VAL;
  if (kind == FUTK_FUTURE) f->origin_code = caller_site(&f->origin_line);
  return f;
}

ObjFuture *future_new(ObjLoop *loop, ObjClass *cls) {
  return alloc_future(sizeof(ObjFuture), FUTK_FUTURE, loop, cls ? cls : loop_class_future);
}

static void schedule_callbacks(ObjFuture *f) {
  /* The callbacks stay marked through the future while they are queued
   * (queueing may grow the ready ring and collect). */
  uint32_t n = f->ncb;
  for (uint32_t i = 0; i < n; i++) {
    Value fn = *future_cb_fn(f, i);
    if (future_cb_wakeup(f, i)) {
      ObjTask *t = (ObjTask *)AS_OBJ(fn);
      emit_event(LOOP_EV_WAKE, f->loop, t, (Obj *)f, 0);
      queue_step(f->loop, t, UNDEF_VAL);
    } else {
      ready_push(f->loop, READY_CALLBACK, fn, OBJ_VAL(f));
    }
  }
  free_more(f);
  f->ncb = 0;
  f->cb0 = NONE_VAL;
}

static bool invalid_state(const char *what) {
  vm_raise(vm.e_InvalidStateError, "%s", what);
  return false;
}

static const char *state_name(ObjFuture *f) {
  return f->state == FUT_PENDING ? "PENDING" : f->state == FUT_CANCELLED ? "CANCELLED" : "FINISHED";
}

static void task_finished(ObjTask *t);

bool future_set_result(ObjFuture *f, Value v) {
  if (f->state != FUT_PENDING) {
    char msg[64];
    snprintf(msg, sizeof msg, "%s: %s", state_name(f), "invalid state");
    return invalid_state("invalid state");
  }
  f->result = v;
  f->state = FUT_FINISHED;
  schedule_callbacks(f);
  if (f->obj.aux == FUTK_TASK) task_finished((ObjTask *)f);
  return true;
}

bool future_set_exception(ObjFuture *f, Value exc) {
  if (f->state != FUT_PENDING) return invalid_state("invalid state");
  if (IS_CLASS(exc)) {
    exc = vm_call(exc, 0, NULL);
    if (IS_UNDEF(exc)) return false;
  }
  if (!IS_EXCEPTION(exc)) {
    vm_raise(vm.e_TypeError, "exception must be an exception instance, not %s", vm_type_name(exc));
    return false;
  }
  if (vm_isinstance(exc, vm.e_StopIteration)) {
    vm_raise(vm.e_TypeError,
             "StopIteration interacts badly with generators and cannot be raised into a Future");
    return false;
  }
  f->result = exc;
  f->has_exc = true;
  f->log_tb = true;
  vm.nfailed++;
  f->state = FUT_FINISHED;
  schedule_callbacks(f);
  if (f->obj.aux == FUTK_TASK) task_finished((ObjTask *)f);
  return true;
}

static bool future_cancel_plain(ObjFuture *f, Value msg) {
  f->log_tb = false;
  if (f->state != FUT_PENDING) return false;
  f->state = FUT_CANCELLED;
  f->result = msg;
  schedule_callbacks(f);
  if (f->obj.aux == FUTK_TASK) task_finished((ObjTask *)f);
  return true;
}

static bool task_cancel(ObjTask *t, Value msg);
static bool sleep_cancel(ObjSleep *s, Value msg);

/* A subclass written in asy may override cancel() (gather's future
 * cancels its children): honour it when C code cancels the future. */
static int cancel_override(ObjFuture *f, Value msg) {
  if (f->obj.aux == FUTK_SLEEP || f->cls == loop_class_future || f->cls == loop_class_task ||
      !f->cls)
    return -1;
  Value m = vm_class_lookup(f->cls, str_intern_cstr("cancel"));
  if (!IS_FUNCTION(m)) return -1;
  Value args[2] = {OBJ_VAL(f), msg};
  Value r = vm_call(m, 2, args);
  if (IS_UNDEF(r)) {
    vm.exc = UNDEF_VAL;
    return 0;
  }
  int t = vm_truthy(r);
  return t < 0 ? 0 : t;
}

bool future_cancel(ObjFuture *f, Value msg) {
  int overridden = cancel_override(f, msg);
  if (overridden >= 0) return overridden;
  if (f->obj.aux == FUTK_TASK) return task_cancel((ObjTask *)f, msg);
  if (f->obj.aux == FUTK_SLEEP) return sleep_cancel((ObjSleep *)f, msg);
  return future_cancel_plain(f, msg);
}

void future_add_callback(ObjFuture *f, Value fn, bool wakeup) {
  if (f->state != FUT_PENDING) {
    if (wakeup) {
      queue_step(f->loop, (ObjTask *)AS_OBJ(fn), UNDEF_VAL);
    } else {
      ready_push(f->loop, READY_CALLBACK, fn, OBJ_VAL(f));
    }
    return;
  }
  if (f->ncb == 0) {
    f->cb0 = fn;
    f->cb0_wakeup = wakeup;
    f->ncb = 1;
    return;
  }
  uint32_t k = f->ncb - 1; /* in `more` now */
  if (more_cap(k) == k) {
    gc_push_root(fn);
    f->more = gc_xrealloc(f->more, k * sizeof(FutCallback), (k ? 2 * k : 1) * sizeof(FutCallback));
    gc_pop_roots(1);
  }
  f->more[k] = (FutCallback){fn, wakeup};
  f->ncb++;
}

Value future_cancelled_error(ObjFuture *f) {
  if (IS_EXCEPTION(f->result) && f->state == FUT_CANCELLED) return f->result;
  Value msg = f->result;
  return vm_new_exception(vm.e_CancelledError, IS_NONE(msg) ? 0 : 1, &msg);
}

bool future_is_pending(Value v) {
  if (!IS_OBJ_TYPE(v, OBJ_FUTURE)) return false;
  return as_future(AS_OBJ(v))->state == FUT_PENDING;
}

bool future_await_result(Value v, Value *result) {
  ObjFuture *f = as_future(AS_OBJ(v));
  if (f->state == FUT_CANCELLED) {
    vm_raise_value(future_cancelled_error(f));
    return false;
  }
  if (f->state == FUT_PENDING) {
    vm_raise(vm.e_RuntimeError, "await wasn't used with future");
    return false;
  }
  f->log_tb = false;
  if (f->has_exc) {
    vm_raise_value(f->result);
    return false;
  }
  *result = f->result;
  return true;
}

/* ------------------------------------------------------------ sleep */

ObjSleep *sleep_new(double delay, Value result) {
  ObjSleep *s = (ObjSleep *)gc_alloc_obj(sizeof(ObjSleep), OBJ_FUTURE);
  s->fut.obj.aux = FUTK_SLEEP;
  s->origin_code = caller_site(&s->fut.origin_line);
  s->delay = delay;
  s->fut.result = result;
  return s;
}

static bool sleep_cancel(ObjSleep *s, Value msg) {
  if (s->fut.state != FUT_PENDING) return false;
  s->fut.state = FUT_CANCELLED;
  s->fut.result = msg;
  ObjTask *t = s->task;
  s->task = NULL;
  /* The sleeping task wakes one hop later, as from a cancelled future. */
  if (t && t->fut.loop) queue_step(t->fut.loop, t, UNDEF_VAL);
  return true;
}

/* ------------------------------------------------------------ tasks */

static void registry_add(ObjLoop *l, ObjTask *t) {
  if (l->ntasks == l->captasks) {
    uint32_t cap = l->captasks ? l->captasks * 2 : 16;
    gc_push_root(OBJ_VAL(t));
    l->tasks = gc_xrealloc(l->tasks, l->captasks * sizeof(ObjTask *), cap * sizeof(ObjTask *));
    gc_pop_roots(1);
    l->captasks = cap;
  }
  t->fut.registry_index = (int32_t)l->ntasks;
  l->tasks[l->ntasks++] = t;
}

static void registry_remove(ObjLoop *l, ObjTask *t) {
  if (t->fut.registry_index < 0) return;
  uint32_t i = (uint32_t)t->fut.registry_index;
  ObjTask *last = l->tasks[--l->ntasks];
  l->tasks[i] = last;
  last->fut.registry_index = (int32_t)i;
  t->fut.registry_index = -1;
}

static void task_finished(ObjTask *t) {
  if (t->fut.loop) registry_remove(t->fut.loop, t);
  emit_event(LOOP_EV_TASK_DONE, t->fut.loop, t, NULL, 0);
}

ObjTask *task_new(ObjLoop *loop, Value coro, Value name) {
  gc_push_root(coro);
  gc_push_root(name);
  ObjTask *t = (ObjTask *)alloc_future(sizeof(ObjTask), FUTK_TASK, loop, loop_class_task);
  t->coro = AS_OBJ(coro);
  t->fut.registry_index = -1;
  /* Every task takes a number, named or not, as CPython's counter does;
   * the default name is only made when someone asks for it. */
  t->id = ++task_id_counter;
  gc_push_root(OBJ_VAL(t));
  if (IS_STR(name)) {
    t->name = AS_STR(name);
  } else if (!IS_NONE(name) && !IS_UNDEF(name)) {
    ObjString *s = vm_str(name);
    t->name = s ? s : str_from_cstr("?");
  }
  registry_add(loop, t);
  emit_event(LOOP_EV_TASK_CREATED, loop, t, NULL, 0);
  if (sched_mode == SCHED_EAGER && loop->running) {
    /* Python 3.12's eager_task_factory: the first step runs now, inside
     * create_task, until the coroutine first suspends. */
    task_step(t, UNDEF_VAL);
    if (!IS_UNDEF(vm.exc)) vm.exc = UNDEF_VAL;
  } else {
    queue_step(loop, t, UNDEF_VAL);
  }
  gc_pop_roots(3);
  return t;
}

ObjString *task_name(ObjTask *t) {
  if (!t->name) {
    gc_push_root(OBJ_VAL(t));
    t->name = str_printf("Task-%u", t->id);
    gc_pop_roots(1);
  }
  return t->name;
}

static bool task_cancel(ObjTask *t, Value msg) {
  t->fut.log_tb = false;
  if (t->fut.state != FUT_PENDING) return false;
  t->num_cancels_requested++;
  emit_event(LOOP_EV_CANCEL, t->fut.loop, t,
             IS_OBJ_TYPE(vm.current_task, OBJ_FUTURE) ? AS_OBJ(vm.current_task) : NULL, 0);
  if (t->waiter && future_cancel(as_future(t->waiter), msg)) return true;
  t->fut.must_cancel = true;
  t->fut.result = msg; /* the message, until the task finishes */
  return true;
}

static Value make_cancelled(ObjTask *t) {
  Value msg = t->fut.result;
  return vm_new_exception(vm.e_CancelledError, IS_NONE(msg) ? 0 : 1, &msg);
}

static void call_exception_handler(ObjLoop *l, const char *message, Value exc, const char *key,
                                   Obj *about);

/* What the task does after its coroutine yielded `v` (Task.__step's else). */
static void task_after_yield(ObjTask *t, Value v) {
  ObjLoop *loop = t->fut.loop;
  if (IS_OBJ_TYPE(v, OBJ_FUTURE)) {
    ObjFuture *f = as_future(AS_OBJ(v));
    if (f->obj.aux == FUTK_SLEEP) {
      ObjSleep *s = (ObjSleep *)f;
      s->fut.started = true;
      if (!(s->delay > 0)) {
        /* sleep(0): a bare yield; the next step goes to the back of ready. */
        s->fut.state = FUT_FINISHED;
        queue_step(loop, t, UNDEF_VAL);
        return;
      }
      s->task = t;
      t->waiter = (Obj *)s;
      double when = clock_now() + s->delay;
      timer_push(loop, when, (Obj *)s);
      emit_event(LOOP_EV_TIMER_ADDED, loop, t, (Obj *)s, when);
      if (t->fut.must_cancel && sleep_cancel(s, t->fut.result)) t->fut.must_cancel = false;
      return;
    }
    if (f == TASK_FUTURE(t)) {
      Value e;
      vm_raise(vm.e_RuntimeError, "Task cannot await on itself: <Task pending name='%s'>",
               task_name(t)->chars);
      e = vm_take_exc();
      queue_step(loop, t, e);
      return;
    }
    if (f->loop && f->loop != loop) {
      vm_raise(vm.e_RuntimeError, "Task %s got Future attached to a different loop",
               task_name(t)->chars);
      Value e = vm_take_exc();
      queue_step(loop, t, e);
      return;
    }
    f->blocking = false;
    future_add_callback(f, OBJ_VAL(t), true);
    t->waiter = (Obj *)f;
    if (t->fut.must_cancel && future_cancel(f, t->fut.result)) t->fut.must_cancel = false;
    return;
  }
  if (IS_NONE(v)) {
    queue_step(loop, t, UNDEF_VAL);
    return;
  }
  ObjString *r = vm_repr(v);
  vm_raise(vm.e_RuntimeError, "Task got bad yield: %s", r ? r->chars : "?");
  Value e = vm_take_exc();
  queue_step(loop, t, e);
}

bool task_step(ObjTask *t, Value exc) {
  t->fut.step_scheduled = false;
  if (t->fut.state != FUT_PENDING) return true; /* e.g. a stale wake-up */
  if (t->fut.must_cancel) {
    if (IS_UNDEF(exc) || !vm_isinstance(exc, vm.e_CancelledError)) exc = make_cancelled(t);
    t->fut.must_cancel = false;
  }
  t->waiter = NULL;
  Value prev_task = vm.current_task;
  vm.current_task = OBJ_VAL(t);
  gc_push_root(OBJ_VAL(t));
  gc_push_root(exc);
  emit_event(LOOP_EV_STEP_BEGIN, t->fut.loop, t, NULL, 0);
  double started = clock_now();
  Value out = NONE_VAL;
  RunStatus st;
  if (!IS_GEN(task_coro(t))) {
    vm_raise(vm.e_TypeError, "a coroutine was expected");
    st = RUN_ERROR;
  } else {
    st = vm_resume(AS_GEN(task_coro(t)), NONE_VAL, exc, &out);
  }
  vm.current_task = prev_task;
  bool ok = true;
  gc_push_root(out);
  switch (st) {
  case RUN_RETURN:
    if (t->fut.must_cancel) {
      t->fut.must_cancel = false;
      future_cancel_plain(TASK_FUTURE(t), t->fut.result);
    } else {
      future_set_result(TASK_FUTURE(t), out);
    }
    break;
  case RUN_YIELD: task_after_yield(t, out); break;
  case RUN_ERROR: {
    Value e = vm_take_exc();
    gc_push_root(e);
    if (vm_isinstance(e, vm.e_CancelledError)) {
      future_cancel_plain(TASK_FUTURE(t),
                          AS_EXCEPTION(e)->args->len ? AS_EXCEPTION(e)->args->items[0] : NONE_VAL);
      t->fut.result = e; /* result() re-raises this very exception */
    } else {
      future_set_exception(TASK_FUTURE(t), e);
      if (vm_isinstance(e, vm.e_KeyboardInterrupt) || vm_isinstance(e, vm.e_SystemExit)) {
        /* These end the loop too, as in CPython. */
        t->fut.log_tb = false;
        vm.exc = e;
        ok = false;
      }
    }
    gc_pop_roots(1);
    break;
  }
  }
  gc_pop_roots(3);
  double took = clock_now() - started;
  emit_event(LOOP_EV_STEP_END, t->fut.loop, t, t->waiter, took);
  if (t->fut.loop->debug && took > 0.1) emit_event(LOOP_EV_BLOCKED, t->fut.loop, t, NULL, took);
  return ok;
}

/* ------------------------------------------------------------ running */

static bool run_callback(ObjLoop *l, Value fn, int argc, Value *argv) {
  emit_event(LOOP_EV_CALLBACK, l, NULL, IS_OBJ(fn) ? AS_OBJ(fn) : NULL, 0);
  Value r = vm_call(fn, argc, argv);
  if (!IS_UNDEF(r)) return true;
  Value e = vm_take_exc();
  if (vm_isinstance(e, vm.e_KeyboardInterrupt) || vm_isinstance(e, vm.e_SystemExit)) {
    vm.exc = e;
    return false;
  }
  gc_push_root(e);
  ObjString *fr = vm_repr(fn);
  if (!fr) vm.exc = UNDEF_VAL;
  char msg[300];
  snprintf(msg, sizeof msg, "Exception in callback %s", fr ? fr->chars : "?");
  call_exception_handler(l, msg, e, NULL, NULL);
  gc_pop_roots(1);
  return true;
}

static bool run_item(ObjLoop *l, Value a, Value b, ReadyKind kind) {
  switch (kind) {
  case READY_HANDLE: {
    ObjHandle *h = (ObjHandle *)AS_OBJ(a);
    if (h->cancelled) return true;
    return run_callback(l, h->callback, (int)h->args->len, h->args->items);
  }
  case READY_CALLBACK: {
    /* Nested loops (a callback running a loop) restore the outer value. */
    Obj *saved = running_callback_future;
    running_callback_future = IS_OBJ(b) ? AS_OBJ(b) : NULL;
    bool ok = run_callback(l, a, 1, &b);
    running_callback_future = saved;
    return ok;
  }
  case READY_STEP: return task_step((ObjTask *)AS_OBJ(a), b);
  case READY_SLEEP_DONE: {
    /* futures._set_result_unless_cancelled: the first of the two hops. */
    ObjSleep *s = (ObjSleep *)AS_OBJ(a);
    ObjTask *t = (ObjTask *)AS_OBJ(b);
    if (s->fut.state != FUT_PENDING || s->task != t) return true;
    s->fut.state = FUT_FINISHED;
    s->task = NULL;
    emit_event(LOOP_EV_WAKE, l, t, (Obj *)s, 0);
    queue_step(l, t, UNDEF_VAL);
    return true;
  }
  }
  return true;
}

static uint64_t rng_next(void) {
  sched_rng ^= sched_rng << 13;
  sched_rng ^= sched_rng >> 7;
  sched_rng ^= sched_rng << 17;
  return sched_rng;
}

/* --sched=shuffle: permute the batch about to run (Trio does this on
 * purpose, to flush out programs that depend on FIFO order). */
static void shuffle_ready(ObjLoop *l, uint32_t n) {
  for (uint32_t i = n; i > 1; i--) {
    uint32_t j = (uint32_t)(rng_next() % i);
    ReadyItem *a = &l->ready[(l->rhead + i - 1) % l->rcap];
    ReadyItem *b = &l->ready[(l->rhead + j) % l->rcap];
    ReadyItem tmp = *a;
    *a = *b;
    *b = tmp;
  }
}

static void poll_fds(ObjLoop *l, double timeout) {
  if (l->nwatches == 0) {
    if (timeout > 0) clock_sleep(timeout);
    return;
  }
  struct pollfd pfds[64];
  uint32_t n = l->nwatches < 64 ? l->nwatches : 64;
  for (uint32_t i = 0; i < n; i++) {
    pfds[i].fd = l->watches[i].fd;
    pfds[i].events = l->watches[i].write ? POLLOUT : POLLIN;
    pfds[i].revents = 0;
  }
  int ms = timeout < 0 ? -1 : (int)ceil(timeout * 1000.0);
  if (clock_is_virtual() && timeout > 0) ms = 0; /* virtual time never waits for real */
  int r = poll(pfds, n, ms);
  if (clock_is_virtual() && timeout > 0 && r == 0) clock_sleep(timeout);
  if (r <= 0) return;
  for (uint32_t i = 0; i < n; i++) {
    if (pfds[i].revents) ready_push(l, READY_CALLBACK, l->watches[i].callback, UNDEF_VAL);
  }
}

bool loop_run_once(ObjLoop *l) {
  if (vm.nunretrieved) loop_report_unretrieved();
  purge_dead_timers(l);
  double timeout = -1;
  if (l->rcount > 0 || l->stopping) {
    timeout = 0;
  } else if (l->ntimers > 0) {
    timeout = l->timers[0].when - clock_now();
    if (timeout < 0) timeout = 0;
  }
  l->iteration++;
  if (timeout != 0) emit_event(LOOP_EV_IDLE, l, NULL, NULL, timeout);
  if (l->nwatches > 0 || timeout != 0) {
    if (timeout < 0 && l->nwatches == 0) return true; /* nothing could wake us */
    poll_fds(l, timeout);
  }
  double end = clock_now() + CLOCK_RESOLUTION;
  while (l->ntimers > 0) {
    if (timer_dead(&l->timers[0])) {
      purge_dead_timers(l);
      continue;
    }
    if (l->timers[0].when >= end) break;
    TimerItem t = timer_pop(l);
    emit_event(LOOP_EV_TIMER_FIRED, l, NULL, t.obj, t.when);
    if (t.obj->type == OBJ_HANDLE) {
      ObjHandle *h = (ObjHandle *)t.obj;
      h->scheduled = false;
      ready_push(l, READY_HANDLE, OBJ_VAL(h), NONE_VAL);
    } else {
      ObjSleep *s = (ObjSleep *)t.obj;
      ready_push(l, READY_SLEEP_DONE, OBJ_VAL(s), OBJ_VAL(s->task));
    }
  }
  uint32_t ntodo = l->rcount;
  if (sched_mode == SCHED_SHUFFLE && ntodo > 1) shuffle_ready(l, ntodo);
  emit_event(LOOP_EV_ITERATION, l, NULL, NULL,
             (double)ntodo); /* after the shuffle: shows the order run */
  for (uint32_t i = 0; i < ntodo; i++) {
    ReadyItem it = ready_pop(l);
    Value a = ready_a(&it), b = ready_b(&it);
    gc_push_root(a);
    gc_push_root(b);
    bool ok = run_item(l, a, b, ready_kind(&it));
    gc_pop_roots(2);
    if (!ok) return false;
    if (vm.interrupted) {
      vm.interrupted = 0;
      vm_raise(vm.e_KeyboardInterrupt, "%s", "");
      return false;
    }
  }
  return true;
}

bool loop_run_one(ObjLoop *l, bool *ran) {
  *ran = false;
  purge_dead_timers(l);
  if (l->rcount == 0) {
    /* Nothing ready: let due timers and fds become ready first. */
    double end = clock_now() + CLOCK_RESOLUTION;
    while (l->ntimers > 0 && !timer_dead(&l->timers[0]) && l->timers[0].when < end) {
      TimerItem t = timer_pop(l);
      if (t.obj->type == OBJ_HANDLE) {
        ((ObjHandle *)t.obj)->scheduled = false;
        ready_push(l, READY_HANDLE, OBJ_VAL(t.obj), NONE_VAL);
      } else {
        ready_push(l, READY_SLEEP_DONE, OBJ_VAL(t.obj), OBJ_VAL(((ObjSleep *)t.obj)->task));
      }
    }
    if (l->rcount == 0) return true;
  }
  ReadyItem it = ready_pop(l);
  Value a = ready_a(&it), b = ready_b(&it);
  gc_push_root(a);
  gc_push_root(b);
  bool ok = run_item(l, a, b, ready_kind(&it));
  gc_pop_roots(2);
  *ran = true;
  return ok;
}

extern void loop_report_deadlock(ObjLoop *l, ObjFuture *main); /* lib/mod_asyncio.c */

static bool enter_running(ObjLoop *l) {
  if (l->closed) {
    vm_raise(vm.e_RuntimeError, "Event loop is closed");
    return false;
  }
  if (l->running) {
    vm_raise(vm.e_RuntimeError, "This event loop is already running");
    return false;
  }
  if (!IS_NONE(vm.running_loop)) {
    vm_raise(vm.e_RuntimeError, "Cannot run the event loop while another loop is running");
    return false;
  }
  l->running = true;
  vm.running_loop = OBJ_VAL(l);
  return true;
}

static void leave_running(ObjLoop *l) {
  l->running = false;
  l->stopping = false;
  vm.running_loop = NONE_VAL;
}

bool loop_run_until_complete(ObjLoop *l, ObjFuture *fut) {
  if (!enter_running(l)) return false;
  gc_push_root(OBJ_VAL(fut));
  bool ok = true;
  while (fut->state == FUT_PENDING) {
    if (l->stopping) break;
    if (!loop_has_work(l)) {
      emit_event(LOOP_EV_DEADLOCK, l, NULL, (Obj *)fut, 0);
      loop_report_deadlock(l, fut);
      ok = false;
      break;
    }
    if (!loop_run_once(l)) {
      ok = false;
      break;
    }
  }
  gc_pop_roots(1);
  bool stopped_early = ok && fut->state == FUT_PENDING;
  leave_running(l);
  if (stopped_early) {
    vm_raise(vm.e_RuntimeError, "Event loop stopped before Future completed.");
    return false;
  }
  return ok;
}

bool loop_run_forever(ObjLoop *l) {
  if (!enter_running(l)) return false;
  bool ok = true;
  while (!l->stopping) {
    if (!loop_run_once(l)) {
      ok = false;
      break;
    }
    if (!loop_has_work(l) && !l->stopping) {
      /* run_forever with nothing left: CPython would sleep forever. */
      emit_event(LOOP_EV_DEADLOCK, l, NULL, NULL, 0);
      loop_report_deadlock(l, NULL);
      ok = false;
      break;
    }
  }
  leave_running(l);
  return ok;
}

/* ------------------------------------------------------------ errors */

/* loop.call_exception_handler(context) with context {message, exception,
 * key: about}: the loop's handler if set, else CPython's default output. */
static void call_exception_handler(ObjLoop *l, const char *message, Value exc, const char *key,
                                   Obj *about) {
  if (l && !IS_NONE(l->exception_handler)) {
    ObjDict *ctx = dict_new();
    gc_push_root(OBJ_VAL(ctx));
    dict_set_cstr(ctx, "message", OBJ_VAL(str_from_cstr(message)));
    if (!IS_UNDEF(exc)) dict_set_cstr(ctx, "exception", exc);
    if (about) dict_set_cstr(ctx, key, OBJ_VAL(about));
    Value args[2] = {OBJ_VAL(l), OBJ_VAL(ctx)};
    Value r = vm_call(l->exception_handler, 2, args);
    gc_pop_roots(1);
    if (!IS_UNDEF(r)) return;
    vm.exc = UNDEF_VAL;
  }
  fflush(stdout);
  fprintf(stderr, "%s\n", message);
  if (about) {
    ObjString *r = vm_repr(OBJ_VAL(about));
    if (!r) vm.exc = UNDEF_VAL;
    fprintf(stderr, "%s: %s\n", key, r ? r->chars : "?");
  }
  if (!IS_UNDEF(exc)) vm_print_exception(exc);
}

void loop_report_unretrieved(void) {
  static bool reporting; /* a handler that drops futures must not recurse here */
  if (reporting || vm.nunretrieved == 0) return;
  reporting = true;
  Value saved = vm.exc;
  gc_push_root(saved);
  vm.exc = UNDEF_VAL;
  /* Entries stay rooted while in the array; ones queued meanwhile are
   * reported in this same pass. */
  for (uint32_t i = 0; i < vm.nunretrieved; i++) {
    ObjFuture *f = (ObjFuture *)vm.unretrieved[i];
    if (!f->log_tb) continue;
    f->log_tb = false;
    char msg[160];
    snprintf(msg, sizeof msg, "%s exception was never retrieved", f->cls->name->chars);
    call_exception_handler(f->loop, msg, f->result, "future", (Obj *)f);
  }
  vm.nunretrieved = 0;
  vm.exc = saved;
  gc_pop_roots(1);
  reporting = false;
}

void loop_report_unretrieved_at_exit(void) {
  gc_queue_unretrieved();
  loop_report_unretrieved();
}

int task_suspended_line(ObjTask *t, ObjCode **code) {
  if (!IS_GEN(task_coro(t))) return 0;
  ObjGen *g = AS_GEN(task_coro(t));
  Frame *f = g->innermost ? g->innermost : g->frame;
  if (!f) return 0;
  /* The innermost frame may be library code: report the innermost frame
   * written by the user, walking out along the await chain. */
  Frame *pick = f;
  for (Frame *k = f; k; k = k->entry == ENTRY_DELEGATE ? k->parent : NULL) {
    if (k->code && strncmp(k->code->filename->chars, "asyncio/", 8) != 0) {
      pick = k;
      break;
    }
  }
  uint32_t off = (uint32_t)(pick->ip - pick->code->code);
  const LineEntry *le = code_line_at(pick->code, off ? off - 1 : 0);
  *code = pick->code;
  return le ? le->line : 0;
}
