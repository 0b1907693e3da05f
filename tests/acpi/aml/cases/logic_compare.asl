// LEqual, LGreater, LLess, LNot, LAnd, LOr, LNotEqual, LGreaterEqual, LLessEqual: Ones/Zero
DefinitionBlock ("", "DSDT", 2, "OSDEV", "LOGIC", 1)
{
    Name (A, 5)
    Name (B, 7)
    Method (MAIN, 0)
    {
        Local0 = Package (10) {}
        Local0[0] = (A == B)
        Local0[1] = (A < B)
        Local0[2] = (A > B)
        Local0[3] = !A
        Local0[4] = (A && 0)
        Local0[5] = (A || 0)
        Local0[6] = (A != B)
        Local0[7] = (A >= 5)
        Local0[8] = (B <= 6)
        Local0[9] = !0
        Return (Local0)
    }
}
