/* repl_cmd.c — the REPL's `:` commands, which show the event loop as the
 * asyncio docs describe it (ready queue, timers, selector) and every task
 * with what it waits on; and the names Tab completion offers. Everything
 * here reads the loop's structures (vm/loop.h) without changing them,
 * except :step, :iter and :clock, which exist to change them. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../vm/clock.h"
#include "../vm/debug.h"
#include "../vm/loop.h"
#include "cli.h"
#include "repl.h"
#include "trace.h"

typedef struct {
  char *p;
  size_t len, cap;
} Text; /* a growing C string for table cells and descriptions */

static void text_add(Text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void text_add(Text *t, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char tmp[512];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  size_t add = (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1;
  if (t->len + add + 1 > t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 64;
    while (cap < t->len + add + 1) cap *= 2;
    char *np = realloc(t->p, cap);
    if (!np) return;
    t->p = np;
    t->cap = cap;
  }
  memcpy(t->p + t->len, tmp, add);
  t->len += add;
  t->p[t->len] = '\0';
}

static const char *text_str(const Text *t) {
  return t->p ? t->p : "";
}

/* ================================================================ names */

/* Look a dotted name up: globals, then builtins, then attributes.
 * UNDEF (no exception pending) when it does not resolve. */
static Value repl_resolve(ReplSession *s, const char *dotted, size_t len) {
  Value v = UNDEF_VAL;
  size_t i = 0;
  while (i <= len) {
    size_t j = i;
    while (j < len && dotted[j] != '.') j++;
    if (j == i) return UNDEF_VAL;
    ObjString *name = str_intern(dotted + i, j - i);
    if (IS_UNDEF(v)) {
      if (!dict_get_str(s->globals, name, &v) && !dict_get_str(vm.builtins, name, &v))
        return UNDEF_VAL;
    } else {
      gc_push_root(v);
      v = vm_getattr_opt(v, name);
      gc_pop_roots(1);
      if (!IS_UNDEF(vm.exc)) {
        vm.exc = UNDEF_VAL;
        return UNDEF_VAL;
      }
      if (IS_UNDEF(v)) return UNDEF_VAL;
    }
    i = j + 1;
  }
  return v;
}

static bool repl_callable(Value v) {
  Value fn;
  if (!dict_get_str(vm.builtins, str_intern_cstr("callable"), &fn)) return false;
  Value r = vm_call(fn, 1, &v);
  if (IS_UNDEF(r)) {
    vm.exc = UNDEF_VAL;
    return false;
  }
  return IS_BOOL(r) && AS_BOOL(r);
}

/* ================================================================ completion */

typedef struct {
  char **items;
  size_t n, cap;
} Cands;

static void cands_add(Cands *c, const char *a, const char *b, const char *suffix) {
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 64;
    char **ni = realloc(c->items, cap * sizeof(char *));
    if (!ni) return;
    c->items = ni;
    c->cap = cap;
  }
  size_t n = strlen(a) + strlen(b) + strlen(suffix) + 1;
  char *s = malloc(n);
  if (!s) return;
  snprintf(s, n, "%s%s%s", a, b, suffix);
  c->items[c->n++] = s;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort and drop duplicates (a global shadowing a builtin). */
static void cands_finish(Cands *c) {
  if (c->n == 0) return;
  qsort(c->items, c->n, sizeof(char *), cmp_str);
  size_t k = 1;
  for (size_t i = 1; i < c->n; i++) {
    if (strcmp(c->items[i], c->items[k - 1]) == 0)
      free(c->items[i]);
    else
      c->items[k++] = c->items[i];
  }
  c->n = k;
}

static void cands_free(Cands *c) {
  for (size_t i = 0; i < c->n; i++) free(c->items[i]);
  free(c->items);
}

/* As Python's rlcompleter: private names only once the prefix asks. */
static bool shown_for_prefix(const char *name, const char *prefix) {
  if (prefix[0] == '\0') return name[0] != '_';
  if (strcmp(prefix, "_") == 0) return strncmp(name, "__", 2) != 0;
  return true;
}

static void complete_from_dict(Cands *c, ObjDict *d, const char *prefix) {
  size_t plen = strlen(prefix);
  uint32_t pos = 0;
  DictEntry *e;
  while (dict_next(d, &pos, &e)) {
    if (!IS_STR(e->key)) continue;
    const char *name = AS_CSTR(e->key);
    if (strncmp(name, prefix, plen) != 0 || !shown_for_prefix(name, prefix)) continue;
    cands_add(c, name, "", repl_callable(e->value) ? "(" : "");
  }
}

static void complete_global(ReplSession *s, Cands *c, const char *prefix) {
  size_t plen = strlen(prefix);
  for (int i = 0; repl_keywords[i]; i++)
    if (strncmp(repl_keywords[i], prefix, plen) == 0)
      cands_add(c, repl_keywords[i], "", repl_keyword_suffix(repl_keywords[i]));
  complete_from_dict(c, s->globals, prefix);
  complete_from_dict(c, vm.builtins, prefix);
}

/* Attributes of the object base names, through dir() as rlcompleter does. */
static void complete_attr(ReplSession *s, Cands *c, const char *word, size_t dot) {
  Value obj = repl_resolve(s, word, dot);
  if (IS_UNDEF(obj)) return;
  gc_push_root(obj);
  Value dir;
  Value names = UNDEF_VAL;
  if (dict_get_str(vm.builtins, str_intern_cstr("dir"), &dir)) names = vm_call(dir, 1, &obj);
  if (!IS_OBJ_TYPE(names, OBJ_LIST)) {
    vm.exc = UNDEF_VAL;
    gc_pop_roots(1);
    return;
  }
  gc_push_root(names);
  const char *prefix = word + dot + 1;
  size_t plen = strlen(prefix);
  char *base = strndup(word, dot + 1);
  ObjList *l = AS_LIST(names);
  for (uint32_t i = 0; base && i < l->len; i++) {
    if (!IS_STR(l->items[i])) continue;
    const char *name = AS_CSTR(l->items[i]);
    if (strncmp(name, prefix, plen) != 0 || !shown_for_prefix(name, prefix)) continue;
    Value v = vm_getattr_opt(obj, AS_STR(l->items[i]));
    vm.exc = UNDEF_VAL;
    gc_push_root(v);
    cands_add(c, base, name, !IS_UNDEF(v) && repl_callable(v) ? "(" : "");
    gc_pop_roots(1);
  }
  free(base);
  gc_pop_roots(2);
}

static const char *const command_names[] = {":clock ", ":dis ", ":help", ":iter",  ":loop",
                                            ":pause",  ":run",  ":step", ":tasks", ":time",
                                            ":trace ", ":tree", NULL};

void repl_complete(ReplSession *s, const char *text) {
  size_t cursor = strlen(text);
  Cands c = {0};
  size_t start = cursor;
  if (repl_is_blank(text, cursor)) {
    cands_add(&c, "    ", "", ""); /* Tab at the start of a line indents */
  } else if (text[strspn(text, " \t")] == ':' && !strchr(text + strspn(text, " \t"), ' ')) {
    start = strspn(text, " \t");
    for (int i = 0; command_names[i]; i++)
      if (strncmp(command_names[i], text + start, cursor - start) == 0)
        cands_add(&c, command_names[i], "", "");
  } else {
    start = repl_word_start(text, cursor);
    char *word = strdup(text + start);
    char *dot = word ? strrchr(word, '.') : NULL;
    if (dot)
      complete_attr(s, &c, word, (size_t)(dot - word));
    else if (word)
      complete_global(s, &c, word);
    free(word);
    cands_finish(&c);
  }
  repl_term_answer(start, c.items, c.n);
  cands_free(&c);
}

/* ================================================================ describing */

/* The innermost frame of a task's suspended await chain, or NULL. */
static Frame *task_innermost(ObjTask *t) {
  if (!IS_GEN(task_coro(t))) return NULL;
  ObjGen *g = AS_GEN(task_coro(t));
  return g->innermost ? g->innermost : g->frame;
}

static bool library_code(ObjCode *code) {
  return strncmp(code->filename->chars, "asyncio/", 8) == 0;
}

static int frame_line(Frame *f) {
  uint32_t off = (uint32_t)(f->ip - f->code->code);
  const LineEntry *le = code_line_at(f->code, off ? off - 1 : 0);
  return le ? le->line : 0;
}

/* "<stdin>:3 in worker()": the innermost frame written by the user (the
 * REPL's own "<stdin>" included, unlike task_suspended_line, which skips
 * pseudo-files). */
static void describe_where(Text *out, ObjTask *t) {
  Frame *f = task_innermost(t);
  if (!f) return;
  Frame *pick = f;
  for (Frame *k = f; k; k = k->entry == ENTRY_DELEGATE ? k->parent : NULL) {
    if (k->code && !library_code(k->code)) {
      pick = k;
      break;
    }
  }
  const char *name = pick->code->qualname->chars;
  bool module = strcmp(name, "<module>") == 0;
  text_add(out, "%s:%d in %s%s", pick->code->filename->chars, frame_line(pick), name,
           module ? "" : "()");
}

/* The asyncio primitive a task waits in (from the innermost frame's code:
 * "Queue.get", "Lock.acquire", "Event.wait"...), or NULL. */
static const char *waiting_in_primitive(ObjTask *t) {
  Frame *f = task_innermost(t);
  if (!f || !f->code || !library_code(f->code)) return NULL;
  return f->code->qualname->chars;
}

static double timer_deadline(ObjLoop *l, Obj *obj) {
  for (uint32_t i = 0; i < l->ntimers; i++)
    if (l->timers[i].obj == obj) return l->timers[i].when;
  return -1;
}

/* gather's future keeps its children in `_children`: a list, or gather's
 * argument tuple when every argument was a future. Their count goes to *n. */
static const Value *gather_children(ObjFuture *f, uint32_t *n) {
  if (f->obj.aux != FUTK_FUTURE || !f->dict) return NULL;
  Value v;
  if (!dict_get_str(f->dict, str_intern_cstr("_children"), &v)) return NULL;
  if (IS_LIST(v)) {
    *n = AS_LIST(v)->len;
    return AS_LIST(v)->items;
  }
  if (IS_TUPLE(v)) {
    *n = AS_TUPLE(v)->len;
    return AS_TUPLE(v)->items;
  }
  return NULL;
}

/* The TaskGroup whose `async with` the task is exiting (waiting for the
 * group's tasks), as the dict of its tasks; NULL otherwise. */
static ObjDict *taskgroup_tasks(ObjTask *t) {
  Frame *f = task_innermost(t);
  if (!f || !f->code || f->code->nlocals == 0 ||
      strcmp(f->code->qualname->chars, "TaskGroup.__aexit__") != 0)
    return NULL;
  Value group = f->slots[0]; /* self */
  Value tasks;
  if (IS_INSTANCE(group) && AS_INSTANCE(group)->dict &&
      dict_get_str(AS_INSTANCE(group)->dict, str_intern_cstr("_tasks"), &tasks) && IS_DICT(tasks))
    return AS_DICT(tasks);
  return NULL;
}

/* Where a future came from, when the loop recorded it (debug mode). */
static void describe_future_origin(Text *out, ObjFuture *f) {
  if (f->obj.aux == FUTK_FUTURE && f->origin_code)
    text_add(out, " created at %s:%d", f->origin_code->filename->chars, f->origin_line);
}

/* What a task waits on: "sleep(1.0), 0.42 s left", "Task 'worker'",
 * "gather of 3", "Queue.get()", "a Future". */
static void describe_waiter(Text *out, ReplSession *s, ObjTask *t) {
  ObjFuture *w = (ObjFuture *)t->waiter;
  if (!w) return;
  if (w->obj.aux == FUTK_SLEEP) {
    ObjSleep *sl = (ObjSleep *)w;
    text_add(out, "sleep(%g)", sl->delay);
    double when = timer_deadline(s->loop, (Obj *)sl);
    if (when >= 0)
      text_add(out, ", %.2f s left", when - clock_now() > 0 ? when - clock_now() : 0.0);
    return;
  }
  if (w->obj.aux == FUTK_TASK) {
    text_add(out, "Task '%s'", task_name((ObjTask *)w)->chars);
    return;
  }
  uint32_t nkids;
  if (gather_children(w, &nkids)) {
    text_add(out, "gather of %u", nkids);
    return;
  }
  ObjDict *group = taskgroup_tasks(t);
  if (group) {
    text_add(out, "end of its TaskGroup (%u task%s left)", group->len, group->len == 1 ? "" : "s");
    return;
  }
  const char *prim = waiting_in_primitive(t);
  if (prim) {
    text_add(out, "%s()", prim);
    return;
  }
  text_add(out, "a Future");
  describe_future_origin(out, w);
}

static const char *task_state(ObjTask *t) {
  if (t->fut.state == FUT_CANCELLED) return "cancelled";
  if (t->fut.state == FUT_FINISHED) return "done";
  if (IS_OBJ(vm.current_task) && AS_OBJ(vm.current_task) == (Obj *)t) return "running";
  if (t->fut.step_scheduled) return "ready";
  if (t->waiter) return "waiting";
  return "pending";
}

/* A value in a few characters (repr, cut short). */
static void describe_value(Text *out, Value v) {
  ObjString *r = vm_repr(v);
  if (!r) {
    vm.exc = UNDEF_VAL;
    text_add(out, "<%s>", vm_class_name(v));
    return;
  }
  if (r->len > 40)
    text_add(out, "%.37s...", r->chars);
  else
    text_add(out, "%s", r->chars);
}

static void describe_outcome(Text *out, ObjTask *t) {
  if (t->fut.state == FUT_CANCELLED) return;
  if (t->fut.has_exc) {
    ObjString *line = vm_exception_line(t->fut.result);
    if (!line) vm.exc = UNDEF_VAL;
    text_add(out, "raised %s", line ? line->chars : "?");
    return;
  }
  text_add(out, "returned ");
  describe_value(out, t->fut.result);
}

/* The "awaits" cell of :tasks and :tree. */
static void describe_task_detail(Text *out, ReplSession *s, ObjTask *t) {
  if (t->fut.state != FUT_PENDING)
    describe_outcome(out, t);
  else if (t->waiter)
    describe_waiter(out, s, t);
  else if (t->fut.step_scheduled && t->fut.must_cancel)
    text_add(out, "(will be cancelled)");
}

/* ================================================================ task lists */

typedef struct {
  ObjTask **items;
  size_t n, cap;
} TaskList;

static void tasks_add(TaskList *tl, ObjTask *t) {
  for (size_t i = 0; i < tl->n; i++)
    if (tl->items[i] == t) return;
  if (tl->n == tl->cap) {
    size_t cap = tl->cap ? tl->cap * 2 : 16;
    ObjTask **ni = realloc(tl->items, cap * sizeof(ObjTask *));
    if (!ni) return;
    tl->items = ni;
    tl->cap = cap;
  }
  tl->items[tl->n++] = t;
}

static bool is_task(Value v) {
  return IS_OBJ_TYPE(v, OBJ_FUTURE) && AS_OBJ(v)->aux == FUTK_TASK;
}

/* Tasks held by a global: the value itself or an item of a list, tuple,
 * set or dict (so `tasks = [create_task(...) ...]` shows up once done). */
static void tasks_from_value(TaskList *tl, Value v) {
  if (is_task(v)) {
    tasks_add(tl, (ObjTask *)AS_OBJ(v));
  } else if (IS_LIST(v) || IS_TUPLE(v)) {
    uint32_t n = IS_LIST(v) ? AS_LIST(v)->len : AS_TUPLE(v)->len;
    Value *items = IS_LIST(v) ? AS_LIST(v)->items : AS_TUPLE(v)->items;
    for (uint32_t i = 0; i < n; i++)
      if (is_task(items[i])) tasks_add(tl, (ObjTask *)AS_OBJ(items[i]));
  } else if (IS_SET(v)) {
    ObjSet *st = AS_SET(v);
    for (uint32_t i = 0; st->table && i <= st->mask; i++)
      if (is_task(st->table[i].key)) tasks_add(tl, (ObjTask *)AS_OBJ(st->table[i].key));
  } else if (IS_DICT(v)) {
    uint32_t pos = 0;
    DictEntry *e;
    while (dict_next(AS_DICT(v), &pos, &e)) {
      if (is_task(e->key)) tasks_add(tl, (ObjTask *)AS_OBJ(e->key));
      if (is_task(e->value)) tasks_add(tl, (ObjTask *)AS_OBJ(e->value));
    }
  }
}

static int cmp_task_id(const void *a, const void *b) {
  uint32_t x = (*(ObjTask *const *)a)->id, y = (*(ObjTask *const *)b)->id;
  return x < y ? -1 : x > y;
}

/* Pending tasks of the loop plus finished ones the globals hold, in
 * creation order. */
static TaskList repl_all_tasks(ReplSession *s) {
  TaskList tl = {0};
  for (uint32_t i = 0; i < s->loop->ntasks; i++) tasks_add(&tl, s->loop->tasks[i]);
  uint32_t pos = 0;
  DictEntry *e;
  while (dict_next(s->globals, &pos, &e)) tasks_from_value(&tl, e->value);
  if (tl.n > 1) qsort(tl.items, tl.n, sizeof(ObjTask *), cmp_task_id);
  return tl;
}

/* The global that names a task, if any ("t" for `t = create_task(...)`). */
static const char *global_name_of(ReplSession *s, ObjTask *t) {
  uint32_t pos = 0;
  DictEntry *e;
  while (dict_next(s->globals, &pos, &e))
    if (IS_OBJ(e->value) && AS_OBJ(e->value) == (Obj *)t && IS_STR(e->key)) return AS_CSTR(e->key);
  return NULL;
}

/* ================================================================ :tasks */

enum { COL_NAME, COL_STATE, COL_AWAITS, COL_WHERE, NCOLS };

static void print_table(Text (*rows)[NCOLS], size_t n) {
  static const char *const heads[NCOLS] = {"task", "state", "awaits", "where"};
  int w[NCOLS];
  for (int c = 0; c < NCOLS; c++) w[c] = repl_text_cols(heads[c], strlen(heads[c]));
  for (size_t r = 0; r < n; r++)
    for (int c = 0; c < NCOLS; c++) {
      int cw = repl_text_cols(text_str(&rows[r][c]), rows[r][c].len);
      if (cw > w[c]) w[c] = cw;
    }
  for (int c = 0; c < NCOLS; c++)
    printf("%-*s%s", c + 1 < NCOLS ? w[c] : 0, heads[c], c + 1 < NCOLS ? "  " : "\n");
  for (size_t r = 0; r < n; r++)
    for (int c = 0; c < NCOLS; c++) {
      const char *cell = text_str(&rows[r][c]);
      int pad = c + 1 < NCOLS ? w[c] - repl_text_cols(cell, rows[r][c].len) : 0;
      printf("%s%*s%s", cell, pad, "", c + 1 < NCOLS ? "  " : "\n");
    }
}

static void cmd_tasks(ReplSession *s, const char *arg) {
  (void)arg;
  TaskList tl = repl_all_tasks(s);
  if (tl.n == 0) {
    puts("no tasks (create one with asyncio.create_task(coro()))");
    free(tl.items);
    return;
  }
  Text(*rows)[NCOLS] = calloc(tl.n, sizeof *rows);
  if (!rows) {
    free(tl.items);
    return;
  }
  for (size_t i = 0; i < tl.n; i++) {
    ObjTask *t = tl.items[i];
    const char *var = global_name_of(s, t);
    text_add(&rows[i][COL_NAME], "%s", task_name(t)->chars);
    if (var) text_add(&rows[i][COL_NAME], " (%s)", var);
    text_add(&rows[i][COL_STATE], "%s", task_state(t));
    describe_task_detail(&rows[i][COL_AWAITS], s, t);
    if (t->fut.state == FUT_PENDING) describe_where(&rows[i][COL_WHERE], t);
  }
  print_table(rows, tl.n);
  for (size_t i = 0; i < tl.n; i++)
    for (int c = 0; c < NCOLS; c++) free(rows[i][c].p);
  free(rows);
  free(tl.items);
}

/* ================================================================ :loop */

/* A callable's name for listings: "f()", "Obj.method()", "print()". */
static void describe_callable(Text *out, Value fn) {
  if (IS_FUNCTION(fn))
    text_add(out, "%s()", AS_FUNCTION(fn)->qualname->chars);
  else if (IS_NATIVE(fn))
    text_add(out, "%s()", AS_NATIVE(fn)->name);
  else if (IS_OBJ_TYPE(fn, OBJ_BOUND))
    describe_callable(out, AS_BOUND(fn)->func);
  else if (is_task(fn))
    text_add(out, "wake Task '%s'", task_name((ObjTask *)AS_OBJ(fn))->chars);
  else
    describe_value(out, fn);
}

static void describe_ready(Text *out, ReplSession *s, const ReadyItem *it) {
  switch (ready_kind(it)) {
  case READY_HANDLE: {
    ObjHandle *h = (ObjHandle *)AS_OBJ(ready_a(it));
    text_add(out, "call_soon: ");
    describe_callable(out, h->callback);
    if (h->cancelled) text_add(out, " (cancelled: skipped)");
    break;
  }
  case READY_CALLBACK:
    if (IS_OBJ(ready_a(it)) && AS_OBJ(ready_a(it)) == AS_OBJ(s->watch_cb)) {
      text_add(out, "fd callback: a line typed at the prompt");
    } else {
      text_add(out, IS_UNDEF(ready_b(it)) ? "fd callback: " : "done-callback: ");
      describe_callable(out, ready_a(it));
    }
    break;
  case READY_STEP: {
    ObjTask *t = (ObjTask *)AS_OBJ(ready_a(it));
    text_add(out, "step of Task '%s'", task_name(t)->chars);
    if (!IS_UNDEF(ready_b(it))) text_add(out, ", throwing %s", vm_class_name(ready_b(it)));
    if (IS_GEN(task_coro(t)) && AS_GEN(task_coro(t))->state == GEN_CREATED) {
      text_add(out, " (its first: starts %s())", GEN_QUALNAME(AS_GEN(task_coro(t)))->chars);
      break;
    }
    Text where = {0};
    describe_where(&where, t);
    if (where.len) text_add(out, " (resumes at %s)", where.p);
    free(where.p);
    break;
  }
  case READY_SLEEP_DONE: {
    ObjSleep *sl = (ObjSleep *)AS_OBJ(ready_a(it));
    text_add(out, "sleep(%g) of Task '%s' is over: queue its wake-up", sl->delay,
             task_name((ObjTask *)AS_OBJ(ready_b(it)))->chars);
    break;
  }
  }
}

static bool timer_live(const TimerItem *t) {
  if (t->obj->type == OBJ_HANDLE) return !((ObjHandle *)t->obj)->cancelled;
  ObjSleep *sl = (ObjSleep *)t->obj;
  return sl->fut.state == FUT_PENDING && sl->task;
}

static void describe_timer(Text *out, const TimerItem *t) {
  if (t->obj->type == OBJ_HANDLE) {
    text_add(out, "call_later: ");
    describe_callable(out, ((ObjHandle *)t->obj)->callback);
    return;
  }
  ObjSleep *sl = (ObjSleep *)t->obj;
  text_add(out, "sleep(%g) of Task '%s'", sl->delay, task_name(sl->task)->chars);
  Text where = {0};
  describe_where(&where, sl->task);
  if (where.len) text_add(out, " at %s", where.p);
  free(where.p);
}

static int cmp_timer(const void *a, const void *b) {
  const TimerItem *x = a, *y = b;
  if (x->when != y->when) return x->when < y->when ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void print_ready(ReplSession *s) {
  ObjLoop *l = s->loop;
  if (l->rcount == 0)
    puts("ready: empty");
  else
    printf("ready (%u), run in this order at the next iteration:\n", l->rcount);
  for (uint32_t i = 0; i < l->rcount; i++) {
    Text d = {0};
    describe_ready(&d, s, &l->ready[(l->rhead + i) % l->rcap]);
    printf("  %u. %s\n", i + 1, text_str(&d));
    free(d.p);
  }
}

static void print_timers(ObjLoop *l) {
  TimerItem *sorted = malloc((l->ntimers ? l->ntimers : 1) * sizeof(TimerItem));
  if (!sorted) return;
  uint32_t n = 0;
  for (uint32_t i = 0; i < l->ntimers; i++)
    if (timer_live(&l->timers[i])) sorted[n++] = l->timers[i];
  qsort(sorted, n, sizeof(TimerItem), cmp_timer);
  if (n == 0)
    puts("timers: none");
  else
    printf("timers (%u), soonest first:\n", n);
  double now = clock_now();
  for (uint32_t i = 0; i < n; i++) {
    Text d = {0};
    describe_timer(&d, &sorted[i]);
    printf("  in %7.3f s  %s\n", sorted[i].when - now, text_str(&d));
    free(d.p);
  }
  free(sorted);
}

static void print_watches(ReplSession *s) {
  ObjLoop *l = s->loop;
  /* The prompt's pipe is watched only while the prompt waits (and the loop
   * runs then); show it, since that is where the loop spends its time
   * between inputs. */
  uint32_t n = l->nwatches + (s->paused ? 0 : 1);
  printf("selector: %u fd%s watched\n", n, n == 1 ? "" : "s");
  if (!s->paused)
    printf("  fd %d read   lines typed at the prompt (sent by the reader thread)\n",
           repl_term_fd());
  for (uint32_t i = 0; i < l->nwatches; i++) {
    Text d = {0};
    describe_callable(&d, l->watches[i].callback);
    printf("  fd %d %s  %s\n", l->watches[i].fd, l->watches[i].write ? "write" : "read ",
           text_str(&d));
    free(d.p);
  }
}

static void cmd_loop(ReplSession *s, const char *arg) {
  (void)arg;
  ObjLoop *l = s->loop;
  loop_has_work(l); /* drops cancelled timers from the top, as an iteration would */
  printf("event loop: iteration %llu, %s clock, time %.3f; %s\n", (unsigned long long)l->iteration,
         clock_is_virtual() ? "virtual" : "real", clock_now(),
         s->paused ? "paused at the prompt (:run resumes)" : "runs while the prompt waits");
  print_ready(s);
  print_timers(l);
  print_watches(s);
}

/* ================================================================ :tree */

typedef struct {
  ObjTask **seen;
  size_t n, cap;
} Seen;

static bool seen_add(Seen *sn, ObjTask *t) {
  for (size_t i = 0; i < sn->n; i++)
    if (sn->seen[i] == t) return false;
  if (sn->n == sn->cap) {
    size_t cap = sn->cap ? sn->cap * 2 : 16;
    ObjTask **ns = realloc(sn->seen, cap * sizeof(ObjTask *));
    if (!ns) return false;
    sn->seen = ns;
    sn->cap = cap;
  }
  sn->seen[sn->n++] = t;
  return true;
}

/* The futures a task waits for, one level down: the task it awaits, the
 * children of a gather, the tasks of the TaskGroup it is exiting. */
static ObjList *tree_children(ObjTask *t) {
  ObjFuture *w = (ObjFuture *)t->waiter;
  ObjList *kids = list_new(0, NULL);
  gc_push_root(OBJ_VAL(kids));
  if (w && w->obj.aux == FUTK_TASK) list_append(kids, OBJ_VAL(w));
  uint32_t ng = 0;
  const Value *g = w ? gather_children(w, &ng) : NULL;
  /* g points into a list or tuple that the waiter keeps alive while
   * list_append allocates. */
  for (uint32_t i = 0; g && i < ng; i++) list_append(kids, g[i]);
  ObjDict *group = taskgroup_tasks(t);
  uint32_t pos = 0;
  DictEntry *e;
  while (group && dict_next(group, &pos, &e)) list_append(kids, e->key);
  gc_pop_roots(1);
  return kids;
}

static void tree_line(ReplSession *s, ObjTask *t, const char *prefix, const char *branch) {
  Text d = {0}, where = {0};
  describe_task_detail(&d, s, t);
  if (t->fut.state == FUT_PENDING) describe_where(&where, t);
  printf("%s%sTask '%s' %s", prefix, branch, task_name(t)->chars, task_state(t));
  if (d.len) printf(": %s", d.p);
  if (where.len) printf("  [%s]", where.p);
  putchar('\n');
  free(d.p);
  free(where.p);
}

static void tree_node(ReplSession *s, Seen *sn, ObjTask *t, const char *prefix, bool last,
                      bool root);

static void tree_kids(ReplSession *s, Seen *sn, ObjTask *t, const char *prefix) {
  ObjList *kids = tree_children(t);
  gc_push_root(OBJ_VAL(kids));
  for (uint32_t i = 0; i < kids->len; i++) {
    bool last = i + 1 == kids->len;
    Value k = kids->items[i];
    if (is_task(k)) {
      tree_node(s, sn, (ObjTask *)AS_OBJ(k), prefix, last, false);
    } else if (IS_OBJ_TYPE(k, OBJ_FUTURE)) {
      ObjFuture *f = (ObjFuture *)AS_OBJ(k);
      printf("%s%sFuture %s\n", prefix, last ? "└─ " : "├─ ",
             f->state == FUT_PENDING     ? "pending"
             : f->state == FUT_CANCELLED ? "cancelled"
                                         : "done");
    }
  }
  gc_pop_roots(1);
}

static void tree_node(ReplSession *s, Seen *sn, ObjTask *t, const char *prefix, bool last,
                      bool root) {
  const char *branch = root ? "" : last ? "└─ " : "├─ ";
  if (!seen_add(sn, t)) {
    printf("%s%sTask '%s' (shown above)\n", prefix, branch, task_name(t)->chars);
    return;
  }
  tree_line(s, t, prefix, branch);
  char next[256];
  snprintf(next, sizeof next, "%s%s", prefix, root ? "" : last ? "   " : "│  ");
  tree_kids(s, sn, t, next);
}

/* Whether some pending task waits on t (then t is drawn under it). */
static bool awaited_by_other(ReplSession *s, ObjTask *t) {
  for (uint32_t i = 0; i < s->loop->ntasks; i++) {
    ObjTask *o = s->loop->tasks[i];
    if (o == t) continue;
    ObjList *kids = tree_children(o);
    for (uint32_t k = 0; k < kids->len; k++)
      if (IS_OBJ(kids->items[k]) && AS_OBJ(kids->items[k]) == (Obj *)t) return true;
  }
  return false;
}

static void cmd_tree(ReplSession *s, const char *arg) {
  (void)arg;
  TaskList tl = {0};
  for (uint32_t i = 0; i < s->loop->ntasks; i++) tasks_add(&tl, s->loop->tasks[i]);
  if (tl.n > 1) qsort(tl.items, tl.n, sizeof(ObjTask *), cmp_task_id);
  if (tl.n == 0) puts("no pending tasks");
  Seen sn = {0};
  for (size_t i = 0; i < tl.n; i++)
    if (!awaited_by_other(s, tl.items[i])) tree_node(s, &sn, tl.items[i], "", true, true);
  /* Cycles (a waits on b waits on a) have no root: draw what is left. */
  for (size_t i = 0; i < tl.n; i++) {
    bool drawn = false;
    for (size_t k = 0; k < sn.n; k++) drawn |= sn.seen[k] == tl.items[i];
    if (!drawn) tree_node(s, &sn, tl.items[i], "", true, true);
  }
  free(sn.seen);
  free(tl.items);
}

static void cmd_pause(ReplSession *s, const char *arg) {
  (void)arg;
  s->paused = true;
  puts("the loop is paused while the prompt waits: what is ready (and timers that come\n"
       "due) waits for :step, :iter or :run. Awaiting at the prompt still runs the loop.");
}

static void cmd_run(ReplSession *s, const char *arg) {
  (void)arg;
  s->paused = false;
  puts("the loop runs again while the prompt waits");
}

/* Stepping by hand only makes sense if the prompt does not run the loop. */
static void pause_for_stepping(ReplSession *s) {
  if (s->paused) return;
  s->paused = true;
  puts("(the loop is paused at the prompt now, so you can go on stepping; :run resumes it)");
}

/* ================================================================ :step, :iter */

static void print_summary(ReplSession *s) {
  ObjLoop *l = s->loop;
  uint32_t ready = 0, waiting = 0;
  for (uint32_t i = 0; i < l->ntasks; i++) {
    if (l->tasks[i]->fut.step_scheduled)
      ready++;
    else if (l->tasks[i]->waiter)
      waiting++;
  }
  uint32_t timers = 0;
  for (uint32_t i = 0; i < l->ntimers; i++) timers += timer_live(&l->timers[i]);
  printf("now: %u in ready, %u timer%s; %u pending task%s (%u ready, %u waiting)\n", l->rcount,
         timers, timers == 1 ? "" : "s", l->ntasks, l->ntasks == 1 ? "" : "s", ready, waiting);
}

/* Report an exception a step let out (KeyboardInterrupt, SystemExit). */
static void report_escaped(void) {
  Value e = vm_take_exc();
  if (!IS_UNDEF(e)) cli_report_exception(e);
}

static void next_timer_note(ObjLoop *l) {
  if (l->ntimers > 0)
    printf("nothing is ready; the next timer is due in %.3f s (:iter waits for it)\n",
           l->timers[0].when - clock_now());
  else
    puts("nothing is ready and no timer is pending");
}

/* What the step did to a task: where it stopped, or how it ended. */
static void report_task_after(ReplSession *s, ObjTask *t) {
  Text d = {0}, where = {0};
  describe_task_detail(&d, s, t);
  printf("  → Task '%s' is now %s", task_name(t)->chars, task_state(t));
  if (d.len) printf(": %s", d.p);
  if (t->fut.state == FUT_PENDING) describe_where(&where, t);
  if (where.len) printf("  [%s]", where.p);
  putchar('\n');
  free(d.p);
  free(where.p);
}

static void cmd_step(ReplSession *s, const char *arg) {
  (void)arg;
  ObjLoop *l = s->loop;
  pause_for_stepping(s);
  loop_has_work(l);
  Text d = {0};
  ObjTask *stepped = NULL;
  if (l->rcount > 0) {
    ReadyItem *it = &l->ready[l->rhead];
    describe_ready(&d, s, it);
    if (ready_kind(it) == READY_STEP) stepped = (ObjTask *)AS_OBJ(ready_a(it));
  } else if (repl_loop_due(l)) {
    text_add(&d, "timer fired: ");
    describe_timer(&d, &l->timers[0]);
  } else {
    next_timer_note(l);
    return;
  }
  printf("step: %s\n", text_str(&d));
  fflush(stdout);
  free(d.p);
  if (stepped) gc_push_root(OBJ_VAL(stepped));
  bool ran;
  if (!loop_run_one(l, &ran)) report_escaped();
  fflush(stdout);
  if (stepped) {
    report_task_after(s, stepped);
    gc_pop_roots(1);
  }
  print_summary(s);
}

/* Sleep until the next timer is due (virtual clock: jump there), so what
 * the iteration will run can be listed before it runs. False on Ctrl-C. */
static bool iter_wait_for_timer(ObjLoop *l) {
  double wait = l->timers[0].when - clock_now();
  if (wait <= 0) return true;
  printf("nothing is ready: the loop sleeps %.3f s until the next timer\n", wait);
  fflush(stdout);
  if (clock_is_virtual()) {
    clock_advance_to(l->timers[0].when);
    return true;
  }
  return clock_sleep(wait);
}

/* List the timers due now, in the order the iteration moves them. */
static uint32_t print_due_timers(ReplSession *s, uint32_t first) {
  ObjLoop *l = s->loop;
  TimerItem *due = malloc((l->ntimers ? l->ntimers : 1) * sizeof(TimerItem));
  if (!due) return 0;
  uint32_t n = 0;
  double end = clock_now() + 1e-9;
  for (uint32_t i = 0; i < l->ntimers; i++)
    if (timer_live(&l->timers[i]) && l->timers[i].when < end) due[n++] = l->timers[i];
  qsort(due, n, sizeof(TimerItem), cmp_timer);
  for (uint32_t i = 0; i < n; i++) {
    Text d = {0};
    describe_timer(&d, &due[i]);
    printf("  %u. timer due: %s\n", first + i, text_str(&d));
    free(d.p);
  }
  free(due);
  return n;
}

static void cmd_iter(ReplSession *s, const char *arg) {
  (void)arg;
  ObjLoop *l = s->loop;
  pause_for_stepping(s);
  if (!loop_has_work(l)) {
    puts("nothing to run: no ready entries, no timers, no watched fds");
    return;
  }
  if (l->rcount == 0 && l->ntimers > 0 && !iter_wait_for_timer(l)) {
    vm.interrupted = 0;
    fputs("KeyboardInterrupt\n", stderr);
    return;
  }
  printf("iteration %llu runs what is ready now, then the timers that are due:\n",
         (unsigned long long)l->iteration + 1);
  for (uint32_t i = 0; i < l->rcount; i++) {
    Text d = {0};
    describe_ready(&d, s, &l->ready[(l->rhead + i) % l->rcap]);
    printf("  %u. %s\n", i + 1, text_str(&d));
    free(d.p);
  }
  uint32_t listed = l->rcount + print_due_timers(s, l->rcount + 1);
  if (listed == 0) puts("  (nothing yet: the loop waits on its watched fds)");
  fflush(stdout);
  if (!loop_run_once(l)) report_escaped();
  fflush(stdout);
  print_summary(s);
}

/* ================================================================ clock */

static void cmd_time(ReplSession *s, const char *arg) {
  (void)s, (void)arg;
  printf("loop.time() = %.6f (%s clock)\n", clock_now(), clock_is_virtual() ? "virtual" : "real");
}

/* Shift every deadline by delta, so timers keep their remaining time when
 * the clock they are measured on changes. */
static void shift_timers(ObjLoop *l, double delta) {
  for (uint32_t i = 0; i < l->ntimers; i++) {
    l->timers[i].when += delta;
    if (l->timers[i].obj->type == OBJ_HANDLE) ((ObjHandle *)l->timers[i].obj)->when += delta;
  }
}

static void cmd_clock(ReplSession *s, const char *arg) {
  bool virt;
  if (strcmp(arg, "virtual") == 0)
    virt = true;
  else if (strcmp(arg, "real") == 0)
    virt = false;
  else {
    printf("the clock is %s (:clock real|virtual to switch)\n",
           clock_is_virtual() ? "virtual" : "real");
    return;
  }
  double before = clock_now();
  clock_set_virtual(virt);
  /* Virtual time goes on from now, rounded up to a whole second so that
   * differences of round deadlines print as round numbers. */
  if (virt) clock_advance_to(ceil(before));
  shift_timers(s->loop, clock_now() - before);
  if (virt)
    puts("virtual clock: time stands still while the prompt waits; awaiting at the prompt\n"
         "(or :iter with nothing ready) jumps straight to the next timer. Timers keep their\n"
         "remaining time.");
  else
    puts("real clock: timers keep their remaining time and fire while the prompt waits.");
}

/* ================================================================ :dis */

static void dis_class(ReplSession *s, ObjClass *c) {
  uint32_t pos = 0;
  DictEntry *e;
  bool any = false;
  while (dict_next(c->dict, &pos, &e)) {
    Value v = e->value;
    if (IS_OBJ_TYPE(v, OBJ_WRAPPER)) continue;
    if (IS_FUNCTION(v)) {
      debug_disassemble(AS_FUNCTION(v)->code, stdout, s->color);
      any = true;
    }
  }
  if (!any) printf("class %s has no methods written in asy\n", c->name->chars);
}

static void cmd_dis(ReplSession *s, const char *arg) {
  if (!*arg) {
    puts("usage: :dis NAME   (a function, method, class or coroutine in this session)");
    return;
  }
  Value v = repl_resolve(s, arg, strlen(arg));
  if (IS_UNDEF(v)) {
    printf("no name '%s' here\n", arg);
    return;
  }
  if (IS_OBJ_TYPE(v, OBJ_BOUND)) v = AS_BOUND(v)->func;
  if (IS_FUNCTION(v))
    debug_disassemble(AS_FUNCTION(v)->code, stdout, s->color);
  else if (IS_OBJ_TYPE(v, OBJ_CODE))
    debug_disassemble(AS_CODE(v), stdout, s->color);
  else if (IS_GEN(v) && AS_GEN(v)->frame)
    debug_disassemble(AS_GEN(v)->frame->code, stdout, s->color);
  else if (is_task(v) && IS_GEN(task_coro((ObjTask *)AS_OBJ(v))) &&
           AS_GEN(task_coro((ObjTask *)AS_OBJ(v)))->frame)
    debug_disassemble(AS_GEN(task_coro((ObjTask *)AS_OBJ(v)))->frame->code, stdout, s->color);
  else if (IS_CLASS(v))
    dis_class(s, AS_CLASS(v));
  else if (IS_NATIVE(v))
    printf("%s is built in (written in C): it has no bytecode\n", arg);
  else
    printf("%s is a %s: nothing to disassemble\n", arg, vm_class_name(v));
}

/* ================================================================ :trace, :help */

static void cmd_trace(ReplSession *s, const char *arg) {
  if (strcmp(arg, "on") == 0) {
    trace_enable(true, s->color && isatty(STDERR_FILENO));
    puts("narrating the loop on stderr, one line per event (:trace off stops)");
  } else if (strcmp(arg, "off") == 0) {
    trace_enable(false, false);
    puts("narration off");
  } else {
    printf("narration is %s (:trace on|off)\n", trace_is_enabled() ? "on" : "off");
  }
}

static void cmd_help(ReplSession *s, const char *arg);

typedef struct {
  const char *name;
  void (*fn)(ReplSession *s, const char *arg);
  const char *args, *help;
} Command;

static const Command commands[] = {
    {"tasks", cmd_tasks, "", "every task: state, what it awaits and where"},
    {"tree", cmd_tree, "", "the await graph: who waits on whom (gather, TaskGroup, tasks)"},
    {"loop", cmd_loop, "", "the loop's ready queue, timers and watched fds"},
    {"pause", cmd_pause, "", "stop running the loop while the prompt waits (to step it)"},
    {"run", cmd_run, "", "run the loop again while the prompt waits (the default)"},
    {"step", cmd_step, "", "run exactly one ready entry and say what it did"},
    {"iter", cmd_iter, "", "run one loop iteration (what is ready now, then due timers)"},
    {"time", cmd_time, "", "the loop clock (loop.time())"},
    {"clock", cmd_clock, "real|virtual", "switch the clock (virtual: instant, reproducible)"},
    {"dis", cmd_dis, "NAME", "bytecode of a function, class or coroutine (await points marked)"},
    {"trace", cmd_trace, "on|off", "narrate the loop as it runs"},
    {"help", cmd_help, "", "this list"},
};

static void cmd_help(ReplSession *s, const char *arg) {
  (void)s, (void)arg;
  puts("Type Python (a 3.11 subset); `await` works at the prompt. Tasks you create keep\n"
       "running while the prompt waits. Commands (at the >>> prompt):");
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
    char head[32];
    snprintf(head, sizeof head, ":%s %s", commands[i].name, commands[i].args);
    printf("  %-20s %s\n", head, commands[i].help);
  }
  puts("Keys: Tab completes names and attributes, Up/Down and Ctrl-R search history\n"
       "(~/.asy_history), Ctrl-C interrupts running code or clears the line,\n"
       "Ctrl-D on an empty line leaves (pending tasks are cancelled).");
}

void repl_command(ReplSession *s, const char *line) {
  char name[32];
  const char *arg = repl_split_command(line, name, sizeof name);
  char *trimmed = strdup(arg);
  if (!trimmed) return;
  size_t n = strlen(trimmed);
  while (n > 0 && (trimmed[n - 1] == ' ' || trimmed[n - 1] == '\t')) trimmed[--n] = '\0';
  bool found = false;
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
    if (strcmp(name, commands[i].name) == 0) {
      commands[i].fn(s, trimmed);
      found = true;
      break;
    }
  }
  if (!found) printf("unknown command ':%s' (:help lists them)\n", name);
  free(trimmed);
}
