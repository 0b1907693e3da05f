// ConcatenateResTemplate with an empty template (end tag only)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "CRTE", 1)
{
    Name (R1, ResourceTemplate () { })
    Name (R2, ResourceTemplate () { Memory32Fixed (ReadWrite, 0xFED00000, 0x400) })
    Method (MAIN, 0)
    {
        ConcatenateResTemplate (R1, R2, Local1)
        Return (Local1)
    }
}
