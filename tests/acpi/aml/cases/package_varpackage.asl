// VarPackage with a run-time size; uninitialised elements are returned as such
DefinitionBlock ("", "DSDT", 2, "OSDEV", "VARPKG", 1)
{
    Name (N, 5)
    Method (MAIN, 0)
    {
        Local1 = Package (N) { 1, 2 }
        Return (SizeOf (Local1))
    }
}
