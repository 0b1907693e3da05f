// Buffer whose initialiser is longer than the size: the initialiser's length wins
DefinitionBlock ("", "DSDT", 2, "OSDEV", "BUFSML", 1)
{
    Name (N, 1)
    Method (MAIN, 0)
    {
        Local1 = Buffer (N) {1, 2, 3}
        Return (SizeOf (Local1))
    }
}
