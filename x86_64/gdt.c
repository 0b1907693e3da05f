/* Segment descriptor encoding: Intel SDM Vol. 3A, 3.4.5 (Figure 3-8) and
 * 7.2.3 (Figure 7-4, the 16-byte TSS descriptor in IA-32e mode). */
#include "x86_64/gdt.h"

#include "x86_64/registers.h"

uint64_t x86_desc_make(uint32_t base, uint32_t limit, uint64_t flags)
{
    uint64_t desc = limit & 0xFFFFu;                       /* limit 15:0 -> bits 15:0 */
    desc |= (uint64_t)(base & 0xFFFFFFu) << 16;            /* base 23:0 -> bits 39:16 */
    desc |= flags & UINT64_C(0x00F0FF0000000000);           /* access byte, flags nibble */
    desc |= (uint64_t)((limit >> 16) & 0xFu) << 48;        /* limit 19:16 -> bits 51:48 */
    desc |= (uint64_t)(base >> 24) << 56;                  /* base 31:24 -> bits 63:56 */
    return desc;
}

uint32_t x86_desc_base(uint64_t desc)
{
    return (uint32_t)(((desc >> 16) & 0xFFFFFFu) | ((desc >> 56) << 24));
}

uint32_t x86_desc_limit(uint64_t desc)
{
    return (uint32_t)((desc & 0xFFFFu) | (((desc >> 48) & 0xFu) << 16));
}

unsigned x86_desc_dpl(uint64_t desc)
{
    return (unsigned)((desc & X86_DESC_DPL_MASK) >> X86_DESC_DPL_SHIFT);
}

void x86_desc_tss64(uint64_t base, uint32_t limit, uint64_t out[2])
{
    uint64_t access = ((uint64_t)X86_DESC_TYPE_TSS_AVAIL << 40) | X86_DESC_PRESENT;
    out[0] = x86_desc_make((uint32_t)base, limit, access);
    out[1] = base >> 32;                                   /* base 63:32, rest reserved 0 */
}

void x86_gdt_init(struct x86_gdt *gdt)
{
    for (unsigned i = 0; i < X86_GDT_MAX; i++) {
        gdt->entries[i] = 0;
    }
    gdt->count = 1;
}

enum x86_status x86_gdt_add(struct x86_gdt *gdt, uint64_t desc, uint16_t *selector)
{
    if (gdt->count >= X86_GDT_MAX) {
        return X86_TABLE_FULL;
    }
    uint16_t index = gdt->count++;
    gdt->entries[index] = desc;
    *selector = x86_selector(index, x86_desc_dpl(desc));
    return X86_OK;
}

enum x86_status x86_gdt_add_tss(struct x86_gdt *gdt, uint64_t base, uint32_t limit,
                                uint16_t *selector)
{
    if (gdt->count > X86_GDT_MAX - 2) {
        return X86_TABLE_FULL;
    }
    uint16_t index = gdt->count;
    gdt->count = (uint16_t)(gdt->count + 2);
    x86_desc_tss64(base, limit, &gdt->entries[index]);
    *selector = x86_selector(index, 0);
    return X86_OK;
}

void x86_gdt_build_standard(struct x86_gdt *gdt, uint64_t tss_base, uint32_t tss_limit,
                            struct x86_gdt_selectors *out)
{
    /* Five descriptors and a two-slot TSS fit in X86_GDT_MAX: no status to check. */
    _Static_assert(X86_GDT_MAX >= 7, "standard GDT needs 7 slots");
    x86_gdt_init(gdt);
    gdt->entries[1] = X86_DESC_KERNEL_CODE64;
    gdt->entries[2] = X86_DESC_KERNEL_DATA;
    gdt->entries[3] = X86_DESC_USER_DATA;
    gdt->entries[4] = X86_DESC_USER_CODE64;
    x86_desc_tss64(tss_base, tss_limit, &gdt->entries[5]);
    gdt->count = 7;
    out->kernel_code = x86_selector(1, 0);
    out->kernel_data = x86_selector(2, 0);
    out->user_data = x86_selector(3, 3);
    out->user_code = x86_selector(4, 3);
    out->tss = x86_selector(5, 0);
}

uint64_t x86_gdt_star(const struct x86_gdt_selectors *sel)
{
    /* SDM 5.8.8: SYSRET to 64-bit code takes CS from STAR[63:48] + 16 and SS
     * from STAR[63:48] + 8; the RPL bits come from the CPU (forced to 3). */
    uint16_t base = (uint16_t)((sel->user_data & ~X86_SELECTOR_RPL_MASK) - 8u);
    return x86_star_make(sel->kernel_code, base);
}
