// ConcatenateResTemplate joins two templates with one end tag and a checksum byte
DefinitionBlock ("", "DSDT", 2, "OSDEV", "CRT", 1)
{
    Name (R1, ResourceTemplate () { IO (Decode16, 0x60, 0x60, 0x01, 0x01) })
    Name (R2, ResourceTemplate () { IRQNoFlags () {1} })
    Method (MAIN, 0)
    {
        Return (ConcatenateResTemplate (R1, R2))
    }
}
