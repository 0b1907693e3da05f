// CreateDWordField in a method on a Local buffer with a computed index (a _CRS-style update)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "BFRUN", 1)
{
    Name (RES, ResourceTemplate () { Memory32Fixed (ReadWrite, 0, 0) })
    Method (MAIN, 0)
    {
        CreateDWordField (RES, 4, BAS)  // Memory32Fixed: base at byte 4
        CreateDWordField (RES, 8, LEN)
        BAS = 0xFED40000
        LEN = 0x5000
        Return (RES)
    }
}
