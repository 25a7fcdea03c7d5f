/* debug.h — what each opcode looks like (from opcodes.h), the
 * disassembler behind `asy --dis` and `:dis`, and the per-instruction
 * tracer behind `--trace=ops`.
 *
 * Invariants: every table here is generated from opcodes.h, so the
 * interpreter, the disassembler and the tracer cannot disagree about an
 * instruction's name, size or stack effect.
 */
#ifndef ASY_DEBUG_H
#define ASY_DEBUG_H

#include <stdio.h>

#include "vm.h"

typedef struct {
  const char *name;
  uint8_t operand_bytes;
  int8_t effect; /* VAR_EFFECT (99) when it depends on the operand */
} OpInfo;

extern const OpInfo op_info[BC__COUNT];

/* Bytes an instruction with this opcode occupies. */
int debug_op_length(uint8_t op);
/* Net stack effect of one instruction (taking the jump, when jump is true). */
int debug_stack_effect(const uint8_t *ins, bool jump);
/* Deepest the stack gets within one instruction beyond its start depth. */
int debug_stack_peak(const uint8_t *ins);
/* Whether the opcode transfers control to its u32 operand. */
bool debug_is_jump(uint8_t op);
/* Write one instruction (with names and constants resolved); returns the
 * offset of the next. */
uint32_t debug_disassemble_instruction(ObjCode *code, uint32_t offset, FILE *out, bool color);
/* Write a code object's listing, then those of the code objects it holds. */
void debug_disassemble(ObjCode *code, FILE *out, bool color);
/* The tracer hook for --trace=ops (installed as vm.op_hook). */
void debug_trace_op(Frame *f, uint8_t *ip);

#endif
