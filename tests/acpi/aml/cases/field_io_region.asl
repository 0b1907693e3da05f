// SystemIO region fields: byte, word and dword ports read back what was written
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FIO", 1)
{
    OperationRegion (PIO, SystemIO, 0x0C00, 0x10)
    Field (PIO, ByteAcc, NoLock, Preserve)
    {
        P0, 8,
        P1, 8,
        Offset (4),
        P4, 16
    }
    Field (PIO, DWordAcc, NoLock, Preserve)
    {
        Offset (8),
        P8, 32
    }
    Method (MAIN, 0)
    {
        P0 = 0x12
        P1 = 0x34
        P4 = 0x5678
        P8 = 0x9ABCDEF0
        Local0 = Package (4) {}
        Local0[0] = P0
        Local0[1] = P1
        Local0[2] = P4
        Local0[3] = P8
        Return (Local0)
    }
}
