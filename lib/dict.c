/* dict.c — the class dict and its views dict_keys, dict_values and
 * dict_items.
 *
 * The table (vm/dict.c) keeps insertion order; lookups, d[k], `in`, ==,
 * | and repr are done by vm/ (vm_getitem, vm_contains, vm_compare,
 * vm_binary, vm_repr). This file adds the constructor and methods, with
 * CPython's argument handling (a mapping is anything with keys(); anything
 * else must be an iterable of pairs), and the set operators of the keys
 * and items views, built on lib/setops.h so their results iterate in
 * CPython's order.
 */
#include "../vm/ops.h"
#include "iter.h"
#include "lib.h"
#include "methargs.h"
#include "setops.h"

#define DICT vm.t_dict
#define SELF AS_DICT(argv[0])

static Value memory_error(void) {
  return vm_raise(vm.e_MemoryError, "%s", "");
}

static Value key_error(Value key) {
  Value e = vm_new_exception(vm.e_KeyError, 1, &key);
  return IS_UNDEF(e) ? e : vm_raise_value(e);
}

/* --------------------------------------------------------------- update */

/* One element of dict(iterable of pairs): item #i must be a 2-sequence. */
static bool merge_pair(ObjDict *d, Value item, int64_t i) {
  ObjList *seq = NULL;
  const Value *kv;
  uint32_t n;
  if (IS_TUPLE(item) || IS_LIST(item)) {
    kv = IS_TUPLE(item) ? AS_TUPLE(item)->items : AS_LIST(item)->items;
    n = IS_TUPLE(item) ? AS_TUPLE(item)->len : AS_LIST(item)->len;
  } else {
    seq = lib_list_from_iterable(item);
    if (!seq) {
      if (vm_exc_matches(vm.e_TypeError)) {
        vm.exc = UNDEF_VAL;
        vm_raise(vm.e_TypeError,
                 "cannot convert dictionary update sequence element #%lld to a sequence",
                 (long long)i);
      }
      return false;
    }
    kv = seq->items;
    n = seq->len;
  }
  if (n != 2) {
    vm_raise(vm.e_ValueError,
             "dictionary update sequence element #%lld has length %u; 2 is required", (long long)i,
             n);
    return false;
  }
  /* Hashing may run asy code that empties item: hold on to the pair. */
  Value k = kv[0], v = kv[1];
  gc_push_root(k);
  gc_push_root(v);
  bool ok = dict_set(d, k, v);
  gc_pop_roots(2);
  return ok;
}

/* d.update(iterable of pairs). */
static bool merge_pairs(ObjDict *d, Value iterable) {
  Value it = vm_iter(iterable);
  if (IS_UNDEF(it)) return false;
  gc_push_root(it);
  bool ok = true;
  for (int64_t i = 0;; i++) {
    Value item;
    int r = vm_next(it, &item);
    if (r == 0) break;
    gc_push_root(item);
    ok = r > 0 && merge_pair(d, item, i);
    gc_pop_roots(1);
    if (!ok) break;
  }
  gc_pop_roots(1);
  return ok;
}

/* d.update(arg): a dict, a mapping (has keys()), or pairs. */
static bool update_arg(ObjDict *d, Value arg) {
  if (IS_DICT(arg)) return dict_update(d, AS_DICT(arg));
  Value keys = vm_getattr_opt(arg, str_intern_cstr("keys"));
  if (IS_UNDEF(keys)) {
    if (!IS_UNDEF(vm.exc)) return false;
    return merge_pairs(d, arg);
  }
  return ops_dict_update(d, arg, false, NULL);
}

/* The keyword arguments of dict(...) / d.update(...). */
static void update_kwargs(ObjDict *d, int argc, Value *argv, ObjTuple *kwnames) {
  int nkw = kwnames ? (int)kwnames->len : 0;
  for (int k = 0; k < nkw; k++) dict_set_str(d, AS_STR(kwnames->items[k]), argv[argc - nkw + k]);
}

static Value dict_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  int npos = ma_npos(argc, kwnames);
  if (!ma_count("dict", npos, 0, 1)) return UNDEF_VAL;
  ObjDict *d = dict_new();
  gc_push_root(OBJ_VAL(d));
  bool ok = npos == 0 || update_arg(d, argv[0]);
  if (ok) update_kwargs(d, argc, argv, kwnames);
  gc_pop_roots(1);
  return ok ? OBJ_VAL(d) : UNDEF_VAL;
}

/* -------------------------------------------------------------- methods */

static Value view(int kind, int argc, Value *argv, ObjTuple *kwnames, const char *meth) {
  if (!ma_noargs(DICT, meth, argc, argv, kwnames)) return UNDEF_VAL;
  return OBJ_VAL(view_new(kind, SELF));
}

static Value d_keys(int argc, Value *argv, ObjTuple *kwnames) {
  return view(0, argc, argv, kwnames, "keys");
}

static Value d_values(int argc, Value *argv, ObjTuple *kwnames) {
  return view(1, argc, argv, kwnames, "values");
}

static Value d_items(int argc, Value *argv, ObjTuple *kwnames) {
  return view(2, argc, argv, kwnames, "items");
}

static Value d_get(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_range(DICT, "get", argc, argv, kwnames, 1, 2)) return UNDEF_VAL;
  Value v;
  int r = dict_get(SELF, argv[1], &v);
  if (r < 0) return UNDEF_VAL;
  return r ? v : argc > 2 ? argv[2] : NONE_VAL;
}

static Value d_setdefault(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_range(DICT, "setdefault", argc, argv, kwnames, 1, 2)) return UNDEF_VAL;
  Value v;
  int r = dict_get(SELF, argv[1], &v);
  if (r < 0) return UNDEF_VAL;
  if (r) return v;
  Value def = argc > 2 ? argv[2] : NONE_VAL;
  return dict_set(SELF, argv[1], def) ? def : UNDEF_VAL;
}

static Value d_pop(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_range(DICT, "pop", argc, argv, kwnames, 1, 2)) return UNDEF_VAL;
  Value v;
  int r = dict_get(SELF, argv[1], &v);
  if (r < 0) return UNDEF_VAL;
  if (r == 0) return argc > 2 ? argv[2] : key_error(argv[1]);
  gc_push_root(v);
  r = dict_del(SELF, argv[1]);
  gc_pop_roots(1);
  return r < 0 ? UNDEF_VAL : v;
}

/* Remove and return the last (key, value) pair, LIFO as CPython. */
static Value d_popitem(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_noargs(DICT, "popitem", argc, argv, kwnames)) return UNDEF_VAL;
  ObjDict *d = SELF;
  if (d->len == 0) return vm_raise(vm.e_KeyError, "popitem(): dictionary is empty");
  uint32_t i = d->nentries;
  while (i > 0 && IS_UNDEF(d->entries[i - 1].key)) i--;
  Value pair[2] = {d->entries[i - 1].key, d->entries[i - 1].value};
  ObjTuple *t = tuple_new(2, pair);
  if (!t) return memory_error();
  gc_push_root(OBJ_VAL(t));
  int r = dict_del(d, pair[0]);
  gc_pop_roots(1);
  return r < 0 ? UNDEF_VAL : OBJ_VAL(t);
}

static Value d_update(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_self(DICT, "update", false, argc, argv)) return UNDEF_VAL;
  int npos = ma_npos(argc, kwnames) - 1;
  if (!ma_count("update", npos, 0, 1)) return UNDEF_VAL;
  if (npos == 1 && !update_arg(SELF, argv[1])) return UNDEF_VAL;
  update_kwargs(SELF, argc, argv, kwnames);
  return NONE_VAL;
}

static Value d_clear(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_noargs(DICT, "clear", argc, argv, kwnames)) return UNDEF_VAL;
  dict_clear(SELF);
  return NONE_VAL;
}

static Value d_copy(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_noargs(DICT, "copy", argc, argv, kwnames)) return UNDEF_VAL;
  return OBJ_VAL(dict_copy(SELF));
}

/* dict.fromkeys(iterable, value=None), a classmethod: argv[0] is the class. */
static Value d_fromkeys(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_nokw(DICT, "fromkeys", kwnames) || !ma_count("fromkeys", argc - 1, 1, 2))
    return UNDEF_VAL;
  Value value = argc > 2 ? argv[2] : NONE_VAL;
  ObjDict *d = dict_new();
  gc_push_root(OBJ_VAL(d));
  Value it = vm_iter(argv[1]);
  bool ok = !IS_UNDEF(it);
  if (ok) gc_push_root(it);
  while (ok) {
    Value k;
    int r = vm_next(it, &k);
    if (r == 0) break;
    gc_push_root(k);
    ok = r > 0 && dict_set(d, k, value);
    gc_pop_roots(1);
  }
  if (!IS_UNDEF(it)) gc_pop_roots(1);
  gc_pop_roots(1);
  return ok ? OBJ_VAL(d) : UNDEF_VAL;
}

/* -------------------------------------------------------------- dunders */

static Value d_len(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(DICT, "__len__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  return INT_VAL(SELF->len);
}

static Value d_getitem(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(DICT, "__getitem__", argc, argv, kwnames)) return UNDEF_VAL;
  return vm_getitem(argv[0], argv[1]);
}

static Value d_setitem(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(DICT, "__setitem__", argc, argv, kwnames, 2)) return UNDEF_VAL;
  return dict_set(SELF, argv[1], argv[2]) ? NONE_VAL : UNDEF_VAL;
}

static Value d_delitem(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(DICT, "__delitem__", argc, argv, kwnames, 1)) return UNDEF_VAL;
  int r = dict_del(SELF, argv[1]);
  if (r < 0) return UNDEF_VAL;
  return r ? NONE_VAL : key_error(argv[1]);
}

static Value d_contains(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_onearg(DICT, "__contains__", argc, argv, kwnames)) return UNDEF_VAL;
  Value v;
  int r = dict_get(SELF, argv[1], &v);
  return r < 0 ? UNDEF_VAL : BOOL_VAL(r);
}

static Value d_iter(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(DICT, "__iter__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  return vm_iter(argv[0]);
}

static Value d_reversed(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_noargs(DICT, "__reversed__", argc, argv, kwnames)) return UNDEF_VAL;
  return lib_reversed_dict(SELF, 0);
}

static Value d_cmp(int op, const char *meth, int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(DICT, meth, argc, argv, kwnames, 1)) return UNDEF_VAL;
  if (!IS_DICT(argv[1])) return vm.not_implemented;
  return vm_compare(op, argv[0], argv[1]);
}

static Value d_eq(int argc, Value *argv, ObjTuple *kwnames) {
  return d_cmp(OP_EQ, "__eq__", argc, argv, kwnames);
}

static Value d_ne(int argc, Value *argv, ObjTuple *kwnames) {
  return d_cmp(OP_NE, "__ne__", argc, argv, kwnames);
}

/* a | b for two dicts: a copy of a updated with b. */
static Value dict_or(Value a, Value b) {
  if (!IS_DICT(a) || !IS_DICT(b)) return vm.not_implemented;
  ObjDict *d = dict_copy(AS_DICT(a));
  gc_push_root(OBJ_VAL(d));
  bool ok = dict_update(d, AS_DICT(b));
  gc_pop_roots(1);
  return ok ? OBJ_VAL(d) : UNDEF_VAL;
}

static Value d_or(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(DICT, "__or__", argc, argv, kwnames, 1)) return UNDEF_VAL;
  return dict_or(argv[0], argv[1]);
}

static Value d_ror(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(DICT, "__ror__", argc, argv, kwnames, 1)) return UNDEF_VAL;
  return dict_or(argv[1], argv[0]);
}

/* d |= other accepts any mapping or iterable of pairs. */
static Value d_ior(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(DICT, "__ior__", argc, argv, kwnames, 1)) return UNDEF_VAL;
  return update_arg(SELF, argv[1]) ? argv[0] : UNDEF_VAL;
}

static Value d_repr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_slot(DICT, "__repr__", argc, argv, kwnames, 0)) return UNDEF_VAL;
  ObjString *s = vm_repr(argv[0]);
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

/* ---------------------------------------------------------------- views */

static ObjClass *view_class(int kind) {
  return kind == 0 ? vm.t_dict_keys : kind == 1 ? vm.t_dict_values : vm.t_dict_items;
}

static int view_kind(int argc, Value *argv) {
  return argc > 0 && IS_OBJ_TYPE(argv[0], OBJ_VIEW) ? AS_VIEW(argv[0])->kind : 0;
}

/* Self check for a view method; kind -1: any view. */
static bool view_self(const char *meth, bool slot, int argc, Value *argv, ObjTuple *kwnames,
                      int nargs) {
  ObjClass *cls = view_class(view_kind(argc, argv));
  if (slot) return ma_slot(cls, meth, argc, argv, kwnames, nargs);
  return nargs == 0 ? ma_noargs(cls, meth, argc, argv, kwnames)
                    : ma_onearg(cls, meth, argc, argv, kwnames);
}

/* x in view: 1, 0, -1 error. */
static int view_contains(ObjView *v, Value x) {
  Value found;
  if (v->kind == 0) return dict_get(v->dict, x, &found);
  if (v->kind == 2) {
    if (!IS_TUPLE(x) || AS_TUPLE(x)->len != 2) return 0;
    int r = dict_get(v->dict, AS_TUPLE(x)->items[0], &found);
    if (r <= 0) return r;
    return ma_same_or_eq(found, AS_TUPLE(x)->items[1]);
  }
  uint32_t pos = 0;
  DictEntry *e;
  while (dict_next(v->dict, &pos, &e)) {
    int r = ma_same_or_eq(e->value, x);
    if (r != 0) return r;
  }
  return 0;
}

static Value v_len(int argc, Value *argv, ObjTuple *kwnames) {
  if (!view_self("__len__", true, argc, argv, kwnames, 0)) return UNDEF_VAL;
  return INT_VAL(AS_VIEW(argv[0])->dict->len);
}

static Value v_iter(int argc, Value *argv, ObjTuple *kwnames) {
  if (!view_self("__iter__", true, argc, argv, kwnames, 0)) return UNDEF_VAL;
  return vm_iter(argv[0]);
}

static Value v_contains(int argc, Value *argv, ObjTuple *kwnames) {
  if (!view_self("__contains__", true, argc, argv, kwnames, 1)) return UNDEF_VAL;
  int r = view_contains(AS_VIEW(argv[0]), argv[1]);
  return r < 0 ? UNDEF_VAL : BOOL_VAL(r);
}

static Value v_reversed(int argc, Value *argv, ObjTuple *kwnames) {
  if (!view_self("__reversed__", false, argc, argv, kwnames, 0)) return UNDEF_VAL;
  return lib_reversed_dict(AS_VIEW(argv[0])->dict, AS_VIEW(argv[0])->kind);
}

static Value v_repr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!view_self("__repr__", true, argc, argv, kwnames, 0)) return UNDEF_VAL;
  ObjString *s = vm_repr(argv[0]);
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

/* set(x), with a keys view read straight from its dict (CPython's fast
 * path, which sizes the table before adding). */
static ObjSet *to_set(Value x) {
  if (IS_OBJ_TYPE(x, OBJ_VIEW) && AS_VIEW(x)->kind == 0) x = OBJ_VAL(AS_VIEW(x)->dict);
  return lib_set_from(x, false);
}

/* left & right where one of them is a keys or items view. */
static Value view_and(Value left, Value right) {
  Value self = IS_OBJ_TYPE(left, OBJ_VIEW) ? left : right;
  Value other = value_is(self, left) ? right : left;
  uint32_t len_self = AS_VIEW(self)->dict->len;
  if (IS_SET(other) && !(AS_OBJ(other)->flags & SET_FROZEN) && len_self <= AS_SET(other)->used) {
    ObjSet *r = lib_set_intersection(AS_SET(other), self);
    return r ? OBJ_VAL(r) : UNDEF_VAL;
  }
  if (IS_OBJ_TYPE(other, OBJ_VIEW) && AS_VIEW(other)->kind != 1 &&
      AS_VIEW(other)->dict->len > len_self) {
    Value t = self;
    self = other;
    other = t;
  }
  ObjSet *result = set_new(false);
  gc_push_root(OBJ_VAL(result));
  Value it = vm_iter(other);
  bool ok = !IS_UNDEF(it);
  if (ok) gc_push_root(it);
  while (ok) {
    Value x;
    int r = vm_next(it, &x);
    if (r == 0) break;
    gc_push_root(x);
    if (r > 0) r = view_contains(AS_VIEW(self), x);
    ok = r >= 0 && (r == 0 || set_add(result, x) >= 0);
    gc_pop_roots(1);
  }
  if (!IS_UNDEF(it)) gc_pop_roots(1);
  gc_pop_roots(1);
  return ok ? OBJ_VAL(result) : UNDEF_VAL;
}

typedef enum { VIEW_OR, VIEW_AND, VIEW_SUB, VIEW_XOR } ViewOp;

/* left OP right, where one of them is a keys or items view: set(left)
 * updated with right, as dictobject.c's dictviews_* do. */
static Value view_binop(ViewOp op, Value left, Value right) {
  if (op == VIEW_AND) return view_and(left, right);
  ObjSet *r = to_set(left);
  if (!r) return UNDEF_VAL;
  gc_push_root(OBJ_VAL(r));
  bool ok = op == VIEW_OR    ? lib_set_update(r, right)
            : op == VIEW_SUB ? lib_set_difference_update(r, right)
                             : lib_set_symmetric_difference_update(r, right);
  gc_pop_roots(1);
  return ok ? OBJ_VAL(r) : UNDEF_VAL;
}

#define VIEW_BINOP(name, op)                                                                       \
  static Value v_##name(int argc, Value *argv, ObjTuple *kwnames) {                                \
    if (!view_self("__" #name "__", true, argc, argv, kwnames, 1)) return UNDEF_VAL;               \
    return view_binop(op, argv[0], argv[1]);                                                       \
  }                                                                                                \
  static Value v_r##name(int argc, Value *argv, ObjTuple *kwnames) {                               \
    if (!view_self("__r" #name "__", true, argc, argv, kwnames, 1)) return UNDEF_VAL;              \
    return view_binop(op, argv[1], argv[0]);                                                       \
  }
VIEW_BINOP(or, VIEW_OR)
VIEW_BINOP(and, VIEW_AND)
VIEW_BINOP(sub, VIEW_SUB)
VIEW_BINOP(xor, VIEW_XOR)

static Value v_isdisjoint(int argc, Value *argv, ObjTuple *kwnames) {
  if (!view_self("isdisjoint", false, argc, argv, kwnames, 1)) return UNDEF_VAL;
  ObjView *self = AS_VIEW(argv[0]);
  if (value_is(argv[0], argv[1])) return BOOL_VAL(self->dict->len == 0);
  Value it = vm_iter(argv[1]);
  if (IS_UNDEF(it)) return it;
  gc_push_root(it);
  int found = 0;
  for (;;) {
    Value x;
    int r = vm_next(it, &x);
    if (r <= 0) {
      found = r;
      break;
    }
    gc_push_root(x);
    found = view_contains(self, x);
    gc_pop_roots(1);
    if (found != 0) break;
  }
  gc_pop_roots(1);
  return found < 0 ? UNDEF_VAL : BOOL_VAL(!found);
}

/* Whether every item of a is in b: 1, 0, -1 error. */
static int all_contained_in(Value a, Value b) {
  Value it = vm_iter(a);
  if (IS_UNDEF(it)) return -1;
  gc_push_root(it);
  int ok = 1;
  for (;;) {
    Value x;
    int r = vm_next(it, &x);
    if (r <= 0) {
      if (r < 0) ok = -1;
      break;
    }
    gc_push_root(x);
    ok = vm_contains(b, x);
    gc_pop_roots(1);
    if (ok <= 0) break;
  }
  gc_pop_roots(1);
  return ok;
}

/* Keys and items views compare with sets and each other as sets do
 * (dictobject.c's dictview_richcompare). */
static Value view_cmp(int op, const char *meth, int argc, Value *argv, ObjTuple *kwnames) {
  if (!view_self(meth, true, argc, argv, kwnames, 1)) return UNDEF_VAL;
  Value self = argv[0], other = argv[1];
  bool setlike = IS_SET(other) || (IS_OBJ_TYPE(other, OBJ_VIEW) && AS_VIEW(other)->kind != 1);
  if (!setlike) return vm.not_implemented;
  int64_t ls = AS_VIEW(self)->dict->len, lo;
  if (!vm_len(other, &lo)) return UNDEF_VAL;
  int ok = 0;
  switch (op) {
  case OP_EQ:
  case OP_NE: ok = ls == lo ? all_contained_in(self, other) : 0; break;
  case OP_LT: ok = ls < lo ? all_contained_in(self, other) : 0; break;
  case OP_LE: ok = ls <= lo ? all_contained_in(self, other) : 0; break;
  case OP_GT: ok = ls > lo ? all_contained_in(other, self) : 0; break;
  default: ok = ls >= lo ? all_contained_in(other, self) : 0; break;
  }
  if (ok < 0) return UNDEF_VAL;
  return BOOL_VAL(op == OP_NE ? !ok : ok);
}

#define VIEW_CMP(name, op)                                                                         \
  static Value v_##name(int argc, Value *argv, ObjTuple *kwnames) {                                \
    return view_cmp(op, "__" #name "__", argc, argv, kwnames);                                     \
  }
VIEW_CMP(eq, OP_EQ)
VIEW_CMP(ne, OP_NE)
VIEW_CMP(lt, OP_LT)
VIEW_CMP(le, OP_LE)
VIEW_CMP(gt, OP_GT)
VIEW_CMP(ge, OP_GE)

/* ----------------------------------------------------------------- init */

typedef struct {
  const char *name;
  NativeFn fn;
} MethodDef;

static void def_all(ObjClass *cls, const MethodDef *defs, size_t n) {
  for (size_t i = 0; i < n; i++) lib_def_method(cls, defs[i].name, defs[i].fn);
}

void lib_dict_init(void) {
  static const MethodDef dict_methods[] = {
      {"keys", d_keys},
      {"values", d_values},
      {"items", d_items},
      {"get", d_get},
      {"setdefault", d_setdefault},
      {"pop", d_pop},
      {"popitem", d_popitem},
      {"update", d_update},
      {"clear", d_clear},
      {"copy", d_copy},
      {"__len__", d_len},
      {"__getitem__", d_getitem},
      {"__setitem__", d_setitem},
      {"__delitem__", d_delitem},
      {"__contains__", d_contains},
      {"__iter__", d_iter},
      {"__reversed__", d_reversed},
      {"__eq__", d_eq},
      {"__ne__", d_ne},
      {"__or__", d_or},
      {"__ror__", d_ror},
      {"__ior__", d_ior},
      {"__repr__", d_repr},
  };
  static const MethodDef view_methods[] = {
      {"__len__", v_len},           {"__iter__", v_iter}, {"__contains__", v_contains},
      {"__reversed__", v_reversed}, {"__repr__", v_repr},
  };
  static const MethodDef setlike_methods[] = {
      {"__or__", v_or},     {"__ror__", v_ror},   {"__and__", v_and},
      {"__rand__", v_rand}, {"__sub__", v_sub},   {"__rsub__", v_rsub},
      {"__xor__", v_xor},   {"__rxor__", v_rxor}, {"isdisjoint", v_isdisjoint},
      {"__eq__", v_eq},     {"__ne__", v_ne},     {"__lt__", v_lt},
      {"__le__", v_le},     {"__gt__", v_gt},     {"__ge__", v_ge},
  };
  vm.t_dict->ctor = dict_ctor;
  def_all(vm.t_dict, dict_methods, ASY_ARRAY_LEN(dict_methods));
  ObjNative *fk = native_new("fromkeys", d_fromkeys);
  gc_push_root(OBJ_VAL(fk));
  ObjWrapper *w = wrapper_new(WRAP_CLASSMETHOD, OBJ_VAL(fk));
  gc_push_root(OBJ_VAL(w));
  dict_set_str(vm.t_dict->dict, str_intern_cstr("fromkeys"), OBJ_VAL(w));
  gc_pop_roots(2);
  ObjClass *views[3] = {vm.t_dict_keys, vm.t_dict_values, vm.t_dict_items};
  for (int i = 0; i < 3; i++) {
    def_all(views[i], view_methods, ASY_ARRAY_LEN(view_methods));
    if (i != 1) def_all(views[i], setlike_methods, ASY_ARRAY_LEN(setlike_methods));
  }
}
