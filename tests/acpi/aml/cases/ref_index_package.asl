// Index into a package: DerefOf reads, Store writes the element
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IDXPKG", 1)
{
    Name (P1, Package () {1, 2, 3, "four"})
    Method (MAIN, 0)
    {
        Local0 = Package (3) {}
        Local0[0] = DerefOf (Index (P1, 1))
        Store (0x55, Index (P1, 2))
        Local0[1] = DerefOf (P1[2])
        Local0[2] = DerefOf (P1[3])
        Return (Local0)
    }
}
