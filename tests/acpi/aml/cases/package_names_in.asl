// A package element that names an object (resolved to the object's value when read)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "PKGNAM", 1)
{
    Name (I1, 0x77)
    Name (P1, Package () { I1, 5 })
    Method (MAIN, 0)
    {
        Return (P1)
    }
}
