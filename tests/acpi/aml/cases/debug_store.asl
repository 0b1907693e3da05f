// Stores to the Debug object (integer, string, package) do not disturb execution; Noop is a no-op (BreakPoint is not compared: acpiexec stops in its debugger at it)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "DEBUG", 1)
{
    Method (MAIN, 0)
    {
        Debug = 0x1234
        Debug = "a debug string"
        Debug = Package () {1, "two"}
        Store (Buffer () {1, 2}, Debug)
        Noop
        Return (0xDEB6)
    }
}
