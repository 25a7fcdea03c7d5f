/* scope.c — the two passes of name resolution: collect what each scope
 * binds and uses, then classify every name (CPython's symtable.c rules). */
#include "scope.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SCOPE_MAX_DEPTH 400 /* nesting of expressions/statements walked recursively */

typedef struct {
  ScopeTable *t;
  Arena *a;
  SyntaxErr *err;
  bool failed;
  bool interactive;
  int depth;
} Ctx;

/* ------------------------------------------------------------ tables */

static uint32_t hash_str(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

static void sym_rehash(Arena *a, Scope *s) {
  int cap = s->tablecap ? s->tablecap * 2 : 16;
  int *table = arena_alloc(a, sizeof(int) * (size_t)cap);
  for (int i = 0; i < cap; i++) table[i] = -1;
  for (int i = 0; i < s->nsyms; i++) {
    uint32_t h = hash_str(s->syms[i].name) & (uint32_t)(cap - 1);
    while (table[h] >= 0) h = (h + 1) & (uint32_t)(cap - 1);
    table[h] = i;
  }
  s->table = table;
  s->tablecap = cap;
}

Symbol *scope_lookup(Scope *s, const char *name) {
  if (!s->tablecap) return NULL;
  uint32_t h = hash_str(name) & (uint32_t)(s->tablecap - 1);
  while (s->table[h] >= 0) {
    Symbol *sym = &s->syms[s->table[h]];
    if (strcmp(sym->name, name) == 0) return sym;
    h = (h + 1) & (uint32_t)(s->tablecap - 1);
  }
  return NULL;
}

static Symbol *sym_add(Arena *a, Scope *s, const char *name) {
  Symbol *sym = scope_lookup(s, name);
  if (sym) return sym;
  if (s->nsyms == s->capsyms) {
    int cap = s->capsyms ? s->capsyms * 2 : 8;
    Symbol *n = arena_alloc(a, sizeof(Symbol) * (size_t)cap);
    if (s->nsyms) memcpy(n, s->syms, sizeof(Symbol) * (size_t)s->nsyms);
    s->syms = n;
    s->capsyms = cap;
  }
  sym = &s->syms[s->nsyms++];
  sym->name = name;
  sym->flags = 0;
  sym->kind = NAME_UNRESOLVED;
  sym->slot = -1;
  sym->decl = NULL;
  if (s->nsyms * 2 > s->tablecap) {
    sym_rehash(a, s);
  } else {
    uint32_t h = hash_str(name) & (uint32_t)(s->tablecap - 1);
    while (s->table[h] >= 0) h = (h + 1) & (uint32_t)(s->tablecap - 1);
    s->table[h] = s->nsyms - 1;
  }
  return sym;
}

static void map_put(ScopeTable *t, Node *n, Scope *s) {
  if ((t->count + 1) * 2 > t->cap) {
    int cap = t->cap ? t->cap * 2 : 32;
    Node **nk = calloc((size_t)cap, sizeof(Node *));
    Scope **nv = calloc((size_t)cap, sizeof(Scope *));
    if (!nk || !nv) abort();
    for (int i = 0; i < t->cap; i++) {
      if (!t->keys[i]) continue;
      uint32_t h = (uint32_t)(((uintptr_t)t->keys[i] >> 4) * 2654435761u) & (uint32_t)(cap - 1);
      while (nk[h]) h = (h + 1) & (uint32_t)(cap - 1);
      nk[h] = t->keys[i];
      nv[h] = t->by_node[i];
    }
    free(t->keys);
    free(t->by_node);
    t->keys = nk;
    t->by_node = nv;
    t->cap = cap;
  }
  uint32_t h = (uint32_t)(((uintptr_t)n >> 4) * 2654435761u) & (uint32_t)(t->cap - 1);
  while (t->keys[h]) h = (h + 1) & (uint32_t)(t->cap - 1);
  t->keys[h] = n;
  t->by_node[h] = s;
  t->count++;
}

Scope *scope_of(ScopeTable *t, Node *n) {
  if (!t->cap) return NULL;
  uint32_t h = (uint32_t)(((uintptr_t)n >> 4) * 2654435761u) & (uint32_t)(t->cap - 1);
  while (t->keys[h]) {
    if (t->keys[h] == n) return t->by_node[h];
    h = (h + 1) & (uint32_t)(t->cap - 1);
  }
  return NULL;
}

/* ------------------------------------------------------------ errors */

static void fail(Ctx *c, Node *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void fail(Ctx *c, Node *n, const char *fmt, ...) {
  if (c->failed) return;
  c->failed = true;
  c->err->kind = "SyntaxError";
  c->err->line = n->line;
  c->err->col = n->col;
  c->err->end_line = n->end_line;
  c->err->end_col = n->end_col;
  c->err->incomplete = false;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(c->err->msg, sizeof c->err->msg, fmt, ap);
  va_end(ap);
}

/* ------------------------------------------------------- first pass */

static Scope *new_scope(Ctx *c, ScopeKind kind, const char *name, Node *node, Scope *parent) {
  Scope *s = arena_alloc(c->a, sizeof(Scope));
  s->kind = kind;
  s->name = name;
  s->node = node;
  s->parent = parent;
  if (parent) {
    if (parent->nchildren == parent->capchildren) {
      int cap = parent->capchildren ? parent->capchildren * 2 : 4;
      Scope **ch = arena_alloc(c->a, sizeof(Scope *) * (size_t)cap);
      if (parent->nchildren)
        memcpy(ch, parent->children, sizeof(Scope *) * (size_t)parent->nchildren);
      parent->children = ch;
      parent->capchildren = cap;
    }
    parent->children[parent->nchildren++] = s;
    /* Qualified names as CPython builds them: f.<locals>.g, C.m. */
    const char *pq = parent->kind == SCOPE_MODULE ? NULL : parent->qualname;
    if (pq) {
      const char *sep = parent->kind == SCOPE_CLASS ? "." : ".<locals>.";
      size_t n = strlen(pq) + strlen(sep) + strlen(name) + 1;
      char *q = arena_alloc(c->a, n);
      snprintf(q, n, "%s%s%s", pq, sep, name);
      s->qualname = q;
    } else {
      s->qualname = name;
    }
  } else {
    s->qualname = name;
  }
  map_put(c->t, node, s);
  return s;
}

static void use(Ctx *c, Scope *s, const char *name) {
  sym_add(c->a, s, name)->flags |= SYM_USED;
}

static void bind(Ctx *c, Scope *s, const char *name, Node *at) {
  Symbol *sym = sym_add(c->a, s, name);
  sym->flags |= SYM_BOUND;
  (void)at;
}

static void visit_expr(Ctx *c, Scope *s, Node *n);
static void visit_stmts(Ctx *c, Scope *s, NodeList *l);

static void visit_exprs(Ctx *c, Scope *s, NodeList *l) {
  for (int i = 0; i < l->count; i++) visit_expr(c, s, l->items[i]);
}

/* Names bound by an assignment target. */
static void visit_target(Ctx *c, Scope *s, Node *n) {
  if (!n) return;
  switch (n->kind) {
  case E_NAME: bind(c, s, n->u.name.id, n); break;
  case E_TUPLE:
  case E_LIST:
    for (int i = 0; i < n->u.seq.elts.count; i++) visit_target(c, s, n->u.seq.elts.items[i]);
    break;
  case E_STARRED: visit_target(c, s, n->u.unary.value); break;
  default: visit_expr(c, s, n); break;
  }
}

static bool in_class(Scope *s) {
  for (Scope *p = s->parent; p; p = p->parent) {
    if (p->kind == SCOPE_CLASS) return true;
  }
  return false;
}

static void visit_args_defaults(Ctx *c, Scope *s, Arguments *a) {
  if (!a) return;
  visit_exprs(c, s, &a->defaults);
  for (int i = 0; i < a->kw_defaults.count; i++) {
    if (a->kw_defaults.items[i]) visit_expr(c, s, a->kw_defaults.items[i]);
  }
}

static void add_param(Ctx *c, Scope *fs, Node *p) {
  Symbol *sym = scope_lookup(fs, p->u.name.id);
  if (sym && (sym->flags & SYM_PARAM)) {
    fail(c, p, "duplicate argument '%s' in function definition", p->u.name.id);
    return;
  }
  sym = sym_add(c->a, fs, p->u.name.id);
  sym->flags |= SYM_PARAM | SYM_BOUND;
}

static void declare_params(Ctx *c, Scope *fs, Arguments *a) {
  if (!a) return;
  for (int i = 0; i < a->posonly.count; i++) add_param(c, fs, a->posonly.items[i]);
  for (int i = 0; i < a->args.count; i++) add_param(c, fs, a->args.items[i]);
  for (int i = 0; i < a->kwonly.count; i++) add_param(c, fs, a->kwonly.items[i]);
  if (a->vararg) add_param(c, fs, a->vararg);
  if (a->kwarg) add_param(c, fs, a->kwarg);
  fs->posonlycount = a->posonly.count;
  fs->argcount = a->posonly.count + a->args.count;
  fs->kwonlycount = a->kwonly.count;
  fs->varargs = a->vararg != NULL;
  fs->varkw = a->kwarg != NULL;
  fs->nparams = fs->argcount + fs->kwonlycount + fs->varargs + fs->varkw;
}

static void visit_function(Ctx *c, Scope *s, Node *n, const char *name, Arguments *args,
                           NodeList *body, Node *lambda_body, bool is_async) {
  Scope *fs = new_scope(c, SCOPE_FUNCTION, name, n, s);
  fs->is_async = is_async;
  fs->is_lambda = lambda_body != NULL;
  declare_params(c, fs, args);
  if (body) visit_stmts(c, fs, body);
  if (lambda_body) visit_expr(c, fs, lambda_body);
}

static const char *comp_name(NodeKind k) {
  switch (k) {
  case E_LISTCOMP: return "<listcomp>";
  case E_SETCOMP: return "<setcomp>";
  case E_DICTCOMP: return "<dictcomp>";
  default: return "<genexpr>";
  }
}

static void visit_comprehension(Ctx *c, Scope *s, Node *n) {
  NodeList *gens = &n->u.comp.generators;
  /* The first iterable is evaluated in the enclosing scope. */
  visit_expr(c, s, gens->items[0]->u.for_.iter);
  Scope *cs = new_scope(c, SCOPE_COMPREHENSION, comp_name(n->kind), n, s);
  Symbol *dot0 = sym_add(c->a, cs, ".0");
  dot0->flags |= SYM_PARAM | SYM_BOUND;
  cs->argcount = 1;
  cs->nparams = 1;
  for (int i = 0; i < gens->count; i++) {
    Node *g = gens->items[i];
    if (g->u.for_.is_async) cs->comp_async = true;
    if (i > 0) visit_expr(c, cs, g->u.for_.iter);
    visit_target(c, cs, g->u.for_.target);
    visit_exprs(c, cs, &g->u.for_.ifs);
  }
  if (n->u.comp.key) visit_expr(c, cs, n->u.comp.key);
  visit_expr(c, cs, n->u.comp.elt);
}

/* A walrus inside a comprehension binds in the nearest function or module. */
static void visit_named_target(Ctx *c, Scope *s, Node *target) {
  const char *id = target->u.name.id;
  if (s->kind != SCOPE_COMPREHENSION) {
    bind(c, s, id, target);
    return;
  }
  Scope *owner = s;
  while (owner->kind == SCOPE_COMPREHENSION) owner = owner->parent;
  if (owner->kind == SCOPE_CLASS) {
    fail(c, target, "assignment expression within a comprehension cannot be used in a class body");
    return;
  }
  bind(c, owner, id, target);
  for (Scope *p = s; p != owner; p = p->parent) {
    Symbol *sym = sym_add(c->a, p, id);
    sym->flags |= owner->kind == SCOPE_MODULE ? SYM_GLOBAL : SYM_NONLOCAL;
    sym->flags |= SYM_USED;
  }
}

static void visit_expr(Ctx *c, Scope *s, Node *n) {
  if (!n || c->failed) return;
  if (++c->depth > SCOPE_MAX_DEPTH) {
    fail(c, n, "too many nested expressions");
    c->depth--;
    return;
  }
  switch (n->kind) {
  case E_NAME:
    use(c, s, n->u.name.id);
    if (strcmp(n->u.name.id, "super") == 0 && s->kind == SCOPE_FUNCTION && in_class(s))
      s->needs_class_cell = true;
    if (strcmp(n->u.name.id, "__class__") == 0 && s->kind == SCOPE_FUNCTION && in_class(s))
      s->needs_class_cell = true;
    break;
  case E_FSTRING: visit_exprs(c, s, &n->u.fstring.parts); break;
  case E_FORMATTED:
    visit_expr(c, s, n->u.formatted.value);
    visit_expr(c, s, n->u.formatted.spec);
    break;
  case E_BINOP:
    visit_expr(c, s, n->u.binop.left);
    visit_expr(c, s, n->u.binop.right);
    break;
  case E_UNARYOP: visit_expr(c, s, n->u.unaryop.operand); break;
  case E_BOOLOP: visit_exprs(c, s, &n->u.boolop.values); break;
  case E_COMPARE:
    visit_expr(c, s, n->u.compare.left);
    visit_exprs(c, s, &n->u.compare.comparators);
    break;
  case E_IFEXP:
    visit_expr(c, s, n->u.ifexp.test);
    visit_expr(c, s, n->u.ifexp.body);
    visit_expr(c, s, n->u.ifexp.orelse);
    break;
  case E_LAMBDA:
    visit_args_defaults(c, s, n->u.lambda.args);
    visit_function(c, s, n, "<lambda>", n->u.lambda.args, NULL, n->u.lambda.body, false);
    break;
  case E_CALL:
    visit_expr(c, s, n->u.call.func);
    visit_exprs(c, s, &n->u.call.args);
    visit_exprs(c, s, &n->u.call.keywords);
    break;
  case E_KEYWORD: visit_expr(c, s, n->u.keyword.value); break;
  case E_ATTRIBUTE: visit_expr(c, s, n->u.attribute.value); break;
  case E_SUBSCRIPT:
    visit_expr(c, s, n->u.subscript.value);
    visit_expr(c, s, n->u.subscript.slice);
    break;
  case E_SLICE:
    visit_expr(c, s, n->u.slice.lower);
    visit_expr(c, s, n->u.slice.upper);
    visit_expr(c, s, n->u.slice.step);
    break;
  case E_LIST:
  case E_TUPLE:
  case E_SET: visit_exprs(c, s, &n->u.seq.elts); break;
  case E_DICT:
    for (int i = 0; i < n->u.dict.keys.count; i++) {
      visit_expr(c, s, n->u.dict.keys.items[i]);
      visit_expr(c, s, n->u.dict.values.items[i]);
    }
    break;
  case E_LISTCOMP:
  case E_SETCOMP:
  case E_GENEXP:
  case E_DICTCOMP: visit_comprehension(c, s, n); break;
  case E_AWAIT:
    if (s->kind == SCOPE_COMPREHENSION) s->comp_async = true;
    visit_expr(c, s, n->u.unary.value);
    break;
  case E_YIELD:
  case E_YIELD_FROM:
    if (s->kind == SCOPE_FUNCTION) s->is_generator = true;
    visit_expr(c, s, n->u.unary.value);
    break;
  case E_STARRED: visit_expr(c, s, n->u.unary.value); break;
  case E_NAMEDEXPR:
    visit_expr(c, s, n->u.named.value);
    visit_named_target(c, s, n->u.named.target);
    break;
  default: break;
  }
  c->depth--;
}

static void declare_global(Ctx *c, Scope *s, Node *n, bool nonlocal) {
  for (int i = 0; i < n->u.names.count; i++) {
    const char *id = n->u.names.names[i];
    Symbol *sym = scope_lookup(s, id);
    const char *what = nonlocal ? "nonlocal" : "global";
    if (sym && (sym->flags & SYM_PARAM)) {
      fail(c, n, "name '%s' is parameter and %s", id, what);
      return;
    }
    if (sym && (sym->flags & SYM_USED) && !(sym->flags & (SYM_GLOBAL | SYM_NONLOCAL))) {
      fail(c, n, "name '%s' is used prior to %s declaration", id, what);
      return;
    }
    if (sym && (sym->flags & SYM_BOUND) && !(sym->flags & (SYM_GLOBAL | SYM_NONLOCAL))) {
      fail(c, n, "name '%s' is assigned to before %s declaration", id, what);
      return;
    }
    if (nonlocal && sym && (sym->flags & SYM_GLOBAL)) {
      fail(c, n, "name '%s' is nonlocal and global", id);
      return;
    }
    if (!nonlocal && sym && (sym->flags & SYM_NONLOCAL)) {
      fail(c, n, "name '%s' is nonlocal and global", id);
      return;
    }
    sym = sym_add(c->a, s, id);
    sym->flags |= nonlocal ? SYM_NONLOCAL : SYM_GLOBAL;
    if (!sym->decl) sym->decl = n;
  }
}

static void visit_stmt(Ctx *c, Scope *s, Node *n) {
  if (!n || c->failed) return;
  if (++c->depth > SCOPE_MAX_DEPTH) {
    fail(c, n, "too many statically nested blocks");
    c->depth--;
    return;
  }
  switch (n->kind) {
  case S_EXPR: visit_expr(c, s, n->u.expr.value); break;
  case S_ASSIGN:
    visit_expr(c, s, n->u.assign.value);
    for (int i = 0; i < n->u.assign.targets.count; i++)
      visit_target(c, s, n->u.assign.targets.items[i]);
    break;
  case S_AUGASSIGN:
    visit_expr(c, s, n->u.augassign.value);
    if (n->u.augassign.target->kind == E_NAME) use(c, s, n->u.augassign.target->u.name.id);
    visit_target(c, s, n->u.augassign.target);
    break;
  case S_ANNASSIGN:
    if (n->u.annassign.value) visit_expr(c, s, n->u.annassign.value);
    if (n->u.annassign.target->kind == E_NAME) {
      if (n->u.annassign.value || s->kind == SCOPE_FUNCTION)
        bind(c, s, n->u.annassign.target->u.name.id, n);
    } else {
      visit_expr(c, s, n->u.annassign.target);
    }
    break;
  case S_IF:
    visit_expr(c, s, n->u.if_.test);
    visit_stmts(c, s, &n->u.if_.body);
    visit_stmts(c, s, &n->u.if_.orelse);
    break;
  case S_WHILE:
    visit_expr(c, s, n->u.while_.test);
    visit_stmts(c, s, &n->u.while_.body);
    visit_stmts(c, s, &n->u.while_.orelse);
    break;
  case S_FOR:
    visit_expr(c, s, n->u.for_.iter);
    visit_target(c, s, n->u.for_.target);
    visit_stmts(c, s, &n->u.for_.body);
    visit_stmts(c, s, &n->u.for_.orelse);
    break;
  case S_RETURN: visit_expr(c, s, n->u.unary.value); break;
  case S_DELETE:
    for (int i = 0; i < n->u.seq.elts.count; i++) visit_target(c, s, n->u.seq.elts.items[i]);
    break;
  case S_FUNCDEF:
    visit_exprs(c, s, &n->u.funcdef.decorators);
    visit_args_defaults(c, s, n->u.funcdef.args);
    bind(c, s, n->u.funcdef.name, n);
    visit_function(c, s, n, n->u.funcdef.name, n->u.funcdef.args, &n->u.funcdef.body, NULL,
                   n->u.funcdef.is_async);
    break;
  case S_CLASSDEF: {
    visit_exprs(c, s, &n->u.classdef.decorators);
    visit_exprs(c, s, &n->u.classdef.bases);
    visit_exprs(c, s, &n->u.classdef.keywords);
    bind(c, s, n->u.classdef.name, n);
    Scope *cs = new_scope(c, SCOPE_CLASS, n->u.classdef.name, n, s);
    visit_stmts(c, cs, &n->u.classdef.body);
    break;
  }
  case S_TRY:
    visit_stmts(c, s, &n->u.try_.body);
    for (int i = 0; i < n->u.try_.handlers.count; i++) {
      Node *h = n->u.try_.handlers.items[i];
      visit_expr(c, s, h->u.handler.type);
      if (h->u.handler.name) bind(c, s, h->u.handler.name, h);
      visit_stmts(c, s, &h->u.handler.body);
    }
    visit_stmts(c, s, &n->u.try_.orelse);
    visit_stmts(c, s, &n->u.try_.finalbody);
    break;
  case S_RAISE:
    visit_expr(c, s, n->u.raise.exc);
    visit_expr(c, s, n->u.raise.cause);
    break;
  case S_ASSERT:
    visit_expr(c, s, n->u.assert_.test);
    visit_expr(c, s, n->u.assert_.msg);
    break;
  case S_WITH:
    for (int i = 0; i < n->u.with.items.count; i++) {
      Node *it = n->u.with.items.items[i];
      visit_expr(c, s, it->u.withitem.context_expr);
      visit_target(c, s, it->u.withitem.optional_vars);
    }
    visit_stmts(c, s, &n->u.with.body);
    break;
  case S_GLOBAL:
  case S_NONLOCAL:
    if (n->kind == S_NONLOCAL && s->kind == SCOPE_MODULE) {
      fail(c, n, "nonlocal declaration not allowed at module level");
      break;
    }
    declare_global(c, s, n, n->kind == S_NONLOCAL);
    break;
  case S_IMPORT:
    for (int i = 0; i < n->u.import.names.count; i++) {
      Node *al = n->u.import.names.items[i];
      if (al->u.alias.asname) {
        bind(c, s, al->u.alias.asname, al);
      } else {
        const char *dot = strchr(al->u.alias.name, '.');
        bind(c, s,
             dot ? arena_strndup(c->a, al->u.alias.name, (size_t)(dot - al->u.alias.name))
                 : al->u.alias.name,
             al);
      }
    }
    break;
  case S_IMPORTFROM:
    for (int i = 0; i < n->u.import.names.count; i++) {
      Node *al = n->u.import.names.items[i];
      if (strcmp(al->u.alias.name, "*") == 0) continue;
      bind(c, s, al->u.alias.asname ? al->u.alias.asname : al->u.alias.name, al);
    }
    break;
  default: break;
  }
  c->depth--;
}

static void visit_stmts(Ctx *c, Scope *s, NodeList *l) {
  for (int i = 0; i < l->count && !c->failed; i++) visit_stmt(c, s, l->items[i]);
}

/* ------------------------------------------------------ second pass */

static bool is_functionlike(Scope *s) {
  return s->kind == SCOPE_FUNCTION || s->kind == SCOPE_COMPREHENSION;
}

/* Is name bound as a local of some enclosing function scope? */
static Scope *binding_function(Scope *s, const char *name) {
  for (Scope *p = s->parent; p; p = p->parent) {
    if (!is_functionlike(p)) continue;
    Symbol *sym = scope_lookup(p, name);
    if (sym && (sym->flags & SYM_GLOBAL)) return NULL;
    if (sym && (sym->flags & (SYM_BOUND | SYM_NONLOCAL))) return p;
  }
  return NULL;
}

static void classify(Ctx *c, Scope *s) {
  for (int i = 0; i < s->nsyms; i++) {
    Symbol *sym = &s->syms[i];
    if (sym->flags & SYM_GLOBAL) {
      sym->kind = NAME_GLOBAL_EXPLICIT;
    } else if (sym->flags & SYM_NONLOCAL) {
      if (!binding_function(s, sym->name)) {
        fail(c, sym->decl ? sym->decl : s->node, "no binding for nonlocal '%s' found", sym->name);
        return;
      }
      sym->kind = NAME_FREE;
    } else if (sym->flags & SYM_BOUND) {
      sym->kind = s->kind == SCOPE_MODULE ? NAME_GLOBAL_IMPLICIT : NAME_LOCAL;
    } else if (s->kind != SCOPE_MODULE && binding_function(s, sym->name)) {
      sym->kind = NAME_FREE;
    } else {
      /* A global declared in an enclosing scope stays explicit. */
      sym->kind = NAME_GLOBAL_IMPLICIT;
    }
  }
  if (s->needs_class_cell) {
    Symbol *sym = sym_add(c->a, s, "__class__");
    sym->flags |= SYM_USED;
    sym->kind = NAME_FREE;
  }
}

/* Names free in child that must come from s or through s. */
static void absorb_child_free(Ctx *c, Scope *s, Scope *child) {
  for (int i = 0; i < child->nsyms; i++) {
    Symbol *cs = &child->syms[i];
    if (cs->kind != NAME_FREE) continue;
    if (s->kind == SCOPE_CLASS && strcmp(cs->name, "__class__") == 0) {
      s->has_class_cell = true;
      continue;
    }
    Symbol *sym = scope_lookup(s, cs->name);
    if (is_functionlike(s) && sym && (sym->kind == NAME_LOCAL || sym->kind == NAME_CELL)) {
      sym->kind = NAME_CELL;
      continue;
    }
    /* Not bound here: pass it through so the child's closure can be built.
     * A class may also bind the same name in its namespace; the closure
     * still needs the enclosing function's cell, in a free slot. */
    if (!sym) {
      sym = sym_add(c->a, s, cs->name);
      sym->kind = NAME_FREE;
    }
    sym->flags |= SYM_FREE_PASS;
  }
}

static void assign_slots(Ctx *c, Scope *s) {
  if (s->kind == SCOPE_CLASS && s->has_class_cell) sym_add(c->a, s, "__class__");
  int n = 0, cap = s->nsyms + 1;
  const char **names = arena_alloc(c->a, sizeof(char *) * (size_t)cap);
  if (is_functionlike(s)) {
    /* Parameters first, in declaration order (they were added first). */
    for (int i = 0; i < s->nsyms; i++) {
      Symbol *sym = &s->syms[i];
      if (sym->flags & SYM_PARAM) {
        sym->slot = n;
        names[n++] = sym->name;
      }
    }
    for (int i = 0; i < s->nsyms; i++) {
      Symbol *sym = &s->syms[i];
      if (!(sym->flags & SYM_PARAM) && (sym->kind == NAME_LOCAL || sym->kind == NAME_CELL)) {
        sym->slot = n;
        names[n++] = sym->name;
      }
    }
  } else if (s->kind == SCOPE_CLASS && s->has_class_cell) {
    Symbol *sym = scope_lookup(s, "__class__");
    sym->kind = NAME_CELL;
    sym->slot = n;
    names[n++] = "__class__";
  }
  s->nlocals = n;
  for (int i = 0; i < s->nsyms && n < cap; i++) {
    Symbol *sym = &s->syms[i];
    bool pass = s->kind == SCOPE_CLASS && sym->kind == NAME_LOCAL && (sym->flags & SYM_FREE_PASS);
    if (sym->kind == NAME_FREE || pass) {
      sym->slot = n;
      names[n++] = sym->name;
    }
  }
  s->nfree = n - s->nlocals;
  s->slotnames = names;
}

static void analyze(Ctx *c, Scope *s) {
  classify(c, s);
  if (c->failed) return;
  for (int i = 0; i < s->nchildren && !c->failed; i++) {
    analyze(c, s->children[i]);
    absorb_child_free(c, s, s->children[i]);
  }
  if (s->kind == SCOPE_MODULE) return;
  assign_slots(c, s);
}

void scope_free(ScopeTable *t) {
  free(t->keys);
  free(t->by_node);
  t->keys = NULL;
  t->by_node = NULL;
  t->cap = t->count = 0;
}

bool scope_analyze(ScopeTable *t, Arena *a, Node *module, bool interactive, SyntaxErr *err) {
  memset(t, 0, sizeof *t);
  t->arena = a;
  Ctx c = {t, a, err, false, interactive, 0};
  Scope *m = new_scope(&c, SCOPE_MODULE, "<module>", module, NULL);
  t->module = m;
  if (module->kind == MOD_MODULE) {
    visit_stmts(&c, m, &module->u.module.body);
  } else {
    visit_expr(&c, m, module);
  }
  if (!c.failed) analyze(&c, m);
  return !c.failed;
}
