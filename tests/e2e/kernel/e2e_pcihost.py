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
  its _PRT route (aml-pci-irq) equals `info pci`'s; behind the expander it is
  routed through the expander's own _PRT and equals `info pci`'s or comes from
  one of QEMU 7.2's i440fx-style links (PIIX_LINKS below); e2e_pci_irq.py's
  checks of the INTx test on the NIC behind pcie.0's root port (the kernel's
  NIC test takes the first NIC from bus 0);
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


# QEMU 7.2 gives the expander's DSDT device an i440fx-style _PRT: device d's
# INTx p (INTA = 0) goes to LNK"ABCD"[(d + p - 1) mod 4] (the kernel's aml-prt
# lines for bus 128), the rotation of i440fx's PIIX3 links, while SeaBIOS
# writes other IRQs into the Interrupt Line of the functions behind it, which
# `info pci` shows (10 where the _PRT's LNKD gives 11, this machine).
PIIX_LINKS = ("LNKA", "LNKB", "LNKC", "LNKD")


def check_irqs(checks, lines, functions, view):
    """PIC-mode IRQs of every function with a pin, behind both host bridges:
    the _PRT route (aml-pci-irq) and the Interrupt Line/Pin registers (pci
    lines) against `info pci`."""
    routes = {}
    for line in lines:
        if line.startswith("aml-pci-irq "):
            f = e2e.fields(line)
            bdf = tuple(int(x, 16) for x in re.split(r"[:.]", line.split()[1]))
            routes[bdf] = dict(f, irq=None if "unrouted" in line else int(f["irq"], 0))
    info = e2e.parse_info_pci(view.get("pci") or "")
    qemu = {bdf: q for bdf, q in info.items() if "irq" in q}
    owner = qemu_roots(info)
    fmt = lambda bdf: "%02x:%02x.%x" % bdf
    below0 = {b: r["irq"] for b, r in routes.items() if owner.get(b[0]) == 0}
    qemu0 = {b: q for b, q in qemu.items() if owner.get(b[0]) == 0}
    if view.get("pci") is None:
        checks.check("PIC-mode IRQs through _PRT equal info pci", False,
                     "the kernel never waited on COM1")
        return
    wrong = [f"{fmt(b)}: kernel {below0.get(b)}, QEMU {q['irq']}" for b, q in sorted(qemu0.items())
             if below0.get(b) != q["irq"]] + [f"{fmt(b)} has no pin in QEMU"
                                              for b in sorted(set(below0) - set(qemu0))]
    checks.check("PIC-mode IRQ through pcie.0's _PRT (swizzled behind its root port) equals "
                 "QEMU's info pci", qemu0 and not wrong,
                 "; ".join(wrong) or f"{len(qemu0)} functions")

    behind = sorted(b for b in qemu if owner.get(b[0]) == EXPANDER_BUS)
    problems, notes = [], []
    for b in behind:
        r = routes.get(b)
        link = (r or {}).get("link", "").rsplit(".", 1)[-1]
        if r is None or r["irq"] is None or not r.get("root", "").endswith("PC80"):
            problems.append(f"{fmt(b)} not routed through the expander's _PRT: {r}")
        elif r["irq"] == qemu[b]["irq"]:
            notes.append(f"{fmt(b)} IRQ {r['irq']} via {link} = info pci")
        elif link in PIIX_LINKS:
            notes.append(f"{fmt(b)} IRQ {r['irq']} via {link}, info pci {qemu[b]['irq']} "
                         "(QEMU 7.2's i440fx-style expander _PRT)")
        else:
            problems.append(f"{fmt(b)} IRQ {r['irq']} via {link} != info pci {qemu[b]['irq']}")
    for b in sorted(set(routes) - set(qemu)):
        problems.append(f"{fmt(b)} has a pin for the kernel, none in QEMU")
    checks.check("every function with an IRQ behind the expander routed through its own _PRT "
                 "(PC80, swizzled behind its root port); IRQ equal to info pci or the known "
                 "i440fx-style link", behind and not problems,
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
