/* acpi/discovery.c - tables from the RSDP (ACPI 6.5, 5.2.5 - 5.2.10). */
#include "acpi/discovery.h"

#include "acpi/fadt.h"
#include "acpi/le.h"

/* ACPI 6.5, 5.2.10, Table 5.14: FACS starts with Signature and Length, and
 * is at least 64 bytes long; it has no checksum. */
#define FACS_MIN_LENGTH 64u

static bool host_ok(const struct acpi_host *host)
{
    return host != NULL && host->map != NULL && host->unmap != NULL;
}

/* Map the header at phys, check Length, then the whole table. */
static enum acpi_status probe(const struct acpi_host *host, enum acpi_checksum_policy policy,
                              uint64_t phys, const char *signature, struct acpi_sdt *out)
{
    if (phys == 0)
        return ACPI_BAD_ADDRESS;
    const uint8_t *p = host->map(host->ctx, phys, ACPI_SDT_HEADER_LENGTH);
    if (p == NULL)
        return ACPI_MAP_FAILED;
    enum acpi_status st = acpi_sdt_read_header(p, ACPI_SDT_HEADER_LENGTH, out);
    host->unmap(host->ctx, p, ACPI_SDT_HEADER_LENGTH);
    if (st != ACPI_OK)
        return st;
    if (signature != NULL && !acpi_sdt_is(out, signature))
        return ACPI_BAD_SIGNATURE;
    if (out->length > ACPI_TABLE_MAX_LENGTH || phys > UINT64_MAX - out->length)
        return ACPI_BAD_LENGTH;
    uint32_t length = out->length;
    p = host->map(host->ctx, phys, length);
    if (p == NULL)
        return ACPI_MAP_FAILED;
    st = acpi_sdt_validate(p, length, signature, policy, out);
    host->unmap(host->ctx, p, length);
    out->bytes = NULL;
    return st;
}

enum acpi_status acpi_root_init(struct acpi_root *root, const struct acpi_host *host,
                                const struct rsdp_info *rsdp, enum acpi_checksum_policy policy)
{
    if (root == NULL || !host_ok(host) || rsdp == NULL)
        return ACPI_INVALID_ARGUMENT;
    root->host = *host;
    root->policy = policy;
    /* ACPI 6.5, 5.2.5.3: XsdtAddress exists from revision 2; "An ACPI-compatible
     * OS must use the XSDT if present". */
    root->xsdt = rsdp->revision >= 2 && rsdp->xsdt_address != 0;
    root->address = root->xsdt ? rsdp->xsdt_address : rsdp->rsdt_address;
    root->entry_count = 0;
    enum acpi_status st =
        probe(host, policy, root->address, root->xsdt ? "XSDT" : "RSDT", &root->header);
    if (st != ACPI_OK && root->xsdt && rsdp->rsdt_address != 0) {
        /* Firmware with a broken XSDT but a sound RSDT exists; like ACPICA,
         * fall back to the RSDT rather than losing every table. */
        enum acpi_status rsdt_st =
            probe(host, policy, rsdp->rsdt_address, "RSDT", &root->header);
        if (rsdt_st == ACPI_OK) {
            root->xsdt = false;
            root->address = rsdp->rsdt_address;
            st = ACPI_OK;
        }
    }
    if (st != ACPI_OK)
        return st;
    root->entry_count = (root->header.length - ACPI_SDT_HEADER_LENGTH) / (root->xsdt ? 8u : 4u);
    return ACPI_OK;
}

enum acpi_status acpi_table_probe(const struct acpi_root *root, uint64_t phys,
                                  const char *signature, struct acpi_table_ref *out)
{
    if (root == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    out->address = phys;
    return probe(&root->host, root->policy, phys, signature, &out->header);
}

void acpi_table_iter_init(struct acpi_table_iter *it, const struct acpi_root *root)
{
    it->root = root;
    it->index = 0;
}

/* Entry index of the root table: 32-bit (RSDT, 5.2.7) or 64-bit (XSDT, 5.2.8). */
static enum acpi_status root_entry(const struct acpi_root *root, uint32_t index, uint64_t *out)
{
    size_t size = root->xsdt ? 8u : 4u;
    uint64_t at = root->address + ACPI_SDT_HEADER_LENGTH + (uint64_t)index * size;
    const uint8_t *p = root->host.map(root->host.ctx, at, size);
    if (p == NULL)
        return ACPI_MAP_FAILED;
    *out = root->xsdt ? acpi_le64(p) : acpi_le32(p);
    root->host.unmap(root->host.ctx, p, size);
    return ACPI_OK;
}

enum acpi_status acpi_table_next(struct acpi_table_iter *it, struct acpi_table_ref *out)
{
    if (it == NULL || it->root == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    if (it->index >= it->root->entry_count)
        return ACPI_END;
    uint64_t phys = 0;
    enum acpi_status st = root_entry(it->root, it->index, &phys);
    it->index++;
    out->address = phys;
    if (st != ACPI_OK)
        return st;
    return probe(&it->root->host, it->root->policy, phys, NULL, &out->header);
}

enum acpi_status acpi_find_table(const struct acpi_root *root, const char *signature,
                                 uint32_t index, struct acpi_table_ref *out)
{
    if (root == NULL || signature == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    struct acpi_table_iter it;
    acpi_table_iter_init(&it, root);
    for (;;) {
        enum acpi_status st = acpi_table_next(&it, out);
        if (st == ACPI_END)
            return ACPI_NOT_FOUND;
        if (st != ACPI_OK || !acpi_sdt_is(&out->header, signature))
            continue;
        if (index == 0)
            return ACPI_OK;
        index--;
    }
}

/* Parse the first FADT into *fadt (the table is unmapped again). */
static enum acpi_status load_fadt(const struct acpi_root *root, struct acpi_fadt *fadt)
{
    struct acpi_table_ref ref;
    enum acpi_status st = acpi_find_table(root, "FACP", 0, &ref);
    if (st != ACPI_OK)
        return st;
    struct acpi_sdt table;
    st = acpi_table_map(root, &ref, &table);
    if (st != ACPI_OK)
        return st;
    st = acpi_fadt_parse(table.bytes, table.length, fadt);
    acpi_table_unmap(root, &table);
    return st;
}

enum acpi_status acpi_find_dsdt(const struct acpi_root *root, struct acpi_table_ref *out)
{
    if (root == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    struct acpi_fadt fadt;
    enum acpi_status st = load_fadt(root, &fadt);
    if (st != ACPI_OK)
        return st;
    uint64_t phys = acpi_fadt_dsdt_address(&fadt);
    if (phys == 0)
        return ACPI_NOT_FOUND;
    return acpi_table_probe(root, phys, "DSDT", out);
}

enum acpi_status acpi_find_facs(const struct acpi_root *root, struct acpi_table_ref *out)
{
    if (root == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    struct acpi_fadt fadt;
    enum acpi_status st = load_fadt(root, &fadt);
    if (st != ACPI_OK)
        return st;
    uint64_t phys = acpi_fadt_facs_address(&fadt);
    if (phys == 0)
        return ACPI_NOT_FOUND;
    const uint8_t *p = root->host.map(root->host.ctx, phys, 8);
    if (p == NULL)
        return ACPI_MAP_FAILED;
    struct acpi_sdt h = {0};
    for (size_t i = 0; i < 4; i++)
        h.signature[i] = (char)p[i];
    h.length = acpi_le32(p + 4);
    root->host.unmap(root->host.ctx, p, 8);
    if (!acpi_sdt_is(&h, "FACS"))
        return ACPI_BAD_SIGNATURE;
    if (h.length < FACS_MIN_LENGTH || h.length > ACPI_TABLE_MAX_LENGTH)
        return ACPI_BAD_LENGTH;
    h.checksum_ok = true; /* the FACS has no checksum to fail */
    out->address = phys;
    out->header = h;
    return ACPI_OK;
}

enum acpi_status acpi_table_map(const struct acpi_root *root, const struct acpi_table_ref *ref,
                                struct acpi_sdt *table)
{
    if (root == NULL || ref == NULL || table == NULL || ref->header.length == 0)
        return ACPI_INVALID_ARGUMENT;
    const uint8_t *p = root->host.map(root->host.ctx, ref->address, ref->header.length);
    if (p == NULL)
        return ACPI_MAP_FAILED;
    *table = ref->header;
    table->bytes = p;
    return ACPI_OK;
}

void acpi_table_unmap(const struct acpi_root *root, const struct acpi_sdt *table)
{
    root->host.unmap(root->host.ctx, table->bytes, table->length);
}
