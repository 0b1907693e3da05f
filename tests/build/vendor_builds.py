#!/usr/bin/env python3
"""Vendoring check: copy one library folder (plus what libraries.json declares it
needs) alone into a scratch directory and compile every .c and .S there with a
plain compiler command and each cross target's kernel flags, as a user's Makefile
would, with -Wall -Wextra -Werror. Files the folder declares "optional" are left
out of that build (the rest must compile without their extra deps), then each is
compiled alone after its own deps (and theirs) are copied in.

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


def copy_in(root, scratch, declared, folders, headers, transitive):
    """Copy folders and headers into scratch; transitive: with what each folder
    declares in turn (an optional file's deps bring their own)."""
    pending = list(folders)
    while pending:
        folder = pending.pop()
        dest = os.path.join(scratch, folder)
        if os.path.exists(dest):
            continue
        shutil.copytree(os.path.join(root, folder), dest,
                        ignore=shutil.ignore_patterns("meson.build", "*.md"))
        if transitive:
            info = declared.get(folder, {"deps": [], "headers": []})
            pending += info["deps"]
            headers = list(headers) + info["headers"]
    for header in headers:
        os.makedirs(os.path.join(scratch, os.path.dirname(header)), exist_ok=True)
        shutil.copy(os.path.join(root, header), os.path.join(scratch, header))


def compile_all(root, scratch, lib, sources):
    """{cross: [sources that failed]} for every cross target."""
    failed = {}
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
        failed[cross] = bad
    return failed


def main():
    root, libs = sys.argv[1], sys.argv[2:]
    with open(os.path.join(HERE, "libraries.json")) as f:
        declared = json.load(f)
    failures = 0
    for lib in libs:
        info = declared.get(lib, {"deps": [], "headers": []})
        optional = info.get("optional", {})
        with tempfile.TemporaryDirectory(prefix="vendor-" + lib + "-") as scratch:
            # Exactly what the folder declares: an undeclared include fails.
            copy_in(root, scratch, declared, [lib] + info["deps"], info["headers"], False)
            sources = sorted(n for n in os.listdir(os.path.join(scratch, lib))
                             if n.endswith((".c", ".S")) and n not in optional)
            for cross, bad in compile_all(root, scratch, lib, sources).items():
                if bad:
                    failures += 1
                    print(f"FAIL {lib} on {cross}: {', '.join(bad)}")
                else:
                    left_out = f" (without optional {', '.join(sorted(optional))})" if optional else ""
                    print(f"ok   {lib} on {cross}: {len(sources)} files{left_out}")
            for src, extra in sorted(optional.items()):
                copy_in(root, scratch, declared, extra.get("deps", []), extra.get("headers", []),
                        True)
                for cross, bad in compile_all(root, scratch, lib, [src]).items():
                    if bad:
                        failures += 1
                        print(f"FAIL {lib}/{src} on {cross} with {', '.join(extra['deps'])}")
                    else:
                        print(f"ok   {lib}/{src} on {cross} with {', '.join(extra['deps'])}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
