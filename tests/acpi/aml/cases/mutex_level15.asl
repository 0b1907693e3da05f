// A mutex of SyncLevel 15 acquired last, after one of level 0
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MX15", 1)
{
    Mutex (M0, 0)
    Mutex (M15, 15)
    Method (MAIN, 0)
    {
        Local0 = Acquire (M0, 0xFFFF)
        Local1 = Acquire (M15, 0xFFFF)
        Release (M15)
        Release (M0)
        Return ((Local0 << 4) | Local1 | 0x100)
    }
}
