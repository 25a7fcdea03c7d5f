/* suggest.c — "Did you mean" for NameError and AttributeError, with the
 * same distance, limits and candidate order as CPython 3.11, so that asy
 * suggests exactly what CPython would. */
#include "suggest.h"

#include "ops.h"
#include "../lib/lib.h"

#define MAX_CANDIDATES 750 /* a longer list is not searched at all */
#define MAX_STRING_SIZE 40 /* bytes left after trimming, beyond which nothing matches */

/* A case flip (same low five bits, letters) costs less than a change. */
static size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return SUGGEST_MOVE_COST;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a = (char)(a + ('a' - 'A'));
  if (b >= 'A' && b <= 'Z') b = (char)(b + ('a' - 'A'));
  return a == b ? SUGGEST_CASE_COST : SUGGEST_MOVE_COST;
}

size_t suggest_distance(const char *a, size_t alen, const char *b, size_t blen, size_t max_cost) {
  /* A shared prefix or suffix costs nothing and would only slow the table. */
  while (alen && blen && a[0] == b[0]) a++, b++, alen--, blen--;
  while (alen && blen && a[alen - 1] == b[blen - 1]) alen--, blen--;
  if (alen == 0 || blen == 0) return (alen + blen) * SUGGEST_MOVE_COST;
  if (alen > MAX_STRING_SIZE || blen > MAX_STRING_SIZE) return max_cost + 1;
  if (blen < alen) {
    const char *t = a;
    a = b, b = t;
    size_t n = alen;
    alen = blen, blen = n;
  }
  if ((blen - alen) * SUGGEST_MOVE_COST > max_cost) return max_cost + 1;
  /* One row of the table, updated in place: row[i] is the cost between
   * the part of b read so far and a[:i+1]. */
  size_t row[MAX_STRING_SIZE];
  for (size_t i = 0; i < alen; i++) row[i] = (i + 1) * SUGGEST_MOVE_COST;
  size_t cur = 0;
  for (size_t j = 0; j < blen; j++) {
    size_t diag = j * SUGGEST_MOVE_COST; /* b[:j] against a[:i] */
    cur = diag + SUGGEST_MOVE_COST;      /* b[:j+1] against a[:i] */
    size_t least = SIZE_MAX;
    for (size_t i = 0; i < alen; i++) {
      size_t up = row[i];
      size_t sub = diag + substitution_cost(b[j], a[i]);
      size_t move = (up < cur ? up : cur) + SUGGEST_MOVE_COST;
      cur = sub < move ? sub : move;
      row[i] = cur;
      diag = up;
      if (cur < least) least = cur;
    }
    /* CPython gives up when a whole row (its first column aside) is too
     * expensive; doing the same keeps the answers identical. */
    if (least > max_cost) return max_cost + 1;
  }
  return cur;
}

/* The best candidate so far; the first of equally close ones wins. */
typedef struct {
  const char *name;
  size_t len;
  const char *best; /* NULL: none yet */
  size_t best_len, best_cost;
} Search;

static void consider(Search *s, const char *cand, size_t len) {
  if (len == s->len && memcmp(cand, s->name, len) == 0) return;
  /* No more than a third of the characters may change. */
  size_t max = (s->len + len + 3) * SUGGEST_MOVE_COST / 6;
  if (s->best && s->best_cost - 1 < max) max = s->best_cost - 1;
  size_t d = suggest_distance(s->name, s->len, cand, len, max);
  if (d > max) return;
  s->best = cand;
  s->best_len = len;
  s->best_cost = d;
}

static void consider_value(Search *s, Value v) {
  if (IS_STR(v)) consider(s, AS_STR(v)->chars, AS_STR(v)->len);
}

/* The keys of a namespace, in insertion order as list(d) gives them. */
static void search_keys(Search *s, ObjDict *d) {
  if (!d || d->len >= MAX_CANDIDATES) return;
  uint32_t pos = 0;
  DictEntry *e;
  while (dict_next(d, &pos, &e)) consider_value(s, e->key);
}

/* CPython 3.11's builtins in the order its builtins dict holds them.
 * NameError searches these rather than asy's own builtins, which are
 * fewer and in another order: ties go to the first, so the order decides
 * as often as the names do. */
// clang-format off
static const char *const cpython_builtins[] = {
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__build_class__",
    "__import__",
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "breakpoint",
    "callable",
    "chr",
    "compile",
    "delattr",
    "dir",
    "divmod",
    "eval",
    "exec",
    "format",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "isinstance",
    "issubclass",
    "iter",
    "aiter",
    "len",
    "locals",
    "max",
    "min",
    "next",
    "anext",
    "oct",
    "ord",
    "pow",
    "print",
    "repr",
    "round",
    "setattr",
    "sorted",
    "sum",
    "vars",
    "None",
    "Ellipsis",
    "NotImplemented",
    "False",
    "True",
    "bool",
    "memoryview",
    "bytearray",
    "bytes",
    "classmethod",
    "complex",
    "dict",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "property",
    "int",
    "list",
    "map",
    "object",
    "range",
    "reversed",
    "set",
    "slice",
    "staticmethod",
    "str",
    "super",
    "tuple",
    "type",
    "zip",
    "__debug__",
    "BaseException",
    "BaseExceptionGroup",
    "Exception",
    "GeneratorExit",
    "KeyboardInterrupt",
    "SystemExit",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BufferError",
    "EOFError",
    "ImportError",
    "LookupError",
    "MemoryError",
    "NameError",
    "OSError",
    "ReferenceError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SystemError",
    "TypeError",
    "ValueError",
    "Warning",
    "FloatingPointError",
    "OverflowError",
    "ZeroDivisionError",
    "BytesWarning",
    "DeprecationWarning",
    "EncodingWarning",
    "FutureWarning",
    "ImportWarning",
    "PendingDeprecationWarning",
    "ResourceWarning",
    "RuntimeWarning",
    "SyntaxWarning",
    "UnicodeWarning",
    "UserWarning",
    "BlockingIOError",
    "ChildProcessError",
    "ConnectionError",
    "FileExistsError",
    "FileNotFoundError",
    "InterruptedError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PermissionError",
    "ProcessLookupError",
    "TimeoutError",
    "IndentationError",
    "IndexError",
    "KeyError",
    "ModuleNotFoundError",
    "NotImplementedError",
    "RecursionError",
    "UnboundLocalError",
    "UnicodeError",
    "BrokenPipeError",
    "ConnectionAbortedError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "TabError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
    "ExceptionGroup",
    "EnvironmentError",
    "IOError",
    "open",
    "quit",
    "exit",
    "copyright",
    "credits",
    "license",
    "help",
};
// clang-format on

static void search_builtins(Search *s) {
  for (size_t i = 0; i < ASY_ARRAY_LEN(cpython_builtins); i++)
    consider(s, cpython_builtins[i], strlen(cpython_builtins[i]));
}

/* CPython 3.11 looks in the innermost traceback frame: its code's local
 * variable names (co_varnames order), then its globals, then builtins; the
 * first of these lists with a match decides. */
static ObjString *for_name_error(ObjException *e) {
  if (e->ntb == 0) return NULL;
  const TbEntry *inner = &e->tb[0]; /* entries are added as frames unwind */
  Search s = {AS_STR(e->name)->chars, AS_STR(e->name)->len, NULL, 0, 0};
  ObjCode *code = inner->code;
  if (code->nlocals < MAX_CANDIDATES) {
    for (uint32_t i = 0; i < code->nlocals; i++) consider_value(&s, OBJ_VAL(code->varnames[i]));
  }
  if (!s.best) search_keys(&s, inner->globals);
  if (!s.best) search_builtins(&s);
  return s.best ? str_new(s.best, s.best_len) : NULL;
}

/* CPython 3.11 searches dir(obj), sorted. */
static ObjString *for_attribute_error(ObjException *e) {
  if (IS_UNDEF(e->obj)) return NULL;
  Value names = lib_dir(e->obj);
  if (!IS_LIST(names) || AS_LIST(names)->len >= MAX_CANDIDATES) return NULL;
  Search s = {AS_STR(e->name)->chars, AS_STR(e->name)->len, NULL, 0, 0};
  for (uint32_t i = 0; i < AS_LIST(names)->len; i++) consider_value(&s, AS_LIST(names)->items[i]);
  if (!s.best) return NULL;
  gc_push_root(names); /* s.best points into one of its strings */
  ObjString *r = str_new(s.best, s.best_len);
  gc_pop_roots(1);
  return r;
}

ObjString *suggest_for_exception(Value exc) {
  if (!IS_EXCEPTION(exc)) return NULL;
  ObjException *e = AS_EXCEPTION(exc);
  ObjClass *cls = vm_class_of(exc);
  /* Exactly these classes: UnboundLocalError and subclasses get none. */
  if ((cls != vm.e_NameError && cls != vm.e_AttributeError) || !IS_STR(e->name)) return NULL;
  Value saved = vm.exc;
  vm.exc = UNDEF_VAL;
  gc_push_root(exc);
  ObjString *r = cls == vm.e_NameError ? for_name_error(e) : for_attribute_error(e);
  gc_pop_roots(1);
  vm.exc = saved;
  return r;
}
