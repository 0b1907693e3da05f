/* pci_types/status.h - the one status enum of the pci_types library.
 *
 * PCI_OK is 0. Values below 100 describe the caller's situation (end of an
 * iteration, a bad argument, an access the backend cannot do); values from
 * 100 on mean the configuration space holds impossible bytes, so a kernel can
 * log them and go on. Values never change; new ones are appended to a block.
 */
#ifndef PCI_TYPES_STATUS_H
#define PCI_TYPES_STATUS_H

#if defined(__GNUC__) || defined(__clang__)
#define PCI_MUST_USE __attribute__((warn_unused_result))
#else
#define PCI_MUST_USE
#endif

enum pci_status {
    PCI_OK = 0,

    /* Caller / environment conditions. */
    PCI_END = 1,                /* an iterator has no more items (not an error) */
    PCI_NOT_FOUND = 2,          /* no function / capability of that kind */
    PCI_INVALID_ARGUMENT = 3,   /* NULL pointer, device > 31, function > 7, index out of range */
    PCI_BAD_OFFSET = 4,         /* offset outside the configuration space or not naturally aligned */
    PCI_READ_ONLY = 5,          /* the access backend cannot write (mapped read-only ECAM, image) */
    PCI_NO_FUNCTION = 6,        /* the vendor ID reads 0xFFFF: nothing answers at that address */
    PCI_WRONG_HEADER_TYPE = 7,  /* a type 0/1/2 accessor was used on another header layout */
    PCI_UNSUPPORTED = 8,        /* valid request the function cannot do (64-bit MSI address
                                   on a 32-bit MSI capability, more vectors than capable) */
    PCI_BUS_OUT_OF_RANGE = 9,   /* bus number outside an ECAM region's bus range */

    /* Bad configuration-space contents. */
    PCI_BAD_POINTER = 100,      /* capability pointer outside its range (its reserved low
                                   bits are masked first, PCI 3.0 6.7) */
    PCI_CYCLE = 101,            /* a capability list visits the same offset twice */
    PCI_BAD_BAR = 102,          /* reserved BAR memory type, or a 64-bit BAR in the last slot */
    PCI_BAD_CAPABILITY = 103,   /* a capability structure does not fit or has the wrong ID */
    PCI_BAD_HEADER_TYPE = 104,  /* header type other than 0, 1 or 2 */
};

/* A short constant English description of status; never NULL. */
const char *pci_status_str(enum pci_status status);

#endif
