// ToInteger of edge strings: empty, bare 0x, leading spaces, trailing junk, more than 16 hex digits
DefinitionBlock ("", "DSDT", 2, "OSDEV", "TOIEDG", 1)
{
    Method (MAIN, 0)
    {
        Local0 = Package (5) {}
        Local0[0] = ToInteger ("")
        Local0[1] = ToInteger ("0x")
        Local0[2] = ToInteger ("  42")
        Local0[3] = ToInteger ("12abc")
        Local0[4] = ToInteger ("0x123456789ABCDEF01")
        Return (Local0)
    }
}
