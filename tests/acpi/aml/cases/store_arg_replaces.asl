// Store to an Arg holding an Integer replaces the value (no conversion) in the callee
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STARG", 1)
{
    Method (M1, 1)
    {
        Arg0 = "s"
        Return (Arg0)
    }
    Method (MAIN, 0)
    {
        Return (M1 (7))
    }
}
