#!/usr/bin/env python3
"""Writes the hand-made configuration spaces of this folder as `lspci -xxxx`
style hex dumps (*.dump). The register values below were chosen by hand to
set fields of every extended capability osdev decodes, for capabilities no
captured fixture has; they describe no real device. After running it,
regenerate the reference decoding with
    for d in *.dump; do lspci -F "$d" -n -vvv > "${d%.dump}.lspci"; done
(see README.md). Only the .dump and .lspci files are read by the tests."""
import struct

SIZE = 4096


class Space:
    def __init__(self):
        self.b = bytearray(SIZE)

    def u8(self, at, v):
        self.b[at] = v

    def u16(self, at, v):
        struct.pack_into("<H", self.b, at, v)

    def u32(self, at, v):
        struct.pack_into("<I", self.b, at, v)

    def header(self, vendor, device, class24, header_type, cap_ptr):
        self.u16(0x00, vendor)
        self.u16(0x02, device)
        self.u16(0x06, 0x0010)          # Status: Capabilities List
        self.u32(0x08, class24 << 8 | 0x01)
        self.u8(0x0E, header_type)
        self.u8(0x34, cap_ptr)

    def pcie(self, at, port_type, nxt=0):
        """PCI Express capability, version 2 (PCIe Base 6.0, 7.5.3)."""
        self.u8(at, 0x10)
        self.u8(at + 1, nxt)
        self.u16(at + 2, 0x0002 | port_type << 4)

    def ext(self, at, cap_id, version, nxt):
        """Extended capability header (7.6.3); nxt may carry the reserved low bits."""
        self.u32(at, nxt << 20 | version << 16 | cap_id)

    def dump(self, name, bdf):
        with open(name, "w") as f:
            f.write("%s Hand-made configuration space (osdev tests)\n" % bdf)
            for off in range(0, SIZE, 16):
                f.write("%02x: %s\n" % (off, " ".join("%02x" % x for x in self.b[off:off + 16])))
            f.write("\n")


def endpoint():
    s = Space()
    s.header(0x1B36, 0x7A01, 0x020000, 0x00, 0x40)
    s.pcie(0x40, 0x0)
    # AER (7.8.4), endpoint: no root registers.
    s.ext(0x100, 0x0001, 2, 0x148)
    s.u32(0x104, 0x00100000)            # UESta: Unsupported Request
    s.u32(0x108, 0x00400000)            # UEMsk: Uncorrectable Internal Error
    s.u32(0x10C, 0x00462030)            # UESvrt
    s.u32(0x110, 0x00002001)            # CESta: Receiver Error, Advisory Non-Fatal
    s.u32(0x114, 0x0000E000)            # CEMsk
    s.u32(0x118, 0x000001F4)            # First Error Pointer 20, ECRC gen/check cap+en
    for i, v in enumerate((0x40000001, 0x0000220F, 0x12345678, 0x9ABCDEF0)):
        s.u32(0x11C + 4 * i, v)
    # Device Serial Number (7.9.3).
    s.ext(0x148, 0x0003, 1, 0x158)
    s.u32(0x14C, 0x55667788)
    s.u32(0x150, 0x11223344)
    # SR-IOV (9.3.3).
    s.ext(0x158, 0x0010, 1, 0x198)
    s.u32(0x15C, 0x00A00001)            # VF Migration Capable, interrupt message 5
    s.u16(0x160, 0x0019)                # VF Enable, VF MSE, ARI Capable Hierarchy
    s.u16(0x162, 0x0000)
    s.u16(0x164, 8)                     # InitialVFs
    s.u16(0x166, 16)                    # TotalVFs
    s.u16(0x168, 4)                     # NumVFs
    s.u8(0x16A, 0x00)                   # Function Dependency Link
    s.u16(0x16C, 0x0080)                # First VF Offset
    s.u16(0x16E, 0x0002)                # VF Stride
    s.u16(0x172, 0x7A02)                # VF Device ID
    s.u32(0x174, 0x00000553)            # Supported Page Sizes
    s.u32(0x178, 0x00000001)            # System Page Size: 4 KiB
    s.u32(0x17C, 0xF000000C)            # VF BAR0/1: 64-bit prefetchable at 0x1_F0000000
    s.u32(0x180, 0x00000001)
    s.u32(0x184, 0xE0100000)            # VF BAR2: 32-bit
    s.u32(0x188, 0x0000000C)            # VF BAR3/4: 64-bit prefetchable, not assigned
    s.u32(0x194, 0x00001003)            # VF Migration State: BIR 3, offset 0x1000
    # ARI (7.8.7).
    s.ext(0x198, 0x000E, 1, 0x1A0)
    s.u16(0x19C, 0x0203)                # MFVC+ ACS+, Next Function 2
    s.u16(0x19E, 0x0012)                # ACS Function Groups Enable, Function Group 1
    # LTR (7.8.2).
    s.ext(0x1A0, 0x0018, 1, 0x1A8)
    s.u16(0x1A4, 0x1003)                # 3 x 1048576 ns
    s.u16(0x1A6, 0x0C01)                # 1 x 32768 ns
    # L1 PM Substates (7.8.3).
    s.ext(0x1A8, 0x001E, 1, 0x1C0)
    s.u32(0x1AC, 0x0028281F)            # all four supported, CMRT 40 us, T_POWER_ON 5 x 2 us
    s.u32(0x1B0, 0x4005280F)            # all enabled, CMRT 40, threshold 5 x 1024 ns
    s.u32(0x1B4, 0x00000029)            # T_POWER_ON 5 x 10 us
    # Resizable BAR (7.8.6): two entries.
    s.ext(0x1C0, 0x0015, 1, 0x1D8)
    s.u32(0x1C4, 0x0000FFF0)            # 1 MiB - 2 GiB
    s.u32(0x1C8, 0x00000840)            # BAR 0, two entries, 256 MiB
    s.u32(0x1CC, 0x00003000)            # 256 MiB, 512 MiB
    s.u32(0x1D0, 0x00000902)            # BAR 2, 512 MiB
    # PTM (7.9.15), requester.
    s.ext(0x1D8, 0x001F, 1, 0x1E8)
    s.u32(0x1DC, 0x00000A01)            # Requester, granularity 10 ns
    s.u32(0x1E0, 0x00000001)            # Enabled
    # Vendor-Specific Extended (7.9.5).
    s.ext(0x1E8, 0x000B, 1, 0x200)
    s.u32(0x1EC, 0x01010001)            # ID 1, Rev 1, Length 0x010
    s.u32(0x1F0, 0xDEADBEEF)
    # ACS (7.7.11) with an 8-bit egress control vector.
    s.ext(0x200, 0x000D, 1, 0)
    s.u16(0x204, 0x087F)
    s.u16(0x206, 0x001D)
    s.u32(0x208, 0x000000A5)
    return s


def root_port():
    s = Space()
    s.header(0x1B36, 0x7A03, 0x060400, 0x01, 0x40)
    s.pcie(0x40, 0x4)
    # AER with the root registers.
    s.ext(0x100, 0x0001, 2, 0x148)
    s.u32(0x104, 0x00044010)            # DLP, Completion Timeout, Malformed TLP
    s.u32(0x108, 0x00000000)
    s.u32(0x10C, 0x00062030)
    s.u32(0x110, 0x000000C1)            # Receiver Error, Bad TLP, Bad DLLP
    s.u32(0x114, 0x00002000)
    s.u32(0x118, 0x000000A4)            # First Error Pointer 4, ECRC gen and check capable
    for i, v in enumerate((0x04000001, 0x0100000F, 0xFEE00000, 0x00000000)):
        s.u32(0x11C + 4 * i, v)
    s.u32(0x12C, 0x00000007)            # Root Error Command: all three reporting enables
    s.u32(0x130, 0x28000055)            # message 5; ERR_COR, ERR_FATAL/NONFATAL, first fatal, fatal rcvd
    s.u32(0x134, 0x01080010)            # sources: ERR_COR 00:02.0, FATAL/NONFATAL 01:01.0
    # DPC (7.9.14) with RP extensions.
    s.ext(0x148, 0x001D, 1, 0x190)
    s.u16(0x14C, 0x14E4)                # message 4, RPExt, Poisoned, SwTrigger, log 4, DL_Active
    s.u16(0x14E, 0x000D)                # trigger on ERR_FATAL, completion control, interrupt
    s.u16(0x150, 0x1F01)                # triggered, reason 0, first error pointer 0x1F
    s.u16(0x152, 0x0100)                # source 01:00.0
    s.u32(0x158, 0x00070707)            # RP PIO mask
    # ACS without egress control.
    s.ext(0x190, 0x000D, 1, 0x1A0)
    s.u16(0x194, 0x005F)
    s.u16(0x196, 0x001D)
    # PTM root.
    s.ext(0x1A0, 0x001F, 1, 0x1B0)
    s.u32(0x1A4, 0x00000F07)            # Requester, Responder, Root, granularity 15 ns
    s.u32(0x1A8, 0x00000F03)            # Enabled, Root Select, effective granularity 15 ns
    # L1 PM Substates, 100 us scale.
    s.ext(0x1B0, 0x001E, 1, 0x1C4)
    s.u32(0x1B4, 0x000A0A15)            # PCI-PM L1.2, ASPM L1.2, supported; CMRT 10 us; T_POWER_ON 1 x 100 us
    s.u32(0x1B8, 0x20320A05)            # PCI-PM L1.2 + ASPM L1.2 enabled; CMRT 10 us; threshold 50 x 32 ns
    s.u32(0x1BC, 0x00000012)            # T_POWER_ON 2 x 100 us
    # Resizable BAR, one entry, sizes past 128 TiB in Control 31:16.
    s.ext(0x1C4, 0x0015, 1, 0)
    s.u32(0x1C8, 0x80000010)            # 1 MiB and 128 TiB
    s.u32(0x1CC, 0x00010021)            # BAR 1, one entry, 1 MiB; 256 TiB supported
    return s


def low_bits():
    """Reserved low pointer bits set everywhere (PCI 3.0, 6.7; PCIe 6.0, 7.6.3)."""
    s = Space()
    s.header(0x1B36, 0x7A05, 0x020000, 0x00, 0x43)   # pointer 0x43 -> 0x40
    s.pcie(0x40, 0x0, nxt=0x51)                     # -> 0x50
    s.u8(0x50, 0x05)                                # MSI, next 0x62 -> 0x60
    s.u8(0x51, 0x62)
    s.u8(0x60, 0x01)                                # PM, next 0x03 -> 0 (end)
    s.u8(0x61, 0x03)
    s.u16(0x62, 0x0003)
    s.ext(0x100, 0x0003, 1, 0x203)                  # DSN, next 0x203 -> 0x200
    s.u32(0x104, 0x00000001)
    s.ext(0x200, 0x0018, 1, 0x002)                  # LTR, next 0x002 -> 0 (end)
    return s


if __name__ == "__main__":
    endpoint().dump("endpoint.dump", "00:02.0")
    root_port().dump("root_port.dump", "00:03.0")
    low_bits().dump("low_bits.dump", "00:04.0")
