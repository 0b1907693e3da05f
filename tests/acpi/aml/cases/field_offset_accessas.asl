// Offset() and AccessAs() inside a field list change the position and access width of the next units
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FOFFAS", 1)
{
    OperationRegion (RGN, SystemMemory, 0x00300000, 0x20)
    Field (RGN, ByteAcc, NoLock, Preserve)
    {
        A, 8,
        Offset (4),
        B, 16,
        AccessAs (DWordAcc),
        Offset (8),
        C, 32,
        Offset (0x10),
        AccessAs (ByteAcc),
        D, 4
    }
    Field (RGN, ByteAcc, NoLock, Preserve)
    {
        RAW, 0x90
    }
    Method (MAIN, 0)
    {
        A = 0x11
        B = 0x2233
        C = 0x44556677
        D = 0xF
        Return (RAW)
    }
}
