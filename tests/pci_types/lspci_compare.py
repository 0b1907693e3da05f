#!/usr/bin/env python3
"""This machine's own PCI functions: `osdev-inspect pci --json` (sysfs) against
pciutils. `lspci -D -n -vvv` gives IDs, class, revision and the capability
offsets (and extended ones with their version); `lspci -D -xxxx` gives the raw
bytes, from which the header type and each capability's ID are read.
Exits 77 (skip) when lspci is missing or sysfs config spaces are unreadable.
Only domains 0-FFFFh are compared: those are PCI segment groups (ACPI MCFG,
_SEG), which osdev-inspect reads; Linux gives the buses behind an Intel VMD
controller synthetic domains from 10000h, which no firmware table names."""
import json
import os
import re
import shutil
import subprocess
import sys

SKIP = 77
SYSFS = "/sys/bus/pci/devices"


def skip(why):
    print("SKIP:", why)
    sys.exit(SKIP)


def main():
    inspect = sys.argv[1]
    if shutil.which("lspci") is None:
        skip("lspci (pciutils) is not installed")
    try:
        names = sorted(os.listdir(SYSFS))
    except OSError:
        skip(SYSFS + " is not readable")
    # "dddd:bb:dd.f"; the domain has more digits behind a VMD controller.
    names = [n for n in names if re.match(r"^[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$", n)]
    if not names:
        skip("no PCI functions in segment groups 0-ffff in " + SYSFS)
    for name in names:
        try:
            with open(os.path.join(SYSFS, name, "config"), "rb") as f:
                data = f.read()
        except OSError:
            skip("cannot read the config space of " + name)
        # Unprivileged readers get only the first 64 bytes.
        if len(data) < 256:
            skip("sysfs gives only %d bytes of %s's config space (not root)" % (len(data), name))

    mine = json.loads(subprocess.run([inspect, "pci", "--json"], check=True,
                                     capture_output=True, text=True).stdout)
    verbose = subprocess.run(["lspci", "-D", "-n", "-vvv"], check=True,
                             capture_output=True, text=True).stdout
    raw = subprocess.run(["lspci", "-D", "-xxxx"], check=True,
                         capture_output=True, text=True).stdout

    # lspci -n: "0000:00:01.0 ffff: 1af4:1045 (rev 01)" and "(prog-if 01)".
    theirs = {}
    cur = None
    head = re.compile(r"^([0-9a-f]{4,}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]) ([0-9a-f]{4}): "
                      r"([0-9a-f]{4}):([0-9a-f]{4})(?: \(rev ([0-9a-f]{2})\))?"
                      r"(?: \(prog-if ([0-9a-f]{2})\))?")
    cap = re.compile(r"^\s+Capabilities: \[([0-9a-f]+)(?: v(\d+))?\]")
    for line in verbose.splitlines():
        m = head.match(line)
        if m:
            cur = {"class16": int(m.group(2), 16), "vendor": int(m.group(3), 16),
                   "device": int(m.group(4), 16), "rev": int(m.group(5) or "0", 16),
                   "prog_if": int(m.group(6) or "0", 16), "caps": [], "ext": []}
            if len(m.group(1)) == len("0000:00:00.0"):
                theirs[m.group(1)] = cur
            continue
        m = cap.match(line)
        if m and cur is not None:
            off = int(m.group(1), 16)
            if off >= 0x100:
                cur["ext"].append((off, int(m.group(2))))
            elif not line.strip().endswith("<access denied>"):
                cur["caps"].append(off)

    # lspci -xxxx: "0000:00:01.0 ..." then "00: 86 80 ..." lines.
    bytes_of = {}
    cur_addr = None
    for line in raw.splitlines():
        m = re.match(r"^([0-9a-f]{4,}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]) ", line)
        if m:
            cur_addr = m.group(1)
            bytes_of[cur_addr] = bytearray()
            continue
        m = re.match(r"^([0-9a-f]{2,3}): ((?:[0-9a-f]{2} ?)+)$", line)
        if m and cur_addr:
            bytes_of[cur_addr] += bytes(int(x, 16) for x in m.group(2).split())

    failures = []

    def check(addr, what, got, want):
        if got != want:
            failures.append("%s %s: osdev-inspect %r, lspci %r" % (addr, what, got, want))

    funcs = {f["address"]: f for f in mine["functions"]}
    check("*", "function list", sorted(funcs), sorted(theirs))
    compared = 0
    for addr, t in theirs.items():
        f = funcs.get(addr)
        b = bytes_of.get(addr)
        if f is None or b is None:
            continue
        compared += 1
        check(addr, "vendor_id", f["vendor_id"], t["vendor"])
        check(addr, "device_id", f["device_id"], t["device"])
        check(addr, "revision", f["revision"], t["rev"])
        check(addr, "class", f["class"], t["class16"] << 8 | t["prog_if"])
        check(addr, "header_type", f["header_type"], b[0x0E] & 0x7F)
        check(addr, "multifunction", f["multifunction"], bool(b[0x0E] & 0x80))
        check(addr, "interrupt_pin", f["interrupt_pin"], b[0x3D])
        check(addr, "capability offsets", [c["offset"] for c in f["capabilities"]], t["caps"])
        check(addr, "capability ids", [c["id"] for c in f["capabilities"]],
              [b[o] for o in t["caps"]])
        check(addr, "extended capability offsets and versions",
              [(c["offset"], c["version"]) for c in f["extended_capabilities"]], t["ext"])
        if len(b) >= 4096:
            check(addr, "extended capability ids", [c["id"] for c in f["extended_capabilities"]],
                  [b[o] | b[o + 1] << 8 for o, _ in t["ext"]])
    for msg in failures:
        print("FAIL:", msg)
    print("%d functions compared with lspci, %d mismatches" % (compared, len(failures)))
    sys.exit(1 if failures or compared == 0 else 0)


if __name__ == "__main__":
    main()
