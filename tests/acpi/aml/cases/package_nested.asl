// Nested packages: read an element of an inner package, SizeOf at each level
DefinitionBlock ("", "DSDT", 2, "OSDEV", "PKGNST", 1)
{
    Name (P1, Package () { 1, Package () { 2, Package () { 3, "deep" } }, Buffer () {4} })
    Method (MAIN, 0)
    {
        Local0 = Package (4) {}
        Local1 = DerefOf (P1[1])
        Local2 = DerefOf (Local1[1])
        Local0[0] = DerefOf (Local2[1])
        Local0[1] = SizeOf (P1)
        Local0[2] = SizeOf (Local1)
        Local0[3] = DerefOf (DerefOf (P1[2])[0])
        Return (Local0)
    }
}
