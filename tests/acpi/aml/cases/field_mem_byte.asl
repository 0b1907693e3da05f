// SystemMemory field with ByteAcc, Preserve: sub-byte and straddling units packed LSB-first, read back whole through a QWordAcc overlay
DefinitionBlock ("", "DSDT", 2, "OSDEV", "Fbyte", 1)
{
    OperationRegion (RGN, SystemMemory, 0x00100000, 0x10)
    Field (RGN, ByteAcc, NoLock, Preserve)
    {
        F1, 3,
        F2, 7,
        F3, 13,
        F4, 9,
        F5, 16,
        F6, 16
    }
    Field (RGN, QWordAcc, NoLock, Preserve)
    {
        ALL, 64
    }
    Method (MAIN, 0)
    {
        F1 = 5
        F2 = 0x55
        F3 = 0x1ABC
        F4 = 0x1FF
        F5 = 0xBEEF
        F6 = 0x1234
        Local0 = Package (7) {}
        Local0[0] = ALL
        Local0[1] = F1
        Local0[2] = F2
        Local0[3] = F3
        Local0[4] = F4
        Local0[5] = F5
        Local0[6] = F6
        Return (Local0)
    }
}
