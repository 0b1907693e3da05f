/* apic/ioapic.h against the 82093AA model (82093AA datasheet 3.0 IOREGSEL/IOWIN,
 * 3.2.1 IOAPICID, 3.2.2 IOAPICVER, 3.2.3 IOAPICARB, 3.2.4 IOREDTBL field layout),
 * and ISA IRQ routing of QEMU's real firmware tables: the MADT of each fixture
 * goes through acpi/'s platform information into apic_ioapic_route_gsi, and the
 * programmed entries are compared with ACPICA's decoding (APIC.dsl) of the
 * interrupt source overrides. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/madt.h"
#include "acpi/platform.h"
#include "apic_test.h"
#include "ioapic_model.h"
#include "support.h"

#define IOAPIC_BASE ((uintptr_t)0xFEC00000u)

struct io_fixture {
    struct ioapic_model model;
    struct apic_host host;
    struct apic_ioapic io;
};

static void io_fixture_init(struct io_fixture *f, uintptr_t base, uint8_t id, unsigned pins,
                            uint32_t gsi_base)
{
    ioapic_model_init(&f->model, base, id, pins);
    ioapic_model_host(&f->model, &f->host);
    assert_int_equal(apic_ioapic_init(&f->io, &f->host, base, gsi_base), APIC_OK);
}

static void test_init_id_version(void **state)
{
    (void)state;
    struct io_fixture f;
    io_fixture_init(&f, IOAPIC_BASE, 2, 24, 0);
    assert_int_equal(f.io.id, 2);
    assert_int_equal(f.io.version, 0x11);      /* 82093AA */
    assert_int_equal(f.io.entries, 24);        /* maximum redirection entry 0x17 */
    /* IOAPICVER is register 1, read through IOREGSEL then IOWIN. */
    assert_int_equal(apic_ioapic_read(&f.io, APIC_IOAPIC_REG_VER), 0x00170011u);
    assert_int_equal(apic_ioapic_set_id(&f.io, 9), APIC_OK);
    assert_int_equal(f.model.id, 9u << 24);    /* bits 27:24 */
    assert_int_equal(f.io.id, 9);
    assert_int_equal(apic_ioapic_set_id(&f.io, 16), APIC_INVALID_ARGUMENT);
    /* 3.2.1: a write of the ID loads the same data into the arbitration ID. */
    assert_int_equal(apic_ioapic_arbitration_id(&f.io), 9);
    assert_int_equal(f.model.bad_access, 0);
    assert_int_equal(f.model.bad_index, 0);

    struct ioapic_model m;
    struct apic_host host;
    struct apic_ioapic io;
    ioapic_model_init(&m, IOAPIC_BASE, 0, 24);
    m.absent = true;
    ioapic_model_host(&m, &host);
    assert_int_equal(apic_ioapic_init(&io, &host, IOAPIC_BASE, 0), APIC_BAD_HARDWARE);
    assert_int_equal(apic_ioapic_init(&io, &host, 0, 0), APIC_INVALID_ARGUMENT);
    /* 120 entries is the most IOREGSEL can address; 121 is impossible. */
    ioapic_model_init(&m, IOAPIC_BASE, 0, 120);
    assert_int_equal(apic_ioapic_init(&io, &host, IOAPIC_BASE, 0), APIC_OK);
    assert_int_equal(io.entries, 120);
    struct apic_ioapic_redirection r = {.vector = 0x99};
    assert_int_equal(apic_ioapic_set(&io, 119, &r), APIC_OK);
    assert_int_equal(ioapic_model_entry(&m, 119), 0x99);
    assert_int_equal(m.bad_index, 0);
    ioapic_model_init(&m, IOAPIC_BASE, 0, 121);
    assert_int_equal(apic_ioapic_init(&io, &host, IOAPIC_BASE, 0), APIC_BAD_HARDWARE);
    assert_int_equal(io.entries, 0);
}

struct enc_case {
    struct apic_ioapic_redirection r;
    uint64_t expect;
};

static void test_encoding(void **state)
{
    (void)state;
    /* 3.2.4: 7:0 INTVEC, 10:8 DELMOD (000 fixed, 001 lowest, 010 SMI, 100 NMI,
     * 101 INIT, 111 ExtINT), 11 DESTMOD (1 logical), 12 DELIVS (ro), 13 INTPOL
     * (1 low), 14 remote IRR (ro), 15 TRIGGER (1 level), 16 mask, 63:56 destination. */
    const struct enc_case cases[] = {
        {{.vector = 0x30, .destination = 1}, 0x0100000000000030ull},
        {{.vector = 0x40, .delivery = APIC_IOAPIC_LOWEST_PRIORITY, .logical = true,
          .polarity = APIC_POLARITY_ACTIVE_LOW, .trigger = APIC_TRIGGER_LEVEL, .destination = 0x0F},
         0x0F0000000000A940ull},
        {{.delivery = APIC_IOAPIC_NMI, .destination = 0xFF}, 0xFF00000000000400ull},
        {{.delivery = APIC_IOAPIC_SMI}, 0x0000000000000200ull},
        {{.delivery = APIC_IOAPIC_INIT}, 0x0000000000000500ull},
        {{.delivery = APIC_IOAPIC_EXTINT, .masked = true}, 0x0000000000010700ull},
        {{.vector = 0, .masked = true}, 0x0000000000010000ull},   /* the reset state */
        {{.vector = 0xFE, .destination = 2}, 0x02000000000000FEull},  /* INTVEC's top, FEh */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint64_t v = 0;
        assert_int_equal(apic_ioapic_encode(&cases[i].r, &v), APIC_OK);
        assert_int_equal(v, cases[i].expect);
        struct apic_ioapic_redirection back;
        apic_ioapic_decode(v, &back);
        assert_int_equal(back.vector, cases[i].r.vector);
        assert_int_equal(back.delivery, cases[i].r.delivery);
        assert_int_equal(back.logical, cases[i].r.logical);
        assert_int_equal(back.polarity, cases[i].r.polarity);
        assert_int_equal(back.trigger, cases[i].r.trigger);
        assert_int_equal(back.masked, cases[i].r.masked);
        assert_int_equal(back.destination, cases[i].r.destination);
    }
    const struct apic_ioapic_redirection bad[] = {
        {.delivery = APIC_IOAPIC_EXTINT, .trigger = APIC_TRIGGER_LEVEL},   /* must be edge */
        {.delivery = APIC_IOAPIC_SMI, .trigger = APIC_TRIGGER_LEVEL},
        {.delivery = APIC_IOAPIC_INIT, .trigger = APIC_TRIGGER_LEVEL},
        {.delivery = APIC_IOAPIC_NMI, .trigger = APIC_TRIGGER_LEVEL},    /* NMI: edge too */
        {.vector = 0xFF},                                  /* INTVEC: 10h to FEh (3.2.4) */
        {.vector = 0xFF, .delivery = APIC_IOAPIC_LOWEST_PRIORITY},
        {.vector = 0x40, .delivery = (enum apic_ioapic_delivery)3},
        {.vector = 0x40, .delivery = (enum apic_ioapic_delivery)6},
        {.vector = 0x0F},                                                   /* fixed, < 16 */
        {.vector = 0x40, .polarity = (enum apic_polarity)2},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint64_t v = 0x77;
        assert_int_equal(apic_ioapic_encode(&bad[i], &v), APIC_INVALID_ARGUMENT);
        assert_int_equal(v, 0x77);
    }
}

static void test_set_get_mask(void **state)
{
    (void)state;
    struct io_fixture f;
    io_fixture_init(&f, IOAPIC_BASE, 0, 24, 0);
    struct apic_ioapic_redirection r = {.vector = 0x41, .trigger = APIC_TRIGGER_LEVEL,
                                        .polarity = APIC_POLARITY_ACTIVE_LOW, .destination = 3};
    size_t before = f.model.log_count;
    assert_int_equal(apic_ioapic_set(&f.io, 23, &r), APIC_OK);
    /* Low word masked first, high word, low word: never half-programmed and live. */
    assert_int_equal(f.model.log_count - before, 3);
    assert_int_equal(f.model.log[before].index, 0x10 + 2 * 23);
    assert_int_equal(f.model.log[before].value, 0x0001A041u);
    assert_int_equal(f.model.log[before + 1].index, 0x11 + 2 * 23);
    assert_int_equal(f.model.log[before + 1].value, 0x03000000u);
    assert_int_equal(f.model.log[before + 2].value, 0x0000A041u);
    assert_int_equal(ioapic_model_entry(&f.model, 23), 0x030000000000A041ull);

    /* Read-only delivery status and remote IRR read back and survive a mask. */
    f.model.redtbl[23][0] |= (1u << 12) | (1u << 14);
    struct apic_ioapic_redirection got;
    assert_int_equal(apic_ioapic_get(&f.io, 23, &got), APIC_OK);
    assert_true(got.delivery_pending);
    assert_true(got.remote_irr);
    assert_int_equal(got.destination, 3);
    assert_int_equal(apic_ioapic_mask(&f.io, 23, true), APIC_OK);
    assert_int_equal(f.model.redtbl[23][0], 0x0001F041u);
    assert_int_equal(apic_ioapic_mask(&f.io, 23, false), APIC_OK);
    assert_int_equal(f.model.redtbl[23][0], 0x0000F041u);

    assert_int_equal(apic_ioapic_set(&f.io, 24, &r), APIC_OUT_OF_RANGE);
    assert_int_equal(apic_ioapic_get(&f.io, 24, &got), APIC_OUT_OF_RANGE);
    assert_int_equal(apic_ioapic_mask(&f.io, 24, true), APIC_OUT_OF_RANGE);
    apic_ioapic_mask_all(&f.io);
    for (unsigned p = 0; p < 24; p++) {
        assert_int_equal(f.model.redtbl[p][0] & (1u << 16), 1u << 16);
    }
    assert_int_equal(f.model.bad_index, 0);
    assert_int_equal(f.model.bad_access, 0);
}

static void test_find_and_route(void **state)
{
    (void)state;
    /* Two I/O APICs: GSIs 0-23 and 24-55 (a server's second one with 32 pins). */
    struct io_fixture a;
    struct io_fixture b;
    io_fixture_init(&a, IOAPIC_BASE, 0, 24, 0);
    io_fixture_init(&b, IOAPIC_BASE + 0x1000, 1, 32, 24);
    struct apic_ioapic list[2] = {a.io, b.io};
    size_t i = 9;
    assert_int_equal(apic_ioapic_find(list, 2, 0, &i), APIC_OK);
    assert_int_equal(i, 0);
    assert_int_equal(apic_ioapic_find(list, 2, 23, &i), APIC_OK);
    assert_int_equal(i, 0);
    assert_int_equal(apic_ioapic_find(list, 2, 24, &i), APIC_OK);
    assert_int_equal(i, 1);
    assert_int_equal(apic_ioapic_find(list, 2, 55, &i), APIC_OK);
    assert_int_equal(i, 1);
    assert_int_equal(apic_ioapic_find(list, 2, 56, &i), APIC_NOT_FOUND);
    assert_int_equal(apic_ioapic_find(&list[1], 1, 3, &i), APIC_NOT_FOUND);   /* below base */
    assert_int_equal(apic_ioapic_find(NULL, 0, 3, &i), APIC_NOT_FOUND);
    /* A PCI interrupt: GSI 40, active low, level -> pin 16 of the second. */
    assert_int_equal(apic_ioapic_route_gsi(list, 2, 40, APIC_POLARITY_ACTIVE_LOW, APIC_TRIGGER_LEVEL,
                                           0x50, 2), APIC_OK);
    assert_int_equal(ioapic_model_entry(&b.model, 16), 0x020000000000A050ull);
    assert_int_equal(ioapic_model_entry(&a.model, 16), 0x0000000000010000ull);   /* untouched */
    assert_int_equal(apic_ioapic_route_gsi(list, 2, 99, APIC_POLARITY_ACTIVE_HIGH, APIC_TRIGGER_EDGE,
                                           0x50, 2), APIC_NOT_FOUND);
}

/* One interrupt source override as ACPICA prints it. */
struct dsl_override {
    unsigned source_irq;
    unsigned gsi;
    unsigned polarity;   /* MPS INTI: 0 conforms, 1 high, 3 low */
    unsigned trigger;    /* 0 conforms, 1 edge, 3 level */
};

static unsigned hex_after(const char *line)
{
    const char *c = strchr(line, ':');
    return c == NULL ? 0u : (unsigned)strtoul(c + 1, NULL, 16);
}

static size_t read_overrides(const char *path, struct dsl_override *out, size_t max)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[512];
    size_t n = 0;
    bool in = false;
    while (fgets(line, sizeof line, f) != NULL) {
        if (strstr(line, "Subtable Type") != NULL) {
            in = strstr(line, "[Interrupt Source Override]") != NULL;
            if (in && n < max) {
                memset(&out[n], 0, sizeof out[n]);
                n++;
            }
            continue;
        }
        if (!in || n == 0) {
            continue;
        }
        struct dsl_override *o = &out[n - 1];
        if (strstr(line, " Source :") != NULL) {
            o->source_irq = hex_after(line);
        } else if (strstr(line, " Interrupt :") != NULL) {
            o->gsi = hex_after(line);
        } else if (strstr(line, "Polarity") != NULL) {
            o->polarity = hex_after(line);
        } else if (strstr(line, "Trigger Mode") != NULL) {
            o->trigger = hex_after(line);
        }
    }
    fclose(f);
    return n;
}

static size_t route_fixture(const char *config)
{
    char rel[256];
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/APIC.dat", config);
    uint8_t *bytes;
    size_t len;
    if (support_read_file(support_path(rel), &bytes, &len) != 0) {
        return 0;
    }
    struct acpi_madt madt;
    assert_int_equal(acpi_madt_parse(bytes, len, &madt), ACPI_OK);
    struct acpi_platform_io_apic ios[4];
    struct acpi_platform_processor cpus[64];
    struct acpi_platform_nmi_source nmis[4];
    struct acpi_platform_local_apic_nmi lnmis[64];
    struct acpi_platform p;
    memset(&p, 0, sizeof p);
    p.io_apics.items = ios, p.io_apics.capacity = 4;
    p.processors.items = cpus, p.processors.capacity = 64;
    p.nmi_sources.items = nmis, p.nmi_sources.capacity = 4;
    p.local_apic_nmis.items = lnmis, p.local_apic_nmis.capacity = 64;
    struct acpi_platform_tables tables = {.madt = &madt};
    assert_int_equal(acpi_platform_build(&tables, &p), ACPI_OK);

    /* The I/O APIC the MADT names, with QEMU's 24 inputs. */
    assert_int_equal(p.io_apics.count, 1);
    struct io_fixture f;
    io_fixture_init(&f, ios[0].address, ios[0].io_apic_id, 24, ios[0].gsi_base);
    /* The README's wiring: (GSI, polarity, trigger) of isa_irqs[n] into the router. */
    for (unsigned irq = 0; irq < 16; irq++) {
        if (irq == 2) {
            continue;   /* the cascade: no device */
        }
        const struct acpi_platform_isa_irq *k = &p.isa_irqs[irq];
        enum apic_polarity pol = k->polarity == ACPI_POLARITY_ACTIVE_LOW ? APIC_POLARITY_ACTIVE_LOW
                                                                          : APIC_POLARITY_ACTIVE_HIGH;
        enum apic_trigger trig = k->trigger == ACPI_TRIGGER_LEVEL ? APIC_TRIGGER_LEVEL
                                                                  : APIC_TRIGGER_EDGE;
        assert_int_equal(apic_ioapic_route_gsi(&f.io, 1, k->gsi, pol, trig, (uint8_t)(0x20 + irq), 0),
                         APIC_OK);
    }
    free(bytes);

    /* What ACPICA says: each override's GSI gets the IRQ's vector with the
     * override's flags; every other ISA IRQ sits on its own pin, active high, edge
     * (ACPI 6.5 5.2.12.5: ISA interrupts are edge, active high unless overridden). */
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/APIC.dsl", config);
    struct dsl_override ov[16];
    size_t n = read_overrides(support_path(rel), ov, 16);
    assert_true(n > 0);
    size_t compared = 0;
    for (unsigned irq = 0; irq < 16; irq++) {
        if (irq == 2) {
            continue;
        }
        unsigned gsi = irq;
        uint64_t flags = 0;
        for (size_t i = 0; i < n; i++) {
            if (ov[i].source_irq == irq) {
                gsi = ov[i].gsi;
                flags |= ov[i].polarity == 3 ? (1u << 13) : 0u;
                flags |= ov[i].trigger == 3 ? (1u << 15) : 0u;
            }
        }
        assert_int_equal(ioapic_model_entry(&f.model, gsi), flags | (0x20u + irq));
        compared++;
    }
    assert_int_equal(f.model.bad_index, 0);
    return compared;
}

static void test_qemu_isa_routing(void **state)
{
    (void)state;
    const char *configs[] = {"i440fx-seabios", "q35-seabios", "q35-ovmf"};
    size_t total = 0;
    for (size_t i = 0; i < sizeof configs / sizeof configs[0]; i++) {
        total += route_fixture(configs[i]);
    }
    if (total == 0) {
        skip();
    }
    print_message("      %zu ISA IRQ routes compared with ACPICA's MADT decoding\n", total);
    assert_int_equal(total, 45);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_id_version),
        cmocka_unit_test(test_encoding),
        cmocka_unit_test(test_set_get_mask),
        cmocka_unit_test(test_find_and_route),
        cmocka_unit_test(test_qemu_isa_routing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
