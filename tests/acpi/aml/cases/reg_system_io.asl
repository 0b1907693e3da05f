// _REG of a device with a SystemIO region runs with Arg0 = 1 (SystemIO), Arg1 = 1 (connect)
// ACPI 6.5 6.5.4: once the SystemIO handler is available OSPM runs _REG (SystemIO, 1); ACPICA does so at
// initialisation for each default space that has ACPICA's default handler (AcpiEvInitializeOpRegions).
// acpiexec replaces those handlers with its own before loading the tables (its Handlers command shows
// them as User), so no _REG runs there: the expected value is the spec's, acpiexec's is checked too.
//! acpiexec-gives: integer 0x0
//! expect: integer 0x11
//! why: acpiexec installs its own SystemIO handler before the tables load, so it never runs this _REG
DefinitionBlock ("", "DSDT", 2, "OSDEV", "REGIO", 1)
{
    Name (REGS, 0)
    Scope (\_SB)
    {
        Device (DEV0)
        {
            Name (_HID, "OSDV0003")
            OperationRegion (IO00, SystemIO, 0x0C80, 0x4)
            Method (_REG, 2) { REGS = (REGS << 8) | (Arg0 << 4) | Arg1 }
        }
    }
    Method (MAIN, 0)
    {
        Return (REGS)
    }
}
