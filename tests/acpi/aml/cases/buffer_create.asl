// Buffer with a run-time size larger than its initialiser is zero-padded
DefinitionBlock ("", "DSDT", 2, "OSDEV", "BUFNEW", 1)
{
    Name (N, 6)
    Method (MAIN, 0)
    {
        Local1 = Buffer (N) {1, 2}
        Return (Local1)
    }
}
