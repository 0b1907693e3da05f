// LEqual (String, Integer) converts the Integer to a String (the first operand's type decides, 19.3.5)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "CMPSTR", 1)
{
    Name (S1, "10")
    Name (S2, "0000000000000010")
    Method (MAIN, 0)
    {
        Local0 = 0
        If (S1 == 0x10) { Local0 |= 1 }
        If (S2 == 0x10) { Local0 |= 2 }
        If (0x10 == S1) { Local0 |= 4 }
        Return (Local0)
    }
}
