// FromBCD of a value with a non-decimal nibble is an error (AE_AML_NUMERIC_OVERFLOW)
//! acpica: error
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FBCDIN", 1)
{
    Name (B1, 0x1A)
    Method (MAIN, 0)
    {
        Return (FromBCD (B1))
    }
}
