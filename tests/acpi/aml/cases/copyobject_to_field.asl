// CopyObject into a field unit writes the field (it is not replaced)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "CPYFLD", 1)
{
    OperationRegion (RGN, SystemMemory, 0x00E00000, 0x4)
    Field (RGN, ByteAcc, NoLock, Preserve) { F8, 8 }
    Method (MAIN, 0)
    {
        CopyObject (0x1AB, F8)
        Return ((ObjectType (F8) << 8) | F8)
    }
}
