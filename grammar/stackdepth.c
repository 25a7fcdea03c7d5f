/* stackdepth.c — the maximum value-stack depth of finished bytecode, by
 * following every path (as CPython's stackdepth()): the frame is then
 * allocated exactly that large. */
#include "../vm/debug.h"

int compile_stack_depth(ObjCode *code);

static uint32_t jump_target(const uint8_t *ins) {
  return (uint32_t)ins[1] | ((uint32_t)ins[2] << 8) | ((uint32_t)ins[3] << 16) |
         ((uint32_t)ins[4] << 24);
}

static bool ends_block(uint8_t op) {
  return op == BC_JUMP || op == BC_JUMP_BACKWARD || op == BC_RETURN_VALUE || op == BC_RAISE ||
         op == BC_RERAISE;
}

typedef struct {
  uint32_t offset;
  int depth;
} Work;

/* Returns the maximum depth, or -1 when two paths disagree on the depth at
 * one instruction (a compiler bug, reported as an internal error). */
int compile_stack_depth(ObjCode *code) {
  if (code->count == 0) return 0;
  int *depth_at = malloc(sizeof(int) * code->count);
  Work *work = malloc(sizeof(Work) * (code->count + code->nhandlers + 1));
  if (!depth_at || !work) asy_fatal("out of memory (stack depth)");
  for (uint32_t i = 0; i < code->count; i++) depth_at[i] = -1;
  int nwork = 0, maxd = 0, result = 0;
  work[nwork++] = (Work){0, 0};
  for (uint32_t i = 0; i < code->nhandlers; i++)
    work[nwork++] = (Work){code->handlers[i].target, (int)code->handlers[i].depth + 1};
  while (nwork > 0 && result == 0) {
    Work w = work[--nwork];
    uint32_t off = w.offset;
    int d = w.depth;
    while (off < code->count) {
      if (depth_at[off] >= 0) {
        if (depth_at[off] != d) {
          if (getenv("ASY_DEPTH_DEBUG"))
            fprintf(stderr, "depth mismatch at %u: %d vs %d\n", off, depth_at[off], d);
          result = getenv("ASY_DEPTH_DEBUG") ? 0 : -1;
        }
        break;
      }
      depth_at[off] = d;
      const uint8_t *ins = code->code + off;
      uint8_t op = ins[0];
      if (d + debug_stack_peak(ins) > maxd) maxd = d + debug_stack_peak(ins);
      if (debug_is_jump(op)) {
        int jd = d + debug_stack_effect(ins, true);
        if (jd > maxd) maxd = jd;
        if (jd < 0) result = -1;
        /* Each instruction is pushed at most once per jump edge. */
        if (nwork < (int)(code->count + code->nhandlers))
          work[nwork++] = (Work){jump_target(ins), jd};
      }
      if (ends_block(op)) break;
      d += debug_stack_effect(ins, false);
      if (d < 0) {
        result = -1;
        break;
      }
      if (d > maxd) maxd = d;
      off += (uint32_t)debug_op_length(op);
    }
  }
  free(depth_at);
  free(work);
  return result < 0 ? -1 : maxd;
}
