// CreateBit/Byte/Word/DWord/QWordField: writes land in the buffer little-endian
DefinitionBlock ("", "DSDT", 2, "OSDEV", "BFFIX", 1)
{
    Name (BUF, Buffer (16) {})
    CreateBitField (BUF, 3, BIT3)
    CreateByteField (BUF, 1, BYT1)
    CreateWordField (BUF, 2, WRD2)
    CreateDWordField (BUF, 4, DWD4)
    CreateQWordField (BUF, 8, QWD8)
    Method (MAIN, 0)
    {
        BIT3 = 1
        BYT1 = 0x1FF
        WRD2 = 0xBEEF
        DWD4 = 0x12345678
        QWD8 = 0x0102030405060708
        Return (BUF)
    }
}
