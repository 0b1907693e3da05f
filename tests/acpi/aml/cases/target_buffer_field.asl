// A math operator's target that is a buffer field writes the field
DefinitionBlock ("", "DSDT", 2, "OSDEV", "TGTBF", 1)
{
    Name (BUF, Buffer (4) {0xFF, 0xFF, 0xFF, 0xFF})
    CreateWordField (BUF, 1, WF)
    Method (MAIN, 0)
    {
        Add (0x1200, 0x34, WF)
        Return (BUF)
    }
}
