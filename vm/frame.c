/* frame.c — frame allocation and argument binding (CPython's rules and
 * messages for positional, keyword, default, *args and **kwargs). */
#include "vm.h"

/* Free lists by slot capacity in steps of 4: a call reuses the memory of a
 * frame that just returned, so calls cost no malloc in steady state. */
Frame *vm_free_frames[FRAME_LISTS + 1];

static size_t frame_bytes(uint32_t cap) {
  return sizeof(Frame) + cap * sizeof(Value);
}

uint32_t vm_frame_cap(uint32_t need) {
  uint32_t cap = (need + FRAME_STEP - 1) / FRAME_STEP * FRAME_STEP;
  return cap == 0 ? FRAME_STEP : cap;
}

Frame *vm_frame_alloc_slow(uint32_t cap) {
  Frame *f = gc_realloc(NULL, 0, frame_bytes(cap));
  if (!f) return NULL;
  f->cap = cap;
  return f;
}

static Frame *frame_alloc(uint32_t need) {
  return vm_frame_alloc(vm_frame_cap(need));
}

void vm_free_frame(Frame *f) {
  uint32_t cls = f->cap / FRAME_STEP;
  if (cls <= FRAME_LISTS) {
    f->parent = vm_free_frames[cls];
    vm_free_frames[cls] = f;
  } else {
    gc_realloc(f, frame_bytes(f->cap), 0);
  }
}

void vm_mark_frame(Frame *f) {
  gc_mark_obj((Obj *)f->code);
  gc_mark_obj((Obj *)f->func);
  gc_mark_obj((Obj *)f->globals);
  gc_mark_obj((Obj *)f->ns);
  gc_mark_obj((Obj *)f->gen);
  gc_mark_obj(f->handled);
  gc_mark_array(f->slots, (size_t)(f->sp - f->slots));
}

/* ---------------------------------------------------------- messages */

static const char *fname(ObjFunction *fn) {
  return fn->qualname->chars;
}

static void append_names(char *buf, size_t size, ObjString **names, int n) {
  size_t len = strlen(buf);
  for (int i = 0; i < n; i++) {
    const char *sep = i == 0 ? "" : (n == 2 ? " and " : (i == n - 1 ? ", and " : ", "));
    len += (size_t)snprintf(buf + len, len < size ? size - len : 0, "%s'%s'", sep, names[i]->chars);
  }
}

static void raise_missing(ObjFunction *fn, ObjString **names, int n, const char *kind) {
  char list[512] = "";
  append_names(list, sizeof list, names, n);
  vm_raise(vm.e_TypeError, "%s() missing %d required %s argument%s: %s", fname(fn), n, kind,
           n == 1 ? "" : "s", list);
}

static void raise_too_many(ObjFunction *fn, int given, int nkwonly_given) {
  ObjCode *c = fn->code;
  int ndef = fn->defaults ? (int)fn->defaults->len : 0;
  int maxp = c->argcount, minp = maxp - ndef;
  char takes[64];
  if (ndef > 0)
    snprintf(takes, sizeof takes, "from %d to %d positional arguments", minp, maxp);
  else
    snprintf(takes, sizeof takes, "%d positional argument%s", maxp, maxp == 1 ? "" : "s");
  if (nkwonly_given > 0) {
    vm_raise(
        vm.e_TypeError,
        "%s() takes %s but %d positional argument%s (and %d keyword-only argument%s) were given",
        fname(fn), takes, given, given == 1 ? "" : "s", nkwonly_given,
        nkwonly_given == 1 ? "" : "s");
  } else {
    vm_raise(vm.e_TypeError, "%s() takes %s but %d %s given", fname(fn), takes, given,
             given == 1 ? "was" : "were");
  }
}

/* ------------------------------------------------------------ binding */

static int find_param(ObjCode *c, ObjString *name, int from, int to) {
  for (int i = from; i < to; i++) {
    if (c->varnames[i] == name || str_eq(c->varnames[i], name)) return i;
  }
  return -1;
}

/* Bind keyword arguments; npos positional already placed. */
static bool bind_keywords(Frame *f, ObjFunction *fn, Value *kwvals, ObjTuple *kwnames,
                          ObjDict *kwdict) {
  ObjCode *c = fn->code;
  int nparams = c->argcount + c->kwonlycount;
  for (uint32_t k = 0; k < kwnames->len; k++) {
    ObjString *name = AS_STR(kwnames->items[k]);
    int j = find_param(c, name, c->posonlycount, nparams);
    if (j >= 0) {
      if (!IS_UNDEF(f->slots[j])) {
        vm_raise(vm.e_TypeError, "%s() got multiple values for argument '%s'", fname(fn),
                 name->chars);
        return false;
      }
      f->slots[j] = kwvals[k];
      continue;
    }
    if (kwdict) {
      dict_set_str(kwdict, name, kwvals[k]);
      continue;
    }
    if (find_param(c, name, 0, c->posonlycount) >= 0) {
      vm_raise(vm.e_TypeError,
               "%s() got some positional-only arguments passed as keyword arguments: '%s'",
               fname(fn), name->chars);
    } else {
      vm_raise(vm.e_TypeError, "%s() got an unexpected keyword argument '%s'", fname(fn),
               name->chars);
    }
    return false;
  }
  return true;
}

static bool fill_defaults(Frame *f, ObjFunction *fn, int npos) {
  ObjCode *c = fn->code;
  int ndef = fn->defaults ? (int)fn->defaults->len : 0;
  int first_def = c->argcount - ndef;
  ObjString *missing[64];
  int nmissing = 0;
  for (int i = npos; i < c->argcount; i++) {
    if (!IS_UNDEF(f->slots[i])) continue;
    if (i >= first_def) {
      f->slots[i] = fn->defaults->items[i - first_def];
    } else if (nmissing < 64) {
      missing[nmissing++] = c->varnames[i];
    }
  }
  if (nmissing) {
    raise_missing(fn, missing, nmissing, "positional");
    return false;
  }
  for (int i = c->argcount; i < c->argcount + c->kwonlycount; i++) {
    if (!IS_UNDEF(f->slots[i])) continue;
    Value d;
    if (fn->kwdefaults && dict_get_str(fn->kwdefaults, c->varnames[i], &d)) {
      f->slots[i] = d;
    } else if (nmissing < 64) {
      missing[nmissing++] = c->varnames[i];
    }
  }
  if (nmissing) {
    raise_missing(fn, missing, nmissing, "keyword-only");
    return false;
  }
  return true;
}

/* The general binder: self (if any) goes first, then argv. */
static bool bind_general(Frame *f, ObjFunction *fn, Value *self, int argc, Value *argv,
                         ObjTuple *kwnames) {
  ObjCode *c = fn->code;
  int nkw = kwnames ? (int)kwnames->len : 0;
  int npos_args = argc - nkw;
  int has_self = self ? 1 : 0;
  int npos = npos_args + has_self;
  int slot_star = c->argcount + c->kwonlycount;
  int slot_kw = slot_star + ((c->flags & CODE_VARARGS) ? 1 : 0);

  int nbind = npos < c->argcount ? npos : c->argcount;
  for (int i = 0; i < nbind; i++) f->slots[i] = (has_self && i == 0) ? *self : argv[i - has_self];

  if (npos > c->argcount) {
    if (!(c->flags & CODE_VARARGS)) {
      int kwonly_given = 0;
      for (int k = 0; k < nkw; k++) {
        if (find_param(c, AS_STR(kwnames->items[k]), c->argcount, slot_star) >= 0) kwonly_given++;
      }
      raise_too_many(fn, npos, kwonly_given);
      return false;
    }
    int extra = npos - c->argcount;
    ObjTuple *spread = vm.call_args;
    ObjTuple *t = spread && c->argcount >= has_self &&
                          argv + (c->argcount - has_self) == spread->items &&
                          (uint32_t)extra == spread->len
                      ? spread /* immutable: sharing it is copying it */
                      : tuple_new((uint32_t)extra, argv + (c->argcount - has_self));
    if (!t) {
      vm_raise(vm.e_MemoryError, "%s", "");
      return false;
    }
    f->slots[slot_star] = OBJ_VAL(t);
  } else if (c->flags & CODE_VARARGS) {
    f->slots[slot_star] = OBJ_VAL(vm.empty_tuple);
  }

  ObjDict *kwdict = NULL;
  if (c->flags & CODE_VARKW) {
    kwdict = dict_new();
    f->slots[slot_kw] = OBJ_VAL(kwdict);
  }
  if (nkw && !bind_keywords(f, fn, argv + npos_args, kwnames, kwdict)) return false;
  return fill_defaults(f, fn, npos);
}

static Frame *new_frame(ObjFunction *fn) {
  ObjCode *c = fn->code;
  /* A class body runs in a fresh namespace; made first, so the frame never
   * holds an unrooted object. */
  ObjDict *ns = NULL;
  if (c->flags & CODE_CLASSBODY) {
    ns = dict_new();
    gc_push_root(OBJ_VAL(ns));
  }
  Frame *f = vm_frame_alloc(c->framecap);
  if (ns) gc_pop_roots(1);
  if (!f) {
    vm_raise(vm.e_MemoryError, "%s", "");
    return NULL;
  }
  f->code = c;
  f->func = fn;
  f->parent = NULL;
  f->ip = c->code;
  f->globals = fn->globals;
  f->ns = ns;
  f->gen = NULL;
  f->handled = NULL;
  f->entry = ENTRY_CALL;
  f->flags = 0;
  f->depth = 0;
  for (uint32_t i = 0; i < c->nlocals; i++) f->slots[i] = UNDEF_VAL;
  for (uint32_t i = 0; i < c->nfree; i++) f->slots[c->nlocals + i] = fn->closure->items[i];
  /* The stack starts empty; marking stops at sp, so stale slots above are
   * never looked at. */
  f->sp = f->slots + c->nslots;
  return f;
}

Frame *vm_make_frame_self(ObjFunction *fn, Value *self, int argc, Value *argv, ObjTuple *kwnames) {
  Frame *f = new_frame(fn);
  if (!f) return NULL;
  ObjCode *c = fn->code;
  int total = argc + (self ? 1 : 0);
  /* The common case: exactly the positional parameters, nothing else. */
  if (!kwnames && total == c->argcount && c->kwonlycount == 0 &&
      !(c->flags & (CODE_VARARGS | CODE_VARKW))) {
    int i = 0;
    if (self) f->slots[i++] = *self;
    for (int k = 0; k < argc; k++) f->slots[i++] = argv[k];
    return f;
  }
  /* Binding may allocate (*args tuple, **kwargs dict): the frame is not on
   * any chain yet, so make it one for the collector by pointing the sp at
   * what is bound so far. Everything argv holds is rooted by our caller. */
  Frame *saved = vm.frame;
  f->parent = saved;
  vm.frame = f;
  bool ok = bind_general(f, fn, self, argc, argv, kwnames);
  vm.frame = saved;
  f->parent = NULL;
  if (!ok) {
    vm_free_frame(f);
    return NULL;
  }
  return f;
}

Frame *vm_make_frame(ObjFunction *fn, int argc, Value *argv, ObjTuple *kwnames) {
  return vm_make_frame_self(fn, NULL, argc, argv, kwnames);
}

/* A frame running module-level code: no function, names resolve in globals. */
Frame *vm_make_module_frame(ObjCode *code, ObjDict *globals) {
  Frame *f = frame_alloc(code->nslots + code->stacksize);
  if (!f) {
    vm_raise(vm.e_MemoryError, "%s", "");
    return NULL;
  }
  f->code = code;
  f->func = NULL;
  f->parent = NULL;
  f->ip = code->code;
  f->globals = globals;
  f->ns = NULL;
  f->gen = NULL;
  f->handled = NULL;
  f->entry = ENTRY_C;
  f->flags = 0;
  f->depth = 0;
  for (uint32_t i = 0; i < code->nslots; i++) f->slots[i] = UNDEF_VAL;
  f->sp = f->slots + code->nslots;
  return f;
}
