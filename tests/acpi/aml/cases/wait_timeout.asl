// Wait on an unsignalled event with a 10 ms timeout returns non-zero (timed out)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "WAITTO", 1)
{
    Event (EV1)
    Method (MAIN, 0)
    {
        Local0 = Wait (EV1, 10)
        Return (Local0 != 0)
    }
}
