"""The interrupt part of the demo kernel's e2e test (examples/kernel: apic_report.c,
timer.c, smp.c, keyboard.c): typing on the PS/2 keyboard through QMP, QEMU's own
view of the interrupt controllers and CPUs, the framebuffer text, and the checks.

Expected values come from QEMU (HMP `info pic` and `info lapic`, QMP
`query-cpus-fast` and each CPU's `apic-id` and `x2apic` properties), from the
scan-code set 2 table of Microsoft's Keyboard Scan Code Specification (rev. 1.3a,
Appendix A) for the bytes the typed keys send, from ACPI's PM timer frequency
(3.579545 MHz, ACPI 6.5 4.8.3.3) and from the kernel's font (font.c), never from
the kernel's own idea of what it should have seen.
"""

import os
import re
import time

KEYS_MARKER = "@@OSDEV-KEYS"

# Set 2 make codes (Microsoft Keyboard Scan Code Specification 1.3a, Appendix A)
# of the QEMU key names (qcodes) typed below; the break code is F0 before the
# last byte.
SET2_MAKE = {
    "shift": [0x12], "h": [0x33], "e": [0x24], "l": [0x4B], "o": [0x44], "1": [0x16],
    "kp_divide": [0xE0, 0x4A], "left": [0xE0, 0x6B], "ctrl_r": [0xE0, 0x14],
    "kp_enter": [0xE0, 0x5A],
}

# What the test types: each group's keys go down in order and come up in
# reverse; the character the US layout gives (None: the terminating Enter).
# Shift for the capital and the "!"; keypad "/" (E0 4A) types a character with
# an E0 prefix; Left arrow and Right Ctrl are E0 keys that type nothing.
TYPING = [
    (("shift", "h"), "H"), (("e",), "e"), (("l",), "l"), (("l",), "l"), (("o",), "o"),
    (("shift", "1"), "!"), (("shift", "1"), "!"), (("shift", "1"), "!"),
    (("kp_divide",), "/"), (("left",), ""), (("ctrl_r",), ""), (("kp_enter",), None),
]
TYPED_TEXT = "".join(c for _, c in TYPING if c)

# The programmed timer rate must be met within this share (the kernel states
# the same tolerance in timer.h); the rate is the kernel's interrupt count over
# its own PM-timer measurement of the interval, so the host's speed cancels out.
TIMER_TOLERANCE = 0.05
PM_TIMER_HZ = 3579545
# QEMU's LAPIC timer counts its input at 1 GHz (hw/intc/apic.c: the current
# count is virtual-clock nanoseconds shifted by the divider; KVM's in-kernel
# LAPIC uses the same 1 ns bus cycle).
# The calibration must meet it within the error bound it states (apic/calibrate.h).
QEMU_APIC_BUS_HZ = 1_000_000_000

KERNEL_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.dirname(os.path.abspath(__file__))))), "examples", "kernel")


def expected_key_counts():
    """(presses, releases, E0 bytes) the kernel sees until the Enter press: the
    bytes QEMU's keyboard sends for TYPING in set 2, cut after kp_enter's make."""
    presses = releases = e0 = 0
    for keys, char in TYPING:
        for k in keys:
            presses += 1
            e0 += SET2_MAKE[k].count(0xE0)
        if char is None:
            break
        for k in reversed(keys):
            releases += 1
            e0 += SET2_MAKE[k].count(0xE0)
    return presses, releases, e0


def type_keys(qmp, serial, deadline):
    """Types TYPING once the kernel printed KEYS_MARKER; after each group that
    types a character, waits until the kernel echoed it on COM1 (QEMU's PS/2
    queue holds 16 bytes, so groups go one by one)."""
    typed = ""
    for keys, char in TYPING:
        events = [{"type": "key", "data": {"down": True, "key": {"type": "qcode", "data": k}}}
                  for k in keys]
        events += [{"type": "key", "data": {"down": False, "key": {"type": "qcode", "data": k}}}
                   for k in reversed(keys)]
        qmp.execute("input-send-event", events=events)
        if char:
            typed += char
            want = ("keyboard typed: " + typed).encode()
            if not serial.wait_for(lambda s: want in bytes(s.raw), min(deadline, time.monotonic() + 5)):
                return False
    return True


def qemu_view(qmp, smp):
    """What QEMU says about its interrupt controllers and CPUs."""
    view = {"pic": qmp.hmp("info pic"), "lapics": [], "cpus": []}
    for cpu in qmp.execute("query-cpus-fast"):
        path = cpu["qom-path"]
        view["cpus"].append({
            "index": cpu["cpu-index"],
            "apic_id": qmp.execute("qom-get", path=path, property="apic-id"),
            "x2apic": qmp.execute("qom-get", path=path, property="x2apic"),
        })
    for i in range(smp):
        view["lapics"].append(qmp.hmp(f"info lapic {i}"))
    return view


def parse_info_pic(text):
    """The first I/O APIC of HMP `info pic`: version, id and its pins."""
    m = re.search(r"ioapic0: ver=(0x[0-9a-f]+) id=(0x[0-9a-f]+)", text or "")
    if not m:
        return None
    pins = {}
    for p in re.finditer(r"^\s*pin (\d+)\s+0x[0-9a-f]+ dest=(\d+) vec=(\d+)\s+(active-hi|active-lo)"
                         r"\s+(edge|level)\s+(masked)?", text, re.M):
        pins[int(p.group(1))] = {"dest": int(p.group(2)), "vector": int(p.group(3)),
                                 "polarity": "high" if p.group(4) == "active-hi" else "low",
                                 "trigger": p.group(5), "masked": p.group(6) is not None}
    return {"version": int(m.group(1), 16), "id": int(m.group(2), 16), "pins": pins}


# ---------------------------------------------------------------- the font


def load_font():
    """Glyphs (0x20-0x7E), cell size and descender letters from font.c / font.h."""
    header = open(os.path.join(KERNEL_DIR, "font.h")).read()
    source = open(os.path.join(KERNEL_DIR, "font.c")).read()
    define = lambda name: int(re.search(r"#define " + name + r" (\d+)", header).group(1))
    width, height, drop = define("FONT_GLYPH_WIDTH"), define("FONT_GLYPH_HEIGHT"), define("FONT_DESCENDER_DROP")
    rows = re.findall(r"\{((?:0x[0-9A-Fa-f]{2},\s*){%d}0x[0-9A-Fa-f]{2})\}" % (height - 1), source)
    glyphs = [[int(v, 16) for v in r.split(",")] for r in rows]
    body = re.search(r"font_glyph_drop\(char c\)\s*\{(.*?)\}", source, re.S).group(1)
    droppers = set(re.findall(r"c == '(.)'", body))
    return {"glyphs": glyphs, "width": width, "height": height, "drop": drop, "droppers": droppers}


def render_rows(font, text):
    """TEXT as fbcon.c draws it: one cell per character, glyph_width + 1 wide and
    height + drop + 1 high, the glyph one row down (plus the drop for descenders);
    '1' for a text pixel, '0' for background."""
    cell_w, cell_h = font["width"] + 1, font["height"] + font["drop"] + 1
    rows = []
    for r in range(cell_h):
        line = []
        for c in text:
            glyph = font["glyphs"][ord(c) - 0x20]
            g = r - 1 - (font["drop"] if c in font["droppers"] else 0)
            bits = glyph[g] if 0 <= g < font["height"] else 0
            line += ["1" if (bits >> (font["width"] - 1 - x)) & 1 else "0" for x in range(font["width"])]
            line.append("0")
        rows.append("".join(line))
    return rows


def screen_shows(ppm_read, ppm, text, text_rgb, background_rgb):
    """Whether the screendump holds TEXT drawn in the console's text colour."""
    width, height, pixels = ppm_read(ppm)
    text_px, bg_px = bytes(text_rgb), bytes(background_rgb)
    screen = []
    for y in range(height):
        row = pixels[3 * width * y:3 * width * (y + 1)]
        screen.append("".join("1" if row[i:i + 3] == text_px else "0" if row[i:i + 3] == bg_px else "."
                              for i in range(0, 3 * width, 3)))
    pattern = render_rows(load_font(), text)
    for y in range(height - len(pattern) + 1):
        start = screen[y + 1].find(pattern[1])
        while start >= 0:
            if all(screen[y + r][start:start + len(pattern[r])] == pattern[r] for r in range(len(pattern))):
                return True
            start = screen[y + 1].find(pattern[1], start + 1)
    return False


# ---------------------------------------------------------------- checks


def kernel_lines(lines, fields):
    """{word: [FIELDS(line)...]} of the report lines this part reads."""
    out = {}
    for line in lines:
        word = line.split(" ", 1)[0]
        if word in ("lapic", "ioapic-registers", "lapic-timer", "ap", "smp", "ipi", "keyboard",
                    "keyboard-route", "irq-override"):
            out.setdefault(word, []).append(fields(line))
    return out


def evaluate(checks, machine, lines, fields, view, typed_ok, screen):
    """Adds this part's checks; FIELDS parses a report line (e2e.fields)."""
    k = kernel_lines(lines, fields)
    q = view.get("apic") or {}
    num = lambda s: int(s, 0)
    cpus = q.get("cpus", [])

    lapic = (k.get("lapic") or [{}])[0]
    bsp = next((c for c in cpus if c["index"] == 0), None)
    want_mode = "x2APIC" if bsp and bsp["x2apic"] else "xAPIC"
    checks.check("LAPIC mode and ID equal QEMU's CPU 0 (x2apic property, apic-id)",
                 bsp is not None and lapic.get("mode") == want_mode
                 and num(lapic.get("id", "-1")) == bsp["apic_id"],
                 f"kernel mode {lapic.get('mode')} id {lapic.get('id')} version {lapic.get('version')}; "
                 f"QEMU x2apic={bsp and bsp['x2apic']} apic-id {bsp and bsp['apic_id']}")

    pic = parse_info_pic(q.get("pic"))
    io = (k.get("ioapic-registers") or [{}])[0]
    route = (k.get("keyboard-route") or [{}])[0]
    ok = pic is not None and num(io.get("id", "-1")) == pic["id"] \
        and num(io.get("version", "-1")) == pic["version"] and num(io.get("entries", "-1")) == len(pic["pins"])
    checks.check("I/O APIC ID, version and entries equal QEMU's info pic", ok,
                 f"kernel id {io.get('id')} version {io.get('version')} entries {io.get('entries')}; "
                 f"QEMU {pic and (pic['id'], hex(pic['version']), len(pic['pins']))}")

    # IRQ 1's GSI, polarity and trigger from the MADT's override (none: ISA
    # defaults, GSI 1, active high, edge; ACPI 6.5 5.2.12.5).
    override = next((o for o in k.get("irq-override", []) if o.get("source") == "1"), None)
    gsi, polarity, trigger = 1, "high", "edge"
    if override:
        flags = num(override["flags"])
        gsi = num(override["gsi"])
        polarity = {3: "low"}.get(flags & 3, "high")
        trigger = {3: "level"}.get((flags >> 2) & 3, "edge")
    pin = pic and pic["pins"].get(gsi)
    checks.check("IRQ 1 routed as the MADT says (QEMU's I/O APIC pin: vector, dest, polarity, trigger)",
                 pin is not None and not pin["masked"] and route
                 and pin["vector"] == num(route.get("vector", "-1")) and pin["dest"] == bsp["apic_id"]
                 and (pin["polarity"], pin["trigger"]) == (polarity, trigger),
                 f"QEMU pin {gsi}: {pin}; MADT gsi {gsi} {polarity} {trigger}; kernel {route}")

    smp_line = (k.get("smp") or [{}])[0]
    running = num(smp_line.get("cpus_running", "0"))
    kernel_ids = sorted([num(lapic.get("id", "-1"))] +
                        [num(a["lapic_id"]) for a in k.get("ap", []) if a.get("online") == "1"])
    qemu_ids = sorted(c["apic_id"] for c in cpus)
    checks.check("CPUs running equal -smp and QEMU's CPUs (APIC IDs)",
                 running == machine["smp"] == len(cpus) and kernel_ids == qemu_ids,
                 f"kernel {running} running, IDs {kernel_ids}; -smp {machine['smp']}; QEMU IDs {qemu_ids}")

    enabled = [bool(re.search(r"SPIV\s+0x[0-9a-f]+ APIC enabled.*spurious vec 255", t or ""))
               for t in q.get("lapics", [])]
    checks.check("every CPU's LAPIC enabled with vector 255 (QEMU info lapic N)",
                 len(enabled) == machine["smp"] and all(enabled), f"per CPU {enabled}")

    ipis = k.get("ipi", [])
    checks.check("a fixed IPI from the BSP reached every AP once",
                 len(ipis) == machine["smp"] - 1 and all(i.get("received") == "1" for i in ipis),
                 f"{[(i.get('apic_id'), i.get('received')) for i in ipis]}")

    t = (k.get("lapic-timer") or [{}])[0]
    ticks, pm = num(t.get("ticks", "0")), num(t.get("pm_ticks", "0"))
    programmed = num(t.get("programmed_hz", "0"))
    rate = ticks * PM_TIMER_HZ / pm if pm else 0.0
    checks.check(f"timer interrupt rate within {TIMER_TOLERANCE:.0%} of the programmed rate "
                 "(PM-timer time)",
                 programmed > 0 and abs(rate - programmed) <= TIMER_TOLERANCE * programmed,
                 f"{ticks} interrupts in {pm} PM-timer ticks = {rate:.3f} Hz, programmed {programmed} Hz")
    input_hz, bound = num(t.get("input_hz", "0")), num(t.get("error_ppm", "0"))
    checks.check("LAPIC timer input clock is QEMU's 1 GHz within the calibration's stated bound",
                 abs(input_hz - QEMU_APIC_BUS_HZ) * 1_000_000 <= bound * QEMU_APIC_BUS_HZ,
                 f"calibrated {input_hz} Hz +- {bound} ppm")

    kb = next((x for x in k.get("keyboard", []) if "text" in x), {})
    presses, releases, e0 = expected_key_counts()
    got = (kb.get("text"), num(kb.get("presses", "-1")), num(kb.get("releases", "-1")),
           num(kb.get("e0_bytes", "-1")))
    echo = [l for l in lines if l.startswith("keyboard typed:")]
    checks.check("typed keys reported exactly on COM1 (echo line, text; presses, releases, "
                 "E0 bytes of set 2)",
                 typed_ok and echo == ["keyboard typed: " + TYPED_TEXT]
                 and got == (TYPED_TEXT, presses, releases, e0),
                 f"kernel echo {echo}, report {got}; typed {(TYPED_TEXT, presses, releases, e0)}"
                 + ("" if typed_ok else "; the kernel did not echo every key"))
    checks.check("typed text drawn on the framebuffer (screendump)", screen,
                 f"looked for {'typed: ' + TYPED_TEXT!r} in the font of font.c")
