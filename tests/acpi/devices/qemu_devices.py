"""osdev-inspect aml --devices --prt --json on QEMU's machines against ACPICA's
disassembly of the same DSDT (tables/DSDT.dsl, iasl -d):

- every Device with `Name (_HID, EisaId ("...")` or `Name (_HID, "...")` in the
  .dsl has that _HID, and we report no _HID the .dsl does not state;
- every device whose `Name (_CRS, ResourceTemplate () {...})` holds only IO,
  IRQNoFlags, Interrupt and Memory32Fixed macros decodes to those descriptors,
  field by field;
- q35 (APIC mode, after _PIC(1)): each route equals the .dsl's PRTA entry
  (device, pin, link) with the GSI, polarity and trigger of that link's
  `Interrupt (...)` in its _CRS: QEMU's GSIs 16-23.

usage: qemu_devices.py OSDEV_INSPECT SHARED_DIR
"""
import json
import os
import re
import subprocess
import sys

BLOCK = re.compile(r"^\s*(Scope|Device|Processor|ThermalZone|PowerResource|Method|Name|If|Else|ElseIf|While|Package|Field|OperationRegion|IndexField|BankField|ResourceTemplate|Buffer)\b")
NAMED = re.compile(r"^\s*(Scope|Device|Processor|ThermalZone|PowerResource)\s*\(([^,)]+)")
HID = re.compile(r'^\s*Name \(_HID, (?:EisaId \()?"([^"]+)"')
CRS = re.compile(r"^\s*Name \(_CRS, ResourceTemplate \(\)")
NUM = re.compile(r"0x[0-9A-Fa-f]+|\bZero\b|\bOne\b|\b\d+\b")


def num(tok):
    return {"Zero": 0, "One": 1}.get(tok) if tok in ("Zero", "One") else int(tok, 0)


def seg(s):
    return (s + "____")[:4]


def join(scope, name):
    """Resolve an ASL name against the scope path (a list of segments)."""
    name = name.strip()
    if name.startswith("\\"):
        base, name = [], name[1:]
    else:
        base = list(scope)
        while name.startswith("^"):
            base.pop()
            name = name[1:]
    return base + [seg(p) for p in name.split(".") if p]


def path_text(segs):
    return "\\" + ".".join(segs) if segs else "\\"


def parse_dsl(text):
    """Returns ({device path: hid}, {device path: [descriptor dicts] or None},
    {name: text of its Package/ResourceTemplate block})."""
    lines = text.splitlines()
    stack = []            # (kind, path segments) per open brace
    pending = None        # the named object whose '{' comes next
    hids, crs = {}, {}
    i = 0
    while i < len(lines):
        line = lines[i].split("//")[0]
        m = NAMED.match(line)
        if m:
            scope = stack[-1][1] if stack else []
            pending = (m.group(1), join(scope, m.group(2)))
        h = HID.match(line)
        if h and stack and stack[-1][0] == "Device":
            hids[path_text(stack[-1][1])] = h.group(1)
        if CRS.match(line) and stack and stack[-1][0] == "Device":
            body, i = block_text(lines, i)
            crs[path_text(stack[-1][1])] = parse_template(body)
            continue
        for ch in line:
            if ch == "{":
                if pending is not None:
                    stack.append(pending)
                    pending = None
                else:
                    stack.append(("block", stack[-1][1] if stack else []))
            elif ch == "}":
                stack.pop()
        i += 1
    return hids, crs


def block_text(lines, i):
    """The text of the brace block that starts on or after line i, and the
    index of the line after it."""
    depth, started, out = 0, False, []
    while i < len(lines):
        line = lines[i].split("//")[0]
        out.append(line)
        for ch in line:
            if ch == "{":
                depth += 1
                started = True
            elif ch == "}":
                depth -= 1
        i += 1
        if started and depth == 0:
            break
    return "\n".join(out), i


MACRO = re.compile(r"(\w+) \(([^)]*)\)\s*(\{[^}]*\})?", re.S)


def parse_template(body):
    inner = body[body.index("{") + 1:body.rindex("}")]
    out = []
    for m in MACRO.finditer(inner):
        kind, args, lst = m.group(1), [a.strip() for a in m.group(2).split(",")], m.group(3)
        values = [num(t) for t in NUM.findall(lst)] if lst else []
        if kind == "IO":
            out.append({"type": "IO", "minimum": num(args[1]), "maximum": num(args[2]),
                        "alignment": num(args[3]), "length": num(args[4])})
        elif kind == "IRQNoFlags":
            out.append({"type": "IRQ", "irqs": values, "edge": True, "active_low": False,
                        "shared": False})
        elif kind == "Interrupt":
            out.append({"type": "Interrupt", "irqs": values, "edge": args[1] == "Edge",
                        "active_low": args[2] == "ActiveLow", "shared": args[3] == "Shared"})
        elif kind == "Memory32Fixed":
            out.append({"type": "Memory32Fixed", "base": num(args[1]), "length": num(args[2])})
        else:
            return None   # a macro this check does not model
    return out


def prta_routes(text):
    """The PRTA package's entries: (device, pin, link name)."""
    start = text.index("Name (PRTA, Package")
    body, _ = block_text(text[start:].splitlines(), 0)
    entries = re.findall(r"Package \(0x04\)\s*\{\s*([^,]+),\s*([^,]+),\s*([^,]+),\s*([^}]+)\}", body)
    return [(num(a.strip()) >> 16, num(b.strip()), c.strip()) for a, b, c, _ in entries]


def compare_descriptor(want, got):
    return all(got.get(k) == v for k, v in want.items() if k != "type")


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    inspect, shared = sys.argv[1], sys.argv[2]
    qemu = os.path.join(shared, "fixtures", "qemu")
    failures = 0
    for name in sorted(os.listdir(qemu)):
        tables = os.path.join(qemu, name, "tables")
        dsl_path = os.path.join(tables, "DSDT.dsl")
        if not os.path.isfile(dsl_path):
            continue
        text = open(dsl_path, encoding="utf-8", errors="replace").read()
        hids, crs = parse_dsl(text)
        r = subprocess.run([inspect, "aml", "--devices", "--prt", "--json",
                            os.path.join(tables, "DSDT.dat")], capture_output=True, text=True,
                           timeout=120)
        ours = json.loads(r.stdout)
        devs = {d["path"]: d for d in ours["devices"]}
        problems = []
        ours_hids = {p: d["hid"] for p, d in devs.items() if "hid" in d}
        for p in sorted(set(hids) | set(ours_hids)):
            if hids.get(p) != ours_hids.get(p):
                problems.append("%s _HID: .dsl %r, ours %r" % (p, hids.get(p), ours_hids.get(p)))
        crs_checked = crs_skipped = 0
        for p, want in sorted(crs.items()):
            if want is None:
                crs_skipped += 1
                continue
            got = devs.get(p, {}).get("crs", {}).get("descriptors")
            crs_checked += 1
            if got is None or len(got) != len(want) or not all(
                    compare_descriptor(w, g) for w, g in zip(want, got)):
                problems.append("%s _CRS: .dsl %r, ours %r" % (p, want, got))
        routes_checked = 0
        if "Name (PRTA, Package" in text:
            link_irq = {}
            for p, want in crs.items():
                if want and len(want) == 1 and want[0]["type"] == "Interrupt":
                    link_irq[p.split(".")[-1]] = want[0]
            ours_routes = {(x["device"], x["pin"]): x for x in ours["prt"]["routes"]
                           if x["bus"] == 0}
            for dev, pin, link in prta_routes(text):
                want = link_irq[seg(link)]
                got = ours_routes.get((dev, pin))
                routes_checked += 1
                if got is None or got.get("gsi") != want["irqs"][0] or \
                        got.get("polarity") != ("active_low" if want["active_low"] else "active_high") or \
                        got.get("trigger") != ("edge" if want["edge"] else "level") or \
                        not got.get("link", "").endswith(seg(link)):
                    problems.append("route %02x pin %d: .dsl %s %r, ours %r" % (dev, pin, link, want, got))
        print("%-24s _HID %d devices, _CRS %d checked (%d with other macros), PRTA %d routes" % (
            name, len(hids), crs_checked, crs_skipped, routes_checked))
        for p in problems:
            print("  FAIL %s: %s" % (name, p))
        failures += bool(problems)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
