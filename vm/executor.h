/* executor.h — loop.run_in_executor / asyncio.to_thread: blocking calls
 * that run beside the event loop.
 *
 * Invariants:
 * - Each submitted call runs on its own worker: a separate C stack the
 *   loop switches to (a fiber), never an OS thread, so the VM stays
 *   single-threaded and runs stay deterministic under the virtual clock.
 * - A worker runs until its call returns or it blocks in time.sleep();
 *   sleeping parks it on the loop's timer heap, exactly as a thread
 *   sleeping in CPython lets the loop run on. CPU-bound work is not
 *   interleaved with the loop (a documented difference from threads).
 * - When the call finishes, its result reaches the asyncio future through
 *   the loop's ready queue (call_soon_threadsafe's hop), then the awaiting
 *   task wakes one hop later, as with CPython's wrap_future.
 * - While a worker is suspended, its frames, pending exception and GC
 *   roots are saved with it and marked by the collector.
 */
#ifndef ASY_EXECUTOR_H
#define ASY_EXECUTOR_H

#include "loop.h"

/* Start fn(*args) on a new worker; returns the asyncio future of its result. */
Value executor_submit(ObjLoop *loop, Value fn, ObjTuple *args);
/* Whether the code now running is on a worker (not the loop). */
bool executor_on_worker(void);
/* On a worker: suspend for s seconds, letting the loop run; false with
 * KeyboardInterrupt pending if interrupted. */
bool executor_sleep(double s);
/* Number of workers not yet finished on this loop. */
int executor_pending(ObjLoop *loop);

#endif
