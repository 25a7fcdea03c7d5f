/* exec.c — compile(), exec() and eval(): the compiler as a builtin. */
#include "../grammar/compile.h"
#include "../vm/source.h"
#include "lib.h"

static Value code_class_value(ObjCode *c) {
  return OBJ_VAL(c);
}

/* Source text of a str argument, or NULL (TypeError pending). */
static ObjString *source_arg(const char *fname, Value v) {
  if (IS_STR(v)) return AS_STR(v);
  vm_raise(vm.e_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
  return NULL;
}

static bool mode_of(Value v, CompileMode *mode) {
  if (IS_STR(v)) {
    const char *m = AS_CSTR(v);
    if (strcmp(m, "exec") == 0)
      *mode = COMPILE_FILE;
    else if (strcmp(m, "eval") == 0)
      *mode = COMPILE_EVAL;
    else if (strcmp(m, "single") == 0)
      *mode = COMPILE_SINGLE;
    else
      goto bad;
    return true;
  }
bad:
  vm_raise(vm.e_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
  return false;
}

static Value builtin_compile(int argc, Value *argv, ObjTuple *kwnames) {
  static const char *const params[] = {"source", "filename",     "mode",
                                       "flags",  "dont_inherit", "optimize"};
  Value a[6];
  if (!lib_bind("compile", argc, argv, kwnames, 6, params, 6, 3, a)) return UNDEF_VAL;
  if (IS_OBJ_TYPE(a[0], OBJ_CODE)) return a[0];
  ObjString *src = source_arg("compile", a[0]);
  if (!src) return UNDEF_VAL;
  if (!IS_STR(a[1]))
    return vm_raise(vm.e_TypeError, "compile() argument 'filename' must be str, not %s",
                    vm_type_name(a[1]));
  CompileMode mode;
  if (!mode_of(a[2], &mode)) return UNDEF_VAL;
  /* Keep the text for traceback lines, as linecache would find a file. */
  source_register(AS_CSTR(a[1]), src->chars, src->len);
  ObjCode *code = compile_source(src->chars, src->len, AS_CSTR(a[1]), mode);
  return code ? code_class_value(code) : UNDEF_VAL;
}

/* Run code in globals (and locals, when a separate mapping is given). */
static Value run_code(ObjCode *code, ObjDict *globals, ObjDict *locals) {
  Value b;
  if (!dict_get_str(globals, str_intern_cstr("__builtins__"), &b))
    dict_set_cstr(globals, "__builtins__", OBJ_VAL(vm.builtins));
  gc_push_root(OBJ_VAL(code));
  Frame *f = vm_make_module_frame(code, globals);
  gc_pop_roots(1);
  if (!f) return UNDEF_VAL;
  if (locals && locals != globals) f->ns = locals;
  Value result;
  return vm_run_frame(f, &result) == RUN_RETURN ? result : UNDEF_VAL;
}

static bool namespaces(const char *fname, Value g, Value l, ObjDict **globals, ObjDict **locals) {
  Frame *caller = vm.frame;
  *globals = caller ? caller->globals : vm.main_module->dict;
  *locals = NULL;
  if (!IS_UNDEF(g) && !IS_NONE(g)) {
    if (!IS_DICT(g)) {
      vm_raise(vm.e_TypeError, "%s() globals must be a dict, not %s", fname, vm_type_name(g));
      return false;
    }
    *globals = AS_DICT(g);
  } else if (caller && caller->ns) {
    *locals = caller->ns;
  }
  if (!IS_UNDEF(l) && !IS_NONE(l)) {
    if (!IS_DICT(l)) {
      vm_raise(vm.e_TypeError, "locals must be a mapping");
      return false;
    }
    *locals = AS_DICT(l);
  }
  return true;
}

static Value exec_or_eval(const char *fname, CompileMode mode, int argc, Value *argv,
                          ObjTuple *kwnames) {
  static const char *const params[] = {"source", "globals", "locals"};
  Value a[3];
  if (!lib_bind(fname, argc, argv, kwnames, 3, params, 3, 1, a)) return UNDEF_VAL;
  ObjDict *globals, *locals;
  if (!namespaces(fname, a[1], a[2], &globals, &locals)) return UNDEF_VAL;
  ObjCode *code;
  if (IS_OBJ_TYPE(a[0], OBJ_CODE)) {
    code = AS_CODE(a[0]);
  } else {
    ObjString *src = IS_STR(a[0]) ? AS_STR(a[0]) : NULL;
    if (!src)
      return vm_raise(vm.e_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
    const char *text = src->chars;
    size_t len = src->len;
    /* eval() ignores leading spaces and tabs, as CPython does. */
    if (mode == COMPILE_EVAL)
      while (len && (*text == ' ' || *text == '\t')) text++, len--;
    source_register("<string>", text, len);
    code = compile_source(text, len, "<string>", mode);
    if (!code) return UNDEF_VAL;
  }
  Value r = run_code(code, globals, locals);
  if (IS_UNDEF(r)) return r;
  return mode == COMPILE_EVAL ? r : NONE_VAL;
}

static Value builtin_exec(int argc, Value *argv, ObjTuple *kwnames) {
  return exec_or_eval("exec", COMPILE_FILE, argc, argv, kwnames);
}

static Value builtin_eval(int argc, Value *argv, ObjTuple *kwnames) {
  return exec_or_eval("eval", COMPILE_EVAL, argc, argv, kwnames);
}

void lib_exec_init(void) {
  vm_def_native(vm.builtins, "compile", builtin_compile);
  vm_def_native(vm.builtins, "exec", builtin_exec);
  vm_def_native(vm.builtins, "eval", builtin_eval);
}
