// Release of a lower-level mutex while a higher one is held is an error
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MXRORD", 1)
{
//! acpica: error
    Mutex (LOW, 3)
    Mutex (HIGH, 5)
    Method (MAIN, 0)
    {
        Acquire (LOW, 0xFFFF)
        Acquire (HIGH, 0xFFFF)
        Release (LOW)
        Release (HIGH)
        Return (1)
    }
}
