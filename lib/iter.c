/* iter.c — range, slice, and the iterator classes: enumerate, zip, map,
 * filter, reversed, iter(callable, sentinel), and the named iterator
 * types (list_iterator, dict_keyiterator, ...) type() reports.
 *
 * Every iterator is an ObjIter; its kind says how it advances (iter.h
 * lists the fields each kind uses) and, with the source's type, which
 * class it belongs to, so type(enumerate(x)).__name__ == 'enumerate' and
 * isinstance(e, enumerate) hold without a separate object layout per
 * class.
 */
#include "iter.h"

#include "../vm/ops.h"
#include "lib.h"
#include "methargs.h"

/* ----------------------------------------------------- iterator classes */

enum {
  IC_ENUMERATE,
  IC_ZIP,
  IC_MAP,
  IC_FILTER,
  IC_REVERSED,
  IC_LIST,
  IC_TUPLE,
  IC_STR,
  IC_STR_ASCII,
  IC_RANGE,
  IC_DICT_KEYS,
  IC_DICT_VALUES,
  IC_DICT_ITEMS,
  IC_SET,
  IC_CALLABLE,
  IC_LIST_REV,
  IC_DICT_REV_KEYS,
  IC_DICT_REV_VALUES,
  IC_DICT_REV_ITEMS,
  IC__COUNT
};

static const char *const iter_class_names[IC__COUNT] = {
    "enumerate",
    "zip",
    "map",
    "filter",
    "reversed",
    "list_iterator",
    "tuple_iterator",
    "str_iterator",
    "str_ascii_iterator",
    "range_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "set_iterator",
    "callable_iterator",
    "list_reverseiterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
};

/* Created by lib_range_init; reachable from vm.builtins or a marker. */
static ObjClass *iter_classes[IC__COUNT];

static int seq_iter_class(Value src) {
  if (IS_LIST(src)) return IC_LIST;
  if (IS_TUPLE(src)) return IC_TUPLE;
  if (IS_STR(src)) return AS_STR(src)->ncp == AS_STR(src)->len ? IC_STR_ASCII : IC_STR;
  return -1;
}

ObjClass *lib_iter_class(const ObjIter *it) {
  int c = -1;
  switch ((IterKind)it->kind) {
  case ITER_SEQ: c = seq_iter_class(it->src); break;
  case ITER_RANGE: c = IC_RANGE; break;
  case ITER_DICT: c = IC_DICT_KEYS + (it->sub <= 2 ? it->sub : 0); break;
  case ITER_SET: c = IC_SET; break;
  case ITER_ENUMERATE: c = IC_ENUMERATE; break;
  case ITER_ZIP: c = IC_ZIP; break;
  case ITER_MAP: c = IC_MAP; break;
  case ITER_FILTER: c = IC_FILTER; break;
  case ITER_REVERSED:
    c = it->sub == REV_SEQ    ? IC_REVERSED
        : it->sub == REV_LIST ? IC_LIST_REV
                              : IC_DICT_REV_KEYS + (it->sub - REV_DICT_KEYS);
    break;
  case ITER_CALLABLE: c = IC_CALLABLE; break;
  default: break;
  }
  if (c < 0 || !iter_classes[c]) return vm.t_iterator;
  return iter_classes[c];
}

static void mark_iter_classes(void *ctx) {
  for (int i = 0; i < IC__COUNT; i++) gc_mark_obj((Obj *)iter_classes[i]);
}

/* ------------------------------------------------------------- advance */

static Value memory_error(void) {
  return vm_raise(vm.e_MemoryError, "%s", "");
}

static int next_enumerate(ObjIter *it, Value *out) {
  if (it->sub) {
    vm_raise(vm.e_OverflowError, "integer overflow: asy ints are 64-bit");
    return -1;
  }
  Value v;
  int r = vm_next(it->src, &v);
  if (r <= 0) return r;
  Value pair[2] = {INT_VAL(it->i), v};
  gc_push_root(v);
  ObjTuple *t = tuple_new(2, pair);
  gc_pop_roots(1);
  if (!t) return memory_error(), -1;
  /* sub marks a counter that has passed the int64 range. */
  if (it->i == INT64_MAX)
    it->sub = 1;
  else
    it->i++;
  *out = OBJ_VAL(t);
  return 1;
}

/* zip(strict=True) found argument i (0-based) exhausted first: report a
 * length mismatch as CPython does, or finish if all are exhausted. */
static int zip_strict_end(ObjTuple *its, uint32_t i) {
  if (i > 0) {
    vm_raise(vm.e_ValueError, "zip() argument %u is shorter than argument%s%u", i + 1,
             i == 1 ? " " : "s 1-", i);
    return -1;
  }
  for (uint32_t j = 1; j < its->len; j++) {
    Value v;
    int r = vm_next(its->items[j], &v);
    if (r < 0) return -1;
    if (r > 0) {
      vm_raise(vm.e_ValueError, "zip() argument %u is longer than argument%s%u", j + 1,
               j == 1 ? " " : "s 1-", j);
      return -1;
    }
  }
  return 0;
}

/* One item from each iterator of its into a new tuple: 1, 0 when one is
 * exhausted (*which: its index), -1 on error. */
static int next_each(ObjTuple *its, ObjTuple **out, uint32_t *which) {
  ObjTuple *res = tuple_new(its->len, NULL);
  if (!res) return memory_error(), -1;
  gc_push_root(OBJ_VAL(res));
  int r = 1;
  for (uint32_t i = 0; i < its->len; i++) {
    Value v;
    r = vm_next(its->items[i], &v);
    if (r <= 0) {
      *which = i;
      break;
    }
    res->items[i] = v;
  }
  gc_pop_roots(1);
  *out = res;
  return r;
}

static int next_zip(ObjIter *it, Value *out) {
  ObjTuple *its = AS_TUPLE(it->src);
  if (its->len == 0) return 0;
  ObjTuple *res;
  uint32_t which = 0;
  int r = next_each(its, &res, &which);
  if (r == 0 && it->sub) return zip_strict_end(its, which);
  if (r > 0) *out = OBJ_VAL(res);
  return r;
}

static int next_map(ObjIter *it, Value *out) {
  ObjTuple *args;
  uint32_t which;
  int r = next_each(AS_TUPLE(it->src), &args, &which);
  if (r <= 0) return r;
  gc_push_root(OBJ_VAL(args));
  Value v = vm_call(it->a, (int)args->len, args->items);
  gc_pop_roots(1);
  if (IS_UNDEF(v)) return -1;
  *out = v;
  return 1;
}

static int next_filter(ObjIter *it, Value *out) {
  for (;;) {
    Value v;
    int r = vm_next(it->src, &v);
    if (r <= 0) return r;
    gc_push_root(v);
    int keep;
    if (IS_NONE(it->a) || value_is(it->a, OBJ_VAL(vm.t_bool))) {
      keep = vm_truthy(v);
    } else {
      Value t = vm_call(it->a, 1, &v);
      gc_push_root(t);
      keep = IS_UNDEF(t) ? -1 : vm_truthy(t);
      gc_pop_roots(1);
    }
    gc_pop_roots(1);
    if (keep < 0) return -1;
    if (keep) {
      *out = v;
      return 1;
    }
  }
}

static int next_reversed_dict(ObjIter *it, Value *out) {
  ObjDict *d = AS_DICT(it->src);
  if (it->i < 0) return 0;
  if ((int64_t)d->len != it->n) {
    it->i = -1;
    vm_raise(vm.e_RuntimeError, "dictionary changed size during iteration");
    return -1;
  }
  if (it->i >= (int64_t)d->nentries) it->i = (int64_t)d->nentries - 1;
  while (it->i >= 0) {
    DictEntry *e = &d->entries[it->i--];
    if (IS_UNDEF(e->key)) continue;
    if (it->sub == REV_DICT_KEYS) {
      *out = e->key;
    } else if (it->sub == REV_DICT_VALUES) {
      *out = e->value;
    } else {
      Value pair[2] = {e->key, e->value};
      ObjTuple *t = tuple_new(2, pair);
      if (!t) return memory_error(), -1;
      *out = OBJ_VAL(t);
    }
    return 1;
  }
  return 0;
}

static int next_reversed(ObjIter *it, Value *out) {
  if (it->sub >= REV_DICT_KEYS) return next_reversed_dict(it, out);
  if (it->i < 0) return 0;
  Value src = it->src;
  if (it->sub == REV_LIST) {
    if (it->i < (int64_t)AS_LIST(src)->len) {
      *out = AS_LIST(src)->items[it->i--];
      return 1;
    }
    it->i = -1;
    return 0;
  }
  if (IS_TUPLE(src)) {
    *out = AS_TUPLE(src)->items[it->i--];
    return 1;
  }
  Value v = vm_getitem(src, INT_VAL(it->i));
  if (!IS_UNDEF(v)) {
    it->i--;
    *out = v;
    return 1;
  }
  if (vm_exc_matches(vm.e_IndexError) || vm_exc_matches(vm.e_StopIteration)) {
    vm.exc = UNDEF_VAL;
    it->i = -1;
    return 0;
  }
  return -1;
}

static int next_callable(ObjIter *it, Value *out) {
  if (it->sub) return 0;
  Value v = vm_call(it->a, 0, NULL);
  if (IS_UNDEF(v)) {
    if (!vm_exc_matches(vm.e_StopIteration)) return -1;
    vm.exc = UNDEF_VAL;
    it->sub = 1;
    return 0;
  }
  gc_push_root(v);
  int eq = ma_same_or_eq(it->src, v);
  gc_pop_roots(1);
  if (eq < 0) return -1;
  if (eq) {
    it->sub = 1;
    return 0;
  }
  *out = v;
  return 1;
}

int lib_iter_next(ObjIter *it, Value *out) {
  switch ((IterKind)it->kind) {
  case ITER_ENUMERATE: return next_enumerate(it, out);
  case ITER_ZIP: return next_zip(it, out);
  case ITER_MAP: return next_map(it, out);
  case ITER_FILTER: return next_filter(it, out);
  case ITER_REVERSED: return next_reversed(it, out);
  case ITER_CALLABLE: return next_callable(it, out);
  default: break;
  }
  vm_raise(vm.e_SystemError, "cannot advance iterator kind %d", it->kind);
  return -1;
}

/* __iter__ and __next__ of every iterator class. */
static Value it_iter(int argc, Value *argv, ObjTuple *kwnames) {
  if (argc != 1 || ma_has_kw(kwnames))
    return vm_raise(vm.e_TypeError, "expected 0 arguments, got %d", argc - 1);
  return argv[0];
}

static Value it_next(int argc, Value *argv, ObjTuple *kwnames) {
  if (argc != 1 || ma_has_kw(kwnames))
    return vm_raise(vm.e_TypeError, "expected 0 arguments, got %d", argc - 1);
  if (!IS_ITER(argv[0]))
    return vm_raise(vm.e_TypeError,
                    "descriptor '__next__' requires an iterator but received a '%s'",
                    vm_type_name(argv[0]));
  Value v;
  int r = vm_next(argv[0], &v);
  if (r > 0) return v;
  if (r == 0) return vm_raise_value(OBJ_VAL(vm.e_StopIteration));
  return UNDEF_VAL;
}

/* ---------------------------------------------------- iterator creation */

/* A tuple of iter(x) for each of n values. */
static ObjTuple *iter_tuple(int n, Value *values) {
  ObjTuple *t = tuple_new((uint32_t)n, NULL);
  if (!t) {
    memory_error();
    return NULL;
  }
  gc_push_root(OBJ_VAL(t));
  for (int i = 0; i < n; i++) {
    Value it = vm_iter(values[i]);
    if (IS_UNDEF(it)) {
      gc_pop_roots(1);
      return NULL;
    }
    t->items[i] = it;
  }
  gc_pop_roots(1);
  return t;
}

/* enumerate(iterable, start=0) */
static Value enumerate_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  static const char *const params[] = {"iterable", "start"};
  Value a[2];
  int nkw = kwnames ? (int)kwnames->len : 0;
  if (argc > 2) {
    return vm_raise(vm.e_TypeError, "enumerate() takes at most 2 arguments (%d given)", argc);
  }
  if (!ma_bind("enumerate", argc, argv, kwnames, 2, params, 0, 2, 0, a)) return UNDEF_VAL;
  if (IS_UNDEF(a[0])) {
    if (nkw > 0 && argc - nkw == 0)
      return vm_raise(vm.e_TypeError, "'%s' is an invalid keyword argument for enumerate()",
                      AS_CSTR(kwnames->items[0]));
    return vm_raise(vm.e_TypeError, "enumerate() missing required argument 'iterable'");
  }
  int64_t start = 0;
  if (!IS_UNDEF(a[1]) && !vm_to_index(a[1], &start)) return UNDEF_VAL;
  Value src = vm_iter(a[0]);
  if (IS_UNDEF(src)) return src;
  ObjIter *it = iter_new(ITER_ENUMERATE, src);
  it->i = start;
  return OBJ_VAL(it);
}

/* zip(*iterables, strict=False) */
static Value zip_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  int nkw = kwnames ? (int)kwnames->len : 0, npos = argc - nkw;
  bool strict = false;
  if (nkw > 1)
    return vm_raise(vm.e_TypeError, "zip() takes at most 1 keyword argument (%d given)", nkw);
  if (nkw == 1) {
    if (strcmp(AS_CSTR(kwnames->items[0]), "strict") != 0)
      return vm_raise(vm.e_TypeError, "'%s' is an invalid keyword argument for zip()",
                      AS_CSTR(kwnames->items[0]));
    int t = vm_truthy(argv[npos]);
    if (t < 0) return UNDEF_VAL;
    strict = t;
  }
  ObjTuple *its = iter_tuple(npos, argv);
  if (!its) return UNDEF_VAL;
  ObjIter *it = iter_new(ITER_ZIP, OBJ_VAL(its));
  it->sub = strict;
  return OBJ_VAL(it);
}

/* map(func, *iterables) */
static Value map_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_nokw(NULL, "map", kwnames)) return UNDEF_VAL;
  if (argc < 2) return vm_raise(vm.e_TypeError, "map() must have at least two arguments.");
  ObjTuple *its = iter_tuple(argc - 1, argv + 1);
  if (!its) return UNDEF_VAL;
  ObjIter *it = iter_new(ITER_MAP, OBJ_VAL(its));
  it->a = argv[0];
  return OBJ_VAL(it);
}

/* filter(function or None, iterable) */
static Value filter_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("filter", argc, kwnames, 2, 2)) return UNDEF_VAL;
  Value src = vm_iter(argv[1]);
  if (IS_UNDEF(src)) return src;
  ObjIter *it = iter_new(ITER_FILTER, src);
  it->a = argv[0];
  return OBJ_VAL(it);
}

Value lib_reversed_list(Value list) {
  ObjIter *it = iter_new(ITER_REVERSED, list);
  it->sub = REV_LIST;
  it->i = (int64_t)AS_LIST(list)->len - 1;
  return OBJ_VAL(it);
}

Value lib_reversed_dict(ObjDict *d, int kind) {
  ObjIter *it = iter_new(ITER_REVERSED, OBJ_VAL(d));
  it->sub = (uint8_t)(REV_DICT_KEYS + kind);
  it->i = (int64_t)d->nentries - 1;
  it->n = d->len;
  return OBJ_VAL(it);
}

static Value not_reversible(Value seq) {
  return vm_raise(vm.e_TypeError, "'%s' object is not reversible", vm_type_name(seq));
}

/* reversed(seq): seq.__reversed__() or the sequence protocol. */
static Value reversed_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("reversed", argc, kwnames, 1, 1)) return UNDEF_VAL;
  Value seq = argv[0];
  if (IS_LIST(seq)) return lib_reversed_list(seq);
  int64_t n;
  if (IS_TUPLE(seq) || IS_STR(seq)) {
    if (!vm_len(seq, &n)) return UNDEF_VAL;
  } else {
    Value m = vm_lookup_special(seq, str_intern_cstr("__reversed__"));
    if (IS_NONE(m)) return not_reversible(seq);
    if (!IS_UNDEF(m)) return vm_call(m, 1, &seq);
    if (IS_DICT(seq) || IS_UNDEF(vm_lookup_special(seq, vm.names[NAME_getitem])))
      return not_reversible(seq);
    if (!vm_len(seq, &n)) return UNDEF_VAL;
  }
  ObjIter *it = iter_new(ITER_REVERSED, seq);
  it->sub = REV_SEQ;
  it->i = n - 1;
  return OBJ_VAL(it);
}

/* iter(object) / iter(callable, sentinel) */
static Value builtin_iter(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("iter", argc, kwnames, 1, 2)) return UNDEF_VAL;
  if (argc == 1) return vm_iter(argv[0]);
  if (!ma_callable(argv[0])) return vm_raise(vm.e_TypeError, "iter(v, w): v must be callable");
  ObjIter *it = iter_new(ITER_CALLABLE, argv[1]);
  it->a = argv[0];
  return OBJ_VAL(it);
}

/* ---------------------------------------------------------------- range */

#define RANGE vm.t_range

/* Number of items of a range (0 when empty); saturates at INT64_MAX. */
static int64_t range_length(const ObjRange *r) {
  uint64_t n = 0;
  if (r->step > 0 && r->start < r->stop)
    n = ((uint64_t)r->stop - (uint64_t)r->start - 1) / (uint64_t)r->step + 1;
  else if (r->step < 0 && r->start > r->stop)
    n = ((uint64_t)r->start - (uint64_t)r->stop - 1) / (0 - (uint64_t)r->step) + 1;
  return n > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)n;
}

static Value range_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_nokw(NULL, "range", kwnames) || !ma_count("range", argc, 1, 3)) return UNDEF_VAL;
  int64_t v[3] = {0, 0, 1};
  for (int i = 0; i < argc; i++) {
    if (!vm_to_index(argv[i], &v[i])) return UNDEF_VAL;
  }
  if (argc == 1) {
    v[1] = v[0];
    v[0] = 0;
  }
  if (v[2] == 0) return vm_raise(vm.e_ValueError, "range() arg 3 must not be zero");
  return OBJ_VAL(range_new(v[0], v[1], v[2]));
}

static bool range_self(const char *meth, bool slot, int argc, Value *argv, ObjTuple *kwnames,
                       int nargs) {
  if (slot) return ma_slot(RANGE, meth, argc, argv, kwnames, nargs);
  return nargs == 1 ? ma_onearg(RANGE, meth, argc, argv, kwnames)
                    : ma_noargs(RANGE, meth, argc, argv, kwnames);
}

static Value range_start(int argc, Value *argv, ObjTuple *kwnames) {
  return INT_VAL(AS_RANGE(argv[0])->start);
}

static Value range_stop(int argc, Value *argv, ObjTuple *kwnames) {
  return INT_VAL(AS_RANGE(argv[0])->stop);
}

static Value range_step(int argc, Value *argv, ObjTuple *kwnames) {
  return INT_VAL(AS_RANGE(argv[0])->step);
}

static Value r_len(int argc, Value *argv, ObjTuple *kwnames) {
  if (!range_self("__len__", true, argc, argv, kwnames, 0)) return UNDEF_VAL;
  return INT_VAL(range_length(AS_RANGE(argv[0])));
}

static Value r_getitem(int argc, Value *argv, ObjTuple *kwnames) {
  if (!range_self("__getitem__", true, argc, argv, kwnames, 1)) return UNDEF_VAL;
  return vm_getitem(argv[0], argv[1]);
}

static Value r_contains(int argc, Value *argv, ObjTuple *kwnames) {
  if (!range_self("__contains__", true, argc, argv, kwnames, 1)) return UNDEF_VAL;
  int r = vm_contains(argv[0], argv[1]);
  return r < 0 ? UNDEF_VAL : BOOL_VAL(r);
}

static Value r_iter(int argc, Value *argv, ObjTuple *kwnames) {
  if (!range_self("__iter__", true, argc, argv, kwnames, 0)) return UNDEF_VAL;
  return vm_iter(argv[0]);
}

static Value r_reversed(int argc, Value *argv, ObjTuple *kwnames) {
  if (!range_self("__reversed__", false, argc, argv, kwnames, 0)) return UNDEF_VAL;
  ObjRange *r = AS_RANGE(argv[0]);
  int64_t n = range_length(r);
  ObjIter *it = iter_new(ITER_RANGE, argv[0]);
  it->step = -r->step;
  if (n == 0) {
    it->i = it->n = 0;
    return OBJ_VAL(it);
  }
  /* Last item first; stop one step before the first (saturating, so
   * only a range reaching INT64_MIN/MAX loses its end item). */
  it->i = (int64_t)((uint64_t)r->start + (uint64_t)(n - 1) * (uint64_t)r->step);
  if (__builtin_sub_overflow(r->start, r->step, &it->n))
    it->n = r->step > 0 ? INT64_MIN : INT64_MAX;
  return OBJ_VAL(it);
}

/* Whether x is an int equal to an item: an index, or -1. Only called for
 * ints and bools, whose membership needs no asy code. */
static int64_t range_index_of(const ObjRange *r, int64_t x) {
  int64_t n = range_length(r);
  if (n == 0) return -1;
  if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop)) return -1;
  uint64_t off = r->step > 0 ? (uint64_t)x - (uint64_t)r->start : (uint64_t)r->start - (uint64_t)x;
  uint64_t st = r->step > 0 ? (uint64_t)r->step : 0 - (uint64_t)r->step;
  return off % st == 0 ? (int64_t)(off / st) : -1;
}

/* Count (or find, when find is set) x by comparing it with each item,
 * as CPython does for non-int values. */
static int64_t range_scan(const ObjRange *r, Value x, bool find, bool *err) {
  int64_t n = range_length(r), count = 0;
  *err = false;
  for (int64_t i = 0; i < n; i++) {
    Value item = INT_VAL((int64_t)((uint64_t)r->start + (uint64_t)i * (uint64_t)r->step));
    int eq = vm_eq(item, x);
    if (eq < 0) {
      *err = true;
      return -1;
    }
    if (eq && find) return i;
    count += eq;
  }
  return find ? -1 : count;
}

static Value r_count(int argc, Value *argv, ObjTuple *kwnames) {
  if (!range_self("count", false, argc, argv, kwnames, 1)) return UNDEF_VAL;
  ObjRange *r = AS_RANGE(argv[0]);
  if (IS_INTLIKE(argv[1])) return INT_VAL(range_index_of(r, AS_INTLIKE(argv[1])) >= 0);
  bool err;
  int64_t c = range_scan(r, argv[1], false, &err);
  return err ? UNDEF_VAL : INT_VAL(c);
}

static Value r_index(int argc, Value *argv, ObjTuple *kwnames) {
  if (!range_self("index", false, argc, argv, kwnames, 1)) return UNDEF_VAL;
  ObjRange *r = AS_RANGE(argv[0]);
  int64_t i;
  if (IS_INTLIKE(argv[1])) {
    i = range_index_of(r, AS_INTLIKE(argv[1]));
  } else {
    bool err;
    i = range_scan(r, argv[1], true, &err);
    if (err) return UNDEF_VAL;
  }
  if (i >= 0) return INT_VAL(i);
  if (!IS_INTLIKE(argv[1]))
    return vm_raise(vm.e_ValueError, "sequence.index(x): x not in sequence");
  ObjString *s = vm_repr(argv[1]);
  return s ? vm_raise(vm.e_ValueError, "%s is not in range", s->chars) : UNDEF_VAL;
}

static Value r_richcmp(int op, const char *meth, int argc, Value *argv, ObjTuple *kwnames) {
  if (!range_self(meth, true, argc, argv, kwnames, 1)) return UNDEF_VAL;
  if (!IS_OBJ_TYPE(argv[1], OBJ_RANGE)) return vm.not_implemented;
  return vm_compare(op, argv[0], argv[1]);
}

static Value r_eq(int argc, Value *argv, ObjTuple *kwnames) {
  return r_richcmp(OP_EQ, "__eq__", argc, argv, kwnames);
}

static Value r_ne(int argc, Value *argv, ObjTuple *kwnames) {
  return r_richcmp(OP_NE, "__ne__", argc, argv, kwnames);
}

/* hash((len, start, step)) with start/step None when they do not matter,
 * so equal ranges hash alike. */
static Value r_hash(int argc, Value *argv, ObjTuple *kwnames) {
  if (!range_self("__hash__", true, argc, argv, kwnames, 0)) return UNDEF_VAL;
  ObjRange *r = AS_RANGE(argv[0]);
  int64_t n = range_length(r);
  Value t[3] = {INT_VAL(n), NONE_VAL, NONE_VAL};
  if (n > 0) t[1] = INT_VAL(r->start);
  if (n > 1) t[2] = INT_VAL(r->step);
  ObjTuple *tup = tuple_new(3, t);
  if (!tup) return memory_error();
  int64_t h;
  return vm_hash(OBJ_VAL(tup), &h) ? INT_VAL(h) : UNDEF_VAL;
}

static Value r_repr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!range_self("__repr__", true, argc, argv, kwnames, 0)) return UNDEF_VAL;
  ObjString *s = vm_repr(argv[0]);
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

/* ---------------------------------------------------------------- slice */

#define SLICE vm.t_slice

static Value slice_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_nokw(NULL, "slice", kwnames) || !ma_count("slice", argc, 1, 3)) return UNDEF_VAL;
  if (argc == 1) return OBJ_VAL(slice_new(NONE_VAL, argv[0], NONE_VAL));
  return OBJ_VAL(slice_new(argv[0], argv[1], argc == 3 ? argv[2] : NONE_VAL));
}

static Value slice_start(int argc, Value *argv, ObjTuple *kwnames) {
  return AS_SLICE(argv[0])->start;
}

static Value slice_stop(int argc, Value *argv, ObjTuple *kwnames) {
  return AS_SLICE(argv[0])->stop;
}

static Value slice_step(int argc, Value *argv, ObjTuple *kwnames) {
  return AS_SLICE(argv[0])->step;
}

static Value s_indices(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(SLICE, "indices", argc, argv, kwnames)) return UNDEF_VAL;
  int64_t len;
  if (!vm_to_index(argv[1], &len)) return UNDEF_VAL;
  if (len < 0) return vm_raise(vm.e_ValueError, "length should not be negative");
  ObjSlice *sl = AS_SLICE(argv[0]);
  Value parts[3] = {sl->start, sl->stop, sl->step};
  for (int i = 0; i < 3; i++) {
    if (!IS_NONE(parts[i]) && !IS_INTLIKE(parts[i]) &&
        IS_UNDEF(vm_lookup_special(parts[i], vm.names[NAME_index])))
      return vm_raise(vm.e_TypeError,
                      "slice indices must be integers or None or have an __index__ method");
  }
  int64_t start, stop, step, n;
  if (!ops_slice_indices(AS_SLICE(argv[0]), len, &start, &stop, &step, &n)) return UNDEF_VAL;
  Value t[3] = {INT_VAL(start), INT_VAL(stop), INT_VAL(step)};
  ObjTuple *tup = tuple_new(3, t);
  return tup ? OBJ_VAL(tup) : memory_error();
}

/* Slices compare as the tuples (start, stop, step). */
static Value s_richcmp(int op, const char *meth, int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(SLICE, meth, argc, argv, kwnames, 1)) return UNDEF_VAL;
  if (!IS_OBJ_TYPE(argv[1], OBJ_SLICE)) return vm.not_implemented;
  ObjSlice *a = AS_SLICE(argv[0]), *b = AS_SLICE(argv[1]);
  Value ta[3] = {a->start, a->stop, a->step}, tb[3] = {b->start, b->stop, b->step};
  ObjTuple *x = tuple_new(3, ta);
  if (!x) return memory_error();
  gc_push_root(OBJ_VAL(x));
  ObjTuple *y = tuple_new(3, tb);
  gc_push_root(OBJ_VAL(y));
  Value r = y ? vm_compare(op, OBJ_VAL(x), OBJ_VAL(y)) : memory_error();
  gc_pop_roots(2);
  return r;
}

#define SLICE_CMP(name, op)                                                                        \
  static Value s_##name(int argc, Value *argv, ObjTuple *kwnames) {                                \
    return s_richcmp(op, "__" #name "__", argc, argv, kwnames);                                    \
  }
SLICE_CMP(eq, OP_EQ)
SLICE_CMP(ne, OP_NE)
SLICE_CMP(lt, OP_LT)
SLICE_CMP(le, OP_LE)
SLICE_CMP(gt, OP_GT)
SLICE_CMP(ge, OP_GE)

static Value s_repr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(SLICE, "__repr__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  ObjString *s = vm_repr(argv[0]);
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

/* ----------------------------------------------------------------- init */

static ObjClass *def_iter_class(const char *name, Value (*ctor)(int, Value *, ObjTuple *)) {
  ObjClass *c = vm_def_class(name, vm.t_object, OBJ_ITER);
  gc_push_root(OBJ_VAL(c));
  c->ctor = ctor;
  lib_def_method(c, "__iter__", it_iter);
  lib_def_method(c, "__next__", it_next);
  gc_pop_roots(1);
  return c;
}

static void init_iterators(void) {
  static Value (*const ctors[IC__COUNT])(int, Value *, ObjTuple *) = {
      [IC_ENUMERATE] = enumerate_ctor, [IC_ZIP] = zip_ctor,           [IC_MAP] = map_ctor,
      [IC_FILTER] = filter_ctor,       [IC_REVERSED] = reversed_ctor,
  };
  gc_add_marker(mark_iter_classes, NULL);
  for (int i = 0; i < IC__COUNT; i++)
    iter_classes[i] = def_iter_class(iter_class_names[i], ctors[i]);
  for (int i = IC_ENUMERATE; i <= IC_REVERSED; i++) {
    dict_set_str(vm.builtins, str_intern_cstr(iter_class_names[i]), OBJ_VAL(iter_classes[i]));
  }
  lib_def_method(vm.t_iterator, "__iter__", it_iter);
  lib_def_method(vm.t_iterator, "__next__", it_next);
  vm_def_native(vm.builtins, "iter", builtin_iter);
}

static void init_range(void) {
  static const struct {
    const char *name;
    NativeFn fn;
  } methods[] = {
      {"__len__", r_len},
      {"__getitem__", r_getitem},
      {"__contains__", r_contains},
      {"__iter__", r_iter},
      {"__reversed__", r_reversed},
      {"count", r_count},
      {"index", r_index},
      {"__eq__", r_eq},
      {"__ne__", r_ne},
      {"__hash__", r_hash},
      {"__repr__", r_repr},
  };
  vm.t_range->ctor = range_ctor;
  for (size_t i = 0; i < ASY_ARRAY_LEN(methods); i++)
    lib_def_method(vm.t_range, methods[i].name, methods[i].fn);
  lib_def_property(vm.t_range, "start", range_start);
  lib_def_property(vm.t_range, "stop", range_stop);
  lib_def_property(vm.t_range, "step", range_step);
}

static void init_slice(void) {
  static const struct {
    const char *name;
    NativeFn fn;
  } methods[] = {
      {"indices", s_indices}, {"__eq__", s_eq}, {"__ne__", s_ne}, {"__lt__", s_lt},
      {"__le__", s_le},       {"__gt__", s_gt}, {"__ge__", s_ge}, {"__repr__", s_repr},
  };
  vm.t_slice->ctor = slice_ctor;
  for (size_t i = 0; i < ASY_ARRAY_LEN(methods); i++)
    lib_def_method(vm.t_slice, methods[i].name, methods[i].fn);
  lib_def_property(vm.t_slice, "start", slice_start);
  lib_def_property(vm.t_slice, "stop", slice_stop);
  lib_def_property(vm.t_slice, "step", slice_step);
}

void lib_range_init(void) {
  init_iterators();
  init_range();
  init_slice();
}
