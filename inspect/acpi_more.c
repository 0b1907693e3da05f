#include "inspect.h"

/* First version: no tables beyond those of inspect/acpi.c yet. */
void inspect_acpi_more_text(const struct inspect_table *tables, size_t count, FILE *out)
{
    (void)tables;
    (void)count;
    (void)out;
}

void inspect_acpi_more_json(struct json *j, const struct inspect_table *tables, size_t count)
{
    (void)j;
    (void)tables;
    (void)count;
}
