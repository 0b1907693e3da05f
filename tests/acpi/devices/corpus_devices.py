"""osdev-inspect aml --devices --prt --sleep --json on the 40 corpus computers
and the QEMU fixtures, against ACPICA's acpiexec evaluating the same objects of
the same tables (one acpiexec process per computer, run now).

For every device-like node (device, processor, thermal zone, power resource):
_HID, _CID, _UID, _ADR and _STA must equal acpiexec's value, or both must
lack the object (acpiexec: AE_NOT_FOUND; ours: no key, _STA the default 0x0F).
Every _CRS (and _PRS) that evaluates must decode to its End Tag, and its bytes must
equal acpiexec's (or be explained in explained.json). Every _PRT entry must
resolve to an interrupt; every \\_S5 must decode, with acpiexec's values.

usage: corpus_devices.py OSDEV_INSPECT SHARED_DIR [--only NAME] [--verbose]
"""
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import acpiexec  # noqa: E402

FIELDS = ("_HID", "_CID", "_UID", "_ADR", "_STA")
# ACPI_AML_DEVICE_HAS_* bits of the JSON's "failed" (acpi/aml_device.h).
FAILED_BIT = {"_HID": 0x1, "_CID": 0x2, "_UID": 0x4, "_ADR": 0x8, "_STA": 0x20}

# Differences with a known cause outside the device layer, each checked by
# hand against the disassembly ("computer:path": why).
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "explained.json")) as _f:
    EXPLAINED = json.load(_f)


def upper(v):
    if isinstance(v, str):
        return v.upper()
    if isinstance(v, list):
        return [upper(x) for x in v]
    return v


def id_text(v):
    kind, value = v
    if kind == "integer":
        return acpiexec.eisa_text(value & 0xFFFFFFFF)
    if kind == "string":
        return value
    return None


def expected_field(field, v):
    """acpiexec's value in the form our JSON uses, or None when absent."""
    if v is None or v[0] == "status":
        return None
    if field == "_HID":
        return id_text(v)
    if field == "_CID":
        items = v[1] if v[0] == "package" else [v]
        return [id_text(x) for x in items]
    if field == "_UID":
        return v[1]
    return v[1] if v[0] == "integer" else None


def ours_field(field, dev):
    if field == "_HID":
        return dev.get("hid")
    if field == "_CID":
        return dev.get("cid")
    if field == "_UID":
        return dev.get("uid")
    if field == "_ADR":
        return dev.get("adr")
    return None if dev.get("sta_default") else dev.get("sta")


BIX_FIELDS = ["revision", "power_unit", "design_capacity", "last_full_charge_capacity",
              "technology", "design_voltage", "design_capacity_warning", "design_capacity_low",
              "cycle_count", "measurement_accuracy", "max_sampling_time", "min_sampling_time",
              "max_averaging_interval", "min_averaging_interval", "granularity_1",
              "granularity_2", "model_number", "serial_number", "battery_type",
              "oem_information", "swapping_capability"]
BIF_FIELDS = ["power_unit", "design_capacity", "last_full_charge_capacity", "technology",
              "design_voltage", "design_capacity_warning", "design_capacity_low",
              "granularity_1", "granularity_2", "model_number", "serial_number",
              "battery_type", "oem_information"]


STRING_FIELDS = {"model_number", "serial_number", "battery_type", "oem_information"}


def element_value(v, field=None):
    """What acpi/aml_battery.h makes of acpiexec's element: integers to 32 bits,
    strings to 63 characters; in a string field a buffer up to its first NUL and
    an integer as "" (0) or 16 upper-case hex digits (ACPICA's nsconvert.c)."""
    kind, value = v
    if kind == "integer" and field in STRING_FIELDS:
        return "" if value == 0 else "%016X" % value
    if kind == "integer":
        return value & 0xFFFFFFFF
    if kind in ("string", "buffer"):
        text = value if kind == "string" else value.split(b"\0")[0].decode("latin-1")
        return text[:63]
    return None


def info_statuses(pkg, names):
    """The statuses acpi/aml_battery.h gives a well-formed package (10.2.2.1-2):
    malformed entry for a power unit or technology outside 0-1 or an integer
    above 32 bits (its low 32 kept), truncated for a _BIX of revision 1 or above
    with revision 0's 20 elements."""
    out = set()
    if any(kind == "integer" and value > 0xFFFFFFFF for kind, value in pkg[:len(names)]):
        out.add("malformed entry")
    for field in ("power_unit", "technology"):
        if element_value(pkg[names.index(field)]) > 1:
            out.add("malformed entry")
    if names[0] == "revision" and pkg[0][1] >= 1 and len(pkg) < 21:
        out.add("truncated")
    return out or {"ok"}


def battery_problems(dev, ref):
    """ACPI 6.5, 10.2.2: ours against acpiexec's _BIX (else _BIF) and _BST."""
    out = []
    bat = dev["battery"]
    bix, bif = ref.get(dev["path"] + "._BIX"), ref.get(dev["path"] + "._BIF")
    if bix is not None and bix[0] == "package":
        # Revision 1 adds the swapping capability; firmware that says 1 with 20
        # elements is read as revision 0's fields.
        rev1 = bix[1] and bix[1][0] == ("integer", 1) and len(bix[1]) >= 21
        pkg, names = bix[1], BIX_FIELDS[:21 if rev1 else 20]
    elif bif is not None and bif[0] == "package" and (bix is None or bix[0] == "status"):
        pkg, names = bif[1], BIF_FIELDS
    else:
        pkg, names = None, []
    if pkg is None:
        if bat["info_status"] == "ok":
            out.append("battery info: ours ok, acpiexec %r / %r" % (bix, bif))
    elif len(pkg) < len(names) or any(element_value(e) is None for e in pkg[:len(names)]):
        if bat["info_status"] == "ok":
            out.append("battery info: ours ok, acpiexec's package is malformed: %r" % (pkg,))
    elif bat["info_status"] not in info_statuses(pkg, names):
        out.append("battery info: ours %s, acpiexec %r" % (bat["info_status"], pkg))
    else:
        for field, e in zip(names, pkg):
            if bat.get(field) != element_value(e, field):
                out.append("battery %s: ours %r, acpiexec %r" % (field, bat.get(field),
                                                                 element_value(e, field)))
    bst = ref.get(dev["path"] + "._BST")
    if bst is not None and bst[0] == "package" and len(bst[1]) >= 4 and \
            all(e[0] == "integer" for e in bst[1][:4]):
        want = [e[1] & 0xFFFFFFFF for e in bst[1][:4]]
        if bat.get("bst") != want:
            out.append("_BST: ours %r, acpiexec %r" % (bat.get("bst"), want))
    elif bat["bst_status"] == "ok":
        out.append("_BST: ours ok, acpiexec %r" % (bst,))
    return out


def check(name, folder, inspect, verbose):
    files = acpiexec.table_files(folder, os.listdir(folder))
    r = subprocess.run([inspect, "aml", "--devices", "--prt", "--sleep", "--json"] + files,
                       capture_output=True, text=True, timeout=600)
    try:
        ours = json.loads(r.stdout)
    except json.JSONDecodeError:
        return name, None, ["osdev-inspect printed no JSON (exit %d): %s" % (r.returncode, r.stderr[-300:])]
    paths = []
    for dev in ours["devices"]:
        paths += [dev["path"] + "." + f for f in FIELDS + ("_CRS",)]
        if "battery" in dev:
            paths += [dev["path"] + "." + f for f in ("_BIX", "_BIF", "_BST")]
        if "psr" in dev:
            paths.append(dev["path"] + "._PSR")
    paths.append("\\_S5_")
    ref = acpiexec.evaluate(files, paths)
    c = {k: 0 for k in ("devices", "fields", "fields_matched", "crs", "crs_end_tag",
                        "crs_bytes_compared", "crs_bytes_equal", "prt", "prt_resolved",
                        "s5", "s5_matched", "batteries", "batteries_matched", "psr",
                        "psr_matched", "batteries_explained", "psr_explained", "prs",
                        "prs_end_tag", "ids_upper_cased_by_acpica", "fields_explained",
                        "crs_explained")}
    problems = []
    for dev in ours["devices"]:
        c["devices"] += 1
        for f in FIELDS:
            p = dev["path"] + "." + f
            if p not in ref:
                problems.append("%s: acpiexec printed nothing" % p)
                continue
            exp = expected_field(f, ref[p])
            got = ours_field(f, dev)
            c["fields"] += 1
            if ref[p][0] == "status" and ref[p][1] != "AE_NOT_FOUND":
                # The object exists and fails (an error, or no value returned):
                # ours must report it failed.
                ok = (dev.get("failed", 0) & FAILED_BIT[f]) != 0
                exp, got = "failed", "failed" if ok else got
            if exp == got:
                c["fields_matched"] += 1
            elif f in ("_HID", "_CID") and upper(got) == exp:
                # ACPICA's predefined-name repair upper-cases string IDs
                # (nsrepair2.c, AcpiNsRepair_HID/_CID); the AML's own string is ours.
                c["fields_matched"] += 1
                c["ids_upper_cased_by_acpica"] += 1
            elif (name + ":" + p) in EXPLAINED:
                c["fields_explained"] += 1
            else:
                problems.append("%s: ours %r, acpiexec %r" % (p, got, exp))
        crs = dev.get("crs")
        if crs is not None and "bytes" in crs:
            c["crs"] += 1
            if crs["status"] == "ok":
                c["crs_end_tag"] += 1
            else:
                problems.append("%s._CRS: decodes to %s" % (dev["path"], crs["status"]))
            refv = ref.get(dev["path"] + "._CRS")
            if refv is not None and refv[0] == "buffer":
                c["crs_bytes_compared"] += 1
                # ACPICA repairs a zero-length _CRS into a lone End Tag (nsconvert.c).
                if refv[1].hex() == crs["bytes"] or (crs["bytes"] == "" and refv[1] == b"y\x00"):
                    c["crs_bytes_equal"] += 1
                elif (name + ":" + dev["path"] + "._CRS") in EXPLAINED:
                    c["crs_explained"] += 1
                else:
                    problems.append("%s._CRS: ours %s, acpiexec %s" % (dev["path"], crs["bytes"],
                                                                      refv[1].hex()))
    for dev in ours["devices"]:
        if "battery" in dev:
            c["batteries"] += 1
            bp = battery_problems(dev, ref)
            if bp and any(name + ":" + dev["path"] + "." + m in EXPLAINED
                          for m in ("_BIX", "_BIF", "_BST")):
                c["batteries_explained"] += 1
            else:
                c["batteries_matched"] += not bp
                problems += ["%s: %s" % (dev["path"], p) for p in bp]
        if "psr" in dev:
            c["psr"] += 1
            refv = ref.get(dev["path"] + "._PSR")
            want = (refv[1] != 0) if refv and refv[0] == "integer" else None
            got = dev["psr"] if isinstance(dev["psr"], bool) else None
            if want == got:
                c["psr_matched"] += 1
            elif name + ":" + dev["path"] + "._PSR" in EXPLAINED:
                c["psr_explained"] += 1
            else:
                problems.append("%s._PSR: ours %r, acpiexec %r" % (dev["path"], dev["psr"], refv))
        prs = dev.get("prs")
        if prs is not None and prs["evaluated"]:
            c["prs"] += 1
            if prs["status"] == "ok":
                c["prs_end_tag"] += 1
            else:
                problems.append("%s._PRS: decodes to %s" % (dev["path"], prs["status"]))
    for route in ours["prt"]["routes"]:
        c["prt"] += 1
        if route["status"] == "ok":
            c["prt_resolved"] += 1
        else:
            problems.append("_PRT %s dev %d pin %d: %s" % (route["bridge"], route["device"],
                                                         route["pin"], route["status"]))
    if ours["prt"]["prt_failed"]:
        problems.append("%d _PRT objects did not evaluate" % ours["prt"]["prt_failed"])
    s5 = ours["sleep"][5]
    refs5 = ref.get("\\_S5_")
    if refs5 is not None and refs5[0] == "package":
        c["s5"] += 1
        vals = [v[1] for v in refs5[1] if v[0] == "integer"]
        exp = (vals[0] & 7, (vals[1] if len(vals) > 1 else vals[0] >> 8) & 7) if vals else None
        got = (s5.get("slp_typ_a"), s5.get("slp_typ_b")) if s5["status"] == "ok" else None
        if exp == got:
            c["s5_matched"] += 1
        else:
            problems.append("\\_S5: ours %r, acpiexec %r" % (got, exp))
    elif s5["status"] not in ("not found",):
        problems.append("\\_S5: ours %s, acpiexec %r" % (s5["status"], refs5))
    return name, c, problems


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    inspect, shared = sys.argv[1], sys.argv[2]
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else None
    verbose = "--verbose" in sys.argv
    if shutil.which("acpiexec") is None:
        print("SKIP: acpiexec (acpica-tools) is not installed")
        return 77
    jobs = []
    corpus = os.path.join(shared, "corpus", "acpi")
    for name in sorted(os.listdir(corpus)):
        if os.path.isdir(os.path.join(corpus, name)):
            jobs.append((name, os.path.join(corpus, name)))
    qemu = os.path.join(shared, "fixtures", "qemu")
    for name in sorted(os.listdir(qemu)):
        tables = os.path.join(qemu, name, "tables")
        if os.path.isfile(os.path.join(tables, "DSDT.dat")):
            jobs.append(("qemu/" + name, tables))
    if only:
        jobs = [j for j in jobs if only in j[0]]
    total = {}
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        for name, c, problems in pool.map(lambda j: check(j[0], j[1], inspect, verbose), jobs):
            if c is not None:
                for k, v in c.items():
                    total[k] = total.get(k, 0) + v
                print("%-24s devices %4d  fields %4d/%4d  _CRS %3d (End Tag %3d, bytes = acpiexec "
                      "%3d/%3d)  _PRS %d/%d  _PRT %4d/%4d  _S5 %d/%d  batteries %d/%d  _PSR %d/%d" % (
                          name, c["devices"], c["fields_matched"], c["fields"], c["crs"],
                          c["crs_end_tag"], c["crs_bytes_equal"], c["crs_bytes_compared"],
                          c["prs_end_tag"], c["prs"], c["prt_resolved"], c["prt"],
                          c["s5_matched"], c["s5"],
                          c["batteries_matched"], c["batteries"], c["psr_matched"], c["psr"]))
            for p in problems if verbose else problems[:20]:
                print("  FAIL %s: %s" % (name, p))
            if problems:
                failed += 1
    print("TOTAL %d computers: %s" % (len(jobs), json.dumps(total)))
    print("%d computers with failures" % failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
