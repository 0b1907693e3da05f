// A Serialized method of SyncLevel 4 may acquire a mutex of level 6, not one of level 2
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MXSER", 1)
{
    Mutex (M6, 6)
    Method (S4, 0, Serialized, 4)
    {
        Local0 = Acquire (M6, 0xFFFF)
        Release (M6)
        Return (Local0 + 7)
    }
    Method (MAIN, 0)
    {
        Return (S4 ())
    }
}
