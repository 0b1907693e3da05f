// _STA present bit clear but functional bit set: _INI is not run, the children are examined (6.5.1)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "INIFUN", 1)
{
    Name (RAN, 0)
    Scope (\_SB)
    {
        Device (FUNC)
        {
            Method (_STA) { Return (0x08) }
            Method (_INI) { RAN |= 1 }
            Device (KID) { Method (_INI) { RAN |= 2 } }
        }
    }
    Method (MAIN, 0)
    {
        Return (RAN)
    }
}
