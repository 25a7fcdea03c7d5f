/* ast.c — the arena, node constructors and the tree dumper.
 *
 * The dumper recurses, but never deeper than AST_DUMP_MAX_DEPTH: the parser
 * rejects deeper trees (PARSE_MAX_DEPTH), and any other tree is elided. */
#include "ast.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ arena */

enum { ARENA_BLOCK = 64 * 1024, ARENA_ALIGN = 16 };

struct ArenaBlock {
  ArenaBlock *next;
  size_t used, size;
  _Alignas(16) unsigned char data[];
};

static void *arena_oom(void) {
  fputs("asy: out of memory while parsing\n", stderr);
  abort();
}

void *arena_alloc(Arena *a, size_t n) {
  n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  ArenaBlock *b = a->head;
  if (!b || b->size - b->used < n) {
    size_t size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
    b = calloc(1, sizeof(ArenaBlock) + size);
    if (!b) return arena_oom();
    b->size = size;
    if (size == n && a->head) {
      /* A big block goes behind the current one so the current one keeps
       * serving small allocations. */
      b->next = a->head->next;
      a->head->next = b;
    } else {
      b->next = a->head;
      a->head = b;
    }
  }
  void *p = b->data + b->used;
  b->used += n;
  return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
  char *p = arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void arena_free(Arena *a) {
  ArenaBlock *b = a->head;
  while (b) {
    ArenaBlock *next = b->next;
    free(b);
    b = next;
  }
  a->head = NULL;
}

void nodelist_push(Arena *a, NodeList *l, Node *n) {
  if (l->count == l->cap) {
    int cap = l->cap ? l->cap * 2 : 4;
    Node **items = arena_alloc(a, (size_t)cap * sizeof(Node *));
    if (l->count) memcpy(items, l->items, (size_t)l->count * sizeof(Node *));
    l->items = items;
    l->cap = cap;
  }
  l->items[l->count++] = n;
}

Node *ast_node(Arena *a, NodeKind kind, int line, int col) {
  Node *n = arena_alloc(a, sizeof(Node));
  n->kind = kind;
  n->line = n->end_line = line;
  n->col = n->end_col = col;
  return n;
}

/* ------------------------------------------------------------------ names */

const char *ast_kind_name(NodeKind kind) {
  static const char *const names[] = {
      [E_NAME] = "Name",
      [E_INT] = "Constant",
      [E_FLOAT] = "Constant",
      [E_STR] = "Constant",
      [E_NONE] = "Constant",
      [E_TRUE] = "Constant",
      [E_FALSE] = "Constant",
      [E_ELLIPSIS] = "Constant",
      [E_FSTRING] = "JoinedStr",
      [E_FORMATTED] = "FormattedValue",
      [E_BINOP] = "BinOp",
      [E_UNARYOP] = "UnaryOp",
      [E_BOOLOP] = "BoolOp",
      [E_COMPARE] = "Compare",
      [E_IFEXP] = "IfExp",
      [E_LAMBDA] = "Lambda",
      [E_CALL] = "Call",
      [E_KEYWORD] = "keyword",
      [E_ATTRIBUTE] = "Attribute",
      [E_SUBSCRIPT] = "Subscript",
      [E_SLICE] = "Slice",
      [E_LIST] = "List",
      [E_TUPLE] = "Tuple",
      [E_SET] = "Set",
      [E_DICT] = "Dict",
      [E_LISTCOMP] = "ListComp",
      [E_SETCOMP] = "SetComp",
      [E_GENEXP] = "GeneratorExp",
      [E_DICTCOMP] = "DictComp",
      [E_COMPREHENSION] = "comprehension",
      [E_AWAIT] = "Await",
      [E_YIELD] = "Yield",
      [E_YIELD_FROM] = "YieldFrom",
      [E_STARRED] = "Starred",
      [E_NAMEDEXPR] = "NamedExpr",
      [S_EXPR] = "Expr",
      [S_ASSIGN] = "Assign",
      [S_AUGASSIGN] = "AugAssign",
      [S_ANNASSIGN] = "AnnAssign",
      [S_IF] = "If",
      [S_WHILE] = "While",
      [S_FOR] = "For",
      [S_BREAK] = "Break",
      [S_CONTINUE] = "Continue",
      [S_PASS] = "Pass",
      [S_RETURN] = "Return",
      [S_DELETE] = "Delete",
      [S_FUNCDEF] = "FunctionDef",
      [S_CLASSDEF] = "ClassDef",
      [S_TRY] = "Try",
      [S_HANDLER] = "ExceptHandler",
      [S_RAISE] = "Raise",
      [S_ASSERT] = "Assert",
      [S_WITH] = "With",
      [E_WITHITEM] = "withitem",
      [S_GLOBAL] = "Global",
      [S_NONLOCAL] = "Nonlocal",
      [S_IMPORT] = "Import",
      [S_IMPORTFROM] = "ImportFrom",
      [E_ALIAS] = "alias",
      [MOD_MODULE] = "Module",
  };
  if ((unsigned)kind < sizeof names / sizeof names[0] && names[kind]) return names[kind];
  return "?";
}

static const char *op_name(AstOp op) {
  static const char *const names[] = {
      [OP_ADD] = "Add",        [OP_SUB] = "Sub",       [OP_MUL] = "Mult",
      [OP_MATMUL] = "MatMult", [OP_DIV] = "Div",       [OP_FLOORDIV] = "FloorDiv",
      [OP_MOD] = "Mod",        [OP_POW] = "Pow",       [OP_LSHIFT] = "LShift",
      [OP_RSHIFT] = "RShift",  [OP_BITOR] = "BitOr",   [OP_BITXOR] = "BitXor",
      [OP_BITAND] = "BitAnd",  [OP_NOT] = "Not",       [OP_NEG] = "USub",
      [OP_POS] = "UAdd",       [OP_INVERT] = "Invert", [OP_AND] = "And",
      [OP_OR] = "Or",          [OP_EQ] = "Eq",         [OP_NE] = "NotEq",
      [OP_LT] = "Lt",          [OP_LE] = "LtE",        [OP_GT] = "Gt",
      [OP_GE] = "GtE",         [OP_IS] = "Is",         [OP_ISNOT] = "IsNot",
      [OP_IN] = "In",          [OP_NOTIN] = "NotIn",
  };
  if ((unsigned)op < sizeof names / sizeof names[0] && names[op]) return names[op];
  return "?";
}

/* --------------------------------------------------------------- children */

static void visit_list(const NodeList *l, void (*visit)(Node *, void *), void *data) {
  for (int i = 0; i < l->count; i++)
    if (l->items[i]) visit(l->items[i], data);
}

static void visit_one(Node *n, void (*visit)(Node *, void *), void *data) {
  if (n) visit(n, data);
}

static void visit_args(const Arguments *a, void (*visit)(Node *, void *), void *data) {
  if (!a) return;
  visit_list(&a->posonly, visit, data);
  visit_list(&a->args, visit, data);
  visit_list(&a->defaults, visit, data);
  visit_one(a->vararg, visit, data);
  visit_list(&a->kwonly, visit, data);
  visit_list(&a->kw_defaults, visit, data);
  visit_one(a->kwarg, visit, data);
}

void ast_children(const Node *n, void (*visit)(Node *child, void *data), void *data) {
  switch (n->kind) {
  case E_NAME: visit_one(n->u.name.annotation, visit, data); break;
  case E_FSTRING: visit_list(&n->u.fstring.parts, visit, data); break;
  case E_FORMATTED:
    visit_one(n->u.formatted.value, visit, data);
    visit_one(n->u.formatted.spec, visit, data);
    break;
  case E_BINOP:
    visit_one(n->u.binop.left, visit, data);
    visit_one(n->u.binop.right, visit, data);
    break;
  case E_UNARYOP: visit_one(n->u.unaryop.operand, visit, data); break;
  case E_BOOLOP: visit_list(&n->u.boolop.values, visit, data); break;
  case E_COMPARE:
    visit_one(n->u.compare.left, visit, data);
    visit_list(&n->u.compare.comparators, visit, data);
    break;
  case E_IFEXP:
    visit_one(n->u.ifexp.test, visit, data);
    visit_one(n->u.ifexp.body, visit, data);
    visit_one(n->u.ifexp.orelse, visit, data);
    break;
  case E_LAMBDA:
    visit_args(n->u.lambda.args, visit, data);
    visit_one(n->u.lambda.body, visit, data);
    break;
  case E_CALL:
    visit_one(n->u.call.func, visit, data);
    visit_list(&n->u.call.args, visit, data);
    visit_list(&n->u.call.keywords, visit, data);
    break;
  case E_KEYWORD: visit_one(n->u.keyword.value, visit, data); break;
  case E_ATTRIBUTE: visit_one(n->u.attribute.value, visit, data); break;
  case E_SUBSCRIPT:
    visit_one(n->u.subscript.value, visit, data);
    visit_one(n->u.subscript.slice, visit, data);
    break;
  case E_SLICE:
    visit_one(n->u.slice.lower, visit, data);
    visit_one(n->u.slice.upper, visit, data);
    visit_one(n->u.slice.step, visit, data);
    break;
  case E_LIST:
  case E_TUPLE:
  case E_SET:
  case S_DELETE: visit_list(&n->u.seq.elts, visit, data); break;
  case E_DICT:
    for (int i = 0; i < n->u.dict.values.count; i++) {
      visit_one(n->u.dict.keys.items[i], visit, data);
      visit_one(n->u.dict.values.items[i], visit, data);
    }
    break;
  case E_LISTCOMP:
  case E_SETCOMP:
  case E_GENEXP:
  case E_DICTCOMP:
    visit_one(n->u.comp.key, visit, data);
    visit_one(n->u.comp.elt, visit, data);
    visit_list(&n->u.comp.generators, visit, data);
    break;
  case E_COMPREHENSION:
  case S_FOR:
    visit_one(n->u.for_.target, visit, data);
    visit_one(n->u.for_.iter, visit, data);
    visit_list(&n->u.for_.ifs, visit, data);
    visit_list(&n->u.for_.body, visit, data);
    visit_list(&n->u.for_.orelse, visit, data);
    break;
  case E_AWAIT:
  case E_YIELD:
  case E_YIELD_FROM:
  case E_STARRED:
  case S_RETURN: visit_one(n->u.unary.value, visit, data); break;
  case E_NAMEDEXPR:
    visit_one(n->u.named.target, visit, data);
    visit_one(n->u.named.value, visit, data);
    break;
  case S_EXPR: visit_one(n->u.expr.value, visit, data); break;
  case S_ASSIGN:
    visit_list(&n->u.assign.targets, visit, data);
    visit_one(n->u.assign.value, visit, data);
    break;
  case S_AUGASSIGN:
    visit_one(n->u.augassign.target, visit, data);
    visit_one(n->u.augassign.value, visit, data);
    break;
  case S_ANNASSIGN:
    visit_one(n->u.annassign.target, visit, data);
    visit_one(n->u.annassign.annotation, visit, data);
    visit_one(n->u.annassign.value, visit, data);
    break;
  case S_IF:
  case S_WHILE:
    visit_one(n->u.if_.test, visit, data);
    visit_list(&n->u.if_.body, visit, data);
    visit_list(&n->u.if_.orelse, visit, data);
    break;
  case S_FUNCDEF:
    visit_list(&n->u.funcdef.decorators, visit, data);
    visit_args(n->u.funcdef.args, visit, data);
    visit_one(n->u.funcdef.returns, visit, data);
    visit_list(&n->u.funcdef.body, visit, data);
    break;
  case S_CLASSDEF:
    visit_list(&n->u.classdef.decorators, visit, data);
    visit_list(&n->u.classdef.bases, visit, data);
    visit_list(&n->u.classdef.keywords, visit, data);
    visit_list(&n->u.classdef.body, visit, data);
    break;
  case S_TRY:
    visit_list(&n->u.try_.body, visit, data);
    visit_list(&n->u.try_.handlers, visit, data);
    visit_list(&n->u.try_.orelse, visit, data);
    visit_list(&n->u.try_.finalbody, visit, data);
    break;
  case S_HANDLER:
    visit_one(n->u.handler.type, visit, data);
    visit_list(&n->u.handler.body, visit, data);
    break;
  case S_RAISE:
    visit_one(n->u.raise.exc, visit, data);
    visit_one(n->u.raise.cause, visit, data);
    break;
  case S_ASSERT:
    visit_one(n->u.assert_.test, visit, data);
    visit_one(n->u.assert_.msg, visit, data);
    break;
  case S_WITH:
    visit_list(&n->u.with.items, visit, data);
    visit_list(&n->u.with.body, visit, data);
    break;
  case E_WITHITEM:
    visit_one(n->u.withitem.context_expr, visit, data);
    visit_one(n->u.withitem.optional_vars, visit, data);
    break;
  case S_IMPORT:
  case S_IMPORTFROM: visit_list(&n->u.import.names, visit, data); break;
  case MOD_MODULE: visit_list(&n->u.module.body, visit, data); break;
  default: break;
  }
}

/* ------------------------------------------------------------------- dump */

typedef struct {
  char *buf;
  size_t len, cap;
  bool positions;
} Out;

static void out_grow(Out *o, size_t extra) {
  if (o->len + extra + 1 <= o->cap) return;
  size_t cap = o->cap ? o->cap : 256;
  while (cap < o->len + extra + 1) cap *= 2;
  char *b = realloc(o->buf, cap);
  if (!b) {
    fputs("asy: out of memory\n", stderr);
    abort();
  }
  o->buf = b;
  o->cap = cap;
}

static void out_mem(Out *o, const char *s, size_t n) {
  out_grow(o, n);
  memcpy(o->buf + o->len, s, n);
  o->len += n;
  o->buf[o->len] = '\0';
}

static void out_str(Out *o, const char *s) {
  out_mem(o, s, strlen(s));
}

static void out_fmt(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out_fmt(Out *o, const char *fmt, ...) {
  char tmp[128];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n > 0) out_mem(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Python's repr of a float: the shortest digits that read back the same,
 * in exponent form below 1e-4 and from 1e16 on. */
static void out_float(Out *o, double d) {
  if (isinf(d)) {
    out_str(o, d > 0 ? "inf" : "-inf");
    return;
  }
  if (isnan(d)) {
    out_str(o, "nan");
    return;
  }
  char digits[40];
  int prec = 1;
  for (; prec <= 17; prec++) {
    snprintf(digits, sizeof digits, "%.*e", prec - 1, d);
    if (strtod(digits, NULL) == d) break;
  }
  char *e = strchr(digits, 'e');
  int exp10 = atoi(e + 1);
  *e = '\0';
  char mant[24];
  size_t m = 0;
  bool neg = digits[0] == '-';
  for (const char *p = digits + neg; *p; p++)
    if (*p != '.') mant[m++] = *p;
  while (m > 1 && mant[m - 1] == '0') m--;
  mant[m] = '\0';
  if (neg) out_str(o, "-");
  if (exp10 < -4 || exp10 >= 16) {
    out_mem(o, mant, 1);
    if (m > 1) {
      out_str(o, ".");
      out_str(o, mant + 1);
    }
    out_fmt(o, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
  } else if (exp10 < 0) {
    out_str(o, "0.");
    for (int i = -1; i > exp10; i--) out_str(o, "0");
    out_str(o, mant);
  } else {
    for (int i = 0; i <= exp10; i++) out_mem(o, i < (int)m ? &mant[i] : "0", 1);
    out_str(o, ".");
    out_str(o, (int)m > exp10 + 1 ? mant + exp10 + 1 : "0");
  }
}

static unsigned utf8_decode(const unsigned char *s, size_t n, size_t *adv) {
  unsigned c = s[0];
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  if ((size_t)extra >= n) extra = 0;
  if (extra) c &= 0x3Fu >> extra;
  for (int i = 1; i <= extra; i++) c = (c << 6) | (s[i] & 0x3Fu);
  *adv = (size_t)extra + 1;
  return c;
}

static bool printable(unsigned c) {
  if (c < 0x20 || c == 0x7F) return false;
  if (c < 0x80) return true;
  if (c <= 0xA0 || c == 0xAD) return false;
  if ((c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F)) return false;
  if ((c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF) return false;
  if (c >= 0xE000 && c <= 0xF8FF) return false;
  if ((c >= 0xFFF9 && c <= 0xFFFB) || c == 0xFFFE || c == 0xFFFF) return false;
  if (c >= 0xF0000 || (c & 0xFFFE) == 0xFFFE || (c >= 0xE0000 && c <= 0xE0FFF)) return false;
  return true;
}

/* Python's repr of a str. */
static void out_repr(Out *o, const char *s, size_t n) {
  bool sq = memchr(s, '\'', n) != NULL, dq = memchr(s, '"', n) != NULL;
  char q = sq && !dq ? '"' : '\'';
  out_mem(o, &q, 1);
  for (size_t i = 0; i < n;) {
    size_t adv;
    unsigned c = utf8_decode((const unsigned char *)s + i, n - i, &adv);
    if (c == (unsigned char)q || c == '\\') {
      out_fmt(o, "\\%c", (char)c);
    } else if (c == '\n') {
      out_str(o, "\\n");
    } else if (c == '\r') {
      out_str(o, "\\r");
    } else if (c == '\t') {
      out_str(o, "\\t");
    } else if (printable(c)) {
      out_mem(o, s + i, adv);
    } else if (c < 0x100) {
      out_fmt(o, "\\x%02x", c);
    } else if (c < 0x10000) {
      out_fmt(o, "\\u%04x", c);
    } else {
      out_fmt(o, "\\U%08x", c);
    }
    i += adv;
  }
  out_mem(o, &q, 1);
}

static void dump(Out *o, const Node *n, int depth);

static void dump_list(Out *o, const NodeList *l, int depth) {
  out_str(o, "[");
  for (int i = 0; i < l->count; i++) {
    if (i) out_str(o, ", ");
    if (l->items[i])
      dump(o, l->items[i], depth);
    else
      out_str(o, "None");
  }
  out_str(o, "]");
}

/* Each field prints as ", name=value"; the first one of a node without the
 * leading comma. Absent values and empty lists are left out. */
typedef struct {
  Out *o;
  int depth;
  bool first;
} Fields;

static void field_sep(Fields *f, const char *name) {
  if (!f->first) out_str(f->o, ", ");
  f->first = false;
  out_str(f->o, name);
  out_str(f->o, "=");
}

static void field_node(Fields *f, const char *name, const Node *n) {
  if (!n) return;
  field_sep(f, name);
  dump(f->o, n, f->depth);
}

static void field_list(Fields *f, const char *name, const NodeList *l) {
  if (!l->count) return;
  field_sep(f, name);
  dump_list(f->o, l, f->depth);
}

static void field_id(Fields *f, const char *name, const char *id) {
  if (!id) return;
  field_sep(f, name);
  out_repr(f->o, id, strlen(id));
}

static void field_op(Fields *f, const char *name, AstOp op) {
  field_sep(f, name);
  out_str(f->o, op_name(op));
  out_str(f->o, "()");
}

static void field_int(Fields *f, const char *name, long v) {
  field_sep(f, name);
  out_fmt(f->o, "%ld", v);
}

static void dump_param(Out *o, const Node *p, int depth) {
  out_str(o, "arg");
  if (o->positions) out_fmt(o, "@%d:%d-%d:%d", p->line, p->col, p->end_line, p->end_col);
  out_str(o, "(");
  Fields f = {o, depth, true};
  field_id(&f, "arg", p->u.name.id);
  field_node(&f, "annotation", p->u.name.annotation);
  out_str(o, ")");
}

static void field_params(Fields *f, const char *name, const NodeList *l) {
  if (!l->count) return;
  field_sep(f, name);
  out_str(f->o, "[");
  for (int i = 0; i < l->count; i++) {
    if (i) out_str(f->o, ", ");
    dump_param(f->o, l->items[i], f->depth);
  }
  out_str(f->o, "]");
}

static void dump_arguments(Out *o, const Arguments *a, int depth) {
  out_str(o, "arguments(");
  Fields f = {o, depth, true};
  field_params(&f, "posonlyargs", &a->posonly);
  field_params(&f, "args", &a->args);
  if (a->vararg) {
    field_sep(&f, "vararg");
    dump_param(o, a->vararg, depth);
  }
  field_params(&f, "kwonlyargs", &a->kwonly);
  field_list(&f, "kw_defaults", &a->kw_defaults);
  if (a->kwarg) {
    field_sep(&f, "kwarg");
    dump_param(o, a->kwarg, depth);
  }
  field_list(&f, "defaults", &a->defaults);
  out_str(o, ")");
}

static void field_args(Fields *f, const Arguments *a) {
  field_sep(f, "args");
  if (a)
    dump_arguments(f->o, a, f->depth);
  else
    out_str(f->o, "arguments()");
}

static void dump_constant(Out *o, const Node *n) {
  out_str(o, "value=");
  switch (n->kind) {
  case E_INT: out_fmt(o, "%" PRId64, n->u.constant.i); break;
  case E_FLOAT: out_float(o, n->u.constant.f); break;
  case E_STR: out_repr(o, n->u.constant.s, n->u.constant.len); break;
  case E_NONE: out_str(o, "None"); break;
  case E_TRUE: out_str(o, "True"); break;
  case E_FALSE: out_str(o, "False"); break;
  default: out_str(o, "Ellipsis"); break;
  }
}

static void dump_expr_fields(Fields *f, const Node *n) {
  switch (n->kind) {
  case E_NAME: field_id(f, "id", n->u.name.id); break;
  case E_FSTRING: field_list(f, "values", &n->u.fstring.parts); break;
  case E_FORMATTED:
    field_node(f, "value", n->u.formatted.value);
    if (n->u.formatted.conversion) field_int(f, "conversion", n->u.formatted.conversion);
    field_node(f, "format_spec", n->u.formatted.spec);
    break;
  case E_BINOP:
    field_node(f, "left", n->u.binop.left);
    field_op(f, "op", n->u.binop.op);
    field_node(f, "right", n->u.binop.right);
    break;
  case E_UNARYOP:
    field_op(f, "op", n->u.unaryop.op);
    field_node(f, "operand", n->u.unaryop.operand);
    break;
  case E_BOOLOP:
    field_op(f, "op", n->u.boolop.op);
    field_list(f, "values", &n->u.boolop.values);
    break;
  case E_COMPARE:
    field_node(f, "left", n->u.compare.left);
    field_sep(f, "ops");
    out_str(f->o, "[");
    for (int i = 0; i < n->u.compare.comparators.count; i++) {
      out_str(f->o, i ? ", " : "");
      out_str(f->o, op_name(n->u.compare.ops[i]));
      out_str(f->o, "()");
    }
    out_str(f->o, "]");
    field_list(f, "comparators", &n->u.compare.comparators);
    break;
  case E_IFEXP:
    field_node(f, "test", n->u.ifexp.test);
    field_node(f, "body", n->u.ifexp.body);
    field_node(f, "orelse", n->u.ifexp.orelse);
    break;
  case E_LAMBDA:
    field_args(f, n->u.lambda.args);
    field_node(f, "body", n->u.lambda.body);
    break;
  case E_CALL:
    field_node(f, "func", n->u.call.func);
    field_list(f, "args", &n->u.call.args);
    field_list(f, "keywords", &n->u.call.keywords);
    break;
  case E_KEYWORD:
    field_id(f, "arg", n->u.keyword.arg);
    field_node(f, "value", n->u.keyword.value);
    break;
  case E_ATTRIBUTE:
    field_node(f, "value", n->u.attribute.value);
    field_id(f, "attr", n->u.attribute.attr);
    break;
  case E_SUBSCRIPT:
    field_node(f, "value", n->u.subscript.value);
    field_node(f, "slice", n->u.subscript.slice);
    break;
  case E_SLICE:
    field_node(f, "lower", n->u.slice.lower);
    field_node(f, "upper", n->u.slice.upper);
    field_node(f, "step", n->u.slice.step);
    break;
  case E_LIST:
  case E_TUPLE:
  case E_SET: field_list(f, "elts", &n->u.seq.elts); break;
  case E_DICT:
    field_list(f, "keys", &n->u.dict.keys);
    field_list(f, "values", &n->u.dict.values);
    break;
  case E_DICTCOMP:
    field_node(f, "key", n->u.comp.key);
    field_node(f, "value", n->u.comp.elt);
    field_list(f, "generators", &n->u.comp.generators);
    break;
  case E_LISTCOMP:
  case E_SETCOMP:
  case E_GENEXP:
    field_node(f, "elt", n->u.comp.elt);
    field_list(f, "generators", &n->u.comp.generators);
    break;
  case E_COMPREHENSION:
    field_node(f, "target", n->u.for_.target);
    field_node(f, "iter", n->u.for_.iter);
    field_list(f, "ifs", &n->u.for_.ifs);
    if (n->u.for_.is_async) field_int(f, "is_async", 1);
    break;
  case E_AWAIT:
  case E_YIELD:
  case E_YIELD_FROM:
  case E_STARRED: field_node(f, "value", n->u.unary.value); break;
  case E_NAMEDEXPR:
    field_node(f, "target", n->u.named.target);
    field_node(f, "value", n->u.named.value);
    break;
  default: break;
  }
}

static void dump_stmt_fields(Fields *f, const Node *n) {
  switch (n->kind) {
  case S_EXPR: field_node(f, "value", n->u.expr.value); break;
  case S_ASSIGN:
    field_list(f, "targets", &n->u.assign.targets);
    field_node(f, "value", n->u.assign.value);
    break;
  case S_AUGASSIGN:
    field_node(f, "target", n->u.augassign.target);
    field_op(f, "op", n->u.augassign.op);
    field_node(f, "value", n->u.augassign.value);
    break;
  case S_ANNASSIGN:
    field_node(f, "target", n->u.annassign.target);
    field_node(f, "annotation", n->u.annassign.annotation);
    field_node(f, "value", n->u.annassign.value);
    field_int(f, "simple", n->u.annassign.simple);
    break;
  case S_IF:
  case S_WHILE:
    field_node(f, "test", n->u.if_.test);
    field_list(f, "body", &n->u.if_.body);
    field_list(f, "orelse", &n->u.if_.orelse);
    break;
  case S_FOR:
    field_node(f, "target", n->u.for_.target);
    field_node(f, "iter", n->u.for_.iter);
    field_list(f, "body", &n->u.for_.body);
    field_list(f, "orelse", &n->u.for_.orelse);
    break;
  case S_RETURN: field_node(f, "value", n->u.unary.value); break;
  case S_DELETE: field_list(f, "targets", &n->u.seq.elts); break;
  case S_FUNCDEF:
    field_id(f, "name", n->u.funcdef.name);
    field_args(f, n->u.funcdef.args);
    field_list(f, "body", &n->u.funcdef.body);
    field_list(f, "decorator_list", &n->u.funcdef.decorators);
    field_node(f, "returns", n->u.funcdef.returns);
    break;
  case S_CLASSDEF:
    field_id(f, "name", n->u.classdef.name);
    field_list(f, "bases", &n->u.classdef.bases);
    field_list(f, "keywords", &n->u.classdef.keywords);
    field_list(f, "body", &n->u.classdef.body);
    field_list(f, "decorator_list", &n->u.classdef.decorators);
    break;
  case S_TRY:
    field_list(f, "body", &n->u.try_.body);
    field_list(f, "handlers", &n->u.try_.handlers);
    field_list(f, "orelse", &n->u.try_.orelse);
    field_list(f, "finalbody", &n->u.try_.finalbody);
    break;
  case S_HANDLER:
    field_node(f, "type", n->u.handler.type);
    field_id(f, "name", n->u.handler.name);
    field_list(f, "body", &n->u.handler.body);
    break;
  case S_RAISE:
    field_node(f, "exc", n->u.raise.exc);
    field_node(f, "cause", n->u.raise.cause);
    break;
  case S_ASSERT:
    field_node(f, "test", n->u.assert_.test);
    field_node(f, "msg", n->u.assert_.msg);
    break;
  case S_WITH:
    field_list(f, "items", &n->u.with.items);
    field_list(f, "body", &n->u.with.body);
    break;
  case E_WITHITEM:
    field_node(f, "context_expr", n->u.withitem.context_expr);
    field_node(f, "optional_vars", n->u.withitem.optional_vars);
    break;
  case S_GLOBAL:
  case S_NONLOCAL:
    field_sep(f, "names");
    out_str(f->o, "[");
    for (int i = 0; i < n->u.names.count; i++) {
      out_str(f->o, i ? ", " : "");
      out_repr(f->o, n->u.names.names[i], strlen(n->u.names.names[i]));
    }
    out_str(f->o, "]");
    break;
  case S_IMPORT: field_list(f, "names", &n->u.import.names); break;
  case S_IMPORTFROM:
    field_id(f, "module", n->u.import.module);
    field_list(f, "names", &n->u.import.names);
    field_int(f, "level", n->u.import.level);
    break;
  case E_ALIAS:
    field_id(f, "name", n->u.alias.name);
    field_id(f, "asname", n->u.alias.asname);
    break;
  case MOD_MODULE: field_list(f, "body", &n->u.module.body); break;
  default: dump_expr_fields(f, n); break;
  }
}

static const char *dump_name(const Node *n) {
  bool async = (n->kind == S_FOR && n->u.for_.is_async) ||
               (n->kind == S_WITH && n->u.with.is_async) ||
               (n->kind == S_FUNCDEF && n->u.funcdef.is_async);
  if (!async) return ast_kind_name(n->kind);
  return n->kind == S_FOR ? "AsyncFor" : n->kind == S_WITH ? "AsyncWith" : "AsyncFunctionDef";
}

/* Kinds that CPython's ast gives no position: dumped without one. */
static bool has_position(NodeKind k) {
  return k != E_COMPREHENSION && k != E_WITHITEM && k != MOD_MODULE;
}

static void dump(Out *o, const Node *n, int depth) {
  if (depth >= AST_DUMP_MAX_DEPTH) {
    out_str(o, "...");
    return;
  }
  out_str(o, dump_name(n));
  if (o->positions && has_position(n->kind))
    out_fmt(o, "@%d:%d-%d:%d", n->line, n->col, n->end_line, n->end_col);
  out_str(o, "(");
  if (n->kind >= E_INT && n->kind <= E_ELLIPSIS) {
    dump_constant(o, n);
  } else {
    Fields f = {o, depth + 1, true};
    dump_stmt_fields(&f, n);
  }
  out_str(o, ")");
}

void ast_dump_ex(const Node *n, bool positions, char **buf, size_t *len) {
  Out o = {NULL, 0, 0, positions};
  out_grow(&o, 0);
  o.buf[0] = '\0';
  if (n) dump(&o, n, 0);
  *buf = o.buf;
  if (len) *len = o.len;
}

void ast_dump(const Node *n, char **buf, size_t *len) {
  ast_dump_ex(n, false, buf, len);
}
