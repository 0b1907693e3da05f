#!/usr/bin/env python3
"""Compare `osdev-inspect acpi --json DIR` with ACPICA's decoding (truth.json).

Runs over every computer of ../shared/corpus/acpi and, for every QEMU fixture
that has a truth.json, over both table folders (tables/ and
tables-acpixtract/) and over the memory snapshot itself (`--memory`: RSDP
search or EFI system table, then discovery, as a kernel finds the tables).
Every field of every MADT, FADT, HPET and MCFG instance in truth.json must be
equal; keys that only restate ACPICA's wording are not compared.

usage: truth_compare.py OSDEV_INSPECT SHARED_DIR
"""
import json
import os
import subprocess
import sys

TABLE_KEYS = ("madt", "fadt", "hpet", "mcfg")
# ACPICA's own wording, not fields of the tables (see corpus/README.md).
IGNORED = {"section", "type_name", "file", "text_tables", "iasl_version"}


def ignored(key):
    return key in IGNORED or key.endswith("_decoded")


def acpica_ascii(s):
    """ACPICA prints header IDs up to the first NUL with every non-printable
    character as a space (AcpiUtCheckAndRepairAscii); truth.json holds that."""
    out = ""
    for c in s:
        if c == "\0":
            break
        out += c if " " <= c <= "~" else " "
    return out


HEADER_STRINGS = ("oem_id", "oem_table_id", "asl_compiler_id")
compared = 0  # leaf values compared, for the summary line


def compare(truth, mine, where, problems):
    if isinstance(truth, dict):
        if not isinstance(mine, dict):
            problems.append(f"{where}: expected an object, got {mine!r}")
            return
        for key, value in truth.items():
            if ignored(key):
                continue
            if key not in mine:
                problems.append(f"{where}.{key}: missing (truth {value!r})")
                continue
            got = mine[key]
            if key in HEADER_STRINGS and where.endswith(".header") and isinstance(got, str):
                got = acpica_ascii(got)
            compare(value, got, f"{where}.{key}", problems)
    elif isinstance(truth, list):
        if not isinstance(mine, list) or len(mine) != len(truth):
            problems.append(f"{where}: {len(truth)} items in truth, got "
                            f"{len(mine) if isinstance(mine, list) else mine!r}")
            return
        for i, (t, m) in enumerate(zip(truth, mine)):
            compare(t, m, f"{where}[{i}]", problems)
    else:
        global compared
        compared += 1
        if truth != mine:
            problems.append(f"{where}: truth {truth!r}, got {mine!r}")


def match_instance(truth_inst, candidates):
    """The decoded instance with the same length and checksum (file name as a
    tie-breaker: acpixtract names duplicates apic1.dat, apic2.dat ...)."""
    h = truth_inst["header"]
    same = [c for c in candidates
            if c["header"]["length"] == h["length"] and c["header"]["checksum"] == h["checksum"]]
    if len(same) > 1:
        named = [c for c in same if c.get("file", "").lower() == truth_inst.get("file", "").lower()]
        same = named or same
    return same[0] if same else None


def check_dir(exe, args, truth, label):
    r = subprocess.run([exe, "acpi", "--json", *args], capture_output=True, text=True,
                       timeout=120)
    if r.returncode not in (0, 1):
        return [f"{label}: osdev-inspect exited {r.returncode}: {r.stderr.strip()}"]
    try:
        mine = json.loads(r.stdout)
    except json.JSONDecodeError as e:
        return [f"{label}: output is not JSON: {e}"]
    problems = []
    for key in TABLE_KEYS:
        got = mine.get(key, [])
        if len(got) != len(truth[key]):
            problems.append(f"{label}.{key}: {len(truth[key])} instances in truth, got {len(got)}")
        for n, inst in enumerate(truth[key]):
            m = match_instance(inst, got)
            if m is None:
                problems.append(f"{label}.{key}[{n}]: no decoded table with this length/checksum")
                continue
            compare(inst, m, f"{label}.{key}[{n}]", problems)
    for err in mine.get("errors", []):
        if err.get("signature") in ("APIC", "FACP", "HPET", "MCFG"):
            problems.append(f"{label}: {err}")
    return problems


def main():
    exe, shared = sys.argv[1], sys.argv[2]
    runs = []
    corpus = os.path.join(shared, "corpus", "acpi")
    for hwid in sorted(os.listdir(corpus)):
        d = os.path.join(corpus, hwid)
        if os.path.isfile(os.path.join(d, "truth.json")):
            runs.append(([d], os.path.join(d, "truth.json"), f"corpus/{hwid}"))
    qemu = os.path.join(shared, "fixtures", "qemu")
    for name in sorted(os.listdir(qemu)):
        truth = os.path.join(qemu, name, "truth.json")
        if not os.path.isfile(truth):
            continue
        for sub in ("tables", "tables-acpixtract"):
            d = os.path.join(qemu, name, sub)
            if os.path.isdir(d):
                runs.append(([d], truth, f"qemu/{name}/{sub}"))
        runs.append((["--memory", os.path.join(qemu, name)], truth, f"qemu/{name}/memory"))
    if len(runs) < 40:
        print(f"only {len(runs)} table folders found under {shared}")
        return 1
    failures = 0
    for args, truth_path, label in runs:
        with open(truth_path) as f:
            truth = json.load(f)
        problems = check_dir(exe, args, truth, label)
        if problems:
            failures += 1
            print(f"FAIL {label}")
            for p in problems[:20]:
                print("     " + p)
        else:
            print(f"ok   {label}")
    print(f"{len(runs) - failures}/{len(runs)} table sets agree with truth.json "
          f"({compared} values compared)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
