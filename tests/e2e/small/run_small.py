#!/usr/bin/env python3
"""Boot the tiny e2e image of one architecture in QEMU and check what it does.

usage: run_small.py i686|riscv64|aarch64

The image (tests/e2e/images/image.c) is found in the cross build directory named by
OSDEV_CROSS_I686 / OSDEV_CROSS_RISCV64 / OSDEV_CROSS_AARCH64. Every QEMU run is
bounded by `timeout`; x86 runs use `-accel kvm -accel tcg` (KVM when it works, else
TCG). On nested-KVM machines KVM can be far slower than TCG for these tiny images
(measured here: 43 s vs 0.6 s from power-on to the banner), so a KVM boot that shows
no banner within KVM_PROBE seconds is booted again with TCG, as are the later cases.
OSDEV_E2E_X86_ACCEL (a comma-separated list) overrides the accelerators.

i686 and riscv64 (a 16550 through uart16550, fed through `-serial stdio`): for each
exit case the driver waits for the banner, sends bytes, checks they come back
unchanged, sends the exit command and checks the text and QEMU's exit status.
aarch64 (semihosting console): the command is passed as a semihosting argument.

Expected statuses follow QEMU's documented device behaviour, not the library:
isa-debug-exit exits with (value << 1) | 1 (hw/misc/debugexit.c, ../shared/NOTES.md),
sifive_test FAIL with code c exits with c and PASS with 0 (hw/misc/sifive_test.c),
semihosting SYS_EXIT with ADP_Stopped_ApplicationExit exits with the subcode.
Exit status 77 (skip) when QEMU for the architecture is not installed or the cross
build directory is not given.
"""
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

BOOT_TIMEOUT = 90  # seconds: nested KVM on CI machines can be slow to boot SeaBIOS
# With KVM, a banner later than this means KVM works but crawls (nested KVM here took
# 43 s); the case is booted again with TCG and so are the following ones.
KVM_PROBE = 10
X86_ACCELS = os.environ.get('OSDEV_E2E_X86_ACCEL', 'kvm,tcg').split(',')

ARCHES = {
    'i686': {
        'qemu': 'qemu-system-x86_64',
        'env': 'OSDEV_CROSS_I686',
        # -vga none: no VGA option ROM (SeaBIOS's VGA init is what stalls under some
        # nested KVM setups); the image only needs COM1 and isa-debug-exit.
        'args': ['-nodefaults', '-vga', 'none', '-no-reboot',
                 '-device', 'isa-debug-exit,iobase=0xf4,iosize=0x04'],
        'newline': b'\r\n',
        # (command, expected text, expected status): status = (code << 1) | 1, and the
        # success helper writes 0x10 (status 33), the failure helper code 1.
        'cases': [(b'x\x01', 'exit 1', 3), (b'x\x02', 'exit 2', 5),
                  (b'x\x71', 'exit 113', 227), (b's', 'exit success', 33),
                  (b'f', 'exit failure', 3)],
    },
    'riscv64': {
        'qemu': 'qemu-system-riscv64',
        'env': 'OSDEV_CROSS_RISCV64',
        'args': ['-machine', 'virt', '-bios', 'none'],
        'newline': b'\r\n',
        # b'r': sifive_test RESET restarts the machine; the driver waits for the
        # second banner and then exits with code 3.
        'cases': [(b'x\x01', 'exit 1', 1), (b'x\x02', 'exit 2', 2),
                  (b'x\x71', 'exit 113', 113), (b's', 'exit success', 0),
                  (b'f', 'exit failure', 1), (b'r', 'reset', 3)],
    },
    'aarch64': {
        'qemu': 'qemu-system-aarch64',
        'env': 'OSDEV_CROSS_AARCH64',
        'args': ['-machine', 'virt', '-cpu', 'cortex-a57'],
        'newline': b'\n',
        'cases': [('x1', 'exit 1', 1), ('x2', 'exit 2', 2), ('x113', 'exit 113', 113),
                  ('s', 'exit success', 0), ('f', 'exit failure', 1),
                  ('e42', 'exit extended 42', 42)],
    },
}

# Every byte value but 0x00 (the image's command byte), in a scrambled order, and a
# line with CR/LF to show that the raw path never translates.
ECHO_PAYLOAD = bytes((i * 37) % 256 for i in range(1, 256) if (i * 37) % 256 != 0) + \
    b'line one\nline two\r\n'


class Reader(threading.Thread):
    """Collects a pipe's bytes so the driver can wait for text with a deadline."""

    def __init__(self, pipe):
        super().__init__(daemon=True)
        self.pipe, self.data, self.lock = pipe, bytearray(), threading.Lock()

    def run(self):
        while True:
            chunk = os.read(self.pipe.fileno(), 4096)
            if not chunk:
                return
            with self.lock:
                self.data += chunk

    def wait_for(self, needle, deadline):
        while time.monotonic() < deadline:
            with self.lock:
                index = self.data.find(needle)
                if index >= 0:
                    return index
            time.sleep(0.01)
        return -1

    def snapshot(self):
        with self.lock:
            return bytes(self.data)


def qemu_command(conf, image, extra):
    accel = []
    if conf['qemu'] == 'qemu-system-x86_64':
        for name in X86_ACCELS:
            accel += ['-accel', name]
    return ['timeout', '-k', '5', str(BOOT_TIMEOUT), conf['qemu'], '-display', 'none',
            '-monitor', 'none', '-m', '128M'] + accel + conf['args'] + extra + ['-kernel', image]


def run_uart_case(arch, conf, image, command, text, status, payload):
    cmd = qemu_command(conf, image, ['-serial', 'stdio'])
    # A session of its own: QEMU runs under `timeout`, and killing only `timeout`
    # would leave QEMU running (a crawling KVM guest then outlives the test).
    proc = subprocess.Popen(cmd, start_new_session=True, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    reader = Reader(proc.stdout)
    reader.start()
    newline = conf['newline']
    banner = f'osdev-e2e {arch} ready'.encode() + newline
    deadline = time.monotonic() + BOOT_TIMEOUT
    problems = []
    probing = conf['qemu'] == 'qemu-system-x86_64' and 'kvm' in X86_ACCELS and len(X86_ACCELS) > 1
    start = reader.wait_for(banner, time.monotonic() + KVM_PROBE if probing else deadline)
    if start < 0 and probing:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return None, reader.snapshot()
    if start < 0:
        problems.append('no banner')
    else:
        # Input only after the banner: init clears the receive FIFO.
        proc.stdin.write(payload)
        proc.stdin.flush()
        if reader.wait_for(banner + payload, deadline) < 0:
            got = reader.snapshot()[start + len(banner):]
            problems.append(f'echo differs: sent {len(payload)} bytes, got back {got[:80]!r}')
        proc.stdin.write(b'\x00' + command)
        proc.stdin.flush()
        if command == b'r':
            # After the reset the image boots again: a second banner, then exit 3.
            first = banner + payload + newline + text.encode() + newline
            if reader.wait_for(first + banner, deadline) < 0:
                problems.append('no banner after the reset')
            proc.stdin.write(b'\x00x\x03')
            proc.stdin.flush()
    try:
        code = proc.wait(timeout=max(1.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        code = proc.wait()
    reader.join(timeout=5)
    out = reader.snapshot()
    want = banner + payload + newline + text.encode() + newline
    if command == b'r':
        want += banner + newline + b'exit 3' + newline
    if start >= 0 and not problems and out[start:] != want:
        problems.append(f'serial text {out[start:][-60:]!r}, expected ending {want[-60:]!r}')
    if code != status:
        problems.append(f'exit status {code}, expected {status}')
    return problems, out


def run_semihosting_case(arch, conf, image, command, text, status):
    extra = ['-serial', 'none', '-chardev', 'stdio,id=semihosting',
             '-semihosting-config', f'enable=on,target=native,chardev=semihosting,arg={command}']
    proc = subprocess.run(qemu_command(conf, image, extra), stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=BOOT_TIMEOUT + 10, check=False)
    newline = conf['newline']
    want = f'osdev-e2e {arch} ready'.encode() + newline + newline + text.encode() + newline
    problems = []
    if proc.stdout != want:
        problems.append(f'console text {proc.stdout!r}, expected {want!r}')
    if proc.returncode != status:
        problems.append(f'exit status {proc.returncode}, expected {status}')
    return problems, proc.stdout


def main():
    global X86_ACCELS
    arch = sys.argv[1]
    conf = ARCHES[arch]
    if shutil.which(conf['qemu']) is None or shutil.which('timeout') is None:
        print(f'{conf["qemu"]} (or timeout) not installed: skipped')
        return 77
    cross_dir = os.environ.get(conf['env'])
    if not cross_dir:
        print(f'{conf["env"]} not set: skipped')
        return 77
    image = os.path.join(cross_dir, 'tests', 'e2e', 'images', f'e2e-{arch}.elf')
    if not os.path.isfile(image):
        print(f'FAIL: image {image} was not built')
        return 1
    failures = 0
    for index, (command, text, status) in enumerate(conf['cases']):
        began = time.monotonic()
        if arch == 'aarch64':
            problems, out = run_semihosting_case(arch, conf, image, command, text, status)
            shown = command
        else:
            # The full payload on the first boot, a short one on the others.
            payload = ECHO_PAYLOAD if index == 0 else b'ping\n'
            problems, out = run_uart_case(arch, conf, image, command, text, status, payload)
            if problems is None:
                print(f'note: no banner within {KVM_PROBE} s under KVM; using TCG from here on')
                X86_ACCELS = ['tcg']
                problems, out = run_uart_case(arch, conf, image, command, text, status, payload)
            shown = command.hex()
        took = time.monotonic() - began
        if problems:
            failures += 1
            print(f'FAIL {arch} {shown}: ' + '; '.join(problems))
            print(f'     output: {out[-200:]!r}')
        else:
            print(f'ok   {arch} {shown}: "{text}", exit status {status} ({took:.1f} s)')
    print(f'{len(conf["cases"]) - failures}/{len(conf["cases"])} cases passed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
