/* Mock physical memory for host tests.
 *
 * A sparse set of byte ranges at 64-bit physical addresses, each in its own
 * exactly-sized heap buffer (so AddressSanitizer catches over-reads). It serves
 * the suite's map contract:
 *
 *   const void *(*map)(void *ctx, uint64_t phys, size_t len);
 *   void (*unmap)(void *ctx, const void *virt, size_t len);
 *
 * mock_mem_map() succeeds only when [phys, phys+len) lies inside one range; a map
 * that leaves captured memory or straddles two ranges returns NULL and is counted
 * in `bad_maps` (the code under test read where it must not). Every successful map
 * is recorded until unmapped with exactly the same pointer and length; anything
 * else counts in `bad_unmaps`. mock_mem_clean() says that every map was unmapped
 * and nothing outside the ranges was asked for. */
#ifndef TESTS_MOCK_MEM_H
#define TESTS_MOCK_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MOCK_MEM_MAX_RANGES 64
#define MOCK_MEM_MAX_LIVE 256

struct mock_mem_range {
    uint64_t base;
    size_t len;
    uint8_t *bytes;
};

struct mock_mem_mapping {
    const void *ptr;
    size_t len;
};

struct mock_mem {
    struct mock_mem_range ranges[MOCK_MEM_MAX_RANGES];
    size_t range_count;
    struct mock_mem_mapping live[MOCK_MEM_MAX_LIVE];
    size_t live_count;
    size_t maps;          /* successful maps so far */
    size_t bad_maps;      /* maps outside the ranges (returned NULL) */
    size_t bad_unmaps;    /* unmaps of a pointer/length that is not mapped */
    size_t largest_map;   /* longest successful map, in bytes */
    uint64_t last_bad_phys; /* address of the latest bad map, for messages */
};

void mock_mem_init(struct mock_mem *m);
/* Frees every range buffer. */
void mock_mem_free(struct mock_mem *m);

/* Add a zero-filled range; returns its bytes for the test to fill, or NULL if it
 * overlaps an existing range, wraps around, or the table of ranges is full. */
uint8_t *mock_mem_add(struct mock_mem *m, uint64_t base, size_t len);
/* Add a range holding a copy of DATA. Returns 0, or -1 as mock_mem_add fails. */
int mock_mem_add_copy(struct mock_mem *m, uint64_t base, const void *data, size_t len);

/* Load a fixture's ranges.txt (see ../shared/fixtures/README.md) from DIR.
 * Returns the number of ranges loaded, or -1 on a malformed or unreadable file. */
int mock_mem_load_ranges(struct mock_mem *m, const char *dir);

/* Direct pointer to [phys, phys+len) for test set-up and assertions, without
 * counting as a map; NULL if not inside one range. */
uint8_t *mock_mem_at(struct mock_mem *m, uint64_t phys, size_t len);

/* The map contract callbacks (CTX is the struct mock_mem). */
const void *mock_mem_map(void *ctx, uint64_t phys, size_t len);
void mock_mem_unmap(void *ctx, const void *virt, size_t len);
/* A writable map for libraries that write physical memory (page tables): the
 * same checks; release with mock_mem_unmap_rw. */
void *mock_mem_map_rw(void *ctx, uint64_t phys, size_t len);
void mock_mem_unmap_rw(void *ctx, void *virt, size_t len);

/* True when every map was unmapped, no unmap was wrong and no map left the ranges. */
bool mock_mem_clean(const struct mock_mem *m);
/* Forget the map counters (not the ranges), e.g. between two runs in one test. */
void mock_mem_reset_counters(struct mock_mem *m);

#endif
