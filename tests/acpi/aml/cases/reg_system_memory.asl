// _REG of a device with a SystemMemory region (Arg0 space, Arg1 = 1)
// ACPI 6.5 6.5.4: once the SystemMemory handler is available OSPM runs _REG (SystemMemory, 1); ACPICA does so at
// initialisation for each default space that has ACPICA's default handler (AcpiEvInitializeOpRegions).
// acpiexec replaces those handlers with its own before loading the tables (its Handlers command shows
// them as User), so no _REG runs there: the expected value is the spec's, acpiexec's is checked too.
//! acpiexec-gives: integer 0x0
//! expect: integer 0x01
//! why: acpiexec installs its own SystemMemory handler before the tables load, so it never runs this _REG
DefinitionBlock ("", "DSDT", 2, "OSDEV", "REGMEM", 1)
{
    Name (REGS, 0)
    Scope (\_SB)
    {
        Device (DEV0)
        {
            Name (_HID, "OSDV0002")
            OperationRegion (MEM0, SystemMemory, 0x00A00000, 0x10)
            Method (_REG, 2) { REGS = (REGS << 8) | (Arg0 << 4) | Arg1 }
        }
    }
    Method (MAIN, 0)
    {
        Return (REGS)
    }
}
