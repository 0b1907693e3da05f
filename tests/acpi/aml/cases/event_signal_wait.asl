// Signal then Wait succeeds (Zero); Wait without a signal times out (non-zero); Reset clears a signal
DefinitionBlock ("", "DSDT", 2, "OSDEV", "EVENT", 1)
{
    Event (EV1)
    Method (MAIN, 0)
    {
        Signal (EV1)
        Local0 = Wait (EV1, 0)
        Local1 = Wait (EV1, 0)
        Signal (EV1)
        Reset (EV1)
        Local2 = Wait (EV1, 0)
        Local3 = 0
        If (Local1 != 0) { Local3 |= 2 }
        If (Local2 != 0) { Local3 |= 4 }
        If (Local0 == 0) { Local3 |= 1 }
        Return (Local3)
    }
}
