// 19.3.5: a String operand of an integer operator converts (hex digits, stops at a non-hex char)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IMPS2I", 1)
{
    Name (S1, "1A")
    Name (S2, "10xyz")
    Method (MAIN, 0)
    {
        Local0 = Package (3) {}
        Local0[0] = S1 + 1
        Local0[1] = S2 + 0
        Local0[2] = 3 * "4"
        Return (Local0)
    }
}
