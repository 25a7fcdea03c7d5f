#!/usr/bin/env python3
"""What the classroom samples show besides their stdout (suite 'show'):
--trace, --debug, warnings and the deadlock explanation, --sched, --timeline.
Standard library only.

The samples live in samples/. tests/samples/NAME.asy is a link to
samples/NAME.asy, and NAME.asy.out (.rc) is its stdout as CPython prints it,
checked by tests/golden.py (meson test golden-samples). This script (meson
test show-samples) checks the rest, for each expected file that exists in
tests/samples, always under --clock=virtual:

  NAME.asy.trace      --trace: stdout and stderr together (the narration
                      flushes stdout before each line, so the order is true)
  NAME.asy.debug      --debug: stderr
  NAME.asy.stderr     no flag: stderr (warnings, the deadlock explanation)
  NAME.asy.MODE.out   --sched=MODE: stdout (MODE eager, or shuffle_SEED for
                      shuffle:SEED)
  NAME.asy.chart      --timeline, COLUMNS=100: the text chart on stderr

Each of these runs must also exit with NAME.asy.rc (default 0). And for every
sample in samples/: it is linked from tests/samples with a .out, and --timeline=DIR/NAME writes a JSON
and an SVG that parse, with one SVG row per task the JSON names (what
docs/img/make.sh draws for docs/tutorial.md).

The expected files are asy's own output, never CPython's: to add one, create
it empty, run with --regen -k NAME, then review it line by line.

usage: tests/show/samples.py --interp build/cli/asy [--regen] [-k FILTER]
Prints `show: N passed, M failed` and exits 1 if anything failed.
"""
import difflib
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from common import parse_args, relative_to

TESTS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.join(TESTS, "samples")  # the links and the expected files
SAMPLES = os.path.join(os.path.dirname(TESTS), "samples")
TIMEOUT = 60
SVG = "{http://www.w3.org/2000/svg}"

# expected-file suffix -> (asy flags, which output is compared)
KINDS = {
    "trace": (["--trace"], "merged"),
    "debug": (["--debug"], "stderr"),
    "stderr": ([], "stderr"),
    "chart": (["--timeline"], "stderr"),
}

results = {"passed": 0, "failed": 0}


def say(ok, name, detail=""):
    results["passed" if ok else "failed"] += 1
    if not ok or os.environ.get("SHOW_VERBOSE"):
        print(("PASSED: " if ok else "FAILED: ") + name + (f"\n{detail}" if detail else ""))


def run(interp, flags, base, merge=False):
    env = dict(os.environ)
    for var in ("NO_COLOR", "ASY_DEBUG", "ASY_CLOCK", "PYTHONASYNCIODEBUG"):
        env.pop(var, None)
    env["COLUMNS"] = "100"
    p = subprocess.run([interp, "--clock=virtual"] + flags + [base], cwd=HERE, env=env, text=True,
                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT if merge else subprocess.PIPE, timeout=TIMEOUT)
    return relative_to(p, HERE)


def expected_rc(base):
    path = os.path.join(HERE, base + ".rc")
    return int(open(path).read().strip() or 0) if os.path.exists(path) else 0


def compare(name, path, actual, rc, want_rc, regen):
    if regen:
        with open(path, "w") as f:
            f.write(actual)
        say(True, name + " (written: review it)")
        return
    expected = open(path).read()
    problems = []
    if rc != want_rc:
        problems.append(f"exit status {rc}, expected {want_rc}")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "expected", "actual",
                                    lineterm="", n=1)
        problems.append("\n".join(list(diff)[:60]))
    say(not problems, name, "\n".join(problems))


def expected_files(filt):
    """(base, kind, path) for each NAME.asy.KIND / NAME.asy.MODE.out here."""
    for fn in sorted(os.listdir(HERE)):
        if ".asy." not in fn:
            continue
        base, rest = fn.split(".asy.", 1)
        base += ".asy"
        kind = rest[:-4] if rest.endswith(".out") else rest
        if rest in ("out", "rc") or (kind not in KINDS and not rest.endswith(".out")):
            continue
        if filt and filt not in fn:
            continue
        yield base, kind, os.path.join(HERE, fn)


def output_tests(interp, filt, regen):
    for base, kind, path in expected_files(filt):
        name = os.path.basename(path)
        if kind in KINDS:
            flags, which = KINDS[kind]
        else:  # NAME.asy.shuffle_42.out -> --sched=shuffle:42
            flags, which = [f"--sched={kind.replace('_', ':')}"], "stdout"
        p = run(interp, flags, base, merge=which == "merged")
        actual = p.stderr if which == "stderr" else p.stdout
        compare(f"samples/{name} ({' '.join(flags) or 'no flag'})", path, actual, p.returncode,
                expected_rc(base), regen)


def every_sample(interp, filt):
    for fn in sorted(os.listdir(SAMPLES)):
        if not fn.endswith(".asy") or (filt and filt not in fn):
            continue
        link = os.path.join(HERE, fn)
        if not (os.path.exists(link) and os.path.exists(link + ".out")):
            say(False, f"samples/{fn}: tested",
                f"link it: (cd tests/samples && ln -s ../../samples/{fn} .), then record its output: "
                f"python3 tests/regen.py tests/samples/{fn}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            stem = os.path.join(tmp, fn[:-4])
            p = run(interp, [f"--timeline={stem}"], fn)
            problems = []
            if p.returncode != expected_rc(fn):
                problems.append(f"exit status {p.returncode}\n{p.stderr[-2000:]}")
            try:
                trace = json.load(open(stem + ".json"))
                root = ET.parse(stem + ".svg").getroot()
                tasks = {e["tid"] for e in trace["traceEvents"]
                         if e.get("ph") == "M" and e.get("name") == "thread_name"}
                rows = {int(g.get("data-task")) for g in root.iter(SVG + "g") if g.get("class") == "row"}
                if not tasks or rows != tasks:
                    problems.append(f"SVG rows {sorted(rows)}, JSON tasks {sorted(tasks)}")
            except (OSError, ValueError, KeyError, TypeError, ET.ParseError) as e:
                problems.append(f"unreadable timeline: {e}")
            say(not problems, f"samples/{fn} (--timeline: SVG and JSON)", "\n".join(problems))


def main():
    a = parse_args("samples.py")
    interp = a.interp
    output_tests(interp, a.filt, a.regen)
    every_sample(interp, a.filt)
    print(f"show: {results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
