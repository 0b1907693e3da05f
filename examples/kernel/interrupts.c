/* See interrupts.h. Intel SDM Vol. 3A 3.4 (GDT), 7.7 (64-bit TSS), 6.14 (IDT
 * in IA-32e mode), 6.14.5 (interrupt stack table). */
#include "interrupts.h"

enum x86_status interrupts_init(struct cpu_tables *t, uint64_t double_fault_stack_top,
                                x86_isr_dispatch_fn dispatch)
{
    x86_tss_init(&t->tss);
    t->tss.ist[INTERRUPTS_DOUBLE_FAULT_IST - 1] = double_fault_stack_top;
    x86_gdt_build_standard(&t->gdt, (uint64_t)(uintptr_t)&t->tss, X86_TSS_LIMIT, &t->selectors);

    x86_idt_init(&t->idt);
    for (unsigned v = 0; v < X86_FIRST_USER_VECTOR; v++) {
        /* int3 from ring 3 would need DPL 3; this kernel has no user mode. */
        unsigned ist = v == X86_EXC_DF ? INTERRUPTS_DOUBLE_FAULT_IST : 0;
        enum x86_status st = x86_idt_set(&t->idt, v, x86_isr_stub_table[v], t->selectors.kernel_code,
                                         X86_GATE_INTERRUPT, 0, ist);
        if (st != X86_OK) {
            return st;
        }
    }

    x86_gdt_load(&t->gdt);
    x86_load_cs(t->selectors.kernel_code);
    x86_load_data_segments(t->selectors.kernel_data);
    x86_ltr(t->selectors.tss);
    x86_isr_set_dispatcher(dispatch);
    x86_idt_load(&t->idt);
    return X86_OK;
}

const char *interrupts_exception_name(uint64_t vector)
{
    switch (vector) {
    case X86_EXC_DE:
        return "divide error";
    case X86_EXC_BP:
        return "breakpoint";
    case X86_EXC_UD:
        return "invalid opcode";
    case X86_EXC_DF:
        return "double fault";
    case X86_EXC_GP:
        return "general protection";
    case X86_EXC_PF:
        return "page fault";
    default:
        return "exception";
    }
}
