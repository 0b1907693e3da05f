/* Interrupt entry stubs (isr.S) and the frame they hand to one C dispatcher.
 * x86_64 only (declarations exist only when __x86_64__).
 *
 * isr.S holds 256 stubs, one per vector, each 16 bytes apart starting at
 * x86_isr_stubs; x86_isr_stub_table[v] is the address of the stub of vector v
 * (put it in IDT gate v). A stub pushes a zero where the CPU pushes no error
 * code, then the vector, then every general-purpose register, runs SWAPGS when
 * the interrupt came from user mode (CPL 3), clears DF and calls the dispatcher
 * with a pointer to the frame. On return it restores the registers from the
 * frame (the dispatcher may change them, e.g. rip after an int3) and IRETQs.
 *
 * The dispatcher is the one function pointer x86_isr_dispatcher: the CPU passes
 * no context to an interrupt, so this is the library's only global; set it
 * once before loading the IDT. While it is NULL a stub halts the CPU with
 * interrupts off. The dispatcher runs on the interrupted stack (or the IST
 * stack of the gate) and must not use SSE/x87 registers unless it saves them
 * (build kernel code with -mgeneral-regs-only and -mno-red-zone).
 *
 * Like every SWAPGS-on-CPL-check entry, an NMI or machine check that arrives
 * between a user-mode entry and its SWAPGS sees the user's GS base; a kernel
 * that keeps per-CPU data behind GS should read IA32_GS_BASE in those handlers
 * (and give them IST stacks). */
#ifndef X86_64_ISR_H
#define X86_64_ISR_H

#if defined(__x86_64__)

#include <stdint.h>

/* The frame on the stack at the dispatcher's call, lowest address first. */
struct x86_isr_frame {
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
    uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
    uint64_t vector;      /* 0..255 */
    uint64_t error_code;  /* the CPU's error code, or 0 where it pushes none */
    /* pushed by the CPU (SDM Vol. 3A, 6.14.2, Figure 6-9) */
    uint64_t rip;
    uint64_t cs;
    uint64_t rflags;
    uint64_t rsp;
    uint64_t ss;
};
_Static_assert(sizeof(struct x86_isr_frame) == 176, "22 quadwords, a multiple of 16");

typedef void (*x86_isr_dispatch_fn)(struct x86_isr_frame *frame);

extern x86_isr_dispatch_fn x86_isr_dispatcher;
extern const uint64_t x86_isr_stub_table[256];
extern const uint8_t x86_isr_stubs[256 * 16];   /* the stubs' code, 16 bytes each */


/* Make DISPATCH the handler of every vector. */
static inline void x86_isr_set_dispatcher(x86_isr_dispatch_fn dispatch)
{
    __atomic_store_n(&x86_isr_dispatcher, dispatch, __ATOMIC_RELEASE);
}

#endif /* __x86_64__ */
#endif
