/* mod_asyncio.c — the asyncio module: the C half (event loop, Future,
 * Task, Handle, sleep and the module functions over vm/loop.c), then the
 * asy-written half (the .asy files of lib/asyncio, compiled in) run in the same module
 * namespace. */
#include "../grammar/compile.h"
#include "../vm/clock.h"
#include "../vm/executor.h"
#include "../vm/loop.h"
#include "../vm/ops.h"
#include "../vm/source.h"
#include "embedded.h"
#include "lib.h"

static Value current_loop; /* set_event_loop's loop (None when unset) */

static void mark_module_state(void *ctx) {
  (void)ctx;
  gc_mark_value(current_loop);
}

/* ---------------------------------------------------------- helpers */

static ObjFuture *self_future(Value v, const char *method) {
  if (IS_OBJ_TYPE(v, OBJ_FUTURE) && AS_OBJ(v)->aux != FUTK_SLEEP) return (ObjFuture *)AS_OBJ(v);
  vm_raise(vm.e_TypeError,
           "descriptor '%s' requires a '_asyncio.Future' object but received a '%s'", method,
           vm_type_name(v));
  return NULL;
}

static ObjTask *self_task(Value v, const char *method) {
  if (IS_OBJ_TYPE(v, OBJ_FUTURE) && AS_OBJ(v)->aux == FUTK_TASK) return (ObjTask *)AS_OBJ(v);
  vm_raise(vm.e_TypeError, "descriptor '%s' requires a '_asyncio.Task' object but received a '%s'",
           method, vm_type_name(v));
  return NULL;
}

static ObjLoop *self_loop(Value v) {
  if (IS_OBJ_TYPE(v, OBJ_LOOP)) return (ObjLoop *)AS_OBJ(v);
  vm_raise(vm.e_TypeError, "an event loop was expected, got %s", vm_type_name(v));
  return NULL;
}

static Value running_loop(void) {
  return vm.running_loop;
}

/* get_event_loop(): the running loop, else the current one, made on demand. */
static ObjLoop *event_loop(void) {
  if (!IS_NONE(vm.running_loop)) return (ObjLoop *)AS_OBJ(vm.running_loop);
  if (IS_NONE(current_loop)) current_loop = OBJ_VAL(loop_new());
  return (ObjLoop *)AS_OBJ(current_loop);
}

static bool is_coroutine(Value v) {
  return (IS_GEN(v) && AS_GEN(v)->kind == GEN_COROUTINE) ||
         (IS_OBJ_TYPE(v, OBJ_FUTURE) && AS_OBJ(v)->aux == FUTK_SLEEP);
}

static ObjTuple *args_tuple(int argc, Value *argv) {
  return tuple_new((uint32_t)argc, argv);
}

static int npositional(int argc, ObjTuple *kw) {
  return argc - (kw ? (int)kw->len : 0);
}

/* The value of keyword `name`, or UNDEF; anything else is an error. */
static bool only_keywords(const char *fname, int argc, Value *argv, ObjTuple *kw, int n,
                          const char *const *names, Value *out) {
  for (int i = 0; i < n; i++) out[i] = UNDEF_VAL;
  int npos = npositional(argc, kw);
  for (int k = 0; kw && k < (int)kw->len; k++) {
    const char *name = AS_CSTR(kw->items[k]);
    int j = 0;
    while (j < n && strcmp(names[j], name) != 0) j++;
    if (j == n) {
      vm_raise(vm.e_TypeError, "%s() got an unexpected keyword argument '%s'", fname, name);
      return false;
    }
    out[j] = argv[npos + k];
  }
  return true;
}

/* ----------------------------------------------------------- Future */

static ObjLoop *loop_arg(Value v) {
  if (IS_UNDEF(v) || IS_NONE(v)) return event_loop();
  return self_loop(v);
}

static Value future_ctor(int argc, Value *argv, ObjTuple *kw) {
  static const char *const names[] = {"loop"};
  Value a[1];
  if (npositional(argc, kw) > 0)
    return vm_raise(vm.e_TypeError, "Future() takes no positional arguments");
  if (!only_keywords("Future", argc, argv, kw, 1, names, a)) return UNDEF_VAL;
  ObjLoop *l = loop_arg(a[0]);
  if (!l) return UNDEF_VAL;
  return OBJ_VAL(future_new(l, loop_class_future));
}

/* A blank instance for a subclass of Future defined in asy code. */
static Value future_alloc(ObjClass *cls) {
  return OBJ_VAL(future_new(event_loop(), cls));
}

static Value future_init(int argc, Value *argv, ObjTuple *kw) {
  static const char *const names[] = {"loop"};
  Value a[1];
  ObjFuture *f = self_future(argv[0], "__init__");
  if (!f) return UNDEF_VAL;
  if (!only_keywords("Future", argc, argv, kw, 1, names, a)) return UNDEF_VAL;
  if (!IS_UNDEF(a[0]) && !IS_NONE(a[0])) {
    ObjLoop *l = self_loop(a[0]);
    if (!l) return UNDEF_VAL;
    f->loop = l;
  }
  return NONE_VAL;
}

static Value fut_result(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "result");
  if (!f || !vm_check_args("result", argc - 1, 0, 0)) return UNDEF_VAL;
  if (f->state == FUT_CANCELLED) return vm_raise_value(future_cancelled_error(f));
  if (f->state == FUT_PENDING) return vm_raise(vm.e_InvalidStateError, "Result is not set.");
  f->log_tb = false;
  if (f->has_exc) return vm_raise_value(f->result);
  return f->result;
}

static Value fut_exception(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "exception");
  if (!f || !vm_check_args("exception", argc - 1, 0, 0)) return UNDEF_VAL;
  if (f->state == FUT_CANCELLED) return vm_raise_value(future_cancelled_error(f));
  if (f->state == FUT_PENDING) return vm_raise(vm.e_InvalidStateError, "Exception is not set.");
  f->log_tb = false;
  return f->has_exc ? f->result : NONE_VAL;
}

static Value fut_set_result(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "set_result");
  if (!f || !vm_check_args("set_result", argc - 1, 1, 1)) return UNDEF_VAL;
  if (f->obj.aux == FUTK_TASK)
    return vm_raise(vm.e_RuntimeError, "Task does not support set_result operation");
  return future_set_result(f, argv[1]) ? NONE_VAL : UNDEF_VAL;
}

static Value fut_set_exception(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "set_exception");
  if (!f || !vm_check_args("set_exception", argc - 1, 1, 1)) return UNDEF_VAL;
  if (f->obj.aux == FUTK_TASK)
    return vm_raise(vm.e_RuntimeError, "Task does not support set_exception operation");
  return future_set_exception(f, argv[1]) ? NONE_VAL : UNDEF_VAL;
}

static Value fut_cancel(int argc, Value *argv, ObjTuple *kw) {
  static const char *const names[] = {"msg"};
  Value a[1];
  ObjFuture *f = self_future(argv[0], "cancel");
  if (!f || !lib_bind("cancel", argc - 1, argv + 1, kw, 1, names, 1, 0, a)) return UNDEF_VAL;
  return BOOL_VAL(future_cancel(f, IS_UNDEF(a[0]) ? NONE_VAL : a[0]));
}

static Value fut_cancelled(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "cancelled");
  return f ? BOOL_VAL(f->state == FUT_CANCELLED) : UNDEF_VAL;
}

static Value fut_done(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "done");
  return f ? BOOL_VAL(f->state != FUT_PENDING) : UNDEF_VAL;
}

static Value fut_add_done_callback(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "add_done_callback");
  int npos = npositional(argc, kw) - 1;
  if (!f) return UNDEF_VAL;
  if (npos != 1)
    return vm_raise(vm.e_TypeError,
                    "add_done_callback() takes exactly 1 positional argument (%d given)", npos);
  future_add_callback(f, argv[1], false);
  return NONE_VAL;
}

typedef struct {
  const bool *remove;
  uint32_t i;
} RemoveMask;

static bool keep_unmasked(Value fn, bool wakeup, void *data) {
  RemoveMask *m = data;
  return !m->remove[m->i++];
}

static Value fut_remove_done_callback(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "remove_done_callback");
  if (!f || !vm_check_args("remove_done_callback", argc - 1, 1, 1)) return UNDEF_VAL;
  /* Compare first (__eq__ may fail or run anything), then drop at once. */
  uint32_t n = f->ncb, removed = 0;
  bool *remove = calloc(n ? n : 1, sizeof(bool));
  if (!remove) return vm_raise(vm.e_MemoryError, "%s", "");
  for (uint32_t i = 0; i < n && i < f->ncb; i++) {
    int eq = future_cb_wakeup(f, i) ? 0 : vm_eq(*future_cb_fn(f, i), argv[1]);
    if (eq < 0) {
      free(remove);
      return UNDEF_VAL;
    }
    remove[i] = eq != 0;
    removed += eq != 0;
  }
  if (f->ncb == n) {
    RemoveMask m = {remove, 0};
    future_filter_callbacks(f, keep_unmasked, &m);
  }
  free(remove);
  return INT_VAL(removed);
}

static Value fut_get_loop(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "get_loop");
  return f ? (f->loop ? OBJ_VAL(f->loop) : NONE_VAL) : UNDEF_VAL;
}

static Value fut_await(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "__await__");
  if (!f) return UNDEF_VAL;
  return OBJ_VAL(iter_new(ITER_FUTURE, argv[0]));
}

static Value fut_blocking_get(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "_asyncio_future_blocking");
  return f ? BOOL_VAL(f->blocking) : UNDEF_VAL;
}

static Value fut_state(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "_state");
  if (!f) return UNDEF_VAL;
  return OBJ_VAL(str_intern_cstr(f->state == FUT_PENDING     ? "PENDING"
                                 : f->state == FUT_CANCELLED ? "CANCELLED"
                                                             : "FINISHED"));
}

static Value fut_loop_attr(int argc, Value *argv, ObjTuple *kw) {
  return fut_get_loop(argc, argv, kw);
}

static Value fut_make_cancelled_error(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "_make_cancelled_error");
  return f ? future_cancelled_error(f) : UNDEF_VAL;
}

static Value fut_cancel_message(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "_cancel_message");
  if (!f) return UNDEF_VAL;
  if (f->state != FUT_CANCELLED && !(f->obj.aux == FUTK_TASK && ((ObjTask *)f)->fut.must_cancel))
    return NONE_VAL;
  Value r = f->result; /* the message, or the CancelledError that ended a task */
  if (IS_EXCEPTION(r))
    return AS_EXCEPTION(r)->args->len ? AS_EXCEPTION(r)->args->items[0] : NONE_VAL;
  return r;
}

/* "<Future pending>", "<Future finished result=42>"... as CPython prints. */
static ObjString *future_state_repr(ObjFuture *f, const char *kind) {
  if (f->state == FUT_PENDING) return str_printf("<%s pending>", kind);
  if (f->state == FUT_CANCELLED) return str_printf("<%s cancelled>", kind);
  ObjString *r = vm_repr(f->result);
  if (!r) return NULL;
  return str_printf("<%s finished %s=%s>", kind, f->has_exc ? "exception" : "result", r->chars);
}

static Value fut_repr(int argc, Value *argv, ObjTuple *kw) {
  ObjFuture *f = self_future(argv[0], "__repr__");
  if (!f) return UNDEF_VAL;
  ObjString *s = future_state_repr(f, f->cls->name->chars);
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

/* -------------------------------------------------------------- Task */

static ObjString *coro_repr(ObjTask *t) {
  if (!IS_GEN(task_coro(t))) {
    ObjString *r = vm_repr(task_coro(t));
    return r;
  }
  ObjGen *g = AS_GEN(task_coro(t));
  ObjCode *code = NULL;
  int line = task_suspended_line(t, &code);
  if (g->state == GEN_CLOSED || !code)
    return str_printf("<%s() done, defined at %s:%d>", GEN_QUALNAME(g)->chars,
                      source_cpython_path(g->fcode->filename->chars), g->fcode->firstline);
  return str_printf("<%s() running at %s:%d>", GEN_QUALNAME(g)->chars,
                    source_cpython_path(code->filename->chars), line);
}

static Value task_repr(int argc, Value *argv, ObjTuple *kw) {
  ObjTask *t = self_task(argv[0], "__repr__");
  if (!t) return UNDEF_VAL;
  ObjString *c = coro_repr(t);
  if (!c) return UNDEF_VAL;
  gc_push_root(OBJ_VAL(c));
  const char *state = t->fut.state == FUT_PENDING     ? "pending"
                      : t->fut.state == FUT_CANCELLED ? "cancelled"
                                                      : "finished";
  ObjString *r;
  if (t->fut.state == FUT_FINISHED) {
    ObjString *res = vm_repr(t->fut.result);
    if (!res) {
      gc_pop_roots(1);
      return UNDEF_VAL;
    }
    r = str_printf("<Task %s name='%s' coro=%s %s=%s>", state, task_name(t)->chars, c->chars,
                   t->fut.has_exc ? "exception" : "result", res->chars);
  } else {
    r = str_printf("<Task %s name='%s' coro=%s>", state, task_name(t)->chars, c->chars);
  }
  gc_pop_roots(1);
  return OBJ_VAL(r);
}

static Value coroutine_expected(Value v) {
  ObjString *r = vm_repr(v);
  return vm_raise(vm.e_TypeError, "a coroutine was expected, got %s", r ? r->chars : "?");
}

/* Tasks run ObjGen coroutines; a sleep (a native awaitable) is wrapped in
 * one by the asy helper _wrap_awaitable. */
static Value as_task_coro(Value coro) {
  if (IS_GEN(coro) && AS_GEN(coro)->kind == GEN_COROUTINE) return coro;
  if (IS_OBJ_TYPE(coro, OBJ_FUTURE) && AS_OBJ(coro)->aux == FUTK_SLEEP) {
    Value mod = vm_import(str_intern_cstr("asyncio"));
    if (IS_UNDEF(mod)) return mod;
    Value wrap = vm_getattr(mod, str_intern_cstr("_wrap_awaitable"));
    if (IS_UNDEF(wrap)) return wrap;
    /* A task owns it now: run, or closed by a cancel before its first
     * step, as CPython closes the coroutine; never "never awaited". */
    ((ObjSleep *)AS_OBJ(coro))->fut.started = true;
    return vm_call(wrap, 1, &coro);
  }
  return coroutine_expected(coro);
}

static Value make_task(ObjLoop *l, Value coro, Value name) {
  if (l->closed) return vm_raise(vm.e_RuntimeError, "Event loop is closed");
  Value c = as_task_coro(coro);
  if (IS_UNDEF(c)) return c;
  gc_push_root(c);
  if (IS_GEN(c)) AS_GEN(c)->awaited = true; /* a task will run it */
  ObjTask *t = task_new(l, c, IS_UNDEF(name) ? NONE_VAL : name);
  gc_pop_roots(1);
  if (!IS_UNDEF(vm.exc)) return UNDEF_VAL; /* eager start raised */
  return OBJ_VAL(t);
}

static Value task_ctor(int argc, Value *argv, ObjTuple *kw) {
  static const char *const params[] = {"coro", "loop", "name", "context"};
  Value a[4];
  if (!lib_bind("Task", argc, argv, kw, 4, params, 1, 1, a)) return UNDEF_VAL;
  ObjLoop *l = loop_arg(a[1]);
  if (!l) return UNDEF_VAL;
  return make_task(l, a[0], a[2]);
}

static Value task_get_name(int argc, Value *argv, ObjTuple *kw) {
  ObjTask *t = self_task(argv[0], "get_name");
  return t ? OBJ_VAL(task_name(t)) : UNDEF_VAL;
}

static Value task_set_name(int argc, Value *argv, ObjTuple *kw) {
  ObjTask *t = self_task(argv[0], "set_name");
  if (!t || !vm_check_args("set_name", argc - 1, 1, 1)) return UNDEF_VAL;
  ObjString *s = vm_str(argv[1]);
  if (!s) return UNDEF_VAL;
  t->name = s;
  return NONE_VAL;
}

static Value task_get_coro(int argc, Value *argv, ObjTuple *kw) {
  ObjTask *t = self_task(argv[0], "get_coro");
  return t ? task_coro(t) : UNDEF_VAL;
}

static Value task_cancelling(int argc, Value *argv, ObjTuple *kw) {
  ObjTask *t = self_task(argv[0], "cancelling");
  return t ? INT_VAL(t->num_cancels_requested) : UNDEF_VAL;
}

static Value task_uncancel(int argc, Value *argv, ObjTuple *kw) {
  ObjTask *t = self_task(argv[0], "uncancel");
  if (!t) return UNDEF_VAL;
  if (t->num_cancels_requested > 0) t->num_cancels_requested--;
  return INT_VAL(t->num_cancels_requested);
}

static Value task_get_stack(int argc, Value *argv, ObjTuple *kw) {
  ObjTask *t = self_task(argv[0], "get_stack");
  if (!t) return UNDEF_VAL;
  return OBJ_VAL(list_new(0, NULL));
}

/* ------------------------------------------------------------ Handle */

static ObjHandle *self_handle(Value v) {
  if (IS_OBJ_TYPE(v, OBJ_HANDLE)) return (ObjHandle *)AS_OBJ(v);
  vm_raise(vm.e_TypeError, "a Handle was expected");
  return NULL;
}

static Value handle_cancel(int argc, Value *argv, ObjTuple *kw) {
  ObjHandle *h = self_handle(argv[0]);
  if (!h) return UNDEF_VAL;
  loop_handle_cancel(h);
  return NONE_VAL;
}

static Value handle_cancelled(int argc, Value *argv, ObjTuple *kw) {
  ObjHandle *h = self_handle(argv[0]);
  return h ? BOOL_VAL(h->cancelled) : UNDEF_VAL;
}

static Value handle_when(int argc, Value *argv, ObjTuple *kw) {
  ObjHandle *h = self_handle(argv[0]);
  return h ? FLOAT_VAL(h->when) : UNDEF_VAL;
}

static Value handle_repr(int argc, Value *argv, ObjTuple *kw) {
  ObjHandle *h = self_handle(argv[0]);
  if (!h) return UNDEF_VAL;
  ObjString *cb = vm_repr(h->callback);
  if (!cb) return UNDEF_VAL;
  const char *kind = h->obj.flags ? "TimerHandle" : "Handle";
  if (h->cancelled) return OBJ_VAL(str_printf("<%s cancelled>", kind));
  if (h->obj.flags) return OBJ_VAL(str_printf("<%s when=%g %s>", kind, h->when, cb->chars));
  return OBJ_VAL(str_printf("<%s %s>", kind, cb->chars));
}

/* -------------------------------------------------------------- loop */

static Value loop_ctor(int argc, Value *argv, ObjTuple *kw) {
  if (argc) return vm_raise(vm.e_TypeError, "the event loop takes no arguments");
  return OBJ_VAL(loop_new());
}

static ObjLoop *check_open(Value v) {
  ObjLoop *l = self_loop(v);
  if (l && l->closed) {
    vm_raise(vm.e_RuntimeError, "Event loop is closed");
    return NULL;
  }
  return l;
}

static Value l_time(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  return l ? FLOAT_VAL(loop_time(l)) : UNDEF_VAL;
}

static bool callable_check(const char *what, Value cb) {
  if (IS_OBJ(cb) && (IS_FUNCTION(cb) || IS_NATIVE(cb) || IS_OBJ_TYPE(cb, OBJ_BOUND) ||
                     IS_CLASS(cb) || !IS_UNDEF(vm_lookup_special(cb, vm.names[NAME_call]))))
    return true;
  if (is_coroutine(cb)) {
    vm_raise(vm.e_TypeError, "coroutines cannot be used with %s()", what);
    return false;
  }
  vm_raise(vm.e_TypeError, "a callable object was expected by %s(), got %s", what,
           vm_type_name(cb));
  return false;
}

static Value l_call_soon(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = check_open(argv[0]);
  int npos = npositional(argc, kw);
  if (!l) return UNDEF_VAL;
  if (npos < 2)
    return vm_raise(vm.e_TypeError,
                    "call_soon() missing 1 required positional argument: 'callback'");
  if (!callable_check("call_soon", argv[1])) return UNDEF_VAL;
  ObjTuple *args = args_tuple(npos - 2, argv + 2);
  gc_push_root(OBJ_VAL(args));
  ObjHandle *h = loop_call_soon(l, argv[1], args);
  gc_pop_roots(1);
  return OBJ_VAL(h);
}

static Value call_timer(ObjLoop *l, double when, int argc, Value *argv, ObjTuple *kw,
                        const char *what) {
  int npos = npositional(argc, kw);
  if (npos < 1)
    return vm_raise(vm.e_TypeError, "%s() missing 1 required positional argument: 'callback'",
                    what);
  if (!callable_check(what, argv[0])) return UNDEF_VAL;
  ObjTuple *args = args_tuple(npos - 1, argv + 1);
  gc_push_root(OBJ_VAL(args));
  ObjHandle *h = loop_call_at(l, when, argv[0], args);
  gc_pop_roots(1);
  return OBJ_VAL(h);
}

static bool number_arg(Value v, double *out) {
  if (IS_INTLIKE(v))
    *out = (double)AS_INTLIKE(v);
  else if (IS_FLOAT(v))
    *out = AS_FLOAT(v);
  else {
    vm_raise(vm.e_TypeError, "'%s' object cannot be interpreted as a number", vm_type_name(v));
    return false;
  }
  return true;
}

static Value l_call_later(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = check_open(argv[0]);
  double delay;
  if (!l) return UNDEF_VAL;
  if (argc < 2) return vm_raise(vm.e_TypeError, "call_later() missing required arguments");
  if (!number_arg(argv[1], &delay)) return UNDEF_VAL;
  return call_timer(l, loop_time(l) + delay, argc - 2, argv + 2, kw, "call_later");
}

static Value l_call_at(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = check_open(argv[0]);
  double when;
  if (!l) return UNDEF_VAL;
  if (argc < 2) return vm_raise(vm.e_TypeError, "call_at() missing required arguments");
  if (!number_arg(argv[1], &when)) return UNDEF_VAL;
  return call_timer(l, when, argc - 2, argv + 2, kw, "call_at");
}

static Value l_create_future(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  return l ? OBJ_VAL(future_new(l, loop_class_future)) : UNDEF_VAL;
}

static Value l_create_task(int argc, Value *argv, ObjTuple *kw) {
  static const char *const params[] = {"coro", "name", "context"};
  Value a[3];
  ObjLoop *l = self_loop(argv[0]);
  if (!l || !lib_bind("create_task", argc - 1, argv + 1, kw, 3, params, 1, 1, a)) return UNDEF_VAL;
  return make_task(l, a[0], a[1]);
}

static Value ensure_future_on(ObjLoop *l, Value aw);

static Value l_run_until_complete(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = check_open(argv[0]);
  if (!l || !vm_check_args("run_until_complete", argc - 1, 1, 1)) return UNDEF_VAL;
  Value fut = ensure_future_on(l, argv[1]);
  if (IS_UNDEF(fut)) return fut;
  gc_push_root(fut);
  bool ok = loop_run_until_complete(l, (ObjFuture *)AS_OBJ(fut));
  gc_pop_roots(1);
  if (!ok) return UNDEF_VAL;
  Value self_and_none[1] = {fut};
  return fut_result(1, self_and_none, NULL);
}

static Value l_run_forever(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = check_open(argv[0]);
  if (!l) return UNDEF_VAL;
  return loop_run_forever(l) ? NONE_VAL : UNDEF_VAL;
}

static Value l_stop(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  if (!l) return UNDEF_VAL;
  l->stopping = true;
  return NONE_VAL;
}

static Value l_close(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  if (!l) return UNDEF_VAL;
  if (l->running) return vm_raise(vm.e_RuntimeError, "Cannot close a running event loop");
  l->closed = true;
  l->rcount = 0;
  l->ntimers = 0;
  l->nwatches = 0;
  return NONE_VAL;
}

static Value l_is_running(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  return l ? BOOL_VAL(l->running) : UNDEF_VAL;
}

static Value l_is_closed(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  return l ? BOOL_VAL(l->closed) : UNDEF_VAL;
}

static Value l_get_debug(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  return l ? BOOL_VAL(l->debug) : UNDEF_VAL;
}

static Value l_set_debug(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  if (!l || !vm_check_args("set_debug", argc - 1, 1, 1)) return UNDEF_VAL;
  int t = vm_truthy(argv[1]);
  if (t < 0) return UNDEF_VAL;
  l->debug = t;
  return NONE_VAL;
}

static Value l_set_exception_handler(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  if (!l || !vm_check_args("set_exception_handler", argc - 1, 1, 1)) return UNDEF_VAL;
  l->exception_handler = argv[1];
  return NONE_VAL;
}

static Value l_get_exception_handler(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  return l ? l->exception_handler : UNDEF_VAL;
}

static void print_context_value(const char *key, Value v) {
  if (IS_UNDEF(v) || IS_NONE(v)) return;
  ObjString *r = vm_repr(v);
  if (!r) {
    vm.exc = UNDEF_VAL;
    return;
  }
  fprintf(stderr, "%s: %s\n", key, r->chars);
}

static Value l_default_exception_handler(int argc, Value *argv, ObjTuple *kw) {
  if (argc != 2 || !IS_DICT(argv[1]))
    return vm_raise(vm.e_TypeError, "default_exception_handler() takes a context dict");
  ObjDict *ctx = AS_DICT(argv[1]);
  Value msg = UNDEF_VAL, exc = UNDEF_VAL;
  dict_get_str(ctx, str_intern_cstr("message"), &msg);
  dict_get_str(ctx, str_intern_cstr("exception"), &exc);
  fflush(stdout);
  ObjString *m = IS_UNDEF(msg) ? NULL : vm_str(msg);
  fprintf(stderr, "%s\n", m ? m->chars : "Unhandled exception in event loop");
  uint32_t pos = 0;
  DictEntry *e;
  while (dict_next(ctx, &pos, &e)) {
    if (!IS_STR(e->key)) continue;
    const char *k = AS_CSTR(e->key);
    if (strcmp(k, "message") == 0 || strcmp(k, "exception") == 0) continue;
    print_context_value(k, e->value);
  }
  if (IS_EXCEPTION(exc)) vm_print_exception(exc);
  return NONE_VAL;
}

static Value l_call_exception_handler(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  if (!l || !vm_check_args("call_exception_handler", argc - 1, 1, 1)) return UNDEF_VAL;
  if (!IS_NONE(l->exception_handler)) {
    Value args[2] = {argv[0], argv[1]};
    Value r = vm_call(l->exception_handler, 2, args);
    if (!IS_UNDEF(r)) return NONE_VAL;
    vm.exc = UNDEF_VAL;
  }
  return l_default_exception_handler(argc, argv, kw);
}

/* A wake-up for call_soon_threadsafe: asy runs callbacks on the loop's
 * thread only; the call is queued like call_soon. */
static Value l_call_soon_threadsafe(int argc, Value *argv, ObjTuple *kw) {
  return l_call_soon(argc, argv, kw);
}

static Value l_add_reader(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = check_open(argv[0]);
  if (!l || argc < 3 || !IS_INTLIKE(argv[1]))
    return l ? vm_raise(vm.e_TypeError, "add_reader(fd, callback, *args)") : UNDEF_VAL;
  Value cb = argv[2];
  if (argc > 3) {
    /* Bind extra arguments now: the selector calls with none. */
    Value mod = vm_import(str_intern_cstr("asyncio"));
    if (IS_UNDEF(mod)) return mod;
    Value partial = vm_getattr(mod, str_intern_cstr("_bind_args"));
    if (IS_UNDEF(partial)) return partial;
    cb = vm_call(partial, argc - 2, argv + 2);
    if (IS_UNDEF(cb)) return cb;
  }
  loop_add_watch(l, (int)AS_INTLIKE(argv[1]), false, cb);
  return NONE_VAL;
}

static Value l_remove_reader(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  if (!l || argc != 2 || !IS_INTLIKE(argv[1]))
    return l ? vm_raise(vm.e_TypeError, "remove_reader(fd)") : UNDEF_VAL;
  return BOOL_VAL(loop_remove_watch(l, (int)AS_INTLIKE(argv[1]), false));
}

static Value l_run_in_executor(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = check_open(argv[0]);
  int npos = npositional(argc, kw);
  if (!l) return UNDEF_VAL;
  if (kw && kw->len)
    return vm_raise(vm.e_TypeError, "run_in_executor() takes no keyword arguments");
  if (npos < 3)
    return vm_raise(vm.e_TypeError,
                    "run_in_executor() missing required arguments: 'executor' and 'func'");
  if (!IS_NONE(argv[1]))
    return vm_raise(vm.e_TypeError, "asy has only the default executor: pass None as the executor");
  if (!callable_check("run_in_executor", argv[2])) return UNDEF_VAL;
  ObjTuple *args = args_tuple(npos - 3, argv + 3);
  gc_push_root(OBJ_VAL(args));
  Value f = executor_submit(l, argv[2], args);
  gc_pop_roots(1);
  return f;
}

/* Call an asy-written helper of the module with the loop. */
static Value call_helper(const char *name, Value loop) {
  Value mod = vm_import(str_intern_cstr("asyncio"));
  if (IS_UNDEF(mod)) return mod;
  Value fn = vm_getattr(mod, str_intern_cstr(name));
  if (IS_UNDEF(fn)) return fn;
  return vm_call(fn, 1, &loop);
}

static Value l_shutdown_asyncgens(int argc, Value *argv, ObjTuple *kw) {
  if (!self_loop(argv[0])) return UNDEF_VAL;
  return call_helper("_shutdown_asyncgens", argv[0]);
}

static Value l_shutdown_default_executor(int argc, Value *argv, ObjTuple *kw) {
  if (!self_loop(argv[0])) return UNDEF_VAL;
  return call_helper("_shutdown_default_executor", argv[0]);
}

extern Value executor_idle_future(ObjLoop *loop);

static Value l_wait_executor_idle(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  return l ? executor_idle_future(l) : UNDEF_VAL;
}

static Value l_asyncgens(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  if (!l) return UNDEF_VAL;
  return OBJ_VAL(loop_asyncgens(l));
}

static Value l_repr(int argc, Value *argv, ObjTuple *kw) {
  ObjLoop *l = self_loop(argv[0]);
  if (!l) return UNDEF_VAL;
  return OBJ_VAL(str_printf("<_UnixSelectorEventLoop running=%s closed=%s debug=%s>",
                            l->running ? "True" : "False", l->closed ? "True" : "False",
                            l->debug ? "True" : "False"));
}

/* --------------------------------------------------------- functions */

static Value a_get_running_loop(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_check_args("get_running_loop", argc, 0, 0)) return UNDEF_VAL;
  if (IS_NONE(running_loop())) return vm_raise(vm.e_RuntimeError, "no running event loop");
  return running_loop();
}

static Value a__get_running_loop(int argc, Value *argv, ObjTuple *kw) {
  return running_loop();
}

static Value a_get_event_loop(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_check_args("get_event_loop", argc, 0, 0)) return UNDEF_VAL;
  return OBJ_VAL(event_loop());
}

static Value a_set_event_loop(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_check_args("set_event_loop", argc, 1, 1)) return UNDEF_VAL;
  if (!IS_NONE(argv[0]) && !self_loop(argv[0])) return UNDEF_VAL;
  current_loop = argv[0];
  return NONE_VAL;
}

static Value a_new_event_loop(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_check_args("new_event_loop", argc, 0, 0)) return UNDEF_VAL;
  return OBJ_VAL(loop_new());
}

static ObjLoop *loop_or_running(Value v, const char *fname) {
  if (!IS_UNDEF(v) && !IS_NONE(v)) return self_loop(v);
  if (IS_NONE(running_loop())) {
    vm_raise(vm.e_RuntimeError, "no running event loop");
    (void)fname;
    return NULL;
  }
  return (ObjLoop *)AS_OBJ(running_loop());
}

static Value a_current_task(int argc, Value *argv, ObjTuple *kw) {
  static const char *const params[] = {"loop"};
  Value a[1];
  if (!lib_bind("current_task", argc, argv, kw, 1, params, 1, 0, a)) return UNDEF_VAL;
  ObjLoop *l = loop_or_running(a[0], "current_task");
  if (!l) return UNDEF_VAL;
  if (IS_OBJ_TYPE(vm.current_task, OBJ_FUTURE) && ((ObjFuture *)AS_OBJ(vm.current_task))->loop == l)
    return vm.current_task;
  return NONE_VAL;
}

static Value a_all_tasks(int argc, Value *argv, ObjTuple *kw) {
  static const char *const params[] = {"loop"};
  Value a[1];
  if (!lib_bind("all_tasks", argc, argv, kw, 1, params, 1, 0, a)) return UNDEF_VAL;
  ObjLoop *l = loop_or_running(a[0], "all_tasks");
  if (!l) return UNDEF_VAL;
  ObjSet *s = set_new(false);
  gc_push_root(OBJ_VAL(s));
  for (uint32_t i = 0; i < l->ntasks; i++) {
    if (set_add(s, OBJ_VAL(l->tasks[i])) < 0) {
      gc_pop_roots(1);
      return UNDEF_VAL;
    }
  }
  gc_pop_roots(1);
  return OBJ_VAL(s);
}

static Value a_create_task(int argc, Value *argv, ObjTuple *kw) {
  static const char *const params[] = {"coro", "name", "context"};
  Value a[3];
  if (!lib_bind("create_task", argc, argv, kw, 3, params, 1, 1, a)) return UNDEF_VAL;
  if (IS_NONE(running_loop())) {
    /* CPython closes the coroutine so no "never awaited" warning follows. */
    if (IS_GEN(a[0])) AS_GEN(a[0])->awaited = true;
    return vm_raise(vm.e_RuntimeError, "no running event loop");
  }
  return make_task((ObjLoop *)AS_OBJ(running_loop()), a[0], a[1]);
}

/* Whether gather()'s arguments repeat one: by identity, with an open
 * addressing table that lives only for this call. An argument whose class
 * defines __eq__ or __hash__ counts as a possible repeat, so gather takes
 * its dict-based path (CPython's) for it. Lets gather skip building a dict
 * per call, which a million gathered tasks would otherwise keep alive
 * until the next collection. */
static Value a__has_duplicates(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_check_args("_has_duplicates", argc, 1, 1) || !IS_TUPLE(argv[0])) return UNDEF_VAL;
  ObjTuple *t = AS_TUPLE(argv[0]);
  size_t cap = 16;
  while (cap < (size_t)t->len * 2) cap *= 2;
  const void **table = calloc(cap, sizeof(void *));
  if (!table) return vm_raise(vm.e_MemoryError, "%s", "");
  bool dup = false;
  for (uint32_t i = 0; i < t->len && !dup; i++) {
    Value v = t->items[i];
    if (!IS_OBJ(v)) {
      dup = true; /* ints and the like: let the dict decide */
      break;
    }
    if (IS_INSTANCE(v)) {
      ObjClass *c = AS_INSTANCE(v)->cls;
      Value eq = vm_class_lookup(c, vm.names[NAME_eq]), h = vm_class_lookup(c, vm.names[NAME_hash]);
      if (IS_FUNCTION(eq) || IS_FUNCTION(h)) {
        dup = true;
        break;
      }
    }
    const void *p = AS_OBJ(v);
    size_t k = ((uintptr_t)p >> 4) & (cap - 1);
    while (table[k] && table[k] != p) k = (k + 1) & (cap - 1);
    if (table[k] == p) dup = true;
    table[k] = p;
  }
  free(table);
  return BOOL_VAL(dup);
}

/* Pending tasks of a loop in creation order (all_tasks() is a set). */
static Value a__tasks_in_order(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_check_args("_tasks_in_order", argc, 1, 1)) return UNDEF_VAL;
  ObjLoop *l = self_loop(argv[0]);
  if (!l) return UNDEF_VAL;
  ObjList *list = list_new(l->ntasks, NULL);
  for (uint32_t i = 0; i < l->ntasks; i++) list->items[i] = OBJ_VAL(l->tasks[i]);
  list->len = l->ntasks;
  gc_push_root(OBJ_VAL(list));
  /* Insertion sort by creation id: the registry reorders on removal. */
  for (uint32_t i = 1; i < list->len; i++) {
    Value v = list->items[i];
    uint32_t id = ((ObjTask *)AS_OBJ(v))->id, j = i;
    while (j > 0 && ((ObjTask *)AS_OBJ(list->items[j - 1]))->id > id) {
      list->items[j] = list->items[j - 1];
      j--;
    }
    list->items[j] = v;
  }
  gc_pop_roots(1);
  return OBJ_VAL(list);
}

static Value a_sleep(int argc, Value *argv, ObjTuple *kw) {
  static const char *const params[] = {"delay", "result"};
  Value a[2];
  if (!lib_bind("sleep", argc, argv, kw, 2, params, 2, 1, a)) return UNDEF_VAL;
  double d;
  if (!number_arg(a[0], &d)) return UNDEF_VAL;
  if (d != d) return vm_raise(vm.e_ValueError, "Invalid delay: NaN (not a number)");
  return OBJ_VAL(sleep_new(d, IS_UNDEF(a[1]) ? NONE_VAL : a[1]));
}

static Value sleep_repr(int argc, Value *argv, ObjTuple *kw) {
  return OBJ_VAL(str_printf("<coroutine object sleep at %p>", (void *)AS_OBJ(argv[0])));
}

static Value sleep_close(int argc, Value *argv, ObjTuple *kw) {
  ObjSleep *s = (ObjSleep *)AS_OBJ(argv[0]);
  s->fut.started = true; /* closing counts as dealt with: no never-awaited warning */
  return NONE_VAL;
}

static Value sleep_await(int argc, Value *argv, ObjTuple *kw) {
  return argv[0];
}

static Value a_iscoroutine(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_check_args("iscoroutine", argc, 1, 1)) return UNDEF_VAL;
  return BOOL_VAL(is_coroutine(argv[0]));
}

static Value a_iscoroutinefunction(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_check_args("iscoroutinefunction", argc, 1, 1)) return UNDEF_VAL;
  Value f = argv[0];
  if (IS_OBJ_TYPE(f, OBJ_BOUND)) f = AS_BOUND(f)->func;
  if (IS_NATIVE(f) && AS_NATIVE(f)->fn == a_sleep) return BOOL_VAL(true);
  return BOOL_VAL(IS_FUNCTION(f) && (AS_FUNCTION(f)->code->flags & CODE_COROUTINE));
}

static Value a_isfuture(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_check_args("isfuture", argc, 1, 1)) return UNDEF_VAL;
  return BOOL_VAL(IS_OBJ_TYPE(argv[0], OBJ_FUTURE) && AS_OBJ(argv[0])->aux != FUTK_SLEEP);
}

static Value ensure_future_on(ObjLoop *l, Value aw) {
  if (IS_OBJ_TYPE(aw, OBJ_FUTURE) && AS_OBJ(aw)->aux != FUTK_SLEEP) return aw;
  if (is_coroutine(aw)) return make_task(l, aw, NONE_VAL);
  /* Any other awaitable: the asy helper wraps it in a coroutine. */
  Value mod = vm_import(str_intern_cstr("asyncio"));
  if (IS_UNDEF(mod)) return mod;
  if (IS_UNDEF(vm_lookup_special(aw, vm.names[NAME_await])))
    return vm_raise(vm.e_TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
  Value wrap = vm_getattr(mod, str_intern_cstr("_wrap_awaitable"));
  if (IS_UNDEF(wrap)) return wrap;
  Value coro = vm_call(wrap, 1, &aw);
  if (IS_UNDEF(coro)) return coro;
  gc_push_root(coro);
  Value t = make_task(l, coro, NONE_VAL);
  gc_pop_roots(1);
  return t;
}

static Value a_ensure_future(int argc, Value *argv, ObjTuple *kw) {
  static const char *const params[] = {"coro_or_future", "loop"};
  Value a[2];
  if (!lib_bind("ensure_future", argc, argv, kw, 2, params, 1, 1, a)) return UNDEF_VAL;
  ObjLoop *l = IS_UNDEF(a[1]) || IS_NONE(a[1]) ? event_loop() : self_loop(a[1]);
  if (!l) return UNDEF_VAL;
  return ensure_future_on(l, a[0]);
}

/* The scheduling and clock mode, for programs that want to show them. */
static Value a__clock(int argc, Value *argv, ObjTuple *kw) {
  return OBJ_VAL(str_intern_cstr(clock_is_virtual() ? "virtual" : "real"));
}

/* -------------------------------------------------------- deadlock */

static void describe_waiter(ObjTask *t) {
  Obj *w = t->waiter;
  if (!w) {
    fputs("nothing (it is not scheduled either)", stderr);
    return;
  }
  ObjFuture *f = (ObjFuture *)w;
  if (f->obj.aux == FUTK_TASK) {
    fprintf(stderr, "task '%s'", task_name((ObjTask *)f)->chars);
    return;
  }
  ObjCode *origin = f->obj.aux == FUTK_FUTURE ? f->origin_code : NULL;
  if (origin && strncmp(origin->filename->chars, "asyncio/", 8) == 0) {
    /* Made inside a primitive (Event.wait, Lock.acquire, Queue.get...):
     * name the primitive, not the library's line. */
    fprintf(stderr, "%s() to finish, which nothing will make happen", origin->qualname->chars);
    return;
  }
  fputs("a Future", stderr);
  if (origin) fprintf(stderr, " created at %s:%d", origin->filename->chars, f->origin_line);
  fputs(" that nothing will complete", stderr);
}

static void show_source_line(ObjCode *code, int line) {
  size_t len;
  const char *text = code ? source_line(code->filename->chars, line, &len) : NULL;
  if (!text) return;
  while (len && (*text == ' ' || *text == '\t')) text++, len--;
  fprintf(stderr, "        %.*s\n", (int)len, text);
}

void loop_report_deadlock(ObjLoop *l, ObjFuture *main);
void loop_report_deadlock(ObjLoop *l, ObjFuture *main) {
  fflush(stdout);
  fputs("asy: deadlock: every task is waiting, and nothing is left that could wake any of them\n"
        "(no callback is ready, no timer is pending, no file is watched).\n"
        "CPython would hang here forever; asy stops.\n",
        stderr);
  if (main && main->obj.aux != FUTK_TASK)
    fputs("  the loop was running until a Future completes\n", stderr);
  for (uint32_t i = 0; i < l->ntasks; i++) {
    ObjTask *t = l->tasks[i];
    ObjCode *code = NULL;
    int line = task_suspended_line(t, &code);
    const char *coro = IS_GEN(task_coro(t)) ? GEN_QUALNAME(AS_GEN(task_coro(t)))->chars : "?";
    fprintf(stderr, "  Task '%s' (%s()) is waiting", task_name(t)->chars, coro);
    if (code) fprintf(stderr, " at %s:%d", code->filename->chars, line);
    fputs(" for ", stderr);
    describe_waiter(t);
    fputc('\n', stderr);
    show_source_line(code, line);
  }
  Value code = INT_VAL(1);
  vm_raise_value(vm_new_exception(vm.e_SystemExit, 1, &code));
}

/* --------------------------------------------------------------- init */

static ObjClass *def_class(ObjModule *m, const char *name, ObjClass *base, ObjType t) {
  ObjClass *c = vm_def_class(name, base ? base : vm.t_object, t);
  dict_set_cstr(c->dict, "__module__", OBJ_VAL(str_intern_cstr("asyncio")));
  dict_set_str(m->dict, c->name, OBJ_VAL(c));
  return c;
}

/* Future and Task are C types of CPython's _asyncio module: messages name
 * them "_asyncio.Task", their repr is <class '_asyncio.Task'>. */
static void c_accelerated(ObjClass *c, const char *c_name) {
  c->c_name = c_name;
  dict_set_cstr(c->dict, "__module__", OBJ_VAL(str_intern_cstr("_asyncio")));
}

typedef struct {
  const char *name;
  NativeFn fn;
} Method;

static void def_methods(ObjClass *c, const Method *ms, size_t n) {
  for (size_t i = 0; i < n; i++) lib_def_method(c, ms[i].name, ms[i].fn);
}

static void make_future_classes(ObjModule *m) {
  loop_class_future = def_class(m, "Future", NULL, OBJ_FUTURE);
  c_accelerated(loop_class_future, "_asyncio.Future");
  loop_class_future->ctor = future_ctor;
  loop_class_future->alloc = future_alloc;
  static const Method fut_methods[] = {
      {"__init__", future_init},
      {"result", fut_result},
      {"exception", fut_exception},
      {"set_result", fut_set_result},
      {"set_exception", fut_set_exception},
      {"cancel", fut_cancel},
      {"cancelled", fut_cancelled},
      {"done", fut_done},
      {"add_done_callback", fut_add_done_callback},
      {"remove_done_callback", fut_remove_done_callback},
      {"get_loop", fut_get_loop},
      {"__await__", fut_await},
      {"__iter__", fut_await},
      {"__repr__", fut_repr},
      {"_make_cancelled_error", fut_make_cancelled_error},
  };
  def_methods(loop_class_future, fut_methods, ASY_ARRAY_LEN(fut_methods));
  lib_def_property(loop_class_future, "_asyncio_future_blocking", fut_blocking_get);
  lib_def_property(loop_class_future, "_state", fut_state);
  lib_def_property(loop_class_future, "_loop", fut_loop_attr);
  lib_def_property(loop_class_future, "_cancel_message", fut_cancel_message);

  loop_class_task = def_class(m, "Task", loop_class_future, OBJ_FUTURE);
  c_accelerated(loop_class_task, "_asyncio.Task");
  loop_class_task->ctor = task_ctor;
  static const Method task_methods[] = {
      {"get_name", task_get_name},     {"set_name", task_set_name}, {"get_coro", task_get_coro},
      {"cancelling", task_cancelling}, {"uncancel", task_uncancel}, {"get_stack", task_get_stack},
      {"__repr__", task_repr},
  };
  def_methods(loop_class_task, task_methods, ASY_ARRAY_LEN(task_methods));

  loop_class_sleep = vm_def_class("coroutine", vm.t_object, OBJ_FUTURE);
  loop_class_sleep->cflags |= CLASS_FINAL;
  dict_set_str(m->dict, str_intern_cstr("_SleepCoroutine"), OBJ_VAL(loop_class_sleep));
  lib_def_method(loop_class_sleep, "__repr__", sleep_repr);
  lib_def_method(loop_class_sleep, "close", sleep_close);
  lib_def_method(loop_class_sleep, "__await__", sleep_await);
}

static void make_loop_classes(ObjModule *m) {
  loop_class_loop = def_class(m, "_UnixSelectorEventLoop", NULL, OBJ_LOOP);
  loop_class_loop->ctor = loop_ctor;
  dict_set_str(m->dict, str_intern_cstr("AbstractEventLoop"), OBJ_VAL(loop_class_loop));
  dict_set_str(m->dict, str_intern_cstr("BaseEventLoop"), OBJ_VAL(loop_class_loop));
  vm.types[OBJ_LOOP] = loop_class_loop;
  static const Method loop_methods[] = {
      {"time", l_time},
      {"call_soon", l_call_soon},
      {"call_later", l_call_later},
      {"call_at", l_call_at},
      {"create_future", l_create_future},
      {"create_task", l_create_task},
      {"run_until_complete", l_run_until_complete},
      {"run_forever", l_run_forever},
      {"stop", l_stop},
      {"close", l_close},
      {"is_running", l_is_running},
      {"is_closed", l_is_closed},
      {"get_debug", l_get_debug},
      {"set_debug", l_set_debug},
      {"set_exception_handler", l_set_exception_handler},
      {"get_exception_handler", l_get_exception_handler},
      {"default_exception_handler", l_default_exception_handler},
      {"call_exception_handler", l_call_exception_handler},
      {"call_soon_threadsafe", l_call_soon_threadsafe},
      {"add_reader", l_add_reader},
      {"remove_reader", l_remove_reader},
      {"__repr__", l_repr},
      {"run_in_executor", l_run_in_executor},
      {"shutdown_asyncgens", l_shutdown_asyncgens},
      {"shutdown_default_executor", l_shutdown_default_executor},
      {"_wait_executor_idle", l_wait_executor_idle},
      {"_asyncgens", l_asyncgens},
  };
  def_methods(loop_class_loop, loop_methods, ASY_ARRAY_LEN(loop_methods));

  loop_class_handle = def_class(m, "Handle", NULL, OBJ_HANDLE);
  loop_class_timer_handle = def_class(m, "TimerHandle", loop_class_handle, OBJ_HANDLE);
  vm.t_handle = loop_class_handle;
  vm.t_timer_handle = loop_class_timer_handle;
  lib_def_method(loop_class_handle, "cancel", handle_cancel);
  lib_def_method(loop_class_handle, "cancelled", handle_cancelled);
  lib_def_method(loop_class_handle, "__repr__", handle_repr);
  lib_def_method(loop_class_timer_handle, "when", handle_when);
}

static void make_functions(ObjModule *m) {
  static const Method fns[] = {
      {"get_running_loop", a_get_running_loop},
      {"_get_running_loop", a__get_running_loop},
      {"get_event_loop", a_get_event_loop},
      {"set_event_loop", a_set_event_loop},
      {"new_event_loop", a_new_event_loop},
      {"current_task", a_current_task},
      {"all_tasks", a_all_tasks},
      {"sleep", a_sleep},
      {"iscoroutine", a_iscoroutine},
      {"iscoroutinefunction", a_iscoroutinefunction},
      {"isfuture", a_isfuture},
      {"ensure_future", a_ensure_future},
      {"_clock", a__clock},
      {"_tasks_in_order", a__tasks_in_order},
      {"create_task", a_create_task},
      {"_has_duplicates", a__has_duplicates},
  };
  for (size_t i = 0; i < ASY_ARRAY_LEN(fns); i++) vm_def_native(m->dict, fns[i].name, fns[i].fn);
  dict_set_str(m->dict, str_intern_cstr("CancelledError"), OBJ_VAL(vm.e_CancelledError));
  dict_set_str(m->dict, str_intern_cstr("InvalidStateError"), OBJ_VAL(vm.e_InvalidStateError));
  dict_set_str(m->dict, str_intern_cstr("TimeoutError"), OBJ_VAL(vm.e_TimeoutError));
  dict_set_str(m->dict, str_intern_cstr("QueueEmpty"), OBJ_VAL(vm.e_QueueEmpty));
  dict_set_str(m->dict, str_intern_cstr("QueueFull"), OBJ_VAL(vm.e_QueueFull));
  /* The modules CPython defines them in (tracebacks print the full name). */
  dict_set_cstr(vm.e_CancelledError->dict, "__module__",
                OBJ_VAL(str_intern_cstr("asyncio.exceptions")));
  dict_set_cstr(vm.e_InvalidStateError->dict, "__module__",
                OBJ_VAL(str_intern_cstr("asyncio.exceptions")));
  dict_set_cstr(vm.e_QueueEmpty->dict, "__module__", OBJ_VAL(str_intern_cstr("asyncio.queues")));
  dict_set_cstr(vm.e_QueueFull->dict, "__module__", OBJ_VAL(str_intern_cstr("asyncio.queues")));
}

/* Compile and run each asy-written part in the module's namespace. */
static bool run_embedded(ObjModule *m) {
  for (int i = 0; i < asy_embedded_count; i++) {
    const EmbeddedSource *e = &asy_embedded_sources[i];
    if (strncmp(e->name, "asyncio/", 8) != 0) continue;
    size_t len = strlen(e->text);
    source_register(e->name, e->text, len);
    ObjCode *code = compile_source(e->text, len, e->name, COMPILE_FILE);
    if (!code) return false;
    gc_push_root(OBJ_VAL(code));
    Frame *f = vm_make_module_frame(code, m->dict);
    gc_pop_roots(1);
    Value r;
    if (!f || vm_run_frame(f, &r) != RUN_RETURN) return false;
  }
  return true;
}

static bool asyncio_module_init(ObjModule *m) {
  static bool marker_added;
  if (!marker_added) {
    current_loop = NONE_VAL;
    gc_add_marker(mark_module_state, NULL);
    marker_added = true;
  }
  make_future_classes(m);
  make_loop_classes(m);
  make_functions(m);
  dict_set_cstr(m->dict, "__builtins__", OBJ_VAL(vm.builtins));
  return run_embedded(m);
}

void lib_asyncio_init(void) {
  current_loop = NONE_VAL;
  vm_register_module("asyncio", asyncio_module_init);
}
