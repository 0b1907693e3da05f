#!/usr/bin/env python3
"""Extended-capability decoding of `osdev-inspect pci --json` against
pciutils' decoding of the same bytes.

Inputs: every extcaps/*.dump (hand-made `lspci -xxxx` style dumps, see
extcaps/README.md) with extcaps/*.lspci beside it, which is `lspci -F DUMP
-n -vvv` output stored as pciutils printed it (-n: numeric IDs, so the text
does not depend on the pci.ids database); every function of the shared QEMU
fixtures whose lspci decoding is stored as extcaps/<config>_<bb>_<dd>_<f>.lspci;
and every function of the QEMU captures in extcaps/<folder>/pci/, with its
lspci decoding stored beside it as <bb>_<dd>_<f>.lspci. When lspci is installed, the stored
text is first checked to be what this machine's lspci prints for the same
bytes (a different pciutils version only prints a note). Then every field
lspci prints for AER, ACS, SR-IOV, ARI, LTR, L1 PM Substates, Resizable BAR,
DPC, PTM, DSN and VSEC is compared with osdev-inspect's JSON (whose objects
must not repeat a key), and both capability lists (offsets, versions) must be
lspci's.

usage: extcaps_lspci.py OSDEV_INSPECT EXTCAPS_DIR SHARED_DIR"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

FAILURES = []
COMPARED = [0]


def check(where, what, got, want):
    COMPARED[0] += 1
    if got != want:
        FAILURES.append("%s %s: osdev-inspect %r, lspci %r" % (where, what, got, want))


def read_dump(path):
    """(bdf, bytes) of an lspci -xxxx style dump."""
    bdf, data = None, bytearray()
    with open(path) as f:
        for line in f:
            m = re.match(r"^([0-9a-f]{2,3}): ((?:[0-9a-f]{2} ?)+)$", line.strip())
            if m:
                data += bytes(int(x, 16) for x in m.group(2).split())
            elif line.strip() and bdf is None:
                bdf = line.split()[0]
    return bdf, bytes(data)


def write_dump(path, bdf, data):
    with open(path, "w") as f:
        f.write("%s Configuration space\n" % bdf)
        for off in range(0, len(data), 16):
            f.write("%02x: %s\n" % (off, " ".join("%02x" % x for x in data[off:off + 16])))
        f.write("\n")


def split_caps(text):
    """{offset: (version, header text, [body lines])} of one lspci -vvv function."""
    caps, cur = {}, None
    for line in text.splitlines():
        m = re.match(r"^\tCapabilities: \[([0-9a-f]+)(?: v(\d+))?\] (.*)$", line)
        if m:
            cur = []
            caps[int(m.group(1), 16)] = (int(m.group(2)) if m.group(2) else None, m.group(3), cur)
        elif line.startswith("\t\t") and cur is not None:
            cur.append(line.strip())
        elif not line.startswith("\t\t"):
            cur = None
    return caps


def labelled(body):
    """Lines by their leading "Label:" (continuation lines join the label before)."""
    out, last = {}, None
    for line in body:
        m = re.match(r"^([A-Za-z0-9_.]+):\s*(.*)$", line)
        if m and m.group(1) not in out:
            last = m.group(1)
            out[last] = m.group(2)
        elif last is not None:
            out[last] += " " + line
    return out


def flags(text):
    """{name: bool} of "Name+" / "Name-" / "Name:+" tokens."""
    return {m.group(1): m.group(2) == "+"
            for m in re.finditer(r"([A-Za-z0-9_.\-/]+?):?([+-])(?=[\s,]|$)", text)}


def bit(v, n):
    return bool((v >> n) & 1)


def check_bits(where, label, text, value, names):
    f = flags(text)
    for name, n in names.items():
        check(where, "%s %s" % (label, name), bit(value, n), f.get(name))


def check_bools(where, label, text, obj, names):
    f = flags(text)
    for name, key in names.items():
        check(where, "%s %s" % (label, name), obj[key], f.get(name))


def num(pattern, text, base=10):
    m = re.search(pattern, text)
    return int(m.group(1), base) if m else None


UE = {"DLP": 4, "SDES": 5, "TLP": 12, "FCP": 13, "CmpltTO": 14, "CmpltAbrt": 15,
      "UnxCmplt": 16, "RxOF": 17, "MalfTLP": 18, "ECRC": 19, "UnsupReq": 20, "ACSViol": 21}
CE = {"RxErr": 0, "BadTLP": 6, "BadDLLP": 7, "Rollover": 8, "Timeout": 12, "AdvNonFatalErr": 13}
ACS = {"SrcValid": 0, "TransBlk": 1, "ReqRedir": 2, "CmpltRedir": 3, "UpstreamFwd": 4,
       "EgressCtrl": 5, "DirectTrans": 6}
UNITS = {"MB": 1 << 20, "GB": 1 << 30, "TB": 1 << 40, "PB": 1 << 50, "EB": 1 << 60}


def aer(w, c, head, body):
    L = labelled(body)
    for label, key in (("UESta", "uncorrectable_status"), ("UEMsk", "uncorrectable_mask"),
                       ("UESvrt", "uncorrectable_severity")):
        check_bits(w, label, L[label], c[key], UE)
    for label, key in (("CESta", "correctable_status"), ("CEMsk", "correctable_mask")):
        check_bits(w, label, L[label], c[key], CE)
    check(w, "First Error Pointer", c["first_error_pointer"],
          num(r"First Error Pointer: ([0-9a-f]+)", L["AERCap"], 16))
    check_bools(w, "AERCap", L["AERCap"], c, {
        "ECRCGenCap": "ecrc_generation_capable", "ECRCGenEn": "ecrc_generation_enable",
        "ECRCChkCap": "ecrc_check_capable", "ECRCChkEn": "ecrc_check_enable",
        "MultHdrRecCap": "multiple_header_recording_capable",
        "MultHdrRecEn": "multiple_header_recording_enable",
        "TLPPfxPres": "tlp_prefix_log_present",
        "HdrLogCap": "completion_timeout_prefix_header_log_capable"})
    check(w, "HeaderLog", c["header_log"], [int(x, 16) for x in L["HeaderLog"].split()])
    check(w, "root registers", c["root"], "RootCmd" in L)
    if "RootCmd" in L:
        check_bits(w, "RootCmd", L["RootCmd"], c["root_error_command"],
                   {"CERptEn": 0, "NFERptEn": 1, "FERptEn": 2})
        check_bits(w, "RootSta", L["RootSta"], c["root_error_status"],
                   {"CERcvd": 0, "MultCERcvd": 1, "UERcvd": 2, "MultUERcvd": 3,
                    "FirstFatal": 4, "NonFatalMsg": 5, "FatalMsg": 6})
        check(w, "RootSta IntMsg", c["root_interrupt_message_number"],
              num(r"IntMsg (\d+)", L["RootSta"]))
        check(w, "ERR_COR source", c["error_source_correctable"],
              num(r"ERR_COR: ([0-9a-f]+)", L["ErrorSrc"], 16))
        check(w, "ERR_FATAL/NONFATAL source", c["error_source_fatal_nonfatal"],
              num(r"ERR_FATAL/NONFATAL: ([0-9a-f]+)", L["ErrorSrc"], 16))


def acs(w, c, head, body):
    L = labelled(body)
    check_bits(w, "ACSCap", L["ACSCap"], c["acs_capability"], ACS)
    check_bits(w, "ACSCtl", L["ACSCtl"], c["acs_control"], ACS)


def sriov(w, c, head, body):
    L = labelled(body)
    check_bits(w, "IOVCap", L["IOVCap"], c["sriov_capabilities"], {"Migration": 0, "10BitTagReq": 2})
    check(w, "IOVCap interrupt", c["migration_interrupt_message_number"],
          num(r"Interrupt Message Number: ([0-9a-f]+)", L["IOVCap"], 16))
    check_bits(w, "IOVCtl", L["IOVCtl"], c["sriov_control"],
               {"Enable": 0, "Migration": 1, "Interrupt": 2, "MSE": 3, "ARIHierarchy": 4,
                "10BitTagReq": 5})
    check_bits(w, "IOVSta", L["IOVSta"], c["sriov_status"], {"Migration": 0})
    text = "\n".join(body)
    for key, pattern, base in (
            ("initial_vfs", r"Initial VFs: (\d+)", 10), ("total_vfs", r"Total VFs: (\d+)", 10),
            ("num_vfs", r"Number of VFs: (\d+)", 10),
            ("function_dependency_link", r"Function Dependency Link: ([0-9a-f]+)", 16),
            ("first_vf_offset", r"VF offset: (\d+)", 10), ("vf_stride", r"stride: (\d+)", 10),
            ("vf_device_id", r"Device ID: ([0-9a-f]+)", 16),
            ("supported_page_sizes", r"Supported Page Size: ([0-9a-f]+)", 16),
            ("system_page_size", r"System Page Size: ([0-9a-f]+)", 16),
            ("migration_state_offset", r"VF Migration: offset: ([0-9a-f]+)", 16),
            ("migration_state_bir", r"BIR: (\d+)", 10)):
        check(w, key, c[key], num(pattern, text, base))
    want = []
    for m in re.finditer(r"Region (\d): Memory at ([0-9a-f]+) \((64|32)-bit, (non-)?prefetchable\)",
                         text):
        want.append((int(m.group(1)), int(m.group(2), 16), "mem" + m.group(3), not m.group(4)))
    check(w, "VF BARs", [(b["index"], b["address"], b["kind"], b["prefetchable"])
                         for b in c["vf_bars"]], want)


def ari(w, c, head, body):
    L = labelled(body)
    check_bools(w, "ARICap", L["ARICap"], c, {"MFVC": "mfvc_groups_capable",
                                              "ACS": "acs_groups_capable"})
    check(w, "Next Function", c["next_function"], num(r"Next Function: (\d+)", L["ARICap"]))
    check_bools(w, "ARICtl", L["ARICtl"], c, {"MFVC": "mfvc_groups_enable",
                                              "ACS": "acs_groups_enable"})
    check(w, "Function Group", c["function_group"], num(r"Function Group: (\d+)", L["ARICtl"]))


def ltr(w, c, head, body):
    text = "\n".join(body)
    check(w, "max snoop", c["max_snoop_latency_ns"], num(r"Max snoop latency: (\d+)ns", text))
    check(w, "max no snoop", c["max_no_snoop_latency_ns"],
          num(r"Max no snoop latency: (\d+)ns", text))


def l1pm(w, c, head, body):
    L = labelled(body)
    names = ("PCI-PM_L1.2", "PCI-PM_L1.1", "ASPM_L1.2", "ASPM_L1.1")
    keys = ("pcipm_l1_2", "pcipm_l1_1", "aspm_l1_2", "aspm_l1_1")
    check_bools(w, "L1SubCap", L["L1SubCap"], c,
                dict({n: k + "_supported" for n, k in zip(names, keys)},
                     L1_PM_Substates="l1_pm_substates_supported"))
    check(w, "PortCommonModeRestoreTime", c["port_common_mode_restore_time_us"],
          num(r"PortCommonModeRestoreTime=(\d+)us", L["L1SubCap"]))
    check(w, "PortTPowerOnTime", c["port_t_power_on_us"],
          num(r"PortTPowerOnTime=(\d+)us", L["L1SubCap"]))
    check_bools(w, "L1SubCtl1", L["L1SubCtl1"], c, {n: k + "_enabled" for n, k in zip(names, keys)})
    check(w, "T_CommonMode", c["common_mode_restore_time_us"],
          num(r"T_CommonMode=(\d+)us", L["L1SubCtl1"]))
    check(w, "LTR1.2_Threshold", c["ltr_l1_2_threshold_ns"],
          num(r"LTR1.2_Threshold=(\d+)ns", L["L1SubCtl1"]))
    check(w, "T_PwrOn", c["t_power_on_us"], num(r"T_PwrOn=(\d+)us", L["L1SubCtl2"]))


def size_bytes(token):
    m = re.match(r"^(\d+)([MGTPE]B)$", token)
    return int(m.group(1)) * UNITS[m.group(2)]


def rebar(w, c, head, body):
    want = []
    for line in body:
        m = re.match(r"^BAR (\d+): current size: (\S+), supported: (.*)$", line)
        if m:
            want.append((int(m.group(1)), size_bytes(m.group(2)),
                         [size_bytes(t) for t in m.group(3).split()]))
    check(w, "resizable BARs", [(b["bar_index"], b["current_size"], b["supported_sizes"])
                                for b in c["bars"]], want)


def granularity(text):
    if re.search(r"Unimplemented|Unknown", text):
        return 0
    if "Greater than" in text:
        return 255
    return num(r"(\d+)ns", text)


def ptm(w, c, head, body):
    L = labelled(body)
    check_bools(w, "PTMCap", L["PTMCap"], c, {"Requester": "requester_capable",
                                              "Responder": "responder_capable",
                                              "Root": "root_capable"})
    check(w, "PTMClockGranularity", c["local_clock_granularity"],
          granularity(L["PTMClockGranularity"]))
    check_bools(w, "PTMControl", L["PTMControl"], c, {"Enabled": "enabled",
                                                      "RootSelected": "root_select"})
    check(w, "PTMEffectiveGranularity", c["effective_granularity"],
          granularity(L["PTMEffectiveGranularity"]))


def dpc(w, c, head, body):
    L = labelled(body)
    cap, ctl, sta = L["DpcCap"], L["DpcCtl"], L["DpcSta"]
    check(w, "INT Msg", c["interrupt_message_number"], num(r"INT Msg #(\d+)", cap))
    check_bools(w, "DpcCap", cap, c, {"RPExt": "rp_extensions",
                                      "PoisonedTLP": "poisoned_tlp_egress_blocking",
                                      "SwTrigger": "software_triggering",
                                      "DL_ActiveErr": "dl_active_err_cor_signaling"})
    check(w, "RP PIO Log", c["rp_pio_log_size"], num(r"RP PIO Log (\d+)", cap))
    check(w, "Trigger", c["trigger_enable"], num(r"Trigger:(\d+)", ctl))
    check_bools(w, "DpcCtl", ctl, c, {"Cmpl": "completion_control", "INT": "interrupt_enable",
                                      "ErrCor": "err_cor_enable"})
    check_bits(w, "DpcCtl", ctl, c["dpc_control"],
               {"PoisonedTLP": 5, "SwTrigger": 6, "DL_ActiveErr": 7})
    check_bools(w, "DpcSta", sta, c, {"Trigger": "trigger_status", "INT": "interrupt_status",
                                      "RPBusy": "rp_busy"})
    check(w, "Reason", c["trigger_reason"], num(r"Reason:([0-9a-f]+)", sta, 16))
    check(w, "TriggerExt", c["trigger_reason_extension"], num(r"TriggerExt:([0-9a-f]+)", sta, 16))
    check(w, "RP PIO ErrPtr", c["rp_pio_first_error_pointer"],
          num(r"RP PIO ErrPtr:([0-9a-f]+)", sta, 16))
    check(w, "Source", c["error_source_id"], num(r"^([0-9a-f]+)", L["Source"], 16))


def dsn(w, c, head, body):
    m = re.search(r"Device Serial Number ([0-9a-f-]+)", head)
    check(w, "serial number", c["serial_number"], int(m.group(1).replace("-", ""), 16))


def vsec(w, c, head, body):
    m = re.search(r"ID=([0-9a-f]+) Rev=(\d+) Len=([0-9a-f]+)", head)
    check(w, "VSEC", (c["vsec_id"], c["vsec_revision"], c["vsec_length"]),
          (int(m.group(1), 16), int(m.group(2)), int(m.group(3), 16)))


DECODERS = {0x0001: aer, 0x0003: dsn, 0x000B: vsec, 0x000D: acs, 0x000E: ari, 0x0010: sriov,
            0x0015: rebar, 0x0018: ltr, 0x001D: dpc, 0x001E: l1pm, 0x001F: ptm}


def unique_keys(pairs):
    keys = [k for k, _ in pairs]
    if len(set(keys)) != len(keys):
        FAILURES.append("osdev-inspect JSON object with a duplicate key: %r" % keys)
    return dict(pairs)


def compare(name, func, lspci_text):
    caps = split_caps(lspci_text)
    check(name, "capability offsets", [c["offset"] for c in func["capabilities"]],
          [o for o in caps if o < 0x100])
    check(name, "extended capability offsets and versions",
          [(c["offset"], c["version"]) for c in func["extended_capabilities"]],
          [(o, v[0]) for o, v in caps.items() if o >= 0x100])
    decoded = 0
    for c in func["extended_capabilities"]:
        if c["id"] not in DECODERS or c["offset"] not in caps:
            continue
        _, head, body = caps[c["offset"]]
        check(name, "[%03x] error" % c["offset"], c.get("error"), None)
        if "error" not in c:
            DECODERS[c["id"]]("%s [%03x]" % (name, c["offset"]), c, head, body)
            decoded += 1
    return decoded


def main():
    inspect, extcaps, shared = sys.argv[1:4]
    lspci = shutil.which("lspci")
    cases = []  # (name, bdf, bytes, stored lspci path)
    for f in sorted(os.listdir(extcaps)):
        if f.endswith(".dump"):
            bdf, data = read_dump(os.path.join(extcaps, f))
            cases.append((f, bdf, data, os.path.join(extcaps, f[:-5] + ".lspci")))
    # Captured fixtures: the shared QEMU machines (lspci text stored here as
    # <config>_<bb>_<dd>_<f>.lspci) and this folder's own captures (stored
    # beside each pci/<bb>_<dd>_<f>.bin).
    qemu = os.path.join(shared, "fixtures", "qemu")
    folders = [(os.path.join(qemu, cfg), lambda f, cfg=cfg: os.path.join(extcaps, cfg + "_" + f))
               for cfg in sorted(os.listdir(qemu))]
    folders += [(os.path.join(extcaps, d), lambda f, d=d: os.path.join(extcaps, d, "pci", f))
                for d in sorted(os.listdir(extcaps)) if os.path.isdir(os.path.join(extcaps, d))]
    for folder, stored_for in folders:
        pdir = os.path.join(folder, "pci")
        if not os.path.isdir(pdir):
            continue
        for f in sorted(os.listdir(pdir)):
            m = re.match(r"^([0-9a-f]{2})_([0-9a-f]{2})_([0-7])\.bin$", f)
            stored = stored_for(f[:-4] + ".lspci")
            if m and os.path.exists(stored):
                with open(os.path.join(pdir, f), "rb") as fp:
                    data = fp.read()
                cases.append(("%s/%s" % (os.path.basename(folder), f), "%s:%s.%s" % m.groups(),
                              data, stored))
    if not cases:
        print("FAIL: no cases found")
        return 1
    version = subprocess.run([lspci, "--version"], capture_output=True, text=True).stdout.strip() \
        if lspci else None
    fresh = 0
    decoded = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, bdf, data, stored in cases:
            with open(stored) as f:
                want = f.read()
            dump = os.path.join(tmp, "dump")
            write_dump(dump, bdf, data)
            if lspci:
                now = subprocess.run([lspci, "-F", dump, "-n", "-vvv"], capture_output=True,
                                     text=True).stdout
                if version == "lspci version 3.9.0":
                    check(name, "stored lspci output is this lspci's", now == want, True)
                    fresh += 1
                else:
                    print("NOTE: %s; stored outputs are pciutils 3.9.0's" % version)
            fx = os.path.join(tmp, "fx")
            os.makedirs(fx, exist_ok=True)
            for old in os.listdir(fx):
                os.unlink(os.path.join(fx, old))
            bus, rest = bdf.split(":")[-2:]
            dev, fn = rest.split(".")
            with open(os.path.join(fx, "%s_%s_%s.bin" % (bus, dev, fn)), "wb") as f:
                f.write(data)
            out = subprocess.run([inspect, "pci", "--json", fx], capture_output=True, text=True)
            mine = json.loads(out.stdout, object_pairs_hook=unique_keys)
            decoded += compare(name, mine["functions"][0], want)
    for msg in FAILURES:
        print("FAIL:", msg)
    print("%d functions, %d decoded extended capabilities, %d field comparisons with lspci "
          "(%d stored outputs re-checked against this lspci), %d mismatches"
          % (len(cases), decoded, COMPARED[0], fresh, len(FAILURES)))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
