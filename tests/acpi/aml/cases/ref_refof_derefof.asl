// RefOf then DerefOf reads the named object; a store through the reference writes it
DefinitionBlock ("", "DSDT", 2, "OSDEV", "REFOF", 1)
{
    Name (I1, 5)
    Method (MAIN, 0)
    {
        Local0 = Package (3) {}
        Local1 = RefOf (I1)
        Local0[0] = DerefOf (Local1)
        Local1 = 0        // Store to a Local holding a reference replaces the Local
        Local2 = RefOf (I1)
        Local2 = 77       // still a Local: replaced, I1 unchanged
        Local0[1] = I1
        Store (99, RefOf (I1))
        Local0[2] = I1
        Return (Local0)
    }
}
