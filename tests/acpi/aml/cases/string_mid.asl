// Mid of a string and a buffer, past the end, and with a zero length
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MID", 1)
{
    Name (S1, "ACPI Machine Language")
    Name (B1, Buffer () {1, 2, 3, 4, 5})
    Method (MAIN, 0)
    {
        Local0 = Package (4) {}
        Local0[0] = Mid (S1, 5, 7)
        Local0[1] = Mid (B1, 3, 10)
        Local0[2] = Mid (S1, 100, 2)
        Mid (B1, 1, 0, Local1)
        Local0[3] = Local1
        Return (Local0)
    }
}
