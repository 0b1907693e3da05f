// A region never written reads zeros (acpiexec's simulated memory; our fake host the same)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FZERO", 1)
{
    OperationRegion (RGN, SystemMemory, 0x00500000, 0x10)
    Field (RGN, DWordAcc, NoLock, Preserve)
    {
        F1, 32,
        F2, 32
    }
    Method (MAIN, 0)
    {
        Return (F1 | F2 | 0x1000)
    }
}
