// A device whose _STA says not present and not functional: its _INI and its children's are not run
DefinitionBlock ("", "DSDT", 2, "OSDEV", "INISTA", 1)
{
    Name (RAN, 0)
    Scope (\_SB)
    {
        Device (GONE)
        {
            Method (_STA) { Return (0) }
            Method (_INI) { RAN |= 1 }
            Device (KID) { Method (_INI) { RAN |= 2 } }
        }
        Device (HERE)
        {
            Method (_STA) { Return (0x0F) }
            Method (_INI) { RAN |= 4 }
        }
    }
    Method (MAIN, 0)
    {
        Return (RAN)
    }
}
