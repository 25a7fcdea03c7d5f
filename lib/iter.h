/* iter.h — the iterator kinds lib/iter.c advances, and the iterator
 * classes type() reports for them.
 *
 * Invariants:
 * - vm_next (vm/seq.c) advances ITER_SEQ, ITER_RANGE, ITER_DICT, ITER_SET,
 *   ITER_FUTURE and ITER_ASEND itself and hands every other kind to
 *   lib_iter_next.
 * - Field use per kind (ObjIter in vm/object.h):
 *   ENUMERATE  src: the underlying iterator, i: the next count, sub: 1 once
 *              the count has passed INT64_MAX
 *   ZIP        src: tuple of iterators, sub: 1 when strict=True
 *   MAP        a: the function, src: tuple of iterators
 *   FILTER     a: the function or None, src: the underlying iterator
 *   REVERSED   src: the sequence, i: next index (counting down, -1 done),
 *              sub: REV_SEQ (generic, via __getitem__), REV_LIST, or
 *              REV_DICT_KEYS/VALUES/ITEMS (i: next entry index, n: the
 *              dict's size when created)
 *   CALLABLE   a: the function, src: the sentinel, sub: 1 once exhausted
 */
#ifndef ASY_ITER_H
#define ASY_ITER_H

#include "../vm/vm.h"

enum { REV_SEQ, REV_LIST, REV_DICT_KEYS, REV_DICT_VALUES, REV_DICT_ITEMS };

/* Advance an iterator of a kind listed above: 1 with *out set, 0 when
 * exhausted, -1 with an exception pending. */
int lib_iter_next(ObjIter *it, Value *out);

/* The class of an iterator as type() reports it: enumerate, zip,
 * list_iterator, dict_keyiterator, ... (vm_class_of calls this for
 * OBJ_ITER). */
ObjClass *lib_iter_class(const ObjIter *it);

/* reversed(list): a list_reverseiterator. */
Value lib_reversed_list(Value list);
/* reversed(d) / reversed(d.keys()) ...: kind 0 keys, 1 values, 2 items. */
Value lib_reversed_dict(ObjDict *d, int kind);

#endif
