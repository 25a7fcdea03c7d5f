/* repl_term.c — the REPL's terminal side: a reader thread that reads one
 * line whenever the main thread asks, history, Tab completion plumbing, and
 * the capture that keeps background output from tearing the edited line.
 *
 * Why a thread: the loop must keep running background tasks while the user
 * types, and libedit's callback interface (rl_callback_read_char) was
 * measured to swallow Ctrl-D and garble the line after outside output
 * (shared/BUILD-NOTES.md). So, as `python -m asyncio` does, a thread does
 * the blocking read and hands each line over through a pipe that the event
 * loop watches like any other fd. This file never touches VM objects.
 *
 * Locking: `lock` guards the message queue and requests. `edit` is held by
 * the reader while the line editor works and released only while it waits
 * for a key (in edit_getc) or for completions; the main thread takes it to
 * draw background output above the line and redraw the line. So libedit
 * is never entered by two threads at once. */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "config.h"
#include "repl.h"

#if ASY_HAVE_LIBEDIT
#include <dlfcn.h>
#include <stddef.h>
#include <histedit.h>

/* libedit is loaded when the REPL starts, not linked: loading it and the
 * libraries it needs cost every script run about 1 ms (a third of asy's
 * start-up) for a REPL most runs never open. Without it the plain reader
 * serves. The names below stand for the loaded functions. */
typedef struct {
  __typeof__(el_init) *el_init;
  __typeof__(el_end) *el_end;
  __typeof__(el_set) *el_set;
  __typeof__(el_wset) *el_wset;
  __typeof__(el_get) *el_get;
  __typeof__(el_gets) *el_gets;
  __typeof__(el_line) *el_line;
  __typeof__(el_insertstr) *el_insertstr;
  __typeof__(el_resize) *el_resize;
  __typeof__(el_source) *el_source;
  __typeof__(history_init) *history_init;
  __typeof__(history_end) *history_end;
  __typeof__(history) *history;
} Libedit;
static Libedit libedit;
#define LIBEDIT_SYM(name)                                                                          \
  { #name, offsetof(Libedit, name) }
static const struct {
  const char *name;
  size_t offset;
} libedit_syms[] = {
    LIBEDIT_SYM(el_init),   LIBEDIT_SYM(el_end),       LIBEDIT_SYM(el_set),
    LIBEDIT_SYM(el_wset),   LIBEDIT_SYM(el_get),       LIBEDIT_SYM(el_gets),
    LIBEDIT_SYM(el_line),   LIBEDIT_SYM(el_insertstr), LIBEDIT_SYM(el_resize),
    LIBEDIT_SYM(el_source), LIBEDIT_SYM(history_init), LIBEDIT_SYM(history_end),
    LIBEDIT_SYM(history),
};
_Static_assert(sizeof(Libedit) == sizeof libedit_syms / sizeof libedit_syms[0] * sizeof(void *),
               "one entry per libedit function");
#define el_init libedit.el_init
#define el_end libedit.el_end
#define el_set libedit.el_set
#define el_wset libedit.el_wset
#define el_get libedit.el_get
#define el_gets libedit.el_gets
#define el_line libedit.el_line
#define el_insertstr libedit.el_insertstr
#define el_resize libedit.el_resize
#define el_source libedit.el_source
#define history_init libedit.history_init
#define history_end libedit.history_end
#define history libedit.history
#endif

#define REPL_HISTORY_SIZE 1000
#define REPL_MSG_QUEUE 8

static struct {
  int tty_in, tty_out;      /* the reader's own fds on the terminal */
  int saved_out, saved_err; /* fds 1 and 2 as they were, while capturing */
  int cap_fd;               /* capture file (unlinked), -1 when unused */
  bool capturing;
  int notify[2]; /* reader → main: one byte per message */
  int cancel[2]; /* Ctrl-C → reader (written by the signal handler) */
  int answer[2]; /* main → reader: completions are ready */
  pthread_t thread;
  bool started;

  pthread_mutex_t lock; /* guards the fields down to `answers` */
  pthread_cond_t cond;  /* a request (prompt) or quit for the reader */
  char *prompt;         /* the pending request, NULL when none */
  bool quit;
  ReplMsg queue[REPL_MSG_QUEUE];
  size_t qhead, qlen;
  bool want_answer; /* a COMPLETE request waits for its answer */
  size_t answer_start;
  char **answers;
  size_t nanswers;

  pthread_mutex_t edit; /* held while the editor works (see top) */
  bool editing;         /* the reader is inside a line read */
  bool cancelled;       /* Ctrl-C arrived during this read */
  const char *cur_prompt;
  char *history_path;
  bool use_editor;
  sigset_t old_mask;          /* the main thread's, restored at stop */
  struct sigaction old_winch; /* SIGWINCH's disposition, restored at stop */
#if ASY_HAVE_LIBEDIT
  EditLine *el;
  History *hist;
#endif
} T = {.tty_in = -1,
       .tty_out = -1,
       .saved_out = -1,
       .saved_err = -1,
       .cap_fd = -1,
       .notify = {-1, -1},
       .cancel = {-1, -1},
       .answer = {-1, -1},
       .lock = PTHREAD_MUTEX_INITIALIZER,
       .cond = PTHREAD_COND_INITIALIZER,
       .edit = PTHREAD_MUTEX_INITIALIZER};

static volatile sig_atomic_t winch_seen;

/* ------------------------------------------------------------ helpers */

static void write_all(int fd, const char *s, size_t n) {
  while (n > 0) {
    ssize_t w = write(fd, s, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    s += w;
    n -= (size_t)w;
  }
}

static void write_str(int fd, const char *s) {
  write_all(fd, s, strlen(s));
}

static void drain(int fd) {
  char buf[64];
  while (read(fd, buf, sizeof buf) > 0) {
  }
}

static bool make_pipe(int p[2], bool nonblock_write) {
  if (pipe(p) != 0) return false;
  fcntl(p[0], F_SETFL, O_NONBLOCK);
  fcntl(p[0], F_SETFD, FD_CLOEXEC);
  fcntl(p[1], F_SETFD, FD_CLOEXEC);
  if (nonblock_write) fcntl(p[1], F_SETFL, O_NONBLOCK);
  return true;
}

static void on_sigwinch(int sig) {
  (void)sig;
  winch_seen = 1;
}

/* libedit draws non-ASCII text only in a UTF-8 locale; asy's text is UTF-8. */
static void use_utf8_locale(void) {
  if (setlocale(LC_CTYPE, "") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return;
  if (!setlocale(LC_CTYPE, "C.UTF-8")) setlocale(LC_CTYPE, "C");
}

/* ------------------------------------------------------------ messages */

static void post(ReplMsg m) {
  pthread_mutex_lock(&T.lock);
  if (T.qlen < REPL_MSG_QUEUE) {
    T.queue[(T.qhead + T.qlen) % REPL_MSG_QUEUE] = m;
    T.qlen++;
  } else {
    free(m.text); /* cannot happen: at most a line and a completion wait */
  }
  pthread_mutex_unlock(&T.lock);
  write_all(T.notify[1], "m", 1);
}

ReplMsg repl_term_take(void) {
  ReplMsg m = {REPL_MSG_NONE, NULL};
  pthread_mutex_lock(&T.lock);
  if (T.qlen > 0) {
    m = T.queue[T.qhead];
    T.qhead = (T.qhead + 1) % REPL_MSG_QUEUE;
    T.qlen--;
  }
  if (T.qlen == 0) drain(T.notify[0]);
  pthread_mutex_unlock(&T.lock);
  return m;
}

int repl_term_fd(void) {
  return T.notify[0];
}

void repl_term_ask(const char *prompt) {
  pthread_mutex_lock(&T.lock);
  free(T.prompt);
  T.prompt = strdup(prompt);
  pthread_cond_signal(&T.cond);
  pthread_mutex_unlock(&T.lock);
}

void repl_term_cancel(void) {
  if (T.cancel[1] >= 0) {
    ssize_t w = write(T.cancel[1], "c", 1);
    (void)w;
  }
}

static void free_answers(char **a, size_t n) {
  for (size_t i = 0; i < n; i++) free(a[i]);
  free(a);
}

void repl_term_answer(size_t start, char *const *cands, size_t n) {
  pthread_mutex_lock(&T.lock);
  if (T.want_answer) {
    free_answers(T.answers, T.nanswers);
    T.answers = calloc(n ? n : 1, sizeof(char *));
    T.nanswers = 0;
    for (size_t i = 0; T.answers && i < n; i++) {
      T.answers[i] = strdup(cands[i]);
      if (T.answers[i]) T.nanswers++;
    }
    T.answer_start = start;
    T.want_answer = false;
    write_all(T.answer[1], "a", 1);
  }
  pthread_mutex_unlock(&T.lock);
}

/* Whether repl_term_stop has begun (a cancelled read is then no Ctrl-C). */
static bool quitting(void) {
  pthread_mutex_lock(&T.lock);
  bool q = T.quit;
  pthread_mutex_unlock(&T.lock);
  return q;
}

/* ------------------------------------------------------------ reading keys */

/* One byte from the terminal: 1 read, 0 end of input, -1 Ctrl-C. */
static int read_byte(unsigned char *b) {
  for (;;) {
    struct pollfd p[2] = {{T.tty_in, POLLIN, 0}, {T.cancel[0], POLLIN, 0}};
    if (poll(p, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return 0;
    }
    if (p[1].revents) {
      drain(T.cancel[0]);
      return -1;
    }
    ssize_t n = read(T.tty_in, b, 1);
    if (n == 1) return 1;
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    return 0;
  }
}

#if ASY_HAVE_LIBEDIT

static int term_cols(void) {
  struct winsize ws;
  if (ioctl(T.tty_out, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

/* One character, decoded from UTF-8 here: the editor wants wide chars. */
static int read_wchar(wchar_t *wc) {
  unsigned char b;
  int r = read_byte(&b);
  if (r <= 0) return r;
  int more = b < 0x80 ? 0 : b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : -1;
  if (more < 0) {
    *wc = 0xFFFD;
    return 1;
  }
  uint32_t cp = more == 0 ? b : (uint32_t)(b & (0x3F >> more));
  for (int i = 0; i < more; i++) {
    r = read_byte(&b);
    if (r <= 0) return r;
    cp = (cp << 6) | (b & 0x3F);
  }
  *wc = (wchar_t)cp;
  return 1;
}

static int edit_getc(EditLine *el, wchar_t *wc) {
  if (T.cancelled) return 0;
  pthread_mutex_unlock(&T.edit);
  int r = read_wchar(wc);
  pthread_mutex_lock(&T.edit);
  if (winch_seen) {
    winch_seen = 0;
    el_resize(el);
  }
  if (r < 0) {
    T.cancelled = true;
    return 0; /* end the read; the reader reports an interrupt */
  }
  return r;
}

static char *edit_prompt(EditLine *el) {
  (void)el;
  return (char *)T.cur_prompt;
}

/* Ask the main thread for completions of text; false if Ctrl-C came first.
 * `edit` is released while waiting, so background output can still be
 * drawn. */
static bool ask_completions(char *text, size_t *start, char ***cands, size_t *n) {
  drain(T.answer[0]);
  pthread_mutex_lock(&T.lock);
  T.want_answer = true;
  pthread_mutex_unlock(&T.lock);
  post((ReplMsg){REPL_MSG_COMPLETE, text});
  pthread_mutex_unlock(&T.edit);
  bool got = false;
  for (;;) {
    struct pollfd p[2] = {{T.answer[0], POLLIN, 0}, {T.cancel[0], POLLIN, 0}};
    if (poll(p, 2, -1) < 0 && errno == EINTR) continue;
    if (p[1].revents) {
      drain(T.cancel[0]);
      break;
    }
    if (p[0].revents) {
      got = true;
      break;
    }
  }
  pthread_mutex_lock(&T.edit);
  pthread_mutex_lock(&T.lock);
  if (got && !T.want_answer) {
    *start = T.answer_start;
    *cands = T.answers;
    *n = T.nanswers;
    T.answers = NULL;
    T.nanswers = 0;
  } else {
    got = false;
    T.want_answer = false;
    T.cancelled = true;
  }
  pthread_mutex_unlock(&T.lock);
  return got;
}

/* Insert the text all candidates share, or list them when that adds
 * nothing (a single Tab lists: students should not have to know the
 * double-Tab convention). */
static unsigned char edit_complete(EditLine *el, int ch) {
  (void)ch;
  const LineInfo *li = el_line(el);
  size_t cursor = (size_t)(li->cursor - li->buffer);
  char *text = strndup(li->buffer, cursor);
  if (!text) return CC_ERROR;
  size_t start = 0, n = 0;
  char **cands = NULL;
  if (!ask_completions(text, &start, &cands, &n)) return CC_ERROR;
  li = el_line(el); /* the main thread may have used the editor meanwhile */
  unsigned char result = CC_ERROR;
  size_t typed = cursor >= start ? cursor - start : 0;
  size_t common = repl_common_prefix(cands, n);
  if (n > 0 && common > typed) {
    char *add = strndup(cands[0] + typed, common - typed);
    if (add && el_insertstr(el, add) == 0) result = CC_REFRESH;
    free(add);
  } else if (n > 1) {
    /* List attributes without the object's name, as readline does. */
    size_t skip = 0;
    for (size_t i = 0; i < typed; i++)
      if (li->buffer[start + i] == '.') skip = i + 1;
    for (size_t i = 0; i < n; i++) memmove(cands[i], cands[i] + skip, strlen(cands[i] + skip) + 1);
    FILE *out;
    el_get(el, EL_GETFP, 1, &out);
    fputc('\n', out);
    repl_print_columns(out, cands, n, term_cols());
    fflush(out);
    result = CC_REDISPLAY;
  }
  free_answers(cands, n);
  return result;
}

static void history_save(void) {
  if (!T.history_path) return;
  /* Create it private first: history may hold secrets typed at the prompt. */
  int fd = open(T.history_path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return;
  fchmod(fd, 0600);
  close(fd);
  HistEvent ev;
  history(T.hist, &ev, H_SAVE, T.history_path);
}

/* Load libedit (once); false when it cannot be had. */
static bool editor_load(void) {
  static int loaded = -1;
  if (loaded >= 0) return loaded;
  loaded = 0;
  void *h = dlopen("libedit.so.2", RTLD_NOW | RTLD_LOCAL);
  if (!h) h = dlopen("libedit.so", RTLD_NOW | RTLD_LOCAL);
  if (!h) return false;
  for (size_t i = 0; i < sizeof libedit_syms / sizeof libedit_syms[0]; i++) {
    void *f = dlsym(h, libedit_syms[i].name);
    if (!f) return false;
    /* POSIX lets a function pointer travel through void *; memcpy keeps
     * the compiler's aliasing rules out of it. */
    memcpy((char *)&libedit + libedit_syms[i].offset, &f, sizeof f);
  }
  loaded = 1;
  return true;
}

static bool editor_open(void) {
  if (!editor_load()) return false;
  FILE *in = fdopen(dup(T.tty_in), "r");
  FILE *out = fdopen(dup(T.tty_out), "w");
  if (!in || !out) {
    if (in) fclose(in);
    if (out) fclose(out);
    return false;
  }
  T.el = el_init("asy", in, out, out);
  T.hist = history_init();
  if (!T.el || !T.hist) return false;
  HistEvent ev;
  history(T.hist, &ev, H_SETSIZE, REPL_HISTORY_SIZE);
  history(T.hist, &ev, H_SETUNIQUE, 1);
  if (T.history_path) history(T.hist, &ev, H_LOAD, T.history_path);
  el_set(T.el, EL_EDITOR, "emacs");
  el_set(T.el, EL_SIGNAL, 0); /* our handlers: Ctrl-C is the session's */
  el_set(T.el, EL_PROMPT, edit_prompt);
  el_set(T.el, EL_HIST, history, T.hist);
  el_set(T.el, EL_GETCFN, edit_getc);
  /* The wide form: the narrow one copies the two strings and never frees
   * them (libedit's own "XXX: The two strdup's leak"). */
  el_wset(T.el, EL_ADDFN, L"asy-complete", L"complete a name or attribute", edit_complete);
  el_set(T.el, EL_BIND, "^I", "asy-complete", NULL);
  el_set(T.el, EL_BIND, "^R", "em-inc-search-prev", NULL);
  static const char *const keys[][2] = {
      {"\\e[1~", "ed-move-to-beg"}, {"\\e[4~", "ed-move-to-end"},      {"\\e[H", "ed-move-to-beg"},
      {"\\e[F", "ed-move-to-end"},  {"\\e[3~", "ed-delete-next-char"}, {"\\e[1;5C", "em-next-word"},
      {"\\e[1;5D", "ed-prev-word"},
  };
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
    el_set(T.el, EL_BIND, keys[i][0], keys[i][1], NULL);
  el_source(T.el, NULL); /* ~/.editrc, as other libedit programs */
  return true;
}

static void editor_close(void) {
  if (T.el) el_end(T.el);
  if (T.hist) history_end(T.hist);
  T.el = NULL;
  T.hist = NULL;
}

/* Move below what the editor shows, clearing it: the cursor may be on any
 * row of a long line. Called with `edit` held. */
static void editor_erase(void) {
  const LineInfo *li = el_line(T.el);
  int pcols = repl_text_cols(T.cur_prompt, strlen(T.cur_prompt));
  int tcols = repl_text_cols(li->buffer, (size_t)(li->cursor - li->buffer));
  int up = repl_rows_above(pcols, tcols, term_cols());
  char buf[32];
  if (up > 0) {
    snprintf(buf, sizeof buf, "\r\033[%dA\033[J", up);
    write_str(T.tty_out, buf);
  } else {
    write_str(T.tty_out, "\r\033[J");
  }
}

static void editor_redraw(void) {
  el_set(T.el, EL_REFRESH);
}

/* After Ctrl-C: show the abandoned line whole, marked ^C, and move on. */
static void editor_mark_interrupted(void) {
  const LineInfo *li = el_line(T.el);
  editor_erase();
  write_str(T.tty_out, T.cur_prompt);
  write_all(T.tty_out, li->buffer, (size_t)(li->lastchar - li->buffer));
  write_str(T.tty_out, "^C\n");
}

static ReplMsg editor_read(void) {
  /* Raw mode before the prompt is drawn (el_gets would set it only at the
   * first key): keys typed right after the prompt are not echoed twice. */
  el_set(T.el, EL_PREP_TERM, 1);
  int count = 0;
  const char *s = el_gets(T.el, &count);
  if (T.cancelled) {
    if (quitting())
      write_str(T.tty_out, "\n"); /* the session ends: no ^C to show */
    else
      editor_mark_interrupted();
    return (ReplMsg){REPL_MSG_INTERRUPT, NULL};
  }
  if (!s || count <= 0) {
    write_str(T.tty_out, "\n");
    return (ReplMsg){REPL_MSG_EOF, NULL};
  }
  size_t len = (size_t)count;
  if (s[len - 1] == '\n') len--;
  char *line = strndup(s, len);
  if (!line) return (ReplMsg){REPL_MSG_EOF, NULL};
  if (!repl_is_blank(line, len)) {
    HistEvent ev;
    history(T.hist, &ev, H_ENTER, line);
    history_save();
  }
  return (ReplMsg){REPL_MSG_LINE, line};
}

#else

static bool editor_open(void) {
  return false;
}
static void editor_close(void) {}
static void editor_erase(void) {}
static void editor_redraw(void) {}
static ReplMsg editor_read(void) {
  return (ReplMsg){REPL_MSG_EOF, NULL};
}

#endif

/* Without libedit: the terminal's own line editing (canonical mode). */
static ReplMsg plain_read(void) {
  write_str(T.tty_out, T.cur_prompt);
  size_t cap = 128, len = 0;
  char *buf = malloc(cap);
  if (!buf) return (ReplMsg){REPL_MSG_EOF, NULL};
  for (;;) {
    unsigned char b;
    pthread_mutex_unlock(&T.edit); /* background output may be drawn meanwhile */
    int r = read_byte(&b);
    pthread_mutex_lock(&T.edit);
    if (r < 0) {
      free(buf);
      write_str(T.tty_out, quitting() ? "\n" : "^C\n");
      return (ReplMsg){REPL_MSG_INTERRUPT, NULL};
    }
    if (r == 0 && len == 0) {
      free(buf);
      write_str(T.tty_out, "\n");
      return (ReplMsg){REPL_MSG_EOF, NULL};
    }
    if (r == 0 || b == '\n') break;
    if (len + 1 == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) break;
      buf = nb;
    }
    buf[len++] = (char)b;
  }
  buf[len] = '\0';
  return (ReplMsg){REPL_MSG_LINE, buf};
}

/* ------------------------------------------------------------ the thread */

static ReplMsg read_line(const char *prompt) {
  pthread_mutex_lock(&T.edit);
  T.cur_prompt = prompt;
  T.cancelled = false;
  T.editing = true;
  ReplMsg m = T.use_editor ? editor_read() : plain_read();
  T.editing = false;
  pthread_mutex_unlock(&T.edit);
  return m;
}

static void *reader_main(void *arg) {
  (void)arg;
  sigset_t winch;
  sigemptyset(&winch);
  sigaddset(&winch, SIGWINCH);
  pthread_sigmask(SIG_UNBLOCK, &winch, NULL);
  for (;;) {
    pthread_mutex_lock(&T.lock);
    while (!T.prompt && !T.quit) pthread_cond_wait(&T.cond, &T.lock);
    if (T.quit) {
      pthread_mutex_unlock(&T.lock);
      return NULL;
    }
    char *prompt = T.prompt;
    T.prompt = NULL;
    pthread_mutex_unlock(&T.lock);
    drain(T.cancel[0]); /* a Ctrl-C from before this prompt is spent */
    ReplMsg m = read_line(prompt);
    free(prompt);
    post(m);
  }
}

bool repl_term_start(const char *history_path) {
  T.tty_in = dup(STDIN_FILENO);
  T.tty_out = dup(isatty(STDOUT_FILENO) ? STDOUT_FILENO : STDERR_FILENO);
  if (T.tty_in < 0 || T.tty_out < 0) return false;
  fcntl(T.tty_in, F_SETFD, FD_CLOEXEC);
  fcntl(T.tty_out, F_SETFD, FD_CLOEXEC);
  if (!make_pipe(T.notify, false) || !make_pipe(T.cancel, true) || !make_pipe(T.answer, false))
    return false;
  T.history_path = history_path ? strdup(history_path) : NULL;
  use_utf8_locale();
  const char *term = getenv("TERM");
  bool smart = isatty(T.tty_in) && isatty(STDOUT_FILENO) && !(term && strcmp(term, "dumb") == 0);
  T.use_editor = smart && editor_open();
  if (!T.use_editor) editor_close();
  if (isatty(STDOUT_FILENO)) {
    FILE *cap = tmpfile();
    if (cap) {
      T.cap_fd = fcntl(fileno(cap), F_DUPFD_CLOEXEC, 0);
      fclose(cap);
    }
  }
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigwinch;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGWINCH, &sa, &T.old_winch);
  /* Signals go where they are wanted: SIGINT to the main thread, whose
   * waits and sleeps it must cut short; SIGWINCH to the reader (it
   * unblocks it), so a resize never cuts the main thread's sleeps short. */
  sigset_t block;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGWINCH);
  pthread_sigmask(SIG_BLOCK, &block, &T.old_mask);
  T.started = pthread_create(&T.thread, NULL, reader_main, NULL) == 0;
  sigset_t main_mask = T.old_mask;
  if (T.started) sigaddset(&main_mask, SIGWINCH);
  sigdelset(&main_mask, SIGINT);
  pthread_sigmask(SIG_SETMASK, &main_mask, NULL);
  return T.started;
}

static void close_fd(int *fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

void repl_term_stop(void) {
  repl_term_capture_end();
  if (T.started) {
    pthread_mutex_lock(&T.lock);
    T.quit = true;
    pthread_cond_signal(&T.cond);
    pthread_mutex_unlock(&T.lock);
    repl_term_cancel(); /* if it is reading, stop that read */
    pthread_join(T.thread, NULL);
    T.started = false;
    pthread_sigmask(SIG_SETMASK, &T.old_mask, NULL);
    sigaction(SIGWINCH, &T.old_winch, NULL);
  }
  editor_close();
  while (T.qlen > 0) free(repl_term_take().text);
  free(T.prompt);
  T.prompt = NULL;
  free_answers(T.answers, T.nanswers);
  T.answers = NULL;
  T.nanswers = 0;
  free(T.history_path);
  T.history_path = NULL;
  int *fds[] = {&T.tty_in,    &T.tty_out,   &T.cap_fd,    &T.notify[0], &T.notify[1],
                &T.cancel[0], &T.cancel[1], &T.answer[0], &T.answer[1]};
  for (size_t i = 0; i < sizeof fds / sizeof fds[0]; i++) close_fd(fds[i]);
}

bool repl_term_editing(void) {
  return T.use_editor;
}

/* ------------------------------------------------------------ capture */

void repl_term_capture_begin(void) {
  if (T.cap_fd < 0 || T.capturing) return;
  fflush(stdout);
  fflush(stderr);
  if (T.saved_out < 0) T.saved_out = dup(STDOUT_FILENO);
  if (T.saved_err < 0) T.saved_err = dup(STDERR_FILENO);
  if (T.saved_out < 0 || T.saved_err < 0) return;
  dup2(T.cap_fd, STDOUT_FILENO);
  dup2(T.cap_fd, STDERR_FILENO);
  T.capturing = true;
}

/* Copy the captured bytes to the terminal; whether the last was '\n'. */
static bool copy_captured(off_t n) {
  char buf[8192];
  off_t off = 0;
  char last = '\n';
  while (off < n) {
    size_t want = (size_t)(n - off) < sizeof buf ? (size_t)(n - off) : sizeof buf;
    ssize_t got = pread(T.cap_fd, buf, want, off);
    if (got <= 0) break;
    write_all(T.tty_out, buf, (size_t)got);
    last = buf[got - 1];
    off += got;
  }
  return last == '\n';
}

void repl_term_capture_flush(void) {
  if (!T.capturing) return;
  fflush(stdout);
  fflush(stderr);
  off_t n = lseek(T.cap_fd, 0, SEEK_CUR);
  if (n <= 0) return;
  pthread_mutex_lock(&T.edit);
  bool redraw = T.editing;
  if (redraw) {
    if (T.use_editor)
      editor_erase();
    else
      write_str(T.tty_out, "\r\033[K");
  }
  bool ends_line = copy_captured(n);
  if (redraw && !ends_line) write_str(T.tty_out, "\n");
  if (ftruncate(T.cap_fd, 0) != 0) {
    /* nothing better to do: the next flush shows these bytes again */
  }
  lseek(T.cap_fd, 0, SEEK_SET);
  if (redraw) {
    if (T.use_editor)
      editor_redraw();
    else
      write_str(T.tty_out, T.cur_prompt);
  }
  pthread_mutex_unlock(&T.edit);
}

void repl_term_capture_end(void) {
  if (!T.capturing) return;
  repl_term_capture_flush();
  dup2(T.saved_out, STDOUT_FILENO);
  dup2(T.saved_err, STDERR_FILENO);
  close_fd(&T.saved_out);
  close_fd(&T.saved_err);
  T.capturing = false;
}
