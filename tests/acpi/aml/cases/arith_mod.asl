// Mod (ACPI 6.5 19.6.87), including Mod by a larger divisor
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MOD", 1)
{
    Name (A, 1000003)
    Method (MAIN, 0)
    {
        Local0 = Package (3) {}
        Local0[0] = A % 97
        Local1 = 5
        Mod (Local1, 7, Local2)
        Local0[1] = Local2
        Local0[2] = Mod (0xFFFFFFFFFFFFFFFF, 0x100000000)
        Return (Local0)
    }
}
