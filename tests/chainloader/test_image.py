#!/usr/bin/env python3
"""The chainloader's header-and-ELF logic (examples/chainloader/image.c) over
real images and hand-made broken ones, through the chain_plan host driver.

Real images: the demo kernel (ELF64, x86_64-kernel cross build) and the
chainloader itself (ELF32, i686 cross build); the expected load segments,
entry point and section table come from readelf. Hand-made images: a small
ELF64 / ELF32 / address-tag image built here from the Multiboot2
specification (3.1) and the System V gABI (4, 5), then broken one field at a
time (no header, bad checksum, wrong architecture, overlapping segments,
truncated ELF ...); each must be refused with its own status.

usage: test_image.py CHAIN_PLAN   (exit 0 pass, 1 fail; real images skip
individually when their cross build is absent)
"""

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MB2_MAGIC = 0xE85250D6
FAILURES = []
CASES = [0]


def status_values():
    """enum chain_status of image.h: name -> value (consecutive from 0)."""
    text = open(os.path.join(ROOT, "examples", "chainloader", "image.h")).read()
    body = re.search(r"enum chain_status \{(.*?)\};", text, re.S).group(1)
    names = re.findall(r"^\s*(CHAIN_[A-Z_]+)\s*(?:=\s*0)?,", body, re.M)
    return {name: i for i, name in enumerate(names)}


STATUS = status_values()


def run(tool, data, *options):
    with tempfile.NamedTemporaryFile(suffix=".img") as f:
        f.write(data)
        f.flush()
        return run_file(tool, f.name, *options)


def run_file(tool, path, *options):
    r = subprocess.run([tool, path, *[str(o) for o in options]], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=60)
    out = r.stdout.decode(errors="replace")
    if r.returncode != 0:
        raise SystemExit(f"chain_plan exited {r.returncode}:\n{out}")
    lines = out.splitlines()
    first = dict(re.findall(r'(\w+)=("[^"]*"|\S+)', lines[0]))
    segments = [tuple(int(v, 0) for v in re.findall(r"=(\S+)", l)) for l in lines[1:]]
    return lines[0].split()[0], first, segments


def expect(name, ok, detail=""):
    CASES[0] += 1
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""))
    if not ok:
        FAILURES.append(name)


def expect_refused(tool, name, data, status, detail=None, *options):
    kind, f, _ = run(tool, data, *options)
    got = int(f.get("status", "-1"))
    ok = kind == "refused" and got == STATUS[status] and \
        (detail is None or int(f["detail"], 0) == detail)
    expect(name, ok, f"{kind} status {got} detail {f.get('detail')} {f.get('reason', '')};"
                     f" want {status} ({STATUS[status]}) detail {detail}")


# ---------------------------------------------------------------- hand-made images


def tag(kind, flags, payload=b""):
    body = struct.pack("<HHI", kind, flags, 8 + len(payload)) + payload
    return body + b"\0" * (-len(body) % 8)


def mb2_header(tags=(), arch=0, checksum_delta=0, length_delta=0):
    """Spec 3.1.1-3.1.3: magic, architecture, header_length, checksum, tags, end tag."""
    body = b"".join(tags) + tag(0, 0)
    length = 16 + len(body) + length_delta
    checksum = (-(MB2_MAGIC + arch + length) + checksum_delta) & 0xFFFFFFFF
    return struct.pack("<IIII", MB2_MAGIC, arch, length, checksum) + body


# Two segments of the base image: (paddr, file offset, filesz, memsz).
SEGMENTS = [(0x200000, 0x1000, 0x1000, 0x1800), (0x300000, 0x2000, 0x800, 0x1000)]
ENTRY = 0x200010
HEADER_AT = 0x1000        # inside the first segment, as a linker puts .multiboot2


def elf(header, segments=SEGMENTS, entry=ENTRY, cls=2, machine=None, size=0x3000,
        phentsize=None, phnum=None, shdrs=0):
    """An ET_EXEC little-endian ELF (gABI 4) with PT_LOAD headers after the ELF
    header and HEADER at HEADER_AT; SHDRS null-ish section headers at the end."""
    is64 = cls == 2
    machine = machine if machine is not None else (62 if is64 else 3)
    ehsize, phsize, shsize = (64, 56, 64) if is64 else (52, 32, 40)
    phentsize = phentsize or phsize
    phnum = len(segments) if phnum is None else phnum
    shoff = size if shdrs else 0
    data = bytearray(size + shdrs * shsize)
    ident = b"\x7fELF" + bytes([cls, 1, 1]) + b"\0" * 9
    if is64:
        data[0:64] = ident + struct.pack("<HHIQQQIHHHHHH", 2, machine, 1, entry, ehsize, shoff, 0,
                                         ehsize, phentsize, phnum, shsize, shdrs,
                                         shdrs - 1 if shdrs else 0)
    else:
        data[0:52] = ident + struct.pack("<HHIIIIIHHHHHH", 2, machine, 1, entry, ehsize, shoff, 0,
                                         ehsize, phentsize, phnum, shsize, shdrs,
                                         shdrs - 1 if shdrs else 0)
    for i, (paddr, offset, filesz, memsz) in enumerate(segments):
        if is64:
            ph = struct.pack("<IIQQQQQQ", 1, 5, offset, paddr, paddr, filesz, memsz, 0x1000)
        else:
            ph = struct.pack("<IIIIIIII", 1, offset, paddr, paddr, filesz, memsz, 5, 0x1000)
        data[ehsize + i * phentsize:ehsize + i * phentsize + len(ph)] = ph
    if shdrs:     # last section: a string table (SHT_STRTAB 3) so shstrndx is valid
        at = shoff + (shdrs - 1) * shsize
        data[at + 4:at + 8] = struct.pack("<I", 3)
    data[HEADER_AT:HEADER_AT + len(header)] = header
    return bytes(data)


def check_accepted(tool, name, data, want_segments, want_entry, *options):
    kind, f, segments = run(tool, data, *options)
    ok = kind == "ok" and segments == want_segments and int(f["entry"], 0) == want_entry
    expect(name, ok, f"{kind} {f} segments {segments}; want {want_segments} entry {want_entry:#x}")
    return f


def hand_made(tool):
    plain = [(p, fs, ms, off) for p, off, fs, ms in SEGMENTS]   # chain_plan's order
    f = check_accepted(tool, "ELF64 with a bare header", elf(mb2_header()), plain, ENTRY)
    expect("ELF64 load base is the lowest p_paddr", int(f["load_base"], 0) == 0x200000, str(f))
    check_accepted(tool, "ELF32 with a bare header", elf(mb2_header(), cls=2 - 1), plain, ENTRY)
    f = check_accepted(tool, "ELF64 with section headers", elf(mb2_header(), shdrs=3), plain, ENTRY)
    expect("section table passed on", (int(f["shnum"]), int(f["shentsize"]), int(f["shstrndx"]),
                                       int(f["shoff"], 0)) == (3, 64, 2, 0x3000), str(f))
    # Spec 3.1.6: the entry address tag overrides e_entry.
    check_accepted(tool, "entry address tag overrides e_entry",
                   elf(mb2_header([tag(3, 0, struct.pack("<I", 0x200100))])), plain, 0x200100)
    # Spec 3.1.5: header at file offset 0x1000 is at 0x500000 + 0x1000 when the
    # file loads from 0x500000 (load_addr); data to 0x502800, bss to 0x504000.
    addr = tag(2, 0, struct.pack("<IIII", 0x501000, 0x500000, 0x502800, 0x504000))
    entry = tag(3, 0, struct.pack("<I", 0x501040))
    aout = bytes(0x1000) + mb2_header([addr, entry]) + bytes(0x2000)
    check_accepted(tool, "address tag (a.out kludge) image", aout[:0x3000],
                   [(0x500000, 0x2800, 0x4000, 0)], 0x501040)
    # load_end_addr 0: the rest of the file; bss_end_addr 0: no bss.
    addr0 = tag(2, 0, struct.pack("<IIII", 0x601000, 0x600800, 0, 0))
    check_accepted(tool, "address tag, whole file, no bss",
                   (bytes(0x1000) + mb2_header([addr0, entry]) + bytes(0x1000))[:0x2000],
                   [(0x600800, 0x1800, 0x1800, 0x800)], 0x501040)
    expect_refused(tool, "address tag without entry address tag",
                   bytes(0x1000) + mb2_header([addr]) + bytes(0x2000), "CHAIN_NO_ENTRY")
    bad_addr = tag(2, 0, struct.pack("<IIII", 0x501000, 0x502000, 0, 0))
    expect_refused(tool, "address tag with load_addr above header_addr",
                   bytes(0x1000) + mb2_header([bad_addr, entry]) + bytes(0x100),
                   "CHAIN_BAD_ADDRESS_TAG")

    # The broken images, one fault each.
    expect_refused(tool, "no header", elf(b""), "CHAIN_NO_HEADER")
    expect_refused(tool, "bad checksum", elf(mb2_header(checksum_delta=1)), "CHAIN_BAD_HEADER",
                   113)
    expect_refused(tool, "header architecture MIPS32", elf(mb2_header(arch=4)),
                   "CHAIN_WRONG_ARCHITECTURE", 4)
    expect_refused(tool, "header architecture unknown (7)", elf(mb2_header(arch=7)),
                   "CHAIN_BAD_HEADER", 130)
    expect_refused(tool, "ELF64 for AArch64 (EM 183)", elf(mb2_header(), machine=183),
                   "CHAIN_WRONG_ARCHITECTURE", 183)
    expect_refused(tool, "ELF32 claiming x86_64 (EM 62)", elf(mb2_header(), cls=1, machine=62),
                   "CHAIN_WRONG_ARCHITECTURE", 62)
    overlap = [SEGMENTS[0], (0x201000, 0x2000, 0x800, 0x1000)]
    expect_refused(tool, "overlapping segments", elf(mb2_header(), segments=overlap),
                   "CHAIN_SEGMENTS_OVERLAP", 1)
    expect_refused(tool, "truncated ELF: segment data past the end",
                   elf(mb2_header())[:0x2400], "CHAIN_ELF_TRUNCATED", 1)
    expect_refused(tool, "truncated ELF: program headers past the end",
                   elf(mb2_header(), phnum=400), "CHAIN_ELF_TRUNCATED")
    expect_refused(tool, "truncated ELF: section headers past the end",
                   elf(mb2_header(), shdrs=3)[:0x3000 + 100], "CHAIN_ELF_TRUNCATED")
    expect_refused(tool, "segment file size above its memory size",
                   elf(mb2_header(), segments=[(0x200000, 0x1000, 0x1000, 0x800)]),
                   "CHAIN_BAD_SEGMENT", 0)
    expect_refused(tool, "segment past 4 GiB",
                   elf(mb2_header(), segments=[(0xFFFFF000, 0x1000, 0x1000, 0x2000)]),
                   "CHAIN_BAD_SEGMENT", 0)
    expect_refused(tool, "ELF64 entry above 4 GiB", elf(mb2_header(), entry=0xFFFFFFFF80100000),
                   "CHAIN_NO_ENTRY")
    expect_refused(tool, "header but not ELF", b"\0" * 0x1000 + mb2_header() + b"\0" * 64,
                   "CHAIN_NOT_ELF")
    expect_refused(tool, "header tag past header_length",
                   elf(mb2_header([tag(4, 0, struct.pack("<I", 0))], length_delta=-16)),
                   "CHAIN_BAD_HEADER", 105)
    expect_refused(tool, "unknown required header tag 42", elf(mb2_header([tag(42, 0)])),
                   "CHAIN_UNSUPPORTED_TAG", 42)
    check_accepted(tool, "unknown optional header tag 42 ignored",
                   elf(mb2_header([tag(42, 1)])), plain, ENTRY)

    # Placement (image.c's chain_plan_check_placement): the first segment spans
    # 0x200000-0x201800, the second 0x300000-0x301000.
    base = elf(mb2_header())
    expect_refused(tool, "segment over the chainloader", base, "CHAIN_OVERLAPS_LOADER", 0,
                   "--loader", 0x201000, 0x210000, "--bootinfo", 0x400000, 0x410000)
    expect_refused(tool, "segment over the boot information", base, "CHAIN_OVERLAPS_BOOTINFO", 1,
                   "--loader", 0x100000, 0x200000, "--bootinfo", 0x300fff, 0x302000)
    check_accepted(tool, "segments next to loader and boot information", base, plain, ENTRY,
                   "--loader", 0x201800, 0x300000, "--bootinfo", 0x301000, 0x302000)

    # Requests (spec 3.1.4, 3.1.9 - 3.1.11) against what the loader offers.
    everything = 0x003FFFFF & ~((1 << 18) | (1 << 19) | (1 << 20))  # no EFI BS / image handles
    smbios_required = elf(mb2_header([tag(1, 0, struct.pack("<II", 6, 13))]))
    expect_refused(tool, "required SMBIOS (13) not offered", smbios_required,
                   "CHAIN_INFO_UNAVAILABLE", 13, "--offer", everything & ~(1 << 13), 1)
    check_accepted(tool, "required mmap and SMBIOS offered", smbios_required, plain, ENTRY,
                   "--offer", everything, 1)
    check_accepted(tool, "optional SMBIOS not offered",
                   elf(mb2_header([tag(1, 1, struct.pack("<I", 13))])), plain, ENTRY,
                   "--offer", everything & ~(1 << 13), 1)
    expect_refused(tool, "required unknown information type 40",
                   elf(mb2_header([tag(1, 0, struct.pack("<I", 40))])), "CHAIN_INFO_UNAVAILABLE",
                   40, "--offer", everything, 1)
    expect_refused(tool, "required EFI boot services", elf(mb2_header([tag(7, 0)])),
                   "CHAIN_EFI_BS_UNAVAILABLE", None, "--offer", everything, 1)
    fb_required = elf(mb2_header([tag(5, 0, struct.pack("<III", 1024, 768, 32))]))
    expect_refused(tool, "required framebuffer, none set", fb_required,
                   "CHAIN_FRAMEBUFFER_UNAVAILABLE", None, "--offer", everything, -1)
    check_accepted(tool, "required framebuffer, RGB set", fb_required, plain, ENTRY,
                   "--offer", everything, 1)
    console = lambda flags: tag(4, 0, struct.pack("<I", flags))
    expect_refused(tool, "console required, EGA text only, image without EGA support",
                   elf(mb2_header([console(1)])), "CHAIN_CONSOLE_UNAVAILABLE", None,
                   "--offer", everything, 2)
    check_accepted(tool, "console required, EGA text, image supports it",
                   elf(mb2_header([console(3)])), plain, ENTRY, "--offer", everything, 2)
    expect_refused(tool, "console required, linear framebuffer, image has no framebuffer tag",
                   elf(mb2_header([console(1)])), "CHAIN_CONSOLE_UNAVAILABLE", None,
                   "--offer", everything, 1)
    f = check_accepted(tool, "module alignment tag noted", elf(mb2_header([tag(6, 0)])), plain,
                       ENTRY)
    expect("module_align set", f.get("module_align") == "1", str(f))


# ---------------------------------------------------------------- real images


def readelf_view(readelf, path):
    """(entry, [(paddr, filesz, memsz, offset)] of PT_LOAD with memsz > 0,
    (shoff, shnum, shentsize, shstrndx), {section name: file offset})."""
    out = subprocess.run([readelf, "-hlSW", path], stdout=subprocess.PIPE, check=True,
                         timeout=60).stdout.decode()
    head = lambda key: int(re.search(rf"^\s*{key}:\s*(\S+)", out, re.M).group(1), 0)
    segments = []
    for m in re.finditer(r"^\s*LOAD\s+(0x\S+)\s+(0x\S+)\s+(0x\S+)\s+(0x\S+)\s+(0x\S+)", out, re.M):
        offset, _, paddr, filesz, memsz = (int(x, 16) for x in m.groups())
        if memsz:
            segments.append((paddr, filesz, memsz, offset))
    sections = {m.group(1): int(m.group(2), 16) for m in re.finditer(
        r"^\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+([0-9a-f]+)", out, re.M)}
    table = (head("Start of section headers"), head("Number of section headers"),
             head("Size of section headers"), head("Section header string table index"))
    return head("Entry point address"), segments, table, sections


def real_image(tool, readelf, name, path, header_section):
    if not os.path.exists(path):
        print(f"skip {name}: {path} not built")
        return
    entry, segments, table, sections = readelf_view(readelf, path)
    kind, f, got = run_file(tool, path)
    expect(f"{name}: accepted", kind == "ok", str(f))
    if kind != "ok":
        return
    expect(f"{name}: load segments equal readelf's PT_LOAD", got == segments,
           f"chain_plan {got}, readelf {segments}")
    expect(f"{name}: entry equals readelf's", int(f["entry"], 0) == entry,
           f"chain_plan {f['entry']}, readelf {entry:#x}")
    expect(f"{name}: load base is the lowest PT_LOAD address",
           int(f["load_base"], 0) == min(s[0] for s in segments), f["load_base"])
    mine = (int(f["shoff"], 0), int(f["shnum"]), int(f["shentsize"]), int(f["shstrndx"]))
    expect(f"{name}: section table equals readelf's", mine == table, f"{mine} vs {table}")
    # The linker scripts put .multiboot2 first in this section.
    expect(f"{name}: header found at {header_section}'s file offset",
           int(f["header_offset"], 0) == sections.get(header_section),
           f"{f['header_offset']} vs {sections.get(header_section)}")
    # The same image placed over the chainloader must be refused.
    lo = segments[0][0]
    expect_refused(tool, f"{name}: refused over a loader at its first segment",
                   open(path, "rb").read(), "CHAIN_OVERLAPS_LOADER", 0,
                   "--loader", lo, lo + 1, "--bootinfo", 0, 0)


def main():
    tool = sys.argv[1]
    hand_made(tool)
    readelf = shutil.which("llvm-readelf") or shutil.which("readelf")
    if readelf is None:
        print("skip real images: neither llvm-readelf nor readelf is installed")
    else:
        kernel = os.path.join(os.environ.get("OSDEV_CROSS_X86_64_KERNEL", "/nonexistent"),
                              "examples", "kernel", "kernel.elf")
        loader = os.path.join(os.environ.get("OSDEV_CROSS_I686", "/nonexistent"),
                              "examples", "chainloader", "chainloader.elf")
        real_image(tool, readelf, "demo kernel (ELF64)", kernel, ".boot")
        real_image(tool, readelf, "chainloader (ELF32)", loader, ".text")
    print(f"{CASES[0] - len(FAILURES)}/{CASES[0]} cases passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
