// IndexField: each access writes the index register then moves data through the data register
DefinitionBlock ("", "DSDT", 2, "OSDEV", "INDEXF", 1)
{
    OperationRegion (PIO, SystemIO, 0x0D00, 0x2)
    Field (PIO, ByteAcc, NoLock, Preserve)
    {
        IDX, 8,
        DAT, 8
    }
    IndexField (IDX, DAT, ByteAcc, NoLock, Preserve)
    {
        R0, 8,
        R1, 8,
        Offset (0x10),
        R10, 8
    }
    Method (MAIN, 0)
    {
        R0 = 0xAA
        Local1 = IDX
        R10 = 0xBB
        Local2 = IDX
        Local3 = DAT
        Return ((Local1 << 16) | (Local2 << 8) | Local3)
    }
}
