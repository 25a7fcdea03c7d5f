/* str.c — the str class: constructor, methods, operators, printf-style
 * formatting (str % args) and str.format.
 *
 * Strings are UTF-8 (see object.h): every index a program sees counts code
 * points; byte offsets are internal. ASCII strings (ncp == len) take the
 * direct path, others convert with str_offset_of.
 *
 * Case mapping and the is*() predicates use exact Unicode 14.0 data
 * generated from CPython 3.11 (str_unicode.h, by str_unicode_gen.py), so
 * they agree with CPython for every code point; isspace and isprintable
 * come from format.h.
 */
#include <math.h>
#include <stdlib.h>

#include "../vm/ops.h"
#include "format.h"
#include "lib.h"
#include "str_unicode.h"

/* ===================================================================== */
/* argument checking                                                     */
/* ===================================================================== */

/* How CPython words arity errors for each kind of str method, as a direct
 * call s.find() reports them (a bound method fetched with getattr says
 * "find()" where a direct call says "str.find()"). */
typedef enum {
  ST_NOARGS, /* str.upper():  "str.upper() takes no arguments (1 given)" */
  ST_ONE,    /* str.join(x):  "str.join() takes exactly one argument (0 given)" */
  ST_VAR,    /* center:       "center expected at least 1 argument, got 0" */
  ST_OLD,    /* find:         "find() takes at least 1 argument (0 given)" */
  ST_SLOT,   /* __len__:      "expected 0 arguments, got 1" */
} ArgStyle;

static int nkwargs(ObjTuple *kwnames) {
  return kwnames ? (int)kwnames->len : 0;
}

static const char *plural(int n) {
  return n == 1 ? "" : "s";
}

/* self must be a str; methods called through the class can get anything. */
static bool check_self(const char *meth, bool slot, int argc, Value *argv) {
  if (argc < 1) {
    if (slot)
      vm_raise(vm.e_TypeError, "descriptor '%s' of 'str' object needs an argument", meth);
    else
      vm_raise(vm.e_TypeError, "unbound method str.%s() needs an argument", meth);
    return false;
  }
  if (IS_STR(argv[0])) return true;
  if (slot)
    vm_raise(vm.e_TypeError, "descriptor '%s' requires a 'str' object but received a '%s'", meth,
             vm_type_name(argv[0]));
  else
    vm_raise(vm.e_TypeError, "descriptor '%s' for 'str' objects doesn't apply to a '%s' object",
             meth, vm_type_name(argv[0]));
  return false;
}

/* Check self, no keywords, and min..max arguments after self. */
static bool str_args(const char *meth, ArgStyle st, int min, int max, int argc, Value *argv,
                     ObjTuple *kwnames) {
  if (!check_self(meth, st == ST_SLOT, argc, argv)) return false;
  if (nkwargs(kwnames) > 0) {
    if (st == ST_SLOT)
      vm_raise(vm.e_TypeError, "wrapper %s() takes no keyword arguments", meth);
    else
      vm_raise(vm.e_TypeError, "str.%s() takes no keyword arguments", meth);
    return false;
  }
  int n = argc - 1;
  if (n >= min && n <= max) return true;
  switch (st) {
  case ST_NOARGS:
    vm_raise(vm.e_TypeError, "str.%s() takes no arguments (%d given)", meth, n);
    break;
  case ST_ONE:
    vm_raise(vm.e_TypeError, "str.%s() takes exactly one argument (%d given)", meth, n);
    break;
  case ST_VAR:
    if (n < min)
      vm_raise(vm.e_TypeError, "%s expected at least %d argument%s, got %d", meth, min, plural(min),
               n);
    else
      vm_raise(vm.e_TypeError, "%s expected at most %d argument%s, got %d", meth, max, plural(max),
               n);
    break;
  case ST_OLD:
    if (n < min)
      vm_raise(vm.e_TypeError, "%s() takes at least %d argument%s (%d given)", meth, min,
               plural(min), n);
    else
      vm_raise(vm.e_TypeError, "%s() takes at most %d argument%s (%d given)", meth, max,
               plural(max), n);
    break;
  case ST_SLOT: {
    /* CPython's sequence-repeat wrappers print this message with a leading space. */
    bool repeat = strcmp(meth, "__mul__") == 0 || strcmp(meth, "__rmul__") == 0;
    vm_raise(vm.e_TypeError, "%sexpected %d argument%s, got %d", repeat ? " " : "", min,
             plural(min), n);
    break;
  }
  }
  return false;
}

/* Bind the arguments of a method that accepts keywords (split, splitlines,
 * expandtabs, encode), with Argument Clinic's messages. out[i] is UNDEF
 * when parameter i was not passed. */
static bool bind_kw(const char *meth, int argc, Value *argv, ObjTuple *kwnames, int nparams,
                    const char *const *names, Value *out) {
  if (!check_self(meth, false, argc, argv)) return false;
  int nkw = nkwargs(kwnames), npos = argc - 1 - nkw;
  for (int i = 0; i < nparams; i++) out[i] = UNDEF_VAL;
  if (npos + nkw > nparams) {
    /* Clinic says "keyword arguments" when none came by position. */
    vm_raise(vm.e_TypeError, "%s() takes at most %d %sargument%s (%d given)", meth, nparams,
             npos == 0 ? "keyword " : "", plural(nparams), npos + nkw);
    return false;
  }
  for (int i = 0; i < npos; i++) out[i] = argv[1 + i];
  for (int k = 0; k < nkw; k++) {
    const char *name = AS_CSTR(kwnames->items[k]);
    int j = 0;
    while (j < nparams && strcmp(names[j], name) != 0) j++;
    if (j == nparams) {
      vm_raise(vm.e_TypeError, "'%s' is an invalid keyword argument for %s()", name, meth);
      return false;
    }
    if (!IS_UNDEF(out[j])) {
      vm_raise(vm.e_TypeError, "argument for %s() given by name ('%s') and position (%d)", meth,
               name, j + 1);
      return false;
    }
    out[j] = argv[1 + npos + k];
  }
  return true;
}

/* A type as Argument Clinic names it in "must be X, not Y": None for None. */
static const char *clinic_type_name(Value v) {
  return IS_NONE(v) ? "None" : vm_type_name(v);
}

/* A "must be str" argument: "must be str, not int" (prefix NULL) or
 * "replace() argument 1 must be str, not int". */
static bool want_str(Value v, const char *prefix) {
  if (IS_STR(v)) return true;
  if (prefix)
    vm_raise(vm.e_TypeError, "%s must be str, not %s", prefix, clinic_type_name(v));
  else
    vm_raise(vm.e_TypeError, "must be str, not %s", vm_type_name(v));
  return false;
}

/* An integer argument (int, bool or __index__), UNDEF meaning dflt. */
static bool want_index(Value v, int64_t dflt, int64_t *out) {
  if (IS_UNDEF(v)) {
    *out = dflt;
    return true;
  }
  return vm_to_index(v, out);
}

static bool has_index_method(Value v) {
  if (!IS_OBJ(v) || (OBJ_TYPE(v) != OBJ_INSTANCE && OBJ_TYPE(v) != OBJ_CDATA)) return false;
  return !IS_UNDEF(vm_lookup_special(v, vm.names[NAME_index]));
}

/* A slice bound of find/count/startswith...: None/absent means dflt. */
static bool want_slice_index(Value v, int64_t dflt, int64_t *out) {
  if (IS_UNDEF(v) || IS_NONE(v)) {
    *out = dflt;
    return true;
  }
  if (!IS_INTLIKE(v) && !has_index_method(v)) {
    vm_raise(vm.e_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  return vm_to_index(v, out);
}

/* ===================================================================== */
/* building results                                                      */
/* ===================================================================== */

static Value memory_error(void) {
  return vm_raise(vm.e_MemoryError, "%s", "");
}

/* A new str from n bytes, MemoryError instead of aborting when too big. */
static Value new_str(const char *s, size_t n) {
  if (n == 0) return OBJ_VAL(vm.empty_str);
  if (n > UINT32_MAX - 1 || !gc_can_allocate(n)) return memory_error();
  ObjString *r = str_alloc(n);
  if (!r) return memory_error();
  memcpy(r->chars, s, n);
  return OBJ_VAL(str_finish(r));
}

/* Whether add more bytes keep b within the largest str (MemoryError if not);
 * checked before appending text whose size a program controls. */
static bool buf_room(const FmtBuf *b, size_t add) {
  if (add <= (size_t)UINT32_MAX - 1 - b->len && gc_can_allocate(b->len + add)) return true;
  memory_error();
  return false;
}

/* The buffer's contents as a str; the buffer is released either way. */
static Value buf_str(FmtBuf *b) {
  Value r = new_str(fmt_buf_cstr(b), b->len);
  fmt_buf_free(b);
  return r;
}

static Value raise_fmt(FmtStatus st, FmtBuf *err) {
  ObjClass *cls = st == FMT_OVERFLOW_ERROR ? vm.e_OverflowError
                  : st == FMT_TYPE_ERROR   ? vm.e_TypeError
                  : st == FMT_MEMORY_ERROR ? vm.e_MemoryError
                                           : vm.e_ValueError;
  vm_raise(cls, "%s", fmt_buf_cstr(err));
  fmt_buf_free(err);
  return UNDEF_VAL;
}

/* Append a new str of n bytes to a rooted list. */
static bool list_push_str(ObjList *l, const char *s, size_t n) {
  Value piece = new_str(s, n);
  if (IS_UNDEF(piece)) return false;
  gc_push_root(piece);
  bool ok = list_append(l, piece);
  gc_pop_roots(1);
  return ok;
}

static Value tuple3(Value a, Value b, Value c) {
  Value items[3] = {a, b, c};
  return OBJ_VAL(tuple_new(3, items));
}

/* ===================================================================== */
/* code points                                                           */
/* ===================================================================== */

static uint32_t next_cp(const char *s, size_t n, size_t *pos) {
  return fmt_utf8_next(s, n, pos);
}

/* The code point that ends just before byte pos. */
static uint32_t prev_cp(const char *s, size_t *pos) {
  size_t end = *pos, p = end;
  do p--;
  while (p > 0 && ((unsigned char)s[p] & 0xC0) == 0x80);
  *pos = p;
  return next_cp(s, end, &p);
}

/* Code-point index of byte offset off in s. */
static int64_t cp_index(ObjString *s, size_t off) {
  if (s->ncp == s->len) return (int64_t)off;
  return (int64_t)utf8_count(s->chars, off);
}

/* Byte offset of code-point index i (0 <= i <= ncp). */
static size_t byte_offset(ObjString *s, int64_t i) {
  return s->ncp == s->len ? (size_t)i : str_offset_of(s, (uint32_t)i);
}

/* ----------------------------------------------------- character data
 * Exact Unicode 14.0 properties and case mappings, generated from CPython
 * 3.11 into str_unicode.h; ASCII takes a fast path everywhere. */

static uint16_t cp_props(uint32_t c) {
  size_t lo = 0, hi = UC_NPROPS;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (uc_prop_start[mid] <= c)
      lo = mid;
    else
      hi = mid;
  }
  return uc_prop_bits[lo];
}

static bool cp_has(uint32_t c, uint16_t bits) {
  return (cp_props(c) & bits) != 0;
}

/* Map *c through a run table; false (and *c unchanged) when no run has it. */
static bool find_run(const UcRun *t, size_t n, uint32_t *c) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t[mid].last < *c)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == n || t[lo].first > *c || (*c - t[lo].first) % t[lo].stride != 0) return false;
  *c = (uint32_t)((int32_t)*c + t[lo].delta);
  return true;
}

/* c mapped through a run table, or c itself. */
static uint32_t map_runs(const UcRun *t, size_t n, uint32_t c) {
  find_run(t, n, &c);
  return c;
}

/* The several-character mapping of c, or NULL. */
static const char *find_special(const UcSpecial *t, size_t n, uint32_t c) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t[mid].cp < c)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n && t[lo].cp == c ? t[lo].utf8 : NULL;
}

#define RUNS(t) t, ASY_ARRAY_LEN(t)

static bool cp_is_lower(uint32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return cp_has(c, UC_LOWER);
}
static bool cp_is_upper(uint32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return cp_has(c, UC_UPPER);
}
static bool cp_is_title(uint32_t c) {
  return c >= 0x80 && cp_has(c, UC_TITLE);
}
static bool cp_is_cased(uint32_t c) {
  if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
  return cp_has(c, UC_CASED);
}
static bool cp_case_ignorable(uint32_t c) {
  return cp_has(c, UC_CASE_IGNORABLE);
}

typedef enum { MAP_LOWER, MAP_UPPER, MAP_TITLE, MAP_FOLD } CaseMap;

/* Whether the capital sigma at bytes [start, end) of s is word-final: a
 * cased character before it and none after, skipping case-ignorable ones
 * (CPython's handle_capital_sigma). */
static bool final_sigma(const char *s, size_t n, size_t start, size_t end) {
  size_t p = start;
  bool before = false;
  while (p > 0) {
    uint32_t c = prev_cp(s, &p);
    if (cp_case_ignorable(c)) continue;
    before = cp_is_cased(c);
    break;
  }
  if (!before) return false;
  p = end;
  while (p < n) {
    uint32_t c = next_cp(s, n, &p);
    if (cp_case_ignorable(c)) continue;
    return !cp_is_cased(c);
  }
  return true;
}

/* Append the full case mapping of c (which may be several characters). */
static void put_mapped(FmtBuf *b, uint32_t c, CaseMap m) {
  if (c < 0x80) {
    bool up = m == MAP_UPPER || m == MAP_TITLE;
    if (up && c >= 'a' && c <= 'z')
      c -= 32;
    else if (!up && c >= 'A' && c <= 'Z')
      c += 32;
    fmt_buf_putc(b, (char)c);
    return;
  }
  const char *sp = NULL;
  uint32_t r = c;
  switch (m) {
  case MAP_UPPER:
    if (!(sp = find_special(RUNS(uc_upper_special), c))) r = map_runs(RUNS(uc_upper_runs), c);
    break;
  case MAP_TITLE:
    if (!(sp = find_special(RUNS(uc_title_special), c))) r = map_runs(RUNS(uc_title_runs), c);
    break;
  case MAP_FOLD:
    /* Cherokee folds to uppercase: a run may map c to itself. */
    if ((sp = find_special(RUNS(uc_fold_special), c)) || find_run(RUNS(uc_fold_runs), &r)) break;
    /* elsewhere casefold() is lower() */
    /* fall through */
  case MAP_LOWER:
    if (!(sp = find_special(RUNS(uc_lower_special), c))) r = map_runs(RUNS(uc_lower_runs), c);
    break;
  }
  if (sp)
    fmt_buf_puts(b, sp);
  else
    fmt_buf_put_cp(b, r);
}

/* Append the lowercase of the character at bytes [start, end) of s. */
static void put_lower_at(FmtBuf *b, const char *s, size_t n, size_t start, size_t end, uint32_t c) {
  if (c == 0x3A3 && final_sigma(s, n, start, end)) {
    fmt_buf_put_cp(b, 0x3C2);
    return;
  }
  put_mapped(b, c, MAP_LOWER);
}

/* --------------------------------------------------- classification */

static bool cp_is_alpha(uint32_t c) {
  if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
  return cp_has(c, UC_ALPHA);
}

static bool cp_is_decimal(uint32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return cp_has(c, UC_DECIMAL);
}

static bool cp_is_digit(uint32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return cp_has(c, UC_DIGIT);
}

static bool cp_is_numeric(uint32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return cp_has(c, UC_NUMERIC);
}

/* isalnum: isalpha or isdecimal or isdigit or isnumeric (each implies the next). */
static bool cp_is_alnum(uint32_t c) {
  if (c < 0x80) return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
  return cp_has(c, UC_ALPHA | UC_NUMERIC);
}

static bool cp_is_space(uint32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
  return fmt_unicode_isspace(c);
}

/* XID_Start plus '_' / XID_Continue, as str.isidentifier() sees them. */
static bool cp_id_start(uint32_t c) {
  if (c < 0x80) return c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z');
  return cp_has(c, UC_ID_START);
}

static bool cp_id_continue(uint32_t c) {
  if (c < 0x80) return c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
  return cp_has(c, UC_ID_CONTINUE);
}

/* Line boundaries of splitlines(): \n \r \v \f \x1c-\x1e \x85 \u2028 \u2029. */
static bool cp_is_linebreak(uint32_t c) {
  return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* ===================================================================== */
/* constructor                                                           */
/* ===================================================================== */

/* str(), str(object), str(object=x); decoding (a second argument) needs
 * bytes, which asy does not have. */
static Value str_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  static const char *const names[] = {"object", "encoding", "errors"};
  int nkw = nkwargs(kwnames), npos = argc - nkw;
  Value a[3] = {UNDEF_VAL, UNDEF_VAL, UNDEF_VAL};
  if (argc > 3)
    return vm_raise(vm.e_TypeError, "str() takes at most 3 %sarguments (%d given)",
                    npos == 0 ? "keyword " : "", argc);
  for (int i = 0; i < npos; i++) a[i] = argv[i];
  for (int k = 0; k < nkw; k++) {
    const char *name = AS_CSTR(kwnames->items[k]);
    int j = 0;
    while (j < 3 && strcmp(names[j], name) != 0) j++;
    if (j == 3)
      return vm_raise(vm.e_TypeError, "'%s' is an invalid keyword argument for str()", name);
    if (!IS_UNDEF(a[j]))
      return vm_raise(vm.e_TypeError, "argument for str() given by name ('%s') and position (%d)",
                      name, j + 1);
    a[j] = argv[npos + k];
  }
  if (!IS_UNDEF(a[1]) || !IS_UNDEF(a[2])) {
    if (IS_UNDEF(a[0])) return OBJ_VAL(vm.empty_str);
    if (IS_STR(a[0])) return vm_raise(vm.e_TypeError, "decoding str is not supported");
    return vm_raise(vm.e_TypeError, "decoding to str: need a bytes-like object, %s found",
                    vm_type_name(a[0]));
  }
  if (IS_UNDEF(a[0])) return OBJ_VAL(vm.empty_str);
  ObjString *s = vm_str(a[0]);
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

/* ===================================================================== */
/* case methods                                                          */
/* ===================================================================== */

static Value map_case(ObjString *s, CaseMap m) {
  FmtBuf b = FMT_BUF_INIT;
  fmt_buf_reserve(&b, s->len);
  size_t pos = 0;
  while (pos < s->len) {
    size_t start = pos;
    uint32_t c = next_cp(s->chars, s->len, &pos);
    if (m == MAP_LOWER)
      put_lower_at(&b, s->chars, s->len, start, pos, c);
    else
      put_mapped(&b, c, m);
  }
  return buf_str(&b);
}

static Value str_lower(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("lower", ST_NOARGS, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  return map_case(AS_STR(argv[0]), MAP_LOWER);
}

static Value str_upper(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("upper", ST_NOARGS, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  return map_case(AS_STR(argv[0]), MAP_UPPER);
}

static Value str_casefold(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("casefold", ST_NOARGS, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  return map_case(AS_STR(argv[0]), MAP_FOLD);
}

static Value str_swapcase(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("swapcase", ST_NOARGS, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]);
  FmtBuf b = FMT_BUF_INIT;
  fmt_buf_reserve(&b, s->len);
  size_t pos = 0;
  while (pos < s->len) {
    size_t start = pos;
    uint32_t c = next_cp(s->chars, s->len, &pos);
    if (cp_is_upper(c))
      put_lower_at(&b, s->chars, s->len, start, pos, c);
    else if (cp_is_lower(c))
      put_mapped(&b, c, MAP_UPPER);
    else
      fmt_buf_put_cp(&b, c);
  }
  return buf_str(&b);
}

/* title(): a cased character after a cased one is lowered, any other is
 * titlecased; uncased characters (digits, apostrophes) start a new word. */
static Value str_title(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("title", ST_NOARGS, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]);
  FmtBuf b = FMT_BUF_INIT;
  fmt_buf_reserve(&b, s->len);
  size_t pos = 0;
  bool prev_cased = false;
  while (pos < s->len) {
    size_t start = pos;
    uint32_t c = next_cp(s->chars, s->len, &pos);
    if (prev_cased)
      put_lower_at(&b, s->chars, s->len, start, pos, c);
    else
      put_mapped(&b, c, MAP_TITLE);
    prev_cased = cp_is_cased(c);
  }
  return buf_str(&b);
}

/* capitalize(): first character titlecased, the rest lowered. */
static Value str_capitalize(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("capitalize", ST_NOARGS, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]);
  FmtBuf b = FMT_BUF_INIT;
  fmt_buf_reserve(&b, s->len);
  size_t pos = 0;
  bool first = true;
  while (pos < s->len) {
    size_t start = pos;
    uint32_t c = next_cp(s->chars, s->len, &pos);
    if (first)
      put_mapped(&b, c, MAP_TITLE);
    else
      put_lower_at(&b, s->chars, s->len, start, pos, c);
    first = false;
  }
  return buf_str(&b);
}

/* ===================================================================== */
/* predicates                                                            */
/* ===================================================================== */

typedef bool (*CpPred)(uint32_t);

/* True when s is non-empty and every character satisfies pred. */
static Value all_cps(int argc, Value *argv, ObjTuple *kwnames, const char *meth, CpPred pred) {
  if (!str_args(meth, ST_NOARGS, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]);
  if (s->len == 0) return BOOL_VAL(false);
  size_t pos = 0;
  while (pos < s->len) {
    if (!pred(next_cp(s->chars, s->len, &pos))) return BOOL_VAL(false);
  }
  return BOOL_VAL(true);
}

static Value str_isalnum(int argc, Value *argv, ObjTuple *kwnames) {
  return all_cps(argc, argv, kwnames, "isalnum", cp_is_alnum);
}
static Value str_isalpha(int argc, Value *argv, ObjTuple *kwnames) {
  return all_cps(argc, argv, kwnames, "isalpha", cp_is_alpha);
}
static Value str_isdecimal(int argc, Value *argv, ObjTuple *kwnames) {
  return all_cps(argc, argv, kwnames, "isdecimal", cp_is_decimal);
}
static Value str_isdigit(int argc, Value *argv, ObjTuple *kwnames) {
  return all_cps(argc, argv, kwnames, "isdigit", cp_is_digit);
}
static Value str_isnumeric(int argc, Value *argv, ObjTuple *kwnames) {
  return all_cps(argc, argv, kwnames, "isnumeric", cp_is_numeric);
}
static Value str_isspace(int argc, Value *argv, ObjTuple *kwnames) {
  return all_cps(argc, argv, kwnames, "isspace", cp_is_space);
}

static Value str_isascii(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("isascii", ST_NOARGS, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  return BOOL_VAL(AS_STR(argv[0])->ncp == AS_STR(argv[0])->len);
}

static Value str_isprintable(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("isprintable", ST_NOARGS, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]);
  size_t pos = 0;
  while (pos < s->len) {
    if (!fmt_unicode_isprintable(next_cp(s->chars, s->len, &pos))) return BOOL_VAL(false);
  }
  return BOOL_VAL(true);
}

static Value str_isidentifier(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("isidentifier", ST_NOARGS, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]);
  size_t pos = 0;
  if (s->len == 0 || !cp_id_start(next_cp(s->chars, s->len, &pos))) return BOOL_VAL(false);
  while (pos < s->len) {
    if (!cp_id_continue(next_cp(s->chars, s->len, &pos))) return BOOL_VAL(false);
  }
  return BOOL_VAL(true);
}

/* islower/isupper: at least one cased character, and none of the other case. */
static Value case_test(int argc, Value *argv, ObjTuple *kwnames, const char *meth,
                       bool want_lower) {
  if (!str_args(meth, ST_NOARGS, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]);
  bool cased = false;
  size_t pos = 0;
  while (pos < s->len) {
    uint32_t c = next_cp(s->chars, s->len, &pos);
    bool lo = cp_is_lower(c), up = cp_is_upper(c);
    if (cp_is_title(c) || (want_lower ? up : lo)) return BOOL_VAL(false);
    if (want_lower ? lo : up) cased = true;
  }
  return BOOL_VAL(cased);
}

static Value str_islower(int argc, Value *argv, ObjTuple *kwnames) {
  return case_test(argc, argv, kwnames, "islower", true);
}
static Value str_isupper(int argc, Value *argv, ObjTuple *kwnames) {
  return case_test(argc, argv, kwnames, "isupper", false);
}

/* istitle: uppercase/titlecase only after uncased, lowercase only after
 * cased characters, and at least one cased character. */
static Value str_istitle(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("istitle", ST_NOARGS, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]);
  bool cased = false, prev_cased = false;
  size_t pos = 0;
  while (pos < s->len) {
    uint32_t c = next_cp(s->chars, s->len, &pos);
    if (cp_is_upper(c) || cp_is_title(c)) {
      if (prev_cased) return BOOL_VAL(false);
      prev_cased = cased = true;
    } else if (cp_is_lower(c)) {
      if (!prev_cased) return BOOL_VAL(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return BOOL_VAL(cased);
}

/* ===================================================================== */
/* searching                                                             */
/* ===================================================================== */

/* A resolved [start, end) window of s, in code points and in bytes. */
typedef struct {
  int64_t start, end;  /* code points, after slice adjustment */
  size_t bstart, bend; /* bytes; meaningful only when start <= end */
} Window;

/* CPython's ADJUST_INDICES, then byte offsets when the window is not empty. */
static void make_window(ObjString *s, int64_t start, int64_t end, Window *w) {
  int64_t len = s->ncp;
  if (end > len)
    end = len;
  else if (end < 0 && (end += len) < 0)
    end = 0;
  if (start < 0 && (start += len) < 0) start = 0;
  w->start = start;
  w->end = end;
  w->bstart = w->bend = 0;
  if (start <= end) {
    w->bstart = byte_offset(s, start);
    w->bend = byte_offset(s, end);
  }
}

/* Parse (sub[, start[, end]]) after self for find/index/count/... */
static bool search_args(const char *meth, int argc, Value *argv, ObjTuple *kwnames, Window *w) {
  if (!str_args(meth, ST_OLD, 1, 3, argc, argv, kwnames)) return false;
  if (!want_str(argv[1], NULL)) return false;
  int64_t start, end;
  if (!want_slice_index(argc > 2 ? argv[2] : UNDEF_VAL, 0, &start)) return false;
  if (!want_slice_index(argc > 3 ? argv[3] : UNDEF_VAL, INT64_MAX, &end)) return false;
  make_window(AS_STR(argv[0]), start, end, w);
  return true;
}

/* Where needle (n > 0 bytes) first occurs in hay[0, len), or NULL. */
static const char *search(const char *hay, size_t len, const char *needle, size_t n) {
  const char *end = hay + len - n + 1;
  for (const char *p = hay; p < end; p++) {
    p = memchr(p, needle[0], (size_t)(end - p));
    if (!p) return NULL;
    if (memcmp(p, needle, n) == 0) return p;
  }
  return NULL;
}

/* First (or last) byte offset of needle in hay[from, to), or -1. */
static int64_t find_bytes(const char *hay, size_t from, size_t to, ObjString *needle, bool last) {
  size_t n = needle->len;
  if (to < from || to - from < n) return -1;
  if (n == 0) return (int64_t)(last ? to : from);
  if (!last) {
    const char *p = search(hay + from, to - from, needle->chars, n);
    return p ? (int64_t)(p - hay) : -1;
  }
  for (size_t i = to - n + 1; i-- > from;) {
    if (hay[i] == needle->chars[0] && memcmp(hay + i, needle->chars, n) == 0) return (int64_t)i;
  }
  return -1;
}

/* find/rfind/index/rindex: the code-point index or -1. */
static bool do_find(const char *meth, bool last, int argc, Value *argv, ObjTuple *kwnames,
                    int64_t *out) {
  Window w;
  if (!search_args(meth, argc, argv, kwnames, &w)) return false;
  ObjString *s = AS_STR(argv[0]), *sub = AS_STR(argv[1]);
  *out = -1;
  if (w.end - w.start < (int64_t)sub->ncp) return true;
  int64_t at = find_bytes(s->chars, w.bstart, w.bend, sub, last);
  if (at >= 0) *out = cp_index(s, (size_t)at);
  return true;
}

static Value str_find(int argc, Value *argv, ObjTuple *kwnames) {
  int64_t i;
  return do_find("find", false, argc, argv, kwnames, &i) ? INT_VAL(i) : UNDEF_VAL;
}

static Value str_rfind(int argc, Value *argv, ObjTuple *kwnames) {
  int64_t i;
  return do_find("rfind", true, argc, argv, kwnames, &i) ? INT_VAL(i) : UNDEF_VAL;
}

static Value str_index(int argc, Value *argv, ObjTuple *kwnames) {
  int64_t i;
  if (!do_find("index", false, argc, argv, kwnames, &i)) return UNDEF_VAL;
  if (i < 0) return vm_raise(vm.e_ValueError, "substring not found");
  return INT_VAL(i);
}

static Value str_rindex(int argc, Value *argv, ObjTuple *kwnames) {
  int64_t i;
  if (!do_find("rindex", true, argc, argv, kwnames, &i)) return UNDEF_VAL;
  if (i < 0) return vm_raise(vm.e_ValueError, "substring not found");
  return INT_VAL(i);
}

/* Non-overlapping occurrences of sub in s[from, to) (bytes), at most max. */
static int64_t count_bytes(ObjString *s, size_t from, size_t to, ObjString *sub, int64_t max) {
  int64_t n = 0;
  size_t pos = from;
  while (n < max) {
    int64_t at = find_bytes(s->chars, pos, to, sub, false);
    if (at < 0) break;
    n++;
    pos = (size_t)at + sub->len;
  }
  return n;
}

static Value str_count(int argc, Value *argv, ObjTuple *kwnames) {
  Window w;
  if (!search_args("count", argc, argv, kwnames, &w)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]), *sub = AS_STR(argv[1]);
  if (w.end - w.start < (int64_t)sub->ncp) return INT_VAL(0);
  if (sub->len == 0) return INT_VAL(w.end - w.start + 1);
  return INT_VAL(count_bytes(s, w.bstart, w.bend, sub, INT64_MAX));
}

/* Whether prefix (or suffix) matches within the window. */
static bool tail_match(ObjString *s, const Window *w, ObjString *sub, bool suffix) {
  if (w->end - w->start < (int64_t)sub->ncp) return false;
  if (sub->len == 0) return true;
  if (w->bend - w->bstart < sub->len) return false;
  size_t at = suffix ? w->bend - sub->len : w->bstart;
  return memcmp(s->chars + at, sub->chars, sub->len) == 0;
}

static Value starts_ends(const char *meth, bool suffix, int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args(meth, ST_OLD, 1, 3, argc, argv, kwnames)) return UNDEF_VAL;
  Value what = argv[1];
  if (!IS_STR(what) && !IS_TUPLE(what))
    return vm_raise(vm.e_TypeError, "%s first arg must be str or a tuple of str, not %s", meth,
                    vm_type_name(what));
  int64_t start, end;
  if (!want_slice_index(argc > 2 ? argv[2] : UNDEF_VAL, 0, &start)) return UNDEF_VAL;
  if (!want_slice_index(argc > 3 ? argv[3] : UNDEF_VAL, INT64_MAX, &end)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]);
  Window w;
  make_window(s, start, end, &w);
  if (IS_STR(what)) return BOOL_VAL(tail_match(s, &w, AS_STR(what), suffix));
  ObjTuple *t = AS_TUPLE(what);
  for (uint32_t i = 0; i < t->len; i++) {
    if (!IS_STR(t->items[i]))
      return vm_raise(vm.e_TypeError, "tuple for %s must only contain str, not %s", meth,
                      vm_type_name(t->items[i]));
    if (tail_match(s, &w, AS_STR(t->items[i]), suffix)) return BOOL_VAL(true);
  }
  return BOOL_VAL(false);
}

static Value str_startswith(int argc, Value *argv, ObjTuple *kwnames) {
  return starts_ends("startswith", false, argc, argv, kwnames);
}

static Value str_endswith(int argc, Value *argv, ObjTuple *kwnames) {
  return starts_ends("endswith", true, argc, argv, kwnames);
}

static Value str_contains(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("__contains__", ST_SLOT, 1, 1, argc, argv, kwnames)) return UNDEF_VAL;
  if (!IS_STR(argv[1]))
    return vm_raise(vm.e_TypeError, "'in <string>' requires string as left operand, not %s",
                    vm_type_name(argv[1]));
  ObjString *s = AS_STR(argv[0]);
  return BOOL_VAL(find_bytes(s->chars, 0, s->len, AS_STR(argv[1]), false) >= 0);
}

/* ===================================================================== */
/* replace, split, join, partition                                       */
/* ===================================================================== */

/* Whether a result of total bytes can be built (MemoryError otherwise). */
static bool result_fits(uint64_t total) {
  if (total <= UINT32_MAX - 1 && gc_can_allocate((size_t)total)) return true;
  memory_error();
  return false;
}

/* Copy s into dst with up to max occurrences of old replaced by rep;
 * dst NULL only counts. Returns the number of replacements. */
static int64_t replace_into(char *dst, ObjString *s, ObjString *old, ObjString *rep, int64_t max) {
  int64_t done = 0;
  size_t pos = 0, out = 0;
  while (pos < s->len || (old->len == 0 && pos == s->len)) {
    int64_t at;
    if (done >= max || (at = find_bytes(s->chars, pos, s->len, old, false)) < 0) break;
    if (dst) {
      memcpy(dst + out, s->chars + pos, (size_t)at - pos);
      memcpy(dst + out + ((size_t)at - pos), rep->chars, rep->len);
    }
    out += (size_t)at - pos + rep->len;
    done++;
    if (old->len > 0) {
      pos = (size_t)at + old->len;
      continue;
    }
    /* An empty pattern matches before every character and at the end:
     * copy one character and look again after it. */
    if ((size_t)at == s->len) {
      pos = s->len + 1;
      break;
    }
    size_t next = (size_t)at;
    next_cp(s->chars, s->len, &next);
    if (dst) memcpy(dst + out, s->chars + at, next - (size_t)at);
    out += next - (size_t)at;
    pos = next;
  }
  if (dst && pos < s->len) memcpy(dst + out, s->chars + pos, s->len - pos);
  return done;
}

static Value str_replace(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("replace", ST_VAR, 2, 3, argc, argv, kwnames)) return UNDEF_VAL;
  if (!want_str(argv[1], "replace() argument 1") || !want_str(argv[2], "replace() argument 2"))
    return UNDEF_VAL;
  int64_t max;
  if (!want_index(argc > 3 ? argv[3] : UNDEF_VAL, -1, &max)) return UNDEF_VAL;
  if (max < 0) max = INT64_MAX;
  ObjString *s = AS_STR(argv[0]), *old = AS_STR(argv[1]), *rep = AS_STR(argv[2]);
  /* Count first, so an oversized result is refused before it is built. */
  int64_t n = replace_into(NULL, s, old, rep, max);
  if (n == 0) return argv[0];
  uint64_t total = (uint64_t)s->len - (uint64_t)n * old->len + (uint64_t)n * rep->len;
  if (rep->len > old->len && (uint64_t)n > (uint64_t)UINT32_MAX / (rep->len - old->len) + 1)
    return memory_error();
  if (!result_fits(total)) return UNDEF_VAL;
  if (total == 0) return OBJ_VAL(vm.empty_str);
  ObjString *r = str_alloc((size_t)total);
  if (!r) return memory_error();
  replace_into(r->chars, s, old, rep, max);
  return OBJ_VAL(str_finish(r));
}

/* Arguments of split/rsplit: sep (None: whitespace) and maxsplit. */
static bool split_args(const char *meth, int argc, Value *argv, ObjTuple *kwnames, ObjString **sep,
                       int64_t *maxsplit) {
  static const char *const names[] = {"sep", "maxsplit"};
  Value a[2];
  if (!bind_kw(meth, argc, argv, kwnames, 2, names, a)) return false;
  *sep = NULL;
  if (!IS_UNDEF(a[0]) && !IS_NONE(a[0])) {
    if (!IS_STR(a[0])) {
      vm_raise(vm.e_TypeError, "must be str or None, not %s", vm_type_name(a[0]));
      return false;
    }
    *sep = AS_STR(a[0]);
    if ((*sep)->len == 0) {
      vm_raise(vm.e_ValueError, "empty separator");
      return false;
    }
  }
  if (!want_index(a[1], -1, maxsplit)) return false;
  if (*maxsplit < 0) *maxsplit = INT64_MAX;
  return true;
}

static bool space_at(ObjString *s, size_t pos, size_t *next) {
  uint32_t c = next_cp(s->chars, s->len, &pos);
  *next = pos;
  return cp_is_space(c);
}

/* split() on runs of whitespace, from the left. */
static bool split_whitespace(ObjString *s, int64_t max, ObjList *out) {
  size_t pos = 0, nx;
  int64_t n = 0;
  while (pos < s->len) {
    while (pos < s->len && space_at(s, pos, &nx)) pos = nx;
    if (pos >= s->len) break;
    if (n == max) {
      /* The rest, with trailing whitespace kept, is the last piece. */
      return list_push_str(out, s->chars + pos, s->len - pos);
    }
    size_t start = pos;
    while (pos < s->len && !space_at(s, pos, &nx)) pos = nx;
    if (!list_push_str(out, s->chars + start, pos - start)) return false;
    n++;
  }
  return true;
}

static bool split_sep(ObjString *s, ObjString *sep, int64_t max, ObjList *out) {
  size_t pos = 0;
  int64_t n = 0;
  while (n < max) {
    int64_t at = find_bytes(s->chars, pos, s->len, sep, false);
    if (at < 0) break;
    if (!list_push_str(out, s->chars + pos, (size_t)at - pos)) return false;
    pos = (size_t)at + sep->len;
    n++;
  }
  return list_push_str(out, s->chars + pos, s->len - pos);
}

static Value str_split(int argc, Value *argv, ObjTuple *kwnames) {
  ObjString *sep;
  int64_t max;
  if (!split_args("split", argc, argv, kwnames, &sep, &max)) return UNDEF_VAL;
  ObjList *out = list_new(0, NULL);
  gc_push_root(OBJ_VAL(out));
  ObjString *s = AS_STR(argv[0]);
  bool ok = sep ? split_sep(s, sep, max, out) : split_whitespace(s, max, out);
  gc_pop_roots(1);
  return ok ? OBJ_VAL(out) : UNDEF_VAL;
}

/* Reverse a list in place (rsplit collects pieces right to left). */
static void list_reverse(ObjList *l) {
  for (uint32_t i = 0, j = l->len; i + 1 < j; i++, j--) {
    Value t = l->items[i];
    l->items[i] = l->items[j - 1];
    l->items[j - 1] = t;
  }
}

static bool space_before(ObjString *s, size_t pos, size_t *prev) {
  uint32_t c = prev_cp(s->chars, &pos);
  *prev = pos;
  return cp_is_space(c);
}

static bool rsplit_whitespace(ObjString *s, int64_t max, ObjList *out) {
  size_t pos = s->len, pv;
  int64_t n = 0;
  while (pos > 0) {
    while (pos > 0 && space_before(s, pos, &pv)) pos = pv;
    if (pos == 0) break;
    if (n == max) return list_push_str(out, s->chars, pos);
    size_t end = pos;
    while (pos > 0 && !space_before(s, pos, &pv)) pos = pv;
    if (!list_push_str(out, s->chars + pos, end - pos)) return false;
    n++;
  }
  return true;
}

static bool rsplit_sep(ObjString *s, ObjString *sep, int64_t max, ObjList *out) {
  size_t end = s->len;
  int64_t n = 0;
  while (n < max) {
    int64_t at = find_bytes(s->chars, 0, end, sep, true);
    if (at < 0) break;
    size_t after = (size_t)at + sep->len;
    if (!list_push_str(out, s->chars + after, end - after)) return false;
    end = (size_t)at;
    n++;
  }
  return list_push_str(out, s->chars, end);
}

static Value str_rsplit(int argc, Value *argv, ObjTuple *kwnames) {
  ObjString *sep;
  int64_t max;
  if (!split_args("rsplit", argc, argv, kwnames, &sep, &max)) return UNDEF_VAL;
  ObjList *out = list_new(0, NULL);
  gc_push_root(OBJ_VAL(out));
  ObjString *s = AS_STR(argv[0]);
  bool ok = sep ? rsplit_sep(s, sep, max, out) : rsplit_whitespace(s, max, out);
  gc_pop_roots(1);
  if (!ok) return UNDEF_VAL;
  list_reverse(out);
  return OBJ_VAL(out);
}

static Value str_splitlines(int argc, Value *argv, ObjTuple *kwnames) {
  static const char *const names[] = {"keepends"};
  Value a[1];
  if (!bind_kw("splitlines", argc, argv, kwnames, 1, names, a)) return UNDEF_VAL;
  int64_t keep;
  if (!want_index(a[0], 0, &keep)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]);
  ObjList *out = list_new(0, NULL);
  gc_push_root(OBJ_VAL(out));
  size_t pos = 0;
  bool ok = true;
  while (ok && pos < s->len) {
    size_t start = pos, eol = pos;
    uint32_t c = 0;
    while (pos < s->len) {
      eol = pos;
      c = next_cp(s->chars, s->len, &pos);
      if (cp_is_linebreak(c)) break;
      eol = pos;
    }
    if (c == '\r' && pos < s->len && s->chars[pos] == '\n') pos++;
    ok = list_push_str(out, s->chars + start, (keep ? pos : eol) - start);
  }
  gc_pop_roots(1);
  return ok ? OBJ_VAL(out) : UNDEF_VAL;
}

/* join over an already materialised array of items. */
static Value join_items(ObjString *sep, const Value *items, uint32_t n) {
  size_t total = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (!IS_STR(items[i]))
      return vm_raise(vm.e_TypeError, "sequence item %u: expected str instance, %s found", i,
                      vm_type_name(items[i]));
    total += AS_STR(items[i])->len + (i ? sep->len : 0);
  }
  if (n == 1) return items[0];
  if (total > UINT32_MAX - 1 || !gc_can_allocate(total)) return memory_error();
  if (total == 0) return OBJ_VAL(vm.empty_str);
  ObjString *r = str_alloc(total);
  if (!r) return memory_error();
  size_t off = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (i) {
      memcpy(r->chars + off, sep->chars, sep->len);
      off += sep->len;
    }
    memcpy(r->chars + off, AS_STR(items[i])->chars, AS_STR(items[i])->len);
    off += AS_STR(items[i])->len;
  }
  return OBJ_VAL(str_finish(r));
}

static Value str_join(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("join", ST_ONE, 1, 1, argc, argv, kwnames)) return UNDEF_VAL;
  ObjString *sep = AS_STR(argv[0]);
  Value it = argv[1];
  if (IS_LIST(it)) return join_items(sep, AS_LIST(it)->items, AS_LIST(it)->len);
  if (IS_TUPLE(it)) return join_items(sep, AS_TUPLE(it)->items, AS_TUPLE(it)->len);
  Value iter = vm_iter(it);
  if (IS_UNDEF(iter)) {
    if (vm_exc_matches(vm.e_TypeError)) {
      vm_take_exc();
      return vm_raise(vm.e_TypeError, "can only join an iterable");
    }
    return UNDEF_VAL;
  }
  gc_push_root(iter);
  ObjList *items = lib_list_from_iterable(iter);
  if (!items) {
    gc_pop_roots(1);
    return UNDEF_VAL;
  }
  gc_push_root(OBJ_VAL(items));
  Value r = join_items(sep, items->items, items->len);
  gc_pop_roots(2);
  return r;
}

static Value partition(const char *meth, bool last, int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args(meth, ST_ONE, 1, 1, argc, argv, kwnames)) return UNDEF_VAL;
  if (!want_str(argv[1], NULL)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]), *sep = AS_STR(argv[1]);
  if (sep->len == 0) return vm_raise(vm.e_ValueError, "empty separator");
  Value empty = OBJ_VAL(vm.empty_str);
  int64_t at = find_bytes(s->chars, 0, s->len, sep, last);
  if (at < 0) return last ? tuple3(empty, empty, argv[0]) : tuple3(argv[0], empty, empty);
  Value head = new_str(s->chars, (size_t)at);
  if (IS_UNDEF(head)) return head;
  gc_push_root(head);
  size_t after = (size_t)at + sep->len;
  Value tail = new_str(s->chars + after, s->len - after);
  if (IS_UNDEF(tail)) {
    gc_pop_roots(1);
    return tail;
  }
  gc_push_root(tail);
  Value r = tuple3(head, argv[1], tail);
  gc_pop_roots(2);
  return r;
}

static Value str_partition(int argc, Value *argv, ObjTuple *kwnames) {
  return partition("partition", false, argc, argv, kwnames);
}

static Value str_rpartition(int argc, Value *argv, ObjTuple *kwnames) {
  return partition("rpartition", true, argc, argv, kwnames);
}

/* ===================================================================== */
/* strip, padding, prefixes, tabs                                        */
/* ===================================================================== */

/* Whether c is in chars (NULL: whitespace). */
static bool strip_member(uint32_t c, ObjString *chars) {
  if (!chars) return cp_is_space(c);
  size_t pos = 0;
  while (pos < chars->len) {
    if (next_cp(chars->chars, chars->len, &pos) == c) return true;
  }
  return false;
}

static Value do_strip(const char *meth, bool left, bool right, int argc, Value *argv,
                      ObjTuple *kwnames) {
  if (!str_args(meth, ST_VAR, 0, 1, argc, argv, kwnames)) return UNDEF_VAL;
  ObjString *chars = NULL;
  if (argc > 1 && !IS_NONE(argv[1])) {
    if (!IS_STR(argv[1])) return vm_raise(vm.e_TypeError, "%s arg must be None or str", meth);
    chars = AS_STR(argv[1]);
  }
  ObjString *s = AS_STR(argv[0]);
  size_t start = 0, end = s->len;
  while (left && start < end) {
    size_t p = start;
    if (!strip_member(next_cp(s->chars, s->len, &p), chars)) break;
    start = p;
  }
  while (right && end > start) {
    size_t p = end;
    if (!strip_member(prev_cp(s->chars, &p), chars)) break;
    end = p;
  }
  if (start == 0 && end == s->len) return argv[0];
  return new_str(s->chars + start, end - start);
}

static Value str_strip(int argc, Value *argv, ObjTuple *kwnames) {
  return do_strip("strip", true, true, argc, argv, kwnames);
}
static Value str_lstrip(int argc, Value *argv, ObjTuple *kwnames) {
  return do_strip("lstrip", true, false, argc, argv, kwnames);
}
static Value str_rstrip(int argc, Value *argv, ObjTuple *kwnames) {
  return do_strip("rstrip", false, true, argc, argv, kwnames);
}

/* s with left and right copies of the fill character around it. */
static Value pad(ObjString *s, int64_t left, int64_t right, const char *fill, size_t nfill) {
  uint64_t total = (uint64_t)s->len + (uint64_t)(left + right) * nfill;
  if (total > UINT32_MAX - 1 || !gc_can_allocate((size_t)total)) return memory_error();
  gc_push_root(OBJ_VAL(s));
  ObjString *r = str_alloc((size_t)total);
  gc_pop_roots(1);
  if (!r) return memory_error();
  char *p = r->chars;
  for (int64_t i = 0; i < left; i++, p += nfill) memcpy(p, fill, nfill);
  memcpy(p, s->chars, s->len);
  p += s->len;
  for (int64_t i = 0; i < right; i++, p += nfill) memcpy(p, fill, nfill);
  return OBJ_VAL(str_finish(r));
}

/* center/ljust/rjust: (width[, fillchar]); how 0 left, 1 right, 2 center. */
static Value justify(const char *meth, int how, int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args(meth, ST_VAR, 1, 2, argc, argv, kwnames)) return UNDEF_VAL;
  int64_t width;
  if (!vm_to_index(argv[1], &width)) return UNDEF_VAL;
  const char *fill = " ";
  size_t nfill = 1;
  if (argc > 2) {
    if (!IS_STR(argv[2]))
      return vm_raise(vm.e_TypeError, "The fill character must be a unicode character, not %s",
                      vm_type_name(argv[2]));
    if (AS_STR(argv[2])->ncp != 1)
      return vm_raise(vm.e_TypeError, "The fill character must be exactly one character long");
    fill = AS_CSTR(argv[2]);
    nfill = AS_STR(argv[2])->len;
  }
  ObjString *s = AS_STR(argv[0]);
  if (width <= (int64_t)s->ncp) return argv[0];
  int64_t marg = width - s->ncp;
  int64_t left = how == 0 ? 0 : how == 1 ? marg : marg / 2 + (marg & width & 1);
  return pad(s, left, marg - left, fill, nfill);
}

static Value str_center(int argc, Value *argv, ObjTuple *kwnames) {
  return justify("center", 2, argc, argv, kwnames);
}
static Value str_ljust(int argc, Value *argv, ObjTuple *kwnames) {
  return justify("ljust", 0, argc, argv, kwnames);
}
static Value str_rjust(int argc, Value *argv, ObjTuple *kwnames) {
  return justify("rjust", 1, argc, argv, kwnames);
}

static Value str_zfill(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("zfill", ST_ONE, 1, 1, argc, argv, kwnames)) return UNDEF_VAL;
  int64_t width;
  if (!vm_to_index(argv[1], &width)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]);
  if (width <= (int64_t)s->ncp) return argv[0];
  Value r = pad(s, width - s->ncp, 0, "0", 1);
  if (IS_UNDEF(r)) return r;
  /* A leading sign moves in front of the zeros. */
  ObjString *z = AS_STR(r);
  size_t nz = (size_t)(width - s->ncp);
  if (s->len > 0 && (s->chars[0] == '+' || s->chars[0] == '-')) {
    z->chars[0] = s->chars[0];
    z->chars[nz] = '0';
  }
  return r;
}

static Value affix(const char *meth, bool suffix, int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args(meth, ST_ONE, 1, 1, argc, argv, kwnames)) return UNDEF_VAL;
  if (!IS_STR(argv[1]))
    return vm_raise(vm.e_TypeError, "%s() argument must be str, not %s", meth,
                    clinic_type_name(argv[1]));
  ObjString *s = AS_STR(argv[0]), *a = AS_STR(argv[1]);
  if (a->len == 0 || a->len > s->len) return argv[0];
  size_t at = suffix ? s->len - a->len : 0;
  if (memcmp(s->chars + at, a->chars, a->len) != 0) return argv[0];
  return suffix ? new_str(s->chars, at) : new_str(s->chars + a->len, s->len - a->len);
}

static Value str_removeprefix(int argc, Value *argv, ObjTuple *kwnames) {
  return affix("removeprefix", false, argc, argv, kwnames);
}
static Value str_removesuffix(int argc, Value *argv, ObjTuple *kwnames) {
  return affix("removesuffix", true, argc, argv, kwnames);
}

static Value str_expandtabs(int argc, Value *argv, ObjTuple *kwnames) {
  static const char *const names[] = {"tabsize"};
  Value a[1];
  if (!bind_kw("expandtabs", argc, argv, kwnames, 1, names, a)) return UNDEF_VAL;
  int64_t tab;
  if (!want_index(a[0], 8, &tab)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]);
  FmtBuf b = FMT_BUF_INIT;
  int64_t col = 0;
  size_t pos = 0;
  while (pos < s->len) {
    size_t start = pos;
    uint32_t c = next_cp(s->chars, s->len, &pos);
    if (c == '\t') {
      if (tab > 0) {
        int64_t spaces = tab - col % tab;
        if ((uint64_t)b.len + (uint64_t)spaces > FMT_SIZE_LIMIT) {
          fmt_buf_free(&b);
          return memory_error();
        }
        for (int64_t i = 0; i < spaces; i++) fmt_buf_putc(&b, ' ');
        col += spaces;
      }
      continue;
    }
    fmt_buf_append(&b, s->chars + start, pos - start);
    col = (c == '\n' || c == '\r') ? 0 : col + 1;
  }
  return buf_str(&b);
}

/* ===================================================================== */
/* translate, maketrans                                                  */
/* ===================================================================== */

/* Append what table maps c to; false with an exception pending. */
static bool translate_one(FmtBuf *b, Value table, uint32_t c) {
  Value r = vm_getitem(table, INT_VAL(c));
  if (IS_UNDEF(r)) {
    if (!vm_exc_matches(vm.e_LookupError)) return false;
    vm_take_exc();
    fmt_buf_put_cp(b, c);
    return true;
  }
  if (IS_NONE(r)) return true;
  if (IS_INTLIKE(r)) {
    int64_t v = AS_INTLIKE(r);
    if (v < 0 || v > 0x10FFFF) {
      vm_raise(vm.e_ValueError, "character mapping must be in range(0x110000)");
      return false;
    }
    fmt_buf_put_cp(b, (uint32_t)v);
    return true;
  }
  if (IS_STR(r)) {
    if (!buf_room(b, AS_STR(r)->len)) return false;
    fmt_buf_append(b, AS_CSTR(r), AS_STR(r)->len);
    return true;
  }
  vm_raise(vm.e_TypeError, "character mapping must return integer, None or str");
  return false;
}

static Value str_translate(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("translate", ST_ONE, 1, 1, argc, argv, kwnames)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]);
  FmtBuf b = FMT_BUF_INIT;
  size_t pos = 0;
  while (pos < s->len) {
    if (!translate_one(&b, argv[1], next_cp(s->chars, s->len, &pos))) {
      fmt_buf_free(&b);
      return UNDEF_VAL;
    }
  }
  return buf_str(&b);
}

/* maketrans({char or ordinal: value}) */
static Value maketrans_dict(ObjDict *src) {
  ObjDict *d = dict_new();
  gc_push_root(OBJ_VAL(d));
  uint32_t pos = 0;
  DictEntry *e;
  Value r = OBJ_VAL(d);
  while (dict_next(src, &pos, &e)) {
    Value key = e->key;
    if (IS_STR(key)) {
      if (AS_STR(key)->ncp != 1) {
        r = vm_raise(vm.e_ValueError, "string keys in translate table must be of length 1");
        break;
      }
      int n;
      key = INT_VAL(utf8_decode(AS_CSTR(key), &n));
    } else if (!IS_INTLIKE(key)) {
      r = vm_raise(vm.e_TypeError, "keys in translate table must be strings or integers");
      break;
    } else {
      key = INT_VAL(AS_INTLIKE(key));
    }
    if (!dict_set(d, key, e->value)) {
      r = UNDEF_VAL;
      break;
    }
  }
  gc_pop_roots(1);
  return r;
}

/* maketrans(x, y[, z]): x[i] -> y[i], each of z -> None. */
static Value maketrans_strs(ObjString *x, ObjString *y, ObjString *z) {
  if (x->ncp != y->ncp)
    return vm_raise(vm.e_ValueError, "the first two maketrans arguments must have equal length");
  ObjDict *d = dict_new();
  gc_push_root(OBJ_VAL(d));
  size_t px = 0, py = 0;
  bool ok = true;
  while (ok && px < x->len) {
    uint32_t a = next_cp(x->chars, x->len, &px), c = next_cp(y->chars, y->len, &py);
    ok = dict_set(d, INT_VAL(a), INT_VAL(c));
  }
  size_t pz = 0;
  while (ok && z && pz < z->len)
    ok = dict_set(d, INT_VAL(next_cp(z->chars, z->len, &pz)), NONE_VAL);
  gc_pop_roots(1);
  return ok ? OBJ_VAL(d) : UNDEF_VAL;
}

/* A staticmethod: no self. */
static Value str_maketrans(int argc, Value *argv, ObjTuple *kwnames) {
  if (nkwargs(kwnames) > 0)
    return vm_raise(vm.e_TypeError, "str.maketrans() takes no keyword arguments");
  if (argc < 1)
    return vm_raise(vm.e_TypeError, "maketrans expected at least 1 argument, got %d", argc);
  if (argc > 3)
    return vm_raise(vm.e_TypeError, "maketrans expected at most 3 arguments, got %d", argc);
  if (argc == 1) {
    if (!IS_DICT(argv[0]))
      return vm_raise(vm.e_TypeError,
                      "if you give only one argument to maketrans it must be a dict");
    return maketrans_dict(AS_DICT(argv[0]));
  }
  if (!IS_STR(argv[0]))
    return vm_raise(vm.e_TypeError,
                    "first maketrans argument must be a string if there is a second argument");
  if (!want_str(argv[1], "maketrans() argument 2")) return UNDEF_VAL;
  if (argc == 3 && !want_str(argv[2], "maketrans() argument 3")) return UNDEF_VAL;
  return maketrans_strs(AS_STR(argv[0]), AS_STR(argv[1]), argc == 3 ? AS_STR(argv[2]) : NULL);
}

static Value str_encode(int argc, Value *argv, ObjTuple *kwnames) {
  static const char *const names[] = {"encoding", "errors"};
  Value a[2];
  if (!bind_kw("encode", argc, argv, kwnames, 2, names, a)) return UNDEF_VAL;
  return vm_raise(vm.e_NotImplementedError, "str.encode() is not supported: asy has no bytes type");
}

/* ===================================================================== */
/* format, format_map                                                    */
/* ===================================================================== */

static Value str_format_method(int argc, Value *argv, ObjTuple *kwnames) {
  if (!check_self("format", false, argc, argv)) return UNDEF_VAL;
  return lib_str_format(AS_STR(argv[0]), argc - 1, argv + 1, kwnames);
}

/* Forward: the formatter with a mapping in place of keyword arguments. */
static Value format_with(ObjString *fmt, const Value *args, uint32_t nargs, bool have_args,
                         Value mapping);

static Value str_format_map(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("format_map", ST_ONE, 1, 1, argc, argv, kwnames)) return UNDEF_VAL;
  return format_with(AS_STR(argv[0]), NULL, 0, false, argv[1]);
}

static Value str_dunder_format(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("__format__", ST_ONE, 1, 1, argc, argv, kwnames)) return UNDEF_VAL;
  if (!IS_STR(argv[1]))
    return vm_raise(vm.e_TypeError, "__format__() argument must be str, not %s",
                    clinic_type_name(argv[1]));
  ObjString *r = vm_format(argv[0], AS_STR(argv[1]));
  return r ? OBJ_VAL(r) : UNDEF_VAL;
}

/* ===================================================================== */
/* dunders                                                               */
/* ===================================================================== */

static Value str_len(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("__len__", ST_SLOT, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  return INT_VAL(AS_STR(argv[0])->ncp);
}

static Value str_hash_m(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("__hash__", ST_SLOT, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  return INT_VAL(str_hash(AS_STR(argv[0])));
}

static Value str_repr(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("__repr__", ST_SLOT, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  FmtBuf b = FMT_BUF_INIT;
  fmt_str_repr(&b, AS_CSTR(argv[0]), AS_STR(argv[0])->len);
  return buf_str(&b);
}

static Value str_str(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("__str__", ST_SLOT, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  return argv[0];
}

static Value str_iter(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("__iter__", ST_SLOT, 0, 0, argc, argv, kwnames)) return UNDEF_VAL;
  return vm_iter(argv[0]);
}

static Value str_add(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("__add__", ST_SLOT, 1, 1, argc, argv, kwnames)) return UNDEF_VAL;
  return vm_binary(OP_ADD, argv[0], argv[1], false);
}

static Value repeat(const char *meth, int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args(meth, ST_SLOT, 1, 1, argc, argv, kwnames)) return UNDEF_VAL;
  int64_t n;
  if (!vm_to_index(argv[1], &n)) return UNDEF_VAL;
  return vm_binary(OP_MUL, argv[0], INT_VAL(n), false);
}

static Value str_mul(int argc, Value *argv, ObjTuple *kwnames) {
  return repeat("__mul__", argc, argv, kwnames);
}
static Value str_rmul(int argc, Value *argv, ObjTuple *kwnames) {
  return repeat("__rmul__", argc, argv, kwnames);
}

static Value str_mod(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("__mod__", ST_SLOT, 1, 1, argc, argv, kwnames)) return UNDEF_VAL;
  return lib_str_mod(argv[0], argv[1]);
}

static Value str_rmod(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("__rmod__", ST_SLOT, 1, 1, argc, argv, kwnames)) return UNDEF_VAL;
  return vm.not_implemented;
}

/* Rich comparisons: NotImplemented unless both are str. */
static Value compare(const char *meth, int op, int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args(meth, ST_SLOT, 1, 1, argc, argv, kwnames)) return UNDEF_VAL;
  if (!IS_STR(argv[1])) return vm.not_implemented;
  return vm_compare(op, argv[0], argv[1]);
}

static Value str_cmp_eq(int argc, Value *argv, ObjTuple *kwnames) {
  return compare("__eq__", OP_EQ, argc, argv, kwnames);
}
static Value str_cmp_ne(int argc, Value *argv, ObjTuple *kwnames) {
  return compare("__ne__", OP_NE, argc, argv, kwnames);
}
static Value str_cmp_lt(int argc, Value *argv, ObjTuple *kwnames) {
  return compare("__lt__", OP_LT, argc, argv, kwnames);
}
static Value str_cmp_le(int argc, Value *argv, ObjTuple *kwnames) {
  return compare("__le__", OP_LE, argc, argv, kwnames);
}
static Value str_cmp_gt(int argc, Value *argv, ObjTuple *kwnames) {
  return compare("__gt__", OP_GT, argc, argv, kwnames);
}
static Value str_cmp_ge(int argc, Value *argv, ObjTuple *kwnames) {
  return compare("__ge__", OP_GE, argc, argv, kwnames);
}

/* s[start:stop:step] over code points. */
static Value str_slice(ObjString *s, ObjSlice *sl) {
  int64_t start, stop, step, count;
  if (!ops_slice_indices(sl, s->ncp, &start, &stop, &step, &count)) return UNDEF_VAL;
  if (count <= 0) return OBJ_VAL(vm.empty_str);
  if (step == 1) {
    if (count == (int64_t)s->ncp) return OBJ_VAL(s);
    size_t from = byte_offset(s, start), to = byte_offset(s, start + count);
    return new_str(s->chars + from, to - from);
  }
  if (s->ncp == s->len) {
    FmtBuf b = FMT_BUF_INIT;
    fmt_buf_reserve(&b, (size_t)count);
    for (int64_t i = 0, j = start; i < count; i++, j += step) fmt_buf_putc(&b, s->chars[j]);
    return buf_str(&b);
  }
  /* Non-ASCII with a step: index the start of every code point first. */
  uint32_t *offs = malloc(((size_t)s->ncp + 1) * sizeof *offs);
  if (!offs) return memory_error();
  size_t pos = 0;
  for (uint32_t i = 0; i <= s->ncp; i++) {
    offs[i] = (uint32_t)pos;
    if (pos < s->len) next_cp(s->chars, s->len, &pos);
  }
  FmtBuf b = FMT_BUF_INIT;
  for (int64_t i = 0, j = start; i < count; i++, j += step)
    fmt_buf_append(&b, s->chars + offs[j], offs[j + 1] - offs[j]);
  free(offs);
  return buf_str(&b);
}

static Value str_getitem(int argc, Value *argv, ObjTuple *kwnames) {
  if (!str_args("__getitem__", ST_SLOT, 1, 1, argc, argv, kwnames)) return UNDEF_VAL;
  ObjString *s = AS_STR(argv[0]);
  Value k = argv[1];
  if (IS_OBJ_TYPE(k, OBJ_SLICE)) return str_slice(s, AS_SLICE(k));
  if (!IS_INTLIKE(k) && !has_index_method(k))
    return vm_raise(vm.e_TypeError, "string indices must be integers, not '%s'", vm_type_name(k));
  int64_t i;
  if (!vm_to_index(k, &i)) return UNDEF_VAL;
  if (i < 0) i += s->ncp;
  if (i < 0 || i >= (int64_t)s->ncp) return vm_raise(vm.e_IndexError, "string index out of range");
  size_t from = byte_offset(s, i), to = from;
  next_cp(s->chars, s->len, &to);
  return OBJ_VAL(str_new(s->chars + from, to - from));
}

/* ===================================================================== */
/* printf-style formatting: str % args                                   */
/* ===================================================================== */

/* The argument cursor of CPython's formatter: args is a tuple (arglen its
 * length) or a single object (arglen -1); a %(key) conversion replaces it
 * with the looked-up value. */
typedef struct {
  Value args;
  int64_t arglen, argidx;
  Value dict;    /* UNDEF when args is not a mapping */
  size_t nroots; /* values looked up by key, rooted until the end */
} ModArgs;

static bool mod_next_arg(ModArgs *m, Value *out) {
  if (m->argidx < m->arglen) {
    int64_t i = m->argidx++;
    *out = m->arglen < 0 ? m->args : AS_TUPLE(m->args)->items[i];
    return true;
  }
  vm_raise(vm.e_TypeError, "not enough arguments for format string");
  return false;
}

/* Whether a single % operand is a mapping (has __getitem__, not a tuple or str). */
static bool is_mapping(Value v) {
  if (IS_DICT(v) || IS_LIST(v) || IS_OBJ_TYPE(v, OBJ_RANGE)) return true;
  if (!IS_OBJ(v) || (OBJ_TYPE(v) != OBJ_INSTANCE && OBJ_TYPE(v) != OBJ_CDATA)) return false;
  return !IS_UNDEF(vm_lookup_special(v, vm.names[NAME_getitem]));
}

/* A '*' width or precision from the arguments. */
static bool mod_star(ModArgs *m, int64_t *out) {
  Value v;
  if (!mod_next_arg(m, &v)) return false;
  if (!IS_INTLIKE(v)) {
    vm_raise(vm.e_TypeError, "* wants int");
    return false;
  }
  *out = AS_INTLIKE(v);
  return true;
}

static bool mod_status(FmtStatus st, FmtBuf *err) {
  if (st == FMT_OK) return true;
  raise_fmt(st, err);
  return false;
}

/* A number for %d/%i/%u: int, or int(x) for floats and __int__/__index__. */
static bool mod_int_arg(Value v, char conv, int64_t *out) {
  if (IS_INTLIKE(v)) {
    *out = AS_INTLIKE(v);
    return true;
  }
  bool integer_only = conv == 'o' || conv == 'x' || conv == 'X';
  if (IS_FLOAT(v) && !integer_only) {
    double d = AS_FLOAT(v);
    if (isnan(d)) {
      vm_raise(vm.e_ValueError, "cannot convert float NaN to integer");
      return false;
    }
    if (isinf(d)) {
      vm_raise(vm.e_OverflowError, "cannot convert float infinity to integer");
      return false;
    }
    if (d >= 9223372036854775808.0 || d < -9223372036854775808.0) {
      vm_raise(vm.e_OverflowError, FMT_INT64_OVERFLOW_MSG);
      return false;
    }
    *out = (int64_t)d;
    return true;
  }
  if (IS_OBJ(v) && (OBJ_TYPE(v) == OBJ_INSTANCE || OBJ_TYPE(v) == OBJ_CDATA)) {
    Value m = vm_lookup_special(v, vm.names[integer_only ? NAME_index : NAME_int_]);
    if (IS_UNDEF(m) && !integer_only) m = vm_lookup_special(v, vm.names[NAME_index]);
    if (!IS_UNDEF(m)) {
      Value r = vm_call(m, 1, &v);
      if (IS_UNDEF(r)) return false;
      if (!IS_INTLIKE(r)) {
        vm_raise(vm.e_TypeError, "__%s__ returned non-int (type %s)",
                 integer_only ? "index" : "int", vm_type_name(r));
        return false;
      }
      *out = AS_INTLIKE(r);
      return true;
    }
  }
  if (integer_only)
    vm_raise(vm.e_TypeError, "%%%c format: an integer is required, not %s", conv, vm_type_name(v));
  else
    vm_raise(vm.e_TypeError, "%%%c format: a real number is required, not %s", conv,
             vm_type_name(v));
  return false;
}

/* A float for %e/%f/%g: float, int, or __float__/__index__. */
static bool mod_float_arg(Value v, double *out) {
  if (IS_FLOAT(v)) {
    *out = AS_FLOAT(v);
    return true;
  }
  if (IS_INTLIKE(v)) {
    *out = (double)AS_INTLIKE(v);
    return true;
  }
  if (IS_OBJ(v) && (OBJ_TYPE(v) == OBJ_INSTANCE || OBJ_TYPE(v) == OBJ_CDATA)) {
    Value m = vm_lookup_special(v, vm.names[NAME_float_]);
    bool is_float = !IS_UNDEF(m);
    if (!is_float) m = vm_lookup_special(v, vm.names[NAME_index]);
    if (!IS_UNDEF(m)) {
      Value r = vm_call(m, 1, &v);
      if (IS_UNDEF(r)) return false;
      if (is_float && IS_FLOAT(r))
        *out = AS_FLOAT(r);
      else if (!is_float && IS_INTLIKE(r))
        *out = (double)AS_INTLIKE(r);
      else {
        if (is_float)
          vm_raise(vm.e_TypeError, "%s.__float__ returned non-float (type %s)", vm_type_name(v),
                   vm_type_name(r));
        else
          vm_raise(vm.e_TypeError, "__index__ returned non-int (type %s)", vm_type_name(r));
        return false;
      }
      return true;
    }
  }
  vm_raise(vm.e_TypeError, "must be real number, not %s", vm_type_name(v));
  return false;
}

/* %c: an int code point or a one-character str. */
static bool mod_char(FmtBuf *out, Value v, const FmtPrintfSpec *sp, FmtBuf *err) {
  if (IS_STR(v)) {
    if (AS_STR(v)->ncp != 1) {
      vm_raise(vm.e_TypeError, "%%c requires int or char");
      return false;
    }
    fmt_printf_str(out, AS_CSTR(v), AS_STR(v)->len, sp);
    return true;
  }
  if (!IS_INTLIKE(v)) {
    vm_raise(vm.e_TypeError, "%%c requires int or char");
    return false;
  }
  return mod_status(fmt_printf_int(out, AS_INTLIKE(v), sp, err), err);
}

/* Format one converted value. */
static bool mod_convert(FmtBuf *out, Value v, FmtPrintfSpec *sp, FmtBuf *err) {
  switch (sp->conv) {
  case 's':
  case 'r':
  case 'a': {
    ObjString *s = sp->conv == 's' ? vm_str(v) : sp->conv == 'r' ? vm_repr(v) : ops_ascii(v);
    if (!s || !buf_room(out, s->len)) return false;
    fmt_printf_str(out, s->chars, s->len, sp);
    return true;
  }
  case 'c': return mod_char(out, v, sp, err);
  case 'd':
  case 'i':
  case 'u':
  case 'o':
  case 'x':
  case 'X': {
    int64_t i;
    if (!mod_int_arg(v, sp->conv, &i)) return false;
    return mod_status(fmt_printf_int(out, i, sp, err), err);
  }
  default: {
    double d;
    if (!mod_float_arg(v, &d)) return false;
    return mod_status(fmt_printf_float(out, d, sp, err), err);
  }
  }
}

/* One conversion starting after the '%' at *pos. */
static bool mod_one(FmtBuf *out, ObjString *fmt, size_t *pos, ModArgs *m, FmtBuf *err) {
  const char *f = fmt->chars;
  if (*pos < fmt->len && f[*pos] == '%') {
    (*pos)++;
    fmt_buf_putc(out, '%');
    return true;
  }
  FmtPrintfSpec sp;
  if (!mod_status(fmt_printf_parse(f, fmt->len, pos, &sp, err), err)) return false;
  if (sp.has_key) {
    if (IS_UNDEF(m->dict)) {
      vm_raise(vm.e_TypeError, "format requires a mapping");
      return false;
    }
    Value key = new_str(f + sp.key_start, sp.key_len);
    if (IS_UNDEF(key)) return false;
    gc_push_root(key);
    Value v = vm_getitem(m->dict, key);
    gc_pop_roots(1);
    if (IS_UNDEF(v)) return false;
    gc_push_root(v);
    m->nroots++;
    m->args = v;
    m->arglen = -1;
    m->argidx = -2;
  }
  if (sp.width == FMT_PRINTF_STAR) {
    if (!mod_star(m, &sp.width)) return false;
    if (sp.width < 0) {
      sp.left = true;
      sp.width = -sp.width;
    }
  }
  if (sp.precision == FMT_PRINTF_STAR) {
    if (!mod_star(m, &sp.precision)) return false;
    if (sp.precision < 0) sp.precision = 0;
  }
  Value v;
  if (!mod_next_arg(m, &v)) return false;
  if (sp.conv == '%') {
    vm_raise(vm.e_ValueError, "unsupported format character '%%' (0x25) at index %zu",
             fmt_utf8_len(f, *pos - 1));
    return false;
  }
  return mod_convert(out, v, &sp, err);
}

Value lib_str_mod(Value fmtv, Value args) {
  ObjString *fmt = AS_STR(fmtv);
  ModArgs m = {args, -1, -2, UNDEF_VAL, 0};
  if (IS_TUPLE(args)) {
    m.arglen = AS_TUPLE(args)->len;
    m.argidx = 0;
  } else if (is_mapping(args) && !IS_STR(args)) {
    m.dict = args;
  }
  FmtBuf out = FMT_BUF_INIT, err = FMT_BUF_INIT;
  const char *f = fmt->chars;
  size_t pos = 0;
  bool ok = true;
  while (ok && pos < fmt->len) {
    const char *pct = memchr(f + pos, '%', fmt->len - pos);
    size_t lit_end = pct ? (size_t)(pct - f) : fmt->len;
    fmt_buf_append(&out, f + pos, lit_end - pos);
    pos = lit_end;
    if (pos < fmt->len) {
      pos++;
      ok = mod_one(&out, fmt, &pos, &m, &err);
    }
  }
  gc_pop_roots(m.nroots);
  if (ok && m.argidx < m.arglen && IS_UNDEF(m.dict)) {
    vm_raise(vm.e_TypeError, "not all arguments converted during string formatting");
    ok = false;
  }
  fmt_buf_free(&err);
  if (!ok) {
    fmt_buf_free(&out);
    return UNDEF_VAL;
  }
  return buf_str(&out);
}

/* ===================================================================== */
/* str.format                                                            */
/* ===================================================================== */

typedef enum { AUTO_INIT, AUTO_AUTO, AUTO_MANUAL } AutoState;

typedef struct {
  const Value *args;
  uint32_t nargs;
  bool have_args; /* false for format_map: positional fields are an error */
  Value kwargs;   /* dict or mapping; UNDEF when none */
  AutoState auto_state;
  int64_t auto_next;
} FormatCtx;

/* A span [start, end) of bytes in the format string. */
typedef struct {
  const char *s;
  size_t start, end;
} Span;

static Value span_str(Span sp) {
  return new_str(sp.s + sp.start, sp.end - sp.start);
}

/* The span as a non-negative integer (digits only), -1 if it is not one,
 * -2 with an error pending on overflow. */
static int64_t span_integer(Span sp) {
  if (sp.start >= sp.end) return -1;
  int64_t acc = 0;
  size_t pos = sp.start;
  while (pos < sp.end) {
    int d = fmt_unicode_decimal(fmt_utf8_next(sp.s, sp.end, &pos));
    if (d < 0) return -1;
    if (acc > (INT64_MAX - d) / 10) {
      vm_raise(vm.e_ValueError, "Too many decimal digits in format string");
      return -2;
    }
    acc = acc * 10 + d;
  }
  return acc;
}

/* Parse one replacement field after '{' (at *pos): field name, conversion
 * and format spec, as CPython's parse_field. */
typedef struct {
  Span name, spec;
  uint32_t conversion; /* 0: none */
  bool spec_nested;    /* the spec contains '{' and needs expanding */
} Field;

static bool parse_field(const char *s, size_t n, size_t *pos, Field *fd) {
  size_t i = *pos;
  char c = 0;
  fd->conversion = 0;
  fd->spec_nested = false;
  fd->name = (Span){s, i, i};
  fd->spec = (Span){s, 0, 0};
  while (i < n) {
    c = s[i++];
    if (c == '{') {
      vm_raise(vm.e_ValueError, "unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      while (i < n && s[i] != ']') i++;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  fd->name.end = i - 1;
  if (c == '!' || c == ':') {
    if (c == '!') {
      if (i >= n) {
        vm_raise(vm.e_ValueError, "end of string while looking for conversion specifier");
        return false;
      }
      fd->conversion = fmt_utf8_next(s, n, &i);
      if (i < n) {
        c = s[i++];
        if (c == '}') {
          *pos = i;
          return true;
        }
        if (c != ':') {
          vm_raise(vm.e_ValueError, "expected ':' after conversion specifier");
          return false;
        }
      }
    }
    fd->spec.start = i;
    int depth = 1;
    while (i < n) {
      c = s[i++];
      if (c == '{') {
        fd->spec_nested = true;
        depth++;
      } else if (c == '}' && --depth == 0) {
        fd->spec.end = i - 1;
        *pos = i;
        return true;
      }
    }
    vm_raise(vm.e_ValueError, "unmatched '{' in format spec");
    return false;
  }
  if (c != '}') {
    vm_raise(vm.e_ValueError, "expected '}' before end of string");
    return false;
  }
  *pos = i;
  return true;
}

/* The object a field name's first part names: args[i] or kwargs[name]. */
static Value field_first(FormatCtx *ctx, Span first) {
  int64_t idx = span_integer(first);
  if (idx == -2) return UNDEF_VAL;
  bool empty = first.start >= first.end;
  if (empty || idx >= 0) {
    if (ctx->auto_state == AUTO_INIT) ctx->auto_state = empty ? AUTO_AUTO : AUTO_MANUAL;
    if (ctx->auto_state == AUTO_MANUAL && empty)
      return vm_raise(vm.e_ValueError, "cannot switch from manual field specification to "
                                       "automatic field numbering");
    if (ctx->auto_state == AUTO_AUTO && !empty)
      return vm_raise(vm.e_ValueError, "cannot switch from automatic field numbering to "
                                       "manual field specification");
    if (empty) idx = ctx->auto_next++;
    if (!ctx->have_args)
      return vm_raise(vm.e_ValueError, "Format string contains positional fields");
    if (idx >= (int64_t)ctx->nargs)
      return vm_raise(vm.e_IndexError,
                      "Replacement index %lld out of range for positional args tuple",
                      (long long)idx);
    return ctx->args[idx];
  }
  Value key = span_str(first);
  if (IS_UNDEF(key)) return key;
  gc_push_root(key);
  Value v = IS_UNDEF(ctx->kwargs) ? vm_raise_value(vm_new_exception(vm.e_KeyError, 1, &key))
                                  : vm_getitem(ctx->kwargs, key);
  gc_pop_roots(1);
  return v;
}

/* One ".attr" or "[key]" step of a field name, from *pos. */
static Value field_step(Value obj, Span name, size_t *pos) {
  const char *s = name.s;
  char c = s[(*pos)++];
  size_t start = *pos;
  bool attr = c == '.';
  if (c != '.' && c != '[')
    return vm_raise(vm.e_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
  if (attr) {
    while (*pos < name.end && s[*pos] != '.' && s[*pos] != '[') (*pos)++;
  } else {
    while (*pos < name.end && s[*pos] != ']') (*pos)++;
    if (*pos >= name.end) return vm_raise(vm.e_ValueError, "Missing ']' in format string");
  }
  Span part = {s, start, *pos};
  if (!attr) (*pos)++;
  if (part.start == part.end) return vm_raise(vm.e_ValueError, "Empty attribute in format string");
  if (attr) {
    ObjString *nm = str_intern(s + part.start, part.end - part.start);
    gc_push_root(OBJ_VAL(nm));
    Value r = vm_getattr(obj, nm);
    gc_pop_roots(1);
    return r;
  }
  int64_t idx = span_integer(part);
  if (idx == -2) return UNDEF_VAL;
  if (idx >= 0) return vm_getitem(obj, INT_VAL(idx));
  Value key = span_str(part);
  if (IS_UNDEF(key)) return key;
  gc_push_root(key);
  Value r = vm_getitem(obj, key);
  gc_pop_roots(1);
  return r;
}

/* Resolve a whole field name to its object. */
static Value field_object(FormatCtx *ctx, Span name) {
  size_t i = name.start;
  while (i < name.end && name.s[i] != '.' && name.s[i] != '[') i++;
  Value obj = field_first(ctx, (Span){name.s, name.start, i});
  while (!IS_UNDEF(obj) && i < name.end) {
    gc_push_root(obj);
    Value next = field_step(obj, name, &i);
    gc_pop_roots(1);
    obj = next;
  }
  return obj;
}

static ObjString *convert_field(Value obj, uint32_t conversion) {
  switch (conversion) {
  case 'r': return vm_repr(obj);
  case 's': return vm_str(obj);
  case 'a': return ops_ascii(obj);
  default: break;
  }
  if (conversion > 32 && conversion < 127)
    vm_raise(vm.e_ValueError, "Unknown conversion specifier %c", (char)conversion);
  else
    vm_raise(vm.e_ValueError, "Unknown conversion specifier \\x%x", (unsigned)conversion);
  return NULL;
}

static bool build_format(FmtBuf *out, FormatCtx *ctx, Span text, int depth);

/* Render one field into out. */
static bool render_field(FmtBuf *out, FormatCtx *ctx, const Field *fd, int depth) {
  Value obj = field_object(ctx, fd->name);
  if (IS_UNDEF(obj)) return false;
  gc_push_root(obj);
  bool ok = true;
  if (fd->conversion) {
    ObjString *c = convert_field(obj, fd->conversion);
    ok = c != NULL;
    if (ok) {
      obj = OBJ_VAL(c);
      gc_pop_roots(1);
      gc_push_root(obj);
    }
  }
  ObjString *spec = NULL;
  if (ok && fd->spec_nested) {
    FmtBuf sb = FMT_BUF_INIT;
    ok = build_format(&sb, ctx, fd->spec, depth - 1);
    if (ok) {
      Value sv = buf_str(&sb);
      ok = !IS_UNDEF(sv);
      if (ok) spec = AS_STR(sv);
    } else {
      fmt_buf_free(&sb);
    }
  } else if (ok && fd->spec.end > fd->spec.start) {
    Value sv = span_str(fd->spec);
    ok = !IS_UNDEF(sv);
    if (ok) spec = AS_STR(sv);
  }
  if (ok) {
    if (spec) gc_push_root(OBJ_VAL(spec));
    ObjString *r = vm_format(obj, spec);
    if (spec) gc_pop_roots(1);
    ok = r != NULL && buf_room(out, r->len);
    if (ok) fmt_buf_append(out, r->chars, r->len);
  }
  gc_pop_roots(1);
  return ok;
}

/* CPython's build_string + MarkupIterator: literal text with {{ }} escapes
 * and replacement fields; depth limits nesting in format specs. */
static bool build_format(FmtBuf *out, FormatCtx *ctx, Span text, int depth) {
  if (depth <= 0) {
    vm_raise(vm.e_ValueError, "Max string recursion exceeded");
    return false;
  }
  const char *s = text.s;
  size_t i = text.start, n = text.end;
  while (i < n) {
    size_t lit = i;
    char c = 0;
    while (i < n) {
      c = s[i++];
      if (c == '{' || c == '}') break;
      c = 0;
    }
    bool at_end = i >= n;
    size_t lit_end = c ? i - 1 : i;
    if (c == '}' && (at_end || s[i] != '}')) {
      vm_raise(vm.e_ValueError, "Single '}' encountered in format string");
      return false;
    }
    if (c == '{' && at_end) {
      vm_raise(vm.e_ValueError, "Single '{' encountered in format string");
      return false;
    }
    bool markup = c != 0;
    if (markup && s[i] == c) {
      /* {{ or }}: the brace itself is literal text. */
      i++;
      lit_end++;
      markup = false;
    }
    fmt_buf_append(out, s + lit, lit_end - lit);
    if (!markup) continue;
    Field fd;
    if (!parse_field(s, n, &i, &fd)) return false;
    if (!render_field(out, ctx, &fd, depth)) return false;
  }
  return true;
}

static Value format_with(ObjString *fmt, const Value *args, uint32_t nargs, bool have_args,
                         Value mapping) {
  FormatCtx ctx = {args, nargs, have_args, mapping, AUTO_INIT, 0};
  FmtBuf out = FMT_BUF_INIT;
  if (!build_format(&out, &ctx, (Span){fmt->chars, 0, fmt->len}, 2)) {
    fmt_buf_free(&out);
    return UNDEF_VAL;
  }
  return buf_str(&out);
}

Value lib_str_format(ObjString *fmt, int argc, Value *argv, ObjTuple *kwnames) {
  int nkw = nkwargs(kwnames), npos = argc - nkw;
  Value kwargs = UNDEF_VAL;
  if (nkw > 0) {
    ObjDict *d = dict_new();
    kwargs = OBJ_VAL(d);
    gc_push_root(kwargs);
    for (int k = 0; k < nkw; k++) dict_set_str(d, AS_STR(kwnames->items[k]), argv[npos + k]);
  }
  Value r = format_with(fmt, argv, (uint32_t)npos, true, kwargs);
  if (nkw > 0) gc_pop_roots(1);
  return r;
}

/* ===================================================================== */
/* init                                                                  */
/* ===================================================================== */

typedef struct {
  const char *name;
  NativeFn fn;
} MethodDef;

static const MethodDef str_methods[] = {
    {"capitalize", str_capitalize},
    {"casefold", str_casefold},
    {"center", str_center},
    {"count", str_count},
    {"encode", str_encode},
    {"endswith", str_endswith},
    {"expandtabs", str_expandtabs},
    {"find", str_find},
    {"format", str_format_method},
    {"format_map", str_format_map},
    {"index", str_index},
    {"isalnum", str_isalnum},
    {"isalpha", str_isalpha},
    {"isascii", str_isascii},
    {"isdecimal", str_isdecimal},
    {"isdigit", str_isdigit},
    {"isidentifier", str_isidentifier},
    {"islower", str_islower},
    {"isnumeric", str_isnumeric},
    {"isprintable", str_isprintable},
    {"isspace", str_isspace},
    {"istitle", str_istitle},
    {"isupper", str_isupper},
    {"join", str_join},
    {"ljust", str_ljust},
    {"lower", str_lower},
    {"lstrip", str_lstrip},
    {"partition", str_partition},
    {"removeprefix", str_removeprefix},
    {"removesuffix", str_removesuffix},
    {"replace", str_replace},
    {"rfind", str_rfind},
    {"rindex", str_rindex},
    {"rjust", str_rjust},
    {"rpartition", str_rpartition},
    {"rsplit", str_rsplit},
    {"rstrip", str_rstrip},
    {"split", str_split},
    {"splitlines", str_splitlines},
    {"startswith", str_startswith},
    {"strip", str_strip},
    {"swapcase", str_swapcase},
    {"title", str_title},
    {"translate", str_translate},
    {"upper", str_upper},
    {"zfill", str_zfill},
    {"__len__", str_len},
    {"__contains__", str_contains},
    {"__getitem__", str_getitem},
    {"__add__", str_add},
    {"__mul__", str_mul},
    {"__rmul__", str_rmul},
    {"__mod__", str_mod},
    {"__rmod__", str_rmod},
    {"__eq__", str_cmp_eq},
    {"__ne__", str_cmp_ne},
    {"__lt__", str_cmp_lt},
    {"__le__", str_cmp_le},
    {"__gt__", str_cmp_gt},
    {"__ge__", str_cmp_ge},
    {"__hash__", str_hash_m},
    {"__iter__", str_iter},
    {"__format__", str_dunder_format},
    {"__repr__", str_repr},
    {"__str__", str_str},
};

void lib_str_init(void) {
  ObjClass *c = vm.t_str;
  c->ctor = str_ctor;
  for (size_t i = 0; i < ASY_ARRAY_LEN(str_methods); i++)
    lib_def_method(c, str_methods[i].name, str_methods[i].fn);
  ObjNative *n = native_new("maketrans", str_maketrans);
  gc_push_root(OBJ_VAL(n));
  ObjWrapper *w = wrapper_new(WRAP_STATICMETHOD, OBJ_VAL(n));
  gc_push_root(OBJ_VAL(w));
  dict_set_str(c->dict, str_intern_cstr("maketrans"), OBJ_VAL(w));
  gc_pop_roots(2);
}
