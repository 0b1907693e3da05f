/* Mock PCI configuration space for host tests.
 *
 * A set of functions, each with a configuration-space image (256 or 4096
 * bytes, heap-allocated) and a per-byte mask of writable bits. Reads of
 * absent functions return all-ones, and so do reads past a function's image
 * (0x100-0xFFF of a conventional function on a PCIe platform), as hardware
 * does. Writes change only the writable bits: BAR sizing therefore behaves
 * like hardware once the BAR masks are set. The status register is read-only
 * here (its RW1C bits are not modelled).
 *
 * mock_pci_load_fixture() loads ../shared/fixtures/qemu/<cfg>/: every
 * pci/<bb>_<dd>_<f>.bin listed in pci/index.txt, and from QEMU's `info pci`
 * (pci.txt) each BAR's size, turned into the writable mask real hardware
 * has (size - 1 low bits read-only); BARs that pci.txt does not list stay
 * read-only, i.e. unimplemented. The command register (I/O, memory, bus
 * master, parity, SERR, INTx disable) and interrupt line are writable.
 *
 * It serves the pci_types access interface (mock_pci_access) and, for the
 * legacy mechanism, emulated 0xCF8/0xCFC ports (mock_pci_port_io). Accesses
 * that break the interface contract (misaligned, past config_size) are
 * counted in bad_accesses.
 */
#ifndef TESTS_MOCK_PCI_H
#define TESTS_MOCK_PCI_H

#include <stddef.h>
#include <stdint.h>

#include "pci_types/access.h"
#include "pci_types/legacy.h"

#define MOCK_PCI_MAX_FUNCTIONS 64
#define MOCK_PCI_MAX_BARS 7 /* 0-5 and the expansion ROM as 6, as `info pci` numbers it */

struct mock_pci_bar_info {
    int present;          /* listed in pci.txt */
    uint64_t address;     /* as pci.txt prints it (all-ones: unassigned) */
    uint64_t size;
    int is_io;
    int is_64bit;
    int prefetchable;
};

struct mock_pci_function {
    struct pci_address address;
    size_t size;                 /* bytes of image: 256 or 4096 */
    uint8_t *bytes;
    uint8_t *wmask;
    /* What pci.txt says about the function (fixtures only). */
    struct mock_pci_bar_info bars[MOCK_PCI_MAX_BARS];
    int irq;                     /* -1 when pci.txt prints no IRQ line */
    char pin;                    /* 'A'-'D', 0 when none */
};

struct mock_pci {
    struct mock_pci_function functions[MOCK_PCI_MAX_FUNCTIONS];
    size_t count;
    uint16_t config_size;        /* 256 (i440fx, CF8/CFC) or 4096 (q35 ECAM) */
    uint32_t config_address;     /* the 0xCF8 latch */
    size_t reads, writes, bad_accesses;
};

void mock_pci_init(struct mock_pci *m, uint16_t config_size);
void mock_pci_free(struct mock_pci *m);

/* Add a function holding a copy of LEN bytes (256 or 4096; shorter images
 * read all-ones past their end). Nothing is writable yet. NULL when full or
 * already present. */
struct mock_pci_function *mock_pci_add(struct mock_pci *m, struct pci_address address,
                                       const void *bytes, size_t len);
struct mock_pci_function *mock_pci_find(struct mock_pci *m, struct pci_address address);

/* Make the bits of MASK writable in WIDTH bytes (1, 2, 4) at OFFSET. */
void mock_pci_set_writable(struct mock_pci_function *f, uint16_t offset, unsigned width,
                           uint32_t mask);

/* Load a fixture directory (see above). Returns the function count or -1. */
int mock_pci_load_fixture(struct mock_pci *m, const char *dir);

/* Raw accesses (little-endian, WIDTH 1, 2 or 4). */
uint32_t mock_pci_read(struct mock_pci *m, struct pci_address address, uint16_t offset,
                       unsigned width);
void mock_pci_write(struct mock_pci *m, struct pci_address address, uint16_t offset,
                    unsigned width, uint32_t value);

/* Fill ACCESS with callbacks over M (ctx = m, config_size = m->config_size). */
void mock_pci_access(struct mock_pci *m, struct pci_config_access *access);
/* Fill IO with port callbacks emulating Configuration Mechanism #1 over M;
 * other ports read all-ones and count as bad accesses. */
void mock_pci_port_io(struct mock_pci *m, struct pci_port_io *io);

#endif
