/* parse.h — source text to AST: the re2c lexer feeding the lemon parser.
 *
 * Invariants:
 * - parse_source never crashes and never recurses without bound: any byte
 *   string either yields a tree or fills a SyntaxErr whose message is the
 *   one CPython 3.11 gives for the same input.
 * - Nesting is bounded (brackets: 200 deep as CPython; indentation levels:
 *   100), reported as a SyntaxError, never a stack overflow.
 */
#ifndef ASY_PARSE_H
#define ASY_PARSE_H

#include "ast.h"

/* The deepest tree parse_source returns (nodes from the root to a leaf):
 * deeper input is a SyntaxError ("too many nested expressions"), so code
 * that walks a tree recursively may recurse this deep without checking. */
#define PARSE_MAX_DEPTH 1000

typedef enum {
  PARSE_FILE,   /* a module: statements until end of input */
  PARSE_SINGLE, /* one interactive input (REPL): statements, may be incomplete */
  PARSE_EVAL,   /* a single expression (eval()) */
} ParseMode;

/* A syntax error as CPython reports it. */
typedef struct {
  char msg[256];     /* e.g. "invalid syntax", "expected ':'" */
  const char *kind;  /* "SyntaxError", "IndentationError" or "TabError" */
  int line, col;     /* 1-based line, 0-based byte column of the caret start */
  int end_line, end_col; /* end of the caret range (exclusive); == start for one caret */
  bool incomplete;   /* the input ended inside an open construct (REPL: ask for more) */
} SyntaxErr;

/* Parse len bytes of src (need not be NUL-terminated) into a tree allocated
 * in arena; NULL with *err filled on a syntax error. For PARSE_EVAL the
 * result is the expression node itself; otherwise a MOD_MODULE node. */
Node *parse_source(Arena *arena, const char *src, size_t len, ParseMode mode, SyntaxErr *err);

/* Fill err with kind "SyntaxError", the formatted message and a range. */
void syntax_error_at(SyntaxErr *err, int line, int col, int end_line, int end_col, const char *fmt,
                     ...) __attribute__((format(printf, 6, 7)));

#endif
