/* Fuzz harness: the RSDP search over arbitrary low memory.
 *
 * Input: bytes 0-1 are the BDA's EBDA segment word (0x40E); the rest is
 * memory from 0xE0000 up (the BIOS area) and, at the same time, the EBDA the
 * word points to, so both search areas see fuzzed bytes. Anything else is
 * unmapped. The same bytes also go through rsdp_validate_copy and through the
 * EFI lookup with a system table at 0xE0000. Every map must be unmapped. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "rsdp/efi.h"
#include "rsdp/rsdp.h"

int fuzz_one(const uint8_t *data, size_t size);

/* Results are not needed here; gcc does not accept a (void) cast for them. */
static void consume(int status)
{
    (void)status;
}

#define BIOS_AREA 0xE0000u

struct memory {
    const uint8_t *data;
    size_t size;
    uint64_t ebda;
    long live;
};

/* Serve [phys, phys+len) from the window at base, or fail. */
static const void *window(const struct memory *m, uint64_t base, uint64_t phys, size_t len)
{
    size_t avail = m->size - 2;
    if (phys < base || phys - base > avail || len > avail - (phys - base))
        return NULL;
    return m->data + 2 + (phys - base);
}

static const void *map(void *ctx, uint64_t phys, size_t len)
{
    struct memory *m = ctx;
    const void *p = NULL;
    if (phys == 0x40E && len <= 2)
        p = m->data;
    if (p == NULL)
        p = window(m, BIOS_AREA, phys, len);
    if (p == NULL && m->ebda != 0)
        p = window(m, m->ebda, phys, len);
    if (p != NULL)
        m->live++;
    return p;
}

static void unmap(void *ctx, const void *virt, size_t len)
{
    struct memory *m = ctx;
    (void)virt;
    (void)len;
    m->live--;
}

int fuzz_one(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    struct memory m = {data, size, (uint64_t)(data[0] | data[1] << 8) << 4, 0};
    struct rsdp_host host = {&m, map, unmap};
    struct rsdp_info info;
    consume((int)rsdp_find_bios(&host, &info));
    consume((int)rsdp_validate_copy(data + 2, size - 2, &info));
    consume((int)rsdp_validate_at(&host, BIOS_AREA, &info));
    consume((int)rsdp_find_efi(&host, BIOS_AREA, RSDP_EFI64, &info));
    consume((int)rsdp_find_efi(&host, BIOS_AREA, RSDP_EFI32, &info));
    if (m.live != 0)
        abort(); /* a map was not released */
    return 0;
}
