/* compile.h — AST to bytecode: one ObjCode per module, function, lambda,
 * class body and comprehension.
 *
 * Invariants:
 * - Compile-time errors CPython reports from its compiler/symtable
 *   ('return' outside function, 'await' outside async function, ...) are
 *   SyntaxErrors with CPython's wording and the node's position.
 * - Every fixed-width operand is range-checked: more than 65535 constants,
 *   names, locals or arguments is a SyntaxError, never a silent wrap.
 * - The maximum stack depth of each code object is computed by a flow
 *   analysis of the finished bytecode, so the frame is exactly that large.
 * - Objects created while compiling are GC roots until compilation ends.
 */
#ifndef ASY_COMPILE_H
#define ASY_COMPILE_H

#include "../vm/vm.h"
#include "parse.h"

typedef enum {
  COMPILE_FILE,   /* a module */
  COMPILE_SINGLE, /* one REPL input: echo expression values, allow top-level await */
  COMPILE_EVAL,   /* one expression, returned */
} CompileMode;

/* Compile a parsed tree; NULL with *err filled on a compile-time error. */
ObjCode *compile_tree(Node *tree, const char *filename, CompileMode mode, SyntaxErr *err);
/* Parse and compile source text; NULL with a SyntaxError pending (vm.exc). */
ObjCode *compile_source(const char *src, size_t len, const char *filename, CompileMode mode);
/* Turn a SyntaxErr into a pending SyntaxError (with msg, filename, lineno,
 * offset, text attributes as CPython's). */
void compile_raise_syntax_error(const SyntaxErr *err, const char *filename, const char *src,
                                size_t len);
/* Print a SyntaxError the way CPython does (file/line, the line, carets). */
void compile_print_syntax_error(Value exc);

#endif
