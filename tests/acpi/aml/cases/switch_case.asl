// Switch/Case with integers, a package of values, and Default
DefinitionBlock ("", "DSDT", 2, "OSDEV", "SWITCH", 1)
{
    Method (SEL, 1, Serialized)
    {
        Switch (ToInteger (Arg0))
        {
            Case (1) { Return (10) }
            Case (Package () {2, 3}) { Return (20) }
            Default { Return (30) }
        }
    }
    Method (MAIN, 0)
    {
        Return ((SEL (1) << 16) | (SEL (3) << 8) | SEL (7))
    }
}
