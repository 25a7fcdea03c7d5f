/* show.c — wiring --trace/--timeline/--sched into the VM. */
#include "../vm/debug.h"
#include "cli.h"

void cli_apply_options(const CliOptions *o) {
  if (o->trace_ops) {
    vm.trace_ops = true;
    vm.op_hook = debug_trace_op;
  }
}

int cli_finish(const CliOptions *o, int status) {
  (void)o;
  return status;
}
