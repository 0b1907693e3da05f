// SizeOf of a string (no NUL), buffer, package, and through a reference
DefinitionBlock ("", "DSDT", 2, "OSDEV", "SIZEOF", 1)
{
    Name (S1, "hello")
    Name (B1, Buffer (17) {})
    Name (P1, Package (9) {})
    Method (MAIN, 0)
    {
        Local0 = Package (4) {}
        Local0[0] = SizeOf (S1)
        Local0[1] = SizeOf (B1)
        Local0[2] = SizeOf (P1)
        Local1 = RefOf (S1)
        Local0[3] = SizeOf (Local1)
        Return (Local0)
    }
}
