// Acquire in ascending SyncLevel order and release in reverse is allowed
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MXASC", 1)
{
    Mutex (LOW, 3)
    Mutex (HIGH, 5)
    Method (MAIN, 0)
    {
        Local0 = Acquire (LOW, 0xFFFF)
        Local1 = Acquire (HIGH, 0xFFFF)
        Release (HIGH)
        Release (LOW)
        Return (Local0 | Local1 | 0x100)
    }
}
