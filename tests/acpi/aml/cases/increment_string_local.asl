// Increment of a Local holding a String converts it (hex) and stores the Integer back
DefinitionBlock ("", "DSDT", 2, "OSDEV", "INCSTR", 1)
{
    Method (MAIN, 0)
    {
        Local1 = "1F"
        Local1++
        Return (Local1)
    }
}
