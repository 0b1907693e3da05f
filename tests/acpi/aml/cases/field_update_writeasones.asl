// Update rule WriteAsOnes: writing a 4-bit field in a WordAcc unit; what happens to the unit's other bits
DefinitionBlock ("", "DSDT", 2, "OSDEV", "Uwriteas", 1)
{
    OperationRegion (RGN, SystemMemory, 0x00200000, 0x8)
    Field (RGN, WordAcc, NoLock, Preserve)
    {
        WHOL, 16
    }
    Field (RGN, WordAcc, NoLock, WriteAsOnes)
    {
        , 4,
        NIB, 4
    }
    Method (MAIN, 0)
    {
        WHOL = 0xA5C3
        NIB = 0x9
        Return (WHOL)
    }
}
