// Processor and PowerResource objects: methods inside them, ObjectType
DefinitionBlock ("", "DSDT", 2, "OSDEV", "PROCPW", 1)
{
    Processor (\_PR.CPU0, 1, 0x810, 6) { Method (GETS, 0) { Return (0xC0) } }
    PowerResource (\_SB.PRS0, 0, 0) { Method (_STA) { Return (1) } Method (_ON) { } Method (_OFF) { } }
    Method (MAIN, 0)
    {
        Return ((\_PR.CPU0.GETS () << 16) | (ObjectType (\_PR.CPU0) << 8) | ObjectType (\_SB.PRS0))
    }
}
