// Recursion: factorial of 10 through nested calls
DefinitionBlock ("", "DSDT", 2, "OSDEV", "METHREC", 1)
{
    Method (FACT, 1)
    {
        If (Arg0 <= 1) { Return (1) }
        Return (Arg0 * FACT (Arg0 - 1))
    }
    Method (MAIN, 0)
    {
        Return (FACT (10))
    }
}
