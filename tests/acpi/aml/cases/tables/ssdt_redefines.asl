// SSDT for ssdt_duplicate_name.asl: defines \DVAL again (the DSDT has it) and a new name after it
DefinitionBlock ("", "SSDT", 2, "OSDEV", "SSDTB", 1)
{
    Name (\DVAL, 0x99)
    Name (\AFTR, 0xAF)
}
