// ObjectType through references: RefOf of a name, Index of a package element, of a buffer byte
DefinitionBlock ("", "DSDT", 2, "OSDEV", "OBJREF", 1)
{
    Name (I1, 1)
    Name (P1, Package () { "s", Buffer () {1} })
    Name (B1, Buffer () {1, 2})
    Method (MAIN, 0)
    {
        Local1 = RefOf (I1)
        Local2 = Index (P1, 0)
        Local3 = Index (P1, 1)
        Local4 = Index (B1, 0)
        Return ((ObjectType (Local1) << 24) | (ObjectType (Local2) << 16) | (ObjectType (Local3) << 8) | ObjectType (Local4))
    }
}
