/* The no-hardware AML host of aml_host.h. */
#include "aml_host.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define WORDS (1u << 16)

struct word {
    uint64_t key;       /* (phys & ~7) + 1; 0 = empty slot */
    uint8_t bytes[8];
};

struct aml_fake {
    struct word words[WORDS];
    size_t live;
};

struct aml_fake *aml_fake_new(void)
{
    return calloc(1, sizeof(struct aml_fake));
}

void aml_fake_free(struct aml_fake *f)
{
    free(f);
}

void aml_fake_clear(struct aml_fake *f)
{
    memset(f->words, 0, sizeof f->words);
}

size_t aml_fake_live(const struct aml_fake *f)
{
    return f->live;
}

static void *f_map(void *ctx, uint64_t phys, size_t len)
{
    struct aml_fake *f = ctx;
    if ((phys & 7) + len > 8) {
        return NULL;
    }
    uint64_t key = (phys & ~7ull) + 1;
    uint32_t i = (uint32_t)((key >> 3) * 2654435761u) % WORDS;
    for (uint32_t n = 0; n < WORDS; n++, i = (i + 1) % WORDS) {
        if (f->words[i].key == key || f->words[i].key == 0) {
            f->words[i].key = key;
            return &f->words[i].bytes[phys & 7];
        }
    }
    return NULL;
}

static void f_unmap(void *ctx, void *virt, size_t len)
{
    (void)ctx;
    (void)virt;
    (void)len;
}

static uint32_t f_in(void *ctx, uint16_t port, uint8_t width)
{
    (void)ctx;
    (void)port;
    (void)width;
    return 0;
}

static void f_out(void *ctx, uint16_t port, uint8_t width, uint32_t v)
{
    (void)ctx;
    (void)port;
    (void)width;
    (void)v;
}

static uint64_t f_pci_read(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                           uint16_t off, uint8_t width)
{
    (void)ctx; (void)seg; (void)bus; (void)dev; (void)fn; (void)off;
    return width >= 8 ? ~0ull : (1ull << (8 * width)) - 1;
}

static void f_pci_write(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                        uint16_t off, uint8_t width, uint64_t v)
{
    (void)ctx; (void)seg; (void)bus; (void)dev; (void)fn; (void)off; (void)width; (void)v;
}

static void *f_alloc(void *ctx, size_t size)
{
    struct aml_fake *f = ctx;
    void *p = malloc(size);
    if (p != NULL) {
        f->live += size;
    }
    return p;
}

static void f_free(void *ctx, void *p, size_t size)
{
    struct aml_fake *f = ctx;
    f->live -= size;
    free(p);
}

void aml_fake_host(struct aml_fake *f, struct acpi_aml_host *host)
{
    *host = (struct acpi_aml_host){
        .ctx = f, .map = f_map, .unmap = f_unmap, .port_read = f_in, .port_write = f_out,
        .pci_read = f_pci_read, .pci_write = f_pci_write,
    };
}

void aml_fake_memory(struct aml_fake *f, struct acpi_aml_memory *mem)
{
    *mem = (struct acpi_aml_memory){ .ctx = f, .alloc = f_alloc, .free = f_free };
}
