#!/usr/bin/env python3
"""The team's ASL cases, with ACPICA's result as the expected value.

Every tests/acpi/aml/cases/*.asl is a DefinitionBlock whose \\MAIN returns a
value. Per case the driver compiles it with `iasl -of` (constant folding off,
so the interpreter, not the compiler, computes), runs
    acpiexec -b "Execute \\MAIN" CASE.aml        -> the expected value
    osdev-inspect aml --json --eval \\MAIN CASE.aml  -> ours
and compares them in the JSON form of the issue (integer, string, buffer as
bytes, package as a list of values). Nothing of the interpreter's output is
stored. When ACPICA's evaluation fails (AE_...), ours must end with an error
status too.

Directives, in comment lines at the top of a case:
    //! iasl: FLAGS          extra iasl flags (e.g. -f to keep a case iasl warns on)
    //! acpiexec: FLAGS      extra acpiexec flags (e.g. -to 1, the loop timeout)
    //! acpica: error        ACPICA must fail the evaluation (checks the case itself)
    //! timeout: SECONDS     time allowed to each tool (default 60)
    //! tables: A.asl B.asl  SSDTs (in cases/tables/) loaded after this DSDT, in order
    //! args: A B ...        arguments of \\MAIN: integers (0x.. or decimal) or
                             "strings" (acpiexec gets them as typed, ours unquoted)
    //! acpiexec-gives: integer N   \  only where acpiexec's host is not a real
    //! expect: integer N           |  ACPICA host (a reason in //! why:): the
    //! why: TEXT                   /  expected value then comes from the spec,
                                       and acpiexec must still give its value
                                       (so a stale exception fails)

usage: cases.py OSDEV_INSPECT CASES_DIR [--only GLOB] [--acpica-only] [--verbose]
With --acpica-only (or while osdev-inspect has no `aml` command) only ACPICA's
results are computed and printed, which checks the cases themselves.
"""
import fnmatch
import os
import shlex
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import acpica  # noqa: E402


def directives(src):
    d = {"iasl": [], "acpiexec": [], "acpica": None, "timeout": 60,
         "acpiexec-gives": None, "expect": None, "why": None, "args": [],
         "tables": []}
    for line in src.splitlines():
        line = line.strip()
        if not line.startswith("//!"):
            continue
        key, _, val = line[3:].partition(":")
        key, val = key.strip(), val.strip()
        if key in ("iasl", "acpiexec"):
            d[key] += val.split()
        elif key == "acpica":
            d["acpica"] = val
        elif key == "timeout":
            d["timeout"] = float(val)
        elif key in ("acpiexec-gives", "expect"):
            kind, num = val.split()
            d[key] = (kind, int(num, 0))
        elif key == "why":
            d["why"] = val
        elif key == "tables":
            d["tables"] = val.split()
        elif key == "args":
            d["args"] = shlex.split(val, posix=False)
    return d


def compile_case(path, tmp, flags, owner=""):
    name = os.path.splitext(os.path.basename(path))[0]
    prefix = os.path.join(tmp, owner + name)   # cases may share an SSDT: one copy each
    rc, out = acpica.run([acpica.tool("iasl"), "-of", "-ve", *flags, "-p", prefix, path], 60)
    aml = prefix + ".aml"
    if not os.path.exists(aml):
        return None, f"iasl failed (exit {rc}): {out[-800:]}"
    return aml, None


def ours_eval(inspect, amls, timeout, args=()):
    plain = [a[1:-1] if len(a) >= 2 and a[0] == a[-1] == '"' else a for a in args]
    outcome, rc, doc, text, dt = acpica.run_inspect(
        inspect, ["--json", "--eval", "\\MAIN", *plain, "--", *amls], timeout)
    if outcome != "exit":
        return (outcome, text), dt
    # The exit status also reports initialisation errors of the table (an _INI
    # that failed), so a value printed with a non-zero exit is still the value.
    if isinstance(doc, dict) and "type" not in doc and "status" in doc:
        return ("error", f"{doc.get('status')} at {doc.get('path')}"), dt
    if doc is None:
        if rc != 0:
            return ("error", f"exit {rc}: {text.strip()[-200:]}"), dt
        return ("unparsed", text[-300:]), dt
    return acpica.json_value(doc), dt


def run_case(path, inspect, tmp):
    with open(path, encoding="utf-8") as f:
        d = directives(f.read())
    name = os.path.splitext(os.path.basename(path))[0]
    aml, err = compile_case(path, tmp, d["iasl"])
    if aml is None:
        return name, "FAIL", err, None, None
    amls = [aml]
    for t in d["tables"]:
        extra, err = compile_case(os.path.join(os.path.dirname(path), "tables", t), tmp, d["iasl"],
                                  owner=name + "__")
        if extra is None:
            return name, "FAIL", f"{t}: {err}", None, None
        amls.append(extra)
    rc, text = acpica.acpiexec(amls, " ".join(["Execute \\MAIN", *d["args"]]), timeout=d["timeout"],
                               extra=d["acpiexec"])
    if rc == "timeout":
        return name, "FAIL", "acpiexec did not finish", None, None
    expected = acpica.parse_execute(text)
    if expected[0] == "unparsed":
        return name, "FAIL", "acpiexec's output not understood: " + expected[1][-400:], expected, None
    if (d["acpica"] == "error") != (expected[0] == "error"):
        return name, "FAIL", f"the case expects ACPICA {'to fail' if d['acpica'] == 'error' else 'to succeed'}, it gave {acpica.show(expected)}", expected, None
    if d["expect"] is not None:
        if not d["why"] or d["acpiexec-gives"] is None:
            return name, "FAIL", "an expect: directive needs acpiexec-gives: and why:", expected, None
        if expected != d["acpiexec-gives"]:
            return name, "FAIL", f"acpiexec no longer gives {acpica.show(d['acpiexec-gives'])}: drop the exception", expected, None
        expected = d["expect"]
    if inspect is None:
        return name, "ok", "", expected, None
    got, _ = ours_eval(inspect, amls, d["timeout"], d["args"])
    if expected[0] == "error":
        ok = got[0] == "error"
    else:
        ok = got == expected
    return name, "ok" if ok else "FAIL", "", expected, got


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    inspect, cases_dir = argv[1], argv[2]
    only = argv[argv.index("--only") + 1] if "--only" in argv else "*"
    verbose = "--verbose" in argv
    if not (acpica.tool("iasl") and acpica.tool("acpiexec")):
        print("SKIP: iasl/acpiexec not installed (tools/setup installs acpica-tools)")
        return 77
    acpica_only = "--acpica-only" in argv
    if not acpica_only and not acpica.inspect_has_aml(inspect):
        print(f"note: {inspect} has no `aml` command yet; checking the cases against ACPICA only")
        acpica_only = True
    paths = sorted(os.path.join(cases_dir, n) for n in os.listdir(cases_dir)
                   if n.endswith(".asl") and fnmatch.fnmatchcase(n[:-4], only))
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="aml-cases-") as tmp:
        results = acpica.parallel(lambda p: run_case(p, None if acpica_only else inspect, tmp), paths)
    passed = 0
    for name, status, why, exp, got in results:
        if status == "ok":
            passed += 1
        if status != "ok" or verbose or acpica_only:
            line = f"{status:4} {name}"
            if exp is not None:
                line += f": ACPICA {acpica.show(exp)}"
            if got is not None:
                line += f", ours {acpica.show(got)}"
            if why:
                line += f": {why}"
            print(line)
    what = "checked against ACPICA only" if acpica_only else "pass against ACPICA's results"
    print(f"aml cases: {passed}/{len(paths)} {what} ({time.monotonic() - t0:.1f} s)")
    if acpica_only and passed == len(paths) and not inspect_ok(inspect):
        # The cases are sound; the interpreter is not there to run them.
        return 77 if "--acpica-only" not in argv else 0
    return 0 if passed == len(paths) else 1


def inspect_ok(inspect):
    return acpica.inspect_has_aml(inspect)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
