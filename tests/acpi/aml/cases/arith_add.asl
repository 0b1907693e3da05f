// Add, Subtract, Multiply on 64-bit integers with wrap-around
DefinitionBlock ("", "DSDT", 2, "OSDEV", "ARITH_AD", 1)
{
    Name (A, 0xFFFFFFFFFFFFFFF0)
    Name (B, 0x20)
    Method (MAIN, 0)
    {
        Local0 = Package (4) {}
        Local0[0] = A + B
        Local0[1] = B - A
        Local0[2] = A * B
        Add (A, 0x10, Local1)
        Local0[3] = Local1
        Return (Local0)
    }
}
