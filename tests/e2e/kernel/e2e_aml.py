"""The AML part of the demo kernel's e2e test (examples/kernel: aml_report.c,
aml_host.c, poweroff.c): the namespace the kernel's interpreter built from the
firmware's DSDT and SSDTs, checked against QEMU's own view of the same run, and
the power-off through \\_S5.

Expected values come from QEMU, never from the kernel's idea of them:
- the devices QEMU was given (its default i8042 keyboard controller, COM1 from
  -serial, the RTC, the HPET where `info mtree` maps one, the host bridge of the
  machine type: PCI for `pc`, PCI Express for `q35`) must be present (`_STA`
  bit 0) with the `_HID` ACPI 6.5 and the PNP ID registry give those devices
  (PNP0303, PNP0501, PNP0B00, PNP0103, PNP0A03/PNP0A08);
- the ISA devices' `_CRS` I/O ports equal the start (and, for COM1 and LPT1,
  the size) of the I/O regions QEMU's `info mtree -f` lists for them
  (i8042-data and i8042-cmd, serial, parallel, rtc), the HPET's memory
  descriptor the start of `hpet`;
- their `_CRS` I/O base and IRQ equal the `iobase` and `irq` properties of
  QEMU's `info qtree` (isa-serial, isa-parallel, mc146818rtc; i8042's kbd-irq
  for PNP0303 and mouse-irq for the PS/2 mouse PNP0F13);
- one host bridge (QEMU's only PCI root on these machines) from bus 0, whose
  ECAM base (MCFG for its segment) is the start of `pcie-mmcfg-mmio` in
  `info mtree -f` on q35 and absent on i440fx (no such region);
- every PCI function `info pci` gives an interrupt pin has the IRQ `info pci`
  shows, as the kernel routed it through `_PRT` and the PCI interrupt links;
- QEMU ends by itself with the QMP SHUTDOWN event of a guest-initiated
  shutdown (`"guest": true`, reason `guest-shutdown`: the SLP_EN write of S5;
  a triple fault is `guest-reset` under -no-reboot), exit status 0, after the
  kernel's own "all checks passed, powering off" line.
"""

import re

POWEROFF_TEXT = "all checks passed, powering off"

# ISA devices: _HID, the `info mtree -f` I/O regions that are theirs, and
# whether the region's size must equal the _CRS descriptor's length (QEMU's
# RTC region covers 2 ports where the DSDT reserves 8; i8042's are 1 port each).
ISA_DEVICES = [
    ("PNP0303", ["i8042-data", "i8042-cmd"], False),
    ("PNP0501", ["serial"], True),
    ("PNP0400", ["parallel"], True),
    ("PNP0B00", ["rtc"], False),
]

# `info qtree` device types: the _HID of their namespace device and the
# properties that hold their I/O base and IRQ (None: the device has none).
QTREE_DEVICES = [
    ("isa-serial", "PNP0501", "iobase", "irq"),
    ("isa-parallel", "PNP0400", "iobase", "irq"),
    ("mc146818rtc", "PNP0B00", "iobase", "irq"),
    ("i8042", "PNP0303", None, "kbd-irq"),
    ("i8042", "PNP0F13", None, "mouse-irq"),
]


def qtree_devices(text):
    """[(type, {property: integer})] of `info qtree`, in its order."""
    out = []
    for line in text.splitlines():
        m = re.match(r"\s*dev: ([\w.-]+), id", line)
        if m:
            out.append((m.group(1), {}))
            continue
        m = re.match(r"\s*([\w-]+) = (\d+) \(0x[0-9a-f]+\)\s*$", line)
        if m and out:
            out[-1][1].setdefault(m.group(1), int(m.group(2)))
    return out


def mtree_io_regions(text, name):
    """Distinct (start, size) of regions called `name` in `info mtree -f`. The
    flat view cuts a region that a subregion covers in part ("rtc-index" at
    0x70 over "rtc" at 0x70-0x71 leaves "rtc @0000000000000001" at 0x71): the
    "@offset" gives the region's own start back; the size is then the piece's."""
    out = set()
    for m in re.finditer(r"^\s*([0-9a-f]+)-([0-9a-f]+) \([^)]*\): " + re.escape(name)
                         + r"(?: @([0-9a-f]+))?\s*$", text, re.M):
        start, end = int(m.group(1), 16), int(m.group(2), 16)
        offset = int(m.group(3), 16) if m.group(3) else 0
        out.add((start - offset, end - start + 1))
    return out


def parse(lines, fields):
    devices = {}     # path -> {"hid", "sta", "io": [(base, length)], "mem": [(base, length)]}
    irqs = {}        # (bus, dev, fn) -> irq
    memory = None
    poweroff = None
    bridges = []
    for line in lines:
        word = line.split(" ", 1)[0]
        f = fields(line)
        if word == "aml-device":
            devices[f["path"]] = {"hid": f["hid"], "sta": int(f["sta"], 0), "io": [], "mem": [],
                                  "irq": []}
        elif word == "aml-crs" and f.get("path") in devices and f.get("kind") in ("io", "mem") \
                and "length" in f:
            devices[f["path"]][f["kind"]].append((int(f["base"], 0), int(f["length"], 0)))
        elif word == "aml-crs" and f.get("path") in devices and f.get("kind") == "irq":
            devices[f["path"]]["irq"].append(int(f["irq"], 0))
        elif word == "aml-pci-irq":
            bdf = tuple(int(x, 16) for x in re.split(r"[:.]", line.split()[1]))
            irqs[bdf] = int(f["irq"], 0) if "unrouted" not in line else None
        elif word == "aml-host-bridge":
            bridges.append(f)
        elif word == "aml-memory":
            memory = f
        elif word == "poweroff" and POWEROFF_TEXT in line:
            poweroff = line
    return devices, irqs, memory, poweroff, bridges


def present(devices, hid):
    return [(p, d) for p, d in sorted(devices.items()) if d["hid"] == hid and d["sta"] & 1]


def shutdown_events(view):
    return [e for e in view.get("events") or [] if e.get("event") == "SHUTDOWN"]


def evaluate(checks, machine, lines, fields, view, status, parse_info_pci, explain_status):
    devices, irqs, memory, poweroff, bridges = parse(lines, fields)
    mtree = view.get("mtree") or ""

    bridge = "PNP0A08" if "q35" in machine["args"] else "PNP0A03"
    wanted = ["PNP0303", "PNP0501", "PNP0B00", bridge]
    if mtree_io_regions(mtree, "hpet"):
        wanted.append("PNP0103")
    missing = [h for h in wanted if not present(devices, h)]
    checks.check("AML devices QEMU was given are present with their _HID", devices and not missing,
                 f"missing or not present: {missing}; kernel listed "
                 f"{len(devices)} devices with _HID" if missing or not devices
                 else f"{', '.join(wanted)} among {len(devices)} devices")

    problems = []
    compared = 0
    for hid, regions, sized in ISA_DEVICES:
        want = set()
        for name in regions:
            want |= mtree_io_regions(mtree, name)
        found = present(devices, hid)
        if not want:
            if found:
                problems.append(f"{hid} in the namespace, no {regions} region in QEMU's mtree")
            continue
        if not found:
            problems.append(f"{hid} absent, QEMU maps {sorted(want)}")
            continue
        io = set(found[0][1]["io"])
        for start, size in sorted(want):
            compared += 1
            if not any(b == start and (not sized or n == size) for b, n in io):
                problems.append(f"{hid} _CRS I/O {sorted(io)} lacks QEMU's {start:#x}"
                                + (f" size {size}" if sized else ""))
    for start, size in sorted(mtree_io_regions(mtree, "hpet")):
        compared += 1
        mems = [m for _, d in present(devices, "PNP0103") for m in d["mem"]]
        if (start, size) not in mems:
            problems.append(f"PNP0103 _CRS memory {mems} lacks QEMU's hpet {start:#x}"
                            f" size {size:#x}")
    checks.check("AML _CRS of the ISA devices and the HPET equal QEMU's info mtree",
                 compared and not problems,
                 "; ".join(problems) if problems else f"{compared} regions")

    problems = []
    compared = 0
    for kind, hid, base_prop, irq_prop in QTREE_DEVICES:
        for _, props in [d for d in qtree_devices(view.get("qtree") or "") if d[0] == kind]:
            found = present(devices, hid)
            if not found:
                problems.append(f"{kind} in QEMU's qtree, no present {hid} in the namespace")
                continue
            dev = found[0][1]
            compared += 1
            if base_prop and not any(b == props.get(base_prop) for b, _ in dev["io"]):
                problems.append(f"{hid} _CRS I/O {dev['io']} lacks qtree {kind} {base_prop} "
                                f"{props.get(base_prop)}")
            if props.get(irq_prop) not in dev["irq"]:
                problems.append(f"{hid} _CRS IRQs {dev['irq']} lack qtree {kind} {irq_prop} "
                                f"{props.get(irq_prop)}")
    checks.check("AML _CRS I/O bases and IRQs of the ISA devices equal QEMU's info qtree",
                 compared and not problems,
                 "; ".join(problems) if problems else f"{compared} devices")

    mmcfg = sorted(mtree_io_regions(mtree, "pcie-mmcfg-mmio"))
    want_ecam = mmcfg[0][0] if mmcfg else 0
    got = [(int(b["segment"]), int(b["bus_start"]), int(b["ecam"], 0)) for b in bridges]
    checks.check("AML host bridge: bus 0 of segment 0, ECAM at QEMU's pcie-mmcfg-mmio",
                 got == [(0, 0, want_ecam)],
                 f"kernel (segment, first bus, ECAM) {[(s, b, hex(e)) for s, b, e in got]}; "
                 f"QEMU one root, mmcfg {hex(want_ecam) if mmcfg else 'none'}")

    if view.get("pci") is None:
        checks.check("PCI interrupt lines routed by _PRT equal QEMU's info pci", False,
                     "the kernel never waited on COM1")
    else:
        qemu = {bdf: q["irq"] for bdf, q in parse_info_pci(view["pci"]).items() if "irq" in q}
        wrong = [f"{'%02x:%02x.%x' % bdf}: kernel {irqs.get(bdf)}, QEMU {irq}"
                 for bdf, irq in sorted(qemu.items()) if irqs.get(bdf) != irq]
        extra = sorted(set(irqs) - set(qemu))
        checks.check("PCI interrupt lines routed by _PRT equal QEMU's info pci",
                     qemu and not wrong and not extra,
                     "; ".join(wrong + [f"{'%02x:%02x.%x' % b} has no pin in QEMU" for b in extra])
                     if wrong or extra or not qemu else f"{len(qemu)} functions")

    checks.check("AML arena peak reported within the static buffer", memory is not None
                 and 0 < int(memory["peak"]) <= int(memory["high_water"]) <= int(memory["arena"]),
                 f"{memory}")

    events = shutdown_events(view)
    guest_off = [e for e in events if e.get("data", {}).get("guest") is True
                 and e.get("data", {}).get("reason") == "guest-shutdown"]
    checks.check("QEMU powered off by the kernel through \\_S5 (QMP SHUTDOWN guest-shutdown)",
                 status == 0 and poweroff is not None and len(guest_off) == 1 and len(events) == 1,
                 f"exit status {explain_status(status)}; SHUTDOWN events "
                 f"{[e.get('data') for e in events]}; kernel line {poweroff!r}")
