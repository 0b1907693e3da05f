// While with Break and Continue: sum of the odd numbers up to 15, and where the loop stopped
DefinitionBlock ("", "DSDT", 2, "OSDEV", "WHILE", 1)
{
    Method (MAIN, 0)
    {
        Local0 = 0
        Local1 = 0
        While (Local0 < 20)
        {
            Local0++
            If ((Local0 & 1) == 0) { Continue }
            If (Local0 > 15) { Break }
            Local1 += Local0
        }
        Return ((Local0 << 16) | Local1)
    }
}
