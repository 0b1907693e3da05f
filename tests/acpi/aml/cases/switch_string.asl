// Switch on a String with String cases
DefinitionBlock ("", "DSDT", 2, "OSDEV", "SWSTR", 1)
{
    Method (SEL, 1, Serialized)
    {
        Switch (Arg0)
        {
            Case ("abc") { Return (1) }
            Case ("def") { Return (2) }
            Default { Return (3) }
        }
    }
    Method (MAIN, 0)
    {
        Return ((SEL ("def") << 8) | (SEL ("abc") << 4) | SEL ("x"))
    }
}
