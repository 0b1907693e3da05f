// Storing a package into an element of another package, then reading through two Index levels
DefinitionBlock ("", "DSDT", 2, "OSDEV", "PKGSTO", 1)
{
    Name (OUT, Package (2) { 0, 0 })
    Method (MAIN, 0)
    {
        OUT[1] = Package () { 7, 8, 9 }
        Return (DerefOf (DerefOf (OUT[1])[2]))
    }
}
