#!/usr/bin/env python3
"""Boot GRUB -> chainloader (examples/chainloader) -> demo kernel in QEMU.

The demo kernel must pass every check of tests/e2e/kernel/e2e.py, as when GRUB
boots it directly (QEMU's own view: info pci, info mtree, the screendump), and
in addition:
- its boot loader name is the chainloader's (CHAIN_LOADER_NAME in
  examples/chainloader/chain.h), not GRUB's;
- the ranges the chainloader says it reserved are exactly the memory its ELF
  file's PT_LOAD segments occupy, page-rounded (read from the file here);
- the kernel's memory map equals GRUB's (as GRUB gave it to the chainloader,
  which prints it before doing anything else) with those ranges, and nothing
  else, turned from available into reserved; and GRUB's map as the
  chainloader printed it must equal the map the demo kernel reports when GRUB
  boots it directly (a second, short boot of the kernel's own ISO), so the
  expected map does not rest on the chainloader's word alone;
- the chainloader entered the kernel at the entry point of kernel.elf's ELF
  header.

With --refuse, the chainloader gets its own ELF file as the kernel: its
segments lie over the running chainloader, so it must refuse the image with
its message on COM1 and leave QEMU with the failure code, and no kernel may
run (a clean failure on real firmware).

Standard library only. Exit status: 0 every check passed, 1 a check failed, 77
(Meson's skip) when QEMU, GRUB or OVMF are missing or a cross build is absent.
"""

import argparse
import os
import re
import struct
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "kernel"))
import e2e  # noqa: E402  (the demo kernel's harness: QEMU, GRUB ISO, checks)

CHAIN_SOURCE = os.path.join(e2e.ROOT, "examples", "chainloader")
CHAIN_ISO = os.path.join(CHAIN_SOURCE, "iso")
PAGE = 4096
MEMORY_AVAILABLE = 1
MEMORY_RESERVED = 2


def chain_config():
    """Kernel command line (the kernel module's string), the passed-on module
    and the gfxpayload mode from the chainloader's grub.cfg."""
    text = open(os.path.join(CHAIN_ISO, "boot", "grub", "grub.cfg")).read()
    mods = re.findall(r"^\s*module2\s+(\S+)\s*(.*?)\s*$", text, re.M)
    gfx = re.search(r"^\s*set\s+gfxpayload=(\d+)x(\d+)x(\d+)\s*$", text, re.M)
    if len(mods) != 2 or mods[0][0] != "/boot/kernel.elf" or not gfx:
        raise SystemExit("chainloader grub.cfg: want module2 /boot/kernel.elf, one more module2"
                         " and gfxpayload=WxHxD")
    name = os.path.basename(mods[1][0])
    return {
        "cmdline": mods[0][1],
        # The passed-on module is the demo kernel's own module file.
        "module_path": os.path.join(e2e.ISO_SOURCE, "boot", name),
        "module_name": name,
        "module_string": mods[1][1],
        "fb": tuple(int(x) for x in gfx.groups()),
    }


def loader_name():
    text = open(os.path.join(CHAIN_SOURCE, "chain.h")).read()
    return re.search(r'#define CHAIN_LOADER_NAME "([^"]*)"', text).group(1)


def elf_entry_and_span(path):
    """(e_entry, [lowest p_paddr, highest p_paddr + p_memsz) of PT_LOAD) of an
    ELF32 or ELF64 little-endian file (System V gABI 4 and 5)."""
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF" or data[5] != 1:
        raise SystemExit(f"{path}: not a little-endian ELF file")
    if data[4] == 2:
        entry, phoff = struct.unpack_from("<QQ", data, 24)
        phentsize, phnum = struct.unpack_from("<HH", data, 54)
        fmt, fields = "<IIQQQQQQ", (0, 4, 5)          # type, paddr, memsz
    else:
        entry, phoff = struct.unpack_from("<II", data, 24)
        phentsize, phnum = struct.unpack_from("<HH", data, 42)
        fmt, fields = "<IIIIIIII", (0, 3, 5)
    spans = []
    for i in range(phnum):
        ph = struct.unpack_from(fmt, data, phoff + i * phentsize)
        kind, paddr, memsz = (ph[f] for f in fields)
        if kind == 1 and memsz:
            spans.append((paddr, paddr + memsz))
    return entry, (min(s for s, _ in spans), max(e for _, e in spans))


def chain_lines(serial):
    """The chainloader's log lines (after "chain: ")."""
    out = []
    for line in serial.lines:
        at = line.find("chain: ")
        if at >= 0:
            out.append(line[at + len("chain: "):])
    return out


def mmap_entries(lines, prefix):
    entries = []
    for line in lines:
        if line.startswith(prefix):
            f = e2e.fields(line)
            entries.append((e2e.num(f["base"]), e2e.num(f["length"]), e2e.num(f["type"])))
    return entries


def carve(grub, reserved):
    """GRUB's map with the available bytes of each reserved range as an entry
    of type 2 of its own (entries split, never merged)."""
    out = []
    for base, length, kind in grub:
        end = base + length
        if kind != MEMORY_AVAILABLE:
            out.append((base, length, kind))
            continue
        pos = base
        for start, stop in sorted(reserved):
            if stop <= pos or start >= end:
                continue
            if start > pos:
                out.append((pos, start - pos, MEMORY_AVAILABLE))
                pos = start
            cut = min(stop, end)
            out.append((pos, cut - pos, MEMORY_RESERVED))
            pos = cut
        if pos < end:
            out.append((pos, end - pos, MEMORY_AVAILABLE))
    return out


def chain_checks(checks, serial, kernel, chainloader):
    lines = chain_lines(serial)
    report = e2e.report_lines(serial)

    name = loader_name()
    loaders = [e2e.fields(l).get("name") for l in report if l.startswith("loader ")]
    checks.check("boot loader name is the chainloader's", loaders == [name],
                 f"kernel {loaders}, chain.h {name!r}")

    entry, _ = elf_entry_and_span(kernel)
    entered = [l for l in lines if l.startswith("entering the kernel at ")]
    checks.check("chainloader entered at kernel.elf's entry point",
                 len(entered) == 1 and e2e.num(entered[0].split()[-1]) == entry,
                 f"chainloader {entered}, ELF e_entry {entry:#x}")

    _, (lo, hi) = elf_entry_and_span(chainloader)
    span = (lo // PAGE * PAGE, (hi + PAGE - 1) // PAGE * PAGE)
    reserved = []
    for line in lines:
        if line.startswith("reserved "):
            f = e2e.fields(line)
            reserved.append((e2e.num(f["base"]), e2e.num(f["base"]) + e2e.num(f["length"])))
    joined = sorted(reserved)
    contiguous = all(a[1] == b[0] for a, b in zip(joined, joined[1:]))
    checks.check("reserved ranges are the chainloader's ELF memory",
                 joined and contiguous and (joined[0][0], joined[-1][1]) == span,
                 f"reserved {[(hex(a), hex(b)) for a, b in joined]}, "
                 f"chainloader.elf PT_LOAD pages {hex(span[0])}-{hex(span[1])}")

    grub = mmap_entries(lines, "grub-mmap ")
    kernel_map = mmap_entries(report, "mmap ")
    want = carve(grub, joined)
    diff = [e for e in want if e not in kernel_map] + [e for e in kernel_map if e not in want]
    fmt = lambda es: ", ".join(f"{b:#x}+{n:#x}:{t}" for b, n, t in es)
    checks.check("kernel memory map is GRUB's with only the reserved ranges carved",
                 grub and kernel_map == want,
                 f"{len(grub)} GRUB entries, {len(kernel_map)} kernel entries"
                 + (f"; differ: {fmt(diff)}" if diff else ""))

    refused = [l for l in lines if l.startswith("refused")]
    checks.check("chainloader refused nothing", not refused, "; ".join(refused))


def direct_grub_map(name, tools, kernel, workdir, timeout, cache_dir):
    """GRUB's memory map as the demo kernel reports it when GRUB boots it
    directly (the kernel's own ISO): a source independent of the chainloader."""
    direct = os.path.join(workdir, "direct")
    os.mkdir(direct)
    iso = e2e.make_iso(tools, kernel, direct)
    status, serial, _ = e2e.boot(name, tools, iso, direct, False, timeout, cache_dir, [])
    return status, mmap_entries(e2e.report_lines(serial), "mmap ")


def refuse_checks(status, serial):
    """The chainloader booted with itself as the kernel."""
    checks = e2e.Checks()
    lines = chain_lines(serial)
    want = "refused: kernel placement: segment overlaps the chainloader (detail 0)"
    checks.check("chainloader refused its own image over itself", want in lines,
                 "; ".join(l for l in lines if l.startswith("refused")) or "no refusal line")
    checks.check("no kernel ran", not e2e.report_lines(serial)
                 and not any(l.startswith("entering") for l in lines))
    checks.check("QEMU exit status is the failure status", status == e2e.FAILURE_STATUS,
                 e2e.explain_status(status))
    return checks


def cross_file(env, *parts):
    cross = os.environ.get(env)
    if not cross:
        raise e2e.Skip(f"{env} is not set (no such cross build)")
    path = os.path.join(cross, *parts)
    if not os.path.exists(path):
        raise SystemExit(f"{path} does not exist: build the cross target")
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("machine", help="|".join(e2e.MACHINES))
    ap.add_argument("--timeout", type=float, default=150, help="seconds for one boot")
    ap.add_argument("--refuse", action="store_true",
                    help="boot the chainloader's own image as the kernel: it must be refused")
    ap.add_argument("--serial-log", help="save everything QEMU's COM1 carried into this file")
    args = ap.parse_args()
    name = e2e.ALIASES.get(args.machine, args.machine)
    if name not in e2e.MACHINES:
        ap.error(f"unknown machine {args.machine}")
    try:
        kernel = cross_file("OSDEV_CROSS_X86_64_KERNEL", "examples", "kernel", "kernel.elf")
        chainloader = cross_file("OSDEV_CROSS_I686", "examples", "chainloader", "chainloader.elf")
        tools = e2e.find_tools(e2e.MACHINES[name])
    except e2e.Skip as e:
        print(f"SKIP {name}: {e}")
        return 77
    cfg = chain_config()
    cache_dir = os.path.dirname(os.path.abspath(kernel))
    with tempfile.TemporaryDirectory(prefix="osdev-chain-") as workdir:
        if args.refuse:
            kernel = chainloader
        iso = e2e.make_iso(tools, kernel, workdir, source=CHAIN_ISO,
                           files=[(chainloader, "chainloader.elf"),
                                  (cfg["module_path"], cfg["module_name"])])
        print(f"booting {name} (GRUB -> chainloader -> demo kernel): {e2e.MACHINES[name]['title']}",
              flush=True)
        status, serial, view = e2e.boot(name, tools, iso, workdir, False, args.timeout, cache_dir, [])
        if args.serial_log:
            with open(args.serial_log, "wb") as f:
                f.write(serial.raw)
        if args.refuse:
            checks = refuse_checks(status, serial)
        else:
            checks = e2e.evaluate(name, cfg, status, serial, view)
            chain_checks(checks, serial, kernel, chainloader)
            # SeaBIOS's E820 map is the same on every boot of one machine; so
            # is GRUB's map on OVMF (GRUB reports its own and boot services'
            # memory as available; the firmware's runtime ranges do not move).
            direct_status, direct = direct_grub_map(name, tools, kernel, workdir,
                                                    args.timeout, cache_dir)
            grub = mmap_entries(chain_lines(serial), "grub-mmap ")
            checks.check("GRUB's map to the chainloader equals GRUB's map to the kernel"
                         " booted directly", direct and grub == direct,
                         f"{len(grub)} entries; direct boot {len(direct)} entries, "
                         f"{e2e.explain_status(direct_status)}")
    failed = checks.failed()
    if failed:
        print("---- COM1 (last 80 lines) ----")
        print("\n".join(serial.lines[-80:]))
        if view["stderr"]:
            print("---- QEMU stderr ----\n" + view["stderr"])
    for check, ok, detail in checks.results:
        print(f"{'ok  ' if ok else 'FAIL'} {check}" + (f": {detail}" if detail else ""))
    print(f"{name}: {len(checks.results) - len(failed)}/{len(checks.results)} checks passed in "
          f"{view['seconds']:.1f} s; QEMU exit status {e2e.explain_status(status)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
