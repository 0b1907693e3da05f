// Store of a package into a Local: then changing the Local's element; the named package and the Local are both returned
DefinitionBlock ("", "DSDT", 2, "OSDEV", "PKGCPY", 1)
{
    Name (P1, Package () {1, 2, 3})
    Method (MAIN, 0)
    {
        Local0 = Package (2) {}
        Local1 = P1
        Local1[0] = 100
        Local0[0] = P1
        Local0[1] = Local1
        Return (Local0)
    }
}
