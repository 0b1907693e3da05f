/* Mock PCI configuration space: see mock_pci.h. */
#include "mock_pci.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

void mock_pci_init(struct mock_pci *m, uint16_t config_size)
{
    memset(m, 0, sizeof *m);
    m->config_size = config_size;
}

void mock_pci_free(struct mock_pci *m)
{
    for (size_t i = 0; i < m->count; i++) {
        free(m->functions[i].bytes);
        free(m->functions[i].wmask);
    }
    m->count = 0;
}

static int same(struct pci_address a, struct pci_address b)
{
    return a.segment == b.segment && a.bus == b.bus && a.device == b.device &&
           a.function == b.function;
}

struct mock_pci_function *mock_pci_find(struct mock_pci *m, struct pci_address address)
{
    for (size_t i = 0; i < m->count; i++)
        if (same(m->functions[i].address, address))
            return &m->functions[i];
    return NULL;
}

struct mock_pci_function *mock_pci_add(struct mock_pci *m, struct pci_address address,
                                       const void *bytes, size_t len)
{
    struct mock_pci_function *f;
    if (m->count >= MOCK_PCI_MAX_FUNCTIONS || mock_pci_find(m, address) || len > 4096)
        return NULL;
    f = &m->functions[m->count];
    memset(f, 0, sizeof *f);
    f->address = address;
    f->size = len;
    f->bytes = malloc(len ? len : 1);
    f->wmask = calloc(len ? len : 1, 1);
    if (!f->bytes || !f->wmask) {
        free(f->bytes);
        free(f->wmask);
        return NULL;
    }
    memcpy(f->bytes, bytes, len);
    f->irq = -1;
    m->count++;
    return f;
}

void mock_pci_set_writable(struct mock_pci_function *f, uint16_t offset, unsigned width,
                           uint32_t mask)
{
    for (unsigned i = 0; i < width && offset + i < f->size; i++)
        f->wmask[offset + i] |= (uint8_t)(mask >> (8 * i));
}

static int contract_ok(struct mock_pci *m, uint16_t offset, unsigned width)
{
    if ((width != 1 && width != 2 && width != 4) || offset % width != 0 ||
        (uint32_t)offset + width > m->config_size) {
        m->bad_accesses++;
        return 0;
    }
    return 1;
}

uint32_t mock_pci_read(struct mock_pci *m, struct pci_address address, uint16_t offset,
                       unsigned width)
{
    struct mock_pci_function *f = mock_pci_find(m, address);
    uint32_t v = 0;
    m->reads++;
    if (!contract_ok(m, offset, width))
        return UINT32_MAX >> (32 - 8 * (width ? (width > 4 ? 4 : width) : 4));
    for (unsigned i = 0; i < width; i++) {
        uint8_t b = (f && offset + i < f->size) ? f->bytes[offset + i] : 0xFF;
        v |= (uint32_t)b << (8 * i);
    }
    return v;
}

void mock_pci_write(struct mock_pci *m, struct pci_address address, uint16_t offset,
                    unsigned width, uint32_t value)
{
    struct mock_pci_function *f = mock_pci_find(m, address);
    m->writes++;
    if (!contract_ok(m, offset, width) || !f)
        return;
    for (unsigned i = 0; i < width && offset + i < f->size; i++) {
        uint8_t mask = f->wmask[offset + i];
        uint8_t b = (uint8_t)(value >> (8 * i));
        f->bytes[offset + i] = (uint8_t)((f->bytes[offset + i] & ~mask) | (b & mask));
    }
}

static uint8_t cb_read8(void *ctx, struct pci_address a, uint16_t off)
{
    return (uint8_t)mock_pci_read(ctx, a, off, 1);
}
static uint16_t cb_read16(void *ctx, struct pci_address a, uint16_t off)
{
    return (uint16_t)mock_pci_read(ctx, a, off, 2);
}
static uint32_t cb_read32(void *ctx, struct pci_address a, uint16_t off)
{
    return mock_pci_read(ctx, a, off, 4);
}
static void cb_write8(void *ctx, struct pci_address a, uint16_t off, uint8_t v)
{
    mock_pci_write(ctx, a, off, 1, v);
}
static void cb_write16(void *ctx, struct pci_address a, uint16_t off, uint16_t v)
{
    mock_pci_write(ctx, a, off, 2, v);
}
static void cb_write32(void *ctx, struct pci_address a, uint16_t off, uint32_t v)
{
    mock_pci_write(ctx, a, off, 4, v);
}

void mock_pci_access(struct mock_pci *m, struct pci_config_access *access)
{
    access->ctx = m;
    access->read8 = cb_read8;
    access->read16 = cb_read16;
    access->read32 = cb_read32;
    access->write8 = cb_write8;
    access->write16 = cb_write16;
    access->write32 = cb_write32;
    access->config_size = m->config_size;
}

/* Configuration Mechanism #1 (PCI Local Bus 3.0, 3.2.2.3.2): the latch at
 * 0xCF8 takes dword writes; 0xCFC-0xCFF read/write the selected dword's
 * bytes when the enable bit is set. */
static int data_target(struct mock_pci *m, uint16_t port, unsigned width,
                       struct pci_address *a, uint16_t *off)
{
    uint32_t ca = m->config_address;
    if (port < 0xCFC || port + width > 0xD00 || (port - 0xCFC) % width != 0 ||
        !(ca & 0x80000000u)) {
        m->bad_accesses++;
        return 0;
    }
    *a = pci_address_make(0, (uint8_t)(ca >> 16), (uint8_t)((ca >> 11) & 0x1F),
                          (uint8_t)((ca >> 8) & 0x7));
    *off = (uint16_t)((ca & 0xFC) + (port - 0xCFC));
    return 1;
}

static uint32_t port_in(struct mock_pci *m, uint16_t port, unsigned width)
{
    struct pci_address a;
    uint16_t off;
    if (port == 0xCF8 && width == 4)
        return m->config_address;
    if (!data_target(m, port, width, &a, &off))
        return UINT32_MAX >> (32 - 8 * width);
    return mock_pci_read(m, a, off, width);
}

static void port_out(struct mock_pci *m, uint16_t port, unsigned width, uint32_t value)
{
    struct pci_address a;
    uint16_t off;
    if (port == 0xCF8 && width == 4) {
        m->config_address = value;
        return;
    }
    if (data_target(m, port, width, &a, &off))
        mock_pci_write(m, a, off, width, value);
}

static uint8_t io_in8(void *ctx, uint16_t port) { return (uint8_t)port_in(ctx, port, 1); }
static uint16_t io_in16(void *ctx, uint16_t port) { return (uint16_t)port_in(ctx, port, 2); }
static uint32_t io_in32(void *ctx, uint16_t port) { return port_in(ctx, port, 4); }
static void io_out8(void *ctx, uint16_t port, uint8_t v) { port_out(ctx, port, 1, v); }
static void io_out16(void *ctx, uint16_t port, uint16_t v) { port_out(ctx, port, 2, v); }
static void io_out32(void *ctx, uint16_t port, uint32_t v) { port_out(ctx, port, 4, v); }

void mock_pci_port_io(struct mock_pci *m, struct pci_port_io *io)
{
    io->ctx = m;
    io->in8 = io_in8;
    io->in16 = io_in16;
    io->in32 = io_in32;
    io->out8 = io_out8;
    io->out16 = io_out16;
    io->out32 = io_out32;
}

/* pci.txt: "  Bus  0, device   3, function 0:" starts a function; BAR lines
 * read "      BAR1: I/O at 0xc000 [0xc03f]." or "BAR4: 64 bit prefetchable
 * memory at 0xfe000000 [0xfe003fff]."; "IRQ 11, pin A". */
static int parse_pci_txt(struct mock_pci *m, const char *path)
{
    FILE *fp = fopen(path, "r");
    char line[256];
    struct mock_pci_function *cur = NULL;
    if (!fp)
        return -1;
    while (fgets(line, sizeof line, fp)) {
        unsigned bus, dev, fn, n, irq;
        char pin;
        char *bar = strstr(line, "BAR");
        if (sscanf(line, " Bus %u, device %u, function %u:", &bus, &dev, &fn) == 3) {
            cur = mock_pci_find(m, pci_address_make(0, (uint8_t)bus, (uint8_t)dev, (uint8_t)fn));
        } else if (cur && sscanf(line, " IRQ %u, pin %c", &irq, &pin) == 2) {
            cur->irq = (int)irq;
            cur->pin = pin;
        } else if (cur && bar && sscanf(bar, "BAR%u:", &n) == 1 && n < MOCK_PCI_MAX_BARS) {
            unsigned long long addr, end;
            char *at = strstr(bar, " at 0x");
            struct mock_pci_bar_info *b = &cur->bars[n];
            if (!at || sscanf(at, " at 0x%llx [0x%llx]", &addr, &end) != 2)
                continue;
            b->present = 1;
            b->address = addr;
            /* end = address + size - 1, modulo 2^64 (unassigned: all-ones). */
            b->size = (uint64_t)end - (uint64_t)addr + 1u;
            b->is_io = strstr(bar, "I/O") != NULL;
            b->is_64bit = strstr(bar, "64 bit") != NULL;
            b->prefetchable = strstr(bar, "prefetchable") != NULL;
        }
    }
    fclose(fp);
    return 0;
}

/* Writable bits of a sized BAR: every address bit at or above the size. */
static void set_bar_masks(struct mock_pci_function *f)
{
    uint8_t type = f->size > 0x0E ? (f->bytes[0x0E] & 0x7F) : 0;
    for (unsigned n = 0; n < MOCK_PCI_MAX_BARS; n++) {
        const struct mock_pci_bar_info *b = &f->bars[n];
        uint64_t mask;
        uint16_t off;
        if (!b->present || b->size == 0)
            continue;
        mask = ~(b->size - 1u);
        if (n == 6) {
            off = type == 1 ? 0x38 : 0x30;
            mock_pci_set_writable(f, off, 4, ((uint32_t)mask & 0xFFFFF800u) | 1u);
            continue;
        }
        off = (uint16_t)(0x10 + 4 * n);
        if (b->is_io) {
            mock_pci_set_writable(f, off, 4, (uint32_t)mask & 0xFFFFFFFCu);
        } else {
            mock_pci_set_writable(f, off, 4, (uint32_t)mask & 0xFFFFFFF0u);
            if (b->is_64bit)
                mock_pci_set_writable(f, (uint16_t)(off + 4), 4, (uint32_t)(mask >> 32));
        }
    }
}

int mock_pci_load_fixture(struct mock_pci *m, const char *dir)
{
    char path[4096], line[512];
    FILE *index;
    snprintf(path, sizeof path, "%s/pci/index.txt", dir);
    index = fopen(path, "r");
    if (!index)
        return -1;
    mock_pci_init(m, 256);
    while (fgets(line, sizeof line, index)) {
        unsigned bus, dev, fn;
        char name[64];
        uint8_t *data;
        size_t len;
        struct mock_pci_function *f;
        if (sscanf(line, "%63s", name) != 1 || sscanf(name, "%x_%x_%x.bin", &bus, &dev, &fn) != 3)
            continue;
        snprintf(path, sizeof path, "%s/pci/%s", dir, name);
        if (support_read_file(path, &data, &len) != 0) {
            fclose(index);
            return -1;
        }
        if (len == 4096)
            m->config_size = 4096;
        f = mock_pci_add(m, pci_address_make(0, (uint8_t)bus, (uint8_t)dev, (uint8_t)fn), data,
                         len);
        free(data);
        if (!f) {
            fclose(index);
            return -1;
        }
        /* Command: I/O, memory, bus master, parity, SERR#, INTx disable. */
        mock_pci_set_writable(f, 0x04, 2, 0x0547);
        mock_pci_set_writable(f, 0x3C, 1, 0xFF);
    }
    fclose(index);
    snprintf(path, sizeof path, "%s/pci.txt", dir);
    if (parse_pci_txt(m, path) != 0)
        return -1;
    for (size_t i = 0; i < m->count; i++)
        set_bar_masks(&m->functions[i]);
    return (int)m->count;
}
