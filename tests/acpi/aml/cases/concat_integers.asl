// Concatenate (Integer, Integer) gives a 16-byte buffer
DefinitionBlock ("", "DSDT", 2, "OSDEV", "CATINT", 1)
{
    Name (I1, 0x0102)
    Method (MAIN, 0)
    {
        Return (Concatenate (I1, 0x0304))
    }
}
