/* number.c — the classes int, bool and float: constructors, methods,
 * attributes and the few dunder methods programs call by name.
 *
 * Arithmetic itself lives in vm/ops.c (vm_binary, vm_compare, ...); the
 * dunders here only delegate to it after the type check CPython's slot
 * wrappers make (int.__add__(1, 2.0) is NotImplemented). Text <-> number
 * conversions go through lib/format.h so that int(), float(), repr() and
 * format() agree with CPython byte for byte.
 *
 * asy ints are int64: a conversion whose result does not fit raises
 * OverflowError (int(1e30)), where CPython would grow a bignum.
 */
#include <math.h>
#include <strings.h>

#include "../vm/ops.h"
#include "format.h"
#include "lib.h"

/* Arithmetic that leaves int64 (as vm/ops.c words it); conversions that
 * cannot fit use format.h's FMT_INT64_OVERFLOW_MSG. */
#define INT64_OVERFLOW_MSG "integer overflow: asy ints are 64-bit"

/* ------------------------------------------------------ argument checks
 * CPython words arity errors differently for each kind of builtin method;
 * these helpers reproduce the three kinds int and float use. Counts never
 * include self. The wording is that of a direct call, x.bit_length(1),
 * which names the defining class (int even when x is a bool). */

static int npositional(int argc, ObjTuple *kwnames) {
  return argc - (kwnames ? (int)kwnames->len : 0);
}

static bool has_kwargs(ObjTuple *kwnames) {
  return kwnames && kwnames->len > 0;
}

/* Self of a method of cls called as a plain function (int.bit_length(x)):
 * "unbound method" / "descriptor ... doesn't apply" for METH_* methods,
 * "descriptor ... needs an argument" / "requires a" for slot wrappers. */
static bool check_self(ObjClass *cls, const char *meth, bool slot, int argc, Value *argv) {
  const char *cname = cls->name->chars;
  if (argc < 1) {
    if (slot)
      vm_raise(vm.e_TypeError, "descriptor '%s' of '%s' object needs an argument", meth, cname);
    else
      vm_raise(vm.e_TypeError, "unbound method %s.%s() needs an argument", cname, meth);
    return false;
  }
  if (vm_isinstance(argv[0], cls)) return true;
  if (slot)
    vm_raise(vm.e_TypeError, "descriptor '%s' requires a '%s' object but received a '%s'", meth,
             cname, vm_type_name(argv[0]));
  else
    vm_raise(vm.e_TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
             meth, cname, vm_type_name(argv[0]));
  return false;
}

/* A METH_NOARGS method: x.bit_length(). */
static bool noargs(ObjClass *cls, const char *meth, int argc, Value *argv, ObjTuple *kwnames) {
  if (!check_self(cls, meth, false, argc, argv)) return false;
  const char *tname = cls->name->chars;
  if (has_kwargs(kwnames)) {
    vm_raise(vm.e_TypeError, "%s.%s() takes no keyword arguments", tname, meth);
    return false;
  }
  if (argc != 1) {
    vm_raise(vm.e_TypeError, "%s.%s() takes no arguments (%d given)", tname, meth, argc - 1);
    return false;
  }
  return true;
}

/* A METH_O method: x.__format__(spec). */
static bool onearg(ObjClass *cls, const char *meth, int argc, Value *argv, ObjTuple *kwnames) {
  if (!check_self(cls, meth, false, argc, argv)) return false;
  const char *tname = cls->name->chars;
  if (has_kwargs(kwnames)) {
    vm_raise(vm.e_TypeError, "%s.%s() takes no keyword arguments", tname, meth);
    return false;
  }
  if (argc != 2) {
    vm_raise(vm.e_TypeError, "%s.%s() takes exactly one argument (%d given)", tname, meth,
             argc - 1);
    return false;
  }
  return true;
}

/* A slot wrapper taking nargs arguments: x.__add__(y), x.__neg__(). */
static bool slot_args(ObjClass *cls, const char *meth, int nargs, int argc, Value *argv,
                      ObjTuple *kwnames) {
  if (!check_self(cls, meth, true, argc, argv)) return false;
  if (has_kwargs(kwnames)) {
    vm_raise(vm.e_TypeError, "wrapper %s() takes no keyword arguments", meth);
    return false;
  }
  if (argc - 1 != nargs) {
    vm_raise(vm.e_TypeError, "expected %d argument%s, got %d", nargs, nargs == 1 ? "" : "s",
             argc - 1);
    return false;
  }
  return true;
}

/* ------------------------------------------------------------- helpers */

static Value raise_fmt(FmtStatus st, FmtBuf *err) {
  ObjClass *cls = st == FMT_OVERFLOW_ERROR ? vm.e_OverflowError
                  : st == FMT_TYPE_ERROR   ? vm.e_TypeError
                  : st == FMT_MEMORY_ERROR ? vm.e_MemoryError
                                           : vm.e_ValueError;
  vm_raise(cls, "%s", fmt_buf_cstr(err));
  fmt_buf_free(err);
  return UNDEF_VAL;
}

static Value int_or_overflow(double t) {
  /* The int64 range is [-2^63, 2^63); both bounds are exact doubles. */
  if (t >= 9223372036854775808.0 || t < -9223372036854775808.0)
    return vm_raise(vm.e_OverflowError, FMT_INT64_OVERFLOW_MSG);
  return INT_VAL((int64_t)t);
}

/* int(x) for a float: truncation toward zero. */
static Value float_to_int(double d) {
  if (isnan(d)) return vm_raise(vm.e_ValueError, "cannot convert float NaN to integer");
  if (isinf(d)) return vm_raise(vm.e_OverflowError, "cannot convert float infinity to integer");
  return int_or_overflow(trunc(d));
}

static Value parse_int_str(ObjString *s, int64_t base) {
  FmtBuf err = FMT_BUF_INIT;
  int64_t out;
  FmtStatus st = fmt_parse_int(s->chars, s->len, (int)base, &out, &err);
  if (st != FMT_OK) return raise_fmt(st, &err);
  fmt_buf_free(&err);
  return INT_VAL(out);
}

static Value parse_float_str(ObjString *s) {
  FmtBuf err = FMT_BUF_INIT;
  double out;
  FmtStatus st = fmt_parse_float(s->chars, s->len, &out, &err);
  if (st != FMT_OK) return raise_fmt(st, &err);
  fmt_buf_free(&err);
  return FLOAT_VAL(out);
}

/* Call a user class's special method (looked up on the class) with self. */
static Value call_user_special(Value v, VmName name, bool *found) {
  *found = false;
  if (!IS_OBJ(v)) return UNDEF_VAL;
  ObjType t = (ObjType)OBJ_TYPE(v);
  if (t != OBJ_INSTANCE && t != OBJ_EXCEPTION && t != OBJ_CDATA) return UNDEF_VAL;
  Value m = vm_lookup_special(v, vm.names[name]);
  if (IS_UNDEF(m) || IS_NONE(m) || IS_NATIVE(m)) return UNDEF_VAL;
  *found = true;
  return vm_call(m, 1, &v);
}

/* --------------------------------------------------------- constructors */

/* int(x) for one argument without a base. */
static Value int_from_value(Value x) {
  if (IS_INT(x)) return x;
  if (IS_BOOL(x)) return INT_VAL(AS_BOOL(x));
  if (IS_FLOAT(x)) return float_to_int(AS_FLOAT(x));
  if (IS_STR(x)) return parse_int_str(AS_STR(x), 10);
  bool found;
  Value r = call_user_special(x, NAME_int_, &found);
  if (found) {
    if (IS_UNDEF(r)) return r;
    if (!IS_INTLIKE(r))
      return vm_raise(vm.e_TypeError, "__int__ returned non-int (type %s)", vm_type_name(r));
    return INT_VAL(AS_INTLIKE(r));
  }
  r = call_user_special(x, NAME_index, &found);
  if (found) {
    if (IS_UNDEF(r)) return r;
    if (!IS_INTLIKE(r))
      return vm_raise(vm.e_TypeError, "__index__ returned non-int (type %s)", vm_type_name(r));
    return INT_VAL(AS_INTLIKE(r));
  }
  return vm_raise(vm.e_TypeError,
                  "int() argument must be a string, a bytes-like object or a real number, not "
                  "'%s'",
                  vm_type_name(x));
}

/* int(), int(x), int(x, base), int(x, base=b): x is positional-only. */
static Value int_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  int npos = npositional(argc, kwnames);
  Value x = npos > 0 ? argv[0] : UNDEF_VAL;
  Value base = npos > 1 ? argv[1] : UNDEF_VAL;
  if (argc > 2)
    return vm_raise(vm.e_TypeError, "int() takes at most 2 %sarguments (%d given)",
                    npos == 0 ? "keyword " : "", argc);
  for (int k = 0; kwnames && k < (int)kwnames->len; k++) {
    ObjString *name = AS_STR(kwnames->items[k]);
    if (strcmp(name->chars, "base") != 0)
      return vm_raise(vm.e_TypeError, "'%s' is an invalid keyword argument for int()", name->chars);
    if (!IS_UNDEF(base))
      return vm_raise(vm.e_TypeError, "argument for int() given by name ('base') and position (2)");
    base = argv[npos + k];
  }
  if (IS_UNDEF(x)) {
    if (!IS_UNDEF(base)) return vm_raise(vm.e_TypeError, "int() missing string argument");
    return INT_VAL(0);
  }
  if (IS_UNDEF(base)) return int_from_value(x);
  int64_t b;
  if (!vm_to_index(base, &b)) return UNDEF_VAL;
  if ((b != 0 && b < 2) || b > 36)
    return vm_raise(vm.e_ValueError, "int() base must be >= 2 and <= 36, or 0");
  if (!IS_STR(x))
    return vm_raise(vm.e_TypeError, "int() can't convert non-string with explicit base");
  return parse_int_str(AS_STR(x), b);
}

static Value float_from_value(Value x) {
  if (IS_FLOAT(x)) return x;
  if (IS_INTLIKE(x)) return FLOAT_VAL((double)AS_INTLIKE(x));
  if (IS_STR(x)) return parse_float_str(AS_STR(x));
  bool found;
  Value r = call_user_special(x, NAME_float_, &found);
  if (found) {
    if (IS_UNDEF(r) || IS_FLOAT(r)) return r;
    return vm_raise(vm.e_TypeError, "%s.__float__ returned non-float (type %s)", vm_type_name(x),
                    vm_type_name(r));
  }
  r = call_user_special(x, NAME_index, &found);
  if (found) {
    if (IS_UNDEF(r)) return r;
    if (!IS_INTLIKE(r))
      return vm_raise(vm.e_TypeError, "__index__ returned non-int (type %s)", vm_type_name(r));
    return FLOAT_VAL((double)AS_INTLIKE(r));
  }
  return vm_raise(vm.e_TypeError, "float() argument must be a string or a real number, not '%s'",
                  vm_type_name(x));
}

static Value float_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (has_kwargs(kwnames)) return vm_raise(vm.e_TypeError, "float() takes no keyword arguments");
  if (argc > 1) return vm_raise(vm.e_TypeError, "float expected at most 1 argument, got %d", argc);
  if (argc == 0) return FLOAT_VAL(0.0);
  return float_from_value(argv[0]);
}

static Value bool_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (has_kwargs(kwnames)) return vm_raise(vm.e_TypeError, "bool() takes no keyword arguments");
  if (argc > 1) return vm_raise(vm.e_TypeError, "bool expected at most 1 argument, got %d", argc);
  if (argc == 0) return BOOL_VAL(false);
  int t = vm_truthy(argv[0]);
  return t < 0 ? UNDEF_VAL : BOOL_VAL(t);
}

/* ---------------------------------------------------------- int methods */

static uint64_t magnitude(int64_t v) {
  return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

static Value int_bit_length(int argc, Value *argv, ObjTuple *kwnames) {
  if (!noargs(vm.t_int, "bit_length", argc, argv, kwnames)) return UNDEF_VAL;
  uint64_t m = magnitude(AS_INTLIKE(argv[0]));
  return INT_VAL(m ? 64 - __builtin_clzll(m) : 0);
}

static Value int_bit_count(int argc, Value *argv, ObjTuple *kwnames) {
  if (!noargs(vm.t_int, "bit_count", argc, argv, kwnames)) return UNDEF_VAL;
  return INT_VAL(__builtin_popcountll(magnitude(AS_INTLIKE(argv[0]))));
}

static Value int_conjugate(int argc, Value *argv, ObjTuple *kwnames) {
  if (!noargs(vm.t_int, "conjugate", argc, argv, kwnames)) return UNDEF_VAL;
  return INT_VAL(AS_INTLIKE(argv[0]));
}

static Value int_as_integer_ratio(int argc, Value *argv, ObjTuple *kwnames) {
  if (!noargs(vm.t_int, "as_integer_ratio", argc, argv, kwnames)) return UNDEF_VAL;
  Value items[2] = {INT_VAL(AS_INTLIKE(argv[0])), INT_VAL(1)};
  return OBJ_VAL(tuple_new(2, items));
}

/* Properties: real and numerator are the value (as a plain int, even for
 * a bool), imag is 0, denominator 1. */
static Value int_get_self(int argc, Value *argv, ObjTuple *kwnames) {
  return INT_VAL(AS_INTLIKE(argv[0]));
}
static Value int_get_zero(int argc, Value *argv, ObjTuple *kwnames) {
  return INT_VAL(0);
}
static Value int_get_one(int argc, Value *argv, ObjTuple *kwnames) {
  return INT_VAL(1);
}

static Value int_format(int argc, Value *argv, ObjTuple *kwnames) {
  if (!onearg(vm.t_int, "__format__", argc, argv, kwnames)) return UNDEF_VAL;
  if (!IS_STR(argv[1]))
    return vm_raise(vm.e_TypeError, "__format__() argument must be str, not %s",
                    IS_NONE(argv[1]) ? "None" : vm_type_name(argv[1]));
  ObjString *s = vm_format(argv[0], AS_STR(argv[1]));
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

/* int.__repr__ is decimal even for a bool (int.__repr__(True) == '1'). */
static Value int_repr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!slot_args(vm.t_int, "__repr__", 0, argc, argv, kwnames)) return UNDEF_VAL;
  return OBJ_VAL(str_printf("%lld", (long long)AS_INTLIKE(argv[0])));
}

/* int.__str__ is object.__str__, which uses the type's repr. */
static Value int_str(int argc, Value *argv, ObjTuple *kwnames) {
  if (!slot_args(vm.t_int, "__str__", 0, argc, argv, kwnames)) return UNDEF_VAL;
  ObjString *s = vm_repr(argv[0]);
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

static Value bool_repr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!slot_args(vm.t_bool, "__repr__", 0, argc, argv, kwnames)) return UNDEF_VAL;
  return OBJ_VAL(str_intern_cstr(AS_BOOL(argv[0]) ? "True" : "False"));
}

/* ------------------------------------------------------- dunder methods
 * One table drives int's and float's binary dunders: the operand must be
 * of a type the slot accepts (an int for int's, an int or float for
 * float's), otherwise the answer is NotImplemented, as in CPython. */

typedef struct {
  const char *name;
  bool compare; /* op is a comparison (vm_compare) rather than arithmetic */
  int op;
} BinaryDunder;

static const BinaryDunder binary_dunders[] = {
    {"__add__", false, OP_ADD},
    {"__sub__", false, OP_SUB},
    {"__mul__", false, OP_MUL},
    {"__truediv__", false, OP_DIV},
    {"__floordiv__", false, OP_FLOORDIV},
    {"__mod__", false, OP_MOD},
    {"__pow__", false, OP_POW},
    {"__eq__", true, OP_EQ},
    {"__ne__", true, OP_NE},
    {"__lt__", true, OP_LT},
    {"__le__", true, OP_LE},
    {"__gt__", true, OP_GT},
    {"__ge__", true, OP_GE},
};

/* The natives cannot carry the table index, so each gets a tiny wrapper
 * generated below that passes its entry. */
static Value binary_dunder(const BinaryDunder *d, ObjClass *cls, int argc, Value *argv,
                           ObjTuple *kwnames) {
  if (!slot_args(cls, d->name, 1, argc, argv, kwnames)) return UNDEF_VAL;
  Value other = argv[1];
  bool ok = cls == vm.t_float ? IS_NUMBER(other) : IS_INTLIKE(other);
  if (!ok) return vm.not_implemented;
  if (d->compare) return vm_compare(d->op, argv[0], other);
  return vm_binary(d->op, argv[0], other, false);
}

#define DUNDER_FNS(i)                                                                              \
  static Value int_dunder_##i(int argc, Value *argv, ObjTuple *kwnames) {                          \
    return binary_dunder(&binary_dunders[i], vm.t_int, argc, argv, kwnames);                       \
  }                                                                                                \
  static Value float_dunder_##i(int argc, Value *argv, ObjTuple *kwnames) {                        \
    return binary_dunder(&binary_dunders[i], vm.t_float, argc, argv, kwnames);                     \
  }
DUNDER_FNS(0)
DUNDER_FNS(1)
DUNDER_FNS(2)
DUNDER_FNS(3)
DUNDER_FNS(4)
DUNDER_FNS(5)
DUNDER_FNS(6)
DUNDER_FNS(7)
DUNDER_FNS(8)
DUNDER_FNS(9)
DUNDER_FNS(10)
DUNDER_FNS(11)
DUNDER_FNS(12)
#undef DUNDER_FNS

static const NativeFn int_dunder_fns[] = {
    int_dunder_0,  int_dunder_1,  int_dunder_2,  int_dunder_3, int_dunder_4,
    int_dunder_5,  int_dunder_6,  int_dunder_7,  int_dunder_8, int_dunder_9,
    int_dunder_10, int_dunder_11, int_dunder_12,
};
static const NativeFn float_dunder_fns[] = {
    float_dunder_0,  float_dunder_1,  float_dunder_2,  float_dunder_3, float_dunder_4,
    float_dunder_5,  float_dunder_6,  float_dunder_7,  float_dunder_8, float_dunder_9,
    float_dunder_10, float_dunder_11, float_dunder_12,
};

/* Unary dunders shared by int and float; self's class picks the check. */
static ObjClass *num_class(Value self) {
  return IS_FLOAT(self) ? vm.t_float : vm.t_int;
}

static bool unary_check(const char *name, int argc, Value *argv, ObjTuple *kwnames) {
  ObjClass *cls = argc > 0 ? num_class(argv[0]) : vm.t_int;
  return slot_args(cls, name, 0, argc, argv, kwnames);
}

static Value num_neg(int argc, Value *argv, ObjTuple *kwnames) {
  if (!unary_check("__neg__", argc, argv, kwnames)) return UNDEF_VAL;
  return vm_unary(OP_NEG, argv[0]);
}

static Value num_pos(int argc, Value *argv, ObjTuple *kwnames) {
  if (!unary_check("__pos__", argc, argv, kwnames)) return UNDEF_VAL;
  return vm_unary(OP_POS, argv[0]);
}

static Value num_abs(int argc, Value *argv, ObjTuple *kwnames) {
  if (!unary_check("__abs__", argc, argv, kwnames)) return UNDEF_VAL;
  Value v = argv[0];
  if (IS_FLOAT(v)) return FLOAT_VAL(fabs(AS_FLOAT(v)));
  int64_t i = AS_INTLIKE(v);
  if (i == INT64_MIN) return vm_raise(vm.e_OverflowError, INT64_OVERFLOW_MSG);
  return INT_VAL(i < 0 ? -i : i);
}

static Value num_hash(int argc, Value *argv, ObjTuple *kwnames) {
  if (!unary_check("__hash__", argc, argv, kwnames)) return UNDEF_VAL;
  int64_t h;
  if (!vm_hash(argv[0], &h)) return UNDEF_VAL;
  return INT_VAL(h);
}

static Value num_bool(int argc, Value *argv, ObjTuple *kwnames) {
  if (!unary_check("__bool__", argc, argv, kwnames)) return UNDEF_VAL;
  return BOOL_VAL(vm_truthy(argv[0]) == 1);
}

static Value num_int(int argc, Value *argv, ObjTuple *kwnames) {
  if (!unary_check("__int__", argc, argv, kwnames)) return UNDEF_VAL;
  return IS_FLOAT(argv[0]) ? float_to_int(AS_FLOAT(argv[0])) : INT_VAL(AS_INTLIKE(argv[0]));
}

static Value num_float(int argc, Value *argv, ObjTuple *kwnames) {
  if (!unary_check("__float__", argc, argv, kwnames)) return UNDEF_VAL;
  return IS_FLOAT(argv[0]) ? argv[0] : FLOAT_VAL((double)AS_INTLIKE(argv[0]));
}

static Value int_index(int argc, Value *argv, ObjTuple *kwnames) {
  if (!slot_args(vm.t_int, "__index__", 0, argc, argv, kwnames)) return UNDEF_VAL;
  return INT_VAL(AS_INTLIKE(argv[0]));
}

/* -------------------------------------------------------- float methods */

static Value float_is_integer(int argc, Value *argv, ObjTuple *kwnames) {
  if (!noargs(vm.t_float, "is_integer", argc, argv, kwnames)) return UNDEF_VAL;
  double d = AS_FLOAT(argv[0]);
  return BOOL_VAL(isfinite(d) && d == floor(d));
}

static Value float_conjugate(int argc, Value *argv, ObjTuple *kwnames) {
  if (!noargs(vm.t_float, "conjugate", argc, argv, kwnames)) return UNDEF_VAL;
  return argv[0];
}

/* x == num / 2**k exactly: scale the mantissa until it is integral. */
static Value float_as_integer_ratio(int argc, Value *argv, ObjTuple *kwnames) {
  if (!noargs(vm.t_float, "as_integer_ratio", argc, argv, kwnames)) return UNDEF_VAL;
  double d = AS_FLOAT(argv[0]);
  if (isinf(d)) return vm_raise(vm.e_OverflowError, "cannot convert Infinity to integer ratio");
  if (isnan(d)) return vm_raise(vm.e_ValueError, "cannot convert NaN to integer ratio");
  int exp;
  double m = frexp(d, &exp);
  for (int i = 0; i < 300 && m != floor(m); i++) {
    m *= 2.0;
    exp--;
  }
  /* d == m * 2**exp with m integral (|m| < 2**53). */
  if (exp >= 0) {
    if (exp >= 63 || fabs(m) >= ldexp(1.0, 63 - exp))
      return vm_raise(vm.e_OverflowError, FMT_INT64_OVERFLOW_MSG);
    Value items[2] = {INT_VAL((int64_t)m << exp), INT_VAL(1)};
    return OBJ_VAL(tuple_new(2, items));
  }
  if (-exp >= 63) return vm_raise(vm.e_OverflowError, FMT_INT64_OVERFLOW_MSG);
  Value items[2] = {INT_VAL((int64_t)m), INT_VAL((int64_t)1 << -exp)};
  return OBJ_VAL(tuple_new(2, items));
}

static Value float_get_self(int argc, Value *argv, ObjTuple *kwnames) {
  return argv[0];
}
static Value float_get_zero(int argc, Value *argv, ObjTuple *kwnames) {
  return FLOAT_VAL(0.0);
}

static Value float_format(int argc, Value *argv, ObjTuple *kwnames) {
  if (!onearg(vm.t_float, "__format__", argc, argv, kwnames)) return UNDEF_VAL;
  if (!IS_STR(argv[1]))
    return vm_raise(vm.e_TypeError, "__format__() argument must be str, not %s",
                    IS_NONE(argv[1]) ? "None" : vm_type_name(argv[1]));
  ObjString *s = vm_format(argv[0], AS_STR(argv[1]));
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

static Value float_repr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!slot_args(vm.t_float, "__repr__", 0, argc, argv, kwnames)) return UNDEF_VAL;
  char buf[FMT_FLOAT_REPR_SIZE];
  size_t n = fmt_float_repr(AS_FLOAT(argv[0]), buf);
  return OBJ_VAL(str_new(buf, n));
}

static Value float_str(int argc, Value *argv, ObjTuple *kwnames) {
  if (!slot_args(vm.t_float, "__str__", 0, argc, argv, kwnames)) return UNDEF_VAL;
  char buf[FMT_FLOAT_REPR_SIZE];
  size_t n = fmt_float_repr(AS_FLOAT(argv[0]), buf);
  return OBJ_VAL(str_new(buf, n));
}

static Value float_trunc(int argc, Value *argv, ObjTuple *kwnames) {
  if (!slot_args(vm.t_float, "__trunc__", 0, argc, argv, kwnames)) return UNDEF_VAL;
  return float_to_int(AS_FLOAT(argv[0]));
}

/* float.hex(): [-]0x1.<13 hex digits>p<exp>, subnormals as 0x0.<...>p-1022. */
static Value float_hex(int argc, Value *argv, ObjTuple *kwnames) {
  if (!noargs(vm.t_float, "hex", argc, argv, kwnames)) return UNDEF_VAL;
  double d = AS_FLOAT(argv[0]);
  if (isnan(d)) return OBJ_VAL(str_intern_cstr("nan"));
  if (isinf(d)) return OBJ_VAL(str_intern_cstr(d < 0 ? "-inf" : "inf"));
  const char *sign = signbit(d) ? "-" : "";
  d = fabs(d);
  if (d == 0.0) return OBJ_VAL(str_printf("%s0x0.0p+0", sign));
  uint64_t bits;
  memcpy(&bits, &d, sizeof bits);
  uint64_t frac = bits & ((1ull << 52) - 1);
  int bexp = (int)(bits >> 52);
  int lead = bexp ? 1 : 0;
  int exp = bexp ? bexp - 1023 : -1022;
  return OBJ_VAL(str_printf("%s0x%d.%013llxp%+d", sign, lead, (unsigned long long)frac, exp));
}

/* ------------------------------------------------------- float.fromhex */

typedef struct {
  uint64_t acc;   /* the first significant hex digits (at most 15: 60 bits) */
  int64_t exp2;   /* value == (acc + sticky fraction) * 2**exp2 */
  bool sticky;    /* a non-zero digit did not fit in acc */
  bool any_digit; /* at least one hex digit was seen */
} HexMantissa;

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static bool ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Digits [.digits]: each digit past the 15th only shifts the exponent (in
 * the integer part) or is dropped (in the fraction), noting non-zeros. */
static void hex_digits(const char *s, size_t n, size_t *i, HexMantissa *m) {
  int kept = 0;
  bool frac = false;
  for (; *i < n; (*i)++) {
    char c = s[*i];
    if (c == '.' && !frac) {
      frac = true;
      continue;
    }
    int v = hex_value(c);
    if (v < 0) break;
    m->any_digit = true;
    if (kept == 0 && v == 0) {
      if (frac) m->exp2 -= 4;
      continue;
    }
    if (kept < 15) {
      m->acc = m->acc << 4 | (uint64_t)v;
      kept++;
      if (frac) m->exp2 -= 4;
    } else {
      if (v) m->sticky = true;
      if (!frac) m->exp2 += 4;
    }
  }
}

/* p[+-]digits, clamped: anything beyond 2**20 already over/underflows. */
static bool hex_exponent(const char *s, size_t n, size_t *i, int64_t *out) {
  *out = 0;
  if (*i >= n || (s[*i] != 'p' && s[*i] != 'P')) return true;
  (*i)++;
  bool neg = false;
  if (*i < n && (s[*i] == '+' || s[*i] == '-')) neg = s[(*i)++] == '-';
  if (*i >= n || s[*i] < '0' || s[*i] > '9') return false;
  int64_t e = 0;
  for (; *i < n && s[*i] >= '0' && s[*i] <= '9'; (*i)++) {
    if (e < 10000000) e = e * 10 + (s[*i] - '0');
  }
  *out = neg ? -e : e;
  return true;
}

/* Round acc * 2**exp2 (+ sticky) to a double, half to even, keeping at
 * most 53 bits and no bit below 2**-1074. */
static bool hex_round(HexMantissa *m, double *out) {
  if (m->acc == 0) {
    *out = 0.0;
    return true;
  }
  int len = 64 - __builtin_clzll(m->acc);
  int64_t shift = len - 53;
  if (-1074 - m->exp2 > shift) shift = -1074 - m->exp2;
  uint64_t q = m->acc;
  int64_t e = m->exp2;
  if (shift > 62) {
    q = 0;
  } else if (shift > 0) {
    uint64_t rem = q & ((1ull << shift) - 1), half = 1ull << (shift - 1);
    q >>= shift;
    if (rem > half || (rem == half && (m->sticky || (q & 1)))) q++;
    e += shift;
  }
  if (e + 64 - (q ? __builtin_clzll(q) : 64) > 1024) return false;
  *out = ldexp((double)q, (int)e);
  return !isinf(*out);
}

static bool match_word(const char *s, size_t n, size_t *i, const char *w) {
  size_t k = strlen(w);
  if (n - *i < k || strncasecmp(s + *i, w, k) != 0) return false;
  *i += k;
  return true;
}

static Value float_fromhex(int argc, Value *argv, ObjTuple *kwnames) {
  /* A classmethod: argv[0] is the class. */
  if (has_kwargs(kwnames))
    return vm_raise(vm.e_TypeError, "float.fromhex() takes no keyword arguments");
  if (argc != 2)
    return vm_raise(vm.e_TypeError, "float.fromhex() takes exactly one argument (%d given)",
                    argc - 1);
  if (!IS_STR(argv[1])) return vm_raise(vm.e_TypeError, "bad argument type for built-in operation");
  const char *s = AS_CSTR(argv[1]);
  size_t n = AS_STR(argv[1])->len, i = 0;
  while (i < n && ascii_space(s[i])) i++;
  bool neg = false;
  if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  double d = 0.0;
  if (match_word(s, n, &i, "infinity") || match_word(s, n, &i, "inf")) {
    d = INFINITY;
  } else if (match_word(s, n, &i, "nan")) {
    d = NAN;
  } else {
    if (n - i >= 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) i += 2;
    HexMantissa m = {0, 0, false, false};
    hex_digits(s, n, &i, &m);
    int64_t e;
    if (!m.any_digit || !hex_exponent(s, n, &i, &e)) goto invalid;
    m.exp2 += e;
    if (!hex_round(&m, &d))
      return vm_raise(vm.e_OverflowError, "hexadecimal value too large to represent as a float");
  }
  while (i < n && ascii_space(s[i])) i++;
  if (i != n) goto invalid;
  return FLOAT_VAL(neg ? -d : d);
invalid:
  return vm_raise(vm.e_ValueError, "invalid hexadecimal floating-point string");
}

/* --------------------------------------------------------------- init */

static void def_classmethod(ObjClass *cls, const char *name, NativeFn fn) {
  ObjNative *n = native_new(name, fn);
  gc_push_root(OBJ_VAL(n));
  ObjWrapper *w = wrapper_new(WRAP_CLASSMETHOD, OBJ_VAL(n));
  gc_push_root(OBJ_VAL(w));
  dict_set_str(cls->dict, str_intern_cstr(name), OBJ_VAL(w));
  gc_pop_roots(2);
}

static void int_methods(void) {
  ObjClass *c = vm.t_int;
  c->ctor = int_ctor;
  lib_def_method(c, "bit_length", int_bit_length);
  lib_def_method(c, "bit_count", int_bit_count);
  lib_def_method(c, "conjugate", int_conjugate);
  lib_def_method(c, "as_integer_ratio", int_as_integer_ratio);
  lib_def_method(c, "__format__", int_format);
  lib_def_method(c, "__repr__", int_repr);
  lib_def_method(c, "__str__", int_str);
  lib_def_method(c, "__index__", int_index);
  lib_def_property(c, "real", int_get_self);
  lib_def_property(c, "numerator", int_get_self);
  lib_def_property(c, "imag", int_get_zero);
  lib_def_property(c, "denominator", int_get_one);
}

static void float_methods(void) {
  ObjClass *c = vm.t_float;
  c->ctor = float_ctor;
  lib_def_method(c, "is_integer", float_is_integer);
  lib_def_method(c, "conjugate", float_conjugate);
  lib_def_method(c, "as_integer_ratio", float_as_integer_ratio);
  lib_def_method(c, "hex", float_hex);
  lib_def_method(c, "__format__", float_format);
  lib_def_method(c, "__repr__", float_repr);
  lib_def_method(c, "__str__", float_str);
  lib_def_method(c, "__trunc__", float_trunc);
  def_classmethod(c, "fromhex", float_fromhex);
  lib_def_property(c, "real", float_get_self);
  lib_def_property(c, "imag", float_get_zero);
}

static void shared_dunders(ObjClass *c, const NativeFn *binary) {
  for (size_t i = 0; i < ASY_ARRAY_LEN(binary_dunders); i++)
    lib_def_method(c, binary_dunders[i].name, binary[i]);
  lib_def_method(c, "__neg__", num_neg);
  lib_def_method(c, "__pos__", num_pos);
  lib_def_method(c, "__abs__", num_abs);
  lib_def_method(c, "__hash__", num_hash);
  lib_def_method(c, "__bool__", num_bool);
  lib_def_method(c, "__int__", num_int);
  lib_def_method(c, "__float__", num_float);
}

void lib_int_init(void) {
  int_methods();
  float_methods();
  shared_dunders(vm.t_int, int_dunder_fns);
  shared_dunders(vm.t_float, float_dunder_fns);
  vm.t_bool->ctor = bool_ctor;
  lib_def_method(vm.t_bool, "__repr__", bool_repr);
}
