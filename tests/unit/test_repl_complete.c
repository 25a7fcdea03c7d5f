/* test_repl_complete.c — the REPL's pure text rules (cli/complete.c).
 *
 * The "classify" expectations are what CPython 3.11's codeop said
 * (codeop.compile_command(src, "<stdin>", "single"): None = incomplete)
 * for the same lines joined by '\n', as code.InteractiveConsole joins them.
 * Where asy differs on purpose the test says why. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../cli/repl.h"

typedef struct {
  const char *src;
  ReplInputKind want;
} Case;

#define C REPL_INPUT_COMPLETE
#define I REPL_INPUT_INCOMPLETE
#define E REPL_INPUT_ERROR

static const Case codeop_cases[] = {
    {"x = 1", C},
    {"1 + 2", C},
    {"", C},
    {"   ", C},
    {"# comment", C},
    {"import asyncio", C},
    {"x = 1; y = 2", C},
    /* block openers continue; the empty line (a final '\n') ends them */
    {"if x:", I},
    {"if x:\n    y = 1", I},
    {"if x:\n    y = 1\n", C},
    {"def f():", I},
    {"def f():\n    return 1", I},
    {"def f():\n    return 1\n", C},
    {"def f():\n  return 1\n  ", I},
    {"class C:", I},
    {"class C:\n    pass\n", C},
    {"for i in range(3):", I},
    {"while True:", I},
    {"while True: pass", I},
    {"while True: pass\n", C},
    {"if x: y", I},
    {"if x: y\n", C},
    {"try:", I},
    {"try:\n    x\nexcept E:\n    y", I},
    {"try:\n    x\nexcept E:\n    y\n", C},
    {"with a as b:", I},
    {"if x:\n    pass\nelse:", I},
    {"if x:\n    pass\nelse:\n    pass\n", C},
    {"if True:\n    if False:", I},
    {"if True:\n    if False:\n        pass\n", C},
    {"if 1:\n  x = 1\n\n", C},
    {"@dec", I},
    {"@dec\ndef f(): pass\n", C},
    {"async def f():", I},
    {"async def f():\n    await x\n", C},
    {"async with a:", I},
    {"async for x in y:", I},
    /* open brackets, strings and backslashes continue */
    {"foo(", I},
    {"foo(1,", I},
    {"foo(1,\n2)", C},
    {"[1, 2,", I},
    {"{'a':", I},
    {"(", I},
    {"x = (1 +", I},
    {"x = [\n", I},
    {"print('a'", I},
    {"'''abc", I},
    {"'''abc\ndef", I},
    {"'''abc\ndef'''", C},
    {"\"\"\"", I},
    {"x = 1 \\", I},
    {"x = 1 \\\n+ 2", C},
    /* errors no further line can fix */
    {"1 +", E},
    {"1 +* 2", E},
    {"x = (1 +* 2)", E},
    {")", E},
    {"def f(:", E},
    {"if x:\nfoo()", E},
    {"lambda:", E},
    {"x = ", E},
    {"f'{x'", E},
    {"del", E},
    {"'abc", E},
    {"x = 'abc", E},
    {"\tif x:", E},
    {" x = 1", E},
};

Test(classify, codeop) {
  for (size_t i = 0; i < sizeof codeop_cases / sizeof codeop_cases[0]; i++) {
    const Case *c = &codeop_cases[i];
    ReplInputKind got = repl_classify(c->src, strlen(c->src));
    cr_expect_eq(got, c->want, "classify(%s): got %d, want %d", c->src, got, c->want);
  }
}

Test(classify, asy_differences) {
  /* Top-level await is the REPL's point (codeop without the flag: error). */
  cr_expect_eq(repl_classify("await asyncio.sleep(1)", 22), C);
  /* 'return'/'break' outside a function are compile-time errors, which the
   * compiler reports once the input runs; the parser sees them complete. */
  cr_expect_eq(repl_classify("return 5", 8), C);
  cr_expect_eq(repl_classify("break", 5), C);
  /* match is not part of asy: an error at once, not a block to continue. */
  cr_expect_eq(repl_classify("match x:", 8), E);
}

Test(classify, not_nul_terminated) {
  const char buf[] = "x = (1 +FOO";
  cr_expect_eq(repl_classify(buf, 8), I); /* only "x = (1 +" */
}

Test(blank, spaces_and_tabs) {
  cr_expect(repl_is_blank("", 0));
  cr_expect(repl_is_blank(" \t ", 3));
  cr_expect_not(repl_is_blank("  x", 3));
  cr_expect(repl_is_blank("  x", 2));
}

static size_t word_at_end(const char *s) {
  return repl_word_start(s, strlen(s));
}

Test(word, dotted_names) {
  cr_expect_eq(word_at_end("pri"), 0);
  cr_expect_eq(word_at_end("x = asyncio.sl"), 4);
  cr_expect_eq(word_at_end("print(t.get_"), 6);
  cr_expect_eq(word_at_end("a.b.c"), 0);
  cr_expect_eq(word_at_end("f(x, "), 5);
  cr_expect_eq(word_at_end(""), 0);
  cr_expect_eq(word_at_end("(1).re"), 4);         /* after ")": ".re" is not a name */
  cr_expect_eq(word_at_end("x = café"), 4);       /* non-ASCII identifiers */
  cr_expect_eq(repl_word_start("abc def", 3), 0); /* the word before the cursor */
}

Test(prefix, common) {
  char *a[] = {"asyncio.Queue(", "asyncio.QueueEmpty(", "asyncio.QueueFull("};
  cr_expect_eq(repl_common_prefix(a, 3), strlen("asyncio.Queue"));
  char *one[] = {"print("};
  cr_expect_eq(repl_common_prefix(one, 1), 6);
  cr_expect_eq(repl_common_prefix(NULL, 0), 0);
  char *none[] = {"abc", "xyz"};
  cr_expect_eq(repl_common_prefix(none, 2), 0);
  /* "é" is C3 A9 and "è" C3 A8: the shared C3 must not be kept alone. */
  char *utf[] = {"caf\xc3\xa9", "caf\xc3\xa8"};
  cr_expect_eq(repl_common_prefix(utf, 2), 3);
}

Test(keywords, suffix) {
  cr_expect_str_eq(repl_keyword_suffix("import"), " ");
  cr_expect_str_eq(repl_keyword_suffix("await"), " ");
  cr_expect_str_eq(repl_keyword_suffix("pass"), "");
  cr_expect_str_eq(repl_keyword_suffix("None"), "");
  cr_expect_str_eq(repl_keyword_suffix("else"), ":");
  cr_expect_str_eq(repl_keyword_suffix("try"), ":");
  int n = 0;
  for (int i = 0; repl_keywords[i]; i++) n++;
  cr_expect_eq(n, 35); /* keyword.kwlist of 3.11 */
}

Test(layout, rows_and_columns) {
  cr_expect_eq(repl_rows_above(4, 10, 80), 0);
  cr_expect_eq(repl_rows_above(4, 76, 80), 1); /* the cursor wrapped to row 2 */
  cr_expect_eq(repl_rows_above(4, 75, 80), 0);
  cr_expect_eq(repl_rows_above(4, 200, 80), 2);
  cr_expect_eq(repl_rows_above(4, 10, 0), 0);
  cr_expect_eq(repl_text_cols("caf\xc3\xa9", 5), 4);
  cr_expect_eq(repl_text_cols(">>> ", 4), 4);
}

Test(command, split) {
  char name[16];
  const char *arg = repl_split_command(":dis  main ", name, sizeof name);
  cr_expect_str_eq(name, "dis");
  cr_expect_str_eq(arg, "main ");
  arg = repl_split_command("  :tasks", name, sizeof name);
  cr_expect_str_eq(name, "tasks");
  cr_expect_str_eq(arg, "");
  arg = repl_split_command(":averyveryverylongname x", name, 8);
  cr_expect_str_eq(name, "averyve");
  cr_expect_str_eq(arg, "x");
}

Test(columns, layout) {
  char *items[] = {"alpha", "beta", "gamma", "delta", "epsilon"};
  char buf[256] = {0};
  FILE *f = fmemopen(buf, sizeof buf, "w");
  repl_print_columns(f, items, 5, 30);
  fclose(f);
  /* width 30, columns 9 wide ("epsilon" + 2): 3 columns, filled downwards. */
  cr_expect_str_eq(buf, "alpha    gamma    epsilon\nbeta     delta\n");
}
