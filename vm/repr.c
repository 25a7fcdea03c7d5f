/* repr.c — repr(), str() and format() of every builtin type, and the
 * dispatch to __repr__/__str__/__format__ of user classes. */
#include "../lib/format.h"
#include "ops.h"

/* Objects whose repr is being built, so a container that contains itself
 * prints as [...] instead of recursing forever. */
#define REPR_MAX_DEPTH 1000
static Obj *repr_stack[REPR_MAX_DEPTH];
static int repr_depth;

static int repr_enter(Obj *o) {
  for (int i = 0; i < repr_depth; i++) {
    if (repr_stack[i] == o) return 1;
  }
  if (repr_depth == REPR_MAX_DEPTH) {
    vm_raise(vm.e_RecursionError,
             "maximum recursion depth exceeded while getting the repr of an object");
    return -1;
  }
  repr_stack[repr_depth++] = o;
  return 0;
}

static void repr_leave(void) {
  repr_depth--;
}

static ObjString *buf_to_str(FmtBuf *b) {
  ObjString *s = str_new(b->data ? b->data : "", b->len);
  fmt_buf_free(b);
  return s;
}

/* Append repr(v) to b; false with an exception pending. */
static bool append_repr(FmtBuf *b, Value v) {
  if (IS_STR(v)) {
    fmt_str_repr(b, AS_STR(v)->chars, AS_STR(v)->len);
    return true;
  }
  if (IS_INT(v)) {
    fmt_buf_printf(b, "%lld", (long long)AS_INT(v));
    return true;
  }
  ObjString *s = vm_repr(v);
  if (!s) return false;
  fmt_buf_append(b, s->chars, s->len);
  return true;
}

static bool append_items(FmtBuf *b, const Value *items, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) {
    if (i) fmt_buf_puts(b, ", ");
    if (!append_repr(b, items[i])) return false;
  }
  return true;
}

static ObjString *seq_repr(Value v, const char *open, const char *close, const Value *items,
                           uint32_t n, bool one_comma) {
  int r = repr_enter(AS_OBJ(v));
  if (r < 0) return NULL;
  if (r == 1) return str_printf("%s...%s", open, close);
  FmtBuf b = FMT_BUF_INIT;
  fmt_buf_puts(&b, open);
  bool ok = append_items(&b, items, n);
  if (one_comma && n == 1) fmt_buf_putc(&b, ',');
  fmt_buf_puts(&b, close);
  repr_leave();
  if (!ok) {
    fmt_buf_free(&b);
    return NULL;
  }
  return buf_to_str(&b);
}

static ObjString *dict_repr(Value v) {
  int r = repr_enter(AS_OBJ(v));
  if (r < 0) return NULL;
  if (r == 1) return str_from_cstr("{...}");
  ObjDict *d = AS_DICT(v);
  FmtBuf b = FMT_BUF_INIT;
  fmt_buf_putc(&b, '{');
  uint32_t pos = 0;
  DictEntry *e;
  bool first = true, ok = true;
  while (ok && dict_next(d, &pos, &e)) {
    if (!first) fmt_buf_puts(&b, ", ");
    first = false;
    Value val = e->value;
    ok = append_repr(&b, e->key);
    if (ok) {
      fmt_buf_puts(&b, ": ");
      ok = append_repr(&b, val);
    }
  }
  fmt_buf_putc(&b, '}');
  repr_leave();
  if (!ok) {
    fmt_buf_free(&b);
    return NULL;
  }
  return buf_to_str(&b);
}

/* The elements of a set/frozenset/dict view as a fresh list, rooted. */
static ObjList *set_items(ObjSet *s) {
  ObjList *l = list_new(s->used, NULL);
  uint32_t pos = 0;
  Value k;
  while (set_next(s, &pos, &k)) l->items[l->len++] = k;
  return l;
}

static ObjString *set_repr(Value v) {
  ObjSet *s = AS_SET(v);
  bool frozen = AS_OBJ(v)->flags & SET_FROZEN;
  if (s->used == 0) return str_from_cstr(frozen ? "frozenset()" : "set()");
  int r = repr_enter(AS_OBJ(v));
  if (r < 0) return NULL;
  if (r == 1) return str_printf("%s(...)", vm_type_name(v));
  ObjList *items = set_items(s);
  gc_push_root(OBJ_VAL(items));
  FmtBuf b = FMT_BUF_INIT;
  if (frozen) fmt_buf_puts(&b, "frozenset(");
  fmt_buf_putc(&b, '{');
  bool ok = append_items(&b, items->items, items->len);
  fmt_buf_putc(&b, '}');
  if (frozen) fmt_buf_putc(&b, ')');
  gc_pop_roots(1);
  repr_leave();
  if (!ok) {
    fmt_buf_free(&b);
    return NULL;
  }
  return buf_to_str(&b);
}

static ObjString *view_repr(Value v) {
  ObjView *view = AS_VIEW(v);
  static const char *const names[] = {"dict_keys", "dict_values", "dict_items"};
  int r = repr_enter(AS_OBJ(v));
  if (r < 0) return NULL;
  if (r == 1) return str_from_cstr("...");
  FmtBuf b = FMT_BUF_INIT;
  fmt_buf_printf(&b, "%s([", names[view->kind]);
  uint32_t pos = 0;
  DictEntry *e;
  bool first = true, ok = true;
  while (ok && dict_next(view->dict, &pos, &e)) {
    if (!first) fmt_buf_puts(&b, ", ");
    first = false;
    Value key = e->key, val = e->value;
    if (view->kind == 0) {
      ok = append_repr(&b, key);
    } else if (view->kind == 1) {
      ok = append_repr(&b, val);
    } else {
      fmt_buf_putc(&b, '(');
      ok = append_repr(&b, key);
      if (ok) {
        fmt_buf_puts(&b, ", ");
        ok = append_repr(&b, val);
      }
      fmt_buf_putc(&b, ')');
    }
  }
  fmt_buf_puts(&b, "])");
  repr_leave();
  if (!ok) {
    fmt_buf_free(&b);
    return NULL;
  }
  return buf_to_str(&b);
}

static const char *module_name_of_class(ObjClass *c) {
  Value m;
  if (dict_get_str(c->dict, vm.names[NAME_module], &m) && IS_STR(m)) return AS_CSTR(m);
  return "builtins";
}

static ObjString *class_repr(ObjClass *c) {
  const char *mod = module_name_of_class(c);
  if (strcmp(mod, "builtins") == 0) return str_printf("<class '%s'>", c->qualname->chars);
  return str_printf("<class '%s.%s'>", mod, c->qualname->chars);
}

static ObjString *object_repr(Value v) {
  ObjClass *c = vm_class_of(v);
  const char *mod = module_name_of_class(c);
  if (strcmp(mod, "builtins") == 0)
    return str_printf("<%s object at %p>", c->qualname->chars, (void *)AS_OBJ(v));
  return str_printf("<%s.%s object at %p>", mod, c->qualname->chars, (void *)AS_OBJ(v));
}

static ObjString *exception_repr(Value v) {
  ObjException *e = AS_EXCEPTION(v);
  const char *name = e->inst.cls->name->chars;
  if (e->args->len == 1) {
    FmtBuf b = FMT_BUF_INIT;
    fmt_buf_printf(&b, "%s(", name);
    if (!append_repr(&b, e->args->items[0])) {
      fmt_buf_free(&b);
      return NULL;
    }
    fmt_buf_putc(&b, ')');
    return buf_to_str(&b);
  }
  ObjString *args = vm_repr(OBJ_VAL(e->args));
  if (!args) return NULL;
  return str_printf("%s%s", name, args->chars);
}

static ObjString *range_repr(ObjRange *r) {
  if (r->step == 1) return str_printf("range(%lld, %lld)", (long long)r->start, (long long)r->stop);
  return str_printf("range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                    (long long)r->step);
}

static ObjString *slice_repr(ObjSlice *s) {
  FmtBuf b = FMT_BUF_INIT;
  fmt_buf_puts(&b, "slice(");
  bool ok = append_repr(&b, s->start);
  if (ok) fmt_buf_puts(&b, ", ");
  ok = ok && append_repr(&b, s->stop);
  if (ok) fmt_buf_puts(&b, ", ");
  ok = ok && append_repr(&b, s->step);
  fmt_buf_putc(&b, ')');
  if (!ok) {
    fmt_buf_free(&b);
    return NULL;
  }
  return buf_to_str(&b);
}

static ObjString *bound_repr(ObjBound *bm) {
  Value f = bm->func;
  if (IS_NATIVE(f)) {
    return str_printf("<built-in method %s of %s object at %p>", AS_NATIVE(f)->name,
                      vm_type_name(bm->self), IS_OBJ(bm->self) ? (void *)AS_OBJ(bm->self) : NULL);
  }
  ObjString *self = vm_repr(bm->self);
  if (!self) return NULL;
  const char *qn = IS_FUNCTION(f) ? AS_FUNCTION(f)->qualname->chars : "?";
  return str_printf("<bound method %s of %s>", qn, self->chars);
}

static ObjString *gen_repr(ObjGen *g) {
  const char *kind = g->kind == GEN_COROUTINE  ? "coroutine"
                     : g->kind == GEN_ASYNCGEN ? "async_generator"
                                               : "generator";
  return str_printf("<%s object %s at %p>", kind, GEN_QUALNAME(g)->chars, (void *)g);
}

static ObjString *float_repr(double d) {
  char buf[FMT_FLOAT_REPR_SIZE];
  size_t n = fmt_float_repr(d, buf);
  return str_new(buf, n);
}

/* repr of types that have no user-overridable __repr__. */
static ObjString *builtin_repr(Value v) {
  Obj *o = AS_OBJ(v);
  switch ((ObjType)o->type) {
  case OBJ_STR: {
    FmtBuf b = FMT_BUF_INIT;
    fmt_str_repr(&b, AS_STR(v)->chars, AS_STR(v)->len);
    return buf_to_str(&b);
  }
  case OBJ_TUPLE: return seq_repr(v, "(", ")", AS_TUPLE(v)->items, AS_TUPLE(v)->len, true);
  case OBJ_LIST: return seq_repr(v, "[", "]", AS_LIST(v)->items, AS_LIST(v)->len, false);
  case OBJ_DICT: return dict_repr(v);
  case OBJ_SET: return set_repr(v);
  case OBJ_RANGE: return range_repr(AS_RANGE(v));
  case OBJ_SLICE: return slice_repr(AS_SLICE(v));
  case OBJ_CODE:
    return str_printf("<code object %s at %p, file \"%s\", line %d>", AS_CODE(v)->name->chars,
                      (void *)o, AS_CODE(v)->filename->chars, AS_CODE(v)->firstline);
  case OBJ_FUNCTION:
    return str_printf("<function %s at %p>", AS_FUNCTION(v)->qualname->chars, (void *)o);
  case OBJ_CELL: return str_printf("<cell at %p>", (void *)o);
  case OBJ_NATIVE: return str_printf("<built-in function %s>", AS_NATIVE(v)->name);
  case OBJ_BOUND: return bound_repr(AS_BOUND(v));
  case OBJ_CLASS: return class_repr(AS_CLASS(v));
  case OBJ_MODULE: return str_printf("<module '%s' (built-in)>", AS_MODULE(v)->name->chars);
  case OBJ_GEN: return gen_repr(AS_GEN(v));
  case OBJ_VIEW: return view_repr(v);
  case OBJ_SUPER:
    return str_printf("<super: <class '%s'>, <%s object>>", AS_SUPER(v)->start->name->chars,
                      vm_type_name(AS_SUPER(v)->self));
  default: return object_repr(v);
  }
}

/* A special method some class below object defines (object's own
 * defaults are handled in C here); UNDEF if none. */
static Value override_of(Value v, ObjString *name) {
  Value m;
  for (ObjClass *c = vm_class_of(v); c && c != vm.t_object; c = c->base) {
    if (dict_get_str(c->dict, name, &m)) return m;
  }
  return UNDEF_VAL;
}

/* Decimal digits by hand: printf's machinery costs more than the digits
 * (str(i) and f"{i}" are everywhere in teaching programs). */
static ObjString *int_repr(int64_t v) {
  char buf[24], *p = buf + sizeof buf;
  uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
  do {
    *--p = (char)('0' + m % 10);
    m /= 10;
  } while (m);
  if (v < 0) *--p = '-';
  return str_new(p, (size_t)(buf + sizeof buf - p));
}

ObjString *vm_repr(Value v) {
  switch (v.type) {
  case VAL_NONE: return str_intern_cstr("None");
  case VAL_BOOL: return str_intern_cstr(AS_BOOL(v) ? "True" : "False");
  case VAL_INT: return int_repr(AS_INT(v));
  case VAL_FLOAT: return float_repr(AS_FLOAT(v));
  case VAL_OBJ: break;
  default: return str_from_cstr("<undefined>");
  }
  ObjType t = (ObjType)OBJ_TYPE(v);
  if (t == OBJ_INSTANCE || t == OBJ_EXCEPTION || t == OBJ_CDATA || t == OBJ_FUTURE ||
      t == OBJ_HANDLE || t == OBJ_LOOP) {
    Value m = override_of(v, vm.names[NAME_repr]);
    if (!IS_UNDEF(m)) {
      Value r = vm_call_from_repr(m, v);
      if (IS_UNDEF(r)) return NULL;
      if (!IS_STR(r)) {
        vm_raise(vm.e_TypeError, "__repr__ returned non-string (type %s)", vm_type_name(r));
        return NULL;
      }
      return AS_STR(r);
    }
    if (t == OBJ_EXCEPTION) return exception_repr(v);
    return object_repr(v);
  }
  return builtin_repr(v);
}

/* str() of an exception: its single argument, its args tuple, or "". */
static ObjString *exception_str(Value v) {
  ObjException *e = AS_EXCEPTION(v);
  if (e->args->len == 0) return vm.empty_str;
  if (e->args->len == 1) {
    if (vm_is_subclass(e->inst.cls, vm.e_KeyError)) return vm_repr(e->args->items[0]);
    return vm_str(e->args->items[0]);
  }
  return vm_repr(OBJ_VAL(e->args));
}

ObjString *vm_str(Value v) {
  if (IS_STR(v)) return AS_STR(v);
  if (IS_OBJ(v)) {
    ObjType t = (ObjType)OBJ_TYPE(v);
    if (t == OBJ_INSTANCE || t == OBJ_EXCEPTION || t == OBJ_CDATA || t == OBJ_FUTURE) {
      Value m = override_of(v, vm.names[NAME_str]);
      if (!IS_UNDEF(m)) {
        Value r = vm_call(m, 1, &v);
        if (IS_UNDEF(r)) return NULL;
        if (!IS_STR(r)) {
          vm_raise(vm.e_TypeError, "__str__ returned non-string (type %s)", vm_type_name(r));
          return NULL;
        }
        return AS_STR(r);
      }
      if (t == OBJ_EXCEPTION) return exception_str(v);
    }
  }
  return vm_repr(v);
}

ObjString *ops_ascii(Value v) {
  ObjString *r = vm_repr(v);
  if (!r) return NULL;
  if (r->ncp == r->len) return r;
  FmtBuf b = FMT_BUF_INIT;
  size_t pos = 0;
  while (pos < r->len) {
    uint32_t cp = fmt_utf8_next(r->chars, r->len, &pos);
    if (cp < 0x80)
      fmt_buf_putc(&b, (char)cp);
    else if (cp < 0x100)
      fmt_buf_printf(&b, "\\x%02x", cp);
    else if (cp < 0x10000)
      fmt_buf_printf(&b, "\\u%04x", cp);
    else
      fmt_buf_printf(&b, "\\U%08x", cp);
  }
  return buf_to_str(&b);
}

/* ------------------------------------------------------------- format */

static ObjClass *format_error_class(FmtStatus st) {
  switch (st) {
  case FMT_OVERFLOW_ERROR: return vm.e_OverflowError;
  case FMT_TYPE_ERROR: return vm.e_TypeError;
  case FMT_MEMORY_ERROR: return vm.e_MemoryError;
  default: return vm.e_ValueError;
  }
}

static ObjString *format_result(FmtStatus st, FmtBuf *out, FmtBuf *err) {
  if (st != FMT_OK) {
    vm_raise(format_error_class(st), "%s", fmt_buf_cstr(err));
    fmt_buf_free(out);
    fmt_buf_free(err);
    return NULL;
  }
  fmt_buf_free(err);
  return buf_to_str(out);
}

ObjString *vm_format(Value v, ObjString *spec) {
  const char *sp = spec ? spec->chars : "";
  size_t sn = spec ? spec->len : 0;
  char room[128];
  FmtBuf out = FMT_BUF_ON(room), err = FMT_BUF_INIT;
  room[0] = '\0';
  switch (v.type) {
  case VAL_BOOL:
    if (sn == 0) return vm_str(v);
    return format_result(fmt_format_int(&out, AS_BOOL(v), sp, sn, "bool", &err), &out, &err);
  case VAL_INT:
    if (sn == 0) return vm_str(v); /* f"{i}": str(i), no spec to apply */
    return format_result(fmt_format_int(&out, AS_INT(v), sp, sn, "int", &err), &out, &err);
  case VAL_FLOAT:
    return format_result(fmt_format_float(&out, AS_FLOAT(v), sp, sn, &err), &out, &err);
  default: break;
  }
  if (IS_STR(v)) {
    if (sn == 0) return AS_STR(v);
    return format_result(fmt_format_str(&out, AS_CSTR(v), AS_STR(v)->len, sp, sn, &err), &out,
                         &err);
  }
  Value m = IS_OBJ(v) ? override_of(v, vm.names[NAME_format]) : UNDEF_VAL;
  if (!IS_UNDEF(m)) {
    Value args[2] = {v, spec ? OBJ_VAL(spec) : OBJ_VAL(vm.empty_str)};
    Value r = vm_call(m, 2, args);
    if (IS_UNDEF(r)) return NULL;
    if (!IS_STR(r)) {
      vm_raise(vm.e_TypeError, "__format__ must return a str, not %s", vm_type_name(r));
      return NULL;
    }
    return AS_STR(r);
  }
  if (sn != 0) {
    vm_raise(vm.e_TypeError, "unsupported format string passed to %s.__format__", vm_type_name(v));
    return NULL;
  }
  return vm_str(v);
}

ObjString *ops_concat_strings(const Value *parts, int n) {
  size_t total = 0;
  uint32_t ncp = 0;
  for (int i = 0; i < n; i++) {
    total += AS_STR(parts[i])->len;
    ncp += AS_STR(parts[i])->ncp;
  }
  if (total > UINT32_MAX - 1) {
    vm_raise(vm.e_MemoryError, "%s", "");
    return NULL;
  }
  ObjString *s = str_alloc(total);
  if (!s) {
    vm_raise(vm.e_MemoryError, "%s", "");
    return NULL;
  }
  size_t off = 0;
  for (int i = 0; i < n; i++) {
    memcpy(s->chars + off, AS_STR(parts[i])->chars, AS_STR(parts[i])->len);
    off += AS_STR(parts[i])->len;
  }
  s->ncp = ncp;
  return s;
}

bool ops_print_expr(Value v) {
  if (IS_NONE(v)) return true;
  dict_set_str(vm.builtins, vm.names[NAME_underscore], v);
  ObjString *r = vm_repr(v);
  if (!r) return false;
  fwrite(r->chars, 1, r->len, stdout);
  fputc('\n', stdout);
  return true;
}
