// 19.3.5.8: Store of an Integer into a named Buffer keeps the buffer's size, zero-filled
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STI2B", 1)
{
    Name (B1, Buffer (4) {0xFF, 0xFF, 0xFF, 0xFF})
    Name (B2, Buffer (12) {})
    Method (MAIN, 0)
    {
        Local0 = Package (2) {}
        B1 = 0x0102
        B2 = 0x0102030405060708
        Local0[0] = B1
        Local0[1] = B2
        Return (Local0)
    }
}
