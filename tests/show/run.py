#!/usr/bin/env python3
"""Tests of the ways asy shows the model (suite 'show'): --trace, --timeline,
--sched and debug mode. Standard library only.

  tests/trace/NAME.py      run with --trace --clock=virtual [flags]; stdout and
                           stderr together must equal NAME.py.out
  tests/debug/NAME.py      run with --debug --clock=virtual [flags]; stderr must
                           equal NAME.py.err (and stdout NAME.py.out if present)
  tests/timeline/NAME.py   run with --timeline=DIR/NAME --clock=virtual: the SVG
                           and JSON are checked for structure and against each
                           other; the text chart (COLUMNS=100) must equal
                           NAME.py.chart when that file exists, and its arrows
                           (who wakes, lets go on or cancels whom, from the
                           JSON's flow events) NAME.py.arrows when that exists
  tests/timeline/render    one SVG rendered by headless Chromium (skipped, with
                           a message, when /usr/bin/chromium is absent)
  tests/show/sched_*.py    output under each --sched mode (NAME.py.MODE.out)

NAME.py.flags, when present, holds extra asy flags (for tests/debug, a first
word "=" makes the rest replace --debug --clock=virtual). Expected files are
asy-only outputs: write them with --regen, then review them line by line.

usage: run.py --interp build/cli/asy [--regen] [-k FILTER]
Prints `show: N passed, M failed` and exits 1 if anything failed.
"""
import json
import os
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib

from common import parse_args, relative_to

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.dirname(HERE)
TIMEOUT = 30
CHROMIUM = "/usr/bin/chromium"

results = {"passed": 0, "failed": 0, "skipped": 0}


def say(status, name, detail=""):
    results[status] += 1
    if status != "passed" or os.environ.get("SHOW_VERBOSE"):
        print(f"{status.upper()}: {name}" + (f"\n{detail}" if detail else ""))


def run(interp, args, cwd, merge=False, env_extra=None):
    """Run asy in cwd; merge=True sends stderr into stdout (the narration
    flushes stdout before each line, so the order is the true one)."""
    env = dict(os.environ)
    for var in ("NO_COLOR", "ASY_DEBUG", "ASY_CLOCK"):
        env.pop(var, None)
    env.update(env_extra or {})
    p = subprocess.run([interp] + args, cwd=cwd, text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL,
                       env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT if merge else subprocess.PIPE)
    # An ASan build warns about the executor's fibers (swapcontext): not ours to compare.
    noise = lambda text: text and "".join(l for l in text.splitlines(True)
                                          if "ASan doesn't fully support makecontext" not in l)
    p.stdout, p.stderr = noise(p.stdout), noise(p.stderr)
    return relative_to(p, cwd)


def flags_of(path):
    f = path + ".flags"
    return open(f).read().split() if os.path.exists(f) else []


def programs(directory, filt):
    d = os.path.join(TESTS, directory)
    if not os.path.isdir(d):
        return []
    return sorted(os.path.join(d, n) for n in os.listdir(d)
                  if n.endswith(".py") and (not filt or filt in f"{directory}/{n}"))


def diff(expected, actual):
    import difflib
    lines = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(), "expected", "actual",
                                      lineterm="", n=1))
    return "\n".join(lines[:60])


def check_golden(name, expected_path, actual, regen):
    if regen:
        with open(expected_path, "w") as f:
            f.write(actual)
        say("passed", name + " (written)")
        return
    if not os.path.exists(expected_path):
        say("failed", name, f"missing {expected_path} (run with --regen, then review it)")
        return
    expected = open(expected_path).read()
    if expected == actual:
        say("passed", name)
    else:
        say("failed", name, diff(expected, actual))


# ----------------------------------------------------------------- trace

def trace_tests(interp, filt, regen):
    for path in programs("trace", filt):
        d, base = os.path.split(path)
        p = run(interp, ["--trace", "--clock=virtual"] + flags_of(path) + [base], d, merge=True)
        check_golden("trace/" + base, path + ".out", p.stdout, regen)


def run_on_tty(interp, args, cwd, env_extra):
    """Run asy with stderr on a pseudo-terminal; returns what it wrote there."""
    import pty
    import select
    master, slave = pty.openpty()
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env.update(env_extra)
    p = subprocess.Popen([interp] + args, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=slave, env=env)
    os.close(slave)
    out = b""
    while True:
        r, _, _ = select.select([master], [], [], TIMEOUT)
        if not r:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    p.wait(timeout=TIMEOUT)
    os.close(master)
    return out.decode("utf-8", "replace")


def colour_tests(interp, filt, regen):
    if filt and filt not in "trace/colour":
        return
    src = os.path.join(TESTS, "trace", "hello_tasks.py")
    d, base = os.path.split(src)
    args = ["--trace", "--clock=virtual", base]
    cases = [("terminal", {}, [], True), ("NO_COLOR=1", {"NO_COLOR": "1"}, [], False),
             ("--no-color", {}, ["--no-color"], False)]
    for label, env, extra, want in cases:
        text = run_on_tty(interp, extra + args, d, env)
        has = "\033[" in text
        plain = text.replace("\r\n", "\n")
        for code in ("\033[0m", "\033[1m", "\033[2m", "\033[1;32m", "\033[33m", "\033[34m", "\033[36m",
                     "\033[32m"):
            plain = plain.replace(code, "")
        expected = [line for line in open(src + ".out").read().splitlines() if line.startswith("[")]
        same = plain.splitlines() == expected
        ok = has == want and same
        say("passed" if ok else "failed", f"trace/colour ({label})",
            "" if ok else f"colour codes: {has} (wanted {want}); text without them equals the golden: {same}")
    p = run(interp, args, d)  # a pipe: never colour
    say("passed" if "\033[" not in p.stderr else "failed", "trace/colour (pipe)")


# ----------------------------------------------------------------- debug

def debug_tests(interp, filt, regen):
    for path in programs("debug", filt):
        d, base = os.path.split(path)
        flags = flags_of(path)
        # "= FLAGS" replaces the default flags (a test of asyncio.run(debug=True) alone).
        flags = flags[1:] if flags[:1] == ["="] else ["--debug", "--clock=virtual"] + flags
        p = run(interp, flags + [base], d)
        check_golden("debug/" + base + " (stderr)", path + ".err", p.stderr, regen)
        if os.path.exists(path + ".out") or regen:
            check_golden("debug/" + base + " (stdout)", path + ".out", p.stdout, regen)


# ----------------------------------------------------------------- timeline

SVG = "{http://www.w3.org/2000/svg}"


def check_json(trace):
    """Chrome trace-event format: every event well formed, B/E balanced per
    thread, X durations non-negative, flow starts and ends paired."""
    problems = []
    events = trace["traceEvents"]
    names = {e["tid"]: e["args"]["name"] for e in events if e.get("ph") == "M" and e["name"] == "thread_name"}
    depth, flows = {}, {}
    for e in events:
        for key in ("ph", "pid", "tid"):
            if key not in e:
                problems.append(f"event without {key}: {e}")
        ph = e.get("ph")
        if ph in ("B", "E", "X", "s", "f") and "ts" not in e:
            problems.append(f"event without ts: {e}")
        if ph == "B":
            depth[e["tid"]] = depth.get(e["tid"], 0) + 1
        elif ph == "E":
            depth[e["tid"]] = depth.get(e["tid"], 0) - 1
            if depth[e["tid"]] < 0:
                problems.append(f"E without B on tid {e['tid']}")
        elif ph == "X":
            if e["dur"] < 0:
                problems.append(f"negative duration: {e}")
            if e["tid"] not in names:
                problems.append(f"span on an unnamed thread: {e}")
        elif ph in ("s", "f"):
            flows.setdefault(e["id"], []).append(ph)
    problems += [f"unbalanced B/E on tid {t}" for t, n in depth.items() if n]
    problems += [f"flow {i} is {v}" for i, v in flows.items() if sorted(v) != ["f", "s"]]
    return names, problems


def spans_by_task(trace):
    """{tid: [(start, end, state)]} from the X events, in seconds."""
    out = {}
    for e in trace["traceEvents"]:
        if e.get("ph") == "X":
            out.setdefault(e["tid"], []).append((e["ts"] / 1e6, (e["ts"] + e["dur"]) / 1e6, e["cat"]))
    return out


def check_svg(root, names, spans):
    problems = []
    rows = [g for g in root.iter(SVG + "g") if g.get("class") == "row"]
    if len(rows) != len(names):
        problems.append(f"{len(rows)} rows in the SVG for {len(names)} tasks in the JSON")
    for g in rows:
        tid = int(g.get("data-task"))
        if tid not in names:
            problems.append(f"row for task {tid} that the JSON does not name")
            continue
        drawn = [(float(r.get("data-start")), float(r.get("data-end")), r.get("data-state"))
                 for r in g.iter(SVG + "rect") if r.get("class") == "span"]
        recorded = [s for s in spans.get(tid, []) if not (s[2] == "ready" and s[1] - s[0] < 1e-9)]
        key = lambda s: (round(s[0], 6), round(s[1], 6), s[2])
        if sorted(map(key, drawn)) != sorted(map(key, [s for s in recorded if s[2] != "ready"]
                                                 + [s for s in drawn if s[2] == "ready"])):
            problems.append(f"task {tid}: SVG spans {sorted(map(key, drawn))[:6]}… differ from "
                            f"JSON spans {sorted(map(key, recorded))[:6]}…")
        # A task's spans follow one another without gaps or overlaps.
        seq = sorted(spans.get(tid, []))
        for a, b in zip(seq, seq[1:]):
            if abs(a[1] - b[0]) > 1e-9:
                problems.append(f"task {tid}: span ending at {a[1]} is followed by one starting at {b[0]}")
                break
        for r in g.iter(SVG + "rect"):
            if r.get("class") == "span" and r.find(SVG + "title") is None:
                problems.append(f"task {tid}: a span without a <title>")
                break
    return problems


def arrows_text(trace, names):
    """One line per arrow of the JSON: "wake a work('a', 0.1) -> Task-1 main()
    0.100 -> 0.100" (the flow's start and end, in seconds)."""
    starts, lines = {}, []
    for e in trace["traceEvents"]:
        if e.get("ph") == "s":
            starts[e["id"]] = e
        elif e.get("ph") == "f" and e["id"] in starts:
            s = starts.pop(e["id"])
            lines.append(f"{s['name']} {names.get(s['tid'])} -> {names.get(e['tid'])} "
                         f"{s['ts'] / 1e6:.3f} -> {e['ts'] / 1e6:.3f}")
    return "".join(line + "\n" for line in lines)


def timeline_tests(interp, filt, regen):
    for path in programs("timeline", filt):
        d, base = os.path.split(path)
        name = "timeline/" + base
        with tempfile.TemporaryDirectory() as tmp:
            stem = os.path.join(tmp, base[:-3])
            p = run(interp, ["--clock=virtual", f"--timeline={stem}"] + flags_of(path) + [base], d)
            if p.returncode != 0 and not os.path.exists(path + ".rc"):
                say("failed", name, f"exit status {p.returncode}\n{p.stderr[-2000:]}")
                continue
            try:
                trace = json.load(open(stem + ".json"))
                root = ET.parse(stem + ".svg").getroot()
            except (OSError, ValueError, ET.ParseError) as e:
                say("failed", name, f"unreadable output: {e}")
                continue
            names, problems = check_json(trace)
            problems += check_svg(root, names, spans_by_task(trace))
            if problems:
                say("failed", name, "\n".join(problems[:10]))
            else:
                say("passed", name + " (svg/json structure)")
            if os.path.exists(path + ".arrows") or regen:
                check_golden(name + " (arrows)", path + ".arrows", arrows_text(trace, names), regen)
        if os.path.exists(path + ".chart") or regen:
            p = run(interp, ["--clock=virtual", "--timeline"] + flags_of(path) + [base], d,
                    env_extra={"COLUMNS": "100"})
            check_golden(name + " (text chart)", path + ".chart", p.stderr, regen)


def png_colours(path):
    """The number of distinct pixel rows of a PNG and whether it has colour,
    decoded with zlib only (8-bit RGB/RGBA, no interlace)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    bpp = {2: 3, 6: 4}.get(ctype)
    if not bpp:
        return None
    stride = width * bpp + 1
    coloured = 0
    prev = bytearray(width * bpp)
    for y in range(height):
        line = bytearray(raw[y * stride + 1:(y + 1) * stride])
        f = raw[y * stride]
        for i in range(len(line)):  # undo the PNG filters
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, len(line), bpp):
            r, g, b = line[x], line[x + 1], line[x + 2]
            if max(r, g, b) - min(r, g, b) > 60:
                coloured += 1
        prev = line
    return coloured


def render_test(interp, filt, regen):
    name = "timeline/render (headless Chromium)"
    if filt and filt not in "render":
        return
    if not os.path.exists(CHROMIUM):
        print(f"SKIPPED: {name}: {CHROMIUM} is absent (apt-get install chromium to run it)")
        results["skipped"] += 1
        return
    src = os.path.join(TESTS, "trace", "hello_tasks.py")
    with tempfile.TemporaryDirectory() as tmp:
        svg, png = os.path.join(tmp, "x.svg"), os.path.join(tmp, "x.png")
        run(interp, ["--clock=virtual", f"--timeline={svg}", os.path.basename(src)], os.path.dirname(src))
        profile = os.path.join(tmp, "profile")
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", f"--screenshot={png}", "--window-size=1200,800",
               "file://" + svg]
        try:
            subprocess.run(cmd, capture_output=True, timeout=120, cwd=tmp)
        except subprocess.TimeoutExpired:
            say("failed", name, "chromium did not finish in 120 s")
            return
        if not os.path.exists(png):
            say("failed", name, "chromium wrote no screenshot")
            return
        coloured = png_colours(png)
        # The bars (sleeping blue, waiting lilac, running green) must show.
        if coloured is None or coloured < 5000:
            say("failed", name, f"the screenshot has {coloured} coloured pixels: the SVG did not render")
        else:
            say("passed", name)


# ----------------------------------------------------------------- sched

SCHED_MODES = ["fifo", "eager", "shuffle:1", "shuffle:42"]


def sched_tests(interp, filt, regen):
    for path in programs("show", filt):
        d, base = os.path.split(path)
        if not base.startswith("sched_"):
            continue
        for mode in SCHED_MODES:
            p = run(interp, ["--clock=virtual", f"--sched={mode}", base], d)
            check_golden(f"show/{base} --sched={mode}", f"{path}.{mode.replace(':', '_')}.out", p.stdout, regen)
    if filt and filt not in "sched-usage":
        return
    src = os.path.join(TESTS, "trace", "hello_tasks.py")
    for bad in ["bogus", "shuffle", "shuffle:", "shuffle:x", "shuffle:-1", "FIFO"]:
        p = run(interp, [f"--sched={bad}", os.path.basename(src)], os.path.dirname(src))
        ok = p.returncode == 2 and "--sched must be fifo, eager or shuffle:SEED" in p.stderr and not p.stdout
        say("passed" if ok else "failed", f"sched-usage --sched={bad}",
            "" if ok else f"status {p.returncode}, stderr: {p.stderr}")


def main():
    a = parse_args("run.py")
    interp = a.interp
    for suite in (trace_tests, colour_tests, debug_tests, timeline_tests, render_test, sched_tests):
        suite(interp, a.filt, a.regen)
    print(f"show: {results['passed']} passed, {results['failed']} failed"
          + (f", {results['skipped']} skipped" if results["skipped"] else ""))
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
