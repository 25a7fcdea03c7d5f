/* set.c — the classes set and frozenset.
 *
 * The hash table itself (vm/dict.c) is laid out as CPython's setobject.c;
 * this file adds the operations, following setobject.c's algorithms step
 * for step where the order of the result depends on them: which operand
 * is iterated (intersection iterates the smaller set), when the table is
 * resized (one big resize before a merge, a cleanup resize after
 * difference_update leaves many dummies), and how a copy is built (a
 * fresh table sized for the source, filled in the source's slot order).
 *
 * set.pop() keeps CPython's search finger in the set's obj.aux field, so
 * repeated pops return the same elements in the same order.
 */
#include "../vm/ops.h"
#include "lib.h"
#include "methargs.h"
#include "setops.h"

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

#define SET vm.t_set
#define FROZENSET vm.t_frozenset

static bool is_frozen(const ObjSet *s) {
  return (s->obj.flags & SET_FROZEN) != 0;
}

static bool slot_live(const SetEntry *e) {
  return !IS_UNDEF(e->key);
}

/* The table mask CPython would have: an empty set owns an 8-slot table. */
static uint32_t table_mask(const ObjSet *s) {
  return s->table ? s->mask : SET_MINSIZE - 1;
}

/* ------------------------------------------------------------ the table */

static SetEntry *alloc_table(uint32_t size) {
  SetEntry *t = gc_xrealloc(NULL, 0, size * sizeof(SetEntry));
  memset(t, 0, size * sizeof(SetEntry));
  return t;
}

static void ensure_table(ObjSet *s) {
  if (s->table) return;
  s->table = alloc_table(SET_MINSIZE);
  s->mask = SET_MINSIZE - 1;
}

/* Put a key known to be absent into a table without dummies. */
static void insert_clean(SetEntry *table, uint32_t mask, Value key, int64_t hash) {
  uint64_t perturb = (uint64_t)hash;
  uint64_t i = (uint64_t)hash & mask;
  for (;;) {
    SetEntry *e = &table[i];
    if (!slot_live(e)) goto found;
    if (i + LINEAR_PROBES <= mask) {
      for (int j = 0; j < LINEAR_PROBES; j++) {
        e++;
        if (!slot_live(e)) goto found;
      }
    }
    perturb >>= PERTURB_SHIFT;
    i = (i * 5 + 1 + perturb) & mask;
    continue;
  found:
    e->key = key;
    e->hash = hash;
    return;
  }
}

/* setobject.c's set_table_resize: the smallest power of two above
 * minused, live keys re-inserted in slot order, dummies dropped. */
static void table_resize(ObjSet *s, uint64_t minused) {
  uint64_t size = SET_MINSIZE;
  while (size <= minused) size <<= 1;
  if (size > ((uint64_t)1 << 31)) {
    asy_fatal("set too large");
  }
  /* CPython keeps its 8-slot table in place when it has no dummies. */
  if (size == SET_MINSIZE && s->table && s->mask == SET_MINSIZE - 1 && s->fill == s->used) return;
  SetEntry *old = s->table;
  uint32_t oldsize = old ? s->mask + 1 : 0;
  SetEntry *t = alloc_table((uint32_t)size);
  for (uint32_t i = 0; i < oldsize; i++) {
    if (slot_live(&old[i])) insert_clean(t, (uint32_t)size - 1, old[i].key, old[i].hash);
  }
  s->table = t;
  s->mask = (uint32_t)size - 1;
  s->fill = s->used;
  s->version++;
  if (old) gc_realloc(old, oldsize * sizeof(SetEntry), 0);
}

/* Membership, retrying an unhashable set as a frozenset as CPython does
 * ({frozenset()} contains set()). */
static int contains_key(ObjSet *s, Value key) {
  int r = set_contains(s, key);
  if (r >= 0 || !IS_SET(key) || is_frozen(AS_SET(key)) || !vm_exc_matches(vm.e_TypeError)) return r;
  vm.exc = UNDEF_VAL;
  ObjSet *fk = set_copy(AS_SET(key), true);
  gc_push_root(OBJ_VAL(fk));
  r = set_contains(s, OBJ_VAL(fk));
  gc_pop_roots(1);
  return r;
}

/* set_discard with the same frozenset retry. */
static int discard_key(ObjSet *s, Value key) {
  int r = set_discard(s, key);
  if (r >= 0 || !IS_SET(key) || is_frozen(AS_SET(key)) || !vm_exc_matches(vm.e_TypeError)) return r;
  vm.exc = UNDEF_VAL;
  ObjSet *fk = set_copy(AS_SET(key), true);
  gc_push_root(OBJ_VAL(fk));
  r = set_discard(s, OBJ_VAL(fk));
  gc_pop_roots(1);
  return r;
}

/* ------------------------------------------------------------ algorithms */

/* set_merge: so |= other for two sets. */
static bool set_merge(ObjSet *so, ObjSet *other) {
  if (so == other || other->used == 0) return true;
  if (((uint64_t)so->fill + other->used) * 5 >= (uint64_t)table_mask(so) * 3)
    table_resize(so, ((uint64_t)so->used + other->used) * 2);
  ensure_table(so);
  if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
    memcpy(so->table, other->table, (so->mask + 1) * sizeof(SetEntry));
    so->fill = other->fill;
    so->used = other->used;
    so->version++;
    return true;
  }
  if (so->fill == 0) {
    for (uint32_t i = 0; i <= other->mask; i++) {
      SetEntry *e = &other->table[i];
      if (slot_live(e)) insert_clean(so->table, so->mask, e->key, e->hash);
    }
    so->fill = so->used = other->used;
    so->version++;
    return true;
  }
  uint32_t pos = 0;
  Value key;
  while (set_next(other, &pos, &key)) {
    if (set_add(so, key) < 0) return false;
  }
  return true;
}

/* Add every item of an iterator (or iterable) to so. */
static bool add_all(ObjSet *so, Value iterable) {
  Value it = vm_iter(iterable);
  if (IS_UNDEF(it)) return false;
  gc_push_root(it);
  bool ok = true;
  for (;;) {
    Value v;
    int r = vm_next(it, &v);
    if (r == 0) break;
    gc_push_root(v);
    ok = r > 0 && set_add(so, v) >= 0;
    gc_pop_roots(1);
    if (!ok) break;
  }
  gc_pop_roots(1);
  return ok;
}

bool lib_set_update(ObjSet *so, Value other) {
  if (IS_SET(other)) return set_merge(so, AS_SET(other));
  if (IS_DICT(other)) {
    ObjDict *d = AS_DICT(other);
    if (((uint64_t)so->fill + d->len) * 5 >= (uint64_t)table_mask(so) * 3)
      table_resize(so, ((uint64_t)so->used + d->len) * 2);
    uint32_t pos = 0;
    DictEntry *e;
    while (dict_next(d, &pos, &e)) {
      if (set_add(so, e->key) < 0) return false;
    }
    return true;
  }
  return add_all(so, other);
}

ObjSet *lib_set_from(Value iterable, bool frozen) {
  gc_push_root(iterable); /* callers may pass a fresh object */
  ObjSet *s = set_new(frozen);
  gc_push_root(OBJ_VAL(s));
  bool ok = lib_set_update(s, iterable);
  gc_pop_roots(2);
  return ok ? s : NULL;
}

/* A copy of so of the same kind (set_copy / make_new_set_basetype). */
static ObjSet *copy_set(ObjSet *so) {
  return lib_set_from(OBJ_VAL(so), is_frozen(so));
}

ObjSet *lib_set_intersection(ObjSet *so, Value other) {
  if (IS_SET(other) && AS_SET(other) == so) return copy_set(so);
  ObjSet *result = set_new(is_frozen(so));
  gc_push_root(OBJ_VAL(result));
  bool ok = true;
  if (IS_SET(other)) {
    /* Iterate the smaller set, probe the larger (the argument on a tie). */
    ObjSet *big = so, *small = AS_SET(other);
    if (small->used > big->used) {
      big = AS_SET(other);
      small = so;
    }
    uint32_t pos = 0;
    Value key;
    while (ok && set_next(small, &pos, &key)) {
      gc_push_root(key); /* __eq__ may remove it from its table */
      int r = set_contains(big, key);
      ok = r >= 0 && (r == 0 || set_add(result, key) >= 0);
      gc_pop_roots(1);
    }
  } else {
    Value it = vm_iter(other);
    ok = !IS_UNDEF(it);
    if (ok) gc_push_root(it);
    while (ok) {
      Value v;
      int r = vm_next(it, &v);
      if (r == 0) break;
      gc_push_root(v);
      if (r > 0) r = set_contains(so, v);
      ok = r >= 0 && (r == 0 || set_add(result, v) >= 0);
      gc_pop_roots(1);
    }
    if (!IS_UNDEF(it)) gc_pop_roots(1);
  }
  gc_pop_roots(1);
  return ok ? result : NULL;
}

/* Drop the dummies once they fill more than a quarter of the table. */
static void cleanup_dummies(ObjSet *so) {
  if (!so->table || so->fill - so->used <= so->mask / 4) return;
  table_resize(so, so->used > 50000 ? (uint64_t)so->used * 2 : (uint64_t)so->used * 4);
}

bool lib_set_difference_update(ObjSet *so, Value other) {
  if (IS_SET(other) && AS_SET(other) == so) {
    set_clear(so);
    return true;
  }
  bool ok = true;
  if (IS_SET(other)) {
    ObjSet *o = AS_SET(other);
    /* Much larger other: discard only what both hold. */
    if ((o->used >> 3) > so->used) {
      o = lib_set_intersection(so, other);
      if (!o) return false;
    }
    gc_push_root(OBJ_VAL(o));
    uint32_t pos = 0;
    Value key;
    while (ok && set_next(o, &pos, &key)) ok = set_discard(so, key) >= 0;
    gc_pop_roots(1);
  } else {
    Value it = vm_iter(other);
    if (IS_UNDEF(it)) return false;
    gc_push_root(it);
    for (;;) {
      Value v;
      int r = vm_next(it, &v);
      if (r == 0) break;
      gc_push_root(v);
      ok = r > 0 && discard_key(so, v) >= 0;
      gc_pop_roots(1);
      if (!ok) break;
    }
    gc_pop_roots(1);
  }
  if (ok) cleanup_dummies(so);
  return ok;
}

/* so - other as a new set (set_difference). */
static ObjSet *set_difference(ObjSet *so, Value other) {
  uint64_t other_size;
  if (IS_SET(other))
    other_size = AS_SET(other)->used;
  else if (IS_DICT(other))
    other_size = AS_DICT(other)->len;
  else
    other_size = UINT64_MAX;
  /* Much smaller (or unsized) other: copy, then discard. */
  if (other_size == UINT64_MAX || (so->used >> 2) > other_size) {
    ObjSet *r = copy_set(so);
    if (!r) return NULL;
    gc_push_root(OBJ_VAL(r));
    bool ok = lib_set_difference_update(r, other);
    gc_pop_roots(1);
    return ok ? r : NULL;
  }
  ObjSet *result = set_new(is_frozen(so));
  gc_push_root(OBJ_VAL(result));
  uint32_t pos = 0;
  Value key;
  bool ok = true;
  while (ok && set_next(so, &pos, &key)) {
    Value dummy;
    gc_push_root(key); /* __eq__ may remove it from its table */
    int r =
        IS_DICT(other) ? dict_get(AS_DICT(other), key, &dummy) : set_contains(AS_SET(other), key);
    ok = r >= 0 && (r == 1 || set_add(result, key) >= 0);
    gc_pop_roots(1);
  }
  gc_pop_roots(1);
  return ok ? result : NULL;
}

/* Discard key from so if present, else add it. */
static bool toggle(ObjSet *so, Value key) {
  gc_push_root(key); /* discarding it may drop its last reference */
  int r = set_discard(so, key);
  bool ok = r >= 0 && (r == 1 || set_add(so, key) >= 0);
  gc_pop_roots(1);
  return ok;
}

bool lib_set_symmetric_difference_update(ObjSet *so, Value other) {
  if (IS_SET(other) && AS_SET(other) == so) {
    set_clear(so);
    return true;
  }
  if (IS_DICT(other)) {
    uint32_t pos = 0;
    DictEntry *e;
    while (dict_next(AS_DICT(other), &pos, &e)) {
      if (!toggle(so, e->key)) return false;
    }
    return true;
  }
  ObjSet *o = IS_SET(other) ? AS_SET(other) : lib_set_from(other, false);
  if (!o) return false;
  gc_push_root(OBJ_VAL(o));
  uint32_t pos = 0;
  Value key;
  bool ok = true;
  while (ok && set_next(o, &pos, &key)) ok = toggle(so, key);
  gc_pop_roots(1);
  return ok;
}

/* so ^ other as a new set: a copy of other, toggled by so's keys. */
static ObjSet *set_symmetric_difference(ObjSet *so, Value other) {
  ObjSet *r = lib_set_from(other, is_frozen(so));
  if (!r) return NULL;
  gc_push_root(OBJ_VAL(r));
  bool ok = lib_set_symmetric_difference_update(r, OBJ_VAL(so));
  gc_pop_roots(1);
  return ok ? r : NULL;
}

/* so <= other: 1, 0, -1 error. */
static int set_issubset(ObjSet *so, Value other) {
  if (!IS_SET(other)) {
    ObjSet *tmp = lib_set_intersection(so, other);
    return tmp ? tmp->used == so->used : -1;
  }
  ObjSet *o = AS_SET(other);
  if (so->used > o->used) return 0;
  uint32_t pos = 0;
  Value key;
  while (set_next(so, &pos, &key)) {
    int r = set_contains(o, key);
    if (r <= 0) return r;
  }
  return 1;
}

/* Call fn(so, key) for each item of an iterable until it returns other
 * than want: the result of the last call, or want when all matched. */
static int all_items(ObjSet *so, Value iterable, int want) {
  Value it = vm_iter(iterable);
  if (IS_UNDEF(it)) return -1;
  gc_push_root(it);
  int result = want;
  for (;;) {
    Value v;
    int r = vm_next(it, &v);
    if (r <= 0) {
      if (r < 0) result = -1;
      break;
    }
    gc_push_root(v);
    r = contains_key(so, v);
    gc_pop_roots(1);
    if (r != want) {
      result = r;
      break;
    }
  }
  gc_pop_roots(1);
  return result;
}

/* so >= other. */
static int set_issuperset(ObjSet *so, Value other) {
  if (IS_SET(other)) return set_issubset(AS_SET(other), OBJ_VAL(so));
  return all_items(so, other, 1);
}

/* so.isdisjoint(other). */
static int set_isdisjoint(ObjSet *so, Value other) {
  if (IS_SET(other)) {
    ObjSet *big = so, *small = AS_SET(other);
    if (small == so) return so->used == 0;
    if (small->used > big->used) {
      big = AS_SET(other);
      small = so;
    }
    uint32_t pos = 0;
    Value key;
    while (set_next(small, &pos, &key)) {
      int r = set_contains(big, key);
      if (r != 0) return r < 0 ? -1 : 0;
    }
    return 1;
  }
  int r = all_items(so, other, 0);
  return r < 0 ? -1 : r == 0;
}

/* Give a the contents of b and b those of a (intersection_update). */
static void swap_bodies(ObjSet *a, ObjSet *b) {
  ObjSet t = *a;
  a->used = b->used;
  a->fill = b->fill;
  a->mask = b->mask;
  a->table = b->table;
  a->version++;
  b->used = t.used;
  b->fill = t.fill;
  b->mask = t.mask;
  b->table = t.table;
  b->version++;
}

/* --------------------------------------------------------- constructors */

static Value set_ctor_common(const char *name, bool frozen, int argc, Value *argv,
                             ObjTuple *kwnames) {
  if (!ma_nokw(NULL, name, kwnames) || !ma_count(name, argc, 0, 1)) return UNDEF_VAL;
  if (argc == 0) return OBJ_VAL(set_new(frozen));
  if (frozen && IS_SET(argv[0]) && is_frozen(AS_SET(argv[0]))) return argv[0];
  ObjSet *s = lib_set_from(argv[0], frozen);
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

static Value set_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  return set_ctor_common("set", false, argc, argv, kwnames);
}

static Value frozenset_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  return set_ctor_common("frozenset", true, argc, argv, kwnames);
}

/* ------------------------------------------------------------- methods */

/* The class a method of self belongs to: set or frozenset. */
static ObjClass *cls_of(int argc, Value *argv) {
  return argc > 0 && IS_SET(argv[0]) && is_frozen(AS_SET(argv[0])) ? FROZENSET : SET;
}

#define SELF AS_SET(argv[0])

static Value wrap(ObjSet *s) {
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

static Value truth(int r) {
  return r < 0 ? UNDEF_VAL : BOOL_VAL(r);
}

static Value s_add(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(SET, "add", argc, argv, kwnames)) return UNDEF_VAL;
  return set_add(SELF, argv[1]) < 0 ? UNDEF_VAL : NONE_VAL;
}

static Value key_error(Value key) {
  Value e = vm_new_exception(vm.e_KeyError, 1, &key);
  return IS_UNDEF(e) ? e : vm_raise_value(e);
}

static Value s_remove(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(SET, "remove", argc, argv, kwnames)) return UNDEF_VAL;
  int r = discard_key(SELF, argv[1]);
  if (r < 0) return UNDEF_VAL;
  return r ? NONE_VAL : key_error(argv[1]);
}

static Value s_discard(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(SET, "discard", argc, argv, kwnames)) return UNDEF_VAL;
  return discard_key(SELF, argv[1]) < 0 ? UNDEF_VAL : NONE_VAL;
}

/* Remove and return an arbitrary element, resuming the scan where the
 * last pop stopped (CPython's finger, kept in obj.aux). */
static Value s_pop(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_noargs(SET, "pop", argc, argv, kwnames)) return UNDEF_VAL;
  ObjSet *s = SELF;
  if (s->used == 0) return vm_raise(vm.e_KeyError, "pop from an empty set");
  uint32_t i = s->obj.aux & s->mask;
  while (!slot_live(&s->table[i])) i = i == s->mask ? 0 : i + 1;
  Value key = s->table[i].key;
  s->table[i].key = UNDEF_VAL;
  s->table[i].hash = -1;
  s->used--;
  s->version++;
  s->obj.aux = i + 1;
  return key;
}

static Value s_clear(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_noargs(SET, "clear", argc, argv, kwnames)) return UNDEF_VAL;
  set_clear(SELF);
  return NONE_VAL;
}

static Value s_copy(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_noargs(cls_of(argc, argv), "copy", argc, argv, kwnames)) return UNDEF_VAL;
  if (is_frozen(SELF)) return argv[0];
  return wrap(copy_set(SELF));
}

/* Check self and no keywords for a method taking any number of others. */
static bool varargs(ObjClass *cls, const char *meth, int argc, Value *argv, ObjTuple *kwnames) {
  return ma_self(cls, meth, false, argc, argv) && ma_nokw(cls, meth, kwnames);
}

static Value s_update(int argc, Value *argv, ObjTuple *kwnames) {
  if (!varargs(SET, "update", argc, argv, kwnames)) return UNDEF_VAL;
  for (int i = 1; i < argc; i++) {
    if (!lib_set_update(SELF, argv[i])) return UNDEF_VAL;
  }
  return NONE_VAL;
}

static Value s_union(int argc, Value *argv, ObjTuple *kwnames) {
  if (!varargs(cls_of(argc, argv), "union", argc, argv, kwnames)) return UNDEF_VAL;
  ObjSet *r = copy_set(SELF);
  if (!r) return UNDEF_VAL;
  gc_push_root(OBJ_VAL(r));
  bool ok = true;
  for (int i = 1; ok && i < argc; i++) {
    if (!value_is(argv[i], argv[0])) ok = lib_set_update(r, argv[i]);
  }
  gc_pop_roots(1);
  return ok ? OBJ_VAL(r) : UNDEF_VAL;
}

/* set_intersection_multi: fold the intersection over the arguments. */
static ObjSet *intersection_multi(ObjSet *so, int n, Value *others) {
  if (n == 0) return copy_set(so);
  ObjSet *r = so;
  for (int i = 0; i < n; i++) {
    gc_push_root(OBJ_VAL(r));
    ObjSet *next = lib_set_intersection(r, others[i]);
    gc_pop_roots(1);
    if (!next) return NULL;
    r = next;
  }
  return r;
}

static Value s_intersection(int argc, Value *argv, ObjTuple *kwnames) {
  if (!varargs(cls_of(argc, argv), "intersection", argc, argv, kwnames)) return UNDEF_VAL;
  return wrap(intersection_multi(SELF, argc - 1, argv + 1));
}

static Value s_intersection_update(int argc, Value *argv, ObjTuple *kwnames) {
  if (!varargs(SET, "intersection_update", argc, argv, kwnames)) return UNDEF_VAL;
  ObjSet *tmp = intersection_multi(SELF, argc - 1, argv + 1);
  if (!tmp) return UNDEF_VAL;
  swap_bodies(SELF, tmp);
  return NONE_VAL;
}

static Value s_difference(int argc, Value *argv, ObjTuple *kwnames) {
  if (!varargs(cls_of(argc, argv), "difference", argc, argv, kwnames)) return UNDEF_VAL;
  if (argc == 1) return wrap(copy_set(SELF));
  ObjSet *r = set_difference(SELF, argv[1]);
  if (!r) return UNDEF_VAL;
  gc_push_root(OBJ_VAL(r));
  bool ok = true;
  for (int i = 2; ok && i < argc; i++) ok = lib_set_difference_update(r, argv[i]);
  gc_pop_roots(1);
  return ok ? OBJ_VAL(r) : UNDEF_VAL;
}

static Value s_difference_update(int argc, Value *argv, ObjTuple *kwnames) {
  if (!varargs(SET, "difference_update", argc, argv, kwnames)) return UNDEF_VAL;
  for (int i = 1; i < argc; i++) {
    if (!lib_set_difference_update(SELF, argv[i])) return UNDEF_VAL;
  }
  return NONE_VAL;
}

static Value s_symmetric_difference(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(cls_of(argc, argv), "symmetric_difference", argc, argv, kwnames)) return UNDEF_VAL;
  return wrap(set_symmetric_difference(SELF, argv[1]));
}

static Value s_symmetric_difference_update(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(SET, "symmetric_difference_update", argc, argv, kwnames)) return UNDEF_VAL;
  return lib_set_symmetric_difference_update(SELF, argv[1]) ? NONE_VAL : UNDEF_VAL;
}

static Value s_issubset(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(cls_of(argc, argv), "issubset", argc, argv, kwnames)) return UNDEF_VAL;
  return truth(set_issubset(SELF, argv[1]));
}

static Value s_issuperset(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(cls_of(argc, argv), "issuperset", argc, argv, kwnames)) return UNDEF_VAL;
  return truth(set_issuperset(SELF, argv[1]));
}

static Value s_isdisjoint(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(cls_of(argc, argv), "isdisjoint", argc, argv, kwnames)) return UNDEF_VAL;
  return truth(set_isdisjoint(SELF, argv[1]));
}

/* -------------------------------------------------------------- dunders */

static Value s_len(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(cls_of(argc, argv), "__len__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  return INT_VAL(SELF->used);
}

static Value s_contains(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(cls_of(argc, argv), "__contains__", argc, argv, kwnames)) return UNDEF_VAL;
  return truth(contains_key(SELF, argv[1]));
}

static Value s_iter(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(cls_of(argc, argv), "__iter__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  return vm_iter(argv[0]);
}

static Value s_repr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(cls_of(argc, argv), "__repr__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  ObjString *s = vm_repr(argv[0]);
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

static Value s_hash(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(FROZENSET, "__hash__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  int64_t h;
  return vm_hash(argv[0], &h) ? INT_VAL(h) : UNDEF_VAL;
}

typedef enum { BIN_OR, BIN_AND, BIN_SUB, BIN_XOR } SetBinop;

/* a OP b for two sets, the result of a's kind. */
static Value set_binop(SetBinop op, ObjSet *a, Value b) {
  switch (op) {
  case BIN_OR: {
    ObjSet *r = copy_set(a);
    if (!r) return UNDEF_VAL;
    gc_push_root(OBJ_VAL(r));
    bool ok = AS_SET(b) == a || lib_set_update(r, b);
    gc_pop_roots(1);
    return ok ? OBJ_VAL(r) : UNDEF_VAL;
  }
  case BIN_AND: return wrap(lib_set_intersection(a, b));
  case BIN_SUB: return wrap(set_difference(a, b));
  case BIN_XOR: return wrap(set_symmetric_difference(a, b));
  }
  return UNDEF_VAL;
}

/* self OP other (reflected: other OP self); NotImplemented unless both
 * are sets. */
static Value binop_dunder(SetBinop op, const char *meth, bool reflected, int argc, Value *argv,
                          ObjTuple *kwnames) {
  if (!ma_slot(cls_of(argc, argv), meth, argc, argv, kwnames, 1)) return UNDEF_VAL;
  if (!IS_SET(argv[1])) return vm.not_implemented;
  return reflected ? set_binop(op, AS_SET(argv[1]), argv[0]) : set_binop(op, SELF, argv[1]);
}

/* self OP= other for a set; NotImplemented unless other is a set. */
static Value inplace_dunder(SetBinop op, const char *meth, int argc, Value *argv,
                            ObjTuple *kwnames) {
  if (!ma_slot(SET, meth, argc, argv, kwnames, 1)) return UNDEF_VAL;
  if (!IS_SET(argv[1])) return vm.not_implemented;
  bool ok;
  switch (op) {
  case BIN_OR: ok = lib_set_update(SELF, argv[1]); break;
  case BIN_SUB: ok = lib_set_difference_update(SELF, argv[1]); break;
  case BIN_XOR: ok = lib_set_symmetric_difference_update(SELF, argv[1]); break;
  default: {
    ObjSet *tmp = lib_set_intersection(SELF, argv[1]);
    ok = tmp != NULL;
    if (ok) swap_bodies(SELF, tmp);
  }
  }
  return ok ? argv[0] : UNDEF_VAL;
}

#define SET_BINOP(name, op)                                                                        \
  static Value s_##name(int argc, Value *argv, ObjTuple *kwnames) {                                \
    return binop_dunder(op, "__" #name "__", false, argc, argv, kwnames);                          \
  }                                                                                                \
  static Value s_r##name(int argc, Value *argv, ObjTuple *kwnames) {                               \
    return binop_dunder(op, "__r" #name "__", true, argc, argv, kwnames);                          \
  }                                                                                                \
  static Value s_i##name(int argc, Value *argv, ObjTuple *kwnames) {                               \
    return inplace_dunder(op, "__i" #name "__", argc, argv, kwnames);                              \
  }
SET_BINOP(or, BIN_OR)
SET_BINOP(and, BIN_AND)
SET_BINOP(sub, BIN_SUB)
SET_BINOP(xor, BIN_XOR)

/* Comparisons: subset/superset order, NotImplemented for non-sets. */
static Value cmp_dunder(int op, const char *meth, int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(cls_of(argc, argv), meth, argc, argv, kwnames, 1)) return UNDEF_VAL;
  if (!IS_SET(argv[1])) return vm.not_implemented;
  return vm_compare(op, argv[0], argv[1]);
}

#define SET_CMP(name, op)                                                                          \
  static Value s_##name(int argc, Value *argv, ObjTuple *kwnames) {                                \
    return cmp_dunder(op, "__" #name "__", argc, argv, kwnames);                                   \
  }
SET_CMP(eq, OP_EQ)
SET_CMP(ne, OP_NE)
SET_CMP(lt, OP_LT)
SET_CMP(le, OP_LE)
SET_CMP(gt, OP_GT)
SET_CMP(ge, OP_GE)

/* ----------------------------------------------------------------- init */

typedef struct {
  const char *name;
  NativeFn fn;
  bool mutating; /* set only, not frozenset */
} SetMethod;

static const SetMethod set_methods[] = {
    {"add", s_add, true},
    {"remove", s_remove, true},
    {"discard", s_discard, true},
    {"pop", s_pop, true},
    {"clear", s_clear, true},
    {"update", s_update, true},
    {"intersection_update", s_intersection_update, true},
    {"difference_update", s_difference_update, true},
    {"symmetric_difference_update", s_symmetric_difference_update, true},
    {"__ior__", s_ior, true},
    {"__iand__", s_iand, true},
    {"__isub__", s_isub, true},
    {"__ixor__", s_ixor, true},
    {"copy", s_copy, false},
    {"union", s_union, false},
    {"intersection", s_intersection, false},
    {"difference", s_difference, false},
    {"symmetric_difference", s_symmetric_difference, false},
    {"issubset", s_issubset, false},
    {"issuperset", s_issuperset, false},
    {"isdisjoint", s_isdisjoint, false},
    {"__len__", s_len, false},
    {"__contains__", s_contains, false},
    {"__iter__", s_iter, false},
    {"__repr__", s_repr, false},
    {"__or__", s_or, false},
    {"__ror__", s_ror, false},
    {"__and__", s_and, false},
    {"__rand__", s_rand, false},
    {"__sub__", s_sub, false},
    {"__rsub__", s_rsub, false},
    {"__xor__", s_xor, false},
    {"__rxor__", s_rxor, false},
    {"__eq__", s_eq, false},
    {"__ne__", s_ne, false},
    {"__lt__", s_lt, false},
    {"__le__", s_le, false},
    {"__gt__", s_gt, false},
    {"__ge__", s_ge, false},
};

void lib_set_init(void) {
  vm.t_set->ctor = set_ctor;
  vm.t_frozenset->ctor = frozenset_ctor;
  for (size_t i = 0; i < ASY_ARRAY_LEN(set_methods); i++) {
    const SetMethod *m = &set_methods[i];
    lib_def_method(vm.t_set, m->name, m->fn);
    if (!m->mutating) lib_def_method(vm.t_frozenset, m->name, m->fn);
  }
  lib_def_method(vm.t_frozenset, "__hash__", s_hash);
}
