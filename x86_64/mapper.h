/* A page-table mapper for 4-level and 5-level paging (Intel SDM Vol. 3A, 4.5).
 * x86_64 builds only (the declarations below exist only when __x86_64__).
 *
 * The mapper edits tables in memory the host makes reachable:
 *   - struct x86_phys_access turns a table's physical address into a pointer
 *     (ready-made: x86_phys_identity for identity-mapped memory and
 *     x86_phys_window for a fixed offset over a bounded window, e.g. a kernel's
 *     direct map or a host buffer in tests);
 *   - struct x86_frame_allocator hands out (and optionally takes back) 4 KiB
 *     frames for new tables; the mapper zeroes every frame it takes;
 *   - struct x86_tlb receives TLB invalidations (per page and full); x86_tlb_invlpg
 *     and x86_tlb_reload_cr3 do it on the running CPU. Ranges are batched: up to
 *     X86_TLB_BATCH pages are flushed one by one, more with one full flush.
 * Nothing is allocated and no state is kept outside the caller's struct x86_mapper.
 *
 * Corrupted tables never make the mapper loop or step outside the memory the
 * access callback grants: a table the callback refuses, a misaligned pointer, or
 * PS set in a PML5E/PML4E gives X86_BAD_TABLE, and a table that appears twice on
 * one walk (a self-reference) gives X86_TABLE_CYCLE, except through the one
 * recursive slot the mapper was told about (x86_recursive_install,
 * x86_mapper_set_recursive). Walks are bounded by the number of levels. The
 * ready-made window and identity backends are recognised by x86_mapper_init,
 * which reads the window once, and applied inline (same bounds, no call per
 * table; re-initialise after changing the window). Not thread-safe: the caller
 * locks. */
#ifndef X86_64_MAPPER_H
#define X86_64_MAPPER_H

#if defined(__x86_64__)

#include <stdbool.h>
#include <stdint.h>

#include "x86_64/page.h"
#include "x86_64/paging.h"
#include "x86_64/status.h"

#define X86_TLB_BATCH 16

struct x86_phys_access {
    void *ctx;
    /* Writable pointer to the whole 4 KiB table at PHYS (4 KiB aligned), valid
     * until the mapper call returns; NULL if that memory is not accessible. */
    void *(*table)(void *ctx, uint64_t phys);
};

/* Fixed-offset backend: physical [phys_start, phys_start + size) is visible at
 * virtual virt_start onwards. Use with x86_phys_window_table and ctx = the window. */
struct x86_phys_window {
    uint64_t phys_start;
    uint64_t size;
    uintptr_t virt_start;
};
void *x86_phys_window_table(void *ctx, uint64_t phys);

/* Identity backend: physical address == virtual address (ctx unused, may be NULL). */
void *x86_phys_identity_table(void *ctx, uint64_t phys);

struct x86_frame_allocator {
    void *ctx;
    /* A free 4 KiB-aligned frame into *PHYS; false when out of frames. NULL means
     * the mapper may not create tables (X86_NO_FRAME). */
    bool (*alloc)(void *ctx, uint64_t *phys);
    /* Take back a table frame freed by x86_free_empty_tables; may be NULL, then
     * x86_free_empty_tables answers X86_UNSUPPORTED. */
    void (*free)(void *ctx, uint64_t phys);
};

struct x86_tlb {
    void *ctx;
    void (*flush_page)(void *ctx, uint64_t virt); /* NULL: no per-page flushes */
    void (*flush_all)(void *ctx);                 /* NULL: no full flushes */
};
/* TLB backends for the running CPU (kernel mode only): INVLPG and a CR3 reload. */
void x86_tlb_invlpg(void *ctx, uint64_t virt);
void x86_tlb_reload_cr3(void *ctx);

/* x86_mapper.recursive when no top-level slot is recursive. */
#define X86_RECURSIVE_NONE 512u

/* The window (or identity) backend as x86_mapper_init read it, for the inline
 * walks: a table at PHYS is reachable there when PHYS + skew, its offset in the
 * window, is a 4 KiB multiple below span, and then sits at base + offset.
 * span 0 (any other backend, or a window the inline walks cannot use) sends
 * every call down the general walk. quick is ~(P - 1) | 0xFFF for P the largest
 * power of two not above the window's size: an offset with no bit of it set is
 * such a multiple below span, in one test. The root's offset is (root &
 * root_keep) + skew: root_keep is all ones, except with span 0, where it is 0
 * and skew 1, so that no root passes that test (quick is all ones then).
 * keep[k] and adjust[k] turn an entry that must have PRESENT plus the parent
 * bits k << 1 (WRITABLE, USER) into that offset (mapper.c, plain_table).
 * Private: x86_mapper_init fills it. */
struct x86_mapper_direct {
    uint64_t skew;                      /* 0 - the window's first physical address */
    uint64_t span;                      /* window size - 4 KiB + 1, or 0 */
    uintptr_t base;                     /* virtual address of the window's start */
    uint64_t quick;                     /* offsets outside it: below P, 4 KiB aligned */
    uint64_t root_keep;                 /* all ones, or 0 with span 0 */
    uint64_t keep[4];
    uint64_t adjust[4];
};

struct x86_mapper {
    uint64_t root;                      /* physical address of the PML4 or PML5 */
    unsigned levels;                    /* 4 or 5 */
    struct x86_phys_access mem;
    struct x86_frame_allocator frames;
    struct x86_tlb tlb;
    unsigned recursive;                 /* recursive top-level slot, or X86_RECURSIVE_NONE */
    struct x86_mapper_direct direct;
};

/* Set up M over the existing top-level table at ROOT. FRAMES and TLB may be NULL
 * (no table creation; no flushes). The structs are copied; no recursive slot. X86_BAD_ARGUMENT for
 * LEVELS other than 4/5 or a NULL MEM/table callback, X86_NOT_ALIGNED /
 * X86_BAD_PHYS_ADDR for a bad ROOT.
 *
 * With x86_phys_window_table, the window struct MEM->ctx points to is read here,
 * once: the walks then check every table against the bounds read now (no call,
 * no re-reading per call). After changing the window, or m->mem, call
 * x86_mapper_init again (m->root and m->recursive may change freely: root is
 * checked on every walk like any other table). */
X86_MUST_USE enum x86_status x86_mapper_init(struct x86_mapper *m, uint64_t root, unsigned levels,
                                             const struct x86_phys_access *mem,
                                             const struct x86_frame_allocator *frames,
                                             const struct x86_tlb *tlb);

/* As x86_mapper_init with a new, zeroed top-level table taken from FRAMES
 * (X86_NO_FRAME, X86_BAD_FRAME, X86_BAD_TABLE if it cannot be reached). */
X86_MUST_USE enum x86_status x86_mapper_create(struct x86_mapper *m, unsigned levels,
                                               const struct x86_phys_access *mem,
                                               const struct x86_frame_allocator *frames,
                                               const struct x86_tlb *tlb);

/* Map the page of SIZE at VIRT to the frame at PHYS with FLAGS (X86_PTE_* bits
 * other than address bits; PRESENT is added, and PS for 2 MiB/1 GiB). Missing
 * tables are created; parents get PRESENT plus the WRITABLE and USER bits the
 * mapping has, added to existing parents too. No flush is needed (a not-present
 * entry is never cached, SDM 4.10.4.3).
 * X86_NOT_CANONICAL, X86_NOT_ALIGNED (VIRT or PHYS), X86_BAD_PHYS_ADDR,
 * X86_BAD_FLAGS, X86_BAD_ARGUMENT (SIZE), X86_ALREADY_MAPPED (the entry is
 * present), X86_HUGE_PAGE (a larger page covers VIRT), X86_NO_FRAME,
 * X86_BAD_FRAME, X86_BAD_TABLE, X86_TABLE_CYCLE. */
X86_MUST_USE enum x86_status x86_map(struct x86_mapper *m, uint64_t virt, uint64_t phys,
                                     enum x86_page_size size, uint64_t flags);

struct x86_translation {
    uint64_t phys;              /* physical address of VIRT itself */
    uint64_t frame;             /* start of the frame that maps it */
    enum x86_page_size size;    /* size of that page */
    uint64_t flags;             /* the leaf entry without its address bits */
};

/* Walk the tables for VIRT (any alignment). X86_NOT_MAPPED when a not-present
 * entry ends the walk, X86_NOT_CANONICAL, X86_BAD_TABLE, X86_TABLE_CYCLE. */
X86_MUST_USE enum x86_status x86_translate(const struct x86_mapper *m, uint64_t virt,
                                           struct x86_translation *out);

/* Remove the mapping that starts at VIRT, whatever its size, into *OUT (may be
 * NULL) and flush it. X86_NOT_ALIGNED if VIRT is inside a page but not at its
 * start, X86_BAD_ARGUMENT for the recursive entry itself (x86_recursive_install);
 * otherwise the statuses of x86_translate. */
X86_MUST_USE enum x86_status x86_unmap(struct x86_mapper *m, uint64_t virt, struct x86_frame *out);

/* Replace the flags of the page that starts at VIRT with FLAGS (as x86_map) and
 * flush it. Statuses of x86_unmap, plus X86_BAD_FLAGS. */
X86_MUST_USE enum x86_status x86_update_flags(struct x86_mapper *m, uint64_t virt, uint64_t flags);

/* Map LEN bytes at VIRT to PHYS, each step using the largest size allowed by
 * SIZES (X86_SIZES_* mask) that VIRT, PHYS and the rest of LEN are aligned to.
 * VIRT, PHYS and LEN must be 4 KiB multiples (X86_NOT_ALIGNED; also when SIZES
 * lacks 4 KiB and a step fits no allowed size). On any failure the pages this
 * call mapped are unmapped again (batched flush) and the status returned;
 * X86_OVERFLOW or X86_NOT_CANONICAL if the range wraps or leaves its half of
 * the canonical space. */
X86_MUST_USE enum x86_status x86_map_range(struct x86_mapper *m, uint64_t virt, uint64_t phys,
                                           uint64_t len, uint64_t flags, unsigned sizes);

/* Unmap every page inside [VIRT, VIRT + LEN), skipping holes, with a batched
 * flush. X86_HUGE_PAGE if a page straddles either end, X86_BAD_ARGUMENT at the
 * recursive entry itself (nothing after it is unmapped; pages before it are),
 * other statuses as x86_map_range. */
X86_MUST_USE enum x86_status x86_unmap_range(struct x86_mapper *m, uint64_t virt, uint64_t len);

/* Free every table below the top level whose 512 entries are zero and that is
 * reached through [VIRT, VIRT + LEN), clearing its parent entry; parents that
 * become empty are freed in turn. One full flush if anything was freed.
 * X86_UNSUPPORTED without a free callback; walk statuses as x86_translate. */
X86_MUST_USE enum x86_status x86_free_empty_tables(struct x86_mapper *m, uint64_t virt,
                                                   uint64_t len);

/* Recursive mapping (the x86_64 crate's RecursivePageTable): make entry INDEX
 * (0..511) of the top-level table point at the table itself (PRESENT | WRITABLE
 * | NO_EXECUTE) and record it as M's recursive slot. X86_ALREADY_MAPPED if that
 * entry is in use, X86_BAD_ARGUMENT for INDEX > 511, X86_BAD_TABLE if the root
 * cannot be reached.
 *
 * With a recursive slot, the addresses whose top-level index is that slot (the
 * recursive window) translate as the CPU translates them: to the page-table
 * frames themselves (x86_recursive_table_addr gives where each table shows).
 * Through the window, x86_map and x86_update_flags write only 4 KiB entries
 * (X86_BAD_ARGUMENT otherwise) without bit 7, which is PS one level up, and
 * without USER (X86_BAD_FLAGS); the recursive entry itself is never unmapped or
 * changed (X86_BAD_ARGUMENT); x86_free_empty_tables skips the slot. Any other
 * self-reference stays X86_TABLE_CYCLE. */
X86_MUST_USE enum x86_status x86_recursive_install(struct x86_mapper *m, unsigned index);

/* Tell M that entry INDEX of its top-level table is a recursive entry already
 * in place (a bootloader's, or a kernel's own); X86_RECURSIVE_NONE forgets it.
 * X86_BAD_ARGUMENT for INDEX > 511, X86_NOT_MAPPED if the entry is not present,
 * X86_BAD_TABLE if it does not point at the table itself (or the root cannot be
 * reached). */
X86_MUST_USE enum x86_status x86_mapper_set_recursive(struct x86_mapper *m, unsigned index);

/* Virtual address at which, with recursive entry INDEX installed in a LEVELS-level
 * hierarchy, the table of LEVEL (1 = page table .. LEVELS = the top table) used
 * to translate VIRT appears. 0 for bad arguments. SDM 4.5 index arithmetic. */
uint64_t x86_recursive_table_addr(unsigned levels, unsigned index, uint64_t virt, unsigned level);

#endif /* __x86_64__ */
#endif
