/* gc.h — the one allocation function and the precise mark-and-sweep
 * collector.
 *
 * Invariants:
 * - Every byte asy allocates at run time goes through gc_realloc, so the
 *   collector knows the heap size and GC stress mode (-Dstress_gc=true)
 *   is a single #if: collect before every growing allocation.
 * - A collection may happen inside any allocation. Roots are: the running
 *   frame chain (and through it every caller, native or not), the pending
 *   exception, builtins, modules, the classes and names the VM keeps, the
 *   explicit root stack (gc_push_root) for values a C function holds in
 *   locals, and the marker callbacks registered with gc_add_marker (event
 *   loop queues, compiler units).
 * - Interned strings are weak: a name nobody references is dropped.
 * - A dead future whose exception was never retrieved is not freed: it is
 *   queued (vm.unretrieved) and lives until the loop has reported it.
 * - Marking uses an explicit gray stack, so deep structures (a linked list
 *   of a million instances) never recurse on the C stack.
 */
#ifndef ASY_GC_H
#define ASY_GC_H

#include "object.h"

/* Resize p from old to new bytes (new 0 frees); NULL only when the memory
 * cannot be had (the caller raises MemoryError or gives up). */
void *gc_realloc(void *p, size_t old_size, size_t new_size);
/* gc_realloc for sizes that cannot be refused: aborts on exhaustion. */
void *gc_xrealloc(void *p, size_t old_size, size_t new_size);
/* A new object of size bytes and this type, linked into the heap. */
Obj *gc_alloc_obj(size_t size, ObjType type);
/* As gc_alloc_obj, but NULL (nothing allocated) when memory is exhausted. */
Obj *gc_try_alloc_obj(size_t size, ObjType type);
/* Whether new_size more bytes would stay under the heap limit. */
bool gc_can_allocate(size_t new_size);

/* Queue every live future holding an unretrieved exception (oldest
 * first) for loop_report_unretrieved, as the collector does for dead ones. */
void gc_queue_unretrieved(void);
/* Run a full collection now. */
void gc_collect(void);
/* Mark a value reachable (during a collection, from a marker callback). */
void gc_mark_value(Value v);
/* Mark an object reachable (NULL is ignored). */
void gc_mark_obj(Obj *o);
/* Mark an array of values. */
void gc_mark_array(const Value *v, size_t n);

/* Protect v from collection until the matching gc_pop_roots (inline in
 * vm.h: it is on every native call's path). */
static inline void gc_push_root(Value v);
/* Release the n most recently pushed roots. */
static inline void gc_pop_roots(size_t n);
/* Make room on the root stack (gc_push_root's slow path). */
void gc_grow_roots(void);
/* Protect n values at items (an array the caller owns) until the matching
 * gc_pop_range: for constructors that allocate before copying. */
void gc_push_range(const Value *items, size_t n);
/* Release the most recently pushed range. */
void gc_pop_range(void);
/* Roots a fiber (an executor worker) pushed, saved while it is switched out. */
typedef struct {
  Value *roots;
  size_t nroots;
  const Value **range_items;
  size_t *range_lens;
  int nranges;
} GcRootSave;

/* Current depth of the root stack and of the range stack. */
size_t gc_root_depth(void);
int gc_range_depth(void);
/* Move the roots and ranges pushed above the given depths into save. */
void gc_save_roots(size_t root_base, int range_base, GcRootSave *save);
/* Push saved roots and ranges back (emptying save). */
void gc_restore_roots(GcRootSave *save);
/* Mark what a save holds. */
void gc_mark_saved_roots(const GcRootSave *save);
/* Release a save's storage. */
void gc_free_saved_roots(GcRootSave *save);
/* Register fn to be called to mark extra roots at each collection. */
void gc_add_marker(void (*fn)(void *), void *ctx);
/* Unregister a marker added with the same fn and ctx. */
void gc_remove_marker(void (*fn)(void *), void *ctx);

/* Free every object (interpreter shutdown). */
void gc_free_all(void);
/* Bytes currently allocated. */
size_t gc_bytes_allocated(void);

#endif
