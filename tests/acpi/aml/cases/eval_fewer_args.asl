// A method evaluated by the host with fewer arguments than declared: ACPICA warns and runs it with the
// missing arguments uninitialised (ObjectType 0)
//! args: 0x10 0x20
DefinitionBlock ("", "DSDT", 2, "OSDEV", "EVFEWER", 1)
{
    Method (MAIN, 3)
    {
        Return ((ObjectType (Arg2) << 32) | (Arg0 + Arg1))
    }
}
