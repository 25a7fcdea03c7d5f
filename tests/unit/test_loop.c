/* Unit tests for vm/loop.c driven from C: the ready FIFO, the timer heap,
 * the virtual clock, futures' done callbacks and the outcomes of a task
 * step (Task.__step).
 *
 * The orders asserted here are CPython 3.11's, printed by the equivalent
 * asyncio program (quoted above each test): e.g.
 *   loop.call_later(0, rec, 1); loop.call_soon(rec, 2)
 *   loop.call_soon(spawn, 3)   # spawn records 3, then call_soon(rec, 103)
 *   → first iteration [2, 3, 1], second [103]. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "vm/clock.h"
#include "vm/gc.h"
#include "vm/loop.h"
#include "vm/vm.h"

static void setup(void) {
  clock_set_virtual(true);
  vm_init(0, NULL);
  /* The asyncio classes (Future, Task, ...) exist once asyncio is imported. */
  Value m = vm_import(str_intern_cstr("asyncio"));
  cr_assert(IS_MODULE(m));
}
static void teardown(void) {
  loop_event_hook = NULL;
  vm_free();
}

TestSuite(loop, .init = setup, .fini = teardown);
TestSuite(future, .init = setup, .fini = teardown);
TestSuite(task, .init = setup, .fini = teardown);

/* ------------------------------------------------------------ helpers */

/* What the callbacks recorded, in order. */
static int64_t log_items[4096];
static int nlog;
static ObjLoop *the_loop;

static Value rec_native(int argc, Value *argv, ObjTuple *kw) {
  (void)kw;
  cr_assert_geq(argc, 1);
  if (IS_INT(argv[0])) {
    log_items[nlog++] = AS_INT(argv[0]);
  } else if (IS_OBJ_TYPE(argv[0], OBJ_FUTURE)) {
    /* A done-callback: record the native's own tag. */
    log_items[nlog++] = AS_INT(vm.calling_native->data);
  } else {
    log_items[nlog++] = -1;
  }
  return NONE_VAL;
}

static Value spawn_native(int argc, Value *argv, ObjTuple *kw) {
  (void)kw;
  cr_assert_eq(argc, 1);
  log_items[nlog++] = AS_INT(argv[0]);
  Value rec = OBJ_VAL(native_new("rec", rec_native));
  gc_push_root(rec);
  Value arg = INT_VAL(AS_INT(argv[0]) + 100);
  ObjTuple *args = tuple_new(1, &arg);
  gc_push_root(OBJ_VAL(args));
  loop_call_soon(the_loop, rec, args);
  gc_pop_roots(2);
  return NONE_VAL;
}

static Value rooted_native(const char *name, NativeFn fn, int64_t tag) {
  ObjNative *n = native_new(name, fn);
  n->data = INT_VAL(tag);
  gc_push_root(OBJ_VAL(n));
  return OBJ_VAL(n);
}

static ObjTuple *int_args(int64_t v) {
  Value a = INT_VAL(v);
  ObjTuple *t = tuple_new(1, &a);
  gc_push_root(OBJ_VAL(t));
  return t;
}

static ObjLoop *new_loop(void) {
  ObjLoop *l = loop_new();
  gc_push_root(OBJ_VAL(l));
  the_loop = l;
  nlog = 0;
  return l;
}

static void expect_log(const int64_t *expect, int n) {
  cr_assert_eq(nlog, n, "%d entries logged, expected %d", nlog, n);
  for (int i = 0; i < n; i++)
    cr_assert_eq(log_items[i], expect[i], "entry %d is %lld, expected %lld", i,
                 (long long)log_items[i], (long long)expect[i]);
  nlog = 0;
}

static void run_ok(const char *src) {
  bool ok = vm_run_source(src, strlen(src), "<test>", NULL);
  if (!ok) {
    ObjString *line = vm_exception_line(vm_take_exc());
    cr_assert(ok, "asy raised %s\nsource:\n%s", line->chars, src);
  }
}

static Value global(const char *name) {
  Value v = UNDEF_VAL;
  cr_assert(dict_get_str(vm.main_module->dict, str_intern_cstr(name), &v), "no global %s", name);
  return v;
}

/* A coroutine object: the global function name called with args. */
static Value coroutine(const char *fn, int argc, Value *argv) {
  Value c = vm_call(global(fn), argc, argv);
  cr_assert(IS_GEN(c), "%s() did not make a coroutine", fn);
  gc_push_root(c);
  return c;
}

/* Run one iteration as the running loop (asyncio.get_running_loop works). */
static void iterate(ObjLoop *l) {
  l->running = true;
  vm.running_loop = OBJ_VAL(l);
  bool ok = loop_run_once(l);
  l->running = false;
  vm.running_loop = NONE_VAL;
  if (!ok) {
    ObjString *line = vm_exception_line(vm_take_exc());
    cr_assert(ok, "the iteration raised %s", line->chars);
  }
}

static const char *exc_line(Value e) {
  ObjString *s = vm_exception_line(e);
  gc_push_root(OBJ_VAL(s));
  return s->chars;
}

static const char *exc_str(Value e) {
  gc_push_root(e);
  ObjString *s = vm_str(e);
  cr_assert_not_null(s);
  gc_push_root(OBJ_VAL(s));
  return s->chars;
}

/* ------------------------------------------------------------ ready queue */

Test(loop, ready_is_fifo) {
  ObjLoop *l = new_loop();
  Value rec = rooted_native("rec", rec_native, 0);
  for (int i = 1; i <= 5; i++) loop_call_soon(l, rec, int_args(i));
  cr_assert_eq(l->rcount, 5);
  cr_assert(loop_has_work(l));
  cr_assert(loop_run_once(l));
  const int64_t expect[] = {1, 2, 3, 4, 5};
  expect_log(expect, 5);
  cr_assert_eq(l->rcount, 0);
  cr_assert_not(loop_has_work(l));
}

Test(loop, ready_ring_grows_in_order) {
  ObjLoop *l = new_loop();
  Value rec = rooted_native("rec", rec_native, 0);
  /* Wrap the ring first, then grow it past its initial 64 entries. */
  for (int i = 0; i < 40; i++) loop_call_soon(l, rec, int_args(i));
  cr_assert(loop_run_once(l));
  nlog = 0;
  for (int i = 0; i < 1000; i++) loop_call_soon(l, rec, int_args(i));
  cr_assert(loop_run_once(l));
  cr_assert_eq(nlog, 1000);
  int bad = 0;
  for (int i = 0; i < 1000; i++) bad += log_items[i] != i;
  cr_assert_eq(bad, 0, "%d entries out of order", bad);
}

/* CPython 3.11: call_later(0, rec, 1); call_soon(rec, 2); call_soon(spawn, 3)
 * → [2, 3, 1], then [103] on the next iteration. */
Test(loop, due_timers_go_after_ready_and_new_work_waits) {
  ObjLoop *l = new_loop();
  Value rec = rooted_native("rec", rec_native, 0);
  Value spawn = rooted_native("spawn", spawn_native, 0);
  loop_call_at(l, loop_time(l), rec, int_args(1));
  loop_call_soon(l, rec, int_args(2));
  loop_call_soon(l, spawn, int_args(3));
  cr_assert(loop_run_once(l));
  const int64_t first[] = {2, 3, 1};
  expect_log(first, 3);
  cr_assert_eq(l->rcount, 1, "what a callback schedules runs next time");
  cr_assert(loop_run_once(l));
  const int64_t second[] = {103};
  expect_log(second, 1);
}

Test(loop, run_one_runs_a_single_entry) {
  ObjLoop *l = new_loop();
  Value rec = rooted_native("rec", rec_native, 0);
  for (int i = 1; i <= 3; i++) loop_call_soon(l, rec, int_args(i));
  bool ran;
  cr_assert(loop_run_one(l, &ran));
  cr_assert(ran);
  const int64_t one[] = {1};
  expect_log(one, 1);
  cr_assert_eq(l->rcount, 2);
  cr_assert(loop_run_one(l, &ran));
  cr_assert(loop_run_one(l, &ran));
  cr_assert(loop_run_one(l, &ran));
  cr_assert_not(ran, "nothing was left");
}

/* ------------------------------------------------------------ timers */

/* CPython 3.11: call_at(t+1, 1), call_at(t+1, 2), call_at(t+0.5, 3),
 * call_at(t+1, 4), call_at(t+1, 5) cancelled → [3, 1, 2, 4]. */
Test(loop, equal_deadlines_fire_in_scheduling_order) {
  ObjLoop *l = new_loop();
  Value rec = rooted_native("rec", rec_native, 0);
  double t = loop_time(l);
  loop_call_at(l, t + 1, rec, int_args(1));
  loop_call_at(l, t + 1, rec, int_args(2));
  loop_call_at(l, t + 0.5, rec, int_args(3));
  loop_call_at(l, t + 1, rec, int_args(4));
  ObjHandle *h = loop_call_at(l, t + 1, rec, int_args(5));
  loop_handle_cancel(h);
  cr_assert(h->cancelled);
  cr_assert_eq(l->ntimers, 5);
  cr_assert(loop_run_once(l));
  const int64_t first[] = {3};
  expect_log(first, 1);
  cr_assert_float_eq(loop_time(l), t + 0.5, 1e-12, "virtual time jumped to the first deadline");
  cr_assert(loop_run_once(l));
  const int64_t second[] = {1, 2, 4};
  expect_log(second, 3);
  cr_assert_float_eq(loop_time(l), t + 1, 1e-12);
  cr_assert_not(loop_has_work(l), "the cancelled timer was dropped");
  cr_assert_eq(l->ntimers, 0);
  cr_assert_not(h->scheduled);
}

static uint64_t lcg(uint64_t x) {
  return x * 6364136223846793005ull + 1442695040888963407ull;
}

Test(loop, heap_order_for_many_timers) {
  ObjLoop *l = new_loop();
  Value rec = rooted_native("rec", rec_native, 0);
  double t = loop_time(l);
  static int deadline[2000];
  uint64_t st = 99;
  for (int i = 0; i < 2000; i++) {
    st = lcg(st);
    deadline[i] = (int)((st >> 33) % 16); /* many equal deadlines */
    loop_call_at(l, t + deadline[i], rec, int_args(i));
  }
  for (int k = 0; k < 40 && loop_has_work(l); k++) cr_assert(loop_run_once(l));
  cr_assert_eq(nlog, 2000);
  /* Sorted by (deadline, scheduling order). */
  int bad = 0;
  for (int i = 1; i < 2000; i++) {
    int64_t a = log_items[i - 1], b = log_items[i];
    if (deadline[a] > deadline[b] || (deadline[a] == deadline[b] && a > b)) bad++;
  }
  cr_assert_eq(bad, 0, "%d timers out of order", bad);
  cr_assert_float_eq(loop_time(l), t + 15, 1e-9);
}

Test(loop, cancelling_handles) {
  ObjLoop *l = new_loop();
  Value rec = rooted_native("rec", rec_native, 0);
  double t = loop_time(l);
  ObjHandle *soon = loop_call_soon(l, rec, int_args(1));
  loop_call_soon(l, rec, int_args(2));
  loop_handle_cancel(soon);
  ObjHandle *timer = loop_call_at(l, t + 3, rec, int_args(3));
  cr_assert(timer->obj.flags & 1, "a TimerHandle");
  cr_assert_float_eq(timer->when, t + 3, 0);
  loop_handle_cancel(timer);
  loop_handle_cancel(timer); /* twice is harmless */
  cr_assert_eq(l->ncancelled_timers, 1);
  cr_assert(loop_run_once(l));
  const int64_t expect[] = {2};
  expect_log(expect, 1);
  cr_assert_not(loop_has_work(l));
  cr_assert_float_eq(loop_time(l), t, 0, "no jump to a cancelled deadline");
  /* A timer cancelled after it was moved to ready does not run either. */
  ObjHandle *late = loop_call_at(l, t, rec, int_args(4));
  loop_call_soon(l, rec, int_args(5));
  bool ran;
  cr_assert(loop_run_one(l, &ran)); /* runs 5; 4 is still a timer */
  cr_assert(ran);
  loop_handle_cancel(late);
  cr_assert(loop_run_once(l));
  const int64_t only5[] = {5};
  expect_log(only5, 1);
}

Test(loop, virtual_clock_jumps_only_when_idle) {
  ObjLoop *l = new_loop();
  Value rec = rooted_native("rec", rec_native, 0);
  double t0 = loop_time(l);
  cr_assert_float_eq(t0, 1000.0, 0, "virtual time starts at a fixed point");
  cr_assert(loop_run_once(l), "an idle loop with nothing to wait for returns");
  cr_assert_float_eq(loop_time(l), t0, 0);
  loop_call_at(l, t0 + 5, rec, int_args(1));
  loop_call_soon(l, rec, int_args(2));
  cr_assert(loop_run_once(l));
  cr_assert_float_eq(loop_time(l), t0, 0, "something was ready: no waiting");
  const int64_t first[] = {2};
  expect_log(first, 1);
  cr_assert(loop_run_once(l));
  cr_assert_float_eq(loop_time(l), t0 + 5, 0);
  const int64_t second[] = {1};
  expect_log(second, 1);
  clock_advance_to(t0 + 2); /* never backwards */
  cr_assert_float_eq(clock_now(), t0 + 5, 0);
  cr_assert(clock_sleep(0.25));
  cr_assert_float_eq(clock_now(), t0 + 5.25, 0);
}

/* ------------------------------------------------------------ futures */

/* CPython 3.11: three done-callbacks on f; a callback sets f's result and
 * then call_soon(rec, 'soon-after-set'), with 'other' already ready →
 * ['set', 'other', (1, 7), (2, 7), (3, 7), 'soon-after-set'] */
static ObjFuture *shared_future;

static Value set_native(int argc, Value *argv, ObjTuple *kw) {
  (void)argc, (void)argv, (void)kw;
  log_items[nlog++] = 1000;
  cr_assert(future_set_result(shared_future, INT_VAL(7)));
  loop_call_soon(the_loop, OBJ_VAL(native_new("rec", rec_native)), int_args(2000));
  return NONE_VAL;
}

Test(future, done_callbacks_run_in_order_one_iteration_later) {
  ObjLoop *l = new_loop();
  ObjFuture *f = future_new(l, NULL);
  gc_push_root(OBJ_VAL(f));
  shared_future = f;
  cr_assert_eq(f->state, FUT_PENDING);
  cr_assert(future_is_pending(OBJ_VAL(f)));
  for (int i = 1; i <= 3; i++) future_add_callback(f, rooted_native("cb", rec_native, i), false);
  cr_assert_eq(f->ncb, 3);
  loop_call_soon(l, rooted_native("set", set_native, 0), NULL);
  loop_call_soon(l, rooted_native("rec", rec_native, 0), int_args(500));
  cr_assert(loop_run_once(l));
  const int64_t first[] = {1000, 500};
  expect_log(first, 2);
  cr_assert_eq(f->state, FUT_FINISHED);
  cr_assert_eq(f->ncb, 0, "the callbacks moved to the ready queue");
  cr_assert_eq(l->rcount, 4);
  cr_assert(loop_run_once(l));
  const int64_t second[] = {1, 2, 3, 2000};
  expect_log(second, 4);
  Value r;
  cr_assert(future_await_result(OBJ_VAL(f), &r));
  cr_assert_eq(AS_INT(r), 7);
  /* A callback added to a done future is scheduled at once. */
  future_add_callback(f, rooted_native("cb", rec_native, 9), false);
  cr_assert_eq(l->rcount, 1);
  cr_assert(loop_run_once(l));
  const int64_t late[] = {9};
  expect_log(late, 1);
}

/* CPython 3.11: f.set_result(8) on a done future → InvalidStateError
 * "invalid state". */
Test(future, invalid_state_and_exceptions) {
  ObjLoop *l = new_loop();
  ObjFuture *f = future_new(l, NULL);
  gc_push_root(OBJ_VAL(f));
  cr_assert(future_set_result(f, INT_VAL(1)));
  cr_assert_not(future_set_result(f, INT_VAL(2)));
  cr_assert(vm_exc_matches(vm.e_InvalidStateError));
  cr_assert_str_eq(exc_str(vm_take_exc()), "invalid state");
  cr_assert_not(future_cancel(f, NONE_VAL), "a done future cannot be cancelled");

  ObjFuture *g = future_new(l, NULL);
  gc_push_root(OBJ_VAL(g));
  cr_assert(future_set_exception(g, OBJ_VAL(vm.e_KeyError)), "a class is instantiated");
  cr_assert(g->has_exc);
  cr_assert(vm_isinstance(g->result, vm.e_KeyError));
  Value r;
  cr_assert_not(future_await_result(OBJ_VAL(g), &r));
  cr_assert(vm_exc_matches(vm.e_KeyError));
  vm_take_exc();

  ObjFuture *h = future_new(l, NULL);
  gc_push_root(OBJ_VAL(h));
  cr_assert_not(future_set_exception(h, INT_VAL(3)));
  cr_assert(vm_exc_matches(vm.e_TypeError));
  vm_take_exc();
  cr_assert_not(future_set_exception(h, OBJ_VAL(vm.e_StopIteration)));
  cr_assert_str_eq(exc_line(vm_take_exc()), "TypeError: StopIteration interacts badly with "
                                            "generators and cannot be raised into a Future");
  cr_assert_not(future_await_result(OBJ_VAL(h), &r));
  cr_assert_str_eq(exc_line(vm_take_exc()), "RuntimeError: await wasn't used with future");
}

Test(future, cancel_schedules_callbacks) {
  ObjLoop *l = new_loop();
  ObjFuture *f = future_new(l, NULL);
  gc_push_root(OBJ_VAL(f));
  future_add_callback(f, rooted_native("cb", rec_native, 1), false);
  Value msg = OBJ_VAL(str_from_cstr("stop it"));
  gc_push_root(msg);
  cr_assert(future_cancel(f, msg));
  cr_assert_eq(f->state, FUT_CANCELLED);
  cr_assert_eq(l->rcount, 1);
  cr_assert(loop_run_once(l));
  const int64_t expect[] = {1};
  expect_log(expect, 1);
  Value r;
  cr_assert_not(future_await_result(OBJ_VAL(f), &r));
  cr_assert(vm_exc_matches(vm.e_CancelledError));
  cr_assert_str_eq(exc_str(vm_take_exc()), "stop it");
  cr_assert_not(future_cancel(f, NONE_VAL), "already cancelled");
}

/* ------------------------------------------------------------ tasks */

static const char *coros = "import asyncio\n"
                           "async def ret(x):\n"
                           "    return x * 2\n"
                           "async def fail():\n"
                           "    raise ValueError('boom')\n"
                           "async def wait_on(f):\n"
                           "    v = await f\n"
                           "    return v + 1\n"
                           "async def yielder():\n"
                           "    await asyncio.sleep(0)\n"
                           "    await asyncio.sleep(0)\n"
                           "    return 'yielded twice'\n"
                           "async def sleeper(d):\n"
                           "    await asyncio.sleep(d)\n"
                           "    return d\n"
                           "class Bad:\n"
                           "    def __await__(self):\n"
                           "        yield 5\n"
                           "async def bad():\n"
                           "    await Bad()\n"
                           "async def catcher(f):\n"
                           "    try:\n"
                           "        await f\n"
                           "    except asyncio.CancelledError:\n"
                           "        return 'caught'\n";

Test(task, step_that_returns) {
  run_ok(coros);
  ObjLoop *l = new_loop();
  Value arg = INT_VAL(21);
  ObjTask *t = task_new(l, coroutine("ret", 1, &arg), NONE_VAL);
  gc_push_root(OBJ_VAL(t));
  cr_assert(t->fut.step_scheduled, "the first step is queued, not run");
  cr_assert_eq(l->rcount, 1);
  cr_assert_eq(l->ntasks, 1);
  cr_assert_eq(t->fut.state, FUT_PENDING);
  cr_assert_str_eq(task_name(t)->chars, "Task-1");
  iterate(l);
  cr_assert_eq(t->fut.state, FUT_FINISHED);
  cr_assert_not(t->fut.has_exc);
  cr_assert_eq(AS_INT(t->fut.result), 42);
  cr_assert_eq(l->ntasks, 0, "a done task leaves the registry");
  cr_assert_eq(t->fut.registry_index, -1);
}

Test(task, step_that_raises) {
  run_ok(coros);
  ObjLoop *l = new_loop();
  ObjTask *t = task_new(l, coroutine("fail", 0, NULL), NONE_VAL);
  gc_push_root(OBJ_VAL(t));
  iterate(l);
  cr_assert_eq(t->fut.state, FUT_FINISHED);
  cr_assert(t->fut.has_exc);
  cr_assert_str_eq(exc_line(t->fut.result), "ValueError: boom");
  cr_assert(t->fut.log_tb, "never retrieved so far");
  Value r;
  cr_assert_not(future_await_result(OBJ_VAL(t), &r));
  cr_assert(vm_exc_matches(vm.e_ValueError));
  vm_take_exc();
  cr_assert_not(t->fut.log_tb, "retrieved now");
}

Test(task, suspends_on_a_future_and_wakes_one_iteration_later) {
  run_ok(coros);
  ObjLoop *l = new_loop();
  ObjFuture *f = future_new(l, NULL);
  gc_push_root(OBJ_VAL(f));
  Value arg = OBJ_VAL(f);
  ObjTask *t = task_new(l, coroutine("wait_on", 1, &arg), NONE_VAL);
  gc_push_root(OBJ_VAL(t));
  iterate(l);
  cr_assert_eq(t->fut.state, FUT_PENDING);
  cr_assert_eq(t->waiter, (Obj *)f, "the task waits on f");
  cr_assert_eq(f->ncb, 1);
  cr_assert(future_cb_wakeup(f, 0));
  cr_assert_not(t->fut.step_scheduled);
  cr_assert_eq(l->rcount, 0);
  cr_assert(future_set_result(f, INT_VAL(9)));
  cr_assert(t->fut.step_scheduled, "completing f queued the wake-up");
  cr_assert_eq(t->fut.state, FUT_PENDING);
  iterate(l);
  cr_assert_eq(t->fut.state, FUT_FINISHED);
  cr_assert_eq(AS_INT(t->fut.result), 10);
}

Test(task, bare_yield_requeues_the_step) {
  run_ok(coros);
  ObjLoop *l = new_loop();
  ObjTask *t = task_new(l, coroutine("yielder", 0, NULL), NONE_VAL);
  gc_push_root(OBJ_VAL(t));
  iterate(l);
  cr_assert_eq(t->fut.state, FUT_PENDING);
  cr_assert_null(t->waiter, "sleep(0) waits on nothing");
  cr_assert(t->fut.step_scheduled);
  cr_assert_eq(l->rcount, 1);
  iterate(l);
  cr_assert_eq(t->fut.state, FUT_PENDING);
  iterate(l);
  cr_assert_eq(t->fut.state, FUT_FINISHED);
  cr_assert_str_eq(AS_CSTR(t->fut.result), "yielded twice");
}

Test(task, sleep_waits_on_a_timer) {
  run_ok(coros);
  ObjLoop *l = new_loop();
  double t0 = loop_time(l);
  Value arg = FLOAT_VAL(2.5);
  ObjTask *t = task_new(l, coroutine("sleeper", 1, &arg), NONE_VAL);
  gc_push_root(OBJ_VAL(t));
  iterate(l);
  cr_assert_not_null(t->waiter);
  cr_assert_eq(t->waiter->aux, FUTK_SLEEP);
  cr_assert_eq(l->ntimers, 1);
  iterate(l); /* jump to the deadline: the timer fires (first hop) */
  cr_assert_float_eq(loop_time(l), t0 + 2.5, 0);
  cr_assert_eq(t->fut.state, FUT_PENDING);
  cr_assert(t->fut.step_scheduled, "the second hop is queued");
  iterate(l);
  cr_assert_eq(t->fut.state, FUT_FINISHED);
  cr_assert_float_eq(AS_FLOAT(t->fut.result), 2.5, 0);
}

/* CPython 3.11: a coroutine that yields 5 to its task fails with
 * RuntimeError('Task got bad yield: 5'). */
Test(task, bad_yield_is_thrown_back) {
  run_ok(coros);
  ObjLoop *l = new_loop();
  ObjTask *t = task_new(l, coroutine("bad", 0, NULL), NONE_VAL);
  gc_push_root(OBJ_VAL(t));
  iterate(l);
  cr_assert_eq(t->fut.state, FUT_PENDING);
  cr_assert(t->fut.step_scheduled, "the error is thrown in on the next step");
  iterate(l);
  cr_assert_eq(t->fut.state, FUT_FINISHED);
  cr_assert_str_eq(exc_line(t->fut.result), "RuntimeError: Task got bad yield: 5");
}

Test(task, cancel_while_waiting) {
  run_ok(coros);
  ObjLoop *l = new_loop();
  ObjFuture *f = future_new(l, NULL);
  gc_push_root(OBJ_VAL(f));
  Value arg = OBJ_VAL(f);
  ObjTask *t = task_new(l, coroutine("wait_on", 1, &arg), NONE_VAL);
  gc_push_root(OBJ_VAL(t));
  iterate(l);
  cr_assert(future_cancel(TASK_FUTURE(t), NONE_VAL));
  cr_assert_eq(f->state, FUT_CANCELLED, "cancelling the task cancels what it waits on");
  cr_assert_eq(t->num_cancels_requested, 1);
  iterate(l);
  cr_assert_eq(t->fut.state, FUT_CANCELLED);
  Value r;
  cr_assert_not(future_await_result(OBJ_VAL(t), &r));
  cr_assert(vm_exc_matches(vm.e_CancelledError));
  vm_take_exc();
}

/* CPython 3.11 (catcher awaits f inside try/except CancelledError):
 * t.cancel() before the first step → the task is cancelled without running
 * its body (f not done); cancel() while it waits on f → 'caught', f
 * cancelled, the task not. */
Test(task, cancel_before_first_step) {
  run_ok(coros);
  ObjLoop *l = new_loop();
  ObjFuture *f = future_new(l, NULL);
  gc_push_root(OBJ_VAL(f));
  Value arg = OBJ_VAL(f);
  ObjTask *t = task_new(l, coroutine("catcher", 1, &arg), NONE_VAL);
  gc_push_root(OBJ_VAL(t));
  cr_assert(future_cancel(TASK_FUTURE(t), NONE_VAL));
  cr_assert(t->fut.must_cancel);
  iterate(l);
  cr_assert_eq(t->fut.state, FUT_CANCELLED, "thrown in before the body ever ran");
  cr_assert_eq(f->state, FUT_PENDING, "f was never awaited");
}

Test(task, cancel_can_be_caught) {
  run_ok(coros);
  ObjLoop *l = new_loop();
  ObjFuture *f = future_new(l, NULL);
  gc_push_root(OBJ_VAL(f));
  Value arg = OBJ_VAL(f);
  ObjTask *t = task_new(l, coroutine("catcher", 1, &arg), NONE_VAL);
  gc_push_root(OBJ_VAL(t));
  iterate(l);
  cr_assert(future_cancel(TASK_FUTURE(t), NONE_VAL));
  iterate(l);
  cr_assert_eq(t->fut.state, FUT_FINISHED, "the coroutine caught it and returned");
  cr_assert_str_eq(AS_CSTR(t->fut.result), "caught");
  cr_assert_eq(f->state, FUT_CANCELLED);
}

Test(task, run_until_complete_and_names) {
  run_ok(coros);
  ObjLoop *l = new_loop();
  Value d = FLOAT_VAL(1.0);
  Value name = OBJ_VAL(str_from_cstr("napper"));
  gc_push_root(name);
  ObjTask *a = task_new(l, coroutine("sleeper", 1, &d), name);
  gc_push_root(OBJ_VAL(a));
  Value d2 = FLOAT_VAL(3.0);
  ObjTask *b = task_new(l, coroutine("sleeper", 1, &d2), NONE_VAL);
  gc_push_root(OBJ_VAL(b));
  cr_assert_str_eq(task_name(a)->chars, "napper");
  cr_assert_str_eq(task_name(b)->chars, "Task-2", "every task takes a number");
  double t0 = loop_time(l);
  cr_assert(loop_run_until_complete(l, TASK_FUTURE(a)));
  cr_assert_eq(a->fut.state, FUT_FINISHED);
  cr_assert_eq(b->fut.state, FUT_PENDING);
  cr_assert_float_eq(loop_time(l), t0 + 1.0, 0);
  cr_assert_not(l->running);
  cr_assert(IS_NONE(vm.running_loop));
  cr_assert(loop_run_until_complete(l, TASK_FUTURE(b)));
  cr_assert_float_eq(loop_time(l), t0 + 3.0, 0);
}

Test(task, deadlock_is_reported_not_hung) {
  run_ok(coros);
  ObjLoop *l = new_loop();
  ObjFuture *f = future_new(l, NULL);
  gc_push_root(OBJ_VAL(f));
  Value arg = OBJ_VAL(f);
  ObjTask *t = task_new(l, coroutine("wait_on", 1, &arg), NONE_VAL);
  gc_push_root(OBJ_VAL(t));
  fflush(stderr);
  FILE *tmp = tmpfile();
  int saved = dup(STDERR_FILENO);
  dup2(fileno(tmp), STDERR_FILENO);
  bool ok = loop_run_until_complete(l, TASK_FUTURE(t));
  fflush(stderr);
  dup2(saved, STDERR_FILENO);
  close(saved);
  char buf[2048] = {0};
  long n = ftell(tmp);
  rewind(tmp);
  size_t got = fread(buf, 1, n < 2047 ? (size_t)n : 2047, tmp);
  buf[got] = '\0';
  fclose(tmp);
  cr_assert_not(ok);
  cr_assert(vm_exc_matches(vm.e_SystemExit));
  vm_take_exc();
  cr_assert(strstr(buf, "asy: deadlock") != NULL, "stderr: %s", buf);
  cr_assert(strstr(buf, "Task 'Task-1' (wait_on())") != NULL, "stderr: %s", buf);
}

/* ------------------------------------------------------------ events */

static LoopEventKind events[256];
static int nevents;

static void record_event(const LoopEvent *ev) {
  if (nevents < 256) events[nevents++] = ev->kind;
}

Test(task, observation_events) {
  run_ok(coros);
  ObjLoop *l = new_loop();
  loop_event_hook = record_event;
  nevents = 0;
  Value arg = INT_VAL(1);
  ObjTask *t = task_new(l, coroutine("ret", 1, &arg), NONE_VAL);
  gc_push_root(OBJ_VAL(t));
  iterate(l);
  loop_event_hook = NULL;
  const LoopEventKind expect[] = {LOOP_EV_TASK_CREATED, LOOP_EV_TASK_READY, LOOP_EV_ITERATION,
                                  LOOP_EV_STEP_BEGIN,   LOOP_EV_TASK_DONE,  LOOP_EV_STEP_END};
  cr_assert_eq(nevents, 6, "%d events", nevents);
  for (int i = 0; i < 6; i++) cr_assert_eq(events[i], expect[i], "event %d is %d", i, events[i]);
}

/* ------------------------------------------------------------ from asy */

/* CPython 3.11 prints the same for this program (create_task runs nothing
 * until the creator suspends; sleep(0) goes to the back of the queue). */
Test(task, interleaving_from_asy_code) {
  fflush(stdout);
  FILE *tmp = tmpfile();
  int saved = dup(STDOUT_FILENO);
  dup2(fileno(tmp), STDOUT_FILENO);
  const char *src = "import asyncio\n"
                    "async def w(name, n):\n"
                    "    for i in range(n):\n"
                    "        print(name, i)\n"
                    "        await asyncio.sleep(0)\n"
                    "    return name\n"
                    "async def main():\n"
                    "    a = asyncio.create_task(w('a', 2))\n"
                    "    b = asyncio.create_task(w('b', 3))\n"
                    "    print('created')\n"
                    "    r = await asyncio.gather(a, b, w('c', 1))\n"
                    "    print(r)\n"
                    "asyncio.run(main())\n";
  bool ok = vm_run_source(src, strlen(src), "<test>", NULL);
  fflush(stdout);
  dup2(saved, STDOUT_FILENO);
  close(saved);
  char buf[512] = {0};
  long n = ftell(tmp);
  rewind(tmp);
  size_t got = fread(buf, 1, n < 511 ? (size_t)n : 511, tmp);
  buf[got] = '\0';
  fclose(tmp);
  cr_assert(ok);
  cr_assert_str_eq(buf, "created\na 0\nb 0\nc 0\na 1\nb 1\nb 2\n['a', 'b', 'c']\n");
}

// BUG: asyncio's exception classes live in module "asyncio" in asy, so
// tracebacks end in "asyncio.CancelledError: stop it" where CPython 3.11
// prints "asyncio.exceptions.CancelledError: stop it" (likewise
// InvalidStateError; asyncio.QueueEmpty is in asyncio.queues). Repro:
//   import asyncio
//   print(asyncio.CancelledError.__module__, asyncio.InvalidStateError.__module__,
//         asyncio.QueueEmpty.__module__)
// CPython: "asyncio.exceptions asyncio.exceptions asyncio.queues"; asy:
// "asyncio asyncio asyncio".
Test(future, exception_classes_module_names) {
  ObjLoop *l = new_loop();
  ObjFuture *f = future_new(l, NULL);
  gc_push_root(OBJ_VAL(f));
  Value msg = OBJ_VAL(str_from_cstr("stop it"));
  gc_push_root(msg);
  cr_assert(future_cancel(f, msg));
  Value r;
  cr_assert_not(future_await_result(OBJ_VAL(f), &r));
  cr_assert_str_eq(exc_line(vm_take_exc()), "asyncio.exceptions.CancelledError: stop it");
}
