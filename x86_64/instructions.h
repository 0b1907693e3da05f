/* Single x86 instructions as inline functions (Intel SDM Vol. 2 for each).
 *
 * Compiled only on x86. On i686 everything here except the 64-bit-only forms
 * (x86_invpcid, x86_swapgs, x86_rdrand64/x86_rdseed64) is available. Most are
 * privileged (CPL 0): cli/sti/hlt/invlpg/invpcid/wbinvd/swapgs/stac/clac. */
#ifndef X86_64_INSTRUCTIONS_H
#define X86_64_INSTRUCTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "x86_64/registers.h"
#include "x86_64/status.h"

/* Bounded retries (SDM Vol. 1, 7.3.17.1: retry RDRAND up to 10 times; RDSEED may
 * fail for longer, so it gets more tries with PAUSE between them). */
#define X86_RDRAND_RETRIES 10
#define X86_RDSEED_RETRIES 100

/* INVPCID types (SDM Vol. 2, INVPCID). */
enum x86_invpcid_type {
    X86_INVPCID_ADDRESS = 0,        /* one linear address in one PCID */
    X86_INVPCID_SINGLE_CONTEXT = 1, /* all of one PCID except global pages */
    X86_INVPCID_ALL_GLOBAL = 2,     /* every PCID, global pages included */
    X86_INVPCID_ALL = 3,            /* every PCID except global pages */
};

#if defined(__x86_64__) || defined(__i386__)

static inline void x86_cli(void) { __asm__ __volatile__("cli" : : : "memory"); }
static inline void x86_sti(void) { __asm__ __volatile__("sti" : : : "memory"); }
static inline void x86_hlt(void) { __asm__ __volatile__("hlt" : : : "memory"); }
static inline void x86_pause(void) { __asm__ __volatile__("pause" : : : "memory"); }
static inline void x86_int3(void) { __asm__ __volatile__("int3" : : : "memory"); }
static inline void x86_wbinvd(void) { __asm__ __volatile__("wbinvd" : : : "memory"); }
/* SMAP: allow (STAC) or forbid (CLAC) supervisor access to user pages. */
static inline void x86_stac(void) { __asm__ __volatile__("stac" : : : "memory", "cc"); }
static inline void x86_clac(void) { __asm__ __volatile__("clac" : : : "memory", "cc"); }

/* UD2: raise #UD on purpose; never returns. */
__attribute__((noreturn)) static inline void x86_ud2(void)
{
    __asm__ __volatile__("ud2");
    __builtin_unreachable();
}

/* Disable interrupts and return the previous RFLAGS for x86_irq_restore. */
static inline uint64_t x86_irq_save(void)
{
    uint64_t flags = x86_read_rflags();
    x86_cli();
    return flags;
}

/* Re-enable interrupts if FLAGS (from x86_irq_save) had IF set. */
static inline void x86_irq_restore(uint64_t flags)
{
    if ((flags & X86_RFLAGS_IF) != 0) {
        x86_sti();
    }
}

static inline bool x86_irqs_enabled(void)
{
    return (x86_read_rflags() & X86_RFLAGS_IF) != 0;
}

/* Invalidate the TLB entries for the page holding VIRT (SDM 4.10.4.1). */
static inline void x86_invlpg(uint64_t virt)
{
    uintptr_t v = (uintptr_t)virt;
    __asm__ __volatile__("invlpg (%0)" : : "r"(v) : "memory");
}

/* Time-stamp counter (RDTSC). */
static inline uint64_t x86_rdtsc(void)
{
    uint32_t lo;
    uint32_t hi;
    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

/* RDTSCP: the TSC after all earlier instructions, and IA32_TSC_AUX into *AUX. */
static inline uint64_t x86_rdtscp(uint32_t *aux)
{
    uint32_t lo;
    uint32_t hi;
    uint32_t a;
    __asm__ __volatile__("rdtscp" : "=a"(lo), "=d"(hi), "=c"(a));
    *aux = a;
    return ((uint64_t)hi << 32) | lo;
}

/* A hardware random number into *OUT: X86_OK, or X86_RETRIES_EXHAUSTED when the
 * CPU reported no entropy (CF = 0) on every try. Needs CPUID.01H:ECX.RDRAND. */
X86_MUST_USE static inline enum x86_status x86_rdrand32(uint32_t *out)
{
    for (int i = 0; i < X86_RDRAND_RETRIES; i++) {
        uint32_t value;
        uint8_t ok;
        __asm__ __volatile__("rdrand %0\n\tsetc %1" : "=r"(value), "=qm"(ok) : : "cc");
        if (ok != 0) {
            *out = value;
            return X86_OK;
        }
    }
    return X86_RETRIES_EXHAUSTED;
}

/* As x86_rdrand32 with RDSEED (CPUID.(EAX=07H,ECX=0):EBX.RDSEED). */
X86_MUST_USE static inline enum x86_status x86_rdseed32(uint32_t *out)
{
    for (int i = 0; i < X86_RDSEED_RETRIES; i++) {
        uint32_t value;
        uint8_t ok;
        __asm__ __volatile__("rdseed %0\n\tsetc %1" : "=r"(value), "=qm"(ok) : : "cc");
        if (ok != 0) {
            *out = value;
            return X86_OK;
        }
        x86_pause();
    }
    return X86_RETRIES_EXHAUSTED;
}

#if defined(__x86_64__)

X86_MUST_USE static inline enum x86_status x86_rdrand64(uint64_t *out)
{
    for (int i = 0; i < X86_RDRAND_RETRIES; i++) {
        uint64_t value;
        uint8_t ok;
        __asm__ __volatile__("rdrand %0\n\tsetc %1" : "=r"(value), "=qm"(ok) : : "cc");
        if (ok != 0) {
            *out = value;
            return X86_OK;
        }
    }
    return X86_RETRIES_EXHAUSTED;
}

X86_MUST_USE static inline enum x86_status x86_rdseed64(uint64_t *out)
{
    for (int i = 0; i < X86_RDSEED_RETRIES; i++) {
        uint64_t value;
        uint8_t ok;
        __asm__ __volatile__("rdseed %0\n\tsetc %1" : "=r"(value), "=qm"(ok) : : "cc");
        if (ok != 0) {
            *out = value;
            return X86_OK;
        }
        x86_pause();
    }
    return X86_RETRIES_EXHAUSTED;
}

/* INVPCID of TYPE for PCID (and VIRT with X86_INVPCID_ADDRESS). Needs
 * CPUID.(EAX=07H,ECX=0):EBX.INVPCID. */
static inline void x86_invpcid(enum x86_invpcid_type type, uint16_t pcid, uint64_t virt)
{
    struct {
        uint64_t pcid;
        uint64_t address;
    } descriptor = { pcid & 0xFFFu, virt };
    __asm__ __volatile__("invpcid %0, %1" : : "m"(descriptor), "r"((uint64_t)type) : "memory");
}

/* Exchange GS base with IA32_KERNEL_GS_BASE (64-bit mode only). */
static inline void x86_swapgs(void) { __asm__ __volatile__("swapgs" : : : "memory"); }

#endif /* __x86_64__ */
#endif /* x86 */
#endif
