// Name inside a method body is a temporary object of that invocation
DefinitionBlock ("", "DSDT", 2, "OSDEV", "METHNL", 1)
{
    Method (M1, 1, Serialized)
    {
        Name (TMP, 0)
        TMP = Arg0 + 1
        Return (TMP)
    }
    Method (MAIN, 0)
    {
        Return ((M1 (1) << 8) | M1 (5))
    }
}
