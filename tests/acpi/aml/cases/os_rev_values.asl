// \_OS and \_REV: the values Linux (and ACPICA) use
DefinitionBlock ("", "DSDT", 2, "OSDEV", "OSREV", 1)
{
    Method (MAIN, 0)
    {
        Return (Concatenate (\_OS, ToHexString (\_REV)))
    }
}
