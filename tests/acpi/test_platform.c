/* Platform information of each QEMU fixture against its configuration
 * (qemu-cmdline.txt's -smp) and ACPICA's decoding of its tables (APIC.dsl,
 * FACP.dsl, HPET.dsl, MCFG.dsl), x86 and AArch64 (GIC); NUMA from corpus
 * computers with SRAT and SLIT against ACPICA; arrays that are too small;
 * malformed tables. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/platform.h"
#include "iasl_text.h"
#include "support.h"

struct loaded {
    uint8_t *madt_bytes, *fadt_bytes, *mcfg_bytes, *hpet_bytes, *srat_bytes, *slit_bytes;
    struct acpi_madt madt;
    struct acpi_fadt fadt;
    struct acpi_mcfg mcfg;
    struct acpi_hpet hpet;
    struct acpi_srat srat;
    struct acpi_slit slit;
    struct acpi_platform_tables tables;
};

static uint8_t *load(const char *path)
{
    uint8_t *bytes;
    size_t len;
    if (support_read_file(path, &bytes, &len) != 0)
        return NULL;
    return bytes;
}

static size_t file_len(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return 0;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fclose(f);
    return (size_t)n;
}

/* dir/<name> for the QEMU (upper-case) or corpus (lower-case) naming. */
static void load_tables(const char *dir, bool corpus, struct loaded *l)
{
    memset(l, 0, sizeof *l);
    char path[512];
#define LOAD(field, qname, cname, parse_call, target)                                          \
    do {                                                                                       \
        snprintf(path, sizeof path, "%s/%s", dir, corpus ? cname : qname);                     \
        l->field = load(path);                                                                 \
        if (l->field != NULL) {                                                                \
            size_t n_ = file_len(path);                                                        \
            assert_int_equal(parse_call, ACPI_OK);                                             \
            l->tables.target = &l->target;                                                     \
        }                                                                                      \
    } while (0)
    LOAD(madt_bytes, "APIC.dat", "apic.dat", acpi_madt_parse(l->madt_bytes, n_, &l->madt), madt);
    LOAD(fadt_bytes, "FACP.dat", "facp.dat", acpi_fadt_parse(l->fadt_bytes, n_, &l->fadt), fadt);
    LOAD(mcfg_bytes, "MCFG.dat", "mcfg.dat", acpi_mcfg_parse(l->mcfg_bytes, n_, &l->mcfg), mcfg);
    LOAD(hpet_bytes, "HPET.dat", "hpet.dat", acpi_hpet_parse(l->hpet_bytes, n_, &l->hpet), hpet);
    LOAD(srat_bytes, "SRAT.dat", "srat.dat",
         acpi_srat_parse(l->srat_bytes, n_, ACPI_CHECKSUM_ACCEPT, &l->srat), srat);
    LOAD(slit_bytes, "SLIT.dat", "slit.dat",
         acpi_slit_parse(l->slit_bytes, n_, ACPI_CHECKSUM_ACCEPT, &l->slit), slit);
#undef LOAD
}

static void free_tables(struct loaded *l)
{
    free(l->madt_bytes);
    free(l->fadt_bytes);
    free(l->mcfg_bytes);
    free(l->hpet_bytes);
    free(l->srat_bytes);
    free(l->slit_bytes);
}

struct arrays {
    struct acpi_platform_gicc gicc[64];
    struct acpi_platform_gicr_range gicr[8];
    struct acpi_platform_io_apic io[8];
    struct acpi_platform_nmi_source nmi[8];
    struct acpi_platform_local_apic_nmi lnmi[512];
    struct acpi_platform_processor cpu[512];
    struct acpi_platform_ecam ecam[8];
    struct acpi_platform_memory_range mem[64];
};

static void attach(struct acpi_platform *p, struct arrays *a)
{
    memset(p, 0, sizeof *p);
    p->io_apics.items = a->io, p->io_apics.capacity = 8;
    p->nmi_sources.items = a->nmi, p->nmi_sources.capacity = 8;
    p->local_apic_nmis.items = a->lnmi, p->local_apic_nmis.capacity = 512;
    p->processors.items = a->cpu, p->processors.capacity = 512;
    p->ecam.items = a->ecam, p->ecam.capacity = 8;
    p->memory_ranges.items = a->mem, p->memory_ranges.capacity = 64;
    p->gicc.items = a->gicc, p->gicc.capacity = 64;
    p->gicr_ranges.items = a->gicr, p->gicr_ranges.capacity = 8;
}

static uint64_t dsl(const struct iasl_text *t, uint32_t from, uint32_t to, const char *name)
{
    uint64_t v;
    if (!iasl_hex(t, from, to, name, &v))
        fail_msg("no '%s' in [%u, %u)", name, from, to);
    return v;
}

/* The type of the N-th subtable of an APIC.dsl, its bytes [*from, *to);
 * -1 past the last. */
static long madt_subtable(const struct iasl_text *t, size_t n, uint32_t *from, uint32_t *to)
{
    const struct iasl_field *st = iasl_find(t, 44, 1u << 20, "Subtable Type", n);
    if (st == NULL)
        return -1;
    *from = st->offset;
    *to = *from + (uint32_t)dsl(t, *from, *from + 2, "Length");
    return (long)strtoul(st->value, NULL, 16);
}

/* The N of "-smp N" in a qemu-cmdline.txt (0 when absent). */
static unsigned smp_of(const char *cmdline_path)
{
    FILE *f = fopen(cmdline_path, "r");
    assert_non_null(f);
    char line[2048];
    unsigned smp = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        const char *s = strstr(line, "-smp ");
        if (s != NULL && line[0] != '#')
            smp = (unsigned)strtoul(s + 5, NULL, 10);
    }
    fclose(f);
    return smp;
}

static void check_qemu(const char *config)
{
    char dir[512], rel[256];
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables", config);
    snprintf(dir, sizeof dir, "%s", support_path(rel));
    struct loaded l;
    load_tables(dir, false, &l);
    static struct arrays a;
    struct acpi_platform p;
    attach(&p, &a);
    assert_int_equal(acpi_platform_build(&l.tables, &p), ACPI_OK);

    /* -smp N of the QEMU command line: N enabled processors, BSP first. */
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/qemu-cmdline.txt", config);
    unsigned smp = smp_of(support_path(rel));
    assert_true(smp > 0);
    assert_int_equal(p.processors.count, smp);
    assert_true(a.cpu[0].bsp);
    for (size_t i = 0; i < smp; i++) {
        assert_true(a.cpu[i].enabled);
        assert_int_equal(a.cpu[i].bsp, i == 0);
    }

    /* ACPICA's decoding of the MADT. */
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/APIC.dsl", config);
    struct iasl_text t;
    assert_int_equal(iasl_text_load(support_path(rel), &t), 0);
    assert_int_equal(p.local_apic_address, dsl(&t, 36, 40, "Local Apic Address"));
    assert_int_equal(p.pcat_compat, (dsl(&t, 40, 44, "Flags (decoded below)") & 1) != 0);
    size_t cpus = 0, overrides = 0, lnmis = 0;
    uint32_t from, to;
    long type;
    for (size_t n = 0; (type = madt_subtable(&t, n, &from, &to)) >= 0; n++) {
        switch (type) {
        case 0:
            assert_int_equal(a.cpu[cpus].apic_id, dsl(&t, from, to, "Local Apic ID"));
            assert_int_equal(a.cpu[cpus].acpi_processor_uid, dsl(&t, from, to, "Processor ID"));
            cpus++;
            break;
        case 1:
            /* The check: one I/O APIC at 0xFEC00000 serving GSI 0 up. */
            assert_int_equal(p.io_apics.count, 1);
            assert_int_equal(a.io[0].address, 0xFEC00000);
            assert_int_equal(a.io[0].address, dsl(&t, from, to, "Address"));
            assert_int_equal(a.io[0].gsi_base, dsl(&t, from, to, "Interrupt"));
            assert_int_equal(a.io[0].io_apic_id, dsl(&t, from, to, "I/O Apic ID"));
            break;
        case 2: {
            uint64_t src = dsl(&t, from, to, "Source"), flags = dsl(&t, from, to, "Flags (decoded below)");
            const struct acpi_platform_isa_irq *irq = &p.isa_irqs[src];
            assert_true(irq->overridden);
            assert_int_equal(irq->gsi, dsl(&t, from, to, "Interrupt"));
            /* Table 5.27, with "conforms" meaning ISA's active high, edge. */
            assert_int_equal(irq->polarity, (flags & 3) == 3 ? ACPI_POLARITY_ACTIVE_LOW
                                                             : ACPI_POLARITY_ACTIVE_HIGH);
            assert_int_equal(irq->trigger, ((flags >> 2) & 3) == 3 ? ACPI_TRIGGER_LEVEL
                                                                   : ACPI_TRIGGER_EDGE);
            overrides++;
            break;
        }
        case 4:
            assert_int_equal(a.lnmi[lnmis].lint, dsl(&t, from, to, "Interrupt Input LINT"));
            assert_int_equal(a.lnmi[lnmis].all_processors,
                             dsl(&t, from, to, "Processor ID") == 0xFF);
            lnmis++;
            break;
        default:
            break;
        }
    }
    assert_int_equal(cpus, smp);
    assert_int_equal(p.local_apic_nmis.count, lnmis);
    /* QEMU overrides IRQ 0 (the PIT, to GSI 2) and the PCI link IRQs. */
    assert_true(p.isa_irqs[0].overridden);
    assert_int_equal(p.isa_irqs[0].gsi, 2);
    size_t seen = 0;
    for (int i = 0; i < 16; i++) {
        if (p.isa_irqs[i].overridden) {
            seen++;
        } else {
            assert_int_equal(p.isa_irqs[i].gsi, i);
            assert_int_equal(p.isa_irqs[i].trigger, ACPI_TRIGGER_EDGE);
        }
    }
    assert_int_equal(seen, overrides);
    iasl_text_free(&t);

    /* FADT: PM timer and reset register as FACP.dsl states them. */
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/FACP.dsl", config);
    assert_int_equal(iasl_text_load(support_path(rel), &t), 0);
    assert_true(p.has_pm_timer);
    assert_int_equal(p.pm_timer.reg.address, dsl(&t, 76, 80, "PM Timer Block Address"));
    assert_false(p.pm_timer.extended); /* "32-bit PM Timer (V1) : 0" on QEMU */
    if (iasl_find(&t, 116, 128, "Reset Register", 0) != NULL) {
        assert_true(p.has_reset_register);
        assert_int_equal(p.reset_register.address, dsl(&t, 116, 128, "Address"));
        assert_int_equal(p.reset_value, dsl(&t, 128, 129, "Value to cause reset"));
    } else {
        assert_false(p.has_reset_register); /* a 116-byte ACPI 1.0 FADT */
    }
    iasl_text_free(&t);

    /* HPET and MCFG when the machine has them. */
    assert_int_equal(p.has_hpet, l.tables.hpet != NULL);
    if (p.has_hpet) {
        snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/HPET.dsl", config);
        assert_int_equal(iasl_text_load(support_path(rel), &t), 0);
        assert_int_equal(p.hpet_address, dsl(&t, 40, 52, "Address"));
        iasl_text_free(&t);
    }
    if (l.tables.mcfg != NULL) {
        snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/MCFG.dsl", config);
        assert_int_equal(iasl_text_load(support_path(rel), &t), 0);
        assert_int_equal(p.ecam.count, 1);
        assert_int_equal(a.ecam[0].base_address, dsl(&t, 44, 60, "Base Address"));
        assert_int_equal(a.ecam[0].start_bus, dsl(&t, 44, 60, "Start Bus Number"));
        assert_int_equal(a.ecam[0].end_bus, dsl(&t, 44, 60, "End Bus Number"));
        iasl_text_free(&t);
    } else {
        assert_int_equal(p.ecam.count, 0);
    }
    assert_int_equal(p.memory_ranges.count, 0);
    assert_false(p.has_slit);
    free_tables(&l);
}

static void qemu_platforms(void **state)
{
    (void)state;
    check_qemu("i440fx-seabios");
    check_qemu("i440fx-seabios-nohpet");
    check_qemu("q35-seabios");
    check_qemu("q35-ovmf");
}

/* An AArch64 capture of this tree (tests/fixtures/NAME): GIC processors,
 * distributor and redistributors against ACPICA's APIC.dsl and -smp. */
static void check_aarch64(const char *name)
{
    const char *src = getenv("OSDEV_SOURCE_DIR");
    assert_non_null(src);
    char dir[512], path[640];
    snprintf(dir, sizeof dir, "%s/tests/fixtures/%s/tables", src, name);
    struct loaded l;
    load_tables(dir, false, &l);
    assert_non_null(l.tables.madt);
    static struct arrays a;
    struct acpi_platform p;
    attach(&p, &a);
    assert_int_equal(acpi_platform_build(&l.tables, &p), ACPI_OK);
    snprintf(path, sizeof path, "%s/tests/fixtures/%s/qemu-cmdline.txt", src, name);
    unsigned smp = smp_of(path);
    assert_int_equal(smp, 4);
    /* No x86 interrupt model on a GIC machine. */
    assert_int_equal(p.processors.count, 0);
    assert_int_equal(p.io_apics.count, 0);
    assert_int_equal(p.gicc.count, smp);

    snprintf(path, sizeof path, "%s/APIC.dsl", dir);
    struct iasl_text t;
    assert_int_equal(iasl_text_load(path, &t), 0);
    size_t gicc = 0, gicr = 0, gicd = 0;
    uint32_t from, to;
    long type;
    for (size_t n = 0; (type = madt_subtable(&t, n, &from, &to)) >= 0; n++) {
        switch (type) {
        case 0x0B: { /* GICC: ACPI 6.5 Table 5.37 */
            const struct acpi_platform_gicc *c = &a.gicc[gicc];
            uint64_t flags = dsl(&t, from, to, "Flags (decoded below)");
            assert_int_equal(c->mpidr, dsl(&t, from, to, "ARM MPIDR"));
            assert_int_equal(c->acpi_processor_uid, dsl(&t, from, to, "Processor UID"));
            assert_int_equal(c->cpu_interface_number, dsl(&t, from, to, "CPU Interface Number"));
            assert_int_equal(c->gicc_base_address, dsl(&t, from, to, "Base Address"));
            assert_int_equal(c->gicr_base_address, dsl(&t, from, to, "Redistributor Base Address"));
            assert_int_equal(c->gicv_base_address, dsl(&t, from, to, "Virtual GIC Base Address"));
            assert_int_equal(c->gich_base_address, dsl(&t, from, to, "Hypervisor GIC Base Address"));
            assert_int_equal(c->performance_interrupt, dsl(&t, from, to, "Performance Interrupt"));
            assert_int_equal(c->vgic_maintenance_interrupt,
                             dsl(&t, from, to, "Virtual GIC Interrupt"));
            /* Table 5.38: bit 0 enabled, bit 1 edge-triggered PMU interrupt. */
            assert_int_equal(c->enabled, (flags & 1) != 0);
            assert_int_equal(c->performance_interrupt_trigger,
                             (flags & 2) ? ACPI_TRIGGER_EDGE : ACPI_TRIGGER_LEVEL);
            assert_true(c->enabled); /* every -smp processor is running */
            assert_false(c->online_capable);
            assert_false(c->has_proximity_domain); /* no SRAT */
            gicc++;
            break;
        }
        case 0x0C: /* GICD: Table 5.43 */
            assert_true(p.has_gicd);
            assert_int_equal(p.gicd_address, dsl(&t, from, to, "Base Address"));
            assert_int_equal(p.gic_version, dsl(&t, from, to, "Version"));
            gicd++;
            break;
        case 0x0E: /* GICR: Table 5.47; the first "Length" is the entry's */
            assert_int_equal(a.gicr[gicr].base_address, dsl(&t, from, to, "Base Address"));
            assert_int_equal(a.gicr[gicr].length, dsl(&t, from + 2, to, "Length"));
            gicr++;
            break;
        default:
            break;
        }
    }
    assert_int_equal(gicc, smp);
    assert_int_equal(gicd, 1);
    assert_int_equal(p.gicr_ranges.count, gicr);
    /* QEMU numbers the processors' MPIDR affinity 0, 1, ... within a cluster. */
    for (size_t i = 0; i < smp; i++)
        assert_int_equal(a.gicc[i].mpidr, i);
    iasl_text_free(&t);

    /* Hardware-reduced FADT: no PM timer; MCFG's one ECAM window. */
    snprintf(path, sizeof path, "%s/FACP.dsl", dir);
    assert_int_equal(iasl_text_load(path, &t), 0);
    assert_int_equal(p.has_pm_timer, dsl(&t, 76, 80, "PM Timer Block Address") != 0);
    iasl_text_free(&t);
    snprintf(path, sizeof path, "%s/MCFG.dsl", dir);
    assert_int_equal(iasl_text_load(path, &t), 0);
    assert_int_equal(p.ecam.count, 1);
    assert_int_equal(a.ecam[0].base_address, dsl(&t, 44, 60, "Base Address"));
    iasl_text_free(&t);
    free_tables(&l);
}

static void aarch64_platforms(void **state)
{
    (void)state;
    check_aarch64("qemu-aarch64-virt");       /* GICv2: memory-mapped CPU interfaces */
    check_aarch64("qemu-aarch64-virt-gicv3"); /* GICv3: a redistributor range */
}

/* Computers with SRAT and SLIT: domains and distances against ACPICA. */
static void corpus_numa(void **state)
{
    (void)state;
    if (!iasl_available())
        skip();
    static const char *const hwids[] = {"1979FBF2D488", "4B645993A72D", "57ED146F2C3C"};
    for (size_t h = 0; h < 3; h++) {
        char rel[256], dir[512];
        snprintf(rel, sizeof rel, "corpus/acpi/%s", hwids[h]);
        snprintf(dir, sizeof dir, "%s", support_path(rel));
        struct loaded l;
        load_tables(dir, true, &l);
        assert_non_null(l.tables.srat);
        assert_non_null(l.tables.slit);
        static struct arrays a;
        struct acpi_platform p;
        attach(&p, &a);
        assert_int_equal(acpi_platform_build(&l.tables, &p), ACPI_OK);
        struct iasl_text t;
        assert_int_equal(iasl_text_decode(l.srat_bytes, l.srat.sdt.length, &t), 0);
        size_t mem = 0, cpu_affinities = 0;
        for (size_t n = 0;; n++) {
            const struct iasl_field *st = iasl_find(&t, 48, l.srat.sdt.length, "Subtable Type", n);
            if (st == NULL)
                break;
            uint32_t from = st->offset, to = from + (uint32_t)dsl(&t, from, from + 2, "Length");
            if ((dsl(&t, from, to, "Flags (decoded below)") & 1) == 0)
                continue;
            unsigned long type = strtoul(st->value, NULL, 16);
            if (type == 1) {
                assert_int_equal(a.mem[mem].base, dsl(&t, from, to, "Base Address"));
                assert_int_equal(a.mem[mem].length, dsl(&t, from, to, "Address Length"));
                assert_int_equal(a.mem[mem].proximity_domain, dsl(&t, from, to, "Proximity Domain"));
                mem++;
            } else if (type == 0 || type == 2) {
                uint64_t id = dsl(&t, from, to, "Apic ID");
                uint64_t dom = type == 2 ? dsl(&t, from, to, "Proximity Domain")
                                         : dsl(&t, from, to, "Proximity Domain Low(8)") |
                                               (dsl(&t, from, to, "Proximity Domain High(24)") << 8);
                /* Every MADT processor with that APIC ID carries that domain. */
                for (size_t i = 0; i < p.processors.count; i++) {
                    if (a.cpu[i].apic_id == id) {
                        assert_true(a.cpu[i].has_proximity_domain);
                        assert_int_equal(a.cpu[i].proximity_domain, dom);
                    }
                }
                cpu_affinities++;
            }
        }
        assert_int_equal(p.memory_ranges.count, mem);
        assert_true(cpu_affinities > 0);
        iasl_text_free(&t);
        /* Distances: the SLIT matrix as ACPICA prints it, row 0. */
        assert_int_equal(iasl_text_decode(l.slit_bytes, l.slit.sdt.length, &t), 0);
        const struct iasl_field *row = iasl_find(&t, 44, l.slit.sdt.length, "Locality   0", 0);
        assert_non_null(row);
        char *s = (char *)row->value;
        for (uint32_t j = 0; j < l.slit.number_of_system_localities; j++) {
            uint8_t d;
            assert_int_equal(acpi_platform_numa_distance(&p, 0, j, &d), ACPI_OK);
            assert_int_equal(d, strtoul(s, &s, 16));
        }
        uint8_t d;
        assert_int_equal(acpi_platform_numa_distance(&p, 0, 0x7FFFFFFF, &d), ACPI_NOT_FOUND);
        iasl_text_free(&t);
        free_tables(&l);
    }
}

static void arrays_too_small(void **state)
{
    (void)state;
    struct loaded l;
    load_tables(support_path("fixtures/qemu/q35-seabios/tables"), false, &l);
    struct acpi_platform_processor cpu[1];
    struct acpi_platform p;
    memset(&p, 0, sizeof p);
    p.processors.items = cpu;
    p.processors.capacity = 1;
    /* Every other array has no room at all. */
    assert_int_equal(acpi_platform_build(&l.tables, &p), ACPI_BUFFER_TOO_SMALL);
    assert_int_equal(p.processors.count, 4); /* -smp 4 */
    assert_true(cpu[0].bsp);
    assert_int_equal(cpu[0].apic_id, 0);
    assert_int_equal(p.io_apics.count, 1);
    assert_int_equal(p.ecam.count, 1);
    /* The fixed parts are complete all the same. */
    assert_int_equal(p.local_apic_address, 0xFEE00000);
    assert_true(p.isa_irqs[0].overridden);
    assert_true(p.has_pm_timer);
    /* No tables at all: nothing, and no failure. */
    struct acpi_platform_tables none = {0};
    assert_int_equal(acpi_platform_build(&none, &p), ACPI_OK);
    assert_false(p.has_madt);
    assert_int_equal(p.processors.count, 0);
    uint8_t d;
    assert_int_equal(acpi_platform_numa_distance(&p, 0, 0, &d), ACPI_NOT_FOUND);
    assert_int_equal(acpi_platform_build(NULL, &p), ACPI_INVALID_ARGUMENT);
    free_tables(&l);
}

static void malformed_madt_and_bsp_order(void **state)
{
    (void)state;
    /* A MADT laid out per ACPI 6.5 5.2.12: a disabled, not online-capable CPU,
     * a disabled online-capable CPU, the first enabled CPU (the BSP), then an
     * entry with length 0. */
    uint8_t b[128] = {'A', 'P', 'I', 'C', 0, 0, 0, 0, 5};
    size_t o = 44;
    const uint8_t cpus[3][8] = {{0, 8, 0, 7, 0, 0, 0, 0}, {0, 8, 1, 8, 2, 0, 0, 0},
                                {0, 8, 2, 9, 1, 0, 0, 0}};
    for (int i = 0; i < 3; i++, o += 8)
        memcpy(b + o, cpus[i], 8);
    b[o] = 1, b[o + 1] = 0;
    o += 2;
    b[4] = (uint8_t)o;
    struct acpi_madt madt;
    assert_int_equal(acpi_madt_parse(b, o, &madt), ACPI_OK);
    struct acpi_platform_tables tables = {.madt = &madt};
    static struct arrays a;
    struct acpi_platform p;
    attach(&p, &a);
    assert_int_equal(acpi_platform_build(&tables, &p), ACPI_BAD_ENTRY);
    assert_int_equal(p.processors.count, 2);
    assert_true(a.cpu[0].bsp);
    assert_int_equal(a.cpu[0].apic_id, 9);
    assert_false(a.cpu[1].enabled);
    assert_true(a.cpu[1].online_capable);
    assert_int_equal(a.cpu[1].apic_id, 8);
}

/* GICC flags real captures do not reach (ACPI 6.5, Table 5.38): a disabled
 * GICC that is not online capable is left out, an online-capable one kept;
 * bit 1 makes the PMU interrupt edge-triggered; an SRAT GICC Affinity
 * structure (5.2.16.4) gives the processor with that UID its domain. */
static void gicc_flags_and_affinity(void **state)
{
    (void)state;
    uint8_t b[44 + 3 * 80] = {'A', 'P', 'I', 'C', 0, 0, 0, 0, 5};
    const uint32_t flags[3] = {0x0, 0x8, 0x3};
    for (uint32_t i = 0; i < 3; i++) {
        uint8_t *e = b + 44 + 80 * i;
        e[0] = 0x0B, e[1] = 80;
        e[8] = (uint8_t)(10 + i);               /* ACPI Processor UID */
        e[12] = (uint8_t)flags[i];              /* Flags */
        e[20] = 23;                             /* Performance Interrupt GSIV */
        e[68] = (uint8_t)i, e[69] = 1;          /* MPIDR: Aff1 1, Aff0 i */
    }
    b[4] = (uint8_t)sizeof b, b[5] = (uint8_t)(sizeof b >> 8);
    struct acpi_madt madt;
    assert_int_equal(acpi_madt_parse(b, sizeof b, &madt), ACPI_OK);
    /* SRAT: 48-byte header, one GICC Affinity (type 3, length 18) for UID 12. */
    uint8_t r[48 + 18] = {'S', 'R', 'A', 'T', sizeof r, 0, 0, 0, 3};
    r[48] = 3, r[49] = 18;
    r[50] = 7;                                  /* Proximity Domain */
    r[54] = 12;                                 /* ACPI Processor UID */
    r[58] = 1;                                  /* Flags: enabled */
    struct acpi_srat srat;
    assert_int_equal(acpi_srat_parse(r, sizeof r, ACPI_CHECKSUM_ACCEPT, &srat), ACPI_OK);
    struct acpi_platform_tables tables = {.madt = &madt, .srat = &srat};
    static struct arrays a;
    struct acpi_platform p;
    attach(&p, &a);
    assert_int_equal(acpi_platform_build(&tables, &p), ACPI_OK);
    assert_int_equal(p.gicc.count, 2);
    assert_int_equal(a.gicc[0].acpi_processor_uid, 11);
    assert_false(a.gicc[0].enabled);
    assert_true(a.gicc[0].online_capable);
    assert_int_equal(a.gicc[0].performance_interrupt_trigger, ACPI_TRIGGER_LEVEL);
    assert_false(a.gicc[0].has_proximity_domain);
    assert_int_equal(a.gicc[1].mpidr, 0x102);
    assert_true(a.gicc[1].enabled);
    assert_int_equal(a.gicc[1].performance_interrupt, 23);
    assert_int_equal(a.gicc[1].performance_interrupt_trigger, ACPI_TRIGGER_EDGE);
    assert_true(a.gicc[1].has_proximity_domain);
    assert_int_equal(a.gicc[1].proximity_domain, 7);
    assert_false(p.has_gicd);
    /* Too little room: counted all the same. */
    p.gicc.capacity = 1;
    assert_int_equal(acpi_platform_build(&tables, &p), ACPI_BUFFER_TOO_SMALL);
    assert_int_equal(p.gicc.count, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(qemu_platforms),
        cmocka_unit_test(aarch64_platforms),
        cmocka_unit_test(corpus_numa),
        cmocka_unit_test(arrays_too_small),
        cmocka_unit_test(malformed_madt_and_bsp_order),
        cmocka_unit_test(gicc_flags_and_affinity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
