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
    case ACPI_AML_BAD_OPCODE: return "AML: bad opcode";
    case ACPI_AML_UNRESOLVED_NAME: return "AML: unresolved name";
    case ACPI_AML_BAD_OPERAND: return "AML: wrong operand type";
    case ACPI_AML_STACK_OVERFLOW: return "AML: stack overflow";
    case ACPI_AML_LOOP_TIMEOUT: return "AML: loop timeout";
    case ACPI_AML_OUT_OF_MEMORY: return "AML: out of memory";
    case ACPI_AML_ALREADY_EXISTS: return "AML: name already exists";
    case ACPI_AML_INDEX_RANGE: return "AML: index out of range";
    case ACPI_AML_DIVIDE_BY_ZERO: return "AML: divide by zero";
    case ACPI_AML_NOT_OWNER: return "AML: mutex not owned";
    case ACPI_AML_SYNC_LEVEL: return "AML: mutex sync level";
    case ACPI_AML_NO_HANDLER: return "AML: no address space handler";
    case ACPI_AML_BAD_ARG_COUNT: return "AML: too few arguments";
    case ACPI_AML_READ_ONLY: return "AML: store into a constant";
    case ACPI_AML_BAD_TABLE: return "AML: bad table";
    case ACPI_AML_UNINITIALIZED: return "AML: uninitialized object";
    case ACPI_AML_REGION_RANGE: return "AML: access outside the region";
    }
    return "unknown status";
}
