// IndexField with ByteAcc: a 12-bit unit at bit 4 spans two index positions
DefinitionBlock ("", "DSDT", 2, "OSDEV", "INDEXS", 1)
{
    OperationRegion (PIO, SystemIO, 0x0D40, 0x2)
    Field (PIO, ByteAcc, NoLock, Preserve)
    {
        IDX, 8,
        DAT, 8
    }
    IndexField (IDX, DAT, ByteAcc, NoLock, Preserve)
    {
        , 4,
        R12, 12
    }
    Method (MAIN, 0)
    {
        R12 = 0xABC
        Return ((IDX << 8) | DAT)
    }
}
