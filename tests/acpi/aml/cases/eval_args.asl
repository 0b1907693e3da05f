// \MAIN evaluated with arguments from the host: integers in hex and decimal, and a string
//! args: 0x10 20 "ab"
DefinitionBlock ("", "DSDT", 2, "OSDEV", "EVARGS", 1)
{
    Method (MAIN, 3)
    {
        Return (Concatenate (ToHexString (Arg0 + Arg1), Arg2))
    }
}
