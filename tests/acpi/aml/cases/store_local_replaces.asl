// 19.3.5.8: Store to a Local replaces the object, no conversion
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STLOC", 1)
{
    Method (MAIN, 0)
    {
        Local1 = 5
        Local1 = "now a string"
        Return (Local1)
    }
}
