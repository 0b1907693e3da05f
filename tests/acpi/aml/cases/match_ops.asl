// Match with each operator pair, a start index, and no match (Ones)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MATCH", 1)
{
    Name (P1, Package () {1, 5, 10, 15, 20, "x", 25})
    Method (MAIN, 0)
    {
        Local0 = Package (6) {}
        Local0[0] = Match (P1, MEQ, 10, MTR, 0, 0)
        Local0[1] = Match (P1, MGT, 10, MLT, 20, 0)
        Local0[2] = Match (P1, MGE, 10, MTR, 0, 3)
        Local0[3] = Match (P1, MEQ, 99, MTR, 0, 0)
        Local0[4] = Match (P1, MLE, 5, MGT, 1, 0)
        Local0[5] = Match (P1, MGT, 20, MTR, 0, 0)
        Return (Local0)
    }
}
