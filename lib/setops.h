/* setops.h — set algebra with CPython 3.11's algorithms, shared by
 * lib/set.c (set, frozenset) and lib/dict.c (the set operators of
 * dict_keys and dict_items).
 *
 * Invariant: each operation iterates the same operand, in the same order,
 * and resizes the table at the same moments as setobject.c, so results
 * print in the order CPython prints them.
 * Every function may call asy code (__hash__, __eq__) and reports failure
 * with false/NULL and an exception pending.
 */
#ifndef ASY_SETOPS_H
#define ASY_SETOPS_H

#include "../vm/vm.h"

/* set(iterable) / frozenset(iterable). */
ObjSet *lib_set_from(Value iterable, bool frozen);
/* s |= other for any iterable (set.update). */
bool lib_set_update(ObjSet *s, Value other);
/* s -= other for any iterable (set.difference_update). */
bool lib_set_difference_update(ObjSet *s, Value other);
/* s ^= other for any iterable (set.symmetric_difference_update). */
bool lib_set_symmetric_difference_update(ObjSet *s, Value other);
/* s & other for any iterable, as a new set (frozen if s is). */
ObjSet *lib_set_intersection(ObjSet *s, Value other);

#endif
