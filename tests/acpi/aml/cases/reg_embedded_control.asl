// _REG of an EmbeddedControl region: acpiexec has a handler for the space and runs _REG (Arg0 = 3)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "REGEC", 1)
{
    Name (REGS, 0)
    Scope (\_SB)
    {
        Device (EC0)
        {
            Name (_HID, EisaId ("PNP0C09"))
            OperationRegion (ECOR, EmbeddedControl, 0x00, 0x100)
            Method (_REG, 2) { REGS = (REGS << 8) | (Arg0 << 4) | Arg1 }
        }
    }
    Method (MAIN, 0)
    {
        Return (REGS)
    }
}
