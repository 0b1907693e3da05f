#!/usr/bin/env python3
"""The US, UK and German layouts of ps2/ against xkeyboard-config.

Expected values: the symbols files of xkeyboard-config (Debian package xkb-data,
/usr/share/X11/xkb/symbols) for the default variants the XKB rules compose for
these layouts ("pc" + "us", "pc" + "gb", "pc" + "de", with what they include: latin,
latin(type4), keypad(x11), kpdl(comma), level3(ralt_switch) ...), keysym names to
code points through the keysym table of x11proto-dev (/usr/include/X11/keysymdef.h)
and the keysym-to-Unicode rules of the X protocol (Latin-1 keysyms are their code
point, 0x01000000 + U is U, the control and keypad keysyms give keysym & 0x7F).

What the library types comes from ps2_layout_dump (layout_dump.c), one line per
layout, key and modifier state. Each state is turned into the xkb level it selects
(Shift: level 2; AltGr = ISO_Level3_Shift on Right Alt: level 3, with Shift level 4;
Caps Lock: level 2 for keys whose two levels are a lower/upper case pair; Num Lock:
level 2 of the keypad), with xkb's rule that a key with fewer levels falls back to
level 1 (or 2 with Shift).

The library follows the Windows layouts (ps2/README.md). Where Windows and xkb
differ, the exceptions are listed below with their reason; AltGr characters that
only xkb has (xkb's "latin" puts one on nearly every key, Windows has a handful)
are counted, and there the library must type nothing.

Usage: xkb_layouts.py PS2_LAYOUT_DUMP. Exit 0 pass, 1 fail, 77 skip (no xkb-data or
no x11proto-dev).
"""
import os
import re
import subprocess
import sys

XKB_DIR = "/usr/share/X11/xkb/symbols"
KEYSYMDEF = "/usr/include/X11/keysymdef.h"

# xkb key names (the evdev keycodes file; keycodemapdb's "XKB key name" column
# gives the same Linux key for each) to the library's key codes.
XKB_KEYS = {
    "ESC": "ESCAPE", "TLDE": "BACKTICK", "AE11": "MINUS", "AE12": "EQUALS",
    "BKSP": "BACKSPACE", "TAB": "TAB", "AD11": "LEFT_BRACKET", "AD12": "RIGHT_BRACKET",
    "BKSL": "BACKSLASH", "AC10": "SEMICOLON", "AC11": "APOSTROPHE", "RTRN": "ENTER",
    "LSGT": "NON_US_BACKSLASH", "AB08": "COMMA", "AB09": "PERIOD", "AB10": "SLASH",
    "SPCE": "SPACE", "DELE": "DELETE", "KPDV": "KP_SLASH", "KPMU": "KP_ASTERISK",
    "KPSU": "KP_MINUS", "KPAD": "KP_PLUS", "KPEN": "KP_ENTER", "KPDL": "KP_PERIOD",
    "KPEQ": "KP_EQUALS",
}
XKB_KEYS.update({"AE%02d" % (i + 1): "1234567890"[i] for i in range(10)})
XKB_KEYS.update({"AD%02d" % (i + 1): "QWERTYUIOP"[i] for i in range(10)})
XKB_KEYS.update({"AC%02d" % (i + 1): "ASDFGHJKL"[i] for i in range(9)})
XKB_KEYS.update({"AB%02d" % (i + 1): "ZXCVBNM"[i] for i in range(7)})
XKB_KEYS.update({"KP%d" % i: "KP_%d" % i for i in range(10)})
KEYPAD = {k for k in XKB_KEYS if k.startswith("KP") and k not in ("KPEN", "KPEQ")}
ALIASES = {"AC12": "BKSL"}  # evdev keycodes: alias <AC12> = <BKSL>

LAYOUTS = [("us", "us"), ("gb", "uk"), ("de", "de")]  # xkb file, library name
STATES = ["plain", "shift", "altgr", "shift_altgr", "caps", "num"]

# A dead key's keysym to the spacing accent the library keeps for it.
DEAD = {"dead_grave": 0x60, "dead_acute": 0xB4, "dead_circumflex": 0x5E,
        "dead_tilde": 0x7E, "dead_diaeresis": 0xA8, "dead_cedilla": 0xB8}

# Windows' AltGr characters (Microsoft "Windows keyboard layouts": United Kingdom
# 00000809, German 00000407): (layout, key, state) -> code point. Everywhere else
# AltGr types nothing on Windows.
WINDOWS_ALTGR = {
    ("uk", "BACKTICK", "altgr"): 0xA6, ("uk", "4", "altgr"): 0x20AC,
    ("uk", "A", "altgr"): 0xE1, ("uk", "A", "shift_altgr"): 0xC1,
    ("uk", "E", "altgr"): 0xE9, ("uk", "E", "shift_altgr"): 0xC9,
    ("uk", "I", "altgr"): 0xED, ("uk", "I", "shift_altgr"): 0xCD,
    ("uk", "O", "altgr"): 0xF3, ("uk", "O", "shift_altgr"): 0xD3,
    ("uk", "U", "altgr"): 0xFA, ("uk", "U", "shift_altgr"): 0xDA,
    ("de", "2", "altgr"): 0xB2, ("de", "3", "altgr"): 0xB3, ("de", "7", "altgr"): 0x7B,
    ("de", "8", "altgr"): 0x5B, ("de", "9", "altgr"): 0x5D, ("de", "0", "altgr"): 0x7D,
    ("de", "MINUS", "altgr"): 0x5C, ("de", "Q", "altgr"): 0x40,
    ("de", "E", "altgr"): 0x20AC, ("de", "M", "altgr"): 0xB5,
    ("de", "RIGHT_BRACKET", "altgr"): 0x7E, ("de", "NON_US_BACKSLASH", "altgr"): 0x7C,
}

# Where the library (Windows) and xkb differ on a character both define:
# (layout, key, state) -> (what the library types, reason). "-" is nothing.
EXCEPTIONS = {}


def _except(layouts, key, states, value, reason):
    for layout in layouts:
        for state in states:
            EXCEPTIONS[(layout, key, state)] = (value, reason)


ALL = ["us", "uk", "de"]
_except(ALL, "ENTER", STATES, ("c", 0x0A),
        "Enter types U+000A (line feed, the Unix newline); X's Return keysym is U+000D")
_except(ALL, "KP_ENTER", STATES, ("c", 0x0A), "keypad Enter types U+000A like Enter")
_except(ALL, "TAB", ["shift"], ("c", 0x09),
        "Shift+Tab types Tab (Windows); xkb's pc gives ISO_Left_Tab, no character")
_except(["us"], "TAB", ["shift_altgr"], ("c", 0x09), "as Shift+Tab (US: Right Alt is Alt)")
_except(["uk", "de"], "TAB", ["shift_altgr"], ("c", 0x09), "as Shift+Tab")
_except(ALL, "KP_PERIOD", ["plain", "altgr", "caps"], ("c", 0x7F),
        "the keypad's Del (Num Lock off) deletes, U+007F; X's KP_Delete has no character")
for _state, _value in (("plain", 0x5C), ("shift", 0x7C), ("altgr", 0x5C),
                       ("shift_altgr", 0x7C), ("caps", 0x5C), ("num", 0x5C)):
    EXCEPTIONS[("us", "NON_US_BACKSLASH", _state)] = (
        ("c", _value), "US on an ISO keyboard: Windows' 102nd key types \\ |; xkb's pc puts < > there")
for _key, _lower, _upper, _xkb in (("A", 0xE1, 0xC1, "ae AE"), ("E", 0xE9, 0xC9, "e E"),
                                   ("I", 0xED, 0xCD, "arrows"), ("O", 0xF3, 0xD3, "oslash"),
                                   ("U", 0xFA, 0xDA, "arrows")):
    _why = "UK AltGr+vowel types the acute vowel (Windows); xkb's latin has %s" % _xkb
    EXCEPTIONS[("uk", _key, "altgr")] = (("c", _lower), _why)
    EXCEPTIONS[("uk", _key, "shift_altgr")] = (("c", _upper), _why)
EXCEPTIONS[("uk", "BACKTICK", "altgr")] = (
    ("c", 0xA6), "UK AltGr+` types the broken bar (Windows); xkb types |")
EXCEPTIONS[("de", "MINUS", "caps")] = (
    ("c", 0xDF), "Caps Lock leaves ß (Windows); xkb's FOUR_LEVEL_PLUS_LOCK gives capital ẞ")


def keysym_table():
    """keysymdef.h: name -> (keysym, code point or None)."""
    table = {}
    pattern = re.compile(r"^#define XK_(\w+)\s+0x([0-9a-fA-F]+)\s*(?:/\*\s*\(?U\+([0-9A-Fa-f]+))?")
    with open(KEYSYMDEF, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = pattern.match(line)
            if m:
                cp = int(m.group(3), 16) if m.group(3) else None
                table.setdefault(m.group(1), (int(m.group(2), 16), cp))
    return table


def keysym_char(name, table):
    """A keysym name of a symbols file to ("c", code point), ("d", accent) or None."""
    if name in (None, "NoSymbol", "VoidSymbol"):
        return None
    if name in DEAD:
        return ("d", DEAD[name])
    if name.startswith("dead_"):
        return ("d?", name)
    if re.fullmatch(r"U[0-9A-Fa-f]{4,6}", name):
        return ("c", int(name[1:], 16))
    if re.fullmatch(r"0x[0-9A-Fa-f]+", name):
        value = int(name, 16)
    elif name in table:
        value, cp = table[name]
        if cp is not None:
            return ("c", cp)
    elif name.startswith("XF86"):
        return None  # XF86keysym.h: functions (the keypad's fifth level), no character
    else:
        raise ValueError("unknown keysym %r" % name)
    if 0x20 <= value <= 0x7E or 0xA0 <= value <= 0xFF:
        return ("c", value)
    if 0x01000100 <= value <= 0x0110FFFF:
        return ("c", value - 0x01000000)
    # BackSpace..Clear, Return, Escape, Delete, KP_Tab, KP_Enter, KP_Multiply..KP_9
    if (0xFF08 <= value <= 0xFF0B or value in (0xFF0D, 0xFF1B, 0xFFFF, 0xFF89, 0xFF8D)
            or 0xFFAA <= value <= 0xFFB9):
        return ("c", value & 0x7F)
    if value == 0xFF80:  # KP_Space
        return ("c", 0x20)
    if value == 0xFFBD:  # KP_Equal
        return ("c", 0x3D)
    return None


def read_sections(path):
    """A symbols file: section name -> body text; the default section's name."""
    with open(path, encoding="utf-8") as f:
        text = re.sub(r"//[^\n]*", "", f.read())
    sections, default = {}, None
    for m in re.finditer(r"((?:[\w]+\s+)*)xkb_symbols\s+\"([^\"]+)\"\s*\{", text):
        depth, i = 1, m.end()
        while depth and i < len(text):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        sections[m.group(2)] = text[m.end():i - 1]
        if default is None and "default" in m.group(1).split():
            default = m.group(2)
        if default is None and len(sections) == 1:
            first = m.group(2)
    return sections, default or first


STATEMENT = re.compile(
    r"include\s+\"([^\"]+)\""
    r"|key\.type(?:\[\w+\])?\s*=\s*\"([^\"]+)\"\s*;"
    r"|(?:replace\s+|override\s+|augment\s+)?key\s+<(\w+)>\s*\{([^}]*)\}\s*;",
    re.S)


def apply_section(keymap, file, section, depth=0):
    """Merges a section into keymap (xkb name -> [levels, type]) in override mode:
    each level a later definition gives replaces the earlier one."""
    if depth > 16:
        raise ValueError("include loop at %s(%s)" % (file, section))
    sections, default = read_sections(os.path.join(XKB_DIR, file))
    body = sections[section or default]
    default_type = None
    for m in STATEMENT.finditer(body):
        if m.group(1):
            for part in re.split(r"[+|]", m.group(1)):
                im = re.fullmatch(r"([\w-]+)(?:\(([^)]+)\))?(?::\d+)?", part.strip())
                apply_section(keymap, im.group(1), im.group(2), depth + 1)
        elif m.group(2):
            default_type = m.group(2)
        else:
            name, kbody = ALIASES.get(m.group(3), m.group(3)), m.group(4)
            kbody = re.sub(r"actions\[\w+\]\s*=\s*\[[^\]]*\]", "", kbody)
            tm = re.search(r"type(?:\[\w+\])?\s*=\s*\"([^\"]+)\"", kbody)
            kbody = re.sub(r"type(?:\[\w+\])?\s*=\s*\"[^\"]*\"", "", kbody)
            kbody = re.sub(r"symbols\[\w+\]\s*=", "", kbody)
            lm = re.search(r"\[([^\]]*)\]", kbody)
            if not lm:
                continue
            syms = [s.strip() for s in lm.group(1).split(",")]
            old = keymap.get(name, [[], None])
            levels = [syms[i] if i < len(syms) and syms[i] not in ("", "NoSymbol")
                      else (old[0][i] if i < len(old[0]) else None)
                      for i in range(max(len(syms), len(old[0])))]
            keymap[name] = [levels, tm.group(1) if tm else (default_type or old[1])]


def case_pair(a, b):
    return (a is not None and b is not None and a[0] == "c" and b[0] == "c" and a != b
            and chr(a[1]).upper() == chr(b[1]) and chr(b[1]).lower() == chr(a[1]))


def xkb_expected(levels, ktype, key, has_level3, state, table):
    chars = [keysym_char(s, table) for s in levels]
    n = len(chars)

    def level(i):  # 1-based; xkb's fallback for keys with fewer levels
        if n >= 3 or i <= n:
            return chars[i - 1] if i <= n else None
        return chars[(i - 1) % 2] if n == 2 else chars[0]

    if state == "plain":
        return level(1)
    if state == "shift":
        return level(2)
    if state in ("altgr", "shift_altgr"):
        shift = state == "shift_altgr"
        if not has_level3 or n < 3:
            return level(2 if shift else 1)
        return level(4 if shift else 3)
    if state == "caps":
        if ktype and "PLUS_LOCK" in ktype and len(levels) >= 5:
            return keysym_char(levels[4], table)  # Caps Lock selects level 5
        return level(2) if n >= 2 and case_pair(chars[0], chars[1]) else level(1)
    if state == "num":
        return level(2) if key in KEYPAD else level(1)
    raise ValueError(state)


def parse_value(text):
    if text == "-":
        return None
    if text.startswith("d"):
        return ("d", int(text[1:], 16))
    return ("c", int(text, 16))


def show(value):
    if value is None:
        return "nothing"
    if value[0] == "c":
        return "U+%04X %r" % (value[1], chr(value[1]))
    if value[0] == "d":
        return "dead U+%04X" % value[1]
    return "%s %s" % value


def main():
    if len(sys.argv) != 2:
        print("usage: xkb_layouts.py PS2_LAYOUT_DUMP", file=sys.stderr)
        return 2
    for path in [os.path.join(XKB_DIR, f) for f in ("pc", "us", "gb", "de", "latin")] + [KEYSYMDEF]:
        if not os.path.exists(path):
            print("SKIP: %s missing (install xkb-data and x11proto-dev: tools/setup)" % path)
            return 77
    table = keysym_table()
    dump = subprocess.run([sys.argv[1]], check=True, capture_output=True, text=True).stdout
    ours = {}
    for line in dump.splitlines():
        layout, key, state, value = line.split()
        ours[(layout, key, state)] = parse_value(value)

    failures, counts = [], {"equal": 0, "exception": 0, "xkb_only_altgr": 0}
    used_exceptions = set()
    for xkb_file, layout in LAYOUTS:
        keymap = {}
        apply_section(keymap, "pc", None)
        apply_section(keymap, xkb_file, None)
        has_level3 = "ISO_Level3_Shift" in (keymap.get("RALT", [[]])[0] or [])
        if has_level3 != (layout != "us"):
            failures.append("%s: AltGr (level 3 on Right Alt) is %s in xkb" %
                            (layout, "on" if has_level3 else "off"))
        for xkb_name, key in sorted(XKB_KEYS.items()):
            if xkb_name not in keymap:
                failures.append("%s: xkb defines no <%s>" % (layout, xkb_name))
                continue
            levels, ktype = keymap[xkb_name]
            for state in STATES:
                want = xkb_expected(levels, ktype, xkb_name, has_level3, state, table)
                got = ours[(layout, key, state)]
                where = "%s %s <%s> %s" % (layout, key, xkb_name, state)
                exc = EXCEPTIONS.get((layout, key, state))
                altgr = has_level3 and state in ("altgr", "shift_altgr") and key not in (
                    "ENTER", "KP_ENTER", "TAB", "SPACE", "BACKSPACE", "ESCAPE", "DELETE") \
                    and xkb_name not in KEYPAD and xkb_name != "KPEQ"
                windows = WINDOWS_ALTGR.get((layout, key, state))
                if exc is not None:
                    used_exceptions.add((layout, key, state))
                    if got != exc[0]:
                        failures.append("%s: library types %s, the exception says %s" %
                                        (where, show(got), show(exc[0])))
                    elif want == exc[0]:
                        failures.append("%s: xkb agrees now (%s); drop the exception" %
                                        (where, show(want)))
                    else:
                        counts["exception"] += 1
                elif altgr and windows is None and got is None and want is not None:
                    counts["xkb_only_altgr"] += 1
                elif got == want:
                    if altgr and windows is not None and want != ("c", windows):
                        failures.append("%s: Windows types %s" % (where, show(("c", windows))))
                    counts["equal"] += 1
                else:
                    failures.append("%s: library types %s, xkb %s (levels %s)" %
                                    (where, show(got), show(want), levels))
    stale = set(EXCEPTIONS) - used_exceptions
    for item in sorted(stale):
        failures.append("exception %s never compared" % (item,))

    total = sum(counts.values())
    print("%d comparisons over %d keys x %d states x %d layouts: %d equal to xkb, "
          "%d listed Windows/xkb differences, %d AltGr characters only xkb has" %
          (total, len(XKB_KEYS), len(STATES), len(LAYOUTS), counts["equal"],
           counts["exception"], counts["xkb_only_altgr"]))
    reasons = sorted({reason for _, reason in EXCEPTIONS.values()})
    for reason in reasons:
        print("  exception: %s" % reason)
    for failure in failures:
        print("FAIL: " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
