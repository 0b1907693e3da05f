// SystemIO, update rule WriteAsOnes: a 3-bit field in a DWordAcc unit, then the whole dword read back
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IOUwrite", 1)
{
    OperationRegion (PIO, SystemIO, 0x0B40, 0x4)
    Field (PIO, DWordAcc, NoLock, Preserve)
    {
        WHOL, 32
    }
    Field (PIO, DWordAcc, NoLock, WriteAsOnes)
    {
        , 13,
        TRI, 3
    }
    Method (MAIN, 0)
    {
        WHOL = 0x5A5A5A5A
        TRI = 0x5
        Return (WHOL)
    }
}
