// ToInteger of decimal/hex strings, buffers (little-endian, first 8 bytes), integers
DefinitionBlock ("", "DSDT", 2, "OSDEV", "TOINT", 1)
{
    Name (S1, "12345")
    Name (S2, "0x1F")
    Name (B1, Buffer () {0x78, 0x56, 0x34, 0x12, 0xF0, 0xDE, 0xBC, 0x9A, 0xFF})
    Method (MAIN, 0)
    {
        Local0 = Package (5) {}
        Local0[0] = ToInteger (S1)
        Local0[1] = ToInteger (S2)
        Local0[2] = ToInteger (B1)
        Local0[3] = ToInteger (0x42)
        ToInteger (Buffer () {1, 2}, Local1)
        Local0[4] = Local1
        Return (Local0)
    }
}
