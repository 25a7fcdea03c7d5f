/* Unit tests for grammar/compile.c, grammar/scope.c and the bytecode
 * tables of vm/debug.c: instruction sequences, code object metadata, stack
 * sizes, the disassembly, and the SyntaxErrors the compiler and symbol
 * table raise.
 *
 * The SyntaxError messages and positions are CPython 3.11's: for each
 * source, compile(src, "<test>", "exec") raised SyntaxError with these
 * e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset. Instruction
 * sequences and stack sizes are asy's own design (opcodes.h), counted by
 * hand from the stack pictures there. */
#define _GNU_SOURCE /* open_memstream */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "grammar/compile.h"
#include "vm/debug.h"
#include "vm/vm.h"

static void setup(void) {
  vm_init(0, NULL);
}
static void teardown(void) {
  vm_free();
}

TestSuite(compile, .init = setup, .fini = teardown);
TestSuite(syntax, .init = setup, .fini = teardown);
TestSuite(opinfo, .init = setup, .fini = teardown);

/* ------------------------------------------------------------ helpers */

static ObjCode *compile_ok_mode(const char *src, CompileMode mode) {
  ObjCode *code = compile_source(src, strlen(src), "<test>", mode);
  if (!code) {
    ObjString *line = vm_exception_line(vm_take_exc());
    cr_assert_not_null(code, "compile failed: %s\nsource:\n%s", line->chars, src);
  }
  gc_push_root(OBJ_VAL(code));
  return code;
}

static ObjCode *compile_ok(const char *src) {
  return compile_ok_mode(src, COMPILE_FILE);
}

/* The code object named qualname among code's constants (depth first). */
static ObjCode *find_code(ObjCode *code, const char *qualname) {
  if (strcmp(code->qualname->chars, qualname) == 0) return code;
  for (uint32_t i = 0; i < code->nconsts; i++) {
    if (!IS_OBJ_TYPE(code->consts[i], OBJ_CODE)) continue;
    ObjCode *r = find_code(AS_CODE(code->consts[i]), qualname);
    if (r) return r;
  }
  return NULL;
}

static ObjCode *function_code(const char *src, const char *qualname) {
  ObjCode *mod = compile_ok(src);
  ObjCode *c = find_code(mod, qualname);
  cr_assert_not_null(c, "no code object %s", qualname);
  return c;
}

/* The opcodes of code, in order; returns how many. */
static int opcodes_of(ObjCode *code, uint8_t *out, int cap) {
  int n = 0;
  for (uint32_t off = 0; off < code->count; off += (uint32_t)debug_op_length(code->code[off])) {
    cr_assert_lt(code->code[off], BC__COUNT, "bad opcode at %u", off);
    if (n < cap) out[n] = code->code[off];
    n++;
  }
  return n;
}

static uint16_t operand16(ObjCode *code, int index) {
  uint32_t off = 0;
  for (int i = 0; i < index; i++) off += (uint32_t)debug_op_length(code->code[off]);
  return (uint16_t)(code->code[off + 1] | (code->code[off + 2] << 8));
}

/* Assert that code begins with exactly these opcodes. */
static void expect_ops(ObjCode *code, const uint8_t *ops, int n) {
  uint8_t got[256];
  int m = opcodes_of(code, got, 256);
  cr_assert_geq(m, n, "%s has %d instructions, expected at least %d", code->qualname->chars, m, n);
  for (int i = 0; i < n; i++)
    cr_assert_eq(got[i], ops[i], "%s: instruction %d is %s, expected %s", code->qualname->chars, i,
                 op_info[got[i]].name, op_info[ops[i]].name);
}

static bool has_op(ObjCode *code, uint8_t op) {
  uint8_t got[512];
  int m = opcodes_of(code, got, 512);
  for (int i = 0; i < m && i < 512; i++)
    if (got[i] == op) return true;
  return false;
}

/* The disassembly of code (and its nested code objects), malloc'd. */
static char *disassembly(ObjCode *code) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  cr_assert_not_null(f);
  debug_disassemble(code, f, false);
  fclose(f);
  return buf;
}

static Value exc_attr(Value exc, const char *name) {
  Value v = UNDEF_VAL;
  cr_assert(AS_INSTANCE(exc)->dict, "the SyntaxError has no attributes");
  cr_assert(dict_get_str(AS_INSTANCE(exc)->dict, str_intern_cstr(name), &v),
            "the SyntaxError has no %s", name);
  return v;
}

typedef struct {
  const char *src;
  const char *msg;
  int lineno, offset, end_lineno, end_offset;
} SyntaxCase;

static void check_syntax_error(const SyntaxCase *c, CompileMode mode) {
  ObjCode *code = compile_source(c->src, strlen(c->src), "<test>", mode);
  cr_assert_null(code, "compiled without error:\n%s", c->src);
  cr_assert(!IS_UNDEF(vm.exc));
  Value exc = vm_take_exc();
  gc_push_root(exc);
  cr_assert(vm_isinstance(exc, vm.e_SyntaxError), "raised %s", vm_class_of(exc)->name->chars);
  Value msg = exc_attr(exc, "msg");
  cr_assert(IS_STR(msg));
  cr_assert_str_eq(AS_CSTR(msg), c->msg, "source:\n%s", c->src);
  Value lineno = exc_attr(exc, "lineno"), offset = exc_attr(exc, "offset");
  Value end_lineno = exc_attr(exc, "end_lineno"), end_offset = exc_attr(exc, "end_offset");
  cr_assert_eq(AS_INT(lineno), c->lineno, "%s: lineno %lld, CPython %d", c->msg,
               (long long)AS_INT(lineno), c->lineno);
  cr_assert_eq(AS_INT(offset), c->offset, "%s: offset %lld, CPython %d", c->msg,
               (long long)AS_INT(offset), c->offset);
  cr_assert_eq(AS_INT(end_lineno), c->end_lineno, "%s: end_lineno %lld, CPython %d", c->msg,
               (long long)AS_INT(end_lineno), c->end_lineno);
  cr_assert_eq(AS_INT(end_offset), c->end_offset, "%s: end_offset %lld, CPython %d", c->msg,
               (long long)AS_INT(end_offset), c->end_offset);
  Value file = exc_attr(exc, "filename");
  cr_assert_str_eq(AS_CSTR(file), "<test>");
  /* The exception's str() is the message, as CPython's (without location
   * when no filename info is shown: "msg (<test>, line N)"). */
  ObjString *s = vm_str(exc);
  cr_assert_not_null(s);
  char expect[300];
  snprintf(expect, sizeof expect, "%s (<test>, line %d)", c->msg, c->lineno);
  cr_assert_str_eq(s->chars, expect);
}

/* ------------------------------------------------------------ instructions */

Test(compile, arithmetic_function) {
  ObjCode *f = function_code("def f(a, b):\n    return a + b * 2\n", "f");
  /* Two loads fuse into one instruction; `* 2` carries its constant. */
  const uint8_t ops[] = {BC_LOAD_FAST_LOAD_FAST, BC_BINARY_OP_IMM, BC_ADD, BC_RETURN_VALUE};
  expect_ops(f, ops, 4);
  cr_assert_eq(f->code[1] | (f->code[2] << 8), 0, "a is slot 0");
  cr_assert_eq(f->code[3] | (f->code[4] << 8), 1, "b is slot 1");
  cr_assert_eq(operand16(f, 1), 2, "the constant 2");
  cr_assert_eq(f->code[8] | (f->code[9] << 8), OP_MUL, "the operator");
  cr_assert_eq(f->argcount, 2);
  cr_assert_eq(f->nlocals, 2);
  cr_assert_eq(f->nfree, 0);
  cr_assert_eq(f->stacksize, 2);
  cr_assert_str_eq(f->varnames[0]->chars, "a");
  cr_assert_str_eq(f->varnames[1]->chars, "b");
  cr_assert_str_eq(f->name->chars, "f");
  cr_assert_eq(f->firstline, 1);
  cr_assert_eq(f->flags & (CODE_GENERATOR | CODE_COROUTINE | CODE_MODULE), 0);
}

Test(compile, module_stores_function_by_name) {
  ObjCode *mod = compile_ok("def f():\n    pass\n");
  cr_assert(mod->flags & CODE_MODULE);
  cr_assert_str_eq(mod->qualname->chars, "<module>");
  const uint8_t ops[] = {BC_LOAD_CONST, BC_MAKE_FUNCTION, BC_STORE_NAME, BC_LOAD_NONE,
                         BC_RETURN_VALUE};
  expect_ops(mod, ops, 5);
  uint8_t got[8];
  cr_assert_eq(opcodes_of(mod, got, 8), 5);
  cr_assert_str_eq(mod->names[operand16(mod, 2)]->chars, "f");
}

Test(compile, calls_and_methods) {
  ObjCode *f = function_code("def f(a, b, c):\n    return g(a, b, c)\n", "f");
  const uint8_t ops[] = {BC_LOAD_GLOBAL, BC_LOAD_FAST_LOAD_FAST, BC_LOAD_FAST, BC_CALL,
                         BC_RETURN_VALUE};
  expect_ops(f, ops, 5);
  cr_assert_eq(operand16(f, 3), 3, "CALL 3");
  cr_assert_str_eq(f->names[operand16(f, 0)]->chars, "g");
  cr_assert_eq(f->stacksize, 4);
  ObjCode *m = function_code("def f(o):\n    return o.m(1, 2)\n", "f");
  const uint8_t mops[] = {BC_LOAD_FAST,      BC_LOAD_METHOD, BC_LOAD_SMALL_INT,
                          BC_LOAD_SMALL_INT, BC_CALL_METHOD, BC_RETURN_VALUE};
  expect_ops(m, mops, 6);
  cr_assert_eq(m->stacksize, 4, "method, self and two arguments");
}

Test(compile, stack_sizes) {
  ObjCode *f =
      function_code("def f(a):\n    return ((a + 1) * (a + 2)) - ((a + 3) * (a + 4))\n", "f");
  cr_assert_eq(f->stacksize, 3, "a + 1 is one instruction on one slot");
  ObjCode *l = function_code("def f():\n    return [1, 2, 3, 4, 5]\n", "f");
  cr_assert_eq(l->stacksize, 5);
  ObjCode *e = function_code("def f():\n    pass\n", "f");
  cr_assert_eq(e->stacksize, 1, "LOAD_NONE before the implicit return");
  ObjCode *n = function_code("def f(x):\n    return [x, [x, [x, [x, [x]]]]]\n", "f");
  cr_assert_eq(n->stacksize, 5);
  ObjCode *d = function_code("def f(k, v):\n    return {k: v, 1: 2}\n", "f");
  cr_assert_geq(d->stacksize, 4);
}

Test(compile, closures_use_cells) {
  ObjCode *mod = compile_ok("def outer():\n"
                            "    x = 1\n"
                            "    def inner():\n"
                            "        return x\n"
                            "    return inner\n");
  ObjCode *outer = find_code(mod, "outer");
  ObjCode *inner = find_code(mod, "outer.<locals>.inner");
  cr_assert_not_null(outer);
  cr_assert_not_null(inner);
  cr_assert_str_eq(inner->name->chars, "inner");
  cr_assert(has_op(outer, BC_MAKE_CELL));
  cr_assert(has_op(outer, BC_STORE_DEREF));
  cr_assert(has_op(outer, BC_LOAD_CLOSURE));
  cr_assert_eq(inner->nfree, 1);
  cr_assert_eq(inner->nlocals, 0);
  const uint8_t ops[] = {BC_LOAD_DEREF, BC_RETURN_VALUE};
  expect_ops(inner, ops, 2);
  cr_assert_str_eq(inner->varnames[0]->chars, "x");
  cr_assert_eq(inner->firstline, 3);
}

Test(compile, global_and_nonlocal) {
  ObjCode *mod = compile_ok("def glob():\n"
                            "    global G\n"
                            "    G = 1\n"
                            "def outer():\n"
                            "    n = 0\n"
                            "    def inc():\n"
                            "        nonlocal n\n"
                            "        n += 1\n"
                            "    return inc\n");
  ObjCode *g = find_code(mod, "glob");
  const uint8_t ops[] = {BC_LOAD_SMALL_INT, BC_STORE_GLOBAL};
  expect_ops(g, ops, 2);
  cr_assert_str_eq(g->names[operand16(g, 1)]->chars, "G");
  cr_assert_eq(g->nlocals, 0);
  ObjCode *inc = find_code(mod, "outer.<locals>.inc");
  cr_assert(has_op(inc, BC_LOAD_DEREF));
  cr_assert(has_op(inc, BC_STORE_DEREF));
  cr_assert_not(has_op(inc, BC_STORE_FAST));
}

Test(compile, parameters_and_flags) {
  ObjCode *f = function_code("def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n    return a\n", "f");
  /* CPython: co_argcount 3, co_posonlyargcount 2, co_kwonlyargcount 2 */
  cr_assert_eq(f->argcount, 3);
  cr_assert_eq(f->posonlycount, 2);
  cr_assert_eq(f->kwonlycount, 2);
  cr_assert(f->flags & CODE_VARARGS);
  cr_assert(f->flags & CODE_VARKW);
  cr_assert_eq(f->nlocals, 7);
  const char *names[] = {"a", "b", "c", "d", "e", "args", "kw"};
  for (int i = 0; i < 7; i++) cr_assert_str_eq(f->varnames[i]->chars, names[i]);

  ObjCode *co = function_code("async def co(x):\n    return await x\n", "co");
  cr_assert(co->flags & CODE_COROUTINE);
  cr_assert(has_op(co, BC_GET_AWAITABLE));
  cr_assert(has_op(co, BC_YIELD_FROM));
  ObjCode *gen = function_code("def gen(n):\n    yield n\n", "gen");
  cr_assert(gen->flags & CODE_GENERATOR);
  cr_assert(has_op(gen, BC_YIELD_VALUE));
  ObjCode *ag = function_code("async def ag():\n    yield 1\n", "ag");
  cr_assert(ag->flags & CODE_ASYNCGEN);
  ObjCode *lam = function_code("g = lambda q: q + 1\n", "<lambda>");
  cr_assert(lam->flags & CODE_LAMBDA);
  cr_assert_eq(lam->argcount, 1);
  ObjCode *cls = function_code("class C:\n    def m(self):\n        return 1\n", "C");
  cr_assert(cls->flags & CODE_CLASSBODY);
  cr_assert_not_null(function_code("class C:\n    def m(self):\n        return 1\n", "C.m"));
}

Test(compile, comprehension_is_its_own_code) {
  ObjCode *mod = compile_ok("def f(xs):\n    return [x * 2 for x in xs if x]\n");
  ObjCode *lc = find_code(mod, "f.<locals>.<listcomp>");
  cr_assert_not_null(lc, "CPython 3.11 names it f.<locals>.<listcomp>");
  cr_assert_str_eq(lc->name->chars, "<listcomp>");
  cr_assert_eq(lc->argcount, 1, "the iterator .0");
  cr_assert_str_eq(lc->varnames[0]->chars, ".0");
  cr_assert(has_op(lc, BC_FOR_ITER));
  cr_assert(has_op(lc, BC_LIST_APPEND));
  cr_assert_not_null(find_code(compile_ok("s = {x for x in y}\n"), "<setcomp>"));
  cr_assert_not_null(find_code(compile_ok("d = {x: 1 for x in y}\n"), "<dictcomp>"));
  cr_assert_not_null(find_code(compile_ok("g = (x for x in y)\n"), "<genexpr>"));
}

Test(compile, line_table) {
  ObjCode *f = function_code("def f(x):\n"
                             "    if x:\n"
                             "        return 1\n"
                             "    while x:\n"
                             "        x -= 1\n"
                             "    return 0\n",
                             "f");
  cr_assert_eq(code_line_at(f, 0)->line, 2, "the test of the if");
  /* Find the first LOAD_SMALL_INT 1 (return 1) and the LOAD_SMALL_INT 0. */
  bool saw_one = false, saw_zero = false;
  for (uint32_t off = 0; off < f->count; off += (uint32_t)debug_op_length(f->code[off])) {
    if (f->code[off] != BC_LOAD_SMALL_INT) continue;
    int v = (int16_t)(f->code[off + 1] | (f->code[off + 2] << 8));
    const LineEntry *le = code_line_at(f, off);
    if (v == 1 && !saw_one) {
      cr_assert_eq(le->line, 3);
      cr_assert_eq(le->col, 15, "the column of `1` in `        return 1`");
      saw_one = true;
    } else if (v == 0 && !saw_zero) {
      cr_assert_eq(le->line, 6);
      saw_zero = true;
    }
  }
  cr_assert(saw_one && saw_zero);
}

Test(compile, try_except_has_handlers) {
  ObjCode *f = function_code("def t():\n"
                             "    try:\n"
                             "        a()\n"
                             "    except ValueError:\n"
                             "        b()\n",
                             "t");
  cr_assert_geq(f->nhandlers, 1);
  ExcEntry *h = &f->handlers[0];
  cr_assert_lt(h->start, h->end);
  cr_assert_lt(h->target, f->count);
  cr_assert_eq(f->code[h->target], BC_PUSH_EXC_INFO, "a handler starts by saving the exception");
  cr_assert(has_op(f, BC_CHECK_EXC_MATCH));
  cr_assert(has_op(f, BC_POP_EXCEPT));
}

Test(compile, eval_and_single_modes) {
  ObjCode *e = compile_ok_mode("1 + 2 * 3", COMPILE_EVAL);
  Frame *fr = vm_make_module_frame(e, vm.main_module->dict);
  cr_assert_not_null(fr);
  Value out;
  cr_assert_eq(vm_run_frame(fr, &out), RUN_RETURN);
  cr_assert(IS_INT(out));
  cr_assert_eq(AS_INT(out), 7);
  ObjCode *s = compile_ok_mode("x = 5\n", COMPILE_SINGLE);
  cr_assert_not(has_op(s, BC_PRINT_EXPR), "an assignment echoes nothing");
  ObjCode *p = compile_ok_mode("1 + 1\n", COMPILE_SINGLE);
  cr_assert(has_op(p, BC_PRINT_EXPR), "an expression statement echoes its value");
  ObjCode *w = compile_ok_mode("await x\n", COMPILE_SINGLE);
  cr_assert(has_op(w, BC_YIELD_FROM), "top-level await is allowed in the REPL");
}

Test(compile, disassembly_text) {
  ObjCode *mod = compile_ok("def f(a, b):\n"
                            "    return a + b * 2\n"
                            "async def co(x):\n"
                            "    y = await x\n"
                            "    return y\n");
  char *text = disassembly(mod);
  cr_assert(strstr(text, "Disassembly of f (function, <test> line 1):") != NULL, "%s", text);
  cr_assert(strstr(text, "slots: 0=a 1=b  (args 2, locals 2, free 0)") != NULL);
  cr_assert(strstr(text, "stack size 2") != NULL);
  cr_assert(strstr(text, "LOAD_FAST_LOAD_FAST    0 1 (a, b)") != NULL, "%s", text);
  cr_assert(strstr(text, "BINARY_OP_IMM          2 2 (* 2)") != NULL, "%s", text);
  cr_assert(strstr(text, "Disassembly of co (coroutine (async def), <test> line 3):") != NULL);
  cr_assert(strstr(text, ">>") != NULL, "await points are marked");
  cr_assert(strstr(text, "YIELD_FROM              [await: may suspend]") != NULL, "%s", text);
  cr_assert(strstr(text, "(<code f>)") != NULL, "the module's constant names the code");
  free(text);
}

/* `x op= y` on a local ends in one INPLACE_STORE_FAST; not on a cell. */
Test(compile, inplace_store_fused) {
  ObjCode *f = function_code("def f(a, b):\n    a += b\n    return a\n", "f");
  cr_assert(has_op(f, BC_INPLACE_STORE_FAST));
  cr_assert(!has_op(f, BC_INPLACE));
  ObjCode *g =
      function_code("def g(a, b):\n    a += b\n    def h(): return a\n    return h\n", "g");
  cr_assert(!has_op(g, BC_INPLACE_STORE_FAST), "a cell is stored with STORE_DEREF");
  cr_assert(has_op(g, BC_INPLACE));
}

/* Superinstructions never swallow a jump target or a handler boundary. */
Test(compile, fusion_stops_at_labels) {
  /* `a or b` jumps past b's load to c's: b and c must stay apart. */
  ObjCode *f = function_code("def f(a, b, c):\n"
                             "    while c:\n"
                             "        c -= 1\n"
                             "    return g(a or b, c)\n",
                             "f");
  cr_assert(!has_op(f, BC_LOAD_FAST_LOAD_FAST), "no LOAD_FAST pair across the jump target");
  cr_assert(has_op(f, BC_INPLACE_IMM_STORE_FAST), "c -= 1, stored in one dispatch");
  cr_assert(!has_op(f, BC_STORE_FAST), "no separate store after the fused op");
  /* A constant too big for 16 bits stays a LOAD_CONST and a plain op. */
  ObjCode *g = function_code("def g(a):\n    return a + 100000\n", "g");
  cr_assert(!has_op(g, BC_BINARY_OP_IMM));
  cr_assert(has_op(g, BC_ADD));
  /* True division and power have no immediate form. */
  ObjCode *h = function_code("def h(a):\n    return a / 2 + a ** 2\n", "h");
  cr_assert(!has_op(h, BC_BINARY_OP_IMM));
}

/* ------------------------------------------------------------ opcode tables */

Test(opinfo, names_lengths_effects) {
  cr_assert_str_eq(op_info[BC_LOAD_FAST].name, "LOAD_FAST");
  cr_assert_eq(op_info[BC_LOAD_FAST].operand_bytes, 2);
  cr_assert_eq(op_info[BC_LOAD_FAST].effect, 1);
  cr_assert_eq(debug_op_length(BC_POP_TOP), 1);
  cr_assert_eq(debug_op_length(BC_LOAD_CONST), 3);
  cr_assert_eq(debug_op_length(BC_JUMP), 5);
  cr_assert(debug_is_jump(BC_FOR_ITER));
  cr_assert(debug_is_jump(BC_POP_JUMP_IF_FALSE));
  cr_assert_not(debug_is_jump(BC_CALL));
  uint8_t build_list[] = {BC_BUILD_LIST, 5, 0};
  cr_assert_eq(debug_stack_effect(build_list, false), -4);
  uint8_t call_method[] = {BC_CALL_METHOD, 2, 0};
  cr_assert_eq(debug_stack_effect(call_method, false), -3);
  uint8_t build_map[] = {BC_BUILD_MAP, 3, 0};
  cr_assert_eq(debug_stack_effect(build_map, false), -5);
  uint8_t for_iter[] = {BC_FOR_ITER, 0, 0, 0, 0};
  cr_assert_eq(debug_stack_effect(for_iter, false), 1);
  cr_assert_eq(debug_stack_effect(for_iter, true), -1);
  uint8_t unpack[] = {BC_UNPACK_SEQUENCE, 3, 0};
  cr_assert_eq(debug_stack_effect(unpack, false), 2);
  uint8_t make_fn[] = {BC_MAKE_FUNCTION, 7, 0};
  cr_assert_eq(debug_stack_effect(make_fn, false), -3);
}

/* ------------------------------------------------------------ SyntaxErrors */

static const SyntaxCase syntax_cases[] = {
    {"return 1\n", "'return' outside function", 1, 1, 1, 9},
    {"x = 1\nif x:\n    return x\n", "'return' outside function", 3, 5, 3, 13},
    {"class C:\n    return 1\n", "'return' outside function", 2, 5, 2, 13},
    {"await x\n", "'await' outside function", 1, 1, 1, 8},
    {"def f():\n    await g()\n", "'await' outside async function", 2, 5, 2, 14},
    {"async def f():\n    def g():\n        await h()\n", "'await' outside async function", 3, 9, 3,
     18},
    {"lambda: await x\n", "'await' outside async function", 1, 9, 1, 16},
    {"break\n", "'break' outside loop", 1, 1, 1, 6},
    {"for i in x:\n    pass\nbreak\n", "'break' outside loop", 3, 1, 3, 6},
    {"x = 1\nwhile x:\n    pass\nelse:\n    break\n", "'break' outside loop", 5, 5, 5, 10},
    {"continue\n", "'continue' not properly in loop", 1, 1, 1, 9},
    {"while True:\n    def f():\n        continue\n", "'continue' not properly in loop", 3, 9, 3,
     17},
    {"nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1, 1, 11},
    {"def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5, 2, 15},
    {"def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration", 3, 5,
     3, 13},
    {"def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration", 3,
     5, 3, 13},
    {"def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5, 2, 13},
    {"def f():\n    x = 1\n    nonlocal x\n", "name 'x' is assigned to before nonlocal declaration",
     3, 5, 3, 15},
    {"yield 1\n", "'yield' outside function", 1, 1, 1, 8},
    {"class C:\n    yield 1\n", "'yield' outside function", 2, 5, 2, 12},
    {"async def f():\n    yield from g()\n", "'yield from' inside async function", 2, 5, 2, 19},
    {"def f():\n    x = [await y for y in z]\n",
     "asynchronous comprehension outside of an asynchronous function", 2, 9, 2, 29},
    {"def f():\n    async with a:\n        pass\n", "'async with' outside async function", 2, 5, 3,
     13},
    {"def f():\n    async for a in b:\n        pass\n", "'async for' outside async function", 2, 5,
     3, 13},
};

Test(syntax, compiler_errors_match_cpython) {
  for (size_t i = 0; i < ASY_ARRAY_LEN(syntax_cases); i++)
    check_syntax_error(&syntax_cases[i], COMPILE_FILE);
}

/* Inside a function the same statements are fine (CPython compiles them). */
Test(syntax, valid_counterparts_compile) {
  compile_ok("def f():\n    return 1\n");
  compile_ok("async def f():\n    await g()\n");
  compile_ok("while x:\n    break\n");
  compile_ok("for i in x:\n    if i:\n        continue\n");
  compile_ok("def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n");
  compile_ok("def f():\n    def g():\n        nonlocal y\n    y = 1\n");
  compile_ok("def f():\n    global x\n    print(x)\n");
  compile_ok("async def f():\n    return [await y for y in z]\n");
}

Test(syntax, error_in_the_second_function_is_reported) {
  SyntaxCase c = {"def ok():\n    return 1\n\ndef bad():\n    pass\nreturn 2\n",
                  "'return' outside function",
                  6,
                  1,
                  6,
                  9};
  check_syntax_error(&c, COMPILE_FILE);
}

Test(syntax, syntax_error_text_attribute) {
  const char *src = "x = 1\nif x:\n    return x\n";
  cr_assert_null(compile_source(src, strlen(src), "<test>", COMPILE_FILE));
  Value exc = vm_take_exc();
  gc_push_root(exc);
  Value text = exc_attr(exc, "text");
  cr_assert(IS_STR(text));
  /* CPython reads e.text from the file (it is None for "<string>"
   * sources); the line keeps its newline. */
  cr_assert_str_eq(AS_CSTR(text), "    return x\n");
}

/* compile(src, "/tmp/se.py", "exec") in CPython: str(e) names the file by
 * its base name: "'return' outside function (se.py, line 3)", offset 5. */
// BUG: str() of a SyntaxError shows the whole path where CPython shows the
// base name (SyntaxError.__str__ uses os.path.basename). Repro (CPython
// 3.11 prints "'return' outside function (x.py, line 1)", asy prints
// "'return' outside function (/tmp/x.py, line 1)"):
//   try:
//       compile("return 1", "/tmp/x.py", "exec")
//   except SyntaxError as e:
//       print(e)
Test(syntax, str_names_the_base_file_name) {
  const char *src = "x = 1\nif x:\n    return x\n";
  cr_assert_null(compile_source(src, strlen(src), "/tmp/se.py", COMPILE_FILE));
  Value exc = vm_take_exc();
  gc_push_root(exc);
  ObjString *s = vm_str(exc);
  cr_assert_not_null(s);
  cr_assert_str_eq(s->chars, "'return' outside function (se.py, line 3)");
  cr_assert_eq(AS_INT(exc_attr(exc, "offset")), 5);
  cr_assert_str_eq(AS_CSTR(exc_attr(exc, "filename")), "/tmp/se.py");
}
