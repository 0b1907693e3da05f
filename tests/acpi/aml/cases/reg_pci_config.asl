// _REG of a PCI device with a PCI_Config region: when does ACPICA run it, and with which arguments
// ACPI 6.5 6.5.4: once the PCI_Config handler is available OSPM runs _REG (PCI_Config, 1); ACPICA does so at
// initialisation for each default space that has ACPICA's default handler (AcpiEvInitializeOpRegions).
// acpiexec replaces those handlers with its own before loading the tables (its Handlers command shows
// them as User), so no _REG runs there: the expected value is the spec's, acpiexec's is checked too.
//! acpiexec-gives: integer 0x0
//! expect: integer 0x21
//! why: acpiexec installs its own PCI_Config handler before the tables load, so it never runs this _REG
DefinitionBlock ("", "DSDT", 2, "OSDEV", "REGPCI", 1)
{
    Name (REGS, 0)
    Scope (\_SB)
    {
        Device (PCI0)
        {
            Name (_HID, EisaId ("PNP0A03"))
            Name (_ADR, 0)
            Device (DEV0)
            {
                Name (_ADR, 0x00030000)
                OperationRegion (CFG0, PCI_Config, 0x00, 0x100)
                Method (_REG, 2) { REGS = (REGS << 8) | (Arg0 << 4) | Arg1 }
            }
        }
    }
    Method (MAIN, 0)
    {
        Return (REGS)
    }
}
