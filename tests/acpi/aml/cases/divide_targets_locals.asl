// Divide into Local targets: the value of the expression is the quotient; Divide by Ones
DefinitionBlock ("", "DSDT", 2, "OSDEV", "DIVLOC", 1)
{
    Name (A, 0xFFFFFFFFFFFFFFFE)
    Method (MAIN, 0)
    {
        Local2 = Divide (A, Ones, Local0, Local1)
        Local3 = Divide (100, 7, Local4, Local5)
        Local6 = Package (6) {}
        Local6[0] = Local0
        Local6[1] = Local1
        Local6[2] = Local2
        Local6[3] = Local3
        Local6[4] = Local4
        Local6[5] = Local5
        Return (Local6)
    }
}
