/* object.c — object, type, property/staticmethod/classmethod, super,
 * functions, generators and coroutines, and the exception classes. */
#include "../vm/ops.h"
#include "lib.h"
#include "methargs.h"

/* ------------------------------------------------------------- object */

static Value object_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (argc > 0) return vm_raise(vm.e_TypeError, "object() takes no arguments");
  return OBJ_VAL(instance_new(vm.t_object));
}

static Value object_init(int argc, Value *argv, ObjTuple *kwnames) {
  return NONE_VAL;
}

static Value object_repr_m(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("__repr__", argc, 1, 1)) return UNDEF_VAL;
  ObjClass *c = vm_class_of(argv[0]);
  Value mod;
  const char *m =
      dict_get_str(c->dict, vm.names[NAME_module], &mod) && IS_STR(mod) ? AS_CSTR(mod) : "builtins";
  if (strcmp(m, "builtins") == 0)
    return OBJ_VAL(str_printf("<%s object at %p>", c->qualname->chars,
                              IS_OBJ(argv[0]) ? (void *)AS_OBJ(argv[0]) : NULL));
  return OBJ_VAL(str_printf("<%s.%s object at %p>", m, c->qualname->chars,
                            IS_OBJ(argv[0]) ? (void *)AS_OBJ(argv[0]) : NULL));
}

static Value object_str_m(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("__str__", argc, 1, 1)) return UNDEF_VAL;
  ObjString *s = vm_repr(argv[0]);
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

static Value object_eq_m(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("__eq__", argc, 2, 2)) return UNDEF_VAL;
  return value_is(argv[0], argv[1]) ? BOOL_VAL(true) : vm.not_implemented;
}

static Value object_ne_m(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("__ne__", argc, 2, 2)) return UNDEF_VAL;
  int e = vm_eq(argv[0], argv[1]);
  return e < 0 ? UNDEF_VAL : BOOL_VAL(!e);
}

static Value object_hash_m(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("__hash__", argc, 1, 1)) return UNDEF_VAL;
  int64_t h;
  return vm_hash(argv[0], &h) ? INT_VAL(h) : UNDEF_VAL;
}

static Value object_format_m(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("__format__", argc, 2, 2)) return UNDEF_VAL;
  if (!IS_STR(argv[1])) return vm_raise(vm.e_TypeError, "__format__() argument must be str");
  if (AS_STR(argv[1])->len)
    return vm_raise(vm.e_TypeError, "unsupported format string passed to %s.__format__",
                    vm_type_name(argv[0]));
  ObjString *s = vm_str(argv[0]);
  return s ? OBJ_VAL(s) : UNDEF_VAL;
}

static Value object_setattr_m(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("__setattr__", argc, 3, 3)) return UNDEF_VAL;
  if (!IS_STR(argv[1])) return vm_raise(vm.e_TypeError, "attribute name must be string");
  Value obj = argv[0];
  if (IS_INSTANCE(obj) || IS_EXCEPTION(obj)) {
    ObjInstance *inst = AS_INSTANCE(obj);
    if (!inst->dict) inst->dict = dict_new();
    dict_set_str(inst->dict, AS_STR(argv[1]), argv[2]);
    return NONE_VAL;
  }
  return vm_setattr(obj, AS_STR(argv[1]), argv[2]) ? NONE_VAL : UNDEF_VAL;
}

static Value object_getattribute_m(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("__getattribute__", argc, 2, 2)) return UNDEF_VAL;
  if (!IS_STR(argv[1])) return vm_raise(vm.e_TypeError, "attribute name must be string");
  return vm_object_getattribute(argv[0], AS_STR(argv[1]));
}

Value lib_excgroup_new(ObjClass *cls, int argc, Value *argv, ObjTuple *kwnames);

static Value object_new_m(int argc, Value *argv, ObjTuple *kwnames) {
  if (argc < 1 || !IS_CLASS(argv[0]))
    return vm_raise(vm.e_TypeError, "object.__new__(X): X is not a type object");
  ObjClass *cls = AS_CLASS(argv[0]);
  if ((cls->cflags & CLASS_EXCEPTION) && vm_is_subclass(cls, vm.e_BaseExceptionGroup))
    return lib_excgroup_new(cls, argc - 1, argv + 1, NULL);
  ObjInstance *inst = instance_new(cls);
  if (cls->cflags & CLASS_EXCEPTION) {
    gc_push_root(OBJ_VAL(inst));
    ((ObjException *)inst)->args = tuple_new((uint32_t)(argc - 1), argv + 1);
    gc_pop_roots(1);
  }
  return OBJ_VAL(inst);
}

static Value object_dir_m(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("__dir__", argc, 1, 1)) return UNDEF_VAL;
  ObjList *l = list_new(0, NULL);
  gc_push_root(OBJ_VAL(l));
  ObjDict *seen = dict_new();
  gc_push_root(OBJ_VAL(seen));
  Value obj = argv[0];
  if ((IS_INSTANCE(obj) || IS_EXCEPTION(obj)) && AS_INSTANCE(obj)->dict)
    dict_update(seen, AS_INSTANCE(obj)->dict);
  for (ObjClass *c = IS_CLASS(obj) ? AS_CLASS(obj) : vm_class_of(obj); c; c = c->base)
    dict_update(seen, c->dict);
  uint32_t pos = 0;
  DictEntry *e;
  while (dict_next(seen, &pos, &e)) list_append(l, e->key);
  lib_sort(l->items, l->len, UNDEF_VAL, false);
  gc_pop_roots(2);
  return OBJ_VAL(l);
}

/* --------------------------------------------------------------- type */

static Value type_new_class(Value name, Value bases, Value ns) {
  if (!IS_STR(name) || !IS_TUPLE(bases) || !IS_DICT(ns))
    return vm_raise(vm.e_TypeError, "type() argument 1 must be str, 2 a tuple, 3 a dict");
  ObjDict *copy = dict_copy(AS_DICT(ns));
  gc_push_root(OBJ_VAL(copy));
  ObjDict *globals = vm.frame && vm.frame->globals ? vm.frame->globals : vm.main_module->dict;
  Value cls = ops_build_class(AS_STR(name), AS_TUPLE(bases)->items, (int)AS_TUPLE(bases)->len, copy,
                              globals);
  gc_pop_roots(1);
  return cls;
}

static Value type_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (argc == 1 && !kwnames) return OBJ_VAL(vm_class_of(argv[0]));
  if (argc == 3 && !kwnames) return type_new_class(argv[0], argv[1], argv[2]);
  return vm_raise(vm.e_TypeError, "type() takes 1 or 3 arguments");
}

static Value type_mro_m(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("mro", argc, 1, 1) || !IS_CLASS(argv[0])) return UNDEF_VAL;
  ObjList *l = list_new(0, NULL);
  gc_push_root(OBJ_VAL(l));
  for (ObjClass *c = AS_CLASS(argv[0]); c; c = c->base) list_append(l, OBJ_VAL(c));
  gc_pop_roots(1);
  return OBJ_VAL(l);
}

static Value type_subclasscheck_m(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("__subclasscheck__", argc, 2, 2)) return UNDEF_VAL;
  if (!IS_CLASS(argv[0]) || !IS_CLASS(argv[1]))
    return vm_raise(vm.e_TypeError, "issubclass() arg 1 must be a class");
  return BOOL_VAL(vm_is_subclass(AS_CLASS(argv[1]), AS_CLASS(argv[0])));
}

/* ------------------------------------------------ property & friends */

static Value property_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  static const char *const params[] = {"fget", "fset", "fdel", "doc"};
  Value a[4];
  if (!lib_bind("property", argc, argv, kwnames, 4, params, 4, 0, a)) return UNDEF_VAL;
  ObjWrapper *w = wrapper_new(WRAP_PROPERTY, IS_UNDEF(a[0]) ? NONE_VAL : a[0]);
  w->fset = IS_UNDEF(a[1]) ? NONE_VAL : a[1];
  w->fdel = IS_UNDEF(a[2]) ? NONE_VAL : a[2];
  w->doc = IS_UNDEF(a[3]) ? NONE_VAL : a[3];
  return OBJ_VAL(w);
}

static Value property_copy_with(Value self, int which, Value f) {
  ObjWrapper *old = AS_WRAPPER(self);
  gc_push_root(f);
  ObjWrapper *w = wrapper_new(WRAP_PROPERTY, old->fget);
  gc_pop_roots(1);
  w->fset = old->fset;
  w->fdel = old->fdel;
  w->doc = old->doc;
  if (which == 0) w->fget = f;
  if (which == 1) w->fset = f;
  if (which == 2) w->fdel = f;
  return OBJ_VAL(w);
}

static Value property_getter(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("getter", argc, 2, 2)) return UNDEF_VAL;
  return property_copy_with(argv[0], 0, argv[1]);
}

static Value property_setter(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("setter", argc, 2, 2)) return UNDEF_VAL;
  return property_copy_with(argv[0], 1, argv[1]);
}

static Value property_deleter(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("deleter", argc, 2, 2)) return UNDEF_VAL;
  return property_copy_with(argv[0], 2, argv[1]);
}

static Value property_fget(int argc, Value *argv, ObjTuple *kwnames) {
  return AS_WRAPPER(argv[0])->fget;
}
static Value property_fset(int argc, Value *argv, ObjTuple *kwnames) {
  return AS_WRAPPER(argv[0])->fset;
}
static Value property_fdel(int argc, Value *argv, ObjTuple *kwnames) {
  return AS_WRAPPER(argv[0])->fdel;
}

static Value property_get_m(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("__get__", argc, 2, 3)) return UNDEF_VAL;
  if (IS_NONE(argv[1])) return argv[0];
  return vm_call(AS_WRAPPER(argv[0])->fget, 1, &argv[1]);
}

static Value staticmethod_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_no_kwargs("staticmethod", kwnames) || !vm_check_args("staticmethod", argc, 1, 1))
    return UNDEF_VAL;
  return OBJ_VAL(wrapper_new(WRAP_STATICMETHOD, argv[0]));
}

static Value classmethod_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_no_kwargs("classmethod", kwnames) || !vm_check_args("classmethod", argc, 1, 1))
    return UNDEF_VAL;
  return OBJ_VAL(wrapper_new(WRAP_CLASSMETHOD, argv[0]));
}

static Value wrapper_func(int argc, Value *argv, ObjTuple *kwnames) {
  return AS_WRAPPER(argv[0])->fget;
}

static Value staticmethod_call(int argc, Value *argv, ObjTuple *kwnames) {
  return vm_call_kw(AS_WRAPPER(argv[0])->fget, argc - 1, argv + 1, kwnames);
}

static Value super_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (argc == 0) return vm_raise(vm.e_RuntimeError, "super(): no arguments");
  if (!IS_CLASS(argv[0]))
    return vm_raise(vm.e_TypeError, "super() argument 1 must be a type, not %s",
                    vm_type_name(argv[0]));
  ObjClass *start = AS_CLASS(argv[0]);
  if (argc == 1) return OBJ_VAL(super_new(start, NONE_VAL));
  Value self = argv[1];
  bool ok = IS_CLASS(self) ? vm_is_subclass(AS_CLASS(self), start) : vm_isinstance(self, start);
  if (!ok)
    return vm_raise(vm.e_TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return OBJ_VAL(super_new(start, self));
}

/* --------------------------------------------------------- generators */

static Value stop_iteration(Value v) {
  Value e = vm_new_exception(vm.e_StopIteration, IS_NONE(v) ? 0 : 1, &v);
  return vm_raise_value(e);
}

/* send/next for generators and coroutines driven by hand. */
static Value gen_send_value(ObjGen *g, Value v) {
  if (g->kind == GEN_ASYNCGEN)
    return vm_raise(vm.e_TypeError, "async generators are driven with asend()/__anext__()");
  Value out;
  RunStatus st = vm_resume(g, v, UNDEF_VAL, &out);
  if (st == RUN_YIELD) return out;
  if (st == RUN_RETURN) return stop_iteration(out);
  return UNDEF_VAL;
}

static Value gen_send(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("send", argc, 2, 2)) return UNDEF_VAL;
  return gen_send_value(AS_GEN(argv[0]), argv[1]);
}

static Value gen_next(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("__next__", argc, 1, 1)) return UNDEF_VAL;
  return gen_send_value(AS_GEN(argv[0]), NONE_VAL);
}

static Value gen_iter(int argc, Value *argv, ObjTuple *kwnames) {
  return argv[0];
}

static Value make_exception_arg(int argc, Value *argv) {
  Value typ = argv[1];
  if (IS_CLASS(typ) && (AS_CLASS(typ)->cflags & CLASS_EXCEPTION)) {
    int n = argc > 2 && !IS_NONE(argv[2]) ? 1 : 0;
    if (n && IS_EXCEPTION(argv[2])) return argv[2];
    return vm_call(typ, n, argv + 2);
  }
  if (IS_EXCEPTION(typ)) return typ;
  return vm_raise(vm.e_TypeError,
                  "exceptions must be classes or instances deriving from BaseException, not %s",
                  vm_type_name(typ));
}

static Value gen_throw(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("throw", argc, 2, 4)) return UNDEF_VAL;
  ObjGen *g = AS_GEN(argv[0]);
  Value exc = make_exception_arg(argc, argv);
  if (IS_UNDEF(exc)) return exc;
  Value out;
  RunStatus st = vm_resume(g, NONE_VAL, exc, &out);
  if (st == RUN_YIELD) return out;
  if (st == RUN_RETURN) return stop_iteration(out);
  return UNDEF_VAL;
}

static Value gen_close_impl(ObjGen *g) {
  if (g->state == GEN_CREATED) {
    g->state = GEN_CLOSED;
    g->awaited = true;
    if (g->frame) vm_free_frame(g->frame);
    g->frame = NULL;
    return NONE_VAL;
  }
  if (g->state == GEN_CLOSED) return NONE_VAL;
  Value exc = vm_new_exception(vm.e_GeneratorExit, 0, NULL);
  Value out;
  RunStatus st = vm_resume(g, NONE_VAL, exc, &out);
  if (st == RUN_YIELD) {
    return vm_raise(vm.e_RuntimeError, "%s ignored GeneratorExit",
                    g->kind == GEN_COROUTINE ? "coroutine" : "generator");
  }
  if (st == RUN_ERROR) {
    if (vm_exc_matches(vm.e_GeneratorExit) || vm_exc_matches(vm.e_StopIteration)) {
      vm.exc = UNDEF_VAL;
      return NONE_VAL;
    }
    return UNDEF_VAL;
  }
  return NONE_VAL;
}

Value lib_gen_close(ObjGen *g);
Value lib_gen_close(ObjGen *g) {
  return gen_close_impl(g);
}

static Value gen_close(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("close", argc, 1, 1)) return UNDEF_VAL;
  return gen_close_impl(AS_GEN(argv[0]));
}

static Value coro_await(int argc, Value *argv, ObjTuple *kwnames) {
  return OBJ_VAL(iter_new(ITER_CORO_WRAP, argv[0]));
}

static Value asyncgen_aiter(int argc, Value *argv, ObjTuple *kwnames) {
  return argv[0];
}

static Value asend_new(Value gen, int mode, Value arg) {
  ObjIter *it = iter_new(ITER_ASEND, gen);
  it->sub = (uint8_t)mode;
  it->a = arg;
  return OBJ_VAL(it);
}

static Value asyncgen_anext(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("__anext__", argc, 1, 1)) return UNDEF_VAL;
  return asend_new(argv[0], ASEND_SEND, NONE_VAL);
}

static Value asyncgen_asend(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("asend", argc, 2, 2)) return UNDEF_VAL;
  return asend_new(argv[0], ASEND_SEND, argv[1]);
}

static Value asyncgen_athrow(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("athrow", argc, 2, 4)) return UNDEF_VAL;
  Value exc = make_exception_arg(argc, argv);
  if (IS_UNDEF(exc)) return exc;
  return asend_new(argv[0], ASEND_THROW, exc);
}

static Value asyncgen_aclose(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("aclose", argc, 1, 1)) return UNDEF_VAL;
  return asend_new(argv[0], ASEND_CLOSE, NONE_VAL);
}

/* ---------------------------------------------------------- exceptions */

static Value exc_init(int argc, Value *argv, ObjTuple *kwnames) {
  if (kwnames && kwnames->len)
    return vm_raise(vm.e_TypeError, "%s() takes no keyword arguments", vm_type_name(argv[0]));
  if (!IS_EXCEPTION(argv[0])) return NONE_VAL;
  ObjTuple *args = tuple_new((uint32_t)(argc - 1), argv + 1);
  AS_EXCEPTION(argv[0])->args = args;
  return NONE_VAL;
}

/* NameError(*args, name=None) and AttributeError(*args, name=None,
 * obj=None): the keywords CPython 3.11 accepts, for "Did you mean". */
static Value named_error_init(int argc, Value *argv, ObjTuple *kwnames, const char *cls,
                              bool has_obj) {
  int nkw = kwnames ? (int)kwnames->len : 0, npos = argc - nkw;
  ObjException *e = AS_EXCEPTION(argv[0]);
  for (int k = 0; k < nkw; k++) {
    const char *kw = AS_CSTR(kwnames->items[k]);
    if (strcmp(kw, "name") == 0)
      e->name = argv[npos + k];
    else if (has_obj && strcmp(kw, "obj") == 0)
      e->obj = argv[npos + k];
    else
      return vm_raise(vm.e_TypeError, "'%s' is an invalid keyword argument for %s()", kw, cls);
  }
  return exc_init(npos, argv, NULL);
}
static Value name_error_init(int argc, Value *argv, ObjTuple *kwnames) {
  return named_error_init(argc, argv, kwnames, "NameError", false);
}
static Value attribute_error_init(int argc, Value *argv, ObjTuple *kwnames) {
  return named_error_init(argc, argv, kwnames, "AttributeError", true);
}
/* Unset (UNDEF) reads as None. */
static Value exc_name(int argc, Value *argv, ObjTuple *kwnames) {
  Value v = AS_EXCEPTION(argv[0])->name;
  return IS_UNDEF(v) ? NONE_VAL : v;
}
static Value exc_obj(int argc, Value *argv, ObjTuple *kwnames) {
  Value v = AS_EXCEPTION(argv[0])->obj;
  return IS_UNDEF(v) ? NONE_VAL : v;
}

static Value exc_args(int argc, Value *argv, ObjTuple *kwnames) {
  return OBJ_VAL(AS_EXCEPTION(argv[0])->args);
}
static Value exc_cause(int argc, Value *argv, ObjTuple *kwnames) {
  return AS_EXCEPTION(argv[0])->cause;
}
static Value exc_context(int argc, Value *argv, ObjTuple *kwnames) {
  return AS_EXCEPTION(argv[0])->context;
}
static Value exc_suppress(int argc, Value *argv, ObjTuple *kwnames) {
  return BOOL_VAL(AS_EXCEPTION(argv[0])->suppress_context);
}
static Value exc_traceback(int argc, Value *argv, ObjTuple *kwnames) {
  return vm_traceback_of(argv[0]);
}

static Value exc_with_traceback(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("with_traceback", argc, 2, 2)) return UNDEF_VAL;
  return argv[0];
}

static Value exc_add_note(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("add_note", argc, 2, 2)) return UNDEF_VAL;
  if (!IS_STR(argv[1]))
    return vm_raise(vm.e_TypeError, "note must be a str, not '%s'", vm_type_name(argv[1]));
  ObjInstance *inst = AS_INSTANCE(argv[0]);
  if (!inst->dict) inst->dict = dict_new();
  ObjString *key = str_intern_cstr("__notes__");
  Value notes;
  if (!dict_get_str(inst->dict, key, &notes)) {
    notes = OBJ_VAL(list_new(0, NULL));
    dict_set_str(inst->dict, key, notes);
  }
  if (IS_LIST(notes)) list_append(AS_LIST(notes), argv[1]);
  return NONE_VAL;
}

static Value exc_first_arg(Value self) {
  ObjTuple *a = AS_EXCEPTION(self)->args;
  return a->len ? a->items[0] : NONE_VAL;
}

static Value stopiter_value(int argc, Value *argv, ObjTuple *kwnames) {
  return exc_first_arg(argv[0]);
}
static Value systemexit_code(int argc, Value *argv, ObjTuple *kwnames) {
  ObjTuple *a = AS_EXCEPTION(argv[0])->args;
  return a->len == 0 ? NONE_VAL : a->len == 1 ? a->items[0] : OBJ_VAL(a);
}

static Value syntaxerror_str(int argc, Value *argv, ObjTuple *kwnames) {
  ObjInstance *inst = AS_INSTANCE(argv[0]);
  Value msg = exc_first_arg(argv[0]), file = NONE_VAL, line = NONE_VAL;
  if (inst->dict) {
    dict_get_str(inst->dict, str_intern_cstr("filename"), &file);
    dict_get_str(inst->dict, str_intern_cstr("lineno"), &line);
  }
  ObjString *m = vm_str(msg);
  if (!m) return UNDEF_VAL;
  if (IS_STR(file) && IS_INT(line)) {
    /* CPython names the file by its base name here (os.path.basename). */
    const char *base = strrchr(AS_CSTR(file), '/');
    base = base ? base + 1 : AS_CSTR(file);
    return OBJ_VAL(str_printf("%s (%s, line %lld)", m->chars, base, (long long)AS_INT(line)));
  }
  if (IS_INT(line)) return OBJ_VAL(str_printf("%s (line %lld)", m->chars, (long long)AS_INT(line)));
  return OBJ_VAL(m);
}

/* BaseExceptionGroup.__new__: checks the arguments, picks ExceptionGroup
 * when every member is an Exception (as CPython does for the base class),
 * and keeps the members as a tuple in `notes`; args keeps what was given. */
Value lib_excgroup_new(ObjClass *cls, int argc, Value *argv, ObjTuple *kwnames) {
  if (kwnames && kwnames->len)
    return vm_raise(vm.e_TypeError, "%s() takes no keyword arguments", cls->name->chars);
  if (argc != 2)
    return vm_raise(vm.e_TypeError,
                    "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", argc);
  if (!IS_STR(argv[0]))
    return vm_raise(vm.e_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                    vm_type_name(argv[0]));
  Value seq = argv[1];
  if (!IS_LIST(seq) && !IS_TUPLE(seq) && !IS_STR(seq) && !IS_OBJ_TYPE(seq, OBJ_RANGE))
    return vm_raise(vm.e_TypeError, "second argument (exceptions) must be a sequence");
  ObjList *l = lib_list_from_iterable(seq);
  if (!l) return UNDEF_VAL;
  if (l->len == 0)
    return vm_raise(vm.e_ValueError, "second argument (exceptions) must be a non-empty sequence");
  bool all_exceptions = true;
  for (uint32_t i = 0; i < l->len; i++) {
    if (!IS_EXCEPTION(l->items[i]))
      return vm_raise(vm.e_ValueError,
                      "Item %u of second argument (exceptions) is not an exception", i);
    if (!vm_isinstance(l->items[i], vm.e_Exception)) all_exceptions = false;
  }
  bool is_exception_class = vm_is_subclass(cls, vm.e_Exception);
  if (cls == vm.e_BaseExceptionGroup && all_exceptions) {
    cls = vm.e_ExceptionGroup;
  } else if (is_exception_class && !all_exceptions) {
    if (cls == vm.e_ExceptionGroup)
      return vm_raise(vm.e_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    return vm_raise(vm.e_TypeError, "Cannot nest BaseExceptions in '%s'", cls->name->chars);
  }
  gc_push_root(OBJ_VAL(l));
  ObjException *e = (ObjException *)instance_new(cls);
  gc_push_root(OBJ_VAL(e));
  e->notes = OBJ_VAL(tuple_new(l->len, l->items));
  e->args = tuple_new(2, argv);
  gc_pop_roots(2);
  return OBJ_VAL(e);
}

/* BaseExceptionGroup.__init__: like BaseException's, without keywords. */
static Value excgroup_init(int argc, Value *argv, ObjTuple *kwnames) {
  if (kwnames && kwnames->len)
    return vm_raise(vm.e_TypeError, "%s() takes no keyword arguments", vm_type_name(argv[0]));
  AS_EXCEPTION(argv[0])->args = tuple_new((uint32_t)(argc - 1), argv + 1);
  return NONE_VAL;
}

static Value excgroup_exceptions(int argc, Value *argv, ObjTuple *kwnames) {
  Value n = AS_EXCEPTION(argv[0])->notes;
  return IS_NONE(n) ? OBJ_VAL(vm.empty_tuple) : n;
}

static Value excgroup_message(int argc, Value *argv, ObjTuple *kwnames) {
  return exc_first_arg(argv[0]);
}

static Value excgroup_str(int argc, Value *argv, ObjTuple *kwnames) {
  Value n = AS_EXCEPTION(argv[0])->notes;
  uint32_t count = IS_TUPLE(n) ? AS_TUPLE(n)->len : 0;
  ObjString *m = vm_str(exc_first_arg(argv[0]));
  if (!m) return UNDEF_VAL;
  return OBJ_VAL(str_printf("%s (%u sub-exception%s)", m->chars, count, count == 1 ? "" : "s"));
}

/* derive(excs): a group like self around other members; subgroup and
 * split build their results with it, so subclasses can override it. */
static Value excgroup_derive(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("derive", argc, 2, 2)) return UNDEF_VAL;
  Value args[2] = {exc_first_arg(argv[0]), argv[1]};
  return vm_call(OBJ_VAL(vm.e_BaseExceptionGroup), 2, args);
}

/* The condition of subgroup()/split(): an exception class, a tuple of
 * them, or a predicate. 1 match, 0 not, -1 error. */
static int excgroup_matches(Value cond, Value exc) {
  if (IS_CLASS(cond) || IS_TUPLE(cond)) return ops_exc_match(exc, cond);
  Value r = vm_call(cond, 1, &exc);
  return IS_UNDEF(r) ? -1 : vm_truthy(r);
}

static bool excgroup_valid_condition(Value cond) {
  if (IS_CLASS(cond)) return (AS_CLASS(cond)->cflags & CLASS_EXCEPTION) != 0;
  if (IS_TUPLE(cond)) {
    ObjTuple *t = AS_TUPLE(cond);
    for (uint32_t i = 0; i < t->len; i++) {
      if (!IS_CLASS(t->items[i]) || !(AS_CLASS(t->items[i])->cflags & CLASS_EXCEPTION))
        return false;
    }
    return true;
  }
  return ma_callable(cond);
}

/* A group like orig around members (NONE when there are none): made by
 * orig.derive(), then given orig's traceback, cause, context and notes. */
static Value excgroup_subset(Value orig, ObjList *members) {
  if (members->len == 0) return NONE_VAL;
  Value arg = OBJ_VAL(members);
  Value g = vm_call_method(orig, str_intern_cstr("derive"), 1, &arg);
  if (IS_UNDEF(g)) return g;
  if (!IS_EXCEPTION(g) || !vm_isinstance(g, vm.e_BaseExceptionGroup))
    return vm_raise(vm.e_TypeError, "derive must return an instance of BaseExceptionGroup");
  ObjException *from = AS_EXCEPTION(orig), *to = AS_EXCEPTION(g);
  gc_push_root(g);
  if (from->ntb) {
    TbEntry *tb = gc_realloc(NULL, 0, sizeof(TbEntry) * from->ntb);
    memcpy(tb, from->tb, sizeof(TbEntry) * from->ntb);
    gc_realloc(to->tb, sizeof(TbEntry) * to->captb, 0);
    to->tb = tb;
    to->ntb = to->captb = from->ntb;
  }
  to->cause = from->cause;
  to->context = from->context;
  Value notes;
  if (from->inst.dict && dict_get_str(from->inst.dict, str_intern_cstr("__notes__"), &notes) &&
      IS_LIST(notes)) {
    ObjList *copy = list_new(AS_LIST(notes)->len, AS_LIST(notes)->items);
    gc_push_root(OBJ_VAL(copy));
    if (!to->inst.dict) to->inst.dict = dict_new();
    dict_set_str(to->inst.dict, str_intern_cstr("__notes__"), OBJ_VAL(copy));
    gc_pop_roots(1);
  }
  gc_pop_roots(1);
  return g;
}

/* CPython's split: a member that matches as a whole goes whole; nested
 * groups are split in turn. *match and *rest get NONE when empty; rest is
 * only built when want_rest. False with an exception pending. */
static bool excgroup_split_rec(Value exc, Value cond, bool want_rest, Value *match, Value *rest) {
  *match = *rest = NONE_VAL;
  int m = excgroup_matches(cond, exc);
  if (m < 0) return false;
  if (m) {
    *match = exc;
    return true;
  }
  if (!vm_isinstance(exc, vm.e_BaseExceptionGroup) || !IS_TUPLE(AS_EXCEPTION(exc)->notes)) {
    if (want_rest) *rest = exc;
    return true;
  }
  ObjTuple *all = AS_TUPLE(AS_EXCEPTION(exc)->notes);
  ObjList *ml = list_new(0, NULL);
  gc_push_root(OBJ_VAL(ml));
  ObjList *rl = list_new(0, NULL);
  gc_push_root(OBJ_VAL(rl));
  bool ok = true;
  for (uint32_t i = 0; ok && i < all->len; i++) {
    Value cm, cr;
    ok = excgroup_split_rec(all->items[i], cond, want_rest, &cm, &cr);
    if (ok && !IS_NONE(cm)) list_append(ml, cm);
    if (ok && !IS_NONE(cr)) list_append(rl, cr);
  }
  if (ok) *match = excgroup_subset(exc, ml);
  ok = ok && !IS_UNDEF(*match);
  if (ok && want_rest) {
    gc_push_root(*match);
    *rest = excgroup_subset(exc, rl);
    gc_pop_roots(1);
    ok = !IS_UNDEF(*rest);
  }
  gc_pop_roots(2);
  return ok;
}

static Value excgroup_split_common(Value self, Value cond, bool want_rest, Value *rest) {
  if (!excgroup_valid_condition(cond))
    return vm_raise(vm.e_TypeError,
                    "expected a function, exception type or tuple of exception types");
  Value match;
  if (!excgroup_split_rec(self, cond, want_rest, &match, rest)) return UNDEF_VAL;
  return match;
}

static Value excgroup_subgroup(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("subgroup", argc, 2, 2)) return UNDEF_VAL;
  Value rest;
  return excgroup_split_common(argv[0], argv[1], false, &rest);
}

static Value excgroup_split(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("split", argc, 2, 2)) return UNDEF_VAL;
  Value pair[2];
  pair[0] = excgroup_split_common(argv[0], argv[1], true, &pair[1]);
  if (IS_UNDEF(pair[0])) return UNDEF_VAL;
  ObjTuple *t = tuple_new(2, pair);
  return t ? OBJ_VAL(t) : UNDEF_VAL;
}

/* ------------------------------------------------------------ misc types */

static Value none_repr(int argc, Value *argv, ObjTuple *kwnames) {
  return OBJ_VAL(str_intern_cstr("None"));
}
static Value notimpl_repr(int argc, Value *argv, ObjTuple *kwnames) {
  return OBJ_VAL(str_intern_cstr("NotImplemented"));
}
static Value ellipsis_repr(int argc, Value *argv, ObjTuple *kwnames) {
  return OBJ_VAL(str_intern_cstr("Ellipsis"));
}

static Value none_ctor(int argc, Value *argv, ObjTuple *kwnames) {
  if (argc) return vm_raise(vm.e_TypeError, "NoneType takes no arguments");
  return NONE_VAL;
}

static Value function_get(int argc, Value *argv, ObjTuple *kwnames) {
  if (!vm_check_args("__get__", argc, 2, 3)) return UNDEF_VAL;
  if (IS_NONE(argv[1])) return argv[0];
  return OBJ_VAL(bound_new(argv[1], argv[0]));
}

static Value function_call(int argc, Value *argv, ObjTuple *kwnames) {
  return vm_call_kw(argv[0], argc - 1, argv + 1, kwnames);
}

void lib_object_init(void) {
  ObjClass *o = vm.t_object;
  o->ctor = object_ctor;
  lib_def_method(o, "__init__", object_init);
  dict_get_str(o->dict, vm.names[NAME_init], &vm.object_init);
  lib_def_method(o, "__repr__", object_repr_m);
  lib_def_method(o, "__str__", object_str_m);
  lib_def_method(o, "__eq__", object_eq_m);
  lib_def_method(o, "__ne__", object_ne_m);
  lib_def_method(o, "__hash__", object_hash_m);
  lib_def_method(o, "__format__", object_format_m);
  lib_def_method(o, "__setattr__", object_setattr_m);
  lib_def_method(o, "__getattribute__", object_getattribute_m);
  lib_def_method(o, "__dir__", object_dir_m);
  vm.object_new =
      OBJ_VAL(wrapper_new(WRAP_STATICMETHOD, OBJ_VAL(native_new("__new__", object_new_m))));
  dict_set_str(o->dict, vm.names[NAME_new], vm.object_new);

  vm.t_type->ctor = type_ctor;
  lib_def_method(vm.t_type, "mro", type_mro_m);
  lib_def_method(vm.t_type, "__subclasscheck__", type_subclasscheck_m);

  vm.t_property->ctor = property_ctor;
  lib_def_method(vm.t_property, "getter", property_getter);
  lib_def_method(vm.t_property, "setter", property_setter);
  lib_def_method(vm.t_property, "deleter", property_deleter);
  lib_def_method(vm.t_property, "__get__", property_get_m);
  lib_def_property(vm.t_property, "fget", property_fget);
  lib_def_property(vm.t_property, "fset", property_fset);
  lib_def_property(vm.t_property, "fdel", property_fdel);
  vm.t_staticmethod->ctor = staticmethod_ctor;
  vm.t_classmethod->ctor = classmethod_ctor;
  lib_def_property(vm.t_staticmethod, "__func__", wrapper_func);
  lib_def_property(vm.t_classmethod, "__func__", wrapper_func);
  lib_def_method(vm.t_staticmethod, "__call__", staticmethod_call);
  vm.t_super->ctor = super_ctor;

  lib_def_method(vm.t_none, "__repr__", none_repr);
  vm.t_none->ctor = none_ctor;
  lib_def_method(vm.t_notimpl_type, "__repr__", notimpl_repr);
  lib_def_method(vm.t_ellipsis_type, "__repr__", ellipsis_repr);
  lib_def_method(vm.t_function, "__get__", function_get);
  lib_def_method(vm.t_function, "__call__", function_call);

  ObjClass *g = vm.t_generator;
  lib_def_method(g, "send", gen_send);
  lib_def_method(g, "throw", gen_throw);
  lib_def_method(g, "close", gen_close);
  lib_def_method(g, "__next__", gen_next);
  lib_def_method(g, "__iter__", gen_iter);
  ObjClass *c = vm.t_coroutine;
  lib_def_method(c, "send", gen_send);
  lib_def_method(c, "throw", gen_throw);
  lib_def_method(c, "close", gen_close);
  lib_def_method(c, "__await__", coro_await);
  ObjClass *ag = vm.t_async_generator;
  lib_def_method(ag, "__aiter__", asyncgen_aiter);
  lib_def_method(ag, "__anext__", asyncgen_anext);
  lib_def_method(ag, "asend", asyncgen_asend);
  lib_def_method(ag, "athrow", asyncgen_athrow);
  lib_def_method(ag, "aclose", asyncgen_aclose);
}

void lib_exceptions_init(void) {
  ObjClass *b = vm.e_BaseException;
  lib_def_method(b, "__init__", exc_init);
  lib_def_method(b, "with_traceback", exc_with_traceback);
  lib_def_method(b, "add_note", exc_add_note);
  lib_def_property(b, "args", exc_args);
  lib_def_property(b, "__cause__", exc_cause);
  lib_def_property(b, "__context__", exc_context);
  lib_def_property(b, "__suppress_context__", exc_suppress);
  lib_def_property(b, "__traceback__", exc_traceback);
  lib_def_property(vm.e_StopIteration, "value", stopiter_value);
  lib_def_property(vm.e_StopAsyncIteration, "value", stopiter_value);
  lib_def_property(vm.e_SystemExit, "code", systemexit_code);
  lib_def_method(vm.e_NameError, "__init__", name_error_init);
  lib_def_property(vm.e_NameError, "name", exc_name);
  lib_def_method(vm.e_AttributeError, "__init__", attribute_error_init);
  lib_def_property(vm.e_AttributeError, "name", exc_name);
  lib_def_property(vm.e_AttributeError, "obj", exc_obj);
  lib_def_method(vm.e_SyntaxError, "__str__", syntaxerror_str);
  ObjClass *eg = vm.e_BaseExceptionGroup;
  lib_def_method(eg, "__init__", excgroup_init);
  lib_def_method(eg, "__str__", excgroup_str);
  lib_def_method(eg, "subgroup", excgroup_subgroup);
  lib_def_method(eg, "split", excgroup_split);
  lib_def_method(eg, "derive", excgroup_derive);
  lib_def_property(eg, "exceptions", excgroup_exceptions);
  lib_def_property(eg, "message", excgroup_message);
}
