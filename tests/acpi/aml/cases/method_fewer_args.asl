// A method called with all its declared arguments after one with none: argument counts are per method
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FEWARG", 1)
{
    Method (ZR0_, 0) { Return (0x10) }
    Method (TWO, 2) { Return (Arg0 + Arg1) }
    Method (MAIN, 0)
    {
        Return (ZR0_ () + TWO (1, 2))
    }
}
