// 19.3.5.8: Store of a String into a named Integer converts (hex)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STS2I", 1)
{
    Name (I1, 5)
    Name (I2, 5)
    Method (MAIN, 0)
    {
        Local0 = Package (2) {}
        I1 = "FF"
        I2 = Buffer () {0x10, 0x20}
        Local0[0] = I1
        Local0[1] = I2
        Return (Local0)
    }
}
