/* executor.c — run_in_executor workers as fibers beside the event loop. */
#include "executor.h"

#include <sys/mman.h>
#include <ucontext.h>

#include "clock.h"

#if defined(__SANITIZE_ADDRESS__)
#define ASY_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ASY_ASAN 1
#endif
#endif
#ifndef ASY_ASAN
#define ASY_ASAN 0
#endif

#if ASY_ASAN
void __sanitizer_start_switch_fiber(void **fake_stack_save, const void *bottom, size_t size);
void __sanitizer_finish_switch_fiber(void *fake_stack_save, const void **bottom_old,
                                     size_t *size_old);
#endif

#define WORKER_STACK (1u << 20)

typedef struct Worker {
  struct Worker *next;
  ucontext_t ctx;
  void *stack;
  ObjLoop *loop;
  Value fn;
  ObjTuple *args;
  ObjFuture *fut;
  bool finished;
  /* VM state while the worker is switched out */
  Frame *frame;
  int c_depth;
  GcRootSave roots;
  size_t root_base;
  int range_base;
} Worker;

typedef struct IdleWaiter {
  struct IdleWaiter *next;
  ObjLoop *loop;
  ObjFuture *fut;
} IdleWaiter;

static Worker *workers; /* every unfinished worker */
static Worker *running; /* the worker executing now, NULL on the loop */
static IdleWaiter *idle_waiters;
static ucontext_t loop_ctx;
static bool marker_added;
#if ASY_ASAN
static const void *loop_stack_bottom;
static size_t loop_stack_size;
#endif

static void mark_workers(void *ctx) {
  (void)ctx;
  for (Worker *w = workers; w; w = w->next) {
    gc_mark_obj((Obj *)w->loop);
    gc_mark_value(w->fn);
    gc_mark_obj((Obj *)w->args);
    gc_mark_obj((Obj *)w->fut);
    if (w != running) {
      for (Frame *f = w->frame; f; f = f->parent) vm_mark_frame(f);
      gc_mark_saved_roots(&w->roots);
    }
  }
  for (IdleWaiter *i = idle_waiters; i; i = i->next) {
    gc_mark_obj((Obj *)i->loop);
    gc_mark_obj((Obj *)i->fut);
  }
}

bool executor_on_worker(void) {
  return running != NULL;
}

int executor_pending(ObjLoop *loop) {
  int n = 0;
  for (Worker *w = workers; w; w = w->next) n += w->loop == loop && !w->finished;
  return n;
}

/* ------------------------------------------------------------ switching */

static void switch_to_loop(Worker *w) {
  w->frame = vm.frame;
  w->c_depth = vm.c_depth;
  gc_save_roots(w->root_base, w->range_base, &w->roots);
#if ASY_ASAN
  void *fake = NULL;
  __sanitizer_start_switch_fiber(w->finished ? NULL : &fake, loop_stack_bottom, loop_stack_size);
  swapcontext(&w->ctx, &loop_ctx);
  __sanitizer_finish_switch_fiber(fake, NULL, NULL);
#else
  swapcontext(&w->ctx, &loop_ctx);
#endif
}

static void free_worker(Worker *w) {
  for (Worker **p = &workers; *p; p = &(*p)->next) {
    if (*p == w) {
      *p = w->next;
      break;
    }
  }
  gc_free_saved_roots(&w->roots);
  munmap(w->stack, WORKER_STACK);
  free(w);
}

static void switch_to_worker(Worker *w) {
  Frame *saved_frame = vm.frame;
  int saved_depth = vm.c_depth;
  Value saved_task = vm.current_task;
  w->root_base = gc_root_depth();
  w->range_base = gc_range_depth();
  gc_restore_roots(&w->roots);
  vm.frame = w->frame;
  vm.c_depth = w->c_depth;
  vm.current_task = NONE_VAL;
  running = w;
#if ASY_ASAN
  void *fake = NULL;
  __sanitizer_start_switch_fiber(&fake, w->stack, WORKER_STACK);
  swapcontext(&loop_ctx, &w->ctx);
  __sanitizer_finish_switch_fiber(fake, &loop_stack_bottom, &loop_stack_size);
#else
  swapcontext(&loop_ctx, &w->ctx);
#endif
  running = NULL;
  vm.frame = saved_frame;
  vm.c_depth = saved_depth;
  vm.current_task = saved_task;
  if (w->finished) free_worker(w);
}

/* ------------------------------------------------------------ callbacks */

static Worker *worker_of_native(void) {
  ObjNative *n = vm.calling_native;
  return n && IS_INT(n->data) ? (Worker *)(intptr_t)AS_INT(n->data) : NULL;
}

static Value resume_native(int argc, Value *argv, ObjTuple *kw) {
  (void)argc, (void)argv, (void)kw;
  Worker *w = worker_of_native();
  if (w && !w->finished) switch_to_worker(w);
  return NONE_VAL;
}

/* The result crosses to the loop as CPython's _copy_future_state does. */
static Value complete_native(int argc, Value *argv, ObjTuple *kw) {
  (void)kw;
  if (argc != 3) return NONE_VAL;
  ObjFuture *f = (ObjFuture *)AS_OBJ(argv[0]);
  if (f->state != FUT_PENDING) return NONE_VAL;
  if (!IS_NONE(argv[2])) {
    if (!future_set_exception(f, argv[2])) vm.exc = UNDEF_VAL;
  } else {
    future_set_result(f, argv[1]);
  }
  return NONE_VAL;
}

static Value resume_callable(Worker *w) {
  ObjNative *n = native_new("_resume_worker", resume_native);
  n->data = INT_VAL((int64_t)(intptr_t)w);
  return OBJ_VAL(n);
}

static void wake_idle_waiters(ObjLoop *loop) {
  if (executor_pending(loop) > 0) return;
  IdleWaiter **p = &idle_waiters;
  while (*p) {
    IdleWaiter *i = *p;
    if (i->loop == loop) {
      *p = i->next;
      if (i->fut->state == FUT_PENDING) future_set_result(i->fut, NONE_VAL);
      free(i);
    } else {
      p = &i->next;
    }
  }
}

/* ------------------------------------------------------------ the worker */

static void worker_main(void) {
  Worker *w = running;
#if ASY_ASAN
  __sanitizer_finish_switch_fiber(NULL, &loop_stack_bottom, &loop_stack_size);
#endif
  Value r = vm_call(w->fn, (int)w->args->len, w->args->items);
  Value exc = NONE_VAL;
  if (IS_UNDEF(r)) {
    exc = vm_take_exc();
    r = NONE_VAL;
  }
  Value parts[3] = {OBJ_VAL(w->fut), r, exc};
  gc_push_range(parts, 3);
  ObjTuple *args = tuple_new(3, parts);
  gc_push_root(OBJ_VAL(args));
  ObjNative *done = native_new("_complete_future", complete_native);
  gc_push_root(OBJ_VAL(done));
  loop_call_soon(w->loop, OBJ_VAL(done), args);
  gc_pop_roots(2);
  gc_pop_range();
  w->finished = true;
  wake_idle_waiters(w->loop);
  switch_to_loop(w);
  asy_fatal("a finished executor worker was resumed");
}

Value executor_submit(ObjLoop *loop, Value fn, ObjTuple *args) {
  if (!marker_added) {
    gc_add_marker(mark_workers, NULL);
    marker_added = true;
  }
  Worker *w = calloc(1, sizeof(Worker));
  if (!w) return vm_raise(vm.e_MemoryError, "%s", "");
  w->stack = mmap(NULL, WORKER_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (w->stack == MAP_FAILED) {
    free(w);
    return vm_raise(vm.e_RuntimeError, "can't start new thread");
  }
  getcontext(&w->ctx);
  w->ctx.uc_stack.ss_sp = w->stack;
  w->ctx.uc_stack.ss_size = WORKER_STACK;
  w->ctx.uc_link = NULL;
  makecontext(&w->ctx, worker_main, 0);
  w->loop = loop;
  w->fn = fn;
  w->args = args;
  w->next = workers;
  workers = w; /* from here on the GC marks its fn, args and future */
  w->fut = future_new(loop, loop_class_future);
  /* A thread pool thread starts at once; the worker starts on the loop's
   * next turn, which is as soon as the loop can run anything. */
  Value resume = resume_callable(w);
  gc_push_root(resume);
  loop_call_soon(loop, resume, NULL);
  gc_pop_roots(1);
  return OBJ_VAL(w->fut);
}

bool executor_sleep(double s) {
  Worker *w = running;
  Value resume = resume_callable(w);
  gc_push_root(resume);
  loop_call_at(w->loop, clock_now() + (s > 0 ? s : 0), resume, NULL);
  gc_pop_roots(1);
  switch_to_loop(w);
  if (vm.interrupted) {
    vm.interrupted = 0;
    vm_raise(vm.e_KeyboardInterrupt, "%s", "");
    return false;
  }
  return true;
}

Value executor_idle_future(ObjLoop *loop);
Value executor_idle_future(ObjLoop *loop) {
  if (!marker_added) {
    gc_add_marker(mark_workers, NULL);
    marker_added = true;
  }
  ObjFuture *f = future_new(loop, loop_class_future);
  if (executor_pending(loop) == 0) {
    future_set_result(f, NONE_VAL);
    return OBJ_VAL(f);
  }
  IdleWaiter *i = malloc(sizeof *i);
  if (!i) return vm_raise(vm.e_MemoryError, "%s", "");
  *i = (IdleWaiter){idle_waiters, loop, f};
  idle_waiters = i;
  return OBJ_VAL(f);
}
