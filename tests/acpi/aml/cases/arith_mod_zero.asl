// Mod by zero is an error like Divide
//! acpica: error
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MODZERO", 1)
{
    Name (Z, 0)
    Method (MAIN, 0)
    {
        Return (7 % Z)
    }
}
