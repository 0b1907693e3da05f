// ShiftLeft/ShiftRight, counts of 0, 63 and >= 64 (result zero)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "SHIFT", 1)
{
    Name (A, 0x8000000000000001)
    Name (C64, 64)
    Method (MAIN, 0)
    {
        Local0 = Package (6) {}
        Local0[0] = A << 1
        Local0[1] = A >> 63
        Local0[2] = A << 0
        Local0[3] = A << C64
        Local0[4] = A >> 200
        ShiftRight (0xF0, 4, Local1)
        Local0[5] = Local1
        Return (Local0)
    }
}
