/* lint.c — debug mode's compile-time warning for blocking calls inside
 * async def (teaching point 5: time.sleep in a coroutine freezes every
 * task). See lint.h. */
#include "lint.h"

#include <string.h>

enum { MAX_ALIASES = 32, MAX_DEPTH = 2000 };

typedef struct {
  const char *time_modules[MAX_ALIASES]; /* names bound to the time module */
  int nmodules;
  const char *sleep_names[MAX_ALIASES]; /* names bound to time.sleep */
  int nsleeps;
  const char *filename, *src;
  size_t len;
  FILE *out;
  int count;
} Lint;

typedef struct {
  Lint *lint;
  const char *coroutine; /* name of the enclosing async def, NULL if none */
  const Node *awaited;   /* the call directly under an await, if any */
  int depth;
} Walk;

static bool in_list(const char *const *names, int n, const char *name) {
  for (int i = 0; i < n; i++)
    if (strcmp(names[i], name) == 0) return true;
  return false;
}

static void add_name(const char **names, int *n, const char *name) {
  if (*n < MAX_ALIASES && !in_list(names, *n, name)) names[(*n)++] = name;
}

/* ------------------------------------------------------------ imports */

static void note_import(Lint *l, const Node *imp) {
  for (int i = 0; i < imp->u.import.names.count; i++) {
    const Node *a = imp->u.import.names.items[i];
    if (strcmp(a->u.alias.name, "time") == 0)
      add_name(l->time_modules, &l->nmodules, a->u.alias.asname ? a->u.alias.asname : "time");
  }
}

static void note_import_from(Lint *l, const Node *imp) {
  if (!imp->u.import.module || strcmp(imp->u.import.module, "time") != 0 || imp->u.import.level)
    return;
  for (int i = 0; i < imp->u.import.names.count; i++) {
    const Node *a = imp->u.import.names.items[i];
    if (strcmp(a->u.alias.name, "sleep") == 0)
      add_name(l->sleep_names, &l->nsleeps, a->u.alias.asname ? a->u.alias.asname : "sleep");
  }
}

typedef struct {
  Lint *lint;
  int depth;
} ImportWalk;

static void find_imports(Node *n, void *data) {
  ImportWalk *w = data;
  if (w->depth > MAX_DEPTH) return;
  if (n->kind == S_IMPORT)
    note_import(w->lint, n);
  else if (n->kind == S_IMPORTFROM)
    note_import_from(w->lint, n);
  w->depth++;
  ast_children(n, find_imports, w);
  w->depth--;
}

/* ------------------------------------------------------------ calls */

typedef enum { CALL_OTHER, CALL_TIME_SLEEP, CALL_INPUT } CallKind;

static CallKind call_kind(const Lint *l, const Node *call) {
  const Node *f = call->u.call.func;
  if (f->kind == E_ATTRIBUTE && f->u.attribute.value->kind == E_NAME &&
      strcmp(f->u.attribute.attr, "sleep") == 0 &&
      in_list(l->time_modules, l->nmodules, f->u.attribute.value->u.name.id))
    return CALL_TIME_SLEEP;
  if (f->kind == E_NAME && in_list(l->sleep_names, l->nsleeps, f->u.name.id))
    return CALL_TIME_SLEEP;
  if (f->kind == E_NAME && strcmp(f->u.name.id, "input") == 0) return CALL_INPUT;
  return CALL_OTHER;
}

/* Line `line` of the source (1-based), without its newline. */
static const char *source_line_of(const Lint *l, int line, size_t *n) {
  const char *p = l->src, *end = l->src + l->len;
  for (int i = 1; i < line && p < end; i++) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) return NULL;
    p = nl + 1;
  }
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  *n = nl ? (size_t)(nl - p) : (size_t)(end - p);
  return p;
}

/* The call's own text when it fits on one line, e.g. `time.sleep(0.5)`. */
static bool call_text(const Lint *l, const Node *call, const char **text, int *n) {
  size_t len;
  const char *line = source_line_of(l, call->line, &len);
  if (!line || call->end_line != call->line || call->end_col > (int)len ||
      call->col >= call->end_col)
    return false;
  *text = line + call->col;
  *n = call->end_col - call->col;
  return true;
}

static void show_line(const Lint *l, int lineno) {
  size_t len;
  const char *line = source_line_of(l, lineno, &len);
  if (!line) return;
  while (len && (*line == ' ' || *line == '\t')) line++, len--;
  fprintf(l->out, "    %.*s\n", (int)len, line);
}

static void warn_sleep(Lint *l, const Node *call, const Walk *w) {
  const char *text;
  int n;
  bool have = call_text(l, call, &text, &n);
  const char *paren = have ? memchr(text, '(', (size_t)n) : NULL;
  fprintf(l->out,
          "%s:%d: asy debug: %.*s inside async def %s() blocks the whole event loop: no other task "
          "runs until it returns\n",
          l->filename, call->line, have ? n : 12, have ? text : "time.sleep()", w->coroutine);
  show_line(l, call->line);
  if (w->awaited == call)
    fputs("    and `await time.sleep(...)` fails after the wait: time.sleep returns None, which "
          "cannot be awaited\n",
          l->out);
  if (paren)
    fprintf(l->out, "    fix: await asyncio.sleep%.*s\n", n - (int)(paren - text), paren);
  else
    fputs("    fix: await asyncio.sleep(...)\n", l->out);
}

static void warn_input(Lint *l, const Node *call, const Walk *w) {
  fprintf(l->out,
          "%s:%d: asy debug: input() inside async def %s() blocks the whole event loop while it "
          "waits for a line\n",
          l->filename, call->line, w->coroutine);
  show_line(l, call->line);
  fputs("    fix: line = await asyncio.to_thread(input, ...)\n", l->out);
}

/* ------------------------------------------------------------ walking */

static void walk(Node *n, void *data);

static void walk_body(const NodeList *body, Walk *outer, const char *coroutine) {
  Walk w = {outer->lint, coroutine, NULL, outer->depth + 1};
  for (int i = 0; i < body->count; i++) walk(body->items[i], &w);
}

static void walk(Node *n, void *data) {
  Walk *w = data;
  if (w->depth > MAX_DEPTH) return;
  switch (n->kind) {
  case S_FUNCDEF: /* a plain def inside async def runs wherever it is called: not reported */
    walk_body(&n->u.funcdef.body, w, n->u.funcdef.is_async ? n->u.funcdef.name : NULL);
    return;
  case S_CLASSDEF: walk_body(&n->u.classdef.body, w, NULL); return;
  case E_LAMBDA: return;
  case E_AWAIT:
    if (n->u.unary.value && n->u.unary.value->kind == E_CALL) w->awaited = n->u.unary.value;
    break;
  case E_CALL:
    if (w->coroutine) {
      CallKind k = call_kind(w->lint, n);
      if (k != CALL_OTHER) w->lint->count++;
      if (k == CALL_TIME_SLEEP)
        warn_sleep(w->lint, n, w);
      else if (k == CALL_INPUT)
        warn_input(w->lint, n, w);
    }
    break;
  default: break;
  }
  w->depth++;
  ast_children(n, walk, w);
  w->depth--;
}

int lint_blocking_calls(const Node *tree, const char *filename, const char *src, size_t len,
                        FILE *out) {
  Lint l = {0};
  l.filename = filename;
  l.src = src;
  l.len = len;
  l.out = out;
  ImportWalk iw = {&l, 0};
  ast_children(tree, find_imports, &iw);
  Walk w = {&l, NULL, NULL, 0};
  ast_children(tree, walk, &w);
  return l.count;
}
