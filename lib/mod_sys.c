/* mod_sys.c — the sys module: argv, exit, stdout/stderr, recursion limit. */
#include "lib.h"

static ObjClass *textio_class;

static FILE *stream_of(Value self) {
  if (!IS_OBJ_TYPE(self, OBJ_CDATA) || AS_CDATA(self)->cls != textio_class) return NULL;
  return *(FILE **)AS_CDATA(self)->data;
}

static Value textio_write(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_no_kwargs("write", kw) || !vm_check_args("write", argc, 2, 2)) return UNDEF_VAL;
  FILE *f = stream_of(argv[0]);
  if (!f) return vm_raise(vm.e_TypeError, "write() needs a stream");
  if (!IS_STR(argv[1]))
    return vm_raise(vm.e_TypeError, "write() argument must be str, not %s", vm_type_name(argv[1]));
  ObjString *s = AS_STR(argv[1]);
  fwrite(s->chars, 1, s->len, f);
  /* stderr is unbuffered in Python; keep the interleaving a reader sees. */
  if (f == stderr) fflush(stderr);
  return INT_VAL(s->ncp);
}

static Value textio_flush(int argc, Value *argv, ObjTuple *kw) {
  FILE *f = stream_of(argv[0]);
  if (f) fflush(f);
  return NONE_VAL;
}

static Value textio_isatty(int argc, Value *argv, ObjTuple *kw) {
  FILE *f = stream_of(argv[0]);
  extern int isatty(int);
  extern int fileno(FILE *);
  return BOOL_VAL(f && isatty(fileno(f)));
}

static Value make_stream(FILE *f, const char *name) {
  ObjCData *c = cdata_new(textio_class, sizeof(FILE *));
  *(FILE **)c->data = f;
  gc_push_root(OBJ_VAL(c));
  c->dict = dict_new();
  dict_set_str(c->dict, str_intern_cstr("name"), OBJ_VAL(str_from_cstr(name)));
  gc_pop_roots(1);
  return OBJ_VAL(c);
}

static Value sys_exit(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_no_kwargs("exit", kw) || !vm_check_args("exit", argc, 0, 1)) return UNDEF_VAL;
  return vm_raise_value(vm_new_exception(vm.e_SystemExit, argc, argv));
}

static Value sys_getrecursionlimit(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_check_args("getrecursionlimit", argc, 0, 0)) return UNDEF_VAL;
  return INT_VAL(vm.recursion_limit);
}

static Value sys_setrecursionlimit(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_no_kwargs("setrecursionlimit", kw) || !vm_check_args("setrecursionlimit", argc, 1, 1))
    return UNDEF_VAL;
  if (!IS_INTLIKE(argv[0]))
    return vm_raise(vm.e_TypeError, "'%s' object cannot be interpreted as an integer",
                    vm_type_name(argv[0]));
  int64_t n = AS_INTLIKE(argv[0]);
  if (n < 1) return vm_raise(vm.e_ValueError, "recursion limit must be greater or equal than 1");
  /* Frames live on the heap, so a large limit is safe; cap it where a
   * runaway recursion would exhaust memory instead of raising. */
  vm.recursion_limit = n > 1000000 ? 1000000 : (int)n;
  return NONE_VAL;
}

static Value sys_intern(int argc, Value *argv, ObjTuple *kw) {
  if (!vm_check_args("intern", argc, 1, 1)) return UNDEF_VAL;
  if (!IS_STR(argv[0])) return vm_raise(vm.e_TypeError, "intern() argument must be str");
  return OBJ_VAL(str_intern(AS_CSTR(argv[0]), AS_STR(argv[0])->len));
}

static bool sys_module_init(ObjModule *m) {
  ObjDict *d = m->dict;
  textio_class = vm_def_class("TextIOWrapper", vm.t_object, OBJ_CDATA);
  dict_set_str(d, str_intern_cstr("_TextIOWrapper"), OBJ_VAL(textio_class));
  lib_def_method(textio_class, "write", textio_write);
  lib_def_method(textio_class, "flush", textio_flush);
  lib_def_method(textio_class, "isatty", textio_isatty);
  dict_set_str(d, str_intern_cstr("stdout"), make_stream(stdout, "<stdout>"));
  dict_set_str(d, str_intern_cstr("stderr"), make_stream(stderr, "<stderr>"));
  dict_set_str(d, str_intern_cstr("stdin"), make_stream(stdin, "<stdin>"));
  dict_set_str(d, str_intern_cstr("argv"), vm.argv);
  dict_set_str(d, str_intern_cstr("modules"), OBJ_VAL(vm.modules));
  dict_set_str(d, str_intern_cstr("path"), OBJ_VAL(list_new(0, NULL)));
  dict_set_str(d, str_intern_cstr("maxsize"), INT_VAL(INT64_MAX));
  dict_set_str(d, str_intern_cstr("platform"), OBJ_VAL(str_from_cstr("linux")));
  dict_set_str(d, str_intern_cstr("version"), OBJ_VAL(str_from_cstr("3.11 (asy " ASY_VERSION ")")));
  Value vi[3] = {INT_VAL(3), INT_VAL(11), INT_VAL(0)};
  dict_set_str(d, str_intern_cstr("version_info"), OBJ_VAL(tuple_new(3, vi)));
  vm_def_native(d, "exit", sys_exit);
  vm_def_native(d, "getrecursionlimit", sys_getrecursionlimit);
  vm_def_native(d, "setrecursionlimit", sys_setrecursionlimit);
  vm_def_native(d, "intern", sys_intern);
  return true;
}

void lib_sys_init(void) {
  vm_register_module("sys", sys_module_init);
}
