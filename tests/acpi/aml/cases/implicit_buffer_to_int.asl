// 19.3.5: a Buffer operand of an integer operator converts (little-endian, first 8 bytes)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IMPB2I", 1)
{
    Name (B1, Buffer () {0x01, 0x02})
    Name (B2, Buffer () {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    Method (MAIN, 0)
    {
        Local0 = Package (2) {}
        Local0[0] = B1 + 0
        Local0[1] = B2 | 0
        Return (Local0)
    }
}
