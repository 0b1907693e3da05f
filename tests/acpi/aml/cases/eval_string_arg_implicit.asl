// A String argument used as an integer operand converts implicitly (19.3.5): "ab" + 5 is 0xB0
//! args: "ab" 5
DefinitionBlock ("", "DSDT", 2, "OSDEV", "EVSTR", 1)
{
    Method (MAIN, 2)
    {
        Return (Arg0 + Arg1)
    }
}
