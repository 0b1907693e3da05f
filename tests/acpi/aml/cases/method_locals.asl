// Locals are per invocation: a nested call does not see the caller's Locals
DefinitionBlock ("", "DSDT", 2, "OSDEV", "METHLOC", 1)
{
    Method (INNR, 0)
    {
        Local0 = 5
        Return (ObjectType (Local1))
    }
    Method (MAIN, 0)
    {
        Local0 = 1
        Local1 = "caller"
        Local2 = INNR ()
        Return ((Local0 << 8) | Local2)
    }
}
