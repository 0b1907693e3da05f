// DSDT + SSDT: the SSDT opens a Scope on a DSDT device and adds names; the DSDT's method refers to a name only
// the SSDT defines (External), and calls a method the SSDT added
//! tables: ssdt_scope_into_dsdt.asl
DefinitionBlock ("", "DSDT", 2, "OSDEV", "SSDTCASE", 1)
{
    External (\SVAL, IntObj)
    External (\_SB.DEV0.GETV, MethodObj)
    External (\_SB.DEV0.FROM, IntObj)
    Name (DVAL, 0x40)
    Scope (\_SB) { Device (DEV0) { Name (_HID, "OSDV0006") } }
    Method (MAIN, 0)
    {
        Return ((\SVAL << 16) | (\_SB.DEV0.FROM << 8) | \_SB.DEV0.GETV ())
    }
}
