/* clock.h — the one clock every part of asy reads: the event loop's time,
 * time.time(), time.monotonic(), time.perf_counter() and time.sleep().
 *
 * Invariants:
 * - In real mode, time is CLOCK_MONOTONIC (and CLOCK_REALTIME for wall
 *   time); sleeping blocks the process.
 * - In virtual mode (--clock=virtual, ASY_CLOCK=virtual) time starts at a
 *   fixed point and only moves when something sleeps or the loop jumps to
 *   its next timer: runs are instant and exactly reproducible.
 */
#ifndef ASY_CLOCK_H
#define ASY_CLOCK_H

#include <stdbool.h>

/* Switch between real and virtual time (before anything reads the clock). */
void clock_set_virtual(bool on);
/* Whether time is virtual. */
bool clock_is_virtual(void);
/* Monotonic seconds (loop.time(), time.monotonic(), time.perf_counter()). */
double clock_now(void);
/* Seconds since the epoch (time.time()). */
double clock_wall(void);
/* Block for s seconds (virtual: advance the clock). Returns false if a
 * signal (Ctrl-C) cut the sleep short. */
bool clock_sleep(double s);
/* Virtual mode: move time forward to t (never backwards). */
void clock_advance_to(double t);

#endif
