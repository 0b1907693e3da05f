// \_OSI is a method of one argument; \_REV an integer; \_OS a string; \_GL a mutex (ObjectType)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "OSITYP", 1)
{
    Method (MAIN, 0)
    {
        Return ((ObjectType (\_OSI) << 24) | (ObjectType (\_REV) << 16) | (ObjectType (\_OS) << 8) | ObjectType (\_GL))
    }
}
