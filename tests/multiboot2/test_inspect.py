#!/usr/bin/env python3
"""osdev-inspect mb2 on GRUB 2.06's captures: the --json report against the
capture script's decoding (fixtures/multiboot2/<name>.txt), and a corrupted
image reported with the validator's status and the offending tag's offset.

Usage: test_inspect.py OSDEV_INSPECT (or $OSDEV_BUILD_DIR/inspect/osdev-inspect)."""
import json
import os
import re
import struct
import subprocess
import sys
import tempfile

shared = os.environ["OSDEV_SHARED_DIR"]
exe = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.environ.get("OSDEV_BUILD_DIR", ""), "inspect", "osdev-inspect")
if not os.path.exists(exe):
    print("osdev-inspect not built: skip")
    sys.exit(77)
failures = 0


def check(what, ok):
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    failures += 0 if ok else 1


def run(*args):
    return subprocess.run([exe, "mb2", *args], capture_output=True, text=True, timeout=60)


EFI_TYPES = ["Reserved", "LoaderCode", "LoaderData", "BootServicesCode", "BootServicesData",
             "RuntimeServicesCode", "RuntimeServicesData", "Conventional", "Unusable",
             "ACPIReclaim", "ACPINVS", "MMIO", "MMIOPortSpace", "PalCode", "Persistent"]


def truth(name):
    """The tags of the .txt decoding: a list of dicts with the JSON names."""
    text = open(os.path.join(shared, "fixtures/multiboot2", name + ".txt")).read()
    text = text.split("## Decoded", 1)[1]
    total = int(re.search(r"total_size = (\d+)", text).group(1))
    tags = []
    for line in text.splitlines():
        m = re.match(r"tag @\+0x([0-9a-f]+): type (\d+) \((\w+)\), size (\d+)", line)
        if m:
            tags.append({"offset": int(m.group(1), 16), "type": int(m.group(2)),
                         "name": m.group(3), "size": int(m.group(4))})
            continue
        if not tags:
            continue
        t = tags[-1]
        if m := re.match(r"\s+string: \"(.*)\"$", line):
            t["string"] = m.group(1)
        elif m := re.match(r"\s+load_base_addr 0x([0-9a-f]+)", line):
            t["load_base_addr"] = int(m.group(1), 16)
        elif m := re.match(r"\s+mod_start 0x(\w+) mod_end 0x(\w+) \(len \d+\) string \"(.*)\"", line):
            t.update(mod_start=int(m.group(1), 16), mod_end=int(m.group(2), 16), string=m.group(3))
        elif m := re.match(r"\s+entry_size (\d+) entry_version (\d+)", line):
            t.update(entry_size=int(m.group(1)), entry_version=int(m.group(2)), entries=[])
        elif m := re.match(r"\s+0x(\w+)-0x\w+ len 0x(\w+) type (\d+)", line):
            t["entries"].append({"base_addr": int(m.group(1), 16), "length": int(m.group(2), 16),
                                 "type": int(m.group(3))})
        elif m := re.match(r"\s+num (\d+) entsize (\d+) shndx (\d+)", line):
            t.update(num=int(m.group(1)), entsize=int(m.group(2)), shndx=int(m.group(3)), sections=[])
        elif m := re.match(r"\s+\[\d+\] name_off (\d+) type (\d+) flags 0x(\w+) addr 0x(\w+) "
                           r"offset 0x(\w+) size 0x(\w+)", line):
            t["sections"].append({"sh_name": int(m.group(1)), "sh_type": int(m.group(2)),
                                  "sh_flags": int(m.group(3), 16), "sh_addr": int(m.group(4), 16),
                                  "sh_offset": int(m.group(5), 16), "sh_size": int(m.group(6), 16)})
        elif m := re.match(r"\s+mem_lower (\d+) KiB, mem_upper (\d+) KiB", line):
            t.update(mem_lower=int(m.group(1)), mem_upper=int(m.group(2)))
        elif m := re.match(r"\s+biosdev 0x(\w+) partition 0x(\w+) sub_partition 0x(\w+)", line):
            t.update(biosdev=int(m.group(1), 16), partition=int(m.group(2), 16),
                     sub_partition=int(m.group(3), 16))
        elif m := re.match(r"\s+addr 0x(\w+) pitch (\d+) (\d+)x(\d+) bpp (\d+) type (\d+)", line):
            t.update(framebuffer_addr=int(m.group(1), 16), framebuffer_pitch=int(m.group(2)),
                     framebuffer_width=int(m.group(3)), framebuffer_height=int(m.group(4)),
                     framebuffer_bpp=int(m.group(5)), framebuffer_type=int(m.group(6)))
        elif m := re.match(r"\s+version 0x(\w+) cseg 0x(\w+) offset 0x(\w+) cseg_16 0x(\w+) "
                           r"dseg 0x(\w+) flags 0x(\w+) cseg_len (\d+) cseg_16_len (\d+)", line):
            # The APM table's `offset` is `entry_offset` in the report: `offset` is the tag's.
            keys = ["version", "cseg", "entry_offset", "cseg_16", "dseg", "flags"]
            t.update({k: int(m.group(i + 1), 16) for i, k in enumerate(keys)})
            t.update(cseg_len=int(m.group(7)), cseg_16_len=int(m.group(8)))
        elif m := re.match(r"\s+EFI system table \(64-bit\) 0x(\w+)", line):
            t["pointer"] = int(m.group(1), 16)
        elif m := re.match(r"\s+RSDP copy \(\d+ bytes\): sig b'(.{8})' OEM \"(.{6})\" rev (\d+) "
                           r"RSDT 0x(\w+)(?: XSDT 0x(\w+))?", line):
            t.update(signature=m.group(1), oem_id=m.group(2), revision=int(m.group(3)),
                     rsdt_address=int(m.group(4), 16))
            if m.group(5):
                t["xsdt_address"] = int(m.group(5), 16)
        elif m := re.match(r"\s+descriptor_size (\d+) descriptor_version (\d+), (\d+) descriptors", line):
            t.update(descriptor_size=int(m.group(1)), descriptor_version=int(m.group(2)),
                     descriptors=[], count=int(m.group(3)))
        elif m := re.match(r"\s+(\w+) phys 0x(\w+) pages (\d+) attr 0x(\w+)", line):
            t["descriptors"].append({"type": EFI_TYPES.index(m.group(1)),
                                     "physical_start": int(m.group(2), 16),
                                     "number_of_pages": int(m.group(3)),
                                     "attribute": int(m.group(4), 16)})
    return total, tags


def subset(want, got):
    """Every key of WANT equals GOT's (lists element by element)."""
    for k, v in want.items():
        if k == "count":
            continue
        if isinstance(v, list):
            if len(got.get(k, [])) != len(v):
                return f"{k}: {len(got.get(k, []))} items, want {len(v)}"
            for i, (a, b) in enumerate(zip(v, got[k])):
                if (r := subset(a, b)) is not None:
                    return f"{k}[{i}].{r}"
        elif got.get(k) != v:
            return f"{k}: {got.get(k)!r}, want {v!r}"
    return None


for name in ("grub-bios-i440fx", "grub-bios-q35", "grub-efi-q35"):
    path = os.path.join(shared, "fixtures/multiboot2", name + ".mbi")
    r = run("--json", path)
    check(f"{name}: --json exits 0", r.returncode == 0)
    doc = json.loads(r.stdout)
    total, tags = truth(name)
    check(f"{name}: total_size", doc["total_size"] == total)
    # The .txt lists the end tag; the report lists the tags before it.
    check(f"{name}: {len(tags) - 1} tags in order", len(doc["tags"]) == len(tags) - 1)
    for want, got in zip(tags, doc["tags"]):
        diff = subset(want, got)
        check(f"{name}: tag @+{want['offset']:#x} {want['name']}" + (f" ({diff})" if diff else ""),
              diff is None)
    r = run(path)
    check(f"{name}: text report exits 0", r.returncode == 0 and "LOAD_BASE_ADDR" in r.stdout)

# --mem: section names read from the string table in GRUB's memory snapshot
# equal kernel.elf's own (ELF32 section headers, System V gABI).
elf = open(os.path.join(shared, "fixtures/multiboot2/kernel.elf"), "rb").read()
shoff, = struct.unpack_from("<I", elf, 0x20)
shentsize, shnum, shstrndx = struct.unpack_from("<HHH", elf, 0x2e)
strtab_off, = struct.unpack_from("<I", elf, shoff + shstrndx * shentsize + 16)
names = []
for i in range(shnum):
    sh_name, = struct.unpack_from("<I", elf, shoff + i * shentsize)
    start = strtab_off + sh_name
    names.append(elf[start:elf.index(b"\0", start)].decode())
for name in ("grub-bios-i440fx", "grub-bios-q35", "grub-efi-q35"):
    base = os.path.join(shared, "fixtures/multiboot2", name)
    r = run("--json", "--mem", base + ".mem", base + ".mbi")
    doc = json.loads(r.stdout) if r.returncode == 0 else {"tags": []}
    elf_tags = [t for t in doc["tags"] if t["type"] == 9]
    got = [s.get("name") for s in elf_tags[0]["sections"]] if elf_tags else []
    check(f"{name}: --mem section names {names}", got == names)
r = run("--mem", "/nonexistent", os.path.join(shared, "fixtures/multiboot2/grub-efi-q35.mbi"))
check("--mem with an unreadable snapshot: status 2", r.returncode == 2 and r.stderr != "")

# A tag running past total_size: status 1, the validator's status and the offset.
data = bytearray(open(os.path.join(shared, "fixtures/multiboot2/grub-bios-i440fx.mbi"), "rb").read())
struct.pack_into("<I", data, 0x2c0 + 4, 0x100)
with tempfile.NamedTemporaryFile(suffix=".mbi") as f:
    f.write(data)
    f.flush()
    r = run("--json", f.name)
    doc = json.loads(r.stdout) if r.returncode == 1 else {}
    check("bad image: status 1 with error and offset 0x2c0",
          doc.get("offset") == 0x2c0 and doc.get("error") == "tag runs past total_size")
    r = run(f.name)
    check("bad image, text: status 1, offset named", r.returncode == 1 and "0x2c0" in r.stdout)
    # A malformed memory map (entry_size 0) is reported in its tag, status 1.
    data = bytearray(open(os.path.join(shared, "fixtures/multiboot2/grub-bios-i440fx.mbi"), "rb").read())
    struct.pack_into("<I", data, 0x90 + 8, 0)
    f.seek(0)
    f.write(data)
    f.flush()
    r = run("--json", f.name)
    doc = json.loads(r.stdout)
    mmap = [t for t in doc["tags"] if t["type"] == 6]
    check("entry_size 0: status 1, error in the MMAP tag",
          r.returncode == 1 and mmap and mmap[0].get("error") == "bad entry size")
r = run()
check("no file: usage, status 2", r.returncode == 2 and "usage" in r.stderr)
sys.exit(1 if failures else 0)
