/* loop.h — the event loop, futures and tasks (DESIGN §2–§3).
 *
 * Invariants:
 * - Three structures, as the asyncio docs describe them: `ready`, a FIFO
 *   ring of things to run now; `timers`, a binary min-heap keyed by
 *   (deadline, sequence number), so equal deadlines fire in scheduling
 *   order; and the selector, the file descriptors being watched.
 * - One iteration (loop_run_once) follows CPython's BaseEventLoop._run_once:
 *   compute the timeout (0 if anything is ready), poll, move every due timer
 *   to the back of `ready` in heap order, then run exactly the entries that
 *   were in `ready` when running began; what they schedule waits one turn.
 * - Completing a future schedules each done-callback (in registration
 *   order) as a separate ready entry; a task waiting on it is one of them,
 *   so a woken task runs one iteration after the future completed.
 * - A task step resumes its coroutine once (vm_resume) and reacts to how it
 *   stopped exactly as Task.__step does. Internal entries (task steps,
 *   wake-ups, sleep timers) need no allocation; only call_soon/call_later
 *   make Handle objects, because those are returned to the caller.
 * - asyncio.sleep(d) is a small native awaitable: its timer wakes the task
 *   through the same two hops CPython's future + call_later take.
 * - Everything the loop holds is marked by loop_mark_object; nothing in a
 *   queue is ever freed while queued.
 */
#ifndef ASY_LOOP_H
#define ASY_LOOP_H

#include "vm.h"

/* Kinds of OBJ_FUTURE objects (obj.aux). */
enum { FUTK_FUTURE, FUTK_TASK, FUTK_SLEEP };
typedef enum { FUT_PENDING, FUT_CANCELLED, FUT_FINISHED } FutState;

typedef struct {
  Value fn;
  uint8_t wakeup; /* 1: wake the task `fn`; 0: call fn(future) */
} FutCallback;

typedef struct ObjLoop ObjLoop;

/* The fields every OBJ_FUTURE object starts with, sleeps included, so code
 * that only looks at the state and result may treat any of them alike. */
#define FUTURE_HEAD                                                                                \
  Obj obj;             /* obj.aux: FUTK_* */                                                       \
  uint8_t state;       /* FutState */                                                              \
  bool log_tb;         /* exception set and not yet retrieved */                                   \
  bool blocking;       /* _asyncio_future_blocking */                                              \
  bool has_exc;        /* result is the exception it finished with */                              \
  bool cb0_wakeup;     /* the first callback wakes the task cb0 (else calls it) */                 \
  bool started;        /* sleeps: awaited at least once */                                         \
  bool must_cancel;    /* tasks: cancel() came while no step could see it */                       \
  bool step_scheduled; /* tasks: a step is queued in `ready` */                                    \
  uint32_t ncb;        /* callbacks: cb0, then more[0 .. ncb-2] */                                 \
  union {                                                                                          \
    int32_t origin_line;    /* futures and sleeps: the line of origin_code they were made at */    \
    int32_t registry_index; /* tasks (no origin): slot in loop->tasks, -1 when done */             \
  };                                                                                               \
  Value result /* result or exception; the cancel message once cancelled or while one is pending   \
                */

/* What futures and tasks share (a task has no origin: it has a coroutine). */
#define FUTURE_FIELDS                                                                              \
  FUTURE_HEAD;                                                                                     \
  ObjClass *cls;                                                                                   \
  ObjLoop *loop;                                                                                   \
  Value cb0;                                                                                       \
  FutCallback *more;                                                                               \
  ObjDict *dict /* attributes set by asy code (subclasses, user attrs) */

/* Memory per object matters (a million suspended tasks): the first
 * callback lives inline (a task usually has one waiter), the rest in
 * `more`, whose capacity is the power of two at or above ncb - 1. */
typedef struct ObjFuture {
  FUTURE_FIELDS;
  ObjCode *origin_code; /* where it was created (deadlock reports, trace) */
} ObjFuture;

/* fut has ObjFuture's layout up to `dict`: pass a task to the future
 * functions as (ObjFuture *)t, never touching origin_code. */
/* 128 bytes (a million suspended tasks): the task's flags and registry
 * slot live in FUTURE_HEAD's spare bytes (fut.must_cancel,
 * fut.step_scheduled, fut.registry_index), the coroutine as a bare pointer
 * (always an object: read it as a Value with task_coro). */
typedef struct ObjTask {
  struct {
    FUTURE_FIELDS;
  } fut;
  Obj *coro;       /* the coroutine (or the wrapper coroutine of an awaitable) */
  Obj *waiter;     /* the future/sleep it waits on, NULL if none */
  ObjString *name; /* NULL until asked for: then Task-<id> */
  uint32_t id;     /* creation order across loops (CPython's name counter) */
  int32_t num_cancels_requested;
} ObjTask;
_Static_assert(sizeof(void *) != 8 || sizeof(ObjTask) == 128, "ObjTask grew: see its comment");
static inline Value task_coro(const ObjTask *t) {
  return OBJ_VAL(t->coro);
}

/* asyncio.sleep(d): only what a sleep needs (no class, loop or callbacks). */
typedef struct {
  struct {
    FUTURE_HEAD;
  } fut;
  ObjCode *origin_code;
  double delay;
  ObjTask *task; /* the task sleeping, while waiting */
} ObjSleep;

/* A task seen as a future (for the future_* functions). */
#define TASK_FUTURE(t) ((ObjFuture *)(t))

/* The i-th callback of a future (i < ncb). */
static inline Value *future_cb_fn(ObjFuture *f, uint32_t i) {
  return i == 0 ? &f->cb0 : &f->more[i - 1].fn;
}
static inline bool future_cb_wakeup(ObjFuture *f, uint32_t i) {
  return i == 0 ? f->cb0_wakeup : f->more[i - 1].wakeup != 0;
}
/* Keep callbacks i < n for which keep(fn, wakeup, data) is true, in order. */
void future_filter_callbacks(ObjFuture *f, bool (*keep)(Value fn, bool wakeup, void *data),
                             void *data);

typedef enum {
  READY_HANDLE,     /* a: Handle: call its callback with its args; no b */
  READY_CALLBACK,   /* a: callable, b: the future it was registered on */
  READY_STEP,       /* a: task, b: exception to throw or UNDEF */
  READY_SLEEP_DONE, /* a: sleep, b: task: the sleep's timer fired */
} ReadyKind;

/* 16 bytes: every task has an entry at some point, a million at once when
 * a million tasks are created (or their timers fire) in one iteration. Both
 * operands are objects: ready_push boxes a non-object callback (a done-
 * callback may be any value) in a Handle. The kind sits in the low bits of
 * the first pointer, objects being 8-byte aligned. Read entries through
 * ready_kind/ready_a/ready_b. */
typedef struct {
  uintptr_t a_kind; /* (uintptr_t)a | kind */
  Obj *b;           /* NULL: none (UNDEF) */
} ReadyItem;
static inline ReadyKind ready_kind(const ReadyItem *r) {
  return (ReadyKind)(r->a_kind & 7u);
}
static inline Value ready_a(const ReadyItem *r) {
  return OBJ_VAL((Obj *)(r->a_kind & ~(uintptr_t)7u));
}
static inline Value ready_b(const ReadyItem *r) {
  return r->b ? OBJ_VAL(r->b) : UNDEF_VAL;
}

typedef struct {
  double when;
  uint64_t seq;
  Obj *obj; /* TimerHandle or ObjSleep */
} TimerItem;

typedef struct {
  int fd;
  bool write;
  Value callback; /* called with no arguments when the fd is ready */
} Watch;

typedef struct ObjHandle {
  Obj obj; /* obj.flags: 1 for a TimerHandle */
  Value callback;
  ObjTuple *args;
  ObjLoop *loop;
  bool cancelled;
  bool scheduled; /* TimerHandle: still in the heap */
  double when;
} ObjHandle;

struct ObjLoop {
  Obj obj;
  ReadyItem *ready;
  uint32_t rhead, rcount, rcap;
  TimerItem *timers;
  uint32_t ntimers, captimers;
  uint32_t ncancelled_timers;
  uint64_t timer_seq;
  Watch *watches;
  uint32_t nwatches, capwatches;
  ObjTask **tasks; /* pending tasks (all_tasks) */
  uint32_t ntasks, captasks;
  bool running, closed, stopping, debug;
  Value exception_handler;
  ObjDict *dict;
  ObjList *asyncgens; /* async generators first iterated while this loop ran */
  uint64_t iteration;
  int wake_fds[2]; /* self-pipe for call_soon_threadsafe, -1 until needed */
};

/* Classes (set when asyncio is imported). */
extern ObjClass *loop_class_future, *loop_class_task, *loop_class_loop, *loop_class_handle,
    *loop_class_timer_handle, *loop_class_sleep;

/* A new, not running, event loop. */
ObjLoop *loop_new(void);
/* The loop's clock (real or virtual). */
double loop_time(ObjLoop *loop);
/* Schedule a callable with args in the ready queue; returns its Handle. */
ObjHandle *loop_call_soon(ObjLoop *loop, Value callback, ObjTuple *args);
/* Schedule a callable at an absolute loop time; returns its TimerHandle. */
ObjHandle *loop_call_at(ObjLoop *loop, double when, Value callback, ObjTuple *args);
/* Cancel a Handle or TimerHandle. */
void loop_handle_cancel(ObjHandle *h);
/* Run one iteration; false with an exception pending (KeyboardInterrupt...). */
bool loop_run_once(ObjLoop *loop);
/* Report each queued dead future whose exception nobody retrieved, as
 * CPython's Future.__del__ does ("Task exception was never retrieved"). */
void loop_report_unretrieved(void);
/* At exit: report every future still holding an unretrieved exception. */
void loop_report_unretrieved_at_exit(void);
/* Run exactly one entry of the ready queue (the REPL's :step); false with
 * an exception pending; *ran is false when nothing was ready. */
bool loop_run_one(ObjLoop *loop, bool *ran);
/* Run until fut is done (or the loop is stopped / nothing can happen). */
bool loop_run_until_complete(ObjLoop *loop, ObjFuture *fut);
/* Run until stop() is called. */
bool loop_run_forever(ObjLoop *loop);
/* Watch fd (for reading, or writing): call callback each time it is ready. */
void loop_add_watch(ObjLoop *loop, int fd, bool write, Value callback);
/* Stop watching fd; false if it was not watched. */
bool loop_remove_watch(ObjLoop *loop, int fd, bool write);
/* Whether anything could still happen: ready entries, timers or watches. */
bool loop_has_work(ObjLoop *loop);

/* Remember an async generator iterated under the running loop, so
 * shutdown_asyncgens() can close it (CPython's sys.set_asyncgen_hooks). */
void loop_register_asyncgen(ObjGen *g);
/* The registered async generators of a loop not yet closed, as a list. */
ObjList *loop_asyncgens(ObjLoop *loop);

/* A new pending future on loop. */
ObjFuture *future_new(ObjLoop *loop, ObjClass *cls);
/* set_result / set_exception / cancel; false with InvalidStateError pending. */
bool future_set_result(ObjFuture *f, Value v);
bool future_set_exception(ObjFuture *f, Value exc);
/* Cancel a future (or a task); false if already done. */
bool future_cancel(ObjFuture *f, Value msg);
/* Register a done-callback (scheduled at once if the future is done). */
void future_add_callback(ObjFuture *f, Value fn, bool wakeup);
/* The CancelledError a cancelled future raises. */
Value future_cancelled_error(ObjFuture *f);
/* Whether v is a pending future/task/sleep. */
bool future_is_pending(Value fut);
/* The value `await fut` gives when fut is done; false with its exception pending. */
bool future_await_result(Value fut, Value *result);

/* A new task running coro on loop, its first step scheduled. */
ObjTask *task_new(ObjLoop *loop, Value coro, Value name);
/* Run one step of a task (Task.__step). */
bool task_step(ObjTask *t, Value exc);
/* The task's name (a str). */
ObjString *task_name(ObjTask *t);
/* The source line the task is suspended at (0 if unknown), and its code. */
int task_suspended_line(ObjTask *t, ObjCode **code);
/* A new sleep awaitable (asyncio.sleep(delay, result)). */
ObjSleep *sleep_new(double delay, Value result);

/* Observation hooks (trace, timeline); NULL when off. Every event names the
 * loop time; strings point into the event's objects. */
typedef enum {
  LOOP_EV_TASK_CREATED, /* task */
  LOOP_EV_STEP_BEGIN,   /* task */
  LOOP_EV_STEP_END,     /* task; obj: what it now waits on (future/sleep) or NULL */
  LOOP_EV_TASK_DONE,    /* task: result/exception/cancelled */
  LOOP_EV_TIMER_ADDED,  /* obj: TimerHandle or sleep; when */
  LOOP_EV_TIMER_FIRED,  /* obj */
  LOOP_EV_CALLBACK,     /* obj: the callable about to run */
  LOOP_EV_ITERATION,    /* loop: start of an iteration (ready queue shown) */
  LOOP_EV_IDLE,         /* loop: waiting `when` seconds on the selector */
  LOOP_EV_CANCEL,       /* task: cancel() called on it; obj: the canceller task or NULL */
  LOOP_EV_BLOCKED,      /* task: its step took `when` seconds (debug) */
  LOOP_EV_TASK_READY,   /* task: its next step was queued in `ready` */
  LOOP_EV_WAKE,         /* task: woken because obj (a future or task) completed; cause:
                           the future whose done-callback completed obj, if any */
  LOOP_EV_DEADLOCK,     /* loop: nothing can wake any task; obj: the future run_until_complete
                           waited for, or NULL. The report (loop_report_deadlock) follows. */
} LoopEventKind;

typedef struct {
  LoopEventKind kind;
  ObjLoop *loop;
  ObjTask *task;
  Obj *obj;
  double when;
  double now;
  /* Set while a done-callback runs (READY_CALLBACK): the future it was
   * registered on. asyncio.wait, wait_for, as_completed and TaskGroup wake
   * their waiter from such a callback, so this names the task whose end
   * was the real cause of the wake. NULL otherwise. */
  Obj *cause;
} LoopEvent;

extern void (*loop_event_hook)(const LoopEvent *ev);
/* Used instead, when loop_event_hook is NULL, for the events of loops in
 * debug mode only (asyncio.run(debug=True) checks without tracing). */
extern void (*loop_debug_hook)(const LoopEvent *ev);

/* Scheduling policy (--sched). */
typedef enum { SCHED_FIFO, SCHED_EAGER, SCHED_SHUFFLE } SchedMode;
void loop_set_sched(SchedMode mode, uint64_t seed);
SchedMode loop_get_sched(void);

#endif
