// A revision-1 DefinitionBlock: ToBuffer of an integer gives 4 bytes, ToHexString 8 digits, a long string truncates to 32 bits
DefinitionBlock ("", "DSDT", 1, "OSDEV", "REV1CNV", 1)
{
    Name (A, 0x12345678)
    Method (MAIN, 0)
    {
        Local0 = Package (3) {}
        Local0[0] = ToBuffer (A)
        Local0[1] = ToHexString (A)
        Local0[2] = ToInteger ("0x123456789A")
        Return (Local0)
    }
}
