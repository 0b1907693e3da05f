// 19.3.5: LEqual of Integer with String and Buffer converts the second operand to Integer
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IMPCMP", 1)
{
    Name (I1, 0x41)
    Method (MAIN, 0)
    {
        Local0 = Package (3) {}
        Local0[0] = (I1 == "41")
        Local0[1] = (I1 == Buffer () {0x41})
        Local0[2] = ("41" == "41")
        Return (Local0)
    }
}
