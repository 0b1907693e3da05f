// The Printf macro (Concatenate of ToHexString pieces stored to Debug) runs, and its pieces as a value
DefinitionBlock ("", "DSDT", 2, "OSDEV", "PRINTF", 1)
{
    Name (I1, 0x2A)
    Method (MAIN, 0)
    {
        Printf ("value %o end", I1)
        Return (Concatenate (Concatenate ("value ", ToHexString (I1)), " end"))
    }
}
