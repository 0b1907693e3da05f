// CreateField beyond the end of its buffer is an error (AE_AML_BUFFER_LIMIT)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "BFOOR", 1)
{
//! acpica: error
    Name (BUF, Buffer (4) {})
    Name (OFS, 30)
    Method (MAIN, 0, Serialized)
    {
        CreateField (BUF, OFS, 8, BAD)
        BAD = 1
        Return (1)
    }
}
