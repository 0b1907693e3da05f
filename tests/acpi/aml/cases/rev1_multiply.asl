// A revision-1 DefinitionBlock has 32-bit integers (ACPI 6.5 19.6.28): 0xFFFFFFFF * 0xFFFFFFFF keeps the low 32 bits
DefinitionBlock ("", "DSDT", 1, "OSDEV", "REV1", 1)
{
    Name (A, 0xFFFFFFFF)
    Name (H, 0x80000000)
    Method (MAIN, 0)
    {
        Return (A * A)
    }
}
