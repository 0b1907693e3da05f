// DSDT + two SSDTs: the second SSDT's module-level code sees the first's names (tables load in order)
//! tables: ssdt_scope_into_dsdt.asl ssdt_order_second.asl
DefinitionBlock ("", "DSDT", 2, "OSDEV", "SSDTORD", 1)
{
    External (\SEEN, IntObj)
    Name (DVAL, 0x40)
    Scope (\_SB) { Device (DEV0) { Name (_HID, "OSDV0006") } }
    Method (MAIN, 0)
    {
        Return (\SEEN)
    }
}
