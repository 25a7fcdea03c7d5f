/* Unit tests for vm/suggest.c: the edit distance behind "Did you mean".
 *
 * Every expected value was computed by CPython 3.11's own implementation,
 * reached through ctypes:
 *   f = ctypes.pythonapi._Py_UTF8_Edit_Cost
 *   f.restype = ctypes.c_ssize_t
 *   f.argtypes = [ctypes.py_object, ctypes.py_object, ctypes.c_ssize_t]
 *   f(a, b, max_cost)
 * A value above max_cost only means "too far": CPython returns max_cost + 1
 * when it gives up early, and so must asy for the suggestions to agree. */
#include <criterion/criterion.h>
#include <string.h>

#include "vm/suggest.h"

typedef struct {
  const char *a, *b;
  size_t max_cost, expected;
} Case;

static const Case cases[] = {
    {"lenght", "length", 4, 4}, /* a transposition is two substitutions */
    {"apend", "append", 3, 2},  /* one insertion */
    {"true", "True", 2, 1},     /* a case flip costs half */
    {"Upper", "upper", 3, 1},
    {"ABC", "abc", 100, 3},
    {"sleeep", "sleep", 3, 2},
    {"a", "b", 100, 2},
    {"ab", "ba", 100, 4},
    {"abc", "xyz", 100, 6},
    {"kitten", "sitting", 100, 6},
    {"totl", "total", 3, 2},
    {"dealy", "delay", 100, 4},
    {"zzqx", "zqx", 0, 2},           /* only a suffix/prefix left: no early give-up */
    {"abcdef", "a", 3, 10},          /* likewise, even far above max_cost */
    {"abcdefgh", "xy", 3, 4},        /* lengths too different: max_cost + 1 */
    {"caf\xc3\xa9", "cafe", 100, 4}, /* bytes, not characters: é is two */
};

Test(suggest, distances_match_cpython) {
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const Case *c = &cases[i];
    size_t d = suggest_distance(c->a, strlen(c->a), c->b, strlen(c->b), c->max_cost);
    cr_expect_eq(d, c->expected, "distance(%s, %s, %zu) = %zu, CPython says %zu", c->a, c->b,
                 c->max_cost, d, c->expected);
  }
}

Test(suggest, symmetric) {
  const char *a = "getattr", *b = "setattr";
  cr_expect_eq(suggest_distance(a, 7, b, 7, 100), suggest_distance(b, 7, a, 7, 100));
}

Test(suggest, long_strings_never_match) {
  /* 41 bytes differ after trimming: past MAX_STRING_SIZE, so max_cost + 1. */
  char a[42], b[42];
  memset(a, 'A', 41);
  memset(b, 'B', 41);
  a[41] = b[41] = '\0';
  cr_expect_eq(suggest_distance(a, 41, b, 41, 1000), 1001);
  /* A shared prefix of any length is trimmed first and costs nothing. */
  char c[60], d[60];
  memset(c, 'x', 59);
  memset(d, 'x', 59);
  c[58] = 'a', d[58] = 'b';
  c[59] = d[59] = '\0';
  cr_expect_eq(suggest_distance(c, 59, d, 59, 100), 2);
}

Test(suggest, gives_up_above_max_cost) {
  size_t d = suggest_distance("abcdef", 6, "uvwxyz", 6, 3);
  cr_expect_gt(d, 3);
}
