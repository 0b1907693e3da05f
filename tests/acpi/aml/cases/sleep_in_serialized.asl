// Sleep and Stall inside a Serialized method, then a Wait on a signalled event
DefinitionBlock ("", "DSDT", 2, "OSDEV", "SLPSER", 1)
{
    Event (EV1)
    Method (SM, 0, Serialized)
    {
        Sleep (1)
        Stall (10)
        Signal (EV1)
        Return (Wait (EV1, 0xFFFF))
    }
    Method (MAIN, 0)
    {
        Return (SM () + 0x51)
    }
}
