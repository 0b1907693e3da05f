// A reference passed as an argument: Store to the Arg writes through to the object
DefinitionBlock ("", "DSDT", 2, "OSDEV", "REFARG", 1)
{
    Name (I1, 5)
    Method (SET, 1)
    {
        Arg0 = 0x1234
    }
    Method (MAIN, 0)
    {
        SET (RefOf (I1))
        Return (I1)
    }
}
