/* rsdp/rsdp.c - RSDP validation and BIOS-area search (ACPI 6.5, 5.2.5). */
#include "rsdp/rsdp.h"

#include "rsdp/le.h"

/* ACPI 6.5, 5.2.5.1: the EBDA segment is the word at 0x40E of the BDA; the
 * RSDP is in its first KiB or in the BIOS read-only area 0xE0000-0xFFFFF. */
#define BDA_EBDA_SEGMENT 0x40Eu
#define EBDA_SEARCH_LENGTH 1024u
#define EBDA_LOWEST 0x400u    /* below lies the IVT and the BDA itself */
#define EBDA_HIGHEST 0xA0000u /* conventional memory ends here */
#define BIOS_AREA_START 0xE0000u
#define BIOS_AREA_END 0x100000u
#define SEARCH_CHUNK 4096u
#define SEARCH_STEP 16u

static const char rsdp_signature[8] = {'R', 'S', 'D', ' ', 'P', 'T', 'R', ' '};

const char *rsdp_status_str(enum rsdp_status status)
{
    switch (status) {
    case RSDP_OK: return "ok";
    case RSDP_NOT_FOUND: return "not found";
    case RSDP_MAP_FAILED: return "map failed";
    case RSDP_INVALID_ARGUMENT: return "invalid argument";
    case RSDP_BAD_SIGNATURE: return "bad signature";
    case RSDP_BAD_CHECKSUM: return "bad checksum";
    case RSDP_BAD_LENGTH: return "bad length";
    case RSDP_BAD_EXT_CHECKSUM: return "bad extended checksum";
    case RSDP_TRUNCATED: return "truncated";
    case RSDP_BAD_EFI_TABLE: return "bad EFI system table";
    }
    return "unknown status";
}

static uint8_t sum_bytes(const uint8_t *p, size_t len)
{
    uint8_t sum = 0;
    for (size_t i = 0; i < len; i++)
        sum = (uint8_t)(sum + p[i]);
    return sum;
}

static int has_signature(const uint8_t *p)
{
    for (size_t i = 0; i < sizeof rsdp_signature; i++)
        if (p[i] != (uint8_t)rsdp_signature[i])
            return 0;
    return 1;
}

/* Checks of ACPI 6.5, Table 5.3. *needed receives how many bytes the RSDP
 * occupies once its first 20 bytes are known (20, or Length for rev >= 2). */
static enum rsdp_status check_v1(const uint8_t *p, uint32_t *needed)
{
    if (!has_signature(p))
        return RSDP_BAD_SIGNATURE;
    if (sum_bytes(p, RSDP_V1_LENGTH) != 0)
        return RSDP_BAD_CHECKSUM;
    *needed = RSDP_V1_LENGTH;
    if (p[15] >= 2) {
        /* Length (offset 20) lies outside the 20 checked bytes: the caller
         * must provide RSDP_V2_LENGTH bytes before reading it. */
        *needed = RSDP_V2_LENGTH;
    }
    return RSDP_OK;
}

/* Full validation of bytes of which avail are readable. */
static enum rsdp_status check_full(const uint8_t *p, size_t avail, struct rsdp_info *out)
{
    uint32_t needed = 0;
    if (avail < RSDP_V1_LENGTH)
        return RSDP_TRUNCATED;
    enum rsdp_status st = check_v1(p, &needed);
    if (st != RSDP_OK)
        return st;
    uint32_t length = RSDP_V1_LENGTH;
    if (needed > RSDP_V1_LENGTH) {
        if (avail < RSDP_V2_LENGTH)
            return RSDP_TRUNCATED;
        length = rsdp_le32(p + 20);
        if (length < RSDP_V2_LENGTH || length > RSDP_MAX_LENGTH)
            return RSDP_BAD_LENGTH;
        if (avail < length)
            return RSDP_TRUNCATED;
        if (sum_bytes(p, length) != 0)
            return RSDP_BAD_EXT_CHECKSUM;
    }
    out->address = 0;
    out->checksum = p[8];
    for (size_t i = 0; i < 6; i++)
        out->oem_id[i] = (char)p[9 + i];
    out->revision = p[15];
    out->rsdt_address = rsdp_le32(p + 16);
    out->length = length;
    out->xsdt_address = length > RSDP_V1_LENGTH ? rsdp_le64(p + 24) : 0;
    out->extended_checksum = length > RSDP_V1_LENGTH ? p[32] : 0;
    return RSDP_OK;
}

enum rsdp_status rsdp_validate_copy(const void *bytes, size_t len, struct rsdp_info *out)
{
    if (bytes == NULL || out == NULL)
        return RSDP_INVALID_ARGUMENT;
    return check_full(bytes, len, out);
}

enum rsdp_status rsdp_validate_at(const struct rsdp_host *host, uint64_t phys,
                                  struct rsdp_info *out)
{
    if (host == NULL || host->map == NULL || host->unmap == NULL || out == NULL)
        return RSDP_INVALID_ARGUMENT;
    const uint8_t *p = host->map(host->ctx, phys, RSDP_V1_LENGTH);
    if (p == NULL)
        return RSDP_MAP_FAILED;
    uint32_t needed = 0;
    enum rsdp_status st = check_v1(p, &needed);
    host->unmap(host->ctx, p, RSDP_V1_LENGTH);
    if (st != RSDP_OK)
        return st;
    size_t len = RSDP_V1_LENGTH;
    if (needed > RSDP_V1_LENGTH) {
        p = host->map(host->ctx, phys, RSDP_V2_LENGTH);
        if (p == NULL)
            return RSDP_MAP_FAILED;
        uint32_t length = rsdp_le32(p + 20);
        host->unmap(host->ctx, p, RSDP_V2_LENGTH);
        if (length < RSDP_V2_LENGTH || length > RSDP_MAX_LENGTH)
            return RSDP_BAD_LENGTH;
        len = length;
    }
    p = host->map(host->ctx, phys, len);
    if (p == NULL)
        return RSDP_MAP_FAILED;
    st = check_full(p, len, out);
    host->unmap(host->ctx, p, len);
    if (st == RSDP_OK)
        out->address = phys;
    return st;
}

/* Scan [start, end) in chunks; every candidate must lie inside [start, end). */
static enum rsdp_status search_area(const struct rsdp_host *host, uint64_t start,
                                    uint64_t end, struct rsdp_info *out)
{
    for (uint64_t chunk = start; chunk < end; chunk += SEARCH_CHUNK) {
        uint64_t scan_end = chunk + SEARCH_CHUNK < end ? chunk + SEARCH_CHUNK : end;
        /* Map a little past the chunk so an RSDP starting near its end is
         * whole, but never past the area. */
        uint64_t map_end = scan_end + RSDP_V2_LENGTH < end ? scan_end + RSDP_V2_LENGTH : end;
        size_t map_len = (size_t)(map_end - chunk);
        const uint8_t *p = host->map(host->ctx, chunk, map_len);
        if (p == NULL)
            return RSDP_MAP_FAILED;
        for (uint64_t off = 0; chunk + off < scan_end; off += SEARCH_STEP) {
            if (!has_signature(p + off))
                continue;
            uint64_t at = chunk + off;
            enum rsdp_status st = check_full(p + off, map_len - (size_t)off, out);
            /* An RSDP longer than the mapped window (Length > 36 near the
             * chunk's end) gets its own map. */
            if (st == RSDP_TRUNCATED)
                st = rsdp_validate_at(host, at, out);
            if (st == RSDP_OK) {
                host->unmap(host->ctx, p, map_len);
                out->address = at;
                return RSDP_OK;
            }
        }
        host->unmap(host->ctx, p, map_len);
    }
    return RSDP_NOT_FOUND;
}

enum rsdp_status rsdp_find_bios(const struct rsdp_host *host, struct rsdp_info *out)
{
    if (host == NULL || host->map == NULL || host->unmap == NULL || out == NULL)
        return RSDP_INVALID_ARGUMENT;
    const uint8_t *bda = host->map(host->ctx, BDA_EBDA_SEGMENT, 2);
    if (bda == NULL)
        return RSDP_MAP_FAILED;
    uint64_t ebda = (uint64_t)rsdp_le16(bda) << 4;
    host->unmap(host->ctx, bda, 2);
    if (ebda >= EBDA_LOWEST && ebda < EBDA_HIGHEST) {
        uint64_t end = ebda + EBDA_SEARCH_LENGTH;
        if (end > EBDA_HIGHEST)
            end = EBDA_HIGHEST;
        enum rsdp_status st = search_area(host, ebda, end, out);
        if (st != RSDP_NOT_FOUND)
            return st;
    }
    return search_area(host, BIOS_AREA_START, BIOS_AREA_END, out);
}
