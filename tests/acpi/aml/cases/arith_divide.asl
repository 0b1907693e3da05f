// Divide with remainder and quotient targets (ACPI 6.5 19.6.32)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "DIVIDE", 1)
{
    Name (A, 1000003)
    Name (B, 97)
    Name (REM, 0)
    Name (QUO, 0)
    Method (MAIN, 0)
    {
        Local0 = Package (4) {}
        Divide (A, B, REM, QUO)
        Local0[0] = REM
        Local0[1] = QUO
        Local0[2] = Divide (0xFFFFFFFFFFFFFFFF, 3)
        Local0[3] = A / B
        Return (Local0)
    }
}
