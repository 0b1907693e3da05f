// A DWordAcc field in a 3-byte region: the access would pass the region's end (AE_AML_REGION_LIMIT)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FSHORT", 1)
{
//! acpica: error
//! iasl: -f
    OperationRegion (RGN, SystemMemory, 0x01000000, 3)
    Field (RGN, DWordAcc, NoLock, Preserve) { F8, 8 }
    Method (MAIN, 0)
    {
        F8 = 1
        Return (F8)
    }
}
