/* The device layer (acpi/aml_device.h, aml_resources.h, aml_pci_root.h,
 * aml_prt.h, aml_events.h's \_Sx) on QEMU's DSDTs, with the PCI configuration
 * spaces QEMU had (fixtures/qemu/<machine>/pci/) behind the interpreter's
 * PCI_Config regions, so the link devices read the PIRQ routing registers
 * SeaBIOS programmed. Expected values: QEMU's `info pci` (pci.txt: each
 * function's IRQ and pin), `info mtree` (mtree.txt: the ISA devices' ports),
 * the iasl disassembly of the same tables (DSDT.dsl's \_Sx packages, MCFG.dsl's
 * base address), and ACPICA's encoding of EisaId("PNP0A03") = 0x030AD041. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "acpi/aml.h"
#include "acpi/aml_device.h"
#include "acpi/aml_pci_root.h"
#include "acpi/aml_prt.h"
#include "acpi/aml_resources.h"
#include "acpi/aml_events.h"
#include "acpi/mcfg.h"
/* Paths from the tree's root, the include root of tools/tidy too. */
#include "tests/support/mock_pci.h"
#include "tests/support/support.h"

struct machine {
    struct mock_pci pci;
    uint8_t *dsdt;
    size_t dsdt_len;
    char *dsl;
    struct acpi_aml *aml;
    struct acpi_aml_host host;
    uint8_t scratch[4096];
};

/* SystemMemory and SystemIO read zeros (nothing QEMU's DSDT reads there
 * decides a device's identity or routing). */
static void *m_map(void *ctx, uint64_t phys, size_t len)
{
    struct machine *m = ctx;
    (void)phys;
    memset(m->scratch, 0, sizeof m->scratch);
    return len <= sizeof m->scratch ? m->scratch : NULL;
}

static void m_unmap(void *ctx, void *virt, size_t len)
{
    (void)ctx;
    (void)virt;
    (void)len;
}

static uint32_t m_port_read(void *ctx, uint16_t port, uint8_t width)
{
    (void)ctx;
    (void)port;
    (void)width;
    return 0;
}

static void m_port_write(void *ctx, uint16_t port, uint8_t width, uint32_t value)
{
    (void)ctx;
    (void)port;
    (void)width;
    (void)value;
}

static uint64_t m_pci_read(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                           uint16_t offset, uint8_t width)
{
    struct machine *m = ctx;
    struct pci_address a = { .segment = seg, .bus = bus, .device = dev, .function = fn };
    if (width == 8) {
        return mock_pci_read(&m->pci, a, offset, 4) |
               ((uint64_t)mock_pci_read(&m->pci, a, (uint16_t)(offset + 4), 4) << 32);
    }
    return mock_pci_read(&m->pci, a, offset, width);
}

static void m_pci_write(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                        uint16_t offset, uint8_t width, uint64_t value)
{
    struct machine *m = ctx;
    struct pci_address a = { .segment = seg, .bus = bus, .device = dev, .function = fn };
    mock_pci_write(&m->pci, a, offset, width > 4 ? 4 : width, (uint32_t)value);
}

static void *m_alloc(void *ctx, size_t size)
{
    (void)ctx;
    return malloc(size);
}

static void m_free(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    (void)size;
    free(ptr);
}

static char *read_text(const char *rel)
{
    uint8_t *data = NULL;
    size_t len = 0;
    assert_int_equal(support_read_file(support_path(rel), &data, &len), 0);
    char *s = realloc(data, len + 1);
    assert_non_null(s);
    s[len] = '\0';
    return s;
}

static struct machine *boot(const char *name)
{
    struct machine *m = calloc(1, sizeof *m);
    assert_non_null(m);
    char rel[256];
    snprintf(rel, sizeof rel, "fixtures/qemu/%s", name);
    mock_pci_init(&m->pci, strstr(name, "q35") != NULL ? 4096 : 256);
    assert_true(mock_pci_load_fixture(&m->pci, support_path(rel)) > 0);
    /* Make every config byte writable: _SRS/_DIS write the PIRQ registers. */
    for (size_t i = 0; i < m->pci.count; i++) {
        for (uint16_t off = 0x40; off < 0x100; off += 4) {
            mock_pci_set_writable(&m->pci.functions[i], off, 4, 0xFFFFFFFFu);
        }
    }
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/DSDT.dat", name);
    assert_int_equal(support_read_file(support_path(rel), &m->dsdt, &m->dsdt_len), 0);
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/DSDT.dsl", name);
    m->dsl = read_text(rel);
    m->host = (struct acpi_aml_host){
        .ctx = m, .map = m_map, .unmap = m_unmap, .port_read = m_port_read,
        .port_write = m_port_write, .pci_read = m_pci_read, .pci_write = m_pci_write,
    };
    struct acpi_aml_memory mem = { .alloc = m_alloc, .free = m_free };
    assert_int_equal(acpi_aml_create(&m->host, &mem, &m->aml), ACPI_OK);
    assert_int_equal(acpi_aml_load_table(m->aml, m->dsdt, m->dsdt_len), ACPI_OK);
    struct acpi_aml_init_counts counts;
    assert_int_equal(acpi_aml_initialize(m->aml, &counts), ACPI_OK);
    return m;
}

static void shutdown_machine(struct machine *m)
{
    acpi_aml_destroy(m->aml);
    mock_pci_free(&m->pci);
    free(m->dsdt);
    free(m->dsl);
    free(m);
}

static struct acpi_aml_node *node(struct machine *m, const char *path)
{
    struct acpi_aml_node *n = NULL;
    assert_int_equal(acpi_aml_lookup(m->aml, NULL, path, &n), ACPI_OK);
    return n;
}

/* Every function `info pci` gives an IRQ and a pin: the _PRT route of its
 * (bus, device, pin), through the bridges above it, has that IRQ. */
static void check_routes_equal_info_pci(struct machine *m, uint32_t *checked)
{
    struct acpi_aml_prt_route routes[512];
    uint32_t count = 0, failed = 0;
    struct acpi_aml_prt_options opts = { .host = &m->host };
    assert_int_equal(acpi_aml_prt_collect(m->aml, &opts, routes, 512, &count, &failed), ACPI_OK);
    assert_int_equal(failed, 0);
    assert_true(count >= 128);   /* 32 slots x 4 pins on bus 0 */
    for (size_t i = 0; i < m->pci.count; i++) {
        const struct mock_pci_function *f = &m->pci.functions[i];
        if (f->irq < 0 || f->pin == 0) {
            continue;
        }
        /* The path from bus 0: find the bridge whose secondary bus is f's. */
        struct acpi_aml_pci_hop hops[2];
        uint32_t nhops = 0;
        for (size_t b = 0; b < m->pci.count && f->address.bus != 0; b++) {
            const struct mock_pci_function *br = &m->pci.functions[b];
            if ((br->bytes[0x0E] & 0x7F) == 1 && br->bytes[0x19] == f->address.bus) {
                hops[nhops++] = (struct acpi_aml_pci_hop){ br->address.bus, br->address.device };
            }
        }
        hops[nhops++] = (struct acpi_aml_pci_hop){ f->address.bus, f->address.device };
        const struct acpi_aml_prt_route *r = NULL;
        assert_int_equal(acpi_aml_prt_lookup_path(routes, count, 0, hops, nhops,
                                                  (uint8_t)(f->pin - 'A'), &r), ACPI_OK);
        if ((unsigned)f->irq != r->irq.number) {
            fail_msg("%02x:%02x.%x pin %c: info pci IRQ %d, _PRT %u", f->address.bus,
                     f->address.device, f->address.function, f->pin, f->irq, r->irq.number);
        }
        (*checked)++;
    }
}

static void test_i440fx_prt(void **state)
{
    (void)state;
    struct machine *m = boot("i440fx-seabios");
    /* QEMU's i440fx DSDT has no \_PIC: the links are the same in both modes. */
    assert_int_equal(acpi_aml_pic(m->aml, ACPI_AML_PIC_APIC), ACPI_NOT_FOUND);
    uint32_t checked = 0;
    check_routes_equal_info_pci(m, &checked);
    assert_int_equal(checked, 2);   /* 00:01.3 IRQ 9, 00:03.0 IRQ 11 */
    shutdown_machine(m);
}

/* _SRS, _CRS and _DIS of LNKA act on PIIX3's PIRQA route control register
 * (config offset 0x60 of 00:01.0; bit 7 disables the route). */
static void test_i440fx_link(void **state)
{
    (void)state;
    struct machine *m = boot("i440fx-seabios");
    const struct acpi_aml_node *lnka = node(m, "\\_SB.LNKA");
    struct acpi_aml_device_info info;
    assert_int_equal(acpi_aml_device_get_info(m->aml, lnka, &info), ACPI_OK);
    assert_string_equal(info.hid, "PNP0C0F");
    struct acpi_aml_irq possible;
    assert_int_equal(acpi_aml_link_possible(m->aml, lnka, &possible), ACPI_OK);
    assert_int_equal(possible.number, 5);    /* DSDT.dsl: Interrupt (...) {5, 10, 11} */
    assert_true(possible.extended);
    assert_false(possible.edge_triggered);
    assert_false(possible.active_low);
    struct acpi_aml_irq want = possible;
    want.number = 10;
    assert_int_equal(acpi_aml_link_set(m->aml, lnka, &want), ACPI_OK);
    struct pci_address isa = { 0, 0, 1, 0 };
    assert_int_equal(mock_pci_read(&m->pci, isa, 0x60, 1), 10);
    struct acpi_aml_irq now;
    assert_int_equal(acpi_aml_link_current(m->aml, lnka, 0, &now), ACPI_OK);
    assert_int_equal(now.number, 10);
    assert_int_equal(acpi_aml_link_disable(m->aml, lnka), ACPI_OK);
    assert_true((mock_pci_read(&m->pci, isa, 0x60, 1) & 0x80) != 0);
    assert_int_equal(acpi_aml_link_current(m->aml, lnka, 0, &now), ACPI_NOT_FOUND);
    /* A kernel's route with set_links: the disabled link gets _PRS's first. */
    struct acpi_aml_prt_route routes[256];
    uint32_t count = 0;
    struct acpi_aml_prt_options opts = { .host = &m->host, .set_links = true };
    assert_int_equal(acpi_aml_prt_collect(m->aml, &opts, routes, 256, &count, NULL), ACPI_OK);
    assert_int_equal(mock_pci_read(&m->pci, isa, 0x60, 1), 5);
    shutdown_machine(m);
}

/* The values of Name (_Sx, Package (...) { a, b, ... }) in DSDT.dsl. */
static int dsl_sleep_values(const char *dsl, unsigned state, unsigned out[2])
{
    char key[32];
    snprintf(key, sizeof key, "Name (_S%u, Package", state);
    const char *p = strstr(dsl, key);
    if (p == NULL) {
        return -1;
    }
    p = strchr(p, '{');
    int i = 0;
    for (; i < 2 && p != NULL; i++) {
        p++;
        while (*p == ' ' || *p == '\n' || *p == '\r') {
            p++;
        }
        out[i] = strncmp(p, "Zero", 4) == 0 ? 0 : strncmp(p, "One", 3) == 0 ? 1
                                                                              : (unsigned)strtoul(p, NULL, 0);
        p = strchr(p, ',');
    }
    /* Both values, or the package is not what the test reads. */
    return i == 2 ? 0 : -2;
}

static void test_sleep_states(void **state)
{
    (void)state;
    const char *machines[] = { "i440fx-seabios", "q35-seabios", "q35-ovmf" };
    for (size_t k = 0; k < 3; k++) {
        struct machine *m = boot(machines[k]);
        for (unsigned s = 0; s <= 5; s++) {
            unsigned want[2] = { 0, 0 };
            struct acpi_sleep_type t;
            enum acpi_status st = acpi_aml_sleep_type(m->aml, (uint8_t)s, &t);
            int found = dsl_sleep_values(m->dsl, s, want);
            if (found == -1) {
                assert_int_equal(st, ACPI_NOT_FOUND);
                continue;
            }
            assert_int_equal(found, 0);
            assert_int_equal(st, ACPI_OK);
            assert_int_equal(t.a, want[0]);
            assert_int_equal(t.b, want[1]);
        }
        struct acpi_sleep_type t;
        assert_int_equal(acpi_aml_sleep_type(m->aml, 6, &t), ACPI_INVALID_ARGUMENT);
        shutdown_machine(m);
    }
}

/* The ISA devices' _CRS ports equal the regions QEMU lists in `info mtree`. */
static void check_port(struct machine *m, const char *mtree, const char *path, uint32_t index,
                       const char *region)
{
    struct acpi_aml_device_resources res;
    assert_int_equal(acpi_aml_device_resources(m->aml, node(m, path), &res), ACPI_OK);
    assert_true(index < res.io_count);
    char key[64];
    snprintf(key, sizeof key, "(prio 0, i/o): %s\n", region);
    const char *hit = strstr(mtree, key);
    assert_non_null(hit);
    const char *line = hit;
    while (line > mtree && line[-1] != '\n') {
        line--;
    }
    /* "    0000000000000060-0000000000000060 (prio 0, i/o): i8042" */
    char *end;
    unsigned long long lo = strtoull(line, &end, 16);
    assert_true(end > line && *end == '-');
    const char *second = end + 1;
    unsigned long long hi = strtoull(second, &end, 16);
    assert_true(end > second && *end == ' ');
    assert_int_equal(res.io[index].base, lo);
    assert_int_equal(res.io[index].length, hi - lo + 1);
}

static void test_i440fx_resources(void **state)
{
    (void)state;
    struct machine *m = boot("i440fx-seabios");
    char *mtree = read_text("fixtures/qemu/i440fx-seabios/mtree.txt");
    check_port(m, mtree, "\\_SB.PCI0.S08.KBD", 0, "i8042-data");
    check_port(m, mtree, "\\_SB.PCI0.S08.KBD", 1, "i8042-cmd");
    check_port(m, mtree, "\\_SB.PCI0.S08.COM1", 0, "serial");
    check_port(m, mtree, "\\_SB.PCI0.S08.LPT1", 0, "parallel");
    struct acpi_aml_device_resources res;
    assert_int_equal(acpi_aml_device_resources(m->aml, node(m, "\\_SB.PCI0.S08.COM1"), &res),
                     ACPI_OK);
    assert_int_equal(res.irq_count, 1);
    assert_int_equal(res.irqs[0].number, 4);   /* DSDT.dsl: IRQNoFlags () {4} */
    free(mtree);
    shutdown_machine(m);
}

static void test_ids(void **state)
{
    (void)state;
    char text[8];
    acpi_aml_eisa_id_text(0x030AD041u, text);
    assert_string_equal(text, "PNP0A03");
    struct machine *m = boot("q35-seabios");
    struct acpi_aml_device_info info;
    const struct acpi_aml_node *pci0 = acpi_aml_device_find(m->aml, NULL, "PNP0A03", &info);
    assert_ptr_equal(pci0, node(m, "\\_SB.PCI0"));
    assert_string_equal(info.hid, "PNP0A08");   /* DSDT.dsl: _HID PNP0A08, _CID PNP0A03 */
    assert_int_equal(info.cid_count, 1);
    assert_string_equal(info.cid[0], "PNP0A03");
    assert_true(info.valid & ACPI_AML_DEVICE_UID_INTEGER);
    assert_int_equal(info.uid_integer, 0);
    assert_false(info.valid & ACPI_AML_DEVICE_HAS_STA);
    assert_int_equal(info.sta, ACPI_AML_STA_DEFAULT);
    assert_null(acpi_aml_device_find(m->aml, pci0, "PNP0A03", NULL));
    /* The first of the eight GSI links: DSDT.dsl Name (_UID, 0x10). */
    const struct acpi_aml_node *gsi = acpi_aml_device_find(m->aml, NULL, "PNP0C0F", &info);
    assert_non_null(gsi);
    assert_memory_equal(acpi_aml_node_name(gsi), "LNKA", 4);
    shutdown_machine(m);
}

/* q35: one host bridge, segment 0, buses from its _CRS (WordBusNumber 0-0xFF
 * in DSDT.dsl), ECAM at MCFG.dsl's base address; every BAR `info pci` lists
 * on bus 0 lies inside one of the bridge's windows. */
static void test_q35_root(void **state)
{
    (void)state;
    struct machine *m = boot("q35-seabios");
    uint8_t *mcfg_bytes = NULL;
    size_t mcfg_len = 0;
    assert_int_equal(support_read_file(support_path("fixtures/qemu/q35-seabios/tables/MCFG.dat"),
                                       &mcfg_bytes, &mcfg_len), 0);
    struct acpi_mcfg mcfg;
    assert_int_equal(acpi_mcfg_parse(mcfg_bytes, mcfg_len, &mcfg), ACPI_OK);
    char *mcfg_dsl = read_text("fixtures/qemu/q35-seabios/tables/MCFG.dsl");
    const char *b = strstr(mcfg_dsl, "Base Address : ");
    assert_non_null(b);
    unsigned long long base = strtoull(b + strlen("Base Address : "), NULL, 16);
    struct acpi_aml_pci_root root;
    assert_int_equal(acpi_aml_pci_root_next(m->aml, NULL, &mcfg, &root), ACPI_OK);
    assert_ptr_equal(root.node, node(m, "\\_SB.PCI0"));
    assert_int_equal(root.segment, 0);
    assert_true(root.bus_from_crs);
    assert_int_equal(root.bus_start, 0);
    assert_int_equal(root.bus_end, 0xFF);
    assert_int_equal(root.crs_status, ACPI_OK);
    assert_true(root.has_ecam);
    assert_int_equal(root.ecam_base, base);
    uint32_t bars = 0;
    for (size_t i = 0; i < m->pci.count; i++) {
        const struct mock_pci_function *f = &m->pci.functions[i];
        for (unsigned k = 0; k < 6 && f->address.bus == 0; k++) {
            const struct mock_pci_bar_info *bar = &f->bars[k];
            if (!bar->present || bar->address == UINT64_MAX) {
                continue;
            }
            bool inside = false;
            for (uint32_t w = 0; w < root.window_count; w++) {
                const struct acpi_aml_pci_window *win = &root.windows[w];
                inside |= (win->type == ACPI_AML_PCI_WINDOW_IO) == (bar->is_io != 0) &&
                          win->minimum <= bar->address &&
                          bar->address + bar->size - 1 <= win->maximum;
            }
            if (!inside) {
                fail_msg("BAR %u of %02x.%x at 0x%llx outside every window", k, f->address.device,
                         f->address.function, (unsigned long long)bar->address);
            }
            bars++;
        }
    }
    assert_true(bars >= 4);
    struct acpi_aml_pci_root next;
    assert_int_equal(acpi_aml_pci_root_next(m->aml, root.node, &mcfg, &next), ACPI_END);
    free(mcfg_dsl);
    free(mcfg_bytes);
    shutdown_machine(m);
}

/* q35 in PIC mode: the LNKx links read the ICH9 PIRQ registers SeaBIOS set,
 * which `info pci` shows as each function's IRQ (01:00.0 sits behind the
 * root port 00:04.0). */
static void test_q35_pic_mode(void **state)
{
    (void)state;
    struct machine *m = boot("q35-seabios");
    assert_int_equal(acpi_aml_pic(m->aml, ACPI_AML_PIC_8259), ACPI_OK);
    uint32_t checked = 0;
    check_routes_equal_info_pci(m, &checked);
    assert_true(checked >= 4);
    shutdown_machine(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ids),
        cmocka_unit_test(test_i440fx_prt),
        cmocka_unit_test(test_i440fx_link),
        cmocka_unit_test(test_i440fx_resources),
        cmocka_unit_test(test_sleep_states),
        cmocka_unit_test(test_q35_root),
        cmocka_unit_test(test_q35_pic_mode),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
