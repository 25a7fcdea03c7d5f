/* clock.c — real and virtual time. */
#include "clock.h"

#include <errno.h>
#include <time.h>

static bool virtual_mode;
static double virtual_now = 1000.0; /* arbitrary but fixed: reproducible runs */
/* Virtual wall time starts at a fixed date so printed timestamps repeat too. */
static const double virtual_epoch = 1767225600.0; /* 2026-01-01 00:00:00 UTC */

void clock_set_virtual(bool on) {
  virtual_mode = on;
}

bool clock_is_virtual(void) {
  return virtual_mode;
}

static double read_clock(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double clock_now(void) {
  return virtual_mode ? virtual_now : read_clock(CLOCK_MONOTONIC);
}

double clock_wall(void) {
  return virtual_mode ? virtual_epoch + (virtual_now - 1000.0) : read_clock(CLOCK_REALTIME);
}

void clock_advance_to(double t) {
  if (t > virtual_now) virtual_now = t;
}

bool clock_sleep(double s) {
  if (!(s > 0)) return true;
  if (virtual_mode) {
    virtual_now += s;
    return true;
  }
  struct timespec ts;
  ts.tv_sec = (time_t)s;
  ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
  if (ts.tv_nsec >= 1000000000L) ts.tv_nsec = 999999999L;
  while (nanosleep(&ts, &ts) != 0) {
    if (errno != EINTR) return true;
    return false;
  }
  return true;
}
