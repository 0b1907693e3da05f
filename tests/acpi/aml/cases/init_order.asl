// Namespace initialisation (ACPI 6.5 6.5.1): \_SB._INI first, then _STA/_INI of devices parent before child; each _INI appends a digit
DefinitionBlock ("", "DSDT", 2, "OSDEV", "INIORD", 1)
{
    Name (ORD, 0)
    Method (LOG, 1) { ORD = (ORD * 16) + Arg0 }
    Scope (\_SB)
    {
        Method (_INI) { LOG (1) }
        Device (DEVA)
        {
            Method (_INI) { LOG (2) }
            Device (DEVB) { Method (_INI) { LOG (3) } }
        }
        Device (DEVC) { Method (_INI) { LOG (4) } }
    }
    Method (MAIN, 0)
    {
        Return (ORD)
    }
}
