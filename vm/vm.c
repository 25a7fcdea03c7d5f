/* vm.c — the dispatch loop, calls, generators and coroutines. */
#include "vm.h"

#include <math.h>

#include "loop.h"
#include "ops.h"

VM vm;

#define C_DEPTH_LIMIT 200 /* nested dispatch loops (C calling asy calling C ...) */

/* ------------------------------------------------------------ helpers */

static inline uint16_t read_u16(const uint8_t *p) {
  return (uint16_t)(p[0] | (p[1] << 8));
}
static inline uint32_t read_u32(const uint8_t *p) {
  return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* Set while repr() starts a user __repr__: CPython's message for the limit
 * reached there (a __repr__ calling repr(self)) names the call. */
static bool call_from_c;

static void raise_recursion(void) {
  vm_raise(vm.e_RecursionError, "maximum recursion depth exceeded%s",
           call_from_c ? " while calling a Python object" : "");
}

static bool check_depth(Frame *parent, Frame *f) {
  f->depth = parent ? parent->depth + 1 : 1;
  if ((int)f->depth > vm.recursion_limit) {
    raise_recursion();
    return false;
  }
  return true;
}

/* The exception being handled in f or a frame it was called from. */
static Value current_handled(Frame *f) {
  for (; f; f = f->parent) {
    if (f->handled) return OBJ_VAL(f->handled);
  }
  return UNDEF_VAL;
}

/* Implicit chaining: a new exception raised while another is handled
 * records it as __context__ (without creating a cycle). */
void vm_set_context(Value exc);
void vm_set_context(Value exc) {
  Value handled = current_handled(vm.frame);
  if (!IS_EXCEPTION(exc) || !IS_EXCEPTION(handled) || value_is(handled, exc)) return;
  for (Value c = handled; IS_EXCEPTION(c); c = AS_EXCEPTION(c)->context) {
    if (value_is(AS_EXCEPTION(c)->context, exc)) {
      AS_EXCEPTION(c)->context = NONE_VAL;
      break;
    }
  }
  if (IS_NONE(AS_EXCEPTION(exc)->context)) AS_EXCEPTION(exc)->context = handled;
}

static void add_traceback(Value exc, Frame *f) {
  if (!IS_EXCEPTION(exc) || !f->code) return;
  ObjException *e = AS_EXCEPTION(exc);
  uint32_t off = (uint32_t)(f->ip - f->code->code);
  if (off > 0) off--;
  if (e->ntb == e->captb) {
    uint32_t cap = e->captb ? e->captb * 2 : 4;
    TbEntry *tb = gc_realloc(e->tb, e->captb * sizeof(TbEntry), cap * sizeof(TbEntry));
    if (!tb) return; /* a traceback line lost beats a crash */
    e->tb = tb;
    e->captb = cap;
  }
  e->tb[e->ntb++] = (TbEntry){f->code, f->globals, off};
}

static const ExcEntry *find_handler(ObjCode *c, uint32_t off) {
  for (uint32_t i = 0; i < c->nhandlers; i++) {
    const ExcEntry *h = &c->handlers[i];
    if (off >= h->start && off < h->end) return h;
  }
  return NULL;
}

/* ------------------------------------------------------- generators */

static ObjGen *gen_new(ObjFunction *fn) {
  ObjGen *g = (ObjGen *)gc_alloc_obj(sizeof(ObjGen), OBJ_GEN);
  uint32_t flags = fn->code->flags;
  g->kind = (flags & CODE_ASYNCGEN)    ? GEN_ASYNCGEN
            : (flags & CODE_COROUTINE) ? GEN_COROUTINE
                                       : GEN_GENERATOR;
  g->state = GEN_CREATED;
  g->fcode = fn->code;
  Frame *caller = vm.frame;
  if (caller && caller->code) {
    uint32_t off = (uint32_t)(caller->ip - caller->code->code);
    const LineEntry *le = code_line_at(caller->code, off ? off - 1 : 0);
    g->obj.aux = le && le->line > 0 ? (uint32_t)le->line : 0;
    g->origin_code = caller->code;
  }
  return g;
}

extern void warn_never_awaited(ObjGen *g); /* exc.c */

void gen_finalize(ObjGen *g);
void gen_finalize(ObjGen *g) {
  if (g->kind == GEN_COROUTINE && g->state == GEN_CREATED && !g->awaited) {
    g->awaited = true; /* warn once */
    warn_never_awaited(g);
  }
  if (g->frame && g->state != GEN_RUNNING) {
    vm_free_frame(g->frame);
    g->frame = NULL;
  }
}

/* Create the generator/coroutine object for a call of a generator
 * function; the frame is bound but not started. */
static Value make_generator(ObjFunction *fn, Value *self, int argc, Value *argv,
                            ObjTuple *kwnames) {
  /* The generator comes first: once it owns the frame, whatever binding
   * the arguments creates (*args tuple, **kwargs dict) is rooted. */
  ObjGen *g = gen_new(fn);
  gc_push_root(OBJ_VAL(g));
  Frame *f = vm_make_frame_self(fn, self, argc, argv, kwnames);
  gc_pop_roots(1);
  if (!f) {
    g->state = GEN_CLOSED; /* binding failed: nothing ever ran or will */
    g->awaited = true;
    return UNDEF_VAL;
  }
  g->frame = f;
  f->gen = g;
  return OBJ_VAL(g);
}

Value vm_module_coroutine(ObjCode *code, ObjDict *globals) {
  ObjGen *g = (ObjGen *)gc_alloc_obj(sizeof(ObjGen), OBJ_GEN);
  g->kind = GEN_COROUTINE;
  g->state = GEN_CREATED;
  g->fcode = code;
  g->awaited = true; /* the REPL runs it; never warn about it */
  gc_push_root(OBJ_VAL(g));
  Frame *f = vm_make_module_frame(code, globals);
  gc_pop_roots(1);
  if (!f) {
    g->state = GEN_CLOSED;
    return UNDEF_VAL;
  }
  g->frame = f;
  f->gen = g;
  return OBJ_VAL(g);
}

/* ------------------------------------------------------ instantiation */

typedef enum { CALL_DONE, CALL_FRAME, CALL_INIT, CALL_ERROR } CallOutcome;

/* Start calling an asy function from the dispatch loop: a new frame, or a
 * generator object when it is a generator function. */
static CallOutcome start_function(ObjFunction *fn, Value *self, int argc, Value *argv,
                                  ObjTuple *kwnames, Value *result, Frame **out) {
  if (fn->code->flags & (CODE_GENERATOR | CODE_COROUTINE | CODE_ASYNCGEN)) {
    *result = make_generator(fn, self, argc, argv, kwnames);
    return IS_UNDEF(*result) ? CALL_ERROR : CALL_DONE;
  }
  Frame *f = vm_make_frame_self(fn, self, argc, argv, kwnames);
  if (!f) return CALL_ERROR;
  *out = f;
  return CALL_FRAME;
}

extern Value lib_excgroup_new(ObjClass *cls, int argc, Value *argv,
                              ObjTuple *kwnames); /* lib/object.c */

/* __init__ and __new__ of cls, looked up again only after a class changed. */
static inline void class_hooks(ObjClass *cls) {
  if (ASY_UNLIKELY(cls->init_epoch != vm.class_epoch)) {
    cls->init = vm_class_lookup(cls, vm.names[NAME_init]);
    cls->new_ = vm_class_lookup(cls, vm.names[NAME_new]);
    cls->init_epoch = vm.class_epoch;
  }
}

/* For LOAD_METHOD's cache: the class whose namespace decides a method
 * lookup on obj, and the object's own dict that may shadow it (NULL if
 * none). NULL for the objects ops_load_method treats another way. */
static inline ObjClass *method_owner(Value obj, ObjDict **own) {
  *own = NULL;
  if (!IS_OBJ(obj)) return vm_class_of(obj);
  switch (OBJ_TYPE(obj)) {
  case OBJ_INSTANCE:
  case OBJ_EXCEPTION: *own = AS_INSTANCE(obj)->dict; return AS_INSTANCE(obj)->cls;
  case OBJ_FUTURE:
    if (AS_OBJ(obj)->aux != FUTK_SLEEP) *own = ((ObjFuture *)AS_OBJ(obj))->dict;
    return vm_class_of(obj);
  case OBJ_CDATA: *own = AS_CDATA(obj)->dict; return AS_CDATA(obj)->cls;
  case OBJ_CLASS:
  case OBJ_MODULE:
  case OBJ_SUPER:
  case OBJ_FUNCTION:
  case OBJ_BOUND:
  case OBJ_GEN: return NULL;
  default: return vm_class_of(obj);
  }
}

/* module.name from the cache: true with *v set, false to take the slow path. */
static inline bool module_attr_cached(ObjCode *code, uint16_t ni, Value obj, Value *v) {
  if (!code->acache) return false;
  AttrCache *ac = &code->acache[ni];
  ObjDict *d = AS_MODULE(obj)->dict;
  if (ac->flags != ACACHE_MODULE || ac->epoch != d->version || AS_INT(ac->cv) != d->uid)
    return false;
  *v = d->entries[ac->ix].value;
  return true;
}

/* After a slow module.name lookup: remember where the name sits. */
static void module_attr_remember(ObjCode *code, uint16_t ni, Value obj) {
  if (!code->acache) return;
  ObjDict *d = AS_MODULE(obj)->dict;
  int64_t ix = dict_index_str(d, code->names[ni]);
  if (ix < 0) return;
  AttrCache *ac = &code->acache[ni];
  ac->cls = NULL;
  ac->flags = ACACHE_MODULE;
  ac->epoch = d->version;
  ac->ix = (uint32_t)ix;
  ac->cv = INT_VAL(d->uid);
}

/* Give code its attribute caches. It may collect, so the dispatch loop
 * calls it only with its frame synced (from the slow paths). */
static void attr_cache_alloc(ObjCode *code) {
  if (code->acache || code->nnames == 0) return;
  AttrCache *ac = gc_realloc(NULL, 0, code->nnames * sizeof(AttrCache));
  if (!ac) {
    vm.exc = UNDEF_VAL; /* the slow path works without it */
    return;
  }
  memset(ac, 0, code->nnames * sizeof(AttrCache));
  code->acache = ac;
}

/* Make ac describe name on instances of cls: what the class chain holds
 * and whether the instance dict may be read or written directly. */
static void attr_cache_fill(AttrCache *ac, ObjClass *cls, ObjString *name) {
  Value cv = vm_class_lookup(cls, name);
  bool prop = IS_OBJ_TYPE(cv, OBJ_WRAPPER) && AS_WRAPPER(cv)->kind == WRAP_PROPERTY;
  Value sa = vm_class_lookup(cls, vm.names[NAME_setattr]);
  ac->cls = cls;
  ac->epoch = vm.class_epoch;
  ac->cv = cv;
  ac->flags = prop ? 0 : ACACHE_LOAD | (IS_FUNCTION(sa) ? 0 : ACACHE_STORE);
}

/* Index of name in d, trying where the cache last saw it first. */
static inline int64_t attr_index(AttrCache *ac, ObjDict *d, ObjString *name) {
  if (ac->ix < d->nentries && IS_OBJ(d->entries[ac->ix].key) &&
      AS_OBJ(d->entries[ac->ix].key) == &name->obj)
    return ac->ix;
  int64_t ix = dict_index_str(d, name);
  if (ix >= 0) ac->ix = (uint32_t)ix;
  return ix;
}

/* A valid cache entry for instances of cls, filled if need be; NULL
 * until the code has caches. Never allocates. */
static inline AttrCache *attr_lookup(ObjCode *code, uint16_t ni, ObjClass *cls) {
  if (ASY_UNLIKELY(!code->acache)) return NULL;
  AttrCache *ac = &code->acache[ni];
  if (ac->cls != cls || ac->epoch != vm.class_epoch) attr_cache_fill(ac, cls, code->names[ni]);
  return ac;
}

static Value new_instance(ObjClass *cls, int argc, Value *argv, ObjTuple *kwnames) {
  class_hooks(cls);
  Value newfn = cls->new_;
  bool is_default = IS_UNDEF(newfn) || IS_NATIVE(newfn) ||
                    (IS_OBJ(newfn) && AS_OBJ(newfn) == AS_OBJ(vm.object_new));
  if (!is_default) {
    /* A user __new__(cls, *args): called as a static method. */
    Value *args = malloc(sizeof(Value) * (size_t)(argc + 1));
    if (!args) return vm_raise(vm.e_MemoryError, "%s", "");
    args[0] = OBJ_VAL(cls);
    if (argc > 0) memcpy(args + 1, argv, sizeof(Value) * (size_t)argc);
    Value fn = IS_OBJ_TYPE(newfn, OBJ_WRAPPER) ? AS_WRAPPER(newfn)->fget : newfn;
    Value r = vm_call_kw(fn, argc + 1, args, kwnames);
    free(args);
    return r;
  }
  if ((cls->cflags & CLASS_EXCEPTION) && vm_is_subclass(cls, vm.e_BaseExceptionGroup))
    return lib_excgroup_new(cls, argc, argv, kwnames);
  ObjInstance *inst = instance_new(cls);
  if (cls->cflags & CLASS_EXCEPTION) {
    int npos = argc - (kwnames ? (int)kwnames->len : 0);
    gc_push_root(OBJ_VAL(inst));
    ObjTuple *args = tuple_new((uint32_t)npos, argv);
    gc_pop_roots(1);
    ((ObjException *)inst)->args = args;
  }
  return OBJ_VAL(inst);
}

/* Instantiate cls. Builtin classes build the object in C; others get a
 * fresh instance and, when __init__ is an asy function, a frame for it
 * (so constructors do not nest the C stack). */
static CallOutcome instantiate(ObjClass *cls, int argc, Value *argv, ObjTuple *kwnames,
                               Value *result, Frame **out) {
  if (cls->ctor) {
    *result = cls->ctor(argc, argv, kwnames);
    return IS_UNDEF(*result) ? CALL_ERROR : CALL_DONE;
  }
  Value inst;
  ObjClass *native = cls;
  while (native && !native->alloc) native = native->base;
  if (native) {
    inst = native->alloc(cls); /* a subclass of a C-backed class */
  } else if (!(cls->cflags & CLASS_EXCEPTION) && cls->inst_type != OBJ_INSTANCE &&
             cls->inst_type != OBJ_EXCEPTION) {
    vm_raise(vm.e_TypeError, "cannot create '%s' instances", cls->name->chars);
    return CALL_ERROR;
  } else {
    inst = new_instance(cls, argc, argv, kwnames);
  }
  if (IS_UNDEF(inst)) return CALL_ERROR;
  *result = inst;
  if (!vm_isinstance(inst, cls)) return CALL_DONE; /* __new__ returned something else */
  class_hooks(cls);
  Value init = cls->init;
  if (IS_FUNCTION(init)) {
    gc_push_root(inst);
    Frame *f = vm_make_frame_self(AS_FUNCTION(init), &inst, argc, argv, kwnames);
    gc_pop_roots(1);
    if (!f) return CALL_ERROR;
    *out = f;
    return CALL_INIT;
  }
  if (IS_UNDEF(init) || (IS_NATIVE(init) && AS_NATIVE(init)->fn == NULL) ||
      (IS_OBJ(init) && AS_OBJ(init) == AS_OBJ(vm.object_init))) {
    bool has_new = !IS_UNDEF(cls->new_) && AS_OBJ(cls->new_) != AS_OBJ(vm.object_new);
    if (argc > 0 && !(cls->cflags & CLASS_EXCEPTION) && !has_new) {
      vm_raise(vm.e_TypeError, "%s() takes no arguments", cls->name->chars);
      return CALL_ERROR;
    }
    return CALL_DONE;
  }
  /* A native __init__ (e.g. BaseException.__init__) or another callable. */
  gc_push_root(inst);
  Value *args = malloc(sizeof(Value) * (size_t)(argc + 1));
  if (!args) {
    gc_pop_roots(1);
    vm_raise(vm.e_MemoryError, "%s", "");
    return CALL_ERROR;
  }
  args[0] = inst;
  if (argc > 0) memcpy(args + 1, argv, sizeof(Value) * (size_t)argc);
  Value r = vm_call_kw(init, argc + 1, args, kwnames);
  free(args);
  gc_pop_roots(1);
  if (IS_UNDEF(r)) return CALL_ERROR;
  if (!IS_NONE(r)) {
    vm_raise(vm.e_TypeError, "__init__() should return None, not '%s'", vm_type_name(r));
    return CALL_ERROR;
  }
  return CALL_DONE;
}

/* Call a native with self prepended to argv. */
static Value call_native_self(ObjNative *n, Value self, int argc, Value *argv, ObjTuple *kwnames) {
  Value small[8];
  Value *args = argc + 1 <= 8 ? small : malloc(sizeof(Value) * (size_t)(argc + 1));
  if (!args) return vm_raise(vm.e_MemoryError, "%s", "");
  args[0] = self;
  if (argc > 0) memcpy(args + 1, argv, sizeof(Value) * (size_t)argc);
  Value r = n->fn(argc + 1, args, kwnames);
  if (args != small) free(args);
  return r;
}

/* Start a call of callee(argv...) from anywhere: either it completes
 * (CALL_DONE, *result set), or it needs a frame run (*out). */
static CallOutcome start_call(Value callee, int argc, Value *argv, ObjTuple *kwnames, Value *result,
                              Frame **out) {
  Value self;
  bool has_self = false;
  for (;;) {
    if (!IS_OBJ(callee)) break;
    switch (OBJ_TYPE(callee)) {
    case OBJ_FUNCTION:
      return start_function(AS_FUNCTION(callee), has_self ? &self : NULL, argc, argv, kwnames,
                            result, out);
    case OBJ_NATIVE: {
      ObjNative *n = AS_NATIVE(callee);
      vm.calling_native = n;
      *result =
          has_self ? call_native_self(n, self, argc, argv, kwnames) : n->fn(argc, argv, kwnames);
      return IS_UNDEF(*result) ? CALL_ERROR : CALL_DONE;
    }
    case OBJ_BOUND:
      if (has_self) goto generic; /* a bound method of a bound method: rare */
      self = AS_BOUND(callee)->self;
      has_self = true;
      callee = AS_BOUND(callee)->func;
      continue;
    case OBJ_CLASS:
      if (has_self) goto generic;
      return instantiate(AS_CLASS(callee), argc, argv, kwnames, result, out);
    default: {
      if (has_self) goto generic;
      Value call = vm_lookup_special(callee, vm.names[NAME_call]);
      if (IS_UNDEF(call)) goto not_callable;
      self = callee;
      has_self = true;
      callee = call;
      continue;
    }
    }
  }
not_callable:
  vm_raise(vm.e_TypeError, "'%s' object is not callable", vm_type_name(callee));
  return CALL_ERROR;
generic : {
  /* Flatten self into a fresh argument array and retry without it. */
  Value *args = malloc(sizeof(Value) * (size_t)(argc + 1));
  if (!args) {
    vm_raise(vm.e_MemoryError, "%s", "");
    return CALL_ERROR;
  }
  args[0] = self;
  if (argc > 0) memcpy(args + 1, argv, sizeof(Value) * (size_t)argc);
  *result = vm_call_kw(callee, argc + 1, args, kwnames);
  free(args);
  return IS_UNDEF(*result) ? CALL_ERROR : CALL_DONE;
}
}

/* The call fast path: fn takes exactly argc positional parameters
 * (CODE_SIMPLE_ARGS), so binding is a copy. Inlined into the loop. */
static inline Frame *simple_frame(ObjFunction *fn, const Value *argv, int argc) {
  ObjCode *c = fn->code;
  Frame *f = vm_frame_alloc(c->framecap);
  if (ASY_UNLIKELY(!f)) {
    vm_raise(vm.e_MemoryError, "%s", "");
    return NULL;
  }
  f->code = c;
  f->func = fn;
  f->ip = c->code;
  f->globals = fn->globals;
  f->ns = NULL;
  f->gen = NULL;
  f->handled = NULL;
  f->flags = 0;
  Value *slots = f->slots;
  for (int i = 0; i < argc; i++) slots[i] = argv[i];
  for (uint32_t i = (uint32_t)argc; i < c->nlocals; i++) slots[i] = UNDEF_VAL;
  if (c->nfree) memcpy(slots + c->nlocals, fn->closure->items, c->nfree * sizeof(Value));
  f->sp = slots + c->nslots;
  return f;
}

/* ------------------------------------------------------- the loop */

static RunStatus run(Frame *frame, bool throwing, Value *out);

RunStatus vm_run_frame(Frame *f, Value *out) {
  if (vm.c_depth >= C_DEPTH_LIMIT) {
    raise_recursion();
    call_from_c = false;
    if (!f->gen) vm_free_frame(f);
    return RUN_ERROR;
  }
  f->entry = ENTRY_C;
  f->parent = vm.frame;
  bool deep = !check_depth(vm.frame, f);
  call_from_c = false;
  if (deep) {
    f->parent = NULL;
    if (!f->gen) vm_free_frame(f);
    return RUN_ERROR;
  }
  vm.c_depth++;
  RunStatus st = run(f, false, out);
  vm.c_depth--;
  return st;
}

Value vm_call_kw(Value callable, int argc, Value *argv, ObjTuple *kwnames) {
  Value result = UNDEF_VAL;
  Frame *f = NULL;
  CallOutcome started = start_call(callable, argc, argv, kwnames, &result, &f);
  if (started == CALL_DONE || started == CALL_ERROR)
    call_from_c = false; /* else vm_run_frame clears it */
  switch (started) {
  case CALL_DONE: return result;
  case CALL_ERROR: return UNDEF_VAL;
  case CALL_FRAME: {
    Value r;
    return vm_run_frame(f, &r) == RUN_RETURN ? r : UNDEF_VAL;
  }
  case CALL_INIT: {
    gc_push_root(result);
    Value r;
    RunStatus st = vm_run_frame(f, &r);
    gc_pop_roots(1);
    if (st != RUN_RETURN) return UNDEF_VAL;
    if (!IS_NONE(r)) {
      return vm_raise(vm.e_TypeError, "__init__() should return None, not '%s'", vm_type_name(r));
    }
    return result;
  }
  }
  return UNDEF_VAL;
}

Value vm_call(Value callable, int argc, Value *argv) {
  return vm_call_kw(callable, argc, argv, NULL);
}

Value vm_call_from_repr(Value callable, Value self) {
  call_from_c = true;
  return vm_call_kw(callable, 1, &self, NULL);
}

Value vm_call_method(Value self, ObjString *name, int argc, Value *argv) {
  Value m = vm_getattr(self, name);
  if (IS_UNDEF(m)) return UNDEF_VAL;
  gc_push_root(m);
  Value r = vm_call(m, argc, argv);
  gc_pop_roots(1);
  return r;
}

/* Where a generator resumes: the innermost frame of its await chain. */
static Frame *resume_target(ObjGen *g) {
  return g->innermost ? g->innermost : g->frame;
}

/* Mark every generator of a chain running/suspended, from f up to top. */
static void chain_state(Frame *f, Frame *top, GenState st) {
  for (;;) {
    if (f->gen) f->gen->state = (uint8_t)st;
    if (f == top) break;
    f = f->parent;
  }
}

/* Prepare a suspended generator for resumption by parent with this entry
 * kind; returns the frame to continue in. The sent value is pushed unless
 * the frame re-executes its YIELD_FROM. */
static Frame *attach_generator(ObjGen *g, Frame *parent, EntryKind entry, Value send,
                               bool throwing) {
  Frame *target = resume_target(g);
  g->frame->parent = parent;
  g->frame->entry = (uint8_t)entry;
  g->frame->depth = parent ? parent->depth + 1 : 1;
  if (throwing) {
    /* The exception is raised at the suspended instruction itself. */
    target->flags &= (uint8_t)~FRAME_REEXEC;
  } else if (g->state == GEN_SUSPENDED) {
    if (target->flags & FRAME_REEXEC) {
      target->flags &= (uint8_t)~FRAME_REEXEC;
      target->ip--; /* YIELD_FROM is one byte: run it again */
    } else {
      *target->sp++ = send;
    }
  }
  g->innermost = NULL;
  chain_state(target, g->frame, GEN_RUNNING);
  g->awaited = true;
  return target;
}

static const char *gen_kind_name(ObjGen *g) {
  return g->kind == GEN_COROUTINE  ? "coroutine"
         : g->kind == GEN_ASYNCGEN ? "async generator"
                                   : "generator";
}

/* Check that g can be resumed; raises otherwise. */
static bool gen_can_resume(ObjGen *g, Value send) {
  if (g->state == GEN_RUNNING || g->delegated) {
    if (g->kind == GEN_COROUTINE && g->delegated && g->state != GEN_RUNNING)
      vm_raise(vm.e_RuntimeError, "coroutine is being awaited already");
    else
      vm_raise(vm.e_ValueError, "%s already executing", gen_kind_name(g));
    return false;
  }
  if (g->state == GEN_CREATED && !IS_NONE(send) && !IS_UNDEF(send)) {
    vm_raise(vm.e_TypeError, "can't send non-None value to a just-started %s", gen_kind_name(g));
    return false;
  }
  return true;
}

RunStatus vm_resume(ObjGen *g, Value send, Value exc, Value *out) {
  if (g->state == GEN_CLOSED) {
    if (!IS_UNDEF(exc)) {
      vm_raise_value(exc);
      return RUN_ERROR;
    }
    if (g->kind == GEN_COROUTINE) {
      vm_raise(vm.e_RuntimeError, "cannot reuse already awaited coroutine");
      return RUN_ERROR;
    }
    *out = NONE_VAL;
    return RUN_RETURN;
  }
  if (!gen_can_resume(g, IS_UNDEF(exc) ? send : NONE_VAL)) return RUN_ERROR;
  if (vm.c_depth >= C_DEPTH_LIMIT) {
    vm_raise(vm.e_RecursionError, "maximum recursion depth exceeded");
    return RUN_ERROR;
  }
  if (!IS_UNDEF(exc) && g->state == GEN_CREATED) {
    /* Throwing into an unstarted generator: it never runs its body. */
    g->state = GEN_CLOSED;
    vm_free_frame(g->frame);
    g->frame = NULL;
    vm_raise_value(exc);
    return RUN_ERROR;
  }
  bool throwing = !IS_UNDEF(exc);
  Frame *target = attach_generator(g, vm.frame, ENTRY_C, send, throwing);
  if (throwing) vm.exc = exc;
  vm.c_depth++;
  RunStatus st = run(target, throwing, out);
  vm.c_depth--;
  return st;
}

/* A frame is finished: detach it from its generator (if any) and free it. */
static void finish_frame(Frame *f) {
  ObjGen *g = f->gen;
  if (g) {
    g->state = GEN_CLOSED;
    g->frame = NULL;
    g->innermost = NULL;
    g->delegated = false;
  }
  vm_free_frame(f);
}

/* PEP 479: StopIteration escaping a generator body becomes RuntimeError. */
static void convert_stop_iteration(Frame *f) {
  ObjGen *g = f->gen;
  if (!g) return;
  bool async_stop = g->kind == GEN_ASYNCGEN && vm_exc_matches(vm.e_StopAsyncIteration);
  if (!async_stop && !vm_exc_matches(vm.e_StopIteration)) return;
  Value cause = vm_take_exc();
  gc_push_root(cause);
  if (async_stop)
    vm_raise(vm.e_RuntimeError, "async generator raised StopAsyncIteration");
  else
    vm_raise(vm.e_RuntimeError, "%s raised StopIteration", gen_kind_name(g));
  gc_pop_roots(1);
  AS_EXCEPTION(vm.exc)->cause = cause;
  AS_EXCEPTION(vm.exc)->context = cause;
}

/* Begin awaiting an async generator's asend/athrow/aclose awaitable from
 * frame: 0 completed at once (*result), 1 the generator's frame continues
 * (*out), 2 likewise but with vm.exc to throw there, -1 error. */
static int asend_start(ObjIter *as, Frame *frame, Frame **out, Value *result) {
  ObjGen *g = AS_GEN(as->src);
  if (as->i == ASEND_DONE) {
    vm_raise(vm.e_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    return -1;
  }
  if (as->i == ASEND_RUNNING || g->state == GEN_RUNNING || g->delegated) {
    vm_raise(vm.e_RuntimeError, "anext(): asynchronous generator is already running");
    return -1;
  }
  bool closing = as->sub == ASEND_CLOSE, throwing = as->sub == ASEND_THROW;
  if (g->state == GEN_CLOSED || (g->state == GEN_CREATED && (closing || throwing))) {
    if (g->state == GEN_CREATED) {
      g->state = GEN_CLOSED;
      vm_free_frame(g->frame);
      g->frame = NULL;
    }
    as->i = ASEND_DONE;
    if (closing) {
      *result = NONE_VAL;
      return 0;
    }
    if (throwing) {
      vm_raise_value(as->a);
      return -1;
    }
    vm_raise(vm.e_StopAsyncIteration, "%s", "");
    return -1;
  }
  if ((int)frame->depth >= vm.recursion_limit) {
    vm_raise(vm.e_RecursionError, "maximum recursion depth exceeded");
    return -1;
  }
  if (g->state == GEN_CREATED) loop_register_asyncgen(g);
  as->i = ASEND_RUNNING;
  g->delegated = true;
  Frame *t = attach_generator(g, frame, ENTRY_DELEGATE, as->a, closing || throwing);
  *out = t;
  if (closing || throwing) {
    vm.frame = t; /* the new exception's context is what t handles */
    if (throwing) {
      vm_raise_value(as->a);
    } else {
      vm_raise(vm.e_GeneratorExit, "%s", "");
    }
    return 2;
  }
  return 1;
}

/* The value `await fut` gives once fut is done (or raises). */
extern bool future_await_result(Value fut, Value *result); /* loop.c */
extern bool future_is_pending(Value fut);                  /* loop.c */

#define VM_IS_FUTURE(v) IS_OBJ_TYPE(v, OBJ_FUTURE)

extern Value lib_gen_close(ObjGen *g); /* lib/object.c: generator.close() */

/* Close a generator a for loop owned (what CPython's refcounting does
 * when the loop drops it): its finally blocks run now. */
static bool close_owned_generator(ObjGen *g) {
  g->loop_owned = false;
  return !IS_UNDEF(lib_gen_close(g));
}

/* An exception is leaving stack slots [from, to): close the generators
 * for loops owned there. Errors in their cleanup are reported and dropped,
 * as CPython does for errors while an object is being freed. */
static void close_dropped_generators(Value *from, Value *to) {
  for (Value *p = to; p-- > from;) {
    if (!IS_GEN(*p) || !AS_GEN(*p)->loop_owned || AS_GEN(*p)->state != GEN_SUSPENDED) continue;
    Value pending = vm.exc;
    vm.exc = UNDEF_VAL;
    gc_push_root(pending);
    if (!close_owned_generator(AS_GEN(*p))) {
      Value e = vm_take_exc();
      fflush(stdout);
      fprintf(stderr, "Exception ignored in: <generator object %s>\n",
              GEN_QUALNAME(AS_GEN(*p))->chars);
      vm_print_exception(e);
    }
    gc_pop_roots(1);
    vm.exc = pending;
  }
}

/* int op int without leaving the dispatch loop; false when the result
 * needs the general path (overflow, division by zero, big shifts). */
static inline bool int_binop_fast(int op, int64_t a, int64_t b, int64_t *r) {
  switch (op) {
  case OP_ADD: return !__builtin_add_overflow(a, b, r);
  case OP_SUB: return !__builtin_sub_overflow(a, b, r);
  case OP_MUL: return !__builtin_mul_overflow(a, b, r);
  case OP_FLOORDIV:
    if (b == 0 || (a == INT64_MIN && b == -1)) return false;
    *r = a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
    return true;
  case OP_MOD:
    if (b == 0 || b == -1) return false;
    *r = a % b;
    if (*r != 0 && ((*r < 0) != (b < 0))) *r += b;
    return true;
  case OP_BITAND: *r = a & b; return true;
  case OP_BITOR: *r = a | b; return true;
  case OP_BITXOR: *r = a ^ b; return true;
  case OP_RSHIFT:
    if (b < 0) return false;
    *r = b >= 63 ? (a < 0 ? -1 : 0) : a >> b;
    return true;
  case OP_LSHIFT:
    if (b < 0 || b >= 64) return false;
    *r = (int64_t)((uint64_t)a << b);
    return (*r >> b) == a;
  default: return false;
  }
}

#define NOT_DEFINED "name '%s' is not defined"
#define UNBOUND_FREE                                                                               \
  "cannot access free variable '%s' where it is not associated with a value in enclosing scope"

/* A NameError about name that carries it as e.name, as CPython's does:
 * the traceback needs it to suggest a similar name. */
static void raise_name_error(const char *fmt, ObjString *name) {
  vm_raise(vm.e_NameError, fmt, name->chars);
  if (IS_EXCEPTION(vm.exc)) AS_EXCEPTION(vm.exc)->name = OBJ_VAL(name);
}

static void raise_unbound_local(ObjCode *code, uint16_t slot) {
  vm_raise(vm.e_UnboundLocalError,
           "cannot access local variable '%s' where it is not associated with a value",
           code->varnames[slot]->chars);
}

/* LOAD_GLOBAL without a valid memo: look the name up and remember where. */
static bool load_global_slow(ObjCode *code, uint16_t ni, ObjDict *globals, Value *out) {
  ObjString *name = code->names[ni];
  if (!code->gcache) {
    code->gcache = gc_realloc(NULL, 0, code->nnames * sizeof(GlobalCache));
    if (code->gcache) memset(code->gcache, 0, code->nnames * sizeof(GlobalCache));
  }
  int64_t ix = dict_index_str(globals, name);
  int64_t bix = ix < 0 ? dict_index_str(vm.builtins, name) : -1;
  if (ix < 0 && bix < 0) {
    raise_name_error(NOT_DEFINED, name);
    return false;
  }
  *out = ix >= 0 ? globals->entries[ix].value : vm.builtins->entries[bix].value;
  if (code->gcache) {
    GlobalCache *gc = &code->gcache[ni];
    gc->globals_uid = globals->uid;
    gc->gversion = globals->version;
    gc->bversion = vm.builtins->version;
    gc->index = ix >= 0 ? (int32_t)ix : (int32_t)(-1 - bix);
  }
  return true;
}

/* The main interpreter loop. Runs from frame until a frame entered from C
 * (ENTRY_C) returns, yields or lets an exception escape. */
static RunStatus run(Frame *frame, bool throwing, Value *out) {
  register uint8_t *ip;
  register Value *sp;
  Value *slots;
  ObjCode *code;
  Value *consts;
  Value yielded; /* the value a suspension hands up */

#define LOAD_FRAME()                                                                               \
  do {                                                                                             \
    vm.frame = frame;                                                                              \
    code = frame->code;                                                                            \
    ip = frame->ip;                                                                                \
    sp = frame->sp;                                                                                \
    slots = frame->slots;                                                                          \
    consts = code->consts;                                                                         \
  } while (0)
#define SYNC()                                                                                     \
  do {                                                                                             \
    frame->ip = ip;                                                                                \
    frame->sp = sp;                                                                                \
  } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define PEEK(n) (sp[-(n)])
#define U16() (ip += 2, read_u16(ip - 2))
#define U32() (ip += 4, read_u32(ip - 4))
#define ERROR()                                                                                    \
  do {                                                                                             \
    SYNC();                                                                                        \
    goto error;                                                                                    \
  } while (0)

  static void *const labels[] = {
#define OPCODE(name, operands, effect) &&op_##name,
#include "opcodes.h"
#undef OPCODE
  };
  static void *trace_labels[BC__COUNT];
  if (!trace_labels[0]) {
    for (int i = 0; i < BC__COUNT; i++) trace_labels[i] = &&trace_op;
  }
  void *const *table = vm.trace_ops ? trace_labels : labels;

#define DISPATCH() goto *table[*ip++]

  LOAD_FRAME();
  if (throwing) goto error;
  DISPATCH();

trace_op:
  SYNC();
  if (vm.op_hook) vm.op_hook(frame, ip - 1);
  goto *labels[ip[-1]];

op_NOP:
  DISPATCH();
op_POP_TOP:
  sp--;
  DISPATCH();
op_DUP_TOP:
  sp[0] = sp[-1];
  sp++;
  DISPATCH();
op_DUP_TOP_TWO:
  sp[0] = sp[-2];
  sp[1] = sp[-1];
  sp += 2;
  DISPATCH();
op_ROT_TWO : {
  Value t = sp[-1];
  sp[-1] = sp[-2];
  sp[-2] = t;
  DISPATCH();
}
op_ROT_THREE : {
  Value t = sp[-1];
  sp[-1] = sp[-2];
  sp[-2] = sp[-3];
  sp[-3] = t;
  DISPATCH();
}
op_ROT_FOUR : {
  Value t = sp[-1];
  sp[-1] = sp[-2];
  sp[-2] = sp[-3];
  sp[-3] = sp[-4];
  sp[-4] = t;
  DISPATCH();
}
op_LOAD_CONST:
  PUSH(consts[U16()]);
  DISPATCH();
op_LOAD_NONE:
  PUSH(NONE_VAL);
  DISPATCH();
op_LOAD_TRUE:
  PUSH(BOOL_VAL(true));
  DISPATCH();
op_LOAD_FALSE:
  PUSH(BOOL_VAL(false));
  DISPATCH();
op_LOAD_SMALL_INT:
  PUSH(INT_VAL((int16_t)U16()));
  DISPATCH();
op_LOAD_FAST : {
  uint16_t i = U16();
  Value v = slots[i];
  if (ASY_UNLIKELY(IS_UNDEF(v))) {
    SYNC();
    raise_unbound_local(code, i);
    goto error;
  }
  PUSH(v);
  DISPATCH();
}
op_LOAD_FAST_LOAD_FAST : {
  uint16_t i = read_u16(ip), j = read_u16(ip + 2);
  Value a = slots[i], b = slots[j];
  if (ASY_UNLIKELY(IS_UNDEF(a) || IS_UNDEF(b))) {
    /* Left inside the instruction, ip selects the line entry of the
     * name that failed (the compiler gave each half its own). */
    if (!IS_UNDEF(a)) ip += 4;
    SYNC();
    raise_unbound_local(code, IS_UNDEF(a) ? i : j);
    goto error;
  }
  ip += 4;
  sp[0] = a;
  sp[1] = b;
  sp += 2;
  DISPATCH();
}
op_STORE_FAST:
  slots[U16()] = POP();
  DISPATCH();
op_DELETE_FAST : {
  uint16_t i = U16();
  if (IS_UNDEF(slots[i])) {
    SYNC();
    vm_raise(vm.e_UnboundLocalError,
             "cannot access local variable '%s' where it is not associated with a value",
             code->varnames[i]->chars);
    goto error;
  }
  slots[i] = UNDEF_VAL;
  DISPATCH();
}
op_MAKE_CELL : {
  uint16_t i = U16();
  SYNC();
  slots[i] = OBJ_VAL(cell_new(slots[i]));
  DISPATCH();
}
op_LOAD_DEREF : {
  uint16_t i = U16();
  Value v = AS_CELL(slots[i])->value;
  if (ASY_UNLIKELY(IS_UNDEF(v))) {
    SYNC();
    if (i < code->nlocals)
      vm_raise(vm.e_UnboundLocalError,
               "cannot access local variable '%s' where it is not associated with a value",
               code->varnames[i]->chars);
    else
      raise_name_error(UNBOUND_FREE, code->varnames[i]);
    goto error;
  }
  PUSH(v);
  DISPATCH();
}
op_STORE_DEREF : {
  uint16_t i = U16();
  AS_CELL(slots[i])->value = POP();
  DISPATCH();
}
op_DELETE_DEREF : {
  uint16_t i = U16();
  AS_CELL(slots[i])->value = UNDEF_VAL;
  DISPATCH();
}
op_LOAD_CLOSURE:
  PUSH(slots[U16()]);
  DISPATCH();
op_LOAD_GLOBAL : {
  uint16_t ni = U16();
  if (ASY_LIKELY(code->gcache != NULL)) {
    GlobalCache *gc = &code->gcache[ni];
    ObjDict *g = frame->globals;
    if (gc->globals_uid == g->uid && gc->gversion == g->version) {
      if (gc->index >= 0) {
        PUSH(g->entries[gc->index].value);
        DISPATCH();
      }
      if (gc->bversion == vm.builtins->version) {
        PUSH(vm.builtins->entries[-1 - gc->index].value);
        DISPATCH();
      }
    }
  }
  SYNC();
  Value v;
  if (!load_global_slow(code, ni, frame->globals, &v)) goto error;
  PUSH(v);
  DISPATCH();
}
op_STORE_GLOBAL : {
  ObjString *name = code->names[U16()];
  SYNC();
  dict_set_str(frame->globals, name, sp[-1]);
  sp--;
  DISPATCH();
}
op_DELETE_GLOBAL : {
  ObjString *name = code->names[U16()];
  SYNC();
  if (dict_del(frame->globals, OBJ_VAL(name)) != 1) {
    raise_name_error(NOT_DEFINED, name);
    goto error;
  }
  DISPATCH();
}
op_LOAD_NAME : {
  ObjString *name = code->names[U16()];
  Value v;
  if ((frame->ns && dict_get_str(frame->ns, name, &v)) || dict_get_str(frame->globals, name, &v) ||
      dict_get_str(vm.builtins, name, &v)) {
    PUSH(v);
    DISPATCH();
  }
  SYNC();
  raise_name_error(NOT_DEFINED, name);
  goto error;
}
op_STORE_NAME : {
  ObjString *name = code->names[U16()];
  SYNC();
  dict_set_str(frame->ns ? frame->ns : frame->globals, name, sp[-1]);
  sp--;
  DISPATCH();
}
op_DELETE_NAME : {
  ObjString *name = code->names[U16()];
  SYNC();
  if (dict_del(frame->ns ? frame->ns : frame->globals, OBJ_VAL(name)) != 1) {
    raise_name_error(NOT_DEFINED, name);
    goto error;
  }
  DISPATCH();
}
op_LOAD_CLASSDEREF : {
  uint16_t i = U16();
  Value v;
  if (frame->ns && dict_get_str(frame->ns, code->varnames[i], &v)) {
    PUSH(v);
    DISPATCH();
  }
  v = AS_CELL(slots[i])->value;
  if (IS_UNDEF(v)) {
    SYNC();
    raise_name_error(UNBOUND_FREE, code->varnames[i]);
    goto error;
  }
  PUSH(v);
  DISPATCH();
}
op_LOAD_LOCALS:
  PUSH(frame->ns ? OBJ_VAL(frame->ns) : OBJ_VAL(frame->globals));
  DISPATCH();
op_LOAD_ASSERTION_ERROR:
  PUSH(OBJ_VAL(vm.e_AssertionError));
  DISPATCH();

op_LOAD_ATTR : {
  uint16_t ni = U16();
  Value obj = sp[-1];
  if (IS_INSTANCE(obj)) {
    /* Instance attributes and plain class values, from the cache. */
    ObjInstance *in = AS_INSTANCE(obj);
    AttrCache *ac = attr_lookup(code, ni, in->cls);
    if (ac && (ac->flags & ACACHE_LOAD)) {
      int64_t ix = in->dict ? attr_index(ac, in->dict, code->names[ni]) : -1;
      if (ix >= 0) {
        sp[-1] = in->dict->entries[ix].value;
        DISPATCH();
      }
      if (!IS_UNDEF(ac->cv) && !IS_OBJ_TYPE(ac->cv, OBJ_FUNCTION) &&
          !IS_OBJ_TYPE(ac->cv, OBJ_NATIVE) && !IS_OBJ_TYPE(ac->cv, OBJ_WRAPPER)) {
        sp[-1] = ac->cv;
        DISPATCH();
      }
    }
  }
  if (IS_MODULE(obj)) {
    Value v;
    if (module_attr_cached(code, ni, obj, &v)) {
      sp[-1] = v;
      DISPATCH();
    }
  }
  SYNC();
  attr_cache_alloc(code);
  Value v = vm_getattr(obj, code->names[ni]);
  if (IS_UNDEF(v)) goto error;
  if (IS_MODULE(obj)) module_attr_remember(code, ni, obj);
  sp[-1] = v;
  DISPATCH();
}
op_STORE_ATTR : {
  uint16_t ni = U16();
  Value obj = sp[-1];
  if (IS_INSTANCE(obj)) {
    ObjInstance *in = AS_INSTANCE(obj);
    AttrCache *ac = attr_lookup(code, ni, in->cls);
    if (ac && (ac->flags & ACACHE_STORE)) {
      int64_t ix = in->dict ? attr_index(ac, in->dict, code->names[ni]) : -1;
      if (ix >= 0) {
        in->dict->entries[ix].value = sp[-2];
        sp -= 2;
        DISPATCH();
      }
      SYNC(); /* a new attribute: the dict may grow (and collect) */
      if (!in->dict) in->dict = dict_new_sized(in->cls->attr_hint);
      dict_set_str(in->dict, code->names[ni], sp[-2]);
      if (in->dict->len > in->cls->attr_hint && in->dict->len <= 8)
        in->cls->attr_hint = in->dict->len;
      sp -= 2;
      DISPATCH();
    }
  }
  SYNC();
  attr_cache_alloc(code);
  if (!vm_setattr(obj, code->names[ni], sp[-2])) goto error;
  sp -= 2;
  DISPATCH();
}
op_DELETE_ATTR : {
  ObjString *name = code->names[U16()];
  SYNC();
  if (!vm_delattr(sp[-1], name)) goto error;
  sp--;
  DISPATCH();
}
op_LOAD_METHOD : {
  uint16_t ni = U16();
  Value obj = sp[-1];
  /* A method on the class (asy function or C method) that the object's own
   * dict does not shadow: [func, self], from the cache. */
  ObjDict *own;
  ObjClass *owner = method_owner(obj, &own);
  if (owner) {
    AttrCache *ac = attr_lookup(code, ni, owner);
    if (ac && (ac->flags & ACACHE_LOAD) &&
        (IS_NATIVE_METHOD(ac->cv) || (IS_OBJ(obj) && IS_OBJ_TYPE(ac->cv, OBJ_FUNCTION))) &&
        (!own || own->len == 0 || dict_index_str(own, code->names[ni]) < 0)) {
      sp[-1] = ac->cv;
      sp[0] = obj;
      sp++;
      DISPATCH();
    }
  }
  if (IS_MODULE(obj)) {
    Value v;
    if (module_attr_cached(code, ni, obj, &v)) {
      sp[-1] = UNDEF_VAL;
      sp[0] = v;
      sp++;
      DISPATCH();
    }
  }
  SYNC();
  attr_cache_alloc(code);
  Value m;
  int kind = ops_load_method(obj, code->names[ni], &m);
  if (kind < 0) goto error;
  if (kind == 0 && IS_MODULE(obj)) module_attr_remember(code, ni, obj);
  if (kind == 1) { /* unbound function found on the class: [func, self] */
    sp[-1] = m;
    sp[0] = obj;
  } else {
    sp[-1] = UNDEF_VAL;
    sp[0] = m;
  }
  sp++;
  DISPATCH();
}
op_BINARY_SUBSCR : {
  Value c = sp[-2], k = sp[-1];
  if (IS_LIST(c) && IS_INT(k)) {
    ObjList *l = AS_LIST(c);
    int64_t i = AS_INT(k);
    if (i < 0) i += l->len;
    if ((uint64_t)i < l->len) {
      sp[-2] = l->items[i];
      sp--;
      DISPATCH();
    }
  }
  SYNC();
  Value v = vm_getitem(c, k);
  if (IS_UNDEF(v)) goto error;
  sp[-2] = v;
  sp--;
  DISPATCH();
}
op_STORE_SUBSCR : {
  Value v = sp[-3], c = sp[-2], k = sp[-1];
  if (IS_LIST(c) && IS_INT(k)) {
    ObjList *l = AS_LIST(c);
    int64_t i = AS_INT(k);
    if (i < 0) i += l->len;
    if ((uint64_t)i < l->len) {
      l->items[i] = v;
      sp -= 3;
      DISPATCH();
    }
  }
  SYNC();
  if (!vm_setitem(c, k, v)) goto error;
  sp -= 3;
  DISPATCH();
}
op_DELETE_SUBSCR : {
  SYNC();
  if (!vm_delitem(sp[-2], sp[-1])) goto error;
  sp -= 2;
  DISPATCH();
}
op_BUILD_SLICE : {
  uint16_t n = U16();
  SYNC();
  Value step = n == 3 ? sp[-1] : NONE_VAL;
  ObjSlice *s = slice_new(sp[-(int)n], sp[-(int)n + 1], step);
  sp -= n;
  PUSH(OBJ_VAL(s));
  DISPATCH();
}

#define INT_BINOP(opname, builtin, astop)                                                          \
  op_##opname : {                                                                                  \
    Value a = sp[-2], b = sp[-1];                                                                  \
    int64_t r;                                                                                     \
    if (IS_INT(a) && IS_INT(b) && !builtin(AS_INT(a), AS_INT(b), &r)) {                            \
      sp[-2] = INT_VAL(r);                                                                         \
      sp--;                                                                                        \
      DISPATCH();                                                                                  \
    }                                                                                              \
    if (IS_FLOAT(a) && IS_FLOAT(b)) {                                                              \
      sp[-2] = FLOAT_VAL(FLOAT_OP_##opname(AS_FLOAT(a), AS_FLOAT(b)));                             \
      sp--;                                                                                        \
      DISPATCH();                                                                                  \
    }                                                                                              \
    SYNC();                                                                                        \
    Value v = vm_binary(astop, a, b, false);                                                       \
    if (IS_UNDEF(v)) goto error;                                                                   \
    sp[-2] = v;                                                                                    \
    sp--;                                                                                          \
    DISPATCH();                                                                                    \
  }
#define FLOAT_OP_ADD(x, y) ((x) + (y))
#define FLOAT_OP_SUBTRACT(x, y) ((x) - (y))
#define FLOAT_OP_MULTIPLY(x, y) ((x) * (y))
  INT_BINOP(ADD, __builtin_add_overflow, OP_ADD)
  INT_BINOP(SUBTRACT, __builtin_sub_overflow, OP_SUB)
  INT_BINOP(MULTIPLY, __builtin_mul_overflow, OP_MUL)

#define SLOW_BINOP(opname, astop)                                                                  \
  op_##opname : {                                                                                  \
    int64_t r;                                                                                     \
    if (IS_INT(sp[-2]) && IS_INT(sp[-1]) &&                                                        \
        int_binop_fast(astop, AS_INT(sp[-2]), AS_INT(sp[-1]), &r)) {                               \
      sp[-2] = INT_VAL(r);                                                                         \
      sp--;                                                                                        \
      DISPATCH();                                                                                  \
    }                                                                                              \
    SYNC();                                                                                        \
    Value v = vm_binary(astop, sp[-2], sp[-1], false);                                             \
    if (IS_UNDEF(v)) goto error;                                                                   \
    sp[-2] = v;                                                                                    \
    sp--;                                                                                          \
    DISPATCH();                                                                                    \
  }
  SLOW_BINOP(TRUE_DIVIDE, OP_DIV)
  SLOW_BINOP(FLOOR_DIVIDE, OP_FLOORDIV)
  SLOW_BINOP(MODULO, OP_MOD)
  SLOW_BINOP(POWER, OP_POW)
  SLOW_BINOP(MATMUL, OP_MATMUL)
  SLOW_BINOP(LSHIFT, OP_LSHIFT)
  SLOW_BINOP(RSHIFT, OP_RSHIFT)
  SLOW_BINOP(BIT_AND, OP_BITAND)
  SLOW_BINOP(BIT_OR, OP_BITOR)
  SLOW_BINOP(BIT_XOR, OP_BITXOR)

op_BINARY_OP_IMM:
op_INPLACE_IMM : {
  bool inplace = ip[-1] == BC_INPLACE_IMM;
  int64_t k = (int16_t)read_u16(ip);
  int astop = read_u16(ip + 2);
  ip += 4;
  Value a = sp[-1];
  int64_t r;
  if (IS_INT(a) && int_binop_fast(astop, AS_INT(a), k, &r)) {
    sp[-1] = INT_VAL(r);
    DISPATCH();
  }
  SYNC();
  Value v = vm_binary(astop, a, INT_VAL(k), inplace);
  if (IS_UNDEF(v)) goto error;
  sp[-1] = v;
  DISPATCH();
}
op_INPLACE_STORE_FAST : {
  int astop = read_u16(ip);
  Value a = sp[-2], b = sp[-1];
  int64_t r;
  if (IS_INT(a) && IS_INT(b) && int_binop_fast(astop, AS_INT(a), AS_INT(b), &r)) {
    slots[read_u16(ip + 2)] = INT_VAL(r);
    ip += 4;
    sp -= 2;
    DISPATCH();
  }
  ip += 2; /* an error belongs to the INPLACE half */
  SYNC();
  Value v = vm_binary(astop, a, b, true);
  if (IS_UNDEF(v)) goto error;
  sp -= 2;
  slots[U16()] = v;
  DISPATCH();
}
op_INPLACE_IMM_STORE_FAST : {
  int64_t k = (int16_t)read_u16(ip);
  int astop = read_u16(ip + 2);
  Value a = sp[-1];
  int64_t r;
  if (IS_INT(a) && int_binop_fast(astop, AS_INT(a), k, &r)) {
    slots[read_u16(ip + 4)] = INT_VAL(r);
    ip += 6;
    sp--;
    DISPATCH();
  }
  ip += 4;
  SYNC();
  Value v = vm_binary(astop, a, INT_VAL(k), true);
  if (IS_UNDEF(v)) goto error;
  sp--;
  slots[U16()] = v;
  DISPATCH();
}
op_INPLACE : {
  int astop = U16();
  Value a = sp[-2], b = sp[-1];
  int64_t r;
  if (IS_INT(a) && IS_INT(b) && int_binop_fast(astop, AS_INT(a), AS_INT(b), &r)) {
    sp[-2] = INT_VAL(r);
    sp--;
    DISPATCH();
  }
  SYNC();
  Value v = vm_binary(astop, a, b, true);
  if (IS_UNDEF(v)) goto error;
  sp[-2] = v;
  sp--;
  DISPATCH();
}
op_NEGATE : {
  Value a = sp[-1];
  if (IS_INT(a) && AS_INT(a) != INT64_MIN) {
    sp[-1] = INT_VAL(-AS_INT(a));
    DISPATCH();
  }
  SYNC();
  Value v = vm_unary(OP_NEG, a);
  if (IS_UNDEF(v)) goto error;
  sp[-1] = v;
  DISPATCH();
}
op_POSITIVE : {
  SYNC();
  Value v = vm_unary(OP_POS, sp[-1]);
  if (IS_UNDEF(v)) goto error;
  sp[-1] = v;
  DISPATCH();
}
op_INVERT : {
  SYNC();
  Value v = vm_unary(OP_INVERT, sp[-1]);
  if (IS_UNDEF(v)) goto error;
  sp[-1] = v;
  DISPATCH();
}
op_NOT : {
  Value a = sp[-1];
  if (IS_BOOL(a)) {
    sp[-1] = BOOL_VAL(!AS_BOOL(a));
    DISPATCH();
  }
  SYNC();
  int t = vm_truthy(a);
  if (t < 0) goto error;
  sp[-1] = BOOL_VAL(!t);
  DISPATCH();
}

#define CMP_OP(opname, cop, astop)                                                                 \
  op_##opname : {                                                                                  \
    Value a = sp[-2], b = sp[-1];                                                                  \
    if (IS_INT(a) && IS_INT(b)) {                                                                  \
      sp[-2] = BOOL_VAL(AS_INT(a) cop AS_INT(b));                                                  \
      sp--;                                                                                        \
      DISPATCH();                                                                                  \
    }                                                                                              \
    if (IS_FLOAT(a) && IS_FLOAT(b)) {                                                              \
      sp[-2] = BOOL_VAL(AS_FLOAT(a) cop AS_FLOAT(b));                                              \
      sp--;                                                                                        \
      DISPATCH();                                                                                  \
    }                                                                                              \
    SYNC();                                                                                        \
    Value v = vm_compare(astop, a, b);                                                             \
    if (IS_UNDEF(v)) goto error;                                                                   \
    sp[-2] = v;                                                                                    \
    sp--;                                                                                          \
    DISPATCH();                                                                                    \
  }
  CMP_OP(COMPARE_LT, <, OP_LT)
  CMP_OP(COMPARE_LE, <=, OP_LE)
  CMP_OP(COMPARE_EQ, ==, OP_EQ)
  CMP_OP(COMPARE_NE, !=, OP_NE)
  CMP_OP(COMPARE_GT, >, OP_GT)
  CMP_OP(COMPARE_GE, >=, OP_GE)

op_COMPARE_JUMP_IF_FALSE:
op_COMPARE_JUMP_IF_TRUE : {
  /* A comparison feeding a branch (`if a < b:`, `while i < n:`). */
  bool jump_if = ip[-1] == BC_COMPARE_JUMP_IF_TRUE;
  uint32_t target = U32();
  int astop = U16();
  Value a = sp[-2], b = sp[-1];
  bool t;
  if (IS_INT(a) && IS_INT(b)) {
    int64_t x = AS_INT(a), y = AS_INT(b);
    switch (astop) {
    case OP_LT: t = x < y; break;
    case OP_LE: t = x <= y; break;
    case OP_GT: t = x > y; break;
    case OP_GE: t = x >= y; break;
    case OP_EQ: t = x == y; break;
    default: t = x != y; break;
    }
  } else {
    SYNC();
    Value r = vm_compare(astop, a, b);
    if (IS_UNDEF(r)) goto error;
    if (IS_BOOL(r)) {
      t = AS_BOOL(r);
    } else {
      sp[-2] = r; /* keep it rooted while its truth is computed */
      sp--;
      SYNC();
      int tr = vm_truthy(r);
      if (tr < 0) goto error;
      sp++;
      t = tr;
    }
  }
  sp -= 2;
  if (t == jump_if) ip = code->code + target;
  DISPATCH();
}
op_IS:
  sp[-2] = BOOL_VAL(value_is(sp[-2], sp[-1]));
  sp--;
  DISPATCH();
op_IS_NOT:
  sp[-2] = BOOL_VAL(!value_is(sp[-2], sp[-1]));
  sp--;
  DISPATCH();
op_CONTAINS:
op_NOT_CONTAINS : {
  bool negate = ip[-1] == BC_NOT_CONTAINS;
  SYNC();
  int r = vm_contains(sp[-1], sp[-2]);
  if (r < 0) goto error;
  sp[-2] = BOOL_VAL(negate ? !r : r);
  sp--;
  DISPATCH();
}

op_JUMP:
  ip = code->code + read_u32(ip);
  DISPATCH();
op_JUMP_BACKWARD:
  if (ASY_UNLIKELY(vm.interrupted)) {
    /* Raised before jumping, so the traceback names the loop's last line. */
    vm.interrupted = 0;
    ip += 4;
    SYNC();
    vm_raise(vm.e_KeyboardInterrupt, "%s", "");
    goto error;
  }
  ip = code->code + read_u32(ip);
  DISPATCH();
op_POP_JUMP_IF_FALSE : {
  Value v = POP();
  int t;
  if (IS_BOOL(v)) {
    t = AS_BOOL(v);
  } else {
    SYNC();
    t = vm_truthy(v);
    if (t < 0) goto error;
  }
  if (!t) {
    ip = code->code + read_u32(ip);
  } else {
    ip += 4;
  }
  DISPATCH();
}
op_POP_JUMP_IF_TRUE : {
  Value v = POP();
  int t;
  if (IS_BOOL(v)) {
    t = AS_BOOL(v);
  } else {
    SYNC();
    t = vm_truthy(v);
    if (t < 0) goto error;
  }
  if (t) {
    ip = code->code + read_u32(ip);
  } else {
    ip += 4;
  }
  DISPATCH();
}
op_JUMP_IF_FALSE_OR_POP:
op_JUMP_IF_TRUE_OR_POP : {
  bool jump_if = ip[-1] == BC_JUMP_IF_TRUE_OR_POP;
  SYNC();
  int t = vm_truthy(sp[-1]);
  if (t < 0) goto error;
  if ((bool)t == jump_if) {
    ip = code->code + read_u32(ip);
  } else {
    ip += 4;
    sp--;
  }
  DISPATCH();
}
op_GET_ITER_OWNED : {
  Value v = sp[-1];
  if (IS_GEN(v) && AS_GEN(v)->kind == GEN_GENERATOR) {
    if (AS_GEN(v)->state == GEN_CREATED) AS_GEN(v)->loop_owned = true;
    DISPATCH();
  }
  goto get_iter;
}
op_POP_ITER : {
  Value v = POP();
  if (IS_GEN(v) && AS_GEN(v)->loop_owned && AS_GEN(v)->state == GEN_SUSPENDED) {
    SYNC();
    PUSH(v); /* rooted while it runs its finally blocks */
    SYNC();
    bool ok = close_owned_generator(AS_GEN(v));
    sp--;
    if (!ok) goto error;
  }
  DISPATCH();
}
op_GET_ITER : {
get_iter:;
  Value v = sp[-1];
  if (IS_GEN(v) && AS_GEN(v)->kind == GEN_GENERATOR) DISPATCH();
  SYNC();
  Value it = vm_iter(v);
  if (IS_UNDEF(it)) goto error;
  sp[-1] = it;
  DISPATCH();
}
op_FOR_ITER : {
  Value it = sp[-1];
  uint32_t target = U32();
  if (IS_ITER(it)) {
    ObjIter *o = AS_ITER(it);
    if (o->kind == ITER_RANGE) {
      if (o->step > 0 ? o->i < o->n : o->i > o->n) {
        PUSH(INT_VAL(o->i));
        o->i += o->step;
        DISPATCH();
      }
      sp--;
      ip = code->code + target;
      DISPATCH();
    }
    if (o->kind == ITER_SEQ && IS_LIST(o->src)) {
      ObjList *l = AS_LIST(o->src);
      if (o->i < (int64_t)l->len) {
        PUSH(l->items[o->i++]);
        DISPATCH();
      }
      o->i = INT64_MAX; /* stays exhausted even if the list grows */
      sp--;
      ip = code->code + target;
      DISPATCH();
    }
  } else if (IS_GEN(it) && AS_GEN(it)->kind == GEN_GENERATOR) {
    ObjGen *g = AS_GEN(it);
    if (g->state == GEN_CLOSED) {
      sp--;
      ip = code->code + target;
      DISPATCH();
    }
    SYNC();
    if (!gen_can_resume(g, NONE_VAL)) goto error;
    if ((int)frame->depth >= vm.recursion_limit) {
      vm_raise(vm.e_RecursionError, "maximum recursion depth exceeded");
      goto error;
    }
    frame = attach_generator(g, frame, ENTRY_FORITER, NONE_VAL, false);
    LOAD_FRAME();
    DISPATCH();
  }
  SYNC();
  Value v;
  int r = vm_next(it, &v);
  if (r < 0) goto error;
  if (r == 0) {
    sp--;
    ip = code->code + target;
    DISPATCH();
  }
  PUSH(v);
  DISPATCH();
}

op_BUILD_TUPLE : {
  uint16_t n = U16();
  SYNC();
  ObjTuple *t = tuple_new(n, sp - n);
  if (!t) {
    vm_raise(vm.e_MemoryError, "%s", "");
    goto error;
  }
  sp -= n;
  PUSH(OBJ_VAL(t));
  DISPATCH();
}
op_BUILD_LIST : {
  uint16_t n = U16();
  SYNC();
  ObjList *l = list_new(n, sp - n);
  sp -= n;
  PUSH(OBJ_VAL(l));
  DISPATCH();
}
op_BUILD_SET : {
  uint16_t n = U16();
  SYNC();
  ObjSet *s = set_new(false);
  PUSH(OBJ_VAL(s));
  SYNC();
  for (int i = n; i >= 1; i--) {
    if (set_add(s, sp[-1 - i]) < 0) goto error;
  }
  sp -= n + 1;
  PUSH(OBJ_VAL(s));
  DISPATCH();
}
op_BUILD_MAP : {
  uint16_t n = U16();
  SYNC();
  ObjDict *d = dict_new();
  PUSH(OBJ_VAL(d));
  SYNC();
  Value *base = sp - 1 - 2 * n;
  for (int i = 0; i < n; i++) {
    if (!dict_set(d, base[2 * i], base[2 * i + 1])) goto error;
  }
  sp = base;
  PUSH(OBJ_VAL(d));
  DISPATCH();
}
op_BUILD_STRING : {
  uint16_t n = U16();
  SYNC();
  ObjString *s = ops_concat_strings(sp - n, n);
  if (!s) goto error;
  sp -= n;
  PUSH(OBJ_VAL(s));
  DISPATCH();
}
op_LIST_APPEND : {
  uint16_t i = U16();
  SYNC();
  if (!list_append(AS_LIST(sp[-1 - i]), sp[-1])) goto error;
  sp--;
  DISPATCH();
}
op_SET_ADD : {
  uint16_t i = U16();
  SYNC();
  if (set_add(AS_SET(sp[-1 - i]), sp[-1]) < 0) goto error;
  sp--;
  DISPATCH();
}
op_MAP_ADD : {
  uint16_t i = U16();
  SYNC();
  if (!dict_set(AS_DICT(sp[-2 - i]), sp[-2], sp[-1])) goto error;
  sp -= 2;
  DISPATCH();
}
op_LIST_EXTEND : {
  uint16_t i = U16();
  SYNC();
  if (!ops_list_extend(AS_LIST(sp[-1 - i]), sp[-1])) goto error;
  sp--;
  DISPATCH();
}
op_SET_UPDATE : {
  uint16_t i = U16();
  SYNC();
  if (!ops_set_update(AS_SET(sp[-1 - i]), sp[-1])) goto error;
  sp--;
  DISPATCH();
}
op_DICT_UPDATE:
op_DICT_MERGE : {
  bool merge = ip[-1] == BC_DICT_MERGE;
  uint16_t i = U16();
  SYNC();
  if (!ops_dict_update(AS_DICT(sp[-1 - i]), sp[-1], merge, sp - 2 - i)) goto error;
  sp--;
  DISPATCH();
}
op_LIST_TO_TUPLE : {
  SYNC();
  ObjList *l = AS_LIST(sp[-1]);
  ObjTuple *t = tuple_new(l->len, l->items);
  if (!t) {
    vm_raise(vm.e_MemoryError, "%s", "");
    goto error;
  }
  sp[-1] = OBJ_VAL(t);
  /* The list is the compiler's scratch (BUILD_LIST just before), now
   * unreachable: give its items back at once rather than at the next
   * collection (f(*a_million_tasks) would hold both until then). */
  gc_realloc(l->items, l->cap * sizeof(Value), 0);
  l->items = NULL;
  l->len = l->cap = 0;
  DISPATCH();
}
op_FORMAT_VALUE : {
  uint16_t flags = U16();
  SYNC();
  ObjString *spec = (flags & 4) ? AS_STR(POP()) : NULL;
  Value v = sp[-1];
  int conv = flags & 3;
  if (conv) {
    SYNC();
    ObjString *s = conv == 1 ? vm_str(v) : conv == 2 ? vm_repr(v) : ops_ascii(v);
    if (!s) goto error;
    v = OBJ_VAL(s);
    sp[-1] = v;
  }
  if (IS_STR(v) && (!spec || spec->len == 0)) DISPATCH();
  if (spec) PUSH(OBJ_VAL(spec)); /* keep it rooted while formatting */
  SYNC();
  ObjString *r = vm_format(v, spec);
  if (spec) sp--;
  if (!r) goto error;
  sp[-1] = OBJ_VAL(r);
  DISPATCH();
}
op_UNPACK_SEQUENCE : {
  uint16_t n = U16();
  Value seq = sp[-1];
  if (IS_TUPLE(seq) && AS_TUPLE(seq)->len == n) {
    ObjTuple *t = AS_TUPLE(seq);
    sp--;
    for (int i = n - 1; i >= 0; i--) PUSH(t->items[i]);
    DISPATCH();
  }
  SYNC();
  if (!ops_unpack(sp - 1, n, -1)) goto error;
  sp += n - 1;
  DISPATCH();
}
op_UNPACK_EX : {
  uint16_t arg = U16();
  int before = arg & 0xFF, after = arg >> 8;
  SYNC();
  if (!ops_unpack(sp - 1, before, after)) goto error;
  sp += before + after;
  DISPATCH();
}

  /* ---- calls */
  {
    int argc;
    ObjTuple *kwnames;
    Value *base; /* the callable's slot; the result goes there */
    bool method_self;

  op_CALL:
    argc = U16();
    kwnames = NULL;
    base = sp - argc - 1;
    method_self = false;
    goto do_call;
  op_CALL_KW:
    argc = U16();
    kwnames = AS_TUPLE(consts[U16()]);
    base = sp - argc - 1;
    method_self = false;
    goto do_call;
  op_CALL_METHOD:
    argc = U16();
    kwnames = NULL;
    goto do_call_method;
  op_CALL_METHOD_KW:
    argc = U16();
    kwnames = AS_TUPLE(consts[U16()]);
  do_call_method:
    base = sp - argc - 2;
    if (IS_UNDEF(base[0])) {
      method_self = true; /* [UNDEF, callable, args]: the callable is base[1] */
      base++;
    } else {
      method_self = false;
      argc++; /* [func, self, args]: self is the first argument */
    }
    goto do_call;
  op_CALL_EX : {
    uint16_t has_kw = U16();
    SYNC();
    Value *b = sp - 2 - has_kw;
    Value r = ops_call_ex(b[0], b[1], has_kw ? b[2] : UNDEF_VAL);
    if (IS_UNDEF(r)) goto error;
    sp = b;
    PUSH(r);
    DISPATCH();
  }
  op_WITH_EXCEPT_START : {
    /* [exit, prev, exc] → [exit, prev, exc, exit(type(exc), exc, tb)] */
    Value exc = sp[-1];
    Value exitf = sp[-3];
    sp[0] = exitf;
    sp[1] = OBJ_VAL(vm_class_of(exc));
    sp[2] = exc;
    sp[3] = NONE_VAL;
    SYNC();
    sp[3] = vm_traceback_of(exc); /* may allocate: the slots below are synced */
    base = sp;
    sp += 4;
    argc = 3;
    kwnames = NULL;
    method_self = false;
    goto do_call;
  }

  do_call : {
    SYNC();
    Value callee = base[0];
    if (ASY_LIKELY(IS_FUNCTION(callee))) {
      ObjFunction *fn = AS_FUNCTION(callee);
      ObjCode *fc = fn->code;
      if (!(fc->flags & (CODE_GENERATOR | CODE_COROUTINE | CODE_ASYNCGEN))) {
        Frame *f = (fc->flags & CODE_SIMPLE_ARGS) && !kwnames && argc == fc->argcount
                       ? simple_frame(fn, base + 1, argc)
                       : vm_make_frame_self(fn, NULL, argc, base + 1, kwnames);
        if (!f) goto error;
        f->parent = frame;
        f->entry = ENTRY_CALL;
        if (!check_depth(frame, f)) {
          vm_free_frame(f);
          goto error;
        }
        sp = method_self ? base - 1 : base;
        SYNC();
        frame = f;
        LOAD_FRAME();
        if (ASY_UNLIKELY(vm.interrupted)) {
          vm.interrupted = 0;
          vm_raise(vm.e_KeyboardInterrupt, "%s", "");
          goto error;
        }
        DISPATCH();
      }
    }
    Value result = UNDEF_VAL;
    Frame *f = NULL;
    CallOutcome oc = start_call(callee, argc, base + 1, kwnames, &result, &f);
    switch (oc) {
    case CALL_ERROR: goto error;
    case CALL_DONE:
      sp = method_self ? base - 1 : base;
      PUSH(result);
      DISPATCH();
    case CALL_FRAME:
    case CALL_INIT:
      f->parent = frame;
      f->entry = oc == CALL_INIT ? ENTRY_INIT : ENTRY_CALL;
      if (!check_depth(frame, f)) {
        vm_free_frame(f);
        goto error;
      }
      sp = method_self ? base - 1 : base;
      if (oc == CALL_INIT) PUSH(result); /* the instance waits under __init__ */
      SYNC();
      frame = f;
      LOAD_FRAME();
      DISPATCH();
    }
    goto error;
  }
  }

op_MAKE_FUNCTION : {
  uint16_t flags = U16();
  SYNC();
  Value v = ops_make_function(sp, flags, frame->globals);
  if (IS_UNDEF(v)) goto error;
  int npop = 1 + !!(flags & 1) + !!(flags & 2) + !!(flags & 4);
  sp -= npop;
  PUSH(v);
  DISPATCH();
}
op_BUILD_CLASS : {
  uint16_t nbases = U16();
  ObjString *name = AS_STR(consts[U16()]);
  SYNC();
  Value cls = ops_build_class(name, sp - 1 - nbases, nbases, AS_DICT(sp[-1]), frame->globals);
  if (IS_UNDEF(cls)) goto error;
  sp -= nbases + 1;
  PUSH(cls);
  DISPATCH();
}

op_RETURN_VALUE : {
  Value result = POP();
  if (ASY_LIKELY(frame->entry == ENTRY_CALL && !frame->gen && !(code->flags & CODE_CLASSBODY))) {
    /* The common return: a plain call, nothing to finish but the frame. */
    Frame *done = frame;
    frame = frame->parent;
    vm_free_frame(done);
    LOAD_FRAME();
    PUSH(result);
    DISPATCH();
  }
  Frame *parent = frame->parent;
  EntryKind entry = (EntryKind)frame->entry;
  bool is_asyncgen = frame->gen && frame->gen->kind == GEN_ASYNCGEN;
  if (frame->code->flags & CODE_CLASSBODY) result = OBJ_VAL(frame->ns);
  finish_frame(frame);
  if (entry == ENTRY_C) {
    vm.frame = parent;
    if (is_asyncgen) {
      vm_raise(vm.e_StopAsyncIteration, "%s", "");
      return RUN_ERROR;
    }
    *out = result;
    return RUN_RETURN;
  }
  frame = parent;
  LOAD_FRAME();
  switch (entry) {
  case ENTRY_CALL: PUSH(result); break;
  case ENTRY_INIT:
    if (!IS_NONE(result)) {
      SYNC();
      vm_raise(vm.e_TypeError, "__init__() should return None, not '%s'", vm_type_name(result));
      goto error;
    }
    break;
  case ENTRY_DELEGATE:
    if (is_asyncgen) {
      /* The async generator finished: __anext__ raises, aclose returns. */
      ObjIter *as = AS_ITER(sp[-1]);
      as->i = ASEND_DONE;
      if (as->sub == ASEND_CLOSE) {
        sp[-1] = NONE_VAL;
        break;
      }
      SYNC();
      vm_raise(vm.e_StopAsyncIteration, "%s", "");
      goto error;
    }
    sp[-1] = result;
    break;
  case ENTRY_FORITER:
    sp--;
    ip = code->code + read_u32(ip - 4);
    break;
  default: break;
  }
  DISPATCH();
}

op_YIELD_VALUE : {
  Value v = POP();
  SYNC();
  if (frame->gen->kind == GEN_ASYNCGEN) {
    /* An async generator's yield answers the __anext__ awaitable that
     * resumed it: it goes to the awaiting frame, not up to the task. */
    ObjGen *g = frame->gen;
    g->state = GEN_SUSPENDED;
    g->delegated = false;
    Frame *parent = frame->parent;
    frame->parent = NULL;
    frame = parent;
    LOAD_FRAME();
    ObjIter *as = AS_ITER(sp[-1]);
    as->i = ASEND_DONE;
    if (as->sub == ASEND_CLOSE) {
      vm_raise(vm.e_RuntimeError, "async generator ignored GeneratorExit");
      goto error;
    }
    sp[-1] = v;
    DISPATCH();
  }
  yielded = v;
  goto suspend;
}

op_GET_AWAITABLE : {
  uint16_t where = U16();
  SYNC();
  Value a = ops_get_awaitable(sp[-1], where);
  if (IS_UNDEF(a)) goto error;
  sp[-1] = a;
  DISPATCH();
}
op_GET_YIELD_FROM_ITER : {
  Value v = sp[-1];
  if (VM_IS_FUTURE(v)) DISPATCH(); /* yield from a future/sleep: delegate to it */
  if (IS_ITER(v) && AS_ITER(v)->kind == ITER_CORO_WRAP) {
    sp[-1] = AS_ITER(v)->src; /* coroutine.__await__(): the coroutine itself */
    DISPATCH();
  }
  if (IS_GEN(v)) {
    if (AS_GEN(v)->kind == GEN_COROUTINE && !(code->flags & CODE_COROUTINE)) {
      SYNC();
      vm_raise(vm.e_TypeError,
               "cannot 'yield from' a coroutine object in a non-coroutine generator");
      goto error;
    }
    DISPATCH();
  }
  SYNC();
  Value it = vm_iter(v);
  if (IS_UNDEF(it)) goto error;
  sp[-1] = it;
  DISPATCH();
}
op_YIELD_FROM : {
  /* await / yield from: delegate to the iterator on top of the stack. */
  Value it = sp[-1];
  SYNC();
  if (IS_GEN(it)) {
    ObjGen *g = AS_GEN(it);
    if (g->state == GEN_CLOSED) {
      if (g->kind == GEN_COROUTINE) {
        vm_raise(vm.e_RuntimeError, "cannot reuse already awaited coroutine");
        goto error;
      }
      sp[-1] = NONE_VAL;
      DISPATCH();
    }
    if (!gen_can_resume(g, NONE_VAL)) goto error;
    if ((int)frame->depth >= vm.recursion_limit) {
      vm_raise(vm.e_RecursionError, "maximum recursion depth exceeded");
      goto error;
    }
    g->delegated = true;
    frame = attach_generator(g, frame, ENTRY_DELEGATE, NONE_VAL, false);
    LOAD_FRAME();
    DISPATCH();
  }
  if (VM_IS_FUTURE(it)) {
    if (!future_is_pending(it)) {
      Value result;
      if (!future_await_result(it, &result)) goto error;
      sp[-1] = result;
      DISPATCH();
    }
    /* Pending: the task must wait. Hand the future up; when resumed, this
     * instruction runs again and finds it done. */
    frame->flags |= FRAME_REEXEC;
    yielded = it;
    goto suspend;
  }
  if (IS_ITER(it) && AS_ITER(it)->kind == ITER_ASEND) {
    Frame *nf = NULL;
    Value result;
    int r = asend_start(AS_ITER(it), frame, &nf, &result);
    if (r < 0) goto error;
    if (r == 0) {
      sp[-1] = result;
      DISPATCH();
    }
    frame = nf;
    LOAD_FRAME();
    if (r == 2) goto error; /* athrow/aclose: the exception lands in the generator */
    DISPATCH();
  }
  {
    /* Any other iterator: each value it produces is yielded up; when it
     * stops, StopIteration.value is the result. */
    Value v;
    int r = ops_iter_send(it, &v);
    if (r < 0) goto error;
    if (r == 0) {
      sp[-1] = v;
      DISPATCH();
    }
    frame->flags |= FRAME_REEXEC;
    yielded = v;
    goto suspend;
  }
}

suspend : {
  /* Suspend the whole delegation chain — this frame and every frame
   * awaiting it — and hand `yielded` to whoever resumed the outermost. */
  if (!frame->gen) {
    vm_raise(vm.e_RuntimeError, "cannot suspend outside a generator or coroutine");
    goto error;
  }
  Frame *top = frame;
  while (top->entry == ENTRY_DELEGATE) top = top->parent;
  top->gen->innermost = frame == top ? NULL : frame;
  chain_state(frame, top, GEN_SUSPENDED);
  Frame *resumer = top->parent;
  EntryKind entry = (EntryKind)top->entry;
  top->parent = NULL;
  if (entry == ENTRY_C) {
    vm.frame = resumer;
    *out = yielded;
    return RUN_YIELD;
  }
  /* ENTRY_FORITER: the for loop receives the value. */
  frame = resumer;
  LOAD_FRAME();
  PUSH(yielded);
  DISPATCH();
}
op_GET_AITER : {
  SYNC();
  Value a = ops_get_aiter(sp[-1]);
  if (IS_UNDEF(a)) goto error;
  sp[-1] = a;
  DISPATCH();
}
op_GET_ANEXT : {
  SYNC();
  Value a = ops_get_anext(sp[-1]);
  if (IS_UNDEF(a)) goto error;
  PUSH(a);
  DISPATCH();
}
op_END_ASYNC_FOR : {
  /* [ait, exc]: StopAsyncIteration ends the loop; anything else goes on. */
  Value exc = sp[-1];
  if (vm_isinstance(exc, vm.e_StopAsyncIteration)) {
    sp -= 2;
    DISPATCH();
  }
  sp--;
  SYNC();
  vm.exc = exc;
  goto unwind;
}

op_RAISE : {
  uint16_t n = U16();
  SYNC();
  if (n == 0) {
    Value h = current_handled(frame);
    if (IS_UNDEF(h) || IS_NONE(h)) {
      vm_raise(vm.e_RuntimeError, "No active exception to reraise");
      goto error;
    }
    vm.exc = h;
    goto unwind;
  }
  Value cause = n == 2 ? POP() : UNDEF_VAL;
  Value exc = POP();
  SYNC();
  if (!ops_prepare_raise(exc, cause)) goto error;
  goto error;
}
op_RERAISE:
  vm.exc = POP();
  SYNC();
  goto unwind;
op_PUSH_EXC_INFO : {
  Value exc = sp[-1]; /* always an exception object */
  sp[-1] = frame_handled(frame);
  PUSH(exc);
  frame->handled = IS_OBJ(exc) ? AS_OBJ(exc) : NULL;
  DISPATCH();
}
op_POP_EXCEPT : {
  Value prev = POP(); /* what PUSH_EXC_INFO saved: an exception or UNDEF */
  frame->handled = IS_OBJ(prev) ? AS_OBJ(prev) : NULL;
  DISPATCH();
}
op_CHECK_EXC_MATCH : {
  SYNC();
  int r = ops_exc_match(sp[-2], sp[-1]);
  if (r < 0) goto error;
  sp[-1] = BOOL_VAL(r);
  DISPATCH();
}
op_BEFORE_WITH:
op_BEFORE_ASYNC_WITH : {
  bool is_async = ip[-1] == BC_BEFORE_ASYNC_WITH;
  SYNC();
  Value exitf, enterf;
  if (!ops_before_with(sp[-1], is_async, &exitf, &enterf)) goto error;
  sp[-1] = exitf;
  PUSH(enterf);
  DISPATCH();
}

op_IMPORT_NAME : {
  ObjString *name = code->names[U16()];
  SYNC();
  Value m = vm_import(name);
  if (IS_UNDEF(m)) goto error;
  PUSH(m);
  DISPATCH();
}
op_IMPORT_FROM : {
  ObjString *name = code->names[U16()];
  SYNC();
  Value v = ops_import_from(sp[-1], name);
  if (IS_UNDEF(v)) goto error;
  PUSH(v);
  DISPATCH();
}
op_IMPORT_STAR : {
  SYNC();
  if (!ops_import_star(sp[-1], frame->ns ? frame->ns : frame->globals)) goto error;
  sp--;
  DISPATCH();
}
op_PRINT_EXPR : {
  SYNC();
  if (!ops_print_expr(sp[-1])) goto error;
  sp--;
  DISPATCH();
}

error:
  /* An exception arrived in this frame (raised here or by a callee):
   * record the traceback line, then look for a handler. */
  add_traceback(vm.exc, frame);
unwind:
  for (;;) {
    uint32_t off = (uint32_t)(frame->ip - code->code);
    const ExcEntry *h = find_handler(code, off ? off - 1 : 0);
    Value *keep = frame->slots + code->nslots + (h ? h->depth : 0);
    if (frame->sp > keep) close_dropped_generators(keep, frame->sp);
    if (h) {
      sp = frame->slots + code->nslots + h->depth;
      PUSH(vm.exc);
      vm.exc = UNDEF_VAL;
      ip = code->code + h->target;
      DISPATCH();
    }
    /* No handler: the frame is done; the exception moves to its caller. */
    convert_stop_iteration(frame);
    Frame *parent = frame->parent;
    EntryKind entry = (EntryKind)frame->entry;
    bool is_asyncgen = frame->gen && frame->gen->kind == GEN_ASYNCGEN;
    finish_frame(frame);
    if (entry == ENTRY_C) {
      vm.frame = parent;
      return RUN_ERROR;
    }
    frame = parent;
    LOAD_FRAME();
    if (entry == ENTRY_INIT) sp--; /* drop the half-made instance */
    if (entry == ENTRY_DELEGATE && is_asyncgen) {
      ObjIter *as = AS_ITER(sp[-1]);
      as->i = ASEND_DONE;
      if (as->sub == ASEND_CLOSE &&
          (vm_exc_matches(vm.e_GeneratorExit) || vm_exc_matches(vm.e_StopAsyncIteration))) {
        vm.exc = UNDEF_VAL; /* aclose() succeeded */
        sp[-1] = NONE_VAL;
        DISPATCH();
      }
    }
    add_traceback(vm.exc, frame);
  }
#undef DISPATCH
}
