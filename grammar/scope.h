/* scope.h — name resolution before code generation (CPython's symtable):
 * which names of each function, class, comprehension and module are
 * local, cells, free (closure) or global.
 *
 * Invariants:
 * - One Scope per module, def, lambda, class body and comprehension, found
 *   from its AST node with scope_of.
 * - After scope_analyze succeeds every name a scope uses has a final kind;
 *   cells and free variables have their slot order fixed, so a parent can
 *   build a child's closure tuple in the child's order.
 * - Errors are SyntaxErrors with CPython's wording and the offending
 *   node's position.
 */
#ifndef ASY_SCOPE_H
#define ASY_SCOPE_H

#include "ast.h"
#include "parse.h"

typedef enum { SCOPE_MODULE, SCOPE_FUNCTION, SCOPE_CLASS, SCOPE_COMPREHENSION } ScopeKind;

typedef enum {
  NAME_UNRESOLVED,
  NAME_LOCAL,           /* a slot (function), the namespace (class) or a global (module) */
  NAME_CELL,            /* local, and captured by an inner function */
  NAME_FREE,            /* captured from an enclosing function */
  NAME_GLOBAL_EXPLICIT, /* declared global */
  NAME_GLOBAL_IMPLICIT, /* not bound anywhere visible: global, then builtins */
} NameKind;

/* Symbol flags collected by the first pass. */
#define SYM_BOUND 0x01
#define SYM_PARAM 0x02
#define SYM_USED 0x04
#define SYM_GLOBAL 0x08
#define SYM_NONLOCAL 0x10
#define SYM_FREE_PASS 0x20 /* free here only so that an inner scope can reach it */

typedef struct {
  const char *name;
  int flags;
  NameKind kind;
  int slot;   /* functions: slot index; classes: cell slot; -1 otherwise */
  Node *decl; /* the global/nonlocal statement declaring it, for errors */
} Symbol;

typedef struct Scope {
  ScopeKind kind;
  const char *name; /* function/class name, "<module>", "<listcomp>"... */
  const char *qualname;
  Node *node;
  struct Scope *parent;
  struct Scope **children;
  int nchildren, capchildren;
  Symbol *syms;
  int nsyms, capsyms;
  int *table; /* open-addressing index into syms, -1 empty */
  int tablecap;
  bool is_async, is_generator, is_lambda;
  bool has_class_cell;   /* class scope: some method uses super()/__class__ */
  bool needs_class_cell; /* function scope: uses super()/__class__ */
  bool comp_async;       /* comprehension with async for/await: an async function */
  /* Final slot layout (functions, comprehensions and class cells). */
  const char **slotnames;
  int nlocals, nfree;
  int nparams; /* positional + kw-only + *args + **kwargs */
  int argcount, posonlycount, kwonlycount;
  bool varargs, varkw;
} Scope;

typedef struct {
  Arena *arena;
  Scope *module;
  Scope **by_node; /* hash from node pointer to scope */
  Node **keys;
  int cap, count;
} ScopeTable;

/* Build and analyse the scopes of a module tree; false with err filled on a
 * SyntaxError. interactive: top-level await is allowed (the REPL). */
bool scope_analyze(ScopeTable *t, Arena *a, Node *module, bool interactive, SyntaxErr *err);
/* Release the table's index (the scopes live in the arena). */
void scope_free(ScopeTable *t);
/* The scope created for a def/lambda/class/comprehension node. */
Scope *scope_of(ScopeTable *t, Node *n);
/* The symbol of name in scope s, or NULL if s never mentions it. */
Symbol *scope_lookup(Scope *s, const char *name);

#endif
