#!/usr/bin/env python3
"""osdev-inspect acpi: the keys of inspect/acpi_more.c (srat, slit, spcr, bgrt,
facs, dmar, ivrs, ecdt, waet, other, platform).

QEMU fixtures (x86 in SHARED_DIR, AArch64 in tests/fixtures): values against
ACPICA's decodings (tables/*.dsl) and the QEMU command line (-smp). Corpus: every table of these kinds decodes with status ok
and appears once per file. Usage: inspect_more.py OSDEV_INSPECT SHARED_DIR"""
import json
import os
import re
import subprocess
import sys

exe, shared = sys.argv[1], sys.argv[2]
failures = 0
FIELD = re.compile(r"^\[([0-9A-F]+)h (\d+) +(\d+)\] +(.+?) : (.*)$")


def check(what, ok):
    global failures
    if not ok:
        print("FAIL " + what)
        failures += 1


def dsl(path):
    """[(offset, name, value)] of an iasl decoding."""
    out = []
    with open(path) as f:
        for line in f:
            m = FIELD.match(line.rstrip("\n"))
            if m:
                out.append((int(m.group(2)), m.group(4).strip(), m.group(5).strip()))
    return out


def hexval(fields, name, lo=0, hi=1 << 30):
    for off, n, v in fields:
        if n == name and lo <= off < hi:
            return int(v.split()[0], 16)
    raise KeyError(name)


def inspect(path):
    r = subprocess.run([exe, "acpi", "--json", path], capture_output=True, text=True, timeout=120)
    return r.returncode, json.loads(r.stdout)


qemu = os.path.join(shared, "fixtures", "qemu")
for config in ("i440fx-seabios", "i440fx-seabios-nohpet", "q35-seabios", "q35-ovmf"):
    tables = os.path.join(qemu, config, "tables")
    rc, d = inspect(tables)
    check(f"{config}: exit 0", rc == 0)
    p = d["platform"]
    check(f"{config}: platform ok", p["status"] == "ok")
    with open(os.path.join(qemu, config, "qemu-cmdline.txt")) as f:
        smp = int(re.search(r"-smp (\d+)", f.read()).group(1))
    cpus = p["processors"]
    check(f"{config}: -smp {smp} processors", len(cpus) == smp)
    check(f"{config}: BSP first", cpus[0]["bsp"] and not any(c["bsp"] for c in cpus[1:]))
    io = p["interrupts"]["io_apics"]
    check(f"{config}: I/O APIC at 0xFEC00000", len(io) == 1 and io[0]["address"] == 0xFEC00000)
    apic = dsl(os.path.join(tables, "APIC.dsl"))
    overrides = {}
    for i, (off, name, value) in enumerate(apic):
        if name == "Subtable Type" and value.startswith("02"):
            overrides[hexval(apic, "Source", off, off + 10)] = hexval(apic, "Interrupt", off, off + 10)
    irqs = p["interrupts"]["isa_irqs"]
    check(f"{config}: ISA overrides of APIC.dsl",
          {i["irq"]: i["gsi"] for i in irqs if i["overridden"]} == overrides)
    facp = dsl(os.path.join(tables, "FACP.dsl"))
    check(f"{config}: PM timer of FACP.dsl",
          p["pm_timer"]["register"]["address"] == hexval(facp, "PM Timer Block Address"))
    waet = dsl(os.path.join(tables, "WAET.dsl"))
    check(f"{config}: WAET flags",
          d["waet"][0]["emulated_device_flags"] == hexval(waet, "Flags (decoded below)", 36))
    facs = dsl(os.path.join(tables, "FACS.dsl"))
    check(f"{config}: FACS hardware signature",
          d["facs"][0]["hardware_signature"] == hexval(facs, "Hardware Signature"))
    if os.path.exists(os.path.join(tables, "BGRT.dsl")):
        bgrt = dsl(os.path.join(tables, "BGRT.dsl"))
        check(f"{config}: BGRT image address",
              d["bgrt"][0]["image_address"] == hexval(bgrt, "Image Address"))
    check(f"{config}: RSDT in 'other'", any(o["header"]["signature"] == "RSDT" for o in d["other"]))
    r = subprocess.run([exe, "acpi", tables], capture_output=True, text=True, timeout=120)
    check(f"{config}: text mode names the platform", r.returncode == 0 and "platform (ok)" in r.stdout)

# AArch64 captures of this tree: the platform's GIC view against APIC.dsl.
source = os.environ.get("OSDEV_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
aarch64 = ("qemu-aarch64-virt", "qemu-aarch64-virt-gicv3")
for config in aarch64:
    tables = os.path.join(source, "tests", "fixtures", config, "tables")
    rc, d = inspect(tables)
    check(f"{config}: exit 0", rc == 0)
    p = d["platform"]
    check(f"{config}: platform ok", p["status"] == "ok")
    with open(os.path.join(source, "tests", "fixtures", config, "qemu-cmdline.txt")) as f:
        smp = int(re.search(r"-smp (\d+)", f.read()).group(1))
    gic = p["interrupts"]["gic"]
    check(f"{config}: no x86 processors", p["processors"] == [])
    apic = dsl(os.path.join(tables, "APIC.dsl"))
    subtables = [(off, v[:2]) for off, n, v in apic if n == "Subtable Type"]
    bounds = [(off, hexval(apic, "Length", off, off + 2)) for off, _ in subtables]
    want_cpus, want_gicr = [], []
    for (off, kind), (_, length) in zip(subtables, bounds):
        end = off + length
        if kind == "0B":
            want_cpus.append({"mpidr": hexval(apic, "ARM MPIDR", off, end),
                              "acpi_processor_uid": hexval(apic, "Processor UID", off, end),
                              "gicc_base_address": hexval(apic, "Base Address", off, end),
                              "gicr_base_address": hexval(apic, "Redistributor Base Address", off, end),
                              "gicv_base_address": hexval(apic, "Virtual GIC Base Address", off, end),
                              "performance_interrupt": hexval(apic, "Performance Interrupt", off, end),
                              "enabled": hexval(apic, "Flags (decoded below)", off, end) & 1 == 1})
        elif kind == "0C":
            check(f"{config}: GICD", gic["distributor_address"] == hexval(apic, "Base Address", off, end)
                  and gic["version"] == hexval(apic, "Version", off, end))
        elif kind == "0E":
            want_gicr.append({"base_address": hexval(apic, "Base Address", off, end),
                              "length": hexval(apic, "Length", off + 2, end)})
    got = [{k: c[k] for k in want_cpus[0]} for c in gic["cpu_interfaces"]] if want_cpus else []
    check(f"{config}: -smp {smp} GIC CPU interfaces as APIC.dsl", len(got) == smp and got == want_cpus)
    check(f"{config}: redistributor ranges as APIC.dsl", gic["redistributor_ranges"] == want_gicr)
    r = subprocess.run([exe, "acpi", tables], capture_output=True, text=True, timeout=120)
    check(f"{config}: text mode lists the GIC CPUs", r.stdout.count("CPU MPIDR") == smp)

corpus = os.path.join(shared, "corpus", "acpi")
keys = ["srat", "slit", "spcr", "bgrt", "facs", "dmar", "ivrs", "ecdt", "waet"]
machines = sorted(n for n in os.listdir(corpus) if os.path.isdir(os.path.join(corpus, n)))
for hwid in machines:
    rc, d = inspect(os.path.join(corpus, hwid))
    files = os.listdir(os.path.join(corpus, hwid))
    for k in keys:
        n = sum(1 for f in files if re.fullmatch(k + r"\d*\.dat", f))
        check(f"{hwid}: {n} {k}", len(d[k]) == n)
        check(f"{hwid}: every {k} ok", all(t["status"] == "ok" for t in d[k]))
    check(f"{hwid}: platform ok", d["platform"]["status"] == "ok")
    check(f"{hwid}: processors", len(d["platform"]["processors"]) > 0)
    check(f"{hwid}: no GIC on an x86 computer", d["platform"]["interrupts"]["gic"] is None)

print(f"{len(machines)} corpus computers, 4 QEMU x86 and {len(aarch64)} AArch64 configurations, "
      f"{failures} failures")
sys.exit(1 if failures else 0)
