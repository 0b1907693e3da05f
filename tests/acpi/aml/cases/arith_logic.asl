// And, Or, XOr, NAnd, NOr, Not (bitwise)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "BITWISE", 1)
{
    Name (A, 0xF0F0F0F012345678)
    Name (B, 0x0FF00FF0FFFF0000)
    Method (MAIN, 0)
    {
        Local0 = Package (6) {}
        Local0[0] = A & B
        Local0[1] = A | B
        Local0[2] = A ^ B
        Local0[3] = NAnd (A, B)
        Local0[4] = NOr (A, B)
        Local0[5] = ~A
        Return (Local0)
    }
}
