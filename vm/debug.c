/* debug.c — opcode metadata, the disassembler and the op tracer. */
#include <string.h>
#include "debug.h"

#include <unistd.h>

#include "../lib/format.h"

const OpInfo op_info[BC__COUNT] = {
#define OPCODE(name, operands, effect) {#name, operands, effect},
#include "opcodes.h"
#undef OPCODE
};

int debug_op_length(uint8_t op) {
  return op < BC__COUNT ? 1 + op_info[op].operand_bytes : 1;
}

static uint16_t arg16(const uint8_t *ins, int which) {
  const uint8_t *p = ins + 1 + 2 * which;
  return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t arg32(const uint8_t *ins) {
  return (uint32_t)ins[1] | ((uint32_t)ins[2] << 8) | ((uint32_t)ins[3] << 16) |
         ((uint32_t)ins[4] << 24);
}

bool debug_is_jump(uint8_t op) {
  switch (op) {
  case BC_JUMP:
  case BC_JUMP_BACKWARD:
  case BC_POP_JUMP_IF_FALSE:
  case BC_POP_JUMP_IF_TRUE:
  case BC_JUMP_IF_FALSE_OR_POP:
  case BC_JUMP_IF_TRUE_OR_POP:
  case BC_COMPARE_JUMP_IF_FALSE:
  case BC_COMPARE_JUMP_IF_TRUE:
  case BC_FOR_ITER: return true;
  default: return false;
  }
}

int debug_stack_effect(const uint8_t *ins, bool jump) {
  uint8_t op = ins[0];
  int effect = op_info[op].effect;
  if (effect != VAR_EFFECT) return effect;
  int a = op_info[op].operand_bytes >= 2 ? arg16(ins, 0) : 0;
  switch (op) {
  case BC_BUILD_SLICE: return 1 - a;
  case BC_JUMP_IF_FALSE_OR_POP:
  case BC_JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
  case BC_FOR_ITER: return jump ? -1 : 1;
  case BC_BUILD_TUPLE:
  case BC_BUILD_LIST:
  case BC_BUILD_SET:
  case BC_BUILD_STRING: return 1 - a;
  case BC_BUILD_MAP: return 1 - 2 * a;
  case BC_FORMAT_VALUE: return (a & 4) ? -1 : 0;
  case BC_UNPACK_SEQUENCE: return a - 1;
  case BC_UNPACK_EX: return (a & 0xFF) + (a >> 8);
  case BC_CALL:
  case BC_CALL_KW: return -a;
  case BC_CALL_METHOD:
  case BC_CALL_METHOD_KW: return -(a + 1);
  case BC_CALL_EX: return -(1 + a);
  case BC_MAKE_FUNCTION: return -(!!(a & 1) + !!(a & 2) + !!(a & 4));
  case BC_BUILD_CLASS: return -a;
  case BC_RAISE: return -a;
  default: return 0;
  }
}

int debug_stack_peak(const uint8_t *ins) {
  switch (ins[0]) {
  case BC_WITH_EXCEPT_START: return 4; /* the call's arguments, briefly */
  case BC_BUILD_SET:
  case BC_BUILD_MAP: return 1;
  default: return 0;
  }
}

/* ------------------------------------------------------- disassembler */

static void put_value(FILE *out, Value v) {
  if (IS_OBJ_TYPE(v, OBJ_CODE)) {
    fprintf(out, "<code %s>", AS_CODE(v)->qualname->chars);
    return;
  }
  Value saved = vm.exc;
  ObjString *s = vm_repr(v);
  vm.exc = saved;
  if (!s) {
    fputs("<?>", out);
    return;
  }
  if (s->len > 40)
    fprintf(out, "%.37s...", s->chars);
  else
    fputs(s->chars, out);
}

static const char *binop_name(int op) {
  static const char *const names[] = {
      "+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "|=", "^=", "&="};
  return op >= 0 && op < (int)ASY_ARRAY_LEN(names) ? names[op] : "?";
}

/* Annotation after an instruction's operand: the name or constant it means. */
static void describe_operand(ObjCode *code, const uint8_t *ins, FILE *out) {
  uint8_t op = ins[0];
  uint16_t a = op_info[op].operand_bytes >= 2 ? arg16(ins, 0) : 0;
  switch (op) {
  case BC_LOAD_CONST:
    if (a < code->nconsts) {
      fputs(" (", out);
      put_value(out, code->consts[a]);
      fputc(')', out);
    }
    break;
  case BC_LOAD_SMALL_INT: fprintf(out, " (%d)", (int16_t)a); break;
  case BC_LOAD_FAST:
  case BC_STORE_FAST:
  case BC_DELETE_FAST:
  case BC_MAKE_CELL:
  case BC_LOAD_DEREF:
  case BC_STORE_DEREF:
  case BC_DELETE_DEREF:
  case BC_LOAD_CLOSURE:
  case BC_LOAD_CLASSDEREF:
    if (a < code->nslots) fprintf(out, " (%s)", code->varnames[a]->chars);
    break;
  case BC_LOAD_GLOBAL:
  case BC_STORE_GLOBAL:
  case BC_DELETE_GLOBAL:
  case BC_LOAD_NAME:
  case BC_STORE_NAME:
  case BC_DELETE_NAME:
  case BC_LOAD_ATTR:
  case BC_STORE_ATTR:
  case BC_DELETE_ATTR:
  case BC_LOAD_METHOD:
  case BC_IMPORT_NAME:
  case BC_IMPORT_FROM:
    if (a < code->nnames) fprintf(out, " (%s)", code->names[a]->chars);
    break;
  case BC_INPLACE: fprintf(out, " (%s)", binop_name(a)); break;
  case BC_LOAD_FAST_LOAD_FAST: {
    uint16_t b = arg16(ins, 1);
    if (a < code->nslots && b < code->nslots)
      fprintf(out, " (%s, %s)", code->varnames[a]->chars, code->varnames[b]->chars);
    break;
  }
  case BC_INPLACE_STORE_FAST: {
    uint16_t slot = arg16(ins, 1);
    if (slot < code->nslots) fprintf(out, " (%s %s)", code->varnames[slot]->chars, binop_name(a));
    break;
  }
  case BC_INPLACE_IMM_STORE_FAST: {
    uint16_t slot = arg16(ins, 2);
    if (slot < code->nslots)
      fprintf(out, " (%s %s %d)", code->varnames[slot]->chars, binop_name(arg16(ins, 1)),
              (int16_t)a);
    break;
  }
  case BC_BINARY_OP_IMM:
  case BC_INPLACE_IMM: {
    /* "+=" names the operator; a plain binary op drops the "=". */
    const char *name = binop_name(arg16(ins, 1));
    int len = (int)strlen(name) - (op == BC_BINARY_OP_IMM);
    fprintf(out, " (%.*s %d)", len, name, (int16_t)a);
    break;
  }
  case BC_CALL_KW:
  case BC_CALL_METHOD_KW:
  case BC_BUILD_CLASS: {
    uint16_t k = arg16(ins, 1);
    if (k < code->nconsts) {
      fputs(" (", out);
      put_value(out, code->consts[k]);
      fputc(')', out);
    }
    break;
  }
  case BC_GET_AWAITABLE:
    fputs(a == 0 ? "" : a == 1 ? " (after __aenter__)" : " (after __aexit__)", out);
    break;
  default: break;
  }
}

uint32_t debug_disassemble_instruction(ObjCode *code, uint32_t offset, FILE *out, bool color) {
  const uint8_t *ins = code->code + offset;
  uint8_t op = ins[0];
  if (op >= BC__COUNT) {
    fprintf(out, "%6u  <bad opcode %u>\n", offset, op);
    return offset + 1;
  }
  const LineEntry *le = code_line_at(code, offset);
  const LineEntry *prev = offset ? code_line_at(code, offset - 1) : NULL;
  bool new_line = le && (!prev || prev->line != le->line || offset == 0);
  if (new_line)
    fprintf(out, "%5d ", le->line);
  else
    fputs("      ", out);
  /* An await point is where the task can be suspended: mark it. */
  bool await_point = op == BC_YIELD_FROM || op == BC_YIELD_VALUE;
  const char *mark = await_point ? (color ? "\033[1;35m>>\033[0m" : ">>") : "  ";
  fprintf(out, "%s %5u %s%-22s%s", mark, offset, color && await_point ? "\033[1m" : "",
          op_info[op].name, color && await_point ? "\033[0m" : "");
  int nb = op_info[op].operand_bytes;
  if (debug_is_jump(op)) {
    fprintf(out, " %u", arg32(ins));
    if (op == BC_FOR_ITER) fputs(" (to end of loop)", out);
    if (op == BC_COMPARE_JUMP_IF_FALSE || op == BC_COMPARE_JUMP_IF_TRUE) {
      static const char *const cmp[] = {"==", "!=", "<", "<=", ">", ">="};
      int a = ins[5] | (ins[6] << 8);
      fprintf(out, " (%s)", a >= OP_EQ && a <= OP_GE ? cmp[a - OP_EQ] : "?");
    }
  } else if (nb == 2) {
    fprintf(out, " %u", arg16(ins, 0));
  } else if (nb == 4 && (op == BC_BINARY_OP_IMM || op == BC_INPLACE_IMM)) {
    fprintf(out, " %d %u", (int16_t)arg16(ins, 0), arg16(ins, 1));
  } else if (nb == 4) {
    fprintf(out, " %u %u", arg16(ins, 0), arg16(ins, 1));
  } else if (op == BC_INPLACE_IMM_STORE_FAST) {
    fprintf(out, " %d %u %u", (int16_t)arg16(ins, 0), arg16(ins, 1), arg16(ins, 2));
  }
  describe_operand(code, ins, out);
  if (op == BC_YIELD_FROM)
    fputs(offset > 0 && code->code[offset - 3] == BC_GET_AWAITABLE ? "  [await: may suspend]"
                                                                   : "  [yield from: may suspend]",
          out);
  if (op == BC_YIELD_VALUE) fputs("  [yield: suspends]", out);
  fputc('\n', out);
  return offset + (uint32_t)(1 + nb);
}

static const char *code_kind(ObjCode *code) {
  if (code->flags & CODE_MODULE) return "module";
  if (code->flags & CODE_CLASSBODY) return "class body";
  if (code->flags & CODE_ASYNCGEN) return "async generator";
  if (code->flags & CODE_COROUTINE) return "coroutine (async def)";
  if (code->flags & CODE_GENERATOR) return "generator";
  return "function";
}

void debug_disassemble(ObjCode *code, FILE *out, bool color) {
  fprintf(out, "%sDisassembly of %s%s (%s, %s line %d):\n", color ? "\033[1m" : "",
          code->qualname->chars, color ? "\033[0m" : "", code_kind(code), code->filename->chars,
          code->firstline);
  if (code->nslots) {
    fputs("  slots:", out);
    for (uint32_t i = 0; i < code->nslots; i++) fprintf(out, " %u=%s", i, code->varnames[i]->chars);
    fprintf(out, "  (args %u, locals %u, free %u)\n", code->argcount, code->nlocals, code->nfree);
  }
  fprintf(out, "  stack size %u\n", code->stacksize);
  for (uint32_t off = 0; off < code->count;)
    off = debug_disassemble_instruction(code, off, out, color);
  if (code->nhandlers) {
    fputs("  exception table:\n", out);
    for (uint32_t i = 0; i < code->nhandlers; i++) {
      ExcEntry *h = &code->handlers[i];
      fprintf(out, "    %u to %u -> %u [depth %u]\n", h->start, h->end, h->target, h->depth);
    }
  }
  fputc('\n', out);
  for (uint32_t i = 0; i < code->nconsts; i++) {
    if (IS_OBJ_TYPE(code->consts[i], OBJ_CODE))
      debug_disassemble(AS_CODE(code->consts[i]), out, color);
  }
}

void debug_trace_op(Frame *f, uint8_t *ip) {
  ObjCode *code = f->code;
  uint32_t offset = (uint32_t)(ip - code->code);
  fprintf(stderr, "[op] %-16.16s depth %-3td", code->qualname->chars,
          f->sp - (f->slots + code->nslots));
  debug_disassemble_instruction(code, offset, stderr, false);
}
