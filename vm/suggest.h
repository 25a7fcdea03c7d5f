/* suggest.h — CPython 3.11's "Did you mean" for an uncaught NameError or
 * AttributeError: the closest name by an edit distance where a case flip
 * costs half a change (Python/suggestions.c, reimplemented).
 *
 * Invariants:
 * - Only an exception of exactly NameError or AttributeError gets one, and
 *   only when it knows its name (and, for AttributeError, its object):
 *   what the VM records when it raises them, never `raise NameError("x")`.
 * - A suggestion never equals the name itself; a list of 750 names or more
 *   is not searched, and a name longer than 40 bytes (once the common
 *   prefix and suffix are trimmed) matches nothing.
 */
#ifndef ASY_SUGGEST_H
#define ASY_SUGGEST_H

#include <stddef.h>

#include "vm.h"

/* Cost of an insertion, deletion or substitution; a substitution that only
 * changes case costs SUGGEST_CASE_COST. */
#define SUGGEST_MOVE_COST 2
#define SUGGEST_CASE_COST 1

/* Edit distance between the byte strings a and b, or some value above
 * max_cost as soon as it must exceed max_cost. */
size_t suggest_distance(const char *a, size_t alen, const char *b, size_t blen, size_t max_cost);
/* The name CPython 3.11's traceback offers for exc ("Did you mean: 'x'?"),
 * or NULL; never raises (an error while looking is dropped). */
ObjString *suggest_for_exception(Value exc);

#endif
