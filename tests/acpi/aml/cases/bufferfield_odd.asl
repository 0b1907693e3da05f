// CreateField at odd bit offsets and widths: write then read back, neighbours untouched
DefinitionBlock ("", "DSDT", 2, "OSDEV", "BFODD", 1)
{
    Name (BUF, Buffer (8) {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF})
    CreateField (BUF, 3, 13, F13)
    CreateField (BUF, 17, 5, F5)
    CreateField (BUF, 27, 1, F1)
    CreateField (BUF, 31, 33, F33)
    Method (MAIN, 0)
    {
        F13 = 0
        F5 = 0x15
        F1 = 0
        F33 = 0x0AAAAAAAA
        Local0 = Package (5) {}
        Local0[0] = BUF
        Local0[1] = F13
        Local0[2] = F5
        Local0[3] = F33
        Local0[4] = F1
        Return (Local0)
    }
}
