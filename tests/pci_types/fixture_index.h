/* Reads a fixture's pci/index.txt (written by the capture script):
 * "<bb>_<dd>_<f>.bin <vendor>:<device> class <cc>.<ss>.<pp> hdr 0x<hh> ..." */
#ifndef TESTS_PCI_TYPES_FIXTURE_INDEX_H
#define TESTS_PCI_TYPES_FIXTURE_INDEX_H

#include <stdint.h>
#include <stdio.h>

#include "pci_types/address.h"
#include "support.h"

struct fixture_function {
    struct pci_address address;
    unsigned vendor, device, class24, header_type_byte;
};

/* Fills up to max entries; returns the count, or -1 when unreadable. */
static inline int fixture_index_read(const char *config, struct fixture_function *out, int max)
{
    char rel[256], line[512];
    int n = 0;
    FILE *fp;
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/pci/index.txt", config);
    fp = fopen(support_path(rel), "r");
    if (!fp)
        return -1;
    while (n < max && fgets(line, sizeof line, fp)) {
        unsigned bus, dev, fn, c, s, p;
        struct fixture_function *f = &out[n];
        if (sscanf(line, "%x_%x_%x.bin %x:%x class %x.%x.%x hdr 0x%x", &bus, &dev, &fn,
                   &f->vendor, &f->device, &c, &s, &p, &f->header_type_byte) != 9)
            continue;
        f->address = pci_address_make(0, (uint8_t)bus, (uint8_t)dev, (uint8_t)fn);
        f->class24 = c << 16 | s << 8 | p;
        n++;
    }
    fclose(fp);
    return n;
}

#endif
