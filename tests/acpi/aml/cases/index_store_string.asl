// Store through Index into a String replaces one character
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IDXSST", 1)
{
    Name (S1, "abcd")
    Method (MAIN, 0)
    {
        S1[1] = 0x5A
        Return (S1)
    }
}
