// If / ElseIf / Else chain
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IFELSE", 1)
{
    Method (SEL, 1)
    {
        If (Arg0 == 1) { Return ("one") }
        ElseIf (Arg0 == 2) { Return ("two") }
        Else { Return ("many") }
    }
    Method (MAIN, 0)
    {
        Return (Concatenate (Concatenate (SEL (1), SEL (2)), SEL (9)))
    }
}
