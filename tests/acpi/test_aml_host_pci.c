/* acpi/aml_host_pci.h: the AML host's PCI backend over pci_types/ and the
 * enumeration of every host bridge.
 *
 * Real data: two QEMU machines with two host bridges each, captured by
 * tests/acpi/pcihost/capture.py (README.md there: command lines, how each
 * byte was read): q35 with a pxb-pcie expander (root bus 0x80, MCFG/ECAM) and
 * i440fx with a pxb expander (root bus 0x40, no MCFG: Mechanism #1 only).
 * Their ECAM pages sit in mock physical memory at the addresses the MCFG
 * gives (one 1 MiB range of all-ones per bus that QEMU lists, the captured
 * 4 KiB pages inside), their 256-byte spaces behind mock 0xCF8/0xCFC ports.
 * The interpreter runs the captured DSDT over the backend; every function
 * that QEMU's `info pci` lists (bus, device, function, vendor:device) must be
 * found exactly once, under the host bridge whose _CRS bus range (as ACPICA's
 * `iasl -d` of the DSDT states it, DSDT.dsl) holds its bus.
 * Hand-made windows cover what the captures cannot: writes of every width,
 * offsets at the end of the 4 KiB space, misalignment, other segments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "acpi/aml.h"
#include "acpi/aml_host_pci.h"
#include "acpi/aml_pci_root.h"
#include "acpi/mcfg.h"
#include "aml_host.h"
#include "mock_mem.h"
#include "mock_pci.h"
#include "support.h"

#define MAX_FUNCS 32
#define BUS_BYTES (1u << 20)

static const char *capture_root;

/* ------------------------------------------------------------ the captures */

struct qemu_function {
    unsigned bus, device, function, vendor, device_id;
    int seen;
};

struct capture {
    struct qemu_function f[MAX_FUNCS];
    unsigned count;
    uint8_t *dsdt;
    size_t dsdt_len;
    uint8_t *mcfg_bytes;
    size_t mcfg_len;
    struct acpi_mcfg mcfg;
    int have_mcfg;
    struct mock_mem mem; /* ECAM pages (q35) */
    struct mock_pci pci; /* Mechanism #1 spaces (i440fx) */
    struct acpi_aml_pci backend;
    struct aml_fake *fake;
    struct acpi_aml *aml;
};

static char *path_in(const char *machine, const char *rel)
{
    static char buf[4][512];
    static unsigned next;
    char *p = buf[next++ % 4];
    snprintf(p, sizeof buf[0], "%s/%s/%s", capture_root, machine, rel);
    return p;
}

/* QEMU's `info pci`: "  Bus  1, device   0, function 0:" then
 * "    Ethernet controller: PCI device 8086:10d3". */
static void parse_info_pci(struct capture *c, const char *machine)
{
    uint8_t *text = NULL;
    size_t len = 0;
    assert_int_equal(support_read_file(path_in(machine, "pci.txt"), &text, &len), 0);
    char *s = realloc(text, len + 1);
    assert_non_null(s);
    s[len] = '\0';
    for (char *line = strtok(s, "\n"); line != NULL; line = strtok(NULL, "\n")) {
        unsigned b, d, fn, v, id;
        char *at;
        if (sscanf(line, " Bus %u, device %u, function %u:", &b, &d, &fn) == 3) {
            assert_true(c->count < MAX_FUNCS);
            c->f[c->count++] = (struct qemu_function){.bus = b, .device = d, .function = fn};
        } else if ((at = strstr(line, "PCI device ")) != NULL && c->count > 0 &&
                   sscanf(at, "PCI device %x:%x", &v, &id) == 2) {
            c->f[c->count - 1].vendor = v;
            c->f[c->count - 1].device_id = id;
        }
    }
    free(s);
    assert_true(c->count > 0);
}

static uint8_t *read_page(const char *machine, const struct qemu_function *f, size_t *len)
{
    char rel[64];
    uint8_t *bytes = NULL;
    snprintf(rel, sizeof rel, "pci/%02x_%02x_%x.bin", f->bus, f->device, f->function);
    assert_int_equal(support_read_file(path_in(machine, rel), &bytes, len), 0);
    return bytes;
}

/* The interpreter's host: tests/support's machine without hardware (memory
 * reads zeros until written, ports read zeros: QEMU's HPET._STA and hotplug
 * registers), with PCI through the backend of the capture being run. Reads
 * are counted by width, to see the interpreter's QWordAcc arrive. */
static const struct acpi_aml_pci *current_backend;
static unsigned reads_of_width[9];

static uint64_t host_pci_read(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                              uint16_t offset, uint8_t width)
{
    (void)ctx;
    reads_of_width[width <= 8 ? width : 0]++;
    return acpi_aml_pci_read(current_backend, seg, bus, dev, fn, offset, width);
}

static void host_pci_write(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                           uint16_t offset, uint8_t width, uint64_t value)
{
    (void)ctx;
    /* The AML sees no write status (acpi/aml_host.h). */
    enum acpi_status st =
        acpi_aml_pci_write(current_backend, seg, bus, dev, fn, offset, width, value);
    (void)st;
}

static struct capture *load_with(const char *machine, const uint8_t *ssdt, size_t ssdt_len)
{
    struct capture *c = calloc(1, sizeof *c);
    assert_non_null(c);
    parse_info_pci(c, machine);
    assert_int_equal(support_read_file(path_in(machine, "tables/DSDT.dat"), &c->dsdt, &c->dsdt_len),
                     0);
    c->have_mcfg =
        support_read_file(path_in(machine, "tables/MCFG.dat"), &c->mcfg_bytes, &c->mcfg_len) == 0;
    mock_mem_init(&c->mem);
    mock_pci_init(&c->pci, 256);
    acpi_aml_pci_init(&c->backend);
    if (c->have_mcfg) {
        struct acpi_mcfg_allocation a;
        assert_int_equal(acpi_mcfg_parse(c->mcfg_bytes, c->mcfg_len, &c->mcfg), ACPI_OK);
        assert_int_equal(acpi_mcfg_allocation(&c->mcfg, 0, &a), ACPI_OK);
        /* Every bus QEMU lists: absent devices of it read all ones. */
        for (unsigned i = 0; i < c->count; i++) {
            uint64_t bus_base = a.base_address + ((uint64_t)c->f[i].bus << 20);
            if (mock_mem_at(&c->mem, bus_base, 1) == NULL) {
                uint8_t *b = mock_mem_add(&c->mem, bus_base, BUS_BYTES);
                assert_non_null(b);
                memset(b, 0xFF, BUS_BYTES);
            }
            size_t len = 0;
            uint8_t *page = read_page(machine, &c->f[i], &len);
            assert_int_equal(len, 4096);
            uint64_t phys =
                bus_base + ((uint64_t)c->f[i].device << 15) + ((uint64_t)c->f[i].function << 12);
            memcpy(mock_mem_at(&c->mem, phys, 4096), page, 4096);
            free(page);
        }
        for (uint32_t i = 0; acpi_mcfg_allocation(&c->mcfg, i, &a) == ACPI_OK; i++) {
            assert_int_equal(acpi_aml_pci_add_ecam_mapped(
                                 &c->backend, a.base_address, a.pci_segment_group, a.start_bus,
                                 a.end_bus, mock_mem_map, mock_mem_unmap, &c->mem),
                             ACPI_OK);
        }
    } else {
        for (unsigned i = 0; i < c->count; i++) {
            size_t len = 0;
            uint8_t *bytes = read_page(machine, &c->f[i], &len);
            assert_int_equal(len, 256);
            assert_non_null(
                mock_pci_add(&c->pci,
                             pci_address_make(0, (uint8_t)c->f[i].bus, (uint8_t)c->f[i].device,
                                              (uint8_t)c->f[i].function),
                             bytes, len));
            free(bytes);
        }
    }
    struct pci_port_io io;
    mock_pci_port_io(&c->pci, &io);
    assert_int_equal(acpi_aml_pci_set_legacy(&c->backend, &io), ACPI_OK);

    struct acpi_aml_host host;
    struct acpi_aml_memory mem;
    c->fake = aml_fake_new();
    assert_non_null(c->fake);
    aml_fake_host(c->fake, &host);
    aml_fake_memory(c->fake, &mem);
    host.pci_read = host_pci_read;
    host.pci_write = host_pci_write;
    current_backend = &c->backend;
    struct acpi_aml_init_counts counts;
    assert_int_equal(acpi_aml_create(&host, &mem, &c->aml), ACPI_OK);
    assert_int_equal(acpi_aml_load_table(c->aml, c->dsdt, c->dsdt_len), ACPI_OK);
    if (ssdt != NULL) {
        assert_int_equal(acpi_aml_load_table(c->aml, ssdt, ssdt_len), ACPI_OK);
    }
    enum acpi_status st = acpi_aml_initialize(c->aml, &counts);
    struct acpi_aml_error e;
    for (uint32_t i = 0; acpi_aml_error_get(c->aml, i, &e); i++) {
        print_message("aml error %s: %s\n", e.path, acpi_status_str(e.status));
    }
    assert_int_equal(st, ACPI_OK);
    return c;
}

static struct capture *load(const char *machine)
{
    return load_with(machine, NULL, 0);
}

static void unload(struct capture *c)
{
    acpi_aml_destroy(c->aml);
    assert_int_equal(aml_fake_live(c->fake), 0);
    aml_fake_free(c->fake);
    mock_mem_free(&c->mem);
    mock_pci_free(&c->pci);
    free(c->dsdt);
    free(c->mcfg_bytes);
    free(c);
}

/* ------------------------------------------------------------ enumeration */

/* A host bridge as ACPICA's disassembly of the captured DSDT states it
 * (DSDT.dsl: the device, its _BBN, its _CRS WordBusNumber range). */
struct expected_root {
    const char *path;
    unsigned bus_min, bus_max;
};

struct walk {
    struct capture *c;
    const struct expected_root *roots;
    unsigned root_count;
    unsigned visited, misattributed, unknown, duplicates;
};

static bool visit(void *ctx, const struct acpi_aml_pci_root *root,
                  const struct pci_enum_entry *entry)
{
    struct walk *w = ctx;
    char path[64];
    const struct pci_address *a = &entry->function.address;
    assert_int_equal(acpi_aml_node_path(root->node, path, sizeof path) > 0, 1);
    w->visited++;
    struct qemu_function *q = NULL;
    for (unsigned i = 0; i < w->c->count; i++) {
        if (w->c->f[i].bus == a->bus && w->c->f[i].device == a->device &&
            w->c->f[i].function == a->function) {
            q = &w->c->f[i];
        }
    }
    if (q == NULL || q->vendor != entry->header.vendor_id ||
        q->device_id != entry->header.device_id) {
        print_message("not in info pci: %02x:%02x.%x %04x:%04x under %s\n", a->bus, a->device,
                      a->function, entry->header.vendor_id, entry->header.device_id, path);
        w->unknown++;
        return true;
    }
    w->duplicates += q->seen ? 1u : 0u;
    q->seen = 1;
    const struct expected_root *want = NULL;
    for (unsigned i = 0; i < w->root_count; i++) {
        if (w->roots[i].bus_min <= a->bus && a->bus <= w->roots[i].bus_max) {
            want = &w->roots[i];
        }
    }
    if (want == NULL || strcmp(want->path, path) != 0) {
        print_message("%02x:%02x.%x found under %s, expected %s\n", a->bus, a->device, a->function,
                      path, want != NULL ? want->path : "none");
        w->misattributed++;
    }
    return true;
}

static void check_machine(struct capture *c, const struct expected_root *roots, unsigned n)
{
    struct acpi_aml_pci_root scratch;
    struct walk w = {.c = c, .roots = roots, .root_count = n};
    uint32_t unreached = 99;

    /* The device layer's view of each bridge equals the DSDT's. */
    const struct acpi_aml_node *prev = NULL;
    unsigned found = 0;
    while (acpi_aml_pci_root_next(c->aml, prev, c->have_mcfg ? &c->mcfg : NULL, &scratch) ==
           ACPI_OK) {
        char path[64];
        prev = scratch.node;
        assert_true(acpi_aml_node_path(scratch.node, path, sizeof path) > 0);
        assert_true(found < n);
        assert_string_equal(path, roots[found].path);
        assert_int_equal(scratch.bus_start, roots[found].bus_min);
        assert_int_equal(scratch.bus_end, roots[found].bus_max);
        assert_int_equal(scratch.has_ecam, c->have_mcfg);
        found++;
    }
    assert_int_equal(found, n);

    assert_int_equal(acpi_aml_pci_enumerate_roots(c->aml, c->have_mcfg ? &c->mcfg : NULL,
                                                  &c->backend, &scratch, visit, &w, &unreached),
                     ACPI_OK);
    assert_int_equal(unreached, 0);
    unsigned missing = 0;
    for (unsigned i = 0; i < c->count; i++) {
        if (!c->f[i].seen) {
            print_message("info pci lists %02x:%02x.%x, not enumerated\n", c->f[i].bus,
                          c->f[i].device, c->f[i].function);
            missing++;
        }
    }
    print_message("%u functions of info pci, %u enumerated over %u host bridges, %u missing, "
                  "%u unknown, %u duplicated, %u under the wrong bridge\n",
                  c->count, w.visited, n, missing, w.unknown, w.duplicates, w.misattributed);
    assert_int_equal(missing + w.unknown + w.duplicates + w.misattributed, 0);
    assert_int_equal(w.visited, c->count);
}

/* DSDT.dsl of q35-pxb-pcie: \_SB.PCI0's _CRS WordBusNumber 0x0000-0x007F,
 * \_SB.PC80 (_BBN 0x80) 0x0080-0x0081. */
static const struct expected_root q35_roots[] = {
    {"\\_SB_.PCI0", 0x00, 0x7F},
    {"\\_SB_.PC80", 0x80, 0x81},
};

/* DSDT.dsl of i440fx-pxb: \_SB.PCI0 0x0000-0x003F, \_SB.PC40 (_BBN 0x40) 0x0040-0x0041. */
static const struct expected_root i440fx_roots[] = {
    {"\\_SB_.PCI0", 0x00, 0x3F},
    {"\\_SB_.PC40", 0x40, 0x41},
};

static uint8_t page_byte(const char *machine, unsigned bus, unsigned dev, unsigned fn,
                         unsigned offset)
{
    struct qemu_function f = {.bus = bus, .device = dev, .function = fn};
    size_t len = 0;
    uint8_t *page = read_page(machine, &f, &len);
    assert_true(offset < len);
    uint8_t v = page[offset];
    free(page);
    return v;
}

static uint64_t eval_integer(struct capture *c, const char *path)
{
    struct acpi_aml_value v;
    assert_int_equal(acpi_aml_evaluate_path(c->aml, NULL, path, NULL, 0, &v), ACPI_OK);
    assert_int_equal(v.type, ACPI_AML_TYPE_INTEGER);
    uint64_t r = v.u.integer;
    acpi_aml_value_release(c->aml, &v);
    return r;
}

static void test_q35_pxb_pcie(void **state)
{
    (void)state;
    struct capture *c = load("q35-pxb-pcie");
    check_machine(c, q35_roots, 2);

    /* AML through the backend: \_SB.PRQA..PRQH are ByteAcc fields of
     * PCI_Config region PIRQ (0x60, 0x0C) of \_SB.PCI0.SF8 (_ADR 0x001F0000),
     * i.e. ECAM 0xB00F8060.. in the captured page of 00:1f.0. */
    static const char *const prq[] = {"\\_SB.PRQA", "\\_SB.PRQB", "\\_SB.PRQC", "\\_SB.PRQD"};
    for (unsigned i = 0; i < 4; i++) {
        assert_int_equal(eval_integer(c, prq[i]), page_byte("q35-pxb-pcie", 0, 0x1f, 0, 0x60 + i));
    }
    /* Offsets above 0xFF of both host bridges' PCIe functions, from their
     * captured pages (the extended capability headers at 0x100). */
    static const unsigned where[][3] = {{0x01, 0, 0}, {0x80, 0, 0}, {0x81, 0, 0}};
    for (unsigned i = 0; i < 3; i++) {
        uint32_t want = 0;
        for (unsigned b = 0; b < 4; b++) {
            want |= (uint32_t)page_byte("q35-pxb-pcie", where[i][0], where[i][1], where[i][2],
                                        0x100 + b)
                    << (8 * b);
        }
        assert_int_equal(acpi_aml_pci_read(&c->backend, 0, (uint8_t)where[i][0],
                                           (uint8_t)where[i][1], (uint8_t)where[i][2], 0x100, 4),
                         want);
        assert_int_not_equal(want, UINT32_MAX);
    }
    /* Every access went to a captured bus and was unmapped. */
    assert_true(mock_mem_clean(&c->mem));
    assert_int_equal(c->pci.reads, 0); /* ECAM covers every bus: no port access */
    unload(c);
}

static void test_i440fx_pxb(void **state)
{
    (void)state;
    struct capture *c = load("i440fx-pxb");
    check_machine(c, i440fx_roots, 2);
    /* \_SB.PRQ0..PRQ3: PCI_Config region P40C (0x60, 4) of \_SB.PCI0.S08
     * (the PIIX3 at 00:01.0), through Mechanism #1. */
    static const char *const prq[] = {"\\_SB.PRQ0", "\\_SB.PRQ1", "\\_SB.PRQ2", "\\_SB.PRQ3"};
    for (unsigned i = 0; i < 4; i++) {
        assert_int_equal(eval_integer(c, prq[i]), page_byte("i440fx-pxb", 0, 1, 0, 0x60 + i));
    }
    /* Mechanism #1 reaches 256 bytes: above reads all ones, without a port access. */
    size_t reads = c->pci.reads;
    assert_int_equal(acpi_aml_pci_read(&c->backend, 0, 0x41, 2, 0, 0x100, 4), UINT32_MAX);
    assert_int_equal(c->pci.reads, reads);
    assert_int_equal(c->pci.bad_accesses, 0);
    unload(c);
}

/* PCI_Config regions above offset 0xFF on the expander's bus, from AML: an
 * SSDT (compiled by iasl at test time) puts a device with _ADR 0 under
 * \_SB.PC80 (_BBN 0x80), i.e. the root port 80:00.0, with fields over its
 * extended configuration space. Expected: the captured page's bytes. */
static const char pxb_asl[] =
    "DefinitionBlock (\"\", \"SSDT\", 2, \"OSDEV\", \"PXBCFG\", 1)\n"
    "{\n"
    "    External (\\_SB.PC80, DeviceObj)\n"
    "    Scope (\\_SB.PC80)\n"
    "    {\n"
    "        Device (OSRP)\n"
    "        {\n"
    "            Name (_ADR, Zero)\n"
    "            OperationRegion (ECFG, PCI_Config, 0x100, 0x08)\n"
    "            Field (ECFG, DWordAcc, NoLock, Preserve) { EXT0, 32, EXT1, 32 }\n"
    "            Field (ECFG, QWordAcc, NoLock, Preserve) { EXTQ, 64 }\n"
    "            Field (ECFG, ByteAcc, NoLock, Preserve) { Offset (2), EXTV, 4 }\n"
    "            OperationRegion (HDR, PCI_Config, 0x00, 0x04)\n"
    "            Field (HDR, WordAcc, NoLock, Preserve) { VID, 16, DID, 16 }\n"
    "        }\n"
    "    }\n"
    "}\n";

static uint8_t *compile_asl(const char *text, size_t *len)
{
    char dir[] = "/tmp/osdev_aml_host_pci_XXXXXX";
    char path[128], cmd[256];
    uint8_t *aml = NULL;
    if (system("command -v iasl >/dev/null 2>&1") != 0 || mkdtemp(dir) == NULL) {
        return NULL;
    }
    snprintf(path, sizeof path, "%s/t.asl", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "cd %s && iasl -p t t.asl >iasl.log 2>&1", dir);
    int rc = system(cmd);
    snprintf(path, sizeof path, "%s/t.aml", dir);
    if (rc != 0 || support_read_file(path, &aml, len) != 0) {
        aml = NULL;
    }
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    rc = system(cmd);
    (void)rc;
    return aml;
}

static uint32_t page_dword(const char *machine, unsigned bus, unsigned offset)
{
    uint32_t v = 0;
    for (unsigned b = 0; b < 4; b++) {
        v |= (uint32_t)page_byte(machine, bus, 0, 0, offset + b) << (8 * b);
    }
    return v;
}

static void test_q35_pxb_pcie_aml_above_0xff(void **state)
{
    (void)state;
    size_t len = 0;
    uint8_t *ssdt = compile_asl(pxb_asl, &len);
    if (ssdt == NULL) {
        print_message("skip: iasl missing or could not compile the SSDT\n");
        skip();
    }
    struct capture *c = load_with("q35-pxb-pcie", ssdt, len);
    const char *m = "q35-pxb-pcie";
    uint32_t ext0 = page_dword(m, 0x80, 0x100);
    uint32_t ext1 = page_dword(m, 0x80, 0x104);
    assert_int_not_equal(ext0, UINT32_MAX);
    assert_int_equal(eval_integer(c, "\\_SB.PC80.OSRP.EXT0"), ext0);
    assert_int_equal(eval_integer(c, "\\_SB.PC80.OSRP.EXT1"), ext1);
    unsigned qword_reads = reads_of_width[8];
    assert_int_equal(eval_integer(c, "\\_SB.PC80.OSRP.EXTQ"), (uint64_t)ext1 << 32 | ext0);
    assert_int_equal(reads_of_width[8], qword_reads + 1); /* one width-8 access */
    /* PCIe Base 6.0, 7.6.3: capability version, bits 19:16 of the header. */
    assert_int_equal(eval_integer(c, "\\_SB.PC80.OSRP.EXTV"), (ext0 >> 16) & 0xFu);
    /* info pci: 80:00.0 is PCI device 1b36:000c. */
    assert_int_equal(eval_integer(c, "\\_SB.PC80.OSRP.VID"), 0x1b36);
    assert_int_equal(eval_integer(c, "\\_SB.PC80.OSRP.DID"), 0x000c);
    assert_true(mock_mem_clean(&c->mem));
    unload(c);
    free(ssdt);
}

/* ------------------------------------------------------------ hand-made edges */

/* A window for segment 1, buses 0x80-0x81 (2 MiB), as a kernel would map it. */
struct window_fixture {
    uint8_t *window;
    struct acpi_aml_pci p;
};

#define W_BASE UINT64_C(0xE0000000)

static size_t w_off(unsigned bus, unsigned dev, unsigned fn, unsigned offset)
{
    return ((size_t)(bus - 0x80) << 20) | ((size_t)dev << 15) | ((size_t)fn << 12) | offset;
}

static void test_window_widths(void **state)
{
    (void)state;
    struct window_fixture f;
    f.window = malloc(2u * BUS_BYTES);
    assert_non_null(f.window);
    memset(f.window, 0xFF, 2u * BUS_BYTES);
    acpi_aml_pci_init(&f.p);
    assert_int_equal(acpi_aml_pci_add_ecam_window(&f.p, f.window, W_BASE, 1, 0x80, 0x81), ACPI_OK);
    assert_ptr_equal(acpi_aml_pci_access(&f.p, 1, 0x81), &f.p.ecam[0].access);
    assert_null(acpi_aml_pci_access(&f.p, 1, 0x7F));
    assert_null(acpi_aml_pci_access(&f.p, 0, 0x80)); /* no legacy fallback set */

    /* Writes land at (bus - start) << 20 | dev << 15 | fn << 12 | offset. */
    assert_int_equal(acpi_aml_pci_write(&f.p, 1, 0x81, 3, 5, 0xFFC, 4, 0x11223344u), ACPI_OK);
    assert_memory_equal(f.window + w_off(0x81, 3, 5, 0xFFC), "\x44\x33\x22\x11", 4);
    assert_int_equal(acpi_aml_pci_write(&f.p, 1, 0x80, 31, 7, 0x101, 1, 0xA5), ACPI_OK);
    assert_int_equal(f.window[w_off(0x80, 31, 7, 0x101)], 0xA5);
    assert_int_equal(acpi_aml_pci_write(&f.p, 1, 0x80, 0, 0, 0x2FE, 2, 0xBEEF), ACPI_OK);
    assert_memory_equal(f.window + w_off(0x80, 0, 0, 0x2FE), "\xEF\xBE", 2);
    /* Width 8: two dwords, low one at the offset. */
    assert_int_equal(
        acpi_aml_pci_write(&f.p, 1, 0x81, 1, 0, 0x200, 8, UINT64_C(0x0102030405060708)), ACPI_OK);
    assert_memory_equal(f.window + w_off(0x81, 1, 0, 0x200), "\x08\x07\x06\x05\x04\x03\x02\x01", 8);
    assert_int_equal(acpi_aml_pci_read(&f.p, 1, 0x81, 1, 0, 0x200, 8),
                     UINT64_C(0x0102030405060708));
    assert_int_equal(acpi_aml_pci_read(&f.p, 1, 0x81, 1, 0, 0x204, 4), 0x01020304u);
    assert_int_equal(acpi_aml_pci_read(&f.p, 1, 0x81, 1, 0, 0x206, 2), 0x0102u);
    assert_int_equal(acpi_aml_pci_read(&f.p, 1, 0x81, 1, 0, 0x207, 1), 0x01u);
    assert_int_equal(acpi_aml_pci_read(&f.p, 1, 0x81, 3, 5, 0xFFC, 4), 0x11223344u);

    /* Refused: misaligned, past 0xFFF, odd widths, bad device/function, other
     * segment or bus; nothing written, reads all ones of the width. */
    uint8_t *copy = malloc(2u * BUS_BYTES);
    assert_non_null(copy);
    memcpy(copy, f.window, 2u * BUS_BYTES);
    assert_int_equal(acpi_aml_pci_write(&f.p, 1, 0x80, 0, 0, 0x102, 4, 0), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_aml_pci_write(&f.p, 1, 0x80, 0, 0, 0x101, 2, 0), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_aml_pci_write(&f.p, 1, 0x80, 0, 0, 0xFFC, 8, 0), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_aml_pci_write(&f.p, 1, 0x80, 0, 0, 0x1000, 1, 0), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_aml_pci_write(&f.p, 1, 0x80, 0, 0, 0x100, 3, 0), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_aml_pci_write(&f.p, 1, 0x80, 32, 0, 0x100, 4, 0), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_aml_pci_write(&f.p, 1, 0x80, 0, 8, 0x100, 4, 0), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_aml_pci_write(&f.p, 2, 0x80, 0, 0, 0x100, 4, 0), ACPI_NOT_FOUND);
    assert_int_equal(acpi_aml_pci_write(&f.p, 1, 0x82, 0, 0, 0x100, 4, 0), ACPI_NOT_FOUND);
    assert_memory_equal(copy, f.window, 2u * BUS_BYTES);
    free(copy);
    assert_int_equal(acpi_aml_pci_read(&f.p, 1, 0x81, 3, 5, 0xFFE, 4), UINT32_MAX);
    assert_int_equal(acpi_aml_pci_read(&f.p, 1, 0x81, 3, 5, 0xFFD, 2), 0xFFFFu);
    assert_int_equal(acpi_aml_pci_read(&f.p, 1, 0x81, 1, 0, 0x202, 8), UINT64_MAX);
    assert_int_equal(acpi_aml_pci_read(&f.p, 1, 0x81, 1, 0, 0x200, 3), 0xFFFFFFu);
    assert_int_equal(acpi_aml_pci_read(&f.p, 0, 0x81, 1, 0, 0x200, 1), 0xFFu);
    assert_int_equal(acpi_aml_pci_read(NULL, 1, 0x81, 1, 0, 0x200, 2), 0xFFFFu);
    free(f.window);
}

static void test_mapped_read_only(void **state)
{
    (void)state;
    struct mock_mem mem;
    struct acpi_aml_pci p;
    mock_mem_init(&mem);
    /* Only the page of 00:03.1 of segment 0 exists: a wrong address maps outside. */
    uint64_t page = UINT64_C(0xB0000000) + (3u << 15) + (1u << 12);
    uint8_t *b = mock_mem_add(&mem, page, 4096);
    assert_non_null(b);
    for (unsigned i = 0; i < 4096; i++) {
        b[i] = (uint8_t)(i * 7u + 1u);
    }
    acpi_aml_pci_init(&p);
    assert_int_equal(acpi_aml_pci_add_ecam_mapped(&p, UINT64_C(0xB0000000), 0, 0, 0xFF,
                                                  mock_mem_map, mock_mem_unmap, &mem),
                     ACPI_OK);
    assert_int_equal(acpi_aml_pci_read(&p, 0, 0, 3, 1, 0xFF8, 4),
                     (uint32_t)b[0xFF8] | (uint32_t)b[0xFF9] << 8 | (uint32_t)b[0xFFA] << 16 |
                         (uint32_t)b[0xFFB] << 24);
    assert_int_equal(acpi_aml_pci_read(&p, 0, 0, 3, 1, 0x3, 1), b[3]);
    assert_int_equal(acpi_aml_pci_read(&p, 0, 0, 3, 1, 0x800, 8) & 0xFF, b[0x800]);
    assert_int_equal(mem.largest_map, 4); /* width 8 maps one dword at a time */
    assert_true(mock_mem_clean(&mem));
    /* Read-only: refused before anything is written. */
    assert_int_equal(acpi_aml_pci_write(&p, 0, 0, 3, 1, 0x10, 4, 0), ACPI_UNSUPPORTED);
    assert_int_equal(acpi_aml_pci_write(&p, 0, 0, 3, 1, 0x10, 8, 0), ACPI_UNSUPPORTED);
    assert_int_equal(b[0x10], (uint8_t)(0x10 * 7 + 1));
    /* An absent device maps outside the mock: all ones, counted as a bad map. */
    assert_int_equal(acpi_aml_pci_read(&p, 0, 0, 4, 0, 0, 2), 0xFFFFu);
    assert_int_equal(mem.bad_maps, 1);
    assert_int_equal(mem.last_bad_phys, UINT64_C(0xB0000000) + (4u << 15));
    mock_mem_free(&mem);
}

/* ECAM for bus 0 only; Mechanism #1 for the other segment-0 buses. */
static void test_fallback_order(void **state)
{
    (void)state;
    struct mock_pci pci;
    struct pci_port_io io;
    struct acpi_aml_pci p;
    uint8_t cfg[256];
    uint8_t *window = malloc(BUS_BYTES);
    assert_non_null(window);
    memset(window, 0xFF, BUS_BYTES);
    memset(cfg, 0, sizeof cfg);
    cfg[0] = 0x86;
    cfg[1] = 0x80;
    mock_pci_init(&pci, 256);
    assert_non_null(mock_pci_add(&pci, pci_address_make(0, 0, 0, 0), cfg, sizeof cfg));
    assert_non_null(mock_pci_add(&pci, pci_address_make(0, 5, 0, 0), cfg, sizeof cfg));
    mock_pci_port_io(&pci, &io);
    acpi_aml_pci_init(&p);
    assert_int_equal(acpi_aml_pci_set_legacy(&p, &io), ACPI_OK);
    assert_int_equal(acpi_aml_pci_add_ecam_window(&p, window, UINT64_C(0xB0000000), 0, 0, 0),
                     ACPI_OK);
    /* Bus 0 through ECAM (the window reads all ones, no port access). */
    assert_int_equal(acpi_aml_pci_read(&p, 0, 0, 0, 0, 0, 2), 0xFFFFu);
    assert_int_equal(pci.reads, 0);
    /* Bus 5 through the ports; above 0xFF nothing is reached. */
    assert_int_equal(acpi_aml_pci_read(&p, 0, 5, 0, 0, 0, 2), 0x8086u);
    assert_true(pci.reads > 0);
    assert_int_equal(acpi_aml_pci_read(&p, 0, 5, 0, 0, 0x100, 1), 0xFFu);
    assert_int_equal(acpi_aml_pci_write(&p, 0, 5, 0, 0, 0x100, 4, 0), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_aml_pci_read(&p, 3, 5, 0, 0, 0, 2), 0xFFFFu); /* other segment */
    assert_int_equal(pci.bad_accesses, 0);

    /* The table of regions is bounded. */
    for (unsigned i = 1; i < ACPI_AML_PCI_ECAM_MAX; i++) {
        assert_int_equal(acpi_aml_pci_add_ecam_window(&p, window, 0, (uint16_t)i, 0, 0), ACPI_OK);
    }
    assert_int_equal(acpi_aml_pci_add_ecam_window(&p, window, 0, 99, 0, 0), ACPI_BUFFER_TOO_SMALL);
    assert_int_equal(acpi_aml_pci_add_ecam_window(NULL, window, 0, 0, 0, 0), ACPI_INVALID_ARGUMENT);
    acpi_aml_pci_init(&p);
    assert_int_equal(acpi_aml_pci_add_ecam_window(&p, NULL, 0, 0, 0, 0), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_aml_pci_add_ecam_window(&p, window, 0, 0, 2, 1), ACPI_INVALID_ARGUMENT);
    assert_int_equal(p.ecam_count, 0);
    free(window);
    mock_pci_free(&pci);
}

/* acpi_aml_pci_add_mcfg over the q35 capture's MCFG (base 0xB0000000, segment
 * 0, buses 0-255 as iasl's MCFG.dsl states): the window asked for is the
 * allocation's, and a refused window is counted. */
struct window_request {
    uint64_t phys, size;
    unsigned calls;
    uint8_t *give;
};

static volatile void *window_cb(void *ctx, uint64_t phys, uint64_t size)
{
    struct window_request *r = ctx;
    r->phys = phys;
    r->size = size;
    r->calls++;
    return r->give;
}

static void test_add_mcfg(void **state)
{
    (void)state;
    uint8_t *bytes = NULL;
    size_t len = 0;
    struct acpi_mcfg mcfg;
    struct acpi_aml_pci p;
    uint8_t dummy[16];
    struct window_request r = {.give = dummy};
    assert_int_equal(support_read_file(path_in("q35-pxb-pcie", "tables/MCFG.dat"), &bytes, &len),
                     0);
    assert_int_equal(acpi_mcfg_parse(bytes, len, &mcfg), ACPI_OK);
    acpi_aml_pci_init(&p);
    assert_int_equal(acpi_aml_pci_add_mcfg(&p, &mcfg, window_cb, &r), ACPI_OK);
    assert_int_equal(r.calls, 1);
    assert_int_equal(r.phys, UINT64_C(0xB0000000));
    assert_int_equal(r.size, UINT64_C(256) << 20);
    assert_int_equal(p.ecam_count, 1);
    assert_int_equal(p.ecam[0].ecam.start_bus, 0);
    assert_int_equal(p.ecam[0].ecam.end_bus, 0xFF);
    r.give = NULL;
    acpi_aml_pci_init(&p);
    assert_int_equal(acpi_aml_pci_add_mcfg(&p, &mcfg, window_cb, &r), ACPI_NOT_FOUND);
    assert_int_equal(p.ecam_skipped, 1);
    assert_int_equal(p.ecam_count, 0);
    assert_int_equal(acpi_aml_pci_add_mcfg(&p, NULL, window_cb, &r), ACPI_INVALID_ARGUMENT);
    free(bytes);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s CAPTURE_DIR (tests/acpi/pcihost)\n", argv[0]);
        return 1;
    }
    capture_root = argv[1];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_q35_pxb_pcie),     cmocka_unit_test(test_q35_pxb_pcie_aml_above_0xff),
        cmocka_unit_test(test_i440fx_pxb),       cmocka_unit_test(test_window_widths),
        cmocka_unit_test(test_mapped_read_only), cmocka_unit_test(test_fallback_order),
        cmocka_unit_test(test_add_mcfg),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
