/* repl.c — the interactive loop (first version: line-based). */
#include <stdio.h>

#include "../grammar/compile.h"
#include "cli.h"

int cli_repl(const CliOptions *o) {
  (void)o;
  char line[4096];
  printf("asy %s REPL\n", ASY_VERSION);
  for (;;) {
    fputs(">>> ", stdout);
    fflush(stdout);
    if (!fgets(line, sizeof line, stdin)) break;
    ObjCode *code = compile_source(line, strlen(line), "<stdin>", COMPILE_SINGLE);
    if (!code) {
      cli_report_exception(vm_take_exc());
      continue;
    }
    Frame *f = vm_make_module_frame(code, vm.main_module->dict);
    Value r;
    if (f && vm_run_frame(f, &r) != RUN_RETURN) cli_report_exception(vm_take_exc());
  }
  return 0;
}
