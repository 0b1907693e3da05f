// CreateField wider than 64 bits reads as a Buffer; CreateField of 64 bits reads as an Integer
DefinitionBlock ("", "DSDT", 2, "OSDEV", "BFWIDE", 1)
{
    Name (BUF, Buffer (16) {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    CreateField (BUF, 4, 72, W72)
    CreateField (BUF, 8, 64, W64)
    Method (MAIN, 0)
    {
        Local0 = Package (3) {}
        Local0[0] = W72
        Local0[1] = W64
        Local0[2] = ObjectType (W72)
        Return (Local0)
    }
}
