// Concatenate(Integer, String): the result takes the first operand's type (buffer of 8+ bytes)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STRCI", 1)
{
    Name (I1, 0x41)
    Method (MAIN, 0)
    {
        Return (Concatenate (I1, "B"))
    }
}
