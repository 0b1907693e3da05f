// String literals with escapes and the EISAID/ToUUID/Unicode macros
DefinitionBlock ("", "DSDT", 2, "OSDEV", "STRESC", 1)
{
    Name (UNI, Unicode ("Hi"))
    Method (MAIN, 0)
    {
        Local0 = Package (4) {}
        Local0[0] = "tab\there\\"
        Local0[1] = EISAID ("PNP0A08")
        Local0[2] = ToUUID ("33DB4D5B-1FF7-401C-9657-7441C03DD766")
        Local0[3] = UNI
        Return (Local0)
    }
}
