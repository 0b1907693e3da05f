// A field with the Lock rule takes the global lock around each access
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FLOCK", 1)
{
    OperationRegion (RGN, SystemMemory, 0x00700000, 0x4)
    Field (RGN, ByteAcc, Lock, Preserve)
    {
        F1, 8,
        F2, 8
    }
    Method (MAIN, 0)
    {
        F1 = 0x42
        F2 = F1 + 1
        Return ((F1 << 8) | F2)
    }
}
