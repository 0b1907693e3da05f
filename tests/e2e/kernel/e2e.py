#!/usr/bin/env python3
"""Boot the demo kernel (examples/kernel) from a GRUB ISO in QEMU and check its
report against QEMU's own configuration.

Used by the Meson e2e tests (one machine per test) and by tools/demo. Standard
library only. Exit status: 0 every check passed, 1 a check failed, 77 (Meson's
skip) when QEMU, grub-mkrescue, xorriso, mtools or OVMF are missing.

The kernel frames its report on COM1 between REPORT_BEGIN and REPORT_END; it
prints WAIT_MARKER and waits for one byte on COM1 before it exits, so this
script can ask QEMU's monitor (QMP on a unix socket) for `info pci`,
`info mtree` and a screendump of the same run first. When every check passed
the kernel powers the machine off through ACPI \_S5 (e2e_aml.py checks the
QMP SHUTDOWN event); isa-debug-exit is left for failures.
"""

import argparse
import collections
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zlib

import e2e_aml
import e2e_apic
import e2e_pci_irq

REPORT_BEGIN = "@@OSDEV-REPORT-BEGIN"
REPORT_END = "@@OSDEV-REPORT-END"
WAIT_MARKER = "@@OSDEV-WAIT"
# OVMF and GRUB colour COM1 text with ANSI escapes and rewrite lines with CR.
ANSI_ESCAPE = re.compile(r"\x1b(\[[0-9;?]*[A-Za-z]|.)")

# isa-debug-exit makes QEMU exit with (code << 1) | 1: qemu_exit_success writes
# 0x10 (status 33), qemu_exit_failure writes 1 (status 3).
SUCCESS_STATUS = 33
FAILURE_STATUS = 3

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
ISO_SOURCE = os.path.join(ROOT, "examples", "kernel", "iso")
OVMF_CANDIDATES = ["/usr/share/ovmf/OVMF.fd", "/usr/share/qemu/OVMF.fd", "/usr/share/OVMF/OVMF.fd"]

MACHINES = {
    "i440fx-seabios": {
        "title": "i440fx + SeaBIOS, 2 CPUs, 256 MiB, e1000",
        "smp": 2, "mem_mib": 256, "firmware": "seabios", "usable_min": 0.85,
        "args": ["-machine", "pc", "-netdev", "user,id=n0", "-device", "e1000,netdev=n0"],
    },
    "q35-seabios": {
        "title": "q35 + SeaBIOS, 4 CPUs (qemu64,+x2apic), 512 MiB, virtio-net and e1000e behind PCIe root ports, AHCI disk",
        "smp": 4, "mem_mib": 512, "firmware": "seabios", "usable_min": 0.85,
        # x2APIC on this machine: QEMU 7.2's TCG lacks it (it warns and drops the
        # flag, the kernel then stays in xAPIC mode); KVM offers it.
        "args": ["-machine", "q35", "-cpu", "qemu64,+x2apic",
                 "-device", "pcie-root-port,id=rp1,bus=pcie.0,addr=0x4,chassis=1,slot=1",
                 "-netdev", "user,id=n0", "-device", "virtio-net-pci,netdev=n0,bus=rp1,addr=0x0",
                 "-drive", "file={disk},format=raw,if=none,id=disk0",
                 "-device", "ide-hd,drive=disk0,bus=ide.0",
                 # e1000e (82574L) behind a second root port: its INTx proves the routing
                 # through the bridge swizzle (e2e_pci_irq.py); no option ROM, so the
                 # firmware leaves it alone.
                 "-device", "pcie-root-port,id=rp2,bus=pcie.0,addr=0x5,chassis=2,slot=2",
                 "-netdev", "user,id=n1", "-device", "e1000e,netdev=n1,bus=rp2,addr=0x0,romfile="],
    },
    "q35-ovmf": {
        "title": "q35 + OVMF (UEFI), 4 CPUs, 512 MiB, e1000e",
        "smp": 4, "mem_mib": 512, "firmware": "ovmf", "usable_min": 0.60,
        "args": ["-machine", "q35", "-net", "none",
                 "-netdev", "user,id=n1", "-device", "e1000e,netdev=n1,bus=pcie.0,addr=0x5,romfile="],
    },
}
ALIASES = {"1": "i440fx-seabios", "2": "q35-seabios", "3": "q35-ovmf"}

# The names QEMU's `info pci` gives classes (base class and subclass), as the
# fixtures show them side by side (../shared/fixtures/qemu/*/pci.txt and
# pci/index.txt); QEMU prints "Class XXXX" for classes without a name.
QEMU_CLASS_NAMES = {
    "IDE controller": 0x0101, "SATA controller": 0x0106, "Ethernet controller": 0x0200,
    "VGA controller": 0x0300, "Host bridge": 0x0600, "ISA bridge": 0x0601,
    "PCI bridge": 0x0604, "Bridge": 0x0680, "SMBus": 0x0c05,
}


class Skip(Exception):
    """Something this machine lacks (exit 77)."""


# ---------------------------------------------------------------- inputs


def grub_config():
    """The command line, module arguments and gfxpayload mode from grub.cfg."""
    text = open(os.path.join(ISO_SOURCE, "boot", "grub", "grub.cfg")).read()
    m = re.search(r"^\s*multiboot2\s+(\S+)\s*(.*?)\s*$", text, re.M)
    mod = re.search(r"^\s*module2\s+(\S+)\s*(.*?)\s*$", text, re.M)
    gfx = re.search(r"^\s*set\s+gfxpayload=(\d+)x(\d+)x(\d+)\s*$", text, re.M)
    if not (m and mod and gfx):
        raise SystemExit("grub.cfg lacks multiboot2, module2 or gfxpayload=WxHxD")
    return {
        "cmdline": m.group(2),
        "module_path": os.path.join(ISO_SOURCE, mod.group(1).lstrip("/")),
        "module_string": mod.group(2),
        "fb": tuple(int(x) for x in gfx.groups()),
    }


def find_tools(machine):
    tools = {}
    for name in ["qemu-system-x86_64", "grub-mkrescue", "xorriso", "mformat"]:
        path = shutil.which(name)
        if path is None:
            raise Skip(f"{name} is not installed")
        tools[name] = path
    if machine["firmware"] == "ovmf":
        tools["ovmf"] = next((p for p in OVMF_CANDIDATES if os.path.exists(p)), None)
        if tools["ovmf"] is None:
            raise Skip("OVMF.fd is not installed (Debian package ovmf)")
    # grub-mkrescue needs both GRUB platforms for a hybrid ISO.
    for platform in ["i386-pc", "x86_64-efi"]:
        if not os.path.isdir(f"/usr/lib/grub/{platform}"):
            raise Skip(f"GRUB for {platform} is not installed")
    return tools


def make_iso(tools, kernel, workdir, source=ISO_SOURCE, files=()):
    """An ISO of the tree SOURCE with KERNEL as /boot/kernel.elf and each
    (path, name) of FILES as /boot/name (tests/e2e/chain adds its loader)."""
    tree = os.path.join(workdir, "iso")
    shutil.copytree(source, tree)
    shutil.copy(kernel, os.path.join(tree, "boot", "kernel.elf"))
    for path, name in files:
        shutil.copy(path, os.path.join(tree, "boot", name))
    iso = os.path.join(workdir, "demo.iso")
    r = subprocess.run([tools["grub-mkrescue"], "-o", iso, tree],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
    if r.returncode != 0:
        raise SystemExit("grub-mkrescue failed:\n" + r.stdout.decode(errors="replace"))
    return iso


# ---------------------------------------------------------------- QEMU


class Qmp:
    """A minimal QMP client (QEMU's JSON monitor) on a unix socket."""

    def __init__(self, path, deadline, proc):
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                self.sock.connect(path)
                break
            except OSError:
                self.sock.close()
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.05)
        self.sock.settimeout(30)
        self.buf = b""
        self.events = []            # asynchronous events (SHUTDOWN, ...) in order
        self._reply()               # greeting
        self.execute("qmp_capabilities")

    def _message(self):
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("QMP connection closed")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def _reply(self):
        while True:
            msg = self._message()
            if "event" not in msg:
                return msg
            self.events.append(msg)

    def drain(self, seconds):
        """Collect the events still to come until QEMU closes the socket (it
        exited) or SECONDS pass."""
        deadline = time.monotonic() + seconds
        try:
            while time.monotonic() < deadline:
                self.sock.settimeout(max(0.05, deadline - time.monotonic()))
                msg = self._message()
                if "event" in msg:
                    self.events.append(msg)
        except (OSError, EOFError, ValueError):
            pass

    def execute(self, command, **arguments):
        req = {"execute": command}
        if arguments:
            req["arguments"] = arguments
        self.sock.sendall(json.dumps(req).encode() + b"\n")
        reply = self._reply()
        if "error" in reply:
            raise RuntimeError(f"QMP {command}: {reply['error']}")
        return reply.get("return")

    def hmp(self, command_line):
        return self.execute("human-monitor-command", **{"command-line": command_line})

    def close(self):
        self.sock.close()


class Serial:
    """COM1 as QEMU's stdio: a reader thread collects lines."""

    def __init__(self, proc, echo):
        self.proc = proc
        self.echo = echo
        self.lines = []
        self.raw = bytearray()
        self.cond = threading.Condition()
        self.in_report = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        partial = b""
        while True:
            chunk = self.proc.stdout.read1(4096)
            if not chunk:
                break
            with self.cond:
                self.raw += chunk
                partial += chunk
                while b"\n" in partial:
                    line, partial = partial.split(b"\n", 1)
                    text = ANSI_ESCAPE.sub("", line.decode("ascii", errors="replace"))
                    text = text.rstrip("\r").split("\r")[-1]   # what a terminal shows
                    self.lines.append(text)
                    self._echo(text)
                self.cond.notify_all()
        with self.cond:
            self.cond.notify_all()

    def _echo(self, text):
        if not self.echo:
            return
        if text.startswith(REPORT_BEGIN):
            self.in_report = True
        elif self.in_report and not text.startswith("@@"):
            print("  | " + text, flush=True)
        if text.startswith(REPORT_END):
            self.in_report = False

    def wait_for(self, predicate, deadline):
        with self.cond:
            while not predicate(self):
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not self.thread.is_alive():
                    return predicate(self)
                self.cond.wait(min(remaining, 0.2))
            return True


def kvm_usable(cache_dir):
    """Whether /dev/kvm exists and was not found to hang on this boot of the host."""
    if not os.access("/dev/kvm", os.R_OK | os.W_OK):
        return False
    marker = kvm_marker(cache_dir)
    return marker is None or not os.path.exists(marker)


def kvm_marker(cache_dir):
    try:
        boot_id = open("/proc/sys/kernel/random/boot_id").read().strip()
    except OSError:
        return None
    return os.path.join(cache_dir, f"kvm-hangs-{boot_id}") if cache_dir else None


def boot(name, tools, iso, workdir, echo, timeout, cache_dir, extra):
    """Boot (twice if KVM hangs); returns (status, serial, qemu_view)."""
    machine = MACHINES[name]
    disk = os.path.join(workdir, "disk.img")
    if any("{disk}" in a for a in machine["args"]):
        with open(disk, "wb") as f:    # a blank 1 MiB disk for the AHCI controller
            f.truncate(1 << 20)
    accels = ["kvm", "tcg"] if kvm_usable(cache_dir) else ["tcg"]
    while True:
        result = boot_with(machine, tools, iso, workdir, disk, echo, timeout, accels, extra)
        if result is not None:
            return result
        # No byte from the firmware within the probe time: KVM exists but makes
        # no progress (seen on nested virtual machines). Retry with TCG.
        marker = kvm_marker(cache_dir)
        try:
            if marker:
                open(marker, "w").close()
        except OSError:
            pass                # no cache: the next run probes again
        note = "KVM made no progress in 10 s; booted again with TCG"
        print(note, flush=True)
        accels = ["tcg"]


def boot_with(machine, tools, iso, workdir, disk, echo, timeout, accels, extra):
    qmp_path = os.path.join(workdir, "qmp.sock")
    if os.path.exists(qmp_path):
        os.unlink(qmp_path)
    args = [tools["qemu-system-x86_64"]]
    for accel in accels:
        args += ["-accel", accel]
    if accels == ["tcg"]:
        # Virtual time from the instruction count: a descheduled QEMU thread
        # then cannot make the guest miss LAPIC timer interrupts (KVM cannot
        # take -icount; there the kernel's PM-timer measurement stands alone).
        args += ["-icount", "shift=auto"]
    args += ["-smp", str(machine["smp"]), "-m", f"{machine['mem_mib']}M",
             "-display", "none", "-vga", "std", "-serial", "stdio",
             "-qmp", f"unix:{qmp_path},server=on,wait=off",
             "-cdrom", iso, "-boot", "d", "-no-reboot",
             "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
    args += [a.format(disk=disk) for a in machine["args"]]
    if machine["firmware"] == "ovmf":
        args += ["-bios", tools["ovmf"]]
    args += extra
    start = time.monotonic()
    deadline = start + timeout
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    stderr_chunks = []
    threading.Thread(target=lambda: stderr_chunks.append(proc.stderr.read()), daemon=True).start()
    serial = Serial(proc, echo)
    qmp = None
    view = {"pci": None, "mtree": None, "qtree": None, "screen": None, "screen_ppm": None,
            "typed": False, "apic": None, "events": [], "irq_before": None, "irq": None,
            "typed_ppm": None}
    try:
        try:
            qmp = Qmp(qmp_path, deadline, proc)
        except OSError:
            qmp = None          # QEMU did not start: its stderr tells why
        if qmp and "kvm" in accels and len(accels) > 1:
            kvm = qmp.execute("query-kvm")
            probe_end = time.monotonic() + 10
            if kvm.get("enabled") and not serial.wait_for(lambda s: len(s.raw) > 0, probe_end):
                proc.kill()
                proc.wait()
                return None
        # The kernel asks for keys (KEYS_MARKER) before it waits (WAIT_MARKER).
        if qmp and serial.wait_for(lambda s: any(l.startswith((e2e_apic.KEYS_MARKER, WAIT_MARKER))
                                                 for l in s.lines), deadline) \
                and any(l.startswith(e2e_apic.KEYS_MARKER) for l in serial.lines):
            view["irq_before"] = qmp.hmp("info irq")    # e2e_pci_irq.py: counts before the NIC's INTx
            view["typed"] = e2e_apic.type_keys(qmp, serial, deadline)
            # The typed line as drawn, before the later report (PCI, AML, INTx lines)
            # can scroll it off the screen: once the kernel reported the keys.
            if view["typed"] and serial.wait_for(
                    lambda s: any(l.startswith("keyboard text=") for l in s.lines),
                    min(deadline, time.monotonic() + 30)):
                view["typed_ppm"] = os.path.join(workdir, "typed.ppm")
                qmp.execute("screendump", filename=view["typed_ppm"])
        if qmp and serial.wait_for(lambda s: any(l.startswith(WAIT_MARKER) for l in s.lines),
                                   deadline):
            view["apic"] = e2e_apic.qemu_view(qmp, machine["smp"])
            view["pci"] = qmp.hmp("info pci")
            view["mtree"] = qmp.hmp("info mtree -f")
            view["qtree"] = qmp.hmp("info qtree")
            view["irq"] = qmp.hmp("info irq")
            ppm = os.path.join(workdir, "screen.ppm")
            qmp.execute("screendump", filename=ppm)
            view["screen_ppm"] = ppm
            view["screen"] = ppm_size(ppm)
            proc.stdin.write(b"\n")
            proc.stdin.flush()
        try:
            status = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            status = None
        if qmp:
            qmp.drain(2.0)
            view["events"] = qmp.events
    finally:
        if qmp:
            qmp.close()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    serial.thread.join(timeout=5)
    view["seconds"] = time.monotonic() - start
    view["stderr"] = b"".join(c for c in stderr_chunks if c).decode(errors="replace")
    return status, serial, view


# ---------------------------------------------------------------- images


def ppm_read(path):
    """(width, height, rgb bytes) of a binary PPM (P6, maxval 255) file."""
    data = open(path, "rb").read()
    fields = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P6" or int(fields[3]) != 255:
        raise ValueError(f"{path}: not a P6 PPM with maxval 255")
    width, height = int(fields[1]), int(fields[2])
    pixels = data[pos + 1:pos + 1 + 3 * width * height]
    return width, height, pixels


def ppm_size(path):
    width, height, _ = ppm_read(path)
    return width, height


# Colours of the kernel's framebuffer console (examples/kernel/fbcon.c, console.c).
FB_BACKGROUND = (0x10, 0x18, 0x28)
FB_TEXT = (0xE0, 0xE0, 0xE0)
FB_CHECK_OK = (0x70, 0xE0, 0x70)


def screen_colour_shares(ppm):
    """{(r, g, b): share of the pixels} for the console's three colours."""
    width, height, pixels = ppm_read(ppm)
    total = width * height
    if total == 0:
        return {}
    counts = collections.Counter(zip(pixels[0::3], pixels[1::3], pixels[2::3]))
    return {c: counts[c] / total for c in (FB_BACKGROUND, FB_TEXT, FB_CHECK_OK)}


def ppm_to_png(ppm, png):
    """PNG (RFC 2083): signature, IHDR, one IDAT of filter-0 scanlines, IEND."""
    width, height, pixels = ppm_read(ppm)
    stride = 3 * width
    raw = b"".join(b"\x00" + pixels[y * stride:(y + 1) * stride] for y in range(height))

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    with open(png, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


# ---------------------------------------------------------------- parsing


def report_lines(serial):
    lines = serial.lines
    try:
        begin = next(i for i, l in enumerate(lines) if l.startswith(REPORT_BEGIN))
    except StopIteration:
        return []
    return [l for l in lines[begin + 1:] if not l.startswith(REPORT_END)]


def fields(line):
    """key=value pairs of a report line; values may be "quoted" (with \\ escapes)."""
    out = {}
    for m in re.finditer(r'(\w[\w-]*)=("(?:[^"\\]|\\.)*"|\S+)', line):
        value = m.group(2)
        if value.startswith('"'):
            value = unescape(value[1:-1])
        out[m.group(1)] = value
    return out


def unescape(text):
    return re.sub(r"\\(x[0-9a-fA-F]{2}|.)",
                  lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] == "x"
                  else {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)), text)


def num(text):
    return int(text, 0)


def parse_info_pci(text):
    """QEMU's HMP `info pci`: {(bus, dev, fn): {...}}."""
    devices = {}
    cur = None
    for line in text.splitlines():
        m = re.match(r"\s*Bus\s+(\d+), device\s+(\d+), function (\d+):", line)
        if m:
            cur = {"bars": {}}
            devices[tuple(int(x) for x in m.groups())] = cur
            continue
        if cur is None:
            continue
        m = re.search(r"^\s*(.*): PCI device ([0-9a-f]{4}):([0-9a-f]{4})", line)
        if m and "id" not in cur:
            cur["id"] = f"{m.group(2)}:{m.group(3)}"
            name = m.group(1)
            numbered = re.fullmatch(r"Class ([0-9a-f]{4})", name)
            cur["class"] = int(numbered.group(1), 16) if numbered else QEMU_CLASS_NAMES.get(name)
        m = re.search(r"PCI subsystem ([0-9a-f]{4}):([0-9a-f]{4})", line)
        if m:
            cur["subsystem"] = f"{m.group(1)}:{m.group(2)}"
        m = re.search(r"IRQ (\d+), pin ([A-D])", line)
        if m:
            cur["irq"] = int(m.group(1))
            cur["pin"] = ord(m.group(2)) - ord("A") + 1
        m = re.search(r"secondary bus (\d+)", line)
        if m:
            cur["secondary"] = int(m.group(1))
        m = re.search(r"subordinate bus (\d+)", line)
        if m:
            cur["subordinate"] = int(m.group(1))
        m = re.search(r"BAR(\d): (.*) at (0x[0-9a-f]+) \[(0x[0-9a-f]+)\]", line)
        if m:
            index, kind, lo, hi = int(m.group(1)), m.group(2), num(m.group(3)), num(m.group(4))
            if index == 6:
                continue        # expansion ROM: the kernel lists BARs 0-5
            if kind.startswith("I/O"):
                bar = {"kind": "io"}
            else:
                bar = {"kind": "mem64" if kind.startswith("64") else "mem32",
                       "prefetchable": "prefetchable" in kind}
            bar["address"] = lo
            bar["size"] = hi - lo + 1
            cur["bars"][index] = bar
    return devices


def mtree_region(text, name):
    """Start address of the first region called `name` in `info mtree -f`."""
    m = re.search(r"^\s*([0-9a-f]+)-[0-9a-f]+ \([^)]*\): " + re.escape(name) + r"\b", text, re.M)
    return int(m.group(1), 16) if m else None


def parse_report(lines):
    r = {"pci": {}, "cpus": [], "ioapics": [], "hpets": [], "checks": [], "mmap": [],
         "modules": []}
    for line in lines:
        word = line.split(" ", 1)[0]
        f = fields(line)
        if word == "cmdline":
            r["cmdline"] = f.get("text")
        elif word == "module":
            r["modules"].append(f)
        elif word == "memory":
            r["usable"] = num(f["usable"])
        elif word == "cpu":
            r["cpus"].append(f)
        elif word == "ioapic":
            r["ioapics"].append(f)
        elif word == "hpet":
            r["hpets"].append(f)
        elif word == "framebuffer" and "width" in f:
            r["fb"] = f
        elif word == "pci":
            bdf = tuple(int(x, 16) for x in re.split(r"[:.]", line.split()[1]))
            r["pci"][bdf] = dict(f, bars={})
        elif word == "bar":
            bdf = tuple(int(x, 16) for x in re.split(r"[:.]", line.split()[1]))
            if bdf in r["pci"]:
                r["pci"][bdf]["bars"][num(f["index"])] = f
        elif word == "check":
            r["checks"].append(line)
        elif word == "status":
            r["status"] = line
    return r


# ---------------------------------------------------------------- checks


class Checks:
    def __init__(self):
        self.results = []

    def check(self, name, ok, detail=""):
        self.results.append((name, bool(ok), detail))

    def failed(self):
        return [r for r in self.results if not r[1]]


def compare_pci(checks, kernel, qemu):
    if set(kernel) != set(qemu):
        fmt = lambda keys: ", ".join(f"{b:02x}:{d:02x}.{f}" for b, d, f in sorted(keys))
        checks.check("pci functions", False,
                     f"kernel found {fmt(kernel)}; QEMU lists {fmt(qemu)}")
        return
    problems = []
    for bdf, q in sorted(qemu.items()):
        k = kernel[bdf]
        where = "%02x:%02x.%x" % bdf
        if k.get("id") != q.get("id"):
            problems.append(f"{where} id {k.get('id')} != {q.get('id')}")
        kclass = int(k.get("class", "ff.ff").replace(".", "")[:4], 16)
        if q.get("class") is not None and kclass != q["class"]:
            problems.append(f"{where} class {kclass:04x} != {q['class']:04x}")
        if "subsystem" in q and k.get("subsystem") != q["subsystem"]:
            problems.append(f"{where} subsystem {k.get('subsystem')} != {q['subsystem']}")
        if "irq" in q and (num(k.get("irq", "-1")) != q["irq"] or num(k.get("pin", "0")) != q["pin"]):
            problems.append(f"{where} irq/pin {k.get('irq')}/{k.get('pin')} != {q['irq']}/{q['pin']}")
        for key in ["secondary", "subordinate"]:
            if key in q and num(k.get(key, "-1")) != q[key]:
                problems.append(f"{where} {key} bus {k.get(key)} != {q[key]}")
        kbars = {i: b for i, b in k["bars"].items() if num(b["size"]) != 0}
        if set(kbars) != set(q["bars"]):
            problems.append(f"{where} BARs {sorted(kbars)} != QEMU's {sorted(q['bars'])}")
            continue
        for i, qb in q["bars"].items():
            kb = kbars[i]
            if kb["kind"] != qb["kind"] or num(kb["address"]) != qb["address"] \
                    or num(kb["size"]) != qb["size"] \
                    or ("prefetchable" in qb and (kb.get("prefetchable") == "1") != qb["prefetchable"]):
                problems.append(f"{where} BAR{i} {kb['kind']} {kb['address']} size {kb['size']}"
                                f" != {qb['kind']} {qb['address']:#x} size {qb['size']:#x}")
    checks.check("pci functions equal QEMU's info pci", not problems,
                 "; ".join(problems) if problems else f"{len(qemu)} functions")


def evaluate(name, cfg, status, serial, view):
    machine = MACHINES[name]
    checks = Checks()
    lines = report_lines(serial)
    checks.check("kernel report framed on COM1", lines, "no " + REPORT_BEGIN + " line" if not lines else "")
    r = parse_report(lines)

    checks.check("CPU count equals -smp", len(r["cpus"]) == machine["smp"],
                 f"kernel {len(r['cpus'])}, -smp {machine['smp']}")

    limit = machine["mem_mib"] << 20
    usable = r.get("usable")
    checks.check(f"usable memory within {int(machine['usable_min'] * 100)}%-100% of -m",
                 usable is not None and machine["usable_min"] * limit <= usable <= limit,
                 f"usable {usable} bytes, -m {limit} bytes")

    checks.check("command line exact", r.get("cmdline") == cfg["cmdline"],
                 f"kernel {r.get('cmdline')!r}, grub.cfg {cfg['cmdline']!r}")

    module = open(cfg["module_path"], "rb").read()
    mods = r["modules"]
    # The kernel prints the text of modules up to 256 bytes; size and CRC-32 always.
    ok = len(mods) == 1 and num(mods[0].get("size", "-1")) == len(module) \
        and num(mods[0].get("crc32", "-1")) == zlib.crc32(module) \
        and mods[0].get("string") == cfg["module_string"] \
        and ("text" not in mods[0] or mods[0]["text"].encode("latin-1") == module)
    got = ", ".join(f"{m.get('size')} bytes crc32 {m.get('crc32')} string {m.get('string')!r}"
                    for m in mods) or "no module"
    checks.check("module content exact", ok,
                 f"kernel {got}; file {len(module)} bytes crc32 {zlib.crc32(module):#010x}"
                 f" string {cfg['module_string']!r}")

    qemu_ioapic = mtree_region(view["mtree"] or "", "ioapic")
    kernel_ioapics = [num(x["addr"]) for x in r["ioapics"]]
    checks.check("I/O APIC at QEMU's address", qemu_ioapic is not None and kernel_ioapics == [qemu_ioapic],
                 f"kernel {[hex(a) for a in kernel_ioapics]}, QEMU mtree {qemu_ioapic and hex(qemu_ioapic)}")

    qemu_hpet = mtree_region(view["mtree"] or "", "hpet")
    kernel_hpets = [num(x["addr"]) for x in r["hpets"]]
    checks.check("HPET at QEMU's address", qemu_hpet is not None and kernel_hpets == [qemu_hpet],
                 f"kernel {[hex(a) for a in kernel_hpets]}, QEMU mtree {qemu_hpet and hex(qemu_hpet)}")

    if view["pci"] is None:
        checks.check("pci functions equal QEMU's info pci", False, "the kernel never waited on COM1")
    else:
        compare_pci(checks, r["pci"], parse_info_pci(view["pci"]))

    fb = r.get("fb")
    want = cfg["fb"]
    got = (num(fb["width"]), num(fb["height"]), num(fb["bpp"])) if fb else None
    checks.check("framebuffer is grub.cfg's gfxpayload mode", got == want, f"kernel {got}, grub.cfg {want}")
    checks.check("framebuffer size equals the screendump's", got is not None and view["screen"] == got[:2],
                 f"kernel {got and got[:2]}, screendump {view['screen']}")

    # The report drawn on the screen: the console's colours (fbcon.c, console.c)
    # in the screendump, background over most of it, text and passed checks on it.
    shares = screen_colour_shares(view["screen_ppm"]) if view["screen_ppm"] else {}
    background = shares.get(FB_BACKGROUND, 0.0)
    checks.check("screendump shows the report", background > 0.5 and shares.get(FB_TEXT, 0) > 0.002
                 and shares.get(FB_CHECK_OK, 0) > 0.0005,
                 f"background {background:.1%}, text {shares.get(FB_TEXT, 0):.2%}, "
                 f"passed checks {shares.get(FB_CHECK_OK, 0):.2%} of the pixels")

    typed = "typed: " + e2e_apic.TYPED_TEXT + "  "   # two blank cells: nothing more was drawn
    typed_ppm = view.get("typed_ppm") or view["screen_ppm"]
    screen = bool(typed_ppm) and e2e_apic.screen_shows(ppm_read, typed_ppm, typed,
                                                                FB_TEXT, FB_BACKGROUND)
    e2e_apic.evaluate(checks, machine, lines, fields, view, view["typed"], screen)

    kernel_failed = [c for c in r["checks"] if not c.split()[2:3] == ["ok"]]
    checks.check("kernel's own checks passed", r["checks"] and not kernel_failed
                 and r.get("status", "").startswith("status PASS"),
                 "; ".join(kernel_failed) or r.get("status", "no status line"))

    e2e_aml.evaluate(checks, machine, lines, fields, view, status, parse_info_pci, explain_status)
    e2e_pci_irq.evaluate(checks, machine, lines, fields, view, parse_info_pci, e2e_apic.parse_info_pic)
    return checks


def explain_status(status):
    if status is None:
        return "QEMU did not exit before the timeout"
    if status == SUCCESS_STATUS:
        return f"{status} = isa-debug-exit code 0x10 (the kernel's success code): every kernel check passed"
    if status == FAILURE_STATUS:
        return f"{status} = isa-debug-exit code 0x01 (the kernel's failure code): a kernel check failed"
    if status == 0:
        return ("0 = QEMU stopped without isa-debug-exit: a guest shutdown (\\_S5) or a triple fault "
                "under -no-reboot (the QMP SHUTDOWN event tells)")
    if status == 1:
        return "1 = QEMU's own error (or isa-debug-exit code 0x00/0x80)"
    if status < 0:
        return f"QEMU was killed by signal {-status}"
    if status & 1:
        return f"{status} = isa-debug-exit code {status >> 1:#x}, not the success code"
    return f"{status} = an unexpected QEMU exit status"


# ---------------------------------------------------------------- main


def kernel_path(args):
    if args.kernel:
        if not os.path.exists(args.kernel):
            raise SystemExit(f"{args.kernel} does not exist")
        return args.kernel
    cross = os.environ.get("OSDEV_CROSS_X86_64_KERNEL")
    if not cross:
        raise Skip("OSDEV_CROSS_X86_64_KERNEL is not set (no x86_64-kernel cross build)")
    path = os.path.join(cross, "examples", "kernel", "kernel.elf")
    if not os.path.exists(path):
        raise SystemExit(f"{path} does not exist: build the x86_64-kernel cross target")
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("machine", help="|".join(MACHINES) + " (or 1, 2, 3)")
    ap.add_argument("--kernel", help="kernel ELF (default: $OSDEV_CROSS_X86_64_KERNEL/examples/kernel/kernel.elf)")
    ap.add_argument("--demo", action="store_true", help="print the kernel's report as it arrives")
    ap.add_argument("--png", help="save the framebuffer screendump as this PNG file")
    ap.add_argument("--timeout", type=float, default=150, help="seconds for one boot")
    ap.add_argument("--serial-log", help="save everything QEMU's COM1 carried into this file")
    ap.add_argument("--qemu-arg", action="append", default=[],
                    help="one more QEMU argument (repeatable), e.g. --qemu-arg=-cpu --qemu-arg=qemu64,-nx")
    args = ap.parse_args()
    name = ALIASES.get(args.machine, args.machine)
    if name not in MACHINES:
        ap.error(f"unknown machine {args.machine}")
    machine = MACHINES[name]
    try:
        kernel = kernel_path(args)
        tools = find_tools(machine)
    except Skip as e:
        print(f"SKIP {name}: {e}")
        return 77
    cfg = grub_config()
    cache_dir = os.path.dirname(os.path.abspath(kernel))   # remembers a hanging KVM
    with tempfile.TemporaryDirectory(prefix="osdev-e2e-") as workdir:
        iso = make_iso(tools, kernel, workdir)
        print(f"booting {name}: {machine['title']}", flush=True)
        status, serial, view = boot(name, tools, iso, workdir, args.demo, args.timeout, cache_dir,
                                     args.qemu_arg)
        if args.serial_log:
            with open(args.serial_log, "wb") as f:
                f.write(serial.raw)
        if args.png and view["screen_ppm"]:
            ppm_to_png(view["screen_ppm"], args.png)
            print(f"framebuffer screendump saved as {args.png}")
        checks = evaluate(name, cfg, status, serial, view)
    failed = checks.failed()
    if failed and not args.demo:
        print("---- COM1 (last 60 lines) ----")
        print("\n".join(serial.lines[-60:]))
        if view["stderr"]:
            print("---- QEMU stderr ----\n" + view["stderr"])
    for check, ok, detail in checks.results:
        print(f"{'ok  ' if ok else 'FAIL'} {check}" + (f": {detail}" if detail and (not ok or args.demo) else ""))
    print(f"{name}: {len(checks.results) - len(failed)}/{len(checks.results)} checks passed in "
          f"{view['seconds']:.1f} s; QEMU exit status {explain_status(status)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
