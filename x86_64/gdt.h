/* Segment descriptors, selectors and a GDT builder (Intel SDM Vol. 3A, 3.4.2
 * selectors, 3.4.5 segment descriptors, 7.2.3 the 64-bit TSS descriptor,
 * 5.8.8 SYSCALL/SYSRET).
 *
 * Descriptors are uint64_t values (a 64-bit TSS descriptor takes two). Encoding
 * and the builder are plain data and compile on every target; the load helpers
 * (lgdt, ltr, reloading CS and the data segments) only on x86. */
#ifndef X86_64_GDT_H
#define X86_64_GDT_H

#include <stdint.h>

#include "x86_64/status.h"

/* Descriptor bits (SDM Figure 3-8): access byte 47..40, flags 55..52. */
#define X86_DESC_ACCESSED     (UINT64_C(1) << 40)
#define X86_DESC_WRITABLE     (UINT64_C(1) << 41) /* data: writable; code: readable */
#define X86_DESC_READABLE     (UINT64_C(1) << 41)
#define X86_DESC_CONFORMING   (UINT64_C(1) << 42) /* code: conforming; data: expand-down */
#define X86_DESC_EXECUTABLE   (UINT64_C(1) << 43)
#define X86_DESC_USER_SEGMENT (UINT64_C(1) << 44) /* S: code/data (0 = system) */
#define X86_DESC_DPL_SHIFT    45
#define X86_DESC_DPL_MASK     (UINT64_C(3) << 45)
#define X86_DESC_PRESENT      (UINT64_C(1) << 47)
#define X86_DESC_AVAILABLE    (UINT64_C(1) << 52)
#define X86_DESC_LONG_MODE    (UINT64_C(1) << 53) /* L: 64-bit code segment */
#define X86_DESC_DEFAULT_SIZE (UINT64_C(1) << 54) /* D/B: 32-bit segment */
#define X86_DESC_GRANULARITY  (UINT64_C(1) << 55) /* G: limit in 4 KiB units */
#define X86_DESC_DPL(dpl)     ((uint64_t)((dpl) & 3u) << X86_DESC_DPL_SHIFT)

/* System descriptor types (SDM Table 3-2, IA-32e mode). */
#define X86_DESC_TYPE_LDT       0x2u
#define X86_DESC_TYPE_TSS_AVAIL 0x9u
#define X86_DESC_TYPE_TSS_BUSY  0xBu

/* Flat descriptors every kernel uses (base 0, limit 0xFFFFF pages). */
#define X86_DESC_KERNEL_CODE64 UINT64_C(0x00AF9A000000FFFF)
#define X86_DESC_KERNEL_DATA   UINT64_C(0x00CF92000000FFFF)
#define X86_DESC_USER_CODE64   UINT64_C(0x00AFFA000000FFFF)
#define X86_DESC_USER_DATA     UINT64_C(0x00CFF2000000FFFF)
#define X86_DESC_KERNEL_CODE32 UINT64_C(0x00CF9A000000FFFF)
#define X86_DESC_USER_CODE32   UINT64_C(0x00CFFA000000FFFF)

/* Selectors (SDM 3.4.2): index << 3 | TI << 2 | RPL. */
#define X86_SELECTOR_RPL_MASK 0x3u
#define X86_SELECTOR_TI_LDT   0x4u
static inline uint16_t x86_selector(uint16_t index, unsigned rpl)
{
    return (uint16_t)((index << 3) | (rpl & X86_SELECTOR_RPL_MASK));
}
static inline uint16_t x86_selector_index(uint16_t selector)
{
    return (uint16_t)(selector >> 3);
}
static inline unsigned x86_selector_rpl(uint16_t selector)
{
    return selector & X86_SELECTOR_RPL_MASK;
}

/* A code or data descriptor with BASE, a 20-bit LIMIT (bits above 19 ignored) and
 * FLAGS (X86_DESC_* bits of the access byte and flags nibble). */
uint64_t x86_desc_make(uint32_t base, uint32_t limit, uint64_t flags);
uint32_t x86_desc_base(uint64_t desc);
uint32_t x86_desc_limit(uint64_t desc);     /* the raw 20-bit field */
unsigned x86_desc_dpl(uint64_t desc);

/* The 16-byte 64-bit TSS descriptor (available, DPL 0, present, byte limit)
 * for a TSS at BASE with LIMIT (sizeof the TSS - 1) into OUT[0..1]. */
void x86_desc_tss64(uint64_t base, uint32_t limit, uint64_t out[2]);

#define X86_GDT_MAX 16

/* A GDT under construction, owned by the caller. It must stay in memory (and
 * unchanged, apart from the CPU's busy/accessed bits) while loaded. */
struct x86_gdt {
    uint64_t entries[X86_GDT_MAX];
    uint16_t count;                 /* used entries, the null descriptor included */
};

/* Empty table holding only the null descriptor. */
void x86_gdt_init(struct x86_gdt *gdt);

/* Append DESC; *SELECTOR gets its selector with RPL = the descriptor's DPL.
 * X86_TABLE_FULL when no slot is left. */
X86_MUST_USE enum x86_status x86_gdt_add(struct x86_gdt *gdt, uint64_t desc, uint16_t *selector);

/* Append a 64-bit TSS descriptor (two slots) for the TSS at BASE of LIMIT + 1 bytes. */
X86_MUST_USE enum x86_status x86_gdt_add_tss(struct x86_gdt *gdt, uint64_t base, uint32_t limit,
                                             uint16_t *selector);

struct x86_gdt_selectors {
    uint16_t kernel_code;   /* 0x08 */
    uint16_t kernel_data;   /* 0x10 */
    uint16_t user_data;     /* 0x1B (index 3, RPL 3) */
    uint16_t user_code;     /* 0x23 (index 4, RPL 3) */
    uint16_t tss;           /* 0x28 */
};

/* The usual 64-bit GDT in GDT (re-initialised): null, kernel code, kernel data,
 * user data, user code (the order SYSRET needs: user SS = base + 8, user CS =
 * base + 16), then the TSS at TSS_BASE of TSS_LIMIT + 1 bytes. */
void x86_gdt_build_standard(struct x86_gdt *gdt, uint64_t tss_base, uint32_t tss_limit,
                            struct x86_gdt_selectors *out);

/* IA32_STAR for SEL (SYSCALL CS = kernel code, SYSRET base = user data - 8). */
uint64_t x86_gdt_star(const struct x86_gdt_selectors *sel);

/* Operands of LGDT/LIDT (SDM 3.5.1): 10 bytes in 64-bit mode, 6 in 32-bit mode. */
struct __attribute__((packed)) x86_dtr64 {
    uint16_t limit;
    uint64_t base;
};
_Static_assert(sizeof(struct x86_dtr64) == 10, "SDM Figure 3-11: 64-bit pseudo-descriptor");

struct __attribute__((packed)) x86_dtr32 {
    uint16_t limit;
    uint32_t base;
};
_Static_assert(sizeof(struct x86_dtr32) == 6, "SDM Figure 3-11: 32-bit pseudo-descriptor");

#if defined(__x86_64__) || defined(__i386__)

#if defined(__x86_64__)
typedef struct x86_dtr64 x86_dtr;
#else
typedef struct x86_dtr32 x86_dtr;
#endif

static inline void x86_lgdt(const x86_dtr *dtr)
{
    __asm__ __volatile__("lgdt %0" : : "m"(*dtr) : "memory");
}

/* Load GDT (which must outlive its use). */
static inline void x86_gdt_load(const struct x86_gdt *gdt)
{
    x86_dtr dtr = { (uint16_t)(gdt->count * sizeof(uint64_t) - 1), (uintptr_t)gdt->entries };
    x86_lgdt(&dtr);
}

/* Load the task register with the TSS descriptor at SELECTOR. */
static inline void x86_ltr(uint16_t selector)
{
    __asm__ __volatile__("ltr %0" : : "r"(selector) : "memory");
}

/* Reload CS with SELECTOR through a far return. Pushes onto the stack, so the
 * caller must be built without a red zone (-mno-red-zone, as kernels are). */
static inline void x86_load_cs(uint16_t selector)
{
#if defined(__x86_64__)
    __asm__ __volatile__("pushq %q0\n\t"
                         "leaq 1f(%%rip), %%rax\n\t"
                         "pushq %%rax\n\t"
                         "lretq\n"
                         "1:"
                         :
                         : "r"((uint64_t)selector)
                         : "rax", "memory");
#else
    __asm__ __volatile__("pushl %0\n\t"
                         "pushl $1f\n\t"
                         "lret\n"
                         "1:"
                         :
                         : "r"((uint32_t)selector)
                         : "memory");
#endif
}

/* Load DS, ES, FS, GS and SS with SELECTOR. */
static inline void x86_load_data_segments(uint16_t selector)
{
    __asm__ __volatile__("mov %0, %%ds\n\t"
                         "mov %0, %%es\n\t"
                         "mov %0, %%fs\n\t"
                         "mov %0, %%gs\n\t"
                         "mov %0, %%ss"
                         :
                         : "r"(selector)
                         : "memory");
}

#endif /* x86 */
#endif
