// Notify to a device, a processor and a thermal zone goes to the host and execution goes on
DefinitionBlock ("", "DSDT", 2, "OSDEV", "NOTIFY", 1)
{
    Device (DEV1) { Name (_HID, "OSDV0001") }
    Processor (CPU0, 0, 0, 0) { }
    ThermalZone (TZ0) { }
    Method (MAIN, 0)
    {
        Notify (DEV1, 0x80)
        Notify (CPU0, 0x81)
        Notify (TZ0, 0x80)
        Notify (\_SB, 0x00)
        Return (0x600D)
    }
}
