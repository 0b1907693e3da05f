// Store of a Package into a named Package replaces its contents
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STNPKG", 1)
{
    Name (PKG, Package () {1, 2, 3})
    Method (MAIN, 0)
    {
        PKG = Package () {"a", "b"}
        Return (PKG)
    }
}
