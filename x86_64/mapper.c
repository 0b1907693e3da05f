/* Page-table mapper: Intel SDM Vol. 3A, 4.5 (4-level and 5-level paging) and
 * 4.10.4 (TLB invalidation). */
#include "x86_64/mapper.h"

#if defined(__x86_64__)

#include <stddef.h>

#include "x86_64/addr.h"
#include "x86_64/instructions.h"
#include "x86_64/registers.h"

#define MAX_LEVELS 5

/* Speed builds finish map, translate and unmap of plain paths through the
 * window and identity backends on an inline path specialised per level count
 * and page size ("the inline path" below; bench/paging measures it), and unroll
 * the general walks, so a walk's path stays in registers; size builds (-Os, as
 * the cross builds use) keep only the general walks, one copy of each, about
 * the size of a plain loop. */
#if defined(__OPTIMIZE_SIZE__)
#define WALK_INLINE
#define WALK_UNROLL
#else
#define WALK_INLINE inline __attribute__((always_inline))
#define WALK_UNROLL _Pragma("GCC unroll 5")
#endif

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

static inline enum x86_page_size level_size(unsigned level)
{
    return level == 3 ? X86_PAGE_1G : level == 2 ? X86_PAGE_2M : X86_PAGE_4K;
}

/* The window's bounds check, the single definition of what it grants. */
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

/* ---- reaching tables ---- */

/* How one call reaches tables. The library's own identity and window backends,
 * as x86_mapper_init read them (struct x86_mapper_direct), are applied as "PHYS
 * - start <= limit gives base + (PHYS - start)", exactly the tables
 * x86_phys_window_table grants, so a walk makes no indirect call per level
 * (DIRECT); any other backend is called for every table, its pointer checked
 * for alignment. */
struct access {
    const struct x86_phys_access *mem;
    uint64_t neg_start;                /* 0 - start */
    uint64_t limit;
    uintptr_t base;
    bool direct;
};

/* Fill A for M's backend; true when it is DIRECT. The window's skew is 4 KiB
 * aligned and its base 8-byte aligned (direct_of), so the root's alignment
 * decides that of every table pointer. */
static inline bool access_init(struct access *a, const struct x86_mapper *m)
{
    *a = (struct access){
        .mem = &m->mem,
        .neg_start = m->direct.skew,
        .limit = m->direct.span - 1,
        .base = m->direct.base,
        .direct = m->direct.span != 0 && (m->root & (sizeof(uint64_t) - 1)) == 0,
    };
    return a->direct;
}

/* M's view of MEM for the inline walks: the window's bounds, read once. A
 * window that wraps (then the plain bound would not hold), sits at virtual 0
 * (its first table would be NULL), starts off a 4 KiB boundary (the inline walks
 * test a table's offset for 4 KiB alignment), has a misaligned base or holds no
 * table below 2^52 stays on the checked callback. The part at or above 2^52 is
 * left out: no entry can name a table there (SDM 4.5: address bits 51..12), so
 * only a root edited to such an address is refused there. The identity backend is a
 * window from physical 4 KiB up, so that physical 0, a NULL table, stays
 * refused. */
static struct x86_mapper_direct direct_of(const struct x86_phys_access *mem)
{
    struct x86_mapper_direct d = { 1, 0, 0, UINT64_MAX, 0, { 0, 0, 0, 0 }, { 1, 1, 1, 1 } };
    const uint64_t phys_limit = X86_PHYS_ADDR_MAX + 1;
    uint64_t start = X86_PAGE_4K;
    uint64_t size = phys_limit - X86_PAGE_4K;
    uintptr_t base = X86_PAGE_4K;
    if (mem->table == x86_phys_window_table && mem->ctx != NULL) {
        const struct x86_phys_window *w = mem->ctx;
        uint64_t phys_end;
        uintptr_t virt_end;
        if (__builtin_add_overflow(w->phys_start, w->size, &phys_end) ||
            __builtin_add_overflow(w->virt_start, (uintptr_t)w->size, &virt_end) ||
            w->virt_start == 0 || (w->phys_start & (X86_PAGE_4K - 1)) != 0 ||
            (w->virt_start & (sizeof(uint64_t) - 1)) != 0 || w->phys_start >= phys_limit) {
            return d;
        }
        start = w->phys_start;
        size = phys_end > phys_limit ? phys_limit - start : w->size;
        base = w->virt_start;
    } else if (mem->table != x86_phys_identity_table) {
        return d;
    }
    if (size >= X86_PAGE_4K) {
        d.skew = 0 - start;
        d.span = size - X86_PAGE_4K + 1;
        d.base = base;
        d.root_keep = UINT64_MAX;
        /* P = the top bit of SIZE: at least 4 KiB, and at most SIZE, so an
         * aligned offset below it is at most SIZE - 4 KiB (below span). */
        uint64_t p = UINT64_C(1) << (63 - __builtin_clzll(size));
        d.quick = ~(p - 1) | (X86_PAGE_4K - 1);
        for (uint64_t k = 0; k < 4; k++) {
            uint64_t need = X86_PTE_PRESENT | k << 1;
            d.keep[k] = X86_PTE_ADDR_4K | X86_PTE_HUGE | need;
            d.adjust[k] = d.skew - need;
        }
    }
    return d;
}

/* The table at PHYS into *TABLE; false when it cannot be reached. DIRECT is
 * A's, given as a constant where a walk is specialised for it (the window's
 * bound then decides alone: its pointers are never NULL). */
static WALK_INLINE bool table_at(const struct access *a, uint64_t phys, bool direct,
                                 uint64_t **table)
{
    if (direct) {
        uint64_t offset = phys + a->neg_start;   /* PHYS - start, in one LEA */
        *table = (uint64_t *)(a->base + (uintptr_t)offset);
        return offset <= a->limit;
    }
    void *p = a->mem->table(a->mem->ctx, phys);
    *table = p;
    return p != NULL && ((uintptr_t)p & (sizeof(uint64_t) - 1)) == 0;
}

/* ---- walking ---- */

/* The path of one walk, by level (PHYS[TOP] is the root). */
struct walk {
    uint64_t phys[MAX_LEVELS + 1];   /* table of each level on the path */
    uint64_t *entry;                 /* entry where the walk stopped */
    unsigned level;                  /* its level */
};

/* True when NEXT, the table that entry INDEX of the LEVEL table on PATH points
 * to, is already on the path (levels LEVEL..TOP), unless that entry is the
 * recursive slot: entry m->recursive of the top table pointing back at it. */
static inline bool unexpected_cycle(const struct x86_mapper *m, const uint64_t *path,
                                    unsigned level, unsigned top, uint64_t next, size_t index)
{
    bool seen = false;
    WALK_UNROLL
    for (unsigned up = level; up <= top; up++) {
        seen = seen || path[up] == next;
    }
    return seen && !(next == path[top] && path[level] == next && index == m->recursive);
}

/* Descend TOP levels to the leaf for VIRT: X86_OK with W at a present leaf (PTE,
 * or PDE / PDPTE with PS), X86_NOT_MAPPED with W at the not-present entry.
 * Inlined with TOP constant. */
static WALK_INLINE enum x86_status
walk_levels(const struct x86_mapper *m, const struct access *a, uint64_t virt, struct walk *w,
            unsigned top, bool direct)
{
    uint64_t phys = m->root;
    /* Unrolled (TOP is at most 5): the path then lives in registers. */
    WALK_UNROLL
    for (unsigned level = top; level >= 1; level--) {
        uint64_t *table = NULL;
        if (!table_at(a, phys, direct, &table)) {
            return X86_BAD_TABLE;
        }
        w->phys[level] = phys;
        size_t index = (size_t)(virt >> (X86_PAGE_SHIFT + 9u * (level - 1u))) & 0x1FFu;
        w->entry = &table[index];
        w->level = level;
        uint64_t e = table[index];
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
        if (unexpected_cycle(m, w->phys, level, top, phys, index)) {
            return X86_TABLE_CYCLE;
        }
    }
    return X86_BAD_ARGUMENT;
}

/* Canonical for TOP levels (4 or 5): adding 2^(N-1) brings exactly the
 * canonical addresses below 2^N (SDM 4.1.1; N = 48 or 57). */
static inline bool canonical_for(uint64_t virt, unsigned top)
{
    unsigned bits = top == 5 ? 57u : 48u;
    return ((virt + (UINT64_C(1) << (bits - 1))) >> bits) == 0;
}

/* The walk for VIRT through A: with DIRECT constant true, one unrolled copy per
 * level count. */
static WALK_INLINE enum x86_status
walk_with(const struct x86_mapper *m, const struct access *a, uint64_t virt, struct walk *w,
          bool direct)
{
    unsigned top = m->levels;
    /* Bounded by the level count even if a caller edited m->levels. */
    if (top != 4 && top != 5) {
        return X86_BAD_ARGUMENT;
    }
    if (!canonical_for(virt, top)) {
        return X86_NOT_CANONICAL;
    }
    return walk_levels(m, a, virt, w, top, direct);
}

/* The walk for VIRT for the calls that are not specialised per backend. */
static enum x86_status walk(const struct x86_mapper *m, uint64_t virt, struct walk *w)
{
    struct access a = { .mem = &m->mem, .direct = false };
    return walk_with(m, &a, virt, w, false);
}

/* True when W stopped at the recursive entry itself, which is reached as a leaf
 * only through the recursive window. */
static inline bool at_recursive_entry(const struct x86_mapper *m, const struct walk *w,
                                      uint64_t virt)
{
    return w->phys[w->level] == m->root && index_of(virt, w->level) == m->recursive;
}

/* What may be written as a leaf through the recursive window (TOP_INDEX, the
 * address's top-level index, is the recursive slot): there a "leaf" is an entry
 * of a table one or more levels up, so only a 4 KiB entry without bit 7 (which
 * would be PS there, SDM Tables 4-16 to 4-20) is valid at every level; and
 * never a user one, which would open every page table to user mode. */
static inline enum x86_status window_write_ok(const struct x86_mapper *m, unsigned top_index,
                                              enum x86_page_size size, uint64_t flags)
{
    if (top_index != m->recursive) {
        return X86_OK;
    }
    if (size != X86_PAGE_4K) {
        return X86_BAD_ARGUMENT;
    }
    return (flags & (X86_PTE_PAT_4K | X86_PTE_USER)) != 0 ? X86_BAD_FLAGS : X86_OK;
}

static void zero_table(uint64_t *table)
{
    for (size_t i = 0; i < X86_TABLE_ENTRIES; i++) {
        table[i] = 0;
    }
}

/* A zeroed table frame from the allocator into *PHYS. With a path PATH, a frame
 * that is one of its tables from LEVEL up to TOP (a confused allocator) is
 * refused before it is zeroed. */
static enum x86_status new_table(const struct x86_mapper *m, const struct access *a,
                                 const uint64_t *path, unsigned level, unsigned top,
                                 uint64_t *phys)
{
    uint64_t frame;
    if (m->frames.alloc == NULL || !m->frames.alloc(m->frames.ctx, &frame)) {
        return X86_NO_FRAME;
    }
    if (!x86_phys_is_valid(frame) || !x86_is_aligned(frame, X86_PAGE_4K)) {
        return X86_BAD_FRAME;
    }
    for (unsigned up = level; path != NULL && up <= top; up++) {
        if (path[up] == frame) {
            return X86_BAD_FRAME;
        }
    }
    uint64_t *table;
    if (!table_at(a, frame, a->direct, &table)) {
        if (m->frames.free != NULL) {
            m->frames.free(m->frames.ctx, frame);
        }
        return X86_BAD_TABLE;
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
    m->recursive = X86_RECURSIVE_NONE;
    m->direct = direct_of(mem);
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
    struct access a;
    access_init(&a, m);
    return new_table(m, &a, NULL, 0, 0, &m->root);
}

/* ---- single pages ---- */

/* FLAGS valid for a leaf of SIZE: no address bits. */
static bool flags_ok(uint64_t flags, enum x86_page_size size)
{
    return (flags & x86_pte_addr_mask(size)) == 0;
}

static enum x86_status map_slow(const struct x86_mapper *m, uint64_t virt, uint64_t leaf,
                                unsigned target, uint64_t parent);

/* x86_map's descent over TOP levels (constant when inlined, as walk_levels, and
 * TARGET too): LEAF goes into the entry of level TARGET; PARENT are the bits
 * every entry above it needs. Without CREATE a missing table hands the whole
 * map to map_slow, which keeps the allocator's call (and a stack frame) off
 * the inline path; that happens once per new table. */
static WALK_INLINE enum x86_status
map_levels(const struct x86_mapper *m, const struct access *a, uint64_t virt, uint64_t leaf,
           unsigned target, uint64_t parent, unsigned top, bool direct, bool create)
{
    uint64_t path[MAX_LEVELS + 1];
    uint64_t phys = m->root;
    /* Unrolled (TOP is at most 5): the path then lives in registers. */
    WALK_UNROLL
    for (unsigned level = top; level >= target; level--) {
        uint64_t *table = NULL;
        if (!table_at(a, phys, direct, &table)) {
            return X86_BAD_TABLE;
        }
        path[level] = phys;
        size_t index = (size_t)(virt >> (X86_PAGE_SHIFT + 9u * (level - 1u))) & 0x1FFu;
        uint64_t e = table[index];
        if (level == target) {
            if (x86_pte_is_present(e)) {
                return X86_ALREADY_MAPPED;
            }
            table[index] = leaf;
            return X86_OK;
        }
        if (!x86_pte_is_present(e)) {
            if (!create) {
                return map_slow(m, virt, leaf, target, parent);
            }
            enum x86_status status = new_table(m, a, path, level, top, &phys);
            if (status != X86_OK) {
                return status;
            }
            table[index] = phys | parent;
            continue;
        }
        if ((e & X86_PTE_HUGE) != 0) {
            return level <= 3 ? X86_HUGE_PAGE : X86_BAD_TABLE;
        }
        phys = e & X86_PTE_ADDR_4K;
        /* Checked before the entry is touched: a cyclic table stays as found. */
        if (unexpected_cycle(m, path, level, top, phys, index)) {
            return X86_TABLE_CYCLE;
        }
        if ((e & parent) != parent) {
            table[index] = e | parent;
        }
    }
    return X86_BAD_ARGUMENT;
}

/* map_levels with table creation, for any backend and level count. */
static __attribute__((noinline)) enum x86_status map_slow(const struct x86_mapper *m,
                                                          uint64_t virt, uint64_t leaf,
                                                          unsigned target, uint64_t parent)
{
    struct access a;
    access_init(&a, m);
    return map_levels(m, &a, virt, leaf, target, parent, m->levels, a.direct, true);
}

/* x86_map's checks and descent for TOP levels (constant when inlined, and so
 * are SIZE and TARGET on the inline paths). */
static WALK_INLINE enum x86_status
map_top(const struct x86_mapper *m, const struct access *a, uint64_t virt, uint64_t phys,
        enum x86_page_size size, uint64_t flags, unsigned target, unsigned top, bool direct)
{
    if (!canonical_for(virt, top)) {
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
    status = window_write_ok(m, index_of(virt, top), size, flags);
    if (status != X86_OK) {
        return status;
    }
    /* Parents must allow what the leaf allows: access rights combine the R/W
     * and U/S bits of every level (SDM 4.6.1). */
    uint64_t parent = X86_PTE_PRESENT | (flags & (X86_PTE_WRITABLE | X86_PTE_USER));
    return map_levels(m, a, virt, leaf, target, parent, top, direct, !direct);
}

/* x86_map through A (DIRECT as walk_with). */
static WALK_INLINE enum x86_status
map_with(const struct x86_mapper *m, const struct access *a, uint64_t virt, uint64_t phys,
         enum x86_page_size size, uint64_t flags, bool direct)
{
    unsigned target = x86_page_size_level(size);
    unsigned top = m->levels;
    if (target == 0 || (top != 4 && top != 5)) {
        return X86_BAD_ARGUMENT;
    }
    return map_top(m, a, virt, phys, size, flags, target, top, direct);
}

/* x86_map by the general walk, for whatever the inline path does not finish. */
static __attribute__((noinline)) enum x86_status map_general(const struct x86_mapper *m,
                                                             uint64_t virt, uint64_t phys,
                                                             enum x86_page_size size,
                                                             uint64_t flags)
{
    struct access a;
    access_init(&a, m);
    return map_with(m, &a, virt, phys, size, flags, a.direct);
}

static WALK_INLINE enum x86_status
translate_with(const struct x86_mapper *m, const struct access *a, uint64_t virt,
               struct x86_translation *out, bool direct)
{
    struct walk w;
    enum x86_status status = walk_with(m, a, virt, &w, direct);
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

static __attribute__((noinline)) enum x86_status
translate_general(const struct x86_mapper *m, uint64_t virt, struct x86_translation *out)
{
    struct access a;
    access_init(&a, m);
    return translate_with(m, &a, virt, out, a.direct);
}

/* Walk to the leaf that starts exactly at VIRT; the recursive entry itself is
 * not a page to edit. */
static WALK_INLINE enum x86_status
find_page_start(const struct x86_mapper *m, const struct access *a, uint64_t virt,
                struct walk *w, bool direct)
{
    enum x86_status status = walk_with(m, a, virt, w, direct);
    if (status != X86_OK) {
        return status;
    }
    if (!x86_is_aligned(virt, (uint64_t)level_size(w->level))) {
        return X86_NOT_ALIGNED;
    }
    return at_recursive_entry(m, w, virt) ? X86_BAD_ARGUMENT : X86_OK;
}

static WALK_INLINE enum x86_status
unmap_with(const struct x86_mapper *m, const struct access *a, uint64_t virt,
           struct x86_frame *out, bool direct)
{
    struct walk w;
    enum x86_status status = find_page_start(m, a, virt, &w, direct);
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

static __attribute__((noinline)) enum x86_status
unmap_general(const struct x86_mapper *m, uint64_t virt, struct x86_frame *out)
{
    struct access a;
    access_init(&a, m);
    return unmap_with(m, &a, virt, out, a.direct);
}

/* ---- the inline path ----
 *
 * A kernel's map, translate and unmap nearly always meet a plain path: every
 * table inside the window, every entry above the leaf present without PS (and,
 * for a map, with the parent bits the leaf needs), no table twice. The inline
 * path finishes exactly those calls with the window read at x86_mapper_init and
 * hands every other one, unchanged, to the general walk above, which then gives
 * the status (or does the work: new tables, parent bits, huge pages, the
 * recursive slot). So each status and every table the general walk would
 * refuse stays its; what the inline path adds is speed:
 *   - one test per level decides "present, no PS, parent bits set, inside the
 *     window": the entry is masked to its address bits plus the bits in
 *     question and the expected bits subtracted along with the window's start,
 *     so the result is the table's offset in the window exactly when all hold
 *     and otherwise has low bits set (or wraps), failing the test that the
 *     offset be a 4 KiB multiple below the window's span (in the window's
 *     first P bytes, P the largest power of two not above its size, one
 *     test: no bit of quick set);
 *   - the cycle check compares each table's offset with those above it
 *     (SDM 4.5: a walk reads one table per level, so a table met twice is a
 *     self-reference; the recursive slot is one, and goes to the general walk,
 *     which knows it).
 * Size builds leave it out (one general walk, as small as a loop). */

#if !defined(__OPTIMIZE_SIZE__)

/* Descend from the root of a TOP-level hierarchy towards the table of level
 * STOP for VIRT (both constant once inlined) on a plain path. 0 when *TABLE is
 * that table; otherwise the level of the table *TABLE whose entry for VIRT led
 * off the plain path (TOP + 1 when the root itself is refused). PARENTS: the
 * WRITABLE and USER bits, shifted down by one, that every entry above STOP must
 * have besides PRESENT (those of a map's leaf; 0 for the other calls).
 * Unrolled, so the path stays in registers. */
static inline __attribute__((always_inline)) unsigned
plain_table(const struct x86_mapper *m, uint64_t virt, unsigned top, unsigned stop,
            size_t parents, uint64_t **table)
{
    uint64_t path[MAX_LEVELS + 1];
    /* Odd, so refused, when the window cannot be used (root_keep). */
    uint64_t offset = (m->root & m->direct.root_keep) + m->direct.skew;
    /* In registers: they are used at every level. */
    uintptr_t base = m->direct.base;
    uint64_t quick = m->direct.quick;
    __asm__("" : "+r"(base), "+r"(quick));
    _Pragma("GCC unroll 5")
    for (unsigned level = top; level >= stop; level--) {
        /* One test for a table in the window's first P bytes (quick), the
         * exact bound for the rest. */
        if (__builtin_expect((offset & quick) != 0, 0) &&
            (offset >= m->direct.span || (offset & (X86_PAGE_4K - 1)) != 0)) {
            return level + 1;
        }
        _Pragma("GCC unroll 5")
        for (unsigned up = level + 1; up <= top; up++) {
            if (__builtin_expect(path[up] == offset, 0)) {
                return level + 1;
            }
        }
        path[level] = offset;
        uint64_t *t = (uint64_t *)(base + (uintptr_t)offset);
        *table = t;
        if (level == stop) {
            return 0;
        }
        offset = (t[index_of(virt, level)] & m->direct.keep[parents]) + m->direct.adjust[parents];
        /* Opaque to the optimiser: otherwise it compares the entries instead
         * of the offsets for the cycle check, at twice the instructions; and
         * M's fields are read where used (as memory operands), which leaves
         * registers for the path. */
        __asm__("" : "+r"(offset) : : "memory");
    }
    return top + 1;
}

/* The 2 MiB or 1 GiB page entry of VIRT when plain_table stopped (STOPPED) at
 * a PDE / PDPTE with PS in TABLE: the path above it was plain, so the entry is
 * the leaf the general walk would find. NULL otherwise. */
static inline __attribute__((always_inline)) uint64_t *
plain_huge_leaf(uint64_t *table, unsigned stopped, uint64_t virt)
{
    if (stopped != 2 && stopped != 3) {
        return NULL;
    }
    uint64_t *entry = &table[index_of(virt, stopped)];
    const uint64_t leaf = X86_PTE_PRESENT | X86_PTE_HUGE;
    return (*entry & leaf) == leaf ? entry : NULL;
}

/* VIRT canonical for TOP levels and 4 KiB aligned, in one test: adding
 * 2^(N-1) keeps the low bits (canonical_for). */
static inline bool canonical_page(uint64_t virt, unsigned top)
{
    unsigned bits = top == 5 ? 57u : 48u;
    uint64_t bad = ~((UINT64_C(1) << bits) - 1) | (X86_PAGE_4K - 1);
    return ((virt + (UINT64_C(1) << (bits - 1))) & bad) == 0;
}

/* x86_map of a page of SIZE (constant, as TOP) on a plain path. PARENTS: the
 * WRITABLE and USER bits of FLAGS shifted down by one, which parents must have
 * as the leaf allows them (SDM 4.6.1, as map_top). */
static inline __attribute__((always_inline)) enum x86_status
map_inline(const struct x86_mapper *m, uint64_t virt, uint64_t phys, enum x86_page_size size,
           uint64_t flags, unsigned top, size_t parents)
{
    const uint64_t mask = x86_pte_addr_mask(size);
    const unsigned target = x86_page_size_level(size);
    /* VIRT canonical and aligned, PHYS inside the address bits (below 2^52
     * and aligned, as x86_pte_make wants); FLAGS outside them is the caller's
     * test (map_sized). With 4 levels
     * one test does VIRT and PHYS: VIRT + 2^47 below 2^48 (canonical_for) and
     * PHYS below 2^48 too (higher ones go the general way), both aligned. */
    bool ok;
    if (top == 4) {
        uint64_t both = (virt + (UINT64_C(1) << 47)) | phys;
        ok = (both & ~(~((uint64_t)size - 1) & ((UINT64_C(1) << 48) - 1))) == 0;
    } else {
        ok = canonical_for(virt, top) && (virt & ((uint64_t)size - 1)) == 0 && (phys & ~mask) == 0;
    }
    if (__builtin_expect(ok, 1)) {
        /* From here on only the leaf is kept: PHYS and FLAGS are its two
         * halves again (FLAGS with PRESENT and PS, which map adds anyway). */
        uint64_t leaf = phys | flags | X86_PTE_PRESENT | (target > 1 ? X86_PTE_HUGE : 0);
        /* Opaque: otherwise PHYS | FLAGS stays live beside it (a register the
         * walk needs) to rebuild the general walk's arguments. */
        __asm__("" : "+r"(leaf));
        uint64_t *table = NULL;
        if (__builtin_expect(plain_table(m, virt, top, target, parents, &table) == 0, 1)) {
            uint64_t *entry = &table[index_of(virt, target)];
            if (__builtin_expect(!x86_pte_is_present(*entry), 1)) {
                *entry = leaf;
                return X86_OK;
            }
        }
        return map_general(m, virt, leaf & mask, size, leaf & ~mask);
    }
    return map_general(m, virt, phys, size, flags);
}

/* x86_map for TOP levels (constant): one inline copy per page size. */
static inline __attribute__((always_inline)) enum x86_status
map_sized(const struct x86_mapper *m, uint64_t virt, uint64_t phys, enum x86_page_size size,
          uint64_t flags, unsigned top)
{
    /* 4 KiB first, the size a kernel maps most, with one copy per pair of
     * parent bits: their mask is then a constant (no register for it). The
     * switch is on those bits in place and on FLAGS's address bits, which
     * must be clear: one test for both (any address bit is the default). */
    if (__builtin_expect(size == X86_PAGE_4K, 1)) {
        uint64_t key = flags & (X86_PTE_ADDR_4K | X86_PTE_WRITABLE | X86_PTE_USER);
        /* Writable kernel pages first: what a kernel maps most. */
        if (__builtin_expect(key == X86_PTE_WRITABLE, 1)) {
            return map_inline(m, virt, phys, X86_PAGE_4K, flags, top, 1);
        }
        switch (key) {
        case 0:
            return map_inline(m, virt, phys, X86_PAGE_4K, flags, top, 0);
        case X86_PTE_USER:
            return map_inline(m, virt, phys, X86_PAGE_4K, flags, top, 2);
        case X86_PTE_WRITABLE | X86_PTE_USER:
            return map_inline(m, virt, phys, X86_PAGE_4K, flags, top, 3);
        default:
            return map_general(m, virt, phys, size, flags);
        }
    }
    if ((size != X86_PAGE_2M && size != X86_PAGE_1G) || (flags & x86_pte_addr_mask(size)) != 0) {
        return map_general(m, virt, phys, size, flags);
    }
    size_t parents = (size_t)(flags >> 1) & 3u;
    if (size == X86_PAGE_2M) {
        return map_inline(m, virt, phys, X86_PAGE_2M, flags, top, parents);
    }
    return map_inline(m, virt, phys, X86_PAGE_1G, flags, top, parents);
}

/* x86_translate on a plain path (TOP constant). */
static inline __attribute__((always_inline)) enum x86_status
translate_inline(const struct x86_mapper *m, uint64_t virt, struct x86_translation *out,
                 unsigned top)
{
    if (__builtin_expect(canonical_for(virt, top), 1)) {
        uint64_t *table = NULL;
        unsigned stopped = plain_table(m, virt, top, 1, 0, &table);
        if (__builtin_expect(stopped == 0, 1)) {
            uint64_t e = table[index_of(virt, 1)];
            if (__builtin_expect(x86_pte_is_present(e), 1)) {
                uint64_t frame = e & X86_PTE_ADDR_4K;
                out->frame = frame;
                out->phys = frame | (virt & (X86_PAGE_4K - 1));
                out->size = X86_PAGE_4K;
                out->flags = e ^ frame;
                return X86_OK;
            }
        } else {
            const uint64_t *entry = plain_huge_leaf(table, stopped, virt);
            if (entry != NULL) {
                enum x86_page_size size = level_size(stopped);
                out->frame = x86_pte_addr(*entry, size);
                out->phys = out->frame | (virt & ((uint64_t)size - 1));
                out->size = size;
                out->flags = x86_pte_flags(*entry, size);
                return X86_OK;
            }
        }
    }
    return translate_general(m, virt, out);
}

/* Clear ENTRY, the leaf of the page of SIZE at VIRT, into *OUT (may be NULL). */
static inline __attribute__((always_inline)) enum x86_status
unmap_entry(const struct x86_mapper *m, uint64_t *entry, enum x86_page_size size, uint64_t virt,
            struct x86_frame *out)
{
    if (out != NULL) {
        out->start = x86_pte_addr(*entry, size);
        out->size = size;
    }
    *entry = 0;
    flush_one(m, virt);
    return X86_OK;
}

/* x86_unmap on a plain path (TOP constant). */
static inline __attribute__((always_inline)) enum x86_status
unmap_inline(const struct x86_mapper *m, uint64_t virt, struct x86_frame *out, unsigned top)
{
    if (__builtin_expect(canonical_page(virt, top), 1)) {
        uint64_t *table = NULL;
        unsigned stopped = plain_table(m, virt, top, 1, 0, &table);
        if (__builtin_expect(stopped == 0, 1)) {
            uint64_t *entry = &table[index_of(virt, 1)];
            if (__builtin_expect(x86_pte_is_present(*entry), 1)) {
                return unmap_entry(m, entry, X86_PAGE_4K, virt, out);
            }
        } else {
            uint64_t *entry = plain_huge_leaf(table, stopped, virt);
            enum x86_page_size size = level_size(stopped);
            if (entry != NULL && x86_is_aligned(virt, (uint64_t)size)) {
                return unmap_entry(m, entry, size, virt, out);
            }
        }
    }
    return unmap_general(m, virt, out);
}

#endif /* !__OPTIMIZE_SIZE__ */

enum x86_status x86_map(struct x86_mapper *m, uint64_t virt, uint64_t phys,
                        enum x86_page_size size, uint64_t flags)
{
#if !defined(__OPTIMIZE_SIZE__)
    if (m->levels == 4) {
        return map_sized(m, virt, phys, size, flags, 4);
    }
    if (m->levels == 5) {
        return map_sized(m, virt, phys, size, flags, 5);
    }
#endif
    return map_general(m, virt, phys, size, flags);
}

enum x86_status x86_translate(const struct x86_mapper *m, uint64_t virt,
                              struct x86_translation *out)
{
#if !defined(__OPTIMIZE_SIZE__)
    if (m->levels == 4) {
        return translate_inline(m, virt, out, 4);
    }
    if (m->levels == 5) {
        return translate_inline(m, virt, out, 5);
    }
#endif
    return translate_general(m, virt, out);
}

enum x86_status x86_unmap(struct x86_mapper *m, uint64_t virt, struct x86_frame *out)
{
#if !defined(__OPTIMIZE_SIZE__)
    if (m->levels == 4) {
        return unmap_inline(m, virt, out, 4);
    }
    if (m->levels == 5) {
        return unmap_inline(m, virt, out, 5);
    }
#endif
    return unmap_general(m, virt, out);
}

enum x86_status x86_update_flags(struct x86_mapper *m, uint64_t virt, uint64_t flags)
{
    struct access a = { .mem = &m->mem, .direct = false };
    struct walk w;
    enum x86_status status = find_page_start(m, &a, virt, &w, false);
    if (status != X86_OK) {
        return status;
    }
    enum x86_page_size size = level_size(w.level);
    if (!flags_ok(flags, size)) {
        return X86_BAD_FLAGS;
    }
    status = window_write_ok(m, index_of(virt, m->levels), size, flags);
    if (status != X86_OK) {
        return status;
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
        if (at_recursive_entry(m, &w, addr)) {
            return X86_BAD_ARGUMENT;
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

/* Within TABLE (of LEVEL, on PATH), free empty child tables reached through
 * the entries covering the truncated addresses [LO, HI]. The recursive slot is
 * no child: the tables it shows are visited through their own slots. */
static enum x86_status free_in(struct x86_mapper *m, const struct access *a, uint64_t *path,
                               uint64_t *table, unsigned level, uint64_t lo, uint64_t hi,
                               bool *freed)
{
    uint64_t span = entry_span(level);
    for (unsigned i = index_of(lo, level); i <= index_of(hi, level); i++) {
        uint64_t e = table[i];
        if (!x86_pte_is_present(e) || level == 1 || (e & X86_PTE_HUGE) != 0 ||
            (level == m->levels && i == m->recursive)) {
            if (level > 3 && (e & X86_PTE_HUGE) != 0 && x86_pte_is_present(e)) {
                return X86_BAD_TABLE;
            }
            continue;
        }
        uint64_t child_phys = e & X86_PTE_ADDR_4K;
        if (unexpected_cycle(m, path, level, m->levels, child_phys, i)) {
            return X86_TABLE_CYCLE;
        }
        uint64_t *child;
        if (!table_at(a, child_phys, a->direct, &child)) {
            return X86_BAD_TABLE;
        }
        path[level - 1] = child_phys;
        /* Clip [lo, hi] to what entry i covers. */
        uint64_t base = x86_align_down(lo, span * X86_TABLE_ENTRIES) + (uint64_t)i * span;
        uint64_t clo = lo > base ? lo : base;
        uint64_t chi = hi < base + (span - 1) ? hi : base + (span - 1);
        if (level - 1 > 1) {
            enum x86_status status = free_in(m, a, path, child, level - 1, clo, chi, freed);
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
    if (bits == 0) {
        return X86_BAD_ARGUMENT;
    }
    uint64_t mask = (UINT64_C(1) << bits) - 1;
    uint64_t path[MAX_LEVELS + 1];
    for (size_t i = 0; i <= MAX_LEVELS; i++) {
        path[i] = UINT64_MAX; /* no table is at an address with bit 63 set */
    }
    struct access a;
    access_init(&a, m);
    uint64_t *root;
    if (!table_at(&a, m->root, a.direct, &root)) {
        return X86_BAD_TABLE;
    }
    path[m->levels] = m->root;
    bool freed = false;
    status = free_in(m, &a, path, root, m->levels, virt & mask, (virt + (len - 1)) & mask, &freed);
    if (freed) {
        flush_full(m);
    }
    return status;
}

/* ---- recursive mapping ---- */

/* The top-level table of M into *ROOT, INDEX checked. */
static enum x86_status root_table(const struct x86_mapper *m, unsigned index, uint64_t **root)
{
    if (index >= X86_TABLE_ENTRIES) {
        return X86_BAD_ARGUMENT;
    }
    struct access a;
    access_init(&a, m);
    return table_at(&a, m->root, a.direct, root) ? X86_OK : X86_BAD_TABLE;
}

enum x86_status x86_recursive_install(struct x86_mapper *m, unsigned index)
{
    uint64_t *root;
    enum x86_status status = root_table(m, index, &root);
    if (status != X86_OK) {
        return status;
    }
    if (root[index] != 0) {
        return X86_ALREADY_MAPPED;
    }
    root[index] = m->root | X86_PTE_PRESENT | X86_PTE_WRITABLE | X86_PTE_NO_EXECUTE;
    m->recursive = index;
    return X86_OK;
}

enum x86_status x86_mapper_set_recursive(struct x86_mapper *m, unsigned index)
{
    if (index == X86_RECURSIVE_NONE) {
        m->recursive = X86_RECURSIVE_NONE;
        return X86_OK;
    }
    uint64_t *root;
    enum x86_status status = root_table(m, index, &root);
    if (status != X86_OK) {
        return status;
    }
    uint64_t e = root[index];
    if (!x86_pte_is_present(e)) {
        return X86_NOT_MAPPED;
    }
    /* PS is reserved at the top level (SDM Tables 4-15, 4-16). */
    if ((e & X86_PTE_HUGE) != 0 || (e & X86_PTE_ADDR_4K) != m->root) {
        return X86_BAD_TABLE;
    }
    m->recursive = index;
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
