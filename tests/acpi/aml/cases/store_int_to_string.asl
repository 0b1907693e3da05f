// 19.3.5.8: Store of an Integer into a named String converts to a hex string
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STI2S", 1)
{
    Name (S1, "hello world")
    Method (MAIN, 0)
    {
        S1 = 0x1234
        Return (S1)
    }
}
