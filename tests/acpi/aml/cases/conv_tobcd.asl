// ToBCD and FromBCD
DefinitionBlock ("", "DSDT", 2, "OSDEV", "TOBCD", 1)
{
    Name (I1, 1234)
    Name (B1, 0x5678)
    Method (MAIN, 0)
    {
        Local0 = Package (3) {}
        Local0[0] = ToBCD (I1)
        Local0[1] = FromBCD (B1)
        ToBCD (99999999, Local1)
        Local0[2] = Local1
        Return (Local0)
    }
}
