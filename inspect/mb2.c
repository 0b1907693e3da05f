#include <stdio.h>

#include "inspect.h"

int inspect_mb2_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("osdev-inspect: 'mb2' is not available in this build yet\n", stderr);
    return 2;
}
