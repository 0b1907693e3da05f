// A Serialized method (SyncLevel 8) calling a Serialized method of SyncLevel 2 is an error
DefinitionBlock ("", "DSDT", 2, "OSDEV", "MXSCL", 1)
{
//! acpica: error
    Method (LOW2, 0, Serialized, 2) { Return (1) }
    Method (HIG8, 0, Serialized, 8) { Return (LOW2 ()) }
    Method (MAIN, 0)
    {
        Return (HIG8 ())
    }
}
