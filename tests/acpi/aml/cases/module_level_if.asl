// Module-level code: If blocks at table level run at load and may create names
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MODIF", 1)
{
    Name (FLAG, 1)
    If (FLAG)
    {
        Name (\YES_, 0x1E5)
    }
    Else
    {
        Name (\NO__, 0x0)
    }
    Method (MAIN, 0)
    {
        Return ((CondRefOf (\YES_) & 0xF00) | (CondRefOf (\NO__) & 0x0F))
    }
}
