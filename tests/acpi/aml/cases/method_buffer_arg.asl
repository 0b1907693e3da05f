// A buffer passed as an argument: the callee's Index store changes the caller's buffer
DefinitionBlock ("", "DSDT", 2, "OSDEV", "BUFARG", 1)
{
    Name (BUF, Buffer () { 1, 2, 3 })
    Method (SETB, 1) { Arg0[0] = 0x99 }
    Method (MAIN, 0)
    {
        SETB (BUF)
        Return (BUF)
    }
}
