// LoadTable of a signature no table has returns a zero handle (ACPICA: AE_NOT_FOUND is not an error here)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "LDTBL", 1)
{
    Method (MAIN, 0)
    {
        Local0 = LoadTable ("OEMX", "OSDEV", "NOTABLE", "", "", 0)
        Return (ObjectType (Local0))
    }
}
