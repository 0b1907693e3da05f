#include <stdio.h>

#include "inspect.h"

int inspect_pci_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("osdev-inspect: 'pci' is not available in this build yet\n", stderr);
    return 2;
}
