// LEqual/LLess/LGreater on buffers of different lengths and contents
DefinitionBlock ("", "DSDT", 2, "OSDEV", "BUFCMP", 1)
{
    Name (B1, Buffer () {1, 2, 3})
    Name (B2, Buffer () {1, 2, 4})
    Name (B3, Buffer () {1, 2})
    Method (MAIN, 0)
    {
        Local0 = 0
        If (B1 < B2) { Local0 |= 1 }
        If (B3 < B1) { Local0 |= 2 }
        If (B1 != B3) { Local0 |= 4 }
        If (!(B2 < B1)) { Local0 |= 8 }
        Return (Local0)
    }
}
