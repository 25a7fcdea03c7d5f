#!/usr/bin/env python3
"""Time asy against python3 (and lua5.4 where a port exists) in one run.

Every workload in bench/ is a Python file that python3 and asy both run and
that prints the same output under both; bench/lua/NAME.lua is a Lua port that
prints the same output too. Each program runs N times per interpreter (the
interpreters take turns, so a burst of load on the machine hits all of them)
and the best time is kept. The runner also measures memory per suspended task
(many_sleepers.py) and the start-up time of a one-line script.

This is a benchmark, not a test: the exit status is 1 only when a program
fails or prints something different from python3, never because of a time.

    python3 bench/run.py                   # full sizes, best of 3
    python3 bench/run.py --quick           # smaller sizes, under a minute
    python3 bench/run.py --asy /tmp/bench-build/cli/asy fib sleep0
    python3 bench/run.py --json results.json
"""

import argparse
import json
import math
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent


def fib_calls(n):
    # fib(n) makes 2*F(n+1) - 1 calls.
    a, b = 0, 1
    for _ in range(n + 1):
        a, b = b, a + b
    return 2 * a - 1


def loop_iterations(n):
    return n + math.isqrt(n) ** 2


class Workload:
    def __init__(self, name, full, quick, ops, unit, py_target=None, lua_target=None):
        self.name = name
        self.full = full  # size argument for a normal run (the file's default)
        self.quick = quick  # size argument for --quick
        self.ops = ops  # size -> number of operations, for the per-op columns
        self.unit = unit
        self.py_target = py_target  # asy must be at least this many times faster than python3
        self.lua_target = lua_target  # asy may be at most this many times slower than lua


# Targets come from DESIGN.md §7 and issue 3; None means no target was set.
WORKLOADS = [
    Workload("fib", 30, 25, fib_calls, "call", 2.0, 1.3),
    Workload("loops", 10_000_000, 1_000_000, loop_iterations, "iter", 2.0, 1.3),
    Workload("calls", 1_000_000, 100_000, lambda n: 6 * n, "call"),
    Workload("strings", 500_000, 50_000, lambda n: n, "item"),
    Workload("dicts", 1_000_000, 100_000, lambda n: n, "key"),
    Workload("sort", 1_000_000, 100_000, lambda n: n, "item"),
    Workload("sleep0", 500_000, 50_000, lambda n: 2 * n, "switch", 5.0),
    Workload("spawn_gather", 100_000, 10_000, lambda n: n, "task", 5.0),
    Workload("await_chain", 1_000_000, 100_000, lambda n: n, "await", 2.0),
    Workload("queue_pingpong", 200_000, 20_000, lambda n: n, "item", 5.0),
]
SLEEPERS = (1_000_000, 100_000)  # tasks in many_sleepers.py: full, --quick
MEMORY_TARGETS = (300, 400)  # bytes per task: DESIGN.md §7, issue 3
STARTUP_TARGET = 0.002  # seconds, DESIGN.md §7
SPECIAL = ("many_sleepers", "startup")


class Result:
    """One finished process: wall and CPU seconds, peak RSS in bytes, output."""

    def __init__(self, wall, cpu, maxrss, rc, out, err):
        self.wall, self.cpu, self.maxrss = wall, cpu, maxrss
        self.rc, self.out, self.err = rc, out, err

    def failed(self):
        return self.rc != 0


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def _spawn(argv, out, err):
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0),
        (os.POSIX_SPAWN_DUP2, out.fileno(), 1),
        (os.POSIX_SPAWN_DUP2, err.fileno(), 2),
    ]
    return os.posix_spawn(argv[0], argv, ENV, file_actions=actions)


def _vm_hwm(pid):
    """Peak resident set of a live process, in bytes (0 once it has exited)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_once(argv, timeout, watch_rss=False):
    """Run argv with stdin from /dev/null and output to temporary files.

    posix_spawn + wait4 rather than subprocess: wait4 gives this child's own
    rusage, and spawning is cheap enough that start-up times stay meaningful.

    Peak memory needs care: Linux carries the parent's peak RSS into the
    child's ru_maxrss across exec, so for a child smaller than this Python
    process ru_maxrss reads too high. With watch_rss the runner polls the
    child's VmHWM (its own peak since exec) instead, and trusts ru_maxrss only
    when it is above this process's own peak.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        pid = _spawn(argv, out, err)
        hwm = 0
        if watch_rss:
            # Polling would steal CPU from the timed runs, so only memory runs do it.
            while True:
                done, status, usage = os.wait4(pid, os.WNOHANG)
                if done:
                    break
                if time.perf_counter() - start > timeout:
                    os.kill(pid, signal.SIGKILL)
                    os.wait4(pid, 0)
                    return Result(float(timeout), 0.0, 0, -1, "", f"timed out after {timeout} s")
                hwm = max(hwm, _vm_hwm(pid))
                time.sleep(0.002)
        else:
            old = signal.signal(signal.SIGALRM, _alarm)
            signal.alarm(timeout)
            try:
                _, status, usage = os.wait4(pid, 0)
            except Timeout:
                os.kill(pid, signal.SIGKILL)
                os.wait4(pid, 0)
                return Result(float(timeout), 0.0, 0, -1, "", f"timed out after {timeout} s")
            finally:
                signal.alarm(0)
                signal.signal(signal.SIGALRM, old)
        wall = time.perf_counter() - start
        # ru_maxrss is in kilobytes on Linux.
        maxrss = usage.ru_maxrss * 1024
        if maxrss <= resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024:
            maxrss = hwm
        out.seek(0)
        err.seek(0)
        return Result(wall, usage.ru_utime + usage.ru_stime, max(maxrss, hwm),
                      os.waitstatus_to_exitcode(status),
                      out.read().decode(errors="replace"), err.read().decode(errors="replace"))


# The environment every program runs in: asy's real clock (a virtual clock
# would skip the sleeps many_sleepers measures), python3 without bytecode
# writing or user site quirks that differ between machines.
ENV = {k: v for k, v in os.environ.items() if k not in ("ASY_CLOCK", "PYTHONPATH")}
ENV["PYTHONDONTWRITEBYTECODE"] = "1"


def resolve(program):
    path = shutil.which(program)
    return os.path.realpath(path) if path else None


def real_python(program):
    """The interpreter behind python3: a pyenv shim is a bash script that would
    add tens of milliseconds to every run."""
    path = resolve(program)
    if not path:
        return None, None
    out = subprocess.run([path, "-c", "import sys; print(sys.executable); print(sys.version.split()[0])"],
                         capture_output=True, text=True, check=True).stdout.split()
    return out[0], out[1]


def asy_buildtype(asy):
    """The meson buildtype of the tree asy was built in, if it can be found."""
    for parent in Path(asy).resolve().parents:
        info = parent / "meson-info" / "intro-buildoptions.json"
        if info.exists():
            for opt in json.loads(info.read_text()):
                if opt["name"] == "buildtype":
                    return opt["value"]
            break
    return "unknown"


def progress(msg):
    print(msg, file=sys.stderr, flush=True)


def first_line(text):
    lines = text.strip().splitlines()
    return lines[-1][:200] if lines else ""


def bench_workload(w, size, interps, repeat, timeout):
    """Best of `repeat` runs under each interpreter, and whether outputs agree."""
    argvs = {}
    for name, exe in interps.items():
        if name == "lua":
            port = BENCH / "lua" / f"{w.name}.lua"
            if exe and port.exists():
                argvs[name] = [exe, str(port), str(size)]
        else:
            argvs[name] = exe + [str(BENCH / f"{w.name}.py"), str(size)]

    runs = {name: [] for name in argvs}
    for rep in range(repeat):
        for name, argv in argvs.items():
            r = run_once(argv, timeout)
            runs[name].append(r)
            progress(f"  {w.name:<15} {name:<8} run {rep + 1}/{repeat}: "
                     + (f"{r.wall:.3f} s" if not r.failed() else f"FAILED ({first_line(r.err)})"))

    expected = runs["python3"][0].out
    entry = {"size": size, "ops": w.ops(size), "unit": w.unit, "results": {}}
    for name, rs in runs.items():
        bad = next((r for r in rs if r.failed()), None)
        res = {"wall": [r.wall for r in rs], "cpu": [r.cpu for r in rs],
               "best_wall": min(r.wall for r in rs), "best_cpu": min(r.cpu for r in rs),
               "ok": True, "problem": None}
        if bad:
            res.update(ok=False, problem=f"exit {bad.rc}: {first_line(bad.err)}")
        elif any(r.out != expected for r in rs) and name != "python3":
            res.update(ok=False, problem="output differs from python3")
        entry["results"][name] = res
    return entry


def bench_memory(size, interps, timeout):
    """Peak RSS of many_sleepers.py with `size` tasks minus that of baseline.py
    (asyncio imported, a loop running, no tasks), divided by `size`."""
    out = {"tasks": size, "results": {}}
    script = str(BENCH / "many_sleepers.py")
    for name in ("asy", "python3"):
        base = run_once(interps[name] + [str(BENCH / "baseline.py")], timeout, watch_rss=True)
        progress(f"  many_sleepers   {name:<8} baseline: {base.maxrss / 2**20:.1f} MiB")
        full = run_once(interps[name] + [script, str(size)], timeout, watch_rss=True)
        progress(f"  many_sleepers   {name:<8} {size} tasks: "
                 + (f"{full.maxrss / 2**20:.1f} MiB, {full.wall:.2f} s" if not full.failed()
                    else f"FAILED ({first_line(full.err)})"))
        res = {"baseline_rss": base.maxrss, "peak_rss": full.maxrss, "wall": full.wall,
               "cpu": full.cpu, "ok": not (base.failed() or full.failed()), "problem": None}
        if res["ok"] and full.out.strip() != str(size):
            res.update(ok=False, problem=f"printed {first_line(full.out)!r}, not {size}")
        elif not res["ok"]:
            res["problem"] = first_line((full if full.failed() else base).err)
        if not res["ok"]:
            res["bytes_per_task"] = None
        else:
            res["bytes_per_task"] = (full.maxrss - base.maxrss) / size
        out["results"][name] = res
    return out


def bench_startup(interps, runs, timeout):
    """Median wall time of a one-line script; /bin/true shows what spawning
    and waiting for any process costs here, included in every figure."""
    out = {"runs": runs, "median": {}, "median_cpu": {}}
    argvs = {"asy": interps["asy"] + [str(BENCH / "startup.py")],
             "python3": interps["python3"] + [str(BENCH / "startup.py")]}
    if interps.get("lua"):
        argvs["lua"] = [interps["lua"], "-e", 'print("hello")']
    true = resolve("true")
    if true:
        argvs["/bin/true"] = [true]
    times = {name: [] for name in argvs}
    cpu = {name: [] for name in argvs}
    for _ in range(runs):
        for name, argv in argvs.items():
            r = run_once(argv, timeout)
            if not r.failed():
                times[name].append(r.wall)
                cpu[name].append(r.cpu)
    for name in argvs:
        out["median"][name] = statistics.median(times[name]) if times[name] else None
        # CPU time barely moves with the machine's load, wall time does.
        out["median_cpu"][name] = statistics.median(cpu[name]) if cpu[name] else None
    progress("  startup: " + ", ".join(f"{k} {v * 1000:.2f} ms" for k, v in out["median"].items() if v))
    return out


# ---- printing ---------------------------------------------------------------

def fmt_time(t):
    return "-" if t is None else f"{t:.3f}"


def fmt_per_op(seconds, ops):
    if seconds is None:
        return "-"
    ns = seconds / ops * 1e9
    return f"{ns:.0f} ns" if ns < 10_000 else f"{ns / 1000:.1f} us"


def fmt_ratio(r):
    return "-" if r is None else f"{r:.2f}x"


def verdict(py_ratio, lua_ratio, w):
    if w.py_target is None and w.lua_target is None:
        return ""
    misses = []
    if w.py_target is not None and (py_ratio is None or py_ratio < w.py_target):
        misses.append("py")
    note = ""
    if w.lua_target is not None:
        if lua_ratio is None:
            note = " (no lua)"
        elif lua_ratio > w.lua_target:
            misses.append("lua")
    return ("MISS " + "+".join(misses) if misses else "met") + note


def target_text(w):
    parts = []
    if w.py_target is not None:
        parts.append(f">={w.py_target:g}x py")
    if w.lua_target is not None:
        parts.append(f"<={w.lua_target:g}x lua")
    return ", ".join(parts)


def print_table(report, metric):
    key = "best_" + metric
    cols = ["workload", "size", "asy s", "python3 s", "lua s", "py/asy", "asy/lua",
            "asy/op", "py/op", "target", "verdict"]
    rows = []
    notes = []
    by_name = {w.name: w for w in WORKLOADS}
    for name, e in report["workloads"].items():
        w = by_name[name]
        res = e["results"]

        def t(interp):
            r = res.get(interp)
            if r is None:
                return None
            if not r["ok"]:
                notes.append(f"{name} under {interp}: {r['problem']}")
                return None
            return r[key]

        a, p, lu = t("asy"), t("python3"), t("lua")
        py_ratio = p / a if a and p else None
        lua_ratio = a / lu if a and lu else None
        rows.append([name, f"{e['size']:,}", fmt_time(a), fmt_time(p), fmt_time(lu),
                     fmt_ratio(py_ratio), fmt_ratio(lua_ratio),
                     fmt_per_op(a, e["ops"]) + "/" + e["unit"], fmt_per_op(p, e["ops"]),
                     target_text(w), verdict(py_ratio, lua_ratio, w)])
    widths = [max(len(str(x)) for x in col) for col in zip(cols, *rows)]
    right = {1, 2, 3, 4, 5, 6, 7, 8}
    for row in [cols] + rows if rows else []:
        print("  ".join(str(x).rjust(wd) if i in right else str(x).ljust(wd)
                        for i, (x, wd) in enumerate(zip(row, widths))).rstrip())
    for n in notes:
        print("  ! " + n)

    mem = report.get("memory")
    if mem:
        print(f"\nMemory: {mem['tasks']:,} tasks suspended in asyncio.sleep(1) (many_sleepers.py)")
        print(f"  {'':8}  {'peak RSS':>10}  {'baseline':>9}  {'bytes/task':>10}  {'time':>8}")
        for name, r in mem["results"].items():
            if not r["ok"]:
                print(f"  {name:8}  FAILED: {r['problem']}")
                continue
            print(f"  {name:8}  {r['peak_rss'] / 2**20:>6.1f} MiB  {r['baseline_rss'] / 2**20:>5.1f} MiB"
                  f"  {r['bytes_per_task']:>10.0f}  {r['wall']:>6.2f} s")
        bpt = mem["results"]["asy"].get("bytes_per_task")
        if bpt is not None:
            lo, hi = MEMORY_TARGETS
            v = "met" if bpt <= lo else ("MISS (meets issue 3's 400)" if bpt <= hi else "MISS")
            print(f"  target: <= {lo} bytes/task (DESIGN §7), <= {hi} (issue 3): {v}")

    st = report.get("startup")
    if st:
        med = st["median"]
        print(f"\nStart-up: one-line script, median of {st['runs']} runs")
        print("  wall: " + "  ".join(f"{k} {v * 1000:.2f} ms" for k, v in med.items() if v is not None))
        cpu = st.get("median_cpu", {})
        print("  cpu:  " + "  ".join(f"{k} {v * 1000:.2f} ms" for k, v in cpu.items() if v is not None))
        # Creating any process costs what /bin/true costs; on a virtual machine
        # that alone can exceed the target, so the verdict uses the difference.
        if med.get("asy") is not None and med.get("/bin/true") is not None:
            own = med["asy"] - med["/bin/true"]
            own_cpu = ""
            if cpu.get("asy") is not None and cpu.get("/bin/true") is not None:
                own_cpu = f", {(cpu['asy'] - cpu['/bin/true']) * 1000:.2f} ms CPU"
            v = "met" if own < STARTUP_TARGET else "MISS"
            print(f"  asy minus /bin/true: {own * 1000:.2f} ms wall{own_cpu}; "
                  f"target < {STARTUP_TARGET * 1000:g} ms: {v}")

    print(f"\n{metric} seconds, best of {report['repeat']}; asy {report['asy']} "
          f"(buildtype {report['asy_buildtype']}), python {report['python_version']} ({report['python']}), "
          f"lua {report['lua'] or 'absent'};\n{report['date']}, {report['cpus']} CPUs, "
          f"load average {report['loadavg_before'][0]:.1f} before, {report['loadavg_after'][0]:.1f} after")
    print("py/asy > 1: asy is faster than python3. asy/lua > 1: asy is slower than lua.")
    if report.get("quick"):
        print("--quick: at these sizes start-up is a large share of every time; quote full runs only.")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("workloads", nargs="*",
                    help="names to run (default: all), e.g. fib sleep0 many_sleepers startup")
    ap.add_argument("--asy", default=str(ROOT / "build" / "cli" / "asy"), help="asy binary")
    ap.add_argument("--python", default="python3", help="python interpreter (default python3)")
    ap.add_argument("--python-args", default="-S",
                    help="flags for python (default -S: no site-packages, whose .pth files can add"
                         " tens of ms to each start on some machines; the workloads need only the"
                         " standard library). Pass '' for none")
    ap.add_argument("--lua", default="lua5.4", help="lua interpreter (default lua5.4)")
    ap.add_argument("-n", "--repeat", type=int, default=3, help="runs per program, best kept (default 3)")
    ap.add_argument("--quick", action="store_true", help="smaller sizes: the whole run takes under a minute")
    ap.add_argument("--metric", choices=("wall", "cpu"), default="wall",
                    help="what the table shows: wall-clock or user+system CPU time (both go to --json)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds before a run is killed (default 600)")
    ap.add_argument("--load", metavar="FILE", help="print the table of a saved --json report instead of running")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON ('-': only JSON, to stdout)")
    args = ap.parse_args()

    if args.load:
        print_table(json.loads(Path(args.load).read_text()), args.metric)
        return 0

    names = args.workloads or [w.name for w in WORKLOADS] + list(SPECIAL)
    known = {w.name for w in WORKLOADS} | set(SPECIAL)
    unknown = [n for n in names if n not in known]
    if unknown:
        ap.error(f"unknown workload(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")

    asy = os.path.realpath(args.asy)
    if not os.access(asy, os.X_OK):
        sys.exit(f"run.py: no asy binary at {asy} (build it, or pass --asy PATH)")
    python, pyver = real_python(args.python)
    if not python:
        sys.exit(f"run.py: {args.python} not found")
    if not pyver.startswith("3.11"):
        progress(f"note: {args.python} is Python {pyver}; the targets are stated against CPython 3.11")
    lua = resolve(args.lua)
    if not lua:
        progress(f"note: {args.lua} not found: the Lua columns stay empty")
    buildtype = asy_buildtype(asy)
    if buildtype not in ("release", "unknown"):
        progress(f"note: {asy} is a {buildtype} build; for figures worth quoting use a release build")

    # asy and python3 are argv prefixes (python takes flags); lua is a path.
    interps = {"asy": [asy], "python3": [python] + args.python_args.split(), "lua": lua}
    report = {"date": time.strftime("%Y-%m-%d %H:%M"), "asy": asy, "asy_buildtype": buildtype,
              "python": " ".join(interps["python3"]), "python_version": pyver, "lua": lua, "repeat": args.repeat,
              "quick": args.quick, "machine": os.uname().machine, "cpus": os.cpu_count(),
              "loadavg_before": os.getloadavg(), "workloads": {}}

    for w in WORKLOADS:
        if w.name in names:
            size = w.quick if args.quick else w.full
            report["workloads"][w.name] = bench_workload(w, size, interps, args.repeat, args.timeout)
    if "many_sleepers" in names:
        report["memory"] = bench_memory(SLEEPERS[1] if args.quick else SLEEPERS[0], interps, args.timeout)
    if "startup" in names:
        report["startup"] = bench_startup(interps, 10 if args.quick else 50, args.timeout)
    report["loadavg_after"] = os.getloadavg()

    if args.json == "-":
        json.dump(report, sys.stdout, indent=2)
        print()
    else:
        if args.json:
            Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
        print_table(report, args.metric)

    failed = any(not r["ok"] for e in report["workloads"].values() for r in e["results"].values())
    failed |= any(not r["ok"] for r in report.get("memory", {}).get("results", {}).values())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
