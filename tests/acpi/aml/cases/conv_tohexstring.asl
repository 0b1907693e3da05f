// ToHexString of an integer and a buffer
DefinitionBlock ("", "DSDT", 2, "OSDEV", "TOHEX", 1)
{
    Name (I1, 0xABCDEF)
    Name (B1, Buffer () {0x01, 0xAB, 0x20})
    Method (MAIN, 0)
    {
        Local0 = Package (2) {}
        Local0[0] = ToHexString (I1)
        Local0[1] = ToHexString (B1)
        Return (Local0)
    }
}
