// FindSetLeftBit / FindSetRightBit: one-based bit numbers, 0 for zero
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FINDBIT", 1)
{
    Name (A, 0x0000100000000800)
    Name (Z, 0)
    Name (H, 0x8000000000000000)
    Method (MAIN, 0)
    {
        Local0 = Package (6) {}
        Local0[0] = FindSetLeftBit (A)
        Local0[1] = FindSetRightBit (A)
        Local0[2] = FindSetLeftBit (Z)
        Local0[3] = FindSetRightBit (Z)
        FindSetLeftBit (H, Local1)
        Local0[4] = Local1
        Local0[5] = FindSetRightBit (1)
        Return (Local0)
    }
}
