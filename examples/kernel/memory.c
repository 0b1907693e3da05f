/* See memory.h. Paging structures: Intel SDM Vol. 3A 4.5 (4-level paging). */
#include "memory.h"

#include "x86_64/paging.h"
#include "x86_64/registers.h"

#define KERNEL_VMA UINT64_C(0xFFFFFFFF80000000)

/* Linker script symbols (linker.ld): section boundaries in the higher half. */
extern const char kernel_text_start[], kernel_rodata_start[], kernel_data_start[], kernel_end[];

uint64_t memory_kernel_phys(const void *virt)
{
    return (uint64_t)(uintptr_t)virt - KERNEL_VMA;
}

static enum x86_status map_kernel_part(struct x86_mapper *m, const char *start, const char *end,
                                       uint64_t flags)
{
    uint64_t virt = (uint64_t)(uintptr_t)start;
    uint64_t len = (uint64_t)(end - start);

    if (len == 0) {
        return X86_OK;
    }
    return x86_map_range(m, virt, memory_kernel_phys(start), len, flags, X86_SIZES_4K);
}

enum x86_status memory_build_kernel_tables(struct x86_mapper *m, struct frame_allocator *fa,
                                           bool nx)
{
    const struct x86_phys_access identity = {NULL, x86_phys_identity_table};
    const struct x86_frame_allocator frames = {fa, frame_allocator_alloc, NULL};
    const struct x86_tlb tlb = {NULL, x86_tlb_invlpg, x86_tlb_reload_cr3};
    uint64_t no_exec = nx ? X86_PTE_NO_EXECUTE : 0;
    enum x86_status st;

    st = x86_mapper_create(m, 4, &identity, &frames, &tlb);
    if (st != X86_OK) {
        return st;
    }
    /* Identity map: RAM (boot information, ACPI tables, page tables) and MMIO
     * (framebuffer, ECAM, I/O APIC, HPET) below 4 GiB. */
    st = x86_map_range(m, 0, 0, MEMORY_IDENTITY_LIMIT, X86_PTE_WRITABLE | no_exec, X86_SIZES_2M);
    if (st != X86_OK) {
        return st;
    }
    st = map_kernel_part(m, kernel_text_start, kernel_rodata_start, 0);
    if (st == X86_OK) {
        st = map_kernel_part(m, kernel_rodata_start, kernel_data_start, no_exec);
    }
    if (st == X86_OK) {
        st = map_kernel_part(m, kernel_data_start, kernel_end, X86_PTE_WRITABLE | no_exec);
    }
    return st;
}

void memory_switch_to(const struct x86_mapper *m)
{
    x86_write_cr3(x86_cr3_make(m->root, 0));
}
