/* embedded.h — library modules written in asy, compiled into the binary
 * (generated into the build directory by lib/embed.py from lib/asyncio/).
 * Invariant: entries are in load order; each is run once, on import. */
#ifndef ASY_EMBEDDED_H
#define ASY_EMBEDDED_H

typedef struct {
  const char *name; /* e.g. "asyncio/tasks.asy", shown in tracebacks */
  const char *text;
} EmbeddedSource;

extern const EmbeddedSource asy_embedded_sources[];
extern const int asy_embedded_count;

#endif
