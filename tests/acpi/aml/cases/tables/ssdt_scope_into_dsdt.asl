// SSDT for ssdt_*.asl cases: adds to a DSDT device, refers to a DSDT name, defines a name the DSDT uses
DefinitionBlock ("", "SSDT", 2, "OSDEV", "SSDTA", 1)
{
    External (\_SB.DEV0, DeviceObj)
    External (\DVAL, IntObj)
    Scope (\_SB.DEV0)
    {
        Name (FROM, 0x55)
        Method (GETV, 0) { Return (\DVAL + 1) }
    }
    Name (\SVAL, 0x77)
}
