/* value.h — the tagged Value every slot, stack entry and container holds.
 *
 * Invariants:
 * - A Value is 16 bytes: a type tag and a payload. None, bool, int and
 *   float live in the payload; everything else is a pointer to an Obj.
 * - VAL_UNDEF never escapes to asy code: it marks an unbound local, an
 *   empty hash slot, or (as a native's return) "an exception is pending".
 * - int is a signed 64-bit integer; arithmetic that overflows raises
 *   OverflowError (a documented difference from Python's unbounded int).
 */
#ifndef ASY_VALUE_H
#define ASY_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Obj Obj;

typedef enum {
  VAL_UNDEF = 0,
  VAL_NONE,
  VAL_BOOL,
  VAL_INT,
  VAL_FLOAT,
  VAL_OBJ,
} ValType;

typedef struct {
  uint8_t type;
  union {
    bool b;
    int64_t i;
    double f;
    Obj *o;
  } as;
} Value;

#define UNDEF_VAL ((Value){VAL_UNDEF, {.i = 0}})
#define NONE_VAL ((Value){VAL_NONE, {.i = 0}})
#define BOOL_VAL(x) ((Value){VAL_BOOL, {.b = (x)}})
#define INT_VAL(x) ((Value){VAL_INT, {.i = (x)}})
#define FLOAT_VAL(x) ((Value){VAL_FLOAT, {.f = (x)}})
#define OBJ_VAL(x) ((Value){VAL_OBJ, {.o = (Obj *)(x)}})

#define IS_UNDEF(v) ((v).type == VAL_UNDEF)
#define IS_NONE(v) ((v).type == VAL_NONE)
#define IS_BOOL(v) ((v).type == VAL_BOOL)
#define IS_INT(v) ((v).type == VAL_INT)
#define IS_FLOAT(v) ((v).type == VAL_FLOAT)
#define IS_OBJ(v) ((v).type == VAL_OBJ)
/* bool is a subclass of int in Python: arithmetic treats True as 1. */
#define IS_INTLIKE(v) ((v).type == VAL_INT || (v).type == VAL_BOOL)
#define IS_NUMBER(v) ((v).type >= VAL_BOOL && (v).type <= VAL_FLOAT)

#define AS_BOOL(v) ((v).as.b)
#define AS_INT(v) ((v).as.i)
#define AS_FLOAT(v) ((v).as.f)
#define AS_OBJ(v) ((v).as.o)
/* The integer value of an int or bool. */
#define AS_INTLIKE(v) ((v).type == VAL_BOOL ? (int64_t)(v).as.b : (v).as.i)

/* Identity as `is` sees it: same type and same payload bits. */
static inline bool value_is(Value a, Value b) {
  if (a.type != b.type) return false;
  switch (a.type) {
  case VAL_UNDEF:
  case VAL_NONE: return true;
  case VAL_BOOL: return a.as.b == b.as.b;
  case VAL_INT: return a.as.i == b.as.i;
  case VAL_FLOAT: return a.as.f == b.as.f || (a.as.f != a.as.f && b.as.f != b.as.f);
  default: return a.as.o == b.as.o;
  }
}

#endif
