// SizeOf of an Integer: ACPICA gives the integer size in bytes (not an error)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "SZINT", 1)
{
    Name (I1, 5)
    Method (MAIN, 0)
    {
        Return (SizeOf (I1))
    }
}
