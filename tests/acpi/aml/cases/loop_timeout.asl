// While (One) {} ends with the loop timeout (AE_AML_LOOP_TIMEOUT), a status not a hang
DefinitionBlock ("", "DSDT", 2, "OSDEV", "LOOPTO", 1)
{
//! acpica: error
//! acpiexec: -to 1
    Method (MAIN, 0)
    {
        While (One) { }
        Return (1)
    }
}
