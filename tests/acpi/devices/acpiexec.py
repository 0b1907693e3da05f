"""Drive ACPICA's acpiexec over a namespace: one process per computer, the
commands on standard input (its -b form is limited to 1023 characters), and
parse what `Evaluate` prints. Standard library only."""
import re
import subprocess

EVAL_START = re.compile(r"^Evaluating (\S+)$")
FAILED = re.compile(r"^Evaluation of \S+ failed with status (\S+)")
NO_OBJECT = re.compile(r"^No object was returned from evaluation of ")
VALUE = re.compile(r"^(\s*)\[(\w+)\]\s*(.*)$")
HEXLINE = re.compile(r"^\s*[0-9A-F]{4}: ((?:[0-9A-F]{2} )+)")


def table_files(folder, names):
    """DSDT first, then SSDTs in numeric order, as acpixtract numbers them."""
    def order(name):
        low = name.lower()
        if low.startswith("dsdt"):
            return (-1, name)
        digits = "".join(c for c in low.split(".")[0] if c.isdigit())
        return (int(digits) if digits else 0, name)
    aml = [n for n in names if n.lower().startswith(("dsdt", "ssdt")) and n.lower().endswith(".dat")]
    return [folder + "/" + n for n in sorted(aml, key=order)]


def _parse_value(lines, i, indent):
    """Parse one value starting at lines[i]; returns (value, next index)."""
    m = VALUE.match(lines[i])
    kind, rest = m.group(2), m.group(3)
    i += 1
    if kind == "Integer":
        return ("integer", int(rest.split("=")[1].strip().split()[0], 16)), i
    if kind == "String":
        s = rest.split("=", 1)[1].strip()
        if s.startswith('"'):
            s = s[1:s.rfind('"')]
        return ("string", s), i
    if kind == "Buffer":
        data = bytearray()
        tail = rest.split("=", 1)[1] if "=" in rest else ""
        hm = HEXLINE.match(tail)
        if hm:
            data += bytes(int(x, 16) for x in hm.group(1).split())
        while i < len(lines) and HEXLINE.match(lines[i]):
            data += bytes(int(x, 16) for x in HEXLINE.match(lines[i]).group(1).split())
            i += 1
        return ("buffer", bytes(data)), i
    if kind == "Package":
        n = int(re.search(r"Contains (\d+)", rest).group(1)) if "Contains" in rest else 0
        elements = []
        while len(elements) < n and i < len(lines) and VALUE.match(lines[i]) and \
                len(VALUE.match(lines[i]).group(1)) > indent:
            v, i = _parse_value(lines, i, len(VALUE.match(lines[i]).group(1)))
            elements.append(v)
        return ("package", elements), i
    return (kind.lower(), rest), i


def evaluate(files, paths, timeout=600):
    """Evaluate every path after the namespace is loaded and initialised.
    Returns {path: ("status", "AE_NOT_FOUND") | (type, value)}."""
    script = "".join("Evaluate %s\n" % p for p in paths) + "quit\n"
    r = subprocess.run(["acpiexec"] + files, input=script, capture_output=True,
                       text=True, errors="replace", timeout=timeout)
    lines = r.stdout.splitlines()
    out = {}
    i = 0
    current = None
    while i < len(lines):
        line = lines[i]
        m = EVAL_START.match(line)
        if m:
            current = m.group(1)
            i += 1
            continue
        if current is not None:
            f = FAILED.match(line)
            if f:
                out[current] = ("status", f.group(1))
                current = None
            elif NO_OBJECT.match(line):
                out[current] = ("status", "no object returned")
                current = None
            elif VALUE.match(line) and line.startswith("  ["):
                out[current], i = _parse_value(lines, i, 2)
                current = None
                continue
        i += 1
    return out


def eisa_text(value):
    """ACPI 6.5, 6.1.5: compressed EISA ID to text (written here for the
    tests, independent of the library's decoder)."""
    b = value.to_bytes(4, "little")
    word = (b[0] << 8) | b[1]
    letters = "".join(chr(0x40 + ((word >> s) & 0x1F)) for s in (10, 5, 0))
    return letters + "%02X%02X" % (b[2], b[3])
