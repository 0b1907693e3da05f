// A returned buffer is a copy: changing the name afterwards does not change the caller's value
DefinitionBlock ("", "DSDT", 2, "OSDEV", "RETCPY", 1)
{
    Name (B1, Buffer () {1, 2})
    Method (GETB, 0) { Return (B1) }
    Method (MAIN, 0)
    {
        Local1 = GETB ()
        B1[0] = 9
        Return (Local1)
    }
}
