// DataTableRegion over this DSDT: its signature and revision fields
DefinitionBlock ("", "DSDT", 2, "OSDEV", "DTREG", 1)
{
    DataTableRegion (DTR, "DSDT", "", "")
    Field (DTR, AnyAcc, NoLock, Preserve)
    {
        SIG, 32,
        LEN, 32,
        REV, 8
    }
    Method (MAIN, 0)
    {
        Return ((SIG << 8) | REV)
    }
}
