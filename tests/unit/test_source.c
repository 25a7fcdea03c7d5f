/* Unit tests for vm/source.c: source_code_len, which trace and debug
 * output use to quote a line without its trailing comment. */
#include <criterion/criterion.h>
#include <string.h>

#include "../../vm/source.h"

/* The code part of line, as a string. */
static const char *code_of(const char *line) {
  static char buf[256];
  size_t n = source_code_len(line, strlen(line));
  memcpy(buf, line, n);
  buf[n] = 0;
  return buf;
}

Test(source, no_comment_is_kept_whole) {
  cr_assert_str_eq(code_of("await asyncio.sleep(1)"), "await asyncio.sleep(1)");
  cr_assert_str_eq(code_of(""), "");
}

Test(source, trailing_comment_and_spaces_go) {
  cr_assert_str_eq(code_of("await asyncio.sleep(1)  # wait a bit"), "await asyncio.sleep(1)");
  cr_assert_str_eq(code_of("x = 1\t#no space"), "x = 1");
  cr_assert_str_eq(code_of("y = 2   "), "y = 2");
}

Test(source, hash_in_a_string_is_not_a_comment) {
  cr_assert_str_eq(code_of("print('#1')  # first"), "print('#1')");
  cr_assert_str_eq(code_of("await q.put(\"a # b\")"), "await q.put(\"a # b\")");
  cr_assert_str_eq(code_of("s = f\"{d['#']}\"  # key"), "s = f\"{d['#']}\"");
}

Test(source, escaped_quotes_and_triple_quotes) {
  cr_assert_str_eq(code_of("s = 'it\\'s # here'  # c"), "s = 'it\\'s # here'");
  cr_assert_str_eq(code_of("s = \"\\\\\"  # a backslash"), "s = \"\\\\\"");
  cr_assert_str_eq(code_of("s = \"\"\"a \" # b\"\"\"  # c"), "s = \"\"\"a \" # b\"\"\"");
  cr_assert_str_eq(code_of("s = '' # empty"), "s = ''");
}

Test(source, a_string_running_past_the_line_keeps_the_rest) {
  cr_assert_str_eq(code_of("s = \"\"\"start # not a comment"), "s = \"\"\"start # not a comment");
}
