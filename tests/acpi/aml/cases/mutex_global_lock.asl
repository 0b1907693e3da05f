// Acquire and Release of the global lock \_GL
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MXGL", 1)
{
    Method (MAIN, 0)
    {
        Local0 = Acquire (\_GL, 0xFFFF)
        Release (\_GL)
        Return (Local0 + 0x10)
    }
}
