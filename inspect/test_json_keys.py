#!/usr/bin/env python3
"""Every JSON report of every osdev-inspect subcommand has unique keys in every
object (RFC 8259, 4: names "SHOULD be unique"; Python's reader silently keeps
the last of two). Each subcommand runs with --json, and with each flag that
changes its JSON, over every input the tree holds: the real-computer ACPI
corpus, the QEMU fixtures (table folders, memory snapshots, PCI config
spaces), the Multiboot2 captures, this tree's own fixtures, the fuzz seeds and
crashes (malformed input: the error paths), and this machine's sysfs when it
is readable. Every report must parse as one JSON value with no duplicate key,
and the subcommand must exit 0 or 1 (1: bad input reported).

To cover a new subcommand, add a function that yields its argument lists to
SUBCOMMANDS; the test fails when `osdev-inspect --help` lists a subcommand
that SUBCOMMANDS lacks.

usage: test_json_keys.py OSDEV_INSPECT SHARED_DIR SOURCE_ROOT
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile


class DuplicateKey(Exception):
    pass


def unique_pairs(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(f"key {key!r} twice in an object with keys {[k for k, _ in pairs]}")
        seen[key] = value
    return seen


def dirs(pattern):
    return sorted(d for d in glob.glob(pattern) if os.path.isdir(d))


def seed_files(root, harness_prefix):
    """Seeds and crashes of the fuzz harnesses whose name starts with the prefix."""
    out = {}
    for h in dirs(os.path.join(root, "tests", "fuzz", harness_prefix + "*")):
        files = sorted(f for sub in ("seeds", "crashes")
                       for f in glob.glob(os.path.join(h, sub, "*"))
                       if os.path.isfile(f) and not os.path.basename(f).startswith("."))
        if files:
            out[os.path.basename(h)] = files
    return out


def acpi_runs(shared, root, tmp):
    folders = dirs(os.path.join(shared, "corpus", "acpi", "*"))
    for fixture in dirs(os.path.join(shared, "fixtures", "qemu", "*")):
        folders += dirs(os.path.join(fixture, "tables*"))
        if os.path.isfile(os.path.join(fixture, "ranges.txt")):
            yield ["--memory", fixture]
    folders += dirs(os.path.join(root, "tests", "fixtures", "*", "tables"))
    # One folder per fuzz harness: its seeds and crashes side by side.
    for harness, files in seed_files(root, "acpi_").items():
        d = os.path.join(tmp, "acpi", harness)
        os.makedirs(d)
        for i, f in enumerate(files):
            shutil.copy(f, os.path.join(d, f"{i}.dat"))
        folders.append(d)
    if os.access("/sys/firmware/acpi/tables/APIC", os.R_OK):
        folders.append("/sys/firmware/acpi/tables")
    else:
        print("note: /sys/firmware/acpi/tables not readable here, not run")
    for d in folders:
        yield [d]


def pci_runs(shared, root, tmp):
    for fixture in dirs(os.path.join(shared, "fixtures", "qemu", "*")):
        if os.path.isdir(os.path.join(fixture, "pci")):
            yield [fixture]
    # Each seed as the config space of function 00:dd.0 of one folder.
    for harness, files in seed_files(root, "pci_").items():
        d = os.path.join(tmp, "pci", harness)
        os.makedirs(d)
        for i, f in enumerate(files[:32]):
            shutil.copy(f, os.path.join(d, f"00_{i:02x}_0.bin"))
        yield [d]
    try:
        readable = any(os.access(os.path.join("/sys/bus/pci/devices", n, "config"), os.R_OK)
                       for n in os.listdir("/sys/bus/pci/devices"))
    except OSError:
        readable = False
    if readable:
        yield []
    else:
        print("note: /sys/bus/pci/devices not readable here, not run")


def mb2_runs(shared, root, tmp):
    for mbi in sorted(glob.glob(os.path.join(shared, "fixtures", "multiboot2", "*.mbi"))):
        yield [mbi]
        mem = mbi[:-len(".mbi")] + ".mem"
        if os.path.isdir(mem):
            yield ["--mem", mem, mbi]
    for files in seed_files(root, "mb2_").values():
        for f in files:
            yield [f]


def aml_runs(shared, root, tmp):
    """A DSDT/SSDT folder loads the whole namespace; --eval prints one value
    (\\_S5_ exists on nearly every machine, and its absence is a reported
    status, also JSON)."""
    folders = [d for d in dirs(os.path.join(shared, "corpus", "acpi", "*"))
               if os.path.isfile(os.path.join(d, "dsdt.dat"))]
    for fixture in dirs(os.path.join(shared, "fixtures", "qemu", "*")):
        folders += [d for d in dirs(os.path.join(fixture, "tables"))
                    if os.path.isfile(os.path.join(d, "dsdt.dat"))]
    for d in folders:
        yield [d]
        yield ["--eval", "\\_S5_", "--", d]
    # Malformed byte code: the seeds and crashes of the AML harnesses that are
    # tables (others carry the harness's own framing, which the tool refuses
    # with its usage status).
    for files in seed_files(root, "acpi_aml").values():
        for f in files:
            with open(f, "rb") as fh:
                if fh.read(4) in (b"DSDT", b"SSDT", b"PSDT"):
                    yield [f]


# Subcommand -> the argument lists (after `--json`) to run it with.
SUBCOMMANDS = {
    "acpi": acpi_runs,
    "pci": pci_runs,
    "mb2": mb2_runs,
    "aml": aml_runs,
}


def listed_subcommands(exe):
    r = subprocess.run([exe, "--help"], capture_output=True, text=True, timeout=60)
    return set(re.findall(r"^  ([a-z0-9_]+) ", r.stdout, re.M))


def main():
    exe, shared, root = sys.argv[1], sys.argv[2], sys.argv[3]
    failures = []
    missing = listed_subcommands(exe) - set(SUBCOMMANDS)
    if missing:
        failures.append(f"subcommands without inputs in SUBCOMMANDS: {sorted(missing)}")
    counts = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, runs in SUBCOMMANDS.items():
            counts[name] = 0
            for args in runs(shared, root, tmp):
                cmd = [exe, name, "--json", *args]
                r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
                where = " ".join(cmd[1:])
                counts[name] += 1
                if r.returncode not in (0, 1):
                    failures.append(f"{where}: exit status {r.returncode}: {r.stderr.strip()}")
                    continue
                try:
                    json.loads(r.stdout, object_pairs_hook=unique_pairs)
                except DuplicateKey as e:
                    failures.append(f"{where}: {e}")
                except ValueError as e:
                    failures.append(f"{where}: not JSON ({e})")
    for f in failures:
        print("FAIL", f)
    print("reports checked: " + ", ".join(f"{n} {c}" for n, c in counts.items()) +
          f"; {len(failures)} failures")
    if any(c == 0 for c in counts.values()):
        print("FAIL a subcommand ran on no input")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
