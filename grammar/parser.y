/* parser.y — the lemon grammar of asy's Python 3.11 subset, building the
 * AST of ast.h in the parse's arena.
 *
 * LALR(1) cannot see what CPython's PEG parser sees, so the grammar parses
 * a little more than Python (assignment targets as expressions, "x as y"
 * inside any parentheses, parameters in any order) and the actions reject
 * the extra with CPython's messages. Lists are built left-recursively so
 * the parser stack stays flat however long a list is. */

%name AsyParse
%token_prefix TK_
%token_type {Token}
%default_type {Node *}
%extra_context {ParseCtx *ctx}
%stack_size 4000
%start_symbol start

%syntax_error { parse_syntax_error(ctx, yypParser, yymajor, &yyminor); }
%stack_overflow { parse_fail_tok(ctx, &ctx->cur, "too many nested expressions"); }

%include {
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

/* Stop at the first syntax error: the driver never resumes after one. */
#define YYNOERRORRECOVERY 1

/* A comma-separated list being built, and where its last token ends. */
typedef struct {
  NodeList items;
  bool comma;    /* ended with a trailing comma */
  int end_line, end_col;
} SeqB;

/* An if statement and its elif chain: the first and the innermost If. */
typedef struct {
  Node *first, *last;
} IfChain;

/* Comparison operators and operands after the first operand. */
typedef struct {
  AstOp *ops;
  int cap;
  NodeList rest;
} CmpB;

/* Call arguments in source order, validated as they come. */
typedef struct {
  NodeList args, keywords;
  bool seen_kw, seen_dstar;
  Node *bare_genexp; /* an unparenthesized generator argument */
  int count;
} ArgB;

/* One parameter of a def or lambda, before its kind's rules are checked. */
typedef enum { PK_NAME, PK_SLASH, PK_STAR, PK_DSTAR } ParamKind;
typedef struct {
  ParamKind kind;
  Node *name;       /* E_NAME with its annotation, or NULL (bare * and /) */
  Node *dflt;
  Token tok, eq;
} ParamItem;

typedef struct {
  ParamItem **items;
  int count, cap;
  bool lambda; /* CPython words some errors differently for lambda */
} ParamB;

typedef struct {
  StrTok *head, *tail;
} StrList;

/* ------------------------------------------------------------ node basics */

static Node *node_at(ParseCtx *ctx, NodeKind kind, int line, int col) {
  return ast_node(ctx->arena, kind, line, col);
}

static Node *node_tok(ParseCtx *ctx, NodeKind kind, const Token *t) {
  Node *n = node_at(ctx, kind, t->line, t->col);
  n->end_line = t->end_line;
  n->end_col = t->end_col;
  return n;
}

/* Start a node where child starts, or end it where child ends, counting
 * the child's parentheses as CPython does. */
static Node *node_from(ParseCtx *ctx, NodeKind kind, const Node *child) {
  Span sp = parse_span(ctx, child);
  return node_at(ctx, kind, sp.line, sp.col);
}

static void end_at(ParseCtx *ctx, Node *n, const Node *child) {
  Span sp = parse_span(ctx, child);
  n->end_line = sp.end_line;
  n->end_col = sp.end_col;
}

static void end_at_tok(Node *n, const Token *t) {
  n->end_line = t->end_line;
  n->end_col = t->end_col;
}

static Node *expr_done(ParseCtx *ctx, Node *n) {
  ctx->last_node = n;
  return n;
}

static NodeList list_one(ParseCtx *ctx, Node *n) {
  NodeList l = {0};
  nodelist_push(ctx->arena, &l, n);
  return l;
}

static void list_append(ParseCtx *ctx, NodeList *dst, const NodeList *src) {
  for (int i = 0; i < src->count; i++) nodelist_push(ctx->arena, dst, src->items[i]);
}

static Node *last_of(const NodeList *l) { return l->items[l->count - 1]; }

static const char *tok_str(ParseCtx *ctx, const Token *t) {
  return arena_strndup(ctx->arena, t->text, t->len);
}

static Node *mk_name(ParseCtx *ctx, const Token *t) {
  Node *n = node_tok(ctx, E_NAME, t);
  n->u.name.id = tok_str(ctx, t);
  return expr_done(ctx, n);
}

static Node *mk_number(ParseCtx *ctx, const Token *t) {
  Node *n = node_tok(ctx, (t->flags & TOKF_FLOAT) ? E_FLOAT : E_INT, t);
  if (t->flags & TOKF_FLOAT)
    n->u.constant.f = t->num.f;
  else
    n->u.constant.i = t->num.i;
  if (t->flags & TOKF_MININT) nodelist_push(ctx->arena, &ctx->minints, n);
  return expr_done(ctx, n);
}

static Node *mk_binop(ParseCtx *ctx, Node *l, AstOp op, Node *r) {
  Node *n = node_from(ctx, E_BINOP, l);
  n->u.binop.left = l;
  n->u.binop.op = op;
  n->u.binop.right = r;
  end_at(ctx, n, r);
  return expr_done(ctx, n);
}

/* -2**63 is an int64; the literal 2**63 alone is not. */
static bool fold_minint(ParseCtx *ctx, Node *operand) {
  for (int i = 0; i < ctx->minints.count; i++) {
    if (ctx->minints.items[i] != operand || operand->parenthesized) continue;
    ctx->minints.items[i] = ctx->minints.items[--ctx->minints.count];
    return true;
  }
  return false;
}

static Node *mk_unary(ParseCtx *ctx, const Token *t, AstOp op, Node *operand) {
  if (op == OP_NEG && fold_minint(ctx, operand)) {
    operand->line = t->line;
    operand->col = t->col;
    return expr_done(ctx, operand);
  }
  Node *n = node_at(ctx, E_UNARYOP, t->line, t->col);
  n->u.unaryop.op = op;
  n->u.unaryop.operand = operand;
  end_at(ctx, n, operand);
  return expr_done(ctx, n);
}

static Node *mk_value(ParseCtx *ctx, NodeKind kind, const Token *t, Node *value) {
  Node *n = node_tok(ctx, kind, t);
  n->u.unary.value = value;
  if (value) end_at(ctx, n, value);
  return expr_done(ctx, n);
}

static Node *mk_boolop(ParseCtx *ctx, AstOp op, NodeList values) {
  Node *first = values.items[0];
  Node *n = node_from(ctx, E_BOOLOP, first);
  n->u.boolop.op = op;
  n->u.boolop.values = values;
  end_at(ctx, n, last_of(&values));
  return expr_done(ctx, n);
}

static void cmp_add(ParseCtx *ctx, CmpB *b, AstOp op, Node *e) {
  if (b->rest.count == b->cap) {
    int cap = b->cap ? b->cap * 2 : 4;
    AstOp *ops = arena_alloc(ctx->arena, (size_t)cap * sizeof *ops);
    if (b->rest.count) memcpy(ops, b->ops, (size_t)b->rest.count * sizeof *ops);
    b->ops = ops;
    b->cap = cap;
  }
  b->ops[b->rest.count] = op;
  nodelist_push(ctx->arena, &b->rest, e);
}

static CmpB *cmp_new(ParseCtx *ctx, AstOp op, Node *e) {
  CmpB *b = arena_alloc(ctx->arena, sizeof *b);
  cmp_add(ctx, b, op, e);
  return b;
}

static Node *mk_compare(ParseCtx *ctx, Node *left, CmpB *b) {
  Node *n = node_from(ctx, E_COMPARE, left);
  n->u.compare.left = left;
  n->u.compare.ops = b->ops;
  n->u.compare.comparators = b->rest;
  end_at(ctx, n, last_of(&b->rest));
  return expr_done(ctx, n);
}

/* ------------------------------------------------------------- sequences */

static SeqB seq_one(ParseCtx *ctx, Node *n) {
  Span sp = parse_span(ctx, n);
  SeqB s = {list_one(ctx, n), false, sp.end_line, sp.end_col};
  return s;
}

static SeqB seq_add(ParseCtx *ctx, SeqB s, Node *n) {
  Span sp = parse_span(ctx, n);
  nodelist_push(ctx->arena, &s.items, n);
  s.end_line = sp.end_line;
  s.end_col = sp.end_col;
  return s;
}

static SeqB seq_comma(SeqB s, const Token *comma) {
  s.comma = true;
  s.end_line = comma->end_line;
  s.end_col = comma->end_col;
  return s;
}

static Node *mk_seq(ParseCtx *ctx, NodeKind kind, int line, int col, NodeList elts) {
  Node *n = node_at(ctx, kind, line, col);
  n->u.seq.elts = elts;
  return n;
}

/* An unparenthesized comma list: one expression, or a tuple of them. */
static Node *seq_expr(ParseCtx *ctx, SeqB s) {
  if (s.items.count == 1 && !s.comma) return s.items.items[0];
  Span first = parse_span(ctx, s.items.items[0]);
  Node *n = mk_seq(ctx, E_TUPLE, first.line, first.col, s.items);
  n->end_line = s.end_line;
  n->end_col = s.end_col;
  /* Not the "last expression" of the error messages: lemon may build this
   * tuple on the way to a syntax error, whose message is about its items. */
  return n;
}

static Node *mk_bracketed(ParseCtx *ctx, NodeKind kind, const Token *l, NodeList elts,
                          const Token *r) {
  Node *n = mk_seq(ctx, kind, l->line, l->col, elts);
  end_at_tok(n, r);
  return expr_done(ctx, n);
}

/* A dict display's key: value (or **value) pair travels as a temporary
 * E_NAMEDEXPR (target: the key or NULL) that never reaches the tree. */
static Node *mk_pair(ParseCtx *ctx, Node *key, Node *value, const Token *dstar) {
  Node *kv = dstar ? node_tok(ctx, E_NAMEDEXPR, dstar) : node_from(ctx, E_NAMEDEXPR, key);
  kv->u.named.target = key;
  kv->u.named.value = value;
  return kv;
}

static Node *mk_dict(ParseCtx *ctx, const Token *l, SeqB pairs, const Token *r) {
  Node *n = node_at(ctx, E_DICT, l->line, l->col);
  for (int i = 0; i < pairs.items.count; i++) {
    Node *kv = pairs.items.items[i];
    nodelist_push(ctx->arena, &n->u.dict.keys, kv->u.named.target);
    nodelist_push(ctx->arena, &n->u.dict.values, kv->u.named.value);
  }
  end_at_tok(n, r);
  return expr_done(ctx, n);
}

static Node *mk_comp(ParseCtx *ctx, NodeKind kind, const Token *l, Node *key, Node *elt,
                     NodeList gens, const Token *r) {
  Node *n = node_at(ctx, kind, l->line, l->col);
  n->u.comp.key = key;
  n->u.comp.elt = elt;
  n->u.comp.generators = gens;
  end_at_tok(n, r);
  return expr_done(ctx, n);
}

/* ------------------------------------------------------------- targets */

/* Report an invalid for/with/comprehension/del target; false if there is one. */
static bool check_target(ParseCtx *ctx, const Node *t, TargetKind kind) {
  const Node *bad = parse_invalid_target(t, kind);
  if (!bad) return true;
  parse_fail_node(ctx, bad, kind == TGT_DEL ? "cannot delete %s" : "cannot assign to %s",
                  parse_expr_name(bad));
  return false;
}

/* A node CPython parses as a bitwise_or (a candidate for "Maybe you meant
 * '=='"): anything but the low-precedence forms, unless parenthesized. */
static bool is_bitwise_or(const Node *n) {
  if (n->parenthesized) return true;
  switch (n->kind) {
  case E_COMPARE:
  case E_BOOLOP:
  case E_IFEXP:
  case E_LAMBDA:
  case E_NAMEDEXPR:
  case E_STARRED: return false;
  case E_UNARYOP: return n->u.unaryop.op != OP_NOT;
  default: return true;
  }
}

static bool starts_bitwise_or(int kind);

static bool starts_expression(int kind) {
  return starts_bitwise_or(kind) || kind == TK_NOT || kind == TK_LAMBDA;
}

static bool starts_bitwise_or(int kind) {
  switch (kind) {
  case TK_NAME: case TK_NUMBER: case TK_STRING: case TK_LPAR: case TK_LSQB: case TK_LBRACE:
  case TK_MINUS: case TK_PLUS: case TK_TILDE: case TK_AWAIT: case TK_NONE: case TK_TRUE:
  case TK_FALSE: case TK_ELLIPSIS: return true;
  default: return false;
  }
}

/* Whether CPython's "cannot assign to X here" rule reads e before an '='. */
static bool suffix_applies_to(const Node *e) {
  switch (e->kind) {
  case E_LIST:
  case E_TUPLE:
  case E_GENEXP:
  case E_TRUE:
  case E_FALSE:
  case E_NONE: return false;
  default: return is_bitwise_or(e);
  }
}

/* Whether CPython's invalid_named_expression rule would see bad, the
 * offending part of first target t, as "x = value" in an expression. */
static bool suffix_applies(ParseCtx *ctx, const Node *t, const Node *bad) {
  if (!starts_bitwise_or(ctx->cur.kind)) return false;
  if (bad != t) {
    bool bare_tuple = t->kind == E_TUPLE && !t->parenthesized;
    if (!bare_tuple || bad != last_of(&t->u.seq.elts)) return false;
  }
  return suffix_applies_to(bad);
}

/* An assignment target: an error now (yield) or pending until we know
 * whether a value or another '=' follows. */
static void check_assign_target(ParseCtx *ctx, Node *t, bool first) {
  if (ctx->pending_target) parse_flush_target(ctx, false);
  if (ctx->failed) return;
  if ((t->kind == E_YIELD || t->kind == E_YIELD_FROM) && !t->parenthesized) {
    parse_fail_node(ctx, t, "assignment to yield expression not possible");
    return;
  }
  const Node *bad = parse_invalid_target(t, TGT_ASSIGN);
  if (!bad) return;
  ctx->pending_target = (Node *)bad;
  ctx->pending_suffix = first && suffix_applies(ctx, t, bad);
}

static Node *assign_start(ParseCtx *ctx, Node *t) {
  Node *a = node_from(ctx, S_ASSIGN, t);
  nodelist_push(ctx->arena, &a->u.assign.targets, t);
  check_assign_target(ctx, t, true);
  return a;
}

/* x = 1, f() = 2: CPython's named-expression rule reads "x = 1" first and
 * objects to that '=' (its hints), as the "1, f()" it stops at is no '='. */
static bool chain_hint(ParseCtx *ctx, Node *a, Node *t) {
  Node *first = a->u.assign.targets.items[0];
  if (a->u.assign.targets.count != 1 || t->kind != E_TUPLE || t->parenthesized ||
      !parse_invalid_target(t, TGT_ASSIGN))
    return false;
  Node *elt = t->u.seq.elts.items[0];
  if (first->kind == E_NAME && !first->parenthesized) {
    Span sp = parse_span(ctx, elt);
    parse_fail_range(ctx, first->line, first->col, sp.end_line, sp.end_col,
                     "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return true;
  }
  if (!suffix_applies_to(first)) return false;
  parse_fail_node(ctx, first, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                  parse_expr_name(first));
  return true;
}

static Node *assign_more(ParseCtx *ctx, Node *a, Node *t) {
  if (!ctx->pending_target && chain_hint(ctx, a, t)) return a;
  /* CPython's hint needs the value's first bitwise_or not to be followed
   * by '=': it is followed by one when that is all this target is. */
  if (ctx->pending_target) {
    bool bare_tuple = t->kind == E_TUPLE && !t->parenthesized;
    parse_flush_target(ctx, ctx->pending_suffix && (bare_tuple || !is_bitwise_or(t)));
  }
  nodelist_push(ctx->arena, &a->u.assign.targets, t);
  check_assign_target(ctx, t, false);
  return a;
}

static Node *assign_finish(ParseCtx *ctx, Node *a, Node *value) {
  if (ctx->pending_target) parse_flush_target(ctx, ctx->pending_suffix);
  a->u.assign.value = value;
  end_at(ctx, a, value);
  return a;
}

static Node *aug_start(ParseCtx *ctx, Node *t, AstOp op) {
  if (t->kind != E_NAME && t->kind != E_ATTRIBUTE && t->kind != E_SUBSCRIPT)
    parse_fail_node(ctx, t, "'%s' is an illegal expression for augmented assignment",
                    parse_expr_name(t));
  Node *a = node_from(ctx, S_AUGASSIGN, t);
  a->u.augassign.target = t;
  a->u.augassign.op = op;
  return a;
}

/* CPython names a bad annotation target only if an expression follows the
 * ':' (the lookahead here); otherwise the ':' itself is the syntax error. */
static Node *ann_start(ParseCtx *ctx, Node *t, const Token *colon) {
  bool valid = (t->kind == E_NAME || t->kind == E_ATTRIBUTE || t->kind == E_SUBSCRIPT);
  if (!valid && !starts_expression(ctx->cur.kind)) parse_fail_tok(ctx, colon, "invalid syntax");
  if (t->kind == E_TUPLE && !t->parenthesized)
    parse_fail_node(ctx, t->u.seq.elts.items[0], "only single target (not tuple) can be annotated");
  else if (t->kind == E_TUPLE || t->kind == E_LIST)
    parse_fail_node(ctx, t, "only single target (not %s) can be annotated", parse_expr_name(t));
  else if (t->kind != E_NAME && t->kind != E_ATTRIBUTE && t->kind != E_SUBSCRIPT)
    parse_fail_node(ctx, t, "illegal target for annotation");
  Node *a = node_from(ctx, S_ANNASSIGN, t);
  a->u.annassign.target = t;
  a->u.annassign.simple = t->kind == E_NAME && !t->parenthesized;
  return a;
}

static Node *ann_finish(ParseCtx *ctx, Node *a, Node *value) {
  a->u.annassign.value = value;
  end_at(ctx, a, value);
  return a;
}

static Node *mk_named(ParseCtx *ctx, Node *target, Node *value) {
  if (target->kind != E_NAME || target->parenthesized)
    parse_fail_node(ctx, target, "cannot use assignment expressions with %s", parse_expr_name(target));
  Node *n = node_from(ctx, E_NAMEDEXPR, target);
  n->u.named.target = target;
  n->u.named.value = value;
  end_at(ctx, n, value);
  return expr_done(ctx, n);
}

/* ------------------------------------------------------------ statements */

static Node *mk_stmt_value(ParseCtx *ctx, NodeKind kind, const Token *t, Node *value) {
  Node *n = node_tok(ctx, kind, t);
  n->u.unary.value = value;
  if (value) end_at(ctx, n, value);
  return n;
}

static Node *mk_expr_stmt(ParseCtx *ctx, Node *e) {
  if (ctx->pending_target) parse_flush_target(ctx, ctx->pending_suffix);
  Node *n = node_from(ctx, S_EXPR, e);
  n->u.expr.value = e;
  end_at(ctx, n, e);
  return n;
}

static void end_at_body(ParseCtx *ctx, Node *n, const NodeList *body) {
  if (body->count) end_at(ctx, n, last_of(body));
}

static Node *mk_if(ParseCtx *ctx, const Token *t, Node *test, NodeList body) {
  Node *n = node_tok(ctx, S_IF, t);
  n->u.if_.test = test;
  n->u.if_.body = body;
  end_at_body(ctx, n, &body);
  return n;
}

/* Every If of an elif chain ends where the whole chain ends. */
static Node *if_finish(ParseCtx *ctx, IfChain c) {
  Node *last = c.last;
  const NodeList *tail = last->u.if_.orelse.count ? &last->u.if_.orelse : &last->u.if_.body;
  Node *end = tail->items[tail->count - 1];
  for (Node *n = c.first;; n = n->u.if_.orelse.items[0]) {
    end_at(ctx, n, end);
    if (n == last) break;
  }
  return c.first;
}

static Node *mk_loop(ParseCtx *ctx, NodeKind kind, const Token *t, NodeList body, NodeList orelse) {
  Node *n = node_tok(ctx, kind, t);
  n->u.for_.body = body;
  n->u.for_.orelse = orelse;
  end_at_body(ctx, n, orelse.count ? &orelse : &body);
  return n;
}

static Node *mk_while(ParseCtx *ctx, const Token *t, Node *test, NodeList body, NodeList orelse) {
  Node *n = node_tok(ctx, S_WHILE, t);
  n->u.while_.test = test;
  n->u.while_.body = body;
  n->u.while_.orelse = orelse;
  end_at_body(ctx, n, orelse.count ? &orelse : &body);
  return n;
}

static Node *mk_for(ParseCtx *ctx, const Token *t, Node *target, Node *iter, NodeList body,
                    NodeList orelse) {
  Node *n = mk_loop(ctx, S_FOR, t, body, orelse);
  n->u.for_.target = target;
  n->u.for_.iter = iter;
  return n;
}

static Node *make_async(Node *n, const Token *t) {
  n->line = t->line;
  n->col = t->col;
  if (n->kind == S_FOR) n->u.for_.is_async = true;
  if (n->kind == S_WITH) n->u.with.is_async = true;
  if (n->kind == S_FUNCDEF) n->u.funcdef.is_async = true;
  return n;
}

static Node *mk_try(ParseCtx *ctx, Node *t, NodeList handlers, NodeList orelse, NodeList finalbody) {
  (void)ctx;
  t->u.try_.handlers = handlers;
  t->u.try_.orelse = orelse;
  t->u.try_.finalbody = finalbody;
  const NodeList *tail = finalbody.count ? &finalbody : orelse.count ? &orelse : &handlers;
  if (tail->count) end_at(ctx, t, last_of(tail));
  return t;
}

static Node *mk_handler(ParseCtx *ctx, const Token *t, Node *type, const Token *name,
                        NodeList body) {
  Node *n = node_tok(ctx, S_HANDLER, t);
  n->u.handler.type = type;
  n->u.handler.name = name ? tok_str(ctx, name) : NULL;
  n->u.handler.body = body;
  end_at_body(ctx, n, &body);
  return n;
}

static Node *mk_withitem(ParseCtx *ctx, Node *e, Node *vars) {
  Node *n = node_from(ctx, E_WITHITEM, e);
  n->u.withitem.context_expr = e;
  n->u.withitem.optional_vars = vars;
  end_at(ctx, n, vars ? vars : e);
  if (vars) check_target(ctx, vars, TGT_ASSIGN);
  return n;
}

/* with (a as b, c): the parenthesized form arrives as one item whose
 * expression is the list the atom rule marked (ctx->with_paren). This runs
 * before the body is parsed, so nested withs cannot disturb the mark. */
static NodeList with_unwrap(ParseCtx *ctx, NodeList items) {
  Node *only = items.count == 1 ? items.items[0] : NULL;
  if (only && !only->u.withitem.optional_vars && only->u.withitem.context_expr == ctx->with_paren) {
    NodeList elts = ctx->with_paren->u.seq.elts;
    memset(&items, 0, sizeof items);
    for (int i = 0; i < elts.count; i++) {
      Node *e = elts.items[i];
      if (e->kind == E_WITHITEM) {
        Node *ce = e->u.withitem.context_expr;
        e->line = ce->line;
        e->col = ce->col;
        end_at(ctx, e, e->u.withitem.optional_vars);
      } else {
        e = mk_withitem(ctx, e, NULL);
      }
      nodelist_push(ctx->arena, &items, e);
    }
  }
  ctx->with_paren = NULL;
  return items;
}

static Node *mk_with(ParseCtx *ctx, const Token *t, NodeList items, NodeList body) {
  Node *n = node_tok(ctx, S_WITH, t);
  n->u.with.items = items;
  n->u.with.body = body;
  end_at_body(ctx, n, &body);
  return n;
}

static Node *mk_names(ParseCtx *ctx, NodeKind kind, const Token *t, NodeList names) {
  Node *n = node_tok(ctx, kind, t);
  n->u.names.count = names.count;
  n->u.names.names = arena_alloc(ctx->arena, (size_t)names.count * sizeof(char *));
  for (int i = 0; i < names.count; i++) n->u.names.names[i] = names.items[i]->u.name.id;
  end_at(ctx, n, last_of(&names));
  return n;
}

static Node *mk_alias(ParseCtx *ctx, Node *dotted, const Token *as) {
  Node *n = node_from(ctx, E_ALIAS, dotted);
  n->u.alias.name = dotted->u.name.id;
  end_at(ctx, n, dotted);
  if (as) {
    n->u.alias.asname = tok_str(ctx, as);
    end_at_tok(n, as);
  }
  return n;
}

static Node *dotted_more(ParseCtx *ctx, Node *d, const Token *name) {
  size_t a = strlen(d->u.name.id);
  char *s = arena_alloc(ctx->arena, a + name->len + 2);
  memcpy(s, d->u.name.id, a);
  s[a] = '.';
  memcpy(s + a + 1, name->text, name->len);
  d->u.name.id = s;
  end_at_tok(d, name);
  return d;
}

/* --------------------------------------------------------------- calls */

static ArgB *argb_new(ParseCtx *ctx) { return arena_alloc(ctx->arena, sizeof(ArgB)); }

/* Add one argument, in CPython's order rules. The grammar hands keyword
 * arguments as E_KEYWORD, *x as E_STARRED, and generators as E_GENEXP
 * whose parenthesized flag tells a written "(...)" from a bare one. */
static ArgB *argb_add(ParseCtx *ctx, ArgB *b, Node *a) {
  b->count++;
  if (b->bare_genexp && b->count == 2)
    parse_fail_node(ctx, b->bare_genexp, "Generator expression must be parenthesized");
  if (a->kind == E_GENEXP && !a->parenthesized) {
    b->bare_genexp = a;
    if (b->count > 1) parse_fail_node(ctx, a, "Generator expression must be parenthesized");
  }
  if (a->kind == E_KEYWORD) {
    if (!a->u.keyword.arg) b->seen_dstar = true;
    b->seen_kw = true;
    nodelist_push(ctx->arena, &b->keywords, a);
  } else if (a->kind == E_STARRED) {
    if (b->seen_dstar)
      parse_fail_range(ctx, a->line, a->col, a->line, a->col,
                       "iterable argument unpacking follows keyword argument unpacking");
    nodelist_push(ctx->arena, &b->args, a);
  } else {
    if (b->seen_kw)
      parse_fail_tok(ctx, &ctx->cur, "%s",
                     b->seen_dstar ? "positional argument follows keyword argument unpacking"
                                   : "positional argument follows keyword argument");
    nodelist_push(ctx->arena, &b->args, a);
  }
  return b;
}

static Node *mk_keyword(ParseCtx *ctx, Node *key, const Token *eq, Node *value) {
  if (key->kind == E_TRUE || key->kind == E_FALSE || key->kind == E_NONE)
    parse_fail_range(ctx, key->line, key->col, eq->end_line, eq->end_col, "cannot assign to %s",
                     parse_expr_name(key));
  else if (key->kind != E_NAME || key->parenthesized)
    parse_fail_range(ctx, key->line, key->col, eq->end_line, eq->end_col,
                     "expression cannot contain assignment, perhaps you meant \"==\"?");
  Node *n = node_from(ctx, E_KEYWORD, key);
  n->u.keyword.arg = key->u.name.id;
  n->u.keyword.value = value;
  end_at(ctx, n, value);
  return n;
}

static Node *mk_call(ParseCtx *ctx, Node *func, const Token *l, ArgB *b, const Token *r) {
  Node *n = node_from(ctx, E_CALL, func);
  n->u.call.func = func;
  if (b) {
    n->u.call.args = b->args;
    n->u.call.keywords = b->keywords;
    if (b->bare_genexp && b->count == 1) {
      /* f(x for x in y): the call's parentheses are the generator's. */
      Node *g = b->bare_genexp;
      g->line = l->line;
      g->col = l->col;
      end_at_tok(g, r);
    }
  }
  end_at_tok(n, r);
  return expr_done(ctx, n);
}

/* ------------------------------------------------------------ parameters */

static ParamItem *param_new(ParseCtx *ctx, ParamKind kind, const Token *t, Node *name) {
  ParamItem *p = arena_alloc(ctx->arena, sizeof *p);
  p->kind = kind;
  p->tok = *t;
  p->name = name;
  return p;
}

static ParamB *paramb_add(ParseCtx *ctx, ParamB *b, ParamItem *p) {
  if (!b) b = arena_alloc(ctx->arena, sizeof *b);
  ctx->params = b;
  if (b->count == b->cap) {
    int cap = b->cap ? b->cap * 2 : 8;
    ParamItem **items = arena_alloc(ctx->arena, (size_t)cap * sizeof *items);
    if (b->count) memcpy(items, b->items, (size_t)b->count * sizeof *items);
    b->items = items;
    b->cap = cap;
  }
  b->items[b->count++] = p;
  return b;
}

/* A named parameter; errors point at its name. */
static ParamItem *param_named(ParseCtx *ctx, Node *name, Node *dflt, const Token *eq) {
  ParamItem *p = arena_alloc(ctx->arena, sizeof *p);
  p->kind = PK_NAME;
  p->name = name;
  p->dflt = dflt;
  if (eq) p->eq = *eq;
  p->tok.line = p->tok.end_line = name->line;
  p->tok.col = name->col;
  p->tok.end_col = name->col + (int)strlen(name->u.name.id);
  return p;
}

static Node *mk_param(ParseCtx *ctx, const Token *t, Node *ann) {
  Node *n = node_tok(ctx, E_NAME, t);
  n->u.name.id = tok_str(ctx, t);
  n->u.name.annotation = ann;
  if (ann) end_at(ctx, n, ann);
  return n;
}

/* What parameters have been seen so far, for the ordering rules. */
typedef struct {
  bool star, slash, dflt, dstar;
} ParamState;

/* CPython's complaint about parameter i in order, or NULL; *at is where. */
static const char *param_problem(ParseCtx *ctx, const ParamB *b, int i, ParamState *st,
                                 const Token **at) {
  ParamItem *p = b->items[i];
  const char *msg = NULL;
  *at = &p->tok;
  if (st->dstar) return "arguments cannot follow var-keyword argument";
  switch (p->kind) {
  case PK_SLASH:
    if (st->star) msg = "/ must be ahead of *";
    else if (st->slash) msg = "/ may appear only once";
    else if (i == 0) msg = b->count > 1 ? "at least one argument must precede /" : "invalid syntax";
    st->slash = true;
    break;
  case PK_STAR:
    if (st->star) {
      msg = "* argument may appear only once";
    } else if (p->dflt) {
      msg = "var-positional argument cannot have default value";
      *at = &p->eq;
    } else if (!p->name && (i + 1 == b->count || b->items[i + 1]->kind == PK_DSTAR)) {
      msg = "named arguments must follow bare *";
      if (b->lambda) *at = &ctx->cur;
    }
    st->star = true;
    break;
  case PK_DSTAR:
    if (p->dflt) {
      msg = "var-keyword argument cannot have default value";
      *at = &p->eq;
    }
    st->dstar = true;
    break;
  case PK_NAME:
    if (!st->star && st->dflt && !p->dflt) msg = "non-default argument follows default argument";
    if (!st->star && p->dflt) st->dflt = true;
    break;
  }
  return msg;
}

/* Report the first ordering error among the first n parameters. */
static bool params_check(ParseCtx *ctx, const ParamB *b, int n, ParamState *st) {
  for (int i = 0; i < n; i++) {
    const Token *at;
    const char *msg = param_problem(ctx, b, i, st, &at);
    if (msg) {
      parse_fail_tok(ctx, at, "%s", msg);
      return true;
    }
  }
  return false;
}

static Arguments *mk_arguments(ParseCtx *ctx, ParamB *b) {
  Arguments *a = arena_alloc(ctx->arena, sizeof *a);
  if (!b) return a;
  ParamState st = {0};
  if (params_check(ctx, b, b->count, &st)) return a;
  bool seen_star = false;
  for (int i = 0; i < b->count; i++) {
    ParamItem *p = b->items[i];
    switch (p->kind) {
    case PK_SLASH:
      a->posonly = a->args;
      memset(&a->args, 0, sizeof a->args);
      break;
    case PK_STAR:
      a->vararg = p->name;
      seen_star = true;
      break;
    case PK_DSTAR: a->kwarg = p->name; break;
    case PK_NAME:
      if (seen_star) {
        nodelist_push(ctx->arena, &a->kwonly, p->name);
        nodelist_push(ctx->arena, &a->kw_defaults, p->dflt);
      } else {
        nodelist_push(ctx->arena, &a->args, p->name);
        if (p->dflt) nodelist_push(ctx->arena, &a->defaults, p->dflt);
      }
      break;
    }
  }
  return a;
}

/* The parameter list is complete only if the closing token follows; on
 * any other token lemon may still reduce here, and the syntax error about
 * that token must win over a complaint about the order. */
static Arguments *params_done(ParseCtx *ctx, ParamB *b, int closer) {
  if (ctx->cur.kind != closer) return arena_alloc(ctx->arena, sizeof(Arguments));
  ctx->params = NULL;
  return mk_arguments(ctx, b);
}

static Node *mk_lambda(ParseCtx *ctx, const Token *t, Arguments *params, Node *body) {
  Node *n = node_tok(ctx, E_LAMBDA, t);
  n->u.lambda.args = params;
  n->u.lambda.body = body;
  end_at(ctx, n, body);
  return expr_done(ctx, n);
}

static Node *mk_funcdef(ParseCtx *ctx, const Token *t, const Token *name, Arguments *params,
                        Node *returns, NodeList body) {
  Node *n = node_tok(ctx, S_FUNCDEF, t);
  n->u.funcdef.name = tok_str(ctx, name);
  n->u.funcdef.args = params;
  n->u.funcdef.returns = returns;
  n->u.funcdef.body = body;
  end_at_body(ctx, n, &body);
  return n;
}

static Node *mk_classdef(ParseCtx *ctx, const Token *t, const Token *name, ArgB *args,
                         NodeList body) {
  Node *n = node_tok(ctx, S_CLASSDEF, t);
  n->u.classdef.name = tok_str(ctx, name);
  if (args) {
    if (args->bare_genexp) {
      const Node *gen = args->bare_genexp->u.comp.generators.items[0];
      parse_fail_range(ctx, gen->line, gen->col, gen->line, gen->col + 3, "invalid syntax");
    }
    n->u.classdef.bases = args->args;
    n->u.classdef.keywords = args->keywords;
  }
  n->u.classdef.body = body;
  end_at_body(ctx, n, &body);
  return n;
}

static Node *decorate(Node *def, NodeList decorators) {
  if (def->kind == S_FUNCDEF)
    def->u.funcdef.decorators = decorators;
  else
    def->u.classdef.decorators = decorators;
  return def;
}

/* ----------------------------------------------------------- parentheses */

/* "(a)", "(a, b)", and the cover form "(a as b, c)" that only a with
 * statement may use: `below` is the symbol under the '('. */
static Node *mk_paren(ParseCtx *ctx, const Token *l, SeqB s, const Token *r, int below) {
  const Node *as_item = NULL;
  for (int i = 0; i < s.items.count && !as_item; i++)
    if (s.items.items[i]->kind == E_WITHITEM) as_item = s.items.items[i];
  bool with_form = below == TK_WITH && ctx->cur.kind == TK_COLON;
  if (as_item && !with_form) {
    /* The item was put at its "as" keyword (see the pitem rule); after
     * "with (", CPython objects to what follows the ')'. */
    if (below == TK_WITH)
      parse_fail_tok(ctx, &ctx->cur, "%s",
                     ctx->cur.kind == TK_NEWLINE ? "expected ':'" : "invalid syntax");
    else
      parse_fail_range(ctx, as_item->line, as_item->col, as_item->end_line, as_item->end_col,
                       "invalid syntax");
    return s.items.items[0];
  }
  if (s.items.count == 1 && !s.comma) {
    Node *e = s.items.items[0];
    if (e->kind == E_STARRED) parse_fail_node(ctx, e, "cannot use starred expression here");
    if (as_item) {
      ctx->with_paren = mk_bracketed(ctx, E_TUPLE, l, s.items, r);
      return ctx->with_paren;
    }
    Span sp = {l->line, l->col, r->end_line, r->end_col};
    parse_set_outer(ctx, e, sp);
    return expr_done(ctx, e);
  }
  Node *t = mk_bracketed(ctx, E_TUPLE, l, s.items, r);
  t->parenthesized = true;
  if (with_form) ctx->with_paren = t;
  return t;
}

/* The with-item "a as b" inside parentheses, placed at its "as" until the
 * with statement takes it. */
static Node *mk_as_item(ParseCtx *ctx, Node *e, const Token *as, Node *vars) {
  Node *n = node_tok(ctx, E_WITHITEM, as);
  n->u.withitem.context_expr = e;
  n->u.withitem.optional_vars = vars;
  check_target(ctx, vars, TGT_ASSIGN);
  return n;
}

/* ---------------------------------------------------------------- module */

static Node *mk_module(ParseCtx *ctx, NodeList body) {
  Node *n = node_at(ctx, MOD_MODULE, 1, 0);
  n->u.module.body = body;
  return n;
}

static Node *mk_slice(ParseCtx *ctx, Node *lo, const Token *c1, Node *hi, const Token *c2,
                      Node *step) {
  Node *n = lo ? node_from(ctx, E_SLICE, lo) : node_tok(ctx, E_SLICE, c1);
  n->u.slice.lower = lo;
  n->u.slice.upper = hi;
  n->u.slice.step = step;
  if (step)
    end_at(ctx, n, step);
  else if (c2)
    end_at_tok(n, c2);
  else if (hi)
    end_at(ctx, n, hi);
  else
    end_at_tok(n, c1);
  return expr_done(ctx, n);
}

static Node *mk_subscript(ParseCtx *ctx, Node *value, Node *slice, const Token *r) {
  Node *n = node_from(ctx, E_SUBSCRIPT, value);
  n->u.subscript.value = value;
  n->u.subscript.slice = slice;
  end_at_tok(n, r);
  return expr_done(ctx, n);
}

/* A comprehension's for clause; CPython gives it no position, asy puts it
 * at its "for" (or "async"). */
static Node *mk_gen(ParseCtx *ctx, const Token *kw, Node *target, Node *iter, bool is_async) {
  Node *n = node_tok(ctx, E_COMPREHENSION, kw);
  end_at(ctx, n, iter);
  n->u.for_.target = target;
  n->u.for_.iter = iter;
  n->u.for_.is_async = is_async;
  return n;
}
}

%code {
bool parse_check_params(ParseCtx *ctx) {
  ParamB *b = ctx->params;
  if (!b) return false;
  /* CPython's rules see a parameter only once a ',' or the closer ends it,
   * except a '/' and a parameter after **kwargs. */
  int k = ctx->cur.kind, n = b->count;
  ParamItem *last = b->items[n - 1];
  bool after_dstar = n > 1 && b->items[n - 2]->kind == PK_DSTAR;
  bool finished = k == TK_COMMA || k == TK_RPAR || k == TK_COLON;
  if (finished || last->kind == PK_SLASH || after_dstar) {
    ParamState st = {0};
    return params_check(ctx, b, n, &st);
  }
  /* An unfinished last parameter that breaks the order is a plain syntax
   * error where CPython's grammar stops: at a second * or / itself (its
   * grammar has no place for them), after a misplaced name. */
  ParamState st = {0};
  if (params_check(ctx, b, n - 1, &st)) return true;
  const Token *at;
  const char *msg = param_problem(ctx, b, n - 1, &st, &at);
  if (!msg) return false;
  bool misplaced = last->kind != PK_NAME && strcmp(msg, "named arguments must follow bare *");
  parse_fail_tok(ctx, misplaced ? &last->tok : &ctx->cur, "invalid syntax");
  return true;
}

/* ---- helpers that need the parser's internals (they follow its tables) */

bool parse_stack_accepts(void *parser, int kind) {
  yyParser *p = parser;
  int n = (int)(p->yytos - p->yystack) + 1;
  int cap = n + 256;
  YYACTIONTYPE *st = malloc((size_t)cap * sizeof *st);
  if (!st) return false;
  for (int i = 0; i < n; i++) st[i] = p->yystack[i].stateno;
  int top = n - 1;
  bool ok = false;
  for (int guard = 0; guard < 100000; guard++) {
    YYACTIONTYPE act = yy_find_shift_action((YYCODETYPE)kind, st[top]);
    if (act < YY_MIN_REDUCE) {
      ok = act <= YY_MAX_SHIFTREDUCE || act == YY_ACCEPT_ACTION;
      break;
    }
    unsigned rule = act - YY_MIN_REDUCE;
    top += yyRuleInfoNRhs[rule];
    if (top < 0 || top + 1 >= cap) break;
    st[top + 1] = yy_find_reduce_action(st[top], (YYCODETYPE)yyRuleInfoLhs[rule]);
    top++;
  }
  free(st);
  return ok;
}

int parse_stack_at(void *parser, int i, const Token **tok) {
  yyParser *p = parser;
  *tok = NULL;
  if (i < 0 || i > (int)(p->yytos - p->yystack) - 1) return -1;
  yyStackEntry *e = p->yytos - i;
  if (e->major < YYNTOKEN) *tok = &e->minor.yy0;
  return e->major;
}
}

/* The token order fixes the TK_* codes; the mode tokens come first. */
%token MODE_FILE MODE_EVAL MODE_FEXPR ERRORTOKEN.

%type file_input {NodeList}
%type stmt {NodeList}
%type simple_stmts {NodeList}
%type small_stmts {NodeList}
%type block {NodeList}
%type stmt_list {NodeList}
%type decorators {NodeList}
%type handlers {NodeList}
%type with_items {NodeList}
%type with_colon {NodeList}
%type name_list {NodeList}
%type dotted_as_names {NodeList}
%type import_names {NodeList}
%type comp_for {NodeList}
%type if_chain {IfChain}
%type se_seq {SeqB}
%type tl_seq {SeqB}
%type exprlist {SeqB}
%type exprlist_tc {SeqB}
%type list_items {SeqB}
%type li_seq {SeqB}
%type paren_items {SeqB}
%type pi_seq {SeqB}
%type dict_items {SeqB}
%type di_seq {SeqB}
%type sub_seq {SeqB}
%type augop {int}
%type comp_op {int}
%type cmp_chain {CmpB *}
%type or_list {NodeList}
%type and_list {NodeList}
%type arglist {ArgB *}
%type arg_seq {ArgB *}
%type params {Arguments *}
%type param_seq {ParamB *}
%type param {ParamItem *}
%type lparams {Arguments *}
%type lparam_seq {ParamB *}
%type lparam {ParamItem *}
%type strings {StrList}
%type dots {int}

/* ------------------------------------------------------------------ start */

start ::= MODE_FILE file_input(B) ENDMARKER. { ctx->result = mk_module(ctx, B); }
start ::= MODE_EVAL eval_input(E) ENDMARKER. { ctx->result = E; }
start ::= MODE_FEXPR atom(E) ENDMARKER. { ctx->result = E; }

eval_input(A) ::= testlist(E) eval_newlines. { A = E; }
eval_newlines ::= .
eval_newlines ::= eval_newlines NEWLINE.

file_input(A) ::= . { memset(&A, 0, sizeof A); }
file_input(A) ::= file_input(B) stmt(S). { A = B; list_append(ctx, &A, &S); }

stmt(A) ::= simple_stmts(B). { A = B; }
stmt(A) ::= compound_stmt(B). { A = list_one(ctx, B); }

simple_stmts(A) ::= small_stmts(B) NEWLINE. { A = B; }
simple_stmts(A) ::= small_stmts(B) SEMI(S) NEWLINE. {
  /* A block ending in "x;" ends after the ';' (CPython's spans). */
  A = B;
  Node *last = last_of(&B);
  Span sp = {last->line, last->col, S.end_line, S.end_col};
  parse_note_span(ctx, last, sp);
}
small_stmts(A) ::= small_stmt(B). { A = list_one(ctx, B); }
small_stmts(A) ::= small_stmts(L) SEMI small_stmt(B). { A = L; nodelist_push(ctx->arena, &A, B); }

block(A) ::= simple_stmts(B). { A = B; }
block(A) ::= NEWLINE INDENT stmt_list(B) DEDENT. { A = B; }
stmt_list(A) ::= stmt(B). { A = B; }
stmt_list(A) ::= stmt_list(L) stmt(B). { A = L; list_append(ctx, &A, &B); }

/* ------------------------------------------------------- simple statements */

small_stmt(A) ::= star_exprs(E). { A = mk_expr_stmt(ctx, E); }
small_stmt(A) ::= yield_expr(E). { A = mk_expr_stmt(ctx, E); }
small_stmt(A) ::= assign_chain(C) star_exprs(V). { A = assign_finish(ctx, C, V); }
small_stmt(A) ::= assign_chain(C) yield_expr(V). { A = assign_finish(ctx, C, V); }
assign_chain(A) ::= star_exprs(T) ASSIGN. { A = assign_start(ctx, T); }
assign_chain(A) ::= yield_expr(T) ASSIGN. { A = assign_start(ctx, T); }
assign_chain(A) ::= assign_chain(C) star_exprs(T) ASSIGN. { A = assign_more(ctx, C, T); }
assign_chain(A) ::= assign_chain(C) yield_expr(T) ASSIGN. { A = assign_more(ctx, C, T); }

small_stmt(A) ::= aug_head(H) star_exprs(V). { A = H; A->u.augassign.value = V; end_at(ctx, A, V); }
small_stmt(A) ::= aug_head(H) yield_expr(V). { A = H; A->u.augassign.value = V; end_at(ctx, A, V); }
aug_head(A) ::= star_exprs(T) augop(O). { A = aug_start(ctx, T, (AstOp)O); }
augop(A) ::= PLUSEQUAL. { A = OP_ADD; }
augop(A) ::= MINEQUAL. { A = OP_SUB; }
augop(A) ::= STAREQUAL. { A = OP_MUL; }
augop(A) ::= ATEQUAL. { A = OP_MATMUL; }
augop(A) ::= SLASHEQUAL. { A = OP_DIV; }
augop(A) ::= PERCENTEQUAL. { A = OP_MOD; }
augop(A) ::= AMPEREQUAL. { A = OP_BITAND; }
augop(A) ::= VBAREQUAL. { A = OP_BITOR; }
augop(A) ::= CIRCUMFLEXEQUAL. { A = OP_BITXOR; }
augop(A) ::= LEFTSHIFTEQUAL. { A = OP_LSHIFT; }
augop(A) ::= RIGHTSHIFTEQUAL. { A = OP_RSHIFT; }
augop(A) ::= DOUBLESTAREQUAL. { A = OP_POW; }
augop(A) ::= DOUBLESLASHEQUAL. { A = OP_FLOORDIV; }

/* The target is checked once the annotation is read: CPython's rule for
 * the message needs "target ':' expression". */
small_stmt(A) ::= ann_head(H). { A = H; }
small_stmt(A) ::= ann_head(H) ASSIGN star_exprs(V). { A = ann_finish(ctx, H, V); }
small_stmt(A) ::= ann_head(H) ASSIGN yield_expr(V). { A = ann_finish(ctx, H, V); }
ann_head(A) ::= ann_colon(H) test(N). { A = H; A->u.annassign.annotation = N; end_at(ctx, A, N); }
ann_colon(A) ::= star_exprs(T) COLON(C). { A = ann_start(ctx, T, &C); }

small_stmt(A) ::= PASS(T). { A = node_tok(ctx, S_PASS, &T); }
small_stmt(A) ::= BREAK(T). { A = node_tok(ctx, S_BREAK, &T); }
small_stmt(A) ::= CONTINUE(T). { A = node_tok(ctx, S_CONTINUE, &T); }
small_stmt(A) ::= RETURN(T). { A = mk_stmt_value(ctx, S_RETURN, &T, NULL); }
small_stmt(A) ::= RETURN(T) star_exprs(E). { A = mk_stmt_value(ctx, S_RETURN, &T, E); }
small_stmt(A) ::= RAISE(T). { A = node_tok(ctx, S_RAISE, &T); }
small_stmt(A) ::= RAISE(T) test(E). {
  A = node_tok(ctx, S_RAISE, &T);
  A->u.raise.exc = E;
  end_at(ctx, A, E);
}
small_stmt(A) ::= RAISE(T) test(E) FROM test(C). {
  A = node_tok(ctx, S_RAISE, &T);
  A->u.raise.exc = E;
  A->u.raise.cause = C;
  end_at(ctx, A, C);
}
small_stmt(A) ::= GLOBAL(T) name_list(L). { A = mk_names(ctx, S_GLOBAL, &T, L); }
small_stmt(A) ::= NONLOCAL(T) name_list(L). { A = mk_names(ctx, S_NONLOCAL, &T, L); }
name_list(A) ::= NAME(N). { A = list_one(ctx, mk_name(ctx, &N)); }
name_list(A) ::= name_list(L) COMMA NAME(N). { A = L; nodelist_push(ctx->arena, &A, mk_name(ctx, &N)); }

small_stmt(A) ::= DEL(T) exprlist_tc(L). {
  ctx->exprlist.count = 0;
  A = mk_seq(ctx, S_DELETE, T.line, T.col, L.items);
  A->end_line = L.end_line;
  A->end_col = L.end_col;
  for (int i = 0; i < L.items.count && !ctx->failed; i++) check_target(ctx, L.items.items[i], TGT_DEL);
}
small_stmt(A) ::= ASSERT(T) test(E). {
  A = node_tok(ctx, S_ASSERT, &T);
  A->u.assert_.test = E;
  end_at(ctx, A, E);
}
small_stmt(A) ::= ASSERT(T) test(E) COMMA test(M). {
  A = node_tok(ctx, S_ASSERT, &T);
  A->u.assert_.test = E;
  A->u.assert_.msg = M;
  end_at(ctx, A, M);
}

small_stmt(A) ::= IMPORT(T) dotted_as_names(L). {
  A = node_tok(ctx, S_IMPORT, &T);
  A->u.import.names = L;
  end_at(ctx, A, last_of(&L));
}
dotted_as_names(A) ::= dotted_as_name(N). { A = list_one(ctx, N); }
dotted_as_names(A) ::= dotted_as_names(L) COMMA dotted_as_name(N). { A = L; nodelist_push(ctx->arena, &A, N); }
dotted_as_name(A) ::= dotted_name(D). { A = mk_alias(ctx, D, NULL); }
dotted_as_name(A) ::= dotted_name(D) AS NAME(N). { A = mk_alias(ctx, D, &N); }
dotted_name(A) ::= NAME(N). { A = node_tok(ctx, E_NAME, &N); A->u.name.id = tok_str(ctx, &N); }
dotted_name(A) ::= dotted_name(D) DOT NAME(N). { A = dotted_more(ctx, D, &N); }

small_stmt(A) ::= FROM(T) dots(L) IMPORT import_targets(N). {
  A = N; A->line = T.line; A->col = T.col; A->u.import.level = L;
}
small_stmt(A) ::= FROM(T) dotted_name(D) IMPORT import_targets(N). {
  A = N; A->line = T.line; A->col = T.col; A->u.import.module = D->u.name.id;
}
small_stmt(A) ::= FROM(T) dots(L) dotted_name(D) IMPORT import_targets(N). {
  A = N; A->line = T.line; A->col = T.col; A->u.import.level = L; A->u.import.module = D->u.name.id;
}
dots(A) ::= DOT. { A = 1; }
dots(A) ::= ELLIPSIS. { A = 3; }
dots(A) ::= dots(B) DOT. { A = B + 1; }
dots(A) ::= dots(B) ELLIPSIS. { A = B + 3; }
import_targets(A) ::= STAR(S). {
  Node *alias = node_tok(ctx, E_ALIAS, &S);
  alias->u.alias.name = "*";
  A = node_tok(ctx, S_IMPORTFROM, &S);
  A->u.import.names = list_one(ctx, alias);
}
import_targets(A) ::= LPAR import_names(L) RPAR(R). {
  A = node_tok(ctx, S_IMPORTFROM, &R); A->u.import.names = L;
}
import_targets(A) ::= LPAR import_names(L) COMMA RPAR(R). {
  A = node_tok(ctx, S_IMPORTFROM, &R); A->u.import.names = L;
}
import_targets(A) ::= import_names(L). {
  A = node_at(ctx, S_IMPORTFROM, 0, 0); A->u.import.names = L; end_at(ctx, A, last_of(&L));
}
import_names(A) ::= import_name(N). { A = list_one(ctx, N); }
import_names(A) ::= import_names(L) COMMA import_name(N). { A = L; nodelist_push(ctx->arena, &A, N); }
import_name(A) ::= NAME(N). { A = node_tok(ctx, E_ALIAS, &N); A->u.alias.name = tok_str(ctx, &N); }
import_name(A) ::= NAME(N) AS NAME(M). {
  A = node_tok(ctx, E_ALIAS, &N);
  A->u.alias.name = tok_str(ctx, &N);
  A->u.alias.asname = tok_str(ctx, &M);
  end_at_tok(A, &M);
}

/* ----------------------------------------------------- compound statements */

compound_stmt(A) ::= if_chain(C). { A = if_finish(ctx, C); }
compound_stmt(A) ::= if_chain(C) ELSE COLON block(B). { C.last->u.if_.orelse = B; A = if_finish(ctx, C); }
if_chain(A) ::= IF(T) namedexpr(E) COLON block(B). { A.first = A.last = mk_if(ctx, &T, E, B); }
if_chain(A) ::= if_chain(C) ELIF(T) namedexpr(E) COLON block(B). {
  Node *n = mk_if(ctx, &T, E, B);
  C.last->u.if_.orelse = list_one(ctx, n);
  A.first = C.first;
  A.last = n;
}

compound_stmt(A) ::= WHILE(T) namedexpr(E) COLON block(B). {
  NodeList none = {0};
  A = mk_while(ctx, &T, E, B, none);
}
compound_stmt(A) ::= WHILE(T) namedexpr(E) COLON block(B) ELSE COLON block(O). {
  A = mk_while(ctx, &T, E, B, O);
}

compound_stmt(A) ::= for_stmt(F). { A = F; }
compound_stmt(A) ::= ASYNC(T) for_stmt(F). { A = make_async(F, &T); }
for_stmt(A) ::= FOR(T) for_target(X) star_exprs(I) COLON block(B). {
  NodeList none = {0};
  A = mk_for(ctx, &T, X, I, B, none);
}
for_stmt(A) ::= FOR(T) for_target(X) star_exprs(I) COLON block(B) ELSE COLON block(O). {
  A = mk_for(ctx, &T, X, I, B, O);
}
for_target(A) ::= exprlist_tc(L) IN. {
  ctx->exprlist.count = 0;
  A = seq_expr(ctx, L);
  check_target(ctx, A, TGT_FOR);
}

compound_stmt(A) ::= try_head(H) handlers(L). {
  NodeList none = {0};
  A = mk_try(ctx, H, L, none, none);
}
compound_stmt(A) ::= try_head(H) handlers(L) ELSE COLON block(E). {
  NodeList none = {0};
  A = mk_try(ctx, H, L, E, none);
}
compound_stmt(A) ::= try_head(H) handlers(L) FINALLY COLON block(F). {
  NodeList none = {0};
  A = mk_try(ctx, H, L, none, F);
}
compound_stmt(A) ::= try_head(H) handlers(L) ELSE COLON block(E) FINALLY COLON block(F). {
  A = mk_try(ctx, H, L, E, F);
}
compound_stmt(A) ::= try_head(H) FINALLY COLON block(F). {
  NodeList none = {0};
  A = mk_try(ctx, H, none, none, F);
}
try_head(A) ::= TRY(T) COLON block(B). {
  A = node_tok(ctx, S_TRY, &T);
  A->u.try_.body = B;
  end_at_body(ctx, A, &B);
}
handlers(A) ::= handler(H). { A = list_one(ctx, H); }
handlers(A) ::= handlers(L) handler(H). { A = L; nodelist_push(ctx->arena, &A, H); }
handler(A) ::= EXCEPT(T) COLON block(B). { A = mk_handler(ctx, &T, NULL, NULL, B); }
handler(A) ::= EXCEPT(T) test(E) COLON block(B). { A = mk_handler(ctx, &T, E, NULL, B); }
handler(A) ::= EXCEPT(T) test(E) AS NAME(N) COLON block(B). { A = mk_handler(ctx, &T, E, &N, B); }

compound_stmt(A) ::= with_stmt(W). { A = W; }
compound_stmt(A) ::= ASYNC(T) with_stmt(W). { A = make_async(W, &T); }
with_stmt(A) ::= WITH(T) with_colon(L) block(B). { A = mk_with(ctx, &T, L, B); }
with_colon(A) ::= with_items(L) COLON. { A = with_unwrap(ctx, L); }
with_items(A) ::= with_item(I). { A = list_one(ctx, I); }
with_items(A) ::= with_items(L) COMMA with_item(I). { A = L; nodelist_push(ctx->arena, &A, I); }
with_item(A) ::= test(E). { A = mk_withitem(ctx, E, NULL); }
with_item(A) ::= test(E) AS expr_or_star(V). { A = mk_withitem(ctx, E, V); }

compound_stmt(A) ::= funcdef(F). { A = F; }
compound_stmt(A) ::= ASYNC(T) funcdef(F). { A = make_async(F, &T); }
compound_stmt(A) ::= classdef(C). { A = C; }
compound_stmt(A) ::= decorators(D) funcdef(F). { A = decorate(F, D); }
compound_stmt(A) ::= decorators(D) ASYNC(T) funcdef(F). { A = decorate(make_async(F, &T), D); }
compound_stmt(A) ::= decorators(D) classdef(C). { A = decorate(C, D); }
decorators(A) ::= AT namedexpr(E) NEWLINE. { A = list_one(ctx, E); }
decorators(A) ::= decorators(L) AT namedexpr(E) NEWLINE. { A = L; nodelist_push(ctx->arena, &A, E); }

funcdef(A) ::= DEF(T) NAME(N) LPAR params(P) RPAR COLON block(B). {
  A = mk_funcdef(ctx, &T, &N, P, NULL, B);
}
funcdef(A) ::= DEF(T) NAME(N) LPAR params(P) RPAR RARROW test(R) COLON block(B). {
  A = mk_funcdef(ctx, &T, &N, P, R, B);
}
classdef(A) ::= CLASS(T) NAME(N) COLON block(B). { A = mk_classdef(ctx, &T, &N, NULL, B); }
classdef(A) ::= CLASS(T) NAME(N) LPAR arglist(L) RPAR COLON block(B). { A = mk_classdef(ctx, &T, &N, L, B); }

params(A) ::= . { A = mk_arguments(ctx, NULL); }
params(A) ::= param_seq(P). { A = params_done(ctx, P, TK_RPAR); }
params(A) ::= param_seq(P) COMMA. { A = params_done(ctx, P, TK_RPAR); }
param_seq(A) ::= param(P). { A = paramb_add(ctx, NULL, P); }
param_seq(A) ::= param_seq(L) COMMA param(P). { A = paramb_add(ctx, L, P); }
param(A) ::= tname(N). { A = param_named(ctx, N, NULL, NULL); }
param(A) ::= tname(N) ASSIGN(E) test(D). { A = param_named(ctx, N, D, &E); }
param(A) ::= SLASH(T). { A = param_new(ctx, PK_SLASH, &T, NULL); }
param(A) ::= STAR(T). { A = param_new(ctx, PK_STAR, &T, NULL); }
param(A) ::= STAR(T) tname(N). { A = param_new(ctx, PK_STAR, &T, N); }
param(A) ::= STAR(T) tname(N) ASSIGN(E) test(D). { A = param_new(ctx, PK_STAR, &T, N); A->dflt = D; A->eq = E; }
param(A) ::= DOUBLESTAR(T) tname(N). { A = param_new(ctx, PK_DSTAR, &T, N); }
param(A) ::= DOUBLESTAR(T) tname(N) ASSIGN(E) test(D). { A = param_new(ctx, PK_DSTAR, &T, N); A->dflt = D; A->eq = E; }
tname(A) ::= NAME(N). { A = mk_param(ctx, &N, NULL); }
tname(A) ::= NAME(N) COLON test(T). { A = mk_param(ctx, &N, T); }

lparams(A) ::= . { A = mk_arguments(ctx, NULL); }
lparams(A) ::= lparam_seq(P). { A = params_done(ctx, P, TK_COLON); }
lparams(A) ::= lparam_seq(P) COMMA. { A = params_done(ctx, P, TK_COLON); }
lparam_seq(A) ::= lparam(P). { A = paramb_add(ctx, NULL, P); A->lambda = true; }
lparam_seq(A) ::= lparam_seq(L) COMMA lparam(P). { A = paramb_add(ctx, L, P); }
lparam(A) ::= NAME(N). { A = param_named(ctx, mk_param(ctx, &N, NULL), NULL, NULL); }
lparam(A) ::= NAME(N) ASSIGN(E) test(D). { A = param_named(ctx, mk_param(ctx, &N, NULL), D, &E); }
lparam(A) ::= SLASH(T). { A = param_new(ctx, PK_SLASH, &T, NULL); }
lparam(A) ::= STAR(T). { A = param_new(ctx, PK_STAR, &T, NULL); }
lparam(A) ::= STAR(T) NAME(N). { A = param_new(ctx, PK_STAR, &T, mk_param(ctx, &N, NULL)); }
lparam(A) ::= DOUBLESTAR(T) NAME(N). { A = param_new(ctx, PK_DSTAR, &T, mk_param(ctx, &N, NULL)); }
lparam(A) ::= STAR(T) NAME(N) ASSIGN(E) test(D). { A = param_new(ctx, PK_STAR, &T, mk_param(ctx, &N, NULL)); A->dflt = D; A->eq = E; }
lparam(A) ::= DOUBLESTAR(T) NAME(N) ASSIGN(E) test(D). { A = param_new(ctx, PK_DSTAR, &T, mk_param(ctx, &N, NULL)); A->dflt = D; A->eq = E; }

/* ------------------------------------------------------------ expressions */

star_exprs(A) ::= se_seq(S). { A = seq_expr(ctx, S); }
star_exprs(A) ::= se_seq(S) COMMA(C). { A = seq_expr(ctx, seq_comma(S, &C)); }
se_seq(A) ::= expr_or_test(E). { A = seq_one(ctx, E); }
se_seq(A) ::= se_seq(S) COMMA expr_or_test(E). { A = seq_add(ctx, S, E); }
expr_or_test(A) ::= test(E). { A = E; }
expr_or_test(A) ::= star_expr(E). { A = E; }

testlist(A) ::= tl_seq(S). { A = seq_expr(ctx, S); }
testlist(A) ::= tl_seq(S) COMMA(C). { A = seq_expr(ctx, seq_comma(S, &C)); }
tl_seq(A) ::= test(E). { A = seq_one(ctx, E); }
tl_seq(A) ::= tl_seq(S) COMMA test(E). { A = seq_add(ctx, S, E); }

exprlist_tc(A) ::= exprlist(S). { A = S; }
exprlist_tc(A) ::= exprlist(S) COMMA(C). { A = seq_comma(S, &C); }
exprlist(A) ::= expr_or_star(E). { A = seq_one(ctx, E); ctx->exprlist = A.items; }
exprlist(A) ::= exprlist(S) COMMA expr_or_star(E). { A = seq_add(ctx, S, E); ctx->exprlist = A.items; }
expr_or_star(A) ::= expr(E). { A = E; }
expr_or_star(A) ::= star_expr(E). { A = E; }

star_expr(A) ::= STAR(T) expr(E). { A = mk_value(ctx, E_STARRED, &T, E); }

yield_expr(A) ::= YIELD(T). { A = mk_value(ctx, E_YIELD, &T, NULL); }
yield_expr(A) ::= YIELD(T) star_exprs(E). { A = mk_value(ctx, E_YIELD, &T, E); }
yield_expr(A) ::= YIELD(T) FROM test(E). { A = mk_value(ctx, E_YIELD_FROM, &T, E); }

namedexpr(A) ::= test(E). { A = E; }
namedexpr(A) ::= test(T) COLONEQUAL test(V). { A = mk_named(ctx, T, V); }

test(A) ::= or_test(E). { A = E; }
test(A) ::= or_test(B) IF or_test(C) ELSE test(O). {
  A = node_from(ctx, E_IFEXP, B);
  A->u.ifexp.test = C;
  A->u.ifexp.body = B;
  A->u.ifexp.orelse = O;
  end_at(ctx, A, O);
  expr_done(ctx, A);
}
test(A) ::= LAMBDA(T) lparams(P) COLON test(B). { A = mk_lambda(ctx, &T, P, B); }

or_test(A) ::= and_test(E). { A = E; }
or_test(A) ::= or_list(L). { A = mk_boolop(ctx, OP_OR, L); }
or_list(A) ::= and_test(L) OR and_test(R). { A = list_one(ctx, L); nodelist_push(ctx->arena, &A, R); }
or_list(A) ::= or_list(L) OR and_test(R). { A = L; nodelist_push(ctx->arena, &A, R); }

and_test(A) ::= not_test(E). { A = E; }
and_test(A) ::= and_list(L). { A = mk_boolop(ctx, OP_AND, L); }
and_list(A) ::= not_test(L) AND not_test(R). { A = list_one(ctx, L); nodelist_push(ctx->arena, &A, R); }
and_list(A) ::= and_list(L) AND not_test(R). { A = L; nodelist_push(ctx->arena, &A, R); }

not_test(A) ::= NOT(T) not_test(E). { A = mk_unary(ctx, &T, OP_NOT, E); }
not_test(A) ::= comparison(E). { A = E; }

comparison(A) ::= expr(E). { A = E; }
comparison(A) ::= expr(L) cmp_chain(C). { A = mk_compare(ctx, L, C); }
cmp_chain(A) ::= comp_op(O) expr(E). { A = cmp_new(ctx, (AstOp)O, E); }
cmp_chain(A) ::= cmp_chain(C) comp_op(O) expr(E). { A = C; cmp_add(ctx, A, (AstOp)O, E); }
comp_op(A) ::= LESS. { A = OP_LT; }
comp_op(A) ::= GREATER. { A = OP_GT; }
comp_op(A) ::= EQEQUAL. { A = OP_EQ; }
comp_op(A) ::= GREATEREQUAL. { A = OP_GE; }
comp_op(A) ::= LESSEQUAL. { A = OP_LE; }
comp_op(A) ::= NOTEQUAL. { A = OP_NE; }
comp_op(A) ::= IN. { A = OP_IN; }
comp_op(A) ::= NOT IN. { A = OP_NOTIN; }
comp_op(A) ::= IS. { A = OP_IS; }
comp_op(A) ::= IS NOT. { A = OP_ISNOT; }

expr(A) ::= xor_expr(E). { A = E; }
expr(A) ::= expr(L) VBAR xor_expr(R). { A = mk_binop(ctx, L, OP_BITOR, R); }
xor_expr(A) ::= and_expr(E). { A = E; }
xor_expr(A) ::= xor_expr(L) CIRCUMFLEX and_expr(R). { A = mk_binop(ctx, L, OP_BITXOR, R); }
and_expr(A) ::= shift_expr(E). { A = E; }
and_expr(A) ::= and_expr(L) AMPER shift_expr(R). { A = mk_binop(ctx, L, OP_BITAND, R); }
shift_expr(A) ::= arith(E). { A = E; }
shift_expr(A) ::= shift_expr(L) LEFTSHIFT arith(R). { A = mk_binop(ctx, L, OP_LSHIFT, R); }
shift_expr(A) ::= shift_expr(L) RIGHTSHIFT arith(R). { A = mk_binop(ctx, L, OP_RSHIFT, R); }
arith(A) ::= term(E). { A = E; }
arith(A) ::= arith(L) PLUS term(R). { A = mk_binop(ctx, L, OP_ADD, R); }
arith(A) ::= arith(L) MINUS term(R). { A = mk_binop(ctx, L, OP_SUB, R); }
term(A) ::= factor(E). { A = E; }
term(A) ::= term(L) STAR factor(R). { A = mk_binop(ctx, L, OP_MUL, R); }
term(A) ::= term(L) SLASH factor(R). { A = mk_binop(ctx, L, OP_DIV, R); }
term(A) ::= term(L) DOUBLESLASH factor(R). { A = mk_binop(ctx, L, OP_FLOORDIV, R); }
term(A) ::= term(L) PERCENT factor(R). { A = mk_binop(ctx, L, OP_MOD, R); }
term(A) ::= term(L) AT factor(R). { A = mk_binop(ctx, L, OP_MATMUL, R); }
factor(A) ::= PLUS(T) factor(E). { A = mk_unary(ctx, &T, OP_POS, E); }
factor(A) ::= MINUS(T) factor(E). { A = mk_unary(ctx, &T, OP_NEG, E); }
factor(A) ::= TILDE(T) factor(E). { A = mk_unary(ctx, &T, OP_INVERT, E); }
factor(A) ::= power(E). { A = E; }
power(A) ::= await_primary(E). { A = E; }
power(A) ::= await_primary(L) DOUBLESTAR factor(R). { A = mk_binop(ctx, L, OP_POW, R); }
await_primary(A) ::= primary(E). { A = E; }
await_primary(A) ::= AWAIT(T) primary(E). { A = mk_value(ctx, E_AWAIT, &T, E); }

primary(A) ::= atom(E). { A = E; }
primary(A) ::= primary(P) DOT NAME(N). {
  A = node_from(ctx, E_ATTRIBUTE, P);
  A->u.attribute.value = P;
  A->u.attribute.attr = tok_str(ctx, &N);
  end_at_tok(A, &N);
  expr_done(ctx, A);
}
primary(A) ::= primary(P) LPAR(L) arglist(X) RPAR(R). { A = mk_call(ctx, P, &L, X, &R); }
primary(A) ::= primary(P) LSQB subscript(S) RSQB(R). { A = mk_subscript(ctx, P, S, &R); }

arglist(A) ::= . { A = NULL; }
arglist(A) ::= arg_seq(S). { A = S; }
arglist(A) ::= arg_seq(S) COMMA. {
  A = S;
  if (S->bare_genexp) parse_fail_node(ctx, S->bare_genexp, "Generator expression must be parenthesized");
}
arg_seq(A) ::= arg(X). { A = argb_add(ctx, argb_new(ctx), X); }
arg_seq(A) ::= arg_seq(S) COMMA arg(X). { A = argb_add(ctx, S, X); }
arg(A) ::= namedexpr(E). { A = E; }
arg(A) ::= namedexpr(E) comp_for(G). {
  A = node_from(ctx, E_GENEXP, E);
  A->u.comp.elt = E;
  A->u.comp.generators = G;
  end_at(ctx, A, last_of(&G)->u.for_.ifs.count ? last_of(&last_of(&G)->u.for_.ifs) : last_of(&G)->u.for_.iter);
  expr_done(ctx, A);
}
arg(A) ::= STAR(T) test(E). { A = mk_value(ctx, E_STARRED, &T, E); }
arg(A) ::= DOUBLESTAR(T) test(E). {
  A = node_tok(ctx, E_KEYWORD, &T);
  A->u.keyword.value = E;
  end_at(ctx, A, E);
}
arg(A) ::= test(K) ASSIGN(Q) test(V). { A = mk_keyword(ctx, K, &Q, V); }

subscript(A) ::= sub_seq(S). {
  /* a[*b] indexes with a one-element tuple (PEP 646). */
  if (S.items.count == 1 && S.items.items[0]->kind == E_STARRED) S.comma = true;
  A = seq_expr(ctx, S);
}
subscript(A) ::= sub_seq(S) COMMA(C). { A = seq_expr(ctx, seq_comma(S, &C)); }
sub_seq(A) ::= sub_item(E). { A = seq_one(ctx, E); }
sub_seq(A) ::= sub_seq(S) COMMA sub_item(E). { A = seq_add(ctx, S, E); }
sub_item(A) ::= namedexpr(E). { A = E; }
sub_item(A) ::= star_expr(E). { A = E; }
sub_item(A) ::= test_opt(L) COLON(C) test_opt(U). { A = mk_slice(ctx, L, &C, U, NULL, NULL); }
sub_item(A) ::= test_opt(L) COLON(C) test_opt(U) COLON(D) test_opt(S). { A = mk_slice(ctx, L, &C, U, &D, S); }
test_opt(A) ::= . { A = NULL; }
test_opt(A) ::= test(E). { A = E; }

/* ------------------------------------------------------------------ atoms */

atom(A) ::= NAME(N). { A = mk_name(ctx, &N); }
atom(A) ::= NUMBER(N). { A = mk_number(ctx, &N); }
atom(A) ::= strings(S). {
  A = parse_strings(ctx, S.head);
  if (!A) A = node_tok(ctx, E_STR, &S.head->tok);
  expr_done(ctx, A);
}
atom(A) ::= NONE(T). { A = expr_done(ctx, node_tok(ctx, E_NONE, &T)); }
atom(A) ::= TRUE(T). { A = expr_done(ctx, node_tok(ctx, E_TRUE, &T)); }
atom(A) ::= FALSE(T). { A = expr_done(ctx, node_tok(ctx, E_FALSE, &T)); }
atom(A) ::= ELLIPSIS(T). { A = expr_done(ctx, node_tok(ctx, E_ELLIPSIS, &T)); }

strings(A) ::= STRING(S). {
  A.head = A.tail = arena_alloc(ctx->arena, sizeof(StrTok));
  A.head->tok = S;
}
strings(A) ::= strings(L) STRING(S). {
  A = L;
  A.tail->next = arena_alloc(ctx->arena, sizeof(StrTok));
  A.tail = A.tail->next;
  A.tail->tok = S;
}

/* The symbol below '(' tells a with statement's "(a as b, c)" apart: this
 * reads lemon's stack (yymsp) directly. */
atom(A) ::= LPAR(L) RPAR(R). { NodeList none = {0}; A = mk_bracketed(ctx, E_TUPLE, &L, none, &R); A->parenthesized = true; }
atom(A) ::= LPAR(L) yield_expr(E) RPAR(R). {
  Span sp = {L.line, L.col, R.end_line, R.end_col};
  A = E;
  parse_set_outer(ctx, A, sp);
}
atom(A) ::= LPAR(L) paren_items(S) RPAR(R). { A = mk_paren(ctx, &L, S, &R, yymsp[-3].major); }
atom(A) ::= LPAR(L) namedexpr(E) comp_for(G) RPAR(R). {
  A = mk_comp(ctx, E_GENEXP, &L, NULL, E, G, &R);
  A->parenthesized = true;
}
paren_items(A) ::= pi_seq(S). { A = S; }
paren_items(A) ::= pi_seq(S) COMMA(C). { A = seq_comma(S, &C); }
pi_seq(A) ::= pitem(E). { A = seq_one(ctx, E); }
pi_seq(A) ::= pi_seq(S) COMMA pitem(E). { A = seq_add(ctx, S, E); }
pitem(A) ::= namedexpr(E). { A = E; }
pitem(A) ::= star_expr(E). { A = E; }
pitem(A) ::= test(E) AS(T) expr_or_star(V). { A = mk_as_item(ctx, E, &T, V); }

atom(A) ::= LSQB(L) RSQB(R). { NodeList none = {0}; A = mk_bracketed(ctx, E_LIST, &L, none, &R); }
atom(A) ::= LSQB(L) list_items(S) RSQB(R). { A = mk_bracketed(ctx, E_LIST, &L, S.items, &R); }
atom(A) ::= LSQB(L) namedexpr(E) comp_for(G) RSQB(R). { A = mk_comp(ctx, E_LISTCOMP, &L, NULL, E, G, &R); }
list_items(A) ::= li_seq(S). { A = S; }
list_items(A) ::= li_seq(S) COMMA(C). { A = seq_comma(S, &C); }
li_seq(A) ::= litem(E). { A = seq_one(ctx, E); }
li_seq(A) ::= li_seq(S) COMMA litem(E). { A = seq_add(ctx, S, E); }
litem(A) ::= namedexpr(E). { A = E; }
litem(A) ::= star_expr(E). { A = E; }

atom(A) ::= LBRACE(L) RBRACE(R). { SeqB none = {0}; A = mk_dict(ctx, &L, none, &R); }
atom(A) ::= LBRACE(L) dict_items(S) RBRACE(R). { A = mk_dict(ctx, &L, S, &R); }
atom(A) ::= LBRACE(L) list_items(S) RBRACE(R). { A = mk_bracketed(ctx, E_SET, &L, S.items, &R); }
atom(A) ::= LBRACE(L) test(K) COLON test(V) comp_for(G) RBRACE(R). { A = mk_comp(ctx, E_DICTCOMP, &L, K, V, G, &R); }
atom(A) ::= LBRACE(L) namedexpr(E) comp_for(G) RBRACE(R). { A = mk_comp(ctx, E_SETCOMP, &L, NULL, E, G, &R); }
dict_items(A) ::= di_seq(S). { A = S; }
dict_items(A) ::= di_seq(S) COMMA(C). { A = seq_comma(S, &C); }
di_seq(A) ::= ditem(E). { A = seq_one(ctx, E); }
di_seq(A) ::= di_seq(S) COMMA ditem(E). { A = seq_add(ctx, S, E); }
ditem(A) ::= test(K) COLON test(V). { A = mk_pair(ctx, K, V, NULL); }
ditem(A) ::= DOUBLESTAR(T) expr(V). { A = mk_pair(ctx, NULL, V, &T); }

comp_for(A) ::= comp_gen(G). { A = list_one(ctx, G); }
comp_for(A) ::= comp_for(L) comp_gen(G). { A = L; nodelist_push(ctx->arena, &A, G); }
comp_for(A) ::= comp_for(L) IF or_test(C). { A = L; nodelist_push(ctx->arena, &last_of(&A)->u.for_.ifs, C); }
comp_gen(A) ::= FOR(F) comp_target(T) or_test(I). { A = mk_gen(ctx, &F, T, I, false); }
comp_gen(A) ::= ASYNC(F) FOR comp_target(T) or_test(I). { A = mk_gen(ctx, &F, T, I, true); }
comp_target(A) ::= exprlist_tc(L) IN. {
  ctx->exprlist.count = 0;
  A = seq_expr(ctx, L);
  check_target(ctx, A, TGT_FOR);
}
