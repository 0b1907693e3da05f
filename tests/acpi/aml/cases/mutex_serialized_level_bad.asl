// A Serialized method of SyncLevel 4 acquiring a level-2 mutex is an error
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MXSERB", 1)
{
//! acpica: error
    Mutex (M2, 2)
    Method (S4, 0, Serialized, 4)
    {
        Acquire (M2, 0xFFFF)
        Release (M2)
        Return (1)
    }
    Method (MAIN, 0)
    {
        Return (S4 ())
    }
}
