#include <stdio.h>

#include "inspect.h"

int inspect_acpi_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("osdev-inspect: 'acpi' is not available in this build yet\n", stderr);
    return 2;
}
