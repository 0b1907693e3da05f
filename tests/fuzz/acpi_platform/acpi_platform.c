/* Fuzz harness: platform information from arbitrary tables.
 *
 * The input is a sequence of chunks, each a 16-bit little-endian length and
 * that many bytes; every chunk is given to the parser its signature names
 * (APIC, FACP, MCFG, HPET, SRAT, SLIT) and the parsed tables to
 * acpi_platform_build with small arrays, so both the complete and the
 * too-small paths run. Counts, stored items and the BSP must stay coherent;
 * no GIC CPU interface that is neither enabled nor online capable is kept. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/platform.h"

int fuzz_one(const uint8_t *data, size_t size);

int fuzz_one(const uint8_t *data, size_t size)
{
    struct acpi_madt madt;
    struct acpi_fadt fadt;
    struct acpi_mcfg mcfg;
    struct acpi_hpet hpet;
    struct acpi_srat srat;
    struct acpi_slit slit;
    struct acpi_platform_tables t = {0};
    size_t o = 0;
    while (size - o >= 2) {
        size_t n = (size_t)data[o] | ((size_t)data[o + 1] << 8);
        o += 2;
        if (n > size - o)
            n = size - o;
        const uint8_t *c = data + o;
        o += n;
        if (n < 4)
            continue;
        if (memcmp(c, "APIC", 4) == 0 && acpi_madt_parse(c, n, &madt) == ACPI_OK)
            t.madt = &madt;
        else if (memcmp(c, "FACP", 4) == 0 && acpi_fadt_parse(c, n, &fadt) == ACPI_OK)
            t.fadt = &fadt;
        else if (memcmp(c, "MCFG", 4) == 0 && acpi_mcfg_parse(c, n, &mcfg) == ACPI_OK)
            t.mcfg = &mcfg;
        else if (memcmp(c, "HPET", 4) == 0 && acpi_hpet_parse(c, n, &hpet) == ACPI_OK)
            t.hpet = &hpet;
        else if (memcmp(c, "SRAT", 4) == 0 &&
                 acpi_srat_parse(c, n, ACPI_CHECKSUM_ACCEPT, &srat) == ACPI_OK)
            t.srat = &srat;
        else if (memcmp(c, "SLIT", 4) == 0 &&
                 acpi_slit_parse(c, n, ACPI_CHECKSUM_ACCEPT, &slit) == ACPI_OK)
            t.slit = &slit;
    }
    struct acpi_platform_io_apic io[2];
    struct acpi_platform_nmi_source nmi[2];
    struct acpi_platform_local_apic_nmi lnmi[2];
    struct acpi_platform_processor cpu[4];
    struct acpi_platform_ecam ecam[2];
    struct acpi_platform_memory_range mem[2];
    struct acpi_platform_gicc gicc[2];
    struct acpi_platform_gicr_range gicr[2];
    struct acpi_platform p;
    memset(&p, 0, sizeof p);
    p.io_apics.items = io, p.io_apics.capacity = 2;
    p.nmi_sources.items = nmi, p.nmi_sources.capacity = 2;
    p.local_apic_nmis.items = lnmi, p.local_apic_nmis.capacity = 2;
    p.processors.items = cpu, p.processors.capacity = 4;
    p.ecam.items = ecam, p.ecam.capacity = 2;
    p.memory_ranges.items = mem, p.memory_ranges.capacity = 2;
    p.gicc.items = gicc, p.gicc.capacity = 2;
    p.gicr_ranges.items = gicr, p.gicr_ranges.capacity = 2;
    enum acpi_status st = acpi_platform_build(&t, &p);
    if (st == ACPI_OK && (p.processors.count > 4 || p.io_apics.count > 2 || p.ecam.count > 2 ||
                          p.gicc.count > 2 || p.gicr_ranges.count > 2))
        abort();
    size_t stored_gicc = p.gicc.count < 2 ? p.gicc.count : 2;
    for (size_t i = 0; i < stored_gicc; i++)
        if (!gicc[i].enabled && !gicc[i].online_capable)
            abort(); /* unusable processors are left out */
    size_t stored = p.processors.count < 4 ? p.processors.count : 4;
    for (size_t i = 1; i < stored; i++)
        if (cpu[i].bsp)
            abort(); /* the boot processor, if any, is first */
    for (size_t i = 0; i < 16; i++)
        if (p.isa_irqs[i].polarity != ACPI_POLARITY_ACTIVE_HIGH &&
            p.isa_irqs[i].polarity != ACPI_POLARITY_ACTIVE_LOW)
            abort();
    uint8_t d;
    if (acpi_platform_numa_distance(&p, 0, 1, &d) == ACPI_OK && !p.has_slit)
        abort();
    return 0;
}
