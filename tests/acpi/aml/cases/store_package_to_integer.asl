// Store of a Package into a named Integer is an error (no conversion exists, 19.3.5.8)
//! iasl: -f
//! acpica: error
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STPKI", 1)
{
    Name (I1, 5)
    Method (MAIN, 0)
    {
        I1 = Package () {1, 2}
        Return (I1)
    }
}
