// Index past the end of a buffer is an error (AE_AML_BUFFER_LIMIT)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IDXBL", 1)
{
//! acpica: error
    Name (B1, Buffer (2) {})
    Name (N, 2)
    Method (MAIN, 0)
    {
        Return (DerefOf (B1[N]))
    }
}
