#!/usr/bin/env python3
"""`meson install` of a cross build puts, for every library, its headers under
include/<lib>/, lib<lib>.a under lib/ and osdev-<lib>.pc under lib/pkgconfig/, and
each installed header carries version macros (version.h).

usage: install_layout.py CROSS_BUILD_DIR LIB..."""
import os
import re
import subprocess
import sys
import tempfile


def main():
    build, libs = sys.argv[1], sys.argv[2:]
    failures = 0
    with tempfile.TemporaryDirectory(prefix="install-") as dest:
        r = subprocess.run(["meson", "install", "-C", build, "--destdir", dest, "--quiet"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stdout, r.stderr)
            return 1
        found = {}
        for dirpath, _, names in os.walk(dest):
            for n in names:
                found[n] = found.get(n, []) + [os.path.join(dirpath, n)]
        for lib in libs:
            problems = []
            archives = [p for p in found.get(f"lib{lib}.a", []) if os.sep + "lib" in p]
            if not archives:
                problems.append(f"lib{lib}.a not installed")
            pcs = [p for p in found.get(f"osdev-{lib}.pc", []) if "pkgconfig" in p]
            if not pcs:
                problems.append(f"osdev-{lib}.pc not installed")
            version = [p for p in found.get("version.h", [])
                       if p.endswith(os.path.join("include", lib, "version.h"))]
            if not version:
                problems.append(f"include/{lib}/version.h not installed")
            else:
                with open(version[0]) as f:
                    text = f.read()
                for part in ("MAJOR", "MINOR", "PATCH"):
                    if not re.search(r"#define\s+\w+_VERSION_" + part + r"\s+\d+", text):
                        problems.append(f"{lib}/version.h lacks a *_VERSION_{part} macro")
            if problems:
                failures += 1
                print(f"FAIL {lib}: " + "; ".join(problems))
            else:
                print(f"ok   {lib}: headers, archive, pkg-config file")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
