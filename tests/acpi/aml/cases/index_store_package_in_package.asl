// Store of a Package into an element through Index, then replace one of its elements through two Index levels
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IDXPP", 1)
{
    Name (OUT, Package (2) {})
    Method (MAIN, 0)
    {
        OUT[0] = Package () {1, 2}
        Store (0x33, Index (DerefOf (Index (OUT, 0)), 1))
        Return (OUT)
    }
}
