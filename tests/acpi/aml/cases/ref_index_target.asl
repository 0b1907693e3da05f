// Index with a target: the reference is stored in a Local and used later
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IDXTGT", 1)
{
    Name (P1, Package () {10, 20, 30})
    Method (MAIN, 0)
    {
        Index (P1, 1, Local1)
        Local1 = 0   // a Local holding the reference is replaced, P1 unchanged
        Index (P1, 2, Local2)
        Store (33, Local2)
        Return (P1)
    }
}
