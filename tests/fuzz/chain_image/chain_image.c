/* Fuzz harness: the chainloader's header-and-ELF logic (examples/chainloader/
 * image.c). The input is a kernel image; a plan that comes out must keep its
 * promises: every segment's file bytes inside the input, file size within
 * memory size, below 4 GiB, no two segments sharing bytes, the section table
 * inside the input. Then the placement and request checks run on it. */
#include <stdint.h>
#include <stdlib.h>

#include "examples/chainloader/image.h"

int fuzz_one(const uint8_t *data, size_t size);

static void check_plan(const struct chain_plan *p, size_t size)
{
    if (p->segment_count == 0 || p->segment_count > CHAIN_MAX_SEGMENTS) {
        abort();
    }
    for (uint32_t i = 0; i < p->segment_count; i++) {
        const struct chain_segment *s = &p->segments[i];
        if (s->offset > size || s->filesz > size - s->offset || s->filesz > s->memsz ||
            (uint64_t)s->dest + s->memsz > ((uint64_t)1 << 32) || s->dest < p->load_base) {
            abort();
        }
        for (uint32_t j = 0; j < i; j++) {
            const struct chain_segment *t = &p->segments[j];
            struct chain_range a = {s->dest, (uint64_t)s->dest + s->memsz};
            struct chain_range b = {t->dest, (uint64_t)t->dest + t->memsz};
            if (chain_ranges_overlap(a, b)) {
                abort();
            }
        }
    }
    if (p->shnum != 0 && (p->shoff > size || (uint64_t)p->shnum * p->shentsize > size - p->shoff ||
                          p->shstrndx >= p->shnum)) {
        abort();
    }
}

int fuzz_one(const uint8_t *data, size_t size)
{
    struct chain_plan plan;
    if (chain_image_plan(data, size, &plan) != CHAIN_OK) {
        return 0;
    }
    check_plan(&plan, size);
    const struct chain_range loader = {0x1000000, 0x100c000}, bootinfo = {0x100c000, 0x101c000};
    const struct chain_offer offers[] = {{0x0023F7FFu, true, 1}, {0x4Fu, true, 2}, {0x4Fu, false, 0}};
    volatile int sink = (int)chain_plan_check_placement(&plan, loader, bootinfo);
    for (size_t i = 0; i < sizeof offers / sizeof offers[0]; i++) {
        sink += (int)chain_plan_check_offer(&plan, &offers[i]);
    }
    (void)sink;
    return 0;
}
