// Module-level code: a Store at table level changes a name before initialisation
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MODSTO", 1)
{
    Name (VAL, 1)
    VAL = 0x77
    Method (MAIN, 0)
    {
        Return (VAL)
    }
}
