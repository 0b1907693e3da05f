// A 4096-byte buffer with a run-time size: write the last byte through Index, read it and the size
DefinitionBlock ("", "DSDT", 2, "OSDEV", "BUFBIG", 1)
{
    Name (N, 4096)
    Method (MAIN, 0)
    {
        Local1 = Buffer (N) {}
        Local1[4095] = 0xA5
        Return ((SizeOf (Local1) << 8) | DerefOf (Local1[4095]))
    }
}
