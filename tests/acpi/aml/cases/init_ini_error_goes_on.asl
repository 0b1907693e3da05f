// An _INI that fails (divide by zero) does not stop the initialisation of the next devices
DefinitionBlock ("", "DSDT", 2, "OSDEV", "INIERR", 1)
{
    Name (RAN, 0)
    Name (ZR0_, 0)
    Scope (\_SB)
    {
        Device (BAD) { Method (_INI) { Local0 = 1 / ZR0_  RAN |= 1 } }
        Device (GOOD) { Method (_INI) { RAN |= 2 } }
    }
    Method (MAIN, 0)
    {
        Return (RAN)
    }
}
