// A While of 100,000 iterations finishes well within the loop timeout
DefinitionBlock ("", "DSDT", 2, "OSDEV", "WHMANY", 1)
{
    Method (MAIN, 0)
    {
        Local0 = 0
        Local1 = 0
        While (Local0 < 100000)
        {
            Local1 += Local0
            Local0++
        }
        Return (Local1)
    }
}
