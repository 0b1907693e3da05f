// ObjectType of arguments of each type passed to a method
DefinitionBlock ("", "DSDT", 2, "OSDEV", "OBJARG", 1)
{
    Name (P1, Package () {1})
    Method (TYPS, 4)
    {
        Return ((ObjectType (Arg0) << 12) | (ObjectType (Arg1) << 8) | (ObjectType (Arg2) << 4) | ObjectType (Arg3))
    }
    Method (MAIN, 0)
    {
        Return (TYPS (1, "s", Buffer () {1}, P1))
    }
}
