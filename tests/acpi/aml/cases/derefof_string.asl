// DerefOf of a String that names an object reads that object
DefinitionBlock ("", "DSDT", 2, "OSDEV", "DEREFS", 1)
{
    Name (I1, 0x4321)
    Method (MAIN, 0)
    {
        Local0 = "\\I1"
        Return (DerefOf (Local0))
    }
}
