#!/usr/bin/env python3
"""Golden-output test runner for asy (python3 standard library only).

    golden.py [--interp CMD] [--flags STR] [--clock virtual|real|both]
              [--both-clocks] [--errors] [--cpython] [-k SUBSTR] [--list]
              [-j N] [--timeout S] [-v] DIR|FILE...

A test is NAME.py (or NAME.asy) next to NAME.py.out, its expected stdout.
Optional companions: NAME.py.rc (expected exit status, default 0),
NAME.py.err (expected stderr, compared in --errors mode), NAME.py.flags
(extra interpreter flags, one line; a --clock= there overrides the runner's),
NAME.py.stdin (fed on stdin; otherwise /dev/null). Each test runs with cwd = its directory and its bare file name as
argument, so tracebacks say File "NAME.py".

A check passes when stdout is byte-identical and the exit status matches. In
--errors mode, additionally the last line of stderr (the `XxxError: message`
line) must equal the last line of NAME.py.err, and the line number it points
at (the last `line N`, or `FILE:N:COL`) must be the same. Any sanitizer report
(AddressSanitizer, LeakSanitizer, UBSan `runtime error:`) on stderr fails a
check whatever the exit status.

--both-clocks (= --clock both) runs every test twice, under --clock=virtual
and under the default real clock; each run is one check. Real-clock runs go
one at a time after the others (timing-sensitive: see
shared/conformance/README.md); a real-clock run whose output differs is retried
once (--retries) and reported as flaky if the retry passes.

--cpython (automatic when the interpreter is named python3...): the
self-check of the corpus against the oracle. asy-only flags (--clock, .flags
files) are dropped and tests marked `# asy-only` in their first lines are
skipped.

Ends with one line per directory: `golden DIR: N passed, M failed`; exits 1
if any check failed, 2 on a usage error.

--tally TREE...: the `make test` summary. Reads TREE/meson-logs/testlog.json
of each meson build tree and counts every individual check: each TAP subtest
(`ok`/`not ok` lines of a Criterion binary), each golden run (from the
`golden DIR:` lines), and one per other meson test. A missing log, a test that
died without reporting, or a sanitizer report in a test's output counts as a
failure. Prints `N passed, M failed` last; exits 1 if M > 0 or nothing ran.
"""

import argparse
import concurrent.futures
import difflib
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time

TEST_SUFFIXES = ('.py', '.asy')
ASY_ONLY_RE = re.compile(r'^\s*#\s*asy-only\b', re.M)
ASY_ONLY_HEAD_LINES = 5
DIFF_MAX_LINES = 40
STDERR_TAIL_LINES = 12
SANITIZER_REPORT_LINES = 30
# Environment variables that change what an interpreter prints: never inherited.
SCRUBBED_ENV = ('PYTHONASYNCIODEBUG', 'PYTHONDEVMODE', 'PYTHONWARNINGS', 'PYTHONSTARTUP',
                'PYTHONINSPECT', 'PYTHONOPTIMIZE', 'PYTHONPATH', 'PYTHONHOME', 'ASY_DEBUG')
SANITIZER_RE = re.compile(
    r'ERROR: (?:AddressSanitizer|LeakSanitizer|MemorySanitizer)'
    r'|WARNING: ThreadSanitizer'
    r'|^\S+:\d+:\d+: runtime error: ', re.M)
GOLDEN_LINE_RE = re.compile(r'^(?:golden (\S+)|show|repl|format): (\d+) passed, (\d+) failed', re.M)
TAP_RE = re.compile(r'^(not )?ok\b(.*)$')


def is_asy_only(path):
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            head = ''.join(f.readline() for _ in range(ASY_ONLY_HEAD_LINES))
    except OSError:
        return False
    return bool(ASY_ONLY_RE.search(head))


def read_text(path, default=None):
    try:
        with open(path, encoding='utf-8', errors='surrogateescape') as f:
            return f.read()
    except FileNotFoundError:
        return default


def last_line(text):
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1].rstrip() if lines else ''


def pointed_line(text):
    """The source line an error report points at: the last `line N` of a
    traceback or SyntaxError, or the last `FILE.py:N[:COL]`."""
    best = None
    for m in re.finditer(r'\bline (\d+)\b|[\w./-]+\.(?:py|asy):(\d+)\b', text):
        best = m.group(1) or m.group(2)
    return int(best) if best else None


def die(msg):
    print(f'golden: {msg}', file=sys.stderr)
    sys.exit(2)


def discover(paths):
    """Yields (label, root, test_path) in a stable order; label is the
    basename of the directory argument (or of the file's directory)."""
    seen = set()
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            label = os.path.basename(p.rstrip('/'))
            names = []
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames.sort()
                for fn in sorted(filenames):
                    if fn.endswith(TEST_SUFFIXES):
                        names.append(os.path.join(dirpath, fn))
            for n in sorted(names):
                if n not in seen:
                    seen.add(n)
                    yield label, p, n
        elif os.path.isfile(p):
            if p not in seen:
                seen.add(p)
                yield os.path.basename(os.path.dirname(p)), os.path.dirname(p), p
        else:
            die(f'no such file or directory: {p}')


class Check:
    def __init__(self, label, root, path, clock, errors_mode):
        self.label = label          # summary group (directory name)
        self.path = path
        self.clock = clock          # None, 'virtual' or 'real'
        self.errors_mode = errors_mode
        self.rel = os.path.join(label, os.path.relpath(path, root))

    @property
    def id(self):
        return self.rel + (f' [{self.clock}]' if self.clock else '')


class Result:
    def __init__(self, check, status, reason='', detail='', cmd='', elapsed=0.0):
        self.check = check
        self.status = status        # 'pass', 'fail', 'skip'
        self.reason = reason
        self.detail = detail
        self.cmd = cmd
        self.elapsed = elapsed
        self.flaky = False


def run_process(argv, cwd, stdin_path, timeout, env):
    """Runs argv; returns (rc, stdout bytes, stderr bytes, timed_out). The
    child gets its own process group, killed whole on timeout."""
    with open(stdin_path or os.devnull, 'rb') as stdin:
        try:
            proc = subprocess.Popen(argv, cwd=cwd, stdin=stdin, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, env=env, start_new_session=True)
        except OSError as e:
            return None, b'', str(e).encode(), False
        try:
            out, err = proc.communicate(timeout=timeout)
            return proc.returncode, out, err, False
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
            out, err = proc.communicate()
            return proc.returncode, out, err, True


def describe_rc(rc):
    if rc is None:
        return 'could not start'
    if rc < 0:
        try:
            return f'{rc} (killed by {signal.Signals(-rc).name})'
        except ValueError:
            return f'{rc} (killed by signal {-rc})'
    return str(rc)


def tail(text, n):
    lines = text.rstrip('\n').splitlines()
    if not lines:
        return '    (empty)\n'
    head = '    ...\n' if len(lines) > n else ''
    return head + ''.join(f'    {ln}\n' for ln in lines[-n:])


def unified(expected, actual):
    diff = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                     'expected', 'actual', lineterm='', n=2))
    if len(diff) > DIFF_MAX_LINES:
        more = len(diff) - DIFF_MAX_LINES
        diff = diff[:DIFF_MAX_LINES] + [f'... ({more} more diff lines)']
    return ''.join(f'    {ln}\n' for ln in diff)


class Runner:
    def __init__(self, args, interp_argv):
        self.args = args
        self.interp = interp_argv
        self.env = dict(os.environ)
        for k in SCRUBBED_ENV:
            self.env.pop(k, None)
        self.env['PYTHONIOENCODING'] = 'utf-8'
        self.env['NO_COLOR'] = '1'

    def argv_for(self, check):
        argv = list(self.interp)
        if not self.args.cpython:
            flags = read_text(check.path + '.flags')
            flags = shlex.split(flags.strip().splitlines()[0]) if flags and flags.strip() else []
            # A --clock= in the test's own flags overrides the runner's.
            if check.clock == 'virtual' and not any(f.startswith('--clock=') for f in flags):
                argv.append('--clock=virtual')
            argv += flags
        argv += self.args.extra_flags
        argv.append(os.path.basename(check.path))
        return argv

    def run(self, check):
        path = check.path
        if self.args.cpython and is_asy_only(path):
            return Result(check, 'skip', 'asy-only')
        expected_out = read_text(path + '.out')
        if expected_out is None:
            return Result(check, 'fail', 'no expected output (.out): record it with tests/regen.py')
        expected_err = read_text(path + '.err') if check.errors_mode else None
        if check.errors_mode and expected_err is None:
            return Result(check, 'fail', 'no expected stderr (.err): record it with tests/regen.py')
        rc_text = read_text(path + '.rc', '0').strip() or '0'
        try:
            expected_rc = int(rc_text)
        except ValueError:
            return Result(check, 'fail', f'bad .rc file: {rc_text!r}')
        stdin_path = path + '.stdin' if os.path.exists(path + '.stdin') else None
        argv = self.argv_for(check)
        cwd = os.path.dirname(path)
        cmd = f'cd {shlex.quote(cwd)} && ' + ' '.join(shlex.quote(a) for a in argv)
        if stdin_path:
            cmd += f' < {shlex.quote(os.path.basename(stdin_path))}'
        t0 = time.monotonic()
        rc, out_b, err_b, timed_out = run_process(argv, cwd, stdin_path,
                                                  self.args.timeout, self.env)
        elapsed = time.monotonic() - t0
        out = out_b.decode('utf-8', 'surrogateescape')
        err = err_b.decode('utf-8', 'surrogateescape')
        problems = []
        detail = ''
        if timed_out:
            problems.append(f'timed out after {self.args.timeout:g}s')
        elif rc != expected_rc:
            problems.append(f'exit status {describe_rc(rc)}, expected {expected_rc}')
        if SANITIZER_RE.search(err):
            problems.append('sanitizer report on stderr')
        if out != expected_out:
            problems.append('stdout differs')
            detail += unified(expected_out, out)
        if check.errors_mode and not timed_out:
            want_last, got_last = last_line(expected_err), last_line(err)
            if want_last != got_last:
                problems.append('last stderr line differs')
                detail += f'    expected: {want_last}\n    actual:   {got_last}\n'
            want_ln, got_ln = pointed_line(expected_err), pointed_line(err)
            if want_ln != got_ln:
                problems.append(f'error points at line {got_ln}, expected line {want_ln}')
        if not problems:
            return Result(check, 'pass', cmd=cmd, elapsed=elapsed)
        san = SANITIZER_RE.search(err)
        if san:
            start = err.rfind('\n', 0, san.start()) + 1
            report = err[start:].splitlines()[:SANITIZER_REPORT_LINES]
            detail += '    sanitizer report:\n' + ''.join(f'    {ln}\n' for ln in report)
        else:
            detail += f'    stderr (last {STDERR_TAIL_LINES} lines):\n' + tail(err, STDERR_TAIL_LINES)
        return Result(check, 'fail', '; '.join(problems), detail, cmd, elapsed)


def make_checks(args):
    checks = []
    clocks = {'none': [None], 'virtual': ['virtual'], 'real': ['real'],
              'both': ['virtual', 'real']}[args.clock]
    for label, root, path in discover(args.paths):
        for clock in clocks:
            checks.append(Check(label, root, path, clock, args.errors))
    if args.k:
        checks = [c for c in checks if any(k in c.id for k in args.k)]
    return checks


def resolve_interp(cmd):
    argv = shlex.split(cmd)
    if not argv:
        die('empty --interp')
    exe = argv[0]
    if os.sep in exe:
        exe = os.path.abspath(exe)
        if not (os.path.isfile(exe) and os.access(exe, os.X_OK)):
            die(f'interpreter not found or not executable: {exe}')
    else:
        found = shutil.which(exe)
        if not found:
            die(f'interpreter not found on PATH: {exe}')
        exe = found
    argv[0] = exe
    return argv


def looks_like_cpython(argv):
    return re.fullmatch(r'python3?(\.\d+)?', os.path.basename(argv[0])) is not None


def main_run(args):
    interp = resolve_interp(args.interp)
    if args.cpython is None:
        args.cpython = looks_like_cpython(interp)
    args.extra_flags = []
    for f in args.flags or []:
        args.extra_flags += shlex.split(f)
    checks = make_checks(args)
    if args.list:
        for c in checks:
            print(c.id)
        return 0
    if not checks:
        print('golden: no tests matched', file=sys.stderr)
        return 2
    if args.cpython and args.verbose:
        print('golden: CPython self-check: asy-only flags dropped, asy-only tests skipped')
    runner = Runner(args, interp)
    lock = threading.Lock()
    results = []
    flaky = []

    def report(res):
        with lock:
            results.append(res)
            if res.status == 'fail':
                print(f'FAIL {res.check.id} ({res.elapsed:.2f}s): {res.reason}')
                if res.cmd:
                    print(f'    $ {res.cmd}')
                if res.detail:
                    sys.stdout.write(res.detail)
            elif args.verbose:
                note = ' (flaky: passed on retry)' if res.flaky else ''
                extra = f' ({res.reason})' if res.reason else ''
                print(f'{res.status:4} {res.check.id}{extra}{note} ({res.elapsed:.2f}s)')
            sys.stdout.flush()

    def run_real(check):
        res = runner.run(check)
        tries = args.retries
        while res.status == 'fail' and tries > 0 and 'timed out' not in res.reason \
                and 'sanitizer' not in res.reason:
            tries -= 1
            again = runner.run(check)
            if again.status == 'pass':
                again.flaky = True
                with lock:
                    flaky.append(check.id)
                return again
            res = again
        return res

    parallel = [c for c in checks if c.clock != 'real']
    sequential = [c for c in checks if c.clock == 'real']
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for res in pool.map(runner.run, parallel):
            report(res)
    if sequential:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.real_jobs)) as pool:
            for res in pool.map(run_real, sequential):
                report(res)
    elapsed = time.monotonic() - t0

    for cid in flaky:
        print(f'flaky: {cid} differed under the real clock, passed on retry')
    failed_ids = sorted(r.check.id for r in results if r.status == 'fail')
    if failed_ids:
        print(f'failed ({len(failed_ids)}):')
        for cid in failed_ids:
            print(f'    {cid}')
    labels = []
    for c in checks:
        if c.label not in labels:
            labels.append(c.label)
    any_failed = False
    for label in labels:
        mine = [r for r in results if r.check.label == label]
        npass = sum(r.status == 'pass' for r in mine)
        nfail = sum(r.status == 'fail' for r in mine)
        nskip = sum(r.status == 'skip' for r in mine)
        any_failed |= nfail > 0
        skipped = f', {nskip} skipped' if nskip else ''
        print(f'golden {label}: {npass} passed, {nfail} failed{skipped}'
              + (f'  [{elapsed:.1f}s]' if label == labels[-1] else ''))
    return 1 if any_failed else 0


# ---------------------------------------------------------------- --tally

def tally_entry(entry):
    """Counts one meson test: returns (passed, failed, skipped, notes)."""
    name = entry.get('name', '?')
    result = entry.get('result', 'ERROR')
    stdout = entry.get('stdout') or ''
    stderr = entry.get('stderr') or ''
    ok_result = result in ('OK', 'EXPECTEDFAIL')
    notes = []
    goldens = GOLDEN_LINE_RE.findall(stdout)
    tap = [TAP_RE.match(ln) for ln in stdout.splitlines()]
    tap = [m for m in tap if m]
    if goldens:
        p = sum(int(g[1]) for g in goldens)
        f = sum(int(g[2]) for g in goldens)
        s = 0
        if f:
            notes.append(f'{name}: {f} golden check(s) failed')
    elif tap:
        p = f = s = 0
        for m in tap:
            directive = m.group(2)
            if re.search(r'#\s*skip', directive, re.I):
                s += 1
            elif m.group(1):
                if re.search(r'#\s*todo', directive, re.I):
                    s += 1
                else:
                    f += 1
                    notes.append(f'{name}: not ok{directive}')
            else:
                p += 1
    else:
        p, f, s = (1, 0, 0) if ok_result else ((0, 0, 1) if result == 'SKIP' else (0, 1, 0))
        if f:
            notes.append(f'{name}: {result}')
    if not ok_result and result != 'SKIP' and f == 0:
        f += 1
        notes.append(f'{name}: {result} (exit status {entry.get("returncode")}) '
                     'without a failing check reported')
    if f == 0 and SANITIZER_RE.search(stdout + '\n' + stderr):
        f += 1
        notes.append(f'{name}: sanitizer report in its output (e.g. ERROR: LeakSanitizer)')
    return p, f, s, notes


def main_tally(trees):
    total_p = total_f = total_s = 0
    all_notes = []
    lines = []
    for tree in trees:
        log = os.path.join(tree, 'meson-logs', 'testlog.json')
        if not os.path.isfile(log):
            total_f += 1
            all_notes.append(f'{tree}: no test log ({log}): configure, build or meson test failed')
            lines.append(f'{tree}: no results')
            continue
        p = f = s = 0
        with open(log, encoding='utf-8', errors='replace') as fh:
            for raw in fh:
                raw = raw.strip()
                if not raw:
                    continue
                try:
                    entry = json.loads(raw)
                except ValueError:
                    f += 1
                    all_notes.append(f'{tree}: unreadable line in {log}')
                    continue
                ep, ef, es, notes = tally_entry(entry)
                p, f, s = p + ep, f + ef, s + es
                all_notes += [f'{tree}: {n}' for n in notes]
        skipped = f', {s} skipped' if s else ''
        lines.append(f'{tree}: {p} passed, {f} failed{skipped}')
        total_p, total_f, total_s = total_p + p, total_f + f, total_s + s
    print('==== summary ====')
    for n in all_notes:
        print('  ' + n)
    for ln in lines:
        print('  ' + ln)
    if total_p + total_f == 0:
        total_f += 1
        print('  no test ran')
    skipped = f', {total_s} skipped' if total_s else ''
    print(f'{total_p} passed, {total_f} failed{skipped}')
    return 1 if total_f else 0


def main(argv=None):
    ap = argparse.ArgumentParser(
        description='Run asy golden-output tests (see the module docstring).')
    ap.add_argument('paths', nargs='*', metavar='DIR|FILE')
    ap.add_argument('--interp', default='python3',
                    help='interpreter command, shell-split (default: python3)')
    ap.add_argument('--flags', action='append', metavar='STR',
                    help='extra interpreter flags for every run (shell-split, repeatable); '
                         'write --flags=--x when the flag starts with a dash')
    ap.add_argument('--clock', choices=['none', 'virtual', 'real', 'both'], default='none',
                    help='none: no clock flag; virtual: --clock=virtual; real: the default '
                         'clock, runs sequential; both: one run of each')
    ap.add_argument('--both-clocks', dest='clock', action='store_const', const='both',
                    help='same as --clock both')
    ap.add_argument('--errors', action='store_true',
                    help='also compare the last stderr line and the line it points at with .err')
    ap.add_argument('--cpython', dest='cpython', action='store_true', default=None,
                    help='interpreter is CPython: drop asy-only flags, skip `# asy-only` tests '
                         '(automatic when the interpreter is python3)')
    ap.add_argument('--no-cpython', dest='cpython', action='store_false',
                    help='never assume CPython')
    ap.add_argument('-k', action='append', metavar='SUBSTR',
                    help='only checks whose id (e.g. "asyncio/x.py [real]") contains SUBSTR')
    ap.add_argument('--list', action='store_true', help='list the checks and exit')
    ap.add_argument('-j', '--jobs', type=int, default=os.cpu_count() or 2,
                    help='parallel runs (default: CPU count); real-clock runs excepted')
    ap.add_argument('--real-jobs', type=int, default=1,
                    help='parallel real-clock runs (default 1)')
    ap.add_argument('--retries', type=int, default=1,
                    help='re-runs of a failing real-clock check (default 1)')
    ap.add_argument('--timeout', type=float, default=10.0, help='per-run timeout in seconds')
    ap.add_argument('-v', '--verbose', action='store_true', help='print every check')
    ap.add_argument('--tally', action='store_true',
                    help='paths are meson build trees: summarize their meson-logs/testlog.json')
    args = ap.parse_args(argv)
    if args.tally:
        if not args.paths:
            ap.error('--tally needs build tree paths')
        return main_tally(args.paths)
    if not args.paths:
        ap.error('no test directory given')
    return main_run(args)


if __name__ == '__main__':
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
