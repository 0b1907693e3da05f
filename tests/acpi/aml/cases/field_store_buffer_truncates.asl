// Store of a Buffer or String larger than a 16-bit field keeps the low bytes; a short one zero-extends
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FSTBT", 1)
{
    OperationRegion (RGN, SystemMemory, 0x00D00000, 0x8)
    Field (RGN, ByteAcc, NoLock, Preserve) { F16, 16, G16, 16, H16, 16 }
    Method (MAIN, 0)
    {
        F16 = Buffer () {0x11, 0x22, 0x33, 0x44}
        G16 = "ABCD"
        H16 = Buffer () {0x99}
        Return ((H16 << 32) | (G16 << 16) | F16)
    }
}
