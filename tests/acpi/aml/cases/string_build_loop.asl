// Concatenate in a loop builds a 200-character string
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STRLOOP", 1)
{
    Method (MAIN, 0)
    {
        Local1 = ""
        Local0 = 0
        While (Local0 < 20)
        {
            Local1 = Concatenate (Local1, "0123456789")
            Local0++
        }
        Return ((SizeOf (Local1) << 8) | DerefOf (Local1[199]))
    }
}
