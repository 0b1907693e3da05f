#!/usr/bin/env python3
"""Vendoring check: copy one library folder (plus what libraries.json declares it
needs) alone into a scratch directory and compile every .c and .S there with a
plain compiler command and each cross target's kernel flags, as a user's Makefile
would, with -Wall -Wextra -Werror.

usage: vendor_builds.py SOURCE_ROOT LIB..."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from crossfiles import CROSS_NAMES, cross_args  # noqa: E402

WARNINGS = ["-std=c11", "-Wall", "-Wextra", "-Wpedantic", "-Werror", "-Wshadow",
            "-Wstrict-prototypes", "-Wmissing-prototypes"]


def main():
    root, libs = sys.argv[1], sys.argv[2:]
    with open(os.path.join(HERE, "libraries.json")) as f:
        declared = json.load(f)
    failures = 0
    for lib in libs:
        info = declared.get(lib, {"deps": [], "headers": []})
        with tempfile.TemporaryDirectory(prefix="vendor-" + lib + "-") as scratch:
            for folder in [lib] + info["deps"]:
                shutil.copytree(os.path.join(root, folder), os.path.join(scratch, folder),
                                ignore=shutil.ignore_patterns("meson.build", "*.md"))
            for header in info["headers"]:
                os.makedirs(os.path.join(scratch, os.path.dirname(header)), exist_ok=True)
                shutil.copy(os.path.join(root, header), os.path.join(scratch, header))
            sources = sorted(n for n in os.listdir(os.path.join(scratch, lib))
                             if n.endswith((".c", ".S")))
            for cross in CROSS_NAMES:
                c_args, _ = cross_args(root, cross)
                bad = []
                for src in sources:
                    cmd = ["clang"] + c_args + WARNINGS + ["-Os", "-I", scratch, "-c",
                           os.path.join(scratch, lib, src), "-o", os.path.join(scratch, src + ".o")]
                    r = subprocess.run(cmd, capture_output=True, text=True)
                    if r.returncode != 0:
                        bad.append(src)
                        print(r.stderr[-2000:])
                if bad:
                    failures += 1
                    print(f"FAIL {lib} on {cross}: {', '.join(bad)}")
                else:
                    print(f"ok   {lib} on {cross}: {len(sources)} files")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
