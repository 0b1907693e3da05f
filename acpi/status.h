/* acpi/status.h - the one status enum of the acpi library.
 *
 * ACPI_OK is 0. Values below 100 describe the caller's situation (end of an
 * iteration, an absent table, a failed map); values from 100 on mean the
 * firmware's bytes are wrong, so a kernel can log them and go on.
 * New values are only ever appended to their block; values never change.
 */
#ifndef ACPI_STATUS_H
#define ACPI_STATUS_H

#if defined(__GNUC__) || defined(__clang__)
#define ACPI_MUST_USE __attribute__((warn_unused_result))
#else
#define ACPI_MUST_USE
#endif

enum acpi_status {
    ACPI_OK = 0,

    /* Caller / environment conditions. */
    ACPI_END = 1,              /* an iterator has no more items (not an error) */
    ACPI_NOT_FOUND = 2,        /* no table / entry / structure of that kind */
    ACPI_INVALID_ARGUMENT = 3, /* NULL pointer or impossible request from the caller */
    ACPI_MAP_FAILED = 4,       /* the host's map() returned NULL */
    ACPI_BUFFER_TOO_SMALL = 5, /* the caller's buffer cannot hold the result */
    ACPI_UNSUPPORTED = 6,      /* valid but not handled (e.g. an address space we cannot access) */

    /* Bad firmware data. */
    ACPI_BAD_SIGNATURE = 100,  /* table signature differs from the expected one */
    ACPI_BAD_CHECKSUM = 101,   /* bytes do not sum to zero (strict policy) */
    ACPI_BAD_LENGTH = 102,     /* a length field is impossible (smaller than its header, absurd) */
    ACPI_TRUNCATED = 103,      /* a length field points past the end of the buffer / table */
    ACPI_BAD_REVISION = 104,   /* a revision the structure cannot have */
    ACPI_BAD_ENTRY = 105,      /* a sub-structure (MADT entry, descriptor) is malformed */
    ACPI_BAD_RSDP = 106,       /* the RSDP failed validation */
    ACPI_BAD_ADDRESS = 107,    /* a physical address field is zero or overflows */
    /* Events and power (acpi/gpe.h, event.h, ec.h, sleep.h): a device or
     * register that did not reach the awaited state within the caller's bound
     * (an EC that never clears IBF, SCI_EN never set, WAK_STS never set). */
    ACPI_HW_TIMEOUT = 108,

    /* AML interpreter (acpi/aml.h): bad byte code or a limit reached. */
    ACPI_AML_BAD_OPCODE = 200,       /* an opcode that does not exist, or in the wrong place */
    ACPI_AML_UNRESOLVED_NAME = 201,  /* a name that is not in the namespace */
    ACPI_AML_BAD_OPERAND = 202,      /* an operand of the wrong type for the operator */
    ACPI_AML_STACK_OVERFLOW = 203,   /* the explicit stack or the call depth limit is full */
    ACPI_AML_LOOP_TIMEOUT = 204,     /* a While ran longer than the loop timeout */
    ACPI_AML_OUT_OF_MEMORY = 205,    /* the allocator or the host's cap refused */
    ACPI_AML_ALREADY_EXISTS = 206,   /* a named object created twice in one scope */
    ACPI_AML_INDEX_RANGE = 207,      /* an index past the end of a buffer, string or package */
    ACPI_AML_DIVIDE_BY_ZERO = 208,
    ACPI_AML_NOT_OWNER = 209,        /* Release of a mutex the code does not hold */
    ACPI_AML_SYNC_LEVEL = 210,       /* Acquire against the sync-level order (ACPI 6.5, 19.6.2) */
    ACPI_AML_NO_HANDLER = 211,       /* a region access to a space nobody handles */
    ACPI_AML_BAD_ARG_COUNT = 212,    /* a method called with too few arguments */
    ACPI_AML_READ_ONLY = 213,        /* a store into a constant or another non-target */
    ACPI_AML_BAD_TABLE = 214,        /* Load/LoadTable of bytes that are not a DSDT/SSDT */
    ACPI_AML_UNINITIALIZED = 215,    /* a read of a Local, Arg or element never set */
    ACPI_AML_REGION_RANGE = 216,     /* a field access outside its region */
};

/* A short constant English description of status; never NULL. */
const char *acpi_status_str(enum acpi_status status);

#endif
