/* complete.c — the REPL's pure text rules: when an input is complete, what
 * Tab completes, and the little layout sums the terminal code needs. Kept
 * free of the VM and the terminal so the unit tests can check each rule. */
#include <string.h>

#include "../grammar/parse.h"
#include "repl.h"

ReplInputKind repl_classify(const char *src, size_t len) {
  /* The parser implements codeop's rule (PARSE_SINGLE sets `incomplete`
   * when more lines could finish the input); only its verdict is wanted,
   * so the tree is dropped with its arena. */
  Arena arena = {0};
  SyntaxErr err;
  memset(&err, 0, sizeof err);
  Node *tree = parse_source(&arena, src, len, PARSE_SINGLE, &err);
  arena_free(&arena);
  if (tree) return REPL_INPUT_COMPLETE;
  return err.incomplete ? REPL_INPUT_INCOMPLETE : REPL_INPUT_ERROR;
}

bool repl_is_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (s[i] != ' ' && s[i] != '\t') return false;
  return true;
}

/* Identifier bytes: ASCII letters, digits, '_' and any byte of a non-ASCII
 * UTF-8 sequence (identifiers may be non-ASCII). */
static bool name_byte(unsigned char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c >= 0x80;
}

size_t repl_word_start(const char *line, size_t cursor) {
  size_t i = cursor;
  while (i > 0 && (name_byte((unsigned char)line[i - 1]) || line[i - 1] == '.')) i--;
  /* "(x).a" or "...": a leading dot belongs to something not a name. */
  while (i < cursor && line[i] == '.') i++;
  return i;
}

size_t repl_common_prefix(char *const *items, size_t n) {
  if (n == 0) return 0;
  size_t len = strlen(items[0]);
  for (size_t k = 1; k < n; k++) {
    size_t i = 0;
    while (i < len && items[k][i] == items[0][i]) i++;
    len = i;
  }
  /* Never end inside a multi-byte character. */
  while (len > 0 && ((unsigned char)items[0][len] & 0xC0) == 0x80) len--;
  return len;
}

const char *const repl_keywords[] = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield",    NULL,
};

const char *repl_keyword_suffix(const char *kw) {
  /* As Python's rlcompleter: a keyword that is a whole statement or a
   * value gets nothing, the block openers without an expression get ':'. */
  static const char *const bare[] = {"False", "None", "True", "break", "continue", "pass", NULL};
  static const char *const colon[] = {"else", "finally", "try", NULL};
  for (int i = 0; bare[i]; i++)
    if (strcmp(kw, bare[i]) == 0) return "";
  for (int i = 0; colon[i]; i++)
    if (strcmp(kw, colon[i]) == 0) return ":";
  return " ";
}

int repl_rows_above(int prompt_cols, int text_cols, int term_cols) {
  if (term_cols <= 0) return 0;
  return (prompt_cols + text_cols) / term_cols;
}

int repl_text_cols(const char *s, size_t n) {
  int cols = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) cols++;
  return cols;
}

const char *repl_split_command(const char *line, char *name, size_t size) {
  const char *p = line;
  while (*p == ' ' || *p == '\t') p++;
  if (*p == ':') p++;
  size_t n = 0;
  while (*p && *p != ' ' && *p != '\t') {
    if (n + 1 < size) name[n++] = *p;
    p++;
  }
  if (size) name[n] = '\0';
  while (*p == ' ' || *p == '\t') p++;
  return p;
}

void repl_print_columns(FILE *out, char *const *items, size_t n, int width) {
  int colw = 0;
  for (size_t i = 0; i < n; i++) {
    int w = repl_text_cols(items[i], strlen(items[i]));
    if (w > colw) colw = w;
  }
  colw += 2;
  int ncols = width > colw ? width / colw : 1;
  size_t nrows = (n + (size_t)ncols - 1) / (size_t)ncols;
  /* Column-major, as ls and readline list them. */
  for (size_t r = 0; r < nrows; r++) {
    for (size_t c = 0; c < (size_t)ncols; c++) {
      size_t i = c * nrows + r;
      if (i >= n) break;
      bool last = c + 1 == (size_t)ncols || i + nrows >= n;
      int pad = last ? 0 : colw - repl_text_cols(items[i], strlen(items[i]));
      fprintf(out, "%s%*s", items[i], pad, "");
    }
    fputc('\n', out);
  }
}
