/* seq.c — len, in, subscripts and slices, iteration and unpacking, and
 * the await/async-for protocol lookups. */
#include "ops.h"

#include "../lib/iter.h"
#include "../lib/lib.h"
#include "../lib/setops.h"

/* --------------------------------------------------------------- len */

static int64_t range_len(ObjRange *r) {
  if (r->step > 0 && r->start < r->stop)
    return (int64_t)(((uint64_t)r->stop - (uint64_t)r->start - 1) / (uint64_t)r->step + 1);
  if (r->step < 0 && r->start > r->stop)
    return (int64_t)(((uint64_t)r->start - (uint64_t)r->stop - 1) / (uint64_t)(-(r->step + 1) + 1) +
                     1);
  return 0;
}

bool vm_len(Value v, int64_t *out) {
  if (IS_OBJ(v)) {
    switch (OBJ_TYPE(v)) {
    case OBJ_STR: *out = AS_STR(v)->ncp; return true;
    case OBJ_TUPLE: *out = AS_TUPLE(v)->len; return true;
    case OBJ_LIST: *out = AS_LIST(v)->len; return true;
    case OBJ_DICT: *out = AS_DICT(v)->len; return true;
    case OBJ_SET: *out = AS_SET(v)->used; return true;
    case OBJ_VIEW: *out = AS_VIEW(v)->dict->len; return true;
    case OBJ_RANGE: *out = range_len(AS_RANGE(v)); return true;
    default: break;
    }
    Value m = vm_lookup_special(v, vm.names[NAME_len]);
    if (!IS_UNDEF(m)) {
      Value r = vm_call(m, 1, &v);
      if (IS_UNDEF(r)) return false;
      if (!IS_INTLIKE(r)) {
        vm_raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
                 vm_type_name(r));
        return false;
      }
      if (AS_INTLIKE(r) < 0) {
        vm_raise(vm.e_ValueError, "__len__() should return >= 0");
        return false;
      }
      *out = AS_INTLIKE(r);
      return true;
    }
  }
  vm_raise(vm.e_TypeError, "object of type '%s' has no len()", vm_type_name(v));
  return false;
}

/* ---------------------------------------------------------------- in */

static int seq_contains(const Value *items, uint32_t n, Value x) {
  for (uint32_t i = 0; i < n; i++) {
    int e = vm_eq(items[i], x);
    if (e != 0) return e;
  }
  return 0;
}

static int str_contains(ObjString *hay, Value x) {
  if (!IS_STR(x)) {
    vm_raise(vm.e_TypeError, "'in <string>' requires string as left operand, not %s",
             vm_type_name(x));
    return -1;
  }
  ObjString *needle = AS_STR(x);
  if (needle->len == 0) return 1;
  if (needle->len > hay->len) return 0;
  const char *h = hay->chars, *end = hay->chars + hay->len - needle->len;
  for (; h <= end; h++) {
    h = memchr(h, needle->chars[0], (size_t)(end - h) + 1);
    if (!h) return 0;
    if (memcmp(h, needle->chars, needle->len) == 0) return 1;
  }
  return 0;
}

static int range_contains(ObjRange *r, Value x) {
  if (!IS_INTLIKE(x)) {
    if (IS_FLOAT(x)) {
      double f = AS_FLOAT(x);
      if (f != (double)(int64_t)f) return 0;
      x = INT_VAL((int64_t)f);
    } else {
      return 0;
    }
  }
  int64_t i = AS_INTLIKE(x);
  if (r->step > 0 ? (i < r->start || i >= r->stop) : (i > r->start || i <= r->stop)) return 0;
  return ((i - r->start) % r->step) == 0;
}

int vm_contains(Value c, Value x) {
  if (IS_OBJ(c)) {
    switch (OBJ_TYPE(c)) {
    case OBJ_STR: return str_contains(AS_STR(c), x);
    case OBJ_LIST: return seq_contains(AS_LIST(c)->items, AS_LIST(c)->len, x);
    case OBJ_TUPLE: return seq_contains(AS_TUPLE(c)->items, AS_TUPLE(c)->len, x);
    case OBJ_DICT: {
      Value v;
      return dict_get(AS_DICT(c), x, &v);
    }
    case OBJ_SET: {
      /* A set looked up in a set means the frozenset with its elements. */
      if (IS_SET(x) && !(AS_OBJ(x)->flags & SET_FROZEN)) {
        ObjSet *fx = set_copy(AS_SET(x), true);
        gc_push_root(OBJ_VAL(fx));
        int r = set_contains(AS_SET(c), OBJ_VAL(fx));
        gc_pop_roots(1);
        return r;
      }
      return set_contains(AS_SET(c), x);
    }
    case OBJ_RANGE: return range_contains(AS_RANGE(c), x);
    case OBJ_VIEW:
      if (AS_VIEW(c)->kind == 0) {
        Value v;
        return dict_get(AS_VIEW(c)->dict, x, &v);
      }
      break;
    default: {
      Value m = vm_lookup_special(c, vm.names[NAME_contains]);
      if (!IS_UNDEF(m)) {
        Value args[2] = {c, x};
        Value r = vm_call(m, 2, args);
        if (IS_UNDEF(r)) return -1;
        return vm_truthy(r);
      }
      break;
    }
    }
  }
  /* Fall back to iteration, as Python does. */
  Value it = vm_iter(c);
  if (IS_UNDEF(it)) {
    if (vm_exc_matches(vm.e_TypeError)) {
      vm.exc = UNDEF_VAL;
      vm_raise(vm.e_TypeError, "argument of type '%s' is not iterable", vm_type_name(c));
    }
    return -1;
  }
  gc_push_root(it);
  int found = 0;
  for (;;) {
    Value v;
    int r = vm_next(it, &v);
    if (r <= 0) {
      found = r;
      break;
    }
    int e = vm_eq(v, x);
    if (e != 0) {
      found = e;
      break;
    }
  }
  gc_pop_roots(1);
  return found;
}

/* ------------------------------------------------------------ indexing */

static bool slice_index(Value v, int64_t *out) {
  if (vm_to_index(v, out)) return true;
  if (vm_exc_matches(vm.e_TypeError)) {
    vm.exc = UNDEF_VAL;
    vm_raise(vm.e_TypeError, "slice indices must be integers or None or have an __index__ method");
  }
  return false;
}

bool ops_slice_indices(ObjSlice *s, int64_t len, int64_t *start, int64_t *stop, int64_t *step,
                       int64_t *count) {
  int64_t st = 1;
  if (!IS_NONE(s->step)) {
    if (!slice_index(s->step, &st)) return false;
    if (st == 0) {
      vm_raise(vm.e_ValueError, "slice step cannot be zero");
      return false;
    }
  }
  int64_t lo_def = st < 0 ? len - 1 : 0, hi_def = st < 0 ? -1 : len;
  int64_t lo = lo_def, hi = hi_def;
  if (!IS_NONE(s->start)) {
    if (!slice_index(s->start, &lo)) return false;
    if (lo < 0) {
      lo += len;
      if (lo < 0) lo = st < 0 ? -1 : 0;
    } else if (lo >= len) {
      lo = st < 0 ? len - 1 : len;
    }
  }
  if (!IS_NONE(s->stop)) {
    if (!slice_index(s->stop, &hi)) return false;
    if (hi < 0) {
      hi += len;
      if (hi < 0) hi = st < 0 ? -1 : 0;
    } else if (hi >= len) {
      hi = st < 0 ? len - 1 : len;
    }
  }
  int64_t n = 0;
  if (st < 0) {
    if (hi < lo) n = (lo - hi - 1) / (-st) + 1;
  } else if (lo < hi) {
    n = (hi - lo - 1) / st + 1;
  }
  *start = lo;
  *stop = hi;
  *step = st;
  *count = n;
  return true;
}

static bool normalize_index(Value k, int64_t len, int64_t *out, const char *what) {
  int64_t i;
  if (!IS_INTLIKE(k)) {
    if (!vm_to_index(k, &i)) {
      vm.exc = UNDEF_VAL;
      if (strcmp(what, "string") == 0)
        vm_raise(vm.e_TypeError, "string indices must be integers, not '%s'", vm_type_name(k));
      else
        vm_raise(vm.e_TypeError, "%s indices must be integers or slices, not %s", what,
                 vm_type_name(k));
      return false;
    }
  } else {
    i = AS_INTLIKE(k);
  }
  if (i < 0) i += len;
  if (i < 0 || i >= len) {
    vm_raise(vm.e_IndexError, "%s index out of range", what);
    return false;
  }
  *out = i;
  return true;
}

static Value slice_values(const Value *items, int64_t len, ObjSlice *s, bool tuple) {
  int64_t start, stop, step, n;
  if (!ops_slice_indices(s, len, &start, &stop, &step, &n)) return UNDEF_VAL;
  if (tuple) {
    ObjTuple *t = tuple_new((uint32_t)n, NULL);
    for (int64_t i = 0; i < n; i++) t->items[i] = items[start + i * step];
    return OBJ_VAL(t);
  }
  ObjList *l = list_new((uint32_t)n, NULL);
  for (int64_t i = 0; i < n; i++) l->items[i] = items[start + i * step];
  l->len = (uint32_t)n;
  return OBJ_VAL(l);
}

static Value str_char_at(ObjString *s, int64_t i) {
  size_t off = str_offset_of(s, (uint32_t)i);
  int len = 1;
  if (s->ncp != s->len) utf8_decode(s->chars + off, &len);
  return OBJ_VAL(str_new(s->chars + off, (size_t)len));
}

static Value str_slice(ObjString *s, ObjSlice *sl) {
  int64_t start, stop, step, n;
  if (!ops_slice_indices(sl, s->ncp, &start, &stop, &step, &n)) return UNDEF_VAL;
  if (s->ncp == s->len && step == 1) return OBJ_VAL(str_new(s->chars + start, (size_t)n));
  if (step == 1) {
    size_t a = str_offset_of(s, (uint32_t)start), b = str_offset_of(s, (uint32_t)(start + n));
    return OBJ_VAL(str_new(s->chars + a, b - a));
  }
  /* General case: gather the chosen code points, then make the string
   * (its size must be exact: the allocator frees it by that size). */
  char *buf = malloc(n == 0 ? 1 : (size_t)n * 4);
  if (!buf) return vm_raise(vm.e_MemoryError, "%s", "");
  size_t out = 0;
  for (int64_t k = 0; k < n; k++) {
    int64_t idx = start + k * step;
    size_t off = str_offset_of(s, (uint32_t)idx);
    int len = 1;
    if (s->ncp != s->len) utf8_decode(s->chars + off, &len);
    memcpy(buf + out, s->chars + off, (size_t)len);
    out += (size_t)len;
  }
  ObjString *r = str_new(buf, out);
  free(buf);
  return OBJ_VAL(r);
}

static Value range_getitem(ObjRange *r, Value k) {
  int64_t len = range_len(r);
  if (IS_OBJ_TYPE(k, OBJ_SLICE)) {
    int64_t start, stop, step, n;
    if (!ops_slice_indices(AS_SLICE(k), len, &start, &stop, &step, &n)) return UNDEF_VAL;
    (void)n;
    return OBJ_VAL(
        range_new(r->start + start * r->step, r->start + stop * r->step, r->step * step));
  }
  int64_t i;
  if (!normalize_index(k, len, &i, "range")) {
    if (vm_exc_matches(vm.e_IndexError)) {
      vm.exc = UNDEF_VAL;
      vm_raise(vm.e_IndexError, "range object index out of range");
    }
    return UNDEF_VAL;
  }
  return INT_VAL(r->start + i * r->step);
}

static Value key_error(Value key) {
  Value e = vm_new_exception(vm.e_KeyError, 1, &key);
  if (IS_UNDEF(e)) return e;
  return vm_raise_value(e);
}

Value vm_getitem(Value c, Value k) {
  if (IS_OBJ(c)) {
    switch (OBJ_TYPE(c)) {
    case OBJ_LIST: {
      ObjList *l = AS_LIST(c);
      if (IS_OBJ_TYPE(k, OBJ_SLICE)) return slice_values(l->items, l->len, AS_SLICE(k), false);
      int64_t i;
      if (!normalize_index(k, l->len, &i, "list")) return UNDEF_VAL;
      return l->items[i];
    }
    case OBJ_TUPLE: {
      ObjTuple *t = AS_TUPLE(c);
      if (IS_OBJ_TYPE(k, OBJ_SLICE)) return slice_values(t->items, t->len, AS_SLICE(k), true);
      int64_t i;
      if (!normalize_index(k, t->len, &i, "tuple")) return UNDEF_VAL;
      return t->items[i];
    }
    case OBJ_STR: {
      ObjString *s = AS_STR(c);
      if (IS_OBJ_TYPE(k, OBJ_SLICE)) return str_slice(s, AS_SLICE(k));
      int64_t i;
      if (!normalize_index(k, s->ncp, &i, "string")) return UNDEF_VAL;
      return str_char_at(s, i);
    }
    case OBJ_DICT: {
      Value v;
      int r = dict_get(AS_DICT(c), k, &v);
      if (r < 0) return UNDEF_VAL;
      if (r == 0) return key_error(k);
      return v;
    }
    case OBJ_RANGE: return range_getitem(AS_RANGE(c), k);
    case OBJ_CLASS:
      if (AS_CLASS(c)->cflags & CLASS_BUILTIN) return c; /* list[int] in annotations */
      break;
    default: break;
    }
    Value m = vm_lookup_special(c, vm.names[NAME_getitem]);
    if (!IS_UNDEF(m)) {
      Value args[2] = {c, k};
      return vm_call(m, 2, args);
    }
    if (IS_CLASS(c)) {
      Value cg = vm_class_lookup(AS_CLASS(c), str_intern_cstr("__class_getitem__"));
      if (!IS_UNDEF(cg)) {
        Value args[2] = {c, k};
        return vm_call(IS_OBJ_TYPE(cg, OBJ_WRAPPER) ? AS_WRAPPER(cg)->fget : cg, 2, args);
      }
      return vm_raise(vm.e_TypeError, "type '%s' is not subscriptable", AS_CLASS(c)->name->chars);
    }
  }
  return vm_raise(vm.e_TypeError, "'%s' object is not subscriptable", vm_type_name(c));
}

static bool list_set_slice(ObjList *l, ObjSlice *s, Value v) {
  int64_t start, stop, step, n;
  if (!ops_slice_indices(s, l->len, &start, &stop, &step, &n)) return false;
  ObjList *src = lib_list_from_iterable(v);
  if (!src) {
    if (vm_exc_matches(vm.e_TypeError)) {
      vm.exc = UNDEF_VAL;
      vm_raise(vm.e_TypeError, "must assign iterable to extended slice");
    }
    return false;
  }
  if (step != 1) {
    if ((int64_t)src->len != n) {
      vm_raise(vm.e_ValueError,
               "attempt to assign sequence of size %u to extended slice of size %lld", src->len,
               (long long)n);
      return false;
    }
    for (int64_t i = 0; i < n; i++) l->items[start + i * step] = src->items[i];
    return true;
  }
  if (stop < start) stop = start;
  int64_t removed = stop - start, added = src->len;
  int64_t newlen = (int64_t)l->len - removed + added;
  gc_push_root(OBJ_VAL(src));
  if (newlen > (int64_t)l->cap) {
    Value *items = gc_realloc(l->items, l->cap * sizeof(Value), (size_t)newlen * sizeof(Value));
    if (!items) {
      gc_pop_roots(1);
      vm_raise(vm.e_MemoryError, "%s", "");
      return false;
    }
    l->items = items;
    l->cap = (uint32_t)newlen;
  }
  gc_pop_roots(1);
  if (l->len > stop)
    memmove(l->items + start + added, l->items + stop, (size_t)(l->len - stop) * sizeof(Value));
  if (added) memcpy(l->items + start, src->items, (size_t)added * sizeof(Value));
  l->len = (uint32_t)newlen;
  return true;
}

bool vm_setitem(Value c, Value k, Value v) {
  if (IS_LIST(c)) {
    ObjList *l = AS_LIST(c);
    if (IS_OBJ_TYPE(k, OBJ_SLICE)) return list_set_slice(l, AS_SLICE(k), v);
    int64_t i;
    if (!normalize_index(k, l->len, &i, "list")) {
      if (vm_exc_matches(vm.e_IndexError)) {
        vm.exc = UNDEF_VAL;
        vm_raise(vm.e_IndexError, "list assignment index out of range");
      }
      return false;
    }
    l->items[i] = v;
    return true;
  }
  if (IS_DICT(c)) return dict_set(AS_DICT(c), k, v);
  if (IS_OBJ(c)) {
    Value m = vm_lookup_special(c, vm.names[NAME_setitem]);
    if (!IS_UNDEF(m) && !IS_NATIVE(m)) {
      Value args[3] = {c, k, v};
      return !IS_UNDEF(vm_call(m, 3, args));
    }
  }
  vm_raise(vm.e_TypeError, "'%s' object does not support item assignment", vm_type_name(c));
  return false;
}

static bool list_del_slice(ObjList *l, ObjSlice *s) {
  int64_t start, stop, step, n;
  if (!ops_slice_indices(s, l->len, &start, &stop, &step, &n)) return false;
  if (n == 0) return true;
  if (step < 0) {
    start = start + (n - 1) * step;
    step = -step;
  }
  uint32_t w = (uint32_t)start;
  for (uint32_t r = (uint32_t)start; r < l->len; r++) {
    bool doomed = (int64_t)r < start + n * step && ((int64_t)r - start) % step == 0;
    if (!doomed) l->items[w++] = l->items[r];
  }
  l->len = w;
  return true;
}

bool vm_delitem(Value c, Value k) {
  if (IS_LIST(c)) {
    ObjList *l = AS_LIST(c);
    if (IS_OBJ_TYPE(k, OBJ_SLICE)) return list_del_slice(l, AS_SLICE(k));
    int64_t i;
    if (!normalize_index(k, l->len, &i, "list")) {
      if (vm_exc_matches(vm.e_IndexError)) {
        vm.exc = UNDEF_VAL;
        vm_raise(vm.e_IndexError, "list assignment index out of range");
      }
      return false;
    }
    memmove(l->items + i, l->items + i + 1, (l->len - (size_t)i - 1) * sizeof(Value));
    l->len--;
    return true;
  }
  if (IS_DICT(c)) {
    int r = dict_del(AS_DICT(c), k);
    if (r < 0) return false;
    if (r == 0) {
      key_error(k);
      return false;
    }
    return true;
  }
  if (IS_OBJ(c)) {
    Value m = vm_lookup_special(c, vm.names[NAME_delitem]);
    if (!IS_UNDEF(m) && !IS_NATIVE(m)) {
      Value args[2] = {c, k};
      return !IS_UNDEF(vm_call(m, 2, args));
    }
  }
  vm_raise(vm.e_TypeError, "'%s' object doesn't support item deletion", vm_type_name(c));
  return false;
}

/* ---------------------------------------------------------- iteration */

Value vm_iter(Value v) {
  if (IS_OBJ(v)) {
    switch (OBJ_TYPE(v)) {
    case OBJ_LIST:
    case OBJ_TUPLE:
    case OBJ_STR: return OBJ_VAL(iter_new(ITER_SEQ, v));
    case OBJ_RANGE: {
      ObjRange *r = AS_RANGE(v);
      ObjIter *it = iter_new(ITER_RANGE, v);
      it->i = r->start;
      it->n = r->stop;
      it->step = r->step;
      return OBJ_VAL(it);
    }
    case OBJ_DICT: {
      ObjIter *it = iter_new(ITER_DICT, v);
      it->n = AS_DICT(v)->len;
      return OBJ_VAL(it);
    }
    case OBJ_VIEW: {
      ObjIter *it = iter_new(ITER_DICT, OBJ_VAL(AS_VIEW(v)->dict));
      it->sub = AS_VIEW(v)->kind;
      it->n = AS_VIEW(v)->dict->len;
      return OBJ_VAL(it);
    }
    case OBJ_SET: {
      ObjIter *it = iter_new(ITER_SET, v);
      it->n = AS_SET(v)->used;
      return OBJ_VAL(it);
    }
    case OBJ_ITER: return v;
    case OBJ_GEN:
      if (AS_GEN(v)->kind == GEN_GENERATOR) return v;
      break;
    default: {
      Value m = vm_lookup_special(v, vm.names[NAME_iter]);
      if (!IS_UNDEF(m) && !IS_NONE(m)) {
        Value it = vm_call(m, 1, &v);
        if (IS_UNDEF(it)) return it;
        if (IS_OBJ_TYPE(it, OBJ_ITER) || (IS_GEN(it) && AS_GEN(it)->kind == GEN_GENERATOR))
          return it;
        if (IS_UNDEF(vm_lookup_special(it, vm.names[NAME_next])))
          return vm_raise(vm.e_TypeError, "iter() returned non-iterator of type '%s'",
                          vm_type_name(it));
        return it;
      }
      if (!IS_UNDEF(vm_lookup_special(v, vm.names[NAME_getitem])) && !IS_CLASS(v)) {
        ObjIter *it = iter_new(ITER_SEQ, v);
        return OBJ_VAL(it);
      }
      break;
    }
    }
  }
  return vm_raise(vm.e_TypeError, "'%s' object is not iterable", vm_type_name(v));
}

static int next_seq(ObjIter *it, Value *out) {
  Value src = it->src;
  if (IS_LIST(src)) {
    if (it->i < (int64_t)AS_LIST(src)->len) {
      *out = AS_LIST(src)->items[it->i++];
      return 1;
    }
    it->i = INT64_MAX;
    return 0;
  }
  if (IS_TUPLE(src)) {
    if (it->i < (int64_t)AS_TUPLE(src)->len) {
      *out = AS_TUPLE(src)->items[it->i++];
      return 1;
    }
    return 0;
  }
  if (IS_STR(src)) {
    ObjString *s = AS_STR(src);
    if (it->i >= (int64_t)s->len) return 0;
    int len = 1;
    if (s->ncp != s->len) utf8_decode(s->chars + it->i, &len);
    *out = OBJ_VAL(str_new(s->chars + it->i, (size_t)len));
    it->i += len;
    return 1;
  }
  if (it->i < 0) return 0;
  /* An object with only __getitem__: index until IndexError. */
  Value r = vm_getitem(src, INT_VAL(it->i));
  if (IS_UNDEF(r)) {
    if (vm_exc_matches(vm.e_IndexError) || vm_exc_matches(vm.e_StopIteration)) {
      vm.exc = UNDEF_VAL;
      it->i = -1;
      return 0;
    }
    return -1;
  }
  it->i++;
  *out = r;
  return 1;
}

static int next_dict(ObjIter *it, Value *out) {
  ObjDict *d = AS_DICT(it->src);
  if (it->n < 0) return 0;
  if ((int64_t)d->len != it->n) {
    it->n = -1;
    vm_raise(vm.e_RuntimeError, "dictionary changed size during iteration");
    return -1;
  }
  uint32_t pos = (uint32_t)it->i;
  DictEntry *e;
  if (!dict_next(d, &pos, &e)) {
    it->n = -1;
    return 0;
  }
  it->i = pos;
  if (it->sub == 0) {
    *out = e->key;
  } else if (it->sub == 1) {
    *out = e->value;
  } else {
    Value pair[2] = {e->key, e->value};
    *out = OBJ_VAL(tuple_new(2, pair));
  }
  return 1;
}

static int next_set(ObjIter *it, Value *out) {
  ObjSet *s = AS_SET(it->src);
  if (it->n < 0) return 0;
  if ((int64_t)s->used != it->n) {
    it->n = -1;
    vm_raise(vm.e_RuntimeError, "Set changed size during iteration");
    return -1;
  }
  uint32_t pos = (uint32_t)it->i;
  if (!set_next(s, &pos, out)) {
    it->n = -1;
    return 0;
  }
  it->i = pos;
  return 1;
}

extern bool future_is_pending(Value fut);
extern bool future_await_result(Value fut, Value *result);

int vm_next(Value itv, Value *out) {
  if (IS_ITER(itv)) {
    ObjIter *it = AS_ITER(itv);
    switch ((IterKind)it->kind) {
    case ITER_SEQ: return next_seq(it, out);
    case ITER_RANGE:
      if (it->step > 0 ? it->i < it->n : it->i > it->n) {
        *out = INT_VAL(it->i);
        it->i += it->step;
        return 1;
      }
      return 0;
    case ITER_DICT: return next_dict(it, out);
    case ITER_SET: return next_set(it, out);
    case ITER_FUTURE:
      if (future_is_pending(it->src)) {
        *out = it->src;
        return 1;
      }
      vm_raise(vm.e_RuntimeError, "await wasn't used with future");
      return -1;
    case ITER_ASEND:
      vm_raise(vm.e_TypeError, "asy cannot step an async generator's awaitable by hand; await it");
      return -1;
    case ITER_CORO_WRAP: {
      ObjGen *g = AS_GEN(it->src);
      RunStatus st = vm_resume(g, NONE_VAL, UNDEF_VAL, out);
      return st == RUN_YIELD ? 1 : st == RUN_RETURN ? 0 : -1;
    }
    default: return lib_iter_next(it, out);
    }
  }
  if (IS_GEN(itv)) {
    ObjGen *g = AS_GEN(itv);
    if (g->kind != GEN_GENERATOR) {
      vm_raise(vm.e_TypeError, "'%s' object is not an iterator", vm_type_name(itv));
      return -1;
    }
    if (g->state == GEN_CLOSED) return 0;
    RunStatus st = vm_resume(g, NONE_VAL, UNDEF_VAL, out);
    return st == RUN_YIELD ? 1 : st == RUN_RETURN ? 0 : -1;
  }
  Value m = vm_lookup_special(itv, vm.names[NAME_next]);
  if (IS_UNDEF(m)) {
    vm_raise(vm.e_TypeError, "'%s' object is not an iterator", vm_type_name(itv));
    return -1;
  }
  Value r = vm_call(m, 1, &itv);
  if (IS_UNDEF(r)) {
    if (vm_exc_matches(vm.e_StopIteration)) {
      vm.exc = UNDEF_VAL;
      return 0;
    }
    return -1;
  }
  *out = r;
  return 1;
}

/* ----------------------------------------------------------- unpacking */

bool ops_unpack(Value *slot, int before, int after) {
  Value seq = *slot;
  ObjList *items;
  if (IS_LIST(seq) || IS_TUPLE(seq)) {
    items = IS_LIST(seq) ? list_new(AS_LIST(seq)->len, AS_LIST(seq)->items)
                         : list_new(AS_TUPLE(seq)->len, AS_TUPLE(seq)->items);
  } else {
    items = lib_list_from_iterable(seq);
    if (!items) {
      if (vm_exc_matches(vm.e_TypeError) && IS_UNDEF(vm_lookup_special(seq, vm.names[NAME_iter]))) {
        vm.exc = UNDEF_VAL;
        vm_raise(vm.e_TypeError, "cannot unpack non-iterable %s object", vm_type_name(seq));
      }
      return false;
    }
  }
  int64_t n = items->len;
  if (after < 0) {
    if (n < before) {
      vm_raise(vm.e_ValueError, "not enough values to unpack (expected %d, got %lld)", before,
               (long long)n);
      return false;
    }
    if (n > before) {
      vm_raise(vm.e_ValueError, "too many values to unpack (expected %d)", before);
      return false;
    }
    for (int i = 0; i < before; i++) slot[before - 1 - i] = items->items[i];
    return true;
  }
  if (n < before + after) {
    vm_raise(vm.e_ValueError, "not enough values to unpack (expected at least %d, got %lld)",
             before + after, (long long)n);
    return false;
  }
  /* Stack after: [after items reversed..., middle list, before items reversed]; item 0 on top. */
  gc_push_root(OBJ_VAL(items));
  int64_t mid = n - before - after;
  ObjList *middle = list_new((uint32_t)mid, items->items + before);
  gc_pop_roots(1);
  int total = before + 1 + after;
  int k = total - 1;
  for (int i = 0; i < before; i++) slot[k--] = items->items[i];
  slot[k--] = OBJ_VAL(middle);
  for (int64_t i = n - after; i < n; i++) slot[k--] = items->items[i];
  return true;
}

bool ops_list_extend(ObjList *l, Value iterable) {
  if (IS_LIST(iterable) || IS_TUPLE(iterable)) {
    Value *src = IS_LIST(iterable) ? AS_LIST(iterable)->items : AS_TUPLE(iterable)->items;
    uint32_t n = IS_LIST(iterable) ? AS_LIST(iterable)->len : AS_TUPLE(iterable)->len;
    for (uint32_t i = 0; i < n; i++) {
      if (!list_append(l, src[i])) return false;
    }
    return true;
  }
  Value it = vm_iter(iterable);
  if (IS_UNDEF(it)) return false;
  gc_push_root(it);
  bool ok = true;
  for (;;) {
    Value v;
    int r = vm_next(it, &v);
    if (r == 0) break;
    if (r < 0 || !list_append(l, v)) {
      ok = false;
      break;
    }
  }
  gc_pop_roots(1);
  return ok;
}

bool ops_set_update(ObjSet *s, Value iterable) {
  /* set.update's own algorithm: table layout, and so printing order, as CPython's. */
  return lib_set_update(s, iterable);
}

bool ops_dict_update(ObjDict *d, Value mapping, bool merge, const Value *func_slot) {
  if (!IS_DICT(mapping)) {
    Value keys = vm_getattr_opt(mapping, str_intern_cstr("keys"));
    if (IS_UNDEF(keys)) {
      if (IS_UNDEF(vm.exc)) {
        if (merge) {
          ObjString *fn = vm_repr(*func_slot);
          vm_raise(vm.e_TypeError, "%s argument after ** must be a mapping, not %s",
                   fn ? fn->chars : "function", vm_type_name(mapping));
        } else {
          vm_raise(vm.e_TypeError, "'%s' object is not a mapping", vm_type_name(mapping));
        }
      }
      return false;
    }
    Value ks = vm_call(keys, 0, NULL);
    if (IS_UNDEF(ks)) return false;
    ObjList *kl = lib_list_from_iterable(ks);
    if (!kl) return false;
    gc_push_root(OBJ_VAL(kl));
    for (uint32_t i = 0; i < kl->len; i++) {
      Value v = vm_getitem(mapping, kl->items[i]);
      if (IS_UNDEF(v) || !dict_set(d, kl->items[i], v)) {
        gc_pop_roots(1);
        return false;
      }
    }
    gc_pop_roots(1);
    return true;
  }
  ObjDict *src = AS_DICT(mapping);
  if (!merge) return dict_update(d, src);
  uint32_t pos = 0;
  DictEntry *e;
  while (dict_next(src, &pos, &e)) {
    Value old;
    if (IS_STR(e->key) && dict_get_str(d, AS_STR(e->key), &old)) {
      Value f = *func_slot;
      const char *fname = IS_FUNCTION(f) ? AS_FUNCTION(f)->qualname->chars : vm_type_name(f);
      vm_raise(vm.e_TypeError, "%s() got multiple values for keyword argument '%s'", fname,
               AS_CSTR(e->key));
      return false;
    }
    if (!IS_STR(e->key)) {
      vm_raise(vm.e_TypeError, "keywords must be strings");
      return false;
    }
    dict_set_str(d, AS_STR(e->key), e->value);
  }
  return true;
}

/* -------------------------------------------------------------- await */

static const char *const await_errors[] = {
    "object %s can't be used in 'await' expression",
    "'async with' received an object from __aenter__ that does not implement __await__: %s",
    "'async with' received an object from __aexit__ that does not implement __await__: %s",
};

Value ops_get_awaitable(Value v, int where) {
  if (IS_GEN(v)) {
    if (AS_GEN(v)->kind == GEN_COROUTINE) return v;
  } else if (IS_OBJ_TYPE(v, OBJ_FUTURE)) {
    return v;
  } else if (IS_ITER(v) && AS_ITER(v)->kind == ITER_ASEND) {
    return v;
  } else if (IS_ITER(v) &&
             (AS_ITER(v)->kind == ITER_FUTURE || AS_ITER(v)->kind == ITER_CORO_WRAP)) {
    return AS_ITER(v)->src;
  } else if (IS_OBJ(v)) {
    Value m = vm_lookup_special(v, vm.names[NAME_await]);
    if (!IS_UNDEF(m)) {
      Value it = vm_call(m, 1, &v);
      if (IS_UNDEF(it)) return it;
      if (IS_GEN(it) && AS_GEN(it)->kind == GEN_COROUTINE)
        return vm_raise(vm.e_TypeError, "__await__() returned a coroutine");
      if (IS_ITER(it) && (AS_ITER(it)->kind == ITER_FUTURE || AS_ITER(it)->kind == ITER_CORO_WRAP))
        return AS_ITER(it)->src;
      if (!IS_GEN(it) && !IS_ITER(it) && IS_UNDEF(vm_lookup_special(it, vm.names[NAME_next])))
        return vm_raise(vm.e_TypeError, "__await__() returned non-iterator of type '%s'",
                        vm_type_name(it));
      return it;
    }
  }
  return vm_raise(vm.e_TypeError, await_errors[where], vm_type_name(v));
}

int ops_iter_send(Value it, Value *v) {
  if (IS_ITER(it) && AS_ITER(it)->kind == ITER_FUTURE) {
    Value fut = AS_ITER(it)->src;
    if (future_is_pending(fut)) {
      *v = fut;
      return 1;
    }
    return future_await_result(fut, v) ? 0 : -1;
  }
  Value m = vm_lookup_special(it, vm.names[NAME_next]);
  Value r = IS_UNDEF(m) ? UNDEF_VAL : vm_call(m, 1, &it);
  if (IS_UNDEF(m)) {
    vm_raise(vm.e_TypeError, "'%s' object is not an iterator", vm_type_name(it));
    return -1;
  }
  if (IS_UNDEF(r)) {
    if (!vm_exc_matches(vm.e_StopIteration)) return -1;
    Value e = vm_take_exc();
    ObjTuple *args = AS_EXCEPTION(e)->args;
    *v = args->len > 0 ? args->items[0] : NONE_VAL;
    return 0;
  }
  *v = r;
  return 1;
}

Value ops_get_aiter(Value v) {
  if (IS_GEN(v) && AS_GEN(v)->kind == GEN_ASYNCGEN) return v;
  Value m = IS_OBJ(v) ? vm_lookup_special(v, vm.names[NAME_aiter]) : UNDEF_VAL;
  if (IS_UNDEF(m)) {
    return vm_raise(vm.e_TypeError, "'async for' requires an object with __aiter__ method, got %s",
                    vm_type_name(v));
  }
  Value r = vm_call(m, 1, &v);
  if (IS_UNDEF(r)) return r;
  if (!(IS_GEN(r) && AS_GEN(r)->kind == GEN_ASYNCGEN) &&
      IS_UNDEF(vm_lookup_special(r, vm.names[NAME_anext]))) {
    return vm_raise(vm.e_TypeError,
                    "'async for' received an object from __aiter__ that does not implement "
                    "__anext__: %s",
                    vm_type_name(r));
  }
  return r;
}

Value ops_get_anext(Value ait) {
  if (IS_GEN(ait) && AS_GEN(ait)->kind == GEN_ASYNCGEN) {
    ObjIter *as = iter_new(ITER_ASEND, ait);
    as->sub = ASEND_SEND;
    as->a = NONE_VAL;
    return OBJ_VAL(as);
  }
  Value m = vm_lookup_special(ait, vm.names[NAME_anext]);
  if (IS_UNDEF(m)) {
    return vm_raise(vm.e_TypeError,
                    "'async for' requires an iterator with __anext__ method, got %s",
                    vm_type_name(ait));
  }
  Value r = vm_call(m, 1, &ait);
  if (IS_UNDEF(r)) return r;
  gc_push_root(r);
  Value a = ops_get_awaitable(r, 0);
  gc_pop_roots(1);
  if (IS_UNDEF(a) && vm_exc_matches(vm.e_TypeError)) {
    vm.exc = UNDEF_VAL;
    return vm_raise(vm.e_TypeError, "'async for' received an invalid object from __anext__: %s",
                    vm_type_name(r));
  }
  return a;
}
