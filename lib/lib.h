/* lib.h: the standard library: builtins, the methods of builtin types,
 * and the modules asy knows how to import (sys, time, asyncio).
 *
 * Invariants:
 * - Each C file of lib/ fills classes or modules through one init function,
 *   called once from lib_init after vm/ created the bare classes.
 * - Natives follow vm.h's NativeFn contract: a method receives self as
 *   argv[0]; it returns UNDEF_VAL exactly when it raised (vm_raise).
 * - A native that keeps a new object in a C local across another
 *   allocation roots it first (gc_push_root / gc_pop_roots); arguments
 *   are already rooted by the caller's stack.
 */
#ifndef ASY_LIB_H
#define ASY_LIB_H

#include "../vm/vm.h"

/* Fill builtins, the type methods and register the modules. */
void lib_init(void);

/* Per-file initialisers, in the order lib_init calls them. */
void lib_object_init(void);     /* object, type, NoneType, function, ... (lib/object.c) */
void lib_exceptions_init(void); /* BaseException and friends' methods (lib/exceptions.c) */
void lib_int_init(void);        /* int, bool, float (lib/number.c) */
void lib_str_init(void);        /* str (lib/str.c) */
void lib_list_init(void);       /* list, tuple (lib/list.c) */
void lib_dict_init(void);       /* dict, views (lib/dict.c) */
void lib_set_init(void);        /* set, frozenset (lib/set.c) */
void lib_range_init(void);      /* range, slice, iterators, generators (lib/iter.c) */
void lib_builtins_init(void);   /* the builtins module functions (lib/builtins.c) */
void lib_exec_init(void);       /* compile, exec, eval (lib/exec.c) */
void lib_sys_init(void);        /* sys (lib/mod_sys.c) */
void lib_time_init(void);       /* time (lib/mod_time.c) */
void lib_gc_init(void);         /* gc (lib/mod_gc.c) */
void lib_asyncio_init(void);    /* asyncio (lib/mod_asyncio.c) */

/* Bind a native's arguments the way a Python def binds them: params names
 * the parameters in order, the first npos of which may be passed
 * positionally, the first nreq of which are required. out[i] receives each
 * (UNDEF_VAL when not passed). Raises TypeError with CPython's wording. */
bool lib_bind(const char *fname, int argc, Value *argv, ObjTuple *kwnames, int nparams,
              const char *const *params, int npos, int nreq, Value *out);

/* Define a read-only attribute computed by getter(self) on a builtin class
 * (e.g. range.start, slice.step, BaseException.args). */
void lib_def_property(ObjClass *cls, const char *name, NativeFn getter);
/* Define a native method on a class (self arrives as argv[0]). */
ObjNative *lib_def_method(ObjClass *cls, const char *name, NativeFn fn);

/* `str % args` (printf-style formatting). */
Value lib_str_mod(Value fmt, Value args);
/* str.format(*args, **kwargs) on a format string. */
Value lib_str_format(ObjString *fmt, int argc, Value *argv, ObjTuple *kwnames);
/* Sort items in place with optional key function and reverse (stable, as list.sort). */
bool lib_sort(Value *items, uint32_t n, Value key, bool reverse);
/* A new list of everything an iterable produces. */
ObjList *lib_list_from_iterable(Value iterable);
/* dir(v): the sorted list of v's attribute names (UNDEF_VAL when it raised). */
Value lib_dir(Value v);

#endif
