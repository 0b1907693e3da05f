// Parent prefixes (^) in names resolve relative to the current scope
DefinitionBlock ("", "DSDT", 2, "OSDEV", "PARENT", 1)
{
    Scope (\_SB)
    {
        Name (VAL, 0x11)
        Device (DEV1)
        {
            Name (VAL, 0x22)
            Device (DEV2)
            {
                Name (VAL, 0x33)
                Method (GET, 0) { Return ((^^VAL << 16) | (^VAL << 8) | VAL) }
            }
        }
    }
    Method (MAIN, 0)
    {
        Return (\_SB.DEV1.DEV2.GET ())
    }
}
