/* gc.c — allocation accounting and the mark-and-sweep collector. */
#include "gc.h"

#include <stdarg.h>
#include <unistd.h>

#include "loop.h"
#include "vm.h"

#define GC_MIN_HEAP (4u << 20)
#define GC_GROWTH 2

typedef struct {
  void (*fn)(void *);
  void *ctx;
} Marker;

static Marker markers[16];
static int nmarkers;

typedef struct {
  const Value *items;
  size_t n;
} RootRange;

static RootRange ranges[64];
static int nranges;

void asy_fatal(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("asy: fatal: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  abort();
}

/* The heap limit: ASY_MAX_HEAP_MB if set, else 4 GiB or three quarters of
 * physical memory, whichever is less. A teaching program never needs more;
 * a runaway one gets MemoryError quickly instead of the OOM killer. */
static size_t default_mem_limit(void) {
  const char *env = getenv("ASY_MAX_HEAP_MB");
  if (env && atol(env) > 0) return (size_t)atol(env) << 20;
  size_t limit = (size_t)4 << 30;
  long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  if (pages > 0 && page > 0) {
    size_t phys = (size_t)pages / 4 * 3 * (size_t)page;
    if (phys < limit) limit = phys;
  }
  return limit;
}

bool gc_can_allocate(size_t new_size) {
  if (vm.mem_limit == 0) vm.mem_limit = default_mem_limit();
  return new_size <= vm.mem_limit && vm.bytes_allocated <= vm.mem_limit - new_size;
}

/* ------------------------------------------------------------ small blocks
 * Blocks of at most POOL_MAX bytes come from per-size free lists carved
 * out of 64 KiB chunks: no malloc header on each object (8 to 16 bytes
 * saved on every one of a million tasks' objects) and no malloc call in
 * steady state. Every caller of gc_realloc states the old size, so the
 * size class of a block is always known without a header. Chunks are
 * never given back: freed blocks wait on their class's list.
 * Sanitizer builds use malloc for everything, so AddressSanitizer still
 * sees each block; the GC-stress build adds a header to every pooled block
 * and checks that each free states the size it was allocated with. */
#if defined(__SANITIZE_ADDRESS__)
#define POOL_MAX 0
#else
#define POOL_MAX 256
#endif
#define POOL_CHUNK ((size_t)64 * 1024)
#define POOL_CHECK ASY_STRESS_GC
#define POOL_MAGIC 0x5a5a0000u

typedef struct PoolBlock {
  struct PoolBlock *next;
} PoolBlock;

static PoolBlock *pool_lists[POOL_MAX / 8 + 1];
static char *pool_cur, *pool_end;

static inline bool pooled(size_t size) {
  return size > 0 && size <= POOL_MAX;
}

static void *pool_alloc(size_t size) {
  size_t cls = (size + 7) / 8;
  PoolBlock *b = pool_lists[cls];
  if (b) {
    pool_lists[cls] = b->next;
  } else {
    size_t bytes = cls * 8 + (POOL_CHECK ? 8 : 0);
    if (pool_cur == NULL || (size_t)(pool_end - pool_cur) < bytes) {
      /* The tail of the old chunk is too small for this class; it is
       * simply left (at most POOL_MAX bytes per 64 KiB). */
      char *chunk = malloc(POOL_CHUNK);
      if (!chunk) return NULL;
      pool_cur = chunk;
      pool_end = chunk + POOL_CHUNK;
    }
    b = (PoolBlock *)pool_cur;
    pool_cur += bytes;
  }
#if POOL_CHECK
  *(uint32_t *)b = POOL_MAGIC | (uint32_t)cls;
  return (char *)b + 8;
#else
  return b;
#endif
}

static void pool_free(void *p, size_t size) {
  size_t cls = (size + 7) / 8;
#if POOL_CHECK
  p = (char *)p - 8;
  uint32_t tag = *(uint32_t *)p;
  if (tag != (POOL_MAGIC | (uint32_t)cls))
    asy_fatal("gc_realloc: a block of %zu bytes freed with the wrong size (or twice)", size);
  *(uint32_t *)p = 0;
#endif
  PoolBlock *b = p;
  b->next = pool_lists[cls];
  pool_lists[cls] = b;
}

/* realloc for any mix of pooled and malloc'd sizes; NULL when out of memory. */
static void *block_realloc(void *p, size_t old_size, size_t new_size) {
  if (!pooled(old_size) && !pooled(new_size)) {
    if (new_size == 0) {
      free(p);
      return NULL;
    }
    return realloc(old_size ? p : NULL, new_size);
  }
  if (pooled(old_size) && pooled(new_size) && (old_size + 7) / 8 == (new_size + 7) / 8) return p;
  void *q = NULL;
  if (new_size) {
    q = pooled(new_size) ? pool_alloc(new_size) : malloc(new_size);
    if (!q) return NULL;
    if (p && old_size) memcpy(q, p, old_size < new_size ? old_size : new_size);
  }
  if (p && old_size) {
    if (pooled(old_size))
      pool_free(p, old_size);
    else
      free(p);
  }
  return q;
}

void *gc_realloc(void *p, size_t old_size, size_t new_size) {
  if (new_size == 0) {
    vm.bytes_allocated -= old_size;
    block_realloc(p, old_size, 0);
    return NULL;
  }
  if (new_size > old_size) {
    size_t grow = new_size - old_size;
    if (!gc_can_allocate(grow)) {
      gc_collect();
      if (!gc_can_allocate(grow)) return NULL;
    }
#if ASY_STRESS_GC
    gc_collect();
#else
    if (vm.bytes_allocated + grow > vm.next_gc && !vm.gc_auto_off) gc_collect();
#endif
  }
  void *q = block_realloc(p, old_size, new_size);
  if (!q) {
    gc_collect();
    q = block_realloc(p, old_size, new_size);
    if (!q) return NULL;
  }
  vm.bytes_allocated = vm.bytes_allocated - old_size + new_size;
  return q;
}

void *gc_xrealloc(void *p, size_t old_size, size_t new_size) {
  void *q = gc_realloc(p, old_size, new_size);
  if (!q && new_size) asy_fatal("out of memory allocating %zu bytes", new_size);
  return q;
}

Obj *gc_try_alloc_obj(size_t size, ObjType type) {
  Obj *o = gc_realloc(NULL, 0, size);
  if (!o) return NULL;
  memset(o, 0, size);
  o->type = (uint8_t)type;
  o->next = vm.objects;
  vm.objects = o;
  return o;
}

Obj *gc_alloc_obj(size_t size, ObjType type) {
  Obj *o = gc_try_alloc_obj(size, type);
  if (!o) asy_fatal("out of memory allocating a %zu-byte object", size);
  return o;
}

/* ------------------------------------------------------------- roots */

void gc_grow_roots(void) {
  size_t cap = vm.caproots ? vm.caproots * 2 : 64;
  Value *r = realloc(vm.roots, cap * sizeof(Value));
  if (!r) asy_fatal("out of memory (GC roots)");
  vm.roots = r;
  vm.caproots = cap;
}

void gc_push_range(const Value *items, size_t n) {
  if (nranges == (int)ASY_ARRAY_LEN(ranges)) asy_fatal("GC root ranges nested too deeply");
  ranges[nranges++] = (RootRange){items, n};
}

void gc_pop_range(void) {
  if (nranges == 0) asy_fatal("GC root range underflow");
  nranges--;
}

size_t gc_root_depth(void) {
  return vm.nroots;
}

int gc_range_depth(void) {
  return nranges;
}

void gc_save_roots(size_t root_base, int range_base, GcRootSave *save) {
  gc_free_saved_roots(save);
  size_t n = vm.nroots > root_base ? vm.nroots - root_base : 0;
  if (n) {
    save->roots = malloc(n * sizeof(Value));
    if (!save->roots) asy_fatal("out of memory (saving GC roots)");
    memcpy(save->roots, vm.roots + root_base, n * sizeof(Value));
  }
  save->nroots = n;
  vm.nroots = root_base;
  int r = nranges > range_base ? nranges - range_base : 0;
  if (r) {
    save->range_items = malloc((size_t)r * sizeof(Value *));
    save->range_lens = malloc((size_t)r * sizeof(size_t));
    if (!save->range_items || !save->range_lens) asy_fatal("out of memory (saving GC roots)");
    for (int i = 0; i < r; i++) {
      save->range_items[i] = ranges[range_base + i].items;
      save->range_lens[i] = ranges[range_base + i].n;
    }
  }
  save->nranges = r;
  nranges = range_base;
}

void gc_restore_roots(GcRootSave *save) {
  for (size_t i = 0; i < save->nroots; i++) gc_push_root(save->roots[i]);
  for (int i = 0; i < save->nranges; i++) gc_push_range(save->range_items[i], save->range_lens[i]);
  gc_free_saved_roots(save);
}

void gc_mark_saved_roots(const GcRootSave *save) {
  gc_mark_array(save->roots, save->nroots);
  for (int i = 0; i < save->nranges; i++) gc_mark_array(save->range_items[i], save->range_lens[i]);
}

void gc_free_saved_roots(GcRootSave *save) {
  free(save->roots);
  free(save->range_items);
  free(save->range_lens);
  memset(save, 0, sizeof *save);
}

void gc_add_marker(void (*fn)(void *), void *ctx) {
  if (nmarkers == (int)ASY_ARRAY_LEN(markers)) asy_fatal("too many GC markers");
  markers[nmarkers++] = (Marker){fn, ctx};
}

void gc_remove_marker(void (*fn)(void *), void *ctx) {
  for (int i = 0; i < nmarkers; i++) {
    if (markers[i].fn == fn && markers[i].ctx == ctx) {
      markers[i] = markers[--nmarkers];
      return;
    }
  }
}

/* ------------------------------------------------------------- marking */

void gc_mark_obj(Obj *o) {
  if (!o || o->marked) return;
  o->marked = 1;
  if (vm.ngray == vm.capgray) {
    size_t cap = vm.capgray ? vm.capgray * 2 : 256;
    /* The gray stack lives outside the accounted heap: growing it must not
     * start a collection in the middle of one. */
    Obj **g = realloc(vm.gray, cap * sizeof(Obj *));
    if (!g) asy_fatal("out of memory (GC gray stack)");
    vm.gray = g;
    vm.capgray = cap;
  }
  vm.gray[vm.ngray++] = o;
}

void gc_mark_value(Value v) {
  if (IS_OBJ(v)) gc_mark_obj(AS_OBJ(v));
}

void gc_mark_array(const Value *v, size_t n) {
  for (size_t i = 0; i < n; i++) gc_mark_value(v[i]);
}

static void mark_code(ObjCode *c) {
  gc_mark_array(c->consts, c->nconsts);
  for (uint32_t i = 0; i < c->nnames; i++) gc_mark_obj((Obj *)c->names[i]);
  for (uint32_t i = 0; i < c->nslots; i++) gc_mark_obj((Obj *)c->varnames[i]);
  gc_mark_obj((Obj *)c->name);
  gc_mark_obj((Obj *)c->qualname);
  gc_mark_obj((Obj *)c->filename);
  gc_mark_obj((Obj *)c->doc);
}

static void mark_exception(ObjException *e) {
  gc_mark_obj((Obj *)e->inst.cls);
  gc_mark_obj((Obj *)e->inst.dict);
  gc_mark_obj((Obj *)e->args);
  gc_mark_value(e->cause);
  gc_mark_value(e->context);
  gc_mark_value(e->notes);
  gc_mark_value(e->name);
  gc_mark_value(e->obj);
  for (uint32_t i = 0; i < e->ntb; i++) {
    gc_mark_obj((Obj *)e->tb[i].code);
    gc_mark_obj((Obj *)e->tb[i].globals);
  }
}

extern void loop_mark_object(Obj *o); /* loop.c: futures, tasks, loops, handles */

static void blacken(Obj *o) {
  switch ((ObjType)o->type) {
  case OBJ_STR:
  case OBJ_RANGE: break;
  case OBJ_TUPLE: gc_mark_array(((ObjTuple *)o)->items, ((ObjTuple *)o)->len); break;
  case OBJ_LIST: gc_mark_array(((ObjList *)o)->items, ((ObjList *)o)->len); break;
  case OBJ_DICT: dict_mark((ObjDict *)o); break;
  case OBJ_SET: set_mark((ObjSet *)o); break;
  case OBJ_SLICE: {
    ObjSlice *s = (ObjSlice *)o;
    gc_mark_value(s->start);
    gc_mark_value(s->stop);
    gc_mark_value(s->step);
    break;
  }
  case OBJ_CODE: mark_code((ObjCode *)o); break;
  case OBJ_FUNCTION: {
    ObjFunction *f = (ObjFunction *)o;
    gc_mark_obj((Obj *)f->code);
    gc_mark_obj((Obj *)f->globals);
    gc_mark_obj((Obj *)f->defaults);
    gc_mark_obj((Obj *)f->kwdefaults);
    gc_mark_obj((Obj *)f->closure);
    gc_mark_obj((Obj *)f->name);
    gc_mark_obj((Obj *)f->qualname);
    gc_mark_obj((Obj *)f->attrs);
    break;
  }
  case OBJ_CELL: gc_mark_value(((ObjCell *)o)->value); break;
  case OBJ_NATIVE: gc_mark_value(((ObjNative *)o)->data); break;
  case OBJ_BOUND:
    gc_mark_value(((ObjBound *)o)->self);
    gc_mark_value(((ObjBound *)o)->func);
    break;
  case OBJ_CLASS: {
    ObjClass *c = (ObjClass *)o;
    gc_mark_obj((Obj *)c->name);
    gc_mark_obj((Obj *)c->qualname);
    gc_mark_obj((Obj *)c->base);
    gc_mark_obj((Obj *)c->dict);
    gc_mark_obj((Obj *)c->module);
    break;
  }
  case OBJ_INSTANCE:
    gc_mark_obj((Obj *)((ObjInstance *)o)->cls);
    gc_mark_obj((Obj *)((ObjInstance *)o)->dict);
    break;
  case OBJ_EXCEPTION: mark_exception((ObjException *)o); break;
  case OBJ_MODULE:
    gc_mark_obj((Obj *)((ObjModule *)o)->name);
    gc_mark_obj((Obj *)((ObjModule *)o)->dict);
    break;
  case OBJ_GEN: {
    ObjGen *g = (ObjGen *)o;
    gc_mark_obj((Obj *)g->fcode);
    gc_mark_obj((Obj *)g->origin_code);
    /* A running generator's frame is on the running chain already; marking
     * it again is harmless. */
    if (g->frame) vm_mark_frame(g->frame);
    break;
  }
  case OBJ_ITER:
    gc_mark_value(((ObjIter *)o)->src);
    gc_mark_value(((ObjIter *)o)->a);
    break;
  case OBJ_WRAPPER: {
    ObjWrapper *w = (ObjWrapper *)o;
    gc_mark_value(w->fget);
    gc_mark_value(w->fset);
    gc_mark_value(w->fdel);
    gc_mark_value(w->doc);
    break;
  }
  case OBJ_VIEW: gc_mark_obj((Obj *)((ObjView *)o)->dict); break;
  case OBJ_SUPER:
    gc_mark_obj((Obj *)((ObjSuper *)o)->start);
    gc_mark_value(((ObjSuper *)o)->self);
    break;
  case OBJ_CDATA: {
    ObjCData *c = (ObjCData *)o;
    gc_mark_obj((Obj *)c->cls);
    gc_mark_obj((Obj *)c->dict);
    if (c->mark) c->mark(c);
    break;
  }
  case OBJ_FUTURE:
  case OBJ_LOOP:
  case OBJ_HANDLE: loop_mark_object(o); break;
  case OBJ__COUNT: break;
  }
}

static void mark_roots(void) {
  for (Frame *f = vm.frame; f; f = f->parent) vm_mark_frame(f);
  gc_mark_value(vm.exc);
  gc_mark_obj((Obj *)vm.builtins);
  gc_mark_obj((Obj *)vm.modules);
  gc_mark_obj((Obj *)vm.main_module);
  for (int i = 0; i < OBJ__COUNT; i++) gc_mark_obj((Obj *)vm.types[i]);
  ObjClass **cls = &vm.t_object;
  ObjClass **cls_end = &vm.t_timer_handle;
  for (; cls <= cls_end; cls++) gc_mark_obj((Obj *)*cls);
#define X(name, parent) gc_mark_obj((Obj *)vm.e_##name);
  VM_EXCEPTIONS(X)
#undef X
  gc_mark_value(vm.not_implemented);
  gc_mark_value(vm.ellipsis);
  gc_mark_obj((Obj *)vm.empty_tuple);
  gc_mark_obj((Obj *)vm.empty_str);
  for (int i = 0; i < NAME__COUNT; i++) gc_mark_obj((Obj *)vm.names[i]);
  gc_mark_value(vm.argv);
  gc_mark_obj((Obj *)vm.main_file);
  gc_mark_value(vm.running_loop);
  gc_mark_value(vm.current_task);
  gc_mark_array(vm.roots, vm.nroots);
  for (uint32_t i = 0; i < vm.nunretrieved; i++) gc_mark_obj(vm.unretrieved[i]);
  for (int i = 0; i < nranges; i++) gc_mark_array(ranges[i].items, ranges[i].n);
  for (int i = 0; i < nmarkers; i++) markers[i].fn(markers[i].ctx);
  if (vm.interned) {
    uint32_t pos = 0;
    DictEntry *e;
    while (dict_next(vm.interned, &pos, &e)) {
      if (AS_OBJ(e->key)->flags & STR_PERMANENT) gc_mark_value(e->key);
    }
  }
}

static void trace_gray(void) {
  while (vm.ngray > 0) blacken(vm.gray[--vm.ngray]);
}

/* ------------------------------------------------------------- freeing */

extern void loop_free_object(Obj *o); /* loop.c */
extern void gen_finalize(ObjGen *g);  /* vm.c: never-awaited warning, frame */

static void free_obj(Obj *o) {
  size_t size = 0;
  switch ((ObjType)o->type) {
  case OBJ_STR: size = sizeof(ObjString) + ((ObjString *)o)->len + 1; break;
  case OBJ_TUPLE: size = sizeof(ObjTuple) + ((ObjTuple *)o)->len * sizeof(Value); break;
  case OBJ_LIST: {
    ObjList *l = (ObjList *)o;
    gc_realloc(l->items, l->cap * sizeof(Value), 0);
    size = sizeof(ObjList);
    break;
  }
  case OBJ_DICT:
    dict_free_storage((ObjDict *)o);
    size = sizeof(ObjDict);
    break;
  case OBJ_SET:
    set_free_storage((ObjSet *)o);
    size = sizeof(ObjSet);
    break;
  case OBJ_RANGE: size = sizeof(ObjRange); break;
  case OBJ_SLICE: size = sizeof(ObjSlice); break;
  case OBJ_CODE: {
    ObjCode *c = (ObjCode *)o;
    /* The compiler gives every array at least one element (compile.c). */
#define AT_LEAST_1(n) ((n) ? (size_t)(n) : 1u)
    gc_realloc(c->code, AT_LEAST_1(c->count), 0);
    gc_realloc(c->consts, AT_LEAST_1(c->nconsts) * sizeof(Value), 0);
    gc_realloc(c->names, AT_LEAST_1(c->nnames) * sizeof(ObjString *), 0);
    gc_realloc(c->varnames, AT_LEAST_1(c->nslots) * sizeof(ObjString *), 0);
    gc_realloc(c->lines, AT_LEAST_1(c->nlines) * sizeof(LineEntry), 0);
    gc_realloc(c->handlers, AT_LEAST_1(c->nhandlers) * sizeof(ExcEntry), 0);
#undef AT_LEAST_1
    if (c->gcache) gc_realloc(c->gcache, c->nnames * sizeof(GlobalCache), 0);
    if (c->acache) gc_realloc(c->acache, c->nnames * sizeof(AttrCache), 0);
    size = sizeof(ObjCode);
    break;
  }
  case OBJ_FUNCTION: size = sizeof(ObjFunction); break;
  case OBJ_CELL: size = sizeof(ObjCell); break;
  case OBJ_NATIVE: size = sizeof(ObjNative); break;
  case OBJ_BOUND: size = sizeof(ObjBound); break;
  case OBJ_CLASS: size = sizeof(ObjClass); break;
  case OBJ_INSTANCE: size = sizeof(ObjInstance); break;
  case OBJ_EXCEPTION: {
    ObjException *e = (ObjException *)o;
    gc_realloc(e->tb, e->captb * sizeof(TbEntry), 0);
    size = sizeof(ObjException);
    break;
  }
  case OBJ_MODULE: size = sizeof(ObjModule); break;
  case OBJ_GEN:
    gen_finalize((ObjGen *)o); /* idempotent: frees the frame if still held */
    size = sizeof(ObjGen);
    break;
  case OBJ_ITER: size = sizeof(ObjIter); break;
  case OBJ_WRAPPER: size = sizeof(ObjWrapper); break;
  case OBJ_VIEW: size = sizeof(ObjView); break;
  case OBJ_SUPER: size = sizeof(ObjSuper); break;
  case OBJ_CDATA: {
    ObjCData *c = (ObjCData *)o;
    if (c->destroy) c->destroy(c);
    size = sizeof(ObjCData) + o->aux;
    break;
  }
  case OBJ_FUTURE:
  case OBJ_LOOP:
  case OBJ_HANDLE: loop_free_object(o); return;
  case OBJ__COUNT: break;
  }
  gc_realloc(o, size, 0);
}

/* Finalizers run before anything is freed, so the warnings they print may
 * still read names held by other dead objects. */
static void finalize_dead(void) {
  for (Obj *o = vm.objects; o; o = o->next) {
    if (!o->marked && o->type == OBJ_GEN) gen_finalize((ObjGen *)o);
  }
}

static bool queue_unretrieved(Obj *o) {
  if (vm.nunretrieved == vm.capunretrieved) {
    uint32_t cap = vm.capunretrieved ? vm.capunretrieved * 2 : 8;
    Obj **a = realloc(vm.unretrieved, sizeof *a * cap);
    if (!a) return false; /* out of memory: the report is lost, nothing else */
    vm.unretrieved = a;
    vm.capunretrieved = cap;
  }
  vm.unretrieved[vm.nunretrieved++] = o;
  return true;
}

/* Queue the futures holding an unretrieved exception (only the unmarked
 * ones during a collection), oldest first: vm.objects runs newest first. */
static uint32_t queue_futures(bool dead_only) {
  uint32_t start = vm.nunretrieved;
  for (Obj *o = vm.objects; o; o = o->next) {
    if ((dead_only && o->marked) || o->type != OBJ_FUTURE || !((ObjFuture *)o)->log_tb) continue;
    if (!queue_unretrieved(o)) break;
  }
  for (uint32_t i = start, j = vm.nunretrieved; i + 1 < j; i++, j--) {
    Obj *t = vm.unretrieved[i];
    vm.unretrieved[i] = vm.unretrieved[j - 1];
    vm.unretrieved[j - 1] = t;
  }
  return vm.nunretrieved - start;
}

void gc_queue_unretrieved(void) {
  queue_futures(false);
}

/* A future dying with an exception nobody retrieved must be reported, as
 * CPython's Future.__del__ does; reporting may run asy code, which cannot
 * happen inside a collection. So the future (and all it holds) lives on,
 * queued, until the loop reports it (loop_report_unretrieved). */
static void rescue_unretrieved(void) {
  if (vm.nfailed == 0) return; /* no future ever failed: skip the heap walk */
  uint32_t start = vm.nunretrieved;
  if (queue_futures(true) == 0) return;
  for (uint32_t i = start; i < vm.nunretrieved; i++) gc_mark_obj(vm.unretrieved[i]);
  trace_gray();
}

static void sweep(void) {
  Obj **link = &vm.objects;
  while (*link) {
    Obj *o = *link;
    if (o->marked) {
      o->marked = 0;
      link = &o->next;
    } else {
      *link = o->next;
      free_obj(o);
    }
  }
}

void gc_collect(void) {
  if (vm.gc_paused) return;
  vm.gc_paused++; /* finalizers may allocate (warnings): no nested collection */
  mark_roots();
  trace_gray();
  rescue_unretrieved();
  if (vm.interned) {
    dict_remove_unmarked_keys(vm.interned);
    vm.interned->obj.marked = 1; /* the table itself lives; its keys are weak */
  }
  finalize_dead();
  sweep();
  vm.next_gc = vm.bytes_allocated * GC_GROWTH;
  if (vm.next_gc < GC_MIN_HEAP) vm.next_gc = GC_MIN_HEAP;
  vm.gc_paused--;
}

void gc_free_all(void) {
  vm.gc_paused++;
  Obj *o = vm.objects;
  while (o) {
    Obj *next = o->next;
    free_obj(o);
    o = next;
  }
  vm.objects = NULL;
  free(vm.gray);
  vm.gray = NULL;
  vm.capgray = vm.ngray = 0;
  free(vm.roots);
  vm.roots = NULL;
  free(vm.unretrieved);
  vm.unretrieved = NULL;
  vm.nunretrieved = vm.capunretrieved = 0;
  vm.caproots = vm.nroots = 0;
  nmarkers = 0;
  nranges = 0;
  vm.gc_paused--;
}

size_t gc_bytes_allocated(void) {
  return vm.bytes_allocated;
}
