// ToDecimalString of an integer and a buffer
DefinitionBlock ("", "DSDT", 2, "OSDEV", "TODEC", 1)
{
    Name (I1, 1234567890)
    Name (B1, Buffer () {1, 22, 255})
    Method (MAIN, 0)
    {
        Local0 = Package (3) {}
        Local0[0] = ToDecimalString (I1)
        Local0[1] = ToDecimalString (B1)
        Local0[2] = ToDecimalString ("already")
        Return (Local0)
    }
}
