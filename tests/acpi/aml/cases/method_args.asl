// Method with seven arguments; each Arg is distinct
DefinitionBlock ("", "DSDT", 2, "OSDEV", "METHARG", 1)
{
    Method (M7, 7)
    {
        Return (Arg0 + (Arg1 << 4) + (Arg2 << 8) + (Arg3 << 12) + (Arg4 << 16) + (Arg5 << 20) + (Arg6 << 24))
    }
    Method (MAIN, 0)
    {
        Return (M7 (1, 2, 3, 4, 5, 6, 7))
    }
}
