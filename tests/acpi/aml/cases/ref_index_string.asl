// Index into a string yields the character as an integer
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IDXSTR", 1)
{
    Name (S1, "ACPI")
    Method (MAIN, 0)
    {
        Return (DerefOf (S1[2]))
    }
}
