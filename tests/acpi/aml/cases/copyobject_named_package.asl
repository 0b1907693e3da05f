// CopyObject of an Integer over a named Package changes its type
//! iasl: -f
DefinitionBlock ("", "DSDT", 2, "OSDEV", "CPYPKG", 1)
{
    Name (PKG, Package () {1, 2, 3})
    Method (MAIN, 0)
    {
        CopyObject (0x42, PKG)
        Return ((ObjectType (PKG) << 8) | PKG)
    }
}
