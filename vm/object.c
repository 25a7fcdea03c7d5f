/* object.c — constructors for heap objects, and UTF-8 helpers. */
#include <stdarg.h>

#include "vm.h"

/* ---------------------------------------------------------------- utf-8 */

uint32_t utf8_count(const char *s, size_t n) {
  /* Code points = bytes - continuation bytes (10xxxxxx), eight bytes at a
   * time: an all-ASCII word has none; otherwise mark each byte with bit 7
   * set and bit 6 clear, and add the marks up with one multiply. */
  size_t cont = 0, i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    if (!(w & 0x8080808080808080ull)) continue;
    uint64_t m = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;
    cont += (size_t)((m * 0x0101010101010101ull) >> 56);
  }
  for (; i < n; i++) cont += ((unsigned char)s[i] & 0xC0) == 0x80;
  return (uint32_t)(n - cont);
}

bool utf8_valid(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s, *end = p + n;
  while (p < end) {
    unsigned c = *p;
    int len;
    uint32_t cp, min;
    if (c < 0x80) {
      p++;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (end - p < len) return false;
    for (int i = 1; i < len; i++) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += len;
  }
  return true;
}

uint32_t utf8_decode(const char *s, int *len) {
  const unsigned char *p = (const unsigned char *)s;
  if (p[0] < 0x80) {
    *len = 1;
    return p[0];
  }
  if ((p[0] & 0xE0) == 0xC0) {
    *len = 2;
    return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if ((p[0] & 0xF0) == 0xE0) {
    *len = 3;
    return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  }
  *len = 4;
  return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
         ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

int utf8_encode(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

size_t str_offset_of(ObjString *s, uint32_t i) {
  if (s->ncp == s->len) return i;
  size_t off = 0;
  while (i > 0 && off < s->len) {
    off++;
    while (off < s->len && ((unsigned char)s->chars[off] & 0xC0) == 0x80) off++;
    i--;
  }
  return off;
}

/* ---------------------------------------------------------------- str */

int64_t str_hash_bytes(const char *s, size_t n) {
  /* FNV-1a: fast and good enough; str hash values are never printed
   * (CPython randomises them), only set/dict layout depends on them. */
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ull;
  }
  int64_t r = (int64_t)(h >> 1);
  return r == 0 ? 1 : r; /* 0 means "not computed" (ObjString.hash) */
}

ObjString *str_alloc(size_t n) {
  if (n > UINT32_MAX - 1) return NULL;
  ObjString *s = (ObjString *)gc_try_alloc_obj(sizeof(ObjString) + n + 1, OBJ_STR);
  if (!s) return NULL;
  s->len = (uint32_t)n;
  s->chars[n] = '\0';
  return s;
}

ObjString *str_finish(ObjString *s) {
  s->hash = 0;
  s->ncp = utf8_count(s->chars, s->len);
  return s;
}

static ObjString *intern_permanent(const char *s, size_t n);

ObjString *str_new(const char *chars, size_t n) {
  if (n == 0 && vm.empty_str) return vm.empty_str;
  if (n == 1 && (unsigned char)chars[0] < 0x80 && vm.interned) return intern_permanent(chars, 1);
  ObjString *s = str_alloc(n);
  if (!s) asy_fatal("out of memory for a string of %zu bytes", n);
  memcpy(s->chars, chars, n);
  return str_finish(s);
}

ObjString *str_from_cstr(const char *s) {
  return str_new(s, strlen(s));
}

ObjString *str_intern(const char *chars, size_t n) {
  int64_t h = str_hash_bytes(chars, n);
  ObjString *s = dict_find_str(vm.interned, chars, n, h);
  if (s) return s;
  s = str_alloc(n);
  if (!s) asy_fatal("out of memory interning a name");
  memcpy(s->chars, chars, n);
  str_finish(s);
  s->hash = h;
  s->obj.flags |= STR_INTERNED;
  gc_push_root(OBJ_VAL(s));
  dict_set_str(vm.interned, s, NONE_VAL);
  gc_pop_roots(1);
  return s;
}

/* Names interned from C are few and fixed, and C code often holds several
 * at once without rooting them: they live as long as the VM. */
static ObjString *intern_permanent(const char *s, size_t n) {
  ObjString *r = str_intern(s, n);
  r->obj.flags |= STR_PERMANENT;
  return r;
}

ObjString *str_intern_cstr(const char *s) {
  return intern_permanent(s, strlen(s));
}

ObjString *str_printf(const char *fmt, ...) {
  char small[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  if ((size_t)n < sizeof small) return str_new(small, (size_t)n);
  char *big = malloc((size_t)n + 1);
  if (!big) asy_fatal("out of memory formatting a message");
  va_start(ap, fmt);
  vsnprintf(big, (size_t)n + 1, fmt, ap);
  va_end(ap);
  ObjString *s = str_new(big, (size_t)n);
  free(big);
  return s;
}

bool str_eq(ObjString *a, ObjString *b) {
  if (a == b) return true;
  if (a->len != b->len || (a->hash && b->hash && a->hash != b->hash)) return false;
  /* Two distinct interned strings always differ. */
  if ((a->obj.flags & b->obj.flags & STR_INTERNED)) return false;
  return memcmp(a->chars, b->chars, a->len) == 0;
}

/* --------------------------------------------------------- containers */

ObjTuple *tuple_new(uint32_t n, const Value *items) {
  if (n == 0 && vm.empty_tuple) return vm.empty_tuple;
  if (items) gc_push_range(items, n);
  ObjTuple *t = (ObjTuple *)gc_try_alloc_obj(sizeof(ObjTuple) + n * sizeof(Value), OBJ_TUPLE);
  if (items) gc_pop_range();
  if (!t) return NULL;
  t->len = n;
  for (uint32_t i = 0; i < n; i++) t->items[i] = items ? items[i] : NONE_VAL;
  return t;
}

ObjList *list_new(uint32_t n, const Value *items) {
  if (items) gc_push_range(items, n);
  ObjList *l = (ObjList *)gc_alloc_obj(sizeof(ObjList), OBJ_LIST);
  if (n == 0) {
    if (items) gc_pop_range();
    return l;
  }
  gc_push_root(OBJ_VAL(l));
  l->items = gc_realloc(NULL, 0, n * sizeof(Value));
  gc_pop_roots(1);
  if (items) gc_pop_range();
  if (!l->items) return NULL;
  l->cap = n;
  if (items) {
    memcpy(l->items, items, n * sizeof(Value));
    l->len = n;
  }
  return l;
}

bool list_append(ObjList *l, Value v) {
  if (l->len == l->cap) {
    uint32_t cap = l->cap < 8 ? 8 : l->cap + (l->cap >> 1);
    if (cap <= l->cap) {
      vm_raise(vm.e_MemoryError, "list too long");
      return false;
    }
    /* v may be unreachable except through our caller's C locals. */
    gc_push_root(v);
    Value *items = gc_realloc(l->items, l->cap * sizeof(Value), cap * sizeof(Value));
    gc_pop_roots(1);
    if (!items) {
      vm_raise(vm.e_MemoryError, "%s", "");
      return false;
    }
    l->items = items;
    l->cap = cap;
  }
  l->items[l->len++] = v;
  return true;
}

ObjRange *range_new(int64_t start, int64_t stop, int64_t step) {
  ObjRange *r = (ObjRange *)gc_alloc_obj(sizeof(ObjRange), OBJ_RANGE);
  r->start = start;
  r->stop = stop;
  r->step = step;
  return r;
}

ObjSlice *slice_new(Value start, Value stop, Value step) {
  Value parts[3] = {start, stop, step};
  gc_push_range(parts, 3);
  ObjSlice *s = (ObjSlice *)gc_alloc_obj(sizeof(ObjSlice), OBJ_SLICE);
  gc_pop_range();
  s->start = start;
  s->stop = stop;
  s->step = step;
  return s;
}

ObjCell *cell_new(Value v) {
  gc_push_root(v);
  ObjCell *c = (ObjCell *)gc_alloc_obj(sizeof(ObjCell), OBJ_CELL);
  gc_pop_roots(1);
  c->value = v;
  return c;
}

ObjNative *native_new(const char *name, NativeFn fn) {
  ObjNative *n = (ObjNative *)gc_alloc_obj(sizeof(ObjNative), OBJ_NATIVE);
  n->fn = fn;
  n->name = name;
  n->data = NONE_VAL;
  return n;
}

ObjBound *bound_new(Value self, Value func) {
  Value parts[2] = {self, func};
  gc_push_range(parts, 2);
  ObjBound *b = (ObjBound *)gc_alloc_obj(sizeof(ObjBound), OBJ_BOUND);
  gc_pop_range();
  b->self = self;
  b->func = func;
  return b;
}

ObjFunction *function_new(ObjCode *code, ObjDict *globals) {
  Value parts[2] = {OBJ_VAL(code), OBJ_VAL(globals)};
  gc_push_range(parts, 2);
  ObjFunction *f = (ObjFunction *)gc_alloc_obj(sizeof(ObjFunction), OBJ_FUNCTION);
  gc_pop_range();
  f->code = code;
  f->globals = globals;
  f->name = code->name;
  f->qualname = code->qualname;
  return f;
}

ObjCode *code_new(void) {
  ObjCode *c = (ObjCode *)gc_alloc_obj(sizeof(ObjCode), OBJ_CODE);
  return c;
}

ObjClass *class_new(ObjString *name, ObjClass *base) {
  gc_push_root(OBJ_VAL(name));
  ObjClass *c = (ObjClass *)gc_alloc_obj(sizeof(ObjClass), OBJ_CLASS);
  c->name = name;
  c->qualname = name;
  c->base = base;
  c->inst_type = OBJ_INSTANCE;
  gc_push_root(OBJ_VAL(c));
  c->dict = dict_new();
  c->dict->obj.flags |= DICT_OF_CLASS;
  vm.class_epoch++; /* a new class may reuse a freed one's address */
  gc_pop_roots(2);
  if (base) {
    c->inst_type = base->inst_type;
    c->cflags = base->cflags & CLASS_EXCEPTION;
  }
  return c;
}

ObjInstance *instance_new(ObjClass *cls) {
  if (cls->cflags & CLASS_EXCEPTION) {
    ObjException *e = (ObjException *)gc_alloc_obj(sizeof(ObjException), OBJ_EXCEPTION);
    e->inst.cls = cls;
    e->args = vm.empty_tuple;
    e->cause = NONE_VAL;
    e->context = NONE_VAL;
    e->notes = NONE_VAL;
    e->name = UNDEF_VAL;
    e->obj = UNDEF_VAL;
    return &e->inst;
  }
  ObjInstance *i = (ObjInstance *)gc_alloc_obj(sizeof(ObjInstance), OBJ_INSTANCE);
  i->cls = cls;
  return i;
}

ObjModule *module_new(ObjString *name) {
  gc_push_root(OBJ_VAL(name));
  ObjModule *m = (ObjModule *)gc_alloc_obj(sizeof(ObjModule), OBJ_MODULE);
  m->name = name;
  gc_push_root(OBJ_VAL(m));
  m->dict = dict_new();
  dict_set_str(m->dict, vm.names[NAME_name], OBJ_VAL(name));
  gc_pop_roots(2);
  return m;
}

ObjIter *iter_new(IterKind kind, Value src) {
  gc_push_root(src);
  ObjIter *it = (ObjIter *)gc_alloc_obj(sizeof(ObjIter), OBJ_ITER);
  gc_pop_roots(1);
  it->kind = (uint8_t)kind;
  it->src = src;
  it->a = NONE_VAL;
  return it;
}

ObjWrapper *wrapper_new(WrapKind kind, Value f) {
  gc_push_root(f);
  ObjWrapper *w = (ObjWrapper *)gc_alloc_obj(sizeof(ObjWrapper), OBJ_WRAPPER);
  gc_pop_roots(1);
  w->kind = (uint8_t)kind;
  w->fget = f;
  w->fset = NONE_VAL;
  w->fdel = NONE_VAL;
  w->doc = NONE_VAL;
  return w;
}

ObjView *view_new(int kind, ObjDict *d) {
  gc_push_root(OBJ_VAL(d));
  ObjView *v = (ObjView *)gc_alloc_obj(sizeof(ObjView), OBJ_VIEW);
  gc_pop_roots(1);
  v->kind = (uint8_t)kind;
  v->dict = d;
  return v;
}

ObjSuper *super_new(ObjClass *start, Value self) {
  gc_push_root(self);
  ObjSuper *s = (ObjSuper *)gc_alloc_obj(sizeof(ObjSuper), OBJ_SUPER);
  gc_pop_roots(1);
  s->start = start;
  s->self = self;
  return s;
}

ObjCData *cdata_new(ObjClass *cls, size_t size) {
  ObjCData *c = (ObjCData *)gc_alloc_obj(sizeof(ObjCData) + size, OBJ_CDATA);
  c->obj.aux = (uint32_t)size;
  c->cls = cls;
  c->data = size ? (void *)(c + 1) : NULL;
  return c;
}
