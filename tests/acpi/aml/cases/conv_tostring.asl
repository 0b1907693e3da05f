// ToString of a buffer, with a length limit, stopping at NUL
DefinitionBlock ("", "DSDT", 2, "OSDEV", "TOSTR", 1)
{
    Name (B1, Buffer () {0x41, 0x42, 0x43, 0x00, 0x44})
    Method (MAIN, 0)
    {
        Local0 = Package (3) {}
        Local0[0] = ToString (B1)
        Local0[1] = ToString (B1, 2)
        Local0[2] = ToString (Buffer () {0x61, 0x62}, Ones)
        Return (Local0)
    }
}
