#!/usr/bin/env python3
"""The namespace of every real computer and QEMU fixture, ours against ACPICA's.

For each of the 40 corpus computers (dsdt.dat, then the SSDTs in numeric order)
and each QEMU fixture (tables/DSDT.dat ...), runs
    acpiexec -b "Namespace" TABLES...          (ACPICA loads, initialises, dumps)
    osdev-inspect aml --json TABLES...         (ours)
and compares every (path, type): ACPICA's dump is parsed into absolute paths of
4-character segments, its type names mapped to the issue's (acpica.ACPICA_TYPES),
an Alias taking its target's type (ObjectType of an alias, ACPI 6.5 19.6.97).
Every difference must be matched by a rule of namespace_allowlist.json, which
says why; anything else fails the test. Where the folder has
namespace.uacpi.json (uACPI 4.0.0), our namespace is compared with it too and
the figures are printed (a second reference; a rule may require uACPI to agree
with us).

Initialisation: ACPICA's count of successful _INI runs must equal ours (runs
minus failures); its _STA count and its errors are printed beside ours; an error of ours that no error line of ACPICA's accounts for
fails (the issue: no error that acpiexec does not also report). ACPICA's line
accounts for one of ours when it names the same path, a path under ours (we
name the scope or method, ACPICA the name that failed) or a scope of ours.

acpiexec runs at test time (acpica-tools is installed by tools/setup): about
1 s of wall time but 5-500 ms of CPU per computer, in parallel threads.

usage: namespace_compare.py OSDEV_INSPECT SHARED_DIR [--only NAME] [--verbose] [--summary FILE.json]
"""
import fnmatch
import json
import os
import re
import resource
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import acpica  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def load_allowlist():
    with open(os.path.join(HERE, "namespace_allowlist.json"), encoding="utf-8") as f:
        rules = json.load(f)["rules"]
    for r in rules:
        assert r.get("reason"), f"allowlist rule without a reason: {r}"
    return rules


def type_matches(pattern, value):
    if pattern == "*":
        return True
    if pattern == "-":
        return value is None
    return value in pattern.split("|")


def allowed(rules, target, path, theirs, ours, uacpi):
    for r in rules:
        if not fnmatch.fnmatchcase(target, r.get("targets", "*")):
            continue
        if not fnmatch.fnmatchcase(path, r["path"]):
            continue
        if not type_matches(r.get("acpica", "*"), theirs):
            continue
        if not type_matches(r.get("ours", "*"), ours):
            continue
        if r.get("uacpi_agrees") and (uacpi is None or uacpi.get(path) != ours):
            continue
        return r
    return None


def targets(shared):
    out = []
    corpus = os.path.join(shared, "corpus", "acpi")
    for h in sorted(os.listdir(corpus)):
        d = os.path.join(corpus, h)
        if os.path.isfile(os.path.join(d, "dsdt.dat")):
            out.append((h, d, acpica.corpus_tables(d)))
    qemu = os.path.join(shared, "fixtures", "qemu")
    for q in sorted(os.listdir(qemu)):
        d = os.path.join(qemu, q)
        if os.path.isfile(os.path.join(d, "tables", "DSDT.dat")):
            out.append(("qemu/" + q, d, acpica.fixture_tables(d)))
    return out


def uacpi_types(folder):
    p = os.path.join(folder, "namespace.uacpi.json")
    if not os.path.exists(p):
        return None
    with open(p, encoding="utf-8") as f:
        objs = json.load(f)["objects"]
    return {o["path"]: acpica.UACPI_TYPES.get(o["type"], o["type"].lower()) for o in objs}


def ours_namespace(inspect, files):
    outcome, rc, doc, text, dt = acpica.run_inspect(inspect, ["--json", *files], 300)
    if outcome != "exit":
        return None, text, dt
    if not isinstance(doc, dict) or not isinstance(doc.get("objects"), list):
        return None, f"no JSON report with objects (exit {rc}): {text[:300]}", dt
    doc["_exit"] = rc
    return doc, None, dt


def acpica_error_paths(error_lines):
    """The namespace path each of ACPICA's error lines names ([\\_SB.PCI0.XHC.GPLD],
    Aborting method \\SHAD._STA ...), with 4-character segments as we print them
    (ACPICA drops the trailing '_' padding in messages); one entry per line."""
    out = []
    for line in error_lines:
        toks = re.findall(r"\\[A-Za-z0-9_.]*", line)
        if toks:
            segs = [x.ljust(4, "_") for x in toks[0][1:].split(".") if x]
            out.append("\\" + ".".join(segs))
    return out


def _related(ours, theirs):
    """ACPICA's path is ours, lies under ours (we name the scope being loaded
    or the method running, ACPICA the name that failed), or is a scope of it."""
    if ours == theirs:
        return 1
    under = theirs.startswith(ours if ours.endswith("\\") else ours + ".")
    above = ours.startswith(theirs + ".") and theirs.count(".") >= 1
    return 2 if under or above else 0


def unmatched_errors(our_errors, acpica_paths):
    """Our errors that no report of ACPICA's accounts for: each ACPICA error
    line accounts for one error of ours at most, exact paths first."""
    pool = list(acpica_paths)
    left = []
    for e in sorted(our_errors, key=lambda e: -len(str(e.get("path", "")) if isinstance(e, dict) else 0)):
        path = e.get("path") if isinstance(e, dict) else None
        best = None
        for k, t in enumerate(pool):
            r = _related(path, t) if path else 0
            if r == 1:
                best = k
                break
            if r == 2 and best is None:
                best = k
        if best is None:
            left.append(e)
        else:
            pool.pop(best)
    return left


def compare_one(item, inspect, rules, verbose):
    name, folder, files = item
    lines, failures = [], 0
    t0 = time.monotonic()
    rc, text = acpica.acpiexec(files, "Namespace", timeout=300)
    t_acpica = time.monotonic() - t0
    entries = acpica.parse_namespace(text) if rc == 0 else None
    if entries is None:
        return [f"FAIL {name}: acpiexec gave no namespace (exit {rc})"], 1, None
    theirs = acpica.namespace_types(entries)
    raw = {p: (t, d) for p, t, d in entries}
    summ = acpica.init_summary(text)
    uacpi = uacpi_types(folder)
    doc, err, t_ours = ours_namespace(inspect, files)
    if doc is None:
        return [f"FAIL {name}: osdev-inspect aml: {err}"], 1, None
    ours = {}
    alias_bad = []
    for o in doc["objects"]:
        if isinstance(o, dict) and isinstance(o.get("path"), str):
            p, t = o["path"], o.get("type")
            # An alias listed as such (with its target) equals ACPICA's Alias
            # node when the targets are the same path.
            if t == "alias" and raw.get(p, ("", ""))[0] in ("Alias", "MethodAlias"):
                if o.get("target") == raw[p][1]:
                    t = theirs[p]
                else:
                    alias_bad.append(f"  DIFF {p}: alias of {o.get('target')}, ACPICA's of {raw[p][1]}")
            ours[p] = t
    paths = list(dict.fromkeys(list(theirs) + list(ours)))
    equal = unexplained = explained = 0
    for p in paths:
        a, o = theirs.get(p), ours.get(p)
        if a == o:
            equal += 1
            continue
        r = allowed(rules, name, p, a, o, uacpi)
        if r:
            explained += 1
            if verbose:
                lines.append(f"  allowed {p}: acpica {a or '-'} ours {o or '-'} ({r['reason']})")
            continue
        unexplained += 1
        if unexplained <= 25 or verbose:
            lines.append(f"  DIFF {p}: acpica {a or '-'} ours {o or '-'}")
    lines += alias_bad[:10]
    unexplained += len(alias_bad)
    if unexplained > 25 and not verbose:
        lines.append(f"  ... {unexplained - 25} more differences")
    ufig = ""
    if uacpi is not None:
        u_eq = sum(1 for p in set(uacpi) | set(ours) if uacpi.get(p) == ours.get(p))
        u_only = sum(1 for p in uacpi if p not in ours)
        o_only = sum(1 for p in ours if p not in uacpi)
        u_type = sum(1 for p in uacpi if p in ours and uacpi[p] != ours[p])
        ufig = (f"; uACPI {len(uacpi)}: equal {u_eq}, only uACPI {u_only}, only ours {o_only},"
                f" type differs {u_type}")
    # Initialisation errors: ours must all be named by ACPICA's report too.
    our_errors = doc.get("errors") if isinstance(doc.get("errors"), list) else []
    err_paths = acpica_error_paths(summ["errors"])
    new_errors = unmatched_errors(our_errors, err_paths)
    for e in new_errors[:10]:
        lines.append(f"  ERROR only ours: {json.dumps(e)[:200]}")
    init = doc.get("init") if isinstance(doc.get("init"), dict) else {}
    tables_ok = doc.get("tables") == len(files)
    if not tables_ok:
        lines.append(f"  tables: ours {doc.get('tables')!r}, files {len(files)}")
    # ACPICA's "Executed N _INI methods" counts the _INI evaluations that
    # succeeded (AcpiNsInitOneDevice); ours counts runs and failures.
    ini_ok = True
    if summ["ini"] is not None and isinstance(init.get("ini_run"), int):
        ours_ini = init["ini_run"] - init.get("ini_failed", 0)
        if ours_ini != summ["ini"]:
            ini_ok = False
            lines.append(f"  _INI: ACPICA ran {summ['ini']} successfully, ours {ours_ini}"
                         f" ({init['ini_run']} run, {init.get('ini_failed', 0)} failed)")
    bad = unexplained > 0 or bool(new_errors) or not tables_ok or not ini_ok
    head = (f"{'FAIL' if bad else 'ok  '} {name}: ACPICA {len(theirs)} objects, ours {len(ours)},"
            f" equal {equal}, allowed {explained}, differing {unexplained}{ufig};"
            f" init ACPICA {summ['ini']} _INI/{summ['sta']} _STA, {len(summ['errors'])} error lines,"
            f" ours {json.dumps(init, sort_keys=True)}, {len(our_errors)} errors"
            f" ({len(new_errors)} not in ACPICA's);"
            f" acpiexec {t_acpica:.2f} s, ours {t_ours:.2f} s wall")
    failures = 1 if bad else 0
    figures = {"name": name, "acpica": len(theirs), "ours": len(ours), "equal": equal,
               "allowed": explained, "differing": unexplained,
               "uacpi": len(uacpi) if uacpi is not None else None,
               "acpica_ini": summ["ini"], "acpica_sta": summ["sta"],
               "acpica_error_lines": len(summ["errors"]), "ours_errors": len(our_errors),
               "ours_errors_unmatched": len(new_errors), "ours_init": init,
               "acpiexec_s": round(t_acpica, 2), "ours_s": round(t_ours, 2)}
    return [head] + lines, failures, figures


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    inspect, shared = argv[1], argv[2]
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    verbose = "--verbose" in argv
    if not acpica.tool("acpiexec"):
        print("SKIP: acpiexec not installed (tools/setup installs acpica-tools)")
        return 77
    if not acpica.inspect_has_aml(inspect):
        print(f"SKIP: {inspect} has no `aml` command yet (the interpreter's branch adds it)")
        return 77
    rules = load_allowlist()
    items = [t for t in targets(shared) if not only or fnmatch.fnmatchcase(t[0], only)]
    t0 = time.monotonic()
    results = acpica.parallel(lambda it: compare_one(it, inspect, rules, verbose), items, workers=12)
    if "--summary" in argv:
        with open(argv[argv.index("--summary") + 1], "w", encoding="utf-8") as f:
            json.dump([r[2] for r in results], f, indent=1)
    failed = 0
    for lines, f, _ in results:
        failed += f
        print("\n".join(lines))
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"namespace: {len(items) - failed}/{len(items)} equal to ACPICA's (differences explained);"
          f" {time.monotonic() - t0:.1f} s wall, children CPU {cpu.ru_utime + cpu.ru_stime:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
