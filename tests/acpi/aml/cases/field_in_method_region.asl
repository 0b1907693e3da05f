// An OperationRegion created in a Serialized method with a run-time address
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FMREG", 1)
{
    Name (BASE, 0x00800000)
    Method (RW, 1, Serialized)
    {
        OperationRegion (TMP, SystemMemory, BASE + Arg0, 4)
        Field (TMP, DWordAcc, NoLock, Preserve) { VAL, 32 }
        VAL = 0xC0DE0000 | Arg0
        Return (VAL)
    }
    Method (MAIN, 0)
    {
        Return (RW (0x10))
    }
}
