// An OperationRegion's address is evaluated when it is created; changing the Name later does not move it
DefinitionBlock ("", "DSDT", 2, "OSDEV", "RGNADR", 1)
{
    Name (BASE, 0x00F00000)
    OperationRegion (RG1, SystemMemory, BASE, 4)
    Field (RG1, DWordAcc, NoLock, Preserve) { V1, 32 }
    OperationRegion (RG2, SystemMemory, 0x00F00000, 4)
    Field (RG2, DWordAcc, NoLock, Preserve) { V2, 32 }
    Method (MAIN, 0)
    {
        BASE = 0x00F10000
        V1 = 0x600DF00D
        Return (V2)
    }
}
