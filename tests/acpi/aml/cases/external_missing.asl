// Calling an External method that no table defines is an error (AE_NOT_FOUND)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "EXTMIS", 1)
{
//! acpica: error
    External (\NOPE, MethodObj)
    Method (MAIN, 0)
    {
        Return (\NOPE ())
    }
}
