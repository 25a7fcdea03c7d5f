/* repl.h — the interactive REPL (DESIGN §6, issue 4), in four parts:
 *
 *   complete.c   pure text helpers: is an input complete (the parser's
 *                codeop rule), which word Tab completes, common prefixes,
 *                where the edited line starts on screen; no VM, no terminal
 *   repl_term.c  the terminal: a reader thread doing blocking line reads
 *                (libedit when built with it, plain reads otherwise),
 *                history, and the capture of background output so the line
 *                being typed is redrawn below it; never touches VM objects
 *   repl.c       the session: one event loop for all inputs, running each
 *                input (top-level await as a task), Ctrl-C, leaving
 *   repl_cmd.c   the `:` commands that show the loop (:tasks, :loop, :tree,
 *                :step, :iter, :dis, ...) and the names Tab completion offers
 *
 * Invariants:
 * - Only the main thread touches the VM. The reader thread exchanges plain
 *   C strings with it through ReplMsg values and a pipe the session loop
 *   watches (loop_add_watch), so waiting for a line is one more fd on the
 *   selector and background tasks keep running meanwhile.
 * - The reader reads only when the main thread asks (repl_term_ask): the
 *   prompt (`>>> ` or `... `) is the main thread's decision, and nothing is
 *   read from the terminal while an input runs.
 * - While the prompt waits, fds 1 and 2 point at a capture file: whatever
 *   background tasks print is shown after the loop iteration that printed
 *   it, above the prompt, and the line being typed is drawn again.
 */
#ifndef ASY_REPL_H
#define ASY_REPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../vm/vm.h"

/* ---------------------------------------------------------- complete.c */

typedef enum {
  REPL_INPUT_COMPLETE,   /* run it */
  REPL_INPUT_INCOMPLETE, /* ask for another line (`... `) */
  REPL_INPUT_ERROR,      /* a syntax error no further line can fix */
} ReplInputKind;

/* Classify the lines entered so far, joined by '\n' (no final newline
 * unless the last line was empty), by Python's codeop rule. */
ReplInputKind repl_classify(const char *src, size_t len);
/* Whether the n bytes at s are only spaces and tabs. */
bool repl_is_blank(const char *s, size_t n);
/* Byte offset where the dotted name ending at cursor starts (the text Tab
 * completes, e.g. "asyncio.sl" in "x = asyncio.sl"). */
size_t repl_word_start(const char *line, size_t cursor);
/* Length in bytes of the prefix all n strings share, never splitting a
 * UTF-8 sequence. */
size_t repl_common_prefix(char *const *items, size_t n);
/* What Tab appends after a completed keyword: "" , " " or ":". */
const char *repl_keyword_suffix(const char *kw);
/* The Python keywords, NULL-terminated. */
extern const char *const repl_keywords[];
/* Rows between the first row of an edited line and the cursor's row, for a
 * prompt of prompt_cols columns and text_cols columns before the cursor. */
int repl_rows_above(int prompt_cols, int text_cols, int term_cols);
/* Terminal columns taken by n bytes of UTF-8 (one per code point). */
int repl_text_cols(const char *s, size_t n);
/* Split a ":name arg" command line: the name (without ':') is copied into
 * name (at most size-1 bytes); returns the argument, spaces trimmed. */
const char *repl_split_command(const char *line, char *name, size_t size);
/* Print items in columns that fit width, as shells list completions. */
void repl_print_columns(FILE *out, char *const *items, size_t n, int width);

/* --------------------------------------------------------- repl_term.c */

typedef enum {
  REPL_MSG_NONE,
  REPL_MSG_LINE,      /* text: the line, without its newline */
  REPL_MSG_EOF,       /* Ctrl-D on an empty line, or end of input */
  REPL_MSG_INTERRUPT, /* Ctrl-C while the line was being edited */
  REPL_MSG_COMPLETE,  /* text: the line up to the cursor; answer with repl_term_answer */
} ReplMsgKind;

typedef struct {
  ReplMsgKind kind;
  char *text; /* malloc'd (LINE, COMPLETE), the receiver frees it */
} ReplMsg;

/* Start the reader thread on the terminal; history lives in history_path
 * (NULL: none). Returns false when the terminal cannot be used. */
bool repl_term_start(const char *history_path);
/* Stop the reader thread and put the terminal and fds 1/2 back. */
void repl_term_stop(void);
/* The fd that becomes readable when a message is waiting. */
int repl_term_fd(void);
/* Ask the reader for one line, shown with this prompt. */
void repl_term_ask(const char *prompt);
/* Take the next message (kind NONE when there is none); never blocks. */
ReplMsg repl_term_take(void);
/* Answer a COMPLETE message: the replacement starts at byte `start` of the
 * line, with these n candidates (copied). */
void repl_term_answer(size_t start, char *const *cands, size_t n);
/* Abort the line being edited (Ctrl-C): async-signal-safe. */
void repl_term_cancel(void);
/* Point fds 1 and 2 at the capture file while the prompt waits. */
void repl_term_capture_begin(void);
/* Show what was captured above the edited line, and redraw the line. */
void repl_term_capture_flush(void);
/* Show what is left and point fds 1 and 2 back at the terminal. */
void repl_term_capture_end(void);
/* Whether the line editor (libedit) is in use. */
bool repl_term_editing(void);

/* ------------------------------------------------- repl.c, repl_cmd.c */

/* The session: everything the REPL keeps across inputs (GC-marked). */
/* vm/loop.h is not included here: its SCHED_* names clash with <sched.h>,
 * which the terminal code gets through <pthread.h>. */
struct ObjLoop;
struct ObjTask;

typedef struct {
  struct ObjLoop *loop;       /* the one event loop of the session */
  ObjDict *globals;           /* __main__'s dict: `asy -i FILE` shares it */
  Value watch_cb;             /* the native the loop calls when the reader has news */
  struct ObjTask *input_task; /* the task running the current input, or NULL */
  bool color;                 /* colored :dis listings */
  bool paused;                /* :pause: the loop does not run while the prompt waits */
  bool have_pending;          /* `pending` holds the reader's answer */
  ReplMsg pending;
} ReplSession;

/* Run a command line (it starts with ':'). */
void repl_command(ReplSession *s, const char *line);
/* Answer a completion request for text (the line up to the cursor). */
void repl_complete(ReplSession *s, const char *text);
/* The loop's callback for the reader's pipe (also called directly while
 * the loop is paused): takes the reader's messages. */
Value repl_on_input(int argc, Value *argv, ObjTuple *kw);
/* Whether anything in the loop is due now: ready entries or expired timers. */
bool repl_loop_due(struct ObjLoop *l);

#endif
