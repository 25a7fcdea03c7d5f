/* lib.c — library start-up and the helpers natives share. */
#include "lib.h"

void lib_def_property(ObjClass *cls, const char *name, NativeFn getter) {
  ObjNative *n = native_new(name, getter);
  gc_push_root(OBJ_VAL(n));
  ObjWrapper *w = wrapper_new(WRAP_PROPERTY, OBJ_VAL(n));
  gc_push_root(OBJ_VAL(w));
  dict_set_str(cls->dict, str_intern_cstr(name), OBJ_VAL(w));
  gc_pop_roots(2);
}

ObjNative *lib_def_method(ObjClass *cls, const char *name, NativeFn fn) {
  ObjNative *n = vm_def_native(cls->dict, name, fn);
  n->obj.aux = NATIVE_METHOD;
  return n;
}

static int param_index(ObjString *name, int nparams, const char *const *params) {
  for (int i = 0; i < nparams; i++) {
    if (strcmp(params[i], name->chars) == 0) return i;
  }
  return -1;
}

bool lib_bind(const char *fname, int argc, Value *argv, ObjTuple *kwnames, int nparams,
              const char *const *params, int npos, int nreq, Value *out) {
  int nkw = kwnames ? (int)kwnames->len : 0;
  int given = argc - nkw;
  for (int i = 0; i < nparams; i++) out[i] = UNDEF_VAL;
  if (given > npos) {
    if (npos == 0) {
      vm_raise(vm.e_TypeError, "%s() takes no positional arguments", fname);
    } else if (nreq == npos) {
      vm_raise(vm.e_TypeError, "%s() takes exactly %d positional argument%s (%d given)", fname,
               npos, npos == 1 ? "" : "s", given);
    } else {
      vm_raise(vm.e_TypeError, "%s() takes at most %d positional argument%s (%d given)", fname,
               npos, npos == 1 ? "" : "s", given);
    }
    return false;
  }
  for (int i = 0; i < given; i++) out[i] = argv[i];
  for (int k = 0; k < nkw; k++) {
    ObjString *name = AS_STR(kwnames->items[k]);
    int j = param_index(name, nparams, params);
    if (j < 0) {
      vm_raise(vm.e_TypeError, "%s() got an unexpected keyword argument '%s'", fname, name->chars);
      return false;
    }
    if (!IS_UNDEF(out[j])) {
      vm_raise(vm.e_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
               name->chars, j + 1);
      return false;
    }
    out[j] = argv[given + k];
  }
  for (int i = 0; i < nreq; i++) {
    if (IS_UNDEF(out[i])) {
      vm_raise(vm.e_TypeError, "%s() missing required argument '%s' (pos %d)", fname, params[i],
               i + 1);
      return false;
    }
  }
  return true;
}

void lib_init(void) {
  lib_object_init();
  lib_exceptions_init();
  lib_int_init();
  lib_str_init();
  lib_list_init();
  lib_dict_init();
  lib_set_init();
  lib_range_init();
  lib_builtins_init();
  lib_exec_init();
  lib_sys_init();
  lib_time_init();
  lib_gc_init();
  lib_asyncio_init();
}
