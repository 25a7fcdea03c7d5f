/* exc.c — raising exceptions from C, and printing tracebacks the way
 * CPython 3.11 prints them. */
#include <stdarg.h>

#include "ops.h"
#include "source.h"
#include "suggest.h"
#include "../grammar/parse.h"

void vm_set_context(Value exc); /* vm.c */

Value vm_new_exception(ObjClass *cls, int argc, Value *argv) {
  gc_push_range(argv, (size_t)argc);
  ObjInstance *inst = instance_new(cls);
  gc_pop_range();
  if (inst->obj.type != OBJ_EXCEPTION) return OBJ_VAL(inst);
  gc_push_root(OBJ_VAL(inst));
  ObjTuple *args = tuple_new((uint32_t)argc, argv);
  gc_pop_roots(1);
  if (args) ((ObjException *)inst)->args = args;
  return OBJ_VAL(inst);
}

Value vm_raise_value(Value exc) {
  if (IS_CLASS(exc)) {
    exc = vm_call(exc, 0, NULL);
    if (IS_UNDEF(exc)) return UNDEF_VAL;
  }
  vm_set_context(exc);
  vm.exc = exc;
  return UNDEF_VAL;
}

Value vm_raise(ObjClass *cls, const char *fmt, ...) {
  char small[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  Value msg;
  if (n <= 0) {
    /* An empty message means no arguments: KeyboardInterrupt(), StopIteration(). */
    return vm_raise_value(vm_new_exception(cls, 0, NULL));
  }
  if ((size_t)n < sizeof small) {
    msg = OBJ_VAL(str_new(small, (size_t)n));
  } else {
    char *big = malloc((size_t)n + 1);
    if (!big) return vm_raise_value(vm_new_exception(vm.e_MemoryError, 0, NULL));
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    msg = OBJ_VAL(str_new(big, (size_t)n));
    free(big);
  }
  gc_push_root(msg);
  Value e = vm_new_exception(cls, 1, &msg);
  gc_pop_roots(1);
  return vm_raise_value(e);
}

bool vm_exc_matches(ObjClass *cls) {
  return !IS_UNDEF(vm.exc) && vm_isinstance(vm.exc, cls);
}

Value vm_take_exc(void) {
  Value e = vm.exc;
  vm.exc = UNDEF_VAL;
  return e;
}

/* --------------------------------------------------------- printing */

static const char *class_display_name(ObjClass *c, char *buf, size_t size) {
  Value mod;
  if (dict_get_str(c->dict, vm.names[NAME_module], &mod) && IS_STR(mod) &&
      strcmp(AS_CSTR(mod), "__main__") != 0 && strcmp(AS_CSTR(mod), "builtins") != 0) {
    snprintf(buf, size, "%s.%s", AS_CSTR(mod), c->qualname->chars);
    return buf;
  }
  return c->qualname->chars;
}

ObjString *vm_exception_line(Value exc) {
  char name[256];
  ObjClass *cls = vm_class_of(exc);
  const char *cname = class_display_name(cls, name, sizeof name);
  Value saved = vm.exc;
  vm.exc = UNDEF_VAL;
  ObjString *msg = vm_str(exc);
  if (!msg) {
    vm.exc = UNDEF_VAL;
    return str_printf("%s: <exception str() failed>", cname);
  }
  vm.exc = saved;
  if (msg->len == 0) return str_from_cstr(cname);
  gc_push_root(OBJ_VAL(msg));
  ObjString *r = str_printf("%s: %s", cname, msg->chars);
  gc_pop_roots(1);
  return r;
}

const LineEntry *code_line_at(ObjCode *code, uint32_t offset) {
  if (code->nlines == 0) return NULL;
  uint32_t lo = 0, hi = code->nlines;
  while (hi - lo > 1) {
    uint32_t mid = (lo + hi) / 2;
    if (code->lines[mid].offset <= offset)
      lo = mid;
    else
      hi = mid;
  }
  return &code->lines[lo];
}

static bool is_blank(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\f';
}

/* CPython 3.11 marks the operator of a failing binary operation and the
 * brackets of a failing subscript with '^' and the rest with '~'. It finds
 * them by parsing the failing segment again, and so does this. Offsets are
 * bytes into seg; false when the segment is neither kind of expression. */
static bool caret_anchors(const char *seg, size_t n, size_t *left, size_t *right) {
  Arena arena = {0};
  SyntaxErr err;
  Node *mod = parse_source(&arena, seg, n, PARSE_FILE, &err);
  bool found = false;
  if (mod && mod->u.module.body.count == 1 && mod->u.module.body.items[0]->kind == S_EXPR) {
    Node *e = mod->u.module.body.items[0]->u.expr.value;
    if (e->kind == E_BINOP && e->line == e->end_line) {
      size_t to = (size_t)e->u.binop.right->col;
      for (size_t i = (size_t)e->u.binop.left->end_col; i < to && i < n; i++) {
        if (is_blank(seg[i])) continue;
        *left = i;
        *right = i + 1;
        if (i + 1 < to && !is_blank(seg[i + 1]))
          ++*right; /* a two-character operator, as CPython reads it */
        if (i + 1 < to && seg[i] == ')') continue; /* the left operand's closing parenthesis */
        found = true;
        break;
      }
    } else if (e->kind == E_SUBSCRIPT && e->line == e->end_line) {
      size_t l = (size_t)e->u.subscript.value->end_col,
             r = (size_t)e->u.subscript.slice->end_col + 1;
      while (l < n && seg[l] != '[') l++;
      while (r < n && seg[r] != ']') r++;
      if (r < n) r++;
      *left = l;
      *right = r;
      found = true;
    }
  }
  arena_free(&arena);
  return found;
}

/* Print the source line of a traceback entry, and under it the carets
 * CPython 3.11 prints: none when they would span the whole line (unless
 * there are anchors), to the end of the line for a multi-line expression. */
static void print_source(const char *file, const LineEntry *le) {
  size_t len;
  const char *line = source_line(file, le->line, &len);
  if (!line) return;
  size_t lead = 0;
  while (lead < len && (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '\f')) lead++;
  size_t end = len;
  while (end > lead && (is_blank(line[end - 1]) || line[end - 1] == '\r' || line[end - 1] == '\n'))
    end--;
  if (end == lead) return;
  fprintf(stderr, "    %.*s\n", (int)(end - lead), line + lead);
  if (le->end_line < le->line) return;
  size_t c0 = le->col, c1 = le->end_line == le->line ? le->end_col : end;
  if (c1 > end) c1 = end;
  if (c0 < lead || c1 <= c0) return;
  size_t left = 0, right = 0;
  bool anchors = le->end_line == le->line && caret_anchors(line + c0, c1 - c0, &left, &right);
  if (!anchors && c0 == lead && c1 == end) return;
  fputs("    ", stderr);
  for (size_t i = lead; i < c0; i++) {
    if (((unsigned char)line[i] & 0xC0) != 0x80) fputc(' ', stderr);
  }
  for (size_t i = c0; i < c1; i++) {
    if (((unsigned char)line[i] & 0xC0) == 0x80)
      continue; /* one mark per character, not per byte */
    bool secondary = anchors && i - c0 >= left && i - c0 < right;
    fputc(!anchors || secondary ? '^' : '~', stderr);
  }
  fputc('\n', stderr);
}

/* CPython's traceback printer shows the last 1000 entries, and of a run
 * of identical ones (same file, line and function) only the first 3. */
#define TB_LIMIT 1000
#define TB_RECURSIVE_CUTOFF 3

static void print_repeated(uint32_t count) {
  if (count <= TB_RECURSIVE_CUTOFF) return;
  count -= TB_RECURSIVE_CUTOFF;
  fprintf(stderr, "  [Previous line repeated %u more time%s]\n", count, count > 1 ? "s" : "");
}

static void print_tb(ObjException *e) {
  if (e->ntb == 0) return;
  fputs("Traceback (most recent call last):\n", stderr);
  uint32_t first = e->ntb > TB_LIMIT ? TB_LIMIT : e->ntb; /* tb[0] is the innermost */
  const char *last_file = NULL, *last_name = NULL;
  int last_line = -1;
  uint32_t count = 0;
  for (uint32_t k = first; k-- > 0;) {
    ObjCode *code = e->tb[k].code;
    const LineEntry *le = code_line_at(code, e->tb[k].offset);
    int line = le ? le->line : 0;
    const char *file = code->filename->chars, *name = code->name->chars;
    if (!last_file || strcmp(file, last_file) != 0 || line != last_line ||
        strcmp(name, last_name) != 0) {
      print_repeated(count);
      last_file = file, last_line = line, last_name = name;
      count = 0;
    }
    if (++count > TB_RECURSIVE_CUTOFF) continue;
    fprintf(stderr, "  File \"%s\", line %d, in %s\n", source_cpython_path(file), line, name);
    if (le) print_source(file, le);
  }
  print_repeated(count);
}

#define CHAIN_MAX 32

/* The traceback and the "Type: message" line; suggest adds what only
 * sys.excepthook adds in CPython 3.11, "Did you mean" (the traceback
 * module, which asyncio's logging and REPL use, does not). */
static void print_one(Value exc, bool suggest) {
  if (IS_EXCEPTION(exc)) print_tb(AS_EXCEPTION(exc));
  ObjString *line = vm_exception_line(exc);
  fputs(line->chars, stderr);
  /* Looked for after the message is out, as CPython does (dir() may run
   * a __dir__ written in asy). */
  ObjString *hint = suggest ? suggest_for_exception(exc) : NULL;
  if (hint) fprintf(stderr, ". Did you mean: '%s'?", hint->chars);
  fputc('\n', stderr);
}

static void print_chain(Value exc, bool suggest) {
  /* Walk the chain of causes/contexts, then print oldest first. */
  Value chain[CHAIN_MAX];
  int how[CHAIN_MAX]; /* 1: cause, 2: context, of the next one */
  int n = 0;
  Value e = exc;
  while (n < CHAIN_MAX && IS_EXCEPTION(e)) {
    chain[n] = e;
    ObjException *x = AS_EXCEPTION(e);
    Value next = UNDEF_VAL;
    int kind = 0;
    if (IS_EXCEPTION(x->cause)) {
      next = x->cause;
      kind = 1;
    } else if (!x->suppress_context && IS_EXCEPTION(x->context)) {
      next = x->context;
      kind = 2;
    }
    how[n++] = kind;
    bool seen = false;
    for (int i = 0; i < n; i++) seen |= IS_EXCEPTION(next) && value_is(chain[i], next);
    if (!kind || seen) break;
    e = next;
  }
  if (n == 0) {
    print_one(exc, suggest);
    return;
  }
  for (int i = n - 1; i >= 0; i--) {
    print_one(chain[i], suggest);
    if (i > 0) {
      if (how[i - 1] == 1)
        fputs("\nThe above exception was the direct cause of the following exception:\n\n", stderr);
      else
        fputs("\nDuring handling of the above exception, another exception occurred:\n\n", stderr);
    }
  }
}

void vm_print_exception(Value exc) {
  print_chain(exc, false);
}

void vm_print_uncaught(Value exc) {
  print_chain(exc, true);
}

/* A source line stripped and indented, as warnings.formatwarning (2) and
 * the traceback module (4) print it. */
static void print_stripped_line(const char *file, int line, int indent) {
  size_t len;
  const char *text = source_line(file, line, &len);
  if (!text) return;
  while (len && is_blank(*text)) text++, len--;
  while (len && (is_blank(text[len - 1]) || text[len - 1] == '\r')) len--;
  if (len) fprintf(stderr, "%*s%.*s\n", indent, "", (int)len, text);
}

void warn_never_awaited(ObjGen *g);
void warn_never_awaited(ObjGen *g) {
  const char *file = g->origin_code ? g->origin_code->filename->chars : "sys";
  int line = g->origin_code ? (int)g->obj.aux : 1;
  fprintf(stderr, "%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n",
          source_cpython_path(file), line, GEN_QUALNAME(g)->chars);
  bool debug = vm.debug && g->origin_code;
  if (debug) {
    /* Debug mode: where it was made, as CPython's "Coroutine created at". */
    fprintf(stderr, "Coroutine created at (most recent call last)\n  File \"%s\", line %d, in %s\n",
            source_cpython_path(file), line, g->origin_code->name->chars);
    print_stripped_line(file, line, 4);
  }
  if (g->origin_code) print_stripped_line(file, line, 2);
  if (debug)
    fprintf(
        stderr,
        "asy: calling %s() only made a coroutine object; nothing ran. Write `await %s(...)`, or "
        "asyncio.create_task(%s(...)) to run it concurrently.\n",
        gen_name(g), gen_name(g), gen_name(g));
}

void warn_never_awaited_name(const char *name, ObjCode *code, int line);
void warn_never_awaited_name(const char *name, ObjCode *code, int line) {
  fprintf(stderr, "%s:%d: RuntimeWarning: coroutine '%s' was never awaited\n",
          code ? source_cpython_path(code->filename->chars) : "sys", code ? line : 1, name);
  if (code) print_stripped_line(code->filename->chars, line, 2);
}

/* exc.__traceback__: a chain of small `traceback` objects (tb_lineno,
 * tb_next), outermost first, built from the recorded entries. */
Value vm_traceback_of(Value exc) {
  if (!IS_EXCEPTION(exc) || AS_EXCEPTION(exc)->ntb == 0) return NONE_VAL;
  ObjClass *tb_class = vm.t_traceback;
  ObjException *e = AS_EXCEPTION(exc);
  Value next = NONE_VAL;
  for (uint32_t k = 0; k < e->ntb; k++) {
    gc_push_root(next);
    ObjInstance *tb = instance_new(tb_class);
    gc_push_root(OBJ_VAL(tb));
    tb->dict = dict_new();
    const LineEntry *le = code_line_at(e->tb[k].code, e->tb[k].offset);
    dict_set_cstr(tb->dict, "tb_lineno", INT_VAL(le ? le->line : 0));
    dict_set_cstr(tb->dict, "tb_lasti", INT_VAL(e->tb[k].offset));
    dict_set_cstr(tb->dict, "tb_next", next);
    dict_set_cstr(tb->dict, "tb_frame", NONE_VAL);
    gc_pop_roots(2);
    next = OBJ_VAL(tb);
  }
  return next;
}
