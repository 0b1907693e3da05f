// CopyObject into a Local makes a copy: later changes of the source do not show
DefinitionBlock ("", "DSDT", 2, "OSDEV", "CPYMTH", 1)
{
    Name (B1, Buffer () {1, 2, 3})
    Method (MAIN, 0)
    {
        CopyObject (B1, Local1)
        B1[0] = 9
        Return (Concatenate (Local1, B1))
    }
}
