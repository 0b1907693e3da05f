// ToHexString of a String returns it unchanged; ToDecimalString of a String too
DefinitionBlock ("", "DSDT", 2, "OSDEV", "TOHXS", 1)
{
    Method (MAIN, 0)
    {
        Return (Concatenate (ToHexString ("ab"), ToDecimalString ("cd")))
    }
}
