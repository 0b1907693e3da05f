// Return from inside nested While and If in a called method unwinds the loops
DefinitionBlock ("", "DSDT", 2, "OSDEV", "RETLP", 1)
{
    Method (FIND, 1)
    {
        Local0 = 0
        While (Local0 < 10)
        {
            Local1 = 0
            While (Local1 < 10)
            {
                If ((Local0 * 10 + Local1) == Arg0) { Return ((Local0 << 4) | Local1) }
                Local1++
            }
            Local0++
        }
        Return (Ones)
    }
    Method (MAIN, 0)
    {
        Return ((FIND (57) << 8) | FIND (3))
    }
}
