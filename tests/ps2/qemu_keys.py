#!/usr/bin/env python3
"""The scan-code decoder against QEMU's PS/2 keyboard.

QEMU is the third source: hw/input/ps2.c turns QKeyCode names into set 2 bytes (and,
for Pause and Print Screen, into sequences that depend on the modifiers held). This
test starts QEMU with no disk (SeaBIOS resets the keyboard, selects set 2 and enables
it), types every key of keycodemapdb's table (scancode_sources.h) with QMP send-key,
plus Shift/Ctrl/Alt/AltGr + Print Screen and Ctrl + Pause, and reads the bytes the
keyboard sent from QEMU's own trace (event ps2_put_keycode: the set 2 bytes before
the 8042's translation). ps2_decode_dump decodes each key event's bytes in set 2 and,
translated, in set 1; both must give the key keycodemapdb names for the QKeyCode.

Usage: qemu_keys.py PS2_DECODE_DUMP SCANCODE_SOURCES_H. Exit 0 pass, 1 fail, 77 skip
(no qemu-system-x86_64, no trace event, or the BIOS never enabled the keyboard).
"""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

QEMU = "qemu-system-x86_64"

# QKeyCodes hw/input/ps2.c sends specially, and what the decoder must give for them.
# QEMU's "sysrq" names the Print Screen/SysRq key: it sends Print Screen's sequence,
# and SysRq (set 2 84) only with Alt held.
SPECIAL = {"print": "PRINT_SCREEN", "sysrq": "PRINT_SCREEN", "pause": "PAUSE"}
COMBOS = [["shift", "print"], ["ctrl", "print"], ["alt", "print"], ["alt_r", "print"],
          ["shift_r", "sysrq"], ["ctrl", "pause"], ["ctrl_r", "pause"], ["shift", "a"],
          ["alt_r", "q"]]
MODIFIER_KEYS = {"shift": "LEFT_SHIFT", "shift_r": "RIGHT_SHIFT", "ctrl": "LEFT_CTRL",
                 "ctrl_r": "RIGHT_CTRL", "alt": "LEFT_ALT", "alt_r": "RIGHT_ALT"}


def qcode_table(header):
    """keycodemapdb's rows in scancode_sources.h: QKeyCode name -> key name."""
    with open(header, encoding="utf-8") as f:
        text = f.read()
    table = {}
    for m in re.finditer(r'\{"([^"]+)", "KEY_\w+", 0x[0-9a-f]+, 0x[0-9a-f]+, PS2_KEY_(\w+)\}', text):
        if m.group(1) != "-":
            table[m.group(1)] = m.group(2)
    table.update(SPECIAL)
    table.update(MODIFIER_KEYS)
    return table


class Qmp:
    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        for _ in range(200):
            try:
                self.sock.connect(path)
                break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError("no QMP socket")
        self.file = self.sock.makefile("rw", encoding="utf-8")
        self.reply()  # greeting
        self.command("qmp_capabilities")

    def reply(self):
        while True:
            line = self.file.readline()
            if not line:
                raise RuntimeError("QMP closed")
            msg = json.loads(line)
            if "event" not in msg:
                return msg

    def command(self, name, **args):
        self.file.write(json.dumps({"execute": name, "arguments": args}) + "\n")
        self.file.flush()
        return self.reply()


def expected(qcode, down, held, table):
    """The events the decoder must give for one QEMU key event."""
    if qcode in ("print", "sysrq"):
        alt = "LEFT_ALT" if "alt" in held else "RIGHT_ALT" if "alt_r" in held else None
        if alt and down:
            return [alt + "-", alt + "+", "SYSRQ+"]
        if alt:
            return ["SYSRQ-", alt + "-", alt + "+"]
        return ["PRINT_SCREEN" + ("+" if down else "-")]
    if qcode in ("lang1", "lang2") and not down:
        return []  # make only: no break code (Scan Code Specification, Appendix A)
    if qcode == "pause":
        key = "BREAK" if held & {"ctrl", "ctrl_r"} else "PAUSE"
        return [key + "+", key + "-"] if down else []
    return [table[qcode] + ("+" if down else "-")]


def main():
    if len(sys.argv) != 3:
        print("usage: qemu_keys.py PS2_DECODE_DUMP SCANCODE_SOURCES_H", file=sys.stderr)
        return 2
    if shutil.which(QEMU) is None:
        print("SKIP: %s not installed (tools/setup)" % QEMU)
        return 77
    events = subprocess.run([QEMU, "-trace", "help"], capture_output=True, text=True).stdout
    if "ps2_put_keycode" not in events.split():
        print("SKIP: this QEMU has no ps2_put_keycode trace event")
        return 77
    table = qcode_table(sys.argv[2])
    tmp = tempfile.mkdtemp(prefix="ps2_qemu_keys.")
    qmp_path, log_path = os.path.join(tmp, "qmp"), os.path.join(tmp, "trace.log")
    proc = subprocess.Popen(
        [QEMU, "-machine", "pc", "-display", "none", "-nodefaults", "-m", "32",
         "-qmp", "unix:%s,server=on,wait=off" % qmp_path, "-D", log_path,
         "-trace", "ps2_put_keycode", "-trace", "ps2_keyboard_event",
         "-trace", "ps2_write_keyboard"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        qmp = Qmp(qmp_path)
        deadline = time.time() + 30
        while time.time() < deadline:  # SeaBIOS: reset, set 2, enable (F4)
            with open(log_path, encoding="utf-8", errors="replace") as f:
                if re.search(r"ps2_write_keyboard \S+ val 244", f.read()):
                    break
            time.sleep(0.1)
        else:
            print("SKIP: the BIOS never enabled the keyboard in 30 s")
            return 77
        time.sleep(0.5)
        sent, unsupported = [], []
        for keys in [[q] for q in sorted(table)] + COMBOS:
            r = qmp.command("send-key", keys=[{"type": "qcode", "data": k} for k in keys],
                            **{"hold-time": 20})
            if "error" in r:
                unsupported.append(keys[-1])
                continue
            sent.append(keys)
        want_events = sum(2 * len(k) for k in sent)
        deadline = time.time() + 30
        while time.time() < deadline:
            with open(log_path, encoding="utf-8", errors="replace") as f:
                log = f.read()
            if len(re.findall(r"ps2_keyboard_event ", log)) >= want_events:
                break
            time.sleep(0.1)
        qmp.command("quit")
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)

    # Key events in order, each with the bytes the keyboard sent for it.
    segments = []
    for line in log.splitlines():
        m = re.search(r"ps2_keyboard_event \S+ qcode (\d+) down (\d)", line)
        if m:
            segments.append([int(m.group(1)), m.group(2) == "1", []])
            continue
        m = re.search(r"ps2_put_keycode \S+ keycode 0x([0-9a-fA-F]+)", line)
        if m and segments:
            segments[-1][2].append(int(m.group(1), 16))
    if len(segments) != want_events:
        print("FAIL: %d key events traced, %d expected" % (len(segments), want_events))
        return 1
    out = subprocess.run([sys.argv[1]], input="".join(
        " ".join("%02X" % b for b in seg[2]) + "\n" for seg in segments),
        capture_output=True, text=True, check=True).stdout.splitlines()

    failures, numbers, i, checked, silent = [], {}, 0, 0, set()
    for keys in sent:
        held = set()
        # QEMU presses the keys in order, then releases them in reverse order.
        for qcode, down in [(k, True) for k in keys] + [(k, False) for k in reversed(keys)]:
            number, tdown, data = segments[i]
            set2, set1 = (part.split() for part in out[i].split("|"))
            i += 1
            if numbers.setdefault(qcode, number) != number or tdown != down:
                failures.append("%s: trace out of step (qcode %d down %d)" % (qcode, number, tdown))
                break
            want = expected(qcode, down, held, table)
            if not data and want:
                silent.add(qcode)  # this QEMU sends nothing for the key
                continue
            for name, got in (("set 2", set2), ("set 1 (translated)", set1)):
                if got != want:
                    failures.append("%s %s %s: bytes %s, %s decodes %s, expected %s" % (
                        "+".join(keys), qcode, "down" if down else "up",
                        " ".join("%02X" % b for b in data), name, got, want))
            checked += 1
            (held.add if down else held.discard)(qcode)

    print("QEMU %s: %d key events (%d send-key commands) decoded in set 2 and, through "
          "the 8042's translation, in set 1; QKeyCodes this QEMU lacks: %s; sends "
          "nothing for: %s" % (
              subprocess.run([QEMU, "--version"], capture_output=True, text=True)
              .stdout.split("\n")[0].split("version ")[-1], checked, len(sent),
              " ".join(unsupported) or "none", " ".join(sorted(silent)) or "none"))
    for failure in failures:
        print("FAIL: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
