#!/usr/bin/env python3
"""Re-record the expected output of golden tests with CPython.

    python3 tests/regen.py [--python EXE] [--runs N] [--errors] FILE|DIR...

For each NAME.py / NAME.asy given (or found in a directory), runs it under
CPython with cwd = its directory, stdin from NAME.py.stdin or /dev/null, and
writes
  NAME.py.out   its stdout,
  NAME.py.rc    its exit status, only when it is not 0 (a stale .rc is removed),
  NAME.py.err   its stderr, for tests under a directory named `errors`, with
                --errors, or when a .err already exists. CPython prints the
                script's absolute path in tracebacks; the test directory is
                stripped so the file reads File "NAME.py", line N (and the
                standard library's directory is written <stdlib>).
Every program is run --runs times (default 3) with different PYTHONHASHSEED
values; if the runs disagree nothing is written for it and regen exits 1:
the test is not deterministic and must be fixed.

Files marked `# asy-only` in their first lines are skipped: their expected
output is written by a person and reviewed, never recorded from CPython.
NAME.py.flags (asy flags) is ignored here.
"""

import argparse
import concurrent.futures
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden  # noqa: E402  (same directory)


def tests_in(paths):
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames.sort()
                for fn in sorted(filenames):
                    if fn.endswith(golden.TEST_SUFFIXES):
                        yield os.path.join(dirpath, fn)
        elif os.path.isfile(p) and p.endswith(golden.TEST_SUFFIXES):
            yield p
        else:
            sys.exit(f'regen: not a test file or directory: {p}')


def wants_err(path, force):
    return (force or os.path.exists(path + '.err')
            or 'errors' in os.path.dirname(path).split(os.sep))


def write_if_changed(path, data):
    try:
        with open(path, 'rb') as f:
            if f.read() == data:
                return False
    except FileNotFoundError:
        pass
    with open(path, 'wb') as f:
        f.write(data)
    return True


def record(path, args):
    """Returns (status, message); status in 'updated', 'unchanged', 'skipped', 'error'."""
    name = os.path.relpath(path)
    if golden.is_asy_only(path):
        return 'skipped', f'skip {name} (asy-only: expected output is written by hand)'
    cwd = os.path.dirname(path)
    stdin_path = path + '.stdin' if os.path.exists(path + '.stdin') else None
    with_err = wants_err(path, args.errors)
    stdlib = args.stdlib
    runs = []
    for i in range(max(1, args.runs)):
        env = dict(os.environ)
        for k in golden.SCRUBBED_ENV:
            env.pop(k, None)
        env['PYTHONIOENCODING'] = 'utf-8'
        env['PYTHONHASHSEED'] = str(1 + i * 7919)
        rc, out, err, timed_out = golden.run_process(
            [args.python, os.path.basename(path)], cwd, stdin_path, args.timeout, env)
        if timed_out:
            return 'error', f'ERROR {name}: timed out after {args.timeout:g}s'
        if rc is None:
            return 'error', f'ERROR {name}: could not start {args.python}'
        if rc < 0:
            return 'error', f'ERROR {name}: killed by signal {-rc}'
        err = err.replace(os.path.join(cwd, '').encode(), b'')
        if stdlib:
            err = err.replace(os.path.join(stdlib, '').encode(), b'<stdlib>/')
        runs.append((out, rc, err if with_err else b''))
    if any(r != runs[0] for r in runs[1:]):
        what = [k for k, idx in (('stdout', 0), ('exit status', 1), ('stderr', 2))
                if any(r[idx] != runs[0][idx] for r in runs[1:])]
        return 'error', (f'ERROR {name}: {", ".join(what)} differ between {len(runs)} runs '
                         '(hash order? timing?); nothing written')
    out, rc, err = runs[0]
    changed = write_if_changed(path + '.out', out)
    if rc != 0:
        changed |= write_if_changed(path + '.rc', f'{rc}\n'.encode())
    elif os.path.exists(path + '.rc'):
        os.remove(path + '.rc')
        changed = True
    if with_err:
        changed |= write_if_changed(path + '.err', err)
    rc_note = f' (exit {rc})' if rc else ''
    if changed:
        return 'updated', f'updated {name}{rc_note}'
    return 'unchanged', f'same    {name}{rc_note}'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('paths', nargs='+', metavar='FILE|DIR')
    ap.add_argument('--python', default=sys.executable,
                    help='the CPython 3.11 to record with (default: the one running regen)')
    ap.add_argument('--runs', type=int, default=3,
                    help='runs per program that must agree (default 3)')
    ap.add_argument('--errors', action='store_true', help='record .err for every file given')
    ap.add_argument('--timeout', type=float, default=20.0)
    ap.add_argument('-j', '--jobs', type=int, default=os.cpu_count() or 2)
    ap.add_argument('-q', '--quiet', action='store_true', help='print only changes and errors')
    args = ap.parse_args()

    ver = subprocess.run([args.python, '-c', 'import sys; print(sys.version_info[:2])'],
                         capture_output=True, text=True).stdout.strip()
    if ver != '(3, 11)':
        print(f'regen: warning: {args.python} is Python {ver}; the corpus is CPython 3.11 output',
              file=sys.stderr)
    # Tracebacks through the standard library (asyncio) name its files by
    # absolute path: written as <stdlib>/... so .err files do not depend on
    # where this machine's Python lives.
    args.stdlib = subprocess.run(
        [args.python, '-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'],
        capture_output=True, text=True).stdout.strip()
    files = list(dict.fromkeys(tests_in(args.paths)))
    counts = {'updated': 0, 'unchanged': 0, 'skipped': 0, 'error': 0}
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for status, msg in pool.map(lambda p: record(p, args), files):
            counts[status] += 1
            if not (args.quiet and status in ('unchanged', 'skipped')):
                print(msg, flush=True)
    print(f'regen: {counts["updated"]} updated, {counts["unchanged"]} unchanged, '
          f'{counts["skipped"]} skipped (asy-only), {counts["error"]} errors')
    return 1 if counts['error'] else 0


if __name__ == '__main__':
    sys.exit(main())
