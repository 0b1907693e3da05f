// Index past the end of a package is an error (AE_AML_PACKAGE_LIMIT)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IDXOOR", 1)
{
//! acpica: error
    Name (P1, Package () {1, 2})
    Name (N, 2)
    Method (MAIN, 0)
    {
        Return (DerefOf (P1[N]))
    }
}
