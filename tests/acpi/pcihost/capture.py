#!/usr/bin/env python3
"""Capture a QEMU machine with several PCI host bridges for the AML host PCI
backend's test (test_aml_host_pci.c): its ACPI tables, QEMU's own `info pci`,
and the ECAM page of every function QEMU lists.

usage: capture.py OUTDIR {q35-pxb-pcie,i440fx-pxb}

QEMU boots SeaBIOS with a 1 MiB disk (or floppy) whose boot sector is
`cli; hlt`, so POST has finished (bus numbers and BARs assigned, extra root
buses of pxb/pxb-pcie scanned) and nothing of ours ran. Once CPU 0 halts at
0000:7C02 the guest is stopped over QMP and:
  - pci.txt    is HMP `info pci`;
  - tables/    holds every table the RSDP's RSDT lists, and the DSDT and FACS
               through the FADT, each exactly Length bytes (SSDTs numbered
               SSDT.dat, SSDT1.dat ... in RSDT order), with `iasl -d` beside;
  - pci/bb_dd_f.bin for every function `info pci` lists: with an MCFG (q35)
               its 4 KiB ECAM page (MCFG base + bus<<20|dev<<15|fn<<12, read
               with `pmemsave` through QEMU's MMCONFIG window); without one
               (i440fx) the 256 bytes of mechanism #1, read a dword at a time
               with the HMP port commands on 0xCF8/0xCFC;
  - qemu-cmdline.txt, qemu-version.txt.
Standard library only; needs qemu-system-x86_64 and iasl."""
import json
import os
import re
import socket
import struct
import subprocess
import sys
import tempfile
import time

MACHINES = {
    # Two host bridges: pcie.0 (bus 0) and a pxb-pcie expander with root bus
    # 0x80, each with a PCIe root port and a NIC behind it.
    "q35-pxb-pcie": ["-machine", "q35", "-nic", "none",
                     "-device", "pcie-root-port,id=rp0,bus=pcie.0,addr=0x4,chassis=1,slot=1",
                     "-device", "e1000e,bus=rp0",
                     "-device", "pxb-pcie,id=pcie.1,bus_nr=0x80,bus=pcie.0",
                     "-device", "pcie-root-port,id=rp1,bus=pcie.1,chassis=2,slot=0",
                     "-device", "e1000e,bus=rp1",
                     "-drive", "file=halt-disk.img,format=raw,if=none,id=disk0",
                     "-device", "ide-hd,drive=disk0,bus=ide.0"],
    # Two host bridges on a PCI machine: pci.0 and a pxb expander with root bus 0x40.
    "i440fx-pxb": ["-machine", "pc", "-nic", "none",
                   "-device", "pxb,id=bridge1,bus_nr=0x40,bus=pci.0",
                   "-device", "e1000,bus=bridge1,addr=2",
                   "-drive", "file=halt-disk.img,format=raw,if=floppy"],
}
RAM_MIB = 128


def boot_sector():
    """1 MiB image whose MBR is cli; hlt; jmp $-1 with the 0x55AA signature."""
    img = bytearray(1 << 20)
    img[0:4] = b"\xFA\xF4\xEB\xFD"
    img[510:512] = b"\x55\xAA"
    return bytes(img)


class Qmp:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX)
        for _ in range(200):
            try:
                self.sock.connect(path)
                break
            except OSError:
                time.sleep(0.05)
        self.f = self.sock.makefile("rw")
        self.f.readline()
        self.cmd("qmp_capabilities")

    def cmd(self, name, **args):
        self.f.write(json.dumps({"execute": name, "arguments": args}) + "\n")
        self.f.flush()
        while True:
            r = json.loads(self.f.readline())
            if "return" in r:
                return r["return"]
            if "error" in r:
                raise RuntimeError(r["error"])

    def hmp(self, line):
        return self.cmd("human-monitor-command", **{"command-line": line})


def tables_from_ram(ram):
    """RSDP in 0xE0000-0xFFFFF (SeaBIOS), then the RSDT's tables, DSDT, FACS."""
    for off in range(0xE0000, 0x100000, 16):
        if ram[off:off + 8] == b"RSD PTR " and sum(ram[off:off + 20]) & 0xFF == 0:
            break
    else:
        raise RuntimeError("no RSDP")
    rsdt = struct.unpack_from("<I", ram, off + 16)[0]
    out = [("RSDP", ram[off:off + 20])]

    def table(addr):
        length = struct.unpack_from("<I", ram, addr + 4)[0]
        return ram[addr:addr + length]

    r = table(rsdt)
    out.append(("RSDT", r))
    for i in range((len(r) - 36) // 4):
        t = table(struct.unpack_from("<I", r, 36 + 4 * i)[0])
        out.append((t[:4].decode(), t))
        if t[:4] == b"FACP":
            facs, dsdt = struct.unpack_from("<II", t, 36)
            out.append(("FACS", ram[facs:facs + struct.unpack_from("<I", ram, facs + 4)[0]]))
            out.append(("DSDT", table(dsdt)))
    return out


def main():
    outdir, machine = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.makedirs(os.path.join(outdir, "tables"), exist_ok=True)
    os.makedirs(os.path.join(outdir, "pci"), exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "halt-disk.img"), "wb") as f:
            f.write(boot_sector())
        args = ["qemu-system-x86_64", "-display", "none", "-serial", "none", "-monitor", "none",
                "-m", f"{RAM_MIB}M", "-qmp", "unix:qmp.sock,server=on,wait=off"] + MACHINES[machine]
        with open(os.path.join(outdir, "qemu-cmdline.txt"), "w") as f:
            f.write("# run in a directory holding halt-disk.img (1 MiB, boot sector cli; hlt)\n")
            f.write(" ".join(args) + "\n")
        ver = subprocess.run(["qemu-system-x86_64", "--version"], capture_output=True, text=True)
        with open(os.path.join(outdir, "qemu-version.txt"), "w") as f:
            f.write(ver.stdout)
        proc = subprocess.Popen(args, cwd=tmp)
        try:
            qmp = Qmp(os.path.join(tmp, "qmp.sock"))
            deadline = time.time() + 60
            while time.time() < deadline:
                cpus = qmp.hmp("info registers")
                if re.search(r"EIP=0*7c02 ", cpus) and "HLT=1" in cpus:
                    break
                time.sleep(0.2)
            else:
                raise RuntimeError("guest never halted at 0x7c02: " + cpus)
            qmp.cmd("stop")
            pci = qmp.hmp("info pci")
            with open(os.path.join(outdir, "pci.txt"), "w") as f:
                f.write(pci.replace("\r\n", "\n"))
            ram_file = os.path.join(tmp, "ram.bin")
            qmp.cmd("pmemsave", val=0, size=RAM_MIB << 20, filename=ram_file)
            with open(ram_file, "rb") as f:
                ram = f.read()
            counts = {}
            ecam = None
            for sig, data in tables_from_ram(ram):
                n = counts.get(sig, 0)
                counts[sig] = n + 1
                name = sig + (str(n) if n else "") + ".dat"
                with open(os.path.join(outdir, "tables", name), "wb") as f:
                    f.write(data)
                if sig == "MCFG":
                    ecam = struct.unpack_from("<Q", data, 44)[0]
            functions = re.findall(r"Bus\s+(\d+), device\s+(\d+), function (\d+):", pci)
            for bus, dev, fn in functions:
                bus, dev, fn = int(bus), int(dev), int(fn)
                path = os.path.join(outdir, "pci", f"{bus:02x}_{dev:02x}_{fn}.bin")
                if ecam is not None:
                    qmp.cmd("pmemsave", val=ecam + (bus << 20 | dev << 15 | fn << 12),
                            size=4096, filename=path)
                    continue
                # No MCFG: the 256 bytes mechanism #1 reaches, a dword at a time
                # through QEMU's own 0xCF8/0xCFC ports (HMP size w is 32-bit).
                data = bytearray()
                for reg in range(0, 256, 4):
                    qmp.hmp(f"o /w 0xcf8 0x{0x80000000 | bus << 16 | dev << 11 | fn << 8 | reg:x}")
                    value = int(qmp.hmp("i /w 0xcfc").split("=")[-1], 16)
                    data += struct.pack("<I", value)
                with open(path, "wb") as f:
                    f.write(data)
            qmp.cmd("quit")
        finally:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    for name in sorted(os.listdir(os.path.join(outdir, "tables"))):
        if name.endswith(".dat") and not name.startswith(("RSDP", "FACS")):
            subprocess.run(["iasl", "-d", name], cwd=os.path.join(outdir, "tables"),
                           capture_output=True, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
