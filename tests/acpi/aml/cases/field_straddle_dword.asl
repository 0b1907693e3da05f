// A 16-bit DWordAcc field at bit offset 24 straddles two dwords (two read-modify-write accesses)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FSTRAD", 1)
{
    OperationRegion (RGN, SystemMemory, 0x00B00000, 0x8)
    Field (RGN, DWordAcc, NoLock, Preserve)
    {
        , 24,
        STR, 16
    }
    Field (RGN, QWordAcc, NoLock, Preserve)
    {
        ALL, 64
    }
    Method (MAIN, 0)
    {
        ALL = 0x1122334455667788
        STR = 0xABCD
        Return (ALL)
    }
}
