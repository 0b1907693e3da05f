// BankField: access selects the bank by writing the bank register first
DefinitionBlock ("", "DSDT", 2, "OSDEV", "BANKF", 1)
{
    OperationRegion (PIO, SystemIO, 0x0E00, 0x4)
    Field (PIO, ByteAcc, NoLock, Preserve)
    {
        BNK, 8,
        DAT, 8
    }
    BankField (PIO, BNK, 2, ByteAcc, NoLock, Preserve)
    {
        Offset (1),
        B2, 8
    }
    BankField (PIO, BNK, 3, ByteAcc, NoLock, Preserve)
    {
        Offset (1),
        B3, 8
    }
    Method (MAIN, 0)
    {
        B2 = 0x22
        Local1 = BNK
        B3 = 0x33
        Local2 = BNK
        Local3 = DAT
        Return ((Local1 << 16) | (Local2 << 8) | Local3)
    }
}
