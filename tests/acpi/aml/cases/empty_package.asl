// An empty package and an empty buffer returned
DefinitionBlock ("", "DSDT", 2, "OSDEV", "EMPTYP", 1)
{
    Method (MAIN, 0)
    {
        Return (Package () { Package () {}, Buffer (0) {} , "" })
    }
}
