// A method with no Return called for a value: the caller gets an error or nothing
DefinitionBlock ("", "DSDT", 2, "OSDEV", "METHNR", 1)
{
    Method (NONE, 0) { Local0 = 1 }
    Method (MAIN, 0)
    {
        NONE ()
        Return (0x5A)
    }
}
