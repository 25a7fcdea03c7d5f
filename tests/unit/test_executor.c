/* Unit tests for vm/executor.c: run_in_executor / to_thread workers run as
 * fibers beside the loop; a worker blocked in time.sleep() parks on the
 * timer heap and lets the loop (and other tasks) run, under the virtual
 * clock exactly as threads do in CPython.
 *
 * The interleavings asserted were printed by CPython 3.11 (real threads,
 * real time, stamps rounded to 0.1 s, every stamp distinct so the order
 * does not depend on thread scheduling). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "vm/clock.h"
#include "vm/executor.h"
#include "vm/gc.h"
#include "vm/loop.h"
#include "vm/vm.h"

static void setup(void) {
  clock_set_virtual(true);
  vm_init(0, NULL);
}
static void teardown(void) {
  vm_free();
}

TestSuite(executor, .init = setup, .fini = teardown, .timeout = 60);

/* ------------------------------------------------------------ helpers */

static char *run_capture(const char *src, bool *ok) {
  fflush(stdout);
  FILE *tmp = tmpfile();
  cr_assert_not_null(tmp);
  int saved = dup(STDOUT_FILENO);
  dup2(fileno(tmp), STDOUT_FILENO);
  *ok = vm_run_source(src, strlen(src), "<test>", NULL);
  fflush(stdout);
  dup2(saved, STDOUT_FILENO);
  close(saved);
  long n = ftell(tmp);
  char *buf = calloc(1, (size_t)n + 1);
  rewind(tmp);
  size_t got = fread(buf, 1, (size_t)n, tmp);
  buf[got] = '\0';
  fclose(tmp);
  return buf;
}

static void expect_output(const char *src, const char *expected) {
  bool ok;
  char *out = run_capture(src, &ok);
  if (!ok) {
    ObjString *line = vm_exception_line(vm_take_exc());
    cr_assert(ok, "asy raised %s\nafter printing:\n%s", line->chars, out);
  }
  cr_assert_str_eq(out, expected);
  free(out);
}

static Value global(const char *name) {
  Value v = UNDEF_VAL;
  cr_assert(dict_get_str(vm.main_module->dict, str_intern_cstr(name), &v), "no global %s", name);
  return v;
}

static Value native_collect(int argc, Value *argv, ObjTuple *kw) {
  (void)argc, (void)argv, (void)kw;
  gc_collect();
  return NONE_VAL;
}

static int on_worker_calls, on_worker_true;

static Value native_on_worker(int argc, Value *argv, ObjTuple *kw) {
  (void)argc, (void)argv, (void)kw;
  on_worker_calls++;
  on_worker_true += executor_on_worker();
  return BOOL_VAL(executor_on_worker());
}

/* ------------------------------------------------------------ tests */

/* The program of the header comment; CPython 3.11 prints exactly this. */
static const char *interleave_src =
    "import asyncio\n"
    "import time\n"
    "log = []\n"
    "t0 = time.monotonic()\n"
    "def stamp():\n"
    "    return round(time.monotonic() - t0, 1)\n"
    "def blocking(name, n, d, verbose):\n"
    "    for i in range(n):\n"
    "        if verbose:\n"
    "            log.append(f'{name} {i} at {stamp()}')\n"
    "        time.sleep(d)\n"
    "    log.append(f'{name} done at {stamp()}')\n"
    "    return name.upper()\n"
    "async def ticker():\n"
    "    for i in range(5):\n"
    "        log.append(f'tick {i} at {stamp()}')\n"
    "        await asyncio.sleep(0.3)\n"
    "async def main():\n"
    "    global t0\n"
    "    t0 = time.monotonic()\n"
    "    loop = asyncio.get_running_loop()\n"
    "    fut = loop.run_in_executor(None, blocking, 'w', 3, 1, True)\n"
    "    t = asyncio.create_task(ticker())\n"
    "    r = await fut\n"
    "    log.append(f'got {r} at {stamp()}')\n"
    "    await t\n"
    "    a, b, c = await asyncio.gather(asyncio.to_thread(blocking, 'x', 1, 1.0, False),\n"
    "                                   asyncio.to_thread(blocking, 'y', 2, 0.7, False),\n"
    "                                   loop.run_in_executor(None, blocking, 'z', 1, 1.2, "
    "False))\n"
    "    log.append(f'gathered {a} {b} {c} at {stamp()}')\n"
    "    try:\n"
    "        await loop.run_in_executor(None, int, 'zz')\n"
    "    except ValueError as e:\n"
    "        log.append(f'ValueError {e}')\n"
    "asyncio.run(main())\n"
    "for line in log:\n"
    "    print(line)\n";

Test(executor, sleeping_worker_lets_tasks_run) {
  double start = clock_now();
  expect_output(interleave_src, "w 0 at 0.0\n"
                                "tick 0 at 0.0\n"
                                "tick 1 at 0.3\n"
                                "tick 2 at 0.6\n"
                                "tick 3 at 0.9\n"
                                "w 1 at 1.0\n"
                                "tick 4 at 1.2\n"
                                "w 2 at 2.0\n"
                                "w done at 3.0\n"
                                "got W at 3.0\n"
                                "x done at 4.0\n"
                                "z done at 4.2\n"
                                "y done at 4.4\n"
                                "gathered X Y Z at 4.4\n"
                                "ValueError invalid literal for int() with base 10: 'zz'\n");
  /* Workers sleep concurrently: 3 s, then max(1.0, 1.4, 1.2) s. */
  cr_assert_float_eq(clock_now() - start, 4.4, 1e-9);
  cr_assert_not(executor_on_worker());
}

Test(executor, submit_from_c) {
  vm_import(str_intern_cstr("asyncio"));
  vm_def_native(vm.builtins, "on_worker", native_on_worker);
  bool ok;
  char *out = run_capture("import time\n"
                          "def work(a, b):\n"
                          "    w = on_worker()\n"
                          "    time.sleep(2)\n"
                          "    return (a * b, w, on_worker())\n",
                          &ok);
  free(out);
  cr_assert(ok);
  ObjLoop *l = loop_new();
  gc_push_root(OBJ_VAL(l));
  Value args[2] = {INT_VAL(6), INT_VAL(7)};
  ObjTuple *t = tuple_new(2, args);
  gc_push_root(OBJ_VAL(t));
  double start = clock_now();
  Value fut = executor_submit(l, global("work"), t);
  cr_assert(IS_OBJ_TYPE(fut, OBJ_FUTURE));
  gc_push_root(fut);
  cr_assert_eq(executor_pending(l), 1);
  cr_assert_eq(on_worker_calls, 0, "the worker starts on the loop's next turn");
  cr_assert_eq(l->rcount, 1);
  cr_assert(loop_run_until_complete(l, (ObjFuture *)AS_OBJ(fut)));
  cr_assert_eq(executor_pending(l), 0);
  cr_assert_eq(on_worker_calls, 2);
  cr_assert_eq(on_worker_true, 2, "the function ran on a worker");
  cr_assert_not(executor_on_worker(), "back on the loop");
  Value r;
  cr_assert(future_await_result(fut, &r));
  cr_assert(IS_TUPLE(r));
  cr_assert_eq(AS_INT(AS_TUPLE(r)->items[0]), 42);
  cr_assert(AS_BOOL(AS_TUPLE(r)->items[1]));
  cr_assert_float_eq(clock_now() - start, 2.0, 1e-9, "the sleep advanced virtual time");
}

Test(executor, worker_exception_reaches_the_future) {
  vm_import(str_intern_cstr("asyncio"));
  bool ok;
  char *out = run_capture("import time\n"
                          "def fails():\n"
                          "    time.sleep(0.5)\n"
                          "    raise KeyError('gone')\n",
                          &ok);
  free(out);
  cr_assert(ok);
  ObjLoop *l = loop_new();
  gc_push_root(OBJ_VAL(l));
  Value fut = executor_submit(l, global("fails"), vm.empty_tuple);
  gc_push_root(fut);
  cr_assert(loop_run_until_complete(l, (ObjFuture *)AS_OBJ(fut)));
  ObjFuture *f = (ObjFuture *)AS_OBJ(fut);
  cr_assert(f->has_exc);
  cr_assert_str_eq(vm_exception_line(f->result)->chars, "KeyError: 'gone'");
}

/* A collection while workers are parked: their frames and C roots are
 * saved with them and must survive. CPython 3.11 prints the same (with
 * gc_collect_now a no-op). */
Test(executor, collection_while_workers_sleep) {
  vm_def_native(vm.builtins, "gc_collect_now", native_collect);
  expect_output("import asyncio\n"
                "import time\n"
                "def worker(k):\n"
                "    data = [str(k * i) for i in range(200)]\n"
                "    time.sleep(1 + k * 0.1)\n"
                "    more = {i: data[i] for i in range(0, 200, 50)}\n"
                "    time.sleep(0.5)\n"
                "    return sum(len(s) for s in data), sorted(more.values())\n"
                "async def collector():\n"
                "    for i in range(8):\n"
                "        await asyncio.sleep(0.25)\n"
                "        gc_collect_now()\n"
                "async def main():\n"
                "    loop = asyncio.get_running_loop()\n"
                "    c = asyncio.create_task(collector())\n"
                "    rs = await asyncio.gather(*[loop.run_in_executor(None, worker, k) for k in "
                "range(4)])\n"
                "    await c\n"
                "    for r in rs:\n"
                "        print(r)\n"
                "asyncio.run(main())\n",
                "(200, ['0', '0', '0', '0'])\n"
                "(490, ['0', '100', '150', '50'])\n"
                "(545, ['0', '100', '200', '300'])\n"
                "(562, ['0', '150', '300', '450'])\n");
}

/* Several workers: each sleeps a different time; the loop finishes them in
 * deadline order. CPython 3.11 prints the same (five workers: its default
 * executor has at least five threads on any machine). */
Test(executor, workers_finish_in_deadline_order) {
  double start = clock_now();
  expect_output("import asyncio\n"
                "import time\n"
                "order = []\n"
                "def nap(i):\n"
                "    time.sleep(((i * 3) % 5) * 0.2 + 0.05)\n"
                "    order.append(i)\n"
                "    return i\n"
                "async def main():\n"
                "    loop = asyncio.get_running_loop()\n"
                "    r = await asyncio.gather(*[loop.run_in_executor(None, nap, i) for i in "
                "range(5)])\n"
                "    print(r == list(range(5)), order)\n"
                "asyncio.run(main())\n",
                "True [0, 2, 4, 1, 3]\n");
  cr_assert_float_eq(clock_now() - start, 0.85, 1e-9, "they slept side by side");
}
