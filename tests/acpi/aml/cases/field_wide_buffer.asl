// A field wider than an integer reads as a Buffer; 64 bits is an Integer, 65 bits a Buffer
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FWIDE", 1)
{
    OperationRegion (RGN, SystemMemory, 0x00400000, 0x20)
    Field (RGN, ByteAcc, NoLock, Preserve)
    {
        F64, 64,
        F65, 65,
        , 7,
        F96, 96
    }
    Method (MAIN, 0)
    {
        F64 = 0x0102030405060708
        F65 = Buffer () {0xFF, 0xEE, 0xDD, 0xCC, 0xBB, 0xAA, 0x99, 0x88, 0x01}
        F96 = Buffer () {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
        Local0 = Package (5) {}
        Local0[0] = F64
        Local0[1] = F65
        Local0[2] = F96
        Local0[3] = ObjectType (F65)
        Local1 = F96
        Local0[4] = SizeOf (Local1)
        Return (Local0)
    }
}
