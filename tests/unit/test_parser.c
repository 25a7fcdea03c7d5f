/* test_parser.c — parse_source: trees, positions and syntax errors.
 *
 * The expectations of the "stmt", "expr", "strings", "fstring", "pos" and
 * "err" suites were produced by CPython 3.11 (python3: ast.parse, compile)
 * and rendered in ast_dump's format; error columns are 0-based bytes. The
 * "asy", "source", "limits", "modes" and "ast" suites test what asy does
 * on its own terms (64-bit ints, no bytes or complex, nesting limits). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

static Node *parse_n(Arena *a, const char *src, size_t len, ParseMode mode, SyntaxErr *err) {
  return parse_source(a, src, len, mode, err);
}

/* Parse src and compare its dump; non-fatal, so a table goes on. */
static void expect_tree_in(const char *src, ParseMode mode, bool positions, const char *want) {
  Arena a = {0};
  SyntaxErr err;
  Node *n = parse_n(&a, src, strlen(src), mode, &err);
  cr_expect_not_null(n, "parse failed: %s at %d:%d for:\n%s", err.msg, err.line, err.col, src);
  if (n) {
    char *got;
    ast_dump_ex(n, positions, &got, NULL);
    cr_expect_str_eq(got, want, "for source:\n%s", src);
    free(got);
  }
  arena_free(&a);
}

static void expect_tree(const char *src, const char *want) {
  expect_tree_in(src, PARSE_FILE, false, want);
}

static void expect_eval(const char *src, const char *want) {
  expect_tree_in(src, PARSE_EVAL, false, want);
}

static void expect_positions(const char *src, const char *want) {
  expect_tree_in(src, PARSE_FILE, true, want);
}

static SyntaxErr parse_err_n(const char *src, size_t len, ParseMode mode) {
  Arena a = {0};
  SyntaxErr err;
  Node *n = parse_n(&a, src, len, mode, &err);
  cr_assert_null(n, "expected a syntax error for:\n%.200s", src);
  arena_free(&a);
  return err;
}

static void expect_error_in(const char *name, const char *src, ParseMode mode, const char *kind,
                            const char *msg, int line, int col) {
  Arena a = {0};
  SyntaxErr err;
  Node *n = parse_n(&a, src, strlen(src), mode, &err);
  arena_free(&a);
  cr_expect_null(n, "%s: expected a syntax error for:\n%.200s", name, src);
  if (n) return;
  cr_expect_str_eq(err.kind, kind, "%s: for source:\n%.200s", name, src);
  cr_expect_str_eq(err.msg, msg, "%s: for source:\n%.200s", name, src);
  cr_expect_eq(err.line, line, "%s: line %d, want %d", name, err.line, line);
  cr_expect_eq(err.col, col, "%s: col %d, want %d", name, err.col, col);
}

static void expect_error(const char *src, const char *kind, const char *msg, int line, int col) {
  expect_error_in("error", src, PARSE_FILE, kind, msg, line, col);
}

static void expect_error_eval(const char *src, const char *kind, const char *msg, int line,
                              int col) {
  expect_error_in("error", src, PARSE_EVAL, kind, msg, line, col);
}

/* A source and the tree CPython gives it (in ast_dump's format). */
typedef struct {
  const char *name;
  ParseMode mode;
  const char *src, *tree;
} TreeCase;

/* A source and the syntax error CPython reports for it. */
typedef struct {
  const char *name;
  ParseMode mode;
  const char *src, *kind, *msg;
  int line, col;
} ErrorCase;

static void check_trees(const TreeCase *cases, size_t n, bool positions) {
  for (size_t i = 0; i < n; i++)
    expect_tree_in(cases[i].src, cases[i].mode, positions, cases[i].tree);
}

static void check_errors(const ErrorCase *cases, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const ErrorCase *c = &cases[i];
    expect_error_in(c->name, c->src, c->mode, c->kind, c->msg, c->line, c->col);
  }
}

static char *repeat(const char *piece, int n, const char *tail) {
  size_t a = strlen(piece), b = strlen(tail);
  char *s = malloc(a * (size_t)n + b + 1);
  for (int i = 0; i < n; i++) memcpy(s + a * (size_t)i, piece, a);
  memcpy(s + a * (size_t)n, tail, b + 1);
  return s;
}

/* ------------------------------------------------------ generated (CPython) */

static const TreeCase stmt_tree[] = {
    {"assign", PARSE_FILE, "x = 1\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=Constant(value=1))])"},
    {"assign_chain", PARSE_FILE, "a = b = c = 0\n",
     "Module(body=[Assign(targets=[Name(id='a'), Name(id='b'), Name(id='c')], "
     "value=Constant(value=0))])"},
    {"assign_tuple_unpack", PARSE_FILE, "a, b = b, a\n",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a'), Name(id='b')])], "
     "value=Tuple(elts=[Name(id='b'), Name(id='a')]))])"},
    {"assign_starred_target", PARSE_FILE, "first, *rest = items\n",
     "Module(body=[Assign(targets=[Tuple(elts=[Name(id='first'), "
     "Starred(value=Name(id='rest'))])], value=Name(id='items'))])"},
    {"assign_nested_targets", PARSE_FILE, "(a, b), [c, *d] = x\n",
     "Module(body=[Assign(targets=[Tuple(elts=[Tuple(elts=[Name(id='a'), Name(id='b')]), "
     "List(elts=[Name(id='c'), Starred(value=Name(id='d'))])])], value=Name(id='x'))])"},
    {"assign_attr_subscript", PARSE_FILE, "self.x[i] = obj.y = 2\n",
     "Module(body=[Assign(targets=[Subscript(value=Attribute(value=Name(id='self'), "
     "attr='x'), slice=Name(id='i')), Attribute(value=Name(id='obj'), attr='y')], "
     "value=Constant(value=2))])"},
    {"assign_yield", PARSE_FILE, "def g():\n    x = yield v\n",
     "Module(body=[FunctionDef(name='g', args=arguments(), "
     "body=[Assign(targets=[Name(id='x')], value=Yield(value=Name(id='v')))])])"},
    {"augassign_all_ops", PARSE_FILE,
     "a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1; a **= 1\na @= 1; a &= 1; a |= 1; a "
     "^= 1; a <<= 1; a >>= 1\n",
     "Module(body=[AugAssign(target=Name(id='a'), op=Add(), value=Constant(value=1)), "
     "AugAssign(target=Name(id='a'), op=Sub(), value=Constant(value=1)), "
     "AugAssign(target=Name(id='a'), op=Mult(), value=Constant(value=1)), "
     "AugAssign(target=Name(id='a'), op=Div(), value=Constant(value=1)), "
     "AugAssign(target=Name(id='a'), op=FloorDiv(), value=Constant(value=1)), "
     "AugAssign(target=Name(id='a'), op=Mod(), value=Constant(value=1)), "
     "AugAssign(target=Name(id='a'), op=Pow(), value=Constant(value=1)), "
     "AugAssign(target=Name(id='a'), op=MatMult(), value=Constant(value=1)), "
     "AugAssign(target=Name(id='a'), op=BitAnd(), value=Constant(value=1)), "
     "AugAssign(target=Name(id='a'), op=BitOr(), value=Constant(value=1)), "
     "AugAssign(target=Name(id='a'), op=BitXor(), value=Constant(value=1)), "
     "AugAssign(target=Name(id='a'), op=LShift(), value=Constant(value=1)), "
     "AugAssign(target=Name(id='a'), op=RShift(), value=Constant(value=1))])"},
    {"annassign", PARSE_FILE, "x: int = 1\ny: list[int]\n(z): str = \"s\"\nobj.attr: float = 0.5\n",
     "Module(body=[AnnAssign(target=Name(id='x'), annotation=Name(id='int'), "
     "value=Constant(value=1), simple=1), AnnAssign(target=Name(id='y'), "
     "annotation=Subscript(value=Name(id='list'), slice=Name(id='int')), simple=1), "
     "AnnAssign(target=Name(id='z'), annotation=Name(id='str'), "
     "value=Constant(value='s'), simple=0), "
     "AnnAssign(target=Attribute(value=Name(id='obj'), attr='attr'), "
     "annotation=Name(id='float'), value=Constant(value=0.5), simple=0)])"},
    {"expr_statement_and_docstring", PARSE_FILE, "\"\"\"doc\"\"\"\nf()\n",
     "Module(body=[Expr(value=Constant(value='doc')), Expr(value=Call(func=Name(id='f')))])"},
    {"pass_break_continue", PARSE_FILE, "while True:\n    pass\n    break\n    continue\n",
     "Module(body=[While(test=Constant(value=True), body=[Pass(), Break(), Continue()])])"},
    {"return_forms", PARSE_FILE,
     "def f():\n    return\n    return 1\n    return 1, 2\n    return *a, b\n",
     "Module(body=[FunctionDef(name='f', args=arguments(), body=[Return(), "
     "Return(value=Constant(value=1)), Return(value=Tuple(elts=[Constant(value=1), "
     "Constant(value=2)])), Return(value=Tuple(elts=[Starred(value=Name(id='a')), "
     "Name(id='b')]))])])"},
    {"del_forms", PARSE_FILE, "del a\ndel a, b[0], c.d\ndel (e, f), [g]\n",
     "Module(body=[Delete(targets=[Name(id='a')]), Delete(targets=[Name(id='a'), "
     "Subscript(value=Name(id='b'), slice=Constant(value=0)), "
     "Attribute(value=Name(id='c'), attr='d')]), "
     "Delete(targets=[Tuple(elts=[Name(id='e'), Name(id='f')]), "
     "List(elts=[Name(id='g')])])])"},
    {"global_nonlocal", PARSE_FILE, "def f():\n    global a, b\n    def g():\n        nonlocal c\n",
     "Module(body=[FunctionDef(name='f', args=arguments(), body=[Global(names=['a', "
     "'b']), FunctionDef(name='g', args=arguments(), body=[Nonlocal(names=['c'])])])])"},
    {"import_forms", PARSE_FILE, "import a\nimport a.b.c as d, e\n",
     "Module(body=[Import(names=[alias(name='a')]), Import(names=[alias(name='a.b.c', "
     "asname='d'), alias(name='e')])])"},
    {"import_from_forms", PARSE_FILE,
     "from a import b\nfrom a.b import (c as d, "
     "e,)\nfrom . import f\nfrom ..g import *\nfrom ... import h\n",
     "Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=0), "
     "ImportFrom(module='a.b', names=[alias(name='c', asname='d'), alias(name='e')], "
     "level=0), ImportFrom(names=[alias(name='f')], level=1), ImportFrom(module='g', "
     "names=[alias(name='*')], level=2), ImportFrom(names=[alias(name='h')], level=3)])"},
    {"if_elif_else", PARSE_FILE,
     "if a:\n    x = 1\nelif b:\n    x = 2\nelif c:\n    x = 3\nelse:\n    x = 4\n",
     "Module(body=[If(test=Name(id='a'), body=[Assign(targets=[Name(id='x')], "
     "value=Constant(value=1))], orelse=[If(test=Name(id='b'), "
     "body=[Assign(targets=[Name(id='x')], value=Constant(value=2))], "
     "orelse=[If(test=Name(id='c'), body=[Assign(targets=[Name(id='x')], "
     "value=Constant(value=3))], orelse=[Assign(targets=[Name(id='x')], "
     "value=Constant(value=4))])])])])"},
    {"while_else", PARSE_FILE, "while x > 0:\n    x -= 1\nelse:\n    done()\n",
     "Module(body=[While(test=Compare(left=Name(id='x'), ops=[Gt()], "
     "comparators=[Constant(value=0)]), body=[AugAssign(target=Name(id='x'), op=Sub(), "
     "value=Constant(value=1))], orelse=[Expr(value=Call(func=Name(id='done')))])])"},
    {"for_else", PARSE_FILE,
     "for i, v in enumerate(xs):\n    print(i)\nelse:\n    print(\"end\")\n",
     "Module(body=[For(target=Tuple(elts=[Name(id='i'), Name(id='v')]), "
     "iter=Call(func=Name(id='enumerate'), args=[Name(id='xs')]), "
     "body=[Expr(value=Call(func=Name(id='print'), args=[Name(id='i')]))], "
     "orelse=[Expr(value=Call(func=Name(id='print'), args=[Constant(value='end')]))])])"},
    {"try_all_clauses", PARSE_FILE,
     "try:\n    a()\nexcept ValueError as e:\n    b(e)\nexcept (TypeError, "
     "KeyError):\n    c()\nexcept:\n    d()\nelse:\n    e()\nfinally:\n    f()\n",
     "Module(body=[Try(body=[Expr(value=Call(func=Name(id='a')))], "
     "handlers=[ExceptHandler(type=Name(id='ValueError'), name='e', "
     "body=[Expr(value=Call(func=Name(id='b'), args=[Name(id='e')]))]), "
     "ExceptHandler(type=Tuple(elts=[Name(id='TypeError'), Name(id='KeyError')]), "
     "body=[Expr(value=Call(func=Name(id='c')))]), "
     "ExceptHandler(body=[Expr(value=Call(func=Name(id='d')))])], "
     "orelse=[Expr(value=Call(func=Name(id='e')))], "
     "finalbody=[Expr(value=Call(func=Name(id='f')))])])"},
    {"try_finally", PARSE_FILE, "try:\n    a()\nfinally:\n    b()\n",
     "Module(body=[Try(body=[Expr(value=Call(func=Name(id='a')))], "
     "finalbody=[Expr(value=Call(func=Name(id='b')))])])"},
    {"raise_forms", PARSE_FILE, "raise\nraise E\nraise E(\"m\") from err\n",
     "Module(body=[Raise(), Raise(exc=Name(id='E')), Raise(exc=Call(func=Name(id='E'), "
     "args=[Constant(value='m')]), cause=Name(id='err'))])"},
    {"assert_forms", PARSE_FILE, "assert x\nassert x > 0, \"positive\"\n",
     "Module(body=[Assert(test=Name(id='x')), Assert(test=Compare(left=Name(id='x'), "
     "ops=[Gt()], comparators=[Constant(value=0)]), msg=Constant(value='positive'))])"},
    {"with_items", PARSE_FILE, "with open(a) as f, lock, open(b) as (x, y):\n    pass\n",
     "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open'), "
     "args=[Name(id='a')]), optional_vars=Name(id='f')), "
     "withitem(context_expr=Name(id='lock')), "
     "withitem(context_expr=Call(func=Name(id='open'), args=[Name(id='b')]), "
     "optional_vars=Tuple(elts=[Name(id='x'), Name(id='y')]))], body=[Pass()])])"},
    {"with_parenthesized_items", PARSE_FILE,
     "with (\n    open(a) as f,\n    open(b) as g,\n):\n    pass\n",
     "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open'), "
     "args=[Name(id='a')]), optional_vars=Name(id='f')), "
     "withitem(context_expr=Call(func=Name(id='open'), args=[Name(id='b')]), "
     "optional_vars=Name(id='g'))], body=[Pass()])])"},
    {"with_paren_tuple_is_items", PARSE_FILE, "with (a, b):\n    pass\n",
     "Module(body=[With(items=[withitem(context_expr=Name(id='a')), "
     "withitem(context_expr=Name(id='b'))], body=[Pass()])])"},
    {"with_paren_tuple_as", PARSE_FILE, "with (a, b) as c:\n    pass\n",
     "Module(body=[With(items=[withitem(context_expr=Tuple(elts=[Name(id='a'), "
     "Name(id='b')]), optional_vars=Name(id='c'))], body=[Pass()])])"},
    {"def_all_parameter_kinds", PARSE_FILE,
     "def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n    pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a'), "
     "arg(arg='b')], args=[arg(arg='c')], vararg=arg(arg='args'), "
     "kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=3)], "
     "kwarg=arg(arg='kw'), defaults=[Constant(value=1), Constant(value=2)]), "
     "body=[Pass()])])"},
    {"def_annotations", PARSE_FILE,
     "def f(x: int = 1, *a: str, **k: bool) -> list[int]:\n    return [x]\n",
     "Module(body=[FunctionDef(name='f', args=arguments(args=[arg(arg='x', "
     "annotation=Name(id='int'))], vararg=arg(arg='a', annotation=Name(id='str')), "
     "kwarg=arg(arg='k', annotation=Name(id='bool')), defaults=[Constant(value=1)]), "
     "body=[Return(value=List(elts=[Name(id='x')]))], "
     "returns=Subscript(value=Name(id='list'), slice=Name(id='int')))])"},
    {"def_keyword_only", PARSE_FILE, "def f(*, key, value=None):\n    pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(kwonlyargs=[arg(arg='key'), "
     "arg(arg='value')], kw_defaults=[None, Constant(value=None)]), body=[Pass()])])"},
    {"decorators", PARSE_FILE, "@dec\n@mod.dec(1)\n@(lambda f: f)\ndef f():\n    pass\n",
     "Module(body=[FunctionDef(name='f', args=arguments(), body=[Pass()], "
     "decorator_list=[Name(id='dec'), Call(func=Attribute(value=Name(id='mod'), "
     "attr='dec'), args=[Constant(value=1)]), Lambda(args=arguments(args=[arg(arg='f')]), "
     "body=Name(id='f'))])])"},
    {"async_def_for_with", PARSE_FILE,
     "async def main():\n    async for x in aiter():\n        await x\n    async with lock"
     " as l:\n        pass\n",
     "Module(body=[AsyncFunctionDef(name='main', args=arguments(), "
     "body=[AsyncFor(target=Name(id='x'), iter=Call(func=Name(id='aiter')), "
     "body=[Expr(value=Await(value=Name(id='x')))]), "
     "AsyncWith(items=[withitem(context_expr=Name(id='lock'), "
     "optional_vars=Name(id='l'))], body=[Pass()])])])"},
    {"decorated_async_def", PARSE_FILE, "@dec\nasync def f():\n    await g()\n",
     "Module(body=[AsyncFunctionDef(name='f', args=arguments(), "
     "body=[Expr(value=Await(value=Call(func=Name(id='g'))))], "
     "decorator_list=[Name(id='dec')])])"},
    {"class_bases_keywords", PARSE_FILE,
     "class C(Base, metaclass=Meta, **kw):\n    x = 1\n    def m(self):\n        return self.x\n",
     "Module(body=[ClassDef(name='C', bases=[Name(id='Base')], "
     "keywords=[keyword(arg='metaclass', value=Name(id='Meta')), "
     "keyword(value=Name(id='kw'))], body=[Assign(targets=[Name(id='x')], "
     "value=Constant(value=1)), FunctionDef(name='m', "
     "args=arguments(args=[arg(arg='self')]), "
     "body=[Return(value=Attribute(value=Name(id='self'), attr='x'))])])])"},
    {"class_decorated_empty_parens", PARSE_FILE, "@dataclass\nclass C():\n    pass\n",
     "Module(body=[ClassDef(name='C', body=[Pass()], decorator_list=[Name(id='dataclass')])])"},
    {"single_line_suites", PARSE_FILE, "if x: y = 1; z = 2\nwhile 0: pass\nfor i in r: print(i)\n",
     "Module(body=[If(test=Name(id='x'), body=[Assign(targets=[Name(id='y')], "
     "value=Constant(value=1)), Assign(targets=[Name(id='z')], "
     "value=Constant(value=2))]), While(test=Constant(value=0), body=[Pass()]), "
     "For(target=Name(id='i'), iter=Name(id='r'), "
     "body=[Expr(value=Call(func=Name(id='print'), args=[Name(id='i')]))])])"},
    {"semicolons", PARSE_FILE, "a = 1; b = 2;\nc = 3\n",
     "Module(body=[Assign(targets=[Name(id='a')], value=Constant(value=1)), "
     "Assign(targets=[Name(id='b')], value=Constant(value=2)), "
     "Assign(targets=[Name(id='c')], value=Constant(value=3))])"},
    {"yield_forms", PARSE_FILE,
     "def g():\n    yield\n    yield 1\n    yield 1, 2\n    yield from other()\n    x = yield\n",
     "Module(body=[FunctionDef(name='g', args=arguments(), body=[Expr(value=Yield()), "
     "Expr(value=Yield(value=Constant(value=1))), "
     "Expr(value=Yield(value=Tuple(elts=[Constant(value=1), Constant(value=2)]))), "
     "Expr(value=YieldFrom(value=Call(func=Name(id='other')))), "
     "Assign(targets=[Name(id='x')], value=Yield())])])"},
    {"blank_lines_and_comments", PARSE_FILE,
     "# header\n\nx = 1  # trailing\n\n    # indented comment\ny = 2\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=Constant(value=1)), "
     "Assign(targets=[Name(id='y')], value=Constant(value=2))])"},
    {"nested_blocks_dedent_many", PARSE_FILE,
     "def f():\n    for a in b:\n        if a:\n            return a\nx = 1\n",
     "Module(body=[FunctionDef(name='f', args=arguments(), body=[For(target=Name(id='a'), "
     "iter=Name(id='b'), body=[If(test=Name(id='a'), "
     "body=[Return(value=Name(id='a'))])])]), Assign(targets=[Name(id='x')], "
     "value=Constant(value=1))])"},
    {"line_continuation", PARSE_FILE, "x = 1 + \\\n    2\nif a and \\\n   b:\n    pass\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=BinOp(left=Constant(value=1), "
     "op=Add(), right=Constant(value=2))), If(test=BoolOp(op=And(), values=[Name(id='a'), "
     "Name(id='b')]), body=[Pass()])])"},
    {"implicit_joining", PARSE_FILE, "x = [\n    1,\n\n    2,  # two\n]\ncall(a,\n     b)\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=List(elts=[Constant(value=1), "
     "Constant(value=2)])), Expr(value=Call(func=Name(id='call'), args=[Name(id='a'), "
     "Name(id='b')]))])"},
    {"no_final_newline", PARSE_FILE, "x = 1\nif x:\n    y = 2",
     "Module(body=[Assign(targets=[Name(id='x')], value=Constant(value=1)), "
     "If(test=Name(id='x'), body=[Assign(targets=[Name(id='y')], "
     "value=Constant(value=2))])])"},
    {"tabs_indentation", PARSE_FILE, "if x:\n\ty = 1\n\tif y:\n\t\tz = 2\n",
     "Module(body=[If(test=Name(id='x'), body=[Assign(targets=[Name(id='y')], "
     "value=Constant(value=1)), If(test=Name(id='y'), "
     "body=[Assign(targets=[Name(id='z')], value=Constant(value=2))])])])"},
};

Test(stmt, trees) {
  check_trees(stmt_tree, sizeof stmt_tree / sizeof stmt_tree[0], false);
}

static const TreeCase expr_tree[] = {
    {"precedence_arith", PARSE_FILE, "x = 1 + 2 * 3 - 4 / 5 // 6 % 7 @ m\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=BinOp(left=BinOp(left=Constant(value=1), op=Add(), "
     "right=BinOp(left=Constant(value=2), op=Mult(), right=Constant(value=3))), op=Sub(), "
     "right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=4), op=Div(), "
     "right=Constant(value=5)), op=FloorDiv(), right=Constant(value=6)), op=Mod(), "
     "right=Constant(value=7)), op=MatMult(), right=Name(id='m'))))])"},
    {"precedence_power_unary", PARSE_FILE,
     "x = -2 ** 2\ny = (-2) ** 2\nz = 2 ** -1\nw = -x ** -y ** z\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=UnaryOp(op=USub(), "
     "operand=BinOp(left=Constant(value=2), op=Pow(), right=Constant(value=2)))), "
     "Assign(targets=[Name(id='y')], value=BinOp(left=UnaryOp(op=USub(), "
     "operand=Constant(value=2)), op=Pow(), right=Constant(value=2))), "
     "Assign(targets=[Name(id='z')], value=BinOp(left=Constant(value=2), op=Pow(), "
     "right=UnaryOp(op=USub(), operand=Constant(value=1)))), "
     "Assign(targets=[Name(id='w')], value=UnaryOp(op=USub(), "
     "operand=BinOp(left=Name(id='x'), op=Pow(), right=UnaryOp(op=USub(), "
     "operand=BinOp(left=Name(id='y'), op=Pow(), right=Name(id='z'))))))])"},
    {"precedence_bitwise", PARSE_FILE, "x = a | b ^ c & d << e >> f + g\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=BinOp(left=Name(id='a'), "
     "op=BitOr(), right=BinOp(left=Name(id='b'), op=BitXor(), "
     "right=BinOp(left=Name(id='c'), op=BitAnd(), "
     "right=BinOp(left=BinOp(left=Name(id='d'), op=LShift(), right=Name(id='e')), "
     "op=RShift(), right=BinOp(left=Name(id='f'), op=Add(), right=Name(id='g')))))))])"},
    {"precedence_bool", PARSE_FILE, "x = not a and b or c and not d\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=BoolOp(op=Or(), "
     "values=[BoolOp(op=And(), values=[UnaryOp(op=Not(), operand=Name(id='a')), "
     "Name(id='b')]), BoolOp(op=And(), values=[Name(id='c'), UnaryOp(op=Not(), "
     "operand=Name(id='d'))])]))])"},
    {"precedence_lambda_ifexp", PARSE_FILE, "f = lambda x: x if x else y or z\n",
     "Module(body=[Assign(targets=[Name(id='f')], "
     "value=Lambda(args=arguments(args=[arg(arg='x')]), body=IfExp(test=Name(id='x'), "
     "body=Name(id='x'), orelse=BoolOp(op=Or(), values=[Name(id='y'), Name(id='z')]))))])"},
    {"power_right_assoc", PARSE_FILE, "x = a ** b ** c\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=BinOp(left=Name(id='a'), "
     "op=Pow(), right=BinOp(left=Name(id='b'), op=Pow(), right=Name(id='c'))))])"},
    {"await_binds_tighter_than_power", PARSE_FILE, "async def f():\n    return await a ** 2\n",
     "Module(body=[AsyncFunctionDef(name='f', args=arguments(), "
     "body=[Return(value=BinOp(left=Await(value=Name(id='a')), op=Pow(), "
     "right=Constant(value=2)))])])"},
    {"compare_chained", PARSE_FILE, "x = a < b <= c == d != e > f >= g\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=Compare(left=Name(id='a'), "
     "ops=[Lt(), LtE(), Eq(), NotEq(), Gt(), GtE()], comparators=[Name(id='b'), "
     "Name(id='c'), Name(id='d'), Name(id='e'), Name(id='f'), Name(id='g')]))])"},
    {"compare_in_is", PARSE_FILE, "x = a in b not in c is d is not e\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=Compare(left=Name(id='a'), "
     "ops=[In(), NotIn(), Is(), IsNot()], comparators=[Name(id='b'), Name(id='c'), "
     "Name(id='d'), Name(id='e')]))])"},
    {"compare_parenthesized_not_flattened", PARSE_FILE, "x = (a < b) < c\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=Compare(left=Compare(left=Name(id='a'), ops=[Lt()], "
     "comparators=[Name(id='b')]), ops=[Lt()], comparators=[Name(id='c')]))])"},
    {"boolop_flattened", PARSE_FILE, "x = a or b or c\ny = (a or b) or c\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=BoolOp(op=Or(), "
     "values=[Name(id='a'), Name(id='b'), Name(id='c')])), Assign(targets=[Name(id='y')], "
     "value=BoolOp(op=Or(), values=[BoolOp(op=Or(), values=[Name(id='a'), Name(id='b')]), "
     "Name(id='c')]))])"},
    {"ifexp_nested", PARSE_FILE, "x = a if b else c if d else e\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=IfExp(test=Name(id='b'), "
     "body=Name(id='a'), orelse=IfExp(test=Name(id='d'), body=Name(id='c'), "
     "orelse=Name(id='e'))))])"},
    {"lambda_all_params", PARSE_FILE, "f = lambda a, b=1, /, c=2, *d, e, f=3, **g: a\n",
     "Module(body=[Assign(targets=[Name(id='f')], "
     "value=Lambda(args=arguments(posonlyargs=[arg(arg='a'), arg(arg='b')], "
     "args=[arg(arg='c')], vararg=arg(arg='d'), kwonlyargs=[arg(arg='e'), arg(arg='f')], "
     "kw_defaults=[None, Constant(value=3)], kwarg=arg(arg='g'), "
     "defaults=[Constant(value=1), Constant(value=2)]), body=Name(id='a')))])"},
    {"lambda_no_params", PARSE_FILE, "f = lambda: 0\n",
     "Module(body=[Assign(targets=[Name(id='f')], value=Lambda(args=arguments(), "
     "body=Constant(value=0)))])"},
    {"call_args_kinds", PARSE_FILE, "f(a, *b, c, d=1, *e, **g, h=2)\n",
     "Module(body=[Expr(value=Call(func=Name(id='f'), args=[Name(id='a'), "
     "Starred(value=Name(id='b')), Name(id='c'), Starred(value=Name(id='e'))], "
     "keywords=[keyword(arg='d', value=Constant(value=1)), keyword(value=Name(id='g')), "
     "keyword(arg='h', value=Constant(value=2))]))])"},
    {"call_genexp_sole_argument", PARSE_FILE, "total = sum(x * x for x in range(10) if x % 2)\n",
     "Module(body=[Assign(targets=[Name(id='total')], value=Call(func=Name(id='sum'), "
     "args=[GeneratorExp(elt=BinOp(left=Name(id='x'), op=Mult(), right=Name(id='x')), "
     "generators=[comprehension(target=Name(id='x'), iter=Call(func=Name(id='range'), "
     "args=[Constant(value=10)]), ifs=[BinOp(left=Name(id='x'), op=Mod(), "
     "right=Constant(value=2))])])]))])"},
    {"call_chain_attr_subscript", PARSE_FILE, "x = a.b(c)[d].e(f)(g)\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=Call(func=Call(func=Attribute(value=Subscript(value=Call(func=Attribute(value="
     "Name(id='a'), attr='b'), args=[Name(id='c')]), slice=Name(id='d')), attr='e'), "
     "args=[Name(id='f')]), args=[Name(id='g')]))])"},
    {"subscript_slices", PARSE_FILE,
     "x = a[1:2, ::3]\ny = a[:]\nz = a[::]\nw = a[i,]\nv = a[1:2:3]\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=Subscript(value=Name(id='a'), "
     "slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), "
     "Slice(step=Constant(value=3))]))), Assign(targets=[Name(id='y')], "
     "value=Subscript(value=Name(id='a'), slice=Slice())), Assign(targets=[Name(id='z')], "
     "value=Subscript(value=Name(id='a'), slice=Slice())), Assign(targets=[Name(id='w')], "
     "value=Subscript(value=Name(id='a'), slice=Tuple(elts=[Name(id='i')]))), "
     "Assign(targets=[Name(id='v')], value=Subscript(value=Name(id='a'), "
     "slice=Slice(lower=Constant(value=1), upper=Constant(value=2), "
     "step=Constant(value=3))))])"},
    {"subscript_ellipsis_tuple", PARSE_FILE, "x = a[..., 0]\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=Subscript(value=Name(id='a'), "
     "slice=Tuple(elts=[Constant(value=Ellipsis), Constant(value=0)])))])"},
    {"subscript_starred", PARSE_FILE, "x = a[*b]\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=Subscript(value=Name(id='a'), "
     "slice=Tuple(elts=[Starred(value=Name(id='b'))])))])"},
    {"displays", PARSE_FILE,
     "x = [1, 2, *a]\ny = (1,)\nz = ()\nw = {1, *s}\nv = {}\nu = {\"k\": 1, **d}\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=List(elts=[Constant(value=1), "
     "Constant(value=2), Starred(value=Name(id='a'))])), Assign(targets=[Name(id='y')], "
     "value=Tuple(elts=[Constant(value=1)])), Assign(targets=[Name(id='z')], "
     "value=Tuple()), Assign(targets=[Name(id='w')], value=Set(elts=[Constant(value=1), "
     "Starred(value=Name(id='s'))])), Assign(targets=[Name(id='v')], value=Dict()), "
     "Assign(targets=[Name(id='u')], value=Dict(keys=[Constant(value='k'), None], "
     "values=[Constant(value=1), Name(id='d')]))])"},
    {"listcomp_multi", PARSE_FILE,
     "x = [i * j for i in range(3) if i for j in range(i) if j if j > 1]\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=ListComp(elt=BinOp(left=Name(id='i'), op=Mult(), right=Name(id='j')), "
     "generators=[comprehension(target=Name(id='i'), iter=Call(func=Name(id='range'), "
     "args=[Constant(value=3)]), ifs=[Name(id='i')]), comprehension(target=Name(id='j'), "
     "iter=Call(func=Name(id='range'), args=[Name(id='i')]), ifs=[Name(id='j'), "
     "Compare(left=Name(id='j'), ops=[Gt()], comparators=[Constant(value=1)])])]))])"},
    {"setcomp_dictcomp_genexp", PARSE_FILE,
     "a = {x for x in s}\nb = {k: v for k, v in d.items()}\nc = (y for y in z)\n",
     "Module(body=[Assign(targets=[Name(id='a')], value=SetComp(elt=Name(id='x'), "
     "generators=[comprehension(target=Name(id='x'), iter=Name(id='s'))])), "
     "Assign(targets=[Name(id='b')], value=DictComp(key=Name(id='k'), value=Name(id='v'), "
     "generators=[comprehension(target=Tuple(elts=[Name(id='k'), Name(id='v')]), "
     "iter=Call(func=Attribute(value=Name(id='d'), attr='items')))])), "
     "Assign(targets=[Name(id='c')], value=GeneratorExp(elt=Name(id='y'), "
     "generators=[comprehension(target=Name(id='y'), iter=Name(id='z'))]))])"},
    {"async_comprehension", PARSE_FILE,
     "async def f():\n    return [x async for x in aiter() if await p(x)]\n",
     "Module(body=[AsyncFunctionDef(name='f', args=arguments(), "
     "body=[Return(value=ListComp(elt=Name(id='x'), "
     "generators=[comprehension(target=Name(id='x'), iter=Call(func=Name(id='aiter')), "
     "ifs=[Await(value=Call(func=Name(id='p'), args=[Name(id='x')]))], is_async=1)]))])])"},
    {"walrus", PARSE_FILE,
     "if (n := len(a)) > 10:\n    print(n)\nwhile chunk := f.read():\n    pass\nxs = [y :="
     " 1, y ** 2]\n",
     "Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n'), "
     "value=Call(func=Name(id='len'), args=[Name(id='a')])), ops=[Gt()], "
     "comparators=[Constant(value=10)]), body=[Expr(value=Call(func=Name(id='print'), "
     "args=[Name(id='n')]))]), While(test=NamedExpr(target=Name(id='chunk'), "
     "value=Call(func=Attribute(value=Name(id='f'), attr='read'))), body=[Pass()]), "
     "Assign(targets=[Name(id='xs')], value=List(elts=[NamedExpr(target=Name(id='y'), "
     "value=Constant(value=1)), BinOp(left=Name(id='y'), op=Pow(), "
     "right=Constant(value=2))]))])"},
    {"walrus_in_comprehension", PARSE_FILE, "x = [j for i in r if (j := i * 2) > 3]\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=ListComp(elt=Name(id='j'), "
     "generators=[comprehension(target=Name(id='i'), iter=Name(id='r'), "
     "ifs=[Compare(left=NamedExpr(target=Name(id='j'), value=BinOp(left=Name(id='i'), "
     "op=Mult(), right=Constant(value=2))), ops=[Gt()], "
     "comparators=[Constant(value=3)])])]))])"},
    {"starred_in_expression_statement", PARSE_FILE, "print(*args, sep=\"\")\n*a, b = c\n",
     "Module(body=[Expr(value=Call(func=Name(id='print'), "
     "args=[Starred(value=Name(id='args'))], keywords=[keyword(arg='sep', "
     "value=Constant(value=''))])), Assign(targets=[Tuple(elts=[Starred(value=Name(id='a')"
     "), Name(id='b')])], value=Name(id='c'))])"},
    {"constants", PARSE_FILE, "x = (None, True, False, ..., 0, 1.5, \"s\")\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=Tuple(elts=[Constant(value=None), "
     "Constant(value=True), Constant(value=False), Constant(value=Ellipsis), "
     "Constant(value=0), Constant(value=1.5), Constant(value='s')]))])"},
    {"numbers", PARSE_FILE,
     "x = [0, 00, 1_000, 0xff, 0o17, 0b101, 0X_A, 1.5, 1., .5, 1e3, 1E-3, 1_0.0_1, 5e-324, "
     "1e309]\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=List(elts=[Constant(value=0), "
     "Constant(value=0), Constant(value=1000), Constant(value=255), Constant(value=15), "
     "Constant(value=5), Constant(value=10), Constant(value=1.5), Constant(value=1.0), "
     "Constant(value=0.5), Constant(value=1000.0), Constant(value=0.001), "
     "Constant(value=10.01), Constant(value=5e-324), Constant(value=inf)]))])"},
    {"int64_extremes", PARSE_FILE, "x = 9223372036854775807\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=Constant(value=9223372036854775807))])"},
    {"number_before_keyword", PARSE_FILE, "x = 1if y else 2\nz = [0x1for x in y]\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=IfExp(test=Name(id='y'), "
     "body=Constant(value=1), orelse=Constant(value=2))), Assign(targets=[Name(id='z')], "
     "value=List(elts=[BoolOp(op=Or(), values=[Constant(value=31), "
     "Compare(left=Name(id='x'), ops=[In()], comparators=[Name(id='y')])])]))])"},
    {"yield_parenthesized", PARSE_FILE, "def g():\n    f((yield))\n    x = (yield) + 1\n",
     "Module(body=[FunctionDef(name='g', args=arguments(), "
     "body=[Expr(value=Call(func=Name(id='f'), args=[Yield()])), "
     "Assign(targets=[Name(id='x')], value=BinOp(left=Yield(), op=Add(), "
     "right=Constant(value=1)))])])"},
    {"eval_simple", PARSE_EVAL, "1 + 2",
     "BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2))"},
    {"eval_tuple_and_newlines", PARSE_EVAL, "x, y\n\n", "Tuple(elts=[Name(id='x'), Name(id='y')])"},
    {"eval_lambda", PARSE_EVAL, "lambda x: x",
     "Lambda(args=arguments(args=[arg(arg='x')]), body=Name(id='x'))"},
};

Test(expr, trees) {
  check_trees(expr_tree, sizeof expr_tree / sizeof expr_tree[0], false);
}

static const TreeCase strings_tree[] = {
    {"quotes", PARSE_FILE,
     "a = 'single'\nb = \"double\"\nc = '''triple\nline'''\nd = \"\"\"more\"\"\"\n",
     "Module(body=[Assign(targets=[Name(id='a')], value=Constant(value='single')), "
     "Assign(targets=[Name(id='b')], value=Constant(value='double')), "
     "Assign(targets=[Name(id='c')], value=Constant(value='triple\\nline')), "
     "Assign(targets=[Name(id='d')], value=Constant(value='more'))])"},
    {"escapes", PARSE_FILE,
     "x = '\\n\\t\\r\\\\\\'\\\"\\a\\b\\f\\v\\0\\101\\x41\\u00e9\\U0001F600'\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=Constant(value='\\n\\t\\r\\\\\\'\"\\x07\\x08\\x0c\\x0b\\x00AAé😀'))])"},
    {"unknown_escape_kept", PARSE_FILE, "x = '\\d\\q'\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=Constant(value='\\\\d\\\\q'))])"},
    {"backslash_newline_in_string", PARSE_FILE, "x = 'a\\\nb'\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=Constant(value='ab'))])"},
    {"raw_strings", PARSE_FILE, "x = r'\\n\\d' + R\"\\x\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=BinOp(left=Constant(value='\\\\n\\\\d'), op=Add(), "
     "right=Constant(value='\\\\x')))])"},
    {"concatenation", PARSE_FILE, "x = 'a' \"b\" '''c'''\ny = ('x'\n     'y')\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=Constant(value='abc')), "
     "Assign(targets=[Name(id='y')], value=Constant(value='xy'))])"},
    {"u_prefix", PARSE_FILE, "x = u'abc' + U'd'\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=BinOp(left=Constant(value='abc'), "
     "op=Add(), right=Constant(value='d')))])"},
    {"non_ascii", PARSE_FILE, "x = 'héllo wörld €'\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=Constant(value='héllo wörld €'))])"},
    {"octal_escape_above_255", PARSE_FILE, "x = '\\777'\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=Constant(value='ǿ'))])"},
};

Test(strings, trees) {
  check_trees(strings_tree, sizeof strings_tree / sizeof strings_tree[0], false);
}

static const TreeCase fstring_tree[] = {
    {"simple", PARSE_FILE, "x = f\"hello {name}!\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[Constant(value='hello '), "
     "FormattedValue(value=Name(id='name')), Constant(value='!')]))])"},
    {"conversions", PARSE_FILE, "x = f\"{a!r} {b!s} {c!a}\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[FormattedValue(value=Name(id='a'), conversion=114), "
     "Constant(value=' '), FormattedValue(value=Name(id='b'), conversion=115), "
     "Constant(value=' '), FormattedValue(value=Name(id='c'), conversion=97)]))])"},
    {"format_specs", PARSE_FILE, "x = f\"{v:>10} {t:.2f} {n:,} {p:08.3f}\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[FormattedValue(value=Name(id='v'), "
     "format_spec=JoinedStr(values=[Constant(value='>10')])), Constant(value=' '), "
     "FormattedValue(value=Name(id='t'), "
     "format_spec=JoinedStr(values=[Constant(value='.2f')])), Constant(value=' '), "
     "FormattedValue(value=Name(id='n'), "
     "format_spec=JoinedStr(values=[Constant(value=',')])), Constant(value=' '), "
     "FormattedValue(value=Name(id='p'), "
     "format_spec=JoinedStr(values=[Constant(value='08.3f')]))]))])"},
    {"nested_spec_fields", PARSE_FILE, "x = f\"{x:>{width}} {y:{w}.{p}f}\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[FormattedValue(value=Name(id='x'), "
     "format_spec=JoinedStr(values=[Constant(value='>'), "
     "FormattedValue(value=Name(id='width'))])), Constant(value=' '), "
     "FormattedValue(value=Name(id='y'), "
     "format_spec=JoinedStr(values=[FormattedValue(value=Name(id='w')), "
     "Constant(value='.'), FormattedValue(value=Name(id='p')), Constant(value='f')]))]))])"},
    {"doubled_braces", PARSE_FILE, "x = f\"{{literal}} {v} }}{{\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[Constant(value='{literal} '), "
     "FormattedValue(value=Name(id='v')), Constant(value=' }{')]))])"},
    {"self_documenting", PARSE_FILE, "x = f\"{x=}\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x'), "
     "conversion=114)]))])"},
    {"self_documenting_spaces_conversion_spec", PARSE_FILE, "x = f\"{x = !r:>5}\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x'), "
     "conversion=114, format_spec=JoinedStr(values=[Constant(value='>5')]))]))])"},
    {"self_documenting_with_spec", PARSE_FILE, "x = f\"a{x=:5}b\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[Constant(value='ax='), FormattedValue(value=Name(id='x'), "
     "format_spec=JoinedStr(values=[Constant(value='5')])), Constant(value='b')]))])"},
    {"expressions_inside", PARSE_FILE,
     "x = f\"{a + b} {f(x)[0]} {'q' * 2} {[i for i in r]} {d['k']}\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[FormattedValue(value=BinOp(left=Name(id='a'), op=Add(), "
     "right=Name(id='b'))), Constant(value=' '), "
     "FormattedValue(value=Subscript(value=Call(func=Name(id='f'), args=[Name(id='x')]), "
     "slice=Constant(value=0))), Constant(value=' '), "
     "FormattedValue(value=BinOp(left=Constant(value='q'), op=Mult(), "
     "right=Constant(value=2))), Constant(value=' '), "
     "FormattedValue(value=ListComp(elt=Name(id='i'), "
     "generators=[comprehension(target=Name(id='i'), iter=Name(id='r'))])), "
     "Constant(value=' '), FormattedValue(value=Subscript(value=Name(id='d'), "
     "slice=Constant(value='k')))]))])"},
    {"concatenated_with_plain", PARSE_FILE, "x = 'a' f'{b}' 'c' f'd'\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b')), "
     "Constant(value='cd')]))])"},
    {"empty", PARSE_FILE, "x = f''\n",
     "Module(body=[Assign(targets=[Name(id='x')], value=JoinedStr())])"},
    {"raw_fstring", PARSE_FILE, "x = rf'\\d{x}\\n'\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[Constant(value='\\\\d'), "
     "FormattedValue(value=Name(id='x')), Constant(value='\\\\n')]))])"},
    {"triple_quoted_multiline", PARSE_FILE, "x = f\"\"\"\n{a +\n b}\n\"\"\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[Constant(value='\\n'), "
     "FormattedValue(value=BinOp(left=Name(id='a'), op=Add(), right=Name(id='b'))), "
     "Constant(value='\\n')]))])"},
    {"nested_fstring", PARSE_FILE, "x = f\"{f'{y}'}\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value="
     "Name(id='y'))]))]))])"},
    {"not_equal_and_compare", PARSE_FILE, "x = f\"{a != b} {a<b} {a >= b}\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='a'), "
     "ops=[NotEq()], comparators=[Name(id='b')])), Constant(value=' '), "
     "FormattedValue(value=Compare(left=Name(id='a'), ops=[Lt()], "
     "comparators=[Name(id='b')])), Constant(value=' '), "
     "FormattedValue(value=Compare(left=Name(id='a'), ops=[GtE()], "
     "comparators=[Name(id='b')]))]))])"},
    {"lambda_in_parens", PARSE_FILE, "x = f\"{(lambda: 1)()}\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[FormattedValue(value=Call(func=Lambda(args=arguments(), "
     "body=Constant(value=1))))]))])"},
    {"dict_in_field", PARSE_FILE, "x = f\"{ {1: 2}[1] }\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[FormattedValue(value=Subscript(value=Dict(keys=[Constant(val"
     "ue=1)], values=[Constant(value=2)]), slice=Constant(value=1)))]))])"},
    {"escapes_in_literal_part", PARSE_FILE, "x = f\"a\\tb{c}\\n\"\n",
     "Module(body=[Assign(targets=[Name(id='x')], "
     "value=JoinedStr(values=[Constant(value='a\\tb'), "
     "FormattedValue(value=Name(id='c')), Constant(value='\\n')]))])"},
};

Test(fstring, trees) {
  check_trees(fstring_tree, sizeof fstring_tree / sizeof fstring_tree[0], false);
}

static const TreeCase pos_pos[] = {
    {"binop_and_parens", PARSE_FILE, "x = (a + b) * -c\n",
     "Module(body=[Assign@1:0-1:16(targets=[Name@1:0-1:1(id='x')], "
     "value=BinOp@1:4-1:16(left=BinOp@1:5-1:10(left=Name@1:5-1:6(id='a'), op=Add(), "
     "right=Name@1:9-1:10(id='b')), op=Mult(), right=UnaryOp@1:14-1:16(op=USub(), "
     "operand=Name@1:15-1:16(id='c'))))])"},
    {"call_attr_subscript", PARSE_FILE, "y = obj.m(1, k=2)[3:4]\n",
     "Module(body=[Assign@1:0-1:22(targets=[Name@1:0-1:1(id='y')], "
     "value=Subscript@1:4-1:22(value=Call@1:4-1:17(func=Attribute@1:4-1:9(value=Name@1:4-1"
     ":7(id='obj'), attr='m'), args=[Constant@1:10-1:11(value=1)], "
     "keywords=[keyword@1:13-1:16(arg='k', value=Constant@1:15-1:16(value=2))]), "
     "slice=Slice@1:18-1:21(lower=Constant@1:18-1:19(value=3), "
     "upper=Constant@1:20-1:21(value=4))))])"},
    {"compound_statement_spans", PARSE_FILE,
     "def f(a: int = 1) -> str:\n    if a:\n        return \"s\"\n    else:\n        pass\n",
     "Module(body=[FunctionDef@1:0-5:12(name='f', "
     "args=arguments(args=[arg@1:6-1:12(arg='a', annotation=Name@1:9-1:12(id='int'))], "
     "defaults=[Constant@1:15-1:16(value=1)]), "
     "body=[If@2:4-5:12(test=Name@2:7-2:8(id='a'), "
     "body=[Return@3:8-3:18(value=Constant@3:15-3:18(value='s'))], "
     "orelse=[Pass@5:8-5:12()])], returns=Name@1:21-1:24(id='str'))])"},
    {"decorated_class", PARSE_FILE, "@dec\nclass C(B):\n    x: int = 0\n",
     "Module(body=[ClassDef@2:0-3:14(name='C', bases=[Name@2:8-2:9(id='B')], "
     "body=[AnnAssign@3:4-3:14(target=Name@3:4-3:5(id='x'), "
     "annotation=Name@3:7-3:10(id='int'), value=Constant@3:13-3:14(value=0), simple=1)], "
     "decorator_list=[Name@1:1-1:4(id='dec')])])"},
    {"tuple_unparenthesized_trailing_comma", PARSE_FILE, "a = 1, 2,\n",
     "Module(body=[Assign@1:0-1:9(targets=[Name@1:0-1:1(id='a')], "
     "value=Tuple@1:4-1:9(elts=[Constant@1:4-1:5(value=1), Constant@1:7-1:8(value=2)]))])"},
    {"multiline_string_concat", PARSE_FILE, "x = (\"one\"\n     \"two\")\n",
     "Module(body=[Assign@1:0-2:11(targets=[Name@1:0-1:1(id='x')], "
     "value=Constant@1:5-2:10(value='onetwo'))])"},
    {"genexp_as_sole_argument", PARSE_FILE, "f(x for x in y)\n",
     "Module(body=[Expr@1:0-1:15(value=Call@1:0-1:15(func=Name@1:0-1:1(id='f'), "
     "args=[GeneratorExp@1:1-1:15(elt=Name@1:2-1:3(id='x'), "
     "generators=[comprehension(target=Name@1:8-1:9(id='x'), "
     "iter=Name@1:13-1:14(id='y'))])]))])"},
    {"try_with_for", PARSE_FILE,
     "try:\n    with a as b:\n        for i in b: pass\nexcept E as e:\n    raise\n",
     "Module(body=[Try@1:0-5:9(body=[With@2:4-3:24(items=[withitem(context_expr=Name@2:9-2"
     ":10(id='a'), optional_vars=Name@2:14-2:15(id='b'))], "
     "body=[For@3:8-3:24(target=Name@3:12-3:13(id='i'), iter=Name@3:17-3:18(id='b'), "
     "body=[Pass@3:20-3:24()])])], handlers=[ExceptHandler@4:0-5:9(type=Name@4:7-4:8(id='E"
     "'), name='e', body=[Raise@5:4-5:9()])])])"},
    {"lambda_ifexp_compare", PARSE_FILE, "f = lambda x: x if 0 < x < 9 else None\n",
     "Module(body=[Assign@1:0-1:38(targets=[Name@1:0-1:1(id='f')], "
     "value=Lambda@1:4-1:38(args=arguments(args=[arg@1:11-1:12(arg='x')]), "
     "body=IfExp@1:14-1:38(test=Compare@1:19-1:28(left=Constant@1:19-1:20(value=0), "
     "ops=[Lt(), Lt()], comparators=[Name@1:23-1:24(id='x'), "
     "Constant@1:27-1:28(value=9)]), body=Name@1:14-1:15(id='x'), "
     "orelse=Constant@1:34-1:38(value=None))))])"},
    {"import_aliases", PARSE_FILE, "import a.b as c\nfrom d import (e, f as g)\n",
     "Module(body=[Import@1:0-1:15(names=[alias@1:7-1:15(name='a.b', asname='c')]), "
     "ImportFrom@2:0-2:25(module='d', names=[alias@2:15-2:16(name='e'), "
     "alias@2:18-2:24(name='f', asname='g')], level=0)])"},
    {"non_ascii_byte_columns", PARSE_FILE, "s = \"é\" + t\n",
     "Module(body=[Assign@1:0-1:12(targets=[Name@1:0-1:1(id='s')], "
     "value=BinOp@1:4-1:12(left=Constant@1:4-1:8(value='é'), op=Add(), "
     "right=Name@1:11-1:12(id='t')))])"},
    {"semicolon_ends_block", PARSE_FILE, "if x:\n    a = 1;\n",
     "Module(body=[If@1:0-2:10(test=Name@1:3-1:4(id='x'), "
     "body=[Assign@2:4-2:9(targets=[Name@2:4-2:5(id='a')], "
     "value=Constant@2:8-2:9(value=1))])])"},
};

Test(pos, positions) {
  check_trees(pos_pos, sizeof pos_pos / sizeof pos_pos[0], true);
}

static const ErrorCase err_error[] = {
    {"conformance_assign_to_call", PARSE_FILE, "print(\"this line must not run\")\nlen(x) = 3\n",
     "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 2,
     0},
    {"conformance_expected_indent_def", PARSE_FILE, "print(\"x\")\ndef f():\nreturn 1\n",
     "IndentationError", "expected an indented block after function definition on line 2", 3, 0},
    {"conformance_fstring_unclosed", PARSE_FILE, "name = \"x\"\nprint(f\"hello {name\")\n",
     "SyntaxError", "f-string: expecting '}'", 2, 20},
    {"conformance_leading_zero", PARSE_FILE, "x = 0755\n", "SyntaxError",
     "leading zeros in decimal integer literals are not permitted; use an 0o prefix for oc"
     "tal integers",
     1, 4},
    {"conformance_missing_colon_for", PARSE_FILE, "for i in range(3)\n    print(i)\n",
     "SyntaxError", "expected ':'", 1, 17},
    {"conformance_unclosed_paren", PARSE_FILE, "total = (1 + 2\nprint(total)\n", "SyntaxError",
     "'(' was never closed", 1, 8},
    {"conformance_unindent_mismatch", PARSE_FILE, "if True:\n        x = 1\n    y = 2\n",
     "IndentationError", "unindent does not match any outer indentation level", 3, 9},
    {"conformance_unterminated_triple", PARSE_FILE,
     "print(\"x\")\ndoc = \"\"\"starts here\nand never\nends\n", "SyntaxError",
     "unterminated triple-quoted string literal (detected at line 4)", 2, 6},
    {"invalid_syntax_generic", PARSE_FILE, "x = 1 2\n", "SyntaxError", "invalid syntax", 1, 6},
    {"invalid_syntax_at_newline", PARSE_FILE, "x = \n", "SyntaxError", "invalid syntax", 1, 4},
    {"invalid_syntax_dollar", PARSE_FILE, "a = 1\nb = $\n", "SyntaxError", "invalid syntax", 2, 4},
    {"invalid_syntax_else_alone", PARSE_FILE, "else:\n    pass\n", "SyntaxError", "invalid syntax",
     1, 0},
    {"invalid_syntax_walrus_statement", PARSE_FILE, "x := 1\n", "SyntaxError", "invalid syntax", 1,
     2},
    {"invalid_syntax_elif_after_else", PARSE_FILE,
     "if a:\n    pass\nelse:\n    pass\nelif b:\n    pass\n", "SyntaxError", "invalid syntax", 5,
     0},
    {"forgot_comma_list", PARSE_FILE, "x = [1, 2 3]\n", "SyntaxError",
     "invalid syntax. Perhaps you forgot a comma?", 1, 8},
    {"forgot_comma_call", PARSE_FILE, "f(a b)\n", "SyntaxError",
     "invalid syntax. Perhaps you forgot a comma?", 1, 2},
    {"forgot_comma_dict", PARSE_FILE, "x = {1: 2 3: 4}\n", "SyntaxError",
     "invalid syntax. Perhaps you forgot a comma?", 1, 8},
    {"expected_colon_if", PARSE_FILE, "if x\n    pass\n", "SyntaxError", "expected ':'", 1, 4},
    {"expected_colon_while", PARSE_FILE, "while x\n    pass\n", "SyntaxError", "expected ':'", 1,
     7},
    {"expected_colon_class", PARSE_FILE, "class C(Base)\n    pass\n", "SyntaxError", "expected ':'",
     1, 13},
    {"expected_colon_def", PARSE_FILE, "def f()\n    pass\n", "SyntaxError", "expected ':'", 1, 7},
    {"expected_colon_def_forced", PARSE_FILE, "def f() x:\n    pass\n", "SyntaxError",
     "expected ':'", 1, 8},
    {"expected_colon_try_forced", PARSE_FILE, "try x:\n    pass\n", "SyntaxError", "expected ':'",
     1, 4},
    {"expected_colon_else", PARSE_FILE, "if a:\n    pass\nelse\n    pass\n", "SyntaxError",
     "expected ':'", 3, 4},
    {"expected_colon_elif", PARSE_FILE, "if a:\n    pass\nelif b\n    pass\n", "SyntaxError",
     "expected ':'", 3, 6},
    {"expected_colon_except", PARSE_FILE, "try:\n    pass\nexcept ValueError as e\n    pass\n",
     "SyntaxError", "expected ':'", 3, 22},
    {"expected_colon_finally", PARSE_FILE, "try:\n    pass\nfinally\n    pass\n", "SyntaxError",
     "expected ':'", 3, 7},
    {"expected_colon_with", PARSE_FILE, "with open(f) as g\n    pass\n", "SyntaxError",
     "expected ':'", 1, 17},
    {"expected_colon_with_paren", PARSE_FILE, "with (a as b)\n    pass\n", "SyntaxError",
     "expected ':'", 1, 13},
    {"if_junk_is_invalid_syntax", PARSE_FILE, "if x y:\n    pass\n", "SyntaxError",
     "invalid syntax", 1, 5},
    {"lambda_missing_colon_invalid_syntax", PARSE_FILE, "f = lambda x\n", "SyntaxError",
     "invalid syntax", 1, 12},
    {"expected_paren_def", PARSE_FILE, "def f:\n    pass\n", "SyntaxError", "expected '('", 1, 5},
    {"expected_except_or_finally", PARSE_FILE, "try:\n    pass\nx = 1\n", "SyntaxError",
     "expected 'except' or 'finally' block", 3, 0},
    {"expected_except_or_finally_eof", PARSE_FILE, "try:\n    pass\n", "SyntaxError",
     "expected 'except' or 'finally' block", 2, 8},
    {"indent_after_if", PARSE_FILE, "if x:\npass\n", "IndentationError",
     "expected an indented block after 'if' statement on line 1", 2, 0},
    {"indent_after_elif", PARSE_FILE, "if x:\n    pass\nelif y:\npass\n", "IndentationError",
     "expected an indented block after 'elif' statement on line 3", 4, 0},
    {"indent_after_else", PARSE_FILE, "if x:\n    pass\nelse:\npass\n", "IndentationError",
     "expected an indented block after 'else' statement on line 3", 4, 0},
    {"indent_after_while", PARSE_FILE, "while x:\npass\n", "IndentationError",
     "expected an indented block after 'while' statement on line 1", 2, 0},
    {"indent_after_for", PARSE_FILE, "for x in y:\npass\n", "IndentationError",
     "expected an indented block after 'for' statement on line 1", 2, 0},
    {"indent_after_async_for", PARSE_FILE, "async def f():\n    async for x in y:\n    pass\n",
     "IndentationError", "expected an indented block after 'for' statement on line 2", 3, 4},
    {"indent_after_with", PARSE_FILE, "with x:\npass\n", "IndentationError",
     "expected an indented block after 'with' statement on line 1", 2, 0},
    {"indent_after_try", PARSE_FILE, "try:\npass\n", "IndentationError",
     "expected an indented block after 'try' statement on line 1", 2, 0},
    {"indent_after_except", PARSE_FILE, "try:\n    pass\nexcept:\npass\n", "IndentationError",
     "expected an indented block after 'except' statement on line 3", 4, 0},
    {"indent_after_finally", PARSE_FILE, "try:\n    pass\nfinally:\npass\n", "IndentationError",
     "expected an indented block after 'finally' statement on line 3", 4, 0},
    {"indent_after_class", PARSE_FILE, "class C:\npass\n", "IndentationError",
     "expected an indented block after class definition on line 1", 2, 0},
    {"indent_after_decorated_def", PARSE_FILE, "@dec\ndef f():\npass\n", "IndentationError",
     "expected an indented block after function definition on line 2", 3, 0},
    {"indent_at_eof", PARSE_FILE, "if x:\n", "IndentationError",
     "expected an indented block after 'if' statement on line 1", 1, 5},
    {"indent_at_eof_after_comment", PARSE_FILE, "if x:\n    # nothing\n", "IndentationError",
     "expected an indented block after 'if' statement on line 1", 2, 13},
    {"unexpected_indent", PARSE_FILE, "x = 1\n    y = 2\n", "IndentationError", "unexpected indent",
     2, 3},
    {"unexpected_indent_first_line", PARSE_FILE, "  x\n", "IndentationError", "unexpected indent",
     1, 1},
    {"unexpected_unindent", PARSE_FILE, "class A:\n  @dec\nx = 1\n", "IndentationError",
     "unexpected unindent", 3, 0},
    {"unindent_mismatch", PARSE_FILE, "if x:\n  y\n z\n", "IndentationError",
     "unindent does not match any outer indentation level", 3, 2},
    {"tab_error", PARSE_FILE, "if x:\n\tpass\n        y\n", "TabError",
     "inconsistent use of tabs and spaces in indentation", 3, 0},
    {"tab_error_mixed", PARSE_FILE, "if x:\n        a\n\ty\n", "TabError",
     "inconsistent use of tabs and spaces in indentation", 3, 0},
    {"never_closed_paren", PARSE_FILE, "x = (1,\n", "SyntaxError", "'(' was never closed", 1, 4},
    {"never_closed_bracket", PARSE_FILE, "x = [1, 2\n", "SyntaxError", "'[' was never closed", 1,
     4},
    {"never_closed_brace_later_line", PARSE_FILE, "x = {\n  1: 2\ny = 3\n", "SyntaxError",
     "'{' was never closed", 1, 4},
    {"unmatched_paren", PARSE_FILE, "x = )\n", "SyntaxError", "unmatched ')'", 1, 4},
    {"unmatched_bracket", PARSE_FILE, "x = 1]\n", "SyntaxError", "unmatched ']'", 1, 5},
    {"mismatched_bracket", PARSE_FILE, "x = (1]\n", "SyntaxError",
     "closing parenthesis ']' does not match opening parenthesis '('", 1, 6},
    {"mismatched_bracket_other_line", PARSE_FILE, "x = (1,\n2]\n", "SyntaxError",
     "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1},
    {"unterminated_string", PARSE_FILE, "x = \"abc\n", "SyntaxError",
     "unterminated string literal (detected at line 1)", 1, 4},
    {"unterminated_string_second_line", PARSE_FILE, "x = 1\ny = 'abc\n", "SyntaxError",
     "unterminated string literal (detected at line 2)", 2, 4},
    {"unterminated_triple_eof", PARSE_FILE, "x = '''abc", "SyntaxError",
     "unterminated triple-quoted string literal (detected at line 1)", 1, 4},
    {"unterminated_string_wins_over_parser_error", PARSE_FILE, "x = 1 2\ny = \"abc\n",
     "SyntaxError", "unterminated string literal (detected at line 2)", 2, 4},
    {"invalid_character", PARSE_FILE, "x = a€\n", "SyntaxError", "invalid character '€' (U+20AC)",
     1, 5},
    {"invalid_non_printable_nbsp", PARSE_FILE, "x =  1\n", "SyntaxError",
     "invalid non-printable character U+00A0", 1, 4},
    {"invalid_non_printable_control", PARSE_FILE,
     "x = 1 + \x01"
     "\n",
     "SyntaxError", "invalid non-printable character U+0001", 1, 8},
    {"invalid_character_wins_over_parser_error", PARSE_FILE, "x = 1 2\nz = 1 €\n", "SyntaxError",
     "invalid character '€' (U+20AC)", 2, 6},
    {"invalid_decimal_literal", PARSE_FILE, "x = 1abc\n", "SyntaxError", "invalid decimal literal",
     1, 4},
    {"invalid_decimal_trailing_underscore", PARSE_FILE, "x = 1_\n", "SyntaxError",
     "invalid decimal literal", 1, 5},
    {"invalid_decimal_double_underscore", PARSE_FILE, "x = 1__0\n", "SyntaxError",
     "invalid decimal literal", 1, 5},
    {"invalid_decimal_exponent", PARSE_FILE, "x = 1e+\n", "SyntaxError", "invalid decimal literal",
     1, 6},
    {"invalid_decimal_attribute", PARSE_FILE, "x = 1.real\n", "SyntaxError",
     "invalid decimal literal", 1, 5},
    {"invalid_hex", PARSE_FILE, "x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 5},
    {"invalid_hex_digit", PARSE_FILE, "x = 0x1g\n", "SyntaxError", "invalid hexadecimal literal", 1,
     6},
    {"invalid_octal_digit", PARSE_FILE, "x = 0o8\n", "SyntaxError",
     "invalid digit '8' in octal literal", 1, 6},
    {"invalid_binary_digit", PARSE_FILE, "x = 0b12\n", "SyntaxError",
     "invalid digit '2' in binary literal", 1, 7},
    {"line_continuation_junk", PARSE_FILE, "x = 1 \\ 2\n", "SyntaxError",
     "unexpected character after line continuation character", 1, 7},
    {"line_continuation_eof", PARSE_FILE, "x = 1 + \\\n", "SyntaxError",
     "unexpected EOF while parsing", 1, 9},
    {"too_many_nested_parens", PARSE_FILE,
     "x = (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
     "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
     "((((((((((((((((((((((((((((((((((((()))))))))))))))))))))))))))))))))))))))))))))))"
     "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
     "))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))\n",
     "SyntaxError", "too many nested parentheses", 1, 204},
    {"too_many_indentation_levels", PARSE_FILE,
     "if x:\n if x:\n  if x:\n   if x:\n    if x:\n     if x:\n      if x:\n       if x:\n"
     "        if x:\n         if x:\n          if x:\n           if x:\n            if x:\n"
     "             if x:\n              if x:\n               if x:\n                if x:"
     "\n                 if x:\n                  if x:\n                   if x:\n       "
     "             if x:\n                     if x:\n                      if x:\n       "
     "                if x:\n                        if x:\n                         if x:"
     "\n                          if x:\n                           if x:\n               "
     "             if x:\n                             if x:\n                            "
     "  if x:\n                               if x:\n                                if x:"
     "\n                                 if x:\n                                  if x:\n "
     "                                  if x:\n                                    if x:\n"
     "                                     if x:\n                                      if"
     " x:\n                                       if x:\n                                 "
     "       if x:\n                                         if x:\n                      "
     "                    if x:\n                                           if x:\n       "
     "                                     if x:\n                                        "
     "     if x:\n                                              if x:\n                   "
     "                            if x:\n                                                i"
     "f x:\n                                                 if x:\n                      "
     "                            if x:\n                                                 "
     "  if x:\n                                                    if x:\n                "
     "                                     if x:\n                                        "
     "              if x:\n                                                       if x:\n "
     "                                                       if x:\n                      "
     "                                   if x:\n                                          "
     "                if x:\n                                                           if"
     " x:\n                                                            if x:\n            "
     "                                                 if x:\n                            "
     "                                  if x:\n                                           "
     "                    if x:\n                                                         "
     "       if x:\n                                                                 if x:"
     "\n                                                                  if x:\n         "
     "                                                          if x:\n                   "
     "                                                 if x:\n                            "
     "                                         if x:\n                                    "
     "                                  if x:\n                                           "
     "                            if x:\n                                                 "
     "                       if x:\n                                                      "
     "                   if x:\n                                                          "
     "                if x:\n                                                             "
     "              if x:\n                                                               "
     "             if x:\n                                                                "
     "             if x:\n                                                                "
     "              if x:\n                                                               "
     "                if x:\n                                                             "
     "                   if x:\n                                                          "
     "                       if x:\n                                                      "
     "                            if x:\n                                                 "
     "                                  if x:\n                                           "
     "                                         if x:\n                                    "
     "                                                 if x:\n                            "
     "                                                          if x:\n                   "
     "                                                                    if x:\n         "
     "                                                                               if x:"
     "\n                                                                                  "
     "       if x:\n                                                                      "
     "                    if x:\n                                                         "
     "                                  if x:\n                                           "
     "                                                 if x:\n                            "
     "                                                                 if x:\n            "
     "                                                                                  if"
     " x:\n                                                                               "
     "                if x:\n                                                             "
     "                                   if x:\n                                          "
     "                                                       if x:\n                      "
     "                                                                            if x:\n "
     "                                                                                    "
     "              if x:\n                                                               "
     "                                     pass\n",
     "IndentationError", "too many levels of indentation", 101, 0},
    {"fstring_empty_expression", PARSE_FILE, "x = f\"{}\"\n", "SyntaxError",
     "f-string: empty expression not allowed", 1, 9},
    {"fstring_whitespace_expression", PARSE_FILE, "x = f\"{ }\"\n", "SyntaxError",
     "f-string: empty expression not allowed", 1, 10},
    {"fstring_single_close_brace", PARSE_FILE, "x = f\"}\"\n", "SyntaxError",
     "f-string: single '}' is not allowed", 1, 8},
    {"fstring_expecting_brace", PARSE_FILE, "x = f\"{a\"\n", "SyntaxError",
     "f-string: expecting '}'", 1, 9},
    {"fstring_expecting_brace_after_spec", PARSE_FILE, "x = f\"{a:\"\n", "SyntaxError",
     "f-string: expecting '}'", 1, 10},
    {"fstring_bad_conversion", PARSE_FILE, "x = f\"{a!x}\"\n", "SyntaxError",
     "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 12},
    {"fstring_missing_conversion", PARSE_FILE, "x = f\"{a!}\"\n", "SyntaxError",
     "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 11},
    {"fstring_nested_too_deeply", PARSE_FILE, "x = f\"{a:{b:{c}}}\"\n", "SyntaxError",
     "f-string: expressions nested too deeply", 1, 18},
    {"fstring_backslash_in_expression", PARSE_FILE, "x = f\"{'\\n'.join(a)}\"\n", "SyntaxError",
     "f-string expression part cannot include a backslash", 1, 21},
    {"fstring_hash_in_expression", PARSE_FILE, "x = f\"{a # c}\"\n", "SyntaxError",
     "f-string expression part cannot include '#'", 1, 14},
    {"fstring_expression_before_equal", PARSE_FILE, "x = f\"{=}\"\n", "SyntaxError",
     "f-string: expression required before '='", 1, 10},
    {"fstring_expression_before_bang", PARSE_FILE, "x = f\"{!r}\"\n", "SyntaxError",
     "f-string: expression required before '!'", 1, 11},
    {"fstring_unmatched_paren", PARSE_FILE, "x = f\"{a)}\"\n", "SyntaxError",
     "f-string: unmatched ')'", 1, 11},
    {"fstring_mismatched_paren", PARSE_FILE, "x = f\"{a[}\"\n", "SyntaxError",
     "f-string: closing parenthesis '}' does not match opening parenthesis '['", 1, 11},
    {"fstring_unterminated_inner_string", PARSE_FILE, "x = f'{\"a}'\n", "SyntaxError",
     "f-string: unterminated string", 1, 11},
    {"fstring_error_at_next_token", PARSE_FILE, "x = f\"{}\" + 1\n", "SyntaxError",
     "f-string: empty expression not allowed", 1, 10},
    {"string_truncated_x_escape", PARSE_FILE, "x = \"\\x4\"\n", "SyntaxError",
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated "
     "\\xXX escape",
     1, 9},
    {"string_truncated_u_escape", PARSE_FILE, "x = \"\\u12\"\n", "SyntaxError",
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated "
     "\\uXXXX escape",
     1, 10},
    {"string_illegal_unicode", PARSE_FILE, "x = \"\\U00110000\"\n", "SyntaxError",
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Un"
     "icode character",
     1, 16},
    {"string_malformed_N_escape", PARSE_FILE, "x = \"\\N\"\n", "SyntaxError",
     "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: malformed "
     "\\N character escape",
     1, 8},
    {"assign_to_literal", PARSE_FILE, "1 = x\n", "SyntaxError",
     "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 0},
    {"assign_to_true", PARSE_FILE, "True = 1\n", "SyntaxError", "cannot assign to True", 1, 0},
    {"assign_to_none", PARSE_FILE, "None = 1\n", "SyntaxError", "cannot assign to None", 1, 0},
    {"assign_to_expression", PARSE_FILE, "a + b = 1\n", "SyntaxError",
     "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 0},
    {"assign_to_comparison", PARSE_FILE, "a < b = 1\n", "SyntaxError",
     "cannot assign to comparison", 1, 0},
    {"assign_to_conditional", PARSE_FILE, "a if b else c = 1\n", "SyntaxError",
     "cannot assign to conditional expression", 1, 0},
    {"assign_to_lambda", PARSE_FILE, "lambda: 1 = 1\n", "SyntaxError", "cannot assign to lambda", 1,
     0},
    {"assign_to_call_in_chain", PARSE_FILE, "x = f() = 1\n", "SyntaxError",
     "cannot assign to function call", 1, 4},
    {"assign_to_call_in_tuple", PARSE_FILE, "a, f() = 1\n", "SyntaxError",
     "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 3},
    {"assign_to_literal_in_list", PARSE_FILE, "[a, 1] = 1\n", "SyntaxError",
     "cannot assign to literal", 1, 4},
    {"assign_to_fstring", PARSE_FILE, "f\"{a}\" = 1\n", "SyntaxError",
     "cannot assign to f-string expression here. Maybe you meant '==' instead of '='?", 1, 0},
    {"assign_to_await", PARSE_FILE, "async def f():\n    await x = 1\n", "SyntaxError",
     "cannot assign to await expression here. Maybe you meant '==' instead of '='?", 2, 4},
    {"assign_to_yield", PARSE_FILE, "def g():\n    x = yield = 1\n", "SyntaxError",
     "assignment to yield expression not possible", 2, 8},
    {"assign_to_comprehension", PARSE_FILE, "[x for x in y] = 1\n", "SyntaxError",
     "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?", 1, 0},
    {"assign_to_dict", PARSE_FILE, "{1: 2} = 1\n", "SyntaxError",
     "cannot assign to dict literal here. Maybe you meant '==' instead of '='?", 1, 0},
    {"augassign_to_call", PARSE_FILE, "f() += 1\n", "SyntaxError",
     "'function call' is an illegal expression for augmented assignment", 1, 0},
    {"augassign_to_tuple", PARSE_FILE, "(a, b) += 1\n", "SyntaxError",
     "'tuple' is an illegal expression for augmented assignment", 1, 0},
    {"augassign_to_bare_tuple", PARSE_FILE, "a, b += 1\n", "SyntaxError",
     "'tuple' is an illegal expression for augmented assignment", 1, 0},
    {"augassign_to_list", PARSE_FILE, "[a, b] += 1\n", "SyntaxError",
     "'list' is an illegal expression for augmented assignment", 1, 0},
    {"augassign_to_literal", PARSE_FILE, "1 += 1\n", "SyntaxError",
     "'literal' is an illegal expression for augmented assignment", 1, 0},
    {"annassign_tuple", PARSE_FILE, "a, b: int\n", "SyntaxError",
     "only single target (not tuple) can be annotated", 1, 0},
    {"annassign_list", PARSE_FILE, "[a]: int\n", "SyntaxError",
     "only single target (not list) can be annotated", 1, 0},
    {"annassign_call", PARSE_FILE, "f(): int\n", "SyntaxError", "illegal target for annotation", 1,
     0},
    {"delete_call", PARSE_FILE, "del f()\n", "SyntaxError", "cannot delete function call", 1, 4},
    {"delete_in_tuple", PARSE_FILE, "del a, f()\n", "SyntaxError", "cannot delete function call", 1,
     7},
    {"delete_literal", PARSE_FILE, "del (a, 1)\n", "SyntaxError", "cannot delete literal", 1, 8},
    {"delete_true", PARSE_FILE, "del True\n", "SyntaxError", "cannot delete True", 1, 4},
    {"delete_starred", PARSE_FILE, "del *a\n", "SyntaxError", "cannot delete starred", 1, 4},
    {"delete_expression", PARSE_FILE, "del a + b\n", "SyntaxError", "cannot delete expression", 1,
     4},
    {"for_target_call", PARSE_FILE, "for f() in x:\n    pass\n", "SyntaxError",
     "cannot assign to function call", 1, 4},
    {"for_target_literal", PARSE_FILE, "for 1 in x:\n    pass\n", "SyntaxError",
     "cannot assign to literal", 1, 4},
    {"for_target_without_in", PARSE_FILE, "for a, (c + 1, d()): pass\n", "SyntaxError",
     "cannot assign to expression", 1, 8},
    {"comprehension_target_call", PARSE_FILE, "[x for f() in y]\n", "SyntaxError",
     "cannot assign to function call", 1, 7},
    {"with_target_call", PARSE_FILE, "with a as f():\n    pass\n", "SyntaxError",
     "cannot assign to function call", 1, 10},
    {"walrus_target_call", PARSE_FILE, "(f(x) := 1)\n", "SyntaxError",
     "cannot use assignment expressions with function call", 1, 1},
    {"walrus_target_attribute", PARSE_FILE, "(a.b := 1)\n", "SyntaxError",
     "cannot use assignment expressions with attribute", 1, 1},
    {"walrus_statement_call", PARSE_FILE, "f(x) := 1\n", "SyntaxError",
     "cannot use assignment expressions with function call", 1, 0},
    {"maybe_meant_equal_if", PARSE_FILE, "if x = 1:\n    pass\n", "SyntaxError",
     "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3},
    {"maybe_meant_equal_while", PARSE_FILE, "while x = 1:\n    pass\n", "SyntaxError",
     "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 6},
    {"maybe_meant_equal_call_target", PARSE_FILE, "if f() = 1:\n    pass\n", "SyntaxError",
     "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 3},
    {"eval_assign_plain_invalid", PARSE_EVAL, "x = 1", "SyntaxError", "invalid syntax", 1, 2},
    {"eval_statement", PARSE_EVAL, "yield", "SyntaxError", "invalid syntax", 1, 0},
    {"expected_else", PARSE_FILE, "x = 1 if y\n", "SyntaxError",
     "expected 'else' after 'if' expression", 1, 4},
    {"missing_parentheses_print", PARSE_FILE, "print \"hello\"\n", "SyntaxError",
     "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0},
    {"missing_parentheses_print_name", PARSE_FILE, "print x\n", "SyntaxError",
     "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 0},
    {"positional_after_keyword", PARSE_FILE, "f(a=1, b)\n", "SyntaxError",
     "positional argument follows keyword argument", 1, 8},
    {"positional_after_keyword_unpacking", PARSE_FILE, "f(**a, b)\n", "SyntaxError",
     "positional argument follows keyword argument unpacking", 1, 8},
    {"iterable_after_keyword_unpacking", PARSE_FILE, "f(**a, *b)\n", "SyntaxError",
     "iterable argument unpacking follows keyword argument unpacking", 1, 7},
    {"keyword_expression", PARSE_FILE, "f(a.b=1)\n", "SyntaxError",
     "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 2},
    {"keyword_true", PARSE_FILE, "f(True=1)\n", "SyntaxError", "cannot assign to True", 1, 2},
    {"keyword_missing_value", PARSE_FILE, "f(x=)\n", "SyntaxError", "invalid syntax", 1, 4},
    {"genexp_not_sole_argument", PARSE_FILE, "f(x for x in y, 1)\n", "SyntaxError",
     "Generator expression must be parenthesized", 1, 2},
    {"genexp_second_argument", PARSE_FILE, "f(1, x for x in y)\n", "SyntaxError",
     "Generator expression must be parenthesized", 1, 5},
    {"genexp_trailing_comma", PARSE_FILE, "f(x for x in y,)\n", "SyntaxError",
     "Generator expression must be parenthesized", 1, 2},
    {"class_genexp_base", PARSE_FILE, "class C(x for x in y):\n    pass\n", "SyntaxError",
     "invalid syntax", 1, 10},
    {"class_positional_after_keyword", PARSE_FILE, "class C(a=1, b):\n    pass\n", "SyntaxError",
     "positional argument follows keyword argument", 1, 14},
    {"starred_in_parens", PARSE_FILE, "x = (*a)\n", "SyntaxError",
     "cannot use starred expression here", 1, 5},
    {"starred_in_comprehension", PARSE_FILE, "[*a for a in b]\n", "SyntaxError",
     "iterable unpacking cannot be used in comprehension", 1, 1},
    {"dict_unpacking_in_comprehension", PARSE_FILE, "{**a for a in b}\n", "SyntaxError",
     "dict unpacking cannot be used in dict comprehension", 1, 1},
    {"comprehension_target_needs_parens", PARSE_FILE, "[x, y for x, y in z]\n", "SyntaxError",
     "did you forget parentheses around the comprehension target?", 1, 1},
    {"dict_key_needs_colon", PARSE_FILE, "x = {1: 2, 3}\n", "SyntaxError",
     "':' expected after dictionary key", 1, 11},
    {"dict_value_missing", PARSE_FILE, "x = {1: }\n", "SyntaxError",
     "expression expected after dictionary key and ':'", 1, 6},
    {"dict_value_starred", PARSE_FILE, "x = {1: *a}\n", "SyntaxError",
     "cannot use a starred expression in a dictionary value", 1, 8},
    {"multiple_exception_types", PARSE_FILE, "try:\n    pass\nexcept A, B:\n    pass\n",
     "SyntaxError", "multiple exception types must be parenthesized", 3, 7},
    {"trailing_comma_import", PARSE_FILE, "from a import b,\n", "SyntaxError",
     "trailing comma not allowed without surrounding parentheses", 1, 16},
    {"import_dotted_asname", PARSE_FILE, "import a.b as c.d\n", "SyntaxError", "invalid syntax", 1,
     15},
    {"with_as_outside_with", PARSE_FILE, "x = (a as b)\n", "SyntaxError", "invalid syntax", 1, 7},
    {"with_paren_as_then_comma", PARSE_FILE, "with (a as b), c:\n    pass\n", "SyntaxError",
     "invalid syntax", 1, 13},
    {"param_default_order", PARSE_FILE, "def f(a=1, b):\n    pass\n", "SyntaxError",
     "non-default argument follows default argument", 1, 11},
    {"param_default_order_lambda", PARSE_FILE, "f = lambda a=1, b: 0\n", "SyntaxError",
     "non-default argument follows default argument", 1, 16},
    {"param_bare_star", PARSE_FILE, "def f(*):\n    pass\n", "SyntaxError",
     "named arguments must follow bare *", 1, 6},
    {"param_bare_star_kwargs", PARSE_FILE, "def f(*, **k):\n    pass\n", "SyntaxError",
     "named arguments must follow bare *", 1, 6},
    {"param_slash_after_star", PARSE_FILE, "def f(*a, /):\n    pass\n", "SyntaxError",
     "/ must be ahead of *", 1, 10},
    {"param_slash_twice", PARSE_FILE, "def f(a, /, /):\n    pass\n", "SyntaxError",
     "/ may appear only once", 1, 12},
    {"param_slash_first", PARSE_FILE, "def f(/, a):\n    pass\n", "SyntaxError",
     "at least one argument must precede /", 1, 6},
    {"param_slash_alone", PARSE_FILE, "def f(/):\n    pass\n", "SyntaxError", "invalid syntax", 1,
     6},
    {"param_star_twice", PARSE_FILE, "def f(*a, *b):\n    pass\n", "SyntaxError",
     "* argument may appear only once", 1, 10},
    {"param_after_kwargs", PARSE_FILE, "def f(**k, a):\n    pass\n", "SyntaxError",
     "arguments cannot follow var-keyword argument", 1, 11},
    {"param_vararg_default", PARSE_FILE, "def f(*a=1):\n    pass\n", "SyntaxError",
     "var-positional argument cannot have default value", 1, 8},
    {"param_kwarg_default", PARSE_FILE, "def f(**k=1):\n    pass\n", "SyntaxError",
     "var-keyword argument cannot have default value", 1, 9},
    {"param_default_missing", PARSE_FILE, "def f(a, d=, c):\n    pass\n", "SyntaxError",
     "expected default value expression", 1, 10},
    {"param_comma_between_slash_star", PARSE_FILE, "def f(a=1, /*, b):\n    pass\n", "SyntaxError",
     "expected comma between / and *", 1, 12},
    {"param_parenthesized", PARSE_FILE, "def f(x, (y, z)):\n    pass\n", "SyntaxError",
     "Function parameters cannot be parenthesized", 1, 9},
    {"param_parenthesized_lambda", PARSE_FILE, "f = lambda (x, y): 0\n", "SyntaxError",
     "Lambda expression parameters cannot be parenthesized", 1, 11},
    {"param_annotation_missing", PARSE_FILE, "def f(a:):\n    pass\n", "SyntaxError",
     "invalid syntax", 1, 8},
};

Test(err, errors) {
  check_errors(err_error, sizeof err_error / sizeof err_error[0]);
}

static const ErrorCase err2_error[] = {
    {"unexpected_indent_not_replaced", PARSE_FILE, " x = 1\ny = )\n", "IndentationError",
     "unexpected indent", 1, 0},
    {"number_then_keyword_prefix", PARSE_FILE, "x = 1or0\n", "SyntaxError",
     "invalid decimal literal", 1, 4},
    {"number_then_keyword_if_prefix", PARSE_FILE, "x = 1iff\n", "SyntaxError", "invalid syntax", 1,
     5},
    {"annotation_colon_then_keyword", PARSE_FILE, "with0(a, b): pass\n", "SyntaxError",
     "invalid syntax", 1, 11},
    {"annotation_illegal_target", PARSE_FILE, "f(): int\n", "SyntaxError",
     "illegal target for annotation", 1, 0},
    {"chain_hint_name", PARSE_FILE, "x = 1, f() = 2\n", "SyntaxError",
     "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 0},
    {"chain_hint_tuple_literal", PARSE_FILE, "x = y, 2 = 3\n", "SyntaxError",
     "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 0},
    {"suffix_when_value_has_comma", PARSE_FILE, "x % 6 = 7, a = 8\n", "SyntaxError",
     "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 0},
    {"lambda_params_before_colon", PARSE_FILE, "f = lambda a, *b, *c\n", "SyntaxError",
     "invalid syntax", 1, 18},
    {"lambda_param_after_kwargs_unfinished", PARSE_FILE, "lambda a=1, **b, c\n", "SyntaxError",
     "arguments cannot follow var-keyword argument", 1, 17},
    {"slash_twice_unfinished", PARSE_FILE, "lambda a, /, / x: None\n", "SyntaxError",
     "/ may appear only once", 1, 13},
    {"incomplete_param_is_plain_syntax_error", PARSE_FILE, "def g(a, b=\"x\", c\"!\"):\n    pass\n",
     "SyntaxError", "invalid syntax", 1, 17},
    {"return_annotation_missing", PARSE_FILE, "def f(a) -> :\n    pass\n", "SyntaxError",
     "expected ':'", 1, 9},
    {"juxtaposition_reads_to_unclosed_bracket", PARSE_FILE, "f f(x # comment\n", "SyntaxError",
     "'(' was never closed", 1, 3},
    {"juxtaposition_stops_at_bad_operand", PARSE_FILE, "x = (1\nf(*a, *@, 2)\n", "SyntaxError",
     "'(' was never closed", 1, 4},
    {"hint_scan_reads_to_unclosed_bracket", PARSE_FILE, "(a, \"b\", c = (1, 2)\n", "SyntaxError",
     "'(' was never closed", 1, 0},
    {"none_assign_in_parens", PARSE_FILE, "(None = 1\n", "SyntaxError", "invalid syntax", 1, 6},
    {"except_types_must_read_as_expression", PARSE_FILE,
     "try:\n    pass\nexcept A, B m n:\n    pass\n", "SyntaxError", "invalid syntax", 3, 8},
};

Test(err2, errors) {
  check_errors(err2_error, sizeof err2_error / sizeof err2_error[0]);
}

/* ---------------------------------------------------- asy's own decisions */

Test(asy, int_literal_too_large) {
  expect_error("x = 99999999999999999999\n", "SyntaxError",
               "integer literal is too large for asy's 64-bit int", 1, 4);
  expect_error("x = 0x10000000000000000\n", "SyntaxError",
               "integer literal is too large for asy's 64-bit int", 1, 4);
}

Test(asy, int64_min_folds_with_unary_minus) {
  expect_tree("x = -9223372036854775808\n", "Module(body=[Assign(targets=[Name(id='x')], "
                                            "value=Constant(value=-9223372036854775808))])");
  expect_error("x = 9223372036854775808\n", "SyntaxError",
               "integer literal is too large for asy's 64-bit int", 1, 4);
  expect_error("x = -(9223372036854775808)\n", "SyntaxError",
               "integer literal is too large for asy's 64-bit int", 1, 6);
}

Test(asy, complex_literals_rejected) {
  expect_error("x = 1j\n", "SyntaxError", "complex numbers are not supported by asy", 1, 4);
  expect_error("x = 2.5e3J + 1\n", "SyntaxError", "complex numbers are not supported by asy", 1, 4);
}

Test(asy, bytes_literals_rejected) {
  expect_error("x = b'abc'\n", "SyntaxError", "bytes literals are not supported by asy", 1, 4);
  expect_error("x = 'a' + Rb\"\\d\"\n", "SyntaxError", "bytes literals are not supported by asy", 1,
               10);
}

Test(asy, named_unicode_escapes_rejected) {
  expect_error("x = '\\N{BULLET}'\n", "SyntaxError",
               "(unicode error) asy does not support \\N{...} character names; use a \\u escape", 1,
               16);
}

Test(asy, surrogate_escapes_rejected) {
  expect_error("x = '\\ud800'\n", "SyntaxError",
               "(unicode error) surrogate characters are not supported by asy", 1, 12);
}

Test(asy, fstring_errors_point_into_the_string) {
  /* CPython 3.11 reports these at a position in its own "(expr)" buffer;
   * asy gives the real line and column. */
  expect_error("x = 1\ny = f'{a b}'\n", "SyntaxError",
               "f-string: invalid syntax. Perhaps you forgot a comma?", 2, 7);
  expect_error("y = f'''\n{1abc}'''\n", "SyntaxError", "invalid decimal literal", 2, 1);
  expect_error("x = f\"{*a}\"\n", "SyntaxError", "f-string: cannot use starred expression here", 1,
               7);
  /* an error in an f-string inside an f-string gets CPython's double prefix */
  expect_error("x = f'{f\"{a!x}\"}'\n", "SyntaxError",
               "f-string: f-string: invalid conversion character: expected 's', 'r', or 'a'", 1,
               15);
}

Test(asy, fstring_field_positions) {
  Arena a = {0};
  SyntaxErr err;
  const char *src = "x = f'ab{cd + e!r}'\n";
  Node *m = parse_source(&a, src, strlen(src), PARSE_FILE, &err);
  cr_assert_not_null(m);
  Node *js = m->u.module.body.items[0]->u.assign.value;
  cr_assert_eq(js->kind, E_FSTRING);
  cr_assert_eq(js->u.fstring.parts.count, 2);
  Node *fv = js->u.fstring.parts.items[1];
  cr_expect_eq(fv->kind, E_FORMATTED);
  cr_expect_eq(fv->u.formatted.conversion, 'r');
  cr_expect_eq(fv->col, 8, "the field starts at its '{'");
  cr_expect_eq(fv->end_col, 18, "and ends after its '}'");
  Node *sum = fv->u.formatted.value;
  cr_expect_eq(sum->kind, E_BINOP);
  cr_expect_eq(sum->col, 9);
  cr_expect_eq(sum->end_col, 15);
  cr_expect_eq(sum->u.binop.right->col, 14);
  arena_free(&a);
}

/* -------------------------------------------------------------- the input */

Test(source, null_byte) {
  SyntaxErr err = parse_err_n("x = 1\ny = 2\0\n", 13, PARSE_FILE);
  cr_expect_str_eq(err.msg, "source code cannot contain null bytes");
  cr_expect_eq(err.line, 2);
}

Test(source, invalid_utf8_names_line) {
  SyntaxErr err = parse_err_n("x = 1\ny = '\xff'\n", 12, PARSE_FILE);
  cr_expect_str_eq(err.kind, "SyntaxError");
  cr_expect_str_eq(err.msg, "(unicode error) 'utf-8' codec can't decode byte 0xff in position 5: "
                            "invalid start byte");
  cr_expect_eq(err.line, 2);
  err = parse_err_n("x = '\xc3'\n", 8, PARSE_FILE);
  cr_expect(strstr(err.msg, "invalid continuation byte") != NULL, "%s", err.msg);
  err = parse_err_n("x = 1 #\xe2\x82", 9, PARSE_FILE);
  cr_expect(strstr(err.msg, "unexpected end of data") != NULL, "%s", err.msg);
  err = parse_err_n("\xed\xa0\x80\n", 4, PARSE_FILE);
  cr_expect(strstr(err.msg, "byte 0xed") != NULL, "surrogates are not UTF-8: %s", err.msg);
}

Test(source, bom_and_shebang_skipped) {
  expect_positions("\xef\xbb\xbf#!/usr/bin/env asy\nx = 1\n",
                   "Module(body=[Assign@2:0-2:5(targets=[Name@2:0-2:1(id='x')], "
                   "value=Constant@2:4-2:5(value=1))])");
}

Test(source, crlf_and_cr_line_ends) {
  expect_positions(
      "x = 1\r\nif x:\r\n    y = 2\ry = 3\r\n",
      "Module(body=[Assign@1:0-1:5(targets=[Name@1:0-1:1(id='x')], "
      "value=Constant@1:4-1:5(value=1)), If@2:0-3:9(test=Name@2:3-2:4(id='x'), "
      "body=[Assign@3:4-3:9(targets=[Name@3:4-3:5(id='y')], "
      "value=Constant@3:8-3:9(value=2))]), Assign@4:0-4:5(targets=[Name@4:0-4:1(id='y')], "
      "value=Constant@4:4-4:5(value=3))])");
}

Test(source, input_need_not_be_nul_terminated) {
  Arena a = {0};
  SyntaxErr err;
  const char buf[] = {'x', '=', '1', '2', '3'};
  Node *m = parse_source(&a, buf, 3, PARSE_FILE, &err);
  cr_assert_not_null(m);
  cr_expect_eq(m->u.module.body.items[0]->u.assign.value->u.constant.i, 1);
  arena_free(&a);
}

Test(source, empty_and_blank_inputs) {
  expect_tree("", "Module()");
  expect_tree("\n\n   \n# only a comment", "Module()");
}

/* ---------------------------------------------------------------- limits */

Test(limits, ten_thousand_parentheses) {
  char *s = repeat("(", 10000, "");
  SyntaxErr err = parse_err_n(s, strlen(s), PARSE_FILE);
  cr_expect_str_eq(err.msg, "too many nested parentheses");
  cr_expect_eq(err.col, 200);
  free(s);
}

Test(limits, two_hundred_parentheses_are_fine) {
  char *s = repeat("(", 200, "1");
  char *t = repeat(")", 200, "\n");
  char *src = malloc(strlen(s) + strlen(t) + 1);
  strcpy(src, s);
  strcat(src, t);
  expect_tree(src, "Module(body=[Expr(value=Constant(value=1))])");
  free(s);
  free(t);
  free(src);
}

Test(limits, ten_thousand_nested_blocks) {
  size_t cap = 10000 * 64, len = 0;
  char *src = malloc(cap);
  for (int i = 0; i < 10000; i++)
    len += (size_t)snprintf(src + len, cap - len, "%*sif x:\n", i % 50, "");
  SyntaxErr err = parse_err_n(src, len, PARSE_FILE);
  cr_expect_str_eq(err.kind, "IndentationError");
  free(src);
}

Test(limits, deep_unary_chains) {
  char *s = repeat("-", 5000, "1\n");
  SyntaxErr err = parse_err_n(s, strlen(s), PARSE_FILE);
  cr_expect_str_eq(err.msg, "too many nested expressions");
  free(s);
  s = repeat("not ", 5000, "x\n");
  err = parse_err_n(s, strlen(s), PARSE_FILE);
  cr_expect_str_eq(err.msg, "too many nested expressions");
  free(s);
}

Test(limits, long_left_recursive_chains) {
  char *s = repeat("1+", 100000, "1\n");
  SyntaxErr err = parse_err_n(s, strlen(s), PARSE_FILE);
  cr_expect_str_eq(err.msg, "too many nested expressions");
  free(s);
  s = repeat("a.", 100000, "b\n");
  err = parse_err_n(s, strlen(s), PARSE_FILE);
  cr_expect_str_eq(err.msg, "too many nested expressions");
  free(s);
}

Test(limits, depth_just_under_the_limit_parses) {
  char *s = repeat("-", PARSE_MAX_DEPTH - 10, "1\n");
  Arena a = {0};
  SyntaxErr err;
  cr_expect_not_null(parse_source(&a, s, strlen(s), PARSE_FILE, &err), "%s", err.msg);
  arena_free(&a);
  free(s);
}

Test(limits, wide_inputs) {
  char *s = repeat("1,", 200000, "\n");
  Arena a = {0};
  SyntaxErr err;
  Node *m = parse_source(&a, s, strlen(s), PARSE_FILE, &err);
  cr_assert_not_null(m);
  cr_expect_eq(m->u.module.body.items[0]->u.expr.value->u.seq.elts.count, 200000);
  arena_free(&a);
  free(s);
  s = repeat("x = 1\n", 100000, "");
  m = parse_source(&a, s, strlen(s), PARSE_FILE, &err);
  cr_assert_not_null(m);
  cr_expect_eq(m->u.module.body.count, 100000);
  arena_free(&a);
  free(s);
}

Test(limits, ten_megabyte_line) {
  size_t n = 10u << 20;
  char *s = malloc(n + 8);
  memcpy(s, "x = '", 5);
  memset(s + 5, 'a', n);
  memcpy(s + 5 + n, "'\n", 3);
  Arena a = {0};
  SyntaxErr err;
  Node *m = parse_source(&a, s, n + 7, PARSE_FILE, &err);
  cr_assert_not_null(m);
  cr_expect_eq(m->u.module.body.items[0]->u.assign.value->u.constant.len, n);
  arena_free(&a);
  s[n + 5] = '\n'; /* now unterminated */
  SyntaxErr e2 = parse_err_n(s, n + 7, PARSE_FILE);
  cr_expect(strstr(e2.msg, "unterminated string literal") != NULL);
  free(s);
}

Test(limits, random_bytes_never_crash) {
  unsigned seed = 12345;
  char buf[512];
  for (int round = 0; round < 2000; round++) {
    size_t n = (size_t)(round % 500) + 1;
    for (size_t i = 0; i < n; i++) {
      seed = seed * 1103515245u + 12345u;
      /* mostly Python-ish bytes, some arbitrary ones */
      static const char alphabet[] = "()[]{}:;,.=+-*/%<>!~^&|@'\"\\#\n\t fxyif elsedefor01239";
      buf[i] =
          (seed >> 24) % 8 ? alphabet[(seed >> 16) % (sizeof alphabet - 1)] : (char)(seed >> 8);
    }
    Arena a = {0};
    SyntaxErr err;
    Node *m = parse_source(&a, buf, n,
                           round % 3 == 0   ? PARSE_FILE
                           : round % 3 == 1 ? PARSE_EVAL
                                            : PARSE_SINGLE,
                           &err);
    if (!m) cr_expect(err.msg[0] != '\0' && err.line >= 0, "an error needs a message");
    arena_free(&a);
  }
}

/* ----------------------------------------------------------------- modes */

static void expect_incomplete(const char *src, bool incomplete) {
  Arena a = {0};
  SyntaxErr err;
  Node *m = parse_source(&a, src, strlen(src), PARSE_SINGLE, &err);
  if (incomplete) {
    cr_expect_null(m, "should wait for more input: %s", src);
    cr_expect(err.incomplete, "should be incomplete: %s (%s)", src, err.msg);
  } else if (!m) {
    cr_expect(!err.incomplete, "should be a plain error: %s (%s)", src, err.msg);
  }
  arena_free(&a);
}

Test(modes, single_incomplete_inputs) {
  /* The lines entered so far, joined by newlines, as codeop sees them. */
  expect_incomplete("x = (1,", true);
  expect_incomplete("x = (1,\n  2,", true);
  expect_incomplete("s = '''abc", true);
  expect_incomplete("x = 1 + \\", true);
  expect_incomplete("if x:", true);
  expect_incomplete("def f():", true);
  expect_incomplete("@dec", true);
  expect_incomplete("for i in x:\n    pass\nelse:", true);
  expect_incomplete("if x:\n    y = 1", true);
  expect_incomplete("if x: y", true);
  expect_incomplete("class A:\n    def f(self):\n        pass", true);
}

Test(modes, single_complete_or_wrong_inputs) {
  expect_incomplete("x = 1", false);
  expect_incomplete("if x:\n    y = 1\n", false);
  expect_incomplete("if x: y\n", false);
  expect_incomplete("x = 1 +", false);
  expect_incomplete("x = 'abc", false);
  expect_incomplete("x = )", false);
  expect_tree_in("x = 1; print(x)", PARSE_SINGLE, false,
                 "Module(body=[Assign(targets=[Name(id='x')], value=Constant(value=1)), "
                 "Expr(value=Call(func=Name(id='print'), args=[Name(id='x')]))])");
  expect_tree_in("if x:\n    y\n", PARSE_SINGLE, false,
                 "Module(body=[If(test=Name(id='x'), body=[Expr(value=Name(id='y'))])])");
  expect_tree_in("  \n# only a comment", PARSE_SINGLE, false, "Module()");
}

Test(modes, eval_is_one_expression) {
  expect_eval("a if b else c\n\n",
              "IfExp(test=Name(id='b'), body=Name(id='a'), orelse=Name(id='c'))");
  expect_error_eval("x = 1\ny", "SyntaxError", "invalid syntax", 1, 2);
  expect_error_eval("a; b", "SyntaxError", "invalid syntax", 1, 1);
}

/* ------------------------------------------------------------------- ast */

Test(ast, kind_names) {
  cr_expect_str_eq(ast_kind_name(E_BINOP), "BinOp");
  cr_expect_str_eq(ast_kind_name(S_IF), "If");
  cr_expect_str_eq(ast_kind_name(E_INT), "Constant");
  cr_expect_str_eq(ast_kind_name(S_HANDLER), "ExceptHandler");
  cr_expect_str_eq(ast_kind_name(MOD_MODULE), "Module");
  cr_expect_str_eq(ast_kind_name((NodeKind)9999), "?");
}

static void count_child(Node *child, void *data) {
  (void)child;
  ++*(int *)data;
}

Test(ast, children_include_defaults_and_annotations) {
  Arena a = {0};
  SyntaxErr err;
  const char *src = "@d\ndef f(x: int = 1, *, y=2) -> str:\n    pass\n";
  Node *m = parse_source(&a, src, strlen(src), PARSE_FILE, &err);
  cr_assert_not_null(m);
  int n = 0;
  ast_children(m->u.module.body.items[0], count_child, &n);
  /* decorator, x, default 1, y, default 2, returns, pass */
  cr_expect_eq(n, 7);
  n = 0;
  ast_children(m->u.module.body.items[0]->u.funcdef.args->args.items[0], count_child, &n);
  cr_expect_eq(n, 1, "a parameter's child is its annotation");
  arena_free(&a);
}

Test(ast, dump_elides_beyond_max_depth) {
  Arena a = {0};
  Node *n = ast_node(&a, E_NAME, 1, 0);
  n->u.name.id = "x";
  for (int i = 0; i < AST_DUMP_MAX_DEPTH + 50; i++) {
    Node *u = ast_node(&a, E_UNARYOP, 1, 0);
    u->u.unaryop.op = OP_NEG;
    u->u.unaryop.operand = n;
    n = u;
  }
  char *s;
  size_t len;
  ast_dump(n, &s, &len);
  cr_expect(strstr(s, "...") != NULL);
  cr_expect(strstr(s, "Name") == NULL, "the leaf is beyond the limit");
  cr_expect_eq(strlen(s), len);
  free(s);
  arena_free(&a);
}

Test(ast, arena_serves_big_and_small_allocations) {
  Arena a = {0};
  char *big = arena_alloc(&a, 1 << 20);
  char *small = arena_alloc(&a, 10);
  cr_expect_eq(big[(1 << 20) - 1], 0, "zeroed");
  cr_expect_eq(small[9], 0, "zeroed");
  cr_expect_eq(((uintptr_t)small) % 16, 0, "aligned");
  char *copy = arena_strndup(&a, "hello", 3);
  cr_expect_str_eq(copy, "hel");
  arena_free(&a);
  cr_expect_null(a.head);
}

Test(ast, syntax_error_at_fills_all_fields) {
  SyntaxErr err;
  syntax_error_at(&err, 3, 4, 3, 9, "bad %s", "thing");
  cr_expect_str_eq(err.msg, "bad thing");
  cr_expect_str_eq(err.kind, "SyntaxError");
  cr_expect_eq(err.line, 3);
  cr_expect_eq(err.end_col, 9);
  cr_expect(!err.incomplete);
}
