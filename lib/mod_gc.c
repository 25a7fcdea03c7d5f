/* mod_gc.c — the gc module: collect() runs asy's collector now, so a class
 * can watch finalization happen (never-awaited warnings, unretrieved task
 * exceptions) at a line of its choosing. */
#include "../vm/loop.h"
#include "lib.h"

static size_t count_objects(void) {
  size_t n = 0;
  for (Obj *o = vm.objects; o; o = o->next) n++;
  return n;
}

/* gc.collect(generation=2): asy has one generation; the result is the
 * number of objects freed (CPython counts the unreachable ones it found). */
static Value gc_m_collect(int argc, Value *argv, ObjTuple *kw) {
  static const char *const params[] = {"generation"};
  Value a[1];
  if (!lib_bind("collect", argc, argv, kw, 1, params, 1, 0, a)) return UNDEF_VAL;
  if (!IS_UNDEF(a[0])) {
    if (!IS_INT(a[0]))
      return vm_raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
                      vm_type_name(a[0]));
    if (AS_INT(a[0]) < 0 || AS_INT(a[0]) > 2)
      return vm_raise(vm.e_ValueError, "invalid generation");
  }
  size_t before = count_objects();
  gc_collect();
  size_t after = count_objects();
  /* As CPython's finalizers do, report dead futures before returning. */
  loop_report_unretrieved();
  if (!IS_UNDEF(vm.exc)) return UNDEF_VAL;
  return INT_VAL(before > after ? (int64_t)(before - after) : 0);
}

/* gc.disable(): no collection when the heap grows (one still runs when
 * memory runs out, and gc.collect() still works); memory then only grows. */
static Value gc_m_disable(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_no_kwargs("disable", kw) || !vm_check_args("disable", argc, 0, 0)) return UNDEF_VAL;
  vm.gc_auto_off = true;
  return NONE_VAL;
}

static Value gc_m_enable(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_no_kwargs("enable", kw) || !vm_check_args("enable", argc, 0, 0)) return UNDEF_VAL;
  vm.gc_auto_off = false;
  return NONE_VAL;
}

static Value gc_m_isenabled(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_no_kwargs("isenabled", kw) || !vm_check_args("isenabled", argc, 0, 0)) return UNDEF_VAL;
  return BOOL_VAL(!vm.gc_auto_off);
}

static bool gc_module_init(ObjModule *m) {
  vm_def_native(m->dict, "collect", gc_m_collect);
  vm_def_native(m->dict, "disable", gc_m_disable);
  vm_def_native(m->dict, "enable", gc_m_enable);
  vm_def_native(m->dict, "isenabled", gc_m_isenabled);
  return true;
}

void lib_gc_init(void) {
  vm_register_module("gc", gc_module_init);
}
