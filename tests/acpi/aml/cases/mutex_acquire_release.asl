// Acquire returns Zero when it gets the mutex, Release; nested Acquire by the same owner
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MUTEX", 1)
{
    Mutex (MX1, 0)
    Method (MAIN, 0)
    {
        Local0 = Acquire (MX1, 0xFFFF)
        Local1 = Acquire (MX1, 0)
        Release (MX1)
        Release (MX1)
        Local2 = Acquire (MX1, 100)
        Release (MX1)
        Return ((Local0 << 8) | (Local1 << 4) | Local2)
    }
}
