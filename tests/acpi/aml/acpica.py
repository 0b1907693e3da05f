"""ACPICA as the oracle: run Debian's `iasl`/`acpiexec` and parse what they print.

Shared by the drivers of tests/acpi/aml/ (namespace_compare.py, cases.py, evil.py).
Nothing here reads the output of the code under test except `run_inspect` and
`inspect_value`, which only normalise it for comparison.

acpiexec 20200925 spends about 1 s of wall time (not CPU) per run before it
exits, whatever the tables, so the drivers run it in parallel threads
(`parallel`); its CPU time is 5-500 ms per corpus computer.
"""
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import time

# acpiexec's namespace dump (AcpiNsDumpOneObject): depth, name, type, node address.
_NS_LINE = re.compile(r"^\s*(\d+)\s+(\S{4}) (\S+)\s+(0x[0-9a-fA-F]+|\(nil\))\s+[0-9A-F]{3}\s?(.*)$")
_ALIAS_TARGET = re.compile(r"Target \S+ \((0x[0-9a-fA-F]+)\)")

# ACPICA's type names in the dump (AcpiGbl_NsTypeNames) -> the names of the
# issue's JSON (ACPI 6.5 19.6.97 ObjectType names, lower case, underscores).
ACPICA_TYPES = {
    "Untyped": "uninitialized", "Integer": "integer", "String": "string",
    "Buffer": "buffer", "Package": "package", "FieldUnit": "field_unit",
    "RegionField": "field_unit", "BankField": "field_unit", "IndexField": "field_unit",
    "Device": "device", "Event": "event", "Method": "method", "Mutex": "mutex",
    "Region": "operation_region", "Power": "power_resource", "Processor": "processor",
    "Thermal": "thermal_zone", "BufferField": "buffer_field", "DdbHandle": "ddb_handle",
    "DebugObject": "debug", "Scope": "scope", "Alias": "alias", "MethodAlias": "alias",
}
# uACPI's type names (namespace.uacpi.json) -> the same names.
UACPI_TYPES = {
    "Uninitialized": "uninitialized", "Integer": "integer", "String": "string",
    "Buffer": "buffer", "Package": "package", "Field Unit": "field_unit",
    "Device": "device", "Event": "event", "Method": "method", "Mutex": "mutex",
    "Operation Region": "operation_region", "Power Resource": "power_resource",
    "Processor": "processor", "Thermal Zone": "thermal_zone",
    "Buffer Field": "buffer_field", "Debug": "debug", "Reference": "reference",
    "DDB Handle": "ddb_handle",
}


def tool(name):
    """Absolute path of an ACPICA tool, or None when acpica-tools is missing."""
    return shutil.which(name)


def corpus_tables(folder):
    """DSDT first, then the SSDTs in numeric order as acpixtract names them
    (ssdt.dat, ssdt1.dat, ssdt2.dat ... ssdt10.dat)."""
    names = os.listdir(folder)
    ssdts = []
    for n in names:
        m = re.fullmatch(r"ssdt(\d*)\.dat", n)
        if m:
            ssdts.append((int(m.group(1) or 0), n))
    files = [os.path.join(folder, "dsdt.dat")]
    files += [os.path.join(folder, n) for _, n in sorted(ssdts)]
    return files


def fixture_tables(folder):
    """A QEMU fixture's tables/ folder: DSDT.dat then SSDT*.dat (none so far)."""
    t = os.path.join(folder, "tables")
    ssdts = []
    for n in os.listdir(t):
        m = re.fullmatch(r"SSDT(\d*)\.dat", n)
        if m:
            ssdts.append((int(m.group(1) or 0), n))
    return [os.path.join(t, "DSDT.dat")] + [os.path.join(t, n) for _, n in sorted(ssdts)]


def run(args, timeout, cwd=None):
    """Run a command; (returncode, 'timeout' or 'oserror', stdout+stderr text)."""
    try:
        p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, timeout=timeout, cwd=cwd)
    except subprocess.TimeoutExpired as e:
        out = e.stdout or b""
        return "timeout", out.decode("latin-1")
    except OSError as e:
        return "oserror", f"cannot run {args[0]}: {e}"
    return p.returncode, p.stdout.decode("latin-1")


def acpiexec(files, commands, timeout=60, extra=()):
    """`acpiexec [extra] -b "commands" files...`: (status, text)."""
    return run([tool("acpiexec"), *extra, "-b", commands, *files], timeout)


def parse_namespace(text):
    """The `Namespace` command's dump -> list of (path, acpica_type, detail),
    paths absolute with 4-character segments. Aliases keep ACPICA's type
    'Alias'; `resolve_aliases` maps them to their target."""
    out = []
    lines = text.splitlines()
    try:
        start = next(i for i, l in enumerate(lines) if l.startswith("ACPI Namespace (from"))
    except StopIteration:
        return None
    stack = []
    by_addr = {}
    for line in lines[start + 1:]:
        if line.startswith("Namespace node count"):
            break
        m = _NS_LINE.match(line)
        if not m:
            continue
        depth, name, typ, addr, detail = int(m.group(1)), m.group(2), m.group(3), m.group(4), m.group(5)
        del stack[depth:]
        stack.append(name)
        path = "\\" + ".".join(stack)
        out.append([path, typ, detail])
        by_addr[addr] = len(out) - 1
    # Alias targets are printed as a node address: resolve to the target's path.
    for entry in out:
        if entry[1] in ("Alias", "MethodAlias"):
            t = _ALIAS_TARGET.search(entry[2])
            if t and t.group(1) in by_addr:
                entry[2] = out[by_addr[t.group(1)]][0]
    return [tuple(e) for e in out]


def namespace_types(entries):
    """(path, acpica_type, detail) list -> {path: json type}; an alias takes its
    target's type (what ObjectType returns for it, ACPI 6.5 19.6.97)."""
    types = {p: ACPICA_TYPES.get(t, t.lower()) for p, t, _ in entries}
    for p, t, d in entries:
        if t in ("Alias", "MethodAlias"):
            seen = set()
            target = d
            while types.get(target) == "alias" and target not in seen:
                seen.add(target)
                target = next((e[2] for e in entries if e[0] == target), None)
            if target in types:
                types[p] = types[target]
    return types


def init_summary(text):
    """ACPICA's load and initialisation report: table count, _INI/_STA counts
    and the errors it printed (ACPI Error/Exception, Firmware Error lines)."""
    s = {"tables": None, "ini": None, "sta": None, "errors": [], "aborted_methods": []}
    m = re.search(r"ACPI: (\d+) ACPI AML tables successfully acquired and loaded", text)
    if m:
        s["tables"] = int(m.group(1))
    m = re.search(r"Executed (\d+) _INI methods requiring (\d+) _STA executions", text)
    if m:
        s["ini"], s["sta"] = int(m.group(1)), int(m.group(2))
    end = text.find("ACPI Namespace (from")
    head = text if end < 0 else text[:end]
    for line in head.splitlines():
        if re.match(r"(ACPI Error|ACPI Exception|Firmware Error|ACPI BIOS Error)", line):
            s["errors"].append(line.strip())
        m = re.match(r"ACPI Error: Aborting method (\S+) due to previous error \((\w+)\)", line)
        if m:
            s["aborted_methods"].append((m.group(1), m.group(2)))
    return s


# ---- results of Execute ---------------------------------------------------

_VAL_HEAD = re.compile(r"^(\s*)\[([A-Za-z][A-Za-z ]*)\](.*)$")


def parse_execute(text, path="\\MAIN"):
    """acpiexec's `Execute PATH` output -> normalised value:
    ('integer', n) ('string', s) ('buffer', (bytes...)) ('package', (values...))
    ('none',) ('error', 'AE_...') or ('unparsed', text)."""
    m = re.search(r"Evaluation of " + re.escape(path) + r" failed with status (\w+)", text)
    if m:
        return ("error", m.group(1))
    if "No object was returned from evaluation of" in text:
        return ("none",)
    lines = text.splitlines()
    try:
        i = next(k for k, l in enumerate(lines) if l.startswith("Evaluation of " + path + " returned"))
    except StopIteration:
        return ("unparsed", text[-2000:])
    val, _ = _parse_value(lines, i + 1)
    return val


def _hex_bytes(s):
    s = s.split("//")[0]
    if ":" in s:
        s = s.split(":", 1)[1]
    return [int(b, 16) for b in s.split()]


def _parse_value(lines, i):
    m = _VAL_HEAD.match(lines[i])
    if not m:
        return ("unparsed", lines[i]), i + 1
    indent, typ, rest = len(m.group(1)), m.group(2), m.group(3)
    if typ == "Null Object":   # an uninitialised package element
        return ("none",), i + 1
    if typ == "Integer":
        return ("integer", int(rest.split("=")[1].strip(), 16)), i + 1
    if typ == "String":
        s = rest.split("=", 1)[1].strip()
        return ("string", _unquote(s)), i + 1
    if typ == "Buffer":
        n = int(re.search(r"Length ([0-9A-Fa-f]+)", rest).group(1), 16)
        data = []
        inline = rest.split("=", 1)[1]
        if inline.strip():
            data += _hex_bytes(inline)
        i += 1
        while len(data) < n and i < len(lines) and re.match(r"^\s*[0-9A-F]{4}: ", lines[i]):
            data += _hex_bytes(lines[i])
            i += 1
        return ("buffer", tuple(data[:n])), i
    if typ == "Package":
        n = int(re.search(r"Contains (\d+) Elements", rest).group(1))
        elems = []
        i += 1
        for _ in range(n):
            if i >= len(lines):
                break
            mm = _VAL_HEAD.match(lines[i])
            if not mm or len(mm.group(1)) <= indent:
                break
            v, i = _parse_value(lines, i)
            elems.append(v)
        return ("package", tuple(elems)), i
    return (typ.lower(), rest.strip()), i + 1


def _unquote(s):
    if len(s) >= 2 and s[0] == '"' and s[-1] == '"':
        s = s[1:-1]
    out, k = [], 0
    while k < len(s):
        c = s[k]
        if c == "\\" and k + 1 < len(s):
            n = s[k + 1]
            out.append({"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"'}.get(n, n))
            k += 2
            continue
        out.append(c)
        k += 1
    return "".join(out)


# ---- the code under test ----------------------------------------------------

def inspect_has_aml(inspect):
    """True when osdev-inspect knows the `aml` command (the interpreter is
    written on another branch; before the merge the drivers skip)."""
    if not inspect or not os.path.exists(inspect):
        return False
    rc, out = run([inspect, "--help"], 20)
    return rc == 0 and re.search(r"^\s+aml\b", out, re.M) is not None


def first_json(text):
    """The first JSON object that starts a line of text (stderr is merged in)."""
    for k in range(len(text)):
        if text[k] == "{" and (k == 0 or text[k - 1] == "\n"):
            try:
                return json.loads(text[k:])
            except json.JSONDecodeError:
                continue
    return None


def run_inspect(inspect, args, timeout):
    """`osdev-inspect aml ARGS`: (outcome, exit, doc, text, seconds). outcome is
    'exit' (it ended with an exit status; doc is its JSON report or None),
    'timeout', or 'crash' (a signal, a sanitizer report, or it could not run;
    text says which)."""
    t0 = time.monotonic()
    rc, out = run([inspect, "aml", *args], timeout)
    dt = time.monotonic() - t0
    if rc == "timeout":
        return "timeout", rc, None, f"no end within {timeout:.0f} s", dt
    if rc == "oserror":
        return "crash", rc, None, out, dt
    m = re.search(r"^.*(ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:).*$", out, re.M)
    if m:
        where = " | ".join(out[m.start():].splitlines()[:4])
        return "crash", rc, None, f"sanitizer report (exit {rc}): {where[:400]}", dt
    if rc < 0:
        return "crash", rc, None, f"killed by signal {-rc}: {out[-400:]}", dt
    return "exit", rc, first_json(out), out, dt


def json_value(v):
    """Our `--eval --json` value -> the normalised form of parse_execute."""
    if not isinstance(v, dict) or "type" not in v:
        return ("unparsed", json.dumps(v)[:500])
    t = v["type"]
    val = v.get("value")
    if t == "uninitialized" and val is None:
        return ("none",)  # no object returned (acpiexec: "No object was returned")
    if t == "integer" and isinstance(val, int):
        return ("integer", val)
    if t == "string" and isinstance(val, str):
        return ("string", val)
    if t == "buffer" and isinstance(val, list):
        return ("buffer", tuple(val))
    if t == "package" and isinstance(val, list):
        return ("package", tuple(json_value(e) for e in val))
    return (t, val)


def show(v, limit=200):
    """Short printable form of a normalised value."""
    if v[0] == "integer":
        s = f"integer 0x{v[1]:X}"
    elif v[0] == "buffer":
        s = "buffer [" + " ".join(f"{b:02X}" for b in v[1]) + "]"
    elif v[0] == "package":
        s = "package (" + ", ".join(show(e, limit) for e in v[1]) + ")"
    else:
        s = " ".join(str(x) for x in v)
    return s if len(s) <= limit else s[:limit] + "..."


def parallel(fn, items, workers=None):
    """fn over items in threads (the tools mostly wait); results in order."""
    workers = workers or max(4, min(16, 4 * (os.cpu_count() or 2)))
    with concurrent.futures.ThreadPoolExecutor(workers) as ex:
        return list(ex.map(fn, items))
