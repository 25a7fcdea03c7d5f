"""What tests/show/run.py and tests/show/samples.py share."""
import argparse
import os
import shutil
import sys


def parse_args(prog):
    """The runners' command line: --interp, --regen, -k; the interpreter
    resolved to an absolute path (exits when there is none)."""
    ap = argparse.ArgumentParser(prog=prog)
    ap.add_argument("--interp", required=True)
    ap.add_argument("--regen", action="store_true", help="write the expected files (then review them!)")
    ap.add_argument("-k", dest="filt", default="")
    a = ap.parse_args()
    a.interp = os.path.abspath(a.interp) if os.path.exists(a.interp) else shutil.which(a.interp)
    if not a.interp:
        sys.exit(f"{prog}: no interpreter given by --interp")
    return a


def relative_to(p, cwd):
    """p (a CompletedProcess) with cwd's absolute path taken out of its
    output: as CPython does, asy names the script by its absolute path in
    tracebacks, warnings and reprs; expected files must not depend on where
    the checkout is."""
    here = os.path.abspath(cwd) + os.sep
    p.stdout = p.stdout and p.stdout.replace(here, "")
    p.stderr = p.stderr and p.stderr.replace(here, "")
    return p
