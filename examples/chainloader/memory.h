/* Physical memory as the chainloader sees it: GRUB's memory map (spec 3.6.8)
 * plus the ranges in use (the chainloader, GRUB's boot information, modules,
 * the kernel's destinations, copies made so far). Finds free room for copies
 * and writes the memory map the kernel gets, with the chainloader's own
 * ranges marked reserved. */
#ifndef CHAIN_MEMORY_H
#define CHAIN_MEMORY_H

#include "image.h"
#include "multiboot2/mmap.h"

#define CHAIN_MAX_BUSY 64
#define CHAIN_MAX_RESERVED 4

struct chain_memory {
    const struct mb2_mmap *mmap;
    uint32_t busy_count;
    struct chain_range busy[CHAIN_MAX_BUSY];
};

void chain_memory_init(struct chain_memory *m, const struct mb2_mmap *mmap);
/* Note [START, END) as in use: CHAIN_NO_MEMORY when the table is full. */
enum chain_status chain_memory_busy(struct chain_memory *m, uint64_t start, uint64_t end);
/* Whether [START, END) lies wholly in memory the map calls available. */
bool chain_memory_available(const struct chain_memory *m, uint64_t start, uint64_t end);
/* The lowest ALIGN-aligned (a power of two) SIZE bytes of available memory
 * from 1 MiB to 4 GiB that touch no busy range; noted busy. CHAIN_NO_MEMORY. */
enum chain_status chain_memory_alloc(struct chain_memory *m, uint64_t size, uint64_t align,
                                     uint64_t *out);

/* GRUB's map with every available byte inside one of RESERVED (COUNT ranges,
 * disjoint) turned into a type 2 (reserved) entry of its own: entries are
 * split, never merged, so the kernel's map shows each carved range. OUT holds
 * CAP entries; CHAIN_NO_MEMORY if they do not suffice. */
enum chain_status chain_mmap_carve(const struct mb2_mmap *mmap, const struct chain_range *reserved,
                                   uint32_t count, struct mb2_mmap_entry *out, uint32_t cap,
                                   uint32_t *out_count);

#endif
