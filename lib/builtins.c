/* builtins.c — the functions of the builtins module: print, len, min,
 * max, sum, isinstance, getattr, round, divmod, pow, input, dir, ...
 *
 * The classes (int, list, enumerate, ...) are bound by vm/init.c and by
 * the lib/ file that fills each class; sorted() lives with list.sort in
 * lib/list.c and iter() with the iterators in lib/iter.c.
 *
 * Argument errors use the wording of each CPython builtin (they differ:
 * "len() takes exactly one argument (0 given)", "getattr expected at
 * least 2 arguments, got 1", "'x' is an invalid keyword argument for
 * print()"); methargs.h has the helpers.
 *
 * Documented differences: print() without file= writes to the process's
 * stdout even if a program rebinds sys.stdout; locals() inside a function
 * returns a fresh snapshot dict (as CPython 3.11 does in effect: writes to
 * it are not seen by the function).
 */
#include <math.h>

#include "../vm/ops.h"
#include "format.h"
#include "lib.h"
#include "methargs.h"

static Value memory_error(void) {
  return vm_raise(vm.e_MemoryError, "%s", "");
}

static Value str_value(ObjString *s) {
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

/* Raise the exception a lib/format.h status names, with its message. */
static Value fmt_error(FmtStatus st, FmtBuf *err) {
  ObjClass *cls = st == FMT_OVERFLOW_ERROR ? vm.e_OverflowError
                  : st == FMT_TYPE_ERROR   ? vm.e_TypeError
                  : st == FMT_MEMORY_ERROR ? vm.e_MemoryError
                                           : vm.e_ValueError;
  vm_raise(cls, "%s", fmt_buf_cstr(err));
  fmt_buf_free(err);
  return UNDEF_VAL;
}

/* ---------------------------------------------------------------- print */

/* Write text to a file object through its write() method. */
static bool file_write(Value file, Value text) {
  Value r = vm_call_method(file, str_intern_cstr("write"), 1, &text);
  return !IS_UNDEF(r);
}

/* sep= / end= of print: None or a str. */
static bool print_text_arg(const char *what, Value v, ObjString **out) {
  if (IS_UNDEF(v) || IS_NONE(v)) return true;
  if (!IS_STR(v)) {
    vm_raise(vm.e_TypeError, "%s must be None or a string, not %s", what, vm_type_name(v));
    return false;
  }
  *out = AS_STR(v);
  return true;
}

/* print to a file object: one write() per object, separator and end, as
 * CPython does. */
static bool print_to_file(Value file, int n, Value *objs, ObjString *sep, ObjString *end) {
  for (int i = 0; i < n; i++) {
    if (i > 0 && !file_write(file, OBJ_VAL(sep))) return false;
    ObjString *s = vm_str(objs[i]);
    if (!s) return false;
    gc_push_root(OBJ_VAL(s));
    bool ok = file_write(file, OBJ_VAL(s));
    gc_pop_roots(1);
    if (!ok) return false;
  }
  return file_write(file, OBJ_VAL(end));
}

/* print to the process's stdout, piece by piece as CPython writes them
 * (an object whose __str__ fails leaves the earlier pieces printed). */
static bool print_to_stdout(int n, Value *objs, ObjString *sep, ObjString *end) {
  for (int i = 0; i < n; i++) {
    if (i > 0) fwrite(sep->chars, 1, sep->len, stdout);
    ObjString *s = vm_str(objs[i]);
    if (!s) return false;
    fwrite(s->chars, 1, s->len, stdout);
  }
  fwrite(end->chars, 1, end->len, stdout);
  return true;
}

/* print's default sep and end, made once and kept by a GC marker. */
static ObjString *default_sep, *default_end;

static void mark_defaults(void *ctx) {
  gc_mark_obj((Obj *)default_sep);
  gc_mark_obj((Obj *)default_end);
}

static Value builtin_print(int argc, Value *argv, ObjTuple *kwnames) {
  static const char *const names[] = {"sep", "end", "file", "flush"};
  Value kw[4] = {UNDEF_VAL, UNDEF_VAL, UNDEF_VAL, UNDEF_VAL};
  int nkw = kwnames ? (int)kwnames->len : 0, n = argc - nkw;
  for (int k = 0; k < nkw; k++) {
    int j = ma_param_index(AS_STR(kwnames->items[k]), 0, 4, names);
    if (j < 0)
      return vm_raise(vm.e_TypeError, "'%s' is an invalid keyword argument for print()",
                      AS_CSTR(kwnames->items[k]));
    kw[j] = argv[n + k];
  }
  ObjString *sep = default_sep, *end = default_end;
  if (!print_text_arg("sep", kw[0], &sep) || !print_text_arg("end", kw[1], &end)) return UNDEF_VAL;
  bool to_file = !IS_UNDEF(kw[2]) && !IS_NONE(kw[2]);
  bool ok = to_file ? print_to_file(kw[2], n, argv, sep, end) : print_to_stdout(n, argv, sep, end);
  if (!ok) return UNDEF_VAL;
  if (!IS_UNDEF(kw[3])) {
    int flush = vm_truthy(kw[3]);
    if (flush < 0) return UNDEF_VAL;
    if (flush && to_file) {
      if (IS_UNDEF(vm_call_method(kw[2], str_intern_cstr("flush"), 0, NULL))) return UNDEF_VAL;
    } else if (flush) {
      fflush(stdout);
    }
  }
  return NONE_VAL;
}

/* ---------------------------------------------------------------- input */

static Value builtin_input(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("input", argc, kwnames, 0, 1)) return UNDEF_VAL;
  if (argc == 1) {
    ObjString *p = vm_str(argv[0]);
    if (!p) return UNDEF_VAL;
    fwrite(p->chars, 1, p->len, stdout);
  }
  fflush(stdout);
  char *line = NULL;
  size_t cap = 0;
  ssize_t n = getline(&line, &cap, stdin);
  if (n <= 0) {
    free(line);
    return vm_raise(vm.e_EOFError, "EOF when reading a line");
  }
  if (line[n - 1] == '\n') n--;
  if (!utf8_valid(line, (size_t)n)) {
    free(line);
    return vm_raise(vm.e_UnicodeError, "'utf-8' codec can't decode the input line");
  }
  ObjString *s = str_new(line, (size_t)n);
  free(line);
  return str_value(s);
}

/* ---------------------------------------------------------- len, abs... */

static Value builtin_len(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_onearg("len", argc, kwnames)) return UNDEF_VAL;
  int64_t n;
  return vm_len(argv[0], &n) ? INT_VAL(n) : UNDEF_VAL;
}

static Value builtin_abs(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_onearg("abs", argc, kwnames)) return UNDEF_VAL;
  Value x = argv[0];
  if (IS_INTLIKE(x)) {
    int64_t i = AS_INTLIKE(x);
    if (i == INT64_MIN)
      return vm_raise(vm.e_OverflowError, "integer overflow: asy ints are 64-bit");
    return INT_VAL(i < 0 ? -i : i);
  }
  if (IS_FLOAT(x)) return FLOAT_VAL(fabs(AS_FLOAT(x)));
  if (IS_OBJ(x)) {
    Value m = vm_lookup_special(x, vm.names[NAME_abs]);
    if (!IS_UNDEF(m) && !IS_NONE(m)) return vm_call(m, 1, &x);
  }
  return vm_raise(vm.e_TypeError, "bad operand type for abs(): '%s'", vm_type_name(x));
}

static Value builtin_repr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_onearg("repr", argc, kwnames)) return UNDEF_VAL;
  return str_value(vm_repr(argv[0]));
}

static Value builtin_ascii(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_onearg("ascii", argc, kwnames)) return UNDEF_VAL;
  return str_value(ops_ascii(argv[0]));
}

static Value builtin_format(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("format", argc, kwnames, 1, 2)) return UNDEF_VAL;
  ObjString *spec = vm.empty_str;
  if (argc == 2) {
    if (!IS_STR(argv[1]))
      return vm_raise(vm.e_TypeError, "format() argument 2 must be str, not %s",
                      vm_type_name(argv[1]));
    spec = AS_STR(argv[1]);
  }
  return str_value(vm_format(argv[0], spec));
}

static Value builtin_callable(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_onearg("callable", argc, kwnames)) return UNDEF_VAL;
  return BOOL_VAL(ma_callable(argv[0]));
}

/* A stable id: the address for objects; immediates get odd numbers
 * (addresses are even), so an int never shares an id with an object. */
static Value builtin_id(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_onearg("id", argc, kwnames)) return UNDEF_VAL;
  Value v = argv[0];
  uint64_t bits;
  switch (v.type) {
  case VAL_OBJ: return INT_VAL((int64_t)((uintptr_t)AS_OBJ(v) & INT64_MAX));
  case VAL_NONE: bits = 1; break;
  case VAL_BOOL: bits = 3 + (uint64_t)AS_BOOL(v) * 2; break;
  case VAL_INT: bits = (uint64_t)AS_INT(v) * 8 + 7; break;
  default:
    memcpy(&bits, &v.as.f, sizeof bits);
    bits = bits * 8 + 5;
    break;
  }
  return INT_VAL((int64_t)((bits | 1) & INT64_MAX));
}

static Value builtin_hash(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_onearg("hash", argc, kwnames)) return UNDEF_VAL;
  int64_t h;
  return vm_hash(argv[0], &h) ? INT_VAL(h) : UNDEF_VAL;
}

/* ------------------------------------------------------ chr, ord, bases */

static Value builtin_chr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_onearg("chr", argc, kwnames)) return UNDEF_VAL;
  int64_t cp;
  if (!vm_to_index(argv[0], &cp)) return UNDEF_VAL;
  if (cp < 0 || cp > 0x10FFFF) return vm_raise(vm.e_ValueError, "chr() arg not in range(0x110000)");
  char buf[4];
  int n = utf8_encode((uint32_t)cp, buf);
  return str_value(str_new(buf, (size_t)n));
}

static Value builtin_ord(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_onearg("ord", argc, kwnames)) return UNDEF_VAL;
  Value c = argv[0];
  if (!IS_STR(c))
    return vm_raise(vm.e_TypeError, "ord() expected string of length 1, but %s found",
                    vm_type_name(c));
  if (AS_STR(c)->ncp != 1)
    return vm_raise(vm.e_TypeError, "ord() expected a character, but string of length %u found",
                    AS_STR(c)->ncp);
  int len;
  return INT_VAL(utf8_decode(AS_CSTR(c), &len));
}

static Value int_to_base(const char *name, int base, int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_onearg(name, argc, kwnames)) return UNDEF_VAL;
  int64_t v;
  if (!vm_to_index(argv[0], &v)) return UNDEF_VAL;
  char buf[FMT_INT_BASE_SIZE];
  size_t n = fmt_int_to_base(v, base, true, buf);
  return str_value(str_new(buf, n));
}

static Value builtin_hex(int argc, Value *argv, ObjTuple *kwnames) {
  return int_to_base("hex", 16, argc, argv, kwnames);
}

static Value builtin_oct(int argc, Value *argv, ObjTuple *kwnames) {
  return int_to_base("oct", 8, argc, argv, kwnames);
}

static Value builtin_bin(int argc, Value *argv, ObjTuple *kwnames) {
  return int_to_base("bin", 2, argc, argv, kwnames);
}

/* -------------------------------------------------- round, divmod, pow */

static Value builtin_round(int argc, Value *argv, ObjTuple *kwnames) {
  static const char *const params[] = {"number", "ndigits"};
  Value a[2];
  if (!ma_bind("round", argc, argv, kwnames, 2, params, 0, 2, 1, a)) return UNDEF_VAL;
  Value x = a[0];
  bool has_nd = !IS_UNDEF(a[1]) && !IS_NONE(a[1]);
  if (!IS_NUMBER(x)) {
    Value m = IS_OBJ(x) ? vm_lookup_special(x, str_intern_cstr("__round__")) : UNDEF_VAL;
    if (IS_UNDEF(m) || IS_NONE(m))
      return vm_raise(vm.e_TypeError, "type %s doesn't define __round__ method", vm_type_name(x));
    Value args[2] = {x, a[1]};
    return vm_call(m, has_nd ? 2 : 1, args);
  }
  int64_t nd = 0;
  if (has_nd && !vm_to_index(a[1], &nd)) return UNDEF_VAL;
  FmtBuf err = FMT_BUF_INIT;
  FmtStatus st;
  if (IS_INTLIKE(x)) {
    if (!has_nd) return INT_VAL(AS_INTLIKE(x));
    int64_t r;
    st = fmt_round_int(AS_INTLIKE(x), nd, &r, &err);
    if (st == FMT_OK) return INT_VAL(r);
  } else if (!has_nd) {
    int64_t r;
    st = fmt_round_to_int(AS_FLOAT(x), &r, &err);
    if (st == FMT_OK) return INT_VAL(r);
  } else {
    double r;
    st = fmt_round_double(AS_FLOAT(x), nd, &r, &err);
    if (st == FMT_OK) return FLOAT_VAL(r);
  }
  return fmt_error(st, &err);
}

/* A pair (a, b) as a new tuple. */
static Value pair(Value a, Value b) {
  Value items[2] = {a, b};
  gc_push_root(a);
  gc_push_root(b);
  ObjTuple *t = tuple_new(2, items);
  gc_pop_roots(2);
  return t ? OBJ_VAL(t) : memory_error();
}

/* divmod for objects: a.__divmod__(b), then b.__rdivmod__(a). */
static Value divmod_dunder(Value a, Value b) {
  const char *names[2] = {"__divmod__", "__rdivmod__"};
  for (int pass = 0; pass < 2; pass++) {
    Value self = pass ? b : a, other = pass ? a : b;
    if (!IS_INSTANCE(self)) continue;
    Value m = vm_lookup_special(self, str_intern_cstr(names[pass]));
    if (IS_UNDEF(m) || IS_NONE(m)) continue;
    Value args[2] = {self, other};
    Value r = vm_call(m, 2, args);
    if (IS_UNDEF(r) || !value_is(r, vm.not_implemented)) return r;
  }
  return vm_raise(vm.e_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                  vm_type_name(a), vm_type_name(b));
}

static Value builtin_divmod(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("divmod", argc, kwnames, 2, 2)) return UNDEF_VAL;
  Value a = argv[0], b = argv[1];
  if (IS_INTLIKE(a) && IS_INTLIKE(b)) {
    int64_t q, r;
    if (AS_INTLIKE(b) == 0)
      return vm_raise(vm.e_ZeroDivisionError, "integer division or modulo by zero");
    if (!ops_int_floordiv(AS_INTLIKE(a), AS_INTLIKE(b), &q)) return UNDEF_VAL;
    if (!ops_int_mod(AS_INTLIKE(a), AS_INTLIKE(b), &r)) return UNDEF_VAL;
    return pair(INT_VAL(q), INT_VAL(r));
  }
  if (IS_NUMBER(a) && IS_NUMBER(b)) {
    double y = IS_FLOAT(b) ? AS_FLOAT(b) : (double)AS_INTLIKE(b);
    if (y == 0.0) return vm_raise(vm.e_ZeroDivisionError, "float divmod()");
    Value q = vm_binary(OP_FLOORDIV, a, b, false);
    if (IS_UNDEF(q)) return q;
    Value r = vm_binary(OP_MOD, a, b, false);
    if (IS_UNDEF(r)) return r;
    return pair(q, r);
  }
  return divmod_dunder(a, b);
}

/* a mod m in [0, m) for m > 0. */
static int64_t mod_positive(__int128 a, int64_t m) {
  __int128 r = a % m;
  return (int64_t)(r < 0 ? r + m : r);
}

/* The inverse of a modulo m (m > 0), or -1 when there is none. */
static int64_t mod_inverse(int64_t a, int64_t m) {
  __int128 t = 0, newt = 1, r = m, newr = mod_positive(a, m);
  while (newr != 0) {
    __int128 q = r / newr, tmp = t - q * newt;
    t = newt;
    newt = tmp;
    tmp = r - q * newr;
    r = newr;
    newr = tmp;
  }
  if (r != 1) return -1;
  return mod_positive(t, m);
}

/* pow(base, exp, mod) for ints: the result takes the sign of mod. */
static Value int_pow_mod(int64_t base, int64_t exp, int64_t mod) {
  if (mod == 0) return vm_raise(vm.e_ValueError, "pow() 3rd argument cannot be 0");
  bool neg_mod = mod < 0;
  if (mod == INT64_MIN)
    return vm_raise(vm.e_OverflowError, "integer overflow: asy ints are 64-bit");
  int64_t m = neg_mod ? -mod : mod;
  int64_t b = mod_positive(base, m);
  if (exp < 0) {
    b = mod_inverse(b, m);
    if (b < 0) return vm_raise(vm.e_ValueError, "base is not invertible for the given modulus");
    exp = exp == INT64_MIN ? INT64_MAX : -exp; /* INT64_MIN: off by one power, unreachable */
  }
  __int128 result = 1 % m, x = b;
  for (uint64_t e = (uint64_t)exp; e; e >>= 1) {
    if (e & 1) result = result * x % m;
    x = x * x % m;
  }
  int64_t r = (int64_t)result;
  return INT_VAL(neg_mod && r != 0 ? r - m : r);
}

static Value builtin_pow(int argc, Value *argv, ObjTuple *kwnames) {
  static const char *const params[] = {"base", "exp", "mod"};
  Value a[3];
  if (!ma_bind("pow", argc, argv, kwnames, 3, params, 0, 3, 2, a)) return UNDEF_VAL;
  if (IS_UNDEF(a[2]) || IS_NONE(a[2])) return vm_binary(OP_POW, a[0], a[1], false);
  if (!IS_INTLIKE(a[0]) || !IS_INTLIKE(a[1]) || !IS_INTLIKE(a[2])) {
    if (IS_NUMBER(a[0]) && IS_NUMBER(a[1]) && IS_NUMBER(a[2]))
      return vm_raise(vm.e_TypeError,
                      "pow() 3rd argument not allowed unless all arguments are integers");
    return vm_raise(vm.e_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                    vm_type_name(a[0]), vm_type_name(a[1]), vm_type_name(a[2]));
  }
  return int_pow_mod(AS_INTLIKE(a[0]), AS_INTLIKE(a[1]), AS_INTLIKE(a[2]));
}

/* --------------------------------------------------------- min, max, sum */

/* min()/max(): op is OP_LT for min, OP_GT for max; the first of equal
 * values wins. */
static Value min_max(const char *name, int op, int argc, Value *argv, ObjTuple *kwnames) {
  static const char *const names[] = {"key", "default"};
  int nkw = kwnames ? (int)kwnames->len : 0, npos = argc - nkw;
  if (npos == 0) return vm_raise(vm.e_TypeError, "%s expected at least 1 argument, got 0", name);
  Value kw[2] = {UNDEF_VAL, UNDEF_VAL};
  if (nkw > 2)
    return vm_raise(vm.e_TypeError, "%s() takes at most 2 keyword arguments (%d given)", name, nkw);
  for (int k = 0; k < nkw; k++) {
    int j = ma_param_index(AS_STR(kwnames->items[k]), 0, 2, names);
    if (j < 0)
      return vm_raise(vm.e_TypeError, "'%s' is an invalid keyword argument for %s()",
                      AS_CSTR(kwnames->items[k]), name);
    kw[j] = argv[npos + k];
  }
  if (npos > 1 && !IS_UNDEF(kw[1]))
    return vm_raise(vm.e_TypeError,
                    "Cannot specify a default for %s() with multiple positional arguments", name);
  Value key = IS_UNDEF(kw[0]) ? NONE_VAL : kw[0];
  Value it = npos == 1 ? vm_iter(argv[0]) : OBJ_VAL(tuple_new((uint32_t)npos, argv));
  if (IS_UNDEF(it)) return it;
  if (npos > 1) it = vm_iter(it);
  gc_push_root(it);
  /* best[0]: the item, best[1]: its key; a tuple keeps both rooted. */
  ObjTuple *best = tuple_new(2, NULL);
  gc_push_root(OBJ_VAL(best));
  bool found = false, ok = true;
  for (;;) {
    Value item;
    int r = vm_next(it, &item);
    if (r <= 0) {
      ok = r == 0;
      break;
    }
    gc_push_root(item);
    Value k = IS_NONE(key) ? item : vm_call(key, 1, &item);
    gc_push_root(k);
    int better = 1;
    if (IS_UNDEF(k)) {
      better = -1;
    } else if (found) {
      Value c = vm_compare(op, k, best->items[1]);
      better = IS_UNDEF(c) ? -1 : IS_BOOL(c) ? AS_BOOL(c) : vm_truthy(c);
    }
    if (better > 0) {
      best->items[0] = item;
      best->items[1] = k;
      found = true;
    }
    gc_pop_roots(2);
    if (better < 0) {
      ok = false;
      break;
    }
  }
  gc_pop_roots(2);
  if (!ok) return UNDEF_VAL;
  if (found) return best->items[0];
  if (!IS_UNDEF(kw[1])) return kw[1];
  return vm_raise(vm.e_ValueError, "%s() arg is an empty sequence", name);
}

static Value builtin_min(int argc, Value *argv, ObjTuple *kwnames) {
  return min_max("min", OP_LT, argc, argv, kwnames);
}

static Value builtin_max(int argc, Value *argv, ObjTuple *kwnames) {
  return min_max("max", OP_GT, argc, argv, kwnames);
}

/* sum(iterable, /, start=0): ints and floats are added inline, anything
 * else with +. */
static Value builtin_sum(int argc, Value *argv, ObjTuple *kwnames) {
  static const char *const params[] = {"iterable", "start"};
  Value a[2];
  if (!ma_bind("sum", argc, argv, kwnames, 2, params, 1, 2, 1, a)) return UNDEF_VAL;
  Value total = IS_UNDEF(a[1]) ? INT_VAL(0) : a[1];
  if (IS_STR(total))
    return vm_raise(vm.e_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  Value it = vm_iter(a[0]);
  if (IS_UNDEF(it)) return it;
  gc_push_root(it);
  ObjTuple *holder = tuple_new(1, &total); /* keeps the running total rooted */
  gc_push_root(OBJ_VAL(holder));
  bool ok = true;
  for (;;) {
    Value item;
    int r = vm_next(it, &item);
    if (r <= 0) {
      ok = r == 0;
      break;
    }
    Value t = holder->items[0];
    int64_t s;
    if (IS_INT(t) && IS_INTLIKE(item) && !__builtin_add_overflow(AS_INT(t), AS_INTLIKE(item), &s)) {
      holder->items[0] = INT_VAL(s);
    } else if (IS_FLOAT(t) && (IS_FLOAT(item) || IS_INTLIKE(item))) {
      double d = IS_FLOAT(item) ? AS_FLOAT(item) : (double)AS_INTLIKE(item);
      holder->items[0] = FLOAT_VAL(AS_FLOAT(t) + d);
    } else {
      gc_push_root(item);
      Value n = vm_binary(OP_ADD, t, item, false);
      gc_pop_roots(1);
      if (IS_UNDEF(n)) {
        ok = false;
        break;
      }
      holder->items[0] = n;
    }
  }
  gc_pop_roots(2);
  return ok ? holder->items[0] : UNDEF_VAL;
}

/* any()/all(): stop at the first item whose truth is stop_on. */
static Value any_all(const char *name, bool stop_on, int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_onearg(name, argc, kwnames)) return UNDEF_VAL;
  Value it = vm_iter(argv[0]);
  if (IS_UNDEF(it)) return it;
  gc_push_root(it);
  int result = !stop_on;
  for (;;) {
    Value item;
    int r = vm_next(it, &item);
    if (r <= 0) {
      if (r < 0) result = -1;
      break;
    }
    gc_push_root(item);
    int t = vm_truthy(item);
    gc_pop_roots(1);
    if (t < 0 || t == stop_on) {
      result = t < 0 ? -1 : stop_on;
      break;
    }
  }
  gc_pop_roots(1);
  return result < 0 ? UNDEF_VAL : BOOL_VAL(result);
}

static Value builtin_any(int argc, Value *argv, ObjTuple *kwnames) {
  return any_all("any", true, argc, argv, kwnames);
}

static Value builtin_all(int argc, Value *argv, ObjTuple *kwnames) {
  return any_all("all", false, argc, argv, kwnames);
}

/* ----------------------------------------------------------------- next */

static Value stop_iteration(Value value) {
  if (IS_NONE(value)) return vm_raise_value(OBJ_VAL(vm.e_StopIteration));
  Value e = vm_new_exception(vm.e_StopIteration, 1, &value);
  return IS_UNDEF(e) ? e : vm_raise_value(e);
}

static Value builtin_next(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("next", argc, kwnames, 1, 2)) return UNDEF_VAL;
  Value it = argv[0];
  bool has_default = argc == 2;
  if (IS_ITER(it) || IS_GEN(it)) {
    Value v = NONE_VAL;
    int r = vm_next(it, &v);
    if (r > 0) return v;
    if (r < 0) {
      if (!has_default || !vm_exc_matches(vm.e_StopIteration)) return UNDEF_VAL;
      vm.exc = UNDEF_VAL;
      return argv[1];
    }
    if (has_default) return argv[1];
    /* A generator's return value travels in StopIteration. */
    return stop_iteration(IS_GEN(it) ? v : NONE_VAL);
  }
  Value m = IS_OBJ(it) ? vm_lookup_special(it, vm.names[NAME_next]) : UNDEF_VAL;
  if (IS_UNDEF(m) || IS_NONE(m))
    return vm_raise(vm.e_TypeError, "'%s' object is not an iterator", vm_type_name(it));
  Value v = vm_call(m, 1, &it);
  if (IS_UNDEF(v) && has_default && vm_exc_matches(vm.e_StopIteration)) {
    vm.exc = UNDEF_VAL;
    return argv[1];
  }
  return v;
}

/* ------------------------------------------------- aiter(), anext() */

static Value builtin_aiter(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_onearg("aiter", argc, kwnames)) return UNDEF_VAL;
  Value v = argv[0];
  bool ok = (IS_GEN(v) && AS_GEN(v)->kind == GEN_ASYNCGEN) ||
            (IS_OBJ(v) && !IS_UNDEF(vm_lookup_special(v, vm.names[NAME_aiter])));
  if (!ok) return vm_raise(vm.e_TypeError, "'%s' object is not an async iterable", vm_type_name(v));
  return ops_get_aiter(v);
}

static Value builtin_anext(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("anext", argc, kwnames, 1, 1)) return UNDEF_VAL;
  Value v = argv[0];
  bool ok = (IS_GEN(v) && AS_GEN(v)->kind == GEN_ASYNCGEN) ||
            (IS_OBJ(v) && !IS_UNDEF(vm_lookup_special(v, vm.names[NAME_anext])));
  if (!ok) return vm_raise(vm.e_TypeError, "'%s' object is not an async iterator", vm_type_name(v));
  return ops_get_anext(v);
}

/* --------------------------------------------------- isinstance & co. */

/* isinstance(v, spec) for a class or a (nested) tuple of classes:
 * 1, 0, -1 when spec holds something else. */
static int instance_of(Value v, Value spec, bool subclass) {
  if (IS_CLASS(spec)) {
    if (subclass) return vm_is_subclass(AS_CLASS(v), AS_CLASS(spec));
    return vm_isinstance(v, AS_CLASS(spec));
  }
  if (!IS_TUPLE(spec)) return -1;
  ObjTuple *t = AS_TUPLE(spec);
  for (uint32_t i = 0; i < t->len; i++) {
    int r = instance_of(v, t->items[i], subclass);
    if (r != 0) return r;
  }
  return 0;
}

static Value builtin_isinstance(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("isinstance", argc, kwnames, 2, 2)) return UNDEF_VAL;
  int r = instance_of(argv[0], argv[1], false);
  if (r < 0)
    return vm_raise(vm.e_TypeError,
                    "isinstance() arg 2 must be a type, a tuple of types, or a union");
  return BOOL_VAL(r);
}

static Value builtin_issubclass(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("issubclass", argc, kwnames, 2, 2)) return UNDEF_VAL;
  if (!IS_CLASS(argv[0])) return vm_raise(vm.e_TypeError, "issubclass() arg 1 must be a class");
  int r = instance_of(argv[0], argv[1], true);
  if (r < 0)
    return vm_raise(vm.e_TypeError,
                    "issubclass() arg 2 must be a class, a tuple of classes, or a union");
  return BOOL_VAL(r);
}

/* The attribute name argument of getattr & co., interned (interned strings
 * are weak: the caller roots it while asy code may run). */
static ObjString *attr_name(Value v) {
  if (IS_STR(v)) return str_intern(AS_CSTR(v), AS_STR(v)->len);
  vm_raise(vm.e_TypeError, "attribute name must be string, not '%s'", vm_type_name(v));
  return NULL;
}

static Value builtin_getattr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("getattr", argc, kwnames, 2, 3)) return UNDEF_VAL;
  ObjString *name = attr_name(argv[1]);
  if (!name) return UNDEF_VAL;
  gc_push_root(OBJ_VAL(name));
  Value v = vm_getattr(argv[0], name);
  gc_pop_roots(1);
  if (IS_UNDEF(v) && argc == 3 && vm_exc_matches(vm.e_AttributeError)) {
    vm.exc = UNDEF_VAL;
    return argv[2];
  }
  return v;
}

static Value builtin_hasattr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("hasattr", argc, kwnames, 2, 2)) return UNDEF_VAL;
  ObjString *name = attr_name(argv[1]);
  if (!name) return UNDEF_VAL;
  gc_push_root(OBJ_VAL(name));
  Value v = vm_getattr_opt(argv[0], name);
  gc_pop_roots(1);
  if (!IS_UNDEF(v)) return BOOL_VAL(true);
  if (IS_UNDEF(vm.exc)) return BOOL_VAL(false);
  if (!vm_exc_matches(vm.e_AttributeError)) return UNDEF_VAL;
  vm.exc = UNDEF_VAL;
  return BOOL_VAL(false);
}

static Value builtin_setattr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("setattr", argc, kwnames, 3, 3)) return UNDEF_VAL;
  ObjString *name = attr_name(argv[1]);
  if (!name) return UNDEF_VAL;
  gc_push_root(OBJ_VAL(name));
  bool ok = vm_setattr(argv[0], name, argv[2]);
  gc_pop_roots(1);
  return ok ? NONE_VAL : UNDEF_VAL;
}

static Value builtin_delattr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("delattr", argc, kwnames, 2, 2)) return UNDEF_VAL;
  ObjString *name = attr_name(argv[1]);
  if (!name) return UNDEF_VAL;
  gc_push_root(OBJ_VAL(name));
  bool ok = vm_delattr(argv[0], name);
  gc_pop_roots(1);
  return ok ? NONE_VAL : UNDEF_VAL;
}

/* ---------------------------------------- globals, locals, vars, dir */

/* A builtin taking no arguments: "globals() takes no arguments (1 given)". */
static bool noargs_fn(const char *name, int argc, ObjTuple *kwnames) {
  if (!ma_nokw(NULL, name, kwnames)) return false;
  if (argc == 0) return true;
  vm_raise(vm.e_TypeError, "%s() takes no arguments (%d given)", name, argc);
  return false;
}

/* The asy frame that called the running native. */
static Frame *caller_frame(void) {
  return vm.frame;
}

static Value builtin_globals(int argc, Value *argv, ObjTuple *kwnames) {
  if (!noargs_fn("globals", argc, kwnames)) return UNDEF_VAL;
  Frame *f = caller_frame();
  return OBJ_VAL(f ? f->globals : vm.main_module->dict);
}

/* locals(): the namespace itself at module and class level, a snapshot
 * of the bound local and free variables in a function. */
static Value frame_locals(void) {
  Frame *f = caller_frame();
  if (!f) return OBJ_VAL(vm.main_module->dict);
  if (f->ns) return OBJ_VAL(f->ns);
  if (f->code->flags & CODE_MODULE) return OBJ_VAL(f->globals);
  ObjDict *d = dict_new();
  gc_push_root(OBJ_VAL(d));
  for (uint32_t i = 0; i < f->code->nslots; i++) {
    Value v = f->slots[i];
    if (IS_OBJ_TYPE(v, OBJ_CELL)) v = AS_CELL(v)->value;
    if (!IS_UNDEF(v)) dict_set_str(d, f->code->varnames[i], v);
  }
  gc_pop_roots(1);
  return OBJ_VAL(d);
}

static Value builtin_locals(int argc, Value *argv, ObjTuple *kwnames) {
  if (!noargs_fn("locals", argc, kwnames)) return UNDEF_VAL;
  return frame_locals();
}

static Value builtin_vars(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("vars", argc, kwnames, 0, 1)) return UNDEF_VAL;
  if (argc == 0) return frame_locals();
  Value d = vm_getattr(argv[0], vm.names[NAME_dict]);
  if (IS_UNDEF(d) && vm_exc_matches(vm.e_AttributeError)) {
    vm.exc = UNDEF_VAL;
    return vm_raise(vm.e_TypeError, "vars() argument must have __dict__ attribute");
  }
  return d;
}

/* Add the str keys of a namespace to the set of names. */
static bool add_names(ObjDict *names, ObjDict *ns) {
  if (!ns) return true;
  uint32_t pos = 0;
  DictEntry *e;
  while (dict_next(ns, &pos, &e)) {
    if (IS_STR(e->key) && !dict_set(names, e->key, NONE_VAL)) return false;
  }
  return true;
}

/* The attributes CPython 3.11's object class has (dir(object())). */
static const char *const object_names[] = {
    "__class__",   "__delattr__", "__dir__",           "__doc__",          "__eq__",
    "__format__",  "__ge__",      "__getattribute__",  "__getstate__",     "__gt__",
    "__hash__",    "__init__",    "__init_subclass__", "__le__",           "__lt__",
    "__ne__",      "__new__",     "__reduce__",        "__reduce_ex__",    "__repr__",
    "__setattr__", "__sizeof__",  "__str__",           "__subclasshook__",
};

static bool add_name(ObjDict *names, const char *name) {
  return dict_set(names, OBJ_VAL(str_intern_cstr(name)), NONE_VAL);
}

/* Names along a class chain, as CPython lists them: object contributes
 * its fixed set; a class written in asy also has __doc__ and __module__,
 * and __dict__/__weakref__ when it derives from object directly. */
static bool add_class_names(ObjDict *names, ObjClass *cls) {
  for (ObjClass *c = cls; c; c = c->base) {
    if (c == vm.t_object) {
      for (size_t i = 0; i < ASY_ARRAY_LEN(object_names); i++) {
        if (!add_name(names, object_names[i])) return false;
      }
      continue;
    }
    if (!add_names(names, c->dict)) return false;
    if (c->cflags & CLASS_BUILTIN) continue;
    if (!add_name(names, "__doc__") || !add_name(names, "__module__")) return false;
    if (c->base == vm.t_object && (!add_name(names, "__dict__") || !add_name(names, "__weakref__")))
      return false;
  }
  return true;
}

/* The attribute names dir() lists for v (best effort for builtin types:
 * the methods asy defines, which are fewer than CPython's). */
static bool collect_names(ObjDict *names, Value v) {
  if (IS_MODULE(v)) return add_names(names, AS_MODULE(v)->dict);
  if (IS_CLASS(v)) return add_class_names(names, AS_CLASS(v));
  ObjDict *own = NULL;
  if (IS_INSTANCE(v) || IS_EXCEPTION(v))
    own = AS_INSTANCE(v)->dict;
  else if (IS_OBJ_TYPE(v, OBJ_CDATA))
    own = AS_CDATA(v)->dict;
  else if (IS_FUNCTION(v)) {
    own = AS_FUNCTION(v)->attrs;
    /* What CPython's function type holds as descriptors, asy answers in
     * its attribute lookup (vm/attr.c function_getattr). */
    static const char *const fn_attrs[] = {
        "__annotations__", "__builtins__",   "__closure__", "__code__", "__defaults__", "__dict__",
        "__globals__",     "__kwdefaults__", "__module__",  "__name__", "__qualname__", "__doc__"};
    for (size_t i = 0; i < ASY_ARRAY_LEN(fn_attrs); i++) {
      ObjString *n = str_intern_cstr(fn_attrs[i]);
      gc_push_root(OBJ_VAL(n)); /* interned strings are weak */
      dict_set_str(names, n, NONE_VAL);
      gc_pop_roots(1);
    }
  }
  if (!add_names(names, own)) return false;
  return add_class_names(names, vm_class_of(v));
}

/* The keys of a set of names, as a sorted list. */
static Value sorted_keys(ObjDict *names) {
  gc_push_root(OBJ_VAL(names));
  ObjList *l = list_new(names->len, NULL);
  if (!l) {
    gc_pop_roots(1);
    return memory_error();
  }
  uint32_t pos = 0;
  DictEntry *e;
  while (dict_next(names, &pos, &e)) l->items[l->len++] = e->key;
  gc_push_root(OBJ_VAL(l));
  lib_sort(l->items, l->len, NONE_VAL, false); /* all str: cannot fail */
  gc_pop_roots(2);
  return OBJ_VAL(l);
}

/* dir()'s sorted list of names (CPython's PyObject_Dir) for any value. */
static Value dir_of(Value v) {
  /* A __dir__ written in asy wins; the default one is collect_names. */
  Value m = IS_INSTANCE(v) ? vm_lookup_special(v, str_intern_cstr("__dir__")) : UNDEF_VAL;
  if (!IS_UNDEF(m) && !IS_NATIVE(m)) {
    Value r = vm_call(m, 1, &v);
    if (IS_UNDEF(r)) return r;
    gc_push_root(r);
    ObjList *l = lib_list_from_iterable(r);
    gc_pop_roots(1);
    if (!l) return UNDEF_VAL;
    gc_push_root(OBJ_VAL(l));
    bool ok = lib_sort(l->items, l->len, NONE_VAL, false);
    gc_pop_roots(1);
    return ok ? OBJ_VAL(l) : UNDEF_VAL;
  }
  ObjDict *names = dict_new();
  gc_push_root(OBJ_VAL(names));
  bool ok = collect_names(names, v);
  gc_pop_roots(1);
  return ok ? sorted_keys(names) : UNDEF_VAL;
}

Value lib_dir(Value v) {
  gc_push_root(v);
  Value r = dir_of(v);
  gc_pop_roots(1);
  return r;
}

static Value builtin_dir(int argc, Value *argv, ObjTuple *kwnames) {
  if (!ma_fn_range("dir", argc, kwnames, 0, 1)) return UNDEF_VAL;
  if (argc == 1) return dir_of(argv[0]);
  return sorted_keys(AS_DICT(frame_locals()));
}

/* ---------------------------------------------------------- exit, quit */

/* exit([code]) / quit([code]): CPython's site.Quitter, a Python class, so
 * its errors read like a def's. */
static Value builtin_exit(int argc, Value *argv, ObjTuple *kwnames) {
  int nkw = kwnames ? (int)kwnames->len : 0, npos = argc - nkw;
  if (npos > 1)
    return vm_raise(vm.e_TypeError,
                    "Quitter.__call__() takes from 1 to 2 positional arguments but %d were given",
                    npos + 1);
  Value code = npos == 1 ? argv[0] : NONE_VAL;
  for (int k = 0; k < nkw; k++) {
    const char *name = AS_CSTR(kwnames->items[k]);
    if (strcmp(name, "code") != 0)
      return vm_raise(vm.e_TypeError, "Quitter.__call__() got an unexpected keyword argument '%s'",
                      name);
    if (npos == 1)
      return vm_raise(vm.e_TypeError, "Quitter.__call__() got multiple values for argument 'code'");
    code = argv[npos + k];
  }
  Value e = vm_new_exception(vm.e_SystemExit, 1, &code);
  return IS_UNDEF(e) ? e : vm_raise_value(e);
}

/* ----------------------------------------------------------------- init */

void lib_builtins_init(void) {
  gc_add_marker(mark_defaults, NULL);
  default_sep = str_intern_cstr(" ");
  default_end = str_intern_cstr("\n");
  static const struct {
    const char *name;
    NativeFn fn;
  } fns[] = {
      {"print", builtin_print},
      {"input", builtin_input},
      {"len", builtin_len},
      {"abs", builtin_abs},
      {"repr", builtin_repr},
      {"ascii", builtin_ascii},
      {"format", builtin_format},
      {"callable", builtin_callable},
      {"id", builtin_id},
      {"hash", builtin_hash},
      {"chr", builtin_chr},
      {"ord", builtin_ord},
      {"hex", builtin_hex},
      {"oct", builtin_oct},
      {"bin", builtin_bin},
      {"round", builtin_round},
      {"divmod", builtin_divmod},
      {"pow", builtin_pow},
      {"min", builtin_min},
      {"max", builtin_max},
      {"sum", builtin_sum},
      {"any", builtin_any},
      {"all", builtin_all},
      {"next", builtin_next},
      {"aiter", builtin_aiter},
      {"anext", builtin_anext},
      {"isinstance", builtin_isinstance},
      {"issubclass", builtin_issubclass},
      {"getattr", builtin_getattr},
      {"hasattr", builtin_hasattr},
      {"setattr", builtin_setattr},
      {"delattr", builtin_delattr},
      {"globals", builtin_globals},
      {"locals", builtin_locals},
      {"vars", builtin_vars},
      {"dir", builtin_dir},
      {"exit", builtin_exit},
      {"quit", builtin_exit},
  };
  for (size_t i = 0; i < ASY_ARRAY_LEN(fns); i++)
    vm_def_native(vm.builtins, fns[i].name, fns[i].fn);
}
