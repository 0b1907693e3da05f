// A math operator's target that is a named String receives the result converted to a String
DefinitionBlock ("", "DSDT", 2, "OSDEV", "TGTSTR", 1)
{
    Name (S1, "xxxx")
    Name (B1, Buffer (3) {})
    Method (MAIN, 0)
    {
        Add (0x10, 0x20, S1)
        Multiply (0x0102, 0x10, B1)
        Return (Concatenate (S1, B1))
    }
}
