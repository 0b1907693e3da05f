/* acpi/status.c - text for enum acpi_status. */
#include "acpi/status.h"

const char *acpi_status_str(enum acpi_status status)
{
    switch (status) {
    case ACPI_OK: return "ok";
    case ACPI_END: return "end of iteration";
    case ACPI_NOT_FOUND: return "not found";
    case ACPI_INVALID_ARGUMENT: return "invalid argument";
    case ACPI_MAP_FAILED: return "map failed";
    case ACPI_BUFFER_TOO_SMALL: return "buffer too small";
    case ACPI_UNSUPPORTED: return "unsupported";
    case ACPI_BAD_SIGNATURE: return "bad signature";
    case ACPI_BAD_CHECKSUM: return "bad checksum";
    case ACPI_BAD_LENGTH: return "bad length";
    case ACPI_TRUNCATED: return "truncated";
    case ACPI_BAD_REVISION: return "bad revision";
    case ACPI_BAD_ENTRY: return "malformed entry";
    case ACPI_BAD_RSDP: return "bad RSDP";
    case ACPI_BAD_ADDRESS: return "bad address";
    case ACPI_HW_TIMEOUT: return "hardware timeout";
    }
    return "unknown status";
}
