/* Fuzz harness: acpi/aml_host_pci.h over arbitrary tables and configuration
 * spaces. The input is a whole DSDT (the seeds are the captured DSDTs of
 * QEMU machines with two host bridges, tests/acpi/pcihost/) loaded and
 * initialised with the backend as the interpreter's PCI host, so PCI_Config
 * regions of any _ADR/_BBN/_SEG, offset and width reach it. Configuration
 * space answers bytes of the input: through a read-only mapped ECAM region
 * (segment 0, buses 0-0x7F), a writable window (segment 1, buses 0-1) and
 * Mechanism #1 ports for the rest of segment 0, so every host bridge the AML
 * describes is enumerated (acpi_aml_pci_enumerate_roots) over bridges and bus
 * numbers the input chooses. The tail of the input drives direct reads and
 * writes of every width and offset. Checked: every function visited lies in
 * its bridge's segment and bus range, reads never exceed all ones of their
 * width, the mapped region balances its maps. Any crash, sanitizer report or
 * hang is a finding. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/aml.h"
#include "acpi/aml_host_pci.h"

int fuzz_one(const uint8_t *data, size_t size);

#define ARENA_BYTES (16u << 20)
#define WINDOW_BYTES (2u << 20)
#define MAX_VISITS 100000u

static uint8_t arena[ARENA_BYTES];
static uint8_t window[WINDOW_BYTES];
static uint8_t page[8];

struct input {
    const uint8_t *data;
    size_t size;
    size_t live_maps;
    uint32_t cf8;
};

static uint8_t byte_at(const struct input *in, uint64_t where)
{
    /* Mostly absent functions: a vendor ID of all ones unless the input says
     * otherwise at that spot, so walks stay small and bridges matter. */
    uint8_t b = in->data[where % in->size];
    return (where & 0xFFFu) < 2 && (b & 0x3u) != 0 ? 0xFFu : b;
}

static const void *ecam_map(void *ctx, uint64_t phys, size_t len)
{
    struct input *in = ctx;
    if (len > sizeof page) {
        abort(); /* the ECAM backend maps one access (at most a dword) */
    }
    for (size_t i = 0; i < len; i++) {
        page[i] = byte_at(in, phys + i);
    }
    in->live_maps++;
    return page;
}

static void ecam_unmap(void *ctx, const void *virt, size_t len)
{
    struct input *in = ctx;
    if (virt != page || len > sizeof page || in->live_maps == 0) {
        abort();
    }
    in->live_maps--;
}

static uint32_t port_bytes(void *ctx, uint16_t port, unsigned width)
{
    struct input *in = ctx;
    uint32_t v = 0;
    for (unsigned i = 0; i < width; i++) {
        v |= (uint32_t)byte_at(in, (uint64_t)in->cf8 * 4u + port + i) << (8 * i);
    }
    return v;
}

static uint8_t in8(void *ctx, uint16_t port)
{
    return (uint8_t)port_bytes(ctx, port, 1);
}

static uint16_t in16(void *ctx, uint16_t port)
{
    return (uint16_t)port_bytes(ctx, port, 2);
}

static uint32_t in32(void *ctx, uint16_t port)
{
    return port_bytes(ctx, port, 4);
}

static void out8(void *ctx, uint16_t port, uint8_t v)
{
    (void)ctx;
    (void)port;
    (void)v;
}

static void out16(void *ctx, uint16_t port, uint16_t v)
{
    (void)ctx;
    (void)port;
    (void)v;
}

static void out32(void *ctx, uint16_t port, uint32_t v)
{
    struct input *in = ctx;
    if (port == PCI_LEGACY_CONFIG_ADDRESS) {
        in->cf8 = v;
    }
}

static struct acpi_aml_pci backend;

static uint64_t host_pci_read(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                              uint16_t offset, uint8_t width)
{
    (void)ctx;
    return acpi_aml_pci_read(&backend, seg, bus, dev, fn, offset, width);
}

static void host_pci_write(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                           uint16_t offset, uint8_t width, uint64_t value)
{
    (void)ctx;
    enum acpi_status st = acpi_aml_pci_write(&backend, seg, bus, dev, fn, offset, width, value);
    (void)st;
}

static void check(bool ok)
{
    if (!ok) {
        abort();
    }
}

/* Results are not needed here; gcc does not accept a (void) cast for them. */
static void consume(int status)
{
    (void)status;
}

static bool visit(void *ctx, const struct acpi_aml_pci_root *root,
                  const struct pci_enum_entry *entry)
{
    unsigned *visits = ctx;
    const struct pci_address *a = &entry->function.address;
    check(a->segment == root->segment && root->bus_start <= a->bus && a->bus <= root->bus_end);
    check(a->device <= PCI_MAX_DEVICE && a->function <= PCI_MAX_FUNCTION);
    return ++*visits < MAX_VISITS;
}

/* Direct accesses: 5 bytes each (width selector, offset, bus, device/function). */
static void direct(const uint8_t *tail, size_t n)
{
    static const uint8_t widths[8] = {1, 2, 4, 8, 3, 0, 16, 4};
    for (size_t i = 0; i + 5 <= n && i < 5u * 64u; i += 5) {
        uint8_t width = widths[tail[i] & 7u];
        uint16_t offset = (uint16_t)(tail[i + 1] | (tail[i + 2] & 0x1Fu) << 8);
        uint16_t seg = tail[i] >> 7;
        uint8_t bus = tail[i + 3];
        uint8_t dev = tail[i + 4] >> 3, fn = tail[i + 4] & 7u;
        uint64_t v = acpi_aml_pci_read(&backend, seg, bus, dev, fn, offset, width);
        check(width == 0 || width >= 8 || v <= (UINT64_C(1) << (8u * width)) - 1u);
        if (tail[i] & 0x40u) {
            consume(acpi_aml_pci_write(&backend, seg, bus, dev, fn, offset, width, v ^ 0x5Au));
        }
    }
}

int fuzz_one(const uint8_t *data, size_t size)
{
    if (size < 36 || size > (1u << 20)) {
        return 0;
    }
    struct input in = {.data = data, .size = size};
    struct pci_port_io io = {&in, in8, in16, in32, out8, out16, out32};
    for (size_t i = 0; i < 4096; i++) {
        window[i] = data[i % size]; /* 00:00.0 of segment 1 from the input, the rest absent */
    }
    memset(window + 4096, 0xFF, WINDOW_BYTES - 4096);

    acpi_aml_pci_init(&backend);
    check(acpi_aml_pci_add_ecam_mapped(&backend, 0xB0000000u, 0, 0, 0x7F, ecam_map, ecam_unmap,
                                       &in) == ACPI_OK);
    check(acpi_aml_pci_add_ecam_window(&backend, window, 0xC0000000u, 1, 0, 1) == ACPI_OK);
    check(acpi_aml_pci_set_legacy(&backend, &io) == ACPI_OK);

    const struct acpi_aml_host host = {.pci_read = host_pci_read, .pci_write = host_pci_write};
    struct acpi_aml_memory mem;
    struct acpi_aml *aml;
    struct acpi_aml_init_counts counts;
    struct acpi_aml_pci_root root;
    unsigned visits = 0;
    uint32_t unreached = 0;
    check(acpi_aml_arena_init(arena, sizeof arena, &mem) == ACPI_OK &&
          acpi_aml_create(&host, &mem, &aml) == ACPI_OK);
    struct acpi_aml_limits *limits = acpi_aml_limits(aml);
    limits->loop_timeout_s = 1; /* short limits: the same code paths, faster */
    limits->max_object_bytes = 1u << 20;
    consume(acpi_aml_load_table(aml, data, size));
    consume(acpi_aml_initialize(aml, &counts));
    enum acpi_status st =
        acpi_aml_pci_enumerate_roots(aml, NULL, &backend, &root, visit, &visits, &unreached);
    check(st == ACPI_OK || (st == ACPI_END && visits == MAX_VISITS));
    acpi_aml_destroy(aml);
    direct(data + 36, size - 36);
    check(in.live_maps == 0);
    return 0;
}
