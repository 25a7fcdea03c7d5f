/* opcodes.h — every bytecode instruction, defined once.
 *
 * OPCODE(name, operand_bytes, stack_effect) — expanded into the Opcode enum
 * (vm.h), the disassembler's table (debug.c), the tracer and the dispatch
 * table (vm.c). An instruction is one opcode byte followed by its operands,
 * little-endian: 2 bytes are one u16 (an index or a count), 4 bytes are
 * either a u32 absolute jump target (jumps) or two u16s.
 * stack_effect is the net change of the value-stack depth; VAR_EFFECT marks
 * instructions whose effect depends on the operand (the compiler computes
 * those in compile_stack_effect).
 *
 * Stack pictures below read bottom → top: [a, b] means b is on top.
 */
#ifndef VAR_EFFECT
#define VAR_EFFECT 99
#endif

/* --- stack shuffling */
OPCODE(NOP, 0, 0)         /* does nothing (a jump target, a line marker) */
OPCODE(POP_TOP, 0, -1)    /* [x] → [] */
OPCODE(DUP_TOP, 0, 1)     /* [x] → [x, x] */
OPCODE(DUP_TOP_TWO, 0, 2) /* [a, b] → [a, b, a, b] */
OPCODE(ROT_TWO, 0, 0)     /* [a, b] → [b, a] */
OPCODE(ROT_THREE, 0, 0)   /* [a, b, c] → [c, a, b] */
OPCODE(ROT_FOUR, 0, 0)    /* [a, b, c, d] → [d, a, b, c] */

/* --- constants and variables */
OPCODE(LOAD_CONST, 2, 1)           /* push consts[k] */
OPCODE(LOAD_NONE, 0, 1)            /* push None */
OPCODE(LOAD_TRUE, 0, 1)            /* push True */
OPCODE(LOAD_FALSE, 0, 1)           /* push False */
OPCODE(LOAD_SMALL_INT, 2, 1)       /* push the operand as a signed 16-bit int */
OPCODE(LOAD_FAST, 2, 1)            /* push local slot i; UnboundLocalError if unset */
OPCODE(LOAD_FAST_LOAD_FAST, 4, 2)  /* two LOAD_FASTs in one dispatch (the compiler fuses them) */
OPCODE(STORE_FAST, 2, -1)          /* pop into local slot i */
OPCODE(DELETE_FAST, 2, 0)          /* unbind local slot i */
OPCODE(MAKE_CELL, 2, 0)            /* wrap local slot i in a new cell (function entry) */
OPCODE(LOAD_DEREF, 2, 1)           /* push the value of the cell in slot i */
OPCODE(STORE_DEREF, 2, -1)         /* pop into the cell in slot i */
OPCODE(DELETE_DEREF, 2, 0)         /* empty the cell in slot i */
OPCODE(LOAD_CLOSURE, 2, 1)         /* push the cell object of slot i (to build a closure) */
OPCODE(LOAD_GLOBAL, 2, 1)          /* push globals[names[i]], else builtins; NameError */
OPCODE(STORE_GLOBAL, 2, -1)        /* pop into globals[names[i]] */
OPCODE(DELETE_GLOBAL, 2, 0)        /* delete globals[names[i]] */
OPCODE(LOAD_NAME, 2, 1)            /* class body: namespace, then globals, then builtins */
OPCODE(STORE_NAME, 2, -1)          /* class body: pop into namespace[names[i]] */
OPCODE(DELETE_NAME, 2, 0)          /* class body: delete namespace[names[i]] */
OPCODE(LOAD_CLASSDEREF, 2, 1)      /* class body: namespace[varnames[i]], else the cell in slot i */
OPCODE(LOAD_LOCALS, 0, 1)          /* class body: push its namespace dict */
OPCODE(LOAD_ASSERTION_ERROR, 0, 1) /* push the builtin AssertionError (even if shadowed) */

/* --- attributes and items */
OPCODE(LOAD_ATTR, 2, 0)      /* [obj] → [obj.names[i]] */
OPCODE(STORE_ATTR, 2, -2)    /* [v, obj] → [], obj.names[i] = v */
OPCODE(DELETE_ATTR, 2, -1)   /* [obj] → [], del obj.names[i] */
OPCODE(LOAD_METHOD, 2, 1)    /* [obj] → [func, obj] for a plain method, else [UNDEF, attr] */
OPCODE(BINARY_SUBSCR, 0, -1) /* [c, k] → [c[k]] */
OPCODE(STORE_SUBSCR, 0, -3)  /* [v, c, k] → [], c[k] = v */
OPCODE(DELETE_SUBSCR, 0, -2) /* [c, k] → [], del c[k] */
OPCODE(BUILD_SLICE, 2, VAR_EFFECT) /* [lo, hi(, step)] → [slice]; operand 2 or 3 */

/* --- operators: [a, b] → [a op b] */
OPCODE(ADD, 0, -1)
OPCODE(SUBTRACT, 0, -1)
OPCODE(MULTIPLY, 0, -1)
OPCODE(TRUE_DIVIDE, 0, -1)
OPCODE(FLOOR_DIVIDE, 0, -1)
OPCODE(MODULO, 0, -1)
OPCODE(POWER, 0, -1)
OPCODE(MATMUL, 0, -1)
OPCODE(LSHIFT, 0, -1)
OPCODE(RSHIFT, 0, -1)
OPCODE(BIT_AND, 0, -1)
OPCODE(BIT_OR, 0, -1)
OPCODE(BIT_XOR, 0, -1)
OPCODE(INPLACE, 2, -1) /* [a, b] → [a op= b]; operand: the AstOp (tries __iop__ first) */
OPCODE(BINARY_OP_IMM, 4,
       0) /* [a] → [a op k]: LOAD_SMALL_INT k fused with a binary op; operands k, AstOp */
OPCODE(INPLACE_IMM, 4, 0) /* [a] → [a op= k]: likewise for INPLACE */
OPCODE(INPLACE_STORE_FAST, 4,
       -2) /* [a, b] → []: INPLACE op then STORE_FAST slot, fused (`x += y`); operands op, slot */
OPCODE(INPLACE_IMM_STORE_FAST, 6,
       -1) /* [a] → []: INPLACE_IMM k op then STORE_FAST slot (`i += 1`); operands k, op, slot */
OPCODE(NEGATE, 0, 0)      /* [a] → [-a] */
OPCODE(POSITIVE, 0, 0)    /* [a] → [+a] */
OPCODE(NOT, 0, 0)         /* [a] → [not a] */
OPCODE(INVERT, 0, 0)      /* [a] → [~a] */
OPCODE(COMPARE_LT, 0, -1) /* [a, b] → [a < b] */
OPCODE(COMPARE_LE, 0, -1)
OPCODE(COMPARE_EQ, 0, -1)
OPCODE(COMPARE_NE, 0, -1)
OPCODE(COMPARE_GT, 0, -1)
OPCODE(COMPARE_GE, 0, -1)
OPCODE(IS, 0, -1) /* [a, b] → [a is b] */
OPCODE(IS_NOT, 0, -1)
OPCODE(CONTAINS, 0, -1) /* [a, b] → [a in b] */
OPCODE(NOT_CONTAINS, 0, -1)

/* --- control flow; jump operands are absolute code offsets */
OPCODE(JUMP, 4, 0)                          /* ip = target */
OPCODE(JUMP_BACKWARD, 4, 0)                 /* ip = target; a loop edge: polls Ctrl-C */
OPCODE(POP_JUMP_IF_FALSE, 4, -1)            /* pop; jump if falsy */
OPCODE(POP_JUMP_IF_TRUE, 4, -1)             /* pop; jump if truthy */
OPCODE(JUMP_IF_FALSE_OR_POP, 4, VAR_EFFECT) /* falsy: jump keeping it; else pop */
OPCODE(JUMP_IF_TRUE_OR_POP, 4, VAR_EFFECT)  /* truthy: jump keeping it; else pop */
OPCODE(COMPARE_JUMP_IF_FALSE, 6,
       -2) /* [a, b] → []; jump unless `a op b`; operands: target, AstOp */
OPCODE(COMPARE_JUMP_IF_TRUE, 6, -2) /* [a, b] → []; jump if `a op b` */
OPCODE(GET_ITER, 0, 0)              /* [x] → [iter(x)] */
OPCODE(GET_ITER_OWNED, 0,
       0)               /* GET_ITER for `for x in f(...)`: a fresh generator belongs to the loop */
OPCODE(POP_ITER, 0, -1) /* [it] → []: leaving a loop early; closes a generator it owns */
OPCODE(FOR_ITER, 4, VAR_EFFECT) /* [it] → [it, next(it)]; exhausted: pop it, jump */

/* --- building values */
OPCODE(BUILD_TUPLE, 2, VAR_EFFECT)  /* [n items] → [tuple] */
OPCODE(BUILD_LIST, 2, VAR_EFFECT)   /* [n items] → [list] */
OPCODE(BUILD_SET, 2, VAR_EFFECT)    /* [n items] → [set] */
OPCODE(BUILD_MAP, 2, VAR_EFFECT)    /* [k1, v1, ... kn, vn] → [dict] */
OPCODE(BUILD_STRING, 2, VAR_EFFECT) /* [n strs] → [their concatenation] */
OPCODE(LIST_APPEND, 2, -1)          /* [list at depth i .., v] → append v */
OPCODE(SET_ADD, 2, -1)              /* [set at depth i .., v] → add v */
OPCODE(MAP_ADD, 2, -2)              /* [dict at depth i .., k, v] → d[k] = v */
OPCODE(LIST_EXTEND, 2, -1)          /* [list at depth i .., iterable] → extend */
OPCODE(SET_UPDATE, 2, -1)           /* [set at depth i .., iterable] → update */
OPCODE(DICT_UPDATE, 2, -1)          /* [dict at depth i .., mapping] → update ({**m}) */
OPCODE(DICT_MERGE, 2, -1)           /* like DICT_UPDATE, but duplicate keys are an error (f(**m)) */
OPCODE(LIST_TO_TUPLE, 0, 0)         /* [list] → [tuple] */
OPCODE(FORMAT_VALUE, 2,
       VAR_EFFECT) /* [v(, spec)] → [format(v, spec)]; operand: conversion | 4 if spec */
OPCODE(UNPACK_SEQUENCE, 2, VAR_EFFECT) /* [seq] → [item n-1, ..., item 0] */
OPCODE(UNPACK_EX, 2, VAR_EFFECT)       /* a, *b, c = seq; operand: before | after << 8 */

/* --- calls and functions */
OPCODE(CALL, 2, VAR_EFFECT) /* [f, a1..an] → [f(a1..an)] */
OPCODE(CALL_KW, 4,
       VAR_EFFECT) /* [f, args.., kwvalues..] → [result]; operands: count, names const */
OPCODE(CALL_METHOD, 2,
       VAR_EFFECT) /* [m, self, a1..an] → [m(self, a..)]; [UNDEF, f, a..] → [f(a..)] */
OPCODE(CALL_METHOD_KW, 4, VAR_EFFECT) /* CALL_METHOD with keyword names, as CALL_KW */
OPCODE(CALL_EX, 2, VAR_EFFECT) /* [f, args tuple(, kwargs dict)] → [result]; operand 1: has dict */
OPCODE(MAKE_FUNCTION, 2, VAR_EFFECT) /* [defaults?, kwdefaults?, closure?, code] → [function] */
OPCODE(BUILD_CLASS, 4, VAR_EFFECT)   /* [bases.., namespace] → [class]; operands: nbases, name */
OPCODE(RETURN_VALUE, 0, -1)          /* return TOS to the caller */

/* --- generators and coroutines */
OPCODE(YIELD_VALUE, 0, 0) /* [v] → suspend yielding v; resumed: [sent value] */
OPCODE(GET_AWAITABLE, 2,
       0) /* [x] → [awaitable iterator]; operand: 0 await, 1 __aenter__, 2 __aexit__ */
OPCODE(GET_YIELD_FROM_ITER, 0, 0) /* [x] → [iter(x), or x if a generator] */
OPCODE(YIELD_FROM, 0, 0)          /* [it] → [value it returned]; delegates (await / yield from) */
OPCODE(GET_AITER, 0, 0)           /* [x] → [x.__aiter__()] */
OPCODE(GET_ANEXT, 0, 1)           /* [ait] → [ait, awaitable of ait.__anext__()] */
OPCODE(END_ASYNC_FOR, 0, -2) /* handler: [ait, exc] → [] if StopAsyncIteration, else reraise */

/* --- exceptions and with */
OPCODE(RAISE, 2, VAR_EFFECT)    /* operand 0: re-raise current; 1: [exc]; 2: [exc, cause] */
OPCODE(RERAISE, 0, -1)          /* [exc] → raise it again, keeping its traceback */
OPCODE(PUSH_EXC_INFO, 0, 1)     /* [exc] → [previously handled, exc]; exc becomes "handled" */
OPCODE(POP_EXCEPT, 0, -1)       /* [previously handled] → []; restore it as "handled" */
OPCODE(CHECK_EXC_MATCH, 0, 0)   /* [exc, type] → [exc, isinstance(exc, type)] */
OPCODE(BEFORE_WITH, 0, 1)       /* [mgr] → [mgr.__exit__, mgr.__enter__] */
OPCODE(BEFORE_ASYNC_WITH, 0, 1) /* [mgr] → [mgr.__aexit__, mgr.__aenter__] */
OPCODE(WITH_EXCEPT_START, 0, 1) /* [exit, prev, exc] → [exit, prev, exc, exit(type, exc, tb)] */

/* --- modules and the REPL */
OPCODE(IMPORT_NAME, 2, 1)  /* push the module names[i] */
OPCODE(IMPORT_FROM, 2, 1)  /* [mod] → [mod, mod.names[i]] */
OPCODE(IMPORT_STAR, 0, -1) /* [mod] → [], copy its public names into globals */
OPCODE(PRINT_EXPR, 0, -1)  /* REPL: echo repr(TOS) unless None, bind it to _ */
