// A Scope reopened later adds to the same object; Device inside a Scope
DefinitionBlock ("", "DSDT", 2, "OSDEV", "SCOPE", 1)
{
    Device (\_SB.DEVX) { Name (A, 1) }
    Scope (\_SB.DEVX) { Name (B, 2) }
    Scope (\_SB) { Scope (DEVX) { Name (C, 4) } }
    Method (MAIN, 0)
    {
        Return (\_SB.DEVX.A | \_SB.DEVX.B | \_SB.DEVX.C)
    }
}
