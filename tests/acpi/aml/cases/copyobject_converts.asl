// CopyObject replaces a named Integer by a String (no conversion), Store would convert
DefinitionBlock ("", "DSDT", 2, "OSDEV", "COPYOB", 1)
{
    Name (I1, 5)
    Name (I2, 5)
    Method (MAIN, 0)
    {
        Local0 = Package (4) {}
        CopyObject ("abc", I1)
        I2 = "12"
        Local0[0] = ObjectType (I1)
        Local0[1] = I1
        Local0[2] = ObjectType (I2)
        Local0[3] = I2
        Return (Local0)
    }
}
