// Recursion 100 levels deep (below ACPICA's method nesting limit) returns normally
DefinitionBlock ("", "DSDT", 2, "OSDEV", "DEPTH100", 1)
{
    Method (DOWN, 1)
    {
        If (Arg0 == 0) { Return (0) }
        Return (DOWN (Arg0 - 1) + 1)
    }
    Method (MAIN, 0)
    {
        Return (DOWN (100))
    }
}
