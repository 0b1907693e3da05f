// IndexField with WordAcc: a 16-bit unit at index offset 2; index register values
DefinitionBlock ("", "DSDT", 2, "OSDEV", "INDEXW", 1)
{
    OperationRegion (PIO, SystemIO, 0x0D10, 0x4)
    Field (PIO, WordAcc, NoLock, Preserve)
    {
        IDX, 16,
        DAT, 16
    }
    IndexField (IDX, DAT, WordAcc, NoLock, Preserve)
    {
        Offset (2),
        W1, 16,
        W2, 4
    }
    Method (MAIN, 0)
    {
        W1 = 0x1234
        Local1 = IDX
        Local2 = DAT
        W2 = 0x5
        Local3 = IDX
        Return ((Local1 << 48) | (Local2 << 32) | (Local3 << 16) | DAT)
    }
}
