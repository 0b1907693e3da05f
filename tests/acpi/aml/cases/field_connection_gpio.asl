// GeneralPurposeIo fields with Connection (GpioIo): they are field units and a write reaches the handler
// without error. (The values read back are not compared: acpiexec's GPIO handler is a test stub that
// returns the connection's whole value, unmasked to the field's width.)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FGPIO", 1)
{
    Scope (\_SB)
    {
        Device (GPI0)
        {
            Name (_HID, "OSDV0004")
            OperationRegion (GPOR, GeneralPurposeIo, 0, 0x10)
            Field (GPOR, ByteAcc, NoLock, Preserve)
            {
                Connection (GpioIo (Exclusive, PullUp, 0, 0, IoRestrictionNone, "\\_SB.GPI0", 0, ResourceConsumer, , ) { 2 }),
                PIN2, 1,
                Connection (GpioIo (Exclusive, PullUp, 0, 0, IoRestrictionNone, "\\_SB.GPI0", 0, ResourceConsumer, , ) { 5, 6, 7 }),
                PINS, 3
            }
        }
    }
    Method (MAIN, 0)
    {
        \_SB.GPI0.PIN2 = 1
        \_SB.GPI0.PINS = 5
        Return ((ObjectType (\_SB.GPI0.PINS) << 4) | ObjectType (\_SB.GPI0.PIN2))
    }
}
