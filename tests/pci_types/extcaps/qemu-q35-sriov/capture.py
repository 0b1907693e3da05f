#!/usr/bin/env python3
"""Capture the configuration spaces of a QEMU q35 machine with PCIe endpoints
that carry extended capabilities the shared fixtures lack: an NVMe
controller with SR-IOV (QEMU's nvme, sriov_max_vfs=4) and an e1000e (AER,
Device Serial Number), each behind a pcie-root-port.

Run in an empty directory: it writes halt-disk.img (a 1 MiB disk whose boot
sector runs cli; hlt), starts QEMU with the command in qemu-cmdline.txt, waits
until SeaBIOS has booted that sector (CPU halted at 0000:7C02, so POST and
resource assignment are done), then saves HMP `info pci` as pci.txt and, for
every function listed, the 4 KiB ECAM page at 0xB0000000 + (bus << 20 |
dev << 15 | fn << 12) as pci/<bb>_<dd>_<f>.bin (QMP pmemsave), as the shared
fixtures were captured (../shared/fixtures/README.md)."""
import json
import os
import re
import socket
import subprocess
import sys
import time

CMD = ["qemu-system-x86_64", "-nographic", "-m", "128M", "-accel", "tcg",
       "-qmp", "unix:qmp.sock,server=on,wait=off", "-machine", "q35", "-smp", "1",
       "-drive", "file=halt-disk.img,format=raw,if=none,id=disk0",
       "-device", "ide-hd,drive=disk0,bus=ide.0",
       "-device", "pcie-root-port,id=rp1,bus=pcie.0,addr=0x4,chassis=1,slot=1",
       "-device", "nvme-subsys,id=subsys0,nqn=osdev",
       "-device", "nvme,serial=osdev0001,subsys=subsys0,sriov_max_vfs=4,"
                  "sriov_vq_flexible=8,sriov_vi_flexible=4,bus=rp1,addr=0x0",
       "-device", "pcie-root-port,id=rp2,bus=pcie.0,addr=0x5,chassis=2,slot=2",
       "-netdev", "user,id=n0",
       "-device", "e1000e,netdev=n0,mac=52:54:00:12:34:56,romfile=,bus=rp2,addr=0x0"]
ECAM = 0xB0000000


class Qmp:
    def __init__(self, path):
        for _ in range(100):
            try:
                self.s = socket.socket(socket.AF_UNIX)
                self.s.connect(path)
                break
            except OSError:
                time.sleep(0.1)
        self.f = self.s.makefile("rw")
        json.loads(self.f.readline())
        self.cmd("qmp_capabilities")

    def cmd(self, name, **args):
        self.f.write(json.dumps({"execute": name, "arguments": args}) + "\n")
        self.f.flush()
        while True:
            r = json.loads(self.f.readline())
            if "return" in r or "error" in r:
                return r

    def hmp(self, line):
        return self.cmd("human-monitor-command", **{"command-line": line})["return"]


def main():
    sector = bytes([0xFA, 0xF4, 0xEB, 0xFD]) + bytes(506) + b"\x55\xaa"
    with open("halt-disk.img", "wb") as f:
        f.write(sector + bytes(1024 * 1024 - 512))
    with open("qemu-cmdline.txt", "w") as f:
        f.write("# run in a directory holding halt-disk.img (written by capture.py)\n")
        f.write(" ".join(a if re.match(r"^[\w=,.:/+-]*$", a) else "'%s'" % a for a in CMD) + "\n")
    qemu = subprocess.Popen(CMD, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        q = Qmp("qmp.sock")
        for _ in range(600):
            regs = q.hmp("info registers")
            if "EIP=00007c02" in regs and "CS =0000 " in regs:
                break
            time.sleep(0.5)
        else:
            print("the guest never halted in the boot sector")
            return 1
        q.cmd("stop")
        info = q.hmp("info pci")
        with open("pci.txt", "w") as f:
            f.write(info)
        os.makedirs("pci", exist_ok=True)
        for bus, dev, fn in re.findall(r"Bus\s+(\d+), device\s+(\d+), function (\d+):", info):
            bus, dev, fn = int(bus), int(dev), int(fn)
            addr = ECAM + (bus << 20 | dev << 15 | fn << 12)
            path = os.path.abspath("pci/%02x_%02x_%x.bin" % (bus, dev, fn))
            r = q.cmd("pmemsave", val=addr, size=4096, filename=path)
            if "error" in r:
                print(r)
                return 1
        with open("qemu-version.txt", "w") as f:
            f.write(q.hmp("info version"))
        q.cmd("quit")
    finally:
        if qemu.poll() is None:
            qemu.terminate()
            qemu.wait(timeout=30)
        if os.path.exists("qmp.sock"):
            os.unlink("qmp.sock")
    return 0


if __name__ == "__main__":
    sys.exit(main())
