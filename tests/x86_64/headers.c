/* Compile-only check: every inline function of the x86_64 headers, built for
 * each target as a kernel would build it (freestanding, -Werror). The header
 * inline assembly is otherwise compiled only where a kernel calls it, so this
 * is what proves it assembles on x86_64 and i686 and vanishes elsewhere. */
#include "x86_64/x86_64.h"

void use_pure(uint64_t *sink);
void use_x86(uint64_t *sink);
void use_x86_64(uint64_t *sink);
void use_ud2(void);

void use_pure(uint64_t *sink)
{
    sink[0] = x86_virt_table_index(sink[1], 4) + x86_virt_page_offset(sink[1]) +
              x86_align_down(sink[1], 4096) + x86_is_aligned(sink[1], 8) + x86_phys_is_valid(sink[1]) +
              x86_is_power_of_two(sink[2]) + x86_virt_bits(5);
    sink[1] = x86_pte_is_present(sink[0]) + x86_pte_protection_key(sink[0]) +
              x86_pte_with_protection_key(sink[0], 3);
    sink[2] = x86_pat_type(sink[0], 3) + x86_pat_with_type(sink[0], 5, X86_MT_WC) +
              x86_pat_entry_bits(5, X86_PAGE_2M) + x86_pat_index_of(sink[1], X86_PAGE_4K);
    sink[3] = x86_cr3_make(sink[0], 7) + x86_cr3_root(sink[1]) + x86_cr3_pcid(sink[2]) + x86_star_make(8, 0x10) + x86_selector(2, 3) +
              x86_selector_index(0x1B) + x86_selector_rpl(0x1B);
    struct x86_tss tss;
    x86_tss_init(&tss);
    sink[4] = tss.iomap_base;
    struct x86_idt_gate gate = { 0, 0, 0, 0, 0, 0, 0 };
    sink[5] = x86_idt_gate_present(&gate);
}

#if defined(__x86_64__) || defined(__i386__)
void use_x86(uint64_t *sink)
{
    x86_write_cr0(x86_read_cr0());
    x86_write_cr3(x86_read_cr3());
    x86_write_cr4(x86_read_cr4());
    sink[0] = x86_read_cr2();
    x86_write_dr7(x86_read_dr0() + x86_read_dr1() + x86_read_dr2() + x86_read_dr3() + x86_read_dr6());
    x86_write_dr0(0);
    x86_write_dr1(0);
    x86_write_dr2(0);
    x86_write_dr3(0);
    x86_write_dr6(0);
    x86_wrmsr(X86_MSR_STAR, x86_rdmsr(X86_MSR_LSTAR));
    x86_write_efer(x86_read_efer() | X86_EFER_NXE);
    x86_write_xcr0(x86_read_xcr0());
    x86_write_rflags(x86_read_rflags());
    x86_cli();
    x86_sti();
    x86_hlt();
    x86_pause();
    x86_int3();
    x86_wbinvd();
    x86_stac();
    x86_clac();
    x86_irq_restore(x86_irq_save());
    sink[1] = x86_irqs_enabled();
    x86_invlpg(sink[2]);
    uint32_t aux;
    sink[3] = x86_rdtsc() + x86_rdtscp(&aux) + aux;
    uint32_t r32;
    if (x86_rdrand32(&r32) == X86_OK && x86_rdseed32(&r32) == X86_OK) {
        sink[4] = r32;
    }
    struct x86_cpuid_regs regs = x86_cpuid(0, 0);
    sink[5] = regs.eax;
    struct x86_cpuid_raw raw;
    x86_cpuid_read(&raw);
    x86_outb(0x3F8, x86_inb(0x3F8));
    x86_outw(0xCF8, x86_inw(0xCFC));
    x86_outl(0xCF8, x86_inl(0xCFC));
    uint8_t b[4];
    uint16_t w[4];
    uint32_t l[4];
    x86_insb(0x1F0, b, 4);
    x86_outsb(0x1F0, b, 4);
    x86_insw(0x1F0, w, 4);
    x86_outsw(0x1F0, w, 4);
    x86_insl(0x1F0, l, 4);
    x86_outsl(0x1F0, l, 4);
    static struct x86_gdt gdt;
    struct x86_gdt_selectors sel;
    x86_gdt_build_standard(&gdt, 0, X86_TSS_LIMIT, &sel);
    x86_gdt_load(&gdt);
    x86_load_cs(sel.kernel_code);
    x86_load_data_segments(sel.kernel_data);
    x86_ltr(sel.tss);
#if defined(__i386__)
    struct x86_dtr32 idtr = { 0, 0 };
    x86_lidt32(&idtr);
#endif
}

void use_ud2(void)
{
    x86_ud2();
}
#endif

#if defined(__x86_64__)
static void dispatch(struct x86_isr_frame *frame)
{
    frame->rip += 1;
}

void use_x86_64(uint64_t *sink)
{
    x86_write_cr8(x86_read_cr8());
    uint64_t r;
    if (x86_rdrand64(&r) == X86_OK && x86_rdseed64(&r) == X86_OK) {
        sink[0] = r;
    }
    x86_invpcid(X86_INVPCID_ADDRESS, 1, sink[1]);
    x86_swapgs();
    static struct x86_idt idt;
    x86_idt_load(&idt);
    x86_isr_set_dispatcher(dispatch);
    sink[2] = x86_isr_stub_table[3];
}
#endif
