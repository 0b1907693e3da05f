// DSDT + SSDT: the SSDT defines a name the DSDT already has: the DSDT's value stays (AE_ALREADY_EXISTS in
// ACPICA's load), and the SSDT's next name is still created
//! tables: ssdt_redefines.asl
DefinitionBlock ("", "DSDT", 2, "OSDEV", "SSDTDUP", 1)
{
    External (\AFTR, IntObj)
    Name (DVAL, 0x40)
    Method (MAIN, 0)
    {
        Return ((DVAL << 8) | \AFTR)
    }
}
