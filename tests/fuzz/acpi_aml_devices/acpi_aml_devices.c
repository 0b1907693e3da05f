/* Fuzz harness: the device layer (acpi/aml_device.h, aml_resources.h,
 * aml_pci_root.h, aml_prt.h, aml_events.h's \_Sx, aml_battery.h) over whatever namespace
 * arbitrary AML defines. As in the acpi_aml harness, the first byte picks the
 * DefinitionBlock revision and the rest is the AML after a DSDT header built
 * here; the interpreter runs on its fake clock with an arena over a static
 * buffer, memory and port reads answer bytes of the input. After initialisation the harness reads every device's
 * identification objects, _CRS/_PRS and battery objects (_BIF/_BIX/_BST/_PSR),
 * the host bridges (with an MCFG of two segments), calls _PIC(1), collects every _PRT entry with links set through
 * _SRS, looks routes up through bridge paths, and decodes \_S0-\_S5. PCI
 * configuration reads answer a bridge header whose secondary bus is derived
 * from the address, so bridge _PRTs get bus numbers. Then the events layer
 * (aml_events.h, aml_gpe_block.h): the scan with GPE block devices from
 * their _CRS, every EC's _GPE (integer or package) attached, and one SCI
 * in each mode with the register reads answering input bytes. Any crash, sanitizer
 * report or hang is a finding; every API result is also checked for
 * internal consistency (counts within their arrays). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/aml.h"
#include "acpi/aml_battery.h"
#include "acpi/aml_device.h"
#include "acpi/aml_pci_root.h"
#include "acpi/aml_prt.h"
#include "acpi/aml_resources.h"
#include "acpi/aml_events.h"
#include "acpi/aml_gpe_block.h"
#include "acpi/mcfg.h"

int fuzz_one(const uint8_t *data, size_t size);

#define ARENA_BYTES (32u << 20)
#define MAX_TABLE (1u << 20)
#define MAX_DEVICES 512
#define MAX_ROUTES 1024

static uint8_t arena[ARENA_BYTES];
static uint8_t table[MAX_TABLE + 36];
static uint8_t page[64];
static struct acpi_aml_prt_route routes[MAX_ROUTES];

/* Memory and port reads return bytes of the input itself (the table the
 * fuzzer wrote), so SystemMemory and SystemIO fields the AML reads - and the
 * device IDs, resources and routes computed from them - follow the input.
 * ctx is the table; writes are dropped. */
static uint8_t input_byte(const void *ctx, uint64_t where)
{
    const uint8_t *t = ctx;
    size_t total = (size_t)t[4] | (size_t)t[5] << 8 | (size_t)t[6] << 16 | (size_t)t[7] << 24;
    return t[where % total];
}

static void *m_map(void *ctx, uint64_t phys, size_t len)
{
    if (len > sizeof page) {
        return NULL;
    }
    for (size_t i = 0; i < len; i++) {
        page[i] = input_byte(ctx, phys + i);
    }
    return page;
}

static void m_unmap(void *ctx, void *virt, size_t len)
{
    (void)ctx;
    (void)virt;
    (void)len;
}

static uint32_t p_in(void *ctx, uint16_t port, uint8_t width)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < width && i < 4; i++) {
        v |= (uint32_t)input_byte(ctx, (uint64_t)port + i) << (8 * i);
    }
    return v;
}

static void p_out(void *ctx, uint16_t port, uint8_t width, uint32_t v)
{
    (void)ctx;
    (void)port;
    (void)width;
    (void)v;
}

/* Every function present, a PCI-to-PCI bridge (header type 1) whose
 * secondary bus is derived from its address. */
static uint64_t pci_in(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                       uint16_t off, uint8_t width)
{
    (void)ctx;
    (void)seg;
    if (off == 0x0E) {
        return 0x01;
    }
    if (off == 0x19) {
        return (uint8_t)(bus + dev * 8u + fn + 1u);
    }
    return off == 0 ? 0x8086 : (width == 8 ? 0 : ((1ull << (8 * width)) - 1) & 0x5A5A5A5Au);
}

static void pci_out(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                    uint16_t off, uint8_t width, uint64_t v)
{
    (void)ctx; (void)seg; (void)bus; (void)dev; (void)fn; (void)off; (void)width; (void)v;
}

static enum acpi_status any_space(void *ctx, const struct acpi_aml_region_access *a)
{
    (void)ctx;
    if (!a->write) {
        *a->value = a->address;
    }
    return ACPI_OK;
}

/* Results are not needed here; gcc does not accept a (void) cast for them. */
static void consume(int status)
{
    (void)status;
}

static void check(bool ok)
{
    if (!ok) {
        abort();
    }
}

/* An MCFG with allocations for segments 0 and 1 (ACPI 6.5, 5.2.6 header;
 * PCI Firmware 3.3, 4.1.2 allocation structures). */
static void make_mcfg(uint8_t out[76])
{
    memset(out, 0, 76);
    static const uint8_t signature[4] = { 'M', 'C', 'F', 'G' };
    memcpy(out, signature, sizeof signature);
    out[4] = 76;
    out[8] = 1;
    for (size_t i = 0; i < 2; i++) {
        uint8_t *a = out + 44 + 16 * i;
        a[3] = (uint8_t)(0xB0 + 0x10 * i); /* base 0xB0000000 / 0xC0000000 */
        a[8] = (uint8_t)i;                  /* segment */
        a[11] = 0xFF;                       /* buses 0-255 */
    }
    uint8_t sum = 0;
    for (unsigned i = 0; i < 76; i++) {
        sum = (uint8_t)(sum + out[i]);
    }
    out[9] = (uint8_t)(0x100 - sum);
}

static void devices(struct acpi_aml *aml)
{
    unsigned n = 0;
    for (const struct acpi_aml_node *d = acpi_aml_device_next(aml, NULL);
         d != NULL && n < MAX_DEVICES; d = acpi_aml_device_next(aml, d), n++) {
        struct acpi_aml_device_info info;
        if (acpi_aml_device_get_info(aml, d, &info) == ACPI_OK) {
            check(info.cid_count <= ACPI_AML_CID_MAX && info.cid_count <= info.cid_total);
            check(memchr(info.hid, 0, sizeof info.hid) != NULL);
            check(memchr(info.uid, 0, sizeof info.uid) != NULL);
            check(memchr(info.str, 0, sizeof info.str) != NULL);
        }
        struct acpi_aml_device_resources res;
        if (acpi_aml_device_resources(aml, d, &res) == ACPI_OK) {
            check(res.mmio_count <= res.mmio_total && res.io_count <= res.io_total &&
                  res.irq_count <= res.irq_total && res.irq_count <= ACPI_AML_IRQS_MAX);
        }
        struct acpi_aml_value prs;
        if (acpi_aml_resources_get(aml, d, ACPI_AML_PRS, &prs) == ACPI_OK) {
            uint32_t count;
            consume(acpi_aml_resources_check(prs.u.buffer.ptr, prs.u.buffer.len, &count));
            acpi_aml_value_release(aml, &prs);
        }
        uint32_t sta;
        consume(acpi_aml_device_status(aml, d, &sta));
        struct acpi_battery_info bat;
        enum acpi_status bs = acpi_battery_read_info(aml, d, &bat);
        if (bs == ACPI_OK || bs == ACPI_TRUNCATED || bs == ACPI_BAD_ENTRY) {
            check(memchr(bat.model_number, 0, sizeof bat.model_number) != NULL &&
                  memchr(bat.oem_information, 0, sizeof bat.oem_information) != NULL);
        }
        struct acpi_battery_status bst;
        consume(acpi_battery_read_status(aml, d, ACPI_BATTERY_UNIT_MW, &bst));
        bool online;
        consume(acpi_ac_adapter_read_psr(aml, d, &online));
    }
    consume(acpi_aml_device_find(aml, NULL, "PNP0C0F", NULL) != NULL);
}

static void routing(struct acpi_aml *aml, const struct acpi_aml_host *host)
{
    uint8_t mcfg_bytes[76];
    make_mcfg(mcfg_bytes);
    struct acpi_mcfg mcfg;
    check(acpi_mcfg_parse(mcfg_bytes, sizeof mcfg_bytes, &mcfg) == ACPI_OK);
    struct acpi_aml_pci_root root;
    unsigned roots = 0;
    for (const struct acpi_aml_node *prev = NULL;
         roots < 64 && acpi_aml_pci_root_next(aml, prev, &mcfg, &root) == ACPI_OK;
         prev = root.node, roots++) {
        check(root.window_count <= ACPI_AML_PCI_WINDOWS_MAX && root.bus_start <= root.bus_end);
    }
    consume(acpi_aml_pic(aml, ACPI_AML_PIC_APIC));
    struct acpi_aml_prt_options opts = { .host = host, .set_links = true };
    uint32_t count = 0, failed = 0;
    enum acpi_status st = acpi_aml_prt_collect(aml, &opts, routes, MAX_ROUTES, &count, &failed);
    check(st == ACPI_OK || st == ACPI_BUFFER_TOO_SMALL);
    uint32_t kept = count < MAX_ROUTES ? count : MAX_ROUTES;
    for (uint32_t i = 0; i < kept; i++) {
        const struct acpi_aml_prt_route *r = &routes[i];
        struct acpi_aml_pci_hop hops[3] = {
            { 0, (uint8_t)(r->device & 0x1F) }, { 1, 2 }, { (uint8_t)r->bus, (uint8_t)r->device },
        };
        const struct acpi_aml_prt_route *hit;
        if (acpi_aml_prt_lookup_path(routes, kept, r->segment, hops, 3, r->pin & 3u, &hit) ==
            ACPI_OK) {
            check(hit >= routes && hit < routes + kept && hit->status == ACPI_OK);
        }
    }
    for (uint8_t s = 0; s <= 5; s++) {
        struct acpi_sleep_type t;
        if (acpi_aml_sleep_type(aml, s, &t) == ACPI_OK) {
            check(t.a <= 7 && t.b <= 7);
        }
    }
}

/* Register reads of the events layer (GPE blocks, the EC) answer input bytes. */
static enum acpi_status hw_mem_read(void *ctx, uint64_t phys, unsigned width, uint64_t *value)
{
    *value = 0;
    for (unsigned i = 0; i < width / 8; i++) {
        *value |= (uint64_t)input_byte(ctx, phys + i) << (8 * i);
    }
    return ACPI_OK;
}

static enum acpi_status hw_mem_write(void *ctx, uint64_t phys, unsigned width, uint64_t value)
{
    (void)ctx, (void)phys, (void)width, (void)value;
    return ACPI_OK;
}

static enum acpi_status hw_io_read(void *ctx, uint16_t port, unsigned width, uint32_t *value)
{
    uint64_t v;
    enum acpi_status st = hw_mem_read(ctx, port, width, &v);
    *value = (uint32_t)v;
    return st;
}

static enum acpi_status hw_io_write(void *ctx, uint16_t port, unsigned width, uint32_t value)
{
    (void)ctx, (void)port, (void)width, (void)value;
    return ACPI_OK;
}

static struct acpi_aml_events ae;

static void gpe_scope_ok(const struct acpi_aml_gpe_scope *gs)
{
    check(gs->methods <= ACPI_GPE_MAX && gs->enabled <= gs->methods &&
          gs->outside <= gs->methods);
}

static void events(struct acpi_aml *aml)
{
    static const struct acpi_hw_host hw = {
        .ctx = table, .memory_read = hw_mem_read, .memory_write = hw_mem_write,
        .io_read = hw_io_read, .io_write = hw_io_write,
    };
    /* A FADT-like GPE0 of 16 bytes (q35's place) for \_GPE's methods. */
    static const struct acpi_gas gpe0 = { ACPI_GAS_SYSTEM_IO, 8, 0, ACPI_GAS_ACCESS_BYTE, 0x620 };
    static struct acpi_gpe gpe;
    const struct acpi_hw_wait wait = { NULL, NULL, 1, 8 };
    check(acpi_gpe_init_block(&gpe, &hw, &gpe0, 16) == ACPI_OK);
    check(acpi_aml_events_init(&ae, aml, NULL, &gpe) == ACPI_OK);
    consume(acpi_aml_events_scan(&ae));
    check(ae.gpe_device_count <= ACPI_AML_GPE_DEVICES &&
          ae.gpe_device_count + ae.gpe_block_bad + (ae.gpe_fadt_device != NULL) ==
              ae.gpe_block_devices);
    gpe_scope_ok(&ae.fadt_gpes);
    for (unsigned i = 0; i < ae.gpe_device_count; i++) {
        const struct acpi_aml_gpe_device *d = &ae.gpe_devices[i];
        gpe_scope_ok(&d->gpes);
        check(d->info.length >= 2 && d->info.length <= ACPI_GPE_MAX / 4 &&
              acpi_gpe_count(&d->regs) == d->info.length * 4u);
    }
    struct acpi_aml_ec_info info;
    static struct acpi_ec ec;
    const struct acpi_aml_node *after = NULL;
    for (unsigned n = 0; n < 4 && acpi_aml_ec_find(aml, after, &info) != ACPI_NOT_FOUND; n++) {
        after = info.device;
        check(info.gpe_device == NULL || info.has_gpe);
        if (n == 0 && info.has_gpe &&
            acpi_ec_init_io(&ec, &hw, info.data_port, info.command_port, info.gpe, &wait) ==
                ACPI_OK) {
            consume(acpi_aml_ec_attach(&ae, &ec, (struct acpi_aml_node *)info.device,
                                       info.gpe_device));
        }
    }
    unsigned handled, ran;
    consume(acpi_aml_events_sci(&ae, &handled));
    acpi_aml_events_set_deferred(&ae, true);
    consume(acpi_aml_events_sci(&ae, &handled));
    consume(acpi_aml_gpe_interrupt(&ae, 5, &handled));
    consume(acpi_aml_events_work(&ae, &ran));
}

/* The DSDT header (ACPI 6.5, 5.2.6) in front of the input's AML; returns the
 * table length. Revision 1 (odd first byte) makes integers 32-bit. */
static size_t frame_table(const uint8_t *data, size_t size)
{
    static const uint8_t signature_oem[24] = { 'D', 'S', 'D', 'T', [10] = 'O', 'S', 'D', 'E',
                                               'V', ' ', 'F', 'U', 'Z', 'Z', 'T', 'A', 'B', 'L' };
    size_t total = 36 + (size - 1);
    memset(table, 0, 36);
    memcpy(table, signature_oem, sizeof signature_oem);
    for (unsigned byte = 0; byte < 4; byte++) {
        table[4 + byte] = (uint8_t)(total >> (8 * byte));
    }
    table[8] = (uint8_t)(2 - (data[0] & 1));
    memcpy(table + 36, data + 1, size - 1);
    return total;
}

int fuzz_one(const uint8_t *data, size_t size)
{
    if (size == 0 || size > MAX_TABLE + 1) {
        return 0;
    }
    size_t len = frame_table(data, size);
    const struct acpi_aml_host host = {
        .ctx = table, .map = m_map, .unmap = m_unmap, .port_read = p_in, .port_write = p_out,
        .pci_read = pci_in, .pci_write = pci_out,
    };
    struct acpi_aml_memory mem;
    struct acpi_aml *aml;
    check(acpi_aml_arena_init(arena, sizeof arena, &mem) == ACPI_OK &&
          acpi_aml_create(&host, &mem, &aml) == ACPI_OK);
    struct acpi_aml_limits *limits = acpi_aml_limits(aml);
    limits->loop_timeout_s = 1;          /* short limits: the same code paths, faster */
    limits->max_object_bytes = 1u << 20;
    consume(acpi_aml_install_region_handler(aml, NULL, ACPI_AML_SPACE_EMBEDDED_CONTROL,
                                            any_space, NULL));
    struct acpi_aml_init_counts counts;
    consume(acpi_aml_load_table(aml, table, len));
    consume(acpi_aml_initialize(aml, &counts));
    devices(aml);
    routing(aml, &host);
    events(aml);
    acpi_aml_destroy(aml);
    return 0;
}
