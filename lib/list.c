/* list.c — the classes list and tuple: constructors, methods, the dunders
 * programs call by name, and the sort shared with sorted().
 *
 * Indexing, slicing, concatenation, comparison and repr live in vm/
 * (vm_getitem, vm_binary, vm_compare, vm_repr); the dunders here delegate
 * to them after the type checks CPython's slot wrappers make.
 *
 * The sort reproduces CPython's timsort where it is observable: small
 * arrays (under 64 items) are sorted exactly as timsort does it (count the
 * leading run, then binary insertion), so a comparison that fails fails
 * on the same pair and with the same message; longer arrays are cut into
 * runs the same way and merged without galloping (same result, a few more
 * comparisons). A key function is called once per item, in order.
 */
#include "../vm/ops.h"
#include "iter.h"
#include "lib.h"
#include "methargs.h"

/* ------------------------------------------------------------- helpers */

static Value memory_error(void) {
  return vm_raise(vm.e_MemoryError, "%s", "");
}

static ObjList *list_from_iterator(Value iterable);

/* A new list of n items copied from items (never NULL on success). */
static ObjList *copy_items(const Value *items, uint32_t n) {
  ObjList *l = list_new(n, NULL);
  if (!l) {
    memory_error();
    return NULL;
  }
  if (n) memcpy(l->items, items, n * sizeof(Value));
  l->len = n;
  return l;
}

ObjList *lib_list_from_iterable(Value iterable) {
  /* Callers may pass a fresh object nothing else holds. */
  gc_push_root(iterable);
  ObjList *l = NULL;
  if (IS_LIST(iterable))
    l = copy_items(AS_LIST(iterable)->items, AS_LIST(iterable)->len);
  else if (IS_TUPLE(iterable))
    l = copy_items(AS_TUPLE(iterable)->items, AS_TUPLE(iterable)->len);
  else
    l = list_from_iterator(iterable);
  gc_pop_roots(1);
  return l;
}

/* A new list of what iter(iterable) produces. */
static ObjList *list_from_iterator(Value iterable) {
  Value it = vm_iter(iterable);
  if (IS_UNDEF(it)) return NULL;
  gc_push_root(it);
  ObjList *l = list_new(0, NULL);
  gc_push_root(OBJ_VAL(l));
  for (;;) {
    Value v;
    int r = vm_next(it, &v);
    if (r == 0) break;
    if (r < 0 || !list_append(l, v)) {
      l = NULL;
      break;
    }
  }
  gc_pop_roots(2);
  return l;
}

/* A tuple holding the items of a list. */
static Value tuple_from_list(ObjList *l) {
  gc_push_root(OBJ_VAL(l));
  ObjTuple *t = tuple_new(l->len, l->items);
  gc_pop_roots(1);
  return t ? OBJ_VAL(t) : memory_error();
}

/* Normalise a start/stop argument of index() as CPython's slice indices
 * do: negative counts from the end, then clamp to [0, len]. */
static bool slice_bound(Value v, int64_t len, int64_t *out) {
  int64_t i;
  if (!vm_to_index(v, &i)) {
    if (vm_exc_matches(vm.e_TypeError)) {
      vm.exc = UNDEF_VAL;
      vm_raise(vm.e_TypeError, "slice indices must be integers or have an __index__ method");
    }
    return false;
  }
  if (i < 0) {
    i += len;
    if (i < 0) i = 0;
  }
  *out = i;
  return true;
}

/* Where x first occurs in items[start, stop): index, -1 absent, -2 error.
 * The length is re-read on each step: an __eq__ may shrink a list. */
static int64_t find_item(Value seq, int64_t start, int64_t stop, Value x) {
  for (int64_t i = start; i < stop; i++) {
    uint32_t n = IS_LIST(seq) ? AS_LIST(seq)->len : AS_TUPLE(seq)->len;
    if (i >= (int64_t)n) break;
    Value item = IS_LIST(seq) ? AS_LIST(seq)->items[i] : AS_TUPLE(seq)->items[i];
    int eq = ma_same_or_eq(item, x);
    if (eq < 0) return -2;
    if (eq) return i;
  }
  return -1;
}

/* seq.index(x[, start[, stop]]) for a list or tuple. */
static Value seq_index(ObjClass *cls, int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_range(cls, "index", argc, argv, kwnames, 1, 3)) return UNDEF_VAL;
  Value seq = argv[0];
  int64_t len = IS_LIST(seq) ? AS_LIST(seq)->len : AS_TUPLE(seq)->len;
  int64_t start = 0, stop = INT64_MAX;
  if (argc > 2 && !slice_bound(argv[2], len, &start)) return UNDEF_VAL;
  if (argc > 3 && !slice_bound(argv[3], len, &stop)) return UNDEF_VAL;
  int64_t i = find_item(seq, start, stop, argv[1]);
  if (i >= 0) return INT_VAL(i);
  if (i == -2) return UNDEF_VAL;
  if (IS_TUPLE(seq)) return vm_raise(vm.e_ValueError, "tuple.index(x): x not in tuple");
  ObjString *r = vm_repr(argv[1]);
  if (!r) return UNDEF_VAL;
  return vm_raise(vm.e_ValueError, "%s is not in list", r->chars);
}

/* seq.count(x) for a list or tuple. */
static Value seq_count(ObjClass *cls, int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(cls, "count", argc, argv, kwnames)) return UNDEF_VAL;
  Value seq = argv[0];
  int64_t count = 0;
  for (int64_t i = 0;; i++) {
    uint32_t n = IS_LIST(seq) ? AS_LIST(seq)->len : AS_TUPLE(seq)->len;
    if (i >= (int64_t)n) break;
    Value item = IS_LIST(seq) ? AS_LIST(seq)->items[i] : AS_TUPLE(seq)->items[i];
    int eq = ma_same_or_eq(item, argv[1]);
    if (eq < 0) return UNDEF_VAL;
    count += eq;
  }
  return INT_VAL(count);
}

/* ---------------------------------------------------------------- sort */

typedef enum { KEYS_GENERIC, KEYS_INT, KEYS_FLOAT, KEYS_STR } KeyKind;

/* The sort works on a permutation of indices into keys, so no Value moves
 * while asy code (a key function, an __lt__) can run and collect. */
typedef struct {
  const Value *keys;
  KeyKind kind;
  uint32_t *tmp; /* merge buffer */
} Sorter;

static KeyKind key_kind(const Value *keys, uint32_t n) {
  bool all_int = true, all_float = true, all_str = true;
  for (uint32_t i = 0; i < n; i++) {
    all_int = all_int && IS_INTLIKE(keys[i]);
    all_float = all_float && IS_FLOAT(keys[i]);
    all_str = all_str && IS_STR(keys[i]);
  }
  return all_int ? KEYS_INT : all_float ? KEYS_FLOAT : all_str ? KEYS_STR : KEYS_GENERIC;
}

/* UTF-8 byte order is code point order, which is how str compares. */
static bool str_less(const ObjString *a, const ObjString *b) {
  uint32_t n = a->len < b->len ? a->len : b->len;
  int c = memcmp(a->chars, b->chars, n);
  return c < 0 || (c == 0 && a->len < b->len);
}

/* keys[a] < keys[b]: 1, 0, or -1 with an exception pending. */
static int sort_lt(const Sorter *s, uint32_t a, uint32_t b) {
  Value x = s->keys[a], y = s->keys[b];
  switch (s->kind) {
  case KEYS_INT: return AS_INTLIKE(x) < AS_INTLIKE(y);
  case KEYS_FLOAT: return AS_FLOAT(x) < AS_FLOAT(y);
  case KEYS_STR: return str_less(AS_STR(x), AS_STR(y));
  case KEYS_GENERIC: break;
  }
  Value r = vm_compare(OP_LT, x, y);
  if (IS_UNDEF(r)) return -1;
  if (IS_BOOL(r)) return AS_BOOL(r);
  gc_push_root(r);
  int t = vm_truthy(r);
  gc_pop_roots(1);
  return t;
}

static void reverse_perm(uint32_t *p, uint32_t n) {
  for (uint32_t i = 0, j = n; i + 1 < j; i++, j--) {
    uint32_t t = p[i];
    p[i] = p[j - 1];
    p[j - 1] = t;
  }
}

/* Length of the run starting at p[0] (strictly descending runs are
 * reversed in place), as timsort's count_run; -1 on error. */
static int64_t count_run(const Sorter *s, uint32_t *p, uint32_t n) {
  if (n == 1) return 1;
  int lt = sort_lt(s, p[1], p[0]);
  if (lt < 0) return -1;
  uint32_t k = 2;
  if (lt) {
    for (; k < n; k++) {
      lt = sort_lt(s, p[k], p[k - 1]);
      if (lt < 0) return -1;
      if (!lt) break;
    }
    reverse_perm(p, k);
    return k;
  }
  for (; k < n; k++) {
    lt = sort_lt(s, p[k], p[k - 1]);
    if (lt < 0) return -1;
    if (lt) break;
  }
  return k;
}

/* Binary insertion of p[start, n) into the sorted p[0, start). */
static bool binary_sort(const Sorter *s, uint32_t *p, uint32_t n, uint32_t start) {
  if (start == 0) start = 1;
  for (; start < n; start++) {
    uint32_t pivot = p[start], l = 0, r = start;
    while (l < r) {
      uint32_t m = l + ((r - l) >> 1);
      int lt = sort_lt(s, pivot, p[m]);
      if (lt < 0) return false;
      if (lt)
        r = m;
      else
        l = m + 1;
    }
    memmove(p + l + 1, p + l, (start - l) * sizeof(uint32_t));
    p[l] = pivot;
  }
  return true;
}

/* Stable merge of the adjacent sorted runs p[0, na) and p[na, n). On an
 * error the rest of the left run is copied back, so p stays a
 * permutation. */
static bool merge_runs(const Sorter *s, uint32_t *p, uint32_t na, uint32_t n) {
  uint32_t *a = s->tmp;
  memcpy(a, p, na * sizeof(uint32_t));
  uint32_t i = 0, j = na, k = 0;
  bool ok = true;
  while (i < na && j < n) {
    int lt = sort_lt(s, p[j], a[i]);
    if (lt < 0) {
      ok = false;
      break;
    }
    p[k++] = lt ? p[j++] : a[i++];
  }
  memcpy(p + k, a + i, (na - i) * sizeof(uint32_t));
  return ok;
}

static uint32_t min_run(uint32_t n) {
  uint32_t r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

typedef struct {
  uint32_t base, len;
} Run;

/* Timsort's run detection with a plain stable merge policy: merge the two
 * top runs while the newer one is at least as long as the older. */
static bool perm_sort(const Sorter *s, uint32_t *p, uint32_t n) {
  Run stack[64];
  int top = 0;
  uint32_t minrun = min_run(n), lo = 0;
  while (lo < n) {
    uint32_t remaining = n - lo;
    int64_t run = count_run(s, p + lo, remaining);
    if (run < 0) return false;
    if (run < minrun) {
      uint32_t force = remaining <= minrun ? remaining : minrun;
      if (!binary_sort(s, p + lo, force, (uint32_t)run)) return false;
      run = force;
    }
    stack[top++] = (Run){lo, (uint32_t)run};
    lo += (uint32_t)run;
    while (top > 1 && (stack[top - 1].len >= stack[top - 2].len || lo == n || top == 64)) {
      Run *x = &stack[top - 2], *y = &stack[top - 1];
      if (!merge_runs(s, p + x->base, x->len, x->len + y->len)) return false;
      x->len += y->len;
      top--;
    }
  }
  return true;
}

/* Compute key(item) for each item into a new list (rooted by the caller). */
static ObjList *compute_keys(const Value *items, uint32_t n, Value key) {
  ObjList *keys = list_new(n, NULL);
  if (!keys) {
    memory_error();
    return NULL;
  }
  gc_push_root(OBJ_VAL(keys));
  for (uint32_t i = 0; i < n; i++) {
    Value k = vm_call(key, 1, (Value *)&items[i]);
    if (IS_UNDEF(k)) {
      gc_pop_roots(1);
      return NULL;
    }
    keys->items[keys->len++] = k;
  }
  gc_pop_roots(1);
  return keys;
}

bool lib_sort(Value *items, uint32_t n, Value key, bool reverse) {
  bool has_key = !IS_UNDEF(key) && !IS_NONE(key);
  ObjList *keys = NULL;
  if (has_key) {
    keys = compute_keys(items, n, key);
    if (!keys) return false;
    gc_push_root(OBJ_VAL(keys));
  }
  bool ok = true;
  if (n > 1) {
    uint32_t *p = malloc(n * sizeof(uint32_t) * 2);
    Value *copy = malloc(n * sizeof(Value));
    if (!p || !copy) {
      free(p);
      free(copy);
      if (keys) gc_pop_roots(1);
      memory_error();
      return false;
    }
    /* Like CPython: reverse, sort stably, reverse again. */
    for (uint32_t i = 0; i < n; i++) p[i] = reverse ? n - 1 - i : i;
    Sorter s = {keys ? keys->items : items, KEYS_GENERIC, p + n};
    s.kind = key_kind(s.keys, n);
    ok = perm_sort(&s, p, n);
    /* Apply the permutation even after a failed comparison: CPython
     * leaves the list as far as the sort got. No asy code runs here. */
    memcpy(copy, items, n * sizeof(Value));
    for (uint32_t i = 0; i < n; i++) items[i] = copy[p[reverse ? n - 1 - i : i]];
    free(p);
    free(copy);
  }
  if (keys) gc_pop_roots(1);
  return ok;
}

/* Read sort()'s keyword-only arguments key= and reverse=. */
static bool sort_args(int argc, Value *argv, ObjTuple *kwnames, Value *key, bool *reverse) {
  if (ma_npos(argc, kwnames) > 0) {
    vm_raise(vm.e_TypeError, "sort() takes no positional arguments");
    return false;
  }
  int nkw = kwnames ? (int)kwnames->len : 0;
  if (nkw > 2) {
    vm_raise(vm.e_TypeError, "sort() takes at most 2 keyword arguments (%d given)", nkw);
    return false;
  }
  *key = NONE_VAL;
  *reverse = false;
  for (int k = 0; k < nkw; k++) {
    const char *name = AS_CSTR(kwnames->items[k]);
    Value v = argv[argc - nkw + k];
    if (strcmp(name, "key") == 0) {
      *key = v;
    } else if (strcmp(name, "reverse") == 0) {
      int64_t r;
      if (!vm_to_index(v, &r)) return false;
      *reverse = r != 0;
    } else {
      vm_raise(vm.e_TypeError, "'%s' is an invalid keyword argument for sort()", name);
      return false;
    }
  }
  return true;
}

/* Sort a list in place. While the sort runs the list looks empty (as in
 * CPython), so a key function or __lt__ that mutates it is detected. */
static bool sort_list(ObjList *l, Value key, bool reverse) {
  ObjList *held = list_new(0, NULL);
  held->items = l->items;
  held->len = l->len;
  held->cap = l->cap;
  l->items = NULL;
  l->len = l->cap = 0;
  gc_push_root(OBJ_VAL(held));
  bool ok = lib_sort(held->items, held->len, key, reverse);
  gc_pop_roots(1);
  bool modified = l->items != NULL;
  if (modified) gc_realloc(l->items, l->cap * sizeof(Value), 0);
  l->items = held->items;
  l->len = held->len;
  l->cap = held->cap;
  held->items = NULL;
  held->len = held->cap = 0;
  if (ok && modified) {
    vm_raise(vm.e_ValueError, "list modified during sort");
    return false;
  }
  return ok;
}

/* sorted(iterable, /, *, key=None, reverse=False) */
static Value builtin_sorted(int argc, Value *argv, ObjTuple *kwnames) {
  int npos = ma_npos(argc, kwnames);
  if (npos != 1) {
    vm_raise(vm.e_TypeError, "sorted expected 1 argument, got %d", npos);
    return UNDEF_VAL;
  }
  Value key;
  bool reverse;
  if (!sort_args(argc - 1, argv + 1, kwnames, &key, &reverse)) return UNDEF_VAL;
  ObjList *l = lib_list_from_iterable(argv[0]);
  if (!l) return UNDEF_VAL;
  gc_push_root(OBJ_VAL(l));
  bool ok = sort_list(l, key, reverse);
  gc_pop_roots(1);
  return ok ? OBJ_VAL(l) : UNDEF_VAL;
}

/* ------------------------------------------------------ list: creation */

static Value list_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_nokw(NULL, "list", kwnames) || !ma_count("list", argc, 0, 1)) return UNDEF_VAL;
  if (argc == 0) {
    ObjList *l = list_new(0, NULL);
    return OBJ_VAL(l);
  }
  ObjList *l = lib_list_from_iterable(argv[0]);
  return l ? OBJ_VAL(l) : UNDEF_VAL;
}

static Value tuple_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_nokw(NULL, "tuple", kwnames) || !ma_count("tuple", argc, 0, 1)) return UNDEF_VAL;
  if (argc == 0) return OBJ_VAL(vm.empty_tuple);
  if (IS_TUPLE(argv[0])) return argv[0];
  ObjList *l = lib_list_from_iterable(argv[0]);
  return l ? tuple_from_list(l) : UNDEF_VAL;
}

/* ------------------------------------------------------- list: methods */

#define LIST vm.t_list
#define SELF_LIST AS_LIST(argv[0])

static Value l_append(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(LIST, "append", argc, argv, kwnames)) return UNDEF_VAL;
  return list_append(SELF_LIST, argv[1]) ? NONE_VAL : UNDEF_VAL;
}

static Value l_extend(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(LIST, "extend", argc, argv, kwnames)) return UNDEF_VAL;
  if (value_is(argv[0], argv[1])) {
    /* l.extend(l): copy first, the list grows while we read it. */
    ObjList *c = copy_items(SELF_LIST->items, SELF_LIST->len);
    if (!c) return UNDEF_VAL;
    gc_push_root(OBJ_VAL(c));
    bool ok = ops_list_extend(SELF_LIST, OBJ_VAL(c));
    gc_pop_roots(1);
    return ok ? NONE_VAL : UNDEF_VAL;
  }
  return ops_list_extend(SELF_LIST, argv[1]) ? NONE_VAL : UNDEF_VAL;
}

static Value l_insert(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_range(LIST, "insert", argc, argv, kwnames, 2, 2)) return UNDEF_VAL;
  int64_t where;
  if (!vm_to_index(argv[1], &where)) return UNDEF_VAL;
  ObjList *l = SELF_LIST;
  int64_t n = l->len;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  if (!list_append(l, argv[2])) return UNDEF_VAL;
  memmove(l->items + where + 1, l->items + where, (size_t)(n - where) * sizeof(Value));
  l->items[where] = argv[2];
  return NONE_VAL;
}

static Value l_remove(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(LIST, "remove", argc, argv, kwnames)) return UNDEF_VAL;
  int64_t i = find_item(argv[0], 0, INT64_MAX, argv[1]);
  if (i == -2) return UNDEF_VAL;
  if (i < 0) return vm_raise(vm.e_ValueError, "list.remove(x): x not in list");
  ObjList *l = SELF_LIST;
  if (i >= (int64_t)l->len) return NONE_VAL; /* an __eq__ shrank the list */
  memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Value));
  l->len--;
  return NONE_VAL;
}

static Value l_pop(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_range(LIST, "pop", argc, argv, kwnames, 0, 1)) return UNDEF_VAL;
  ObjList *l = SELF_LIST;
  int64_t i = -1;
  if (argc > 1 && !vm_to_index(argv[1], &i)) return UNDEF_VAL;
  if (l->len == 0) return vm_raise(vm.e_IndexError, "pop from empty list");
  if (i < 0) i += l->len;
  if (i < 0 || i >= (int64_t)l->len) return vm_raise(vm.e_IndexError, "pop index out of range");
  Value v = l->items[i];
  memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Value));
  l->len--;
  return v;
}

static Value l_clear(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_noargs(LIST, "clear", argc, argv, kwnames)) return UNDEF_VAL;
  SELF_LIST->len = 0;
  return NONE_VAL;
}

static Value l_copy(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_noargs(LIST, "copy", argc, argv, kwnames)) return UNDEF_VAL;
  ObjList *c = copy_items(SELF_LIST->items, SELF_LIST->len);
  return c ? OBJ_VAL(c) : UNDEF_VAL;
}

static Value l_index(int argc, Value *argv, ObjTuple *kwnames) {
  return seq_index(LIST, argc, argv, kwnames);
}

static Value l_count(int argc, Value *argv, ObjTuple *kwnames) {
  return seq_count(LIST, argc, argv, kwnames);
}

static Value l_sort(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_self(LIST, "sort", false, argc, argv)) return UNDEF_VAL;
  Value key;
  bool reverse;
  if (!sort_args(argc - 1, argv + 1, kwnames, &key, &reverse)) return UNDEF_VAL;
  return sort_list(SELF_LIST, key, reverse) ? NONE_VAL : UNDEF_VAL;
}

static Value l_reverse(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_noargs(LIST, "reverse", argc, argv, kwnames)) return UNDEF_VAL;
  ObjList *l = SELF_LIST;
  for (uint32_t i = 0, j = l->len; i + 1 < j; i++, j--) {
    Value t = l->items[i];
    l->items[i] = l->items[j - 1];
    l->items[j - 1] = t;
  }
  return NONE_VAL;
}

/* -------------------------------------------------------- list: dunders */

static Value l_len(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(LIST, "__len__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  return INT_VAL(SELF_LIST->len);
}

static Value l_getitem(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(LIST, "__getitem__", argc, argv, kwnames)) return UNDEF_VAL;
  return vm_getitem(argv[0], argv[1]);
}

static Value l_setitem(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(LIST, "__setitem__", argc, argv, kwnames, 2)) return UNDEF_VAL;
  return vm_setitem(argv[0], argv[1], argv[2]) ? NONE_VAL : UNDEF_VAL;
}

static Value l_delitem(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(LIST, "__delitem__", argc, argv, kwnames, 1)) return UNDEF_VAL;
  return vm_delitem(argv[0], argv[1]) ? NONE_VAL : UNDEF_VAL;
}

static Value l_contains(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(LIST, "__contains__", argc, argv, kwnames, 1)) return UNDEF_VAL;
  int r = vm_contains(argv[0], argv[1]);
  return r < 0 ? UNDEF_VAL : BOOL_VAL(r);
}

static Value l_iter(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(LIST, "__iter__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  return vm_iter(argv[0]);
}

static Value l_reversed(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_noargs(LIST, "__reversed__", argc, argv, kwnames)) return UNDEF_VAL;
  return lib_reversed_list(argv[0]);
}

static Value l_add(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(LIST, "__add__", argc, argv, kwnames, 1)) return UNDEF_VAL;
  if (!IS_LIST(argv[1]))
    return vm_raise(vm.e_TypeError, "can only concatenate list (not \"%s\") to list",
                    vm_type_name(argv[1]));
  return vm_binary(OP_ADD, argv[0], argv[1], false);
}

static Value l_iadd(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(LIST, "__iadd__", argc, argv, kwnames, 1)) return UNDEF_VAL;
  Value r = l_extend(argc, argv, NULL);
  return IS_UNDEF(r) ? r : argv[0];
}

/* seq * n for __mul__/__rmul__/__imul__: n must be an index. */
static Value seq_mul(ObjClass *cls, const char *meth, int argc, Value *argv, ObjTuple *kwnames,
                     bool inplace) {
  if (!ma_slot(cls, meth, argc, argv, kwnames, 1)) return UNDEF_VAL;
  int64_t n;
  if (!vm_to_index(argv[1], &n)) return UNDEF_VAL;
  return vm_binary(OP_MUL, argv[0], INT_VAL(n), inplace);
}

static Value l_mul(int argc, Value *argv, ObjTuple *kwnames) {
  return seq_mul(LIST, "__mul__", argc, argv, kwnames, false);
}

static Value l_rmul(int argc, Value *argv, ObjTuple *kwnames) {
  return seq_mul(LIST, "__rmul__", argc, argv, kwnames, false);
}

static Value l_imul(int argc, Value *argv, ObjTuple *kwnames) {
  return seq_mul(LIST, "__imul__", argc, argv, kwnames, true);
}

/* Rich comparison dunders: NotImplemented unless both are cls. */
static Value seq_richcmp(ObjClass *cls, const char *meth, int op, int argc, Value *argv,
                         ObjTuple *kwnames) {
  if (!ma_slot(cls, meth, argc, argv, kwnames, 1)) return UNDEF_VAL;
  if (!vm_isinstance(argv[1], cls)) return vm.not_implemented;
  return vm_compare(op, argv[0], argv[1]);
}

#define RICHCMP(prefix, cls, name, op)                                                             \
  static Value prefix##_##name(int argc, Value *argv, ObjTuple *kwnames) {                         \
    return seq_richcmp(cls, "__" #name "__", op, argc, argv, kwnames);                             \
  }
RICHCMP(l, LIST, eq, OP_EQ)
RICHCMP(l, LIST, ne, OP_NE)
RICHCMP(l, LIST, lt, OP_LT)
RICHCMP(l, LIST, le, OP_LE)
RICHCMP(l, LIST, gt, OP_GT)
RICHCMP(l, LIST, ge, OP_GE)

static Value l_repr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(LIST, "__repr__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  ObjString *s = vm_repr(argv[0]);
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

/* ---------------------------------------------------------------- tuple */

#define TUPLE vm.t_tuple

static Value t_index(int argc, Value *argv, ObjTuple *kwnames) {
  return seq_index(TUPLE, argc, argv, kwnames);
}

static Value t_count(int argc, Value *argv, ObjTuple *kwnames) {
  return seq_count(TUPLE, argc, argv, kwnames);
}

static Value t_len(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(TUPLE, "__len__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  return INT_VAL(AS_TUPLE(argv[0])->len);
}

static Value t_getitem(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(TUPLE, "__getitem__", argc, argv, kwnames, 1)) return UNDEF_VAL;
  return vm_getitem(argv[0], argv[1]);
}

static Value t_contains(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(TUPLE, "__contains__", argc, argv, kwnames, 1)) return UNDEF_VAL;
  int r = vm_contains(argv[0], argv[1]);
  return r < 0 ? UNDEF_VAL : BOOL_VAL(r);
}

static Value t_iter(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(TUPLE, "__iter__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  return vm_iter(argv[0]);
}

static Value t_add(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(TUPLE, "__add__", argc, argv, kwnames, 1)) return UNDEF_VAL;
  if (!IS_TUPLE(argv[1]))
    return vm_raise(vm.e_TypeError, "can only concatenate tuple (not \"%s\") to tuple",
                    vm_type_name(argv[1]));
  return vm_binary(OP_ADD, argv[0], argv[1], false);
}

static Value t_mul(int argc, Value *argv, ObjTuple *kwnames) {
  return seq_mul(TUPLE, "__mul__", argc, argv, kwnames, false);
}

static Value t_rmul(int argc, Value *argv, ObjTuple *kwnames) {
  return seq_mul(TUPLE, "__rmul__", argc, argv, kwnames, false);
}

RICHCMP(t, TUPLE, eq, OP_EQ)
RICHCMP(t, TUPLE, ne, OP_NE)
RICHCMP(t, TUPLE, lt, OP_LT)
RICHCMP(t, TUPLE, le, OP_LE)
RICHCMP(t, TUPLE, gt, OP_GT)
RICHCMP(t, TUPLE, ge, OP_GE)

static Value t_hash(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(TUPLE, "__hash__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  int64_t h;
  return vm_hash(argv[0], &h) ? INT_VAL(h) : UNDEF_VAL;
}

static Value t_repr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(TUPLE, "__repr__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  ObjString *s = vm_repr(argv[0]);
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

/* ----------------------------------------------------------------- init */

typedef struct {
  const char *name;
  NativeFn fn;
} MethodDef;

static void def_methods(ObjClass *cls, const MethodDef *defs, size_t n) {
  for (size_t i = 0; i < n; i++) lib_def_method(cls, defs[i].name, defs[i].fn);
}

void lib_list_init(void) {
  static const MethodDef list_methods[] = {
      {"append", l_append},
      {"extend", l_extend},
      {"insert", l_insert},
      {"remove", l_remove},
      {"pop", l_pop},
      {"clear", l_clear},
      {"copy", l_copy},
      {"index", l_index},
      {"count", l_count},
      {"sort", l_sort},
      {"reverse", l_reverse},
      {"__len__", l_len},
      {"__getitem__", l_getitem},
      {"__setitem__", l_setitem},
      {"__delitem__", l_delitem},
      {"__contains__", l_contains},
      {"__iter__", l_iter},
      {"__reversed__", l_reversed},
      {"__add__", l_add},
      {"__iadd__", l_iadd},
      {"__mul__", l_mul},
      {"__rmul__", l_rmul},
      {"__imul__", l_imul},
      {"__eq__", l_eq},
      {"__ne__", l_ne},
      {"__lt__", l_lt},
      {"__le__", l_le},
      {"__gt__", l_gt},
      {"__ge__", l_ge},
      {"__repr__", l_repr},
  };
  static const MethodDef tuple_methods[] = {
      {"index", t_index},
      {"count", t_count},
      {"__len__", t_len},
      {"__getitem__", t_getitem},
      {"__contains__", t_contains},
      {"__iter__", t_iter},
      {"__add__", t_add},
      {"__mul__", t_mul},
      {"__rmul__", t_rmul},
      {"__eq__", t_eq},
      {"__ne__", t_ne},
      {"__lt__", t_lt},
      {"__le__", t_le},
      {"__gt__", t_gt},
      {"__ge__", t_ge},
      {"__hash__", t_hash},
      {"__repr__", t_repr},
  };
  vm.t_list->ctor = list_ctor;
  vm.t_tuple->ctor = tuple_ctor;
  def_methods(vm.t_list, list_methods, ASY_ARRAY_LEN(list_methods));
  def_methods(vm.t_tuple, tuple_methods, ASY_ARRAY_LEN(tuple_methods));
  vm_def_native(vm.builtins, "sorted", builtin_sorted);
}
