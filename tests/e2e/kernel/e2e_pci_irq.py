"""The PCI interrupt part of the demo kernel's e2e test (examples/kernel:
pci_irq.c, e1000_intr.c). The kernel makes its NIC raise INTx through ICS and
counts the interrupts, first in PIC mode (the _PRT route through the link
device to an ISA IRQ, the 8259 in level mode, LINT0 as ExtINT: one interrupt,
held while masked, one more once unmasked), then in APIC mode (\_PIC(1), the
route to a GSI, that I/O APIC pin programmed: exactly one interrupt, then the
pin masked and INTx raised again and left so while this harness looks; after
the byte on COM1 it unmasks and the held interrupt arrives once).

Expected values come from QEMU, never from the kernel's idea of them:
- the NIC's BDF, vendor:device and INTx pin equal `info pci`;
- the I/O APIC pin of the kernel's GSI is the one QEMU shows asserted (the
  `IRR` line of `info pic`: the device's line is up while the pin is masked),
  with the kernel's vector, trigger, polarity, masked, destination the BSP's
  APIC ID, and no other pin carries that vector;
- `info irq` (QEMU's count of rising edges per interrupt controller input)
  grew on that I/O APIC input, and on the 8259 input of the PIC-mode IRQ, by
  exactly the number of INTx assertions the kernel made, between the keyboard
  marker (before the NIC test) and the wait marker (after it);
- the PIC-mode IRQ equals `info pci`'s IRQ (the Interrupt Line the firmware
  wrote); QEMU's 8259 (`info pic`) has that input level-triggered (ELCR),
  masked again, and its IRR bit up while the line is held;
- the kernel's own counts agree: exactly one interrupt per unmasked
  assertion, none while masked.
"""

import re

NIC_DEVICES = ("e1000", "e1000e")


def has_nic(machine):
    """Whether the machine's QEMU arguments give the kernel a NIC it drives."""
    return any(a.split(",")[0] in NIC_DEVICES for a in machine["args"])


def irq_counts(text, controller="ioapic"):
    """{input: count} of the `IRQ statistics for ...ioapic:` block of `info irq`."""
    counts = {}
    block = None
    for line in (text or "").splitlines():
        m = re.match(r"IRQ statistics for (\S+):", line)
        if m:
            block = m.group(1)
            continue
        m = re.match(r"\s*(\d+): (\d+)\s*$", line)
        if m and block and block.endswith(controller):
            counts[int(m.group(1))] = int(m.group(2))
    return counts


def irr_pins(text):
    """The I/O APIC inputs `info pic` lists on its IRR line (asserted inputs)."""
    m = re.search(r"^\s*IRR\s+(.*)$", text or "", re.M)
    if not m or "(none)" in m.group(1):
        return set()
    return {int(x) for x in m.group(1).split()}


def evaluate(checks, machine, lines, fields, view, parse_info_pci, parse_info_pic):
    if not has_nic(machine):
        return
    qemu = parse_info_pci(view.get("pci") or "")
    k = {}
    for line in lines:
        word = line.split(" ", 1)[0]
        if word.startswith("pci-intx"):
            k[word] = fields(line)
    dev, route = k.get("pci-intx-device", {}), k.get("pci-intx-route", {})

    bdf = tuple(int(x, 16) for x in re.split(r"[:.]", dev["bdf"])) if "bdf" in dev else None
    q = qemu.get(bdf, {})
    want_pin = "ABCD"[q["pin"] - 1] if q.get("pin") else None
    checks.check("NIC for the APIC-mode INTx test equals QEMU's info pci (BDF, ID, pin)",
                 bdf is not None and q.get("id") == dev.get("id") and dev.get("pin") == want_pin
                 and route.get("pin") == want_pin,
                 f"kernel {dev.get('bdf')} {dev.get('id')} pin {dev.get('pin')}; "
                 f"QEMU {q.get('id')} pin {want_pin}")

    pic = parse_info_pic((view.get("apic") or {}).get("pic"))
    cpus = (view.get("apic") or {}).get("cpus", [])
    bsp = next((c["apic_id"] for c in cpus if c["index"] == 0), None)
    gsi = int(route["gsi"]) if "gsi" in route else None
    pin = pic and gsi is not None and pic["pins"].get(gsi)
    asserted = irr_pins((view.get("apic") or {}).get("pic"))
    vector = 0x60
    others = sorted(p for p, e in (pic["pins"] if pic else {}).items() if e["vector"] == vector and p != gsi)
    checks.check("APIC-mode GSI of the NIC's INTx is the I/O APIC pin QEMU shows asserted "
                 "(info pic IRR), with the kernel's vector, trigger and polarity, masked",
                 pin and gsi in asserted and pin["vector"] == vector and pin["masked"]
                 and pin["trigger"] == route.get("trigger") and pin["polarity"] == route.get("polarity")
                 and pin["dest"] == bsp and not others,
                 f"kernel GSI {gsi} {route.get('polarity')} {route.get('trigger')} via "
                 f"{route.get('link')}; QEMU pin {gsi}: {pin}; IRR {sorted(asserted)}; "
                 f"other pins with vector {vector}: {others}")

    before, after = irq_counts(view.get("irq_before")), irq_counts(view.get("irq"))
    masked = k.get("pci-intx-masked", {})
    made = int(masked.get("asserted", "-1"))
    grew = after.get(gsi, 0) - before.get(gsi, 0) if gsi is not None else None
    checks.check("QEMU's info irq counts on that I/O APIC input the INTx assertions the kernel made",
                 view.get("irq_before") is not None and view.get("irq") is not None
                 and made > 0 and grew == made,
                 f"input {gsi}: {before.get(gsi, 0)} before the test, {after.get(gsi, 0)} at the "
                 f"wait; kernel asserted {made}")

    first, unmasked = k.get("pci-intx-interrupt", {}), k.get("pci-intx-unmasked", {})
    count = lambda d, key: int(d.get(key, "-1"))
    checks.check("NIC's INTx in APIC mode arrived exactly once, the masked pin held the next, "
                 "unmasking delivered it once",
                 first.get("intx_after") == "0" and masked.get("intx") == "1"
                 and count(masked, "delivered") == count(first, "delivered") > 0
                 and count(masked, "asserted") == count(masked, "delivered") + 1
                 and count(unmasked, "delivered") == count(unmasked, "asserted") == made
                 and unmasked.get("intx_after") == "0",
                 f"unmasked {first}; masked {masked}; after the wait {unmasked}")

    # PIC mode: the 8259 input the kernel's PIC-mode route named.
    pic_line = k.get("pci-intx-pic", {})
    irq = int(pic_line.get("irq", "-1"))
    chips = parse_8259((view.get("apic") or {}).get("pic"))
    bit = 1 << irq if 0 <= irq < 16 else 0
    before8, after8 = irq_counts(view.get("irq_before"), "i8259"), irq_counts(view.get("irq"), "i8259")
    grew8 = after8.get(irq, 0) - before8.get(irq, 0)
    checks.check("PIC-mode IRQ of the NIC equals info pci's; QEMU's 8259 has it level (ELCR), "
                 "masked again, asserted (IRR) while held, and info irq counts every assertion",
                 q.get("irq") == irq and chips is not None and chips["elcr"] & bit
                 and chips["imr"] & bit and chips["irr"] & bit and grew8 == made,
                 f"kernel IRQ {irq} via {pic_line.get('link')}; info pci IRQ {q.get('irq')}; "
                 f"8259 {chips and {k2: hex(v) for k2, v in chips.items()}}; i8259 input {irq}: "
                 f"{before8.get(irq, 0)} -> {after8.get(irq, 0)}, kernel asserted {made}")
    checks.check("NIC's INTx in PIC mode (8259 and LINT0 ExtINT): one interrupt, held while "
                 "masked (8259 IRR), one more once unmasked",
                 all(pic_line.get(key) == "1" for key in ("delivered", "held", "irr", "released")),
                 f"{pic_line}")


def parse_8259(text):
    """QEMU's two 8259s in `info pic` as 16-bit irr, imr and elcr (slave high)."""
    chips = {}
    for m in re.finditer(r"^pic([01]): irr=([0-9a-f]+) imr=([0-9a-f]+) .*elcr=([0-9a-f]+)",
                         text or "", re.M):
        chips[int(m.group(1))] = [int(x, 16) for x in m.groups()[1:]]
    if set(chips) != {0, 1}:
        return None
    return {name: chips[0][i] | chips[1][i] << 8 for i, name in enumerate(("irr", "imr", "elcr"))}
