#!/usr/bin/env python3
"""The command line of osdev-inspect: help, version, dispatch and its errors."""
import subprocess
import sys

exe = sys.argv[1]
failures = 0


def run(*args):
    return subprocess.run([exe, *args], capture_output=True, text=True, timeout=60)


def check(what, ok):
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    failures += 0 if ok else 1


r = run("--help")
check("--help exits 0", r.returncode == 0)
for name in ("acpi", "pci", "mb2"):
    check(f"--help lists {name}", f"\n  {name} " in r.stdout)
r = run("--version")
check("--version prints the name and a version",
      r.returncode == 0 and r.stdout.startswith("osdev-inspect ") and r.stdout.strip()[-1].isdigit())
r = run()
check("no command: usage on stderr, status 2", r.returncode == 2 and "usage:" in r.stderr)
r = run("frobnicate")
check("unknown command: status 2, named", r.returncode == 2 and "frobnicate" in r.stderr)
r = run("mb2", "/nonexistent/file.mbi")
check("unreadable input: status 2", r.returncode == 2 and r.stderr != "")
r = run("acpi", "/nonexistent/dir")
check("unreadable ACPI directory: status 2", r.returncode == 2 and r.stderr != "")
sys.exit(1 if failures else 0)
