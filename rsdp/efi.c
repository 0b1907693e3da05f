/* rsdp/efi.c - RSDP through the EFI configuration table (UEFI 2.10, 4.3, 4.6). */
#include "rsdp/efi.h"

#include "rsdp/le.h"

/* UEFI 2.10, 4.6.1.1 (EFI_ACPI_20_TABLE_GUID and ACPI_TABLE_GUID) in memory
 * order: Data1 (32-bit LE), Data2, Data3 (16-bit LE), Data4 (8 bytes). */
static const uint8_t acpi20_guid[16] = {0x71, 0xe8, 0x68, 0x88, 0xf1, 0xe4, 0xd3, 0x11,
                                        0xbc, 0x22, 0x00, 0x80, 0xc7, 0x3c, 0x88, 0x81};
static const uint8_t acpi10_guid[16] = {0x30, 0x2d, 0x9d, 0xeb, 0x88, 0x2d, 0xd3, 0x11,
                                        0x9a, 0x16, 0x00, 0x90, 0x27, 0x3f, 0xc1, 0x4d};

/* UEFI 2.10, 4.3.1: EFI_SYSTEM_TABLE. After the 24-byte EFI_TABLE_HEADER
 * come 10 pointer-sized members (FirmwareVendor, FirmwareRevision padded to
 * a pointer, three handle/protocol pairs, RuntimeServices, BootServices),
 * then NumberOfTableEntries (UINTN) and ConfigurationTable (pointer). */
#define EFI_TABLE_HEADER_LENGTH 24u
#define EFI_HEADER_SIZE_OFFSET 12u

static int guid_equal(const uint8_t *a, const uint8_t *b)
{
    for (size_t i = 0; i < 16; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

static uint64_t load_ptr(const uint8_t *p, size_t ptr)
{
    return ptr == 8 ? rsdp_le64(p) : rsdp_le32(p);
}

enum rsdp_status rsdp_find_efi(const struct rsdp_host *host, uint64_t system_table,
                               enum rsdp_efi_width width, struct rsdp_info *out)
{
    if (host == NULL || host->map == NULL || host->unmap == NULL || out == NULL)
        return RSDP_INVALID_ARGUMENT;
    const size_t ptr = width == RSDP_EFI32 ? 4 : 8;
    /* FirmwareRevision is a UINT32 padded to pointer alignment. */
    const size_t entries_off = EFI_TABLE_HEADER_LENGTH + 10 * ptr;
    const size_t table_len = entries_off + 2 * ptr;
    const uint8_t *st = host->map(host->ctx, system_table, table_len);
    if (st == NULL)
        return RSDP_MAP_FAILED;
    uint64_t signature = rsdp_le64(st);
    uint32_t header_size = rsdp_le32(st + EFI_HEADER_SIZE_OFFSET);
    uint64_t count = load_ptr(st + entries_off, ptr);
    uint64_t config = load_ptr(st + entries_off + ptr, ptr);
    host->unmap(host->ctx, st, table_len);
    /* UEFI 2.10, 4.6: EFI_CONFIGURATION_TABLE = { EFI_GUID; VOID *VendorTable }. */
    const size_t entry_len = 16 + ptr;
    if (signature != RSDP_EFI_SYSTEM_TABLE_SIGNATURE || header_size < table_len ||
        count > RSDP_EFI_MAX_CONFIG_ENTRIES || (count != 0 && config == 0) ||
        config > UINT64_MAX - count * entry_len)
        return RSDP_BAD_EFI_TABLE;

    uint64_t acpi20 = 0;
    uint64_t acpi10 = 0;
    for (uint64_t i = 0; i < count; i++) {
        const uint8_t *e = host->map(host->ctx, config + i * entry_len, entry_len);
        if (e == NULL)
            return RSDP_MAP_FAILED;
        if (acpi20 == 0 && guid_equal(e, acpi20_guid))
            acpi20 = load_ptr(e + 16, ptr);
        else if (acpi10 == 0 && guid_equal(e, acpi10_guid))
            acpi10 = load_ptr(e + 16, ptr);
        host->unmap(host->ctx, e, entry_len);
    }
    enum rsdp_status status = RSDP_NOT_FOUND;
    if (acpi20 != 0) {
        status = rsdp_validate_at(host, acpi20, out);
        if (status == RSDP_OK)
            return status;
    }
    if (acpi10 != 0)
        status = rsdp_validate_at(host, acpi10, out);
    return status;
}
