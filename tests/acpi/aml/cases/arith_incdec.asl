// Increment and Decrement, wrap at both ends; the result is stored back
DefinitionBlock ("", "DSDT", 2, "OSDEV", "INCDEC", 1)
{
    Name (A, 0xFFFFFFFFFFFFFFFF)
    Name (B, 0)
    Method (MAIN, 0)
    {
        Local0 = Package (4) {}
        A++
        B--
        Local1 = 41
        Local2 = Increment (Local1)
        Local0[0] = A
        Local0[1] = B
        Local0[2] = Local1
        Local0[3] = Local2
        Return (Local0)
    }
}
