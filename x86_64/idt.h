/* Interrupt descriptor table: gates, exception vectors, error codes and the
 * frame the CPU pushes (Intel SDM Vol. 3A, 6.3.1 vectors (Table 6-1), 6.14.1
 * 64-bit gates (Figure 6-8), 6.11 32-bit gates (Figure 6-2), 6.13 error code,
 * 6.14.2 stack frame, 6.14.5 IST, 4.7 page-fault error code).
 *
 * Gate encoding is plain data and compiles on every target; x86_lidt and
 * x86_idt_load only on x86_64 (64-bit gates) and i686 (x86_lidt32). */
#ifndef X86_64_IDT_H
#define X86_64_IDT_H

#include <stdbool.h>
#include <stdint.h>

#include "x86_64/gdt.h"
#include "x86_64/status.h"

/* Exception vectors (SDM Table 6-1; 20-21 and 28-30 from later SDM/APM editions). */
enum x86_exception {
    X86_EXC_DE = 0,   /* divide error */
    X86_EXC_DB = 1,   /* debug */
    X86_EXC_NMI = 2,  /* non-maskable interrupt */
    X86_EXC_BP = 3,   /* breakpoint (INT3) */
    X86_EXC_OF = 4,   /* overflow (INTO) */
    X86_EXC_BR = 5,   /* BOUND range exceeded */
    X86_EXC_UD = 6,   /* invalid opcode */
    X86_EXC_NM = 7,   /* device not available */
    X86_EXC_DF = 8,   /* double fault (error code 0) */
    X86_EXC_TS = 10,  /* invalid TSS */
    X86_EXC_NP = 11,  /* segment not present */
    X86_EXC_SS = 12,  /* stack-segment fault */
    X86_EXC_GP = 13,  /* general protection */
    X86_EXC_PF = 14,  /* page fault */
    X86_EXC_MF = 16,  /* x87 floating-point error */
    X86_EXC_AC = 17,  /* alignment check (error code 0) */
    X86_EXC_MC = 18,  /* machine check */
    X86_EXC_XM = 19,  /* SIMD floating-point */
    X86_EXC_VE = 20,  /* virtualization exception */
    X86_EXC_CP = 21,  /* control protection (CET) */
    X86_EXC_HV = 28,  /* AMD: hypervisor injection */
    X86_EXC_VC = 29,  /* AMD: VMM communication (SEV-ES) */
    X86_EXC_SX = 30,  /* AMD: security exception */
};

#define X86_IDT_VECTORS 256
#define X86_FIRST_USER_VECTOR 32   /* 0..31 are reserved for exceptions */

/* True for the vectors where the CPU pushes an error code:
 * 8, 10-14, 17, 21, 29, 30 (SDM Table 6-1, AMD APM Vol. 2 Table 8-1). */
bool x86_exception_has_error_code(unsigned vector);

/* Page-fault error code (SDM 4.7, Figure 4-12). */
#define X86_PF_PRESENT       (UINT64_C(1) << 0)  /* 0: not present, 1: protection */
#define X86_PF_WRITE         (UINT64_C(1) << 1)
#define X86_PF_USER          (UINT64_C(1) << 2)
#define X86_PF_RESERVED      (UINT64_C(1) << 3)  /* a reserved bit was set */
#define X86_PF_INSTRUCTION   (UINT64_C(1) << 4)  /* instruction fetch */
#define X86_PF_PROTECTION_KEY (UINT64_C(1) << 5)
#define X86_PF_SHADOW_STACK  (UINT64_C(1) << 6)
#define X86_PF_HLAT          (UINT64_C(1) << 7)
#define X86_PF_SGX           (UINT64_C(1) << 15)

/* Selector error code (SDM 6.13, Figure 6-7) of #TS, #NP, #SS, #GP. */
#define X86_SEL_ERR_EXTERNAL (UINT64_C(1) << 0)
#define X86_SEL_ERR_IDT      (UINT64_C(1) << 1)
#define X86_SEL_ERR_TI       (UINT64_C(1) << 2)

/* Gate types (SDM Table 3-2). */
enum x86_gate_type {
    X86_GATE_INTERRUPT = 0xE,  /* clears IF on entry */
    X86_GATE_TRAP = 0xF,       /* leaves IF alone */
};

/* A 64-bit IDT gate (SDM Figure 6-8). */
struct __attribute__((packed)) x86_idt_gate {
    uint16_t offset_low;     /* handler bits 15:0 */
    uint16_t selector;       /* code segment */
    uint8_t ist;             /* bits 2:0: IST index, 0 = none */
    uint8_t type_attributes; /* type 3:0, 0, DPL 6:5, P 7 */
    uint16_t offset_mid;     /* handler bits 31:16 */
    uint32_t offset_high;    /* handler bits 63:32 */
    uint32_t reserved;
};
_Static_assert(sizeof(struct x86_idt_gate) == 16, "SDM Figure 6-8: 64-bit gate");

/* A 32-bit interrupt or trap gate (SDM Figure 6-2), for i686 entry code. */
struct __attribute__((packed)) x86_idt_gate32 {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t zero;
    uint8_t type_attributes; /* 0xE/0xF = 32-bit interrupt/trap gate, DPL, P */
    uint16_t offset_high;
};
_Static_assert(sizeof(struct x86_idt_gate32) == 8, "SDM Figure 6-2: 32-bit gate");

#define X86_GATE_PRESENT 0x80u
#define X86_GATE_DPL_SHIFT 5

/* A present 64-bit gate to HANDLER through SELECTOR with TYPE, DPL (0..3) and
 * IST (0 = none, 1..7). X86_BAD_ARGUMENT for DPL > 3, IST > 7 or another TYPE. */
X86_MUST_USE enum x86_status x86_idt_gate_make(uint64_t handler, uint16_t selector,
                                               enum x86_gate_type type, unsigned dpl,
                                               unsigned ist, struct x86_idt_gate *out);

/* Handler address of GATE (offset 63:0 joined). */
uint64_t x86_idt_gate_handler(const struct x86_idt_gate *gate);

static inline bool x86_idt_gate_present(const struct x86_idt_gate *gate)
{
    return (gate->type_attributes & X86_GATE_PRESENT) != 0;
}

/* A present 32-bit gate, as x86_idt_gate_make (IST does not exist there). */
X86_MUST_USE enum x86_status x86_idt_gate32_make(uint32_t handler, uint16_t selector,
                                                 enum x86_gate_type type, unsigned dpl,
                                                 struct x86_idt_gate32 *out);

/* A full 64-bit IDT, owned by the caller; all-zero means every gate absent. */
struct x86_idt {
    struct x86_idt_gate gates[X86_IDT_VECTORS];
};
_Static_assert(sizeof(struct x86_idt) == 4096, "256 16-byte gates");

/* Mark every gate not present. */
void x86_idt_init(struct x86_idt *idt);

/* Set gate VECTOR (0..255) as x86_idt_gate_make; X86_BAD_ARGUMENT for a bad VECTOR. */
X86_MUST_USE enum x86_status x86_idt_set(struct x86_idt *idt, unsigned vector, uint64_t handler,
                                         uint16_t selector, enum x86_gate_type type,
                                         unsigned dpl, unsigned ist);

/* What the CPU pushes on an interrupt in 64-bit mode, lowest address first
 * (SDM 6.14.2, Figure 6-9), after the error code if there is one. */
struct x86_interrupt_stack_frame {
    uint64_t rip;
    uint64_t cs;
    uint64_t rflags;
    uint64_t rsp;
    uint64_t ss;
};
_Static_assert(sizeof(struct x86_interrupt_stack_frame) == 40, "SDM Figure 6-9");

#if defined(__x86_64__)
static inline void x86_lidt(const struct x86_dtr64 *dtr)
{
    __asm__ __volatile__("lidt %0" : : "m"(*dtr) : "memory");
}

/* Load IDT (which must outlive its use). */
static inline void x86_idt_load(const struct x86_idt *idt)
{
    struct x86_dtr64 dtr = { sizeof(idt->gates) - 1, (uintptr_t)idt->gates };
    x86_lidt(&dtr);
}
#elif defined(__i386__)
static inline void x86_lidt32(const struct x86_dtr32 *dtr)
{
    __asm__ __volatile__("lidt %0" : : "m"(*dtr) : "memory");
}
#endif

#endif
