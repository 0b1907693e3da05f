// Store of a String into a buffer field copies its bytes, truncated to the field
DefinitionBlock ("", "DSDT", 2, "OSDEV", "BFSTR", 1)
{
    Name (BUF, Buffer (6) {})
    CreateField (BUF, 8, 24, F24)
    Method (MAIN, 0)
    {
        F24 = "ABCDEFG"
        Return (BUF)
    }
}
