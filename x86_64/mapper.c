/* Page-table mapper: Intel SDM Vol. 3A, 4.5 (4-level and 5-level paging) and
 * 4.10.4 (TLB invalidation). */
#include "x86_64/mapper.h"

#if defined(__x86_64__)

#include <stddef.h>

#include "x86_64/addr.h"
#include "x86_64/instructions.h"
#include "x86_64/registers.h"

#define MAX_LEVELS 5

/* Bytes one entry of LEVEL covers: 4 KiB << 9(L-1). */
static inline uint64_t entry_span(unsigned level)
{
    return UINT64_C(1) << (X86_PAGE_SHIFT + 9u * (level - 1u));
}

/* Table index of VIRT at LEVEL (x86_64 only, so a variable shift is fine). */
static inline unsigned index_of(uint64_t virt, unsigned level)
{
    return (unsigned)(virt >> (X86_PAGE_SHIFT + 9u * (level - 1u))) & 0x1FFu;
}

/* x86_virt_is_canonical for the mapper's LEVELS (4 or 5), inlined for walks. */
static inline bool canonical(const struct x86_mapper *m, uint64_t virt)
{
    uint64_t sign = UINT64_C(1) << (m->levels == 5 ? 56 : 47);
    uint64_t low = virt & ((sign << 1) - 1);
    return ((low ^ sign) - sign) == virt;
}

static inline enum x86_page_size level_size(unsigned level)
{
    return level == 3 ? X86_PAGE_1G : level == 2 ? X86_PAGE_2M : X86_PAGE_4K;
}

static inline void *window_lookup(const struct x86_phys_window *w, uint64_t phys)
{
    if (phys < w->phys_start || w->size < X86_PAGE_4K ||
        phys - w->phys_start > w->size - X86_PAGE_4K) {
        return NULL;
    }
    uint64_t offset = phys - w->phys_start;
    if (offset > UINTPTR_MAX - w->virt_start) {
        return NULL;
    }
    return (void *)(w->virt_start + (uintptr_t)offset);
}

void *x86_phys_window_table(void *ctx, uint64_t phys)
{
    return window_lookup(ctx, phys);
}

void *x86_phys_identity_table(void *ctx, uint64_t phys)
{
    (void)ctx;
    return (void *)(uintptr_t)phys;
}

void x86_tlb_invlpg(void *ctx, uint64_t virt)
{
    (void)ctx;
    x86_invlpg(virt);
}

void x86_tlb_reload_cr3(void *ctx)
{
    (void)ctx;
    x86_write_cr3(x86_read_cr3());
}

/* ---- TLB batching for ranges ---- */

struct flush_batch {
    uint64_t pages[X86_TLB_BATCH];
    size_t count;
    bool overflow;
};

static void flush_one(const struct x86_mapper *m, uint64_t virt)
{
    if (m->tlb.flush_page != NULL) {
        m->tlb.flush_page(m->tlb.ctx, virt);
    }
}

static void flush_full(const struct x86_mapper *m)
{
    if (m->tlb.flush_all != NULL) {
        m->tlb.flush_all(m->tlb.ctx);
    }
}

static void batch_add(struct flush_batch *b, uint64_t virt)
{
    if (b->count < X86_TLB_BATCH) {
        b->pages[b->count++] = virt;
    } else {
        b->overflow = true;
    }
}

static void batch_finish(const struct x86_mapper *m, const struct flush_batch *b)
{
    if (b->overflow) {
        flush_full(m);
        return;
    }
    for (size_t i = 0; i < b->count; i++) {
        flush_one(m, b->pages[i]);
    }
}

/* ---- walking ---- */

struct walk {
    uint64_t phys[MAX_LEVELS + 1];   /* table of each level on the path */
    uint64_t *entry;                 /* entry where the walk stopped */
    unsigned level;                  /* its level */
};

static enum x86_status table_ptr(const struct x86_mapper *m, uint64_t phys, uint64_t **out)
{
    /* The library's own window backend is inlined: an indirect call per level
     * would dominate a walk. */
    void *p = m->mem.table == x86_phys_window_table ? window_lookup(m->mem.ctx, phys)
                                                    : m->mem.table(m->mem.ctx, phys);
    if (p == NULL || ((uintptr_t)p & (sizeof(uint64_t) - 1)) != 0) {
        return X86_BAD_TABLE;
    }
    *out = p;
    return X86_OK;
}

/* Enter the table at PHYS as LEVEL of W's path: refuse one already on the path. */
static enum x86_status enter(const struct x86_mapper *m, struct walk *w, unsigned level,
                             uint64_t phys, uint64_t **table)
{
    for (unsigned up = level + 1; up <= m->levels; up++) {
        if (w->phys[up] == phys) {
            return X86_TABLE_CYCLE;
        }
    }
    w->phys[level] = phys;
    return table_ptr(m, phys, table);
}

/* Descend to the leaf for VIRT: X86_OK with W at a present leaf (PTE, or PDE /
 * PDPTE with PS), X86_NOT_MAPPED with W at the not-present entry. */
static enum x86_status walk(const struct x86_mapper *m, uint64_t virt, struct walk *w)
{
    if (!canonical(m, virt)) {
        return X86_NOT_CANONICAL;
    }
    uint64_t phys = m->root;
    /* Bounded by the level count even if a caller edited m->levels. */
    for (unsigned level = m->levels; level >= 1 && level <= MAX_LEVELS; level--) {
        uint64_t *table;
        enum x86_status status = enter(m, w, level, phys, &table);
        if (status != X86_OK) {
            return status;
        }
        w->entry = &table[index_of(virt, level)];
        w->level = level;
        uint64_t e = *w->entry;
        if (!x86_pte_is_present(e)) {
            return X86_NOT_MAPPED;
        }
        if (level == 1) {
            return X86_OK;
        }
        if ((e & X86_PTE_HUGE) != 0) {
            /* PS is reserved in PML5Es and PML4Es (SDM Tables 4-15, 4-16). */
            return level <= 3 ? X86_OK : X86_BAD_TABLE;
        }
        phys = e & X86_PTE_ADDR_4K;
    }
    return X86_BAD_ARGUMENT;
}

static void zero_table(uint64_t *table)
{
    for (size_t i = 0; i < X86_TABLE_ENTRIES; i++) {
        table[i] = 0;
    }
}

/* A zeroed table frame from the allocator into *PHYS. With a walk W, a frame
 * that is one of W's tables from LEVEL up (a confused allocator) is refused
 * before it is zeroed. */
static enum x86_status new_table(const struct x86_mapper *m, const struct walk *w, unsigned level,
                                 uint64_t *phys)
{
    uint64_t frame;
    if (m->frames.alloc == NULL || !m->frames.alloc(m->frames.ctx, &frame)) {
        return X86_NO_FRAME;
    }
    if (!x86_phys_is_valid(frame) || !x86_is_aligned(frame, X86_PAGE_4K)) {
        return X86_BAD_FRAME;
    }
    for (unsigned up = level; w != NULL && up <= m->levels; up++) {
        if (w->phys[up] == frame) {
            return X86_BAD_FRAME;
        }
    }
    uint64_t *table;
    enum x86_status status = table_ptr(m, frame, &table);
    if (status != X86_OK) {
        if (m->frames.free != NULL) {
            m->frames.free(m->frames.ctx, frame);
        }
        return status;
    }
    zero_table(table);
    *phys = frame;
    return X86_OK;
}

/* ---- setup ---- */

enum x86_status x86_mapper_init(struct x86_mapper *m, uint64_t root, unsigned levels,
                                const struct x86_phys_access *mem,
                                const struct x86_frame_allocator *frames,
                                const struct x86_tlb *tlb)
{
    if ((levels != 4 && levels != 5) || mem == NULL || mem->table == NULL) {
        return X86_BAD_ARGUMENT;
    }
    if (!x86_phys_is_valid(root)) {
        return X86_BAD_PHYS_ADDR;
    }
    if (!x86_is_aligned(root, X86_PAGE_4K)) {
        return X86_NOT_ALIGNED;
    }
    m->root = root;
    m->levels = levels;
    m->mem = *mem;
    m->frames = frames != NULL ? *frames : (struct x86_frame_allocator){ NULL, NULL, NULL };
    m->tlb = tlb != NULL ? *tlb : (struct x86_tlb){ NULL, NULL, NULL };
    return X86_OK;
}

enum x86_status x86_mapper_create(struct x86_mapper *m, unsigned levels,
                                  const struct x86_phys_access *mem,
                                  const struct x86_frame_allocator *frames,
                                  const struct x86_tlb *tlb)
{
    enum x86_status status = x86_mapper_init(m, 0, levels, mem, frames, tlb);
    if (status != X86_OK) {
        return status;
    }
    return new_table(m, NULL, 0, &m->root);
}

/* ---- single pages ---- */

/* FLAGS valid for a leaf of SIZE: no address bits. */
static bool flags_ok(uint64_t flags, enum x86_page_size size)
{
    return (flags & x86_pte_addr_mask(size)) == 0;
}

enum x86_status x86_map(struct x86_mapper *m, uint64_t virt, uint64_t phys,
                        enum x86_page_size size, uint64_t flags)
{
    unsigned target = x86_page_size_level(size);
    if (target == 0) {
        return X86_BAD_ARGUMENT;
    }
    if (!canonical(m, virt)) {
        return X86_NOT_CANONICAL;
    }
    if (!x86_is_aligned(virt, (uint64_t)size)) {
        return X86_NOT_ALIGNED;
    }
    uint64_t leaf;
    enum x86_status status = x86_pte_make(phys, size, flags | X86_PTE_PRESENT, &leaf);
    if (status != X86_OK) {
        return status;
    }
    /* Parents must allow what the leaf allows: access rights combine the R/W
     * and U/S bits of every level (SDM 4.6.1). */
    uint64_t parent = X86_PTE_PRESENT | (flags & (X86_PTE_WRITABLE | X86_PTE_USER));
    struct walk w;
    uint64_t table_phys = m->root;
    for (unsigned level = m->levels; level >= target && level <= MAX_LEVELS; level--) {
        uint64_t *table;
        status = enter(m, &w, level, table_phys, &table);
        if (status != X86_OK) {
            return status;
        }
        uint64_t *e = &table[index_of(virt, level)];
        if (level == target) {
            if (x86_pte_is_present(*e)) {
                return X86_ALREADY_MAPPED;
            }
            *e = leaf;
            return X86_OK;
        }
        if (!x86_pte_is_present(*e)) {
            uint64_t child;
            status = new_table(m, &w, level, &child);
            if (status != X86_OK) {
                return status;
            }
            *e = child | parent;
        } else if ((*e & X86_PTE_HUGE) != 0) {
            return level <= 3 ? X86_HUGE_PAGE : X86_BAD_TABLE;
        } else if ((*e & parent) != parent) {
            *e |= parent;
        }
        table_phys = *e & X86_PTE_ADDR_4K;
    }
    return X86_BAD_ARGUMENT;
}

enum x86_status x86_translate(const struct x86_mapper *m, uint64_t virt,
                              struct x86_translation *out)
{
    struct walk w;
    enum x86_status status = walk(m, virt, &w);
    if (status != X86_OK) {
        return status;
    }
    enum x86_page_size size = level_size(w.level);
    uint64_t e = *w.entry;
    out->frame = x86_pte_addr(e, size);
    out->phys = out->frame | (virt & ((uint64_t)size - 1));
    out->size = size;
    out->flags = x86_pte_flags(e, size);
    return X86_OK;
}

/* Walk to the leaf that starts exactly at VIRT. */
static enum x86_status find_page_start(const struct x86_mapper *m, uint64_t virt, struct walk *w)
{
    enum x86_status status = walk(m, virt, w);
    if (status != X86_OK) {
        return status;
    }
    if (!x86_is_aligned(virt, (uint64_t)level_size(w->level))) {
        return X86_NOT_ALIGNED;
    }
    return X86_OK;
}

enum x86_status x86_unmap(struct x86_mapper *m, uint64_t virt, struct x86_frame *out)
{
    struct walk w;
    enum x86_status status = find_page_start(m, virt, &w);
    if (status != X86_OK) {
        return status;
    }
    enum x86_page_size size = level_size(w.level);
    if (out != NULL) {
        out->start = x86_pte_addr(*w.entry, size);
        out->size = size;
    }
    *w.entry = 0;
    flush_one(m, virt);
    return X86_OK;
}

enum x86_status x86_update_flags(struct x86_mapper *m, uint64_t virt, uint64_t flags)
{
    struct walk w;
    enum x86_status status = find_page_start(m, virt, &w);
    if (status != X86_OK) {
        return status;
    }
    enum x86_page_size size = level_size(w.level);
    if (!flags_ok(flags, size)) {
        return X86_BAD_FLAGS;
    }
    uint64_t huge = size == X86_PAGE_4K ? 0 : X86_PTE_HUGE;
    *w.entry = x86_pte_addr(*w.entry, size) | flags | huge | X86_PTE_PRESENT;
    flush_one(m, virt);
    return X86_OK;
}

/* ---- ranges ---- */

/* Check that [VIRT, VIRT + LEN) is a 4 KiB-aligned range (possibly empty) inside one
 * half of the canonical space. */
static enum x86_status check_range(const struct x86_mapper *m, uint64_t virt, uint64_t len)
{
    if (!x86_is_aligned(virt, X86_PAGE_4K) || !x86_is_aligned(len, X86_PAGE_4K)) {
        return X86_NOT_ALIGNED;
    }
    if (len == 0) {
        return X86_OK;
    }
    uint64_t last;
    enum x86_status status = x86_virt_add(virt, len - 1, m->levels, &last);
    if (status != X86_OK) {
        return status;
    }
    /* Both canonical but on different sides of the hole: the range crosses it. */
    if ((virt ^ last) >> 63 != 0) {
        return X86_NOT_CANONICAL;
    }
    return X86_OK;
}

/* Unmap what lies in [VIRT, VIRT + LEN) into batch B. */
static enum x86_status unmap_range_batched(struct x86_mapper *m, uint64_t virt, uint64_t len,
                                           struct flush_batch *b)
{
    uint64_t done = 0;
    while (done < len) {
        uint64_t addr = virt + done;
        struct walk w;
        enum x86_status status = walk(m, addr, &w);
        if (status != X86_OK && status != X86_NOT_MAPPED) {
            return status;
        }
        uint64_t span = entry_span(w.level);
        if (status == X86_NOT_MAPPED) {
            /* Skip to the end of what the not-present entry covers. */
            uint64_t step = span - (addr & (span - 1));
            done = step >= len - done ? len : done + step;
            continue;
        }
        if (!x86_is_aligned(addr, span) || span > len - done) {
            return X86_HUGE_PAGE;
        }
        *w.entry = 0;
        batch_add(b, addr);
        done += span;
    }
    return X86_OK;
}

enum x86_status x86_map_range(struct x86_mapper *m, uint64_t virt, uint64_t phys, uint64_t len,
                              uint64_t flags, unsigned sizes)
{
    enum x86_status status = check_range(m, virt, len);
    if (status != X86_OK) {
        return status;
    }
    if (!x86_is_aligned(phys, X86_PAGE_4K)) {
        return X86_NOT_ALIGNED;
    }
    if (len != 0 && (!x86_phys_is_valid(phys) || len - 1 > X86_PHYS_ADDR_MAX - phys)) {
        return X86_BAD_PHYS_ADDR;
    }
    static const enum x86_page_size order[] = { X86_PAGE_1G, X86_PAGE_2M, X86_PAGE_4K };
    static const unsigned order_bit[] = { X86_SIZES_1G, X86_SIZES_2M, X86_SIZES_4K };
    uint64_t done = 0;
    while (done < len) {
        uint64_t v = virt + done;
        uint64_t p = phys + done;
        uint64_t rest = len - done;
        enum x86_page_size size = X86_PAGE_4K;
        bool found = false;
        for (size_t i = 0; i < 3 && !found; i++) {
            uint64_t s = (uint64_t)order[i];
            if ((sizes & order_bit[i]) != 0 && x86_is_aligned(v | p, s) && rest >= s) {
                size = order[i];
                found = true;
            }
        }
        status = found ? x86_map(m, v, p, size, flags) : X86_NOT_ALIGNED;
        if (status != X86_OK) {
            struct flush_batch b = { .count = 0, .overflow = false };
            /* Only pages this call created lie in [virt, v): undo them. The
             * walks just succeeded over the same tables, so the undo cannot
             * fail; the first failure is the one to report. */
            (void)unmap_range_batched(m, virt, done, &b);
            batch_finish(m, &b);
            return status;
        }
        done += (uint64_t)size;
    }
    return X86_OK;
}

enum x86_status x86_unmap_range(struct x86_mapper *m, uint64_t virt, uint64_t len)
{
    enum x86_status status = check_range(m, virt, len);
    if (status != X86_OK) {
        return status;
    }
    struct flush_batch b = { .count = 0, .overflow = false };
    status = unmap_range_batched(m, virt, len, &b);
    batch_finish(m, &b);
    return status;
}

/* ---- freeing empty tables ---- */

static bool table_empty(const uint64_t *table)
{
    for (size_t i = 0; i < X86_TABLE_ENTRIES; i++) {
        if (table[i] != 0) {
            return false;
        }
    }
    return true;
}

/* Within TABLE (of LEVEL, on path W), free empty child tables reached through
 * the entries covering the truncated addresses [LO, HI]. */
static enum x86_status free_in(struct x86_mapper *m, struct walk *w, uint64_t *table,
                               unsigned level, uint64_t lo, uint64_t hi, bool *freed)
{
    uint64_t span = entry_span(level);
    for (unsigned i = index_of(lo, level); i <= index_of(hi, level); i++) {
        uint64_t e = table[i];
        if (!x86_pte_is_present(e) || level == 1 || (e & X86_PTE_HUGE) != 0) {
            if (level > 3 && (e & X86_PTE_HUGE) != 0 && x86_pte_is_present(e)) {
                return X86_BAD_TABLE;
            }
            continue;
        }
        uint64_t child_phys = e & X86_PTE_ADDR_4K;
        uint64_t *child;
        enum x86_status status = enter(m, w, level - 1, child_phys, &child);
        if (status != X86_OK) {
            return status;
        }
        /* Clip [lo, hi] to what entry i covers. */
        uint64_t base = x86_align_down(lo, span * X86_TABLE_ENTRIES) + (uint64_t)i * span;
        uint64_t clo = lo > base ? lo : base;
        uint64_t chi = hi < base + (span - 1) ? hi : base + (span - 1);
        if (level - 1 > 1) {
            status = free_in(m, w, child, level - 1, clo, chi, freed);
            if (status != X86_OK) {
                return status;
            }
        }
        if (table_empty(child)) {
            table[i] = 0;
            m->frames.free(m->frames.ctx, child_phys);
            *freed = true;
        }
    }
    return X86_OK;
}

enum x86_status x86_free_empty_tables(struct x86_mapper *m, uint64_t virt, uint64_t len)
{
    if (m->frames.free == NULL) {
        return X86_UNSUPPORTED;
    }
    enum x86_status status = check_range(m, virt, len);
    if (status != X86_OK || len == 0) {
        return status;
    }
    unsigned bits = x86_virt_bits(m->levels);
    uint64_t mask = (UINT64_C(1) << bits) - 1;
    struct walk w;
    for (size_t i = 0; i <= MAX_LEVELS; i++) {
        w.phys[i] = UINT64_MAX; /* no table is at an address with bit 63 set */
    }
    uint64_t *root;
    status = enter(m, &w, m->levels, m->root, &root);
    if (status != X86_OK) {
        return status;
    }
    bool freed = false;
    status = free_in(m, &w, root, m->levels, virt & mask, (virt + (len - 1)) & mask, &freed);
    if (freed) {
        flush_full(m);
    }
    return status;
}

/* ---- recursive mapping ---- */

enum x86_status x86_recursive_install(struct x86_mapper *m, unsigned index)
{
    if (index >= X86_TABLE_ENTRIES) {
        return X86_BAD_ARGUMENT;
    }
    uint64_t *root;
    enum x86_status status = table_ptr(m, m->root, &root);
    if (status != X86_OK) {
        return status;
    }
    if (root[index] != 0) {
        return X86_ALREADY_MAPPED;
    }
    root[index] = m->root | X86_PTE_PRESENT | X86_PTE_WRITABLE | X86_PTE_NO_EXECUTE;
    return X86_OK;
}

uint64_t x86_recursive_table_addr(unsigned levels, unsigned index, uint64_t virt, unsigned level)
{
    if ((levels != 4 && levels != 5) || index >= X86_TABLE_ENTRIES || level == 0 ||
        level > levels) {
        return 0;
    }
    /* The walk takes the recursive slot LEVEL times, so the remaining indices
     * shift down by LEVEL levels and the table itself appears as the page. */
    unsigned idx[MAX_LEVELS];
    for (unsigned k = 1; k <= levels; k++) {
        idx[k - 1] = k > levels - level ? index : index_of(virt, k + level);
    }
    return x86_virt_from_indices(levels, idx, 0);
}

#else
/* Nothing to build outside x86_64; ISO C wants one declaration per unit. */
typedef int x86_mapper_not_built;
#endif /* __x86_64__ */
