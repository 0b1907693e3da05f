// A package of every data type returned whole
DefinitionBlock ("", "DSDT", 2, "OSDEV", "PKGRET", 1)
{
    Method (MAIN, 0)
    {
        Return (Package () { 0xFFFFFFFF, "str", Buffer () {1, 2, 3}, Package () { 4, Package () {} }, 0 })
    }
}
