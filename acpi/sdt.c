/* acpi/sdt.c - System Description Table header (ACPI 6.5, 5.2.6). */
#include "acpi/sdt.h"

#include "acpi/le.h"

uint8_t acpi_checksum(const void *bytes, size_t len)
{
    const uint8_t *p = bytes;
    uint8_t sum = 0;
    for (size_t i = 0; i < len; i++)
        sum = (uint8_t)(sum + p[i]);
    return sum;
}

static void copy_chars(char *dst, const uint8_t *src, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dst[i] = (char)src[i];
}

enum acpi_status acpi_sdt_read_header(const void *bytes, size_t len, struct acpi_sdt *out)
{
    if (bytes == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    if (len < ACPI_SDT_HEADER_LENGTH)
        return ACPI_TRUNCATED;
    const uint8_t *p = bytes;
    /* Offsets from ACPI 6.5, Table 5.4. */
    out->bytes = p;
    copy_chars(out->signature, p, 4);
    out->length = acpi_le32(p + 4);
    out->revision = p[8];
    out->checksum = p[9];
    copy_chars(out->oem_id, p + 10, 6);
    copy_chars(out->oem_table_id, p + 16, 8);
    out->oem_revision = acpi_le32(p + 24);
    out->creator_id = acpi_le32(p + 28);
    out->creator_revision = acpi_le32(p + 32);
    out->checksum_ok = false;
    if (out->length < ACPI_SDT_HEADER_LENGTH)
        return ACPI_BAD_LENGTH;
    return ACPI_OK;
}

bool acpi_sdt_is(const struct acpi_sdt *sdt, const char *sig)
{
    return sdt->signature[0] == sig[0] && sdt->signature[1] == sig[1] &&
           sdt->signature[2] == sig[2] && sdt->signature[3] == sig[3];
}

enum acpi_status acpi_sdt_validate(const void *buf, size_t buf_len, const char *signature,
                                   enum acpi_checksum_policy policy, struct acpi_sdt *out)
{
    if (buf == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    enum acpi_status st = acpi_sdt_read_header(buf, buf_len, out);
    if (st == ACPI_TRUNCATED)
        return st;
    /* A different table is named as such before its lengths are judged. */
    if (signature != NULL && !acpi_sdt_is(out, signature))
        return ACPI_BAD_SIGNATURE;
    if (st != ACPI_OK)
        return st;
    if (out->length > buf_len)
        return ACPI_TRUNCATED;
    /* ACPI 6.5, 5.2.6: the entire table, header included, sums to zero. */
    out->checksum_ok = acpi_checksum(buf, out->length) == 0;
    if (!out->checksum_ok && policy == ACPI_CHECKSUM_STRICT)
        return ACPI_BAD_CHECKSUM;
    return ACPI_OK;
}
