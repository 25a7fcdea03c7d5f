/* ast.h — the abstract syntax tree the parser builds and the compiler walks.
 *
 * Invariants:
 * - Every node, list and string of a tree lives in one Arena; the tree is
 *   freed all at once with arena_free (never by walking it), so freeing is
 *   safe however deep the tree is.
 * - Every node carries its source span: line/end_line are 1-based,
 *   col/end_col are 0-based byte offsets into the line (as CPython's
 *   col_offset), end exclusive.
 * - Identifiers are NUL-terminated arena strings; string constants carry
 *   their byte length and are valid UTF-8.
 * - The node kinds and fields mirror CPython's ast module, so a reader of
 *   Python's documentation recognises them.
 */
#ifndef ASY_AST_H
#define ASY_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../vm/operator.h"

/* ------------------------------------------------------------------ arena */
typedef struct ArenaBlock ArenaBlock;
typedef struct {
  ArenaBlock *head;
} Arena;

/* Zeroed memory that lives until arena_free; aborts with a message when the
 * system is out of memory. */
void *arena_alloc(Arena *a, size_t n);
/* A NUL-terminated copy of n bytes. */
char *arena_strndup(Arena *a, const char *s, size_t n);
/* Release every allocation of the arena. */
void arena_free(Arena *a);

/* ------------------------------------------------------------------ nodes */
typedef struct Node Node;

typedef struct {
  Node **items;
  int count;
  int cap;
} NodeList;

/* Append n to l, growing it in the arena. */
void nodelist_push(Arena *a, NodeList *l, Node *n);

typedef enum {
  /* expressions */
  E_NAME,  /* name.id */
  E_INT,   /* constant.i */
  E_FLOAT, /* constant.f */
  E_STR,   /* constant.s, constant.len */
  E_NONE,
  E_TRUE,
  E_FALSE,
  E_ELLIPSIS,
  E_FSTRING,       /* fstring.parts: E_STR and E_FORMATTED nodes, in order */
  E_FORMATTED,     /* formatted.value, .conversion ('r','s','a' or 0), .spec (E_FSTRING or NULL) */
  E_BINOP,         /* binop.op, .left, .right */
  E_UNARYOP,       /* unaryop.op, .operand */
  E_BOOLOP,        /* boolop.op (OP_AND/OP_OR), .values (>= 2) */
  E_COMPARE,       /* compare.left, .ops[], .comparators (same count) */
  E_IFEXP,         /* ifexp.test, .body, .orelse */
  E_LAMBDA,        /* lambda.args, .body (an expression) */
  E_CALL,          /* call.func, .args (may hold E_STARRED), .keywords (E_KEYWORD) */
  E_KEYWORD,       /* keyword.arg (NULL for **value), .value */
  E_ATTRIBUTE,     /* attribute.value, .attr */
  E_SUBSCRIPT,     /* subscript.value, .slice (an expression, E_SLICE or E_TUPLE) */
  E_SLICE,         /* slice.lower, .upper, .step (each may be NULL) */
  E_LIST,          /* seq.elts */
  E_TUPLE,         /* seq.elts */
  E_SET,           /* seq.elts */
  E_DICT,          /* dict.keys (NULL entry: **values[i]), .values */
  E_LISTCOMP,      /* comp.elt, .generators (E_COMPREHENSION) */
  E_SETCOMP,       /* comp.elt, .generators */
  E_GENEXP,        /* comp.elt, .generators */
  E_DICTCOMP,      /* comp.key, .elt (the value), .generators */
  E_COMPREHENSION, /* for_.target, .iter, .ifs, .is_async */
  E_AWAIT,         /* unary.value */
  E_YIELD,         /* unary.value (may be NULL) */
  E_YIELD_FROM,    /* unary.value */
  E_STARRED,       /* unary.value */
  E_NAMEDEXPR,     /* named.target (E_NAME), .value */

  /* statements */
  S_EXPR,      /* expr.value */
  S_ASSIGN,    /* assign.targets (>= 1, chained a = b = v), .value */
  S_AUGASSIGN, /* augassign.target, .op, .value */
  S_ANNASSIGN, /* annassign.target, .annotation, .value (may be NULL) */
  S_IF,        /* if_.test, .body, .orelse */
  S_WHILE,     /* while_.test, .body, .orelse */
  S_FOR,       /* for_.target, .iter, .body, .orelse, .is_async */
  S_BREAK,
  S_CONTINUE,
  S_PASS,
  S_RETURN,     /* unary.value (may be NULL) */
  S_DELETE,     /* seq.elts: the targets */
  S_FUNCDEF,    /* funcdef.name, .args, .body, .decorators, .is_async */
  S_CLASSDEF,   /* classdef.name, .bases, .keywords, .body, .decorators */
  S_TRY,        /* try_.body, .handlers (S_HANDLER), .orelse, .finalbody */
  S_HANDLER,    /* handler.type (may be NULL), .name (may be NULL), .body */
  S_RAISE,      /* raise.exc (may be NULL), .cause (may be NULL) */
  S_ASSERT,     /* assert_.test, .msg (may be NULL) */
  S_WITH,       /* with.items (E_WITHITEM), .body, .is_async */
  E_WITHITEM,   /* withitem.context_expr, .optional_vars (may be NULL) */
  S_GLOBAL,     /* names.names, .count */
  S_NONLOCAL,   /* names.names, .count */
  S_IMPORT,     /* import.names (E_ALIAS) */
  S_IMPORTFROM, /* import.module, .names (E_ALIAS; a single "*" for star) */
  E_ALIAS,      /* alias.name (dotted), .asname (may be NULL) */
  MOD_MODULE,   /* module.body */
} NodeKind;

/* Operators are shared with the VM (vm/operator.h), which evaluates them. */
typedef Operator AstOp;

/* Parameters of a def or lambda. */
typedef struct {
  NodeList posonly;     /* E_NAME nodes, before '/' */
  NodeList args;        /* E_NAME nodes */
  NodeList defaults;    /* for the last len(defaults) of posonly+args */
  Node *vararg;         /* E_NAME or NULL */
  NodeList kwonly;      /* E_NAME nodes */
  NodeList kw_defaults; /* same length as kwonly; NULL entry: required */
  Node *kwarg;          /* E_NAME or NULL */
} Arguments;

struct Node {
  NodeKind kind;
  int line, col, end_line, end_col;
  bool parenthesized; /* written inside its own parentheses, as in (a) = 1 */
  union {
    struct {
      const char *id;
      Node *annotation;
    } name; /* annotation: parameters only, or NULL */
    struct {
      int64_t i;
      double f;
      const char *s;
      size_t len;
    } constant;
    struct {
      NodeList parts;
    } fstring;
    struct {
      Node *value;
      char conversion;
      Node *spec;
    } formatted;
    struct {
      AstOp op;
      Node *left, *right;
    } binop;
    struct {
      AstOp op;
      Node *operand;
    } unaryop;
    struct {
      AstOp op;
      NodeList values;
    } boolop;
    struct {
      Node *left;
      AstOp *ops;
      NodeList comparators;
    } compare;
    struct {
      Node *test, *body, *orelse;
    } ifexp;
    struct {
      Arguments *args;
      Node *body;
    } lambda;
    struct {
      Node *func;
      NodeList args, keywords;
    } call;
    struct {
      const char *arg;
      Node *value;
    } keyword;
    struct {
      Node *value;
      const char *attr;
    } attribute;
    struct {
      Node *value, *slice;
    } subscript;
    struct {
      Node *lower, *upper, *step;
    } slice;
    struct {
      NodeList elts;
    } seq;
    struct {
      NodeList keys, values;
    } dict;
    struct {
      Node *elt, *key;
      NodeList generators;
    } comp;
    struct {
      Node *target, *iter;
      NodeList ifs, body, orelse;
      bool is_async;
    } for_;
    struct {
      Node *value;
    } unary;
    struct {
      Node *target, *value;
    } named;

    struct {
      Node *value;
    } expr;
    struct {
      NodeList targets;
      Node *value;
    } assign;
    struct {
      Node *target;
      AstOp op;
      Node *value;
    } augassign;
    struct {
      Node *target, *annotation, *value;
      bool simple;
    } annassign;
    struct {
      Node *test;
      NodeList body, orelse;
    } if_;
    struct {
      Node *test;
      NodeList body, orelse;
    } while_;
    struct {
      const char *name;
      Arguments *args;
      NodeList body, decorators;
      Node *returns;
      bool is_async;
    } funcdef;
    struct {
      const char *name;
      NodeList bases, keywords, body, decorators;
    } classdef;
    struct {
      NodeList body, handlers, orelse, finalbody;
    } try_;
    struct {
      Node *type;
      const char *name;
      NodeList body;
    } handler;
    struct {
      Node *exc, *cause;
    } raise;
    struct {
      Node *test, *msg;
    } assert_;
    struct {
      NodeList items, body;
      bool is_async;
    } with;
    struct {
      Node *context_expr, *optional_vars;
    } withitem;
    struct {
      const char **names;
      int count;
    } names;
    struct {
      const char *module;
      NodeList names;
      int level;
    } import;
    struct {
      const char *name, *asname;
    } alias;
    struct {
      NodeList body;
    } module;
  } u;
};

/* A new node of this kind at this start position, zeroed fields; the end
 * position defaults to the start and is set by the parser when known. */
Node *ast_node(Arena *a, NodeKind kind, int line, int col);

/* Name of a node kind, for debugging output and tests ("BinOp", "If"). */
const char *ast_kind_name(NodeKind kind);

/* Write an ast.dump-like rendering of n (for tests and `asy --ast`) into a
 * malloc'd NUL-terminated string (*buf, free it); subtrees deeper than
 * AST_DUMP_MAX_DEPTH are elided as "...". */
void ast_dump(const Node *n, char **buf, size_t *len);
#define AST_DUMP_MAX_DEPTH 2000

/* ast_dump, optionally annotating each node with its span as
 * Kind@line:col-end_line:end_col (for position tests). */
void ast_dump_ex(const Node *n, bool positions, char **buf, size_t *len);

/* Call visit on each direct child node of n (never NULL), in source order,
 * including parameter annotations and defaults; not recursive. */
void ast_children(const Node *n, void (*visit)(Node *child, void *data), void *data);

#endif
