#!/usr/bin/env python3
"""No-libc check: every lib<name>.a of every cross build may leave undefined only
memcpy, memmove, memset, memcmp and symbols that its declared sibling libraries
define (tests/build/libraries.json). A file the folder declares "optional" (with
deps of its own, e.g. acpi/aml_host_pci.c needing pci_types) may also use the
symbols of those deps, in its own archive member only: every other member is
held to the folder's deps, so the rest of the archive links without them.

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


def members_undefined(archive):
    """{member name: undefined symbols} of an archive (llvm-nm prints 'name.o:' lines)."""
    out = subprocess.run(["llvm-nm", "--undefined-only", "--format=just-symbols", archive],
                         check=True, capture_output=True, text=True).stdout
    members, current = {}, ""
    for line in out.splitlines():
        line = line.strip()
        if line.endswith(":"):
            current = line[:-1]
            members.setdefault(current, set())
        elif line:
            members.setdefault(current, set()).add(line)
    return members


def defined_by(cross_root, cross, deps):
    names = set()
    for dep in deps:
        dep_archive = os.path.join(cross_root, cross, dep, f"lib{dep}.a")
        if os.path.exists(dep_archive):
            names |= symbols(dep_archive, undefined=False)
    return names


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
            info = declared.get(lib, {})
            allowed = ALLOWED | symbols(archive, undefined=False)
            allowed |= defined_by(cross_root, cross, info.get("deps", []))
            optional = info.get("optional", {})
            bad = set()
            for member, undefined in members_undefined(archive).items():
                source = member[:-2] if member.endswith(".o") else member
                extra = optional.get(os.path.basename(source), {}).get("deps", [])
                bad |= undefined - allowed - defined_by(cross_root, cross, extra)
            bad = sorted(bad)
            if bad:
                failures += 1
                for sym in bad:
                    print(f"FAIL {cross}: lib{lib}.a needs undefined symbol '{sym}'")
            else:
                print(f"ok   {cross}: lib{lib}.a")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
