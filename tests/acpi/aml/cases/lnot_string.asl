// LNot and LAnd of String operands convert them to Integers first
DefinitionBlock ("", "DSDT", 2, "OSDEV", "LNOTS", 1)
{
    Name (S0, "0")
    Name (S1, "abc")
    Method (MAIN, 0)
    {
        Local0 = 0
        If (!S0) { Local0 |= 1 }
        If (!S1) { Local0 |= 2 }
        If (S1 && 1) { Local0 |= 4 }
        Return (Local0)
    }
}
