// SSDT for ssdt_order.asl: module-level code tests for the first SSDT's \SVAL
DefinitionBlock ("", "SSDT", 2, "OSDEV", "SSDTC", 1)
{
    External (\SVAL, IntObj)
    Name (\SEEN, 0)
    If (CondRefOf (\SVAL))
    {
        \SEEN = \SVAL + 0x100
    }
}
