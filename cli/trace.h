/* trace.h — the narrator behind `--trace` and the REPL's `:trace on`: one
 * line per event-loop event on stderr, in words a student can follow, and
 * the shared vocabulary (how a task, a wait, a callback are named) that the
 * timeline and the debug warnings use too.
 *
 * Invariants:
 * - The narrator only reads VM state; it never runs asy code (values are
 *   shown through a repr that handles builtin scalars only), so tracing a
 *   program cannot change what it prints on stdout.
 * - Per-task notes are kept by task id (ObjTask.id, unique per process),
 *   never by pointer, so a collected task cannot be confused with a new one.
 * - Every line starts with the loop clock relative to the start of the
 *   program, as `[  1.250]`; stdout is flushed before each line so that the
 *   program's own output and the narration interleave in the true order.
 * - Tasks that asyncio.run() creates for its own shutdown (closing async
 *   generators and the executor) are not narrated.
 */
#ifndef ASY_TRACE_H
#define ASY_TRACE_H

#include <stdio.h>

#include "../vm/loop.h"

/* A growable text buffer (malloc'd); every trace_buf_ call keeps it
 * NUL-terminated. */
typedef struct {
  char *s;
  size_t len, cap;
} TraceBuf;

/* Append printf-style text. */
void trace_buf_printf(TraceBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Release the buffer's memory and empty it. */
void trace_buf_free(TraceBuf *b);

/* What a task waits on, grouped as the timeline colours it. */
typedef enum {
  WAIT_NONE,   /* not waiting (ready, running or done) */
  WAIT_SLEEP,  /* asyncio.sleep / a timer */
  WAIT_TASK,   /* another task, gather, TaskGroup, wait, wait_for */
  WAIT_SYNC,   /* Lock, Event, Condition, Semaphore, Queue */
  WAIT_FUTURE, /* a plain Future, I/O or anything else */
} WaitKind;

/* Turn narration on or off (the REPL's `:trace on|off`); color selects ANSI
 * colours. */
void trace_enable(bool on, bool color);
/* Set by show.c: called when narration or recording is switched on or off,
 * so that the loop hook is installed only while someone listens (an
 * installed hook costs every task switch a clock read). */
extern void (*trace_state_changed)(void);
/* Whether narration is on. */
bool trace_is_enabled(void);
/* Narrate one loop event (called by the hook in show.c). */
void trace_on_event(const LoopEvent *ev);
/* Set the moment shown as time 0 (the program's start). */
void trace_set_epoch(double t0);

/* Whether code belongs to asy's asyncio library (the .asy files of lib/asyncio). */
bool trace_is_library(const ObjCode *code);
/* The line a frame is executing (or suspended at). */
int trace_frame_line(const Frame *f);
/* The innermost frame of f's chain written by the user (walking out to
 * callers and awaiting frames), or NULL. */
Frame *trace_user_frame(Frame *f);
/* Whether a task is one asyncio.run() makes for its own shutdown. */
bool trace_task_is_internal(ObjTask *t);
/* The coroutine's call as written, with its arguments: `say_after(1, 'hi')`. */
void trace_coro_call(ObjTask *t, TraceBuf *out);
/* The coroutine's qualified name followed by "()": `say_after()`. */
const char *trace_coro_name(ObjTask *t);
/* Describe what task t waits on (obj from a STEP_END event) in plain words,
 * e.g. `sleep(1) until t=1.000` or `Lock.acquire()`; returns its kind. */
WaitKind trace_describe_wait(ObjTask *t, Obj *obj, TraceBuf *out);
/* A short, safe repr of a value: builtin scalars in full (long strings cut),
 * anything else as `<TypeName>`; never runs asy code. */
void trace_short_repr(Value v, TraceBuf *out);
/* Describe how a finished task ended: `returned 42`, `raised ValueError: x`
 * or `was cancelled`. */
void trace_describe_outcome(ObjTask *t, TraceBuf *out);

#endif
