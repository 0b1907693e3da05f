#!/usr/bin/env python3
"""osdev-inspect acpi on damaged copies of real tables: a truncated MADT, an
MADT with a zero-length entry, a FADT with a wrong checksum and a file that is
not a table. Each damaged table is reported with its status, the wrong
checksum is decoded anyway (ACPICA's accept-and-report policy), the non-table
is skipped, and the run goes on (exit status 1: bad input reported).

usage: inspect_bad_input.py OSDEV_INSPECT SHARED_DIR
"""
import json
import os
import subprocess
import sys
import tempfile


def main():
    exe, shared = sys.argv[1], sys.argv[2]
    src = os.path.join(shared, "fixtures", "qemu", "q35-ovmf", "tables")
    with open(os.path.join(src, "APIC.dat"), "rb") as f:
        apic = f.read()
    with open(os.path.join(src, "FACP.dat"), "rb") as f:
        facp = bytearray(f.read())
    with open(os.path.join(src, "HPET.dat"), "rb") as f:
        hpet = f.read()
    facp[100] ^= 0x40  # FLUSH_SIZE: checksum now wrong
    # A zero Length at the second entry (offset 52 + 1): the iterator must stop there.
    bad_entry = bytearray(apic)
    bad_entry[53] = 0
    failures = 0

    def check(what, ok):
        nonlocal failures
        print(("ok   " if ok else "FAIL ") + what)
        failures += 0 if ok else 1

    with tempfile.TemporaryDirectory() as d:
        for name, data in (("apic-truncated.dat", apic[:100]), ("apic-bad-entry.dat", bad_entry),
                           ("facp.dat", facp), ("hpet.dat", hpet),
                           ("notes.txt", b"INDEX of tables, not a table\n")):
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
        r = subprocess.run([exe, "acpi", "--json", d], capture_output=True, text=True, timeout=60)
        check("exit status 1 (bad input reported)", r.returncode == 1)
        out = json.loads(r.stdout)
        listed = {t["file"]: t for t in out["tables"]}
        check("the text file is not listed", "notes.txt" not in listed)
        check("truncated MADT listed as truncated",
              listed.get("apic-truncated.dat", {}).get("status") == "truncated")
        errors = {(e["file"], e["status"]) for e in out["errors"]}
        check("truncated MADT in errors", ("apic-truncated.dat", "truncated") in errors)
        check("zero-length MADT entry in errors", ("apic-bad-entry.dat", "malformed entry") in errors)
        madts = {m["file"]: m for m in out["madt"]}
        bad = madts.get("apic-bad-entry.dat")
        check("MADT with a bad entry still decoded up to it",
              bad is not None and len(bad["entries"]) == 1 and bad["status"] == "malformed entry")
        fadt = out["fadt"][0] if out["fadt"] else None
        check("FADT with a wrong checksum decoded, mismatch reported",
              fadt is not None and fadt["header"]["checksum_ok"] is False and fadt["sci_int"] == 9)
        check("the HPET after them decoded", len(out["hpet"]) == 1)

        r = subprocess.run([exe, "acpi", d], capture_output=True, text=True, timeout=60)
        check("text report names the truncated table",
              "apic-truncated.dat: truncated" in r.stdout and "MISMATCH" in r.stdout)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
