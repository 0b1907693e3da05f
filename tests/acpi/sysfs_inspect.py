#!/usr/bin/env python3
"""Run `osdev-inspect acpi --json` on this machine's /sys/firmware/acpi/tables
and check that every table file there is listed and parsed without error.
Exits 77 (skip) when the folder is absent or its tables are not readable.

usage: sysfs_inspect.py OSDEV_INSPECT [DIR]
"""
import json
import os
import subprocess
import sys

SKIP = 77


def tables_in(root):
    """Files whose header looks like an ACPI table, by content: an upper-case
    signature and a Length equal to the file's size (sysfs serves exact tables)."""
    found = {}
    for dirpath, _, files in os.walk(root):
        for name in files:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                data = f.read()
            if len(data) < 8:
                continue
            sig = data[:4].decode("latin-1")
            length = int.from_bytes(data[4:8], "little")
            if all(c.isupper() or c.isdigit() or c == "_" for c in sig) and length == len(data):
                found[os.path.relpath(path, root)] = sig
    return found


def main():
    exe = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) > 2 else "/sys/firmware/acpi/tables"
    if not os.path.isdir(root):
        print(f"{root} does not exist: skipped")
        return SKIP
    try:
        expected = tables_in(root)
    except PermissionError as e:
        print(f"{root} is not readable here ({e}): skipped")
        return SKIP
    if not expected:
        print(f"no readable tables in {root}: skipped")
        return SKIP
    r = subprocess.run([exe, "acpi", "--json", root], capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        print(f"osdev-inspect exited {r.returncode}: {r.stderr}")
        return 1
    report = json.loads(r.stdout)
    listed = {t["file"]: t for t in report["tables"]}
    failures = 0
    for rel, sig in sorted(expected.items()):
        entry = listed.get(os.path.basename(rel))
        if entry is None or entry["signature"] != sig:
            print(f"FAIL {rel} ({sig}) not listed")
            failures += 1
        elif entry["status"] != "ok":
            print(f"FAIL {rel} ({sig}): {entry['status']}")
            failures += 1
        else:
            print(f"ok   {rel} ({sig}), checksum {'ok' if entry['checksum_ok'] else 'MISMATCH'}")
    for key, sig in (("madt", "APIC"), ("fadt", "FACP"), ("hpet", "HPET"), ("mcfg", "MCFG")):
        want = sum(1 for s in expected.values() if s == sig)
        if len(report[key]) != want:
            print(f"FAIL {key}: {want} {sig} tables, {len(report[key])} decoded")
            failures += 1
    if report["errors"]:
        print(f"FAIL errors reported: {report['errors']}")
        failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
