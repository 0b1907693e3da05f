// A NotSerialized method that creates a Name, called twice (ACPICA auto-serialises it, the name is freed on return)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MNAME2", 1)
{
    Method (MKNM, 1)
    {
        Name (TMP, 0)
        TMP = Arg0
        Return (TMP)
    }
    Method (MAIN, 0)
    {
        Return (MKNM (1) + MKNM (2))
    }
}
