/* Fuzz harness: table discovery over an arbitrary physical memory image.
 *
 * The input is physical memory from address 0 with an RSDP at address 0. When
 * that RSDP validates it is used as is; otherwise its Revision, RsdtAddress
 * and XsdtAddress fields are taken unchecked, so the fuzzer reaches the
 * tables without solving the RSDP checksums. Everything reachable is walked:
 * every root-table entry, lookups by signature and index, DSDT and FACS
 * through the FADT, and each table mapped and given to its parser. Both
 * checksum policies run. Every map must be unmapped. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "acpi/discovery.h"
#include "acpi/fadt.h"
#include "acpi/hpet.h"
#include "acpi/madt.h"
#include "acpi/mcfg.h"
#include "rsdp/rsdp.h"

int fuzz_one(const uint8_t *data, size_t size);

/* Results are not needed here; gcc does not accept a (void) cast for them. */
static void consume(int status)
{
    (void)status;
}

struct memory {
    const uint8_t *data;
    size_t size;
    long live;
};

static const void *map(void *ctx, uint64_t phys, size_t len)
{
    struct memory *m = ctx;
    if (phys > m->size || len > m->size - phys)
        return NULL;
    m->live++;
    return m->data + phys;
}

static void unmap(void *ctx, const void *virt, size_t len)
{
    struct memory *m = ctx;
    (void)virt;
    (void)len;
    m->live--;
}

static void parse_table(const struct acpi_sdt *t)
{
    if (acpi_sdt_is(t, "APIC")) {
        struct acpi_madt madt;
        if (acpi_madt_parse(t->bytes, t->length, &madt) == ACPI_OK) {
            struct acpi_madt_iter it;
            struct acpi_madt_entry e;
            uint64_t lapic;
            acpi_madt_iter_init(&it, &madt);
            while (acpi_madt_next(&it, &e) == ACPI_OK)
                continue;
            consume((int)acpi_madt_local_apic_address(&madt, &lapic));
        }
    } else if (acpi_sdt_is(t, "FACP")) {
        struct acpi_fadt fadt;
        consume((int)acpi_fadt_parse(t->bytes, t->length, &fadt));
    } else if (acpi_sdt_is(t, "HPET")) {
        struct acpi_hpet hpet;
        consume((int)acpi_hpet_parse(t->bytes, t->length, &hpet));
    } else if (acpi_sdt_is(t, "MCFG")) {
        struct acpi_mcfg mcfg;
        uint64_t addr;
        if (acpi_mcfg_parse(t->bytes, t->length, &mcfg) == ACPI_OK)
            consume((int)acpi_mcfg_config_address(&mcfg, 0, 1, 2, 3, &addr));
    }
}

static void walk(struct memory *m, const struct rsdp_info *rsdp, enum acpi_checksum_policy policy)
{
    struct acpi_host host = {m, map, unmap};
    struct acpi_root root;
    if (acpi_root_init(&root, &host, rsdp, policy) != ACPI_OK)
        return;
    struct acpi_table_iter it;
    struct acpi_table_ref ref;
    acpi_table_iter_init(&it, &root);
    enum acpi_status st;
    while ((st = acpi_table_next(&it, &ref)) != ACPI_END) {
        struct acpi_sdt table;
        if (st == ACPI_OK && acpi_table_map(&root, &ref, &table) == ACPI_OK) {
            parse_table(&table);
            acpi_table_unmap(&root, &table);
        }
    }
    consume((int)acpi_find_table(&root, "SSDT", 1, &ref));
    consume((int)acpi_find_dsdt(&root, &ref));
    consume((int)acpi_find_facs(&root, &ref));
}

int fuzz_one(const uint8_t *data, size_t size)
{
    struct memory m = {data, size, 0};
    struct rsdp_host host = {&m, map, unmap};
    struct rsdp_info rsdp;
    if (rsdp_validate_at(&host, 0, &rsdp) != RSDP_OK) {
        if (size < RSDP_V2_LENGTH) {
            if (m.live != 0)
                abort();
            return 0;
        }
        /* ACPI 6.5, Table 5.3 offsets. */
        rsdp.revision = data[15];
        rsdp.rsdt_address = (uint32_t)data[16] | (uint32_t)data[17] << 8 |
                            (uint32_t)data[18] << 16 | (uint32_t)data[19] << 24;
        rsdp.xsdt_address = 0;
        for (int i = 7; i >= 0; i--)
            rsdp.xsdt_address = rsdp.xsdt_address << 8 | data[24 + i];
    }
    walk(&m, &rsdp, ACPI_CHECKSUM_STRICT);
    walk(&m, &rsdp, ACPI_CHECKSUM_ACCEPT);
    if (m.live != 0)
        abort(); /* a map was not released */
    return 0;
}
