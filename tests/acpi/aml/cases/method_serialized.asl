// A Serialized method called twice in a row (its mutex is released on return)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "SERIAL", 1)
{
    Name (CNT, 0)
    Method (S1, 0, Serialized, 3)
    {
        CNT++
        Return (CNT)
    }
    Method (MAIN, 0)
    {
        S1 ()
        Return (S1 ())
    }
}
