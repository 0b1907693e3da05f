// A method calling itself forever ends in a status (ACPICA: method nesting limit)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "RECLIM", 1)
{
//! acpica: error
    Method (FRVR, 1)
    {
        Return (FRVR (Arg0 + 1))
    }
    Method (MAIN, 0)
    {
        Return (FRVR (0))
    }
}
