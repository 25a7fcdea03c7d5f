/* lexer.re — source bytes to tokens (re2c), with CPython 3.11's tokenizer
 * behaviour: indentation as INDENT/DEDENT, implicit line joining inside
 * brackets, and the same error messages and positions.
 *
 * The re2c scanner (scan) finds one raw token; lex_next wraps it with the
 * indentation stack, the bracket stack and the end-of-input sequence
 * (NEWLINE, DEDENT..., ENDMARKER). */
#include "lexer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*!include:re2c "unicode_categories.re" */

typedef unsigned char uchar;

enum { RAW_NEWLINE = 10000, RAW_EOF };
enum { ST_NORMAL, ST_EOF_NEWLINE, ST_EOF_DEDENT, ST_EOF_END };
enum { TABSIZE = 8, TOKF_BYTES = 1 << 15 };

static int col_of(const Lexer *lx, const uchar *p) {
  return (int)(p - lx->line_start) + lx->col_bias;
}

/* Record that a newline at p was crossed. */
static void cross_newline(Lexer *lx, const uchar *p) {
  lx->line++;
  lx->line_start = p + 1;
  lx->col_bias = 0;
}

/* CPython puts end-of-input tokens on the last line that holds anything,
 * after its last character. */
static void mark_eof(Lexer *lx) {
  const uchar *p = lx->cur;
  if (p > lx->src && p[-1] == '\n') {
    const uchar *start = p - 1;
    while (start > lx->src && start[-1] != '\n') start--;
    lx->eof_line = lx->line - 1;
    lx->eof_col = (int)(p - 1 - start);
  } else {
    lx->eof_line = lx->line;
    lx->eof_col = col_of(lx, p);
  }
}

static int lex_fail(Lexer *lx, const char *kind, int line, int col, int end_col, const char *fmt,
                    ...) __attribute__((format(printf, 6, 7)));
static int lex_fail(Lexer *lx, const char *kind, int line, int col, int end_col, const char *fmt,
                    ...) {
  LexError *e = &lx->err;
  memset(e, 0, sizeof *e);
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(e->msg, sizeof e->msg, fmt, ap);
  va_end(ap);
  e->kind = kind;
  e->line = e->end_line = line;
  e->col = col;
  e->end_col = end_col > col ? end_col : col;
  e->overrides = true;
  lx->failed = true;
  return LEX_ERROR;
}

/* An error at the character before p, as CPython's tokenizer reports it
 * after backing up over the offending character. */
static int fail_before(Lexer *lx, const uchar *p, const char *msg) {
  int col = col_of(lx, p) - 1;
  return lex_fail(lx, "SyntaxError", lx->line, col < 0 ? 0 : col, 0, "%s", msg);
}

/* An error CPython does not let override an earlier parser error. */
static int quiet_fail(int r, Lexer *lx) {
  lx->err.overrides = false;
  return r;
}

static void init_common(Lexer *lx, const char *src) {
  memset(lx, 0, sizeof *lx);
  lx->src = lx->cur = lx->line_start = (const uchar *)src;
  lx->line = 1;
}

void lex_init(Lexer *lx, const char *src, size_t len) {
  (void)len;
  init_common(lx, src);
  lx->at_bol = true;
}

void lex_init_fexpr(Lexer *lx, const char *src, size_t len, int line, int col) {
  (void)len;
  init_common(lx, src);
  lx->line = line;
  lx->col_bias = col;
  lx->fexpr = true;
}

/* ---------------------------------------------------------------- numbers */

static bool is_id_char(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9') ||
         c >= 128;
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }

static bool is_xdigit(int c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Whether p starts the keyword kw as a whole word. */
static bool keyword_at(const uchar *p, const char *kw) {
  size_t n = strlen(kw);
  return !strncmp((const char *)p, kw, n) && !is_id_char(p[n]);
}

/* After a literal, a letter may only start one of the keywords that can
 * follow a number in valid code ("1if x else 2"); p is the letter. CPython
 * checks "if", "in" and "is" by their first two letters only. */
static bool end_of_number_ok(Lexer *lx, const uchar *p, const char *kind) {
  bool kw = false;
  switch (*p) {
  case 'a': kw = keyword_at(p, "and"); break;
  case 'e': kw = keyword_at(p, "else"); break;
  case 'f': kw = keyword_at(p, "for"); break;
  case 'i': kw = p[1] == 'f' || p[1] == 'n' || p[1] == 's'; break;
  case 'o': kw = keyword_at(p, "or"); break;
  case 'n': kw = keyword_at(p, "not"); break;
  default: break;
  }
  if (kw || !is_id_char(*p)) return true;
  char msg[64];
  snprintf(msg, sizeof msg, "invalid %s literal", kind);
  fail_before(lx, p, msg);
  return false;
}

/* Digits with single underscores between them; p is after the first digit.
 * NULL after reporting an error. */
static const uchar *decimal_tail(Lexer *lx, const uchar *p) {
  for (;;) {
    while (is_digit(*p)) p++;
    if (*p != '_') return p;
    p++;
    if (!is_digit(*p)) {
      fail_before(lx, p, "invalid decimal literal");
      return NULL;
    }
  }
}

/* Digits of a 0x/0o/0b literal; p is after the prefix. */
static const uchar *radix_digits(Lexer *lx, const uchar *p, int radix, const char *kind) {
  char msg[64];
  for (;;) {
    if (*p == '_') p++;
    int d = *p;
    bool ok = radix == 16 ? is_xdigit(d) : (d >= '0' && d < '0' + radix);
    if (!ok) {
      if (radix != 16 && is_digit(d)) {
        snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", d, kind);
        fail_before(lx, p + 1, msg);
      } else {
        snprintf(msg, sizeof msg, "invalid %s literal", kind);
        fail_before(lx, p, msg);
      }
      return NULL;
    }
    while (radix == 16 ? is_xdigit(*p) : (*p >= '0' && *p < '0' + radix)) p++;
    if (*p != '_') break;
  }
  if (radix != 16 && is_digit(*p)) {
    snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", *p, kind);
    fail_before(lx, p + 1, msg);
    return NULL;
  }
  return end_of_number_ok(lx, p, kind) ? p : NULL;
}

/* The fraction, exponent and imaginary suffix of a decimal literal; p is
 * at the character after the integer part. *imag is set for a j suffix. */
static const uchar *float_tail(Lexer *lx, const uchar *p, bool *imag, bool *is_float) {
  if (*p == '.') {
    *is_float = true;
    p++;
    if (is_digit(*p) && !(p = decimal_tail(lx, p + 1))) return NULL;
  }
  if (*p == 'e' || *p == 'E') {
    const uchar *e = p++;
    if (*p == '+' || *p == '-') {
      p++;
      if (!is_digit(*p)) {
        fail_before(lx, p, "invalid decimal literal");
        return NULL;
      }
    } else if (!is_digit(*p)) {
      return end_of_number_ok(lx, e, "decimal") ? e : NULL;
    }
    *is_float = true;
    if (!(p = decimal_tail(lx, p + 1))) return NULL;
  }
  if (*p == 'j' || *p == 'J') {
    *imag = true;
    return end_of_number_ok(lx, p + 1, "imaginary") ? p + 1 : NULL;
  }
  return end_of_number_ok(lx, p, "decimal") ? p : NULL;
}

/* A literal starting with 0 that is not 0x/0o/0b. */
static const uchar *zero_literal(Lexer *lx, const uchar *start, bool *imag, bool *is_float) {
  const uchar *p = start + 1;
  for (;;) {
    if (*p == '_') {
      p++;
      if (!is_digit(*p)) {
        fail_before(lx, p, "invalid decimal literal");
        return NULL;
      }
    }
    if (*p != '0') break;
    p++;
  }
  const uchar *zeros_end = p + 1;
  bool nonzero = is_digit(*p);
  if (nonzero && !(p = decimal_tail(lx, p + 1))) return NULL;
  if (*p == '.' || *p == 'e' || *p == 'E' || *p == 'j' || *p == 'J')
    return float_tail(lx, p, imag, is_float);
  if (nonzero) {
    lex_fail(lx, "SyntaxError", lx->line, col_of(lx, start), col_of(lx, zeros_end) - 1,
             "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
             "octal integers");
    return NULL;
  }
  return end_of_number_ok(lx, p, "decimal") ? p : NULL;
}

/* The value of an integer literal (underscores allowed); false when it does
 * not fit in 64 bits. */
static bool int_value(const uchar *s, const uchar *e, int radix, uint64_t *out) {
  uint64_t v = 0;
  for (; s < e; s++) {
    if (*s == '_') continue;
    unsigned d = is_digit(*s) ? (unsigned)(*s - '0') : (unsigned)((*s | 0x20) - 'a' + 10);
    if (v > (UINT64_MAX - d) / (unsigned)radix) return false;
    v = v * (unsigned)radix + d;
  }
  *out = v;
  return true;
}

static int number_value(Lexer *lx, Token *t, const uchar *s, const uchar *e, int radix,
                        bool is_float) {
  if (is_float) {
    char buf[512], *b = buf;
    size_t n = (size_t)(e - s);
    if (n >= sizeof buf && !(b = malloc(n + 1))) return lex_fail(lx, "SyntaxError", lx->line, 0, 0, "out of memory");
    size_t k = 0;
    for (const uchar *p = s; p < e; p++)
      if (*p != '_') b[k++] = (char)*p;
    b[k] = '\0';
    t->num.f = strtod(b, NULL);
    if (b != buf) free(b);
    t->flags |= TOKF_FLOAT;
    return TK_NUMBER;
  }
  uint64_t v = 0;
  const uchar *digits = radix == 10 ? s : s + 2;
  if (!int_value(digits, e, radix, &v) || v > (uint64_t)INT64_MAX + 1)
    return lex_fail(lx, "SyntaxError", t->line, t->col, t->end_col,
                    "integer literal is too large for asy's 64-bit int");
  if (v == (uint64_t)INT64_MAX + 1) {
    t->flags |= TOKF_MININT;
    t->num.i = INT64_MIN;
  } else {
    t->num.i = (int64_t)v;
  }
  t->flags |= TOKF_INT;
  return TK_NUMBER;
}

static int scan_number(Lexer *lx, Token *t, const uchar *start) {
  const uchar *p = start, *end;
  bool imag = false, is_float = false;
  int radix = 10;
  if (*p == '0' && (p[1] == 'x' || p[1] == 'X')) {
    radix = 16;
    end = radix_digits(lx, p + 2, 16, "hexadecimal");
  } else if (*p == '0' && (p[1] == 'o' || p[1] == 'O')) {
    radix = 8;
    end = radix_digits(lx, p + 2, 8, "octal");
  } else if (*p == '0' && (p[1] == 'b' || p[1] == 'B')) {
    radix = 2;
    end = radix_digits(lx, p + 2, 2, "binary");
  } else if (*p == '0') {
    end = zero_literal(lx, p, &imag, &is_float);
  } else if (*p == '.') {
    end = float_tail(lx, p, &imag, &is_float);
  } else {
    end = decimal_tail(lx, p + 1);
    if (end) end = float_tail(lx, end, &imag, &is_float);
  }
  if (!end) return LEX_ERROR;
  lx->cur = end;
  t->text = (const char *)start;
  t->len = (uint32_t)(end - start);
  t->end_line = lx->line;
  t->end_col = col_of(lx, end);
  if (imag)
    return lex_fail(lx, "SyntaxError", t->line, t->col, t->end_col,
                    "complex numbers are not supported by asy");
  return number_value(lx, t, start, end, radix, is_float);
}

/* ---------------------------------------------------------------- strings */

/* The line of the last character of the input, where CPython says an
 * unterminated string was "detected". */
static int detected_line(const Lexer *lx, const uchar *eof) {
  return eof > lx->src && eof[-1] == '\n' ? lx->line - 1 : lx->line;
}

static int unterminated(Lexer *lx, Token *t, const uchar *at, bool triple) {
  int detected = *at ? lx->line : detected_line(lx, at);
  lex_fail(lx, "SyntaxError", t->line, t->col, 0, "unterminated %sstring literal (detected at line %d)",
           triple ? "triple-quoted " : "", detected);
  /* The REPL asks for more lines after an open triple quote or a
   * backslash-newline at the very end. */
  lx->err.incomplete = !*at && (triple || (at - lx->src >= 2 && at[-1] == '\n' && at[-2] == '\\'));
  return LEX_ERROR;
}

static int scan_string(Lexer *lx, Token *t, const uchar *start, const uchar *quote) {
  uchar q = *quote;
  bool triple = quote[1] == q && quote[2] == q;
  for (const uchar *p = start; p < quote; p++) {
    uchar c = (uchar)(*p | 0x20);
    if (c == 'r') t->flags |= TOKF_RAW;
    if (c == 'f') t->flags |= TOKF_FSTRING;
    if (c == 'b') t->flags |= TOKF_BYTES;
  }
  if (triple) t->flags |= TOKF_TRIPLE;
  t->prefix_len = (uint8_t)(quote - start);
  const uchar *p = quote + (triple ? 3 : 1);
  for (;;) {
    uchar c = *p;
    if (!c || (c == '\n' && !triple)) return unterminated(lx, t, p, triple);
    if (c == '\\') {
      p++;
      if (!*p) return unterminated(lx, t, p, triple);
      if (*p == '\n') cross_newline(lx, p);
    } else if (c == '\n') {
      cross_newline(lx, p);
    } else if (c == q && (!triple || (p[1] == q && p[2] == q))) {
      p += triple ? 3 : 1;
      break;
    }
    p++;
  }
  lx->cur = p;
  t->text = (const char *)start;
  t->len = (uint32_t)(p - start);
  t->end_line = lx->line;
  t->end_col = col_of(lx, p);
  if (t->flags & TOKF_BYTES)
    return lex_fail(lx, "SyntaxError", t->line, t->col, t->line == t->end_line ? t->end_col : 0,
                    "bytes literals are not supported by asy");
  return TK_STRING;
}

/* --------------------------------------------------------- invalid chars */

static unsigned decode_utf8(const uchar *p, int *n) {
  unsigned c = *p;
  *n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (*n > 1) c &= 0x7Fu >> *n;
  for (int i = 1; i < *n; i++) c = (c << 6) | (p[i] & 0x3Fu);
  return c;
}

static int invalid_char(Lexer *lx, const uchar *p, bool printable) {
  int n;
  unsigned c = decode_utf8(p, &n);
  int col = col_of(lx, p);
  if (printable)
    return lex_fail(lx, "SyntaxError", lx->line, col, 0, "invalid character '%.*s' (U+%04X)", n,
                    (const char *)p, c);
  return lex_fail(lx, "SyntaxError", lx->line, col, 0, "invalid non-printable character U+%04X", c);
}

/* ---------------------------------------------------------------- scanner */

/* A backslash outside a string: a line continuation, or an error. */
static int continuation(Lexer *lx, const uchar *bs) {
  int col = col_of(lx, bs) + 1;
  if (bs[1] == '\n') {
    const uchar *p = bs + 2;
    while (*p == ' ' || *p == '\t' || *p == '\f') p++;
    if (*p) {
      cross_newline(lx, bs + 1);
      lx->cur = bs + 2;
      return 0;
    }
  } else if (bs[1]) {
    return quiet_fail(
        lex_fail(lx, "SyntaxError", lx->line, col, 0,
                 "unexpected character after line continuation character"),
        lx);
  }
  lex_fail(lx, "SyntaxError", lx->line, col, 0, "unexpected EOF while parsing");
  lx->err.incomplete = true;
  return quiet_fail(LEX_ERROR, lx);
}

/* One raw token at lx->cur: a TK_* kind, RAW_NEWLINE, RAW_EOF or LEX_ERROR.
 * Blanks, comments and line continuations are skipped. */
static int scan(Lexer *lx, Token *t) {
  const uchar *YYCURSOR, *YYMARKER, *tok;
  for (;;) {
    tok = YYCURSOR = lx->cur;
    t->line = t->end_line = lx->line;
    t->col = col_of(lx, tok);
    t->flags = 0;
    t->prefix_len = 0;
    t->text = (const char *)tok;
    /*!re2c
    re2c:define:YYCTYPE = "unsigned char";
    re2c:yyfill:enable = 0;

    spfx = [rRuUfFbB] | [bB][rR] | [rR][bB] | [fF][rR] | [rR][fF];
    id_start = [a-zA-Z_] | L | Nl | [\u1885\u1886\u2118\u212e\u309b\u309c];
    id_cont = id_start | [0-9] | Mn | Mc | Nd | Pc | [\u00b7\u0387\u1369-\u1371\u19da];
    nonprint = Cc | Cf | Co | Cn | Zs | Zl | Zp;

    "\x00"              { lx->cur = tok; return RAW_EOF; }
    [ \t\f]+            { lx->cur = YYCURSOR; continue; }
    "#" [^\n\x00]*      { lx->comment = tok; lx->cur = YYCURSOR; continue; }
    "\n"                { lx->cur = YYCURSOR; return RAW_NEWLINE; }
    "\\"                { int r = continuation(lx, tok); if (r) return r; continue; }

    "False"     { lx->cur = YYCURSOR; return TK_FALSE; }
    "None"      { lx->cur = YYCURSOR; return TK_NONE; }
    "True"      { lx->cur = YYCURSOR; return TK_TRUE; }
    "and"       { lx->cur = YYCURSOR; return TK_AND; }
    "as"        { lx->cur = YYCURSOR; return TK_AS; }
    "assert"    { lx->cur = YYCURSOR; return TK_ASSERT; }
    "async"     { lx->cur = YYCURSOR; return TK_ASYNC; }
    "await"     { lx->cur = YYCURSOR; return TK_AWAIT; }
    "break"     { lx->cur = YYCURSOR; return TK_BREAK; }
    "class"     { lx->cur = YYCURSOR; return TK_CLASS; }
    "continue"  { lx->cur = YYCURSOR; return TK_CONTINUE; }
    "def"       { lx->cur = YYCURSOR; return TK_DEF; }
    "del"       { lx->cur = YYCURSOR; return TK_DEL; }
    "elif"      { lx->cur = YYCURSOR; return TK_ELIF; }
    "else"      { lx->cur = YYCURSOR; return TK_ELSE; }
    "except"    { lx->cur = YYCURSOR; return TK_EXCEPT; }
    "finally"   { lx->cur = YYCURSOR; return TK_FINALLY; }
    "for"       { lx->cur = YYCURSOR; return TK_FOR; }
    "from"      { lx->cur = YYCURSOR; return TK_FROM; }
    "global"    { lx->cur = YYCURSOR; return TK_GLOBAL; }
    "if"        { lx->cur = YYCURSOR; return TK_IF; }
    "import"    { lx->cur = YYCURSOR; return TK_IMPORT; }
    "in"        { lx->cur = YYCURSOR; return TK_IN; }
    "is"        { lx->cur = YYCURSOR; return TK_IS; }
    "lambda"    { lx->cur = YYCURSOR; return TK_LAMBDA; }
    "nonlocal"  { lx->cur = YYCURSOR; return TK_NONLOCAL; }
    "not"       { lx->cur = YYCURSOR; return TK_NOT; }
    "or"        { lx->cur = YYCURSOR; return TK_OR; }
    "pass"      { lx->cur = YYCURSOR; return TK_PASS; }
    "raise"     { lx->cur = YYCURSOR; return TK_RAISE; }
    "return"    { lx->cur = YYCURSOR; return TK_RETURN; }
    "try"       { lx->cur = YYCURSOR; return TK_TRY; }
    "while"     { lx->cur = YYCURSOR; return TK_WHILE; }
    "with"      { lx->cur = YYCURSOR; return TK_WITH; }
    "yield"     { lx->cur = YYCURSOR; return TK_YIELD; }

    id_start id_cont*   { lx->cur = YYCURSOR; return TK_NAME; }

    spfx? ['"]                      { return scan_string(lx, t, tok, YYCURSOR - 1); }
    spfx? ("'''" | ["]["]["])       { return scan_string(lx, t, tok, YYCURSOR - 3); }
    [0-9] | "." [0-9]   { return scan_number(lx, t, tok); }

    "("   { lx->cur = YYCURSOR; return TK_LPAR; }
    ")"   { lx->cur = YYCURSOR; return TK_RPAR; }
    "["   { lx->cur = YYCURSOR; return TK_LSQB; }
    "]"   { lx->cur = YYCURSOR; return TK_RSQB; }
    "{"   { lx->cur = YYCURSOR; return TK_LBRACE; }
    "}"   { lx->cur = YYCURSOR; return TK_RBRACE; }
    ":"   { lx->cur = YYCURSOR; return TK_COLON; }
    ","   { lx->cur = YYCURSOR; return TK_COMMA; }
    ";"   { lx->cur = YYCURSOR; return TK_SEMI; }
    "+"   { lx->cur = YYCURSOR; return TK_PLUS; }
    "-"   { lx->cur = YYCURSOR; return TK_MINUS; }
    "*"   { lx->cur = YYCURSOR; return TK_STAR; }
    "/"   { lx->cur = YYCURSOR; return TK_SLASH; }
    "|"   { lx->cur = YYCURSOR; return TK_VBAR; }
    "&"   { lx->cur = YYCURSOR; return TK_AMPER; }
    "<"   { lx->cur = YYCURSOR; return TK_LESS; }
    ">"   { lx->cur = YYCURSOR; return TK_GREATER; }
    "="   { lx->cur = YYCURSOR; return TK_ASSIGN; }
    "."   { lx->cur = YYCURSOR; return TK_DOT; }
    "%"   { lx->cur = YYCURSOR; return TK_PERCENT; }
    "=="  { lx->cur = YYCURSOR; return TK_EQEQUAL; }
    "!="  { lx->cur = YYCURSOR; return TK_NOTEQUAL; }
    "<="  { lx->cur = YYCURSOR; return TK_LESSEQUAL; }
    ">="  { lx->cur = YYCURSOR; return TK_GREATEREQUAL; }
    "~"   { lx->cur = YYCURSOR; return TK_TILDE; }
    "^"   { lx->cur = YYCURSOR; return TK_CIRCUMFLEX; }
    "<<"  { lx->cur = YYCURSOR; return TK_LEFTSHIFT; }
    ">>"  { lx->cur = YYCURSOR; return TK_RIGHTSHIFT; }
    "**"  { lx->cur = YYCURSOR; return TK_DOUBLESTAR; }
    "+="  { lx->cur = YYCURSOR; return TK_PLUSEQUAL; }
    "-="  { lx->cur = YYCURSOR; return TK_MINEQUAL; }
    "*="  { lx->cur = YYCURSOR; return TK_STAREQUAL; }
    "/="  { lx->cur = YYCURSOR; return TK_SLASHEQUAL; }
    "%="  { lx->cur = YYCURSOR; return TK_PERCENTEQUAL; }
    "&="  { lx->cur = YYCURSOR; return TK_AMPEREQUAL; }
    "|="  { lx->cur = YYCURSOR; return TK_VBAREQUAL; }
    "^="  { lx->cur = YYCURSOR; return TK_CIRCUMFLEXEQUAL; }
    "<<=" { lx->cur = YYCURSOR; return TK_LEFTSHIFTEQUAL; }
    ">>=" { lx->cur = YYCURSOR; return TK_RIGHTSHIFTEQUAL; }
    "**=" { lx->cur = YYCURSOR; return TK_DOUBLESTAREQUAL; }
    "//"  { lx->cur = YYCURSOR; return TK_DOUBLESLASH; }
    "//=" { lx->cur = YYCURSOR; return TK_DOUBLESLASHEQUAL; }
    "@"   { lx->cur = YYCURSOR; return TK_AT; }
    "@="  { lx->cur = YYCURSOR; return TK_ATEQUAL; }
    "->"  { lx->cur = YYCURSOR; return TK_RARROW; }
    "..." { lx->cur = YYCURSOR; return TK_ELLIPSIS; }
    ":="  { lx->cur = YYCURSOR; return TK_COLONEQUAL; }
    [!$?`] | "<>" { lx->cur = YYCURSOR; return TK_ERRORTOKEN; }

    nonprint  { return invalid_char(lx, tok, false); }
    [^]       { return invalid_char(lx, tok, true); }
    *         { return invalid_char(lx, tok, false); }
    */
  }
}

/* ------------------------------------------------------------ indentation */

/* The indentation of the line at lx->cur, as CPython measures it: col with
 * tabs to multiples of 8, alt with tabs as 1 (to detect TabError). Returns
 * the first character after it, or NULL after an error. */
static const uchar *measure(Lexer *lx, int *col_out, int *alt_out) {
  const uchar *p = lx->cur;
  int col = 0, alt = 0, cont = 0;
  for (;; p++) {
    if (*p == ' ') {
      col++, alt++;
    } else if (*p == '\t') {
      col = (col / TABSIZE + 1) * TABSIZE;
      alt++;
    } else if (*p == '\f') {
      col = alt = 0;
    } else if (*p == '\\') {
      cont = cont ? cont : col;
      if (continuation(lx, p) < 0) return NULL;
      p = lx->cur - 1;
    } else {
      break;
    }
  }
  *col_out = cont ? cont : col;
  *alt_out = cont ? cont : alt;
  return p;
}

static int tab_error(Lexer *lx) {
  return quiet_fail(lex_fail(lx, "TabError", lx->line, 0, 0,
                             "inconsistent use of tabs and spaces in indentation"),
                    lx);
}

static int line_length(const Lexer *lx) {
  const uchar *p = lx->line_start;
  while (*p && *p != '\n') p++;
  return col_of(lx, p);
}

/* Compare a new line's indentation with the stack: queue INDENT/DEDENTs. */
static int indent_to(Lexer *lx, int col, int alt) {
  int top = lx->indent_top;
  if (col == lx->indents[top]) {
    if (alt != lx->alt_indents[top]) return tab_error(lx);
  } else if (col > lx->indents[top]) {
    if (top + 1 >= LEX_MAX_INDENT)
      return quiet_fail(lex_fail(lx, "IndentationError", lx->line, 0, 0,
                                 "too many levels of indentation"),
                        lx);
    if (alt <= lx->alt_indents[top]) return tab_error(lx);
    lx->indents[++lx->indent_top] = col;
    lx->alt_indents[lx->indent_top] = alt;
    lx->pending = 1;
  } else {
    while (lx->indent_top > 0 && col < lx->indents[lx->indent_top]) {
      lx->indent_top--;
      lx->pending--;
    }
    if (col != lx->indents[lx->indent_top]) {
      int end = line_length(lx);
      return quiet_fail(lex_fail(lx, "IndentationError", lx->line, end, 0,
                                 "unindent does not match any outer indentation level"),
                        lx);
    }
    if (alt != lx->alt_indents[lx->indent_top]) return tab_error(lx);
  }
  return 0;
}

/* At the start of a logical line: skip blank and comment-only lines, then
 * turn the indentation into pending INDENT/DEDENTs. */
static int begin_line(Lexer *lx) {
  int col, alt;
  const uchar *p = measure(lx, &col, &alt);
  if (!p) return LEX_ERROR;
  if (*p == '#')
    while (*p && *p != '\n') p++;
  if (*p == '\n') {
    cross_newline(lx, p);
    lx->cur = p + 1;
    return 0;
  }
  lx->cur = p;
  if (!*p) {
    lx->state = ST_EOF_DEDENT;
    mark_eof(lx);
    return 0;
  }
  lx->at_bol = false;
  lx->pend_line = lx->line;
  lx->pend_col = col_of(lx, p);
  return indent_to(lx, col, alt);
}

/* ------------------------------------------------------------- the driver */

static int make(Token *t, int kind, int line, int col, uint16_t flags) {
  memset(t, 0, sizeof *t);
  t->kind = kind;
  t->line = t->end_line = line;
  t->col = t->end_col = col;
  t->flags = flags;
  return kind;
}

static int emit_pending(Lexer *lx, Token *t) {
  uint16_t flags = lx->state == ST_NORMAL ? 0 : TOKF_EOF;
  int line = flags ? lx->eof_line : lx->pend_line, col = flags ? lx->eof_col : lx->pend_col;
  if (lx->pending > 0) {
    lx->pending--;
    return make(t, TK_INDENT, line, col, 0);
  }
  lx->pending++;
  return make(t, TK_DEDENT, line, col, flags);
}

static int end_of_input(Lexer *lx, Token *t) {
  if (lx->state == ST_EOF_NEWLINE) {
    lx->state = ST_EOF_DEDENT;
    const unsigned char *start = lx->comment ? lx->comment : lx->cur;
    make(t, TK_NEWLINE, lx->line, col_of(lx, start), 0);
    t->end_col = col_of(lx, lx->cur);
    return TK_NEWLINE;
  }
  if (lx->state == ST_EOF_DEDENT && lx->indent_top > 0) {
    lx->pending = -lx->indent_top;
    lx->indent_top = 0;
    return emit_pending(lx, t);
  }
  lx->state = ST_EOF_END;
  return make(t, TK_ENDMARKER, lx->eof_line, lx->eof_col, TOKF_EOF);
}

static int open_bracket(Lexer *lx, const Token *t, char c) {
  if (lx->level >= LEX_MAX_LEVEL)
    return lex_fail(lx, "SyntaxError", t->line, t->col, 0, "too many nested parentheses");
  lx->brackets[lx->level] = c;
  lx->bracket_line[lx->level] = t->line;
  lx->bracket_col[lx->level] = t->col;
  lx->level++;
  return t->kind;
}

static int close_bracket(Lexer *lx, const Token *t, char c) {
  if (lx->level == 0) return lex_fail(lx, "SyntaxError", t->line, t->col, 0, "unmatched '%c'", c);
  char open = lx->brackets[lx->level - 1];
  if ((open == '(' && c != ')') || (open == '[' && c != ']') || (open == '{' && c != '}')) {
    int line = lx->bracket_line[lx->level - 1];
    if (line != t->line)
      return lex_fail(lx, "SyntaxError", t->line, t->col, 0,
                      "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d",
                      c, open, line);
    return lex_fail(lx, "SyntaxError", t->line, t->col, 0,
                    "closing parenthesis '%c' does not match opening parenthesis '%c'", c, open);
  }
  lx->level--;
  return t->kind;
}

static int raw_eof(Lexer *lx, Token *t) {
  if (lx->fexpr && lx->level == 1) {
    lx->level = 0;
    lx->state = ST_EOF_END;
    lx->eof_line = lx->line;
    lx->eof_col = col_of(lx, lx->cur);
    make(t, TK_RPAR, lx->eof_line, lx->eof_col, TOKF_SYNTH);
    t->end_col = t->col;
    return TK_RPAR;
  }
  if (lx->level > 0) {
    int i = lx->level - 1;
    lex_fail(lx, "SyntaxError", lx->bracket_line[i], lx->bracket_col[i], 0, "'%c' was never closed",
             lx->brackets[i]);
    lx->err.never_closed = true;
    lx->err.incomplete = true;
    return quiet_fail(LEX_ERROR, lx);
  }
  lx->state = lx->at_bol ? ST_EOF_DEDENT : ST_EOF_NEWLINE;
  mark_eof(lx);
  return end_of_input(lx, t);
}

static int finish_token(Lexer *lx, Token *t, int kind) {
  t->kind = kind;
  if (kind != TK_STRING && kind != TK_NUMBER) {
    t->end_line = lx->line;
    t->end_col = col_of(lx, lx->cur);
    t->len = (uint32_t)((const char *)lx->cur - t->text);
  }
  switch (kind) {
  case TK_LPAR: return open_bracket(lx, t, '(');
  case TK_LSQB: return open_bracket(lx, t, '[');
  case TK_LBRACE: return open_bracket(lx, t, '{');
  case TK_RPAR: return close_bracket(lx, t, ')');
  case TK_RSQB: return close_bracket(lx, t, ']');
  case TK_RBRACE: return close_bracket(lx, t, '}');
  default: return kind;
  }
}

static int first_fexpr_token(Lexer *lx, Token *t) {
  lx->level = 1;
  lx->brackets[0] = '(';
  lx->bracket_line[0] = lx->line;
  lx->bracket_col[0] = lx->col_bias - 1;
  make(t, TK_LPAR, lx->line, lx->col_bias - 1, TOKF_SYNTH);
  t->end_col = lx->col_bias;
  lx->state = ST_NORMAL;
  return TK_LPAR;
}

int lex_next(Lexer *lx, Token *t) {
  if (lx->failed) return LEX_ERROR;
  if (lx->fexpr && lx->level == 0 && lx->state == ST_NORMAL) return first_fexpr_token(lx, t);
  for (;;) {
    if (lx->pending) return emit_pending(lx, t);
    if (lx->state != ST_NORMAL) return end_of_input(lx, t);
    if (lx->at_bol && lx->level == 0) {
      if (begin_line(lx) < 0) return LEX_ERROR;
      continue;
    }
    int kind = scan(lx, t);
    if (kind == RAW_NEWLINE) {
      const uchar *nl = lx->cur - 1;
      if (lx->level > 0) {
        cross_newline(lx, nl);
        continue;
      }
      /* CPython's NEWLINE token starts at a trailing comment. */
      const unsigned char *start = lx->comment ? lx->comment : nl;
      make(t, TK_NEWLINE, lx->line, col_of(lx, start), 0);
      t->end_col = col_of(lx, nl);
      lx->comment = NULL;
      cross_newline(lx, nl);
      lx->at_bol = true;
      return TK_NEWLINE;
    }
    if (kind == RAW_EOF) return raw_eof(lx, t);
    if (kind == LEX_ERROR) return kind;
    lx->comment = NULL;
    return finish_token(lx, t, kind);
  }
}

/* ---------------------------------------------------------------- escapes */

typedef struct {
  char *buf;
  size_t len;
} Buf;

static void put_utf8(Buf *b, unsigned c) {
  if (c < 0x80) {
    b->buf[b->len++] = (char)c;
  } else if (c < 0x800) {
    b->buf[b->len++] = (char)(0xC0 | (c >> 6));
    b->buf[b->len++] = (char)(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    b->buf[b->len++] = (char)(0xE0 | (c >> 12));
    b->buf[b->len++] = (char)(0x80 | ((c >> 6) & 0x3F));
    b->buf[b->len++] = (char)(0x80 | (c & 0x3F));
  } else {
    b->buf[b->len++] = (char)(0xF0 | (c >> 18));
    b->buf[b->len++] = (char)(0x80 | ((c >> 12) & 0x3F));
    b->buf[b->len++] = (char)(0x80 | ((c >> 6) & 0x3F));
    b->buf[b->len++] = (char)(0x80 | (c & 0x3F));
  }
}

/* CPython decodes a literal after rewriting each non-ASCII character as a
 * 10-byte \UXXXXXXXX escape, so its error positions count that way. */
static size_t virtual_pos(const uchar *s, const uchar *p) {
  size_t v = 0;
  for (const uchar *q = s; q < p;) {
    if (*q == '\\' && q[1] >= 0x80) v += 5;
    if (*q >= 0x80) {
      int n;
      decode_utf8(q, &n);
      q += n;
      v += 10;
    } else {
      q++;
      v++;
    }
  }
  return v;
}

static bool escape_error(const uchar *s, const uchar *start, const uchar *stop, const char *why,
                         char *errmsg, size_t errsz) {
  size_t a = virtual_pos(s, start), b = virtual_pos(s, stop);
  if (b <= a + 1)
    snprintf(errmsg, errsz,
             "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position %zu: %s", a,
             why);
  else
    snprintf(errmsg, errsz,
             "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: %s", a,
             b - 1, why);
  return false;
}

static int hex_value(int c) {
  return is_digit(c) ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
}

/* One escape after the backslash at p; advances *pp past it. */
static bool decode_one(const uchar *s, const uchar *e, const uchar **pp, Buf *b, char *errmsg,
                       size_t errsz) {
  const uchar *bs = *pp, *p = bs + 1;
  static const char simple_from[] = "\n\\'\"abfnrtv", simple_to[] = "\0\\'\"\a\b\f\n\r\t\v";
  const char *hit = p < e ? strchr(simple_from, *p) : NULL;
  if (hit && *p) {
    if (*p != '\n') b->buf[b->len++] = simple_to[hit - simple_from];
    *pp = p + 1;
    return true;
  }
  if (p < e && *p >= '0' && *p <= '7') {
    unsigned v = 0;
    for (int i = 0; i < 3 && p < e && *p >= '0' && *p <= '7'; i++) v = v * 8 + (unsigned)(*p++ - '0');
    put_utf8(b, v);
    *pp = p;
    return true;
  }
  int count = p < e ? (*p == 'x' ? 2 : *p == 'u' ? 4 : *p == 'U' ? 8 : 0) : 0;
  if (count) {
    const char *why = count == 2   ? "truncated \\xXX escape"
                      : count == 4 ? "truncated \\uXXXX escape"
                                   : "truncated \\UXXXXXXXX escape";
    unsigned v = 0;
    for (p++; count; count--, p++) {
      if (p >= e || hex_value(*p) < 0) return escape_error(s, bs, p, why, errmsg, errsz);
      v = v * 16 + (unsigned)hex_value(*p);
    }
    if (v > 0x10FFFF) return escape_error(s, bs, p, "illegal Unicode character", errmsg, errsz);
    if (v >= 0xD800 && v <= 0xDFFF) {
      snprintf(errmsg, errsz, "(unicode error) surrogate characters are not supported by asy");
      return false;
    }
    put_utf8(b, v);
    *pp = p;
    return true;
  }
  if (p < e && *p == 'N') {
    const uchar *q = p + 1;
    if (q < e && *q == '{') {
      const uchar *close = memchr(q, '}', (size_t)(e - q));
      if (close && close > q + 1) {
        snprintf(errmsg, errsz,
                 "(unicode error) asy does not support \\N{...} character names; use a \\u "
                 "escape");
        return false;
      }
      q = close ? close + 1 : e;
    }
    return escape_error(s, bs, q, "malformed \\N character escape", errmsg, errsz);
  }
  /* An unknown escape stays as written, backslash included. */
  b->buf[b->len++] = '\\';
  *pp = p;
  return true;
}

bool lex_decode_escapes(Arena *a, const char *src, size_t n, char **out, size_t *outlen,
                        char *errmsg, size_t errsz) {
  const uchar *s = (const uchar *)src, *e = s + n, *p = s;
  Buf b = {arena_alloc(a, n + 1), 0};
  while (p < e) {
    const uchar *bs = memchr(p, '\\', (size_t)(e - p));
    const uchar *stop = bs ? bs : e;
    memcpy(b.buf + b.len, p, (size_t)(stop - p));
    b.len += (size_t)(stop - p);
    p = stop;
    if (bs && !decode_one(s, e, &p, &b, errmsg, errsz)) return false;
  }
  b.buf[b.len] = '\0';
  *out = b.buf;
  *outlen = b.len;
  return true;
}

size_t lex_utf8_check(const unsigned char *s, size_t n, const char **why) {
  size_t i = 0;
  while (i < n) {
    uchar c = s[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    int len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!len) {
      *why = "invalid start byte";
      return i;
    }
    uchar lo = 0x80, hi = 0xBF;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
    for (int k = 1; k < len; k++) {
      if (i + (size_t)k >= n) {
        *why = "unexpected end of data";
        return i;
      }
      uchar d = s[i + (size_t)k];
      if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xBF)) {
        *why = "invalid continuation byte";
        return i;
      }
    }
    i += (size_t)len;
  }
  *why = NULL;
  return n;
}
