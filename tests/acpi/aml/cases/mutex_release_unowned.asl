// Release of a mutex that was never acquired is an error (AE_AML_MUTEX_NOT_ACQUIRED)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MXNOTA", 1)
{
//! acpica: error
    Mutex (MX1, 0)
    Method (MAIN, 0)
    {
        Release (MX1)
        Return (1)
    }
}
