/* ops.c — arithmetic, comparison, truth, hashing: the number tower
 * (bool < int < float) and the dunder fallbacks for other types. */
#include "ops.h"

#include <math.h>

#include "../lib/iter.h"
#include "../lib/lib.h"

/* ------------------------------------------------------------ classes */

ObjClass *vm_class_of(Value v) {
  switch (v.type) {
  case VAL_NONE: return vm.t_none;
  case VAL_BOOL: return vm.t_bool;
  case VAL_INT: return vm.t_int;
  case VAL_FLOAT: return vm.t_float;
  case VAL_OBJ: {
    Obj *o = AS_OBJ(v);
    switch ((ObjType)o->type) {
    case OBJ_INSTANCE:
    case OBJ_EXCEPTION: return ((ObjInstance *)o)->cls;
    case OBJ_CDATA: return ((ObjCData *)o)->cls;
    case OBJ_SET: return (o->flags & SET_FROZEN) ? vm.t_frozenset : vm.t_set;
    case OBJ_GEN: {
      ObjGen *g = (ObjGen *)o;
      return g->kind == GEN_COROUTINE  ? vm.t_coroutine
             : g->kind == GEN_ASYNCGEN ? vm.t_async_generator
                                       : vm.t_generator;
    }
    case OBJ_VIEW: {
      int k = ((ObjView *)o)->kind;
      return k == 0 ? vm.t_dict_keys : k == 1 ? vm.t_dict_values : vm.t_dict_items;
    }
    case OBJ_WRAPPER: {
      int k = ((ObjWrapper *)o)->kind;
      return k == WRAP_PROPERTY       ? vm.t_property
             : k == WRAP_STATICMETHOD ? vm.t_staticmethod
                                      : vm.t_classmethod;
    }
    case OBJ_CLASS: return vm.t_type;
    case OBJ_ITER: return lib_iter_class((ObjIter *)o);
    case OBJ_BOUND: return IS_NATIVE(((ObjBound *)o)->func) ? vm.t_builtin : vm.t_method;
    case OBJ_FUTURE: {
      extern ObjClass *loop_future_class(Obj * o);
      return loop_future_class(o);
    }
    case OBJ_HANDLE: return o->flags ? vm.t_timer_handle : vm.t_handle;
    default: return vm.types[o->type];
    }
  }
  default: return vm.t_none;
  }
}

bool vm_is_subclass(ObjClass *sub, ObjClass *cls) {
  for (ObjClass *c = sub; c; c = c->base) {
    if (c == cls) return true;
    /* ExceptionGroup(BaseExceptionGroup, Exception): the one class with two
     * bases asy has; its second base is checked here. */
    if (c == vm.e_ExceptionGroup && cls == vm.e_Exception) return true;
  }
  /* bool is an int, and every class is an object. */
  return cls == vm.t_object;
}

bool vm_isinstance(Value v, ObjClass *cls) {
  if (cls == vm.t_object) return true;
  if (cls == vm.t_int && IS_BOOL(v)) return true;
  return vm_is_subclass(vm_class_of(v), cls);
}

const char *vm_type_name(Value v) {
  ObjClass *c = vm_class_of(v);
  return c->c_name ? c->c_name : c->name->chars;
}

const char *vm_class_name(Value v) {
  return vm_class_of(v)->name->chars;
}

Value vm_class_lookup(ObjClass *cls, ObjString *name) {
  Value v;
  for (ObjClass *c = cls; c; c = c->base) {
    if (dict_get_str(c->dict, name, &v)) return v;
  }
  return UNDEF_VAL;
}

Value vm_lookup_special(Value v, ObjString *name) {
  return vm_class_lookup(vm_class_of(v), name);
}

/* A special method defined in asy code (not one of asy's own natives). */
static Value user_special(Value v, ObjString *name) {
  if (!IS_OBJ(v)) return UNDEF_VAL;
  ObjType t = (ObjType)OBJ_TYPE(v);
  if (t != OBJ_INSTANCE && t != OBJ_EXCEPTION && t != OBJ_CDATA && t != OBJ_FUTURE)
    return UNDEF_VAL;
  Value m = vm_lookup_special(v, name);
  if (IS_UNDEF(m) || IS_NONE(m)) return m;
  return m;
}

/* Call a special method found on the class with self first. */
static Value call_special(Value m, Value self, int argc, Value *argv) {
  Value args[4];
  args[0] = self;
  for (int i = 0; i < argc; i++) args[i + 1] = argv[i];
  if (IS_OBJ_TYPE(m, OBJ_WRAPPER) && AS_WRAPPER(m)->kind == WRAP_STATICMETHOD)
    return vm_call(AS_WRAPPER(m)->fget, argc, argv);
  return vm_call(m, argc + 1, args);
}

/* ------------------------------------------------------------- truth */

int vm_truthy(Value v) {
  switch (v.type) {
  case VAL_NONE: return 0;
  case VAL_BOOL: return AS_BOOL(v);
  case VAL_INT: return AS_INT(v) != 0;
  case VAL_FLOAT: return AS_FLOAT(v) != 0.0;
  case VAL_OBJ: break;
  default: return 0;
  }
  Obj *o = AS_OBJ(v);
  switch ((ObjType)o->type) {
  case OBJ_STR: return ((ObjString *)o)->len != 0;
  case OBJ_TUPLE: return ((ObjTuple *)o)->len != 0;
  case OBJ_LIST: return ((ObjList *)o)->len != 0;
  case OBJ_DICT: return ((ObjDict *)o)->len != 0;
  case OBJ_SET: return ((ObjSet *)o)->used != 0;
  case OBJ_VIEW: return ((ObjView *)o)->dict->len != 0;
  case OBJ_RANGE: {
    int64_t n;
    vm_len(v, &n);
    return n != 0;
  }
  case OBJ_INSTANCE:
  case OBJ_EXCEPTION:
  case OBJ_CDATA: {
    Value m = vm_lookup_special(v, vm.names[NAME_bool]);
    if (!IS_UNDEF(m)) {
      Value r = call_special(m, v, 0, NULL);
      if (IS_UNDEF(r)) return -1;
      if (!IS_BOOL(r)) {
        vm_raise(vm.e_TypeError, "__bool__ should return bool, returned %s", vm_type_name(r));
        return -1;
      }
      return AS_BOOL(r);
    }
    m = vm_lookup_special(v, vm.names[NAME_len]);
    if (!IS_UNDEF(m)) {
      int64_t n;
      if (!vm_len(v, &n)) return -1;
      return n != 0;
    }
    return 1;
  }
  default: return 1;
  }
}

/* ------------------------------------------------------------ numbers */

static Value overflow(void) {
  return vm_raise(vm.e_OverflowError, "integer overflow: asy ints are 64-bit");
}

bool ops_int_floordiv(int64_t a, int64_t b, int64_t *out) {
  if (b == 0) {
    vm_raise(vm.e_ZeroDivisionError, "integer division or modulo by zero");
    return false;
  }
  if (a == INT64_MIN && b == -1) {
    overflow();
    return false;
  }
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  *out = q;
  return true;
}

bool ops_int_mod(int64_t a, int64_t b, int64_t *out) {
  if (b == 0) {
    vm_raise(vm.e_ZeroDivisionError, "integer modulo by zero");
    return false;
  }
  if (b == -1) {
    *out = 0;
    return true;
  }
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  *out = r;
  return true;
}

static Value int_pow(int64_t base, int64_t exp) {
  if (exp < 0) {
    if (base == 0)
      return vm_raise(vm.e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return FLOAT_VAL(pow((double)base, (double)exp));
  }
  int64_t result = 1;
  while (exp > 0) {
    if (exp & 1) {
      if (__builtin_mul_overflow(result, base, &result)) return overflow();
    }
    exp >>= 1;
    if (exp > 0 && __builtin_mul_overflow(base, base, &base)) return overflow();
  }
  return INT_VAL(result);
}

static Value float_divmod_part(double a, double b, bool want_floor) {
  if (b == 0.0) {
    return vm_raise(vm.e_ZeroDivisionError,
                    want_floor ? "float floor division by zero" : "float modulo");
  }
  double mod = fmod(a, b);
  double div = (a - mod) / b;
  if (mod != 0.0) {
    if ((b < 0) != (mod < 0)) {
      mod += b;
      div -= 1.0;
    }
  } else {
    mod = copysign(0.0, b);
  }
  if (!want_floor) return FLOAT_VAL(mod);
  double floordiv;
  if (div != 0.0) {
    floordiv = floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = copysign(0.0, a / b);
  }
  return FLOAT_VAL(floordiv);
}

static Value float_pow(double a, double b) {
  if (a == 0.0 && b < 0.0)
    return vm_raise(vm.e_ZeroDivisionError, "0.0 cannot be raised to a negative power");
  if (a < 0.0 && b != floor(b) && isfinite(b)) {
    return vm_raise(vm.e_ValueError, "complex numbers are not supported by asy (negative number "
                                     "raised to a fractional power)");
  }
  double r = pow(a, b);
  if (isinf(r) && isfinite(a) && isfinite(b))
    return vm_raise(vm.e_OverflowError, "(34, 'Numerical result out of range')");
  return FLOAT_VAL(r);
}

static bool as_double(Value v, double *out) {
  switch (v.type) {
  case VAL_BOOL: *out = AS_BOOL(v); return true;
  case VAL_INT: *out = (double)AS_INT(v); return true;
  case VAL_FLOAT: *out = AS_FLOAT(v); return true;
  default: return false;
  }
}

/* Exact int / int as CPython's true division (correctly rounded when both
 * fit in a double's mantissa, which covers practically everything). */
static Value int_truediv(int64_t a, int64_t b) {
  if (b == 0) return vm_raise(vm.e_ZeroDivisionError, "division by zero");
  return FLOAT_VAL((double)a / (double)b);
}

static Value int_binary(int op, int64_t a, int64_t b, bool both_bool) {
  int64_t r;
  switch (op) {
  case OP_ADD: return __builtin_add_overflow(a, b, &r) ? overflow() : INT_VAL(r);
  case OP_SUB: return __builtin_sub_overflow(a, b, &r) ? overflow() : INT_VAL(r);
  case OP_MUL: return __builtin_mul_overflow(a, b, &r) ? overflow() : INT_VAL(r);
  case OP_DIV: return int_truediv(a, b);
  case OP_FLOORDIV: return ops_int_floordiv(a, b, &r) ? INT_VAL(r) : UNDEF_VAL;
  case OP_MOD: return ops_int_mod(a, b, &r) ? INT_VAL(r) : UNDEF_VAL;
  case OP_POW: return int_pow(a, b);
  case OP_LSHIFT:
    if (b < 0) return vm_raise(vm.e_ValueError, "negative shift count");
    if (a == 0) return INT_VAL(0);
    if (b >= 64) return overflow();
    int64_t sh = (int64_t)((uint64_t)a << b);
    if ((sh >> b) != a) return overflow(); /* bits (or the sign) were lost */
    return INT_VAL(sh);
  case OP_RSHIFT:
    if (b < 0) return vm_raise(vm.e_ValueError, "negative shift count");
    return INT_VAL(b >= 63 ? (a < 0 ? -1 : 0) : a >> b);
  case OP_BITAND: return both_bool ? BOOL_VAL(a & b) : INT_VAL(a & b);
  case OP_BITOR: return both_bool ? BOOL_VAL(a | b) : INT_VAL(a | b);
  case OP_BITXOR: return both_bool ? BOOL_VAL(a ^ b) : INT_VAL(a ^ b);
  default: return UNDEF_VAL;
  }
}

static Value float_binary(int op, double a, double b) {
  switch (op) {
  case OP_ADD: return FLOAT_VAL(a + b);
  case OP_SUB: return FLOAT_VAL(a - b);
  case OP_MUL: return FLOAT_VAL(a * b);
  case OP_DIV:
    if (b == 0.0) return vm_raise(vm.e_ZeroDivisionError, "float division by zero");
    return FLOAT_VAL(a / b);
  case OP_FLOORDIV: return float_divmod_part(a, b, true);
  case OP_MOD: return float_divmod_part(a, b, false);
  case OP_POW: return float_pow(a, b);
  default: return UNDEF_VAL;
  }
}

static const char *op_symbol(int op) {
  static const char *const syms[] = {"+",  "-",  "*",  "@", "/", "//", "%",
                                     "**", "<<", ">>", "|", "^", "&"};
  return op >= OP_ADD && op <= OP_BITAND ? syms[op] : "?";
}

static const char *const op_dunder[][3] = {
    [OP_ADD] = {"__add__", "__radd__", "__iadd__"},
    [OP_SUB] = {"__sub__", "__rsub__", "__isub__"},
    [OP_MUL] = {"__mul__", "__rmul__", "__imul__"},
    [OP_MATMUL] = {"__matmul__", "__rmatmul__", "__imatmul__"},
    [OP_DIV] = {"__truediv__", "__rtruediv__", "__itruediv__"},
    [OP_FLOORDIV] = {"__floordiv__", "__rfloordiv__", "__ifloordiv__"},
    [OP_MOD] = {"__mod__", "__rmod__", "__imod__"},
    [OP_POW] = {"__pow__", "__rpow__", "__ipow__"},
    [OP_LSHIFT] = {"__lshift__", "__rlshift__", "__ilshift__"},
    [OP_RSHIFT] = {"__rshift__", "__rrshift__", "__irshift__"},
    [OP_BITOR] = {"__or__", "__ror__", "__ior__"},
    [OP_BITXOR] = {"__xor__", "__rxor__", "__ixor__"},
    [OP_BITAND] = {"__and__", "__rand__", "__iand__"},
};

/* Sequence and container operators of builtin types; UNDEF with no
 * exception means "not supported by these types". */
static Value builtin_binary(int op, Value a, Value b, bool inplace);

/* Try a.__op__(b), then b.__rop__(a), for user classes; UNDEF with no
 * exception: neither is defined or both returned NotImplemented. */
static Value dunder_binary(int op, Value a, Value b, bool inplace) {
  if (inplace) {
    Value m = user_special(a, str_intern_cstr(op_dunder[op][2]));
    if (!IS_UNDEF(m) && !IS_NONE(m)) {
      Value r = call_special(m, a, 1, &b);
      if (IS_UNDEF(r) || !value_is(r, vm.not_implemented)) return r;
    }
  }
  Value m = user_special(a, str_intern_cstr(op_dunder[op][0]));
  if (!IS_UNDEF(m) && !IS_NONE(m)) {
    Value r = call_special(m, a, 1, &b);
    if (IS_UNDEF(r) || !value_is(r, vm.not_implemented)) return r;
  }
  m = user_special(b, str_intern_cstr(op_dunder[op][1]));
  if (!IS_UNDEF(m) && !IS_NONE(m)) {
    Value r = call_special(m, b, 1, &a);
    if (IS_UNDEF(r) || !value_is(r, vm.not_implemented)) return r;
  }
  return UNDEF_VAL;
}

static Value binary_type_error(int op, Value a, Value b, bool inplace) {
  if (op == OP_ADD && IS_STR(a)) {
    return vm_raise(vm.e_TypeError, "can only concatenate str (not \"%s\") to str",
                    vm_type_name(b));
  }
  if (op == OP_ADD && (IS_LIST(a) || IS_TUPLE(a)) && !inplace) {
    return vm_raise(vm.e_TypeError, "can only concatenate %s (not \"%s\") to %s", vm_type_name(a),
                    vm_type_name(b), vm_type_name(a));
  }
  if (op == OP_POW) {
    return vm_raise(vm.e_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                    inplace ? "**=" : "** or pow()", vm_type_name(a), vm_type_name(b));
  }
  if (op == OP_MUL &&
      (IS_STR(a) || IS_LIST(a) || IS_TUPLE(a) || IS_STR(b) || IS_LIST(b) || IS_TUPLE(b))) {
    Value other = (IS_STR(a) || IS_LIST(a) || IS_TUPLE(a)) ? b : a;
    return vm_raise(vm.e_TypeError, "can't multiply sequence by non-int of type '%s'",
                    vm_type_name(other));
  }
  return vm_raise(vm.e_TypeError, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                  op_symbol(op), inplace ? "=" : "", vm_type_name(a), vm_type_name(b));
}

Value vm_binary(int op, Value a, Value b, bool inplace) {
  if (IS_INTLIKE(a) && IS_INTLIKE(b)) {
    if (op == OP_MATMUL) return binary_type_error(op, a, b, inplace);
    return int_binary(op, AS_INTLIKE(a), AS_INTLIKE(b), IS_BOOL(a) && IS_BOOL(b));
  }
  double x, y;
  if ((IS_FLOAT(a) || IS_FLOAT(b)) && as_double(a, &x) && as_double(b, &y)) {
    Value r = float_binary(op, x, y);
    if (!IS_UNDEF(r) || !IS_UNDEF(vm.exc)) return r;
    return binary_type_error(op, a, b, inplace);
  }
  Value r = builtin_binary(op, a, b, inplace);
  if (!IS_UNDEF(r) || !IS_UNDEF(vm.exc)) return r;
  r = dunder_binary(op, a, b, inplace);
  if (!IS_UNDEF(r) || !IS_UNDEF(vm.exc)) return r;
  return binary_type_error(op, a, b, inplace);
}

/* --------------------------------------------------- sequence operators */

static bool repeat_count(Value n, int64_t *out) {
  if (!IS_INTLIKE(n)) return false;
  *out = AS_INTLIKE(n) < 0 ? 0 : AS_INTLIKE(n);
  return true;
}

static Value str_repeat(ObjString *s, int64_t n) {
  if (n == 0 || s->len == 0) return OBJ_VAL(vm.empty_str);
  if (n == 1) return OBJ_VAL(s);
  if ((uint64_t)n > (UINT32_MAX - 1) / s->len) return vm_raise(vm.e_MemoryError, "%s", "");
  size_t total = (size_t)n * s->len;
  if (!gc_can_allocate(total)) return vm_raise(vm.e_MemoryError, "%s", "");
  gc_push_root(OBJ_VAL(s));
  ObjString *r = str_alloc(total);
  gc_pop_roots(1);
  if (!r) return vm_raise(vm.e_MemoryError, "%s", "");
  for (int64_t i = 0; i < n; i++) memcpy(r->chars + i * s->len, s->chars, s->len);
  return OBJ_VAL(str_finish(r));
}

static Value str_concat(ObjString *a, ObjString *b) {
  if (a->len == 0) return OBJ_VAL(b);
  if (b->len == 0) return OBJ_VAL(a);
  if ((uint64_t)a->len + b->len > UINT32_MAX - 1) return vm_raise(vm.e_MemoryError, "%s", "");
  gc_push_root(OBJ_VAL(a));
  gc_push_root(OBJ_VAL(b));
  ObjString *r = str_alloc((size_t)a->len + b->len);
  gc_pop_roots(2);
  if (!r) return vm_raise(vm.e_MemoryError, "%s", "");
  memcpy(r->chars, a->chars, a->len);
  memcpy(r->chars + a->len, b->chars, b->len);
  r->ncp = a->ncp + b->ncp;
  return OBJ_VAL(r);
}

static Value seq_repeat(const Value *items, uint32_t len, int64_t n, bool tuple) {
  if (n <= 0 || len == 0) {
    return tuple ? OBJ_VAL(vm.empty_tuple) : OBJ_VAL(list_new(0, NULL));
  }
  if ((uint64_t)n > (UINT32_MAX / 2) / len) return vm_raise(vm.e_MemoryError, "%s", "");
  size_t total = (size_t)n * len;
  if (!gc_can_allocate(total * sizeof(Value))) return vm_raise(vm.e_MemoryError, "%s", "");
  Value *src = (Value *)items;
  if (tuple) {
    ObjTuple *t = tuple_new((uint32_t)total, NULL);
    if (!t) return vm_raise(vm.e_MemoryError, "%s", "");
    for (size_t i = 0; i < total; i++) t->items[i] = src[i % len];
    return OBJ_VAL(t);
  }
  ObjList *l = list_new((uint32_t)total, NULL);
  if (!l) return vm_raise(vm.e_MemoryError, "%s", "");
  for (size_t i = 0; i < total; i++) l->items[i] = src[i % len];
  l->len = (uint32_t)total;
  return OBJ_VAL(l);
}

static Value seq_concat(const Value *a, uint32_t na, const Value *b, uint32_t nb, bool tuple) {
  if ((uint64_t)na + nb > UINT32_MAX / 2) return vm_raise(vm.e_MemoryError, "%s", "");
  uint32_t n = na + nb;
  if (tuple) {
    ObjTuple *t = tuple_new(n, NULL);
    if (!t) return vm_raise(vm.e_MemoryError, "%s", "");
    if (na) memcpy(t->items, a, na * sizeof(Value));
    if (nb) memcpy(t->items + na, b, nb * sizeof(Value));
    return OBJ_VAL(t);
  }
  ObjList *l = list_new(n, NULL);
  if (!l) return vm_raise(vm.e_MemoryError, "%s", "");
  if (na) memcpy(l->items, a, na * sizeof(Value));
  if (nb) memcpy(l->items + na, b, nb * sizeof(Value));
  l->len = n;
  return OBJ_VAL(l);
}

/* dict, set, frozenset and dict views implement their operators as
 * natives on their classes (lib/dict.c, lib/set.c); those natives never
 * come back here for the same pair of operands. */
static bool is_container(Value v) {
  if (!IS_OBJ(v)) return false;
  ObjType t = (ObjType)OBJ_TYPE(v);
  return t == OBJ_DICT || t == OBJ_SET || t == OBJ_VIEW;
}

static Value container_binary(int op, Value a, Value b, bool inplace) {
  if (inplace && is_container(a)) {
    Value m = vm_lookup_special(a, str_intern_cstr(op_dunder[op][2]));
    if (!IS_UNDEF(m)) {
      Value args[2] = {a, b};
      Value r = vm_call(m, 2, args);
      if (IS_UNDEF(r) || !value_is(r, vm.not_implemented)) return r;
    }
  }
  if (is_container(a)) {
    Value m = vm_lookup_special(a, str_intern_cstr(op_dunder[op][0]));
    if (!IS_UNDEF(m)) {
      Value args[2] = {a, b};
      Value r = vm_call(m, 2, args);
      if (IS_UNDEF(r) || !value_is(r, vm.not_implemented)) return r;
    }
  }
  if (is_container(b)) {
    Value m = vm_lookup_special(b, str_intern_cstr(op_dunder[op][1]));
    if (!IS_UNDEF(m)) {
      Value args[2] = {b, a};
      Value r = vm_call(m, 2, args);
      if (IS_UNDEF(r) || !value_is(r, vm.not_implemented)) return r;
    }
  }
  return UNDEF_VAL;
}

static Value builtin_binary(int op, Value a, Value b, bool inplace) {
  int64_t n;
  if (IS_OBJ_TYPE(b, OBJ_VIEW) && !is_container(a)) return container_binary(op, a, b, inplace);
  if (IS_STR(a)) {
    if (op == OP_ADD && IS_STR(b)) return str_concat(AS_STR(a), AS_STR(b));
    if (op == OP_MUL && repeat_count(b, &n)) return str_repeat(AS_STR(a), n);
    if (op == OP_MOD) return lib_str_mod(a, b);
    return UNDEF_VAL;
  }
  if (IS_STR(b) && op == OP_MUL && repeat_count(a, &n)) return str_repeat(AS_STR(b), n);
  if (IS_LIST(a)) {
    ObjList *l = AS_LIST(a);
    if (inplace && op == OP_ADD) {
      if (!ops_list_extend(l, b)) return UNDEF_VAL;
      return a;
    }
    if (inplace && op == OP_MUL && repeat_count(b, &n)) {
      Value r = seq_repeat(l->items, l->len, n, false);
      if (IS_UNDEF(r)) return r;
      ObjList *rl = AS_LIST(r);
      Value *old = l->items;
      uint32_t oldcap = l->cap;
      l->items = rl->items;
      l->len = rl->len;
      l->cap = rl->cap;
      rl->items = old;
      rl->len = 0;
      rl->cap = oldcap;
      return a;
    }
    if (op == OP_ADD && IS_LIST(b))
      return seq_concat(l->items, l->len, AS_LIST(b)->items, AS_LIST(b)->len, false);
    if (op == OP_MUL && repeat_count(b, &n)) return seq_repeat(l->items, l->len, n, false);
    return UNDEF_VAL;
  }
  if (IS_LIST(b) && op == OP_MUL && repeat_count(a, &n))
    return seq_repeat(AS_LIST(b)->items, AS_LIST(b)->len, n, false);
  if (IS_TUPLE(a)) {
    ObjTuple *t = AS_TUPLE(a);
    if (op == OP_ADD && IS_TUPLE(b))
      return seq_concat(t->items, t->len, AS_TUPLE(b)->items, AS_TUPLE(b)->len, true);
    if (op == OP_MUL && repeat_count(b, &n)) return seq_repeat(t->items, t->len, n, true);
    return UNDEF_VAL;
  }
  if (IS_TUPLE(b) && op == OP_MUL && repeat_count(a, &n))
    return seq_repeat(AS_TUPLE(b)->items, AS_TUPLE(b)->len, n, true);
  if (is_container(a) || is_container(b)) return container_binary(op, a, b, inplace);
  return UNDEF_VAL;
}

Value vm_unary(int op, Value a) {
  switch (a.type) {
  case VAL_BOOL:
  case VAL_INT: {
    int64_t i = AS_INTLIKE(a);
    if (op == OP_NEG) return i == INT64_MIN ? overflow() : INT_VAL(-i);
    if (op == OP_POS) return INT_VAL(i);
    if (op == OP_INVERT) return INT_VAL(~i);
    break;
  }
  case VAL_FLOAT:
    if (op == OP_NEG) return FLOAT_VAL(-AS_FLOAT(a));
    if (op == OP_POS) return a;
    break;
  default: break;
  }
  ObjString *name = vm.names[op == OP_NEG ? NAME_neg : op == OP_POS ? NAME_pos : NAME_invert];
  Value m = user_special(a, name);
  if (!IS_UNDEF(m) && !IS_NONE(m)) return call_special(m, a, 0, NULL);
  return vm_raise(vm.e_TypeError, "bad operand type for unary %s: '%s'",
                  op == OP_NEG   ? "-"
                  : op == OP_POS ? "+"
                                 : "~",
                  vm_type_name(a));
}

/* --------------------------------------------------------- comparison */

int ops_cmp_int_float(int64_t i, double f) {
  if (isnan(f)) return 2;
  if (f >= 9223372036854775808.0) return -1;
  if (f < -9223372036854775808.0) return 1;
  double fl = floor(f);
  int64_t fi = (int64_t)fl;
  if (i < fi) return -1;
  if (i > fi) return 1;
  return f > fl ? -1 : 0;
}

/* Compare two numbers: -1/0/1, 2 unordered (nan), 3 not numbers. */
static int num_cmp(Value a, Value b) {
  if (IS_INTLIKE(a) && IS_INTLIKE(b)) {
    int64_t x = AS_INTLIKE(a), y = AS_INTLIKE(b);
    return x < y ? -1 : x > y;
  }
  if (IS_FLOAT(a) && IS_FLOAT(b)) {
    double x = AS_FLOAT(a), y = AS_FLOAT(b);
    if (isnan(x) || isnan(y)) return 2;
    return x < y ? -1 : x > y;
  }
  if (IS_INTLIKE(a) && IS_FLOAT(b)) return ops_cmp_int_float(AS_INTLIKE(a), AS_FLOAT(b));
  if (IS_FLOAT(a) && IS_INTLIKE(b)) {
    int c = ops_cmp_int_float(AS_INTLIKE(b), AS_FLOAT(a));
    return c == 2 ? 2 : -c;
  }
  return 3;
}

static int str_cmp(ObjString *a, ObjString *b) {
  size_t n = a->len < b->len ? a->len : b->len;
  int c = memcmp(a->chars, b->chars, n);
  if (c != 0) return c < 0 ? -1 : 1;
  return a->len < b->len ? -1 : a->len > b->len;
}

static bool cmp_result(int op, int c) {
  switch (op) {
  case OP_LT: return c < 0;
  case OP_LE: return c <= 0;
  case OP_GT: return c > 0;
  case OP_GE: return c >= 0;
  case OP_EQ: return c == 0;
  case OP_NE: return c != 0;
  default: return false;
  }
}

static int seq_eq(const Value *a, uint32_t na, const Value *b, uint32_t nb) {
  if (na != nb) return 0;
  for (uint32_t i = 0; i < na; i++) {
    int e = vm_eq(a[i], b[i]);
    if (e <= 0) return e;
  }
  return 1;
}

/* Lexicographic ordering of sequences, as Python compares lists/tuples. */
static Value seq_compare(int op, const Value *a, uint32_t na, const Value *b, uint32_t nb) {
  uint32_t n = na < nb ? na : nb;
  for (uint32_t i = 0; i < n; i++) {
    int e = vm_eq(a[i], b[i]);
    if (e < 0) return UNDEF_VAL;
    if (!e) {
      if (op == OP_EQ) return BOOL_VAL(false);
      if (op == OP_NE) return BOOL_VAL(true);
      return vm_compare(op, a[i], b[i]);
    }
  }
  int c = na < nb ? -1 : na > nb;
  return BOOL_VAL(cmp_result(op, c));
}

static int dict_eq(ObjDict *a, ObjDict *b) {
  if (a->len != b->len) return 0;
  uint32_t pos = 0;
  DictEntry *e;
  while (dict_next(a, &pos, &e)) {
    Value v;
    int r = dict_get(b, e->key, &v);
    if (r <= 0) return r;
    int eq = vm_eq(e->value, v);
    if (eq <= 0) return eq;
  }
  return 1;
}

/* a ⊆ b for sets: 1, 0, -1 error. */
static int set_subset(ObjSet *a, ObjSet *b) {
  if (a->used > b->used) return 0;
  uint32_t pos = 0;
  Value k;
  while (set_next(a, &pos, &k)) {
    int r = set_contains(b, k);
    if (r <= 0) return r;
  }
  return 1;
}

static const char *cmp_symbol(int op) {
  switch (op) {
  case OP_LT: return "<";
  case OP_LE: return "<=";
  case OP_GT: return ">";
  case OP_GE: return ">=";
  case OP_EQ: return "==";
  default: return "!=";
  }
}

static int reflected(int op) {
  switch (op) {
  case OP_LT: return OP_GT;
  case OP_LE: return OP_GE;
  case OP_GT: return OP_LT;
  case OP_GE: return OP_LE;
  default: return op;
  }
}

static ObjString *cmp_dunder(int op) {
  switch (op) {
  case OP_LT: return vm.names[NAME_lt];
  case OP_LE: return vm.names[NAME_le];
  case OP_GT: return vm.names[NAME_gt];
  case OP_GE: return vm.names[NAME_ge];
  case OP_EQ: return vm.names[NAME_eq];
  default: return vm.names[NAME_ne];
  }
}

/* Builtin comparisons; UNDEF with no exception: not comparable here. */
static Value builtin_compare(int op, Value a, Value b) {
  int c = num_cmp(a, b);
  if (c != 3) {
    if (c == 2) return BOOL_VAL(op == OP_NE);
    return BOOL_VAL(cmp_result(op, c));
  }
  if (IS_STR(a) && IS_STR(b)) {
    if (op == OP_EQ || op == OP_NE) return BOOL_VAL(str_eq(AS_STR(a), AS_STR(b)) == (op == OP_EQ));
    return BOOL_VAL(cmp_result(op, str_cmp(AS_STR(a), AS_STR(b))));
  }
  if (IS_LIST(a) && IS_LIST(b))
    return seq_compare(op, AS_LIST(a)->items, AS_LIST(a)->len, AS_LIST(b)->items, AS_LIST(b)->len);
  if (IS_TUPLE(a) && IS_TUPLE(b))
    return seq_compare(op, AS_TUPLE(a)->items, AS_TUPLE(a)->len, AS_TUPLE(b)->items,
                       AS_TUPLE(b)->len);
  if (IS_OBJ_TYPE(a, OBJ_SLICE) && IS_OBJ_TYPE(b, OBJ_SLICE)) {
    Value x[3] = {AS_SLICE(a)->start, AS_SLICE(a)->stop, AS_SLICE(a)->step};
    Value y[3] = {AS_SLICE(b)->start, AS_SLICE(b)->stop, AS_SLICE(b)->step};
    return seq_compare(op, x, 3, y, 3);
  }
  if (IS_SET(a) && IS_SET(b)) {
    ObjSet *x = AS_SET(a), *y = AS_SET(b);
    int r;
    switch (op) {
    case OP_EQ:
    case OP_NE:
      r = x->used == y->used ? set_subset(x, y) : 0;
      return r < 0 ? UNDEF_VAL : BOOL_VAL((r == 1) == (op == OP_EQ));
    case OP_LE: r = set_subset(x, y); break;
    case OP_GE: r = set_subset(y, x); break;
    case OP_LT: r = x->used < y->used ? set_subset(x, y) : 0; break;
    default: r = y->used < x->used ? set_subset(y, x) : 0; break;
    }
    return r < 0 ? UNDEF_VAL : BOOL_VAL(r);
  }
  if (op == OP_EQ || op == OP_NE) {
    int r = -2;
    if (IS_DICT(a) && IS_DICT(b)) r = dict_eq(AS_DICT(a), AS_DICT(b));
    if (IS_OBJ_TYPE(a, OBJ_RANGE) && IS_OBJ_TYPE(b, OBJ_RANGE)) {
      ObjRange *x = AS_RANGE(a), *y = AS_RANGE(b);
      int64_t nx, ny;
      vm_len(a, &nx);
      vm_len(b, &ny);
      r = nx == ny && (nx == 0 || (x->start == y->start && (nx == 1 || x->step == y->step)));
    }
    if (IS_OBJ_TYPE(a, OBJ_BOUND) && IS_OBJ_TYPE(b, OBJ_BOUND)) {
      r = value_is(AS_BOUND(a)->self, AS_BOUND(b)->self) &&
          value_is(AS_BOUND(a)->func, AS_BOUND(b)->func);
    }
    if (IS_OBJ_TYPE(a, OBJ_VIEW) && IS_OBJ_TYPE(b, OBJ_VIEW) && AS_VIEW(a)->kind == 0 &&
        AS_VIEW(b)->kind == 0) {
      ObjDict *x = AS_VIEW(a)->dict, *y = AS_VIEW(b)->dict;
      r = x->len == y->len;
      uint32_t pos = 0;
      DictEntry *e;
      while (r == 1 && dict_next(x, &pos, &e)) {
        Value dummy;
        r = dict_get(y, e->key, &dummy);
      }
    }
    if (r == -1) return UNDEF_VAL;
    if (r >= 0) return BOOL_VAL((r == 1) == (op == OP_EQ));
  }
  return UNDEF_VAL;
}

/* dict_keys/dict_items compare like sets, with sets and with each other;
 * lib/dict.c implements that as the views' rich-comparison natives. */
static Value view_compare(int op, Value a, Value b) {
  bool av = IS_OBJ_TYPE(a, OBJ_VIEW) && AS_VIEW(a)->kind != 1;
  bool bv = IS_OBJ_TYPE(b, OBJ_VIEW) && AS_VIEW(b)->kind != 1;
  if (!av && !bv) return UNDEF_VAL;
  Value self = av ? a : b, other = av ? b : a;
  Value m = vm_lookup_special(self, cmp_dunder(av ? op : reflected(op)));
  if (IS_UNDEF(m)) return UNDEF_VAL;
  Value args[2] = {self, other};
  Value r = vm_call(m, 2, args);
  if (!IS_UNDEF(r) && value_is(r, vm.not_implemented)) return UNDEF_VAL;
  return r;
}

Value vm_compare(int op, Value a, Value b) {
  if ((op == OP_EQ || op == OP_NE) && IS_OBJ(a) && IS_OBJ(b) && AS_OBJ(a) == AS_OBJ(b) &&
      OBJ_TYPE(a) != OBJ_INSTANCE && OBJ_TYPE(a) != OBJ_CDATA) {
    return BOOL_VAL(op == OP_EQ);
  }
  if (IS_OBJ_TYPE(a, OBJ_VIEW) || IS_OBJ_TYPE(b, OBJ_VIEW)) {
    Value r = view_compare(op, a, b);
    if (!IS_UNDEF(r) || !IS_UNDEF(vm.exc)) return r;
  }
  Value r = builtin_compare(op, a, b);
  if (!IS_UNDEF(r) || !IS_UNDEF(vm.exc)) return r;
  /* User-defined rich comparison, reflected operand second. Like CPython,
   * the right operand goes first when its class derives from the left's. */
  ObjString *name = cmp_dunder(op), *rname = cmp_dunder(reflected(op));
  bool right_first =
      vm_class_of(b) != vm_class_of(a) && vm_is_subclass(vm_class_of(b), vm_class_of(a));
  for (int pass = 0; pass < 2; pass++) {
    bool use_right = (pass == 0) == right_first;
    Value self = use_right ? b : a, other = use_right ? a : b;
    Value m = user_special(self, use_right ? rname : name);
    if (IS_UNDEF(m) || IS_NONE(m)) continue;
    r = call_special(m, self, 1, &other);
    if (IS_UNDEF(r) || !value_is(r, vm.not_implemented)) return r;
  }
  if (op == OP_NE) {
    /* Default __ne__ inverts __eq__. */
    Value m = user_special(a, vm.names[NAME_eq]);
    if (!IS_UNDEF(m) && !IS_NONE(m)) {
      r = call_special(m, a, 1, &b);
      if (IS_UNDEF(r)) return r;
      if (!value_is(r, vm.not_implemented)) {
        int t = vm_truthy(r);
        return t < 0 ? UNDEF_VAL : BOOL_VAL(!t);
      }
    }
  }
  if (op == OP_EQ || op == OP_NE) return BOOL_VAL(value_is(a, b) == (op == OP_EQ));
  return vm_raise(vm.e_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                  cmp_symbol(op), vm_type_name(a), vm_type_name(b));
}

int vm_eq(Value a, Value b) {
  if (value_is(a, b) && !IS_FLOAT(a)) {
    if (!IS_OBJ(a) || (OBJ_TYPE(a) != OBJ_INSTANCE && OBJ_TYPE(a) != OBJ_CDATA)) return 1;
  }
  if (IS_STR(a) && IS_STR(b)) return str_eq(AS_STR(a), AS_STR(b));
  int c = num_cmp(a, b);
  if (c != 3) return c == 0;
  if (IS_TUPLE(a) && IS_TUPLE(b))
    return seq_eq(AS_TUPLE(a)->items, AS_TUPLE(a)->len, AS_TUPLE(b)->items, AS_TUPLE(b)->len);
  if (IS_LIST(a) && IS_LIST(b))
    return seq_eq(AS_LIST(a)->items, AS_LIST(a)->len, AS_LIST(b)->items, AS_LIST(b)->len);
  Value r = vm_compare(OP_EQ, a, b);
  if (IS_UNDEF(r)) return -1;
  if (IS_BOOL(r)) return AS_BOOL(r);
  return vm_truthy(r);
}

/* ------------------------------------------------------------ hashing */

#define HASH_MODULUS ((1ull << 61) - 1)

int64_t ops_hash_int(int64_t i) {
  uint64_t m = i < 0 ? (uint64_t)(-(i + 1)) + 1 : (uint64_t)i;
  m %= HASH_MODULUS;
  int64_t h = i < 0 ? -(int64_t)m : (int64_t)m;
  return h == -1 ? -2 : h;
}

int64_t ops_hash_float(double f) {
  if (isinf(f)) return f > 0 ? 314159 : -314159;
  if (isnan(f)) return 0; /* CPython hashes nan by identity; any fixed value works here */
  int e;
  double m = frexp(f, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  uint64_t x = 0;
  while (m) {
    x = ((x << 28) & HASH_MODULUS) | x >> (61 - 28);
    m *= 268435456.0;
    e -= 28;
    uint64_t y = (uint64_t)m;
    m -= (double)y;
    x += y;
    if (x >= HASH_MODULUS) x -= HASH_MODULUS;
  }
  e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
  x = ((x << e) & HASH_MODULUS) | x >> (61 - e);
  int64_t h = (int64_t)x * sign;
  return h == -1 ? -2 : h;
}

static bool hash_tuple(ObjTuple *t, int64_t *out) {
  const uint64_t p1 = 11400714785074694791ull, p2 = 14029467366897019727ull,
                 p5 = 2870177450012600261ull;
  uint64_t acc = p5;
  for (uint32_t i = 0; i < t->len; i++) {
    int64_t lane;
    if (!vm_hash(t->items[i], &lane)) return false;
    acc += (uint64_t)lane * p2;
    acc = (acc << 31) | (acc >> 33);
    acc *= p1;
  }
  acc += t->len ^ (p5 ^ 3527539ull);
  *out = acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
  return true;
}

static bool hash_frozenset(ObjSet *s, int64_t *out) {
  uint64_t h = 0;
  uint32_t pos = 0;
  Value k;
  while (set_next(s, &pos, &k)) {
    int64_t kh;
    if (!vm_hash(k, &kh)) return false;
    uint64_t x = (uint64_t)kh;
    h ^= ((x ^ 89869747ull) ^ (x << 16)) * 3644798167ull;
  }
  h ^= ((uint64_t)s->used + 1) * 1927868237ull;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069u + 907133923u;
  *out = h == (uint64_t)-1 ? 590923713 : (int64_t)h;
  return true;
}

static int64_t identity_hash(Value v) {
  uint64_t p = (uint64_t)(uintptr_t)AS_OBJ(v);
  return (int64_t)((p >> 4) | (p << 60)) & INT64_MAX;
}

bool vm_hash(Value v, int64_t *out) {
  switch (v.type) {
  case VAL_NONE: *out = 0x5f3759df; return true; /* CPython 3.11 hashes None by address */
  case VAL_BOOL: *out = AS_BOOL(v); return true;
  case VAL_INT: *out = ops_hash_int(AS_INT(v)); return true;
  case VAL_FLOAT: *out = ops_hash_float(AS_FLOAT(v)); return true;
  case VAL_OBJ: break;
  default: *out = 0; return true;
  }
  switch ((ObjType)OBJ_TYPE(v)) {
  case OBJ_STR: *out = str_hash(AS_STR(v)); return true;
  case OBJ_TUPLE: return hash_tuple(AS_TUPLE(v), out);
  case OBJ_SET:
    if (AS_OBJ(v)->flags & SET_FROZEN) return hash_frozenset(AS_SET(v), out);
    break;
  case OBJ_RANGE: {
    /* As CPython: hash((len, start, step)), with start/step None when
     * they do not matter, so equal ranges hash equal. */
    int64_t n;
    vm_len(v, &n);
    ObjRange *r = AS_RANGE(v);
    Value t[3] = {INT_VAL(n), n == 0 ? NONE_VAL : INT_VAL(r->start),
                  n <= 1 ? NONE_VAL : INT_VAL(r->step)};
    ObjTuple *tup = tuple_new(3, t);
    return hash_tuple(tup, out);
  }
  case OBJ_LIST:
  case OBJ_DICT:
  case OBJ_SLICE: break;
  case OBJ_INSTANCE:
  case OBJ_EXCEPTION:
  case OBJ_CDATA: {
    Value m = vm_lookup_special(v, vm.names[NAME_hash]);
    if (IS_NONE(m)) break;
    if (!IS_UNDEF(m) && !IS_NATIVE(m)) {
      Value r = call_special(m, v, 0, NULL);
      if (IS_UNDEF(r)) return false;
      if (!IS_INTLIKE(r)) {
        vm_raise(vm.e_TypeError, "__hash__ method should return an integer");
        return false;
      }
      /* As CPython's slot: a result that fits a machine word is the hash
       * itself (all asy ints do), except -1, which means error there. */
      *out = AS_INTLIKE(r) == -1 ? -2 : AS_INTLIKE(r);
      return true;
    }
    *out = identity_hash(v);
    return true;
  }
  default: *out = identity_hash(v); return true;
  }
  vm_raise(vm.e_TypeError, "unhashable type: '%s'", vm_type_name(v));
  return false;
}

bool vm_to_index(Value v, int64_t *out) {
  if (IS_INTLIKE(v)) {
    *out = AS_INTLIKE(v);
    return true;
  }
  Value m = user_special(v, vm.names[NAME_index]);
  if (!IS_UNDEF(m) && !IS_NONE(m)) {
    Value r = call_special(m, v, 0, NULL);
    if (IS_UNDEF(r)) return false;
    if (IS_INTLIKE(r)) {
      *out = AS_INTLIKE(r);
      return true;
    }
    vm_raise(vm.e_TypeError, "__index__ returned non-int (type %s)", vm_type_name(r));
    return false;
  }
  vm_raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer", vm_type_name(v));
  return false;
}
