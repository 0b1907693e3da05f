// Alias: reads and writes through the alias reach the target; ObjectType of the alias is the target's
DefinitionBlock ("", "DSDT", 2, "OSDEV", "ALIAS", 1)
{
    Name (REAL, 5)
    Alias (REAL, FAKE)
    Method (RM, 1) { Return (Arg0 * 2) }
    Alias (RM, AM)
    Method (MAIN, 0)
    {
        FAKE = 9
        Return ((REAL << 16) | (ObjectType (FAKE) << 8) | AM (3))
    }
}
