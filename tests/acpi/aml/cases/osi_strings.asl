// _OSI answers: Windows strings are supported, nonsense is not. (The feature strings the issue lists,
// "Module Device" etc., are not compared: acpiexec answers them unsupported, Linux and the issue supported.)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "OSI", 1)
{
    Method (MAIN, 0)
    {
        Local0 = 0
        If (\_OSI ("Windows 2009")) { Local0 |= 1 }
        If (\_OSI ("Windows 2015")) { Local0 |= 2 }
        If (\_OSI ("Not An Interface")) { Local0 |= 0x40 }
        If (\_OSI ("Windows 2001")) { Local0 |= 0x80 }
        Return (Local0)
    }
}
