// 19.3.5.8: Store of a Buffer into a named String
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STB2S", 1)
{
    Name (S1, "xxxxxxxx")
    Method (MAIN, 0)
    {
        S1 = Buffer () {0x41, 0x42, 0x43}
        Return (S1)
    }
}
