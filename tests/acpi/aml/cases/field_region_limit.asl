// A field unit beyond the end of its region is an error when accessed (AE_AML_REGION_LIMIT)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FLIMIT", 1)
{
//! acpica: error
//! iasl: -f
    OperationRegion (RGN, SystemMemory, 0x00600000, 0x2)
    Field (RGN, ByteAcc, NoLock, Preserve)
    {
        F1, 16,
        F2, 8
    }
    Method (MAIN, 0)
    {
        Return (F2)
    }
}
