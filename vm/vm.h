/* vm.h — the interpreter: frames, the dispatch loop, calls, exceptions and
 * the object protocol (operators, attributes, iteration) the library uses.
 *
 * Invariants:
 * - asy-level calls never recurse on the C stack: CALL pushes a heap Frame
 *   and the dispatch loop switches to it; RETURN pops back. Only C code
 *   calling asy code (a native's callback, a dunder method invoked from C)
 *   nests a dispatch loop, and that nesting is bounded (RecursionError).
 * - A Frame is owned by the running chain (vm.frame → parent → ...) or by
 *   the generator/coroutine that suspended it; a suspended await chain
 *   stays linked (innermost → ... → coroutine of the task) and is resumed
 *   at its innermost frame.
 * - A native returns UNDEF_VAL exactly when it has set vm.exc (vm_raise*).
 * - Every builtin type has a class object, so type(x), isinstance and
 *   attribute lookup work uniformly.
 */
#ifndef ASY_VM_H
#define ASY_VM_H

#include <signal.h>

#include "common.h"
#include "dict.h"
#include "gc.h"
#include "object.h"
#include "operator.h"

typedef enum {
#define OPCODE(name, operands, effect) BC_##name,
#include "opcodes.h"
#undef OPCODE
  BC__COUNT
} Opcode;

/* How a frame was entered, which decides what its return does. */
typedef enum {
  ENTRY_C,        /* by a C caller (vm_run): return hands the value back */
  ENTRY_CALL,     /* by CALL: push the result on the caller's stack */
  ENTRY_INIT,     /* __init__ by instantiation: the instance is already pushed */
  ENTRY_DELEGATE, /* by await / yield from: the result replaces the awaitable */
  ENTRY_FORITER,  /* a generator resumed by FOR_ITER: yields feed the loop */
} EntryKind;

#define FRAME_REEXEC 0x01 /* suspended inside YIELD_FROM: re-execute it on resume */

typedef struct Frame {
  ObjCode *code;
  ObjFunction *func;    /* NULL for module code run without a function */
  struct Frame *parent; /* caller, resumer or delegating frame */
  uint8_t *ip;          /* next instruction */
  Value *sp;            /* next free stack slot */
  ObjDict *globals;
  ObjDict *ns; /* class body namespace, else NULL */
  ObjGen *gen; /* owning generator/coroutine, else NULL */
  /* Exception being handled here (bare raise), NULL if none; an object
   * pointer, not a Value, to keep the frame of every suspended coroutine
   * 8 bytes smaller. Read it as a Value with frame_handled. */
  Obj *handled;
  uint8_t entry; /* EntryKind */
  uint8_t flags;
  uint32_t depth; /* call depth, for RecursionError */
  uint32_t cap;   /* slots allocated (free-list size class) */
  Value slots[];  /* code->nslots locals, then the value stack */
} Frame;

_Static_assert(sizeof(void *) != 8 || sizeof(Frame) == 88, "Frame grew: see `handled`");
static inline Value frame_handled(const Frame *f) {
  return f->handled ? OBJ_VAL(f->handled) : UNDEF_VAL;
}

/* Result of running the dispatch loop until its entry frame finishes. */
typedef enum { RUN_RETURN, RUN_YIELD, RUN_ERROR } RunStatus;

/* Interned names the VM looks up often. */
/* One table, laid out by hand. */
// clang-format off
#define VM_NAMES(X)                                                                                \
  X(init, "__init__") X(new, "__new__") X(str, "__str__") X(repr, "__repr__") X(eq, "__eq__")     \
  X(ne, "__ne__") X(lt, "__lt__") X(le, "__le__") X(gt, "__gt__") X(ge, "__ge__")                 \
  X(hash, "__hash__") X(len, "__len__") X(bool, "__bool__") X(getitem, "__getitem__")             \
  X(setitem, "__setitem__") X(delitem, "__delitem__") X(contains, "__contains__")                 \
  X(iter, "__iter__") X(next, "__next__") X(call, "__call__") X(enter, "__enter__")               \
  X(exit, "__exit__") X(aenter, "__aenter__") X(aexit, "__aexit__") X(aiter, "__aiter__")         \
  X(anext, "__anext__") X(await, "__await__") X(getattr, "__getattr__")                           \
  X(setattr, "__setattr__") X(delattr, "__delattr__") X(name, "__name__")                         \
  X(qualname, "__qualname__") X(module, "__module__") X(doc, "__doc__") X(dict, "__dict__")       \
  X(class, "__class__") X(classcell, "__classcell__") X(main, "__main__")                         \
  X(builtins, "builtins") X(args, "args") X(self, "self") X(send, "send") X(throw, "throw")        \
  X(close, "close") X(format, "__format__") X(neg, "__neg__") X(pos, "__pos__")                   \
  X(invert, "__invert__") X(abs, "__abs__") X(index, "__index__") X(int_, "__int__")              \
  X(float_, "__float__") X(reversed, "__reversed__") X(missing, "__missing__")                    \
  X(set_name, "__set_name__") X(init_subclass, "__init_subclass__") X(value, "value")              \
  X(underscore, "_") X(file, "__file__") X(spec, "__spec__") X(loader, "__loader__")
// clang-format on

typedef enum {
#define X(id, text) NAME_##id,
  VM_NAMES(X)
#undef X
      NAME__COUNT
} VmName;

/* The builtin exception classes, in hierarchy order (parent before child);
 * the root names itself as its parent. */
#define VM_EXCEPTIONS(X)                                                                           \
  X(BaseException, BaseException)                                                                  \
  X(Exception, BaseException)                                                                      \
  X(SystemExit, BaseException)                                                                     \
  X(KeyboardInterrupt, BaseException)                                                              \
  X(GeneratorExit, BaseException)                                                                  \
  X(CancelledError, BaseException)                                                                 \
  X(BaseExceptionGroup, BaseException)                                                             \
  X(ExceptionGroup, BaseExceptionGroup)                                                            \
  X(ArithmeticError, Exception)                                                                    \
  X(ZeroDivisionError, ArithmeticError)                                                            \
  X(OverflowError, ArithmeticError)                                                                \
  X(FloatingPointError, ArithmeticError)                                                           \
  X(LookupError, Exception)                                                                        \
  X(KeyError, LookupError)                                                                         \
  X(IndexError, LookupError)                                                                       \
  X(AssertionError, Exception)                                                                     \
  X(AttributeError, Exception)                                                                     \
  X(EOFError, Exception)                                                                           \
  X(ImportError, Exception)                                                                        \
  X(ModuleNotFoundError, ImportError)                                                              \
  X(MemoryError, Exception)                                                                        \
  X(NameError, Exception)                                                                          \
  X(UnboundLocalError, NameError)                                                                  \
  X(OSError, Exception)                                                                            \
  X(ConnectionError, OSError)                                                                      \
  X(BrokenPipeError, ConnectionError)                                                              \
  X(ConnectionRefusedError, ConnectionError)                                                       \
  X(ConnectionResetError, ConnectionError)                                                         \
  X(ConnectionAbortedError, ConnectionError)                                                       \
  X(FileNotFoundError, OSError)                                                                    \
  X(TimeoutError, OSError)                                                                         \
  X(RuntimeError, Exception)                                                                       \
  X(RecursionError, RuntimeError)                                                                  \
  X(NotImplementedError, RuntimeError)                                                             \
  X(StopIteration, Exception)                                                                      \
  X(StopAsyncIteration, Exception)                                                                 \
  X(SyntaxError, Exception)                                                                        \
  X(IndentationError, SyntaxError)                                                                 \
  X(TabError, IndentationError)                                                                    \
  X(SystemError, Exception)                                                                        \
  X(TypeError, Exception)                                                                          \
  X(ValueError, Exception)                                                                         \
  X(UnicodeError, ValueError)                                                                      \
  X(InvalidStateError, Exception)                                                                  \
  X(QueueEmpty, Exception)                                                                         \
  X(QueueFull, Exception)                                                                          \
  X(Warning, Exception)                                                                            \
  X(UserWarning, Warning)                                                                          \
  X(DeprecationWarning, Warning)                                                                   \
  X(RuntimeWarning, Warning)

typedef struct VM {
  Frame *frame; /* running frame, NULL when no asy code runs */
  Value exc;    /* pending exception, UNDEF_VAL when none */
  /* f(*args): the argument tuple while CALL_EX's call binds it (rooted by
   * the caller). A *args parameter that receives all of it shares the tuple
   * instead of copying it: gather(*tasks) holds one tuple of a million
   * tasks, not two. NULL otherwise. */
  ObjTuple *call_args;

  ObjDict *builtins;
  ObjDict *modules; /* name → module, for import */
  ObjModule *main_module;

  /* classes of builtin types */
  ObjClass *types[OBJ__COUNT]; /* by ObjType */
  ObjClass *t_object, *t_type, *t_none, *t_bool, *t_int, *t_float, *t_str, *t_tuple, *t_list,
      *t_dict, *t_set, *t_frozenset, *t_range, *t_slice, *t_function, *t_builtin, *t_method,
      *t_generator, *t_coroutine, *t_async_generator, *t_module, *t_cell, *t_code, *t_property,
      *t_staticmethod, *t_classmethod, *t_super, *t_iterator, *t_dict_keys, *t_dict_values,
      *t_dict_items, *t_traceback, *t_notimpl_type, *t_ellipsis_type, *t_future, *t_task, *t_loop,
      *t_handle, *t_timer_handle;
#define X(name, parent) ObjClass *e_##name;
  VM_EXCEPTIONS(X)
#undef X
  Value not_implemented; /* the NotImplemented singleton */
  Value ellipsis;
  uint32_t class_epoch; /* bumped by any change to any class namespace: attribute caches check it */
  Value object_init;    /* object.__init__ (likewise) */
  Value object_new;     /* object.__new__ (kept alive by object's dict): instantiation inlines it */
  ObjTuple *empty_tuple;
  ObjString *empty_str;
  ObjString *names[NAME__COUNT];

  /* garbage collector (gc.c) */
  Obj *objects;
  size_t bytes_allocated;
  size_t next_gc;
  size_t mem_limit;
  Obj **gray;
  size_t ngray, capgray;
  Value *roots;
  size_t nroots, caproots;
  ObjDict *interned; /* weak: str → None */
  int gc_paused;
  /* Futures found dead with an exception never retrieved: kept alive by
   * the collector until loop_report_unretrieved reports them. */
  Obj **unretrieved;
  uint32_t nunretrieved, capunretrieved;
  uint32_t nfailed; /* futures that finished with an exception, ever */
  bool gc_auto_off; /* gc.disable(): no collection on heap growth */

  /* limits and state */
  int recursion_limit;
  int c_depth;                       /* nested dispatch loops */
  volatile sig_atomic_t interrupted; /* Ctrl-C seen; the dispatch loop raises KeyboardInterrupt */
  bool debug;                        /* --debug / ASY_DEBUG: asyncio debug warnings */
  bool trace_ops;                    /* --trace=ops: one line per instruction */
  bool repl;                         /* running the REPL (PRINT_EXPR echoes) */
  Value argv;                        /* sys.argv list */
  ObjString *main_file;              /* the script's path as given, for messages */

  /* the event loop currently running (loop.c), NONE when none */
  Value running_loop;
  Value current_task;
  /* The native being called (so a native can read its own `data`). */
  ObjNative *calling_native;
  /* Hook for the tracer (per instruction when trace_ops). */
  void (*op_hook)(Frame *f, uint8_t *ip);
} VM;

extern VM vm;

static inline void gc_push_root(Value v) {
  if (ASY_UNLIKELY(vm.nroots == vm.caproots)) gc_grow_roots();
  vm.roots[vm.nroots++] = v;
}

static inline void gc_pop_roots(size_t n) {
  if (ASY_UNLIKELY(n > vm.nroots)) asy_fatal("GC root stack underflow");
  vm.nroots -= n;
}

/* ------------------------------------------------------------- lifecycle */

/* Create the VM: builtin classes, exceptions, builtins and modules. */
void vm_init(int argc, char **argv);
/* Release everything (frees all objects). */
void vm_free(void);

/* ------------------------------------------------------------- running */

/* Compile and run source as module __main__ (or name); false when an
 * exception escaped (it is left pending in vm.exc). */
bool vm_run_source(const char *src, size_t len, const char *filename, ObjDict *globals);
/* Run f until its entry frame returns, yields or raises; *out receives the
 * returned or yielded value. f must have entry ENTRY_C. */
RunStatus vm_run_frame(Frame *f, Value *out);
/* Resume a suspended generator/coroutine with a value (or throwing exc if
 * exc is not UNDEF); *out receives what it yielded or returned. */
RunStatus vm_resume(ObjGen *g, Value send, Value exc, Value *out);

/* A coroutine that runs module-level code (the REPL's top-level await):
 * code must have been compiled with COMPILE_SINGLE and awaits in it. */
Value vm_module_coroutine(ObjCode *code, ObjDict *globals);
/* Call any callable with positional args; UNDEF_VAL on error. */
Value vm_call(Value callable, int argc, Value *argv);
/* vm_call(repr_method, self) for repr(): a RecursionError raised by this
 * very call reads "... while calling a Python object", as CPython's. */
Value vm_call_from_repr(Value callable, Value self);
/* Call with keyword arguments (argv holds the positional then the keyword
 * values, names in kwnames). */
Value vm_call_kw(Value callable, int argc, Value *argv, ObjTuple *kwnames);
/* Call the method name of self; UNDEF_VAL on error. */
Value vm_call_method(Value self, ObjString *name, int argc, Value *argv);
/* Look up a special method on the class of v (not the instance); UNDEF if absent. */
Value vm_lookup_special(Value v, ObjString *name);

/* New frame for fn with its arguments bound, or NULL with an exception
 * pending (wrong arguments). */
Frame *vm_make_frame(ObjFunction *fn, int argc, Value *argv, ObjTuple *kwnames);
/* Frames come from free lists by slot capacity (steps of FRAME_STEP), so a
 * call reuses the memory of a frame that just returned: no malloc in
 * steady state. */
#define FRAME_STEP 1
#define FRAME_LISTS 24
extern Frame *vm_free_frames[FRAME_LISTS + 1];
/* The slot capacity (a multiple of FRAME_STEP) a frame of need slots gets. */
uint32_t vm_frame_cap(uint32_t need);
/* A frame of capacity cap not on a free list (NULL when out of memory). */
Frame *vm_frame_alloc_slow(uint32_t cap);

/* A frame of capacity cap (from vm_frame_cap); NULL when out of memory. */
static inline Frame *vm_frame_alloc(uint32_t cap) {
  uint32_t cls = cap / FRAME_STEP;
  if (cls <= FRAME_LISTS && vm_free_frames[cls]) {
    Frame *f = vm_free_frames[cls];
    vm_free_frames[cls] = f->parent;
    return f;
  }
  return vm_frame_alloc_slow(cap);
}
/* As vm_make_frame, with self (if not NULL) bound before argv. */
Frame *vm_make_frame_self(ObjFunction *fn, Value *self, int argc, Value *argv, ObjTuple *kwnames);
/* A frame running module-level code: names resolve in globals. */
Frame *vm_make_module_frame(ObjCode *code, ObjDict *globals);
/* Return a frame's memory (after its last use). */
void vm_free_frame(Frame *f);
/* Mark everything a frame references. */
void vm_mark_frame(Frame *f);

/* ------------------------------------------------------------- exceptions */

/* Raise a new exception of cls with a printf-style message; returns UNDEF_VAL. */
Value vm_raise(ObjClass *cls, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Raise an exception instance (or a class, instantiated with no args). */
Value vm_raise_value(Value exc);
/* Whether the pending exception is an instance of cls. */
bool vm_exc_matches(ObjClass *cls);
/* Take the pending exception, leaving none pending. */
Value vm_take_exc(void);
/* A new exception instance of cls with args. */
Value vm_new_exception(ObjClass *cls, int argc, Value *argv);
/* Print "Traceback ...", the entries and "Type: message" for exc on stderr,
 * as CPython's traceback module does (asyncio's logging, its REPL). */
void vm_print_exception(Value exc);
/* The same, as sys.excepthook prints an uncaught exception: with "Did you
 * mean" after a NameError or AttributeError (suggest.h). */
void vm_print_uncaught(Value exc);
/* exc.__traceback__ (None when nothing was recorded). */
Value vm_traceback_of(Value exc);
/* The "Type: message" line of an exception (without newline). */
ObjString *vm_exception_line(Value exc);

/* ------------------------------------------------------------- protocol */

/* The class of any value. */
ObjClass *vm_class_of(Value v);
/* Whether cls is sub or a subclass of it. */
bool vm_is_subclass(ObjClass *sub, ObjClass *cls);
/* isinstance(v, cls) for one class. */
bool vm_isinstance(Value v, ObjClass *cls);
/* The name of v's type, as messages print it. */
const char *vm_type_name(Value v);
/* The __name__ of the class of v ("Task"), for asy's own tools. */
const char *vm_class_name(Value v);

/* repr(v) / str(v); NULL with an exception pending. */
ObjString *vm_repr(Value v);
ObjString *vm_str(Value v);
/* Truth value: 1, 0, or -1 with an exception pending. */
int vm_truthy(Value v);
/* a == b: 1, 0, or -1 with an exception pending. */
int vm_eq(Value a, Value b);
/* Rich comparison (OP_LT..OP_GE from ast.h); UNDEF on error. */
Value vm_compare(int op, Value a, Value b);
/* Binary operator (OP_ADD..OP_BITAND); inplace tries __iop__ first. */
Value vm_binary(int op, Value a, Value b, bool inplace);
/* Unary operator (OP_NEG, OP_POS, OP_INVERT). */
Value vm_unary(int op, Value a);
/* hash(v) into *out; false with an exception pending (unhashable). */
bool vm_hash(Value v, int64_t *out);
/* len(v) into *out; false with an exception pending. */
bool vm_len(Value v, int64_t *out);
/* x in container: 1, 0, or -1 with an exception pending. */
int vm_contains(Value container, Value x);

/* getattr(obj, name); UNDEF with AttributeError (or another) pending. */
Value vm_getattr(Value obj, ObjString *name);
/* getattr without raising AttributeError: UNDEF and no exception if absent
 * (other exceptions stay pending: check vm.exc). */
Value vm_getattr_opt(Value obj, ObjString *name);
/* object.__getattribute__(obj, name): the lookup without __getattr__. */
Value vm_object_getattribute(Value obj, ObjString *name);
/* setattr(obj, name, v); false with an exception pending. */
bool vm_setattr(Value obj, ObjString *name, Value v);
/* delattr(obj, name). */
bool vm_delattr(Value obj, ObjString *name);
/* Look a name up along a class's bases; UNDEF if absent. */
Value vm_class_lookup(ObjClass *cls, ObjString *name);

/* c[k] / c[k] = v / del c[k]. */
Value vm_getitem(Value c, Value k);
bool vm_setitem(Value c, Value k, Value v);
bool vm_delitem(Value c, Value k);

/* iter(v); UNDEF on error. */
Value vm_iter(Value v);
/* Advance an iterator: 1 with *out set, 0 when exhausted, -1 on error. */
int vm_next(Value it, Value *out);

/* format(v, spec) as f-strings and format() do. */
ObjString *vm_format(Value v, ObjString *spec);

/* Convert a value to an index (int, bool or __index__); false on error. */
bool vm_to_index(Value v, int64_t *out);

/* Check that no keyword arguments were passed to a native named fname. */
bool vm_no_kwargs(const char *fname, ObjTuple *kwnames);
/* Check argc against [min, max] for a native named fname (max -1: any). */
bool vm_check_args(const char *fname, int argc, int min, int max);

/* Import a builtin module by name; UNDEF with ModuleNotFoundError. */
Value vm_import(ObjString *name);
/* Register a builtin module: init is called on first import to fill it. */
void vm_register_module(const char *name, bool (*init)(ObjModule *));

/* Define a native function in a dict (builtins, a module or a class). */
ObjNative *vm_def_native(ObjDict *d, const char *name, NativeFn fn);
/* Create a builtin class with this name and base, instances of inst_type. */
ObjClass *vm_def_class(const char *name, ObjClass *base, ObjType inst_type);

/* Location of an instruction: line, and span, from the code's line table. */
const LineEntry *code_line_at(ObjCode *code, uint32_t offset);

#endif
