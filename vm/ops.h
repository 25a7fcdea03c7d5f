/* ops.h — the operations behind individual instructions that are too
 * large to write inline in the dispatch loop (vm.c), and the helpers the
 * library shares with them.
 *
 * Invariants: every function here may allocate and may call asy code, so
 * the caller must have synced its frame (ip/sp) first; failures return
 * false/NULL/UNDEF_VAL/-1 with vm.exc set.
 */
#ifndef ASY_OPS_H
#define ASY_OPS_H

#include "vm.h"

/* LOAD_METHOD: 1 → *m is a function to call with obj as first argument;
 * 0 → *m is the attribute itself; -1 error. */
int ops_load_method(Value obj, ObjString *name, Value *m);
/* Concatenate n str values (BUILD_STRING). */
ObjString *ops_concat_strings(const Value *parts, int n);
/* list.extend(iterable). */
bool ops_list_extend(ObjList *l, Value iterable);
/* set.update(iterable). */
bool ops_set_update(ObjSet *s, Value iterable);
/* dict.update(mapping); merge: duplicate keys are an error naming the
 * function at *func_slot (f(**a, **b)). */
bool ops_dict_update(ObjDict *d, Value mapping, bool merge, const Value *func_slot);
/* ascii(v). */
ObjString *ops_ascii(Value v);
/* Unpack *slot in place into its items, last item deepest... as the
 * UNPACK_* instructions lay them out (after < 0: exactly `before` items). */
bool ops_unpack(Value *slot, int before, int after);
/* f(*args, **kwargs). */
Value ops_call_ex(Value f, Value args, Value kwargs);
/* MAKE_FUNCTION from the stack top (code on top, extras below). */
Value ops_make_function(Value *sp, int flags, ObjDict *globals);
/* BUILD_CLASS. */
Value ops_build_class(ObjString *name, Value *bases, int nbases, ObjDict *ns, ObjDict *globals);
/* The iterator `await v` delegates to; where: 0 await, 1 __aenter__, 2 __aexit__. */
Value ops_get_awaitable(Value v, int where);
/* One step of a non-generator iterator under yield-from: 1 yielded *v,
 * 0 finished with result *v, -1 error. */
int ops_iter_send(Value it, Value *v);
/* aiter(v) / the awaitable of anext(ait). */
Value ops_get_aiter(Value v);
Value ops_get_anext(Value ait);
/* Validate exc (instantiating a class) and cause for `raise`, set context,
 * and leave the exception pending; false if that itself failed. */
bool ops_prepare_raise(Value exc, Value cause);
/* Whether exc matches an except clause's type (a class or a tuple). */
int ops_exc_match(Value exc, Value type);
/* The __exit__/__enter__ (or __aexit__/__aenter__) of a context manager. */
bool ops_before_with(Value mgr, bool is_async, Value *exitf, Value *enterf);
/* from mod import name. */
Value ops_import_from(Value mod, ObjString *name);
/* from mod import *. */
bool ops_import_star(Value mod, ObjDict *into);
/* The REPL's echo of an expression statement. */
bool ops_print_expr(Value v);

/* Python's floor division and modulo of ints, raising on zero/overflow. */
bool ops_int_floordiv(int64_t a, int64_t b, int64_t *out);
bool ops_int_mod(int64_t a, int64_t b, int64_t *out);
/* Exact comparison of an int with a float: -1, 0, 1, or 2 if unordered (nan). */
int ops_cmp_int_float(int64_t i, double f);
/* hash of a float as CPython computes it (equal to the int hash when integral). */
int64_t ops_hash_float(double f);
/* hash of an int as CPython computes it. */
int64_t ops_hash_int(int64_t i);
/* Resolve a slice against a length: start, stop, step and item count. */
bool ops_slice_indices(ObjSlice *s, int64_t len, int64_t *start, int64_t *stop, int64_t *step,
                       int64_t *count);

#endif
