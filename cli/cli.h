/* cli.h — the `asy` command's options and the pieces of cli/ that share
 * them: main.c (running a program), repl.c (the interactive loop) and
 * show.c (trace, timeline and scheduling options wired to the VM). */
#ifndef ASY_CLI_H
#define ASY_CLI_H

#include "../vm/vm.h"

typedef struct {
  const char *code; /* -c CODE */
  int first_arg;    /* index of FILE (or the first argument) in argv */
  bool interactive; /* -i */
  bool check, dis, debug, no_color;
  bool trace, trace_ops;
  bool virtual_clock;
  bool timeline;
  const char *timeline_file; /* --timeline=FILE */
  const char *sched;         /* --sched=MODE */
} CliOptions;

/* Print how an exception ended the program; returns the exit status. */
int cli_report_exception(Value exc);
/* The interactive REPL; returns the exit status. */
int cli_repl(const CliOptions *o);
/* Wire the observation options (trace, timeline, scheduling) into the VM. */
void cli_apply_options(const CliOptions *o);
/* Called once at exit: draw the timeline, etc.; returns the final status. */
int cli_finish(const CliOptions *o, int status);

#endif
