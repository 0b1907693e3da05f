// A SystemMemory region above 4 GiB keeps what is written
DefinitionBlock ("", "DSDT", 2, "OSDEV", "RGN4G", 1)
{
    OperationRegion (RGN, SystemMemory, 0x0000000123456000, 0x10)
    Field (RGN, QWordAcc, NoLock, Preserve) { Q0, 64 }
    Method (MAIN, 0)
    {
        Q0 = 0xFEDCBA9876543210
        Return (Q0)
    }
}
