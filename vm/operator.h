/* operator.h — Python's operators, numbered once: the parser records them
 * in the AST, the compiler turns them into instructions, and the VM's
 * vm_binary/vm_compare/vm_unary take them as their `op` argument.
 *
 * Invariant: binary operators come first, in this order (OP_ADD ..
 * OP_BITAND), so tables indexed by them (dunder names, symbols) stay short.
 */
#ifndef ASY_OPERATOR_H
#define ASY_OPERATOR_H

typedef enum {
  OP_ADD,
  OP_SUB,
  OP_MUL,
  OP_MATMUL,
  OP_DIV,
  OP_FLOORDIV,
  OP_MOD,
  OP_POW,
  OP_LSHIFT,
  OP_RSHIFT,
  OP_BITOR,
  OP_BITXOR,
  OP_BITAND,
  /* unary */
  OP_NOT,
  OP_NEG,
  OP_POS,
  OP_INVERT,
  /* bool */
  OP_AND,
  OP_OR,
  /* comparison */
  OP_EQ,
  OP_NE,
  OP_LT,
  OP_LE,
  OP_GT,
  OP_GE,
  OP_IS,
  OP_ISNOT,
  OP_IN,
  OP_NOTIN,
} Operator;

#endif
