#!/usr/bin/env python3
"""Evil AML: hand-made byte strings that real firmware never has, built here.

Each case is a DSDT (a valid 36-byte header with a correct checksum unless the
case is about the header) around AML bytes assembled by the small encoder below
(ACPI 6.5 chapter 20: PkgLength 20.2.4, NameString 20.2.2, opcodes 20.3).
For every case the driver runs
    osdev-inspect aml --json CASE.aml                 (load + initialise)
    osdev-inspect aml --json --eval \\MAIN CASE.aml    (when the case has \\MAIN)
and requires each run to end with a status: an exit code (not a signal, not a
sanitizer abort) and a JSON report, within a time bound. It also runs acpiexec
on the same bytes and prints what ACPICA does (recorded, not compared: the
point is that we end, whatever ACPICA says).

usage: evil.py OSDEV_INSPECT [--only GLOB] [--keep DIR] [--acpica-only]
"""
import fnmatch
import os
import resource
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import acpica  # noqa: E402

BOUND = 30  # seconds allowed to one run of ours (the loop timeout is 3 s)


# ---- a minimal AML encoder ---------------------------------------------------

def pkglen(n_body):
    """PkgLength (20.2.4) for a body of n_body bytes (the length counts itself)."""
    for size in (1, 2, 3, 4):
        total = n_body + size
        if size == 1 and total < 0x40:
            return bytes([total])
        if size > 1 and total < (1 << (4 + 8 * (size - 1))):
            out = [((size - 1) << 6) | (total & 0xF)]
            rest = total >> 4
            for _ in range(size - 1):
                out.append(rest & 0xFF)
                rest >>= 8
            return bytes(out)
    raise ValueError("too long for a PkgLength")


def raw_pkglen(value, size):
    """A PkgLength of `size` bytes encoding `value` whatever follows (for lies)."""
    if size == 1:
        return bytes([value & 0x3F])
    out = [((size - 1) << 6) | (value & 0xF)]
    value >>= 4
    for _ in range(size - 1):
        out.append(value & 0xFF)
        value >>= 8
    return bytes(out)


def name(s):
    """A NameString: '\\' root prefix, '^' parents, then 4-char segments."""
    out = b""
    while s and s[0] in "\\^":
        out += s[0].encode()
        s = s[1:]
    segs = [x.ljust(4, "_").encode() for x in s.split(".")] if s else []
    if not segs:
        return out + b"\x00"
    if len(segs) == 1:
        return out + segs[0]
    if len(segs) == 2:
        return out + b"\x2E" + segs[0] + segs[1]
    return out + b"\x2F" + bytes([len(segs)]) + b"".join(segs)


def integer(v):
    if v == 0:
        return b"\x00"
    if v == 1:
        return b"\x01"
    if v < 0x100:
        return b"\x0A" + bytes([v])
    if v < 0x10000:
        return b"\x0B" + v.to_bytes(2, "little")
    if v < 0x100000000:
        return b"\x0C" + v.to_bytes(4, "little")
    return b"\x0E" + v.to_bytes(8, "little")


def method(n, body, args=0):
    inner = name(n) + bytes([args & 7]) + body
    return b"\x14" + pkglen(len(inner)) + inner


def while_(pred, body):
    inner = pred + body
    return b"\xA2" + pkglen(len(inner)) + inner


def buffer_(size_term, data=b""):
    inner = size_term + data
    return b"\x11" + pkglen(len(inner)) + inner


def package(elems, count=None):
    inner = bytes([len(elems) if count is None else count]) + b"".join(elems)
    return b"\x12" + pkglen(len(inner)) + inner


RETURN, STORE, ONE, ONES, LOCAL0, ARG0 = b"\xA4", b"\x70", b"\x01", b"\xFF", b"\x60", b"\x68"


def region(n, offset, length, space=0):
    """OperationRegion (20.2.5.2): 5B 80 NameString RegionSpace Offset Length."""
    return b"\x5B\x80" + name(n) + bytes([space]) + integer(offset) + integer(length)


def field(region_name, elements, flags=0x01):
    """Field (20.2.5.2): 5B 81 PkgLength NameString FieldFlags FieldList; a
    NamedField is NameSeg + PkgLength-encoded bit width, a ReservedField 00 + width."""
    inner = name(region_name) + bytes([flags]) + elements
    return b"\x5B\x81" + pkglen(len(inner)) + inner


def table(body, sig=b"DSDT", rev=2, length=None, checksum_ok=True):
    n = 36 + len(body)
    hdr = bytearray(sig + (n if length is None else length).to_bytes(4, "little") + bytes([rev, 0])
                    + b"OSDEV\0" + b"EVILAML\0" + (1).to_bytes(4, "little") + b"INTL"
                    + (0x20200925).to_bytes(4, "little"))
    data = bytearray(hdr) + body
    if checksum_ok:
        data[9] = (-sum(data)) & 0xFF
    return bytes(data)


# ---- the cases -----------------------------------------------------------------

def deep_package(depth):
    """Package (1) { Package (1) { ... { One } } }, depth levels. The sizes are
    computed inside out, the prefixes emitted outside in (linear time)."""
    size = len(ONE)
    prefixes = []
    for _ in range(depth):
        body = 1 + size                      # NumElements + inner package
        pl = pkglen(body)
        prefixes.append(b"\x12" + pl + b"\x01")
        size = 1 + len(pl) + body
    return b"".join(reversed(prefixes)) + ONE


def deep_expression(depth):
    """Add (Add (Add (... One ..., One, Zero), One, Zero): nested Type 2 opcodes."""
    return b"\x72" * depth + ONE + (ONE + b"\x00") * depth


def nested_ifs(depth):
    """If (One) { If (One) { ... } } depth levels (sizes inside out, emitted outside in)."""
    size = 0
    prefixes = []
    for _ in range(depth):
        body = 1 + size                        # predicate One + inner If
        pl = pkglen(body)
        prefixes.append(b"\xA0" + pl + ONE)
        size = 1 + len(pl) + body
    return b"".join(reversed(prefixes))


def nested_devices(depth):
    """Device (D000) { Device (D001) { ... } }: namespace paths of 5 * depth characters."""
    size = 0
    prefixes = []
    for k in reversed(range(depth)):
        seg = f"D{k % 1000:03d}".encode()
        body = 4 + size
        pl = pkglen(body)
        prefixes.append(b"\x5B\x82" + pl + seg)
        size = 2 + len(pl) + body
    return b"".join(reversed(prefixes))


def self_loading_ssdt():
    """An SSDT whose module-level code maps itself (DataTableRegion on its own
    signature and ids, 20.2.5.2) and Loads that region: every load would run
    the same code again."""
    body = (b"\x5B\x88" + name("DTR") + b"\x0DSSDT\x00" + b"\x0DOSDEV\x00" + b"\x0DEVILAML\x00"
            + b"\x5B\x20" + name("DTR") + LOCAL0)
    return table(body, sig=b"SSDT")


def cases():
    main_ret = lambda term: method("\\MAIN", RETURN + term)  # noqa: E731
    c = {}
    c["truncated_scope_pkglength"] = (table(b"\x10" + raw_pkglen(0x3FFF, 2) + name("\\_SB") + b"\x08"), False)
    c["truncated_method_pkglength"] = (table(b"\x14" + raw_pkglen(0x0FFFFFFF, 4) + name("MAIN") + b"\x00\xA4\x01"), True)
    c["pkglength_zero"] = (table(b"\x14\x00" + name("MAIN") + b"\x00"), True)
    c["package_longer_than_parent"] = (
        table(method("\\MAIN", RETURN + b"\x12" + raw_pkglen(0x30, 1) + b"\x03\x01\x01")), True)
    c["name_outside_table_multi"] = (table(b"\x08\x2F\xFF" + b"ABCD"), False)
    c["name_outside_table_dual"] = (table(b"\x08\x2EABCDEF"), False)
    c["name_parent_above_root"] = (table(b"\x08^^^^ABCD\x01" + main_ret(name("^^^^ABCD"))), True)
    c["name_bad_characters"] = (table(b"\x08\x01\x02\x03\x04\x01" + main_ret(ONE)), True)
    c["method_calls_itself_forever"] = (table(method("\\MAIN", RETURN + name("\\MAIN"))), True)
    c["mutual_recursion"] = (table(method("\\MAIN", RETURN + name("\\PING"))
                                   + method("\\PING", RETURN + name("\\PONG"))
                                   + method("\\PONG", RETURN + name("\\PING"))), True)
    c["while_one_empty"] = (table(method("\\MAIN", while_(ONE, b"") + RETURN + ONE)), True)
    c["while_one_in_ini"] = (table(b"\x10" + pkglen(len(name("\\_SB")) + len(method("_INI", while_(ONE, b""))))
                                   + name("\\_SB") + method("_INI", while_(ONE, b""))), False)
    c["huge_buffer_in_method"] = (table(method("\\MAIN", RETURN + buffer_(integer(0xFFFFFFFFFFFFFFFF)))), True)
    c["huge_buffer_at_load"] = (table(b"\x08" + name("BUF") + buffer_(integer(0xFFFFFFFF))), False)
    c["huge_package_count"] = (table(method("\\MAIN", RETURN + b"\x13" + pkglen(9) + integer(0xFFFFFFFFFFFFFFFF))), True)
    c["package_nested_million"] = (table(method("\\MAIN", RETURN + deep_package(1000000))), True)
    c["package_nested_million_at_load"] = (table(b"\x08" + name("DEEP") + deep_package(1000000)), False)
    c["expression_nested_100k"] = (table(method("\\MAIN", RETURN + deep_expression(100000))), True)
    c["mutex_release_without_acquire"] = (table(b"\x5B\x01" + name("MX01") + b"\x00"
                                                + method("\\MAIN", b"\x5B\x27" + name("MX01") + RETURN + ONE)), True)
    c["mutex_acquire_never_released"] = (table(b"\x5B\x01" + name("MX01") + b"\x00"
                                               + method("\\MAIN", b"\x5B\x23" + name("MX01") + b"\xFF\xFF"
                                                        + RETURN + ONE)), True)
    c["store_into_one"] = (table(method("\\MAIN", STORE + integer(5) + ONE + RETURN + ONE)), True)
    c["store_into_ones"] = (table(method("\\MAIN", STORE + integer(5) + ONES + RETURN + ONE)), True)
    c["store_into_string_constant"] = (table(method("\\MAIN", STORE + integer(5) + b"\x0Dabc\x00" + RETURN + ONE)), True)
    c["increment_constant"] = (table(method("\\MAIN", RETURN + b"\x75" + ONE)), True)
    c["unknown_opcode"] = (table(method("\\MAIN", b"\x5B\xFF" + RETURN + ONE)), True)
    c["unknown_opcode_at_load"] = (table(b"\x02\x03\x04" + main_ret(ONE)), True)
    c["uninitialized_local"] = (table(main_ret(LOCAL0)), True)
    c["arg_beyond_count"] = (table(method("\\MAIN", RETURN + b"\x6E", args=0)), True)
    c["break_outside_while"] = (table(method("\\MAIN", b"\xA5" + RETURN + ONE)), True)
    c["return_at_table_level"] = (table(RETURN + ONE + main_ret(ONE)), True)
    c["region_wraps_address_space"] = (
        table(region("RGN", 0xFFFFFFFFFFFFF000, 0xFFFFFFFFFFFFFFFF)
              + field("RGN", b"FLD1" + raw_pkglen(32, 1)) + method("\\MAIN", RETURN + name("FLD1"))), True)
    c["field_huge_offset"] = (
        table(region("RGN", 0x1000, 0x10)
              + field("RGN", b"\x00" + raw_pkglen(0x0FFFFFF0, 4) + b"FLD1" + raw_pkglen(8, 1))
              + method("\\MAIN", RETURN + name("FLD1"))), True)
    c["field_bigger_than_region_write"] = (
        table(region("RGN", 0x2000, 0x2)
              + field("RGN", b"FLD1" + raw_pkglen(0x1000, 2))
              + method("\\MAIN", STORE + buffer_(integer(0x200)) + name("FLD1") + RETURN + ONE)), True)
    c["create_field_huge_width"] = (
        table(b"\x08" + name("BUF") + buffer_(integer(4))
              + method("\\MAIN", b"\x5B\x13" + name("BUF") + ONE + integer(0xFFFFFFFFFFFFFFF0) + name("BF1")
                       + RETURN + name("BF1"))), True)
    c["concatenate_doubling"] = (
        table(method("\\MAIN", STORE + buffer_(ONE) + LOCAL0
                     + while_(ONE, STORE + b"\x73" + LOCAL0 + LOCAL0 + b"\x00" + LOCAL0))), True)
    c["package_churn_forever"] = (
        table(method("\\MAIN", while_(ONE, STORE + package([], count=255) + LOCAL0))), True)
    c["if_nested_100k"] = (table(method("\\MAIN", nested_ifs(100000) + RETURN + ONE)), True)
    c["devices_nested_500"] = (table(nested_devices(500) + method("\\MAIN", RETURN + ONE)), True)
    c["parent_prefix_1000"] = (table(method("\\MAIN", RETURN + b"^" * 1000 + b"ABCD")), True)
    c["scope_of_missing_name"] = (table(b"\x10" + pkglen(len(name("\\XXXX")) + 6) + name("\\XXXX")
                                        + b"\x08" + name("YYYY") + ONE + method("\\MAIN", RETURN + ONE)), True)
    c["alias_of_missing_name"] = (table(b"\x06" + name("\\NONE") + name("\\ALI1")
                                        + method("\\MAIN", RETURN + name("\\ALI1"))), True)
    c["load_itself_forever"] = (self_loading_ssdt(), False)
    c["header_length_beyond_file"] = (table(main_ret(ONE), length=0x100000), False)
    c["header_length_below_header"] = (table(main_ret(ONE), length=20), False)
    c["header_only"] = (table(b""), False)
    c["bad_checksum"] = (table(main_ret(integer(0x42)), checksum_ok=False), True)
    c["not_a_dsdt_signature"] = (table(main_ret(ONE), sig=b"ABCD"), False)
    c["garbage_after_header"] = (table(bytes(range(256)) * 4), False)
    c["all_ones_body"] = (table(b"\xFF" * 1024), False)
    return c


def run_ours(inspect, args, timeout):
    outcome, rc, doc, text, dt = acpica.run_inspect(inspect, ["--json", *args], timeout)
    if outcome != "exit":
        return False, text, dt
    if doc is None and rc == 0:
        return False, "exit 0 without a JSON report", dt
    return True, f"exit {rc}{'' if doc is not None else ' (message, no JSON)'}", dt


def limit_memory():
    # acpiexec would try some of these allocations for real; 4 GiB of address space.
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


def run_acpiexec(path, has_main):
    cmd = [acpica.tool("acpiexec"), "-to", "2", "-b", "Execute \\MAIN" if has_main else "Namespace", path]
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                           timeout=10, preexec_fn=limit_memory)
    except subprocess.TimeoutExpired:
        return "no end within 10 s (stopped)"
    text = p.stdout.decode("latin-1")
    if p.returncode < 0:
        return f"killed by signal {-p.returncode}"
    if has_main:
        v = acpica.parse_execute(text)
        if v[0] != "unparsed":
            return acpica.show(v, 60)
    errs = [l for l in text.splitlines() if l.startswith(("ACPI Error", "ACPI Exception", "Firmware Error"))]
    return f"exit {p.returncode}, {len(errs)} error lines" + (f" (first: {errs[0][:90]})" if errs else "")


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    inspect = argv[1]
    only = argv[argv.index("--only") + 1] if "--only" in argv else "*"
    keep = argv[argv.index("--keep") + 1] if "--keep" in argv else None
    ours = "--acpica-only" not in argv and acpica.inspect_has_aml(inspect)
    have_acpiexec = acpica.tool("acpiexec") is not None
    if not ours and not keep and "--acpica-only" not in argv:
        print(f"SKIP: {inspect} has no `aml` command yet (the interpreter's branch adds it)")
        return 77
    all_cases = {k: v for k, v in cases().items() if fnmatch.fnmatchcase(k, only)}
    with tempfile.TemporaryDirectory(prefix="aml-evil-") as tmp:
        out_dir = keep or tmp
        os.makedirs(out_dir, exist_ok=True)
        for k, (data, _) in all_cases.items():
            with open(os.path.join(out_dir, k + ".aml"), "wb") as f:
                f.write(data)

        def one(k):
            path = os.path.join(out_dir, k + ".aml")
            has_main = all_cases[k][1]
            res = []
            if ours:
                res.append(("load", *run_ours(inspect, [path], BOUND)))
                if has_main:
                    res.append(("eval", *run_ours(inspect, ["--eval", "\\MAIN", "--", path], BOUND)))
            theirs = run_acpiexec(path, has_main) if have_acpiexec else "acpiexec not installed"
            return k, res, theirs

        results = acpica.parallel(one, list(all_cases))
    failed = 0
    for k, res, theirs in results:
        bad = [r for r in res if not r[1]]
        failed += 1 if bad else 0
        ours_txt = "; ".join(f"{what} {why} ({dt:.1f} s)" for what, _, why, dt in res) or "not run"
        print(f"{'FAIL' if bad else 'ok  '} {k}: ours {ours_txt}; ACPICA {theirs}")
    print(f"evil: {len(all_cases) - failed}/{len(all_cases)} cases end with a status"
          + ("" if ours else " (ours not run)"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
