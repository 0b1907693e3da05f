// Logical comparisons of strings and buffers (lexicographic, then length)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STRCMP", 1)
{
    Name (S1, "abc")
    Name (S2, "abd")
    Name (S3, "ab")
    Name (B1, Buffer () {1, 2, 3})
    Name (B2, Buffer () {1, 2})
    Method (MAIN, 0)
    {
        Local0 = Package (7) {}
        Local0[0] = (S1 < S2)
        Local0[1] = (S1 == "abc")
        Local0[2] = (S3 < S1)
        Local0[3] = (S1 > S3)
        Local0[4] = (B1 > B2)
        Local0[5] = (B1 == Buffer () {1, 2, 3})
        Local0[6] = (S1 != S2)
        Return (Local0)
    }
}
