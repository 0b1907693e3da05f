// Divide by zero is an error (AE_AML_DIVIDE_BY_ZERO), the method aborts
//! acpica: error
DefinitionBlock ("", "DSDT", 2, "OSDEV", "DIVZERO", 1)
{
    Name (Z, 0)
    Method (MAIN, 0)
    {
        Local0 = 5 / Z
        Return (Local0)
    }
}
