// 19.3.5: Concatenate(Buffer, Integer) appends the integer's 8 bytes
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IMPI2B", 1)
{
    Name (B1, Buffer () {0xAA})
    Name (I1, 0x1122)
    Method (MAIN, 0)
    {
        Return (Concatenate (B1, I1))
    }
}
