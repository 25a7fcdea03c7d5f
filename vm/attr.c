/* attr.c — attribute lookup and assignment, methods, functions and
 * classes, and the smaller instructions around calls, `with` and import. */
#include "ops.h"

#include "../lib/lib.h"
#include "loop.h"

/* ---------------------------------------------------------- binding */

/* What a class attribute becomes when read through an instance. */
static Value bind(Value attr, Value self, ObjClass *cls) {
  if (!IS_OBJ(attr)) return attr;
  switch (OBJ_TYPE(attr)) {
  case OBJ_FUNCTION: return OBJ_VAL(bound_new(self, attr));
  case OBJ_NATIVE:
    return AS_OBJ(attr)->aux == NATIVE_METHOD ? OBJ_VAL(bound_new(self, attr)) : attr;
  case OBJ_WRAPPER: {
    ObjWrapper *w = AS_WRAPPER(attr);
    if (w->kind == WRAP_STATICMETHOD) return w->fget;
    if (w->kind == WRAP_CLASSMETHOD) return OBJ_VAL(bound_new(OBJ_VAL(cls), w->fget));
    if (IS_NONE(w->fget)) return vm_raise(vm.e_AttributeError, "property has no getter");
    return vm_call(w->fget, 1, &self);
  }
  default: return attr;
  }
}

/* What a class attribute becomes when read through the class itself. */
static Value bind_class(Value attr, ObjClass *cls) {
  if (IS_OBJ_TYPE(attr, OBJ_WRAPPER)) {
    ObjWrapper *w = AS_WRAPPER(attr);
    if (w->kind == WRAP_STATICMETHOD) return w->fget;
    if (w->kind == WRAP_CLASSMETHOD) return OBJ_VAL(bound_new(OBJ_VAL(cls), w->fget));
  }
  return attr;
}

static bool is_property(Value v) {
  return IS_OBJ_TYPE(v, OBJ_WRAPPER) && AS_WRAPPER(v)->kind == WRAP_PROPERTY;
}

/* The attribute dict of a future/task (asy subclasses add attributes). */
static ObjDict *future_dict(Value obj, bool create) {
  if (AS_OBJ(obj)->aux == FUTK_SLEEP) return NULL; /* a sleep has no attributes of its own */
  ObjFuture *f = (ObjFuture *)AS_OBJ(obj);
  if (!f->dict && create) f->dict = dict_new();
  return f->dict;
}

static ObjDict *instance_dict(Value obj, bool create) {
  ObjInstance *inst = AS_INSTANCE(obj);
  if (!inst->dict && create) inst->dict = dict_new();
  return inst->dict;
}

/* ------------------------------------------------------- lookups by type */

static Value class_special_attr(ObjClass *c, ObjString *name) {
  const char *n = name->chars;
  if (n[0] != '_' || n[1] != '_') return UNDEF_VAL;
  if (name == vm.names[NAME_name]) return OBJ_VAL(c->name);
  if (name == vm.names[NAME_qualname]) return OBJ_VAL(c->qualname);
  if (name == vm.names[NAME_dict]) return OBJ_VAL(dict_copy(c->dict));
  if (name == vm.names[NAME_class]) return OBJ_VAL(vm.t_type);
  if (strcmp(n, "__bases__") == 0) {
    Value b = c->base ? OBJ_VAL(c->base) : NONE_VAL;
    return OBJ_VAL(c->base ? tuple_new(1, &b) : vm.empty_tuple);
  }
  if (strcmp(n, "__base__") == 0) return c->base ? OBJ_VAL(c->base) : NONE_VAL;
  if (strcmp(n, "__mro__") == 0) {
    uint32_t depth = 0;
    for (ObjClass *k = c; k; k = k->base) depth++;
    ObjTuple *t = tuple_new(depth, NULL);
    uint32_t i = 0;
    for (ObjClass *k = c; k; k = k->base) t->items[i++] = OBJ_VAL(k);
    return OBJ_VAL(t);
  }
  if (name == vm.names[NAME_doc]) {
    Value d;
    return dict_get_str(c->dict, name, &d) ? d : NONE_VAL;
  }
  if (name == vm.names[NAME_module]) {
    Value d;
    return dict_get_str(c->dict, name, &d) ? d : OBJ_VAL(str_intern_cstr("builtins"));
  }
  return UNDEF_VAL;
}

static Value class_getattr(ObjClass *c, ObjString *name) {
  Value v = class_special_attr(c, name);
  if (!IS_UNDEF(v)) return v;
  v = vm_class_lookup(c, name);
  if (!IS_UNDEF(v)) return bind_class(v, c);
  /* Methods of `type` itself, e.g. C.mro(). */
  v = vm_class_lookup(vm.t_type, name);
  if (!IS_UNDEF(v)) return bind(v, OBJ_VAL(c), vm.t_type);
  return UNDEF_VAL;
}

static Value function_getattr(ObjFunction *f, ObjString *name) {
  Value v;
  if (f->attrs && dict_get_str(f->attrs, name, &v)) return v;
  if (name == vm.names[NAME_name]) return OBJ_VAL(f->name);
  if (name == vm.names[NAME_qualname]) return OBJ_VAL(f->qualname);
  if (name == vm.names[NAME_doc]) return f->code->doc ? OBJ_VAL(f->code->doc) : NONE_VAL;
  if (name == vm.names[NAME_module]) {
    Value m;
    return dict_get_str(f->globals, vm.names[NAME_name], &m) ? m : NONE_VAL;
  }
  if (name == vm.names[NAME_dict]) {
    if (!f->attrs) f->attrs = dict_new();
    return OBJ_VAL(f->attrs);
  }
  if (strcmp(name->chars, "__defaults__") == 0)
    return f->defaults ? OBJ_VAL(f->defaults) : NONE_VAL;
  if (strcmp(name->chars, "__kwdefaults__") == 0)
    return f->kwdefaults ? OBJ_VAL(f->kwdefaults) : NONE_VAL;
  if (strcmp(name->chars, "__code__") == 0) return OBJ_VAL(f->code);
  if (strcmp(name->chars, "__globals__") == 0) return OBJ_VAL(f->globals);
  if (strcmp(name->chars, "__closure__") == 0) return f->closure ? OBJ_VAL(f->closure) : NONE_VAL;
  if (strcmp(name->chars, "__builtins__") == 0) return OBJ_VAL(vm.builtins);
  /* asy parses annotations and drops them (docs/language.md). */
  if (strcmp(name->chars, "__annotations__") == 0) return OBJ_VAL(dict_new());
  return UNDEF_VAL;
}

static Value gen_getattr(ObjGen *g, ObjString *name) {
  const char *n = name->chars;
  if (name == vm.names[NAME_name]) return OBJ_VAL(str_from_cstr(gen_name(g)));
  if (name == vm.names[NAME_qualname]) return OBJ_VAL(GEN_QUALNAME(g));
  if (!strcmp(n, "gi_running") || !strcmp(n, "cr_running") || !strcmp(n, "ag_running"))
    return BOOL_VAL(g->state == GEN_RUNNING);
  if (!strcmp(n, "gi_suspended") || !strcmp(n, "cr_suspended") || !strcmp(n, "ag_suspended"))
    return BOOL_VAL(g->state == GEN_SUSPENDED);
  if (!strcmp(n, "gi_frame") || !strcmp(n, "cr_frame") || !strcmp(n, "ag_frame"))
    return g->state == GEN_CLOSED ? NONE_VAL : BOOL_VAL(true);
  if (!strcmp(n, "gi_code") || !strcmp(n, "cr_code") || !strcmp(n, "ag_code"))
    return g->frame ? OBJ_VAL(g->frame->code) : NONE_VAL;
  return UNDEF_VAL;
}

static Value bound_getattr(ObjBound *b, ObjString *name) {
  if (strcmp(name->chars, "__self__") == 0) return b->self;
  if (strcmp(name->chars, "__func__") == 0) return b->func;
  return vm_getattr_opt(b->func, name);
}

static Value super_getattr(ObjSuper *s, ObjString *name) {
  ObjClass *cls = IS_CLASS(s->self) ? AS_CLASS(s->self) : vm_class_of(s->self);
  for (ObjClass *c = s->start->base; c; c = c->base) {
    Value v;
    if (dict_get_str(c->dict, name, &v)) {
      if (IS_CLASS(s->self)) return bind_class(v, AS_CLASS(s->self));
      return bind(v, s->self, cls);
    }
  }
  if (name == vm.names[NAME_class]) return OBJ_VAL(vm.t_super);
  return UNDEF_VAL;
}

/* Instance-like objects: user instances, exceptions, C-backed objects;
 * hook: fall back on the class's __getattr__. */
static Value instance_getattr(Value obj, ObjString *name, bool hook) {
  ObjClass *cls = vm_class_of(obj);
  Value cv = vm_class_lookup(cls, name);
  if (is_property(cv)) return bind(cv, obj, cls);
  ObjDict *d = NULL;
  if (IS_INSTANCE(obj) || IS_EXCEPTION(obj))
    d = AS_INSTANCE(obj)->dict;
  else if (IS_OBJ_TYPE(obj, OBJ_CDATA))
    d = AS_CDATA(obj)->dict;
  else if (IS_OBJ_TYPE(obj, OBJ_FUTURE))
    d = future_dict(obj, false);
  Value v;
  if (d && dict_get_str(d, name, &v)) return v;
  if (!IS_UNDEF(vm.exc)) return UNDEF_VAL; /* a colliding key's __eq__ failed */
  if (!IS_UNDEF(cv)) return bind(cv, obj, cls);
  if (name == vm.names[NAME_class]) return OBJ_VAL(cls);
  if (name == vm.names[NAME_dict] && (IS_INSTANCE(obj) || IS_EXCEPTION(obj)))
    return OBJ_VAL(instance_dict(obj, true));
  Value ga = hook ? vm_class_lookup(cls, vm.names[NAME_getattr]) : UNDEF_VAL;
  if (!IS_UNDEF(ga)) {
    Value args[2] = {obj, OBJ_VAL(name)};
    /* An AttributeError it raises stays pending: its message is the one
     * the program shows (vm_getattr_opt clears it). */
    return vm_call(ga, 2, args);
  }
  return UNDEF_VAL;
}

/* vm_getattr_opt, except that an AttributeError raised by __getattr__ stays
 * pending. */
static Value getattr_raw(Value obj, ObjString *name) {
  if (IS_OBJ(obj)) {
    switch (OBJ_TYPE(obj)) {
    case OBJ_INSTANCE:
    case OBJ_EXCEPTION:
    case OBJ_FUTURE:
    case OBJ_CDATA: return instance_getattr(obj, name, true);
    case OBJ_CLASS: return class_getattr(AS_CLASS(obj), name);
    case OBJ_MODULE: {
      Value v;
      if (dict_get_str(AS_MODULE(obj)->dict, name, &v)) return v;
      if (name == vm.names[NAME_dict]) return OBJ_VAL(AS_MODULE(obj)->dict);
      return UNDEF_VAL;
    }
    case OBJ_FUNCTION: {
      Value v = function_getattr(AS_FUNCTION(obj), name);
      if (!IS_UNDEF(v)) return v;
      break;
    }
    case OBJ_BOUND: return bound_getattr(AS_BOUND(obj), name);
    case OBJ_NATIVE:
      if (name == vm.names[NAME_name] || name == vm.names[NAME_qualname])
        return OBJ_VAL(str_from_cstr(AS_NATIVE(obj)->name));
      break;
    case OBJ_GEN: {
      Value v = gen_getattr(AS_GEN(obj), name);
      if (!IS_UNDEF(v)) return v;
      break;
    }
    case OBJ_SUPER: return super_getattr(AS_SUPER(obj), name);
    default: break;
    }
  }
  ObjClass *cls = vm_class_of(obj);
  Value cv = vm_class_lookup(cls, name);
  if (!IS_UNDEF(cv)) return bind(cv, obj, cls);
  if (name == vm.names[NAME_class]) return OBJ_VAL(cls);
  if (name == vm.names[NAME_doc]) return NONE_VAL;
  return UNDEF_VAL;
}

static Value attribute_error(Value obj, ObjString *name) {
  if (IS_MODULE(obj))
    return vm_raise(vm.e_AttributeError, "module '%s' has no attribute '%s'",
                    AS_MODULE(obj)->name->chars, name->chars);
  if (IS_CLASS(obj))
    return vm_raise(vm.e_AttributeError, "type object '%s' has no attribute '%s'",
                    AS_CLASS(obj)->name->chars, name->chars);
  if (IS_OBJ_TYPE(obj, OBJ_SUPER))
    return vm_raise(vm.e_AttributeError, "'super' object has no attribute '%s'", name->chars);
  return vm_raise(vm.e_AttributeError, "'%s' object has no attribute '%s'", vm_type_name(obj),
                  name->chars);
}

/* An AttributeError leaving an attribute read names the attribute and the
 * object (e.name, e.obj) unless an inner read already did, as CPython 3.11
 * sets them: the traceback's "Did you mean" reads them. */
static void attribute_error_context(Value obj, ObjString *name) {
  if (!IS_EXCEPTION(vm.exc) || !vm_isinstance(vm.exc, vm.e_AttributeError)) return;
  ObjException *e = AS_EXCEPTION(vm.exc);
  if (!IS_UNDEF(e->name) || !IS_UNDEF(e->obj)) return;
  e->name = OBJ_VAL(name);
  e->obj = obj;
}

Value vm_getattr_opt(Value obj, ObjString *name) {
  Value v = getattr_raw(obj, name);
  if (IS_UNDEF(v) && !IS_UNDEF(vm.exc) && vm_exc_matches(vm.e_AttributeError)) vm.exc = UNDEF_VAL;
  return v;
}

Value vm_object_getattribute(Value obj, ObjString *name) {
  Value v;
  switch (IS_OBJ(obj) ? OBJ_TYPE(obj) : OBJ__COUNT) {
  case OBJ_INSTANCE:
  case OBJ_EXCEPTION:
  case OBJ_FUTURE:
  case OBJ_CDATA: v = instance_getattr(obj, name, false); break;
  default: return vm_getattr(obj, name);
  }
  if (IS_UNDEF(v) && IS_UNDEF(vm.exc)) attribute_error(obj, name);
  return v;
}

Value vm_getattr(Value obj, ObjString *name) {
  Value v = getattr_raw(obj, name);
  if (!IS_UNDEF(v)) return v;
  if (IS_UNDEF(vm.exc)) attribute_error(obj, name);
  attribute_error_context(obj, name);
  return UNDEF_VAL;
}

int ops_load_method(Value obj, ObjString *name, Value *m) {
  /* A method call skips the bound-method object when the name resolves
   * to a plain function on the class and the instance does not shadow it. */
  if (IS_OBJ(obj)) {
    ObjType t = (ObjType)OBJ_TYPE(obj);
    if (t != OBJ_CLASS && t != OBJ_MODULE && t != OBJ_SUPER && t != OBJ_FUNCTION &&
        t != OBJ_BOUND && t != OBJ_GEN) {
      ObjClass *cls = vm_class_of(obj);
      Value cv = vm_class_lookup(cls, name);
      if (IS_FUNCTION(cv) || IS_NATIVE_METHOD(cv)) {
        ObjDict *d = NULL;
        if (t == OBJ_INSTANCE || t == OBJ_EXCEPTION)
          d = AS_INSTANCE(obj)->dict;
        else if (t == OBJ_CDATA)
          d = AS_CDATA(obj)->dict;
        else if (t == OBJ_FUTURE)
          d = future_dict(obj, false);
        Value shadow;
        if (!d || !dict_get_str(d, name, &shadow)) {
          *m = cv;
          return 1;
        }
      }
    }
  } else {
    Value cv = vm_class_lookup(vm_class_of(obj), name);
    if (IS_NATIVE_METHOD(cv)) {
      *m = cv;
      return 1;
    }
  }
  Value v = vm_getattr(obj, name);
  if (IS_UNDEF(v)) return -1;
  *m = v;
  return 0;
}

/* ---------------------------------------------------------- assignment */

static bool exception_setattr(Value obj, ObjString *name, Value v) {
  ObjException *e = AS_EXCEPTION(obj);
  const char *n = name->chars;
  if (name == vm.names[NAME_args]) {
    Value t = v;
    if (!IS_TUPLE(v)) {
      ObjList *l = lib_list_from_iterable(v);
      if (!l) return false;
      t = OBJ_VAL(tuple_new(l->len, l->items));
    }
    e->args = AS_TUPLE(t);
    return true;
  }
  if (strcmp(n, "__cause__") == 0) {
    e->cause = v;
    e->suppress_context = true;
    return true;
  }
  if (strcmp(n, "__context__") == 0) {
    e->context = v;
    return true;
  }
  if (strcmp(n, "__suppress_context__") == 0) {
    int t = vm_truthy(v);
    if (t < 0) return false;
    e->suppress_context = t;
    return true;
  }
  if (strcmp(n, "__traceback__") == 0) return true;
  if (strcmp(n, "name") == 0) {
    e->name = v;
    return true;
  }
  if (strcmp(n, "obj") == 0) {
    e->obj = v;
    return true;
  }
  return false;
}

bool vm_setattr(Value obj, ObjString *name, Value v) {
  if (!IS_OBJ(obj)) goto readonly;
  switch (OBJ_TYPE(obj)) {
  case OBJ_INSTANCE:
  case OBJ_EXCEPTION:
  case OBJ_FUTURE:
  case OBJ_CDATA: {
    ObjClass *cls = vm_class_of(obj);
    Value sa = vm_class_lookup(cls, vm.names[NAME_setattr]);
    if (IS_FUNCTION(sa)) {
      Value args[3] = {obj, OBJ_VAL(name), v};
      return !IS_UNDEF(vm_call(sa, 3, args));
    }
    Value cv = vm_class_lookup(cls, name);
    /* BaseException's own attributes (args, __cause__, NameError.name...)
     * are read by native getters and written here. */
    if (IS_EXCEPTION(obj) && is_property(cv) && IS_NATIVE(AS_WRAPPER(cv)->fget)) {
      if (exception_setattr(obj, name, v)) return true;
      if (!IS_UNDEF(vm.exc)) return false;
    }
    if (is_property(cv)) {
      ObjWrapper *w = AS_WRAPPER(cv);
      if (IS_NONE(w->fset)) {
        vm_raise(vm.e_AttributeError, "property '%s' of '%s' object has no setter", name->chars,
                 cls->name->chars);
        return false;
      }
      Value args[2] = {obj, v};
      return !IS_UNDEF(vm_call(w->fset, 2, args));
    }
    if (IS_OBJ_TYPE(obj, OBJ_CDATA)) {
      ObjCData *c = AS_CDATA(obj);
      if (!c->dict) c->dict = dict_new();
      dict_set_str(c->dict, name, v);
      return true;
    }
    if (IS_OBJ_TYPE(obj, OBJ_FUTURE)) {
      ObjDict *d = future_dict(obj, true);
      if (!d) {
        vm_raise(vm.e_AttributeError, "'%s' object has no attribute '%s'", vm_type_name(obj),
                 name->chars);
        return false;
      }
      dict_set_str(d, name, v);
      return true;
    }
    dict_set_str(instance_dict(obj, true), name, v);
    return true;
  }
  case OBJ_CLASS: {
    ObjClass *c = AS_CLASS(obj);
    if (c->cflags & CLASS_BUILTIN) {
      vm_raise(vm.e_TypeError, "cannot set '%s' attribute of immutable type '%s'", name->chars,
               c->name->chars);
      return false;
    }
    if (name == vm.names[NAME_name] && IS_STR(v))
      c->name = AS_STR(v);
    else if (name == vm.names[NAME_qualname] && IS_STR(v))
      c->qualname = AS_STR(v);
    else
      dict_set_str(c->dict, name, v);
    return true;
  }
  case OBJ_FUNCTION: {
    ObjFunction *f = AS_FUNCTION(obj);
    if (name == vm.names[NAME_name] && IS_STR(v))
      f->name = AS_STR(v);
    else if (name == vm.names[NAME_qualname] && IS_STR(v))
      f->qualname = AS_STR(v);
    else {
      if (!f->attrs) f->attrs = dict_new();
      dict_set_str(f->attrs, name, v);
    }
    return true;
  }
  case OBJ_MODULE: dict_set_str(AS_MODULE(obj)->dict, name, v); return true;
  default: break;
  }
readonly:;
  Value cv = vm_class_lookup(vm_class_of(obj), name);
  if (IS_OBJ_TYPE(cv, OBJ_WRAPPER) && AS_WRAPPER(cv)->kind == WRAP_PROPERTY &&
      IS_NATIVE(AS_WRAPPER(cv)->fget)) {
    vm_raise(vm.e_AttributeError, "readonly attribute");
  } else if (!IS_UNDEF(cv)) {
    vm_raise(vm.e_AttributeError, "'%s' object attribute '%s' is read-only", vm_type_name(obj),
             name->chars);
  } else {
    vm_raise(vm.e_AttributeError, "'%s' object has no attribute '%s'", vm_type_name(obj),
             name->chars);
  }
  return false;
}

bool vm_delattr(Value obj, ObjString *name) {
  ObjDict *d = NULL;
  if (IS_INSTANCE(obj) || IS_EXCEPTION(obj)) {
    Value cv = vm_class_lookup(vm_class_of(obj), name);
    if (is_property(cv) && !IS_NONE(AS_WRAPPER(cv)->fdel))
      return !IS_UNDEF(vm_call(AS_WRAPPER(cv)->fdel, 1, &obj));
    Value da = vm_class_lookup(vm_class_of(obj), vm.names[NAME_delattr]);
    if (IS_FUNCTION(da)) {
      Value args[2] = {obj, OBJ_VAL(name)};
      return !IS_UNDEF(vm_call(da, 2, args));
    }
    d = AS_INSTANCE(obj)->dict;
  } else if (IS_CLASS(obj)) {
    d = AS_CLASS(obj)->dict;
  } else if (IS_MODULE(obj)) {
    d = AS_MODULE(obj)->dict;
  } else if (IS_FUNCTION(obj)) {
    d = AS_FUNCTION(obj)->attrs;
  }
  if (d) {
    int r = dict_del(d, OBJ_VAL(name));
    if (r < 0) return false;
    if (r == 1) return true;
  }
  attribute_error(obj, name);
  return false;
}

/* ----------------------------------------------------------- functions */

Value ops_make_function(Value *sp, int flags, ObjDict *globals) {
  ObjCode *code = AS_CODE(sp[-1]);
  int i = -2;
  ObjTuple *closure = (flags & 4) ? AS_TUPLE(sp[i--]) : NULL;
  ObjDict *kwdefaults = (flags & 2) ? AS_DICT(sp[i--]) : NULL;
  ObjTuple *defaults = (flags & 1) ? AS_TUPLE(sp[i--]) : NULL;
  ObjFunction *f = function_new(code, globals);
  f->closure = closure;
  f->kwdefaults = kwdefaults;
  f->defaults = defaults;
  return OBJ_VAL(f);
}

Value ops_call_ex(Value f, Value args, Value kwargs) {
  ObjTuple *pos;
  if (IS_TUPLE(args)) {
    pos = AS_TUPLE(args);
  } else {
    ObjList *l = lib_list_from_iterable(args);
    if (!l) {
      if (vm_exc_matches(vm.e_TypeError)) {
        vm.exc = UNDEF_VAL;
        return vm_raise(vm.e_TypeError, "Value after * must be an iterable, not %s",
                        vm_type_name(args));
      }
      return UNDEF_VAL;
    }
    gc_push_root(OBJ_VAL(l));
    pos = tuple_new(l->len, l->items);
    gc_pop_roots(1);
  }
  gc_push_root(OBJ_VAL(pos)); /* argv points into it while the call binds */
  if (IS_UNDEF(kwargs) || AS_DICT(kwargs)->len == 0) {
    ObjTuple *saved = vm.call_args;
    vm.call_args = pos;
    Value r = vm_call(f, (int)pos->len, pos->items);
    vm.call_args = saved;
    gc_pop_roots(1);
    return r;
  }
  ObjDict *kw = AS_DICT(kwargs);
  ObjTuple *names = tuple_new(kw->len, NULL);
  gc_push_root(OBJ_VAL(names));
  Value *argv = malloc(sizeof(Value) * (pos->len + kw->len));
  if (!argv) {
    gc_pop_roots(2);
    return vm_raise(vm.e_MemoryError, "%s", "");
  }
  memcpy(argv, pos->items, sizeof(Value) * pos->len);
  uint32_t pos_i = 0, k = 0;
  DictEntry *e;
  while (dict_next(kw, &pos_i, &e)) {
    if (!IS_STR(e->key)) {
      free(argv);
      gc_pop_roots(2);
      return vm_raise(vm.e_TypeError, "keywords must be strings");
    }
    names->items[k] = e->key;
    argv[pos->len + k] = e->value;
    k++;
  }
  Value r = vm_call_kw(f, (int)(pos->len + kw->len), argv, names);
  free(argv);
  gc_pop_roots(2);
  return r;
}

/* ------------------------------------------------------------- classes */

static bool class_check_base(Value b, ObjString *name) {
  if (!IS_CLASS(b)) {
    vm_raise(vm.e_TypeError, "bases must be types");
    return false;
  }
  ObjClass *base = AS_CLASS(b);
  if (base->cflags & CLASS_FINAL) {
    vm_raise(vm.e_TypeError, "type '%s' is not an acceptable base type", base->name->chars);
    return false;
  }
  if ((base->cflags & CLASS_BUILTIN) && base != vm.t_object && !(base->cflags & CLASS_EXCEPTION) &&
      base->inst_type != OBJ_INSTANCE && !base->alloc) {
    vm_raise(vm.e_TypeError,
             "class %s: asy cannot subclass the builtin type '%s' (subclass object and hold "
             "a %s in an attribute instead)",
             name->chars, base->name->chars, base->name->chars);
    return false;
  }
  return true;
}

Value ops_build_class(ObjString *name, Value *bases, int nbases, ObjDict *ns, ObjDict *globals) {
  if (nbases > 1) {
    return vm_raise(vm.e_TypeError,
                    "class %s: asy supports single inheritance only (%d base classes given)",
                    name->chars, nbases);
  }
  ObjClass *base = vm.t_object;
  if (nbases == 1) {
    if (!class_check_base(bases[0], name)) return UNDEF_VAL;
    base = AS_CLASS(bases[0]);
  }
  ObjClass *cls = class_new(name, base);
  gc_push_root(OBJ_VAL(cls));
  cls->inst_type = (base->cflags & CLASS_EXCEPTION) ? OBJ_EXCEPTION : OBJ_INSTANCE;
  if (base->inst_type == OBJ_CDATA) cls->inst_type = OBJ_INSTANCE;
  for (ObjClass *b = base; b; b = b->base) {
    if (b->alloc) cls->inst_type = b->inst_type; /* instances are made by b->alloc */
  }
  Value v;
  if (dict_get_str(ns, vm.names[NAME_qualname], &v) && IS_STR(v)) {
    cls->qualname = AS_STR(v);
    dict_del(ns, OBJ_VAL(vm.names[NAME_qualname]));
  }
  Value cell = UNDEF_VAL;
  if (dict_get_str(ns, vm.names[NAME_classcell], &cell))
    dict_del(ns, OBJ_VAL(vm.names[NAME_classcell]));
  if (!dict_update(cls->dict, ns)) {
    gc_pop_roots(1);
    return UNDEF_VAL;
  }
  if (!dict_get_str(cls->dict, vm.names[NAME_module], &v)) {
    Value mod;
    if (dict_get_str(globals, vm.names[NAME_name], &mod))
      dict_set_str(cls->dict, vm.names[NAME_module], mod);
  }
  /* Defining __eq__ without __hash__ makes instances unhashable. */
  if (dict_get_str(cls->dict, vm.names[NAME_eq], &v) &&
      !dict_get_str(cls->dict, vm.names[NAME_hash], &v))
    dict_set_str(cls->dict, vm.names[NAME_hash], NONE_VAL);
  if (IS_OBJ_TYPE(cell, OBJ_CELL)) AS_CELL(cell)->value = OBJ_VAL(cls);
  /* __init_subclass__ of a base (a classmethod implicitly in Python). */
  Value isc = vm_class_lookup(base, vm.names[NAME_init_subclass]);
  if (IS_FUNCTION(isc) ||
      (IS_OBJ_TYPE(isc, OBJ_WRAPPER) && AS_WRAPPER(isc)->kind == WRAP_CLASSMETHOD)) {
    Value fn = IS_FUNCTION(isc) ? isc : AS_WRAPPER(isc)->fget;
    Value c = OBJ_VAL(cls);
    if (IS_UNDEF(vm_call(fn, 1, &c))) {
      gc_pop_roots(1);
      return UNDEF_VAL;
    }
  }
  gc_pop_roots(1);
  return OBJ_VAL(cls);
}

/* -------------------------------------------------------- with / raise */

bool ops_before_with(Value mgr, bool is_async, Value *exitf, Value *enterf) {
  ObjString *enter = vm.names[is_async ? NAME_aenter : NAME_enter];
  ObjString *exit = vm.names[is_async ? NAME_aexit : NAME_exit];
  Value e = vm_lookup_special(mgr, enter);
  Value x = vm_lookup_special(mgr, exit);
  if (IS_UNDEF(e) || IS_UNDEF(x)) {
    vm_raise(vm.e_TypeError,
             is_async ? "'%s' object does not support the asynchronous context manager protocol"
                      : "'%s' object does not support the context manager protocol",
             vm_type_name(mgr));
    return false;
  }
  *exitf = bind(x, mgr, vm_class_of(mgr));
  if (IS_UNDEF(*exitf)) return false;
  gc_push_root(*exitf);
  *enterf = bind(e, mgr, vm_class_of(mgr));
  gc_pop_roots(1);
  return !IS_UNDEF(*enterf);
}

static bool is_exception_class(Value v) {
  return IS_CLASS(v) && (AS_CLASS(v)->cflags & CLASS_EXCEPTION);
}

bool ops_prepare_raise(Value exc, Value cause) {
  if (is_exception_class(exc)) {
    exc = vm_call(exc, 0, NULL);
    if (IS_UNDEF(exc)) return false;
  }
  if (!IS_EXCEPTION(exc)) {
    vm_raise(vm.e_TypeError, "exceptions must derive from BaseException");
    return false;
  }
  if (!IS_UNDEF(cause)) {
    gc_push_root(exc);
    if (is_exception_class(cause)) cause = vm_call(cause, 0, NULL);
    gc_pop_roots(1);
    if (IS_UNDEF(cause)) return false;
    if (!IS_NONE(cause) && !IS_EXCEPTION(cause)) {
      vm_raise(vm.e_TypeError, "exception causes must derive from BaseException");
      return false;
    }
    AS_EXCEPTION(exc)->cause = cause;
    AS_EXCEPTION(exc)->suppress_context = true;
  }
  vm_raise_value(exc);
  return true;
}

int ops_exc_match(Value exc, Value type) {
  if (IS_TUPLE(type)) {
    ObjTuple *t = AS_TUPLE(type);
    for (uint32_t i = 0; i < t->len; i++) {
      int r = ops_exc_match(exc, t->items[i]);
      if (r != 0) return r;
    }
    return 0;
  }
  if (!is_exception_class(type)) {
    vm_raise(vm.e_TypeError,
             "catching classes that do not inherit from BaseException is not allowed");
    return -1;
  }
  return vm_isinstance(exc, AS_CLASS(type));
}

/* -------------------------------------------------------------- import */

Value ops_import_from(Value mod, ObjString *name) {
  Value v = vm_getattr_opt(mod, name);
  if (!IS_UNDEF(v) || !IS_UNDEF(vm.exc)) return v;
  const char *mname = IS_MODULE(mod) ? AS_MODULE(mod)->name->chars : "?";
  return vm_raise(vm.e_ImportError, "cannot import name '%s' from '%s' (unknown location)",
                  name->chars, mname);
}

bool ops_import_star(Value mod, ObjDict *into) {
  if (!IS_MODULE(mod)) {
    vm_raise(vm.e_TypeError, "import * needs a module");
    return false;
  }
  ObjDict *d = AS_MODULE(mod)->dict;
  Value all;
  if (dict_get_str(d, str_intern_cstr("__all__"), &all) && (IS_LIST(all) || IS_TUPLE(all))) {
    Value *items = IS_LIST(all) ? AS_LIST(all)->items : AS_TUPLE(all)->items;
    uint32_t n = IS_LIST(all) ? AS_LIST(all)->len : AS_TUPLE(all)->len;
    for (uint32_t i = 0; i < n; i++) {
      if (!IS_STR(items[i])) continue;
      Value v;
      if (dict_get_str(d, AS_STR(items[i]), &v)) dict_set_str(into, AS_STR(items[i]), v);
    }
    return true;
  }
  uint32_t pos = 0;
  DictEntry *e;
  while (dict_next(d, &pos, &e)) {
    if (IS_STR(e->key) && AS_CSTR(e->key)[0] != '_') dict_set_str(into, AS_STR(e->key), e->value);
  }
  return true;
}
