// Nested While: Break leaves only the inner loop
DefinitionBlock ("", "DSDT", 2, "OSDEV", "WHNEST", 1)
{
    Method (MAIN, 0)
    {
        Local0 = 0
        Local2 = 0
        While (Local0 < 4)
        {
            Local1 = 0
            While (One)
            {
                Local1++
                If (Local1 >= Local0) { Break }
                Local2++
            }
            Local0++
        }
        Return (Local2)
    }
}
