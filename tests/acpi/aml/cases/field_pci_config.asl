// A PCI_Config region field of a device: reads of acpiexec's simulated space after a write
DefinitionBlock ("", "DSDT", 2, "OSDEV", "FPCI", 1)
{
    Scope (\_SB)
    {
        Device (PCI0)
        {
            Name (_HID, EisaId ("PNP0A03"))
            Name (_ADR, 0)
            Device (DEV0)
            {
                Name (_ADR, 0x00030000)
                OperationRegion (CFG0, PCI_Config, 0x40, 0x10)
                Field (CFG0, DWordAcc, NoLock, Preserve) { REG0, 32, REG1, 8 }
            }
        }
    }
    Method (MAIN, 0)
    {
        \_SB.PCI0.DEV0.REG0 = 0x12345678
        \_SB.PCI0.DEV0.REG1 = 0x9A
        Return ((\_SB.PCI0.DEV0.REG1 << 32) | \_SB.PCI0.DEV0.REG0)
    }
}
