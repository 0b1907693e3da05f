"""Hand-made firmware mistakes for the device layer, compiled with iasl now
(with -f: the reserved-name checks that would refuse them are the point) and run through osdev-inspect aml --devices --prt --sleep --json: each case
ends in a status (the JSON says which), never a crash or a hang. The shapes
are ones real data cannot reach on purpose: wrong object types, truncated
resource templates, malformed _PRT entries and \\_Sx packages, short battery
packages, a bridge nested deeper than the bus walk follows, a _CRS that
calls itself and one that never returns.

usage: evil_devices.py OSDEV_INSPECT
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HEADER = 'DefinitionBlock ("", "DSDT", 2, "OSDEV", "EVILDEV", 1)\n{\n%s\n}\n'

CASES = {
    # _CRS that is not a Buffer, truncated, without an End Tag.
    "crs_types": ('''
    Device (\\_SB.D0) { Name (_HID, "OSDV0000") Method (_CRS) { Return (5) } }
    Device (\\_SB.D1) { Name (_HID, "OSDV0001") Name (_CRS, Buffer () { 0x47, 0x01 }) }
    Device (\\_SB.D2) { Name (_HID, "OSDV0002") Name (_CRS, Buffer () { 0x22, 0x10, 0x00 }) }
    Device (\\_SB.D3) { Name (_HID, "OSDV0003") Method (_CRS) { Return (_CRS ()) } }
''', lambda r: [
        dev(r, "\\_SB_.D0__")["crs"]["status"] == "AML: wrong operand type",
        dev(r, "\\_SB_.D1__")["crs"]["status"] == "truncated",
        dev(r, "\\_SB_.D2__")["crs"]["status"] == "truncated",
        dev(r, "\\_SB_.D3__")["crs"]["status"] == "AML: stack overflow",
    ]),
    # IDs of the wrong type: the object is reported failed, the rest goes on.
    "id_types": ('''
    Device (\\_SB.D0) {
        Name (_HID, Buffer () { 1, 2 })
        Name (_CID, Package () { "OSDV0010", Buffer () { 1 }, 0x030AD041 })
        Method (_STA) { Return ("x") }
        Name (_UID, Package () { 1 })
        Name (_CLS, Package () { 1, 2 })
    }
''', lambda r: [
        "hid" not in dev(r, "\\_SB_.D0__"),
        "cid" not in dev(r, "\\_SB_.D0__"),   # the list fails at its Buffer
        dev(r, "\\_SB_.D0__")["failed"] == 0x1 | 0x2 | 0x4 | 0x10 | 0x20,
        dev(r, "\\_SB_.D0__")["sta"] == 0x0F,
    ]),
    # _PRT entries of every wrong shape, a link with nothing to offer, a _PRT
    # that is not a package.
    "prt_entries": ('''
    Device (\\_SB.PCI0) {
        Name (_HID, EisaId ("PNP0A03"))
        Name (_PRT, Package () {
            Package () { 0xFFFF, 0, 0, 16 },
            Package () { 0x1FFFF },
            5,
            Package () { 0x2FFFF, 7, 0, 17 },
            Package () { 0x3FFFF, 0, "\\\\NOPE", 0 },
            Package () { 0x4FFFF, 1, \\_SB.LNK0, 0 },
            Package () { 0x5FFFF, 2, 3, 18 },
        })
        Device (BR0) { Name (_ADR, 0x00060000) Name (_PRT, 5) }
    }
    Device (\\_SB.LNK0) { Name (_HID, EisaId ("PNP0C0F")) Name (_CRS, Buffer () { 0x79, 0 }) }
''', lambda r: [
        [x["status"] for x in r["prt"]["routes"]] == [
            "ok", "AML: wrong operand type", "AML: wrong operand type",
            "AML: wrong operand type", "not found", "not found", "AML: wrong operand type"],
        r["prt"]["routes"][0]["gsi"] == 16 and r["prt"]["routes"][0]["polarity"] == "active_low",
        r["prt"]["prt_failed"] == 1,
    ]),
    # A root bridge with bridges nested deeper than the secondary-bus walk.
    "deep_bridges": ('''
    Device (\\_SB.PCI0) { Name (_HID, EisaId ("PNP0A08")) Name (_BBN, 3)
      Device (B1) { Name (_ADR, 0x10000) Device (B2) { Name (_ADR, 0) Device (B3) { Name (_ADR, 0)
      Device (B4) { Name (_ADR, 0) Device (B5) { Name (_ADR, 0) Device (B6) { Name (_ADR, 0)
      Device (B7) { Name (_ADR, 0) Device (B8) { Name (_ADR, 0) Device (B9) { Name (_ADR, 0)
      Device (BA) { Name (_ADR, 0) Device (BB) { Name (_ADR, 0) Device (BC) { Name (_ADR, 0)
      Device (BD) { Name (_ADR, 0) Device (BE) { Name (_ADR, 0) Device (BF) { Name (_ADR, 0)
      Device (BG) { Name (_ADR, 0) Device (BH) { Name (_ADR, 0)
        Name (_PRT, Package () { Package () { 0xFFFF, 0, 0, 20 } })
      } } } } } } } } } } } } } } } } }
    }
''', lambda r: [
        len(r["prt"]["routes"]) == 1,
        r["prt"]["routes"][0]["bus"] is None and r["prt"]["routes"][0]["gsi"] == 20,
        r["pci_roots"][0]["bus_start"] == 3 and not r["pci_roots"][0]["bus_from_crs"],
    ]),
    # \\_Sx packages of the wrong shape; a one-integer package holds both
    # values (bits 7:0 PM1a, 15:8 PM1b, as ACPICA's AcpiGetSleepTypeData reads it).
    "sleep_packages": ('''
    Name (\\_S1, Package () { })
    Name (\\_S2, Package () { "a", 0 })
    Name (\\_S3, Package () { 0x0705 })
    Name (\\_S4, 4)
    Method (\\_S5) { While (One) { } }
''', lambda r: [
        [s["status"] for s in r["sleep"]] == ["not found", "malformed entry",
                                             "malformed entry", "ok",
                                             "malformed entry", "AML: loop timeout"],
        r["sleep"][3]["slp_typ_a"] == 5 and r["sleep"][3]["slp_typ_b"] == 7,
    ]),
    # Battery packages too short or with wrong element types.
    "battery_packages": ('''
    Device (\\_SB.BAT0) { Name (_HID, EisaId ("PNP0C0A"))
        Name (_BIF, Package () { 1, 2 })
        Name (_BST, Package () { 1, 2, 3, "x" }) }
    Device (\\_SB.BAT1) { Name (_HID, EisaId ("PNP0C0A"))
        Name (_BIX, Package () { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                                 Package () { }, "s", "t", "o" }) }
    Device (\\_SB.AC0) { Name (_HID, "ACPI0003") Name (_PSR, "on") }
''', lambda r: [
        # _BIF of 2 elements: decoded as far as it goes (acpi/aml_battery.h).
        dev(r, "\\_SB_.BAT0")["battery"]["info_status"] == "truncated",
        dev(r, "\\_SB_.BAT0")["battery"]["design_capacity"] == 2,
        dev(r, "\\_SB_.BAT0")["battery"]["field_states"]["oem_information"] == "missing",
        dev(r, "\\_SB_.BAT0")["battery"]["bst_status"] == "malformed entry",
        dev(r, "\\_SB_.BAT0")["battery"]["bst_states"] == {"present_voltage": "wrong type"},
        dev(r, "\\_SB_.BAT1")["battery"]["info_status"] == "malformed entry",
        dev(r, "\\_SB_.BAT1")["battery"]["field_states"]["model_number"] == "wrong type",
        dev(r, "\\_SB_.BAT1")["battery"]["bst_status"] == "not found",
        dev(r, "\\_SB_.AC0_")["psr"] == "AML: wrong operand type",
    ]),
}


def dev(report, path):
    for d in report["devices"]:
        if d["path"] == path:
            return d
    raise KeyError(path)


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    if shutil.which("iasl") is None:
        print("SKIP: iasl (acpica-tools) is not installed")
        return 77
    inspect = sys.argv[1]
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (body, checks) in CASES.items():
            asl = os.path.join(tmp, name + ".asl")
            with open(asl, "w") as f:
                f.write(HEADER % body)
            c = subprocess.run(["iasl", "-f", "-p", os.path.join(tmp, name), asl],
                               capture_output=True, text=True)
            aml = os.path.join(tmp, name + ".aml")
            if c.returncode != 0 or not os.path.exists(aml):
                print("FAIL %s: iasl: %s" % (name, c.stdout[-500:] + c.stderr[-500:]))
                failed += 1
                continue
            r = subprocess.run([inspect, "aml", "--devices", "--prt", "--sleep", "--json", aml],
                               capture_output=True, text=True, timeout=120)
            try:
                report = json.loads(r.stdout)
                results = checks(report)
            except (ValueError, KeyError, IndexError, TypeError) as e:
                print("FAIL %s: exit %d, %r: %s" % (name, r.returncode, e, r.stdout[-800:]))
                failed += 1
                continue
            if r.returncode not in (0, 1) or not all(results):
                print("FAIL %s: exit %d, checks %r" % (name, r.returncode, results))
                print(json.dumps(report)[:1500])
                failed += 1
            else:
                print("ok   %s (exit %d)" % (name, r.returncode))
    print("%d cases, %d failed" % (len(CASES), failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
