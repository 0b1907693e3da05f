// BankField with WordAcc and a bank value above 0xFF written to a 16-bit bank register
DefinitionBlock ("", "DSDT", 2, "OSDEV", "BANKW", 1)
{
    OperationRegion (PIO, SystemIO, 0x0E40, 0x4)
    Field (PIO, WordAcc, NoLock, Preserve)
    {
        BNK, 16,
        DAT, 16
    }
    BankField (PIO, BNK, 0x1234, WordAcc, NoLock, Preserve)
    {
        Offset (2),
        B1, 16
    }
    Method (MAIN, 0)
    {
        B1 = 0xBEEF
        Return ((BNK << 16) | DAT)
    }
}
