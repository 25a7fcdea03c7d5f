/* lint.h — compile-time advice for debug mode: calls that block the event
 * loop (time.sleep, input) written inside `async def`.
 *
 * Invariants:
 * - Lint only reads the tree and the source text and writes warnings; it
 *   never changes what is compiled or run.
 * - A call is reported only where it runs on the loop: in the body of an
 *   async def, not in a plain def or lambda nested in it (those may well
 *   be sent to a thread with asyncio.to_thread or run_in_executor).
 * - Names are resolved from the module's imports as written (`import time`,
 *   `import time as t`, `from time import sleep [as s]`); nothing is
 *   evaluated.
 */
#ifndef ASY_LINT_H
#define ASY_LINT_H

#include <stdio.h>

#include "ast.h"

/* Write one warning per blocking call inside async def in tree (parsed from
 * src, of len bytes, named filename) to out; returns how many. */
int lint_blocking_calls(const Node *tree, const char *filename, const char *src, size_t len,
                        FILE *out);

#endif
