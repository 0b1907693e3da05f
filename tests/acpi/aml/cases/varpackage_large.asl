// VarPackage of 300 elements (more than a PackageOp can hold): fill by Index, SizeOf, read the last
DefinitionBlock ("", "DSDT", 2, "OSDEV", "VPKBIG", 1)
{
    Name (N, 300)
    Method (MAIN, 0)
    {
        Local1 = Package (N) {}
        Local0 = 0
        While (Local0 < N)
        {
            Local1[Local0] = Local0 * 3
            Local0++
        }
        Return ((SizeOf (Local1) << 16) | DerefOf (Local1[299]))
    }
}
