/* object.h — heap object layouts and their constructors.
 *
 * Invariants:
 * - Every heap object starts with an Obj header and is allocated by
 *   gc_alloc_obj(), which links it into the GC's list of all objects.
 * - Strings are immutable UTF-8 with a cached hash; identifiers and
 *   attribute names are interned, so name lookups compare pointers first.
 * - Frames are not GC objects: a frame is owned either by the running call
 *   chain or by the generator/coroutine that suspended it (see vm.h).
 * - Every builtin object type has a class (vm.types[type]); instances of
 *   user classes carry their class pointer.
 */
#ifndef ASY_OBJECT_H
#define ASY_OBJECT_H

#include <string.h>

#include "value.h"

typedef enum {
  OBJ_STR,
  OBJ_TUPLE,
  OBJ_LIST,
  OBJ_DICT,
  OBJ_SET,
  OBJ_RANGE,
  OBJ_SLICE,
  OBJ_CODE,
  OBJ_FUNCTION,
  OBJ_CELL,
  OBJ_NATIVE,
  OBJ_BOUND,
  OBJ_CLASS,
  OBJ_INSTANCE,
  OBJ_EXCEPTION,
  OBJ_MODULE,
  OBJ_GEN,
  OBJ_ITER,
  OBJ_WRAPPER,
  OBJ_VIEW,
  OBJ_SUPER,
  OBJ_FUTURE,
  OBJ_LOOP,
  OBJ_HANDLE,
  OBJ_CDATA,
  OBJ__COUNT
} ObjType;

struct Obj {
  Obj *next;    /* GC list of all objects */
  uint8_t type; /* ObjType */
  uint8_t marked;
  uint16_t flags; /* per-type bits, e.g. SET_FROZEN */
  uint32_t aux;   /* per-type small field */
};

#define OBJ_TYPE(v) (AS_OBJ(v)->type)
#define IS_OBJ_TYPE(v, t) (IS_OBJ(v) && AS_OBJ(v)->type == (t))

/* ---------------------------------------------------------------- str */
typedef struct ObjString {
  Obj obj;
  int64_t hash; /* 0 until first needed (str_hash): most strings never key a dict */
  uint32_t len; /* bytes, excluding the terminating NUL */
  uint32_t ncp; /* code points; == len for ASCII */
  char chars[]; /* NUL-terminated */
} ObjString;
#define STR_INTERNED 1
#define STR_PERMANENT 2 /* interned from C (a name the library uses): never collected */
#define IS_STR(v) IS_OBJ_TYPE(v, OBJ_STR)
#define AS_STR(v) ((ObjString *)AS_OBJ(v))
#define AS_CSTR(v) (AS_STR(v)->chars)

/* -------------------------------------------------------------- tuple */
typedef struct {
  Obj obj;
  uint32_t len;
  Value items[];
} ObjTuple;
#define IS_TUPLE(v) IS_OBJ_TYPE(v, OBJ_TUPLE)
#define AS_TUPLE(v) ((ObjTuple *)AS_OBJ(v))

/* --------------------------------------------------------------- list */
typedef struct {
  Obj obj;
  uint32_t len, cap;
  Value *items;
} ObjList;
#define IS_LIST(v) IS_OBJ_TYPE(v, OBJ_LIST)
#define AS_LIST(v) ((ObjList *)AS_OBJ(v))

/* --------------------------------------------------------------- dict
 * Insertion-ordered, as CPython's compact dict: entries in order plus an
 * index table of int32 into entries (-1 empty, -2 deleted). */
typedef struct {
  Value key; /* UNDEF: deleted entry */
  Value value;
  int64_t hash;
} DictEntry;

typedef struct ObjDict {
  Obj obj;
  uint32_t len;      /* live entries */
  uint32_t nentries; /* used entries, including deleted ones */
  uint32_t cap;      /* entries capacity */
  uint32_t mask;     /* index size - 1; 0 with no index */
  uint32_t version;  /* bumped on insert/delete, for iteration checks */
  uint32_t uid;      /* unique per dict, so caches never mistake a reused address */
  DictEntry *entries;
  int32_t *index;
} ObjDict;
#define DICT_OF_CLASS 1 /* obj.flags: a class namespace; any change bumps vm.class_epoch */
#define IS_DICT(v) IS_OBJ_TYPE(v, OBJ_DICT)
#define AS_DICT(v) ((ObjDict *)AS_OBJ(v))

/* ---------------------------------------------------------------- set
 * Open addressing laid out as CPython's setobject.c, so that iteration
 * order of small-int sets prints as CPython prints it. */
typedef struct {
  Value key; /* UNDEF: empty; key.type == VAL_UNDEF && hash == -1: dummy */
  int64_t hash;
} SetEntry;

typedef struct {
  Obj obj;
  uint32_t used; /* live keys */
  uint32_t fill; /* live + dummies */
  uint32_t mask;
  uint32_t version;
  SetEntry *table;
} ObjSet;
#define SET_FROZEN 1
#define IS_SET(v) IS_OBJ_TYPE(v, OBJ_SET)
#define AS_SET(v) ((ObjSet *)AS_OBJ(v))

/* -------------------------------------------------------- range/slice */
typedef struct {
  Obj obj;
  int64_t start, stop, step;
} ObjRange;
#define AS_RANGE(v) ((ObjRange *)AS_OBJ(v))

typedef struct {
  Obj obj;
  Value start, stop, step;
} ObjSlice;
#define AS_SLICE(v) ((ObjSlice *)AS_OBJ(v))

/* --------------------------------------------------------------- code */
/* Where an instruction came from, run-length encoded by offset. */
typedef struct {
  uint32_t offset;
  int32_t line, end_line;
  uint16_t col, end_col; /* 0-based byte columns, as CPython's */
} LineEntry;

/* A try region: an exception raised at an instruction in [start, end)
 * truncates the value stack to depth, pushes the exception and jumps to
 * target. The first matching entry wins; the compiler emits inner regions
 * first. */
typedef struct {
  uint32_t start, end, target, depth;
} ExcEntry;

#define CODE_VARARGS 0x01
#define CODE_VARKW 0x02
#define CODE_GENERATOR 0x04
#define CODE_COROUTINE 0x08
#define CODE_ASYNCGEN 0x10
#define CODE_CLASSBODY 0x20 /* names resolve through a namespace dict */
#define CODE_MODULE 0x40
#define CODE_LAMBDA 0x80
#define CODE_SIMPLE_ARGS 0x100 /* positional parameters only: the call fast path applies */

/* LOAD_GLOBAL's memo of where a name was found: valid while the globals
 * (and, for builtins, the builtins) dict versions are unchanged, since
 * entries only move when keys are added or removed. */
typedef struct {
  uint32_t globals_uid;
  uint32_t gversion, bversion;
  int32_t index; /* entry index in globals, or -1 - index in builtins */
} GlobalCache;

/* What LOAD_ATTR/LOAD_METHOD/STORE_ATTR learned about a name on
 * instances of one class; valid while vm.class_epoch == epoch (no class
 * namespace changed since). ix: where the name sat in the last instance
 * dict seen (instances built alike keep their attributes at the same index). */
typedef struct {
  struct ObjClass *cls;
  uint32_t epoch;
  uint32_t ix;
  uint8_t flags; /* ACACHE_* */
  Value cv;      /* what the class chain holds for the name, UNDEF if nothing */
} AttrCache;
#define ACACHE_LOAD 1  /* no property: the instance dict decides, then cv */
#define ACACHE_STORE 2 /* no property and no __setattr__: stores go to the dict */
/* A module attribute: entry ix of the module dict whose uid is in cv (an
 * int) while its version is `epoch` (the value is read from the entry). */
#define ACACHE_MODULE 4

typedef struct ObjCode {
  Obj obj;
  uint8_t *code;
  uint32_t count;
  uint32_t flags;
  Value *consts;
  uint32_t nconsts;
  ObjString **names; /* globals and attribute names */
  uint32_t nnames;
  ObjString **varnames; /* slots: parameters, other locals, then free vars */
  uint32_t nlocals;     /* parameters + locals (cells are among them) */
  uint32_t nfree;       /* free variables, copied from the closure */
  uint32_t nslots;      /* nlocals + nfree */
  uint32_t stacksize;   /* maximum value-stack depth */
  uint32_t framecap;    /* slots a frame needs: nslots + stacksize, rounded up (frame.c) */
  uint16_t argcount;    /* positional parameters (incl. positional-only) */
  uint16_t posonlycount;
  uint16_t kwonlycount;
  int32_t firstline;
  LineEntry *lines;
  uint32_t nlines;
  ExcEntry *handlers;
  uint32_t nhandlers;
  ObjString *name;
  ObjString *qualname;
  ObjString *filename;
  ObjString *doc;      /* the docstring, NULL if none */
  GlobalCache *gcache; /* one per name, allocated on first LOAD_GLOBAL */
  AttrCache *acache;   /* one per name, allocated on first attribute access */
} ObjCode;
#define AS_CODE(v) ((ObjCode *)AS_OBJ(v))

/* ----------------------------------------------------------- function */
typedef struct ObjFunction {
  Obj obj;
  ObjCode *code;
  struct ObjDict *globals;
  ObjTuple *defaults;  /* NULL: none */
  ObjDict *kwdefaults; /* NULL: none */
  ObjTuple *closure;   /* cells for the code's free vars, NULL: none */
  ObjString *name;
  ObjString *qualname;
  ObjDict *attrs; /* __doc__, __module__ and user attributes */
} ObjFunction;
#define IS_FUNCTION(v) IS_OBJ_TYPE(v, OBJ_FUNCTION)
#define AS_FUNCTION(v) ((ObjFunction *)AS_OBJ(v))

typedef struct {
  Obj obj;
  Value value; /* UNDEF: empty cell */
} ObjCell;
#define AS_CELL(v) ((ObjCell *)AS_OBJ(v))
#define IS_NATIVE_METHOD(v) (IS_OBJ_TYPE(v, OBJ_NATIVE) && AS_OBJ(v)->aux == NATIVE_METHOD)

/* A function written in C. argv holds argc positional arguments followed
 * by one value per name in kwnames (NULL when there are none). It returns
 * the result, or UNDEF_VAL with an exception pending (vm_raise). */
typedef Value (*NativeFn)(int argc, Value *argv, ObjTuple *kwnames);

/* obj.aux of a native defined as a method of a built-in class: read
 * through an instance it binds (list.append); any other native is a plain
 * builtin function that never binds, as `class A: f = len` shows. */
#define NATIVE_METHOD 1

typedef struct {
  Obj obj;
  NativeFn fn;
  const char *name;
  Value data; /* per-instance state: the native reads vm.calling_native->data */
} ObjNative;
#define IS_NATIVE(v) IS_OBJ_TYPE(v, OBJ_NATIVE)
#define AS_NATIVE(v) ((ObjNative *)AS_OBJ(v))

typedef struct {
  Obj obj;
  Value self;
  Value func;
} ObjBound;
#define AS_BOUND(v) ((ObjBound *)AS_OBJ(v))

/* -------------------------------------------------------------- class */
#define CLASS_BUILTIN 0x01   /* created by asy itself */
#define CLASS_FINAL 0x02     /* cannot be subclassed (bool, NoneType, ...) */
#define CLASS_EXCEPTION 0x04 /* derives from BaseException */

typedef struct ObjClass {
  Obj obj;
  ObjString *name;
  ObjString *qualname;
  struct ObjClass *base; /* NULL only for object */
  ObjDict *dict;
  uint8_t inst_type; /* ObjType of instances */
  uint8_t cflags;
  struct ObjModule *module;
  /* Builtin classes: builds an instance from the call's arguments (int("5"),
   * list(x), Future()); NULL for classes instantiated the generic way. */
  Value (*ctor)(int argc, Value *argv, ObjTuple *kwnames);
  /* C-backed classes that asy code may subclass (asyncio.Future): makes a
   * blank instance of the subclass cls, whose __init__ then runs. */
  Value (*alloc)(struct ObjClass *cls);
  /* __init__ and __new__ as found when vm.class_epoch was init_epoch
   * (instantiation looks them up once per class, not once per call). */
  uint32_t init_epoch;
  uint32_t attr_hint; /* most attributes an instance got through STORE_ATTR: sizes new dicts */
  Value init, new_;
  /* Classes CPython writes in C outside builtins: the name its messages
   * use ("_asyncio.Task"); NULL means `name`. */
  const char *c_name;
} ObjClass;
#define IS_CLASS(v) IS_OBJ_TYPE(v, OBJ_CLASS)
#define AS_CLASS(v) ((ObjClass *)AS_OBJ(v))

typedef struct {
  Obj obj;
  ObjClass *cls;
  ObjDict *dict; /* NULL until the first attribute is set */
} ObjInstance;
#define IS_INSTANCE(v) IS_OBJ_TYPE(v, OBJ_INSTANCE)
#define AS_INSTANCE(v) ((ObjInstance *)AS_OBJ(v))

/* One line of a traceback, recorded as the exception leaves a frame. */
typedef struct {
  ObjCode *code;
  ObjDict *globals; /* the frame's: where a NameError's suggestion looks */
  uint32_t offset;
} TbEntry;

typedef struct ObjException {
  ObjInstance inst;
  ObjTuple *args;
  Value cause;   /* __cause__, NONE_VAL when unset */
  Value context; /* __context__ */
  bool suppress_context;
  bool printed; /* never-retrieved reports print once */
  uint32_t ntb, captb;
  TbEntry *tb; /* innermost last, as printed */
  Value notes; /* list for ExceptionGroup.exceptions etc., NONE otherwise */
  /* NameError.name, AttributeError.name and .obj: what the traceback's
   * "Did you mean" needs. UNDEF while unset (they read as None). */
  Value name, obj;
} ObjException;
#define IS_EXCEPTION(v) IS_OBJ_TYPE(v, OBJ_EXCEPTION)
#define AS_EXCEPTION(v) ((ObjException *)AS_OBJ(v))

/* ------------------------------------------------------------- module */
typedef struct ObjModule {
  Obj obj;
  ObjString *name;
  ObjDict *dict;
} ObjModule;
#define IS_MODULE(v) IS_OBJ_TYPE(v, OBJ_MODULE)
#define AS_MODULE(v) ((ObjModule *)AS_OBJ(v))

/* ---------------------------------------------- generator & coroutine */
typedef enum { GEN_GENERATOR, GEN_COROUTINE, GEN_ASYNCGEN } GenKind;
typedef enum { GEN_CREATED, GEN_SUSPENDED, GEN_RUNNING, GEN_CLOSED } GenState;

struct Frame;
typedef struct ObjGen {
  Obj obj;                 /* obj.aux: the line it was created at (origin_code's) */
  struct Frame *frame;     /* NULL once closed */
  struct Frame *innermost; /* deepest frame of the suspended await chain */
  uint8_t kind;            /* GenKind */
  uint8_t state;           /* GenState */
  bool delegated;          /* another frame awaits/yields-from it */
  bool awaited;            /* was ever started (never-awaited warning) */
  bool hooks_done;         /* async generator finalizer ran */
  bool loop_owned;      /* made by a call in a `for` header: closed when the loop is left early */
  ObjCode *fcode;       /* its function's code: qualname, file and line it was defined at */
  ObjCode *origin_code; /* where the coroutine was created (never-awaited warning) */
} ObjGen;
/* __name__ of a generator: the part of its qualname after the last dot. */
static inline const char *gen_name(const ObjGen *g) {
  const char *dot = strrchr(g->fcode->qualname->chars, '.');
  return dot ? dot + 1 : g->fcode->qualname->chars;
}
/* A generator's qualname: its code's (the function's unless renamed). */
#define GEN_QUALNAME(g) ((g)->fcode->qualname)
#define IS_GEN(v) IS_OBJ_TYPE(v, OBJ_GEN)
#define AS_GEN(v) ((ObjGen *)AS_OBJ(v))

/* ------------------------------------------------------------ iterator */
typedef enum {
  ITER_SEQ,       /* list/tuple/str by index: src, i */
  ITER_RANGE,     /* i, n(stop), step */
  ITER_DICT,      /* src dict, i entry index, n version; aux: 0 keys 1 values 2 items */
  ITER_SET,       /* src set, i slot */
  ITER_ENUMERATE, /* src iterator, i counter */
  ITER_ZIP,       /* src tuple of iterators */
  ITER_MAP,       /* a func, src tuple of iterators */
  ITER_FILTER,    /* a func, src iterator */
  ITER_REVERSED,  /* src sequence, i next index (counts down) */
  ITER_CALLABLE,  /* iter(func, sentinel): a func, src sentinel */
  ITER_FUTURE,    /* Future.__await__(): src future */
  ITER_ASEND,     /* async generator __anext__/asend/athrow/aclose: src gen */
  ITER_CORO_WRAP, /* coroutine.__await__(): src coroutine, awaited through it */
} IterKind;

/* ITER_ASEND: sub is the mode, i the state. */
enum { ASEND_SEND, ASEND_THROW, ASEND_CLOSE };
enum { ASEND_FRESH, ASEND_RUNNING, ASEND_DONE };

typedef struct {
  Obj obj;
  uint8_t kind;
  uint8_t sub; /* per-kind mode */
  Value src;
  Value a;
  int64_t i, n, step;
} ObjIter;
#define IS_ITER(v) IS_OBJ_TYPE(v, OBJ_ITER)
#define AS_ITER(v) ((ObjIter *)AS_OBJ(v))

/* property, staticmethod, classmethod */
typedef enum { WRAP_PROPERTY, WRAP_STATICMETHOD, WRAP_CLASSMETHOD } WrapKind;
typedef struct {
  Obj obj;
  uint8_t kind;
  Value fget, fset, fdel; /* fget is the wrapped function for the methods */
  Value doc;
} ObjWrapper;
#define AS_WRAPPER(v) ((ObjWrapper *)AS_OBJ(v))

/* dict.keys() / values() / items() */
typedef struct {
  Obj obj;
  uint8_t kind; /* 0 keys, 1 values, 2 items */
  ObjDict *dict;
} ObjView;
#define AS_VIEW(v) ((ObjView *)AS_OBJ(v))

typedef struct {
  Obj obj;
  ObjClass *start; /* lookup begins at start->base */
  Value self;
} ObjSuper;
#define AS_SUPER(v) ((ObjSuper *)AS_OBJ(v))

/* Generic C-backed object with a class, for library types. */
typedef struct ObjCData {
  Obj obj;
  ObjClass *cls;
  void (*mark)(struct ObjCData *);
  void (*destroy)(struct ObjCData *);
  ObjDict *dict;
  void *data;
} ObjCData;
#define AS_CDATA(v) ((ObjCData *)AS_OBJ(v))

/* ---------------------------------------------------------- constructors
 * Each returns a new object; the caller must keep it reachable (stack,
 * container or vm_push_root) before the next allocation. */

/* A str from n bytes of valid UTF-8. */
ObjString *str_new(const char *s, size_t n);
/* A str from a NUL-terminated C string. */
ObjString *str_from_cstr(const char *s);
/* The interned str for these bytes (created on first use). */
ObjString *str_intern(const char *s, size_t n);
/* The interned str for a C string. */
ObjString *str_intern_cstr(const char *s);
/* A str from printf-style arguments. */
ObjString *str_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* An uninitialised str of n bytes, to be filled then finished by str_finish. */
ObjString *str_alloc(size_t n);
/* Compute hash and code-point count of a str filled after str_alloc. */
ObjString *str_finish(ObjString *s);
/* Hash of n bytes as str hashing does it. */
int64_t str_hash_bytes(const char *s, size_t n);
/* s's hash, computed on first use (never 0 once computed). */
static inline int64_t str_hash(ObjString *s) {
  if (s->hash == 0) s->hash = str_hash_bytes(s->chars, s->len);
  return s->hash;
}
/* Whether two strs hold the same text. */
bool str_eq(ObjString *a, ObjString *b);

/* A tuple of n items (copied from items unless NULL: then all None). */
ObjTuple *tuple_new(uint32_t n, const Value *items);
/* A list of n items (copied unless NULL: then empty with that capacity). */
ObjList *list_new(uint32_t n, const Value *items);
/* Append v to l, growing it; false (MemoryError pending) when it cannot grow. */
bool list_append(ObjList *l, Value v);
ObjRange *range_new(int64_t start, int64_t stop, int64_t step);
ObjSlice *slice_new(Value start, Value stop, Value step);
ObjCell *cell_new(Value v);
ObjNative *native_new(const char *name, NativeFn fn);
ObjBound *bound_new(Value self, Value func);
ObjFunction *function_new(ObjCode *code, ObjDict *globals);
ObjCode *code_new(void);
ObjClass *class_new(ObjString *name, ObjClass *base);
ObjInstance *instance_new(ObjClass *cls);
ObjModule *module_new(ObjString *name);
ObjIter *iter_new(IterKind kind, Value src);
ObjWrapper *wrapper_new(WrapKind kind, Value f);
ObjView *view_new(int kind, ObjDict *d);
ObjSuper *super_new(ObjClass *start, Value self);
ObjCData *cdata_new(ObjClass *cls, size_t size);

/* Number of code points of n bytes of UTF-8. */
uint32_t utf8_count(const char *s, size_t n);
/* Byte offset of code point index i in s (i <= ncp). */
size_t str_offset_of(ObjString *s, uint32_t i);
/* Whether n bytes are valid UTF-8. */
bool utf8_valid(const char *s, size_t n);
/* Decode one code point at s (valid UTF-8); *len receives its byte length. */
uint32_t utf8_decode(const char *s, int *len);
/* Encode cp into out (at least 4 bytes); returns the byte length. */
int utf8_encode(uint32_t cp, char *out);

#endif
