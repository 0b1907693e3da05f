// ToBuffer of an integer (8 bytes), a string (with its NUL), a buffer
DefinitionBlock ("", "DSDT", 2, "OSDEV", "TOBUF", 1)
{
    Name (I1, 0x0102030405060708)
    Name (S1, "AB")
    Method (MAIN, 0)
    {
        Local0 = Package (3) {}
        Local0[0] = ToBuffer (I1)
        Local0[1] = ToBuffer (S1)
        ToBuffer (Buffer () {9}, Local1)
        Local0[2] = Local1
        Return (Local0)
    }
}
