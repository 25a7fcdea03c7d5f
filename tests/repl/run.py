#!/usr/bin/env python3
"""Drive asy's REPL under a pseudo-terminal, as a student would type at it.

usage: python3 tests/repl/run.py build/cli/asy [-k NAME] [--timeout S] [-v]

Each case starts `asy` on a fresh pty (with a temporary HOME, so history is
the case's own), types input, and waits for text to appear in what the
terminal receives (escape sequences stripped). It prints one line per case
and then `repl: N passed, M failed`; the exit status is 1 when any failed.
"""
import argparse
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import stat
import struct
import subprocess
import sys
import tempfile
import termios
import time
import traceback

ANSI = re.compile(rb"\x1b(\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[=>78])")
TIMEOUT = 10.0
UP = "\x1b[A"
EDITOR = True  # asy was built with libedit (the plain reader cannot redraw)


class Fail(Exception):
    pass


class Repl:
    """One asy process on a pty: type with send(), wait with expect()."""

    def __init__(self, asy, home, args=(), cols=100, rows=40, env=None):
        self.home = home
        e = {k: v for k, v in os.environ.items() if not k.startswith("ASY_")}
        e.update({"HOME": home, "TERM": "xterm", "LANG": "C.UTF-8", "NO_COLOR": "1"})
        e.update(env or {})
        pid, fd = pty.fork()
        if pid == 0:
            try:
                os.execve(asy, [asy, *args], e)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.raw = b""
        self.pos = 0  # expect() searches from here on
        self.status = None

    def _read(self, until):
        while True:
            left = until - time.monotonic()
            if left <= 0:
                return False
            r, _, _ = select.select([self.fd], [], [], left)
            if not r:
                return False
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return None  # the child closed the pty
            if not data:
                return None
            self.raw += data
            return True

    def text(self):
        """Everything received so far, without escape sequences and CRs."""
        return ANSI.sub(b"", self.raw).replace(b"\r", b"").decode("utf-8", "replace")

    def expect(self, what, timeout=None):
        """Wait until `what` (str or compiled regex) appears after the last match."""
        until = time.monotonic() + (timeout or TIMEOUT)
        while True:
            t = self.text()
            m = what.search(t, self.pos) if hasattr(what, "search") else None
            i = m.start() if m else (t.find(what, self.pos) if not hasattr(what, "search") else -1)
            if i >= 0:
                end = m.end() if m else i + len(what)
                self.pos = end
                return t[i:end]
            if not self._read(until):
                raise Fail(f"did not see {what!r}; the terminal showed:\n{t[-1500:]}")

    def prompt(self, timeout=None):
        self.expect(">>> ", timeout)

    def send(self, s):
        os.write(self.fd, s.encode())

    def line(self, s):
        self.send(s + "\r")

    def wait_exit(self, timeout=None):
        until = time.monotonic() + (timeout or TIMEOUT)
        while self.status is None and time.monotonic() < until:
            self._read(min(until, time.monotonic() + 0.05))
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(st)
        if self.status is None:
            raise Fail("asy did not exit; the terminal showed:\n" + self.text()[-1500:])
        return self.status

    def finish(self):
        """Leave politely (Ctrl-D) so sanitizers get to report at exit."""
        if self.status is None:
            self.send("\x15\x04")  # clear the line, then Ctrl-D
            try:
                self.wait_exit(timeout=min(TIMEOUT, 5.0))
            except Fail:
                pass

    def sanitizer_report(self):
        t = self.text()
        for mark in ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer", "runtime error:"):
            i = t.find(mark)
            if i >= 0:
                return t[max(0, i - 200):i + 1500]
        return None

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
        os.close(self.fd)


def define(r, *lines):
    """Type a block (each line, then the empty line that ends it)."""
    r.line(lines[0])
    for ln in lines[1:]:
        r.expect("... ")
        r.line(ln)
    r.expect("... ")
    r.line("")
    r.prompt()


# ---------------------------------------------------------------- cases

def case_banner_and_echo(r):
    r.expect(":help")
    r.prompt()
    r.line("1 + 2")
    r.expect("\n3\n")
    r.prompt()
    r.line("None")
    r.prompt()
    r.line("_ * 2")
    r.expect("\n6\n")


def case_top_level_await(r):
    r.prompt()
    r.line("await asyncio.sleep(0.1, 'done')")
    r.expect("'done'")
    r.prompt()
    r.line("r = await asyncio.gather(asyncio.sleep(0, 1), asyncio.sleep(0.05, 2))")
    r.prompt()
    r.line("r")
    r.expect("[1, 2]")


def case_multiline_def(r):
    r.prompt()
    define(r, "def twice(x):", "    y = x * 2", "    return y")
    r.line("twice(21)")
    r.expect("\n42\n")
    r.prompt()
    define(r, "async def add(a, b):", "    await asyncio.sleep(0)", "    return a + b")
    r.line("await add(40, 2)")
    r.expect("\n42\n")


def case_background_task_prints(r):
    r.prompt()
    define(r, "async def ticker():", "    for i in range(3):",
           "        await asyncio.sleep(0.2)", "        print('tick', i)")
    r.line("t = asyncio.create_task(ticker())")
    r.prompt()
    r.send("x = 1")  # typing, not entered, while the ticks arrive
    r.expect("tick 2")
    # The half-typed line is drawn again below the output, and still there
    # (without libedit the terminal keeps it, but cannot show it again).
    if EDITOR:
        r.expect(">>> x = 1")
    r.line("23")
    r.prompt()
    r.line("x")
    r.expect(re.compile(r"\b123\n"))
    r.prompt()
    r.line("t.done()")
    r.expect("True")


def case_failed_task_reported(r):
    r.prompt()
    define(r, "async def bad():", "    raise ValueError('nobody awaits me')")
    r.line("t = asyncio.create_task(bad())")
    r.prompt()
    r.line("asyncio.create_task(bad())")  # `_` keeps it until the next echo
    r.expect("<Task pending name='Task-2'")
    r.prompt()
    r.line("1 + 1")
    r.expect("Task exception was never retrieved")
    r.expect("future: <Task finished name='Task-2'")
    r.expect("ValueError: nobody awaits me")
    r.prompt()
    r.line("t.exception()")  # the kept task was not reported: its exception waits
    r.expect("ValueError('nobody awaits me')")


def case_ctrl_c_interrupts_loop(r):
    r.prompt()
    define(r, "def spin():", "    print('spinning')", "    while True: pass")
    r.line("spin()")
    r.expect("spinning\n")
    r.send("\x03")
    r.expect(re.compile(r'line 3, in spin\nKeyboardInterrupt'))
    r.prompt()
    r.line("print('waiting'); await asyncio.sleep(30)")
    r.expect("waiting\n")
    time.sleep(0.1)  # into the loop's poll
    r.send("\x03")
    r.expect(re.compile(r'line 1, in <module>\nKeyboardInterrupt'))
    r.prompt()
    r.line("6 * 7")
    r.expect("\n42\n")


def case_ctrl_c_keeps_tasks(r):
    r.prompt()
    define(r, "async def slow():", "    await asyncio.sleep(0.6)", "    print('slow finished')")
    r.line("s = asyncio.create_task(slow(), name='slow')")
    r.prompt()
    define(r, "def spin():", "    print('spinning')", "    while True: pass")
    r.line("spin()")
    r.expect("spinning\n")
    r.send("\x03")
    r.expect("KeyboardInterrupt")
    r.expect("slow finished")  # the loop and its task survived


def case_ctrl_c_at_prompt(r):
    r.prompt()
    r.send("this is not run")
    time.sleep(0.1)
    r.send("\x03")
    r.expect("KeyboardInterrupt")
    r.prompt()
    r.line("6 * 7")
    r.expect("\n42\n")


def case_syntax_error_caret(r):
    r.prompt()
    r.line("x = (1 +* 2)")
    r.expect("SyntaxError")
    t = r.text()
    if "^" not in t:
        raise Fail("no caret line:\n" + t)
    r.prompt()
    r.line("1 +")
    r.expect("SyntaxError: invalid syntax")
    r.prompt()
    r.line("undefined_name")
    r.expect("NameError: name 'undefined_name' is not defined")
    r.prompt()
    r.line("'still alive'")
    r.expect("'still alive'")


def case_tasks_command(r):
    r.prompt()
    define(r, "async def nap():", "    await asyncio.sleep(100)")
    r.line("n = asyncio.create_task(nap(), name='napper')")
    r.prompt()
    r.line("q = asyncio.Queue()")
    r.prompt()
    define(r, "async def consumer():", "    return await q.get()")
    r.line("c = asyncio.create_task(consumer(), name='consumer')")
    r.prompt()
    r.line(":tasks")
    r.expect(re.compile(r"napper \(n\) +waiting +sleep\(100\), (9\d\.\d\d|100\.00) s left +<stdin>:2 in nap\(\)"))
    r.expect(re.compile(r"consumer \(c\) +waiting +Queue\.get\(\) +<stdin>:2 in consumer\(\)"))
    r.prompt()
    r.line(":tree")
    r.expect("Task 'napper' waiting: sleep(100)")
    r.prompt()
    r.line("q.put_nowait(5); await asyncio.sleep(0)")
    r.prompt()
    r.line(":tasks")
    r.expect(re.compile(r"consumer \(c\) +done +returned 5"))


def case_tree_gather(r):
    r.prompt()
    define(r, "async def leaf(d):", "    await asyncio.sleep(d)")
    define(r, "async def parent():", "    await asyncio.gather(leaf(50), leaf(60))")
    r.line("p = asyncio.create_task(parent(), name='parent')")
    r.prompt()
    r.line("await asyncio.sleep(0.05)")
    r.prompt()
    r.line(":tree")
    r.expect("Task 'parent' waiting: gather of 2")
    r.expect(re.compile(r"├─ Task '[^']+' waiting: sleep\(50\)"))
    r.expect(re.compile(r"└─ Task '[^']+' waiting: sleep\(60\)"))
    r.prompt()
    define(r, "async def grouped():", "    async with asyncio.TaskGroup() as tg:",
           "        tg.create_task(leaf(70), name='g1')", "        tg.create_task(leaf(80), name='g2')")
    r.line("gt = asyncio.create_task(grouped(), name='grouped')")
    r.prompt()
    r.line("await asyncio.sleep(0.05)")
    r.prompt()
    r.line(":tree")
    r.expect("Task 'grouped' waiting: end of its TaskGroup (2 tasks left)")
    r.expect("├─ Task 'g1' waiting: sleep(70)")
    r.expect("└─ Task 'g2' waiting: sleep(80)")


def case_step_and_iter(r):
    r.prompt()
    define(r, "async def two_steps():", "    print('first step')",
           "    await asyncio.sleep(0)", "    print('second step')")
    r.line(":pause")
    r.expect("paused")
    r.prompt()
    r.line("t = asyncio.create_task(two_steps(), name='stepper')")
    r.prompt()
    r.line(":loop")
    r.expect("ready (1)")
    r.expect("step of Task 'stepper'")
    r.prompt()
    r.line(":tasks")
    r.expect(re.compile(r"stepper \(t\) +ready"))
    r.prompt()
    r.line(":step")
    r.expect("step: step of Task 'stepper'")
    r.expect("first step")
    r.expect("Task 'stepper' is now ready")
    r.prompt()
    r.line(":iter")
    r.expect("iteration")
    r.expect("second step")
    r.expect("0 pending tasks")
    r.prompt()
    r.line(":step")
    r.expect("nothing is ready")
    r.prompt()
    define(r, "async def later():", "    await asyncio.sleep(0.2)", "    print('timer done')")
    r.line("t2 = asyncio.create_task(later())")
    r.prompt()
    r.line(":iter")  # runs the first step: the task starts sleeping
    r.expect("1 timer")
    r.prompt()
    r.line(":iter")  # waits for the timer, which queues the wake-up
    r.expect("timer due: sleep(0.2)")
    r.prompt()
    r.line(":run")  # the wake-up runs at the prompt
    r.expect("timer done")


def case_clock_and_time(r):
    r.prompt()
    r.line(":time")
    r.expect("real clock")
    r.prompt()
    r.line(":clock virtual")
    r.expect("virtual clock")
    r.prompt()
    r.line("t0 = asyncio.get_running_loop().time()")
    r.prompt()
    r.line("await asyncio.sleep(3600)")  # instant under the virtual clock
    r.prompt(timeout=3)
    r.line("asyncio.get_running_loop().time() - t0")
    r.expect("3600.0")
    r.prompt()
    r.line(":clock real")
    r.expect("real clock")


def case_dis_and_help(r):
    r.prompt()
    define(r, "async def f():", "    await asyncio.sleep(0)")
    r.line(":dis f")
    r.expect("f")
    r.prompt()
    r.line(":dis nope")
    r.expect("no name 'nope'")
    r.prompt()
    r.line(":help")
    r.expect(":tasks")
    r.prompt()
    r.line(":trace on")
    r.expect("narrating the loop")
    r.prompt()
    r.line("await asyncio.sleep(0.01)")
    r.expect(re.compile(r"\[ *\d+\.\d+\] .*Task-\d+ sleeps 0\.01 s"))
    r.prompt()
    r.line(":trace off")
    r.expect("narration off")
    r.prompt()
    r.line(":bogus")
    r.expect("unknown command")


def case_deadlock_explained(r):
    r.prompt()
    r.line("await asyncio.Event().wait()")
    r.expect("deadlock")
    r.prompt()
    r.line("'after'")
    r.expect("'after'")


def case_asyncio_run_hint(r):
    r.prompt()
    define(r, "async def main():", "    return 1")
    r.line("asyncio.run(main())")
    r.expect("cannot be called from a running event loop")
    r.expect("await main()")


def case_ctrl_d_exit(r):
    r.prompt()
    define(r, "async def forever():", "    try:", "        await asyncio.sleep(1000)",
           "    finally:", "        print('cleaned up')")
    r.line("a = asyncio.create_task(forever()); b = asyncio.create_task(forever())")
    r.prompt()
    r.line("await asyncio.sleep(0)")
    r.prompt()
    r.send("\x04")
    r.expect("cleaned up")
    r.expect("cancelled 2 pending tasks")
    st = r.wait_exit()
    if st != 0:
        raise Fail(f"exit status {st}, expected 0")


def case_exit_function(r):
    r.prompt()
    r.line("exit(3)")
    st = r.wait_exit()
    if st != 3:
        raise Fail(f"exit status {st}, expected 3")


def case_background_exit(r):
    r.prompt()
    define(r, "async def bye():", "    await asyncio.sleep(0.2)", "    exit(7)")
    r.line("asyncio.create_task(bye()); None")
    r.prompt()
    st = r.wait_exit()
    if st != 7:
        raise Fail(f"exit status {st}, expected 7")
    if "^C" in r.text():
        raise Fail("the interrupted prompt was marked ^C:\n" + r.text())


def case_ctrl_d_ends_block(r):
    r.prompt()
    r.line("def g():")
    r.expect("... ")
    r.line("    return 'g ran'")
    r.expect("... ")
    r.send("\x04")  # Ctrl-D at `...`: ends the block as an empty line would
    r.prompt()
    r.line("g()")
    r.expect("'g ran'")


def case_history(r, asy, home):
    r.prompt()
    r.line("marker_value = 4321")
    r.prompt()
    r.send("\x04")
    r.wait_exit()
    path = os.path.join(home, ".asy_history")
    if not os.path.exists(path):
        raise Fail("no ~/.asy_history after the first session")
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode != 0o600:
        raise Fail(f"~/.asy_history has mode {mode:o}, expected 600")
    r2 = Repl(asy, home)
    try:
        r2.prompt()
        r2.send(UP)  # the previous session's line comes back
        r2.expect("marker_value = 4321")
        r2.send("\r")
        r2.prompt()
        r2.line("marker_value")
        r2.expect("\n4321\n")
    finally:
        r2.close()


def case_tab_completion(r):
    r.prompt()
    r.send("asyncio.sle\t")
    r.expect("asyncio.sleep(")
    r.send("0, 'tabbed')\r")
    r.expect("'tabbed'")
    r.prompt()
    r.line("my_long_variable = 7")
    r.prompt()
    r.send("my_lo\t\r")
    r.expect("\n7\n")
    r.prompt()
    r.send("asyncio.Queue\t\t")  # several matches: listed
    r.expect("QueueEmpty(")
    r.send("\x15")  # Ctrl-U clears the line
    r.line("'listed'")
    r.expect("'listed'")


def case_interactive_file(r, asy, home):
    script = os.path.join(home, "prog.py")
    with open(script, "w") as f:
        f.write("X = 41\nasync def more():\n    return X + 1\n")
    r2 = Repl(asy, home, args=["-i", script])
    try:
        r2.prompt()
        r2.line("await more()")
        r2.expect("\n42\n")
    finally:
        r2.close()
    r.prompt()


def case_stdin_not_a_tty(r, asy, home):
    out = subprocess.run([asy], input=b"import asyncio\nprint(asyncio.run(asyncio.sleep(0, 'piped')))\n",
                         capture_output=True, timeout=TIMEOUT)
    if out.stdout != b"piped\n" or b">>>" in out.stdout + out.stderr:
        raise Fail(f"stdin not a tty: got {out.stdout!r} {out.stderr!r}")
    r.prompt()


def case_unicode_line(r):
    r.prompt()
    r.line("'café ü'.upper()")
    r.expect("'CAFÉ Ü'")


def case_no_suggestion(r):
    # `python -m asyncio` prints errors with the traceback module, which in
    # 3.11 adds no "Did you mean" (only sys.excepthook does).
    r.prompt()
    r.line("length = 1")
    r.prompt()
    r.line("lenght")
    r.expect("NameError: name 'lenght' is not defined")
    r.prompt()
    r.line("'after'")
    r.expect("'after'")
    if "Did you mean" in r.text():
        raise Fail("the REPL suggested a name:\n" + r.text()[-600:])

CASES = [
    ("banner and echo", case_banner_and_echo),
    ("top-level await", case_top_level_await),
    ("multi-line def then call", case_multiline_def),
    ("background task prints at the prompt", case_background_task_prints),
    ("dropped failed task reported", case_failed_task_reported),
    ("Ctrl-C interrupts running code", case_ctrl_c_interrupts_loop),
    ("Ctrl-C keeps the loop's tasks", case_ctrl_c_keeps_tasks),
    ("Ctrl-C at the prompt clears the line", case_ctrl_c_at_prompt),
    ("syntax error with caret", case_syntax_error_caret),
    ("no 'Did you mean' at the prompt", case_no_suggestion),
    (":tasks and :tree", case_tasks_command),
    (":tree through gather", case_tree_gather),
    (":step, :iter and :loop", case_step_and_iter),
    (":time and :clock", case_clock_and_time),
    (":dis, :help, :trace", case_dis_and_help),
    ("deadlock explained", case_deadlock_explained),
    ("asyncio.run hint", case_asyncio_run_hint),
    ("Ctrl-D exits 0, cancelling tasks", case_ctrl_d_exit),
    ("exit(3)", case_exit_function),
    ("exit() in a background task", case_background_exit),
    ("Ctrl-D at ... ends the block", case_ctrl_d_ends_block),
    ("history persists", case_history),
    ("Tab completion", case_tab_completion),
    ("asy -i FILE", case_interactive_file),
    ("stdin not a tty runs a script", case_stdin_not_a_tty),
    ("non-ASCII input", case_unicode_line),
]

NEEDS_EDITOR = {"history persists", "Tab completion"}


def has_libedit(asy):
    """asy loads libedit when the REPL starts (dlopen): built with its
    headers (the name is in the binary) and the library installed."""
    import ctypes.util
    with open(asy, "rb") as f:
        built_with = b"libedit.so.2" in f.read()
    return built_with and ctypes.util.find_library("edit") is not None


def run_case(asy, name, fn, verbose):
    home = tempfile.mkdtemp(prefix="asy-repl-")
    r = Repl(asy, home)
    try:
        if fn.__code__.co_argcount == 3:
            fn(r, asy, home)
        else:
            fn(r)
        r.finish()
        report = r.sanitizer_report()
        return None if report is None else "sanitizer report:\n" + report
    except Fail as e:
        return str(e)
    except Exception:
        return traceback.format_exc()
    finally:
        r.close()
        if verbose:
            sys.stderr.write(f"--- {name}\n{r.text()}\n")
        shutil.rmtree(home, ignore_errors=True)


def main():
    global TIMEOUT, EDITOR
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("asy")
    ap.add_argument("-k", help="run only cases whose name contains this")
    ap.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds per expectation")
    ap.add_argument("-v", action="store_true", help="print each case's terminal text")
    a = ap.parse_args()
    TIMEOUT = a.timeout
    asy = os.path.abspath(a.asy)
    editor = EDITOR = has_libedit(asy)
    passed = failed = 0
    for name, fn in CASES:
        if a.k and a.k not in name:
            continue
        if name in NEEDS_EDITOR and not editor:
            print(f"skip  {name} (built without libedit)")
            continue
        err = run_case(asy, name, fn, a.v)
        if err is None:
            passed += 1
            print(f"ok    {name}")
        else:
            failed += 1
            print(f"FAIL  {name}\n" + "\n".join("      " + ln for ln in err.splitlines()))
        sys.stdout.flush()
    print(f"repl: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
