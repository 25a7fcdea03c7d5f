/* timeline.h — `--timeline[=FILE]`: every task's state over time, recorded
 * from the loop's events and drawn at exit as a text chart (stderr), an SVG
 * picture, or a Chrome trace-event JSON file (Perfetto, chrome://tracing).
 *
 * Invariants:
 * - A task is in exactly one state at a time: ready (from TASK_READY to
 *   STEP_BEGIN), running (STEP_BEGIN to STEP_END), waiting (STEP_END to
 *   TASK_READY, with what it waits on) or done (from TASK_DONE on). Spans
 *   are closed in time order, so a task's spans never overlap and cover its
 *   whole life from creation to its end (or to the end of the program).
 * - Everything recorded is copied out of the VM (names, descriptions,
 *   times): drawing at exit needs no live object.
 * - Times are seconds relative to the epoch given to timeline_start, so a
 *   run under the virtual clock records exactly the same numbers each time.
 * - Tasks asyncio.run() makes for its own shutdown are not recorded.
 */
#ifndef ASY_TIMELINE_H
#define ASY_TIMELINE_H

#include <stdbool.h>
#include <stdio.h>

#include "../vm/loop.h"

/* Start recording (t0 is time 0 of the pictures). */
void timeline_start(double t0);
/* Whether recording is on. */
bool timeline_is_recording(void);
/* Record one loop event (called by the hook in show.c). */
void timeline_on_event(const LoopEvent *ev);
/* Close every open span at `now`, then draw: without file a text chart on
 * stderr; FILE.svg / FILE.json by extension; any other name writes both
 * FILE.svg and FILE.json. Returns false (after saying why) if a file could
 * not be written. */
bool timeline_finish(const char *file, bool color, double now);
/* Draw the text chart of what is recorded so far (the REPL's :timeline). */
void timeline_write_text(FILE *out, int width, bool color, double now);
/* Write the SVG picture; false on a write error. */
bool timeline_write_svg(FILE *out, double now);
/* Write the Chrome trace-event JSON; false on a write error. */
bool timeline_write_json(FILE *out, double now);

#endif
