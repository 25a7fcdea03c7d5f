/* init.c — creating the VM: interned names, the builtin classes and the
 * exception hierarchy, module registration and import, running source. */
#include "../grammar/compile.h"
#include "../lib/lib.h"
#include "source.h"

typedef struct {
  const char *name;
  bool (*init)(ObjModule *);
} ModuleDef;

static ModuleDef module_defs[16];
static int nmodule_defs;

static const char *const vm_name_text[NAME__COUNT] = {
#define X(id, text) text,
    VM_NAMES(X)
#undef X
};

ObjClass *vm_def_class(const char *name, ObjClass *base, ObjType inst_type) {
  ObjClass *c = class_new(str_intern_cstr(name), base);
  c->inst_type = (uint8_t)inst_type;
  c->cflags |= CLASS_BUILTIN;
  return c;
}

ObjNative *vm_def_native(ObjDict *d, const char *name, NativeFn fn) {
  ObjNative *n = native_new(name, fn);
  gc_push_root(OBJ_VAL(n));
  dict_set_str(d, str_intern_cstr(name), OBJ_VAL(n));
  gc_pop_roots(1);
  return n;
}

static ObjClass *type_class(const char *name, ObjType t) {
  ObjClass *c = vm_def_class(name, vm.t_object, t);
  vm.types[t] = c;
  return c;
}

static void make_types(void) {
  vm.t_object = vm_def_class("object", NULL, OBJ_INSTANCE);
  vm.t_type = type_class("type", OBJ_CLASS);
  vm.t_none = vm_def_class("NoneType", vm.t_object, OBJ_INSTANCE);
  vm.t_int = vm_def_class("int", vm.t_object, OBJ__COUNT);
  vm.t_bool = vm_def_class("bool", vm.t_int, OBJ__COUNT);
  vm.t_float = vm_def_class("float", vm.t_object, OBJ__COUNT);
  vm.t_str = type_class("str", OBJ_STR);
  vm.t_tuple = type_class("tuple", OBJ_TUPLE);
  vm.t_list = type_class("list", OBJ_LIST);
  vm.t_dict = type_class("dict", OBJ_DICT);
  vm.t_set = type_class("set", OBJ_SET);
  vm.t_frozenset = vm_def_class("frozenset", vm.t_object, OBJ_SET);
  vm.t_range = type_class("range", OBJ_RANGE);
  vm.t_slice = type_class("slice", OBJ_SLICE);
  vm.t_code = type_class("code", OBJ_CODE);
  vm.t_function = type_class("function", OBJ_FUNCTION);
  vm.t_cell = type_class("cell", OBJ_CELL);
  vm.t_builtin = type_class("builtin_function_or_method", OBJ_NATIVE);
  vm.t_method = type_class("method", OBJ_BOUND);
  vm.t_module = type_class("module", OBJ_MODULE);
  vm.t_generator = type_class("generator", OBJ_GEN);
  vm.t_coroutine = vm_def_class("coroutine", vm.t_object, OBJ_GEN);
  vm.t_async_generator = vm_def_class("async_generator", vm.t_object, OBJ_GEN);
  vm.t_iterator = type_class("iterator", OBJ_ITER);
  vm.t_property = type_class("property", OBJ_WRAPPER);
  vm.t_staticmethod = vm_def_class("staticmethod", vm.t_object, OBJ_WRAPPER);
  vm.t_classmethod = vm_def_class("classmethod", vm.t_object, OBJ_WRAPPER);
  vm.t_dict_keys = type_class("dict_keys", OBJ_VIEW);
  vm.t_dict_values = vm_def_class("dict_values", vm.t_object, OBJ_VIEW);
  vm.t_dict_items = vm_def_class("dict_items", vm.t_object, OBJ_VIEW);
  vm.t_super = type_class("super", OBJ_SUPER);
  vm.t_traceback = vm_def_class("traceback", vm.t_object, OBJ_INSTANCE);
  vm.t_notimpl_type = vm_def_class("NotImplementedType", vm.t_object, OBJ_INSTANCE);
  vm.t_ellipsis_type = vm_def_class("ellipsis", vm.t_object, OBJ_INSTANCE);
  vm.types[OBJ_INSTANCE] = vm.t_object;
  vm.types[OBJ_EXCEPTION] = vm.t_object;
  vm.types[OBJ_CDATA] = vm.t_object;
  vm.types[OBJ_VIEW] = vm.t_dict_keys;
  /* Instances of these cannot be made by subclassing. */
  ObjClass *finals[] = {vm.t_none,       vm.t_bool,      vm.t_function,     vm.t_builtin,
                        vm.t_method,     vm.t_generator, vm.t_coroutine,    vm.t_async_generator,
                        vm.t_cell,       vm.t_code,      vm.t_notimpl_type, vm.t_ellipsis_type,
                        vm.t_range,      vm.t_slice,     vm.t_dict_keys,    vm.t_dict_values,
                        vm.t_dict_items, vm.t_traceback};
  for (size_t i = 0; i < ASY_ARRAY_LEN(finals); i++) finals[i]->cflags |= CLASS_FINAL;
}

static ObjClass *make_exception(const char *name, ObjClass *parent) {
  ObjClass *c = vm_def_class(name, parent ? parent : vm.t_object, OBJ_EXCEPTION);
  c->cflags |= CLASS_EXCEPTION;
  return c;
}

static void make_exceptions(void) {
#define X(name, parent) vm.e_##name = make_exception(#name, vm.e_##parent);
  VM_EXCEPTIONS(X)
#undef X
}

static void bind_builtin_names(void) {
  ObjClass *classes[] = {vm.t_object,      vm.t_type,  vm.t_int,   vm.t_bool,     vm.t_float,
                         vm.t_str,         vm.t_tuple, vm.t_list,  vm.t_dict,     vm.t_set,
                         vm.t_frozenset,   vm.t_range, vm.t_slice, vm.t_property, vm.t_staticmethod,
                         vm.t_classmethod, vm.t_super};
  for (size_t i = 0; i < ASY_ARRAY_LEN(classes); i++)
    dict_set_str(vm.builtins, classes[i]->name, OBJ_VAL(classes[i]));
#define X(cname, parent) dict_set_str(vm.builtins, vm.e_##cname->name, OBJ_VAL(vm.e_##cname));
  VM_EXCEPTIONS(X)
#undef X
  /* asyncio's errors are not builtins. */
  ObjDict *b = vm.builtins;
  dict_del(b, OBJ_VAL(vm.e_CancelledError->name));
  dict_del(b, OBJ_VAL(vm.e_InvalidStateError->name));
  dict_del(b, OBJ_VAL(vm.e_QueueEmpty->name));
  dict_del(b, OBJ_VAL(vm.e_QueueFull->name));
  dict_set_cstr(b, "NotImplemented", vm.not_implemented);
  dict_set_cstr(b, "Ellipsis", vm.ellipsis);
  dict_set_str(b, vm.names[NAME_name], OBJ_VAL(vm.names[NAME_builtins]));
}

void vm_init(int argc, char **argv) {
  memset(&vm, 0, sizeof vm);
  vm.exc = UNDEF_VAL;
  vm.recursion_limit = 1000;
  vm.next_gc = 4u << 20;
  vm.running_loop = NONE_VAL;
  vm.current_task = NONE_VAL;
  vm.argv = NONE_VAL;
  vm.not_implemented = NONE_VAL;
  vm.ellipsis = NONE_VAL;
  vm.gc_paused++; /* nothing is rooted until the basic objects exist */
  vm.interned = dict_new();
  vm.empty_str = str_intern("", 0);
  vm.empty_tuple = tuple_new(0, NULL);
  for (int i = 0; i < NAME__COUNT; i++) vm.names[i] = str_intern_cstr(vm_name_text[i]);
  make_types();
  make_exceptions();
  vm.not_implemented = OBJ_VAL(instance_new(vm.t_notimpl_type));
  vm.ellipsis = OBJ_VAL(instance_new(vm.t_ellipsis_type));
  vm.builtins = dict_new();
  vm.modules = dict_new();
  bind_builtin_names();
  ObjList *args = list_new(0, NULL);
  vm.argv = OBJ_VAL(args);
  for (int i = 0; i < argc; i++) list_append(args, OBJ_VAL(str_from_cstr(argv[i])));
  vm.main_module = module_new(vm.names[NAME_main]);
  dict_set_str(vm.modules, vm.names[NAME_main], OBJ_VAL(vm.main_module));
  dict_set_cstr(vm.main_module->dict, "__builtins__", OBJ_VAL(vm.builtins));
  dict_set_str(vm.main_module->dict, vm.names[NAME_doc], NONE_VAL);
  /* Initialisation allocates a bounded amount and holds many new objects
   * in C locals: no collection until it is done. */
  lib_init();
  vm.gc_paused--;
}

void vm_free(void) {
  vm.frame = NULL;
  vm.exc = UNDEF_VAL;
  gc_free_all();
  source_free_all();
  nmodule_defs = 0;
}

/* ------------------------------------------------------------ modules */

void vm_register_module(const char *name, bool (*init)(ObjModule *)) {
  if (nmodule_defs == (int)ASY_ARRAY_LEN(module_defs)) asy_fatal("too many builtin modules");
  module_defs[nmodule_defs++] = (ModuleDef){name, init};
}

Value vm_import(ObjString *name) {
  Value m;
  if (dict_get_str(vm.modules, name, &m)) return m;
  const char *dot = strchr(name->chars, '.');
  if (dot) {
    /* import a.b: the attribute b of module a, if a provides it. */
    Value top = vm_import(str_intern(name->chars, (size_t)(dot - name->chars)));
    if (IS_UNDEF(top)) return top;
    Value sub = vm_getattr_opt(top, str_intern_cstr(dot + 1));
    if (IS_MODULE(sub)) return top;
    if (!IS_UNDEF(vm.exc)) return UNDEF_VAL;
    return vm_raise(vm.e_ModuleNotFoundError, "No module named '%s'", name->chars);
  }
  for (int i = 0; i < nmodule_defs; i++) {
    if (strcmp(module_defs[i].name, name->chars) != 0) continue;
    ObjModule *mod = module_new(name);
    gc_push_root(OBJ_VAL(mod));
    /* Registered before init runs, so a module importing itself terminates. */
    dict_set_str(vm.modules, name, OBJ_VAL(mod));
    /* Filling a module is bounded work holding new objects in C locals. */
    vm.gc_paused++;
    bool ok = module_defs[i].init(mod);
    vm.gc_paused--;
    gc_pop_roots(1);
    if (!ok) {
      dict_del(vm.modules, OBJ_VAL(name));
      return UNDEF_VAL;
    }
    return OBJ_VAL(mod);
  }
  return vm_raise(vm.e_ModuleNotFoundError, "No module named '%s'", name->chars);
}

/* ------------------------------------------------------------ running */

bool vm_run_source(const char *src, size_t len, const char *filename, ObjDict *globals) {
  source_register(filename, src, len);
  ObjCode *code = compile_source(src, len, filename, COMPILE_FILE);
  if (!code) return false;
  gc_push_root(OBJ_VAL(code));
  if (!globals) globals = vm.main_module->dict;
  Value v;
  if (!dict_get_str(globals, vm.names[NAME_file], &v) && filename[0] != '<')
    dict_set_str(globals, vm.names[NAME_file],
                 OBJ_VAL(str_from_cstr(source_cpython_path(filename))));
  Frame *f = vm_make_module_frame(code, globals);
  gc_pop_roots(1);
  if (!f) return false;
  Value result;
  return vm_run_frame(f, &result) == RUN_RETURN;
}

/* ------------------------------------------------------ argument checks */

bool vm_no_kwargs(const char *fname, ObjTuple *kwnames) {
  if (!kwnames || kwnames->len == 0) return true;
  vm_raise(vm.e_TypeError, "%s() takes no keyword arguments", fname);
  return false;
}

bool vm_check_args(const char *fname, int argc, int min, int max) {
  if (argc >= min && (max < 0 || argc <= max)) return true;
  if (min == max) {
    vm_raise(vm.e_TypeError, "%s() takes exactly %d argument%s (%d given)", fname, min,
             min == 1 ? "" : "s", argc);
  } else if (argc < min) {
    vm_raise(vm.e_TypeError, "%s() takes at least %d argument%s (%d given)", fname, min,
             min == 1 ? "" : "s", argc);
  } else {
    vm_raise(vm.e_TypeError, "%s() takes at most %d argument%s (%d given)", fname, max,
             max == 1 ? "" : "s", argc);
  }
  return false;
}
