// Timer is monotonic and advances across Sleep by at least the sleep (100 ns units); Stall
DefinitionBlock ("", "DSDT", 2, "OSDEV", "TIMER", 1)
{
    Method (MAIN, 0)
    {
        Local0 = Timer
        Sleep (20)
        Local1 = Timer
        Stall (50)
        Local2 = Timer
        Local3 = 0
        If ((Local1 - Local0) >= 200000) { Local3 |= 1 }
        If (Local2 >= Local1) { Local3 |= 2 }
        If (Local0 != 0) { Local3 |= 4 }
        Return (Local3)
    }
}
