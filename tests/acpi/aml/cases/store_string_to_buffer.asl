// 19.3.5.8: Store of a String into a named Buffer copies bytes, keeps the size
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STS2B", 1)
{
    Name (B1, Buffer (6) {1, 2, 3, 4, 5, 6})
    Name (B2, Buffer (2) {1, 2})
    Method (MAIN, 0)
    {
        Local0 = Package (2) {}
        B1 = "AB"
        B2 = "ABCDE"
        Local0[0] = B1
        Local0[1] = B2
        Return (Local0)
    }
}
