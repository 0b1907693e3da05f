// Fatal is reported to the host; what follows runs (ACPICA's host continues)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FATAL", 1)
{
    Method (MAIN, 0)
    {
        Fatal (0x01, 0x12345678, 0x9ABC)
        Return (0xFA7A1)
    }
}
