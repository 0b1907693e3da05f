#!/usr/bin/env python3
"""No-libc check: every lib<name>.a of every cross build may leave undefined only
memcpy, memmove, memset, memcmp and symbols that its declared sibling libraries
define (tests/build/libraries.json).

usage: freestanding_symbols.py CROSS_BUILD_ROOT LIB..."""
import json
import os
import subprocess
import sys

ALLOWED = {"memcpy", "memmove", "memset", "memcmp"}
HERE = os.path.dirname(os.path.abspath(__file__))


def symbols(archive, undefined):
    flag = "--undefined-only" if undefined else "--defined-only"
    out = subprocess.run(["llvm-nm", flag, "--format=just-symbols", archive],
                         check=True, capture_output=True, text=True).stdout
    return {line.strip() for line in out.splitlines()
            if line.strip() and not line.endswith(":")}


def main():
    cross_root, libs = sys.argv[1], sys.argv[2:]
    with open(os.path.join(HERE, "libraries.json")) as f:
        declared = json.load(f)
    names = sorted(d for d in os.listdir(cross_root) if os.path.isdir(os.path.join(cross_root, d)))
    if not names:
        print("no cross build found under", cross_root)
        return 1
    failures = 0
    for cross in names:
        for lib in libs:
            archive = os.path.join(cross_root, cross, lib, f"lib{lib}.a")
            if not os.path.exists(archive):
                print(f"FAIL {cross}: {archive} was not built")
                failures += 1
                continue
            # Symbols one member of the archive takes from another are resolved inside it.
            allowed = ALLOWED | symbols(archive, undefined=False)
            for dep in declared.get(lib, {}).get("deps", []):
                dep_archive = os.path.join(cross_root, cross, dep, f"lib{dep}.a")
                if os.path.exists(dep_archive):
                    allowed |= symbols(dep_archive, undefined=False)
            bad = sorted(symbols(archive, undefined=True) - allowed)
            if bad:
                failures += 1
                for sym in bad:
                    print(f"FAIL {cross}: lib{lib}.a needs undefined symbol '{sym}'")
            else:
                print(f"ok   {cross}: lib{lib}.a")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
