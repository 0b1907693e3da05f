/* osdev-inspect: decode a machine's or a file's ACPI tables, PCI configuration
 * spaces and Multiboot2 boot information with the suite's own libraries. */
#include <stdio.h>
#include <string.h>

#include "inspect.h"

#ifndef OSDEV_VERSION
#error "OSDEV_VERSION must be defined by the build"
#endif

struct subcommand {
    const char *name;
    int (*main)(int argc, char **argv);
    const char *summary;
};

static const struct subcommand subcommands[] = {
    { "acpi", inspect_acpi_main,
      "acpi [--json] [DIR]   ACPI tables of DIR (default /sys/firmware/acpi/tables)\n"
      "  acpi [--json] --memory SNAPSHOT\n"
      "                        RSDP search and discovery in a ranges.txt memory snapshot" },
    { "pci", inspect_pci_main, "pci [--json] [DIR]    PCI configuration spaces (default /sys/bus/pci/devices)" },
    { "mb2", inspect_mb2_main, "mb2 [--json] FILE     a Multiboot2 boot-information image" },
    { "aml", inspect_aml_main,
      "aml [--json] [--eval PATH [ARG...] --] FILE... | DIR\n"
      "                        AML namespace of a DSDT and SSDTs (default /sys/firmware/acpi/tables)" },
};

static void usage(FILE *out)
{
    fputs("usage: osdev-inspect COMMAND [--json] [ARGS]\n"
          "       osdev-inspect --help | --version\n\n"
          "commands:\n", out);
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++) {
        fprintf(out, "  %s\n", subcommands[i].summary);
    }
    fputs("\nWith --json the report is one JSON object (schema: inspect/README.md).\n", out);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("osdev-inspect %s\n", OSDEV_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof subcommands / sizeof subcommands[0]; i++) {
        if (strcmp(argv[1], subcommands[i].name) == 0) {
            return subcommands[i].main(argc - 1, argv + 1);
        }
    }
    fprintf(stderr, "osdev-inspect: unknown command '%s' (try --help)\n", argv[1]);
    return 2;
}
