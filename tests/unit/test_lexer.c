/* test_lexer.c — the tokenizer: token kinds and positions, indentation,
 * numbers, strings and escapes, and CPython's tokenizer errors (messages
 * and columns checked against python3 3.11; columns are 0-based bytes). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

enum { MAX_TOKENS = 4096 };

typedef struct {
  Token toks[MAX_TOKENS];
  int count;
  bool failed;
  LexError err;
} Lexed;

/* Tokenize src to its ENDMARKER or its first error. */
static Lexed *lex_all(const char *src) {
  static Lexed out;
  memset(&out, 0, sizeof out);
  Lexer lx;
  lex_init(&lx, src, strlen(src));
  for (;;) {
    Token t;
    int k = lex_next(&lx, &t);
    if (k == LEX_ERROR) {
      out.failed = true;
      out.err = lx.err;
      return &out;
    }
    t.kind = k;
    cr_assert_lt(out.count, MAX_TOKENS);
    out.toks[out.count++] = t;
    if (k == TK_ENDMARKER) return &out;
  }
}

static void expect_kinds(const char *src, const int *want, int n) {
  Lexed *l = lex_all(src);
  cr_assert(!l->failed, "unexpected error %s for:\n%s", l->err.msg, src);
  cr_assert_eq(l->count, n, "%d tokens, want %d, for:\n%s", l->count, n, src);
  for (int i = 0; i < n; i++)
    cr_expect_eq(l->toks[i].kind, want[i], "token %d: kind %d, want %d, for:\n%s", i,
                 l->toks[i].kind, want[i], src);
}

#define EXPECT_KINDS(src, ...)                                                                     \
  do {                                                                                             \
    static const int want_[] = {__VA_ARGS__};                                                      \
    expect_kinds(src, want_, (int)(sizeof want_ / sizeof want_[0]));                               \
  } while (0)

static void expect_lex_error(const char *src, const char *kind, const char *msg, int line,
                             int col) {
  Lexed *l = lex_all(src);
  cr_assert(l->failed, "expected an error for:\n%s", src);
  cr_expect_str_eq(l->err.kind, kind, "for:\n%s", src);
  cr_expect_str_eq(l->err.msg, msg, "for:\n%s", src);
  cr_expect_eq(l->err.line, line, "line %d, want %d, for:\n%s", l->err.line, line, src);
  cr_expect_eq(l->err.col, col, "col %d, want %d, for:\n%s", l->err.col, col, src);
}

static const Token *first_token(const char *src) {
  Lexed *l = lex_all(src);
  cr_assert(!l->failed, "unexpected error %s for:\n%s", l->err.msg, src);
  return &l->toks[0];
}

/* ------------------------------------------------------------ basic tokens */

Test(tokens, simple_statement_with_positions) {
  Lexed *l = lex_all("x = foo(1)\n");
  cr_assert(!l->failed);
  static const int kinds[] = {TK_NAME,   TK_ASSIGN, TK_NAME,    TK_LPAR,
                              TK_NUMBER, TK_RPAR,   TK_NEWLINE, TK_ENDMARKER};
  static const int cols[] = {0, 2, 4, 7, 8, 9, 10};
  static const int ends[] = {1, 3, 7, 8, 9, 10, 10};
  cr_assert_eq(l->count, 8);
  for (int i = 0; i < 8; i++) cr_expect_eq(l->toks[i].kind, kinds[i], "token %d", i);
  for (int i = 0; i < 7; i++) {
    cr_expect_eq(l->toks[i].line, 1);
    cr_expect_eq(l->toks[i].col, cols[i], "token %d col", i);
    cr_expect_eq(l->toks[i].end_col, ends[i], "token %d end", i);
  }
  cr_expect_eq(l->toks[2].len, 3);
  cr_expect(!strncmp(l->toks[2].text, "foo", 3));
}

Test(tokens, keywords_and_names) {
  EXPECT_KINDS("if elif else while for in not and or is lambda\n", TK_IF, TK_ELIF, TK_ELSE,
               TK_WHILE, TK_FOR, TK_IN, TK_NOT, TK_AND, TK_OR, TK_IS, TK_LAMBDA, TK_NEWLINE,
               TK_ENDMARKER);
  EXPECT_KINDS("async await yield def class return None True False\n", TK_ASYNC, TK_AWAIT, TK_YIELD,
               TK_DEF, TK_CLASS, TK_RETURN, TK_NONE, TK_TRUE, TK_FALSE, TK_NEWLINE, TK_ENDMARKER);
  /* prefixes of keywords, soft keywords and non-ASCII letters are names */
  EXPECT_KINDS("iffy Nonesuch match case _ é日本\n", TK_NAME, TK_NAME, TK_NAME, TK_NAME, TK_NAME,
               TK_NAME, TK_NEWLINE, TK_ENDMARKER);
}

Test(tokens, operators_longest_match) {
  EXPECT_KINDS("** **= // //= >> >>= << <<= -> := ... != == <= >=\n", TK_DOUBLESTAR,
               TK_DOUBLESTAREQUAL, TK_DOUBLESLASH, TK_DOUBLESLASHEQUAL, TK_RIGHTSHIFT,
               TK_RIGHTSHIFTEQUAL, TK_LEFTSHIFT, TK_LEFTSHIFTEQUAL, TK_RARROW, TK_COLONEQUAL,
               TK_ELLIPSIS, TK_NOTEQUAL, TK_EQEQUAL, TK_LESSEQUAL, TK_GREATEREQUAL, TK_NEWLINE,
               TK_ENDMARKER);
  EXPECT_KINDS("a@b@=c.d;~e^f|g&h%i\n", TK_NAME, TK_AT, TK_NAME, TK_ATEQUAL, TK_NAME, TK_DOT,
               TK_NAME, TK_SEMI, TK_TILDE, TK_NAME, TK_CIRCUMFLEX, TK_NAME, TK_VBAR, TK_NAME,
               TK_AMPER, TK_NAME, TK_PERCENT, TK_NAME, TK_NEWLINE, TK_ENDMARKER);
}

Test(tokens, stray_characters_are_error_tokens) {
  EXPECT_KINDS("$ ? ! ` <>\n", TK_ERRORTOKEN, TK_ERRORTOKEN, TK_ERRORTOKEN, TK_ERRORTOKEN,
               TK_ERRORTOKEN, TK_NEWLINE, TK_ENDMARKER);
}

Test(tokens, comments_and_blank_lines) {
  EXPECT_KINDS("# top\n\n   \nx  # trailing\n\n# end", TK_NAME, TK_NEWLINE, TK_ENDMARKER);
  Lexed *l = lex_all("x  # c\n");
  cr_expect_eq(l->toks[1].kind, TK_NEWLINE);
  cr_expect_eq(l->toks[1].col, 3, "CPython starts NEWLINE at the comment");
  cr_expect_eq(l->toks[1].end_col, 6);
}

Test(tokens, missing_final_newline_is_supplied) {
  Lexed *l = lex_all("x = 1");
  cr_assert_eq(l->count, 5);
  cr_expect_eq(l->toks[3].kind, TK_NEWLINE);
  cr_expect_eq(l->toks[3].col, 5);
  cr_expect_eq(l->toks[4].kind, TK_ENDMARKER);
  cr_expect(l->toks[4].flags & TOKF_EOF);
}

Test(tokens, brackets_join_lines) {
  EXPECT_KINDS("x = (1,\n  2,\n\n      3)\ny\n", TK_NAME, TK_ASSIGN, TK_LPAR, TK_NUMBER, TK_COMMA,
               TK_NUMBER, TK_COMMA, TK_NUMBER, TK_RPAR, TK_NEWLINE, TK_NAME, TK_NEWLINE,
               TK_ENDMARKER);
  Lexed *l = lex_all("f(a,\n  b)\n");
  cr_expect_eq(l->toks[4].line, 2, "b is on line 2");
  cr_expect_eq(l->toks[4].col, 2);
}

Test(tokens, backslash_continuation) {
  EXPECT_KINDS("x = 1 + \\\n    2\n", TK_NAME, TK_ASSIGN, TK_NUMBER, TK_PLUS, TK_NUMBER, TK_NEWLINE,
               TK_ENDMARKER);
  Lexed *l = lex_all("x = \\\n  y\n");
  cr_expect_eq(l->toks[2].line, 2);
  cr_expect_eq(l->toks[2].col, 2);
}

/* ----------------------------------------------------------- indentation */

Test(indent, indent_and_dedent) {
  EXPECT_KINDS("if x:\n    y\nz\n", TK_IF, TK_NAME, TK_COLON, TK_NEWLINE, TK_INDENT, TK_NAME,
               TK_NEWLINE, TK_DEDENT, TK_NAME, TK_NEWLINE, TK_ENDMARKER);
}

Test(indent, multiple_dedents_at_once) {
  EXPECT_KINDS("a:\n b:\n  c:\n   d\ne\n", TK_NAME, TK_COLON, TK_NEWLINE, TK_INDENT, TK_NAME,
               TK_COLON, TK_NEWLINE, TK_INDENT, TK_NAME, TK_COLON, TK_NEWLINE, TK_INDENT, TK_NAME,
               TK_NEWLINE, TK_DEDENT, TK_DEDENT, TK_DEDENT, TK_NAME, TK_NEWLINE, TK_ENDMARKER);
}

Test(indent, dedents_at_end_of_input) {
  Lexed *l = lex_all("if a:\n  if b:\n    c");
  cr_assert(!l->failed);
  int n = l->count;
  cr_expect_eq(l->toks[n - 1].kind, TK_ENDMARKER);
  cr_expect_eq(l->toks[n - 2].kind, TK_DEDENT);
  cr_expect_eq(l->toks[n - 3].kind, TK_DEDENT);
  cr_expect_eq(l->toks[n - 4].kind, TK_NEWLINE);
  cr_expect(l->toks[n - 2].flags & TOKF_EOF);
}

Test(indent, comment_and_blank_lines_do_not_indent) {
  EXPECT_KINDS("if x:\n    y\n  # odd comment\n\n        \n    z\n", TK_IF, TK_NAME, TK_COLON,
               TK_NEWLINE, TK_INDENT, TK_NAME, TK_NEWLINE, TK_NAME, TK_NEWLINE, TK_DEDENT,
               TK_ENDMARKER);
}

Test(indent, tabs_count_to_multiples_of_eight) {
  EXPECT_KINDS("if x:\n\ty\n\tz\n", TK_IF, TK_NAME, TK_COLON, TK_NEWLINE, TK_INDENT, TK_NAME,
               TK_NEWLINE, TK_NAME, TK_NEWLINE, TK_DEDENT, TK_ENDMARKER);
}

Test(indent, positions_of_indent_and_dedent) {
  Lexed *l = lex_all("if x:\n    y\nz\n");
  cr_expect_eq(l->toks[4].kind, TK_INDENT);
  cr_expect_eq(l->toks[4].line, 2);
  cr_expect_eq(l->toks[4].col, 4);
  cr_expect_eq(l->toks[7].kind, TK_DEDENT);
  cr_expect_eq(l->toks[7].line, 3);
  cr_expect_eq(l->toks[7].col, 0);
}

Test(indent, errors) {
  expect_lex_error("if x:\n  y\n z\n", "IndentationError",
                   "unindent does not match any outer indentation level", 3, 2);
  expect_lex_error("if x:\n\tpass\n        y\n", "TabError",
                   "inconsistent use of tabs and spaces in indentation", 3, 0);
  expect_lex_error("if x:\n        a\n\ty\n", "TabError",
                   "inconsistent use of tabs and spaces in indentation", 3, 0);
}

Test(indent, at_most_one_hundred_levels) {
  char src[200 * 100];
  size_t n = 0;
  for (int i = 0; i < 101; i++) n += (size_t)sprintf(src + n, "%*sif x:\n", i, "");
  expect_lex_error(src, "IndentationError", "too many levels of indentation", 101, 0);
}

/* -------------------------------------------------------------- numbers */

static int64_t int_of(const char *src) {
  const Token *t = first_token(src);
  cr_assert_eq(t->kind, TK_NUMBER, "%s", src);
  cr_assert(t->flags & TOKF_INT, "%s is an int", src);
  return t->num.i;
}

static double float_of(const char *src) {
  const Token *t = first_token(src);
  cr_assert_eq(t->kind, TK_NUMBER, "%s", src);
  cr_assert(t->flags & TOKF_FLOAT, "%s is a float", src);
  return t->num.f;
}

Test(numbers, integers) {
  cr_expect_eq(int_of("0\n"), 0);
  cr_expect_eq(int_of("000\n"), 0);
  cr_expect_eq(int_of("42\n"), 42);
  cr_expect_eq(int_of("1_000_000\n"), 1000000);
  cr_expect_eq(int_of("0xff\n"), 255);
  cr_expect_eq(int_of("0X_dead_BEEF\n"), 0xdeadbeef);
  cr_expect_eq(int_of("0o755\n"), 0755);
  cr_expect_eq(int_of("0b1010_1010\n"), 170);
  cr_expect_eq(int_of("9223372036854775807\n"), INT64_MAX);
  const Token *t = first_token("9223372036854775808\n");
  cr_expect(t->flags & TOKF_MININT, "2**63 waits for a unary minus");
}

Test(numbers, floats) {
  cr_expect_eq(float_of("1.5\n"), 1.5);
  cr_expect_eq(float_of("1.\n"), 1.0);
  cr_expect_eq(float_of(".5\n"), 0.5);
  cr_expect_eq(float_of("1e3\n"), 1000.0);
  cr_expect_eq(float_of("1E-3\n"), 0.001);
  cr_expect_eq(float_of("1_000.5_0\n"), 1000.5);
  cr_expect_eq(float_of("00.25\n"), 0.25);
  cr_expect_eq(float_of("007e1\n"), 70.0);
}

Test(numbers, number_followed_by_keyword) {
  EXPECT_KINDS("1if x else 2\n", TK_NUMBER, TK_IF, TK_NAME, TK_ELSE, TK_NUMBER, TK_NEWLINE,
               TK_ENDMARKER);
  /* CPython reads 0x1f, then the keyword or */
  EXPECT_KINDS("0x1for\n", TK_NUMBER, TK_OR, TK_NEWLINE, TK_ENDMARKER);
  cr_expect_eq(int_of("0x1for\n"), 31);
  EXPECT_KINDS("1 .real\n", TK_NUMBER, TK_DOT, TK_NAME, TK_NEWLINE, TK_ENDMARKER);
}

Test(numbers, errors) {
  expect_lex_error("x = 0755\n", "SyntaxError",
                   "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
                   "for octal integers",
                   1, 4);
  expect_lex_error("x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 4);
  expect_lex_error("x = 1_\n", "SyntaxError", "invalid decimal literal", 1, 5);
  expect_lex_error("1__0\n", "SyntaxError", "invalid decimal literal", 1, 1);
  expect_lex_error("1e+\n", "SyntaxError", "invalid decimal literal", 1, 2);
  expect_lex_error("1.__class__\n", "SyntaxError", "invalid decimal literal", 1, 1);
  expect_lex_error("x = 0x\n", "SyntaxError", "invalid hexadecimal literal", 1, 5);
  expect_lex_error("0x1g\n", "SyntaxError", "invalid hexadecimal literal", 1, 2);
  expect_lex_error("x = 0o8\n", "SyntaxError", "invalid digit '8' in octal literal", 1, 6);
  expect_lex_error("x = 0b12\n", "SyntaxError", "invalid digit '2' in binary literal", 1, 7);
  expect_lex_error("0b\n", "SyntaxError", "invalid binary literal", 1, 1);
  expect_lex_error("x = 1€\n", "SyntaxError", "invalid decimal literal", 1, 4);
  expect_lex_error("x = 3j\n", "SyntaxError", "complex numbers are not supported by asy", 1, 4);
  expect_lex_error("x = 18446744073709551616\n", "SyntaxError",
                   "integer literal is too large for asy's 64-bit int", 1, 4);
}

/* --------------------------------------------------------------- strings */

Test(strings, prefixes_and_quotes) {
  const Token *t = first_token("'a'\n");
  cr_expect_eq(t->kind, TK_STRING);
  cr_expect_eq(t->prefix_len, 0);
  cr_expect_eq(t->flags & (TOKF_RAW | TOKF_FSTRING | TOKF_TRIPLE), 0);
  t = first_token("Rf\"{x}\"\n");
  cr_expect_eq(t->prefix_len, 2);
  cr_expect(t->flags & TOKF_RAW);
  cr_expect(t->flags & TOKF_FSTRING);
  t = first_token("u'''a\n'b'\n\"c\"'''\n");
  cr_expect(t->flags & TOKF_TRIPLE);
  cr_expect_eq(t->line, 1);
  cr_expect_eq(t->end_line, 3);
  cr_expect_eq(t->end_col, 6);
  t = first_token("''\n");
  cr_expect_eq(t->len, 2, "an empty string, not a triple quote");
  EXPECT_KINDS("'a' \"b\" f'c'\n", TK_STRING, TK_STRING, TK_STRING, TK_NEWLINE, TK_ENDMARKER);
}

Test(strings, escaped_quotes_and_newlines) {
  const Token *t = first_token("'it\\'s' x\n");
  cr_expect_eq(t->len, 7);
  t = first_token("'a\\\nb'\n");
  cr_expect_eq(t->end_line, 2);
  t = first_token("r'\\''\n");
  cr_expect_eq(t->len, 5, "a raw string still cannot end in its own quote");
}

Test(strings, errors) {
  expect_lex_error("x = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)",
                   1, 4);
  expect_lex_error("x = '''abc\n\n", "SyntaxError",
                   "unterminated triple-quoted string literal (detected at line 2)", 1, 4);
  expect_lex_error("x = \"abc", "SyntaxError", "unterminated string literal (detected at line 1)",
                   1, 4);
  expect_lex_error("s = b'x'\n", "SyntaxError", "bytes literals are not supported by asy", 1, 4);
  Lexed *l = lex_all("s = '''\n");
  cr_expect(l->err.incomplete, "an open triple quote asks the REPL for more");
  l = lex_all("s = 'x\n");
  cr_expect(!l->err.incomplete);
}

static char *decode(const char *body, Arena *a) {
  char *out, msg[256];
  size_t n;
  bool ok = lex_decode_escapes(a, body, strlen(body), &out, &n, msg, sizeof msg);
  cr_assert(ok, "decoding %s: %s", body, msg);
  return out;
}

static void expect_decode_error(const char *body, const char *want) {
  Arena a = {0};
  char *out, msg[256];
  size_t n;
  cr_expect(!lex_decode_escapes(&a, body, strlen(body), &out, &n, msg, sizeof msg), "%s", body);
  cr_expect_str_eq(msg, want);
  arena_free(&a);
}

Test(strings, escapes) {
  Arena a = {0};
  cr_expect_str_eq(decode("a\\nb\\tc\\\\d", &a), "a\nb\tc\\d");
  cr_expect_str_eq(decode("\\'\\\"\\a\\b\\f\\v\\r", &a), "'\"\a\b\f\v\r");
  cr_expect_str_eq(decode("\\101\\x41\\u0041\\U00000041", &a), "AAAA");
  cr_expect_str_eq(decode("\\u00e9\\U0001F600", &a), "\xc3\xa9\xf0\x9f\x98\x80");
  cr_expect_str_eq(decode("\\777", &a), "\xc7\xbf");
  cr_expect_str_eq(decode("line\\\nnext", &a), "linenext");
  cr_expect_str_eq(decode("\\d\\q\\8", &a), "\\d\\q\\8", "unknown escapes stay");
  char *out, msg[64];
  size_t n;
  cr_expect(lex_decode_escapes(&a, "x\\0y", 4, &out, &n, msg, sizeof msg));
  cr_expect_eq(n, 3, "NUL inside a string keeps its length");
  cr_expect_eq(out[1], '\0');
  arena_free(&a);
}

Test(strings, escape_errors) {
  expect_decode_error("\\x4",
                      "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
                      "truncated \\xXX escape");
  expect_decode_error("ab\\u12",
                      "(unicode error) 'unicodeescape' codec can't decode bytes in position 2-5: "
                      "truncated \\uXXXX escape");
  expect_decode_error("\\U00110000",
                      "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: "
                      "illegal Unicode character");
  expect_decode_error("\\N",
                      "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
                      "malformed \\N character escape");
  /* CPython counts a non-ASCII character as the 10 bytes of \UXXXXXXXX */
  expect_decode_error("é\\x",
                      "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                      "10-11: truncated \\xXX escape");
}

/* ------------------------------------------------------ brackets and chars */

Test(errors, brackets) {
  expect_lex_error("x = )\n", "SyntaxError", "unmatched ')'", 1, 4);
  expect_lex_error("(]\n", "SyntaxError",
                   "closing parenthesis ']' does not match opening parenthesis '('", 1, 1);
  expect_lex_error("(\n]\n", "SyntaxError",
                   "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2,
                   0);
  expect_lex_error("x = [1,\n", "SyntaxError", "'[' was never closed", 1, 4);
  Lexed *l = lex_all("f(\n");
  cr_expect(l->err.never_closed);
  cr_expect(l->err.incomplete);
  char deep[260];
  memset(deep, '(', 201);
  deep[201] = '\0';
  expect_lex_error(deep, "SyntaxError", "too many nested parentheses", 1, 200);
}

Test(errors, characters) {
  expect_lex_error("x = a€\n", "SyntaxError", "invalid character '€' (U+20AC)", 1, 5);
  expect_lex_error("x = \xc2\xa0 1\n", "SyntaxError", "invalid non-printable character U+00A0", 1,
                   4);
  expect_lex_error("x = 1 + \x01\n", "SyntaxError", "invalid non-printable character U+0001", 1, 8);
  expect_lex_error("x = \xe2\x80\x8b\n", "SyntaxError", "invalid non-printable character U+200B", 1,
                   4);
}

Test(errors, line_continuation) {
  expect_lex_error("x = 1 \\ 2\n", "SyntaxError",
                   "unexpected character after line continuation character", 1, 7);
  expect_lex_error("x = 1 + \\\n", "SyntaxError", "unexpected EOF while parsing", 1, 9);
}

Test(errors, overriding_flags) {
  /* CPython lets these replace an earlier parser error in the file... */
  Lexed *l = lex_all("x = 'abc\n");
  cr_expect(l->err.overrides);
  l = lex_all("x = 1abc\n");
  cr_expect(l->err.overrides);
  /* ...but not indentation errors */
  l = lex_all("if x:\n  y\n z\n");
  cr_expect(!l->err.overrides);
}

/* ------------------------------------------------------------ f-string mode */

Test(fexpr, wrapped_in_synthetic_parentheses) {
  Lexer lx;
  const char *src = "a +\n b";
  lex_init_fexpr(&lx, src, strlen(src), 3, 10);
  Token t;
  static const int kinds[] = {TK_LPAR, TK_NAME, TK_PLUS, TK_NAME, TK_RPAR, TK_ENDMARKER};
  static const int lines[] = {3, 3, 3, 4, 4};
  static const int cols[] = {9, 10, 12, 1, 2};
  for (int i = 0; i < 6; i++) {
    int k = lex_next(&lx, &t);
    cr_expect_eq(k, kinds[i], "token %d", i);
    if (i < 5) {
      cr_expect_eq(t.line, lines[i], "token %d line", i);
      cr_expect_eq(t.col, cols[i], "token %d col", i);
    }
  }
}

/* ----------------------------------------------------------------- utf-8 */

Test(utf8, check) {
  const char *why;
  cr_expect_eq(lex_utf8_check((const unsigned char *)"ab\xc3\xa9", 4, &why), 4);
  cr_expect_null(why);
  cr_expect_eq(lex_utf8_check((const unsigned char *)"ab\xff", 3, &why), 2);
  cr_expect_str_eq(why, "invalid start byte");
  cr_expect_eq(lex_utf8_check((const unsigned char *)"\xc0\x80", 2, &why), 0, "overlong");
  cr_expect_eq(lex_utf8_check((const unsigned char *)"\xe2\x28\xa1", 3, &why), 0);
  cr_expect_str_eq(why, "invalid continuation byte");
  cr_expect_eq(lex_utf8_check((const unsigned char *)"a\xf0\x9f\x98", 4, &why), 1);
  cr_expect_str_eq(why, "unexpected end of data");
  cr_expect_eq(lex_utf8_check((const unsigned char *)"\xf4\x90\x80\x80", 4, &why), 0,
               "beyond U+10FFFF");
}
