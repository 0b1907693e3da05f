// Acquire of a mutex with a lower SyncLevel than one held is an error (ACPI 6.5 19.6.86)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MXORD", 1)
{
//! acpica: error
    Mutex (HIGH, 5)
    Mutex (LOW, 3)
    Method (MAIN, 0)
    {
        Acquire (HIGH, 0xFFFF)
        Acquire (LOW, 0xFFFF)
        Release (LOW)
        Release (HIGH)
        Return (1)
    }
}
