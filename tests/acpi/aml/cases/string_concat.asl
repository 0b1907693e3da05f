// Concatenate of strings, string+buffer, and buffer+buffer
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STRCAT", 1)
{
    Name (S1, "abc")
    Name (S2, "def")
    Name (B1, Buffer () {1, 2})
    Method (MAIN, 0)
    {
        Local0 = Package (3) {}
        Local0[0] = Concatenate (S1, S2)
        Local0[1] = Concatenate (S1, B1)
        Concatenate (B1, Buffer () {3}, Local1)
        Local0[2] = Local1
        Return (Local0)
    }
}
