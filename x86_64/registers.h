/* Control, flags, extended-control, debug and model-specific registers
 * (Intel SDM Vol. 3A, 2.5 control registers, 2.2.1 EFER, 2.6 XCR0, 17.2 debug
 * registers; Vol. 4 MSR list; Vol. 1, 3.4.3 EFLAGS).
 *
 * The bit constants are plain data and available on every target. The inline
 * accessors are compiled only on x86: all of them on x86_64, and all but CR8
 * (a 64-bit-mode register) on i686, where 64-bit values are zero-extended
 * register contents. Privileged (CPL 0), except x86_read_rflags.
 *
 * The constants also work in assembly (a kernel's 32-bit entry code): there
 * UINT64_C and the u suffix do not exist and the inline functions are left out. */
#ifndef X86_64_REGISTERS_H
#define X86_64_REGISTERS_H

#ifdef __ASSEMBLER__
#define X86_REG_U64(x) (x)
#define X86_REG_U32(x) (x)
#else
#include <stdint.h>
#define X86_REG_U64(x) UINT64_C(x)
#define X86_REG_U32(x) (x##u)
#endif

/* CR0 (SDM 2.5) */
#define X86_CR0_PE (X86_REG_U64(1) << 0)   /* protection enable */
#define X86_CR0_MP (X86_REG_U64(1) << 1)   /* monitor coprocessor */
#define X86_CR0_EM (X86_REG_U64(1) << 2)   /* x87 emulation */
#define X86_CR0_TS (X86_REG_U64(1) << 3)   /* task switched */
#define X86_CR0_ET (X86_REG_U64(1) << 4)   /* extension type */
#define X86_CR0_NE (X86_REG_U64(1) << 5)   /* numeric error */
#define X86_CR0_WP (X86_REG_U64(1) << 16)  /* write protect */
#define X86_CR0_AM (X86_REG_U64(1) << 18)  /* alignment mask */
#define X86_CR0_NW (X86_REG_U64(1) << 29)  /* not write-through */
#define X86_CR0_CD (X86_REG_U64(1) << 30)  /* cache disable */
#define X86_CR0_PG (X86_REG_U64(1) << 31)  /* paging */

/* CR3 (SDM 4.5, Table 4-12 and 4-13) */
#define X86_CR3_PWT (X86_REG_U64(1) << 3)
#define X86_CR3_PCD (X86_REG_U64(1) << 4)
#define X86_CR3_PCID_MASK X86_REG_U64(0xFFF)          /* with CR4.PCIDE = 1 */
#define X86_CR3_ADDR_MASK X86_REG_U64(0x000FFFFFFFFFF000)
#define X86_CR3_NO_FLUSH (X86_REG_U64(1) << 63)       /* MOV to CR3 keeps the PCID's TLB entries */

#ifndef __ASSEMBLER__
/* CR3 value for the top-level table at ROOT (4 KiB aligned) and PCID (0..4095). */
static inline uint64_t x86_cr3_make(uint64_t root, uint16_t pcid)
{
    return (root & X86_CR3_ADDR_MASK) | (pcid & X86_CR3_PCID_MASK);
}

/* Physical address of the top-level table held in a CR3 value. */
static inline uint64_t x86_cr3_root(uint64_t cr3)
{
    return cr3 & X86_CR3_ADDR_MASK;
}

/* PCID held in a CR3 value (meaningful with CR4.PCIDE = 1). */
static inline uint16_t x86_cr3_pcid(uint64_t cr3)
{
    return (uint16_t)(cr3 & X86_CR3_PCID_MASK);
}
#endif

/* CR4 (SDM 2.5) */
#define X86_CR4_VME        (X86_REG_U64(1) << 0)
#define X86_CR4_PVI        (X86_REG_U64(1) << 1)
#define X86_CR4_TSD        (X86_REG_U64(1) << 2)
#define X86_CR4_DE         (X86_REG_U64(1) << 3)
#define X86_CR4_PSE        (X86_REG_U64(1) << 4)
#define X86_CR4_PAE        (X86_REG_U64(1) << 5)
#define X86_CR4_MCE        (X86_REG_U64(1) << 6)
#define X86_CR4_PGE        (X86_REG_U64(1) << 7)
#define X86_CR4_PCE        (X86_REG_U64(1) << 8)
#define X86_CR4_OSFXSR     (X86_REG_U64(1) << 9)
#define X86_CR4_OSXMMEXCPT (X86_REG_U64(1) << 10)
#define X86_CR4_UMIP       (X86_REG_U64(1) << 11)
#define X86_CR4_LA57       (X86_REG_U64(1) << 12)
#define X86_CR4_VMXE       (X86_REG_U64(1) << 13)
#define X86_CR4_SMXE       (X86_REG_U64(1) << 14)
#define X86_CR4_FSGSBASE   (X86_REG_U64(1) << 16)
#define X86_CR4_PCIDE      (X86_REG_U64(1) << 17)
#define X86_CR4_OSXSAVE    (X86_REG_U64(1) << 18)
#define X86_CR4_KL         (X86_REG_U64(1) << 19)
#define X86_CR4_SMEP       (X86_REG_U64(1) << 20)
#define X86_CR4_SMAP       (X86_REG_U64(1) << 21)
#define X86_CR4_PKE        (X86_REG_U64(1) << 22)
#define X86_CR4_CET        (X86_REG_U64(1) << 23)
#define X86_CR4_PKS        (X86_REG_U64(1) << 24)

/* RFLAGS (SDM Vol. 1, 3.4.3) */
#define X86_RFLAGS_CF   (X86_REG_U64(1) << 0)
#define X86_RFLAGS_PF   (X86_REG_U64(1) << 2)
#define X86_RFLAGS_AF   (X86_REG_U64(1) << 4)
#define X86_RFLAGS_ZF   (X86_REG_U64(1) << 6)
#define X86_RFLAGS_SF   (X86_REG_U64(1) << 7)
#define X86_RFLAGS_TF   (X86_REG_U64(1) << 8)
#define X86_RFLAGS_IF   (X86_REG_U64(1) << 9)
#define X86_RFLAGS_DF   (X86_REG_U64(1) << 10)
#define X86_RFLAGS_OF   (X86_REG_U64(1) << 11)
#define X86_RFLAGS_IOPL (X86_REG_U64(3) << 12)
#define X86_RFLAGS_NT   (X86_REG_U64(1) << 14)
#define X86_RFLAGS_RF   (X86_REG_U64(1) << 16)
#define X86_RFLAGS_VM   (X86_REG_U64(1) << 17)
#define X86_RFLAGS_AC   (X86_REG_U64(1) << 18)
#define X86_RFLAGS_VIF  (X86_REG_U64(1) << 19)
#define X86_RFLAGS_VIP  (X86_REG_U64(1) << 20)
#define X86_RFLAGS_ID   (X86_REG_U64(1) << 21)

/* XCR0 (SDM 2.6, Vol. 1 13.1) */
#define X86_XCR0_X87       (X86_REG_U64(1) << 0)
#define X86_XCR0_SSE       (X86_REG_U64(1) << 1)
#define X86_XCR0_AVX       (X86_REG_U64(1) << 2)
#define X86_XCR0_BNDREG    (X86_REG_U64(1) << 3)
#define X86_XCR0_BNDCSR    (X86_REG_U64(1) << 4)
#define X86_XCR0_OPMASK    (X86_REG_U64(1) << 5)
#define X86_XCR0_ZMM_HI256 (X86_REG_U64(1) << 6)
#define X86_XCR0_HI16_ZMM  (X86_REG_U64(1) << 7)
#define X86_XCR0_PKRU      (X86_REG_U64(1) << 9)

/* DR6 and DR7 (SDM 17.2.3, 17.2.4) */
#define X86_DR6_B0  (X86_REG_U64(1) << 0)
#define X86_DR6_B1  (X86_REG_U64(1) << 1)
#define X86_DR6_B2  (X86_REG_U64(1) << 2)
#define X86_DR6_B3  (X86_REG_U64(1) << 3)
#define X86_DR6_BD  (X86_REG_U64(1) << 13)
#define X86_DR6_BS  (X86_REG_U64(1) << 14)
#define X86_DR6_BT  (X86_REG_U64(1) << 15)
#define X86_DR7_LOCAL(n)  (X86_REG_U64(1) << (2 * (n)))        /* L0..L3 */
#define X86_DR7_GLOBAL(n) (X86_REG_U64(1) << (2 * (n) + 1))    /* G0..G3 */
#define X86_DR7_GD        (X86_REG_U64(1) << 13)
#define X86_DR7_RW_SHIFT(n)  (16 + 4 * (n))                 /* R/W0..3: 2 bits each */
#define X86_DR7_LEN_SHIFT(n) (18 + 4 * (n))                 /* LEN0..3: 2 bits each */
#define X86_DR7_RW_EXECUTE X86_REG_U32(0)
#define X86_DR7_RW_WRITE   X86_REG_U32(1)
#define X86_DR7_RW_IO      X86_REG_U32(2)
#define X86_DR7_RW_ACCESS  X86_REG_U32(3)

/* MSR numbers (SDM Vol. 4, Table 2-2) */
#define X86_MSR_APIC_BASE      X86_REG_U32(0x0000001B)
#define X86_MSR_PAT            X86_REG_U32(0x00000277)
#define X86_MSR_EFER           X86_REG_U32(0xC0000080)
#define X86_MSR_STAR           X86_REG_U32(0xC0000081)
#define X86_MSR_LSTAR          X86_REG_U32(0xC0000082)
#define X86_MSR_CSTAR          X86_REG_U32(0xC0000083)
#define X86_MSR_SFMASK         X86_REG_U32(0xC0000084)
#define X86_MSR_FS_BASE        X86_REG_U32(0xC0000100)
#define X86_MSR_GS_BASE        X86_REG_U32(0xC0000101)
#define X86_MSR_KERNEL_GS_BASE X86_REG_U32(0xC0000102)
#define X86_MSR_TSC_AUX        X86_REG_U32(0xC0000103)

/* EFER (SDM 2.2.1) */
#define X86_EFER_SCE   (X86_REG_U64(1) << 0)    /* SYSCALL enable */
#define X86_EFER_LME   (X86_REG_U64(1) << 8)    /* long mode enable */
#define X86_EFER_LMA   (X86_REG_U64(1) << 10)   /* long mode active */
#define X86_EFER_NXE   (X86_REG_U64(1) << 11)   /* execute-disable enable */
#define X86_EFER_SVME  (X86_REG_U64(1) << 12)   /* AMD: SVM enable */
#define X86_EFER_LMSLE (X86_REG_U64(1) << 13)   /* AMD: long mode segment limit enable */
#define X86_EFER_FFXSR (X86_REG_U64(1) << 14)   /* AMD: fast FXSAVE/FXRSTOR */
#define X86_EFER_TCE   (X86_REG_U64(1) << 15)   /* AMD: translation cache extension */

/* IA32_APIC_BASE (SDM 10.4.4) */
#define X86_APIC_BASE_BSP        (X86_REG_U64(1) << 8)
#define X86_APIC_BASE_X2APIC     (X86_REG_U64(1) << 10)
#define X86_APIC_BASE_ENABLE     (X86_REG_U64(1) << 11)
#define X86_APIC_BASE_ADDR_MASK  X86_REG_U64(0x000FFFFFFFFFF000)

/* IA32_STAR (SDM 5.8.8): SYSCALL loads CS from bits 47..32 (SS = that + 8);
 * 64-bit SYSRET loads CS from bits 63..48 + 16 and SS from bits 63..48 + 8. */
#ifndef __ASSEMBLER__
static inline uint64_t x86_star_make(uint16_t syscall_cs, uint16_t sysret_base)
{
    return ((uint64_t)sysret_base << 48) | ((uint64_t)syscall_cs << 32);
}
#endif

#if (defined(__x86_64__) || defined(__i386__)) && !defined(__ASSEMBLER__)

#define X86_DEFINE_CR(n)                                                                \
    static inline uint64_t x86_read_cr##n(void)                                         \
    {                                                                                   \
        uintptr_t value;                                                                \
        __asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(value) : : "memory");          \
        return value;                                                                   \
    }                                                                                   \
    static inline void x86_write_cr##n(uint64_t value)                                  \
    {                                                                                   \
        uintptr_t v = (uintptr_t)value;                                                 \
        __asm__ __volatile__("mov %0, %%cr" #n : : "r"(v) : "memory");                  \
    }

X86_DEFINE_CR(0)
X86_DEFINE_CR(3)
X86_DEFINE_CR(4)
#if defined(__x86_64__)
X86_DEFINE_CR(8) /* task-priority register, 64-bit mode only (SDM 2.5) */
#endif

/* CR2 holds the faulting linear address of the last page fault (read only). */
static inline uint64_t x86_read_cr2(void)
{
    uintptr_t value;
    __asm__ __volatile__("mov %%cr2, %0" : "=r"(value) : : "memory");
    return value;
}

#define X86_DEFINE_DR(n)                                                                \
    static inline uint64_t x86_read_dr##n(void)                                         \
    {                                                                                   \
        uintptr_t value;                                                                \
        __asm__ __volatile__("mov %%db" #n ", %0" : "=r"(value));                       \
        return value;                                                                   \
    }                                                                                   \
    static inline void x86_write_dr##n(uint64_t value)                                  \
    {                                                                                   \
        uintptr_t v = (uintptr_t)value;                                                 \
        __asm__ __volatile__("mov %0, %%db" #n : : "r"(v));                             \
    }

X86_DEFINE_DR(0)
X86_DEFINE_DR(1)
X86_DEFINE_DR(2)
X86_DEFINE_DR(3)
X86_DEFINE_DR(6)
X86_DEFINE_DR(7)

static inline uint64_t x86_rdmsr(uint32_t msr)
{
    uint32_t lo;
    uint32_t hi;
    __asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return ((uint64_t)hi << 32) | lo;
}

static inline void x86_wrmsr(uint32_t msr, uint64_t value)
{
    __asm__ __volatile__("wrmsr"
                         :
                         : "c"(msr), "a"((uint32_t)value), "d"((uint32_t)(value >> 32))
                         : "memory");
}

static inline uint64_t x86_read_efer(void)
{
    return x86_rdmsr(X86_MSR_EFER);
}

static inline void x86_write_efer(uint64_t value)
{
    x86_wrmsr(X86_MSR_EFER, value);
}

/* XCR0 through XGETBV/XSETBV (needs CR4.OSXSAVE). */
static inline uint64_t x86_read_xcr0(void)
{
    uint32_t lo;
    uint32_t hi;
    __asm__ __volatile__("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0u));
    return ((uint64_t)hi << 32) | lo;
}

static inline void x86_write_xcr0(uint64_t value)
{
    __asm__ __volatile__("xsetbv"
                         :
                         : "c"(0u), "a"((uint32_t)value), "d"((uint32_t)(value >> 32))
                         : "memory");
}

/* RFLAGS (readable in user mode too). The compiler's builtins emit PUSHF/POPF
 * themselves, which keeps them safe in code that uses the red zone, where a
 * PUSH inside inline assembly would overwrite the compiler's data. */
static inline uint64_t x86_read_rflags(void)
{
#if defined(__x86_64__)
    return __builtin_ia32_readeflags_u64();
#else
    return __builtin_ia32_readeflags_u32();
#endif
}

static inline void x86_write_rflags(uint64_t value)
{
#if defined(__x86_64__)
    __builtin_ia32_writeeflags_u64(value);
#else
    __builtin_ia32_writeeflags_u32((uint32_t)value);
#endif
}

#endif /* x86 */
#endif
