#!/usr/bin/env python3
"""i686 compile test of apic/: every apic/*.c and a 32-bit kernel's use of the
library (i686_kernel.c) compiled with the i686 cross file's flags and -Werror,
linked into one relocatable object with ld.lld; it may need only memcpy, memmove,
memset and memcmp from outside (no libgcc: 64-bit division is done in
apic_muldiv_u64), and on i686 the ready-made host must leave mmio_read64 out,
so the HPET counter is read with the hi-lo-hi rule.

usage: compile_i686.py SOURCE_ROOT"""
import os
import shutil
import subprocess
import sys
import tempfile

ALLOWED = {"memcpy", "memmove", "memset", "memcmp"}


def host_pointers(obj):
    """The relocations inside apic_host_x86 (struct apic_host, 4-byte pointers on
    i686: ctx, mmio_read32, mmio_write32, mmio_read64, rdmsr, wrmsr, cpuid, rdtsc,
    inb, outb, delay_us): every callback but mmio_read64 set, ctx NULL."""
    table = subprocess.run(["llvm-objdump", "-t", obj], capture_output=True, text=True).stdout
    where = [line.split() for line in table.splitlines() if line.endswith(" apic_host_x86")]
    if not where:
        return "apic_host_x86 missing on i686"
    value, section = int(where[0][0], 16), where[0][3]
    relocs = subprocess.run(["llvm-objdump", "-r", obj], capture_output=True, text=True).stdout
    offsets, current = set(), None
    for line in relocs.splitlines():
        if line.startswith("RELOCATION RECORDS FOR"):
            current = line.split("[")[1].split("]")[0]
        elif current == section and line[:1].isdigit():
            offsets.add(int(line.split()[0], 16) - value)
    expect = {4 * i for i in range(1, 11)} - {12}
    if offsets != expect:
        return f"apic_host_x86 pointer slots {sorted(offsets)}, expected {sorted(expect)}"
    return None


def main():
    root = sys.argv[1]
    sys.path.insert(0, os.path.join(root, "tests", "build"))
    from crossfiles import cross_args  # noqa: E402
    for tool in ("clang", "ld.lld", "llvm-nm", "llvm-objdump"):
        if shutil.which(tool) is None:
            print(f"{tool} is not installed")
            return 77
    c_args, _ = cross_args(root, "i686")
    flags = c_args + ["-std=c11", "-Os", "-Wall", "-Wextra", "-Wpedantic", "-Werror",
                      "-Wshadow", "-Wstrict-prototypes", "-Wmissing-prototypes", "-I", root]
    sources = sorted(os.path.join(root, "apic", n) for n in os.listdir(os.path.join(root, "apic"))
                     if n.endswith(".c"))
    sources.append(os.path.join(root, "tests", "apic", "i686_kernel.c"))
    with tempfile.TemporaryDirectory(prefix="apic-i686-") as d:
        objs = []
        for src in sources:
            obj = os.path.join(d, os.path.basename(src) + ".o")
            r = subprocess.run(["clang"] + flags + ["-c", src, "-o", obj],
                               capture_output=True, text=True)
            if r.returncode != 0:
                print(r.stderr[-3000:])
                print(f"FAIL: {os.path.basename(src)} does not compile for i686")
                return 1
            objs.append(obj)
        linked = os.path.join(d, "kernel.o")
        r = subprocess.run(["ld.lld", "-r", "-o", linked] + objs, capture_output=True, text=True)
        if r.returncode != 0:
            print(r.stderr)
            print("FAIL: link")
            return 1
        fmt = subprocess.run(["llvm-objdump", "-f", linked], capture_output=True,
                             text=True).stdout
        if "elf32-i386" not in fmt:
            print(fmt)
            print("FAIL: not a 32-bit x86 object")
            return 1
        undefined = set(subprocess.run(["llvm-nm", "--undefined-only", "--format=just-symbols",
                                        linked], capture_output=True, text=True).stdout.split())
        bad = sorted(undefined - ALLOWED)
        if bad:
            print("FAIL: undefined symbols:", " ".join(bad))
            return 1
        bad = host_pointers(os.path.join(d, "backend.c.o"))
        if bad:
            print("FAIL:", bad)
            return 1
        print(f"ok: {len(sources)} files compiled and linked for i686; undefined: "
              f"{' '.join(sorted(undefined)) or 'none'}; apic_host_x86 without mmio_read64")
    return 0


if __name__ == "__main__":
    sys.exit(main())
