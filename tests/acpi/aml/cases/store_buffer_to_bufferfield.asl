// Store of a String and of a short Buffer into a 32-bit buffer field: bytes copied, the rest zeroed
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STBBF", 1)
{
    Name (BUF, Buffer (8) {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF})
    CreateDWordField (BUF, 0, DW0)
    CreateDWordField (BUF, 4, DW1)
    Method (MAIN, 0)
    {
        DW0 = "AB"
        DW1 = Buffer () {0x11}
        Return (BUF)
    }
}
