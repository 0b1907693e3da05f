// CondRefOf of a present and an absent name, with and without a target
DefinitionBlock ("", "DSDT", 2, "OSDEV", "CONDRF", 1)
{
    Name (I1, 42)
    Method (MAIN, 0)
    {
        Local0 = Package (4) {}
        Local0[0] = CondRefOf (I1)
        Local0[1] = CondRefOf (\NOPE)
        If (CondRefOf (I1, Local1))
        {
            Local0[2] = DerefOf (Local1)
        }
        Local0[3] = CondRefOf (\_SB)
        Return (Local0)
    }
}
