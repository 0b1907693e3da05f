// Index into a buffer yields a byte; Store through it writes one byte (low 8 bits)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "IDXBUF", 1)
{
    Name (B1, Buffer () {0x10, 0x20, 0x30})
    Method (MAIN, 0)
    {
        Local1 = DerefOf (B1[1])
        B1[2] = 0x1FF
        Return (Concatenate (B1, Local1))
    }
}
