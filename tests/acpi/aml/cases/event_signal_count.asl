// Two Signals allow two successful Waits, the third times out (an event counts signals)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "EVCNT", 1)
{
    Event (EV1)
    Method (MAIN, 0)
    {
        Signal (EV1)
        Signal (EV1)
        Local0 = Wait (EV1, 0)
        Local1 = Wait (EV1, 0)
        Local2 = Wait (EV1, 0)
        Local3 = 0
        If (Local0 == 0) { Local3 |= 1 }
        If (Local1 == 0) { Local3 |= 2 }
        If (Local2 != 0) { Local3 |= 4 }
        Return (Local3)
    }
}
