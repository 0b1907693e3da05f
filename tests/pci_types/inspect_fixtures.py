#!/usr/bin/env python3
"""`osdev-inspect pci --json` on QEMU's captured machines against what QEMU
itself printed (`info pci`, pci.txt) and the capture's pci/index.txt: the
function list, IDs, class, header type, interrupt routing, every BAR (index,
type, prefetchable, address, size) and the expansion ROM size."""
import json
import os
import re
import subprocess
import sys

CONFIGS = ["i440fx-seabios", "q35-seabios", "q35-ovmf"]


def info_pci(path):
    funcs = {}
    cur = None
    for line in open(path):
        m = re.match(r"\s*Bus\s+(\d+), device\s+(\d+), function (\d+):", line)
        if m:
            b, d, f = (int(x) for x in m.groups())
            cur = {"bars": {}, "irq": None, "pin": 0, "rom": None}
            funcs["0000:%02x:%02x.%x" % (b, d, f)] = cur
            continue
        m = re.match(r"\s*IRQ (\d+), pin ([A-D])", line)
        if m and cur is not None:
            cur["irq"] = int(m.group(1))
            cur["pin"] = ord(m.group(2)) - ord("A") + 1
            continue
        m = re.match(r"\s*BAR(\d): (.*) at 0x([0-9a-f]+) \[0x([0-9a-f]+)\]", line)
        if m and cur is not None:
            n, what = int(m.group(1)), m.group(2)
            addr, end = int(m.group(3), 16), int(m.group(4), 16)
            size = (end - addr + 1) % (1 << 64)
            if n == 6:
                cur["rom"] = size
                continue
            kind = "io" if what.startswith("I/O") else "mem64" if "64 bit" in what else "mem32"
            cur["bars"][n] = {"index": n, "kind": kind, "prefetchable": "prefetchable" in what,
                              "address": addr, "size": size}
    return funcs


def index_txt(path):
    out = {}
    for line in open(path):
        m = re.match(r"(\w\w)_(\w\w)_(\w)\.bin (\w{4}):(\w{4}) class (\w\w)\.(\w\w)\.(\w\w) hdr 0x(\w\w)",
                     line)
        if m:
            b, d, f = (int(x, 16) for x in m.groups()[:3])
            out["0000:%02x:%02x.%x" % (b, d, f)] = {
                "vendor": int(m.group(4), 16), "device": int(m.group(5), 16),
                "class": int(m.group(6) + m.group(7) + m.group(8), 16),
                "hdr": int(m.group(9), 16)}
    return out


def main():
    inspect, shared = sys.argv[1], sys.argv[2]
    failures = []
    checked = 0

    def check(where, what, got, want):
        if got != want:
            failures.append("%s %s: got %r, want %r" % (where, what, got, want))

    for cfg in CONFIGS:
        d = os.path.join(shared, "fixtures", "qemu", cfg)
        qemu = info_pci(os.path.join(d, "pci.txt"))
        idx = index_txt(os.path.join(d, "pci", "index.txt"))
        res = subprocess.run([inspect, "pci", "--json", d], capture_output=True, text=True)
        check(cfg, "exit status", res.returncode, 0)
        mine = {f["address"]: f for f in json.loads(res.stdout)["functions"]}
        check(cfg, "functions", sorted(mine), sorted(qemu))
        for addr, want in qemu.items():
            f = mine.get(addr)
            if f is None:
                continue
            where = cfg + " " + addr
            checked += 1
            i = idx[addr]
            check(where, "vendor_id", f["vendor_id"], i["vendor"])
            check(where, "device_id", f["device_id"], i["device"])
            check(where, "class", f["class"], i["class"])
            check(where, "header_type", f["header_type"], i["hdr"] & 0x7F)
            check(where, "multifunction", f["multifunction"], bool(i["hdr"] & 0x80))
            check(where, "interrupt_pin", f["interrupt_pin"], want["pin"])
            if want["irq"] is not None:
                check(where, "interrupt_line", f["interrupt_line"], want["irq"])
            check(where, "bars", f["bars"], [want["bars"][n] for n in sorted(want["bars"])])
            rom = f.get("expansion_rom")
            check(where, "expansion ROM size", rom["size"] if rom else None, want["rom"])
    for msg in failures:
        print("FAIL:", msg)
    print("%d functions of %d machines compared with info pci, %d mismatches"
          % (checked, len(CONFIGS), len(failures)))
    sys.exit(1 if failures or checked == 0 else 0)


if __name__ == "__main__":
    main()
