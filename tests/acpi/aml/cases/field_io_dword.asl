// SystemIO field with DWordAcc: units of odd widths packed LSB-first, read back through a byte-wide overlay
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FIOdword", 1)
{
    OperationRegion (PIO, SystemIO, 0x0B00, 0x8)
    Field (PIO, DWordAcc, NoLock, Preserve)
    {
        F1, 5,
        F2, 9,
        F3, 12,
        F4, 6
    }
    Field (PIO, ByteAcc, NoLock, Preserve)
    {
        B0, 8, B1, 8, B2, 8, B3, 8
    }
    Method (MAIN, 0)
    {
        F1 = 0x15
        F2 = 0x1AA
        F3 = 0xC3C
        F4 = 0x2D
        Local0 = Package (5) {}
        Local0[0] = (B3 << 24) | (B2 << 16) | (B1 << 8) | B0
        Local0[1] = F1
        Local0[2] = F2
        Local0[3] = F3
        Local0[4] = F4
        Return (Local0)
    }
}
