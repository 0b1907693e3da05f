// A revision-1 DefinitionBlock has 32-bit integers (ACPI 6.5 19.6.28): 0xFFFFFFFF + 1 wraps to 0
DefinitionBlock ("", "DSDT", 1, "OSDEV", "REV1", 1)
{
    Name (A, 0xFFFFFFFF)
    Name (H, 0x80000000)
    Method (MAIN, 0)
    {
        Return (A + 1)
    }
}
