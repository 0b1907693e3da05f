// 19.3.5: Concatenate(String, Integer) converts the integer to a hex string
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IMPI2S", 1)
{
    Name (S1, "x=")
    Name (I1, 0x1F)
    Method (MAIN, 0)
    {
        Return (Concatenate (S1, I1))
    }
}
