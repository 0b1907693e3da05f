// Match over a package of strings and buffers compares after converting to Integer; elements that do not convert are skipped
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MATCHS", 1)
{
    Name (P1, Package () { "1", Buffer () {2}, "0x10", 0x20, Package () {} })
    Method (MAIN, 0)
    {
        Local0 = Package (3) {}
        Local0[0] = Match (P1, MEQ, 2, MTR, 0, 0)
        Local0[1] = Match (P1, MEQ, 0x10, MTR, 0, 0)
        Local0[2] = Match (P1, MGT, 0x18, MTR, 0, 0)
        Return (Local0)
    }
}
