/* methargs.h — argument checks for the natives of lib/list.c, dict.c,
 * set.c, iter.c and builtins.c, worded as CPython words them.
 *
 * CPython has several kinds of builtin callables and each words its
 * arity errors differently; these helpers reproduce the kinds these files
 * need (counts never include self):
 * - METH_NOARGS:  "list.clear() takes no arguments (1 given)"
 * - METH_O:       "list.append() takes exactly one argument (0 given)"
 * - clinic/varargs: "insert expected 2 arguments, got 1",
 *                 "pop expected at most 1 argument, got 2"
 * - no keywords:  "list.insert() takes no keyword arguments"
 * A method's self is checked first: list.append(5, 1) raises
 * "descriptor 'append' for 'list' objects doesn't apply to a 'int' object".
 *
 * Everything is static inline so each including file stays self-contained.
 */
#ifndef ASY_METHARGS_H
#define ASY_METHARGS_H

#include "lib.h"

/* Positional arguments among argc (the rest are keyword values). */
static inline int ma_npos(int argc, ObjTuple *kwnames) {
  return argc - (kwnames ? (int)kwnames->len : 0);
}

static inline bool ma_has_kw(ObjTuple *kwnames) {
  return kwnames && kwnames->len > 0;
}

/* Whether argv[0] is a valid self for method meth of cls. slot: a dunder
 * (slot wrapper), whose messages differ from a plain method's. */
static inline bool ma_self(ObjClass *cls, const char *meth, bool slot, int argc, Value *argv) {
  const char *cname = cls->name->chars;
  if (argc < 1) {
    if (slot)
      vm_raise(vm.e_TypeError, "descriptor '%s' of '%s' object needs an argument", meth, cname);
    else
      vm_raise(vm.e_TypeError, "unbound method %s.%s() needs an argument", cname, meth);
    return false;
  }
  if (vm_isinstance(argv[0], cls)) return true;
  if (slot)
    vm_raise(vm.e_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", meth,
             cname, vm_type_name(argv[0]));
  else
    vm_raise(vm.e_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
             meth, cname, vm_type_name(argv[0]));
  return false;
}

/* "cls.meth() takes no keyword arguments" when any were passed. */
static inline bool ma_nokw(ObjClass *cls, const char *meth, ObjTuple *kwnames) {
  if (!ma_has_kw(kwnames)) return true;
  if (cls)
    vm_raise(vm.e_TypeError, "%s.%s() takes no keyword arguments", cls->name->chars, meth);
  else
    vm_raise(vm.e_TypeError, "%s() takes no keyword arguments", meth);
  return false;
}

/* A METH_NOARGS method: l.clear(). */
static inline bool ma_noargs(ObjClass *cls, const char *meth, int argc, Value *argv,
                             ObjTuple *kwnames) {
  if (!ma_self(cls, meth, false, argc, argv) || !ma_nokw(cls, meth, kwnames)) return false;
  if (argc == 1) return true;
  vm_raise(vm.e_TypeError, "%s.%s() takes no arguments (%d given)", cls->name->chars, meth,
           argc - 1);
  return false;
}

/* A METH_O method: l.append(x). */
static inline bool ma_onearg(ObjClass *cls, const char *meth, int argc, Value *argv,
                             ObjTuple *kwnames) {
  if (!ma_self(cls, meth, false, argc, argv) || !ma_nokw(cls, meth, kwnames)) return false;
  if (argc == 2) return true;
  vm_raise(vm.e_TypeError, "%s.%s() takes exactly one argument (%d given)", cls->name->chars, meth,
           argc - 1);
  return false;
}

/* The count check of clinic/varargs callables: "NAME expected at least 1
 * argument, got 0" (max -1: no upper bound). */
static inline bool ma_count(const char *name, int n, int min, int max) {
  if (n >= min && (max < 0 || n <= max)) return true;
  int want = n < min ? min : max;
  const char *how = min == max ? "" : n < min ? "at least " : "at most ";
  vm_raise(vm.e_TypeError, "%s expected %s%d argument%s, got %d", name, how, want,
           want == 1 ? "" : "s", n);
  return false;
}

/* A positional-only method taking [min, max] arguments after self:
 * l.insert(i, x), d.get(k[, default]). */
static inline bool ma_range(ObjClass *cls, const char *meth, int argc, Value *argv,
                            ObjTuple *kwnames, int min, int max) {
  if (!ma_self(cls, meth, false, argc, argv) || !ma_nokw(cls, meth, kwnames)) return false;
  return ma_count(meth, argc - 1, min, max);
}

/* A slot wrapper (dunder) taking exactly n arguments after self. */
static inline bool ma_slot(ObjClass *cls, const char *meth, int argc, Value *argv,
                           ObjTuple *kwnames, int n) {
  if (!ma_self(cls, meth, true, argc, argv)) return false;
  if (ma_has_kw(kwnames)) {
    vm_raise(vm.e_TypeError, "wrapper %s() takes no keyword arguments", meth);
    return false;
  }
  if (argc - 1 == n) return true;
  if (n == 1)
    vm_raise(vm.e_TypeError, "expected 1 argument, got %d", argc - 1);
  else
    vm_raise(vm.e_TypeError, "expected %d arguments, got %d", n, argc - 1);
  return false;
}

/* A builtin function taking exactly one argument: len(x). */
static inline bool ma_fn_onearg(const char *name, int argc, ObjTuple *kwnames) {
  if (!ma_nokw(NULL, name, kwnames)) return false;
  if (argc == 1) return true;
  vm_raise(vm.e_TypeError, "%s() takes exactly one argument (%d given)", name, argc);
  return false;
}

/* A builtin function taking [min, max] positional arguments: iter(x[, s]). */
static inline bool ma_fn_range(const char *name, int argc, ObjTuple *kwnames, int min, int max) {
  if (!ma_nokw(NULL, name, kwnames)) return false;
  return ma_count(name, argc, min, max);
}

/* Index of name among params[from, n), or -1. */
static inline int ma_param_index(ObjString *name, int from, int n, const char *const *params) {
  for (int i = from; i < n; i++) {
    if (strcmp(params[i], name->chars) == 0) return i;
  }
  return -1;
}

/* Bind arguments as Argument Clinic does for CPython 3.11's builtins:
 * params[0, maxpos) may be passed by position (the first posonly only by
 * position), the rest are keyword-only; the first minpos are required.
 * out[i] receives each parameter, UNDEF_VAL when not passed. */
static inline bool ma_bind(const char *fname, int argc, Value *argv, ObjTuple *kwnames, int nparams,
                           const char *const *params, int posonly, int maxpos, int minpos,
                           Value *out) {
  int nkw = kwnames ? (int)kwnames->len : 0, nargs = argc - nkw;
  for (int i = 0; i < nparams; i++) out[i] = UNDEF_VAL;
  if (nargs + nkw > nparams) {
    vm_raise(vm.e_TypeError, "%s() takes at most %d %sargument%s (%d given)", fname, nparams,
             nargs == 0 ? "keyword " : "", nparams == 1 ? "" : "s", nargs + nkw);
    return false;
  }
  if (nargs > maxpos) {
    if (maxpos == 0)
      vm_raise(vm.e_TypeError, "%s() takes no positional arguments", fname);
    else
      vm_raise(vm.e_TypeError, "%s() takes %s %d positional argument%s (%d given)", fname,
               minpos < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", nargs);
    return false;
  }
  int minposonly = posonly < minpos ? posonly : minpos;
  if (nargs < minposonly) {
    vm_raise(vm.e_TypeError, "%s() takes %s %d positional argument%s (%d given)", fname,
             minposonly < maxpos ? "at least" : "exactly", minposonly, minposonly == 1 ? "" : "s",
             nargs);
    return false;
  }
  for (int i = 0; i < nargs; i++) out[i] = argv[i];
  int left = nkw;
  for (int i = nargs > posonly ? nargs : posonly; i < nparams; i++) {
    if (left == 0 && i >= minpos) break;
    for (int k = 0; k < nkw && left > 0; k++) {
      if (strcmp(AS_CSTR(kwnames->items[k]), params[i]) == 0) {
        out[i] = argv[nargs + k];
        left--;
        break;
      }
    }
    if (IS_UNDEF(out[i]) && i < minpos) {
      vm_raise(vm.e_TypeError, "%s() missing required argument '%s' (pos %d)", fname, params[i],
               i + 1);
      return false;
    }
  }
  if (left == 0) return true;
  for (int k = 0; k < nkw; k++) {
    ObjString *name = AS_STR(kwnames->items[k]);
    int j = ma_param_index(name, posonly, nparams, params);
    if (j >= 0 && j < nargs) {
      vm_raise(vm.e_TypeError, "argument for %s() given by name ('%s') and position (%d)", fname,
               name->chars, j + 1);
      return false;
    }
  }
  for (int k = 0; k < nkw; k++) {
    ObjString *name = AS_STR(kwnames->items[k]);
    if (ma_param_index(name, posonly, nparams, params) < 0) {
      vm_raise(vm.e_TypeError, "'%s' is an invalid keyword argument for %s()", name->chars, fname);
      return false;
    }
  }
  return true;
}

/* callable(v). */
static inline bool ma_callable(Value v) {
  if (!IS_OBJ(v)) return false;
  switch (OBJ_TYPE(v)) {
  case OBJ_FUNCTION:
  case OBJ_NATIVE:
  case OBJ_BOUND:
  case OBJ_CLASS: return true;
  case OBJ_WRAPPER: return AS_WRAPPER(v)->kind == WRAP_STATICMETHOD;
  case OBJ_INSTANCE:
  case OBJ_EXCEPTION:
  case OBJ_CDATA: return !IS_UNDEF(vm_lookup_special(v, vm.names[NAME_call]));
  default: return false;
  }
}

/* Python's x == y for containers: identity first, then __eq__
 * (1, 0, or -1 with an exception pending). */
static inline int ma_same_or_eq(Value a, Value b) {
  if (value_is(a, b)) return 1;
  return vm_eq(a, b);
}

#endif
