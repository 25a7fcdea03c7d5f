/* mod_time.c — the time module, on asy's clock (real or virtual). */
#include "../vm/clock.h"
#include "../vm/executor.h"
#include "lib.h"

static bool to_seconds(Value v, double *out) {
  if (IS_INTLIKE(v)) {
    *out = (double)AS_INTLIKE(v);
    return true;
  }
  if (IS_FLOAT(v)) {
    *out = AS_FLOAT(v);
    return true;
  }
  vm_raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer", vm_type_name(v));
  return false;
}

static Value time_time(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_no_kwargs("time", kw) || !vm_check_args("time", argc, 0, 0)) return UNDEF_VAL;
  return FLOAT_VAL(clock_wall());
}

static Value time_monotonic(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_no_kwargs("monotonic", kw) || !vm_check_args("monotonic", argc, 0, 0)) return UNDEF_VAL;
  return FLOAT_VAL(clock_now());
}

static Value time_ns(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_check_args("time_ns", argc, 0, 0)) return UNDEF_VAL;
  return INT_VAL((int64_t)(clock_wall() * 1e9));
}

static Value time_monotonic_ns(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_check_args("monotonic_ns", argc, 0, 0)) return UNDEF_VAL;
  return INT_VAL((int64_t)(clock_now() * 1e9));
}

/* time.sleep blocks the whole program, event loop included: that is the
 * point of the classroom demo. Debug mode reports it (lib/mod_asyncio.c). */
static Value time_sleep(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_no_kwargs("sleep", kw) || !vm_check_args("sleep", argc, 1, 1)) return UNDEF_VAL;
  double s;
  if (!to_seconds(argv[0], &s)) return UNDEF_VAL;
  if (s < 0) return vm_raise(vm.e_ValueError, "sleep length must be non-negative");
  /* In an executor worker, sleeping lets the event loop run on, as a
   * sleeping thread does. */
  if (executor_on_worker()) return executor_sleep(s) ? NONE_VAL : UNDEF_VAL;
  if (!clock_sleep(s) && vm.interrupted) {
    vm.interrupted = 0;
    return vm_raise(vm.e_KeyboardInterrupt, "%s", "");
  }
  return NONE_VAL;
}

static bool time_module_init(ObjModule *m) {
  ObjDict *d = m->dict;
  vm_def_native(d, "time", time_time);
  vm_def_native(d, "monotonic", time_monotonic);
  vm_def_native(d, "perf_counter", time_monotonic);
  vm_def_native(d, "process_time", time_monotonic);
  vm_def_native(d, "time_ns", time_ns);
  vm_def_native(d, "monotonic_ns", time_monotonic_ns);
  vm_def_native(d, "perf_counter_ns", time_monotonic_ns);
  vm_def_native(d, "sleep", time_sleep);
  return true;
}

void lib_time_init(void) {
  vm_register_module("time", time_module_init);
}
