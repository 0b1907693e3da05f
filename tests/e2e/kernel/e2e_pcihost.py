#!/usr/bin/env python3
"""The demo kernel on a q35 machine with two PCI host bridges: pcie.0 and a
pxb-pcie expander whose root bus is 0x80, each with a PCIe root port and an
e1000e behind it (SeaBIOS, GRUB, booted by e2e.py's machinery).

The kernel's PCI report (examples/kernel/pci_report.c) walks every host
bridge the AML device layer found, through the AML host's backend
(acpi/aml_host_pci.h): one `pci-root` line per bridge (path, bus range, the
access that reaches it) and one `pci` line per function with `root=` naming
its bridge. Checked against QEMU's own view of the same run:
- the functions (bus, device, function, vendor:device) equal `info pci`'s;
- each function is under the bridge whose root bus owns it in QEMU: bus 0 for
  pcie.0, the `bus_nr` of the pxb-pcie command line for the expander, and for
  both every bus in the secondary..subordinate range `info pci` gives a PCI
  bridge on a bus they own;
- there are exactly those two bridges, both reached through ECAM (MCFG);
- PCI interrupts (examples/kernel/aml_report.c, pci_irq.c), behind both
  bridges: every function `info pci` lists with an IRQ has its Interrupt Line
  and Pin registers as the kernel read them; below pcie.0 the PIC-mode IRQ of
  its _PRT route (aml-pci-irq) equals `info pci`'s; the NIC behind the
  expander, probed with every 8259 input masked, raises the 8259 input its
  _PRT route names (`info irq`: one rise there; `info pic`: its IRR bit held
  at the wait); every function behind the expander is routed through its own
  _PRT and has `info pci`'s IRQ or the probed link's (QEMU 7.2's _PRT and
  SeaBIOS's Interrupt Line differ there: 11 and 10); e2e_pci_irq.py's checks
  of the INTx test on the NIC behind pcie.0's root port;
- the kernel's own checks passed and it powered QEMU off through \\_S5 (QMP
  SHUTDOWN guest-shutdown).
Exit status: 0 all passed, 1 a check failed, 77 QEMU/GRUB/the kernel missing."""

import argparse
import os
import re
import sys
import tempfile

import e2e
import e2e_aml
import e2e_apic
import e2e_pci_irq

NAME = "q35-pxb-pcie"
EXPANDER_BUS = 0x80
e2e.MACHINES[NAME] = {
    "title": "q35 + SeaBIOS, 2 CPUs, 256 MiB, two host bridges: pcie.0 and pxb-pcie (bus 0x80), "
             "an e1000e behind a root port on each",
    "smp": 2, "mem_mib": 256, "firmware": "seabios", "usable_min": 0.85,
    "args": ["-machine", "q35", "-nic", "none",
             "-device", "pcie-root-port,id=rp0,bus=pcie.0,addr=0x4,chassis=1,slot=1",
             "-device", "e1000e,bus=rp0",
             "-device", f"pxb-pcie,id=pcie.1,bus_nr={EXPANDER_BUS:#x},bus=pcie.0",
             "-device", "pcie-root-port,id=rp1,bus=pcie.1,chassis=2,slot=0",
             "-device", "e1000e,bus=rp1"],
}


def qemu_roots(qemu):
    """{bus: root bus} from `info pci`: the root buses own themselves and the
    secondary..subordinate range of every PCI bridge on a bus they own."""
    owner = {0: 0, EXPANDER_BUS: EXPANDER_BUS}
    changed = True
    while changed:
        changed = False
        for (bus, _, _), q in sorted(qemu.items()):
            if bus in owner and "secondary" in q and "subordinate" in q:
                for b in range(q["secondary"], q["subordinate"] + 1):
                    if b not in owner:
                        owner[b] = owner[bus]
                        changed = True
    return owner


def probe_view(lines, view):
    """The kernel's probe of the NIC behind the expander (pci-intx-probe) and
    QEMU's view of it at the wait: the rises `info irq` counted on each 8259
    input since the keyboard marker, and `info pic`'s 8259 IRR."""
    probe = next((e2e.fields(l) for l in lines if l.startswith("pci-intx-probe ")), {})
    before = e2e_pci_irq.irq_counts(view.get("irq_before"), "i8259")
    after = e2e_pci_irq.irq_counts(view.get("irq"), "i8259")
    chips = e2e_pci_irq.parse_8259((view.get("apic") or {}).get("pic"))
    return probe, {i: after.get(i, 0) - before.get(i, 0) for i in after}, chips


def check_irqs(checks, lines, functions, view):
    """PIC-mode IRQs of every function with a pin, behind both host bridges:
    the _PRT route (aml-pci-irq), the Interrupt Line/Pin registers (pci
    lines) and, for the NIC behind the expander, the 8259 input its INTx
    raises, against `info pci`, `info irq` and `info pic`."""
    routes = {}
    for line in lines:
        if line.startswith("aml-pci-irq "):
            f = e2e.fields(line)
            bdf = tuple(int(x, 16) for x in re.split(r"[:.]", line.split()[1]))
            routes[bdf] = dict(f, irq=None if "unrouted" in line else int(f["irq"], 0))
    if view.get("pci") is None:
        checks.check("PIC-mode IRQs through _PRT equal info pci", False,
                     "the kernel never waited on COM1")
        return
    info = e2e.parse_info_pci(view["pci"])
    qemu = {bdf: q for bdf, q in info.items() if "irq" in q}
    owner = qemu_roots(info)
    fmt = lambda bdf: "%02x:%02x.%x" % bdf
    below0 = {b: r["irq"] for b, r in routes.items() if owner.get(b[0]) == 0}
    qemu0 = {b: q for b, q in qemu.items() if owner.get(b[0]) == 0}
    wrong = [f"{fmt(b)}: kernel {below0.get(b)}, QEMU {q['irq']}" for b, q in sorted(qemu0.items())
             if below0.get(b) != q["irq"]] + [f"{fmt(b)} has no pin in QEMU"
                                              for b in sorted(set(below0) - set(qemu0))]
    checks.check("PIC-mode IRQ through pcie.0's _PRT (swizzled behind its root port) equals "
                 "QEMU's info pci", qemu0 and not wrong,
                 "; ".join(wrong) or f"{len(qemu0)} functions")

    # The NIC behind the expander: the 8259 input QEMU saw its INTx raise.
    probe, grown, chips = probe_view(lines, view)
    pbdf = tuple(int(x, 16) for x in re.split(r"[:.]", probe["bdf"])) if "bdf" in probe else None
    prt = int(probe.get("prt_irq", "-1"))
    rose = int(probe.get("irr_up", "0"), 0) & ~int(probe.get("irr_before", "0"), 0)
    bit = 1 << prt if 0 <= prt < 16 else 0
    pq = info.get(pbdf, {})
    checks.check("the NIC behind the expander raises the 8259 input its _PRT route names "
                 "(QEMU's info irq: one rise there; info pic: its IRR bit held at the wait)",
                 pbdf is not None and owner.get(pbdf[0]) == EXPANDER_BUS
                 and pq.get("id") == "8086:10d3" and bit and rose == bit
                 and grown.get(prt) == 1 and chips is not None and chips["irr"] & bit,
                 f"kernel {probe.get('bdf')} _PRT IRQ {prt} via {probe.get('link')}, IRR rise "
                 f"{rose:#06x}; QEMU: {pq.get('id')}, i8259 input {prt} rose "
                 f"{grown.get(prt)} time(s), 8259 {chips and hex(chips['irr'])}; info pci "
                 f"(SeaBIOS's Interrupt Line) IRQ {pq.get('irq')}")

    # QEMU 7.2 + SeaBIOS 1.16: the expander's _PRT (the i440fx-style LNKA-LNKD
    # rotation) gives other IRQs than SeaBIOS writes into the Interrupt Line
    # of the functions behind it; the probe above shows which one the
    # hardware uses, so a function differing from info pci must route
    # through the very link the probed NIC's INTx was seen on.
    behind = sorted(b for b in qemu if owner.get(b[0]) == EXPANDER_BUS)
    problems, notes = [], []
    for b in behind:
        r = routes.get(b) or {}
        if r.get("irq") is None or not r.get("root", "").endswith("PC80"):
            problems.append(f"{fmt(b)} not routed through the expander's _PRT: {r}")
        elif r["irq"] == qemu[b]["irq"]:
            notes.append(f"{fmt(b)} IRQ {r['irq']} via {r.get('link')} = info pci")
        elif r.get("link") == probe.get("link") and r["irq"] == prt:
            notes.append(f"{fmt(b)} IRQ {r['irq']} via {r.get('link')} (the probed line); "
                         f"info pci {qemu[b]['irq']}")
        else:
            problems.append(f"{fmt(b)} IRQ {r['irq']} via {r.get('link')} != info pci "
                            f"{qemu[b]['irq']}, not the probed link {probe.get('link')}")
    for b in sorted(set(routes) - set(qemu)):
        problems.append(f"{fmt(b)} has a pin for the kernel, none in QEMU")
    checks.check("every function with an IRQ behind the expander routed through its own _PRT "
                 "(PC80, swizzled behind its root port): IRQ equal to info pci, or the probed "
                 "line", behind and not problems,
                 "; ".join(problems + notes) or "no function with an IRQ behind the expander")

    problems = [f"{fmt(bdf)} irq/pin {functions.get(bdf, {}).get('irq')}/"
                f"{functions.get(bdf, {}).get('pin')} != {q['irq']}/{q['pin']}"
                for bdf, q in sorted(qemu.items())
                if (functions.get(bdf, {}).get("irq"), functions.get(bdf, {}).get("pin"))
                != (str(q["irq"]), str(q["pin"]))]
    checks.check("Interrupt Line and Pin registers read behind both host bridges equal info pci",
                 qemu and not problems, "; ".join(problems) or f"{len(qemu)} functions")


def evaluate(status, serial, view):
    checks = e2e.Checks()
    lines = e2e.report_lines(serial)
    checks.check("kernel report framed on COM1", lines, "" if lines else "no report")
    roots, functions = {}, {}
    kernel_checks, kernel_status = [], ""
    for line in lines:
        word = line.split(" ", 1)[0]
        f = e2e.fields(line)
        if word == "pci-root":
            roots[f.get("path")] = f
        elif word == "pci":
            bdf = tuple(int(x, 16) for x in re.split(r"[:.]", line.split()[1]))
            functions[bdf] = f
        elif word == "check":
            kernel_checks.append(line)
        elif word == "status":
            kernel_status = line

    starts = sorted((int(r["bus_start"]), r.get("access")) for r in roots.values())
    checks.check("two host bridges walked, root buses 0 and the pxb-pcie bus_nr, both through ECAM",
                 starts == [(0, "ecam"), (EXPANDER_BUS, "ecam")],
                 f"kernel pci-root (bus_start, access) {starts}")

    if view["pci"] is None:
        checks.check("per-bridge enumeration equals QEMU's info pci", False,
                     "the kernel never waited on COM1")
    else:
        qemu = e2e.parse_info_pci(view["pci"])
        owner = qemu_roots(qemu)
        problems = []
        fmt = lambda bdf: "%02x:%02x.%x" % bdf
        for bdf in sorted(set(qemu) - set(functions)):
            problems.append(f"{fmt(bdf)} in info pci, not enumerated")
        for bdf in sorted(set(functions) - set(qemu)):
            problems.append(f"{fmt(bdf)} enumerated, not in info pci")
        for bdf in sorted(set(qemu) & set(functions)):
            k, q = functions[bdf], qemu[bdf]
            if k.get("id") != q.get("id"):
                problems.append(f"{fmt(bdf)} id {k.get('id')} != info pci {q.get('id')}")
            root = roots.get(k.get("root"))
            want = owner.get(bdf[0])
            if root is None or want is None or int(root["bus_start"]) != want:
                problems.append(f"{fmt(bdf)} under {k.get('root')}, QEMU's root bus "
                                f"{want if want is None else hex(want)}")
        per_root = {p: sum(1 for f in functions.values() if f.get("root") == p) for p in roots}
        found = ", ".join(f"{p} {n}" for p, n in sorted(per_root.items()))
        checks.check("per-bridge enumeration equals QEMU's info pci (bus, device, function, "
                     "vendor:device, host bridge)", not problems,
                     "; ".join(problems) if problems else f"{len(qemu)} functions: {found}")

    check_irqs(checks, lines, functions, view)
    e2e_pci_irq.evaluate(checks, e2e.MACHINES[NAME], lines, e2e.fields, view, e2e.parse_info_pci,
                         e2e_apic.parse_info_pic)

    failed = [c for c in kernel_checks if c.split()[2:3] != ["ok"]]
    checks.check("kernel's own checks passed", kernel_checks and not failed
                 and kernel_status.startswith("status PASS"),
                 "; ".join(failed) or kernel_status or "no status line")
    events = e2e_aml.shutdown_events(view)
    guest_off = [e for e in events if e.get("data", {}).get("guest") is True
                 and e.get("data", {}).get("reason") == "guest-shutdown"]
    checks.check("QEMU powered off by the kernel through \\_S5 (QMP SHUTDOWN guest-shutdown)",
                 status == 0 and len(guest_off) == 1 and len(events) == 1,
                 f"exit status {e2e.explain_status(status)}; SHUTDOWN events "
                 f"{[e.get('data') for e in events]}")
    return checks


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kernel", help="kernel ELF (default: "
                    "$OSDEV_CROSS_X86_64_KERNEL/examples/kernel/kernel.elf)")
    ap.add_argument("--demo", action="store_true", help="print the kernel's report as it arrives")
    ap.add_argument("--timeout", type=float, default=150, help="seconds for one boot")
    args = ap.parse_args()
    machine = e2e.MACHINES[NAME]
    try:
        kernel = e2e.kernel_path(args)
        tools = e2e.find_tools(machine)
    except e2e.Skip as e:
        print(f"SKIP {NAME}: {e}")
        return 77
    cache_dir = os.path.dirname(os.path.abspath(kernel))
    with tempfile.TemporaryDirectory(prefix="osdev-e2e-") as workdir:
        iso = e2e.make_iso(tools, kernel, workdir)
        print(f"booting {NAME}: {machine['title']}", flush=True)
        status, serial, view = e2e.boot(NAME, tools, iso, workdir, args.demo, args.timeout,
                                        cache_dir, [])
        checks = evaluate(status, serial, view)
    failed = checks.failed()
    if failed and not args.demo:
        print("---- COM1 (last 60 lines) ----")
        print("\n".join(serial.lines[-60:]))
        if view["stderr"]:
            print("---- QEMU stderr ----\n" + view["stderr"])
    for check, ok, detail in checks.results:
        print(f"{'ok  ' if ok else 'FAIL'} {check}" + (f": {detail}" if detail else ""))
    print(f"{NAME}: {len(checks.results) - len(failed)}/{len(checks.results)} checks passed in "
          f"{view['seconds']:.1f} s; QEMU exit status {e2e.explain_status(status)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
