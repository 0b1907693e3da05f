// Store into a byte of a buffer that is an element of a package, through two Index levels
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IDXNST", 1)
{
    Name (PKG, Package () { 1, Buffer () { 0, 0, 0 } })
    Method (MAIN, 0)
    {
        Store (0x77, Index (DerefOf (Index (PKG, 1)), 2))
        Return (DerefOf (PKG[1]))
    }
}
