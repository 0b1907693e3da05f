// A Serialized method that creates a Name and calls itself: the inner call creates the same \RN.TMP
// again (the names a method creates live in its own scope), AE_ALREADY_EXISTS
//! acpica: error
//! iasl: -f
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MRECN", 1)
{
    Method (RN, 1, Serialized)
    {
        Name (TMP, 0)
        TMP = Arg0
        If (Arg0 > 0) { Local0 = RN (Arg0 - 1) }
        Else { Local0 = 0 }
        Return (Local0 + TMP)
    }
    Method (MAIN, 0)
    {
        Return (RN (4))
    }
}
