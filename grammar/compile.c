/* compile.c — code generation from the AST, using scope.c's resolution. */
#include "compile.h"

#include <math.h>
#include <stdarg.h>

#include "../vm/source.h"
#include "lint.h"
#include "scope.h"

#define MAX_U16 0xFFFF
#define BUILD_CHUNK 256 /* displays longer than this are built incrementally */

/* --------------------------------------------------------- structures */

typedef enum {
  FB_WHILE,
  FB_FOR,
  FB_ASYNC_FOR,
  FB_TRY_EXCEPT,
  FB_FINALLY_TRY,
  FB_FINALLY_END,
  FB_HANDLER,
  FB_HANDLER_NAMED,
  FB_WITH,
  FB_ASYNC_WITH,
} FBlockKind;

typedef struct {
  FBlockKind kind;
  int cont_label;  /* loops: where continue goes */
  int break_label; /* loops: where break goes */
  int region;      /* index of the exception region this block owns, -1 none */
  NodeList *finalbody;
  const char *name; /* named except handler */
} FBlock;

/* An exception region: segments [start, end) routed to a label. */
typedef struct {
  uint32_t seg_start;
  int target_label;
  uint32_t depth;
  bool open;
} Region;

typedef struct {
  uint32_t start, end;
  int label;
  uint32_t depth;
} PendingHandler;

typedef struct {
  uint32_t at; /* offset of the 4-byte operand */
  int label;
} Patch;

typedef struct Unit {
  struct Unit *parent;
  Scope *scope;
  uint8_t *code;
  uint32_t count, cap;
  Value *consts;
  uint32_t nconsts, capconsts;
  int32_t *const_index; /* hash of constants → index, -1 empty */
  uint32_t const_index_cap;
  ObjString **names;
  uint32_t nnames, capnames;
  LineEntry *lines;
  uint32_t nlines, caplines;
  uint32_t *labels;
  int nlabels, caplabels;
  Patch *patches;
  int npatches, cappatches;
  Region *regions;
  int nregions, capregions;
  PendingHandler *handlers;
  int nhandlers, caphandlers;
  FBlock fblocks[64];
  int nfblocks;
  int extra_depth;  /* values kept under the stack of inlined cleanups */
  Node *loc;        /* node whose position new instructions get */
  uint32_t last_at; /* offset of the last instruction emitted (superinstruction fusing) */
  uint32_t barrier; /* a label or handler region starts here: nothing fuses across it */
  uint32_t flags;
  ObjString *doc;
} Unit;

typedef struct {
  ScopeTable scopes;
  Arena *arena;
  Unit *unit;
  const char *filename;
  ObjString *filename_str;
  SyntaxErr *err;
  bool failed;
  CompileMode mode;
  int depth;
  ObjList *frozensets; /* frozenset constants so far: CPython shares equal ones module-wide */
} Compiler;

#define COMPILE_MAX_DEPTH 400

static Compiler *active; /* for the GC marker */

/* --------------------------------------------------------- errors */

static void error_at(Compiler *c, Node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void error_at(Compiler *c, Node *n, const char *fmt, ...) {
  if (c->failed) return;
  c->failed = true;
  c->err->kind = "SyntaxError";
  c->err->line = n ? n->line : 1;
  c->err->col = n ? n->col : 0;
  c->err->end_line = n ? n->end_line : 1;
  c->err->end_col = n ? n->end_col : 0;
  c->err->incomplete = false;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(c->err->msg, sizeof c->err->msg, fmt, ap);
  va_end(ap);
}

/* ---------------------------------------------------------- emitting */

static void *grow(void *p, uint32_t *cap, uint32_t need, size_t elem) {
  if (need <= *cap) return p;
  uint32_t n = *cap ? *cap : 16;
  while (n < need) n *= 2;
  void *q = gc_xrealloc(p, *cap * elem, n * elem);
  *cap = n;
  return q;
}

static void add_line(Compiler *c, Unit *u) {
  Node *n = u->loc;
  if (!n) return;
  if (u->nlines > 0) {
    LineEntry *last = &u->lines[u->nlines - 1];
    if (last->line == n->line && last->col == n->col && last->end_line == n->end_line &&
        last->end_col == n->end_col)
      return;
    if (last->offset == u->count) {
      u->nlines--;
    }
  }
  u->lines = grow(u->lines, &u->caplines, u->nlines + 1, sizeof(LineEntry));
  u->lines[u->nlines++] =
      (LineEntry){u->count, n->line, n->end_line, (uint16_t)(n->col > 0xFFFF ? 0xFFFF : n->col),
                  (uint16_t)(n->end_col > 0xFFFF ? 0xFFFF : n->end_col)};
  (void)c;
}

static void emit_byte(Unit *u, uint8_t b) {
  u->code = grow(u->code, &u->cap, u->count + 1, 1);
  u->code[u->count++] = b;
}

static void emit_u16(Unit *u, uint16_t v) {
  emit_byte(u, (uint8_t)(v & 0xFF));
  emit_byte(u, (uint8_t)(v >> 8));
}

static void emit_u32(Unit *u, uint32_t v) {
  for (int i = 0; i < 4; i++) emit_byte(u, (uint8_t)(v >> (8 * i)));
}

static void emit(Compiler *c, Opcode op) {
  add_line(c, c->unit);
  c->unit->last_at = c->unit->count;
  emit_byte(c->unit, (uint8_t)op);
}

static void emit_arg(Compiler *c, Opcode op, uint32_t arg) {
  if (arg > MAX_U16) {
    error_at(c, c->unit->loc, "too many items in one expression or function (more than %d)",
             MAX_U16);
    return;
  }
  emit(c, op);
  emit_u16(c->unit, (uint16_t)arg);
}

static void emit_arg2(Compiler *c, Opcode op, uint32_t a, uint32_t b) {
  if (a > MAX_U16 || b > MAX_U16) {
    error_at(c, c->unit->loc, "too many items in one expression or function (more than %d)",
             MAX_U16);
    return;
  }
  emit(c, op);
  emit_u16(c->unit, (uint16_t)a);
  emit_u16(c->unit, (uint16_t)b);
}

/* ------------------------------------------------------------ labels */

static int new_label(Compiler *c) {
  Unit *u = c->unit;
  if (u->nlabels == u->caplabels) {
    uint32_t cap = (uint32_t)u->caplabels;
    u->labels = grow(u->labels, &cap, (uint32_t)u->nlabels + 1, sizeof(uint32_t));
    u->caplabels = (int)cap;
  }
  u->labels[u->nlabels] = UINT32_MAX;
  return u->nlabels++;
}

static void bind_label(Compiler *c, int label) {
  c->unit->labels[label] = c->unit->count;
  c->unit->barrier = c->unit->count;
}

/* Whether the instruction just emitted is op (size bytes long) and the
 * next one may be fused into it: no jump lands and no handler region
 * starts between them. */
static bool prev_is(Unit *u, Opcode op, uint32_t size) {
  return u->last_at != UINT32_MAX && u->last_at + size == u->count && u->barrier != u->count &&
         u->code[u->last_at] == op;
}

/* Fuse the next instruction's operand into the previous one, which
 * becomes fused_op. The line table gets an entry inside the fused
 * instruction, so an error in its second half points at its own node. */
static void fuse_with_prev(Compiler *c, Opcode fused_op, uint16_t operand) {
  Unit *u = c->unit;
  u->code[u->last_at] = (uint8_t)fused_op;
  add_line(c, u);
  emit_u16(u, operand);
}

/* `x op= y` on a local ends INPLACE(_IMM), STORE_FAST: one dispatch. */
static void emit_store_fast(Compiler *c, uint32_t slot) {
  Unit *u = c->unit;
  if (slot <= MAX_U16 && prev_is(u, BC_INPLACE, 3))
    fuse_with_prev(c, BC_INPLACE_STORE_FAST, (uint16_t)slot);
  else if (slot <= MAX_U16 && prev_is(u, BC_INPLACE_IMM, 5))
    fuse_with_prev(c, BC_INPLACE_IMM_STORE_FAST, (uint16_t)slot);
  else
    emit_arg(c, BC_STORE_FAST, slot);
}

static void emit_load_fast(Compiler *c, uint32_t slot) {
  if (slot <= MAX_U16 && prev_is(c->unit, BC_LOAD_FAST, 3))
    fuse_with_prev(c, BC_LOAD_FAST_LOAD_FAST, (uint16_t)slot);
  else
    emit_arg(c, BC_LOAD_FAST, slot);
}

/* Operators whose int case the VM finishes inline (int_binop_fast). */
static bool binop_has_imm_form(AstOp op) {
  switch (op) {
  case OP_ADD:
  case OP_SUB:
  case OP_MUL:
  case OP_FLOORDIV:
  case OP_MOD:
  case OP_LSHIFT:
  case OP_RSHIFT:
  case OP_BITAND:
  case OP_BITOR:
  case OP_BITXOR: return true;
  default: return false;
  }
}

static void emit_jump(Compiler *c, Opcode op, int label) {
  Unit *u = c->unit;
  emit(c, op);
  if (u->npatches == u->cappatches) {
    uint32_t cap = (uint32_t)u->cappatches;
    u->patches = grow(u->patches, &cap, (uint32_t)u->npatches + 1, sizeof(Patch));
    u->cappatches = (int)cap;
  }
  u->patches[u->npatches++] = (Patch){u->count, label};
  emit_u32(u, 0);
}

static void resolve_patches(Unit *u) {
  for (int i = 0; i < u->npatches; i++) {
    uint32_t target = u->labels[u->patches[i].label];
    uint8_t *p = u->code + u->patches[i].at;
    for (int k = 0; k < 4; k++) p[k] = (uint8_t)(target >> (8 * k));
  }
}

/* ----------------------------------------------------------- regions */

static int stmt_depth(Unit *u) {
  int d = u->extra_depth;
  for (int i = 0; i < u->nfblocks; i++) {
    switch (u->fblocks[i].kind) {
    case FB_FOR:
    case FB_ASYNC_FOR:
    case FB_HANDLER:
    case FB_WITH:
    case FB_ASYNC_WITH: d += 1; break;
    case FB_FINALLY_END: d += 2; break;
    default: break;
    }
  }
  return d;
}

static int open_region(Compiler *c, int target_label, int depth) {
  Unit *u = c->unit;
  u->barrier = u->count;
  if (u->nregions == u->capregions) {
    uint32_t cap = (uint32_t)u->capregions;
    u->regions = grow(u->regions, &cap, (uint32_t)u->nregions + 1, sizeof(Region));
    u->capregions = (int)cap;
  }
  u->regions[u->nregions] = (Region){u->count, target_label, (uint32_t)depth, true};
  return u->nregions++;
}

/* End the current segment of a region (it may be resumed later). */
static void pause_region(Compiler *c, int r) {
  Unit *u = c->unit;
  u->barrier = u->count;
  Region *reg = &u->regions[r];
  if (!reg->open) return;
  reg->open = false;
  if (u->count == reg->seg_start) return;
  if (u->nhandlers == u->caphandlers) {
    uint32_t cap = (uint32_t)u->caphandlers;
    u->handlers = grow(u->handlers, &cap, (uint32_t)u->nhandlers + 1, sizeof(PendingHandler));
    u->caphandlers = (int)cap;
  }
  u->handlers[u->nhandlers++] =
      (PendingHandler){reg->seg_start, u->count, reg->target_label, reg->depth};
}

static void resume_region(Compiler *c, int r) {
  Region *reg = &c->unit->regions[r];
  reg->open = true;
  reg->seg_start = c->unit->count;
}

static void close_region(Compiler *c, int r) {
  pause_region(c, r);
}

/* ------------------------------------------------------------ fblocks */

static FBlock *push_fblock(Compiler *c, FBlockKind kind, Node *at) {
  Unit *u = c->unit;
  if (u->nfblocks == (int)ASY_ARRAY_LEN(u->fblocks)) {
    error_at(c, at, "too many statically nested blocks");
    return &u->fblocks[u->nfblocks - 1];
  }
  FBlock *b = &u->fblocks[u->nfblocks++];
  memset(b, 0, sizeof *b);
  b->kind = kind;
  b->region = -1;
  return b;
}

static void pop_fblock(Compiler *c) {
  if (c->unit->nfblocks > 0) c->unit->nfblocks--;
}

/* ---------------------------------------------------------- constants */

static uint64_t const_hash(Value v) {
  switch (v.type) {
  case VAL_INT: return (uint64_t)v.as.i * 0x9E3779B97F4A7C15ull + 1;
  case VAL_FLOAT: {
    uint64_t bits;
    memcpy(&bits, &v.as.f, sizeof bits);
    return bits * 0x9E3779B97F4A7C15ull + 2;
  }
  case VAL_OBJ:
    if (IS_STR(v)) return (uint64_t)str_hash(AS_STR(v)) * 31 + 3;
    return (uint64_t)(uintptr_t)AS_OBJ(v) >> 4;
  default: return (uint64_t)v.type;
  }
}

static bool const_same(Value a, Value b) {
  if (a.type != b.type) return false;
  switch (a.type) {
  case VAL_INT: return a.as.i == b.as.i;
  case VAL_FLOAT: return memcmp(&a.as.f, &b.as.f, sizeof(double)) == 0;
  case VAL_OBJ:
    if (IS_STR(a) && IS_STR(b)) return str_eq(AS_STR(a), AS_STR(b));
    if (IS_TUPLE(a) && IS_TUPLE(b)) {
      ObjTuple *x = AS_TUPLE(a), *y = AS_TUPLE(b);
      if (x->len != y->len) return false;
      for (uint32_t i = 0; i < x->len; i++) {
        if (!const_same(x->items[i], y->items[i])) return false;
      }
      return true;
    }
    return AS_OBJ(a) == AS_OBJ(b);
  default: return true;
  }
}

static void const_index_rebuild(Unit *u) {
  uint32_t cap = u->const_index_cap ? u->const_index_cap * 2 : 64;
  int32_t *idx = gc_xrealloc(NULL, 0, cap * sizeof(int32_t));
  for (uint32_t i = 0; i < cap; i++) idx[i] = -1;
  for (uint32_t i = 0; i < u->nconsts; i++) {
    if (IS_OBJ_TYPE(u->consts[i], OBJ_CODE)) continue;
    uint64_t h = const_hash(u->consts[i]) & (cap - 1);
    while (idx[h] >= 0) h = (h + 1) & (cap - 1);
    idx[h] = (int32_t)i;
  }
  gc_realloc(u->const_index, u->const_index_cap * sizeof(int32_t), 0);
  u->const_index = idx;
  u->const_index_cap = cap;
}

static uint32_t add_const_rooted(Compiler *c, Value v);

/* The new constant is only reachable from here until it is stored. */
static uint32_t add_const(Compiler *c, Value v) {
  gc_push_root(v);
  uint32_t k = add_const_rooted(c, v);
  gc_pop_roots(1);
  return k;
}

static uint32_t add_const_rooted(Compiler *c, Value v) {
  Unit *u = c->unit;
  bool dedup = !IS_OBJ_TYPE(v, OBJ_CODE);
  if (dedup && u->const_index_cap) {
    uint64_t h = const_hash(v) & (u->const_index_cap - 1);
    while (u->const_index[h] >= 0) {
      if (const_same(u->consts[u->const_index[h]], v)) return (uint32_t)u->const_index[h];
      h = (h + 1) & (u->const_index_cap - 1);
    }
  }
  if (u->nconsts > MAX_U16) {
    error_at(c, u->loc, "too many constants in one function (more than %d)", MAX_U16 + 1);
    return 0;
  }
  u->consts = grow(u->consts, &u->capconsts, u->nconsts + 1, sizeof(Value));
  u->consts[u->nconsts++] = v;
  if ((u->nconsts + 1) * 2 > u->const_index_cap) {
    const_index_rebuild(u);
  } else if (dedup) {
    uint64_t h = const_hash(v) & (u->const_index_cap - 1);
    while (u->const_index[h] >= 0) h = (h + 1) & (u->const_index_cap - 1);
    u->const_index[h] = (int32_t)(u->nconsts - 1);
  }
  return u->nconsts - 1;
}

static void emit_const(Compiler *c, Value v) {
  emit_arg(c, BC_LOAD_CONST, add_const(c, v));
}

/* Names in code are interned weakly: a name no live code or object uses
 * is dropped (only names C code holds are permanent). */
static ObjString *intern(const char *s) {
  return str_intern(s, strlen(s));
}

static uint32_t add_name(Compiler *c, const char *name) {
  Unit *u = c->unit;
  ObjString *s = intern(name);
  for (uint32_t i = 0; i < u->nnames; i++) {
    if (u->names[i] == s) return i;
  }
  if (u->nnames > MAX_U16) {
    error_at(c, u->loc, "too many names in one function (more than %d)", MAX_U16 + 1);
    return 0;
  }
  gc_push_root(OBJ_VAL(s)); /* weakly interned: only this holds it until stored */
  u->names = grow(u->names, &u->capnames, u->nnames + 1, sizeof(ObjString *));
  gc_pop_roots(1);
  u->names[u->nnames++] = s;
  return u->nnames - 1;
}

/* --------------------------------------------------------- GC marking */

static void compiler_mark(void *ctx) {
  Compiler *c = ctx;
  for (Unit *u = c->unit; u; u = u->parent) {
    gc_mark_array(u->consts, u->nconsts);
    for (uint32_t i = 0; i < u->nnames; i++) gc_mark_obj((Obj *)u->names[i]);
    gc_mark_obj((Obj *)u->doc);
  }
  gc_mark_obj((Obj *)c->filename_str);
  gc_mark_obj((Obj *)c->frozensets);
}

/* --------------------------------------------------------------- units */

static void enter_unit(Compiler *c, Scope *s, uint32_t flags) {
  Unit *u = calloc(1, sizeof(Unit));
  if (!u) asy_fatal("out of memory (compiler)");
  u->parent = c->unit;
  u->scope = s;
  u->flags = flags;
  u->loc = c->unit ? c->unit->loc : NULL;
  u->last_at = UINT32_MAX;
  c->unit = u;
}

static void free_unit(Unit *u) {
  gc_realloc(u->code, u->cap, 0);
  gc_realloc(u->consts, u->capconsts * sizeof(Value), 0);
  gc_realloc(u->const_index, u->const_index_cap * sizeof(int32_t), 0);
  gc_realloc(u->names, u->capnames * sizeof(ObjString *), 0);
  gc_realloc(u->lines, u->caplines * sizeof(LineEntry), 0);
  gc_realloc(u->labels, (uint32_t)u->caplabels * sizeof(uint32_t), 0);
  gc_realloc(u->patches, (uint32_t)u->cappatches * sizeof(Patch), 0);
  gc_realloc(u->regions, (uint32_t)u->capregions * sizeof(Region), 0);
  gc_realloc(u->handlers, (uint32_t)u->caphandlers * sizeof(PendingHandler), 0);
  free(u);
}

extern int compile_stack_depth(ObjCode *code); /* stackdepth.c */

/* Turn the current unit into a code object and return to the parent. */
static ObjCode *leave_unit(Compiler *c, const char *name, const char *qualname) {
  Unit *u = c->unit;
  ObjCode *code = NULL;
  if (!c->failed) {
    resolve_patches(u);
    code = code_new();
    gc_push_root(OBJ_VAL(code));
    code->flags = u->flags;
    code->filename = c->filename_str;
    code->name = intern(name);
    code->qualname = intern(qualname);
    code->doc = u->doc;
    code->firstline = u->scope && u->scope->node ? u->scope->node->line : 1;
    /* Move the buffers (trimmed) into the code object. */
    code->code = gc_xrealloc(NULL, 0, u->count ? u->count : 1);
    if (u->count) memcpy(code->code, u->code, u->count);
    code->count = u->count;
    code->consts = gc_xrealloc(NULL, 0, (u->nconsts ? u->nconsts : 1) * sizeof(Value));
    if (u->nconsts) memcpy(code->consts, u->consts, u->nconsts * sizeof(Value));
    code->nconsts = u->nconsts;
    code->names = gc_xrealloc(NULL, 0, (u->nnames ? u->nnames : 1) * sizeof(ObjString *));
    if (u->nnames) memcpy(code->names, u->names, u->nnames * sizeof(ObjString *));
    code->nnames = u->nnames;
    code->lines = gc_xrealloc(NULL, 0, (u->nlines ? u->nlines : 1) * sizeof(LineEntry));
    if (u->nlines) memcpy(code->lines, u->lines, u->nlines * sizeof(LineEntry));
    code->nlines = u->nlines;
    code->handlers =
        gc_xrealloc(NULL, 0, (u->nhandlers ? (uint32_t)u->nhandlers : 1) * sizeof(ExcEntry));
    for (int i = 0; i < u->nhandlers; i++) {
      PendingHandler *h = &u->handlers[i];
      code->handlers[i] = (ExcEntry){h->start, h->end, u->labels[h->label], h->depth};
    }
    code->nhandlers = (uint32_t)u->nhandlers;
    Scope *s = u->scope;
    int nslots = s && s->kind != SCOPE_MODULE ? s->nlocals + s->nfree : 0;
    code->varnames = gc_xrealloc(NULL, 0, (nslots ? (uint32_t)nslots : 1) * sizeof(ObjString *));
    /* NULL names until interned: the marker skips them, and nslots
     * always states the array's size (the allocator needs it to free). */
    for (int i = 0; i < nslots; i++) code->varnames[i] = NULL;
    code->nslots = (uint32_t)nslots;
    for (int i = 0; i < nslots; i++) code->varnames[i] = intern(s->slotnames[i]);
    code->nlocals = s && s->kind != SCOPE_MODULE ? (uint32_t)s->nlocals : 0;
    code->nfree = s && s->kind != SCOPE_MODULE ? (uint32_t)s->nfree : 0;
    if (s && (s->kind == SCOPE_FUNCTION || s->kind == SCOPE_COMPREHENSION)) {
      code->argcount = (uint16_t)s->argcount;
      code->posonlycount = (uint16_t)s->posonlycount;
      code->kwonlycount = (uint16_t)s->kwonlycount;
      if (s->varargs) code->flags |= CODE_VARARGS;
      if (s->varkw) code->flags |= CODE_VARKW;
      if (!s->varargs && !s->varkw && s->kwonlycount == 0 &&
          !(code->flags & (CODE_GENERATOR | CODE_COROUTINE | CODE_ASYNCGEN | CODE_CLASSBODY)))
        code->flags |= CODE_SIMPLE_ARGS;
    }
    int depth = compile_stack_depth(code);
    if (depth < 0) {
      error_at(c, NULL, "internal error: inconsistent stack depth in %s", qualname);
    }
    code->stacksize = depth < 0 ? 0 : (uint32_t)depth;
    code->framecap = vm_frame_cap(code->nslots + code->stacksize);
    gc_pop_roots(1);
  }
  c->unit = u->parent;
  free_unit(u);
  return c->failed ? NULL : code;
}

/* ---------------------------------------------------- name operations */

typedef enum { LOAD, STORE, DELETE } NameCtx;

static void compile_name(Compiler *c, const char *id, NameCtx ctx, Node *at) {
  Unit *u = c->unit;
  Scope *s = u->scope;
  Symbol *sym = scope_lookup(s, id);
  NameKind kind = sym ? sym->kind : NAME_GLOBAL_IMPLICIT;
  if (s->kind == SCOPE_MODULE) {
    /* Module code may run with a separate locals mapping (exec): names go
     * through the namespace instructions, which fall back to globals. */
    emit_arg(c,
             ctx == LOAD    ? BC_LOAD_NAME
             : ctx == STORE ? BC_STORE_NAME
                            : BC_DELETE_NAME,
             add_name(c, id));
    return;
  }
  static const Opcode fast[] = {BC_LOAD_FAST, BC_STORE_FAST, BC_DELETE_FAST};
  static const Opcode deref[] = {BC_LOAD_DEREF, BC_STORE_DEREF, BC_DELETE_DEREF};
  static const Opcode global[] = {BC_LOAD_GLOBAL, BC_STORE_GLOBAL, BC_DELETE_GLOBAL};
  static const Opcode name[] = {BC_LOAD_NAME, BC_STORE_NAME, BC_DELETE_NAME};
  (void)at;
  if (s->kind == SCOPE_CLASS) {
    if (kind == NAME_GLOBAL_EXPLICIT) {
      emit_arg(c, global[ctx], add_name(c, id));
    } else if (kind == NAME_FREE && ctx == LOAD) {
      emit_arg(c, BC_LOAD_CLASSDEREF, (uint32_t)sym->slot);
    } else if (kind == NAME_FREE) {
      emit_arg(c, deref[ctx], (uint32_t)sym->slot);
    } else {
      emit_arg(c, name[ctx], add_name(c, id));
    }
    return;
  }
  switch (kind) {
  case NAME_LOCAL:
    if (ctx == LOAD)
      emit_load_fast(c, (uint32_t)sym->slot);
    else if (ctx == STORE)
      emit_store_fast(c, (uint32_t)sym->slot);
    else
      emit_arg(c, fast[ctx], (uint32_t)sym->slot);
    break;
  case NAME_CELL:
  case NAME_FREE: emit_arg(c, deref[ctx], (uint32_t)sym->slot); break;
  default: emit_arg(c, global[ctx], add_name(c, id)); break;
  }
}

/* ------------------------------------------------------- expressions */

static void compile_expr(Compiler *c, Node *n);
static void compile_stmts(Compiler *c, NodeList *l);
static void compile_store(Compiler *c, Node *target);
static void compile_jump_if(Compiler *c, Node *n, bool cond, int label);

static bool in_async_function(Compiler *c) {
  Scope *s = c->unit->scope;
  if (s->kind == SCOPE_FUNCTION) return s->is_async;
  if (s->kind == SCOPE_COMPREHENSION) {
    /* A comprehension is async when it is inside an async function. */
    for (Scope *p = s; p; p = p->parent) {
      if (p->kind == SCOPE_FUNCTION) return p->is_async;
      if (p->kind != SCOPE_COMPREHENSION) return false;
    }
  }
  if (s->kind == SCOPE_MODULE) return c->mode == COMPILE_SINGLE;
  return false;
}

static bool inside_function(Compiler *c) {
  for (Scope *s = c->unit->scope; s; s = s->parent) {
    if (s->kind == SCOPE_FUNCTION) return true;
  }
  return false;
}

static void compile_await_value(Compiler *c, int where) {
  emit_arg(c, BC_GET_AWAITABLE, (uint32_t)where);
  emit(c, BC_YIELD_FROM);
}

static Opcode binop_opcode(AstOp op) {
  switch (op) {
  case OP_ADD: return BC_ADD;
  case OP_SUB: return BC_SUBTRACT;
  case OP_MUL: return BC_MULTIPLY;
  case OP_MATMUL: return BC_MATMUL;
  case OP_DIV: return BC_TRUE_DIVIDE;
  case OP_FLOORDIV: return BC_FLOOR_DIVIDE;
  case OP_MOD: return BC_MODULO;
  case OP_POW: return BC_POWER;
  case OP_LSHIFT: return BC_LSHIFT;
  case OP_RSHIFT: return BC_RSHIFT;
  case OP_BITOR: return BC_BIT_OR;
  case OP_BITXOR: return BC_BIT_XOR;
  default: return BC_BIT_AND;
  }
}

static Opcode compare_opcode(AstOp op) {
  switch (op) {
  case OP_EQ: return BC_COMPARE_EQ;
  case OP_NE: return BC_COMPARE_NE;
  case OP_LT: return BC_COMPARE_LT;
  case OP_LE: return BC_COMPARE_LE;
  case OP_GT: return BC_COMPARE_GT;
  case OP_GE: return BC_COMPARE_GE;
  case OP_IS: return BC_IS;
  case OP_ISNOT: return BC_IS_NOT;
  case OP_IN: return BC_CONTAINS;
  default: return BC_NOT_CONTAINS;
  }
}

static void compile_int(Compiler *c, int64_t v) {
  if (v >= INT16_MIN && v <= INT16_MAX)
    emit_arg(c, BC_LOAD_SMALL_INT, (uint16_t)(int16_t)v);
  else
    emit_const(c, INT_VAL(v));
}

static Value str_const(Node *n) {
  return OBJ_VAL(str_new(n->u.constant.s, n->u.constant.len));
}

static void compile_fstring(Compiler *c, Node *n) {
  NodeList *parts = &n->u.fstring.parts;
  int count = 0;
  for (int i = 0; i < parts->count; i++) {
    Node *p = parts->items[i];
    if (p->kind == E_STR) {
      if (p->u.constant.len == 0) continue;
      emit_const(c, str_const(p));
    } else {
      compile_expr(c, p->u.formatted.value);
      uint32_t flags = 0;
      switch (p->u.formatted.conversion) {
      case 's': flags = 1; break;
      case 'r': flags = 2; break;
      case 'a': flags = 3; break;
      default: break;
      }
      if (p->u.formatted.spec) {
        compile_fstring(c, p->u.formatted.spec);
        flags |= 4;
      }
      c->unit->loc = p;
      emit_arg(c, BC_FORMAT_VALUE, flags);
    }
    count++;
    if (count == BUILD_CHUNK) {
      emit_arg(c, BC_BUILD_STRING, (uint32_t)count);
      count = 1;
    }
  }
  if (count == 0) {
    emit_const(c, OBJ_VAL(vm.empty_str));
  } else if (count > 1) {
    emit_arg(c, BC_BUILD_STRING, (uint32_t)count);
  }
}

static bool has_starred(NodeList *l) {
  for (int i = 0; i < l->count; i++) {
    if (l->items[i]->kind == E_STARRED) return true;
  }
  return false;
}

/* Build a list/tuple/set display; kind is E_LIST, E_TUPLE or E_SET. */
static bool is_constant_expr(Node *n);

/* CPython's AST optimizer folds constant expressions before it builds a
 * frozenset constant, and the folded values decide the table's layout
 * (so the printing order). Only what it would fold counts: scalars, unary
 * and binary arithmetic on them, tuples of constants. Limits match its
 * (strings up to 4096 characters, tuples up to 256 items). */
#define FOLD_MAX_STR 4096
#define FOLD_MAX_TUPLE 256

static bool fold_const(Node *n, Value *out);
static bool fold_result(Value r, Value *out);

static bool fold_tuple(NodeList *elts, Value *out) {
  if (elts->count > FOLD_MAX_TUPLE) return false;
  ObjTuple *t = tuple_new((uint32_t)elts->count, NULL);
  if (!t) return fold_result(UNDEF_VAL, out);
  gc_push_root(OBJ_VAL(t));
  for (int i = 0; i < elts->count; i++) {
    if (!fold_const(elts->items[i], &t->items[i])) {
      gc_pop_roots(1);
      return false;
    }
  }
  gc_pop_roots(1);
  *out = OBJ_VAL(t);
  return true;
}

static bool fold_result(Value r, Value *out) {
  if (IS_UNDEF(r)) {
    vm_take_exc(); /* left for run time, where it raises with a traceback */
    return false;
  }
  if (IS_STR(r) && AS_STR(r)->ncp > FOLD_MAX_STR) return false;
  *out = r;
  return true;
}

static bool fold_const(Node *n, Value *out) {
  switch (n->kind) {
  case E_INT: *out = INT_VAL(n->u.constant.i); return true;
  case E_FLOAT: *out = FLOAT_VAL(n->u.constant.f); return true;
  case E_STR: *out = str_const(n); return true;
  case E_TRUE: *out = BOOL_VAL(true); return true;
  case E_FALSE: *out = BOOL_VAL(false); return true;
  case E_NONE: *out = NONE_VAL; return true;
  case E_TUPLE: return fold_tuple(&n->u.seq.elts, out);
  case E_UNARYOP: {
    Value v;
    if (n->u.unaryop.op == OP_NOT || !fold_const(n->u.unaryop.operand, &v)) return false;
    if (!IS_NUMBER(v)) return false;
    return fold_result(vm_unary(n->u.unaryop.op, v), out);
  }
  case E_BINOP: {
    Value a, b;
    if (!fold_const(n->u.binop.left, &a)) return false;
    gc_push_root(a);
    bool ok = fold_const(n->u.binop.right, &b);
    gc_pop_roots(1);
    if (!ok) return false;
    bool numbers = IS_NUMBER(a) && IS_NUMBER(b);
    bool strings = IS_STR(a) && (IS_STR(b) || (IS_INT(b) && n->u.binop.op == OP_MUL));
    if (!numbers && !strings) return false;
    if (strings && IS_INT(b) && AS_INT(b) > FOLD_MAX_STR) return false;
    gc_push_root(a);
    gc_push_root(b);
    ok = fold_result(vm_binary(n->u.binop.op, a, b, false), out);
    gc_pop_roots(2);
    return ok;
  }
  default: return false;
  }
}

/* The frozenset constant for a display of constants, or false. CPython
 * builds it from the values, then its compiler builds it again from the
 * first one's iteration order (merge_consts_recursive): both steps shape
 * the table, so both happen here. */
static bool fold_frozenset(NodeList *elts, Value *out) {
  ObjTuple *vals = tuple_new((uint32_t)elts->count, NULL);
  if (!vals) return fold_result(UNDEF_VAL, out);
  gc_push_root(OBJ_VAL(vals));
  for (int i = 0; i < elts->count; i++) {
    if (!fold_const(elts->items[i], &vals->items[i])) {
      gc_pop_roots(1);
      return false;
    }
  }
  ObjSet *first = set_new(true);
  gc_push_root(OBJ_VAL(first));
  for (int i = 0; i < elts->count; i++) set_add(first, vals->items[i]);
  ObjSet *fs = set_new(true);
  gc_push_root(OBJ_VAL(fs));
  uint32_t pos = 0;
  Value key;
  if (first->used > 0) {
    while (set_next(first, &pos, &key)) set_add(fs, key);
  }
  gc_pop_roots(3);
  *out = OBJ_VAL(first->used > 0 ? fs : first);
  return true;
}

/* Equal and of the same types all the way down: 1, 1.0 and True are
 * different constants to CPython even though they compare equal. */
static bool same_constant(Value a, Value b) {
  if (a.type != b.type || vm_class_of(a) != vm_class_of(b)) return false;
  if (!IS_TUPLE(a)) return vm_eq(a, b) == 1;
  ObjTuple *ta = AS_TUPLE(a), *tb = AS_TUPLE(b);
  if (ta->len != tb->len) return false;
  for (uint32_t i = 0; i < ta->len; i++) {
    if (!same_constant(ta->items[i], tb->items[i])) return false;
  }
  return true;
}

static bool same_constant_set(ObjSet *a, ObjSet *b) {
  if (a->used != b->used) return false;
  uint32_t pos = 0;
  Value k;
  while (set_next(a, &pos, &k)) {
    uint32_t pb = 0;
    Value kb;
    bool found = false;
    while (!found && set_next(b, &pb, &kb)) {
      found = same_constant(k, kb);
    }
    if (!found) return false;
  }
  return true;
}

/* An earlier equal frozenset constant if there is one (its table order is
 * what CPython prints), else fs, remembered. */
static Value share_frozenset(Compiler *c, Value fs) {
  if (!c->frozensets) {
    gc_push_root(fs);
    c->frozensets = list_new(0, NULL);
    gc_pop_roots(1);
  }
  ObjList *l = c->frozensets;
  for (uint32_t i = 0; i < l->len; i++) {
    if (same_constant_set(AS_SET(l->items[i]), AS_SET(fs))) return l->items[i];
  }
  list_append(l, fs);
  return fs;
}

/* {1, 2, 3}: CPython builds a set display of three or more constants from
 * a frozenset constant (BUILD_SET 0, LOAD_CONST, SET_UPDATE). */
static bool compile_constant_set(Compiler *c, Node *n) {
  Value fs;
  if (n->u.seq.elts.count < 3 || !fold_frozenset(&n->u.seq.elts, &fs)) return false;
  fs = share_frozenset(c, fs);
  gc_push_root(fs);
  c->unit->loc = n;
  emit_arg(c, BC_BUILD_SET, 0);
  emit_const(c, fs);
  emit_arg(c, BC_SET_UPDATE, 1);
  gc_pop_roots(1);
  return true;
}

/* The iterable of a for loop or comprehension: CPython iterates a set
 * display of constants as the frozenset constant itself. */
static void compile_iterable(Compiler *c, Node *n) {
  Value fs;
  if (n->kind == E_SET && fold_frozenset(&n->u.seq.elts, &fs)) {
    fs = share_frozenset(c, fs);
    gc_push_root(fs);
    c->unit->loc = n;
    emit_const(c, fs);
    gc_pop_roots(1);
    return;
  }
  compile_expr(c, n);
}

static void compile_sequence(Compiler *c, Node *n, NodeKind kind) {
  NodeList *elts = &n->u.seq.elts;
  if (kind == E_SET && compile_constant_set(c, n)) return;
  bool starred = has_starred(elts);
  if (!starred && elts->count <= BUILD_CHUNK) {
    for (int i = 0; i < elts->count; i++) compile_expr(c, elts->items[i]);
    c->unit->loc = n;
    emit_arg(c,
             kind == E_TUPLE  ? BC_BUILD_TUPLE
             : kind == E_LIST ? BC_BUILD_LIST
                              : BC_BUILD_SET,
             (uint32_t)elts->count);
    return;
  }
  emit_arg(c, kind == E_SET ? BC_BUILD_SET : BC_BUILD_LIST, 0);
  for (int i = 0; i < elts->count; i++) {
    Node *e = elts->items[i];
    if (e->kind == E_STARRED) {
      compile_expr(c, e->u.unary.value);
      c->unit->loc = e;
      emit_arg(c, kind == E_SET ? BC_SET_UPDATE : BC_LIST_EXTEND, 1);
    } else {
      compile_expr(c, e);
      emit_arg(c, kind == E_SET ? BC_SET_ADD : BC_LIST_APPEND, 1);
    }
  }
  c->unit->loc = n;
  if (kind == E_TUPLE) emit(c, BC_LIST_TO_TUPLE);
}

static void compile_dict(Compiler *c, Node *n) {
  NodeList *keys = &n->u.dict.keys, *values = &n->u.dict.values;
  bool unpack = false;
  for (int i = 0; i < keys->count; i++) unpack |= keys->items[i] == NULL;
  if (!unpack && keys->count <= 16) {
    for (int i = 0; i < keys->count; i++) {
      compile_expr(c, keys->items[i]);
      compile_expr(c, values->items[i]);
    }
    c->unit->loc = n;
    emit_arg(c, BC_BUILD_MAP, (uint32_t)keys->count);
    return;
  }
  emit_arg(c, BC_BUILD_MAP, 0);
  for (int i = 0; i < keys->count; i++) {
    if (keys->items[i]) {
      compile_expr(c, keys->items[i]);
      compile_expr(c, values->items[i]);
      emit_arg(c, BC_MAP_ADD, 1);
    } else {
      compile_expr(c, values->items[i]);
      emit_arg(c, BC_DICT_UPDATE, 1);
    }
  }
}

static void compile_compare(Compiler *c, Node *n) {
  NodeList *rest = &n->u.compare.comparators;
  compile_expr(c, n->u.compare.left);
  if (rest->count == 1) {
    compile_expr(c, rest->items[0]);
    c->unit->loc = n;
    emit(c, compare_opcode(n->u.compare.ops[0]));
    return;
  }
  int cleanup = new_label(c), end = new_label(c);
  for (int i = 0; i < rest->count - 1; i++) {
    compile_expr(c, rest->items[i]);
    c->unit->loc = n;
    emit(c, BC_DUP_TOP);
    emit(c, BC_ROT_THREE);
    emit(c, compare_opcode(n->u.compare.ops[i]));
    emit_jump(c, BC_JUMP_IF_FALSE_OR_POP, cleanup);
  }
  compile_expr(c, rest->items[rest->count - 1]);
  c->unit->loc = n;
  emit(c, compare_opcode(n->u.compare.ops[rest->count - 1]));
  emit_jump(c, BC_JUMP, end);
  bind_label(c, cleanup);
  emit(c, BC_ROT_TWO);
  emit(c, BC_POP_TOP);
  bind_label(c, end);
}

static void compile_boolop(Compiler *c, Node *n) {
  int end = new_label(c);
  NodeList *vals = &n->u.boolop.values;
  for (int i = 0; i < vals->count; i++) {
    compile_expr(c, vals->items[i]);
    if (i < vals->count - 1) {
      c->unit->loc = n;
      emit_jump(c, n->u.boolop.op == OP_AND ? BC_JUMP_IF_FALSE_OR_POP : BC_JUMP_IF_TRUE_OR_POP,
                end);
    }
  }
  bind_label(c, end);
}

/* Jump to label when the truth of n equals cond, short-circuiting and/or/not. */
static void compile_jump_if(Compiler *c, Node *n, bool cond, int label) {
  if (n->kind == E_UNARYOP && n->u.unaryop.op == OP_NOT) {
    compile_jump_if(c, n->u.unaryop.operand, !cond, label);
    return;
  }
  if (n->kind == E_BOOLOP) {
    bool is_and = n->u.boolop.op == OP_AND;
    NodeList *vals = &n->u.boolop.values;
    if (is_and == cond) {
      /* (a and b) true → jump: both must be true; fall through otherwise. */
      int skip = new_label(c);
      for (int i = 0; i < vals->count - 1; i++) compile_jump_if(c, vals->items[i], !cond, skip);
      compile_jump_if(c, vals->items[vals->count - 1], cond, label);
      bind_label(c, skip);
    } else {
      for (int i = 0; i < vals->count; i++) compile_jump_if(c, vals->items[i], cond, label);
    }
    return;
  }
  if (n->kind == E_COMPARE && n->u.compare.comparators.count == 1 && n->u.compare.ops[0] >= OP_EQ &&
      n->u.compare.ops[0] <= OP_GE) {
    compile_expr(c, n->u.compare.left);
    compile_expr(c, n->u.compare.comparators.items[0]);
    c->unit->loc = n;
    emit_jump(c, cond ? BC_COMPARE_JUMP_IF_TRUE : BC_COMPARE_JUMP_IF_FALSE, label);
    emit_u16(c->unit, (uint16_t)n->u.compare.ops[0]);
    return;
  }
  if (n->kind == E_TRUE || (n->kind == E_INT && n->u.constant.i != 0)) {
    if (cond) emit_jump(c, BC_JUMP, label);
    return;
  }
  if (n->kind == E_FALSE || n->kind == E_NONE) {
    if (!cond) emit_jump(c, BC_JUMP, label);
    return;
  }
  compile_expr(c, n);
  c->unit->loc = n;
  emit_jump(c, cond ? BC_POP_JUMP_IF_TRUE : BC_POP_JUMP_IF_FALSE, label);
}

/* ------------------------------------------------------------ calls */

static bool is_zero_arg_super(Compiler *c, Node *n) {
  Node *f = n->u.call.func;
  if (f->kind != E_NAME || strcmp(f->u.name.id, "super") != 0) return false;
  if (n->u.call.args.count || n->u.call.keywords.count) return false;
  Scope *s = c->unit->scope;
  Symbol *cls = scope_lookup(s, "__class__");
  return s->kind == SCOPE_FUNCTION && cls && cls->kind == NAME_FREE && s->nparams > 0;
}

/* super() inside a method means super(__class__, <first argument>). */
static void compile_super_args(Compiler *c) {
  Scope *s = c->unit->scope;
  Symbol *cls = scope_lookup(s, "__class__");
  emit_arg(c, BC_LOAD_DEREF, (uint32_t)cls->slot);
  Symbol *first = NULL;
  for (int i = 0; i < s->nsyms; i++) {
    if ((s->syms[i].flags & SYM_PARAM) && s->syms[i].slot == 0) first = &s->syms[i];
  }
  if (first && first->kind == NAME_CELL)
    emit_arg(c, BC_LOAD_DEREF, 0);
  else
    emit_arg(c, BC_LOAD_FAST, 0);
}

static bool call_is_simple(Node *n) {
  if (has_starred(&n->u.call.args)) return false;
  for (int i = 0; i < n->u.call.keywords.count; i++) {
    if (!n->u.call.keywords.items[i]->u.keyword.arg) return false;
  }
  return true;
}

static uint32_t kwnames_const(Compiler *c, NodeList *kws) {
  ObjTuple *t = tuple_new((uint32_t)kws->count, NULL);
  gc_push_root(OBJ_VAL(t));
  for (int i = 0; i < kws->count; i++) {
    t->items[i] = OBJ_VAL(intern(kws->items[i]->u.keyword.arg));
  }
  uint32_t k = add_const(c, OBJ_VAL(t));
  gc_pop_roots(1);
  return k;
}

static void check_duplicate_keywords(Compiler *c, NodeList *kws) {
  for (int i = 0; i < kws->count; i++) {
    const char *a = kws->items[i]->u.keyword.arg;
    if (!a) continue;
    for (int j = 0; j < i; j++) {
      const char *b = kws->items[j]->u.keyword.arg;
      if (b && strcmp(a, b) == 0) {
        error_at(c, kws->items[i], "keyword argument repeated: %s", a);
        return;
      }
    }
  }
}

/* f(*args, **kwargs) and mixtures: build a tuple and a dict, CALL_EX. */
static void compile_call_ex(Compiler *c, Node *n) {
  NodeList *args = &n->u.call.args, *kws = &n->u.call.keywords;
  emit_arg(c, BC_BUILD_LIST, 0);
  for (int i = 0; i < args->count; i++) {
    Node *a = args->items[i];
    if (a->kind == E_STARRED) {
      compile_expr(c, a->u.unary.value);
      emit_arg(c, BC_LIST_EXTEND, 1);
    } else {
      compile_expr(c, a);
      emit_arg(c, BC_LIST_APPEND, 1);
    }
  }
  emit(c, BC_LIST_TO_TUPLE);
  if (kws->count == 0) {
    c->unit->loc = n;
    emit_arg(c, BC_CALL_EX, 0);
    return;
  }
  emit_arg(c, BC_BUILD_MAP, 0);
  for (int i = 0; i < kws->count; i++) {
    Node *k = kws->items[i];
    if (k->u.keyword.arg) {
      emit_const(c, OBJ_VAL(intern(k->u.keyword.arg)));
      compile_expr(c, k->u.keyword.value);
      emit_arg(c, BC_MAP_ADD, 1);
    } else {
      compile_expr(c, k->u.keyword.value);
      emit_arg(c, BC_DICT_MERGE, 1);
    }
  }
  c->unit->loc = n;
  emit_arg(c, BC_CALL_EX, 1);
}

static void compile_call(Compiler *c, Node *n) {
  NodeList *args = &n->u.call.args, *kws = &n->u.call.keywords;
  check_duplicate_keywords(c, kws);
  Node *f = n->u.call.func;
  bool simple = call_is_simple(n);
  if (simple && f->kind == E_ATTRIBUTE) {
    compile_expr(c, f->u.attribute.value);
    c->unit->loc = f;
    emit_arg(c, BC_LOAD_METHOD, add_name(c, f->u.attribute.attr));
    for (int i = 0; i < args->count; i++) compile_expr(c, args->items[i]);
    for (int i = 0; i < kws->count; i++) compile_expr(c, kws->items[i]->u.keyword.value);
    c->unit->loc = n;
    if (kws->count)
      emit_arg2(c, BC_CALL_METHOD_KW, (uint32_t)(args->count + kws->count), kwnames_const(c, kws));
    else
      emit_arg(c, BC_CALL_METHOD, (uint32_t)args->count);
    return;
  }
  compile_expr(c, f);
  if (!simple) {
    compile_call_ex(c, n);
    return;
  }
  int nargs = args->count;
  if (is_zero_arg_super(c, n)) {
    compile_super_args(c);
    nargs = 2;
  }
  for (int i = 0; i < args->count; i++) compile_expr(c, args->items[i]);
  for (int i = 0; i < kws->count; i++) compile_expr(c, kws->items[i]->u.keyword.value);
  c->unit->loc = n;
  if (kws->count)
    emit_arg2(c, BC_CALL_KW, (uint32_t)(nargs + kws->count), kwnames_const(c, kws));
  else
    emit_arg(c, BC_CALL, (uint32_t)nargs);
}

/* ------------------------------------------------- functions & lambdas */

static ObjCode *compile_function_body(Compiler *c, Node *n, Scope *s, NodeList *body,
                                      Node *expr_body);

/* Push the closure tuple for child scope s, from our own cells/free vars. */
static bool compile_closure(Compiler *c, Scope *child) {
  if (child->nfree == 0) return false;
  Scope *s = c->unit->scope;
  for (int i = 0; i < child->nfree; i++) {
    const char *name = child->slotnames[child->nlocals + i];
    Symbol *sym = scope_lookup(s, name);
    if (!sym || sym->slot < 0) {
      error_at(c, child->node, "internal error: no cell for free variable '%s'", name);
      return true;
    }
    emit_arg(c, BC_LOAD_CLOSURE, (uint32_t)sym->slot);
  }
  emit_arg(c, BC_BUILD_TUPLE, (uint32_t)child->nfree);
  return true;
}

/* Evaluate defaults, then build the function object for n. */
static void compile_make_function(Compiler *c, Node *n, Arguments *args, NodeList *body,
                                  Node *expr_body) {
  uint32_t flags = 0;
  if (args && args->defaults.count) {
    for (int i = 0; i < args->defaults.count; i++) compile_expr(c, args->defaults.items[i]);
    emit_arg(c, BC_BUILD_TUPLE, (uint32_t)args->defaults.count);
    flags |= 1;
  }
  if (args) {
    int nkw = 0;
    for (int i = 0; i < args->kwonly.count; i++) {
      Node *d = args->kw_defaults.items[i];
      if (!d) continue;
      emit_const(c, OBJ_VAL(intern(args->kwonly.items[i]->u.name.id)));
      compile_expr(c, d);
      nkw++;
    }
    if (nkw) {
      emit_arg(c, BC_BUILD_MAP, (uint32_t)nkw);
      flags |= 2;
    }
  }
  Scope *fs = scope_of(&c->scopes, n);
  if (compile_closure(c, fs)) flags |= 4;
  ObjCode *code = compile_function_body(c, n, fs, body, expr_body);
  if (!code) return;
  emit_const(c, OBJ_VAL(code));
  c->unit->loc = n;
  emit_arg(c, BC_MAKE_FUNCTION, flags);
}

static void emit_make_cells(Compiler *c, Scope *s) {
  for (int i = 0; i < s->nsyms; i++) {
    if (s->syms[i].kind == NAME_CELL) emit_arg(c, BC_MAKE_CELL, (uint32_t)s->syms[i].slot);
  }
}

static bool is_docstring(NodeList *body) {
  return body && body->count > 0 && body->items[0]->kind == S_EXPR &&
         body->items[0]->u.expr.value->kind == E_STR;
}

static ObjCode *compile_function_body(Compiler *c, Node *n, Scope *s, NodeList *body,
                                      Node *expr_body) {
  uint32_t flags = 0;
  if (s->is_lambda) flags |= CODE_LAMBDA;
  if (s->is_async && s->is_generator)
    flags |= CODE_ASYNCGEN;
  else if (s->is_async)
    flags |= CODE_COROUTINE;
  else if (s->is_generator)
    flags |= CODE_GENERATOR;
  enter_unit(c, s, flags);
  c->unit->loc = n;
  emit_make_cells(c, s);
  if (expr_body) {
    compile_expr(c, expr_body);
    c->unit->loc = expr_body;
    emit(c, BC_RETURN_VALUE);
  } else {
    if (is_docstring(body)) {
      Node *d = body->items[0]->u.expr.value;
      c->unit->doc = AS_STR(str_const(d));
    }
    compile_stmts(c, body);
    if (body->count) c->unit->loc = body->items[body->count - 1];
    emit(c, BC_LOAD_NONE);
    emit(c, BC_RETURN_VALUE);
  }
  return leave_unit(c, s->name, s->qualname);
}

/* ------------------------------------------------------ comprehensions */

static void compile_comp_generator(Compiler *c, Node *n, int gen_index, int depth) {
  NodeList *gens = &n->u.comp.generators;
  Node *g = gens->items[gen_index];
  bool is_async = g->u.for_.is_async;
  int start = new_label(c), exit = new_label(c), anext_end = -1;
  if (gen_index == 0) {
    emit_arg(c, BC_LOAD_FAST, 0); /* .0: the iterator made by the caller */
  } else {
    compile_iterable(c, g->u.for_.iter);
    c->unit->loc = g;
    emit(c, is_async ? BC_GET_AITER : BC_GET_ITER);
  }
  bind_label(c, start);
  int region = -1;
  if (is_async) {
    anext_end = new_label(c);
    /* Below the awaitable: the values under this loop, then its iterator. */
    region = open_region(c, anext_end, stmt_depth(c->unit) + depth + 1);
    emit(c, BC_GET_ANEXT);
    emit(c, BC_YIELD_FROM);
    close_region(c, region);
  } else {
    emit_jump(c, BC_FOR_ITER, exit);
  }
  compile_store(c, g->u.for_.target);
  NodeList *ifs = &g->u.for_.ifs;
  for (int i = 0; i < ifs->count; i++) compile_jump_if(c, ifs->items[i], false, start);
  if (gen_index + 1 < gens->count) {
    compile_comp_generator(c, n, gen_index + 1, depth + 1);
  } else {
    switch (n->kind) {
    case E_LISTCOMP:
      compile_expr(c, n->u.comp.elt);
      emit_arg(c, BC_LIST_APPEND, (uint32_t)depth + 1);
      break;
    case E_SETCOMP:
      compile_expr(c, n->u.comp.elt);
      emit_arg(c, BC_SET_ADD, (uint32_t)depth + 1);
      break;
    case E_DICTCOMP:
      compile_expr(c, n->u.comp.key);
      compile_expr(c, n->u.comp.elt);
      emit_arg(c, BC_MAP_ADD, (uint32_t)depth + 1);
      break;
    default:
      compile_expr(c, n->u.comp.elt);
      emit(c, BC_YIELD_VALUE);
      emit(c, BC_POP_TOP);
      break;
    }
  }
  emit_jump(c, BC_JUMP_BACKWARD, start);
  if (is_async) {
    bind_label(c, anext_end);
    emit(c, BC_END_ASYNC_FOR);
  } else {
    bind_label(c, exit);
  }
}

static void compile_comprehension(Compiler *c, Node *n) {
  Scope *cs = scope_of(&c->scopes, n);
  NodeList *gens = &n->u.comp.generators;
  bool is_gen = n->kind == E_GENEXP;
  bool outer_async = in_async_function(c);
  bool is_async = cs->comp_async;
  if (is_async && !outer_async && !is_gen) {
    error_at(c, n, "asynchronous comprehension outside of an asynchronous function");
    return;
  }
  for (int i = 0; i < gens->count; i++) {
    if (gens->items[i]->u.for_.is_async && !outer_async && !is_gen) {
      error_at(c, n, "asynchronous comprehension outside of an asynchronous function");
      return;
    }
  }
  uint32_t flags =
      is_gen ? (is_async ? CODE_ASYNCGEN : CODE_GENERATOR) : (is_async ? CODE_COROUTINE : 0);
  bool closure = compile_closure(c, cs);
  enter_unit(c, cs, flags);
  c->unit->loc = n;
  emit_make_cells(c, cs);
  if (!is_gen) {
    emit_arg(c,
             n->kind == E_LISTCOMP  ? BC_BUILD_LIST
             : n->kind == E_SETCOMP ? BC_BUILD_SET
                                    : BC_BUILD_MAP,
             0);
  }
  compile_comp_generator(c, n, 0, is_gen ? 0 : 1);
  c->unit->loc = n;
  if (is_gen) emit(c, BC_LOAD_NONE);
  emit(c, BC_RETURN_VALUE);
  ObjCode *code = leave_unit(c, cs->name, cs->qualname);
  if (!code) return;
  emit_const(c, OBJ_VAL(code));
  emit_arg(c, BC_MAKE_FUNCTION, closure ? 4 : 0);
  Node *first = gens->items[0];
  compile_iterable(c, first->u.for_.iter);
  c->unit->loc = n;
  emit(c, first->u.for_.is_async ? BC_GET_AITER : BC_GET_ITER);
  emit_arg(c, BC_CALL, 1);
  if (is_async && !is_gen) compile_await_value(c, 0);
}

/* ------------------------------------------------------------ expr */

static void compile_subscript_slice(Compiler *c, Node *s) {
  if (s->kind == E_SLICE) {
    int n = 2;
    if (s->u.slice.lower)
      compile_expr(c, s->u.slice.lower);
    else
      emit(c, BC_LOAD_NONE);
    if (s->u.slice.upper)
      compile_expr(c, s->u.slice.upper);
    else
      emit(c, BC_LOAD_NONE);
    if (s->u.slice.step) {
      compile_expr(c, s->u.slice.step);
      n = 3;
    }
    c->unit->loc = s;
    emit_arg(c, BC_BUILD_SLICE, (uint32_t)n);
  } else {
    compile_expr(c, s);
  }
}

static void compile_expr_inner(Compiler *c, Node *n) {
  switch (n->kind) {
  case E_NAME: compile_name(c, n->u.name.id, LOAD, n); break;
  case E_INT: compile_int(c, n->u.constant.i); break;
  case E_FLOAT: emit_const(c, FLOAT_VAL(n->u.constant.f)); break;
  case E_STR: emit_const(c, str_const(n)); break;
  case E_NONE: emit(c, BC_LOAD_NONE); break;
  case E_TRUE: emit(c, BC_LOAD_TRUE); break;
  case E_FALSE: emit(c, BC_LOAD_FALSE); break;
  case E_ELLIPSIS: emit_const(c, vm.ellipsis); break;
  case E_FSTRING: compile_fstring(c, n); break;
  case E_BINOP:
    compile_expr(c, n->u.binop.left);
    compile_expr(c, n->u.binop.right);
    c->unit->loc = n;
    if (binop_has_imm_form(n->u.binop.op) && prev_is(c->unit, BC_LOAD_SMALL_INT, 3))
      fuse_with_prev(c, BC_BINARY_OP_IMM, (uint16_t)n->u.binop.op);
    else
      emit(c, binop_opcode(n->u.binop.op));
    break;
  case E_UNARYOP: {
    Node *o = n->u.unaryop.operand;
    if (n->u.unaryop.op == OP_NEG && o->kind == E_INT && o->u.constant.i != INT64_MIN) {
      compile_int(c, -o->u.constant.i);
      break;
    }
    if (n->u.unaryop.op == OP_NEG && o->kind == E_FLOAT) {
      emit_const(c, FLOAT_VAL(-o->u.constant.f));
      break;
    }
    compile_expr(c, o);
    c->unit->loc = n;
    emit(c, n->u.unaryop.op == OP_NOT   ? BC_NOT
            : n->u.unaryop.op == OP_NEG ? BC_NEGATE
            : n->u.unaryop.op == OP_POS ? BC_POSITIVE
                                        : BC_INVERT);
    break;
  }
  case E_BOOLOP: compile_boolop(c, n); break;
  case E_COMPARE: compile_compare(c, n); break;
  case E_IFEXP: {
    int orelse = new_label(c), end = new_label(c);
    compile_jump_if(c, n->u.ifexp.test, false, orelse);
    compile_expr(c, n->u.ifexp.body);
    emit_jump(c, BC_JUMP, end);
    bind_label(c, orelse);
    compile_expr(c, n->u.ifexp.orelse);
    bind_label(c, end);
    break;
  }
  case E_LAMBDA: compile_make_function(c, n, n->u.lambda.args, NULL, n->u.lambda.body); break;
  case E_CALL: compile_call(c, n); break;
  case E_ATTRIBUTE:
    compile_expr(c, n->u.attribute.value);
    c->unit->loc = n;
    emit_arg(c, BC_LOAD_ATTR, add_name(c, n->u.attribute.attr));
    break;
  case E_SUBSCRIPT:
    compile_expr(c, n->u.subscript.value);
    compile_subscript_slice(c, n->u.subscript.slice);
    c->unit->loc = n;
    emit(c, BC_BINARY_SUBSCR);
    break;
  case E_SLICE: compile_subscript_slice(c, n); break;
  case E_LIST: compile_sequence(c, n, E_LIST); break;
  case E_TUPLE: compile_sequence(c, n, E_TUPLE); break;
  case E_SET: compile_sequence(c, n, E_SET); break;
  case E_DICT: compile_dict(c, n); break;
  case E_LISTCOMP:
  case E_SETCOMP:
  case E_GENEXP:
  case E_DICTCOMP: compile_comprehension(c, n); break;
  case E_AWAIT:
    if (!in_async_function(c)) {
      if (c->unit->scope->kind == SCOPE_COMPREHENSION)
        error_at(c, n, "asynchronous comprehension outside of an asynchronous function");
      else
        error_at(c, n,
                 inside_function(c) ? "'await' outside async function"
                                    : "'await' outside function");
      return;
    }
    compile_expr(c, n->u.unary.value);
    c->unit->loc = n;
    compile_await_value(c, 0);
    break;
  case E_YIELD:
  case E_YIELD_FROM: {
    Scope *s = c->unit->scope;
    if (s->kind == SCOPE_COMPREHENSION) {
      error_at(c, n, "'yield' inside %s",
               s->name[1] == 'l'   ? "list comprehension"
               : s->name[1] == 's' ? "set comprehension"
               : s->name[1] == 'd' ? "dict comprehension"
                                   : "generator expression");
      return;
    }
    if (s->kind != SCOPE_FUNCTION) {
      error_at(c, n, "'yield' outside function");
      return;
    }
    if (n->kind == E_YIELD_FROM && s->is_async) {
      error_at(c, n, "'yield from' inside async function");
      return;
    }
    if (n->kind == E_YIELD_FROM) {
      compile_expr(c, n->u.unary.value);
      c->unit->loc = n;
      emit(c, BC_GET_YIELD_FROM_ITER);
      emit(c, BC_YIELD_FROM);
    } else {
      if (n->u.unary.value)
        compile_expr(c, n->u.unary.value);
      else
        emit(c, BC_LOAD_NONE);
      c->unit->loc = n;
      emit(c, BC_YIELD_VALUE);
    }
    break;
  }
  case E_STARRED: error_at(c, n, "can't use starred expression here"); break;
  case E_NAMEDEXPR:
    compile_expr(c, n->u.named.value);
    c->unit->loc = n;
    emit(c, BC_DUP_TOP);
    compile_name(c, n->u.named.target->u.name.id, STORE, n);
    break;
  default: error_at(c, n, "invalid syntax"); break;
  }
}

static void compile_expr(Compiler *c, Node *n) {
  if (c->failed) return;
  if (++c->depth > COMPILE_MAX_DEPTH) {
    error_at(c, n, "too many nested expressions");
    c->depth--;
    return;
  }
  Node *saved = c->unit->loc;
  c->unit->loc = n;
  compile_expr_inner(c, n);
  c->unit->loc = saved;
  c->depth--;
}

/* ------------------------------------------------------------ targets */

static void compile_unpack_targets(Compiler *c, Node *n) {
  NodeList *elts = &n->u.seq.elts;
  int star = -1;
  for (int i = 0; i < elts->count; i++) {
    if (elts->items[i]->kind == E_STARRED) {
      if (star >= 0) {
        error_at(c, elts->items[i], "multiple starred expressions in assignment");
        return;
      }
      star = i;
    }
  }
  c->unit->loc = n;
  if (star < 0) {
    emit_arg(c, BC_UNPACK_SEQUENCE, (uint32_t)elts->count);
  } else {
    int before = star, after = elts->count - star - 1;
    if (before > 255 || after > 255) {
      error_at(c, n, "too many expressions in star-unpacking assignment");
      return;
    }
    emit_arg(c, BC_UNPACK_EX, (uint32_t)(before | (after << 8)));
  }
  for (int i = 0; i < elts->count; i++) {
    Node *t = elts->items[i];
    compile_store(c, t->kind == E_STARRED ? t->u.unary.value : t);
  }
}

/* Store the value on top of the stack into target. */
static void compile_store(Compiler *c, Node *t) {
  if (c->failed) return;
  Node *saved = c->unit->loc;
  c->unit->loc = t;
  switch (t->kind) {
  case E_NAME: compile_name(c, t->u.name.id, STORE, t); break;
  case E_ATTRIBUTE:
    compile_expr(c, t->u.attribute.value);
    c->unit->loc = t;
    emit_arg(c, BC_STORE_ATTR, add_name(c, t->u.attribute.attr));
    break;
  case E_SUBSCRIPT:
    compile_expr(c, t->u.subscript.value);
    compile_subscript_slice(c, t->u.subscript.slice);
    c->unit->loc = t;
    emit(c, BC_STORE_SUBSCR);
    break;
  case E_TUPLE:
  case E_LIST: compile_unpack_targets(c, t); break;
  case E_STARRED: error_at(c, t, "starred assignment target must be in a list or tuple"); break;
  default: error_at(c, t, "cannot assign to expression"); break;
  }
  c->unit->loc = saved;
}

static void compile_delete(Compiler *c, Node *t) {
  c->unit->loc = t;
  switch (t->kind) {
  case E_NAME: compile_name(c, t->u.name.id, DELETE, t); break;
  case E_ATTRIBUTE:
    compile_expr(c, t->u.attribute.value);
    c->unit->loc = t;
    emit_arg(c, BC_DELETE_ATTR, add_name(c, t->u.attribute.attr));
    break;
  case E_SUBSCRIPT:
    compile_expr(c, t->u.subscript.value);
    compile_subscript_slice(c, t->u.subscript.slice);
    c->unit->loc = t;
    emit(c, BC_DELETE_SUBSCR);
    break;
  case E_TUPLE:
  case E_LIST:
    for (int i = 0; i < t->u.seq.elts.count; i++) compile_delete(c, t->u.seq.elts.items[i]);
    break;
  default: error_at(c, t, "cannot delete expression"); break;
  }
}

/* ----------------------------------------------------- unwinding */

/* Emit the cleanup for leaving block b early (break/continue/return);
 * preserve_tos: a return value sits above the block's own stack items. */
static void unwind_fblock(Compiler *c, FBlock *b, bool preserve_tos) {
  switch (b->kind) {
  case FB_WHILE:
  case FB_TRY_EXCEPT: break;
  case FB_FOR:
  case FB_ASYNC_FOR:
    if (preserve_tos) emit(c, BC_ROT_TWO);
    emit(c, b->kind == FB_FOR ? BC_POP_ITER : BC_POP_TOP);
    break;
  case FB_FINALLY_TRY: {
    /* Run the finally body here, outside the try's own region. */
    FBlock saved = *b;
    int idx = (int)(b - c->unit->fblocks);
    int count = c->unit->nfblocks;
    c->unit->nfblocks = idx;
    if (preserve_tos) c->unit->extra_depth++;
    compile_stmts(c, saved.finalbody);
    if (preserve_tos) c->unit->extra_depth--;
    c->unit->nfblocks = count;
    break;
  }
  case FB_FINALLY_END:
    if (preserve_tos) emit(c, BC_ROT_THREE);
    emit(c, BC_POP_TOP);
    emit(c, BC_POP_EXCEPT);
    break;
  case FB_HANDLER:
    if (preserve_tos) emit(c, BC_ROT_TWO);
    emit(c, BC_POP_EXCEPT);
    break;
  case FB_HANDLER_NAMED:
    emit(c, BC_LOAD_NONE);
    compile_name(c, b->name, STORE, NULL);
    compile_name(c, b->name, DELETE, NULL);
    break;
  case FB_WITH:
  case FB_ASYNC_WITH:
    if (preserve_tos) emit(c, BC_ROT_TWO);
    emit(c, BC_LOAD_NONE);
    emit(c, BC_LOAD_NONE);
    emit(c, BC_LOAD_NONE);
    emit_arg(c, BC_CALL, 3);
    if (b->kind == FB_ASYNC_WITH) compile_await_value(c, 2);
    emit(c, BC_POP_TOP);
    break;
  }
}

/* Unwind blocks from the innermost down to (and, if inclusive, including)
 * index stop; regions of exited blocks are paused for the cleanup code and
 * resumed after the jump that follows (resume_after). */
static void unwind_to(Compiler *c, int stop, bool inclusive, bool preserve_tos, int *paused,
                      int *npaused) {
  Unit *u = c->unit;
  for (int i = u->nfblocks - 1; i > stop || (inclusive && i == stop); i--) {
    FBlock *b = &u->fblocks[i];
    if (b->region >= 0 && u->regions[b->region].open) {
      pause_region(c, b->region);
      paused[(*npaused)++] = b->region;
    }
    unwind_fblock(c, b, preserve_tos);
    if (i == 0) break;
  }
}

static void resume_regions(Compiler *c, int *paused, int npaused) {
  for (int i = npaused - 1; i >= 0; i--) resume_region(c, paused[i]);
}

static int innermost_loop(Unit *u) {
  for (int i = u->nfblocks - 1; i >= 0; i--) {
    FBlockKind k = u->fblocks[i].kind;
    if (k == FB_WHILE || k == FB_FOR || k == FB_ASYNC_FOR) return i;
  }
  return -1;
}

static void compile_break_continue(Compiler *c, Node *n, bool is_break) {
  Unit *u = c->unit;
  int loop = innermost_loop(u);
  if (loop < 0) {
    error_at(c, n, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    return;
  }
  int paused[64], npaused = 0;
  unwind_to(c, loop, is_break, false, paused, &npaused);
  FBlock *b = &u->fblocks[loop];
  if (is_break)
    emit_jump(c, BC_JUMP, b->break_label);
  else
    emit_jump(c, BC_JUMP_BACKWARD, b->cont_label);
  resume_regions(c, paused, npaused);
}

static void compile_return(Compiler *c, Node *n) {
  Scope *s = c->unit->scope;
  if (s->kind != SCOPE_FUNCTION) {
    error_at(c, n, "'return' outside function");
    return;
  }
  if (n->u.unary.value && s->is_async && s->is_generator) {
    error_at(c, n, "'return' with value in async generator");
    return;
  }
  if (n->u.unary.value)
    compile_expr(c, n->u.unary.value);
  else
    emit(c, BC_LOAD_NONE);
  c->unit->loc = n;
  int paused[64], npaused = 0;
  if (c->unit->nfblocks > 0) unwind_to(c, 0, true, true, paused, &npaused);
  c->unit->loc = n;
  emit(c, BC_RETURN_VALUE);
  resume_regions(c, paused, npaused);
}

/* ------------------------------------------------------------ statements */

static void compile_stmt(Compiler *c, Node *n);

static void compile_stmts(Compiler *c, NodeList *l) {
  for (int i = 0; i < l->count && !c->failed; i++) compile_stmt(c, l->items[i]);
}

static void compile_if(Compiler *c, Node *n) {
  int orelse = new_label(c), end = new_label(c);
  compile_jump_if(c, n->u.if_.test, false, orelse);
  compile_stmts(c, &n->u.if_.body);
  if (n->u.if_.orelse.count) {
    emit_jump(c, BC_JUMP, end);
    bind_label(c, orelse);
    compile_stmts(c, &n->u.if_.orelse);
  } else {
    bind_label(c, orelse);
  }
  bind_label(c, end);
}

static void compile_while(Compiler *c, Node *n) {
  int start = new_label(c), exit = new_label(c), brk = new_label(c);
  bind_label(c, start);
  compile_jump_if(c, n->u.while_.test, false, exit);
  FBlock *b = push_fblock(c, FB_WHILE, n);
  b->cont_label = start;
  b->break_label = brk;
  compile_stmts(c, &n->u.while_.body);
  pop_fblock(c);
  c->unit->loc = n;
  emit_jump(c, BC_JUMP_BACKWARD, start);
  bind_label(c, exit);
  compile_stmts(c, &n->u.while_.orelse);
  bind_label(c, brk);
}

static void compile_for(Compiler *c, Node *n) {
  bool is_async = n->u.for_.is_async;
  if (is_async && !in_async_function(c)) {
    error_at(c, n,
             inside_function(c) ? "'async for' outside async function"
                                : "'async for' outside async function");
    return;
  }
  int start = new_label(c), exit = new_label(c), brk = new_label(c);
  compile_iterable(c, n->u.for_.iter);
  c->unit->loc = n;
  /* A generator made right here belongs to the loop: CPython frees (and
   * so closes) it as soon as the loop drops it, running its finally. */
  bool owned = !is_async && n->u.for_.iter->kind == E_CALL;
  emit(c, is_async ? BC_GET_AITER : owned ? BC_GET_ITER_OWNED : BC_GET_ITER);
  bind_label(c, start);
  if (is_async) {
    int region = open_region(c, exit, stmt_depth(c->unit) + 1);
    emit(c, BC_GET_ANEXT);
    emit(c, BC_YIELD_FROM);
    close_region(c, region);
  } else {
    emit_jump(c, BC_FOR_ITER, exit);
  }
  compile_store(c, n->u.for_.target);
  FBlock *b = push_fblock(c, is_async ? FB_ASYNC_FOR : FB_FOR, n);
  b->cont_label = start;
  b->break_label = brk;
  compile_stmts(c, &n->u.for_.body);
  pop_fblock(c);
  c->unit->loc = n;
  emit_jump(c, BC_JUMP_BACKWARD, start);
  bind_label(c, exit);
  if (is_async) emit(c, BC_END_ASYNC_FOR);
  compile_stmts(c, &n->u.for_.orelse);
  bind_label(c, brk);
}

/* Exception cleanup shared by handlers: restore the previous exception
 * being handled, then re-raise. */
static void emit_cleanup(Compiler *c, int label) {
  bind_label(c, label);
  emit(c, BC_ROT_TWO);
  emit(c, BC_POP_EXCEPT);
  emit(c, BC_RERAISE);
}

static void compile_handlers(Compiler *c, Node *n, int end) {
  NodeList *handlers = &n->u.try_.handlers;
  int cleanup = new_label(c);
  int depth = stmt_depth(c->unit);
  emit(c, BC_PUSH_EXC_INFO);
  int region = open_region(c, cleanup, depth + 1);
  FBlock *hb = push_fblock(c, FB_HANDLER, n);
  hb->region = region;
  for (int i = 0; i < handlers->count; i++) {
    Node *h = handlers->items[i];
    c->unit->loc = h;
    if (!h->u.handler.type && i != handlers->count - 1) {
      error_at(c, h, "default 'except:' must be last");
      return;
    }
    int next = new_label(c);
    if (h->u.handler.type) {
      compile_expr(c, h->u.handler.type);
      c->unit->loc = h;
      emit(c, BC_CHECK_EXC_MATCH);
      emit_jump(c, BC_POP_JUMP_IF_FALSE, next);
    }
    if (h->u.handler.name) {
      compile_name(c, h->u.handler.name, STORE, h);
      int named_cleanup = new_label(c);
      int nregion = open_region(c, named_cleanup, depth + 1);
      FBlock *nb = push_fblock(c, FB_HANDLER_NAMED, h);
      nb->name = h->u.handler.name;
      nb->region = nregion;
      compile_stmts(c, &h->u.handler.body);
      pop_fblock(c);
      close_region(c, nregion);
      c->unit->loc = h;
      emit(c, BC_POP_EXCEPT);
      emit(c, BC_LOAD_NONE);
      compile_name(c, h->u.handler.name, STORE, h);
      compile_name(c, h->u.handler.name, DELETE, h);
      emit_jump(c, BC_JUMP, end);
      /* An exception inside the handler: unbind the name, re-raise. */
      bind_label(c, named_cleanup);
      emit(c, BC_LOAD_NONE);
      compile_name(c, h->u.handler.name, STORE, h);
      compile_name(c, h->u.handler.name, DELETE, h);
      emit(c, BC_RERAISE);
    } else {
      emit(c, BC_POP_TOP);
      compile_stmts(c, &h->u.handler.body);
      c->unit->loc = h;
      emit(c, BC_POP_EXCEPT);
      emit_jump(c, BC_JUMP, end);
    }
    bind_label(c, next);
  }
  /* Nothing matched: re-raise (inside the region, so prev is restored). */
  emit(c, BC_RERAISE);
  pop_fblock(c);
  close_region(c, region);
  emit_cleanup(c, cleanup);
}

static void compile_try_except(Compiler *c, Node *n) {
  int handler = new_label(c), end = new_label(c);
  int region = open_region(c, handler, stmt_depth(c->unit));
  FBlock *b = push_fblock(c, FB_TRY_EXCEPT, n);
  b->region = region;
  compile_stmts(c, &n->u.try_.body);
  pop_fblock(c);
  close_region(c, region);
  compile_stmts(c, &n->u.try_.orelse);
  emit_jump(c, BC_JUMP, end);
  bind_label(c, handler);
  compile_handlers(c, n, end);
  bind_label(c, end);
}

static void compile_try(Compiler *c, Node *n) {
  if (n->u.try_.finalbody.count == 0) {
    compile_try_except(c, n);
    return;
  }
  int exc_path = new_label(c), end = new_label(c), cleanup = new_label(c);
  int depth = stmt_depth(c->unit);
  int region = open_region(c, exc_path, depth);
  FBlock *b = push_fblock(c, FB_FINALLY_TRY, n);
  b->region = region;
  b->finalbody = &n->u.try_.finalbody;
  if (n->u.try_.handlers.count) {
    compile_try_except(c, n);
  } else {
    compile_stmts(c, &n->u.try_.body);
  }
  pop_fblock(c);
  close_region(c, region);
  compile_stmts(c, &n->u.try_.finalbody);
  emit_jump(c, BC_JUMP, end);
  /* The exception path: run the finally body with the exception saved. */
  bind_label(c, exc_path);
  emit(c, BC_PUSH_EXC_INFO);
  int r2 = open_region(c, cleanup, depth + 1);
  FBlock *fe = push_fblock(c, FB_FINALLY_END, n);
  fe->region = r2;
  compile_stmts(c, &n->u.try_.finalbody);
  pop_fblock(c);
  emit(c, BC_RERAISE);
  close_region(c, r2);
  emit_cleanup(c, cleanup);
  bind_label(c, end);
}

static void compile_with_item(Compiler *c, Node *n, int index) {
  bool is_async = n->u.with.is_async;
  Node *item = n->u.with.items.items[index];
  int exc = new_label(c), end = new_label(c), cleanup = new_label(c), suppress = new_label(c);
  int depth = stmt_depth(c->unit);
  compile_expr(c, item->u.withitem.context_expr);
  c->unit->loc = item;
  emit(c, is_async ? BC_BEFORE_ASYNC_WITH : BC_BEFORE_WITH);
  emit_arg(c, BC_CALL, 0);
  if (is_async) compile_await_value(c, 1);
  if (item->u.withitem.optional_vars)
    compile_store(c, item->u.withitem.optional_vars);
  else
    emit(c, BC_POP_TOP);
  int region = open_region(c, exc, depth + 1);
  FBlock *b = push_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH, n);
  b->region = region;
  if (index + 1 < n->u.with.items.count)
    compile_with_item(c, n, index + 1);
  else
    compile_stmts(c, &n->u.with.body);
  pop_fblock(c);
  close_region(c, region);
  c->unit->loc = item;
  emit(c, BC_LOAD_NONE);
  emit(c, BC_LOAD_NONE);
  emit(c, BC_LOAD_NONE);
  emit_arg(c, BC_CALL, 3);
  if (is_async) compile_await_value(c, 2);
  emit(c, BC_POP_TOP);
  emit_jump(c, BC_JUMP, end);
  /* The body raised: __exit__ decides whether the exception goes on. */
  bind_label(c, exc);
  emit(c, BC_PUSH_EXC_INFO);
  int r2 = open_region(c, cleanup, depth + 2);
  emit(c, BC_WITH_EXCEPT_START);
  if (is_async) compile_await_value(c, 2);
  emit_jump(c, BC_POP_JUMP_IF_TRUE, suppress);
  emit(c, BC_RERAISE);
  close_region(c, r2);
  bind_label(c, suppress);
  emit(c, BC_POP_TOP);
  emit(c, BC_POP_EXCEPT);
  emit(c, BC_POP_TOP);
  emit_jump(c, BC_JUMP, end);
  bind_label(c, cleanup);
  emit(c, BC_ROT_TWO);
  emit(c, BC_POP_EXCEPT);
  emit(c, BC_RERAISE);
  bind_label(c, end);
}

static void compile_with(Compiler *c, Node *n) {
  if (n->u.with.is_async && !in_async_function(c)) {
    error_at(c, n, "'async with' outside async function");
    return;
  }
  compile_with_item(c, n, 0);
}

static void compile_augassign(Compiler *c, Node *n) {
  Node *t = n->u.augassign.target;
  uint32_t op = (uint32_t)n->u.augassign.op;
  switch (t->kind) {
  case E_NAME:
    compile_name(c, t->u.name.id, LOAD, t);
    compile_expr(c, n->u.augassign.value);
    c->unit->loc = n;
    if (binop_has_imm_form((AstOp)op) && prev_is(c->unit, BC_LOAD_SMALL_INT, 3))
      fuse_with_prev(c, BC_INPLACE_IMM, (uint16_t)op);
    else
      emit_arg(c, BC_INPLACE, op);
    compile_name(c, t->u.name.id, STORE, t);
    break;
  case E_ATTRIBUTE:
    compile_expr(c, t->u.attribute.value);
    c->unit->loc = t;
    emit(c, BC_DUP_TOP);
    emit_arg(c, BC_LOAD_ATTR, add_name(c, t->u.attribute.attr));
    compile_expr(c, n->u.augassign.value);
    c->unit->loc = n;
    emit_arg(c, BC_INPLACE, op);
    emit(c, BC_ROT_TWO);
    emit_arg(c, BC_STORE_ATTR, add_name(c, t->u.attribute.attr));
    break;
  case E_SUBSCRIPT:
    compile_expr(c, t->u.subscript.value);
    compile_subscript_slice(c, t->u.subscript.slice);
    c->unit->loc = t;
    emit(c, BC_DUP_TOP_TWO);
    emit(c, BC_BINARY_SUBSCR);
    compile_expr(c, n->u.augassign.value);
    c->unit->loc = n;
    emit_arg(c, BC_INPLACE, op);
    emit(c, BC_ROT_THREE);
    emit(c, BC_STORE_SUBSCR);
    break;
  default: error_at(c, t, "illegal expression for augmented assignment"); break;
  }
}

static void compile_class(Compiler *c, Node *n) {
  Scope *cs = scope_of(&c->scopes, n);
  if (n->u.classdef.keywords.count) {
    error_at(c, n->u.classdef.keywords.items[0],
             "asy does not support class keywords such as metaclass=");
    return;
  }
  for (int i = 0; i < n->u.classdef.decorators.count; i++)
    compile_expr(c, n->u.classdef.decorators.items[i]);
  NodeList *bases = &n->u.classdef.bases;
  if (has_starred(bases)) {
    error_at(c, n, "asy does not support *bases in a class definition");
    return;
  }
  for (int i = 0; i < bases->count; i++) compile_expr(c, bases->items[i]);
  c->unit->loc = n;
  bool closure = compile_closure(c, cs);
  enter_unit(c, cs, CODE_CLASSBODY);
  c->unit->loc = n;
  emit_make_cells(c, cs);
  emit_arg(c, BC_LOAD_NAME, add_name(c, "__name__"));
  emit_arg(c, BC_STORE_NAME, add_name(c, "__module__"));
  emit_const(c, OBJ_VAL(str_from_cstr(cs->qualname)));
  emit_arg(c, BC_STORE_NAME, add_name(c, "__qualname__"));
  if (is_docstring(&n->u.classdef.body)) {
    emit_const(c, str_const(n->u.classdef.body.items[0]->u.expr.value));
    emit_arg(c, BC_STORE_NAME, add_name(c, "__doc__"));
  }
  compile_stmts(c, &n->u.classdef.body);
  c->unit->loc = n;
  if (cs->has_class_cell) {
    Symbol *cell = scope_lookup(cs, "__class__");
    emit_arg(c, BC_LOAD_CLOSURE, (uint32_t)cell->slot);
    emit_arg(c, BC_STORE_NAME, add_name(c, "__classcell__"));
  }
  emit(c, BC_LOAD_NONE);
  emit(c, BC_RETURN_VALUE);
  ObjCode *code = leave_unit(c, cs->name, cs->qualname);
  if (!code) return;
  c->unit->loc = n;
  emit_const(c, OBJ_VAL(code));
  emit_arg(c, BC_MAKE_FUNCTION, closure ? 4 : 0);
  emit_arg(c, BC_CALL, 0);
  emit_arg2(c, BC_BUILD_CLASS, (uint32_t)bases->count,
            add_const(c, OBJ_VAL(intern(n->u.classdef.name))));
  for (int i = 0; i < n->u.classdef.decorators.count; i++) emit_arg(c, BC_CALL, 1);
  compile_name(c, n->u.classdef.name, STORE, n);
}

static void compile_funcdef(Compiler *c, Node *n) {
  for (int i = 0; i < n->u.funcdef.decorators.count; i++)
    compile_expr(c, n->u.funcdef.decorators.items[i]);
  compile_make_function(c, n, n->u.funcdef.args, &n->u.funcdef.body, NULL);
  c->unit->loc = n;
  for (int i = 0; i < n->u.funcdef.decorators.count; i++) emit_arg(c, BC_CALL, 1);
  compile_name(c, n->u.funcdef.name, STORE, n);
}

static void compile_import(Compiler *c, Node *n) {
  NodeList *names = &n->u.import.names;
  for (int i = 0; i < names->count; i++) {
    Node *al = names->items[i];
    c->unit->loc = al;
    emit_arg(c, BC_IMPORT_NAME, add_name(c, al->u.alias.name));
    if (al->u.alias.asname) {
      const char *dot = strrchr(al->u.alias.name, '.');
      if (dot)
        emit_arg(c, BC_IMPORT_FROM, add_name(c, dot + 1)), emit(c, BC_ROT_TWO), emit(c, BC_POP_TOP);
      compile_name(c, al->u.alias.asname, STORE, al);
    } else {
      const char *dot = strchr(al->u.alias.name, '.');
      if (dot) {
        char top[256];
        size_t len = (size_t)(dot - al->u.alias.name);
        if (len >= sizeof top) len = sizeof top - 1;
        memcpy(top, al->u.alias.name, len);
        top[len] = '\0';
        emit(c, BC_POP_TOP);
        emit_arg(c, BC_IMPORT_NAME, add_name(c, top));
        compile_name(c, arena_strndup(c->arena, top, len), STORE, al);
      } else {
        compile_name(c, al->u.alias.name, STORE, al);
      }
    }
  }
}

static void compile_importfrom(Compiler *c, Node *n) {
  if (n->u.import.level > 0) {
    error_at(c, n, "attempted relative import with no known parent package");
    return;
  }
  emit_arg(c, BC_IMPORT_NAME, add_name(c, n->u.import.module));
  NodeList *names = &n->u.import.names;
  for (int i = 0; i < names->count; i++) {
    Node *al = names->items[i];
    c->unit->loc = al;
    if (strcmp(al->u.alias.name, "*") == 0) {
      if (c->unit->scope->kind != SCOPE_MODULE) {
        error_at(c, al, "import * only allowed at module level");
        return;
      }
      emit(c, BC_IMPORT_STAR);
      return;
    }
    emit_arg(c, BC_IMPORT_FROM, add_name(c, al->u.alias.name));
    compile_name(c, al->u.alias.asname ? al->u.alias.asname : al->u.alias.name, STORE, al);
  }
  emit(c, BC_POP_TOP);
}

static bool is_constant_expr(Node *n) {
  switch (n->kind) {
  case E_INT:
  case E_FLOAT:
  case E_STR:
  case E_NONE:
  case E_TRUE:
  case E_FALSE:
  case E_ELLIPSIS: return true;
  default: return false;
  }
}

static void compile_stmt_inner(Compiler *c, Node *n) {
  switch (n->kind) {
  case S_EXPR: {
    Node *v = n->u.expr.value;
    bool echo = c->mode == COMPILE_SINGLE && c->unit->scope->kind == SCOPE_MODULE;
    if (is_constant_expr(v) && !echo) break;
    compile_expr(c, v);
    c->unit->loc = n;
    emit(c, echo ? BC_PRINT_EXPR : BC_POP_TOP);
    break;
  }
  case S_ASSIGN: {
    compile_expr(c, n->u.assign.value);
    NodeList *targets = &n->u.assign.targets;
    for (int i = 0; i < targets->count; i++) {
      c->unit->loc = n;
      if (i < targets->count - 1) emit(c, BC_DUP_TOP);
      compile_store(c, targets->items[i]);
    }
    break;
  }
  case S_AUGASSIGN: compile_augassign(c, n); break;
  case S_ANNASSIGN:
    if (n->u.annassign.value) {
      compile_expr(c, n->u.annassign.value);
      compile_store(c, n->u.annassign.target);
    }
    break;
  case S_IF: compile_if(c, n); break;
  case S_WHILE: compile_while(c, n); break;
  case S_FOR: compile_for(c, n); break;
  case S_BREAK: compile_break_continue(c, n, true); break;
  case S_CONTINUE: compile_break_continue(c, n, false); break;
  case S_PASS: break;
  case S_RETURN: compile_return(c, n); break;
  case S_DELETE:
    for (int i = 0; i < n->u.seq.elts.count; i++) compile_delete(c, n->u.seq.elts.items[i]);
    break;
  case S_FUNCDEF: compile_funcdef(c, n); break;
  case S_CLASSDEF: compile_class(c, n); break;
  case S_TRY: compile_try(c, n); break;
  case S_RAISE: {
    int argc = 0;
    if (n->u.raise.exc) {
      compile_expr(c, n->u.raise.exc);
      argc = 1;
      if (n->u.raise.cause) {
        compile_expr(c, n->u.raise.cause);
        argc = 2;
      }
    }
    c->unit->loc = n;
    emit_arg(c, BC_RAISE, (uint32_t)argc);
    break;
  }
  case S_ASSERT: {
    int end = new_label(c);
    compile_jump_if(c, n->u.assert_.test, true, end);
    c->unit->loc = n;
    emit(c, BC_LOAD_ASSERTION_ERROR);
    if (n->u.assert_.msg) {
      compile_expr(c, n->u.assert_.msg);
      c->unit->loc = n;
      emit_arg(c, BC_CALL, 1);
    }
    emit_arg(c, BC_RAISE, 1);
    bind_label(c, end);
    break;
  }
  case S_WITH: compile_with(c, n); break;
  case S_GLOBAL:
  case S_NONLOCAL: break;
  case S_IMPORT: compile_import(c, n); break;
  case S_IMPORTFROM: compile_importfrom(c, n); break;
  default: error_at(c, n, "invalid syntax"); break;
  }
}

static void compile_stmt(Compiler *c, Node *n) {
  if (c->failed) return;
  if (++c->depth > COMPILE_MAX_DEPTH) {
    error_at(c, n, "too many statically nested blocks");
    c->depth--;
    return;
  }
  c->unit->loc = n;
  compile_stmt_inner(c, n);
  c->depth--;
}

/* ------------------------------------------------------------- entry */

static bool module_awaits(Scope *m) {
  return m->is_async;
}

static bool node_has_toplevel_await(Node *n, int depth);

static bool list_has_await(NodeList *l, int depth) {
  for (int i = 0; i < l->count; i++) {
    if (node_has_toplevel_await(l->items[i], depth + 1)) return true;
  }
  return false;
}

/* Does module-level code (not nested defs/lambdas) await? The REPL then
 * runs the input as a coroutine. */
static bool node_has_toplevel_await(Node *n, int depth) {
  if (!n || depth > COMPILE_MAX_DEPTH) return false;
  switch (n->kind) {
  case E_AWAIT: return true;
  case S_FUNCDEF:
  case S_CLASSDEF:
  case E_LAMBDA: return false;
  case S_FOR:
    return n->u.for_.is_async || node_has_toplevel_await(n->u.for_.iter, depth + 1) ||
           list_has_await(&n->u.for_.body, depth) || list_has_await(&n->u.for_.orelse, depth);
  case S_WITH:
    if (n->u.with.is_async) return true;
    for (int i = 0; i < n->u.with.items.count; i++) {
      if (node_has_toplevel_await(n->u.with.items.items[i]->u.withitem.context_expr, depth + 1))
        return true;
    }
    return list_has_await(&n->u.with.body, depth);
  case E_LISTCOMP:
  case E_SETCOMP:
  case E_DICTCOMP:
    for (int i = 0; i < n->u.comp.generators.count; i++) {
      if (n->u.comp.generators.items[i]->u.for_.is_async) return true;
    }
    return node_has_toplevel_await(n->u.comp.elt, depth + 1);
  case S_EXPR: return node_has_toplevel_await(n->u.expr.value, depth + 1);
  case S_ASSIGN: return node_has_toplevel_await(n->u.assign.value, depth + 1);
  case S_AUGASSIGN: return node_has_toplevel_await(n->u.augassign.value, depth + 1);
  case S_ANNASSIGN: return node_has_toplevel_await(n->u.annassign.value, depth + 1);
  case S_RETURN: return node_has_toplevel_await(n->u.unary.value, depth + 1);
  case S_IF:
    return node_has_toplevel_await(n->u.if_.test, depth + 1) ||
           list_has_await(&n->u.if_.body, depth) || list_has_await(&n->u.if_.orelse, depth);
  case S_WHILE:
    return node_has_toplevel_await(n->u.while_.test, depth + 1) ||
           list_has_await(&n->u.while_.body, depth) || list_has_await(&n->u.while_.orelse, depth);
  case S_TRY: {
    if (list_has_await(&n->u.try_.body, depth) || list_has_await(&n->u.try_.orelse, depth) ||
        list_has_await(&n->u.try_.finalbody, depth))
      return true;
    for (int i = 0; i < n->u.try_.handlers.count; i++) {
      if (list_has_await(&n->u.try_.handlers.items[i]->u.handler.body, depth)) return true;
    }
    return false;
  }
  case E_CALL:
    if (node_has_toplevel_await(n->u.call.func, depth + 1) ||
        list_has_await(&n->u.call.args, depth))
      return true;
    for (int i = 0; i < n->u.call.keywords.count; i++) {
      if (node_has_toplevel_await(n->u.call.keywords.items[i]->u.keyword.value, depth + 1))
        return true;
    }
    return false;
  case E_BINOP:
    return node_has_toplevel_await(n->u.binop.left, depth + 1) ||
           node_has_toplevel_await(n->u.binop.right, depth + 1);
  case E_UNARYOP: return node_has_toplevel_await(n->u.unaryop.operand, depth + 1);
  case E_BOOLOP: return list_has_await(&n->u.boolop.values, depth);
  case E_COMPARE:
    return node_has_toplevel_await(n->u.compare.left, depth + 1) ||
           list_has_await(&n->u.compare.comparators, depth);
  case E_IFEXP:
    return node_has_toplevel_await(n->u.ifexp.test, depth + 1) ||
           node_has_toplevel_await(n->u.ifexp.body, depth + 1) ||
           node_has_toplevel_await(n->u.ifexp.orelse, depth + 1);
  case E_ATTRIBUTE: return node_has_toplevel_await(n->u.attribute.value, depth + 1);
  case E_SUBSCRIPT:
    return node_has_toplevel_await(n->u.subscript.value, depth + 1) ||
           node_has_toplevel_await(n->u.subscript.slice, depth + 1);
  case E_LIST:
  case E_TUPLE:
  case E_SET: return list_has_await(&n->u.seq.elts, depth);
  case E_DICT: return list_has_await(&n->u.dict.values, depth);
  case E_FSTRING: return list_has_await(&n->u.fstring.parts, depth);
  case E_FORMATTED: return node_has_toplevel_await(n->u.formatted.value, depth + 1);
  case E_STARRED: return node_has_toplevel_await(n->u.unary.value, depth + 1);
  case E_NAMEDEXPR: return node_has_toplevel_await(n->u.named.value, depth + 1);
  default: return false;
  }
}

ObjCode *compile_tree(Node *tree, const char *filename, CompileMode mode, SyntaxErr *err) {
  Compiler c;
  memset(&c, 0, sizeof c);
  Arena arena = {0};
  c.arena = &arena;
  c.filename = filename;
  c.err = err;
  c.mode = mode;
  if (!scope_analyze(&c.scopes, &arena, tree, mode == COMPILE_SINGLE, err)) {
    scope_free(&c.scopes);
    arena_free(&arena);
    return NULL;
  }
  Compiler *saved = active;
  active = &c;
  c.filename_str = str_intern_cstr(filename);
  gc_add_marker(compiler_mark, &c);
  Scope *m = c.scopes.module;
  uint32_t flags = CODE_MODULE;
  if (mode == COMPILE_SINGLE && tree->kind == MOD_MODULE && list_has_await(&tree->u.module.body, 0))
    flags |= CODE_COROUTINE;
  (void)module_awaits;
  enter_unit(&c, m, flags);
  c.unit->loc = tree;
  if (mode == COMPILE_EVAL) {
    compile_expr(&c, tree);
    emit(&c, BC_RETURN_VALUE);
  } else {
    NodeList *body = &tree->u.module.body;
    if (is_docstring(body) && mode == COMPILE_FILE) {
      c.unit->loc = body->items[0];
      emit_const(&c, str_const(body->items[0]->u.expr.value));
      emit_arg(&c, BC_STORE_GLOBAL, add_name(&c, "__doc__"));
    }
    compile_stmts(&c, body);
    if (body->count) c.unit->loc = body->items[body->count - 1];
    emit(&c, BC_LOAD_NONE);
    emit(&c, BC_RETURN_VALUE);
  }
  ObjCode *code = leave_unit(&c, "<module>", "<module>");
  while (c.unit) {
    Unit *u = c.unit;
    c.unit = u->parent;
    free_unit(u);
  }
  gc_remove_marker(compiler_mark, &c);
  active = saved;
  scope_free(&c.scopes);
  arena_free(&arena);
  return code;
}

/* ------------------------------------------------------- syntax errors */

void compile_raise_syntax_error(const SyntaxErr *err, const char *filename, const char *src,
                                size_t len) {
  ObjClass *cls = vm.e_SyntaxError;
  if (err->kind && strcmp(err->kind, "IndentationError") == 0) cls = vm.e_IndentationError;
  if (err->kind && strcmp(err->kind, "TabError") == 0) cls = vm.e_TabError;
  Value msg = OBJ_VAL(str_from_cstr(err->msg));
  gc_push_root(msg);
  Value exc = vm_new_exception(cls, 1, &msg);
  gc_push_root(exc);
  ObjDict *d = dict_new();
  AS_INSTANCE(exc)->dict = d;
  dict_set_cstr(d, "msg", msg);
  dict_set_cstr(d, "filename", OBJ_VAL(str_from_cstr(filename)));
  dict_set_cstr(d, "lineno", INT_VAL(err->line));
  /* offset is 1-based and counts characters, as CPython's. */
  const char *line = NULL;
  size_t linelen = 0;
  if (src) {
    const char *p = src, *end = src + len;
    for (int i = 1; i < err->line && p; i++) {
      p = memchr(p, '\n', (size_t)(end - p));
      if (p) p++;
    }
    if (p && p <= end) {
      const char *nl = memchr(p, '\n', (size_t)(end - p));
      line = p;
      linelen = (size_t)((nl ? nl : end) - p);
    }
  }
  int offset = err->col + 1, end_offset = err->end_col + 1;
  if (line) {
    size_t col = (size_t)err->col < linelen ? (size_t)err->col : linelen;
    offset = (int)utf8_count(line, col) + 1;
    size_t ecol = (size_t)err->end_col < linelen ? (size_t)err->end_col : linelen;
    if (err->end_line == err->line) end_offset = (int)utf8_count(line, ecol) + 1;
  }
  dict_set_cstr(d, "offset", INT_VAL(offset));
  dict_set_cstr(d, "end_lineno", INT_VAL(err->end_line));
  dict_set_cstr(d, "end_offset", INT_VAL(end_offset));
  if (line && utf8_valid(line, linelen)) {
    ObjString *text = str_printf("%.*s\n", (int)linelen, line);
    dict_set_cstr(d, "text", OBJ_VAL(text));
  } else {
    dict_set_cstr(d, "text", NONE_VAL);
  }
  gc_pop_roots(2);
  vm_raise_value(exc);
}

static Value attr_of(Value exc, const char *name) {
  Value v = UNDEF_VAL;
  if (IS_EXCEPTION(exc) && AS_INSTANCE(exc)->dict)
    dict_get_str(AS_INSTANCE(exc)->dict, str_intern_cstr(name), &v);
  return v;
}

void compile_print_syntax_error(Value exc) {
  Value file = attr_of(exc, "filename"), lineno = attr_of(exc, "lineno"),
        text = attr_of(exc, "text");
  Value offset = attr_of(exc, "offset"), end_offset = attr_of(exc, "end_offset");
  Value end_lineno = attr_of(exc, "end_lineno");
  if (IS_STR(file) && IS_INT(lineno))
    fprintf(stderr, "  File \"%s\", line %lld\n", source_cpython_path(AS_CSTR(file)),
            (long long)AS_INT(lineno));
  if (IS_STR(text)) {
    const char *t = AS_CSTR(text);
    size_t len = AS_STR(text)->len;
    while (len && (t[len - 1] == '\n' || t[len - 1] == '\r')) len--;
    size_t lead = 0;
    while (lead < len && (t[lead] == ' ' || t[lead] == '\t' || t[lead] == '\f')) lead++;
    fprintf(stderr, "    %.*s\n", (int)(len - lead), t + lead);
    if (IS_INT(offset)) {
      int64_t lead_cp = utf8_count(t, lead);
      int64_t start = AS_INT(offset) - 1 - lead_cp;
      int64_t width = 1;
      if (IS_INT(end_offset) && IS_INT(end_lineno) && AS_INT(end_lineno) == AS_INT(lineno) &&
          AS_INT(end_offset) > AS_INT(offset))
        width = AS_INT(end_offset) - AS_INT(offset);
      if (start < 0) start = 0;
      fputs("    ", stderr);
      for (int64_t i = 0; i < start; i++) fputc(' ', stderr);
      for (int64_t i = 0; i < width; i++) fputc('^', stderr);
      fputc('\n', stderr);
    }
  }
  Value msg = attr_of(exc, "msg");
  const char *cname = vm_class_of(exc)->name->chars;
  if (IS_STR(msg))
    fprintf(stderr, "%s: %s\n", cname, AS_CSTR(msg));
  else
    fprintf(stderr, "%s\n", vm_exception_line(exc)->chars);
}

ObjCode *compile_source(const char *src, size_t len, const char *filename, CompileMode mode) {
  Arena arena = {0};
  SyntaxErr err;
  memset(&err, 0, sizeof err);
  ParseMode pm = mode == COMPILE_EVAL     ? PARSE_EVAL
                 : mode == COMPILE_SINGLE ? PARSE_SINGLE
                                          : PARSE_FILE;
  Node *tree = parse_source(&arena, src, len, pm, &err);
  ObjCode *code = NULL;
  /* Debug mode: warn about time.sleep()/input() inside async def (lint.c). */
  if (tree && vm.debug) lint_blocking_calls(tree, filename, src, len, stderr);
  if (tree) code = compile_tree(tree, filename, mode, &err);
  arena_free(&arena);
  if (!code) compile_raise_syntax_error(&err, filename, src, len);
  return code;
}
