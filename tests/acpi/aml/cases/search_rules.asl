// Single-segment names search upward through the parent scopes (ACPI 6.5 5.3); multi-segment names do not
DefinitionBlock ("", "DSDT", 2, "OSDEV", "SEARCH", 1)
{
    Name (TOP, 1)
    Scope (\_SB)
    {
        Name (MDL_, 2)
        Device (DEV1)
        {
            Method (GET, 0)
            {
                Return ((TOP << 8) | MDL_)
            }
        }
    }
    Method (MAIN, 0)
    {
        Local0 = \_SB.DEV1.GET ()
        Local1 = CondRefOf (\_SB.DEV1.MDL_)
        Return ((Local0 << 4) | (Local1 & 1))
    }
}
