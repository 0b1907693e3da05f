// A package passed as an argument: the callee's Index store changes the caller's package (packages are passed by reference)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "PKGARG", 1)
{
    Name (PKG, Package () { 1, 2, 3 })
    Method (SETP, 1) { Arg0[0] = 0x99 }
    Method (MAIN, 0)
    {
        SETP (PKG)
        Return (DerefOf (PKG[0]))
    }
}
