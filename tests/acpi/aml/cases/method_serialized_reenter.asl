// A Serialized method may call itself (the owning thread re-acquires)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "SERREC", 1)
{
    Method (SR, 1, Serialized)
    {
        If (Arg0 == 0) { Return (0) }
        Return (Arg0 + SR (Arg0 - 1))
    }
    Method (MAIN, 0)
    {
        Return (SR (5))
    }
}
