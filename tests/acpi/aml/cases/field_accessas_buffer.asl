// AccessAs (BufferAcc) on SystemMemory units behaves as byte access for memory (read back)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FACCB", 1)
{
    OperationRegion (RGN, SystemMemory, 0x00C00000, 0x8)
    Field (RGN, ByteAcc, NoLock, Preserve)
    {
        AccessAs (BufferAcc),
        BF1, 16,
        AccessAs (ByteAcc),
        BF2, 8
    }
    Method (MAIN, 0)
    {
        BF1 = 0x1234
        BF2 = 0x56
        Return ((BF2 << 16) | BF1)
    }
}
