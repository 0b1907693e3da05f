// ToDecimalString, ToHexString and ToBuffer of zero and of empty operands
DefinitionBlock ("", "DSDT", 2, "OSDEV", "ZEROS", 1)
{
    Name (Z, 0)
    Method (MAIN, 0)
    {
        Local0 = Package (4) {}
        Local0[0] = ToDecimalString (Z)
        Local0[1] = ToHexString (Z)
        Local0[2] = ToBuffer ("")
        Local0[3] = ToString (Buffer () {0x41, 0x42})
        Return (Local0)
    }
}
