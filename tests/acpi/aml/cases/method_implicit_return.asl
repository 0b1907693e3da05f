// A method whose last operation is not Return: \MAIN returns nothing
DefinitionBlock ("", "DSDT", 2, "OSDEV", "METHIR", 1)
{
    Name (I1, 0)
    Method (MAIN, 0)
    {
        I1 = 1
    }
}
