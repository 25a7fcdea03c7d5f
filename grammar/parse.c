/* parse.c — the driver between lexer and parser, CPython's syntax-error
 * messages, and f-strings.
 *
 * CPython reports a generic parser error only if no tokenizer error follows
 * it in the file, so after a parser error the driver keeps tokenizing to
 * the end (rest_scan) and lets such an error win. F-string expressions are
 * parsed as CPython 3.11 does: each one on its own, as if in parentheses,
 * but with the positions of the real source. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "parse.h"

/* ------------------------------------------------------------------ errors */

static void set_error(ParseCtx *ctx, const char *kind, int line, int col, int end_line, int end_col,
                      const char *msg) {
  if (ctx->failed) return;
  ctx->failed = true;
  ctx->from_lexer = false;
  SyntaxErr *e = ctx->err;
  /* Errors inside an f-string's expression carry CPython's prefix; a
   * message too long for the buffer is cut short. */
  const char *prefix = ctx->fstring_level > 0 ? "f-string: " : "";
  size_t plen = strlen(prefix), mlen = strnlen(msg, sizeof e->msg - 1 - plen);
  memcpy(e->msg, prefix, plen);
  memcpy(e->msg + plen, msg, mlen);
  e->msg[plen + mlen] = '\0';
  e->kind = kind;
  e->line = line;
  e->col = col < 0 ? 0 : col;
  if (end_line < line || (end_line == line && end_col < e->col)) {
    end_line = line;
    end_col = e->col;
  }
  e->end_line = end_line;
  e->end_col = end_col;
  e->incomplete = false;
}

void syntax_error_at(SyntaxErr *err, int line, int col, int end_line, int end_col, const char *fmt,
                     ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  err->kind = "SyntaxError";
  err->line = line;
  err->col = col;
  err->end_line = end_line;
  err->end_col = end_col;
  err->incomplete = false;
}

static void vfail(ParseCtx *ctx, const char *kind, int line, int col, int end_line, int end_col,
                  const char *fmt, va_list ap) {
  char msg[256];
  vsnprintf(msg, sizeof msg, fmt, ap);
  set_error(ctx, kind, line, col, end_line, end_col, msg);
}

void parse_fail_range(ParseCtx *ctx, int line, int col, int end_line, int end_col, const char *fmt,
                      ...) {
  va_list ap;
  va_start(ap, fmt);
  vfail(ctx, "SyntaxError", line, col, end_line, end_col, fmt, ap);
  va_end(ap);
}

void parse_fail_node(ParseCtx *ctx, const Node *n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfail(ctx, "SyntaxError", n->line, n->col, n->end_line, n->end_col, fmt, ap);
  va_end(ap);
}

void parse_fail_tok(ParseCtx *ctx, const Token *t, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfail(ctx, "SyntaxError", t->line, t->col, t->end_line, t->end_col, fmt, ap);
  va_end(ap);
}

static void fail_kind_tok(ParseCtx *ctx, const char *kind, const Token *t, const char *msg) {
  set_error(ctx, kind, t->line, t->col, t->end_line, t->end_col, msg);
}

const char *parse_expr_name(const Node *n) {
  switch (n->kind) {
  case E_CALL: return "function call";
  case E_BINOP:
  case E_BOOLOP:
  case E_UNARYOP: return "expression";
  case E_ATTRIBUTE: return "attribute";
  case E_SUBSCRIPT: return "subscript";
  case E_STARRED: return "starred";
  case E_NAME: return "name";
  case E_LIST: return "list";
  case E_TUPLE: return "tuple";
  case E_LAMBDA: return "lambda";
  case E_GENEXP: return "generator expression";
  case E_YIELD:
  case E_YIELD_FROM: return "yield expression";
  case E_AWAIT: return "await expression";
  case E_LISTCOMP: return "list comprehension";
  case E_SETCOMP: return "set comprehension";
  case E_DICTCOMP: return "dict comprehension";
  case E_DICT: return "dict literal";
  case E_SET: return "set display";
  case E_FSTRING:
  case E_FORMATTED: return "f-string expression";
  case E_NONE: return "None";
  case E_TRUE: return "True";
  case E_FALSE: return "False";
  case E_ELLIPSIS: return "ellipsis";
  case E_COMPARE: return "comparison";
  case E_IFEXP: return "conditional expression";
  case E_NAMEDEXPR: return "named expression";
  default: return "literal";
  }
}

/* The recursion follows brackets, which the lexer limits to 200 levels. */
const Node *parse_invalid_target(const Node *e, TargetKind kind) {
  switch (e->kind) {
  case E_LIST:
  case E_TUPLE:
    for (int i = 0; i < e->u.seq.elts.count; i++) {
      const Node *bad = parse_invalid_target(e->u.seq.elts.items[i], kind);
      if (bad) return bad;
    }
    return NULL;
  case E_STARRED: return kind == TGT_DEL ? e : parse_invalid_target(e->u.unary.value, kind);
  case E_NAME:
  case E_ATTRIBUTE:
  case E_SUBSCRIPT: return NULL;
  default: return e;
  }
}

void parse_flush_target(ParseCtx *ctx, bool suffix) {
  Node *bad = ctx->pending_target;
  ctx->pending_target = NULL;
  if (!bad) return;
  if (suffix)
    parse_fail_node(ctx, bad, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                    parse_expr_name(bad));
  else
    parse_fail_node(ctx, bad, "cannot assign to %s", parse_expr_name(bad));
}

static void take_lexer_error(ParseCtx *ctx, const LexError *le) {
  SyntaxErr *e = ctx->err;
  snprintf(e->msg, sizeof e->msg, "%s", le->msg);
  e->kind = le->kind;
  e->line = le->line;
  e->col = le->col;
  e->end_line = le->end_line;
  e->end_col = le->end_col;
  e->incomplete = le->incomplete;
  ctx->failed = true;
  ctx->from_lexer = true;
}

/* ----------------------------------------------------------- outer spans */

static size_t outer_slot(const OuterSpan *tab, size_t cap, const Node *n) {
  size_t h = ((uintptr_t)n >> 4) * 0x9E3779B97F4A7C15ull;
  size_t i = h & (cap - 1);
  while (tab[i].node && tab[i].node != n) i = (i + 1) & (cap - 1);
  return i;
}

void parse_set_outer(ParseCtx *ctx, Node *n, Span sp) {
  n->parenthesized = true;
  parse_note_span(ctx, n, sp);
}

void parse_note_span(ParseCtx *ctx, const Node *n, Span sp) {
  if (2 * (ctx->outer_count + 1) > ctx->outer_cap) {
    size_t cap = ctx->outer_cap ? ctx->outer_cap * 2 : 64;
    OuterSpan *tab = calloc(cap, sizeof *tab);
    if (!tab) {
      fputs("asy: out of memory while parsing\n", stderr);
      abort();
    }
    for (size_t i = 0; i < ctx->outer_cap; i++)
      if (ctx->outer[i].node) tab[outer_slot(tab, cap, ctx->outer[i].node)] = ctx->outer[i];
    free(ctx->outer);
    ctx->outer = tab;
    ctx->outer_cap = cap;
  }
  size_t i = outer_slot(ctx->outer, ctx->outer_cap, n);
  if (!ctx->outer[i].node) ctx->outer_count++;
  ctx->outer[i].node = n;
  ctx->outer[i].span = sp;
}

Span parse_span(const ParseCtx *ctx, const Node *n) {
  if (ctx->outer_count) {
    size_t i = outer_slot(ctx->outer, ctx->outer_cap, n);
    if (ctx->outer[i].node) return ctx->outer[i].span;
  }
  Span sp = {n->line, n->col, n->end_line, n->end_col};
  return sp;
}

/* ---------------------------------------------------------------- driver */

RingEntry *parse_ring(ParseCtx *ctx, int idx) {
  if (idx < 0 || idx >= ctx->ntok || ctx->ntok - idx > PARSE_RING) return NULL;
  RingEntry *r = &ctx->ring[idx % PARSE_RING];
  return r->tok.idx == idx ? r : NULL;
}

static void feed(ParseCtx *ctx, void *parser, int kind, Token *t) {
  t->kind = kind;
  t->idx = ctx->ntok++;
  ctx->cur = *t;
  RingEntry *r = &ctx->ring[t->idx % PARSE_RING];
  r->tok = *t;
  r->before = ctx->last_node;
  AsyParse(parser, kind, *t);
  r->before = ctx->last_node;
}

/* One token of lookahead after an error, for messages that depend on what
 * follows; rest_scan continues after it. */
typedef struct {
  bool done;     /* the scan reached the end or an error */
  bool have_err; /* ... an error, in err */
  LexError err;
  int count;                       /* tokens read ahead */
  Token next;                      /* the first of them */
  Token last;                      /* the latest of them */
  bool newline;                    /* a NEWLINE was read */
  int line_end_line, line_end_col; /* end of the last token before it */
} Ahead;

static void ahead_step(ParseCtx *ctx, Ahead *a) {
  if (a->done) return;
  Token t;
  int k = lex_next(&ctx->lx, &t);
  if (k == LEX_ERROR) {
    a->done = a->have_err = true;
    a->err = ctx->lx.err;
    return;
  }
  t.kind = k;
  if (a->count++ == 0) a->next = t;
  a->last = t;
  if (k == TK_NEWLINE) a->newline = true;
  if (!a->newline) {
    a->line_end_line = t.end_line;
    a->line_end_col = t.end_col;
  }
  if (k == TK_ENDMARKER) a->done = true;
}

/* Tokenize the rest of the input after a parser error: a tokenizer error
 * that CPython raises replaces the parser's error. */
static void rest_scan(ParseCtx *ctx, Ahead *a, int furthest_line) {
  while (!a->done) ahead_step(ctx, a);
  if (!a->have_err) return;
  const LexError *e = &a->err;
  /* CPython compares with the line of the last token its parser fetched. */
  if (e->overrides || (e->never_closed && furthest_line > e->line)) take_lexer_error(ctx, e);
}

static Node *run(ParseCtx *ctx, int mode_kind);

/* ---------------------------------------------------------------- errors */

static bool starts_expr(int k) {
  switch (k) {
  case TK_NAME:
  case TK_NUMBER:
  case TK_STRING:
  case TK_LBRACE:
  case TK_NONE:
  case TK_TRUE:
  case TK_FALSE:
  case TK_ELLIPSIS:
  case TK_TILDE:
  case TK_LAMBDA:
  case TK_AWAIT: return true;
  default: return false;
  }
}

static bool starts_bitwise_or(int k) {
  return (starts_expr(k) && k != TK_LAMBDA) || k == TK_LPAR || k == TK_LSQB || k == TK_MINUS ||
         k == TK_PLUS;
}

static bool ends_expr(int k) {
  switch (k) {
  case TK_NAME:
  case TK_NUMBER:
  case TK_STRING:
  case TK_RPAR:
  case TK_RSQB:
  case TK_RBRACE:
  case TK_NONE:
  case TK_TRUE:
  case TK_FALSE:
  case TK_ELLIPSIS: return true;
  default: return false;
  }
}

static bool is_opener(int k) {
  switch (k) {
  case TK_IF:
  case TK_ELIF:
  case TK_ELSE:
  case TK_WHILE:
  case TK_FOR:
  case TK_TRY:
  case TK_EXCEPT:
  case TK_FINALLY:
  case TK_WITH:
  case TK_DEF:
  case TK_CLASS: return true;
  default: return false;
  }
}

static const char *opener_words(int k) {
  switch (k) {
  case TK_IF: return "'if' statement";
  case TK_ELIF: return "'elif' statement";
  case TK_ELSE: return "'else' statement";
  case TK_WHILE: return "'while' statement";
  case TK_FOR: return "'for' statement";
  case TK_TRY: return "'try' statement";
  case TK_EXCEPT: return "'except' statement";
  case TK_FINALLY: return "'finally' statement";
  case TK_WITH: return "'with' statement";
  case TK_DEF: return "function definition";
  default: return "class definition";
  }
}

/* The innermost compound-statement keyword on the parser stack. With
 * header_only, only one whose header is still open (no ':' after it, no
 * lambda in between). */
static const Token *stack_opener(void *parser, bool header_only) {
  const Token *tok;
  int major;
  for (int i = 0; (major = parse_stack_at(parser, i, &tok)) >= 0; i++) {
    if (!tok) continue;
    if (header_only && (major == TK_COLON || major == TK_LAMBDA)) return NULL;
    if (is_opener(major)) return tok;
  }
  return NULL;
}

static const Token *stack_find(void *parser, int kind, int limit) {
  const Token *tok;
  int major;
  for (int i = 0; i < limit && (major = parse_stack_at(parser, i, &tok)) >= 0; i++)
    if (tok && major == kind) return tok;
  return NULL;
}

static int stack_bracket(void *parser) {
  const Token *tok;
  int major;
  for (int i = 0; (major = parse_stack_at(parser, i, &tok)) >= 0; i++)
    if (tok && (major == TK_LPAR || major == TK_LSQB || major == TK_LBRACE)) return major;
  return 0;
}

static const Token *prev_token(ParseCtx *ctx, const Token *t, int back) {
  RingEntry *r = parse_ring(ctx, t->idx - back);
  return r ? &r->tok : NULL;
}

static bool is_name(const Node *n, const char *id) {
  return n && n->kind == E_NAME && !n->parenthesized && !strcmp(n->u.name.id, id);
}

/* The token just before node n started, searching back from t. */
static const Token *token_before(ParseCtx *ctx, const Token *t, const Node *n) {
  for (int back = 1; back < PARSE_RING; back++) {
    const Token *p = prev_token(ctx, t, back);
    if (!p) return NULL;
    if (p->line < n->line || (p->line == n->line && p->col < n->col)) return p;
  }
  return NULL;
}

/* t, or for an end-of-input token the position CPython gives errors that
 * name their token: column 0 of the last line. */
static Token eof_col0(const Token *t) {
  Token at = *t;
  if (at.flags & TOKF_EOF) at.col = at.end_col = 0;
  return at;
}

/* Errors whose wording depends on where the parser stopped: missing colons,
 * blocks and parentheses (CPython's "expected ..." messages). */
static bool expected_errors(ParseCtx *ctx, void *parser, int major, const Token *t) {
  if (parse_stack_accepts(parser, TK_INDENT)) {
    const Token *op = stack_opener(parser, false);
    char msg[160];
    snprintf(msg, sizeof msg, "expected an indented block after %s on line %d",
             opener_words(op ? op->kind : TK_IF), op ? op->line : t->line);
    fail_kind_tok(ctx, "IndentationError", t, msg);
    return true;
  }
  const Token *prev = prev_token(ctx, t, 1);
  if (prev && prev->kind == TK_RARROW && !starts_bitwise_or(major) && major != TK_NOT &&
      major != TK_LAMBDA) {
    parse_fail_tok(ctx, prev, "expected ':'"); /* def f() -> : the annotation is missing */
    return true;
  }
  if (major != TK_COLON && parse_stack_accepts(parser, TK_COLON)) {
    const Token *op = stack_opener(parser, true);
    bool forced = op && (op->kind == TK_DEF || op->kind == TK_TRY || op->kind == TK_FINALLY ||
                         op->kind == TK_ELSE);
    if (op && (major == TK_NEWLINE || forced)) {
      Token at = eof_col0(t);
      fail_kind_tok(ctx, "SyntaxError", &at, "expected ':'");
      return true;
    }
  }
  const Token *below;
  if (major != TK_LPAR && parse_stack_at(parser, 0, &below) == TK_NAME &&
      parse_stack_at(parser, 1, &below) == TK_DEF) {
    Token at = eof_col0(t);
    fail_kind_tok(ctx, "SyntaxError", &at, "expected '('");
    return true;
  }
  if (major != TK_EXCEPT && major != TK_FINALLY && parse_stack_accepts(parser, TK_EXCEPT) &&
      parse_stack_accepts(parser, TK_FINALLY)) {
    fail_kind_tok(ctx, "SyntaxError", t, "expected 'except' or 'finally' block");
    return true;
  }
  return false;
}

static int juxtaposed_end(ParseCtx *ctx, Ahead *a, int major, int depth, int line);

/* Whether CPython's "cannot assign to X here. Maybe you meant '=='" rule
 * reads e before an '=': a bitwise_or that is no list, tuple, generator,
 * True, False or None. */
static bool hint_target(const Node *e) {
  switch (e->kind) {
  case E_LIST:
  case E_TUPLE:
  case E_GENEXP:
  case E_TRUE:
  case E_FALSE:
  case E_NONE: return false;
  case E_COMPARE:
  case E_BOOLOP:
  case E_IFEXP:
  case E_LAMBDA:
  case E_STARRED: return e->parenthesized;
  case E_UNARYOP: return e->u.unaryop.op != OP_NOT || e->parenthesized;
  default: return true;
  }
}

/* "x = 1" where an expression was expected: CPython's hints about '=='. */
static bool assign_in_expr(ParseCtx *ctx, Ahead *a, const Token *t) {
  const Node *last = ctx->last_node;
  const Token *prev = prev_token(ctx, t, 1);
  if (!last || !prev || last->end_line != prev->end_line || last->end_col != prev->end_col)
    return false;
  const Token *before = token_before(ctx, t, last);
  if (before && (before->kind == TK_DOUBLESTAR || before->kind == TK_STAR)) return false;
  bool name = last->kind == E_NAME && !last->parenthesized;
  if (!name && !hint_target(last)) return false;
  ahead_step(ctx, a);
  if (a->count == 0 || !starts_bitwise_or(a->next.kind)) return false;
  Token b = a->next; /* the input may end inside b */
  bool opens = b.kind == TK_LPAR || b.kind == TK_LSQB || b.kind == TK_LBRACE;
  juxtaposed_end(ctx, a, b.kind, opens, t->line);
  if (ctx->failed) return true;
  if (name)
    parse_fail_range(ctx, last->line, last->col, b.end_line, b.end_col,
                     "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  else
    parse_fail_node(ctx, last, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                    parse_expr_name(last));
  return true;
}

/* Two expressions side by side, where CPython's invalid_expression rule
 * parses the second one (and suggests a comma inside brackets). */
static bool juxtaposed(ParseCtx *ctx, int major, const Token *t) {
  const Node *last = ctx->last_node;
  const Token *prev = prev_token(ctx, t, 1);
  if (!last || !prev || !starts_expr(major) || !ends_expr(prev->kind)) return false;
  if (last->end_line != prev->end_line || last->end_col != prev->end_col) return false;
  if (prev->kind == TK_NAME && major == TK_STRING) return false;
  if ((last->kind == E_IFEXP || last->kind == E_LAMBDA) && !last->parenthesized) return false;
  return !(is_name(last, "print") || is_name(last, "exec") || is_name(last, "_") ||
           is_name(last, "match") || is_name(last, "case"));
}

/* Tokens after which an operand must come, and tokens that can start one:
 * where an operator meets no operand, CPython's parse of an expression
 * fails (and reads no further). */
static bool wants_operand(int k) {
  switch (k) {
  case TK_PLUS:
  case TK_MINUS:
  case TK_STAR:
  case TK_SLASH:
  case TK_DOUBLESLASH:
  case TK_PERCENT:
  case TK_AT:
  case TK_DOUBLESTAR:
  case TK_VBAR:
  case TK_AMPER:
  case TK_CIRCUMFLEX:
  case TK_LEFTSHIFT:
  case TK_RIGHTSHIFT:
  case TK_TILDE:
  case TK_LESS:
  case TK_GREATER:
  case TK_EQEQUAL:
  case TK_NOTEQUAL:
  case TK_LESSEQUAL:
  case TK_GREATEREQUAL:
  case TK_NOT:
  case TK_AND:
  case TK_OR:
  case TK_IN:
  case TK_IS:
  case TK_DOT:
  case TK_AWAIT:
  case TK_ASSIGN:
  case TK_COLONEQUAL: return true;
  default: return false;
  }
}

static bool can_start_operand(int k) {
  return starts_bitwise_or(k) || k == TK_NOT || k == TK_LAMBDA || k == TK_STAR ||
         k == TK_DOUBLESTAR || k == TK_YIELD;
}

static bool ends_statement_scan(int k) {
  switch (k) {
  case TK_ERRORTOKEN:
  case TK_DEF:
  case TK_CLASS:
  case TK_RETURN:
  case TK_IMPORT:
  case TK_FROM:
  case TK_GLOBAL:
  case TK_NONLOCAL:
  case TK_PASS:
  case TK_BREAK:
  case TK_CONTINUE:
  case TK_RAISE:
  case TK_TRY:
  case TK_EXCEPT:
  case TK_FINALLY:
  case TK_WHILE:
  case TK_WITH:
  case TK_DEL:
  case TK_ASSERT:
  case TK_ELIF: return true;
  default: return false;
  }
}

/* CPython parses the whole expression after the juxtaposition, and one
 * token more, before it complains: read as far (stopping where no
 * expression could go on). If the input ends inside it, the unclosed
 * bracket is the error; returns the last line read. */
static int juxtaposed_end(ParseCtx *ctx, Ahead *a, int major, int depth, int line) {
  int prev = major;
  for (;;) {
    ahead_step(ctx, a);
    if (a->done) {
      /* CPython's parser fetched this far: a tokenizer error here is final. */
      if (a->have_err) take_lexer_error(ctx, &a->err);
      return line;
    }
    int k = a->last.kind;
    line = a->last.line;
    bool closer = k == TK_RPAR || k == TK_RSQB || k == TK_RBRACE;
    bool opened = prev == TK_LPAR || prev == TK_LSQB || prev == TK_LBRACE || prev == TK_COMMA;
    if (ends_statement_scan(k) || (wants_operand(prev) && !can_start_operand(k)) ||
        (opened && !closer && !can_start_operand(k)))
      return line;
    if (k == TK_LPAR || k == TK_LSQB || k == TK_LBRACE) {
      depth++;
    } else if (k == TK_RPAR || k == TK_RSQB || k == TK_RBRACE) {
      if (depth-- == 0) return line;
    } else if (depth == 0) {
      if (k == TK_COMMA || k == TK_COLON || k == TK_SEMI || k == TK_NEWLINE || k == TK_FOR ||
          k == TK_ASYNC || k == TK_ASSIGN || k == TK_COLONEQUAL || k == TK_AS)
        return line;
      if (ends_expr(prev) && starts_expr(k)) return line;
    }
    prev = k;
  }
}

/* print "x": the Python 2 statement. */
static bool legacy_print(ParseCtx *ctx, Ahead *a, int major, const Token *t) {
  const Node *last = ctx->last_node;
  const Token *prev = prev_token(ctx, t, 1);
  if (!prev || prev->kind != TK_NAME || !starts_expr(major)) return false;
  if (!is_name(last, "print") && !is_name(last, "exec")) return false;
  if (last->col != prev->col || last->line != prev->line) return false;
  const Token *before = prev_token(ctx, t, 2);
  if (before && before->kind == TK_DOT) return false;
  int end_line = t->end_line, end_col = t->end_col;
  while (!a->done && !a->newline) ahead_step(ctx, a);
  if (a->line_end_line) {
    end_line = a->line_end_line;
    end_col = a->line_end_col;
  }
  parse_fail_range(ctx, last->line, last->col, end_line, end_col,
                   "Missing parentheses in call to '%s'. Did you mean %s(...)?", last->u.name.id,
                   last->u.name.id);
  return true;
}

/* Read ahead to the token before the first `stop` (or closing bracket) at
 * the current bracket depth; t if there is none. */
static Token ahead_until(ParseCtx *ctx, Ahead *a, int stop, const Token *t) {
  Token last = *t;
  int depth = 0;
  for (;;) {
    ahead_step(ctx, a);
    if (a->done) return last;
    int k = a->last.kind;
    if (k == TK_LPAR || k == TK_LSQB || k == TK_LBRACE) depth++;
    if (k == TK_RPAR || k == TK_RSQB || k == TK_RBRACE) {
      if (depth-- == 0) return last;
    }
    if (depth == 0 && (k == stop || k == TK_NEWLINE)) return last;
    if (depth == 0 && ends_expr(last.kind) && starts_expr(k)) return last; /* not one expression */
    last = a->last;
  }
}

/* [x, y for ...]: CPython asks for parentheses around the target. */
static bool comprehension_target(ParseCtx *ctx, void *parser, const Token *t) {
  const Token *tok;
  int major;
  for (int i = 0; (major = parse_stack_at(parser, i, &tok)) >= 0; i++) {
    if (!tok) continue;
    if (major == TK_COMMA) continue;
    if (major != TK_LSQB && major != TK_LBRACE) return false;
    const Token *first = prev_token(ctx, t, t->idx - tok->idx - 1);
    const Token *prev = prev_token(ctx, t, 1);
    if (!first || !prev || first == prev) return false;
    int depth = 0;
    bool comma = false;
    for (int back = t->idx - tok->idx - 1; back >= 1; back--) {
      const Token *p = prev_token(ctx, t, back);
      if (!p) return false;
      if (p->kind == TK_LPAR || p->kind == TK_LSQB || p->kind == TK_LBRACE) depth++;
      if (p->kind == TK_RPAR || p->kind == TK_RSQB || p->kind == TK_RBRACE) depth--;
      if (p->kind == TK_COMMA && depth == 0) comma = true;
    }
    if (!comma) return false;
    const Node *last = ctx->last_node;
    int el = prev->kind == TK_COMMA ? prev->end_line : last ? last->end_line : prev->end_line;
    int ec = prev->kind == TK_COMMA ? prev->end_col : last ? last->end_col : prev->end_col;
    parse_fail_range(ctx, first->line, first->col, el, ec,
                     "did you forget parentheses around the comprehension target?");
    return true;
  }
  return false;
}

/* Whether the parser is inside a def's or lambda's parameter list:
 * TK_DEF, TK_LAMBDA or 0. */
static int params_owner(void *parser) {
  const Token *tok;
  int major;
  for (int i = 0; (major = parse_stack_at(parser, i, &tok)) >= 0; i++) {
    if (!tok || major == TK_COMMA) continue;
    if (major == TK_LAMBDA) return TK_LAMBDA;
    const Token *n1, *n2;
    if (major == TK_LPAR && parse_stack_at(parser, i + 1, &n1) == TK_NAME &&
        parse_stack_at(parser, i + 2, &n2) == TK_DEF)
      return TK_DEF;
    if (major == TK_SLASH || major == TK_STAR || major == TK_DOUBLESTAR || major == TK_ASSIGN ||
        major == TK_NAME || major == TK_COLON)
      continue;
    return 0;
  }
  return 0;
}

/* def f(/, a): the '/' first. */
static bool slash_first_error(ParseCtx *ctx, int owner, int major, const Token *t) {
  for (int back = 1; back < PARSE_RING; back++) {
    const Token *p = prev_token(ctx, t, back), *n1 = prev_token(ctx, t, back - 1);
    const Token *n2 = back >= 2 ? prev_token(ctx, t, back - 2) : NULL;
    if (!p || !n1) return false;
    if (p->kind != TK_LAMBDA && !(p->kind == TK_LPAR && owner == TK_DEF)) continue;
    if (n1->kind != TK_SLASH || !((n2 && n2->kind == TK_COMMA) || (!n2 && major == TK_COMMA)))
      return false;
    parse_fail_tok(ctx, n1, "at least one argument must precede /");
    return true;
  }
  return false;
}

/* def f((a, b)): Python 2's tuple parameters, names up to a ')'. */
static bool parenthesized_param_error(ParseCtx *ctx, Ahead *a, int owner, const Token *t) {
  bool want_name = true;
  for (;;) {
    ahead_step(ctx, a);
    if (a->done) return false;
    int k = a->last.kind;
    if (k == TK_RPAR && a->count > 1) break;
    if (k != (want_name ? TK_NAME : TK_COMMA)) return false;
    want_name = !want_name;
  }
  Token end = a->last;
  parse_fail_range(ctx, t->line, t->col, end.end_line, end.end_col, "%s",
                   owner == TK_DEF ? "Function parameters cannot be parenthesized"
                                   : "Lambda expression parameters cannot be parenthesized");
  return true;
}

/* A '=' with no default after it, or after *args or **kwargs. */
static bool default_value_error(ParseCtx *ctx, int major, const Token *t, const Token *prev) {
  bool after_eq = prev->kind == TK_ASSIGN;
  if (!after_eq && major != TK_ASSIGN) return false;
  const char *msg = after_eq && (major == TK_RPAR || major == TK_COMMA)
                        ? "expected default value expression"
                        : NULL;
  /* Which parameter the '=' belongs to: look back for its * or **. */
  for (int back = after_eq ? 2 : 1; back < PARSE_RING; back++) {
    const Token *p = prev_token(ctx, t, back);
    if (!p || p->kind == TK_COMMA || p->kind == TK_LPAR || p->kind == TK_LAMBDA) break;
    if (p->kind == TK_STAR) msg = "var-positional argument cannot have default value";
    if (p->kind == TK_DOUBLESTAR) msg = "var-keyword argument cannot have default value";
  }
  if (!msg) return false;
  parse_fail_tok(ctx, after_eq ? prev : t, "%s", msg);
  return true;
}

/* CPython's messages for malformed parameter lists. */
static bool params_errors(ParseCtx *ctx, void *parser, Ahead *a, int major, const Token *t) {
  int owner = params_owner(parser);
  const Token *prev = prev_token(ctx, t, 1);
  if (!owner || !prev) return false;
  if (slash_first_error(ctx, owner, major, t)) return true;
  if (parse_check_params(ctx)) return true;
  if (major == TK_STAR && prev->kind == TK_SLASH) {
    parse_fail_tok(ctx, t, "expected comma between / and *");
    return true;
  }
  if (major == TK_LPAR &&
      (prev->kind == TK_LPAR || prev->kind == TK_COMMA || prev->kind == TK_LAMBDA))
    return parenthesized_param_error(ctx, a, owner, t);
  return default_value_error(ctx, major, t, prev);
}

/* Where CPython parses a named expression, so "x = 1" gets its '==' hint:
 * inside brackets, in if/elif/while headers and decorators. */
static bool named_context(ParseCtx *ctx, void *parser) {
  if (ctx->lx.level > 0 || ctx->fstring_level > 0) return true;
  const Token *op = stack_opener(parser, true);
  if (op && (op->kind == TK_IF || op->kind == TK_ELIF || op->kind == TK_WHILE)) return true;
  return stack_find(parser, TK_AT, 4) != NULL;
}

/* The state of the parse when it stopped, for the message choosers. */
typedef struct {
  ParseCtx *ctx;
  void *parser;
  Ahead *ahead;
  int major;
  const Token *t, *prev; /* the offending token and the one before */
  const Node *last;      /* the last expression finished before t */
} Stop;

/* ':=' after something that is not a name; '=' where an expression goes. */
static bool assignment_errors(const Stop *s) {
  if (s->major == TK_COLONEQUAL && s->last && s->last->kind != E_NAME) {
    parse_fail_node(s->ctx, s->last, "cannot use assignment expressions with %s",
                    parse_expr_name(s->last));
    return true;
  }
  return s->major == TK_ASSIGN && named_context(s->ctx, s->parser) &&
         assign_in_expr(s->ctx, s->ahead, s->t);
}

/* "a if b" without its else (a ':' after it is a statement's). */
static bool ifexp_error(const Stop *s) {
  const Token *if_tok;
  if (s->major == TK_ELSE || s->major == TK_COLON || !parse_stack_accepts(s->parser, TK_ELSE) ||
      !(if_tok = stack_find(s->parser, TK_IF, 8)))
    return false;
  RingEntry *r = parse_ring(s->ctx, if_tok->idx);
  const Node *body = r ? r->before : NULL, *cond = s->last;
  parse_fail_range(s->ctx, body ? body->line : if_tok->line, body ? body->col : if_tok->col,
                   cond ? cond->end_line : if_tok->end_line, cond ? cond->end_col : if_tok->end_col,
                   "expected 'else' after 'if' expression");
  return true;
}

/* except A, B: */
static bool except_comma_error(const Stop *s) {
  const Token *tok;
  if (s->major != TK_COMMA || !s->last || parse_stack_at(s->parser, 1, &tok) != TK_EXCEPT)
    return false;
  Token end = ahead_until(s->ctx, s->ahead, TK_COLON, s->t);
  if (s->ahead->last.kind != TK_COLON) return false;
  parse_fail_range(s->ctx, s->last->line, s->last->col, end.end_line, end.end_col,
                   "multiple exception types must be parenthesized");
  return true;
}

/* {1: *x}, {1: }, {1: 2, 3} */
static bool dict_errors(const Stop *s) {
  if (stack_bracket(s->parser) != TK_LBRACE || !s->prev) return false;
  if (s->major == TK_STAR && s->prev->kind == TK_COLON) {
    Token end = ahead_until(s->ctx, s->ahead, TK_COMMA, s->t);
    parse_fail_range(s->ctx, s->t->line, s->t->col, end.end_line, end.end_col,
                     "cannot use a starred expression in a dictionary value");
    return true;
  }
  if (s->major != TK_RBRACE && s->major != TK_COMMA) return false;
  if (s->prev->kind == TK_COLON) {
    parse_fail_tok(s->ctx, s->prev, "expression expected after dictionary key and ':'");
    return true;
  }
  if (s->last && parse_stack_accepts(s->parser, TK_COLON)) {
    parse_fail_range(s->ctx, s->last->line, s->last->col, s->last->line, s->last->col,
                     "':' expected after dictionary key");
    return true;
  }
  return false;
}

/* A for statement or clause whose target went wrong before its 'in'. */
static bool for_target_error(const Stop *s) {
  const NodeList *targets = &s->ctx->exprlist;
  if (!targets->count || !stack_find(s->parser, TK_FOR, 64) || stack_find(s->parser, TK_IN, 64))
    return false;
  for (int i = 0; i < targets->count; i++) {
    const Node *bad = parse_invalid_target(targets->items[i], TGT_FOR);
    if (bad) {
      parse_fail_node(s->ctx, bad, "cannot assign to %s", parse_expr_name(bad));
      return true;
    }
  }
  return false;
}

/* from a import b, */
static bool import_comma_error(const Stop *s) {
  if (s->major != TK_NEWLINE || !s->prev || s->prev->kind != TK_COMMA ||
      !stack_find(s->parser, TK_IMPORT, 6) || !stack_find(s->parser, TK_FROM, 8))
    return false;
  parse_fail_tok(s->ctx, s->t, "trailing comma not allowed without surrounding parentheses");
  return true;
}

/* [*a for ...], {**a for ...}, [x, y for ...] */
static bool comprehension_errors(const Stop *s) {
  if (s->major != TK_FOR || !s->last) return false;
  if (s->last->kind == E_STARRED && !s->last->parenthesized) {
    parse_fail_node(s->ctx, s->last, "iterable unpacking cannot be used in comprehension");
    return true;
  }
  const Token *dstar = token_before(s->ctx, s->t, s->last);
  if (dstar && dstar->kind == TK_DOUBLESTAR) {
    parse_fail_tok(s->ctx, dstar, "dict unpacking cannot be used in dict comprehension");
    return true;
  }
  return comprehension_target(s->ctx, s->parser, s->t);
}

static bool param_errors(const Stop *s) {
  return params_errors(s->ctx, s->parser, s->ahead, s->major, s->t);
}

/* Smaller CPython messages keyed on the token the parser stopped at, in
 * the order CPython's rules would find them. */
static bool token_errors(ParseCtx *ctx, void *parser, Ahead *a, int major, const Token *t) {
  Stop s = {ctx, parser, a, major, t, prev_token(ctx, t, 1), ctx->last_node};
  static bool (*const checks[])(const Stop *) = {
      assignment_errors, ifexp_error,      except_comma_error, dict_errors,
      param_errors,      for_target_error, import_comma_error, comprehension_errors,
  };
  for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++)
    if (checks[i](&s)) return true;
  return false;
}

void parse_syntax_error(ParseCtx *ctx, void *parser, int major, const Token *t_in) {
  if (ctx->failed) return;
  if (ctx->pending_target) {
    parse_flush_target(ctx, ctx->pending_suffix);
    return;
  }
  Token tok = *t_in; /* lemon's copy dies with the parser's next step */
  const Token *t = &tok;
  int level = ctx->lx.level - (major == TK_LPAR || major == TK_LSQB || major == TK_LBRACE);
  Ahead a = {0};
  int furthest = t->line;
  if (major == TK_INDENT) {
    set_error(ctx, "IndentationError", t->line, t->col - 1, t->line, t->col - 1,
              "unexpected indent");
    ctx->scanned = true; /* CPython lets no tokenizer error replace this one */
    return;
  } else if (expected_errors(ctx, parser, major, t) || token_errors(ctx, parser, &a, major, t) ||
             legacy_print(ctx, &a, major, t)) {
    /* reported */
  } else if (juxtaposed(ctx, major, t)) {
    const Node *last = ctx->last_node;
    bool opens = major == TK_LPAR || major == TK_LSQB || major == TK_LBRACE;
    furthest = juxtaposed_end(ctx, &a, major, opens, furthest);
    if (level > 0)
      parse_fail_range(ctx, last->line, last->col, t->end_line, t->end_col,
                       "invalid syntax. Perhaps you forgot a comma?");
    else
      fail_kind_tok(ctx, "SyntaxError", t, "invalid syntax");
  } else if (major == TK_DEDENT && !(t->flags & TOKF_EOF)) {
    fail_kind_tok(ctx, "IndentationError", t, "unexpected unindent");
    ctx->scanned = true; /* CPython lets no tokenizer error replace this one */
    return;
  } else {
    Token at = eof_col0(t);
    fail_kind_tok(ctx, "SyntaxError", &at, "invalid syntax");
  }
  if (ctx->from_lexer) return;
  if (a.count && a.last.line > furthest) furthest = a.last.line;
  ctx->err->incomplete = (t->flags & TOKF_EOF) != 0;
  rest_scan(ctx, &a, furthest);
  ctx->scanned = true;
}

/* ------------------------------------------------------------- f-strings */

/* The literal text and replacement fields of a run of adjacent string
 * tokens, collected into one JoinedStr (or str) value. */
typedef struct {
  ParseCtx *ctx;
  NodeList parts;
  char *lit; /* pending literal text */
  size_t len;
  int line, col, end_line, end_col; /* span of the whole string run */
  const char *pos;                  /* position cursor into the current token's text */
  int pos_line, pos_col;
  int tok_line, tok_col, tok_end_line, tok_end_col; /* the current token */
} FStr;

static void fs_error(FStr *fs, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fs_error(FStr *fs, const char *fmt, ...) {
  ParseCtx *ctx = fs->ctx;
  char msg[256];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  /* CPython puts these at the token after the strings; inside another
   * f-string's expression they get a second "f-string: " prefix, as there. */
  const Token *t = &ctx->cur;
  set_error(ctx, "SyntaxError", t->line, t->col, t->end_line, t->end_col, msg);
}

static void fs_text(FStr *fs, const char *s, size_t n) {
  memcpy(fs->lit + fs->len, s, n);
  fs->len += n;
}

static bool fs_literal(FStr *fs, const char *s, size_t n, bool raw) {
  if (raw || !memchr(s, '\\', n)) {
    fs_text(fs, s, n);
    return true;
  }
  char *out, msg[256];
  size_t outlen;
  if (!lex_decode_escapes(fs->ctx->arena, s, n, &out, &outlen, msg, sizeof msg)) {
    fs_error(fs, "%s", msg);
    return false;
  }
  fs_text(fs, out, outlen);
  return true;
}

static Node *fs_str_node(FStr *fs) {
  Node *n = ast_node(fs->ctx->arena, E_STR, fs->line, fs->col);
  n->end_line = fs->end_line;
  n->end_col = fs->end_col;
  n->u.constant.s = arena_strndup(fs->ctx->arena, fs->lit, fs->len);
  n->u.constant.len = fs->len;
  return n;
}

static void fs_flush(FStr *fs) {
  if (!fs->len) return;
  nodelist_push(fs->ctx->arena, &fs->parts, fs_str_node(fs));
  fs->len = 0;
}

/* Line and column of p, a pointer into the current token's text. */
static void fs_pos(FStr *fs, const char *p, int *line, int *col) {
  for (; fs->pos < p; fs->pos++) {
    if (*fs->pos == '\n') {
      fs->pos_line++;
      fs->pos_col = 0;
    } else {
      fs->pos_col++;
    }
  }
  *line = fs->pos_line;
  *col = fs->pos_col;
}

static bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Parse the expression text s..e of a replacement field. */
static Node *fs_compile(FStr *fs, const char *s, const char *e) {
  ParseCtx *ctx = fs->ctx;
  const char *p = s;
  while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\f')) p++;
  if (p == e) {
    if (*e == '!' || *e == ':' || *e == '=')
      fs_error(fs, "f-string: expression required before '%c'", *e);
    else
      fs_error(fs, "f-string: empty expression not allowed");
    return NULL;
  }
  int line, col;
  fs_pos(fs, s, &line, &col);
  size_t n = (size_t)(e - s);
  char *buf = arena_strndup(ctx->arena, s, n);
  SyntaxErr suberr = {0};
  ParseCtx *sub = calloc(1, sizeof *sub);
  if (!sub) {
    fputs("asy: out of memory while parsing\n", stderr);
    abort();
  }
  sub->arena = ctx->arena;
  sub->err = &suberr;
  sub->mode = ctx->mode;
  sub->fstring_level = ctx->fstring_level + 1;
  lex_init_fexpr(&sub->lx, buf, n, line, col);
  Node *r = run(sub, TK_MODE_FEXPR);
  free(sub);
  if (!r) {
    if (!ctx->failed) {
      *ctx->err = suberr;
      ctx->failed = true;
      ctx->from_lexer = false;
    }
    return NULL;
  }
  r->parenthesized = false;
  return r;
}

static bool fs_parse(FStr *fs, const char **pp, const char *end, bool raw, int level);

/* Scan a replacement field's expression as CPython 3.11 does: up to a
 * top-level '!', ':', '=', or '}', skipping strings and brackets. */
static const char *fs_expr_end(FStr *fs, const char *p, const char *end) {
  char quote = 0, stack[LEX_MAX_LEVEL];
  int triple = 0, depth = 0;
  for (; p < end; p++) {
    char ch = *p;
    if (ch == '\\') {
      fs_error(fs, "f-string expression part cannot include a backslash");
      return NULL;
    }
    if (quote) {
      if (ch == quote) {
        if (!triple) {
          quote = 0;
        } else if (p + 2 < end && p[1] == ch && p[2] == ch) {
          p += 2;
          quote = 0;
        }
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      triple = p + 2 < end && p[1] == ch && p[2] == ch;
      if (triple) p += 2;
      quote = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (depth >= LEX_MAX_LEVEL) {
        fs_error(fs, "f-string: too many nested parenthesis");
        return NULL;
      }
      stack[depth++] = ch;
    } else if (ch == '#') {
      fs_error(fs, "f-string expression part cannot include '#'");
      return NULL;
    } else if (depth == 0 && strchr("!:}=<>", ch)) {
      if (p + 1 < end && p[1] == '=' && ch != ':' && ch != '}') {
        p++;
        continue;
      }
      if (ch == '<' || ch == '>') continue;
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      if (!depth) {
        fs_error(fs, "f-string: unmatched '%c'", ch);
        return NULL;
      }
      char open = stack[--depth];
      if (!((open == '(' && ch == ')') || (open == '[' && ch == ']') ||
            (open == '{' && ch == '}'))) {
        fs_error(fs, "f-string: closing parenthesis '%c' does not match opening parenthesis '%c'",
                 ch, open);
        return NULL;
      }
    }
  }
  if (quote) {
    fs_error(fs, "f-string: unterminated string");
    return NULL;
  }
  if (depth) {
    fs_error(fs, "f-string: unmatched '%c'", stack[depth - 1]);
    return NULL;
  }
  if (p >= end) {
    fs_error(fs, "f-string: expecting '}'");
    return NULL;
  }
  return p;
}

/* A replacement field at *pp ('{'): appends the text of "x=" when asked
 * and a FormattedValue. */
static bool fs_field(FStr *fs, const char **pp, const char *end, bool raw, int level) {
  const char *open = *pp, *start = open + 1;
  if (level >= 2) {
    fs_error(fs, "f-string: expressions nested too deeply");
    return false;
  }
  int line, col;
  fs_pos(fs, open, &line, &col);
  const char *p = fs_expr_end(fs, start, end);
  if (!p) return false;
  Node *value = fs_compile(fs, start, p);
  if (!value) return false;
  const char *text_end = NULL;
  if (*p == '=') {
    p++;
    while (p < end && is_space(*p)) p++;
    if (p >= end) goto expecting;
    text_end = p;
  }
  char conversion = 0;
  if (*p == '!') {
    if (++p >= end) goto expecting;
    conversion = *p++;
    if (conversion != 's' && conversion != 'r' && conversion != 'a') {
      fs_error(fs, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
      return false;
    }
  }
  if (p >= end) goto expecting;
  Node *spec = NULL;
  if (*p == ':') {
    if (++p >= end) goto expecting;
    FStr sub = *fs;
    memset(&sub.parts, 0, sizeof sub.parts);
    sub.lit = arena_alloc(fs->ctx->arena, (size_t)(end - p) + 1);
    sub.len = 0;
    if (!fs_parse(&sub, &p, end, raw, level + 1)) return false;
    fs_flush(&sub);
    fs->pos = sub.pos;
    fs->pos_line = sub.pos_line;
    fs->pos_col = sub.pos_col;
    spec = ast_node(fs->ctx->arena, E_FSTRING, fs->line, fs->col);
    spec->end_line = fs->end_line;
    spec->end_col = fs->end_col;
    for (int i = 0; i < sub.parts.count; i++) /* CPython: the spec's token */
      if (sub.parts.items[i]->kind == E_STR) {
        sub.parts.items[i]->line = fs->tok_line, sub.parts.items[i]->col = fs->tok_col;
        sub.parts.items[i]->end_line = fs->tok_end_line;
        sub.parts.items[i]->end_col = fs->tok_end_col;
      }
    spec->line = fs->tok_line;
    spec->col = fs->tok_col;
    spec->end_line = fs->tok_end_line;
    spec->end_col = fs->tok_end_col;
    spec->u.fstring.parts = sub.parts;
  }
  if (p >= end || *p != '}') goto expecting;
  p++;
  if (text_end) {
    fs_text(fs, start, (size_t)(text_end - start));
    if (!spec && !conversion) conversion = 'r';
  }
  fs_flush(fs);
  Node *f = ast_node(fs->ctx->arena, E_FORMATTED, line, col);
  fs_pos(fs, p, &f->end_line, &f->end_col);
  f->u.formatted.value = value;
  f->u.formatted.conversion = conversion;
  f->u.formatted.spec = spec;
  nodelist_push(fs->ctx->arena, &fs->parts, f);
  *pp = p;
  return true;
expecting:
  fs_error(fs, "f-string: expecting '}'");
  return false;
}

/* Literal text up to the next field: "{{" and "}}" are braces at the top
 * level; a "\N{...}" escape is not a field. Returns where it stopped. */
static const char *fs_literal_end(const char *p, const char *end, bool raw, bool *doubled) {
  *doubled = false;
  while (p < end) {
    char ch = *p++;
    if (!raw && ch == '\\' && p < end) {
      ch = *p++;
      if (ch == 'N') {
        if (p < end && *p++ == '{')
          while (p < end && *p++ != '}') {
          }
        continue;
      }
    }
    if (ch == '{' || ch == '}') {
      if (p < end && *p == ch) {
        *doubled = true;
        return p;
      }
      return p - 1;
    }
  }
  return p;
}

/* The body of one f-string (level 0) or of a format spec (level 1), which
 * ends at its closing '}'. */
static bool fs_parse(FStr *fs, const char **pp, const char *end, bool raw, int level) {
  const char *p = *pp;
  for (;;) {
    bool doubled;
    const char *stop = fs_literal_end(p, end, raw, &doubled);
    if (doubled && level > 0) doubled = false, stop--;
    if (!fs_literal(fs, p, (size_t)(stop - p), raw)) return false;
    if (doubled) {
      p = stop + 1;
      continue;
    }
    p = stop;
    if (p >= end) break;
    if (*p == '}') {
      if (level == 0) {
        fs_error(fs, "f-string: single '}' is not allowed");
        return false;
      }
      break;
    }
    if (!fs_field(fs, &p, end, raw, level)) return false;
  }
  *pp = p;
  return true;
}

Node *parse_strings(ParseCtx *ctx, const StrTok *head) {
  FStr fs = {.ctx = ctx};
  size_t total = 1;
  bool fmt = false;
  const StrTok *last = head;
  for (const StrTok *s = head; s; s = s->next) {
    total += s->tok.len;
    fmt |= (s->tok.flags & TOKF_FSTRING) != 0;
    last = s;
  }
  fs.lit = arena_alloc(ctx->arena, total);
  fs.line = head->tok.line;
  fs.col = head->tok.col;
  fs.end_line = last->tok.end_line;
  fs.end_col = last->tok.end_col;
  for (const StrTok *s = head; s; s = s->next) {
    const Token *t = &s->tok;
    int q = (t->flags & TOKF_TRIPLE) ? 3 : 1;
    const char *body = t->text + t->prefix_len + q, *end = t->text + t->len - q;
    bool raw = (t->flags & TOKF_RAW) != 0;
    fs.pos = t->text;
    fs.pos_line = fs.tok_line = t->line;
    fs.pos_col = fs.tok_col = t->col;
    fs.tok_end_line = t->end_line;
    fs.tok_end_col = t->end_col;
    if (t->flags & TOKF_FSTRING) {
      const char *p = body;
      if (!fs_parse(&fs, &p, end, raw, 0)) return NULL;
    } else if (!fs_literal(&fs, body, (size_t)(end - body), raw)) {
      return NULL;
    }
  }
  if (!fmt) return fs_str_node(&fs);
  fs_flush(&fs);
  Node *n = ast_node(ctx->arena, E_FSTRING, fs.line, fs.col);
  n->end_line = fs.end_line;
  n->end_col = fs.end_col;
  n->u.fstring.parts = fs.parts;
  return n;
}

/* ------------------------------------------------------------------ depth */

typedef struct {
  const Node **nodes;
  int *depths;
  size_t len, cap;
  int depth;
  bool oom;
} DepthStack;

static void depth_push(Node *child, void *data) {
  DepthStack *s = data;
  if (s->len == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 256;
    const Node **nodes = realloc(s->nodes, cap * sizeof *nodes);
    int *depths = nodes ? realloc(s->depths, cap * sizeof *depths) : NULL;
    if (!nodes || !depths) {
      fputs("asy: out of memory while parsing\n", stderr);
      abort();
    }
    s->nodes = nodes;
    s->depths = depths;
    s->cap = cap;
  }
  s->nodes[s->len] = child;
  s->depths[s->len++] = s->depth + 1;
}

/* The first node nested deeper than the compiler may recurse, or NULL. */
static const Node *too_deep(const Node *root) {
  DepthStack s = {0};
  s.depth = 0;
  depth_push((Node *)root, &s);
  const Node *bad = NULL;
  while (s.len && !bad) {
    const Node *n = s.nodes[--s.len];
    s.depth = s.depths[s.len];
    if (s.depth > PARSE_MAX_DEPTH)
      bad = n;
    else
      ast_children(n, depth_push, &s);
  }
  free(s.nodes);
  free(s.depths);
  return bad;
}

/* ------------------------------------------------------------------ input */

static bool is_compound(const Node *n) {
  switch (n->kind) {
  case S_IF:
  case S_WHILE:
  case S_FOR:
  case S_TRY:
  case S_WITH:
  case S_FUNCDEF:
  case S_CLASSDEF: return true;
  default: return false;
  }
}

/* As with Python's codeop, the REPL joins the lines entered so far without
 * a final newline; the empty line that ends a compound statement adds it. */
static bool ends_with_newline(const char *s, size_t n) {
  return n && s[n - 1] == '\n';
}

static Node *run(ParseCtx *ctx, int mode_kind) {
  void *parser = AsyParseAlloc(malloc, ctx);
  if (!parser) {
    fputs("asy: out of memory while parsing\n", stderr);
    abort();
  }
  Token t = {0};
  t.line = ctx->lx.line;
  feed(ctx, parser, mode_kind, &t);
  while (!ctx->failed) {
    int kind = lex_next(&ctx->lx, &t);
    if (kind == LEX_ERROR) {
      if (ctx->pending_target && ctx->lx.err.never_closed)
        parse_flush_target(ctx, true);
      else
        take_lexer_error(ctx, &ctx->lx.err);
      break;
    }
    feed(ctx, parser, kind, &t);
    if (kind == TK_ENDMARKER && !ctx->failed) {
      feed(ctx, parser, 0, &t);
      break;
    }
  }
  if (ctx->failed && !ctx->from_lexer && !ctx->scanned) {
    Ahead a = {0};
    rest_scan(ctx, &a, ctx->cur.line);
  }
  AsyParseFree(parser, free);
  free(ctx->outer);
  ctx->outer = NULL;
  ctx->outer_cap = ctx->outer_count = 0;
  if (!ctx->failed && !ctx->result) fail_kind_tok(ctx, "SyntaxError", &t, "invalid syntax");
  return ctx->failed ? NULL : ctx->result;
}

/* The source with CRLF and CR line ends turned into LF, a BOM dropped, and
 * a NUL at the end; NULL with err set for NUL bytes or invalid UTF-8. */
static char *prepare(Arena *arena, const char *src, size_t len, size_t *outlen, SyntaxErr *err) {
  if (len >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3)) src += 3, len -= 3;
  const char *nul = memchr(src, '\0', len);
  int line = 1;
  const char *line_start = src;
  if (nul) {
    for (const char *p = src; p < nul; p++)
      if (*p == '\n') line++;
    syntax_error_at(err, line, 0, line, 0, "source code cannot contain null bytes");
    return NULL;
  }
  const char *why;
  size_t bad = lex_utf8_check((const unsigned char *)src, len, &why);
  if (bad < len) {
    for (const char *p = src; p < src + bad; p++)
      if (*p == '\n') line++, line_start = p + 1;
    syntax_error_at(err, line, 0, line, 0,
                    "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %zu: %s",
                    (unsigned char)src[bad], (size_t)(src + bad - line_start), why);
    return NULL;
  }
  char *buf = arena_alloc(arena, len + 1);
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    if (src[i] == '\r') {
      buf[n++] = '\n';
      if (i + 1 < len && src[i + 1] == '\n') i++;
    } else {
      buf[n++] = src[i];
    }
  }
  buf[n] = '\0';
  *outlen = n;
  return buf;
}

/* Whether the line of src holding the error starts with word followed by a
 * space or `(`/`*` (a match statement, a case clause, except*). */
static bool line_starts_with(const char *src, size_t len, int line, const char *word) {
  size_t i = 0;
  for (int l = 1; l < line && i < len; i++)
    if (src[i] == '\n') l++;
  while (i < len && (src[i] == ' ' || src[i] == '\t')) i++;
  size_t w = strlen(word);
  if (i + w >= len || strncmp(src + i, word, w) != 0) return false;
  char next = src[i + w];
  return next == ' ' || next == '(' || next == '*' || next == '[' || next == '{';
}

/* "invalid syntax" on Python syntax asy leaves out: say so instead. */
static void explain_unsupported(const char *src, size_t len, SyntaxErr *err) {
  if (strcmp(err->msg, "invalid syntax") != 0 || strcmp(err->kind, "SyntaxError") != 0) return;
  const char *what = NULL;
  if (line_starts_with(src, len, err->line, "match") ||
      line_starts_with(src, len, err->line, "case"))
    what = "the match statement is not supported by asy";
  else if (line_starts_with(src, len, err->line, "except*"))
    what = "except* is not supported by asy";
  else if (line_starts_with(src, len, err->line, "except")) {
    /* `except *E:` is except* too: a star right after the keyword */
    size_t i = 0;
    for (int l = 1; l < err->line && i < len; i++)
      if (src[i] == '\n') l++;
    while (i < len && (src[i] == ' ' || src[i] == '\t')) i++;
    i += 6;
    while (i < len && src[i] == ' ') i++;
    if (i < len && src[i] == '*') what = "except* is not supported by asy";
  }
  if (what) snprintf(err->msg, sizeof err->msg, "%s", what);
}

Node *parse_source(Arena *arena, const char *src, size_t len, ParseMode mode, SyntaxErr *err) {
  memset(err, 0, sizeof *err);
  if (!src) src = "", len = 0;
  size_t n;
  char *buf = prepare(arena, src, len, &n, err);
  if (!buf) return NULL;
  ParseCtx *ctx = calloc(1, sizeof *ctx);
  if (!ctx) {
    fputs("asy: out of memory while parsing\n", stderr);
    abort();
  }
  ctx->arena = arena;
  ctx->err = err;
  ctx->mode = mode;
  lex_init(&ctx->lx, buf, n);
  Node *result = run(ctx, mode == PARSE_EVAL ? TK_MODE_EVAL : TK_MODE_FILE);
  if (result && ctx->minints.count)
    parse_fail_node(ctx, ctx->minints.items[0],
                    "integer literal is too large for asy's 64-bit int");
  const Node *deep = result && !ctx->failed ? too_deep(result) : NULL;
  if (deep) parse_fail_node(ctx, deep, "too many nested expressions");
  if (!ctx->failed && mode == PARSE_SINGLE && result->u.module.body.count) {
    const NodeList *body = &result->u.module.body;
    if (is_compound(body->items[body->count - 1]) && !ends_with_newline(buf, n)) {
      Token end = ctx->cur;
      parse_fail_tok(ctx, &end, "incomplete input");
      err->incomplete = true;
    }
  }
  if (ctx->failed) {
    result = NULL;
    explain_unsupported(buf, n, err);
  }
  free(ctx);
  return result;
}
