/* source.h — the source text of every compiled file, for traceback lines
 * (CPython's linecache).
 *
 * Invariants: registered texts are copied and live until source_free_all;
 * files never registered are read from disk on first use, as linecache
 * does; "<string>" and "<stdin>" have no lines to show.
 */
#ifndef ASY_SOURCE_H
#define ASY_SOURCE_H

#include <stddef.h>

/* Remember the text of a file (a later registration replaces it). */
void source_register(const char *filename, const char *text, size_t len);
/* Line lineno (1-based) of filename, without its newline; NULL if unknown. */
const char *source_line(const char *filename, int lineno, size_t *len);
/* Name filename as the script run from the command line; CPython shows
 * such a script by its absolute path (__file__, tracebacks, warnings, reprs). */
void source_set_main(const char *filename);
/* filename as CPython would show it: the main script's absolute path, any
 * other name unchanged. asy's own tools keep the name as typed. */
const char *source_cpython_path(const char *filename);
/* The length of a line's code: without a trailing `# comment` (a `#`
 * inside a string literal on the line is not one) nor the spaces before
 * it. For quoting a line in a sentence; tracebacks show lines whole. */
size_t source_code_len(const char *text, size_t len);
/* Forget every registered text. */
void source_free_all(void);

#endif
