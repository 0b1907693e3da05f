// Notify on an object that is not a device, processor or thermal zone is an error
DefinitionBlock ("", "DSDT", 2, "OSDEV", "NOTINT", 1)
{
//! acpica: error
//! iasl: -f
    Name (I1, 1)
    Method (MAIN, 0)
    {
        Notify (I1, 0x80)
        Return (1)
    }
}
