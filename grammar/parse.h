/* parse.h — source text to AST: the re2c lexer feeding the lemon parser.
 *
 * Invariants:
 * - parse_source never crashes and never recurses without bound: any byte
 *   string either yields a tree or fills a SyntaxErr whose message is the
 *   one CPython 3.11 gives for the same input.
 * - Nesting is bounded (brackets: 200 deep as CPython; indentation levels:
 *   100; trees: PARSE_MAX_DEPTH), reported as a SyntaxError, never a stack
 *   overflow.
 * - The source is UTF-8 (a leading BOM is skipped; coding declarations are
 *   ignored); CRLF and CR line ends count as LF.
 * - asy's documented differences, each a SyntaxError at the literal: ints
 *   must fit in 64 bits (-9223372036854775808 is folded), no bytes or
 *   complex literals, no \N{...} names or surrogate escapes in strings;
 *   match statements and except* are not part of asy.
 */
#ifndef ASY_PARSE_H
#define ASY_PARSE_H

#include "ast.h"

/* The deepest tree parse_source returns (nodes from the root to a leaf):
 * deeper input is a SyntaxError ("too many nested expressions"), so code
 * that walks a tree recursively may recurse this deep without checking. */
#define PARSE_MAX_DEPTH 1000

typedef enum {
  PARSE_FILE, /* a module: statements until end of input */
  /* One interactive input (REPL): statements, like PARSE_FILE, but
   * err->incomplete is set when more lines could complete it: input ends in
   * an open bracket, an open triple-quoted string, after a backslash or a
   * block header. As with Python's codeop, the REPL passes the lines entered
   * so far joined by '\n' without a final newline: a compound statement is
   * incomplete until the source ends with '\n' (the empty line that ends
   * it adds one). */
  PARSE_SINGLE,
  /* A single expression (eval()); trailing newlines allowed. Leading blanks
   * are an "unexpected indent", as in compile(): eval() strips them first. */
  PARSE_EVAL,
} ParseMode;

/* A syntax error as CPython reports it. */
typedef struct {
  char msg[256];         /* e.g. "invalid syntax", "expected ':'" */
  const char *kind;      /* "SyntaxError", "IndentationError" or "TabError" */
  int line, col;         /* 1-based line, 0-based byte column of the caret start */
  int end_line, end_col; /* end of the caret range (exclusive); == start for one caret */
  /* Columns count bytes, where CPython's SyntaxError offsets count
   * characters: convert before drawing a caret under non-ASCII text. */
  bool incomplete; /* the input ended inside an open construct (REPL: ask for more) */
} SyntaxErr;

/* Parse len bytes of src (need not be NUL-terminated) into a tree allocated
 * in arena; NULL with *err filled on a syntax error. For PARSE_EVAL the
 * result is the expression node itself; otherwise a MOD_MODULE node. */
Node *parse_source(Arena *arena, const char *src, size_t len, ParseMode mode, SyntaxErr *err);

/* Fill err with kind "SyntaxError", the formatted message and a range. */
void syntax_error_at(SyntaxErr *err, int line, int col, int end_line, int end_col, const char *fmt,
                     ...) __attribute__((format(printf, 6, 7)));

#endif
